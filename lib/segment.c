/* SPDX-License-Identifier: MIT */
/* Sentence segmentation.
 *
 * One forward pass over the text. Each decision looks at most a few dozen
 * bytes behind (the word before a full stop and the token before that) and
 * ahead (the next word, the next line's first word), so the time is linear
 * in the input whatever it holds. Runs of ordinary word bytes are skipped
 * through a byte table.
 *
 * Units end at:
 *  - the end of the text, and a blank line (a line holding only white
 *    space; U+2029 counts as one). Blank lines also start a new paragraph.
 *  - a run of sentence-final marks followed by white space: . ! ? …, every
 *    code point with the Unicode property Sentence_Terminal (sterm-table.h:
 *    the danda । ॥, the Armenian full stop ։, Arabic ؟ ۔, full-width marks),
 *    the Greek question mark U+037E, and the language's own marks
 *    (data/terminal/<code>: ASCII : in Armenian, ; in Greek, | for the danda
 *    in Hindi and Nepali). The closing quotes and brackets glued to it stay
 *    with it ("Lust.“", "nicht!)."), so do a closing » ” › after a
 *    (no-break) space ("fin. »"), the language's closing quote marks
 *    (data/quotes/: '' in Dutch), and a straight " or a ) after a space when
 *    one is open in the unit ("gagner. \"") — unless a rule below vetoes it:
 *      * what follows is , ; : or a dot (",,Das" as a quote mark, ". . ."):
 *        no end. "(...)" and "[…]" are omissions, not ends.
 *      * the next word (after opening quotes and brackets) starts with a
 *        lowercase letter: no end ("etc. et", "Et puis... rien", "Ltd.
 *        sont", "Mamma Mia! in"), except after a real word (four letters or
 *        more, or an acronym: "Hylidae. il", "UNC. à", sloppy web text), and
 *        after any plain word when a line break comes between (a column of
 *        lowercase words under a sentence).
 *      * ! ? … and "..." end before anything else.
 *      * for a single "." the word before it decides:
 *          a quote or bracket between word and dot ("(… 94).", "„Ja“."):
 *            an end;
 *          one letter ("z. B.", "J. R. R. Tolkien", "S. 225"), or initials
 *            written together ("T.J.", "J.-P."): no end, except a capital
 *            letter before a word that typically opens a sentence ("OS X.
 *            Une", "Halle P. Sie"), not after another letter with a dot; a
 *            letter after a number is a unit ("30 F.", "2° C.": may end);
 *          an abbreviation of the language's list (data/abbrev/): never
 *            ("Dr.", "bzw.", "M.", "p. ex.", "dell'art."), or only before a
 *            capital ("usw. Die", not "Nr. 5"; a two-part one ending in a
 *            letter, "e. V.", before a sentence opener where the language
 *            lists them); a closing bracket after it ends it before a
 *            sentence opener ("(par ex.) Ainsi");
 *          an unknown short word without vowels ("bspw.", "Std."), lowercase
 *            parts joined by dots ("o.a."): abbreviations (after a number a
 *            unit: "600 km." may end); capital parts ("U.S.A."): may end;
 *            parts in a script without letter case ("தி.மு.க."): no end;
 *          a number ("1990", "15./14", "1.000"): no end when it opens the
 *            unit (list numbering "1. Dies", "• 3. Seien"), in a date or
 *            range ("am 3. 10. 1990", "1. -3."); in a language that writes
 *            ordinals with a dot (data/ordinal-dot/langs) also inside
 *            brackets ("(14. Nisan)"), before a month or a noun that usually
 *            follows an ordinal where it lists them (data/ordinal-next,
 *            ordinal-suffix: "am 10. Dezember", "im 2. Weltkrieg",
 *            "60. Jubiläumsjahr"), or after an article or contraction
 *            (ordinal-prev: "am 12.", "Der 2."); otherwise "geboren 1990.
 *            Danach" ends;
 *          a Roman numeral: an end only before a sentence opener ("Carl
 *            XVI. Gustaf" goes on, "Benedikt XVI. Er" ends);
 *          any other word: an end.
 *    A dot not followed by white space never ends a unit: numbers (2.800,
 *    3.5, 10.30), URLs, e-mail addresses, domain and file names.
 *  - a single line break (see line_is_unit): the line becomes a unit of its
 *    own (a heading, dateline, byline, list item) unless it reads as a
 *    hard-wrapped line of running text.
 * A colon ends nothing by itself. Units are trimmed of white space; every
 * other byte belongs to exactly one unit. Spans never split a UTF-8
 * sequence. Character classes come from utf8proc. */
#include <string.h>

#include <utf8proc.h>

#include "segment.h"
#include "sterm-table.h"

enum { C_OTHER, C_SPACE, C_BREAK, C_PARA, C_UPPER, C_LOWER, C_LETTER, C_DIGIT };

/* what follows a full stop */
enum { NX_END, NX_LOWER, NX_UPPER, NX_DIGIT, NX_CONT, NX_OTHER };

/* the word before a full stop */
enum { W_PLAIN, W_WORD, W_SINGLE, W_NEVER, W_MAY, W_DIGITS, W_ROMAN, W_MAY_OPENER };

#define WORD_MAX 40 /* longer words are plain words: no list holds them */

typedef struct seg {
    const kurz__mem *m;
    kurz__sentvec *out;
    kurz__lang lang;
    const uint8_t *t;
    size_t len;
    /* the open unit */
    int open;
    size_t ustart, uend; /* first byte, end of the last non-space char */
    uint32_t uflags;     /* KURZ__S_PARA_START when it opens a paragraph */
    uint32_t para;
    int para_pending, emitted;
    /* completed tokens (runs of non-space) of the unit, last four */
    size_t tok_s[4], tok_e[4];
    size_t ntok;
    int in_tok;
    size_t cur_s;
    /* the unit's current line */
    size_t line_s, line_ntok;
    size_t tail_end; /* end of the last . ! ? run judged not to end the unit */
    unsigned quotes;  /* straight double quotes seen in the unit */
    unsigned parens;  /* open round and square brackets in the unit */
    /* the language's word lists (data/): NULL where it has none */
    const kurz__wordlist *abbr;
    const kurz__wordlist *func[4], *starter[4]; /* any of up to four lists */
    const kurz__wordlist *stop_starter; /* stop words that open a sentence when capitalised */
    const kurz__wordlist *ord_next, *ord_suffix, *ord_prev;
    int ordinal_dot;     /* the language writes ordinals with a dot ("10.") */
    int32_t extra[4];    /* its own sentence-final marks (data/terminal/), 0 = none */
    int own_starters;    /* it has its own sentence openers (data/starter/) */
    const kurz__wordlist *qmarks; /* quote marks of several characters (data/quotes/) */
} seg;

