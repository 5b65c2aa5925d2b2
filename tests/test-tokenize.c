/* SPDX-License-Identifier: MIT */
/* Unit tests of the word tokenizer (lib/tokenize.c) and the stop-word lists
 * (lib/stopwords.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "kurz-private.h"

/* Test hook in stopwords.c (not part of kurz-private.h). */
const char *kurz__stopword_at(kurz__lang lang, size_t i, size_t *len);

#define MAXW 64

typedef struct toks {
    int n;
    int rc; /* last return of kurz__tok_next */
    char joined[4096];
    size_t ws[MAXW], we[MAXW];
} toks;

/* Tokenizes text[0..len) and joins the words with '|'. */
static void run_len(toks *r, kurz__lang lang, const char *text, size_t len)
{
    kurz__mem m;
    kurz__mem_default(&m);
    kurz__tokenizer t;
    kurz__tok_init(&t, &m, lang);
    kurz__tok_reset(&t, text, 0, len);
    memset(r, 0, sizeof *r);
    const uint8_t *w;
    size_t wl, s, e, o = 0;
    while ((r->rc = kurz__tok_next(&t, &w, &wl, &s, &e)) == 1) {
        assert_true(r->n < MAXW);
        assert_int_equal(strlen((const char *)w), wl); /* NUL-terminated, no NUL inside */
        for (size_t k = 1; k <= KURZ__WORD_PAD; k++) /* and zero-padded for hashing */
            assert_int_equal(w[wl + k], 0);
        assert_true(s < e && e <= len);
        r->ws[r->n] = s;
        r->we[r->n] = e;
        r->n++;
        assert_true(o + wl + 2 < sizeof r->joined);
        if (o)
            r->joined[o++] = '|';
        memcpy(r->joined + o, w, wl);
        o += wl;
        r->joined[o] = 0;
    }
    assert_int_equal(r->rc, 0);
    /* at the end it stays at the end */
    assert_int_equal(kurz__tok_next(&t, &w, &wl, &s, &e), 0);
    kurz__tok_free(&t);
}

static void run(toks *r, kurz__lang lang, const char *text)
{
    run_len(r, lang, text, strlen(text));
}

static void expect(kurz__lang lang, const char *text, const char *joined)
{
    toks r;
    run(&r, lang, text);
    assert_string_equal(r.joined, joined);
}

/* ---- tokenizer ------------------------------------------------------- */

static void test_ascii(void **state)
{
    (void)state;
    expect(KURZ__LANG_DE, "Der Hund bellt, die KATZE schläft nicht.",
           "der|hund|bellt|die|katze|schläft|nicht");
    expect(KURZ__LANG_DE, "", "");
    expect(KURZ__LANG_DE, "   \t\n", "");
    expect(KURZ__LANG_DE, "x", "x");
    expect(KURZ__LANG_OTHER, "MiXeD_case (Tests) [ok]", "mixed|case|tests|ok");
}

static void test_sharp_s_umlauts(void **state)
{
    (void)state;
    expect(KURZ__LANG_DE, "Straße STRASSE Maß", "strasse|strasse|mass");
    expect(KURZ__LANG_DE, "GROẞE Grüße", "grosse|grüsse"); /* capital sharp s U+1E9E */
    expect(KURZ__LANG_DE, "ÄRGER Öl Übermaß ÄÖÜ äöü", "ärger|öl|übermass|äöü|äöü");
    expect(KURZ__LANG_DE, "Bäckerstraße 5", "bäckerstrasse|5");
}

static void test_accents(void **state)
{
    (void)state;
    expect(KURZ__LANG_FR, "ÉCOLE Élève À côté, NOËL œuvre ŒUVRE Çà",
           "école|élève|à|côté|noël|œuvre|œuvre|çà");
    /* Latin Extended letters go through the general path */
    expect(KURZ__LANG_OTHER, "Łódź ĀBOLS ŠKODA", "łódź|ābols|škoda");
    /* the ends of the Latin-1 letter block U+00C0..U+00FF */
    expect(KURZ__LANG_OTHER, "ÀÞØÖ àþøöÿ Ÿ", "àþøö|àþøöÿ|ÿ");
}

