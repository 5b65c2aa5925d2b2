/* SPDX-License-Identifier: MIT */
/* Unit tests of the sentence splitter (lib/segment.c). All sentences here
 * were written for these tests. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kurz-private.h"

#define DE KURZ__LANG_DE
#define FR KURZ__LANG_FR
#define EN KURZ__LANG_EN
#define OTHER KURZ__LANG_OTHER

/* ---- helpers --------------------------------------------------------------- */

static int is_space_cp(int32_t cp)
{
    return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F) || cp == 0x85 ||
           cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
           cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

/* Splits text[0..len) and checks the contract: spans non-empty, in order,
 * not overlapping, trimmed, on code point boundaries, and every byte outside
 * them white space (or the leading BOM). The caller frees sv->v. */
static void split_len(kurz__lang lang, const char *text, size_t len, kurz__sentvec *sv)
{
    kurz__mem m;
    kurz__mem_default(&m);
    memset(sv, 0, sizeof *sv);
    assert_int_equal(kurz__segment(&m, lang, text, len, sv), 0);
    const uint8_t *t = (const uint8_t *)text;
    size_t pos = 0;
    if (len >= 3 && t[0] == 0xEF && t[1] == 0xBB && t[2] == 0xBF)
        pos = 3;
    uint32_t para = 0;
    for (size_t k = 0; k < sv->n; k++) {
        const kurz__sent *s = &sv->v[k];
        assert_true(s->start < s->end);
        assert_true(s->end <= len);
        assert_true(s->start >= pos);
        /* the gap before the span is white space only */
        while (pos < s->start) {
            int32_t cp;
            size_t n = kurz__utf8_decode(t + pos, len - pos, &cp);
            assert_true(is_space_cp(cp));
            pos += n;
        }
        assert_int_equal(pos, s->start);
        /* trimmed, code point boundaries */
        int32_t first;
        kurz__utf8_decode(t + s->start, len - s->start, &first);
        assert_false(is_space_cp(first));
        assert_true((t[s->start] & 0xC0) != 0x80);
        assert_true(s->end == len || (t[s->end] & 0xC0) != 0x80);
        size_t b = s->end - 1;
        while (b > s->start && (t[b] & 0xC0) == 0x80)
            b--;
        int32_t last;
        kurz__utf8_decode(t + b, s->end - b, &last);
        assert_false(is_space_cp(last));
        /* paragraphs count up from 0 and start with PARA_START */
        if (k == 0) {
            assert_int_equal(s->para, 0);
            assert_true(s->flags & KURZ__S_PARA_START);
        } else {
            assert_true(s->para == para || s->para == para + 1);
            assert_int_equal(s->para != para, (s->flags & KURZ__S_PARA_START) != 0);
        }
        para = s->para;
        pos = s->end;
    }
    while (pos < len) {
        int32_t cp;
        size_t n = kurz__utf8_decode(t + pos, len - pos, &cp);
        assert_true(is_space_cp(cp));
        pos += n;
    }
}

static void split(kurz__lang lang, const char *text, kurz__sentvec *sv)
{
    split_len(lang, text, strlen(text), sv);
}

/* Checks that text splits into exactly the expected units (NULL-ended). */
static void expect(kurz__lang lang, const char *text, const char *const *want)
{
    kurz__sentvec sv;
    split(lang, text, &sv);
    size_t n = 0;
    while (want[n])
        n++;
    for (size_t k = 0; k < sv.n && k < n; k++) {
        const kurz__sent *s = &sv.v[k];
        size_t wl = strlen(want[k]);
        if (s->end - s->start != wl || memcmp(text + s->start, want[k], wl) != 0)
            fail_msg("unit %zu of \"%s\":\n  got  \"%.*s\"\n  want \"%s\"", k, text,
                     (int)(s->end - s->start), text + s->start, want[k]);
    }
    if (sv.n != n) {
        for (size_t k = 0; k < sv.n; k++)
            print_message("  unit %zu: \"%.*s\"\n", k, (int)(sv.v[k].end - sv.v[k].start),
                          text + sv.v[k].start);
        fail_msg("\"%s\": %zu units, want %zu", text, sv.n, n);
    }
    free(sv.v);
}

#define EXPECT(lang, text, ...)                                \
    do {                                                       \
        static const char *const want_[] = {__VA_ARGS__, NULL}; \
        expect((lang), (text), want_);                         \
    } while (0)

