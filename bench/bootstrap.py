#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""bootstrap.py: a paired bootstrap of two summarizers' ROUGE on the same documents.

    bench/bootstrap.py DATA.jsonl --a 'CMD' --b 'CMD' [--limit N] [--resamples 10000]

CMD is a shell command template as the referee takes it: {input} is a file
holding the text, {lang} the language, {words} the word budget (the
reference's length in words); its output is the summary. Each record
("text", "summary", "lang") is summarized by both; ROUGE-1/2/L F1 are
counted as bench/rouge.py counts them (Snowball stems of casefolded \\w+
words, output cut to the budget). Prints, per measure, the mean of A and
B, the mean difference B - A and its 95% interval from resampling the
documents with replacement (seeded: the same inputs give the same figures).
Example, the new default against an older build:

    bench/bootstrap.py ../shared/eval/summarization/orangesum_fr_valid.jsonl \\
        --a '/tmp/old/cli/kurz -l {lang} -w {words} {input}' \\
        --b 'build/cli/kurz -l {lang} -w {words} {input}'
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from rouge import Stemmer, records, scores  # noqa: E402


def summarize(template, text, lang, words):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        f.write(text)
        path = f.name
    try:
        p = subprocess.run(template.format(input=path, lang=lang, words=words), shell=True,
                           capture_output=True, timeout=120)
    finally:
        os.unlink(path)
    if p.returncode != 0:
        return ""  # a failure scores 0, as the referee counts it
    return p.stdout.decode("utf-8", "replace")


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data")
    ap.add_argument("--a", required=True, help="the baseline's command")
    ap.add_argument("--b", required=True, help="the contender's command")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--resamples", type=int, default=10000)
    a = ap.parse_args()
    stemmer = Stemmer()
    per = []  # per document: (A's r1, r2, rl, B's r1, r2, rl)
    for rec, lang, ref, budget in records(a.data, stemmer, a.limit):
        sa = scores(stemmer, summarize(a.a, rec["text"], lang, budget), ref, lang, budget)
        sb = scores(stemmer, summarize(a.b, rec["text"], lang, budget), ref, lang, budget)
        per.append(tuple(100 * v for v in sa + sb))
    n = len(per)
    if n == 0:
        sys.exit("bootstrap.py: no records")
    rng = random.Random(20261203)
    result = {"data": os.path.basename(a.data), "docs": n, "resamples": a.resamples}
    diffs = [[p[3 + k] - p[k] for p in per] for k in range(3)]
    boots = [[] for _ in range(3)]
    for _ in range(a.resamples):
        idx = [rng.randrange(n) for _ in range(n)]
        for k in range(3):
            d = diffs[k]
            boots[k].append(sum(d[i] for i in idx) / n)
    for k, name in enumerate(("rouge1", "rouge2", "rougeL")):
        b = sorted(boots[k])
        lo, hi = b[int(0.025 * len(b))], b[int(0.975 * len(b)) - 1]
        result[name] = {"a": round(sum(p[k] for p in per) / n, 2),
                        "b": round(sum(p[3 + k] for p in per) / n, 2),
                        "diff": round(sum(diffs[k]) / n, 2),
                        "ci95": [round(lo, 2), round(hi, 2)],
                        "b_better_share": round(sum(1 for x in b if x > 0) / len(b), 4)}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
