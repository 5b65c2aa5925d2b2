/* SPDX-License-Identifier: MIT */
/* The document model (lib/doc.c): every word maps to the term of its stem
 * (a number to itself), the same word always to the same term, different
 * stems to different terms, whatever the words' lengths and however often
 * the summarizer's word tables grew or were reused. The expected terms are
 * worked out here from kurz__stem, independently of doc.c's tables. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kurz-private.h"

typedef struct fixture {
    kurz__mem m;
    kurz__doc d;
    kurz__stemmer *st;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    kurz__mem_default(&f->m);
    f->st = kurz__stemmer_new("german");
    assert_non_null(f->st);
    kurz__doc_init(&f->d, &f->m, KURZ__LANG_DE);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    kurz__doc_free(&f->d, &f->m);
    kurz__stemmer_free(f->st);
    free(f);
    return 0;
}

/* Segments text, then builds its term vectors, as kurz_summarize does. */
static int build_doc(fixture *f, const char *text, size_t len)
{
    f->d.sents.n = 0;
    int rc = kurz__segment(&f->m, KURZ__LANG_DE, text, len, &f->d.sents);
    return rc ? rc : kurz__doc_build(&f->d, &f->m, KURZ__LANG_DE, f->st, text, len);
}

/* A text of paragraphs (one sentence each) of lower-case words separated by
 * single spaces, without stop words: what doc.c must make of it. */
typedef struct expect {
    char **key;   /* distinct stems (numbers: the number), in order of appearance */
    size_t nkeys;
} expect;

static int is_number(const char *w)
{
    for (; *w; w++)
        if (*w < '0' || *w > '9')
            return 0;
    return 1;
}

static char *key_of(kurz__stemmer *st, const char *w)
{
    const uint8_t *s = (const uint8_t *)w;
    size_t n = strlen(w);
    if (!is_number(w))
        assert_int_equal(kurz__stem(st, (const uint8_t *)w, strlen(w), &s, &n), 0);
    char *k = malloc(n + 1);
    assert_non_null(k);
    memcpy(k, s, n);
    k[n] = '\0';
    return k;
}

static size_t key_index(expect *e, const char *k)
{
    for (size_t i = 0; i < e->nkeys; i++)
        if (strcmp(e->key[i], k) == 0)
            return i;
    e->key = realloc(e->key, (e->nkeys + 1) * sizeof *e->key);
    assert_non_null(e->key);
    e->key[e->nkeys] = malloc(strlen(k) + 1);
    assert_non_null(e->key[e->nkeys]);
    strcpy(e->key[e->nkeys], k);
    return e->nkeys++;
}

/* Builds text with f's (possibly used) tables and checks every sentence's
 * terms and counts against the ones worked out from kurz__stem. */
static void check_text(fixture *f, const char *text)
{
    size_t len = strlen(text);
    assert_int_equal(build_doc(f, text, len), 0);
    expect e = {NULL, 0};
    char *copy = strdup(text);
    assert_non_null(copy);
    size_t sent = 0;
    char *save_p = NULL;
    for (char *para = strtok_r(copy, "\n", &save_p); para; para = strtok_r(NULL, "\n", &save_p)) {
        assert_true(sent < f->d.sents.n);
        /* the expected (term, count) pairs of this sentence */
        size_t want_term[64], want_n[64], nw = 0;
        char *save_w = NULL;
        for (char *w = strtok_r(para, " ", &save_w); w; w = strtok_r(NULL, " ", &save_w)) {
            assert_false(kurz__is_stopword(KURZ__LANG_DE, (const uint8_t *)w, strlen(w)));
            char *k = key_of(f->st, w);
            size_t t = key_index(&e, k);
            free(k);
            size_t i = 0;
            while (i < nw && want_term[i] != t)
                i++;
            if (i == nw) {
                assert_true(nw < 64);
                want_term[nw] = t;
                want_n[nw++] = 0;
            }
            want_n[i]++;
        }
        /* doc.c numbers terms in order of appearance, too, and sorts a
         * sentence's entries by term */
        size_t r0 = f->d.row[sent], r1 = f->d.row[sent + 1];
        assert_int_equal(r1 - r0, nw);
        for (size_t i = 0; i < nw; i++) {
            const kurz__entry *x = NULL;
            for (size_t j = r0; j < r1; j++)
                if (f->d.ent[j].term == want_term[i])
                    x = &f->d.ent[j];
            if (!x)
                fail_msg("sentence %zu: no entry for \"%s\"", sent, e.key[want_term[i]]);
            assert_true(x->tf == (float)want_n[i]);
        }
        for (size_t j = r0 + 1; j < r1; j++)
            assert_true(f->d.ent[j - 1].term < f->d.ent[j].term);
        sent++;
    }
    assert_int_equal(sent, f->d.sents.n);
    assert_int_equal(f->d.nterms, e.nkeys);
    for (size_t i = 0; i < e.nkeys; i++)
        free(e.key[i]);
    free(e.key);
    free(copy);
}

