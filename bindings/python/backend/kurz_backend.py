# SPDX-License-Identifier: MIT
"""PEP 517 build backend of the kurz Python package.

It hands the wheel and sdist hooks to ``setuptools.build_meta`` -- run on a
temporary copy of the sources, so nothing is written into them -- when
setuptools >= 61 can be imported (Debian's python3-setuptools with ``pip
install --no-build-isolation``; before setuptools 70.1 the ``wheel`` package
too). Otherwise -- in pip's default isolated build environment, which is
empty because ``[build-system] requires`` is empty so that nothing is
downloaded, or on a system without setuptools -- it builds the wheel itself
with the standard library alone: the package is pure Python (kurz/*.py,
py.typed, and libkurz.so.0 when one was placed in kurz/). Editable installs
always take the standard-library way (a .pth file naming this directory).

So ``pip install ./bindings/python`` works offline in every case. The
fallback reads pyproject.toml with tomllib (Python >= 3.11) or tomli.
Setting KURZ_BUILD_BACKEND=stdlib forces the fallback (used by the tests).

The package loads libkurz at import time, so building a wheel finds the
libkurz the installed package will load, in this order:

1. ``kurz/libkurz.so.0`` when one was copied there (bundled);
2. ``$KURZ_LIBRARY`` when set (it must then be set at run time too);
3. the system's libkurz, when it loads and is new enough: its version is at
   least the package's and the package imports with it;
4. otherwise libkurz is compiled: ``meson setup`` and ``meson compile`` of
   the kurz sources two directories up (``bindings/python/../..``) in a
   temporary build directory, and the library is bundled into the wheel
   as ``kurz/libkurz.so.0``. Nothing is written into the sources.

A wheel that carries ``kurz/libkurz.so.0`` is built by the standard-library
builder and tagged for this platform (``py3-none-linux_x86_64``), since it
holds native code; without the library the wheel is pure
(``py3-none-any``). An sdist never carries the library (nor the C sources:
an sdist needs a system libkurz or KURZ_LIBRARY).

When no library can be found or compiled -- no meson, no ninja, no C
compiler, a missing -dev package -- the build stops with one message
saying what is missing and what to do (LibraryNotFoundError, a SystemExit,
so pip shows the message, not a traceback). An editable install never
compiles: it needs 1-3.

Settings, as ``pip install --config-settings KEY=VALUE`` or in the
environment (the config setting wins):

- ``libkurz`` / ``KURZ_PIP_LIBKURZ``: ``auto`` (the order above, default),
  ``build`` (always compile and bundle, even when 1-3 would do), or
  ``system`` (never compile: 1-3 or fail);
- ``builddir`` / ``KURZ_PIP_BUILDDIR``: a meson build directory to use and
  keep instead of a temporary one, so that a rebuild is incremental.
"""

from __future__ import annotations

import base64
import ctypes
import ctypes.util
import hashlib
import io
import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import tempfile
import time
import zipfile
from typing import Any, Dict, List, Optional, Tuple

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE = "kurz"
# Files of the package, relative to ROOT/kurz; libkurz.so.0 only when present.
PACKAGE_FILES = ["__init__.py", "_errors.py", "_native.py", "dask.py", "pandas.py", "py.typed"]
OPTIONAL_FILES = ["libkurz.so.0"]
SONAME = "libkurz.so.0"
# The libkurz major version the package loads (EXPECTED_MAJOR in kurz/_native.py).
EXPECTED_MAJOR = 0


class LibraryNotFoundError(SystemExit):
    """No usable libkurz for the package: the build stops here. A SystemExit
    (exit status 1) so that pip shows the message alone, not a traceback."""

    def __init__(self, message: str, tried: Optional[List[str]] = None) -> None:
        super().__init__(message)
        # Set when no library was found at all (rather than a bundled or a
        # $KURZ_LIBRARY one that cannot be used): the system libraries tried.
        # Then a wheel may compile one.
        self.tried = tried

    def __str__(self) -> str:
        return str(self.args[0])


def _setuptools() -> Optional[Any]:
    if os.environ.get("KURZ_BUILD_BACKEND") == "stdlib":
        return None
    try:
        import setuptools
        from setuptools import build_meta
    except ImportError:
        return None
    try:
        version = tuple(int(x) for x in setuptools.__version__.split(".")[:2])
    except ValueError:
        return None
    if version < (61, 0):  # PEP 621 metadata in pyproject.toml needs 61
        return None
    if version < (70, 1):  # bdist_wheel still comes from the wheel package
        try:
            import wheel  # noqa: F401
        except ImportError:
            return None
    return build_meta


