/* Word lists of the sentence splitter; included by segment.c only.
 *
 * Abbreviations are stored as keys with their dots removed, so "z. B.",
 * "z.B." and "zB." all meet the key "zB"; "c.-à-d." is "c-à-d". Keys are
 * compared with the letter case as written; an abbreviation that opens a
 * sentence ("Vgl.") is also tried with its first letter lowered.
 *
 *   SEG_NEVER  practically never ends a sentence: titles before a name,
 *              abbreviations that are followed by more of the sentence
 *              ("Dr.", "vgl.", "ca.", "M."). No split after them, even
 *              before a capital letter; only a blank line or the end of
 *              the text ends the unit.
 *   SEG_MAY    may end a sentence ("usw.", "etc.", "Nr.", "Jh.", month
 *              abbreviations): split only when the next word starts with a
 *              capital letter (not before a digit or a lowercase word).
 *
 * Single letters with a dot ("B." of "z. B.", initials "J. R. R.", "M.")
 * are never final and need no entries. Written for this project.
 *
 * Every list is sorted by byte length, then by bytes (memcmp), for binary
 * search; tests/test-segment.c checks the order. */
#ifndef KURZ_SEGMENT_DATA_H
#define KURZ_SEGMENT_DATA_H

enum { SEG_NEVER = 1, SEG_MAY = 2 };

typedef struct seg_word {
    const char *s;
    unsigned char len;
    unsigned char cat;
} seg_word;

#define N_(str) { str, (unsigned char)(sizeof(str) - 1), SEG_NEVER }
#define M_(str) { str, (unsigned char)(sizeof(str) - 1), SEG_MAY }
#define W_(str) { str, (unsigned char)(sizeof(str) - 1), 0 }

static const seg_word seg_abbr_de[] = {
    N_("Az"), M_("Bd"), N_("Co"), N_("Dr"), N_("Fr"), N_("Hg"), N_("Hl"), N_("Hr"), M_("Jg"),
    M_("Jh"), M_("Nr"), M_("Sp"), N_("St"), N_("aD"), N_("ca"), N_("dh"), N_("dt"), M_("eV"),
    N_("ev"), N_("ff"), N_("hl"), N_("iA"), N_("iH"), N_("iR"), N_("iW"), N_("lt"), N_("od"),
    N_("rd"), N_("uU"), M_("uZ"), N_("ua"), N_("va"), N_("vs"), N_("wg"), N_("zB"), N_("zT"),
    N_("zZ"), N_("zw"), M_("Abb"), M_("Abs"), N_("Abt"), M_("Anm"), M_("Apr"), M_("Art"),
    M_("Aug"), M_("Bde"), N_("Bhf"), M_("Bsp"), M_("Chr"), M_("Dez"), M_("Feb"), N_("Frl"),
    N_("Ges"), N_("Hrn"), M_("Inc"), N_("Ing"), M_("Jan"), M_("Jhd"), M_("Jul"), M_("Jun"),
    M_("Kap"), M_("Ltd"), N_("Mag"), M_("Min"), N_("Mio"), N_("Mrd"), M_("Nov"), M_("Okt"),
    N_("Pfd"), N_("Pfr"), N_("Pkt"), M_("Red"), N_("Reg"), M_("Sek"), M_("Sep"), N_("Sta"),
    M_("Std"), M_("Str"), M_("Tab"), N_("Tel"), N_("Tsd"), N_("Ztg"), N_("bes"), N_("bzw"),
    N_("dgl"), M_("etc"), N_("frz"), N_("geb"), N_("gem"), N_("gen"), N_("gez"), N_("ggf"),
    N_("idR"), N_("jew"), M_("jun"), N_("jur"), N_("lat"), N_("max"), N_("med"), N_("min"),
    N_("mtl"), N_("nat"), N_("oec"), N_("oÄ"), N_("oä"), N_("pol"), N_("ref"), N_("rer"),
    N_("sek"), M_("sen"), N_("sog"), N_("ugs"), M_("usf"), M_("usw"), N_("uvm"), N_("uÄ"),
    N_("uä"), N_("vgl"), N_("zit"), N_("zul"), N_("zus"), N_("zzt"), M_("Aufl"), M_("Ausg"),
    M_("Corp"), N_("Dipl"), M_("Febr"), N_("Gebr"), N_("Hrsg"), M_("Jhdt"), M_("Mär"), N_("Prof"),
    M_("Sept"), N_("Univ"), N_("Verf"), N_("Vors"), M_("Ziff"), N_("allg"), N_("amtl"), N_("betr"),
    N_("bspw"), N_("bzgl"), N_("ehem"), N_("engl"), N_("evtl"), N_("exkl"), N_("gegr"), N_("gest"),
    N_("ggü"), N_("hpts"), N_("incl"), N_("inkl"), N_("insb"), N_("ital"), N_("kath"), N_("luth"),
    N_("mind"), M_("nChr"), N_("phil"), N_("röm"), N_("span"), N_("spez"), M_("vChr"), N_("verh"),
    N_("verw"), N_("vorm"), N_("wiss"), N_("zzgl"), N_("übl"), M_("Jahrh"), N_("abzgl"),
    N_("bezgl"), N_("desgl"), N_("eigtl"), N_("evang"), N_("franz"), N_("gesch"), N_("habil"),
    N_("näml"), N_("theol"), N_("tägl"), N_("urspr"), N_("entspr"), N_("griech"), N_("insbes"),
    N_("jährl"), N_("staatl"), N_("stellv"), N_("städt"), N_("ausschl"), N_("einschl"),
    N_("schweiz"), N_("österr"), N_("wöchentl"),
};

