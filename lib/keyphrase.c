/* SPDX-License-Identifier: MIT */
/* Key phrases: what a text is about, in a few words.
 *
 * 1. Candidates. The text is split into sentences (kurz__segment) and words
 *    (kurz__tok_next: NFC + casefold, French elisions dropped, hyphens
 *    split, a German compound one word). A word is a content word, a
 *    joiner (a stop word allowed inside a phrase: French "de", "du", "des"
 *    and an elided "d'", so "centres de données" and "taux d'intérêt" stay
 *    whole) or a break (any other stop word, a number, a one-letter word,
 *    a month, a day of the week (keyphrase-stop/), a verb form
 *    (keyphrase-pos/, unless capitalised inside a sentence: a name)).
 *    Punctuation other than a hyphen between two words, a line end and a
 *    sentence end are breaks too; a hyphen glues a stop word between two
 *    words ("Saône-et-Loire") and a number after a word ("Covid-19"); a
 *    capitalised name particle between capitalised words joins them
 *    ("Marine Le Pen"). In French, Spanish, Italian and Portuguese a
 *    capitalised article inside a sentence (not first on its line), right
 *    before a capitalised content word, starts a name: "à La Rochelle",
 *    "a La Paz", "jornal O Globo" (not German: "Die Zeit" looks like any
 *    noun; not "Le gouvernement" or "La France" opening a sentence, nor a
 *    lower-case "la Loire"). In German a genitive name in -s after a vowel
 *    ("Dalis") stands alone. French "nous ...ons", "vous ...ez" and words
 *    in "-aient" are verb forms.
 *    Sentences the summarizer's boilerplate filter rejects (navigation,
 *    bylines, datelines, credits, teasers, ads, comments) give nothing; a
 *    heading gives its words whole when it stands over a real sentence
 *    (past a dateline or a byline: a title), else only the words that real
 *    sentences use too. A heading in capitals says nothing about names.
 *    A candidate is a maximal run of content
 *    words and single joiners, starting and ending with a content word. In
 *    German, where nouns are capitalised, a run ends with its last
 *    capitalised word, and a lower-case word after a capitalised one
 *    starts a new run (an article's adjective belongs to the noun after it,
 *    not before); runs without a capitalised word are dropped. A run
 *    longer than the word cap is a clause, not a phrase (see 3.).
 * 2. Phrases. Candidates with the same sequence of Snowball stems are one
 *    phrase ("Rechenzentrum" and "Rechenzentren"); its text is its most
 *    frequent surface form (ties: the earliest), so names keep their
 *    capitals and words their accents. A name's leading article is in
 *    the surface, not in the stems: "La Rochelle" and a sentence-initial
 *    "Rochelle" are one phrase, written as the text mostly does; every
 *    candidate that starts with the name's first word takes the article.
 * 3. Scores. Every content word of a run also stands alone as a
 *    candidate (most key phrases are single words). Content words' stems
 *    are the nodes of a co-occurrence graph (an edge between stems fewer
 *    than KP_WINDOW content words apart in a sentence), ranked by a
 *    PageRank biased towards words that occur early and often
 *    (PositionRank: each occurrence adds 1 / its position to the word's
 *    teleport weight). A word's rank is then weighed by the length of its
 *    stem (long words are rarer, more specific ones) and by how often it is
 *    capitalised inside a sentence (names). A phrase scores the mean of its
 *    words' and (1 + ln count)^KP_FREQ_EXP for how often it occurs whole;
 *    a single word loses up to KP_MOD_PEN of it for being mostly a
 *    modifier (right after another content word in French and Portuguese,
 *    right before one in German: an adjective, rarely a key phrase alone).
 *    Where keyphrase-pos/ has the language, a single word (a longer
 *    phrase: its head) also weighs by how noun-like it is (how often
 *    general text puts it after a determiner; a name is a noun), down to
 *    KP_NOUN_FLOOR (KP_HEAD_FLOOR); a single word also by how often it
 *    follows a number (a unit: "ans", "euros") and whether it is a shell
 *    noun (keyphrase-generic/: "étude", "article"); an ordinal
 *    (keyphrase-sort/: "deuxième", "dernier") is no phrase alone. A line mostly in
 *    capitals gives single words only. A phrase of several words seen only
 *    once counts KP_ONCE of its score, and KP_LONG per word beyond two
 *    unless it is a name. A word that never occurs outside one recurring
 *    longer phrase, or a name seen once, yields to it ("Musk" to "Elon
 *    Musk"; in "style de Tazina" only the head "style" yields). German
 *    derived and place adjectives ("Schwäbischen", "Starnberger") are no
 *    phrase alone. Stretches of runs longer than the word
 *    cap are candidates only when they recur; outside German, so is a
 *    stretch of capitalised words inside a run (a name after a title).
 *    Where data/docfreq/ has the language, a word's rank is also
 *    weighed by its general-language inverse document frequency (that of
 *    its most common form; an unlisted word counts as rarer than every
 *    listed one), so "année", "Jahr", "Gebiet" yield to what the text is
 *    about.
 * 4. The best ones by score, ties to the earlier first occurrence,
 *    skipping a phrase whose content words (fewer than a better kept
 *    phrase's) all lie in that better one, in any order ("Musk" after
 *    "Elon Musk", "Paul Berthier" after "Paul Antoine Berthier"); a
 *    recurring name (capitalised first and last word) that holds a better
 *    kept name takes that one's place ("Cédric" becomes "Cédric Herrou")
 *    and drops the name's other parts kept; in German, where every noun
 *    is capitalised, only a name of words too rare for docfreq/de without
 *    adjective endings, in place of its last word ("Salvador Dali"). A
 *    phrase with a joiner does not hide its words ("style de Tazina",
 *    "Tazina"); in German a lower-case adjective before a noun kept alone
 *    is no new phrase ("neueren Freikirchen" after "Freikirchen").
 *
 * Linear time: every word costs one lookup in a table of word forms (the
 * stemmer runs once per distinct form, so do at most five lookups in
 * keyphrase-pos/), one per candidate in the phrase
 * table and its surface table; the graph has at most KP_WINDOW edges per
 * word and the ranking runs a fixed number of rounds; the best k come from
 * a heap of 4k; the boilerplate filter is linear (boiler.c). Only the
 * first KURZ__KP_WINDOW bytes are read. Every
 * allocation goes through kurz__mem; nothing is global. */
#include <math.h>
#include <string.h>

#include <utf8proc.h>

#include "keyphrase.h"
#include "boiler-impl.h" /* the reasons R_* of kurz__boiler_reasons */

/* Chosen on the two shared keyphrase sets (French abstracts, Portuguese
 * news); each moved F@10 by a point or less around these values, except
 * KP_DAMPING (0.85 -> 0.5: Portuguese news +0.9, abstracts unchanged).
 * KP_FREQ_EXP, KP_ONCE and KP_MOD_PEN were also checked on French news
 * (OrangeSum valid: share of the top 10 found in the article's lead). */
#define KP_WINDOW 3  /* co-occurrence window, in content words */
#define KP_ROUNDS 30 /* PageRank rounds at most */
#define KP_EPSILON 1e-4 /* or until the ranks move less than this (L1) */
#define KP_DAMPING 0.5 /* the walk's share; position and frequency weigh as much */
#define KP_CAP_BONUS 2.0 /* rank * (1 + this * share of capitalised mid-sentence uses) */
#define KP_FREQ_EXP 2.5  /* score * (1 + ln count)^this */
#define KP_ONCE 0.3 /* a multi-word phrase seen once: its score times this */
#define KP_IDF_EXP 1.0 /* rank * (idf / idf of a rare word)^this (docfreq/) */
#define KP_MOD_PEN 0.7   /* a single word: mean * (1 - this * share of modifier uses) */
#define KP_NOUN_FLOOR 0.3 /* a single word: mean * (this + (1 - this) * noun-likeness) */
#define KP_HEAD_FLOOR 0.6 /* a longer phrase: the same for its head word */
#define KP_UNIT_PEN 0.5 /* a single word: mean * (1 - this * share of uses after a number) */
#define KP_GENERIC 0.3 /* a shell noun alone ("étude", "article"): score * this */
#define KP_LONG 0.3 /* score * this per word beyond two (joiners count), but for names */

/* CLS_VERB: a verb form (keyphrase-pos/): a break, unless capitalised
 * inside a sentence (a name); CLS_LEAD: a capitalised article that starts
 * a name inside a sentence ("La" of "La Rochelle", data/name-article/) */
enum { CLS_BREAK = 0, CLS_CONTENT = 1, CLS_JOINER = 2, CLS_VERB = 3, CLS_LEAD = 4 };
enum { KEEP_NONE = 0, KEEP_ALL = 1, KEEP_BODY = 2 }; /* a sentence's words (boilerplate) */
enum { GAP_SPACE = 0, GAP_BREAK = 1, GAP_JOIN = 2, GAP_HYPHEN = 3 };
#define ID_ELIDED 0xFFFFFFFEu /* an elided joiner in a phrase key */
#define ID_JOINER 0x80000000u /* a joiner's stem id in a phrase key */
#define ID_MAX 0x00FFFFFFu /* stem ids; the words table keeps a noun-likeness above */
#define NOUN_SHIFT 24
#define NOUN_NONE 15u /* no noun-likeness known */
#define DOCC_SHIFT 28   /* and whether the document model counts it as content */
#define GEN_SHIFT 29    /* and whether it is a German genitive in -s after a vowel */

/* ---- a table of byte-string keys ------------------------------------- */
typedef struct kslot {
    uint64_t h;   /* 0 = empty */
    size_t off;   /* key bytes in the pool */
    size_t len;
    uint32_t val;
} kslot;

