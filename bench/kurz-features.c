/* SPDX-License-Identifier: MIT */
/* kurz-features: prints the features kurz's scorer sees, for
 * tools/train-scorer.py. It runs the library's own stages (lib/kurz-test.h,
 * the table kurz_summarize runs) on every document and prints the feature
 * vectors the score stage computed, so the trainer learns on exactly the
 * values the library will weigh.
 *
 * Input (stdin): records
 *   LANG SP NTEXT SP NTITLE LF <NTEXT bytes of text><NTITLE bytes of title>
 * with NTITLE = -1 for a document without a title (and no title bytes).
 * Output (stdout): a header line "doc sent start end ok" followed by the
 * feature names, then one line per sentence: the record's number, the
 * sentence's index, its byte span, 1 when it is a real sentence, and its
 * features (%.9g). A record kurz cannot summarize prints "#error DOC RC". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kurz-test.h"

#define MAXLANG 8

int main(void)
{
    struct {
        char code[16];
        kurz_summarizer *s;
    } sums[MAXLANG];
    size_t nsums = 0;
    printf("doc\tsent\tstart\tend\tok");
    for (size_t f = 0; f < KURZ__NFEAT; f++)
        printf("\t%s", kurz__feature_names[f]);
    printf("\n");
    char lang[16];
    long ntext, ntitle;
    char *buf = NULL;
    size_t cap = 0;
    for (long doc = 0; scanf("%15s %ld %ld", lang, &ntext, &ntitle) == 3; doc++) {
        if (getchar() != '\n' || ntext < 0 || ntitle < -1) {
            fprintf(stderr, "kurz-features: bad record header at record %ld\n", doc);
            return 1;
        }
        size_t need = (size_t)ntext + (ntitle > 0 ? (size_t)ntitle : 0) + 1;
        if (need > cap) {
            char *nb = realloc(buf, need);
            if (!nb)
                return 1;
            buf = nb;
            cap = need;
        }
        size_t got = fread(buf, 1, need - 1, stdin);
        if (got != need - 1) {
            fprintf(stderr, "kurz-features: record %ld is cut short\n", doc);
            return 1;
        }
        kurz_summarizer *s = NULL;
        for (size_t k = 0; k < nsums && !s; k++)
            if (!strcmp(sums[k].code, lang))
                s = sums[k].s;
        if (!s) {
            if (nsums == MAXLANG || kurz_summarizer_new(&s, lang) != KURZ_OK) {
                fprintf(stderr, "kurz-features: cannot summarize in %s\n", lang);
                return 1;
            }
            snprintf(sums[nsums].code, sizeof sums[nsums].code, "%s", lang);
            sums[nsums++].s = s;
        }
        int rc = ntitle >= 0 ? kurz_summarizer_set_title(s, buf + ntext, (size_t)ntitle)
                             : kurz_summarizer_set_title(s, NULL, 0);
        kurz__run r;
        kurz__run_begin(&r, s, buf, (size_t)ntext);
        r.all_features = 1; /* the trainer may weigh any of them */
        for (size_t k = 0; k < KURZ__NSTAGES && !rc; k++)
            rc = kurz__stages[k].run(&r);
        if (rc) {
            printf("#error %ld %d\n", doc, rc);
        } else {
            for (size_t i = 0; i < r.doc->sents.n; i++) {
                const kurz__sent *v = &r.doc->sents.v[i];
                printf("%ld\t%zu\t%zu\t%zu\t%d", doc, i, v->start, v->end, r.ok[i]);
                for (size_t f = 0; f < KURZ__NFEAT; f++)
                    printf("\t%.9g", r.feat ? r.feat[i * KURZ__NFEAT + f] : 0.0);
                printf("\n");
            }
        }
        kurz__run_end(&r);
    }
    for (size_t k = 0; k < nsums; k++)
        kurz_summarizer_free(sums[k].s);
    free(buf);
    return 0;
}
