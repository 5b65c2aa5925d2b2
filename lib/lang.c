/* The languages kurz knows: ISO 639-1 code, Snowball algorithm, rule set. */
#include <string.h>

#include "kurz-private.h"

/* Each language once: code, Snowball name, rule set (KURZ__LANG_*). */
#define LANGS(X) \
    X("ar", "arabic", OTHER) \
    X("ca", "catalan", OTHER) \
    X("da", "danish", OTHER) \
    X("de", "german", DE) \
    X("el", "greek", OTHER) \
    X("en", "english", EN) \
    X("es", "spanish", OTHER) \
    X("eu", "basque", OTHER) \
    X("fi", "finnish", OTHER) \
    X("fr", "french", FR) \
    X("ga", "irish", OTHER) \
    X("hi", "hindi", OTHER) \
    X("hu", "hungarian", OTHER) \
    X("hy", "armenian", OTHER) \
    X("id", "indonesian", OTHER) \
    X("it", "italian", OTHER) \
    X("lt", "lithuanian", OTHER) \
    X("ne", "nepali", OTHER) \
    X("nl", "dutch", OTHER) \
    X("no", "norwegian", OTHER) \
    X("pt", "portuguese", OTHER) \
    X("ro", "romanian", OTHER) \
    X("ru", "russian", OTHER) \
    X("sr", "serbian", OTHER) \
    X("sv", "swedish", OTHER) \
    X("ta", "tamil", OTHER) \
    X("tr", "turkish", OTHER) \
    X("yi", "yiddish", OTHER)

#define INFO(code, snowball, rules) {code, snowball, KURZ__LANG_##rules},
#define CODE(code, snowball, rules) code,
static const kurz__langinfo langs[] = {LANGS(INFO)};
static const char *const codes[] = {LANGS(CODE) NULL};
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

const char *kurz__lang_rules_code(kurz__lang rules)
{
    if (rules == KURZ__LANG_OTHER)
        return NULL;
    for (size_t i = 0; i < NLANGS; i++)
        if (langs[i].rules == rules)
            return langs[i].code;
    return NULL;
}

KURZ_API const char *const *kurz_languages(void)
{
    return codes;
}
