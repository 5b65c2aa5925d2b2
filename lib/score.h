/* SPDX-License-Identifier: MIT */
/* Private to libkurz (every symbol hidden, named kurz__*): one stage of
 * the pipeline. Each stage header includes the one before it, so a stage
 * sees the stages it builds on and none after it (see kurz-private.h). */
#ifndef KURZ_SCORE_H
#define KURZ_SCORE_H

#include "feature.h" /* the stages before this one */

/* ---- Final scores (score.c, score-model.c) --------------------------------
 * The default: logistic models over the features, trained by
 * tools/train-scorer.py (score-model.c is its output), one for short
 * documents (news) and one for long ones, chosen by the document's length,
 * never by its language (docs/design.md, "Sentence scoring"). */
typedef struct kurz__model {
    const char *kind;   /* "short" or "long" */
    int title;          /* 1: trained with titles given, 0: without */
    double bias;
    double w[KURZ__NFEAT];
} kurz__model;
extern const kurz__model kurz__models[];
extern const size_t kurz__nmodels;
extern const char *const kurz__model_features[KURZ__NFEAT]; /* the names it was trained on */

/* Documents with at most KURZ__LONG_LO real sentences get the short model
 * only, from KURZ__LONG_HI on the long one only; in between a mix, by the
 * logarithm of the length (tools/train-scorer.py trains the short model on
 * documents below KURZ__LONG_LO). */
#define KURZ__LONG_LO 40
#define KURZ__LONG_HI 80
/* In the short model's score, this share is kurz 0.1's blend (position
 * weight 0.6) and the rest the model's probability: the model alone picks
 * more different sentences of a text and of its translation (referee
 * xling 73.9 against 76.2 with the mix). */
#define KURZ__BLEND_SHARE 0.3

/* A unit without final punctuation or with fewer than KURZ__FRAGMENT_WORDS
 * words scores this share of its score (not with 0.1's blend): picked
 * fragments fell from 1.1% to 0.02% of French news summaries' sentences
 * (../shared/tools/coherence, non_sentence_pct), ROUGE unchanged. */
#define KURZ__FRAGMENT_WORDS 5
#define KURZ__FRAGMENT_FACTOR 0.5

/* The model of kind ("short", "long") with or without a title. */
const kurz__model *kurz__model_for(const char *kind, int title);
/* score[i] = the model's probability that sentence i belongs in a summary. */
void kurz__model_score(const kurz__model *mo, const double *feat, size_t n, double *score);
/* 1 when the model weighs a feature that only the full byte scan of
 * kurz__features gives (KURZ__F_CAPS, KURZ__F_WORDLEN). */
int kurz__model_needs_counts(const kurz__model *mo);
/* The share of the long model for a document of nreal real sentences:
 * 0..1, rising with the length (KURZ__LONG_LO, KURZ__LONG_HI). */
double kurz__long_share(size_t nreal);

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