static const seg_word seg_abbr_fr[] = {
    N_("M"), M_("Co"), N_("Dr"), M_("Jr"), N_("Lt"), N_("MM"), N_("Me"), N_("Mr"), M_("No"),
    N_("Pr"), N_("St"), M_("al"), N_("av"), N_("bd"), N_("ca"), N_("cf"), N_("ex"), M_("no"),
    N_("op"), M_("pp"), M_("sq"), N_("vs"), M_("Art"), N_("Cdt"), M_("Cie"), N_("Drs"), M_("Fig"),
    N_("Gal"), M_("Inc"), M_("Ltd"), N_("Mes"), N_("Mgr"), N_("Mio"), N_("Mme"), N_("Mrd"),
    N_("Sgt"), N_("Ste"), N_("Sts"), M_("Vol"), N_("Vve"), N_("apr"), M_("art"), M_("avr"),
    M_("cit"), N_("dir"), N_("env"), M_("etc"), M_("fig"), M_("hab"), M_("max"), M_("min"),
    M_("nov"), M_("oct"), N_("pex"), M_("sqq"), M_("vol"), M_("Éd"), M_("éd"), M_("Chap"),
    M_("Coll"), M_("Corp"), N_("Mlle"), N_("Mmes"), N_("Stes"), N_("boul"), M_("chap"), N_("coll"),
    M_("déc"), M_("fév"), M_("ibid"), M_("janv"), M_("juil"), N_("resp"), M_("réf"), M_("sept"),
    M_("suiv"), N_("trad"), M_("tél"), N_("Mlles"), M_("févr"), M_("juill"), N_("approx"),
    N_("c-à-d"),
};

static const seg_word seg_abbr_en[] = {
    M_("Co"), N_("Dr"), N_("Ft"), M_("Jr"), N_("Lt"), N_("Mr"), N_("Ms"), N_("Mt"), M_("No"),
    M_("Rd"), M_("Sr"), N_("St"), M_("al"), M_("am"), N_("ca"), N_("cf"), M_("ch"), M_("ed"),
    N_("eg"), N_("ie"), M_("pm"), M_("pp"), N_("vs"), M_("Apr"), M_("Aug"), M_("Ave"), N_("Col"),
    M_("Dec"), M_("Feb"), N_("Gen"), N_("Gov"), N_("Hon"), M_("Inc"), M_("Jan"), M_("Jul"),
    M_("Jun"), M_("Ltd"), M_("Mar"), N_("Mrs"), M_("Nos"), M_("Nov"), M_("Oct"), N_("Rep"),
    N_("Rev"), N_("Sen"), M_("Sep"), N_("Sgt"), M_("eds"), M_("est"), M_("etc"), M_("fig"),
    M_("vol"), M_("Blvd"), N_("Capt"), M_("Corp"), N_("Prof"), M_("Sept"), M_("dept"),
    N_("Messrs"), N_("approx"),
};

/* For languages without rules of their own: abbreviations that are safe in
 * the common Western European languages. */
