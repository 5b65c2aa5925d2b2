/* SPDX-License-Identifier: MIT */
/* Sentence features for the learned scorer (score.c), and the opener test
 * of coherent selection (select.c). Everything here is one pass over the
 * sentences' term vectors and a short scan of their bytes: cheap next to
 * stemming. bench/kurz-features.c dumps these very values for
 * tools/train-scorer.py, so training and scoring cannot disagree. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "feature.h"

#if defined(__SSE2__)
#include <emmintrin.h> /* scan(): sixteen bytes at a time */
#endif

const char *const kurz__feature_names[KURZ__NFEAT] = {
    "pos_inv", "pos_rel", "first",  "para_first", "para_rel", "len",    "short",
    "cent",    "centroid", "topterms", "title",   "leadsim", "digits", "quote",
    "caps",    "noterm",  "question", "opener",  "notok",  "content", "wordlen",
    "paren",   "centroid_rel", "cent_rank", "len_rel", "para_idx", "doc_len",
};

/* ---- Openers ------------------------------------------------------------ */
#define OPENER_WORDS 3   /* the longest entry, in words */
#define OPENER_BYTES 96  /* room for the key of the first OPENER_WORDS words */

static const kurz__wordlist *opener_list(kurz__lang lang)
{
    const char *code = kurz__lang_rules_code(lang);
    return code ? kurz__wl_lang("opener", code) : NULL; /* data/opener/<code>.txt */
}

/* Does an entry of list start with key[0..kn) and a space (a longer entry
 * that key may grow into)? The entries are sorted by bytes: one binary
 * search for the first entry not below the key. */
static int has_longer(const kurz__wordlist *list, const char *key, size_t kn)
{
    size_t lo = 0, hi = list->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2, el;
        const char *e = kurz__wl_at(list, mid, &el);
        size_t k = el < kn ? el : kn;
        int c = memcmp(e, key, k);
        if (c < 0 || (c == 0 && el < kn))
            lo = mid + 1;
        else
            hi = mid;
    }
    /* the entries with key as a prefix follow from lo: key itself, then
     * key followed by bytes below ' ', then by ' ', then by higher bytes */
    for (size_t i = lo; i < list->n; i++) {
        size_t el;
        const char *e = kurz__wl_at(list, i, &el);
        if (el < kn || memcmp(e, key, kn) != 0)
            return 0;
        if (el == kn)
            continue; /* key itself */
        if ((uint8_t)e[kn] == ' ')
            return 1;
        if ((uint8_t)e[kn] > ' ')
            return 0;
    }
    return 0;
}

/* A Bloom filter of the first words of a list's entries: a sentence whose
 * first word misses it opens with no entry, without a lookup. */
#define FILTER_WORDS 16 /* 1024 bits, as kurz__doc's opener_filter */

static unsigned first_bit(const uint8_t *w, size_t n) /* n > 0 */
{
    uint32_t k = (uint32_t)w[0] | (n > 1 ? (uint32_t)w[1] << 8 : 0u) | (uint32_t)(n & 0xFF) << 16;
    return (unsigned)((k * 0x9E3779B1u) >> 22); /* 0..1023 */
}

static void first_words_of(const kurz__wordlist *list, uint64_t *fw)
{
    memset(fw, 0, FILTER_WORDS * sizeof *fw);
    for (size_t i = 0; i < list->n; i++) {
        size_t el;
        const char *e = kurz__wl_at(list, i, &el);
        const char *sp = memchr(e, ' ', el);
        size_t n = sp ? (size_t)(sp - e) : el;
        if (n == 0)
            continue;
        unsigned b = first_bit((const uint8_t *)e, n);
        fw[b >> 6] |= (uint64_t)1 << (b & 63);
    }
}

/* Does text[start..end) open with an entry of list (not NULL)? fw: the
 * filter of list. The next word is read only while a longer entry can
 * still match: most sentences cost one word and no lookup. */
