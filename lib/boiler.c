/* Web-noise recognition: which units of a document are real sentences of
 * the body, and which are the rest of a pasted web page.
 *
 * One forward pass over the units. Each unit's bytes are scanned (scan())
 * into counts: words by letter case, separators (| > » › · •, spaced /,
 * tabs and wide gaps), links, @handles, #hashtags, emoji, ©, dates, clock
 * times and relative times ("vor 3 Stunden", "il y a 2 h", "3 hours ago"),
 * and the words of a small German, French and English keyword table
 * (kw_table) and phrase list (phrases). classify() turns the counts into a
 * reason; a unit is eligible when there is none:
 *   SHORT     fewer than MIN_WORDS words, or no content word
 *   HEADING   ends at a line break without final punctuation (headlines,
 *             subheads, list items, bylines, datelines, menus), unless it is
 *             a long line that reads like prose or a long clause ending in ":"
 *   NAV/UI    separated menu items; lines made mostly of interface words
 *             (Teilen, Facebook, WhatsApp, E-Mail, Impressum, Répondre)
 *   BYLINE, DATELINE, CREDIT, FOOTER, WEB
 *             "Von A B", "Publié le 12/03/2024 à 10h32", "Foto: dpa", "© AFP",
 *             "Alle Rechte vorbehalten", short units with links, handles, emoji
 *   TEASER    "Lesen Sie auch: ...", "À lire aussi : ..."
 *   PROMPT    cookie, newsletter, paywall, log-in and follow-us texts that
 *             address the reader (Sie/vous/you, wir/nous, imperatives)
 *   AUTHOR    "Anna Schmidt ist Redakteurin im Ressort Politik."
 * A little state adds context: the headline-like lines of a "Mehr zum
 * Thema" / "Sur le même sujet" block; ad copy after an "Anzeige" label; the
 * next sentences of an author box or a prompt; and a comment section after
 * its header ("Kommentare (12)", "Commentaires" confirmed by a comment signal
 * close after it), which lasts until CMT_GAP units pass without a signal
 * (timestamps, Antworten/Répondre, @names, name lines).
 * Every unit is scanned at most three times (a comment header reads a few
 * units ahead, once; leaving a comment section re-reads the units since its
 * last signal), so the pass is linear. No allocation: the keyword index
 * lives on the stack and ok[] holds reason codes until the end. */
#include <string.h>

#include <utf8proc.h>

#include "kurz-private.h"

/* ---- Keyword categories ------------------------------------------------ */
#define CAT(k) ((uint64_t)1 << (k))
enum {
    K_NAV = 0, /* navigation: Startseite, Accueil, Menü */
    K_SHARE = 1, /* share buttons: Teilen, Facebook, WhatsApp, E-Mail */
    K_FOOTER = 2, /* footer links: Impressum, Datenschutz, Mentions légales */
    K_CMTACT = 3, /* comment buttons: Antworten, Répondre, J'aime */
    K_CMTHDR = 4, /* comment section headers: Kommentare, Commentaires */
    K_CMTONE = 5, /* singular: a header only with a number or a verb */
    K_CMTVERB = 6, /* Kommentar schreiben, Ajouter un commentaire */
    K_TSHORT = 7, /* short time units: Minuten, heures, h */
    K_MONTH = 8,
    K_DATEKW = 9, /* Stand, aktualisiert, publié, mis à jour */
    K_FILL = 10, /* small words that may surround a date or join names */
    K_ROLE = 11, /* Redakteurin, journaliste */
    K_PROMPT = 12, /* web-only words: newsletter, javascript, adblocker, login */
    K_PROMPT2 = 13, /* web words that prose uses too: cookies, abonnieren, browser */
    K_CTA = 14, /* jetzt, hier klicken, cliquez, bitte, gratuit */
    K_SECOND = 15, /* vous, votre, you, dein */
    K_FORMAL = 16, /* Sie, Ihnen: the reader when capitalised mid-sentence */
    K_WE = 17, /* wir, nous, we */
    K_AD = 18, /* Anzeige, Publicité */
    K_BYLINE = 19, /* Von, Par, By */
    K_CREDIT = 20, /* Foto, Bild, Photo, Crédit */
    K_RIGHTS = 21, /* vorbehalten, réservés, reserved */
    K_RIGHTS1 = 22, /* Rechte, droits, rights */
    K_VOR = 23, /* vor 3 Stunden */
    K_IL = 24, /* il y a 2 heures */
    K_Y = 25,
    K_A = 26,
    K_ONE = 27, /* vor einer Stunde, il y a une heure */
    K_AGO = 28,
    K_UHR = 29, /* 14 Uhr, 14 h */
    K_IS = 30, /* Anna Schmidt ist Redakteurin */
    K_TLD = 31, /* example.de */
    K_COOKIE = 32, /* cookie, cookies */
    K_SITE = 33, /* Website, site, Beitrag: the page speaking of itself */
    K_SHAREIT = 34, /* teile, partagez, folgen: asking the reader to share or follow */
    K_IMPER = 35, /* abonnez, cliquez: French imperatives of web pages (first word or -vous) */
    K_THIS = 36, /* dieser, cet: before a C_SITE word, the page itself */
    K_PRON = 37, /* sie, er, il, elle: an author box goes on with them */
    K_NUM = 38, /* not in the table: a word of digits */
    K_PHRASE = 39, /* not in the table: first word of a phrase of phrases[] */
    K_COUNT
};
#define C_NAV CAT(K_NAV)
#define C_SHARE CAT(K_SHARE)
#define C_FOOTER CAT(K_FOOTER)
#define C_CMTACT CAT(K_CMTACT)
#define C_CMTHDR CAT(K_CMTHDR)
#define C_CMTONE CAT(K_CMTONE)
#define C_CMTVERB CAT(K_CMTVERB)
#define C_TSHORT CAT(K_TSHORT)
#define C_MONTH CAT(K_MONTH)
#define C_DATEKW CAT(K_DATEKW)
#define C_FILL CAT(K_FILL)
#define C_ROLE CAT(K_ROLE)
#define C_PROMPT CAT(K_PROMPT)
#define C_PROMPT2 CAT(K_PROMPT2)
#define C_CTA CAT(K_CTA)
#define C_SECOND CAT(K_SECOND)
#define C_FORMAL CAT(K_FORMAL)
#define C_WE CAT(K_WE)
#define C_AD CAT(K_AD)
#define C_BYLINE CAT(K_BYLINE)
#define C_CREDIT CAT(K_CREDIT)
#define C_RIGHTS CAT(K_RIGHTS)
#define C_RIGHTS1 CAT(K_RIGHTS1)
#define C_VOR CAT(K_VOR)
#define C_IL CAT(K_IL)
#define C_Y CAT(K_Y)
#define C_A CAT(K_A)
#define C_ONE CAT(K_ONE)
#define C_AGO CAT(K_AGO)
#define C_UHR CAT(K_UHR)
#define C_IS CAT(K_IS)
#define C_TLD CAT(K_TLD)
#define C_COOKIE CAT(K_COOKIE)
#define C_SITE CAT(K_SITE)
#define C_SHAREIT CAT(K_SHAREIT)
#define C_IMPER CAT(K_IMPER)
#define C_THIS CAT(K_THIS)
#define C_PRON CAT(K_PRON)
#define C_NUM CAT(K_NUM)
#define C_PHRASE CAT(K_PHRASE)

/* Interface words: a unit made mostly of them is a menu or a button row. */
#define C_UI (C_NAV | C_SHARE | C_FOOTER | C_CMTACT | C_AD)

typedef struct kw {
    const char *w; /* lower case, NFC */
    uint64_t cats;
} kw;

#define HEADW 8  /* first words kept for the phrases */
#define WMAX 32  /* longest word looked up, in bytes */

/* Lower case, NFC, at most WMAX - 1 bytes, each word once (test-boiler
 * checks); kept in byte order for the reader. */
