/* SPDX-License-Identifier: MIT */
/* Running kurz over its inputs: the workers, their threads and processors.
 *
 * Every input is an item: a file to summarize or a line to parse and
 * summarize. Items are processed by workers (the main thread and jobs - 1
 * more threads), each with its own summarizers (one per language, reused for
 * every document), and written strictly in input order. Workers run at most
 * a bounded window of items ahead of the output, so memory stays bounded
 * however long the input is, and a slow document only holds back the
 * output, not the other workers. With one job there are no threads at all.
 *
 * SIGINT and SIGTERM stop the run cleanly: no new item is taken, the items
 * in progress are finished and every finished item is written whole; kurz
 * then exits with 128 + the signal. A second signal ends it at once. */
#define _GNU_SOURCE 1 /* sched_getaffinity, pthread_attr_setaffinity_np */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

/* ---- Signals ----------------------------------------------------------- */

static volatile sig_atomic_t stop_signal;
static int wake_pipe[2] = {-1, -1}; /* the handler writes a byte to wake the reader */

static void on_stop_signal(int sig)
{
    int saved = errno;
    stop_signal = sig;
    if (wake_pipe[1] >= 0) {
        ssize_t r = write(wake_pipe[1], "", 1);
        (void)r;
    }
    errno = saved;
}

/* Returns the end of the wake-up pipe to wait on, or -1. */
static int catch_stop_signals(void)
{
    if (pipe(wake_pipe) != 0)
        wake_pipe[0] = wake_pipe[1] = -1;
    else
        for (int i = 0; i < 2; i++) {
            fcntl(wake_pipe[i], F_SETFD, FD_CLOEXEC);
            fcntl(wake_pipe[i], F_SETFL, O_NONBLOCK);
        }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_stop_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESETHAND; /* no SA_RESTART: a blocked read returns */
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    return wake_pipe[0];
}

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

/* The next input as an item, or NULL at the end of the input. It is made
 * of reuse (a spare item, keeping its buffers' memory) when that is not
 * NULL, and reuse is left alone when NULL is returned. */
static item *next_item(source *src, item *reuse)
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
    if (source_next(src, it))
        return it;
    if (!reuse)
        item_free(it);
    return NULL;
}

/* ---- Workers ---------------------------------------------------------------- */

/* A worker keeps one summarizer per language, whatever the spellings of its
 * name in the records ("de", "DE", "German"): so at most one per language
 * the library knows. The spellings seen last are remembered, so a spelling
 * is resolved (by making a summarizer) only the first time. */
#define ALIAS_SLOTS 64
#define ALIAS_NAME 24

typedef struct alias {
    char name[ALIAS_NAME];
    kurz_summarizer *s;
} alias;