static int opens_with(const kurz__wordlist *list, const uint64_t *fw, kurz__tokenizer *t,
                      const char *text, size_t start, size_t end)
{
    const uint8_t *u = (const uint8_t *)text;
    if (fw && start < end && kurz__byte_class[u[start]] == KURZ__B_ALNUM) {
        /* a first word of ASCII letters and digits followed by ASCII (not
         * an apostrophe, which may make it an elided article): the
         * tokenizer would give it lower-cased, so the filter can be asked
         * without the tokenizer */
        size_t p = start;
        while (p < end && kurz__byte_class[u[p]] == KURZ__B_ALNUM)
            p++;
        if (p == end || (u[p] < 0x80 && u[p] != '\'')) {
            uint8_t w2[2] = {(uint8_t)(u[start] | 0x20),
                             (uint8_t)(p - start > 1 ? u[start + 1] | 0x20 : 0)};
            unsigned b = first_bit(w2, p - start);
            if (!((fw[b >> 6] >> (b & 63)) & 1))
                return 0;
        }
    }
    char key[OPENER_BYTES];
    size_t kn = 0;
    kurz__tok_reset(t, text, start, end);
    const uint8_t *w;
    size_t wl;
    for (int k = 0; k < OPENER_WORDS; k++) {
        if (kurz__tok_next(t, &w, &wl, NULL, NULL) != 1) /* the end, or no memory: no opener */
            return 0;
        if (k == 0 && fw) {
            unsigned b = first_bit(w, wl);
            if (!((fw[b >> 6] >> (b & 63)) & 1))
                return 0;
        }
        if (kn + (k > 0) + wl + 1 > sizeof key)
            return 0;
        if (k > 0)
            key[kn++] = ' ';
        memcpy(key + kn, w, wl);
        kn += wl;
        key[kn] = '\0';
        if (kurz__wl_find(list, (const uint8_t *)key, kn) >= 0)
            return 1;
        if (k + 1 < OPENER_WORDS && !has_longer(list, key, kn))
            return 0;
    }
    return 0;
}

int kurz__opener(kurz__tokenizer *t, kurz__lang lang, const char *text, size_t start,
                 size_t end)
{
    const kurz__wordlist *list = opener_list(lang);
    return list ? opens_with(list, NULL, t, text, start, end) : 0;
}

/* ---- Byte-level facts ------------------------------------------------- */
typedef struct surface {
    int digits, quote, question, paren;
    size_t bytes; /* in words */
    unsigned words, caps; /* words, and those after the first that start upper case */
} surface;

/* What a byte is to scan(): one table lookup instead of a chain of tests. */
enum {
    B_WORD = 1,   /* an ASCII letter or digit, '_' */
    B_UPPER = 2,  /* A..Z */
    B_DIGIT = 4,
    B_QUOTE = 8,  /* '"' */
    B_PAREN = 16, /* ( ) */
    B_LEAD = 32,  /* the lead byte of a multi-byte character */
    B_CONT = 64   /* a continuation byte */
};

static const uint8_t *byte_table(void)
{
#define W B_WORD
#define U (B_WORD | B_UPPER)
#define D (B_WORD | B_DIGIT)
#define C B_CONT
#define L B_LEAD
#define R16(x) x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x
    static const uint8_t tab[256] = {
        R16(0), R16(0),
        0, 0, B_QUOTE, 0, 0, 0, 0, 0, B_PAREN, B_PAREN, 0, 0, 0, 0, 0, 0, /* 0x20 */
        D, D, D, D, D, D, D, D, D, D, 0, 0, 0, 0, 0, 0,                   /* 0x30 */
        0, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,                   /* 0x40 */
        U, U, U, U, U, U, U, U, U, U, U, 0, 0, 0, 0, W,                   /* 0x50 */
        0, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W,                   /* 0x60 */
        W, W, W, W, W, W, W, W, W, W, W, 0, 0, 0, 0, 0,                   /* 0x70 */
        R16(C), R16(C), R16(C), R16(C),                                   /* 0x80..0xBF */
        R16(L), R16(L), R16(L), R16(L),                                   /* 0xC0..0xFF */
    };
#undef W
#undef U
#undef D
#undef C
#undef L
#undef R16
    return tab;
}

/* Eight ASCII bytes at a time (SWAR): every byte below 0x80, so adding to
 * it never carries into the next one. The high bit of each byte of the
 * masks below is that byte's flag. */
