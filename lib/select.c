/* SPDX-License-Identifier: MIT */
/* Selection under a budget: the best sentences by final score, without
 * near-duplicates, in document order. */
#include <math.h>
#include <stdlib.h>

#include "select.h"


static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return (x > y) - (x < y);
}

/* Is sentence i a near-duplicate of one of the first chosen ones? */
static int redundant(const kurz__doc *d, const kurz__select_opts *o, const double *norm,
                     const size_t *chosen, size_t k, size_t i, uint64_t *compared)
{
    if (o->redundancy >= 1.0)
        return 0;
    int dup = 0;
    size_t b = 0;
    /* against the best KURZ__REDUNDANCY_WINDOW chosen ones only, so a huge
     * budget stays linear */
    for (; b < k && b < KURZ__REDUNDANCY_WINDOW && !dup; b++)
        dup = kurz__cosine(d, i, chosen[b], norm) >= o->redundancy;
    *compared += b;
    return dup;
}

int kurz__select(const kurz__mem *m, const kurz__doc *d, const double *score, const uint8_t *ok,
                 const uint8_t *opener, const double *norm, const kurz__select_opts *o,
                 size_t *chosen, size_t *nchosen, uint64_t *compared)
{
    size_t n = d->sents.n;
    *nchosen = 0;
    if (n == 0)
        return 0;
    kurz__ranked *c = kurz__calloc(m, n, sizeof *c);
    uint8_t *in = kurz__calloc(m, n, 1); /* in[i]: sentence i is chosen */
    uint8_t *wait = kurz__calloc(m, n, 1); /* wait[i]: passed over for a weak antecedent */
    if (!c || !in || !wait) {
        kurz__free(m, c);
        kurz__free(m, in);
        kurz__free(m, wait);
        return KURZ_ERR_NOMEM;
    }
    size_t nok = 0;
    for (size_t i = 0; i < n; i++)
        nok += ok[i] != 0;
    size_t nc = 0;
    for (size_t i = 0; i < n; i++)
        if (ok[i] || nok == 0)
            c[nc++] = (kurz__ranked){score[i], i};
    qsort(c, nc, sizeof *c, kurz__ranked_cmp);

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
    /* next: a sentence passed over because it points back to a weaker
     * sentence, to consider again right after that sentence is taken
     * (n: none) */
    size_t next = n;
    for (size_t a = 0; a < nc || next < n;) {
        if (want && k >= want)
            break;
        if (o->words && !o->strict && words >= o->words)
            break;
        size_t i;
        if (next < n) {
            i = next;
            next = n;
        } else {
            i = c[a++].idx;
        }
        if (in[i])
            continue; /* taken already, before a sentence that points back to it */
        /* the run of sentences to take: i, and before it the sentences it
         * depends on that are not chosen yet; each of those must score at
         * least as well as i (a reasonable pick itself), else i waits until
         * they are taken on their own: pairing a weak antecedent in cost
         * cross-lingual agreement (the opener lists of two languages flag
         * different sentences) */
        size_t first = i, cw = d->nwords[i];
        int take = 1;
        while (opener && opener[first] && first > 0 && !in[first - 1]) {
            size_t p = first - 1;
            if (i - p >= KURZ__CHAIN_MAX || !(ok[p] || nok == 0) ||
                score[p] < score[i]) {
                if (ok[p] || nok == 0)
                    wait[i] = 1;
                take = 0;
                break;
            }
            first = p;
            cw += d->nwords[p];
        }
        if (!take)
            continue;
        size_t cn = i - first + 1;
        if (want && k + cn > want)
            continue; /* no room for the antecedents: the next best */
        if (o->words && o->strict && words + cw > o->words)
            continue;
        /* the run that goes over a word budget must come after every
         * sentence chosen so far: a reader who stops at the budget (or a
         * caller who cuts there) then still reads the best ones whole */
        if (o->words && !o->strict && k > 0 && words + cw > o->words) {
            size_t last = 0;
            for (size_t b = 0; b < k; b++)
                if (chosen[b] > last)
                    last = chosen[b];
            if (first < last)
                continue;
        }
        int dup = 0;
        for (size_t j = first; j <= i && !dup; j++)
            dup = redundant(d, o, norm, chosen, k, j, compared);
        if (dup)
            continue;
        /* the best first: i, then its antecedents nearest first */
        for (size_t j = i + 1; j-- > first;) {
            chosen[k++] = j;
            in[j] = 1;
        }
        words += cw;
        if (i + 1 < n && wait[i + 1] && !in[i + 1])
            next = i + 1;
    }
    kurz__free(m, c);
    kurz__free(m, in);
    kurz__free(m, wait);
    qsort(chosen, k, sizeof *chosen, cmp_size);
    *nchosen = k;
    return 0;
}
