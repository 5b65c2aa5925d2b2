/* SPDX-License-Identifier: MIT */
/* Web-noise recognition (lib/boiler.c): which units of a pasted web page are
 * real sentences of the article. Every input here is hand-made. Units are
 * found by their exact text, so a change of segmentation shows up as "no
 * unit reads ..." rather than as a silent pass. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kurz-private.h"

/* Test hook in boiler-scan.c (not part of kurz-private.h). */
int kurz__boiler_table_ok(void);

/* Folder of noisy_de.txt and noisy_fr.txt: argv[1] (meson passes it). */
static const char *data_dir = "tests/data";

typedef struct marked {
    kurz__mem m;
    kurz__doc d;
    kurz__stemmer *st;
    const char *text;
    size_t len;
    uint8_t *ok;
} marked;

/* Segments text with the library's splitter and marks its units. */
static void mark_len(marked *r, kurz__lang lang, const char *text, size_t len)
{
    memset(r, 0, sizeof *r);
    kurz__mem_default(&r->m);
    r->st = kurz__stemmer_new(lang == KURZ__LANG_DE ? "german" : "french");
    assert_non_null(r->st);
    kurz__doc_init(&r->d, &r->m, lang);
    assert_int_equal(kurz__segment(&r->m, lang, text, len, &r->d.sents), 0);
    assert_int_equal(kurz__doc_build(&r->d, &r->m, lang, r->st, text, len), 0);
    r->text = text;
    r->len = len;
    r->ok = calloc(r->d.sents.n + 1, 1);
    assert_non_null(r->ok);
    memset(r->ok, 7, r->d.sents.n + 1);
    kurz__eligible(&r->d, NULL, text, len, r->ok);
    for (size_t i = 0; i < r->d.sents.n; i++)
        assert_true(r->ok[i] == 0 || r->ok[i] == 1);
    assert_int_equal(r->ok[r->d.sents.n], 7); /* nothing written past the end */
}

static void mark(marked *r, kurz__lang lang, const char *text)
{
    mark_len(r, lang, text, strlen(text));
}

static void unmark(marked *r)
{
    free(r->ok);
    kurz__doc_free(&r->d, &r->m);
    kurz__stemmer_free(r->st);
}

static void dump(const marked *r)
{
    for (size_t i = 0; i < r->d.sents.n; i++) {
        const kurz__sent *s = &r->d.sents.v[i];
        print_message("  [%zu] ok=%d flags=%u | %.*s\n", i, r->ok[i], (unsigned)s->flags,
                      (int)(s->end - s->start), r->text + s->start);
    }
}

/* The unit whose text is exactly s. */
static size_t unit_of(const marked *r, const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < r->d.sents.n; i++) {
        const kurz__sent *u = &r->d.sents.v[i];
        if (u->end - u->start == n && memcmp(r->text + u->start, s, n) == 0)
            return i;
    }
    dump(r);
    fail_msg("no unit reads \"%s\" (segmentation changed?)", s);
    return 0;
}

static void expect(const marked *r, const char *s, int want)
{
    size_t i = unit_of(r, s);
    if (r->ok[i] != want) {
        dump(r);
        fail_msg("\"%s\" is marked %s, expected %s", s, r->ok[i] ? "a sentence" : "noise",
                 want ? "a sentence" : "noise");
    }
}

/* Checks every listed unit: noise[] must be 0, body[] must be 1. */
static void check(kurz__lang lang, const char *text, const char *const *noise,
                  const char *const *body)
{
    marked r;
    mark(&r, lang, text);
    for (; noise && *noise; noise++)
        expect(&r, *noise, 0);
    for (; body && *body; body++)
        expect(&r, *body, 1);
    unmark(&r);
}

/* ---- navigation and share buttons ---------------------------------------- */

static void navigation_and_share_de(void **state)
{
    (void)state;
    static const char text[] =
        "Zum Inhalt springen\n"
        "Startseite > Politik > Inland\n"
        "Sie sind hier: Startseite » Regional » Nordstadt » Verkehr\n"
        "Nachrichten | Politik | Wirtschaft | Sport | Kultur\n"
        "\n"
        "Die Landesregierung hat am Dienstag einen neuen Haushaltsentwurf vorgelegt. "
        "Er sieht deutlich höhere Ausgaben für Schulen und Kindergärten vor.\n"
        "\n"
        "Artikel teilen\n"
        "Facebook Twitter WhatsApp E-Mail Drucken\n"
        "Teilen\n";
    static const char *const noise[] = {
        "Zum Inhalt springen",
        "Startseite > Politik > Inland",
        "Sie sind hier: Startseite » Regional » Nordstadt » Verkehr",
        "Nachrichten | Politik | Wirtschaft | Sport | Kultur",
        "Artikel teilen",
        "Facebook Twitter WhatsApp E-Mail Drucken",
        "Teilen",
        NULL};
    static const char *const body[] = {
        "Die Landesregierung hat am Dienstag einen neuen Haushaltsentwurf vorgelegt.",
        "Er sieht deutlich höhere Ausgaben für Schulen und Kindergärten vor.", NULL};
    check(KURZ__LANG_DE, text, noise, body);
}

