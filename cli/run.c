/* Running kurz over its inputs: files, or the records of --jsonl input.
 *
 * Every input is an item: a file to summarize or a line to parse and
 * summarize. Items are processed by workers (the main thread and jobs - 1
 * more threads), each with its own summarizers (one per language, reused for
 * every document), and written strictly in input order. Workers run at most
 * a bounded window of items ahead of the output, so memory stays bounded
 * however long the input is, and a slow document only holds back the
 * output, not the other workers. With one job there are no threads at all. */
#define _GNU_SOURCE 1 /* sched_getaffinity, pthread_attr_setaffinity_np */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

/* ---- Processors ------------------------------------------------------------ */

#if defined(__linux__) && defined(CPU_COUNT)
#define KZ_AFFINITY 1
/* The processors this process may run on (taskset, cpusets); 0 when unknown,
 * for instance on a machine with more than CPU_SETSIZE of them. */
static int allowed_cpus(cpu_set_t *set)
{
    CPU_ZERO(set);
    return sched_getaffinity(0, sizeof *set, set) == 0 ? CPU_COUNT(set) : 0;
}
#endif

int kz_cpus(void)
{
#ifdef KZ_AFFINITY
    cpu_set_t set;
    int allowed = allowed_cpus(&set);
    if (allowed > 0)
        return allowed;
#endif
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > INT_MAX ? INT_MAX : (int)n;
}

/* ---- Items ---------------------------------------------------------------- */

enum { IT_FILE, IT_LINE, IT_ERROR };

typedef struct item {
    int kind;
    const char *file; /* the file, or the file the line comes from */
    char *line;       /* IT_LINE: the line, without '\n' */
    size_t len;
    size_t lineno;    /* IT_LINE: 1-based */
    buf out, err;     /* what goes to stdout and stderr */
    int failed;
    int section;      /* text output of one of several files: needs a separator */
    int done;         /* guarded by the engine's mutex */
    struct worker *owner; /* who made it, and gets it back once written */
    struct item *next;    /* in the owner's list of spare items */
} item;

/* Items, and the memory of their output buffers, are used again by the
 * worker that made them: a record then needs no allocation for its output,
 * and no thread frees what another thread's heap gave out. (glibc then takes
 * the other heap's lock, and its owner may have to wait for it: strace saw
 * about a hundred futex calls on those locks in a -j 2 run over 1,500
 * records.) Spare items are at most the window's slots plus one per worker;
 * a buffer that grew beyond this is freed rather than kept. */
#define ITEM_KEEP_BYTES ((size_t)64 << 10)

static void item_free(item *it)
{
    if (!it)
        return;
    free(it->line);
    buf_free(&it->out);
    buf_free(&it->err);
    free(it);
}

static int item_keepable(const item *it)
{
    return it->out.cap <= ITEM_KEEP_BYTES && it->err.cap <= ITEM_KEEP_BYTES;
}

/* it (written, its line freed) goes on the list *spare of its maker (with
 * the engine's mutex held when there are several workers); it is freed
 * instead when its buffers grew large. */
static void item_recycle(item *it, item **spare)
{
    if (!item_keepable(it)) {
        item_free(it);
        return;
    }
    it->next = *spare;
    *spare = it;
}

static void spares_free(item **spare)
{
    while (*spare) {
        item *it = *spare;
        *spare = it->next;
        item_free(it);
    }
}

static const char *display_name(const char *file)
{
    return strcmp(file, "-") == 0 ? "standard input" : file;
}

/* strerror() need not be thread-safe; this is (POSIX strerror_r). */
static void errno_str(int e, char *out, size_t n)
{
    if (strerror_r(e, out, n) != 0)
        snprintf(out, n, "error %d", e);
}

/* ---- Workers ---------------------------------------------------------------- */

typedef struct cached {
    char *name;
    kurz_summarizer *s;
} cached;

