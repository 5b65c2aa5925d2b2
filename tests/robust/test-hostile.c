/* SPDX-License-Identifier: MIT */
/* Pathological inputs and arguments, through the public API only.
 *
 * Every big input runs through kurz_summarize and kurz_split at full size
 * and at a quarter of it; both times are printed as TAP comments ("# ...")
 * so the ratio (about 4 for linear time) can be read off. Nothing here
 * asserts on time: speed targets belong in the benchmarks. Every
 * successful result is checked with kc_check_summary (spans inside the
 * input, non-empty, non-overlapping, increasing, on code-point boundaries,
 * trimmed, count <= document sentences). KURZ_TEST_SMALL=1 shrinks the
 * inputs 20-fold (automatic under valgrind). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kurz-check.h"
#include "kurz.h"
#include "robust-common.h"

#define MB ((size_t)1 << 20)

/* ---- running one input -------------------------------------------------- */
typedef struct outcome {
    int rc_sum, rc_split;
    size_t n_sum, doc_sum, doc_split;
    double t_sum, t_split;
} outcome;

static void check_ok(const char *what, const char *name, int rc, const kurz_summary *sum,
                     const char *text, size_t len, int flags)
{
    if (rc != KURZ_OK)
        fail_msg("%s %s: status %d (%s)", what, name, rc, kurz_strerror(rc));
    const char *err = kc_check_summary(sum, text, len, flags);
    if (err)
        fail_msg("%s %s: %s (%s)", what, name, err, kc_msg);
}

/* Summarizes and splits text with a fresh summarizer of lang; every valid
 * input must succeed. */
static outcome run_input(const char *name, const char *lang, const char *text, size_t len)
{
    outcome o = {0};
    size_t bad = 0;
    if (kurz_validate_utf8(text, len, &bad) != KURZ_OK)
        fail_msg("%s: test input itself is invalid UTF-8 at %zu", name, bad);
    kurz_summarizer *s = NULL;
    assert_int_equal(kurz_summarizer_new(&s, lang), KURZ_OK);
    kurz_summary *sum = NULL;

    double t0 = rc_now();
    o.rc_sum = kurz_summarize(&sum, s, text, len);
    o.t_sum = rc_now() - t0;
    check_ok("summarize", name, o.rc_sum, sum, text, len, 0);
    o.n_sum = kurz_summary_count(sum);
    o.doc_sum = kurz_summary_document_sentences(sum);
    kurz_summary_free(sum);

    sum = NULL;
    t0 = rc_now();
    o.rc_split = kurz_split(&sum, s, text, len);
    o.t_split = rc_now() - t0;
    check_ok("split", name, o.rc_split, sum, text, len, KC_SPLIT);
    o.doc_split = kurz_summary_document_sentences(sum);
    kurz_summary_free(sum);
    kurz_summarizer_free(s);
    if (o.doc_sum != o.doc_split)
        fail_msg("%s: summarize saw %zu sentences, split %zu", name, o.doc_sum, o.doc_split);
    return o;
}

typedef char *(*make_fn)(size_t n, size_t *len);

/* Runs make(n/4) and make(n) and prints both timings. */
static void scaled(const char *name, const char *lang, make_fn make, size_t n)
{
    size_t lq, lf;
    char *q = make(n / 4, &lq);
    outcome oq = run_input(name, lang, q, lq);
    free(q);
    char *f = make(n, &lf);
    outcome of = run_input(name, lang, f, lf);
    printf("# hostile %-34s %9zu B: summarize %7.3f s (quarter %6.3f s, x%.1f) rc=%d chosen=%zu "
           "sentences=%zu | split %7.3f s (quarter %6.3f s, x%.1f)\n",
           name, lf, of.t_sum, oq.t_sum, oq.t_sum > 0 ? of.t_sum / oq.t_sum : 0.0, of.rc_sum,
           of.n_sum, of.doc_sum, of.t_split, oq.t_split,
           oq.t_split > 0 ? of.t_split / oq.t_split : 0.0);
    fflush(stdout);
    free(f);
}

/* Like scaled(), summarize only, with one option set. */
static void scaled_opt(const char *name, const char *lang, make_fn make, size_t n, kurz_option o,
                       int v)
{
    double t[2];
    size_t chosen[2], doc[2], len[2];
    for (int z = 0; z < 2; z++) {
        char *text = make(z ? n : n / 4, &len[z]);
        kurz_summarizer *s = NULL;
        assert_int_equal(kurz_summarizer_new(&s, lang), KURZ_OK);
        assert_int_equal(kurz_summarizer_set_option(s, o, v), KURZ_OK);
        kurz_summary *sum = NULL;
        double t0 = rc_now();
        int rc = kurz_summarize(&sum, s, text, len[z]);
        t[z] = rc_now() - t0;
        check_ok("summarize", name, rc, sum, text, len[z], 0);
        chosen[z] = kurz_summary_count(sum);
        doc[z] = kurz_summary_document_sentences(sum);
        kurz_summary_free(sum);
        kurz_summarizer_free(s);
        free(text);
    }
    printf("# hostile %-34s %9zu B: summarize %7.3f s chosen=%zu of %zu (quarter %6.3f s "
           "chosen=%zu of %zu, x%.1f)\n",
           name, len[1], t[1], chosen[1], doc[1], t[0], chosen[0], doc[0],
           t[0] > 0 ? t[1] / t[0] : 0.0);
    fflush(stdout);
}

/* ---- generators ------------------------------------------------------------ */
static char *xmalloc(size_t n)
{
    char *p = malloc(n ? n : 1);
    if (!p) {
        fprintf(stderr, "out of memory\n");
        abort();
    }
    return p;
}

/* unit repeated until at least n bytes (whole units) */
static char *repeat(const char *unit, size_t ulen, size_t n, size_t *len)
{
    size_t k = (n + ulen - 1) / ulen;
    if (k == 0)
        k = 1;
    char *p = xmalloc(k * ulen);
    for (size_t i = 0; i < k; i++)
        memcpy(p + i * ulen, unit, ulen);
    *len = k * ulen;
    return p;
}

#define REPEAT(lit, n, len) repeat((lit), sizeof(lit) - 1, (n), (len))

static char *make_no_punct(size_t n, size_t *len)
{
    static const char *const words[] = {"regierung", "Bürgermeisterin", "straßenbahn",
                                        "öffentlichkeit", "und", "der", "gemeinderat", "schule",
                                        "Verwaltung", "energiewende", "plant", "fordert",
                                        "kläranlage", "mit", "über", "die"};
    char *p = xmalloc(n + 64);
    size_t o = 0;
    uint64_t st = 42;
    while (o < n) {
        st = st * 6364136223846793005ull + 1442695040888963407ull;
        const char *w = words[(st >> 33) % (sizeof words / sizeof words[0])];
        size_t wl = strlen(w);
        memcpy(p + o, w, wl);
        o += wl;
        p[o++] = ' ';
    }
    *len = o - 1; /* no trailing space */
    return p;
}

