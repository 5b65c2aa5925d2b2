/* SPDX-License-Identifier: MIT */
/* libFuzzer target: kurz_keyphrases_extract with fuzzed options (and
 * allocation failures).
 *
 * Input layout (missing header bytes count as 0):
 *   byte 0      language (fuzz_pick_lang); bit 7: make the text valid UTF-8
 *   byte 1      bit 0 install a counting allocator that fails allocation
 *               number bytes 6-7 (bit 15 of that: realloc_fn NULL);
 *               bit 1 raw option values (may be out of range);
 *               bit 2 KURZ_OPT_BOILERPLATE 0 (every sentence is read)
 *   bytes 2-3   KURZ_OPT_KEYPHRASES    bytes 4-5 KURZ_OPT_KEYPHRASE_MAX_WORDS
 *               (0xFFFF = keep the default)
 *   bytes 8..   the text
 * Checks: statuses agree with kurz_validate_utf8; *out is NULL on failure;
 * every phrase has non-empty valid UTF-8 text of the stated length without
 * white space at its edges, a span [start, end) inside the text on code
 * point boundaries without a line end, a count >= 1, scores that never
 * increase, no two phrases with the same text; no more phrases than the
 * budget; a second run on the same handle and a run on a fresh handle are
 * identical (scores bit for bit); after an injected allocation failure the
 * status is NOMEM, the handle recovers and nothing leaks. */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "counting-alloc.h"
#include "fuzz-common.h"
#include "kurz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define HDR 8

static unsigned u16(const uint8_t *h, int i)
{
    return (unsigned)h[i] | (unsigned)h[i + 1] << 8;
}

static void set_opt(kurz_summarizer *s, kurz_option o, unsigned raw16, int raw)
{
    if (raw16 == 0xFFFF)
        return;
    int mn, mx;
    FUZZ_CHECK(kurz_option_bounds(o, &mn, &mx) == KURZ_OK, "bounds(%d)", (int)o);
    int v = raw ? (int)(int16_t)raw16 : (int)((long)mn + (long)(raw16 % (unsigned)(mx - mn + 1)));
    int before, after;
    kurz_summarizer_get_option(s, o, &before);
    int rc = kurz_summarizer_set_option(s, o, v);
    kurz_summarizer_get_option(s, o, &after);
    if (v >= mn && v <= mx)
        FUZZ_CHECK(rc == KURZ_OK && after == v, "set(%d, %d) = %d", (int)o, v, rc);
    else
        FUZZ_CHECK(rc == KURZ_ERR_OUT_OF_RANGE && after == before, "set(%d, %d) = %d", (int)o,
                   v, rc);
}

static int boundary(const char *t, size_t len, size_t i)
{
    return i == len || ((unsigned char)t[i] & 0xC0) != 0x80;
}

static void check(const kurz_keyphrases *k, const char *text, size_t len, int budget)
{
    size_t n = kurz_keyphrases_count(k);
    FUZZ_CHECK(n <= (size_t)budget, "%zu phrases > budget %d", n, budget);
    double prev = 0;
    for (size_t i = 0; i < n; i++) {
        const char *t;
        size_t tl, count, start, end;
        double score;
        FUZZ_CHECK(kurz_keyphrases_get(k, i, &t, &tl, &score, &count, &start, &end) == KURZ_OK,
                   "get(%zu)", i);
        FUZZ_CHECK(t && tl > 0 && strlen(t) == tl, "phrase %zu: text length", i);
        FUZZ_CHECK(kurz_validate_utf8(t, tl, NULL) == KURZ_OK, "phrase %zu: bad UTF-8", i);
        FUZZ_CHECK(t[0] != ' ' && t[tl - 1] != ' ', "phrase %zu: white space at an edge", i);
        FUZZ_CHECK(start < end && end <= len, "phrase %zu: span [%zu, %zu) of %zu", i, start,
                   end, len);
        FUZZ_CHECK(boundary(text, len, start) && boundary(text, len, end),
                   "phrase %zu: span not on code points", i);
        FUZZ_CHECK(!memchr(text + start, '\n', end - start), "phrase %zu: spans a line end", i);
        FUZZ_CHECK(count >= 1, "phrase %zu: count 0", i);
        FUZZ_CHECK(i == 0 || score <= prev, "phrase %zu: score rises", i);
        prev = score;
        for (size_t j = 0; j < i; j++) {
            const char *u;
            size_t ul;
            kurz_keyphrases_get(k, j, &u, &ul, NULL, NULL, NULL, NULL);
            FUZZ_CHECK(ul != tl || memcmp(u, t, tl), "phrases %zu and %zu are equal", j, i);
        }
    }
    FUZZ_CHECK(kurz_keyphrases_get(k, n, NULL, NULL, NULL, NULL, NULL, NULL) ==
                   KURZ_ERR_OUT_OF_RANGE,
               "get(count) not refused");
}

