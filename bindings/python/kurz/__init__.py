"""kurz: extractive summaries of German and French text.

A pure-Python binding (ctypes) of the C library libkurz. It picks the most
central sentences of a document and returns them in document order, with
their positions in the text you passed in.

German:

>>> import kurz
>>> text = ("Die Aare ist der längste Fluss der Schweiz.\\n"
...         "Sie entspringt in den Berner Alpen.\\n"
...         "Die Aare mündet bei Koblenz in den Rhein.\\n")
>>> [s.text for s in kurz.split(text, "de")]
['Die Aare ist der längste Fluss der Schweiz.', 'Sie entspringt in den Berner Alpen.', 'Die Aare mündet bei Koblenz in den Rhein.']
>>> summary = kurz.summarize(text, "de", sentences=2)
>>> len(summary)
2
>>> all(text[s.start:s.end] == s.text for s in summary)
True

French:

>>> texte = ("Le paquebot a heurté le quai à Venise.\\n"
...          "Des témoins ont filmé la scène.\\n"
...          "Le navire peut contenir plus de 2 600 passagers.\\n")
>>> with kurz.Summarizer("fr") as résumeur:
...     phrases = résumeur.summarize(texte, sentences=1)
>>> len(phrases), phrases[0].text == texte[phrases[0].start:phrases[0].end]
(1, True)

Offsets: ``start``/``end`` are character offsets into the ``str`` you
passed (``text[s.start:s.end] == s.text`` always holds), ``byte_start`` /
``byte_end`` are offsets into its UTF-8 encoding. ``bytes`` input must be
UTF-8; offsets then refer to ``data.decode("utf-8")`` (a byte-order mark
stays in it as U+FEFF) and ``.text`` is a ``str``.

A ``str`` that holds a lone surrogate (e.g. from ``errors="surrogateescape"``)
has no UTF-8 encoding: it raises :class:`InvalidUTF8Error` whose ``.offset``
is the byte offset the surrogate would have when encoded with
``errors="surrogatepass"`` (the same offset the library reports for those
bytes) and whose ``.char_offset`` is its index in the ``str``.
"""

from __future__ import annotations

import math
import numbers
import operator
import threading
from ctypes import byref, c_double, c_int, c_size_t, c_void_p
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union

from . import _native
from ._errors import (InputTooLargeError, InvalidUTF8Error, KurzError, OptionError,
                      OutOfMemoryError, Status, UnsupportedLanguageError)

__all__ = [
    "Sentence",
    "Summarizer",
    "summarize",
    "split",
    "languages",
    "library_version",
    "library_path",
    "KurzError",
    "OptionError",
    "InvalidUTF8Error",
    "UnsupportedLanguageError",
    "InputTooLargeError",
    "OutOfMemoryError",
    "Status",
    "ALGORITHMS",
]

_lib = _native.lib

#: The version of the loaded C library, "MAJOR.MINOR.PATCH".
__version__: str = _lib.version_string()

#: Text input: a ``str``, or UTF-8 ``bytes`` / ``bytearray`` / ``memoryview``.
TextInput = Union[str, bytes, bytearray, memoryview]

# Option numbers of kurz.h (pinned forever).
_OPT_SENTENCES = 100
_OPT_RATIO = 101
_OPT_WORDS = 102
_OPT_STRICT = 103
_OPT_ALGORITHM = 104
_OPT_DAMPING = 105
_OPT_POSITION = 106
_OPT_REDUNDANCY = 107
_OPT_BOILERPLATE = 108
_OPT_MAX_INPUT = 109
_OPT_TITLE = 110

#: Ranking algorithms accepted by ``algorithm=`` (kurz_algorithm values).
ALGORITHMS: Dict[str, int] = {"lexrank": 0, "textrank": 1}

# Python keyword -> (option, kind). Fractions are floats 0..1 mapped to per-mille.
_KNOBS: Dict[str, Tuple[int, str]] = {
    "damping": (_OPT_DAMPING, "permille"),
    "position_weight": (_OPT_POSITION, "permille"),
    "redundancy": (_OPT_REDUNDANCY, "permille"),
    "title_weight": (_OPT_TITLE, "permille"),
    "boilerplate": (_OPT_BOILERPLATE, "bool"),
    "max_input_bytes": (_OPT_MAX_INPUT, "int"),
}
_OPTION_NAMES: Dict[int, str] = {
    _OPT_SENTENCES: "sentences", _OPT_RATIO: "ratio", _OPT_WORDS: "words",
    _OPT_STRICT: "strict", _OPT_ALGORITHM: "algorithm",
    **{opt: name for name, (opt, _kind) in _KNOBS.items()},
}