#define ONES 0x0101010101010101ull
#define HIGH 0x8080808080808080ull
static uint64_t ge(uint64_t x, uint8_t k) /* bytes >= k (1 <= k <= 0x80) */
{
    return (x + (0x80u - k) * ONES) & HIGH;
}
static uint64_t eq(uint64_t x, uint8_t k) /* bytes == k (k < 0x80) */
{
    return ~((x ^ (k * ONES)) + 0x7F * ONES) & HIGH;
}
static unsigned count_high(uint64_t m) /* flags set in a mask */
{
    return (unsigned)((((m >> 7) * ONES) >> 56) & 0xFF);
}
static unsigned pop16(unsigned x) /* set bits of a 16-bit mask */
{
#define P2(n) n, n + 1, n + 1, n + 2
#define P4(n) P2(n), P2(n + 1), P2(n + 1), P2(n + 2)
#define P6(n) P4(n), P4(n + 1), P4(n + 1), P4(n + 2)
    static const uint8_t bits[256] = {P6(0), P6(1), P6(1), P6(2)};
#undef P2
#undef P4
#undef P6
    return (unsigned)bits[x & 0xFFu] + bits[(x >> 8) & 0xFFu];
}
static int little_endian(void)
{
    const uint16_t one = 1;
    uint8_t b;
    memcpy(&b, &one, 1);
    return b == 1;
}

/* Does text[start..end) end with '?', closing quotes and brackets aside? */
static int ends_with_question(const uint8_t *s, size_t start, size_t end)
{
    /* the last character that is not a closing quote or bracket */
    size_t e = end;
    while (e > start) {
        uint8_t c = s[e - 1];
        if (c == '"' || c == ')' || c == '\'' || c == ' ') {
            e--;
            continue;
        }
        if (e - start >= 2 && s[e - 2] == 0xC2 && c == 0xBB) { /* » */
            e -= 2;
            continue;
        }
        break;
    }
    return e > start && s[e - 1] == '?';
}

