/* SPDX-License-Identifier: MIT */
/* A tiny program built against an INSTALLED kurz (tests/packaging): it
 * prints the path of the libkurz it runs with, the loaded library's
 * version, and a one-sentence summary of the German text in argv[1] (at
 * most 4 kB). Compiled as C and as C++. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1 /* dladdr */
#endif
#include <dlfcn.h>
#include <stdio.h>

#include <kurz.h>

int main(int argc, char **argv)
{
    static char text[4096];
    size_t len;
    FILE *f;
    Dl_info info;
    kurz_summarizer *s = NULL;
    kurz_summary *sum = NULL;
    size_t start = 0, end = 0;
    int rc;

    if (argc != 2 || !(f = fopen(argv[1], "rb")))
        return 2;
    len = fread(text, 1, sizeof text, f);
    fclose(f);
    if (!dladdr((void *)kurz_summarize, &info) || !info.dli_fname)
        return 3;
    printf("library=%s\n", info.dli_fname);
    printf("version=%s %u %d\n", kurz_version_string(), kurz_version_number(),
           KURZ_VERSION_NUMBER);
    rc = kurz_summarizer_new(&s, "de");
    if (rc == KURZ_OK)
        rc = kurz_summarizer_set_option(s, KURZ_OPT_SENTENCES, 1);
    if (rc == KURZ_OK)
        rc = kurz_summarize(&sum, s, text, len);
    if (rc == KURZ_OK && kurz_summary_count(sum) == 1)
        rc = kurz_summary_get(sum, 0, NULL, &start, &end, NULL);
    else if (rc == KURZ_OK)
        rc = KURZ_ERR_OUT_OF_RANGE;
    if (rc != KURZ_OK) {
        fprintf(stderr, "consumer: %s\n", kurz_strerror(rc));
        kurz_summary_free(sum);
        kurz_summarizer_free(s);
        return 1;
    }
    printf("summary=%.*s\n", (int)(end - start), text + start);
    kurz_summary_free(sum);
    kurz_summarizer_free(s);
    return 0;
}