/* ---- characters -------------------------------------------------------- */

static size_t dec(const uint8_t *t, size_t len, size_t i, int32_t *cp)
{
    if (t[i] < 0x80) {
        *cp = t[i];
        return 1;
    }
    return kurz__utf8_decode(t + i, len - i, cp);
}

/* start of the code point that ends at i (i > lo) */
static size_t back(const uint8_t *t, size_t lo, size_t i)
{
    size_t j = i - 1;
    while (j > lo && (t[j] & 0xC0) == 0x80 && i - j < 4)
        j--;
    return j;
}

static int is_vowel(int32_t cp)
{
    switch (cp | 0x20) {
    case 'a': case 'e': case 'i': case 'o': case 'u': case 'y':
        return 1;
    default:
        return 0;
    }
}

static int is_roman(int32_t cp)
{
    switch (cp) {
    case 'I': case 'V': case 'X': case 'L': case 'C': case 'D': case 'M':
        return 1;
    default:
        return 0;
    }
}

static int cp_class(int32_t cp)
{
    if (cp < 0x80) {
        if (cp == ' ' || cp == '\t' || (cp >= 0x1C && cp <= 0x1F))
            return C_SPACE;
        if (cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f')
            return C_BREAK;
        if (cp >= 'A' && cp <= 'Z')
            return C_UPPER;
        if (cp >= 'a' && cp <= 'z')
            return C_LOWER;
        if (cp >= '0' && cp <= '9')
            return C_DIGIT;
        return C_OTHER;
    }
    switch (cp) {
    case 0x85: case 0x2028:
        return C_BREAK;
    case 0x2029:
        return C_PARA;
    case 0xA0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
        return C_SPACE;
    default:
        break;
    }
    if (cp >= 0x2000 && cp <= 0x200A)
        return C_SPACE;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT:
        return C_UPPER;
    case UTF8PROC_CATEGORY_LL:
        return C_LOWER;
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
        return C_LETTER;
    case UTF8PROC_CATEGORY_ND:
        return C_DIGIT;
    default:
        return C_OTHER;
    }
}

/* a combining mark (Mn, Mc, Me): a vowel sign, virama, niqqud, accent */
static int is_mark(int32_t cp)
{
    if (cp < 0x300)
        return 0;
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC || c == UTF8PROC_CATEGORY_ME;
}

static int is_space_class(int c)
{
    return c == C_SPACE || c == C_BREAK || c == C_PARA;
}

static int is_letter_class(int c)
{
    return c == C_UPPER || c == C_LOWER || c == C_LETTER;
}

/* Unicode Sentence_Terminal (sterm-table.h), the ellipsis … and the Greek
 * question mark U+037E (canonically ";", so not in the property) */
static int is_sterm(int32_t cp)
{
    if (cp < 0x80)
        return cp == '.' || cp == '!' || cp == '?';
    if (cp == 0x2026 || cp == 0x37E)
        return 1;
    size_t lo = 0, hi = sizeof kurz__sterm / sizeof kurz__sterm[0];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if ((uint32_t)cp < kurz__sterm[mid][0])
            hi = mid;
        else if ((uint32_t)cp > kurz__sterm[mid][1])
            lo = mid + 1;
        else
            return 1;
    }
    return 0;
}

/* a sentence-final mark in the language: Unicode's, and the language's own
 * (data/terminal/<code>.txt: ":" in Armenian, ";" in Greek, "|" in Nepali) */
static int is_term(const seg *st, int32_t cp)
{
    if (is_sterm(cp))
        return 1;
    for (int k = 0; k < 4 && st->extra[k]; k++)
        if (cp == st->extra[k])
            return 1;
    return 0;
}

/* closing quotes and brackets that stay with the sentence before them */
static int is_closer(int32_t cp)
{
    switch (cp) {
    case '"': case '\'': case ')': case ']': case '}':
    case 0xBB: case 0xAB:         /* » « (German »…« closes with «) */
    case 0x201D: case 0x201C:     /* ” “ (German „…“ closes with “) */
    case 0x2019: case 0x2018:     /* ’ ‘ */
    case 0x203A: case 0x2039:     /* › ‹ */
    case 0x300D: case 0x300F: case 0xFF09:
        return 1;
    default:
        return 0;
    }
}

/* opening quotes and brackets skipped before the next word */
static int is_opener(int32_t cp)
{
    switch (cp) {
    case '"': case '\'': case '(': case '[': case '{':
    case 0xAB: case 0xBB: case 0x201E: case 0x201A: case 0x201C: case 0x201D:
    case 0x2018: case 0x2019: case 0x2039: case 0x203A: case 0xBF: case 0xA1:
    case 0x300C: case 0x300E: case 0xFF08:
        return 1;
    default:
        return 0;
    }
}

static int is_bullet(int32_t cp)
{
    switch (cp) {
    case '-': case '*': case '+': case 0xB7: case 0x2013: case 0x2014: case 0x2022:
    case 0x2023: case 0x2043: case 0x2219: case 0x25A0: case 0x25A1: case 0x25AA:
    case 0x25AB: case 0x25B6: case 0x25BA: case 0x25CB: case 0x25CF: case 0x25E6:
    case 0x2610: case 0x2713: case 0x2714: case 0x2717: case 0x27A2:
        return 1;
    default:
        return 0;
    }
}

/* ---- word lists ----------------------------------------------------------- */

/* Abbreviations are stored without their dots, with a kind (data/abbrev/). */
enum { SEG_NEVER = KURZ__VAL_NEVER, SEG_MAY = KURZ__VAL_MAY };

static int abbr_cat(const seg *st, const uint8_t *k, size_t kn)
{
    long i = kurz__wl_find(st->abbr, k, kn);
    return i < 0 ? 0 : (int)st->abbr->val[i];
}

/* In any of the lists l[0..4)? */
static int in_lists(const kurz__wordlist *const l[4], const uint8_t *k, size_t kn)
{
    return kurz__wl_find(l[0], k, kn) >= 0 || kurz__wl_find(l[1], k, kn) >= 0 ||
           kurz__wl_find(l[2], k, kn) >= 0 || kurz__wl_find(l[3], k, kn) >= 0;
}