typedef struct worker {
    const kz_opts *o;
    cached *cache;
    size_t ncache;
    buf in;   /* a file's contents */
    jrec rec; /* the current record */
    pthread_t tid;
    int cpu;  /* the processor it keeps to, or -1 */
    struct engine *e;
    item *spare; /* written items, for reuse (guarded by the engine's mutex) */
} worker;

static void worker_init(worker *w, const kz_opts *o)
{
    memset(w, 0, sizeof *w);
    w->o = o;
    w->cpu = -1;
}

/* Releases what the worker holds; it may be called again. */
static void worker_free(worker *w)
{
    for (size_t i = 0; i < w->ncache; i++) {
        kurz_summarizer_free(w->cache[i].s);
        free(w->cache[i].name);
    }
    free(w->cache);
    w->cache = NULL;
    w->ncache = 0;
    buf_free(&w->in);
    buf_free(&w->rec.text);
    buf_free(&w->rec.lang);
    buf_free(&w->rec.key);
}

/* The worker's summarizer for lang, made on first use. NULL with *st set
 * when the language is unknown (or memory ran out). */
static kurz_summarizer *summarizer_for(worker *w, const char *lang, int *st)
{
    for (size_t i = 0; i < w->ncache; i++)
        if (strcmp(w->cache[i].name, lang) == 0)
            return w->cache[i].s;
    kurz_summarizer *s;
    *st = kurz_summarizer_new(&s, lang);
    if (*st != KURZ_OK)
        return NULL;
    *st = kz_configure(s, w->o);
    if (*st != KURZ_OK) {
        kurz_summarizer_free(s);
        return NULL;
    }
    w->cache = xrealloc(w->cache, (w->ncache + 1) * sizeof *w->cache);
    w->cache[w->ncache].name = xstrdup(lang);
    w->cache[w->ncache].s = s;
    w->ncache++;
    return s;
}

/* Summarizes (or splits) text; on failure *msg holds the reason. */
static kurz_summary *run_doc(worker *w, kurz_summarizer *s, const char *text, size_t len, buf *msg)
{
    kurz_summary *sum = NULL;
    int st = w->o->split ? kurz_split(&sum, s, text, len) : kurz_summarize(&sum, s, text, len);
    if (st == KURZ_OK)
        return sum;
    if (st == KURZ_ERR_INVALID_UTF8)
        buf_addf(msg, "invalid UTF-8 at byte %zu", kurz_summarizer_error_offset(s));
    else if (st == KURZ_ERR_TOO_LARGE)
        buf_addf(msg, "input larger than %zu bytes (see --max-input-bytes)", w->o->max_input_eff);
    else
        buf_adds(msg, kurz_strerror(st));
    return NULL;
}

static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* One line of text output: every run of ASCII white space folded to one
 * space, none at either end. */
static void put_folded(buf *b, const char *s, size_t n)
{
    buf_reserve(b, n + 1);
    int pending = 0, any = 0;
    size_t i = 0;
    while (i < n) {
        if (is_space((unsigned char)s[i])) {
            pending = 1;
            i++;
            continue;
        }
        size_t run = i;
        while (i < n && !is_space((unsigned char)s[i]))
            i++;
        if (pending && any)
            buf_addc(b, ' ');
        buf_add(b, s + run, i - run);
        pending = 0;
        any = 1;
    }
    buf_addc(b, '\n');
}

static void put_text(buf *b, const kurz_summary *sum, const char *text)
{
    size_t n = kurz_summary_count(sum);
    for (size_t i = 0; i < n; i++) {
        size_t start, end;
        if (kurz_summary_get(sum, i, NULL, &start, &end, NULL) == KURZ_OK)
            put_folded(b, text + start, end - start);
    }
}

