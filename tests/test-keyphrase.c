/* SPDX-License-Identifier: MIT */
/* Key phrases: candidates, merging, surface forms, spans, options, errors,
 * allocation failure, determinism and linear work. The texts are our own. */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "keyphrase.h"
#include "kurz.h"

static const char de_text[] =
    "Die Stadt Kirchdorf bekommt ein neues Rechenzentrum. Am Montag hat Elon Musk die "
    "Baustelle besucht. Das Rechenzentrum soll im Herbst den Betrieb aufnehmen und braucht "
    "viel Strom aus Windkraft. Zwei weitere Rechenzentren sind in Kirchdorf geplant, sagte "
    "Elon Musk.\nDie Anlage steht am Hafen. Windkraft liefert dort günstigen Strom.\n";

static const char fr_text[] =
    "La commune de Saint-Martin accueille deux nouveaux centres de données. L’énergie des "
    "éoliennes alimente les centres de données depuis le printemps. Le maire a présenté le "
    "projet d'extension aux habitants. L'électricité des éoliennes reste bon marché.";

typedef struct phrase {
    const char *text;
    size_t len, count, start, end;
    double score;
} phrase;

static kurz_keyphrases *extract(const char *lang, const char *text, size_t len, int n, int words)
{
    kurz_summarizer *s = NULL;
    assert_int_equal(kurz_summarizer_new(&s, lang), KURZ_OK);
    if (n >= 0)
        assert_int_equal(kurz_summarizer_set_option(s, KURZ_OPT_KEYPHRASES, n), KURZ_OK);
    if (words > 0)
        assert_int_equal(kurz_summarizer_set_option(s, KURZ_OPT_KEYPHRASE_MAX_WORDS, words),
                         KURZ_OK);
    kurz_keyphrases *k = NULL;
    assert_int_equal(kurz_keyphrases_extract(&k, s, text, len), KURZ_OK);
    assert_non_null(k);
    kurz_summarizer_free(s);
    return k;
}

static phrase get(const kurz_keyphrases *k, size_t i)
{
    phrase p;
    assert_int_equal(kurz_keyphrases_get(k, i, &p.text, &p.len, &p.score, &p.count, &p.start,
                                         &p.end),
                     KURZ_OK);
    assert_int_equal(strlen(p.text), p.len);
    return p;
}

/* Index of the phrase whose text is t, or -1. */
static long find(const kurz_keyphrases *k, const char *t)
{
    for (size_t i = 0; i < kurz_keyphrases_count(k); i++) {
        phrase p = get(k, i);
        if (p.len == strlen(t) && !memcmp(p.text, t, p.len))
            return (long)i;
    }
    return -1;
}

static size_t count_of(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = hay; (p = strstr(p, needle)); p++)
        n++;
    return n;
}

/* Every phrase: a span inside one sentence, text equal to some occurrence
 * up to white space, scores not increasing. */
static void check_shape(const char *lang, const char *text, size_t len, const kurz_keyphrases *k)
{
    kurz_summarizer *s = NULL;
    assert_int_equal(kurz_summarizer_new(&s, lang), KURZ_OK);
    kurz_summary *sp = NULL;
    assert_int_equal(kurz_split(&sp, s, text, len), KURZ_OK);
    double prev = 1e300;
    for (size_t i = 0; i < kurz_keyphrases_count(k); i++) {
        phrase p = get(k, i);
        assert_true(p.start < p.end && p.end <= len);
        assert_true(p.count >= 1);
        assert_true(p.score <= prev);
        prev = p.score;
        int inside = 0;
        for (size_t j = 0; j < kurz_summary_count(sp); j++) {
            size_t a, b;
            kurz_summary_get(sp, j, NULL, &a, &b, NULL);
            inside |= a <= p.start && p.end <= b;
        }
        assert_true(inside);
        /* no white space at the edges, no line end inside */
        assert_true(p.text[0] != ' ' && p.text[p.len - 1] != ' ');
        assert_null(memchr(text + p.start, '\n', p.end - p.start));
    }
    kurz_summary_free(sp);
    kurz_summarizer_free(s);
}

static void test_german(void **state)
{
    (void)state;
    size_t len = strlen(de_text);
    kurz_keyphrases *k = extract("de", de_text, len, 30, 0);
    check_shape("de", de_text, len, k);

    /* compound and plural: Rechenzentrum / Rechenzentren are one phrase,
     * written as the more frequent form, first seen in sentence one */
    long i = find(k, "Rechenzentrum");
    assert_true(i >= 0);
    assert_int_equal(find(k, "Rechenzentren"), -1);
    phrase p = get(k, (size_t)i);
    assert_int_equal(p.count, count_of(de_text, "Rechenzentrum") + count_of(de_text, "Rechenzentren"));
    const char *first = strstr(de_text, "Rechenzentrum");
    assert_int_equal(p.start, (size_t)(first - de_text));
    assert_int_equal(p.end, p.start + strlen("Rechenzentrum"));
    /* ... and it is what the text is about */
    assert_true(i < 3);

    /* a name keeps its capitals; its words alone are not listed, as they
     * never occur outside it */
    i = find(k, "Elon Musk");
    assert_true(i >= 0);
    p = get(k, (size_t)i);
    assert_int_equal(p.count, 2);
    assert_int_equal(p.start, (size_t)(strstr(de_text, "Elon Musk") - de_text));
    assert_int_equal(find(k, "Musk"), -1);
    assert_int_equal(find(k, "Elon"), -1);
    /* a verb before a name is not part of it */
    assert_int_equal(find(k, "sagte Elon Musk"), -1);

    /* an adjective belongs to the noun after it, but a lower-case
     * adjective before a noun listed alone says nothing new */
    assert_int_equal(find(k, "neues Rechenzentrum"), -1);
    assert_int_equal(find(k, "neues"), -1);
    /* never across a sentence end: "... am Hafen. Windkraft ..." */
    assert_int_equal(find(k, "Hafen Windkraft"), -1);
    /* Windkraft occurs twice, in two sentences */
    i = find(k, "Windkraft");
    assert_true(i >= 0);
    assert_int_equal(get(k, (size_t)i).count, 2);
    /* no stop word at an edge, nothing lower-case alone in German */
    for (size_t j = 0; j < kurz_keyphrases_count(k); j++) {
        p = get(k, j);
        assert_true(strncmp(p.text, "die ", 4) && strncmp(p.text, "Die ", 4));
        assert_true((p.text[0] >= 'A' && p.text[0] <= 'Z') || (unsigned char)p.text[0] >= 0x80 ||
                    strchr(p.text, ' ') != NULL);
    }
    kurz_keyphrases_free(k);
}

