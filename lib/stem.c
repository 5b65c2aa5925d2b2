/* The only file that talks to libstemmer. */
#include <limits.h>
#include <libstemmer.h>
#include <stdlib.h>

#include "kurz-private.h"

struct kurz__stemmer {
    struct sb_stemmer *sb;
};

kurz__stemmer *kurz__stemmer_new(const char *name)
{
    /* libstemmer allocates with malloc itself; our wrapper does the same so
     * the pair lives and dies together. */
    kurz__stemmer *st = malloc(sizeof *st);
    if (!st)
        return NULL;
    st->sb = sb_stemmer_new(name, "UTF_8");
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
    free(st);
}

int kurz__stem(kurz__stemmer *st, const uint8_t *w, size_t n, const uint8_t **out, size_t *outlen)
{
    /* No real word is this long, and some Snowball rules cost time
     * proportional to the word for each change they make, which would
     * make a megabyte-long "word" quadratic. libstemmer also takes an int. */
    if (n > KURZ__STEM_MAX) {
        *out = w;
        *outlen = n;
        return 0;
    }
    const sb_symbol *s = sb_stemmer_stem(st->sb, (const sb_symbol *)w, (int)n);
    if (!s)
        return KURZ_ERR_NOMEM;
    *out = s;
    *outlen = (size_t)sb_stemmer_length(st->sb);
    return 0;
}
