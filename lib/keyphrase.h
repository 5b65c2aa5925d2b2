/* SPDX-License-Identifier: MIT */
/* Key phrases (keyphrase.c): internal interface. Nothing here is exported;
 * the public kurz_keyphrases_* functions are thin wrappers (api.c and the
 * accessors at the end of keyphrase.c). */
#ifndef KURZ_KEYPHRASE_H
#define KURZ_KEYPHRASE_H

#include "kurz-private.h"

/* Only the first this many bytes of a text are read (cut back to the last
 * line or sentence end before it): key phrases are what a text is about, a
 * long text's beginning says it, and the extraction must cost a small
 * fraction of a summary even for books. */
#define KURZ__KP_WINDOW ((size_t)48 << 10)

typedef struct kurz__kp_opts {
    size_t max_phrases; /* at most this many (0: none) */
    size_t max_words;   /* words per phrase, at least 1 */
    int boilerplate;    /* 1: skip what the boilerplate filter rejects
                         * (KURZ_OPT_BOILERPLATE); 0: read every sentence */
} kurz__kp_opts;

typedef struct kurz__kp {
    size_t text_off, text_len; /* the surface form in the result's pool */
    size_t start, end;         /* byte span of the first occurrence */
    size_t count;              /* occurrences (of any surface form) */
    double score;
} kurz__kp;

/* The public result: phrases best first, their text in one pool (each
 * followed by a NUL). */
struct kurz_keyphrases {
    kurz__mem mem; /* the allocator that made it */
    size_t n;
    kurz__kp *v;
    char *pool;
};

/* Work counters for the complexity test (may be NULL). */
typedef struct kurz__kp_stats {
    size_t words, candidates, phrases, edges, probes;
} kurz__kp_stats;

/* Extracts the key phrases of valid UTF-8 text[0..len) into a new *out
 * (freed with kurz_keyphrases_free). lang: stop-word and sentence rules;
 * code: the ISO code (for a fallback stop list where lang has none); st:
 * the stemmer. 0 or KURZ_ERR_NOMEM (then *out is NULL and nothing leaks). */
int kurz__keyphrases(const kurz__mem *m, kurz__lang lang, const char *code, kurz__stemmer *st,
                     const char *text, size_t len, const kurz__kp_opts *o,
                     struct kurz_keyphrases **out, kurz__kp_stats *stats);

#endif /* KURZ_KEYPHRASE_H */
