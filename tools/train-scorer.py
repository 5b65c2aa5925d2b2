#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""train-scorer.py: trains kurz's sentence scorer and writes lib/score-model.c.

    tools/train-scorer.py --build build \\
        --short ../shared/eval/summarization/orangesum_fr_train.jsonl \\
        --long ../shared/eval/summarization/klexikon_de_train.jsonl [-o lib/score-model.c]

Training data: JSON lines with "text", "summary", "lang" and optionally
"title" (TRAINING files only: never the validation or test files, which are
for measuring). Needs Debian's python3-numpy and the build's
bench/kurz-features (the library's own stages print the features, so the
trainer and the C scorer see the same numbers).

For every document, the real sentences (kurz's split, boilerplate left
out) get a target between 0 and 1, from ROUGE's view of them (Snowball stems
of casefolded \\w+ words, as bench/rouge.py and the referee count):
  oracle     1 when the greedy extractive oracle picks it (adding it raises
             ROUGE-1 + ROUGE-2 F1 against the reference, until the oracle has
             the reference's length in words), else 0;
  precision  the share of the sentence's words that the reference has
             (counts clipped to the reference's): what a sentence adds to
             ROUGE-1 per word of the budget it takes.

Two models, for short and for long documents: the C scorer picks them by
the length of the document, never by its language (so a German news
article is scored like a French one, and the two versions of a translated
text alike):
  short  trained on the --short files (news: OrangeSum's French articles,
         15 sentences and 32-word summaries typically), target oracle,
         without the features whose scale depends on the language (DROP);
  long   trained on the --long files (Klexikon's German encyclopedia
         articles, 150 sentences and 290-word summaries), target precision
         (for such a budget the oracle's picks are spread through the
         article), all features.
lib/score.c mixes them by the document's length (kurz__long_share) and
mixes the short one with kurz 0.1's blend (KURZ__BLEND_SHARE). A logistic
regression with an L2 penalty (cross-entropy against the target), fitted
by Newton's method on standardized features, predicts the target; its
weights, mapped back to the raw features, are the C table. Each model comes
with the title feature (trained on the records' titles) and without (the
title feature left out, as when no title is given).

Deterministic: the same inputs and build give the same file (fixed
iteration, fixed order, weights printed to 9 significant digits).
"""
import argparse
import collections
import hashlib
import json
import os
import subprocess
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "bench"))
from rouge import Stemmer, tokens  # noqa: E402  (the project's ROUGE tokens)

# Features whose scale depends on the language, not on the sentence's worth:
# German capitalises every noun (caps), has longer words (wordlen) and fewer
# function words (content); a model that leans on them picks different
# sentences of a German text and its French translation (referee xling fell
# from 76.3 to 44.9 with them). Left out: their weight is 0.
# Only in the short model: the long one is for long documents, which
# ntrex-like translated news never are, and it needs them (German
# encyclopedia ROUGE-1 38.2 without, 39.2 with).
DROP = ("caps", "content", "wordlen")
LAMBDA = 1.0  # L2 penalty on the standardized weights (not on the bias)
TARGET = {"short": "oracle", "long": "precision"}


def load(path):
    recs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                recs.append(json.loads(line))
    return recs


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def dump_features(exe, recs):
    """Runs kurz-features on recs; -> (names, {doc: [(sent, start, end, ok, feats)]})."""
    chunks = []
    for r in recs:
        text = r["text"].encode("utf-8")
        title = r.get("title")
        tb = title.encode("utf-8") if isinstance(title, str) else None
        chunks.append(b"%s %d %d\n" % (r["lang"].encode(), len(text), -1 if tb is None else len(tb)))
        chunks.append(text)
        if tb is not None:
            chunks.append(tb)
    p = subprocess.run([exe], input=b"".join(chunks), capture_output=True, check=True)
    lines = p.stdout.decode("utf-8").splitlines()
    names = lines[0].split("\t")[5:]
    docs = collections.defaultdict(list)
    for ln in lines[1:]:
        if ln.startswith("#error"):
            continue
        c = ln.split("\t")
        docs[int(c[0])].append((int(c[1]), int(c[2]), int(c[3]), int(c[4]),
                                [float(x) for x in c[5:]]))
    return names, docs


def bigrams(seq):
    return list(zip(seq, seq[1:]))


def f1(hit, nsys, nref):
    return 0.0 if hit == 0 or nsys == 0 or nref == 0 else 2.0 * hit / (nsys + nref)


def oracle(sents, ref):
    """Greedy ROUGE-1 + ROUGE-2 oracle over sents (lists of stems); -> chosen indices."""
    ref1, ref2 = collections.Counter(ref), collections.Counter(bigrams(ref))
    nref1, nref2 = len(ref), max(len(ref) - 1, 0)
    budget = len(ref)
    # per sentence: its grams that the reference has, and its gram counts
    c1 = [collections.Counter(g for g in s if g in ref1) for s in sents]
    c2 = [collections.Counter(g for g in bigrams(s) if g in ref2) for s in sents]
    cur1, cur2 = collections.Counter(), collections.Counter()
    n1 = n2 = ov1 = ov2 = 0
    best, chosen, words = 0.0, [], 0
    left = set(range(len(sents)))
    while left and words < budget:
        pick, pick_f = None, best
        for i in sorted(left):
            o1 = ov1 + sum(min(cur1[g] + c, ref1[g]) - min(cur1[g], ref1[g]) for g, c in c1[i].items())
            o2 = ov2 + sum(min(cur2[g] + c, ref2[g]) - min(cur2[g], ref2[g]) for g, c in c2[i].items())
            f = f1(o1, n1 + len(sents[i]), nref1) + f1(o2, n2 + max(len(sents[i]) - 1, 0), nref2)
            if f > pick_f + 1e-12:
                pick, pick_f = i, f
        if pick is None:
            break
        s = sents[pick]
        ov1 += sum(min(cur1[g] + c, ref1[g]) - min(cur1[g], ref1[g]) for g, c in c1[pick].items())
        ov2 += sum(min(cur2[g] + c, ref2[g]) - min(cur2[g], ref2[g]) for g, c in c2[pick].items())
        cur1.update(c1[pick])
        cur2.update(c2[pick])
        n1 += len(s)
        n2 += max(len(s) - 1, 0)
        best = pick_f
        chosen.append(pick)
        left.discard(pick)
        words += len(s)
    return chosen


def fit(X, y, w):
    """L2-penalised logistic regression by Newton's method. -> (bias, weights) on raw X."""
    wsum = w.sum()
    mu = (X * w[:, None]).sum(0) / wsum
    sd = np.sqrt(((X - mu) ** 2 * w[:, None]).sum(0) / wsum)
    sd[sd < 1e-9] = 1.0
    Z = np.hstack([np.ones((X.shape[0], 1)), (X - mu) / sd])
    pen = np.full(Z.shape[1], LAMBDA)
    pen[0] = 0.0
    beta = np.zeros(Z.shape[1])
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-(Z @ beta)))
        g = Z.T @ (w * (p - y)) + pen * beta
        H = (Z * (w * p * (1 - p))[:, None]).T @ Z + np.diag(pen)
        step = np.linalg.solve(H, g)
        beta -= step
        if np.max(np.abs(step)) < 1e-10:
            break
    p = np.clip(1.0 / (1.0 + np.exp(-(Z @ beta))), 1e-12, 1 - 1e-12)
    loss = float(-(w * (y * np.log(p) + (1 - y) * np.log(1 - p))).sum() / wsum)
    wraw = beta[1:] / sd
    bias = beta[0] - float((beta[1:] * mu / sd).sum())
    return bias, wraw, loss


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--short", action="append", default=[], required=True,
                    help="training JSONL file of short documents (news); may be repeated")
    ap.add_argument("--long", action="append", default=[], required=True,
                    help="training JSONL file of long documents; may be repeated")
    ap.add_argument("--build", default=os.path.join(HERE, "..", "build"))
    ap.add_argument("-o", "--output", default=os.path.join(HERE, "..", "lib", "score-model.c"))
    ap.add_argument("--drop", default=",".join(DROP),
                    help="features left out of the short model (weight 0), comma-separated "
                    "(default: %(default)s)")
    ap.add_argument("--cache", help="save the labelled rows here, or load them if it exists")
    a = ap.parse_args()
    a.data = a.short + a.long
    for path in a.data:
        base = os.path.basename(path)
        if "valid" in base or "test" in base:
            sys.exit("train-scorer.py: %s looks like evaluation data: train on training files only" % base)
    exe = os.path.join(a.build, "bench", "kurz-features")
    stemmer = Stemmer()

    rows = collections.defaultdict(list)  # group -> [(features, oracle, precision)]
    figures = collections.OrderedDict()
    names = None
    cached = a.cache and os.path.exists(a.cache)
    if cached:
        import pickle
        with open(a.cache, "rb") as f:
            names, rows, figures = pickle.load(f)
    for path in ([] if cached else a.data):
        recs = load(path)
        names, docs = dump_features(exe, recs)
        ndocs = npos = nsent = 0
        for d, r in enumerate(recs):
            lang = r["lang"]
            text = r["text"].encode("utf-8")
            sents = [s for s in docs.get(d, []) if s[3]]  # real sentences only
            if not sents:
                continue
            stems = [[stemmer.stem(t, lang) for t in tokens(text[s[1]:s[2]].decode("utf-8"))]
                     for s in sents]
            ref = [stemmer.stem(t, lang) for t in tokens(r["summary"])]
            if not ref:
                continue
            picked = set(oracle(stems, ref))
            refc = collections.Counter(ref)
            group = "short" if path in a.short else "long"
            for k, s in enumerate(sents):
                orc = 1.0 if k in picked else 0.0
                c = collections.Counter(stems[k])
                prec = sum(min(v, refc[g]) for g, v in c.items()) / len(stems[k]) if stems[k] else 0.0
                rows[group].append((s[4], orc, prec))
            ndocs += 1
            nsent += len(sents)
            npos += len(picked)
        figures[path] = (ndocs, nsent, npos)
        print("%s: %d documents, %d sentences, %d oracle sentences" % (path, ndocs, nsent, npos),
              file=sys.stderr)

    if a.cache and not cached:
        import pickle
        with open(a.cache, "wb") as f:
            pickle.dump((names, rows, figures), f)
    ti = names.index("title")
    drop = [names.index(x) for x in a.drop.split(",") if x]
    models = []
    for group in ("short", "long"):
        X = np.array([f for f, _, _ in rows[group]], dtype=np.float64)
        y = np.array([o if TARGET[group] == "oracle" else p for _, o, p in rows[group]],
                     dtype=np.float64)
        w = np.ones(len(y))
        for title in (0, 1):
            Xt = X.copy()
            if not title:
                Xt[:, ti] = 0.0
            if group == "short":
                Xt[:, drop] = 0.0
            bias, wraw, loss = fit(Xt, y, w)
            models.append((group, title, bias, wraw, loss, len(y), float(y.mean())))
            print("model %s title=%d: %d sentences, mean target %.4f, log loss %.4f" %
                  (group, title, len(y), float(y.mean()), loss), file=sys.stderr)

    out = []
    out.append("/* SPDX-License-Identifier: MIT */")
    out.append("/* GENERATED by tools/train-scorer.py: do not edit; run it again instead:")
    out.append(" *   tools/train-scorer.py --build BUILD %s" %
               " ".join(("--short " if p in a.short else "--long ") + os.path.basename(p)
                        for p in a.data))
    out.append(" * Inputs (training files only):")
    for path in a.data:
        nd, ns, npos = figures[path]
        out.append(" *   %s (%d bytes, sha256 %s...):" % (os.path.basename(path), os.path.getsize(path),
                                                            sha256(path)[:16]))
        out.append(" *     %d documents, %d real sentences, %d picked by the greedy oracle" % (nd, ns, npos))
    out.append(" * Models: short (the --short files; target %s; without %s)," %
               (TARGET["short"], a.drop.replace(",", ", ")))
    out.append(" * long (the --long files; target %s)." % TARGET["long"])
    out.append(" * Logistic regression, L2 penalty %g on standardized features, Newton's" % LAMBDA)
    out.append(" * method; weights on the raw features of lib/features.c. Training figures")
    out.append(" * (mean cross-entropy against the target on the training sentences):")
    for lang, title, bias, wraw, loss, n, ymean in models:
        out.append(" *   %-5s %-8s %7d sentences, mean target %.4f, cross-entropy %.4f" %
                   (lang, "title" if title else "no title", n, ymean, loss))
    out.append(" */")
    out.append('#include "score.h"')
    out.append("")
    out.append("const char *const kurz__model_features[KURZ__NFEAT] = {")
    for k in range(0, len(names), 6):
        out.append("    " + " ".join('"%s",' % n for n in names[k:k + 6]))
    out.append("};")
    out.append("")
    out.append("const kurz__model kurz__models[] = {")
    for lang, title, bias, wraw, loss, n, ymean in models:
        out.append('    {"%s", %d, %.9g,' % (lang, title, bias))
        out.append("     {" + ", ".join("%.9g" % v for v in wraw) + "}},")
    out.append("};")
    out.append("const size_t kurz__nmodels = sizeof kurz__models / sizeof *kurz__models;")
    with open(a.output, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    print("wrote " + a.output, file=sys.stderr)


if __name__ == "__main__":
    main()
