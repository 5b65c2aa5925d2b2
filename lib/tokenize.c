/* SPDX-License-Identifier: MIT */
/* Word tokenizer: runs of letters, digits and combining marks, normalised to
 * NFC + casefold.
 *
 * Three paths, from fast to general:
 *  1. ASCII words: lowercased byte by byte, no decoding at all.
 *  2. Words of ASCII and precomposed Latin-1 letters (U+00C0..U+00FF, the
 *     umlauts and most French accents): folded by hand. These code points
 *     are NFC already and nothing in such a word can compose with them.
 *  3. Everything else: every code point is casefolded and canonically
 *     decomposed with utf8proc_decompose_char into t->ubuf, canonically
 *     ordered here (linear: utf8proc's own ordering is a bubble sort),
 *     recomposed with utf8proc_normalize_utf32 and encoded into t->buf.
 * This gives exactly what utf8proc_map(UTF8PROC_STABLE | UTF8PROC_COMPOSE |
 * UTF8PROC_CASEFOLD) gives, without its malloc. Buffers are reused. */
#include <string.h>

#include <utf8proc.h>

#include "tokenize.h"

#define NORM_OPTS ((utf8proc_option_t)(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD))

/* Character classes of non-ASCII code points, by utf8proc category. */
static int cat_starts_word(utf8proc_category_t c) /* L*, Nd */
{
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) || c == UTF8PROC_CATEGORY_ND;
}

static int cat_in_word(utf8proc_category_t c) /* L*, M*, Nd */
{
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ND;
}

/* Second byte of C3 xx, i.e. U+00C0..U+00FF: all letters except × and ÷. */
static int latin1_letter(uint8_t b2)
{
    return b2 != 0x97 && b2 != 0xB7;
}

void kurz__tok_init(kurz__tokenizer *t, const kurz__mem *m, kurz__lang lang)
{
    *t = (kurz__tokenizer){0};
    t->m = m;
    t->lang = lang;
}

void kurz__tok_free(kurz__tokenizer *t)
{
    kurz__free(t->m, t->buf);
    kurz__free(t->m, t->ubuf);
    t->buf = NULL;
    t->ubuf = NULL;
    t->buf_cap = 0;
    t->ubuf_cap = 0;
}

void kurz__tok_reset(kurz__tokenizer *t, const char *text, size_t start, size_t end)
{
    t->text = (const uint8_t *)text;
    t->pos = start;
    t->end = end;
}

/* Stable sort of a run of non-starters by canonical combining class.
 * Short runs (the normal case) use insertion sort; long ones a counting
 * sort through scratch space at the end of ubuf, so the whole thing stays
 * linear even for adversarial input. */
static int order_run(kurz__tokenizer *t, size_t ulen, size_t a, size_t b)
{
    size_t n = b - a;
    if (n < 2)
        return 0;
    if (n <= 16) {
        int32_t *u = t->ubuf;
        for (size_t i = a + 1; i < b; i++) {
            int32_t c = u[i];
            int cc = utf8proc_get_property(c)->combining_class;
            size_t j = i;
            while (j > a && utf8proc_get_property(u[j - 1])->combining_class > cc) {
                u[j] = u[j - 1];
                j--;
            }
            u[j] = c;
        }
        return 0;
    }
    if (KURZ__GROW(t->m, t->ubuf, t->ubuf_cap, ulen + n))
        return KURZ_ERR_NOMEM;
    int32_t *u = t->ubuf, *tmp = t->ubuf + ulen;
    size_t cnt[257] = {0};
    for (size_t i = a; i < b; i++)
        cnt[utf8proc_get_property(u[i])->combining_class + 1]++;
    for (size_t k = 1; k < 257; k++)
        cnt[k] += cnt[k - 1];
    for (size_t i = a; i < b; i++)
        tmp[cnt[utf8proc_get_property(u[i])->combining_class]++] = u[i];
    memcpy(u + a, tmp, n * sizeof *u);
    return 0;
}

