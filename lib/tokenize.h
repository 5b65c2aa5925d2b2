/* SPDX-License-Identifier: MIT */
/* Private to libkurz (every symbol hidden, named kurz__*): one stage of
 * the pipeline. Each stage header includes the one before it, so a stage
 * sees the stages it builds on and none after it (see kurz-private.h). */
#ifndef KURZ_TOKENIZE_H
#define KURZ_TOKENIZE_H

#include "segment.h" /* the stages before this one */

/* ---- Words (tokenize.c) ---------------------------------------------- */
typedef struct kurz__tokenizer {
    const kurz__mem *m;
    kurz__lang lang;
    const uint8_t *text;
    size_t pos, end;
    uint8_t *buf; /* normalised word (NFC + casefold), NUL-terminated */
    size_t buf_cap;
    int32_t *ubuf; /* scratch code points */
    size_t ubuf_cap;
} kurz__tokenizer;

void kurz__tok_init(kurz__tokenizer *t, const kurz__mem *m, kurz__lang lang);
void kurz__tok_free(kurz__tokenizer *t);
/* Starts on the bytes text[start..end) (valid UTF-8). */
void kurz__tok_reset(kurz__tokenizer *t, const char *text, size_t start, size_t end);
/* Zero bytes after every word kurz__tok_next returns (besides its NUL), so a
 * hash may read it eight bytes at a time. */
#define KURZ__WORD_PAD 8
/* Next word: 1 and *word and *wlen point at t->buf (valid until the next call,
 * followed by a NUL and KURZ__WORD_PAD zero bytes),
 * *wstart and *wend are its byte span in text (either may be NULL); 0 at the end;
 * KURZ_ERR_NOMEM. Words are runs of letters, digits and combining marks;
 * French elisions (l' d' qu' ... with ' or ’) are dropped, hyphens split. */
int kurz__tok_next(kurz__tokenizer *t, const uint8_t **word, size_t *wlen, size_t *wstart,
                   size_t *wend);

#endif /* KURZ_TOKENIZE_H */
