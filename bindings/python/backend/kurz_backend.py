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

The package loads libkurz at import time, so building a wheel (or an
editable install) first checks that a libkurz of the right major version
can be loaded -- ``kurz/libkurz.so.0`` when one was copied there, else
``$KURZ_LIBRARY`` when set, else the system's -- and fails at build time,
saying what to do, when none can: an install that only fails at ``import``
helps nobody. A wheel that carries ``kurz/libkurz.so.0`` is built by the
standard-library builder and tagged for this platform
(``py3-none-linux_x86_64``), since it holds native code; without the
library the wheel is pure (``py3-none-any``). An sdist never carries the
library.
"""

from __future__ import annotations

import base64
import ctypes
import ctypes.util
import hashlib
import io
import os
import shutil
import sysconfig
import tarfile
import tempfile
import time
import zipfile
from typing import Any, Dict, List, Optional, Tuple

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE = "kurz"
# Files of the package, relative to ROOT/kurz; libkurz.so.0 only when present.
PACKAGE_FILES = ["__init__.py", "_errors.py", "_native.py", "py.typed"]
OPTIONAL_FILES = ["libkurz.so.0"]
SONAME = "libkurz.so.0"
# The libkurz major version the package loads (EXPECTED_MAJOR in kurz/_native.py).
EXPECTED_MAJOR = 0


class LibraryNotFoundError(RuntimeError):
    """No usable libkurz for the package: the build stops here."""


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
        err = probe_library(candidate)
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
        "Tried:"] + tried))


def _check_library() -> None:
    how, path = find_library()
    # pip shows a build backend's output with -v; say which library it is.
    print("kurz_backend: libkurz from %s: %s" % (how, path))


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


def _stdlib_build_wheel(wheel_directory: str) -> str:
    return _write_wheel(wheel_directory, [(arc, _read(p)) for arc, p in _package_files()])


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
    _check_library()
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