static void test_nfc(void **state)
{
    (void)state;
    /* decomposed input comes out precomposed */
    expect(KURZ__LANG_FR, "e\xCC\x81" "cole", "\xC3\xA9" "cole");
    expect(KURZ__LANG_FR, "E\xCC\x81" "COLE", "\xC3\xA9" "cole");
    expect(KURZ__LANG_DE, "Mu\xCC\x88nchen", "m\xC3\xBC" "nchen");
    /* combining marks in either order: a + U+0302 + U+0323 -> U+1EAD */
    expect(KURZ__LANG_OTHER, "a\xCC\x82\xCC\xA3", "\xE1\xBA\xAD");
    expect(KURZ__LANG_OTHER, "a\xCC\xA3\xCC\x82", "\xE1\xBA\xAD");
    /* a mark after a separator is no word, a mark after a digit belongs */
    expect(KURZ__LANG_OTHER, "\xCC\x81" "a \xCC\x81 1\xCC\x81", "a|1\xCC\x81");
    /* Hangul syllable stays composed */
    expect(KURZ__LANG_OTHER, "\xED\x95\x9C\xEA\xB8\x80", "\xED\x95\x9C\xEA\xB8\x80");
}

static void test_elision(void **state)
{
    (void)state;
    expect(KURZ__LANG_FR, "l'espace d’été qu’il jusqu'à L'Europe lorsqu'on puisqu’elle",
           "espace|été|il|à|europe|on|elle");
    expect(KURZ__LANG_FR, "QU'IL N’EST S'il C'est J'ai M'a T'as quoiqu'il",
           "il|est|il|est|ai|a|as|il");
    /* not elisions: other words, or no apostrophe after them */
    expect(KURZ__LANG_FR, "aujourd'hui l espace presqu'île", "aujourd|hui|l|espace|presqu|île");
    expect(KURZ__LANG_FR, "l`a l\xCA\xBC" "a", "l|a|l\xCA\xBC" "a"); /* ` and U+02BC (a letter) */
    /* only French drops them */
    expect(KURZ__LANG_DE, "l'espace qu’il", "l|espace|qu|il");
    expect(KURZ__LANG_EN, "don't l'a", "don|t|l|a");
    /* the apostrophe at the very end of the range */
    expect(KURZ__LANG_FR, "de l'", "de");
    expect(KURZ__LANG_FR, "de l\xE2\x80\x99", "de");

    toks r;
    run(&r, KURZ__LANG_FR, "l’été d'août");
    assert_string_equal(r.joined, "été|août");
    assert_int_equal(r.ws[0], 4); /* l ’(3 bytes) */
    assert_int_equal(r.we[0], 9); /* é t é = 2+1+2 */
    assert_int_equal(r.ws[1], 12);
    assert_int_equal(r.we[1], 17);
}

static void test_hyphens_numbers(void **state)
{
    (void)state;
    expect(KURZ__LANG_DE, "Baden-Württemberg hat 2.800 km² und 11,1 Mio. Einwohner",
           "baden|württemberg|hat|2|800|km|und|11|1|mio|einwohner");
    expect(KURZ__LANG_FR, "Saint-Étienne—Lyon : 3–0 (1/2)", "saint|étienne|lyon|3|0|1|2");
    expect(KURZ__LANG_DE, "5%-Hürde x86_64 ½ Ⅻ", "5|hürde|x86|64"); /* No, Nl are not digits */
}

static void test_scripts(void **state)
{
    (void)state;
    expect(KURZ__LANG_OTHER, "Москва Αθήνα ΟΔΟΣ 東京タワー abc١٢٣ שלום",
           "москва|αθήνα|οδοσ|東京タワー|abc١٢٣|שלום");
    expect(KURZ__LANG_OTHER, "Kelvin \xE2\x84\xAA ﬁn", "kelvin|k|fin"); /* K sign, fi ligature */
}

