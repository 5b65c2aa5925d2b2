/* SPDX-License-Identifier: MIT */
/* Document model: sentences -> sparse vectors of stem ids.
 *
 * Every distinct word form is normalised, looked up in the stop list and
 * stemmed once per summarizer (the cache outlives the document); later
 * occurrences cost a hash lookup. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "kurz-test.h"

/* 16 bytes: big tables are touched at random, so every byte costs cache
 * misses and page faults. A key of up to 8 bytes (most words) is kept in
 * the slot itself, so that finding it touches one cache line, not two. */
struct kurz__hslot {
    uint32_t hash; /* the tag (see tag_of), never 0: 0 = empty */
    uint32_t val;
    union {
        uint64_t key8; /* a key of up to 8 bytes, zero-padded */
        struct {
            uint32_t off, len; /* a longer one: its bytes in the pool */
        } far;
    } k;
};

#define KEY_NEAR 8 /* keys this long or shorter live in their slot */

/* The slot's tag: 28 bits of the hash's upper half and, in the top 4, the
 * key's length up to KEY_NEAR (15 for longer keys), so that equal tags and
 * equal key8 mean equal keys. Never 0. Its low bits pick the slot, so
 * growing the table never reads a key again. */
static uint32_t tag_of(uint64_t h, size_t n)
{
    uint32_t t = ((uint32_t)(h >> 32) & 0x0FFFFFFFu) | (uint32_t)(n <= KEY_NEAR ? n : 15) << 28;
    return t ? t : 1;
}

/* A key of up to KEY_NEAR bytes as a slot holds it. */
static uint64_t key8_of(const uint8_t *p, size_t n)
{
    uint64_t w = 0;
    if (n) /* an empty stem */
        memcpy(&w, p, n);
    return w;
}

static void hash_clear(kurz__hash *h)
{
    if (h->slots)
        memset(h->slots, 0, h->cap * sizeof *h->slots);
    h->n = 0;
    h->pool_n = 0;
}

static void hash_free(kurz__hash *h, const kurz__mem *m)
{
    kurz__free(m, h->slots);
    kurz__free(m, h->pool);
    memset(h, 0, sizeof *h);
}

static int hash_rehash(kurz__hash *h, const kurz__mem *m, size_t ncap)
{
    /* kurz__calloc maps a big table in one call before clearing it */
    struct kurz__hslot *ns = kurz__calloc(m, ncap, sizeof *ns);
    if (!ns)
        return KURZ_ERR_NOMEM;
    for (size_t i = 0; i < h->cap; i++) {
        struct kurz__hslot *s = &h->slots[i];
        if (!s->hash)
            continue;
        size_t j = s->hash & (ncap - 1);
        while (ns[j].hash)
            j = (j + 1) & (ncap - 1);
        ns[j] = *s;
    }
    kurz__free(m, h->slots);
    h->slots = ns;
    h->cap = ncap;
    return 0;
}

/* Words are short: compare them inline, eight bytes at a time. */
static int same_bytes(const uint8_t *a, const uint8_t *b, size_t n)
{
    while (n >= 8) {
        uint64_t x, y;
        memcpy(&x, a, 8);
        memcpy(&y, b, 8);
        if (x != y)
            return 0;
        a += 8;
        b += 8;
        n -= 8;
    }
    while (n--)
        if (*a++ != *b++)
            return 0;
    return 1;
}

/* Finds key, inserting it with value val when absent; key8 is
 * key8_of(key, n) when n <= KEY_NEAR. *slot points at its slot (valid until
 * the next insertion); returns 1 when inserted, 0 when found, negative on
 * error. */
