/* SPDX-License-Identifier: MIT */
/* The languages kurz knows: ISO 639-1 code, Snowball algorithm, stop words. */
#include <string.h>

#include "wordlist.h"

/* Each language of KURZ__LANGS (kurz-private.h), in its order; its stop
 * words are data/stopwords/<code>.txt (the build fails when one is missing). */
#define INFO(id, code, snowball) \
    {code, snowball, KURZ__LANG_##id, &kurz__lists[KURZ__WL_STOPWORDS_##id]},
#define CODE(id, code, snowball) code,
static const kurz__langinfo langs[] = {KURZ__LANGS(INFO)};
static const char *const codes[] = {KURZ__LANGS(CODE) NULL};
#undef INFO
#undef CODE

#define NLANGS (sizeof langs / sizeof langs[0])

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int same_ci(const char *a, const char *b)
{
    for (; *a && *b; a++, b++)
        if (lower((unsigned char)*a) != lower((unsigned char)*b))
            return 0;
    return *a == *b;
}

const kurz__langinfo *kurz__lang_find(const char *name)
{
    if (!name)
        return NULL;
    for (size_t i = 0; i < NLANGS; i++)
        if (same_ci(name, langs[i].code) || same_ci(name, langs[i].snowball))
            return &langs[i];
    return NULL;
}

const kurz__langinfo *kurz__lang_info(kurz__lang lang)
{
    if (lang <= KURZ__LANG_OTHER || (size_t)lang > NLANGS)
        return NULL;
    return &langs[lang - 1];
}

const char *kurz__lang_rules_code(kurz__lang rules)
{
    const kurz__langinfo *li = kurz__lang_info(rules);
    return li ? li->code : NULL;
}

KURZ_API const char *const *kurz_languages(void)
{
    return codes;
}
