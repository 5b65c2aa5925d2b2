/* SPDX-License-Identifier: MIT */
/* Language identification over kurz's languages.
 *
 * Script first, then a naive Bayes model among the languages of that script:
 * hashed character 2- to 4-grams of space-padded words and whole short words,
 * with quantized log-probabilities from tools/gen-langid.py
 * (langid-model.c); scoring stops once the best class leads its rivals by
 * e^60 (langid.h), then only word-level tests read on. A text the best
 * language does not fit comes back "und": letters its training text never
 * used (letters that mark a neighbour outside the list count twice), a mean
 * cost per feature above what its own held-out text reached, too few known
 * words, or words of a neighbouring language the class never uses
 * (Afrikaans "nie" against Dutch, Galician "unha" against Portuguese). The
 * neighbours' letters and words are hand-written in data/langid-neighbours/
 * and checked against the training text by the generator.
 * Feature extraction must stay identical to the generator's. See
 * docs/langid.md. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "langid.h"

struct kurz_langid {
    kurz__mem mem;
    kurz__lidres r;
};

enum { SC_OTHER = 0, SC_NSCRIPTS = 9 };

static const struct {
    uint32_t lo, hi;
    uint8_t script;
} ranges[] = {
    /* must match RANGES in tools/gen-langid.py */
    {0x0041, 0x024F, 1}, {0x0370, 0x03FF, 2}, {0x0400, 0x052F, 3}, {0x0530, 0x058F, 4},
    {0x0590, 0x05FF, 5}, {0x0600, 0x06FF, 6}, {0x0750, 0x077F, 6}, {0x08A0, 0x08FF, 6},
    {0x0900, 0x097F, 7}, {0x0B80, 0x0BFF, 8}, {0x1E00, 0x1EFF, 1}, {0x1F00, 0x1FFF, 2},
    {0xA8E0, 0xA8FF, 7}, {0xFB13, 0xFB17, 4}, {0xFB1D, 0xFB4F, 5}, {0xFB50, 0xFDFF, 6},
    {0xFE70, 0xFEFF, 6}, {0xFF21, 0xFF5A, 1},
};

static int script_of(uint32_t cp)
{
    if (cp < 0x250)
        return cp >= 0x41 ? 1 : 0;
    for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++)
        if (cp >= ranges[i].lo && cp <= ranges[i].hi)
            return ranges[i].script;
    return SC_OTHER;
}

/* Decodes the next code point of valid UTF-8 at s[*i..n); returns it
 * lowercased when it is a letter or mark, else -1. *upper (if not NULL)
 * says whether lowercasing changed it. */
#if defined(__GNUC__)
#define LID_HOT inline __attribute__((always_inline)) /* in every letter loop */
#else
#define LID_HOT inline
#endif
static LID_HOT int32_t next_letter(const uint8_t *s, size_t n, size_t *i, int *upper)
{
    uint8_t c = s[*i];
    if (c < 0x80) {
        (*i)++;
        if ((uint8_t)((c | 0x20) - 'a') >= 26)
            return -1;
        if (upper)
            *upper = !(c & 0x20);
        return c | 0x20;
    }
    if (c == 0xC3 && *i + 1 < n && (s[*i + 1] & 0xC0) == 0x80) {
        /* U+00C0..U+00FF, the accented letters of Western European
         * languages: letters all but the signs U+00D7 and U+00F7, lowered
         * by +0x20 up to U+00DE (what utf8proc says, without the lookup). */
        int32_t cp = 0xC0 | (s[*i + 1] & 0x3F);
        *i += 2;
        if (cp == 0xD7 || cp == 0xF7)
            return -1;
        int up = cp < 0xDF;
        if (upper)
            *upper = up;
        return up ? cp + 0x20 : cp;
    }
    int32_t cp;
    *i += kurz__utf8_decode(s + *i, n - *i, &cp);
    utf8proc_category_t cat = utf8proc_category(cp);
    if (cat < UTF8PROC_CATEGORY_LU || cat > UTF8PROC_CATEGORY_ME)
        return -1;
    int32_t low = utf8proc_tolower(cp);
    if (upper)
        *upper = low != cp;
    return low;
}

