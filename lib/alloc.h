/* SPDX-License-Identifier: MIT */
/* Private to libkurz (every symbol hidden, named kurz__*): one stage of
 * the pipeline. Each stage header includes the one before it, so a stage
 * sees the stages it builds on and none after it (see kurz-private.h). */
#ifndef KURZ_ALLOC_H
#define KURZ_ALLOC_H

#include <stddef.h>
#include <stdint.h>

#include "kurz.h"

/* ---- Allocation (alloc.c) ---------------------------------------------
 * Every allocation of the library goes through a kurz__mem so the caller's
 * allocator is honoured and tests can fail the Nth allocation. */
typedef struct kurz__mem {
    kurz_malloc_fn malloc_fn;
    kurz_realloc_fn realloc_fn; /* may be NULL */
    kurz_free_fn free_fn;
    void *user;
} kurz__mem;

void kurz__mem_default(kurz__mem *m);
void *kurz__malloc(const kurz__mem *m, size_t size);            /* NULL on overflow/failure */
void *kurz__calloc(const kurz__mem *m, size_t n, size_t size);  /* zeroed; checks n*size */
/* Grows *p to hold at least need elements of size elem; *cap tracks the
 * capacity in elements. Returns 0 or KURZ_ERR_NOMEM (then *p is unchanged). */
int kurz__grow(const kurz__mem *m, void **p, size_t *cap, size_t need, size_t elem);
void kurz__free(const kurz__mem *m, void *p);
/* p[0..bytes) is about to be written: where the system allows, map its pages
 * in one call instead of one page fault each (a fault costs microseconds on
 * a virtual machine). Advice only; does nothing for small blocks. */
#define KURZ__PREFAULT_MIN ((size_t)64 << 10)
void kurz__prefault(const kurz__mem *m, void *p, size_t bytes);
/* 64 unpredictable bits for seeding a hash (from the system's entropy; else
 * from salt's address and the clock). */
uint64_t kurz__seed(const void *salt);

/* The common case (room left) costs no call; need is evaluated twice. */
#define KURZ__GROW(m, arr, cap, need)                                    \
    ((size_t)(need) <= (cap) ? 0                                         \
                             : kurz__grow((m), (void **)&(arr), &(cap), (need), sizeof(*(arr))))

#endif /* KURZ_ALLOC_H */
