/* SPDX-License-Identifier: MIT */
/* The quadratic-time bugs that SECURITY.md lists as fixed must not come
 * back. No clocks: each test counts the work of the guarded step through a
 * counter of lib/kurz-test.h, on an input and on one four times as large,
 * and requires the count to grow at most 4.5 times (a quadratic step grows
 * 16 times). Each test also checks that its input reaches the guarded
 * code, so that it can fail. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kurz-test.h"

#define GROWTH_MAX 4.5

/* A growing text buffer. */
typedef struct buf {
    char *p;
    size_t n, cap;
} buf;

static void put(buf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        b->cap = (b->n + n + 1) * 2;
        b->p = realloc(b->p, b->cap);
        assert_non_null(b->p);
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}

static void puts_(buf *b, const char *s)
{
    put(b, s, strlen(s));
}

/* A made-up lower-case word for i: prefix, then i in base 26. */
static void word_of(char *w, const char *prefix, unsigned long i, int digits)
{
    size_t n = strlen(prefix);
    memcpy(w, prefix, n);
    for (int k = 0; k < digits; k++, i /= 26)
        w[n++] = (char)('a' + i % 26);
    w[n] = '\0';
}

/* Runs every stage of kurz_summarize over text on s; returns the run (the
 * caller ends it). */
static void run_all(kurz__run *r, kurz_summarizer *s, const buf *text)
{
    kurz__run_begin(r, s, text->p, text->n);
    for (size_t k = 0; k < KURZ__NSTAGES; k++)
        assert_int_equal(kurz__stages[k].run(r), 0);
}

static void assert_linear(const char *what, uint64_t small, uint64_t large)
{
    printf("# %s: %llu -> %llu (x%.2f)\n", what, (unsigned long long)small,
           (unsigned long long)large, small ? (double)large / (double)small : 0.0);
    assert_true(small > 0);
    if ((double)large > GROWTH_MAX * (double)small)
        fail_msg("%s grew %.2f times for 4 times the input", what, (double)large / (double)small);
}

/* ---- libstemmer on megabyte-long words ----------------------------------
 * Snowball may take time quadratic in a word's length; words longer than
 * KURZ__STEM_MAX bytes are not stemmed. */
static uint64_t stem_work_for(size_t long_len)
{
    kurz_summarizer *s;
    assert_int_equal(kurz_summarizer_new(&s, "de"), KURZ_OK);
    buf b = {0};
    char w[32];
    /* short distinct words, as many as the long word has bytes / 16 */
    for (size_t i = 0; i < long_len / 16; i++) {
        word_of(w, "wo", i, 4);
        puts_(&b, w);
        puts_(&b, i % 8 == 7 ? ". " : " ");
    }
    puts_(&b, "Ein ");
    for (size_t i = 0; i < long_len; i++)
        put(&b, &"abcdefghijklmnopqrstuvwxyz"[i % 26], 1);
    puts_(&b, " endet hier.");
    kurz__run r;
    run_all(&r, s, &b);
    uint64_t work = kurz__stem_work(r.st);
    kurz__run_end(&r);
    kurz_summarizer_free(s);
    free(b.p);
    return work;
}

static void stemming_long_words_is_linear(void **state)
{
    (void)state;
    assert_linear("stemmer work (sum of word length^2)", stem_work_for(1 << 15),
                  stem_work_for(1 << 17));
}

/* ---- selection under a budget that admits most sentences ----------------
 * Each candidate is compared with at most KURZ__REDUNDANCY_WINDOW chosen
 * sentences. */
static uint64_t comparisons_for(size_t nsent)
{
    kurz_summarizer *s;
    assert_int_equal(kurz_summarizer_new(&s, "de"), KURZ_OK);
    assert_int_equal(kurz_summarizer_set_option(s, KURZ_OPT_RATIO_PERMILLE, 1000), KURZ_OK);
    assert_int_equal(kurz_summarizer_set_option(s, KURZ_OPT_BOILERPLATE, 0), KURZ_OK);
    buf b = {0};
    char w[32];
    for (size_t i = 0; i < nsent; i++) { /* sentences without a common word */
        for (int k = 0; k < 4; k++) {
            word_of(w, "sa", i * 4 + (size_t)k, 4);
            if (k == 0)
                w[0] = 'S';
            puts_(&b, w);
            puts_(&b, k < 3 ? " " : ". ");
        }
    }
    kurz__run r;
    run_all(&r, s, &b);
    assert_int_equal(r.doc->sents.n, nsent);
    assert_true(r.nchosen > KURZ__REDUNDANCY_WINDOW); /* the window is reached */
    uint64_t n = r.compared;
    kurz__run_end(&r);
    kurz_summarizer_free(s);
    free(b.p);
    return n;
}

