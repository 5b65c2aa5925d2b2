/* SPDX-License-Identifier: MIT */
/* Threads: 8 pthreads, each with its own summarizers, run the same jobs
 * (German, French, English and a Snowball-only language; several budgets;
 * both algorithms; summarize and split) in different orders, several
 * rounds, while also reading shared finished summaries. Every result must
 * be identical, scores bit for bit, to the single-threaded reference.
 *
 * Build it with -Db_sanitize=thread to let ThreadSanitizer check the
 * library's claim of having no global mutable state (see SECURITY.md).
 * KURZ_TEST_SMALL=1 shrinks the texts and the number of rounds. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kurz-check.h"
#include "kurz.h"
#include "robust-common.h"

#define NTHREADS 8

typedef struct text {
    const char *lang; /* summarizer language */
    char *buf;
    size_t len;
} text;

typedef struct job {
    size_t text;
    int split;
    kurz_option budget;
    int value;
    int strict;
    int algorithm;
    int position, redundancy; /* permille, -1 = default */
} job;

#define MAXTEXTS 8
#define MAXJOBS 256

static text texts[MAXTEXTS];
static size_t ntexts;
static job jobs[MAXJOBS];
static size_t njobs;
static rc_result refs[MAXJOBS];
static kurz_summary *shared[MAXJOBS]; /* reference summaries, read by all threads */
static int rounds;

static const char *const langs_used[] = {"de", "fr", "en", "nl"};
#define NLANGS_USED (sizeof langs_used / sizeof langs_used[0])

static size_t lang_slot(const char *l)
{
    for (size_t i = 0; i < NLANGS_USED; i++)
        if (!strcmp(l, langs_used[i]))
            return i;
    return 0;
}

static int configure(kurz_summarizer *s, const job *j)
{
    /* reset every option a job may set, so handles can be reused */
    int rc = 0;
    rc |= kurz_summarizer_set_option(s, KURZ_OPT_SENTENCES, 0);
    rc |= kurz_summarizer_set_option(s, KURZ_OPT_RATIO_PERMILLE, 0);
    rc |= kurz_summarizer_set_option(s, KURZ_OPT_WORDS, 0);
    rc |= kurz_summarizer_set_option(s, j->budget, j->value);
    rc |= kurz_summarizer_set_option(s, KURZ_OPT_STRICT, j->strict);
    rc |= kurz_summarizer_set_option(s, KURZ_OPT_ALGORITHM, j->algorithm);
    rc |= kurz_summarizer_set_option(s, KURZ_OPT_POSITION_PERMILLE,
                                     j->position >= 0 ? j->position : 300);
    rc |= kurz_summarizer_set_option(s, KURZ_OPT_REDUNDANCY_PERMILLE,
                                     j->redundancy >= 0 ? j->redundancy : 600);
    return rc;
}

static int run_job(kurz_summarizer *s, const job *j, kurz_summary **out)
{
    if (configure(s, j))
        return KURZ_ERR_INVALID_ARG;
    const text *t = &texts[j->text];
    return j->split ? kurz_split(out, s, t->buf, t->len) : kurz_summarize(out, s, t->buf, t->len);
}

