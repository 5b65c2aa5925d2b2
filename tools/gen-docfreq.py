#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes data/docfreq/LANG.txt: how common a word is in general language,
for key phrases (keyphrase.c weighs a word down by it: "année", "pays",
"Jahr" say little about what one text is about).

Usage: gen-docfreq.py LANG CORPUS.jsonl [MAX_WORDS] > data/docfreq/LANG.txt

Inputs used for the committed lists (text of the "text" field of every
record, one record = one document):
  fr  eval/summarization/orangesum_fr_train.jsonl  (OrangeSum, train split)
  de  eval/summarization/klexikon_de_train.jsonl   (Klexikon, train split)
  pt  eval/multi/train/pt.jsonl                    (UD Portuguese sentences)
Only statistics are written, never text: the MAX_WORDS (default 6000) words
found in the most documents (at least MIN_DF), each with its inverse
document frequency ln(N / df) rounded to half units, as value hK for
K = round(2 ln(N / df)) (1..MAXK). Words are maximal runs of \\w, folded as
the tokenizer folds them (NFC + casefold); runs of digits and one-letter
words are skipped. Python 3 standard library only.
"""
import json
import math
import re
import sys
import unicodedata

MIN_DF = 3
MAXK = 24


def fold(w):
    return unicodedata.normalize('NFC', unicodedata.normalize('NFC', w).casefold())


def main():
    lang, path = sys.argv[1], sys.argv[2]
    max_words = int(sys.argv[3]) if len(sys.argv) > 3 else 6000
    df = {}
    n = 0
    word = re.compile(r'\w+')
    with open(path, encoding='utf-8') as f:
        for line in f:
            rec = json.loads(line)
            n += 1
            seen = set()
            for w in word.findall(rec.get('text', '')):
                w = fold(w)
                if len(w) < 2 or w.isdigit() or '_' in w:
                    continue
                seen.add(w)
            for w in seen:
                df[w] = df.get(w, 0) + 1
    best = sorted((w for w in df if df[w] >= MIN_DF), key=lambda w: (-df[w], w))[:max_words]
    print('# Document frequencies of %s words (tools/gen-docfreq.py; %d documents).' % (lang, n))
    print('# Value hK: the word\'s inverse document frequency ln(N / df) is K / 2.')
    print('# Words not listed are rarer than all of these.')
    print('#! values: ' + ' '.join('h%d' % k for k in range(1, MAXK + 1)))
    for w in sorted(best):
        k = round(2 * math.log(n / df[w]))
        k = min(max(k, 1), MAXK)
        print('%s h%d' % (w, k))


if __name__ == '__main__':
    main()