static void test_no_words(void **state)
{
    (void)state;
    expect(KURZ__LANG_DE, "😀 🎉 … — «» !? ¿¡ „“ ‚‘ • © ™ \xC2\xA0 × ÷", "");
    expect(KURZ__LANG_FR, "''’’ - -- ... ()", "");
    toks r;
    run(&r, KURZ__LANG_DE, "😀Hallo😀");
    assert_string_equal(r.joined, "hallo");
    assert_int_equal(r.ws[0], 4);
    assert_int_equal(r.we[0], 9);
}

static void test_nul_bytes(void **state)
{
    (void)state;
    static const char text[] = "ab\0CD\0\0\xC3\x84\0";
    toks r;
    run_len(&r, KURZ__LANG_DE, text, sizeof text - 1);
    assert_string_equal(r.joined, "ab|cd|ä");
    assert_int_equal(r.n, 3);
    assert_int_equal(r.ws[0], 0);
    assert_int_equal(r.we[0], 2);
    assert_int_equal(r.ws[1], 3);
    assert_int_equal(r.we[1], 5);
    assert_int_equal(r.ws[2], 7);
    assert_int_equal(r.we[2], 9);
}

static void test_spans(void **state)
{
    (void)state;
    const char *text = "  Über-Größe, l’été e\xCC\x81t ẞ.";
    toks r;
    run(&r, KURZ__LANG_FR, text);
    assert_string_equal(r.joined, "über|grösse|été|ét|ss");
    static const size_t ws[] = {2, 8, 21, 27, 32}, we[] = {7, 15, 26, 31, 35};
    assert_int_equal(r.n, 5);
    for (int i = 0; i < r.n; i++) {
        assert_int_equal(r.ws[i], ws[i]);
        assert_int_equal(r.we[i], we[i]);
    }

    /* a sub-range of the text */
    kurz__mem m;
    kurz__mem_default(&m);
    kurz__tokenizer t;
    kurz__tok_init(&t, &m, KURZ__LANG_DE);
    const char *s2 = "eins zwei drei vier";
    kurz__tok_reset(&t, s2, 5, 14); /* "zwei drei" */
    const uint8_t *w;
    size_t wl, a, b;
    assert_int_equal(kurz__tok_next(&t, &w, &wl, &a, &b), 1);
    assert_string_equal((const char *)w, "zwei");
    assert_int_equal(a, 5);
    assert_int_equal(b, 9);
    assert_int_equal(kurz__tok_next(&t, &w, &wl, NULL, NULL), 1);
    assert_string_equal((const char *)w, "drei");
    assert_int_equal(kurz__tok_next(&t, &w, &wl, NULL, NULL), 0);
    /* reuse after reset, cut in the middle of a word */
    kurz__tok_reset(&t, s2, 2, 7);
    assert_int_equal(kurz__tok_next(&t, &w, &wl, &a, &b), 1);
    assert_string_equal((const char *)w, "ns");
    assert_int_equal(kurz__tok_next(&t, &w, &wl, &a, &b), 1);
    assert_string_equal((const char *)w, "zw");
    assert_int_equal(a, 5);
    assert_int_equal(b, 7);
    assert_int_equal(kurz__tok_next(&t, &w, &wl, &a, &b), 0);
    kurz__tok_free(&t);
}

static void test_dotted_i(void **state)
{
    (void)state;
    /* İ casefolds to i + U+0307 (no composed form); ı stays; no Turkish rules */
    expect(KURZ__LANG_OTHER, "İstanbul ı I i İ", "i\xCC\x87stanbul|ı|i|i|i\xCC\x87");
    expect(KURZ__LANG_DE, "İİİ", "i\xCC\x87i\xCC\x87i\xCC\x87");
}