static const kw kw_table[] = {
    {"a", C_A | C_ONE},
    {"ab", C_FILL},
    {"abgeben", C_CMTVERB},
    {"abo", C_FOOTER | C_PROMPT2},
    {"abonnement", C_FOOTER},
    {"abonnent", C_PROMPT2},
    {"abonnenten", C_PROMPT2},
    {"abonnentinnen", C_PROMPT2},
    {"abonner", C_PROMPT2},
    {"abonnez", C_IMPER | C_PROMPT2},
    {"abonniere", C_PROMPT2},
    {"abonnieren", C_PROMPT2},
    {"abonné", C_PROMPT2},
    {"abonnée", C_PROMPT2},
    {"abonnés", C_PROMPT2},
    {"accueil", C_NAV},
    {"adblock", C_PROMPT},
    {"adblocker", C_PROMPT},
    {"add", C_CMTVERB},
    {"advertisement", C_AD},
    {"agb", C_FOOTER},
    {"ago", C_AGO},
    {"aide", C_FOOTER},
    {"aime", C_CMTACT},
    {"ajouter", C_CMTVERB},
    {"aktualisiert", C_DATEKW},
    {"am", C_FILL},
    {"an", C_ONE},
    {"and", C_FILL},
    {"angebot", C_CTA},
    {"anmelden", C_PROMPT2},
    {"annonce", C_AD},
    {"antwort", C_CMTACT},
    {"antworten", C_CMTACT},
    {"anzeige", C_AD},
    {"août", C_MONTH},
    {"apr", C_MONTH},
    {"april", C_MONTH},
    {"arbeitet", C_IS},
    {"article", C_SITE},
    {"artikel", C_SITE},
    {"at", C_FILL | C_TLD},
    {"au", C_FILL},
    {"aug", C_MONTH},
    {"august", C_MONTH},
    {"aujourd", C_FILL},
    {"auteur", C_BYLINE},
    {"author", C_BYLINE},
    {"autor", C_ROLE | C_BYLINE},
    {"autorin", C_ROLE},
    {"avr", C_MONTH},
    {"avril", C_MONTH},
    {"barrierefreiheit", C_FOOTER},
    {"be", C_TLD},
    {"beitrag", C_SITE},
    {"benachrichtigungen", C_PROMPT2},
    {"bestellen", C_CTA},
    {"bild", C_CREDIT},
    {"bilder", C_CREDIT},
    {"bildquelle", C_CREDIT},
    {"bitte", C_CTA},
    {"blog", C_SITE},
    {"bloqueur", C_PROMPT2},
    {"bluesky", C_SHARE},
    {"browser", C_PROMPT2},
    {"by", C_BYLINE},
    {"ce", C_THIS},
    {"cet", C_THIS},
    {"cette", C_THIS},
    {"cgu", C_FOOTER},
    {"cgv", C_FOOTER},
    {"ch", C_TLD},
    {"chefredakteur", C_ROLE},
    {"chefredakteurin", C_ROLE},
    {"chroniqueur", C_ROLE},
    {"chroniqueuse", C_ROLE},
    {"citer", C_CMTACT},
    {"click", C_CTA},
    {"cliquant", C_CTA},
    {"cliquez", C_IMPER | C_CTA},
    {"columnist", C_ROLE},
    {"com", C_TLD},
    {"commandez", C_CTA},
    {"comment", C_CMTONE},
    {"commentaire", C_CMTONE},
    {"commentaires", C_CMTHDR},
    {"comments", C_CMTHDR},
    {"confidentialité", C_FOOTER},
    {"connectez", C_IMPER | C_PROMPT2},
    {"consent", C_PROMPT2},
    {"consentement", C_PROMPT2},
    {"contact", C_FOOTER},
    {"contactez", C_FOOTER},
    {"cookie", C_FOOTER | C_COOKIE | C_PROMPT2},
    {"cookies", C_FOOTER | C_COOKIE | C_PROMPT2},
    {"copier", C_SHARE},
    {"correspondant", C_ROLE},
    {"correspondante", C_ROLE},
    {"correspondent", C_ROLE},
    {"credit", C_CREDIT},
    {"crédit", C_CREDIT},
    {"crédits", C_CREDIT},
    {"datenschutz", C_FOOTER},
    {"datenschutzeinstellungen", C_PROMPT},
    {"datenschutzerklärung", C_FOOTER},
    {"day", C_TSHORT},
    {"days", C_TSHORT},
    {"de", C_FILL | C_TLD},
    {"dec", C_MONTH},
    {"december", C_MONTH},
    {"dein", C_SECOND},
    {"deine", C_SECOND},
    {"deinem", C_SECOND},
    {"deinen", C_SECOND},
    {"deiner", C_SECOND},
    {"deines", C_SECOND},
    {"den", C_FILL},
    {"depuis", C_FILL},
    {"der", C_FILL},
    {"dez", C_MONTH},
    {"dezember", C_MONTH},
    {"dich", C_SECOND},
    {"diese", C_THIS},
    {"diesem", C_THIS},
    {"diesen", C_THIS},
    {"dieser", C_THIS},
    {"dieses", C_THIS},
    {"dir", C_SECOND},
    {"discussion", C_CMTHDR},
    {"diskussion", C_CMTHDR},
    {"droits", C_RIGHTS1},
    {"drucken", C_SHARE},
    {"du", C_FILL},
    {"déc", C_MONTH},
    {"décembre", C_MONTH},
    {"découvrez", C_IMPER | C_CTA},
    {"e", C_SHARE},
    {"editor", C_ROLE},
    {"einem", C_ONE},
    {"einer", C_ONE},
    {"einloggen", C_PROMPT},
    {"einwilligung", C_PROMPT2},
    {"elle", C_PRON},
    {"email", C_SHARE},
    {"empfehlen", C_CMTACT},
    {"en", C_FILL},
    {"entdecken", C_CTA},
    {"envoyer", C_SHARE},
    {"er", C_PRON},
    {"erstellt", C_DATEKW},
    {"essayez", C_CTA},
    {"est", C_IS},
    {"et", C_FILL},
    {"eu", C_TLD},
    {"euch", C_SECOND},
    {"euer", C_SECOND},
    {"eure", C_SECOND},
    {"facebook", C_SHARE},
    {"faq", C_FOOTER},
    {"feb", C_MONTH},
    {"februar", C_MONTH},
    {"february", C_MONTH},
    {"flipboard", C_SHARE},
    {"folgen", C_SHAREIT},
    {"folgt", C_SHAREIT},
    {"follow", C_SHAREIT},
    {"foto", C_CREDIT},
    {"fotograf", C_CREDIT},
    {"fotos", C_CREDIT},
    {"fr", C_TLD},
    {"free", C_CTA},
    {"févr", C_MONTH},
    {"février", C_MONTH},
    {"gefällt", C_CMTACT},
    {"gemerkt", C_SHARE},
    {"gestern", C_FILL},
    {"geändert", C_DATEKW},
    {"grafik", C_CREDIT},
    {"gratis", C_CTA},
    {"gratuit", C_CTA},
    {"gratuitement", C_CTA},
    {"h", C_TSHORT | C_UHR},
    {"he", C_PRON},
    {"here", C_CTA},
    {"heure", C_TSHORT},
    {"heures", C_TSHORT},
    {"heute", C_FILL},
    {"hier", C_FILL | C_CTA},
    {"hilfe", C_FOOTER},
    {"home", C_NAV},
    {"homepage", C_SITE},
    {"hour", C_TSHORT},
    {"hours", C_TSHORT},
    {"hr", C_TSHORT},
    {"hrs", C_TSHORT},
    {"hui", C_FILL},
    {"ici", C_CTA},
    {"ihnen", C_FORMAL},
    {"ihr", C_FORMAL},
    {"ihre", C_FORMAL},
    {"ihrem", C_FORMAL},
    {"ihren", C_FORMAL},
    {"ihrer", C_FORMAL},
    {"ihres", C_FORMAL},
    {"il", C_PRON | C_IL},
    {"illustration", C_CREDIT},
    {"image", C_CREDIT},
    {"images", C_CREDIT},
    {"impressum", C_FOOTER},
    {"imprimer", C_SHARE},
    {"info", C_TLD},
    {"infographie", C_CREDIT},
    {"inscrivez", C_IMPER | C_PROMPT2},
    {"instagram", C_SHARE},
    {"internetseite", C_SITE},
    {"io", C_TLD},
    {"is", C_IS},
    {"ist", C_IS},
    {"j", C_TSHORT},
    {"jan", C_MONTH},
    {"januar", C_MONTH},
    {"january", C_MONTH},
    {"janv", C_MONTH},
    {"janvier", C_MONTH},
    {"javascript", C_PROMPT},
    {"jetzt", C_CTA},
    {"jobs", C_FOOTER},
    {"jour", C_TSHORT | C_DATEKW},
    {"journalist", C_ROLE},
    {"journaliste", C_ROLE},
    {"journalistin", C_ROLE},
    {"jours", C_TSHORT},
    {"juil", C_MONTH},
    {"juillet", C_MONTH},
    {"juin", C_MONTH},
    {"jul", C_MONTH},
    {"juli", C_MONTH},
    {"july", C_MONTH},
    {"jun", C_MONTH},
    {"june", C_MONTH},
    {"juni", C_MONTH},
    {"jänner", C_MONTH},
    {"karriere", C_FOOTER},
    {"klick", C_CTA},
    {"klicken", C_CTA},
    {"kolumnist", C_ROLE},
    {"kolumnistin", C_ROLE},
    {"kommentar", C_CMTONE},
    {"kommentare", C_CMTHDR},
    {"kommentieren", C_CMTHDR},
    {"kontakt", C_FOOTER},
    {"kopieren", C_SHARE},
    {"korrespondent", C_ROLE},
    {"korrespondentin", C_ROLE},
    {"kostenlos", C_CTA},
    {"la", C_FILL},
    {"laisser", C_CMTVERB},
    {"le", C_FILL},
    {"leave", C_CMTVERB},
    {"leserbriefe", C_CMTHDR},
    {"leserdebatte", C_CMTHDR},
    {"leserkommentare", C_CMTHDR},
    {"lien", C_SHARE},
    {"like", C_CMTACT},
    {"likes", C_CMTACT},
    {"link", C_SHARE},
    {"linkedin", C_SHARE},
    {"login", C_PROMPT},
    {"lu", C_TLD},
    {"ly", C_TLD},
    {"légales", C_FOOTER},
    {"mai", C_MONTH},
    {"mail", C_SHARE},
    {"march", C_MONTH},
    {"mars", C_MONTH},
    {"mastodon", C_SHARE},
    {"may", C_MONTH},
    {"mediadaten", C_FOOTER},
    {"melden", C_CMTACT},
    {"mentions", C_FOOTER},
    {"menu", C_NAV},
    {"menü", C_NAV},
    {"merken", C_SHARE},
    {"messenger", C_SHARE},
    {"min", C_TSHORT},
    {"mins", C_TSHORT},
    {"minute", C_TSHORT},
    {"minuten", C_TSHORT},
    {"minutes", C_TSHORT},
    {"mis", C_DATEKW},
    {"modifié", C_DATEKW},
    {"modifiée", C_DATEKW},
    {"mär", C_MONTH},
    {"märz", C_MONTH},
    {"navigateur", C_PROMPT2},
    {"navigation", C_NAV},
    {"net", C_TLD},
    {"newsletter", C_FOOTER | C_PROMPT},
    {"newsletters", C_PROMPT},
    {"nos", C_WE},
    {"notifications", C_PROMPT2},
    {"notre", C_WE},
    {"nous", C_WE},
    {"nov", C_MONTH},
    {"november", C_MONTH},
    {"novembre", C_MONTH},
    {"nutzungsbedingungen", C_FOOTER},
    {"oct", C_MONTH},
    {"october", C_MONTH},
    {"octobre", C_MONTH},
    {"of", C_FILL},
    {"offre", C_CTA},
    {"okt", C_MONTH},
    {"oktober", C_MONTH},
    {"on", C_FILL},
    {"one", C_ONE},
    {"org", C_TLD},
    {"our", C_WE},
    {"par", C_BYLINE},
    {"partager", C_SHARE},
    {"partagez", C_SHARE | C_SHAREIT},
    {"photo", C_CREDIT},
    {"photos", C_CREDIT},
    {"pigiste", C_ROLE},
    {"pinterest", C_SHARE},
    {"please", C_CTA},
    {"post", C_CMTVERB},
    {"posted", C_DATEKW},
    {"poster", C_CMTVERB},
    {"print", C_SHARE},
    {"privacy", C_FOOTER | C_PROMPT2},
    {"profitez", C_IMPER | C_CTA},
    {"promo", C_CTA},
    {"promotion", C_AD},
    {"pub", C_AD},
    {"publicité", C_FOOTER | C_AD},
    {"published", C_DATEKW},
    {"publié", C_DATEKW},
    {"publiée", C_DATEKW},
    {"push", C_PROMPT2},
    {"quelle", C_CREDIT},
    {"rabatt", C_CTA},
    {"rechte", C_RIGHTS1},
    {"redakteur", C_ROLE},
    {"redakteurin", C_ROLE},
    {"redaktionsleiter", C_ROLE},
    {"redaktionsleiterin", C_ROLE},
    {"reddit", C_SHARE},
    {"registrieren", C_PROMPT2},
    {"rejoignez", C_IMPER},
    {"replies", C_CMTACT},
    {"reply", C_CMTACT},
    {"report", C_CMTACT},
    {"reporter", C_ROLE},
    {"reporterin", C_ROLE},
    {"reserved", C_RIGHTS},
    {"ressortleiter", C_ROLE},
    {"ressortleiterin", C_ROLE},
    {"ressorts", C_NAV},
    {"retour", C_NAV},
    {"retrouvez", C_IMPER},
    {"rights", C_RIGHTS1},
    {"rss", C_FOOTER},
    {"rubriken", C_NAV},
    {"réactions", C_CMTHDR},
    {"réagir", C_CMTHDR},
    {"rédacteur", C_ROLE},
    {"rédactrice", C_ROLE},
    {"répondre", C_CMTACT},
    {"répondu", C_CMTACT},
    {"réservés", C_RIGHTS},
    {"schreiben", C_CMTVERB},
    {"schreibt", C_IS},
    {"second", C_TSHORT},
    {"seconde", C_TSHORT},
    {"secondes", C_TSHORT},
    {"seconds", C_TSHORT},
    {"seit", C_FILL},
    {"sek", C_TSHORT},
    {"sekunde", C_TSHORT},
    {"sekunden", C_TSHORT},
    {"semaine", C_TSHORT},
    {"semaines", C_TSHORT},
    {"sep", C_MONTH},
    {"sept", C_MONTH},
    {"september", C_MONTH},
    {"septembre", C_MONTH},
    {"share", C_SHARE | C_SHAREIT},
    {"she", C_PRON},
    {"sie", C_PRON | C_FORMAL},
    {"signaler", C_CMTACT},
    {"site", C_SITE},
    {"sitemap", C_NAV},
    {"sms", C_SHARE},
    {"sommaire", C_NAV},
    {"source", C_CREDIT},
    {"sparen", C_CTA},
    {"sponsored", C_AD},
    {"sponsorisé", C_AD},
    {"stand", C_DATEKW},
    {"startseite", C_NAV},
    {"std", C_TSHORT},
    {"stunde", C_TSHORT},
    {"stunden", C_TSHORT},
    {"subscribe", C_PROMPT2},
    {"subscribers", C_PROMPT2},
    {"suche", C_NAV},
    {"suivez", C_SHAREIT},
    {"ta", C_SECOND},
    {"tag", C_TSHORT},
    {"tage", C_TSHORT},
    {"tagen", C_TSHORT},
    {"teile", C_SHARE | C_SHAREIT},
    {"teilen", C_SHARE | C_SHAREIT},
    {"teilt", C_SHARE | C_SHAREIT},
    {"telegram", C_SHARE},
    {"terms", C_FOOTER},
    {"tes", C_SECOND},
    {"testen", C_CTA},
    {"text", C_BYLINE},
    {"texte", C_BYLINE},
    {"the", C_FILL},
    {"this", C_THIS},
    {"threema", C_SHARE},
    {"tiktok", C_SHARE},
    {"today", C_FILL},
    {"toi", C_SECOND},
    {"ton", C_SECOND},
    {"tracking", C_PROMPT2},
    {"travaille", C_IS},
    {"tu", C_SECOND},
    {"tv", C_TLD},
    {"tweet", C_SHARE},
    {"tweeten", C_SHARE},
    {"tweeter", C_SHARE},
    {"twitter", C_SHARE},
    {"téléchargez", C_IMPER},
    {"uhr", C_DATEKW | C_UHR},
    {"uk", C_TLD},
    {"um", C_FILL},
    {"un", C_ONE},
    {"und", C_FILL},
    {"une", C_ONE},
    {"uns", C_WE},
    {"unser", C_WE},
    {"unsere", C_WE},
    {"unserem", C_WE},
    {"unseren", C_WE},
    {"unserer", C_WE},
    {"updated", C_DATEKW},
    {"us", C_WE},
    {"verfassen", C_CMTVERB},
    {"veröffentlicht", C_DATEKW},
    {"veuillez", C_CTA},
    {"volontär", C_ROLE},
    {"volontärin", C_ROLE},
    {"von", C_BYLINE},
    {"vor", C_VOR},
    {"vorbehalten", C_RIGHTS},
    {"vos", C_SECOND},
    {"votre", C_SECOND},
    {"vous", C_SECOND},
    {"we", C_WE},
    {"webangebot", C_SITE},
    {"webseite", C_SITE},
    {"website", C_SITE},
    {"week", C_TSHORT},
    {"weeks", C_TSHORT},
    {"weiterleiten", C_SHARE},
    {"werbeblocker", C_PROMPT},
    {"werbung", C_FOOTER | C_AD},
    {"whatsapp", C_SHARE},
    {"wir", C_WE},
    {"woche", C_TSHORT},
    {"wochen", C_TSHORT},
    {"works", C_IS},
    {"write", C_CMTVERB},
    {"writer", C_ROLE},
    {"writes", C_IS},
    {"xing", C_SHARE},
    {"y", C_Y},
    {"yesterday", C_FILL},
    {"you", C_SECOND},
    {"your", C_SECOND},
    {"youtube", C_SHARE},
    {"zitieren", C_CMTACT},
    {"zurück", C_NAV},
    {"à", C_FILL},
    {"écrire", C_CMTVERB},
    {"écrit", C_IS},
    {"éditorialiste", C_ROLE},
    {"übersicht", C_NAV},
};