static void navigation_and_share_fr(void **state)
{
    (void)state;
    static const char text[] =
        "Accueil | Actualités | Monde | Europe\n"
        "Accueil > Économie > Entreprises\n"
        "\n"
        "Le gouvernement a présenté mardi un nouveau projet de budget pour l'an prochain. "
        "Il prévoit une hausse nette des dépenses consacrées aux écoles.\n"
        "\n"
        "Partager sur Facebook\n"
        "Partager sur Twitter\n"
        "Facebook Twitter LinkedIn E-mail Imprimer\n"
        "Copier le lien\n";
    static const char *const noise[] = {
        "Accueil | Actualités | Monde | Europe",
        "Accueil > Économie > Entreprises",
        "Partager sur Facebook",
        "Partager sur Twitter",
        "Facebook Twitter LinkedIn E-mail Imprimer",
        "Copier le lien",
        NULL};
    static const char *const body[] = {
        "Le gouvernement a présenté mardi un nouveau projet de budget pour l'an prochain.",
        "Il prévoit une hausse nette des dépenses consacrées aux écoles.", NULL};
    check(KURZ__LANG_FR, text, noise, body);
}

/* ---- headings, bylines, datelines, credits --------------------------------- */

static void bylines_datelines_credits_de(void **state)
{
    (void)state;
    static const char text[] =
        "Neue Regeln für den Wohnungsbau in den Städten\n"
        "\n"
        "Von Anna Schmidt und Peter Müller\n"
        "Berlin, 3. März 2024, 14:05 Uhr\n"
        "Stand: 04.03.2024, 09:12 Uhr\n"
        "Aktualisiert am 4. März 2024 um 16:20 Uhr\n"
        "\n"
        "Foto: dpa\n"
        "Bild: Max Mustermann/dpa\n"
        "© AFP\n"
        "\n"
        "Die Bundesregierung will das Bauen von Wohnungen deutlich vereinfachen. "
        "Am 3. März 2024 stellte die Bauministerin ihre Pläne in Berlin vor. "
        "Von den geplanten Änderungen sollen vor allem kleine Gemeinden profitieren.\n";
    static const char *const noise[] = {
        "Neue Regeln für den Wohnungsbau in den Städten",
        "Von Anna Schmidt und Peter Müller",
        "Berlin, 3. März 2024, 14:05 Uhr",
        "Stand: 04.03.2024, 09:12 Uhr",
        "Aktualisiert am 4. März 2024 um 16:20 Uhr",
        "Foto: dpa",
        "Bild: Max Mustermann/dpa",
        "© AFP",
        NULL};
    static const char *const body[] = {
        "Die Bundesregierung will das Bauen von Wohnungen deutlich vereinfachen.",
        "Am 3. März 2024 stellte die Bauministerin ihre Pläne in Berlin vor.",
        "Von den geplanten Änderungen sollen vor allem kleine Gemeinden profitieren.", NULL};
    check(KURZ__LANG_DE, text, noise, body);
}

static void bylines_datelines_credits_fr(void **state)
{
    (void)state;
    static const char text[] =
        "Logement : le gouvernement veut simplifier les règles de construction\n"
        "\n"
        "Par Jean Martin et Claire Dubois\n"
        "Publié le 12/03/2024 à 10h32\n"
        "Mis à jour le 12 mars 2024 à 18h45\n"
        "Paris, le 12 mars 2024 à 10:32\n"
        "\n"
        "Photo : AFP / Pierre Dupont\n"
        "Crédit photo : Marie Durand\n"
        "© AFP\n"
        "\n"
        "Le gouvernement veut simplifier la construction de logements neufs. "
        "Le 12 mars 2024, la ministre du Logement a présenté son plan à Paris. "
        "Par ailleurs, les petites communes recevront une aide supplémentaire.\n";
    static const char *const noise[] = {
        "Logement : le gouvernement veut simplifier les règles de construction",
        "Par Jean Martin et Claire Dubois",
        "Publié le 12/03/2024 à 10h32",
        "Mis à jour le 12 mars 2024 à 18h45",
        "Paris, le 12 mars 2024 à 10:32",
        "Photo : AFP / Pierre Dupont",
        "Crédit photo : Marie Durand",
        "© AFP",
        NULL};
    static const char *const body[] = {
        "Le gouvernement veut simplifier la construction de logements neufs.",
        "Le 12 mars 2024, la ministre du Logement a présenté son plan à Paris.",
        "Par ailleurs, les petites communes recevront une aide supplémentaire.", NULL};
    check(KURZ__LANG_FR, text, noise, body);
}

/* ---- author boxes ------------------------------------------------------------ */

static void author_box(void **state)
{
    (void)state;
    static const char de[] =
        "Der Stadtrat hat den neuen Bebauungsplan mit großer Mehrheit beschlossen.\n"
        "\n"
        "Anna Schmidt ist Redakteurin im Ressort Politik. "
        "Sie berichtet seit 2015 über Landespolitik und Verkehr.\n"
        "\n"
        "Max Beispiel ist ein deutscher Journalist und Autor mehrerer Sachbücher.\n"
        "\n"
        "Peter Müller ist Korrespondent in Paris.\n"
        "Sie wollen dort vor allem über die Wahlen berichten, sagte der Chefredakteur.\n";
    static const char *const de_noise[] = {
        "Anna Schmidt ist Redakteurin im Ressort Politik.",
        "Sie berichtet seit 2015 über Landespolitik und Verkehr.",
        "Peter Müller ist Korrespondent in Paris.", NULL};
    static const char *const de_body[] = {
        "Der Stadtrat hat den neuen Bebauungsplan mit großer Mehrheit beschlossen.",
        /* an encyclopedia's first sentence is no author box */
        "Max Beispiel ist ein deutscher Journalist und Autor mehrerer Sachbücher.",
        /* on the next line the author box is over */
        "Sie wollen dort vor allem über die Wahlen berichten, sagte der Chefredakteur.", NULL};
    check(KURZ__LANG_DE, de, de_noise, de_body);

    static const char fr[] =
        "Le conseil municipal a adopté le nouveau plan d'urbanisme à une large majorité.\n"
        "\n"
        "Jean Martin est journaliste au service Politique depuis 2018.\n"
        "\n"
        "Marie Exemple est une journaliste française née à Lyon en 1965.\n";
    static const char *const fr_noise[] = {
        "Jean Martin est journaliste au service Politique depuis 2018.", NULL};
    static const char *const fr_body[] = {
        "Le conseil municipal a adopté le nouveau plan d'urbanisme à une large majorité.",
        "Marie Exemple est une journaliste française née à Lyon en 1965.", NULL};
    check(KURZ__LANG_FR, fr, fr_noise, fr_body);
}

