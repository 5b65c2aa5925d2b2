/* SPDX-License-Identifier: MIT */
/* Final scores (lib/score.c, lib/features.c): the features, the learned
 * model's table, the opener test, and the blend of 0.1 (centrality with the
 * position prior and the similarity to the lead). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fixture.h"
#include "kurz-test.h"

/* six sentences, distinct terms except 0 and 1 which are near duplicates */
static const int six[6][8] = {
    {0, 1, 2, 3, -1}, {0, 1, 2, 3, 4, -1}, {5, 6, -1}, {7, 8, -1}, {9, 10, -1}, {11, 12, -1},
};
static const uint8_t all_ok[6] = {1, 1, 1, 1, 1, 1};

static void blend_position_prior(void **state)
{
    (void)state;
    fixture f;
    build(&f, 6, six);
    double norm[16], s[6];
    kurz__norms(&f.d, norm);
    static const uint8_t ok[6] = {0, 1, 1, 1, 1, 1}; /* a heading first */
    for (int i = 0; i < 6; i++)
        s[i] = 1.0 / 6; /* flat centrality */
    kurz__blend_opts bo = {0.5, 0.0};
    kurz__blend(&f.d, ok, norm, &bo, s);
    /* the first real sentence gets the full prior, later ones less, the
     * heading none */
    assert_true(s[1] > s[2] && s[2] > s[3] && s[3] > s[5]);
    assert_true(s[0] < s[5]);
    assert_true(fabs(s[1] - 1.0) < 1e-12);
    /* with no prior the flat centrality stays flat */
    for (int i = 0; i < 6; i++)
        s[i] = 1.0 / 6;
    bo.position = 0;
    kurz__blend(&f.d, ok, norm, &bo, s);
    assert_true(fabs(s[2] - s[5]) < 1e-12);
}

static void blend_title_similarity(void **state)
{
    (void)state;
    fixture f;
    build(&f, 6, six);
    double norm[16], s[6];
    kurz__norms(&f.d, norm);
    for (int i = 0; i < 6; i++)
        s[i] = 1.0 / 6;
    kurz__blend_opts bo = {0.0, 0.5};
    kurz__blend(&f.d, all_ok, norm, &bo, s);
    /* sentence 1 shares terms with the lead (0); the others share none */
    assert_true(s[1] > s[2]);
    assert_true(fabs(s[2] - s[3]) < 1e-12);
}

/* The mix is convex: centrality alone keeps the order of the scores and
 * scales the best to 1. */
static void blend_without_priors_normalises(void **state)
{
    (void)state;
    fixture f;
    build(&f, 6, six);
    double norm[16], s[6] = {0.1, 0.4, 0.2, 0.1, 0.1, 0.1};
    kurz__norms(&f.d, norm);
    kurz__blend_opts bo = {0.0, 0.0};
    kurz__blend(&f.d, all_ok, norm, &bo, s);
    assert_true(fabs(s[1] - 1.0) < 1e-12);
    assert_true(fabs(s[2] - 0.5) < 1e-12);
    assert_true(fabs(s[0] - 0.25) < 1e-12);
}

/* Openers as the tokenizer sees a sentence's first words: case, quotes
 * and elided articles do not matter; a word that merely begins like an
 * opener is not one. */
static int opener(kurz__lang lang, const char *text)
{
    kurz__mem m;
    kurz__mem_default(&m);
    kurz__tokenizer t;
    kurz__tok_init(&t, &m, lang);
    int r = kurz__opener(&t, lang, text, 0, strlen(text));
    kurz__tok_free(&t);
    return r;
}