#define NKW (sizeof kw_table / sizeof kw_table[0])

/* ---- Phrases at the start of a unit -------------------------------------- */
enum { P_TEASER = 1, P_UPDATE, P_COMMENT };

typedef struct phrase {
    const char *p; /* lower-case words joined by one space */
    int kind;
} phrase;

static const phrase phrases[] = {
    /* related articles */
    {"mehr zum thema", P_TEASER},
    {"mehr zu diesem thema", P_TEASER},
    {"lesen sie auch", P_TEASER},
    {"lesen sie mehr", P_TEASER},
    {"lesen sie hier", P_TEASER},
    {"auch interessant", P_TEASER},
    {"das könnte sie auch interessieren", P_TEASER},
    {"das könnte sie interessieren", P_TEASER},
    {"das könnte dich auch interessieren", P_TEASER},
    {"weitere artikel", P_TEASER},
    {"ähnliche artikel", P_TEASER},
    {"verwandte artikel", P_TEASER},
    {"weitere nachrichten", P_TEASER},
    {"meistgelesen", P_TEASER},
    {"meistgelesene artikel", P_TEASER},
    {"unsere empfehlungen", P_TEASER},
    {"empfehlungen der redaktion", P_TEASER},
    {"passend zum thema", P_TEASER},
    {"mehr aus dem ressort", P_TEASER},
    {"siehe auch", P_TEASER},
    {"à lire aussi", P_TEASER},
    {"a lire aussi", P_TEASER},
    {"lire aussi", P_TEASER},
    {"à lire également", P_TEASER},
    {"lire également", P_TEASER},
    {"à voir aussi", P_TEASER},
    {"voir aussi", P_TEASER},
    {"sur le même sujet", P_TEASER},
    {"sur le même thème", P_TEASER},
    {"dans la même rubrique", P_TEASER},
    {"les plus lus", P_TEASER},
    {"les plus partagés", P_TEASER},
    {"articles similaires", P_TEASER},
    {"articles liés", P_TEASER},
    {"vous aimerez aussi", P_TEASER},
    {"vous aimerez peut être aussi", P_TEASER},
    {"nos articles", P_TEASER},
    {"à découvrir", P_TEASER},
    {"à découvrir aussi", P_TEASER},
    {"read more", P_TEASER},
    {"related articles", P_TEASER},
    {"related stories", P_TEASER},
    {"see also", P_TEASER},
    {"more on this", P_TEASER},
    {"you may also like", P_TEASER},
    {"most read", P_TEASER},
    /* datelines that name what they are */
    {"stand", P_UPDATE},
    {"aktualisiert", P_UPDATE},
    {"zuletzt aktualisiert", P_UPDATE},
    {"veröffentlicht", P_UPDATE},
    {"erstellt", P_UPDATE},
    {"erschienen", P_UPDATE},
    {"publié", P_UPDATE},
    {"publiée", P_UPDATE},
    {"publié le", P_UPDATE},
    {"mis à jour", P_UPDATE},
    {"modifié", P_UPDATE},
    {"modifié le", P_UPDATE},
    {"updated", P_UPDATE},
    {"published", P_UPDATE},
    {"posted", P_UPDATE},
    {"last updated", P_UPDATE},
    /* comment section headers */
    {"kommentar schreiben", P_COMMENT},
    {"alle kommentare", P_COMMENT},
    {"ajouter un commentaire", P_COMMENT},
    {"laisser un commentaire", P_COMMENT},
    {"voir les commentaires", P_COMMENT},
    {"leave a comment", P_COMMENT},
};