/* ---- related articles ----------------------------------------------------- */

static void teasers_de(void **state)
{
    (void)state;
    static const char text[] =
        "Die Mieten in den großen Städten sind im vergangenen Jahr erneut gestiegen.\n"
        "\n"
        "Lesen Sie auch: Warum die Mieten in Berlin weiter steigen\n"
        "\n"
        "Besonders betroffen sind Familien mit mittleren Einkommen.\n"
        "\n"
        "Mehr zum Thema\n"
        "Wohnungsmarkt: Wo sich der Kauf noch lohnt\n"
        "Droht eine neue Immobilienblase?\n"
        "Bauzinsen: Was Käufer jetzt wissen müssen\n"
        "\n"
        "Das könnte Sie auch interessieren:\n"
        "Nebenkosten steigen kräftig!\n"
        "\n"
        "Der Mieterbund fordert deshalb eine Verlängerung der Mietpreisbremse bis 2030.\n";
    static const char *const noise[] = {
        "Lesen Sie auch: Warum die Mieten in Berlin weiter steigen",
        "Mehr zum Thema",
        "Wohnungsmarkt: Wo sich der Kauf noch lohnt",
        "Droht eine neue Immobilienblase?",
        "Bauzinsen: Was Käufer jetzt wissen müssen",
        "Das könnte Sie auch interessieren:",
        "Nebenkosten steigen kräftig!",
        NULL};
    static const char *const body[] = {
        "Die Mieten in den großen Städten sind im vergangenen Jahr erneut gestiegen.",
        "Besonders betroffen sind Familien mit mittleren Einkommen.",
        /* the block ends at the next real sentence */
        "Der Mieterbund fordert deshalb eine Verlängerung der Mietpreisbremse bis 2030.", NULL};
    check(KURZ__LANG_DE, text, noise, body);
}

static void teasers_fr(void **state)
{
    (void)state;
    static const char text[] =
        "Les loyers ont encore augmenté l'an dernier dans les grandes villes.\n"
        "\n"
        "À lire aussi : Les loyers continuent de grimper à Lyon\n"
        "Lire aussi Immobilier, le grand retour des acheteurs\n"
        "\n"
        "Les familles aux revenus moyens sont les plus touchées.\n"
        "\n"
        "Sur le même sujet\n"
        "Immobilier : où faut-il encore acheter\n"
        "Vers une nouvelle bulle immobilière ?\n"
        "Crédit : ce que les acheteurs doivent savoir\n"
        "\n"
        "Les associations de locataires demandent un encadrement des loyers jusqu'en 2030.\n";
    static const char *const noise[] = {
        "À lire aussi : Les loyers continuent de grimper à Lyon",
        "Lire aussi Immobilier, le grand retour des acheteurs",
        "Sur le même sujet",
        "Immobilier : où faut-il encore acheter",
        "Vers une nouvelle bulle immobilière ?",
        "Crédit : ce que les acheteurs doivent savoir",
        NULL};
    static const char *const body[] = {
        "Les loyers ont encore augmenté l'an dernier dans les grandes villes.",
        "Les familles aux revenus moyens sont les plus touchées.",
        "Les associations de locataires demandent un encadrement des loyers jusqu'en 2030.",
        NULL};
    check(KURZ__LANG_FR, text, noise, body);
}

/* ---- newsletter, cookies, ads, footers ------------------------------------------ */

