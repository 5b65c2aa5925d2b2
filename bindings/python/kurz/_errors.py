# SPDX-License-Identifier: MIT
"""Exception classes of the kurz binding.

Every error raised by the library derives from :class:`KurzError`, which
carries the library's status code in ``.code`` and its ``kurz_strerror``
text in ``.strerror``. Each subclass also derives from the built-in
exception a Python programmer would expect (``ValueError``,
``LookupError``, ``MemoryError``), so ``except ValueError`` keeps working.
"""

from __future__ import annotations

import enum
from typing import Any, Dict, Optional, Type

__all__ = [
    "Status",
    "KurzError",
    "OptionError",
    "InvalidUTF8Error",
    "UnsupportedLanguageError",
    "InputTooLargeError",
    "OutOfMemoryError",
]


class Status(enum.IntEnum):
    """The library's status codes (``enum kurz_status`` in kurz.h)."""

    OK = 0
    ERR_NOMEM = -1
    ERR_INVALID_ARG = -2
    ERR_INVALID_UTF8 = -3
    ERR_UNSUPPORTED_LANG = -4
    ERR_OUT_OF_RANGE = -5
    ERR_TOO_LARGE = -6


class KurzError(Exception):
    """Base class of every error of kurz.

    Attributes:
        code: the library's status code (a negative int, see :class:`Status`).
        strerror: the library's text for that code (``kurz_strerror``).
    """

    code: int
    strerror: str

    def __init__(self, code: int, strerror: str, message: Optional[str] = None) -> None:
        super().__init__(message if message is not None else strerror)
        self.code = int(code)
        self.strerror = strerror

    def __reduce__(self) -> Any:  # keep attributes through pickle (multiprocessing)
        message = self.args[0] if self.args else None
        return (type(self), (self.code, self.strerror, message), dict(self.__dict__))


class OptionError(KurzError, ValueError):
    """An option or budget is invalid or out of range
    (``KURZ_ERR_INVALID_ARG``, ``KURZ_ERR_OUT_OF_RANGE``)."""


class InvalidUTF8Error(KurzError, ValueError):
    """The input is not well-formed UTF-8 (``KURZ_ERR_INVALID_UTF8``).

    Attributes:
        offset: byte offset of the first bad sequence in the UTF-8 input.
            For a ``str`` holding a lone surrogate it is the offset the
            surrogate would have in the text encoded with
            ``errors="surrogatepass"``.
        char_offset: the same position counted in characters (an index into
            the ``str`` that was passed, or into the valid prefix of the
            ``bytes`` decoded).
    """

    offset: int
    char_offset: int

    def __init__(self, code: int, strerror: str, message: Optional[str] = None, *,
                 offset: int = 0, char_offset: int = 0) -> None:
        super().__init__(code, strerror, message)
        self.offset = offset
        self.char_offset = char_offset


class UnsupportedLanguageError(KurzError, LookupError):
    """No such language (``KURZ_ERR_UNSUPPORTED_LANG``); see ``kurz.languages()``.

    Attributes:
        language: the language name that was asked for.
    """

    language: str

    def __init__(self, code: int, strerror: str, message: Optional[str] = None, *,
                 language: str = "") -> None:
        super().__init__(code, strerror, message)
        self.language = language


class InputTooLargeError(KurzError, ValueError):
    """The input is longer than ``max_input_bytes`` (``KURZ_ERR_TOO_LARGE``)."""


class OutOfMemoryError(KurzError, MemoryError):
    """The library could not allocate memory (``KURZ_ERR_NOMEM``)."""


_BY_CODE: Dict[int, Type[KurzError]] = {
    Status.ERR_NOMEM: OutOfMemoryError,
    Status.ERR_INVALID_ARG: OptionError,
    Status.ERR_INVALID_UTF8: InvalidUTF8Error,
    Status.ERR_UNSUPPORTED_LANG: UnsupportedLanguageError,
    Status.ERR_OUT_OF_RANGE: OptionError,
    Status.ERR_TOO_LARGE: InputTooLargeError,
}


def error_class(code: int) -> Type[KurzError]:
    """The exception class for a negative status (KurzError for unknown codes)."""
    return _BY_CODE.get(code, KurzError)
