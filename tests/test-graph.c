/* SPDX-License-Identifier: MIT */
/* The sentence graph (lib/graph.c) and its similarity measures, on small
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

/* The weight of the edge a -> b of g, or -1 when there is none. */
static double edge_w(const kurz__graph *g, size_t a, size_t b)
{
    for (size_t e = g->row[a]; e < g->row[a + 1]; e++)
        if (g->edge[e].to == b)
            return g->edge[e].w;
    return -1;
}

static void idf_never_vanishes(void **state)
{
    (void)state;
    assert_true(kurz__idf(5, 5) > 0.5); /* a term in every sentence still counts */
    assert_true(kurz__idf(1, 5) > kurz__idf(2, 5));
    assert_true(kurz__idf(0, 5) == 0.0);
}

/* Edges exactly between the sentences that share a term, symmetric, with
 * the cosine as weight (LexRank) and rows summing to rowsum. */
static void edges_link_sentences_that_share_terms(void **state)
{
    (void)state;
    static const int t[5][8] = {
        {0, 10, -1}, {1, 11, -1}, {0, 1, 2, 3, -1}, {2, 12, -1}, {3, 13, -1},
    };
    fixture f;
    build(&f, 5, t);
    double norm[5];
    kurz__norms(&f.d, norm);
    kurz__graph g;
    assert_int_equal(kurz__graph_build(&f.m, &f.d, &lexrank, NULL, &g), 0);
    assert_int_equal(g.n, 5);
    assert_false(g.approx);
    for (size_t a = 0; a < 5; a++) {
        double sum = 0;
        for (size_t b = 0; b < 5; b++) {
            double w = edge_w(&g, a, b);
            int linked = a != b && (a == 2 || b == 2);
            if (!linked) {
                assert_true(w < 0);
                continue;
            }
            assert_true(fabs(w - kurz__cosine(&f.d, a, b, norm)) < 1e-6);
            assert_true(fabs(w - edge_w(&g, b, a)) < 1e-7);
            sum += w;
        }
        assert_true(fabs(sum - g.rowsum[a]) < 1e-6);
    }
    kurz__graph_free(&f.m, &g);
    /* TextRank: the overlap over the sum of log lengths */
    assert_int_equal(kurz__graph_build(&f.m, &f.d, &textrank, NULL, &g), 0);
    assert_true(fabs(edge_w(&g, 0, 2) - 1.0 / (log(3.0) + log(5.0))) < 1e-6);
    assert_true(edge_w(&g, 0, 1) < 0);
    kurz__graph_free(&f.m, &g);
}

static void given_norms_change_nothing(void **state)
{
    (void)state;
    static const int t[4][8] = {{0, 1, 2, -1}, {1, 2, 2, -1}, {0, 3, -1}, {3, 4, 1, -1}};
    fixture f;
    build(&f, 4, t);
    double norm[4];
    kurz__norms(&f.d, norm);
    kurz__graph a, b;
    assert_int_equal(kurz__graph_build(&f.m, &f.d, &lexrank, NULL, &a), 0);
    assert_int_equal(kurz__graph_build(&f.m, &f.d, &lexrank, norm, &b), 0);
    assert_memory_equal(a.row, b.row, 5 * sizeof *a.row);
    assert_memory_equal(a.edge, b.edge, a.row[4] * sizeof *a.edge);
    assert_memory_equal(a.rowsum, b.rowsum, 4 * sizeof *a.rowsum);
    assert_true(a.row[4] > 0);
    kurz__graph_free(&f.m, &a);
    kurz__graph_free(&f.m, &b);
}

static void cosine_is_symmetric_and_bounded(void **state)
{
    (void)state;
    static const int t[3][8] = {{0, 1, 2, -1}, {0, 1, 2, -1}, {2, 3, 3, -1}};
    fixture f;
    build(&f, 3, t);
    double norm[3];
    kurz__norms(&f.d, norm);
    assert_true(fabs(kurz__cosine(&f.d, 0, 1, norm) - 1.0) < 1e-9); /* identical */
    double c02 = kurz__cosine(&f.d, 0, 2, norm), c20 = kurz__cosine(&f.d, 2, 0, norm);
    assert_true(c02 > 0 && c02 < 1);
    assert_true(fabs(c02 - c20) < 1e-15);
    /* hand computation: n = 3, df = {2, 2, 3, 1}; tf of term 3 in s2 is 2 */
    double i0 = log(1 + 3.0 / 2), i2 = log(1 + 1.0), i3 = log(1 + 3.0);
    double n0 = sqrt(2 * i0 * i0 + i2 * i2), n2 = sqrt(i2 * i2 + 4 * i3 * i3);
    assert_true(fabs(c02 - i2 * i2 / (n0 * n2)) < 1e-9);
}

