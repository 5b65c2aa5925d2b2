#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""The shared library exports exactly the kurz_* functions that kurz.h
declares with KURZ_API, and every one of them is listed in lib/kurz.map."""
import re
import subprocess
import sys

lib, header, mapfile = sys.argv[1:4]

out = subprocess.run(["nm", "-D", "--defined-only", lib], capture_output=True, text=True,
                     check=True).stdout
exported = set()
for line in out.splitlines():
    parts = line.split()
    if len(parts) >= 3 and parts[1] in "TtDdBbRr":
        exported.add(parts[2].split("@")[0])

text = open(header, encoding="utf-8").read()
declared = set(re.findall(r"KURZ_API\b[^;(]*?\b(kurz_\w+)\s*\(", text))
mapped = set(re.findall(r"^\s*(kurz_\w+);", open(mapfile, encoding="utf-8").read(), re.M))

errors = []
for name in sorted(exported - declared):
    errors.append("exported but not declared in kurz.h: " + name)
for name in sorted(declared - exported):
    errors.append("declared in kurz.h but not exported: " + name)
for name in sorted(declared ^ mapped):
    errors.append("kurz.h and kurz.map disagree on: " + name)
for name in sorted(exported):
    if not name.startswith("kurz_"):
        errors.append("exported symbol without the kurz_ prefix: " + name)
if len(declared) < 10:
    errors.append("found only %d declarations: the header parser is broken" % len(declared))
for e in errors:
    print(e)
print("%d symbols exported, %d declared, %d in the map" % (len(exported), len(declared), len(mapped)))
sys.exit(1 if errors else 0)