/* German: an adjective belongs to the noun after it; a derived adjective
 * or a place's adjective is never a phrase alone; a genitive name stands
 * alone; a rare full name takes its surname's place. */
static void test_german_words(void **state)
{
    (void)state;
    const char *t = "Im Hafen steht ein schwimmendes Kraftwerk. Das schwimmende Kraftwerk "
                    "liefert Strom. Am Bodstedter Ufer liegt es vor Anker, nahe der Schwäbischen "
                    "Mühle. Der Bodstedter Hafenmeister ist Tarvo Kesküla. Tarvo Kesküla lobt "
                    "den Strom. Keskülas Vater baute es.";
    kurz_keyphrases *k = extract("de", t, strlen(t), 50, 0);
    check_shape("de", t, strlen(t), k);
    long i = find(k, "schwimmende Kraftwerk");
    if (i < 0)
        i = find(k, "schwimmendes Kraftwerk");
    assert_true(i >= 0);
    assert_int_equal(get(k, (size_t)i).count, 2);
    assert_int_equal(find(k, "Schwäbischen"), -1);
    assert_int_equal(find(k, "Bodstedter"), -1);
    assert_int_equal(find(k, "Keskülas Vater"), -1);
    assert_true(find(k, "Tarvo Kesküla") >= 0);
    assert_int_equal(find(k, "Kesküla"), -1);
    kurz_keyphrases_free(k);
}

static void test_french(void **state)
{
    (void)state;
    size_t len = strlen(fr_text);
    kurz_keyphrases *k = extract("fr", fr_text, len, 40, 0);
    check_shape("fr", fr_text, len, k);

    /* "de" joins: the phrase keeps its accents, counted twice */
    long i = find(k, "centres de données");
    assert_true(i >= 0);
    phrase p = get(k, (size_t)i);
    assert_int_equal(p.count, 2);
    assert_int_equal(p.start, (size_t)(strstr(fr_text, "centres de données") - fr_text));
    /* an elided d' joins too */
    assert_true(find(k, "projet d'extension") >= 0);
    /* elided articles are never part of a phrase: l'énergie, L’énergie */
    for (size_t j = 0; j < kurz_keyphrases_count(k); j++) {
        p = get(k, j);
        assert_true(strncmp(p.text, "L'", 2) && strncmp(p.text, "l'", 2) &&
                    strncmp(p.text, "L\xE2\x80\x99", 4) && strncmp(p.text, "de ", 3));
        assert_true(p.len < 3 || strcmp(p.text + p.len - 3, " de"));
    }
    /* "énergie" comes after the elided article: its span starts at the word */
    i = find(k, "éoliennes");
    assert_true(i >= 0);
    assert_int_equal(get(k, (size_t)i).count, 2);
    /* a hyphenated name is one word, counted once inside a long run */
    i = find(k, "Saint-Martin");
    assert_true(i >= 0);
    assert_int_equal(get(k, (size_t)i).count, 1);
    assert_int_equal(find(k, "Martin"), -1);
    kurz_keyphrases_free(k);
}

/* A name inside a longer run (after a title, before a verb) is a phrase of
 * its own, with its capitals. */
static void test_french_name(void **state)
{
    (void)state;
    const char *t = "La ministre Claire Vautrin présente lundi le budget. Selon Claire Vautrin "
                    "accompagnée du préfet, le budget restera stable.";
    kurz_keyphrases *k = extract("fr", t, strlen(t), 20, 0);
    check_shape("fr", t, strlen(t), k);
    long i = find(k, "Claire Vautrin");
    assert_true(i >= 0);
    assert_int_equal(get(k, (size_t)i).count, 2);
    assert_int_equal(get(k, (size_t)i).start, (size_t)(strstr(t, "Claire") - t));
    assert_int_equal(find(k, "Vautrin"), -1);
    kurz_keyphrases_free(k);
}

/* A name said in full and shortened is one topic: the shorter variant,
 * whose words all lie in the better full name, is left out even when its
 * words are not a stretch of it. */
static void test_name_variants(void **state)
{
    (void)state;
    const char *t = "Le navigateur Paul Antoine Berthier part de Brest. Paul Antoine Berthier "
                    "veut traverser l'océan seul. Le bateau de Paul Antoine Berthier est prêt. "
                    "Paul Berthier a déjà navigué trois fois vers les Açores. Selon Paul "
                    "Berthier, la météo sera clémente.";
    kurz_keyphrases *k = extract("fr", t, strlen(t), 20, 0);
    check_shape("fr", t, strlen(t), k);
    long full = find(k, "Paul Antoine Berthier");
    assert_true(full >= 0);
    assert_int_equal(get(k, (size_t)full).count, 3);
    assert_int_equal(find(k, "Paul Berthier"), -1);
    assert_int_equal(find(k, "Berthier"), -1);
    assert_true(find(k, "océan") >= 0);
    kurz_keyphrases_free(k);
    /* a first name said alone more often than the full name: the full
     * name stands for both */
    const char *t2 = "Marion Dufresne ouvre une boulangerie à Lille. Marion cuit le pain la "
                     "nuit. Marion vend aussi des gâteaux. Marion Dufresne embauche deux "
                     "apprentis. Marion aime son quartier.";
    k = extract("fr", t2, strlen(t2), 20, 0);
    check_shape("fr", t2, strlen(t2), k);
    assert_true(find(k, "Marion Dufresne") >= 0);
    assert_int_equal(find(k, "Marion"), -1);
    assert_true(find(k, "boulangerie") >= 0);
    kurz_keyphrases_free(k);
}