static void prompts_ads_footer_de(void **state)
{
    (void)state;
    static const char text[] =
        "Die Stadtwerke erhöhen zum Jahresbeginn die Preise für Strom und Gas.\n"
        "\n"
        "Anzeige\n"
        "Jetzt Strompreise vergleichen und bis zu 500 Euro sparen!\n"
        "\n"
        "Ein durchschnittlicher Haushalt zahlt damit rund 120 Euro mehr im Jahr.\n"
        "\n"
        "Jetzt Newsletter abonnieren\n"
        "Abonnieren Sie unseren kostenlosen Newsletter und verpassen Sie keine Nachricht mehr.\n"
        "\n"
        "Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten. "
        "Mit der Nutzung unserer Website stimmen Sie dem zu.\n"
        "Alle akzeptieren\n"
        "Bitte aktivieren Sie JavaScript in Ihrem Browser, um alle Inhalte zu sehen.\n"
        "\n"
        "Impressum Datenschutz Kontakt AGB\n"
        "© 2024 Musterverlag GmbH. Alle Rechte vorbehalten.\n";
    static const char *const noise[] = {
        "Anzeige",
        "Jetzt Strompreise vergleichen und bis zu 500 Euro sparen!",
        "Jetzt Newsletter abonnieren",
        "Abonnieren Sie unseren kostenlosen Newsletter und verpassen Sie keine Nachricht mehr.",
        "Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten.",
        "Mit der Nutzung unserer Website stimmen Sie dem zu.",
        "Alle akzeptieren",
        "Bitte aktivieren Sie JavaScript in Ihrem Browser, um alle Inhalte zu sehen.",
        "Impressum Datenschutz Kontakt AGB",
        "© 2024 Musterverlag GmbH.",
        "Alle Rechte vorbehalten.",
        NULL};
    static const char *const body[] = {
        "Die Stadtwerke erhöhen zum Jahresbeginn die Preise für Strom und Gas.",
        "Ein durchschnittlicher Haushalt zahlt damit rund 120 Euro mehr im Jahr.", NULL};
    check(KURZ__LANG_DE, text, noise, body);
}

static void prompts_ads_footer_fr(void **state)
{
    (void)state;
    static const char text[] =
        "Le fournisseur augmentera ses tarifs d'électricité et de gaz au premier janvier.\n"
        "\n"
        "Publicité\n"
        "Profitez de notre offre exceptionnelle : -30 % sur toute la gamme !\n"
        "\n"
        "Un ménage moyen paiera ainsi environ 120 euros de plus par an.\n"
        "\n"
        "Inscrivez-vous à notre newsletter\n"
        "Recevez chaque matin l'essentiel de l'actualité directement dans votre boîte mail.\n"
        "\n"
        "Nous utilisons des cookies pour vous offrir la meilleure expérience possible. "
        "En poursuivant votre navigation, vous acceptez leur utilisation.\n"
        "Accepter les cookies\n"
        "\n"
        "Mentions légales\n"
        "Mentions légales | Politique de confidentialité | Contact | Plan du site\n"
        "© 2024 Le Courrier – Tous droits réservés\n";
    static const char *const noise[] = {
        "Publicité",
        "Profitez de notre offre exceptionnelle : -30 % sur toute la gamme !",
        "Inscrivez-vous à notre newsletter",
        "Recevez chaque matin l'essentiel de l'actualité directement dans votre boîte mail.",
        "Nous utilisons des cookies pour vous offrir la meilleure expérience possible.",
        "En poursuivant votre navigation, vous acceptez leur utilisation.",
        "Accepter les cookies",
        "Mentions légales",
        "Mentions légales | Politique de confidentialité | Contact | Plan du site",
        "© 2024 Le Courrier – Tous droits réservés",
        NULL};
    static const char *const body[] = {
        "Le fournisseur augmentera ses tarifs d'électricité et de gaz au premier janvier.",
        "Un ménage moyen paiera ainsi environ 120 euros de plus par an.", NULL};
    check(KURZ__LANG_FR, text, noise, body);
}

/* ---- comment sections --------------------------------------------------------- */

static void comments_de(void **state)
{
    (void)state;
    static const char text[] =
        "Der Gemeinderat hat die Schließung des Hallenbads zum Jahresende beschlossen. "
        "Eine Sanierung wäre nach Angaben der Verwaltung zu teuer gewesen.\n"
        "\n"
        "Kommentare (12)\n"
        "\n"
        "Schwimmer_77\n"
        "vor 3 Stunden\n"
        "\n"
        "Das ist wirklich ein schwarzer Tag für alle Familien im Ort.\n"
        "\n"
        "Antworten\n"
        "\n"
        "Martina Weber\n"
        "vor 2 Stunden\n"
        "\n"
        "Die Gemeinde hätte das Geld schon vor Jahren in die Sanierung stecken müssen.\n"
        "\n"
        "Antworten   Melden\n"
        "Gefällt mir (4)\n";
    static const char *const noise[] = {
        "Kommentare (12)",
        "Schwimmer_77\nvor 3 Stunden",
        "Das ist wirklich ein schwarzer Tag für alle Familien im Ort.",
        "Antworten",
        "Martina Weber\nvor 2 Stunden",
        "Die Gemeinde hätte das Geld schon vor Jahren in die Sanierung stecken müssen.",
        "Antworten   Melden",
        "Gefällt mir (4)",
        NULL};
    static const char *const body[] = {
        "Der Gemeinderat hat die Schließung des Hallenbads zum Jahresende beschlossen.",
        "Eine Sanierung wäre nach Angaben der Verwaltung zu teuer gewesen.", NULL};
    check(KURZ__LANG_DE, text, noise, body);
}

static void comments_fr(void **state)
{
    (void)state;
    static const char text[] =
        "Le conseil municipal a voté la fermeture de la piscine à la fin de l'année. "
        "Une rénovation aurait coûté trop cher selon la mairie.\n"
        "\n"
        "Commentaires\n"
        "\n"
        "Nageur44\n"
        "il y a 2 heures\n"
        "\n"
        "C'est vraiment une triste nouvelle pour toutes les familles de la commune.\n"
        "\n"
        "Répondre\n"
        "J'aime\n"
        "\n"
        "@marie_claude il y a 45 min\n"
        "\n"
        "La commune aurait dû investir dans la rénovation depuis des années.\n"
        "\n"
        "Répondre · Signaler\n";
    static const char *const noise[] = {
        "Commentaires",
        "Nageur44\nil y a 2 heures",
        "C'est vraiment une triste nouvelle pour toutes les familles de la commune.",
        "Répondre",
        "J'aime",
        "@marie_claude il y a 45 min",
        "La commune aurait dû investir dans la rénovation depuis des années.",
        "Répondre · Signaler",
        NULL};
    static const char *const body[] = {
        "Le conseil municipal a voté la fermeture de la piscine à la fin de l'année.",
        "Une rénovation aurait coûté trop cher selon la mairie.", NULL};
    check(KURZ__LANG_FR, text, noise, body);
}

