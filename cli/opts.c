/* SPDX-License-Identifier: MIT */
/* kurz's options: one table gives each option's names, the library option
 * it sets (if any), the kind of its value and its help. Parsing and --help
 * are driven by it; defaults and bounds are the library's, asked at run
 * time (kurz_summarizer_get_option, kurz_option_bounds). */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* The language when -l is not given, and the number of threads when -j is
 * not (the other defaults are the library's). */
#define DEFAULT_LANG "auto"
#define DEFAULT_JOBS 1

static void usage_error(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2), noreturn))
#endif
    ;

static void usage_error(const char *fmt, ...)
{
    va_list ap;
    fputs("kurz: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs("\nTry 'kurz --help'.\n", stderr);
    exit(2);
}

/* Writes what is left in stdout; exit status 1 with a message on failure. */
static int finish_stdout(void)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        char msg[128];
        errno_str(errno ? errno : EIO, msg, sizeof msg);
        fprintf(stderr, "kurz: write error: %s\n", msg);
        return 1;
    }
    return 0;
}

/* ---- The table ----------------------------------------------------------- */

typedef enum kind {
    K_SECTION,  /* no option: a heading of the help */
    K_LANG,
    K_LIST,
    K_COUNT,    /* a budget counted in sentences or words */
    K_RATIO,    /* the ratio budget */
    K_ON,       /* a flag that sets its library option to 1 */
    K_OFF,      /* a flag that sets its library option to 0 */
    K_ALGORITHM,
    K_FRACTION, /* a per-mille library option */
    K_BYTES,
    K_FORMAT,
    K_SPLIT,
    K_JSONL,
    K_IDENTIFY,
    K_DETECT,   /* --detect-language: --identify with the confidence */
    K_KEYWORDS, /* how many key phrases; also turns them on */
    K_INT,      /* a plain whole-number library option */
    K_TITLE,    /* --title: kurz_summarizer_set_title */
    K_IDENTIFY_LINES,
    K_JOBS,
    K_HELP,
    K_VERSION
} kind;

typedef struct optdef {
    const char *name;  /* long name; for K_SECTION the heading */
    char short_name;   /* 0 = none */
    const char *value; /* the value's name in the help; NULL: a flag */
    kurz_option lib;   /* the library option it sets, or 0 */
    kind kind;
    /* the help: lines after the first are indented to the column of the
     * first; "{}" stands for the default */
    const char *help;
} optdef;

