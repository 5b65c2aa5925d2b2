/* SPDX-License-Identifier: MIT */
/* The one 64-bit hash of words in libkurz: doc.c's word and stem tables
 * (seeded with the summarizer's own random seed, so that a text cannot be
 * made of words that all fall into one stretch of a table) and the word
 * lists of data/ (seed 0; tools/gen-tables.py computes the same function in
 * Python to lay out their tables, so change both together). */
#ifndef KURZ_HASH_H
#define KURZ_HASH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

static inline uint64_t kurz__hash_mix(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ull;
    h ^= h >> 33;
    return h;
}

#define KURZ__HASH_K 0xff51afd7ed558ccdull

/* The whole 8-byte blocks of p[0..n): one multiplication each. Words are
 * short, and this runs for every word of the text. The seed is the
 * summarizer's own and random: a text cannot be made of words that all fall
 * into one stretch of the table (every lookup would then walk all of them).
 * Nothing a caller sees depends on it: terms are numbered in order of
 * appearance. */
static inline uint64_t kurz__hash_blocks(uint64_t seed, const uint8_t *p, size_t n)
{
    uint64_t h = seed ^ (n * 0x100000001b3ull);
    for (; n >= 8; p += 8, n -= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        h = (h ^ w) * KURZ__HASH_K;
        h ^= h >> 32;
    }
    return h;
}

/* kurz__hash_blocks, then the last n % 8 bytes, then one full mix. */
static inline uint64_t kurz__hash_bytes(uint64_t seed, const uint8_t *p, size_t n)
{
    uint64_t h = kurz__hash_blocks(seed, p, n), w = 0;
    if (n % 8 == 0)
        return kurz__hash_mix(h);
    memcpy(&w, p + n - n % 8, n % 8);
    return kurz__hash_mix((h ^ w) * KURZ__HASH_K);
}

/* The same value for a word followed by at least 8 zero bytes (as the
 * tokenizer leaves it): the last block is read whole. */
static inline uint64_t kurz__hash_padded(uint64_t seed, const uint8_t *p, size_t n)
{
    uint64_t h = kurz__hash_blocks(seed, p, n), w;
    if (n % 8 == 0)
        return kurz__hash_mix(h);
    memcpy(&w, p + n - n % 8, 8); /* the bytes after the word are zero */
    return kurz__hash_mix((h ^ w) * KURZ__HASH_K);
}

#endif /* KURZ_HASH_H */
