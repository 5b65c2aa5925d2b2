/* SPDX-License-Identifier: MIT */
/* Selection under a budget: the best sentences by final score, without
 * near-duplicates, in document order. */
#include <math.h>
#include <stdlib.h>

#include "select.h"

typedef struct cand {
    double score;
    size_t idx;
} cand;

static int cmp_cand(const void *a, const void *b)
{
    const cand *x = a, *y = b;
    if (x->score != y->score)
        return x->score < y->score ? 1 : -1;
    return (x->idx > y->idx) - (x->idx < y->idx);
}

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return (x > y) - (x < y);
}

int kurz__select(const kurz__mem *m, const kurz__doc *d, const double *score, const uint8_t *ok,
                 const double *norm, const kurz__select_opts *o, size_t *chosen, size_t *nchosen,
                 uint64_t *compared)
{
    size_t n = d->sents.n;
    *nchosen = 0;
    if (n == 0)
        return 0;
    cand *c = kurz__calloc(m, n, sizeof *c);
    if (!c)
        return KURZ_ERR_NOMEM;
    size_t nok = 0;
    for (size_t i = 0; i < n; i++)
        nok += ok[i] != 0;
    size_t nc = 0;
    for (size_t i = 0; i < n; i++)
        if (ok[i] || nok == 0)
            c[nc++] = (cand){score[i], i};
    qsort(c, nc, sizeof *c, cmp_cand);

    size_t want = 0; /* sentence budget; 0 with a word budget */
    if (o->words == 0) {
        if (o->sentences)
            want = o->sentences;
        else if (o->ratio_permille)
            want = (size_t)floor((double)nc * o->ratio_permille / 1000.0 + 0.5);
        else
            want = 3;
        if (want == 0)
            want = 1;
    }
    size_t words = 0, k = 0;
    for (size_t a = 0; a < nc; a++) {
        if (want && k >= want)
            break;
        if (o->words && !o->strict && words >= o->words)
            break;
        size_t i = c[a].idx;
        if (o->words && o->strict && words + d->nwords[i] > o->words)
            continue;
        int dup = 0;
        /* against the best KURZ__REDUNDANCY_WINDOW chosen ones only, so a
         * huge budget stays linear */
        if (o->redundancy < 1.0) {
            size_t b = 0;
            for (; b < k && b < KURZ__REDUNDANCY_WINDOW && !dup; b++)
                dup = kurz__cosine(d, i, chosen[b], norm) >= o->redundancy;
            *compared += b;
        }
        if (dup)
            continue;
        chosen[k++] = i;
        words += d->nwords[i];
    }
    kurz__free(m, c);
    qsort(chosen, k, sizeof *chosen, cmp_size);
    *nchosen = k;
    return 0;
}