static void capped_graph_drops_frequent_terms_only_when_large(void **state)
{
    (void)state;
    /* term 9 is in every sentence; with exact_limit 2 and df_cap 2 the graph
     * ignores it, leaving the pair (0,1) linked by term 0 only */
    static const int t[4][8] = {{0, 9, -1}, {0, 9, -1}, {1, 9, -1}, {2, 9, -1}};
    fixture f;
    build(&f, 4, t);
    kurz__graph exact, capped;
    kurz__graph_opts o = lexrank;
    assert_int_equal(kurz__graph_build(&f.m, &f.d, &o, NULL, &exact), 0);
    o.exact_limit = 2;
    o.df_cap = 2;
    assert_int_equal(kurz__graph_build(&f.m, &f.d, &o, NULL, &capped), 0);
    assert_false(exact.approx);
    assert_true(capped.approx);
    assert_true(edge_w(&exact, 2, 3) > 0); /* through term 9 */
    assert_true(edge_w(&capped, 2, 3) < 0);
    assert_true(edge_w(&capped, 0, 1) > 0);
    assert_int_equal(capped.row[4], 2); /* 0 -> 1 and 1 -> 0 only */
    kurz__graph_free(&f.m, &exact);
    kurz__graph_free(&f.m, &capped);
}

/* Beyond exact_limit, each row keeps its max_neighbours strongest edges. */
static void capped_rows_keep_the_strongest(void **state)
{
    (void)state;
    /* sentence 0 shares 1, 2 and 3 terms with sentences 1, 2, 3 */
    static const int t[4][8] = {{0, 1, 2, 3, -1}, {0, 5, -1}, {0, 1, 6, -1}, {0, 1, 2, -1}};
    fixture f;
    build(&f, 4, t);
    kurz__graph_opts o = lexrank;
    o.exact_limit = 2;
    o.df_cap = 100;
    o.max_neighbours = 2;
    kurz__graph g;
    assert_int_equal(kurz__graph_build(&f.m, &f.d, &o, NULL, &g), 0);
    assert_int_equal(g.row[1] - g.row[0], 2);
    assert_true(edge_w(&g, 0, 3) > 0 && edge_w(&g, 0, 2) > 0);
    assert_true(edge_w(&g, 0, 1) < 0);
    kurz__graph_free(&f.m, &g);
}

static void empty_document_has_an_empty_graph(void **state)
{
    (void)state;
    static const int t[1][8] = {{-1}};
    fixture f;
    build(&f, 0, t);
    kurz__graph g;
    assert_int_equal(kurz__graph_build(&f.m, &f.d, &lexrank, NULL, &g), 0);
    assert_int_equal(g.n, 0);
    kurz__graph_free(&f.m, &g);
}

static int by_strength(const void *a, const void *b)
{
    const kurz__edge *x = a, *y = b;
    if (x->w != y->w)
        return x->w > y->w ? -1 : 1;
    return (x->to > y->to) - (x->to < y->to);
}

static int by_target(const void *a, const void *b)
{
    const kurz__edge *x = a, *y = b;
    return (x->to > y->to) - (x->to < y->to);
}

/* The kept edges are exactly the k first of a full sort, whatever the
 * order they come in: sorted either way, all weights equal (ties go to the
 * lower target), few distinct weights, pseudo-random. */
static void keep_strongest_matches_a_sort(void **state)
{
    (void)state;
    enum { N = 3000 };
    static kurz__edge e[N], want[N];
    uint32_t x = 12345;
    for (int order = 0; order < 5; order++) {
        for (size_t n = 1; n <= N; n = n * 3 + 1) {
            for (size_t i = 0; i < n; i++) {
                x = x * 1103515245u + 12345u;
                float w = order == 0   ? (float)i
                          : order == 1 ? (float)(n - i)
                          : order == 2 ? 1.0f
                          : order == 3 ? (float)(x >> 30)
                                       : (float)(x >> 8) / 16777216.0f;
                e[i] = (kurz__edge){(uint32_t)((i * 7919u) % 100003u), w};
            }
            memcpy(want, e, n * sizeof *e);
            qsort(want, n, sizeof *want, by_strength);
            for (size_t k = 0; k <= 40; k += 8) {
                kurz__edge got[N];
                memcpy(got, e, n * sizeof *e);
                size_t kept = kurz__keep_strongest(got, n, k);
                size_t expect = n < k ? n : k;
                assert_int_equal(kept, expect);
                kurz__edge top[N];
                memcpy(top, want, expect * sizeof *top);
                qsort(got, kept, sizeof *got, by_target);
                qsort(top, kept, sizeof *top, by_target);
                for (size_t i = 0; i < kept; i++) {
                    assert_int_equal(got[i].to, top[i].to);
                    assert_true(got[i].w == top[i].w);
                }
            }
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(idf_never_vanishes),
        cmocka_unit_test(edges_link_sentences_that_share_terms),
        cmocka_unit_test(given_norms_change_nothing),
        cmocka_unit_test(cosine_is_symmetric_and_bounded),
        cmocka_unit_test(capped_graph_drops_frequent_terms_only_when_large),
        cmocka_unit_test(capped_rows_keep_the_strongest),
        cmocka_unit_test(empty_document_has_an_empty_graph),
        cmocka_unit_test(keep_strongest_matches_a_sort),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