#define LID_FNV_PRIME 16777619u
#define LID_FNV_SEED(order) (2166136261u ^ ((uint32_t)(order) * 0x9E3779B9u))

/* The end of fhash, after the code points went in. */
static LID_HOT uint32_t fmix(uint32_t h)
{
    h ^= h >> 16;
    h *= 0x85EBCA6Bu;
    h ^= h >> 13;
    h *= 0xC2B2AE35u;
    h ^= h >> 16;
    return h ? h : 1;
}

static LID_HOT uint32_t fhash(uint32_t order, const uint32_t *cp, size_t n)
{
    uint32_t h = LID_FNV_SEED(order);
    for (size_t i = 0; i < n; i++)
        h = (h ^ cp[i]) * LID_FNV_PRIME;
    return fmix(h);
}

_Static_assert(KURZ__LID_MINORDER == 2 && KURZ__LID_NORDERS == 5,
               "word_features makes the n-grams of orders 2, 3 and 4");

/* fhash of an n-gram, its order (= length) a constant at each call. */
static LID_HOT uint32_t fhash_fixed(uint32_t order, const uint32_t *cp)
{
    return fhash(order, cp, order);
}

/* The postings word of a feature (start << 5 | count), 0 when unknown. */
static uint32_t lookup(uint32_t h)
{
    uint32_t size = kurz__lid_nslots;
    uint16_t fp = (uint16_t)(h & 0xFFFF);
    if (!fp)
        fp = 1;
    uint32_t i = (uint32_t)(((uint64_t)(h >> 16) * size) >> 16); /* = slot_of(h) */
    while (kurz__lid_slot[i][0]) {
        if (kurz__lid_slot[i][0] == fp)
            return kurz__lid_slot[i][1] | (uint32_t)kurz__lid_slot[i][2] << 16;
        if (++i == size)
            i = 0;
    }
    return 0;
}

typedef struct scorer {
    int64_t cost[32]; /* indexed by a 5-bit class field */
    uint32_t dsave[KURZ__LID_DENSE_WIDTH]; /* dense rows' savings, by place in the script */
    /* The latest rows' savings, in lanes half as wide (twice as many to a
     * vector add), moved to dsave before 257 rows of 255 could overflow. */
    uint16_t dsave16[KURZ__LID_DENSE_WIDTH];
    uint32_t ndense16;
    uint32_t known[32];
    uint32_t nord[KURZ__LID_NORDERS];
    uint32_t marked[KURZ__LID_NCLASSES]; /* function words foreign to the class */
    uint32_t lwords; /* words read by word_light (not in nord[0]) */
} scorer;

/* The marker-word entry {hash, foreign mask, strong mask} of the word with
 * order-0 hash h, or NULL. A word counts 1 against the classes of its
 * foreign mask, 2 against those of its strong mask (a word no listed
 * language's training text uses). */