/* Number words (data/number-words/) end a phrase as digits do, and the
 * Portuguese stand-in stop list (data/keyphrase-stop/pt) breaks phrases. */
static void test_number_words(void **state)
{
    (void)state;
    const char *de = "Die Stadt baut drei Rechenzentren. Zwei Rechenzentren stehen schon am Hafen.";
    kurz_keyphrases *k = extract("de", de, strlen(de), 20, 0);
    check_shape("de", de, strlen(de), k);
    assert_true(find(k, "Rechenzentren") >= 0);
    for (size_t j = 0; j < kurz_keyphrases_count(k); j++)
        assert_null(strstr(get(k, j).text, "drei"));
    kurz_keyphrases_free(k);
    const char *fr = "La ville ouvre deux centres sportifs. Les centres sportifs accueillent "
                     "quinze clubs.";
    k = extract("fr", fr, strlen(fr), 20, 0);
    check_shape("fr", fr, strlen(fr), k);
    long i = find(k, "centres sportifs");
    assert_true(i >= 0);
    assert_int_equal(get(k, (size_t)i).count, 2);
    for (size_t j = 0; j < kurz_keyphrases_count(k); j++)
        assert_true(!strstr(get(k, j).text, "deux") && !strstr(get(k, j).text, "quinze"));
    kurz_keyphrases_free(k);
    const char *pt = "A câmara abriu porque o mercado municipal fechou. O mercado municipal "
                     "reabre depois.";
    k = extract("pt", pt, strlen(pt), 20, 0);
    check_shape("pt", pt, strlen(pt), k);
    assert_true(find(k, "mercado municipal") >= 0);
    for (size_t j = 0; j < kurz_keyphrases_count(k); j++)
        assert_true(!strstr(get(k, j).text, "porque") && !strstr(get(k, j).text, "depois"));
    kurz_keyphrases_free(k);
}

/* keyphrase-sort/: an ordinal is no key phrase alone, however often it
 * occurs, but a phrase it starts stays whole. */
static void test_ordinals(void **state)
{
    (void)state;
    const char *fr = "La coureuse Lucie Marchal a gagné la deuxième étape du Tour de Vendée. "
                     "Dans la descente, une chute a coupé le peloton en deux. Le peloton a "
                     "roulé vite pendant la deuxième partie. La deuxième chute fut la "
                     "dernière. Le dernier kilomètre monte.";
    kurz_keyphrases *k = extract("fr", fr, strlen(fr), 50, 0);
    check_shape("fr", fr, strlen(fr), k);
    assert_int_equal(find(k, "deuxième"), -1);
    assert_int_equal(find(k, "dernière"), -1);
    assert_int_equal(find(k, "dernier"), -1);
    assert_true(find(k, "deuxième partie") >= 0);
    assert_true(find(k, "peloton") >= 0);
    kurz_keyphrases_free(k);
}

/* keyphrase-pos/: a verb form ends a phrase and is never one; a word that
 * general text rarely puts after a determiner (an adjective) ranks below
 * the noun it follows as often. */
static void test_french_pos(void **state)
{
    (void)state;
    const char *t = "Le maire a expliqué le projet de tramway. Les habitants ont expliqué leurs "
                    "craintes. Le tramway fédéral roulera en mai. Un tramway fédéral coûte cher. "
                    "Le préfet a déclaré que le tramway fédéral attendra.";
    kurz_keyphrases *k = extract("fr", t, strlen(t), 30, 0);
    check_shape("fr", t, strlen(t), k);
    for (size_t j = 0; j < kurz_keyphrases_count(k); j++) {
        assert_null(strstr(get(k, j).text, "expliqué"));
        assert_null(strstr(get(k, j).text, "déclaré"));
    }
    long noun = find(k, "tramway"), adj = find(k, "fédéral");
    assert_true(noun >= 0);
    assert_true(adj < 0 || adj > noun);
    assert_true(find(k, "tramway fédéral") >= 0);
    kurz_keyphrases_free(k);
    /* "nous ...ons" is a verb form, whatever the word */
    const char *t3 = "Nous présentons les tramways. Nous présentons les tramways de Lyon.";
    k = extract("fr", t3, strlen(t3), 30, 0);
    check_shape("fr", t3, strlen(t3), k);
    for (size_t j = 0; j < kurz_keyphrases_count(k); j++)
        assert_null(strstr(get(k, j).text, "présentons"));
    assert_true(find(k, "tramways") >= 0);
    kurz_keyphrases_free(k);
    /* a word in "-aient" is a verb form (imperfect, conditional), even one
     * no list knows, and never ends a name's phrase */
    const char *t4 = "Le maire de Quimperlé a présenté le plan vélo. Les cyclistes de Quimperlé "
                     "attendaient ce plan. Les cyclistes grognaillaient depuis longtemps.";
    k = extract("fr", t4, strlen(t4), 30, 0);
    check_shape("fr", t4, strlen(t4), k);
    for (size_t j = 0; j < kurz_keyphrases_count(k); j++)
    {
        assert_null(strstr(get(k, j).text, "attendaient"));
        assert_null(strstr(get(k, j).text, "grognaillaient"));
    }
    assert_true(find(k, "Quimperlé") >= 0);
    kurz_keyphrases_free(k);
    /* a capitalised verb form inside a sentence is a name */
    const char *t2 = "Le groupe Déclaré joue ce soir. Le groupe Déclaré chante en Bretagne.";
    k = extract("fr", t2, strlen(t2), 30, 0);
    check_shape("fr", t2, strlen(t2), k);
    assert_true(find(k, "groupe Déclaré") >= 0 || find(k, "Déclaré") >= 0);
    kurz_keyphrases_free(k);
}

