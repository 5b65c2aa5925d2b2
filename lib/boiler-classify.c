/* SPDX-License-Identifier: MIT */
/* The classifier of the web-noise filter: a unit's counts (boiler-scan.c)
 * -> the reason it is noise, or none:
 *   SHORT     fewer than MIN_WORDS words, or no content word
 *   HEADING   ends at a line break without final punctuation (headlines,
 *             subheads, list items, bylines, datelines, menus), unless it is
 *             a long line that reads like prose or a long clause ending in ":"
 *   NAV/UI    separated menu items; lines made mostly of interface words
 *             (Teilen, Facebook, WhatsApp, E-Mail, Impressum, Répondre)
 *   BYLINE, DATELINE, CREDIT, FOOTER, WEB
 *             "Von A B", "Publié le 12/03/2024 à 10h32", "Foto: dpa", "© AFP",
 *             "Alle Rechte vorbehalten", short units with links, handles, emoji
 *   TEASER    "Lesen Sie auch: ...", "À lire aussi : ..."
 *   PROMPT    cookie, newsletter, paywall, log-in and follow-us texts that
 *             address the reader (Sie/vous/you, wir/nous, imperatives)
 *   AUTHOR    "Anna Schmidt ist Redakteurin im Ressort Politik."
 * and the context flags (X_*) a unit raises for the block state machine
 * (boiler.c). */
#include <string.h>

#include "boiler-impl.h"

/* Share of stop words in [0, 1] (numbers are neither). */
static double stop_share(const unit *u)
{
    if (u->nw == 0)
        return 0;
    uint32_t other = u->nc + u->nums;
    return other >= u->nw ? 0.0 : (double)(u->nw - other) / u->nw;
}

/* The first words of u joined by single spaces into joined; its length. */
static size_t head_text(const unit *u, char *joined)
{
    size_t o = 0;
    for (size_t k = 0; k < u->nhead; k++) {
        size_t l = strlen(u->head[k]);
        if (l == 0)
            break;
        if (o)
            joined[o++] = ' ';
        memcpy(joined + o, u->head[k], l);
        o += l;
    }
    joined[o] = 0;
    return o;
}

int kurz__boiler_phrase(const unit *u, size_t *nwords)
{
    static const struct {
        int list, kind;
    } lists[] = {
        {KURZ__WL_BOILER_PHRASE_TEASER, P_TEASER},
        {KURZ__WL_BOILER_PHRASE_UPDATE, P_UPDATE},
        {KURZ__WL_BOILER_PHRASE_COMMENT, P_COMMENT},
    };
    char joined[HEADW * WMAX + HEADW];
    size_t o = head_text(u, joined);
    int best = 0;
    size_t bestw = 0;
    for (size_t q = 0; q < sizeof lists / sizeof lists[0]; q++) {
        const kurz__wordlist *l = &kurz__lists[lists[q].list];
        for (size_t p = 0; p < l->n; p++) {
            size_t pl;
            const char *ph = kurz__wl_at(l, p, &pl);
            if (pl > o || memcmp(joined, ph, pl) != 0 || (joined[pl] != 0 && joined[pl] != ' '))
                continue;
            size_t w = 1;
            for (size_t k = 0; k < pl; k++)
                w += ph[k] == ' ';
            if (w > bestw) {
                best = lists[q].kind;
                bestw = w;
            }
        }
    }
    *nwords = bestw;
    return best;
}

/* After the first k words: a colon, a slash, a dash, an arrow, or (with
 * upper) a capitalised word. */
static int phrase_delimited(const uint8_t *t, const unit *u, size_t k, size_t e, int upper)
{
    if (k == 0 || k > u->nhead)
        return 0;
    size_t j = u->hend[k - 1];
    for (;;) {
        if (j < e && (t[j] == ' ' || t[j] == '\t'))
            j++;
        else if (j + 1 < e && t[j] == 0xC2 && t[j + 1] == 0xA0)
            j += 2;
        else if (j + 2 < e && t[j] == 0xE2 && t[j + 1] == 0x80 && (t[j + 2] == 0xAF || t[j + 2] == 0x89))
            j += 3;
        else
            break;
    }
    if (j >= e)
        return 1;
    if (t[j] == '/')
        return 1;
    if (t[j] == ':' || t[j] == '-' || t[j] == '|' || t[j] == '>' ||
        (t[j] == 0xE2 && j + 2 < e && t[j + 1] == 0x80 && (t[j + 2] == 0x93 || t[j + 2] == 0x94)) ||
        (t[j] == 0xC2 && j + 1 < e && t[j + 1] == 0xBB))
        return 1;
    return upper && k < u->nhead && u->hupper[k];
}

/* The context flags X_* of a unit that starts phrase kind pk of pw words:
 * short labels are noise anyway, but they open blocks. */