static char *make_newlines(size_t n, size_t *len)
{
    return REPEAT("\n", n, len);
}

static char *make_crlf(size_t n, size_t *len)
{
    return REPEAT("\r\n", n, len);
}

static char *make_cr(size_t n, size_t *len)
{
    return REPEAT("\r", n, len);
}

static char *make_spaces(size_t n, size_t *len)
{
    return REPEAT(" \t \f\v ", n, len);
}

static char *make_a_dot(size_t n, size_t *len)
{
    return REPEAT("a. ", n, len);
}

static char *make_a_dot_nl(size_t n, size_t *len)
{
    return REPEAT("a.\n", n, len);
}

static char *make_ja(size_t n, size_t *len)
{
    return REPEAT("Ja. ", n, len);
}

static char *make_x_bang(size_t n, size_t *len)
{
    return REPEAT("X! ", n, len);
}

static char *make_dots(size_t n, size_t *len)
{
    return REPEAT(".", n, len);
}

static char *make_word_ascii(size_t n, size_t *len)
{
    return REPEAT("a", n, len);
}

static char *make_word_latin1(size_t n, size_t *len)
{
    return REPEAT("Ä", n, len);
}

static char *make_word_general(size_t n, size_t *len)
{
    return REPEAT("Жж", n, len); /* Cyrillic: tokenizer's general path */
}

static char *make_word_mixed(size_t n, size_t *len)
{
    return REPEAT("aÄжǅ", n, len); /* ASCII, Latin-1, Cyrillic, titlecase digraph */
}

static char *make_stopwords(size_t n, size_t *len)
{
    return REPEAT("der die das und ", n, len);
}

static char *make_stopword_sentences(size_t n, size_t *len)
{
    return REPEAT("Der die das und. Die der und das!\n", n, len);
}

static char *make_digits(size_t n, size_t *len)
{
    return REPEAT("0123456789 42 1.5 3,14. ", n, len);
}

static char *make_digit_run(size_t n, size_t *len)
{
    return REPEAT("7", n, len);
}

static char *make_punct(size_t n, size_t *len)
{
    return REPEAT("!?.,;:-()[]\"'…«»„“–/", n, len);
}

static char *make_brackets(size_t n, size_t *len)
{
    return REPEAT("((«„\"", n, len);
}

static char *make_emoji(size_t n, size_t *len)
{
    return REPEAT("😀👍🏽🇩🇪👨‍👩‍👧", n, len);
}

static char *make_combining(size_t n, size_t *len)
{
    return REPEAT("\xCC\x81", n, len); /* U+0301 alone, no base */
}

/* one base letter followed by n/2 marks of mixed combining classes, so the
 * canonical reordering has a long run to sort */
static char *make_base_marks(size_t n, size_t *len)
{
    static const char marks[] = "\xCC\x81\xCC\x96\xCD\x85\xCC\xA3"; /* 230, 220, 240, 220 */
    size_t k = n / (sizeof marks - 1) + 1;
    char *p = xmalloc(1 + k * (sizeof marks - 1));
    p[0] = 'e';
    for (size_t i = 0; i < k; i++)
        memcpy(p + 1 + i * (sizeof marks - 1), marks, sizeof marks - 1);
    *len = 1 + k * (sizeof marks - 1);
    return p;
}

/* many words, each a letter with a few marks (composition work per word) */
static char *make_marked_words(size_t n, size_t *len)
{
    return REPEAT("e\xCC\x81\xCC\xA3 A\xCC\x8A o\xCC\x88\xCC\x81. ", n, len);
}

static char *make_nbsp(size_t n, size_t *len)
{
    return REPEAT("\xC2\xA0\xE2\x80\xA8\xE3\x80\x80\xE2\x80\x8B", n, len);
}

static char *make_abbrev(size_t n, size_t *len)
{
    return REPEAT("z. B. Dr. Prof. St. d. h. u. a. M. etc. ", n, len);
}

/* every word distinct: base-26 counters */
static char *make_distinct(size_t n, size_t *len)
{
    char *p = xmalloc(n + 64);
    size_t o = 0;
    for (size_t i = 0; o < n; i++) {
        size_t v = i;
        do {
            p[o++] = (char)('a' + v % 26);
            v /= 26;
        } while (v);
        p[o++] = (i % 12 == 11) ? '\n' : ' ';
    }
    *len = o;
    return p;
}

/* sentences of four words each found in no other sentence: no two
 * sentences are similar, so nothing is ever rejected as redundant */
static char *make_distinct_sentences(size_t n, size_t *len)
{
    char *p = xmalloc(n + 128);
    size_t o = 0;
    for (size_t i = 0; o < n; i++) {
        static const char heads[] = "KLMN";
        for (int w = 0; w < 4; w++) {
            p[o++] = heads[w];
            size_t v = i;
            do {
                p[o++] = (char)('a' + v % 26);
                v /= 26;
            } while (v);
            p[o++] = w == 3 ? '.' : ' ';
        }
        p[o++] = (i % 5 == 4) ? '\n' : ' ';
    }
    *len = o;
    return p;
}

static char *make_de_text(size_t n, size_t *len)
{
    return rc_gen_text(RC_DE, 7, n, len);
}

static char *make_fr_text(size_t n, size_t *len)
{
    return rc_gen_text(RC_FR, 8, n, len);
}

/* every sentence shares the same content word (dense graph) */
static char *make_shared_term(size_t n, size_t *len)
{
    return REPEAT("Regierung plant Regierung. ", n, len);
}

/* ---- the big inputs ------------------------------------------------------------ */
static size_t S(size_t n)
{
    return rc_scale(n, 20, 4096);
}

static void test_no_punctuation_10mb(void **state)
{
    (void)state;
    scaled("10 MB, no punctuation/newline", "de", make_no_punct, S(10 * MB));
}

static void test_million_newlines(void **state)
{
    (void)state;
    scaled("1e6 newlines", "de", make_newlines, S(1000000));
    scaled("1e6 CRLF", "de", make_crlf, S(2000000));
    scaled("1e6 CR", "fr", make_cr, S(1000000));
    scaled("white space only", "de", make_spaces, S(2 * MB));
}