static const optdef optdefs[] = {
    {"Language:", 0, NULL, 0, K_SECTION, NULL},
    {"language", 'l', "LANG", 0, K_LANG,
     "language of the text: an ISO 639-1 code such as de\n"
     "or fr, or auto: identify the language of each\n"
     "document (each --jsonl record without \"lang\") and\n"
     "use its rules; text in none of the languages, or\n"
     "too short to tell (und), is still summarized, with\n"
     "generic rules (no stemming, no stop words), and\n"
     "text output then says so on standard error. JSON\n"
     "gives the language used and \"language_source\":\n"
     "\"detected\" or \"given\" (default: {}); '-l list'\n"
     "prints the codes"},
    {"detect-language", 0, NULL, 0, K_DETECT,
     "print the language of each FILE (or --jsonl\n"
     "record) instead of a summary: CODE CONFIDENCE, the\n"
     "ISO code, or und when the text is in none of the\n"
     "languages or too short to tell, and a confidence\n"
     "from 0 to 1 (0.0 for und); as JSON (--format json,\n"
     "--jsonl) with the ranked candidates:\n"
     "{\"file\": \"FILE\", \"language\": \"fr\", \"confidence\":\n"
     "0.98, \"candidates\": [{\"language\": \"fr\", \"score\":\n"
     "0.98}, ...]}, and with --jsonl {\"id\": ID,\n"
     "\"language\": \"de\", \"confidence\": 0.99, ...} (or\n"
     "\"line\": LINE for a record without an id). Reads\n"
     "only the start of a FILE (256 KiB): it is enough"},
    {"identify", 0, NULL, 0, K_IDENTIFY,
     "the older spelling of --detect-language, kept: the\n"
     "same, but text output is the code alone"},
    {"identify-lines", 0, NULL, 0, K_IDENTIFY_LINES,
     "like --identify, for each line of the input (blank\n"
     "lines too): one code per line, in order (CODE\n"
     "CONFIDENCE with --detect-language)"},
    {"list-languages", 0, NULL, 0, K_LIST, "print the language codes and exit"},
    {"Length of the summary (at most one of -n, -r, -w; default: 3 sentences):", 0, NULL, 0,
     K_SECTION, NULL},
    {"sentences", 'n', "N", KURZ_OPT_SENTENCES, K_COUNT, "N sentences"},
    {"ratio", 'r', "RATIO", KURZ_OPT_RATIO_PERMILLE, K_RATIO,
     "this share of the document's sentences (not\n"
     "counting filtered boilerplate), at least one: a\n"
     "fraction 0 < RATIO <= 1 (0.2) or a percentage (20%)"},
    {"words", 'w', "WORDS", KURZ_OPT_WORDS, K_COUNT,
     "about WORDS words: sentences are added while the\n"
     "summary is shorter than WORDS words (a word is a\n"
     "run of letters and digits: l'eau is two words)"},
    {"strict", 0, NULL, KURZ_OPT_STRICT, K_ON, "with -w: never exceed WORDS words"},
    {"Ranking (X is a decimal from 0 to 1, like 0.85, or a percentage):", 0, NULL, 0, K_SECTION,
     NULL},
    {"algorithm", 0, "NAME", KURZ_OPT_ALGORITHM, K_ALGORITHM,
     "lexrank or textrank (default: {})"},
    {"damping", 0, "X", KURZ_OPT_DAMPING_PERMILLE, K_FRACTION,
     "damping of the random walk (default: {}; below 1)"},
    {"title", 0, "TEXT", 0, K_TITLE,
     "the title (headline) of the text: sentences that\n"
     "share its words are preferred. For every FILE, and\n"
     "for --jsonl records without a \"title\" of their own"},
    {"position-weight", 0, "X", KURZ_OPT_POSITION_PERMILLE, K_FRACTION,
     "weight of a sentence's position, blended with its\n"
     "centrality (default: {}); another value replaces\n"
     "the learned scorer with this blend, as in kurz 0.1"},
    {"redundancy", 0, "X", KURZ_OPT_REDUNDANCY_PERMILLE, K_FRACTION,
     "skip a sentence this similar or more to one\n"
     "already chosen; 1 never skips (default: {})"},
    {"title-weight", 0, "X", KURZ_OPT_TITLE_PERMILLE, K_FRACTION,
     "weight of the similarity to the first sentence\n"
     "(default: {}); another value, like\n"
     "--position-weight, brings back kurz 0.1's blend"},
    {"no-boilerplate-filter", 0, NULL, KURZ_OPT_BOILERPLATE, K_OFF,
     "also choose headings, bylines, navigation and\n"
     "comment lines (the filter is {} by default)"},
    {"max-input-bytes", 0, "N", KURZ_OPT_MAX_INPUT_BYTES, K_BYTES,
     "refuse inputs longer than N bytes, and with\n"
     "--jsonl lines longer than N bytes; N may end in\n"
     "K, M or G (default: {})"},
    {"Key phrases:", 0, NULL, 0, K_SECTION, NULL},
    {"keywords", 0, "N", KURZ_OPT_KEYPHRASES, K_KEYWORDS,
     "print the N best key phrases of each FILE (or\n"
     "record), one per line, best first, instead of the\n"
     "summary; as JSON (--format json, --jsonl), a\n"
     "\"keywords\" array of {\"text\", \"score\", \"count\",\n"
     "\"start\", \"end\"} (the first occurrence's byte span)\n"
     "beside the summary (library default N: {})"},
    {"keyword-words", 0, "N", KURZ_OPT_KEYPHRASE_MAX_WORDS, K_INT,
     "at most N words a key phrase (default: {})"},
    {"Output:", 0, NULL, 0, K_SECTION, NULL},
    {"format", 0, "FORMAT", 0, K_FORMAT, "text or json (default: text)"},
    {"split", 0, NULL, 0, K_SPLIT,
     "print every sentence of the input instead of a\n"
     "summary (no -n, -r or -w)"},
    {"  text: one sentence per line, every run of spaces, tabs and line breaks in\n"
     "    it folded to one space; with several FILEs, each starts with a header\n"
     "    line '==> FILE <=='.\n"
     "  json: one object per FILE and line:\n"
     "    {\"file\": \"FILE\", \"language\": \"de\", \"language_source\": \"detected\",\n"
     "     \"sentences\": [{\"index\": 4, \"start\": 512, \"end\": 640, \"score\":\n"
     "     0.0731, \"text\": \"...\"}, ...], \"document_sentences\": 18}\n"
     "    language is the language used (und: none, generic rules), and\n"
     "    language_source \"given\" (by -l or the record's lang) or \"detected\"\n"
     "    (auto).\n"
     "    index counts the document's sentences from 0; start and end are byte\n"
     "    offsets in the input; text is the exact span, not folded; score is 0\n"
     "    with --split. Standard input is named \"-\". A FILE that fails gives\n"
     "    {\"file\": \"FILE\", \"error\": \"...\"}.\n",
     0, NULL, 0, K_SECTION, NULL},
    {"Corpus mode:", 0, NULL, 0, K_SECTION, NULL},
    {"jsonl", 0, NULL, 0, K_JSONL,
     "the input is JSON Lines: one object per line,\n"
     "{\"id\": ID, \"text\": \"...\", \"lang\": \"fr\", \"title\":\n"
     "\"...\"}; lang is optional (default: -l), title too\n"
     "(default: --title, else none), and other members\n"
     "are ignored. One line of output per record, in input\n"
     "order: {\"id\": ID, \"language\": ...,\n"
     "\"language_source\": ..., \"sentences\": [...],\n"
     "\"document_sentences\": N}, ID copied as written. A\n"
     "bad record gives {\"id\": ID, \"error\": \"...\"}, or\n"
     "\"line\": LINE when it has no id, and the run goes\n"
     "on; a line too long to read gives \"line\" and,\n"
     "when its start has one, \"id\". Blank lines are\n"
     "skipped. Offsets count bytes of the decoded text\n"
     "in UTF-8. When standard error is a terminal, it\n"
     "shows progress."},
    {"jobs", 'j', "N", 0, K_JOBS,
     "work with N threads (default: {}; 0: one per\n"
     "processor kurz may use), for --jsonl and for\n"
     "several FILEs; the output order stays the same.\n"
     "When N is the number of processors kurz may use,\n"
     "each thread keeps to a processor of its own"},
    {"", 0, NULL, 0, K_SECTION, NULL},
    {"help", 'h', NULL, 0, K_HELP, "print this help and exit"},
    {"version", 'V', NULL, 0, K_VERSION, "print the version and exit"},
};