/* A heading like "Réactions" with prose after it, and no sign of comments,
 * opens no comment section. */
static void comment_header_needs_comments(void **state)
{
    (void)state;
    static const char text[] =
        "La réforme des retraites a été adoptée jeudi par l'Assemblée nationale.\n"
        "\n"
        "Réactions\n"
        "\n"
        "Les syndicats ont aussitôt appelé à une nouvelle journée de mobilisation. "
        "Le patronat a salué un texte nécessaire pour l'équilibre des comptes.\n";
    static const char *const noise[] = {"Réactions", NULL};
    static const char *const body[] = {
        "Les syndicats ont aussitôt appelé à une nouvelle journée de mobilisation.",
        "Le patronat a salué un texte nécessaire pour l'équilibre des comptes.", NULL};
    check(KURZ__LANG_FR, text, noise, body);

    /* an opinion piece labelled "Kommentar" is an article, not comments */
    static const char de[] =
        "Kommentar\n"
        "Von Anna Schmidt\n"
        "Aktualisiert vor 2 Stunden\n"
        "\n"
        "Die Entscheidung des Stadtrats kommt spät, aber sie ist richtig. "
        "Wer sichere Radwege will, muss auch Parkplätze opfern.\n"
        "Antworten auf die Frage der Finanzierung bleibt die Stadt allerdings schuldig.\n";
    static const char *const de_noise[] = {"Kommentar", "Von Anna Schmidt",
                                           "Aktualisiert vor 2 Stunden", NULL};
    static const char *const de_body[] = {
        "Die Entscheidung des Stadtrats kommt spät, aber sie ist richtig.",
        "Wer sichere Radwege will, muss auch Parkplätze opfern.",
        "Antworten auf die Frage der Finanzierung bleibt die Stadt allerdings schuldig.", NULL};
    check(KURZ__LANG_DE, de, de_noise, de_body);
}

/* A comment section ends when no comment signal has come for a while: the
 * prose after it counts again. */
static void comment_section_ends(void **state)
{
    (void)state;
    static const char text[] =
        "Kommentare (2)\n"
        "Leser_1\n"
        "vor 5 Minuten\n"
        "Ein sehr guter Beitrag, vielen Dank dafür.\n"
        "Antworten\n"
        "\n"
        "Die Geschichte der Stadt reicht bis in die Römerzeit zurück. "
        "Im Mittelalter entwickelte sie sich zu einem wichtigen Handelsplatz. "
        "Im 16. Jahrhundert wurde die große Stadtmauer errichtet. "
        "Während des Dreißigjährigen Krieges wurde die Stadt mehrfach belagert. "
        "Im 19. Jahrhundert brachte die Eisenbahn einen neuen Aufschwung. "
        "Zahlreiche Fabriken siedelten sich am Flussufer an. "
        "Die Einwohnerzahl verdreifachte sich innerhalb weniger Jahrzehnte. "
        "Im Zweiten Weltkrieg wurde die Altstadt schwer beschädigt. "
        "Der Wiederaufbau dauerte bis in die sechziger Jahre. "
        "Heute ist die Stadt vor allem für ihre Universität bekannt. "
        "Jedes Jahr beginnen dort mehrere tausend Studierende ihr Studium. "
        "Die Altstadt zieht zudem viele Touristen aus dem Ausland an. "
        "Der Hafen am Fluss dient inzwischen vor allem dem Freizeitverkehr.\n";
    static const char *const noise[] = {"Kommentare (2)",
                                        "Ein sehr guter Beitrag, vielen Dank dafür.", NULL};
    static const char *const body[] = {
        "Die Einwohnerzahl verdreifachte sich innerhalb weniger Jahrzehnte.",
        "Im Zweiten Weltkrieg wurde die Altstadt schwer beschädigt.",
        "Der Hafen am Fluss dient inzwischen vor allem dem Freizeitverkehr.", NULL};
    check(KURZ__LANG_DE, text, noise, body);
}

/* ---- web shapes, short units, clean prose --------------------------------------- */

static void web_shapes_and_short_units(void **state)
{
    (void)state;
    static const char text[] =
        "Der Verein feiert am Wochenende sein hundertjähriges Bestehen mit einem Fest.\n"
        "Mehr Infos unter www.beispielverein.de\n"
        "Folgt uns auf Instagram @beispielverein 🎉🎉\n"
        "Das ist gut.\n"
        "Das Programm beginnt am Samstag um zehn Uhr auf dem Marktplatz.\n";
    static const char *const noise[] = {"Mehr Infos unter www.beispielverein.de",
                                        "Folgt uns auf Instagram @beispielverein 🎉🎉",
                                        "Das ist gut.", NULL};
    static const char *const body[] = {
        "Der Verein feiert am Wochenende sein hundertjähriges Bestehen mit einem Fest.",
        "Das Programm beginnt am Samstag um zehn Uhr auf dem Marktplatz.", NULL};
    check(KURZ__LANG_DE, text, noise, body);
}

