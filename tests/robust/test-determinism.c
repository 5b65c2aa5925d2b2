/* SPDX-License-Identifier: MIT */
/* Determinism: the same input and options give the same output, scores bit
 * for bit, whatever happened before: repeated runs on one summarizer, fresh
 * summarizers, other documents in between (reused buffers), options changed
 * and changed back, another allocator, realloc_fn NULL, an input copied to
 * another address, and a language given by its Snowball name.
 * (Across builds: compare the output of kurz-dump, see SECURITY.md.) */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kurz-check.h"
#include "kurz.h"
#include "robust-common.h"

typedef struct doc {
    int gen;
    const char *lang, *snowball;
    uint32_t seed;
    size_t target;
    char *buf;
    size_t len;
} doc;

static doc docs[] = {
    {RC_DE, "de", "German", 31, 3000, NULL, 0},  {RC_DE, "de", "german", 32, 40000, NULL, 0},
    {RC_FR, "fr", "FRENCH", 33, 3000, NULL, 0},  {RC_FR, "fr", "french", 34, 40000, NULL, 0},
    {RC_EN, "en", "english", 35, 8000, NULL, 0},
};
#define NDOCS (sizeof docs / sizeof docs[0])

static int group_setup(void **state)
{
    (void)state;
    for (size_t i = 0; i < NDOCS; i++)
        docs[i].buf = rc_gen_text(docs[i].gen, docs[i].seed, rc_scale(docs[i].target, 4, 2000),
                                  &docs[i].len);
    return 0;
}

static int group_teardown(void **state)
{
    (void)state;
    for (size_t i = 0; i < NDOCS; i++)
        free(docs[i].buf);
    return 0;
}

static void run(rc_result *r, kurz_summarizer *s, const char *text, size_t len, int split)
{
    kurz_summary *sum = NULL;
    int rc = split ? kurz_split(&sum, s, text, len) : kurz_summarize(&sum, s, text, len);
    assert_int_equal(rc, KURZ_OK);
    const char *err = kc_check_summary(sum, text, len, split ? KC_SPLIT : 0);
    if (err)
        fail_msg("%s (%s)", err, kc_msg);
    rc_capture(r, rc, sum);
    kurz_summary_free(sum);
}

static void expect_same(const rc_result *a, const rc_result *b, const char *what, size_t d)
{
    if (!rc_result_equal(a, b)) {
        char buf[256];
        rc_result_diff(a, b, buf, sizeof buf);
        fail_msg("doc %zu, %s: %s", d, what, buf);
    }
}

static void set_algo(kurz_summarizer *s, int a)
{
    assert_int_equal(kurz_summarizer_set_option(s, KURZ_OPT_ALGORITHM, a), KURZ_OK);
}

static void test_repeat_same_handle(void **state)
{
    (void)state;
    for (int algo = 0; algo < 2; algo++) {
        for (size_t d = 0; d < NDOCS; d++) {
            kurz_summarizer *s = NULL;
            assert_int_equal(kurz_summarizer_new(&s, docs[d].lang), KURZ_OK);
            set_algo(s, algo);
            rc_result first, again;
            run(&first, s, docs[d].buf, docs[d].len, 0);
            for (int k = 0; k < 5; k++) {
                run(&again, s, docs[d].buf, docs[d].len, 0);
                expect_same(&first, &again, "repeated run", d);
                rc_result_free(&again);
            }
            rc_result_free(&first);
            kurz_summarizer_free(s);
        }
    }
}

