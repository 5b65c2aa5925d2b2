/* SPDX-License-Identifier: MIT */
/* Allocation failure, through the public API only.
 *
 * A counting allocator (installed with kurz_summarizer_set_allocator) fails
 * allocation number k. For k = 1, 2, 3, ... a whole kurz_summarize or
 * kurz_split of a few KB of generated German or French runs until one
 * succeeds. Every failing run must return KURZ_ERR_NOMEM with *out == NULL
 * and leak nothing (the allocator counts live blocks: after freeing the
 * summarizer none may be left; right after the failure no more than a
 * successful run keeps for reuse), and the same handle must then succeed
 * with exactly the result of a fresh run. Variants: realloc_fn given or
 * NULL, failures counted over malloc and realloc together or over realloc
 * only, cold handles and warm ones (buffers left from an earlier document). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "counting-alloc.h"
#include "kurz-check.h"
#include "kurz.h"
#include "robust-common.h"

/* ---- counting allocator ---------------------------------------------------- */
/* tests/common/counting-alloc.c, poisoning fresh memory and moving every
 * realloc'd block. */
typedef ca_alloc counter;

static void counter_init(counter *c)
{
    ca_init(c);
    c->poison = 1;
}

/* ---- inputs ------------------------------------------------------------------ */
typedef struct input {
    const char *lang;
    char *text;
    size_t len;
    char *warm; /* a smaller document run first on warm handles */
    size_t warm_len;
} input;

static input inputs[2];

static int group_setup(void **state)
{
    (void)state;
    size_t target = rc_scale(4096, 2, 1024);
    for (int i = 0; i < 2; i++) {
        int lang = i == 0 ? RC_DE : RC_FR;
        inputs[i].lang = rc_lang_code(lang);
        inputs[i].text = rc_gen_text(lang, 11u + (unsigned)i, target, &inputs[i].len);
        inputs[i].warm = rc_gen_text(lang, 99u + (unsigned)i, target / 4, &inputs[i].warm_len);
    }
    return 0;
}

static int group_teardown(void **state)
{
    (void)state;
    for (int i = 0; i < 2; i++) {
        free(inputs[i].text);
        free(inputs[i].warm);
    }
    return 0;
}

typedef int (*entry_fn)(kurz_summary **, kurz_summarizer *, const char *, size_t);

enum { V_REALLOC = 1, V_NO_REALLOC = 2, V_ONLY_REALLOC = 4, V_WARM = 8, V_TEXTRANK = 16,
       V_AUTO = 32 /* the summarizer identifies the language */ };

static kurz_summarizer *new_handle(const char *lang, counter *c, int variant)
{
    kurz_summarizer *s = NULL;
    assert_int_equal(kurz_summarizer_new(&s, (variant & V_AUTO) ? "auto" : lang), KURZ_OK);
    assert_non_null(s);
    assert_int_equal(kurz_summarizer_set_allocator(s, ca_malloc,
                                                   (variant & V_NO_REALLOC) ? NULL : ca_realloc,
                                                   ca_free, c),
                     KURZ_OK);
    if (variant & V_TEXTRANK)
        assert_int_equal(kurz_summarizer_set_option(s, KURZ_OPT_ALGORITHM, KURZ_ALGO_TEXTRANK),
                         KURZ_OK);
    return s;
}

static void warm_up(kurz_summarizer *s, entry_fn fn, const input *in)
{
    kurz_summary *sum = NULL;
    assert_int_equal(fn(&sum, s, in->warm, in->warm_len), KURZ_OK);
    kurz_summary_free(sum);
}

/* The reference: a fresh handle with a never-failing counting allocator.
 * Also measures how many blocks a handle keeps after a successful run. */
static void reference(const input *in, entry_fn fn, int variant, rc_result *ref, long *kept)
{
    counter c;
    counter_init(&c);
    kurz_summarizer *s = new_handle(in->lang, &c, variant);
    if (variant & V_WARM)
        warm_up(s, fn, in);
    kurz_summary *sum = NULL;
    int rc = fn(&sum, s, in->text, in->len);
    assert_int_equal(rc, KURZ_OK);
    const char *err = kc_check_summary(sum, in->text, in->len, fn == kurz_split ? KC_SPLIT : 0);
    if (err)
        fail_msg("%s: %s", err, kc_msg);
    rc_capture(ref, rc, sum);
    kurz_summary_free(sum);
    *kept = c.live;
    kurz_summarizer_free(s);
    assert_int_equal(c.live, 0);
    assert_int_equal(c.bad_frees, 0);
}