# ---------------------------------------------------------------------------
# Metadata


def _project() -> Dict[str, Any]:
    try:
        import tomllib  # type: ignore[import-not-found]
    except ImportError:
        try:
            import tomli as tomllib  # type: ignore[import-not-found, no-redef]
        except ImportError:
            raise RuntimeError("building kurz without setuptools needs Python >= 3.11 "
                               "(tomllib) or tomli; or install python3-setuptools") from None
    with open(os.path.join(ROOT, "pyproject.toml"), "rb") as f:
        return tomllib.load(f)["project"]


def _metadata(project: Dict[str, Any]) -> str:
    lines = ["Metadata-Version: 2.1",
             "Name: %s" % project["name"],
             "Version: %s" % project["version"]]
    if project.get("description"):
        lines.append("Summary: %s" % project["description"])
    lic = project.get("license")
    if isinstance(lic, dict) and lic.get("text"):
        lines.append("License: %s" % lic["text"])
    if project.get("requires-python"):
        lines.append("Requires-Python: %s" % project["requires-python"])
    for c in project.get("classifiers", []):
        lines.append("Classifier: %s" % c)
    for dep in project.get("dependencies", []):
        lines.append("Requires-Dist: %s" % dep)
    body = ""
    readme = project.get("readme")
    if isinstance(readme, str):
        with open(os.path.join(ROOT, readme), encoding="utf-8") as f:
            body = f.read()
        lines.append("Description-Content-Type: text/markdown")
    return "\n".join(lines) + "\n\n" + body


def _names(project: Dict[str, Any]) -> Tuple[str, str]:
    name = project["name"].replace("-", "_")
    return name, project["version"]


def _package_files(optional: bool = True) -> List[Tuple[str, str]]:
    """(archive name, path) of every file of the package; with optional,
    also the bundled libkurz.so.0 when there is one."""
    out = []
    for name in PACKAGE_FILES + (OPTIONAL_FILES if optional else []):
        path = os.path.join(ROOT, PACKAGE, name)
        if name in OPTIONAL_FILES and not os.path.exists(path):
            continue
        out.append(("%s/%s" % (PACKAGE, name), path))
    return out


# ---------------------------------------------------------------------------
# The native library


def bundled_library() -> Optional[str]:
    """kurz/libkurz.so.0 when one was copied into the package, else None."""
    path = os.path.join(ROOT, PACKAGE, SONAME)
    return path if os.path.exists(path) else None


def _system_candidates() -> List[str]:
    """Where the loader finds a system libkurz (kurz/_native.py, 4 and 5)."""
    out = []
    found = ctypes.util.find_library("kurz")
    if found:
        out.append(found)
    out.append(SONAME)
    return out


def probe_library(path: str) -> Optional[str]:
    """None when path loads as a libkurz of EXPECTED_MAJOR, else why not."""
    try:
        lib = ctypes.CDLL(path)
    except OSError as e:
        return str(e)
    try:
        version = lib.kurz_version_number
    except AttributeError:
        return "not a libkurz (no kurz_version_number)"
    version.restype = ctypes.c_uint
    version.argtypes = []
    major = version() // 10000
    if major != EXPECTED_MAJOR:
        return "libkurz major version %d, the package needs %d" % (major, EXPECTED_MAJOR)
    return None


def find_library() -> Tuple[str, str]:
    """(how, path) of the libkurz the installed package will load: 'bundled',
    'KURZ_LIBRARY' or 'system'. Raises LibraryNotFoundError otherwise."""
    bundled = bundled_library()
    if bundled:
        err = probe_library(bundled)
        if err:
            raise LibraryNotFoundError("kurz: the bundled %s cannot be used: %s" % (bundled, err))
        return "bundled", bundled
    env = os.environ.get("KURZ_LIBRARY")
    if env:
        err = probe_library(env)
        if err:
            raise LibraryNotFoundError("kurz: KURZ_LIBRARY=%s cannot be used: %s" % (env, err))
        return "KURZ_LIBRARY", env
    tried = []
    for candidate in _system_candidates():
        err = probe_library(candidate) or new_enough(candidate)
        if err is None:
            return "system", candidate
        tried.append("  %s: %s" % (candidate, err))
    raise LibraryNotFoundError("\n".join([
        "kurz: no libkurz found, so the Python package would fail at import.",
        "The package is a ctypes binding of libkurz (%s, major version %d). Either:"
        % (SONAME, EXPECTED_MAJOR),
        "  - install libkurz first: meson setup build && ninja -C build &&"
        " meson install -C build (then ldconfig);",
        "  - or set KURZ_LIBRARY=/path/to/%s, for this build and at run time;" % SONAME,
        "  - or copy %s into bindings/python/kurz/ to bundle it into the wheel." % SONAME,
        "Tried:"] + tried), tried=tried)