/* Tokenizes one big word and checks its length and a byte pattern. */
static void big_word(const char *unit, size_t ulen, const char *out, size_t olen, size_t reps,
                     const char *prefix)
{
    size_t plen = strlen(prefix);
    size_t len = plen + ulen * reps;
    char *text = malloc(len + 2);
    assert_non_null(text);
    memcpy(text, prefix, plen);
    for (size_t i = 0; i < reps; i++)
        memcpy(text + plen + i * ulen, unit, ulen);
    memcpy(text + len, "!", 2);
    kurz__mem m;
    kurz__mem_default(&m);
    kurz__tokenizer t;
    kurz__tok_init(&t, &m, KURZ__LANG_FR);
    kurz__tok_reset(&t, text, 0, len + 1);
    const uint8_t *w;
    size_t wl, a, b;
    assert_int_equal(kurz__tok_next(&t, &w, &wl, &a, &b), 1);
    assert_int_equal(a, 0);
    assert_int_equal(b, len);
    assert_int_equal(wl, plen + olen * reps);
    assert_int_equal(w[wl], 0);
    for (size_t i = 0; i < reps; i += 997)
        assert_memory_equal(w + plen + i * olen, out, olen);
    assert_memory_equal(w + wl - olen, out, olen);
    assert_int_equal(kurz__tok_next(&t, &w, &wl, &a, &b), 0);
    kurz__tok_free(&t);
    free(text);
}

static void test_megabyte_word(void **state)
{
    (void)state;
    size_t mb = 1u << 20;
    big_word("A", 1, "a", 1, mb, "");                            /* ASCII path */
    big_word("\xC3\x89", 2, "\xC3\xA9", 2, mb / 2, "");          /* Latin-1 path: É */
    big_word("\xC4\x80", 2, "\xC4\x81", 2, mb / 2, "");          /* general path: Ā */
    big_word("\xE1\xBA\x9E", 3, "ss", 2, mb / 3, "x");           /* ẞ */
}

/* Marks alternating 230/220: the counting sort must put all 220s first. */
static void test_long_mark_run(void **state)
{
    (void)state;
    size_t reps = 300000;
    size_t len = 1 + 4 * reps;
    char *text = malloc(len);
    assert_non_null(text);
    text[0] = 'a';
    for (size_t i = 0; i < reps; i++)
        memcpy(text + 1 + 4 * i, "\xCC\x82\xCC\xA3", 4); /* U+0302 (230), U+0323 (220) */
    kurz__mem m;
    kurz__mem_default(&m);
    kurz__tokenizer t;
    kurz__tok_init(&t, &m, KURZ__LANG_OTHER);
    kurz__tok_reset(&t, text, 0, len);
    const uint8_t *w;
    size_t wl, a, b;
    assert_int_equal(kurz__tok_next(&t, &w, &wl, &a, &b), 1);
    assert_int_equal(b, len);
    /* ậ (a + 0323 + 0302), then 0323 x (reps-1), then 0302 x (reps-1) */
    assert_int_equal(wl, 3 + 4 * (reps - 1));
    assert_memory_equal(w, "\xE1\xBA\xAD", 3);
    assert_memory_equal(w + 3, "\xCC\xA3", 2);
    assert_memory_equal(w + 3 + 2 * (reps - 2), "\xCC\xA3", 2);
    assert_memory_equal(w + 3 + 2 * (reps - 1), "\xCC\x82", 2);
    assert_memory_equal(w + wl - 2, "\xCC\x82", 2);
    kurz__tok_free(&t);
    free(text);
}

/* The tokenizer's output must equal utf8proc_map with the same options. */
static void check_against_utf8proc(const char *text, size_t len)
{
    kurz__mem m;
    kurz__mem_default(&m);
    kurz__tokenizer t;
    kurz__tok_init(&t, &m, KURZ__LANG_DE);
    kurz__tok_reset(&t, text, 0, len);
    const uint8_t *w;
    size_t wl, a, b, prev_end = 0;
    int rc;
    while ((rc = kurz__tok_next(&t, &w, &wl, &a, &b)) == 1) {
        assert_true(a >= prev_end && a < b && b <= len);
        prev_end = b;
        uint8_t *ref = NULL;
        utf8proc_ssize_t n = utf8proc_map((const uint8_t *)text + a, (utf8proc_ssize_t)(b - a),
                                          &ref, UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                                    UTF8PROC_CASEFOLD);
        assert_true(n >= 0);
        assert_int_equal(wl, (size_t)n);
        assert_memory_equal(w, ref, wl);
        free(ref);
        /* the word is maximal: what follows is not a letter, digit or mark */
        if (b < len) {
            int32_t c;
            kurz__utf8_decode((const uint8_t *)text + b, len - b, &c);
            utf8proc_category_t cat = utf8proc_category(c);
            assert_false(cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ND);
        }
    }
    assert_int_equal(rc, 0);
    kurz__tok_free(&t);
}

