/* SPDX-License-Identifier: MIT */
/* Growable byte buffers, allocation, and the system's error messages. */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static void (*on_failure)(void);

void xalloc_on_failure(void (*fn)(void))
{
    on_failure = fn;
}

static void oom(void)
{
    static const char msg[] = "kurz: out of memory\n";
    if (on_failure)
        on_failure(); /* writes out the finished output */
    /* write(2) rather than stdio: another thread may hold the stderr lock. */
    ssize_t r = write(2, msg, sizeof msg - 1);
    (void)r;
    _Exit(1);
}

/* For tests: a request larger than this fails as if memory ran out. */
static size_t test_alloc_limit = SIZE_MAX;

void xalloc_limit_from_env(void)
{
    const char *v = getenv("KURZ_CLI_ALLOC_LIMIT");
    if (v && *v) {
        char *end;
        unsigned long long n = strtoull(v, &end, 10);
        if (!*end)
            test_alloc_limit = (size_t)n;
    }
}

void *xmalloc(size_t n)
{
    if (n > test_alloc_limit)
        oom();
    void *p = malloc(n ? n : 1);
    if (!p)
        oom();
    return p;
}

void *xrealloc(void *p, size_t n)
{
    if (n > test_alloc_limit)
        oom();
    void *q = realloc(p, n ? n : 1);
    if (!q)
        oom();
    return q;
}

char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(xmalloc(n), s, n);
}

void buf_reserve(buf *b, size_t extra)
{
    if (extra <= b->cap - b->n)
        return;
    if (extra > SIZE_MAX - b->n)
        oom();
    size_t need = b->n + extra;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    b->p = xrealloc(b->p, cap);
    b->cap = cap;
}

void buf_add(buf *b, const void *p, size_t n)
{
    if (!n)
        return;
    buf_reserve(b, n);
    memcpy(b->p + b->n, p, n);
    b->n += n;
}

void buf_addc(buf *b, char c)
{
    if (b->n == b->cap)
        buf_reserve(b, 1);
    b->p[b->n++] = c;
}

void buf_adds(buf *b, const char *s)
{
    buf_add(b, s, strlen(s));
}

void buf_addf(buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char tmp[256];
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof tmp) {
        buf_add(b, tmp, (size_t)n);
        return;
    }
    buf_reserve(b, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(b->p + b->n, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->n += (size_t)n;
}

/* strerror_r is XSI's (int) or, with _GNU_SOURCE, GNU's (a pointer to the
 * message, which need not be out): both are taken. */
static void from_xsi(int r, int e, char *out, size_t n)
{
    if (r != 0)
        snprintf(out, n, "error %d", e);
}

static void from_gnu(const char *r, int e, char *out, size_t n)
{
    if (!r)
        snprintf(out, n, "error %d", e);
    else if (r != out)
        snprintf(out, n, "%s", r);
}

void errno_str(int e, char *out, size_t n)
{
    if (!n)
        return;
    out[0] = '\0';
    _Generic(strerror_r(e, out, n), int: from_xsi, default: from_gnu)(strerror_r(e, out, n), e,
                                                                          out, n);
}

void buf_free(buf *b)
{
    free(b->p);
    b->p = NULL;
    b->n = b->cap = 0;
}
