/* SPDX-License-Identifier: MIT */
/* The scanner of the web-noise filter: one unit's bytes -> counts.
 *
 * Each unit's bytes are scanned into a unit struct (boiler.h): words by
 * letter case, separators (| > » › · •, spaced /, tabs and wide gaps),
 * links, @handles, #hashtags, emoji, ©, dates, clock times and relative
 * times ("vor 3 Stunden", "il y a 2 h", "3 hours ago"), and the words of the
 * keyword lists (data/boiler/, merged into boiler/keywords). The first
 * HEADW words are kept for the phrases. No allocation. */
#include <stddef.h>
#include <string.h>

#include <utf8proc.h>

#include "boiler-impl.h"

/* ---- Keyword index -----------------------------------------------------------
 * The generated list boiler/keywords (a keyword's value is its categories,
 * the first word of a phrase carries C_PHRASE), and a bit set of the first
 * two bytes of its entries: most words start like no keyword, and one bit
 * says so before the list is searched. Built once per summarizer
 * (kurz__kw_init): no global state. */
#define KW_LIST (&kurz__lists[KURZ__WL_BOILER_KEYWORDS])

/* The first two bytes of w[0..n) (n >= 1), as an index into first2's bits. */
static unsigned first2_of(const char *w, size_t n)
{
    return (unsigned)(uint8_t)w[0] << 8 | (n > 1 ? (uint8_t)w[1] : 0u);
}

void kurz__kw_init(kurz__kwindex *ix)
{
    memset(ix, 0, sizeof *ix);
    const kurz__wordlist *l = KW_LIST;
    for (size_t k = 0; k < l->n; k++) {
        size_t n;
        const char *w = kurz__wl_at(l, k, &n);
        unsigned f = first2_of(w, n);
        ix->first2[f >> 6] |= (uint64_t)1 << (f & 63);
    }
}

/* Categories of the lower-case word w[0..n), followed by 8 zero bytes. */
static uint64_t kw_get(const kurz__kwindex *ix, const char *w, size_t n)
{
    if (n == 0)
        return 0;
    unsigned f = first2_of(w, n);
    if (!(ix->first2[f >> 6] >> (f & 63) & 1))
        return 0;
    const kurz__wordlist *l = KW_LIST;
    long k = kurz__wl_find_padded(l, (const uint8_t *)w, n);
    return k < 0 ? 0 : l->val[k];
}

/* Test hook (not in kurz-private.h): 1 when every keyword is lower case,
 * short enough for the scanner and found with its categories, and every
 * phrase fits in the words a unit keeps and is found by its first word. */
/* kw_get on a word that is not zero-padded (n < WMAX). */
static uint64_t kw_get_copy(const kurz__kwindex *ix, const char *w, size_t n)
{
    char pad[WMAX + 8] = {0};
    memcpy(pad, w, n);
    return kw_get(ix, pad, n);
}

int kurz__boiler_table_ok(void);
int kurz__boiler_table_ok(void)
{
    kurz__kwindex ix;
    kurz__kw_init(&ix);
    const kurz__wordlist *l = KW_LIST;
    for (size_t k = 0; k < l->n; k++) {
        size_t n;
        const char *w = kurz__wl_at(l, k, &n);
        if (n == 0 || n >= WMAX || l->val[k] == 0)
            return 0;
        for (size_t i = 0; i < n; i++)
            if (w[i] >= 'A' && w[i] <= 'Z')
                return 0;
        if (kw_get_copy(&ix, w, n) != l->val[k])
            return 0;
    }
    static const int lists[] = {KURZ__WL_BOILER_PHRASE_TEASER, KURZ__WL_BOILER_PHRASE_UPDATE,
                                KURZ__WL_BOILER_PHRASE_COMMENT};
    for (size_t q = 0; q < sizeof lists / sizeof lists[0]; q++) {
        const kurz__wordlist *pl = &kurz__lists[lists[q]];
        for (size_t p = 0; p < pl->n; p++) {
            size_t len;
            const char *s = kurz__wl_at(pl, p, &len);
            size_t words = 1, wl = 0;
            for (; *s; s++) {
                if (*s == ' ') {
                    words++;
                    wl = 0;
                } else if (++wl >= WMAX || (*s >= 'A' && *s <= 'Z')) {
                    return 0;
                }
            }
            s = kurz__wl_at(pl, p, &len);
            size_t n = strcspn(s, " ");
            if (words >= HEADW || n >= WMAX || !(kw_get_copy(&ix, s, n) & C_PHRASE))
                return 0;
        }
    }
    return 1;
}

/* ---- Characters ------------------------------------------------------------ */