/* The lists of language lang, found by its code: data/abbrev/<code>,
 * function/, starter/, ordinal-next/, ordinal-suffix/, ordinal-prev/,
 * terminal/, and whether ordinal-dot/langs names it. A language without
 * function words or sentence openers of its own, and KURZ__LANG_OTHER, use
 * those of German, French and English together; KURZ__LANG_OTHER also uses
 * the abbreviations for any language (abbrev/mul) and the German ordinal
 * rules. */
static void find_lists(seg *st, kurz__lang lang)
{
    static const char *const all[3] = {"de", "fr", "en"};
    const char *code = kurz__lang_rules_code(lang);
    const char *ord = code ? code : "de";
    st->abbr = code ? kurz__wl_lang("abbrev", code) : kurz__wl_get("abbrev/mul");
    st->ord_next = kurz__wl_lang("ordinal-next", ord);
    st->ord_suffix = kurz__wl_lang("ordinal-suffix", ord);
    st->ord_prev = code ? kurz__wl_lang("ordinal-prev", code) : NULL;
    st->ordinal_dot = kurz__wl_find(kurz__wl_get("ordinal-dot/langs"), (const uint8_t *)ord,
                                    strlen(ord)) >= 0;
    const kurz__wordlist *f = code ? kurz__wl_lang("function", code) : NULL;
    const kurz__wordlist *o = code ? kurz__wl_lang("starter", code) : NULL;
    st->own_starters = o != NULL;
    if (f || o) {
        st->func[0] = f;
        st->starter[0] = o;
    } else {
        for (int k = 0; k < 3; k++) {
            st->func[k] = kurz__wl_lang("function", all[k]);
            st->starter[k] = kurz__wl_lang("starter", all[k]);
        }
        /* its function words often open a sentence too ("Il", "Nel") */
        const kurz__langinfo *li = kurz__lang_info(lang);
        st->stop_starter = li ? li->stopwords : NULL;
    }
    st->qmarks = code ? kurz__wl_lang("quotes", code) : NULL;
    const kurz__wordlist *term = code ? kurz__wl_lang("terminal", code) : NULL;
    for (size_t i = 0, k = 0; term && i < term->n && k < 4; i++) {
        size_t n;
        const char *w = kurz__wl_at(term, i, &n);
        int32_t cp;
        if (kurz__utf8_decode((const uint8_t *)w, n, &cp) == n)
            st->extra[k++] = cp;
    }
}

/* The length of the language's quote mark of kind (KURZ__VAL_OPEN or
 * KURZ__VAL_CLOSE) that starts at p (",,", "''" in Dutch), or 0. */
static size_t quote_at(const seg *st, size_t p, uint64_t kind)
{
    const kurz__wordlist *q = st->qmarks;
    for (size_t i = 0; q && i < q->n; i++) {
        size_t n;
        const char *w = kurz__wl_at(q, i, &n);
        if (q->val[i] == kind && n <= st->len - p && memcmp(st->t + p, w, n) == 0)
            return n;
    }
    return 0;
}

/* Lowers the first letter of k in place (ASCII letters and two-byte
 * letters). */
static void lower_first(uint8_t *k, size_t kn)
{
    if (kn >= 1 && k[0] >= 'A' && k[0] <= 'Z') {
        k[0] = (uint8_t)(k[0] + 32);
    } else if (kn >= 2 && k[0] == 0xC3 && k[1] >= 0x80 && k[1] <= 0x9E && k[1] != 0x97) {
        k[1] = (uint8_t)(k[1] + 32);
    } else if (kn >= 2 && k[0] >= 0xC4 && k[0] < 0xE0) {
        /* other two-byte capitals (Greek, Cyrillic, Armenian, Latin
         * Extended) whose lowercase takes two bytes too: "См." */
        int32_t cp;
        if (kurz__utf8_decode(k, kn, &cp) != 2)
            return;
        utf8proc_int32_t lo = utf8proc_tolower(cp);
        if (lo != cp && lo >= 0x80 && lo < 0x800) {
            k[0] = (uint8_t)(0xC0 | (lo >> 6));
            k[1] = (uint8_t)(0x80 | (lo & 0x3F));
        }
    }
}

/* ---- units ------------------------------------------------------------------ */

static int ends_terminated(const seg *st, size_t s, size_t e)
{
    for (int steps = 0; e > s && steps < 8; steps++) {
        size_t b = back(st->t, s, e);
        int32_t cp;
        dec(st->t, st->len, b, &cp);
        if (is_term(st, cp))
            return 1;
        if (!is_closer(cp) && cp_class(cp) != C_SPACE)
            return 0;
        e = b;
    }
    return 0;
}

static int emit(seg *st, size_t end, int by_break)
{
    uint32_t flags = st->uflags;
    if (ends_terminated(st, st->ustart, end))
        flags |= KURZ__S_TERMINATED;
    else if (by_break)
        flags |= KURZ__S_LINE;
    if (KURZ__GROW(st->m, st->out->v, st->out->cap, st->out->n + 1))
        return KURZ_ERR_NOMEM;
    st->out->v[st->out->n++] = (kurz__sent){st->ustart, end, st->para, flags};
    st->open = 0;
    st->emitted = 1;
    st->in_tok = 0;
    st->ntok = 0;
    return 0;
}

static void open_unit(seg *st, size_t i)
{
    st->open = 1;
    st->ustart = i;
    st->uend = i;
    st->uflags = 0;
    if (!st->emitted) {
        st->uflags = KURZ__S_PARA_START;
    } else if (st->para_pending) {
        st->para++;
        st->uflags = KURZ__S_PARA_START;
    }
    st->para_pending = 0;
    st->ntok = 0;
    st->in_tok = 0;
    st->line_s = i;
    st->line_ntok = 0;
    st->tail_end = (size_t)-1;
    st->quotes = 0;
    st->parens = 0;
}

static void end_token(seg *st, size_t e)
{
    if (!st->in_tok)
        return;
    st->tok_s[st->ntok & 3] = st->cur_s;
    st->tok_e[st->ntok & 3] = e;
    st->ntok++;
    st->line_ntok++;
    st->in_tok = 0;
}

/* Strips opening punctuation from the start and closing punctuation (and
 * trailing dots when strip_dots) from the end of [*s, *e); bounded. */
