/* SPDX-License-Identifier: MIT */
/* Private to libkurz (every symbol hidden, named kurz__*): one stage of
 * the pipeline. Each stage header includes the one before it, so a stage
 * sees the stages it builds on and none after it (see kurz-private.h). */
#ifndef KURZ_UTF8_H
#define KURZ_UTF8_H

#include "wordlist.h" /* the stages before this one */

/* ---- UTF-8 (utf8.c) -------------------------------------------------- */
/* Returns 1 when text[0..len) is valid; else 0 and *bad = offset. */
int kurz__utf8_valid(const uint8_t *text, size_t len, size_t *bad);
/* Decodes one code point of valid UTF-8 at s[0..n); returns its length
 * (1..4) and stores the code point. n must be >= 1. */
size_t kurz__utf8_decode(const uint8_t *s, size_t n, int32_t *cp);
/* A character of a word as a reader (and ROUGE's \w) counts it: letters,
 * marks, digits, other numbers and connector punctuation such as '_'. */
int kurz__is_word_cp(int32_t cp);
/* The words of valid UTF-8 s[start..end) as a reader counts them: runs of
 * kurz__is_word_cp characters (the document model's and the key phrases'
 * word counts). */
uint32_t kurz__count_words(const uint8_t *s, size_t start, size_t end);
/* What a byte is, for the scanners' ASCII fast paths: an ASCII letter or
 * digit, '_', or the lead byte of a multi-byte sequence (0xC0..0xFF).
 * Continuation bytes and all other ASCII are 0. */
enum { KURZ__B_ALNUM = 1, KURZ__B_LEAD = 2, KURZ__B_UNDER = 4 };
extern const uint8_t kurz__byte_class[256];
/* An ASCII word character (kurz__is_word_cp's ASCII part): [A-Za-z0-9_]. */
static inline int kurz__ascii_word(uint8_t c)
{
    return (kurz__byte_class[c] & (KURZ__B_ALNUM | KURZ__B_UNDER)) != 0;
}

#endif /* KURZ_UTF8_H */
