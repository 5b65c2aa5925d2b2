/* Stop words of German, French and English.
 *
 * Function words only: articles, pronouns, determiners, prepositions,
 * conjunctions, forms of the auxiliary and modal verbs and common adverbs.
 * Every entry is in the tokenizer's normal form (NFC + casefold: "dass",
 * "über", "où", "était"), so lookups compare bytes. Inflected forms are
 * listed one by one because the lookup happens before stemming. French
 * elided forms (l' d' qu' ...) never reach here; English contractions are
 * split at the apostrophe, so their pieces ("don", "t", "ll") are listed.
 * No entry consists of digits only.
 *
 * Each list is sorted by bytes (memcmp order, as `LC_ALL=C sort`), holds
 * words of at most 15 bytes, and is searched by bisection. The unit test
 * checks order, uniqueness, length and normal form, so entries can be
 * edited by hand. Everything is static const: no state, no initialisation. */
#include <string.h>

#include "kurz-private.h"

/* Entries are zero-padded to 16 bytes (at most 15 bytes of word), so that a
 * comparison is two 64-bit integer compares. */
#define SW_MAX 15
struct sw {
    char s[SW_MAX + 1];
};

#define W(lit) { lit }

/* 419 words */
static const struct sw de_words[] = {
    W("ab"), W("aber"), W("alle"), W("allem"), W("allen"), W("aller"), W("allerdings"),
    W("alles"), W("als"), W("also"), W("am"), W("an"), W("andere"), W("anderem"), W("anderen"),
    W("anderer"), W("anderes"), W("ans"), W("anstatt"), W("auch"), W("auf"), W("aufs"),
    W("aus"), W("ausserdem"), W("ausserhalb"), W("bei"), W("beide"), W("beiden"), W("beider"),
    W("beides"), W("beim"), W("bereits"), W("besonders"), W("bevor"), W("beziehungsweise"),
    W("bin"), W("binnen"), W("bis"), W("bisher"), W("bislang"), W("bist"), W("bloss"), W("bzw"),
    W("da"), W("dabei"), W("dadurch"), W("dafür"), W("dagegen"), W("daher"), W("damit"),
    W("danach"), W("daneben"), W("dank"), W("dann"), W("daran"), W("darauf"), W("daraus"),
    W("darf"), W("darfst"), W("darin"), W("darum"), W("darunter"), W("darüber"), W("das"),
    W("dasjenige"), W("dass"), W("dasselbe"), W("davon"), W("davor"), W("dazu"),
    W("dazwischen"), W("dein"), W("deine"), W("deinem"), W("deinen"), W("deiner"), W("deines"),
    W("dem"), W("demselben"), W("den"), W("denen"), W("denn"), W("dennoch"), W("denselben"),
    W("der"), W("deren"), W("derjenige"), W("derselbe"), W("des"), W("deshalb"), W("dessen"),
    W("deswegen"), W("dich"), W("die"), W("diejenige"), W("diejenigen"), W("diese"),
    W("dieselbe"), W("diesem"), W("diesen"), W("dieser"), W("dieses"), W("dir"), W("doch"),
    W("dort"), W("du"), W("durch"), W("durchs"), W("durfte"), W("durften"), W("dürfen"),
    W("dürft"), W("dürfte"), W("dürften"), W("eben"), W("ebenfalls"), W("ebenso"), W("eher"),
    W("eigentlich"), W("ein"), W("einander"), W("eine"), W("einem"), W("einen"), W("einer"),
    W("eines"), W("einige"), W("einigem"), W("einigen"), W("einiger"), W("einiges"),
    W("entlang"), W("entweder"), W("er"), W("erst"), W("es"), W("etc"), W("etwa"), W("etwas"),
    W("euch"), W("euer"), W("eure"), W("eurem"), W("euren"), W("eurer"), W("eures"), W("falls"),
    W("fast"), W("für"), W("fürs"), W("ganz"), W("gar"), W("gegen"), W("gegenüber"),
    W("gehabt"), W("gemäss"), W("gewesen"), W("geworden"), W("habe"), W("haben"), W("habt"),
    W("hast"), W("hat"), W("hatte"), W("hatten"), W("hattest"), W("hattet"), W("hier"),
    W("hierbei"), W("hierfür"), W("hierzu"), W("hinter"), W("hätte"), W("hätten"), W("hättest"),
    W("ich"), W("ihm"), W("ihn"), W("ihnen"), W("ihr"), W("ihre"), W("ihrem"), W("ihren"),
    W("ihrer"), W("ihres"), W("im"), W("immer"), W("in"), W("indem"), W("innerhalb"), W("ins"),
    W("insbesondere"), W("ist"), W("ja"), W("jede"), W("jedem"), W("jeden"), W("jeder"),
    W("jedes"), W("jedoch"), W("jemand"), W("jemanden"), W("jene"), W("jenem"), W("jenen"),
    W("jener"), W("jenes"), W("jetzt"), W("jeweils"), W("kann"), W("kannst"), W("kaum"),
    W("kein"), W("keine"), W("keinem"), W("keinen"), W("keiner"), W("keines"), W("konnte"),
    W("konnten"), W("können"), W("könnt"), W("könnte"), W("könnten"), W("laut"), W("lediglich"),
    W("mag"), W("magst"), W("mal"), W("man"), W("manche"), W("manchem"), W("manchen"),
    W("mancher"), W("manches"), W("mehr"), W("mehrere"), W("mehreren"), W("mein"), W("meine"),
    W("meinem"), W("meinen"), W("meiner"), W("meines"), W("meisten"), W("mich"), W("mir"),
    W("mit"), W("mittels"), W("mochte"), W("mochten"), W("muss"), W("musst"), W("musste"),
    W("mussten"), W("möchte"), W("möchten"), W("mögen"), W("müssen"), W("müsst"), W("müsste"),
    W("müssten"), W("nach"), W("nachdem"), W("neben"), W("nein"), W("nicht"), W("nichts"),
    W("niemand"), W("noch"), W("nun"), W("nur"), W("nämlich"), W("ob"), W("oberhalb"),
    W("obgleich"), W("obwohl"), W("oder"), W("oft"), W("ohne"), W("per"), W("pro"), W("samt"),
    W("schon"), W("sehr"), W("seid"), W("sein"), W("seine"), W("seinem"), W("seinen"),
    W("seiner"), W("seines"), W("seit"), W("seitdem"), W("seitens"), W("selber"), W("selbst"),
    W("sich"), W("sie"), W("sind"), W("so"), W("sobald"), W("sodass"), W("sogar"), W("solange"),
    W("solche"), W("solchem"), W("solchen"), W("solcher"), W("solches"), W("soll"), W("sollen"),
    W("sollst"), W("sollt"), W("sollte"), W("sollten"), W("sondern"), W("sonst"), W("sowie"),
    W("sowieso"), W("sowohl"), W("statt"), W("stets"), W("trotz"), W("trotzdem"), W("um"),
    W("und"), W("uns"), W("unser"), W("unsere"), W("unserem"), W("unseren"), W("unserer"),
    W("unseres"), W("unter"), W("unterhalb"), W("usw"), W("viel"), W("viele"), W("vielen"),
    W("vieler"), W("vieles"), W("vielleicht"), W("vom"), W("von"), W("vor"), W("vors"),
    W("wann"), W("war"), W("waren"), W("warst"), W("wart"), W("warum"), W("was"), W("weder"),
    W("wegen"), W("weil"), W("welche"), W("welchem"), W("welchen"), W("welcher"), W("welches"),
    W("wem"), W("wen"), W("wenig"), W("wenige"), W("wenigen"), W("wenn"), W("wer"), W("werde"),
    W("werden"), W("werdet"), W("weshalb"), W("wessen"), W("wie"), W("wieder"), W("wieso"),
    W("will"), W("willst"), W("wir"), W("wird"), W("wirst"), W("wo"), W("wodurch"), W("wofür"),
    W("woher"), W("wohin"), W("wohl"), W("wollen"), W("wollt"), W("wollte"), W("wollten"),
    W("womit"), W("worauf"), W("worden"), W("worin"), W("wovon"), W("wurde"), W("wurden"),
    W("wurdest"), W("während"), W("wäre"), W("wären"), W("wärst"), W("wärt"), W("würde"),
    W("würden"), W("würdest"), W("ziemlich"), W("zu"), W("zudem"), W("zum"), W("zur"),
    W("zusammen"), W("zwar"), W("zwischen"), W("über"), W("überhaupt"), W("übers"),
};