#define NPHRASES (sizeof phrases / sizeof phrases[0])

/* ---- Keyword index -----------------------------------------------------------
 * An open-addressing hash set over kw_table and the first words of phrases[],
 * built once per summarizer (kurz__kw_init): no global state. */
#define KW_SLOTS KURZ__KW_SLOTS
_Static_assert(KW_SLOTS >= 2 * (NKW + NPHRASES), "KW_SLOTS too small");
typedef kurz__kwindex kwindex;

/* Eight bytes at a time: this runs for every word of every unit. w must be
 * followed by zero bytes up to the next multiple of 8 (scan's word buffer
 * is; kurz__kw_init copies the keywords into one that is). */
static uint32_t kw_hash(const char *w, size_t n)
{
    uint64_t h = 0x9e3779b97f4a7c15ull * (n + 1);
    for (size_t i = 0; i < n; i += 8) {
        uint64_t x;
        memcpy(&x, w + i, 8);
        h = (h ^ x) * 0xff51afd7ed558ccdull;
        h ^= h >> 29;
    }
    return (uint32_t)(h ^ (h >> 32));
}

static const char *entry_word(size_t k, size_t *n)
{
    const char *w = k < NKW ? kw_table[k].w : phrases[k - NKW].p;
    *n = k < NKW ? strlen(w) : strcspn(w, " ");
    return w;
}

/* The slot holding w[0..n) (zero-padded as kw_hash wants), or the empty slot
 * where it would go. */
static size_t kw_slot(const kwindex *ix, const char *w, size_t n)
{
    size_t j = kw_hash(w, n) & (KW_SLOTS - 1);
    for (;;) {
        if (!ix->slot[j])
            return j;
        if (ix->len[j] == n) {
            size_t k = ix->slot[j] - 1u;
            const char *e = k < NKW ? kw_table[k].w : phrases[k - NKW].p;
            if (memcmp(e, w, n) == 0)
                return j;
        }
        j = (j + 1) & (KW_SLOTS - 1);
    }
}

/* The first two bytes of w[0..n) (n >= 1), as an index into first2's bits. */
static unsigned first2_of(const char *w, size_t n)
{
    return (unsigned)(uint8_t)w[0] << 8 | (n > 1 ? (uint8_t)w[1] : 0u);
}

void kurz__kw_init(kwindex *ix)
{
    memset(ix, 0, sizeof *ix);
    for (size_t k = 0; k < NKW + NPHRASES; k++) {
        size_t n;
        const char *w0 = entry_word(k, &n);
        if (n >= WMAX) /* never: test-boiler checks the table; scan's words are shorter */
            continue;
        char w[WMAX + 8] = {0};
        memcpy(w, w0, n);
        unsigned f = first2_of(w, n);
        ix->first2[f >> 6] |= (uint64_t)1 << (f & 63);
        size_t j = kw_slot(ix, w, n);
        if (!ix->slot[j]) {
            ix->slot[j] = (uint16_t)(k + 1);
            ix->len[j] = (uint8_t)n;
        }
        if (k >= NKW)
            ix->phrase[j] = 1;
    }
}

/* Categories of the lower-case word w[0..n). */
static uint64_t kw_get(const kwindex *ix, const char *w, size_t n)
{
    if (n == 0)
        return 0;
    /* most words start like no keyword: one bit says so, without hashing */
    unsigned f = first2_of(w, n);
    if (!(ix->first2[f >> 6] >> (f & 63) & 1))
        return 0;
    size_t j = kw_slot(ix, w, n);
    if (!ix->slot[j])
        return 0;
    size_t k = ix->slot[j] - 1u;
    return (k < NKW ? kw_table[k].cats : 0) | (ix->phrase[j] ? C_PHRASE : 0);
}

