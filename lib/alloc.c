/* SPDX-License-Identifier: MIT */
/* Allocation through the caller's allocator (or the C library's). */
/* madvise and MADV_POPULATE_WRITE are outside POSIX */
#define _DEFAULT_SOURCE 1
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
#endif

#include "alloc.h"

static void *std_malloc(void *user, size_t size)
{
    (void)user;
    return malloc(size);
}

static void *std_realloc(void *user, void *p, size_t size)
{
    (void)user;
    return realloc(p, size);
}

static void std_free(void *user, void *p)
{
    (void)user;
    free(p);
}

void kurz__mem_default(kurz__mem *m)
{
    m->malloc_fn = std_malloc;
    m->realloc_fn = std_realloc;
    m->free_fn = std_free;
    m->user = NULL;
}

void *kurz__malloc(const kurz__mem *m, size_t size)
{
    return m->malloc_fn(m->user, size ? size : 1);
}

void *kurz__calloc(const kurz__mem *m, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        return NULL;
    /* Small blocks: the C library knows when its memory is already zero.
     * Big ones are mapped in one call before they are cleared: glibc's
     * calloc clears reused heap memory itself, one page fault at a time. */
    if (m->malloc_fn == std_malloc && n * size < KURZ__PREFAULT_MIN)
        return calloc(n ? n : 1, size ? size : 1);
    void *p = kurz__malloc(m, n * size);
    if (p) {
        kurz__prefault(m, p, n * size); /* the memset writes every page */
        memset(p, 0, n * size);
    }
    return p;
}

void kurz__free(const kurz__mem *m, void *p)
{
    if (p)
        m->free_fn(m->user, p);
}

int kurz__grow(const kurz__mem *m, void **p, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return 0;
    size_t ncap = *cap ? *cap : 16;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2)
            return KURZ_ERR_NOMEM;
        ncap *= 2;
    }
    if (elem && ncap > SIZE_MAX / elem)
        return KURZ_ERR_NOMEM;
    void *np;
    if (*p && ncap * elem >= KURZ__PREFAULT_MIN) {
        /* Big blocks move by hand: the new block's pages are mapped in one
         * call before the copy writes them, not one fault at a time. */
        np = m->malloc_fn(m->user, ncap * elem);
        if (np) {
            kurz__prefault(m, np, ncap * elem);
            memcpy(np, *p, *cap * elem);
            m->free_fn(m->user, *p);
        }
    } else if (m->realloc_fn) {
        np = m->realloc_fn(m->user, *p, ncap * elem);
    } else {
        np = m->malloc_fn(m->user, ncap * elem);
        if (np && *p) {
            memcpy(np, *p, *cap * elem);
            m->free_fn(m->user, *p);
        }
    }
    if (!np)
        return KURZ_ERR_NOMEM;
    *p = np;
    *cap = ncap;
    return 0;
}

void kurz__prefault(const kurz__mem *m, void *p, size_t bytes)
{
#if defined(__linux__) && defined(MADV_POPULATE_WRITE)
    /* Only blocks big enough to span many pages. Any allocator's memory
     * will do: the range is about to be written anyway, and populating it
     * changes nothing but when the pages are mapped. */
    (void)m;
    if (!p || bytes < KURZ__PREFAULT_MIN)
        return;
    long ps = sysconf(_SC_PAGESIZE);
    if (ps <= 0 || (ps & (ps - 1)))
        return;
    uintptr_t a = ((uintptr_t)p + (uintptr_t)ps - 1) & ~((uintptr_t)ps - 1);
    uintptr_t e = ((uintptr_t)p + bytes) & ~((uintptr_t)ps - 1);
    if (e > a) /* advice only: an old kernel says EINVAL, and nothing changes */
        (void)madvise((void *)a, e - a, MADV_POPULATE_WRITE);
#else
    (void)m;
    (void)p;
    (void)bytes;
#endif
}

uint64_t kurz__seed(const void *salt)
{
    uint64_t s = 0;
#if defined(__linux__)
    if (getentropy(&s, sizeof s) == 0)
        return s;
#endif
    /* no entropy at hand: the address (randomised by most systems) and the
     * clock still keep a seed from being known in advance */
    struct timespec ts = {0, 0};
    clock_gettime(CLOCK_REALTIME, &ts);
    s = (uint64_t)(uintptr_t)salt * 0x9e3779b97f4a7c15ull;
    s ^= (uint64_t)ts.tv_nsec * 0xc4ceb9fe1a85ec53ull ^ (uint64_t)ts.tv_sec;
    return s;
}
