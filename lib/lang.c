/* The languages kurz knows: ISO 639-1 code, Snowball algorithm, rule set. */
#include <string.h>

#include "kurz-private.h"

static const kurz__langinfo langs[] = {
    {"ar", "arabic", KURZ__LANG_OTHER},     {"ca", "catalan", KURZ__LANG_OTHER},
    {"da", "danish", KURZ__LANG_OTHER},     {"de", "german", KURZ__LANG_DE},
    {"el", "greek", KURZ__LANG_OTHER},      {"en", "english", KURZ__LANG_EN},
    {"es", "spanish", KURZ__LANG_OTHER},    {"eu", "basque", KURZ__LANG_OTHER},
    {"fi", "finnish", KURZ__LANG_OTHER},    {"fr", "french", KURZ__LANG_FR},
    {"ga", "irish", KURZ__LANG_OTHER},      {"hi", "hindi", KURZ__LANG_OTHER},
    {"hu", "hungarian", KURZ__LANG_OTHER},  {"hy", "armenian", KURZ__LANG_OTHER},
    {"id", "indonesian", KURZ__LANG_OTHER}, {"it", "italian", KURZ__LANG_OTHER},
    {"lt", "lithuanian", KURZ__LANG_OTHER}, {"ne", "nepali", KURZ__LANG_OTHER},
    {"nl", "dutch", KURZ__LANG_OTHER},      {"no", "norwegian", KURZ__LANG_OTHER},
    {"pt", "portuguese", KURZ__LANG_OTHER}, {"ro", "romanian", KURZ__LANG_OTHER},
    {"ru", "russian", KURZ__LANG_OTHER},    {"sr", "serbian", KURZ__LANG_OTHER},
    {"sv", "swedish", KURZ__LANG_OTHER},    {"ta", "tamil", KURZ__LANG_OTHER},
    {"tr", "turkish", KURZ__LANG_OTHER},    {"yi", "yiddish", KURZ__LANG_OTHER},
};

#define NLANGS (sizeof langs / sizeof langs[0])

static const char *const codes[NLANGS + 1] = {
    "ar", "ca", "da", "de", "el", "en", "es", "eu", "fi", "fr", "ga", "hi", "hu", "hy",
    "id", "it", "lt", "ne", "nl", "no", "pt", "ro", "ru", "sr", "sv", "ta", "tr", "yi", NULL,
};

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

KURZ_API const char *const *kurz_languages(void)
{
    return codes;
}