static int group_setup(void **state)
{
    (void)state;
    size_t small = rc_scale(6000, 3, 2000), big = rc_scale(60000, 10, 6000);
    static const struct {
        int gen;
        const char *lang;
        uint32_t seed;
        int big;
    } tdef[] = {
        {RC_DE, "de", 1, 0}, {RC_DE, "de", 2, 1}, {RC_FR, "fr", 3, 0}, {RC_FR, "fr", 4, 1},
        {RC_EN, "en", 5, 0}, {RC_DE, "nl", 6, 0},
    };
    ntexts = sizeof tdef / sizeof tdef[0];
    for (size_t i = 0; i < ntexts; i++) {
        texts[i].lang = tdef[i].lang;
        texts[i].buf = rc_gen_text(tdef[i].gen, tdef[i].seed, tdef[i].big ? big : small,
                                   &texts[i].len);
    }
    static const struct {
        kurz_option o;
        int v, strict;
    } budgets[] = {
        {KURZ_OPT_SENTENCES, 3, 0},
        {KURZ_OPT_RATIO_PERMILLE, 250, 0},
        {KURZ_OPT_WORDS, 60, 1},
        {KURZ_OPT_WORDS, 60, 0},
    };
    njobs = 0;
    for (size_t t = 0; t < ntexts; t++) {
        for (size_t b = 0; b < sizeof budgets / sizeof budgets[0]; b++)
            for (int a = 0; a < 2; a++)
                jobs[njobs++] = (job){t, 0, budgets[b].o, budgets[b].v, budgets[b].strict, a,
                                      b == 1 ? 0 : -1, b == 2 ? 1000 : -1};
        jobs[njobs++] = (job){t, 1, KURZ_OPT_SENTENCES, 3, 0, 0, -1, -1};
    }
    rounds = rc_small() ? 1 : 3;

    /* single-threaded reference, one fresh summarizer per job */
    for (size_t k = 0; k < njobs; k++) {
        kurz_summarizer *s = NULL;
        if (kurz_summarizer_new(&s, texts[jobs[k].text].lang) != KURZ_OK)
            return -1;
        kurz_summary *sum = NULL;
        int rc = run_job(s, &jobs[k], &sum);
        if (rc != KURZ_OK)
            return -1;
        const text *t = &texts[jobs[k].text];
        const char *err = kc_check_summary(sum, t->buf, t->len, jobs[k].split ? KC_SPLIT : 0);
        if (err) {
            fprintf(stderr, "job %zu: %s (%s)\n", k, err, kc_msg);
            return -1;
        }
        rc_capture(&refs[k], rc, sum);
        shared[k] = sum;
        kurz_summarizer_free(s);
    }
    return 0;
}

static int group_teardown(void **state)
{
    (void)state;
    for (size_t k = 0; k < njobs; k++) {
        rc_result_free(&refs[k]);
        kurz_summary_free(shared[k]);
    }
    for (size_t i = 0; i < ntexts; i++)
        free(texts[i].buf);
    return 0;
}

typedef struct worker {
    pthread_t tid;
    int id;
    pthread_barrier_t *barrier;
    long runs;
    int failed;
    char why[320];
} worker;

static void fail_worker(worker *w, const char *fmt, size_t k, const char *detail)
{
    if (w->failed++)
        return;
    snprintf(w->why, sizeof w->why, fmt, w->id, k, detail);
}

static void *worker_main(void *arg)
{
    worker *w = arg;
    kurz_summarizer *h[NLANGS_USED] = {0};
    pthread_barrier_wait(w->barrier);
    /* summarizers are created concurrently too */
    for (size_t i = 0; i < NLANGS_USED; i++)
        if (kurz_summarizer_new(&h[i], langs_used[i]) != KURZ_OK) {
            fail_worker(w, "thread %d: kurz_summarizer_new failed (%zu) %s", i, "");
            goto out;
        }
    for (int r = 0; r < rounds; r++) {
        for (size_t a = 0; a < njobs; a++) {
            /* each thread walks the jobs in its own order */
            size_t k = (a * (size_t)(2 * w->id + 1) + (size_t)w->id * 7 + (size_t)r) % njobs;
            const job *j = &jobs[k];
            kurz_summarizer *s = h[lang_slot(texts[j->text].lang)];
            kurz_summary *sum = NULL;
            int rc = run_job(s, j, &sum);
            rc_result got;
            rc_capture(&got, rc, sum);
            if (!rc_result_equal(&refs[k], &got)) {
                char d[256];
                rc_result_diff(&refs[k], &got, d, sizeof d);
                fail_worker(w, "thread %d job %zu: %s", k, d);
            }
            rc_result_free(&got);
            kurz_summary_free(sum);
            w->runs++;

            /* read a shared summary concurrently with the other threads */
            rc_result sh;
            rc_capture(&sh, KURZ_OK, shared[(k + 1) % njobs]);
            if (!rc_result_equal(&refs[(k + 1) % njobs], &sh))
                fail_worker(w, "thread %d shared summary %zu changed%s", (k + 1) % njobs, "");
            rc_result_free(&sh);
        }
        /* and throw a summarizer away and make a new one now and then */
        size_t i = (size_t)(w->id + r) % NLANGS_USED;
        kurz_summarizer_free(h[i]);
        h[i] = NULL;
        if (kurz_summarizer_new(&h[i], langs_used[i]) != KURZ_OK) {
            fail_worker(w, "thread %d: kurz_summarizer_new failed (%zu)%s", i, "");
            goto out;
        }
    }
out:
    for (size_t i = 0; i < NLANGS_USED; i++)
        kurz_summarizer_free(h[i]);
    return NULL;
}

