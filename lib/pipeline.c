/* SPDX-License-Identifier: MIT */
/* The stages of kurz_summarize, one call each, and their table: api.c runs
 * them in this order, and so does the benchmark (through kurz-test.h). */
#include <stdint.h>
#include <string.h>

#include "kurz-test.h"

void kurz__run_options(kurz__run *r, const int *opt)
{
#define OPT(o) (opt[(o) - KURZ_OPT_SENTENCES])
    r->graph_opts = (kurz__graph_opts){OPT(KURZ_OPT_ALGORITHM), KURZ__EXACT_LIMIT, KURZ__DF_CAP,
                                       KURZ__MAX_NEIGHBOURS};
    r->damping = OPT(KURZ_OPT_DAMPING_PERMILLE) / 1000.0;
    r->boilerplate = OPT(KURZ_OPT_BOILERPLATE);
    kurz__blend_opts bo = {OPT(KURZ_OPT_POSITION_PERMILLE) / 1000.0,
                           OPT(KURZ_OPT_TITLE_PERMILLE) / 1000.0};
    if (bo.position + bo.title > 1.0) { /* keep the mix a convex one */
        double t = bo.position + bo.title;
        bo.position /= t;
        bo.title /= t;
    }
    r->blend_opts = bo;
    r->select_opts = (kurz__select_opts){(size_t)OPT(KURZ_OPT_SENTENCES),
                                         (unsigned)OPT(KURZ_OPT_RATIO_PERMILLE),
                                         (size_t)OPT(KURZ_OPT_WORDS), OPT(KURZ_OPT_STRICT),
                                         OPT(KURZ_OPT_REDUNDANCY_PERMILLE) / 1000.0};
#undef OPT
}

void kurz__run_end(kurz__run *r)
{
    kurz__graph_free(r->m, &r->graph);
    kurz__free(r->m, r->norm);
    kurz__free(r->m, r->score);
    kurz__free(r->m, r->ok);
    kurz__free(r->m, r->chosen);
    kurz__free(r->m, r->feat);
    kurz__free(r->m, r->opener);
    r->norm = r->score = r->feat = NULL;
    r->ok = r->opener = NULL;
    r->chosen = NULL;
    r->nchosen = 0;
}

/* n zeroed elements of size elem for a stage to fill. */
static void *stage_array(const kurz__run *r, size_t n, size_t elem)
{
    void *p = kurz__calloc(r->m, n, elem);
    if (p)
        kurz__prefault(r->m, p, n * elem);
    return p;
}

int kurz__stage_validate(kurz__run *r)
{
    size_t bad = 0;
    if (r->len && !kurz__utf8_valid((const uint8_t *)r->text, r->len, &bad)) {
        r->error_offset = bad;
        return KURZ_ERR_INVALID_UTF8;
    }
    return 0;
}

int kurz__stage_segment(kurz__run *r)
{
    r->doc->sents.n = 0;
    return kurz__segment(r->m, r->lang, r->text, r->len, &r->doc->sents);
}

int kurz__stage_doc(kurz__run *r)
{
    return kurz__doc_build(r->doc, r->m, r->lang, r->st, r->text, r->len);
}

int kurz__stage_graph(kurz__run *r)
{
    const kurz__doc *d = r->doc;
    if (!(r->norm = stage_array(r, d->sents.n, sizeof *r->norm)))
        return KURZ_ERR_NOMEM;
    kurz__norms(d, r->norm);
    return kurz__graph_build(r->m, d, &r->graph_opts, r->norm, &r->graph);
}

int kurz__stage_rank(kurz__run *r)
{
    if (!(r->score = stage_array(r, r->doc->sents.n, sizeof *r->score)))
        return KURZ_ERR_NOMEM;
    return kurz__rank(r->m, &r->graph, r->damping, r->score);
}

int kurz__stage_boiler(kurz__run *r)
{
    size_t n = r->doc->sents.n;
    if (!(r->ok = stage_array(r, n, sizeof *r->ok)))
        return KURZ_ERR_NOMEM;
    if (r->boilerplate)
        kurz__eligible(r->doc, r->kw, r->text, r->len, r->ok);
    else
        memset(r->ok, 1, n);
    return 0;
}