#define NOPTDEFS (sizeof optdefs / sizeof optdefs[0])

/* ---- Numbers ------------------------------------------------------------- */

/* A plain decimal integer: digits only, no sign, no white space. */
static int parse_uint(const char *s, unsigned long long max, unsigned long long *out)
{
    if (!*s)
        return -1;
    unsigned long long v = 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return -1;
        unsigned d = (unsigned)(*s - '0');
        if (v > (max - d) / 10)
            return -2; /* too large */
        v = v * 10 + d;
    }
    *out = v;
    return 0;
}

/* A fraction written as a decimal ("0.85", ".5", "1") or a percentage
 * ("85%", "12.5%"), as per mille, rounded. -1 when malformed, -2 when
 * above 1. */
static int parse_fraction(const char *s, int *permille)
{
    const char *p = s;
    int digits = 0;
    for (; *p >= '0' && *p <= '9'; p++)
        digits++;
    if (*p == '.')
        for (p++; *p >= '0' && *p <= '9'; p++)
            digits++;
    int percent = 0;
    if (*p == '%') {
        p++;
        percent = 1;
    }
    if (*p || !digits || strlen(s) > 40)
        return -1;
    char tmp[48];
    size_t n = (size_t)(p - s) - (size_t)percent;
    memcpy(tmp, s, n);
    tmp[n] = '\0';
    double v = strtod(tmp, NULL); /* the C locale: '.' is the decimal point */
    if (percent)
        v /= 100.0;
    if (v > 1.0)
        return -2;
    *permille = (int)(v * 1000.0 + 0.5);
    return 0;
}