/* Test hook (not in kurz-private.h): 1 when every keyword is lower case,
 * short enough, listed once, and found with its categories, and every
 * phrase fits in the words a unit keeps. */
/* kw_get on a word that is not zero-padded (n < WMAX). */
static uint64_t kw_get_copy(const kwindex *ix, const char *w, size_t n)
{
    char pad[WMAX + 8] = {0};
    memcpy(pad, w, n);
    return kw_get(ix, pad, n);
}

int kurz__boiler_table_ok(void);
int kurz__boiler_table_ok(void)
{
    kwindex ix;
    kurz__kw_init(&ix);
    for (size_t k = 0; k < NKW; k++) {
        const char *w = kw_table[k].w;
        size_t n = strlen(w);
        if (n == 0 || n >= WMAX)
            return 0;
        for (size_t i = 0; i < n; i++)
            if (w[i] >= 'A' && w[i] <= 'Z')
                return 0;
        for (size_t j = 0; j < k; j++)
            if (!strcmp(kw_table[j].w, w))
                return 0;
        if ((kw_get_copy(&ix, w, n) & ~C_PHRASE) != kw_table[k].cats)
            return 0;
    }
    for (size_t p = 0; p < NPHRASES; p++) {
        const char *s = phrases[p].p;
        size_t words = 1, wl = 0;
        for (; *s; s++) {
            if (*s == ' ') {
                words++;
                wl = 0;
            } else if (++wl >= WMAX || (*s >= 'A' && *s <= 'Z')) {
                return 0;
            }
        }
        size_t n;
        const char *w = entry_word(NKW + p, &n);
        if (words >= HEADW || n >= WMAX || !(kw_get_copy(&ix, w, n) & C_PHRASE))
            return 0;
    }
    return 1;
}

/* ---- What one scan of a unit finds --------------------------------------- */

typedef struct unit {
    uint32_t nw, nc;   /* words and content words, from the document */
    uint32_t words;    /* words of the scan (same rule as nw) */
    uint32_t caps;     /* words starting with a capital */
    uint32_t lower;    /* words starting with a small letter */
    uint32_t plain;    /* small-letter words that are no date or filler words */
    uint32_t nums;     /* words of digits */
    uint32_t ui;       /* interface words (C_UI) */
    uint32_t cmtact, prompt, prompt2, cookie, site, cta, second, we;
    uint32_t fill_lower; /* small-letter words of C_FILL (und, et, le) */
    uint32_t seps;     /* | and spaced > / » › · • →, tabs and wide gaps between words */
    uint32_t links;    /* http, www, e-mail addresses */
    uint32_t domains;  /* example.de */
    uint32_t handles, emoji, copyright, promo_chars;
    int rights;        /* Alle Rechte vorbehalten */
    uint32_t shareit;  /* C_SHAREIT words */
    uint32_t imper;    /* C_IMPER words in the place of an imperative */
    int follow_us;     /* Suivez-nous, folgt uns */
    int this_site;     /* dieser Artikel, ce site */
    uint64_t cats;     /* union of the categories of all words */
    uint32_t is_at;    /* 1 + index of the first C_IS word, 0 if none */
    uint32_t caps_before_is; /* capitalised words before it */
    int role_after_is; /* the word after it (or after seit 2015) is a C_ROLE word */
    int term;          /* ends with . ! ? … */
    int colon;         /* ends with : */
    int excl;          /* ends with ! */
    int quest;         /* ends with ? */
    int line_start, line_end;
    int has_time, has_date, reltime;
    size_t nhead;
    char head[HEADW][WMAX];
    uint64_t hcat[HEADW];
    uint8_t hupper[HEADW];
    size_t hend[HEADW]; /* byte offset after the word */
} unit;

static int ascii_word(uint8_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/* Decodes the code point at t[i..e) into *cp; returns its length. */
static size_t next_cp(const uint8_t *t, size_t i, size_t e, int32_t *cp)
{
    if (t[i] < 0x80) {
        *cp = t[i];
        return 1;
    }
    return kurz__utf8_decode(t + i, e - i, cp);
}

static int is_word_cp(int32_t cp)
{
    return cp < 0x80 ? ascii_word((uint8_t)cp) : kurz__is_word_cp(cp);
}

/* ASCII that scan() treats as nothing but "not a word": most punctuation
 * and single spaces take a shortcut past the tests for separators,
 * handles, links and prices. */
static int plain_mark(uint8_t c)
{
    return c < 0x80 && !ascii_word(c) && c != '\t' && c != ' ' && c != '|' && c != '>' &&
           c != '/' && c != '@' && c != '#' && c != '%' && c != '$';
}

static int is_space_cp(int32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == 0xA0 || cp == 0x202F || cp == 0x2009 ||
           cp == 0x2007 || cp == 0x200B;
}

static int is_digit(uint8_t c)
{
    return c >= '0' && c <= '9';
}

/* Code point before offset i (> lo) and where it starts. */
static int32_t cp_before(const uint8_t *t, size_t lo, size_t i, size_t *at)
{
    size_t j = i - 1;
    while (j > lo && (t[j] & 0xC0) == 0x80)
        j--;
    int32_t cp;
    kurz__utf8_decode(t + j, i - j, &cp);
    *at = j;
    return cp;
}

/* May stand before a @handle or a #hashtag. */
static int opens(int32_t cp)
{
    return is_space_cp(cp) || cp == '(' || cp == '"' || cp == 0xAB || cp == 0x201C ||
           cp == 0x201E || cp == '\'';
}

static int emoji_cp(int32_t cp)
{
    return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) ||
           cp == 0x2B50 || cp == 0x2B55 || cp == 0xFE0F;
}

/* A digit run of 1-2 at t[i..) followed by sep, 1-2 digits, sep, a digit:
 * 12.03.2024, 3/4/24. */
static int date_at(const uint8_t *t, size_t i, size_t e)
{
    size_t k = i, n = 0;
    while (k < e && is_digit(t[k]) && n < 3)
        k++, n++;
    if (n == 0 || n > 2 || k >= e || (t[k] != '.' && t[k] != '/'))
        return 0;
    uint8_t sep = t[k++];
    n = 0;
    while (k < e && is_digit(t[k]) && n < 3)
        k++, n++;
    return n >= 1 && n <= 2 && k + 1 < e && t[k] == sep && is_digit(t[k + 1]);
}

/* 14:05 at t[i..): 1-2 digits, ':', 2 digits. */
static int clock_at(const uint8_t *t, size_t i, size_t e)
{
    size_t k = i, n = 0;
    while (k < e && is_digit(t[k]) && n < 3)
        k++, n++;
    return n >= 1 && n <= 2 && k + 2 < e && t[k] == ':' && is_digit(t[k + 1]) &&
           is_digit(t[k + 2]) && (k + 3 >= e || !is_digit(t[k + 3]));
}

/* -vous or -nous at t[i..e): a French imperative (Abonnez-vous). */
static int hyphen_pronoun(const uint8_t *t, size_t i, size_t e)
{
    if (i + 5 > e || t[i] != '-')
        return 0;
    uint8_t c = (uint8_t)(t[i + 1] | 0x20);
    return (c == 'v' || c == 'n') && (t[i + 2] | 0x20) == 'o' && (t[i + 3] | 0x20) == 'u' &&
           (t[i + 4] | 0x20) == 's';
}

/* A #hashtag, not an anonymisation placeholder like #NAME#: the word after
 * t[i] = '#' is not closed by another '#'. */
static int hashtag_at(const uint8_t *t, size_t i, size_t e)
{
    size_t k = i + 1;
    while (k < e && (t[k] >= 0x80 || ascii_word(t[k])))
        k++;
    return k >= e || t[k] != '#';
}

typedef struct ctx {
    const kurz__doc *d;
    const uint8_t *t;
    size_t len;
    const kwindex *ix;
} ctx;

