/* SPDX-License-Identifier: MIT */
/* Unit tests of the sentence splitter and the stop words in every language
 * kurz lists (lib/segment.c, lib/stopwords.c, data/): sentence marks of each
 * script, abbreviations, ordinals, numbers and quotes. All sentences here were
 * written for these tests. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kurz-private.h"

static kurz__lang lang_of(const char *code)
{
    const kurz__langinfo *li = kurz__lang_find(code);
    assert_non_null(li);
    return li->rules;
}

/* Checks that text splits into exactly the expected units (NULL-ended). */
static void expect(const char *code, const char *text, const char *const *want)
{
    kurz__mem m;
    kurz__mem_default(&m);
    kurz__sentvec sv;
    memset(&sv, 0, sizeof sv);
    assert_int_equal(kurz__segment(&m, lang_of(code), text, strlen(text), &sv), 0);
    size_t n = 0;
    while (want[n])
        n++;
    for (size_t k = 0; k < sv.n && k < n; k++) {
        const kurz__sent *s = &sv.v[k];
        size_t wl = strlen(want[k]);
        if (s->end - s->start != wl || memcmp(text + s->start, want[k], wl) != 0)
            fail_msg("%s: unit %zu of \"%s\":\n  got  \"%.*s\"\n  want \"%s\"", code, k, text,
                     (int)(s->end - s->start), text + s->start, want[k]);
    }
    if (sv.n != n) {
        for (size_t k = 0; k < sv.n; k++)
            print_message("  unit %zu: \"%.*s\"\n", k, (int)(sv.v[k].end - sv.v[k].start),
                          text + sv.v[k].start);
        fail_msg("%s: \"%s\": %zu units, want %zu", code, text, sv.n, n);
    }
    free(sv.v);
}

#define EXPECT(code, text, ...)                                 \
    do {                                                        \
        static const char *const want_[] = {__VA_ARGS__, NULL}; \
        expect((code), (text), want_);                          \
    } while (0)

/* The language's ids and codes agree with lang.c's table, OTHER has none. */
static void test_lang_ids(void **state)
{
    (void)state;
    const char *const *codes = kurz_languages();
    size_t n = 0;
    for (; codes[n]; n++) {
        const kurz__langinfo *li = kurz__lang_find(codes[n]);
        assert_non_null(li);
        assert_int_equal(li->rules, (kurz__lang)(n + 1));
        assert_ptr_equal(kurz__lang_info(li->rules), li);
        assert_string_equal(kurz__lang_rules_code(li->rules), codes[n]);
        assert_non_null(li->stopwords);
    }
    assert_int_equal(n, KURZ__LANG_COUNT - 1);
    assert_null(kurz__lang_info(KURZ__LANG_OTHER));
    assert_null(kurz__lang_info(KURZ__LANG_COUNT));
    assert_null(kurz__lang_rules_code(KURZ__LANG_OTHER));
    assert_int_equal(lang_of("de"), KURZ__LANG_DE);
    assert_int_equal(lang_of("french"), KURZ__LANG_FR);
    assert_int_equal(lang_of("EN"), KURZ__LANG_EN);
}

/* Scripts: the danda, the Armenian full stop and colon, Greek and Arabic
 * question marks, the Urdu-style full stop. */
