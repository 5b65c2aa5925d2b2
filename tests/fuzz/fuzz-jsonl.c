/* SPDX-License-Identifier: MIT */
/* libFuzzer target: the --jsonl record parser of the command (jrec_parse in
 * cli/json.c) and its JSON string writers.
 *
 * Input: the whole input is one line, given to jrec_parse as is (the
 * command cuts lines at '\n' first; a '\n' inside counts as whitespace).
 * Checks:
 *   - the status is 0 or -1; on -1 the message is a non-empty string that
 *     fits the buffer; on 0 there is a text;
 *   - when the line is not valid UTF-8 the parse fails, saying so;
 *   - the id, when read, is a span inside the line; the decoded text and
 *     language are valid UTF-8 (the library gets them as they are);
 *   - round trip: the record written back with json_str (id as it was) and
 *     parsed again gives the same id, text and language;
 *   - parsing the same line again with the same (reused) record gives the
 *     same result;
 *   - json_str_lossy of the raw input bytes is valid UTF-8 and, as the
 *     "text" of a record, parses. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "fuzz-common.h"
#include "kurz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct snap {
    int rc;
    size_t id_off, id_len; /* id_off == SIZE_MAX: no id */
    int has_text, has_lang;
    char *text, *lang;
    size_t text_n, lang_n;
} snap;

static char *dup_bytes(const char *p, size_t n)
{
    char *c = malloc(n ? n : 1);
    FUZZ_CHECK(c != NULL, "out of memory");
    if (n)
        memcpy(c, p, n);
    return c;
}

/* Parses line into r (reused) and checks what must hold of any result. */
static snap parse(jrec *r, const char *line, size_t len)
{
    char err[256];
    memset(err, 'x', sizeof err);
    snap s = {0};
    s.rc = jrec_parse(r, line, len, err, sizeof err);
    FUZZ_CHECK(s.rc == 0 || s.rc == -1, "jrec_parse returned %d", s.rc);
    s.id_off = SIZE_MAX;
    if (r->id) {
        FUZZ_CHECK(r->id >= line && r->id_len > 0 && r->id_len <= len &&
                       (size_t)(r->id - line) <= len - r->id_len,
                   "id span outside the line");
        s.id_off = (size_t)(r->id - line);
        s.id_len = r->id_len;
    }
    if (s.rc != 0) {
        FUZZ_CHECK(memchr(err, '\0', sizeof err) != NULL, "error message not terminated");
        FUZZ_CHECK(err[0] != '\0', "empty error message");
        return s;
    }
    FUZZ_CHECK(r->has_text, "success without a text");
    s.has_text = 1;
    s.has_lang = r->has_lang;
    size_t off = 0;
    FUZZ_CHECK(kurz_validate_utf8(r->text.p ? r->text.p : "", r->text.n, &off) == KURZ_OK,
               "decoded text is invalid UTF-8 at byte %zu", off);
    s.text = dup_bytes(r->text.p, r->text.n);
    s.text_n = r->text.n;
    if (r->has_lang) {
        FUZZ_CHECK(r->lang.n >= 1 && r->lang.p[r->lang.n - 1] == '\0',
                   "language not NUL-terminated");
        FUZZ_CHECK(kurz_validate_utf8(r->lang.p, r->lang.n - 1, &off) == KURZ_OK,
                   "decoded language is invalid UTF-8 at byte %zu", off);
        s.lang = dup_bytes(r->lang.p, r->lang.n);
        s.lang_n = r->lang.n;
    }
    return s;
}

static void release(snap *s)
{
    free(s->text);
    free(s->lang);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *line = fuzz_copy(data, size);
    size_t bad;
    int valid = kurz_validate_utf8(line, size, &bad) == KURZ_OK;

    jrec r;
    memset(&r, 0, sizeof r);
    snap a = parse(&r, line, size);
    if (!valid)
        FUZZ_CHECK(a.rc == -1, "invalid UTF-8 accepted");

    /* the same line again, with the record's buffers reused */
    snap b = parse(&r, line, size);
    FUZZ_CHECK(a.rc == b.rc && a.id_off == b.id_off && a.id_len == b.id_len &&
                   a.has_lang == b.has_lang && a.text_n == b.text_n && a.lang_n == b.lang_n &&
                   (a.text_n == 0 || memcmp(a.text, b.text, a.text_n) == 0) &&
                   (a.lang_n == 0 || memcmp(a.lang, b.lang, a.lang_n) == 0),
               "a second parse of the same line differs");
    release(&b);

    if (a.rc == 0) {
        /* written back and parsed again: the same record */
        buf out = {0};
        buf_addc(&out, '{');
        if (a.id_off != SIZE_MAX) {
            buf_adds(&out, "\"id\": ");
            buf_add(&out, line + a.id_off, a.id_len);
            buf_adds(&out, ", ");
        }
        buf_adds(&out, "\"text\": ");
        json_str(&out, a.text, a.text_n);
        if (a.has_lang) {
            buf_adds(&out, ", \"lang\": ");
            json_str(&out, a.lang, a.lang_n - 1);
        }
        buf_addc(&out, '}');
        jrec r2;
        memset(&r2, 0, sizeof r2);
        snap c = parse(&r2, out.p, out.n);
        FUZZ_CHECK(c.rc == 0, "the record written back does not parse: %.*s",
                   (int)(out.n < 200 ? out.n : 200), out.p);
        FUZZ_CHECK((a.id_off == SIZE_MAX) == (c.id_off == SIZE_MAX), "id lost or gained");
        if (a.id_off != SIZE_MAX)
            FUZZ_CHECK(c.id_len == a.id_len && memcmp(out.p + c.id_off, line + a.id_off,
                                                      a.id_len) == 0,
                       "id changed in the round trip");
        FUZZ_CHECK(c.text_n == a.text_n && (a.text_n == 0 || memcmp(c.text, a.text, a.text_n) == 0),
                   "text changed in the round trip");
        FUZZ_CHECK(c.has_lang == a.has_lang && c.lang_n == a.lang_n &&
                       (a.lang_n == 0 || memcmp(c.lang, a.lang, a.lang_n) == 0),
                   "language changed in the round trip");
        release(&c);
        buf_free(&out);
        jrec_free(&r2);
    }
    release(&a);

    /* any bytes, written lossily, make a valid string */
    buf lossy = {0};
    buf_adds(&lossy, "{\"text\":");
    size_t at = lossy.n;
    json_str_lossy(&lossy, line, size);
    size_t off = 0;
    FUZZ_CHECK(kurz_validate_utf8(lossy.p + at, lossy.n - at, &off) == KURZ_OK,
               "json_str_lossy wrote invalid UTF-8 at byte %zu", off);
    buf_addc(&lossy, '}');
    snap d = parse(&r, lossy.p, lossy.n);
    FUZZ_CHECK(d.rc == 0, "json_str_lossy output does not parse");
    FUZZ_CHECK(d.text_n <= 3 * size, "lossy text grew from %zu to %zu bytes", size, d.text_n);
    if (valid)
        FUZZ_CHECK(d.text_n == size && (size == 0 || memcmp(d.text, line, size) == 0),
                   "json_str_lossy changed valid UTF-8");
    release(&d);
    buf_free(&lossy);

    jrec_free(&r);
    free(line);
    return 0;
}