/* The members after "file" or "id": language, sentences, document_sentences. */
static void put_json_body(buf *b, kurz_summarizer *s, const kurz_summary *sum, const char *text)
{
    buf_adds(b, "\"language\": ");
    const char *lang = kurz_summarizer_language(s);
    json_str(b, lang, strlen(lang));
    buf_adds(b, ", \"sentences\": [");
    size_t n = kurz_summary_count(sum);
    for (size_t i = 0; i < n; i++) {
        size_t index, start, end;
        double score;
        if (kurz_summary_get(sum, i, &index, &start, &end, &score) != KURZ_OK)
            continue;
        buf_addf(b, "%s{\"index\": %zu, \"start\": %zu, \"end\": %zu, \"score\": ", i ? ", " : "",
                 index, start, end);
        if (score == score && score - score == 0) /* finite */
            buf_addf(b, "%.6g", score);
        else
            buf_adds(b, "null");
        buf_adds(b, ", \"text\": ");
        json_str(b, text + start, end - start);
        buf_addc(b, '}');
    }
    buf_addf(b, "], \"document_sentences\": %zu}\n", kurz_summary_document_sentences(sum));
}

static void file_failed(worker *w, item *it, const char *msg)
{
    it->failed = 1;
    buf_addf(&it->err, "kurz: %s: %s\n", display_name(it->file), msg);
    if (w->o->json) {
        buf_adds(&it->out, "{\"file\": ");
        json_str_lossy(&it->out, it->file, strlen(it->file));
        buf_adds(&it->out, ", \"error\": ");
        json_str_lossy(&it->out, msg, strlen(msg));
        buf_adds(&it->out, "}\n");
    }
}

static void do_file(worker *w, item *it)
{
    const kz_opts *o = w->o;
    char msg[256];
    int fd = 0;
    if (strcmp(it->file, "-") != 0) {
        fd = open(it->file, O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            errno_str(errno, msg, sizeof msg);
            file_failed(w, it, msg);
            return;
        }
    }
    w->in.n = 0;
    int too_large = 0;
    int r = read_fd_all(fd, &w->in, o->max_input_eff, &too_large);
    int read_errno = errno;
    if (fd != 0)
        close(fd);
    if (r != 0) {
        errno_str(read_errno, msg, sizeof msg);
        file_failed(w, it, msg);
        return;
    }
    if (too_large) {
        snprintf(msg, sizeof msg, "input larger than %zu bytes (see --max-input-bytes)",
                 o->max_input_eff);
        file_failed(w, it, msg);
        return;
    }
    int st;
    kurz_summarizer *s = summarizer_for(w, o->lang, &st);
    if (!s) {
        file_failed(w, it, kurz_strerror(st));
        return;
    }
    buf why = {0};
    kurz_summary *sum = run_doc(w, s, w->in.p, w->in.n, &why);
    if (!sum) {
        buf_addc(&why, '\0');
        file_failed(w, it, why.p);
        buf_free(&why);
        return;
    }
    if (o->json) {
        buf_adds(&it->out, "{\"file\": ");
        json_str_lossy(&it->out, it->file, strlen(it->file));
        buf_adds(&it->out, ", ");
        put_json_body(&it->out, s, sum, w->in.p);
    } else {
        if (o->nfiles > 1) {
            it->section = 1;
            buf_addf(&it->out, "==> %s <==\n", display_name(it->file));
        }
        put_text(&it->out, sum, w->in.p);
    }
    kurz_summary_free(sum);
}

/* The start of a --jsonl output object: the id, or the line (and file). */
static void put_record_key(worker *w, item *it)
{
    buf_addc(&it->out, '{');
    if (w->rec.id) {
        buf_adds(&it->out, "\"id\": ");
        buf_add(&it->out, w->rec.id, w->rec.id_len);
    } else {
        if (w->o->nfiles > 1) {
            buf_adds(&it->out, "\"file\": ");
            json_str_lossy(&it->out, it->file, strlen(it->file));
            buf_adds(&it->out, ", ");
        }
        buf_addf(&it->out, "\"line\": %zu", it->lineno);
    }
}