static void test_differential(void **state)
{
    (void)state;
    static const char *const pool[] = {
        "a", "Z", "7", "ß", "ẞ", "Ä", "ö", "É", "e\xCC\x81", "\xCC\x81", "\xCC\xA3",
        "\xCC\x82", "\xCD\x85", "İ", "ı", "Σ", "ς", "ΐ", "ﬁ", "Œ", "ǅ", "한", "\xE1\x84\x92",
        "\xE1\x85\xA1", "東", "١", "²", " ", "-", "'", "’", ".", "\n", "😀", "\xC2\xA0",
        "ǰ", "ŉ", "K", "Þ", "Ø", "À", "ÿ", "Ÿ", "µ", "ª", "Å", "Ω", "\xE2\x84\xAB", "ﬀ", "ᾼ", "\xD9\x8B", "\xE0\xA4\xBE", "ॐ"};
    const size_t np = sizeof pool / sizeof pool[0];
    char text[512];
    unsigned seed = 12345;
    for (int iter = 0; iter < 20000; iter++) {
        size_t len = 0;
        int k = 1 + (int)(seed % 24);
        for (int j = 0; j < k; j++) {
            seed = seed * 1103515245u + 12345u;
            const char *p = pool[(seed >> 16) % np];
            size_t pl = strlen(p);
            memcpy(text + len, p, pl);
            len += pl;
        }
        check_against_utf8proc(text, len);
    }
}

/* Allocation failure: NOMEM, no crash, and the tokenizer can continue. */
static int fail_after;
static void *failing_malloc(void *user, size_t size)
{
    (void)user;
    if (fail_after-- <= 0)
        return NULL;
    return malloc(size);
}
static void failing_free(void *user, void *p)
{
    (void)user;
    free(p);
}

static void test_nomem(void **state)
{
    (void)state;
    kurz__mem m = {failing_malloc, NULL, failing_free, NULL};
    static const char *const texts[] = {"Hallo", "Größe", "Łódź", "e\xCC\x81"};
    for (size_t k = 0; k < 4; k++) {
        char big[300];
        size_t tl = strlen(texts[k]);
        size_t len = 0;
        while (len + tl < sizeof big) {
            memcpy(big + len, texts[k], tl);
            len += tl;
        }
        for (int budget = 0; budget < 4; budget++) {
            fail_after = budget;
            kurz__tokenizer t;
            kurz__tok_init(&t, &m, KURZ__LANG_DE);
            kurz__tok_reset(&t, big, 0, len);
            const uint8_t *w;
            size_t wl;
            int rc = kurz__tok_next(&t, &w, &wl, NULL, NULL);
            assert_true(rc == 1 || rc == KURZ_ERR_NOMEM);
            if (rc == KURZ_ERR_NOMEM) {
                fail_after = 1000; /* retrying works once memory is back */
                assert_int_equal(kurz__tok_next(&t, &w, &wl, NULL, NULL), 1);
            }
            assert_true(wl > 100);
            assert_int_equal(kurz__tok_next(&t, &w, &wl, NULL, NULL), 0);
            kurz__tok_free(&t);
        }
        fail_after = 0;
        kurz__tokenizer t;
        kurz__tok_init(&t, &m, KURZ__LANG_DE);
        kurz__tok_reset(&t, big, 0, len);
        const uint8_t *w;
        size_t wl;
        assert_int_equal(kurz__tok_next(&t, &w, &wl, NULL, NULL), KURZ_ERR_NOMEM);
        kurz__tok_free(&t);
    }
}

/* ---- stop words --------------------------------------------------------- */

static int stop(kurz__lang lang, const char *w)
{
    return kurz__is_stopword(lang, (const uint8_t *)w, strlen(w));
}