static uint32_t context_flags(const unit *u, int pk, size_t pw)
{
    uint32_t w = u->words, x = 0;
    int alone = u->line_start && u->line_end;
    if (pk == P_TEASER && w <= pw + 2 && !u->term && u->line_end)
        x |= X_TEASER_HEAD;
    if (u->line_end && !u->term && w <= 5 && w > 0) {
        int hdr = (u->cats & C_CMTHDR) ||
                  ((u->cats & C_CMTONE) && (u->cats & (C_NUM | C_CMTVERB))) || pk == P_COMMENT;
        if (hdr) {
            x |= X_CMT_HEAD;
            if (u->cats & C_NUM)
                x |= X_CMT_COUNT;
        }
    }
    if (alone && !u->term && w >= 1 && w <= 3 && (u->hcat[0] & C_AD))
        x |= X_AD_HEAD;
    if (!u->term && ((u->reltime && w <= 12) || (u->has_time && w <= 8) ||
                     (u->cmtact && (w <= 4 || 2 * u->cmtact >= w)) || (u->handles && w <= 8)))
        x |= X_SIG;
    if (alone && !u->term && w >= 1 && w <= 3 && !(u->hcat[0] & C_BYLINE) &&
        (u->caps == w || u->nums > 0 || u->handles > 0))
        x |= X_WEAK;
    if (u->excl || u->cta || u->promo_chars)
        x |= X_PROMO;
    return x;
}

/* Web furniture: credits, footers, links and handles, menus, interface
 * words, prompts addressed to the reader. */
static int web_reason(const uint8_t *t, const kurz__sent *s, const unit *u)
{
    uint32_t w = u->words;
    int heading_shape = !u->term && u->line_end;
    if (u->copyright && w <= 25)
        return R_CREDIT;
    if (u->rights && w <= 20)
        return R_FOOTER;
    if ((u->hcat[0] & C_CREDIT) && w <= 15 && phrase_delimited(t, u, 1, s->end, 0))
        return R_CREDIT;
    if ((u->links && w <= 8) || (u->links >= 2 && w <= 20) || u->links >= 3 ||
        (u->domains && w <= 6) ||
        (u->emoji && w <= 20) || u->emoji >= 2 || (u->handles && (w <= 6 || 6 * u->handles >= w)))
        return R_WEB;
    if (u->seps >= 2 && w <= 4 * (u->seps + 1))
        return R_NAV;
    if (u->seps && heading_shape && w <= 4 * (u->seps + 1))
        return R_NAV;
    if (u->ui >= 2 && 2 * u->ui >= w)
        return R_UI;
    if (w <= 35 && ((u->prompt && (u->second || u->cta || u->we)) ||
                    (u->prompt2 && u->second && (u->we || u->cta || u->site)) ||
                    (u->cookie && (u->we || u->site))))
        return R_PROMPT;
    if (u->second && ((u->site && w <= 15) || (u->shareit && w <= 12)))
        return R_PROMPT; /* Hat dir der Beitrag gefallen? Folgen Sie uns auf X! */
    if (w <= 15 && ((u->this_site && (u->prompt || u->prompt2 || u->second || u->cta)) ||
                    (u->follow_us && w <= 12) ||
                    (u->imper && (u->we || u->shareit || u->prompt || u->prompt2 || u->site)) ||
                    ((u->prompt2 >= 2 || (u->prompt2 && u->second)) && w <= 8)))
        return R_PROMPT; /* Dieser Artikel ist exklusiv für Abonnenten. Suivez-nous ! */
    return R_OK;
}

/* Shapes of page furniture around an article: an author box, a byline, a
 * dateline, a comment's time, a heading. */
static int shape_reason(const unit *u)
{
    uint32_t w = u->words;
    int heading_shape = !u->term && u->line_end;
    int alone = u->line_start && u->line_end;
    if (u->is_at >= 3 && u->is_at <= 4 && u->caps_before_is == u->is_at - 1 &&
        u->role_after_is && w <= 30)
        return R_AUTHOR;
    if ((u->hcat[0] & C_BYLINE) && u->nhead > 1 && u->hupper[1] && w <= 10 &&
        u->lower == u->fill_lower && !(u->cats & C_MONTH))
        return R_BYLINE; /* Von Anna Schmidt und Max Muster */
    if ((u->has_date || u->has_time) && w <= 12 && u->plain == 0 &&
        (u->has_time || !u->term || w <= 6))
        return R_DATELINE;
    if (u->reltime && w <= 6)
        return R_CMTLINE;
    if (heading_shape) {
        if (u->colon && w >= 8 && stop_share(u) >= 0.25)
            return R_OK; /* a sentence that opens a list or a quote */
        if (alone ? !(w >= PROSE_WORDS && stop_share(u) >= 0.25 && !u->seps) : w < 6)
            return R_HEADING;
    }
    return R_OK;
}

int kurz__boiler_classify(const uint8_t *t, const kurz__sent *s, const unit *u, uint32_t *x)
{
    uint32_t w = u->words;
    size_t pw = 0;
    int pk = (u->hcat[0] & C_PHRASE) ? kurz__boiler_phrase(u, &pw) : 0;
    *x = context_flags(u, pk, pw);

    if (pk == P_TEASER && (w <= pw + 2 || phrase_delimited(t, u, pw, s->end, 1)))
        return R_TEASER;
    if (pk == P_UPDATE && w <= 15 && (u->has_date || u->has_time) && (u->plain <= 1 || !u->term))
        return R_DATELINE;
    if (pk == P_COMMENT && w <= 6)
        return R_COMMENT;
    if (u->nw < MIN_WORDS || u->nc == 0)
        return R_SHORT;
    int r = web_reason(t, s, u);
    return r != R_OK ? r : shape_reason(u);
}