static void test_fresh_handles_and_interleaving(void **state)
{
    (void)state;
    for (int algo = 0; algo < 2; algo++) {
        rc_result ref[NDOCS];
        for (size_t d = 0; d < NDOCS; d++) {
            kurz_summarizer *s = NULL;
            assert_int_equal(kurz_summarizer_new(&s, docs[d].lang), KURZ_OK);
            set_algo(s, algo);
            run(&ref[d], s, docs[d].buf, docs[d].len, 0);
            kurz_summarizer_free(s);
        }
        /* one handle per language, documents interleaved big/small, so the
         * buffers kept from the previous document differ each time */
        kurz_summarizer *de = NULL, *fr = NULL, *en = NULL;
        assert_int_equal(kurz_summarizer_new(&de, "de"), KURZ_OK);
        assert_int_equal(kurz_summarizer_new(&fr, "fr"), KURZ_OK);
        assert_int_equal(kurz_summarizer_new(&en, "en"), KURZ_OK);
        set_algo(de, algo);
        set_algo(fr, algo);
        set_algo(en, algo);
        static const size_t order[] = {1, 0, 1, 0, 0, 1, 3, 2, 3, 2, 4, 4, 1, 3, 0, 2};
        for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
            size_t d = order[i];
            kurz_summarizer *s = !strcmp(docs[d].lang, "de") ? de
                               : !strcmp(docs[d].lang, "fr") ? fr
                                                               : en;
            rc_result r;
            run(&r, s, docs[d].buf, docs[d].len, 0);
            expect_same(&ref[d], &r, "interleaved", d);
            rc_result_free(&r);
            /* a split in between must not disturb anything either */
            run(&r, s, docs[(d + 1) % NDOCS].buf, docs[(d + 1) % NDOCS].len, 1);
            rc_result_free(&r);
        }
        kurz_summarizer_free(de);
        kurz_summarizer_free(fr);
        kurz_summarizer_free(en);
        for (size_t d = 0; d < NDOCS; d++)
            rc_result_free(&ref[d]);
    }
}

static void test_options_changed_back(void **state)
{
    (void)state;
    const doc *d = &docs[1];
    kurz_summarizer *s = NULL;
    assert_int_equal(kurz_summarizer_new(&s, d->lang), KURZ_OK);
    rc_result ref, r;
    run(&ref, s, d->buf, d->len, 0);
    static const struct {
        kurz_option o;
        int v;
    } changes[] = {
        {KURZ_OPT_ALGORITHM, 1},     {KURZ_OPT_DAMPING_PERMILLE, 500},
        {KURZ_OPT_POSITION_PERMILLE, 0}, {KURZ_OPT_REDUNDANCY_PERMILLE, 1000},
        {KURZ_OPT_BOILERPLATE, 0},   {KURZ_OPT_TITLE_PERMILLE, 1000},
        {KURZ_OPT_SENTENCES, 10},    {KURZ_OPT_WORDS, 100},
    };
    for (size_t i = 0; i < sizeof changes / sizeof changes[0]; i++) {
        int old;
        assert_int_equal(kurz_summarizer_get_option(s, changes[i].o, &old), KURZ_OK);
        assert_int_equal(kurz_summarizer_set_option(s, changes[i].o, changes[i].v), KURZ_OK);
        run(&r, s, d->buf, d->len, 0);
        rc_result_free(&r);
        if (changes[i].o == KURZ_OPT_WORDS || changes[i].o == KURZ_OPT_SENTENCES) {
            /* back to "no budget" */
            assert_int_equal(kurz_summarizer_set_option(s, KURZ_OPT_SENTENCES, 0), KURZ_OK);
            assert_int_equal(kurz_summarizer_set_option(s, KURZ_OPT_WORDS, 0), KURZ_OK);
        } else {
            assert_int_equal(kurz_summarizer_set_option(s, changes[i].o, old), KURZ_OK);
        }
        run(&r, s, d->buf, d->len, 0);
        expect_same(&ref, &r, "option changed and back", 1);
        rc_result_free(&r);
    }
    rc_result_free(&ref);
    kurz_summarizer_free(s);
}

/* plain allocator with a user pointer, to check the allocator does not matter */
static void *m_fn(void *u, size_t n)
{
    ++*(long *)u;
    return malloc(n);
}
static void *r_fn(void *u, void *p, size_t n)
{
    ++*(long *)u;
    return realloc(p, n);
}
static void f_fn(void *u, void *p)
{
    (void)u;
    free(p);
}