static const seg_word seg_abbr_other[] = {
    M_("Co"), N_("Dr"), M_("Jr"), N_("MM"), N_("Mr"), N_("Ms"), M_("No"), M_("Nr"), M_("Sr"),
    N_("St"), N_("ca"), N_("cf"), N_("dh"), N_("eg"), N_("ie"), N_("ua"), N_("vs"), N_("zB"),
    M_("Inc"), M_("Ltd"), N_("Mio"), N_("Mme"), N_("Mrd"), N_("Mrs"), N_("bzw"), M_("etc"),
    N_("pex"), M_("usw"), N_("vgl"), M_("Corp"), N_("Mlle"), N_("Prof"), N_("c-à-d"),
};

/* German words that, after "<number>.", show the number is an ordinal:
 * month names and nouns often counted ("am 3. Mai", "im 2. Weltkrieg"). */
static const seg_word seg_ordinal_next_de[] = {
    W_("FC"), W_("Jh"), W_("Apr"), W_("Aug"), W_("Dez"), W_("Feb"), W_("Jan"), W_("Jhd"),
    W_("Jul"), W_("Jun"), W_("Mai"), W_("Mal"), W_("Nov"), W_("Okt"), W_("Sep"), W_("Tag"),
    W_("Band"), W_("Febr"), W_("Grad"), W_("Jhdt"), W_("Juli"), W_("Juni"), W_("Lauf"), W_("Liga"),
    W_("Mär"), W_("Rang"), W_("Satz"), W_("Sept"), W_("Sieg"), W_("Teil"), W_("April"),
    W_("Armee"), W_("Etage"), W_("Feber"), W_("Folge"), W_("Korps"), W_("Monat"), W_("März"),
    W_("Platz"), W_("Runde"), W_("Senat"), W_("Stock"), W_("Stufe"), W_("Titel"), W_("Welle"),
    W_("Woche"), W_("Absatz"), W_("Advent"), W_("August"), W_("Bezirk"), W_("Etappe"),
    W_("Grades"), W_("Januar"), W_("Kammer"), W_("Klasse"), W_("Lesung"), W_("Minute"),
    W_("Stelle"), W_("Artikel"), W_("Auflage"), W_("Ausgabe"), W_("Episode"), W_("Februar"),
    W_("Hälfte"), W_("Instanz"), W_("Jänner"), W_("Kapitel"), W_("Oktober"), W_("Platzes"),
    W_("Quartal"), W_("Sitzung"), W_("Staffel"), W_("Amtszeit"), W_("Dezember"), W_("Division"),
    W_("Dynastie"), W_("Halbjahr"), W_("Kongress"), W_("Kreuzzug"), W_("November"), W_("Quartals"),
    W_("Regiment"), W_("Semester"), W_("Sinfonie"), W_("Spieltag"), W_("Todestag"), W_("Wahlgang"),
    W_("Durchgang"), W_("Jahrestag"), W_("Parteitag"), W_("Schuljahr"), W_("September"),
    W_("Spieltags"), W_("Stockwerk"), W_("Symphonie"), W_("Todesjahr"), W_("Weltkrieg"),
    W_("Bundesliga"), W_("Geburtstag"), W_("Generation"), W_("Halbjahres"), W_("Lebensjahr"),
    W_("Saisonsieg"), W_("Spieltages"), W_("Todestages"), W_("Weltkriegs"), W_("Geburtstags"),
    W_("Jahrestages"), W_("Jahrhundert"), W_("Jahrtausend"), W_("Wahlperiode"), W_("Weltkrieges"),
    W_("Geburtstages"), W_("Jahrhunderte"), W_("Jahrhunderts"), W_("Jahrtausends"),
    W_("Obergeschoss"), W_("Adventssonntag"), W_("Internationale"), W_("Legislaturperiode"),
};

/* Endings of compound nouns that usually follow an ordinal. */
static const seg_word seg_ordinal_suffix_de[] = {
    W_("jahr"), W_("lauf"), W_("liga"), W_("platz"), W_("runde"), W_("etappe"), W_("jahres"),
    W_("klasse"), W_("saison"), W_("tagung"), W_("auflage"), W_("ausgabe"), W_("periode"),
    W_("quartal"), W_("sitzung"), W_("turnier"), W_("amtszeit"), W_("geschoss"), W_("kongress"),
    W_("quartals"), W_("sinfonie"), W_("spieltag"), W_("todestag"), W_("jahrestag"),
    W_("jubiläum"), W_("parteitag"), W_("symphonie"), W_("weltkrieg"), W_("geburtstag"),
    W_("jubiläums"), W_("jahrhundert"), W_("jahrhunderts"),
};