static void record_failed(worker *w, item *it, const char *msg)
{
    it->failed = 1;
    it->out.n = 0;
    put_record_key(w, it);
    buf_adds(&it->out, ", \"error\": ");
    json_str_lossy(&it->out, msg, strlen(msg));
    buf_adds(&it->out, "}\n");
    buf_addf(&it->err, "kurz: %s:%zu: %s\n", display_name(it->file), it->lineno, msg);
}

static void do_line(worker *w, item *it)
{
    char msg[256];
    jrec *r = &w->rec;
    if (jrec_parse(r, it->line, it->len, msg, sizeof msg) != 0) {
        record_failed(w, it, msg);
        return;
    }
    const char *lang = r->has_lang ? r->lang.p : w->o->lang;
    int st = KURZ_ERR_UNSUPPORTED_LANG;
    kurz_summarizer *s = NULL;
    if (!r->has_lang || strlen(lang) + 1 == r->lang.n)
        s = summarizer_for(w, lang, &st);
    if (!s) {
        if (st == KURZ_ERR_UNSUPPORTED_LANG || st == KURZ_ERR_INVALID_ARG) {
            buf m = {0};
            buf_adds(&m, "unsupported language ");
            json_str(&m, r->lang.p, r->lang.n ? r->lang.n - 1 : 0);
            buf_addc(&m, '\0');
            record_failed(w, it, m.p);
            buf_free(&m);
        } else {
            record_failed(w, it, kurz_strerror(st));
        }
        return;
    }
    buf why = {0};
    kurz_summary *sum = run_doc(w, s, r->text.p ? r->text.p : "", r->text.n, &why);
    if (!sum) {
        buf_addc(&why, '\0');
        record_failed(w, it, why.p);
        buf_free(&why);
        return;
    }
    put_record_key(w, it);
    buf_adds(&it->out, ", ");
    put_json_body(&it->out, s, sum, r->text.p);
    kurz_summary_free(sum);
}

static void process(worker *w, item *it)
{
    if (it->kind == IT_FILE)
        do_file(w, it);
    else if (it->kind == IT_LINE)
        do_line(w, it);
}

/* ---- Input: the stream of items ------------------------------------------- */

typedef struct source {
    const kz_opts *o;
    size_t next_file;
    /* --jsonl */
    int fd;           /* -1: no file open */
    const char *file;
    buf rb;           /* read buffer */
    size_t pos;       /* start of the unread part of rb */
    int eof;
    size_t lineno;
} source;

/* A new item, made of reuse (a spare item, keeping its buffers' memory)
 * when that is not NULL. */
static item *item_new(int kind, const char *file, item *reuse)
{
    item *it = reuse;
    if (it) {
        buf out = it->out, err = it->err;
        memset(it, 0, sizeof *it);
        it->out = out;
        it->err = err;
        it->out.n = it->err.n = 0;
    } else {
        it = xmalloc(sizeof *it);
        memset(it, 0, sizeof *it);
    }
    it->kind = kind;
    it->file = file;
    return it;
}

static int blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return 0;
    return 1;
}

/* The next item, or NULL at the end of the input. It is made of reuse
 * when that is not NULL (and reuse is left alone when NULL is returned). */