int kurz__stage_score(kurz__run *r)
{
    kurz__doc *d = r->doc;
    size_t n = d->sents.n;
    if (n == 0)
        return 0;
    if (n > SIZE_MAX / sizeof *r->feat / KURZ__NFEAT ||
        !(r->feat = stage_array(r, n * KURZ__NFEAT, sizeof *r->feat)) ||
        !(r->opener = stage_array(r, n, sizeof *r->opener)))
        return KURZ_ERR_NOMEM;
    float *title_tf = NULL;
    if (r->title) {
        if (!(title_tf = kurz__calloc(r->m, d->nterms + 1, sizeof *title_tf)))
            return KURZ_ERR_NOMEM;
        int rc = kurz__doc_terms_of(d, r->m, r->lang, r->st, r->title, r->title_len, title_tf);
        if (rc) {
            kurz__free(r->m, title_tf);
            return rc;
        }
    }
    /* short documents: the short model mixed with 0.1's blend; long ones:
     * the long model; between them a mix of the two by length */
    size_t nreal = 0;
    for (size_t i = 0; i < n; i++)
        nreal += r->ok[i] != 0;
    double a = kurz__long_share(nreal);
    int title = r->title != NULL;
    /* the byte scan's counts only for a model that weighs them */
    int counts = r->all_features ||
                 (!r->blend && ((a < 1.0 && kurz__model_needs_counts(kurz__model_for("short", title))) ||
                                (a > 0.0 && kurz__model_needs_counts(kurz__model_for("long", title)))));
    int rc = kurz__features(r->m, d, r->lang, r->text, r->score, r->ok, r->norm, title_tf,
                            counts, r->feat, r->opener);
    kurz__free(r->m, title_tf);
    if (rc)
        return rc;
    if (r->blend) {
        kurz__blend(d, r->ok, r->norm, &r->blend_opts, r->score);
        return 0;
    }
    double *model = stage_array(r, n, sizeof *model);
    if (!model)
        return KURZ_ERR_NOMEM;
    if (a < 1.0) {
        kurz__model_score(kurz__model_for("short", title), r->feat, n, model);
        kurz__blend(d, r->ok, r->norm, &r->blend_opts, r->score);
        for (size_t i = 0; i < n; i++)
            r->score[i] = (1.0 - a) * (KURZ__BLEND_SHARE * r->score[i] +
                                       (1.0 - KURZ__BLEND_SHARE) * model[i]);
    } else {
        memset(r->score, 0, n * sizeof *r->score);
    }
    if (a > 0.0) {
        kurz__model_score(kurz__model_for("long", title), r->feat, n, model);
        for (size_t i = 0; i < n; i++)
            r->score[i] += a * model[i];
    }
    kurz__free(r->m, model);
    /* fragments (no final punctuation, or very short) read badly in a
     * summary: they come after the real sentences of similar worth */
    for (size_t i = 0; i < n; i++)
        if (r->feat[i * KURZ__NFEAT + KURZ__F_NOTERM] > 0 || d->nwords[i] < KURZ__FRAGMENT_WORDS)
            r->score[i] *= KURZ__FRAGMENT_FACTOR;
    return 0;
}

int kurz__stage_select(kurz__run *r)
{
    if (!(r->chosen = kurz__calloc(r->m, r->doc->sents.n, sizeof *r->chosen)))
        return KURZ_ERR_NOMEM;
    return kurz__select(r->m, r->doc, r->score, r->ok, r->opener, r->norm, &r->select_opts,
                        r->chosen, &r->nchosen, &r->compared);
}

const kurz__stage kurz__stages[KURZ__NSTAGES] = {
    {"validate", kurz__stage_validate},
    {"segment", kurz__stage_segment},
    {"doc", kurz__stage_doc},
    {"graph", kurz__stage_graph},
    {"rank", kurz__stage_rank},
    {"boiler", kurz__stage_boiler},
    {"score", kurz__stage_score},
    {"select", kurz__stage_select},
};