/* Runs the whole k = 1, 2, ... loop for one input, entry point and variant. */
static void oom_loop(const input *in, entry_fn fn, int variant, const char *name)
{
    rc_result ref;
    long kept = 0;
    reference(in, fn, variant, &ref, &kept);
    double t0 = rc_now();
    long k;
    long nfail = 0;
    for (k = 1;; k++) {
        counter c;
        counter_init(&c);
        c.count_malloc = !(variant & V_ONLY_REALLOC);
        c.count_realloc = 1;
        kurz_summarizer *s = new_handle(in->lang, &c, variant);
        if (variant & V_WARM)
            warm_up(s, fn, in);
        c.events = 0;
        c.fail_at = k;
        kurz_summary *sum = (kurz_summary *)(uintptr_t)1; /* must be overwritten */
        int rc = fn(&sum, s, in->text, in->len);
        c.fail_at = 0;
        if (c.failures == 0) {
            /* fewer than k allocation events: the run could not fail */
            assert_int_equal(rc, KURZ_OK);
            rc_result got;
            rc_capture(&got, rc, sum);
            if (!rc_result_equal(&ref, &got)) {
                char d[256];
                rc_result_diff(&ref, &got, d, sizeof d);
                fail_msg("%s: unfailed run differs from reference: %s", name, d);
            }
            rc_result_free(&got);
            kurz_summary_free(sum);
            kurz_summarizer_free(s);
            assert_int_equal(c.live, 0);
            assert_int_equal(c.bad_frees, 0);
            break;
        }
        /* An injected failure must surface as NOMEM. (A library that
         * recovers from a failed allocation and still succeeds would also
         * be fine; then the result must equal the reference.) */
        if (rc == KURZ_OK) {
            rc_result got;
            rc_capture(&got, rc, sum);
            if (!rc_result_equal(&ref, &got))
                fail_msg("%s k=%ld: success after a failed allocation, but different result", name,
                         k);
            rc_result_free(&got);
            kurz_summary_free(sum);
        } else {
            nfail++;
            if (rc != KURZ_ERR_NOMEM)
                fail_msg("%s k=%ld: status %d (%s), expected KURZ_ERR_NOMEM", name, k, rc,
                         kurz_strerror(rc));
            if (sum != NULL)
                fail_msg("%s k=%ld: *out not NULL after failure", name, k);
            if (c.live > kept)
                fail_msg("%s k=%ld: %ld blocks live after the failure, a successful run keeps %ld",
                         name, k, c.live, kept);
        }
        assert_int_equal(c.bad_frees, 0);
        /* the same handle must now succeed with the reference result */
        sum = NULL;
        rc = fn(&sum, s, in->text, in->len);
        if (rc != KURZ_OK)
            fail_msg("%s k=%ld: rerun on the same handle failed: %d", name, k, rc);
        rc_result got;
        rc_capture(&got, rc, sum);
        if (!rc_result_equal(&ref, &got)) {
            char d[256];
            rc_result_diff(&ref, &got, d, sizeof d);
            fail_msg("%s k=%ld: rerun differs from a fresh run: %s", name, k, d);
        }
        rc_result_free(&got);
        kurz_summary_free(sum);
        kurz_summarizer_free(s);
        if (c.live != 0)
            fail_msg("%s k=%ld: %ld blocks leaked", name, k, c.live);
        assert_int_equal(c.bad_frees, 0);
    }
    printf("# oom %-28s %-3s: %ld allocation points failed cleanly, success at k=%ld "
           "(%zu bytes, %zu sentences, %zu chosen) %.2f s\n",
           name, in->lang, nfail, k, in->len, ref.doc, ref.n, rc_now() - t0);
    fflush(stdout);
    rc_result_free(&ref);
}

static void run_variants(entry_fn fn, int variant, const char *name)
{
    for (int i = 0; i < 2; i++)
        oom_loop(&inputs[i], fn, variant, name);
}