static item *source_next(source *src, item *reuse)
{
    const kz_opts *o = src->o;
    if (!o->jsonl) {
        if (src->next_file >= o->nfiles)
            return NULL;
        return item_new(IT_FILE, o->files[src->next_file++], reuse);
    }
    for (;;) {
        if (src->fd < 0) {
            if (src->next_file >= o->nfiles)
                return NULL;
            src->file = o->files[src->next_file++];
            src->fd = 0;
            if (strcmp(src->file, "-") != 0)
                src->fd = open(src->file, O_RDONLY | O_CLOEXEC);
            src->rb.n = src->pos = 0;
            src->eof = 0;
            src->lineno = 0;
            if (src->fd < 0) {
                char msg[256];
                errno_str(errno, msg, sizeof msg);
                item *it = item_new(IT_ERROR, src->file, reuse);
                it->failed = 1;
                buf_addf(&it->err, "kurz: %s: %s\n", display_name(src->file), msg);
                return it;
            }
        }
        /* Find the next line in the buffer, reading more as needed. */
        size_t scan = src->pos;
        for (;;) {
            char *nl = src->rb.n > scan ? memchr(src->rb.p + scan, '\n', src->rb.n - scan) : NULL;
            size_t end;
            if (nl) {
                end = (size_t)(nl - src->rb.p);
            } else if (src->eof) {
                end = src->rb.n;
                if (end == src->pos)
                    break; /* this file is done */
            } else {
                /* Move the partial line to the front, then read. */
                if (src->pos) {
                    memmove(src->rb.p, src->rb.p + src->pos, src->rb.n - src->pos);
                    src->rb.n -= src->pos;
                    src->pos = 0;
                }
                scan = src->rb.n;
                /* Small reads into a buffer that is used again and again:
                 * the workers get their first record sooner, and few pages
                 * are ever touched (the buffer only grows for a longer line). */
                buf_reserve(&src->rb, 64 << 10);
                ssize_t r = read(src->fd, src->rb.p + src->rb.n, src->rb.cap - src->rb.n);
                if (r < 0 && errno == EINTR)
                    continue;
                if (r < 0) {
                    char msg[256];
                    errno_str(errno, msg, sizeof msg);
                    item *it = item_new(IT_ERROR, src->file, reuse);
                    it->failed = 1;
                    buf_addf(&it->err, "kurz: %s: %s\n", display_name(src->file), msg);
                    src->eof = 1;
                    src->rb.n = src->pos = 0;
                    return it;
                }
                if (r == 0)
                    src->eof = 1;
                src->rb.n += (size_t)r;
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
            if (blank(line, len)) {
                scan = src->pos;
                continue;
            }
            item *it = item_new(IT_LINE, src->file, reuse);
            it->line = xmalloc(len + 1);
            memcpy(it->line, line, len);
            it->line[len] = '\0';
            it->len = len;
            it->lineno = src->lineno;
            return it;
        }
        if (src->fd > 0)
            close(src->fd);
        src->fd = -1;
    }
}

/* Counts the non-blank lines of the --jsonl inputs, for the progress
 * display; 0 when an input is not a regular file (or cannot be read). */
static size_t count_records(const kz_opts *o)
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

/* ---- Output ----------------------------------------------------------------- */

typedef struct writer {
    const kz_opts *o;
    int failed;        /* an input failed */
    int write_error;   /* stdout failed: stop */
    size_t sections;   /* text sections written */
    size_t records;    /* --jsonl records written */
    size_t total;      /* expected records, 0 if unknown */
    int progress_shown;
    struct timespec last;
} writer;

static double seconds_since(const struct timespec *t)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - t->tv_sec) + (double)(now.tv_nsec - t->tv_nsec) / 1e9;
}

static void show_progress(writer *wr, int force)
{
    if (!wr->o->progress)
        return;
    if (!force && wr->progress_shown && seconds_since(&wr->last) < 0.1)
        return;
    clock_gettime(CLOCK_MONOTONIC, &wr->last);
    if (wr->total)
        fprintf(stderr, "\r%zu/%zu documents", wr->records, wr->total);
    else
        fprintf(stderr, "\r%zu documents", wr->records);
    wr->progress_shown = 1;
}

static void report_write_error(writer *wr, int e)
{
    if (wr->write_error)
        return;
    wr->write_error = 1;
    if (wr->progress_shown)
        fputs("\r\033[K", stderr);
    fprintf(stderr, "kurz: write error: %s\n", strerror(e ? e : EIO));
}

