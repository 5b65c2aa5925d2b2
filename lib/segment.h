/* SPDX-License-Identifier: MIT */
/* Private to libkurz (every symbol hidden, named kurz__*): one stage of
 * the pipeline. Each stage header includes the one before it, so a stage
 * sees the stages it builds on and none after it (see kurz-private.h). */
#ifndef KURZ_SEGMENT_H
#define KURZ_SEGMENT_H

#include "utf8.h" /* the stages before this one */

/* ---- Sentence segmentation (segment.c, sterm-table.h; data/abbrev, function,
 * starter, ordinal-*, terminal, quotes) */
enum {
    KURZ__S_PARA_START = 1u << 0, /* first unit of a paragraph (after a blank line or at start) */
    KURZ__S_LINE = 1u << 1,       /* ended by a line break without final punctuation:
                                     a heading, dateline, byline, list item */
    KURZ__S_TERMINATED = 1u << 2  /* ends with . ! ? … (possibly followed by quotes/brackets) */
};

typedef struct kurz__sent {
    size_t start, end; /* byte span [start, end) in the input, trimmed of white space */
    uint32_t para;     /* paragraph number, 0-based */
    uint32_t flags;    /* KURZ__S_* */
} kurz__sent;

typedef struct kurz__sentvec {
    kurz__sent *v;
    size_t n, cap;
} kurz__sentvec;

/* Splits valid UTF-8 text[0..len) into sentences, appending to out (which
 * the caller initialised to zero and frees with kurz__free(m, out->v)).
 * A leading BOM is skipped; CR and CRLF are line ends. Spans are non-empty,
 * trimmed, non-overlapping, in order. Returns 0 or KURZ_ERR_NOMEM. */
int kurz__segment(const kurz__mem *m, kurz__lang lang, const char *text, size_t len,
                  kurz__sentvec *out);

#endif /* KURZ_SEGMENT_H */
