/* SPDX-License-Identifier: MIT */
/* Language identification: every language on short text of our own, "und"
 * for neighbours outside the list and for text without enough letters,
 * invalid UTF-8, bounded work on huge input, allocation failure. The
 * sentences below were written for this test. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kurz-private.h"
#include "langid.h"

typedef struct sample {
    const char *lang;
    const char *text;
} sample;

static const sample samples[] = {
    {"ar", "ذهب الأطفال إلى المدرسة في الصباح الباكر، وكانت الشمس مشرقة فوق المدينة "
           "القديمة."},
    {"ca", "Ahir al vespre vam anar a sopar amb els nostres amics i després vam passejar "
           "per la platja fins a mitjanit."},
    {"da", "Vi tog toget til København i går, og bagefter spiste vi middag med vores "
           "venner på en lille restaurant ved havnen."},
    {"de", "Gestern Abend sind wir mit unseren Freunden durch die Altstadt gegangen und "
           "haben danach in einem kleinen Restaurant gegessen."},
    {"el", "Χθες το βράδυ πήγαμε με τους φίλους μας στην παλιά πόλη και μετά φάγαμε σε "
           "ένα μικρό εστιατόριο κοντά στη θάλασσα."},
    {"en", "Yesterday evening we walked through the old town with our friends and then "
           "had dinner at a small restaurant near the harbour."},
    {"es", "Ayer por la tarde caminamos por el casco antiguo con nuestros amigos y después "
           "cenamos en un pequeño restaurante cerca del puerto."},
    {"eu", "Atzo arratsaldean lagunekin alde zaharrean zehar ibili ginen, eta gero "
           "portuaren ondoko jatetxe txiki batean afaldu genuen."},
    {"fi", "Eilen illalla kävelimme ystäviemme kanssa vanhassa kaupungissa ja söimme sen "
           "jälkeen illallista pienessä ravintolassa sataman lähellä."},
    {"fr", "Hier soir, nous nous sommes promenés dans la vieille ville avec nos amis, puis "
           "nous avons dîné dans un petit restaurant près du port."},
    {"ga", "Chuamar ag siúl tríd an seanbhaile lenár gcairde aréir, agus ina dhiaidh sin "
           "d'itheamar dinnéar i mbialann bheag in aice leis an gcuan."},
    {"hi", "कल शाम हम अपने दोस्तों के साथ पुराने शहर में घूमे और फिर बंदरगाह के पास एक "
           "छोटे से रेस्तरां में खाना खाया।"},
    {"hu", "Tegnap este a barátainkkal sétáltunk az óvárosban, aztán egy kis étteremben "
           "vacsoráztunk a kikötő közelében."},
    {"hy", "Երեկ երեկոյան մենք ընկերների հետ զբոսնեցինք հին քաղաքում, իսկ հետո "
           "ընթրեցինք նավահանգստի մոտ գտնվող փոքրիկ ռեստորանում։"},
    {"id", "Kemarin malam kami berjalan-jalan di kota tua bersama teman-teman kami, lalu "
           "makan malam di sebuah restoran kecil dekat pelabuhan."},
    {"it", "Ieri sera abbiamo passeggiato per il centro storico con i nostri amici e poi "
           "abbiamo cenato in un piccolo ristorante vicino al porto."},
    {"lt", "Vakar vakare su draugais vaikščiojome po senamiestį, o paskui vakarieniavome "
           "mažame restorane netoli uosto."},
    {"ne", "हिजो साँझ हामी साथीहरूसँग पुरानो सहरमा घुम्यौं र त्यसपछि बन्दरगाह नजिकैको "
           "एउटा सानो रेस्टुरेन्टमा खाना खायौं।"},
    {"nl", "Gisteravond hebben we met onze vrienden door de oude binnenstad gewandeld en "
           "daarna hebben we in een klein restaurant bij de haven gegeten."},
    {"no", "I går kveld gikk vi gjennom gamlebyen sammen med vennene våre, og etterpå "
           "spiste vi middag på en liten restaurant ved havna."},
    {"pt", "Ontem à noite passeámos pela cidade velha com os nossos amigos e depois "
           "jantámos num pequeno restaurante perto do porto."},
    {"ro", "Aseară ne-am plimbat prin orașul vechi împreună cu prietenii noștri, iar apoi "
           "am luat cina într-un restaurant mic de lângă port."},
    {"ru", "Вчера вечером мы гуляли с друзьями по старому городу, а потом поужинали в "
           "маленьком ресторане недалеко от порта."},
    {"sr", "Јуче увече смо шетали са пријатељима кроз стари град, а затим смо вечерали у "
           "малом ресторану близу луке."},
    {"sr", "Juče uveče smo šetali sa prijateljima kroz stari grad, a zatim smo večerali u "
           "malom restoranu blizu luke."},
    {"sv", "I går kväll promenerade vi genom gamla stan med våra vänner och sedan åt vi "
           "middag på en liten restaurang nära hamnen."},
    {"ta", "நேற்று மாலை நாங்கள் எங்கள் நண்பர்களுடன் பழைய நகரத்தில் நடந்தோம், பிறகு "
           "துறைமுகத்தின் அருகே ஒரு சிறிய உணவகத்தில் இரவு உணவு சாப்பிட்டோம்."},
    {"tr", "Dün akşam arkadaşlarımızla eski şehirde yürüdük ve sonra limanın yakınındaki "
           "küçük bir restoranda akşam yemeği yedik."},
    {"yi", "נעכטן אין אָוונט זײַנען מיר מיט אונדזערע פֿרײַנד געגאַנגען שפּאַצירן איבער "
           "דער אַלטער שטאָט, און דערנאָך האָבן מיר געגעסן אין אַ קליינעם רעסטאָראַן."},
};

#define NSAMPLES (sizeof samples / sizeof samples[0])

static const char *identify(const char *text, size_t len, double *conf)
{
    kurz_langid *r = NULL;
    assert_int_equal(kurz_identify(&r, text, len), KURZ_OK);
    assert_non_null(r);
    const char *lang = kurz_langid_language(r);
    if (conf)
        *conf = kurz_langid_confidence(r);
    kurz_langid_free(r);
    return lang;
}

/* Every language of kurz_languages() is recognised on one sentence. */
static void every_language(void **state)
{
    (void)state;
    const char *const *codes = kurz_languages();
    for (size_t k = 0; codes[k]; k++) {
        int seen = 0;
        for (size_t i = 0; i < NSAMPLES; i++) {
            if (strcmp(samples[i].lang, codes[k]) != 0)
                continue;
            seen = 1;
            double conf = -1;
            const char *got = identify(samples[i].text, strlen(samples[i].text), &conf);
            if (strcmp(got, codes[k]) != 0)
                fail_msg("sample %zu: expected %s, got %s", i, codes[k], got);
            assert_true(conf > 0.5 && conf <= 1.0);
        }
        if (!seen)
            fail_msg("no sample for %s", codes[k]);
    }
}