static void strip_word(const seg *st, size_t *s, size_t *e, int strip_dots)
{
    for (int n = 0; *s < *e && n < 4; n++) {
        int32_t cp;
        size_t k = dec(st->t, st->len, *s, &cp);
        if (!is_opener(cp) && cp != '-' && cp != 0x2013 && cp != 0x2014)
            break;
        *s += k;
    }
    for (int n = 0; *e > *s && n < 4; n++) {
        size_t b = back(st->t, *s, *e);
        int32_t cp;
        dec(st->t, st->len, b, &cp);
        if (!is_closer(cp) && !(strip_dots && cp == '.'))
            break;
        *e = b;
    }
}

/* Copies [s, e) without dots into k (capacity WORD_MAX); returns the length,
 * or 0 when it does not fit. */
static size_t make_key(const seg *st, size_t s, size_t e, uint8_t *k, size_t kn)
{
    for (size_t i = s; i < e; i++) {
        if (st->t[i] == '.')
            continue;
        if (kn >= WORD_MAX)
            return 0;
        k[kn++] = st->t[i];
    }
    return kn;
}

/* Does the token before the current one start with a digit ("2° C.",
 * "600 km.", "30 F.")? */
static int after_number(const seg *st)
{
    if (st->ntok == 0)
        return 0;
    uint8_t c = st->t[st->tok_s[(st->ntok - 1) & 3]];
    return c >= '0' && c <= '9';
}

/* The kind of the two-part abbreviation whose second part (without dots)
 * is key[0..kn) and whose first part is the token before ("p. ex.",
 * "т. д."), or 0. */
static int two_part(const seg *st, const uint8_t *key, size_t kn)
{
    if (st->ntok == 0)
        return 0;
    size_t ps = st->tok_s[(st->ntok - 1) & 3], pe = st->tok_e[(st->ntok - 1) & 3];
    if (!(pe > ps && st->t[pe - 1] == '.' && pe - ps <= 6))
        return 0;
    strip_word(st, &ps, &pe, 0);
    uint8_t key2[WORD_MAX];
    size_t k2 = make_key(st, ps, pe, key2, 0);
    if (!k2 || k2 + kn > WORD_MAX)
        return 0;
    memcpy(key2 + k2, key, kn);
    return abbr_cat(st, key2, k2 + kn);
}

/* Classifies the word [s, e) before a full stop (already stripped). */
static int word_kind(const seg *st, size_t s, size_t e)
{
    const uint8_t *t = st->t;
    if (e <= s || e - s > WORD_MAX)
        return W_PLAIN;
    int32_t cp;
    size_t n = dec(t, st->len, s, &cp);
    if (s + n == e) {
        int c = cp_class(cp);
        if (is_letter_class(c)) {
            if (abbr_cat(st, t + s, n) == SEG_NEVER)
                return W_NEVER; /* "M." */
            /* the second part of "z. B.", "т. д.": a two-part abbreviation
             * that may end a sentence ends it, in a language that lists its
             * sentence openers, only before one ("e. V. Das", not "e. V.
             * Dresden") */
            int two = two_part(st, t + s, n);
            if (two == SEG_NEVER)
                return W_NEVER;
            if (two == SEG_MAY)
                return st->own_starters ? W_MAY_OPENER : W_MAY;
            /* a unit: "30 F.", "2° C."; but "49 v. Chr." */
            return after_number(st) && cp != 'v' && cp != 'n' ? W_MAY : W_SINGLE;
        }
        return (cp >= '0' && cp <= '9') ? W_DIGITS : W_PLAIN;
    }

    uint8_t key[WORD_MAX];
    size_t kn = make_key(st, s, e, key, 0);
    int cat = kn ? abbr_cat(st, key, kn) : 0;
    if (!cat && kn && st->ntok == 0) { /* sentence-initial capital: "Vgl." */
        lower_first(key, kn);
        cat = abbr_cat(st, key, kn);
    }
    if (!cat && kn)
        cat = two_part(st, key, kn); /* "p. ex." */
    if (!cat && kn == 3 && memcmp(key, "J-C", 3) == 0 && st->ntok >= 1 &&
        (st->lang == KURZ__LANG_FR || st->lang == KURZ__LANG_OTHER)) {
        /* "av. J.-C.", "après J.-C." is an era (may end); else initials */
        size_t ps = st->tok_s[(st->ntok - 1) & 3], pe = st->tok_e[(st->ntok - 1) & 3];
        static const char *era[] = {"av.", "apr.", "avant", "après"};
        for (size_t q = 0; q < 4; q++)
            if (pe - ps == strlen(era[q]) && memcmp(t + ps, era[q], pe - ps) == 0)
                cat = SEG_MAY;
    }
    if (!cat && kn) {
        /* the last part of a compound: "Eingangs-Nr.", "Bahnhof-Str." */
        size_t h = kn;
        while (h > 0 && key[h - 1] != '-')
            h--;
        if (h > 0 && h < kn)
            cat = abbr_cat(st, key + h, kn - h);
    }
    if (!cat && kn) {
        /* after an elided article or preposition: "dell'art.", "all’art." */
        size_t h = kn;
        while (h > 0 && key[h - 1] != '\'' && !(h >= 3 && key[h - 3] == 0xE2 &&
                                                  key[h - 2] == 0x80 && key[h - 1] == 0x99))
            h--;
        if (h > 0 && h < kn)
            cat = abbr_cat(st, key + h, kn - h);
    }
    if (cat == SEG_NEVER)
        return W_NEVER;
    if (cat == SEG_MAY)
        return W_MAY;

    /* shapes */
    size_t digits = 0, roman = 0, letters = 0, vowels = 0, upper = 0, ascii_letters = 0;
    size_t dots = 0, seg_letters = 0, max_seg = 0, other = 0, lower = 0, caseless = 0;
    for (size_t i = s; i < e;) {
        n = dec(t, st->len, i, &cp);
        int c = cp_class(cp);
        if (cp >= 0x300 && is_mark(cp)) {
            /* part of the letter before it */
        } else if (c == C_DIGIT) {
            digits++;
        } else if (is_letter_class(c)) {
            letters++;
            seg_letters++;
            if (cp < 0x80) {
                ascii_letters++;
                vowels += (size_t)is_vowel(cp);
                roman += (size_t)is_roman(cp);
            } else {
                vowels++; /* accented letters: count as vowels (not an abbreviation) */
            }
            if (c == C_UPPER)
                upper++;
            else
                lower++;
            caseless += c == C_LETTER;
        } else if (cp == '.') {
            dots++;
            if (seg_letters > max_seg)
                max_seg = seg_letters;
            seg_letters = 0;
        } else if (cp != '-' && cp != '\'' && cp != 0x2019) {
            other++;
        }
        i += n;
    }
    if (seg_letters > max_seg)
        max_seg = seg_letters;
    size_t len = e - s;
    if (digits == len && len <= 4)
        return W_DIGITS;
    if (digits && !letters && len <= 12 && t[e - 1] >= '0' && t[e - 1] <= '9') {
        /* "15./14", "1914-18", "1.000": numbers joined by . / - */
        size_t q = s;
        while (q < e && ((t[q] >= '0' && t[q] <= '9') || t[q] == '.' || t[q] == '/' || t[q] == '-'))
            q++;
        if (q == e)
            return W_DIGITS;
    }
    if (roman == len && len >= 2 && len <= 6)
        return W_ROMAN;
    if (dots && !digits && !other && max_seg <= 2) {
        /* initials "T.J.", "J.-P." go on, so do "o.a.", "z.b."; "U.S.A" may end;
         * in scripts without letter case ("தி.மு.க.") they go on */
        if ((max_seg == 1 && !lower) || (letters && caseless == letters))
            return W_SINGLE;
        if (cp_class(t[s]) == C_LOWER)
            return W_NEVER;
        return W_MAY;
    }
    if (dots || digits || other)
        return W_PLAIN;
    if (letters == ascii_letters && letters >= 2 && letters <= 5 && vowels == 0 &&
        upper < letters) {
        /* "bspw", "Std": no vowel, not an acronym; "600 km." is a unit */
        if (t[s] >= 'a' && t[s] <= 'z')
            return after_number(st) ? W_MAY : W_NEVER;
        return W_MAY;
    }
    if (st->lang == KURZ__LANG_DE && len >= 3 &&
        (memcmp(t + e - 3, "str", 3) == 0 || memcmp(t + e - 3, "Str", 3) == 0))
        return W_MAY; /* "Hauptstr. 5" */
    if (letters >= 4 || (letters >= 2 && upper == letters))
        return W_WORD; /* a real word (or an acronym): the dot ends the sentence */
    return W_PLAIN;
}

