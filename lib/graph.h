/* SPDX-License-Identifier: MIT */
/* Private to libkurz (every symbol hidden, named kurz__*): one stage of
 * the pipeline. Each stage header includes the one before it, so a stage
 * sees the stages it builds on and none after it (see kurz-private.h). */
#ifndef KURZ_GRAPH_H
#define KURZ_GRAPH_H

#include "doc.h" /* the stages before this one */

/* ---- Sentence graph (graph.c) -----------------------------------------
 * Sentences are linked by their similarity: the idf-weighted cosine of
 * their term vectors (LexRank) or their word overlap (TextRank). */
typedef struct kurz__graph_opts {
    int algorithm;   /* kurz_algorithm */
    size_t exact_limit; /* up to this many sentences the graph is exact */
    uint32_t df_cap;    /* beyond exact_limit: terms in more sentences than this are ignored */
    size_t max_neighbours; /* beyond exact_limit: edges kept per sentence */
} kurz__graph_opts;

/* The defaults kurz_summarize uses. */
#define KURZ__EXACT_LIMIT 2000
#define KURZ__DF_CAP 32
#define KURZ__MAX_NEIGHBOURS 16

/* An edge of the sentence graph. */
typedef struct kurz__edge {
    uint32_t to;
    float w;
} kurz__edge;

/* A weighted directed graph in compressed rows: the edges of sentence i are
 * edge[row[i]..row[i + 1]). */
typedef struct kurz__graph {
    size_t n;          /* sentences */
    size_t *row;       /* n + 1 offsets into edge (NULL when n == 0) */
    kurz__edge *edge;
    double *rowsum;    /* the sum of each row's weights */
    int approx;        /* beyond exact_limit: an approximation of the exact graph */
} kurz__graph;

/* Moves the k strongest of e[0..n) (higher w first, ties to the lower to)
 * into e[0..k), in no particular order; returns min(n, k). */
size_t kurz__keep_strongest(kurz__edge *e, size_t n, size_t k);

/* idf of a term found in df of n sentences; never 0 for df <= n. */
double kurz__idf(uint32_t df, size_t n);
/* idf-weighted cosine similarity of sentences a and b of d (0..1). */
double kurz__cosine(const kurz__doc *d, size_t a, size_t b, const double *norm);
/* Fills norm[i] = the idf-weighted length of sentence i's vector. */
void kurz__norms(const kurz__doc *d, double *norm);

/* Builds the sentence graph of d into *g (which the caller frees with
 * kurz__graph_free, also after a failure). lexnorm: the sentences'
 * kurz__norms when the caller has them already, else NULL. 0 or
 * KURZ_ERR_NOMEM. */
int kurz__graph_build(const kurz__mem *m, const kurz__doc *d, const kurz__graph_opts *o,
                      const double *lexnorm, kurz__graph *g);
void kurz__graph_free(const kurz__mem *m, kurz__graph *g);

#endif /* KURZ_GRAPH_H */