/* Each text must stay one unit. */
static void expect_one(kurz__lang lang, const char *const *texts)
{
    for (size_t i = 0; texts[i]; i++) {
        const char *const want[] = {texts[i], NULL};
        expect(lang, texts[i], want);
    }
}

/* ---- German ---------------------------------------------------------------- */

static void test_de_basic(void **state)
{
    (void)state;
    EXPECT(DE, "Das Haus ist alt. Der Garten ist groß! Wer wohnt dort? Niemand.",
           "Das Haus ist alt.", "Der Garten ist groß!", "Wer wohnt dort?", "Niemand.");
    EXPECT(DE, "Wirklich?! Ja... Das hätte ich nicht gedacht.", "Wirklich?!", "Ja...",
           "Das hätte ich nicht gedacht.");
    /* a colon ends nothing */
    EXPECT(DE, "Sie sagte nur: Das Wetter wird schön. Wir gingen los.",
           "Sie sagte nur: Das Wetter wird schön.", "Wir gingen los.");
}

static void test_de_abbreviations(void **state)
{
    (void)state;
    static const char *const one[] = {
        "Wir kaufen z. B. Brot und Käse.",
        "Wir kaufen z.B. Brot und Käse.",
        "Das gilt d. h. Montag und Dienstag.",
        "Er hat u. a. Bücher verkauft.",
        "Das kann u. U. Ärger geben.",
        "Sie kommt heute bzw. Morgen früh.",
        "Es kamen ca. Hundert Leute.",
        "Gestern traf ich Dr. Berger im Park.",
        "Heute spricht Prof. Dr. Lange im Saal.",
        "Er wohnt in Haus Nr. 7 am Markt.",
        "Das kostet 3 Mio. Euro im Jahr.",
        "Der Bau kostet 2 Mrd. Franken.",
        "Im 18. Jh. entstand die Kirche.",
        "Wir fahren nach St. Gallen in die Schweiz.",
        "Sie wohnt in der Lindenstr. 12 im Erdgeschoss.",
        "Dazu vgl. Kapitel drei.",
        "Äpfel, Birnen usw. sind gesund.",
        "Er bringt Stifte, Hefte etc. mit.",
        "Der Preis inkl. Steuer ist hoch.",
        "Wir kommen evtl. Später dazu.",
        "Bitte ggf. Rücksprache halten.",
        "Das sog. Sommerloch beginnt.",
        "Maria Schulz geb. Bauer lebt hier.",
        "Siehe Abs. 2 und Art. 5 des Gesetzes.",
        "Das steht in Bd. 3 der Reihe.",
        "Die Ausgabe erschien am 3. Jan. 2020 in Wien.",
        "Sie kam im Sept. 2020 nach Hause.",
        "Das gilt v. a. Für Kinder.",
        "Wir brauchen Schrauben, Nägel o. ä. Dinge.",
        "Wie s. o. Beschrieben, geht es weiter.",
        "Die Frist beträgt i. d. R. Zwei Wochen.",
        "Vgl. Dazu den Anhang.",
        "Das Buch (Hrsg. Meier) ist neu.",
        "Er besucht eine kath. Schule.",
        NULL,
    };
    expect_one(DE, one);
    /* abbreviations that may end a sentence do so before a capital */
    EXPECT(DE, "Wir kaufen Brot, Käse usw. Dann gehen wir heim.",
           "Wir kaufen Brot, Käse usw.", "Dann gehen wir heim.");
    EXPECT(DE, "Er sammelt Briefmarken, Münzen etc. Seine Frau sammelt nichts.",
           "Er sammelt Briefmarken, Münzen etc.", "Seine Frau sammelt nichts.");
    /* an unknown short word without vowels is taken as an abbreviation */
    EXPECT(DE, "Das dauert bspw. Drei Tage. Dann ist es fertig.",
           "Das dauert bspw. Drei Tage.", "Dann ist es fertig.");
}

