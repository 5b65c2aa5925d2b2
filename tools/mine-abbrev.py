#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Abbreviation candidates from gold sentence splits: a token ending in '.'
that the gold does not treat as a sentence end. Prints per language:
token, times inside a sentence, times at a sentence end.

Usage: tools/mine-abbrev.py DIR
DIR holds <lang>.jsonl files of records {"sentences": [...]}, e.g.
../shared/eval/multi/train/ (the gold splits the data/abbrev/ lists were
reviewed against). The candidates are only a reminder: the lists in data/
are written and reviewed by hand, and no text of DIR goes into the repo."""
import json, re, sys, collections, os
root = sys.argv[1]
for fn in sorted(os.listdir(root)):
    lang = fn[:-6]
    inside = collections.Counter(); atend = collections.Counter()
    for line in open(os.path.join(root, fn), encoding='utf-8'):
        r = json.loads(line)
        for s in r['sentences']:
            toks = s.split()
            for i, t in enumerate(toks):
                t = t.strip('("\'«„“”»)')
                if not t.endswith('.') or len(t) < 2 or t.endswith('..'):
                    continue
                if re.fullmatch(r'[\d.,]+', t):
                    continue
                if i == len(toks) - 1:
                    atend[t] += 1
                else:
                    inside[t] += 1
    cands = [(t, c, atend[t]) for t, c in inside.items() if c >= 2 and c >= 3 * atend[t] and len(t) <= 12]
    cands.sort(key=lambda x: (-x[1], x[0]))
    print(lang, ' '.join(f'{t}:{c}/{e}' for t, c, e in cands[:60]))