static size_t encode_utf8(uint8_t *o, int32_t c)
{
    if (c < 0x80) {
        o[0] = (uint8_t)c;
        return 1;
    }
    if (c < 0x800) {
        o[0] = (uint8_t)(0xC0 | (c >> 6));
        o[1] = (uint8_t)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        o[0] = (uint8_t)(0xE0 | (c >> 12));
        o[1] = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
        o[2] = (uint8_t)(0x80 | (c & 0x3F));
        return 3;
    }
    o[0] = (uint8_t)(0xF0 | (c >> 18));
    o[1] = (uint8_t)(0x80 | ((c >> 12) & 0x3F));
    o[2] = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
    o[3] = (uint8_t)(0x80 | (c & 0x3F));
    return 4;
}

/* General path: normalises text[s..e) into t->buf; stores the length. */
static int normalize_general(kurz__tokenizer *t, size_t s, size_t e, size_t *outlen)
{
    const uint8_t *text = t->text;
    size_t ulen = 0;
    for (size_t q = s; q < e;) {
        int32_t c;
        q += kurz__utf8_decode(text + q, e - q, &c);
        if (t->ubuf_cap - ulen < 32 && KURZ__GROW(t->m, t->ubuf, t->ubuf_cap, ulen + 32))
            return KURZ_ERR_NOMEM;
        int last = 0;
        utf8proc_ssize_t r = utf8proc_decompose_char(c, t->ubuf + ulen,
                                                     (utf8proc_ssize_t)(t->ubuf_cap - ulen),
                                                     NORM_OPTS, &last);
        if (r < 0) { /* cannot happen for valid UTF-8; keep the code point */
            t->ubuf[ulen] = c;
            r = 1;
        } else if ((size_t)r > t->ubuf_cap - ulen) {
            if (KURZ__GROW(t->m, t->ubuf, t->ubuf_cap, ulen + (size_t)r))
                return KURZ_ERR_NOMEM;
            utf8proc_decompose_char(c, t->ubuf + ulen, r, NORM_OPTS, &last);
        }
        ulen += (size_t)r;
    }
    /* canonical ordering of every run of non-starters */
    for (size_t i = 0; i < ulen;) {
        if (utf8proc_get_property(t->ubuf[i])->combining_class == 0) {
            i++;
            continue;
        }
        size_t j = i + 1;
        while (j < ulen && utf8proc_get_property(t->ubuf[j])->combining_class != 0)
            j++;
        if (order_run(t, ulen, i, j))
            return KURZ_ERR_NOMEM;
        i = j;
    }
    utf8proc_ssize_t n = utf8proc_normalize_utf32(t->ubuf, (utf8proc_ssize_t)ulen, NORM_OPTS);
    if (n < 0)
        n = (utf8proc_ssize_t)ulen;
    ulen = (size_t)n;
    if (ulen > (SIZE_MAX - 1) / 4 || KURZ__GROW(t->m, t->buf, t->buf_cap, ulen * 4 + 1))
        return KURZ_ERR_NOMEM;
    size_t o = 0;
    for (size_t i = 0; i < ulen; i++)
        o += encode_utf8(t->buf + o, t->ubuf[i]);
    t->buf[o] = 0;
    *outlen = o;
    return 0;
}

/* Latin-1 path: text[s..e) holds only ASCII letters/digits and C3 xx
 * letters. Output is never longer than the input (ß -> ss keeps 2 bytes). */
static int normalize_latin1(kurz__tokenizer *t, size_t s, size_t e, size_t *outlen)
{
    if (KURZ__GROW(t->m, t->buf, t->buf_cap, e - s + 1))
        return KURZ_ERR_NOMEM;
    const uint8_t *p = t->text + s, *pe = t->text + e;
    uint8_t *o = t->buf;
    while (p < pe) {
        uint8_t c = *p++;
        if (c < 0x80) {
            *o++ = c | 0x20;
            continue;
        }
        uint8_t b2 = *p++; /* c == 0xC3 */
        if (b2 == 0x9F) {  /* ß */
            *o++ = 's';
            *o++ = 's';
            continue;
        }
        if (b2 <= 0x9E) /* U+00C0..U+00DE uppercase (× is not in a word) */
            b2 += 0x20;
        *o++ = 0xC3;
        *o++ = b2;
    }
    *o = 0;
    *outlen = (size_t)(o - t->buf);
    return 0;
}