static void test_stop_de(void **state)
{
    (void)state;
    static const char *const yes[] = {"der", "die", "das", "und", "dass", "muss", "über",
                                      "für", "können", "würde", "nicht", "ist", "wurde",
                                      "zwischen", "ausserhalb",
                                      "ab", "zur", "beziehungsweise", "wäre", "möchte"};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
        if (!stop(KURZ__LANG_DE, yes[i]))
            fail_msg("expected German stop word: %s", yes[i]);
    }
    static const char *const no[] = {"haus", "bundestag", "straße", "strasse", "Der", "DASS",
                                     "daß", "uber", "fur", "2", "", "a", "zzz", "dasss",
                                     "da\xCC\x88", "the", "le"};
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++) {
        if (stop(KURZ__LANG_DE, no[i]))
            fail_msg("unexpected German stop word: %s", no[i]);
    }
    /* prefixes and extensions of entries are no entries */
    assert_true(kurz__is_stopword(KURZ__LANG_DE, (const uint8_t *)"dassxyz", 3)); /* "das" */
    assert_false(kurz__is_stopword(KURZ__LANG_DE, (const uint8_t *)"dassxyz", 5));
    assert_false(stop(KURZ__LANG_DE, "überall"));
    assert_false(stop(KURZ__LANG_DE, "de"));
    assert_false(kurz__is_stopword(KURZ__LANG_DE, (const uint8_t *)"das\0", 4)); /* NUL inside */
    assert_false(kurz__is_stopword(KURZ__LANG_DE, (const uint8_t *)"beziehungsweisex", 16));
    assert_true(stop(KURZ__LANG_DE, "ab"));     /* first entry */
    assert_true(stop(KURZ__LANG_DE, "übers"));  /* last entry */
    assert_false(stop(KURZ__LANG_DE, "aa"));    /* before the first */
    assert_false(stop(KURZ__LANG_DE, "üz"));    /* after the last */
}

static void test_stop_fr(void **state)
{
    (void)state;
    static const char *const yes[] = {"à", "où", "était", "les", "dans", "être", "ça", "le",
                                      "qui", "que", "est", "sont", "a", "y", "en", "très",
                                      "déjà", "hui", "aujourd", "été", "lorsque"};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
        if (!stop(KURZ__LANG_FR, yes[i]))
            fail_msg("expected French stop word: %s", yes[i]);
    }
    static const char *const no[] = {"espace", "maison", "gouvernement", "ou\xCC\x80", "A",
                                     "etait", "der", "the", "l", "d", "qu", "1", ""};
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++) {
        if (stop(KURZ__LANG_FR, no[i]))
            fail_msg("unexpected French stop word: %s", no[i]);
    }
}

static void test_stop_en_other(void **state)
{
    (void)state;
    static const char *const yes[] = {"the", "and", "which", "would", "is", "of", "i", "t",
                                      "don", "themselves", "a"};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
        if (!stop(KURZ__LANG_EN, yes[i]))
            fail_msg("expected English stop word: %s", yes[i]);
    }
    static const char *const no[] = {"house", "government", "The", "und", "dass", "où", "42"};
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++) {
        if (stop(KURZ__LANG_EN, no[i]))
            fail_msg("unexpected English stop word: %s", no[i]);
    }
    static const char *const any[] = {"the", "der", "und", "le", "à", "a", "i"};
    for (size_t i = 0; i < sizeof any / sizeof any[0]; i++)
        assert_int_equal(stop(KURZ__LANG_OTHER, any[i]), 0);
    assert_int_equal(stop((kurz__lang)99, "the"), 0);
}

