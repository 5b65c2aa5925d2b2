/* SPDX-License-Identifier: MIT */
/* The sentence graph (LexRank: idf-weighted cosine; TextRank: word
 * overlap), and the similarity measures it is made of.
 *
 * The graph is built from an inverted index: only sentence pairs that share
 * a term are ever touched, so the cost is the sum over terms of df^2 rather
 * than n^2. Up to exact_limit sentences every term counts and the graph is
 * the exact one; beyond, terms found in more than df_cap sentences are left
 * out of the graph (their idf is small and their postings are what would
 * make the cost quadratic). Everything runs in a fixed order, so the result
 * is deterministic. */
#include <math.h>
#include <string.h>

#include "graph.h"

double kurz__idf(uint32_t df, size_t n)
{
    /* log(1 + n/df): stays positive when a term is in every sentence, so
     * short texts keep a usable weighting. */
    if (df == 0)
        return 0.0;
    return log(1.0 + (double)n / (double)df);
}

static double term_idf(const kurz__doc *d, uint32_t t)
{
    return d->idf ? d->idf[t] : kurz__idf(d->df[t], d->sents.n);
}

void kurz__norms(const kurz__doc *d, double *norm)
{
    size_t n = d->sents.n;
    for (size_t i = 0; i < n; i++) {
        double s = 0;
        for (size_t k = d->row[i]; k < d->row[i + 1]; k++) {
            double w = d->ent[k].tf * term_idf(d, d->ent[k].term);
            s += w * w;
        }
        norm[i] = sqrt(s);
    }
}

double kurz__cosine(const kurz__doc *d, size_t a, size_t b, const double *norm)
{
    if (norm[a] <= 0 || norm[b] <= 0)
        return 0.0;
    size_t i = d->row[a], ie = d->row[a + 1], j = d->row[b], je = d->row[b + 1];
    double dot = 0;
    while (i < ie && j < je) {
        uint32_t ti = d->ent[i].term, tj = d->ent[j].term;
        if (ti < tj) {
            i++;
        } else if (tj < ti) {
            j++;
        } else {
            double idf = term_idf(d, ti);
            dot += d->ent[i].tf * d->ent[j].tf * idf * idf;
            i++;
            j++;
        }
    }
    double c = dot / (norm[a] * norm[b]);
    return c > 1.0 ? 1.0 : c;
}

typedef kurz__edge edge;

/* x is a stronger edge than y: higher weight, ties to the lower index, so
 * the cut below is deterministic */
static int stronger(const edge *x, const edge *y)
{
    return x->w > y->w || (x->w == y->w && x->to < y->to);
}

/* Min-heap (weakest on top) of h[0..k): restores order below slot a. */
static void sift_down(edge *h, size_t k, size_t a)
{
    for (;;) {
        size_t l = 2 * a + 1, r = l + 1, w = a;
        if (l < k && stronger(&h[w], &h[l]))
            w = l;
        if (r < k && stronger(&h[w], &h[r]))
            w = r;
        if (w == a)
            return;
        edge t = h[a];
        h[a] = h[w];
        h[w] = t;
        a = w;
    }
}

/* Keeps the k strongest of the edges e[0..n) in e[0..k) (any order), with a
 * heap: O(n log k) whatever the order. */
static size_t keep_strongest_heap(edge *e, size_t n, size_t k)
{
    if (n <= k)
        return n;
    for (size_t a = k / 2; a-- > 0;)
        sift_down(e, k, a);
    for (size_t b = k; b < n; b++) {
        if (stronger(&e[b], &e[0])) {
            e[0] = e[b];
            sift_down(e, k, 0);
        }
    }
    return k;
}

static void swap_edges(edge *a, edge *b)
{
    edge t = *a;
    *a = *b;
    *b = t;
}

/* The same by quickselect (median-of-three pivots): linear on the usual
 * rows; after a few unlucky rounds, the heap finishes the job, so no input
 * makes it quadratic. Edges of a row go to distinct sentences, so stronger()
 * is a strict total order and the kept set does not depend on the method. */