static void test_threads_identical(void **state)
{
    (void)state;
    pthread_barrier_t barrier;
    assert_int_equal(pthread_barrier_init(&barrier, NULL, NTHREADS), 0);
    worker w[NTHREADS];
    memset(w, 0, sizeof w);
    double t0 = rc_now();
    for (int i = 0; i < NTHREADS; i++) {
        w[i].id = i;
        w[i].barrier = &barrier;
        assert_int_equal(pthread_create(&w[i].tid, NULL, worker_main, &w[i]), 0);
    }
    long runs = 0;
    for (int i = 0; i < NTHREADS; i++) {
        assert_int_equal(pthread_join(w[i].tid, NULL), 0);
        runs += w[i].runs;
    }
    pthread_barrier_destroy(&barrier);
    printf("# threads: %d threads, %zu jobs x %d rounds, %ld runs in %.2f s\n", NTHREADS, njobs,
           rounds, runs, rc_now() - t0);
    for (int i = 0; i < NTHREADS; i++)
        if (w[i].failed)
            fail_msg("%s (%d failures in this thread)", w[i].why, w[i].failed);
    assert_int_equal(runs, (long)NTHREADS * (long)njobs * rounds);
}

/* Many threads creating and freeing summarizers at once (stemmer set-up). */
static void *churn_main(void *arg)
{
    worker *w = arg;
    pthread_barrier_wait(w->barrier);
    const char *const *langs = kurz_languages();
    for (int r = 0; r < (rc_small() ? 2 : 10); r++) {
        for (size_t i = 0; langs[i]; i++) {
            kurz_summarizer *s = NULL;
            if (kurz_summarizer_new(&s, langs[i]) != KURZ_OK) {
                fail_worker(w, "thread %d: new(%zu) failed%s", i, "");
                return NULL;
            }
            kurz_summary *sum = NULL;
            static const char t[] = "Alpha beta gamma delta. Epsilon zeta eta theta.";
            if (kurz_summarize(&sum, s, t, sizeof t - 1) != KURZ_OK)
                fail_worker(w, "thread %d: summarize(%zu) failed%s", i, "");
            kurz_summary_free(sum);
            kurz_summarizer_free(s);
            w->runs++;
        }
    }
    return NULL;
}

static void test_threads_churn(void **state)
{
    (void)state;
    pthread_barrier_t barrier;
    assert_int_equal(pthread_barrier_init(&barrier, NULL, NTHREADS), 0);
    worker w[NTHREADS];
    memset(w, 0, sizeof w);
    for (int i = 0; i < NTHREADS; i++) {
        w[i].id = i;
        w[i].barrier = &barrier;
        assert_int_equal(pthread_create(&w[i].tid, NULL, churn_main, &w[i]), 0);
    }
    for (int i = 0; i < NTHREADS; i++)
        assert_int_equal(pthread_join(w[i].tid, NULL), 0);
    pthread_barrier_destroy(&barrier);
    for (int i = 0; i < NTHREADS; i++)
        if (w[i].failed)
            fail_msg("%s", w[i].why);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_threads_identical),
        cmocka_unit_test(test_threads_churn),
    };
    return cmocka_run_group_tests_name("threads", tests, group_setup, group_teardown);
}