static int hash_get_or_put(kurz__hash *h, const kurz__mem *m, const uint8_t *key, size_t n,
                           uint64_t full, uint64_t key8, uint32_t val,
                           struct kurz__hslot **slot)
{
    if (n > UINT32_MAX)
        return KURZ_ERR_NOMEM;
    if ((h->n + 1) * 100 > h->cap * (h->max_load ? h->max_load : 50)) {
        if (hash_rehash(h, m, h->cap ? h->cap * 2 : h->min_cap ? h->min_cap : 1024))
            return KURZ_ERR_NOMEM;
    }
    uint32_t hv = tag_of(full, n);
    size_t j = hv & (h->cap - 1); /* from the tag: a rehash needs no key */
    struct kurz__hslot *s;
    if (n <= KEY_NEAR) {
        for (; (s = &h->slots[j])->hash; j = (j + 1) & (h->cap - 1)) {
            h->probes++;
            if (s->hash == hv && s->k.key8 == key8) {
                *slot = s;
                return 0;
            }
        }
        *s = (struct kurz__hslot){.hash = hv, .val = val, .k.key8 = key8};
    } else {
        for (; (s = &h->slots[j])->hash; j = (j + 1) & (h->cap - 1)) {
            h->probes++;
            if (s->hash == hv && s->k.far.len == n &&
                same_bytes(h->pool + s->k.far.off, key, n)) {
                *slot = s;
                return 0;
            }
        }
        if (h->pool_n + n > UINT32_MAX)
            return KURZ_ERR_NOMEM; /* keys are addressed with 32 bits */
        if (KURZ__GROW(m, h->pool, h->pool_cap, h->pool_n + n))
            return KURZ_ERR_NOMEM;
        memcpy(h->pool + h->pool_n, key, n);
        *s = (struct kurz__hslot){.hash = hv, .val = val,
                                  .k.far = {(uint32_t)h->pool_n, (uint32_t)n}};
        h->pool_n += n;
    }
    h->n++;
    *slot = s;
    return 1;
}

void kurz__doc_init(kurz__doc *d, const kurz__mem *m, kurz__lang lang)
{
    memset(d, 0, sizeof *d);
    /* Every word of the text is looked up in words: a short probe matters.
     * Only new forms go on to stems (about 3 stems per 4 forms), where a
     * fuller table costs little and saves memory. */
    d->words.max_load = 70;
    d->stems.max_load = 80;
    d->seed = kurz__seed(d);
    kurz__tok_init(&d->tok, m, lang);
}

void kurz__doc_free(kurz__doc *d, const kurz__mem *m)
{
    kurz__free(m, d->sents.v);
    kurz__free(m, d->row);
    kurz__free(m, d->ent);
    kurz__free(m, d->nwords);
    kurz__free(m, d->ncontent);
    kurz__free(m, d->df);
    kurz__free(m, d->idf);
    kurz__free(m, d->local);
    kurz__free(m, d->stamp);
    hash_free(&d->words, m);
    hash_free(&d->stems, m);
    kurz__tok_free(&d->tok);
    memset(d, 0, sizeof *d);
}

static size_t pow2_at_least(size_t want, size_t lo, size_t hi)
{
    size_t c = lo;
    while (c < want && c < hi)
        c *= 2;
    return c;
}

/* About how many distinct word forms len bytes of prose hold (Heaps' law,
 * fitted on German encyclopedia text, the richest we measured: 400 forms in
 * 5 kB, 63,000 in 3.5 MB). Only sizes tables: a wrong guess costs a rehash
 * or some unused slots. */
static size_t distinct_forms(size_t len)
{
    return (size_t)(400.0 * pow((double)len / 5000.0, 0.78));
}

static void forget_words(kurz__doc *d)
{
    hash_clear(&d->words);
    hash_clear(&d->stems);
    d->nglobal = 0;
}

/* Hooks of kurz-test.h. */
uint64_t kurz__doc_probes(const kurz__doc *d)
{
    return d->words.probes + d->stems.probes;
}

uint32_t kurz__doc_word_slot(const kurz__doc *d, const uint8_t *w, size_t n)
{
    return tag_of(kurz__hash_bytes(d->seed, w, n), n);
}

void kurz__doc_set_seed(kurz__doc *d, uint64_t seed)
{
    forget_words(d);
    d->seed = seed;
}

static int all_digits(const uint8_t *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (w[i] < '0' || w[i] > '9')
            return 0;
    return 1;
}

#define TERM_STOP 0u          /* value stored for stop words */
#define TERM_NUMBER 0x80000000u /* flag: the term is a number */

/* Word forms map to (global id + 1), with TERM_NUMBER set for numbers, or
 * to TERM_STOP for stop words. */