size_t kurz__keep_strongest(edge *e, size_t n, size_t k)
{
    if (n <= k)
        return n;
    size_t lo = 0, hi = n; /* e[0..lo) are kept, e[hi..n) are not */
    for (int rounds = 0; hi - lo > 1; rounds++) {
        if (rounds == 24) /* unlucky pivots: finish in bounded time */
            return lo + keep_strongest_heap(e + lo, hi - lo, k - lo);
        size_t mid = lo + (hi - lo) / 2, last = hi - 1;
        /* median of e[lo], e[mid], e[last] into e[last] */
        if (stronger(&e[mid], &e[lo]))
            swap_edges(&e[mid], &e[lo]);
        if (stronger(&e[last], &e[lo]))
            swap_edges(&e[last], &e[lo]);
        if (stronger(&e[mid], &e[last]))
            swap_edges(&e[mid], &e[last]);
        size_t at = lo;
        for (size_t i = lo; i < last; i++)
            if (stronger(&e[i], &e[last]))
                swap_edges(&e[i], &e[at++]);
        swap_edges(&e[at], &e[last]); /* the pivot, with every stronger edge before it */
        if (at == k)
            break;
        if (at < k)
            lo = at + 1;
        else
            hi = at;
    }
    return k;
}

void kurz__graph_free(const kurz__mem *m, kurz__graph *g)
{
    kurz__free(m, g->row);
    kurz__free(m, g->edge);
    kurz__free(m, g->rowsum);
    memset(g, 0, sizeof *g);
}

