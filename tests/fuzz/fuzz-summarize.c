/* SPDX-License-Identifier: MIT */
/* libFuzzer target: kurz_summarize with fuzzed options (and allocation
 * failures).
 *
 * Input layout (missing header bytes count as 0):
 *   byte 0      language (fuzz_pick_lang); bit 7: make the text valid UTF-8
 *   byte 1      bit 0 algorithm TextRank, bit 1 strict, bit 2 boilerplate
 *               off, bits 3-4 budget (none, sentences, ratio, words),
 *               bit 5 raw option values (may be out of range), bit 6 set
 *               KURZ_OPT_MAX_INPUT_BYTES from bytes 12-13, bit 7 install a
 *               counting allocator that fails allocation number bytes 14-15
 *               (bit 15 of that: realloc_fn NULL)
 *   bytes 2-3   budget value            bytes 4-5   damping
 *   bytes 6-7   position                bytes 8-9   redundancy
 *   bytes 10-11 title                   (0xFFFF = keep the default)
 *   bytes 16..  the text
 * Values are little-endian; without "raw" they are reduced into the
 * option's bounds, with it they are taken as int16 (0x7FFF = INT_MAX) and
 * set_option must refuse exactly those outside kurz_option_bounds.
 * Checks: statuses agree with kurz_validate_utf8 and the size limit; every
 * result satisfies kc_check_summary; no more sentences than a sentence
 * budget; the chosen spans are exactly the split's sentences of the same
 * index; a second run on the same handle is identical (scores bit for
 * bit); after an injected allocation failure the status is NOMEM, the
 * handle recovers with the reference result and nothing leaks. */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "counting-alloc.h"
#include "fuzz-common.h"
#include "kurz-check.h"
#include "kurz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define HDR 16

/* ---- options ---------------------------------------------------------------- */
static unsigned u16(const uint8_t *h, int i)
{
    return (unsigned)h[i] | (unsigned)h[i + 1] << 8;
}

/* Sets o from the raw 16 bits; returns whether it was accepted. */
static int set_opt(kurz_summarizer *s, kurz_option o, unsigned raw16, int raw_mode)
{
    int mn, mx;
    FUZZ_CHECK(kurz_option_bounds(o, &mn, &mx) == KURZ_OK, "bounds(%d)", (int)o);
    int v;
    if (raw_mode) {
        v = raw16 == 0x7FFF ? INT_MAX : raw16 == 0x8000 ? INT_MIN : (int)(int16_t)raw16;
    } else {
        long range = (long)mx - (long)mn + 1;
        v = (int)((long)mn + (long)(raw16 % (unsigned long)range));
    }
    int before;
    FUZZ_CHECK(kurz_summarizer_get_option(s, o, &before) == KURZ_OK, "get(%d)", (int)o);
    int rc = kurz_summarizer_set_option(s, o, v);
    int after;
    kurz_summarizer_get_option(s, o, &after);
    if (v >= mn && v <= mx) {
        FUZZ_CHECK(rc == KURZ_OK, "set(%d, %d) = %d inside [%d, %d]", (int)o, v, rc, mn, mx);
        FUZZ_CHECK(after == v, "set(%d, %d) reads back %d", (int)o, v, after);
        return 1;
    }
    FUZZ_CHECK(rc == KURZ_ERR_OUT_OF_RANGE, "set(%d, %d) = %d outside [%d, %d]", (int)o, v, rc,
               mn, mx);
    FUZZ_CHECK(after == before, "refused set(%d, %d) changed the value", (int)o, v);
    return 0;
}

typedef struct fz_res {
    size_t n, doc;
    size_t *index, *start, *end;
    double *score;
} fz_res;

static void capture(fz_res *r, const kurz_summary *sum)
{
    r->n = kurz_summary_count(sum);
    r->doc = kurz_summary_document_sentences(sum);
    size_t k = r->n ? r->n : 1;
    r->index = malloc(k * sizeof *r->index);
    r->start = malloc(k * sizeof *r->start);
    r->end = malloc(k * sizeof *r->end);
    r->score = malloc(k * sizeof *r->score);
    FUZZ_CHECK(r->index && r->start && r->end && r->score, "out of memory");
    for (size_t i = 0; i < r->n; i++)
        kurz_summary_get(sum, i, &r->index[i], &r->start[i], &r->end[i], &r->score[i]);
}