static void permille_str(int v, char *out, size_t n)
{
    snprintf(out, n, "%d.%03d", v / 1000, v % 1000);
    size_t len = strlen(out);
    while (out[len - 1] == '0')
        out[--len] = '\0';
    if (out[len - 1] == '.')
        out[--len] = '\0';
}

static void bytes_str(long long v, char *out, size_t n)
{
    if (v > 0 && v % (1LL << 30) == 0)
        snprintf(out, n, "%lldG", v >> 30);
    else if (v > 0 && v % (1LL << 20) == 0)
        snprintf(out, n, "%lldM", v >> 20);
    else if (v > 0 && v % (1LL << 10) == 0)
        snprintf(out, n, "%lldK", v >> 10);
    else
        snprintf(out, n, "%lld", v);
}

static void bounds(kurz_option opt, int *lo, int *hi)
{
    if (kurz_option_bounds(opt, lo, hi) != KURZ_OK) {
        *lo = 0;
        *hi = INT_MAX;
    }
}

static const char *const algorithms[] = {
    [KURZ_ALGO_LEXRANK] = "lexrank",
    [KURZ_ALGO_TEXTRANK] = "textrank",
};

#define NALGORITHMS (sizeof algorithms / sizeof algorithms[0])

/* ---- Values -------------------------------------------------------------- */

/* A count option (-n, -w, --keywords, --keyword-words): at least 1, at
 * most the option's bound. */
static int count_arg(const char *name, const char *val, kurz_option opt)
{
    const char *what = opt == KURZ_OPT_WORDS              ? "number of words"
                       : opt == KURZ_OPT_SENTENCES        ? "number of sentences"
                       : opt == KURZ_OPT_KEYPHRASES       ? "number of key phrases"
                                                          : "number";
    int lo, hi;
    bounds(opt, &lo, &hi);
    unsigned long long v;
    int r = parse_uint(val, (unsigned long long)hi, &v);
    if (r == -1)
        usage_error("invalid %s '%s' for %s (a whole number is needed)", what, val, name);
    if (r == -2 || (long long)v < (lo > 1 ? lo : 1))
        usage_error("%s must be between %d and %d, not '%s'", name, lo > 1 ? lo : 1, hi, val);
    return (int)v;
}

static int ratio_arg(const char *name, const char *val, kurz_option opt)
{
    int pm, lo, hi;
    bounds(opt, &lo, &hi);
    int r = parse_fraction(val, &pm);
    if (r == -1)
        usage_error("invalid ratio '%s' for %s (a fraction like 0.2 or a percentage like "
                    "20%% is needed)", val, name);
    if (r == -2 || pm > hi)
        usage_error("the ratio for %s must be at most 1 (100%%), not '%s'", name, val);
    if (pm < 1 || pm < lo)
        usage_error("the ratio for %s must be at least 0.001 (0.1%%), not '%s'", name, val);
    return pm;
}