static void test_million_short_sentences(void **state)
{
    (void)state;
    scaled("1e6 x 'a. '", "de", make_a_dot, S(3000000));
    scaled("1e6 x 'a. ' (fr)", "fr", make_a_dot, S(3000000));
    scaled("1e6 x 'a.\\n'", "de", make_a_dot_nl, S(3000000));
    scaled("1e6 x 'Ja. '", "de", make_ja, S(4000000));
    scaled("1e6 x 'X! '", "fr", make_x_bang, S(3000000));
    scaled("1e6 dots", "de", make_dots, S(1000000));
}

static void test_single_huge_word(void **state)
{
    (void)state;
    scaled("1 MB word (ASCII)", "de", make_word_ascii, S(MB));
    scaled("1 MB word (Latin-1)", "de", make_word_latin1, S(MB));
    scaled("1 MB word (Cyrillic)", "ru", make_word_general, S(MB));
    scaled("1 MB word (mixed)", "fr", make_word_mixed, S(MB));
    scaled("1 MB digit run", "de", make_digit_run, S(MB));
}

static void test_stopwords_digits_punct(void **state)
{
    (void)state;
    scaled("stop words only", "de", make_stopwords, S(2 * MB));
    scaled("stop-word sentences", "de", make_stopword_sentences, S(2 * MB));
    scaled("digits only", "de", make_digits, S(2 * MB));
    scaled("punctuation only", "de", make_punct, S(2 * MB));
    scaled("punctuation only (fr)", "fr", make_punct, S(2 * MB));
    scaled("open brackets/quotes", "de", make_brackets, S(MB));
    scaled("abbreviations only", "de", make_abbrev, S(2 * MB));
}

static void test_emoji_and_marks(void **state)
{
    (void)state;
    scaled("emoji only", "de", make_emoji, S(2 * MB));
    scaled("U+0301 only", "de", make_combining, S(2 * MB));
    scaled("base + 1e5 combining marks", "de", make_base_marks, S(400000));
    scaled("base + 1e6 combining marks", "fr", make_base_marks, S(4000000));
    scaled("words with marks", "fr", make_marked_words, S(2 * MB));
    scaled("NBSP/U+2028/U+3000/ZWSP only", "de", make_nbsp, S(MB));
}

static void test_many_words_and_sentences(void **state)
{
    (void)state;
    scaled("1e6 distinct words", "de", make_distinct, S(7 * MB));
    scaled("generated German", "de", make_de_text, S(8 * MB));
    scaled("generated French", "fr", make_fr_text, S(8 * MB));
    scaled("one shared term", "de", make_shared_term, S(2 * MB));
    scaled("distinct sentences", "de", make_distinct_sentences, S(2 * MB));
    /* every sentence chosen, none redundant: the redundancy check must not
     * compare every candidate with every chosen sentence */
    scaled_opt("distinct sentences, sentences=INT_MAX", "de", make_distinct_sentences, S(MB),
               KURZ_OPT_SENTENCES, INT_MAX);
}

/* Budgets that let every sentence through, on a large document: the
 * selection must not become quadratic in the number of chosen sentences. */
static void test_big_budgets_large_document(void **state)
{
    (void)state;
    static const struct {
        const char *name;
        kurz_option opt;
        int value;
    } b[] = {
        {"sentences=INT_MAX", KURZ_OPT_SENTENCES, INT_MAX},
        {"ratio=1000", KURZ_OPT_RATIO_PERMILLE, 1000},
        {"words=INT_MAX", KURZ_OPT_WORDS, INT_MAX},
        {"words=INT_MAX strict", KURZ_OPT_WORDS, INT_MAX},
    };
    size_t lens[2];
    char *texts[2];
    texts[0] = rc_gen_text(RC_DE, 5, S(MB), &lens[0]);
    texts[1] = rc_gen_text(RC_DE, 5, S(4 * MB), &lens[1]);
    for (size_t i = 0; i < sizeof b / sizeof b[0]; i++) {
        for (int redundancy = 0; redundancy < 2; redundancy++) {
            double t[2];
            size_t chosen[2], doc[2];
            for (int z = 0; z < 2; z++) {
                kurz_summarizer *s = NULL;
                assert_int_equal(kurz_summarizer_new(&s, "de"), KURZ_OK);
                assert_int_equal(kurz_summarizer_set_option(s, b[i].opt, b[i].value), KURZ_OK);
                if (i == 3)
                    assert_int_equal(kurz_summarizer_set_option(s, KURZ_OPT_STRICT, 1), KURZ_OK);
                /* 1000 = never reject: the cheapest; the default compares
                 * every candidate with the chosen ones */
                if (redundancy)
                    assert_int_equal(
                        kurz_summarizer_set_option(s, KURZ_OPT_REDUNDANCY_PERMILLE, 1000),
                        KURZ_OK);
                kurz_summary *sum = NULL;
                double t0 = rc_now();
                int rc = kurz_summarize(&sum, s, texts[z], lens[z]);
                t[z] = rc_now() - t0;
                check_ok("summarize", b[i].name, rc, sum, texts[z], lens[z], 0);
                chosen[z] = kurz_summary_count(sum);
                doc[z] = kurz_summary_document_sentences(sum);
                assert_true(chosen[z] >= 1);
                kurz_summary_free(sum);
                kurz_summarizer_free(s);
            }
            printf("# hostile budget %-20s redundancy=%-7s %9zu B: %7.3f s chosen=%zu of %zu "
                   "(quarter: %6.3f s chosen=%zu of %zu, x%.1f)\n",
                   b[i].name, redundancy ? "1000" : "default", lens[1], t[1], chosen[1], doc[1],
                   t[0], chosen[0], doc[0], t[0] > 0 ? t[1] / t[0] : 0.0);
            fflush(stdout);
        }
    }
    free(texts[0]);
    free(texts[1]);
}

/* ---- NUL bytes ------------------------------------------------------------------ */
static void test_nul_bytes(void **state)
{
    (void)state;
    static const char text[] = "Der Hund\0bellt laut in der Nacht. Die Katze schl\xC3\xA4"
                               "ft\0\0 ruhig auf dem Sofa.\n\n\0Ein dritter Satz folgt hier.";
    const size_t len = sizeof text - 1;
    const size_t nul1 = 8, last = len - 1;
    kurz_summarizer *s = NULL;
    assert_int_equal(kurz_summarizer_new(&s, "de"), KURZ_OK);
    kurz_summary *sum = NULL;
    assert_int_equal(kurz_split(&sum, s, text, len), KURZ_OK);
    const char *err = kc_check_summary(sum, text, len, KC_SPLIT);
    if (err)
        fail_msg("%s: %s", err, kc_msg);
    /* NUL is an ordinary character: the first sentence runs across it and
     * the last one ends at the final period */
    size_t n = kurz_summary_count(sum), st, en;
    assert_true(n >= 1);
    assert_int_equal(kurz_summary_get(sum, 0, NULL, &st, &en, NULL), KURZ_OK);
    assert_int_equal(st, 0);
    assert_true(en > nul1 + 1);
    assert_int_equal(kurz_summary_get(sum, n - 1, NULL, &st, &en, NULL), KURZ_OK);
    assert_int_equal(en, last + 1);
    kurz_summary_free(sum);

    assert_int_equal(kurz_summarize(&sum, s, text, len), KURZ_OK);
    err = kc_check_summary(sum, text, len, 0);
    if (err)
        fail_msg("%s: %s", err, kc_msg);
    kurz_summary_free(sum);

    /* only NULs; and NUL runs of 1 MB */
    size_t big;
    char *z = REPEAT("\0", S(MB), &big);
    outcome o = run_input("NUL only", "de", z, big);
    printf("# hostile %-34s %9zu B: summarize %7.3f s chosen=%zu sentences=%zu | split %7.3f s\n",
           "1 MB of NUL", big, o.t_sum, o.n_sum, o.doc_sum, o.t_split);
    free(z);
    kurz_summarizer_free(s);
}

