/* SPDX-License-Identifier: MIT */
/* kurz's output: the text and JSON forms of a summary or of an error, and
 * the writer that puts them on stdout in input order (with the progress
 * display on stderr).
 *
 * The writer keeps its own buffer of whole records and writes it with
 * write(2): when memory runs out or a signal stops the run, what it holds
 * is whole records only, and is written out before kurz ends. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

/* ---- Forms ----------------------------------------------------------- */

static const char *display_name(const char *file)
{
    return strcmp(file, "-") == 0 ? "standard input" : file;
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

static void put_score(buf *b, double score)
{
    if (score == score && score - score == 0) /* finite */
        buf_addf(b, "%.6g", score);
    else
        buf_adds(b, "null");
}

/* A confidence or a candidate's score, in [0, 1]: at most four decimals,
 * trailing zeros dropped but one kept ("0.98", "1.0", "0.0"), the same in
 * text and JSON. */
static void put_fraction(buf *b, double v)
{
    if (!(v >= 0.0)) /* NaN too */
        v = 0.0;
    if (v > 1.0)
        v = 1.0;
    char tmp[16];
    int n = snprintf(tmp, sizeof tmp, "%.4f", v);
    while (n > 3 && tmp[n - 1] == '0' && tmp[n - 2] != '.')
        n--;
    buf_add(b, tmp, (size_t)n);
}

/* The key phrases, one per line (text output). */
static void put_keywords_text(buf *b, const kurz_keyphrases *kp)
{
    size_t n = kurz_keyphrases_count(kp);
    for (size_t i = 0; i < n; i++) {
        const char *t;
        size_t tl;
        if (kurz_keyphrases_get(kp, i, &t, &tl, NULL, NULL, NULL, NULL) == KURZ_OK) {
            buf_add(b, t, tl);
            buf_addc(b, '\n');
        }
    }
}

/* , "keywords": [{"text", "score", "count", "start", "end"}, ...] */
static void put_keywords_json(buf *b, const kurz_keyphrases *kp)
{
    buf_adds(b, ", \"keywords\": [");
    size_t n = kurz_keyphrases_count(kp);
    for (size_t i = 0; i < n; i++) {
        const char *t;
        size_t tl, count, start, end;
        double score;
        if (kurz_keyphrases_get(kp, i, &t, &tl, &score, &count, &start, &end) != KURZ_OK)
            continue;
        buf_adds(b, i ? ", {\"text\": " : "{\"text\": ");
        json_str(b, t, tl);
        buf_adds(b, ", \"score\": ");
        put_score(b, score);
        buf_addf(b, ", \"count\": %zu, \"start\": %zu, \"end\": %zu}", count, start, end);
    }
    buf_addc(b, ']');
}

/* The members after "file" or "id": language, language_source ("given" or
 * "detected"), sentences, document_sentences and, with --keywords,
 * keywords. */
static void put_json_body(buf *b, kurz_summarizer *s, const kurz_summary *sum,
                          const kurz_keyphrases *kp, const char *text)
{
    buf_adds(b, "\"language\": ");
    int detected = 0;
    const char *lang = kurz_summary_language(sum, &detected);
    json_str(b, lang, strlen(lang));
    buf_adds(b, ", \"language_source\": ");
    buf_adds(b, detected ? "\"detected\"" : "\"given\"");
    buf_adds(b, ", \"sentences\": [");
    size_t n = kurz_summary_count(sum);
    for (size_t i = 0; i < n; i++) {
        size_t index, start, end;
        double score;
        if (kurz_summary_get(sum, i, &index, &start, &end, &score) != KURZ_OK)
            continue;
        buf_addf(b, "%s{\"index\": %zu, \"start\": %zu, \"end\": %zu, \"score\": ", i ? ", " : "",
                 index, start, end);
        put_score(b, score);
        buf_adds(b, ", \"text\": ");
        json_str(b, text + start, end - start);
        buf_addc(b, '}');
    }
    buf_addf(b, "], \"document_sentences\": %zu", kurz_summary_document_sentences(sum));
    if (kp)
        put_keywords_json(b, kp);
    buf_adds(b, "}\n");
}

static void put_file_key(buf *b, const char *file)
{
    buf_adds(b, "{\"file\": ");
    json_str_lossy(b, file, strlen(file));
    buf_adds(b, ", ");
}

void out_file(item *it, const kz_opts *o, kurz_summarizer *s, const kurz_summary *sum,
              const kurz_keyphrases *kp, const char *text)
{
    if (o->json) {
        put_file_key(&it->out, it->file);
        put_json_body(&it->out, s, sum, kp, text);
        return;
    }
    if (o->nfiles > 1) {
        it->section = 1;
        buf_addf(&it->out, "==> %s <==\n", display_name(it->file));
    }
    if (kp)
        put_keywords_text(&it->out, kp);
    else
        put_text(&it->out, sum, text);
    /* Text output has no room to say which language was used: when it was
     * none (und), a note on stderr says so; JSON says it in its members. */
    int detected = 0;
    const char *lang = kurz_summary_language(sum, &detected);
    if (detected && lang && strcmp(lang, "und") == 0 && kurz_summary_document_sentences(sum) > 0)
        buf_addf(&it->err,
                 "kurz: %s: language not identified (und): processed with generic rules (no "
                 "stemming, no stop words); -l LANG gives it\n",
                 display_name(it->file));
}

void out_file_failed(item *it, const kz_opts *o, const char *msg)
{
    it->failed = 1;
    buf_addf(&it->err, "kurz: %s: %s\n", display_name(it->file), msg);
    if (o->json) {
        put_file_key(&it->out, it->file);
        buf_adds(&it->out, "\"error\": ");
        json_str_lossy(&it->out, msg, strlen(msg));
        buf_adds(&it->out, "}\n");
    }
}

void out_read_failed(item *it)
{
    it->failed = 1;
    buf_addf(&it->err, "kurz: %s: %s\n", display_name(it->file), it->msg);
}

/* The start of a --jsonl output object: the id, or the line (and file);
 * both for a line too long to read. r is NULL for --identify-lines. */
static void put_record_key(item *it, const kz_opts *o, const jrec *r)
{
    buf_addc(&it->out, '{');
    if (r && r->id) {
        buf_adds(&it->out, "\"id\": ");
        buf_add(&it->out, r->id, r->id_len);
        if (!it->too_long)
            return;
        buf_adds(&it->out, ", ");
    }
    if (o->nfiles > 1) {
        buf_adds(&it->out, "\"file\": ");
        json_str_lossy(&it->out, it->file, strlen(it->file));
        buf_adds(&it->out, ", ");
    }
    buf_addf(&it->out, "\"line\": %zu", it->lineno);
}

void out_record(item *it, const kz_opts *o, const jrec *r, kurz_summarizer *s,
                const kurz_summary *sum, const kurz_keyphrases *kp)
{
    put_record_key(it, o, r);
    buf_adds(&it->out, ", ");
    put_json_body(&it->out, s, sum, kp, r->text.p);
}

void out_record_failed(item *it, const kz_opts *o, const jrec *r, const char *msg)
{
    it->failed = 1;
    it->out.n = 0;
    if (o->lines && !o->json) { /* still one answer per line */
        buf_adds(&it->out, o->confidence ? "und 0.0\n" : "und\n");
        buf_addf(&it->err, "kurz: %s:%zu: %s\n", display_name(it->file), it->lineno, msg);
        return;
    }
    put_record_key(it, o, r);
    buf_adds(&it->out, ", \"error\": ");
    json_str_lossy(&it->out, msg, strlen(msg));
    buf_adds(&it->out, "}\n");
    buf_addf(&it->err, "kurz: %s:%zu: %s\n", display_name(it->file), it->lineno, msg);
}

void out_language(item *it, const kz_opts *o, const jrec *r, int line, const kurz_langid *id)
{
    const char *lang = kurz_langid_language(id);
    if (!o->json) {
        if (!line && o->nfiles > 1) {
            it->section = 1;
            buf_addf(&it->out, "==> %s <==\n", display_name(it->file));
        }
        buf_adds(&it->out, lang);
        if (o->confidence) { /* --detect-language: CODE CONFIDENCE */
            buf_addc(&it->out, ' ');
            put_fraction(&it->out, kurz_langid_confidence(id));
        }
        buf_addc(&it->out, '\n');
        return;
    }
    if (r || line)
        put_record_key(it, o, r);
    else
        buf_adds(&it->out, "{\"file\": "), json_str_lossy(&it->out, it->file, strlen(it->file));
    buf_adds(&it->out, ", \"language\": ");
    json_str(&it->out, lang, strlen(lang));
    buf_adds(&it->out, ", \"confidence\": ");
    put_fraction(&it->out, kurz_langid_confidence(id));
    buf_adds(&it->out, ", \"candidates\": [");
    size_t n = kurz_langid_count(id);
    for (size_t i = 0; i < n; i++) {
        const char *c;
        double score;
        if (kurz_langid_get(id, i, &c, &score) != KURZ_OK || (i && score < 0.00005))
            break; /* best first: the rest would print as 0 */
        buf_addf(&it->out, "%s{\"language\": ", i ? ", " : "");
        json_str(&it->out, c, strlen(c));
        buf_adds(&it->out, ", \"score\": ");
        put_fraction(&it->out, score);
        buf_addc(&it->out, '}');
    }
    buf_adds(&it->out, "]}\n");
}

/* ---- The writer -------------------------------------------------------- */

/* Output is gathered to this size before a write(2). */
#define OUT_BYTES ((size_t)1 << 16)

struct writer {
    const kz_opts *o;
    int failed;        /* an input failed */
    int write_error;   /* stdout failed: stop */
    int flush_each;    /* stdout is a terminal: write every item at once */
    size_t sections;   /* text sections written */
    size_t records;    /* --jsonl records written */
    size_t total;      /* expected records, 0 if unknown */
    int progress;
    int progress_shown;
    struct timespec last;
    /* Whole items only, guarded by mu; nothing allocates while holding it. */
    pthread_mutex_t mu;
    char *p;
    size_t n;
};

/* The writer in use, for the failure hook. */
static writer *active;

static double seconds_since(const struct timespec *t)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - t->tv_sec) + (double)(now.tv_nsec - t->tv_nsec) / 1e9;
}