/* Decodes the code point at t[i..e) into *cp; returns its length. */
static size_t next_cp(const uint8_t *t, size_t i, size_t e, int32_t *cp)
{
    if (t[i] < 0x80) {
        *cp = t[i];
        return 1;
    }
    return kurz__utf8_decode(t + i, e - i, cp);
}

static int is_word_cp(int32_t cp)
{
    return cp < 0x80 ? kurz__ascii_word((uint8_t)cp) : kurz__is_word_cp(cp);
}

/* ASCII that scan() treats as nothing but "not a word": most punctuation
 * and single spaces take a shortcut past the tests for separators,
 * handles, links and prices. */
static int plain_mark(uint8_t c)
{
    return c < 0x80 && !kurz__ascii_word(c) && c != '\t' && c != ' ' && c != '|' && c != '>' &&
           c != '/' && c != '@' && c != '#' && c != '%' && c != '$';
}

static int is_space_cp(int32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == 0xA0 || cp == 0x202F || cp == 0x2009 ||
           cp == 0x2007 || cp == 0x200B;
}

static int is_digit(uint8_t c)
{
    return c >= '0' && c <= '9';
}

/* Code point before offset i (> lo) and where it starts. */
static int32_t cp_before(const uint8_t *t, size_t lo, size_t i, size_t *at)
{
    size_t j = i - 1;
    while (j > lo && (t[j] & 0xC0) == 0x80)
        j--;
    int32_t cp;
    kurz__utf8_decode(t + j, i - j, &cp);
    *at = j;
    return cp;
}

/* May stand before a @handle or a #hashtag. */
static int opens(int32_t cp)
{
    return is_space_cp(cp) || cp == '(' || cp == '"' || cp == 0xAB || cp == 0x201C ||
           cp == 0x201E || cp == '\'';
}

static int emoji_cp(int32_t cp)
{
    return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) ||
           cp == 0x2B50 || cp == 0x2B55 || cp == 0xFE0F;
}

/* A digit run of 1-2 at t[i..) followed by sep, 1-2 digits, sep, a digit:
 * 12.03.2024, 3/4/24. */
static int date_at(const uint8_t *t, size_t i, size_t e)
{
    size_t k = i, n = 0;
    while (k < e && is_digit(t[k]) && n < 3)
        k++, n++;
    if (n == 0 || n > 2 || k >= e || (t[k] != '.' && t[k] != '/'))
        return 0;
    uint8_t sep = t[k++];
    n = 0;
    while (k < e && is_digit(t[k]) && n < 3)
        k++, n++;
    return n >= 1 && n <= 2 && k + 1 < e && t[k] == sep && is_digit(t[k + 1]);
}

/* 14:05 at t[i..): 1-2 digits, ':', 2 digits. */
static int clock_at(const uint8_t *t, size_t i, size_t e)
{
    size_t k = i, n = 0;
    while (k < e && is_digit(t[k]) && n < 3)
        k++, n++;
    return n >= 1 && n <= 2 && k + 2 < e && t[k] == ':' && is_digit(t[k + 1]) &&
           is_digit(t[k + 2]) && (k + 3 >= e || !is_digit(t[k + 3]));
}

/* -vous or -nous at t[i..e): a French imperative (Abonnez-vous). */
static int hyphen_pronoun(const uint8_t *t, size_t i, size_t e)
{
    if (i + 5 > e || t[i] != '-')
        return 0;
    uint8_t c = (uint8_t)(t[i + 1] | 0x20);
    return (c == 'v' || c == 'n') && (t[i + 2] | 0x20) == 'o' && (t[i + 3] | 0x20) == 'u' &&
           (t[i + 4] | 0x20) == 's';
}

/* A #hashtag, not an anonymisation placeholder like #NAME#: the word after
 * t[i] = '#' is not closed by another '#'. */
static int hashtag_at(const uint8_t *t, size_t i, size_t e)
{
    size_t k = i + 1;
    while (k < e && (t[k] >= 0x80 || kurz__ascii_word(t[k])))
        k++;
    return k >= e || t[k] != '#';
}

/* ---- The scan ----------------------------------------------------------------- */

typedef struct scanner {
    const ctx *c;
    const uint8_t *t;
    size_t b, e;       /* the unit's bytes */
    unit *u;
    uint64_t prev[4];  /* categories of the last words, prev[0] the last */
    uint32_t guil_open, guil_spaced, slashes, role_want;
    int32_t before;    /* code point before the current word or mark */
    size_t last_we;    /* end of the last word */
} scanner;

