/* SPDX-License-Identifier: MIT */
/* Unit tests of lib/stem.c: kurz__stem must give exactly the stems of
 * libstemmer's UTF-8 algorithms, whichever of its own paths it takes (the
 * single-byte one for German and French words within ISO-8859-1, UTF-8 for
 * the rest). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <libstemmer.h>
#include <stdio.h>
#include <string.h>

#include "kurz-private.h"

typedef struct pair {
    kurz__stemmer *ours;
    struct sb_stemmer *ref;
    long checked;
} pair;

static void pair_open(pair *p, const char *lang)
{
    p->ours = kurz__stemmer_new(lang);
    p->ref = sb_stemmer_new(lang, "UTF_8");
    p->checked = 0;
    assert_non_null(p->ours);
    assert_non_null(p->ref);
}

static void pair_close(pair *p)
{
    kurz__stemmer_free(p->ours);
    sb_stemmer_delete(p->ref);
}

/* Our stem of w is libstemmer's UTF-8 stem of w. */
static void same(pair *p, const char *w, size_t n)
{
    const uint8_t *s;
    size_t sl;
    assert_int_equal(kurz__stem(p->ours, (const uint8_t *)w, n, &s, &sl), 0);
    const sb_symbol *r = sb_stemmer_stem(p->ref, (const sb_symbol *)w, (int)n);
    assert_non_null(r);
    size_t rl = (size_t)sb_stemmer_length(p->ref);
    if (sl != rl || memcmp(s, r, rl)) {
        fail_msg("'%.*s': kurz__stem gives '%.*s', libstemmer '%.*s'", (int)n, w, (int)sl,
                 (const char *)s, (int)rl, (const char *)r);
    }
    p->checked++;
}

static void same_s(pair *p, const char *w) { same(p, w, strlen(w)); }

/* Every word of words[0..nw) in every language of langs[0..nl). */
static void same_each(const char *const *langs, size_t nl, const char *const *words, size_t nw)
{
    for (size_t i = 0; i < nl; i++) {
        pair p;
        pair_open(&p, langs[i]);
        for (size_t k = 0; k < nw; k++)
            same_s(&p, words[k]);
        pair_close(&p);
    }
}

/* Written for this test: inflected forms that exercise the suffix rules,
 * with umlauts, accents, ß and ligatures. */
static const char *const german[] = {
    "häuser", "häusern", "bäume", "über", "überall", "übergeben", "müßig", "straße", "strasse",
    "größten", "grössten", "schönheit", "möglichkeiten", "königinnen", "gefährlich", "ärztliche",
    "öffentlichen", "zusammenhängend", "beziehungsweise", "verständnis", "äußerst", "fußball",
    "bauen", "bäuerin", "quellen", "quälend", "aufeinanderfolgenden", "zeitschrift", "é", "ü",
    "à", "ä", "ß", "ÿ", "été", "café", "œuvre", "ħalib", "наука", "日本語", "a", "au", "aui",
    "ya", "yü", "uüu", "eingeschränkt", "lösungen", "erklärungen", "schützenswert",
};

static const char *const french[] = {
    "maisons", "français", "françaises", "élévation", "élèves", "développement", "économiques",
    "château", "châteaux", "hôpitaux", "naïveté", "noël", "aïeux", "ambiguë", "ambiguïté",
    "œuvre", "œuvres", "cœur", "sœurs", "mœurs", "nœud", "bœuf", "ex-æquo", "ærien", "où",
    "déjà", "grâce", "île", "îles", "goût", "dû", "mûrement", "hyperactivité", "ÿ", "ç", "é",
    "joyeusement", "ennuyeux", "payer", "quelque", "aiguille", "évaluations", "straße",
    "ħalib", "наука", "日本語", "a", "ui", "uiu", "yeux", "orientation", "assiduité",
};

static void test_word_lists(void **state)
{
    static const char *const de[] = {"german"}, *const fr[] = {"french"};
    same_each(de, 1, german, sizeof german / sizeof *german);
    same_each(fr, 1, french, sizeof french / sizeof *french);
}

/* Every word of one to three letters over an alphabet with the vowels,
 * accents and consonants the two algorithms care about, alone and before
 * each of a set of suffixes. */
