#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Writes debian/libkurz0.symbols from lib/kurz.map, the version script.

    debian/gen-symbols.py            rewrite debian/libkurz0.symbols
    debian/gen-symbols.py --check    exit 1 (with a diff) when it is stale

Every global symbol of a version node KURZ_X.Y is listed as NAME@KURZ_X.Y
with the first upstream version that shipped the node: RELEASED below for
released nodes, X.Y.0~ for a node not yet released (it sorts before any
X.Y.0 pre-release such as 0.2.0~dev, so the packages built now satisfy it).
When a version is released, add its node to RELEASED. The build checks the
file against the library with dpkg-gensymbols -c4 (debian/rules): a symbol
in kurz.map but not here, or here but not exported, fails the build.
"""
import difflib
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
MAP = os.path.join(HERE, "..", "lib", "kurz.map")
OUT = os.path.join(HERE, "libkurz0.symbols")
RELEASED = {"KURZ_0.1": "0.1.0"}


def nodes(text):
    """[(node, [symbols])] in file order."""
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    text = re.sub(r"#[^\n]*", "", text)
    out = []
    for m in re.finditer(r"([A-Za-z_][A-Za-z0-9_.]*)\s*\{(.*?)\}\s*[A-Za-z0-9_.]*\s*;", text, re.S):
        name, body = m.group(1), m.group(2)
        syms, scope = [], "global"
        for item in body.split(";"):
            item = item.strip()
            lab = re.match(r"(global|local)\s*:\s*(.*)", item, re.S)
            if lab:
                scope, item = lab.group(1), lab.group(2).strip()
            if item and scope == "global":
                if not re.fullmatch(r"kurz_[A-Za-z0-9_]+", item):
                    sys.exit("%s: %s: not a kurz_* symbol: %r" % (MAP, name, item))
                syms.append(item)
        out.append((name, syms))
    if not out:
        sys.exit("%s: no version node found" % MAP)
    return out


def min_version(node):
    if node in RELEASED:
        return RELEASED[node]
    m = re.fullmatch(r"KURZ_(\d+)\.(\d+)", node)
    if not m:
        sys.exit("%s: unexpected version node name %s" % (MAP, node))
    return "%s.%s.0~" % m.groups()


def render():
    with open(MAP) as f:
        parsed = nodes(f.read())
    lines = ["libkurz.so.0 libkurz0 #MINVER#",
             "* Build-Depends-Package: libkurz-dev"]
    entries = []
    for node, syms in parsed:
        v = min_version(node)
        entries.append(("%s@%s" % (node, node), v))
        entries += [("%s@%s" % (s, node), v) for s in syms]
    lines += [" %s %s" % e for e in sorted(entries)]
    return "\n".join(lines) + "\n"


def main():
    text = render()
    if sys.argv[1:] == ["--check"]:
        try:
            with open(OUT) as f:
                old = f.read()
        except FileNotFoundError:
            old = ""
        if old != text:
            sys.stdout.writelines(difflib.unified_diff(
                old.splitlines(True), text.splitlines(True), OUT, "from lib/kurz.map"))
            print("debian/libkurz0.symbols is stale: run debian/gen-symbols.py")
            return 1
        return 0
    if sys.argv[1:]:
        sys.exit(__doc__)
    with open(OUT, "w") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