static const uint32_t *marker_of(uint32_t h)
{
    uint32_t bit = (h >> 7) % KURZ__LID_MBITS;
    if (!((kurz__lid_mbits[bit / 32] >> (bit % 32)) & 1))
        return NULL;
    size_t lo = 0, hi = kurz__lid_nmwords;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (kurz__lid_mword[mid][0] == h)
            return kurz__lid_mword[mid];
        if (kurz__lid_mword[mid][0] < h)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

static uint32_t slot_of(uint32_t h)
{
    return (uint32_t)(((uint64_t)(h >> 16) * kurz__lid_nslots) >> 16);
}

/* Adds a feature whose postings word (from lookup) is w; word = 1 when it
 * is a whole word (order 0), else 0. (word_features counts it in nord and
 * the marker words.) */
static void feature(scorer *sc, uint32_t w, uint32_t word)
{
    uint32_t np = w & 31;
    if (np == KURZ__LID_DENSE) { /* an n-gram, never a word (the generator) */
        const uint8_t *row = kurz__lid_dense[w >> 5];
        for (int j = 0; j < KURZ__LID_DENSE_WIDTH; j++)
            sc->dsave16[j] = (uint16_t)(sc->dsave16[j] + row[j]);
        if (++sc->ndense16 == 257) {
            for (int j = 0; j < KURZ__LID_DENSE_WIDTH; j++) {
                sc->dsave[j] += sc->dsave16[j];
                sc->dsave16[j] = 0;
            }
            sc->ndense16 = 0;
        }
        return;
    }
    const uint16_t *p = kurz__lid_posts + (w >> 5);
    /* A posting is (class << 8 | what the feature saves over an unseen one). */
    for (uint32_t k = 0; k < np; k++) {
        uint32_t c = (p[k] >> 8) & 31;
        sc->cost[c] -= p[k] & 0xFF;
        sc->known[c] += word;
    }
}

/* After the ranking settled (its head, class b, no longer changes): only
 * the word-level fit tests of b (known words, a neighbour's function words)
 * go on reading, at one lookup a word. The words are gathered first (their
 * order-0 hashes, with mk saying whether a marker counts), then tested. */
typedef struct light {
    uint32_t h[KURZ__LID_LIGHT_WORDS];
    uint8_t mk[KURZ__LID_LIGHT_WORDS];
    size_t n;
} light;

/* A word of at most KURZ__LID_WORDMAX letters, its order-0 hash h. */
static void light_add(light *l, uint32_t h, int mark)
{
    if (l->n == KURZ__LID_LIGHT_WORDS)
        return;
    l->h[l->n] = h;
    l->mk[l->n++] = (uint8_t)mark;
}

/* The words of l against class b, whose known-word test asks for
 * known * 255 >= need (need counts every word, these included). Once that
 * holds, more known words cannot change the answer: the other words are
 * only looked up in the marker list (a small filter, nearly always enough),
 * not in the feature table. The lookups are made a few words at a time,
 * in rounds, so that their cache misses overlap. */
#define LID_LIGHT_CHUNK 8
static void light_run(scorer *sc, const light *l, int b, uint64_t need)
{
    sc->lwords += (uint32_t)l->n;
    for (size_t j = 0; j < l->n; j++) {
        const uint32_t *mw = l->mk[j] ? marker_of(l->h[j]) : NULL;
        if (mw)
            sc->marked[b] += ((mw[1] >> b) & 1) + ((mw[2] >> b) & 1);
    }
    for (size_t j0 = 0; j0 < l->n && (uint64_t)sc->known[b] * 255 < need; j0 += LID_LIGHT_CHUNK) {
        size_t j1 = j0 + LID_LIGHT_CHUNK < l->n ? j0 + LID_LIGHT_CHUNK : l->n;
        uint32_t pw[LID_LIGHT_CHUNK];
        for (size_t j = j0; j < j1; j++) {
            __builtin_prefetch(kurz__lid_slot[slot_of(l->h[j])]);
        }
        for (size_t j = j0; j < j1; j++) {
            pw[j - j0] = lookup(l->h[j]);
            __builtin_prefetch(kurz__lid_posts + (pw[j - j0] >> 5));
        }
        for (size_t j = j0; j < j1; j++) {
            uint32_t w = pw[j - j0];
            if ((w & 31) == KURZ__LID_DENSE) /* words are never dense (the generator) */
                continue;
            const uint16_t *p = kurz__lid_posts + (w >> 5);
            for (uint32_t k = 0; k < (w & 31); k++) /* postings are sorted by class */
                if ((int)((p[k] >> 8) & 31) >= b) {
                    sc->known[b] += (int)((p[k] >> 8) & 31) == b;
                    break;
                }
        }
    }
}

/* The features of a few words (up to a settled() check: 4 script words),
 * gathered first, their slots prefetched, then looked up in rounds (every
 * key's postings word, the postings prefetched, then the postings): the
 * table's cache misses overlap instead of queueing. */
#define LID_BATCH_WORDS 4
#define LID_WORD_KEYS (1 + (KURZ__LID_MAXWORD + 2) * (KURZ__LID_NORDERS - KURZ__LID_MINORDER))
typedef struct batch {
    uint32_t hs[LID_BATCH_WORDS * LID_WORD_KEYS];
    uint8_t os[LID_BATCH_WORDS * LID_WORD_KEYS]; /* 1 for a whole word, 0 for an n-gram */
    size_t n;
} batch;

static void word_features(scorer *sc, batch *bt, const uint32_t *w, size_t n, int mark)
{
    uint32_t p[KURZ__LID_MAXWORD + 2];
    uint32_t *hs = bt->hs + bt->n;
    uint8_t *os = bt->os + bt->n;
    size_t nh = 0;
    if (n <= KURZ__LID_WORDMAX) {
        uint32_t h = fhash(0, w, n);
        const uint32_t *mw = mark ? marker_of(h) : NULL;
        if (mw)
            for (int k = 0; k < KURZ__LID_NCLASSES; k++)
                sc->marked[k] += ((mw[1] >> k) & 1) + ((mw[2] >> k) & 1);
        sc->nord[0]++;
        hs[nh] = h;
        os[nh++] = 1;
    }
    /* n + 1, n and n - 1 n-grams of orders 2, 3 and 4 (n >= 1) */
    sc->nord[2] += (uint32_t)n + 1;
    sc->nord[3] += (uint32_t)n;
    sc->nord[4] += (uint32_t)n - 1;
    p[0] = ' ';
    memcpy(p + 1, w, n * sizeof *w);
    p[n + 1] = ' ';
    size_t len = n + 2;
    /* one loop an order, so that each hash loop has a constant length */
    for (size_t i = 0; i + 2 <= len; i++) {
        hs[nh] = fhash_fixed(2, p + i);
        os[nh++] = 0;
    }
    for (size_t i = 0; i + 3 <= len; i++) {
        hs[nh] = fhash_fixed(3, p + i);
        os[nh++] = 0;
    }
    for (size_t i = 0; i + 4 <= len; i++) {
        hs[nh] = fhash_fixed(4, p + i);
        os[nh++] = 0;
    }
    for (size_t k = 0; k < nh; k++) {
        uint32_t i = slot_of(hs[k]);
        __builtin_prefetch(kurz__lid_slot[i]);
    }
    bt->n += nh;
}

static void batch_run(scorer *sc, batch *bt)
{
    uint32_t ws[LID_BATCH_WORDS * LID_WORD_KEYS];
    for (size_t k = 0; k < bt->n; k++) {
        ws[k] = lookup(bt->hs[k]);
        if ((ws[k] & 31) == KURZ__LID_DENSE)
            __builtin_prefetch(kurz__lid_dense[ws[k] >> 5]);
        else
            __builtin_prefetch(kurz__lid_posts + (ws[k] >> 5));
    }
    for (size_t k = 0; k < bt->n; k++)
        feature(sc, ws[k], bt->os[k]);
    bt->n = 0;
}

/* Total cost of class k so far. */
static int64_t total_cost(const scorer *sc, int k)
{
    int l = kurz__lid_class_local[k];
    int64_t c = sc->cost[k] - sc->dsave[l] - sc->dsave16[l];
    for (int o = 0; o < KURZ__LID_NORDERS; o++)
        c += (int64_t)sc->nord[o] * kurz__lid_unseen[k][o];
    return c;
}

/* The best class once the ranking settled, else -1. */
static int settled(const scorer *sc, int script)
{
    uint64_t nf = 0;
    for (int o = 0; o < KURZ__LID_NORDERS; o++)
        nf += sc->nord[o];
    if (nf < KURZ__LID_SETTLED_MIN)
        return -1;
    if (kurz__lid_script_alone[script])
        return nf >= KURZ__LID_SETTLED_ALONE ? kurz__lid_script_alone[script] - 1 : -1;
    int64_t best = INT64_MAX, second = INT64_MAX;
    int b = -1;
    for (int k = 0; k < KURZ__LID_NCLASSES; k++) {
        if (kurz__lid_class_script[k] != script)
            continue;
        int64_t c = total_cost(sc, k);
        if (c < best) { /* ties keep class order, as the final ranking does */
            second = best;
            best = c;
            b = k;
        } else if (c < second) {
            second = c;
        }
    }
    return second - best >= KURZ__LID_SETTLED ? b : -1;
}

static int in_sorted(const uint16_t *a, size_t lo, size_t hi, uint32_t cp)
{
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (a[mid] == cp)
            return 1;
        if (a[mid] < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

static int in_alphabet(int cls, uint32_t cp)
{
    return in_sorted(kurz__lid_alpha, kurz__lid_alpha_at[cls], kurz__lid_alpha_at[cls + 1], cp);
}

/* A foreign letter that counts twice for class cls. */
static int strong_letter(int cls, uint32_t cp)
{
    return in_sorted(kurz__lid_strong, kurz__lid_strong_at[cls], kurz__lid_strong_at[cls + 1], cp);
}

static const char und[] = "und";

/* Sample length: at most KURZ__LID_SAMPLE bytes, not cutting a character. */
static size_t sample_len(const uint8_t *s, size_t len)
{
    if (len <= KURZ__LID_SAMPLE)
        return len;
    size_t n = KURZ__LID_SAMPLE;
    for (int k = 0; k < 3 && n > 0 && (s[n] & 0xC0) == 0x80; k++)
        n--;
    return n;
}

/* Pass 1's state: letters per script, a word counted in its first
 * letter's, over the first KURZ__LID_SCRIPT_LETTERS letters; it stops
 * early once the letters left could not change the leader. */
typedef struct scripts {
    size_t letters[SC_NSCRIPTS], nletters;
    int done;
} scripts;

/* A word (of script wscript, -1 when none) ended: can the rest still
 * change the leader? Not before half the letters are read. */
static void scripts_word_end(scripts *p, int wscript)
{
    if (wscript < 0 || 2 * p->nletters <= KURZ__LID_SCRIPT_LETTERS)
        return;
    size_t top = 0, second = 0;
    for (int k = 0; k < SC_NSCRIPTS; k++) {
        if (p->letters[k] > top) {
            second = top;
            top = p->letters[k];
        } else if (p->letters[k] > second) {
            second = p->letters[k];
        }
    }
    if (top - second > KURZ__LID_SCRIPT_LETTERS - p->nletters)
        p->done = 1;
}

/* A word of wl letters, the first of script wscript, ended (pass 1 a word
 * at a time): its letters up to the KURZ__LID_SCRIPT_LETTERS-th count. */
static void scripts_word(scripts *p, int wscript, size_t wl)
{
    size_t room = KURZ__LID_SCRIPT_LETTERS - p->nletters;
    size_t k = wl < room ? wl : room;
    p->letters[wscript] += k;
    p->nletters += k;
    if (p->nletters == KURZ__LID_SCRIPT_LETTERS)
        p->done = 1;
    else
        scripts_word_end(p, wscript);
}

/* Pass 1 from byte i (at a word boundary) on. */
static void scripts_count(scripts *p, const uint8_t *s, size_t n, size_t i)
{
    int wscript = -1;
    while (!p->done && i < n && p->nletters < KURZ__LID_SCRIPT_LETTERS) {
        int32_t c = next_letter(s, n, &i, NULL);
        if (c < 0) {
            scripts_word_end(p, wscript);
            wscript = -1;
            continue;
        }
        if (wscript < 0)
            wscript = script_of((uint32_t)c);
        p->letters[wscript]++;
        p->nletters++;
    }
    p->done = 1;
}

/* Pass 3's letters, gathered by pass 2: how often each letter of the
 * script occurs in what pass 2 read before the ranking settled. */
#define LID_HIST 128 /* slots for letters beyond ASCII; at most 3/4 used */
typedef struct hist {
    uint32_t ascii[26];
    uint32_t cp[LID_HIST], cnt[LID_HIST];
    size_t distinct, own;
    int full; /* more letters than the table takes: pass 3 reads them again */
} hist;

/* Counts letter c (t->own is counted a word at a time by the caller). */
static void hist_add(hist *t, int32_t c)
{
    if ((uint32_t)(c - 'a') < 26) {
        t->ascii[c - 'a']++;
        return;
    }
    uint32_t j = ((uint32_t)c * 0x9E3779B1u) >> 25;
    while (t->cp[j] && t->cp[j] != (uint32_t)c)
        j = (j + 1) & (LID_HIST - 1);
    if (!t->cp[j]) {
        if (4 * (t->distinct + 1) > 3 * LID_HIST) {
            t->full = 1;
            return;
        }
        t->distinct++;
        t->cp[j] = (uint32_t)c;
    }
    t->cnt[j]++;
}

/* What a letter c of the script, n times, weighs against class b. */
static size_t alien_weight(int b, uint32_t c, size_t n)
{
    if (c >= 0x300 && utf8proc_category((int32_t)c) >= UTF8PROC_CATEGORY_MN)
        return 0; /* a mark (diacritic, vowel sign): not a letter of its own */
    if (in_alphabet(b, c))
        return 0;
    return n * (size_t)(1 + strong_letter(b, c));
}

/* The length bucket of the rejection thresholds for nf features. */
static int bucket_of(uint64_t nf)
{
    return nf < 150 ? 0 : nf < 400 ? 1 : nf < 1200 ? 2 : 3;
}

/* Pass 2 from byte i on, once the ranking settled: the words of script
 * only go to the word-level tests (light_add), each hashed as it is
 * decoded; up to KURZ__LID_LIGHT_WORDS script words in all (*nwords read so
 * far; at least one more). start: a sentence starts. Returns where it
 * stopped. */
static size_t light_scan(light *lt, scripts *p, const uint8_t *s, size_t n, size_t i,
                         int start, size_t nwords, int script)
{
    int upper = 0, caps = 0, wscript = -1;
    size_t wl = 0;
    uint32_t h = LID_FNV_SEED(0);
    while (i <= n) {
        size_t at = i;
        int32_t c = i < n ? next_letter(s, n, &i, &upper) : (i++, -1);
        if (c >= 0) {
            if (wscript < 0)
                wscript = script_of((uint32_t)c);
            if (wl < 2 && upper)
                caps |= 1 << wl;
            h = (h ^ (uint32_t)c) * LID_FNV_PRIME; /* used up to KURZ__LID_WORDMAX letters */
            wl++;
            continue;
        }
        if (wl) {
            if (!p->done)
                scripts_word(p, wscript, wl);
            if (wscript == script) {
                nwords++;
                int mark = !(caps & 1) || (start && !(caps & 2) && wl > 1);
                if (wl <= KURZ__LID_WORDMAX)
                    light_add(lt, fmix(h), mark);
                if (nwords >= KURZ__LID_LIGHT_WORDS)
                    break;
            }
            start = 0;
        }
        if (at < n && (s[at] == '.' || s[at] == '!' || s[at] == '?'))
            start = 1;
        wl = 0;
        caps = 0;
        wscript = -1;
        h = LID_FNV_SEED(0);
    }
    return i;
}

/* Pass 2: the features of the words of script over s[0..n) (with pass 1
 * counted alongside while p->done is 0, and pass 3's letters into *t).
 * Returns where pass 3 would stop (the settling point or n); *head = the
 * settled best class or -1. */
static size_t scan(scorer *sc, hist *t, scripts *p, int *head, const uint8_t *s, size_t n,
                   int script)
{
    batch bt;
    bt.n = 0;
    light lt;
    lt.n = 0;
    uint32_t w[KURZ__LID_MAXWORD];
    size_t wn = 0, nwords = 0, read = n;
    *head = -1;
    /* A neighbour's marker word counts only when written as a function
     * word is: in lower case, or capitalized at the start of a sentence;
     * not as a name or an acronym ("Dae-jung", "PRI"). */
    int start = 1, upper = 0, caps = 0, wscript = -1, counting = 0;
    size_t i = 0, wl = 0; /* wl: the word's letters (wn stops at KURZ__LID_MAXWORD) */
    while (i <= n) {
        size_t at = i;
        int32_t c = i < n ? next_letter(s, n, &i, &upper) : (i++, -1);
        if (c >= 0) {
            if (wscript < 0) {
                wscript = script_of((uint32_t)c);
                counting = wscript == script && read == n;
            }
            wl++;
            if (counting)
                hist_add(t, c);
            if (wn < 2 && upper)
                caps |= 1 << wn;
            if (wn < KURZ__LID_MAXWORD)
                w[wn++] = (uint32_t)c;
            continue;
        }
        if (wl) {
            if (!p->done)
                scripts_word(p, wscript, wl);
            if (counting)
                t->own += wl;
            wl = 0;
        }
        if (wscript == script && wn) {
            nwords++;
            int mark = !(caps & 1) || (start && !(caps & 2) && wn > 1);
            word_features(sc, &bt, w, wn, mark);
            if (nwords % LID_BATCH_WORDS == 0) {
                batch_run(sc, &bt);
                if ((*head = settled(sc, script)) >= 0)
                    read = i < n ? i : n;
            }
        }
        if (wn)
            start = 0;
        if (at < n && (s[at] == '.' || s[at] == '!' || s[at] == '?'))
            start = 1;
        wn = 0;
        caps = 0;
        wscript = -1;
        if (read < n) { /* settled: the rest is lighter */
            i = light_scan(&lt, p, s, n, i, start, nwords, script);
            break;
        }
    }
    if (bt.n)
        batch_run(sc, &bt);
    if (lt.n) {
        /* the known-word test's bar (identify), for every word read */
        uint64_t nf = 0;
        for (int o = 0; o < KURZ__LID_NORDERS; o++)
            nf += sc->nord[o];
        uint64_t nw = (uint64_t)sc->nord[0] + lt.n;
        light_run(sc, &lt, *head, (uint64_t)kurz__lid_minknown[*head][bucket_of(nf)] * nw);
    }
    if (!p->done)
        scripts_count(p, s, n, i);
    return read;
}

static int identify(kurz__lidres *r, const char *text, size_t len, size_t *bad, int validate)
{
    const uint8_t *s = (const uint8_t *)text;
    memset(r, 0, sizeof *r);
    r->lang = und;
    if (!text || !len)
        return 0;
    size_t n = sample_len(s, len);
    r->examined = n;
    size_t badat;
    if (validate && !kurz__utf8_valid(s, n, &badat)) {
        if (bad)
            *bad = badat;
        return KURZ_ERR_INVALID_UTF8;
    }

    /* Pass 2 reads the words of one script, which pass 1 names; both run
     * at once, under the script of the first letter (nearly always the
     * one pass 1 names; else pass 2 runs again). */
    scripts p;
    memset(&p, 0, sizeof p);
    int guess = SC_OTHER;
    for (size_t i = 0; i < n;) {
        int32_t c = next_letter(s, n, &i, NULL);
        if (c >= 0) {
            guess = script_of((uint32_t)c);
            break;
        }
    }
    scorer sc;
    hist t;
    int head = -1;
    size_t read = n;
    if (guess != SC_OTHER) {
        memset(&sc, 0, sizeof sc);
        memset(&t, 0, sizeof t);
        read = scan(&sc, &t, &p, &head, s, n, guess);
    } else {
        scripts_count(&p, s, n, 0);
    }
    int script = 0;
    for (int k = 1; k < SC_NSCRIPTS; k++)
        if (p.letters[k] > p.letters[script])
            script = k;
    if (script == SC_OTHER || p.letters[script] < KURZ__LID_MINLETTERS)
        return 0;
    if (script != guess) {
        memset(&sc, 0, sizeof sc);
        memset(&t, 0, sizeof t);
        read = scan(&sc, &t, &p, &head, s, n, script); /* p is done */
    }

    /* Rank the classes of the script. */
    uint64_t nf = 0;
    for (int o = 0; o < KURZ__LID_NORDERS; o++)
        nf += sc.nord[o];
    int idx[KURZ__LID_NCLASSES];
    size_t nc = 0;
    for (int k = 0; k < KURZ__LID_NCLASSES; k++) {
        if (kurz__lid_class_script[k] != script)
            continue;
        sc.cost[k] = total_cost(&sc, k);
        size_t j = nc++;
        while (j > 0 && sc.cost[idx[j - 1]] > sc.cost[k]) { /* stable: ties keep class order */
            idx[j] = idx[j - 1];
            j--;
        }
        idx[j] = k;
    }
    if (!nc || !nf)
        return 0;
    /* Scores: a softmax of the log-likelihoods (cost / 16 nats), tempered
     * by the number of features so that long texts are not all-or-nothing. */
    double temp = 20.0 / (double)(nf > 20 ? nf : 20) / 16.0, sum = 0;
    int64_t best = sc.cost[idx[0]];
    for (size_t j = 0; j < nc; j++) {
        double e = (double)(sc.cost[idx[j]] - best) * temp;
        r->cand[j].lang = kurz__lid_class_code[idx[j]];
        r->cand[j].score = e > 700 ? 0 : exp(-e);
        sum += r->cand[j].score;
    }
    for (size_t j = 0; j < nc; j++)
        r->cand[j].score /= sum;
    r->ncand = nc;

    /* Does the text fit its best class? */
    int b = idx[0];
    int bucket = bucket_of(nf);
    /* The mean cost per feature is tested where no rival was left far
     * behind: on short text, or in a script of one class. */
    int rival = head >= 0 && !kurz__lid_script_alone[script];
    if (!rival && (uint64_t)best * 16 > (uint64_t)kurz__lid_maxper[b][bucket] * nf)
        return 0;
    uint64_t nw = (uint64_t)sc.nord[0] + sc.lwords;
    if (sc.marked[b] >= 2 && (uint64_t)sc.marked[b] * 25 >= nw)
        return 0;
    if (nw && (uint64_t)sc.known[b] * 255 < (uint64_t)kurz__lid_minknown[b][bucket] * nw)
        return 0;
    /* Pass 3, over the part pass 2 read before the ranking settled (its
     * letters counted by pass 2): letters of the script foreign to the
     * class. */
    size_t alien = 0, own = t.own;
    if (!t.full) {
        for (int j = 0; j < 26; j++)
            if (t.ascii[j])
                alien += alien_weight(b, (uint32_t)('a' + j), t.ascii[j]);
        for (size_t j = 0; j < LID_HIST; j++)
            if (t.cp[j])
                alien += alien_weight(b, t.cp[j], t.cnt[j]);
    } else { /* read them again */
        own = 0;
        int wscript = -1;
        for (size_t i = 0; i < read;) {
            int32_t c = next_letter(s, read, &i, NULL);
            if (c < 0) {
                wscript = -1;
                continue;
            }
            if (wscript < 0)
                wscript = script_of((uint32_t)c);
            if (wscript != script)
                continue;
            own++;
            alien += alien_weight(b, (uint32_t)c, 1);
        }
    }
    if (alien >= 2 && alien * 100 >= own)
        return 0;
    r->lang = kurz__lid_class_code[b];
    r->confidence = r->cand[0].score;
    return 0;
}

int kurz__identify(kurz__lidres *r, const char *text, size_t len, size_t *bad)
{
    return identify(r, text, len, bad, 1);
}

void kurz__identify_unchecked(kurz__lidres *r, const char *text, size_t len)
{
    identify(r, text, len, NULL, 0);
}

/* ---- Public API ---------------------------------------------------------- */

int kurz__identify_alloc(const kurz__mem *m, kurz_langid **out, const char *text, size_t len)
{
    if (!out)
        return KURZ_ERR_INVALID_ARG;
    *out = NULL;
    if (!text && len)
        return KURZ_ERR_INVALID_ARG;
    kurz_langid *res = kurz__malloc(m, sizeof *res);
    if (!res)
        return KURZ_ERR_NOMEM;
    res->mem = *m;
    int rc = kurz__identify(&res->r, text, len, NULL);
    if (rc) {
        kurz__free(m, res);
        return rc;
    }
    *out = res;
    return KURZ_OK;
}

KURZ_API int kurz_identify(kurz_langid **out, const char *text, size_t len)
{
    kurz__mem m;
    kurz__mem_default(&m);
    return kurz__identify_alloc(&m, out, text, len);
}

KURZ_API const char *kurz_langid_language(const kurz_langid *r)
{
    return r ? r->r.lang : und;
}

KURZ_API double kurz_langid_confidence(const kurz_langid *r)
{
    return r ? r->r.confidence : 0.0;
}

KURZ_API size_t kurz_langid_count(const kurz_langid *r)
{
    return r ? r->r.ncand : 0;
}

KURZ_API int kurz_langid_get(const kurz_langid *r, size_t i, const char **lang, double *score)
{
    if (!r)
        return KURZ_ERR_INVALID_ARG;
    if (i >= r->r.ncand)
        return KURZ_ERR_OUT_OF_RANGE;
    if (lang)
        *lang = r->r.cand[i].lang;
    if (score)
        *score = r->r.cand[i].score;
    return KURZ_OK;
}

KURZ_API size_t kurz_langid_examined(const kurz_langid *r)
{
    return r ? r->r.examined : 0;
}

KURZ_API void kurz_langid_free(kurz_langid *r)
{
    if (r) {
        kurz__mem m = r->mem;
        kurz__free(&m, r);
    }
}