static void same(const kurz_keyphrases *a, const kurz_keyphrases *b, const char *what)
{
    size_t n = kurz_keyphrases_count(a);
    FUZZ_CHECK(n == kurz_keyphrases_count(b), "%s: %zu vs %zu phrases", what, n,
               kurz_keyphrases_count(b));
    for (size_t i = 0; i < n; i++) {
        const char *t, *u;
        size_t tl, ul, c1, c2, s1, s2, e1, e2;
        double x, y;
        kurz_keyphrases_get(a, i, &t, &tl, &x, &c1, &s1, &e1);
        kurz_keyphrases_get(b, i, &u, &ul, &y, &c2, &s2, &e2);
        FUZZ_CHECK(tl == ul && !memcmp(t, u, tl) && c1 == c2 && s1 == s2 && e1 == e2 &&
                       !memcmp(&x, &y, sizeof x),
                   "%s: phrase %zu differs", what, i);
    }
}

static void configure(kurz_summarizer *s, const uint8_t *h)
{
    int raw = (h[1] >> 1) & 1;
    set_opt(s, KURZ_OPT_KEYPHRASES, u16(h, 2), raw);
    set_opt(s, KURZ_OPT_KEYPHRASE_MAX_WORDS, u16(h, 4), raw);
    if (h[1] & 4)
        FUZZ_CHECK(kurz_summarizer_set_option(s, KURZ_OPT_BOILERPLATE, 0) == KURZ_OK,
                   "set(BOILERPLATE, 0)");
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
    configure(s, h);
    int budget;
    kurz_summarizer_get_option(s, KURZ_OPT_KEYPHRASES, &budget);

    ca_alloc al;
    ca_init(&al);
    if (h[1] & 1) {
        unsigned f = u16(h, 6);
        FUZZ_CHECK(kurz_summarizer_set_allocator(s, ca_malloc, (f & 0x8000) ? NULL : ca_realloc,
                                                 ca_free, &al) == KURZ_OK,
                   "set_allocator");
        al.fail_at = (long)(f & 0x7FFF);
    }

    kurz_keyphrases *k = (kurz_keyphrases *)(uintptr_t)1;
    int rc = kurz_keyphrases_extract(&k, s, text, len);
    if (rc != KURZ_OK)
        FUZZ_CHECK(k == NULL, "*out not NULL after status %d", rc);
    if (valid != KURZ_OK) {
        FUZZ_CHECK(rc == KURZ_ERR_INVALID_UTF8, "status %d on invalid UTF-8", rc);
        FUZZ_CHECK(kurz_summarizer_error_offset(s) == bad, "offset %zu, validate says %zu",
                   kurz_summarizer_error_offset(s), bad);
    } else if (rc == KURZ_ERR_NOMEM) {
        FUZZ_CHECK(al.failures > 0, "KURZ_ERR_NOMEM without a failed allocation");
        FUZZ_CHECK(al.live == 0, "%ld blocks held after NOMEM", al.live);
        al.fail_at = 0;
        rc = kurz_keyphrases_extract(&k, s, text, len);
        FUZZ_CHECK(rc == KURZ_OK, "status %d after recovering from NOMEM", rc);
    } else {
        FUZZ_CHECK(rc == KURZ_OK, "status %d on valid input", rc);
    }

    if (rc == KURZ_OK) {
        al.fail_at = 0; /* no more failures for the runs that compare */
        check(k, text, len, budget);
        kurz_keyphrases *again = NULL;
        FUZZ_CHECK(kurz_keyphrases_extract(&again, s, text, len) == KURZ_OK, "second run");
        same(k, again, "second run on the same handle");
        kurz_keyphrases_free(again);
        kurz_summarizer *f = NULL;
        FUZZ_CHECK(kurz_summarizer_new(&f, lang) == KURZ_OK, "new(%s)", lang);
        configure(f, h);
        again = NULL;
        FUZZ_CHECK(kurz_keyphrases_extract(&again, f, text, len) == KURZ_OK, "fresh run");
        same(k, again, "fresh handle");
        kurz_keyphrases_free(again);
        kurz_summarizer_free(f);
        kurz_keyphrases_free(k);
    }
    kurz_summarizer_free(s);
    FUZZ_CHECK(al.live == 0, "%ld blocks leaked through the allocator", al.live);
    free(text);
    return 0;
}