/* Looks at what starts at p (after white space): skips opening quotes and
 * brackets, and a dash glued to a word. Stores the next word's letters. */
static int next_kind(const seg *st, size_t p, size_t *ws, size_t *we)
{
    const uint8_t *t = st->t;
    size_t len = st->len;
    int32_t cp;
    int skipped = 0;
    *ws = *we = p;
    for (int n = 0; p < len && n < 6; n++) {
        size_t k = dec(t, len, p, &cp);
        size_t qk = quote_at(st, p, KURZ__VAL_OPEN);
        if (qk)
            k = qk;
        if (qk || is_opener(cp)) {
            p += k;
            skipped = 1;
            /* French « with a space inside */
            for (int m = 0; p < len && m < 3; m++) {
                int32_t c2;
                size_t k2 = dec(t, len, p, &c2);
                if (cp_class(c2) != C_SPACE)
                    break;
                p += k2;
            }
            continue;
        }
        if ((cp == '-' || cp == 0x2013 || cp == 0x2014) && p + k < len) {
            int32_t c2;
            dec(t, len, p + k, &c2);
            int c = cp_class(c2);
            if (is_letter_class(c) || c == C_DIGIT) {
                p += k;
                continue;
            }
        }
        break;
    }
    if (p >= len)
        return NX_END;
    dec(t, len, p, &cp);
    int c = cp_class(cp);
    if (is_letter_class(c) || c == C_DIGIT) {
        size_t q = p, roman = 0, n = 0;
        while (q < len && q - p < WORD_MAX) {
            int32_t c2;
            size_t k2 = dec(t, len, q, &c2);
            int cc = cp_class(c2);
            if (c == C_DIGIT ? cc != C_DIGIT : !is_letter_class(cc))
                break;
            roman += (size_t)is_roman(c2);
            n++;
            q += k2;
        }
        *ws = p;
        *we = q;
        if (c == C_DIGIT)
            return NX_DIGIT;
        if (roman == n && n >= 2) /* "Vol. XVII" */
            return NX_DIGIT;
        return c == C_LOWER ? NX_LOWER : NX_UPPER;
    }
    if (skipped && (cp == '.' || cp == 0x2026))
        return NX_OTHER; /* "(...)" after a sentence */
    if (cp == ',' || cp == ';' || cp == ':' || cp == '.')
        return NX_CONT;
    return NX_OTHER;
}

static int word_in(const seg *st, const kurz__wordlist *l, size_t s, size_t e)
{
    if (e <= s || e - s > WORD_MAX)
        return 0;
    return kurz__wl_find(l, st->t + s, e - s) >= 0;
}

/* Lowercased copy of [s, e) in the list l? */
static int lower_in(const seg *st, const kurz__wordlist *const l[4], size_t s, size_t e)
{
    if (e <= s || e - s > WORD_MAX)
        return 0;
    uint8_t k[WORD_MAX];
    memcpy(k, st->t + s, e - s);
    lower_first(k, e - s);
    return in_lists(l, k, e - s);
}

/* Is the current token (started at cur_s) the first of its unit, or the
 * first after a bullet? */
static int opens_unit(const seg *st)
{
    if (st->ntok == 0)
        return 1;
    if (st->ntok == 1) {
        int32_t cp;
        size_t n = dec(st->t, st->len, st->tok_s[0], &cp);
        return st->tok_s[0] + n == st->tok_e[0] && is_bullet(cp);
    }
    return 0;
}

/* Does the word [s, e) (first letter lowered) often open a sentence? */
static int starter(const seg *st, size_t s, size_t e)
{
    if (lower_in(st, st->starter, s, e))
        return 1;
    if (!st->stop_starter || e <= s)
        return 0;
    /* a stop word written with a capital and then lowercase ("Nel"; not
     * "nel", not an all-capitals name) */
    int32_t cp;
    size_t n = dec(st->t, st->len, s, &cp);
    if (s + n >= e || cp_class(cp) != C_UPPER)
        return 0;
    dec(st->t, st->len, s + n, &cp);
    if (cp_class(cp) != C_LOWER)
        return 0;
    const kurz__wordlist *l[4] = {st->stop_starter, NULL, NULL, NULL};
    return lower_in(st, l, s, e);
}

/* Articles and prepositions that start surnames ("J. Le Goff", "P. Van Dyck",
 * "H. De Maizière"): after an initial they do not open a sentence. */
