/* SPDX-License-Identifier: MIT */
/* Language identification: internals (langid.c, langid-model.c).
 * Hidden; the public face is kurz_identify in kurz.h. */
#ifndef KURZ_LANGID_H
#define KURZ_LANGID_H

#include <stddef.h>
#include <stdint.h>

#include "kurz-private.h"

/* Model shape, shared with the generator tools/gen-langid.py. A class is a
 * language in one script (Serbian has two). */
#define KURZ__LID_NCLASSES 29
#define KURZ__LID_NORDERS 5  /* 0 = whole word, MINORDER..4 = character n-grams */
#define KURZ__LID_NSCRIPTS 9 /* 0 = other, then Latin, Greek, ... (RANGES) */
#define KURZ__LID_MINORDER 2
#define KURZ__LID_NBUCKETS 4 /* length buckets of the rejection thresholds */
#define KURZ__LID_MAXWORD 32 /* letters of a word that give n-grams */
#define KURZ__LID_WORDMAX 12 /* longest word that is a feature of its own */
#define KURZ__LID_MBITS 16384 /* bits of the marker words' filter */
/* A feature's postings word is (start << 5 | count): count postings at
 * kurz__lid_posts[start], or, when count is KURZ__LID_DENSE, the dense row
 * kurz__lid_dense[start] (n-grams that most classes of their script have:
 * one saving per class, by its place in its script). */
#define KURZ__LID_DENSE 31
#define KURZ__LID_DENSE_WIDTH 32

/* Early stop: once KURZ__LID_SETTLED_MIN features are read and the best
 * class leads the next by KURZ__LID_SETTLED (q units of 1/16 nat: a
 * likelihood ratio of e^60), more text would not change the ranking's head;
 * then only the word-level fit tests of that class (known words, a
 * neighbour's words) read on, at one lookup a word, up to
 * KURZ__LID_LIGHT_WORDS words in all. The generator emulates this when it
 * calibrates the rejection thresholds. */
#define KURZ__LID_SETTLED_MIN 100
/* A script of one class (Greek, Armenian, ...) has no rival to lead: there
 * the stop comes after this many features. */
#define KURZ__LID_SETTLED_ALONE 300
#define KURZ__LID_SETTLED (60 * 16)
#define KURZ__LID_LIGHT_WORDS 60

/* At most this many bytes of the input are read (cut back to a character
 * boundary): identification costs the same for any longer input. */
#define KURZ__LID_SAMPLE ((size_t)32 << 10)
/* The dominant script is counted over at most this many letters (fewer once
 * the rest could not change the leader). */
#define KURZ__LID_SCRIPT_LETTERS 512
/* Fewer letters than this in the dominant script: too short to tell. */
#define KURZ__LID_MINLETTERS 3

typedef struct kurz__lidcand {
    const char *lang; /* static ISO code */
    double score;     /* share in [0, 1]; the scores of all candidates sum to 1 */
} kurz__lidcand;

/* Everything kurz__identify finds; no pointers into the input, no heap. */
typedef struct kurz__lidres {
    const char *lang;  /* static: an ISO code of kurz_languages(), or "und" */
    double confidence; /* [0, 1]; 0 for "und" */
    size_t ncand;      /* ranked candidates of the text's script, best first */
    kurz__lidcand cand[KURZ__LID_NCLASSES];
    size_t examined;   /* bytes of the input that were read */
} kurz__lidres;

/* Identifies the language of text[0..len) from at most KURZ__LID_SAMPLE
 * bytes. Fills *r (always, "und" on error). Returns 0, or
 * KURZ_ERR_INVALID_UTF8 (*bad, if not NULL, = offset of the first bad
 * sequence within the sample). Allocates nothing; reentrant. */
int kurz__identify(kurz__lidres *r, const char *text, size_t len, size_t *bad);

/* The same for a caller that checks the whole text for valid UTF-8 itself
 * (the summarizer, which does so next): the sample is not checked. Invalid
 * bytes are still safe to read (decoding never leaves the sample), and give
 * some result, not an error. */
void kurz__identify_unchecked(kurz__lidres *r, const char *text, size_t len);

/* The public result, allocated through m (kurz_identify uses the C
 * library's allocator; tests pass a failing one). */
int kurz__identify_alloc(const kurz__mem *m, kurz_langid **out, const char *text, size_t len);

/* Generated tables (langid-model.c). */
extern const char *const kurz__lid_class_code[KURZ__LID_NCLASSES];
extern const uint8_t kurz__lid_class_script[KURZ__LID_NCLASSES];
/* Per script: 1 + the class when it is the script's only class, else 0. */
extern const uint8_t kurz__lid_script_alone[KURZ__LID_NSCRIPTS];
extern const uint32_t kurz__lid_nslots;
/* Open addressing, load 0.5: {16-bit fingerprint (0 = empty slot), low
 * and high half of the postings word}. */
extern const uint16_t kurz__lid_slot[][3];
extern const uint16_t kurz__lid_posts[];
extern const uint8_t kurz__lid_class_local[KURZ__LID_NCLASSES]; /* place in its script */
extern const uint8_t kurz__lid_dense[][KURZ__LID_DENSE_WIDTH];
extern const uint8_t kurz__lid_unseen[KURZ__LID_NCLASSES][KURZ__LID_NORDERS];
extern const uint16_t kurz__lid_maxper[KURZ__LID_NCLASSES][KURZ__LID_NBUCKETS];
extern const uint8_t kurz__lid_minknown[KURZ__LID_NCLASSES][KURZ__LID_NBUCKETS];
extern const uint16_t kurz__lid_alpha_at[KURZ__LID_NCLASSES + 1];
extern const uint16_t kurz__lid_alpha[];
/* Per class, sorted: letters that count twice when foreign to it (the
 * marker letters of neighbours outside the list, and a neighbour's frequent
 * letters the class hardly ever uses: Estonian õ for Finnish). */
extern const uint16_t kurz__lid_strong_at[KURZ__LID_NCLASSES + 1];
extern const uint16_t kurz__lid_strong[];
/* Marker words of neighbours: {order-0 hash, mask of the classes they are
 * foreign to, mask of those where they are strong}, sorted by hash. */
extern const uint32_t kurz__lid_mword[][3];
extern const size_t kurz__lid_nmwords;
/* Bit (hash >> 7) % KURZ__LID_MBITS is set for every marker word's hash:
 * most words are turned away without a search. */
extern const uint32_t kurz__lid_mbits[KURZ__LID_MBITS / 32];

#endif
