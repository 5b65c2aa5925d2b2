/* SPDX-License-Identifier: MIT */
/* The public API: argument checks, options, and the pipeline glue. This is
 * the only file that knows the layout of the public opaque types. */
#include <limits.h>
#include <string.h>

#include "kurz-test.h"
#include "langid.h"

#define NOPTS 13 /* KURZ_OPT_SENTENCES .. KURZ_OPT_KEYPHRASE_MAX_WORDS */

typedef struct optinfo {
    int min, max, def;
} optinfo;

static const optinfo opt_table[NOPTS] = {
    /* SENTENCES */ {0, INT_MAX, 0},
    /* RATIO_PERMILLE */ {0, 1000, 0},
    /* WORDS */ {0, INT_MAX, 0},
    /* STRICT */ {0, 1, 0},
    /* ALGORITHM */ {KURZ_ALGO_LEXRANK, KURZ_ALGO_TEXTRANK, KURZ_ALGO_LEXRANK},
    /* DAMPING_PERMILLE */ {0, 999, 850},
    /* POSITION_PERMILLE */ {0, 1000, 600},
    /* REDUNDANCY_PERMILLE */ {0, 1000, 600},
    /* BOILERPLATE */ {0, 1, 1},
    /* MAX_INPUT_BYTES */ {0, INT_MAX, 256 << 20},
    /* TITLE_PERMILLE */ {0, 1000, 0},
    /* KEYPHRASES */ {0, 1000, 10},
    /* KEYPHRASE_MAX_WORDS */ {1, 16, 4},
};

/* What one language needs: its stemmer and a document model whose word
 * caches hold that language's words. A summarizer with a fixed language
 * has one; an "auto" summarizer makes one for each language it meets. */
typedef struct kurz__langctx {
    const kurz__langinfo *li;
    kurz__stemmer *stemmer; /* NULL for "und": every word is its own stem */
    kurz__doc doc;          /* buffers reused from one document to the next */
} kurz__langctx;

/* The generic pipeline of text in none of the languages: generic sentence
 * rules, no stemmer, no stop words. */
static const kurz__langinfo und_lang = {.code = "und", .snowball = NULL,
                                        .rules = KURZ__LANG_OTHER};

/* Every language of lang.c and "und". */
#define MAX_CTX 32

struct kurz_summarizer {
    kurz__mem self_mem; /* made the struct itself: always the C library's */
    kurz__mem mem;      /* everything else */
    const kurz__langinfo *lang; /* the language given; NULL for "auto" */
    int opt[NOPTS];
    size_t error_offset;
    kurz__langctx *ctx[MAX_CTX]; /* made as needed, in the order met */
    size_t nctx;
    kurz__langctx *cur; /* the language of the document at hand */
    int detected;       /* cur was identified from the text */
    kurz__kwindex kw;   /* the boilerplate filter's keywords, built once */
    char *title;        /* kurz_summarizer_set_title's copy, or NULL */
    size_t title_len;
};

typedef struct kurz__item {
    size_t index, start, end;
    double score;
} kurz__item;

struct kurz_summary {
    kurz__mem mem; /* the allocator that made it */
    size_t n, doc_sentences;
    const char *lang; /* static: the code used, or "und" */
    int detected;     /* lang was identified from the text */
    kurz__item items[];
};

KURZ_API unsigned kurz_version_number(void)
{
    return KURZ_VERSION_NUMBER;
}

#define STR_(x) #x
#define STR(x) STR_(x)

KURZ_API const char *kurz_version_string(void)
{
    return STR(KURZ_VERSION_MAJOR) "." STR(KURZ_VERSION_MINOR) "." STR(KURZ_VERSION_PATCH);
}

KURZ_API const char *kurz_strerror(int status)
{
    switch (status) {
    case KURZ_OK:
        return "success";
    case KURZ_ERR_NOMEM:
        return "out of memory";
    case KURZ_ERR_INVALID_ARG:
        return "invalid argument";
    case KURZ_ERR_INVALID_UTF8:
        return "invalid UTF-8 in input";
    case KURZ_ERR_UNSUPPORTED_LANG:
        return "unsupported language";
    case KURZ_ERR_OUT_OF_RANGE:
        return "value out of range";
    case KURZ_ERR_TOO_LARGE:
        return "input larger than the configured maximum";
    default:
        return "unknown status";
    }
}