typedef struct ktab {
    kslot *s;
    size_t cap, n;
    uint8_t *pool;
    size_t pool_n, pool_cap;
} ktab;

typedef struct kp_ctx {
    const kurz__mem *m;
    kurz__lang lang;
    /* data/ lists of the language (NULL when it has none): stop words
     * allowed inside a phrase, a fallback stop list (keyphrase-stop/),
     * number words */
    const kurz__wordlist *joiners, *stop2, *numbers;
    const kurz__wordlist *months; /* boiler/month: "Oktober" is when, not what */
    const kurz__wordlist *particles; /* name-particle/mul: "Le" of "Marine Le Pen" */
    const kurz__wordlist *df; /* docfreq/: how common words are in general */
    const kurz__wordlist *pos; /* keyphrase-pos/: how noun-like words are */
    const kurz__wordlist *generic; /* keyphrase-generic/: shell nouns */
    const kurz__wordlist *sorts;   /* keyphrase-sort/: ordinals */
    double idf_max;           /* the inverse document frequency of an unlisted word */
    int head_first; /* nouns come before their adjectives (Romance languages) */
    const kurz__wordlist *articles; /* name-article/: "La" of "La Rochelle", or NULL */
    kurz__stemmer *st;
    uint64_t seed;
    kurz__kp_stats *stats;
} kp_ctx;

static uint64_t kp_hash(uint64_t seed, const uint8_t *p, size_t n)
{
    uint64_t h = seed ^ (n * 0x9E3779B97F4A7C15ull);
    for (; n >= 8; p += 8, n -= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        h = (h ^ w) * 0xFF51AFD7ED558CCDull;
        h ^= h >> 32;
    }
    uint64_t w = 0;
    if (n)
        memcpy(&w, p, n);
    h = (h ^ w) * 0xC4CEB9FE1A85EC53ull;
    h ^= h >> 29;
    h *= 0xFF51AFD7ED558CCDull;
    h ^= h >> 32;
    return h ? h : 1;
}

static void ktab_free(const kurz__mem *m, ktab *t)
{
    kurz__free(m, t->s);
    kurz__free(m, t->pool);
    *t = (ktab){0};
}

static int ktab_rehash(const kurz__mem *m, ktab *t, size_t ncap)
{
    kslot *ns = kurz__calloc(m, ncap, sizeof *ns);
    if (!ns)
        return KURZ_ERR_NOMEM;
    for (size_t i = 0; i < t->cap; i++) {
        if (!t->s[i].h)
            continue;
        size_t j = (size_t)t->s[i].h & (ncap - 1);
        while (ns[j].h)
            j = (j + 1) & (ncap - 1);
        ns[j] = t->s[i];
    }
    kurz__free(m, t->s);
    t->s = ns;
    t->cap = ncap;
    return 0;
}

/* Finds key[0..n); when absent, inserts it with value newval. *val gets the
 * value, *added whether it was inserted. 0 or KURZ_ERR_NOMEM. */
static int ktab_get(kp_ctx *c, ktab *t, const uint8_t *key, size_t n, uint32_t newval,
                    uint32_t *val, int *added)
{
    if ((t->n + 1) * 2 > t->cap && ktab_rehash(c->m, t, t->cap ? t->cap * 2 : 256))
        return KURZ_ERR_NOMEM;
    uint64_t h = kp_hash(c->seed, key, n);
    size_t j = (size_t)h & (t->cap - 1);
    for (; t->s[j].h; j = (j + 1) & (t->cap - 1)) {
        if (c->stats)
            c->stats->probes++;
        const kslot *s = &t->s[j];
        if (s->h == h && s->len == n && !memcmp(t->pool + s->off, key, n)) {
            *val = s->val;
            *added = 0;
            return 0;
        }
    }
    if (KURZ__GROW(c->m, t->pool, t->pool_cap, t->pool_n + n + 1))
        return KURZ_ERR_NOMEM;
    if (n)
        memcpy(t->pool + t->pool_n, key, n);
    t->s[j] = (kslot){h, t->pool_n, n, newval};
    t->pool_n += n;
    t->n++;
    *val = newval;
    *added = 1;
    return 0;
}

/* ---- words --------------------------------------------------------------- */

static int in_list(const kurz__wordlist *l, const uint8_t *w, size_t n)
{
    return kurz__wl_find(l, w, n) >= 0;
}

static int classify(const kp_ctx *c, const uint8_t *w, size_t n)
{
    if (in_list(c->joiners, w, n))
        return CLS_JOINER;
    if (kurz__is_stopword(c->lang, w, n) || in_list(c->stop2, w, n) || in_list(c->numbers, w, n) ||
        in_list(c->months, w, n))
        return CLS_BREAK;
    size_t d = 0;
    while (d < n && w[d] >= '0' && w[d] <= '9')
        d++;
    if (d == n)
        return CLS_BREAK; /* a number */
    int32_t cp;
    if (kurz__utf8_decode(w, n, &cp) == n)
        return CLS_BREAK; /* one letter */
    size_t r = 0;
    while (r < n && (w[r] == 'i' || w[r] == 'v' || w[r] == 'x'))
        r++;
    if (r == n && n <= 4)
        return CLS_BREAK; /* a Roman numeral: "ii", "xiv" */
    return CLS_CONTENT;
}

static int starts_upper(const uint8_t *p, size_t n)
{
    if (p[0] < 0x80)
        return p[0] >= 'A' && p[0] <= 'Z';
    int32_t cp;
    kurz__utf8_decode(p, n, &cp);
    utf8proc_category_t k = utf8proc_category(cp);
    return k == UTF8PROC_CATEGORY_LU || k == UTF8PROC_CATEGORY_LT;
}

/* p[0..n) has letters and no lower-case one ("NÉCROPOLES", "AFP"). */
static int all_upper(const uint8_t *p, size_t n)
{
    int letters = 0;
    for (size_t i = 0; i < n;) {
        int32_t cp;
        size_t l = kurz__utf8_decode(p + i, n - i, &cp);
        if (!l)
            return 0;
        i += l;
        utf8proc_category_t k = utf8proc_category(cp);
        if (k == UTF8PROC_CATEGORY_LL)
            return 0;
        letters += k == UTF8PROC_CATEGORY_LU;
    }
    return letters > 1;
}

/* What lies between two words text[a..b): white space and hyphens keep a
 * phrase together, an elided "d'" is a joiner, anything else breaks it. */
static int gap_kind(const uint8_t *t, size_t a, size_t b)
{
    if (b == a + 1 && t[a] == '-')
        return GAP_HYPHEN; /* Saint-Martin, Baden-Württemberg: one word */
    int letters = 0, kind = GAP_SPACE;
    for (size_t i = a; i < b; i++) {
        uint8_t ch = t[i];
        if (ch == ' ' || ch == '\t' || ch == '-')
            continue;
        if (ch == 0xC2 && i + 1 < b && t[i + 1] == 0xA0) { /* no-break space */
            i++;
            continue;
        }
        if (ch == '\'') {
            kind = GAP_JOIN;
            continue;
        }
        if (ch == 0xE2 && i + 2 < b && t[i + 1] == 0x80 && t[i + 2] == 0x99) { /* ’ */
            kind = GAP_JOIN;
            i += 2;
            continue;
        }
        if (ch == 'd' || ch == 'D') {
            letters++;
            continue;
        }
        return GAP_BREAK; /* punctuation, a line end, or an elided l' qu' ... */
    }
    if (kind == GAP_JOIN && letters != 1)
        return GAP_BREAK; /* an apostrophe without a single elided d */
    return letters ? GAP_JOIN : GAP_SPACE;
}

/* ---- the extraction -------------------------------------------------- */
typedef struct ktok {
    size_t s, e;
    uint32_t stem; /* stem id (content and joiner words) */
    uint8_t cls, cap, gap;
    uint8_t noun; /* noun-likeness in tenths, or NOUN_NONE */
    uint8_t digits; /* a number (with a stem of its own) */
    uint8_t num;    /* a number or a number word */
    uint8_t genitive; /* a German genitive in -s (see word_info) */
} ktok;

typedef struct kstem {
    double pers;   /* teleport weight */
    uint32_t occ;  /* occurrences as a content word */
    uint32_t capn; /* of them capitalised, not first in their sentence */
    uint32_t len;  /* the stem's length in bytes */
    uint32_t single; /* the phrase of this word alone, or UINT32_MAX */
    uint32_t mod;    /* occurrences as a modifier (see flush_run) */
    uint32_t unit;   /* occurrences right after a number ("ans", "euros", "km") */
    double idf;      /* of its most common form (docfreq/), or -1: none listed */
    double noun;     /* sum of its forms' noun-likeness (keyphrase-pos/) over occurrences */
    uint32_t noun_n; /* occurrences with a noun-likeness known */
    uint8_t body;    /* it occurs in a real sentence (not boilerplate) */
    uint8_t generic; /* a form of it is a shell noun (keyphrase-generic/) */
    uint8_t sorts;   /* a form of it is an ordinal (keyphrase-sort/) */
} kstem;