_INVALID_ARG = int(Status.ERR_INVALID_ARG)
_OUT_OF_RANGE = int(Status.ERR_OUT_OF_RANGE)
_INVALID_UTF8 = int(Status.ERR_INVALID_UTF8)

# A budget as applied to the C handle: (option, value) or None for the default.
_Budget = Optional[Tuple[int, int]]


@dataclass(frozen=True)
class Sentence:
    """One sentence of a summary or a split.

    Attributes:
        index: position among all sentences of the document (0-based).
        start: character offset of the first character in the ``str`` passed in.
        end: character offset one past the last character; ``text[start:end] == self.text``.
        score: centrality (higher is more central; 0.0 from :func:`split`).
        text: the sentence, without leading and trailing white space.
        byte_start: byte offset of ``start`` in the UTF-8 encoding of the input.
        byte_end: byte offset of ``end`` in the UTF-8 encoding of the input.
    """

    __slots__ = ("index", "start", "end", "score", "text", "byte_start", "byte_end")

    index: int
    start: int
    end: int
    score: float
    text: str
    byte_start: int
    byte_end: int

    def __reduce__(self) -> Any:  # frozen + __slots__: pickle through the constructor
        return (Sentence, (self.index, self.start, self.end, self.score, self.text,
                           self.byte_start, self.byte_end))


# ---------------------------------------------------------------------------
# Conversions


def _option_error(message: str, code: int = _INVALID_ARG) -> OptionError:
    return OptionError(code, _lib.strerror(code), message)


def _as_int(name: str, value: Any) -> int:
    if isinstance(value, bool):
        raise TypeError("%s must be an int, not bool" % name)
    try:
        return operator.index(value)
    except TypeError:
        raise TypeError("%s must be an int, not %s" % (name, type(value).__name__)) from None