/* A per-mille tuning option given as a fraction. */
static int fraction_arg(const char *name, const char *val, kurz_option opt)
{
    int lo, hi, pm;
    bounds(opt, &lo, &hi);
    char slo[16], shi[16];
    permille_str(lo, slo, sizeof slo);
    permille_str(hi, shi, sizeof shi);
    int r = parse_fraction(val, &pm);
    if (r == -1)
        usage_error("invalid value '%s' for %s (a decimal like 0.5 or a percentage like 50%% is "
                    "needed)", val, name);
    if (r == -2 || pm < lo || pm > hi)
        usage_error("%s must be between %s and %s, not '%s'", name, slo, shi, val);
    return pm;
}

static int bytes_arg(const char *name, const char *val, kurz_option opt)
{
    int lo, hi;
    bounds(opt, &lo, &hi);
    char tmp[32];
    size_t n = strlen(val);
    unsigned long long mult = 1;
    if (n && n < sizeof tmp) {
        char last = val[n - 1];
        if (last == 'K' || last == 'k')
            mult = 1ULL << 10;
        else if (last == 'M' || last == 'm')
            mult = 1ULL << 20;
        else if (last == 'G' || last == 'g')
            mult = 1ULL << 30;
    }
    if (n >= sizeof tmp)
        usage_error("%s must be between %d and %d bytes, not '%s'", name, lo, hi, val);
    memcpy(tmp, val, n + 1);
    if (mult > 1)
        tmp[n - 1] = '\0';
    unsigned long long v;
    int r = parse_uint(tmp, ULLONG_MAX / (1ULL << 30), &v);
    if (r == -1)
        usage_error("invalid size '%s' for %s (a whole number of bytes, maybe with K, M "
                    "or G, is needed)", val, name);
    if (r == -2 || v * mult > (unsigned long long)hi || (long long)(v * mult) < lo)
        usage_error("%s must be between %d and %d bytes, not '%s'", name, lo, hi, val);
    return (int)(v * mult);
}

static int algorithm_arg(const char *val)
{
    for (size_t k = 0; k < NALGORITHMS; k++)
        if (algorithms[k] && strcmp(val, algorithms[k]) == 0)
            return (int)k;
    usage_error("unknown algorithm '%s' (lexrank or textrank)", val);
}

/* The default of a row's library option as the help shows it, into out. */
static void default_str(const optdef *d, const kurz_summarizer *s, char *out, size_t n)
{
    int v = 0;
    if (d->kind == K_LANG) {
        snprintf(out, n, "%s", DEFAULT_LANG);
        return;
    }
    if (d->kind == K_JOBS) {
        snprintf(out, n, "%d", DEFAULT_JOBS);
        return;
    }
    if (!s || kurz_summarizer_get_option(s, d->lib, &v) != KURZ_OK) {
        snprintf(out, n, "?");
        return;
    }
    switch (d->kind) {
    case K_FRACTION:
        permille_str(v, out, n);
        break;
    case K_BYTES:
        bytes_str(v, out, n);
        break;
    case K_ALGORITHM:
        snprintf(out, n, "%s", v >= 0 && (size_t)v < NALGORITHMS ? algorithms[v] : "?");
        break;
    case K_OFF:
    case K_ON:
        snprintf(out, n, "%s", v ? "on" : "off");
        break;
    default:
        snprintf(out, n, "%d", v);
        break;
    }
}

/* ---- Help ---------------------------------------------------------------- */

#define HELP_COLUMN 27