static int name_particle(const seg *st, size_t s, size_t e)
{
    const kurz__wordlist *l[4] = {&kurz__lists[KURZ__WL_NAME_PARTICLE_MUL], NULL, NULL, NULL};
    return lower_in(st, l, s, e);
}

/* Is the token before the current one a single letter with a dot (a part
 * of "z. B.", "i. d. R.", "J. R. R.")? */
static int after_letter_dot(const seg *st)
{
    if (st->ntok == 0)
        return 0;
    size_t ps = st->tok_s[(st->ntok - 1) & 3], pe = st->tok_e[(st->ntok - 1) & 3];
    if (pe - ps < 2 || st->t[pe - 1] != '.')
        return 0;
    int32_t cp;
    size_t n = dec(st->t, st->len, ps, &cp);
    return ps + n == pe - 1 && is_letter_class(cp_class(cp));
}

/* Is [s, e) a month or a noun that usually follows an ordinal (German)?
 * Whole words from the list, and compounds ending in a few such nouns
 * ("Jubiläumsjahr", "Bundesliga"). */
static int ordinal_noun(const seg *st, size_t s, size_t e)
{
    if (st->ord_next && word_in(st, st->ord_next, s, e))
        return 1;
    const kurz__wordlist *suffix = st->ord_suffix;
    size_t n = e - s;
    for (size_t i = 0; suffix && i < suffix->n; i++) {
        size_t k;
        const char *w = kurz__wl_at(suffix, i, &k);
        if (n > k && memcmp(st->t + e - k, w, k) == 0)
            return 1;
    }
    return 0;
}

/* Skips white space, line breaks and paragraph separators from p; returns
 * where they end and counts the breaks into *breaks (CRLF is one break, a
 * paragraph separator two). */
static size_t skip_breaks(const uint8_t *t, size_t len, size_t p, int *breaks)
{
    while (p < len) {
        int32_t cp;
        size_t n = dec(t, len, p, &cp);
        int c = cp_class(cp);
        if (c == C_BREAK) {
            (*breaks)++;
            if (cp == '\r' && p + 1 < len && t[p + 1] == '\n')
                n = 2;
        } else if (c == C_PARA) {
            *breaks += 2;
        } else if (c != C_SPACE) {
            break;
        }
        p += n;
    }
    return p;
}

/* A run of . ! ? … starts at i: finds its end (*te, with closers) and
 * decides whether it ends the unit. */
static int judge(seg *st, size_t i, size_t *te)
{
    const uint8_t *t = st->t;
    size_t len = st->len;
    size_t j = i;
    int dots = 0, other_term = 0;
    int32_t cp;
    unsigned quotes = st->quotes, parens = st->parens;
    int closed = 0; /* a closing quote or bracket follows a dot */
    for (;;) {
        while (j < len) {
            size_t n = dec(t, len, j, &cp);
            if (cp == '.') {
                dots++;
            } else if (is_term(st, cp)) {
                other_term++;
            } else if (is_closer(cp)) {
                if (dots)
                    closed = 1;
                if (cp == '"')
                    quotes++;
                else if ((cp == ')' || cp == ']') && parens)
                    parens--;
            } else {
                break;
            }
            j += n;
        }
        /* a closing quote or bracket after a (no-break) space: French "fin. »",
         * and "fin. \"" or "fin... )" when a quote or bracket is open */
        size_t k = j;
        for (int m = 0; k < len && m < 3; m++) {
            size_t n = dec(t, len, k, &cp);
            if (cp_class(cp) != C_SPACE)
                break;
            k += n;
        }
        if (k > j && k < len) {
            size_t n = dec(t, len, k, &cp);
            size_t qn = quote_at(st, k, KURZ__VAL_CLOSE);
            if (qn)
                n = qn;
            int closes = qn || cp == 0xBB || cp == 0x201D || cp == 0x203A || (cp == '"' && (quotes & 1)) ||
                         ((cp == ')' || cp == ']') && parens);
            if (closes) {
                size_t a = k + n;
                int ok = a >= len;
                if (!ok) {
                    int32_t c2;
                    dec(t, len, a, &c2);
                    ok = is_space_class(cp_class(c2)) || is_closer(c2) || is_term(st, c2) ||
                         c2 == ',' || c2 == ';' || c2 == ':';
                }
                if (ok) {
                    j = a;
                    continue;
                }
            }
        }
        break;
    }
    st->quotes = quotes;
    st->parens = parens;
    *te = j;
    if (j >= len)
        return 1;
    dec(t, len, j, &cp);
    if (!is_space_class(cp_class(cp)))
        return 0;

    /* what follows */
    int breaks = 0;
    size_t p = skip_breaks(t, len, j, &breaks);
    if (p >= len || breaks >= 2)
        return 1;
    size_t nws, nwe;
    int nx = next_kind(st, p, &nws, &nwe);
    if (nx == NX_CONT)
        return 0;

    /* the word before */
    size_t ws = st->in_tok ? st->cur_s : i, we = i;
    int ellipsis = dots >= 2 || other_term;
    size_t wend = we;
    strip_word(st, &ws, &we, 0);
    if (ellipsis && we == ws && ws > st->cur_s && i + 1 < j) {
        /* "(...)", "[…]": an omission, not an end */
        int32_t o, cl;
        dec(t, len, back(t, st->cur_s, ws), &o);
        dec(t, len, back(t, i, j), &cl);
        if ((o == '(' && cl == ')') || (o == '[' && cl == ']'))
            return 0;
    }
    /* a quote or bracket between the word and the dot: "(… 94)." is no
     * ordinal, "B)." no initial */
    int wk = ellipsis ? W_PLAIN : we < wend ? W_WORD : word_kind(st, ws, we);
    if ((wk == W_NEVER || wk == W_SINGLE) && closed && nx == NX_UPPER && starter(st, nws, nwe))
        return 1; /* "(par ex.) Ainsi": the bracket closed the abbreviation */

    if (nx == NX_LOWER) {
        /* "Hylidae. il", "UNC. à": a real word ends the sentence even before
         * a lowercase word that typically opens one (sloppy web text; not
         * "hebr. toda", "subsp. nigrum"); so does a line break after a plain
         * word */
        if (wk == W_WORD && starter(st, nws, nwe) &&
            !(nws > p && (t[nws - 1] == '(' || t[nws - 1] == '[')))
            return 1;
        return breaks && (wk == W_PLAIN || wk == W_WORD) && (ellipsis || we > ws);
    }
    if (ellipsis)
        return 1;
    switch (wk) {
    case W_SINGLE: {
        /* initials go on ("J. R. R. Tolkien", "z. B. Wasser"); a capital
         * letter at the end of a sentence ("OS X. Une", "Halle P. Sie") is
         * seen by the word after it */
        int32_t c0;
        dec(t, len, ws, &c0);
        return nx == NX_UPPER && cp_class(c0) == C_UPPER && !after_letter_dot(st) &&
               starter(st, nws, nwe) && !name_particle(st, nws, nwe);
    }
    case W_NEVER:
        return 0;
    case W_MAY:
        return nx == NX_UPPER || nx == NX_OTHER;
    case W_DIGITS:
        if (opens_unit(st))
            return 0;
        if (nx == NX_DIGIT) {
            /* dates "am 3. 10. 1990", ranges "1. -3." go on; "(1850). 20" ends */
            if (nwe - nws <= 2 && nwe < len && t[nwe] == '.')
                return 0;
            if (we - ws <= 2 && st->ntok >= 1) {
                size_t ps = st->tok_s[(st->ntok - 1) & 3], pe = st->tok_e[(st->ntok - 1) & 3];
                if (pe - ps >= 2 && pe - ps <= 3 && t[pe - 1] == '.' && t[ps] >= '0' &&
                    t[ps] <= '9' && t[pe - 2] >= '0' && t[pe - 2] <= '9')
                    return 0;
            }
            return 1;
        }
        if (nx != NX_UPPER)
            return 1;
        if (st->ordinal_dot) {
            if (ordinal_noun(st, nws, nwe))
                return 0;
            if (st->parens)
                return 0; /* "(14. Nisan)" */
            if (st->ord_prev && st->ntok >= 1) {
                size_t ps = st->tok_s[(st->ntok - 1) & 3], pe = st->tok_e[(st->ntok - 1) & 3];
                const kurz__wordlist *l[4] = {st->ord_prev, NULL, NULL, NULL};
                if (lower_in(st, l, ps, pe))
                    return 0;
            }
        }
        return 1;
    case W_MAY_OPENER:
        return nx == NX_UPPER && starter(st, nws, nwe);
    case W_ROMAN:
        /* regnal numbers and ordinals go on ("Carl XVI. Gustaf", "dem II.
         * Vatikanischen", "Otto III. 14"); "Benedikt XVI. Er" ends */
        return nx == NX_UPPER && starter(st, nws, nwe);
    default:
        return 1;
    }
}

