/* SPDX-License-Identifier: MIT */
/* See robust-common.h. Integer arithmetic only, so generated text is the
 * same on every build and every machine. */
#include "robust-common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

const char *rc_lang_code(int lang)
{
    static const char *const codes[RC_NLANG] = {"de", "fr", "en"};
    return lang >= 0 && lang < RC_NLANG ? codes[lang] : "de";
}

/* ---- word lists ---------------------------------------------------------- */
typedef struct vocab {
    const char *const *det;   /* determiners (subject position) */
    const char *const *adj;
    const char *const *noun;
    const char *const *verb;  /* finite verb, third person */
    const char *const *prep;  /* preposition + determiner */
    const char *const *said;  /* ", sagte X" style tails */
    const char *const *conn;  /* sentence openers */
    const char *const *extra; /* whole fixed sentences with abbreviations etc. */
    const char *const *head;  /* heading lines (no final punctuation) */
    const char *qopen, *qclose;
    size_t ndet, nadj, nnoun, nverb, nprep, nsaid, nconn, nextra, nhead;
} vocab;

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const char *const de_det[] = {"Der", "Die", "Das", "Ein", "Eine", "Jede", "Diese", "Unsere"};
static const char *const de_adj[] = {
    "neue", "große", "öffentliche", "städtische", "geplante", "umstrittene", "älteste",
    "günstige", "schwierige", "grüne", "zuständige", "überraschende", "künftige", "regionale"};
static const char *const de_noun[] = {
    "Regierung", "Bürgermeisterin", "Straßenbahn", "Öffentlichkeit", "Gemeinderat", "Schule",
    "Verwaltung", "Energiewende", "Haushaltsplan", "Feuerwehr", "Bevölkerung", "Kommission",
    "Universität", "Wohnungsbau", "Gesundheitsamt", "Bürgerinitiative", "Landesregierung",
    "Kläranlage", "Müllabfuhr", "Stadtbibliothek", "Verkehrsplanung", "Hochwasserschutz",
    "Grundschule", "Fußgängerzone", "Bahnhofsvorplatz", "Zuständigkeit", "Förderung"};
static const char *const de_verb[] = {
    "beschließt", "kritisiert", "fordert", "plant", "prüft", "übernimmt", "verschiebt",
    "unterstützt", "finanziert", "lehnt", "erwartet", "begrüßt", "veröffentlicht", "ändert"};
static const char *const de_prep[] = {
    "mit der", "für die", "in der", "auf dem", "nach dem", "wegen der", "über die",
    "trotz der", "während der", "gegenüber der", "vor dem", "unter der"};
static const char *const de_said[] = {
    ", sagte Dr. Müller", ", erklärte die Sprecherin", ", teilte das Ministerium mit",
    ", so der Verband", ", hieß es am Montag", ", betonte Prof. Schäfer"};
static const char *const de_conn[] = {"Außerdem", "Trotzdem", "Zudem", "Allerdings", "Dennoch",
                                      "Inzwischen", "Bereits im März"};
static const char *const de_extra[] = {
    "Die Kosten liegen bei rund 3,5 Mio. Euro, d. h. deutlich über dem Plan.",
    "Am 12. Mai 2023 tagte der Ausschuss z. B. bis 22 Uhr.",
    "Warum dauert das so lange?",
    "Das ist ein Skandal!",
    "Die Stadt (rund 48.000 Einwohner) wartet seit 2019 auf eine Entscheidung…",
    "Vgl. hierzu S. 14 ff. des Berichts.",
    "Der Zug fährt um 7.45 Uhr ab Gleis 3."};
static const char *const de_head[] = {"Stadtrat streitet über neue Straßenbahn",
                                      "Lokales", "Von Anna Schmidt", "Kommentar",
                                      "Mehr zum Thema", "Energiewende in der Region"};

static const char *const fr_det[] = {"Le", "La", "Un", "Une", "Ce", "Cette", "Notre", "Chaque"};
static const char *const fr_adj[] = {
    "nouveau", "grand", "public", "municipal", "prévu", "contesté", "régional", "économique",
    "célèbre", "sévère", "énergétique", "déçu", "européen", "première"};
static const char *const fr_noun[] = {
    "gouvernement", "maire", "tramway", "conseil", "école", "administration", "budget",
    "hôpital", "université", "préfecture", "commission", "élève", "région", "réforme",
    "bibliothèque", "quartier", "ministère", "association", "entreprise", "syndicat",
    "événement", "théâtre", "façade", "forêt", "propriétaire", "société"};
static const char *const fr_verb[] = {
    "décide", "critique", "réclame", "prévoit", "examine", "reporte", "soutient", "finance",
    "rejette", "attend", "salue", "publie", "modifie", "répète"};
static const char *const fr_prep[] = {
    "avec le", "pour la", "dans le", "sur la", "après le", "à cause du", "malgré la",
    "pendant la", "auprès du", "sous le", "avant l'été", "depuis l’an dernier"};