static void openers_of_de_fr_en(void **state)
{
    (void)state;
    assert_int_equal(opener(KURZ__LANG_DE, "Er kam erst am Abend."), 1);
    assert_int_equal(opener(KURZ__LANG_DE, "\u201EDiese Pl\u00E4ne\u201C nannte sie gut."), 1);
    assert_int_equal(opener(KURZ__LANG_DE, "Au\u00DFerdem fehlte Geld."), 1);
    assert_int_equal(opener(KURZ__LANG_DE, "Ihm zufolge war es so."), 1);
    assert_int_equal(opener(KURZ__LANG_DE, "Erst am Abend kam der Zug."), 0);
    assert_int_equal(opener(KURZ__LANG_DE, "Der Zug kam sp\u00E4t."), 0);
    assert_int_equal(opener(KURZ__LANG_FR, "Il est parti t\u00F4t."), 1);
    assert_int_equal(opener(KURZ__LANG_FR, "\u00AB Cette d\u00E9cision est grave \u00BB, dit-il."), 1);
    assert_int_equal(opener(KURZ__LANG_FR, "Selon lui, rien ne change."), 1);
    assert_int_equal(opener(KURZ__LANG_FR, "D'ailleurs, personne ne le savait."), 1);
    assert_int_equal(opener(KURZ__LANG_FR, "Selon la police, rien ne change."), 0);
    assert_int_equal(opener(KURZ__LANG_FR, "Ilan est parti."), 0);
    assert_int_equal(opener(KURZ__LANG_FR, "Le maire est parti."), 0);
    assert_int_equal(opener(KURZ__LANG_EN, "However, the plan failed."), 1);
    assert_int_equal(opener(KURZ__LANG_EN, "In addition, costs rose."), 1);
    assert_int_equal(opener(KURZ__LANG_EN, "The plan failed."), 0);
    /* no list for the other languages */
    assert_int_equal(opener(KURZ__LANG_OTHER, "Er kam."), 0);
    assert_int_equal(opener(KURZ__LANG_DE, ""), 0);
}

/* The generated model was trained on the features in this order. */
static void model_matches_features(void **state)
{
    (void)state;
    for (size_t k = 0; k < KURZ__NFEAT; k++)
        assert_string_equal(kurz__model_features[k], kurz__feature_names[k]);
    assert_int_equal(kurz__nmodels, 4);
    for (int title = 0; title < 2; title++) {
        const kurz__model *sh = kurz__model_for("short", title);
        const kurz__model *lo = kurz__model_for("long", title);
        assert_string_equal(sh->kind, "short");
        assert_string_equal(lo->kind, "long");
        assert_int_equal(sh->title, title);
        assert_int_equal(lo->title, title);
        /* without a title, the title feature has no weight */
        if (!title)
            assert_true(sh->w[KURZ__F_TITLE] == 0 && lo->w[KURZ__F_TITLE] == 0);
        /* the short model leaves out the features whose scale depends on
         * the language (tools/train-scorer.py, DROP) */
        assert_true(sh->w[KURZ__F_CAPS] == 0 && sh->w[KURZ__F_CONTENT] == 0 &&
                    sh->w[KURZ__F_WORDLEN] == 0);
    }
    /* the model's scores are probabilities that rise with its weights */
    const kurz__model *mo = kurz__model_for("short", 0);
    double f[2 * KURZ__NFEAT] = {0}, sc[2];
    f[KURZ__NFEAT + KURZ__F_POS_INV] = 1.0;
    kurz__model_score(mo, f, 2, sc);
    assert_true(sc[0] > 0 && sc[0] < 1 && sc[1] > 0 && sc[1] < 1);
    assert_true(mo->w[KURZ__F_POS_INV] > 0 ? sc[1] > sc[0] : sc[1] <= sc[0]);
}

/* The features of a small French text, through the library's own stages. */
static const char *feat_text =
    "Le conseil municipal de Lyon a vot\u00E9 le budget 2024 mardi soir.\n\n"
    "Il pr\u00E9voit une hausse des d\u00E9penses pour les \u00E9coles de la ville.\n\n"
    "\u00AB C'est un budget juste \u00BB, a d\u00E9clar\u00E9 la maire Jeanne Martin aux journalistes pr\u00E9sents.\n\n"
    "Faut-il craindre une hausse des imp\u00F4ts pour les habitants de Lyon ?";