typedef struct kp_work {
    kp_ctx c;
    kurz__tokenizer tok;
    kurz__sentvec sents;
    ktab words;  /* normal form -> stem id | class << 30 */
    ktab stems;  /* stem -> stem id */
    ktab phrases; /* stem-id sequence -> phrase id */
    ktab surfaces; /* phrase id + bytes -> surface id */
    ktok *tk;
    size_t tk_cap;
    uint8_t *key;
    size_t key_cap;
    uint32_t nstems;
    kstem *sv; /* per stem */
    size_t sv_cap;
    uint32_t *edge; /* pairs of stem ids */
    size_t nedge, edge_cap;
    uint32_t *cwin; /* the last content words of the sentence */
    /* per sentence: its first word in tk, and for the boilerplate filter */
    size_t *t_off;
    uint32_t *nwords, *ncontent;
    uint8_t *ok;
    /* per phrase */
    uint32_t nphr;
    size_t *p_start, *p_end, *p_count;
    uint32_t *p_best, *p_bestcnt; /* surface id with the most occurrences */
    uint32_t *p_koff, *p_klen;    /* its stem ids in the phrase key pool */
    uint32_t *p_whole;            /* occurrences not as a stretch of a longer run */
    size_t p_cap[8];
    /* per surface */
    uint32_t nsurf;
    size_t *s_start, *s_end;
    uint32_t *s_count;
    size_t s_cap[3];
} kp_work;

/* Counts tk[a..b] as an occurrence of its phrase. A leading article
 * (CLS_LEAD) is part of the surface, not of the key: "La Rochelle" and
 * "Rochelle" are one phrase. */
static int add_phrase_occ(kp_work *w, const ktok *tk, size_t a, size_t b, int stretch)
{
    kp_ctx *c = &w->c;
    size_t k0 = a + (tk[a].cls == CLS_LEAD && a < b);
    /* the key: stem ids of the words, an elided joiner as ID_ELIDED */
    size_t nk = 0;
    for (size_t i = k0; i <= b; i++) {
        if (KURZ__GROW(c->m, w->key, w->key_cap, (nk + 2) * 4))
            return KURZ_ERR_NOMEM;
        uint32_t id;
        if (i > k0 && tk[i].gap == GAP_JOIN) {
            id = ID_ELIDED;
            memcpy(w->key + 4 * nk++, &id, 4);
        }
        id = tk[i].stem | (tk[i].cls == CLS_JOINER ? ID_JOINER : 0);
        memcpy(w->key + 4 * nk++, &id, 4);
    }
    uint32_t pid;
    int added;
    if (ktab_get(c, &w->phrases, w->key, 4 * nk, w->nphr, &pid, &added))
        return KURZ_ERR_NOMEM;
    if (added) {
        size_t need = (size_t)w->nphr + 1;
        if (KURZ__GROW(c->m, w->p_start, w->p_cap[0], need) ||
            KURZ__GROW(c->m, w->p_end, w->p_cap[1], need) ||
            KURZ__GROW(c->m, w->p_count, w->p_cap[2], need) ||
            KURZ__GROW(c->m, w->p_best, w->p_cap[3], need) ||
            KURZ__GROW(c->m, w->p_bestcnt, w->p_cap[4], need) ||
            KURZ__GROW(c->m, w->p_koff, w->p_cap[5], need) ||
            KURZ__GROW(c->m, w->p_klen, w->p_cap[6], need) ||
            KURZ__GROW(c->m, w->p_whole, w->p_cap[7], need)) {
            /* the table holds an id without arrays: undo the insert */
            w->phrases.n--;
            for (size_t j = 0; j < w->phrases.cap; j++)
                if (w->phrases.s[j].h && w->phrases.s[j].val == pid)
                    w->phrases.s[j].h = 0;
            return KURZ_ERR_NOMEM;
        }
        w->p_start[pid] = tk[a].s;
        w->p_end[pid] = tk[b].e;
        w->p_count[pid] = 0;
        w->p_bestcnt[pid] = 0;
        w->p_best[pid] = 0;
        w->p_whole[pid] = 0;
        w->p_koff[pid] = (uint32_t)((w->phrases.pool_n - 4 * nk) / 4);
        w->p_klen[pid] = (uint32_t)nk;
        if (nk == 1 && tk[k0].cls == CLS_CONTENT)
            w->sv[tk[k0].stem].single = pid;
        w->nphr++;
    }
    w->p_count[pid]++;
    w->p_whole[pid] += !stretch;
    /* the surface form: phrase id + the bytes as written */
    size_t sl = tk[b].e - tk[a].s;
    if (sl > SIZE_MAX - 8 || KURZ__GROW(c->m, w->key, w->key_cap, sl + 4))
        return KURZ_ERR_NOMEM;
    memcpy(w->key, &pid, 4);
    memcpy(w->key + 4, w->tok.text + tk[a].s, sl);
    uint32_t sid;
    if (ktab_get(c, &w->surfaces, w->key, sl + 4, w->nsurf, &sid, &added))
        return KURZ_ERR_NOMEM;
    if (added) {
        size_t need = (size_t)w->nsurf + 1;
        if (KURZ__GROW(c->m, w->s_start, w->s_cap[0], need) ||
            KURZ__GROW(c->m, w->s_end, w->s_cap[1], need) ||
            KURZ__GROW(c->m, w->s_count, w->s_cap[2], need)) {
            w->surfaces.n--;
            for (size_t j = 0; j < w->surfaces.cap; j++)
                if (w->surfaces.s[j].h && w->surfaces.s[j].val == sid)
                    w->surfaces.s[j].h = 0;
            return KURZ_ERR_NOMEM;
        }
        w->s_start[sid] = tk[a].s;
        w->s_end[sid] = tk[b].e;
        w->s_count[sid] = 0;
        w->nsurf++;
    }
    if (++w->s_count[sid] > w->p_bestcnt[pid]) {
        w->p_bestcnt[pid] = w->s_count[sid];
        w->p_best[pid] = sid;
    }
    if (c->stats)
        c->stats->candidates++;
    return 0;
}

/* A German lower-case word that may be an adjective before a noun: an
 * inflected ending (neue, neuen, neuer, neues, neuem), not a past tense's
 * -te / -ten (sagte, bauten). */
static int de_adjective(const uint8_t *t, size_t s, size_t e)
{
    size_t n = e - s;
    const uint8_t *p = t + s;
    if (n >= 3 && p[n - 1] == 'e')
        return p[n - 2] != 't';
    if (n >= 4 && p[n - 2] == 'e' && (p[n - 1] == 'n' || p[n - 1] == 'r' || p[n - 1] == 's' ||
                                      p[n - 1] == 'm'))
        return !(p[n - 1] == 'n' && p[n - 3] == 't');
    return 0;
}

/* tk[i] continues the capitalised stretch before it. */
static int name_goes_on(const ktok *tk, size_t i)
{
    return tk[i].cls == CLS_CONTENT && tk[i].cap && tk[i].gap != GAP_JOIN &&
           tk[i - 1].cls == CLS_CONTENT && tk[i - 1].cap;
}

/* tk[i..j] is a whole capitalised stretch of the run tk[a..b] (flush_run
 * emits those as names outside German). */
static int is_name(const kp_work *w, const ktok *tk, size_t a, size_t b, size_t i, size_t j)
{
    if (w->c.lang == KURZ__LANG_DE || !tk[i].cap || tk[i].cls != CLS_CONTENT)
        return 0;
    if (i > a && name_goes_on(tk, i))
        return 0;
    for (size_t q = i + 1; q <= j; q++)
        if (!name_goes_on(tk, q))
            return 0;
    return j == b || !name_goes_on(tk, j + 1);
}

/* Emits the candidate tk[a..b] (b the last content word) after the
 * language's trimming, and each of its words (hyphenated groups count as
 * one) alone. */
static int flush_run(kp_work *w, const ktok *tk, size_t a, size_t b, size_t max_words)
{
    /* A name's leading article ("La Rochelle", see is_lead) starts every
     * candidate that starts with the name's first word: the run, the
     * name, the first word alone ("La Tène" of "La Tène finale"). */
    size_t lead = SIZE_MAX;
    if (tk[a].cls == CLS_LEAD && a < b)
        lead = a++;
#define FROM(i, j) (lead != SIZE_MAX && (i) == a ? lead : (i))
    if (w->c.lang == KURZ__LANG_DE) {
        while (b > a && !tk[b].cap)
            b--;
        if (!tk[b].cap)
            return 0;
        size_t na = b;
        while (na > a && (tk[na - 1].cap || (tk[na].gap == GAP_HYPHEN) ||
                          de_adjective(w->tok.text, tk[na - 1].s, tk[na - 1].e)))
            na--;
        a = na;
    }
    size_t nw = 0;
    for (size_t i = a; i <= b; i++)
        nw += (i == a || tk[i].gap != GAP_HYPHEN) + (i > a && tk[i].gap == GAP_JOIN);
    /* A modifier is a content word right after (Romance) or right before
     * (German, English) another one: an adjective rather than a noun. */
    for (size_t i = a; i < b; i++) {
        if (tk[i].cls != CLS_CONTENT || tk[i + 1].cls != CLS_CONTENT ||
            tk[i + 1].gap != GAP_SPACE)
            continue;
        w->sv[w->c.head_first ? tk[i + 1].stem : tk[i].stem].mod++;
    }
    for (size_t i = a; nw > 1 && i <= b;) {
        size_t j = i;
        while (j < b && tk[j + 1].gap == GAP_HYPHEN)
            j++;
        if (tk[i].cls == CLS_CONTENT && tk[j].cls == CLS_CONTENT &&
            (w->c.lang != KURZ__LANG_DE || tk[i].cap || tk[j].cap) &&
            add_phrase_occ(w, tk, FROM(i, j), j, 0))
            return KURZ_ERR_NOMEM;
        i = j + 1;
    }
    /* Outside German, a stretch of capitalised words inside a longer run
     * is a name ("Premier ministre Edouard Philippe"): a candidate of its
     * own. */
    for (size_t i = a; w->c.lang != KURZ__LANG_DE && i <= b;) {
        if (!tk[i].cap || tk[i].cls != CLS_CONTENT) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < b && name_goes_on(tk, j + 1))
            j++;
        size_t words = 0;
        for (size_t q = i; q <= j; q++)
            words += q == i || tk[q].gap != GAP_HYPHEN;
        if (words >= 2 && words <= max_words && (i > a || j < b) &&
            add_phrase_occ(w, tk, FROM(i, j), j, 0))
            return KURZ_ERR_NOMEM;
        i = j + 1;
    }
    if (nw <= max_words && add_phrase_occ(w, tk, FROM(a, b), b, 0))
        return KURZ_ERR_NOMEM;
    /* Every shorter stretch of 2..max_words words that starts and ends
     * with a content word (and does not cut a hyphenated word) is a
     * candidate too, scored only if it recurs ("centres de données" in
     * "nouveaux centres de données" and alone elsewhere). */
    for (size_t i = a; nw > 2 && i <= b; i++) {
        if (tk[i].cls != CLS_CONTENT || (i > a && tk[i].gap == GAP_HYPHEN))
            continue;
        size_t words = 1;
        for (size_t j = i + 1; j <= b; j++) {
            words += (tk[j].gap != GAP_HYPHEN) + (tk[j].gap == GAP_JOIN);
            if (words > max_words)
                break;
            if (words < 2 || tk[j].cls != CLS_CONTENT || (j < b && tk[j + 1].gap == GAP_HYPHEN))
                continue; /* a hyphenated word alone was emitted above */
            if (w->c.lang == KURZ__LANG_DE && !tk[j].cap)
                continue;
            if ((i == a && j == b) || is_name(w, tk, a, b, i, j))
                continue; /* emitted as the run or a name already */
            if (add_phrase_occ(w, tk, FROM(i, j), j, 1))
                return KURZ_ERR_NOMEM;
        }
    }
    return 0;