KURZ_API int kurz_validate_utf8(const char *text, size_t len, size_t *bad_offset)
{
    if (!text && len)
        return KURZ_ERR_INVALID_ARG;
    size_t bad = 0;
    if (len && !kurz__utf8_valid((const uint8_t *)text, len, &bad)) {
        if (bad_offset)
            *bad_offset = bad;
        return KURZ_ERR_INVALID_UTF8;
    }
    return KURZ_OK;
}

static int opt_slot(kurz_option o)
{
    long k = (long)o - KURZ_OPT_SENTENCES; /* any int, INT_MIN too */
    return k >= 0 && k < NOPTS ? (int)k : -1;
}

KURZ_API int kurz_option_bounds(kurz_option option, int *min_out, int *max_out)
{
    int k = opt_slot(option);
    if (k < 0)
        return KURZ_ERR_INVALID_ARG;
    if (min_out)
        *min_out = opt_table[k].min;
    if (max_out)
        *max_out = opt_table[k].max;
    return KURZ_OK;
}

/* The context of language li, made when first needed. 0, KURZ_ERR_NOMEM,
 * or KURZ_ERR_UNSUPPORTED_LANG when this libstemmer lacks the language. */
static int lang_ctx(kurz_summarizer *s, const kurz__langinfo *li, kurz__langctx **out)
{
    for (size_t i = 0; i < s->nctx; i++)
        if (s->ctx[i]->li == li) {
            *out = s->ctx[i];
            return 0;
        }
    if (s->nctx == MAX_CTX)
        return KURZ_ERR_UNSUPPORTED_LANG; /* cannot happen: one per language */
    kurz__langctx *c = kurz__calloc(&s->self_mem, 1, sizeof *c);
    if (!c)
        return KURZ_ERR_NOMEM;
    c->li = li;
    if (li->snowball && !(c->stemmer = kurz__stemmer_new(li->snowball))) {
        kurz__free(&s->self_mem, c);
        /* a language of lang.c that this libstemmer was built without */
        return kurz__stem_has(li->snowball) ? KURZ_ERR_NOMEM : KURZ_ERR_UNSUPPORTED_LANG;
    }
    kurz__doc_init(&c->doc, &s->mem, li->rules);
    s->ctx[s->nctx++] = c;
    *out = c;
    return 0;
}

