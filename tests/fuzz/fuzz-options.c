/* SPDX-License-Identifier: MIT */
/* libFuzzer target: sequences of option calls, summaries and splits on one
 * summarizer: kurz_summarizer_set_option / get_option / kurz_option_bounds
 * with known and unknown option ids and extreme values, between calls of
 * kurz_summarize and kurz_split.
 *
 * Input layout (missing bytes count as 0):
 *   byte 0      language (fuzz_pick_lang); bit 7: make the text valid UTF-8
 *   byte 1      number of operations N
 *   then N operations of 5 bytes: an opcode byte k and a 32-bit
 *   little-endian argument a, then the text (when empty: a built-in German
 *   text of a few sentences).
 *   k & 7 = 0-2  set a known option (k >> 3 picks it) to value(a)
 *           3    set option id a (an unknown one; a known id is remapped
 *                to an unknown one) to value(a >> 8)
 *           4    get option id a                 5  summarize
 *           6    split                           7  bounds of option id a
 *   value(a): a & 7 = 0 the int32 a >> 3 as is, 1 min, 2 max, 3 min - 1,
 *   4 max + 1, 5 INT_MIN, 6 INT_MAX, 7 a value inside the bounds.
 * The known options are the ids kurz_option_bounds accepts (scanned once).
 * Checks: set_option accepts exactly the values inside kurz_option_bounds
 * and reads them back; a refused value (KURZ_ERR_OUT_OF_RANGE) or an
 * unknown id (KURZ_ERR_INVALID_ARG, also for get and bounds, which leave
 * their out parameters alone) changes no option at all; an accepted
 * non-zero budget clears the other two budgets and changes nothing else;
 * the status of summarize/split follows the size limit and UTF-8
 * validity; and every result equals, bit for bit, that of a fresh
 * summarizer given only the options' current values -- so nothing refused
 * left a trace in the handle. */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-common.h"
#include "kurz-check.h"
#include "kurz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_KNOWN 64
#define SCAN_LIMIT 1024 /* option ids 0..SCAN_LIMIT-1 are probed once */
#define MAX_RUNS 4      /* summaries/splits per input: each builds a fresh handle */

static int nknown = -1;
static int known[MAX_KNOWN], kmin[MAX_KNOWN], kmax[MAX_KNOWN];

static const char sample[] =
    "Der Gemeinderat hat am Dienstag einen neuen Radweg beschlossen. Die Strecke "
    "soll im Frühjahr gebaut werden. Anwohner hatten den Weg seit Jahren gefordert. "
    "Die Kosten trägt zum größten Teil das Land. Der Bürgermeister sprach von einem "
    "guten Tag für die Gemeinde. Kritik kam nur von zwei Landwirten.";

static void scan_options(void)
{
    if (nknown >= 0)
        return;
    nknown = 0;
    for (int id = 0; id < SCAN_LIMIT; id++) {
        int mn = 12345, mx = 12345;
        int rc = kurz_option_bounds((kurz_option)id, &mn, &mx);
        if (rc == KURZ_OK) {
            FUZZ_CHECK(nknown < MAX_KNOWN, "more than %d options", MAX_KNOWN);
            FUZZ_CHECK(mn <= mx, "bounds of %d: [%d, %d]", id, mn, mx);
            known[nknown] = id;
            kmin[nknown] = mn;
            kmax[nknown] = mx;
            nknown++;
        } else {
            FUZZ_CHECK(rc == KURZ_ERR_INVALID_ARG, "bounds(%d) = %d", id, rc);
            FUZZ_CHECK(mn == 12345 && mx == 12345, "bounds(%d) failed but wrote", id);
        }
    }
    FUZZ_CHECK(nknown > 0, "no option known");
}

static int known_index(long id)
{
    for (int i = 0; i < nknown; i++)
        if (known[i] == id)
            return i;
    return -1;
}

static int is_budget(int id)
{
    return id == KURZ_OPT_SENTENCES || id == KURZ_OPT_RATIO_PERMILLE || id == KURZ_OPT_WORDS;
}

static uint32_t u32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static int value_of(uint32_t a, int mn, int mx)
{
    switch (a & 7) {
    case 0:
        return (int)(int32_t)a >> 3;
    case 1:
        return mn;
    case 2:
        return mx;
    case 3:
        return mn > INT_MIN ? mn - 1 : INT_MIN;
    case 4:
        return mx < INT_MAX ? mx + 1 : INT_MAX;
    case 5:
        return INT_MIN;
    case 6:
        return INT_MAX;
    default: {
        unsigned long range = (unsigned long)((long)mx - (long)mn) + 1;
        return (int)((long)mn + (long)((a >> 3) % range));
    }
    }
}