/* Candidates: ranked, scores in [0, 1] summing to 1, the first one the answer. */
static void candidates(void **state)
{
    (void)state;
    const char *text = samples[3].text; /* German */
    kurz_langid *r;
    assert_int_equal(kurz_identify(&r, text, strlen(text)), KURZ_OK);
    size_t n = kurz_langid_count(r);
    assert_true(n >= 10); /* the Latin-script languages */
    double sum = 0, prev = 2;
    for (size_t i = 0; i < n; i++) {
        const char *lang = NULL;
        double score = -1;
        assert_int_equal(kurz_langid_get(r, i, &lang, &score), KURZ_OK);
        assert_non_null(lang);
        assert_true(score >= 0 && score <= 1 && score <= prev);
        prev = score;
        sum += score;
        if (i == 0) {
            assert_string_equal(lang, "de");
            assert_true(fabs(score - kurz_langid_confidence(r)) < 1e-12);
        }
    }
    assert_true(fabs(sum - 1.0) < 1e-9);
    assert_int_equal(kurz_langid_get(r, n, NULL, NULL), KURZ_ERR_OUT_OF_RANGE);
    assert_int_equal(kurz_langid_get(NULL, 0, NULL, NULL), KURZ_ERR_INVALID_ARG);
    kurz_langid_free(r);
    assert_int_equal(kurz_langid_count(NULL), 0);
    assert_string_equal(kurz_langid_language(NULL), "und");
    assert_true(kurz_langid_confidence(NULL) == 0.0);
    kurz_langid_free(NULL);
}