/* Writes an item's output; 0, or -1 when stdout failed. */
static int emit(writer *wr, item *it)
{
    if (it->failed)
        wr->failed = 1;
    if (it->err.n) {
        if (fflush(stdout) != 0) {
            report_write_error(wr, errno);
            return -1;
        }
        if (wr->progress_shown)
            fputs("\r\033[K", stderr);
        fwrite(it->err.p, 1, it->err.n, stderr);
    }
    if (it->section && wr->sections++ > 0 && putchar('\n') == EOF) {
        report_write_error(wr, errno);
        return -1;
    }
    if (it->out.n && fwrite(it->out.p, 1, it->out.n, stdout) != it->out.n) {
        report_write_error(wr, errno);
        return -1;
    }
    if (it->kind == IT_LINE) {
        wr->records++;
        show_progress(wr, 0);
    }
    return 0;
}

/* ---- The engine ---------------------------------------------------------------- */

/* Every worker (the main thread is one of them) takes the next item from the
 * input itself, under in_mu, so the text is copied on the core that will
 * summarize it and no thread exists only to read. Items wait in a ring until
 * they can be written in input order; whoever finishes the item at the head
 * becomes the writer and writes it and every finished item behind it, so no
 * thread is woken per record. The writing itself (stdio, write(2)) happens
 * outside mu: the others only mark their items done and go on, and the
 * writer looks again for finished items before it stops being the writer. */
typedef struct engine {
    pthread_mutex_t in_mu;   /* the source */
    pthread_mutex_t mu;      /* everything below */
    pthread_cond_t space_cv; /* room in the window */
    source *src;
    item **ring;
    size_t cap;
    size_t head, tail;       /* item sequence numbers: written < head <= tail */
    size_t window_bytes;     /* input bytes of the items in the window */
    writer *wr;
    int waiting;             /* workers sleeping on space_cv */
    int writing;             /* a worker is writing the head of the window */
    int eof, stop;
} engine;

/* Input bytes the window may hold before a worker waits for output. */
#define WINDOW_BYTES ((size_t)64 << 20)

/* With e->mu held: unless another worker is at it, write every finished item
 * at the head of the window, in input order. mu is let go while writing;
 * the items written stay in the window (head does not move) until then, so
 * nobody else touches them or their slots. */
static void write_ready(engine *e)
{
    if (e->writing)
        return; /* the writer looks again before it stops */
    e->writing = 1;
    while (!e->stop) {
        size_t n = 0;
        while (e->head + n < e->tail && e->ring[(e->head + n) % e->cap]->done)
            n++;
        if (n == 0)
            break;
        pthread_mutex_unlock(&e->mu);
        size_t written = 0, bytes = 0;
        int failed = 0;
        while (written < n && !failed) {
            item *it = e->ring[(e->head + written) % e->cap];
            failed = emit(e->wr, it) != 0;
            bytes += it->len;
            if (!item_keepable(it)) { /* freed here, outside the lock */
                item_free(it);
                e->ring[(e->head + written) % e->cap] = NULL;
            }
            written++;
        }
        pthread_mutex_lock(&e->mu);
        for (size_t k = 0; k < written; k++) {
            item *it = e->ring[(e->head + k) % e->cap];
            if (it)
                item_recycle(it, &it->owner->spare);
        }
        e->head += written;
        e->window_bytes -= bytes;
        if (failed)
            e->stop = 1;
        if (e->waiting)
            pthread_cond_broadcast(&e->space_cv);
    }
    e->writing = 0;
}

static int window_full(const engine *e)
{
    return e->tail - e->head >= e->cap ||
           (e->window_bytes >= WINDOW_BYTES && e->tail != e->head);
}