/* Counts end a phrase like numbers ("une vingtaine de bateaux"). */
static void test_counts(void **state)
{
    (void)state;
    const char *t = "Une vingtaine de bateaux entourent le barrage. Le barrage mesure 80 mètres. "
                    "Ses 80 mètres de béton datent de 1950. Le lac du barrage couvre 12 mètres "
                    "de fond et des milliers de poissons.";
    kurz_keyphrases *k = extract("fr", t, strlen(t), 50, 0);
    check_shape("fr", t, strlen(t), k);
    for (size_t j = 0; j < kurz_keyphrases_count(k); j++) {
        assert_null(strstr(get(k, j).text, "vingtaine"));
        assert_null(strstr(get(k, j).text, "milliers"));
    }
    assert_true(find(k, "bateaux") >= 0);
    assert_true(find(k, "poissons") >= 0);
    kurz_keyphrases_free(k);
}

/* A capitalised name particle inside a sentence joins a name; a line in
 * capitals gives words, no phrases, and no name bonus. */
static void test_particles_capitals(void **state)
{
    (void)state;
    const char *t = "La candidate Marine Le Pen visite Lille. Selon Marine Le Pen, Lille "
                    "attend. Le Pen repart.\nLA MAIRIE DE LILLE REFUSE TOUT\nLa mairie de Lille "
                    "répond.";
    kurz_keyphrases *k = extract("fr", t, strlen(t), 50, 0);
    check_shape("fr", t, strlen(t), k);
    long i = find(k, "Marine Le Pen");
    assert_true(i >= 0);
    assert_int_equal(get(k, (size_t)i).count, 2);
    assert_int_equal(find(k, "Pen"), -1);
    assert_int_equal(find(k, "Marine"), -1);
    assert_int_equal(find(k, "MAIRIE DE LILLE"), -1);
    for (size_t j = 0; j < kurz_keyphrases_count(k); j++)
        assert_null(strstr(get(k, j).text, "REFUSE"));
    kurz_keyphrases_free(k);
}

static const char lead_fr[] =
    "Les pêcheurs quittent le port avant l'aube. Chaque été, le festival de musique "
    "s'installe à La Rochelle. Les touristes aiment La Rochelle pour "
    "son vieux port. La Rochelle accueille aussi un salon nautique.\n"
    "Le Havre attend les cargos du matin. Le Havre construit un nouveau quai.\n"
    "Les bateaux remontent la Loire jusqu'à Nantes. Les sables de la Loire "
    "bougent.\nLe journal Le Monde consacre un dossier aux ports. "
    "Le gouvernement finance le quai.";

/* A capitalised article inside a sentence, before a capitalised word,
 * starts a name and belongs to it ("à La Rochelle"); at the start of a
 * sentence or a line, or written in lower case, it does not. */
static void test_lead_article(void **state)
{
    (void)state;
    const char *t = lead_fr;
    size_t len = strlen(t);
    kurz_keyphrases *k = extract("fr", t, len, 50, 0);
    check_shape("fr", t, len, k);
    /* one phrase, written as it mostly is, spanning its first occurrence
     * article included; the sentence-initial "La Rochelle" counts too */
    long i = find(k, "La Rochelle");
    assert_true(i >= 0);
    phrase p = get(k, (size_t)i);
    assert_int_equal(p.count, 3);
    assert_int_equal(p.start, (size_t)(strstr(t, "à La Rochelle") + strlen("à ") - t));
    assert_int_equal(p.end, p.start + strlen("La Rochelle"));
    assert_int_equal(find(k, "Rochelle"), -1);
    /* only at the start of sentences: the article stays out */
    assert_true(find(k, "Havre") >= 0);
    assert_int_equal(find(k, "Le Havre"), -1);
    /* in lower case: no name */
    assert_true(find(k, "Loire") >= 0);
    assert_int_equal(find(k, "la Loire"), -1);
    /* inside a sentence after a lower-case word */
    assert_true(find(k, "Le Monde") >= 0);
    assert_int_equal(find(k, "Monde"), -1);
    for (size_t j = 0; j < kurz_keyphrases_count(k); j++) {
        const char *x = get(k, j).text;
        assert_true(strncmp(x, "Le gouvernement", 15) && strncmp(x, "Les ", 4) &&
                    strncmp(x, "la ", 3));
    }
    kurz_keyphrases_free(k);

    /* Spanish and Portuguese names too; not German, where every noun is
     * capitalised */
    const char *es = "El presidente viajó a La Paz en mayo. La reunión de ministros en La Paz "
                     "terminó tarde.";
    k = extract("es", es, strlen(es), 30, 0);
    check_shape("es", es, strlen(es), k);
    i = find(k, "La Paz");
    assert_true(i >= 0);
    assert_int_equal(get(k, (size_t)i).count, 2);
    assert_int_equal(find(k, "Paz"), -1);
    kurz_keyphrases_free(k);
    const char *pt = "A reportagem saiu ontem no jornal O Globo. Os leitores do Rio compram "
                     "O Globo todos os dias.";
    k = extract("pt", pt, strlen(pt), 30, 0);
    check_shape("pt", pt, strlen(pt), k);
    assert_true(find(k, "O Globo") >= 0);
    assert_int_equal(find(k, "Globo"), -1);
    kurz_keyphrases_free(k);
    const char *de = "Er liest jeden Morgen Die Zeit im Zug. Später kauft er Die Zeit am "
                     "Kiosk.";
    k = extract("de", de, strlen(de), 30, 0);
    check_shape("de", de, strlen(de), k);
    for (size_t j = 0; j < kurz_keyphrases_count(k); j++)
        assert_true(strncmp(get(k, j).text, "Die ", 4));
    kurz_keyphrases_free(k);
}

/* A hyphen makes one word of a stop word between two words and of a
 * number after a word. */