#undef FROM
}

/* The candidates of one sentence's words tk[0..n). */
static int sentence_runs(kp_work *w, const ktok *tk, size_t n, size_t max_words)
{
    size_t a = 0, last = 0;
    int open = 0, pending = 0; /* a run is open; a joiner follows its last word */
    for (size_t j = 0; j < n; j++) {
        int gap = tk[j].gap;
        if (open && (gap == GAP_BREAK || (gap == GAP_JOIN && (pending || tk[j].cls != CLS_CONTENT)))) {
            if (flush_run(w, tk, a, last, max_words))
                return KURZ_ERR_NOMEM;
            open = 0;
        }
        if (open && gap == GAP_JOIN)
            pending = 1;
        switch (tk[j].cls) {
        case CLS_BREAK:
            if (open && flush_run(w, tk, a, last, max_words))
                return KURZ_ERR_NOMEM;
            open = 0;
            break;
        case CLS_LEAD: /* a name starts here: "La" of "La Rochelle" */
            if (open && flush_run(w, tk, a, last, max_words))
                return KURZ_ERR_NOMEM;
            open = 1;
            a = last = j;
            pending = 0;
            break;
        case CLS_JOINER:
            if (open && pending) {
                if (flush_run(w, tk, a, last, max_words))
                    return KURZ_ERR_NOMEM;
                open = 0;
            } else if (open) {
                pending = 1;
            }
            break;
        default:
            if (open && w->c.lang == KURZ__LANG_DE && !pending && tk[last].cap && !tk[j].cap) {
                if (flush_run(w, tk, a, last, max_words))
                    return KURZ_ERR_NOMEM;
                open = 0;
            }
            if (!open) {
                open = 1;
                a = j;
            }
            last = j;
            pending = 0;
            break;
        }
    }
    if (open && flush_run(w, tk, a, last, max_words))
        return KURZ_ERR_NOMEM;
    return 0;
}

/* The noun-likeness of the content word word[0..n) in tenths (0..10),
 * NOUN_NONE when unknown, or -1 for a verb form: its own entry in
 * keyphrase-pos/, else that of its longest listed ending ("-ées") of 4, 3
 * or 2 letters after at least 2 more. */
static int pos_of(const kp_ctx *c, const uint8_t *word, size_t n)
{
    if (!c->pos)
        return (int)NOUN_NONE;
    long e = kurz__wl_find(c->pos, word, n);
    if (e < 0) {
        /* letter starts, from the end */
        size_t at[7];
        int k = 0;
        for (size_t i = n; i > 0 && k < 7;) {
            i--;
            while (i > 0 && (word[i] & 0xC0) == 0x80)
                i--;
            at[k++] = i;
        }
        uint8_t key[1 + 4 * 4];
        for (int L = 4; L >= 2 && e < 0; L--) {
            size_t sl = n - at[L - 1 < k ? L - 1 : 0];
            if (k < L + 2 || sl > 4 * 4)
                continue; /* too short a word for this ending */
            key[0] = '-';
            memcpy(key + 1, word + at[L - 1], sl);
            e = kurz__wl_find(c->pos, key, sl + 1);
        }
        if (e < 0)
            return (int)NOUN_NONE;
    }
    uint64_t v = c->pos->val[e];
    return v == 12 ? -1 : (int)v - 1; /* n0..n10 are 1..11, v is 12 */
}

/* Looks up (or classifies and stems) the normal form word[0..n). */
static int word_info(kp_work *w, const uint8_t *word, size_t n, uint32_t *stem, int *cls,
                     uint32_t *noun, int *docc, int *genitive)
{
    kp_ctx *c = &w->c;
    uint32_t v;
    int added;
    if (ktab_get(c, &w->words, word, n, UINT32_MAX, &v, &added))
        return KURZ_ERR_NOMEM;
    if (!added) {
        *stem = v & ID_MAX;
        *noun = (v >> NOUN_SHIFT) & 15;
        *cls = (int)(v >> 30);
        *docc = (int)(v >> DOCC_SHIFT) & 1;
        *genitive = (int)(v >> GEN_SHIFT) & 1;
        return 0;
    }
    /* new form: find the slot to fill in after stemming */
    int k = classify(c, word, n);
    uint32_t sid = 0, nb = NOUN_NONE, gen = 0;
    /* a content word for the document model (doc.c): no stop word, no
     * number */
    uint32_t dc = !kurz__is_stopword(c->lang, word, n);
    for (size_t i = 0, digits = 1; dc && digits && i <= n; i++)
        if (i == n)
            dc = 0;
        else if (word[i] < '0' || word[i] > '9')
            digits = 0;
    if (k == CLS_CONTENT) {
        int pv = pos_of(c, word, n);
        if (pv < 0)
            k = CLS_VERB;
        else
            nb = (uint32_t)pv;
    }
    /* numbers get a stem too: "Covid-19" (see glue) */
    if (k != CLS_BREAK || (n && word[0] >= '0' && word[0] <= '9')) {
        const uint8_t *s;
        size_t sl;
        if (kurz__stem(c->st, word, n, &s, &sl) == 0) {
            int a2;
            /* Snowball keeps German -um against the plural's -en (Zentrum /
             * Zentren, Museum / Museen, Studium / Studien): drop it */
            if (c->lang == KURZ__LANG_DE && sl >= 6 && s[sl - 2] == 'u' && s[sl - 1] == 'm')
                sl -= 2;
            /* nor does it drop a genitive -s after a vowel it keeps
             * (Dalis / Dali, Angolas / Angola, Ottos / Otto) */
            else if (c->lang == KURZ__LANG_DE && sl >= 5 && s[sl - 1] == 's' &&
                     (s[sl - 2] == 'a' || s[sl - 2] == 'i' || s[sl - 2] == 'o')) {
                sl -= 1;
                gen = 1;
            }
            if (w->nstems >= ID_MAX)
                k = CLS_BREAK;
            else if (ktab_get(c, &w->stems, s, sl, w->nstems, &sid, &a2))
                goto nomem;
            else if (a2) {
                if (KURZ__GROW(c->m, w->sv, w->sv_cap, (size_t)w->nstems + 1)) {
                    w->stems.n--;
                    for (size_t j = 0; j < w->stems.cap; j++)
                        if (w->stems.s[j].h && w->stems.s[j].val == sid)
                            w->stems.s[j].h = 0;
                    goto nomem;
                }
                w->sv[sid] = (kstem){.len = (uint32_t)(sl < 64 ? sl : 64), .single = UINT32_MAX, .idf = -1};
                w->nstems++;
            }
        } else {
            goto nomem;
        }
    }
    if (k != CLS_BREAK && k != CLS_JOINER && in_list(c->generic, word, n))
        w->sv[sid].generic = 1;
    if (k != CLS_BREAK && k != CLS_JOINER && in_list(c->sorts, word, n))
        w->sv[sid].sorts = 1;
    if (k != CLS_BREAK && k != CLS_JOINER && c->df) {
        long e = kurz__wl_find(c->df, word, n);
        if (e >= 0) {
            double idf = (double)c->df->val[e] / 2;
            if (w->sv[sid].idf < 0 || idf < w->sv[sid].idf)
                w->sv[sid].idf = idf;
        }
    }
    {
        uint64_t h = kp_hash(c->seed, word, n);
        size_t j = (size_t)h & (w->words.cap - 1);
        while (!(w->words.s[j].h == h && w->words.s[j].len == n &&
                 !memcmp(w->words.pool + w->words.s[j].off, word, n)))
            j = (j + 1) & (w->words.cap - 1);
        w->words.s[j].val =
            sid | nb << NOUN_SHIFT | dc << DOCC_SHIFT | gen << GEN_SHIFT | (uint32_t)k << 30;
    }
    *stem = sid;
    *cls = k;
    *noun = nb;
    *docc = (int)dc;
    *genitive = (int)gen;
    return 0;
nomem: {
    /* forget the half-made entry so that a retry starts clean */
    uint64_t h = kp_hash(c->seed, word, n);
    size_t j = (size_t)h & (w->words.cap - 1);
    while (!(w->words.s[j].h == h && w->words.s[j].len == n))
        j = (j + 1) & (w->words.cap - 1);
    w->words.s[j].h = 0;
    w->words.n--;
    return KURZ_ERR_NOMEM;
}
}

