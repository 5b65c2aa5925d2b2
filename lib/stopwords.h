/* SPDX-License-Identifier: MIT */
/* Private to libkurz (every symbol hidden, named kurz__*): one stage of
 * the pipeline. Each stage header includes the one before it, so a stage
 * sees the stages it builds on and none after it (see kurz-private.h). */
#ifndef KURZ_STOPWORDS_H
#define KURZ_STOPWORDS_H

#include "tokenize.h" /* the stages before this one */

/* ---- Stop words (stopwords.c) ------------------------------------------ */
/* 1 when the normalised word w[0..n) is a stop word of lang. */
int kurz__is_stopword(kurz__lang lang, const uint8_t *w, size_t n);

#endif /* KURZ_STOPWORDS_H */
