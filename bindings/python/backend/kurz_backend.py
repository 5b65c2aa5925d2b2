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
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import shutil
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


def _package_files() -> List[Tuple[str, str]]:
    """(archive name, path) of every file of the package."""
    out = []
    for name in PACKAGE_FILES + OPTIONAL_FILES:
        path = os.path.join(ROOT, PACKAGE, name)
        if name in OPTIONAL_FILES and not os.path.exists(path):
            continue
        out.append(("%s/%s" % (PACKAGE, name), path))
    return out


# ---------------------------------------------------------------------------
# Wheels


def _write_wheel(directory: str, files: List[Tuple[str, bytes]]) -> str:
    project = _project()
    name, version = _names(project)
    dist_info = "%s-%s.dist-info" % (name, version)
    files = list(files)
    files.append(("%s/METADATA" % dist_info, _metadata(project).encode("utf-8")))
    files.append(("%s/WHEEL" % dist_info,
                  b"Wheel-Version: 1.0\nGenerator: kurz_backend\nRoot-Is-Purelib: true\n"
                  b"Tag: py3-none-any\n"))
    files.append(("%s/top_level.txt" % dist_info, b"kurz\n"))
    record = []
    for arcname, data in files:
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        record.append("%s,sha256=%s,%d" % (arcname, digest, len(data)))
    record.append("%s/RECORD,," % dist_info)
    files.append(("%s/RECORD" % dist_info, ("\n".join(record) + "\n").encode()))
    filename = "%s-%s-py3-none-any.whl" % (name, version)
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
    for arc, path in _package_files():
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
    if _setuptools():
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
    return _stdlib_build_editable(wheel_directory)
