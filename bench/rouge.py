#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Score kurz on your own data: ROUGE-1, ROUGE-2 and ROUGE-L (F1 x 100).

Input: JSON lines with "text", "summary" and "lang" (ISO code such as de or
fr). For every record kurz summarizes "text" to about as many words as the
reference "summary" has, the output is cut at that many words, and both
sides are compared as Snowball stems of casefolded word tokens.

    bench/rouge.py DATA.jsonl [--build build] [--limit N] [-- KURZ OPTIONS]

Options after "--" are passed to kurz.summarize as name=value, for example
    bench/rouge.py data.jsonl -- position_weight=0.5 algorithm=textrank
Only the standard library, the Python binding and libstemmer (through
ctypes) are needed.
"""
import argparse
import ctypes
import ctypes.util
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
SNOWBALL = {"de": "german", "fr": "french", "en": "english"}
WORD = re.compile(r"\w+")


class Stemmer:
    """A Snowball stemmer from libstemmer, one per language."""

    def __init__(self):
        name = ctypes.util.find_library("stemmer") or "libstemmer.so.0d"
        self.lib = ctypes.CDLL(name)
        self.lib.sb_stemmer_new.restype = ctypes.c_void_p
        self.lib.sb_stemmer_new.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
        self.lib.sb_stemmer_stem.restype = ctypes.POINTER(ctypes.c_ubyte)
        self.lib.sb_stemmer_stem.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        self.lib.sb_stemmer_length.restype = ctypes.c_int
        self.lib.sb_stemmer_length.argtypes = [ctypes.c_void_p]
        self.handles = {}
        self.cache = {}

    def stem(self, word, lang):
        key = (lang, word)
        if key in self.cache:
            return self.cache[key]
        h = self.handles.get(lang)
        if h is None:
            h = self.lib.sb_stemmer_new(SNOWBALL.get(lang, lang).encode(), b"UTF_8")
            self.handles[lang] = h
        if not h:
            out = word  # no stemmer for this language: compare words
        else:
            b = word.encode("utf-8")
            p = self.lib.sb_stemmer_stem(h, b, len(b))
            out = bytes(p[:self.lib.sb_stemmer_length(h)]).decode("utf-8", "replace")
        self.cache[key] = out
        return out


def tokens(text):
    return WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def counts(seq, n):
    c = {}
    for i in range(len(seq) - n + 1):
        g = tuple(seq[i:i + n])
        c[g] = c.get(g, 0) + 1
    return c


def f_score(hit, n_sys, n_ref):
    if hit == 0 or n_sys == 0 or n_ref == 0:
        return 0.0
    p, r = hit / n_sys, hit / n_ref
    return 2 * p * r / (p + r)


def rouge_n(sys_t, ref_t, n):
    a, b = counts(sys_t, n), counts(ref_t, n)
    hit = sum(min(v, b.get(g, 0)) for g, v in a.items())
    return f_score(hit, max(len(sys_t) - n + 1, 0), max(len(ref_t) - n + 1, 0))


def lcs_length(a, b):
    row = [0] * (len(b) + 1)
    for x in a:
        prev_diag = 0
        for j, y in enumerate(b):
            keep = row[j + 1]
            row[j + 1] = prev_diag + 1 if x == y else max(row[j + 1], row[j])
            prev_diag = keep
    return row[-1]


def records(path, stemmer, limit=0):
    """Yields (record, lang, stemmed reference, word budget) for each record
    of the JSONL file path ("text", "summary", "lang"), at most limit
    records when limit > 0. The budget is the reference's length in words."""
    n = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            rec = json.loads(line)
            lang = rec["lang"]
            ref = [stemmer.stem(w, lang) for w in tokens(rec["summary"])]
            yield rec, lang, ref, max(len(ref), 1)
            n += 1
            if limit and n >= limit:
                return


def scores(stemmer, out, ref, lang, budget):
    """ROUGE-1, ROUGE-2 and ROUGE-L F1 (0..1) of the summary out against the
    stemmed reference ref, out cut to budget words."""
    s = [stemmer.stem(w, lang) for w in tokens(out)[:budget]]
    return (rouge_n(s, ref, 1), rouge_n(s, ref, 2),
            f_score(lcs_length(s, ref), len(s), len(ref)))


def main():
    argv = sys.argv[1:]
    extra = []
    if "--" in argv:
        k = argv.index("--")
        argv, extra = argv[:k], argv[k + 1:]
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data")
    ap.add_argument("--build", default=os.path.join(HERE, "..", "build"),
                    help="meson build directory holding lib/libkurz.so.0 (default: build)")
    ap.add_argument("--limit", type=int, default=0, help="score only the first N records")
    a = ap.parse_args(argv)

    os.environ.setdefault("KURZ_LIBRARY", os.path.join(a.build, "lib", "libkurz.so.0"))
    sys.path.insert(0, os.path.join(HERE, "..", "bindings", "python"))
    import kurz  # noqa: E402  (after the path is set)

    opts = {}
    for item in extra:
        name, _, value = item.partition("=")
        for conv in (int, float):
            try:
                value = conv(value)
                break
            except ValueError:
                pass
        opts[name] = value

    stemmer = Stemmer()
    total = [0.0, 0.0, 0.0]
    n = 0
    for rec, lang, ref, budget in records(a.data, stemmer, a.limit):
        chosen = kurz.summarize(rec["text"], lang, words=budget, **opts)
        out = " ".join(s.text for s in chosen)
        for i, v in enumerate(scores(stemmer, out, ref, lang, budget)):
            total[i] += v
        n += 1
    if n == 0:
        sys.exit("rouge.py: no records in " + a.data)
    r1, r2, rl = (round(100 * t / n, 2) for t in total)
    print(json.dumps({"data": os.path.basename(a.data), "records": n, "options": opts,
                      "rouge1": r1, "rouge2": r2, "rougeL": rl}))


if __name__ == "__main__":
    main()
