/* SPDX-License-Identifier: MIT */
/* API tests: only <kurz.h> and the shared library, as a user sees them. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kurz.h>

static const char de_text[] =
    "Der Stadtrat hat am Montag einen neuen Plan für den Verkehr beschlossen. "
    "Der Plan sieht mehr Radwege und breitere Gehwege in der Innenstadt vor. "
    "Die Kosten des Plans liegen nach Angaben der Stadt bei rund 12 Millionen Euro. "
    "Kritiker halten die Kosten für zu hoch und fordern eine Bürgerbefragung. "
    "Der Bürgermeister verteidigte den Plan für den Verkehr als notwendig. "
    "Im Frühjahr sollen die ersten Bauarbeiten an den Radwegen beginnen.";

static const char fr_text[] =
    "Le conseil municipal a adopté lundi un nouveau plan de circulation. "
    "Ce plan prévoit davantage de pistes cyclables dans le centre-ville. "
    "Selon la mairie, le coût du plan s'élève à environ 12 millions d'euros. "
    "L'opposition juge ce coût excessif et réclame une consultation. "
    "Le maire a défendu le plan de circulation devant la presse. "
    "Les premiers travaux des pistes cyclables commenceront au printemps.";

static kurz_summarizer *new_or_fail(const char *lang)
{
    kurz_summarizer *s = NULL;
    assert_int_equal(kurz_summarizer_new(&s, lang), KURZ_OK);
    assert_non_null(s);
    return s;
}

static void version_matches(void **state)
{
    (void)state;
    assert_int_equal(kurz_version_number(), KURZ_VERSION_NUMBER);
    char buf[32];
    snprintf(buf, sizeof buf, "%d.%d.%d", KURZ_VERSION_MAJOR, KURZ_VERSION_MINOR,
             KURZ_VERSION_PATCH);
    assert_string_equal(kurz_version_string(), buf);
#ifdef KURZ_PROJECT_VERSION
    assert_string_equal(kurz_version_string(), KURZ_PROJECT_VERSION);
#endif
}

static void every_status_has_a_message(void **state)
{
    (void)state;
    const char *unknown = kurz_strerror(12345);
    assert_non_null(unknown);
    for (int st = KURZ_ERR_TOO_LARGE; st <= KURZ_OK; st++) {
        const char *msg = kurz_strerror(st);
        assert_non_null(msg);
        assert_true(strlen(msg) > 0);
        assert_string_not_equal(msg, unknown);
    }
    assert_non_null(kurz_strerror(INT_MIN));
}

static void languages_listed_and_accepted(void **state)
{
    (void)state;
    const char *const *l = kurz_languages();
    int de = 0, fr = 0, n = 0;
    for (; *l; l++, n++) {
        de |= strcmp(*l, "de") == 0;
        fr |= strcmp(*l, "fr") == 0;
        kurz_summarizer *s = new_or_fail(*l);
        assert_string_equal(kurz_summarizer_language(s), *l);
        kurz_summarizer_free(s);
    }
    assert_true(de && fr);
    assert_true(n >= 20);
    kurz_summarizer *s = new_or_fail("GERMAN");
    assert_string_equal(kurz_summarizer_language(s), "de");
    kurz_summarizer_free(s);
}

static void unknown_language_and_null_args(void **state)
{
    (void)state;
    kurz_summarizer *s = (kurz_summarizer *)&s; /* must be reset to NULL */
    assert_int_equal(kurz_summarizer_new(&s, "xx"), KURZ_ERR_UNSUPPORTED_LANG);
    assert_null(s);
    assert_int_equal(kurz_summarizer_new(&s, ""), KURZ_ERR_UNSUPPORTED_LANG);
    assert_int_equal(kurz_summarizer_new(&s, NULL), KURZ_ERR_INVALID_ARG);
    assert_null(s);
    assert_int_equal(kurz_summarizer_new(NULL, "de"), KURZ_ERR_INVALID_ARG);
    kurz_summarizer_free(NULL);
    kurz_summary_free(NULL);
    assert_int_equal(kurz_summary_count(NULL), 0);
    assert_int_equal(kurz_summary_get(NULL, 0, NULL, NULL, NULL, NULL), KURZ_ERR_INVALID_ARG);

    s = new_or_fail("de");
    kurz_summary *sum = (kurz_summary *)&sum;
    assert_int_equal(kurz_summarize(&sum, NULL, "x", 1), KURZ_ERR_INVALID_ARG);
    assert_null(sum);
    assert_int_equal(kurz_summarize(NULL, s, "x", 1), KURZ_ERR_INVALID_ARG);
    assert_int_equal(kurz_summarize(&sum, s, NULL, 5), KURZ_ERR_INVALID_ARG);
    assert_int_equal(kurz_summarize(&sum, s, NULL, 0), KURZ_OK); /* empty document */
    assert_int_equal(kurz_summary_count(sum), 0);
    kurz_summary_free(sum);
    kurz_summarizer_free(s);
}