static void scan(const uint8_t *s, size_t start, size_t end, surface *f)
{
    const uint8_t *tab = byte_table();
    memset(f, 0, sizeof *f);
    unsigned seen = 0; /* the B_* bits of every ASCII byte */
    unsigned in = 0;
    /* caps counts every word that starts upper case; the first word's
     * start is taken off at the end */
    int first_upper = -1;
    const int swar = little_endian();
    for (size_t i = start; i < end;) {
#if defined(__SSE2__)
        /* the SWAR step below on sixteen bytes, bit k of each mask for
         * byte k (compared as signed: every non-ASCII byte is below 0) */
        if (end - i >= 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
#define SET(c) _mm_set1_epi8((char)(c))
#define RANGE(v, a, b) _mm_and_si128(_mm_cmpgt_epi8(v, SET((a) - 1)), _mm_cmplt_epi8(v, SET((b) + 1)))
#define MASK(x) ((unsigned)_mm_movemask_epi8(x))
            unsigned hb = MASK(v), b6 = MASK(_mm_add_epi8(v, v));
            unsigned cont = hb & ~b6, lead = hb & b6;
            unsigned c3 = MASK(_mm_cmpeq_epi8(v, SET(0xC3)));
            unsigned special = (lead & ~c3) | (cont & 1u) | (c3 & 0x8000u);
            unsigned valid = special ? (special & (0u - special)) - 1u : 0xFFFFu;
            valid &= 0xFFFFu;
            if (valid) {
                unsigned h = pop16(valid);
                __m128i y = _mm_srli_si128(v, 1); /* each byte's next */
                /* 80..9E but 97 after C3: -128..-98 as signed */
                unsigned up3 = c3 & MASK(_mm_andnot_si128(_mm_cmpeq_epi8(y, SET(0x97)),
                                                         _mm_cmplt_epi8(y, SET(0x9F))));
                unsigned upper = (MASK(RANGE(v, 'A', 'Z')) | up3) & valid;
                unsigned digit = MASK(RANGE(v, '0', '9')) & valid;
                unsigned word = (upper | digit | MASK(RANGE(v, 'a', 'z')) |
                                 MASK(_mm_cmpeq_epi8(v, SET('_'))) | c3 | cont) & valid;
                unsigned st = word & ~((word << 1) | in);
                if (digit)
                    seen |= B_DIGIT;
                if (MASK(_mm_cmpeq_epi8(v, SET('"'))) & valid)
                    seen |= B_QUOTE;
                if (MASK(_mm_or_si128(_mm_cmpeq_epi8(v, SET('(')), _mm_cmpeq_epi8(v, SET(')')))) &
                    valid)
                    seen |= B_PAREN;
                if (first_upper < 0 && st)
                    first_upper = (st & (0u - st) & upper) != 0;
                /* three counts of set bits at once, one per 16-bit field */
                uint64_t c = (uint64_t)(word & ~cont) | (uint64_t)st << 16 |
                             (uint64_t)(st & upper) << 32;
                c = c - ((c >> 1) & 0x5555555555555555ull);
                c = (c & 0x3333333333333333ull) + ((c >> 2) & 0x3333333333333333ull);
                c = (c + (c >> 4)) & 0x0F0F0F0F0F0F0F0Full;
                c = (c + (c >> 8)) & 0x00FF00FF00FF00FFull;
                f->bytes += (size_t)(c & 0xFF);
                f->words += (unsigned)((c >> 16) & 0xFF);
                f->caps += (unsigned)((c >> 32) & 0xFF);
                in = (word >> (h - 1)) & 1u;
                i += h;
                continue;
            }
#undef SET
#undef RANGE
#undef MASK
        }
#endif
        if (swar) {
            /* up to eight bytes at once: ASCII, and the two-byte characters
             * C3 xx (U+00C0..U+00FF: most accented Latin letters); the
             * bytes from the first other character on go the byte way */
            uint64_t x = 0, valid = HIGH;
            size_t h = end - i;
            if (h >= 8) {
                memcpy(&x, s + i, 8);
            } else { /* the tail */
                for (size_t b = 0; b < h; b++)
                    x |= (uint64_t)s[i + b] << (8 * b);
                valid = HIGH >> (8 * (8 - h));
            }
            uint64_t lo = x & (0x7F * ONES), hb = x & HIGH;
            uint64_t b6 = (x << 1) & HIGH; /* bit 6 of each byte */
            uint64_t ascii = ~hb & HIGH, cont = hb & ~b6, lead = hb & b6;
            uint64_t c3 = lead & eq(lo, 0x43);
            /* other lead bytes; a continuation byte first (its lead went
             * the byte way); C3 last, its second byte unseen */
            uint64_t special = (lead & ~c3) | (cont & 0x80) | (c3 & (HIGH << 56));
            special &= valid;
            if (special) /* the bytes below its lowest flag */
                valid &= ((special & -special) >> 7) - 1;
            if (valid) {
                h = count_high(valid);
                uint64_t y = x >> 8, ylo = y & (0x7F * ONES); /* each byte's next */
                uint64_t up3 = c3 & y & ~ge(ylo, 0x1F) & ~eq(ylo, 0x17); /* 80..9E but 97 */
                ascii &= valid;
                uint64_t upper = ((ge(lo, 'A') & ~ge(lo, 'Z' + 1) & ascii) | up3) & valid;
                uint64_t lower = ge(lo, 'a') & ~ge(lo, 'z' + 1) & ascii;
                uint64_t digit = ge(lo, '0') & ~ge(lo, '9' + 1) & ascii;
                uint64_t word = (upper | lower | digit | (eq(lo, '_') & ascii) | c3 | cont) & valid;
                uint64_t st = word & ~((word << 8) | (uint64_t)in << 7);
                if (digit)
                    seen |= B_DIGIT;
                if (eq(lo, '"') & ascii)
                    seen |= B_QUOTE;
                if ((eq(lo, '(') | eq(lo, ')')) & ascii)
                    seen |= B_PAREN;
                if (first_upper < 0 && st) /* the lowest flag: the first byte in the text */
                    first_upper = (st & -st & upper) != 0;
                f->bytes += count_high(word & ~cont);
                f->words += count_high(st);
                f->caps += count_high(st & upper);
                in = (unsigned)(word >> (8 * h - 1)) & 1;
                i += h;
                continue;
            }
        }
        uint8_t c = s[i];
        unsigned cls = tab[c];
        unsigned word, upper;
        if (cls & (B_CONT | B_LEAD)) { /* rare in Latin-script prose */
            if (cls & B_CONT) {
                i++;
                continue; /* part of the character before */
            }
            word = 1; /* a lead byte: counted as a letter (a good guess in prose) */
            upper = 0;
            /* U+00C0..U+00DE: Latin-1 capitals (but U+00D7) */
            if (c == 0xC3 && i + 1 < end)
                upper = s[i + 1] >= 0x80 && s[i + 1] <= 0x9E && s[i + 1] != 0x97;
            /* « » (C2 AB, C2 BB), and „ “ ” (E2 80 9E, 9C, 9D) */
            if (c == 0xC2 && i + 1 < end && (s[i + 1] == 0xAB || s[i + 1] == 0xBB))
                f->quote = 1, word = 0;
            if (c == 0xE2 && i + 2 < end && s[i + 1] == 0x80 &&
                (s[i + 2] == 0x9C || s[i + 2] == 0x9D || s[i + 2] == 0x9E))
                f->quote = 1, word = 0;
        } else {
            seen |= cls;
            word = cls & B_WORD;
            upper = (cls & B_UPPER) != 0;
        }
        /* without branches: word starts come every few bytes */
        unsigned st = word & !in;
        if (first_upper < 0 && st)
            first_upper = (int)upper;
        f->bytes += word; /* lead bytes count one each: characters, roughly */
        f->words += st;
        f->caps += st & upper;
        in = word;
        i++;
    }
    if (first_upper > 0)
        f->caps--;
    f->digits = (seen & B_DIGIT) != 0;
    f->quote |= (seen & B_QUOTE) != 0;
    f->paren = (seen & B_PAREN) != 0;
    f->question = ends_with_question(s, start, end);
}

