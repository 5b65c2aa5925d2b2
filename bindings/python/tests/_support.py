# SPDX-License-Identifier: MIT
"""Shared texts and helpers of the kurz binding tests (stdlib only).

Run a test file directly, e.g.::

    KURZ_LIBRARY=build/lib/libkurz.so.0 PYTHONPATH=bindings/python \\
        /usr/bin/python3 -B bindings/python/tests/test_api.py
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from typing import Dict, List, Optional

# Package source directory (bindings/python), for subprocesses and copies.
PACKAGE_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if PACKAGE_ROOT not in sys.path:  # run without PYTHONPATH: still test this tree
    sys.path.insert(0, PACKAGE_ROOT)

# One sentence per line, each a real sentence with its own content words, so
# that the counts hold for any sentence splitter and no sentence is dropped as
# boilerplate or as a near-duplicate (tests that count also pass redundancy=1.0).
DE_LINES = [
    "Die Aare ist der längste Fluss, der vollständig in der Schweiz verläuft.",
    "Sie entspringt in den Aargletschern der Berner Alpen am Finsteraarhorn.",
    "Bei Koblenz im Kanton Aargau mündet die Aare schließlich in den Rhein.",
    "Dort führt der Nebenfluss sogar mehr Wasser als der Rhein selbst.",
    "In Bern umfließt die Aare die mittelalterliche Altstadt in einer engen Schlaufe.",
    "Im Sommer lassen sich viele Menschen im kühlen Wasser durch die Stadt treiben.",
]
FR_LINES = [
    "Dimanche matin à Venise, un paquebot a perdu le contrôle à son arrivée dans le port.",
    "Le navire, qui peut contenir plus de deux mille passagers, a heurté le quai.",
    "Des témoins ont filmé la scène depuis les berges du canal de la Giudecca.",
    "Le paquebot a ensuite percuté un bateau touristique amarré près du quai.",
    "Quatre personnes légèrement blessées ont été transportées à l'hôpital.",
    "Le maire demande depuis longtemps l'interdiction des grands navires dans la lagune.",
]
DE_TEXT = "\n".join(DE_LINES) + "\n"
FR_TEXT = "\n".join(FR_LINES) + "\n"

# Non-ASCII round trips: é, ß, emoji (4-byte, ZWJ sequence, flag, skin tone),
# combining marks (decomposed é, stacked marks), CJK, Hangul, RTL, a NUL
# character, CRLF line ends and non-breaking spaces. One sentence per line.
TRICKY_LINES = [
    "Été à Noël: la fête a duré très longtemps, ça c'est sûr.",
    "Der Fluß ist groß, die Straße heißt Maßstab und Äpfel sind süß.",
    "Heute scheint die Sonne 🌞 und alle Familien 👨\u200d👩\u200d👧\u200d👦 gehen baden 🇩🇪🇫🇷.",
    "Cafe\u0301 und Cre\u0300me bru\u0302le\u0301e mit Z\u0335\u0327a\u0310lgo sind lecker.",
    "東京は日本の首都であり、世界で最も人口の多い都市圏です。",
    "서울은 대한민국의 수도입니다 und שלום עולם steht hier auch 👋🏽.",
    "Ein NUL\x00 Zeichen mitten im Satz ist ein gewöhnliches Zeichen.",
    "Ein\u00a0geschütztes\u00a0Leerzeichen und ein 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 Zeichen.",
]
TRICKY_TEXT = "\r\n".join(TRICKY_LINES) + "\r\n"

WORD_RE = re.compile(r"\w+")


def count_words(text: str) -> int:
    return len(WORD_RE.findall(text))


def statm_rss_bytes() -> int:
    """Resident set size of this process from /proc/self/statm."""
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE")


def run_python(code: str, env: Optional[Dict[str, str]] = None,
               unset: List[str] = ()) -> "subprocess.CompletedProcess[str]":
    """Runs code in a fresh interpreter (this one's executable, -B -s) whose
    working directory is / so that only PYTHONPATH decides which kurz loads."""
    full = dict(os.environ)
    for name in unset:
        full.pop(name, None)
    full.update(env or {})
    return subprocess.run([sys.executable, "-B", "-s", "-c", code], env=full, cwd="/",
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True, timeout=120)
