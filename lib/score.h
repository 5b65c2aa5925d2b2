/* SPDX-License-Identifier: MIT */
/* Private to libkurz (every symbol hidden, named kurz__*): one stage of
 * the pipeline. Each stage header includes the one before it, so a stage
 * sees the stages it builds on and none after it (see kurz-private.h). */
#ifndef KURZ_SCORE_H
#define KURZ_SCORE_H

#include "feature.h" /* the stages before this one */

/* ---- Final scores (score.c, score-model.c) --------------------------------
 * The default: a logistic model over the features, trained by
 * tools/train-scorer.py (score-model.c is its output). */
typedef struct kurz__model {
    const char *lang;   /* "de", "fr", or "mul" for every other language */
    int title;          /* 1: trained with titles given, 0: without */
    double bias;
    double w[KURZ__NFEAT];
} kurz__model;
extern const kurz__model kurz__models[];
extern const size_t kurz__nmodels;
extern const char *const kurz__model_features[KURZ__NFEAT]; /* the names it was trained on */

/* The model for lang with or without a title (falls back to "mul"). */
const kurz__model *kurz__model_for(kurz__lang lang, int title);
/* score[i] = the model's probability that sentence i belongs in a summary. */
void kurz__model_score(const kurz__model *mo, const double *feat, size_t n, double *score);

/* The hand-set blend of kurz 0.1, used when the caller sets
 * KURZ_OPT_POSITION_PERMILLE or KURZ_OPT_TITLE_PERMILLE. */
typedef struct kurz__blend_opts {
    double position; /* weight of the position prior, 0..1 */
    double title;    /* weight of the similarity to the lead, 0..1 */
} kurz__blend_opts;

/* Turns centrality into final scores in place: mixes in the position prior
 * and the similarity to the document's first real sentences. */
void kurz__blend(const kurz__doc *d, const uint8_t *ok, const double *norm,
                 const kurz__blend_opts *o, double *score);

#endif /* KURZ_SCORE_H */