def _version_number(version: str) -> int:
    parts = (version.split("+")[0].split(".") + ["0", "0"])[:3]
    digits = []
    for p in parts:
        n = ""
        for c in p:
            if not c.isdigit():
                break
            n += c
        digits.append(int(n or 0))
    return digits[0] * 10000 + digits[1] * 100 + digits[2]


def new_enough(path: str) -> Optional[str]:
    """None when the system library at path is at least the package's
    version and the package imports with it, else why not."""
    lib = ctypes.CDLL(path)
    lib.kurz_version_number.restype = ctypes.c_uint
    have = int(lib.kurz_version_number())
    try:
        want = _version_number(_project()["version"])
    except Exception:  # no tomllib: the import below still checks the functions
        want = 0
    if have < want:
        return "libkurz %d.%d.%d is older than the package (%d.%d.%d)" % (
            have // 10000, have // 100 % 100, have % 100, want // 10000, want // 100 % 100,
            want % 100)
    env = dict(os.environ, KURZ_LIBRARY=path, PYTHONPATH=ROOT, PYTHONDONTWRITEBYTECODE="1")
    out = subprocess.run([sys.executable, "-B", "-s", "-c", "import kurz"], env=env, cwd=ROOT,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         universal_newlines=True)
    if out.returncode != 0:
        return "the package does not import with it: %s" % (
            out.stdout.strip().splitlines() or ["exit status %d" % out.returncode])[-1]
    return None


def _check_library() -> None:
    how, path = find_library()
    # pip shows a build backend's output with -v; say which library it is.
    print("kurz_backend: libkurz from %s: %s" % (how, path))


# ---------------------------------------------------------------------------
# Compiling libkurz for a bundled wheel

DEBIAN_PACKAGES = "meson ninja-build gcc pkg-config libutf8proc-dev libstemmer-dev"


def _setting(config_settings: Optional[Dict[str, Any]], key: str, env: str,
             default: str = "") -> str:
    value = (config_settings or {}).get(key)
    if isinstance(value, list):  # pip passes a repeated key as a list
        value = value[-1]
    if value is None:
        value = os.environ.get(env, default)
    return str(value)


def _mode(config_settings: Optional[Dict[str, Any]]) -> str:
    mode = _setting(config_settings, "libkurz", "KURZ_PIP_LIBKURZ", "auto") or "auto"
    if mode not in ("auto", "build", "system"):
        raise LibraryNotFoundError("kurz: libkurz=%s: expected auto, build or system" % mode)
    return mode


def source_root() -> Optional[str]:
    """The kurz source tree this package sits in (ROOT/../..), or None."""
    top = os.path.dirname(os.path.dirname(ROOT))
    try:
        with open(os.path.join(top, "meson.build"), encoding="utf-8") as f:
            head = f.read(2000)
    except OSError:
        return None
    if "project('kurz'" not in head or not os.path.isfile(os.path.join(top, "lib", "kurz.map")):
        return None
    return top


def _compiler() -> Optional[str]:
    cc = os.environ.get("CC", "").split()
    if cc:
        return shutil.which(cc[0])
    for name in ("cc", "gcc", "clang"):
        found = shutil.which(name)
        if found:
            return found
    return None


def missing_tools() -> List[str]:
    """What compiling libkurz needs but this machine lacks."""
    missing = []
    if shutil.which("meson") is None:
        missing.append("meson")
    if shutil.which("ninja") is None and shutil.which("samu") is None:
        missing.append("ninja")
    if _compiler() is None:
        missing.append("a C compiler (cc)" if not os.environ.get("CC") else "CC=%s" % os.environ["CC"])
    return missing


def _cannot_compile(why: str, tried: Optional[List[str]] = None) -> LibraryNotFoundError:
    lines = ["kurz: cannot build the Python package: it needs libkurz (%s), %s%s."
             % (SONAME, "no usable libkurz is installed, and " if tried is not None else "", why),
             "Either:",
             "  - install what compiling libkurz needs (Debian 12: apt-get install %s)"
             " and run pip again;" % DEBIAN_PACKAGES,
             "  - or install libkurz first: meson setup build && ninja -C build &&"
             " meson install -C build (then ldconfig);",
             "  - or set KURZ_LIBRARY=/path/to/%s, for this build and at run time." % SONAME]
    if tried:
        lines += ["Installed libraries tried:"] + tried
    return LibraryNotFoundError("\n".join(lines))