/* 278 words */
static const struct sw fr_words[] = {
    W("a"), W("afin"), W("ai"), W("aie"), W("aient"), W("aies"), W("ainsi"), W("ait"),
    W("alors"), W("après"), W("as"), W("assez"), W("au"), W("aucun"), W("aucune"), W("aujourd"),
    W("auquel"), W("aura"), W("aurai"), W("auraient"), W("aurais"), W("aurait"), W("auras"),
    W("aurez"), W("auriez"), W("aurions"), W("aurons"), W("auront"), W("aussi"), W("autre"),
    W("autres"), W("aux"), W("auxquelles"), W("auxquels"), W("avaient"), W("avais"), W("avait"),
    W("avant"), W("avec"), W("avez"), W("aviez"), W("avions"), W("avoir"), W("avons"),
    W("ayant"), W("ayez"), W("ayons"), W("beaucoup"), W("bien"), W("car"), W("ce"), W("ceci"),
    W("cela"), W("celle"), W("celles"), W("celui"), W("cependant"), W("certain"), W("certaine"),
    W("certaines"), W("certains"), W("ces"), W("cet"), W("cette"), W("ceux"), W("chaque"),
    W("chez"), W("ci"), W("combien"), W("comme"), W("comment"), W("contre"), W("dans"), W("de"),
    W("depuis"), W("des"), W("desquelles"), W("desquels"), W("devaient"), W("devait"),
    W("devra"), W("devraient"), W("devrait"), W("doit"), W("doivent"), W("donc"), W("dont"),
    W("du"), W("duquel"), W("durant"), W("dès"), W("déjà"), W("dû"), W("elle"), W("elles"),
    W("en"), W("encore"), W("enfin"), W("ensuite"), W("entre"), W("envers"), W("environ"),
    W("es"), W("est"), W("et"), W("etc"), W("eu"), W("eue"), W("eurent"), W("eus"), W("eut"),
    W("eux"), W("eût"), W("fallait"), W("faudra"), W("faudrait"), W("faut"), W("furent"),
    W("fus"), W("fut"), W("fût"), W("hors"), W("hui"), W("ici"), W("il"), W("ils"), W("jamais"),
    W("je"), W("jusque"), W("la"), W("laquelle"), W("le"), W("lequel"), W("les"),
    W("lesquelles"), W("lesquels"), W("leur"), W("leurs"), W("lors"), W("lorsque"), W("lui"),
    W("là"), W("ma"), W("mais"), W("malgré"), W("me"), W("mes"), W("moi"), W("moins"), W("mon"),
    W("même"), W("mêmes"), W("ne"), W("ni"), W("non"), W("nos"), W("notamment"), W("notre"),
    W("nous"), W("néanmoins"), W("on"), W("ont"), W("ou"), W("oui"), W("outre"), W("où"),
    W("par"), W("parce"), W("parmi"), W("pas"), W("pendant"), W("peu"), W("peut"), W("peuvent"),
    W("peux"), W("plus"), W("plusieurs"), W("pour"), W("pourquoi"), W("pourra"),
    W("pourraient"), W("pourrait"), W("pourtant"), W("pouvaient"), W("pouvait"), W("presque"),
    W("pu"), W("puis"), W("puisque"), W("quand"), W("que"), W("quel"), W("quelle"),
    W("quelles"), W("quelque"), W("quelques"), W("quels"), W("qui"), W("quoi"), W("quoique"),
    W("rien"), W("sa"), W("sans"), W("se"), W("selon"), W("sera"), W("serai"), W("seraient"),
    W("serais"), W("serait"), W("seras"), W("serez"), W("seriez"), W("serions"), W("serons"),
    W("seront"), W("ses"), W("seulement"), W("si"), W("sinon"), W("soi"), W("soient"),
    W("sois"), W("soit"), W("sommes"), W("son"), W("sont"), W("sous"), W("souvent"), W("soyez"),
    W("soyons"), W("suis"), W("sur"), W("surtout"), W("ta"), W("tandis"), W("tant"), W("te"),
    W("tel"), W("telle"), W("tellement"), W("telles"), W("tels"), W("tes"), W("toi"), W("ton"),
    W("toujours"), W("tous"), W("tout"), W("toute"), W("toutefois"), W("toutes"), W("trop"),
    W("très"), W("tu"), W("un"), W("une"), W("vers"), W("via"), W("voici"), W("voilà"),
    W("vos"), W("votre"), W("vous"), W("vraiment"), W("y"), W("à"), W("ça"), W("également"),
    W("étaient"), W("étais"), W("était"), W("étant"), W("étiez"), W("étions"), W("été"),
    W("êtes"), W("être"),
};