/* Neighbours outside the list come back "und". */
static void neighbours_refused(void **state)
{
    (void)state;
    static const char *const others[] = {
        /* Polish */
        "Wczoraj wieczorem spacerowaliśmy z przyjaciółmi po starym mieście, a potem "
        "zjedliśmy kolację w małej restauracji przy porcie.",
        /* Ukrainian */
        "Вчора ввечері ми гуляли з друзями старим містом, а потім повечеряли в "
        "невеликому ресторані біля порту.",
        /* Persian */
        "دیروز عصر با دوستانمان در شهر قدیمی قدم زدیم و بعد در یک رستوران کوچک نزدیک "
        "بندر شام خوردیم.",
        /* Czech */
        "Včera večer jsme se s přáteli procházeli starým městem a potom jsme povečeřeli "
        "v malé restauraci u přístavu.",
        /* Icelandic */
        "Í gærkvöldi gengum við með vinum okkar um gamla bæinn og borðuðum síðan "
        "kvöldmat á litlum veitingastað við höfnina.",
        /* Afrikaans */
        "Gisteraand het ons saam met ons vriende deur die ou stad gestap, en daarna het "
        "ons nie by die hawe nie maar in 'n klein restaurant vir hulle geëet.",
        /* One sentence of a neighbour that shares its words with a listed
         * language: Galician (Portuguese, Spanish), Slovenian (Serbian),
         * Bulgarian (Russian), Estonian (Finnish), Afrikaans (Dutch). */
        "O concello aprobou onte o novo orzamento para o ano que vén.",
        "Xa non queda moito tempo para rematar as obras da estrada.",
        "Vlada je včeraj sprejela nov proračun za prihodnje leto.",
        "Те казаха, че ще дойдат утре сутринта.",
        "Me oleme juba öelnud, et tuleme homme.",
        "Hulle het gesê dat hulle more sal kom.",
        /* Chinese: a script kurz does not list */
        "我们昨天晚上和朋友们在老城散步，然后在港口附近的一家小饭馆吃了晚饭。",
    };
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
        double conf = -1;
        const char *got = identify(others[i], strlen(others[i]), &conf);
        if (strcmp(got, "und") != 0)
            fail_msg("text %zu claimed as %s", i, got);
        assert_true(conf == 0.0);
    }
}

/* A neighbour's word counts as one only where it is written as one: in
 * lower case (or at a sentence start), not as a name. Galician "unha" in
 * a Portuguese sentence refuses it; the company "Unha Longa" does not. */
static void marker_words_not_names(void **state)
{
    (void)state;
    const char *name = "A empresa Unha Longa abriu ontem uma nova loja no centro de Lisboa.";
    const char *word = "A empresa unha longa abriu ontem uma nova loja no centro de Lisboa.";
    const char *start = "Unha empresa abriu ontem uma nova loja no centro de Lisboa.";
    assert_string_equal(identify(name, strlen(name), NULL), "pt");
    assert_string_equal(identify(word, strlen(word), NULL), "und");
    assert_string_equal(identify(start, strlen(start), NULL), "und");
}

/* Nothing to tell from: "und", no error. */
static void too_little(void **state)
{
    (void)state;
    static const char *const texts[] = {"", "   \n\t  \r\n", "12345 678 90 2026",
                                        "!!! ... ??? --- ;;; (((", "ab", "\xc2\xa0\xe2\x80\x83"};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        kurz_langid *r = NULL;
        assert_int_equal(kurz_identify(&r, texts[i], strlen(texts[i])), KURZ_OK);
        assert_string_equal(kurz_langid_language(r), "und");
        assert_true(kurz_langid_confidence(r) == 0.0);
        assert_int_equal(kurz_langid_count(r), 0);
        kurz_langid_free(r);
    }
    kurz_langid *r = NULL;
    assert_int_equal(kurz_identify(&r, NULL, 0), KURZ_OK); /* NULL with len 0 is empty */
    assert_string_equal(kurz_langid_language(r), "und");
    kurz_langid_free(r);
}

