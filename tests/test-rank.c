/* SPDX-License-Identifier: MIT */
/* Centrality by power iteration (lib/rank.c) on the graphs of small
 * hand-made documents (no splitter, no stemmer). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kurz-private.h"

#include "fixture.h"

static const kurz__graph_opts lexrank = {KURZ_ALGO_LEXRANK, 2000, 64, 24};
static const kurz__graph_opts textrank = {KURZ_ALGO_TEXTRANK, 2000, 64, 24};

/* The graph of f's document, then its ranking with damping 0.85. */
static int rank_doc(fixture *f, const kurz__graph_opts *o, const double *norm, double *score)
{
    kurz__graph g;
    int rc = kurz__graph_build(&f->m, &f->d, o, norm, &g);
    if (!rc)
        rc = kurz__rank(&f->m, &g, 0.85, score);
    kurz__graph_free(&f->m, &g);
    return rc;
}

static void star_centre_wins(void **state)
{
    (void)state;
    /* sentence 2 shares a term with each of the others; they share nothing
     * among themselves */
    static const int t[5][8] = {
        {0, 10, -1}, {1, 11, -1}, {0, 1, 2, 3, -1}, {2, 12, -1}, {3, 13, -1},
    };
    fixture f;
    build(&f, 5, t);
    double score[5];
    assert_int_equal(rank_doc(&f, &lexrank, NULL, score), 0);
    double sum = 0;
    for (int i = 0; i < 5; i++) {
        sum += score[i];
        if (i != 2)
            assert_true(score[2] > score[i]);
    }
    assert_true(fabs(sum - 1.0) < 1e-9);
    /* the leaves are symmetric */
    assert_true(fabs(score[0] - score[1]) < 1e-12);
    assert_true(fabs(score[0] - score[4]) < 1e-12);
    assert_int_equal(rank_doc(&f, &textrank, NULL, score), 0);
    for (int i = 0; i < 5; i++)
        if (i != 2)
            assert_true(score[2] > score[i]);
}

static void no_edges_gives_uniform(void **state)
{
    (void)state;
    static const int t[3][8] = {{0, -1}, {1, -1}, {2, -1}};
    fixture f;
    build(&f, 3, t);
    double score[3];
    assert_int_equal(rank_doc(&f, &lexrank, NULL, score), 0);
    for (int i = 0; i < 3; i++)
        assert_true(fabs(score[i] - 1.0 / 3) < 1e-12);
}

static void damping_zero_is_uniform(void **state)
{
    (void)state;
    static const int t[3][8] = {{0, 1, -1}, {0, -1}, {1, 2, -1}};
    fixture f;
    build(&f, 3, t);
    double score[3];
    kurz__graph g;
    assert_int_equal(kurz__graph_build(&f.m, &f.d, &lexrank, NULL, &g), 0);
    assert_int_equal(kurz__rank(&f.m, &g, 0.0, score), 0);
    for (int i = 0; i < 3; i++)
        assert_true(fabs(score[i] - 1.0 / 3) < 1e-12);
    /* with damping the linked sentence 0 rises above the others */
    assert_int_equal(kurz__rank(&f.m, &g, 0.85, score), 0);
    assert_true(score[0] > score[1] && score[0] > score[2]);
    kurz__graph_free(&f.m, &g);
}

/* A hand-made graph: the stationary distribution of a two-node walk with
 * weights 1 and 3 on a 2-cycle plus a dangling node. */
static void rank_of_a_given_graph(void **state)
{
    (void)state;
    kurz__mem m;
    kurz__mem_default(&m);
    size_t row[4] = {0, 1, 2, 2};
    kurz__edge edge[2] = {{1, 1.0f}, {0, 3.0f}};
    double rowsum[3] = {1.0, 3.0, 0.0};
    kurz__graph g = {3, row, edge, rowsum, 0};
    double score[3];
    assert_int_equal(kurz__rank(&m, &g, 0.5, score), 0);
    /* p = (1 - d)/n + d (sum_i p_i w_ij / rowsum_i + p_2 / n) */
    double d = 0.5;
    double p0 = score[0], p1 = score[1], p2 = score[2];
    assert_true(fabs(p0 + p1 + p2 - 1.0) < 1e-9);
    assert_true(fabs(p0 - ((1 - d) / 3 + d * (p1 + p2 / 3))) < 1e-5);
    assert_true(fabs(p1 - ((1 - d) / 3 + d * (p0 + p2 / 3))) < 1e-5);
    assert_true(fabs(p2 - ((1 - d) / 3 + d * (p2 / 3))) < 1e-5);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(star_centre_wins),
        cmocka_unit_test(no_edges_gives_uniform),
        cmocka_unit_test(damping_zero_is_uniform),
        cmocka_unit_test(rank_of_a_given_graph),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
