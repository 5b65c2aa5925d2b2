/* SPDX-License-Identifier: MIT */
/* Private to libkurz (every symbol hidden, named kurz__*): one stage of
 * the pipeline. Each stage header includes the one before it, so a stage
 * sees the stages it builds on and none after it (see kurz-private.h). */
#ifndef KURZ_STEM_H
#define KURZ_STEM_H

#include "stopwords.h" /* the stages before this one */

/* ---- Stemming (stem.c: the only file that includes libstemmer.h) ------- */
typedef struct kurz__stemmer kurz__stemmer;
/* NULL on failure (unknown algorithm or no memory). */
kurz__stemmer *kurz__stemmer_new(const char *snowball_name);
/* 1 when this libstemmer has the algorithm (sb_stemmer_list()), else 0. */
int kurz__stem_has(const char *snowball_name);
void kurz__stemmer_free(kurz__stemmer *st);
/* Stems w[0..n); returns 0 with *out and *outlen borrowed until the next call,
 * or KURZ_ERR_NOMEM. Words longer than KURZ__STEM_MAX bytes, and every word
 * when st is NULL (the generic pipeline of "und"), are returned unchanged. */
#define KURZ__STEM_MAX 256
int kurz__stem(kurz__stemmer *st, const uint8_t *w, size_t n, const uint8_t **out,
               size_t *outlen);

#endif /* KURZ_STEM_H */