/* What scan() finds but the counts (words, capitals, bytes in words): the
 * digits, quotes and brackets, eight bytes at a time, until all are seen. */
static void scan_flags(const uint8_t *s, size_t start, size_t end, surface *f)
{
    memset(f, 0, sizeof *f);
    if (!little_endian()) {
        scan(s, start, end, f);
        return;
    }
    unsigned seen = 0;
    const unsigned all = B_DIGIT | B_QUOTE | B_PAREN;
    size_t i = start;
#if defined(__SSE2__)
    for (; end - i >= 16 && seen != all; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
#define SET(c) _mm_set1_epi8((char)(c))
#define EQ(c) _mm_cmpeq_epi8(v, SET(c))
        if (_mm_movemask_epi8(_mm_and_si128(_mm_cmpgt_epi8(v, SET('0' - 1)),
                                            _mm_cmplt_epi8(v, SET('9' + 1)))))
            seen |= B_DIGIT;
        if (_mm_movemask_epi8(_mm_or_si128(EQ('('), EQ(')'))))
            seen |= B_PAREN;
        if (_mm_movemask_epi8(EQ('"')))
            seen |= B_QUOTE;
        unsigned lead = (unsigned)_mm_movemask_epi8(_mm_or_si128(EQ(0xC2), EQ(0xE2)));
#undef EQ
#undef SET
        while (lead && !(seen & B_QUOTE)) {
            size_t p = i + pop16((lead & (0u - lead)) - 1u);
            lead &= lead - 1u;
            if (s[p] == 0xC2 && p + 1 < end && (s[p + 1] == 0xAB || s[p + 1] == 0xBB))
                seen |= B_QUOTE;
            if (s[p] == 0xE2 && p + 2 < end && s[p + 1] == 0x80 &&
                (s[p + 2] == 0x9C || s[p + 2] == 0x9D || s[p + 2] == 0x9E))
                seen |= B_QUOTE;
        }
    }
#endif
    for (; i < end && seen != all; i += 8) {
        uint64_t x = 0;
        size_t h = end - i;
        if (h >= 8) {
            memcpy(&x, s + i, 8);
        } else {
            for (size_t b = 0; b < h; b++)
                x |= (uint64_t)s[i + b] << (8 * b);
        }
        uint64_t lo = x & (0x7F * ONES), hb = x & HIGH, ascii = ~hb & HIGH;
        if (ge(lo, '0') & ~ge(lo, '9' + 1) & ascii)
            seen |= B_DIGIT;
        if ((eq(lo, '(') | eq(lo, ')')) & ascii)
            seen |= B_PAREN;
        if (eq(lo, '"') & ascii)
            seen |= B_QUOTE;
        /* the lead bytes C2 and E2 of « » „ “ ”: looked at one by one */
        uint64_t lead = hb & (x << 1) & (eq(lo, 0x42) | eq(lo, 0x62));
        while (lead && !(seen & B_QUOTE)) {
            size_t p = i + (size_t)count_high(((lead & -lead) - 1) & HIGH);
            lead &= lead - 1;
            if (s[p] == 0xC2 && p + 1 < end && (s[p + 1] == 0xAB || s[p + 1] == 0xBB))
                seen |= B_QUOTE;
            if (s[p] == 0xE2 && p + 2 < end && s[p + 1] == 0x80 &&
                (s[p + 2] == 0x9C || s[p + 2] == 0x9D || s[p + 2] == 0x9E))
                seen |= B_QUOTE;
        }
    }
    f->digits = (seen & B_DIGIT) != 0;
    f->quote = (seen & B_QUOTE) != 0;
    f->paren = (seen & B_PAREN) != 0;
    f->question = ends_with_question(s, start, end);
}