int kurz__graph_build(const kurz__mem *m, const kurz__doc *d, const kurz__graph_opts *o,
                      const double *lexnorm, kurz__graph *g)
{
    size_t n = d->sents.n;
    memset(g, 0, sizeof *g);
    g->n = n;
    if (n == 0)
        return 0;
    int rc = KURZ_ERR_NOMEM;
    size_t nt = d->nterms;
    uint32_t *post_row = NULL; /* input is at most INT_MAX bytes: < 2^31 entries */
    kurz__entry *post = NULL; /* (sentence, tf) per occurrence */
    double *idf2 = NULL, *own_norm = NULL, *acc = NULL, *rowsum = NULL;
    const double *norm = lexnorm;
    uint32_t *touched = NULL;
    size_t *erow = NULL;
    edge *edges = NULL, *cand = NULL;
    size_t edge_n = 0, edge_cap = 0;

    int capped = n > o->exact_limit;
    /* terms the graph uses: all of them, or beyond exact_limit the rarer ones */
#define USED(t) (!capped || d->df[t] <= o->df_cap)
    post_row = kurz__calloc(m, nt + 1, sizeof *post_row);
    idf2 = kurz__calloc(m, nt, sizeof *idf2);
    int textrank = o->algorithm == KURZ_ALGO_TEXTRANK;
    if (textrank || !norm)
        norm = own_norm = kurz__calloc(m, n, sizeof *own_norm);
    acc = kurz__calloc(m, n, sizeof *acc);
    rowsum = kurz__calloc(m, n, sizeof *rowsum);
    touched = kurz__calloc(m, n, sizeof *touched);
    erow = kurz__calloc(m, n + 1, sizeof *erow);
    if (capped && o->max_neighbours > 0) {
        /* a row's candidates gather in cand; only the strongest are kept,
         * so edges never holds more than n * max_neighbours */
        size_t k = o->max_neighbours < n ? o->max_neighbours : n;
        cand = kurz__malloc(m, n * sizeof *cand);
        if (n <= SIZE_MAX / sizeof *edges / k)
            edges = kurz__malloc(m, n * k * sizeof *edges);
        if (!cand || !edges)
            goto done;
        edge_cap = n * k;
    }
    if (!post_row || !idf2 || !norm || !acc || !rowsum || !touched || !erow)
        goto done;
    kurz__prefault(m, post_row, (nt + 1) * sizeof *post_row);
    kurz__prefault(m, idf2, nt * sizeof *idf2);
    kurz__prefault(m, acc, n * sizeof *acc);
    kurz__prefault(m, rowsum, n * sizeof *rowsum);
    kurz__prefault(m, erow, (n + 1) * sizeof *erow);
    kurz__prefault(m, edges, edge_cap * sizeof *edges);

    /* Inverted index: sentences of each used term, in sentence order (memory
     * touched is time: the postings of unused terms are not stored).
     * post_row[t + 1] starts as the offset of term t and is the fill cursor,
     * so it ends as the offset of term t + 1. */
    uint32_t npost = 0;
    for (size_t t = 0; t < nt; t++) {
        post_row[t + 1] = npost;
        npost += USED(t) ? d->df[t] : 0;
        double idf = term_idf(d, (uint32_t)t);
        idf2[t] = textrank ? 1.0 : idf * idf;
    }
    post = kurz__malloc(m, (npost ? npost : 1) * sizeof *post);
    if (!post)
        goto done;
    kurz__prefault(m, post, npost * sizeof *post);
    for (size_t i = 0; i < n; i++)
        for (size_t k = d->row[i]; k < d->row[i + 1]; k++) {
            uint32_t t = d->ent[k].term;
            if (USED(t))
                post[post_row[t + 1]++] = (kurz__entry){(uint32_t)i, d->ent[k].tf};
        }
    /* TextRank divides the overlap by the sum of log lengths, LexRank the dot
     * product by the product of the vector lengths */
    if (textrank)
        for (size_t i = 0; i < n; i++)
            own_norm[i] = log(1.0 + (double)(d->row[i + 1] - d->row[i]));
    else if (!lexnorm)
        kurz__norms(d, own_norm);

    /* edges, row by row */
    for (size_t i = 0; i < n; i++) {
        erow[i] = edge_n;
        size_t nt_i = 0;
        for (size_t k = d->row[i]; k < d->row[i + 1]; k++) {
            uint32_t t = d->ent[k].term;
            if (!USED(t))
                continue;
            double wi = d->ent[k].tf * idf2[t];
            for (size_t p = post_row[t]; p < post_row[t + 1]; p++) {
                uint32_t j = post[p].term;
                if (j == i)
                    continue;
                if (acc[j] == 0.0)
                    touched[nt_i++] = j;
                acc[j] += textrank ? 1.0 : wi * post[p].tf;
            }
        }
        /* touched[] is in a fixed order (terms, then postings), so sums are
         * reproducible for a given input. */
        size_t row0 = edge_n, nc = 0;
        for (size_t a = 0; a < nt_i; a++) {
            uint32_t j = touched[a];
            double den = textrank ? norm[i] + norm[j] : norm[i] * norm[j];
            double w = den > 0 ? acc[j] / den : 0.0;
            acc[j] = 0.0;
            if (w <= 0)
                continue;
            if (cand) {
                cand[nc++] = (edge){j, (float)w};
                continue;
            }
            if (KURZ__GROW(m, edges, edge_cap, edge_n + 1))
                goto done;
            edges[edge_n++] = (edge){j, (float)w};
        }
        /* beyond exact_limit, keep a bounded neighbourhood: the row's
         * strongest edges */
        if (cand) {
            nc = kurz__keep_strongest(cand, nc, o->max_neighbours);
            memcpy(edges + edge_n, cand, nc * sizeof *cand);
            edge_n += nc;
        }
        for (size_t e = row0; e < edge_n; e++)
            rowsum[i] += edges[e].w;
    }
    erow[n] = edge_n;

    g->row = erow;
    g->edge = edges;
    g->rowsum = rowsum;
    g->approx = capped;
    erow = NULL;
    edges = NULL;
    rowsum = NULL;
    rc = 0;
done:
    kurz__free(m, post_row);
    kurz__free(m, post);
    kurz__free(m, idf2);
    kurz__free(m, own_norm);
    kurz__free(m, acc);
    kurz__free(m, rowsum);
    kurz__free(m, touched);
    kurz__free(m, erow);
    kurz__free(m, edges);
    kurz__free(m, cand);
    return rc;
#undef USED
}