static void test_de_ordinals_dates(void **state)
{
    (void)state;
    static const char *const one[] = {
        "Wir treffen uns am 10. Dezember in Bonn.",
        "Der Umsatz stieg im 3. Quartal deutlich.",
        "Der 2. Weltkrieg endete 1945.",
        "Die Mannschaft spielt heute (4.) gegen den Ersten.",
        "Am 3. 10. 1990 feierten viele Menschen.",
        "Das war im 19. Jahrhundert üblich.",
        "Sie feiert ihren 80. Geburtstag im Garten.",
        "Die Ausgrabungen stammen aus dem 1. -3. Jahrhundert.",
        "Der Verein steigt in die 2. Bundesliga auf.",
        "Er wohnt im 5. Stock ganz oben.",
        "Das Fest findet zum 25. Mal statt.",
        "Das war am 12. Sonntag nach Ostern.",
        NULL,
    };
    expect_one(DE, one);
    EXPECT(DE, "Er wurde 1990 geboren. Danach zog er nach Köln.", "Er wurde 1990 geboren.",
           "Danach zog er nach Köln.");
    EXPECT(DE, "Die Information steht auf Seite 12. Dort kannst du nachlesen.",
           "Die Information steht auf Seite 12.", "Dort kannst du nachlesen.");
    EXPECT(DE, "Der Pegel stieg auf 12. Die Feuerwehr kam sofort.", "Der Pegel stieg auf 12.",
           "Die Feuerwehr kam sofort.");
    /* list numbering at the start of a unit */
    EXPECT(DE, "1. Packen Sie den Koffer.", "1. Packen Sie den Koffer.");
    EXPECT(DE, "• 2. Schließen Sie die Tür! \n• 3. Gehen Sie los!",
           "• 2. Schließen Sie die Tür!", "• 3. Gehen Sie los!");
    /* Roman numerals of rulers go on */
    EXPECT(DE, "König Carl XVI. Gustaf besuchte die Stadt. Er blieb lange.",
           "König Carl XVI. Gustaf besuchte die Stadt.", "Er blieb lange.");
}

static void test_de_numbers(void **state)
{
    (void)state;
    static const char *const one[] = {
        "Das Haus kostet 2.800 Euro im Monat.",
        "Der Zins liegt bei 1,25 Prozent.",
        "Version 3.5 ist schneller.",
        "Der Index schloss bei 26.469,89 Punkten.",
        "Der Zug fährt um 10.30 Uhr ab.",
        "Wir haben 1.000.000 Euro.",
        NULL,
    };
    expect_one(DE, one);
    EXPECT(DE, "Der Preis lag bei 5,5. Danach fiel er.", "Der Preis lag bei 5,5.",
           "Danach fiel er.");
}

static void test_de_initials_urls(void **state)
{
    (void)state;
    static const char *const one[] = {
        "Das Buch von J. R. R. Tolkien ist dick.",
        "Der Brief ging an T.J. Hansen in Kiel.",
        "Mehr steht auf www.beispiel.de im Netz.",
        "Die Seite https://beispiel.org/pfad/datei.html lädt langsam.",
        "Schreiben Sie an post.stelle@beispiel.de bis Freitag.",
        "Der Händler Amazon.com meldet Gewinne.",
        "Die Datei bericht.final.pdf fehlt.",
        NULL,
    };
    expect_one(DE, one);
    EXPECT(DE, "Infos gibt es unter www.beispiel.de. Dort steht alles.",
           "Infos gibt es unter www.beispiel.de.", "Dort steht alles.");
    EXPECT(DE, "Schreib an info@beispiel.de. Wir antworten schnell.",
           "Schreib an info@beispiel.de.", "Wir antworten schnell.");
}

static void test_de_ellipsis_quotes(void **state)
{
    (void)state;
    EXPECT(DE, "Er zögerte … dann ging er.", "Er zögerte … dann ging er.");
    EXPECT(DE, "Er wartete... Dann kam sie endlich.", "Er wartete...", "Dann kam sie endlich.");
    EXPECT(DE, "Er sagte, [...] es sei gut. Wir glaubten ihm.", "Er sagte, [...] es sei gut.",
           "Wir glaubten ihm.");
    EXPECT(DE, "„Komm sofort her!“, rief sie. „Jetzt gleich.“ Er kam.",
           "„Komm sofort her!“, rief sie.", "„Jetzt gleich.“", "Er kam.");
    EXPECT(DE, "Sie lachte. »Das glaube ich nicht.« Dann ging sie.", "Sie lachte.",
           "»Das glaube ich nicht.«", "Dann ging sie.");
    EXPECT(DE, "Er fragte: „Kommst du mit?“ Sie nickte.", "Er fragte: „Kommst du mit?“",
           "Sie nickte.");
    EXPECT(DE, "Ich blieb zu Hause (es regnete stark). Morgen gehe ich.",
           "Ich blieb zu Hause (es regnete stark).", "Morgen gehe ich.");
    EXPECT(DE, "Das war knapp (sehr knapp!). Aber gut.", "Das war knapp (sehr knapp!).",
           "Aber gut.");
}