static void scan(const ctx *c, size_t idx, unit *u)
{
    const kurz__doc *d = c->d;
    const uint8_t *t = c->t;
    size_t len = c->len;
    const kurz__sent *s = &d->sents.v[idx];
    size_t b = s->start, e = s->end, i = b;
    memset(u, 0, sizeof *u);
    u->nw = d->nwords[idx];
    u->nc = d->ncontent[idx];
    uint64_t prev[4] = {0, 0, 0, 0}; /* categories of the last words, prev[0] the last */
    uint32_t guil_open = 0, guil_spaced = 0, slashes = 0, role_want = 0;
    int32_t before = ' '; /* code point before the current word or mark */
    size_t last_we = (size_t)-1; /* end of the last word */
    while (i < e) {
        int32_t cp;
        uint8_t c1 = t[i];
        if (plain_mark(c1) || (c1 == ' ' && (i + 1 >= e || t[i + 1] != ' '))) {
            before = c1; /* what the general path below does for these */
            i++;
            continue;
        }
        size_t n = next_cp(t, i, e, &cp);
        if (!is_word_cp(cp)) {
            size_t nx = i + n;
            if ((cp == '\t' || (cp == ' ' && nx + 1 < e && t[nx] == ' ' && t[nx + 1] == ' ')) &&
                u->words > 0 && (before == 'a' || before == ')')) {
                /* a tab or three spaces after a word: menu items side by side */
                while (nx < e && (t[nx] == ' ' || t[nx] == '\t'))
                    nx++;
                if (nx < e)
                    u->seps++;
                before = ' ';
                i = nx;
                continue;
            }
            int spaced = u->words > 0 && is_space_cp(before) && nx + 1 < e && t[nx] == ' ';
            if (cp == '|')
                u->seps++;
            else if ((cp == '>' || cp == 0x203A || cp == 0xB7 || cp == 0x2022 || cp == 0x2192) &&
                     spaced)
                u->seps++;
            else if (cp == '/' && spaced)
                slashes++; /* Home / News / Welt, but also "geändert / angepasst" */
            else if (cp == 0xBB && spaced)
                guil_spaced++;
            else if (cp == 0xAB)
                guil_open++;
            else if (cp == 0xA9)
                u->copyright++;
            else if ((cp == '@' || cp == '#') && opens(before) && nx < e &&
                     (t[nx] >= 0x80 || (is_word_cp(t[nx]) && !is_digit(t[nx]))) &&
                     (cp == '@' || hashtag_at(t, i, e)))
                u->handles++;
            else if (cp == '@')
                u->links++; /* an e-mail address */
            else if (cp == '%' || cp == 0x20AC || cp == '$')
                u->promo_chars++;
            else if (emoji_cp(cp))
                u->emoji++;
            before = cp;
            i = nx;
            continue;
        }
        /* a word: lower-case it into buf while finding its end */
        size_t ws = i;
        char buf[WMAX + 8]; /* zero after the word, for kw_hash */
        memset(buf, 0, sizeof buf);
        size_t bl = 0;
        int toolong = 0, first_upper = 0, first_digit = cp < 0x80 && is_digit((uint8_t)cp);
        int all_digits = 1, letters = 0;
        {
            utf8proc_category_t c0 = cp < 0x80 ? 0 : utf8proc_category(cp);
            first_upper = (cp >= 'A' && cp <= 'Z') || c0 == UTF8PROC_CATEGORY_LU ||
                          c0 == UTF8PROC_CATEGORY_LT;
        }
        while (i < e) {
            uint8_t c0 = t[i];
            if (c0 < 0x80) { /* the common case */
                if (!ascii_word(c0))
                    break;
                if (is_digit(c0)) {
                    if (bl + 1 < WMAX)
                        buf[bl++] = (char)c0;
                    else
                        toolong = 1;
                } else {
                    all_digits = 0;
                    letters += c0 != '_';
                    if (bl + 1 < WMAX)
                        buf[bl++] = (char)(c0 >= 'A' && c0 <= 'Z' ? c0 + 32 : c0);
                    else
                        toolong = 1;
                }
                i++;
                continue;
            }
            n = kurz__utf8_decode(t + i, e - i, &cp);
            if (!is_word_cp(cp))
                break;
            all_digits = 0;
            letters++;
            if (!toolong) {
                uint8_t enc[4];
                utf8proc_ssize_t el = utf8proc_encode_char(utf8proc_tolower(cp), enc);
                if (bl + (size_t)el < WMAX) {
                    memcpy(buf + bl, enc, (size_t)el);
                    bl += (size_t)el;
                } else {
                    toolong = 1;
                }
            }
            i += n;
        }
        buf[bl] = 0;
        size_t we = i;
        uint64_t cats = 0;
        if (all_digits) {
            cats = C_NUM;
            u->nums++;
            if (date_at(t, ws, e))
                u->has_date = 1;
            if (clock_at(t, ws, e))
                u->has_time = 1;
            if (we - ws == 4 && (prev[0] & C_MONTH))
                u->has_date = 1; /* März 2024 */
        } else if (!toolong) {
            if (first_digit) {
                /* 10h32, 14h, 3h, 5min, 2j */
                size_t k = 0;
                while (is_digit((uint8_t)buf[k]))
                    k++;
                if (k <= 2 && buf[k] == 'h' && (buf[k + 1] == 0 ||
                    (is_digit((uint8_t)buf[k + 1]) && is_digit((uint8_t)buf[k + 2]) && !buf[k + 3])))
                    u->has_time = 1;
                if (kw_get(c->ix, buf + k, bl - k) & C_TSHORT) {
                    if ((prev[0] & C_VOR) ||
                        ((prev[0] & C_A) && (prev[1] & C_Y) && (prev[2] & C_IL)))
                        u->reltime = 1;
                    cats = C_NUM | C_TSHORT;
                }
            } else {
                cats = kw_get(c->ix, buf, bl);
            }
        }
        if (cats & C_TSHORT && !(cats & C_NUM) && (prev[0] & (C_NUM | C_ONE)) &&
            ((prev[1] & C_VOR) || ((prev[1] & C_A) && (prev[2] & C_Y) && (prev[3] & C_IL))))
            u->reltime = 1;
        if ((cats & C_AGO) && (prev[0] & C_TSHORT) && (prev[1] & (C_NUM | C_ONE)))
            u->reltime = 1;
        if ((cats & C_RIGHTS) && (prev[0] & C_RIGHTS1))
            u->rights = 1;
        if ((cats & C_UHR) && (prev[0] & C_NUM))
            u->has_time = 1;
        if ((cats & C_MONTH) && (prev[0] & C_NUM))
            u->has_date = 1;
        if ((cats & C_TLD) && ws > b && t[ws - 1] == '.' && last_we == ws - 1)
            u->domains++; /* example.de */
        /* cheap tests first: this runs for every word */
        if (!toolong && we < e && (t[we] == ':' || t[we] == '.') &&
            (buf[0] == 'h' || buf[0] == 'w') &&
            (!strcmp(buf, "http") || !strcmp(buf, "https") || !strcmp(buf, "www")) &&
            !(ws > b && t[ws - 1] == '/'))
            u->links++; /* http://www.x.de counts once */
        if (first_upper)
            u->caps++;
        else if (letters && !first_digit) {
            u->lower++;
            if (!(cats & (C_MONTH | C_DATEKW | C_FILL | C_UHR | C_TSHORT | C_VOR | C_IL | C_Y |
                          C_A | C_AGO)))
                u->plain++;
            if (cats & C_FILL)
                u->fill_lower++;
        }
        if (cats & C_UI)
            u->ui++;
        if (cats & C_SHAREIT)
            u->shareit++;
        if ((cats & C_IMPER) && (u->words == 0 || hyphen_pronoun(t, we, e)))
            u->imper++;
        if ((cats & C_WE) && (prev[0] & (C_SHAREIT | C_IMPER)))
            u->follow_us = 1;
        if ((cats & C_SITE) && (prev[0] & C_THIS))
            u->this_site = 1;
        if (cats & C_CMTACT)
            u->cmtact++;
        if (cats & C_PROMPT)
            u->prompt++;
        if (cats & C_PROMPT2)
            u->prompt2++;
        if (cats & C_COOKIE)
            u->cookie++;
        if (cats & C_SITE)
            u->site++;
        if (cats & C_CTA)
            u->cta++;
        if (cats & C_SECOND)
            u->second++;
        if ((cats & C_FORMAL) && first_upper && u->words > 0)
            u->second++;
        if (cats & C_WE)
            u->we++;
        if (role_want) {
            if (cats & C_ROLE)
                u->role_after_is = 1;
            else if ((!strcmp(buf, "seit") || !strcmp(buf, "depuis") || !strcmp(buf, "since")) &&
                     role_want == 1)
                role_want = 3; /* seit 2015 Redakteurin */
            role_want = role_want > 1 ? role_want - 1 : 0;
        }
        if ((cats & C_IS) && !u->is_at) {
            u->is_at = u->words + 1;
            u->caps_before_is = u->caps;
            role_want = 1;
        }
        u->cats |= cats;
        if (u->nhead < HEADW) {
            memcpy(u->head[u->nhead], buf, bl + 1);
            if (toolong)
                u->head[u->nhead][0] = 0;
            u->hcat[u->nhead] = cats;
            u->hupper[u->nhead] = (uint8_t)first_upper;
            u->hend[u->nhead] = we;
            u->nhead++;
        }
        prev[3] = prev[2];
        prev[2] = prev[1];
        prev[1] = prev[0];
        prev[0] = cats;
        u->words++;
        last_we = we;
        before = 'a';
    }
    if (guil_spaced > guil_open)
        u->seps += guil_spaced - guil_open;

    /* how it ends: skip closing quotes, brackets and spaces */
    size_t j = e;
    while (j > b) {
        size_t at;
        int32_t cp = cp_before(t, b, j, &at);
        if (is_space_cp(cp) || cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == '}' ||
            cp == 0xBB || cp == 0x201D || cp == 0x201C || cp == 0x2019 || cp == 0x203A ||
            cp == '*') {
            j = at;
            continue;
        }
        u->term = cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 || cp == 0x203D;
        u->excl = cp == '!';
        u->quest = cp == '?';
        u->colon = cp == ':';
        break;
    }
    if (s->flags & KURZ__S_TERMINATED)
        u->term = 1;
    if (!u->term)
        u->seps += slashes;

    /* is it alone on its line? */
    j = e;
    while (j < len && (t[j] == ' ' || t[j] == '\t'))
        j++;
    u->line_end = j >= len || t[j] == '\n' || t[j] == '\r' || (s->flags & KURZ__S_LINE);
    j = b;
    while (j > 0 && (t[j - 1] == ' ' || t[j - 1] == '\t'))
        j--;
    u->line_start = j == 0 || t[j - 1] == '\n' || t[j - 1] == '\r' ||
                    (j == 3 && t[0] == 0xEF && t[1] == 0xBB && t[2] == 0xBF);
}

