/* SPDX-License-Identifier: MIT */
/* Private to libkurz (every symbol hidden, named kurz__*): one stage of
 * the pipeline. Each stage header includes the one before it, so a stage
 * sees the stages it builds on and none after it (see kurz-private.h). */
#ifndef KURZ_SCORE_H
#define KURZ_SCORE_H

#include "boiler.h" /* the stages before this one */

/* ---- Final scores (score.c) --------------------------------------------- */
typedef struct kurz__blend_opts {
    double position; /* weight of the position prior, 0..1 */
    double title;    /* weight of the similarity to the lead, 0..1 */
} kurz__blend_opts;

/* Turns centrality into final scores in place: mixes in the position prior
 * and the similarity to the document's first real sentences. */
void kurz__blend(const kurz__doc *d, const uint8_t *ok, const double *norm,
                 const kurz__blend_opts *o, double *score);

#endif /* KURZ_SCORE_H */