/* ---- All features ------------------------------------------------------ */

/* The sort key of a score c >= 0: higher scores first. */
static uint64_t radix_key(double c)
{
    uint64_t u;
    if (c == 0)
        c = 0; /* -0 sorts as 0 */
    memcpy(&u, &c, sizeof u);
    return ~u;
}

/* Sorts by[0..k) as kurz__ranked_cmp does, by[k..2k) being scratch space. With
 * every score a number >= 0 (centrality is), its bits read as an integer
 * order like the score: a stable radix sort of their complement, byte by
 * byte, keeps ties in index order, in linear time and without the
 * mispredicted branches of comparisons. Otherwise a merge sort. */
static void rank_sort(kurz__ranked *by, size_t k)
{
    kurz__ranked *a = by, *b = by + k;
    int numbers = 1;
    for (size_t j = 0; j < k && numbers; j++)
        numbers = by[j].score >= 0;
    if (numbers) {
        uint32_t count[8][256];
        memset(count, 0, sizeof count);
        for (size_t j = 0; j < k; j++) {
            uint64_t key = radix_key(by[j].score);
            for (int d = 0; d < 8; d++)
                count[d][(key >> (8 * d)) & 0xFF]++;
        }
        for (int d = 0; d < 8; d++) {
            uint32_t *c = count[d];
            size_t sum = 0;
            int one = 0; /* every key has the same byte here: nothing to do */
            for (int v = 0; v < 256 && !one; v++)
                one = c[v] == k;
            if (one)
                continue;
            for (int v = 0; v < 256; v++) {
                uint32_t t = c[v];
                c[v] = (uint32_t)sum;
                sum += t;
            }
            for (size_t j = 0; j < k; j++)
                b[c[(radix_key(a[j].score) >> (8 * d)) & 0xFF]++] = a[j];
            kurz__ranked *t = a;
            a = b;
            b = t;
        }
    } else { /* bottom-up merge sort */
        for (size_t w = 1; w < k; w *= 2) {
            for (size_t lo = 0; lo < k; lo += 2 * w) {
                size_t mid = lo + w < k ? lo + w : k, hi = lo + 2 * w < k ? lo + 2 * w : k;
                size_t x = lo, y = mid, o = lo;
                while (x < mid && y < hi)
                    b[o++] = kurz__ranked_cmp(&a[y], &a[x]) < 0 ? a[y++] : a[x++];
                while (x < mid)
                    b[o++] = a[x++];
                while (y < hi)
                    b[o++] = a[y++];
            }
            kurz__ranked *t = a;
            a = b;
            b = t;
        }
    }
    if (a != by)
        memcpy(by, a, k * sizeof *by);
}

static double idf_of(const kurz__doc *d, uint32_t t)
{
    return d->idf ? d->idf[t] : kurz__idf(d->df[t], d->sents.n);
}

static double cosine_dense(const kurz__doc *d, size_t i, const double *vec, double vnorm,
                           const double *norm)
{
    if (vnorm <= 0 || norm[i] <= 0)
        return 0.0;
    double dot = 0;
    for (size_t k = d->row[i]; k < d->row[i + 1]; k++) {
        uint32_t t = d->ent[k].term;
        dot += d->ent[k].tf * idf_of(d, t) * vec[t];
    }
    double c = dot / (vnorm * norm[i]);
    return c > 1.0 ? 1.0 : c;
}

