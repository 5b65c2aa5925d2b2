/* SPDX-License-Identifier: MIT */
/* The pipeline of kurz_summarize as separate calls, and the hooks of the
 * tests and the benchmark. Private like kurz-private.h (every symbol hidden,
 * named kurz__*): lib/api.c runs the stages through this header, the unit
 * tests, the robustness tests and bench/kurz-bench.c link the static core
 * and use the same calls, so a benchmark of the stages cannot drift from
 * what the library does. */
#ifndef KURZ_TEST_H
#define KURZ_TEST_H

#include "kurz-private.h"

/* ---- One document through the stages (pipeline.c) ----------------------- */
typedef struct kurz__run {
    /* Given by kurz__run_begin: borrowed from the summarizer. */
    const kurz__mem *m;
    kurz__lang lang;          /* the rules of the summarizer's language */
    kurz__stemmer *st;
    kurz__doc *doc;           /* its sentences and term vectors */
    const kurz__kwindex *kw;  /* the boilerplate keywords */
    const char *text;
    size_t len;
    const char *title;        /* kurz_summarizer_set_title's copy, or NULL */
    size_t title_len;
    int blend;                /* 1: the caller set a position or title weight:
                                 kurz 0.1's blend instead of the model */
    /* The internal options, made from the public ones by kurz__run_options. */
    kurz__graph_opts graph_opts;
    double damping;
    int boilerplate;          /* KURZ_OPT_BOILERPLATE */
    kurz__blend_opts blend_opts;
    kurz__select_opts select_opts;
    /* Made by the stages; kurz__run_end frees them. */
    size_t error_offset;      /* validate: the first bad byte (KURZ_ERR_INVALID_UTF8) */
    double *norm;             /* graph: idf-weighted sentence lengths */
    kurz__graph graph;        /* graph */
    double *score;            /* rank: centrality; score: final scores */
    uint8_t *ok;              /* boiler: 1 for a real sentence */
    int all_features;         /* 1: every feature, even those the models used
                                 here do not weigh (kurz__features' counts);
                                 0 after kurz__run_begin */
    double *feat;             /* score: the features, KURZ__NFEAT a sentence */
    uint8_t *opener;          /* score: 1 when a sentence opens with a word pointing back */
    size_t *chosen, nchosen;  /* select: the summary, in document order */
    uint64_t compared;        /* select: redundancy comparisons (a work counter) */
} kurz__run;

/* Sets r's internal options from the public option values opt[k] of
 * option KURZ_OPT_SENTENCES + k (the summarizer's table). */
void kurz__run_options(kurz__run *r, const int *opt);
/* Starts a run of text[0..len) on s's buffers and options (api.c; s's
 * arguments already checked). Nothing to free yet. */
void kurz__run_begin(kurz__run *r, kurz_summarizer *s, const char *text, size_t len);
/* Frees what the stages made (not the summarizer's buffers). */
void kurz__run_end(kurz__run *r);

/* The stages, in the order kurz_summarize runs them. Each returns 0 or a
 * KURZ_ERR_* status and needs the stages before it. */
int kurz__stage_validate(kurz__run *r); /* kurz__utf8_valid */
int kurz__stage_segment(kurz__run *r);  /* kurz__segment into doc->sents */
int kurz__stage_doc(kurz__run *r);      /* kurz__doc_build */
int kurz__stage_graph(kurz__run *r);    /* kurz__norms, kurz__graph_build */
int kurz__stage_rank(kurz__run *r);     /* kurz__rank */
int kurz__stage_boiler(kurz__run *r);   /* kurz__eligible (or all eligible) */
int kurz__stage_score(kurz__run *r);    /* kurz__features, then kurz__model_score
                                           (or kurz__blend) */
int kurz__stage_select(kurz__run *r);   /* kurz__select */

typedef struct kurz__stage {
    const char *name;
    int (*run)(kurz__run *r);
} kurz__stage;

/* The stages above as a table, in order. */
#define KURZ__NSTAGES 8
extern const kurz__stage kurz__stages[KURZ__NSTAGES];

/* ---- Work counters for the complexity tests ------------------------------
 * No timing: the tests count work and check it grows linearly. The
 * counters live in per-summarizer state (no global state). */

/* Sum over the words given to libstemmer of their length squared: Snowball
 * can take time quadratic in a word's length, so this bounds its work. */
uint64_t kurz__stem_work(const kurz__stemmer *st);

/* Hash slots looked at by the word and stem tables of d since it was
 * initialised. */
uint64_t kurz__doc_probes(const kurz__doc *d);
/* The hash value that places word w[0..n) in d's word table (its low bits
 * are the first slot tried), for building colliding inputs. */
uint32_t kurz__doc_word_slot(const kurz__doc *d, const uint8_t *w, size_t n);
/* Replaces the seed of d's hash (tests only: the seed is random). Clears
 * d's word tables. */
void kurz__doc_set_seed(kurz__doc *d, uint64_t seed);

#endif /* KURZ_TEST_H */
