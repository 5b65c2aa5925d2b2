/* SPDX-License-Identifier: MIT */
/* Reading kurz's inputs: whole files (or standard input), or the lines of
 * --jsonl input, one at a time. A line longer than the input limit is not
 * kept: its start is, for its id, and the rest is read and dropped. */
#define _DEFAULT_SOURCE 1 /* madvise: outside POSIX */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#if defined(__linux__)
#include <sys/mman.h>
#endif
#include <unistd.h>

#include "cli.h"

/* What is kept of a line too long to read: enough for the id in front. */
#define LONG_LINE_KEEP ((size_t)4 << 10)

/* Read size for --jsonl input: small reads into a buffer used again and
 * again, so the workers get their first record sooner and few pages are
 * ever touched (the buffer only grows for a longer line). */
#define READ_CHUNK ((size_t)64 << 10)

void source_init(source *src, const kz_opts *o, const volatile sig_atomic_t *stop, int wake_fd)
{
    memset(src, 0, sizeof *src);
    src->o = o;
    src->stop = stop;
    src->wake_fd = wake_fd;
    src->fd = -1;
}

void source_close(source *src)
{
    if (src->fd > 0)
        close(src->fd);
    src->fd = -1;
    buf_free(&src->rb);
}

/* The file is about to be read into p[0..n): map those pages in one call
 * rather than taking a page fault for each (microseconds apiece on a virtual
 * machine; libkurz does the same for its big arrays). Advice only. */
static void about_to_fill(char *p, size_t n)
{
#if defined(__linux__) && defined(MADV_POPULATE_WRITE)
    long ps = sysconf(_SC_PAGESIZE);
    if (n < ((size_t)64 << 10) || ps <= 0 || (ps & (ps - 1)))
        return;
    uintptr_t a = ((uintptr_t)p + (uintptr_t)ps - 1) & ~((uintptr_t)ps - 1);
    uintptr_t e = ((uintptr_t)p + n) & ~((uintptr_t)ps - 1);
    if (e > a)
        (void)madvise((void *)a, e - a, MADV_POPULATE_WRITE);
#else
    (void)p;
    (void)n;
#endif
}

/* Reads everything from fd into b (appending). Stops as soon as more than
 * limit bytes were read and sets *too_large. Returns 0, or -1 with errno
 * (EINTR when *stop was set by a signal). */
static int read_fd_all(int fd, buf *b, size_t limit, const volatile sig_atomic_t *stop,
                       int *too_large)
{
    *too_large = 0;
    size_t start = b->n;
    struct stat st;
    /* A regular file's size is a good first guess; it may still change. */
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
        /* Room for the whole file and for the read that sees its end. */
        uintmax_t want = (uintmax_t)st.st_size;
        if (want > (uintmax_t)limit)
            want = (uintmax_t)limit;
        want += 4097;
        if (want < SIZE_MAX / 2) {
            buf_reserve(b, (size_t)want);
            about_to_fill(b->p + b->n, (size_t)want - 4097);
        }
    }
    for (;;) {
        if (b->n - start > limit) {
            *too_large = 1;
            return 0;
        }
        if (b->cap - b->n < 4096)
            buf_reserve(b, b->cap < 65536 ? 65536 : b->cap / 2);
        size_t room = b->cap - b->n;
        if (room > (1u << 30))
            room = 1u << 30;
        ssize_t r = read(fd, b->p + b->n, room);
        if (r < 0) {
            if (errno == EINTR && !(stop && *stop))
                continue;
            return -1;
        }
        if (r == 0)
            return 0;
        b->n += (size_t)r;
    }
}

/* Opens FILE ("-": standard input), reads at most LIMIT bytes of it into IN
 * (*over set when it has more) and closes it; -1 with the system's message
 * in MSG when it cannot be opened or read. */
static int read_named(const char *file, buf *in, size_t limit, const volatile sig_atomic_t *stop,
                      int *over, char *msg, size_t msgsz)
{
    int fd = 0;
    if (strcmp(file, "-") != 0) {
        fd = open(file, O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            errno_str(errno, msg, msgsz);
            return -1;
        }
    }
    in->n = 0;
    int r = read_fd_all(fd, in, limit, stop, over);
    int read_errno = errno;
    if (fd != 0)
        close(fd);
    if (r != 0) {
        errno_str(read_errno, msg, msgsz);
        return -1;
    }
    return 0;
}