/* Words of 7, 8 and 9 bytes and more that share their first bytes: a table
 * slot holds a word of up to 8 bytes itself, longer ones in a pool. */
static const char *const near_and_far =
    "1234567 12345678 123456789 12345678 1234567\n\n"
    "12345679 123456780 1234567 1234567890123456 12345678901234567\n\n"
    "12345678901234567 1234567890123456 123456789 12345678\n\n"
    "haus hausbau häuser hausbesitzer hausbesitzers häusern hausbau\n\n"
    "schlüssel schlüsselbund schlüsseln hausschlüssel schlüssel\n\n"
    "ö öl ölen ölpreis ölpreise ölpreisen ölpreisanstieg\n\n"
    "straße strasse straßen straßenbahn straßenbahnen\n";

static void test_words_near_and_far(void **state)
{
    fixture *f = *state;
    check_text(f, near_and_far);
}

/* The word tables outlive the document: a second document with other words,
 * then the first one again, find the same terms. */
static void test_tables_reused(void **state)
{
    fixture *f = *state;
    check_text(f, near_and_far);
    check_text(f, "baum bäume baumhaus 42 4242424242\n\nwald wälder baum 42\n");
    check_text(f, near_and_far);
    check_text(f, "12345678 hausbesitzer\n\nhausbesitzer 12345678 123456789\n");
}

/* Enough distinct words for the tables to grow many times over, short and
 * long, each of them twice, in two sentences. A short document first, so
 * that the tables start small (a first document's length sizes them). */
static void test_tables_grow(void **state)
{
    fixture *f = *state;
    check_text(f, "haus 12345678 hausbesitzer\n");
    size_t cap0 = f->d.words.cap;
    assert_true(cap0 > 0 && cap0 <= 1024);
    enum { N = 3000 };
    size_t cap = (size_t)N * 2 * 16 * 2 + 16;
    char *text = malloc(cap);
    assert_non_null(text);
    size_t n = 0;
    for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i < N; i++) {
            int k = pass ? N - 1 - i : i;
            n += (size_t)snprintf(text + n, cap - n, "%d %d%s", 100000 + k, 1000000000 + k,
                                  i + 1 < N ? " " : "\n\n");
        }
    }
    text[n] = '\0';
    /* check_text takes at most 64 distinct terms a sentence: count here */
    assert_int_equal(build_doc(f, text, n), 0);
    assert_int_equal(f->d.sents.n, 2);
    assert_int_equal(f->d.nterms, 2 * N);
    for (size_t s = 0; s < 2; s++) {
        assert_int_equal(f->d.row[s + 1] - f->d.row[s], 2 * N);
        for (size_t j = f->d.row[s]; j < f->d.row[s + 1]; j++) {
            assert_int_equal(f->d.ent[j].term, j - f->d.row[s]); /* every term once */
            assert_true(f->d.ent[j].tf == 1.0f);
        }
    }
    for (size_t t = 0; t < 2 * N; t++)
        assert_int_equal(f->d.df[t], 2);
    assert_true(f->d.words.cap >= 8 * cap0); /* grew three times at least */
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_words_near_and_far, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tables_reused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tables_grow, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
