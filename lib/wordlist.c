/* SPDX-License-Identifier: MIT */
/* The word lists of data/ (see data/lists.txt), as tools/gen-tables.py
 * writes them into kurz-lists.c at build time: one lookup for all of them.
 *
 * Each list is sorted by bytes, and has an open-addressing hash table (at
 * most half full) made by the generator with kurz__hash_bytes at seed 0:
 * a lookup hashes the key once and compares it with an entry or two. */
#include <string.h>

#include "hash.h"
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

/* The entry of l equal to w[0..n) in the chain that starts at hash h. */
static long probe(const kurz__wordlist *l, uint64_t h, const uint8_t *w, size_t n)
{
    for (size_t j = h & l->mask;; j = (j + 1) & l->mask) {
        uint32_t s = l->slot[j];
        if (!s)
            return -1;
        s--;
        if (l->off[s + 1] - l->off[s] - 1 == n && memcmp(l->pool + l->off[s], w, n) == 0)
            return (long)s;
    }
}

long kurz__wl_find(const kurz__wordlist *l, const uint8_t *w, size_t n)
{
    if (!l || n == 0 || n > l->maxlen)
        return -1;
    return probe(l, kurz__hash_bytes(0, w, n), w, n);
}

long kurz__wl_find_padded(const kurz__wordlist *l, const uint8_t *w, size_t n)
{
    if (!l || n == 0 || n > l->maxlen)
        return -1;
    return probe(l, kurz__hash_padded(0, w, n), w, n);
}
