/* The word lists of data/ (see data/lists.txt), as tools/gen-tables.py
 * writes them into kurz-lists.c at build time: one lookup for all of them.
 *
 * Each list is sorted by bytes; first[b] .. first[b + 1] are the entries
 * starting with byte b, so a lookup bisects only the words that share the
 * key's first byte (most keys are rejected there or by their length). */
#include <string.h>

#include "kurz-private.h"

const kurz__wordlist *kurz__wl_get(const char *name)
{
    size_t lo = 0, hi = KURZ__WL_COUNT;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(kurz__lists[mid].name, name);
        if (c == 0)
            return &kurz__lists[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

const kurz__wordlist *kurz__wl_lang(const char *kind, const char *lang)
{
    char name[64];
    size_t k = strlen(kind), l = strlen(lang);
    if (k + l + 2 > sizeof name)
        return NULL;
    memcpy(name, kind, k);
    name[k] = '/';
    memcpy(name + k + 1, lang, l + 1);
    return kurz__wl_get(name);
}

long kurz__wl_find(const kurz__wordlist *l, const uint8_t *w, size_t n)
{
    if (!l || n == 0 || n > l->maxlen)
        return -1;
    size_t lo = l->first[w[0]], hi = l->first[w[0] + 1];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *e = l->pool + l->off[mid];
        size_t el = l->off[mid + 1] - l->off[mid] - 1;
        int c = memcmp(e, w, el < n ? el : n);
        if (c == 0)
            c = el < n ? -1 : el > n;
        if (c == 0)
            return (long)mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}
