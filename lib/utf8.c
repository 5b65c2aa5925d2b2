/* SPDX-License-Identifier: MIT */
/* Strict UTF-8 validation and decoding (RFC 3629), and what a word
 * character is. */
#include <utf8proc.h>

#include "kurz-private.h"

int kurz__utf8_valid(const uint8_t *s, size_t len, size_t *bad)
{
    size_t i = 0;
    while (i < len) {
        /* fast path: 8 ASCII bytes at a time */
        while (i + 8 <= len) {
            uint64_t w;
            __builtin_memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ull)
                break;
            i += 8;
        }
        if (i >= len)
            break;
        uint8_t c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t n;
        uint32_t min;
        int32_t cp;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 2; min = 0x80; cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 3; min = 0x800; cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 4; min = 0x10000; cp = c & 0x07;
        } else {
            goto fail;
        }
        if (len - i < n)
            goto fail;
        for (size_t k = 1; k < n; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                goto fail;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if ((uint32_t)cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            goto fail;
        i += n;
    }
    return 1;
fail:
    if (bad)
        *bad = i;
    return 0;
}

size_t kurz__utf8_decode(const uint8_t *s, size_t n, int32_t *cp)
{
    uint8_t c = s[0];
    if (c < 0x80 || n < 2) {
        *cp = c;
        return 1;
    }
    if (c < 0xE0) {
        *cp = ((c & 0x1F) << 6) | (s[1] & 0x3F);
        return 2;
    }
    if (c < 0xF0 || n < 4) {
        if (n < 3) {
            *cp = c;
            return 1;
        }
        *cp = ((c & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F);
        return 3;
    }
    *cp = ((c & 0x07) << 18) | ((s[1] & 0x3F) << 12) | ((s[2] & 0x3F) << 6) | (s[3] & 0x3F);
    return 4;
}

#define R10(v) v, v, v, v, v, v, v, v, v, v
#define R16(v) v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v
#define LETTERS                                                                            \
    KURZ__B_ALNUM, R10(KURZ__B_ALNUM), R10(KURZ__B_ALNUM), KURZ__B_ALNUM, KURZ__B_ALNUM, \
        KURZ__B_ALNUM, KURZ__B_ALNUM, KURZ__B_ALNUM /* 26 */
const uint8_t kurz__byte_class[256] = {
    R16(0), R16(0),                          /* 0x00..0x1F */
    R16(0),                                  /* 0x20..0x2F */
    R10(KURZ__B_ALNUM), 0, 0, 0, 0, 0, 0,    /* 0x30..0x3F: digits */
    0, LETTERS, 0, 0, 0, 0, KURZ__B_UNDER,   /* 0x40..0x5F: @ A..Z [ \ ] ^ _ */
    0, LETTERS, 0, 0, 0, 0, 0,               /* 0x60..0x7F: ` a..z { | } ~ DEL */
    R16(0), R16(0), R16(0), R16(0),          /* 0x80..0xBF: continuation bytes */
    R16(KURZ__B_LEAD), R16(KURZ__B_LEAD), R16(KURZ__B_LEAD), R16(KURZ__B_LEAD),
};
#undef LETTERS
#undef R16
#undef R10

int kurz__is_word_cp(int32_t cp)
{
    if (cp < 0x80)
        return kurz__ascii_word((uint8_t)cp);
    utf8proc_category_t c = utf8proc_category(cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ND) || c == UTF8PROC_CATEGORY_NL ||
           c == UTF8PROC_CATEGORY_NO || c == UTF8PROC_CATEGORY_PC;
}

/* Words as a reader (and ROUGE's \w+) counts them: runs of letters, marks,
 * digits and '_'. ASCII and the Latin-1 letters (most of German and French)
 * are classified here, the rest by kurz__is_word_cp. */
uint32_t kurz__count_words(const uint8_t *s, size_t start, size_t end)
{
    uint32_t n = 0;
    int in = 0;
    size_t i = start;
    while (i < end) {
        uint8_t c = s[i];
        int w;
        if (c < 0x80) {
            w = kurz__ascii_word(c);
            i++;
        } else if (c == 0xC3 && i + 1 < end) {
            /* U+00C0..U+00FF: all letters but U+00D7 and U+00F7 (x and /) */
            w = s[i + 1] != 0x97 && s[i + 1] != 0xB7;
            i += 2;
        } else {
            int32_t cp;
            i += kurz__utf8_decode(s + i, end - i, &cp);
            w = kurz__is_word_cp(cp);
        }
        n += (uint32_t)(w && !in);
        in = w;
    }
    return n;
}