/* ---- invalid UTF-8 ------------------------------------------------------------- */
typedef struct badcase {
    const char *name;
    const char *bytes;
    size_t len;
    size_t offset; /* first bad sequence */
} badcase;

#define BAD(name, lit, off) {name, lit, sizeof(lit) - 1, off}

static const badcase bad_cases[] = {
    BAD("overlong C0 80", "\xC0\x80", 0),
    BAD("overlong C1 BF", "\xC1\xBF", 0),
    BAD("overlong E0 80 80", "\xE0\x80\x80", 0),
    BAD("overlong E0 9F BF", "\xE0\x9F\xBF", 0),
    BAD("overlong F0 80 80 80", "\xF0\x80\x80\x80", 0),
    BAD("overlong F0 8F BF BF", "\xF0\x8F\xBF\xBF", 0),
    BAD("surrogate ED A0 80", "\xED\xA0\x80", 0),
    BAD("surrogate ED BF BF", "\xED\xBF\xBF", 0),
    BAD("surrogate pair", "\xED\xA0\xBD\xED\xB8\x80", 0),
    BAD("above U+10FFFF F4 90 80 80", "\xF4\x90\x80\x80", 0),
    BAD("F5 lead", "\xF5\x80\x80\x80", 0),
    BAD("F8 five-byte form", "\xF8\x88\x80\x80\x80", 0),
    BAD("FC six-byte form", "\xFC\x84\x80\x80\x80\x80", 0),
    BAD("FE", "\xFE", 0),
    BAD("FF", "\xFF", 0),
    BAD("lone continuation 80", "\x80", 0),
    BAD("lone continuation BF", "\xBF", 0),
    BAD("truncated C3 at end", "\xC3", 0),
    BAD("truncated E2 82 at end", "\xE2\x82", 0),
    BAD("truncated F0 9F 98 at end", "\xF0\x9F\x98", 0),
    BAD("truncated C3 in the middle", "\xC3 ", 0),
    BAD("truncated E2 82 in the middle", "\xE2\x82x", 0),
    BAD("truncated F0 9F 98 in the middle", "\xF0\x9F\x98.", 0),
    BAD("lead followed by lead", "\xC3\xC3\xA4", 0),
    BAD("BOM then FF", "\xEF\xBB\xBF\xFF", 3),
    BAD("valid then FE", "\xC3\xA4\xE2\x82\xAC\xF0\x9F\x98\x80\xFE", 9),
    BAD("NUL then lone continuation", "a\0\x80", 2),
};

static void check_bad(kurz_summarizer *s, const char *name, const char *text, size_t len,
                      size_t expect)
{
    size_t off = 12345;
    int rc = kurz_validate_utf8(text, len, &off);
    if (rc != KURZ_ERR_INVALID_UTF8 || off != expect)
        fail_msg("%s: kurz_validate_utf8 = %d offset %zu, expected %d offset %zu", name, rc, off,
                 KURZ_ERR_INVALID_UTF8, expect);
    assert_int_equal(kurz_validate_utf8(text, len, NULL), KURZ_ERR_INVALID_UTF8);
    kurz_summary *sum = (kurz_summary *)(uintptr_t)1;
    rc = kurz_summarize(&sum, s, text, len);
    if (rc != KURZ_ERR_INVALID_UTF8 || sum != NULL ||
        kurz_summarizer_error_offset(s) != expect)
        fail_msg("%s: kurz_summarize = %d (out %p) offset %zu, expected offset %zu", name, rc,
                 (void *)sum, kurz_summarizer_error_offset(s), expect);
    sum = (kurz_summary *)(uintptr_t)1;
    rc = kurz_split(&sum, s, text, len);
    if (rc != KURZ_ERR_INVALID_UTF8 || sum != NULL ||
        kurz_summarizer_error_offset(s) != expect)
        fail_msg("%s: kurz_split = %d (out %p) offset %zu, expected offset %zu", name, rc,
                 (void *)sum, kurz_summarizer_error_offset(s), expect);
}

static void test_invalid_utf8(void **state)
{
    (void)state;
    kurz_summarizer *s = NULL;
    assert_int_equal(kurz_summarizer_new(&s, "de"), KURZ_OK);
    /* each sequence alone, and behind prefixes that exercise the 8-byte
     * ASCII fast path and multi-byte characters */
    static const char *const prefixes[] = {
        "", "a", "Satz. ", "Ein ganz normaler Satz. ", "\xC3\xA4\xC3\xB6\xC3\xBC", "1234567",
        "12345678", "123456789", ("Gr\xC3\xBC\xC3\x9F" "e aus K\xC3\xB6ln \xE2\x80\x94 "),
    };
    char buf[256];
    int ncases = 0;
    for (size_t p = 0; p < sizeof prefixes / sizeof prefixes[0]; p++) {
        for (size_t c = 0; c < sizeof bad_cases / sizeof bad_cases[0]; c++) {
            const badcase *b = &bad_cases[c];
            size_t pl = strlen(prefixes[p]);
            /* the BOM case only makes sense at the very start */
            if (pl && b->offset == 3 && b->bytes[0] == '\xEF')
                continue;
            memcpy(buf, prefixes[p], pl);
            memcpy(buf + pl, b->bytes, b->len);
            check_bad(s, b->name, buf, pl + b->len, pl + b->offset);
            /* with valid text after it: the offset stays the first bad one */
            static const char tail[] = " und danach g\xC3\xBCltiger Text. \xC3\xBF";
            memcpy(buf + pl + b->len, tail, sizeof tail - 1);
            check_bad(s, b->name, buf, pl + b->len + sizeof tail - 1, pl + b->offset);
            ncases += 2;
        }
    }
    /* the first of two bad sequences is reported */
    check_bad(s, "two bad", "ab\xFF" "cd\xC0\x80", 7, 2);
    /* a bad byte deep in a large valid text */
    size_t len;
    char *big = rc_gen_text(RC_DE, 3, S(MB), &len);
    big[len - 1] = (char)0x80;
    check_bad(s, "bad last byte of 1 MB", big, len, len - 1);
    /* an ASCII byte between ASCII bytes near the middle becomes 0xFF */
    size_t p = len / 2;
    while ((unsigned char)big[p - 1] >= 0x80 || (unsigned char)big[p] >= 0x80 ||
           (unsigned char)big[p + 1] >= 0x80)
        p++;
    big[p] = (char)0xFF;
    check_bad(s, "bad byte mid 1 MB", big, len, p);
    free(big);

    /* after a success the offset is 0 again, and the handle works */
    kurz_summary *sum = NULL;
    assert_int_equal(kurz_summarize(&sum, s, "Hallo Welt.", 11), KURZ_OK);
    assert_int_equal(kurz_summarizer_error_offset(s), 0);
    kurz_summary_free(sum);
    assert_int_equal(kurz_summarizer_error_offset(NULL), 0);
    printf("# hostile invalid UTF-8: %d cases, all rejected with the exact offset\n", ncases);
    kurz_summarizer_free(s);
}

