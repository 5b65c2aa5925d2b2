/* Internal interfaces of libkurz. Nothing here is exported: every symbol is
 * hidden and named kurz__*. Modules depend on each other in one direction:
 *   alloc -> utf8 -> segment -> tokenize/stopwords/stem -> doc -> graph
 *   -> rank -> boiler -> score -> select -> pipeline -> api
 * kurz_summarize runs the stages in this order, one call each: segment,
 * doc, graph, rank, boiler (eligible units), score, select (the table of
 * stages is in pipeline.c; tests and the benchmark reach it through
 * kurz-test.h). */
#ifndef KURZ_PRIVATE_H
#define KURZ_PRIVATE_H

#include <stddef.h>
#include <stdint.h>

#include "kurz.h"

/* ---- Allocation (alloc.c) ---------------------------------------------
 * Every allocation of the library goes through a kurz__mem so the caller's
 * allocator is honoured and tests can fail the Nth allocation. */
typedef struct kurz__mem {
    kurz_malloc_fn malloc_fn;
    kurz_realloc_fn realloc_fn; /* may be NULL */
    kurz_free_fn free_fn;
    void *user;
} kurz__mem;

void kurz__mem_default(kurz__mem *m);
void *kurz__malloc(const kurz__mem *m, size_t size);            /* NULL on overflow/failure */
void *kurz__calloc(const kurz__mem *m, size_t n, size_t size);  /* zeroed; checks n*size */
/* Grows *p to hold at least need elements of size elem; *cap tracks the
 * capacity in elements. Returns 0 or KURZ_ERR_NOMEM (then *p is unchanged). */
int kurz__grow(const kurz__mem *m, void **p, size_t *cap, size_t need, size_t elem);
void kurz__free(const kurz__mem *m, void *p);
/* p[0..bytes) is about to be written: where the system allows, map its pages
 * in one call instead of one page fault each (a fault costs microseconds on
 * a virtual machine). Advice only; does nothing for small blocks. */
#define KURZ__PREFAULT_MIN ((size_t)64 << 10)
void kurz__prefault(const kurz__mem *m, void *p, size_t bytes);
/* 64 unpredictable bits for seeding a hash (from the system's entropy; else
 * from salt's address and the clock). */
uint64_t kurz__seed(const void *salt);

/* The common case (room left) costs no call; need is evaluated twice. */
#define KURZ__GROW(m, arr, cap, need)                                    \
    ((size_t)(need) <= (cap) ? 0                                         \
                             : kurz__grow((m), (void **)&(arr), &(cap), (need), sizeof(*(arr))))

/* ---- Languages (lang.c) ----------------------------------------------
 * Each language once: id, ISO 639-1 code, Snowball algorithm. A language's
 * rules are data: its word lists data/<kind>/<code>.txt (stopwords and
 * abbrev are required for every language, the others optional; see
 * data/lists.txt), looked up by its code. */
#define KURZ__LANGS(X) \
    X(AR, "ar", "arabic") \
    X(CA, "ca", "catalan") \
    X(DA, "da", "danish") \
    X(DE, "de", "german") \
    X(EL, "el", "greek") \
    X(EN, "en", "english") \
    X(ES, "es", "spanish") \
    X(EU, "eu", "basque") \
    X(FI, "fi", "finnish") \
    X(FR, "fr", "french") \
    X(GA, "ga", "irish") \
    X(HI, "hi", "hindi") \
    X(HU, "hu", "hungarian") \
    X(HY, "hy", "armenian") \
    X(ID, "id", "indonesian") \
    X(IT, "it", "italian") \
    X(LT, "lt", "lithuanian") \
    X(NE, "ne", "nepali") \
    X(NL, "nl", "dutch") \
    X(NO, "no", "norwegian") \
    X(PT, "pt", "portuguese") \
    X(RO, "ro", "romanian") \
    X(RU, "ru", "russian") \
    X(SR, "sr", "serbian") \
    X(SV, "sv", "swedish") \
    X(TA, "ta", "tamil") \
    X(TR, "tr", "turkish") \
    X(YI, "yi", "yiddish")

