# SPDX-License-Identifier: MIT
"""Loading libkurz through ctypes and declaring its functions.

Candidates, in order (the first one that loads and passes the checks wins):

1. ``$KURZ_LIBRARY`` -- when set (and not empty) it is the ONLY candidate;
2. ``libkurz.so.0`` bundled inside this package directory;
3. ``<libdir>/libkurz.so.0`` when the package was installed by meson
   (``kurz/_config.py`` records the library directory);
4. ``ctypes.util.find_library("kurz")``;
5. the bare SONAME ``libkurz.so.0`` (the dynamic loader's search path).

A candidate is rejected when it cannot be opened, lacks a function of the
API, or has another major version than :data:`EXPECTED_MAJOR`. When all
fail, one :class:`ImportError` lists every place tried and its error.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
from ctypes import (CFUNCTYPE, POINTER, c_char_p, c_double, c_int, c_size_t, c_uint,
                    c_void_p)
from typing import Any, List, Optional, Tuple

from . import _errors

__all__ = ["EXPECTED_MAJOR", "SONAME", "Lib", "load", "lib", "loaded_from"]

EXPECTED_MAJOR = 0
SONAME = "libkurz.so.0"

# Status codes used inside the binding.
OK = 0
ERR_INVALID_UTF8 = int(_errors.Status.ERR_INVALID_UTF8)

# Allocator callbacks (kurz_malloc_fn, kurz_realloc_fn, kurz_free_fn).
MALLOC_FN = CFUNCTYPE(c_void_p, c_void_p, c_size_t)
REALLOC_FN = CFUNCTYPE(c_void_p, c_void_p, c_void_p, c_size_t)
FREE_FN = CFUNCTYPE(None, c_void_p, c_void_p)

# name: (restype, argtypes, checked) -- checked: negative int results raise.
_PROTOTYPES = {
    "kurz_version_number": (c_uint, [], False),
    "kurz_version_string": (c_char_p, [], False),
    "kurz_strerror": (c_char_p, [c_int], False),
    "kurz_languages": (POINTER(c_char_p), [], False),
    "kurz_validate_utf8": (c_int, [c_char_p, c_size_t, POINTER(c_size_t)], False),
    "kurz_option_bounds": (c_int, [c_int, POINTER(c_int), POINTER(c_int)], True),
    "kurz_summarizer_new": (c_int, [POINTER(c_void_p), c_char_p], True),
    "kurz_summarizer_free": (None, [c_void_p], False),
    "kurz_summarizer_language": (c_char_p, [c_void_p], False),
    "kurz_summarizer_set_option": (c_int, [c_void_p, c_int, c_int], True),
    "kurz_summarizer_get_option": (c_int, [c_void_p, c_int, POINTER(c_int)], True),
    "kurz_summarizer_set_allocator": (c_int, [c_void_p, MALLOC_FN, REALLOC_FN, FREE_FN,
                                              c_void_p], True),
    "kurz_summarizer_error_offset": (c_size_t, [c_void_p], False),
    "kurz_summarize": (c_int, [POINTER(c_void_p), c_void_p, c_char_p, c_size_t], True),
    "kurz_split": (c_int, [POINTER(c_void_p), c_void_p, c_char_p, c_size_t], True),
    "kurz_summary_count": (c_size_t, [c_void_p], False),
    "kurz_summary_document_sentences": (c_size_t, [c_void_p], False),
    "kurz_summary_get": (c_int, [c_void_p, c_size_t, POINTER(c_size_t), POINTER(c_size_t),
                                 POINTER(c_size_t), POINTER(c_double)], True),
    "kurz_summary_free": (None, [c_void_p], False),
    # since 0.2
    "kurz_keyphrases_extract": (c_int, [POINTER(c_void_p), c_void_p, c_char_p, c_size_t], True),
    "kurz_keyphrases_count": (c_size_t, [c_void_p], False),
    "kurz_keyphrases_get": (c_int, [c_void_p, c_size_t, POINTER(c_void_p), POINTER(c_size_t),
                                    POINTER(c_double), POINTER(c_size_t), POINTER(c_size_t),
                                    POINTER(c_size_t)], True),
    "kurz_keyphrases_free": (None, [c_void_p], False),
    "kurz_identify": (c_int, [POINTER(c_void_p), c_char_p, c_size_t], True),
    "kurz_langid_language": (c_char_p, [c_void_p], False),
    "kurz_langid_confidence": (c_double, [c_void_p], False),
    "kurz_langid_count": (c_size_t, [c_void_p], False),
    "kurz_langid_get": (c_int, [c_void_p, c_size_t, POINTER(c_char_p), POINTER(c_double)], True),
    "kurz_langid_examined": (c_size_t, [c_void_p], False),
    "kurz_langid_free": (None, [c_void_p], False),
    "kurz_summary_language": (c_char_p, [c_void_p, POINTER(c_int)], False),
    "kurz_summarizer_set_title": (c_int, [c_void_p, c_char_p, c_size_t], True),
}


class Lib:
    """The loaded library: one attribute per C function, fully declared."""

    # Declared for type checkers; set in __init__ from _PROTOTYPES.
    kurz_version_number: Any
    kurz_version_string: Any
    kurz_strerror: Any
    kurz_languages: Any
    kurz_validate_utf8: Any
    kurz_option_bounds: Any
    kurz_summarizer_new: Any
    kurz_summarizer_free: Any
    kurz_summarizer_language: Any
    kurz_summarizer_set_option: Any
    kurz_summarizer_get_option: Any
    kurz_summarizer_set_allocator: Any
    kurz_summarizer_error_offset: Any
    kurz_summarize: Any
    kurz_split: Any
    kurz_summary_count: Any
    kurz_summary_document_sentences: Any
    kurz_summary_get: Any
    kurz_summary_free: Any
    kurz_keyphrases_extract: Any
    kurz_keyphrases_count: Any
    kurz_keyphrases_get: Any
    kurz_keyphrases_free: Any
    kurz_identify: Any
    kurz_langid_language: Any
    kurz_langid_confidence: Any
    kurz_langid_count: Any
    kurz_langid_get: Any
    kurz_langid_examined: Any
    kurz_langid_free: Any
    kurz_summary_language: Any
    kurz_summarizer_set_title: Any

    def __init__(self, cdll: Any, path: str) -> None:
        self.cdll = cdll
        self.path = path
        for name, (restype, argtypes, checked) in _PROTOTYPES.items():
            fn = getattr(cdll, name)  # AttributeError when the symbol is missing
            fn.restype = restype
            fn.argtypes = argtypes
            if checked:
                fn.errcheck = self._errcheck
            setattr(self, name, fn)
        self.kurz_summarizer_new.errcheck = self._errcheck_new
        self.kurz_summarize.errcheck = self._errcheck_text
        self.kurz_split.errcheck = self._errcheck_text
        self.kurz_keyphrases_extract.errcheck = self._errcheck_text
        self.kurz_identify.errcheck = self._errcheck_identify

    # -- errors ---------------------------------------------------------
    def strerror(self, status: int) -> str:
        raw = self.kurz_strerror(status)
        return raw.decode("utf-8", "replace") if raw else "unknown error %d" % status

    def error(self, status: int, message: Optional[str] = None, **extra: Any) -> _errors.KurzError:
        """The exception for a negative status (not raised)."""
        cls = _errors.error_class(status)
        text = self.strerror(status)
        if message is None:
            message = text
        if cls is _errors.InvalidUTF8Error or cls is _errors.UnsupportedLanguageError:
            return cls(status, text, message, **extra)
        return cls(status, text, message)

    def _errcheck(self, result: int, func: Any, args: Tuple[Any, ...]) -> int:
        if result < 0:
            raise self.error(result, "%s: %s" % (func.__name__, self.strerror(result)))
        return result

    def _errcheck_new(self, result: int, func: Any, args: Tuple[Any, ...]) -> int:
        if result < 0:
            lang = args[1]
            name = lang.decode("utf-8", "replace") if isinstance(lang, bytes) else repr(lang)
            if result == _errors.Status.ERR_UNSUPPORTED_LANG:
                raise self.error(result, "unsupported language %r (see kurz.languages())" % name,
                                 language=name)
            raise self.error(result, "kurz_summarizer_new(%r): %s" % (name, self.strerror(result)))
        return result

    def _errcheck_text(self, result: int, func: Any, args: Tuple[Any, ...]) -> int:
        # args: (out, summarizer, text, len)
        if result < 0:
            if result == ERR_INVALID_UTF8:
                self._raise_utf8(result, args[2] or b"",
                                 int(self.kurz_summarizer_error_offset(args[1])))
            raise self.error(result, "%s: %s" % (func.__name__, self.strerror(result)))
        return result

    def _raise_utf8(self, result: int, data: bytes, offset: int) -> None:
        """Raises the error of invalid UTF-8 at byte offset of data."""
        try:
            chars = len(data[:offset].decode("utf-8"))
        except UnicodeDecodeError:  # cannot happen for a correct library
            chars = -1
        raise self.error(result, "invalid UTF-8 at byte offset %d" % offset,
                         offset=offset, char_offset=chars)

    def _errcheck_identify(self, result: int, func: Any, args: Tuple[Any, ...]) -> int:
        # args: (out, text, len). kurz_identify reports no offset: the first
        # bad sequence is the one kurz_validate_utf8 finds (identification
        # failed on it, so it lies in the sample that was read).
        if result < 0:
            if result == ERR_INVALID_UTF8:
                data = args[1] or b""
                bad = c_size_t()
                if self.kurz_validate_utf8(data, len(data), ctypes.byref(bad)) == ERR_INVALID_UTF8:
                    self._raise_utf8(result, data, int(bad.value))
            raise self.error(result, "%s: %s" % (func.__name__, self.strerror(result)))
        return result

    # -- small helpers ------------------------------------------------------
    def version_number(self) -> int:
        return int(self.kurz_version_number())

    def version_string(self) -> str:
        raw = self.kurz_version_string()
        return raw.decode("ascii", "replace") if raw else ""

    def languages(self) -> List[str]:
        arr = self.kurz_languages()
        out: List[str] = []
        if not arr:
            return out
        i = 0
        while arr[i] is not None:
            out.append(arr[i].decode("utf-8", "replace"))
            i += 1
        return out

    def option_bounds(self, option: int) -> Tuple[int, int]:
        lo, hi = c_int(), c_int()
        self.kurz_option_bounds(option, ctypes.byref(lo), ctypes.byref(hi))
        return lo.value, hi.value


def _check_version(cdll: Any) -> None:
    """Raises ImportError unless cdll's major version is EXPECTED_MAJOR."""
    fn = cdll.kurz_version_number
    fn.restype = c_uint
    fn.argtypes = []
    number = int(fn())
    if number // 10000 != EXPECTED_MAJOR:
        raise ImportError("version %d.%d.%d, but this binding needs major version %d"
                          % (number // 10000, number // 100 % 100, number % 100, EXPECTED_MAJOR))


def candidates() -> List[Tuple[str, Optional[str]]]:
    """(description, path or name) pairs in loading order; None = not found."""
    env = os.environ.get("KURZ_LIBRARY")
    if env:
        return [("$KURZ_LIBRARY", env)]
    here = os.path.dirname(os.path.abspath(__file__))
    out: List[Tuple[str, Optional[str]]] = [("bundled", os.path.join(here, SONAME))]
    try:
        from . import _config  # written by meson at install time
    except ImportError:
        pass
    else:
        libdir = getattr(_config, "LIBDIR", "")
        if libdir:
            out.append(("meson libdir", os.path.join(libdir, SONAME)))
    try:
        found = ctypes.util.find_library("kurz")
    except Exception:  # find_library runs helper programs; never fatal
        found = None
    out.append(('ctypes.util.find_library("kurz")', found))
    out.append(("SONAME", SONAME))
    return out


def load() -> Lib:
    """Loads the first usable candidate or raises one ImportError listing all."""
    tried: List[str] = []
    for what, path in candidates():
        if path is None:
            tried.append("  %s: nothing found" % what)
            continue
        if what == "bundled" and not os.path.exists(path):
            tried.append("  %s %s: no such file" % (what, path))
            continue
        try:
            cdll = ctypes.CDLL(path)
        except OSError as exc:
            tried.append("  %s %s: %s" % (what, path, exc))
            continue
        try:
            _check_version(cdll)
            return Lib(cdll, path)
        except AttributeError as exc:
            tried.append("  %s %s: missing function (%s)" % (what, path, exc))
        except ImportError as exc:
            tried.append("  %s %s: %s" % (what, path, exc))
    raise ImportError("kurz: cannot load the C library libkurz (major version %d); tried:\n%s\n"
                      "Set KURZ_LIBRARY to the path of libkurz.so.0."
                      % (EXPECTED_MAJOR, "\n".join(tried)), name="kurz")


lib: Lib = load()
loaded_from: str = lib.path