/* Lowercase words after which a line cannot end a heading or a sentence:
 * articles, prepositions, conjunctions, determiners. A line ending with one
 * runs on into the next line. */
static const seg_word seg_func_de[] = {
    W_("am"), W_("an"), W_("im"), W_("in"), W_("ob"), W_("um"), W_("z."), W_("zu"), W_("als"),
    W_("ans"), W_("auf"), W_("aus"), W_("bei"), W_("bis"), W_("das"), W_("dem"), W_("den"),
    W_("der"), W_("des"), W_("die"), W_("ein"), W_("ihr"), W_("ins"), W_("mit"), W_("per"),
    W_("pro"), W_("und"), W_("vom"), W_("von"), W_("vor"), W_("wie"), W_("zum"), W_("zur"),
    W_("aber"), W_("alle"), W_("beim"), W_("bzw."), W_("dass"), W_("daß"), W_("eine"), W_("für"),
    W_("ihre"), W_("jede"), W_("kein"), W_("nach"), W_("oder"), W_("ohne"), W_("samt"), W_("sehr"),
    W_("sein"), W_("seit"), W_("weil"), W_("wenn"), W_("allen"), W_("aller"), W_("beide"),
    W_("deine"), W_("diese"), W_("durch"), W_("einem"), W_("einen"), W_("einer"), W_("eines"),
    W_("gegen"), W_("ihrem"), W_("ihren"), W_("ihrer"), W_("ihres"), W_("jedem"), W_("jeden"),
    W_("jeder"), W_("jedes"), W_("keine"), W_("meine"), W_("neben"), W_("seine"), W_("sowie"),
    W_("statt"), W_("trotz"), W_("unser"), W_("unter"), W_("viele"), W_("weder"), W_("wegen"),
    W_("über"), W_("andere"), W_("beiden"), W_("diesem"), W_("diesen"), W_("dieser"), W_("dieses"),
    W_("einige"), W_("hinter"), W_("keinem"), W_("keinen"), W_("keiner"), W_("manche"),
    W_("meinem"), W_("meinen"), W_("seinem"), W_("seinen"), W_("seiner"), W_("seines"),
    W_("sowohl"), W_("unsere"), W_("vielen"), W_("welche"), W_("wenige"), W_("anderen"),
    W_("anderer"), W_("anderes"), W_("einigen"), W_("mehrere"), W_("sondern"), W_("unserem"),
    W_("unseren"), W_("welcher"), W_("welches"), W_("wenigen"), W_("entweder"), W_("mehreren"),
    W_("während"), W_("zwischen"), W_("innerhalb"), W_("außerhalb"),
};

static const seg_word seg_func_fr[] = {
    W_("au"), W_("ce"), W_("de"), W_("du"), W_("en"), W_("et"), W_("la"), W_("le"), W_("ma"),
    W_("ne"), W_("ni"), W_("ou"), W_("sa"), W_("se"), W_("un"), W_("à"), W_("aux"), W_("car"),
    W_("ces"), W_("cet"), W_("des"), W_("les"), W_("mes"), W_("mon"), W_("nos"), W_("par"),
    W_("que"), W_("qui"), W_("ses"), W_("son"), W_("sur"), W_("une"), W_("vos"), W_("avec"),
    W_("chez"), W_("dans"), W_("donc"), W_("dont"), W_("leur"), W_("mais"), W_("plus"), W_("pour"),
    W_("quel"), W_("sans"), W_("sous"), W_("vers"), W_("avant"), W_("cette"), W_("comme"),
    W_("entre"), W_("leurs"), W_("notre"), W_("quand"), W_("quels"), W_("selon"), W_("très"),
    W_("votre"), W_("après"), W_("contre"), W_("depuis"), W_("quelle"), W_("lorsque"),
    W_("malgré"), W_("pendant"), W_("puisque"), W_("quelles"),
};

static const seg_word seg_func_en[] = {
    W_("a"), W_("an"), W_("as"), W_("at"), W_("by"), W_("if"), W_("in"), W_("my"), W_("of"),
    W_("on"), W_("or"), W_("to"), W_("and"), W_("but"), W_("for"), W_("his"), W_("its"), W_("nor"),
    W_("our"), W_("the"), W_("who"), W_("from"), W_("into"), W_("onto"), W_("over"), W_("than"),
    W_("that"), W_("this"), W_("very"), W_("whom"), W_("with"), W_("your"), W_("their"),
    W_("these"), W_("those"), W_("under"), W_("which"), W_("whose"), W_("because"),
};

