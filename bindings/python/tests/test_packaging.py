# SPDX-License-Identifier: MIT
"""Packaging: the stdlib fallback of backend/kurz_backend.py builds a correct
wheel and sdist, and the file lists of the backend, meson.build and the
kurz/ directory agree; a build without a usable libkurz fails at build time
(or, for a wheel, compiles one with meson and bundles it, failing with one
message when meson, ninja or a compiler is missing); a wheel with the
library inside is tagged for the platform and imports without any
environment variable; `pip install ./bindings/python` into a fresh virtual
environment works offline; meson installs the package where the
interpreter reads it."""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import unittest
import zipfile

import _support

ROOT = _support.PACKAGE_ROOT
sys.path.insert(0, os.path.join(ROOT, "backend"))
import install_dir  # noqa: E402
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



class BackendState(unittest.TestCase):
    """Restores what the tests change: the environment, ROOT, the candidates."""

    def setUp(self):
        self.env = dict(os.environ)
        self.root = kurz_backend.ROOT
        self.candidates = kurz_backend._system_candidates
        self.library = os.environ["KURZ_LIBRARY"]  # meson test points it to the build's

    def tearDown(self):
        os.environ.clear()
        os.environ.update(self.env)
        kurz_backend.ROOT = self.root
        kurz_backend._system_candidates = self.candidates

    def no_system_library(self):
        os.environ.pop("KURZ_LIBRARY", None)
        kurz_backend._system_candidates = lambda: ["/nonexistent/libkurz.so.0"]

    def copy_sources(self, tmp):
        """A copy of the package sources under tmp/src, used as ROOT."""
        src = os.path.join(tmp, "src")
        for rel in ("kurz", "backend"):
            shutil.copytree(os.path.join(ROOT, rel), os.path.join(src, rel),
                            ignore=shutil.ignore_patterns("__pycache__"))
        for rel in ("pyproject.toml", "README.md"):
            shutil.copy(os.path.join(ROOT, rel), src)
        os.makedirs(os.path.join(src, "tests"))
        kurz_backend.ROOT = src
        return src


class TestLibraryCheck(BackendState):
    def build_fails(self, *words):
        with tempfile.TemporaryDirectory() as tmp:
            for hook in (kurz_backend.build_wheel, kurz_backend.build_editable):
                with self.assertRaises(kurz_backend.LibraryNotFoundError) as cm:
                    hook(tmp)
                for word in words:
                    self.assertIn(word, str(cm.exception))
                self.assertEqual(os.listdir(tmp), [], hook.__name__)

    def test_no_library_anywhere(self):
        self.no_system_library()
        os.environ["KURZ_PIP_LIBKURZ"] = "system"  # never compile one
        self.build_fails("no libkurz found", "KURZ_LIBRARY=", "meson install",
                         "/nonexistent/libkurz.so.0")

    def test_kurz_library_that_does_not_exist(self):
        os.environ["KURZ_LIBRARY"] = "/nonexistent/dir/libkurz.so.0"
        self.build_fails("KURZ_LIBRARY=/nonexistent/dir/libkurz.so.0 cannot be used")

    def test_kurz_library_of_another_major_version(self):
        os.environ["KURZ_LIBRARY"] = os.environ["KURZ_FAKE_V1_LIBRARY"]
        self.build_fails("major version 1, the package needs 0")

    def test_kurz_library_given(self):
        self.assertEqual(kurz_backend.find_library(), ("KURZ_LIBRARY", self.library))

    def test_system_library(self):
        os.environ.pop("KURZ_LIBRARY")
        kurz_backend._system_candidates = lambda: ["/nonexistent/libkurz.so.0", self.library]
        self.assertEqual(kurz_backend.find_library(), ("system", self.library))
        os.environ["KURZ_BUILD_BACKEND"] = "stdlib"
        if HAVE_TOML:
            with tempfile.TemporaryDirectory() as tmp:
                self.assertEqual(kurz_backend.build_wheel(tmp), "kurz-0.1.0-py3-none-any.whl")

    def test_sdist_needs_no_library(self):
        if not HAVE_TOML:
            self.skipTest("the stdlib backend needs tomllib (Python >= 3.11)")
        self.no_system_library()
        os.environ["KURZ_BUILD_BACKEND"] = "stdlib"
        with tempfile.TemporaryDirectory() as tmp:
            self.assertEqual(kurz_backend.build_sdist(tmp), "kurz-0.1.0.tar.gz")