/* A language: KURZ__LANG_OTHER (none: generic rules, no stop words) or
 * 1 + the language's position in KURZ__LANGS (KURZ__LANG_DE, ...). The
 * values are internal and may change when a language is added. */
typedef enum kurz__lang {
    KURZ__LANG_OTHER = 0,
#define KURZ__LANG_ID_(id, code, snowball) KURZ__LANG_##id,
    KURZ__LANGS(KURZ__LANG_ID_)
#undef KURZ__LANG_ID_
    KURZ__LANG_COUNT
} kurz__lang;

struct kurz__wordlist;
typedef struct kurz__langinfo {
    const char *code;     /* ISO 639-1, "de" */
    const char *snowball; /* libstemmer algorithm name, "german" */
    kurz__lang rules;     /* the language's id: its segmentation and stop-word rules */
    const struct kurz__wordlist *stopwords; /* data/stopwords/<code> */
} kurz__langinfo;

/* Looks up a code or Snowball name, any letter case; NULL when unknown. */
const kurz__langinfo *kurz__lang_find(const char *name);
/* The language lang, or NULL for KURZ__LANG_OTHER (or no language). */
const kurz__langinfo *kurz__lang_info(kurz__lang lang);
/* The code of language rules ("de" for KURZ__LANG_DE), which names its word
 * lists in data/; NULL for KURZ__LANG_OTHER. */
const char *kurz__lang_rules_code(kurz__lang rules);

/* ---- Word lists (wordlist.c; data/, tools/gen-tables.py) ----------------
 * The lists of data/lists.txt, generated into C tables at build time
 * (kurz-lists.c and kurz-lists.h in the build directory). A list is named
 * "kind/language" ("stopwords/de", "abbrev/mul", "boiler/keywords"); its
 * entries are sorted by bytes, each followed by a NUL in the pool. */
struct kurz__wordlist {
    const char *name;
    const char *pool;      /* the entries' bytes, each NUL-terminated */
    const uint32_t *off;   /* n + 1 offsets into pool */
    const uint64_t *val;   /* a value per entry (see data/lists.txt), or NULL */
    const uint32_t *slot;  /* [mask + 1] hash table: 0 = empty, else 1 + entry */
    uint32_t mask;
    uint32_t n;
    uint32_t maxlen;       /* of the longest entry, in bytes */
};
typedef struct kurz__wordlist kurz__wordlist;

#include "kurz-lists.h" /* generated: KURZ__WL_* ids, KURZ__VAL_*, KURZ__BIT_* */

extern const kurz__wordlist kurz__lists[KURZ__WL_COUNT]; /* sorted by name */
/* The list called name, or NULL (a language without such a list). */
const kurz__wordlist *kurz__wl_get(const char *name);
/* The list "kind/lang", or NULL. */
const kurz__wordlist *kurz__wl_lang(const char *kind, const char *lang);
/* The index of w[0..n) in l (compared bytewise), or -1; l may be NULL. */
long kurz__wl_find(const kurz__wordlist *l, const uint8_t *w, size_t n);
/* The same for a key followed by at least 8 zero bytes (as the tokenizer
 * and the boilerplate scanner leave their words): a little faster. */
long kurz__wl_find_padded(const kurz__wordlist *l, const uint8_t *w, size_t n);
/* Entry i of l and its length. */
static inline const char *kurz__wl_at(const kurz__wordlist *l, size_t i, size_t *len)
{
    *len = l->off[i + 1] - l->off[i] - 1;
    return l->pool + l->off[i];
}

