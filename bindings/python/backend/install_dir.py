# SPDX-License-Identifier: MIT
"""Prints where `meson install` should put the kurz package for PREFIX.

    python3 install_dir.py PREFIX

Run by bindings/python/meson.build with the interpreter the package is
installed for. It prints the first of that interpreter's site directories
(site.getsitepackages(), in the interpreter's own order) that lies under
PREFIX/lib*, relative to PREFIX -- on Debian `lib/python3/dist-packages` for
/usr and `lib/python3.11/dist-packages` for /usr/local, the directories
Debian's python3 reads -- or nothing when the interpreter reads no site
directory under PREFIX (meson then falls back to its own choice, and the
package needs PYTHONPATH). meson's python.get_install_dir() alone gives
`lib/python3/dist-packages` for every prefix on Debian, which Debian's
python3 does not read under /usr/local.
"""

from __future__ import annotations

import os
import site
import sys
from typing import List, Optional


def site_dirs() -> List[str]:
    dirs = list(getattr(site, "getsitepackages", lambda: [])())
    return [d for d in dirs if d in sys.path or os.path.realpath(d) in sys.path] or dirs


def install_dir(prefix: str, dirs: Optional[List[str]] = None) -> str:
    prefix = os.path.normpath(prefix)
    for d in site_dirs() if dirs is None else dirs:
        d = os.path.normpath(d)
        if d.startswith(prefix.rstrip("/") + "/"):
            rel = os.path.relpath(d, prefix)
            # PREFIX/lib*/..., not a deeper prefix (/usr/local under /usr).
            if rel.split(os.sep)[0].startswith("lib"):
                return rel
    return ""


if __name__ == "__main__":
    if len(sys.argv) != 2 or not os.path.isabs(sys.argv[1]):
        sys.exit("usage: install_dir.py PREFIX (an absolute path)")
    print(install_dir(sys.argv[1]))
