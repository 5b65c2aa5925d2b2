#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Checks that the Python package says what kurz.h and meson.build say.

Usage: check-python-constants.py SOURCE_ROOT

The package copies numbers from the C header by hand: the status codes
(enum kurz_status -> kurz._errors.Status), the option ids (enum kurz_option
-> kurz._OPT_*), the algorithms (enum kurz_algorithm -> kurz.ALGORITHMS),
the major version and SONAME the loader expects (kurz._native). Its
pyproject.toml repeats the project version of meson.build. The package is
read, not imported (importing it needs the built library). Standard library
only; exits 1 with one line per mismatch.
"""
import ast
import os
import re
import sys


def c_enum(header, name):
    """{NAME: value} of 'typedef enum name { ... } name;' in header text."""
    m = re.search(r"typedef\s+enum\s+%s\s*\{(.*?)\}\s*%s\s*;" % (name, name), header, re.S)
    if not m:
        raise SystemExit("check-python-constants: enum %s not found in kurz.h" % name)
    body = re.sub(r"/\*.*?\*/", "", m.group(1), flags=re.S)
    body = re.sub(r"//[^\n]*", "", body)
    out, value = {}, -1
    for entry in body.split(","):
        entry = entry.strip()
        if not entry:
            continue
        em = re.fullmatch(r"([A-Z0-9_]+)\s*(?:=\s*(-?\s*\d+))?", entry)
        if not em:
            raise SystemExit("check-python-constants: cannot read %r in enum %s" % (entry, name))
        value = int(em.group(2).replace(" ", "")) if em.group(2) else value + 1
        out[em.group(1)] = value
    return out


def c_define(header, name):
    m = re.search(r"^#define\s+%s\s+(\d+)\s*$" % name, header, re.M)
    if not m:
        raise SystemExit("check-python-constants: #define %s not found in kurz.h" % name)
    return int(m.group(1))


def py_module(path):
    with open(path, encoding="utf-8") as f:
        return ast.parse(f.read(), path)


def py_assignments(tree):
    """{name: literal} of the module-level assignments of literals."""
    out = {}
    for node in tree.body:
        targets, value = [], None
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        for t in targets:
            if isinstance(t, ast.Name):
                try:
                    out[t.id] = ast.literal_eval(value)
                except ValueError:
                    pass
    return out


def py_class_ints(tree, cls):
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name == cls:
            return {n.targets[0].id: ast.literal_eval(n.value) for n in node.body
                    if isinstance(n, ast.Assign) and isinstance(n.targets[0], ast.Name)}
    raise SystemExit("check-python-constants: class %s not found" % cls)


def meson_value(text, pattern, what):
    m = re.search(pattern, text, re.S)
    if not m:
        raise SystemExit("check-python-constants: %s not found in meson.build" % what)
    return m.group(1)


def main():
    if len(sys.argv) != 2:
        raise SystemExit("usage: check-python-constants.py SOURCE_ROOT")
    root = sys.argv[1]
    pkg = os.path.join(root, "bindings", "python", "kurz")
    with open(os.path.join(root, "include", "kurz.h"), encoding="utf-8") as f:
        header = f.read()
    with open(os.path.join(root, "meson.build"), encoding="utf-8") as f:
        meson = f.read()
    with open(os.path.join(root, "bindings", "python", "pyproject.toml"), encoding="utf-8") as f:
        pyproject = f.read()
    init = py_assignments(py_module(os.path.join(pkg, "__init__.py")))
    native = py_assignments(py_module(os.path.join(pkg, "_native.py")))
    status_py = py_class_ints(py_module(os.path.join(pkg, "_errors.py")), "Status")

    problems = []

    def same(what, c, py):
        for k in sorted(set(c) | set(py)):
            if k not in py:
                problems.append("%s: %s = %s is in kurz.h, not in the package" % (what, k, c[k]))
            elif k not in c:
                problems.append("%s: %s = %s is in the package, not in kurz.h" % (what, k, py[k]))
            elif c[k] != py[k]:
                problems.append("%s: %s is %s in kurz.h, %s in the package" % (what, k, c[k], py[k]))

    # kurz_status: KURZ_ERR_NOMEM -> Status.ERR_NOMEM
    status_c = {k[len("KURZ_"):]: v for k, v in c_enum(header, "kurz_status").items()}
    same("kurz_status / kurz._errors.Status", status_c, status_py)
    if native.get("OK") != status_c.get("OK"):
        problems.append("kurz._native.OK is %r, KURZ_OK is %r" % (native.get("OK"), status_c.get("OK")))

    # kurz_option: KURZ_OPT_DAMPING_PERMILLE -> _OPT_DAMPING (units dropped)
    def py_opt(name):
        return "_" + re.sub(r"_(PERMILLE|BYTES)$", "", name[len("KURZ_"):])
    opt_c = {py_opt(k): v for k, v in c_enum(header, "kurz_option").items()}
    opt_py = {k: v for k, v in init.items() if k.startswith("_OPT_")}
    same("kurz_option / kurz._OPT_*", opt_c, opt_py)

    # kurz_algorithm: KURZ_ALGO_LEXRANK -> ALGORITHMS["lexrank"]
    algo_c = {k[len("KURZ_ALGO_"):].lower(): v for k, v in c_enum(header, "kurz_algorithm").items()}
    same("kurz_algorithm / kurz.ALGORITHMS", algo_c, init.get("ALGORITHMS", {}))

    # the library the loader expects
    major = c_define(header, "KURZ_VERSION_MAJOR")
    if native.get("EXPECTED_MAJOR") != major:
        problems.append("kurz._native.EXPECTED_MAJOR is %r, KURZ_VERSION_MAJOR is %d"
                        % (native.get("EXPECTED_MAJOR"), major))
    soversion = meson_value(meson, r"kurz_soversion\s*=\s*'([^']+)'", "kurz_soversion")
    if native.get("SONAME") != "libkurz.so." + soversion:
        problems.append("kurz._native.SONAME is %r, meson.build's soversion is %r"
                        % (native.get("SONAME"), soversion))

    # versions
    version = meson_value(meson, r"project\(.*?version\s*:\s*'([^']+)'", "the project version")
    m = re.search(r'^\[project\][^\[]*?^version\s*=\s*"([^"]+)"', pyproject, re.M | re.S)
    py_version = m.group(1) if m else None
    if py_version != version:
        problems.append("pyproject.toml's version is %r, meson.build's is %r" % (py_version, version))
    c_version = "%d.%d.%d" % (major, c_define(header, "KURZ_VERSION_MINOR"),
                              c_define(header, "KURZ_VERSION_PATCH"))
    if c_version != version:
        problems.append("kurz.h's version is %s, meson.build's is %s" % (c_version, version))

    for p in problems:
        print(p)
    counts = (len(status_c), len(opt_c), len(algo_c))
    if not problems:
        print("ok: %d status codes, %d options, %d algorithms, version %s" % (counts + (version,)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