/* One word as read: lower-cased into buf. */
typedef struct word {
    size_t ws, we;     /* its bytes */
    char buf[WMAX + 8]; /* zero after the word (at most WMAX - 1 bytes) */
    size_t bl;
    int toolong, first_upper, first_digit, all_digits, letters;
} word;

/* A mark (not a word character) cp of n bytes at i: counts separators,
 * handles, links, prices, emoji. Returns where the scan goes on. */
static size_t scan_mark(scanner *sc, size_t i, int32_t cp, size_t n)
{
    const uint8_t *t = sc->t;
    size_t e = sc->e;
    unit *u = sc->u;
    int32_t before = sc->before;
    size_t nx = i + n;
    if ((cp == '\t' || (cp == ' ' && nx + 1 < e && t[nx] == ' ' && t[nx + 1] == ' ')) &&
        u->words > 0 && (before == 'a' || before == ')')) {
        /* a tab or three spaces after a word: menu items side by side */
        while (nx < e && (t[nx] == ' ' || t[nx] == '\t'))
            nx++;
        if (nx < e)
            u->seps++;
        sc->before = ' ';
        return nx;
    }
    int spaced = u->words > 0 && is_space_cp(before) && nx + 1 < e && t[nx] == ' ';
    if (cp == '|')
        u->seps++;
    else if ((cp == '>' || cp == 0x203A || cp == 0xB7 || cp == 0x2022 || cp == 0x2192) && spaced)
        u->seps++;
    else if (cp == '/' && spaced)
        sc->slashes++; /* Home / News / Welt, but also "geändert / angepasst" */
    else if (cp == 0xBB && spaced)
        sc->guil_spaced++;
    else if (cp == 0xAB)
        sc->guil_open++;
    else if (cp == 0xA9)
        u->copyright++;
    else if ((cp == '@' || cp == '#') && opens(before) && nx < e &&
             (t[nx] >= 0x80 || (is_word_cp(t[nx]) && !is_digit(t[nx]))) &&
             (cp == '@' || hashtag_at(t, i, e)))
        u->handles++;
    else if (cp == '@')
        u->links++; /* an e-mail address */
    else if (cp == '%' || cp == 0x20AC || cp == '$')
        u->promo_chars++;
    else if (emoji_cp(cp))
        u->emoji++;
    sc->before = cp;
    return nx;
}

/* Reads the word starting at i with code point cp into *w, lower-cased. */
static void read_word(const uint8_t *t, size_t i, size_t e, int32_t cp, word *w)
{
    w->ws = i;
    memset(w->buf, 0, sizeof w->buf);
    size_t bl = 0;
    char *buf = w->buf;
    int toolong = 0, all_digits = 1, letters = 0;
    w->first_digit = cp < 0x80 && is_digit((uint8_t)cp);
    utf8proc_category_t c0 = cp < 0x80 ? 0 : utf8proc_category(cp);
    w->first_upper = (cp >= 'A' && cp <= 'Z') || c0 == UTF8PROC_CATEGORY_LU ||
                     c0 == UTF8PROC_CATEGORY_LT;
    while (i < e) {
        uint8_t b0 = t[i];
        if (b0 < 0x80) { /* the common case */
            if (!kurz__ascii_word(b0))
                break;
            if (is_digit(b0)) {
                if (bl + 1 < WMAX)
                    buf[bl++] = (char)b0;
                else
                    toolong = 1;
            } else {
                all_digits = 0;
                letters += b0 != '_';
                if (bl + 1 < WMAX)
                    buf[bl++] = (char)(b0 >= 'A' && b0 <= 'Z' ? b0 + 32 : b0);
                else
                    toolong = 1;
            }
            i++;
            continue;
        }
        size_t n = kurz__utf8_decode(t + i, e - i, &cp);
        if (!is_word_cp(cp))
            break;
        all_digits = 0;
        letters++;
        if (!toolong) {
            uint8_t enc[4];
            utf8proc_ssize_t el = utf8proc_encode_char(utf8proc_tolower(cp), enc);
            if (bl + (size_t)el < WMAX) {
                memcpy(buf + bl, enc, (size_t)el);
                bl += (size_t)el;
            } else {
                toolong = 1;
            }
        }
        i += n;
    }
    buf[bl] = 0;
    w->bl = bl;
    w->we = i;
    w->toolong = toolong;
    w->all_digits = all_digits;
    w->letters = letters;
}

/* The categories of word w; notes the dates, clock times and relative
 * times that it makes with the words before it. */