static void options_bounds_and_budgets(void **state)
{
    (void)state;
    kurz_summarizer *s = new_or_fail("fr");
    int lo, hi, v;
    assert_int_equal(kurz_option_bounds((kurz_option)99, &lo, &hi), KURZ_ERR_INVALID_ARG);
    assert_int_equal(kurz_summarizer_set_option(s, (kurz_option)999, 1), KURZ_ERR_INVALID_ARG);
    for (int o = KURZ_OPT_SENTENCES; o <= KURZ_OPT_TITLE_PERMILLE; o++) {
        assert_int_equal(kurz_option_bounds((kurz_option)o, &lo, &hi), KURZ_OK);
        assert_true(lo <= hi);
        int before;
        assert_int_equal(kurz_summarizer_get_option(s, (kurz_option)o, &before), KURZ_OK);
        assert_true(before >= lo && before <= hi);
        if (lo > INT_MIN) {
            assert_int_equal(kurz_summarizer_set_option(s, (kurz_option)o, lo - 1),
                             KURZ_ERR_OUT_OF_RANGE);
            assert_int_equal(kurz_summarizer_get_option(s, (kurz_option)o, &v), KURZ_OK);
            assert_int_equal(v, before); /* unchanged after a refused value */
        }
        if (hi < INT_MAX)
            assert_int_equal(kurz_summarizer_set_option(s, (kurz_option)o, hi + 1),
                             KURZ_ERR_OUT_OF_RANGE);
    }
    /* budgets are alternatives: the last one set wins */
    assert_int_equal(kurz_summarizer_set_option(s, KURZ_OPT_WORDS, 40), KURZ_OK);
    assert_int_equal(kurz_summarizer_set_option(s, KURZ_OPT_SENTENCES, 2), KURZ_OK);
    assert_int_equal(kurz_summarizer_get_option(s, KURZ_OPT_WORDS, &v), KURZ_OK);
    assert_int_equal(v, 0);
    assert_int_equal(kurz_summarizer_set_option(s, KURZ_OPT_RATIO_PERMILLE, 500), KURZ_OK);
    assert_int_equal(kurz_summarizer_get_option(s, KURZ_OPT_SENTENCES, &v), KURZ_OK);
    assert_int_equal(v, 0);
    kurz_summarizer_free(s);
}

/* Checks the span invariants of a result against the input. */
static void check_spans(const kurz_summary *sum, const char *text, size_t len)
{
    size_t prev_end = 0, prev_index = 0;
    for (size_t i = 0; i < kurz_summary_count(sum); i++) {
        size_t idx, st, en;
        double sc;
        assert_int_equal(kurz_summary_get(sum, i, &idx, &st, &en, &sc), KURZ_OK);
        assert_true(st < en && en <= len);
        assert_true(i == 0 || (st >= prev_end && idx > prev_index));
        assert_true(idx < kurz_summary_document_sentences(sum));
        assert_false(((unsigned char)text[st] & 0xC0) == 0x80); /* code-point boundary */
        assert_false(en < len && ((unsigned char)text[en] & 0xC0) == 0x80);
        assert_false(text[st] == ' ' || text[en - 1] == ' ');
        prev_end = en;
        prev_index = idx;
    }
    assert_int_equal(kurz_summary_get(sum, kurz_summary_count(sum), NULL, NULL, NULL, NULL),
                     KURZ_ERR_OUT_OF_RANGE);
}