static void test_summarize_realloc(void **state)
{
    (void)state;
    run_variants(kurz_summarize, V_REALLOC, "summarize");
}

static void test_summarize_auto(void **state)
{
    (void)state;
    run_variants(kurz_summarize, V_REALLOC | V_AUTO, "summarize auto");
}

static void test_split_auto(void **state)
{
    (void)state;
    run_variants(kurz_split, V_REALLOC | V_AUTO, "split auto");
}

static void test_summarize_textrank(void **state)
{
    (void)state;
    run_variants(kurz_summarize, V_REALLOC | V_TEXTRANK, "summarize textrank");
}

static void test_summarize_no_realloc(void **state)
{
    (void)state;
    run_variants(kurz_summarize, V_NO_REALLOC, "summarize realloc_fn=NULL");
}

static void test_summarize_only_realloc(void **state)
{
    (void)state;
    run_variants(kurz_summarize, V_ONLY_REALLOC, "summarize realloc fails");
}

static void test_summarize_warm(void **state)
{
    (void)state;
    run_variants(kurz_summarize, V_REALLOC | V_WARM, "summarize warm");
}

static void test_summarize_warm_no_realloc(void **state)
{
    (void)state;
    run_variants(kurz_summarize, V_NO_REALLOC | V_WARM, "summarize warm realloc_fn=NULL");
}

static void test_split_realloc(void **state)
{
    (void)state;
    run_variants(kurz_split, V_REALLOC, "split");
}

static void test_split_no_realloc(void **state)
{
    (void)state;
    run_variants(kurz_split, V_NO_REALLOC, "split realloc_fn=NULL");
}

static void test_split_only_realloc(void **state)
{
    (void)state;
    run_variants(kurz_split, V_ONLY_REALLOC, "split realloc fails");
}

/* One handle fails at k, succeeds, fails at k+1, ... without ever being
 * recreated: state left by any failure must not leak into later runs. */
static void test_same_handle_sequence(void **state)
{
    (void)state;
    const input *in = &inputs[0];
    rc_result ref;
    long kept;
    reference(in, kurz_summarize, V_REALLOC, &ref, &kept);
    counter c;
    counter_init(&c);
    kurz_summarizer *s = new_handle(in->lang, &c, V_REALLOC);
    long k;
    for (k = 1; k < 100000; k++) {
        c.events = 0;
        c.failures = 0;
        c.fail_at = k;
        kurz_summary *sum = NULL;
        int rc = kurz_summarize(&sum, s, in->text, in->len);
        c.fail_at = 0;
        if (rc == KURZ_OK) {
            rc_result got;
            rc_capture(&got, rc, sum);
            if (!rc_result_equal(&ref, &got))
                fail_msg("k=%ld: result differs", k);
            rc_result_free(&got);
            kurz_summary_free(sum);
            if (c.failures == 0)
                break;
            continue;
        }
        assert_int_equal(rc, KURZ_ERR_NOMEM);
        assert_null(sum);
        /* alternate: also split and summarize another text on the same handle */
        if (k % 3 == 0) {
            rc = kurz_split(&sum, s, in->warm, in->warm_len);
            assert_int_equal(rc, KURZ_OK);
            kurz_summary_free(sum);
        }
    }
    kurz_summarizer_free(s);
    assert_int_equal(c.live, 0);
    assert_int_equal(c.bad_frees, 0);
    printf("# oom same-handle sequence: %ld runs\n", k);
    rc_result_free(&ref);
}

/* Allocator bookkeeping: summaries remember their allocator, argument checks,
 * switching allocators between documents. */