/* Sentences that share words or shapes with the rules stay sentences. */
static void clean_prose_stays(void **state)
{
    (void)state;
    static const char de[] =
        "Von den Einwohnern waren Ende 2018 rund 80.000 katholisch. "
        "Vor drei Jahren hatte der Stadtrat einen ähnlichen Plan noch abgelehnt. "
        "Die Polizei erstattete Anzeige gegen den Fahrer des Wagens. "
        "Die Antworten der Regierung auf die Anfrage blieben vage. "
        "Stand der Technik sind heute Anlagen mit deutlich höherem Wirkungsgrad. "
        "Der Zugang ist ausschließlich den Mitgliedern des Vereins vorbehalten. "
        "Die Website des Senders wurde im Februar grundlegend umgestaltet. "
        "Die Eröffnung der neuen Brücke ist am 31. Oktober 2018.\n"
        "Der Kanton gliedert sich in elf Bezirke, die folgende Aufgaben haben:\n";
    static const char *const de_body[] = {
        "Von den Einwohnern waren Ende 2018 rund 80.000 katholisch.",
        "Vor drei Jahren hatte der Stadtrat einen ähnlichen Plan noch abgelehnt.",
        "Die Polizei erstattete Anzeige gegen den Fahrer des Wagens.",
        "Die Antworten der Regierung auf die Anfrage blieben vage.",
        "Stand der Technik sind heute Anlagen mit deutlich höherem Wirkungsgrad.",
        "Der Zugang ist ausschließlich den Mitgliedern des Vereins vorbehalten.",
        "Die Website des Senders wurde im Februar grundlegend umgestaltet.",
        "Die Eröffnung der neuen Brücke ist am 31. Oktober 2018.",
        "Der Kanton gliedert sich in elf Bezirke, die folgende Aufgaben haben:", NULL};
    check(KURZ__LANG_DE, de, NULL, de_body);

    static const char fr[] =
        "Il y a deux ans, la ville avait déjà voté un plan similaire. "
        "Par ailleurs, le maire a annoncé une hausse des effectifs de police. "
        "Ces logiciels peuvent être installés sans votre consentement via des cookies. "
        "Sur les réseaux sociaux, les images sont impressionnantes. "
        "Le ministre a répondu aux questions des députés pendant deux heures. "
        "Il y a 3 ans, le club avait remporté son premier titre national.\n";
    static const char *const fr_body[] = {
        "Il y a deux ans, la ville avait déjà voté un plan similaire.",
        "Par ailleurs, le maire a annoncé une hausse des effectifs de police.",
        "Ces logiciels peuvent être installés sans votre consentement via des cookies.",
        "Sur les réseaux sociaux, les images sont impressionnantes.",
        "Le ministre a répondu aux questions des députés pendant deux heures.",
        "Il y a 3 ans, le club avait remporté son premier titre national.", NULL};
    check(KURZ__LANG_FR, fr, NULL, fr_body);
}

static void keyword_table(void **state)
{
    (void)state;
    assert_int_equal(kurz__boiler_table_ok(), 1);
}

static void empty_and_odd_input(void **state)
{
    (void)state;
    marked r;
    mark(&r, KURZ__LANG_DE, "");
    assert_int_equal(r.d.sents.n, 0);
    unmark(&r);
    /* a unit made of separators, handles and marks only; a lone 4-byte emoji */
    static const char odd[] = "| > » @ # © …\n@\n#\n\xF0\x9F\x8E\x89\nA.\n";
    mark(&r, KURZ__LANG_FR, odd);
    for (size_t i = 0; i < r.d.sents.n; i++)
        assert_int_equal(r.ok[i], 0);
    unmark(&r);
}

/* ---- whole pages ------------------------------------------------------------------ */

/* The article bodies of tests/data/noisy_*.txt, paragraph by paragraph:
 * every unit inside them is a sentence, every other unit is noise. */
static const char *const body_de[] = {
    "Der Stadtrat hat nach monatelangem Streit 48 Kilometer neue Radwege beschlossen. Anwohner "
    "und Händler reagieren gespalten.",
    "Mit 31 zu 24 Stimmen hat der Stadtrat von Nordstadt am Montagabend den Ausbau des "
    "Radwegenetzes beschlossen. Bis 2030 sollen alle Stadtteile durch geschützte Radwege mit "
    "der Innenstadt verbunden werden. Die Stadt rechnet mit Kosten von rund 62 Millionen Euro, "
    "von denen das Land etwa die Hälfte übernehmen will.",
    "Oberbürgermeisterin Petra Lange sprach nach der Abstimmung von einem guten Tag für die "
    "Stadt. Der Beschluss mache das Radfahren sicherer und entlaste zugleich die Straßen im "
    "Zentrum, sagte sie.",
    "Kritik kommt vor allem vom Einzelhandel in der Altstadt. Dort sollen entlang der "
    "Hauptstraße etwa 300 Parkplätze wegfallen, um Platz für breite Radstreifen zu schaffen. "
    "Der Verband der Innenstadthändler befürchtet, dass Kunden aus dem Umland künftig lieber in "
    "die Einkaufszentren am Stadtrand fahren.",
    "Die Verwaltung hält dagegen, dass in der Altstadt schon heute mehr Menschen mit dem Rad als "
    "mit dem Auto unterwegs seien. Eine Zählung im vergangenen Sommer habe an Werktagen im "
    "Schnitt 9.400 Radfahrer auf der Hauptstraße ergeben. Zudem sollen zwei neue Parkhäuser am "
    "Rand der Altstadt die wegfallenden Stellplätze teilweise ersetzen.",
    "Der erste Abschnitt zwischen Hauptbahnhof und Universität soll bereits im kommenden "
    "Frühjahr gebaut werden. Für die Bauzeit kündigte die Stadt Umleitungen für den Busverkehr "
    "an. Die Opposition im Stadtrat will den Beschluss dennoch prüfen lassen und hat eine "
    "Anfrage an die Kommunalaufsicht gestellt.",
    NULL};