/* The current value of every known option, read through the API. */
static void read_all(const kurz_summarizer *s, int *v)
{
    for (int i = 0; i < nknown; i++) {
        v[i] = INT_MIN;
        FUZZ_CHECK(kurz_summarizer_get_option(s, (kurz_option)known[i], &v[i]) == KURZ_OK,
                   "get(%d)", known[i]);
        FUZZ_CHECK(v[i] >= kmin[i] && v[i] <= kmax[i], "option %d = %d outside [%d, %d]",
                   known[i], v[i], kmin[i], kmax[i]);
    }
}

static void same_options(const kurz_summarizer *s, const int *expect, const char *what)
{
    int now[MAX_KNOWN];
    read_all(s, now);
    for (int i = 0; i < nknown; i++)
        FUZZ_CHECK(now[i] == expect[i], "%s: option %d is %d, expected %d", what, known[i],
                   now[i], expect[i]);
}

/* The result of a summarize or split call, to compare two of them. */
typedef struct res {
    int rc;
    size_t n, doc, err_off;
    size_t *v; /* index, start, end per item */
    double *score;
} res;

static res run(kurz_summarizer *s, int split, const char *text, size_t len)
{
    res r = {0};
    kurz_summary *sum = (kurz_summary *)(uintptr_t)1;
    r.rc = split ? kurz_split(&sum, s, text, len) : kurz_summarize(&sum, s, text, len);
    if (r.rc != KURZ_OK) {
        FUZZ_CHECK(sum == NULL, "*out not NULL after status %d", r.rc);
        if (r.rc == KURZ_ERR_INVALID_UTF8)
            r.err_off = kurz_summarizer_error_offset(s);
        return r;
    }
    const char *err = kc_check_summary(sum, text, len, split ? KC_SPLIT : 0);
    FUZZ_CHECK(err == NULL, "%s (%s)", err, kc_msg);
    r.n = kurz_summary_count(sum);
    r.doc = kurz_summary_document_sentences(sum);
    r.v = malloc((r.n ? r.n : 1) * 3 * sizeof *r.v);
    r.score = malloc((r.n ? r.n : 1) * sizeof *r.score);
    FUZZ_CHECK(r.v && r.score, "out of memory");
    for (size_t i = 0; i < r.n; i++)
        FUZZ_CHECK(kurz_summary_get(sum, i, &r.v[3 * i], &r.v[3 * i + 1], &r.v[3 * i + 2],
                                    &r.score[i]) == KURZ_OK,
                   "get(%zu)", i);
    kurz_summary_free(sum);
    return r;
}

static void same_result(const res *a, const res *b)
{
    FUZZ_CHECK(a->rc == b->rc, "status %d, a fresh summarizer says %d", a->rc, b->rc);
    FUZZ_CHECK(a->err_off == b->err_off, "error offset %zu vs %zu", a->err_off, b->err_off);
    FUZZ_CHECK(a->n == b->n && a->doc == b->doc, "%zu of %zu sentences, fresh: %zu of %zu",
               a->n, a->doc, b->n, b->doc);
    for (size_t i = 0; i < a->n; i++) {
        FUZZ_CHECK(memcmp(&a->v[3 * i], &b->v[3 * i], 3 * sizeof *a->v) == 0,
                   "item %zu differs from a fresh summarizer's", i);
        FUZZ_CHECK(memcmp(&a->score[i], &b->score[i], sizeof(double)) == 0,
                   "score %zu: %.17g, fresh %.17g", i, a->score[i], b->score[i]);
    }
}

