/* SPDX-License-Identifier: MIT */
/* Private to libkurz (every symbol hidden, named kurz__*): one stage of
 * the pipeline. Each stage header includes the one before it, so a stage
 * sees the stages it builds on and none after it (see kurz-private.h). */
#ifndef KURZ_BOILER_H
#define KURZ_BOILER_H

#include "rank.h" /* the stages before this one */

/* ---- Unit quality (boiler.c, boiler-scan.c, boiler-classify.c) ---------
 * Marks units that must not be selected while real sentences exist:
 * headings, bylines, datelines, navigation, share buttons, comment
 * headers. ok[i] = 1 for a real sentence. The keywords and phrases are
 * data/boiler/. */
typedef struct kurz__kwindex {
    /* bit set: some keyword of boiler/keywords starts with these 2 bytes */
    uint64_t first2[1024];
} kurz__kwindex;
/* Builds the keyword index (a summarizer keeps one; it never changes). */
void kurz__kw_init(kurz__kwindex *kw);
/* kw: an index from kurz__kw_init, or NULL to build one for this call. */
void kurz__eligible(const kurz__doc *d, const kurz__kwindex *kw, const char *text, size_t len,
                    uint8_t *ok);
/* The same with the reason for each unit: why[i] = R_OK (0) for a real
 * sentence, else one of boiler-impl.h's R_* (R_HEADING: a line of its own
 * without final punctuation). For key phrases (keyphrase.c), which keep
 * headings. */
void kurz__boiler_reasons(const kurz__doc *d, const kurz__kwindex *kw, const char *text,
                          size_t len, uint8_t *why);

#endif /* KURZ_BOILER_H */
