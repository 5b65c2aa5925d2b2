#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Checks the binding's offsets on the shared evaluation texts.

Not a meson test (the texts live outside the repository). Run it from
anywhere, e.g.::

    KURZ_LIBRARY=build/lib/libkurz.so.0 PYTHONPATH=bindings/python \\
        /usr/bin/python3 -B bindings/python/tests/check_offsets_eval.py [FILE.jsonl ...]

Without arguments it reads ../shared/eval/summarization/*.jsonl relative to
the repository root. Every record (a JSON object with "text" and "lang") is
split with kurz.split and summarized with kurz.summarize, from the str and
from its UTF-8 bytes, and for every sentence it checks that
text[s.start:s.end] == s.text, that the byte span decodes to the same text,
that the character and byte offsets agree, and that spans are trimmed, in
order and non-overlapping. Exit status: 0 all good, 1 a check failed,
2 no input found.
"""

from __future__ import annotations

import glob
import json
import os
import sys
import time
from typing import List

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))  # bindings/python, unless PYTHONPATH says otherwise

import kurz  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
DEFAULT_GLOB = os.path.join(REPO, "..", "shared", "eval", "summarization", "*.jsonl")
MAX_REPORTS = 20


def check(text: str, sents: List[kurz.Sentence], what: str, problems: List[str]) -> None:
    data = text.encode("utf-8")
    prev_byte_end = 0
    prev_index = -1
    for s in sents:
        errs = []
        if text[s.start:s.end] != s.text:
            errs.append("text[start:end] != s.text")
        if data[s.byte_start:s.byte_end].decode("utf-8", "replace") != s.text:
            errs.append("byte span != s.text")
        if len(text[:s.start].encode("utf-8")) != s.byte_start:
            errs.append("start does not match byte_start")
        if s.byte_start < prev_byte_end or s.index <= prev_index:
            errs.append("out of order or overlapping")
        if not s.text or s.text != s.text.strip(" \t\r\n\f\v"):
            errs.append("empty or untrimmed")
        if errs:
            problems.append("%s: %s: %r" % (what, ", ".join(errs), s))
        prev_byte_end, prev_index = s.byte_end, s.index


def main(argv: List[str]) -> int:
    files = argv or sorted(glob.glob(DEFAULT_GLOB))
    if not files:
        print("check_offsets_eval: no input: %s" % DEFAULT_GLOB, file=sys.stderr)
        return 2
    print("kurz %s from %s" % (kurz.__version__, kurz.library_path()))
    problems: List[str] = []
    summarizers = {}
    total_records = total_sents = 0
    t0 = time.perf_counter()
    try:
        for path in files:
            records = sents_in_file = 0
            with open(path, encoding="utf-8") as f:
                for lineno, line in enumerate(f, 1):
                    if not line.strip():
                        continue
                    rec = json.loads(line)
                    text, lang = rec["text"], rec.get("lang", "de")
                    where = "%s:%d (%s)" % (os.path.basename(path), lineno, rec.get("id", "?"))
                    s = summarizers.get(lang)
                    if s is None:
                        s = summarizers[lang] = kurz.Summarizer(lang)
                    split = s.split(text)
                    check(text, split, where + " split", problems)
                    if s.split(text.encode("utf-8")) != split:
                        problems.append(where + " split: bytes input gives other sentences")
                    summary = s.summarize(text)
                    check(text, summary, where + " summarize", problems)
                    by_index = {x.index: x for x in split}
                    for x in summary:
                        y = by_index.get(x.index)
                        if y is None or (y.start, y.end) != (x.start, x.end):
                            problems.append("%s summarize: %r is not sentence %d of split"
                                            % (where, x, x.index))
                    records += 1
                    sents_in_file += len(split)
            print("%s: %d records, %d sentences" % (os.path.basename(path), records, sents_in_file))
            total_records += records
            total_sents += sents_in_file
    finally:
        for s in summarizers.values():
            s.close()
    elapsed = time.perf_counter() - t0
    print("%d records, %d sentences, %.1f s" % (total_records, total_sents, elapsed))
    if problems:
        for p in problems[:MAX_REPORTS]:
            print("FAIL " + p)
        if len(problems) > MAX_REPORTS:
            print("... and %d more" % (len(problems) - MAX_REPORTS))
        print("%d problems" % len(problems))
        return 1
    print("all offsets round-trip")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