static int lookup_word(kurz__doc *d, const kurz__mem *m, kurz__lang lang, kurz__stemmer *st,
                       const uint8_t *w, size_t n, uint32_t *out)
{
    uint64_t hash = kurz__hash_padded(d->seed, w, n); /* the same value as hash_bytes */
    uint64_t w8;
    memcpy(&w8, w, 8); /* zero-padded: key8_of(w, n) when n <= KEY_NEAR */
    struct kurz__hslot *slot;
    int r = hash_get_or_put(&d->words, m, w, n, hash, w8, TERM_STOP, &slot);
    if (r < 0)
        return r;
    if (r == 0) {
        *out = slot->val;
        return 0;
    }
    /* a new word form: decide its term; the slot stays put meanwhile (only
     * the other table grows) */
    uint32_t res = TERM_STOP;
    if (!kurz__is_stopword(lang, w, n)) {
        int number = all_digits(w, n);
        const uint8_t *s = w;
        size_t sl = n;
        int rc = number ? 0 : kurz__stem(st, w, n, &s, &sl);
        struct kurz__hslot *ss;
        if (!rc)
            rc = hash_get_or_put(&d->stems, m, s, sl, kurz__hash_bytes(d->seed, s, sl),
                                 sl <= KEY_NEAR ? key8_of(s, sl) : 0, d->nglobal, &ss);
        if (rc == 1) {
            if (d->nglobal >= TERM_NUMBER - 2 ||
                KURZ__GROW(m, d->local, d->local_cap, (size_t)d->nglobal + 1) ||
                KURZ__GROW(m, d->stamp, d->stamp_cap, (size_t)d->nglobal + 1))
                rc = KURZ_ERR_NOMEM;
            else
                d->stamp[d->nglobal++] = 0; /* epoch is never 0 */
        }
        if (rc < 0)
            return rc; /* the caller forgets both tables */
        res = (ss->val + 1) | (number ? TERM_NUMBER : 0);
    }
    slot->val = res;
    *out = res;
    return 0;
}

static int cmp_entry(const void *a, const void *b)
{
    const kurz__entry *x = a, *y = b;
    return (x->term > y->term) - (x->term < y->term);
}

