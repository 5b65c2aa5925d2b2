/* kurz: the command-line tool. Option parsing, --help and --version; the
 * work itself is in run.c. */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

#define MAX_JOBS 1024

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
        fprintf(stderr, "kurz: write error: %s\n", strerror(errno ? errno : EIO));
        return 1;
    }
    return 0;
}

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

/* A count option (-n, -w): at least 1, at most the option's bound. */
static int count_arg(const char *name, const char *what, const char *val, kurz_option opt)
{
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

/* ---- Options ---------------------------------------------------------------- */

enum {
    O_LANG = 1, O_LIST_LANGS, O_SENTENCES, O_RATIO, O_WORDS, O_STRICT, O_ALGORITHM, O_DAMPING,
    O_POSITION, O_REDUNDANCY, O_TITLE, O_NO_BOILER, O_MAX_INPUT, O_FORMAT, O_SPLIT, O_JSONL,
    O_JOBS, O_HELP, O_VERSION
};

typedef struct optdef {
    const char *name; /* long name */
    char short_name;  /* 0 = none */
    int arg;          /* takes a value */
    int id;
} optdef;

static const optdef optdefs[] = {
    {"language", 'l', 1, O_LANG},
    {"list-languages", 0, 0, O_LIST_LANGS},
    {"sentences", 'n', 1, O_SENTENCES},
    {"ratio", 'r', 1, O_RATIO},
    {"words", 'w', 1, O_WORDS},
    {"strict", 0, 0, O_STRICT},
    {"algorithm", 0, 1, O_ALGORITHM},
    {"damping", 0, 1, O_DAMPING},
    {"position-weight", 0, 1, O_POSITION},
    {"redundancy", 0, 1, O_REDUNDANCY},
    {"title-weight", 0, 1, O_TITLE},
    {"no-boilerplate-filter", 0, 0, O_NO_BOILER},
    {"max-input-bytes", 0, 1, O_MAX_INPUT},
    {"format", 0, 1, O_FORMAT},
    {"split", 0, 0, O_SPLIT},
    {"jsonl", 0, 0, O_JSONL},
    {"jobs", 'j', 1, O_JOBS},
    {"help", 'h', 0, O_HELP},
    {"version", 'V', 0, O_VERSION},
};

#define NOPTDEFS (sizeof optdefs / sizeof optdefs[0])

int kz_configure(kurz_summarizer *s, const kz_opts *o)
{
    int st = KURZ_OK;
#define SET(opt, v)                                                        \
    do {                                                                   \
        int r_ = kurz_summarizer_set_option(s, (opt), (v));                \
        if (r_ != KURZ_OK && st == KURZ_OK)                                \
            st = r_;                                                       \
    } while (0)
    if (o->budget_opt)
        SET((kurz_option)o->budget_opt, o->budget_val);
    if (o->strict)
        SET(KURZ_OPT_STRICT, 1);
    if (o->algorithm >= 0)
        SET(KURZ_OPT_ALGORITHM, o->algorithm);
    if (o->damping >= 0)
        SET(KURZ_OPT_DAMPING_PERMILLE, o->damping);
    if (o->position >= 0)
        SET(KURZ_OPT_POSITION_PERMILLE, o->position);
    if (o->redundancy >= 0)
        SET(KURZ_OPT_REDUNDANCY_PERMILLE, o->redundancy);
    if (o->title >= 0)
        SET(KURZ_OPT_TITLE_PERMILLE, o->title);
    if (o->boilerplate >= 0)
        SET(KURZ_OPT_BOILERPLATE, o->boilerplate);
    if (o->max_input >= 0)
        SET(KURZ_OPT_MAX_INPUT_BYTES, (int)o->max_input);
#undef SET
    return st;
}

static int get_default(kurz_summarizer *s, kurz_option opt, int fallback)
{
    int v;
    if (s && kurz_summarizer_get_option(s, opt, &v) == KURZ_OK)
        return v;
    return fallback;
}

static void print_help(void)
{
    /* The defaults come from the library itself, so this text stays true. */
    kurz_summarizer *s = NULL;
    if (kurz_summarizer_new(&s, "de") != KURZ_OK)
        s = NULL;
    char damping[16], position[16], redundancy[16], title[16], maxin[32];
    permille_str(get_default(s, KURZ_OPT_DAMPING_PERMILLE, 850), damping, sizeof damping);
    permille_str(get_default(s, KURZ_OPT_POSITION_PERMILLE, 300), position, sizeof position);
    permille_str(get_default(s, KURZ_OPT_REDUNDANCY_PERMILLE, 600), redundancy, sizeof redundancy);
    permille_str(get_default(s, KURZ_OPT_TITLE_PERMILLE, 200), title, sizeof title);
    bytes_str(get_default(s, KURZ_OPT_MAX_INPUT_BYTES, 256 << 20), maxin, sizeof maxin);
    const char *algo =
        get_default(s, KURZ_OPT_ALGORITHM, KURZ_ALGO_LEXRANK) == KURZ_ALGO_TEXTRANK ? "textrank"
                                                                                  : "lexrank";
    const char *boiler = get_default(s, KURZ_OPT_BOILERPLATE, 1) ? "on" : "off";
    kurz_summarizer_free(s);

    printf(
        "Usage: kurz [OPTION]... [FILE]...\n"
        "Print an extractive summary of each FILE: its most central sentences,\n"
        "one per line, in the order of the document. Made for German and French.\n"
        "With no FILE, or when FILE is -, read standard input.\n"
        "\n"
        "Language:\n"
        "  -l, --language=LANG      language of the text: an ISO 639-1 code such as de\n"
        "                           or fr (default: de); '-l list' prints the codes\n"
        "      --list-languages     print the language codes and exit\n"
        "\n"
        "Length of the summary (at most one of -n, -r, -w; default: 3 sentences):\n"
        "  -n, --sentences=N        N sentences\n"
        "  -r, --ratio=RATIO        this share of the document's sentences (not\n"
        "                           counting filtered boilerplate), at least one: a\n"
        "                           fraction 0 < RATIO <= 1 (0.2) or a percentage (20%%)\n"
        "  -w, --words=WORDS        about WORDS words: sentences are added while the\n"
        "                           summary is shorter than WORDS words (a word is a\n"
        "                           run of letters and digits: l'eau is two words)\n"
        "      --strict             with -w: never exceed WORDS words\n"
        "\n"
        "Ranking (X is a decimal from 0 to 1, like 0.85, or a percentage):\n"
        "      --algorithm=NAME     lexrank or textrank (default: %s)\n"
        "      --damping=X          damping of the random walk (default: %s; below 1)\n"
        "      --position-weight=X  weight of a sentence's position, blended with its\n"
        "                           centrality (default: %s)\n"
        "      --redundancy=X       skip a sentence this similar or more to one\n"
        "                           already chosen; 1 never skips (default: %s)\n"
        "      --title-weight=X     weight of the similarity to the first sentence\n"
        "                           (default: %s)\n"
        "      --no-boilerplate-filter\n"
        "                           also choose headings, bylines, navigation and\n"
        "                           comment lines (the filter is %s by default)\n"
        "      --max-input-bytes=N  refuse inputs longer than N bytes; N may end in\n"
        "                           K, M or G (default: %s)\n"
        "\n"
        "Output:\n"
        "      --format=FORMAT      text or json (default: text)\n"
        "      --split              print every sentence of the input instead of a\n"
        "                           summary (no -n, -r or -w)\n"
        "  text: one sentence per line, every run of spaces, tabs and line breaks in\n"
        "    it folded to one space; with several FILEs, each starts with a header\n"
        "    line '==> FILE <=='.\n"
        "  json: one object per FILE and line:\n"
        "    {\"file\": \"FILE\", \"language\": \"de\", \"sentences\": [{\"index\": 4,\n"
        "     \"start\": 512, \"end\": 640, \"score\": 0.0731, \"text\": \"...\"}, ...],\n"
        "     \"document_sentences\": 18}\n"
        "    index counts the document's sentences from 0; start and end are byte\n"
        "    offsets in the input; text is the exact span, not folded; score is 0\n"
        "    with --split. Standard input is named \"-\". A FILE that fails gives\n"
        "    {\"file\": \"FILE\", \"error\": \"...\"}.\n"
        "\n"
        "Corpus mode:\n"
        "      --jsonl              the input is JSON Lines: one object per line,\n"
        "                           {\"id\": ID, \"text\": \"...\", \"lang\": \"fr\"}; lang is\n"
        "                           optional (default: -l) and other members are\n"
        "                           ignored. One line of output per record, in input\n"
        "                           order: {\"id\": ID, \"language\": ..., \"sentences\":\n"
        "                           [...], \"document_sentences\": N}, ID copied as\n"
        "                           written. A bad record gives {\"id\": ID, \"error\":\n"
        "                           \"...\"}, or \"line\": LINE when it has no id, and\n"
        "                           the run goes on. Blank lines are skipped. Offsets\n"
        "                           count bytes of the decoded text in UTF-8. When\n"
        "                           standard error is a terminal, it shows progress.\n"
        "  -j, --jobs=N             work with N threads (default: 1; 0: one per\n"
        "                           processor kurz may use), for --jsonl and for\n"
        "                           several FILEs; the output order stays the same.\n"
        "                           When N is the number of processors kurz may use,\n"
        "                           each thread keeps to a processor of its own\n"
        "\n"
        "  -h, --help               print this help and exit\n"
        "  -V, --version            print the version and exit\n"
        "\n"
        "Exit status: 0 on success, 1 when an input could not be read or\n"
        "summarized (invalid UTF-8, too large, a bad --jsonl record) or output\n"
        "could not be written, 2 for a usage error. kurz goes on with the next\n"
        "input after a failing one.\n"
        "\n"
        "Example: kurz -l fr -n 2 article.txt\n",
        algo, damping, position, redundancy, title, boiler, maxin);
}

static int list_languages(void)
{
    for (const char *const *l = kurz_languages(); *l; l++)
        printf("%s\n", *l);
    return finish_stdout();
}

static const char *budget_name(int opt)
{
    return opt == KURZ_OPT_SENTENCES ? "-n" : opt == KURZ_OPT_RATIO_PERMILLE ? "-r" : "-w";
}

static void set_budget(kz_opts *o, int opt, int val)
{
    if (o->budget_opt && o->budget_opt != opt)
        usage_error("%s and %s cannot be used together: choose one length", budget_name(o->budget_opt),
                    budget_name(opt));
    o->budget_opt = opt;
    o->budget_val = val;
}

static void handle(kz_opts *o, int id, const char *name, const char *val, int *list)
{
    switch (id) {
    case O_LANG:
        if (!*val)
            usage_error("the language for %s is empty", name);
        o->lang = val;
        if (strcmp(val, "list") == 0)
            *list = 1;
        break;
    case O_LIST_LANGS:
        *list = 1;
        break;
    case O_SENTENCES:
        set_budget(o, KURZ_OPT_SENTENCES, count_arg(name, "number of sentences", val,
                                                    KURZ_OPT_SENTENCES));
        break;
    case O_WORDS:
        set_budget(o, KURZ_OPT_WORDS, count_arg(name, "number of words", val, KURZ_OPT_WORDS));
        break;
    case O_RATIO: {
        int pm, lo, hi;
        bounds(KURZ_OPT_RATIO_PERMILLE, &lo, &hi);
        int r = parse_fraction(val, &pm);
        if (r == -1)
            usage_error("invalid ratio '%s' for %s (a fraction like 0.2 or a percentage like "
                        "20%% is needed)", val, name);
        if (r == -2 || pm > hi)
            usage_error("the ratio for %s must be at most 1 (100%%), not '%s'", name, val);
        if (pm < 1 || pm < lo)
            usage_error("the ratio for %s must be at least 0.001 (0.1%%), not '%s'", name, val);
        set_budget(o, KURZ_OPT_RATIO_PERMILLE, pm);
        break;
    }
    case O_STRICT:
        o->strict = 1;
        break;
    case O_ALGORITHM:
        if (strcmp(val, "lexrank") == 0)
            o->algorithm = KURZ_ALGO_LEXRANK;
        else if (strcmp(val, "textrank") == 0)
            o->algorithm = KURZ_ALGO_TEXTRANK;
        else
            usage_error("unknown algorithm '%s' (lexrank or textrank)", val);
        break;
    case O_DAMPING:
        o->damping = fraction_arg(name, val, KURZ_OPT_DAMPING_PERMILLE);
        break;
    case O_POSITION:
        o->position = fraction_arg(name, val, KURZ_OPT_POSITION_PERMILLE);
        break;
    case O_REDUNDANCY:
        o->redundancy = fraction_arg(name, val, KURZ_OPT_REDUNDANCY_PERMILLE);
        break;
    case O_TITLE:
        o->title = fraction_arg(name, val, KURZ_OPT_TITLE_PERMILLE);
        break;
    case O_NO_BOILER:
        o->boilerplate = 0;
        break;
    case O_MAX_INPUT: {
        int lo, hi;
        bounds(KURZ_OPT_MAX_INPUT_BYTES, &lo, &hi);
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
        o->max_input = (long long)(v * mult);
        break;
    }
    case O_FORMAT:
        if (strcmp(val, "text") == 0)
            o->json = 0;
        else if (strcmp(val, "json") == 0)
            o->json = 1;
        else
            usage_error("unknown format '%s' (text or json)", val);
        break;
    case O_SPLIT:
        o->split = 1;
        break;
    case O_JSONL:
        o->jsonl = 1;
        break;
    case O_JOBS: {
        unsigned long long v;
        int r = parse_uint(val, MAX_JOBS, &v);
        if (r == -1)
            usage_error("invalid number of jobs '%s' for %s (a whole number is needed)", val, name);
        if (r == -2)
            usage_error("%s must be between 0 and %d, not '%s'", name, MAX_JOBS, val);
        o->jobs = (int)v;
        break;
    }
    case O_HELP:
        print_help();
        exit(finish_stdout());
    case O_VERSION:
        printf("kurz %s\n", kurz_version_string());
        exit(finish_stdout());
    default:
        break;
    }
}

int main(int argc, char **argv)
{
    kz_opts o;
    memset(&o, 0, sizeof o);
    o.lang = "de";
    o.algorithm = o.damping = o.position = o.redundancy = o.title = o.boilerplate = -1;
    o.max_input = -1;
    o.jobs = 1;
    int format_given = 0, format_text = 0, list = 0;
    o.files = xmalloc(sizeof(char *) * (size_t)(argc + 1));

    int only_files = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (only_files || a[0] != '-' || a[1] == '\0') {
            o.files[o.nfiles++] = argv[i];
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
            for (size_t k = 0; k < NOPTDEFS; k++)
                if (strlen(optdefs[k].name) == len && strncmp(optdefs[k].name, nm, len) == 0)
                    d = &optdefs[k];
            if (!d)
                usage_error("unknown option '%.*s'", (int)(len + 2 > 200 ? 200 : len + 2), a);
            snprintf(name, sizeof name, "--%s", d->name);
            if (d->arg) {
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
            for (size_t k = 0; k < NOPTDEFS; k++)
                if (optdefs[k].short_name && optdefs[k].short_name == a[1])
                    d = &optdefs[k];
            if (!d || (!d->arg && a[2]))
                usage_error("unknown option '%.200s'", a);
            snprintf(name, sizeof name, "-%c", a[1]);
            if (d->arg) {
                if (a[2])
                    val = a + 2;
                else if (i + 1 < argc)
                    val = argv[++i];
                else
                    usage_error("option '%s' needs a value", name);
            }
        }
        if (d->id == O_FORMAT) {
            format_given = 1;
            format_text = strcmp(val, "text") == 0;
        }
        handle(&o, d->id, name, val, &list);
    }
    o.files[o.nfiles] = NULL;

    if (list) {
        free(o.files);
        return list_languages();
    }
    if (o.strict && o.budget_opt != KURZ_OPT_WORDS)
        usage_error("--strict needs -w WORDS");
    if (o.split && o.budget_opt)
        usage_error("--split prints every sentence: %s cannot be used with it",
                    budget_name(o.budget_opt));
    if (o.jsonl && format_given && format_text)
        usage_error("--jsonl writes JSON: --format text cannot be used with it");
    if (o.jsonl)
        o.json = 1;
    if (o.jobs == 0) {
        int n = kz_cpus();
        o.jobs = n > MAX_JOBS ? MAX_JOBS : n;
    }

    /* Check the language and the options once, up front. */
    kurz_summarizer *s = NULL;
    int st = kurz_summarizer_new(&s, o.lang);
    if (st == KURZ_ERR_UNSUPPORTED_LANG || st == KURZ_ERR_INVALID_ARG)
        usage_error("unknown language '%s' ('kurz -l list' prints the codes)", o.lang);
    if (st != KURZ_OK) {
        fprintf(stderr, "kurz: %s\n", kurz_strerror(st));
        return 1;
    }
    st = kz_configure(s, &o);
    if (st != KURZ_OK) {
        kurz_summarizer_free(s);
        usage_error("bad option value: %s", kurz_strerror(st));
    }
    int max_input = 256 << 20;
    kurz_summarizer_get_option(s, KURZ_OPT_MAX_INPUT_BYTES, &max_input);
    o.max_input_eff = (size_t)max_input;
    kurz_summarizer_free(s);

    o.progress = o.jsonl && isatty(2);
    int rc = kz_run(&o);
    free(o.files);
    return rc;
}