static void test_hyphen_glue(void **state)
{
    (void)state;
    const char *t = "Un accident grave en Saône-et-Loire. Le Covid-19 progresse en "
                    "Saône-et-Loire. Les hôpitaux de Saône-et-Loire soignent le Covid-19.";
    kurz_keyphrases *k = extract("fr", t, strlen(t), 30, 0);
    check_shape("fr", t, strlen(t), k);
    long i = find(k, "Saône-et-Loire");
    assert_true(i >= 0);
    assert_int_equal(get(k, (size_t)i).count, 3);
    assert_true(find(k, "Covid-19") >= 0);
    assert_int_equal(find(k, "Loire"), -1);
    assert_int_equal(find(k, "Saône"), -1);
    kurz_keyphrases_free(k);
}

/* A name seen once stands for its words ("New" alone is no topic). */
static void test_name_once(void **state)
{
    (void)state;
    const char *t = "Selon le journal Gazette Nouvelle Mondiale, le port ferme. Le port reste "
                    "fermé jusqu'en juin. Les dockers du port protestent.";
    kurz_keyphrases *k = extract("fr", t, strlen(t), 30, 0);
    check_shape("fr", t, strlen(t), k);
    assert_true(find(k, "Gazette Nouvelle Mondiale") >= 0);
    assert_int_equal(find(k, "Gazette"), -1);
    assert_int_equal(find(k, "Mondiale"), -1);
    assert_true(find(k, "port") >= 0);
    kurz_keyphrases_free(k);
    /* two names joined by "de" are no name: the second stands alone */
    const char *t3 = "La mort à Lyonville de Jean Dorsay choque. Jean Dorsay était boulanger. "
                     "Les amis de Jean Dorsay manifestent à Lyonville de Jean Dorsay en mémoire.";
    k = extract("fr", t3, strlen(t3), 30, 0);
    check_shape("fr", t3, strlen(t3), k);
    long whole = find(k, "Lyonville de Jean Dorsay"), name = find(k, "Jean Dorsay");
    assert_true(name >= 0);
    assert_true(whole < 0 || whole > name);
    kurz_keyphrases_free(k);
    /* said once in full, then by the surname: the full name stands */
    const char *t2 = "Le juge Paul Marchetti ouvre une enquête. Marchetti entend les témoins. "
                     "Selon Marchetti, l'enquête durera un an.";
    k = extract("fr", t2, strlen(t2), 30, 0);
    check_shape("fr", t2, strlen(t2), k);
    assert_true(find(k, "Paul Marchetti") >= 0);
    assert_int_equal(find(k, "Marchetti"), -1);
    kurz_keyphrases_free(k);
}

/* The boilerplate filter: navigation, bylines, datelines, share buttons
 * give no phrase; the title over the text does, whole; another heading
 * only with the words the text uses; days and months end phrases. */
static const char noisy_fr[] =
    "Accueil | Région | Économie\n"
    "Se connecter   S'abonner\n"
    "Une brasserie artisanale sauve le moulin de Valmorin\n"
    "Par Jeanne Roussel\n"
    "Publié le 3 mars 2024 à 10h15\n"
    "Partager sur Facebook\n"
    "La brasserie artisanale de Valmorin a racheté lundi le vieux moulin du village. "
    "Les brasseurs veulent y installer une salle de dégustation. La brasserie emploie "
    "déjà douze salariés et vend sa bière dans toute la région.\n"
    "Des visiteurs devant le moulin en chantier\n"
    "Photo : Jeanne Roussel\n"
    "Le chantier du moulin commencera en octobre. La commune soutient la brasserie.\n";

static void test_boilerplate(void **state)
{
    (void)state;
    size_t len = strlen(noisy_fr);
    kurz_keyphrases *k = extract("fr", noisy_fr, len, 50, 0);
    check_shape("fr", noisy_fr, len, k);
    static const char *never[] = {"Accueil", "Région", "Économie", "connecter", "Jeanne",
                                  "Roussel", "Facebook", "Publié", "visiteurs", "lundi", "mars",
                                  "octobre"};
    for (size_t j = 0; j < kurz_keyphrases_count(k); j++)
        for (size_t q = 0; q < sizeof never / sizeof *never; q++)
            assert_null(strstr(get(k, j).text, never[q]));
    assert_true(find(k, "brasserie artisanale") >= 0);
    assert_true(find(k, "moulin") >= 0);
    /* "sauve" and "Valmorin" of the title: the title counts whole */
    assert_true(find(k, "Valmorin") >= 0);
    kurz_keyphrases_free(k);

    /* without the summarizer's boilerplate filter, key phrases read the
     * byline and the share button too */
    kurz_summarizer *s = NULL;
    assert_int_equal(kurz_summarizer_new(&s, "fr"), KURZ_OK);
    assert_int_equal(kurz_summarizer_set_option(s, KURZ_OPT_KEYPHRASES, 50), KURZ_OK);
    assert_int_equal(kurz_summarizer_set_option(s, KURZ_OPT_BOILERPLATE, 0), KURZ_OK);
    k = NULL;
    assert_int_equal(kurz_keyphrases_extract(&k, s, noisy_fr, len), KURZ_OK);
    kurz_summarizer_free(s);
    check_shape("fr", noisy_fr, len, k);
    assert_true(find(k, "Jeanne Roussel") >= 0);
    assert_true(find(k, "Facebook") >= 0);
    assert_true(find(k, "brasserie artisanale") >= 0);
    kurz_keyphrases_free(k);
}

static void test_sentence_end(void **state)
{
    (void)state;
    /* Two capitalised nouns meet across a full stop and across a line end;
     * the same pair inside one sentence is one phrase. */
    const char *t = "Der Bahnhof liegt in Oberfeld. Bahnhof Oberfeld heisst die Station.\n"
                    "Oberfeld\nBahnhof und Oberfeld Bahnhof";
    kurz_keyphrases *k = extract("de", t, strlen(t), 50, 0);
    check_shape("de", t, strlen(t), k);
    long i = find(k, "Bahnhof Oberfeld");
    assert_true(i >= 0);
    assert_int_equal(get(k, (size_t)i).count, 1);
    /* "Oberfeld. Bahnhof" and "Oberfeld\nBahnhof" are never joined: the
     * only "Oberfeld Bahnhof" is the one on the last line */
    i = find(k, "Oberfeld Bahnhof");
    assert_true(i >= 0);
    assert_int_equal(get(k, (size_t)i).count, 1);
    assert_int_equal(get(k, (size_t)i).start, (size_t)(strstr(t, "Oberfeld Bahnhof") - t));
    kurz_keyphrases_free(k);
}