static const char *const fr_said[] = {
    ", a déclaré M. Dupont", ", selon la préfecture", ", précise le ministère",
    ", a-t-elle expliqué", ", d'après l'AFP", ", indique Mme Lefèvre"};
static const char *const fr_conn[] = {"Cependant", "En outre", "Pourtant", "Toutefois",
                                      "Aujourd'hui", "Lorsqu'il pleut", "Jusqu'à présent"};
static const char *const fr_extra[] = {
    "Le coût atteint 3,5 millions d'euros, c.-à-d. bien plus que prévu.",
    "Le 12 mai 2023, la commission a siégé jusqu'à 22 h.",
    "Pourquoi cela dure-t-il si longtemps ?",
    "C'est un scandale !",
    "La ville (environ 48 000 habitants) attend depuis 2019 une décision…",
    "Voir p. 14 et suiv. du rapport, etc.",
    "« Nous n'abandonnerons pas », a-t-il lancé."};
static const char *const fr_head[] = {"Le conseil municipal divisé sur le tramway",
                                      "Actualités", "Par Marie Durand", "Éditorial",
                                      "À lire aussi", "La transition énergétique en région"};

static const char *const en_det[] = {"The", "A", "This", "Every", "Our", "Another"};
static const char *const en_adj[] = {"new", "large", "public", "municipal", "planned",
                                     "contested", "regional", "economic", "cheap", "difficult"};
static const char *const en_noun[] = {
    "government", "mayor", "tramway", "council", "school", "administration", "budget",
    "hospital", "university", "commission", "student", "region", "reform", "library",
    "district", "ministry", "association", "company", "union", "theatre"};
static const char *const en_verb[] = {"decides", "criticises", "demands", "plans", "examines",
                                      "postpones", "supports", "funds", "rejects", "expects"};
static const char *const en_prep[] = {"with the", "for the", "in the", "on the", "after the",
                                      "because of the", "despite the", "during the"};
static const char *const en_said[] = {", said Mr. Smith", ", according to the ministry",
                                      ", the spokeswoman explained", ", Dr. Jones added"};
static const char *const en_conn[] = {"However", "Moreover", "Still", "Meanwhile", "So far"};
static const char *const en_extra[] = {
    "The cost is about $3.5 million, i.e. far more than planned.",
    "On May 12, 2023, the committee sat until 10 p.m.",
    "Why does it take so long?",
    "It's a scandal!",
    "The U.S. government wasn't involved, e.g. in the tender."};
static const char *const en_head[] = {"Council split over new tramway", "Local news",
                                      "By Anna Smith", "Opinion"};