/* ---- line breaks --------------------------------------------------------------
 * A single line break inside an open unit (the line did not end a sentence)
 * makes the line a unit of its own (KURZ__S_LINE), unless it reads as a
 * hard-wrapped line of running text. In order:
 *   - the line ended with . ! ? judged as running on ("z. B."): runs on;
 *   - the next line starts with a bullet and a space: unit;
 *   - the line ends with , ; ( / & + or a hyphen, an opening quote, an
 *     elided article (l’), or an article, preposition, conjunction or
 *     determiner ("der", "mit", "und", "andere"; "de", "et"): runs on;
 *   - the next line starts with list numbering ("2. ", "3) "): unit;
 *   - the next line starts with a lowercase word: runs on, except when
 *     both lines are single words (a column of words);
 *   - the next line starts with , ; : or a dot: runs on;
 *   - a long line (60 bytes or more: headings, datelines and bylines are
 *     shorter) whose last word is lowercase, followed by a capitalised word,
 *     is wrapped prose ("eine möglichst problemlose / Schwangerschaft",
 *     "a rencontré le président / Emmanuel Macron"): runs on;
 *   - otherwise (a capital, digit, quote or symbol starts the next line):
 *     unit. */
static int next_line_single_word(const seg *st, size_t p)
{
    const uint8_t *t = st->t;
    size_t len = st->len;
    int seen_space = 0;
    for (size_t q = p; q < len && q - p < 64;) {
        int32_t cp;
        size_t n = dec(t, len, q, &cp);
        int c = cp_class(cp);
        if (c == C_BREAK || c == C_PARA)
            return 1;
        if (c == C_SPACE)
            seen_space = 1;
        else if (seen_space)
            return 0;
        q += n;
    }
    return 0;
}

static int starts_list_number(const seg *st, size_t p)
{
    const uint8_t *t = st->t;
    size_t len = st->len, q = p;
    while (q < len && q - p < 3 && t[q] >= '0' && t[q] <= '9')
        q++;
    if (q == p) {
        if (q < len && ((t[q] >= 'a' && t[q] <= 'z') || (t[q] >= 'A' && t[q] <= 'Z')))
            q++;
        else
            return 0;
        if (q >= len || t[q] != ')')
            return 0;
    } else if (q >= len || (t[q] != '.' && t[q] != ')')) {
        return 0;
    }
    q++;
    return q < len && (t[q] == ' ' || t[q] == '\t' || t[q] == 0xC2);
}

/* The line starting at p ends a paragraph (a blank line or the end follows)
 * and its last character is a letter or digit: a dateline or byline, not the
 * end of hard-wrapped prose, which would close with punctuation. Looks at
 * two lines at most, so the pass stays linear. */