static void print_option_help(const optdef *d, const kurz_summarizer *s)
{
    char left[64];
    int len;
    if (d->short_name)
        len = snprintf(left, sizeof left, "  -%c, --%s", d->short_name, d->name);
    else
        len = snprintf(left, sizeof left, "      --%s", d->name);
    if (d->value)
        len += snprintf(left + len, sizeof left - (size_t)len, "=%s", d->value);
    fputs(left, stdout);
    if (len + 2 > HELP_COLUMN)
        printf("\n%*s", HELP_COLUMN, "");
    else
        printf("%*s", HELP_COLUMN - len, "");
    char dflt[32];
    default_str(d, s, dflt, sizeof dflt);
    for (const char *p = d->help; *p; p++) {
        if (p[0] == '{' && p[1] == '}') {
            fputs(dflt, stdout);
            p++;
        } else if (*p == '\n') {
            printf("\n%*s", HELP_COLUMN, "");
        } else {
            putchar(*p);
        }
    }
    putchar('\n');
}

static void print_help(void)
{
    /* The defaults come from the library itself, so this text stays true. */
    kurz_summarizer *s = NULL;
    if (kurz_summarizer_new(&s, DEFAULT_LANG) != KURZ_OK)
        s = NULL;
    fputs("Usage: kurz [OPTION]... [FILE]...\n"
          "Print an extractive summary of each FILE: its most central sentences,\n"
          "one per line, in the order of the document. Made for German and French,\n"
          "and for every language of 'kurz -l list': the language of each\n"
          "document is identified, unless -l gives it.\n"
          "With no FILE, or when FILE is -, read standard input.\n",
          stdout);
    for (size_t k = 0; k < NOPTDEFS; k++) {
        const optdef *d = &optdefs[k];
        if (d->kind != K_SECTION)
            print_option_help(d, s);
        else if (d->name[0] == ' ')
            fputs(d->name, stdout); /* a paragraph under the options */
        else
            printf("\n%s%s", d->name, d->name[0] ? "\n" : "");
    }
    kurz_summarizer_free(s);
    fputs("\n"
          "Exit status: 0 on success, 1 when an input could not be read or\n"
          "summarized (invalid UTF-8, too large, a bad --jsonl record) or output\n"
          "could not be written, 2 for a usage error, 128 + the signal when\n"
          "SIGINT or SIGTERM stopped it (after writing every finished result\n"
          "whole). kurz goes on with the next input after a failing one.\n"
          "\n"
          "Example: kurz -l fr -n 2 article.txt\n",
          stdout);
}

int kz_list_languages(void)
{
    for (const char *const *l = kurz_languages(); *l; l++)
        printf("%s\n", *l);
    return finish_stdout();
}

/* ---- Parsing ------------------------------------------------------------- */

static void set_lib(kz_opts *o, kurz_option opt, int val)
{
    size_t i = 0;
    while (i < o->nlib && o->lib_opt[i] != opt)
        i++;
    if (i == o->nlib) {
        if (o->nlib == KZ_MAX_LIBOPTS)
            abort(); /* more library options in the table than room */
        o->nlib++;
    }
    o->lib_opt[i] = opt;
    o->lib_val[i] = val;
}

static int lib_given(const kz_opts *o, kurz_option opt)
{
    for (size_t i = 0; i < o->nlib; i++)
        if (o->lib_opt[i] == opt)
            return 1;
    return 0;
}

/* The short name of the option that sets a budget (n, r, w). */
static char budget_name(int opt)
{
    for (size_t k = 0; k < NOPTDEFS; k++)
        if (optdefs[k].lib == (kurz_option)opt && optdefs[k].short_name)
            return optdefs[k].short_name;
    return '?';
}

static void set_budget(kz_opts *o, kurz_option opt, int val)
{
    if (o->budget_opt && o->budget_opt != (int)opt)
        usage_error("-%c and -%c cannot be used together: choose one length",
                    budget_name(o->budget_opt), budget_name(opt));
    o->budget_opt = (int)opt;
    set_lib(o, opt, val);
}

