/* SPDX-License-Identifier: MIT */
/* Private to libkurz (every symbol hidden, named kurz__*): one stage of
 * the pipeline. Each stage header includes the one before it, so a stage
 * sees the stages it builds on and none after it (see kurz-private.h). */
#ifndef KURZ_DOC_H
#define KURZ_DOC_H

#include "stem.h" /* the stages before this one */

/* ---- Document model (doc.c) --------------------------------------------
 * Sentences as sparse term vectors over Snowball stems of content words. */
typedef struct kurz__entry {
    uint32_t term; /* term id */
    float tf;      /* occurrences of the term in the sentence */
} kurz__entry;

typedef struct kurz__hash {
    struct kurz__hslot *slots;
    size_t cap, n;   /* cap is a power of two (or 0) */
    size_t min_cap;  /* the first allocation's size (0: 1024) */
    unsigned max_load; /* percent of the slots in use before it grows */
    uint8_t *pool;   /* the bytes of keys too long for their slot */
    size_t pool_n, pool_cap;
    uint64_t probes; /* occupied slots looked at (a work counter, see kurz-test.h) */
} kurz__hash;

typedef struct kurz__doc {
    kurz__sentvec sents;
    size_t *row;          /* sents.n + 1 offsets into ent */
    kurz__entry *ent;
    size_t ent_n, ent_cap, row_cap;
    uint32_t *nwords;     /* words per sentence, as a reader counts them (all \w runs) */
    uint32_t *ncontent;   /* content words per sentence (not stop words, not numbers) */
    size_t nw_cap, nc_cap;
    uint32_t *df;         /* sentences containing each term */
    size_t nterms, df_cap;
    double *idf;          /* kurz__idf of each term, or NULL (then computed as needed) */
    size_t idf_cap;
    /* Kept from one document to the next (the summarizer's language is
     * fixed), so a word form is normalised, looked up and stemmed once per
     * summarizer rather than once per document; cleared when large. */
    kurz__hash words;     /* normalised word -> global id + 1 (| number flag), 0 = stop word */
    kurz__hash stems;     /* stem -> global id */
    uint32_t nglobal;     /* global ids handed out */
    uint32_t *local;      /* global id -> this document's term id, valid when */
    uint32_t *stamp;      /* stamp[g] == epoch */
    size_t local_cap, stamp_cap;
    uint32_t epoch;
    uint64_t seed; /* of both tables' hash: unknown to whoever writes the text */
    kurz__tokenizer tok;
    /* features.c's filter of the first words of opener_list's entries,
     * made at its first use (opener_list NULL before) */
    const void *opener_list;
    uint64_t opener_filter[16];
} kurz__doc;

/* Word forms a summarizer remembers before it starts afresh. */
#define KURZ__WORD_CACHE (1u << 20)

void kurz__doc_init(kurz__doc *d, const kurz__mem *m, kurz__lang lang);
void kurz__doc_free(kurz__doc *d, const kurz__mem *m);
/* Builds the term vectors of the sentences d->sents (filled beforehand,
 * e.g. by kurz__segment) of text[0..len). Reuses the buffers of a previous
 * call. 0 or KURZ_ERR_NOMEM. */
int kurz__doc_build(kurz__doc *d, const kurz__mem *m, kurz__lang lang, kurz__stemmer *st,
                    const char *text, size_t len);
/* After kurz__doc_build: adds 1 to tf[t] for every word of text[0..len)
 * (valid UTF-8, e.g. a title) whose term t is one of this document's;
 * other words are ignored. tf has room for d->nterms. 0 or KURZ_ERR_NOMEM
 * (then the word cache is cleared, as after a failed build). */
int kurz__doc_terms_of(kurz__doc *d, const kurz__mem *m, kurz__lang lang, kurz__stemmer *st,
                       const char *text, size_t len, float *tf);

#endif /* KURZ_DOC_H */