static const char *const body_fr[] = {
    "Le conseil municipal a voté lundi un plan de 40 millions d'euros. L'opposition dénonce un "
    "projet « précipité ».",
    "Le conseil municipal de Saint-Aubin a adopté lundi soir, par 29 voix contre 20, un vaste "
    "plan en faveur du vélo. D'ici à 2029, la commune prévoit de construire 55 kilomètres de "
    "pistes cyclables séparées de la circulation automobile. Le coût total est estimé à 40 "
    "millions d'euros, dont un tiers serait financé par la région.",
    "Pour le maire, Claire Dubois, il s'agit d'un « tournant » pour la ville. Selon elle, le plan "
    "doit permettre aux familles de traverser le centre en toute sécurité et de réduire les "
    "embouteillages aux heures de pointe.",
    "Les commerçants du centre historique se montrent pourtant inquiets. Près de 250 places de "
    "stationnement doivent disparaître le long du boulevard principal pour laisser place aux "
    "nouvelles pistes. L'association des commerçants craint que les clients des communes "
    "voisines ne se tournent vers les zones commerciales de la périphérie.",
    "La mairie assure de son côté que la fréquentation cycliste du centre a doublé en cinq ans. "
    "Un comptage réalisé l'été dernier a relevé en moyenne 7.800 passages de vélos par jour "
    "ouvré sur le boulevard. Deux parkings relais doivent par ailleurs ouvrir aux entrées de la "
    "ville pour compenser une partie des places supprimées.",
    "Les premiers travaux débuteront au printemps entre la gare et le campus universitaire. Des "
    "déviations seront mises en place pour les lignes de bus pendant toute la durée du chantier. "
    "L'opposition municipale a annoncé qu'elle saisirait le tribunal administratif pour "
    "contester le financement du projet.",
    NULL};

/* A gardening blog post with a WordPress comment form. */
static const char *const body_de_blog[] = {
    "Die meisten Gärtner behandeln Tomaten als einjährige Pflanzen und entsorgen sie im Herbst. "
    "Dabei lassen sich viele Sorten ohne großen Aufwand im Haus überwintern. Besonders gut "
    "eignen sich kleinfruchtige Sorten wie Cocktailtomaten, weil sie weniger Licht brauchen.",
    "Wichtig ist vor allem der richtige Zeitpunkt. Die Pflanzen sollten ins Haus geholt werden, "
    "bevor die Nächte kälter als zehn Grad werden. Schneiden Sie dabei alle kranken Blätter ab "
    "und kürzen Sie die Triebe auf etwa die Hälfte.",
    "Im Winter brauchen Tomaten einen hellen Platz mit gleichmäßiger Temperatur. Ein Südfenster "
    "in einem kühlen Raum ist ideal, ein beheizter Wintergarten noch besser. Gießen sollte man "
    "nur sparsam, denn nasse Erde fördert Pilzkrankheiten.",
    "Ab März können die Pflanzen wieder kräftiger gedüngt werden. Nach den Eisheiligen im Mai "
    "dürfen sie dann zurück ins Beet oder auf den Balkon. Oft tragen überwinterte Tomaten "
    "deutlich früher Früchte als frisch ausgesäte Pflanzen.",
    NULL};

/* A forum thread: the posts are the content. */
static const char *const body_fr_forum[] = {
    "Bonjour à tous, quelqu'un a-t-il déjà réussi à garder des tomates d'une année sur l'autre ?",
    "La plupart des jardiniers considèrent la tomate comme une plante annuelle et l'arrachent à "
    "l'automne. Pourtant, de nombreuses variétés peuvent passer l'hiver à l'intérieur sans "
    "grande difficulté. Les tomates cerises s'y prêtent particulièrement bien, car elles ont "
    "besoin de moins de lumière.",
    "Il faut rentrer les plants avant que les nuits ne descendent sous les dix degrés. On "
    "supprime alors les feuilles malades et on raccourcit les tiges de moitié environ. Pendant "
    "l'hiver, un endroit lumineux et frais convient le mieux, par exemple une véranda non "
    "chauffée. L'arrosage doit rester modéré, car une terre trop humide favorise les maladies.",
    "Au printemps, les plants repartent vite et donnent souvent leurs premiers fruits plusieurs "
    "semaines avant les semis de l'année.",
    NULL};

static char *read_data(const char *name, size_t *len)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", data_dir, name);
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("cannot open %s", path);
    char *buf = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (n + 4096 > cap) {
            cap = cap ? 2 * cap : 65536;
            buf = realloc(buf, cap);
            assert_non_null(buf);
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        if (got == 0)
            break;
        n += got;
    }
    fclose(f);
    *len = n;
    return buf;
}