/* ---- French ------------------------------------------------------------------ */

static void test_fr_basic(void **state)
{
    (void)state;
    EXPECT(FR, "Le chat dort. Le chien aboie ! Qui est là ? Personne.", "Le chat dort.",
           "Le chien aboie !", "Qui est là ?", "Personne.");
    EXPECT(FR, "Il a dit : voilà le problème. Nous partons.",
           "Il a dit : voilà le problème.", "Nous partons.");
}

static void test_fr_abbreviations(void **state)
{
    (void)state;
    static const char *const one[] = {
        "M. Dupont est arrivé hier.",
        "MM. Durand et Petit sont absents.",
        "Mme Martin et Mlle Roux parlent.",
        "Mme. Martin est là.",
        "Le Dr Lefèvre consulte le lundi.",
        "Prenez p. ex. Le cas de Lyon.",
        "Les fruits, c.-à-d. Les pommes, sont mûrs.",
        "Il apporte du pain, du vin, etc. et nous mangeons.",
        "Rome fut fondée en 753 av. J.-C. selon la légende.",
        "Cela coûte env. Dix euros.",
        "Voir cf. Le chapitre suivant.",
        "Voir vol. 2 et chap. 4 du livre.",
        "Il habite rue St. Denis à Paris.",
        "La Ste. Famille est peinte ici.",
        "Le 3 janv. 2021 il neigeait.",
        "La réunion du 12 déc. 2020 a eu lieu.",
        "Le colis n° 12 est arrivé.",
        NULL,
    };
    expect_one(FR, one);
    EXPECT(FR, "Il aime les pommes, les poires, etc. Le reste ne lui plaît pas.",
           "Il aime les pommes, les poires, etc.", "Le reste ne lui plaît pas.");
    EXPECT(FR, "Il est né en 50 av. J.-C. Il est mort plus tard.", "Il est né en 50 av. J.-C.",
           "Il est mort plus tard.");
}

static void test_fr_numbers_initials_urls(void **state)
{
    (void)state;
    static const char *const one[] = {
        "L'indice a cédé 182,44 points à 26.469,89.",
        "Le navire transporte 2.600 passagers.",
        "M. Dupont a rencontré J.-P. Martin.",
        "Consultez www.exemple.fr pour plus d'informations.",
        "Écrivez à contact@exemple.fr demain.",
        NULL,
    };
    expect_one(FR, one);
    EXPECT(FR, "La température a baissé de 2 °C. Les habitants ont froid.",
           "La température a baissé de 2 °C.", "Les habitants ont froid.");
    EXPECT(FR, "Le trajet fait 600 km. Il dure six heures.", "Le trajet fait 600 km.",
           "Il dure six heures.");
}

static void test_fr_quotes_ellipsis(void **state)
{
    (void)state;
    /* guillemets with no-break spaces inside */
    EXPECT(FR, "Il a dit : « C\xE2\x80\x99" "est fini. » Puis il est parti.",
           "Il a dit : « C\xE2\x80\x99" "est fini. »", "Puis il est parti.");
    EXPECT(FR, "\xC2\xAB\xC2\xA0Pourquoi\xC2\xA0?\xC2\xA0\xC2\xBB demanda-t-il. Personne ne sut.",
           "\xC2\xAB\xC2\xA0Pourquoi\xC2\xA0?\xC2\xA0\xC2\xBB demanda-t-il.", "Personne ne sut.");
    EXPECT(FR, "« Nous partons. » « Déjà ? » « Oui. »", "« Nous partons. »", "« Déjà ? »",
           "« Oui. »");
    EXPECT(FR, "Et puis... rien. Le silence.", "Et puis... rien.", "Le silence.");
    EXPECT(FR, "Elle assure que ce mouvement « n\xE2\x80\x99" "aura aucun impact ». Il rit.",
           "Elle assure que ce mouvement « n\xE2\x80\x99" "aura aucun impact ».", "Il rit.");
    /* a lowercase word after a real word and a dot: a sloppy new sentence */
    EXPECT(FR, "Le service était parfait. à refaire sans hésiter.", "Le service était parfait.",
           "à refaire sans hésiter.");
}

/* ---- English and generic rules ----------------------------------------------- */