static void test_marks(void **state)
{
    (void)state;
    EXPECT("hi", "यह पहला वाक्य है। यह दूसरा वाक्य है।", "यह पहला वाक्य है।",
           "यह दूसरा वाक्य है।");
    EXPECT("hi", "यह पहला है | यह दूसरा है|", "यह पहला है |", "यह दूसरा है|");
    EXPECT("hi", "मंदिर बहुत पुराना है॥ लोग आते हैं।", "मंदिर बहुत पुराना है॥", "लोग आते हैं।");
    /* Nepali puts a space before the danda, and types it as | */
    EXPECT("ne", "यो पहिलो वाक्य हो । यो दोस्रो हो ।", "यो पहिलो वाक्य हो ।", "यो दोस्रो हो ।");
    EXPECT("ne", "म घर गएँ | भाइ आयो |", "म घर गएँ |", "भाइ आयो |");
    EXPECT("hy", "Սա առաջինն է։ Սա երկրորդն է։", "Սա առաջինն է։", "Սա երկրորդն է։");
    EXPECT("hy", "Սա առաջինն է: Սա երկրորդն է:", "Սա առաջինն է:", "Սա երկրորդն է:");
    EXPECT("hy", "Ժամը 10:30 էր: Նա եկավ:", "Ժամը 10:30 էր:", "Նա եկավ:");
    /* a colon is no end in other languages */
    EXPECT("en", "He said this: Nothing matters. Then he left.", "He said this: Nothing matters.",
           "Then he left.");
    EXPECT("el", "Τι κάνεις; Είμαι καλά.", "Τι κάνεις;", "Είμαι καλά.");
    EXPECT("el", "Πού πας\xCD\xBE Στο σπίτι.", "Πού πας\xCD\xBE", "Στο σπίτι.");
    EXPECT("de", "Erstens; Zweitens.", "Erstens; Zweitens.");
    EXPECT("ar", "هل أنت بخير؟ نعم، شكرا.", "هل أنت بخير؟", "نعم، شكرا.");
    EXPECT("ar", "هذا سطر۔ وهذا آخر۔", "هذا سطر۔", "وهذا آخر۔");
    /* full-width marks and the ellipsis */
    EXPECT("en", "Really\xEF\xBC\x81 Yes\xEF\xBC\x9F Fine\xE2\x80\xA6 Done.", "Really\xEF\xBC\x81",
           "Yes\xEF\xBC\x9F", "Fine\xE2\x80\xA6", "Done.");
}

/* Closing quotes and brackets of every convention stay with their sentence. */
static void test_quotes(void **state)
{
    (void)state;
    EXPECT("lt", "Jis tarė: „Aš ateisiu.“ Tada išėjo.", "Jis tarė: „Aš ateisiu.“",
           "Tada išėjo.");
    /* Lithuanian text often puts a space before the closing “ (data/quotes/lt);
     * in English “ after a space opens the next sentence */
    EXPECT("lt", "Jis tarė: „Viskas baigta. “ Tada išėjo.", "Jis tarė: „Viskas baigta. “",
           "Tada išėjo.");
    EXPECT("en", "He left. “Why?” she asked.", "He left.", "“Why?” she asked.");
    EXPECT("de", "Sie rief: „Komm sofort!“ Er kam.", "Sie rief: „Komm sofort!“", "Er kam.");
    EXPECT("fr", "Il a dit : « Je viens. » Puis il est parti.", "Il a dit : « Je viens. »",
           "Puis il est parti.");
    EXPECT("de", "Er las »Das Buch.« Dann schlief er.", "Er las »Das Buch.«", "Dann schlief er.");
    EXPECT("fr", "Elle a crié ‹ Non ! › Il a ri.", "Elle a crié ‹ Non ! ›", "Il a ri.");
    EXPECT("sv", "Han sa: ”Vi ses.” Sedan gick han.", "Han sa: ”Vi ses.”", "Sedan gick han.");
    EXPECT("es", "(Eso fue todo.) Luego se fue.", "(Eso fue todo.)", "Luego se fue.");
    /* Dutch ASCII quotes ,, '' (data/quotes/nl) */
    EXPECT("nl", "Hij kwam binnen. ,, Ik blijf niet lang. '' Toen ging hij zitten.",
           "Hij kwam binnen.", ",, Ik blijf niet lang. ''", "Toen ging hij zitten.");
}