/* French elided forms dropped before an apostrophe (w is casefolded). */
static int is_elision(const uint8_t *w, size_t n)
{
    switch (n) {
    case 1:
        return w[0] == 'l' || w[0] == 'd' || w[0] == 'j' || w[0] == 'n' || w[0] == 's' ||
               w[0] == 'c' || w[0] == 'm' || w[0] == 't';
    case 2:
        return w[0] == 'q' && w[1] == 'u';
    case 5:
        return !memcmp(w, "jusqu", 5);
    case 6:
        return !memcmp(w, "lorsqu", 6) || !memcmp(w, "puisqu", 6) || !memcmp(w, "quoiqu", 6);
    default:
        return 0;
    }
}

int kurz__tok_next(kurz__tokenizer *t, const uint8_t **word, size_t *wlen, size_t *wstart,
                   size_t *wend)
{
    const uint8_t *text = t->text;
    const size_t end = t->end;
    size_t pos = t->pos;
    for (;;) {
        /* skip separators */
        while (pos < end) {
            uint8_t k = kurz__byte_class[text[pos]];
            if (k == KURZ__B_ALNUM)
                break;
            if (!(k & KURZ__B_LEAD)) { /* an ASCII separator ('_' too) or a continuation byte */
                pos++;
                continue;
            }
            if (text[pos] == 0xC3 && end - pos >= 2 && latin1_letter(text[pos + 1]))
                break;
            int32_t c;
            size_t l = kurz__utf8_decode(text + pos, end - pos, &c);
            if (cat_starts_word(utf8proc_category(c)))
                break;
            pos += l;
        }
        if (pos >= end) {
            t->pos = pos;
            return 0;
        }
        const size_t s = pos;
        size_t n;

        /* ASCII fast path, lowercasing while scanning */
        size_t cap = t->buf_cap, i = 0;
        uint8_t *b = t->buf;
        while (pos < end && kurz__byte_class[text[pos]] == KURZ__B_ALNUM) {
            if (i + 1 >= cap) {
                if (KURZ__GROW(t->m, t->buf, t->buf_cap, i + 2)) {
                    t->pos = s;
                    return KURZ_ERR_NOMEM;
                }
                b = t->buf;
                cap = t->buf_cap;
            }
            b[i++] = text[pos++] | 0x20;
        }
        int plain = 1;
        if (pos < end && text[pos] >= 0x80) {
            /* Non-ASCII after (or at) the start: find the end of the word
             * and whether it needs the general path. */
            size_t q = pos;
            int general = 0;
            while (q < end) {
                uint8_t c = text[q];
                if (c < 0x80) {
                    if (kurz__byte_class[c] != KURZ__B_ALNUM)
                        break;
                    q++;
                    continue;
                }
                if (c == 0xC3 && end - q >= 2 && latin1_letter(text[q + 1])) {
                    q += 2;
                    continue;
                }
                int32_t cp;
                size_t l = kurz__utf8_decode(text + q, end - q, &cp);
                if (!cat_in_word(utf8proc_category(cp)))
                    break;
                general = 1;
                q += l;
            }
            if (q > pos) {
                plain = 0;
                pos = q;
                int rc = general ? normalize_general(t, s, pos, &n)
                                 : normalize_latin1(t, s, pos, &n);
                if (rc) {
                    t->pos = s;
                    return rc;
                }
            }
        }
        if (plain)
            n = i;
        if (KURZ__GROW(t->m, t->buf, t->buf_cap, n + KURZ__WORD_PAD + 1)) {
            t->pos = s;
            return KURZ_ERR_NOMEM;
        }
        memset(t->buf + n, 0, KURZ__WORD_PAD + 1); /* the NUL and the padding */

        /* French elision: l' d' qu' jusqu' ... before ' or ’ */
        if (t->lang == KURZ__LANG_FR && n <= 6 && pos < end &&
            (text[pos] == '\'' ||
             (text[pos] == 0xE2 && end - pos >= 3 && text[pos + 1] == 0x80 &&
              text[pos + 2] == 0x99)) &&
            is_elision(t->buf, n))
            continue;

        t->pos = pos;
        *word = t->buf;
        *wlen = n;
        if (wstart)
            *wstart = s;
        if (wend)
            *wend = pos;
        return 1;
    }
}