static int is_auto(const char *name)
{
    static const char a[] = "auto";
    for (size_t i = 0; i < sizeof a; i++) {
        char c = name[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (c != a[i])
            return 0;
    }
    return 1;
}

KURZ_API int kurz_summarizer_new(kurz_summarizer **out, const char *lang)
{
    if (!out)
        return KURZ_ERR_INVALID_ARG;
    *out = NULL;
    if (!lang)
        return KURZ_ERR_INVALID_ARG;
    const kurz__langinfo *li = NULL;
    if (!is_auto(lang) && !(li = kurz__lang_find(lang)))
        return KURZ_ERR_UNSUPPORTED_LANG;
    kurz__mem mem;
    kurz__mem_default(&mem);
    kurz_summarizer *s = kurz__calloc(&mem, 1, sizeof *s);
    if (!s)
        return KURZ_ERR_NOMEM;
    s->self_mem = mem;
    s->mem = mem;
    s->lang = li;
    for (int k = 0; k < NOPTS; k++)
        s->opt[k] = opt_table[k].def;
    if (li) { /* a fixed language: its stemmer now, so a missing one fails here */
        int rc = lang_ctx(s, li, &s->cur);
        if (rc) {
            kurz__free(&mem, s);
            return rc;
        }
    }
    kurz__kw_init(&s->kw);
    *out = s;
    return KURZ_OK;
}

KURZ_API void kurz_summarizer_free(kurz_summarizer *s)
{
    if (!s)
        return;
    kurz__mem self = s->self_mem;
    for (size_t i = 0; i < s->nctx; i++) {
        kurz__doc_free(&s->ctx[i]->doc, &s->mem);
        kurz__stemmer_free(s->ctx[i]->stemmer);
        kurz__free(&self, s->ctx[i]);
    }
    kurz__free(&s->mem, s->title);
    kurz__free(&self, s);
}

KURZ_API const char *kurz_summarizer_language(const kurz_summarizer *s)
{
    return s ? (s->lang ? s->lang->code : "auto") : NULL;
}

KURZ_API int kurz_summarizer_set_option(kurz_summarizer *s, kurz_option option, int value)
{
    int k = opt_slot(option);
    if (!s || k < 0)
        return KURZ_ERR_INVALID_ARG;
    if (value < opt_table[k].min || value > opt_table[k].max)
        return KURZ_ERR_OUT_OF_RANGE;
    s->opt[k] = value;
    if (value != 0 && (option == KURZ_OPT_SENTENCES || option == KURZ_OPT_RATIO_PERMILLE ||
                       option == KURZ_OPT_WORDS)) {
        /* budgets are alternatives: the last one set wins */
        if (option != KURZ_OPT_SENTENCES)
            s->opt[opt_slot(KURZ_OPT_SENTENCES)] = 0;
        if (option != KURZ_OPT_RATIO_PERMILLE)
            s->opt[opt_slot(KURZ_OPT_RATIO_PERMILLE)] = 0;
        if (option != KURZ_OPT_WORDS)
            s->opt[opt_slot(KURZ_OPT_WORDS)] = 0;
    }
    return KURZ_OK;
}

KURZ_API int kurz_summarizer_get_option(const kurz_summarizer *s, kurz_option option, int *value)
{
    int k = opt_slot(option);
    if (!s || k < 0 || !value)
        return KURZ_ERR_INVALID_ARG;
    *value = s->opt[k];
    return KURZ_OK;
}

KURZ_API int kurz_summarizer_set_allocator(kurz_summarizer *s, kurz_malloc_fn malloc_fn,
                                           kurz_realloc_fn realloc_fn, kurz_free_fn free_fn,
                                           void *user)
{
    if (!s || (!malloc_fn) != (!free_fn))
        return KURZ_ERR_INVALID_ARG;
    /* buffers made by the old allocator go back to it first */
    for (size_t i = 0; i < s->nctx; i++)
        kurz__doc_free(&s->ctx[i]->doc, &s->mem);
    kurz__free(&s->mem, s->title);
    s->title = NULL; /* see kurz.h: setting an allocator forgets the title */
    s->title_len = 0;
    if (malloc_fn) {
        s->mem.malloc_fn = malloc_fn;
        s->mem.realloc_fn = realloc_fn;
        s->mem.free_fn = free_fn;
        s->mem.user = user;
    } else {
        kurz__mem_default(&s->mem);
    }
    for (size_t i = 0; i < s->nctx; i++)
        kurz__doc_init(&s->ctx[i]->doc, &s->mem, s->ctx[i]->li->rules);
    return KURZ_OK;
}

KURZ_API size_t kurz_summarizer_error_offset(const kurz_summarizer *s)
{
    return s ? s->error_offset : 0;
}

#define OPT(s, o) ((s)->opt[(o) - KURZ_OPT_SENTENCES])

/* The checks before a text is read: arguments and the size limit. */
static int check_args(kurz_summary **out, kurz_summarizer *s, const char *text, size_t len)
{
    if (!out)
        return KURZ_ERR_INVALID_ARG;
    *out = NULL;
    if (!s || (!text && len))
        return KURZ_ERR_INVALID_ARG;
    s->error_offset = 0;
    if (len > (size_t)OPT(s, KURZ_OPT_MAX_INPUT_BYTES))
        return KURZ_ERR_TOO_LARGE;
    return KURZ_OK;
}

/* Chooses the language of text[0..len): the summarizer's own, or for
 * "auto" the identified one ("und": the generic pipeline). Sets s->cur and
 * s->detected. 0, KURZ_ERR_INVALID_UTF8 (in the sample identification
 * reads), KURZ_ERR_NOMEM. */
static int resolve_lang(kurz_summarizer *s, const char *text, size_t len)
{
    s->detected = 0;
    if (s->lang)
        return 0; /* s->cur was made with the summarizer */
    /* Every caller checks the whole text for valid UTF-8 next (and reports
     * where it is not): identification need not check its sample first. */
    kurz__lidres id;
    kurz__identify_unchecked(&id, text, len);
    const kurz__langinfo *li = kurz__lang_find(id.lang);
    int rc = lang_ctx(s, li ? li : &und_lang, &s->cur);
    if (rc == KURZ_ERR_UNSUPPORTED_LANG) /* never fail for that: go generic */
        rc = lang_ctx(s, &und_lang, &s->cur);
    s->detected = 1;
    return rc;
}

void kurz__run_begin(kurz__run *r, kurz_summarizer *s, const char *text, size_t len)
{
    memset(r, 0, sizeof *r);
    r->m = &s->mem;
    r->lang = s->cur->li->rules;
    r->st = s->cur->stemmer;
    r->doc = &s->cur->doc;
    r->kw = &s->kw;
    r->text = text;
    r->len = len;
    r->title = s->title;
    r->title_len = s->title_len;
    /* the documented override: a position or title weight other than the
     * default brings back kurz 0.1's hand-set blend */
    r->blend = OPT(s, KURZ_OPT_POSITION_PERMILLE) != opt_table[opt_slot(KURZ_OPT_POSITION_PERMILLE)].def ||
               OPT(s, KURZ_OPT_TITLE_PERMILLE) != opt_table[opt_slot(KURZ_OPT_TITLE_PERMILLE)].def;
    kurz__run_options(r, s->opt);
}

static kurz_summary *summary_new(kurz_summarizer *s, size_t n)
{
    if (n > (SIZE_MAX - sizeof(kurz_summary)) / sizeof(kurz__item))
        return NULL;
    kurz_summary *sum = kurz__malloc(&s->mem, sizeof *sum + n * sizeof(kurz__item));
    if (!sum)
        return NULL;
    sum->mem = s->mem;
    sum->n = n;
    sum->doc_sentences = 0;
    sum->lang = s->cur->li->code;
    sum->detected = s->detected;
    return sum;
}

/* What every entry that reads a text does first: the arguments and the size
 * limit, the language (identified for "auto"), the run state and the first
 * stage, the UTF-8 check. 0, or the status to return (nothing to free). */
static int begin_text(kurz__run *r, kurz_summary **out, kurz_summarizer *s, const char *text,
                      size_t len)
{
    int rc = check_args(out, s, text, len);
    if (rc || (rc = resolve_lang(s, text, len)))
        return rc;
    kurz__run_begin(r, s, text, len);
    if ((rc = kurz__stage_validate(r)))
        s->error_offset = r->error_offset;
    return rc;
}

/* *out from the sentences v[0..ndoc): the n chosen ones (the first n when
 * chosen is NULL) with their scores (0 when score is NULL). 0 or
 * KURZ_ERR_NOMEM. */
static int summary_out(kurz_summary **out, kurz_summarizer *s, const kurz__sent *v, size_t ndoc,
                       const size_t *chosen, size_t n, const double *score)
{
    kurz_summary *sum = summary_new(s, n);
    if (!sum)
        return KURZ_ERR_NOMEM;
    for (size_t a = 0; a < n; a++) {
        size_t i = chosen ? chosen[a] : a;
        sum->items[a] = (kurz__item){i, v[i].start, v[i].end, score ? score[i] : 0.0};
    }
    sum->doc_sentences = ndoc;
    *out = sum;
    return 0;
}

KURZ_API int kurz_split(kurz_summary **out, kurz_summarizer *s, const char *text, size_t len)
{
    kurz__run r;
    int rc = begin_text(&r, out, s, text, len);
    if (rc)
        return rc;
    kurz__sentvec v = {0};
    rc = kurz__segment(&s->mem, r.lang, text, len, &v);
    if (!rc)
        rc = summary_out(out, s, v.v, v.n, NULL, v.n, NULL);
    kurz__free(&s->mem, v.v);
    return rc;
}

KURZ_API int kurz_summarize(kurz_summary **out, kurz_summarizer *s, const char *text, size_t len)
{
    kurz__run r;
    int rc = begin_text(&r, out, s, text, len);
    if (rc)
        return rc;
    /* the other stages, in order (kurz__stages[0], validate, ran above) */
    for (size_t k = 1; k < KURZ__NSTAGES && !rc; k++)
        rc = kurz__stages[k].run(&r);
    if (!rc)
        rc = summary_out(out, s, r.doc->sents.v, r.doc->sents.n, r.chosen, r.nchosen, r.score);
    kurz__run_end(&r);
    return rc;
}

KURZ_API size_t kurz_summary_count(const kurz_summary *sum)
{
    return sum ? sum->n : 0;
}

KURZ_API size_t kurz_summary_document_sentences(const kurz_summary *sum)
{
    return sum ? sum->doc_sentences : 0;
}

KURZ_API int kurz_summary_get(const kurz_summary *sum, size_t i, size_t *index, size_t *start,
                              size_t *end, double *score)
{
    if (!sum)
        return KURZ_ERR_INVALID_ARG;
    if (i >= sum->n)
        return KURZ_ERR_OUT_OF_RANGE;
    const kurz__item *it = &sum->items[i];
    if (index)
        *index = it->index;
    if (start)
        *start = it->start;
    if (end)
        *end = it->end;
    if (score)
        *score = it->score;
    return KURZ_OK;
}

KURZ_API const char *kurz_summary_language(const kurz_summary *sum, int *detected)
{
    if (detected)
        *detected = sum ? sum->detected : 0;
    return sum ? sum->lang : NULL;
}

KURZ_API void kurz_summary_free(kurz_summary *sum)
{
    if (!sum)
        return;
    kurz__mem mem = sum->mem;
    kurz__free(&mem, sum);
}

KURZ_API int kurz_summarizer_set_title(kurz_summarizer *s, const char *title, size_t len)
{
    if (!s || (!title && len))
        return KURZ_ERR_INVALID_ARG;
    if (!title) {
        kurz__free(&s->mem, s->title);
        s->title = NULL;
        s->title_len = 0;
        return KURZ_OK;
    }
    size_t bad;
    if (len && !kurz__utf8_valid((const uint8_t *)title, len, &bad)) {
        s->error_offset = bad;
        return KURZ_ERR_INVALID_UTF8;
    }
    if (len > (size_t)OPT(s, KURZ_OPT_MAX_INPUT_BYTES))
        return KURZ_ERR_TOO_LARGE;
    char *copy = kurz__malloc(&s->mem, len + 1);
    if (!copy)
        return KURZ_ERR_NOMEM;
    if (len)
        memcpy(copy, title, len);
    copy[len] = '\0';
    kurz__free(&s->mem, s->title);
    s->title = copy;
    s->title_len = len;
    return KURZ_OK;
}

/* ---- Key phrases: the public entry (the work is in keyphrase.c) ------- */
#include "keyphrase.h"

KURZ_API int kurz_keyphrases_extract(kurz_keyphrases **out, kurz_summarizer *s, const char *text,
                                     size_t len)
{
    if (!out)
        return KURZ_ERR_INVALID_ARG;
    *out = NULL;
    kurz_summary *unused;
    kurz__run r;
    int rc = begin_text(&r, &unused, s, text, len);
    if (rc)
        return rc;
    kurz__kp_opts o = {(size_t)OPT(s, KURZ_OPT_KEYPHRASES),
                       (size_t)OPT(s, KURZ_OPT_KEYPHRASE_MAX_WORDS),
                       OPT(s, KURZ_OPT_BOILERPLATE) != 0};
    const kurz__langinfo *li = s->cur->li;
    return kurz__keyphrases(&s->mem, li->rules, li->code, s->cur->stemmer, text, len, &o,
                            out, NULL);
}