/* Abbreviations of each language (data/abbrev/). */
static void test_abbreviations(void **state)
{
    (void)state;
    EXPECT("ru", "Он жил в г. Казани. Потом уехал.", "Он жил в г. Казани.", "Потом уехал.");
    EXPECT("ru", "Это было в 1990 г. Потом всё изменилось.", "Это было в 1990 г.",
           "Потом всё изменилось.");
    EXPECT("ru", "Мы купили хлеб, молоко и т. д. Потом ушли.", "Мы купили хлеб, молоко и т. д.",
           "Потом ушли.");
    EXPECT("ru", "Город, т. е. Москва, большой.", "Город, т. е. Москва, большой.");
    EXPECT("ru", "См. рис. 3 ниже. Там всё.", "См. рис. 3 ниже.", "Там всё.");
    EXPECT("es", "El Sr. García llegó. La Sra. López no.", "El Sr. García llegó.",
           "La Sra. López no.");
    EXPECT("es", "Hay frutas, p. ej. Naranjas y peras.", "Hay frutas, p. ej. Naranjas y peras.");
    EXPECT("it", "Il sig. Rossi è arrivato. Vale l'art. 5 della legge n. 3 e dell'art. 6.",
           "Il sig. Rossi è arrivato.", "Vale l'art. 5 della legge n. 3 e dell'art. 6.");
    EXPECT("it", "Libri, quaderni ecc. Tutto qui.", "Libri, quaderni ecc.", "Tutto qui.");
    EXPECT("nl", "Er kwamen o.a. Jansen en Pieters. Zij bleven.",
           "Er kwamen o.a. Jansen en Pieters.", "Zij bleven.");
    EXPECT("nl", "Dat is bijv. Rotterdam, d.w.z. Een haven.", "Dat is bijv. Rotterdam, d.w.z. Een haven.");
    EXPECT("sv", "Vi såg bl.a. Uppsala och t.ex. Lund. Sedan åkte vi.",
           "Vi såg bl.a. Uppsala och t.ex. Lund.", "Sedan åkte vi.");
    EXPECT("no", "Det var f.eks. Oslo. Så dro vi.", "Det var f.eks. Oslo.", "Så dro vi.");
    EXPECT("da", "Der var bl.a. Aarhus. Så kørte vi.", "Der var bl.a. Aarhus.", "Så kørte vi.");
    EXPECT("pt", "O Sr. Silva chegou. A Dra. Costa saiu.", "O Sr. Silva chegou.",
           "A Dra. Costa saiu.");
    EXPECT("ca", "El Sr. Puig va arribar. Després va marxar.", "El Sr. Puig va arribar.",
           "Després va marxar.");
    EXPECT("ro", "Dl. Popescu a venit. Apoi a plecat.", "Dl. Popescu a venit.", "Apoi a plecat.");
    EXPECT("sr", "Došao je dr. Petrović, tj. Marko. Onda je otišao.",
           "Došao je dr. Petrović, tj. Marko.", "Onda je otišao.");
    EXPECT("hu", "Ott volt pl. Kovács is. Aztán elment.", "Ott volt pl. Kovács is.",
           "Aztán elment.");
    EXPECT("fi", "Esim. Helsinki on kaupunki. Se on iso.", "Esim. Helsinki on kaupunki.",
           "Se on iso.");
    EXPECT("lt", "Tai įvyko 2010 m. Vilniuje. Kaina 5 mln. JAV dolerių.",
           "Tai įvyko 2010 m. Vilniuje.", "Kaina 5 mln. JAV dolerių.");
    EXPECT("lt", "Jie gyveno Šv. Jono gatvėje. Ten buvo tūkst. Žmonių.",
           "Jie gyveno Šv. Jono gatvėje.", "Ten buvo tūkst. Žmonių.");
    EXPECT("tr", "Prof. Dr. Ahmet geldi. Sonra gitti.", "Prof. Dr. Ahmet geldi.", "Sonra gitti.");
    EXPECT("id", "Dr. Budi datang bersama PT Maju Tbk. Mereka pulang.",
           "Dr. Budi datang bersama PT Maju Tbk. Mereka pulang.");
    EXPECT("el", "Ο κ. Παπαδόπουλος ήρθε. Τι έγινε; Τίποτα.", "Ο κ. Παπαδόπουλος ήρθε.",
           "Τι έγινε;", "Τίποτα.");
    EXPECT("ga", "Féach Uimh. 5 thíos. Tá sé ann.", "Féach Uimh. 5 thíos.", "Tá sé ann.");
    /* initials of a script without letter case, and a dotted acronym */
    EXPECT("ta", "திரு. கே. பாலன் வந்தார். தி.மு.க. அரசு பேசியது.",
           "திரு. கே. பாலன் வந்தார்.", "தி.மு.க. அரசு பேசியது.");
    /* the same words are no abbreviations in a language without them */
    EXPECT("en", "He wrote the sig. Then he left.", "He wrote the sig.", "Then he left.");
    EXPECT("it", "Arriva il sig. Bianchi.", "Arriva il sig. Bianchi.");
}