/* Is text[s..e) a piece of one of the body paragraphs? */
static int in_body(const char *const *body, const char *text, size_t s, size_t e)
{
    size_t n = e - s;
    for (; *body; body++) {
        const char *p = *body;
        size_t pl = strlen(p);
        for (size_t k = 0; k + n <= pl; k++)
            if (memcmp(p + k, text + s, n) == 0)
                return 1;
    }
    return 0;
}

/* Every unit of the page is marked as what it is. */
static void whole_page(kurz__lang lang, const char *file, const char *const *body, size_t min_body,
                       size_t min_noise)
{
    size_t len;
    char *text = read_data(file, &len);
    marked r;
    mark_len(&r, lang, text, len);
    size_t nbody = 0, nnoise = 0, wrong = 0;
    for (size_t i = 0; i < r.d.sents.n; i++) {
        const kurz__sent *s = &r.d.sents.v[i];
        int want = in_body(body, text, s->start, s->end);
        nbody += want;
        nnoise += !want;
        if (r.ok[i] != want) {
            print_error("%s: \"%.*s\" is marked %s\n", file, (int)(s->end - s->start),
                        text + s->start, r.ok[i] ? "a sentence" : "noise");
            wrong++;
        }
    }
    assert_true(nbody >= min_body);
    assert_true(nnoise >= min_noise);
    assert_int_equal(wrong, 0);
    unmark(&r);
    free(text);
}

static void whole_page_de(void **state)
{
    (void)state;
    whole_page(KURZ__LANG_DE, "noisy_de.txt", body_de, 16, 35);
    whole_page(KURZ__LANG_DE, "noisy_de_blog.txt", body_de_blog, 12, 30);
}

static void whole_page_fr(void **state)
{
    (void)state;
    whole_page(KURZ__LANG_FR, "noisy_fr.txt", body_fr, 16, 35);
    whole_page(KURZ__LANG_FR, "noisy_fr_forum.txt", body_fr_forum, 9, 15);
}

/* Through the public API with the default options: the summary is made of
 * sentences of the article only. */
static void summary_of_page(const char *lang, const char *file, const char *const *body)
{
    size_t len;
    char *text = read_data(file, &len);
    kurz_summarizer *s = NULL;
    assert_int_equal(kurz_summarizer_new(&s, lang), KURZ_OK);
    kurz_summary *sum = NULL;
    assert_int_equal(kurz_summarize(&sum, s, text, len), KURZ_OK);
    size_t k = kurz_summary_count(sum);
    assert_int_equal(k, 3); /* the default budget */
    for (size_t i = 0; i < k; i++) {
        size_t st, en;
        assert_int_equal(kurz_summary_get(sum, i, NULL, &st, &en, NULL), KURZ_OK);
        if (!in_body(body, text, st, en))
            fail_msg("%s: the summary picked noise: \"%.*s\"", file, (int)(en - st), text + st);
        size_t words = 0;
        for (size_t j = st; j < en; j++)
            words += text[j] == ' ';
        assert_true(words >= 3);
    }
    /* without the filter the same page does pick noise: the test can tell */
    assert_int_equal(kurz_summarizer_set_option(s, KURZ_OPT_BOILERPLATE, 0), KURZ_OK);
    assert_int_equal(kurz_summarizer_set_option(s, KURZ_OPT_SENTENCES, 12), KURZ_OK);
    kurz_summary *raw = NULL;
    assert_int_equal(kurz_summarize(&raw, s, text, len), KURZ_OK);
    size_t noisy = 0;
    for (size_t i = 0; i < kurz_summary_count(raw); i++) {
        size_t st, en;
        assert_int_equal(kurz_summary_get(raw, i, NULL, &st, &en, NULL), KURZ_OK);
        noisy += !in_body(body, text, st, en);
    }
    assert_true(noisy > 0);
    kurz_summary_free(raw);
    kurz_summary_free(sum);
    kurz_summarizer_free(s);
    free(text);
}

static void summary_de(void **state)
{
    (void)state;
    summary_of_page("de", "noisy_de.txt", body_de);
    summary_of_page("de", "noisy_de_blog.txt", body_de_blog);
}

static void summary_fr(void **state)
{
    (void)state;
    summary_of_page("fr", "noisy_fr.txt", body_fr);
    summary_of_page("fr", "noisy_fr_forum.txt", body_fr_forum);
}

int main(int argc, char **argv)
{
    if (argc > 1)
        data_dir = argv[1];
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(keyword_table),
        cmocka_unit_test(navigation_and_share_de),
        cmocka_unit_test(navigation_and_share_fr),
        cmocka_unit_test(bylines_datelines_credits_de),
        cmocka_unit_test(bylines_datelines_credits_fr),
        cmocka_unit_test(author_box),
        cmocka_unit_test(teasers_de),
        cmocka_unit_test(teasers_fr),
        cmocka_unit_test(prompts_ads_footer_de),
        cmocka_unit_test(prompts_ads_footer_fr),
        cmocka_unit_test(comments_de),
        cmocka_unit_test(comments_fr),
        cmocka_unit_test(comment_header_needs_comments),
        cmocka_unit_test(comment_section_ends),
        cmocka_unit_test(web_shapes_and_short_units),
        cmocka_unit_test(clean_prose_stays),
        cmocka_unit_test(empty_and_odd_input),
        cmocka_unit_test(whole_page_de),
        cmocka_unit_test(whole_page_fr),
        cmocka_unit_test(summary_de),
        cmocka_unit_test(summary_fr),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