/* Valid edge forms that must NOT be rejected. */
static void test_valid_utf8_edges(void **state)
{
    (void)state;
    static const char *const ok[] = {
        "\xC2\x80",         "\xDF\xBF",          "\xE0\xA0\x80", "\xED\x9F\xBF",
        "\xEE\x80\x80",     "\xEF\xBF\xBF",      "\xEF\xBF\xBE", "\xF0\x90\x80\x80",
        "\xF4\x8F\xBF\xBF", "\xEF\xBB\xBF",      "\xEF\xBB\xBF\xEF\xBB\xBF",
        "\x7F",
    };
    kurz_summarizer *s = NULL;
    assert_int_equal(kurz_summarizer_new(&s, "fr"), KURZ_OK);
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        char buf[64];
        int n = snprintf(buf, sizeof buf, "%sUn mot%s. Deux%s.", ok[i], ok[i], ok[i]);
        size_t off = 777;
        assert_int_equal(kurz_validate_utf8(buf, (size_t)n, &off), KURZ_OK);
        assert_int_equal(off, 777); /* untouched on success */
        kurz_summary *sum = NULL;
        assert_int_equal(kurz_summarize(&sum, s, buf, (size_t)n), KURZ_OK);
        const char *err = kc_check_summary(sum, buf, (size_t)n, 0);
        if (err)
            fail_msg("case %zu: %s: %s", i, err, kc_msg);
        kurz_summary_free(sum);
        assert_int_equal(kurz_split(&sum, s, buf, (size_t)n), KURZ_OK);
        err = kc_check_summary(sum, buf, (size_t)n, KC_SPLIT);
        if (err)
            fail_msg("case %zu split: %s: %s", i, err, kc_msg);
        kurz_summary_free(sum);
    }
    kurz_summarizer_free(s);
}

/* ---- limits and options ------------------------------------------------------------ */
static void test_too_large(void **state)
{
    (void)state;
    kurz_summarizer *s = NULL;
    assert_int_equal(kurz_summarizer_new(&s, "de"), KURZ_OK);
    static const char text[] = "Ein Satz mit Inhalt. Noch ein Satz.";
    const size_t len = sizeof text - 1;
    kurz_summary *sum = NULL;
    int maxv;
    assert_int_equal(kurz_option_bounds(KURZ_OPT_MAX_INPUT_BYTES, NULL, &maxv), KURZ_OK);
    assert_int_equal(maxv, INT_MAX);

    assert_int_equal(kurz_summarizer_set_option(s, KURZ_OPT_MAX_INPUT_BYTES, (int)len - 1),
                     KURZ_OK);
    sum = (kurz_summary *)(uintptr_t)1;
    assert_int_equal(kurz_summarize(&sum, s, text, len), KURZ_ERR_TOO_LARGE);
    assert_null(sum);
    sum = (kurz_summary *)(uintptr_t)1;
    assert_int_equal(kurz_split(&sum, s, text, len), KURZ_ERR_TOO_LARGE);
    assert_null(sum);
    assert_int_equal(kurz_summarizer_error_offset(s), 0);
    /* exactly at the limit is fine */
    assert_int_equal(kurz_summarizer_set_option(s, KURZ_OPT_MAX_INPUT_BYTES, (int)len), KURZ_OK);
    assert_int_equal(kurz_summarize(&sum, s, text, len), KURZ_OK);
    kurz_summary_free(sum);
    /* limit 0: only the empty document */
    assert_int_equal(kurz_summarizer_set_option(s, KURZ_OPT_MAX_INPUT_BYTES, 0), KURZ_OK);
    assert_int_equal(kurz_summarize(&sum, s, "", 0), KURZ_OK);
    assert_int_equal(kurz_summary_count(sum), 0);
    kurz_summary_free(sum);
    assert_int_equal(kurz_summarize(&sum, s, NULL, 0), KURZ_OK);
    kurz_summary_free(sum);
    assert_int_equal(kurz_summarize(&sum, s, "x", 1), KURZ_ERR_TOO_LARGE);
    assert_null(sum);
    /* the limit is checked without reading the text: a "length" far past
     * the buffer must be refused, not scanned */
    assert_int_equal(kurz_summarizer_set_option(s, KURZ_OPT_MAX_INPUT_BYTES, 16), KURZ_OK);
    assert_int_equal(kurz_summarize(&sum, s, text, SIZE_MAX), KURZ_ERR_TOO_LARGE);
    assert_int_equal(kurz_split(&sum, s, text, (size_t)INT_MAX + 1), KURZ_ERR_TOO_LARGE);
    /* the default is 256 MiB; one byte more is refused (never read) */
    kurz_summarizer *d = NULL;
    assert_int_equal(kurz_summarizer_new(&d, "de"), KURZ_OK);
    int def;
    assert_int_equal(kurz_summarizer_get_option(d, KURZ_OPT_MAX_INPUT_BYTES, &def), KURZ_OK);
    assert_int_equal(def, 256 << 20);
    assert_int_equal(kurz_summarize(&sum, d, text, (size_t)def + 1), KURZ_ERR_TOO_LARGE);
    assert_null(sum);
    kurz_summarizer_free(d);
    kurz_summarizer_free(s);
}

