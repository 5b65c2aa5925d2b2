/* SPDX-License-Identifier: MIT */
/* Hand-made documents for unit tests of ranking and selection: sentences
 * given directly as term lists, no splitter or stemmer involved. */
#ifndef KURZ_TEST_FIXTURE_H
#define KURZ_TEST_FIXTURE_H

#include <string.h>

#include "kurz-private.h"

/* A document given as term lists: terms[i] holds the term ids of sentence
 * i, ended by -1. */
typedef struct fixture {
    kurz__mem m;
    kurz__doc d;
    kurz__sent sents[16];
    size_t row[17];
    kurz__entry ent[128];
    uint32_t df[32];
    uint32_t nwords[16], ncontent[16];
} fixture;

static inline void build(fixture *f, int nsent, const int terms[][8])
{
    memset(f, 0, sizeof *f);
    kurz__mem_default(&f->m);
    size_t e = 0;
    uint32_t maxt = 0;
    for (int i = 0; i < nsent; i++) {
        f->sents[i] = (kurz__sent){(size_t)i * 10, (size_t)i * 10 + 9, 0, KURZ__S_TERMINATED};
        f->row[i] = e;
        for (int k = 0; terms[i][k] >= 0; k++) {
            uint32_t t = (uint32_t)terms[i][k];
            if (e > f->row[i] && f->ent[e - 1].term == t) {
                f->ent[e - 1].tf += 1; /* lists are sorted */
                continue;
            }
            f->ent[e++] = (kurz__entry){t, 1.0f};
            f->df[t]++;
            if (t + 1 > maxt)
                maxt = t + 1;
        }
        f->nwords[i] = 8;
        f->ncontent[i] = (uint32_t)(e - f->row[i]);
    }
    f->row[nsent] = e;
    f->d.sents.v = f->sents;
    f->d.sents.n = (size_t)nsent;
    f->d.row = f->row;
    f->d.ent = f->ent;
    f->d.ent_n = e;
    f->d.df = f->df;
    f->d.nterms = maxt;
    f->d.nwords = f->nwords;
    f->d.ncontent = f->ncontent;
}

#endif
