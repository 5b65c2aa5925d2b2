/* SPDX-License-Identifier: MIT */
/* kurz-bench: times libkurz on one file or on a set of documents.
 *
 * Not a test: it asserts nothing and only prints key=value lines on stdout
 * for bench/bench.py (which runs it, one measurement per process, and makes
 * the table). Two modes:
 *
 *   e2e     the public kurz_summarize(), as a user calls it; with -j N the
 *           documents are shared by N threads, one summarizer each.
 *   stages  the library's own table of stages (kurz__stages in
 *           lib/pipeline.c, the one kurz_summarize runs), each stage timed
 *           on its own; the library's heap is counted with the tests'
 *           counting allocator. The chosen sentences are compared with
 *           kurz_summarize's on a second summarizer (stages_match=1).
 *
 * A third mode, --run CMD..., is a small launcher: it runs CMD, waits for it
 * and prints its wall time, CPU time and peak RSS. bench.py starts the floor,
 * ots and the CLI through it because a child forked straight from Python
 * inherits Python's own RSS as its starting high-water mark.
 *
 * Input: a UTF-8 file (-l LANG), or with --docs a file of records
 *   LANG SP NBYTES LF <NBYTES bytes of text> LF
 * which bench.py writes from a JSONL corpus.
 *
 * The stages and their options come from the library (lib/kurz-test.h):
 * nothing here knows their signatures. */
#define _GNU_SOURCE 1 /* sched_getaffinity, pthread_attr_setaffinity_np */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "counting-alloc.h"
#include "kurz-test.h"

/* ---- Helpers ------------------------------------------------------------ */

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Minor page faults of the process so far: on a virtual machine each one
 * can cost microseconds, so memory touched is time. */
static long minflt_now(void)
{
    struct rusage ru;
    return getrusage(RUSAGE_SELF, &ru) == 0 ? ru.ru_minflt : 0;
}

/* CPU seconds of the whole process (all threads, user + system): unlike the
 * wall clock, not inflated when other processes compete for the cores. */
