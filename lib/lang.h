/* SPDX-License-Identifier: MIT */
/* Private to libkurz (every symbol hidden, named kurz__*): one stage of
 * the pipeline. Each stage header includes the one before it, so a stage
 * sees the stages it builds on and none after it (see kurz-private.h). */
#ifndef KURZ_LANG_H
#define KURZ_LANG_H

#include "alloc.h" /* the stages before this one */

/* ---- Languages (lang.c) ----------------------------------------------
 * Each language once: id, ISO 639-1 code, Snowball algorithm. A language's
 * rules are data: its word lists data/<kind>/<code>.txt (stopwords and
 * abbrev are required for every language, the others optional; see
 * data/lists.txt), looked up by its code. */
#define KURZ__LANGS(X) \
    X(AR, "ar", "arabic") \
    X(CA, "ca", "catalan") \
    X(DA, "da", "danish") \
    X(DE, "de", "german") \
    X(EL, "el", "greek") \
    X(EN, "en", "english") \
    X(ES, "es", "spanish") \
    X(EU, "eu", "basque") \
    X(FI, "fi", "finnish") \
    X(FR, "fr", "french") \
    X(GA, "ga", "irish") \
    X(HI, "hi", "hindi") \
    X(HU, "hu", "hungarian") \
    X(HY, "hy", "armenian") \
    X(ID, "id", "indonesian") \
    X(IT, "it", "italian") \
    X(LT, "lt", "lithuanian") \
    X(NE, "ne", "nepali") \
    X(NL, "nl", "dutch") \
    X(NO, "no", "norwegian") \
    X(PT, "pt", "portuguese") \
    X(RO, "ro", "romanian") \
    X(RU, "ru", "russian") \
    X(SR, "sr", "serbian") \
    X(SV, "sv", "swedish") \
    X(TA, "ta", "tamil") \
    X(TR, "tr", "turkish") \
    X(YI, "yi", "yiddish")

/* A language: KURZ__LANG_OTHER (none: generic rules, no stop words) or
 * 1 + the language's position in KURZ__LANGS (KURZ__LANG_DE, ...). The
 * values are internal and may change when a language is added. */
typedef enum kurz__lang {
    KURZ__LANG_OTHER = 0,
#define KURZ__LANG_ID_(id, code, snowball) KURZ__LANG_##id,
    KURZ__LANGS(KURZ__LANG_ID_)
#undef KURZ__LANG_ID_
    KURZ__LANG_COUNT
} kurz__lang;

struct kurz__wordlist;
typedef struct kurz__langinfo {
    const char *code;     /* ISO 639-1, "de" */
    const char *snowball; /* libstemmer algorithm name, "german" */
    kurz__lang rules;     /* the language's id: its segmentation and stop-word rules */
    const struct kurz__wordlist *stopwords; /* data/stopwords/<code> */
} kurz__langinfo;

/* Looks up a code or Snowball name, any letter case; NULL when unknown. */
const kurz__langinfo *kurz__lang_find(const char *name);
/* The language lang, or NULL for KURZ__LANG_OTHER (or no language). */
const kurz__langinfo *kurz__lang_info(kurz__lang lang);
/* The code of language rules ("de" for KURZ__LANG_DE), which names its word
 * lists in data/; NULL for KURZ__LANG_OTHER. */
const char *kurz__lang_rules_code(kurz__lang rules);

#endif /* KURZ_LANG_H */
