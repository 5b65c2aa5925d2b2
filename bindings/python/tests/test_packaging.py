"""Packaging: the stdlib fallback of backend/kurz_backend.py builds a correct
wheel and sdist, and the file lists of the backend, meson.build and the
kurz/ directory agree."""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import os
import re
import sys
import tarfile
import tempfile
import unittest
import zipfile

import _support

ROOT = _support.PACKAGE_ROOT
sys.path.insert(0, os.path.join(ROOT, "backend"))
import kurz_backend  # noqa: E402

try:
    import tomllib  # noqa: F401
    HAVE_TOML = True
except ImportError:
    HAVE_TOML = False


def package_sources():
    pkg = os.path.join(ROOT, "kurz")
    return sorted(n for n in os.listdir(pkg)
                  if n.endswith(".py") or n == "py.typed")


class TestFileLists(unittest.TestCase):
    def test_backend_lists_every_module(self):
        self.assertEqual(sorted(kurz_backend.PACKAGE_FILES),
                         [n for n in package_sources() if n != "_config.py"])

    def test_meson_installs_every_module(self):
        with open(os.path.join(ROOT, "meson.build")) as f:
            text = f.read()
        listed = sorted(n for n in re.findall(r"'kurz/([^'/]+)'", text) if not n.endswith(".in"))
        self.assertEqual(listed, [n for n in package_sources() if n != "_config.py"])

    def test_no_generated_files_in_sources(self):
        for dirpath, dirnames, filenames in os.walk(ROOT):
            self.assertNotIn("__pycache__", dirnames, dirpath)
            self.assertFalse([d for d in dirnames if d.endswith(".egg-info")], dirpath)
            self.assertNotIn("_config.py", filenames, dirpath)


@unittest.skipUnless(HAVE_TOML, "the stdlib backend needs tomllib (Python >= 3.11)")
class TestStdlibBackend(unittest.TestCase):
    def setUp(self):
        self.old = os.environ.get("KURZ_BUILD_BACKEND")
        os.environ["KURZ_BUILD_BACKEND"] = "stdlib"

    def tearDown(self):
        if self.old is None:
            del os.environ["KURZ_BUILD_BACKEND"]
        else:
            os.environ["KURZ_BUILD_BACKEND"] = self.old

    def test_requires_nothing(self):
        self.assertEqual(kurz_backend.get_requires_for_build_wheel(), [])
        self.assertEqual(kurz_backend.get_requires_for_build_sdist(), [])
        self.assertEqual(kurz_backend.get_requires_for_build_editable(), [])

    def test_wheel(self):
        with tempfile.TemporaryDirectory() as tmp:
            name = kurz_backend.build_wheel(tmp)
            self.assertEqual(name, "kurz-0.1.0-py3-none-any.whl")
            with zipfile.ZipFile(os.path.join(tmp, name)) as zf:
                names = set(zf.namelist())
                for module in kurz_backend.PACKAGE_FILES:
                    self.assertIn("kurz/" + module, names)
                meta = zf.read("kurz-0.1.0.dist-info/METADATA").decode()
                self.assertIn("Name: kurz\n", meta)
                self.assertIn("Version: 0.1.0\n", meta)
                self.assertIn("Requires-Python: >=3.8\n", meta)
                self.assertNotIn("Requires-Dist", meta)
                self.assertIn("Root-Is-Purelib: true",
                              zf.read("kurz-0.1.0.dist-info/WHEEL").decode())
                rows = list(csv.reader(io.StringIO(
                    zf.read("kurz-0.1.0.dist-info/RECORD").decode())))
                self.assertEqual({r[0] for r in rows}, names)
                for path, digest, size in rows:
                    if not digest:
                        continue
                    data = zf.read(path)
                    want = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
                    self.assertEqual(digest, "sha256=" + want.decode(), path)
                    self.assertEqual(int(size), len(data))
                with open(os.path.join(ROOT, "kurz", "__init__.py"), "rb") as f:
                    self.assertEqual(zf.read("kurz/__init__.py"), f.read())

    def test_editable(self):
        with tempfile.TemporaryDirectory() as tmp:
            name = kurz_backend.build_editable(tmp)
            with zipfile.ZipFile(os.path.join(tmp, name)) as zf:
                self.assertEqual(zf.read("__editable__.kurz.pth").decode().strip(), ROOT)

    def test_sdist(self):
        with tempfile.TemporaryDirectory() as tmp:
            name = kurz_backend.build_sdist(tmp)
            self.assertEqual(name, "kurz-0.1.0.tar.gz")
            with tarfile.open(os.path.join(tmp, name)) as tf:
                names = set(tf.getnames())
            for rel in ("PKG-INFO", "pyproject.toml", "README.md", "backend/kurz_backend.py",
                        "kurz/__init__.py", "kurz/py.typed", "tests/test_api.py"):
                self.assertIn("kurz-0.1.0/" + rel, names)


if __name__ == "__main__":
    unittest.main()