static void bad_arguments_and_utf8(void **state)
{
    (void)state;
    kurz_langid *r = (kurz_langid *)&r;
    assert_int_equal(kurz_identify(NULL, "abc", 3), KURZ_ERR_INVALID_ARG);
    assert_int_equal(kurz_identify(&r, NULL, 3), KURZ_ERR_INVALID_ARG);
    assert_null(r);
    static const char *const bad[] = {"Hallo \xff Welt", "caf\xc3", "\xed\xa0\x80 surrogate",
                                      "over\xc0\xaflong", "\xf4\x90\x80\x80"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        r = (kurz_langid *)&r;
        assert_int_equal(kurz_identify(&r, bad[i], strlen(bad[i])), KURZ_ERR_INVALID_UTF8);
        assert_null(r);
    }
    /* The internal entry reports where. */
    kurz__lidres res;
    size_t at = 0;
    assert_int_equal(kurz__identify(&res, bad[0], strlen(bad[0]), &at), KURZ_ERR_INVALID_UTF8);
    assert_int_equal(at, 6);
    assert_string_equal(res.lang, "und");
}

/* A 50 MB text costs what its first 32 KiB cost: the bytes read are bounded
 * and the same for 64 KiB and 50 MB; bytes past the sample are not read
 * (an invalid byte there is not seen). */
static void huge_input_is_sampled(void **state)
{
    (void)state;
    const char *de = samples[3].text;
    size_t dl = strlen(de);
    size_t big = (size_t)50 << 20;
    char *text = malloc(big);
    assert_non_null(text);
    size_t len = 0;
    while (len + dl + 1 <= big) { /* whole copies of the sentence, space-separated */
        memcpy(text + len, de, dl);
        text[len + dl] = ' ';
        len += dl + 1;
    }
    text[len - 1] = '\xff'; /* far past the sample */

    kurz__lidres small, large;
    assert_int_equal(kurz__identify(&small, text, (size_t)64 << 10, NULL), KURZ_OK);
    assert_int_equal(kurz__identify(&large, text, len, NULL), KURZ_OK);
    assert_string_equal(large.lang, "de");
    assert_true(large.examined <= KURZ__LID_SAMPLE);
    assert_true(large.examined > KURZ__LID_SAMPLE - 4);
    assert_int_equal(large.examined, small.examined);

    kurz_langid *r;
    assert_int_equal(kurz_identify(&r, text, len), KURZ_OK);
    assert_string_equal(kurz_langid_language(r), "de");
    assert_int_equal(kurz_langid_examined(r), large.examined);
    kurz_langid_free(r);

    /* A short text is read whole. */
    assert_int_equal(kurz__identify(&small, text, dl, NULL), KURZ_OK);
    assert_int_equal(small.examined, dl);
    free(text);
}

/* The sample never ends inside a character: 3-byte letters across the cut. */
static void sample_cut_at_character(void **state)
{
    (void)state;
    const char *ru = samples[22].text;
    size_t rl = strlen(ru);
    size_t len = KURZ__LID_SAMPLE * 3;
    char *text = malloc(len + 3);
    assert_non_null(text);
    for (size_t lead = 0; lead < 3; lead++) { /* moves the cut through a character */
        memset(text, ' ', lead);
        size_t n = lead;
        while (n + rl <= len) {
            memcpy(text + n, ru, rl);
            n += rl;
        }
        kurz__lidres res;
        assert_int_equal(kurz__identify(&res, text, n, NULL), KURZ_OK);
        assert_string_equal(res.lang, "ru");
        assert_true(res.examined <= KURZ__LID_SAMPLE && res.examined + 3 >= KURZ__LID_SAMPLE);
        assert_true(((unsigned char)text[res.examined] & 0xC0) != 0x80);
    }
    free(text);
}