/* The value for the library option of row d. */
static int lib_value(const optdef *d, const char *name, const char *val)
{
    switch (d->kind) {
    case K_COUNT:
    case K_KEYWORDS:
    case K_INT:
        return count_arg(name, val, d->lib);
    case K_RATIO:
        return ratio_arg(name, val, d->lib);
    case K_ON:
        return 1;
    case K_OFF:
        return 0;
    case K_ALGORITHM:
        return algorithm_arg(val);
    case K_FRACTION:
        return fraction_arg(name, val, d->lib);
    case K_BYTES:
        return bytes_arg(name, val, d->lib);
    default:
        abort(); /* the table gave a library option to a row of another kind */
    }
}

static void handle(kz_opts *o, const optdef *d, const char *name, const char *val)
{
    if (d->lib) {
        int v = lib_value(d, name, val);
        if (d->kind == K_COUNT || d->kind == K_RATIO)
            set_budget(o, d->lib, v);
        else
            set_lib(o, d->lib, v);
        if (d->kind == K_KEYWORDS)
            o->keywords = 1;
        return;
    }
    switch (d->kind) {
    case K_LANG:
        if (!*val)
            usage_error("the language for %s is empty", name);
        o->lang = val;
        if (strcmp(val, "list") == 0)
            o->list_languages = 1;
        break;
    case K_LIST:
        o->list_languages = 1;
        break;
    case K_TITLE:
        o->title = val;
        break;
    case K_FORMAT:
        if (strcmp(val, "text") == 0)
            o->json = 0;
        else if (strcmp(val, "json") == 0)
            o->json = 1;
        else
            usage_error("unknown format '%s' (text or json)", val);
        break;
    case K_SPLIT:
        o->split = 1;
        break;
    case K_JSONL:
        o->jsonl = 1;
        break;
    case K_IDENTIFY:
        o->identify = 1;
        if (!o->identify_opt)
            o->identify_opt = "--identify";
        break;
    case K_DETECT:
        o->identify = o->confidence = 1;
        o->identify_opt = "--detect-language";
        break;
    case K_IDENTIFY_LINES:
        o->identify = o->lines = 1;
        if (!o->identify_opt)
            o->identify_opt = "--identify-lines";
        break;
    case K_JOBS: {
        unsigned long long v;
        int r = parse_uint(val, KZ_MAX_JOBS, &v);
        if (r == -1)
            usage_error("invalid number of jobs '%s' for %s (a whole number is needed)", val, name);
        if (r == -2)
            usage_error("%s must be between 0 and %d, not '%s'", name, KZ_MAX_JOBS, val);
        o->jobs = (int)v;
        break;
    }
    case K_HELP:
        print_help();
        exit(finish_stdout());
    case K_VERSION:
        printf("kurz %s (libkurz %s)\n", KURZ_CLI_VERSION, kurz_version_string());
        exit(finish_stdout());
    default: /* K_SECTION; the rest have a library option */
        break;
    }
}

static const optdef *find_long(const char *nm, size_t len)
{
    for (size_t k = 0; k < NOPTDEFS; k++)
        if (optdefs[k].kind != K_SECTION && strlen(optdefs[k].name) == len &&
            strncmp(optdefs[k].name, nm, len) == 0)
            return &optdefs[k];
    return NULL;
}

static const optdef *find_short(char c)
{
    for (size_t k = 0; k < NOPTDEFS; k++)
        if (optdefs[k].short_name && optdefs[k].short_name == c)
            return &optdefs[k];
    return NULL;
}

int kz_configure(kurz_summarizer *s, const kz_opts *o)
{
    int st = KURZ_OK;
    for (size_t i = 0; i < o->nlib; i++) {
        int r = kurz_summarizer_set_option(s, o->lib_opt[i], o->lib_val[i]);
        if (r != KURZ_OK && st == KURZ_OK)
            st = r;
    }
    return st;
}

