# SPDX-License-Identifier: MIT
"""Corpora of the batch, pandas and Dask tests.

The shared French corpus (``../shared/eval/summarization/orangesum_fr_valid.jsonl``
next to the repository) is used when it exists; it is never needed: without
it the tests run on the samples of ``tests/data`` and documents made here
from our own sentences, so they always test something real.
"""

from __future__ import annotations

import json
import os
import subprocess
from typing import Any, Dict, List, Optional

import _support
from _support import DE_LINES, DE_TEXT, FR_LINES, FR_TEXT, TRICKY_LINES, TRICKY_TEXT

REPO_ROOT = os.path.dirname(os.path.dirname(_support.PACKAGE_ROOT))
DATA_DIR = os.path.join(REPO_ROOT, "tests", "data")
SHARED_FR = os.path.join(os.path.dirname(REPO_ROOT), "shared", "eval", "summarization",
                         "orangesum_fr_valid.jsonl")


def shared_corpus() -> Optional[str]:
    """The shared French corpus's path, or None when it is not there
    (KURZ_TEST_NO_SHARED=1 pretends it is not, to try the tests as CI runs them)."""
    if os.environ.get("KURZ_TEST_NO_SHARED"):
        return None
    return SHARED_FR if os.path.isfile(SHARED_FR) else None


def _sample(name: str) -> str:
    with open(os.path.join(DATA_DIR, name), encoding="utf-8") as f:
        return f.read()


def own_records() -> List[Dict[str, Any]]:
    """Records written here: the samples of tests/data, documents made of our
    test sentences (rotations and prefixes, blank-line paragraphs), and the
    awkward cases: empty and blank texts, control characters, quotes and
    backslashes, NUL, emoji, a record without "lang", an unknown language."""
    docs: List[Dict[str, Any]] = []
    for name in sorted(os.listdir(DATA_DIR)):
        if name.endswith(".txt"):
            lang = "fr" if "fr" in name else "de"
            docs.append({"id": "data-" + name, "lang": lang, "text": _sample(name)})
    for lang, lines in (("de", DE_LINES), ("fr", FR_LINES), ("de", TRICKY_LINES)):
        for k in range(len(lines)):
            rotated = lines[k:] + lines[:k]
            docs.append({"id": "rot-%s-%d" % (lang, k), "lang": lang,
                         "text": " ".join(rotated)})
            docs.append({"id": "par-%s-%d" % (lang, k), "lang": lang,
                         "text": "\n\n".join(rotated[: k + 2]) + "\n"})
    docs += [
        {"id": "de-text", "lang": "de", "text": DE_TEXT},
        {"id": "fr-text", "lang": "fr", "text": FR_TEXT},
        {"id": "tricky", "lang": "fr", "text": TRICKY_TEXT},
        {"id": "empty", "lang": "fr", "text": ""},
        {"id": "blank", "lang": "de", "text": " \n\t \n"},
        {"id": "quotes", "lang": "fr",
         "text": 'Il a dit « oui » puis "non".\tUn \\ et un \x01 et un \x1f.\nEt voilà la fin.'},
        {"id": "nul", "lang": "de", "text": "Ein\x00 NUL im Satz.\nNoch ein Satz \U0001F600 hier."},
        {"id": "no-lang", "text": FR_TEXT},  # the default language (the tests pass "fr")
        {"id": "unknown-lang", "lang": "xx", "text": FR_TEXT},
        {"id": 17, "lang": "fr", "text": FR_LINES[0]},
    ]
    return docs


def records(limit: Optional[int] = None) -> List[Dict[str, Any]]:
    """The shared corpus's records (id, lang, text; first limit of them) when
    it exists, then own_records()."""
    out: List[Dict[str, Any]] = []
    path = shared_corpus()
    if path:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if limit is not None and len(out) >= limit:
                    break
                r = json.loads(line)
                out.append({"id": r["id"], "lang": r.get("lang"), "text": r["text"]})
    return out + own_records()


def write_jsonl(path: str, recs: List[Dict[str, Any]]) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def cli_path() -> str:
    path = os.environ.get("KURZ_CLI")
    if not path:
        lib = os.environ.get("KURZ_LIBRARY", "")
        path = os.path.join(os.path.dirname(os.path.dirname(lib)), "cli", "kurz")
    return path


def run_cli_jsonl(path: str, lang: str, *extra: str) -> List[str]:
    """The lines `kurz --jsonl -l lang` writes for the file (newlines stripped)."""
    proc = subprocess.run([cli_path(), "--jsonl", "-l", lang, *extra, path],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300)
    if proc.returncode not in (0, 1):  # 1: some record failed, which the corpus has
        raise AssertionError("kurz --jsonl failed (%d): %s" % (proc.returncode, proc.stderr))
    return proc.stdout.decode("utf-8").split("\n")[:-1]