static void sweep(const char *lang, const char *const *suffixes, size_t nsuf)
{
    static const char *const letters[] = {
        "a", "e", "i", "o", "u", "y", "b", "c", "d", "g", "l", "m", "n", "q", "r", "s", "t",
        "ä", "ö", "ü", "à", "â", "ç", "è", "é", "ê", "ë", "î", "ï", "ô", "û", "ù", "ÿ", "ß", "œ",
    };
    const size_t nl = sizeof letters / sizeof *letters;
    pair p;
    pair_open(&p, lang);
    char w[64];
    for (size_t len = 1; len <= 3; len++) {
        size_t total = 1;
        for (size_t k = 0; k < len; k++)
            total *= nl;
        for (size_t code = 0; code < total; code++) {
            size_t c = code, o = 0;
            for (size_t k = 0; k < len; k++, c /= nl) {
                size_t l = strlen(letters[c % nl]);
                memcpy(w + o, letters[c % nl], l);
                o += l;
            }
            for (size_t s = 0; s <= nsuf; s++) {
                size_t sl = s < nsuf ? strlen(suffixes[s]) : 0;
                memcpy(w + o, s < nsuf ? suffixes[s] : "", sl);
                same(&p, w, o + sl);
            }
        }
    }
    assert_true(p.checked > 40000); /* the loops did run */
    pair_close(&p);
}

static void test_sweep_german(void **state)
{
    static const char *const suf[] = {"en", "ern", "es", "em", "er", "est", "st", "end",
                                      "ung", "heit", "keit", "isch", "lich", "ig", "ik"};
    sweep("german", suf, sizeof suf / sizeof *suf);
}

static void test_sweep_french(void **state)
{
    static const char *const suf[] = {"ement", "ation", "euses", "ances", "ités", "ive",
                                      "eaux", "issement", "issant", "irent", "èrent", "ées",
                                      "ions", "ent", "amment", "logie", "ateur"};
    sweep("french", suf, sizeof suf / sizeof *suf);
}

/* The other algorithms keep libstemmer's UTF-8 code; still the same stems. */
static void test_other_languages(void **state)
{
    static const char *const langs[] = {"dutch", "english", "italian", "spanish", "swedish"};
    static const char *const words[] = {"ère", "ëûheden", "categorías", "città", "bröderna",
                                        "running", "œuvre", "ħalib"};
    same_each(langs, sizeof langs / sizeof *langs, words, sizeof words / sizeof *words);
}

/* Bytes that are not UTF-8 never reach kurz__stem from the library (the
 * input is validated), but if they do they are libstemmer's business. */
static void test_not_utf8(void **state)
{
    static const char *const langs[] = {"german", "french"};
    static const char *const words[] = {"ab\xC3", "\xC3" "Ab", "\xC2", "x\x80y", "\xFF\xFE",
                                        "caf\xC3\xA9\xC3", "\xC3\xC3\xA9t\xC3\xA9"};
    same_each(langs, sizeof langs / sizeof *langs, words, sizeof words / sizeof *words);
}

/* Words past KURZ__STEM_MAX bytes come back unchanged; at the limit they
 * are stemmed like any other. */
static void test_long_words(void **state)
{
    pair p;
    pair_open(&p, "french");
    char w[KURZ__STEM_MAX + 2];
    size_t n = 0;
    while (n + 2 <= KURZ__STEM_MAX - 7) {
        memcpy(w + n, "é", 2);
        n += 2;
    }
    memcpy(w + n, "ations", 6);
    n += 6;
    same(&p, w, n);
    while (n < KURZ__STEM_MAX)
        w[n++] = 's';
    same(&p, w, n);
    w[n++] = 's';
    const uint8_t *s;
    size_t sl;
    assert_int_equal(kurz__stem(p.ours, (const uint8_t *)w, n, &s, &sl), 0);
    assert_int_equal(sl, n);
    assert_memory_equal(s, w, n);
    pair_close(&p);
}

/* kurz__stem_has follows sb_stemmer_list, and a language of kurz_languages
 * that the stemmer library lacks is refused as unsupported, not as a
 * memory failure. */
static void test_stem_has(void **state)
{
    (void)state;
    assert_int_equal(kurz__stem_has("german"), 1);
    assert_int_equal(kurz__stem_has("french"), 1);
    assert_int_equal(kurz__stem_has("klingon"), 0);
    assert_int_equal(kurz__stem_has("de"), 0); /* Snowball names, not codes */
    for (const char *const *l = kurz_languages(); *l; l++) {
        const kurz__langinfo *li = kurz__lang_find(*l);
        assert_non_null(li);
        kurz_summarizer *s = NULL;
        int rc = kurz_summarizer_new(&s, *l);
        assert_int_equal(rc, kurz__stem_has(li->snowball) ? KURZ_OK : KURZ_ERR_UNSUPPORTED_LANG);
        kurz__stemmer *st = kurz__stemmer_new(li->snowball);
        assert_int_equal(st != NULL, kurz__stem_has(li->snowball));
        kurz__stemmer_free(st);
        kurz_summarizer_free(s);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_word_lists),
        cmocka_unit_test(test_sweep_german),
        cmocka_unit_test(test_sweep_french),
        cmocka_unit_test(test_other_languages),
        cmocka_unit_test(test_not_utf8),
        cmocka_unit_test(test_long_words),
        cmocka_unit_test(test_stem_has),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