static uint64_t word_cats(scanner *sc, const word *w)
{
    const uint8_t *t = sc->t;
    unit *u = sc->u;
    const uint64_t *prev = sc->prev;
    const char *buf = w->buf;
    uint64_t cats = 0;
    if (w->all_digits) {
        cats = C_NUM;
        u->nums++;
        if (date_at(t, w->ws, sc->e))
            u->has_date = 1;
        if (clock_at(t, w->ws, sc->e))
            u->has_time = 1;
        if (w->we - w->ws == 4 && (prev[0] & C_MONTH))
            u->has_date = 1; /* März 2024 */
    } else if (!w->toolong) {
        if (w->first_digit) {
            /* 10h32, 14h, 3h, 5min, 2j */
            size_t k = 0;
            while (is_digit((uint8_t)buf[k]))
                k++;
            if (k <= 2 && buf[k] == 'h' && (buf[k + 1] == 0 ||
                (is_digit((uint8_t)buf[k + 1]) && is_digit((uint8_t)buf[k + 2]) && !buf[k + 3])))
                u->has_time = 1;
            if (kw_get(sc->c->ix, buf + k, w->bl - k) & C_TSHORT) {
                if ((prev[0] & C_VOR) ||
                    ((prev[0] & C_A) && (prev[1] & C_Y) && (prev[2] & C_IL)))
                    u->reltime = 1;
                cats = C_NUM | C_TSHORT;
            }
        } else {
            cats = kw_get(sc->c->ix, buf, w->bl);
        }
    }
    if (cats & C_TSHORT && !(cats & C_NUM) && (prev[0] & (C_NUM | C_ONE)) &&
        ((prev[1] & C_VOR) || ((prev[1] & C_A) && (prev[2] & C_Y) && (prev[3] & C_IL))))
        u->reltime = 1;
    if ((cats & C_AGO) && (prev[0] & C_TSHORT) && (prev[1] & (C_NUM | C_ONE)))
        u->reltime = 1;
    if ((cats & C_RIGHTS) && (prev[0] & C_RIGHTS1))
        u->rights = 1;
    if ((cats & C_UHR) && (prev[0] & C_NUM))
        u->has_time = 1;
    if ((cats & C_MONTH) && (prev[0] & C_NUM))
        u->has_date = 1;
    return cats;
}

/* Counts word w of categories cats into the unit. */
static void count_word(scanner *sc, const word *w, uint64_t cats)
{
    const uint8_t *t = sc->t;
    unit *u = sc->u;
    const char *buf = w->buf;
    size_t ws = w->ws, we = w->we, b = sc->b, e = sc->e;
    if ((cats & C_TLD) && ws > b && t[ws - 1] == '.' && sc->last_we == ws - 1)
        u->domains++; /* example.de */
    /* cheap tests first: this runs for every word */
    if (!w->toolong && we < e && (t[we] == ':' || t[we] == '.') &&
        (buf[0] == 'h' || buf[0] == 'w') &&
        (!strcmp(buf, "http") || !strcmp(buf, "https") || !strcmp(buf, "www")) &&
        !(ws > b && t[ws - 1] == '/'))
        u->links++; /* http://www.x.de counts once */
    if (w->first_upper)
        u->caps++;
    else if (w->letters && !w->first_digit) {
        u->lower++;
        if (!(cats & (C_MONTH | C_DATEKW | C_FILL | C_UHR | C_TSHORT | C_VOR | C_IL | C_Y |
                      C_A | C_AGO)))
            u->plain++;
        if (cats & C_FILL)
            u->fill_lower++;
    }
    /* words of a category, counted */
    static const struct {
        uint64_t cat;
        size_t at; /* offset of the uint32_t counter in unit */
    } counted[] = {
        {C_UI, offsetof(unit, ui)},           {C_SHAREIT, offsetof(unit, shareit)},
        {C_CMTACT, offsetof(unit, cmtact)},   {C_PROMPT, offsetof(unit, prompt)},
        {C_PROMPT2, offsetof(unit, prompt2)}, {C_COOKIE, offsetof(unit, cookie)},
        {C_SITE, offsetof(unit, site)},       {C_CTA, offsetof(unit, cta)},
        {C_SECOND, offsetof(unit, second)},   {C_WE, offsetof(unit, we)},
    };
    if (cats & ~(C_NUM | C_TSHORT | C_FILL | C_MONTH)) /* none of these is counted */
        for (size_t k = 0; k < sizeof counted / sizeof counted[0]; k++)
            if (cats & counted[k].cat)
                (*(uint32_t *)((char *)u + counted[k].at))++;
    if ((cats & C_IMPER) && (u->words == 0 || hyphen_pronoun(t, we, e)))
        u->imper++;
    if ((cats & C_WE) && (sc->prev[0] & (C_SHAREIT | C_IMPER)))
        u->follow_us = 1;
    if ((cats & C_SITE) && (sc->prev[0] & C_THIS))
        u->this_site = 1;
    if ((cats & C_FORMAL) && w->first_upper && u->words > 0)
        u->second++;
    if (sc->role_want) {
        if (cats & C_ROLE)
            u->role_after_is = 1;
        else if ((!strcmp(buf, "seit") || !strcmp(buf, "depuis") || !strcmp(buf, "since")) &&
                 sc->role_want == 1)
            sc->role_want = 3; /* seit 2015 Redakteurin */
        sc->role_want = sc->role_want > 1 ? sc->role_want - 1 : 0;
    }
    if ((cats & C_IS) && !u->is_at) {
        u->is_at = u->words + 1;
        u->caps_before_is = u->caps;
        sc->role_want = 1;
    }
    u->cats |= cats;
    if (u->nhead < HEADW) {
        memcpy(u->head[u->nhead], buf, w->bl + 1);
        if (w->toolong)
            u->head[u->nhead][0] = 0;
        u->hcat[u->nhead] = cats;
        u->hupper[u->nhead] = (uint8_t)w->first_upper;
        u->hend[u->nhead] = we;
        u->nhead++;
    }
    sc->prev[3] = sc->prev[2];
    sc->prev[2] = sc->prev[1];
    sc->prev[1] = sc->prev[0];
    sc->prev[0] = cats;
    u->words++;
    sc->last_we = we;
    sc->before = 'a';
}

