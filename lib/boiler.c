/* SPDX-License-Identifier: MIT */
/* Web-noise recognition: which units of a document are real sentences of
 * the body, and which are the rest of a pasted web page.
 *
 * One forward pass over the units, in three stages:
 *   boiler-scan.c      scans a unit's bytes into counts (words by letter
 *                      case, separators, links, keywords of data/boiler/)
 *   boiler-classify.c  turns the counts into a reason (R_*, boiler.h) or
 *                      none, and context flags (X_*)
 *   boiler.c           a block state machine (this file) adds context: the
 *                      headline-like lines of a "Mehr zum Thema" / "Sur le
 *                      même sujet" block; ad copy after an "Anzeige" label;
 *                      the next sentences of an author box or a prompt; and
 *                      a comment section after its header ("Kommentare (12)",
 *                      "Commentaires" confirmed by a comment signal close
 *                      after it), which lasts until CMT_GAP units pass
 *                      without a signal (timestamps, Antworten/Répondre,
 *                      @names, name lines).
 * A unit is eligible when it has no reason. Every unit is scanned at most
 * three times (a comment header reads a few units ahead, once; leaving a
 * comment section re-reads the units since its last signal), so the pass is
 * linear. No allocation: ok[] holds reason codes until the end. */
#include <string.h>

#include "boiler-impl.h"

static int unit_reason(const ctx *c, size_t i, uint32_t *x)
{
    unit u;
    kurz__boiler_scan(c, i, &u);
    return kurz__boiler_classify(c->t, &c->d->sents.v[i], &u, x);
}

/* The state of the pass between units. */
typedef struct blocks {
    unsigned teaser_left, ad_left;
    int in_cmt;
    size_t last_sig;
    size_t looked;     /* units before this one were read ahead and showed no signal */
    int spread;        /* reason carried to the next units */
    uint32_t spread_para;
    unsigned spread_left;
    int spread_label;
} blocks;

/* The next sentences of an author box or a prompt: on the same line, or on
 * the next line after a short label (Jetzt Newsletter abonnieren). */
static int spread_step(blocks *k, const kurz__sent *s, const unit *u, int r)
{
    int alone = u->line_start && u->line_end;
    if (k->spread != R_OK) {
        if (s->para == k->spread_para && !(s->flags & KURZ__S_PARA_START) && k->spread_left &&
            (!u->line_start || k->spread_label)) {
            int like = k->spread == R_AUTHOR
                           ? (u->hcat[0] & C_PRON) != 0
                           : (u->second || u->we || u->cta || u->prompt || u->prompt2);
            if (r == R_OK && like)
                r = k->spread;
            k->spread_left--;
            k->spread_label = 0;
        } else {
            k->spread = R_OK;
        }
    }
    if (r == R_AUTHOR || r == R_PROMPT) {
        k->spread = r;
        k->spread_para = s->para;
        k->spread_left = SPREAD_MAX;
        k->spread_label = alone && !u->term && u->words <= 8;
    }
    return r;
}

/* A unit inside a block that lasts *left more units: when it fits, it is
 * taken for the block (reason, unless it has one of its own); else the
 * block ends. */
static int in_block(unsigned *left, int fits, int r, int reason)
{
    if (!*left)
        return r;
    if (fits) {
        if (r == R_OK)
            r = reason;
        (*left)--;
    } else {
        *left = 0;
    }
    return r;
}

/* A related-articles block: headline-like lines (or other noise) after its
 * header. Ad copy after an ad label. */
static int teaser_ad_step(blocks *k, const unit *u, int r, uint32_t x)
{
    int alone = u->line_start && u->line_end;
    int headline = alone && u->words <= TEASER_WORDS && (!u->term || u->quest || u->excl);
    int noise = r == R_SHORT || r == R_DATELINE || r == R_CREDIT || r == R_CMTLINE || r == R_WEB;
    r = in_block(&k->teaser_left,
                 (headline || noise) && !(x & (X_CMT_HEAD | X_AD_HEAD | X_TEASER_HEAD)), r,
                 R_TEASER);
    if (x & X_TEASER_HEAD)
        k->teaser_left = TEASER_MAX;
    r = in_block(&k->ad_left, r != R_OK || (alone && u->words <= 25 && (x & X_PROMO)), r, R_AD);
    if (x & X_AD_HEAD)
        k->ad_left = AD_MAX;
    return r;
}

/* A comment section: opened by a confirmed header, closed after CMT_GAP
 * units without a signal (then the units after its last signal's tail are
 * judged again, on their own, into ok[]). */
static int comment_step(blocks *k, const ctx *c, size_t i, int r, uint32_t x, uint8_t *ok)
{
    size_t n = c->d->sents.n;
    if (k->in_cmt) {
        if (x & (X_SIG | X_WEAK | X_CMT_HEAD))
            k->last_sig = i;
        if (i - k->last_sig > CMT_GAP) {
            /* no sign of comments for a while: the section had ended */
            k->in_cmt = 0;
            for (size_t j = k->last_sig + CMT_TAIL + 1; j < i; j++) {
                uint32_t xj;
                ok[j] = (uint8_t)unit_reason(c, j, &xj);
            }
        } else if (r == R_OK) {
            r = R_COMMENT;
        }
    } else if (x & X_CMT_HEAD) {
        /* confirmed by a count or by a comment signal close after it;
         * units already looked at without a signal are not read again */
        int confirmed = (x & X_CMT_COUNT) != 0;
        size_t j = i + 1 > k->looked ? i + 1 : k->looked;
        for (; j < n && j <= i + CMT_LOOK && !confirmed; j++) {
            uint32_t xj;
            unit_reason(c, j, &xj);
            confirmed = (xj & X_SIG) != 0;
        }
        if (!confirmed)
            k->looked = j;
        if (confirmed) {
            k->in_cmt = 1;
            k->last_sig = i;
            if (r == R_OK)
                r = R_COMMENT;
        }
    }
    return r;
}

void kurz__eligible(const kurz__doc *d, const kurz__kwindex *index, const char *text, size_t len,
                    uint8_t *ok)
{
    kurz__boiler_reasons(d, index, text, len, ok);
    for (size_t i = 0; i < d->sents.n; i++)
        ok[i] = ok[i] == R_OK;
}

void kurz__boiler_reasons(const kurz__doc *d, const kurz__kwindex *index, const char *text,
                          size_t len, uint8_t *why)
{
    uint8_t *ok = why;
    kurz__kwindex own;
    if (!index) {
        kurz__kw_init(&own);
        index = &own;
    }
    ctx c = {.d = d, .t = (const uint8_t *)text, .len = len, .ix = index};
    blocks k;
    memset(&k, 0, sizeof k);
    k.spread = R_OK;
    size_t n = d->sents.n;
    for (size_t i = 0; i < n; i++) {
        const kurz__sent *s = &d->sents.v[i];
        uint32_t x;
        unit u;
        kurz__boiler_scan(&c, i, &u);
        int r = kurz__boiler_classify(c.t, s, &u, &x);
        r = spread_step(&k, s, &u, r);
        r = teaser_ad_step(&k, &u, r, x);
        ok[i] = (uint8_t)comment_step(&k, &c, i, r, x, ok);
    }
}