/* ---- UTF-8 (utf8.c) -------------------------------------------------- */
/* Returns 1 when text[0..len) is valid; else 0 and *bad = offset. */
int kurz__utf8_valid(const uint8_t *text, size_t len, size_t *bad);
/* Decodes one code point of valid UTF-8 at s[0..n); returns its length
 * (1..4) and stores the code point. n must be >= 1. */
size_t kurz__utf8_decode(const uint8_t *s, size_t n, int32_t *cp);
/* A character of a word as a reader (and ROUGE's \w) counts it: letters,
 * marks, digits, other numbers and connector punctuation such as '_'. */
int kurz__is_word_cp(int32_t cp);
/* What a byte is, for the scanners' ASCII fast paths: an ASCII letter or
 * digit, '_', or the lead byte of a multi-byte sequence (0xC0..0xFF).
 * Continuation bytes and all other ASCII are 0. */
enum { KURZ__B_ALNUM = 1, KURZ__B_LEAD = 2, KURZ__B_UNDER = 4 };
extern const uint8_t kurz__byte_class[256];
/* An ASCII word character (kurz__is_word_cp's ASCII part): [A-Za-z0-9_]. */
static inline int kurz__ascii_word(uint8_t c)
{
    return (kurz__byte_class[c] & (KURZ__B_ALNUM | KURZ__B_UNDER)) != 0;
}

/* ---- Sentence segmentation (segment.c, sterm-table.h; data/abbrev, function,
 * starter, ordinal-*, terminal, quotes) */
enum {
    KURZ__S_PARA_START = 1u << 0, /* first unit of a paragraph (after a blank line or at start) */
    KURZ__S_LINE = 1u << 1,       /* ended by a line break without final punctuation:
                                     a heading, dateline, byline, list item */
    KURZ__S_TERMINATED = 1u << 2  /* ends with . ! ? … (possibly followed by quotes/brackets) */
};

typedef struct kurz__sent {
    size_t start, end; /* byte span [start, end) in the input, trimmed of white space */
    uint32_t para;     /* paragraph number, 0-based */
    uint32_t flags;    /* KURZ__S_* */
} kurz__sent;

typedef struct kurz__sentvec {
    kurz__sent *v;
    size_t n, cap;
} kurz__sentvec;

/* Splits valid UTF-8 text[0..len) into sentences, appending to out (which
 * the caller initialised to zero and frees with kurz__free(m, out->v)).
 * A leading BOM is skipped; CR and CRLF are line ends. Spans are non-empty,
 * trimmed, non-overlapping, in order. Returns 0 or KURZ_ERR_NOMEM. */
int kurz__segment(const kurz__mem *m, kurz__lang lang, const char *text, size_t len,
                  kurz__sentvec *out);

/* ---- Words (tokenize.c) ---------------------------------------------- */
typedef struct kurz__tokenizer {
    const kurz__mem *m;
    kurz__lang lang;
    const uint8_t *text;
    size_t pos, end;
    uint8_t *buf; /* normalised word (NFC + casefold), NUL-terminated */
    size_t buf_cap;
    int32_t *ubuf; /* scratch code points */
    size_t ubuf_cap;
} kurz__tokenizer;

void kurz__tok_init(kurz__tokenizer *t, const kurz__mem *m, kurz__lang lang);
void kurz__tok_free(kurz__tokenizer *t);
/* Starts on the bytes text[start..end) (valid UTF-8). */
void kurz__tok_reset(kurz__tokenizer *t, const char *text, size_t start, size_t end);
/* Zero bytes after every word kurz__tok_next returns (besides its NUL), so a
 * hash may read it eight bytes at a time. */
#define KURZ__WORD_PAD 8
/* Next word: 1 and *word and *wlen point at t->buf (valid until the next call,
 * followed by a NUL and KURZ__WORD_PAD zero bytes),
 * *wstart and *wend are its byte span in text (either may be NULL); 0 at the end;
 * KURZ_ERR_NOMEM. Words are runs of letters, digits and combining marks;
 * French elisions (l' d' qu' ... with ' or ’) are dropped, hyphens split. */