static void release(fz_res *r)
{
    free(r->index);
    free(r->start);
    free(r->end);
    free(r->score);
}

static void same(const fz_res *a, const fz_res *b, const char *what)
{
    FUZZ_CHECK(a->n == b->n && a->doc == b->doc, "%s: %zu/%zu vs %zu/%zu", what, a->n, a->doc,
               b->n, b->doc);
    for (size_t i = 0; i < a->n; i++)
        FUZZ_CHECK(a->index[i] == b->index[i] && a->start[i] == b->start[i] &&
                       a->end[i] == b->end[i] &&
                       memcmp(&a->score[i], &b->score[i], sizeof(double)) == 0,
                   "%s: item %zu differs (%.17g vs %.17g)", what, i, a->score[i], b->score[i]);
}

static void configure(kurz_summarizer *s, const uint8_t *h, int *limit, int *sent_budget)
{
    int raw = (h[1] >> 5) & 1;
    set_opt(s, KURZ_OPT_ALGORITHM, h[1] & 1, 0);
    set_opt(s, KURZ_OPT_STRICT, (h[1] >> 1) & 1, 0);
    set_opt(s, KURZ_OPT_BOILERPLATE, !((h[1] >> 2) & 1), 0);
    static const kurz_option budgets[] = {KURZ_OPT_SENTENCES, KURZ_OPT_RATIO_PERMILLE,
                                          KURZ_OPT_WORDS};
    int bk = (h[1] >> 3) & 3;
    *sent_budget = 0;
    if (bk) {
        if (set_opt(s, budgets[bk - 1], u16(h, 2), raw) && bk == 1)
            kurz_summarizer_get_option(s, KURZ_OPT_SENTENCES, sent_budget);
    }
    static const kurz_option weights[] = {KURZ_OPT_DAMPING_PERMILLE, KURZ_OPT_POSITION_PERMILLE,
                                          KURZ_OPT_REDUNDANCY_PERMILLE,
                                          KURZ_OPT_TITLE_PERMILLE};
    for (int i = 0; i < 4; i++) {
        unsigned v = u16(h, 4 + 2 * i);
        if (v != 0xFFFF)
            set_opt(s, weights[i], v, raw);
    }
    *limit = -1;
    if ((h[1] >> 6) & 1) {
        set_opt(s, KURZ_OPT_MAX_INPUT_BYTES, u16(h, 12), 0);
        kurz_summarizer_get_option(s, KURZ_OPT_MAX_INPUT_BYTES, limit);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t h[HDR] = {0};
    size_t hn = size < HDR ? size : HDR;
    if (hn)
        memcpy(h, data, hn);
    size_t len = size - hn;
    char *text = fuzz_copy(data + hn, len);
    if (h[0] & 0x80)
        fuzz_repair_utf8(text, len);
    const char *lang = fuzz_pick_lang(h[0]);

    size_t bad = 0;
    int valid = kurz_validate_utf8(text, len, &bad);

    kurz_summarizer *s = NULL;
    FUZZ_CHECK(kurz_summarizer_new(&s, lang) == KURZ_OK, "new(%s)", lang);
    int limit, sent_budget;
    configure(s, h, &limit, &sent_budget);

    ca_alloc al;
    ca_init(&al);
    int failing = (h[1] >> 7) & 1;
    if (failing) {
        unsigned f = u16(h, 14);
        FUZZ_CHECK(kurz_summarizer_set_allocator(s, ca_malloc, (f & 0x8000) ? NULL : ca_realloc,
                                                 ca_free, &al) == KURZ_OK,
                   "set_allocator");
        al.fail_at = (long)(f & 0x7FFF);
    }

    kurz_summary *sum = (kurz_summary *)(uintptr_t)1;
    int rc = kurz_summarize(&sum, s, text, len);
    int too_large = limit >= 0 && len > (size_t)limit;
    if (rc != KURZ_OK)
        FUZZ_CHECK(sum == NULL, "*out not NULL after status %d", rc);

    if (too_large && valid != KURZ_OK) {
        FUZZ_CHECK(rc == KURZ_ERR_TOO_LARGE || rc == KURZ_ERR_INVALID_UTF8,
                   "status %d for too large and invalid input", rc);
    } else if (too_large) {
        FUZZ_CHECK(rc == KURZ_ERR_TOO_LARGE, "status %d for %zu bytes > limit %d", rc, len, limit);
    } else if (valid != KURZ_OK) {
        FUZZ_CHECK(rc == KURZ_ERR_INVALID_UTF8, "status %d on invalid UTF-8", rc);
        FUZZ_CHECK(kurz_summarizer_error_offset(s) == bad, "offset %zu, validate says %zu",
                   kurz_summarizer_error_offset(s), bad);
    } else if (rc == KURZ_ERR_NOMEM) {
        FUZZ_CHECK(al.failures > 0, "KURZ_ERR_NOMEM without a failed allocation");
    } else {
        FUZZ_CHECK(rc == KURZ_OK, "status %d on valid input", rc);
    }

    if (rc == KURZ_OK || rc == KURZ_ERR_NOMEM) {
        al.fail_at = 0; /* no more failures: the handle must recover */
        if (rc == KURZ_ERR_NOMEM) {
            sum = NULL;
            rc = kurz_summarize(&sum, s, text, len);
            FUZZ_CHECK(rc == KURZ_OK, "status %d after recovering from NOMEM", rc);
        }
        const char *err = kc_check_summary(sum, text, len, 0);
        FUZZ_CHECK(err == NULL, "%s (%s)", err, kc_msg);
        if (sent_budget > 0)
            FUZZ_CHECK(kurz_summary_count(sum) <= (size_t)sent_budget, "%zu sentences > budget %d",
                       kurz_summary_count(sum), sent_budget);
        fz_res first, again;
        capture(&first, sum);
        kurz_summary_free(sum);

        /* the same handle again: identical */
        sum = NULL;
        FUZZ_CHECK(kurz_summarize(&sum, s, text, len) == KURZ_OK, "second run failed");
        capture(&again, sum);
        kurz_summary_free(sum);
        same(&first, &again, "second run on the same handle");
        release(&again);

        /* a fresh handle with the default allocator: identical too */
        kurz_summarizer *f = NULL;
        FUZZ_CHECK(kurz_summarizer_new(&f, lang) == KURZ_OK, "new(%s)", lang);
        configure(f, h, &limit, &sent_budget);
        sum = NULL;
        FUZZ_CHECK(kurz_summarize(&sum, f, text, len) == KURZ_OK, "fresh run failed");
        capture(&again, sum);
        kurz_summary_free(sum);
        same(&first, &again, "fresh handle");
        release(&again);

        /* the chosen sentences are the split's sentences of the same index */
        sum = NULL;
        FUZZ_CHECK(kurz_split(&sum, f, text, len) == KURZ_OK, "split failed");
        capture(&again, sum);
        kurz_summary_free(sum);
        FUZZ_CHECK(again.doc == first.doc, "split sees %zu sentences, summarize %zu", again.doc,
                   first.doc);
        for (size_t i = 0; i < first.n; i++) {
            size_t k = first.index[i];
            FUZZ_CHECK(k < again.n && again.start[k] == first.start[i] &&
                           again.end[k] == first.end[i],
                       "summary sentence %zu [%zu,%zu) is not split sentence %zu", i,
                       first.start[i], first.end[i], k);
        }
        release(&again);
        release(&first);
        kurz_summarizer_free(f);
    }
    kurz_summarizer_free(s);
    FUZZ_CHECK(al.live == 0, "%ld blocks leaked through the allocator", al.live);
    free(text);
    return 0;
}