typedef struct worker {
    const kz_opts *o;
    kurz_summarizer **langs; /* one per language, by first use */
    size_t nlangs;
    alias aliases[ALIAS_SLOTS];
    size_t naliases, alias_next;
    size_t made;              /* summarizers made, kept or not */
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

/* With KURZ_CLI_STATS=1 in the environment, each worker tells on stderr how
 * many summarizers it made and kept (for tests of the cache's bound). */
static void worker_stats(const worker *w)
{
    const char *v = getenv("KURZ_CLI_STATS");
    if (v && strcmp(v, "1") == 0 && w->made)
        fprintf(stderr, "kurz: stats: %zu summarizers made, %zu kept\n", w->made, w->nlangs);
}

/* Releases what the worker holds; it may be called again. */
static void worker_free(worker *w)
{
    worker_stats(w);
    for (size_t i = 0; i < w->nlangs; i++)
        kurz_summarizer_free(w->langs[i]);
    free(w->langs);
    w->langs = NULL;
    w->nlangs = w->naliases = w->alias_next = w->made = 0;
    buf_free(&w->in);
    jrec_free(&w->rec);
}

static void remember(worker *w, const char *name, kurz_summarizer *s)
{
    if (strlen(name) >= ALIAS_NAME)
        return;
    alias *a = &w->aliases[w->alias_next];
    w->alias_next = (w->alias_next + 1) % ALIAS_SLOTS;
    if (w->naliases < ALIAS_SLOTS)
        w->naliases++;
    strcpy(a->name, name);
    a->s = s;
}

/* The worker's summarizer for lang, made on first use. NULL with *st set
 * when the language is unknown (or memory ran out). */
static kurz_summarizer *summarizer_for(worker *w, const char *lang, int *st)
{
    for (size_t i = 0; i < w->naliases; i++)
        if (strcmp(w->aliases[i].name, lang) == 0)
            return w->aliases[i].s;
    kurz_summarizer *s;
    *st = kurz_summarizer_new(&s, lang);
    if (*st != KURZ_OK)
        return NULL;
    w->made++;
    const char *code = kurz_summarizer_language(s);
    for (size_t i = 0; i < w->nlangs; i++)
        if (strcmp(kurz_summarizer_language(w->langs[i]), code) == 0) {
            kurz_summarizer_free(s); /* another spelling of a language in use */
            remember(w, lang, w->langs[i]);
            return w->langs[i];
        }
    *st = kz_configure(s, w->o);
    if (*st != KURZ_OK) {
        kurz_summarizer_free(s);
        return NULL;
    }
    w->langs = xrealloc(w->langs, (w->nlangs + 1) * sizeof *w->langs);
    w->langs[w->nlangs++] = s;
    remember(w, lang, s);
    return s;
}

/* Summarizes (or splits) text with the title title[0..tlen) (NULL: none);
 * on failure *msg holds the reason. */
static kurz_summary *run_doc(worker *w, kurz_summarizer *s, const char *text, size_t len,
                             const char *title, size_t tlen, buf *msg)
{
    kurz_summary *sum = NULL;
    /* a summarizer serves many documents: each gets its own title or none */
    int st = kurz_summarizer_set_title(s, title, title ? tlen : 0);
    if (st == KURZ_ERR_INVALID_UTF8) {
        buf_addf(msg, "invalid UTF-8 in the title at byte %zu", kurz_summarizer_error_offset(s));
        buf_addc(msg, '\0');
        return NULL;
    }
    if (st == KURZ_ERR_TOO_LARGE) {
        buf_addf(msg, "title larger than %zu bytes (see --max-input-bytes)", w->o->max_input_eff);
        buf_addc(msg, '\0');
        return NULL;
    }
    if (st == KURZ_OK)
        st = w->o->split ? kurz_split(&sum, s, text, len) : kurz_summarize(&sum, s, text, len);
    if (st == KURZ_OK)
        return sum;
    if (st == KURZ_ERR_INVALID_UTF8)
        buf_addf(msg, "invalid UTF-8 at byte %zu", kurz_summarizer_error_offset(s));
    else if (st == KURZ_ERR_TOO_LARGE)
        buf_addf(msg, "input larger than %zu bytes (see --max-input-bytes)", w->o->max_input_eff);
    else
        buf_adds(msg, kurz_strerror(st));
    buf_addc(msg, '\0');
    return NULL;
}

/* --identify: the language of text[0..len), or 0 with the reason in msg. */
static kurz_langid *identify(const char *text, size_t len, char *msg, size_t msgsz)
{
    kurz_langid *id = NULL;
    int st = kurz_identify(&id, text, len);
    if (st == KURZ_ERR_INVALID_UTF8) {
        size_t bad = 0;
        (void)kurz_validate_utf8(text, len, &bad);
        snprintf(msg, msgsz, "invalid UTF-8 at byte %zu", bad);
    } else if (st != KURZ_OK) {
        snprintf(msg, msgsz, "%s", kurz_strerror(st));
    }
    return id;
}

/* The key phrases of text, from the summarizer that just summarized it;
 * on failure *msg holds the reason. */
static kurz_keyphrases *run_keywords(worker *w, kurz_summarizer *s, const char *text, size_t len,
                                     buf *msg)
{
    (void)w;
    kurz_keyphrases *kp = NULL;
    int st = kurz_keyphrases_extract(&kp, s, text, len);
    if (st != KURZ_OK) {
        buf_addf(msg, "key phrases: %s", kurz_strerror(st));
        buf_addc(msg, '\0');
    }
    return kp;
}

/* --identify on a line of input: a --jsonl record r, or (r NULL) a line of
 * --identify-lines. */
static void identify_line(item *it, const kz_opts *o, const jrec *r, const char *text, size_t len)
{
    char msg[256];
    kurz_langid *id = identify(text, len, msg, sizeof msg);
    if (id)
        out_language(it, o, r, !r, id);
    else
        out_record_failed(it, o, r, msg);
    kurz_langid_free(id);
}

/* --detect-language reads no more of a FILE than this: identification
 * reads only a sample of a few tens of KB (kurz_identify), so a 100 MB
 * file costs what a short one does, and standard input may be endless.
 * (With a smaller --max-input-bytes, a longer FILE is refused as ever.) */
#define IDENTIFY_HEAD ((size_t)256 << 10)

static void do_file(worker *w, item *it)
{
    const kz_opts *o = w->o;
    char msg[256];
    int r = o->identify && o->max_input_eff >= IDENTIFY_HEAD
                ? source_read_head(it->file, &w->in, IDENTIFY_HEAD, &stop_signal, msg, sizeof msg)
                : source_read_file(it->file, &w->in, o->max_input_eff, &stop_signal, msg,
                                   sizeof msg);
    if (r != 0) {
        out_file_failed(it, o, msg);
        return;
    }
    if (o->identify) {
        kurz_langid *id = identify(w->in.p, w->in.n, msg, sizeof msg);
        if (id)
            out_language(it, o, NULL, 0, id);
        else
            out_file_failed(it, o, msg);
        kurz_langid_free(id);
        return;
    }
    int st;
    kurz_summarizer *s = summarizer_for(w, o->lang, &st);
    if (!s) {
        out_file_failed(it, o, kurz_strerror(st));
        return;
    }
    buf why = {0};
    const char *title = o->title;
    kurz_summary *sum = run_doc(w, s, w->in.p, w->in.n, title, title ? strlen(title) : 0, &why);
    if (!sum) {
        out_file_failed(it, o, why.p);
        buf_free(&why);
        return;
    }
    kurz_keyphrases *kp = NULL;
    if (o->keywords && !(kp = run_keywords(w, s, w->in.p, w->in.n, &why))) {
        kurz_summary_free(sum);
        out_file_failed(it, o, why.p);
        buf_free(&why);
        return;
    }
    out_file(it, o, s, sum, kp, w->in.p);
    kurz_keyphrases_free(kp);
    kurz_summary_free(sum);
}

static void do_line(worker *w, item *it)
{
    const kz_opts *o = w->o;
    char msg[256];
    jrec *r = &w->rec;
    if (it->too_long) {
        /* only for the id, if it comes first */
        if (!o->lines)
            (void)jrec_parse(r, it->line, it->len, msg, sizeof msg);
        snprintf(msg, sizeof msg, "line longer than %zu bytes (see --max-input-bytes)",
                 o->max_input_eff);
        out_record_failed(it, o, r, msg);
        return;
    }
    if (o->lines) { /* --identify-lines: the line is the text */
        identify_line(it, o, NULL, it->line, it->len);
        return;
    }
    if (jrec_parse(r, it->line, it->len, msg, sizeof msg) != 0) {
        out_record_failed(it, o, r, msg);
        return;
    }
    if (o->identify) {
        identify_line(it, o, r, r->text.p ? r->text.p : "", r->text.n);
        return;
    }
    const char *lang = r->has_lang ? r->lang.p : o->lang;
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
            out_record_failed(it, o, r, m.p);
            buf_free(&m);
        } else {
            out_record_failed(it, o, r, kurz_strerror(st));
        }
        return;
    }
    buf why = {0};
    /* the record's title, else --title's */
    const char *title = r->has_title ? (r->title.p ? r->title.p : "") : o->title;
    size_t tlen = r->has_title ? r->title.n : title ? strlen(title) : 0;
    kurz_summary *sum = run_doc(w, s, r->text.p ? r->text.p : "", r->text.n, title, tlen, &why);
    if (!sum) {
        out_record_failed(it, o, r, why.p);
        buf_free(&why);
        return;
    }
    kurz_keyphrases *kp = NULL;
    if (o->keywords && !(kp = run_keywords(w, s, r->text.p ? r->text.p : "", r->text.n, &why))) {
        kurz_summary_free(sum);
        out_record_failed(it, o, r, why.p);
        buf_free(&why);
        return;
    }
    out_record(it, o, r, s, sum, kp);
    kurz_keyphrases_free(kp);
    kurz_summary_free(sum);
}