static void *worker_main(void *arg)
{
    worker *w = arg;
    engine *e = w->e;
    for (;;) {
        pthread_mutex_lock(&e->in_mu);
        pthread_mutex_lock(&e->mu);
        /* a slot in the window first: the item at its head is being
         * worked on by another worker, who makes room when done */
        while (!e->stop && !e->eof && window_full(e)) {
            e->waiting++;
            pthread_cond_wait(&e->space_cv, &e->mu);
            e->waiting--;
        }
        int quit = e->stop || e->eof;
        item *reuse = w->spare;
        if (reuse)
            w->spare = reuse->next;
        pthread_mutex_unlock(&e->mu);
        item *it = quit ? NULL : source_next(e->src, reuse);
        pthread_mutex_lock(&e->mu);
        if (reuse && it != reuse)
            item_recycle(reuse, &w->spare);
        if (!it) {
            e->eof = 1;
            pthread_mutex_unlock(&e->mu);
            pthread_mutex_unlock(&e->in_mu);
            break;
        }
        it->owner = w;
        e->window_bytes += it->len;
        e->ring[e->tail % e->cap] = it;
        e->tail++;
        pthread_mutex_unlock(&e->mu);
        pthread_mutex_unlock(&e->in_mu);

        if (it->kind != IT_ERROR) /* read errors come with their message */
            process(w, it);
        /* the input is done with: free it here, in the thread that made it,
         * rather than wherever the output gets written */
        free(it->line);
        it->line = NULL;
        pthread_mutex_lock(&e->mu);
        it->done = 1;
        write_ready(e);
        pthread_mutex_unlock(&e->mu);
    }
    /* Each worker releases its own summarizers, all at once rather than
     * one after the other at the end, and into the heap they came from. */
    worker_free(w);
    return NULL;
}

#ifdef KZ_AFFINITY
static void keep_to_cpu(pthread_t t, int cpu)
{
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(cpu, &one);
    (void)pthread_setaffinity_np(t, sizeof one, &one); /* a wish: it may fail */
}
#endif

/* Starts a worker thread, on its own processor when it has one. */
static int start_worker(worker *w)
{
#ifdef KZ_AFFINITY
    if (w->cpu >= 0) {
        pthread_attr_t attr;
        cpu_set_t one;
        CPU_ZERO(&one);
        CPU_SET(w->cpu, &one);
        if (pthread_attr_init(&attr) == 0) {
            int r = pthread_attr_setaffinity_np(&attr, sizeof one, &one) == 0
                        ? pthread_create(&w->tid, &attr, worker_main, w)
                        : -1;
            pthread_attr_destroy(&attr);
            if (r == 0)
                return 0;
        }
    }
#endif
    return pthread_create(&w->tid, NULL, worker_main, w);
}

static void run_sequential(const kz_opts *o, source *src, writer *wr)
{
    worker w;
    worker_init(&w, o);
    for (;;) {
        item *reuse = w.spare;
        w.spare = NULL;
        item *it = source_next(src, reuse);
        if (reuse && it != reuse)
            item_recycle(reuse, &w.spare);
        if (!it)
            break;
        process(&w, it);
        int r = emit(wr, it);
        free(it->line);
        it->line = NULL;
        item_recycle(it, &w.spare);
        if (r)
            break;
    }
    spares_free(&w.spare);
    worker_free(&w);
}