static size_t summary_words(const kurz_summary *sum, const char *text)
{
    size_t words = 0;
    for (size_t i = 0; i < kurz_summary_count(sum); i++) {
        size_t st, en;
        kurz_summary_get(sum, i, NULL, &st, &en, NULL);
        int in = 0;
        for (size_t j = st; j < en; j++) {
            unsigned char c = (unsigned char)text[j];
            int w = c >= 0x80 || (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
            if (w && !in)
                words++;
            in = w;
        }
    }
    return words;
}

static void budgets_in_both_languages(void **state)
{
    (void)state;
    const char *texts[2] = {de_text, fr_text};
    const char *langs[2] = {"de", "fr"};
    for (int l = 0; l < 2; l++) {
        kurz_summarizer *s = new_or_fail(langs[l]);
        size_t len = strlen(texts[l]);
        kurz_summary *sum = NULL;

        assert_int_equal(kurz_summarizer_set_option(s, KURZ_OPT_SENTENCES, 2), KURZ_OK);
        assert_int_equal(kurz_summarize(&sum, s, texts[l], len), KURZ_OK);
        assert_int_equal(kurz_summary_count(sum), 2);
        assert_int_equal(kurz_summary_document_sentences(sum), 6);
        check_spans(sum, texts[l], len);
        kurz_summary_free(sum);

        assert_int_equal(kurz_summarizer_set_option(s, KURZ_OPT_RATIO_PERMILLE, 500), KURZ_OK);
        assert_int_equal(kurz_summarize(&sum, s, texts[l], len), KURZ_OK);
        assert_int_equal(kurz_summary_count(sum), 3);
        check_spans(sum, texts[l], len);
        kurz_summary_free(sum);

        /* words: reach the budget (the last sentence may cross it) */
        assert_int_equal(kurz_summarizer_set_option(s, KURZ_OPT_WORDS, 15), KURZ_OK);
        assert_int_equal(kurz_summarize(&sum, s, texts[l], len), KURZ_OK);
        assert_true(summary_words(sum, texts[l]) >= 15);
        assert_true(kurz_summary_count(sum) <= 2);
        check_spans(sum, texts[l], len);
        kurz_summary_free(sum);

        /* strict: never cross it */
        assert_int_equal(kurz_summarizer_set_option(s, KURZ_OPT_STRICT, 1), KURZ_OK);
        assert_int_equal(kurz_summarize(&sum, s, texts[l], len), KURZ_OK);
        assert_true(kurz_summary_count(sum) >= 1);
        assert_true(summary_words(sum, texts[l]) <= 15);
        kurz_summary_free(sum);
        assert_int_equal(kurz_summarizer_set_option(s, KURZ_OPT_WORDS, 3), KURZ_OK);
        assert_int_equal(kurz_summarize(&sum, s, texts[l], len), KURZ_OK);
        assert_int_equal(kurz_summary_count(sum), 0); /* no sentence is that short */
        kurz_summary_free(sum);

        /* the whole document */
        assert_int_equal(kurz_summarizer_set_option(s, KURZ_OPT_SENTENCES, 100), KURZ_OK);
        assert_int_equal(kurz_summarizer_set_option(s, KURZ_OPT_REDUNDANCY_PERMILLE, 1000),
                         KURZ_OK);
        assert_int_equal(kurz_summarize(&sum, s, texts[l], len), KURZ_OK);
        assert_int_equal(kurz_summary_count(sum), 6);
        kurz_summary_free(sum);
        kurz_summarizer_free(s);
    }
}

static void default_budget_is_three(void **state)
{
    (void)state;
    kurz_summarizer *s = new_or_fail("de");
    kurz_summary *sum = NULL;
    assert_int_equal(kurz_summarize(&sum, s, de_text, strlen(de_text)), KURZ_OK);
    assert_int_equal(kurz_summary_count(sum), 3);
    kurz_summary_free(sum);
    kurz_summarizer_free(s);
}

static void invalid_utf8_has_offset(void **state)
{
    (void)state;
    kurz_summarizer *s = new_or_fail("de");
    const char bad[] = "Gut. Schlecht \xC3\x28 hier.";
    kurz_summary *sum = (kurz_summary *)&sum;
    assert_int_equal(kurz_summarize(&sum, s, bad, sizeof bad - 1), KURZ_ERR_INVALID_UTF8);
    assert_null(sum);
    assert_int_equal(kurz_summarizer_error_offset(s), 14);
    size_t off = 0;
    assert_int_equal(kurz_validate_utf8(bad, sizeof bad - 1, &off), KURZ_ERR_INVALID_UTF8);
    assert_int_equal(off, 14);
    assert_int_equal(kurz_split(&sum, s, bad, sizeof bad - 1), KURZ_ERR_INVALID_UTF8);
    /* still usable, and the offset is reset by a good call */
    assert_int_equal(kurz_split(&sum, s, de_text, strlen(de_text)), KURZ_OK);
    assert_int_equal(kurz_summarizer_error_offset(s), 0);
    kurz_summary_free(sum);
    assert_int_equal(kurz_validate_utf8("\xE2\x82", 2, &off), KURZ_ERR_INVALID_UTF8);
    assert_int_equal(off, 0);
    assert_int_equal(kurz_validate_utf8("ok \xED\xA0\x80", 6, &off), KURZ_ERR_INVALID_UTF8);
    assert_int_equal(off, 3);
    assert_int_equal(kurz_validate_utf8("\xC0\xAF", 2, &off), KURZ_ERR_INVALID_UTF8);
    assert_int_equal(kurz_validate_utf8("Grüße", strlen("Grüße"), &off), KURZ_OK);
    kurz_summarizer_free(s);
}

static void too_large_input(void **state)
{
    (void)state;
    kurz_summarizer *s = new_or_fail("de");
    assert_int_equal(kurz_summarizer_set_option(s, KURZ_OPT_MAX_INPUT_BYTES, 10), KURZ_OK);
    kurz_summary *sum = NULL;
    assert_int_equal(kurz_summarize(&sum, s, de_text, strlen(de_text)), KURZ_ERR_TOO_LARGE);
    assert_null(sum);
    assert_int_equal(kurz_summarize(&sum, s, "Kurz.", 5), KURZ_OK);
    kurz_summary_free(sum);
    kurz_summarizer_free(s);
}

static void bom_crlf_and_offsets(void **state)
{
    (void)state;
    const char text[] = "\xEF\xBB\xBFÉté chaud à Paris.\r\nLes fontaines débordent de monde.\r\n";
    kurz_summarizer *s = new_or_fail("fr");
    kurz_summary *sum = NULL;
    assert_int_equal(kurz_split(&sum, s, text, sizeof text - 1), KURZ_OK);
    assert_int_equal(kurz_summary_count(sum), 2);
    size_t st, en;
    double sc;
    assert_int_equal(kurz_summary_get(sum, 0, NULL, &st, &en, &sc), KURZ_OK);
    assert_int_equal(st, 3);
    assert_memory_equal(text + st, "Été chaud à Paris.", en - st);
    assert_true(sc == 0.0);
    assert_int_equal(kurz_summary_get(sum, 1, NULL, &st, &en, NULL), KURZ_OK);
    assert_int_equal(en - st, strlen("Les fontaines débordent de monde."));
    assert_memory_equal(text + st, "Les fontaines débordent de monde.", en - st);
    kurz_summary_free(sum);
    kurz_summarizer_free(s);
}

static void summary_outlives_text_and_handle(void **state)
{
    (void)state;
    kurz_summarizer *s = new_or_fail("de");
    char *copy = strdup(de_text);
    size_t len = strlen(copy);
    kurz_summary *sum = NULL;
    assert_int_equal(kurz_summarize(&sum, s, copy, len), KURZ_OK);
    free(copy);
    kurz_summarizer_free(s);
    assert_int_equal(kurz_summary_count(sum), 3);
    size_t st, en;
    assert_int_equal(kurz_summary_get(sum, 2, NULL, &st, &en, NULL), KURZ_OK);
    assert_true(en <= len);
    kurz_summary_free(sum);
}

static void deterministic_and_reusable(void **state)
{
    (void)state;
    kurz_summarizer *a = new_or_fail("de");
    kurz_summarizer *b = new_or_fail("de");
    kurz_summary *x = NULL, *y = NULL, *z = NULL;
    assert_int_equal(kurz_summarize(&x, a, de_text, strlen(de_text)), KURZ_OK);
    assert_int_equal(kurz_summarize(&z, a, fr_text, strlen(fr_text)), KURZ_OK); /* other doc */
    assert_int_equal(kurz_summarize(&y, a, de_text, strlen(de_text)), KURZ_OK);
    assert_int_equal(kurz_summary_count(x), kurz_summary_count(y));
    for (size_t i = 0; i < kurz_summary_count(x); i++) {
        size_t i1, s1, e1, i2, s2, e2;
        double c1, c2;
        kurz_summary_get(x, i, &i1, &s1, &e1, &c1);
        kurz_summary_get(y, i, &i2, &s2, &e2, &c2);
        assert_true(i1 == i2 && s1 == s2 && e1 == e2 && memcmp(&c1, &c2, sizeof c1) == 0);
    }
    kurz_summary_free(y);
    assert_int_equal(kurz_summarize(&y, b, de_text, strlen(de_text)), KURZ_OK);
    for (size_t i = 0; i < kurz_summary_count(x); i++) {
        double c1, c2;
        kurz_summary_get(x, i, NULL, NULL, NULL, &c1);
        kurz_summary_get(y, i, NULL, NULL, NULL, &c2);
        assert_true(memcmp(&c1, &c2, sizeof c1) == 0);
    }
    kurz_summary_free(x);
    kurz_summary_free(y);
    kurz_summary_free(z);
    kurz_summarizer_free(a);
    kurz_summarizer_free(b);
}

static void textrank_works(void **state)
{
    (void)state;
    kurz_summarizer *s = new_or_fail("de");
    assert_int_equal(kurz_summarizer_set_option(s, KURZ_OPT_ALGORITHM, KURZ_ALGO_TEXTRANK),
                     KURZ_OK);
    kurz_summary *sum = NULL;
    assert_int_equal(kurz_summarize(&sum, s, de_text, strlen(de_text)), KURZ_OK);
    assert_int_equal(kurz_summary_count(sum), 3);
    check_spans(sum, de_text, strlen(de_text));
    kurz_summary_free(sum);
    kurz_summarizer_free(s);
}

static size_t live_blocks;

static void *count_malloc(void *user, size_t n)
{
    (void)user;
    void *p = malloc(n);
    if (p)
        live_blocks++;
    return p;
}

static void count_free(void *user, void *p)
{
    (void)user;
    if (p)
        live_blocks--;
    free(p);
}

static void custom_allocator_is_used(void **state)
{
    (void)state;
    kurz_summarizer *s = new_or_fail("fr");
    assert_int_equal(kurz_summarizer_set_allocator(s, count_malloc, NULL, NULL, NULL),
                     KURZ_ERR_INVALID_ARG);
    assert_int_equal(kurz_summarizer_set_allocator(s, count_malloc, NULL, count_free, NULL),
                     KURZ_OK);
    kurz_summary *sum = NULL;
    assert_int_equal(kurz_summarize(&sum, s, fr_text, strlen(fr_text)), KURZ_OK);
    assert_true(live_blocks >= 1); /* at least the summary itself */
    kurz_summarizer_free(s);
    assert_int_equal(live_blocks, 1); /* only the summary is left */
    kurz_summary_free(sum);
    assert_int_equal(live_blocks, 0);
}

/* The spans and scores of a summary, as text, to compare two summaries. */
static void summary_sig(const kurz_summary *sum, char *out, size_t cap)
{
    size_t o = 0;
    out[0] = '\0';
    for (size_t i = 0; i < kurz_summary_count(sum) && o + 64 < cap; i++) {
        size_t index, start, end;
        double score;
        assert_int_equal(kurz_summary_get(sum, i, &index, &start, &end, &score), KURZ_OK);
        o += (size_t)snprintf(out + o, cap - o, "%zu:%zu-%zu:%.9g;", index, start, end, score);
    }
}

/* "auto" summarizes like the identified language given by name, reports
 * it as detected, and a given language is reported as not detected. */
static void auto_equals_given_language(void **state)
{
    (void)state;
    kurz_summarizer *a = new_or_fail("AUTO");
    assert_string_equal(kurz_summarizer_language(a), "auto");
    const char *texts[] = {de_text, fr_text, de_text};
    const char *langs[] = {"de", "fr", "de"};
    for (int k = 0; k < 3; k++) { /* one summarizer, languages alternating */
        kurz_summarizer *g = new_or_fail(langs[k]);
        kurz_summary *sa = NULL, *sg = NULL;
        assert_int_equal(kurz_summarize(&sa, a, texts[k], strlen(texts[k])), KURZ_OK);
        assert_int_equal(kurz_summarize(&sg, g, texts[k], strlen(texts[k])), KURZ_OK);
        int det = -1;
        assert_string_equal(kurz_summary_language(sa, &det), langs[k]);
        assert_int_equal(det, 1);
        assert_string_equal(kurz_summary_language(sg, &det), langs[k]);
        assert_int_equal(det, 0);
        char x[2048], y[2048];
        summary_sig(sa, x, sizeof x);
        summary_sig(sg, y, sizeof y);
        assert_true(kurz_summary_count(sa) > 0);
        assert_string_equal(x, y);
        kurz_summary_free(sa);
        kurz_summary_free(sg);
        kurz_summarizer_free(g);
    }
    kurz_summarizer_free(a);
    int det = 7;
    assert_null(kurz_summary_language(NULL, &det));
    assert_int_equal(det, 0);
}

/* Text in none of the languages, or too short to tell, still gets a
 * summary (generic rules) and says "und". */
static void auto_undetermined_still_summarizes(void **state)
{
    (void)state;
    static const char pl[] = /* Polish: not one of kurz's languages */
        "Wczoraj w Krakowie otwarto nową bibliotekę miejską. "
        "Budynek ma trzy piętra i duży ogród na dachu. "
        "Według władz miasta koszt budowy wyniósł czterdzieści milionów złotych. "
        "Mieszkańcy chwalą przestronne sale i długie godziny otwarcia.";
    static const char digits[] = "2024. 2025. 12 345. 17:30.";
    kurz_summarizer *a = new_or_fail("auto");
    const char *texts[] = {pl, digits, "", "   \n\t "};
    for (int k = 0; k < 4; k++) {
        kurz_summary *sum = NULL;
        assert_int_equal(kurz_summarize(&sum, a, texts[k], strlen(texts[k])), KURZ_OK);
        int det = 0;
        assert_string_equal(kurz_summary_language(sum, &det), "und");
        assert_int_equal(det, 1);
        if (k == 0)
            assert_int_equal(kurz_summary_count(sum), 3);
        kurz_summary_free(sum);
        assert_int_equal(kurz_split(&sum, a, texts[k], strlen(texts[k])), KURZ_OK);
        assert_string_equal(kurz_summary_language(sum, NULL), "und");
        if (k == 0)
            assert_int_equal(kurz_summary_count(sum), 4);
        kurz_summary_free(sum);
    }
    kurz_summarizer_free(a);
}

/* Invalid UTF-8 fails with the offset of the first bad byte, whether it
 * falls inside the sample identification reads or after it. */
static void auto_invalid_utf8_offset(void **state)
{
    (void)state;
    size_t n = 100000;
    char *t = malloc(n);
    assert_non_null(t);
    for (size_t i = 0; i < n; i++)
        t[i] = "Der Hund bellt. "[i % 16];
    kurz_summarizer *a = new_or_fail("auto");
    size_t at[] = {5, 60000};
    for (int k = 0; k < 2; k++) {
        char keep = t[at[k]];
        t[at[k]] = (char)0xFF;
        kurz_summary *sum = (kurz_summary *)1;
        assert_int_equal(kurz_summarize(&sum, a, t, n), KURZ_ERR_INVALID_UTF8);
        assert_null(sum);
        assert_int_equal(kurz_summarizer_error_offset(a), at[k]);
        t[at[k]] = keep;
    }
    free(t);
    kurz_summarizer_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(version_matches),
        cmocka_unit_test(every_status_has_a_message),
        cmocka_unit_test(languages_listed_and_accepted),
        cmocka_unit_test(unknown_language_and_null_args),
        cmocka_unit_test(options_bounds_and_budgets),
        cmocka_unit_test(budgets_in_both_languages),
        cmocka_unit_test(default_budget_is_three),
        cmocka_unit_test(invalid_utf8_has_offset),
        cmocka_unit_test(too_large_input),
        cmocka_unit_test(bom_crlf_and_offsets),
        cmocka_unit_test(summary_outlives_text_and_handle),
        cmocka_unit_test(deterministic_and_reusable),
        cmocka_unit_test(textrank_works),
        cmocka_unit_test(custom_allocator_is_used),
        cmocka_unit_test(auto_equals_given_language),
        cmocka_unit_test(auto_undetermined_still_summarizes),
        cmocka_unit_test(auto_invalid_utf8_offset),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