static void test_en_other(void **state)
{
    (void)state;
    EXPECT(EN, "Mr. Smith met Dr. Jones, e.g. at noon. Then he left.",
           "Mr. Smith met Dr. Jones, e.g. at noon.", "Then he left.");
    EXPECT(EN, "Mrs. Brown bought apples, pears, etc. and went home.",
           "Mrs. Brown bought apples, pears, etc. and went home.");
    EXPECT(OTHER, "Dr. Weiss kam um 10.30 Uhr. Es war kalt.", "Dr. Weiss kam um 10.30 Uhr.",
           "Es war kalt.");
    EXPECT(OTHER, "Was ist das? Ein Test.", "Was ist das?", "Ein Test.");
}

/* ---- lines, paragraphs, flags ------------------------------------------------- */

static void test_headings_bylines(void **state)
{
    (void)state;
    const char *text = "Neue Brücke eröffnet\nVon Max Muster\n\nKöln (dpa) - Die Brücke ist "
                       "fertig. Sie kostete viel.\n\nMehr dazu\n";
    kurz__sentvec sv;
    split(DE, text, &sv);
    assert_int_equal(sv.n, 5);
    static const char *const want[] = {"Neue Brücke eröffnet", "Von Max Muster",
                                       "Köln (dpa) - Die Brücke ist fertig.", "Sie kostete viel.",
                                       "Mehr dazu"};
    static const uint32_t para[] = {0, 0, 1, 1, 2};
    static const uint32_t flags[] = {
        KURZ__S_PARA_START | KURZ__S_LINE, KURZ__S_LINE, KURZ__S_PARA_START | KURZ__S_TERMINATED,
        KURZ__S_TERMINATED, KURZ__S_PARA_START | KURZ__S_LINE};
    for (size_t k = 0; k < 5; k++) {
        assert_int_equal(sv.v[k].end - sv.v[k].start, strlen(want[k]));
        assert_memory_equal(text + sv.v[k].start, want[k], strlen(want[k]));
        assert_int_equal(sv.v[k].para, para[k]);
        assert_int_equal(sv.v[k].flags, flags[k]);
    }
    free(sv.v);

    EXPECT(FR, "Paris, le 3 mars\nLe gouvernement a parlé. Rien de neuf.", "Paris, le 3 mars",
           "Le gouvernement a parlé.", "Rien de neuf.");
    EXPECT(DE, "Einkaufsliste:\n• Milch\n• Eier\n• frisches Brot",
           "Einkaufsliste:", "• Milch", "• Eier", "• frisches Brot");
    EXPECT(DE, "Übung\n1. Ich spiele gern.\nspielen\nspielt\n2. Er gibt mir den Ball.",
           "Übung", "1. Ich spiele gern.", "spielen", "spielt", "2. Er gibt mir den Ball.");
    /* a long title ending in a lowercase word, then a dateline that closes
     * the paragraph without punctuation: two units, not wrapped prose */
    EXPECT(FR, "Dans la vallée, une scierie familiale rouvre ses portes après dix ans de silence\n"
               "Saint-Claude, le 4 avril 2025\n\nLa scierie a rouvert lundi.",
           "Dans la vallée, une scierie familiale rouvre ses portes après dix ans de silence",
           "Saint-Claude, le 4 avril 2025", "La scierie a rouvert lundi.");
    /* while hard-wrapped prose that ends in punctuation stays one sentence */
    EXPECT(FR, "Dans la vallée, une scierie familiale rouvre ses portes après dix ans de silence\n"
               "Grâce aux habitants du village.\n",
           "Dans la vallée, une scierie familiale rouvre ses portes après dix ans de silence\n"
           "Grâce aux habitants du village.");
}

static void test_blank_lines(void **state)
{
    (void)state;
    EXPECT(DE, "Erster Absatz ohne Punkt\n\nZweiter Absatz", "Erster Absatz ohne Punkt",
           "Zweiter Absatz");
    /* a blank line ends even an abbreviation; spaces on the blank line */
    EXPECT(DE, "Wir kaufen Brot usw.\n \t\nDann gehen wir.", "Wir kaufen Brot usw.",
           "Dann gehen wir.");
    kurz__sentvec sv;
    split(DE, "\n\n\nA eins.\n\n\n\nB zwei.\n\nC drei", &sv);
    assert_int_equal(sv.n, 3);
    assert_int_equal(sv.v[0].para, 0);
    assert_int_equal(sv.v[1].para, 1);
    assert_int_equal(sv.v[2].para, 2);
    assert_int_equal(sv.v[0].flags, KURZ__S_PARA_START | KURZ__S_TERMINATED);
    assert_int_equal(sv.v[2].flags, KURZ__S_PARA_START); /* no line break after it */
    free(sv.v);
    /* U+2029 separates paragraphs, U+2028 and NEL are line breaks */
    split(DE, "Eins\xE2\x80\xA9Zwei\xE2\x80\xA8" "Drei\xC2\x85Vier", &sv);
    assert_int_equal(sv.n, 4);
    assert_int_equal(sv.v[0].para, 0);
    assert_int_equal(sv.v[1].para, 1);
    assert_int_equal(sv.v[2].para, 1);
    assert_int_equal(sv.v[3].para, 1);
    assert_int_equal(sv.v[1].flags, KURZ__S_PARA_START | KURZ__S_LINE);
    assert_int_equal(sv.v[2].flags, KURZ__S_LINE);
    free(sv.v);
}