static const kurz_option all_opts[] = {
    KURZ_OPT_SENTENCES,         KURZ_OPT_RATIO_PERMILLE,  KURZ_OPT_WORDS,
    KURZ_OPT_STRICT,            KURZ_OPT_ALGORITHM,       KURZ_OPT_DAMPING_PERMILLE,
    KURZ_OPT_POSITION_PERMILLE, KURZ_OPT_REDUNDANCY_PERMILLE, KURZ_OPT_BOILERPLATE,
    KURZ_OPT_MAX_INPUT_BYTES,   KURZ_OPT_TITLE_PERMILLE,  KURZ_OPT_KEYPHRASES,
    KURZ_OPT_KEYPHRASE_MAX_WORDS,
};
#define NOPTS (sizeof all_opts / sizeof all_opts[0])

static void summarize_check(kurz_summarizer *s, const char *what, const char *text, size_t len)
{
    kurz_summary *sum = NULL;
    int rc = kurz_summarize(&sum, s, text, len);
    check_ok("summarize", what, rc, sum, text, len, 0);
    kurz_summary_free(sum);
}

static void unknown_option(kurz_summarizer *s, int raw)
{
    int v = 5, mn = 7, mx = 9;
    kurz_option o = (kurz_option)raw;
    assert_int_equal(kurz_option_bounds(o, &mn, &mx), KURZ_ERR_INVALID_ARG);
    assert_int_equal(kurz_summarizer_set_option(s, o, 0), KURZ_ERR_INVALID_ARG);
    assert_int_equal(kurz_summarizer_get_option(s, o, &v), KURZ_ERR_INVALID_ARG);
    assert_int_equal(v, 5);
}

/* Option numbers come from callers (and bindings) unchecked: the most
 * negative ones must be refused without arithmetic overflow. Runs last
 * because UBSan with halt_on_error ends the whole process. */
static void test_unknown_option_extremes(void **state)
{
    (void)state;
    kurz_summarizer *s = NULL;
    assert_int_equal(kurz_summarizer_new(&s, "de"), KURZ_OK);
    unknown_option(s, INT_MIN);
    unknown_option(s, INT_MIN + 1);
    unknown_option(s, INT_MIN + 99);
    kurz_summarizer_free(s);
}

static void test_option_bounds(void **state)
{
    (void)state;
    size_t len;
    char *text = rc_gen_text(RC_DE, 21, 6000, &len);
    kurz_summarizer *s = NULL;
    assert_int_equal(kurz_summarizer_new(&s, "de"), KURZ_OK);
    static const int unknown[] = {-1, 0, 99, 113, 1000, INT_MAX};
    for (size_t i = 0; i < sizeof unknown / sizeof unknown[0]; i++)
        unknown_option(s, unknown[i]);
    for (size_t i = 0; i < NOPTS; i++) {
        kurz_option o = all_opts[i];
        int mn = 0, mx = 0, def = 0, v = 0;
        assert_int_equal(kurz_option_bounds(o, &mn, &mx), KURZ_OK);
        assert_int_equal(kurz_option_bounds(o, NULL, NULL), KURZ_OK);
        assert_true(mn <= mx);
        assert_int_equal(kurz_summarizer_get_option(s, o, &def), KURZ_OK);
        assert_true(def >= mn && def <= mx);
        assert_int_equal(kurz_summarizer_get_option(NULL, o, &v), KURZ_ERR_INVALID_ARG);
        assert_int_equal(kurz_summarizer_set_option(NULL, o, def), KURZ_ERR_INVALID_ARG);
        printf("# option %d: [%d, %d] default %d\n", (int)o, mn, mx, def);

        /* outside: refused, previous value kept */
        const int outside[] = {INT_MIN, mn > INT_MIN ? mn - 1 : mn, mx < INT_MAX ? mx + 1 : mx,
                               INT_MAX};
        for (size_t k = 0; k < 4; k++) {
            int val = outside[k];
            if (val >= mn && val <= mx)
                continue;
            assert_int_equal(kurz_summarizer_set_option(s, o, val), KURZ_ERR_OUT_OF_RANGE);
            assert_int_equal(kurz_summarizer_get_option(s, o, &v), KURZ_OK);
            assert_int_equal(v, def);
        }
        /* at the bounds: accepted, read back, and a summary still works
         * (MAX_INPUT_BYTES at its minimum refuses the text: checked apart) */
        const int inside[] = {mn, mn + (mx - mn) / 2, mx};
        for (size_t k = 0; k < 3; k++) {
            assert_int_equal(kurz_summarizer_set_option(s, o, inside[k]), KURZ_OK);
            assert_int_equal(kurz_summarizer_get_option(s, o, &v), KURZ_OK);
            assert_int_equal(v, inside[k]);
            char what[64];
            snprintf(what, sizeof what, "option %d = %d", (int)o, inside[k]);
            if (o == KURZ_OPT_MAX_INPUT_BYTES && (size_t)inside[k] < len) {
                kurz_summary *sum = NULL;
                assert_int_equal(kurz_summarize(&sum, s, text, len), KURZ_ERR_TOO_LARGE);
            } else {
                summarize_check(s, what, text, len);
            }
        }
        assert_int_equal(kurz_summarizer_set_option(s, o, def), KURZ_OK);
    }
    /* budgets are alternatives: the last non-zero one wins; 0 clears nothing */
    int v;
    assert_int_equal(kurz_summarizer_set_option(s, KURZ_OPT_SENTENCES, 5), KURZ_OK);
    assert_int_equal(kurz_summarizer_set_option(s, KURZ_OPT_WORDS, 40), KURZ_OK);
    assert_int_equal(kurz_summarizer_get_option(s, KURZ_OPT_SENTENCES, &v), KURZ_OK);
    assert_int_equal(v, 0);
    assert_int_equal(kurz_summarizer_set_option(s, KURZ_OPT_RATIO_PERMILLE, 0), KURZ_OK);
    assert_int_equal(kurz_summarizer_get_option(s, KURZ_OPT_WORDS, &v), KURZ_OK);
    assert_int_equal(v, 40);
    assert_int_equal(kurz_summarizer_get_option(s, KURZ_OPT_WORDS, NULL), KURZ_ERR_INVALID_ARG);

    /* every option at a random in-range value, many combinations */
    uint64_t st = 1;
    for (int round = 0; round < 200; round++) {
        for (size_t i = 0; i < NOPTS; i++) {
            int mn, mx;
            kurz_option_bounds(all_opts[i], &mn, &mx);
            if (all_opts[i] == KURZ_OPT_MAX_INPUT_BYTES)
                continue;
            st = st * 6364136223846793005ull + 1442695040888963407ull;
            uint32_t r = (uint32_t)(st >> 33);
            int val;
            switch (r % 4) {
            case 0: val = mn; break;
            case 1: val = mx; break;
            case 2: val = mn + (int)(r % 7 > 3 ? 1 : 0); break;
            default: val = mn + (int)((r >> 3) % ((unsigned)(mx - mn) + 1u)); break;
            }
            assert_int_equal(kurz_summarizer_set_option(s, all_opts[i], val), KURZ_OK);
        }
        summarize_check(s, "random options", text, len);
    }
    kurz_summarizer_free(s);
    free(text);
}