/* German, French and English among themselves on one short sentence each. */
static void de_fr_en_short(void **state)
{
    (void)state;
    static const sample s[] = {
        {"de", "Die Regierung hat am Montag neue Regeln für den Verkehr beschlossen."},
        {"de", "Das Wetter bleibt in den nächsten Tagen kühl und regnerisch."},
        {"fr", "Le gouvernement a adopté lundi de nouvelles règles pour la circulation."},
        {"fr", "Le temps restera frais et pluvieux pendant les prochains jours."},
        {"en", "The government adopted new traffic rules on Monday."},
        {"en", "The weather will stay cool and rainy for the next few days."},
    };
    for (size_t i = 0; i < sizeof s / sizeof s[0]; i++)
        assert_string_equal(identify(s[i].text, strlen(s[i].text), NULL), s[i].lang);
}

/* Identification is deterministic: the same text gives the same result. */
static void deterministic(void **state)
{
    (void)state;
    for (size_t i = 0; i < NSAMPLES; i++) {
        kurz__lidres a, b;
        size_t n = strlen(samples[i].text);
        assert_int_equal(kurz__identify(&a, samples[i].text, n, NULL), KURZ_OK);
        assert_int_equal(kurz__identify(&b, samples[i].text, n, NULL), KURZ_OK);
        assert_string_equal(a.lang, b.lang);
        assert_true(a.confidence == b.confidence);
        assert_int_equal(a.ncand, b.ncand);
        for (size_t k = 0; k < a.ncand; k++)
            assert_true(a.cand[k].score == b.cand[k].score);
    }
}

/* The summarizer's entry (no UTF-8 check of its own) answers what the
 * checked one answers on valid text, also for a long text whose ranking
 * settles early; on invalid bytes it still reads only its sample and
 * gives an answer, not an error. */
static void unchecked_entry(void **state)
{
    (void)state;
    char *text = malloc(4 * KURZ__LID_SAMPLE);
    assert_non_null(text);
    for (size_t i = 0; i < NSAMPLES; i++) {
        kurz__lidres a, b;
        size_t n = strlen(samples[i].text);
        assert_int_equal(kurz__identify(&a, samples[i].text, n, NULL), KURZ_OK);
        kurz__identify_unchecked(&b, samples[i].text, n);
        assert_string_equal(a.lang, b.lang);
        assert_true(a.confidence == b.confidence);
        assert_int_equal(a.examined, b.examined);
        size_t len = 0; /* the sample over and over: a long text */
        while (len + n + 1 <= 4 * KURZ__LID_SAMPLE) {
            memcpy(text + len, samples[i].text, n);
            text[len + n] = ' ';
            len += n + 1;
        }
        assert_int_equal(kurz__identify(&a, text, len, NULL), KURZ_OK);
        kurz__identify_unchecked(&b, text, len);
        assert_string_equal(a.lang, b.lang);
        assert_string_equal(b.lang, samples[i].lang);
        assert_true(a.confidence == b.confidence);
    }
    static const char *const bad[] = {"Hallo \xff Welt", "caf\xc3", "\xed\xa0\x80 surrogate",
                                      "over\xc0\xaflong", "\xf4\x90\x80\x80", "\xf0"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        kurz__lidres r;
        kurz__identify_unchecked(&r, bad[i], strlen(bad[i]));
        assert_non_null(r.lang);
        assert_int_equal(r.examined, strlen(bad[i]));
    }
    /* Random bytes (a fixed generator), tails cut anywhere: what the
     * sanitizer builds check is that nothing is read outside the text. */
    uint32_t x = 12345;
    for (int t = 0; t < 2000; t++) {
        size_t len = 0;
        x = x * 1103515245u + 12345u;
        size_t want = (x >> 16) % 300;
        for (; len < want; len++) {
            x = x * 1103515245u + 12345u;
            uint8_t c = (uint8_t)(x >> 24);
            text[len] = (char)(c < 0x60 ? 'a' + c % 26 : c); /* some letters, many high bytes */
        }
        char *copy = malloc(len ? len : 1);
        assert_non_null(copy);
        memcpy(copy, text, len);
        kurz__lidres r;
        kurz__identify_unchecked(&r, copy, len);
        assert_non_null(r.lang);
        assert_true(r.examined <= len);
        free(copy);
    }
    free(text);
}