static void test_crlf_cr(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "Titel der Seite\nDer Text beginnt hier.\n\nZweiter Absatz.",
        "Titel der Seite\r\nDer Text beginnt hier.\r\n\r\nZweiter Absatz.",
        "Titel der Seite\rDer Text beginnt hier.\r\rZweiter Absatz.",
    };
    for (size_t i = 0; i < 3; i++) {
        kurz__sentvec sv;
        split(DE, texts[i], &sv);
        assert_int_equal(sv.n, 3);
        assert_int_equal(sv.v[0].end - sv.v[0].start, strlen("Titel der Seite"));
        assert_int_equal(sv.v[0].flags, KURZ__S_PARA_START | KURZ__S_LINE);
        assert_int_equal(sv.v[1].para, 0);
        assert_int_equal(sv.v[2].para, 1);
        assert_memory_equal(texts[i] + sv.v[2].start, "Zweiter Absatz.", 15);
        free(sv.v);
    }
}

static void test_bom_spaces(void **state)
{
    (void)state;
    const char *text = "\xEF\xBB\xBFHallo Welt. Tschüss.";
    kurz__sentvec sv;
    split(DE, text, &sv);
    assert_int_equal(sv.n, 2);
    assert_int_equal(sv.v[0].start, 3);
    assert_int_equal(sv.v[0].end, 3 + strlen("Hallo Welt."));
    free(sv.v);
    /* Unicode spaces are trimmed */
    EXPECT(DE, "\xC2\xA0 Satz eins.\xE2\x80\xAF Satz zwei.\xE2\x80\x83\xC2\xA0", "Satz eins.",
           "Satz zwei.");
}

static void test_hard_wrap(void **state)
{
    (void)state;
    EXPECT(DE,
           "Die Regierung hat am Montag beschlossen, dass die\nSteuern im nächsten Jahr sinken "
           "sollen,\nund zwar für alle Bürger und\nUnternehmen im Land. Das freut viele.",
           "Die Regierung hat am Montag beschlossen, dass die\nSteuern im nächsten Jahr sinken "
           "sollen,\nund zwar für alle Bürger und\nUnternehmen im Land.",
           "Das freut viele.");
    EXPECT(DE, "Wir kaufen z. B.\nÄpfel und Birnen.", "Wir kaufen z. B.\nÄpfel und Birnen.");
    EXPECT(DE, "Die Gemüse-\nund Obstsorten sind frisch.",
           "Die Gemüse-\nund Obstsorten sind frisch.");
    EXPECT(DE,
           "Zehn einfach zu befolgende Tipps helfen Ihnen, eine möglichst problemlose\n"
           "Reise zu erleben.",
           "Zehn einfach zu befolgende Tipps helfen Ihnen, eine möglichst problemlose\n"
           "Reise zu erleben.");
    EXPECT(FR, "Le gouvernement a décidé lundi que les\nimpôts baisseront l'an prochain.",
           "Le gouvernement a décidé lundi que les\nimpôts baisseront l'an prochain.");
    EXPECT(FR, "Il a parlé de l\xE2\x80\x99\nhomme et de la\nFrance.",
           "Il a parlé de l\xE2\x80\x99\nhomme et de la\nFrance.");
}

static void test_terminated_flag(void **state)
{
    (void)state;
    kurz__sentvec sv;
    split(DE, "Er fragte: „Warum?“ Ohne Punkt", &sv);
    assert_int_equal(sv.n, 2);
    assert_int_equal(sv.v[0].flags, KURZ__S_PARA_START | KURZ__S_TERMINATED);
    assert_int_equal(sv.v[1].flags, 0);
    free(sv.v);
}

/* ---- edge cases ---------------------------------------------------------------- */