static void features_of_a_text(void **state)
{
    (void)state;
    kurz_summarizer *s;
    assert_int_equal(kurz_summarizer_new(&s, "fr"), KURZ_OK);
    const char *title = "D\u00E9penses des \u00E9coles : c\u2019est vot\u00E9";
    assert_int_equal(kurz_summarizer_set_title(s, title, strlen(title)), KURZ_OK);
    kurz__run r;
    kurz__run_begin(&r, s, feat_text, strlen(feat_text));
    r.all_features = 1; /* CAPS below: the short model does not weigh it */
    int rc = 0;
    for (size_t k = 0; k < KURZ__NSTAGES && !rc; k++)
        rc = kurz__stages[k].run(&r);
    assert_int_equal(rc, 0);
    assert_int_equal(r.doc->sents.n, 4);
    const double *f = r.feat;
#define F(i, k) f[(i) * KURZ__NFEAT + KURZ__F_##k]
    for (size_t i = 0; i < 4; i++)
        assert_true(r.ok[i]);
    assert_true(F(0, FIRST) == 1 && F(1, FIRST) == 0);
    assert_true(F(0, POS_INV) == 1.0 && F(1, POS_INV) < 1.0 && F(3, POS_INV) < F(2, POS_INV));
    assert_true(F(0, POS_REL) == 0.0 && F(3, POS_REL) == 0.75);
    assert_true(F(0, PARA_FIRST) == 1 && F(3, PARA_FIRST) == 1);
    assert_true(F(0, PARA_REL) == 0.0 && F(3, PARA_REL) == 0.75);
    assert_true(F(0, DIGITS) == 1 && F(1, DIGITS) == 0);
    assert_true(F(2, QUOTE) == 1 && F(0, QUOTE) == 0);
    assert_true(F(3, QUESTION) == 1 && F(0, QUESTION) == 0);
    assert_true(F(1, OPENER) == 1 && r.opener[1] == 1 && F(0, OPENER) == 0);
    assert_true(F(2, CAPS) > 0 && F(1, CAPS) == 0); /* Jeanne Martin */
    assert_true(F(0, LEADSIM) == 1.0);
    /* the title shares voté with sentence 0, dépenses and écoles with 1 */
    assert_true(F(0, TITLE) > 0 && F(1, TITLE) > F(0, TITLE));
    assert_true(F(2, TITLE) == 0 && F(3, TITLE) == 0);
    double maxc = 0;
    for (size_t i = 0; i < 4; i++) {
        assert_true(F(i, CENT) >= 0 && F(i, CENT) <= 1);
        maxc = F(i, CENT) > maxc ? F(i, CENT) : maxc;
        assert_true(F(i, CENTROID) >= 0 && F(i, CENTROID) <= 1);
        assert_true(F(i, TOPTERMS) >= 0 && F(i, TOPTERMS) <= 1);
        assert_true(fabs(F(i, LEN) - log(1.0 + r.doc->nwords[i])) < 1e-12);
    }
    assert_true(maxc == 1.0);
    kurz__run_end(&r);
    /* without the title the feature is 0 everywhere */
    assert_int_equal(kurz_summarizer_set_title(s, NULL, 0), KURZ_OK);
    kurz__run_begin(&r, s, feat_text, strlen(feat_text));
    for (size_t k = 0; k < KURZ__NSTAGES && !rc; k++)
        rc = kurz__stages[k].run(&r);
    assert_int_equal(rc, 0);
    f = r.feat;
    for (size_t i = 0; i < 4; i++)
        assert_true(F(i, TITLE) == 0);
#undef F
    kurz__run_end(&r);
    kurz_summarizer_free(s);
}

/* Runs every stage on text with summarizer s, keeping every feature. */
static void run_all(kurz__run *r, kurz_summarizer *s, const char *text)
{
    kurz__run_begin(r, s, text, strlen(text));
    r->all_features = 1;
    int rc = 0;
    for (size_t k = 0; k < KURZ__NSTAGES && !rc; k++)
        rc = kurz__stages[k].run(r);
    assert_int_equal(rc, 0);
}

/* The features' opener flags (a filter of first words, then lookups only
 * while a longer entry can match) agree with kurz__opener, for a sentence
 * opening with every entry of the list, capitalised, and with the entry's
 * first word alone. */