static void release(res *r)
{
    free(r->v);
    free(r->score);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    scan_options();
    uint8_t h0 = size > 0 ? data[0] : 0;
    size_t nops = size > 1 ? data[1] : 0;
    size_t pos = size < 2 ? size : 2;
    if (nops > (size - pos) / 5)
        nops = (size - pos) / 5;
    const uint8_t *ops = data + pos;
    pos += 5 * nops;
    size_t len = size - pos;
    char *text = len ? fuzz_copy(data + pos, len) : fuzz_copy((const uint8_t *)sample,
                                                               sizeof sample - 1);
    if (!len)
        len = sizeof sample - 1;
    else if (h0 & 0x80)
        fuzz_repair_utf8(text, len);
    const char *lang = fuzz_pick_lang(h0 & 0x7F);

    kurz_summarizer *s = NULL;
    FUZZ_CHECK(kurz_summarizer_new(&s, lang) == KURZ_OK, "new(%s)", lang);
    int cur[MAX_KNOWN];
    read_all(s, cur);
    int runs = 0;

    for (size_t k = 0; k < nops; k++) {
        uint8_t op = ops[5 * k];
        uint32_t a = u32(ops + 5 * k + 1);
        int kind = op & 7;
        if (kind <= 3) {
            int i, id, v;
            if (kind < 3) {
                i = (op >> 3) % nknown;
                id = known[i];
                v = value_of(a, kmin[i], kmax[i]);
            } else {
                i = -1;
                id = (int)(int32_t)a;
                if (known_index(id) >= 0) /* make it unknown */
                    id = -1 - id;
                v = value_of(a >> 8, INT_MIN + 1, INT_MAX - 1);
            }
            int rc = kurz_summarizer_set_option(s, (kurz_option)id, v);
            if (i < 0) {
                FUZZ_CHECK(rc == KURZ_ERR_INVALID_ARG, "set(unknown %d, %d) = %d", id, v, rc);
                same_options(s, cur, "after setting an unknown option");
            } else if (v < kmin[i] || v > kmax[i]) {
                FUZZ_CHECK(rc == KURZ_ERR_OUT_OF_RANGE, "set(%d, %d) = %d outside [%d, %d]", id,
                           v, rc, kmin[i], kmax[i]);
                same_options(s, cur, "after a refused value");
            } else {
                FUZZ_CHECK(rc == KURZ_OK, "set(%d, %d) = %d inside [%d, %d]", id, v, rc,
                           kmin[i], kmax[i]);
                int expect[MAX_KNOWN];
                memcpy(expect, cur, sizeof expect);
                expect[i] = v;
                if (v != 0 && is_budget(id))
                    for (int j = 0; j < nknown; j++)
                        if (j != i && is_budget(known[j]))
                            expect[j] = 0;
                same_options(s, expect, "after an accepted value");
                memcpy(cur, expect, sizeof cur);
            }
        } else if (kind == 4) {
            int id = (int)(int32_t)a, v = 0x5eed;
            int rc = kurz_summarizer_get_option(s, (kurz_option)id, &v);
            int i = known_index(id);
            if (i >= 0)
                FUZZ_CHECK(rc == KURZ_OK && v == cur[i], "get(%d) = %d, %d; expected %d", id,
                           rc, v, cur[i]);
            else
                FUZZ_CHECK(rc == KURZ_ERR_INVALID_ARG && v == 0x5eed,
                           "get(unknown %d) = %d, wrote %d", id, rc, v);
        } else if (kind == 7) {
            int id = (int)(int32_t)a, mn = 0x5eed, mx = 0x5eed;
            int rc = kurz_option_bounds((kurz_option)id, &mn, &mx);
            int i = known_index(id);
            if (i >= 0)
                FUZZ_CHECK(rc == KURZ_OK && mn == kmin[i] && mx == kmax[i],
                           "bounds(%d) changed", id);
            else
                FUZZ_CHECK(rc == KURZ_ERR_INVALID_ARG && mn == 0x5eed && mx == 0x5eed,
                           "bounds(unknown %d) = %d", id, rc);
        } else if (runs < MAX_RUNS) {
            runs++;
            int split = kind == 6;
            res mine = run(s, split, text, len);
            int limit = cur[known_index(KURZ_OPT_MAX_INPUT_BYTES)];
            size_t bad;
            int valid = kurz_validate_utf8(text, len, &bad);
            if (len > (size_t)limit)
                FUZZ_CHECK(mine.rc == KURZ_ERR_TOO_LARGE, "%zu bytes over the limit %d: status %d", len, limit, mine.rc);
            else if (valid != KURZ_OK)
                FUZZ_CHECK(mine.rc == KURZ_ERR_INVALID_UTF8 && mine.err_off == bad,
                           "invalid UTF-8 at %zu: status %d, offset %zu", bad, mine.rc,
                           mine.err_off);
            else
                FUZZ_CHECK(mine.rc == KURZ_OK, "status %d on valid input", mine.rc);
            same_options(s, cur, split ? "after a split" : "after a summary");

            /* a fresh summarizer told only the current values */
            kurz_summarizer *f = NULL;
            FUZZ_CHECK(kurz_summarizer_new(&f, lang) == KURZ_OK, "new(%s)", lang);
            for (int i = 0; i < nknown; i++)
                FUZZ_CHECK(kurz_summarizer_set_option(f, (kurz_option)known[i], cur[i]) ==
                               KURZ_OK,
                           "fresh set(%d, %d)", known[i], cur[i]);
            same_options(f, cur, "a fresh summarizer");
            res fresh = run(f, split, text, len);
            same_result(&mine, &fresh);
            release(&fresh);
            release(&mine);
            kurz_summarizer_free(f);
        }
    }
    kurz_summarizer_free(s);
    free(text);
    return 0;
}