int kurz__doc_build(kurz__doc *d, const kurz__mem *m, kurz__lang lang, kurz__stemmer *st,
                    const char *text, size_t len)
{
    int rc;
    size_t n = d->sents.n;
    if (d->words.n > KURZ__WORD_CACHE || d->words.pool_n > 64 * KURZ__WORD_CACHE)
        forget_words(d);
    /* Size fresh tables for the text at hand, sparing a chain of rehashes
     * (each of which touches a new table: memory touched is time). */
    size_t forms = distinct_forms(len);
    d->words.min_cap = pow2_at_least(forms + forms / 2, 1024, (size_t)1 << 22);
    d->stems.min_cap = pow2_at_least(forms * 15 / 16, 1024, (size_t)1 << 21);
    if (!d->words.pool && KURZ__GROW(m, d->words.pool, d->words.pool_cap, forms * 10))
        return KURZ_ERR_NOMEM;
    if (!d->stems.pool && KURZ__GROW(m, d->stems.pool, d->stems.pool_cap, forms * 6))
        return KURZ_ERR_NOMEM;
    /* a content word takes at least two bytes with its separator */
    if (KURZ__GROW(m, d->ent, d->ent_cap, len / 8 + 16))
        return KURZ_ERR_NOMEM;
    /* prose has a content word per 13 bytes or so: that much will be written */
    kurz__prefault(m, d->ent, len / 16 * sizeof *d->ent);
    if (++d->epoch == 0) { /* wrapped: no stale stamp may look current */
        if (d->stamp)
            memset(d->stamp, 0, d->nglobal * sizeof *d->stamp);
        d->epoch = 1;
    }
    d->nterms = 0;
    d->ent_n = 0;
    if (KURZ__GROW(m, d->row, d->row_cap, n + 1))
        return KURZ_ERR_NOMEM;
    if (KURZ__GROW(m, d->nwords, d->nw_cap, n + 1))
        return KURZ_ERR_NOMEM;
    if (KURZ__GROW(m, d->ncontent, d->nc_cap, n + 1))
        return KURZ_ERR_NOMEM;
    kurz__prefault(m, d->row, (n + 1) * sizeof *d->row);
    kurz__prefault(m, d->nwords, (n + 1) * sizeof *d->nwords);
    kurz__prefault(m, d->ncontent, (n + 1) * sizeof *d->ncontent);

    const uint8_t *s = (const uint8_t *)text;
    for (size_t i = 0; i < n; i++) {
        size_t r0 = d->ent_n;
        d->row[i] = r0;
        d->nwords[i] = kurz__count_words(s, d->sents.v[i].start, d->sents.v[i].end);
        uint32_t content = 0;
        kurz__tok_reset(&d->tok, text, d->sents.v[i].start, d->sents.v[i].end);
        const uint8_t *w;
        size_t wl;
        while ((rc = kurz__tok_next(&d->tok, &w, &wl, NULL, NULL)) == 1) {
            uint32_t v;
            if ((rc = lookup_word(d, m, lang, st, w, wl, &v)))
                goto fail;
            if (v == TERM_STOP)
                continue;
            if (!(v & TERM_NUMBER))
                content++;
            uint32_t g = (v & ~TERM_NUMBER) - 1;
            if (d->stamp[g] != d->epoch) { /* first time in this document */
                if (KURZ__GROW(m, d->df, d->df_cap, d->nterms + 1)) {
                    rc = KURZ_ERR_NOMEM;
                    goto fail;
                }
                d->df[d->nterms] = 0;
                d->local[g] = (uint32_t)d->nterms++;
                d->stamp[g] = d->epoch;
            }
            if (KURZ__GROW(m, d->ent, d->ent_cap, d->ent_n + 1)) {
                rc = KURZ_ERR_NOMEM;
                goto fail;
            }
            d->ent[d->ent_n++] = (kurz__entry){d->local[g], 1.0f};
        }
        if (rc < 0)
            goto fail;
        d->ncontent[i] = content;
        /* sort and merge duplicate terms of the sentence */
        size_t cnt = d->ent_n - r0;
        if (cnt > 1) {
            kurz__entry *e = d->ent + r0;
            if (cnt <= 32) { /* most sentences: insertion sort beats a call */
                for (size_t a = 1; a < cnt; a++) {
                    kurz__entry v = e[a];
                    size_t b = a;
                    while (b > 0 && e[b - 1].term > v.term) {
                        e[b] = e[b - 1];
                        b--;
                    }
                    e[b] = v;
                }
            } else {
                qsort(e, cnt, sizeof *e, cmp_entry);
            }
            size_t k = 0;
            for (size_t j = 1; j < cnt; j++) {
                if (e[j].term == e[k].term)
                    e[k].tf += 1.0f;
                else
                    e[++k] = e[j];
            }
            d->ent_n = r0 + k + 1;
        }
        for (size_t j = r0; j < d->ent_n; j++)
            d->df[d->ent[j].term]++;
    }
    d->row[n] = d->ent_n;
    /* one logarithm per term, not one per occurrence in every later pass */
    if (KURZ__GROW(m, d->idf, d->idf_cap, d->nterms + 1)) {
        rc = KURZ_ERR_NOMEM;
        goto fail;
    }
    kurz__prefault(m, d->idf, d->nterms * sizeof *d->idf);
    for (size_t t = 0; t < d->nterms; t++)
        d->idf[t] = kurz__idf(d->df[t], n);
    return 0;
fail:
    /* a word may have been entered half-way: start the cache afresh */
    forget_words(d);
    return rc;
}

int kurz__doc_terms_of(kurz__doc *d, const kurz__mem *m, kurz__lang lang, kurz__stemmer *st,
                       const char *text, size_t len, float *tf)
{
    if (len == 0)
        return 0;
    kurz__tok_reset(&d->tok, text, 0, len);
    const uint8_t *w;
    size_t wl;
    int rc;
    while ((rc = kurz__tok_next(&d->tok, &w, &wl, NULL, NULL)) == 1) {
        uint32_t v;
        if ((rc = lookup_word(d, m, lang, st, w, wl, &v))) {
            forget_words(d);
            return rc;
        }
        if (v == TERM_STOP)
            continue;
        uint32_t g = (v & ~TERM_NUMBER) - 1;
        if (d->stamp[g] == d->epoch) /* a term of this document */
            tf[d->local[g]] += 1.0f;
    }
    return rc < 0 ? rc : 0;
}