@unittest.skipUnless(HAVE_TOML, "the stdlib backend needs tomllib (Python >= 3.11)")
class TestBundledWheel(BackendState):
    def test_platform_wheel_imports_without_environment(self):
        self.no_system_library()  # only the bundled copy may satisfy the check
        with tempfile.TemporaryDirectory() as tmp:
            src = self.copy_sources(tmp)
            bundled = os.path.join(src, "kurz", "libkurz.so.0")
            shutil.copy(self.library, bundled)
            with open(bundled, "rb") as f:
                lib_bytes = f.read()
            # Even when setuptools could build, the bundled wheel is ours.
            os.environ.pop("KURZ_BUILD_BACKEND", None)
            name = kurz_backend.build_wheel(tmp)
            tag = kurz_backend.platform_tag()
            self.assertRegex(tag, r"^linux_")
            self.assertEqual(name, "kurz-0.1.0-py3-none-%s.whl" % tag)
            site = os.path.join(tmp, "site")
            with zipfile.ZipFile(os.path.join(tmp, name)) as zf:
                wheel = zf.read("kurz-0.1.0.dist-info/WHEEL").decode()
                self.assertIn("Root-Is-Purelib: false\n", wheel)
                self.assertIn("Tag: py3-none-%s\n" % tag, wheel)
                self.assertEqual(zf.read("kurz/libkurz.so.0"), lib_bytes)
                zf.extractall(site)
            # Installed as pip would unpack it: import kurz with no variable
            # and no other libkurz anywhere the loader looks.
            env = {k: v for k, v in os.environ.items()
                   if k not in ("KURZ_LIBRARY", "LD_LIBRARY_PATH", "PYTHONPATH")}
            env["PYTHONPATH"] = site
            out = subprocess.run(
                [sys.executable, "-B", "-s", "-c",
                 "import kurz; print(kurz._native.loaded_from); "
                 "print(kurz.summarize('Eins ist hier. Zwei ist da.', 'de', sentences=1)[0].text)"],
                env=env, cwd=tmp, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                universal_newlines=True)
            self.assertEqual(out.returncode, 0, out.stdout)
            loaded, summary = out.stdout.splitlines()[-2:]
            self.assertEqual(os.path.realpath(loaded),
                             os.path.realpath(os.path.join(site, "kurz", "libkurz.so.0")))
            self.assertIn(summary, ("Eins ist hier.", "Zwei ist da."))

    def test_sdist_leaves_the_library_out(self):
        with tempfile.TemporaryDirectory() as tmp:
            src = self.copy_sources(tmp)
            shutil.copy(self.library, os.path.join(src, "kurz", "libkurz.so.0"))
            os.environ["KURZ_BUILD_BACKEND"] = "stdlib"
            name = kurz_backend.build_sdist(tmp)
            with tarfile.open(os.path.join(tmp, name)) as tf:
                names = tf.getnames()
            self.assertIn("kurz-0.1.0/kurz/__init__.py", names)
            self.assertFalse([n for n in names if n.endswith(".so.0")], names)


def wheel_library(path):
    with zipfile.ZipFile(path) as zf:
        return zf.read("kurz/libkurz.so.0")