int kurz__tok_next(kurz__tokenizer *t, const uint8_t **word, size_t *wlen, size_t *wstart,
                   size_t *wend);

/* ---- Stop words (stopwords.c) ------------------------------------------ */
/* 1 when the normalised word w[0..n) is a stop word of lang. */
int kurz__is_stopword(kurz__lang lang, const uint8_t *w, size_t n);

/* ---- Stemming (stem.c: the only file that includes libstemmer.h) ------- */
typedef struct kurz__stemmer kurz__stemmer;
/* NULL on failure (unknown algorithm or no memory). */
kurz__stemmer *kurz__stemmer_new(const char *snowball_name);
/* 1 when this libstemmer has the algorithm (sb_stemmer_list()), else 0. */
int kurz__stem_has(const char *snowball_name);
void kurz__stemmer_free(kurz__stemmer *st);
/* Stems w[0..n); returns 0 with *out and *outlen borrowed until the next call,
 * or KURZ_ERR_NOMEM. Words longer than KURZ__STEM_MAX bytes, and every word
 * when st is NULL (the generic pipeline of "und"), are returned unchanged. */
#define KURZ__STEM_MAX 256
int kurz__stem(kurz__stemmer *st, const uint8_t *w, size_t n, const uint8_t **out,
               size_t *outlen);


/* ---- Document model (doc.c) --------------------------------------------
 * Sentences as sparse term vectors over Snowball stems of content words. */
typedef struct kurz__entry {
    uint32_t term; /* term id */
    float tf;      /* occurrences of the term in the sentence */
} kurz__entry;

typedef struct kurz__hash {
    struct kurz__hslot *slots;
    size_t cap, n;   /* cap is a power of two (or 0) */
    size_t min_cap;  /* the first allocation's size (0: 1024) */
    unsigned max_load; /* percent of the slots in use before it grows */
    uint8_t *pool;   /* the bytes of keys too long for their slot */
    size_t pool_n, pool_cap;
    uint64_t probes; /* occupied slots looked at (a work counter, see kurz-test.h) */
} kurz__hash;

typedef struct kurz__doc {
    kurz__sentvec sents;
    size_t *row;          /* sents.n + 1 offsets into ent */
    kurz__entry *ent;
    size_t ent_n, ent_cap, row_cap;
    uint32_t *nwords;     /* words per sentence, as a reader counts them (all \w runs) */
    uint32_t *ncontent;   /* content words per sentence (not stop words, not numbers) */
    size_t nw_cap, nc_cap;
    uint32_t *df;         /* sentences containing each term */
    size_t nterms, df_cap;
    double *idf;          /* kurz__idf of each term, or NULL (then computed as needed) */
    size_t idf_cap;
    /* Kept from one document to the next (the summarizer's language is
     * fixed), so a word form is normalised, looked up and stemmed once per
     * summarizer rather than once per document; cleared when large. */
    kurz__hash words;     /* normalised word -> global id + 1 (| number flag), 0 = stop word */
    kurz__hash stems;     /* stem -> global id */
    uint32_t nglobal;     /* global ids handed out */
    uint32_t *local;      /* global id -> this document's term id, valid when */
    uint32_t *stamp;      /* stamp[g] == epoch */
    size_t local_cap, stamp_cap;
    uint32_t epoch;
    uint64_t seed; /* of both tables' hash: unknown to whoever writes the text */
    kurz__tokenizer tok;
} kurz__doc;

/* Word forms a summarizer remembers before it starts afresh. */
#define KURZ__WORD_CACHE (1u << 20)

void kurz__doc_init(kurz__doc *d, const kurz__mem *m, kurz__lang lang);
void kurz__doc_free(kurz__doc *d, const kurz__mem *m);
/* Builds the term vectors of the sentences d->sents (filled beforehand,
 * e.g. by kurz__segment) of text[0..len). Reuses the buffers of a previous
 * call. 0 or KURZ_ERR_NOMEM. */