static void feature_openers_match_the_list(void **state)
{
    (void)state;
    static const char *const codes[] = {"de", "fr", "en"};
    for (size_t c = 0; c < 3; c++) {
        const kurz__wordlist *l = kurz__wl_lang("opener", codes[c]);
        assert_non_null(l);
        static char text[32768];
        size_t len = 0;
        size_t nsent = 0;
        for (size_t i = 0; i < l->n; i++) {
            size_t el;
            const char *e = kurz__wl_at(l, i, &el);
            const char *sp = memchr(e, ' ', el);
            size_t fl = sp ? (size_t)(sp - e) : el;
            /* "Entry kam gestern." and "First-word-only kam gestern." */
            len += (size_t)snprintf(text + len, sizeof text - len,
                                    "%c%.*s kam gestern an.\n\n%.*s kam gestern an.\n\n",
                                    e[0] >= 'a' && e[0] <= 'z' ? e[0] - 32 : e[0],
                                    (int)el - 1, e + 1, (int)fl, e);
            nsent += 2;
            assert_true(len < sizeof text - 256);
        }
        /* first words the tokenizer reads in other ways: elided articles,
         * '_', digits, accents, a quote before the word */
        len += (size_t)snprintf(text + len, sizeof text - len,
                                "D'ailleurs kam niemand an.\n\nL'homme kam an.\n\n"
                                "Il_y kam an.\n\nIl7 kam an.\n\nEr\u2019s kam an.\n\n"
                                "\u00C0 cet \u00E9gard kam er.\n\n\u00AB Cette fois \u00BB kam er.\n\n"
                                "Zuletzt kam niemand an.\n");
        nsent += 8;
        kurz_summarizer *s;
        assert_int_equal(kurz_summarizer_new(&s, codes[c]), KURZ_OK);
        kurz__run r;
        run_all(&r, s, text);
        assert_int_equal(r.doc->sents.n, nsent);
        size_t flagged = 0;
        for (size_t i = 0; i < nsent; i++) {
            const kurz__sent *v = &r.doc->sents.v[i];
            kurz__tokenizer t;
            kurz__tok_init(&t, r.m, r.lang);
            int want = kurz__opener(&t, r.lang, text, v->start, v->end);
            kurz__tok_free(&t);
            assert_int_equal(r.opener[i], want);
            flagged += want;
            if (i % 2 == 0 && i < 2 * (size_t)l->n)
                assert_int_equal(want, 1); /* every whole entry */
        }
        assert_true(flagged >= l->n);
        kurz__run_end(&r);
        kurz_summarizer_free(s);
    }
}

/* Capitals and word lengths read sixteen or eight bytes at a time come out
 * as byte by byte, wherever the accented letters and quotes fall: the same
 * sentence after first words of 1..40 letters. */
static void features_byte_scan_any_offset(void **state)
{
    (void)state;
    kurz_summarizer *s;
    assert_int_equal(kurz_summarizer_new(&s, "de"), KURZ_OK);
    for (int k = 1; k <= 40; k++) {
        char text[512];
        /* words: the first (k letters), then Élan Über ära Öl x_y Zé 7 (7 after
         * the first; 4 start upper case); letters: multi-byte ones count once */
        snprintf(text, sizeof text,
                 "%.*s \u00C9lan \u00DCber \u00E4ra \u00D6l x_y Z\u00E9 7.\n\n"
                 "%.*s sagte \u00AB ja \u00BB.\n\n%.*s (sagte) er.\n",
                 k, "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz", k,
                 "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz", k,
                 "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz");
        kurz__run r;
        run_all(&r, s, text);
        assert_int_equal(r.doc->sents.n, 3);
        const double *f = r.feat;
        assert_true(fabs(f[KURZ__F_CAPS] - 4.0 / 7.0) < 1e-12);
        /* bytes in words: k + 4 + 4 + 3 + 2 + 3 + 2 + 1 over 8 words */
        assert_true(fabs(f[KURZ__F_WORDLEN] - (k + 19.0) / 8.0 / 10.0) < 1e-12);
        assert_true(f[KURZ__F_DIGITS] == 1 && f[KURZ__F_QUOTE] == 0 && f[KURZ__F_PAREN] == 0);
        const double *g = r.feat + KURZ__NFEAT;
        assert_true(g[KURZ__F_QUOTE] == 1 && g[KURZ__F_DIGITS] == 0 && g[KURZ__F_CAPS] == 0);
        const double *h = r.feat + 2 * KURZ__NFEAT;
        assert_true(h[KURZ__F_PAREN] == 1 && h[KURZ__F_QUOTE] == 0);
        /* as the default scorer runs it (a short document: the short model
         * weighs no counts): the same flags from the shorter scan */
        kurz__run q;
        kurz__run_begin(&q, s, text, strlen(text));
        int rc = 0;
        for (size_t st = 0; st < KURZ__NSTAGES && !rc; st++)
            rc = kurz__stages[st].run(&q);
        assert_int_equal(rc, 0);
        static const int flags[] = {KURZ__F_DIGITS, KURZ__F_QUOTE, KURZ__F_PAREN,
                                    KURZ__F_QUESTION};
        for (size_t i = 0; i < 3; i++) {
            for (size_t j = 0; j < 4; j++)
                assert_true(q.feat[i * KURZ__NFEAT + flags[j]] ==
                            r.feat[i * KURZ__NFEAT + flags[j]]);
            assert_true(q.feat[i * KURZ__NFEAT + KURZ__F_CAPS] == 0);
        }
        kurz__run_end(&q);
        kurz__run_end(&r);
    }
    kurz_summarizer_free(s);
}

