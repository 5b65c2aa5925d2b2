/* SPDX-License-Identifier: MIT */
/* Shared by the stages of the web-noise filter (not a public interface):
 *   boiler-scan.c      scanner: one unit's bytes -> counts (a unit struct)
 *   boiler-classify.c  classifier: counts -> a reason (R_*) and context (X_*)
 *   boiler.c           block state machine over the units: kurz__eligible
 * The keywords and phrases are data: data/boiler/. */
#ifndef KURZ_BOILER_IMPL_H
#define KURZ_BOILER_IMPL_H

#include "boiler.h"

/* ---- Keyword categories -------------------------------------------------
 * A keyword's value in boiler/keywords is the set of the lists it comes
 * from (data/boiler/<category>.txt): bit KURZ__BIT_BOILER_<CATEGORY>. */
#define CAT(k) ((uint64_t)1 << (k))
#define C_NAV CAT(KURZ__BIT_BOILER_NAV)
#define C_SHARE CAT(KURZ__BIT_BOILER_SHARE)
#define C_FOOTER CAT(KURZ__BIT_BOILER_FOOTER)
#define C_CMTACT CAT(KURZ__BIT_BOILER_CMTACT)
#define C_CMTHDR CAT(KURZ__BIT_BOILER_CMTHDR)
#define C_CMTONE CAT(KURZ__BIT_BOILER_CMTONE)
#define C_CMTVERB CAT(KURZ__BIT_BOILER_CMTVERB)
#define C_TSHORT CAT(KURZ__BIT_BOILER_TSHORT)
#define C_MONTH CAT(KURZ__BIT_BOILER_MONTH)
#define C_DATEKW CAT(KURZ__BIT_BOILER_DATEKW)
#define C_FILL CAT(KURZ__BIT_BOILER_FILL)
#define C_ROLE CAT(KURZ__BIT_BOILER_ROLE)
#define C_PROMPT CAT(KURZ__BIT_BOILER_PROMPT)
#define C_PROMPT2 CAT(KURZ__BIT_BOILER_PROMPT2)
#define C_CTA CAT(KURZ__BIT_BOILER_CTA)
#define C_SECOND CAT(KURZ__BIT_BOILER_SECOND)
#define C_FORMAL CAT(KURZ__BIT_BOILER_FORMAL)
#define C_WE CAT(KURZ__BIT_BOILER_WE)
#define C_AD CAT(KURZ__BIT_BOILER_AD)
#define C_BYLINE CAT(KURZ__BIT_BOILER_BYLINE)
#define C_CREDIT CAT(KURZ__BIT_BOILER_CREDIT)
#define C_RIGHTS CAT(KURZ__BIT_BOILER_RIGHTS)
#define C_RIGHTS1 CAT(KURZ__BIT_BOILER_RIGHTS1)
#define C_VOR CAT(KURZ__BIT_BOILER_VOR)
#define C_IL CAT(KURZ__BIT_BOILER_IL)
#define C_Y CAT(KURZ__BIT_BOILER_Y)
#define C_A CAT(KURZ__BIT_BOILER_A)
#define C_ONE CAT(KURZ__BIT_BOILER_ONE)
#define C_AGO CAT(KURZ__BIT_BOILER_AGO)
#define C_UHR CAT(KURZ__BIT_BOILER_UHR)
#define C_IS CAT(KURZ__BIT_BOILER_IS)
#define C_TLD CAT(KURZ__BIT_BOILER_TLD)
#define C_COOKIE CAT(KURZ__BIT_BOILER_COOKIE)
#define C_SITE CAT(KURZ__BIT_BOILER_SITE)
#define C_SHAREIT CAT(KURZ__BIT_BOILER_SHAREIT)
#define C_IMPER CAT(KURZ__BIT_BOILER_IMPER)
#define C_THIS CAT(KURZ__BIT_BOILER_THIS)
#define C_PRON CAT(KURZ__BIT_BOILER_PRON)
#define C_NUM CAT(KURZ__BITS_BOILER_KEYWORDS) /* not a list: a word of digits */
/* the first word of a phrase of data/boiler/phrase-<kind>.txt */
#define C_PHRASE                                                                        \
    (CAT(KURZ__BIT_BOILER_PHRASE_TEASER) | CAT(KURZ__BIT_BOILER_PHRASE_UPDATE) |       \
     CAT(KURZ__BIT_BOILER_PHRASE_COMMENT))
_Static_assert(KURZ__BITS_BOILER_KEYWORDS < 64, "too many keyword categories");

/* Interface words: a unit made mostly of them is a menu or a button row. */
#define C_UI (C_NAV | C_SHARE | C_FOOTER | C_CMTACT | C_AD)

#define HEADW 8  /* first words kept for the phrases */
#define WMAX 32  /* longest word looked up, in bytes */

/* Phrases at the start of a unit, by list. */
enum { P_TEASER = 1, P_UPDATE, P_COMMENT };