int kurz__doc_build(kurz__doc *d, const kurz__mem *m, kurz__lang lang, kurz__stemmer *st,
                    const char *text, size_t len);
/* After kurz__doc_build: adds 1 to tf[t] for every word of text[0..len)
 * (valid UTF-8, e.g. a title) whose term t is one of this document's;
 * other words are ignored. tf has room for d->nterms. 0 or KURZ_ERR_NOMEM
 * (then the word cache is cleared, as after a failed build). */
int kurz__doc_terms_of(kurz__doc *d, const kurz__mem *m, kurz__lang lang, kurz__stemmer *st,
                       const char *text, size_t len, float *tf);

/* ---- Sentence graph (graph.c) -----------------------------------------
 * Sentences are linked by their similarity: the idf-weighted cosine of
 * their term vectors (LexRank) or their word overlap (TextRank). */
typedef struct kurz__graph_opts {
    int algorithm;   /* kurz_algorithm */
    size_t exact_limit; /* up to this many sentences the graph is exact */
    uint32_t df_cap;    /* beyond exact_limit: terms in more sentences than this are ignored */
    size_t max_neighbours; /* beyond exact_limit: edges kept per sentence */
} kurz__graph_opts;

/* The defaults kurz_summarize uses. */
#define KURZ__EXACT_LIMIT 2000
#define KURZ__DF_CAP 32
#define KURZ__MAX_NEIGHBOURS 16

/* An edge of the sentence graph. */
typedef struct kurz__edge {
    uint32_t to;
    float w;
} kurz__edge;

/* A weighted directed graph in compressed rows: the edges of sentence i are
 * edge[row[i]..row[i + 1]). */
typedef struct kurz__graph {
    size_t n;          /* sentences */
    size_t *row;       /* n + 1 offsets into edge (NULL when n == 0) */
    kurz__edge *edge;
    double *rowsum;    /* the sum of each row's weights */
    int approx;        /* beyond exact_limit: an approximation of the exact graph */
} kurz__graph;

/* Moves the k strongest of e[0..n) (higher w first, ties to the lower to)
 * into e[0..k), in no particular order; returns min(n, k). */
size_t kurz__keep_strongest(kurz__edge *e, size_t n, size_t k);

/* idf of a term found in df of n sentences; never 0 for df <= n. */
double kurz__idf(uint32_t df, size_t n);
/* idf-weighted cosine similarity of sentences a and b of d (0..1). */
double kurz__cosine(const kurz__doc *d, size_t a, size_t b, const double *norm);
/* Fills norm[i] = the idf-weighted length of sentence i's vector. */
void kurz__norms(const kurz__doc *d, double *norm);

/* Builds the sentence graph of d into *g (which the caller frees with
 * kurz__graph_free, also after a failure). lexnorm: the sentences'
 * kurz__norms when the caller has them already, else NULL. 0 or
 * KURZ_ERR_NOMEM. */
int kurz__graph_build(const kurz__mem *m, const kurz__doc *d, const kurz__graph_opts *o,
                      const double *lexnorm, kurz__graph *g);
void kurz__graph_free(const kurz__mem *m, kurz__graph *g);

/* ---- Centrality (rank.c) ----------------------------------------------- */
/* Centrality of every sentence of g into score[0..g->n) by power iteration
 * with damping 0..1 (sums to 1; uniform when there are no edges).
 * 0 or KURZ_ERR_NOMEM. */
int kurz__rank(const kurz__mem *m, const kurz__graph *g, double damping, double *score);

/* ---- Unit quality (boiler.c, boiler-scan.c, boiler-classify.c) ---------
 * Marks units that must not be selected while real sentences exist:
 * headings, bylines, datelines, navigation, share buttons, comment
 * headers. ok[i] = 1 for a real sentence. The keywords and phrases are
 * data/boiler/. */
