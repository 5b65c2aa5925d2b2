/* SPDX-License-Identifier: MIT */
/* Replays files through a libFuzzer entry point compiled as ordinary code
 * (linked with tests/fuzz/fuzz-split.c or fuzz-summarize.c), so fuzzer
 * findings stay regression tests on every compiler, gcc included.
 *
 * Usage: fuzz-replay-X PATH...   (a PATH is a file or a directory, whose
 * regular files are replayed in name order; a missing PATH is skipped).
 * Exit status 0 when every input passed, 1 when an input could not be read
 * or no input was found at all; an input that breaks an invariant aborts
 * inside the target. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int replay_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "cannot open %s\n", path);
        return 1;
    }
    size_t cap = 4096, n = 0;
    uint8_t *buf = malloc(cap);
    if (!buf) {
        fclose(f);
        return 1;
    }
    size_t r;
    while ((r = fread(buf + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap) {
            uint8_t *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                fclose(f);
                return 1;
            }
            buf = nb;
            cap *= 2;
        }
    }
    fclose(f);
    /* an exact-size copy, as libFuzzer passes it */
    uint8_t *exact = malloc(n ? n : 1);
    if (!exact) {
        free(buf);
        return 1;
    }
    memcpy(exact, buf, n);
    free(buf);
    fprintf(stderr, "replay %s (%zu bytes)\n", path, n);
    LLVMFuzzerTestOneInput(exact, n);
    free(exact);
    return 0;
}

static int only_files(const struct dirent *e)
{
    return e->d_name[0] != '.';
}

int main(int argc, char **argv)
{
    int failed = 0, count = 0;
    for (int a = 1; a < argc; a++) {
        struct stat st;
        if (stat(argv[a], &st) != 0) {
            printf("skip %s (missing)\n", argv[a]);
            continue;
        }
        if (!S_ISDIR(st.st_mode)) {
            failed |= replay_file(argv[a]);
            count++;
            continue;
        }
        struct dirent **list;
        int n = scandir(argv[a], &list, only_files, alphasort);
        if (n < 0) {
            fprintf(stderr, "cannot read %s\n", argv[a]);
            failed = 1;
            continue;
        }
        for (int i = 0; i < n; i++) {
            size_t pl = strlen(argv[a]) + strlen(list[i]->d_name) + 2;
            char *p = malloc(pl);
            if (p) {
                snprintf(p, pl, "%s/%s", argv[a], list[i]->d_name);
                struct stat fs;
                if (stat(p, &fs) == 0 && S_ISREG(fs.st_mode)) {
                    failed |= replay_file(p);
                    count++;
                }
                free(p);
            }
            free(list[i]);
        }
        free(list);
    }
    printf("replayed %d inputs%s\n", count, failed ? ", some could not be read" : "");
    if (count == 0) { /* a moved corpus must not turn this into a test of nothing */
        fprintf(stderr, "no input found: nothing was replayed\n");
        return 1;
    }
    return failed;
}
