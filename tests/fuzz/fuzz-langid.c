/* SPDX-License-Identifier: MIT */
/* libFuzzer target: kurz_identify.
 *
 * Input: byte 0 with bit 7 set turns the rest into valid UTF-8 first;
 * bytes 1.. are the text.
 * Checks: on input within the sample size the status agrees with
 * kurz_validate_utf8; on success the language is "und" or one of
 * kurz_languages(), the confidence is in [0, 1] (0 for "und"), the
 * candidates are ranked with scores in [0, 1] summing to 1, the bytes read
 * are at most the input and 32 KiB; a second call gives the same result. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-common.h"
#include "kurz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int listed(const char *lang)
{
    const char *const *codes = kurz_languages();
    for (size_t i = 0; codes[i]; i++)
        if (strcmp(codes[i], lang) == 0)
            return 1;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    size_t len = size - 1;
    char *text = fuzz_copy(data + 1, len);
    if (!len)
        text[0] = 0; /* the byte fuzz_copy allocates for empty input: never read */
    if (data[0] & 0x80)
        fuzz_repair_utf8(text, len);

    kurz_langid *r = NULL;
    int rc = kurz_identify(&r, text, len);
    if (len <= 32768) {
        size_t bad = 0;
        int valid = kurz_validate_utf8(text, len, &bad);
        FUZZ_CHECK(rc == (valid == KURZ_OK ? KURZ_OK : KURZ_ERR_INVALID_UTF8),
                   "identify = %d, validate = %d", rc, valid);
    }
    if (rc != KURZ_OK) {
        FUZZ_CHECK(rc == KURZ_ERR_INVALID_UTF8, "identify = %d", rc);
        FUZZ_CHECK(r == NULL, "*out set on failure");
        free(text);
        return 0;
    }
    const char *lang = kurz_langid_language(r);
    double conf = kurz_langid_confidence(r);
    FUZZ_CHECK(strcmp(lang, "und") == 0 || listed(lang), "language %s", lang);
    FUZZ_CHECK(conf >= 0 && conf <= 1, "confidence %g", conf);
    FUZZ_CHECK(strcmp(lang, "und") != 0 || conf == 0, "und with confidence %g", conf);
    FUZZ_CHECK(kurz_langid_examined(r) <= len && kurz_langid_examined(r) <= 32768,
               "read %zu of %zu bytes", kurz_langid_examined(r), len);
    size_t n = kurz_langid_count(r);
    double sum = 0, prev = 2;
    for (size_t i = 0; i < n; i++) {
        const char *c = NULL;
        double s = -1;
        FUZZ_CHECK(kurz_langid_get(r, i, &c, &s) == KURZ_OK, "get(%zu)", i);
        FUZZ_CHECK(c && listed(c), "candidate %zu", i);
        FUZZ_CHECK(s >= 0 && s <= 1 && s <= prev, "candidate %zu score %g after %g", i, s, prev);
        prev = s;
        sum += s;
    }
    FUZZ_CHECK(n == 0 || fabs(sum - 1) < 1e-9, "scores sum to %g", sum);
    FUZZ_CHECK(kurz_langid_get(r, n, NULL, NULL) == KURZ_ERR_OUT_OF_RANGE, "get(count)");

    kurz_langid *again = NULL;
    FUZZ_CHECK(kurz_identify(&again, text, len) == KURZ_OK, "second call failed");
    FUZZ_CHECK(strcmp(kurz_langid_language(again), lang) == 0 &&
                   kurz_langid_confidence(again) == conf && kurz_langid_count(again) == n,
               "second call differs");
    kurz_langid_free(again);
    kurz_langid_free(r);
    free(text);
    return 0;
}