/* Through the tokenizer: capitalised and decomposed text reaches the list. */
static void test_stop_via_tokenizer(void **state)
{
    (void)state;
    kurz__mem m;
    kurz__mem_default(&m);
    kurz__tokenizer t;
    kurz__tok_init(&t, &m, KURZ__LANG_FR);
    const char *text = "L'ÉTAIT OU\xCC\x80 Maison qu’À";
    kurz__tok_reset(&t, text, 0, strlen(text));
    const uint8_t *w;
    size_t wl;
    int expect_stop[] = {1, 1, 0, 1};
    for (int i = 0; i < 4; i++) {
        assert_int_equal(kurz__tok_next(&t, &w, &wl, NULL, NULL), 1);
        assert_int_equal(kurz__is_stopword(KURZ__LANG_FR, w, wl), expect_stop[i]);
    }
    assert_int_equal(kurz__tok_next(&t, &w, &wl, NULL, NULL), 0);
    kurz__tok_free(&t);
    kurz__tok_init(&t, &m, KURZ__LANG_DE);
    text = "DASS FÜR Muß Über";
    kurz__tok_reset(&t, text, 0, strlen(text));
    for (int i = 0; i < 4; i++) {
        assert_int_equal(kurz__tok_next(&t, &w, &wl, NULL, NULL), 1);
        assert_true(kurz__is_stopword(KURZ__LANG_DE, w, wl));
    }
    kurz__tok_free(&t);
}

/* Every list: sorted by bytes, unique, in normal form, found, no digits-only. */
static void check_list(kurz__lang lang, size_t min, size_t max)
{
    kurz__mem m;
    kurz__mem_default(&m);
    kurz__tokenizer t;
    kurz__tok_init(&t, &m, KURZ__LANG_OTHER);
    size_t i = 0, len = 0, plen = 0;
    const char *prev = NULL, *s;
    for (; (s = kurz__stopword_at(lang, i, &len)) != NULL; i++) {
        assert_int_equal(strlen(s), len);
        assert_true(len > 0 && len <= 15);
        if (prev) {
            size_t k = plen < len ? plen : len;
            int r = memcmp(prev, s, k);
            if (!(r < 0 || (r == 0 && plen < len)))
                fail_msg("list %d not sorted/unique at %s after %s", (int)lang, s, prev);
        }
        int digits = 1;
        for (size_t j = 0; j < len; j++)
            digits &= s[j] >= '0' && s[j] <= '9';
        assert_false(digits);
        /* normal form: the tokenizer gives back exactly this one word */
        kurz__tok_reset(&t, s, 0, len);
        const uint8_t *w;
        size_t wl, a, b;
        assert_int_equal(kurz__tok_next(&t, &w, &wl, &a, &b), 1);
        if (wl != len || memcmp(w, s, len) || a != 0 || b != len)
            fail_msg("list entry not normalised: %s", s);
        assert_int_equal(kurz__tok_next(&t, &w, &wl, &a, &b), 0);
        assert_true(kurz__is_stopword(lang, (const uint8_t *)s, len));
        prev = s;
        plen = len;
    }
    if (i < min || i > max)
        fail_msg("list %d has %zu words", (int)lang, i);
    kurz__tok_free(&t);
}

static void test_stop_lists(void **state)
{
    (void)state;
    check_list(KURZ__LANG_DE, 150, 500);
    check_list(KURZ__LANG_FR, 150, 400);
    check_list(KURZ__LANG_EN, 150, 400);
    size_t len;
    assert_null(kurz__stopword_at(KURZ__LANG_OTHER, 0, &len));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ascii),
        cmocka_unit_test(test_sharp_s_umlauts),
        cmocka_unit_test(test_accents),
        cmocka_unit_test(test_nfc),
        cmocka_unit_test(test_elision),
        cmocka_unit_test(test_hyphens_numbers),
        cmocka_unit_test(test_scripts),
        cmocka_unit_test(test_no_words),
        cmocka_unit_test(test_nul_bytes),
        cmocka_unit_test(test_spans),
        cmocka_unit_test(test_dotted_i),
        cmocka_unit_test(test_megabyte_word),
        cmocka_unit_test(test_long_mark_run),
        cmocka_unit_test(test_differential),
        cmocka_unit_test(test_nomem),
        cmocka_unit_test(test_stop_de),
        cmocka_unit_test(test_stop_fr),
        cmocka_unit_test(test_stop_en_other),
        cmocka_unit_test(test_stop_via_tokenizer),
        cmocka_unit_test(test_stop_lists),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
