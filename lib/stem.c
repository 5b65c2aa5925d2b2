/* SPDX-License-Identifier: MIT */
/* The only file that talks to libstemmer. */
#include <limits.h>
#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>

#include "kurz-test.h"

/* Room for a stem in UTF-8 converted back from ISO-8859-1: two bytes a
 * character, and a Snowball rule may lengthen a word (German ß -> ss). */
#define LATIN1_OUT (4 * KURZ__STEM_MAX)

struct kurz__stemmer {
    struct sb_stemmer *sb;
    /* The same algorithm compiled for ISO-8859-1, used for words whose
     * characters all fit in it. Snowball's single-byte code runs the German
     * and French algorithms about a quarter faster than its UTF-8 code, even
     * counting the two conversions. NULL for other languages: there the
     * conversions cost more than they save, and Dutch's single-byte variant
     * even gives other stems for some accented words. */
    struct sb_stemmer *latin1;
    uint8_t in[KURZ__STEM_MAX];
    uint8_t out[LATIN1_OUT];
    uint64_t work; /* kurz__stem_work */
};

int kurz__stem_has(const char *name)
{
    for (const char **l = sb_stemmer_list(); *l; l++)
        if (!strcmp(*l, name))
            return 1;
    return 0;
}

uint64_t kurz__stem_work(const kurz__stemmer *st)
{
    return st ? st->work : 0;
}

kurz__stemmer *kurz__stemmer_new(const char *name)
{
    /* libstemmer allocates with malloc itself; our wrapper does the same so
     * the pair lives and dies together. */
    kurz__stemmer *st = malloc(sizeof *st);
    if (!st)
        return NULL;
    st->sb = sb_stemmer_new(name, "UTF_8");
    st->latin1 = NULL;
    st->work = 0;
    if (st->sb && (!strcmp(name, "german") || !strcmp(name, "french")))
        st->latin1 = sb_stemmer_new(name, "ISO_8859_1"); /* NULL is fine */
    if (!st->sb) {
        free(st);
        return NULL;
    }
    return st;
}

void kurz__stemmer_free(kurz__stemmer *st)
{
    if (!st)
        return;
    sb_stemmer_delete(st->sb);
    if (st->latin1)
        sb_stemmer_delete(st->latin1);
    free(st);
}

/* w[0..n) as ISO-8859-1 in st->in; its length, or -1 when a character is
 * above U+00FF (or the bytes are not UTF-8: they are left to libstemmer). */
static int to_latin1(kurz__stemmer *st, const uint8_t *w, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = w[i];
        if (c >= 0x80) {
            if ((c != 0xC2 && c != 0xC3) || i + 1 == n || (w[i + 1] & 0xC0) != 0x80)
                return -1;
            c = (uint8_t)(((c & 0x03) << 6) | (w[++i] & 0x3F));
        }
        st->in[k++] = c;
    }
    return (int)k;
}

/* The stem in st->latin1's buffer back to UTF-8 in st->out. */
static int stem_latin1(kurz__stemmer *st, int k, const uint8_t **out, size_t *outlen)
{
    const sb_symbol *s = sb_stemmer_stem(st->latin1, st->in, k);
    if (!s)
        return KURZ_ERR_NOMEM;
    int m = sb_stemmer_length(st->latin1);
    if (m > LATIN1_OUT / 2)
        return 1; /* not expected (a word of 256 bytes at most doubles): stem it the other way */
    size_t o = 0;
    for (int i = 0; i < m; i++) {
        uint8_t c = s[i];
        if (c < 0x80) {
            st->out[o++] = c;
        } else {
            st->out[o++] = (uint8_t)(0xC0 | (c >> 6));
            st->out[o++] = (uint8_t)(0x80 | (c & 0x3F));
        }
    }
    *out = st->out;
    *outlen = o;
    return 0;
}

int kurz__stem(kurz__stemmer *st, const uint8_t *w, size_t n, const uint8_t **out, size_t *outlen)
{
    if (!st) { /* no stemmer (text in none of the languages): the word itself */
        *out = w;
        *outlen = n;
        return 0;
    }
    /* No real word is this long, and some Snowball rules cost time
     * proportional to the word for each change they make, which would
     * make a megabyte-long "word" quadratic. libstemmer also takes an int. */
    if (n > KURZ__STEM_MAX) {
        *out = w;
        *outlen = n;
        return 0;
    }
    st->work += (uint64_t)n * n;
    if (st->latin1) {
        int k = to_latin1(st, w, n);
        if (k >= 0) {
            int rc = stem_latin1(st, k, out, outlen);
            if (rc <= 0)
                return rc;
        }
    }
    const sb_symbol *s = sb_stemmer_stem(st->sb, (const sb_symbol *)w, (int)n);
    if (!s)
        return KURZ_ERR_NOMEM;
    *out = s;
    *outlen = (size_t)sb_stemmer_length(st->sb);
    return 0;
}