static void test_empty_and_space(void **state)
{
    (void)state;
    kurz__sentvec sv;
    split_len(DE, "", 0, &sv);
    assert_int_equal(sv.n, 0);
    free(sv.v);
    split(FR, " \n\t \xC2\xA0 \r\n\xE2\x80\xAF", &sv);
    assert_int_equal(sv.n, 0);
    free(sv.v);
    split(DE, "\xEF\xBB\xBF", &sv);
    assert_int_equal(sv.n, 0);
    free(sv.v);
    split(DE, ".", &sv);
    assert_int_equal(sv.n, 1);
    assert_int_equal(sv.v[0].flags, KURZ__S_PARA_START | KURZ__S_TERMINATED);
    free(sv.v);
}

static void test_nul_bytes(void **state)
{
    (void)state;
    static const char text[] = "Ha\0llo. Die\0 Welt.";
    kurz__sentvec sv;
    split_len(DE, text, sizeof text - 1, &sv);
    assert_int_equal(sv.n, 2);
    assert_int_equal(sv.v[0].start, 0);
    assert_int_equal(sv.v[0].end, 7);
    assert_int_equal(sv.v[1].start, 8);
    assert_int_equal(sv.v[1].end, sizeof text - 1);
    free(sv.v);
}

static char *repeat(const char *unit, size_t times, size_t *len)
{
    size_t ul = strlen(unit);
    char *s = malloc(ul * times + 1);
    assert_non_null(s);
    for (size_t i = 0; i < times; i++)
        memcpy(s + i * ul, unit, ul);
    s[ul * times] = 0;
    *len = ul * times;
    return s;
}

static void test_long_inputs(void **state)
{
    (void)state;
    size_t len;
    kurz__sentvec sv;
    clock_t c0 = clock();

    /* 2 MB without punctuation: one unit */
    char *s = repeat("wort ", 400000, &len);
    split_len(DE, s, len, &sv);
    assert_int_equal(sv.n, 1);
    assert_int_equal(sv.v[0].start, 0);
    assert_int_equal(sv.v[0].end, len - 1);
    free(sv.v);
    free(s);

    /* one 1 MB word */
    s = repeat("x", 1 << 20, &len);
    split_len(FR, s, len, &sv);
    assert_int_equal(sv.n, 1);
    free(sv.v);
    free(s);

    /* "a. a. a." 100000 times: initials, one unit */
    s = repeat("a. ", 100000, &len);
    split_len(DE, s, len, &sv);
    assert_int_equal(sv.n, 1);
    free(sv.v);
    free(s);

    /* "Wort. " 100000 times: as many sentences */
    s = repeat("Wort. ", 100000, &len);
    split_len(DE, s, len, &sv);
    assert_int_equal(sv.n, 100000);
    free(sv.v);
    free(s);

    /* a million line breaks, and many one-word lines */
    s = repeat("\n", 1000000, &len);
    split_len(DE, s, len, &sv);
    assert_int_equal(sv.n, 0);
    free(sv.v);
    free(s);
    s = repeat("Zeile\n", 100000, &len);
    split_len(DE, s, len, &sv);
    assert_int_equal(sv.n, 100000);
    assert_int_equal(sv.v[0].flags, KURZ__S_PARA_START | KURZ__S_LINE);
    free(sv.v);
    free(s);

    /* long runs of dots and closers */
    s = repeat(".", 1 << 20, &len);
    split_len(DE, s, len, &sv);
    assert_int_equal(sv.n, 1);
    free(sv.v);
    free(s);

    double secs = (double)(clock() - c0) / CLOCKS_PER_SEC;
    assert_true(secs < 5.0); /* linear: well under a second in practice */
}

/* ---- allocation failure ------------------------------------------------------- */

typedef struct failing {
    int left; /* allocations that succeed */
} failing;

static void *f_malloc(void *user, size_t size)
{
    failing *f = user;
    if (f->left <= 0)
        return NULL;
    f->left--;
    return malloc(size);
}

static void *f_realloc(void *user, void *p, size_t size)
{
    failing *f = user;
    if (f->left <= 0)
        return NULL;
    f->left--;
    return realloc(p, size);
}

static void f_free(void *user, void *p)
{
    (void)user;
    free(p);
}

