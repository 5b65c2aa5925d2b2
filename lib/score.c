/* SPDX-License-Identifier: MIT */
/* Final scores: by default a logistic model over the sentence features
 * (features.c; its weights are score-model.c, made by
 * tools/train-scorer.py); when the caller sets a position or title weight,
 * the hand-set blend of kurz 0.1: centrality mixed with a position prior
 * and the similarity to the document's lead. */
#include <math.h>
#include <string.h>

#include "score.h"

void kurz__blend(const kurz__doc *d, const uint8_t *ok, const double *norm,
                 const kurz__blend_opts *o, double *score)
{
    size_t n = d->sents.n;
    if (n == 0)
        return;
    double maxc = 0;
    for (size_t i = 0; i < n; i++)
        if (score[i] > maxc)
            maxc = score[i];
    /* the lead: the first real sentence of the document */
    size_t lead = n;
    for (size_t i = 0; i < n && lead == n; i++)
        if (ok[i])
            lead = i;
    size_t rank = 0; /* position among real sentences */
    for (size_t i = 0; i < n; i++) {
        double c = maxc > 0 ? score[i] / maxc : 0;
        double pos = ok[i] ? 1.0 / sqrt(1.0 + (double)rank) : 0.0;
        double title = 0;
        if (lead < n && o->title > 0)
            title = i == lead ? 1.0 : kurz__cosine(d, i, lead, norm);
        if (ok[i])
            rank++;
        score[i] = (1.0 - o->position - o->title) * c + o->position * pos + o->title * title;
    }
}

/* ---- The learned scorer ----------------------------------------------- */
const kurz__model *kurz__model_for(const char *kind, int title)
{
    for (size_t k = 0; k < kurz__nmodels; k++) {
        const kurz__model *mo = &kurz__models[k];
        if (mo->title == (title != 0) && !strcmp(mo->kind, kind))
            return mo;
    }
    return &kurz__models[0]; /* not reached with the generated table (a test checks) */
}

int kurz__model_needs_counts(const kurz__model *mo)
{
    return mo->w[KURZ__F_CAPS] != 0 || mo->w[KURZ__F_WORDLEN] != 0;
}

double kurz__long_share(size_t nreal)
{
    if (nreal <= KURZ__LONG_LO)
        return 0.0;
    if (nreal >= KURZ__LONG_HI)
        return 1.0;
    return (log((double)nreal) - log((double)KURZ__LONG_LO)) /
           (log((double)KURZ__LONG_HI) - log((double)KURZ__LONG_LO));
}

void kurz__model_score(const kurz__model *mo, const double *feat, size_t n, double *score)
{
    for (size_t i = 0; i < n; i++) {
        const double *f = feat + i * KURZ__NFEAT;
        double z = mo->bias;
        for (size_t k = 0; k < KURZ__NFEAT; k++)
            z += mo->w[k] * f[k];
        score[i] = 1.0 / (1.0 + exp(-z));
    }
}