int kurz__features(const kurz__mem *m, kurz__doc *d, kurz__lang lang, const char *text,
                   const double *centrality, const uint8_t *ok, const double *norm,
                   const float *title_tf, int counts, double *feat, uint8_t *opener)
{
    size_t n = d->sents.n, nt = d->nterms;
    if (n == 0)
        return 0;
    /* the centroid (sum of the idf-weighted vectors), the title's vector,
     * the sentences by centrality (and room to sort them), and the top
     * terms by occurrences: one allocation */
    if (nt > SIZE_MAX / 32 || n > SIZE_MAX / 64)
        return KURZ_ERR_NOMEM;
    size_t vbytes = (2 * nt + 1) * sizeof(double), bbytes = 2 * n * sizeof(kurz__ranked);
    char *block = kurz__calloc(m, vbytes + bbytes + nt + 1, 1);
    if (!block)
        return KURZ_ERR_NOMEM;
    double *cvec = (double *)(void *)block;
    kurz__ranked *by = (kurz__ranked *)(void *)(block + vbytes);
    uint8_t *top = (uint8_t *)block + vbytes + bbytes;
    double *tvec = cvec + nt;
    for (size_t k = 0; k < d->row[n]; k++)
        cvec[d->ent[k].term] += d->ent[k].tf; /* occurrences first */
    /* top terms: the KURZ__TOP_TERMS most frequent (ties: lower id), in one
     * pass that keeps them in order of rank; a term enters only when it
     * beats the last kept, so a tie keeps the earlier */
    uint32_t best[KURZ__TOP_TERMS];
    size_t ntop = 0;
    for (size_t t = 0; t < nt; t++) {
        double v = cvec[t];
        if (ntop == KURZ__TOP_TERMS && !(v > cvec[best[ntop - 1]]))
            continue;
        size_t j = ntop < KURZ__TOP_TERMS ? ntop++ : ntop - 1;
        while (j > 0 && v > cvec[best[j - 1]]) {
            best[j] = best[j - 1];
            j--;
        }
        best[j] = (uint32_t)t;
    }
    for (size_t a = 0; a < ntop; a++)
        top[best[a]] = 1;
    double cn = 0, tn = 0;
    for (size_t t = 0; t < nt; t++) {
        double idf = idf_of(d, (uint32_t)t);
        cvec[t] *= idf;
        cn += cvec[t] * cvec[t];
        if (title_tf) {
            tvec[t] = title_tf[t] * idf;
            tn += tvec[t] * tvec[t];
        }
    }
    cn = sqrt(cn);
    tn = sqrt(tn);

    size_t nok = 0, lead = n;
    double maxc = 0;
    for (size_t i = 0; i < n; i++) {
        if (ok[i]) {
            if (lead == n)
                lead = i;
            nok++;
        }
        if (centrality[i] > maxc)
            maxc = centrality[i];
    }
    double npara = (double)d->sents.v[n - 1].para + 1.0;
    const uint8_t *s = (const uint8_t *)text;
    const kurz__wordlist *olist = opener_list(lang);
    const uint64_t *fw = NULL;
    if (olist) { /* made once per summarizer (its language is fixed) */
        _Static_assert(sizeof d->opener_filter == FILTER_WORDS * sizeof(uint64_t),
                       "the filter's size");
        if (d->opener_list != (const void *)olist) {
            first_words_of(olist, d->opener_filter);
            d->opener_list = olist;
        }
        fw = d->opener_filter;
    }
    double len_log[64], doc_len = log(1.0 + (double)nok);
    uint64_t have_log = 0;
    size_t rank = 0, in_para = 0, words = 0;
    double maxcen = 0;
    for (size_t i = 0; i < n; i++) {
        const kurz__sent *se = &d->sents.v[i];
        double *f = feat + i * KURZ__NFEAT;
        surface sf;
        if (counts)
            scan(s, se->start, se->end, &sf);
        else
            scan_flags(s, se->start, se->end, &sf);
        opener[i] = olist ? (uint8_t)opens_with(olist, fw, &d->tok, text, se->start, se->end) : 0;
        f[KURZ__F_POS_INV] = ok[i] ? 1.0 / sqrt(1.0 + (double)rank) : 0.0;
        f[KURZ__F_POS_REL] = nok ? (double)rank / (double)nok : 1.0;
        f[KURZ__F_FIRST] = i == lead;
        f[KURZ__F_PARA_FIRST] = (se->flags & KURZ__S_PARA_START) != 0;
        f[KURZ__F_PARA_REL] = (double)se->para / npara;
        size_t nw = d->nwords[i];
        if (nw < 64 && !((have_log >> nw) & 1)) { /* one logarithm per length */
            len_log[nw] = log(1.0 + d->nwords[i]);
            have_log |= (uint64_t)1 << nw;
        }
        f[KURZ__F_LEN] = nw < 64 ? len_log[nw] : log(1.0 + d->nwords[i]);
        f[KURZ__F_SHORT] = d->nwords[i] < 8;
        f[KURZ__F_CENT] = maxc > 0 ? centrality[i] / maxc : 0.0;
        /* the cosine to the centroid (as cosine_dense) and the top terms'
         * occurrences, in one pass over the sentence's terms */
        double dot = 0;
        unsigned intop = 0;
        for (size_t k = d->row[i]; k < d->row[i + 1]; k++) {
            uint32_t t = d->ent[k].term;
            dot += d->ent[k].tf * idf_of(d, t) * cvec[t];
            intop += top[t] ? (unsigned)d->ent[k].tf : 0;
        }
        double cc = cn > 0 && norm[i] > 0 ? dot / (cn * norm[i]) : 0.0;
        f[KURZ__F_CENTROID] = cc > 1.0 ? 1.0 : cc;
        f[KURZ__F_TOPTERMS] = d->ncontent[i] ? (double)intop / d->ncontent[i] : 0.0;
        if (f[KURZ__F_TOPTERMS] > 1.0)
            f[KURZ__F_TOPTERMS] = 1.0;
        f[KURZ__F_TITLE] = title_tf ? cosine_dense(d, i, tvec, tn, norm) : 0.0;
        f[KURZ__F_LEADSIM] =
            lead == n ? 0.0 : i == lead ? 1.0 : kurz__cosine(d, i, lead, norm);
        f[KURZ__F_DIGITS] = sf.digits;
        f[KURZ__F_QUOTE] = sf.quote;
        f[KURZ__F_CAPS] = sf.words > 1 ? (double)sf.caps / (sf.words - 1) : 0.0;
        f[KURZ__F_NOTERM] = (se->flags & KURZ__S_TERMINATED) == 0;
        f[KURZ__F_QUESTION] = sf.question;
        f[KURZ__F_OPENER] = opener[i];
        f[KURZ__F_NOTOK] = !ok[i];
        f[KURZ__F_CONTENT] = d->nwords[i] ? (double)d->ncontent[i] / d->nwords[i] : 0.0;
        f[KURZ__F_WORDLEN] = sf.words ? (double)sf.bytes / sf.words / 10.0 : 0.0;
        f[KURZ__F_PAREN] = sf.paren;
        if (se->flags & KURZ__S_PARA_START)
            in_para = 0;
        f[KURZ__F_PARA_IDX] = 1.0 / (1.0 + (double)in_para++);
        f[KURZ__F_DOC_LEN] = doc_len;
        if (ok[i]) {
            rank++;
            words += d->nwords[i];
            if (f[KURZ__F_CENTROID] > maxcen)
                maxcen = f[KURZ__F_CENTROID];
        }
    }
    /* what needs the whole document: the centroid against its best, the
     * rank by centrality, the length against the mean */
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (ok[i])
            by[k++] = (kurz__ranked){centrality[i], i};
    if (k <= 32) { /* the usual: insertion sort, no call per comparison */
        for (size_t a = 1; a < k; a++) {
            kurz__ranked v = by[a];
            size_t j = a;
            while (j > 0 && kurz__ranked_cmp(&by[j - 1], &v) > 0) {
                by[j] = by[j - 1];
                j--;
            }
            by[j] = v;
        }
    } else {
        rank_sort(by, k);
    }
    double mean = nok ? (double)words / (double)nok : 0.0;
    for (size_t i = 0; i < n; i++) {
        double *f = feat + i * KURZ__NFEAT;
        f[KURZ__F_CENTROID_REL] = maxcen > 0 ? f[KURZ__F_CENTROID] / maxcen : 0.0;
        if (f[KURZ__F_CENTROID_REL] > 1.0)
            f[KURZ__F_CENTROID_REL] = 1.0;
        double lr = mean > 0 ? d->nwords[i] / mean : 0.0;
        f[KURZ__F_LEN_REL] = lr > 3.0 ? 3.0 : lr;
        f[KURZ__F_CENT_RANK] = 0.0;
    }
    for (size_t r = 0; r < k; r++)
        feat[by[r].idx * KURZ__NFEAT + KURZ__F_CENT_RANK] = 1.0 / sqrt(1.0 + (double)r);
    kurz__free(m, block);
    return 0;
}