static int add_edge(kp_work *w, uint32_t u, uint32_t v)
{
    if (u == v)
        return 0;
    if (KURZ__GROW(w->c.m, w->edge, w->edge_cap, 2 * (w->nedge + 1)))
        return KURZ_ERR_NOMEM;
    w->edge[2 * w->nedge] = u;
    w->edge[2 * w->nedge + 1] = v;
    w->nedge++;
    return 0;
}

/* tk[i] is a capitalised name particle (name-particle/mul: "Le", "Van",
 * "De") between two capitalised words inside a sentence: part of a name. */
static int is_particle(const kp_ctx *c, const char *text, const ktok *tk, size_t i)
{
    const ktok *a = &tk[i - 1], *t = &tk[i], *b = &tk[i + 1];
    if (!c->particles || !t->cap || !a->cap || !b->cap || i < 2 || t->gap != GAP_SPACE ||
        b->gap != GAP_SPACE || (a->cls != CLS_CONTENT && a->cls != CLS_VERB) ||
        (b->cls != CLS_CONTENT && b->cls != CLS_VERB))
        return 0;
    char w[4];
    size_t n = t->e - t->s;
    if (n > sizeof w)
        return 0;
    memcpy(w, text + t->s, n);
    if (w[0] >= 'A' && w[0] <= 'Z')
        w[0] = (char)(w[0] - 'A' + 'a');
    return kurz__wl_find(c->particles, (const uint8_t *)w, n) >= 0;
}

/* tk[i] (not the first word of its sentence) is an article of
 * c->articles written with a capital and then lower case ("La", not "LA"
 * nor "la"), on the same line as the word before it, and directly
 * followed by a capitalised content word: it starts a name ("à La
 * Rochelle"). */
static int is_lead(const kp_ctx *c, const char *text, const ktok *tk, size_t n, size_t i)
{
    const ktok *t = &tk[i], *b = &tk[i + 1];
    if (!c->articles || i == 0 || i + 1 >= n || t->cls != CLS_BREAK || !t->cap ||
        b->cls != CLS_CONTENT || !b->cap || b->gap != GAP_SPACE || t->gap == GAP_HYPHEN ||
        t->gap == GAP_JOIN)
        return 0;
    size_t len = t->e - t->s;
    if (len > 3)
        return 0;
    char w[4];
    memcpy(w, text + t->s, len);
    if (w[0] < 'A' || w[0] > 'Z')
        return 0;
    w[0] = (char)(w[0] - 'A' + 'a');
    for (size_t k = 1; k < len; k++)
        if (w[k] < 'a' || w[k] > 'z')
            return 0;
    for (size_t k = tk[i - 1].e; k < t->s; k++)
        if (text[k] == '\n' || text[k] == '\r')
            return 0; /* the first word of a line */
    return kurz__wl_find(c->articles, (const uint8_t *)w, len) >= 0;
}

/* Hyphens make one word of what they join: a stop word between two
 * hyphens joins ("Saône-et-Loire"), a number after a word's hyphen
 * belongs to it ("Covid-19"). */
static void glue(const kp_ctx *c, const char *text, ktok *tk, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        if (tk[i].gap != GAP_HYPHEN || tk[i].cls == CLS_CONTENT || tk[i - 1].cls == CLS_BREAK) {
            if (tk[i].cls == CLS_BREAK && i + 1 < n && is_particle(c, text, tk, i)) {
                tk[i].cls = CLS_JOINER; /* "Marine Le Pen" */
                tk[i].stem = ID_MAX;
            }
            continue;
        }
        if (i + 1 < n && tk[i + 1].gap == GAP_HYPHEN && tk[i + 1].cls != CLS_BREAK) {
            tk[i].cls = CLS_JOINER;
            tk[i].stem = ID_MAX; /* no real stem */
        } else if (tk[i].digits && tk[i - 1].cls == CLS_CONTENT) {
            tk[i].cls = CLS_CONTENT;
        }
    }
}

/* French "nous ...ons" / "vous ...ez", and any word in "-aient" (the
 * imperfect or conditional: "attendaient", "seraient"; no noun ends so):
 * a verb form whatever its word. */
static int fr_verb_form(const char *text, const ktok *prev, const ktok *t)
{
    const char *p = text + prev->s, *w = text + t->s;
    size_t pl = prev->e - prev->s, n = t->e - t->s;
    if (n > 6 && !memcmp(w + n - 5, "aient", 5))
        return 1;
    if (pl == 4 && (!memcmp(p, "nous", 4) || !memcmp(p, "Nous", 4)))
        return n > 4 && !memcmp(w + n - 3, "ons", 3);
    if (pl == 4 && (!memcmp(p, "vous", 4) || !memcmp(p, "Vous", 4)))
        return n > 3 && !memcmp(w + n - 2, "ez", 2);
    return 0;
}

/* Reads every sentence: candidates, the graph's edges, the teleport
 * weights. */
static int read_text(kp_work *w, const char *text, size_t len, size_t max_words, int boiler)
{
    kp_ctx *c = &w->c;
    const kurz__mem *m = c->m;
    size_t ns = w->sents.n, nt = 0;
    /* 1. the words of every sentence, and what the boilerplate filter
     * wants to know of them */
    kurz__doc d;
    memset(&d, 0, sizeof d);
    d.sents = w->sents;
    w->t_off = kurz__malloc(m, (ns + 1) * sizeof *w->t_off);
    w->nwords = kurz__malloc(m, (ns ? ns : 1) * sizeof *w->nwords);
    w->ncontent = kurz__malloc(m, (ns ? ns : 1) * sizeof *w->ncontent);
    w->ok = kurz__malloc(m, ns ? ns : 1);
    if (!w->t_off || !w->nwords || !w->ncontent || !w->ok)
        return KURZ_ERR_NOMEM;
    for (size_t si = 0; si < ns; si++) {
        const kurz__sent *se = &w->sents.v[si];
        w->t_off[si] = nt;
        w->nwords[si] = kurz__count_words((const uint8_t *)text, se->start, se->end);
        w->ncontent[si] = 0;
        kurz__tok_reset(&w->tok, text, se->start, se->end);
        size_t prev_end = se->start;
        const uint8_t *word;
        size_t wl, ws, we;
        int r;
        while ((r = kurz__tok_next(&w->tok, &word, &wl, &ws, &we)) == 1) {
            uint32_t stem, noun;
            int cls, docc, gen;
            if (word_info(w, word, wl, &stem, &cls, &noun, &docc, &gen))
                return KURZ_ERR_NOMEM;
            if (KURZ__GROW(m, w->tk, w->tk_cap, nt + 1))
                return KURZ_ERR_NOMEM;
            ktok *t = &w->tk[nt++];
            t->s = ws;
            t->e = we;
            t->stem = stem;
            t->cls = (uint8_t)cls;
            t->noun = (uint8_t)noun;
            t->digits = (uint8_t)(cls == CLS_BREAK && wl && word[0] >= '0' && word[0] <= '9');
            t->num = (uint8_t)(t->digits || (cls == CLS_BREAK && in_list(c->numbers, word, wl)));
            t->cap = (uint8_t)starts_upper((const uint8_t *)text + ws, we - ws);
            t->gap = (uint8_t)(nt == w->t_off[si] + 1 ? GAP_SPACE
                                                       : gap_kind((const uint8_t *)text, prev_end, ws));
            /* a German genitive name stands alone ("die Bevölkerung
             * Angolas", "Dalis Vater") */
            if (gen && t->gap != GAP_HYPHEN)
                t->gap = GAP_BREAK;
            if (nt > w->t_off[si] + 1 && t[-1].genitive && t->gap != GAP_HYPHEN)
                t->gap = GAP_BREAK;
            t->genitive = (uint8_t)gen;
            prev_end = we;
            w->ncontent[si] += (uint32_t)docc;
            if (c->stats)
                c->stats->words++;
        }
        if (r < 0)
            return r;
    }
    w->t_off[ns] = nt;
    /* 2. the summarizer's boilerplate filter: headings, bylines,
     * navigation, share buttons, comment headers say nothing about what
     * the text is about (unless nothing else is left); without the
     * filter (KURZ_OPT_BOILERPLATE 0) every sentence counts */
    d.nwords = w->nwords;
    d.ncontent = w->ncontent;
    if (boiler)
        kurz__boiler_reasons(&d, NULL, text, len, w->ok);
    else
        memset(w->ok, R_OK, ns);
    size_t real = 0;
    for (size_t si = 0; si < ns; si++) {
        real += w->ok[si] == R_OK;
        if (w->ok[si] == R_OK)
            for (size_t i = w->t_off[si]; i < w->t_off[si + 1]; i++)
                if (w->tk[i].cls == CLS_CONTENT || w->tk[i].cls == CLS_VERB)
                    w->sv[w->tk[i].stem].body = 1;
    }
    /* ... but a heading is kept: whole over a real sentence (a title),
     * else only its words that real sentences use too (a caption, a
     * teaser, "Aller au contenu principal") */
    for (size_t si = 0; si < ns; si++) {
        int r = w->ok[si];
        size_t j = si + 1; /* past a dateline, a byline, a photo credit */
        while (r == R_HEADING && j < ns && j < si + 4 &&
               (w->ok[j] == R_DATELINE || w->ok[j] == R_BYLINE || w->ok[j] == R_CREDIT ||
                w->ok[j] == R_AUTHOR))
            j++;
        w->ok[si] = r == R_OK ? KEEP_ALL
                    : r != R_HEADING ? KEEP_NONE
                    : j < ns && w->ok[j] == R_OK ? KEEP_ALL
                                                 : KEEP_BODY;
    }
    /* 3. the graph and the candidates of each sentence kept */
    size_t pos = 0; /* content words so far */
    for (size_t si = 0; si < ns; si++) {
        if ((real && w->ok[si] == KEEP_NONE) || w->t_off[si + 1] == w->t_off[si])
            continue; /* (no words: w->tk may be NULL) */
        ktok *tk = w->tk + w->t_off[si];
        size_t n = w->t_off[si + 1] - w->t_off[si], ncw = 0, shout = 0;
        for (size_t i = 0; real && w->ok[si] == KEEP_BODY && i < n; i++)
            if ((tk[i].cls == CLS_CONTENT || tk[i].cls == CLS_VERB) && !w->sv[tk[i].stem].body)
                tk[i].cls = CLS_BREAK;
        for (size_t i = 0; i < n; i++) /* words in capitals only */
            shout += tk[i].cap && all_upper((const uint8_t *)text + tk[i].s, tk[i].e - tk[i].s);
        glue(&w->c, text, tk, n);
        /* A heading in capitals says nothing about names */
        int loud = shout >= 2 && 2 * shout >= n;
        for (size_t i = 0; i < n; i++) {
            ktok *t = &tk[i];
            if (loud)
                t->cap = 0;
            if (t->cls == CLS_VERB) /* a verb form, unless a name */
                t->cls = t->cap && i > 0 ? CLS_CONTENT : CLS_BREAK;
            if (t->cls == CLS_CONTENT && i > 0 && w->c.lang == KURZ__LANG_FR &&
                fr_verb_form(text, &tk[i - 1], t))
                t->cls = CLS_BREAK; /* "nous présentons", "vous trouverez", "attendaient" */
            if (t->cls != CLS_CONTENT)
                continue;
            kstem *k = &w->sv[t->stem];
            k->pers += 1.0 / (double)(++pos);
            k->occ++;
            k->capn += t->cap && i > 0;
            k->unit += i > 0 && tk[i - 1].num;
            if (t->noun != NOUN_NONE) {
                k->noun += t->noun / 10.0;
                k->noun_n++;
            }
            for (size_t q = 1; q < KP_WINDOW && q <= ncw; q++)
                if (add_edge(w, w->cwin[(ncw - q) % KP_WINDOW], t->stem))
                    return KURZ_ERR_NOMEM;
            w->cwin[ncw++ % KP_WINDOW] = t->stem;
        }
        for (size_t i = 1; !loud && i + 1 < n; i++)
            if (is_lead(&w->c, text, tk, n, i))
                tk[i].cls = CLS_LEAD; /* "à La Rochelle" */
        if (sentence_runs(w, tk, n, loud ? 1 : max_words)) /* capitals: no phrases */
            return KURZ_ERR_NOMEM;
    }
    return 0;
}