def compile_library(config_settings: Optional[Dict[str, Any]] = None,
                    tried: Optional[List[str]] = None) -> bytes:
    """Compiles libkurz with meson from source_root() and returns the bytes
    of the shared library. Raises LibraryNotFoundError, saying what is
    missing, when it cannot."""
    top = source_root()
    if top is None:
        raise _cannot_compile("there are no kurz C sources at %s to compile it from (an sdist "
                              "holds only the Python package)"
                              % os.path.dirname(os.path.dirname(ROOT)), tried)
    missing = missing_tools()
    if missing:
        raise _cannot_compile("compiling it needs %s, which %s not installed"
                              % (", ".join(missing[:-1]) + " and " + missing[-1]
                                 if len(missing) > 1 else missing[0],
                                 "is" if len(missing) == 1 else "are"), tried)
    keep = _setting(config_settings, "builddir", "KURZ_PIP_BUILDDIR")
    tmp = None
    if keep:
        build = os.path.abspath(keep)
    else:
        tmp = tempfile.mkdtemp(prefix="kurz-libkurz-")
        build = os.path.join(tmp, "build")
    try:
        steps = []
        if not os.path.isfile(os.path.join(build, "meson-private", "coredata.dat")):
            steps.append(["meson", "setup", build, top, "--buildtype=release", "-Db_ndebug=true",
                          "-Ddefault_library=shared", "-Dtests=false", "-Dpython=disabled"])
        steps.append(["meson", "compile", "-C", build, "kurz:shared_library"])
        for cmd in steps:
            print("kurz_backend: " + " ".join(cmd))
            out = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                 universal_newlines=True)
            if out.returncode != 0:
                tail = out.stdout.strip().splitlines()[-15:]
                raise _cannot_compile("compiling it failed (%s):\n    %s" % (
                    " ".join(cmd[:2]), "\n    ".join(tail)), tried)
        path = os.path.join(build, "lib", SONAME)
        err = probe_library(path) if os.path.exists(path) else "not built"
        if err:
            raise _cannot_compile("the compiled %s cannot be used: %s" % (path, err), tried)
        print("kurz_backend: bundling the compiled %s" % os.path.realpath(path))
        return _read(path)
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)


def platform_tag() -> str:
    """The wheel platform tag of this machine, e.g. linux_x86_64."""
    return sysconfig.get_platform().replace("-", "_").replace(".", "_")


# ---------------------------------------------------------------------------
# Wheels


def _write_wheel(directory: str, files: List[Tuple[str, bytes]]) -> str:
    project = _project()
    name, version = _names(project)
    # A wheel with native code in it is specific to the platform.
    native = any(arc.endswith(".so.0") for arc, _ in files)
    tag = "py3-none-" + platform_tag() if native else "py3-none-any"
    dist_info = "%s-%s.dist-info" % (name, version)
    files = list(files)
    files.append(("%s/METADATA" % dist_info, _metadata(project).encode("utf-8")))
    files.append(("%s/WHEEL" % dist_info,
                  ("Wheel-Version: 1.0\nGenerator: kurz_backend\nRoot-Is-Purelib: %s\n"
                   "Tag: %s\n" % ("false" if native else "true", tag)).encode()))
    files.append(("%s/top_level.txt" % dist_info, b"kurz\n"))
    record = []
    for arcname, data in files:
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        record.append("%s,sha256=%s,%d" % (arcname, digest, len(data)))
    record.append("%s/RECORD,," % dist_info)
    files.append(("%s/RECORD" % dist_info, ("\n".join(record) + "\n").encode()))
    filename = "%s-%s-%s.whl" % (name, version, tag)
    stamp = _timestamp()
    with zipfile.ZipFile(os.path.join(directory, filename), "w", zipfile.ZIP_DEFLATED) as zf:
        for arcname, data in files:
            info = zipfile.ZipInfo(arcname, date_time=stamp)
            mode = 0o755 if arcname.endswith(".so.0") else 0o644
            info.external_attr = (0o100000 | mode) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    return filename


def _timestamp() -> Tuple[int, int, int, int, int, int]:
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "315532800"))  # reproducible
    return time.gmtime(max(epoch, 315532800))[:6]


def _read(path: str) -> bytes:
    with open(path, "rb") as f:
        return f.read()