static int next_line_ends_bare_paragraph(const seg *st, size_t p)
{
    const uint8_t *t = st->t;
    size_t len = st->len, e = p;
    while (e < len && t[e] != '\n' && t[e] != '\r')
        e++;
    size_t b = e;
    while (b > p && (t[b - 1] == ' ' || t[b - 1] == '\t'))
        b--;
    if (b == p)
        return 0;
    size_t s = b - 1;
    while (s > p && (t[s] & 0xC0) == 0x80)
        s--;
    int32_t last;
    dec(t, len, s, &last);
    utf8proc_category_t cat = utf8proc_category(last);
    if (!((cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
          cat == UTF8PROC_CATEGORY_ND))
        return 0;
    if (e < len && t[e] == '\r' && e + 1 < len && t[e + 1] == '\n')
        e++;
    if (e < len)
        e++;
    while (e < len && (t[e] == ' ' || t[e] == '\t'))
        e++;
    return e >= len || t[e] == '\n' || t[e] == '\r';
}

static int line_is_unit(const seg *st, size_t p)
{
    const uint8_t *t = st->t;
    size_t len = st->len;
    if (st->tail_end == st->uend)
        return 0;
    int32_t cp, after;
    size_t n = dec(t, len, p, &cp);
    if (is_bullet(cp) && p + n < len) {
        dec(t, len, p + n, &after);
        if (is_space_class(cp_class(after)))
            return 1;
    }

    /* the line's last token and character */
    size_t ls = st->tok_s[(st->ntok - 1) & 3], le = st->tok_e[(st->ntok - 1) & 3];
    size_t b = back(t, ls, le);
    int32_t last;
    dec(t, len, b, &last);
    switch (last) {
    case ',': case ';': case '(': case '[': case '{': case '/': case '&': case '+':
    case 0x201E: case 0x201A: case 0xAD: case '-': case 0x2013: case 0x2014:
        return 0;
    case '\'': case 0x2019:
        if (le - ls <= 5)
            return 0; /* l’ d’ qu’ */
        break;
    default:
        break;
    }
    if (le - ls <= WORD_MAX) {
        uint8_t k[WORD_MAX];
        size_t kn = le - ls;
        memcpy(k, t + ls, kn);
        lower_first(k, kn);
        if (in_lists(st->func, k, kn))
            return 0;
    }
    if (starts_list_number(st, p))
        return 1;
    size_t ws, we;
    int nx = next_kind(st, p, &ws, &we);
    if (nx == NX_LOWER)
        return st->line_ntok == 1 && next_line_single_word(st, p);
    if (nx == NX_CONT)
        return 0;
    if (nx == NX_UPPER && st->uend - st->line_s >= 60) {
        int32_t first;
        size_t s = ls, e = le;
        strip_word(st, &s, &e, 1);
        if (s < e) {
            dec(t, len, s, &first);
            if (cp_class(first) == C_LOWER && !next_line_ends_bare_paragraph(st, p))
                return 0;
        }
    }
    return 1;
}

/* ---- the pass ------------------------------------------------------------------ */

/* Bytes that need no attention inside a word: ASCII letters, digits and most
 * punctuation, UTF-8 continuation bytes and lead bytes of code points that
 * are neither space, sentence punctuation nor quotes. The lead bytes C2 (NBSP,
 * « »), E1 (U+1680), E2 (spaces, …, ‼), E3 (U+3000, 。) and EF (fullwidth
 * ! ?) take the slow path. */
static int plain_byte(uint8_t b)
{
    if (b >= 0x80)
        return b != 0xC2 && b != 0xE1 && b != 0xE2 && b != 0xE3 && b != 0xEF;
    if (b == ' ' || (b >= 0x09 && b <= 0x0D) || (b >= 0x1C && b <= 0x1F))
        return 0; /* white space */
    return !strchr(".!?\"()[]", b) || b == 0;
}

/* The first byte of cp in UTF-8. */
static uint8_t lead_byte(int32_t cp)
{
    if (cp < 0x80)
        return (uint8_t)cp;
    if (cp < 0x800)
        return (uint8_t)(0xC0 | (cp >> 6));
    if (cp < 0x10000)
        return (uint8_t)(0xE0 | (cp >> 12));
    return (uint8_t)(0xF0 | (cp >> 18));
}

int kurz__segment(const kurz__mem *m, kurz__lang lang, const char *text, size_t len,
                  kurz__sentvec *out)
{
    seg st;
    memset(&st, 0, sizeof st);
    st.m = m;
    st.out = out;
    st.lang = lang;
    find_lists(&st, lang);
    st.t = (const uint8_t *)text;
    st.len = len;
    const uint8_t *t = st.t;

    size_t i = 0;
    if (len >= 3 && t[0] == 0xEF && t[1] == 0xBB && t[2] == 0xBF)
        i = 3;
    uint8_t plain[256];
    for (int b = 0; b < 256; b++)
        plain[b] = (uint8_t)plain_byte((uint8_t)b);
    /* the first bytes of sentence-final marks take the slow path too */
    for (size_t r = 0; r < sizeof kurz__sterm / sizeof kurz__sterm[0]; r++)
        for (uint32_t cp = kurz__sterm[r][0]; cp <= kurz__sterm[r][1]; cp++)
            plain[lead_byte((int32_t)cp)] = 0;
    plain[lead_byte(0x37E)] = 0;
    for (int k = 0; k < 4 && st.extra[k]; k++)
        plain[lead_byte(st.extra[k])] = 0;
    while (i < len) {
        if (plain[t[i]]) {
            /* ordinary bytes of a word: nothing to decide */
            if (!st.open)
                open_unit(&st, i);
            if (!st.in_tok) {
                st.in_tok = 1;
                st.cur_s = i;
            }
            size_t j = i + 1;
            while (j < len && plain[t[j]])
                j++;
            i = j;
            st.uend = j;
            continue;
        }
        if (t[i] == ' ') {
            end_token(&st, i);
            i++;
            continue;
        }
        int32_t cp;
        size_t n = dec(t, len, i, &cp);
        int c = cp_class(cp);
        if (c == C_SPACE) {
            end_token(&st, i);
            i += n;
            continue;
        }
        if (c == C_BREAK || c == C_PARA) {
            end_token(&st, i);
            int breaks = 0;
            size_t j = skip_breaks(t, len, i, &breaks);
            if (st.open) {
                if (breaks >= 2 || j >= len || line_is_unit(&st, j)) {
                    if (emit(&st, st.uend, 1))
                        return KURZ_ERR_NOMEM;
                } else {
                    st.line_s = j;
                    st.line_ntok = 0;
                }
            }
            if (breaks >= 2)
                st.para_pending = 1;
            i = j;
            continue;
        }
        if (!st.open)
            open_unit(&st, i);
        if (!st.in_tok) {
            st.in_tok = 1;
            st.cur_s = i;
        }
        if (is_term(&st, cp)) {
            size_t te;
            int b = judge(&st, i, &te);
            st.uend = te;
            if (b) {
                end_token(&st, te);
                if (emit(&st, te, 0))
                    return KURZ_ERR_NOMEM;
            } else {
                st.tail_end = te;
            }
            i = te;
            continue;
        }
        if (cp == '"') {
            int32_t a = ' ', z = ' ';
            if (i > st.ustart)
                dec(t, len, back(t, st.ustart, i), &a);
            if (i + 1 < len)
                dec(t, len, i + 1, &z);
            if (!is_letter_class(cp_class(a)) || !is_letter_class(cp_class(z)))
                st.quotes++; /* not l"état */
        } else if (cp == '(' || cp == '[')
            st.parens++;
        else if ((cp == ')' || cp == ']') && st.parens)
            st.parens--;
        i += n;
        st.uend = i;
    }
    if (st.open && emit(&st, st.uend, 0))
        return KURZ_ERR_NOMEM;
    return 0;
}