/* Pass 2 starts under the script of the first letter and runs again when
 * pass 1 names another: a Latin word (then a full stop, so that the next
 * word starts a sentence as it does alone) before a Cyrillic or Greek
 * sample changes nothing but the bytes examined. */
static void first_letter_other_script(void **state)
{
    (void)state;
    static const char *const langs[] = {"ru", "el", "hy", "ar"};
    for (size_t l = 0; l < sizeof langs / sizeof langs[0]; l++) {
        const char *t = NULL;
        for (size_t i = 0; i < NSAMPLES; i++)
            if (!strcmp(samples[i].lang, langs[l]))
                t = samples[i].text;
        assert_non_null(t);
        char buf[1024];
        int n = snprintf(buf, sizeof buf, "NATO. %s", t);
        assert_true(n > 0 && (size_t)n < sizeof buf);
        kurz__lidres a, b;
        assert_int_equal(kurz__identify(&a, t, strlen(t), NULL), KURZ_OK);
        assert_int_equal(kurz__identify(&b, buf, (size_t)n, NULL), KURZ_OK);
        assert_string_equal(b.lang, langs[l]);
        assert_string_equal(a.lang, b.lang);
        assert_true(a.confidence == b.confidence);
        assert_int_equal(a.ncand, b.ncand);
        for (size_t j = 0; j < a.ncand; j++) {
            assert_string_equal(a.cand[j].lang, b.cand[j].lang);
            assert_true(a.cand[j].score == b.cand[j].score);
        }
    }
}

/* More distinct letters than pass 2's letter table takes (the
 * foreign-letter test then reads them again): words that use all of
 * U+00E0..U+024F, before the ranking settles (on English words after
 * them). Letters no listed language uses: "und". */
static void many_distinct_letters(void **state)
{
    (void)state;
    char buf[4096];
    size_t n = 0;
    for (uint32_t cp = 0xE0; cp <= 0x24F; cp++) {
        if (cp == 0xF7)
            continue;
        buf[n++] = (char)(0xC0 | (cp >> 6));
        buf[n++] = (char)(0x80 | (cp & 0x3F));
        if (cp % 5 == 0)
            buf[n++] = ' ';
    }
    const char *tail = " Yesterday evening we walked through the old town with our friends";
    memcpy(buf + n, tail, strlen(tail));
    n += strlen(tail);
    kurz__lidres r;
    assert_int_equal(kurz__identify(&r, buf, n, NULL), KURZ_OK);
    assert_string_equal(r.lang, "und");
    kurz__identify_unchecked(&r, buf, n);
    assert_string_equal(r.lang, "und");
}

static void *failing_malloc(void *user, size_t size)
{
    (void)user;
    (void)size;
    return NULL;
}

static void plain_free(void *user, void *p)
{
    (void)user;
    free(p);
}

/* The public result is the only allocation; when it fails, NOMEM and NULL. */
static void allocation_failure(void **state)
{
    (void)state;
    kurz__mem m = {failing_malloc, NULL, plain_free, NULL};
    kurz_langid *r = (kurz_langid *)&r;
    const char *t = samples[5].text;
    assert_int_equal(kurz__identify_alloc(&m, &r, t, strlen(t)), KURZ_ERR_NOMEM);
    assert_null(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_language),
        cmocka_unit_test(candidates),
        cmocka_unit_test(neighbours_refused),
        cmocka_unit_test(marker_words_not_names),
        cmocka_unit_test(too_little),
        cmocka_unit_test(bad_arguments_and_utf8),
        cmocka_unit_test(huge_input_is_sampled),
        cmocka_unit_test(sample_cut_at_character),
        cmocka_unit_test(de_fr_en_short),
        cmocka_unit_test(deterministic),
        cmocka_unit_test(unchecked_entry),
        cmocka_unit_test(first_letter_other_script),
        cmocka_unit_test(many_distinct_letters),
        cmocka_unit_test(allocation_failure),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