static void test_whitespace_collapsed(void **state)
{
    (void)state;
    const char *t = "Heute sprach Elon  Musk lange. Danach schwieg Elon Musk.";
    kurz_keyphrases *k = extract("de", t, strlen(t), 10, 0);
    long i = find(k, "Elon Musk");
    assert_true(i >= 0);
    assert_int_equal(get(k, (size_t)i).count, 2);
    assert_int_equal(get(k, (size_t)i).end - get(k, (size_t)i).start, strlen("Elon  Musk"));
    kurz_keyphrases_free(k);
}

static void test_options(void **state)
{
    (void)state;
    int mn, mx;
    assert_int_equal(kurz_option_bounds(KURZ_OPT_KEYPHRASES, &mn, &mx), KURZ_OK);
    assert_int_equal(mn, 0);
    assert_int_equal(mx, 1000);
    assert_int_equal(kurz_option_bounds(KURZ_OPT_KEYPHRASE_MAX_WORDS, &mn, &mx), KURZ_OK);
    assert_int_equal(mn, 1);
    assert_int_equal(mx, 16);
    kurz_summarizer *s = NULL;
    assert_int_equal(kurz_summarizer_new(&s, "de"), KURZ_OK);
    int v;
    assert_int_equal(kurz_summarizer_get_option(s, KURZ_OPT_KEYPHRASES, &v), KURZ_OK);
    assert_int_equal(v, 10);
    assert_int_equal(kurz_summarizer_get_option(s, KURZ_OPT_KEYPHRASE_MAX_WORDS, &v), KURZ_OK);
    assert_int_equal(v, 4);
    assert_int_equal(kurz_summarizer_set_option(s, KURZ_OPT_KEYPHRASES, -1), KURZ_ERR_OUT_OF_RANGE);
    assert_int_equal(kurz_summarizer_set_option(s, KURZ_OPT_KEYPHRASES, 1001), KURZ_ERR_OUT_OF_RANGE);
    assert_int_equal(kurz_summarizer_set_option(s, KURZ_OPT_KEYPHRASE_MAX_WORDS, 0),
                     KURZ_ERR_OUT_OF_RANGE);
    assert_int_equal(kurz_summarizer_set_option(s, KURZ_OPT_KEYPHRASE_MAX_WORDS, 17),
                     KURZ_ERR_OUT_OF_RANGE);
    assert_int_equal(kurz_summarizer_get_option(s, KURZ_OPT_KEYPHRASES, &v), KURZ_OK);
    assert_int_equal(v, 10);
    /* the key phrase options leave the summary's budget alone */
    assert_int_equal(kurz_summarizer_set_option(s, KURZ_OPT_SENTENCES, 2), KURZ_OK);
    assert_int_equal(kurz_summarizer_set_option(s, KURZ_OPT_KEYPHRASES, 3), KURZ_OK);
    assert_int_equal(kurz_summarizer_get_option(s, KURZ_OPT_SENTENCES, &v), KURZ_OK);
    assert_int_equal(v, 2);
    kurz_summarizer_free(s);

    size_t len = strlen(de_text);
    kurz_keyphrases *all = extract("de", de_text, len, 1000, 16);
    size_t n = kurz_keyphrases_count(all);
    assert_true(n > 10);
    /* a budget takes the best ones, in the same order */
    kurz_keyphrases *k = extract("de", de_text, len, 5, 16);
    assert_int_equal(kurz_keyphrases_count(k), 5);
    for (size_t i = 0; i < 5; i++)
        assert_string_equal(get(k, i).text, get(all, i).text);
    kurz_keyphrases_free(k);
    k = extract("de", de_text, len, 0, 0);
    assert_int_equal(kurz_keyphrases_count(k), 0);
    kurz_keyphrases_free(k);
    /* one word at most: no space in any phrase, hyphens allowed */
    k = extract("fr", fr_text, strlen(fr_text), 1000, 1);
    assert_true(kurz_keyphrases_count(k) > 5);
    for (size_t i = 0; i < kurz_keyphrases_count(k); i++)
        assert_null(strchr(get(k, i).text, ' '));
    assert_true(find(k, "Saint-Martin") >= 0);
    kurz_keyphrases_free(k);
    /* two words at most: the phrase of three ("centres de données") goes,
     * "Elon Musk" stays */
    k = extract("fr", fr_text, strlen(fr_text), 1000, 2);
    assert_int_equal(find(k, "centres de données"), -1);
    kurz_keyphrases_free(k);
    k = extract("de", de_text, len, 1000, 2);
    assert_true(find(k, "Elon Musk") >= 0);
    kurz_keyphrases_free(k);
    kurz_keyphrases_free(all);
}