/* How noun-like a word is, 0..1 (keyphrase-pos/; a name, capitalised
 * inside sentences, is a noun), or -1: not known. */
static double noun_like(const kstem *k)
{
    if (!k->noun_n)
        return -1;
    double nl = k->noun / k->noun_n;
    double capf = k->occ ? (double)k->capn / k->occ : 0;
    return capf > nl ? capf : nl;
}

/* PositionRank over the co-occurrence graph: rank[stem]. */
static int rank_words(kp_work *w, double *rank)
{
    const kurz__mem *m = w->c.m;
    size_t n = w->nstems;
    double *deg = kurz__calloc(m, n ? n : 1, sizeof *deg);
    double *nxt = kurz__calloc(m, n ? 2 * n : 1, sizeof *nxt);
    if (!deg || !nxt) {
        kurz__free(m, deg);
        kurz__free(m, nxt);
        return KURZ_ERR_NOMEM;
    }
    double *pers = nxt + n; /* the second half */
    double total = 0;
    for (size_t i = 0; i < n; i++)
        total += pers[i] = w->sv[i].pers;
    for (size_t i = 0; i < n; i++) {
        pers[i] = total > 0 ? pers[i] / total : 0;
        rank[i] = pers[i];
    }
    for (size_t e = 0; e < w->nedge; e++) {
        deg[w->edge[2 * e]] += 1;
        deg[w->edge[2 * e + 1]] += 1;
    }
    for (int it = 0; it < KP_ROUNDS; it++) {
        for (size_t i = 0; i < n; i++)
            nxt[i] = 0;
        for (size_t e = 0; e < w->nedge; e++) {
            uint32_t u = w->edge[2 * e], v = w->edge[2 * e + 1];
            nxt[v] += rank[u] / deg[u];
            nxt[u] += rank[v] / deg[v];
        }
        double delta = 0;
        for (size_t i = 0; i < n; i++) {
            double r = (1 - KP_DAMPING) * pers[i] + KP_DAMPING * (deg[i] > 0 ? nxt[i] : rank[i]);
            delta += fabs(r - rank[i]);
            rank[i] = r;
        }
        if (delta < KP_EPSILON)
            break;
    }
    for (size_t i = 0; i < n; i++) {
        const kstem *k = &w->sv[i];
        double capf = k->occ ? (double)k->capn / k->occ : 0;
        rank[i] *= (1 + KP_CAP_BONUS * capf) * (double)k->len;
        if (w->c.df)
            rank[i] *= pow((k->idf < 0 ? w->c.idf_max : k->idf) / w->c.idf_max, KP_IDF_EXP);
    }
    if (w->c.stats)
        w->c.stats->edges = w->nedge;
    kurz__free(m, deg);
    kurz__free(m, nxt);
    return 0;
}

/* Phrase b has fewer content words than phrase a, all of them in a, in
 * any order: "Musk" in "Elon Musk", "Charles Lindbergh" in "Charles
 * Augustus Lindbergh". Both
 * phrases are at most a word cap long, so this costs little. */
static int contains(const kp_work *w, uint32_t a, uint32_t b)
{
    const uint8_t *ka = w->phrases.pool + 4 * (size_t)w->p_koff[a];
    const uint8_t *kb = w->phrases.pool + 4 * (size_t)w->p_koff[b];
    size_t la = w->p_klen[a], lb = w->p_klen[b], na = 0, nb = 0;
    for (size_t j = 0; j < la; j++) {
        uint32_t id;
        memcpy(&id, ka + 4 * j, 4);
        na += !(id & ID_JOINER);
    }
    for (size_t j = 0; j < lb; j++) {
        uint32_t id;
        memcpy(&id, kb + 4 * j, 4);
        if (id & ID_JOINER)
            continue;
        if (++nb >= na)
            return 0; /* not shorter: the same words in another order are another phrase */
        size_t i = 0;
        for (; i < la && memcmp(ka + 4 * i, kb + 4 * j, 4); i++)
            ;
        if (i == la)
            return 0;
    }
    return 1;
}

/* Phrase p's text starts with a capital letter and its last word does
 * too (a name: "Cédric Herrou", not "Conseil constitutionnel"). */
static int is_upper_at(const kp_work *w, const char *text, uint32_t p)
{
    uint32_t sid = w->p_best[p];
    size_t s = w->s_start[sid], e = w->s_end[sid], l = e;
    if (!starts_upper((const uint8_t *)text + s, e - s))
        return 0;
    while (l > s && text[l - 1] != ' ' && text[l - 1] != '\t')
        l--;
    return starts_upper((const uint8_t *)text + l, e - l);
}

/* Phrase p's text is a German derived adjective, inflected:
 * -isch/-lich/-ig/-bar/-sam/-haft + -e/-en/-er/-es/-em ("Schwäbischen",
 * "Evangelischer"), capitalised only as part of a name. */
static int de_derived_adjective(const kp_work *w, const char *text, uint32_t p)
{
    static const char *const stems[] = {"isch", "lich", "ig", "bar", "sam", "haft"};
    static const char *const ends[] = {"e", "en", "er", "es", "em"};
    uint32_t sid = w->p_best[p];
    const char *t = text + w->s_start[sid];
    size_t n = w->s_end[sid] - w->s_start[sid];
    for (size_t a = 0; a < sizeof ends / sizeof *ends; a++) {
        size_t le = strlen(ends[a]);
        for (size_t b = 0; b < sizeof stems / sizeof *stems; b++) {
            size_t ls = strlen(stems[b]);
            if (n > le + ls + 2 && !memcmp(t + n - le, ends[a], le) &&
                !memcmp(t + n - le - ls, stems[b], ls))
                return 1;
        }
    }
    return 0;
}

/* Phrase p's text ends in -er ("Starnberger", "Schweizer"): used only
 * before a noun, a place's adjective. */
static int de_place_adjective(const kp_work *w, const char *text, uint32_t p)
{
    uint32_t sid = w->p_best[p];
    const char *t = text + w->s_start[sid];
    size_t n = w->s_end[sid] - w->s_start[sid];
    return n > 4 && t[n - 2] == 'e' && t[n - 1] == 'r';
}

/* Phrase p is a kept single word b with lower-case modifiers ("neueren
 * Freikirchen" after "Freikirchen"; "autorités sanitaires" after
 * "autorités"): no new topic. */
static int modifies(const kp_work *w, const char *text, uint32_t b, uint32_t p)
{
    size_t lb = w->p_klen[b], lp = w->p_klen[p];
    if (lb != 1 || lp < 2)
        return 0;
    const uint8_t *kb = w->phrases.pool + 4 * (size_t)w->p_koff[b];
    const uint8_t *kp = w->phrases.pool + 4 * (size_t)w->p_koff[p];
    size_t head = w->c.head_first ? 0 : lp - 1;
    if (memcmp(kb, kp + 4 * head, 4))
        return 0;
    for (size_t j = 0; j < lp; j++) {
        uint32_t id;
        memcpy(&id, kp + 4 * j, 4);
        if (id & ID_JOINER)
            return 0; /* "centres de données" */
    }
    uint32_t sid = w->p_best[p];
    size_t s = w->s_start[sid], e = w->s_end[sid], l = e;
    if (!w->c.head_first)
        return !starts_upper((const uint8_t *)text + s, e - s);
    while (l > s && text[l - 1] != ' ' && text[l - 1] != '\t')
        l--;
    return !starts_upper((const uint8_t *)text + l, e - l);
}

