/* SPDX-License-Identifier: MIT */
/* See counting-alloc.h. */
#include "counting-alloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MAGIC_LIVE 0x6b75727a4c495645ull /* "kurzLIVE" */
#define MAGIC_DEAD 0x6b75727a44454144ull /* "kurzDEAD" */

typedef union hdr {
    struct {
        uint64_t magic;
        size_t size;
    } h;
    max_align_t align;
} hdr;

void ca_init(ca_alloc *a)
{
    memset(a, 0, sizeof *a);
    a->count_malloc = a->count_realloc = 1;
}

static int should_fail(ca_alloc *a, int is_realloc)
{
    if (is_realloc ? !a->count_realloc : !a->count_malloc)
        return 0;
    a->events++;
    if (a->fail_at && a->events == a->fail_at) {
        a->failures++;
        return 1;
    }
    return 0;
}

static void grew(ca_alloc *a, size_t before, size_t after)
{
    a->calls++;
    a->bytes = a->bytes - before + after;
    if (a->bytes > a->peak_bytes)
        a->peak_bytes = a->bytes;
}

void *ca_malloc(void *user, size_t size)
{
    ca_alloc *a = user;
    if (should_fail(a, 0))
        return NULL;
    if (size > SIZE_MAX - sizeof(hdr))
        return NULL;
    hdr *h = malloc(sizeof(hdr) + size);
    if (!h)
        return NULL;
    h->h.magic = MAGIC_LIVE;
    h->h.size = size;
    if (a->poison)
        memset(h + 1, 0xA5, size);
    if (++a->live > a->peak_live)
        a->peak_live = a->live;
    grew(a, 0, size);
    return h + 1;
}

void ca_free(void *user, void *p)
{
    ca_alloc *a = user;
    if (!p)
        return;
    hdr *h = (hdr *)p - 1;
    if (h->h.magic != MAGIC_LIVE) {
        a->bad_frees++;
        return;
    }
    h->h.magic = MAGIC_DEAD;
    a->live--;
    a->bytes -= h->h.size;
    free(h);
}

void *ca_realloc(void *user, void *p, size_t size)
{
    ca_alloc *a = user;
    if (!p)
        return ca_malloc(user, size);
    if (should_fail(a, 1))
        return NULL; /* p stays valid */
    hdr *h = (hdr *)p - 1;
    if (h->h.magic != MAGIC_LIVE) {
        a->bad_frees++;
        return NULL;
    }
    if (size > SIZE_MAX - sizeof(hdr))
        return NULL;
    size_t old = h->h.size;
    hdr *n;
    if (a->poison) { /* always move: stale pointers into the old block show */
        if (!(n = malloc(sizeof(hdr) + size)))
            return NULL;
        size_t keep = old < size ? old : size;
        memcpy(n + 1, h + 1, keep);
        if (size > keep)
            memset((char *)(n + 1) + keep, 0xA5, size - keep);
        h->h.magic = MAGIC_DEAD;
        free(h);
    } else if (!(n = realloc(h, sizeof(hdr) + size))) {
        return NULL;
    }
    n->h.magic = MAGIC_LIVE;
    n->h.size = size;
    grew(a, old, size);
    return n + 1;
}
