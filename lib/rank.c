/* SPDX-License-Identifier: MIT */
/* Centrality of the sentences: the stationary distribution of a random
 * walk on the sentence graph (graph.c), by power iteration. The sums run
 * in a fixed order, so the result is deterministic. */
#include <math.h>

#include "rank.h"

int kurz__rank(const kurz__mem *m, const kurz__graph *g, double damp, double *score)
{
    size_t n = g->n;
    if (n == 0)
        return 0;
    double *next = kurz__calloc(m, n, sizeof *next);
    if (!next)
        return KURZ_ERR_NOMEM;
    kurz__prefault(m, next, n * sizeof *next);
    const size_t *erow = g->row;
    const kurz__edge *edges = g->edge;
    const double *rowsum = g->rowsum;
    /* power iteration: p' = (1-d)/n + d * (sum_i p_i w_ij / rowsum_i + dangling/n) */
    /* Start from the weighted degrees: on a symmetric graph they are the
     * walk's stationary distribution without damping, so few iterations
     * remain. */
    double total = 0;
    for (size_t i = 0; i < n; i++)
        total += rowsum[i];
    for (size_t i = 0; i < n; i++)
        score[i] = total > 0 ? (rowsum[i] + total / (double)n) / (2.0 * total)
                             : 1.0 / (double)n;
    /* Stop when the scores (summing to 1) move less than this in L1. The
     * bounded graph beyond exact_limit is itself an approximation, far
     * coarser than 1e-4: iterating on to 1e-6 there only costs time (the
     * top sentences of de_wiki_big and fr_news_big are the same either way). */
    double tol = g->approx ? 1e-4 : 1e-6;
    for (int it = 0; it < 100; it++) {
        double dangling = 0;
        for (size_t j = 0; j < n; j++)
            next[j] = 0;
        for (size_t i = 0; i < n; i++) {
            if (rowsum[i] <= 0) {
                dangling += score[i];
                continue;
            }
            double share = score[i] / rowsum[i];
            for (size_t e = erow[i]; e < erow[i + 1]; e++)
                next[edges[e].to] += share * edges[e].w;
        }
        double base = (1.0 - damp) / (double)n + damp * dangling / (double)n;
        double diff = 0, sum = 0;
        for (size_t j = 0; j < n; j++) {
            double v = base + damp * next[j];
            diff += fabs(v - score[j]);
            score[j] = v;
            sum += v;
        }
        for (size_t j = 0; j < n; j++)
            score[j] /= sum;
        if (diff < tol)
            break;
    }
    kurz__free(m, next);
    return 0;
}