static void test_errors(void **state)
{
    (void)state;
    kurz_summarizer *s = NULL;
    assert_int_equal(kurz_summarizer_new(&s, "fr"), KURZ_OK);
    kurz_keyphrases *k = (kurz_keyphrases *)(uintptr_t)1;
    assert_int_equal(kurz_keyphrases_extract(NULL, s, "x", 1), KURZ_ERR_INVALID_ARG);
    assert_int_equal(kurz_keyphrases_extract(&k, NULL, "x", 1), KURZ_ERR_INVALID_ARG);
    assert_null(k);
    k = (kurz_keyphrases *)(uintptr_t)1;
    assert_int_equal(kurz_keyphrases_extract(&k, s, NULL, 3), KURZ_ERR_INVALID_ARG);
    assert_null(k);
    /* empty, NULL with 0, white space only, punctuation only: no phrases */
    const char *empties[] = {"", " \n\t\r\n  ", "... !!! ?? --", "\xC2\xA0\xE2\x80\x89"};
    for (size_t i = 0; i < 4; i++) {
        assert_int_equal(kurz_keyphrases_extract(&k, s, empties[i], strlen(empties[i])), KURZ_OK);
        assert_int_equal(kurz_keyphrases_count(k), 0);
        kurz_keyphrases_free(k);
    }
    assert_int_equal(kurz_keyphrases_extract(&k, s, NULL, 0), KURZ_OK);
    assert_int_equal(kurz_keyphrases_count(k), 0);
    /* accessors */
    assert_int_equal(kurz_keyphrases_get(k, 0, NULL, NULL, NULL, NULL, NULL, NULL),
                     KURZ_ERR_OUT_OF_RANGE);
    assert_int_equal(kurz_keyphrases_get(NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL),
                     KURZ_ERR_INVALID_ARG);
    assert_int_equal(kurz_keyphrases_count(NULL), 0);
    kurz_keyphrases_free(k);
    kurz_keyphrases_free(NULL);
    /* only stop words and numbers */
    const char *t = "le la les de 2024 et 17 ou";
    assert_int_equal(kurz_keyphrases_extract(&k, s, t, strlen(t)), KURZ_OK);
    assert_int_equal(kurz_keyphrases_count(k), 0);
    kurz_keyphrases_free(k);
    /* invalid UTF-8: refused with the offset, then the handle still works */
    const char bad[] = "Le centre de donn\xC3" "es";
    k = (kurz_keyphrases *)(uintptr_t)1;
    assert_int_equal(kurz_keyphrases_extract(&k, s, bad, sizeof bad - 1), KURZ_ERR_INVALID_UTF8);
    assert_null(k);
    assert_int_equal(kurz_summarizer_error_offset(s), 17);
    /* too large: refused before reading */
    assert_int_equal(kurz_summarizer_set_option(s, KURZ_OPT_MAX_INPUT_BYTES, 4), KURZ_OK);
    assert_int_equal(kurz_keyphrases_extract(&k, s, fr_text, SIZE_MAX), KURZ_ERR_TOO_LARGE);
    assert_null(k);
    assert_int_equal(kurz_summarizer_set_option(s, KURZ_OPT_MAX_INPUT_BYTES, INT_MAX), KURZ_OK);
    assert_int_equal(kurz_keyphrases_extract(&k, s, fr_text, strlen(fr_text)), KURZ_OK);
    assert_true(kurz_keyphrases_count(k) > 0);
    kurz_keyphrases_free(k);
    kurz_summarizer_free(s);
}

/* ---- a failing, counting allocator ---------------------------------------- */
typedef struct fail_alloc {
    long calls, fail_at, live;
} fail_alloc;

typedef union hdr {
    size_t n;
    max_align_t a;
} hdr;

static void *fa_malloc(void *u, size_t n)
{
    fail_alloc *a = u;
    if (++a->calls == a->fail_at)
        return NULL;
    hdr *h = malloc(sizeof *h + n);
    if (!h)
        return NULL;
    a->live++;
    return h + 1;
}

static void *fa_realloc(void *u, void *p, size_t n)
{
    fail_alloc *a = u;
    if (!p)
        return fa_malloc(u, n);
    if (++a->calls == a->fail_at)
        return NULL;
    hdr *h = realloc((hdr *)p - 1, sizeof *h + n);
    return h ? h + 1 : NULL;
}

static void fa_free(void *u, void *p)
{
    fail_alloc *a = u;
    if (!p)
        return;
    a->live--;
    free((hdr *)p - 1);
}

static void same_result(const kurz_keyphrases *a, const kurz_keyphrases *b)
{
    assert_int_equal(kurz_keyphrases_count(a), kurz_keyphrases_count(b));
    for (size_t i = 0; i < kurz_keyphrases_count(a); i++) {
        phrase x = get(a, i), y = get(b, i);
        assert_string_equal(x.text, y.text);
        assert_int_equal(x.count, y.count);
        assert_int_equal(x.start, y.start);
        assert_int_equal(x.end, y.end);
        assert_memory_equal(&x.score, &y.score, sizeof x.score);
    }
}

static void fail_every(const char *lang, const char *text, int with_realloc)
{
    kurz_keyphrases *ref = extract(lang, text, strlen(text), 1000, 0);
    long n_fail = 0;
    for (long at = 1;; at++) {
        fail_alloc fa = {0, at, 0};
        kurz_summarizer *s = NULL;
        assert_int_equal(kurz_summarizer_new(&s, lang), KURZ_OK);
        assert_int_equal(kurz_summarizer_set_option(s, KURZ_OPT_KEYPHRASES, 1000), KURZ_OK);
        assert_int_equal(kurz_summarizer_set_allocator(s, fa_malloc,
                                                       with_realloc ? fa_realloc : NULL, fa_free,
                                                       &fa),
                         KURZ_OK);
        kurz_keyphrases *k = (kurz_keyphrases *)(uintptr_t)1;
        int rc = kurz_keyphrases_extract(&k, s, text, strlen(text));
        if (rc == KURZ_OK) {
            same_result(ref, k);
            kurz_keyphrases_free(k);
            kurz_summarizer_free(s);
            assert_int_equal(fa.live, 0);
            assert_true(fa.calls < at); /* nothing left to fail */
            break;
        }
        assert_int_equal(rc, KURZ_ERR_NOMEM);
        assert_null(k);
        assert_int_equal(fa.live, 0); /* nothing held after a failure */
        n_fail++;
        /* the same handle recovers */
        fa.fail_at = 0;
        assert_int_equal(kurz_keyphrases_extract(&k, s, text, strlen(text)), KURZ_OK);
        same_result(ref, k);
        kurz_keyphrases_free(k);
        kurz_summarizer_free(s);
        assert_int_equal(fa.live, 0);
    }
    assert_true(n_fail > 20); /* the extraction allocates; every one was failed */
    kurz_keyphrases_free(ref);
}

