/* SPDX-License-Identifier: MIT */
/* Private to libkurz (every symbol hidden, named kurz__*): one stage of
 * the pipeline. Each stage header includes the one before it, so a stage
 * sees the stages it builds on and none after it (see kurz-private.h). */
#ifndef KURZ_FEATURE_H
#define KURZ_FEATURE_H

#include "boiler.h" /* the stages before this one */

/* ---- Sentence features (features.c) -------------------------------------
 * Cheap facts about every sentence that the learned scorer (score.c) weighs.
 * tools/train-scorer.py trains on exactly these values, dumped by
 * bench/kurz-features.c through the library's own stages. Adding a
 * feature means retraining (the model table checks KURZ__NFEAT). */
enum {
    KURZ__F_POS_INV,    /* 1/sqrt(1 + position among real sentences); 0 for others */
    KURZ__F_POS_REL,    /* position among real sentences / their number */
    KURZ__F_FIRST,      /* the first real sentence */
    KURZ__F_PARA_FIRST, /* first unit of its paragraph */
    KURZ__F_PARA_REL,   /* paragraph number / number of paragraphs */
    KURZ__F_LEN,        /* log(1 + words) */
    KURZ__F_SHORT,      /* fewer than 8 words */
    KURZ__F_CENT,       /* centrality / the document's highest */
    KURZ__F_CENTROID,   /* idf cosine to the document's centroid */
    KURZ__F_TOPTERMS,   /* share of its content words among the document's top terms */
    KURZ__F_TITLE,      /* idf cosine to the title (0 without one) */
    KURZ__F_LEADSIM,    /* idf cosine to the first real sentence (1 for itself) */
    KURZ__F_DIGITS,     /* holds a digit */
    KURZ__F_QUOTE,      /* holds a quotation mark */
    KURZ__F_CAPS,       /* share of its words after the first that start upper case */
    KURZ__F_NOTERM,     /* no final punctuation */
    KURZ__F_QUESTION,   /* ends with ? */
    KURZ__F_OPENER,     /* opens with a word pointing back (data/opener) */
    KURZ__F_NOTOK,      /* not a real sentence (boiler.c) */
    KURZ__F_CONTENT,    /* content words / words */
    KURZ__F_WORDLEN,    /* mean bytes per word / 10 */
    KURZ__F_PAREN,      /* holds a parenthesis */
    KURZ__F_CENTROID_REL, /* centroid / the document's highest */
    KURZ__F_CENT_RANK,  /* 1/sqrt(1 + rank by centrality among real sentences) */
    KURZ__F_LEN_REL,    /* words / the mean of the document's real sentences, at most 3 */
    KURZ__F_PARA_IDX,   /* 1/(1 + index within its paragraph) */
    KURZ__F_DOC_LEN,    /* log(1 + real sentences of the document) */
    KURZ__NFEAT
};
/* The features' names, in order ("pos_inv", ...). */
extern const char *const kurz__feature_names[KURZ__NFEAT];
/* A sentence idx with a score, for ranking: kurz__ranked_cmp orders the
 * higher score first, ties to the earlier sentence (the centrality rank
 * here, the choice of select.c). */
typedef struct kurz__ranked {
    double score;
    size_t idx;
} kurz__ranked;
static inline int kurz__ranked_cmp(const void *a, const void *b)
{
    const kurz__ranked *x = a, *y = b;
    if (x->score != y->score)
        return x->score < y->score ? 1 : -1;
    return (x->idx > y->idx) - (x->idx < y->idx);
}
/* Top terms of a document for KURZ__F_TOPTERMS. */
#define KURZ__TOP_TERMS 10

/* 1 when the sentence text[start..end) (valid UTF-8) opens with an entry of
 * lang's opener list: a word or phrase that points back to the sentence
 * before ("Er", "Cette", "Selon lui"). t is any tokenizer of lang (it is
 * reset). 0 for a language without a list. */
int kurz__opener(kurz__tokenizer *t, kurz__lang lang, const char *text, size_t start,
                 size_t end);

/* Features of every sentence of d into feat[i * KURZ__NFEAT + f] and the
 * opener flags into opener[i]. centrality: rank.c's scores; ok: boiler.c's;
 * norm: kurz__norms; title_tf: the title's term counts (kurz__doc_terms_of)
 * or NULL. counts: 0 leaves KURZ__F_CAPS and KURZ__F_WORDLEN 0 and reads
 * each sentence's bytes only until its digits, quotes and brackets are
 * seen (for a model that does not weigh them: most of the byte scan's
 * cost). d's tokenizer is used. 0 or KURZ_ERR_NOMEM. */
int kurz__features(const kurz__mem *m, kurz__doc *d, kurz__lang lang, const char *text,
                   const double *centrality, const uint8_t *ok, const double *norm,
                   const float *title_tf, int counts, double *feat, uint8_t *opener);

#endif /* KURZ_FEATURE_H */