def _as_fraction(name: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError("%s must be a number between 0 and 1, not %s"
                        % (name, type(value).__name__))
    value = float(value)
    if not math.isfinite(value):
        raise _option_error("%s must be a number between 0 and 1, not %r" % (name, value),
                            _OUT_OF_RANGE)
    return value


def _permille(value: float) -> int:
    # Clamp before int() so huge values stay huge (the library then reports
    # OUT_OF_RANGE) instead of overflowing a C int.
    return int(round(max(-1e7, min(1e7, value)) * 1000))


def _budget(sentences: Any, ratio: Any, words: Any) -> _Budget:
    """Validates the budget keywords; returns (option, value) or None."""
    given = [n for n, v in (("sentences", sentences), ("ratio", ratio), ("words", words))
             if v is not None]
    if len(given) > 1:
        raise _option_error("give at most one budget, not %s" % " and ".join(given))
    if sentences is not None:
        n = _as_int("sentences", sentences)
        if n < 1:
            raise _option_error("sentences must be at least 1, not %d" % n, _OUT_OF_RANGE)
        return (_OPT_SENTENCES, min(n, 2**31 - 1))
    if words is not None:
        n = _as_int("words", words)
        if n < 1:
            raise _option_error("words must be at least 1, not %d" % n, _OUT_OF_RANGE)
        return (_OPT_WORDS, min(n, 2**31 - 1))
    if ratio is not None:
        r = _as_fraction("ratio", ratio)
        if not 0.0 < r <= 1.0:
            raise _option_error("ratio must be > 0 and <= 1, not %r" % r, _OUT_OF_RANGE)
        return (_OPT_RATIO, max(1, _permille(r)))  # a tiny ratio still means "at least one"
    return None


def _knob_value(name: str, value: Any) -> Tuple[int, int]:
    """(option, C value) of one tuning keyword."""
    opt, kind = _KNOBS[name]
    if kind == "permille":
        return opt, _permille(_as_fraction(name, value))
    if kind == "bool":
        if not isinstance(value, (bool, int)) or value not in (0, 1):
            raise TypeError("%s must be True or False, not %r" % (name, value))
        return opt, int(bool(value))
    n = _as_int(name, value)
    if not -(2**31) <= n <= 2**31 - 1:
        lo, hi = _lib.option_bounds(opt)
        raise _option_error("%s=%d is out of range (valid: %d..%d)" % (name, n, lo, hi),
                            _OUT_OF_RANGE)
    return opt, n


def _algorithm_value(algorithm: Any) -> int:
    if not isinstance(algorithm, str):
        raise TypeError("algorithm must be a str, not %s" % type(algorithm).__name__)
    try:
        return ALGORITHMS[algorithm.lower()]
    except KeyError:
        raise _option_error("unknown algorithm %r (choose from %s)"
                            % (algorithm, ", ".join(sorted(ALGORITHMS)))) from None


def _encode_lang(lang: Any) -> bytes:
    if not isinstance(lang, str):
        raise TypeError("lang must be a str such as 'de' or 'fr', not %s" % type(lang).__name__)
    if "\0" in lang or not lang.isprintable():
        code = int(Status.ERR_UNSUPPORTED_LANG)
        raise UnsupportedLanguageError(code, _lib.strerror(code),
                                       "unsupported language %r (see kurz.languages())" % lang,
                                       language=lang)
    return lang.encode("utf-8", "replace")


def _encode_text(text: Any) -> Tuple[bytes, Optional[str]]:
    """(UTF-8 bytes, the str or None for bytes input)."""
    if isinstance(text, str):
        try:
            return text.encode("utf-8"), text
        except UnicodeEncodeError as exc:
            offset = len(text[:exc.start].encode("utf-8"))
            raise InvalidUTF8Error(
                _INVALID_UTF8, _lib.strerror(_INVALID_UTF8),
                "str holds a lone surrogate %r at index %d (byte offset %d): it cannot be "
                "encoded as UTF-8" % (text[exc.start], exc.start, offset),
                offset=offset, char_offset=exc.start) from None
    if isinstance(text, bytes):
        return text, None
    if isinstance(text, (bytearray, memoryview)):
        return bytes(text), None
    raise TypeError("text must be str or UTF-8 bytes, not %s" % type(text).__name__)


def _char_offsets(data: bytes, positions: Sequence[int]) -> List[int]:
    """Character offsets of the byte offsets positions (on code-point
    boundaries) in data. Counts incrementally between successive positions,
    so sorted positions cost one pass over data in total."""
    view = memoryview(data)
    out: List[int] = []
    byte_pos = 0
    char_pos = 0
    for b in positions:
        if b < byte_pos:  # not sorted (never for a correct library): restart
            byte_pos = char_pos = 0
        if b > byte_pos:
            char_pos += len(str(view[byte_pos:b], "utf-8"))
            byte_pos = b
        out.append(char_pos)
    return out


def _copy_summary(summary: int) -> List[Tuple[int, int, int, float]]:
    """(index, byte_start, byte_end, score) of every sentence of a kurz_summary."""
    n = _lib.kurz_summary_count(summary)
    index, start, end, score = c_size_t(), c_size_t(), c_size_t(), c_double()
    p_index, p_start, p_end, p_score = byref(index), byref(start), byref(end), byref(score)
    get = _lib.kurz_summary_get
    rows = []
    for i in range(n):
        get(summary, i, p_index, p_start, p_end, p_score)
        rows.append((index.value, start.value, end.value, score.value))
    return rows


def _make_sentences(rows: List[Tuple[int, int, int, float]], data: bytes,
                    text: Optional[str]) -> List[Sentence]:
    if text is None:
        text = data.decode("utf-8")  # the library has validated it
    if not rows:
        return []
    if len(text) == len(data):  # ASCII: byte offsets are character offsets
        chars: Sequence[int] = [b for r in rows for b in (r[1], r[2])]
    else:
        chars = _char_offsets(data, [b for r in rows for b in (r[1], r[2])])
    out = []
    for k, (index, b_start, b_end, score) in enumerate(rows):
        start, end = chars[2 * k], chars[2 * k + 1]
        out.append(Sentence(index, start, end, score, text[start:end], b_start, b_end))
    return out


# ---------------------------------------------------------------------------
# Summarizer


class Summarizer:
    """A reusable summarizer for one language; cheap to reuse, so keep one
    for many documents (creating one loads a stemmer).

    Options are keyword-only: a default budget (``sentences``, ``ratio`` or
    ``words``, at most one; none = the library's default of 3 sentences),
    ``strict`` (with ``words``: never exceed the budget), ``algorithm``
    (``"lexrank"`` or ``"textrank"``), the fractions ``damping``,
    ``position_weight``, ``redundancy`` and ``title_weight`` (floats 0..1,
    stored in per-mille), ``boilerplate`` (True: never pick headings,
    bylines and the like) and ``max_input_bytes``. ``None`` keeps the
    library's default.

    One instance may be shared between threads (calls are serialised by a
    lock); for parallel work create one per thread. Use it as a context
    manager or call :meth:`close`; using a closed summarizer raises
    ``ValueError``.

    German:

    >>> with Summarizer("de", sentences=1) as s:
    ...     [x.text for x in s.split("Guten Tag.\\nWie geht es Ihnen?")]
    ['Guten Tag.', 'Wie geht es Ihnen?']

    French:

    >>> s = Summarizer("fr", algorithm="textrank", redundancy=1.0)
    >>> texte = ("La Seine traverse Paris d'est en ouest sur treize kilomètres.\\n"
    ...          "Trente-sept ponts relient les deux rives du fleuve dans la capitale.\\n"
    ...          "Les bouquinistes vendent des livres anciens le long des quais.\\n")
    >>> len(s.summarize(texte, sentences=2))
    2
    >>> s.close()
    """

    _handle: Optional[int] = None  # class default: __del__ after a failed __init__

    def __init__(self, lang: str, *, sentences: Optional[int] = None,
                 ratio: Optional[float] = None, words: Optional[int] = None,
                 strict: bool = False, algorithm: str = "lexrank",
                 damping: Optional[float] = None, position_weight: Optional[float] = None,
                 redundancy: Optional[float] = None, title_weight: Optional[float] = None,
                 boilerplate: bool = True, max_input_bytes: Optional[int] = None) -> None:
        # Keep what close() needs on the instance: module globals may already
        # be gone when __del__ runs at interpreter shutdown.
        self._lib = _lib
        self._free = _lib.kurz_summarizer_free
        self._lock = threading.Lock()
        self._budget = _budget(sentences, ratio, words)
        self._strict = self._strict_value(strict)
        settings = [(_OPT_ALGORITHM, _algorithm_value(algorithm))]
        for name, value in (("damping", damping), ("position_weight", position_weight),
                            ("redundancy", redundancy), ("title_weight", title_weight),
                            ("boilerplate", boilerplate), ("max_input_bytes", max_input_bytes)):
            if value is not None:
                settings.append(_knob_value(name, value))
        self._applied: Optional[Tuple[_Budget, int]] = None  # (budget, strict) on the handle
        handle = c_void_p()
        _lib.kurz_summarizer_new(byref(handle), _encode_lang(lang))
        try:
            for opt, value in settings:
                self._set(handle.value, opt, value)
            self._apply(handle.value, self._budget, self._strict)
        except BaseException:
            self._free(handle.value)
            raise
        self._handle = handle.value
        raw = _lib.kurz_summarizer_language(self._handle)
        self._language = raw.decode("utf-8", "replace") if raw else lang

    @staticmethod
    def _strict_value(strict: Any) -> int:
        if not isinstance(strict, (bool, int)) or strict not in (0, 1):
            raise TypeError("strict must be True or False, not %r" % (strict,))
        return int(bool(strict))

    def _set(self, handle: int, opt: int, value: int) -> None:
        try:
            self._lib.kurz_summarizer_set_option(handle, opt, value)
        except OptionError as exc:
            if exc.code != _OUT_OF_RANGE:
                raise
            name = _OPTION_NAMES.get(opt, str(opt))
            try:
                lo, hi = self._lib.option_bounds(opt)
            except KurzError:
                raise exc from None
            _opt, kind = _KNOBS.get(name, (opt, "int"))
            if name == "ratio" or kind == "permille":
                shown, bounds = value / 1000, "%g..%g" % (lo / 1000, hi / 1000)
            else:
                shown, bounds = value, "%d..%d" % (lo, hi)
            raise OptionError(exc.code, exc.strerror, "%s=%r is out of range (valid: %s)"
                              % (name, shown, bounds)) from None

    def _apply(self, handle: int, budget: _Budget, strict: int) -> None:
        """Puts budget and strict on the handle (lock held or not yet shared)."""
        if self._applied == (budget, strict):
            return
        self._applied = None  # unknown state if a set fails half way
        if budget is None:
            for opt in (_OPT_SENTENCES, _OPT_RATIO, _OPT_WORDS):
                self._set(handle, opt, 0)
        else:
            self._set(handle, *budget)  # a non-zero budget clears the other two
        self._set(handle, _OPT_STRICT, strict)
        self._applied = (budget, strict)

    # -- public ----------------------------------------------------------------
    @property
    def language(self) -> str:
        """The ISO 639-1 code of the summarizer's language ("de", "fr", ...)."""
        return self._language

    @property
    def closed(self) -> bool:
        """True once :meth:`close` was called."""
        return self._handle is None

    @property
    def options(self) -> Dict[str, Any]:
        """Every option currently set (the default budget included), read back
        from the library and converted to the keyword's units."""
        out: Dict[str, Any] = {}
        value = c_int()
        with self._lock:
            handle = self._checked_handle()
            for opt, name in sorted(_OPTION_NAMES.items()):
                self._lib.kurz_summarizer_get_option(handle, opt, byref(value))
                v = value.value
                kind = _KNOBS[name][1] if name in _KNOBS else "int"
                if name in ("sentences", "ratio", "words") and v == 0:
                    continue
                if name == "algorithm":
                    out[name] = {n: k for k, n in ALGORITHMS.items()}.get(v, v)
                elif name == "ratio" or kind == "permille":
                    out[name] = v / 1000
                elif name in ("strict", "boilerplate"):
                    out[name] = bool(v)
                else:
                    out[name] = v
        return out

    def _checked_handle(self) -> int:
        handle = self._handle
        if handle is None:
            raise ValueError("operation on a closed kurz.Summarizer")
        return handle

    def summarize(self, text: TextInput, *, sentences: Optional[int] = None,
                  ratio: Optional[float] = None, words: Optional[int] = None,
                  strict: Optional[bool] = None) -> List[Sentence]:
        """The most central sentences of text, in document order.

        A budget given here (at most one of ``sentences``, ``ratio``,
        ``words``) replaces the summarizer's default budget for this call;
        ``strict`` likewise replaces its default.

        >>> text = ("Die Aare entspringt in den Gletschern der Berner Alpen.\\n"
        ...         "In Bern umfließt der Fluss die Altstadt in einer engen Schlaufe.\\n"
        ...         "Bei Koblenz mündet die Aare schließlich in den Rhein.\\n")
        >>> with Summarizer("de") as s:
        ...     [x.index for x in s.summarize(text, ratio=1.0)]
        [0, 1, 2]
        """
        budget = _budget(sentences, ratio, words)
        if strict is not None:
            strict_value = self._strict_value(strict)
            effective = budget if budget is not None else self._budget
            if strict_value and (effective is None or effective[0] != _OPT_WORDS):
                raise _option_error("strict=True needs a words budget")
        else:
            strict_value = self._strict
        data, original = _encode_text(text)
        with self._lock:
            handle = self._checked_handle()
            self._apply(handle, budget if budget is not None else self._budget, strict_value)
            rows = self._run(self._lib.kurz_summarize, handle, data)
        return _make_sentences(rows, data, original)

    def split(self, text: TextInput) -> List[Sentence]:
        """Every sentence of text, each with score 0.0.

        >>> with Summarizer("fr") as s:
        ...     [x.text for x in s.split("Bonjour.\\nÇa va ?")]
        ['Bonjour.', 'Ça va ?']
        """
        data, original = _encode_text(text)
        with self._lock:
            handle = self._checked_handle()
            rows = self._run(self._lib.kurz_split, handle, data)
        return _make_sentences(rows, data, original)

    def _run(self, fn: Any, handle: int, data: bytes) -> List[Tuple[int, int, int, float]]:
        summary = c_void_p()
        fn(byref(summary), handle, data, len(data))  # errcheck raises on failure
        try:
            return _copy_summary(summary.value)
        finally:
            self._lib.kurz_summary_free(summary.value)

    def close(self) -> None:
        """Releases the C summarizer. Calling it again does nothing."""
        lock = getattr(self, "_lock", None)
        if lock is None:  # __init__ failed before the lock existed
            return
        with lock:
            handle, self._handle = self._handle, None
            if handle is not None:
                self._free(handle)

    def __enter__(self) -> "Summarizer":
        self._checked_handle()
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # interpreter shutdown: never raise from __del__
            pass

    def __repr__(self) -> str:
        state = "closed" if self._handle is None else "open"
        return "<kurz.Summarizer %r %s>" % (getattr(self, "_language", "?"), state)


# ---------------------------------------------------------------------------
# Module-level functions


def summarize(text: TextInput, lang: str, *, sentences: Optional[int] = None,
              ratio: Optional[float] = None, words: Optional[int] = None,
              algorithm: str = "lexrank", strict: bool = False,
              damping: Optional[float] = None, position_weight: Optional[float] = None,
              redundancy: Optional[float] = None, title_weight: Optional[float] = None,
              boilerplate: bool = True, max_input_bytes: Optional[int] = None) -> List[Sentence]:
    """Summarizes text in language lang ("de", "fr", ...; see :func:`languages`).

    Give at most one budget: ``sentences`` (a count), ``ratio`` (a share of
    the sentences, 0 < ratio <= 1) or ``words`` (about this many words;
    with ``strict=True`` never more). With none, the library's default
    (3 sentences). The other keywords are the options of :class:`Summarizer`.
    Returns the chosen sentences in document order.

    >>> de = ("Berlin ist mit fast vier Millionen Einwohnern die größte Stadt Deutschlands.\\n"
    ...       "Die Museumsinsel in Berlin gehört zum Weltkulturerbe der UNESCO.\\n"
    ...       "Durch die Stadt fließen die Spree und die Havel.\\n")
    >>> len(summarize(de, "de", sentences=1))
    1
    >>> fr = ("Paris compte plus de deux millions d'habitants intra-muros.\\n"
    ...       "La tour Eiffel a été construite pour l'Exposition universelle de 1889.\\n"
    ...       "Le musée du Louvre est le musée le plus visité au monde.\\n")
    >>> [s.index for s in summarize(fr, "fr", ratio=1.0, redundancy=1.0)]
    [0, 1, 2]
    """
    budget = _budget(sentences, ratio, words)  # fail before loading a stemmer
    if strict and (budget is None or budget[0] != _OPT_WORDS):
        raise _option_error("strict=True needs a words budget")
    with Summarizer(lang, strict=strict, algorithm=algorithm, damping=damping,
                    position_weight=position_weight, redundancy=redundancy,
                    title_weight=title_weight, boilerplate=boilerplate,
                    max_input_bytes=max_input_bytes) as s:
        return s.summarize(text, sentences=sentences, ratio=ratio, words=words)


def split(text: TextInput, lang: str, *, max_input_bytes: Optional[int] = None) -> List[Sentence]:
    """Every sentence of text, in order, each with score 0.0.

    >>> [s.text for s in split("Es regnet.\\nDie Sonne scheint.", "de")]
    ['Es regnet.', 'Die Sonne scheint.']
    >>> [(s.start, s.end) for s in split("Été.\\nHiver.", "fr")]
    [(0, 4), (5, 11)]
    """
    with Summarizer(lang, max_input_bytes=max_input_bytes) as s:
        return s.split(text)


def languages() -> List[str]:
    """The ISO 639-1 codes the library accepts, e.g. ``["de", "fr", "en", ...]``.

    >>> "de" in languages() and "fr" in languages()
    True
    """
    return _lib.languages()


def library_version() -> str:
    """The version of the loaded C library, "MAJOR.MINOR.PATCH" (same as ``__version__``)."""
    return _lib.version_string()


def library_path() -> str:
    """The path or name libkurz was loaded from."""
    return _native.loaded_from