typedef struct kurz__kwindex {
    /* bit set: some keyword of boiler/keywords starts with these 2 bytes */
    uint64_t first2[1024];
} kurz__kwindex;
/* Builds the keyword index (a summarizer keeps one; it never changes). */
void kurz__kw_init(kurz__kwindex *kw);
/* kw: an index from kurz__kw_init, or NULL to build one for this call. */
void kurz__eligible(const kurz__doc *d, const kurz__kwindex *kw, const char *text, size_t len,
                    uint8_t *ok);

/* ---- Sentence features (features.c) -------------------------------------
 * Cheap facts about every sentence that the learned scorer (score.c) weighs.
 * tools/train-scorer.py trains on exactly these values, dumped by
 * bench/kurz-features.c through the library's own stages. Adding a
 * feature means retraining (the model table checks KURZ__NFEAT). */
enum {
    KURZ__F_POS_INV,    /* 1/sqrt(1 + position among real sentences); 0 for others */
    KURZ__F_POS_REL,    /* position among real sentences / their number */
    KURZ__F_FIRST,      /* the first real sentence */
    KURZ__F_PARA_FIRST, /* first unit of its paragraph */
    KURZ__F_PARA_REL,   /* paragraph number / number of paragraphs */
    KURZ__F_LEN,        /* log(1 + words) */
    KURZ__F_SHORT,      /* fewer than 8 words */
    KURZ__F_CENT,       /* centrality / the document's highest */
    KURZ__F_CENTROID,   /* idf cosine to the document's centroid */
    KURZ__F_TOPTERMS,   /* share of its content words among the document's top terms */
    KURZ__F_TITLE,      /* idf cosine to the title (0 without one) */
    KURZ__F_LEADSIM,    /* idf cosine to the first real sentence (1 for itself) */
    KURZ__F_DIGITS,     /* holds a digit */
    KURZ__F_QUOTE,      /* holds a quotation mark */
    KURZ__F_CAPS,       /* share of its words after the first that start upper case */
    KURZ__F_NOTERM,     /* no final punctuation */
    KURZ__F_QUESTION,   /* ends with ? */
    KURZ__F_OPENER,     /* opens with a word pointing back (data/opener) */
    KURZ__F_NOTOK,      /* not a real sentence (boiler.c) */
    KURZ__F_CONTENT,    /* content words / words */
    KURZ__F_WORDLEN,    /* mean bytes per word / 10 */
    KURZ__F_PAREN,      /* holds a parenthesis */
    KURZ__F_CENTROID_REL, /* centroid / the document's highest */
    KURZ__F_CENT_RANK,  /* 1/sqrt(1 + rank by centrality among real sentences) */
    KURZ__F_LEN_REL,    /* words / the mean of the document's real sentences, at most 3 */
    KURZ__F_PARA_IDX,   /* 1/(1 + index within its paragraph) */
    KURZ__F_DOC_LEN,    /* log(1 + real sentences of the document) */
    KURZ__NFEAT
};
/* The features' names, in order ("pos_inv", ...). */
extern const char *const kurz__feature_names[KURZ__NFEAT];
/* Top terms of a document for KURZ__F_TOPTERMS. */
#define KURZ__TOP_TERMS 10

/* 1 when the sentence text[start..end) (valid UTF-8) opens with an entry of
 * lang's opener list: a word or phrase that points back to the sentence
 * before ("Er", "Cette", "Selon lui"). t is any tokenizer of lang (it is
 * reset). 0 for a language without a list. */
int kurz__opener(kurz__tokenizer *t, kurz__lang lang, const char *text, size_t start,
                 size_t end);

/* Features of every sentence of d into feat[i * KURZ__NFEAT + f] and the
 * opener flags into opener[i]. centrality: rank.c's scores; ok: boiler.c's;
 * norm: kurz__norms; title_tf: the title's term counts (kurz__doc_terms_of)
 * or NULL. d's tokenizer is used. 0 or KURZ_ERR_NOMEM. */
