/* SPDX-License-Identifier: MIT */
/* JSON output and a small strict parser for corpus records. */
#include <stdarg.h>
#include <stdint.h>
#include <string.h>

#include "cli.h"

static const char hexdig[] = "0123456789abcdef";

static void esc_ctrl(buf *b, unsigned char c)
{
    char e[6] = {'\\', 'u', '0', '0', hexdig[c >> 4], hexdig[c & 15]};
    buf_add(b, e, 6);
}

void json_str(buf *b, const char *s, size_t n)
{
    buf_reserve(b, n + 2);
    buf_addc(b, '"');
    size_t run = 0; /* start of the pending run of plain bytes */
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        buf_add(b, s + run, i - run);
        run = i + 1;
        if (c == '"' || c == '\\') {
            buf_addc(b, '\\');
            buf_addc(b, (char)c);
        } else {
            esc_ctrl(b, c);
        }
    }
    buf_add(b, s + run, n - run);
    buf_addc(b, '"');
}

/* Length of the valid UTF-8 sequence at s[0..n), or 0 when it is not one. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    size_t len;
    uint32_t cp, min;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2; cp = c & 0x1F; min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3; cp = c & 0x0F; min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4; cp = c & 0x07; min = 0x10000;
    } else {
        return 0;
    }
    if (n < len)
        return 0;
    for (size_t k = 1; k < len; k++) {
        if ((s[k] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

void json_str_lossy(buf *b, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    buf_addc(b, '"');
    size_t i = 0;
    while (i < n) {
        unsigned char c = u[i];
        if (c == '"' || c == '\\') {
            buf_addc(b, '\\');
            buf_addc(b, (char)c);
            i++;
        } else if (c < 0x20) {
            esc_ctrl(b, c);
            i++;
        } else {
            size_t k = utf8_seq(u + i, n - i);
            if (k) {
                buf_add(b, s + i, k);
                i += k;
            } else {
                buf_adds(b, "\xEF\xBF\xBD"); /* U+FFFD */
                i++;
            }
        }
    }
    buf_addc(b, '"');
}

/* ---- Parser ---------------------------------------------------------------- */

#define MAX_DEPTH 512

typedef struct jp {
    const char *s;
    size_t n, i;
    char *err;
    size_t errsz;
} jp;

