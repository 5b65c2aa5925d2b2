# SPDX-License-Identifier: MIT
"""Runs the examples of bindings/python/README.md, so that they stay true.

An example is the ```python block that follows a line
``<!-- example: NAME -->``; it runs as a script (``__name__ == "__main__"``)
in the given working directory and its global names are returned."""

from __future__ import annotations

import contextlib
import io
import os
import re
from typing import Any, Dict, Optional

import _support

README = os.path.join(_support.PACKAGE_ROOT, "README.md")


def example(name: str) -> str:
    with open(README, encoding="utf-8") as f:
        text = f.read()
    m = re.search(r"<!-- example: %s -->\s*```python\n(.*?)```" % re.escape(name), text, re.S)
    if not m:
        raise AssertionError("README.md has no example %r" % name)
    return m.group(1)


def run_example(name: str, cwd: Optional[str] = None) -> Dict[str, Any]:
    code = compile(example(name), "README.md:%s" % name, "exec")
    ns: Dict[str, Any] = {"__name__": "__main__"}
    old = os.getcwd()
    if cwd:
        os.chdir(cwd)
    try:
        with contextlib.redirect_stdout(io.StringIO()) as out:
            exec(code, ns)
        ns["__stdout__"] = out.getvalue()
    finally:
        os.chdir(old)
    return ns
