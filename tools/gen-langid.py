#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Generates lib/langid-model.c, kurz's language identification model.

    /usr/bin/python3 tools/gen-langid.py TRAIN_DIR > lib/langid-model.c

TRAIN_DIR holds one <code>.jsonl file per language of kurz_languages()
(records with a "text" field: the shared evaluation data's multi/train/).
The hand-written letters and words of near neighbours outside the list come
from data/langid-neighbours/ in the repository (see its README).
Only statistics leave this script: hashed character n-gram and short-word
features with quantized log-probabilities, the letters each language uses,
and rejection thresholds. No text is written. Standard library only;
deterministic (same input, same output byte for byte).

The feature extraction here and in lib/langid.c must agree exactly:
  * a letter is a code point of Unicode category L* or M*; it is lowercased
    with the simple mapping (the first code point of Python's lower(),
    utf8proc_tolower in C); everything else separates words;
  * a word's script is the script of its first letter; only words of the
    sample's dominant script give features;
  * a word w (at most MAXWORD letters are used) padded as " w " gives every
    character n-gram of orders 1..4 except the lone space, plus, when the
    word has at most WORDMAX letters, the whole word as a feature of order 0;
  * a feature's key is fhash(order, code points), never 0.

Calibration: the records of each language are split (every fifth record
held out); a model fitted on the rest scores pieces of the held-out records
at three lengths, which sets the per-language thresholds used to answer
"und" (the text fits none of the languages). The committed model is then
fitted on all records with the same pruning.
"""
import json
import math
import os
import sys
import unicodedata

LANGS = ["ar", "ca", "da", "de", "el", "en", "es", "eu", "fi", "fr", "ga", "hi", "hu", "hy",
         "id", "it", "lt", "ne", "nl", "no", "pt", "ro", "ru", "sr", "sv", "ta", "tr", "yi"]

# Scripts: index 0 is "other" (any letter outside these ranges).
SCRIPTS = ["other", "latin", "greek", "cyrillic", "armenian", "hebrew", "arabic",
           "devanagari", "tamil"]
RANGES = [  # (first, last, script index); must match script_of() in langid.c
    (0x0041, 0x024F, 1), (0x1E00, 0x1EFF, 1), (0xFF21, 0xFF5A, 1),
    (0x0370, 0x03FF, 2), (0x1F00, 0x1FFF, 2),
    (0x0400, 0x052F, 3),
    (0x0530, 0x058F, 4), (0xFB13, 0xFB17, 4),
    (0x0590, 0x05FF, 5), (0xFB1D, 0xFB4F, 5),
    (0x0600, 0x06FF, 6), (0x0750, 0x077F, 6), (0x08A0, 0x08FF, 6), (0xFB50, 0xFDFF, 6),
    (0xFE70, 0xFEFF, 6),
    (0x0900, 0x097F, 7), (0xA8E0, 0xA8FF, 7),
    (0x0B80, 0x0BFF, 8),
]

MAXORDER = 4
MINORDER = 2     # character n-grams of orders MINORDER..MAXORDER (single letters
                 # add little over bigrams and cost the most: every class has them)
WORDMAX = 12      # whole-word features for words of at most this many letters
MAXWORD = 32      # letters of a word that give n-grams
STEP = 16         # log-probabilities are stored as round(-ln p * STEP), at most 255
ALPHA = 0.5       # additive smoothing
TOPK = {0: 400, 1: 0, 2: 300, 3: 500, 4: 500}  # features kept per class and order
MINCOUNT = 2
SETTLED_MIN = 100  # early stop (langid.c): at least this many features read
SETTLED = 60 * 16  # and the best class ahead of the next by e^60 (q units)
SETTLED_ALONE = 300  # features read before the stop in a script of one class
LIGHT_WORDS = 60   # then the word tests read on to this many words
DENSE_MIN = 8     # an n-gram seen by this many classes or more gets a dense row
DENSE_WIDTH = 32  # bytes of a dense row: the savings by a class's place in its script
DENSE = 31        # postings count that marks a dense row
MBITS = 16384     # bits of the marker words' filter (bit (hash >> 7) % MBITS)


def script_of(cp):
    for a, b, s in RANGES:
        if a <= cp <= b:
            return s
    return 0


def is_letter(ch):
    return unicodedata.category(ch)[0] in "LM"


def lower(ch):
    low = ch.lower()
    return low[0] if low else ch


M32 = 0xFFFFFFFF


def fhash(order, cps):
    h = (2166136261 ^ (order * 0x9E3779B9)) & M32
    for cp in cps:
        h = ((h ^ cp) * 16777619) & M32
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & M32
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & M32
    h ^= h >> 16
    return h if h else 1


def words_of(text):
    """[(script, [code points])] of the text's words, in order."""
    out = []
    cur = []
    for ch in text:
        if is_letter(ch):
            cur.append(ord(lower(ch)))
        elif cur:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return [(script_of(w[0]), w) for w in out]


def features(words, script):
    """Keys (order, hash) of the features of the words of one script."""
    feats = []
    for s, w in words:
        if s != script:
            continue
        w = w[:MAXWORD]
        if len(w) <= WORDMAX:
            feats.append((0, fhash(0, w)))
        p = [32] + w + [32]
        for n in range(MINORDER, MAXORDER + 1):
            for i in range(len(p) - n + 1):
                g = p[i:i + n]
                if n == 1 and g[0] == 32:
                    continue
                feats.append((n, fhash(n, g)))
    return feats


def dominant(words):
    cnt = [0] * len(SCRIPTS)
    for s, w in words:
        cnt[s] += len(w)
    best = max(range(len(SCRIPTS)), key=lambda i: (cnt[i], -i))
    return best, cnt


def read(train_dir, lang):
    recs = []
    with open(os.path.join(train_dir, lang + ".jsonl"), encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            recs.append((r["text"], r.get("sentences") or [r["text"]]))
    return recs


class Model:
    """A class is a (language, script) pair: Serbian is written in Latin and
    Cyrillic letters, and each script's n-grams are counted apart."""

    def __init__(self, data):
        """data: {lang: [text]}"""
        letters = {l: {} for l in LANGS}
        scripts = {l: [0] * len(SCRIPTS) for l in LANGS}
        wl = {}
        for lang in LANGS:
            wl[lang] = []
            for text in data[lang]:
                ws = words_of(text)
                wl[lang].append(ws)
                for s, w in ws:
                    scripts[lang][s] += len(w)
        # A language is a class of a script holding >= 5% of its letters.
        self.classes = [(l, s) for l in LANGS for s in range(1, len(SCRIPTS))
                        if scripts[l][s] >= 0.05 * sum(scripts[l])]
        self.counts = []
        self.totals = []
        self.letters = []
        for lang, script in self.classes:
            c = {}
            tot = [0] * (MAXORDER + 1)
            let = {}
            for ws in wl[lang]:
                for s, w in ws:
                    if s == script:
                        for cp in w:
                            let[cp] = let.get(cp, 0) + 1
                for k in features(ws, script):
                    c[k] = c.get(k, 0) + 1
                    tot[k[0]] += 1
            self.counts.append(c)
            self.totals.append(tot)
            self.letters.append(let)
        self.cands = {s: [ci for ci, (l, sc) in enumerate(self.classes) if sc == s]
                      for s in range(1, len(SCRIPTS))}
        vocab = [set() for _ in range(MAXORDER + 1)]
        for c in self.counts:
            for k in c:
                vocab[k[0]].add(k[1])
        self.V = [len(v) for v in vocab]
        kept = set()
        for c in self.counts:
            byorder = [[] for _ in range(MAXORDER + 1)]
            for k, n in c.items():
                if n >= MINCOUNT:
                    byorder[k[0]].append((-n, k))
            for o in range(MAXORDER + 1):
                byorder[o].sort()
                kept.update(k for _, k in byorder[o][:TOPK[o]])
        self.table = {}       # key -> [(class index, q)]
        for k in sorted(kept):
            posts = []
            for ci in range(len(self.classes)):
                n = self.counts[ci].get(k, 0)
                if n >= MINCOUNT:
                    # stored as the saving over an unseen feature (>= 0)
                    posts.append((ci, max(0, self.q(ci, k[0], 0) - self.q(ci, k[0], n))))
            self.table[k] = posts
        self.unseen = [[self.q(ci, o, 0) for o in range(MAXORDER + 1)]
                       for ci in range(len(self.classes))]
        # Letters a class uses: seen at least 3 times and at a rate of 1 in
        # 20,000, marker letters (below) never, a neighbour's frequent letter
        # only at a rate of 1 in 2,000 (Russian has a few hard signs).
        # Letters that count twice when foreign to the class: marker letters,
        # and a neighbour's frequent letters the class hardly ever uses.
        self.alphabet = []
        self.strong = []
        for let in self.letters:
            tot = sum(let.values())
            self.alphabet.append(sorted(cp for cp, n in let.items()
                                        if n >= 3 and n * 20000 >= tot and cp not in MARKERS
                                        and (cp not in FREQUENT or n * 2000 >= tot)))
            self.strong.append(sorted(MARKERS | set(cp for cp in FREQUENT
                                                    if let.get(cp, 0) * 20000 < tot)))

    def q(self, ci, order, n):
        if not self.V[order]:
            return 0  # an order the model does not use
        p = (n + ALPHA) / (self.totals[ci][order] + ALPHA * self.V[order])
        return min(255, int(round(-math.log(p) * STEP)))

    def score(self, text):
        """(ranked [(cost, class)], script, stats) as langid.c computes them,
        early stop included: once SETTLED_MIN features are read and the best
        class leads the next by SETTLED, only the best class's known words
        are counted on, up to LIGHT_WORDS words in all."""
        ws = words_of(text)
        script, cnt = dominant(ws)
        if script == 0 or cnt[script] == 0:
            return [], script, None
        nord = [0] * (MAXORDER + 1)
        cost = [0] * len(self.classes)
        known = [0] * len(self.classes)
        cands = self.cands[script]
        nwords = lwords = 0
        head = -1
        for s, w in ws:
            if s != script:
                continue
            nwords += 1
            if head >= 0:
                if len(w) <= WORDMAX:
                    lwords += 1
                    posts = self.table.get((0, fhash(0, w)))
                    if posts and any(ci == head for ci, _ in posts):
                        known[head] += 1
                if nwords >= LIGHT_WORDS:
                    break
                continue
            for k in features([(s, w)], script):
                nord[k[0]] += 1
                posts = self.table.get(k)
                if posts:
                    for ci, d in posts:
                        cost[ci] -= d
                        if k[0] == 0:
                            known[ci] += 1
            if nwords % 4 == 0 and sum(nord) >= SETTLED_MIN:
                tot = sorted((self.total(ci, cost, nord), ci) for ci in cands)
                if len(tot) == 1:
                    if sum(nord) >= SETTLED_ALONE:
                        head = tot[0][1]
                elif tot[1][0] - tot[0][0] >= SETTLED:
                    head = tot[0][1]
        res = sorted((self.total(ci, cost, nord), ci) for ci in cands)
        # rival: settled ahead of another class (langid.c then skips the
        # test of the mean cost per feature)
        return res, script, (sum(nord), nord[0] + lwords, known, ws, cnt[script],
                             head >= 0 and len(cands) > 1)

    def total(self, ci, cost, nord):
        return cost[ci] + sum(nord[o] * self.unseen[ci][o] for o in range(MAXORDER + 1))

    def alien(self, ci, ws, script):
        a = set(self.alphabet[ci])
        n = 0
        for s, w in ws:
            if s == script:
                n += sum(1 for cp in w if cp not in a
                         and unicodedata.category(chr(cp))[0] != "M")
        return n


NEIGHBOURS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data",
                          "langid-neighbours")


def read_neighbours(d=NEIGHBOURS):
    """Marker letters, frequent letters (sets of code points) and {code: [word]}
    of the hand-written files data/langid-neighbours/<code>.txt (format: that
    directory's README)."""
    letters = set()
    frequent = set()
    words = {}
    for name in sorted(os.listdir(d)):
        if not name.endswith(".txt"):
            continue
        code = name[:-4]
        ws = []
        with open(os.path.join(d, name), encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if line.startswith("#! letters:"):
                    letters.update(ord(c) for c in line[len("#! letters:"):].split())
                elif line.startswith("#! frequent:"):
                    frequent.update(ord(c) for c in line[len("#! frequent:"):].split())
                elif line and not line.startswith("#"):
                    ws.append(line)
        words[code] = ws
    return letters, frequent, words


# Letters that mark a language outside kurz's list (Ukrainian i, Polish
# l-stroke, ...), and function words of near neighbours outside the list:
# facts written by hand in data/langid-neighbours/.
MARKERS, FREQUENT, MARKER_WORDS = read_neighbours()
# A marker word counts against a class whose training text never has it.


def marker_words(m):
    """[(hash, foreign mask, strong mask)] sorted by hash. A word is foreign
    to the classes whose training text never has it; it is strong (counts
    twice) where it is foreign and no class's training text has it more
    than once, unless it is a single letter (initials, numbering)."""
    out = {}
    for code in sorted(MARKER_WORDS):
        for word in MARKER_WORDS[code]:
            cps = [ord(lower(c)) for c in word]
            h = fhash(0, cps)
            mask = 0
            for ci in range(len(m.classes)):
                n = m.counts[ci].get((0, h), 0)
                if n == 0:
                    mask |= 1 << ci
            total = sum(c.get((0, h), 0) for c in m.counts)
            strong = mask if len(cps) >= 2 and total <= 1 else 0
            old = out.get(h, (0, 0))
            out[h] = (old[0] | mask, old[1] | strong)
    return sorted((h, a, b) for h, (a, b) in out.items())


def bucket(nf):
    return 0 if nf < 150 else 1 if nf < 400 else 2 if nf < 1200 else 3


NBUCKETS = 4


def pieces(recs):
    """Held-out texts at three lengths: single sentences, three sentences, records."""
    out = []
    for text, sents in recs:
        for s in sents[:3]:
            if len(s.split()) >= 6:
                out.append(s)
        if len(sents) >= 3:
            out.append(" ".join(sents[:3]))
        out.append(text)
    return out


def stats_of(m, text):
    res, script, st = m.score(text)
    if not res:
        return None
    nf, nwords, known, ws, nlet, early = st
    best_c, best = res[0]
    per = best_c / max(1, nf)  # mean cost per feature (q units)
    kw = known[best] / nwords if nwords else 1.0
    mk = marker_words(m) if not hasattr(m, "mk") else m.mk
    m.mk = mk
    mks = {h: (a, b) for h, a, b in mk}
    nm = sum((a >> best & 1) + (b >> best & 1)
             for a, b in (mks.get(fhash(0, w[:MAXWORD]), (0, 0))
                          for s2, w in ws if s2 == script and len(w) <= WORDMAX))
    return best, per, kw, bucket(nf), m.alien(best, ws, script), nlet, nm, nwords, early


PER_MARGIN = 4.0   # q units per feature above the worst held-out text
KNOWN_MARGIN = 0.10


def main():
    train_dir = sys.argv[1]
    recs = {l: read(train_dir, l) for l in LANGS}
    # Calibration: fit on 4/5, measure on the held-out fifth.
    fit = {l: [t for i, (t, _) in enumerate(recs[l]) if i % 5 != 2] for l in LANGS}
    held = {l: pieces([r for i, r in enumerate(recs[l]) if i % 5 == 2]) for l in LANGS}
    m = Model(fit)
    # A marker letter must be rare in every listed language (names aside).
    for ci, (lang, script) in enumerate(m.classes):
        tot = sum(m.letters[ci].values())
        for cp in MARKERS:
            if m.letters[ci].get(cp, 0) * 2000 >= tot:
                raise SystemExit("marker letter U+%04X is common in %s" % (cp, lang))
    # Per class and length bucket: the largest mean cost per feature and the
    # smallest share of known words among the class's own held-out texts
    # (whole class when a bucket has under 30), widened by a margin.
    nc = len(m.classes)
    per_b = [[[] for _ in range(NBUCKETS)] for _ in range(nc)]
    kw_b = [[[] for _ in range(NBUCKETS)] for _ in range(nc)]
    correct = total = marked = 0
    for lang in LANGS:
        for t in held[lang]:
            st = stats_of(m, t)
            if not st:
                continue
            total += 1
            if m.classes[st[0]][0] != lang:
                continue
            correct += 1
            if st[6] >= 2 and st[6] * 25 >= st[7]:
                marked += 1
            per_b[st[0]][st[3]].append(st[1])
            kw_b[st[0]][st[3]].append(st[2])
    maxper = [[0] * NBUCKETS for _ in range(nc)]
    minkw = [[0] * NBUCKETS for _ in range(nc)]
    for ci in range(nc):
        allper = [x for b in per_b[ci] for x in b]
        allkw = [x for b in kw_b[ci] for x in b]
        for b in range(NBUCKETS):
            xs = per_b[ci][b] if len(per_b[ci][b]) >= 30 else allper
            ks = kw_b[ci][b] if len(kw_b[ci][b]) >= 30 else allkw
            maxper[ci][b] = int(math.ceil((max(xs) + PER_MARGIN) * 16))
            minkw[ci][b] = max(0, int(math.floor((min(ks) - KNOWN_MARGIN) * 255)))
        sys.stderr.write("%s/%s: maxper %s minkw %s\n" % (m.classes[ci][0], SCRIPTS[m.classes[ci][1]],
                         maxper[ci], minkw[ci]))
    sys.stderr.write("held-out accuracy %d/%d, refused for marker words %d\n"
                     % (correct, total, marked))
    full = Model({l: [t for t, _ in recs[l]] for l in LANGS})
    if full.classes != m.classes:
        raise SystemExit("classes differ between calibration and final model")
    emit(full, maxper, minkw)


def letters_per_class(w, name, lists, nc):
    """Writes the code points of lists[0..nc) as one array kurz__lid_NAME
    with the offsets kurz__lid_NAME_at (class ci: [at[ci], at[ci + 1]))."""
    flat = []
    offs = []
    for ci in range(nc):
        offs.append(len(flat))
        flat.extend(lists[ci])
    offs.append(len(flat))
    w("const uint16_t kurz__lid_%s_at[KURZ__LID_NCLASSES + 1] = {%s};\n"
      % (name, ", ".join(str(x) for x in offs)))
    w("const uint16_t kurz__lid_%s[%d] = {\n" % (name, len(flat)))
    for i in range(0, len(flat), 10):
        w("    " + ", ".join("0x%04x" % x for x in flat[i:i + 10]) + ",\n")
    w("};\n")


def emit(m, maxper, minkw):
    keys = sorted(m.table)
    n = len(keys)
    size = n * 2 + 1   # load factor 0.5 (a miss probes 2.5 slots on average, not 13
                       # as at 0.8); any size (slot = hi16 * size >> 16)
    fps = [0] * size
    where = [0] * size
    posts = []
    dense = []
    local = [m.cands[sc].index(ci) for ci, (_, sc) in enumerate(m.classes)]
    if max(len(c) for c in m.cands.values()) > DENSE_WIDTH or len(m.classes) >= DENSE:
        raise SystemExit("too many classes for the postings' layout")
    dropped = 0
    for k in keys:
        h = k[1]
        fp = (h & 0xFFFF) or 1
        i = ((h >> 16) * size) >> 16
        clash = False
        while fps[i]:
            clash = clash or fps[i] == fp
            i = i + 1 if i + 1 < size else 0
        if clash:  # lookups would find the earlier key: leave this one out
            dropped += 1
            continue
        fps[i] = fp
        p = m.table[k]
        if k[0] != 0 and len(p) >= DENSE_MIN and len(set(m.classes[ci][1] for ci, _ in p)) == 1:
            # a row of savings by the classes' place in their script (not
            # for the rare key that two scripts' n-grams share by a hash clash)
            row = [0] * DENSE_WIDTH
            for ci, q in p:
                row[local[ci]] = q
            where[i] = (len(dense) << 5) | DENSE
            dense.append(row)
        else:
            where[i] = (len(posts) << 5) | len(p)
            posts.extend(p)
    nc = len(m.classes)
    o = []
    w = o.append
    w("/* GENERATED FILE - do not edit. Made by tools/gen-langid.py from the\n")
    w(" * training text of kurz's 28 languages (the shared evaluation data's\n")
    w(" * multi/train/<lang>.jsonl; none of the text is here, only hashed n-gram\n")
    w(" * statistics, alphabets and thresholds) and the hand-written letters and\n")
    w(" * words of near neighbours in data/langid-neighbours/. Remade with:\n")
    w(" *   /usr/bin/python3 tools/gen-langid.py ../shared/eval/multi/train > lib/langid-model.c\n")
    w(" * %d features (%d left out: fingerprint clash), %d postings, %d dense rows,\n"
      " * %d slots, %d classes. */\n" % (n - dropped, dropped, len(posts), len(dense), size, nc))
    w('#include "langid.h"\n\n')
    w("#if KURZ__LID_MINORDER != %d || KURZ__LID_NORDERS != %d || KURZ__LID_WORDMAX != %d \\\n"
      "    || KURZ__LID_MAXWORD != %d || KURZ__LID_NCLASSES != %d || KURZ__LID_MBITS != %d \\\n"
      "    || KURZ__LID_SETTLED_MIN != %d || KURZ__LID_SETTLED != %d || KURZ__LID_LIGHT_WORDS != %d \\\n"
      "    || KURZ__LID_SETTLED_ALONE != %d || KURZ__LID_NSCRIPTS != %d \\\n"
      "    || KURZ__LID_DENSE != %d || KURZ__LID_DENSE_WIDTH != %d\n"
      % (MINORDER, MAXORDER + 1, WORDMAX, MAXWORD, nc, MBITS, SETTLED_MIN, SETTLED, LIGHT_WORDS,
         SETTLED_ALONE, len(SCRIPTS), DENSE, DENSE_WIDTH))
    w("#error langid.h does not match this model: remake it\n#endif\n\n")
    w("const char *const kurz__lid_class_code[KURZ__LID_NCLASSES] = {%s};\n"
      % ", ".join('"%s"' % l for l, _ in m.classes))
    w("const uint8_t kurz__lid_class_script[KURZ__LID_NCLASSES] = {%s};\n"
      % ", ".join(str(s) for _, s in m.classes))
    alone = [0] * len(SCRIPTS)
    for sc in range(1, len(SCRIPTS)):
        if len(m.cands[sc]) == 1:
            alone[sc] = m.cands[sc][0] + 1
    w("const uint8_t kurz__lid_script_alone[KURZ__LID_NSCRIPTS] = {%s};\n"
      % ", ".join(str(x) for x in alone))
    w("const uint32_t kurz__lid_nslots = %d;\n" % size)
    # fingerprint and postings word side by side: one cache line a probe
    assert all(0 <= x < 1 << 32 for x in where)
    w("const uint16_t kurz__lid_slot[%d][3] = {\n" % size)
    for i in range(0, size, 4):
        w("    " + ", ".join("{%d, %d, %d}" % (fps[j], where[j] & 0xFFFF, where[j] >> 16)
                             for j in range(i, min(i + 4, size))) + ",\n")
    w("};\n")
    w("const uint16_t kurz__lid_posts[%d] = {\n" % len(posts))
    for i in range(0, len(posts), 12):
        w("    " + ", ".join("%d" % ((ci << 8) | q) for ci, q in posts[i:i + 12]) + ",\n")
    w("};\n")
    w("const uint8_t kurz__lid_class_local[KURZ__LID_NCLASSES] = {%s};\n"
      % ", ".join(str(x) for x in local))
    w("const uint8_t kurz__lid_dense[%d][KURZ__LID_DENSE_WIDTH] = {\n" % len(dense))
    for row in dense:
        w("    {" + ", ".join(str(x) for x in row) + "},\n")
    w("};\n")
    w("const uint8_t kurz__lid_unseen[KURZ__LID_NCLASSES][KURZ__LID_NORDERS] = {\n")
    for ci in range(nc):
        w("    {" + ", ".join(str(x) for x in m.unseen[ci]) + "},\n")
    w("};\n")
    w("const uint16_t kurz__lid_maxper[KURZ__LID_NCLASSES][KURZ__LID_NBUCKETS] = {\n")
    for ci in range(nc):
        w("    {" + ", ".join(str(x) for x in maxper[ci]) + "},\n")
    w("};\n")
    w("const uint8_t kurz__lid_minknown[KURZ__LID_NCLASSES][KURZ__LID_NBUCKETS] = {\n")
    for ci in range(nc):
        w("    {" + ", ".join(str(x) for x in minkw[ci]) + "},\n")
    w("};\n")
    letters_per_class(w, "alpha", m.alphabet, nc)
    letters_per_class(w, "strong", m.strong, nc)
    mk = marker_words(m)
    w("const uint32_t kurz__lid_mword[%d][3] = {\n" % len(mk))
    for h, mask, strong in mk:
        w("    {0x%08x, 0x%08x, 0x%08x},\n" % (h, mask, strong))
    w("};\n")
    w("const size_t kurz__lid_nmwords = %d;\n" % len(mk))
    bits = [0] * (MBITS // 32)
    for h, _, _ in mk:
        b = (h >> 7) % MBITS
        bits[b // 32] |= 1 << (b % 32)
    w("const uint32_t kurz__lid_mbits[KURZ__LID_MBITS / 32] = {\n")
    for i in range(0, len(bits), 8):
        w("    " + ", ".join("0x%08x" % x for x in bits[i:i + 8]) + ",\n")
    w("};\n")
    sys.stdout.write("".join(o))


if __name__ == "__main__":
    main()
