/* SPDX-License-Identifier: MIT */
/* Internal interfaces of the kurz command-line tool. The tool uses only the
 * public API in kurz.h.
 *
 * The layers, each calling only those below it:
 *   kurz.c    main: the arguments, then the run
 *   opts.c    the options (one table), --help, applying them to a summarizer
 *   engine.c  the workers and their threads, CPU pinning, signals
 *   source.c  reading the inputs: files, standard input, --jsonl lines
 *   output.c  text and JSON formatting, writing in order, progress
 *   json.c, buf.c  JSON strings and records; byte buffers, allocation */
#ifndef KURZ_CLI_H
#define KURZ_CLI_H

#include <signal.h>
#include <stddef.h>
#include <stdio.h>

#include "kurz.h"

/* ---- Byte buffers (buf.c) ----------------------------------------------
 * A growable byte string. Allocation failures end the program with
 * "kurz: out of memory" (exit 1): the tool has nothing useful to do then. */
typedef struct buf {
    char *p;
    size_t n, cap;
} buf;

void *xmalloc(size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
void buf_reserve(buf *b, size_t extra); /* room for extra more bytes */
void buf_add(buf *b, const void *p, size_t n);
void buf_addc(buf *b, char c);
void buf_adds(buf *b, const char *s);
void buf_addf(buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void buf_free(buf *b);

/* Called once, before the program ends for want of memory (a function that
 * never allocates and may run on any thread); NULL for none. */
void xalloc_on_failure(void (*fn)(void));

/* For tests of running out of memory: with KURZ_CLI_ALLOC_LIMIT=N in the
 * environment, xmalloc and xrealloc of more than N bytes fail. Call once,
 * before any thread starts. */
void xalloc_limit_from_env(void);

/* The system's message for errno value e, thread-safe (strerror_r, GNU or
 * XSI flavour). */
void errno_str(int e, char *out, size_t n);

/* ---- JSON (json.c) -------------------------------------------------------- */
/* Appends s[0..n) as a JSON string with quotes. s must be valid UTF-8:
 * '"', '\\' and control characters are escaped, everything else is copied. */
void json_str(buf *b, const char *s, size_t n);
/* Like json_str, but any byte sequence: invalid UTF-8 becomes U+FFFD. For
 * file names. */
void json_str_lossy(buf *b, const char *s, size_t n);

/* A parsed corpus record: {"id": scalar, "text": "...", "lang": "...",
 * "title": "..."}. */
typedef struct jrec {
    const char *id; /* raw JSON text of the id inside the line, or NULL */
    size_t id_len;
    int has_text;
    buf text;   /* decoded text (may contain NUL bytes) */
    int has_lang;
    buf lang;   /* decoded language, NUL-terminated when has_lang */
    int has_title;
    buf title;  /* decoded title (may contain NUL bytes) */
    buf key;    /* scratch */
} jrec;

/* Parses one line (without its '\n') as a strict JSON object. Other members
 * are checked and skipped. Returns 0, or -1 with a message in err (r->id is
 * still set when the id was read before the error). The buffers of r are
 * reused: the caller zeroes r once and frees them with jrec_free at the end. */
int jrec_parse(jrec *r, const char *line, size_t len, char *err, size_t errsz);

/* Frees the buffers of r (not r itself); r is then as if zeroed. */
void jrec_free(jrec *r);


/* ---- Options (opts.c) ------------------------------------------------- */
#define KZ_MAX_LIBOPTS 16
#define KZ_MAX_JOBS 1024 /* -j */

typedef struct kz_opts {
    const char *lang;     /* default language */
    const char *title;    /* --title, or NULL */
    int budget_opt;       /* 0 or KURZ_OPT_SENTENCES/RATIO_PERMILLE/WORDS */
    /* the library options given, in the order first given; a later value
     * of the same option replaces the earlier */
    size_t nlib;
    kurz_option lib_opt[KZ_MAX_LIBOPTS];
    int lib_val[KZ_MAX_LIBOPTS];
    size_t max_input_eff; /* the limit in force (for reading inputs) */
    int json;             /* --format json */
    int split;
    int jsonl;
    int identify;         /* --detect-language, --identify: languages instead
                             of summaries */
    int confidence;       /* --detect-language: text output has the confidence */
    const char *identify_opt; /* the option that asked for languages (messages) */
    int keywords;         /* --keywords: key phrases too (text: instead) */
    int lines;            /* --identify-lines: each input line is a text */
    int jobs;             /* 0: one per processor */
    int list_languages;
    char **files;         /* NULL-terminated; "-" is stdin */
    size_t nfiles;
} kz_opts;

/* Reads the command line into o (checked: the language is known, the
 * values are in range). Prints --help or --version and exits; exits with
 * status 2 and a message on a usage error. o->files is the caller's to
 * free. */
void kz_opts_parse(kz_opts *o, int argc, char **argv);

/* Applies the options to a summarizer (not the title: see engine.c).
 * Returns KURZ_OK or a kurz_status. */
int kz_configure(kurz_summarizer *s, const kz_opts *o);

/* Prints the language codes; the exit status. */
int kz_list_languages(void);

/* ---- Items: one input, and what it gives (engine.c, source.c, output.c) */
enum { IT_FILE, IT_LINE, IT_ERROR };

typedef struct item {
    int kind;
    const char *file; /* the file, or the file the line comes from */
    char *line;       /* IT_LINE: the line, without '\n' (or its start) */
    size_t len;
    size_t lineno;    /* IT_LINE: 1-based */
    int too_long;     /* IT_LINE: longer than the limit; line holds its start */
    char msg[128];    /* IT_ERROR: why the input could not be read */
    buf out, err;     /* what goes to stdout and stderr */
    int failed;
    int section;      /* text output of one of several files: needs a separator */
    int done;         /* guarded by the engine's mutex */
    struct worker *owner; /* who made it, and gets it back once written */
    struct item *next;    /* in the owner's list of spare items */
} item;

/* ---- Input (source.c) ------------------------------------------------- */
typedef struct source {
    const kz_opts *o;
    const volatile sig_atomic_t *stop; /* when set, the input ends */
    int wake_fd;      /* readable when stop is set, or -1 */
    size_t next_file;
    /* --jsonl */
    int fd;           /* -1: no file open */
    const char *file;
    buf rb;           /* read buffer */
    size_t pos;       /* start of the unread part of rb */
    int eof;
    size_t lineno;
} source;

void source_init(source *src, const kz_opts *o, const volatile sig_atomic_t *stop,
                 int wake_fd);
void source_close(source *src);
/* Fills it (kind, file; line, len, lineno, too_long; msg) with the next
 * input. Returns 1, or 0 at the end of the input. */
int source_next(source *src, item *it);
/* Reads a whole file ("-": standard input) into in (replacing its
 * contents). 0, or -1 with the reason in msg (also when *stop was set by a
 * signal while it waited). */
int source_read_file(const char *file, buf *in, size_t limit, const volatile sig_atomic_t *stop,
                     char *msg, size_t msgsz);
/* Like source_read_file, but reads only the first max bytes or a little
 * more, and keeps at most max of them, cut back to the start of a
 * character; a longer input is not an error. */
int source_read_head(const char *file, buf *in, size_t max, const volatile sig_atomic_t *stop,
                     char *msg, size_t msgsz);
/* The non-blank lines of the --jsonl inputs, for the progress display; 0
 * when an input is not a regular file (or cannot be read). */
size_t source_count_records(const kz_opts *o);

/* ---- Output (output.c) ------------------------------------------------ */
typedef struct writer writer;

/* A writer of stdout, in input order. progress: show it on stderr, with
 * total records expected (0: unknown). */
writer *writer_new(const kz_opts *o, int progress, size_t total);
/* Writes an item's output; 0, or -1 when stdout failed. One thread at a
 * time. */
int writer_emit(writer *wr, item *it);
/* Writes what is left, ends the progress line and frees wr. Returns the
 * exit status: 0, or 1 when an input failed or writing failed. */
int writer_finish(writer *wr);

/* What an item gives: a summary, or why there is none. */
/* kp: the key phrases with --keywords, else NULL. */
void out_file(item *it, const kz_opts *o, kurz_summarizer *s, const kurz_summary *sum,
              const kurz_keyphrases *kp, const char *text);
void out_file_failed(item *it, const kz_opts *o, const char *msg);
void out_record(item *it, const kz_opts *o, const jrec *r, kurz_summarizer *s,
                const kurz_summary *sum, const kurz_keyphrases *kp);
void out_record_failed(item *it, const kz_opts *o, const jrec *r, const char *msg);
void out_read_failed(item *it);
/* What --detect-language (--identify) gives: the language of a FILE (r
 * NULL, line 0), of a --jsonl record (r), or of a line of --identify-lines
 * (r NULL, line 1). */
void out_language(item *it, const kz_opts *o, const jrec *r, int line, const kurz_langid *id);

/* ---- Running (engine.c) ----------------------------------------------- */
/* The processors kurz may run on (its affinity mask), at least 1. */
int kz_cpus(void);

/* Processes all inputs and writes the results to stdout in input order.
 * Returns the exit status: 0; 1 when an input failed or writing failed;
 * 128 + the signal when SIGINT or SIGTERM stopped it. */
int kz_run(const kz_opts *o);

#endif /* KURZ_CLI_H */