static void test_allocator_and_address_independent(void **state)
{
    (void)state;
    for (size_t d = 0; d < NDOCS; d++) {
        kurz_summarizer *s = NULL;
        assert_int_equal(kurz_summarizer_new(&s, docs[d].lang), KURZ_OK);
        rc_result ref, r;
        run(&ref, s, docs[d].buf, docs[d].len, 0);

        long calls = 0;
        assert_int_equal(kurz_summarizer_set_allocator(s, m_fn, r_fn, f_fn, &calls), KURZ_OK);
        run(&r, s, docs[d].buf, docs[d].len, 0);
        assert_true(calls > 0);
        expect_same(&ref, &r, "custom allocator", d);
        rc_result_free(&r);
        assert_int_equal(kurz_summarizer_set_allocator(s, m_fn, NULL, f_fn, &calls), KURZ_OK);
        run(&r, s, docs[d].buf, docs[d].len, 0);
        expect_same(&ref, &r, "realloc_fn NULL", d);
        rc_result_free(&r);

        /* the same bytes at another (odd) address */
        char *copy = malloc(docs[d].len + 1);
        assert_non_null(copy);
        memcpy(copy + 1, docs[d].buf, docs[d].len);
        run(&r, s, copy + 1, docs[d].len, 0);
        expect_same(&ref, &r, "copied input", d);
        rc_result_free(&r);
        free(copy);
        kurz_summarizer_free(s);

        /* the Snowball name gives the same summarizer */
        assert_int_equal(kurz_summarizer_new(&s, docs[d].snowball), KURZ_OK);
        assert_string_equal(kurz_summarizer_language(s), docs[d].lang);
        run(&r, s, docs[d].buf, docs[d].len, 0);
        expect_same(&ref, &r, "Snowball name", d);
        rc_result_free(&r);
        kurz_summarizer_free(s);
        rc_result_free(&ref);
    }
}

/* Splitting is a function of the text alone: summarize's chosen spans must
 * be among split's sentences, with the same indices. */
static void test_summary_spans_are_split_sentences(void **state)
{
    (void)state;
    for (size_t d = 0; d < NDOCS; d++) {
        kurz_summarizer *s = NULL;
        assert_int_equal(kurz_summarizer_new(&s, docs[d].lang), KURZ_OK);
        assert_int_equal(kurz_summarizer_set_option(s, KURZ_OPT_RATIO_PERMILLE, 500), KURZ_OK);
        rc_result sp, su;
        run(&sp, s, docs[d].buf, docs[d].len, 1);
        run(&su, s, docs[d].buf, docs[d].len, 0);
        assert_int_equal(sp.doc, su.doc);
        for (size_t i = 0; i < su.n; i++) {
            const rc_item *a = &su.items[i];
            assert_true(a->index < sp.n);
            const rc_item *b = &sp.items[a->index];
            if (a->start != b->start || a->end != b->end)
                fail_msg("doc %zu: summary sentence %zu [%zu,%zu) != split sentence [%zu,%zu)", d,
                         a->index, a->start, a->end, b->start, b->end);
        }
        rc_result_free(&sp);
        rc_result_free(&su);
        kurz_summarizer_free(s);
    }
}

/* A summarizer remembers word forms across documents, up to a bound; a
 * document that overflows that memory must not change later results. */
static void test_word_memory_overflow(void **state)
{
    (void)state;
    if (rc_small()) {
        printf("# skipped in small mode (needs 1.2 million distinct words)\n");
        return;
    }
    size_t n = 0, cap = (size_t)12 << 20;
    char *big = malloc(cap);
    assert_non_null(big);
    for (size_t i = 0; i < 1200000; i++) {
        big[n++] = 'W';
        size_t v = i;
        do {
            big[n++] = (char)('a' + v % 26);
            v /= 26;
        } while (v);
        big[n++] = (i % 12 == 11) ? '.' : ' ';
        if (i % 12 == 11)
            big[n++] = ' ';
    }
    assert_true(n < cap);
    for (size_t d = 0; d < NDOCS; d++) {
        kurz_summarizer *s = NULL;
        assert_int_equal(kurz_summarizer_new(&s, docs[d].lang), KURZ_OK);
        rc_result ref, r;
        run(&ref, s, docs[d].buf, docs[d].len, 0);
        run(&r, s, big, n, 0);
        rc_result_free(&r);
        run(&r, s, docs[d].buf, docs[d].len, 0);
        expect_same(&ref, &r, "after a document of 1.2 million distinct words", d);
        rc_result_free(&r);
        rc_result_free(&ref);
        kurz_summarizer_free(s);
        if (d == 0)
            d = NDOCS - 2; /* one German, one English: enough */
    }
    free(big);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_repeat_same_handle),
        cmocka_unit_test(test_fresh_handles_and_interleaving),
        cmocka_unit_test(test_options_changed_back),
        cmocka_unit_test(test_allocator_and_address_independent),
        cmocka_unit_test(test_summary_spans_are_split_sentences),
        cmocka_unit_test(test_word_memory_overflow),
    };
    return cmocka_run_group_tests_name("determinism", tests, group_setup, group_teardown);
}
