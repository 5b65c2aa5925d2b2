/* SPDX-License-Identifier: MIT */
/* Selection under budgets and redundancy control (lib/select.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>

#include "fixture.h"

/* six sentences, distinct terms except 0 and 1 which are near duplicates */
static const int six[6][8] = {
    {0, 1, 2, 3, -1}, {0, 1, 2, 3, 4, -1}, {5, 6, -1}, {7, 8, -1}, {9, 10, -1}, {11, 12, -1},
};
static const double ranked[6] = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4};
static const uint8_t all_ok[6] = {1, 1, 1, 1, 1, 1};

static size_t run(fixture *f, const double *score, const uint8_t *ok, kurz__select_opts o,
                  size_t *chosen)
{
    double norm[16];
    kurz__norms(&f->d, norm);
    size_t k = 99;
    uint64_t compared = 0;
    assert_int_equal(kurz__select(&f->m, &f->d, score, ok, norm, &o, chosen, &k, &compared), 0);
    for (size_t i = 1; i < k; i++)
        assert_true(chosen[i - 1] < chosen[i]); /* document order */
    return k;
}

static void sentence_budget_and_redundancy(void **state)
{
    (void)state;
    fixture f;
    build(&f, 6, six);
    size_t c[6];
    kurz__select_opts o = {2, 0, 0, 0, 1.0};
    assert_int_equal(run(&f, ranked, all_ok, o, c), 2);
    assert_int_equal(c[0], 0);
    assert_int_equal(c[1], 1); /* no redundancy control: the duplicate goes in */
    o.redundancy = 0.6;
    assert_int_equal(run(&f, ranked, all_ok, o, c), 2);
    assert_int_equal(c[0], 0);
    assert_int_equal(c[1], 2); /* sentence 1 is too close to sentence 0 */
}

static void document_order_not_score_order(void **state)
{
    (void)state;
    fixture f;
    build(&f, 6, six);
    static const double rev[6] = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6};
    size_t c[6];
    kurz__select_opts o = {3, 0, 0, 0, 1.0};
    assert_int_equal(run(&f, rev, all_ok, o, c), 3);
    assert_int_equal(c[0], 3);
    assert_int_equal(c[1], 4);
    assert_int_equal(c[2], 5);
}

static void ratio_budget(void **state)
{
    (void)state;
    fixture f;
    build(&f, 6, six);
    size_t c[6];
    kurz__select_opts o = {0, 500, 0, 0, 1.0};
    assert_int_equal(run(&f, ranked, all_ok, o, c), 3);
    o.ratio_permille = 1; /* rounds to zero: at least one */
    assert_int_equal(run(&f, ranked, all_ok, o, c), 1);
    o.ratio_permille = 1000;
    assert_int_equal(run(&f, ranked, all_ok, o, c), 6);
}

static void word_budget_reach_or_strict(void **state)
{
    (void)state;
    fixture f;
    build(&f, 6, six);
    f.nwords[0] = 10;
    f.nwords[1] = 3;
    f.nwords[2] = 6;
    size_t c[6];
    /* reach: add while shorter than 12 words -> 10 + 3 = 13 */
    kurz__select_opts o = {0, 0, 12, 0, 1.0};
    assert_int_equal(run(&f, ranked, all_ok, o, c), 2);
    /* strict: 10 fits, 3 does not (13 > 12), 6 does not, the 8-word ones neither */
    o.strict = 1;
    o.words = 12;
    assert_int_equal(run(&f, ranked, all_ok, o, c), 1);
    assert_int_equal(c[0], 0);
    o.words = 9; /* the top sentence alone is too long: take the next that fits */
    assert_int_equal(run(&f, ranked, all_ok, o, c), 2);
    assert_int_equal(c[0], 1);
    assert_int_equal(c[1], 2);
}

static void ineligible_units_only_as_last_resort(void **state)
{
    (void)state;
    fixture f;
    build(&f, 6, six);
    static const uint8_t ok[6] = {0, 0, 1, 1, 1, 1};
    size_t c[6];
    kurz__select_opts o = {2, 0, 0, 0, 1.0};
    assert_int_equal(run(&f, ranked, ok, o, c), 2);
    assert_int_equal(c[0], 2);
    assert_int_equal(c[1], 3);
    static const uint8_t none[6] = {0, 0, 0, 0, 0, 0};
    assert_int_equal(run(&f, ranked, none, o, c), 2);
    assert_int_equal(c[0], 0);
}

static void empty_document(void **state)
{
    (void)state;
    fixture f;
    build(&f, 0, six);
    size_t c[1];
    kurz__select_opts o = {3, 0, 0, 0, 1.0};
    assert_int_equal(run(&f, ranked, all_ok, o, c), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sentence_budget_and_redundancy),
        cmocka_unit_test(document_order_not_score_order),
        cmocka_unit_test(ratio_budget),
        cmocka_unit_test(word_budget_reach_or_strict),
        cmocka_unit_test(ineligible_units_only_as_last_resort),
        cmocka_unit_test(empty_document),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
