#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes data/keyphrase-pos/LANG.txt: how noun-like a word is, and
whether it is mostly a verb, for key phrases (keyphrase.c). A reader tags a
text with nouns and names ("gendarmerie", "Venise", "charbon actif"), not
with adjectives ("impressionnantes", "fédérales") or verbs ("expliqué",
"défend"); without a tagger, the word's company in running text tells:

  noun-like  the share of its occurrences right after a determiner or a
             number ("la gendarmerie", "les images", "trois navires"; after
             "de" / "d'" counts half: "de cliniques", but also "de relier");
  verb-like  the share right after a subject pronoun, "ne", a reflexive,
             a form of "avoir", a modal or "pour" ("il défend", "a
             expliqué", "pour entrer"), or else the
             share right before a determiner or "que" ("montrent que",
             "craint la") for a word rarely after a determiner itself;
  name       mostly written with a capital inside a sentence ("Venise").

Usage: gen-keyphrase-pos.py LANG CORPUS.jsonl > data/keyphrase-pos/LANG.txt

Inputs used for the committed lists (the "text" field of every record):
  fr  eval/summarization/orangesum_fr_train.jsonl  (OrangeSum, train split)
  pt  eval/multi/train/pt.jsonl                    (UD Portuguese, train)
Only statistics are written, never text. Entries:
  WORD nK   K = 0..10: noun-likeness min(1, share / FULL) in tenths, for
            words seen at least MIN_COUNT times (a name: n10);
  WORD v    a verb form (verb-like share after >= VERB_SHARE and above its
            noun-like share, or share before >= VERB_NEXT and noun-like
            share below NOUN_LOW);
  -SUF nK   the same for the word endings SUF of 2..4 letters, averaged over
  -SUF v    the words (seen at least 3 times) that end so, for at least
            MIN_TYPES of them: keyphrase.c asks the longest ending listed
            for a word that is not listed itself.
A word whose value its longest listed ending predicts within one tenth is
left out (the ending says it). Words are maximal runs of \\w folded as the
tokenizer folds them (NFC + casefold). Python 3 standard library only.
"""
import json
import re
import sys
import unicodedata

MIN_COUNT = 8
MIN_TYPES = 30
FULL = 0.5
VERB_SHARE = 0.3
VERB_NEXT = 0.4
NOUN_LOW = 0.3

CONTEXT = {
    'fr': {
        'det': 'le la les l un une des du au aux ce cet cette ces son sa ses leur leurs mon ma mes '
               'ton ta tes notre nos votre vos chaque plusieurs quelques deux trois quatre cinq six '
               'sept huit neuf dix vingt cent mille',
        'half': 'de d',
        'verb': 'il elle ils elles on je j nous vous ne n se s a ont avait avaient aura auront '
                'avons avez ai pour sans peut peuvent doit doivent faut veut veulent va vont '
                'pourrait devrait pourra devra',
        'next': 'le la les l un une des du au aux ce cet cette ces son sa ses leur leurs que qu',
    },
    'pt': {
        'det': 'o a os as um uma uns umas do da dos das no na nos nas ao à aos às pelo pela pelos '
               'pelas este esta estes estas esse essa esses essas seu sua seus suas dois duas três '
               'quatro cinco seis sete oito nove dez cem mil',
        'half': 'de em',
        'verb': 'ele ela eles elas eu nós vós não se me te lhe tem têm tinha tinham havia há ter '
                'tenho temos',
        'next': 'o a os as um uma uns umas este esta estes estas esse essa esses essas que',
    },
}


def fold(w):
    return unicodedata.normalize('NFC', unicodedata.normalize('NFC', w).casefold())


def main():
    lang, path = sys.argv[1], sys.argv[2]
    ctx = {k: set(v.split()) for k, v in CONTEXT[lang].items()}
    word = re.compile(r'\w+|[.!?]')
    cnt, noun, verb, cap, mid, nxt = {}, {}, {}, {}, {}, {}
    ndocs = 0
    with open(path, encoding='utf-8') as f:
        for line in f:
            ndocs += 1
            toks = word.findall(unicodedata.normalize('NFC', json.loads(line).get('text', '')))
            prev = '.'
            prevw = None  # the word before t, folded, when it counts
            for t in toks:
                if t in '.!?':
                    prev = t
                    prevw = None
                    continue
                w = fold(t)
                p = fold(prev)
                if prevw is not None and w in ctx['next']:
                    nxt[prevw] = nxt.get(prevw, 0) + 1
                prevw = None
                if len(w) >= 2 and not w.isdigit() and '_' not in w:
                    cnt[w] = cnt.get(w, 0) + 1
                    if p in ctx['det'] or p.isdigit():
                        noun[w] = noun.get(w, 0) + 1
                    elif p in ctx['half']:
                        noun[w] = noun.get(w, 0) + 0.5
                    elif p in ctx['verb']:
                        verb[w] = verb.get(w, 0) + 1
                    if prev not in '.!?':
                        mid[w] = mid.get(w, 0) + 1
                        if t[0].isupper():
                            cap[w] = cap.get(w, 0) + 1
                    prevw = w
                prev = t

    def value(w):
        c = cnt[w]
        ns, vs = noun.get(w, 0) / c, verb.get(w, 0) / c
        if mid.get(w, 0) and cap.get(w, 0) / mid[w] >= 0.5:
            return 10, False  # a name
        xs = nxt.get(w, 0) / c
        verb_like = (vs >= VERB_SHARE and vs > ns) or (xs >= VERB_NEXT and ns < NOUN_LOW)
        return round(10 * min(1.0, ns / FULL)), verb_like

    words = {w: value(w) for w in cnt if cnt[w] >= 3}
    # endings: averaged over the words that end so
    suf = {}
    for w, (k, v) in words.items():
        if k == 10 and cap.get(w, 0) * 2 >= mid.get(w, 1):
            continue  # names say nothing about endings
        n = len(w)
        for L in (2, 3, 4):
            if n >= L + 2:
                s = suf.setdefault(w[-L:], [0, 0, 0])
                s[0] += 1
                s[1] += k
                s[2] += v
    endings = {}
    for s, (nt, ks, vs) in suf.items():
        if nt >= MIN_TYPES:
            endings[s] = (round(ks / nt), vs * 2 > nt)

    def predict(w):
        for L in (4, 3, 2):
            if len(w) >= L + 2 and w[-L:] in endings:
                return endings[w[-L:]]
        return None

    out = {}
    for s, val in endings.items():
        out['-' + s] = val
    for w, val in words.items():
        if cnt[w] < MIN_COUNT:
            continue
        p = predict(w)
        if p is not None and p[1] == val[1] and abs(p[0] - val[0]) <= 1:
            continue
        out[w] = val
    print('# Noun-likeness of %s words (tools/gen-keyphrase-pos.py; %d documents).' % (lang, ndocs))
    print('# nK: a noun (n10) or name, down to a word never after a determiner (n0);')
    print('# v: a verb form. "-SUF": words ending so and not listed themselves.')
    print('#! values: ' + ' '.join('n%d' % k for k in range(11)) + ' v')
    for w in sorted(out):
        k, v = out[w]
        print('%s %s' % (w, 'v' if v else 'n%d' % k))


if __name__ == '__main__':
    main()