/* ---- NULL arguments -------------------------------------------------------------- */
static void test_null_arguments(void **state)
{
    (void)state;
    kurz_summarizer *s = (kurz_summarizer *)(uintptr_t)1;
    assert_int_equal(kurz_summarizer_new(NULL, "de"), KURZ_ERR_INVALID_ARG);
    assert_int_equal(kurz_summarizer_new(&s, NULL), KURZ_ERR_INVALID_ARG);
    assert_null(s);
    s = (kurz_summarizer *)(uintptr_t)1;
    assert_int_equal(kurz_summarizer_new(&s, ""), KURZ_ERR_UNSUPPORTED_LANG);
    assert_null(s);
    assert_int_equal(kurz_summarizer_new(&s, "xx"), KURZ_ERR_UNSUPPORTED_LANG);
    assert_int_equal(kurz_summarizer_new(&s, "de\n"), KURZ_ERR_UNSUPPORTED_LANG);
    assert_int_equal(kurz_summarizer_new(&s, "germanx"), KURZ_ERR_UNSUPPORTED_LANG);
    assert_int_equal(kurz_summarizer_new(&s, "d"), KURZ_ERR_UNSUPPORTED_LANG);
    assert_int_equal(kurz_summarizer_new(&s, "\xC3\xA4"), KURZ_ERR_UNSUPPORTED_LANG);
    assert_int_equal(kurz_summarizer_new(&s, "GERMAN"), KURZ_OK);
    assert_string_equal(kurz_summarizer_language(s), "de");
    kurz_summarizer_free(s);
    /* every advertised language works */
    const char *const *langs = kurz_languages();
    assert_non_null(langs);
    size_t nl = 0;
    for (; langs[nl]; nl++) {
        assert_int_equal(kurz_summarizer_new(&s, langs[nl]), KURZ_OK);
        assert_string_equal(kurz_summarizer_language(s), langs[nl]);
        kurz_summary *sum = NULL;
        static const char t[] = "Alpha beta gamma. Delta epsilon zeta.";
        assert_int_equal(kurz_summarize(&sum, s, t, sizeof t - 1), KURZ_OK);
        kurz_summary_free(sum);
        kurz_summarizer_free(s);
    }
    assert_true(nl >= 3);

    assert_int_equal(kurz_summarizer_new(&s, "de"), KURZ_OK);
    kurz_summary *sum = (kurz_summary *)(uintptr_t)1;
    assert_int_equal(kurz_summarize(NULL, s, "a", 1), KURZ_ERR_INVALID_ARG);
    assert_int_equal(kurz_split(NULL, s, "a", 1), KURZ_ERR_INVALID_ARG);
    assert_int_equal(kurz_summarize(&sum, NULL, "a", 1), KURZ_ERR_INVALID_ARG);
    assert_null(sum);
    sum = (kurz_summary *)(uintptr_t)1;
    assert_int_equal(kurz_split(&sum, NULL, "a", 1), KURZ_ERR_INVALID_ARG);
    assert_null(sum);
    sum = (kurz_summary *)(uintptr_t)1;
    assert_int_equal(kurz_summarize(&sum, s, NULL, 5), KURZ_ERR_INVALID_ARG);
    assert_null(sum);
    sum = (kurz_summary *)(uintptr_t)1;
    assert_int_equal(kurz_split(&sum, s, NULL, 1), KURZ_ERR_INVALID_ARG);
    assert_null(sum);
    /* NULL text of length 0 is the empty document */
    assert_int_equal(kurz_summarize(&sum, s, NULL, 0), KURZ_OK);
    assert_non_null(sum);
    assert_int_equal(kurz_summary_count(sum), 0);
    assert_int_equal(kurz_summary_document_sentences(sum), 0);
    assert_int_equal(kurz_summary_get(sum, 0, NULL, NULL, NULL, NULL), KURZ_ERR_OUT_OF_RANGE);
    kurz_summary_free(sum);
    assert_int_equal(kurz_split(&sum, s, NULL, 0), KURZ_OK);
    assert_int_equal(kurz_summary_count(sum), 0);
    kurz_summary_free(sum);
    /* empty-ish documents */
    static const char *const empty[] = {"", " ", "\n\n\r\n", "\xEF\xBB\xBF", "\xEF\xBB\xBF \n",
                                        "\t\v\f"};
    for (size_t i = 0; i < sizeof empty / sizeof empty[0]; i++) {
        size_t l = strlen(empty[i]);
        assert_int_equal(kurz_summarize(&sum, s, empty[i], l), KURZ_OK);
        const char *err = kc_check_summary(sum, empty[i], l, 0);
        if (err)
            fail_msg("empty %zu: %s (%s)", i, err, kc_msg);
        assert_int_equal(kurz_summary_count(sum), 0);
        kurz_summary_free(sum);
        assert_int_equal(kurz_split(&sum, s, empty[i], l), KURZ_OK);
        assert_int_equal(kurz_summary_count(sum), 0);
        kurz_summary_free(sum);
    }
    /* a BOM is never part of a sentence */
    assert_int_equal(kurz_split(&sum, s, "\xEF\xBB\xBFHallo.", 9), KURZ_OK);
    assert_int_equal(kurz_summary_count(sum), 1);
    size_t st, en;
    assert_int_equal(kurz_summary_get(sum, 0, NULL, &st, &en, NULL), KURZ_OK);
    assert_int_equal(st, 3);
    assert_int_equal(en, 9);
    /* summary accessors */
    assert_int_equal(kurz_summary_get(sum, 0, NULL, NULL, NULL, NULL), KURZ_OK);
    assert_int_equal(kurz_summary_get(sum, 1, &st, &st, &en, NULL), KURZ_ERR_OUT_OF_RANGE);
    assert_int_equal(kurz_summary_get(sum, SIZE_MAX, NULL, NULL, NULL, NULL),
                     KURZ_ERR_OUT_OF_RANGE);
    kurz_summary_free(sum);
    assert_int_equal(kurz_summary_get(NULL, 0, NULL, NULL, NULL, NULL), KURZ_ERR_INVALID_ARG);
    assert_int_equal(kurz_summary_count(NULL), 0);
    assert_int_equal(kurz_summary_document_sentences(NULL), 0);
    kurz_summary_free(NULL);
    kurz_summarizer_free(NULL);
    assert_null(kurz_summarizer_language(NULL));
    assert_int_equal(kurz_summarizer_error_offset(NULL), 0);
    assert_int_equal(kurz_validate_utf8(NULL, 0, NULL), KURZ_OK);
    assert_int_equal(kurz_validate_utf8(NULL, 1, NULL), KURZ_ERR_INVALID_ARG);
    assert_int_equal(kurz_validate_utf8("abc", 3, NULL), KURZ_OK);
    assert_int_equal(kurz_summarizer_set_allocator(NULL, NULL, NULL, NULL, NULL),
                     KURZ_ERR_INVALID_ARG);
    static const int st_codes[] = {INT_MIN, -7, -6, -5, -4, -3, -2, -1, 0, 1, 42, INT_MAX};
    for (size_t i = 0; i < sizeof st_codes / sizeof st_codes[0]; i++) {
        const char *m = kurz_strerror(st_codes[i]);
        assert_non_null(m);
        assert_true(strlen(m) > 0);
    }
    assert_true(kurz_version_number() == KURZ_VERSION_NUMBER);
    assert_non_null(kurz_version_string());
    kurz_summarizer_free(s);
}