static void test_allocator_switching(void **state)
{
    (void)state;
    const input *in = &inputs[1];
    counter a, b;
    counter_init(&a);
    counter_init(&b);
    kurz_summarizer *s = NULL;
    assert_int_equal(kurz_summarizer_new(&s, in->lang), KURZ_OK);
    /* malloc_fn and free_fn both or neither */
    assert_int_equal(kurz_summarizer_set_allocator(s, ca_malloc, ca_realloc, NULL, &a),
                     KURZ_ERR_INVALID_ARG);
    assert_int_equal(kurz_summarizer_set_allocator(s, NULL, ca_realloc, ca_free, &a),
                     KURZ_ERR_INVALID_ARG);
    assert_int_equal(kurz_summarizer_set_allocator(NULL, ca_malloc, ca_realloc, ca_free, &a),
                     KURZ_ERR_INVALID_ARG);

    /* default allocator first, to get the reference and warm buffers */
    kurz_summary *s0 = NULL, *s1 = NULL, *s2 = NULL;
    assert_int_equal(kurz_summarize(&s0, s, in->text, in->len), KURZ_OK);
    rc_result r0, r1, r2;
    rc_capture(&r0, KURZ_OK, s0);

    assert_int_equal(kurz_summarizer_set_allocator(s, ca_malloc, ca_realloc, ca_free, &a), KURZ_OK);
    assert_int_equal(kurz_summarize(&s1, s, in->text, in->len), KURZ_OK);
    assert_true(a.live > 0);
    rc_capture(&r1, KURZ_OK, s1);

    assert_int_equal(kurz_summarizer_set_allocator(s, ca_malloc, NULL, ca_free, &b), KURZ_OK);
    long a_after_switch = a.live; /* only the summary s1 should remain with a */
    assert_int_equal(a_after_switch, 1);
    assert_int_equal(kurz_summarize(&s2, s, in->text, in->len), KURZ_OK);
    rc_capture(&r2, KURZ_OK, s2);

    /* back to the C library's allocator */
    assert_int_equal(kurz_summarizer_set_allocator(s, NULL, NULL, NULL, NULL), KURZ_OK);
    assert_int_equal(b.live, 1); /* s2 */
    kurz_summarizer_free(s);
    /* summaries outlive the summarizer and go back to their own allocator */
    kurz_summary_free(s1);
    kurz_summary_free(s2);
    kurz_summary_free(s0);
    assert_int_equal(a.live, 0);
    assert_int_equal(b.live, 0);
    assert_int_equal(a.bad_frees + b.bad_frees, 0);
    assert_true(rc_result_equal(&r0, &r1));
    assert_true(rc_result_equal(&r0, &r2));
    rc_result_free(&r0);
    rc_result_free(&r1);
    rc_result_free(&r2);
}

/* Errors other than NOMEM must not leak either, under any allocator. */
static void test_error_paths_no_leak(void **state)
{
    (void)state;
    counter c;
    counter_init(&c);
    kurz_summarizer *s = new_handle("de", &c, V_REALLOC);
    kurz_summary *sum = NULL;
    static const char bad[] = "Ein Satz. Noch einer \xC3( kaputt.";
    assert_int_equal(kurz_summarize(&sum, s, bad, sizeof bad - 1), KURZ_ERR_INVALID_UTF8);
    assert_null(sum);
    assert_int_equal(kurz_split(&sum, s, bad, sizeof bad - 1), KURZ_ERR_INVALID_UTF8);
    assert_null(sum);
    assert_int_equal(kurz_summarizer_set_option(s, KURZ_OPT_MAX_INPUT_BYTES, 4), KURZ_OK);
    assert_int_equal(kurz_summarize(&sum, s, "Hallo Welt.", 11), KURZ_ERR_TOO_LARGE);
    assert_null(sum);
    assert_int_equal(c.live, 0);
    kurz_summarizer_free(s);
    assert_int_equal(c.live, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_summarize_realloc),
        cmocka_unit_test(test_summarize_textrank),
        cmocka_unit_test(test_summarize_auto),
        cmocka_unit_test(test_split_auto),
        cmocka_unit_test(test_summarize_no_realloc),
        cmocka_unit_test(test_summarize_only_realloc),
        cmocka_unit_test(test_summarize_warm),
        cmocka_unit_test(test_summarize_warm_no_realloc),
        cmocka_unit_test(test_split_realloc),
        cmocka_unit_test(test_split_no_realloc),
        cmocka_unit_test(test_split_only_realloc),
        cmocka_unit_test(test_same_handle_sequence),
        cmocka_unit_test(test_allocator_switching),
        cmocka_unit_test(test_error_paths_no_leak),
    };
    return cmocka_run_group_tests_name("oom", tests, group_setup, group_teardown);
}