static void show_progress(writer *wr, int force)
{
    if (!wr->progress)
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
    char msg[128];
    errno_str(e ? e : EIO, msg, sizeof msg);
    fprintf(stderr, "kurz: write error: %s\n", msg);
}

/* All of p[0..n) to stdout; 0, or -1 with errno. */
static int write_all(const char *p, size_t n)
{
    while (n) {
        ssize_t r = write(1, p, n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return -1;
        p += r;
        n -= (size_t)r;
    }
    return 0;
}

/* With mu held: writes the buffer out. */
static int flush_locked(writer *wr)
{
    int r = write_all(wr->p, wr->n);
    wr->n = 0;
    return r;
}

/* With mu held: p[0..n) after what the buffer holds. */
static int put_locked(writer *wr, const char *p, size_t n)
{
    if (n > OUT_BYTES - wr->n && flush_locked(wr) != 0)
        return -1;
    if (n >= OUT_BYTES)
        return write_all(p, n);
    memcpy(wr->p + wr->n, p, n);
    wr->n += n;
    return 0;
}

/* Memory ran out: the whole items gathered go out before kurz ends. */
static void write_out_on_failure(void)
{
    writer *wr = active;
    if (!wr)
        return;
    pthread_mutex_lock(&wr->mu); /* its holder never allocates: it lets go */
    (void)flush_locked(wr);
    /* kurz ends now: mu stays held, so nothing more is written */
}

writer *writer_new(const kz_opts *o, int progress, size_t total)
{
    writer *wr = xmalloc(sizeof *wr);
    memset(wr, 0, sizeof *wr);
    wr->o = o;
    wr->progress = progress;
    wr->total = total;
    wr->flush_each = isatty(1);
    pthread_mutex_init(&wr->mu, NULL);
    wr->p = xmalloc(OUT_BYTES);
    active = wr;
    xalloc_on_failure(write_out_on_failure);
    return wr;
}

int writer_emit(writer *wr, item *it)
{
    if (it->failed)
        wr->failed = 1;
    int r = 0;
    pthread_mutex_lock(&wr->mu);
    if (it->err.n) {
        /* stdout first, so that the two streams stay in order */
        if (flush_locked(wr) != 0) {
            r = -1;
        } else {
            if (wr->progress_shown)
                fputs("\r\033[K", stderr);
            fwrite(it->err.p, 1, it->err.n, stderr);
        }
    }
    if (r == 0 && it->section && wr->sections++ > 0)
        r = put_locked(wr, "\n", 1);
    if (r == 0 && it->out.n)
        r = put_locked(wr, it->out.p, it->out.n);
    if (r == 0 && wr->flush_each)
        r = flush_locked(wr);
    int e = errno;
    pthread_mutex_unlock(&wr->mu);
    if (r != 0) {
        report_write_error(wr, e);
        return -1;
    }
    if (it->kind == IT_LINE) {
        wr->records++;
        show_progress(wr, 0);
    }
    return 0;
}

int writer_finish(writer *wr)
{
    pthread_mutex_lock(&wr->mu);
    int r = wr->write_error ? 0 : flush_locked(wr);
    int e = errno;
    pthread_mutex_unlock(&wr->mu);
    if (r != 0)
        report_write_error(wr, e);
    if (wr->progress_shown) {
        show_progress(wr, 1);
        fputc('\n', stderr);
    }
    int status = wr->failed || wr->write_error ? 1 : 0;
    xalloc_on_failure(NULL);
    active = NULL;
    pthread_mutex_destroy(&wr->mu);
    free(wr->p);
    free(wr);
    return status;
}