static int has_joiner(const kp_work *w, uint32_t p);

/* Phrase p is a name: capitalised first and last word; in German, where
 * every noun is capitalised, also none of its words common enough for
 * docfreq/de and none before the last shaped like an adjective ("Salvador
 * Dali", not "Republik Kongo" or "Europäische Lärche"). */
static int is_name_at(const kp_work *w, const char *text, uint32_t p)
{
    if (!is_upper_at(w, text, p))
        return 0;
    if (w->c.lang != KURZ__LANG_DE) {
        /* a joiner: one word after it ("Charles de Gaulle"), not two
         * names joined ("Minneapolis de George Floyd") */
        const uint8_t *k = w->phrases.pool + 4 * (size_t)w->p_koff[p];
        size_t after = 0;
        for (size_t j = 0; j < w->p_klen[p]; j++) {
            uint32_t id;
            memcpy(&id, k + 4 * j, 4);
            after = id & ID_JOINER ? 0 : after + 1;
        }
        return !has_joiner(w, p) || after <= 1;
    }
    if (!w->c.df)
        return 0;
    const uint8_t *k = w->phrases.pool + 4 * (size_t)w->p_koff[p];
    for (size_t j = 0; j < w->p_klen[p]; j++) {
        uint32_t id;
        memcpy(&id, k + 4 * j, 4);
        if (!(id & ID_JOINER) && w->sv[id].idf >= 0)
            return 0;
    }
    /* the words before the last: no adjective endings */
    uint32_t sid = w->p_best[p];
    size_t s = w->s_start[sid], e = w->s_end[sid];
    for (size_t i = s; i < e;) {
        size_t j = i;
        while (j < e && text[j] != ' ' && text[j] != '\t' && text[j] != '-')
            j++;
        if (j < e && de_adjective((const uint8_t *)text, i, j))
            return 0;
        i = j + 1;
    }
    return 1;
}

/* Phrase p holds a joiner. */
static int has_joiner(const kp_work *w, uint32_t p)
{
    const uint8_t *k = w->phrases.pool + 4 * (size_t)w->p_koff[p];
    for (size_t j = 0; j < w->p_klen[p]; j++) {
        uint32_t id;
        memcpy(&id, k + 4 * j, 4);
        if (id & ID_JOINER)
            return 1;
    }
    return 0;
}

/* The last content word of phrase p is phrase b (a single word). */
static int ends_with(const kp_work *w, uint32_t p, uint32_t b)
{
    if (w->p_klen[b] != 1)
        return 0;
    const uint8_t *kp = w->phrases.pool + 4 * (size_t)w->p_koff[p];
    const uint8_t *kb = w->phrases.pool + 4 * (size_t)w->p_koff[b];
    return !memcmp(kp + 4 * (size_t)(w->p_klen[p] - 1), kb, 4);
}

/* Phrase p holds a joiner ("style de Tazina") and is no name: its
 * words stand on their own too. */
static int loose(const kp_work *w, const char *text, uint32_t p)
{
    const uint8_t *k = w->phrases.pool + 4 * (size_t)w->p_koff[p];
    for (size_t j = 0; j < w->p_klen[p]; j++) {
        uint32_t id;
        memcpy(&id, k + 4 * j, 4);
        if (id & ID_JOINER)
            return !is_upper_at(w, text, p);
    }
    return 0;
}

/* a ranks before b: higher score, then the earlier first occurrence */
static int better(const double *score, const size_t *start, uint32_t a, uint32_t b)
{
    if (score[a] != score[b])
        return score[a] > score[b];
    return start[a] < start[b];
}

/* A min-heap (worst on top) of the best k phrases. */
static void sift_down(uint32_t *hp, size_t n, size_t i, const double *sc, const size_t *st)
{
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, w = i;
        if (l < n && better(sc, st, hp[w], hp[l]))
            w = l;
        if (r < n && better(sc, st, hp[w], hp[r]))
            w = r;
        if (w == i)
            return;
        uint32_t t = hp[i];
        hp[i] = hp[w];
        hp[w] = t;
        i = w;
    }
}

/* Copies text[s..e) collapsing white space runs into one space. */
static size_t copy_surface(char *o, const char *text, size_t s, size_t e)
{
    size_t k = 0;
    int sp = 0;
    for (size_t i = s; i < e; i++) {
        unsigned char ch = (unsigned char)text[i];
        int white = ch == ' ' || ch == '\t';
        if (ch == 0xC2 && i + 1 < e && (unsigned char)text[i + 1] == 0xA0) {
            white = 1;
            i++;
        }
        if (white) {
            sp = 1;
            continue;
        }
        if (sp && k)
            o[k++] = ' ';
        sp = 0;
        o[k++] = (char)ch;
    }
    return k;
}

static void work_free(kp_work *w)
{
    const kurz__mem *m = w->c.m;
    kurz__tok_free(&w->tok);
    kurz__free(m, w->sents.v);
    ktab_free(m, &w->words);
    ktab_free(m, &w->stems);
    ktab_free(m, &w->phrases);
    ktab_free(m, &w->surfaces);
    kurz__free(m, w->tk);
    kurz__free(m, w->key);
    kurz__free(m, w->sv);
    kurz__free(m, w->edge);
    kurz__free(m, w->cwin);
    kurz__free(m, w->t_off);
    kurz__free(m, w->nwords);
    kurz__free(m, w->ncontent);
    kurz__free(m, w->ok);
    kurz__free(m, w->p_start);
    kurz__free(m, w->p_end);
    kurz__free(m, w->p_count);
    kurz__free(m, w->p_best);
    kurz__free(m, w->p_bestcnt);
    kurz__free(m, w->p_koff);
    kurz__free(m, w->p_klen);
    kurz__free(m, w->p_whole);
    kurz__free(m, w->s_start);
    kurz__free(m, w->s_end);
    kurz__free(m, w->s_count);
}

/* Where to stop reading a long text: the last line end before the window,
 * else the last space, else a code point boundary. */
static size_t window_end(const char *text, size_t len)
{
    if (len <= KURZ__KP_WINDOW)
        return len;
    size_t cut = KURZ__KP_WINDOW;
    for (size_t i = cut; i > cut / 2; i--)
        if (text[i - 1] == '\n')
            return i;
    for (size_t i = cut; i > cut / 2; i--)
        if (text[i - 1] == ' ')
            return i;
    while (cut > 0 && ((unsigned char)text[cut] & 0xC0) == 0x80)
        cut--;
    return cut;
}

int kurz__keyphrases(const kurz__mem *m, kurz__lang lang, const char *code, kurz__stemmer *st,
                     const char *text, size_t len, const kurz__kp_opts *o,
                     struct kurz_keyphrases **out, kurz__kp_stats *stats)
{
    *out = NULL;
    kp_work w;
    memset(&w, 0, sizeof w);
    w.c.m = m;
    w.c.lang = lang;
    {
        const char *lc = code ? code : kurz__lang_rules_code(lang);
        if (lc) {
            w.c.joiners = kurz__wl_lang("keyphrase-joiners", lc);
            w.c.stop2 = kurz__wl_lang("keyphrase-stop", lc);
            w.c.numbers = kurz__wl_lang("number-words", lc);
            w.c.df = kurz__wl_lang("docfreq", lc);
            w.c.pos = kurz__wl_lang("keyphrase-pos", lc);
            w.c.generic = kurz__wl_lang("keyphrase-generic", lc);
            w.c.sorts = kurz__wl_lang("keyphrase-sort", lc);
            w.c.particles = kurz__wl_get("name-particle/mul");
            w.c.articles = kurz__wl_lang("name-article", lc);
            if (!strcmp(lc, "de") || !strcmp(lc, "fr") || !strcmp(lc, "en"))
                w.c.months = kurz__wl_get("boiler/month"); /* its languages */
        }
        if (w.c.df) {
            uint64_t mx = 1;
            for (uint32_t i = 0; i < w.c.df->n; i++)
                mx = w.c.df->val[i] > mx ? w.c.df->val[i] : mx;
            w.c.idf_max = (double)mx / 2 + 0.5; /* rarer than every listed word */
        }
    }
    w.c.head_first = lang == KURZ__LANG_FR ||
                     (code && (!strcmp(code, "pt") || !strcmp(code, "es") || !strcmp(code, "it") ||
                               !strcmp(code, "ro") || !strcmp(code, "ca")));
    w.c.st = st;
    w.c.seed = kurz__seed(&w);
    w.c.stats = stats;
    kurz__tok_init(&w.tok, m, lang);
    double *rank = NULL, *score = NULL;
    uint32_t *heap = NULL;
    struct kurz_keyphrases *res = NULL;
    size_t max_words = o->max_words ? o->max_words : 1;
    int rc = KURZ_ERR_NOMEM;

