/* SPDX-License-Identifier: MIT */
/* kurz-dump: prints every result (index, start, end, score as %.17g) of a
 * fixed set of generated inputs under a fixed set of options, so that two
 * builds can be compared:
 *
 *   build-O0/tests/robust/kurz-dump > O0.txt
 *   build-O2/tests/robust/kurz-dump > O2.txt
 *   diff O0.txt O2.txt
 *
 * The inputs come from the integer-only generator in robust-common.c and do
 * not depend on the build. Exit status: 0, or 1 if a call failed or a
 * result broke an invariant. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kurz-check.h"
#include "kurz.h"
#include "robust-common.h"

typedef struct config {
    const char *name;
    kurz_option budget;
    int value;
    int strict, algorithm, damping, position, redundancy, boilerplate, title;
} config;

/* -1 = leave the default */
static const config configs[] = {
    {"default", KURZ_OPT_SENTENCES, 0, -1, -1, -1, -1, -1, -1, -1},
    {"textrank", KURZ_OPT_SENTENCES, 0, -1, KURZ_ALGO_TEXTRANK, -1, -1, -1, -1, -1},
    {"sentences=5", KURZ_OPT_SENTENCES, 5, -1, -1, -1, -1, -1, -1, -1},
    {"ratio=300", KURZ_OPT_RATIO_PERMILLE, 300, -1, -1, -1, -1, -1, -1, -1},
    {"words=80 strict", KURZ_OPT_WORDS, 80, 1, -1, -1, -1, -1, -1, -1},
    {"words=80", KURZ_OPT_WORDS, 80, 0, KURZ_ALGO_TEXTRANK, -1, -1, -1, -1, -1},
    {"pure centrality", KURZ_OPT_SENTENCES, 4, -1, -1, 999, 0, 1000, 0, 0},
    {"position+title", KURZ_OPT_SENTENCES, 4, -1, -1, 0, 1000, 0, 1, 1000},
    {"all sentences", KURZ_OPT_RATIO_PERMILLE, 1000, -1, -1, 500, 500, 1000, 1, 500},
};

static int apply(kurz_summarizer *s, const config *c)
{
    int rc = 0;
    if (c->value)
        rc |= kurz_summarizer_set_option(s, c->budget, c->value);
#define SETIF(field, opt)                                                                     \
    if (c->field >= 0)                                                                        \
    rc |= kurz_summarizer_set_option(s, opt, c->field)
    SETIF(strict, KURZ_OPT_STRICT);
    SETIF(algorithm, KURZ_OPT_ALGORITHM);
    SETIF(damping, KURZ_OPT_DAMPING_PERMILLE);
    SETIF(position, KURZ_OPT_POSITION_PERMILLE);
    SETIF(redundancy, KURZ_OPT_REDUNDANCY_PERMILLE);
    SETIF(boilerplate, KURZ_OPT_BOILERPLATE);
    SETIF(title, KURZ_OPT_TITLE_PERMILLE);
#undef SETIF
    return rc;
}

static int dump(const char *label, const char *lang, const char *text, size_t len,
                const config *c, int split)
{
    kurz_summarizer *s = NULL;
    int rc = kurz_summarizer_new(&s, lang);
    if (rc != KURZ_OK) {
        printf("%s: new(%s) = %d\n", label, lang, rc);
        return 1;
    }
    if (apply(s, c) != KURZ_OK) {
        printf("%s: options refused\n", label);
        kurz_summarizer_free(s);
        return 1;
    }
    kurz_summary *sum = NULL;
    rc = split ? kurz_split(&sum, s, text, len) : kurz_summarize(&sum, s, text, len);
    printf("== %s lang=%s %s config=%s bytes=%zu rc=%d", label, lang, split ? "split" : "summarize",
           c->name, len, rc);
    int bad = rc != KURZ_OK;
    if (rc == KURZ_OK) {
        size_t n = kurz_summary_count(sum);
        printf(" count=%zu sentences=%zu\n", n, kurz_summary_document_sentences(sum));
        for (size_t i = 0; i < n; i++) {
            size_t index, start, end;
            double score;
            kurz_summary_get(sum, i, &index, &start, &end, &score);
            printf("%zu %zu %zu %.17g\n", index, start, end, score);
        }
        const char *err = kc_check_summary(sum, text, len, split ? KC_SPLIT : 0);
        if (err) {
            printf("INVARIANT BROKEN: %s (%s)\n", err, kc_msg);
            bad = 1;
        }
    } else {
        printf(" error_offset=%zu\n", kurz_summarizer_error_offset(s));
    }
    kurz_summary_free(sum);
    kurz_summarizer_free(s);
    return bad;
}

int main(void)
{
    static const struct {
        int gen;
        const char *lang;
        uint32_t seed;
        size_t target;
    } inputs[] = {
        {RC_DE, "de", 1, 1500},  {RC_DE, "de", 2, 12000}, {RC_DE, "de", 3, 300000},
        {RC_FR, "fr", 4, 1500},  {RC_FR, "fr", 5, 12000}, {RC_FR, "fr", 6, 300000},
        {RC_EN, "en", 7, 12000}, {RC_DE, "nl", 8, 12000},
    };
    int bad = 0;
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        size_t len;
        char *text = rc_gen_text(inputs[i].gen, inputs[i].seed, inputs[i].target, &len);
        char label[64];
        snprintf(label, sizeof label, "input%zu", i);
        bad |= dump(label, inputs[i].lang, text, len, &configs[0], 1);
        for (size_t c = 0; c < sizeof configs / sizeof configs[0]; c++)
            bad |= dump(label, inputs[i].lang, text, len, &configs[c], 0);
        free(text);
    }
    return bad;
}
