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

static size_t run_openers(fixture *f, const double *score, const uint8_t *ok,
                          const uint8_t *opener, kurz__select_opts o, size_t *chosen)
{
    double norm[16];
    kurz__norms(&f->d, norm);
    size_t k = 99;
    uint64_t compared = 0;
    assert_int_equal(kurz__select(&f->m, &f->d, score, ok, opener, norm, &o, chosen, &k, &compared),
                     0);
    for (size_t i = 1; i < k; i++)
        assert_true(chosen[i - 1] < chosen[i]); /* document order */
    /* the rule itself: a chosen sentence that points back has its
     * predecessor chosen too (the first sentence has none) */
    for (size_t a = 0; opener && a < k; a++)
        if (opener[chosen[a]] && chosen[a] > 0)
            assert_true(a > 0 && chosen[a - 1] == chosen[a] - 1);
    return k;
}

static size_t run(fixture *f, const double *score, const uint8_t *ok, kurz__select_opts o,
                  size_t *chosen)
{
    return run_openers(f, score, ok, NULL, o, chosen);
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

/* Sentence 3 is the best but opens with a word pointing back to 2, a
 * weak sentence (it scores lower than 3): 3 is passed over for the next
 * best at every budget; the rest of the order is unchanged. */
static void opener_with_a_weak_predecessor_passed_over(void **state)
{
    (void)state;
    fixture f;
    build(&f, 6, six);
    static const double sc[6] = {0.5, 0.4, 0.1, 0.9, 0.3, 0.2};
    static const uint8_t op[6] = {0, 0, 0, 1, 0, 0};
    size_t c[6];
    kurz__select_opts o = {1, 0, 0, 0, 1.0};
    assert_int_equal(run_openers(&f, sc, all_ok, op, o, c), 1);
    assert_int_equal(c[0], 0); /* the next best */
    o.sentences = 2;
    assert_int_equal(run_openers(&f, sc, all_ok, op, o, c), 2);
    assert_int_equal(c[0], 0);
    assert_int_equal(c[1], 1);
    o.sentences = 3;
    assert_int_equal(run_openers(&f, sc, all_ok, op, o, c), 3);
    assert_int_equal(c[0], 0);
    assert_int_equal(c[1], 1);
    assert_int_equal(c[2], 4);
    /* without the opener flags, 3 goes in alone */
    o.sentences = 1;
    assert_int_equal(run(&f, sc, all_ok, o, c), 1);
    assert_int_equal(c[0], 3);
}

/* The predecessor already chosen: nothing else is needed. A sentence that
 * opens the document points back to nothing. */
static void opener_after_a_chosen_sentence_or_first(void **state)
{
    (void)state;
    fixture f;
    build(&f, 6, six);
    static const double sc[6] = {0.9, 0.8, 0.1, 0.2, 0.3, 0.4};
    static const uint8_t op[6] = {1, 1, 0, 0, 0, 0};
    size_t c[6];
    kurz__select_opts o = {2, 0, 0, 0, 1.0};
    assert_int_equal(run_openers(&f, sc, all_ok, op, o, c), 2);
    assert_int_equal(c[0], 0);
    assert_int_equal(c[1], 1);
}

/* A word budget passes an opener with a weak predecessor over at any
 * size; an ineligible predecessor (a heading) cannot be taken for it. */
static void opener_budget_and_ineligible_predecessor(void **state)
{
    (void)state;
    fixture f;
    build(&f, 6, six);
    for (int i = 0; i < 6; i++)
        f.nwords[i] = 5;
    static const double sc[6] = {0.1, 0.2, 0.3, 0.9, 0.5, 0.4};
    static const uint8_t op[6] = {0, 0, 0, 1, 0, 0};
    size_t c[6];
    kurz__select_opts o = {0, 0, 5, 1, 1.0}; /* strict, 5 words: one sentence */
    assert_int_equal(run_openers(&f, sc, all_ok, op, o, c), 1);
    assert_int_equal(c[0], 4);
    o.words = 10; /* the pair would fit, but 2 is weak */
    assert_int_equal(run_openers(&f, sc, all_ok, op, o, c), 2);
    assert_int_equal(c[0], 4);
    assert_int_equal(c[1], 5);
    static const uint8_t ok[6] = {1, 1, 0, 1, 1, 1};
    static const double strong[6] = {0.1, 0.2, 0.95, 0.9, 0.5, 0.4};
    assert_int_equal(run_openers(&f, strong, ok, op, o, c), 2);
    assert_int_equal(c[0], 4);
    assert_int_equal(c[1], 5);
}

/* 3 -> 2 -> 1: 2 (the best) waits for its weaker predecessor 1, which
 * goes in next, and then right after it; 3 comes with 2, which scores
 * higher than 3. A chain is followed up to KURZ__CHAIN_MAX sentences, and
 * no further. */
static void opener_chains(void **state)
{
    (void)state;
    fixture f;
    build(&f, 6, six);
    size_t c[6];
    kurz__select_opts o = {3, 0, 0, 0, 1.0};
    static const double sc[6] = {0.1, 0.6, 0.9, 0.5, 0.2, 0.3};
    static const uint8_t two[6] = {0, 0, 1, 1, 0, 0};
    assert_int_equal(run_openers(&f, sc, all_ok, two, o, c), 3);
    assert_int_equal(c[0], 1);
    assert_int_equal(c[1], 2);
    assert_int_equal(c[2], 3);
    o.sentences = 2;
    assert_int_equal(run_openers(&f, sc, all_ok, two, o, c), 2);
    assert_int_equal(c[0], 1);
    assert_int_equal(c[1], 2);
    o.sentences = 3;
    static const double sc3[6] = {0.55, 0.6, 0.9, 0.5, 0.2, 0.3};
    static const uint8_t three[6] = {0, 1, 1, 1, 0, 0}; /* 3 -> 2 -> 1 -> 0: too long */
    /* 2 waits for 1, which waits for 0: 0, then 1 and 2 right after it */
    assert_int_equal(run_openers(&f, sc3, all_ok, three, o, c), 3);
    assert_int_equal(c[0], 0);
    assert_int_equal(c[1], 1);
    assert_int_equal(c[2], 2);
    /* 3 -> 2 -> 1 -> 0 as one run is too long: with 0 ineligible, 2 and 3
     * cannot come in, and 1 waits for nothing */
    static const uint8_t no0[6] = {0, 1, 1, 1, 1, 1};
    static const double sc4[6] = {0.1, 0.5, 0.6, 0.7, 0.2, 0.3};
    assert_int_equal(run_openers(&f, sc4, no0, three, o, c), 2);
    assert_int_equal(c[0], 4);
    assert_int_equal(c[1], 5);
}

/* A budget for every sentence gets every sentence, whatever the openers
 * and scores: one passed over for a weak predecessor comes back once the
 * predecessor is in. */
static void opener_waits_for_its_predecessor(void **state)
{
    (void)state;
    fixture f;
    build(&f, 6, six);
    static const double sc[6] = {0.1, 0.2, 0.9, 0.3, 0.8, 0.4};
    static const uint8_t op[6] = {0, 0, 1, 0, 1, 1}; /* 2 -> 1, 5 -> 4 -> 3 */
    size_t c[6];
    kurz__select_opts o = {6, 0, 0, 0, 1.0};
    assert_int_equal(run_openers(&f, sc, all_ok, op, o, c), 6);
    for (size_t i = 0; i < 6; i++)
        assert_int_equal(c[i], i);
    /* 2 waits for 1, 4 for 3, and 5 (which would need 4 and the weak 3)
     * too; 3 goes in, and 4 right after it */
    o.sentences = 2;
    assert_int_equal(run_openers(&f, sc, all_ok, op, o, c), 2);
    assert_int_equal(c[0], 3);
    assert_int_equal(c[1], 4);
}

/* A predecessor that is a near-duplicate of a chosen sentence makes the
 * pair redundant: the opener is passed over. */
static void opener_redundant_predecessor(void **state)
{
    (void)state;
    fixture f;
    build(&f, 6, six);
    static const double sc[6] = {0.9, 0.1, 0.8, 0.3, 0.2, 0.4};
    static const uint8_t op[6] = {0, 0, 1, 0, 0, 0}; /* 2 -> 1, a duplicate of 0 */
    size_t c[6];
    kurz__select_opts o = {2, 0, 0, 0, 0.6};
    assert_int_equal(run_openers(&f, sc, all_ok, op, o, c), 2);
    assert_int_equal(c[0], 0);
    assert_int_equal(c[1], 5);
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
        cmocka_unit_test(opener_with_a_weak_predecessor_passed_over),
        cmocka_unit_test(opener_after_a_chosen_sentence_or_first),
        cmocka_unit_test(opener_budget_and_ineligible_predecessor),
        cmocka_unit_test(opener_chains),
        cmocka_unit_test(opener_redundant_predecessor),
        cmocka_unit_test(opener_waits_for_its_predecessor),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