/* 218 words */
static const struct sw en_words[] = {
    W("a"), W("about"), W("above"), W("across"), W("after"), W("again"), W("against"), W("all"),
    W("almost"), W("along"), W("already"), W("also"), W("although"), W("always"), W("am"),
    W("among"), W("an"), W("and"), W("another"), W("any"), W("anyone"), W("anything"), W("are"),
    W("aren"), W("around"), W("as"), W("at"), W("be"), W("because"), W("been"), W("before"),
    W("behind"), W("being"), W("below"), W("between"), W("beyond"), W("both"), W("but"),
    W("by"), W("can"), W("cannot"), W("could"), W("couldn"), W("d"), W("despite"), W("did"),
    W("didn"), W("do"), W("does"), W("doesn"), W("doing"), W("don"), W("down"), W("during"),
    W("each"), W("either"), W("else"), W("enough"), W("even"), W("ever"), W("every"),
    W("everyone"), W("everything"), W("except"), W("few"), W("for"), W("from"), W("further"),
    W("had"), W("hadn"), W("has"), W("hasn"), W("have"), W("haven"), W("having"), W("he"),
    W("hence"), W("her"), W("here"), W("hers"), W("herself"), W("him"), W("himself"), W("his"),
    W("how"), W("however"), W("i"), W("if"), W("in"), W("indeed"), W("inside"), W("into"),
    W("is"), W("isn"), W("it"), W("its"), W("itself"), W("just"), W("let"), W("lets"), W("ll"),
    W("m"), W("many"), W("may"), W("me"), W("might"), W("more"), W("moreover"), W("most"),
    W("much"), W("must"), W("my"), W("myself"), W("neither"), W("never"), W("no"), W("none"),
    W("nor"), W("not"), W("nothing"), W("now"), W("of"), W("off"), W("often"), W("on"),
    W("once"), W("one"), W("only"), W("onto"), W("or"), W("other"), W("ought"), W("our"),
    W("ours"), W("ourselves"), W("out"), W("outside"), W("over"), W("own"), W("perhaps"),
    W("quite"), W("rather"), W("re"), W("s"), W("same"), W("several"), W("shall"), W("she"),
    W("should"), W("shouldn"), W("since"), W("so"), W("some"), W("someone"), W("something"),
    W("sometimes"), W("still"), W("such"), W("t"), W("than"), W("that"), W("the"), W("their"),
    W("theirs"), W("them"), W("themselves"), W("then"), W("there"), W("therefore"), W("these"),
    W("they"), W("this"), W("those"), W("though"), W("through"), W("thus"), W("to"), W("too"),
    W("toward"), W("towards"), W("under"), W("unless"), W("until"), W("up"), W("upon"), W("us"),
    W("ve"), W("very"), W("via"), W("was"), W("wasn"), W("we"), W("were"), W("weren"),
    W("what"), W("when"), W("where"), W("whereas"), W("whether"), W("which"), W("while"),
    W("who"), W("whom"), W("whose"), W("why"), W("will"), W("with"), W("within"), W("without"),
    W("won"), W("would"), W("wouldn"), W("yet"), W("you"), W("your"), W("yours"), W("yourself"),
    W("yourselves"),
};