@unittest.skipUnless(HAVE_TOML, "the stdlib backend needs tomllib (Python >= 3.11)")
class TestCompiledLibrary(BackendState):
    """A wheel built with no usable libkurz installed compiles one."""

    def test_auto_compiles_when_nothing_is_found(self):
        self.no_system_library()
        calls = []

        def fake_compile(config_settings=None, tried=None):
            calls.append(tried)
            with open(self.library, "rb") as f:
                return f.read()
        old = kurz_backend.compile_library
        kurz_backend.compile_library = fake_compile
        try:
            with tempfile.TemporaryDirectory() as tmp:
                name = kurz_backend.build_wheel(tmp)
                self.assertEqual(name, "kurz-0.1.0-py3-none-%s.whl" % kurz_backend.platform_tag())
                with open(self.library, "rb") as f:
                    self.assertEqual(wheel_library(os.path.join(tmp, name)), f.read())
        finally:
            kurz_backend.compile_library = old
        self.assertEqual(len(calls), 1)
        self.assertIn("/nonexistent/libkurz.so.0", calls[0][0])

    def test_auto_uses_a_system_library_that_is_new_enough(self):
        os.environ.pop("KURZ_LIBRARY")
        kurz_backend._system_candidates = lambda: [self.library]
        self.assertIsNone(kurz_backend.new_enough(self.library))
        with tempfile.TemporaryDirectory() as tmp:
            os.environ["KURZ_BUILD_BACKEND"] = "stdlib"
            self.assertEqual(kurz_backend.build_wheel(tmp), "kurz-0.1.0-py3-none-any.whl")

    def test_a_system_library_older_than_the_package_is_not_used(self):
        project = kurz_backend._project
        kurz_backend._project = lambda: dict(project(), version="99.0.0")
        try:
            why = kurz_backend.new_enough(self.library)
        finally:
            kurz_backend._project = project
        self.assertIsNotNone(why)
        self.assertIn("older than the package (99.0.0)", why)

    def test_missing_tools_give_one_clear_message(self):
        self.no_system_library()
        with tempfile.TemporaryDirectory() as tmp:
            os.environ["PATH"] = tmp  # no meson, no ninja, no cc
            os.environ.pop("CC", None)
            self.assertEqual(kurz_backend.missing_tools(),
                             ["meson", "ninja", "a C compiler (cc)"])
            with self.assertRaises(kurz_backend.LibraryNotFoundError) as cm:
                kurz_backend.build_wheel(tmp)
            self.assertEqual(os.listdir(tmp), [])
        msg = str(cm.exception)
        self.assertIn("compiling it needs meson, ninja and a C compiler (cc), "
                      "which are not installed", msg)
        self.assertIn("apt-get install meson ninja-build gcc", msg)
        self.assertIn("KURZ_LIBRARY=", msg)
        self.assertIn("/nonexistent/libkurz.so.0", msg)
        # a SystemExit: pip shows the message, not a traceback
        self.assertIsInstance(cm.exception, SystemExit)

    def test_no_sources_to_compile(self):
        self.no_system_library()
        with tempfile.TemporaryDirectory() as tmp:
            self.copy_sources(tmp)  # ROOT/../.. is now tmp/.., not a kurz tree
            self.assertIsNone(kurz_backend.source_root())
            with self.assertRaises(kurz_backend.LibraryNotFoundError) as cm:
                kurz_backend.build_wheel(tmp)
        self.assertIn("no kurz C sources", str(cm.exception))

    def test_bad_setting(self):
        with self.assertRaises(kurz_backend.LibraryNotFoundError) as cm:
            kurz_backend.build_wheel("/nonexistent", {"libkurz": "maybe"})
        self.assertIn("expected auto, build or system", str(cm.exception))

    def test_source_root(self):
        self.assertEqual(kurz_backend.source_root(),
                         os.path.dirname(os.path.dirname(os.path.abspath(ROOT))))


def can_make_venv():
    try:
        import ensurepip  # noqa: F401  (Debian: python3-venv)
        import venv  # noqa: F401
    except ImportError:
        return False
    return True


