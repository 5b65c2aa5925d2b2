/* SPDX-License-Identifier: MIT */
/* Private to libkurz (every symbol hidden, named kurz__*): one stage of
 * the pipeline. Each stage header includes the one before it, so a stage
 * sees the stages it builds on and none after it (see kurz-private.h). */
#ifndef KURZ_WORDLIST_H
#define KURZ_WORDLIST_H

#include "lang.h" /* the stages before this one */

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

#endif /* KURZ_WORDLIST_H */