/* Words that often open a sentence (lowercased): after an initial or a
 * Roman numeral ("Carl XVI. Gustaf", "dem II. Vatikanischen") the dot ends
 * the sentence only before one of these ("Benedikt XVI. Er", "OS X. Une"),
 * and in sloppy text a lowercase one after a real word ("hat. das", "vite.
 * à"). The French list has elided forms without apostrophe (c' j' l'). */
static const seg_word seg_starter_de[] = {
    W_("am"), W_("da"), W_("du"), W_("er"), W_("es"), W_("im"), W_("in"), W_("ja"), W_("so"),
    W_("wo"), W_("zu"), W_("als"), W_("auf"), W_("aus"), W_("bei"), W_("das"), W_("dem"),
    W_("den"), W_("der"), W_("des"), W_("die"), W_("ein"), W_("ich"), W_("ihr"), W_("man"),
    W_("mit"), W_("nun"), W_("sie"), W_("und"), W_("vom"), W_("von"), W_("was"), W_("wer"),
    W_("wie"), W_("wir"), W_("zum"), W_("zur"), W_("aber"), W_("auch"), W_("dann"), W_("denn"),
    W_("dies"), W_("doch"), W_("dort"), W_("eine"), W_("für"), W_("hier"), W_("ihre"), W_("mein"),
    W_("nach"), W_("nein"), W_("noch"), W_("sein"), W_("seit"), W_("weil"), W_("wenn"),
    W_("bitte"), W_("dabei"), W_("daher"), W_("damit"), W_("danke"), W_("diese"), W_("einer"),
    W_("hallo"), W_("heute"), W_("meine"), W_("seine"), W_("zudem"), W_("danach"), W_("dieser"),
    W_("dieses"), W_("jedoch"), W_("leider"), W_("obwohl"), W_("vielen"), W_("später"),
    W_("während"), W_("außerdem"),
};

static const seg_word seg_starter_fr[] = {
    W_("c"), W_("d"), W_("j"), W_("l"), W_("n"), W_("s"), W_("ce"), W_("en"), W_("et"), W_("il"),
    W_("je"), W_("la"), W_("le"), W_("ma"), W_("on"), W_("ou"), W_("qu"), W_("sa"), W_("si"),
    W_("tu"), W_("un"), W_("à"), W_("ces"), W_("cet"), W_("des"), W_("ils"), W_("les"), W_("mes"),
    W_("mon"), W_("non"), W_("oui"), W_("par"), W_("ses"), W_("son"), W_("sur"), W_("une"),
    W_("ceci"), W_("cela"), W_("dans"), W_("donc"), W_("elle"), W_("leur"), W_("lors"), W_("mais"),
    W_("nous"), W_("pour"), W_("puis"), W_("vous"), W_("ainsi"), W_("alors"), W_("avant"),
    W_("cette"), W_("elles"), W_("enfin"), W_("leurs"), W_("merci"), W_("quand"), W_("selon"),
    W_("voici"), W_("après"), W_("depuis"), W_("voilà"), W_("aujourd"), W_("bonjour"),
    W_("bonsoir"), W_("lorsque"), W_("pourtant"), W_("cependant"),
};

static const seg_word seg_starter_en[] = {
    W_("a"), W_("i"), W_("an"), W_("at"), W_("he"), W_("in"), W_("it"), W_("on"), W_("we"),
    W_("and"), W_("but"), W_("her"), W_("his"), W_("its"), W_("she"), W_("the"), W_("you"),
    W_("that"), W_("then"), W_("they"), W_("this"), W_("when"), W_("after"), W_("their"),
    W_("there"), W_("these"), W_("those"), W_("before"), W_("however"),
};

/* German articles and contractions that make a following "<number>." an
 * ordinal ("am 12.", "der 3.", "zum 2."). */
static const seg_word seg_ordinal_prev_de[] = {
    W_("am"), W_("im"), W_("das"), W_("dem"), W_("den"), W_("der"), W_("des"), W_("die"),
    W_("ihr"), W_("ins"), W_("vom"), W_("zum"), W_("zur"), W_("beim"), W_("ihre"), W_("jede"),
    W_("sein"), W_("ihrem"), W_("ihren"), W_("ihres"), W_("jedem"), W_("jeden"), W_("jeder"),
    W_("seine"), W_("seinem"), W_("seinen"), W_("seines"),
};

#undef N_
#undef M_
#undef W_

#endif /* KURZ_SEGMENT_DATA_H */