static int fail(jp *p, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static int fail(jp *p, const char *fmt, ...)
{
    char msg[160];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    snprintf(p->err, p->errsz, "invalid JSON at byte %zu: %s", p->i, msg);
    return -1;
}

static void ws(jp *p)
{
    while (p->i < p->n) {
        char c = p->s[p->i];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            break;
        p->i++;
    }
}

static int peek(const jp *p)
{
    return p->i < p->n ? (unsigned char)p->s[p->i] : -1;
}

static int hex4(jp *p, uint32_t *out)
{
    if (p->n - p->i < 4)
        return fail(p, "truncated \\u escape");
    uint32_t v = 0;
    for (int k = 0; k < 4; k++) {
        char c = p->s[p->i + (size_t)k];
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= (uint32_t)(c - '0');
        else if (c >= 'a' && c <= 'f')
            v |= (uint32_t)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            v |= (uint32_t)(c - 'A' + 10);
        else
            return fail(p, "bad hex digit in \\u escape");
    }
    p->i += 4;
    *out = v;
    return 0;
}

static void put_utf8(buf *b, uint32_t cp)
{
    char u[4];
    size_t n;
    if (cp < 0x80) {
        u[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        u[0] = (char)(0xC0 | (cp >> 6));
        u[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | (cp >> 12));
        u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        u[0] = (char)(0xF0 | (cp >> 18));
        u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    buf_add(b, u, n);
}

/* A string at p->i (which is '"'); decoded into out unless out is NULL. The
 * input is known to be valid UTF-8. */
static int string(jp *p, buf *out)
{
    p->i++; /* the opening quote */
    for (;;) {
        size_t run = p->i;
        while (p->i < p->n) {
            unsigned char c = (unsigned char)p->s[p->i];
            if (c == '"' || c == '\\' || c < 0x20)
                break;
            p->i++;
        }
        if (out)
            buf_add(out, p->s + run, p->i - run);
        if (p->i >= p->n)
            return fail(p, "unterminated string");
        unsigned char c = (unsigned char)p->s[p->i];
        if (c == '"') {
            p->i++;
            return 0;
        }
        if (c < 0x20)
            return fail(p, "control character in string");
        /* backslash */
        p->i++;
        if (p->i >= p->n)
            return fail(p, "unterminated string");
        char e = p->s[p->i++];
        char lit;
        switch (e) {
        case '"': lit = '"'; break;
        case '\\': lit = '\\'; break;
        case '/': lit = '/'; break;
        case 'b': lit = '\b'; break;
        case 'f': lit = '\f'; break;
        case 'n': lit = '\n'; break;
        case 'r': lit = '\r'; break;
        case 't': lit = '\t'; break;
        case 'u': {
            uint32_t cp, lo;
            size_t at = p->i - 2;
            if (hex4(p, &cp))
                return -1;
            if (cp >= 0xDC00 && cp <= 0xDFFF) {
                p->i = at;
                return fail(p, "lone low surrogate in \\u escape");
            }
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                if (p->n - p->i < 2 || p->s[p->i] != '\\' || p->s[p->i + 1] != 'u') {
                    p->i = at;
                    return fail(p, "lone high surrogate in \\u escape");
                }
                p->i += 2;
                if (hex4(p, &lo))
                    return -1;
                if (lo < 0xDC00 || lo > 0xDFFF) {
                    p->i = at;
                    return fail(p, "lone high surrogate in \\u escape");
                }
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            }
            if (out)
                put_utf8(out, cp);
            continue;
        }
        default:
            p->i -= 2;
            return fail(p, "bad escape sequence in string");
        }
        if (out)
            buf_addc(out, lit);
    }
}

static int is_digit(int c)
{
    return c >= '0' && c <= '9';
}

static int number(jp *p)
{
    if (peek(p) == '-')
        p->i++;
    if (peek(p) == '0') {
        p->i++;
    } else if (is_digit(peek(p))) {
        while (is_digit(peek(p)))
            p->i++;
    } else {
        return fail(p, "bad number");
    }
    if (peek(p) == '.') {
        p->i++;
        if (!is_digit(peek(p)))
            return fail(p, "bad number: digit expected after '.'");
        while (is_digit(peek(p)))
            p->i++;
    }
    if (peek(p) == 'e' || peek(p) == 'E') {
        p->i++;
        if (peek(p) == '+' || peek(p) == '-')
            p->i++;
        if (!is_digit(peek(p)))
            return fail(p, "bad number: digit expected in exponent");
        while (is_digit(peek(p)))
            p->i++;
    }
    return 0;
}

static int literal(jp *p)
{
    static const char *const words[] = {"true", "false", "null"};
    for (size_t k = 0; k < 3; k++) {
        size_t len = strlen(words[k]);
        if (p->n - p->i >= len && memcmp(p->s + p->i, words[k], len) == 0) {
            p->i += len;
            return 0;
        }
    }
    return fail(p, "unexpected character");
}

/* A string, number, true, false or null. */
static int scalar(jp *p, buf *out)
{
    int c = peek(p);
    if (c == '"')
        return string(p, out);
    if (c == '-' || is_digit(c))
        return number(p);
    if (c < 0)
        return fail(p, "value expected");
    return literal(p);
}

static int skip_value(jp *p, int depth)
{
    ws(p);
    int c = peek(p);
    if (c != '{' && c != '[')
        return scalar(p, NULL);
    if (depth >= MAX_DEPTH)
        return fail(p, "nesting deeper than %d levels", MAX_DEPTH);
    char close = c == '{' ? '}' : ']';
    p->i++;
    ws(p);
    if (peek(p) == close) {
        p->i++;
        return 0;
    }
    for (;;) {
        if (close == '}') {
            ws(p);
            if (peek(p) != '"')
                return fail(p, "member name expected");
            if (string(p, NULL))
                return -1;
            ws(p);
            if (peek(p) != ':')
                return fail(p, "':' expected");
            p->i++;
        }
        if (skip_value(p, depth + 1))
            return -1;
        ws(p);
        c = peek(p);
        if (c == ',') {
            p->i++;
            continue;
        }
        if (c == close) {
            p->i++;
            return 0;
        }
        return fail(p, close == '}' ? "',' or '}' expected" : "',' or ']' expected");
    }
}

void jrec_free(jrec *r)
{
    buf_free(&r->text);
    buf_free(&r->lang);
    buf_free(&r->title);
    buf_free(&r->key);
    memset(r, 0, sizeof *r);
}

static int key_is(const buf *k, const char *name)
{
    size_t n = strlen(name);
    return k->n == n && memcmp(k->p, name, n) == 0;
}

int jrec_parse(jrec *r, const char *line, size_t len, char *err, size_t errsz)
{
    r->id = NULL;
    r->id_len = 0;
    r->has_text = r->has_lang = r->has_title = 0;
    r->text.n = r->lang.n = r->title.n = 0;
    size_t bad;
    if (kurz_validate_utf8(line, len, &bad) != KURZ_OK) {
        /* The valid part before the bad byte, only for the id, when it
         * comes first: the error record then names the record. */
        (void)jrec_parse(r, line, bad, err, errsz);
        r->has_text = r->has_lang = r->has_title = 0;
        snprintf(err, errsz, "invalid UTF-8 at byte %zu", bad);
        return -1;
    }
    jp p = {line, len, 0, err, errsz};
    ws(&p);
    if (peek(&p) != '{')
        return fail(&p, peek(&p) < 0 ? "empty line" : "object expected");
    p.i++;
    ws(&p);
    int seen_id = 0, seen_text = 0, seen_lang = 0, seen_title = 0;
    if (peek(&p) == '}') {
        p.i++;
    } else {
        for (;;) {
            ws(&p);
            if (peek(&p) != '"')
                return fail(&p, "member name expected");
            size_t key_at = p.i;
            r->key.n = 0;
            if (string(&p, &r->key))
                return -1;
            ws(&p);
            if (peek(&p) != ':')
                return fail(&p, "':' expected");
            p.i++;
            ws(&p);
            int c = peek(&p);
            int *seen = key_is(&r->key, "id") ? &seen_id
                        : key_is(&r->key, "text") ? &seen_text
                        : key_is(&r->key, "lang") ? &seen_lang
                        : key_is(&r->key, "title") ? &seen_title : NULL;
            if (seen && *seen) {
                p.i = key_at;
                return fail(&p, "duplicate member \"%.*s\"", (int)r->key.n, r->key.p);
            }
            if (seen)
                *seen = 1;
            if (seen == &seen_id) {
                if (c == '{' || c == '[')
                    return fail(&p, "\"id\" must be a string, number, true, false or null");
                size_t at = p.i;
                if (scalar(&p, NULL))
                    return -1;
                r->id = line + at;
                r->id_len = p.i - at;
            } else if (seen == &seen_text) {
                if (c != '"')
                    return fail(&p, "\"text\" must be a string");
                if (string(&p, &r->text))
                    return -1;
                r->has_text = 1;
            } else if (seen == &seen_lang) {
                if (c == '"') {
                    if (string(&p, &r->lang))
                        return -1;
                    buf_addc(&r->lang, '\0');
                    r->has_lang = 1;
                } else if (p.n - p.i >= 4 && memcmp(p.s + p.i, "null", 4) == 0) {
                    p.i += 4; /* null: the default language */
                } else {
                    return fail(&p, "\"lang\" must be a string or null");
                }
            } else if (seen == &seen_title) {
                if (c == '"') {
                    if (string(&p, &r->title))
                        return -1;
                    r->has_title = 1;
                } else if (p.n - p.i >= 4 && memcmp(p.s + p.i, "null", 4) == 0) {
                    p.i += 4; /* null: no title (or --title's) */
                } else {
                    return fail(&p, "\"title\" must be a string or null");
                }
            } else if (skip_value(&p, 1)) {
                return -1;
            }
            ws(&p);
            c = peek(&p);
            if (c == ',') {
                p.i++;
                continue;
            }
            if (c == '}') {
                p.i++;
                break;
            }
            return fail(&p, "',' or '}' expected");
        }
    }
    ws(&p);
    if (p.i < p.n)
        return fail(&p, "unexpected data after the object");
    if (!r->has_text) {
        snprintf(err, errsz, "missing \"text\"");
        return -1;
    }
    return 0;
}