/* ---- Reasons --------------------------------------------------------------- */
enum {
    R_OK = 0,
    R_SHORT,    /* fewer than MIN_WORDS words, or no content word */
    R_HEADING,  /* a line of its own without final punctuation */
    R_NAV,      /* separators: Startseite > Politik > Inland */
    R_UI,       /* mostly interface words: Facebook Twitter WhatsApp E-Mail */
    R_BYLINE,   /* Von Anna Schmidt */
    R_DATELINE, /* Berlin, 3. März 2024, 14:05 Uhr; Publié le ... */
    R_CREDIT,   /* Foto: dpa; © AFP */
    R_TEASER,   /* Lesen Sie auch: ...; the list after Mehr zum Thema */
    R_PROMPT,   /* cookies, newsletter, log-in addressed to the reader */
    R_COMMENT,  /* inside a comment section */
    R_CMTLINE,  /* vor 3 Stunden, il y a 2 h */
    R_AD,       /* Anzeige and the ad copy after it */
    R_FOOTER,   /* Alle Rechte vorbehalten */
    R_WEB,      /* links, @handles, #hashtags, emoji */
    R_AUTHOR    /* Anna Schmidt ist Redakteurin im Ressort Politik. */
};

/* Context a unit starts or feeds. */
enum {
    X_TEASER_HEAD = 1u << 0, /* Mehr zum Thema / À lire aussi on a line of its own */
    X_AD_HEAD = 1u << 1,     /* Anzeige / Publicité on a line of its own */
    X_CMT_HEAD = 1u << 2,    /* Kommentare / Commentaires */
    X_CMT_COUNT = 1u << 3,   /* ... with a number: Kommentare (12) */
    X_SIG = 1u << 4,         /* a comment signal: vor 3 Stunden, Antworten, @name */
    X_WEAK = 1u << 5,        /* a name on a line of its own */
    X_PROMO = 1u << 6        /* ad copy: ! % € jetzt gratis */
};

#define MIN_WORDS 4      /* shorter units are never real sentences */
#define PROSE_WORDS 16   /* an unpunctuated line this long may be prose */
#define TEASER_MAX 10    /* units of a related-articles block */
#define TEASER_WORDS 12  /* a punctuated teaser line is at most this long */
#define AD_MAX 3         /* units of ad copy after an ad label */
#define CMT_LOOK 8       /* a comment header needs a signal this close */
#define CMT_GAP 10       /* units without a comment signal that end a section */
#define CMT_TAIL 3       /* units after the last signal still taken as a comment */
#define SPREAD_MAX 3     /* units after an author box or a prompt that follow it */

/* Share of stop words in [0, 1] (numbers are neither). */
static double stop_share(const unit *u)
{
    if (u->nw == 0)
        return 0;
    uint32_t other = u->nc + u->nums;
    return other >= u->nw ? 0.0 : (double)(u->nw - other) / u->nw;
}

/* Which phrase of phrases[] starts the unit: its kind and its word count. */
static int match_phrase(const unit *u, size_t *nwords)
{
    char joined[HEADW * WMAX + HEADW];
    size_t o = 0;
    for (size_t k = 0; k < u->nhead; k++) {
        size_t l = strlen(u->head[k]);
        if (l == 0)
            break;
        if (o)
            joined[o++] = ' ';
        memcpy(joined + o, u->head[k], l);
        o += l;
    }
    joined[o] = 0;
    int best = 0;
    size_t bestw = 0;
    for (size_t p = 0; p < NPHRASES; p++) {
        size_t pl = strlen(phrases[p].p);
        if (pl > o || memcmp(joined, phrases[p].p, pl) != 0 ||
            (joined[pl] != 0 && joined[pl] != ' '))
            continue;
        size_t w = 1;
        for (size_t k = 0; k < pl; k++)
            w += phrases[p].p[k] == ' ';
        if (w > bestw) {
            best = phrases[p].kind;
            bestw = w;
        }
    }
    *nwords = bestw;
    return best;
}

/* After the first k words: a colon, a slash, a dash, an arrow, or (with
 * upper) a capitalised word. */
static int phrase_delimited(const uint8_t *t, const unit *u, size_t k, size_t e, int upper)
{
    if (k == 0 || k > u->nhead)
        return 0;
    size_t j = u->hend[k - 1];
    for (;;) {
        if (j < e && (t[j] == ' ' || t[j] == '\t'))
            j++;
        else if (j + 1 < e && t[j] == 0xC2 && t[j + 1] == 0xA0)
            j += 2;
        else if (j + 2 < e && t[j] == 0xE2 && t[j + 1] == 0x80 && (t[j + 2] == 0xAF || t[j + 2] == 0x89))
            j += 3;
        else
            break;
    }
    if (j >= e)
        return 1;
    if (t[j] == '/')
        return 1;
    if (t[j] == ':' || t[j] == '-' || t[j] == '|' || t[j] == '>' ||
        (t[j] == 0xE2 && j + 2 < e && t[j + 1] == 0x80 && (t[j + 2] == 0x93 || t[j + 2] == 0x94)) ||
        (t[j] == 0xC2 && j + 1 < e && t[j + 1] == 0xBB))
        return 1;
    return upper && k < u->nhead && u->hupper[k];
}