static void run_parallel(const kz_opts *o, source *src, writer *wr)
{
    engine e;
    memset(&e, 0, sizeof e);
    pthread_mutex_init(&e.in_mu, NULL);
    pthread_mutex_init(&e.mu, NULL);
    pthread_cond_init(&e.space_cv, NULL);
    e.cap = (size_t)o->jobs * 64;
    e.ring = xmalloc(e.cap * sizeof *e.ring);
    e.wr = wr;
    e.src = src;

    size_t nw = (size_t)o->jobs;
    worker *ws = xmalloc(nw * sizeof *ws);
    for (size_t i = 0; i < nw; i++) {
        worker_init(&ws[i], o);
        ws[i].e = &e;
    }
#ifdef KZ_AFFINITY
    /* With a worker for every processor kurz may use, each keeps to its own.
     * Left alone, Linux tends to wake a thread that slept on a lock on its
     * waker's processor, and on a VM both were seen sharing one processor
     * for up to 20 ms while the other idled. Fewer workers than processors
     * are left to the scheduler, which then has room to spare. */
    cpu_set_t allowed;
    if (allowed_cpus(&allowed) == (int)nw) {
        /* This thread (worker 0) keeps the processor it is on: moving it
         * costs a migration, a wake-up of the target processor and the
         * caches it leaves behind (0.3 ms and more on a VM). */
        int here = sched_getcpu();
        if (here < 0 || here >= CPU_SETSIZE || !CPU_ISSET(here, &allowed))
            for (here = 0; !CPU_ISSET(here, &allowed); here++)
                ;
        ws[0].cpu = here;
        size_t k = 1;
        for (int c = 0; c < CPU_SETSIZE && k < nw; c++)
            if (CPU_ISSET(c, &allowed) && c != here)
                ws[k++].cpu = c;
    }
    if (ws[0].cpu >= 0)
        keep_to_cpu(pthread_self(), ws[0].cpu);
#endif
    /* this thread is worker 0; a thread that cannot be made is one worker
     * fewer, never an error */
    size_t started = 1;
    while (started < nw && start_worker(&ws[started]) == 0)
        started++;
    worker_main(&ws[0]);
    for (size_t i = 1; i < started; i++)
        pthread_join(ws[i].tid, NULL);
#ifdef KZ_AFFINITY
    if (ws[0].cpu >= 0) /* the rest runs wherever it may */
        pthread_setaffinity_np(pthread_self(), sizeof allowed, &allowed);
#endif
    /* After a write error, items may be left in the window. */
    for (size_t k = e.head; k < e.tail; k++)
        item_free(e.ring[k % e.cap]);
    for (size_t i = started; i < nw; i++) /* workers that never ran hold nothing yet */
        worker_free(&ws[i]);
    for (size_t i = 0; i < nw; i++) /* items written after their maker stopped */
        spares_free(&ws[i].spare);
    free(ws);
    free(e.ring);
    pthread_mutex_destroy(&e.in_mu);
    pthread_mutex_destroy(&e.mu);
    pthread_cond_destroy(&e.space_cv);
}

int kz_run(const kz_opts *o)
{
    static char stdin_name[] = "-";
    static char *stdin_only[] = {stdin_name, NULL};
    kz_opts opts = *o;
    if (opts.nfiles == 0) {
        opts.files = stdin_only;
        opts.nfiles = 1;
    }
    /* Big writes to a pipe or file. The buffer must be given: glibc ignores
     * the size when it allocates the buffer itself (and writes 4 kB). */
    static char outbuf[1 << 16];
    if (!isatty(1))
        setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);

    writer wr;
    memset(&wr, 0, sizeof wr);
    wr.o = &opts;
    if (opts.progress)
        wr.total = count_records(&opts);

    source src;
    memset(&src, 0, sizeof src);
    src.o = &opts;
    src.fd = -1;

    /* More threads than items would only idle; and two workers must not
     * read standard input at once. */
    if (!opts.jsonl) {
        size_t dashes = 0;
        for (size_t i = 0; i < opts.nfiles; i++)
            dashes += strcmp(opts.files[i], "-") == 0;
        if ((size_t)opts.jobs > opts.nfiles || dashes > 1)
            opts.jobs = dashes > 1 ? 1 : (int)opts.nfiles;
    }
    if (opts.jobs <= 1)
        run_sequential(&opts, &src, &wr);
    else
        run_parallel(&opts, &src, &wr);

    if (src.fd > 0)
        close(src.fd);
    buf_free(&src.rb);

    if (!wr.write_error && (fflush(stdout) != 0 || ferror(stdout)))
        report_write_error(&wr, errno);
    if (wr.progress_shown) {
        show_progress(&wr, 1);
        fputc('\n', stderr);
    }
    return wr.failed || wr.write_error ? 1 : 0;
}