    size_t wlen = window_end(text, len);
    w.cwin = kurz__malloc(m, KP_WINDOW * sizeof *w.cwin);
    if (!w.cwin)
        goto done;
    if ((rc = kurz__segment(m, lang, text, wlen, &w.sents)))
        goto done;
    if ((rc = read_text(&w, text, wlen, max_words, o->boilerplate)))
        goto done;
    rc = KURZ_ERR_NOMEM;
    rank = kurz__calloc(m, w.nstems ? w.nstems : 1, sizeof *rank);
    score = kurz__calloc(m, w.nphr ? w.nphr : 1, sizeof *score);
    size_t want = o->max_phrases, k = want > SIZE_MAX / 4 ? want : want * 4;
    if (k > w.nphr)
        k = w.nphr;
    heap = kurz__malloc(m, (k ? k : 1) * sizeof *heap);
    if (!rank || !score || !heap)
        goto done;
    if ((rc = rank_words(&w, rank)))
        goto done;
    rc = KURZ_ERR_NOMEM;

    /* phrase scores */
    for (uint32_t p = 0; p < w.nphr; p++) {
        double sum = 0;
        size_t nc = 0;
        const uint8_t *key = w.phrases.pool + 4 * (size_t)w.p_koff[p];
        for (uint32_t i = 0; i < w.p_klen[p]; i++) {
            uint32_t id;
            memcpy(&id, key + 4 * (size_t)i, 4);
            if (id & ID_JOINER)
                continue; /* joiners and elided joiners do not count */
            sum += rank[id];
            nc++;
        }
        double mean = nc ? sum / (double)nc : 0;
        {
            /* the head: the first word (Romance languages) or the last */
            uint32_t id;
            memcpy(&id, key + 4 * (size_t)(w.c.head_first ? 0 : w.p_klen[p] - 1), 4);
            double nl = id & ID_JOINER ? -1 : noun_like(&w.sv[id]);
            double fl = w.p_klen[p] == 1 ? KP_NOUN_FLOOR : KP_HEAD_FLOOR;
            if (nl >= 0)
                mean *= fl + (1 - fl) * nl;
        }
        if (w.p_klen[p] == 1) {
            uint32_t id;
            memcpy(&id, key, 4);
            const kstem *ks = &w.sv[id];
            if (ks->sorts) {
                score[p] = -1; /* "deuxième", "dernier": an ordinal sorts, names nothing */
                continue;
            }
            if (ks->generic)
                mean *= KP_GENERIC;
            if (ks->occ) /* a unit of measure, a count: "ans", "euros", "millions" */
                mean *= 1 - KP_UNIT_PEN * (double)(ks->unit < ks->occ ? ks->unit : ks->occ) / ks->occ;
            if (ks->occ)
                mean *= 1 - KP_MOD_PEN * (double)(ks->mod < ks->occ ? ks->mod : ks->occ) / ks->occ;
            if (lang == KURZ__LANG_DE && ((2 * ks->mod >= ks->occ && de_derived_adjective(&w, text, p)) ||
                                          (ks->mod >= ks->occ && de_place_adjective(&w, text, p)))) {
                score[p] = -1; /* "Schwäbischen" of "Schwäbischen Alb", "Starnberger" */
                continue;
            }
        }
        if (!w.p_whole[p] && w.p_count[p] < 2) {
            score[p] = -1; /* an arbitrary cut of one long run */
            continue;
        }
        score[p] = mean * pow(1 + log((double)w.p_count[p]), KP_FREQ_EXP);
        if (nc > 1 && w.p_count[p] == 1)
            score[p] *= KP_ONCE; /* seen once, a sequence is weak evidence of a unit */
        if (w.p_klen[p] > 2 && !is_upper_at(&w, text, p)) /* not a name */
            score[p] *= pow(KP_LONG, (double)(w.p_klen[p] - 2));
    }
    /* A word that never occurs outside one longer phrase ("Musk" always
     * in "Elon Musk") is that phrase: it takes the word's score if higher,
     * and the word alone is left out. */
    for (uint32_t p = 0; p < w.nphr; p++) {
        const uint8_t *key = w.phrases.pool + 4 * (size_t)w.p_koff[p];
        if (w.p_klen[p] < 2 ||
            (w.p_count[p] < 2 && !is_name_at(&w, text, p)))
            continue; /* a unit only if it recurs whole, or is a name */
        /* in "style de Tazina" only the head yields: "Tazina" stands alone */
        int lo = loose(&w, text, p);
        uint32_t head = w.c.head_first ? 0 : w.p_klen[p] - 1;
        for (uint32_t i = 0; i < w.p_klen[p]; i++) {
            uint32_t id;
            memcpy(&id, key + 4 * (size_t)i, 4);
            if ((id & ID_JOINER) || (lo && i != head))
                continue;
            uint32_t sp = w.sv[id].single;
            if (score[p] < 0 || sp == UINT32_MAX || score[sp] < 0 ||
                w.p_count[sp] != w.p_count[p])
                continue;
            if (score[sp] > score[p])
                score[p] = score[sp];
            score[sp] = -1;
        }
    }
    if (stats)
        stats->phrases = w.nphr;

    /* the best k */
    size_t hn = 0;
    for (uint32_t p = 0; p < w.nphr && k; p++) {
        if (score[p] < 0)
            continue; /* absorbed */
        if (hn < k) {
            heap[hn++] = p;
            for (size_t i = hn - 1; i > 0;) {
                size_t up = (i - 1) / 2;
                if (!better(score, w.p_start, heap[up], heap[i]))
                    break;
                uint32_t t = heap[up];
                heap[up] = heap[i];
                heap[i] = t;
                i = up;
            }
        } else if (better(score, w.p_start, p, heap[0])) {
            heap[0] = p;
            sift_down(heap, hn, 0, score, w.p_start);
        }
    }
    /* heap sort: the worst goes last */
    for (size_t n = hn; n > 1; n--) {
        uint32_t t = heap[0];
        heap[0] = heap[n - 1];
        heap[n - 1] = t;
        sift_down(heap, n - 1, 0, score, w.p_start);
    }
    /* now heap[] runs from best to worst; drop phrases whose words all
     * lie in one better phrase kept before them */
    {
        size_t kept = 0;
        for (size_t i = 0; i < hn && kept < want; i++) {
            uint32_t p = heap[i];
            int covered = 0;
            for (size_t j = 0; j < kept && !covered; j++)
                covered = (!loose(&w, text, heap[j]) && contains(&w, heap[j], p)) ||
                          (lang == KURZ__LANG_DE && modifies(&w, text, heap[j], p));
            /* a recurring longer phrase that holds a better one kept
             * already takes its place ("Cédric" becomes "Cédric
             * Herrou") */
            int pname = is_name_at(&w, text, p) && (w.p_count[p] >= 2 || !has_joiner(&w, p));
            for (size_t j = 0; j < kept && pname; j++) {
                if (!is_name_at(&w, text, heap[j]) || !contains(&w, p, heap[j]))
                    continue;
                if (!covered) {
                    if ((lang == KURZ__LANG_DE || w.p_count[p] < 2) && !ends_with(&w, p, heap[j]))
                        continue; /* a surname, not "Emirat" of "Emirat Dubai" */
                    /* with the place goes the score, so the list stays
                     * best first */
                    score[p] = score[heap[j]];
                    heap[j] = p;
                    covered = 1;
                } else { /* a second part of the name ("Shah Ahmad") goes */
                    memmove(heap + j, heap + j + 1, (kept - j - 1) * sizeof *heap);
                    kept--;
                    j--;
                }
            }
            if (!covered)
                heap[kept++] = p;
        }
        hn = kept;
    }

    size_t pool = 0;
    for (size_t i = 0; i < hn; i++) {
        uint32_t sid = w.p_best[heap[i]];
        pool += w.s_end[sid] - w.s_start[sid] + 1;
    }
    res = kurz__malloc(m, sizeof *res);
    if (!res)
        goto done;
    res->mem = *m;
    res->n = hn;
    res->v = kurz__malloc(m, (hn ? hn : 1) * sizeof *res->v);
    res->pool = kurz__malloc(m, pool ? pool : 1);
    if (!res->v || !res->pool)
        goto done;
    size_t off = 0;
    for (size_t i = 0; i < hn; i++) {
        uint32_t p = heap[i], sid = w.p_best[p];
        size_t l = copy_surface(res->pool + off, text, w.s_start[sid], w.s_end[sid]);
        res->pool[off + l] = 0;
        res->v[i] = (kurz__kp){off, l, w.p_start[p], w.p_end[p], w.p_count[p], score[p]};
        off += l + 1;
    }
    *out = res;
    res = NULL;
    rc = 0;
done:
    if (res) {
        kurz__free(m, res->v);
        kurz__free(m, res->pool);
        kurz__free(m, res);
    }
    kurz__free(m, rank);
    kurz__free(m, score);
    kurz__free(m, heap);
    work_free(&w);
    return rc;
}

/* ---- public accessors -------------------------------------------------- */
KURZ_API size_t kurz_keyphrases_count(const kurz_keyphrases *k)
{
    return k ? k->n : 0;
}

KURZ_API int kurz_keyphrases_get(const kurz_keyphrases *k, size_t i, const char **text,
                                 size_t *text_len, double *score, size_t *count, size_t *start,
                                 size_t *end)
{
    if (!k)
        return KURZ_ERR_INVALID_ARG;
    if (i >= k->n)
        return KURZ_ERR_OUT_OF_RANGE;
    const kurz__kp *p = &k->v[i];
    if (text)
        *text = k->pool + p->text_off;
    if (text_len)
        *text_len = p->text_len;
    if (score)
        *score = p->score;
    if (count)
        *count = p->count;
    if (start)
        *start = p->start;
    if (end)
        *end = p->end;
    return KURZ_OK;
}

KURZ_API void kurz_keyphrases_free(kurz_keyphrases *k)
{
    if (!k)
        return;
    kurz__mem mem = k->mem;
    kurz__free(&mem, k->v);
    kurz__free(&mem, k->pool);
    kurz__free(&mem, k);
}