#define VOCAB(p, qo, qc)                                                                   \
    {p##_det, p##_adj, p##_noun, p##_verb, p##_prep, p##_said, p##_conn, p##_extra,        \
     p##_head, qo, qc, N(p##_det), N(p##_adj), N(p##_noun), N(p##_verb), N(p##_prep),      \
     N(p##_said), N(p##_conn), N(p##_extra), N(p##_head)}

static const vocab vocabs[RC_NLANG] = {
    VOCAB(de, "„", "“"),
    VOCAB(fr, "« ", " »"),
    VOCAB(en, "\"", "\""),
};

/* ---- generator ------------------------------------------------------------ */
typedef struct gen {
    char *buf;
    size_t len, cap;
    uint64_t state;
} gen;

static uint32_t rnd(gen *g, uint32_t n)
{
    g->state = g->state * 6364136223846793005ull + 1442695040888963407ull;
    return (uint32_t)((g->state >> 33) % n);
}

static void put(gen *g, const char *s)
{
    size_t n = strlen(s);
    if (g->len + n + 1 > g->cap) {
        size_t nc = g->cap ? g->cap : 256;
        while (nc < g->len + n + 1)
            nc *= 2;
        char *nb = realloc(g->buf, nc);
        if (!nb) {
            fprintf(stderr, "rc_gen_text: out of memory\n");
            abort();
        }
        g->buf = nb;
        g->cap = nc;
    }
    memcpy(g->buf + g->len, s, n);
    g->len += n;
    g->buf[g->len] = 0;
}

#define PICK(g, v, f) ((v)->f[rnd((g), (uint32_t)(v)->n##f)])

static void sentence(gen *g, const vocab *v)
{
    uint32_t kind = rnd(g, 10);
    if (kind == 0) {
        put(g, PICK(g, v, extra));
        return;
    }
    int quoted = kind == 1;
    if (quoted)
        put(g, v->qopen);
    if (kind == 2) {
        put(g, PICK(g, v, conn));
        put(g, " ");
        /* opener followed by a lower-case determiner */
        const char *d = PICK(g, v, det);
        char low[32];
        snprintf(low, sizeof low, "%s", d);
        if (low[0] >= 'A' && low[0] <= 'Z')
            low[0] = (char)(low[0] + 32);
        put(g, low);
    } else {
        put(g, PICK(g, v, det));
    }
    put(g, " ");
    put(g, PICK(g, v, adj));
    put(g, " ");
    put(g, PICK(g, v, noun));
    put(g, " ");
    put(g, PICK(g, v, verb));
    put(g, " ");
    put(g, PICK(g, v, prep));
    put(g, " ");
    put(g, PICK(g, v, noun));
    if (rnd(g, 3) == 0) {
        put(g, " ");
        put(g, PICK(g, v, prep));
        put(g, " ");
        put(g, PICK(g, v, adj));
        put(g, " ");
        put(g, PICK(g, v, noun));
    }
    if (rnd(g, 4) == 0) {
        char num[32];
        snprintf(num, sizeof num, " %u", 1990u + rnd(g, 40));
        put(g, num);
    }
    if (quoted) {
        put(g, v->qclose);
        put(g, PICK(g, v, said));
        put(g, ".");
    } else {
        if (rnd(g, 5) == 0)
            put(g, PICK(g, v, said));
        put(g, rnd(g, 12) == 0 ? "!" : ".");
    }
}

char *rc_gen_text(int lang, uint32_t seed, size_t target, size_t *len)
{
    const vocab *v = &vocabs[lang >= 0 && lang < RC_NLANG ? lang : 0];
    gen g = {NULL, 0, 0, 0x9E3779B97F4A7C15ull ^ ((uint64_t)seed * 0x100000001B3ull)};
    put(&g, "");
    put(&g, PICK(&g, v, head));
    put(&g, "\n\n");
    do {
        uint32_t k = 2 + rnd(&g, 5);
        for (uint32_t i = 0; i < k; i++) {
            if (i)
                put(&g, " ");
            sentence(&g, v);
        }
        put(&g, rnd(&g, 8) == 0 ? "\r\n\r\n" : "\n\n");
    } while (g.len < target);
    *len = g.len;
    return g.buf;
}

/* ---- results -------------------------------------------------------------- */
void rc_capture(rc_result *r, int rc, const kurz_summary *sum)
{
    memset(r, 0, sizeof *r);
    r->rc = rc;
    r->n = kurz_summary_count(sum);
    r->doc = kurz_summary_document_sentences(sum);
    r->items = calloc(r->n ? r->n : 1, sizeof *r->items);
    if (!r->items) {
        fprintf(stderr, "rc_capture: out of memory\n");
        abort();
    }
    for (size_t i = 0; i < r->n; i++) {
        rc_item *it = &r->items[i];
        if (kurz_summary_get(sum, i, &it->index, &it->start, &it->end, &it->score) != KURZ_OK) {
            fprintf(stderr, "rc_capture: kurz_summary_get(%zu) failed\n", i);
            abort();
        }
    }
}

void rc_result_free(rc_result *r)
{
    free(r->items);
    memset(r, 0, sizeof *r);
}

int rc_result_equal(const rc_result *a, const rc_result *b)
{
    if (a->rc != b->rc || a->n != b->n || a->doc != b->doc)
        return 0;
    for (size_t i = 0; i < a->n; i++) {
        const rc_item *x = &a->items[i], *y = &b->items[i];
        if (x->index != y->index || x->start != y->start || x->end != y->end ||
            memcmp(&x->score, &y->score, sizeof x->score) != 0)
            return 0;
    }
    return 1;
}

void rc_result_diff(const rc_result *a, const rc_result *b, char *buf, size_t cap)
{
    if (a->rc != b->rc || a->n != b->n || a->doc != b->doc) {
        snprintf(buf, cap, "rc %d/%d count %zu/%zu doc %zu/%zu", a->rc, b->rc, a->n, b->n, a->doc,
                 b->doc);
        return;
    }
    for (size_t i = 0; i < a->n; i++) {
        const rc_item *x = &a->items[i], *y = &b->items[i];
        if (x->index != y->index || x->start != y->start || x->end != y->end ||
            memcmp(&x->score, &y->score, sizeof x->score) != 0) {
            snprintf(buf, cap, "item %zu: %zu [%zu,%zu) %.17g vs %zu [%zu,%zu) %.17g", i,
                     x->index, x->start, x->end, x->score, y->index, y->start, y->end, y->score);
            return;
        }
    }
    snprintf(buf, cap, "no difference");
}

/* ---- misc ------------------------------------------------------------------- */
double rc_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int rc_small(void)
{
    const char *s = getenv("KURZ_TEST_SMALL");
    if (s && *s && strcmp(s, "0") != 0)
        return 1;
    const char *p = getenv("LD_PRELOAD");
    return p && strstr(p, "vgpreload") != NULL;
}

size_t rc_scale(size_t n, size_t div, size_t min)
{
    if (!rc_small())
        return n;
    n /= div;
    return n < min ? min : n;
}
