/* SPDX-License-Identifier: MIT */
/* Shared by the libFuzzer targets: choosing a language from a byte,
 * turning arbitrary bytes into valid UTF-8, and failing loudly. Everything
 * is static inline so the targets also build as plain code for the replay
 * test (tests/robust/fuzz-replay.c), with gcc too. */
#ifndef KURZ_FUZZ_COMMON_H
#define KURZ_FUZZ_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kurz.h"

/* Reports a broken expectation and aborts, so libFuzzer keeps the input. */
#define FUZZ_CHECK(cond, ...)                                                                  \
    do {                                                                                       \
        if (!(cond)) {                                                                         \
            fprintf(stderr, "FUZZ CHECK FAILED %s:%d: %s: ", __FILE__, __LINE__, #cond);       \
            fprintf(stderr, __VA_ARGS__);                                                      \
            fputc('\n', stderr);                                                               \
            abort();                                                                           \
        }                                                                                      \
    } while (0)

/* Bits 0-1 pick German, French, English or (3) any language of
 * kurz_languages() by bits 2-6. */
static inline const char *fuzz_pick_lang(uint8_t b)
{
    switch (b & 3) {
    case 0:
        return "de";
    case 1:
        return "fr";
    case 2:
        return "en";
    default: {
        const char *const *l = kurz_languages();
        size_t n = 0;
        while (l[n])
            n++;
        return n ? l[((b >> 2) & 31) % n] : "de";
    }
    }
}

/* Replaces the first byte of every invalid sequence by '?', in place, so
 * the rest of the pipeline gets exercised by arbitrary bytes. Linear. */
static inline void fuzz_repair_utf8(char *t, size_t len)
{
    size_t pos = 0;
    while (pos < len) {
        size_t off = 0;
        if (kurz_validate_utf8(t + pos, len - pos, &off) == KURZ_OK)
            break;
        t[pos + off] = '?';
        pos += off + 1;
    }
}

/* A private copy of exactly len bytes (ASan then catches any read past it). */
static inline char *fuzz_copy(const uint8_t *p, size_t len)
{
    char *c = malloc(len ? len : 1);
    FUZZ_CHECK(c != NULL, "out of memory");
    if (len)
        memcpy(c, p, len);
    return c;
}

#endif
