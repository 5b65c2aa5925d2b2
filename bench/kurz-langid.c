/* SPDX-License-Identifier: MIT */
/* Reads one text per line on stdin, prints one language code per line
 * ("und" for none of kurz's languages, "err" for a line kurz refused).
 * Public API only; what `referee langid` drives:
 *   referee langid --data langid_dev.jsonl --system 'cmd:build/bench/kurz-langid' */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kurz.h"

int main(void)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, stdin)) >= 0) {
        if (n > 0 && line[n - 1] == '\n')
            n--;
        kurz_langid *r;
        int rc = kurz_identify(&r, line, (size_t)n);
        if (rc) {
            puts("err");
            continue;
        }
        puts(kurz_langid_language(r));
        kurz_langid_free(r);
    }
    free(line);
    return 0;
}