/* ---- What one scan of a unit finds --------------------------------------- */
typedef struct unit {
    uint32_t nw, nc;   /* words and content words, from the document */
    uint32_t words;    /* words of the scan (same rule as nw) */
    uint32_t caps;     /* words starting with a capital */
    uint32_t lower;    /* words starting with a small letter */
    uint32_t plain;    /* small-letter words that are no date or filler words */
    uint32_t nums;     /* words of digits */
    uint32_t ui;       /* interface words (C_UI) */
    uint32_t cmtact, prompt, prompt2, cookie, site, cta, second, we;
    uint32_t fill_lower; /* small-letter words of C_FILL (und, et, le) */
    uint32_t seps;     /* | and spaced > / » › · • →, tabs and wide gaps between words */
    uint32_t links;    /* http, www, e-mail addresses */
    uint32_t domains;  /* example.de */
    uint32_t handles, emoji, copyright, promo_chars;
    int rights;        /* Alle Rechte vorbehalten */
    uint32_t shareit;  /* C_SHAREIT words */
    uint32_t imper;    /* C_IMPER words in the place of an imperative */
    int follow_us;     /* Suivez-nous, folgt uns */
    int this_site;     /* dieser Artikel, ce site */
    uint64_t cats;     /* union of the categories of all words */
    uint32_t is_at;    /* 1 + index of the first C_IS word, 0 if none */
    uint32_t caps_before_is; /* capitalised words before it */
    int role_after_is; /* the word after it (or after seit 2015) is a C_ROLE word */
    int term;          /* ends with . ! ? … */
    int colon;         /* ends with : */
    int excl;          /* ends with ! */
    int quest;         /* ends with ? */
    int line_start, line_end;
    int has_time, has_date, reltime;
    size_t nhead;
    char head[HEADW][WMAX];
    uint64_t hcat[HEADW];
    uint8_t hupper[HEADW];
    size_t hend[HEADW]; /* byte offset after the word */
} unit;

/* What the stages share about the document. */
typedef struct ctx {
    const kurz__doc *d;
    const uint8_t *t;
    size_t len;
    const kurz__kwindex *ix;
} ctx;

/* Scans unit idx of the document into *u. */
void kurz__boiler_scan(const ctx *c, size_t idx, unit *u);

/* ---- Reasons --------------------------------------------------------------- */
enum {
    R_OK = 0,
    R_SHORT,    /* fewer than MIN_WORDS words, or no content word */
    R_HEADING,  /* a line of its own without final punctuation */
    R_NAV,      /* separators: Startseite > Politik > Inland */
    R_UI,       /* mostly interface words: Facebook Twitter WhatsApp E-Mail */
    R_BYLINE,   /* Von Anna Schmidt */
    R_DATELINE, /* Berlin, 3. März 2024, 14:05 Uhr; Publié le ... */
    R_CREDIT,   /* Foto: dpa; © AFP */
    R_TEASER,   /* Lesen Sie auch: ...; the list after Mehr zum Thema */
    R_PROMPT,   /* cookies, newsletter, log-in addressed to the reader */
    R_COMMENT,  /* inside a comment section */
    R_CMTLINE,  /* vor 3 Stunden, il y a 2 h */
    R_AD,       /* Anzeige and the ad copy after it */
    R_FOOTER,   /* Alle Rechte vorbehalten */
    R_WEB,      /* links, @handles, #hashtags, emoji */
    R_AUTHOR    /* Anna Schmidt ist Redakteurin im Ressort Politik. */
};

/* Context a unit starts or feeds. */
enum {
    X_TEASER_HEAD = 1u << 0, /* Mehr zum Thema / À lire aussi on a line of its own */
    X_AD_HEAD = 1u << 1,     /* Anzeige / Publicité on a line of its own */
    X_CMT_HEAD = 1u << 2,    /* Kommentare / Commentaires */
    X_CMT_COUNT = 1u << 3,   /* ... with a number: Kommentare (12) */
    X_SIG = 1u << 4,         /* a comment signal: vor 3 Stunden, Antworten, @name */
    X_WEAK = 1u << 5,        /* a name on a line of its own */
    X_PROMO = 1u << 6        /* ad copy: ! % € jetzt gratis */
};

#define MIN_WORDS 4      /* shorter units are never real sentences */
#define PROSE_WORDS 16   /* an unpunctuated line this long may be prose */
#define TEASER_MAX 10    /* units of a related-articles block */
#define TEASER_WORDS 12  /* a punctuated teaser line is at most this long */
#define AD_MAX 3         /* units of ad copy after an ad label */
#define CMT_LOOK 8       /* a comment header needs a signal this close */
#define CMT_GAP 10       /* units without a comment signal that end a section */
#define CMT_TAIL 3       /* units after the last signal still taken as a comment */
#define SPREAD_MAX 3     /* units after an author box or a prompt that follow it */

/* The reason unit s (scanned into u) is noise, R_OK if none, and the
 * context flags X_* it raises. */
int kurz__boiler_classify(const uint8_t *t, const kurz__sent *s, const unit *u, uint32_t *x);
/* Which phrase of data/boiler/phrase-<kind>.txt starts the unit: its kind P_*
 * (0 if none) and its word count. */
int kurz__boiler_phrase(const unit *u, size_t *nwords);

#endif /* KURZ_BOILER_IMPL_H */