#undef W

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const struct sw *list_of(kurz__lang lang, size_t *n)
{
    switch (lang) {
    case KURZ__LANG_DE:
        *n = COUNT(de_words);
        return de_words;
    case KURZ__LANG_FR:
        *n = COUNT(fr_words);
        return fr_words;
    case KURZ__LANG_EN:
        *n = COUNT(en_words);
        return en_words;
    default:
        *n = 0;
        return NULL;
    }
}

/* Big-endian load, so integer order is byte (memcmp) order. */
static uint64_t be64(const unsigned char *p)
{
    return (uint64_t)p[0] << 56 | (uint64_t)p[1] << 48 | (uint64_t)p[2] << 40 |
           (uint64_t)p[3] << 32 | (uint64_t)p[4] << 24 | (uint64_t)p[5] << 16 |
           (uint64_t)p[6] << 8 | (uint64_t)p[7];
}

int kurz__is_stopword(kurz__lang lang, const uint8_t *w, size_t n)
{
    size_t cnt;
    const struct sw *v = list_of(lang, &cnt);
    if (!v || n == 0 || n > SW_MAX)
        return 0;
    unsigned char key[SW_MAX + 1] = {0};
    memcpy(key, w, n);
    const uint64_t hi = be64(key), lo = be64(key + 8);
    /* branch-free bisection for the last entry <= key */
    const struct sw *base = v;
    while (cnt > 1) {
        size_t half = cnt / 2;
        const unsigned char *e = (const unsigned char *)base[half].s;
        uint64_t ehi = be64(e), elo = be64(e + 8);
        int le = (ehi < hi) | ((ehi == hi) & (elo <= lo));
        base = le ? base + half : base;
        cnt -= half;
    }
    /* equal padded bytes; the length check rejects a word with NUL inside */
    return memcmp(base->s, key, sizeof key) == 0 && strlen(base->s) == n;
}

/* For the unit test only (not in kurz-private.h): the i-th entry of lang's
 * list and its length, or NULL past the end. */
const char *kurz__stopword_at(kurz__lang lang, size_t i, size_t *len);

const char *kurz__stopword_at(kurz__lang lang, size_t i, size_t *len)
{
    size_t cnt;
    const struct sw *v = list_of(lang, &cnt);
    if (!v || i >= cnt)
        return NULL;
    *len = strlen(v[i].s);
    return v[i].s;
}
