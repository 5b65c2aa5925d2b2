/* SPDX-License-Identifier: MIT */
/* Helpers shared by the robustness tests and kurz-dump: a deterministic
 * generator of German-, French- and English-like text, result capture and
 * bitwise comparison, timing and the small-input switch. */
#ifndef ROBUST_COMMON_H
#define ROBUST_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "kurz.h"

enum { RC_DE = 0, RC_FR = 1, RC_EN = 2, RC_NLANG = 3 };

/* ISO code of a generator language. */
const char *rc_lang_code(int lang);

/* Generates about target bytes (whole sentences, at least one) of
 * newspaper-like text in lang, fully determined by seed: a heading line,
 * then paragraphs of 2..6 sentences separated by blank lines, with umlauts
 * and accents, abbreviations, numbers, quotes and elisions. Returns a
 * malloc'd buffer (NUL-terminated for convenience; the NUL is not counted)
 * and stores its length. Aborts when out of memory. */
char *rc_gen_text(int lang, uint32_t seed, size_t target, size_t *len);

/* A captured result: everything kurz_summary_get returns. */
typedef struct rc_item {
    size_t index, start, end;
    double score;
} rc_item;

typedef struct rc_result {
    int rc;
    size_t n, doc;
    rc_item *items; /* malloc'd */
} rc_result;

/* Captures sum (may be NULL: then n = doc = 0) with status rc. */
void rc_capture(rc_result *r, int rc, const kurz_summary *sum);
void rc_result_free(rc_result *r);
/* 1 when a and b are identical: status, counts, indices, spans, and the
 * scores bit for bit. */
int rc_result_equal(const rc_result *a, const rc_result *b);
/* Describes the first difference into buf (for failure messages). */
void rc_result_diff(const rc_result *a, const rc_result *b, char *buf, size_t cap);

/* Monotonic seconds. */
double rc_now(void);

/* 1 when inputs should be shrunk: KURZ_TEST_SMALL=1 in the environment,
 * or the process runs under valgrind (LD_PRELOAD names its preload). */
int rc_small(void);

/* n, or n / div (at least min) when rc_small(). */
size_t rc_scale(size_t n, size_t div, size_t min);

#endif /* ROBUST_COMMON_H */