@unittest.skipUnless(can_make_venv(), "python3-venv is not installed (no ensurepip)")
class TestPipInstall(unittest.TestCase):
    """`pip install ./bindings/python` into a fresh virtual environment,
    offline, with no libkurz installed and no environment variable: the
    backend compiles libkurz with meson and bundles it. The meson build
    directory is kept next to the test build's libkurz, so a second run is
    incremental."""

    def test_offline_install_into_a_fresh_venv(self):
        env = {k: v for k, v in os.environ.items()
               if k not in ("KURZ_LIBRARY", "KURZ_FAKE_V1_LIBRARY", "LD_LIBRARY_PATH",
                            "PYTHONPATH", "LD_PRELOAD", "ASAN_OPTIONS", "PYTHONHOME",
                            "KURZ_BUILD_BACKEND")}
        env.update(PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_CACHE_DIR="1",
                   PIP_NO_INPUT="1",
                   # compile even when a system libkurz would do: this is the case to test
                   KURZ_PIP_LIBKURZ="build")
        library = os.environ.get("KURZ_LIBRARY", "")
        keep = None
        if library and os.path.isdir(os.path.join(os.path.dirname(os.path.dirname(library)),
                                                  "meson-private")):
            keep = os.path.join(os.path.dirname(os.path.dirname(library)), "bindings",
                                "python", "pip-libkurz")
            env["KURZ_PIP_BUILDDIR"] = keep
        before = sorted(os.listdir(ROOT))
        with tempfile.TemporaryDirectory() as tmp:
            venv_dir = os.path.join(tmp, "venv")
            # Debian's interpreter, as a user would (the first python3 on PATH
            # may be another build); sys.executable runs the tests.
            base = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable
            subprocess.run([base, "-m", "venv", venv_dir], check=True, env=env,
                           stdout=subprocess.DEVNULL)
            py = os.path.join(venv_dir, "bin", "python")
            out = subprocess.run([py, "-m", "pip", "install", "-v", ROOT], env=env, cwd=tmp,
                                 stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                 universal_newlines=True, timeout=600)
            self.assertEqual(out.returncode, 0, out.stdout[-4000:])
            tag = kurz_backend.platform_tag()
            self.assertIn("kurz-0.1.0-py3-none-%s.whl" % tag, out.stdout)
            self.assertIn("kurz_backend: bundling the compiled", out.stdout)
            run = subprocess.run(
                [py, "-c",
                 "import kurz, sys; print(kurz._native.loaded_from); "
                 "print(kurz.summarize(sys.stdin.read(), 'de', sentences=2, redundancy=1.0)"
                 "[0].text)"],
                input=_support.DE_TEXT, env=env, cwd=tmp, stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT, universal_newlines=True)
            self.assertEqual(run.returncode, 0, run.stdout)
            loaded, first = run.stdout.splitlines()[-2:]
            self.assertTrue(os.path.realpath(loaded).startswith(os.path.realpath(venv_dir) + os.sep),
                            loaded)
            self.assertTrue(loaded.endswith(os.path.join("kurz", "libkurz.so.0")), loaded)
            self.assertIn(first, _support.DE_LINES)
        # nothing was written into the sources
        self.assertEqual(sorted(os.listdir(ROOT)), before)
        if keep:
            self.assertTrue(os.path.isfile(os.path.join(keep, "lib", "libkurz.so.0")))


class TestMesonInstallDir(unittest.TestCase):
    """backend/install_dir.py: the site directory under the prefix that the
    interpreter reads, which bindings/python/meson.build installs into."""

    def test_debian_dirs(self):
        debian = ["/usr/local/lib/python3.11/dist-packages", "/usr/lib/python3/dist-packages",
                  "/usr/lib/python3.11/dist-packages"]
        self.assertEqual(install_dir.install_dir("/usr/local", debian),
                         "lib/python3.11/dist-packages")
        self.assertEqual(install_dir.install_dir("/usr", debian), "lib/python3/dist-packages")
        self.assertEqual(install_dir.install_dir("/usr/", debian), "lib/python3/dist-packages")
        self.assertEqual(install_dir.install_dir("/opt/kurz", debian), "")
        self.assertEqual(install_dir.install_dir("/", debian), "")

    def test_this_interpreter(self):
        # Every prefix it names is one of this interpreter's own sys.path entries.
        for prefix in ("/usr", "/usr/local", sys.prefix, sys.base_prefix):
            rel = install_dir.install_dir(prefix)
            if rel:
                self.assertIn(os.path.join(prefix, rel), sys.path + [os.path.realpath(p) for p in sys.path])
        self.assertNotEqual(install_dir.install_dir(sys.prefix), "",
                            "no site directory under %s in %s" % (sys.prefix, sys.path))


if __name__ == "__main__":
    unittest.main()