/* The reason a unit is noise (R_OK if none) and the context flags it raises. */
static int classify(const uint8_t *t, const kurz__sent *s, const unit *u, uint32_t *x)
{
    uint32_t w = u->words;
    int heading_shape = !u->term && u->line_end;
    int alone = u->line_start && u->line_end;
    *x = 0;

    /* context first: short labels are noise anyway, but they open blocks */
    size_t pw = 0;
    int pk = (u->hcat[0] & C_PHRASE) ? match_phrase(u, &pw) : 0;
    if (pk == P_TEASER && w <= pw + 2 && !u->term && u->line_end)
        *x |= X_TEASER_HEAD;
    if (u->line_end && !u->term && w <= 5 && w > 0) {
        int hdr = (u->cats & C_CMTHDR) ||
                  ((u->cats & C_CMTONE) && (u->cats & (C_NUM | C_CMTVERB))) || pk == P_COMMENT;
        if (hdr) {
            *x |= X_CMT_HEAD;
            if (u->cats & C_NUM)
                *x |= X_CMT_COUNT;
        }
    }
    if (alone && !u->term && w >= 1 && w <= 3 && (u->hcat[0] & C_AD))
        *x |= X_AD_HEAD;
    if (!u->term && ((u->reltime && w <= 12) || (u->has_time && w <= 8) ||
                     (u->cmtact && (w <= 4 || 2 * u->cmtact >= w)) || (u->handles && w <= 8)))
        *x |= X_SIG;
    if (alone && !u->term && w >= 1 && w <= 3 && !(u->hcat[0] & C_BYLINE) &&
        (u->caps == w || u->nums > 0 || u->handles > 0))
        *x |= X_WEAK;
    if (u->excl || u->cta || u->promo_chars)
        *x |= X_PROMO;

    if (pk == P_TEASER && (w <= pw + 2 || phrase_delimited(t, u, pw, s->end, 1)))
        return R_TEASER;
    if (pk == P_UPDATE && w <= 15 && (u->has_date || u->has_time) && (u->plain <= 1 || !u->term))
        return R_DATELINE;
    if (pk == P_COMMENT && w <= 6)
        return R_COMMENT;
    if (u->nw < MIN_WORDS || u->nc == 0)
        return R_SHORT;

    if (u->copyright && w <= 25)
        return R_CREDIT;
    if (u->rights && w <= 20)
        return R_FOOTER;
    if ((u->hcat[0] & C_CREDIT) && w <= 15 && phrase_delimited(t, u, 1, s->end, 0))
        return R_CREDIT;
    if ((u->links && w <= 8) || (u->links >= 2 && w <= 20) || u->links >= 3 ||
        (u->domains && w <= 6) ||
        (u->emoji && w <= 20) || u->emoji >= 2 || (u->handles && (w <= 6 || 6 * u->handles >= w)))
        return R_WEB;
    if (u->seps >= 2 && w <= 4 * (u->seps + 1))
        return R_NAV;
    if (u->seps && heading_shape && w <= 4 * (u->seps + 1))
        return R_NAV;
    if (u->ui >= 2 && 2 * u->ui >= w)
        return R_UI;
    if (w <= 35 && ((u->prompt && (u->second || u->cta || u->we)) ||
                    (u->prompt2 && u->second && (u->we || u->cta || u->site)) ||
                    (u->cookie && (u->we || u->site))))
        return R_PROMPT;
    if (u->second && ((u->site && w <= 15) || (u->shareit && w <= 12)))
        return R_PROMPT; /* Hat dir der Beitrag gefallen? Folgen Sie uns auf X! */
    if (w <= 15 && ((u->this_site && (u->prompt || u->prompt2 || u->second || u->cta)) ||
                    (u->follow_us && w <= 12) ||
                    (u->imper && (u->we || u->shareit || u->prompt || u->prompt2 || u->site)) ||
                    ((u->prompt2 >= 2 || (u->prompt2 && u->second)) && w <= 8)))
        return R_PROMPT; /* Dieser Artikel ist exklusiv für Abonnenten. Suivez-nous ! */
    if (u->is_at >= 3 && u->is_at <= 4 && u->caps_before_is == u->is_at - 1 &&
        u->role_after_is && w <= 30)
        return R_AUTHOR;
    if ((u->hcat[0] & C_BYLINE) && u->nhead > 1 && u->hupper[1] && w <= 10 &&
        u->lower == u->fill_lower && !(u->cats & C_MONTH))
        return R_BYLINE; /* Von Anna Schmidt und Max Muster */
    if ((u->has_date || u->has_time) && w <= 12 && u->plain == 0 &&
        (u->has_time || !u->term || w <= 6))
        return R_DATELINE;
    if (u->reltime && w <= 6)
        return R_CMTLINE;
    if (heading_shape) {
        if (u->colon && w >= 8 && stop_share(u) >= 0.25)
            return R_OK; /* a sentence that opens a list or a quote */
        if (alone ? !(w >= PROSE_WORDS && stop_share(u) >= 0.25 && !u->seps) : w < 6)
            return R_HEADING;
    }
    return R_OK;
}

static int unit_reason(const ctx *c, size_t i, uint32_t *x)
{
    unit u;
    scan(c, i, &u);
    return classify(c->t, &c->d->sents.v[i], &u, x);
}

/* Lets a test harness read the reasons instead of the verdict. */
#ifndef KURZ__BOILER_VERDICT
#define KURZ__BOILER_VERDICT(reason) ((reason) == R_OK)
#endif

void kurz__eligible(const kurz__doc *d, const kurz__kwindex *index, const char *text, size_t len,
                    uint8_t *ok)
{
    ctx c;
    c.d = d;
    c.t = (const uint8_t *)text;
    c.len = len;
    kwindex own;
    if (!index) {
        kurz__kw_init(&own);
        index = &own;
    }
    c.ix = index;
    const uint8_t *t = c.t;
    size_t n = d->sents.n;
    unsigned teaser_left = 0, ad_left = 0;
    int in_cmt = 0;
    size_t last_sig = 0;
    size_t looked = 0; /* units before this one were read ahead and showed no signal */
    int spread = R_OK; /* reason carried to the next units */
    uint32_t spread_para = 0;
    unsigned spread_left = 0;
    int spread_label = 0;

    for (size_t i = 0; i < n; i++) {
        const kurz__sent *s = &d->sents.v[i];
        uint32_t x;
        unit u;
        scan(&c, i, &u);
        int r = classify(t, s, &u, &x);
        int alone = u.line_start && u.line_end;

        /* the next sentences of an author box or a prompt: on the same line,
         * or on the next line after a short label (Jetzt Newsletter abonnieren) */
        if (spread != R_OK) {
            if (s->para == spread_para && !(s->flags & KURZ__S_PARA_START) && spread_left &&
                (!u.line_start || spread_label)) {
                int like = spread == R_AUTHOR ? (u.hcat[0] & C_PRON) != 0
                                              : (u.second || u.we || u.cta || u.prompt ||
                                                 u.prompt2);
                if (r == R_OK && like)
                    r = spread;
                spread_left--;
                spread_label = 0;
            } else {
                spread = R_OK;
            }
        }
        if (r == R_AUTHOR || r == R_PROMPT) {
            spread = r;
            spread_para = s->para;
            spread_left = SPREAD_MAX;
            spread_label = alone && !u.term && u.words <= 8;
        }

        /* a related-articles block: headline-like lines after its header */
        if (teaser_left) {
            int headline = alone && u.words <= TEASER_WORDS && (!u.term || u.quest || u.excl);
            if ((headline || r == R_SHORT || r == R_DATELINE || r == R_CREDIT || r == R_CMTLINE ||
                 r == R_WEB) && !(x & (X_CMT_HEAD | X_AD_HEAD | X_TEASER_HEAD))) {
                if (r == R_OK)
                    r = R_TEASER;
                teaser_left--;
            } else {
                teaser_left = 0;
            }
        }
        if (x & X_TEASER_HEAD)
            teaser_left = TEASER_MAX;

        /* ad copy after an ad label */
        if (ad_left) {
            if (r != R_OK)
                ad_left--;
            else if (alone && u.words <= 25 && (x & X_PROMO)) {
                r = R_AD;
                ad_left--;
            } else {
                ad_left = 0;
            }
        }
        if (x & X_AD_HEAD)
            ad_left = AD_MAX;

        /* a comment section */
        if (in_cmt) {
            if (x & (X_SIG | X_WEAK | X_CMT_HEAD))
                last_sig = i;
            if (i - last_sig > CMT_GAP) {
                /* no sign of comments for a while: the section had ended */
                in_cmt = 0;
                for (size_t j = last_sig + CMT_TAIL + 1; j < i; j++) {
                    uint32_t xj;
                    ok[j] = (uint8_t)unit_reason(&c, j, &xj);
                }
            } else if (r == R_OK) {
                r = R_COMMENT;
            }
        } else if (x & X_CMT_HEAD) {
            /* confirmed by a count or by a comment signal close after it;
             * units already looked at without a signal are not read again */
            int confirmed = (x & X_CMT_COUNT) != 0;
            size_t j = i + 1 > looked ? i + 1 : looked;
            for (; j < n && j <= i + CMT_LOOK && !confirmed; j++) {
                uint32_t xj;
                unit_reason(&c, j, &xj);
                confirmed = (xj & X_SIG) != 0;
            }
            if (!confirmed)
                looked = j;
            if (confirmed) {
                in_cmt = 1;
                last_sig = i;
                if (r == R_OK)
                    r = R_COMMENT;
            }
        }
        ok[i] = (uint8_t)r;
    }
    for (size_t i = 0; i < n; i++)
        ok[i] = (uint8_t)KURZ__BOILER_VERDICT(ok[i]);
}