static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void die(const char *what, const char *detail)
{
    fprintf(stderr, "kurz-bench: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
    exit(2);
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        die(path, strerror(errno));
    /* one exact allocation when the size is known, so the input counts once
     * in the peak RSS; else (a pipe) grow by doubling */
    struct stat sb;
    size_t cap = 1 << 20, n = 0;
    if (fstat(fileno(f), &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size > 0)
        cap = (size_t)sb.st_size + 1;
    char *buf = malloc(cap);
    if (!buf)
        die("out of memory", NULL);
    for (;;) {
        if (n == cap) {
            cap *= 2;
            char *nb = realloc(buf, cap);
            if (!nb)
                die("out of memory", NULL);
            buf = nb;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    if (ferror(f))
        die(path, "read error");
    fclose(f);
    *len = n;
    return buf;
}

/* Peak resident set of this process in KiB: VmHWM from /proc/self/status,
 * which (unlike ru_maxrss) does not start from the RSS of the process that
 * exec'd us; ru_maxrss where /proc is missing. */
static long peak_rss_kib(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    if (f) {
        char line[256];
        long v = -1;
        while (fgets(line, sizeof line, f))
            if (strncmp(line, "VmHWM:", 6) == 0) {
                v = strtol(line + 6, NULL, 10);
                break;
            }
        fclose(f);
        if (v >= 0)
            return v;
    }
    struct rusage ru;
    if (getrusage(RUSAGE_SELF, &ru) != 0)
        return -1;
    return ru.ru_maxrss;
}

/* ---- Launcher (--run) ------------------------------------------------------ */

static volatile sig_atomic_t alarmed;

static void on_alarm(int sig)
{
    (void)sig;
    alarmed = 1;
}

/* Runs argv with stdout to out (NULL: inherited), kills it after timeout
 * seconds (0: never) and prints status, wall, cpu and maxrss_kib. */
static int run_child(char **argv, const char *out, unsigned timeout)
{
    int fd = -1;
    if (out && (fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644)) < 0)
        die(out, strerror(errno));
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm; /* no SA_RESTART: waitpid returns EINTR */
    sigemptyset(&sa.sa_mask);
    sigaction(SIGALRM, &sa, NULL);
    fflush(stdout);
    double t0 = now();
    pid_t pid = fork();
    if (pid < 0)
        die("fork", strerror(errno));
    if (pid == 0) {
        if (fd >= 0) {
            dup2(fd, STDOUT_FILENO);
            close(fd);
        }
        execvp(argv[0], argv);
        fprintf(stderr, "kurz-bench: %s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    if (fd >= 0)
        close(fd);
    if (timeout)
        alarm(timeout);
    int status = 0, timed_out = 0;
    for (;;) {
        pid_t r = waitpid(pid, &status, 0);
        if (r == pid)
            break;
        if (r < 0 && errno == EINTR) {
            if (alarmed && !timed_out) {
                kill(pid, SIGKILL);
                timed_out = 1;
            }
            continue;
        }
        die("waitpid", strerror(errno));
    }
    double wall = now() - t0;
    alarm(0);
    /* the only child, so RUSAGE_CHILDREN is its own usage */
    struct rusage ru;
    getrusage(RUSAGE_CHILDREN, &ru);
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    printf("status=%d\ntimed_out=%d\nwall=%.6f\ncpu=%.6f\nmaxrss_kib=%ld\n", code, timed_out,
           wall,
           (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec * 1e-6 + (double)ru.ru_stime.tv_sec +
               ru.ru_stime.tv_usec * 1e-6,
           (long)ru.ru_maxrss);
    return 0;
}

/* ---- Documents ---------------------------------------------------------- */

typedef struct doc {
    char lang[16];
    const char *text;
    size_t len;
} doc;

typedef struct corpus {
    char *buf;
    doc *v;
    size_t n;
    size_t bytes;
} corpus;

static void corpus_add(corpus *c, size_t *cap, const char *lang, const char *text, size_t len)
{
    if (c->n == *cap) {
        *cap = *cap ? *cap * 2 : 64;
        doc *nv = realloc(c->v, *cap * sizeof *nv);
        if (!nv)
            die("out of memory", NULL);
        c->v = nv;
    }
    doc *d = &c->v[c->n++];
    snprintf(d->lang, sizeof d->lang, "%s", lang);
    d->text = text;
    d->len = len;
    c->bytes += len;
}

static void corpus_load(corpus *c, const char *path, const char *lang, int records)
{
    size_t len, cap = 0;
    memset(c, 0, sizeof *c);
    c->buf = read_file(path, &len);
    if (!records) {
        corpus_add(c, &cap, lang, c->buf, len);
        return;
    }
    size_t i = 0;
    while (i < len) {
        char code[16];
        size_t k = 0;
        while (i < len && c->buf[i] != ' ' && k + 1 < sizeof code)
            code[k++] = c->buf[i++];
        code[k] = 0;
        if (i >= len || c->buf[i] != ' ')
            die(path, "bad record header (want: LANG NBYTES)");
        i++;
        char *end;
        errno = 0;
        unsigned long long nb = strtoull(c->buf + i, &end, 10);
        if (errno || end == c->buf + i || (size_t)(end - c->buf) >= len || *end != '\n')
            die(path, "bad record length");
        i = (size_t)(end - c->buf) + 1;
        if (nb > len - i)
            die(path, "record longer than the file");
        corpus_add(c, &cap, code, c->buf + i, (size_t)nb);
        i += (size_t)nb;
        if (i < len && c->buf[i] == '\n')
            i++;
    }
}

/* ---- Modes ---------------------------------------------------------------- */

typedef struct opts {
    const char *lang;
    size_t want;
    int threads;
    int stages;
    int records;
    const char *path;
} opts;

/* One cached summarizer per language, per thread. */
typedef struct worker {
    const corpus *c;
    const opts *o;
    atomic_size_t *next;
    struct {
        char lang[16];
        kurz_summarizer *s;
    } sum[8];
    int nsum;
    double busy;      /* seconds inside kurz_summarize */
    size_t sentences, chosen, docs, errors;
} worker;

static kurz_summarizer *worker_summarizer(worker *w, const char *lang)
{
    for (int i = 0; i < w->nsum; i++)
        if (strcmp(w->sum[i].lang, lang) == 0)
            return w->sum[i].s;
    kurz_summarizer *s;
    int rc = kurz_summarizer_new(&s, lang);
    if (rc) {
        fprintf(stderr, "kurz-bench: language %s: %s\n", lang, kurz_strerror(rc));
        return NULL;
    }
    kurz_summarizer_set_option(s, KURZ_OPT_SENTENCES, (int)w->o->want);
    kurz_summarizer_set_option(s, KURZ_OPT_MAX_INPUT_BYTES, INT32_MAX);
    if (w->nsum < (int)(sizeof w->sum / sizeof w->sum[0])) {
        snprintf(w->sum[w->nsum].lang, sizeof w->sum[0].lang, "%s", lang);
        w->sum[w->nsum++].s = s;
    }
    return s;
}

static void *worker_run(void *arg)
{
    worker *w = arg;
    for (;;) {
        size_t i = atomic_fetch_add(w->next, 1);
        if (i >= w->c->n)
            break;
        const doc *d = &w->c->v[i];
        kurz_summarizer *s = worker_summarizer(w, d->lang);
        if (!s) {
            w->errors++;
            continue;
        }
        kurz_summary *sum = NULL;
        double t0 = now();
        int rc = kurz_summarize(&sum, s, d->text, d->len);
        w->busy += now() - t0;
        if (rc) {
            fprintf(stderr, "kurz-bench: document %zu: %s\n", i, kurz_strerror(rc));
            w->errors++;
            continue;
        }
        w->sentences += kurz_summary_document_sentences(sum);
        w->chosen += kurz_summary_count(sum);
        w->docs++;
        kurz_summary_free(sum);
    }
    return NULL;
}

static int run_e2e(const corpus *c, const opts *o)
{
    int nt = o->threads;
    worker *w = calloc((size_t)nt, sizeof *w);
    pthread_t *tid = calloc((size_t)nt, sizeof *tid);
    if (!w || !tid)
        die("out of memory", NULL);
    atomic_size_t next;
    atomic_init(&next, 0);
    for (int k = 0; k < nt; k++) {
        w[k].c = c;
        w[k].o = o;
        w[k].next = &next;
    }
    /* Summarizers are made before the clock starts (a user reuses them). */
    for (size_t i = 0; i < c->n; i++)
        for (int k = 0; k < nt; k++)
            worker_summarizer(&w[k], c->v[i].lang);
    double t0 = now(), c0 = cpu_now();
    long f0 = minflt_now();
    if (nt == 1) {
        worker_run(&w[0]);
    } else {
        /* As the kurz command does: with a thread for every processor this
         * process may use, each keeps to its own (see cli/engine.c). */
        pthread_attr_t *pa = NULL;
#if defined(__linux__) && defined(CPU_COUNT)
        pthread_attr_t attr;
        cpu_set_t allowed;
        CPU_ZERO(&allowed);
        int pin = sched_getaffinity(0, sizeof allowed, &allowed) == 0 &&
                  CPU_COUNT(&allowed) == nt && pthread_attr_init(&attr) == 0;
        int cpu = -1;
#endif
        for (int k = 0; k < nt; k++) {
#if defined(__linux__) && defined(CPU_COUNT)
            if (pin) {
                while (!CPU_ISSET(++cpu, &allowed))
                    ;
                cpu_set_t one;
                CPU_ZERO(&one);
                CPU_SET(cpu, &one);
                pa = pthread_attr_setaffinity_np(&attr, sizeof one, &one) == 0 ? &attr : NULL;
            }
#endif
            if (pthread_create(&tid[k], pa, worker_run, &w[k]) != 0)
                die("pthread_create failed", NULL);
        }
#if defined(__linux__) && defined(CPU_COUNT)
        if (pin)
            pthread_attr_destroy(&attr);
#endif
        for (int k = 0; k < nt; k++)
            pthread_join(tid[k], NULL);
    }
    double wall = now() - t0, cpu = cpu_now() - c0;
    long faults = minflt_now() - f0;
    size_t sentences = 0, chosen = 0, docs = 0, errors = 0;
    double busy = 0;
    for (int k = 0; k < nt; k++) {
        sentences += w[k].sentences;
        chosen += w[k].chosen;
        docs += w[k].docs;
        errors += w[k].errors;
        busy += w[k].busy;
        for (int i = 0; i < w[k].nsum; i++)
            kurz_summarizer_free(w[k].sum[i].s);
    }
    printf("mode=e2e\nthreads=%d\ndocs=%zu\nbytes=%zu\nsentences=%zu\nchosen=%zu\nerrors=%zu\n",
           nt, docs, c->bytes, sentences, chosen, errors);
    printf("time=%.6f\ncpu_time=%.6f\nbusy=%.6f\nfaults=%ld\n", wall, cpu, busy, faults);
    free(w);
    free(tid);
    return errors ? 1 : 0;
}

static kurz_summarizer *summarizer(const char *lang, size_t want)
{
    kurz_summarizer *s;
    if (kurz_summarizer_new(&s, lang))
        die("kurz_summarizer_new failed for", lang);
    kurz_summarizer_set_option(s, KURZ_OPT_SENTENCES, (int)want);
    kurz_summarizer_set_option(s, KURZ_OPT_MAX_INPUT_BYTES, INT32_MAX);
    return s;
}

static int run_stages(const corpus *c, const opts *o)
{
    double t[KURZ__NSTAGES] = {0}, tc[KURZ__NSTAGES] = {0};
    long flt[KURZ__NSTAGES] = {0};
    ca_alloc heap;
    ca_init(&heap);
    size_t sentences = 0, chosen = 0, mismatches = 0, errors = 0;
    char cur_lang[16] = "";
    kurz_summarizer *s = NULL, *ref = NULL; /* staged, and the reference */

    for (size_t i = 0; i < c->n; i++) {
        const doc *d = &c->v[i];
        if (strcmp(cur_lang, d->lang) != 0) {
            /* new language: new summarizers, fresh document buffers */
            kurz_summarizer_free(s);
            kurz_summarizer_free(ref);
            s = summarizer(d->lang, o->want);
            ref = summarizer(d->lang, o->want);
            kurz_summarizer_set_allocator(s, ca_malloc, ca_realloc, ca_free, &heap);
            snprintf(cur_lang, sizeof cur_lang, "%s", d->lang);
        }
        kurz__run r;
        kurz__run_begin(&r, s, d->text, d->len);
        int rc = 0;
        for (size_t k = 0; k < KURZ__NSTAGES && !rc; k++) {
            double t0 = now(), c0 = cpu_now();
            long f0 = minflt_now();
            rc = kurz__stages[k].run(&r);
            t[k] += now() - t0;
            tc[k] += cpu_now() - c0;
            flt[k] += minflt_now() - f0;
        }
        if (rc) {
            fprintf(stderr, "kurz-bench: document %zu: %s\n", i, kurz_strerror(rc));
            errors++;
            kurz__run_end(&r);
            continue;
        }
        sentences += r.doc->sents.n;
        chosen += r.nchosen;
        /* the reference: the same document through the public call */
        kurz_summary *sum = NULL;
        if (kurz_summarize(&sum, ref, d->text, d->len) != KURZ_OK) {
            mismatches++;
        } else {
            int same = kurz_summary_count(sum) == r.nchosen;
            for (size_t a = 0; same && a < r.nchosen; a++) {
                size_t idx;
                kurz_summary_get(sum, a, &idx, NULL, NULL, NULL);
                same = idx == r.chosen[a];
            }
            mismatches += !same;
            kurz_summary_free(sum);
        }
        kurz__run_end(&r);
    }
    double total = 0, total_cpu = 0;
    printf("mode=stages\ndocs=%zu\nbytes=%zu\nsentences=%zu\nchosen=%zu\nerrors=%zu\n", c->n,
           c->bytes, sentences, chosen, errors);
    printf("stages=");
    for (size_t k = 0; k < KURZ__NSTAGES; k++)
        printf("%s%s", k ? "," : "", kurz__stages[k].name);
    printf("\n");
    for (size_t k = 0; k < KURZ__NSTAGES; k++) {
        const char *name = kurz__stages[k].name;
        total += t[k];
        total_cpu += tc[k];
        printf("stage.%s=%.6f\nstage_cpu.%s=%.6f\nstage_faults.%s=%ld\n", name, t[k], name, tc[k],
               name, flt[k]);
    }
    printf("time=%.6f\ncpu_time=%.6f\n", total, total_cpu);
    printf("stages_match=%d\n", mismatches == 0 && errors == 0);
    printf("heap_peak=%zu\nheap_calls=%zu\n", heap.peak_bytes, heap.calls);
    kurz_summarizer_free(s);
    kurz_summarizer_free(ref);
    return errors ? 1 : 0;
}

static void usage(FILE *f)
{
    fputs("usage: kurz-bench [-l LANG] [-n SENTENCES] [-j THREADS] [--stages] [--docs] FILE\n"
          "       kurz-bench [--timeout SECS] [--out FILE] --run CMD [ARG]...\n"
          "  -l LANG     language of FILE (default de)\n"
          "  -n N        sentences per summary (default 10)\n"
          "  -j N        threads, e2e mode only (default 1)\n"
          "  --stages    time the internal stages instead of kurz_summarize\n"
          "  --docs      FILE holds records \"LANG NBYTES\\n<text>\\n\"\n"
          "  --run       run CMD (stdout to --out FILE), print its wall and CPU seconds\n"
          "              and peak RSS; kill it after --timeout SECS\n"
          "Prints key=value lines; see bench/bench.py.\n",
          f);
}

int main(int argc, char **argv)
{
    opts o = {"de", 10, 1, 0, 0, NULL};
    const char *out = NULL;
    unsigned timeout = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--run") == 0) {
            if (i + 1 >= argc) {
                usage(stderr);
                return 2;
            }
            return run_child(argv + i + 1, out, timeout);
        } else if (strcmp(a, "--out") == 0 && i + 1 < argc) {
            out = argv[++i];
        } else if (strcmp(a, "--timeout") == 0 && i + 1 < argc) {
            timeout = (unsigned)strtoul(argv[++i], NULL, 10);
        } else if (strcmp(a, "-l") == 0 && i + 1 < argc) {
            o.lang = argv[++i];
        } else if (strcmp(a, "-n") == 0 && i + 1 < argc) {
            o.want = (size_t)strtoul(argv[++i], NULL, 10);
        } else if (strcmp(a, "-j") == 0 && i + 1 < argc) {
            o.threads = atoi(argv[++i]);
        } else if (strcmp(a, "--stages") == 0) {
            o.stages = 1;
        } else if (strcmp(a, "--docs") == 0) {
            o.records = 1;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            usage(stdout);
            return 0;
        } else if (a[0] == '-' || o.path) {
            usage(stderr);
            return 2;
        } else {
            o.path = a;
        }
    }
    if (!o.path || o.threads < 1 || o.threads > 256 || o.want == 0 || o.want > INT32_MAX) {
        usage(stderr);
        return 2;
    }
    corpus c;
    corpus_load(&c, o.path, o.lang, o.records);
    long rss_loaded = peak_rss_kib(); /* the input and the process itself */
    int rc = o.stages ? run_stages(&c, &o) : run_e2e(&c, &o);
    printf("rss_loaded_kib=%ld\nmaxrss_kib=%ld\n", rss_loaded, peak_rss_kib());
    free(c.v);
    free(c.buf);
    return rc;
}
