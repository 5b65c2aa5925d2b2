/* SPDX-License-Identifier: MIT */
/* Invariants every successful kurz result must satisfy, checked through the
 * public API only. Header-only (static inline) so the libFuzzer targets in
 * tests/fuzz and the robustness tests share exactly the same checks.
 *
 * kc_check_summary() returns NULL when all is well, else a static
 * description of the first broken invariant (with details in kc_msg). */
#ifndef KURZ_CHECK_H
#define KURZ_CHECK_H

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "kurz.h"

/* Details of the last failure (not thread-safe; tests report from one thread). */
static char kc_msg[256];

static inline int kc_is_cont(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

static inline int kc_is_ascii_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

enum {
    KC_SPLIT = 1 /* the result came from kurz_split: every sentence, score 0 */
};

/* Checks sum (a successful result of kurz_summarize or kurz_split of
 * text[0..len)):
 *  - count <= document sentences; every i < count readable, count is not;
 *  - indices strictly increasing and < document sentences;
 *  - spans inside [0, len), start < end, strictly after the previous span,
 *    starting and ending on code-point boundaries, not starting or ending
 *    with ASCII white space, never covering a leading BOM;
 *  - scores finite (and exactly 0 with KC_SPLIT, where also count == doc
 *    sentences and index == i). */
static inline const char *kc_check_summary(const kurz_summary *sum, const char *text, size_t len,
                                           int flags)
{
    const unsigned char *t = (const unsigned char *)text;
    if (!sum) {
        snprintf(kc_msg, sizeof kc_msg, "NULL summary");
        return "NULL summary on success";
    }
    size_t n = kurz_summary_count(sum), doc = kurz_summary_document_sentences(sum);
    if (n > doc) {
        snprintf(kc_msg, sizeof kc_msg, "count %zu > document sentences %zu", n, doc);
        return "count > document sentences";
    }
    if ((flags & KC_SPLIT) && n != doc) {
        snprintf(kc_msg, sizeof kc_msg, "split: count %zu != document sentences %zu", n, doc);
        return "split count != document sentences";
    }
    size_t bom = len >= 3 && t[0] == 0xEF && t[1] == 0xBB && t[2] == 0xBF ? 3 : 0;
    size_t prev_end = 0, prev_index = 0;
    for (size_t i = 0; i < n; i++) {
        size_t index = SIZE_MAX, start = SIZE_MAX, end = SIZE_MAX;
        double score = NAN;
        int rc = kurz_summary_get(sum, i, &index, &start, &end, &score);
        if (rc != KURZ_OK) {
            snprintf(kc_msg, sizeof kc_msg, "get(%zu) of %zu = %d", i, n, rc);
            return "kurz_summary_get failed below count";
        }
        snprintf(kc_msg, sizeof kc_msg, "item %zu/%zu: index %zu span [%zu,%zu) score %.17g len %zu",
                 i, n, index, start, end, score, len);
        if (index >= doc)
            return "index >= document sentences";
        if (i > 0 && index <= prev_index)
            return "indices not strictly increasing";
        if ((flags & KC_SPLIT) && index != i)
            return "split: index != position";
        if (!(start < end))
            return "empty or reversed span";
        if (end > len)
            return "span past the end of the input";
        if (start < bom)
            return "span covers the byte-order mark";
        if (i > 0 && start < prev_end)
            return "spans overlap or are out of order";
        if (kc_is_cont(t[start]))
            return "span starts inside a code point";
        if (end < len && kc_is_cont(t[end]))
            return "span ends inside a code point";
        if (kc_is_ascii_space(t[start]) || kc_is_ascii_space(t[end - 1]))
            return "span not trimmed of white space";
        if (!isfinite(score))
            return "score not finite";
        if ((flags & KC_SPLIT) && score != 0.0)
            return "split: score != 0";
        prev_end = end;
        prev_index = index;
    }
    if (kurz_summary_get(sum, n, NULL, NULL, NULL, NULL) != KURZ_ERR_OUT_OF_RANGE) {
        snprintf(kc_msg, sizeof kc_msg, "get(count=%zu) did not fail", n);
        return "kurz_summary_get(count) != KURZ_ERR_OUT_OF_RANGE";
    }
    kc_msg[0] = 0;
    return NULL;
}

#endif /* KURZ_CHECK_H */