static void test_alloc_failure(void **state)
{
    (void)state;
    fail_every("de", de_text, 1);
    fail_every("fr", fr_text, 0);
    fail_every("fr", noisy_fr, 1);
    fail_every("fr", lead_fr, 0);
}

static void test_deterministic(void **state)
{
    (void)state;
    kurz_summarizer *s = NULL;
    assert_int_equal(kurz_summarizer_new(&s, "de"), KURZ_OK);
    kurz_keyphrases *a = NULL, *b = NULL;
    assert_int_equal(kurz_keyphrases_extract(&a, s, de_text, strlen(de_text)), KURZ_OK);
    assert_int_equal(kurz_keyphrases_extract(&b, s, de_text, strlen(de_text)), KURZ_OK);
    same_result(a, b);
    kurz_keyphrases_free(b);
    /* a fresh handle: the same */
    b = extract("de", de_text, strlen(de_text), -1, 0);
    same_result(a, b);
    /* the result outlives the handle and the text */
    kurz_summarizer_free(s);
    char *copy = strdup(de_text);
    kurz_keyphrases *c = extract("de", copy, strlen(copy), -1, 0);
    memset(copy, 'x', strlen(copy));
    free(copy);
    same_result(a, c);
    kurz_keyphrases_free(a);
    kurz_keyphrases_free(b);
    kurz_keyphrases_free(c);
}

/* Portuguese has no stop list of its own; the fallback keeps function
 * words out of phrases. */
static void test_portuguese(void **state)
{
    (void)state;
    const char *t = "O governo apresentou o plano nacional da água. O plano nacional da água "
                    "prevê novas barragens no norte do país.";
    kurz_keyphrases *k = extract("pt", t, strlen(t), 20, 0);
    check_shape("pt", t, strlen(t), k);
    long i = find(k, "plano nacional da água");
    assert_true(i >= 0);
    assert_int_equal(get(k, (size_t)i).count, 2);
    for (size_t j = 0; j < kurz_keyphrases_count(k); j++)
        assert_true(strncmp(get(k, j).text, "O ", 2) && strncmp(get(k, j).text, "no ", 3));
    kurz_keyphrases_free(k);
}

/* ---- linear work ------------------------------------------------------- */
/* A German text of n sentences over a growing vocabulary. */
static char *gen_text(size_t n, size_t *len)
{
    static const char *nouns[] = {"Hafen", "Bahnhof", "Rathaus", "Strom", "Windkraft",
                                  "Schule", "Markt", "Brücke"};
    size_t cap = n * 80 + 1, l = 0;
    char *t = malloc(cap);
    assert_non_null(t);
    for (size_t i = 0; i < n; i++)
        l += (size_t)snprintf(t + l, cap - l, "Die %s Nummer%zu liegt am neuen %s%zu. ",
                              nouns[i % 8], i % 997, nouns[(i * 7 + 3) % 8], i % 89);
    *len = l;
    return t;
}

static void test_linear(void **state)
{
    (void)state;
    kurz__mem m;
    kurz__mem_default(&m);
    kurz__stemmer *st = kurz__stemmer_new("german");
    assert_non_null(st);
    kurz__kp_opts o = {10, 4, 1};
    double per_word[3];
    size_t sizes[3] = {200, 400, 800};
    for (int r = 0; r < 3; r++) {
        size_t len;
        char *t = gen_text(sizes[r], &len);
        assert_true(len < KURZ__KP_WINDOW);
        kurz__kp_stats stats = {0};
        struct kurz_keyphrases *k = NULL;
        assert_int_equal(kurz__keyphrases(&m, KURZ__LANG_DE, "de", st, t, len, &o, &k, &stats),
                         0);
        assert_int_equal(stats.words, sizes[r] * 7);
        assert_true(stats.edges <= 2 * stats.words);
        assert_true(stats.candidates <= 3 * stats.words);
        per_word[r] = (double)stats.probes / (double)stats.words;
        kurz_keyphrases_free(k);
        free(t);
    }
    /* table probes per word stay flat as the text doubles */
    assert_true(per_word[2] < 2.0 * per_word[0] + 1.0);
    assert_true(per_word[1] < 2.0 * per_word[0] + 1.0);

    /* a text far longer than the window: only the window is read */
    size_t len;
    char *t = gen_text(40000, &len);
    assert_true(len > 4 * KURZ__KP_WINDOW);
    kurz__kp_stats stats = {0};
    struct kurz_keyphrases *k = NULL;
    assert_int_equal(kurz__keyphrases(&m, KURZ__LANG_DE, "de", st, t, len, &o, &k, &stats), 0);
    assert_true(stats.words < KURZ__KP_WINDOW / 4);
    assert_int_equal(k->n, 10);
    for (size_t i = 0; i < k->n; i++)
        assert_true(k->v[i].end <= KURZ__KP_WINDOW);
    kurz_keyphrases_free(k);
    free(t);
    kurz__stemmer_free(st);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_german),
        cmocka_unit_test(test_german_words),
        cmocka_unit_test(test_french),
        cmocka_unit_test(test_french_name),
        cmocka_unit_test(test_name_variants),
        cmocka_unit_test(test_number_words),
        cmocka_unit_test(test_french_pos),
        cmocka_unit_test(test_ordinals),
        cmocka_unit_test(test_hyphen_glue),
        cmocka_unit_test(test_particles_capitals),
        cmocka_unit_test(test_lead_article),
        cmocka_unit_test(test_counts),
        cmocka_unit_test(test_name_once),
        cmocka_unit_test(test_boilerplate),
        cmocka_unit_test(test_sentence_end),
        cmocka_unit_test(test_whitespace_collapsed),
        cmocka_unit_test(test_portuguese),
        cmocka_unit_test(test_options),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_alloc_failure),
        cmocka_unit_test(test_deterministic),
        cmocka_unit_test(test_linear),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