int kurz__features(const kurz__mem *m, kurz__doc *d, kurz__lang lang, const char *text,
                   const double *centrality, const uint8_t *ok, const double *norm,
                   const float *title_tf, double *feat, uint8_t *opener);

/* ---- Final scores (score.c, score-model.c) --------------------------------
 * The default: a logistic model over the features, trained by
 * tools/train-scorer.py (score-model.c is its output). */
typedef struct kurz__model {
    const char *lang;   /* "de", "fr", or "mul" for every other language */
    int title;          /* 1: trained with titles given, 0: without */
    double bias;
    double w[KURZ__NFEAT];
} kurz__model;
extern const kurz__model kurz__models[];
extern const size_t kurz__nmodels;
extern const char *const kurz__model_features[KURZ__NFEAT]; /* the names it was trained on */

/* The model for lang with or without a title (falls back to "mul"). */
const kurz__model *kurz__model_for(kurz__lang lang, int title);
/* score[i] = the model's probability that sentence i belongs in a summary. */
void kurz__model_score(const kurz__model *mo, const double *feat, size_t n, double *score);

/* The hand-set blend of kurz 0.1, used when the caller sets
 * KURZ_OPT_POSITION_PERMILLE or KURZ_OPT_TITLE_PERMILLE. */
typedef struct kurz__blend_opts {
    double position; /* weight of the position prior, 0..1 */
    double title;    /* weight of the similarity to the lead, 0..1 */
} kurz__blend_opts;

/* Turns centrality into final scores in place: mixes in the position prior
 * and the similarity to the document's first real sentences. */
void kurz__blend(const kurz__doc *d, const uint8_t *ok, const double *norm,
                 const kurz__blend_opts *o, double *score);

/* ---- Selection (select.c) ---------------------------------------------- */
typedef struct kurz__select_opts {
    size_t sentences;        /* 0 = unset */
    unsigned ratio_permille; /* 0 = unset */
    size_t words;            /* 0 = unset */
    int strict;              /* with words: never exceed */
    double redundancy;       /* reject when cosine to a chosen one >= this */
} kurz__select_opts;

#define KURZ__REDUNDANCY_WINDOW 256
/* Sentences taken with a sentence that opens with a word pointing back:
 * its predecessor, and theirs while they point back too. */
#define KURZ__CHAIN_MAX 3

/* The default score: this share of 0.1's blend (position weight 0.6) plus
 * the rest of the learned model's probability. The model alone ranks best
 * by ROUGE but picks different sentences of a text and of its translation
 * (referee xling 50); the mix keeps both (docs/design.md, "Sentence
 * scoring"). */
#define KURZ__BLEND_SHARE 0.65

/* Chooses sentences by descending score (ties: earlier first) under the
 * budget, skipping units with ok[i] == 0 unless no unit is ok, and skipping
 * near-duplicates of the first KURZ__REDUNDANCY_WINDOW chosen ones.
 * opener (may be NULL): opener[i] = 1 when sentence i opens with a word
 * pointing back; such a sentence is taken only together with its
 * predecessor (which is then taken too, if the budget allows and it is
 * eligible, not redundant and scores at least as well as sentence i, as far back as KURZ__CHAIN_MAX sentences),
 * else passed over. Writes their indices in document order to
 * chosen[0..*nchosen) (room for d->sents.n) and adds the number of
 * redundancy comparisons to *compared (a work counter for the tests).
 * 0 or KURZ_ERR_NOMEM. */
int kurz__select(const kurz__mem *m, const kurz__doc *d, const double *score, const uint8_t *ok,
                 const uint8_t *opener, const double *norm, const kurz__select_opts *o,
                 size_t *chosen, size_t *nchosen, uint64_t *compared);

#endif /* KURZ_PRIVATE_H */