/* The default score, put together again from its parts: the short and
 * long models mixed by the document's length, the short one with 0.1's
 * blend, and fragments scaled down. n_extra sentences are appended to
 * make the document long enough for the long model. */
static void check_default_score(size_t n_extra)
{
    char text[16384];
    size_t len = (size_t)snprintf(text, sizeof text, "%s",
        "Le conseil municipal de Lyon a vot\u00E9 le budget mardi soir.\n\n"
        "Budget 2024\n\n"
        "Il pr\u00E9voit une hausse des d\u00E9penses pour les \u00E9coles de la ville.\n\n"
        "Tout change.\n\n"
        "Les habitants de Lyon craignent une hausse des imp\u00F4ts locaux.\n\n");
    for (size_t k = 0; k < n_extra; k++)
        len += (size_t)snprintf(text + len, sizeof text - len,
                                "La ville de Lyon ouvre la piscine num\u00E9ro %zu en juin.\n", k);
    kurz_summarizer *s;
    assert_int_equal(kurz_summarizer_new(&s, "fr"), KURZ_OK);
    kurz__run r;
    kurz__run_begin(&r, s, text, len);
    int rc = 0;
    size_t k = 0;
    for (; k < KURZ__NSTAGES && strcmp(kurz__stages[k].name, "score") != 0 && !rc; k++)
        rc = kurz__stages[k].run(&r);
    assert_int_equal(rc, 0);
    size_t n = r.doc->sents.n;
    double cent[256], blend[256], sh[256], lo[256];
    assert_true(n <= 256);
    memcpy(cent, r.score, n * sizeof *cent);
    assert_int_equal(kurz__stages[k].run(&r), 0); /* score */
    memcpy(blend, cent, n * sizeof *blend);
    kurz__blend(r.doc, r.ok, r.norm, &r.blend_opts, blend);
    kurz__model_score(kurz__model_for("short", 0), r.feat, n, sh);
    kurz__model_score(kurz__model_for("long", 0), r.feat, n, lo);
    size_t nreal = 0;
    for (size_t i = 0; i < n; i++)
        nreal += r.ok[i] != 0;
    double a = kurz__long_share(nreal);
    assert_true(n_extra ? a > 0 : a == 0);
    size_t fragments = 0;
    for (size_t i = 0; i < n; i++) {
        double want = (1 - a) * (KURZ__BLEND_SHARE * blend[i] + (1 - KURZ__BLEND_SHARE) * sh[i]) +
                      a * lo[i];
        int frag = r.doc->nwords[i] < KURZ__FRAGMENT_WORDS ||
                   r.feat[i * KURZ__NFEAT + KURZ__F_NOTERM] > 0;
        fragments += frag;
        if (frag)
            want *= KURZ__FRAGMENT_FACTOR;
        assert_true(fabs(r.score[i] - want) < 1e-12);
    }
    assert_int_equal(fragments, 2); /* "Budget 2024", "Tout change." */
    kurz__run_end(&r);
    kurz_summarizer_free(s);
}