/* How unit s ends (final punctuation, a colon) and whether it stands alone
 * on its line. */
static void scan_end(const scanner *sc, const kurz__sent *s)
{
    const uint8_t *t = sc->t;
    size_t b = sc->b, e = sc->e, len = sc->c->len;
    unit *u = sc->u;
    /* how it ends: skip closing quotes, brackets and spaces */
    size_t j = e;
    while (j > b) {
        size_t at;
        int32_t cp = cp_before(t, b, j, &at);
        if (is_space_cp(cp) || cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == '}' ||
            cp == 0xBB || cp == 0x201D || cp == 0x201C || cp == 0x2019 || cp == 0x203A ||
            cp == '*') {
            j = at;
            continue;
        }
        u->term = cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 || cp == 0x203D;
        u->excl = cp == '!';
        u->quest = cp == '?';
        u->colon = cp == ':';
        break;
    }
    if (s->flags & KURZ__S_TERMINATED)
        u->term = 1;
    if (!u->term)
        u->seps += sc->slashes;

    /* is it alone on its line? */
    j = e;
    while (j < len && (t[j] == ' ' || t[j] == '\t'))
        j++;
    u->line_end = j >= len || t[j] == '\n' || t[j] == '\r' || (s->flags & KURZ__S_LINE);
    j = b;
    while (j > 0 && (t[j - 1] == ' ' || t[j - 1] == '\t'))
        j--;
    u->line_start = j == 0 || t[j - 1] == '\n' || t[j - 1] == '\r' ||
                    (j == 3 && t[0] == 0xEF && t[1] == 0xBB && t[2] == 0xBF);
}

void kurz__boiler_scan(const ctx *c, size_t idx, unit *u)
{
    const kurz__doc *d = c->d;
    const uint8_t *t = c->t;
    const kurz__sent *s = &d->sents.v[idx];
    scanner sc;
    memset(&sc, 0, sizeof sc);
    sc.c = c;
    sc.t = t;
    sc.b = s->start;
    sc.e = s->end;
    sc.u = u;
    sc.before = ' ';
    sc.last_we = (size_t)-1;
    memset(u, 0, sizeof *u);
    u->nw = d->nwords[idx];
    u->nc = d->ncontent[idx];
    size_t i = sc.b, e = sc.e;
    while (i < e) {
        int32_t cp;
        uint8_t c1 = t[i];
        if (plain_mark(c1) || (c1 == ' ' && (i + 1 >= e || t[i + 1] != ' '))) {
            sc.before = c1; /* what scan_mark does for these */
            i++;
            continue;
        }
        size_t n = next_cp(t, i, e, &cp);
        if (!is_word_cp(cp)) {
            i = scan_mark(&sc, i, cp, n);
            continue;
        }
        word w;
        read_word(t, i, e, cp, &w);
        count_word(&sc, &w, word_cats(&sc, &w));
        i = w.we;
    }
    if (sc.guil_spaced > sc.guil_open)
        u->seps += sc.guil_spaced - sc.guil_open;
    scan_end(&sc, s);
}
