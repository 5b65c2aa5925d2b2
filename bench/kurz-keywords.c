/* SPDX-License-Identifier: MIT */
/* kurz-keywords -l LANG [-n N] [-w WORDS] FILE: prints the N best key
 * phrases of FILE ("-" = standard input), one per line, best first. A small
 * driver of the public kurz_keyphrases_* API for keyeval and timing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kurz.h"

static char *slurp(const char *path, size_t *len)
{
    FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *b = malloc(cap);
    for (size_t r; b && (r = fread(b + n, 1, cap - n, f)) > 0;) {
        n += r;
        if (n == cap) {
            char *nb = realloc(b, cap *= 2);
            if (!nb) {
                free(b);
                b = NULL;
            }
            b = nb;
        }
    }
    if (f != stdin)
        fclose(f);
    *len = n;
    return b;
}

int main(int argc, char **argv)
{
    const char *lang = "de", *path = NULL;
    int n = 10, words = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-l") && i + 1 < argc)
            lang = argv[++i];
        else if (!strcmp(argv[i], "-n") && i + 1 < argc)
            n = atoi(argv[++i]);
        else if (!strcmp(argv[i], "-w") && i + 1 < argc)
            words = atoi(argv[++i]);
        else
            path = argv[i];
    }
    if (!path) {
        fprintf(stderr, "usage: kurz-keywords -l LANG [-n N] [-w MAX_WORDS] FILE\n");
        return 2;
    }
    size_t len;
    char *text = slurp(path, &len);
    if (!text) {
        perror(path);
        return 1;
    }
    kurz_summarizer *s;
    int rc = kurz_summarizer_new(&s, lang);
    if (rc == KURZ_OK)
        rc = kurz_summarizer_set_option(s, KURZ_OPT_KEYPHRASES, n);
    if (rc == KURZ_OK && words)
        rc = kurz_summarizer_set_option(s, KURZ_OPT_KEYPHRASE_MAX_WORDS, words);
    kurz_keyphrases *k = NULL;
    if (rc == KURZ_OK)
        rc = kurz_keyphrases_extract(&k, s, text, len);
    if (rc != KURZ_OK) {
        fprintf(stderr, "kurz-keywords: %s\n", kurz_strerror(rc));
        kurz_summarizer_free(s);
        free(text);
        return 1;
    }
    for (size_t i = 0; i < kurz_keyphrases_count(k); i++) {
        const char *t;
        size_t tl;
        kurz_keyphrases_get(k, i, &t, &tl, NULL, NULL, NULL, NULL);
        fwrite(t, 1, tl, stdout);
        putchar('\n');
    }
    kurz_keyphrases_free(k);
    kurz_summarizer_free(s);
    free(text);
    return 0;
}