def _stdlib_build_wheel(wheel_directory: str, library: Optional[bytes] = None) -> str:
    """The wheel of the package; with library, that libkurz is bundled as
    kurz/libkurz.so.0 (instead of a copy in kurz/, if any)."""
    files = [(arc, _read(p)) for arc, p in _package_files(optional=library is None)]
    if library is not None:
        files.append(("%s/%s" % (PACKAGE, SONAME), library))
    return _write_wheel(wheel_directory, files)


def _stdlib_build_editable(wheel_directory: str) -> str:
    # A .pth file that puts this source directory on sys.path.
    pth = (ROOT + "\n").encode("utf-8")
    return _write_wheel(wheel_directory, [("__editable__.kurz.pth", pth)])


def _stdlib_build_sdist(sdist_directory: str) -> str:
    project = _project()
    name, version = _names(project)
    base = "%s-%s" % (name, version)
    members: List[Tuple[str, bytes]] = [("PKG-INFO", _metadata(project).encode("utf-8"))]
    for rel in ("pyproject.toml", "README.md", "backend/kurz_backend.py"):
        members.append((rel, _read(os.path.join(ROOT, rel))))
    for arc, path in _package_files(optional=False):  # never a binary in an sdist
        members.append((arc, _read(path)))
    tests = os.path.join(ROOT, "tests")
    for entry in sorted(os.listdir(tests)):
        if entry.endswith((".py", ".c")):
            members.append(("tests/" + entry, _read(os.path.join(tests, entry))))
    filename = base + ".tar.gz"
    mtime = time.mktime(_timestamp() + (0, 0, -1))
    with tarfile.open(os.path.join(sdist_directory, filename), "w:gz", format=tarfile.PAX_FORMAT) as tf:
        for rel, data in members:
            info = tarfile.TarInfo("%s/%s" % (base, rel))
            info.size = len(data)
            info.mode = 0o644
            info.mtime = int(mtime)
            tf.addfile(info, io.BytesIO(data))
    return filename


# ---------------------------------------------------------------------------
# PEP 517 / PEP 660 hooks


def _delegate(hook: str, *args: Any) -> Any:
    """Runs a setuptools hook on a temporary copy of the sources, so that
    setuptools' build/ and kurz.egg-info/ never land in the source tree."""
    st = _setuptools()
    assert st is not None
    with tempfile.TemporaryDirectory(prefix="kurz-build-") as tmp:
        src = os.path.join(tmp, "src")
        shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(
            "build", "dist", "*.egg-info", "__pycache__", "*.pyc"))
        old = os.getcwd()
        os.chdir(src)
        try:
            return getattr(st, hook)(*args)
        finally:
            os.chdir(old)


def get_requires_for_build_wheel(config_settings: Optional[Dict[str, Any]] = None) -> List[str]:
    return _delegate("get_requires_for_build_wheel", config_settings) if _setuptools() else []


def get_requires_for_build_sdist(config_settings: Optional[Dict[str, Any]] = None) -> List[str]:
    return _delegate("get_requires_for_build_sdist", config_settings) if _setuptools() else []


def get_requires_for_build_editable(config_settings: Optional[Dict[str, Any]] = None) -> List[str]:
    return []


def build_wheel(wheel_directory: str, config_settings: Optional[Dict[str, Any]] = None,
                metadata_directory: Optional[str] = None) -> str:
    mode = _mode(config_settings)
    if mode == "build":
        return _stdlib_build_wheel(wheel_directory, compile_library(config_settings))
    try:
        _check_library()
    except LibraryNotFoundError as e:
        if mode == "system" or e.tried is None:
            raise
        print("kurz_backend: no usable libkurz found; compiling one to bundle")
        return _stdlib_build_wheel(wheel_directory, compile_library(config_settings, e.tried))
    # setuptools would tag a wheel with the bundled library py3-none-any.
    if _setuptools() and not bundled_library():
        return _delegate("build_wheel", os.path.abspath(wheel_directory), config_settings,
                         metadata_directory and os.path.abspath(metadata_directory))
    return _stdlib_build_wheel(wheel_directory)


def build_sdist(sdist_directory: str, config_settings: Optional[Dict[str, Any]] = None) -> str:
    if _setuptools():
        return _delegate("build_sdist", os.path.abspath(sdist_directory), config_settings)
    return _stdlib_build_sdist(sdist_directory)


def build_editable(wheel_directory: str, config_settings: Optional[Dict[str, Any]] = None,
                   metadata_directory: Optional[str] = None) -> str:
    # Always the stdlib way: a .pth file naming this directory is all a
    # pure-Python package needs, and it leaves no build files behind.
    _check_library()
    return _stdlib_build_editable(wheel_directory)