static void test_nomem(void **state)
{
    (void)state;
    size_t len;
    char *s = repeat("Ein Satz. ", 100, &len);
    for (int ok = 0; ok < 6; ok++) {
        failing f = {ok};
        kurz__mem m = {f_malloc, f_realloc, f_free, &f};
        kurz__sentvec sv = {0};
        int rc = kurz__segment(&m, DE, s, len, &sv);
        if (rc == 0) {
            assert_int_equal(sv.n, 100);
        } else {
            assert_int_equal(rc, KURZ_ERR_NOMEM);
            assert_true(sv.n <= sv.cap);
        }
        kurz__free(&m, sv.v);
    }
    /* with no allocation at all, the first unit fails */
    failing f = {0};
    kurz__mem m = {f_malloc, f_realloc, f_free, &f};
    kurz__sentvec sv = {0};
    assert_int_equal(kurz__segment(&m, DE, s, len, &sv), KURZ_ERR_NOMEM);
    kurz__free(&m, sv.v);
    free(s);
}

/* ---- word lists ------------------------------------------------------------------ */

/* Every generated list (data/, lib/wordlist.c) is sorted by bytes without
 * duplicates, its hash table holds each entry once and is at most half
 * full, and the lookup finds each entry at its place and nothing that is
 * not one. */
static void test_lists_sorted(void **state)
{
    (void)state;
    for (size_t q = 0; q < KURZ__WL_COUNT; q++) {
        const kurz__wordlist *l = &kurz__lists[q];
        assert_ptr_equal(kurz__wl_get(l->name), l);
        if (q > 0 && strcmp(kurz__lists[q - 1].name, l->name) >= 0)
            fail_msg("lists out of order: %s before %s", kurz__lists[q - 1].name, l->name);
        assert_true(l->n > 0);
        size_t used = 0;
        for (size_t j = 0; j <= l->mask; j++)
            used += l->slot[j] != 0;
        assert_int_equal(used, l->n);
        assert_true(2 * used <= l->mask + 1);
        size_t longest = 0;
        for (size_t i = 0; i < l->n; i++) {
            size_t n;
            const char *w = kurz__wl_at(l, i, &n);
            assert_int_equal(strlen(w), n);
            if (n > longest)
                longest = n;
            if (i > 0) {
                size_t pn;
                const char *p = kurz__wl_at(l, i - 1, &pn);
                int c = memcmp(p, w, pn < n ? pn : n);
                if (c > 0 || (c == 0 && pn >= n))
                    fail_msg("%s: \"%s\" before \"%s\"", l->name, p, w);
            }
            assert_int_equal(kurz__wl_find(l, (const uint8_t *)w, n), (long)i);
            /* a longer or a shorter key is another word (or not one) */
            char longer[300];
            memcpy(longer, w, n);
            longer[n] = '~';
            long k = kurz__wl_find(l, (const uint8_t *)longer, n + 1);
            assert_true(k < 0 || k != (long)i);
            if (n > 1) {
                k = kurz__wl_find(l, (const uint8_t *)w, n - 1);
                assert_true(k < (long)i);
            }
        }
        assert_int_equal(l->maxlen, longest);
        assert_int_equal(kurz__wl_find(l, (const uint8_t *)"", 0), -1);
    }
    assert_ptr_equal(kurz__wl_lang("abbrev", "de"), &kurz__lists[KURZ__WL_ABBREV_DE]);
    assert_null(kurz__wl_lang("abbrev", "xx"));
    assert_null(kurz__wl_get("nothing/de"));
    assert_null(kurz__wl_find(NULL, (const uint8_t *)"a", 1) == -1 ? NULL : "found");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_de_basic),
        cmocka_unit_test(test_de_abbreviations),
        cmocka_unit_test(test_de_ordinals_dates),
        cmocka_unit_test(test_de_numbers),
        cmocka_unit_test(test_de_initials_urls),
        cmocka_unit_test(test_de_ellipsis_quotes),
        cmocka_unit_test(test_fr_basic),
        cmocka_unit_test(test_fr_abbreviations),
        cmocka_unit_test(test_fr_numbers_initials_urls),
        cmocka_unit_test(test_fr_quotes_ellipsis),
        cmocka_unit_test(test_en_other),
        cmocka_unit_test(test_headings_bylines),
        cmocka_unit_test(test_blank_lines),
        cmocka_unit_test(test_crlf_cr),
        cmocka_unit_test(test_bom_spaces),
        cmocka_unit_test(test_hard_wrap),
        cmocka_unit_test(test_terminated_flag),
        cmocka_unit_test(test_empty_and_space),
        cmocka_unit_test(test_nul_bytes),
        cmocka_unit_test(test_long_inputs),
        cmocka_unit_test(test_nomem),
        cmocka_unit_test(test_lists_sorted),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
