/* SPDX-License-Identifier: MIT */
/* Final scores: centrality (rank.c) blended with a position prior and the
 * similarity to the document's lead. */
#include <math.h>

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
