/* SPDX-License-Identifier: MIT */
/* The one test allocator of kurz's tests, fuzzers and benchmark: installed
 * with kurz_summarizer_set_allocator (user = a ca_alloc), it counts blocks
 * and bytes, can fail a chosen allocation, and catches frees of pointers it
 * did not hand out. Not thread-safe: one ca_alloc per summarizer. */
#ifndef KURZ_COUNTING_ALLOC_H
#define KURZ_COUNTING_ALLOC_H

#include <stddef.h>

typedef struct ca_alloc {
    /* Settings (ca_init: count malloc and realloc, never fail, no poison). */
    long fail_at;      /* fail event number fail_at (1-based); 0 = never */
    int count_malloc;  /* malloc_fn calls are events */
    int count_realloc; /* realloc_fn calls with a block are events */
    int poison;        /* fill fresh bytes with 0xA5 and move every realloc'd
                          block, so reads of uninitialised or stale memory show */
    /* Counts. */
    long events;       /* allocation events so far */
    long failures;     /* failures injected */
    long live;         /* blocks handed out and not freed */
    long peak_live;
    long bad_frees;    /* frees (or reallocs) of pointers not ours, or twice */
    size_t calls;      /* successful malloc_fn and realloc_fn calls */
    size_t bytes;      /* bytes in live blocks */
    size_t peak_bytes;
} ca_alloc;

void ca_init(ca_alloc *a);
void *ca_malloc(void *user, size_t size);
void *ca_realloc(void *user, void *p, size_t size); /* realloc(NULL, n) is a malloc */
void ca_free(void *user, void *p);

#endif /* KURZ_COUNTING_ALLOC_H */
