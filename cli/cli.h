/* Internal interfaces of the kurz command-line tool. The tool uses only the
 * public API in kurz.h. */
#ifndef KURZ_CLI_H
#define KURZ_CLI_H

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

/* Reads everything from fd into b (appending). Stops as soon as more than
 * limit bytes were read and sets *too_large. Returns 0, or -1 with errno. */
int read_fd_all(int fd, buf *b, size_t limit, int *too_large);

/* ---- JSON (json.c) -------------------------------------------------------- */
/* Appends s[0..n) as a JSON string with quotes. s must be valid UTF-8:
 * '"', '\\' and control characters are escaped, everything else is copied. */
void json_str(buf *b, const char *s, size_t n);
/* Like json_str, but any byte sequence: invalid UTF-8 becomes U+FFFD. For
 * file names. */
void json_str_lossy(buf *b, const char *s, size_t n);

/* A parsed corpus record: {"id": scalar, "text": "...", "lang": "..."}. */
typedef struct jrec {
    const char *id; /* raw JSON text of the id inside the line, or NULL */
    size_t id_len;
    int has_text;
    buf text;   /* decoded text (may contain NUL bytes) */
    int has_lang;
    buf lang;   /* decoded language, NUL-terminated when has_lang */
    buf key;    /* scratch */
} jrec;

/* Parses one line (without its '\n') as a strict JSON object. Other members
 * are checked and skipped. Returns 0, or -1 with a message in err (r->id is
 * still set when the id was read before the error). The buffers of r are
 * reused: the caller zeroes r once and frees r->text and r->lang at the end. */
int jrec_parse(jrec *r, const char *line, size_t len, char *err, size_t errsz);

/* ---- Options (kurz.c) ------------------------------------------------ */
typedef struct kz_opts {
    const char *lang;     /* default language */
    int budget_opt;       /* 0 or KURZ_OPT_SENTENCES/RATIO_PERMILLE/WORDS */
    int budget_val;
    int strict;
    int algorithm;        /* -1 = library default */
    int damping, position, redundancy, title; /* per mille; -1 = default */
    int boilerplate;      /* -1 = default, 0 = off */
    long long max_input;  /* -1 = default */
    size_t max_input_eff; /* the limit in force (for reading files) */
    int json;             /* --format json */
    int split;
    int jsonl;
    int jobs;
    int progress;         /* show progress on stderr */
    char **files;         /* NULL-terminated; "-" is stdin */
    size_t nfiles;
} kz_opts;

/* Applies the options to a summarizer. Returns KURZ_OK or a kurz_status. */
int kz_configure(kurz_summarizer *s, const kz_opts *o);

/* ---- Running (run.c) ------------------------------------------------------ */
/* The processors kurz may run on (its affinity mask), at least 1. */
int kz_cpus(void);

/* Processes all inputs and writes the results to stdout in input order.
 * Returns the exit status: 0, or 1 when an input failed or writing failed. */
int kz_run(const kz_opts *o);

#endif /* KURZ_CLI_H */