/* Ordinals with a dot (data/ordinal-dot/langs) and numbers. */
static void test_numbers(void **state)
{
    (void)state;
    /* inside brackets a number with a dot is an ordinal where ordinals take
     * a dot, and ends a sentence where they do not */
    EXPECT("fi", "Kirja (2. Painos) ilmestyi. Se myi hyvin.", "Kirja (2. Painos) ilmestyi.",
           "Se myi hyvin.");
    EXPECT("tr", "Kitap (3. Baskı) çıktı. Çok sattı.", "Kitap (3. Baskı) çıktı.", "Çok sattı.");
    EXPECT("es", "Es (el 3. Luego) raro.", "Es (el 3.", "Luego) raro.");
    /* a year ends the sentence; so does a small number where ordinals take no dot */
    EXPECT("tr", "Okul 1990. Sonra kapandı.", "Okul 1990.", "Sonra kapandı.");
    EXPECT("es", "Llegaron 12. Luego se fueron.", "Llegaron 12.", "Luego se fueron.");
    EXPECT("id", "Versi v9.1 sudah ada. Harganya 2.600 rupiah atau 3.5 dolar. Selesai.",
           "Versi v9.1 sudah ada.", "Harganya 2.600 rupiah atau 3.5 dolar.", "Selesai.");
    EXPECT("hu", "A XX. század végén. Ez volt az 1. lépés.", "A XX. század végén.",
           "Ez volt az 1. lépés.");
}

/* Every language's stop words: folded as the tokenizer folds, found, and
 * content words of the same language are not. */
static void test_stopwords(void **state)
{
    (void)state;
    kurz__mem m;
    kurz__mem_default(&m);
    const char *const *codes = kurz_languages();
    for (size_t c = 0; codes[c]; c++) {
        kurz__lang lang = lang_of(codes[c]);
        const kurz__wordlist *l = kurz__lang_info(lang)->stopwords;
        if (l->n < 40)
            fail_msg("%s: only %u stop words", codes[c], (unsigned)l->n);
        kurz__tokenizer t;
        kurz__tok_init(&t, &m, lang);
        for (size_t i = 0; i < l->n; i++) {
            size_t n;
            const char *w = kurz__wl_at(l, i, &n);
            assert_true(kurz__is_stopword(lang, (const uint8_t *)w, n));
            /* the tokenizer makes the entry one word, itself */
            kurz__tok_reset(&t, w, 0, n);
            const uint8_t *tw;
            size_t tl;
            if (kurz__tok_next(&t, &tw, &tl, NULL, NULL) != 1 || tl != n || memcmp(tw, w, n) != 0)
                fail_msg("%s: stop word \"%s\" is not one folded word", codes[c], w);
        }
        kurz__tok_free(&t);
    }
    static const struct {
        const char *code, *yes, *no;
    } cases[] = {
        {"es", "los", "casa"},      {"it", "della", "casa"},  {"pt", "não", "casa"},
        {"ru", "который", "дом"},   {"nl", "het", "huis"},    {"sv", "och", "hus"},
        {"fi", "että", "talo"},     {"hu", "hogy", "ház"},    {"tr", "için", "ev"},
        {"el", "και", "σπίτι"},    {"hy", "որ", "տուն"},     {"hi", "है", "घर"},
        {"ne", "छ", "घर"},          {"ar", "التي", "بيت"},    {"yi", "איז", "הויז"},
        {"lt", "kad", "namas"},     {"ga", "agus", "teach"},  {"eu", "eta", "etxea"},
        {"id", "yang", "rumah"},    {"ro", "și", "casă"},     {"sr", "који", "кућа"},
        {"da", "ikke", "hus"},      {"no", "ikke", "hus"},    {"ca", "amb", "casa"},
        {"ta", "மற்றும்", "வீடு"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        kurz__lang lang = lang_of(cases[i].code);
        if (!kurz__is_stopword(lang, (const uint8_t *)cases[i].yes, strlen(cases[i].yes)))
            fail_msg("%s: \"%s\" should be a stop word", cases[i].code, cases[i].yes);
        if (kurz__is_stopword(lang, (const uint8_t *)cases[i].no, strlen(cases[i].no)))
            fail_msg("%s: \"%s\" is no stop word", cases[i].code, cases[i].no);
    }
    /* Greek final sigma is folded: "τους" is stored as the tokenizer folds it */
    assert_true(kurz__is_stopword(lang_of("el"), (const uint8_t *)"τουσ", strlen("τουσ")));
    assert_false(kurz__is_stopword(KURZ__LANG_OTHER, (const uint8_t *)"the", 3));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lang_ids),
        cmocka_unit_test(test_marks),
        cmocka_unit_test(test_quotes),
        cmocka_unit_test(test_abbreviations),
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_stopwords),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