/* The checks that need every option, and the language. */
static void check(kz_opts *o, int format_given, int format_text)
{
    if (lib_given(o, KURZ_OPT_STRICT) && o->budget_opt != KURZ_OPT_WORDS)
        usage_error("--strict needs -w WORDS");
    if (o->split && o->budget_opt)
        usage_error("--split prints every sentence: -%c cannot be used with it",
                    budget_name(o->budget_opt));
    if (o->identify && (o->split || o->budget_opt || o->keywords))
        usage_error("%s prints languages: --split, -n, -r, -w and --keywords cannot be "
                    "used with it", o->identify_opt);
    if (o->keywords && o->split)
        usage_error("--split prints every sentence: --keywords cannot be used with it");
    if (o->lines && o->jsonl)
        usage_error("--identify-lines reads plain lines: --jsonl cannot be used with it");
    if (o->jsonl && format_given && format_text)
        usage_error("--jsonl writes JSON: --format text cannot be used with it");
    if (o->jsonl)
        o->json = 1;
    if (o->lines)
        o->jsonl = 1; /* read line by line, like records */

    /* Check the language and the options once, up front. */
    kurz_summarizer *s = NULL;
    int st = kurz_summarizer_new(&s, o->lang);
    if (st == KURZ_ERR_UNSUPPORTED_LANG || st == KURZ_ERR_INVALID_ARG)
        usage_error("unknown language '%s' ('kurz -l list' prints the codes)", o->lang);
    if (st != KURZ_OK) {
        fprintf(stderr, "kurz: %s\n", kurz_strerror(st));
        exit(1);
    }
    st = kz_configure(s, o);
    if (st != KURZ_OK) {
        kurz_summarizer_free(s);
        usage_error("bad option value: %s", kurz_strerror(st));
    }
    int max_input;
    st = kurz_summarizer_get_option(s, KURZ_OPT_MAX_INPUT_BYTES, &max_input);
    kurz_summarizer_free(s);
    if (st != KURZ_OK) {
        fprintf(stderr, "kurz: %s\n", kurz_strerror(st));
        exit(1);
    }
    o->max_input_eff = (size_t)max_input;
}

void kz_opts_parse(kz_opts *o, int argc, char **argv)
{
    memset(o, 0, sizeof *o);
    o->lang = DEFAULT_LANG;
    o->jobs = DEFAULT_JOBS;
    o->files = xmalloc(sizeof(char *) * (size_t)(argc + 1));
    int format_given = 0, format_text = 0;

    int only_files = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (only_files || a[0] != '-' || a[1] == '\0') {
            o->files[o->nfiles++] = argv[i];
            continue;
        }
        if (strcmp(a, "--") == 0) {
            only_files = 1;
            continue;
        }
        const optdef *d = NULL;
        const char *val = ""; /* flags have no value */
        char name[64];
        if (a[1] == '-') {
            const char *nm = a + 2;
            const char *eq = strchr(nm, '=');
            size_t len = eq ? (size_t)(eq - nm) : strlen(nm);
            d = find_long(nm, len);
            if (!d)
                usage_error("unknown option '%.*s'", (int)(len + 2 > 200 ? 200 : len + 2), a);
            snprintf(name, sizeof name, "--%s", d->name);
            if (d->value) {
                if (eq)
                    val = eq + 1;
                else if (i + 1 < argc)
                    val = argv[++i];
                else
                    usage_error("option '%s' needs a value", name);
            } else if (eq) {
                usage_error("option '%s' takes no value", name);
            }
        } else {
            d = find_short(a[1]);
            if (!d || (!d->value && a[2]))
                usage_error("unknown option '%.200s'", a);
            snprintf(name, sizeof name, "-%c", a[1]);
            if (d->value) {
                if (a[2])
                    val = a + 2;
                else if (i + 1 < argc)
                    val = argv[++i];
                else
                    usage_error("option '%s' needs a value", name);
            }
        }
        if (d->kind == K_FORMAT) {
            format_given = 1;
            format_text = strcmp(val, "text") == 0;
        }
        handle(o, d, name, val);
    }
    o->files[o->nfiles] = NULL;
    if (!o->list_languages)
        check(o, format_given, format_text);
}