int source_read_file(const char *file, buf *in, size_t limit, const volatile sig_atomic_t *stop,
                     char *msg, size_t msgsz)
{
    int too_large = 0;
    if (read_named(file, in, limit, stop, &too_large, msg, msgsz) != 0)
        return -1;
    if (too_large) {
        snprintf(msg, msgsz, "input larger than %zu bytes (see --max-input-bytes)", limit);
        return -1;
    }
    return 0;
}

int source_read_head(const char *file, buf *in, size_t max, const volatile sig_atomic_t *stop,
                     char *msg, size_t msgsz)
{
    int longer = 0;
    if (read_named(file, in, max, stop, &longer, msg, msgsz) != 0)
        return -1;
    if (in->n > max) { /* cut back to the start of a character */
        size_t cut = max;
        while (cut > 0 && ((unsigned char)in->p[cut] & 0xC0) == 0x80)
            cut--;
        in->n = cut;
    }
    return 0;
}

static int blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return 0;
    return 1;
}

/* it gets the start of a line too long to read (cut at a character's
 * start, so that its id can be read). */
static void keep_start(item *it, const char *line, size_t len)
{
    size_t keep = len < LONG_LINE_KEEP ? len : LONG_LINE_KEEP;
    if (keep < len)
        while (keep > 0 && ((unsigned char)line[keep] & 0xC0) == 0x80)
            keep--;
    it->line = xmalloc(keep + 1);
    memcpy(it->line, line, keep);
    it->line[keep] = '\0';
    it->len = keep;
    it->too_long = 1;
}

static void read_failed(source *src, item *it, int e)
{
    it->kind = IT_ERROR;
    it->file = src->file;
    errno_str(e, it->msg, sizeof it->msg);
}

/* Reads more of the file into rb. 1 when something came, 0 at its end (or
 * when a signal stopped the run: it wakes a read that waits through
 * wake_fd), -1 with errno. */
static int read_more(source *src)
{
    buf_reserve(&src->rb, READ_CHUNK);
    for (;;) {
        if (src->stop && *src->stop)
            return 0;
        if (src->wake_fd >= 0) {
            /* wait for input or for a signal, whichever comes first */
            struct pollfd pf[2] = {{src->fd, POLLIN, 0}, {src->wake_fd, POLLIN, 0}};
            if (poll(pf, 2, -1) < 0 && errno != EINTR)
                return -1;
            if (pf[1].revents || (src->stop && *src->stop))
                return 0;
            if (!pf[0].revents)
                continue;
        }
        ssize_t r = read(src->fd, src->rb.p + src->rb.n, src->rb.cap - src->rb.n);
        if (r < 0 && errno == EINTR) {
            if (src->stop && *src->stop)
                return 0;
            continue;
        }
        if (r < 0)
            return -1;
        src->rb.n += (size_t)r;
        return r > 0;
    }
}

/* The line at src->pos has no end within more than limit bytes: keeps its
 * start in it, and reads and drops the rest up to its '\n'. 0, or -1 with
 * errno. */
static int skip_long_line(source *src, item *it)
{
    keep_start(it, src->rb.p + src->pos, src->rb.n - src->pos);
    for (;;) {
        src->rb.n = src->pos = 0;
        int r = read_more(src);
        if (r < 0)
            return -1;
        if (r == 0) {
            src->eof = 1;
            return 0;
        }
        char *nl = memchr(src->rb.p, '\n', src->rb.n);
        if (nl) {
            src->pos = (size_t)(nl - src->rb.p) + 1;
            return 0;
        }
    }
}

/* The next line of the open --jsonl file into it: 1, or 0 when the file is
 * done. */