static void selection_is_linear(void **state)
{
    (void)state;
    assert_linear("redundancy comparisons", comparisons_for(2000), comparisons_for(8000));
}

/* ---- hash flooding of the word and stem tables --------------------------
 * Words that all fall into one slot under the seed of one summarizer must
 * not do so under another's: the seed is random. */
#define FLOOD_BITS 14 /* tables of up to 2^14 slots hold the inputs below */

/* nwords distinct words that all start at one slot of the word table of
 * any summarizer whose hash seed is the seed of d. */
static char (*colliding_words(const kurz__doc *d, size_t nwords))[16]
{
    char (*w)[16] = calloc(nwords, sizeof *w);
    assert_non_null(w);
    uint32_t mask = (1u << FLOOD_BITS) - 1, target = 0;
    size_t found = 0;
    for (unsigned long i = 0; found < nwords; i++) {
        char cand[16];
        word_of(cand, "q", i, 7);
        uint32_t h = kurz__doc_word_slot(d, (const uint8_t *)cand, strlen(cand)) & mask;
        if (found == 0)
            target = h;
        if (h == target)
            memcpy(w[found++], cand, sizeof cand);
    }
    return w;
}

/* Hash probes of one summarize of the first nwords of w, each word eight
 * times; with seed != 0 the summarizer's seed is replaced by it. */
static uint64_t probes_for(char (*w)[16], size_t nwords, uint64_t seed)
{
    kurz_summarizer *s;
    assert_int_equal(kurz_summarizer_new(&s, "de"), KURZ_OK);
    buf b = {0};
    for (int rep = 0; rep < 8; rep++)
        for (size_t i = 0; i < nwords; i++) {
            puts_(&b, w[i]);
            puts_(&b, i % 10 == 9 ? ". " : " ");
        }
    kurz__run r;
    kurz__run_begin(&r, s, b.p, b.n);
    if (seed)
        kurz__doc_set_seed(r.doc, seed);
    uint64_t before = kurz__doc_probes(r.doc);
    for (size_t k = 0; k < KURZ__NSTAGES; k++)
        assert_int_equal(kurz__stages[k].run(&r), 0);
    assert_true(r.doc->words.cap <= (1u << FLOOD_BITS)); /* all in one slot */
    uint64_t n = kurz__doc_probes(r.doc) - before;
    kurz__run_end(&r);
    kurz_summarizer_free(s);
    free(b.p);
    return n;
}

static void hash_tables_resist_flooding(void **state)
{
    (void)state;
    /* the seed of a first summarizer, whose collisions we compute */
    kurz_summarizer *s;
    assert_int_equal(kurz_summarizer_new(&s, "de"), KURZ_OK);
    kurz__run r;
    kurz__run_begin(&r, s, "", 0);
    uint64_t seed = r.doc->seed ? r.doc->seed : 1;
    kurz__doc_set_seed(r.doc, seed);
    char (*w)[16] = colliding_words(r.doc, 2000);
    kurz_summarizer_free(s);
    /* under that seed the words flood the table: the inputs have teeth */
    uint64_t a = probes_for(w, 500, seed), b = probes_for(w, 2000, seed);
    printf("# probes under the attacked seed: %llu -> %llu\n", (unsigned long long)a,
           (unsigned long long)b);
    assert_true(b > 10 * a);
    /* under the seeds of other summarizers they do not */
    assert_linear("hash probes", probes_for(w, 500, 0), probes_for(w, 2000, 0));
    free(w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(stemming_long_words_is_linear),
        cmocka_unit_test(selection_is_linear),
        cmocka_unit_test(hash_tables_resist_flooding),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
