/* SPDX-License-Identifier: MIT */
/* libFuzzer target: kurz_split.
 *
 * Input: byte 0 picks the language (see fuzz_pick_lang) and, with bit 7
 * set, turns the rest into valid UTF-8 first; bytes 1.. are the text.
 * Checks: the status agrees with kurz_validate_utf8 (same error offset);
 * every result satisfies kc_check_summary (spans inside the input,
 * non-empty, increasing, on code-point boundaries, trimmed; every sentence
 * with score 0); a second split on the same handle gives the same spans. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-common.h"
#include "kurz-check.h"
#include "kurz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const char *lang = fuzz_pick_lang(data[0]);
    size_t len = size - 1;
    char *text = fuzz_copy(data + 1, len);
    if (data[0] & 0x80)
        fuzz_repair_utf8(text, len);

    size_t bad = 0;
    int valid = kurz_validate_utf8(text, len, &bad);
    FUZZ_CHECK(valid == KURZ_OK || valid == KURZ_ERR_INVALID_UTF8, "validate = %d", valid);

    kurz_summarizer *s = NULL;
    FUZZ_CHECK(kurz_summarizer_new(&s, lang) == KURZ_OK, "new(%s)", lang);
    kurz_summary *sum = NULL;
    int rc = kurz_split(&sum, s, text, len);
    if (valid != KURZ_OK) {
        FUZZ_CHECK(rc == KURZ_ERR_INVALID_UTF8, "split = %d on invalid UTF-8", rc);
        FUZZ_CHECK(sum == NULL, "*out set on failure");
        FUZZ_CHECK(kurz_summarizer_error_offset(s) == bad, "offset %zu, validate says %zu",
                   kurz_summarizer_error_offset(s), bad);
    } else {
        FUZZ_CHECK(rc == KURZ_OK, "split = %d on valid UTF-8", rc);
        const char *err = kc_check_summary(sum, text, len, KC_SPLIT);
        FUZZ_CHECK(err == NULL, "%s (%s)", err, kc_msg);
        kurz_summary *again = NULL;
        FUZZ_CHECK(kurz_split(&again, s, text, len) == KURZ_OK, "second split failed");
        size_t n = kurz_summary_count(sum);
        FUZZ_CHECK(kurz_summary_count(again) == n, "second split: %zu sentences, first %zu",
                   kurz_summary_count(again), n);
        for (size_t i = 0; i < n; i++) {
            size_t a0, a1, b0, b1;
            kurz_summary_get(sum, i, NULL, &a0, &a1, NULL);
            kurz_summary_get(again, i, NULL, &b0, &b1, NULL);
            FUZZ_CHECK(a0 == b0 && a1 == b1, "second split differs at %zu", i);
        }
        kurz_summary_free(again);
    }
    kurz_summary_free(sum);
    kurz_summarizer_free(s);
    free(text);
    return 0;
}