static int next_line(source *src, item *it)
{
    size_t limit = src->o->max_input_eff;
    size_t scan = src->pos;
    for (;;) {
        char *nl = src->rb.n > scan ? memchr(src->rb.p + scan, '\n', src->rb.n - scan) : NULL;
        size_t end;
        if (nl) {
            end = (size_t)(nl - src->rb.p);
        } else if (src->eof) {
            end = src->rb.n;
            if (end == src->pos)
                return 0;
        } else if (src->rb.n - src->pos > limit) {
            /* No '\n' in more than limit bytes: the line is too long. */
            it->kind = IT_LINE;
            it->file = src->file;
            it->lineno = ++src->lineno;
            if (skip_long_line(src, it) != 0) {
                int e = errno;
                free(it->line);
                it->line = NULL;
                it->too_long = 0;
                read_failed(src, it, e);
                src->eof = 1;
                src->rb.n = src->pos = 0;
            }
            return 1;
        } else {
            /* Move the partial line to the front, then read. */
            if (src->pos) {
                memmove(src->rb.p, src->rb.p + src->pos, src->rb.n - src->pos);
                src->rb.n -= src->pos;
                src->pos = 0;
            }
            scan = src->rb.n;
            int r = read_more(src);
            if (r < 0) {
                read_failed(src, it, errno);
                src->eof = 1;
                src->rb.n = src->pos = 0;
                return 1;
            }
            if (r == 0 && src->stop && *src->stop)
                return 0; /* stopped: a line cut short is not an input */
            if (r == 0)
                src->eof = 1;
            continue;
        }
        const char *line = src->rb.p + src->pos;
        size_t len = end - src->pos;
        src->pos = nl ? end + 1 : end;
        src->lineno++;
        if (src->lineno == 1 && len >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0) {
            line += 3; /* a byte-order mark */
            len -= 3;
        }
        if (!src->o->lines && blank(line, len)) {
            scan = src->pos;
            continue;
        }
        it->kind = IT_LINE;
        it->file = src->file;
        if (len > limit) {
            /* Read whole, as it ended within the last read: still too long. */
            keep_start(it, line, len);
        } else {
            it->line = xmalloc(len + 1);
            memcpy(it->line, line, len);
            it->line[len] = '\0';
            it->len = len;
        }
        it->lineno = src->lineno;
        return 1;
    }
}

int source_next(source *src, item *it)
{
    const kz_opts *o = src->o;
    if (!o->jsonl) {
        if (src->next_file >= o->nfiles)
            return 0;
        it->kind = IT_FILE;
        it->file = o->files[src->next_file++];
        return 1;
    }
    for (;;) {
        if (src->stop && *src->stop)
            return 0;
        if (src->fd < 0) {
            if (src->next_file >= o->nfiles)
                return 0;
            src->file = o->files[src->next_file++];
            src->fd = 0;
            if (strcmp(src->file, "-") != 0)
                src->fd = open(src->file, O_RDONLY | O_CLOEXEC);
            src->rb.n = src->pos = 0;
            src->eof = 0;
            src->lineno = 0;
            if (src->fd < 0) {
                read_failed(src, it, errno);
                return 1;
            }
        }
        if (next_line(src, it))
            return 1;
        if (src->fd > 0)
            close(src->fd);
        src->fd = -1;
    }
}

size_t source_count_records(const kz_opts *o)
{
    size_t total = 0;
    char *block = xmalloc(1 << 16);
    for (size_t f = 0; f < o->nfiles; f++) {
        int fd = strcmp(o->files[f], "-") == 0 ? -1 : open(o->files[f], O_RDONLY | O_CLOEXEC);
        struct stat st;
        if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
            if (fd >= 0)
                close(fd);
            total = 0;
            break;
        }
        int nonblank = 0;
        ssize_t r;
        while ((r = read(fd, block, 1 << 16)) > 0) {
            for (ssize_t i = 0; i < r; i++) {
                char c = block[i];
                if (c == '\n') {
                    total += (size_t)nonblank;
                    nonblank = 0;
                } else if (c != ' ' && c != '\t' && c != '\r') {
                    nonblank = 1;
                }
            }
        }
        total += (size_t)nonblank;
        close(fd);
    }
    free(block);
    return total;
}