static void default_score_short_and_long(void **state)
{
    (void)state;
    check_default_score(0);
    check_default_score(60);
    /* the long model's share rises with the length, 0 to 1 */
    assert_true(kurz__long_share(KURZ__LONG_LO) == 0.0);
    assert_true(kurz__long_share(KURZ__LONG_HI) == 1.0);
    assert_true(kurz__long_share(1000) == 1.0);
    double prev = 0;
    for (size_t m = KURZ__LONG_LO + 1; m < KURZ__LONG_HI; m++) {
        double a = kurz__long_share(m);
        assert_true(a > prev && a < 1.0);
        prev = a;
    }
}

/* Whatever the budget, a summary never holds a sentence that opens with
 * a word pointing back without the sentence before it. The text is made
 * so that the "Er"/"Sie" sentences share the most words (they are
 * central). */
static void summaries_keep_antecedents(void **state)
{
    (void)state;
    static const char *text =
        "Der Bahnhof von Kleinstadt wurde im Jahr 1890 gebaut.\n\n"
        "Der Architekt Karl Weber plante den Bahnhof und die Gleise der Stadt.\n"
        "Er baute den Bahnhof mit Gleisen, Hallen und einem Turm f\u00FCr die Stadt.\n"
        "Sp\u00E4ter zog Weber nach Berlin und baute dort weitere Bahnh\u00F6fe.\n\n"
        "Die Stadt erweiterte den Bahnhof im Jahr 1950 um zwei Gleise.\n"
        "Sie lie\u00DF den Bahnhof, die Hallen und den Turm der Stadt neu streichen.\n"
        "Heute halten dort jede Stunde Z\u00FCge nach Berlin und M\u00FCnchen.";
    kurz_summarizer *s;
    assert_int_equal(kurz_summarizer_new(&s, "de"), KURZ_OK);
    kurz_summary *split;
    assert_int_equal(kurz_split(&split, s, text, strlen(text)), KURZ_OK);
    size_t n = kurz_summary_count(split);
    assert_int_equal(n, 7);
    kurz__mem m;
    kurz__mem_default(&m);
    kurz__tokenizer t;
    kurz__tok_init(&t, &m, KURZ__LANG_DE);
    uint8_t op[7];
    for (size_t i = 0; i < n; i++) {
        size_t a, b;
        kurz_summary_get(split, i, NULL, &a, &b, NULL);
        op[i] = (uint8_t)kurz__opener(&t, KURZ__LANG_DE, text, a, b);
    }
    kurz__tok_free(&t);
    assert_true(op[2] && op[5] && !op[0] && !op[1]);
    for (int k = 1; k <= 7; k++) {
        for (int by_words = 0; by_words < 2; by_words++) {
            if (by_words)
                kurz_summarizer_set_option(s, KURZ_OPT_WORDS, 12 * k);
            else
                kurz_summarizer_set_option(s, KURZ_OPT_SENTENCES, k);
            kurz_summary *sum;
            assert_int_equal(kurz_summarize(&sum, s, text, strlen(text)), KURZ_OK);
            uint8_t in[7] = {0};
            for (size_t a = 0; a < kurz_summary_count(sum); a++) {
                size_t idx;
                kurz_summary_get(sum, a, &idx, NULL, NULL, NULL);
                in[idx] = 1;
            }
            for (size_t i = 1; i < n; i++)
                if (in[i] && op[i])
                    assert_true(in[i - 1]);
            assert_true(kurz_summary_count(sum) >= 1);
            kurz_summary_free(sum);
        }
    }
    kurz_summary_free(split);
    kurz_summarizer_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(blend_position_prior),
        cmocka_unit_test(blend_title_similarity),
        cmocka_unit_test(blend_without_priors_normalises),
        cmocka_unit_test(openers_of_de_fr_en),
        cmocka_unit_test(model_matches_features),
        cmocka_unit_test(features_of_a_text),
        cmocka_unit_test(feature_openers_match_the_list),
        cmocka_unit_test(features_byte_scan_any_offset),
        cmocka_unit_test(summaries_keep_antecedents),
        cmocka_unit_test(default_score_short_and_long),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