static void process(worker *w, item *it)
{
    if (it->kind == IT_FILE)
        do_file(w, it);
    else if (it->kind == IT_LINE)
        do_line(w, it);
    else
        out_read_failed(it);
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
            failed = writer_emit(e->wr, it) != 0;
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
        int quit = e->stop || e->eof || stop_signal;
        item *reuse = w->spare;
        if (reuse)
            w->spare = reuse->next;
        pthread_mutex_unlock(&e->mu);
        item *it = quit ? NULL : next_item(e->src, reuse);
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
        item *it = stop_signal ? NULL : next_item(src, reuse);
        if (reuse && it != reuse)
            item_recycle(reuse, &w.spare);
        if (!it)
            break;
        process(&w, it);
        int r = writer_emit(wr, it);
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
    if (opts.jobs == 0)
        opts.jobs = kz_cpus();
    if (opts.jobs > KZ_MAX_JOBS)
        opts.jobs = KZ_MAX_JOBS;

    int progress = opts.jsonl && isatty(2);
    writer *wr = writer_new(&opts, progress, progress ? source_count_records(&opts) : 0);
    source src;
    source_init(&src, &opts, &stop_signal, catch_stop_signals());

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
        run_sequential(&opts, &src, wr);
    else
        run_parallel(&opts, &src, wr);

    source_close(&src);
    int status = writer_finish(wr);
    if (stop_signal)
        status = 128 + stop_signal;
    return status;
}
