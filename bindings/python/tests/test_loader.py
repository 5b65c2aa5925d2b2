# SPDX-License-Identifier: MIT
"""Loading libkurz: the candidate order, the ImportError, the version check.

Each case runs ``import kurz`` in a fresh interpreter.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import tempfile
import types
import unittest

import _support
from _support import run_python

import kurz
from kurz import _native

LIB = kurz.library_path()  # the library the test run uses (KURZ_LIBRARY from meson)


def copy_package(dest: str) -> str:
    """Copies the kurz package (sources only) into dest; returns its directory."""
    src = os.path.join(_support.PACKAGE_ROOT, "kurz")
    pkg = os.path.join(dest, "kurz")
    shutil.copytree(src, pkg, ignore=shutil.ignore_patterns("__pycache__", "*.so*", "_config.py"))
    return pkg


class TestLoader(unittest.TestCase):
    def test_missing_file_is_the_only_candidate(self):
        missing = os.path.join(tempfile.gettempdir(), "no-such-dir-kurz", "libkurz.so.0")
        res = run_python("import kurz", env={"KURZ_LIBRARY": missing})
        self.assertNotEqual(res.returncode, 0)
        self.assertIn("ImportError", res.stderr)
        self.assertIn(missing, res.stderr)
        self.assertIn("$KURZ_LIBRARY", res.stderr)
        self.assertIn("No such file", res.stderr)
        # Sole candidate: nothing else was tried, even though a good library exists.
        self.assertNotIn("bundled", res.stderr)
        self.assertNotIn("find_library", res.stderr)

    def test_not_a_library(self):
        res = run_python("import kurz", env={"KURZ_LIBRARY": os.path.abspath(__file__)})
        self.assertNotEqual(res.returncode, 0)
        self.assertIn("ImportError", res.stderr)
        self.assertIn(os.path.abspath(__file__), res.stderr)

    def test_library_without_the_api(self):
        libc = ctypes.util.find_library("c") or "libc.so.6"
        res = run_python("import kurz", env={"KURZ_LIBRARY": libc})
        self.assertNotEqual(res.returncode, 0)
        self.assertIn("ImportError", res.stderr)
        self.assertIn("missing function", res.stderr)
        self.assertIn("kurz_version_number", res.stderr)

    def test_import_error_is_catchable(self):
        res = run_python("try:\n    import kurz\nexcept ImportError as e:\n"
                         "    print('caught', e.name)\n",
                         env={"KURZ_LIBRARY": "/nonexistent/libkurz.so.0"})
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertIn("caught kurz", res.stdout)

    def test_explicit_library(self):
        res = run_python("import kurz; print(kurz.library_path()); print(kurz.__version__)",
                         env={"KURZ_LIBRARY": LIB})
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertEqual(res.stdout.split(), [LIB, kurz.__version__])

    def test_bundled_library(self):
        with tempfile.TemporaryDirectory() as tmp:
            pkg = copy_package(tmp)
            bundled = os.path.join(pkg, _native.SONAME)
            shutil.copyfile(os.path.realpath(LIB), bundled)
            for env in ({}, {"KURZ_LIBRARY": ""}):  # empty KURZ_LIBRARY counts as unset
                res = run_python("import kurz; print(kurz.library_path()); "
                                 "print(len(kurz.split('Eins.\\nZwei.', 'de')))",
                                 env=dict(env, PYTHONPATH=tmp),
                                 unset=[] if env else ["KURZ_LIBRARY"])
                self.assertEqual(res.returncode, 0, res.stderr)
                self.assertEqual(res.stdout.split(), [bundled, "2"])

    def test_meson_libdir(self):
        # kurz/_config.py (written by meson at install) names the libdir.
        with tempfile.TemporaryDirectory() as tmp:
            pkg = copy_package(tmp)
            libdir = os.path.join(tmp, "lib")
            os.mkdir(libdir)
            shutil.copyfile(os.path.realpath(LIB), os.path.join(libdir, _native.SONAME))
            with open(os.path.join(pkg, "_config.py"), "w") as f:
                f.write("LIBDIR = %r\n" % libdir)
            res = run_python("import kurz; print(kurz.library_path())",
                             env={"PYTHONPATH": tmp}, unset=["KURZ_LIBRARY"])
            self.assertEqual(res.returncode, 0, res.stderr)
            self.assertEqual(res.stdout.strip(), os.path.join(libdir, _native.SONAME))

    def test_nothing_found_lists_every_place(self):
        with tempfile.TemporaryDirectory() as tmp:
            pkg = copy_package(tmp)
            res = run_python("import kurz; print(kurz.library_path())", env={"PYTHONPATH": tmp},
                             unset=["KURZ_LIBRARY", "LD_LIBRARY_PATH"])
            if res.returncode == 0:
                self.skipTest("a libkurz is installed system-wide: %s" % res.stdout.strip())
            err = res.stderr
            self.assertIn("ImportError", err)
            self.assertIn(os.path.join(pkg, _native.SONAME), err)   # bundled
            self.assertIn('find_library("kurz")', err)
            self.assertIn("SONAME libkurz.so.0", err)
            self.assertIn("KURZ_LIBRARY", err)                       # the hint
            order = [err.index(x) for x in ("bundled", "find_library", "SONAME libkurz")]
            self.assertEqual(order, sorted(order))

    def test_candidate_order(self):
        old = os.environ.pop("KURZ_LIBRARY", None)
        try:
            names = [what for what, _path in _native.candidates()]
        finally:
            if old is not None:
                os.environ["KURZ_LIBRARY"] = old
        self.assertEqual(names[0], "bundled")
        self.assertEqual(names[-2:], ['ctypes.util.find_library("kurz")', "SONAME"])
        os.environ["KURZ_LIBRARY"] = "/x/libkurz.so.0"
        try:
            self.assertEqual(_native.candidates(), [("$KURZ_LIBRARY", "/x/libkurz.so.0")])
        finally:
            if old is None:
                del os.environ["KURZ_LIBRARY"]
            else:
                os.environ["KURZ_LIBRARY"] = old


class TestVersionCheck(unittest.TestCase):
    @staticmethod
    def fake(number: int) -> types.SimpleNamespace:
        return types.SimpleNamespace(kurz_version_number=lambda: number)

    def test_major_must_match(self):
        _native._check_version(self.fake(0))
        _native._check_version(self.fake(1))
        _native._check_version(self.fake(9999))  # 0.99.99
        for number in (10000, 10203, 20000):
            with self.assertRaises(ImportError) as cm:
                _native._check_version(self.fake(number))
            self.assertIn("major version 0", str(cm.exception))
            self.assertIn("%d." % (number // 10000), str(cm.exception))

    def test_loaded_library_passes(self):
        self.assertEqual(kurz._lib.version_number() // 10000, _native.EXPECTED_MAJOR)

    def test_other_major_is_refused(self):
        fake = os.environ.get("KURZ_FAKE_V1_LIBRARY")
        if not fake:
            self.skipTest("KURZ_FAKE_V1_LIBRARY not set (meson sets it)")
        res = run_python("import kurz", env={"KURZ_LIBRARY": fake})
        self.assertNotEqual(res.returncode, 0)
        self.assertIn("ImportError", res.stderr)
        self.assertIn(fake, res.stderr)
        self.assertIn("version 1.0.0", res.stderr)
        self.assertIn("needs major version 0", res.stderr)


if __name__ == "__main__":
    unittest.main()
