/* SPDX-License-Identifier: MIT */
/* Private to libkurz (every symbol hidden, named kurz__*): one stage of
 * the pipeline. Each stage header includes the one before it, so a stage
 * sees the stages it builds on and none after it (see kurz-private.h). */
#ifndef KURZ_SELECT_H
#define KURZ_SELECT_H

#include "score.h" /* the stages before this one */

/* ---- Selection (select.c) ---------------------------------------------- */
typedef struct kurz__select_opts {
    size_t sentences;        /* 0 = unset */
    unsigned ratio_permille; /* 0 = unset */
    size_t words;            /* 0 = unset */
    int strict;              /* with words: never exceed */
    double redundancy;       /* reject when cosine to a chosen one >= this */
} kurz__select_opts;

#define KURZ__REDUNDANCY_WINDOW 256
/* Sentences taken with a sentence that opens with a word pointing back:
 * its predecessor, and theirs while they point back too. */
#define KURZ__CHAIN_MAX 3

/* Chooses sentences by descending score (ties: earlier first) under the
 * budget, skipping units with ok[i] == 0 unless no unit is ok, and skipping
 * near-duplicates of the first KURZ__REDUNDANCY_WINDOW chosen ones.
 * opener (may be NULL): opener[i] = 1 when sentence i opens with a word
 * pointing back; such a sentence is taken only together with its
 * predecessor (which is then taken too, if the budget allows and it is
 * eligible, not redundant and scores at least as well as sentence i, as
 * far back as KURZ__CHAIN_MAX sentences), else passed over. Writes their indices in document order to
 * chosen[0..*nchosen) (room for d->sents.n) and adds the number of
 * redundancy comparisons to *compared (a work counter for the tests).
 * 0 or KURZ_ERR_NOMEM. */
int kurz__select(const kurz__mem *m, const kurz__doc *d, const double *score, const uint8_t *ok,
                 const uint8_t *opener, const double *norm, const kurz__select_opts *o,
                 size_t *chosen, size_t *nchosen, uint64_t *compared);

#endif /* KURZ_SELECT_H */
