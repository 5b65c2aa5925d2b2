/* SPDX-License-Identifier: MIT */
/* Stop words: the lists data/stopwords/<language>.txt (function words only:
 * articles, pronouns, determiners, prepositions, conjunctions, forms of the
 * auxiliary and modal verbs and common adverbs), folded to the tokenizer's
 * normal form (NFC + casefold) by tools/gen-tables.py, so a lookup compares
 * bytes. Inflected forms are listed one by one because the lookup happens
 * before stemming. */
#include "stopwords.h"

static const kurz__wordlist *list_of(kurz__lang lang)
{
    const kurz__langinfo *li = kurz__lang_info(lang);
    return li ? li->stopwords : NULL;
}

int kurz__is_stopword(kurz__lang lang, const uint8_t *w, size_t n)
{
    return kurz__wl_find(list_of(lang), w, n) >= 0;
}

/* For the unit test only (not in kurz-private.h): the i-th entry of lang's
 * list and its length, or NULL past the end. */
const char *kurz__stopword_at(kurz__lang lang, size_t i, size_t *len);

const char *kurz__stopword_at(kurz__lang lang, size_t i, size_t *len)
{
    const kurz__wordlist *l = list_of(lang);
    if (!l || i >= l->n)
        return NULL;
    return kurz__wl_at(l, i, len);
}