/* ---- budget extremes ---------------------------------------------------------------- */
/* Words as the test counts them: runs of letters and digits. */
static size_t ascii_words(const char *t, size_t a, size_t b)
{
    size_t n = 0;
    int in = 0;
    for (size_t i = a; i < b; i++) {
        unsigned char c = (unsigned char)t[i];
        int w = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c >= 0x80; /* the text's only non-ASCII characters are letters */
        n += w && !in;
        in = w;
    }
    return n;
}

static void budget_run(const char *lang, const char *text, size_t len, kurz_option o, int val,
                       int strict, size_t *count, size_t *doc, size_t *words)
{
    kurz_summarizer *s = NULL;
    assert_int_equal(kurz_summarizer_new(&s, lang), KURZ_OK);
    assert_int_equal(kurz_summarizer_set_option(s, o, val), KURZ_OK);
    assert_int_equal(kurz_summarizer_set_option(s, KURZ_OPT_STRICT, strict), KURZ_OK);
    kurz_summary *sum = NULL;
    char what[64];
    snprintf(what, sizeof what, "budget %d=%d strict=%d", (int)o, val, strict);
    int rc = kurz_summarize(&sum, s, text, len);
    check_ok("summarize", what, rc, sum, text, len, 0);
    *count = kurz_summary_count(sum);
    *doc = kurz_summary_document_sentences(sum);
    *words = 0;
    for (size_t i = 0; i < *count; i++) {
        size_t a, b;
        kurz_summary_get(sum, i, NULL, &a, &b, NULL);
        *words += ascii_words(text, a, b);
    }
    kurz_summary_free(sum);
    kurz_summarizer_free(s);
}

static void test_budget_extremes(void **state)
{
    (void)state;
    static const char text[] =
        "Ja.\nDie Regierung plant eine neue Straßenbahn durch die Innenstadt.\n"
        "Nein.\nDer Gemeinderat kritisiert die hohen Kosten der Planung deutlich.\n"
        "Vielleicht.\nDie Verwaltung prüft jetzt mehrere Varianten für die Trasse.\n"
        "Gut.\nDie Bürger fordern eine schnelle Entscheidung über das Projekt.\n";
    const size_t len = sizeof text - 1;
    size_t n, doc, w;
    for (int strict = 0; strict < 2; strict++) {
        budget_run("de", text, len, KURZ_OPT_SENTENCES, INT_MAX, strict, &n, &doc, &w);
        assert_true(n >= 1 && n <= doc);
        budget_run("de", text, len, KURZ_OPT_SENTENCES, 1, strict, &n, &doc, &w);
        assert_int_equal(n, 1);
        budget_run("de", text, len, KURZ_OPT_RATIO_PERMILLE, 1, strict, &n, &doc, &w);
        assert_int_equal(n, 1); /* "at least one" */
        budget_run("de", text, len, KURZ_OPT_RATIO_PERMILLE, 1000, strict, &n, &doc, &w);
        assert_true(n >= 1 && n <= doc);
        budget_run("de", text, len, KURZ_OPT_WORDS, INT_MAX, strict, &n, &doc, &w);
        assert_true(n >= 1 && n <= doc);
    }
    /* words = 1 strict: never more than one word in total (possibly nothing) */
    budget_run("de", text, len, KURZ_OPT_WORDS, 1, 1, &n, &doc, &w);
    printf("# budget words=1 strict: %zu sentences, %zu words of %zu sentences\n", n, w, doc);
    assert_true(w <= 1);
    /* words = 1, not strict: add sentences while shorter: exactly one */
    budget_run("de", text, len, KURZ_OPT_WORDS, 1, 0, &n, &doc, &w);
    assert_int_equal(n, 1);
    /* words budget strict and small: total never above it */
    for (int b = 1; b <= 40; b++) {
        budget_run("de", text, len, KURZ_OPT_WORDS, b, 1, &n, &doc, &w);
        if (w > (size_t)b)
            fail_msg("strict words=%d: summary has %zu words", b, w);
    }
    /* every budget on the empty document and a one-sentence document */
    static const kurz_option bo[] = {KURZ_OPT_SENTENCES, KURZ_OPT_RATIO_PERMILLE, KURZ_OPT_WORDS};
    for (size_t i = 0; i < 3; i++) {
        int mx;
        kurz_option_bounds(bo[i], NULL, &mx);
        budget_run("fr", "", 0, bo[i], mx, 0, &n, &doc, &w);
        assert_int_equal(n, 0);
        budget_run("fr", "Une phrase.", 11, bo[i], mx, 1, &n, &doc, &w);
        assert_true(n <= 1);
        budget_run("fr", "Une phrase.", 11, bo[i], 1, 0, &n, &doc, &w);
        assert_int_equal(n, 1);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_null_arguments),
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_valid_utf8_edges),
        cmocka_unit_test(test_too_large),
        cmocka_unit_test(test_option_bounds),
        cmocka_unit_test(test_budget_extremes),
        cmocka_unit_test(test_nul_bytes),
        cmocka_unit_test(test_no_punctuation_10mb),
        cmocka_unit_test(test_million_newlines),
        cmocka_unit_test(test_million_short_sentences),
        cmocka_unit_test(test_single_huge_word),
        cmocka_unit_test(test_stopwords_digits_punct),
        cmocka_unit_test(test_emoji_and_marks),
        cmocka_unit_test(test_many_words_and_sentences),
        cmocka_unit_test(test_big_budgets_large_document),
        cmocka_unit_test(test_unknown_option_extremes),
    };
    return cmocka_run_group_tests_name("hostile", tests, NULL, NULL);
}
