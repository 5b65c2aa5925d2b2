# SPDX-License-Identifier: MIT
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

Without a language (``lang=None``, the same as ``"auto"``) the language of
each text is identified; results tell which one was used:

>>> found = kurz.summarize(texte, sentences=1)
>>> found.language, found.language_source
('fr', 'detected')
>>> guess = kurz.detect_language("Der Rhein fließt durch Basel.")
>>> guess.code, guess.confidence > 0.5
('de', True)
>>> [k.text for k in kurz.keywords(text, n=1)]
['Aare']

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

import ctypes
import math
import numbers
import operator
import threading
from collections import deque
from ctypes import POINTER, byref, c_char_p, c_double, c_int, c_size_t, c_void_p
from dataclasses import dataclass
from itertools import islice
from typing import (Any, Callable, Dict, Iterable, Iterator, List, Mapping, Optional, Sequence,
                    Tuple, Union)

from . import _native
from ._errors import (InputTooLargeError, InvalidUTF8Error, KurzError, OptionError,
                      OutOfMemoryError, Status, UnsupportedLanguageError)

__all__ = [
    "Sentence",
    "SentenceList",
    "Summary",
    "Summarizer",
    "Keyphrase",
    "LanguageGuess",
    "summarize",
    "summarize_many",
    "keywords",
    "detect_language",
    "identify",
    "DEFAULT_LANGUAGE",
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
_OPT_KEYPHRASES = 111
_OPT_KEYPHRASE_MAX_WORDS = 112

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


class SentenceList(List[Sentence]):
    """What :func:`summarize`, :func:`split` and the :class:`Summarizer`'s
    methods of the same names return: a plain ``list`` of :class:`Sentence`
    that also tells which language the document was processed with.

    Attributes:
        language: the ISO code used ("fr"), or "und" when the language was
            "auto" and the text is in none of the languages or too short to
            tell (generic rules, no stemming, no stop words).
        detected: True when the language was identified from the text
            ("auto"), False when it was the summarizer's own.
        language_source: the same as a string, as ``kurz --format json``
            writes it: "detected" or "given".

    It compares equal to a list with the same sentences (the language is
    not compared) and pickles with its language.
    """

    language: str
    detected: bool

    def __init__(self, sentences: Iterable[Sentence] = (), language: str = "",
                 detected: bool = False) -> None:
        super().__init__(sentences)
        self.language = language
        self.detected = detected

    @property
    def language_source(self) -> str:
        """"detected" when the language was identified from the text,
        "given" when it was the summarizer's own (the command's
        ``"language_source"``)."""
        return "detected" if self.detected else "given"

    def __repr__(self) -> str:
        return "SentenceList(%s, language=%r, detected=%r)" % (
            list.__repr__(self), self.language, self.detected)

    def __reduce__(self) -> Any:
        return (SentenceList, (list(self), self.language, self.detected))


@dataclass(frozen=True)
class Keyphrase:
    """One key phrase of :func:`keywords` or :meth:`Summarizer.keywords`.

    Attributes:
        text: the phrase in its most frequent form in the text, as written
            (capitals and accents kept, runs of white space as one space).
        score: higher is better; comparable within one result only.
        count: how many times the phrase occurs in the text.
        start: character offset of its first occurrence in the ``str``
            passed in; ``text[start:end]`` is that occurrence, which may be
            another form of the phrase (a plural, other white space).
        end: character offset one past the end of the first occurrence.
        byte_start: byte offset of ``start`` in the UTF-8 encoding of the input.
        byte_end: byte offset of ``end`` in the UTF-8 encoding of the input.
    """

    __slots__ = ("text", "score", "count", "start", "end", "byte_start", "byte_end")

    text: str
    score: float
    count: int
    start: int
    end: int
    byte_start: int
    byte_end: int

    def __reduce__(self) -> Any:  # frozen + __slots__: pickle through the constructor
        return (Keyphrase, (self.text, self.score, self.count, self.start, self.end,
                            self.byte_start, self.byte_end))


@dataclass(frozen=True)
class LanguageGuess:
    """The result of :func:`detect_language` (and of its older name,
    :func:`identify`).

    Attributes:
        language: the ISO 639-1 code ("fr"), or "und" when the text is
            empty, too short to tell, or in none of :func:`languages`;
            also readable as ``code``.
        confidence: in [0, 1], the best candidate's score; 0.0 for "und".
        candidates: ``(code, score)`` pairs of the languages written in the
            text's main script, best first (scores sum to 1); also given
            for "und", empty when no listed script was found.
        examined: how many bytes of the UTF-8 input were read (at most 32 KiB).
    """

    __slots__ = ("language", "confidence", "candidates", "examined")

    language: str
    confidence: float
    candidates: Tuple[Tuple[str, float], ...]
    examined: int

    @property
    def code(self) -> str:
        """The ISO 639-1 code, or "und": the same as ``language``."""
        return self.language

    def __reduce__(self) -> Any:  # frozen + __slots__: pickle through the constructor
        return (LanguageGuess, (self.language, self.confidence, self.candidates,
                                self.examined))


@dataclass(frozen=True)
class Summary:
    """The result of one document of :meth:`Summarizer.summarize_many` or
    :func:`summarize_many`: plain data (it pickles as such).

    A document that failed does not stop the batch: its result has
    ``error`` set to the exception (a :class:`KurzError` such as
    :class:`InvalidUTF8Error`, or ``TypeError`` for an input that is not
    text), no sentences and ``document_sentences == 0``; ``ok`` is False.

    Attributes:
        sentences: the chosen sentences (a tuple of :class:`Sentence`), in
            document order.
        document_sentences: how many sentences the document has.
        language: the ISO code of the language the document was processed
            with ("de", "fr"; "und" when it was identified ("auto") as in
            none of the languages or too short to tell; for a failed
            document the language asked for, e.g. "auto", or "").
        error: None, or the exception of a document that failed.
        detected: True when the language was identified from the text
            ("auto"), False when it was given (and for a failed document).
        language_source: "detected" or "given" as the command's JSON says
            (None for a failed document).
    """

    __slots__ = ("sentences", "document_sentences", "language", "error", "detected")

    sentences: Tuple[Sentence, ...]
    document_sentences: int
    language: str
    error: Optional[BaseException]
    detected: bool

    @property
    def ok(self) -> bool:
        """True when the document was summarized (``error`` is None)."""
        return self.error is None

    @property
    def language_source(self) -> Optional[str]:
        """"detected" when the language was identified from the text,
        "given" when it was given (the command's ``"language_source"``);
        None for a failed document."""
        if self.error is not None:
            return None
        return "detected" if self.detected else "given"

    @property
    def text(self) -> str:
        """The sentences' texts joined by one space ("" for none)."""
        return " ".join([s.text for s in self.sentences])

    def spans(self) -> List[Tuple[int, int]]:
        """(start, end) character offsets of the sentences."""
        return [(s.start, s.end) for s in self.sentences]

    def __reduce__(self) -> Any:  # frozen + __slots__: pickle through the constructor
        return (Summary, (self.sentences, self.document_sentences, self.language, self.error,
                          self.detected))


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


def _summary_language(summary: int) -> Tuple[str, bool]:
    """(language code, detected) of a kurz_summary."""
    detected = c_int()
    raw = _lib.kurz_summary_language(summary, byref(detected))
    return (raw.decode("ascii", "replace") if raw else ""), bool(detected.value)


def _char_offsets_any(data: bytes, text: Optional[str], positions: Sequence[int]) -> List[int]:
    """Character offsets of byte offsets in any order (on code-point
    boundaries): sorted once, so one pass over the prefix of data they span."""
    if text is not None and len(text) == len(data):  # ASCII
        return list(positions)
    order = sorted(set(positions))
    by_byte = dict(zip(order, _char_offsets(data, order)))
    return [by_byte[b] for b in positions]


def _make_sentences(rows: List[Tuple[int, int, int, float]], data: bytes,
                    text: Optional[str]) -> List[Sentence]:
    if text is None:
        text = data.decode("utf-8")  # the library has validated it
    out: List[Sentence] = []
    if not rows:
        return out
    append = out.append
    if len(text) == len(data):  # ASCII: byte offsets are character offsets
        for index, b_start, b_end, score in rows:
            append(Sentence(index, b_start, b_end, score, text[b_start:b_end], b_start, b_end))
        return out
    # Counts characters between successive sentences (sorted, so one pass
    # over data in total) and decodes each sentence once, for its text and
    # its length.
    view = memoryview(data)
    byte_pos = char_pos = 0
    for index, b_start, b_end, score in rows:
        if b_start < byte_pos:  # not sorted (never for a correct library): restart
            byte_pos = char_pos = 0
        start = char_pos + len(str(view[byte_pos:b_start], "utf-8"))
        sentence = str(view[b_start:b_end], "utf-8")
        end = start + len(sentence)
        append(Sentence(index, start, end, score, sentence, b_start, b_end))
        byte_pos, char_pos = b_end, end
    return out


def _copy_keyphrases(k: int) -> List[Tuple[bytes, float, int, int, int]]:
    """(UTF-8 text, score, count, byte_start, byte_end) of every key phrase."""
    n = _lib.kurz_keyphrases_count(k)
    text, text_len, score = c_void_p(), c_size_t(), c_double()
    count, start, end = c_size_t(), c_size_t(), c_size_t()
    refs = (byref(text), byref(text_len), byref(score), byref(count), byref(start), byref(end))
    rows = []
    for i in range(n):
        _lib.kurz_keyphrases_get(k, i, *refs)
        raw = ctypes.string_at(text.value, text_len.value) if text_len.value else b""
        rows.append((raw, score.value, count.value, start.value, end.value))
    return rows


def _make_keyphrases(rows: List[Tuple[bytes, float, int, int, int]], data: bytes,
                     text: Optional[str]) -> List[Keyphrase]:
    positions: List[int] = []
    for _raw, _score, _count, b_start, b_end in rows:
        positions += (b_start, b_end)
    chars = _char_offsets_any(data, text, positions)
    return [Keyphrase(raw.decode("utf-8", "replace"), score, count, chars[2 * i],
                      chars[2 * i + 1], b_start, b_end)
            for i, (raw, score, count, b_start, b_end) in enumerate(rows)]


def _identify(data: bytes) -> LanguageGuess:
    out = c_void_p()
    _lib.kurz_identify(byref(out), data, len(data))  # errcheck raises on failure
    r = out.value
    try:
        raw = _lib.kurz_langid_language(r)
        language = raw.decode("ascii", "replace") if raw else "und"
        confidence = float(_lib.kurz_langid_confidence(r))
        code, score = c_char_p(), c_double()
        candidates = []
        for i in range(_lib.kurz_langid_count(r)):
            _lib.kurz_langid_get(r, i, byref(code), byref(score))
            candidates.append(((code.value or b"").decode("ascii", "replace"), score.value))
        examined = int(_lib.kurz_langid_examined(r))
    finally:
        _lib.kurz_langid_free(r)
    return LanguageGuess(language, confidence, tuple(candidates), examined)


# ---------------------------------------------------------------------------
# Summarizer


class Summarizer:
    """A reusable summarizer for one language, or for "auto" (``lang=None``,
    the default: each document's language is identified, and a stemmer is
    loaded per language met); cheap to reuse, so keep one for many
    documents (creating one loads a stemmer).

    Options are keyword-only: a default budget (``sentences``, ``ratio`` or
    ``words``, at most one; none = the library's default of 3 sentences),
    ``strict`` (with ``words``: never exceed the budget), ``algorithm``
    (``"lexrank"`` or ``"textrank"``), the fractions ``damping``,
    ``position_weight``, ``redundancy`` and ``title_weight`` (floats 0..1,
    stored in per-mille), ``boilerplate`` (True: never pick headings,
    bylines and the like), ``max_input_bytes`` and ``title`` (the headline
    of the documents, a str: sentences sharing its words score higher).
    ``None`` keeps the library's default.

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

    def __init__(self, lang: Optional[str] = None, *, sentences: Optional[int] = None,
                 ratio: Optional[float] = None, words: Optional[int] = None,
                 strict: bool = False, algorithm: str = "lexrank",
                 damping: Optional[float] = None, position_weight: Optional[float] = None,
                 redundancy: Optional[float] = None, title_weight: Optional[float] = None,
                 boilerplate: bool = True, max_input_bytes: Optional[int] = None,
                 title: Optional[str] = None) -> None:
        # Keep what close() needs on the instance: module globals may already
        # be gone when __del__ runs at interpreter shutdown.
        self._lib = _lib
        self._free = _lib.kurz_summarizer_free
        self._lock = threading.Lock()
        # What pickling and per-thread copies re-create the summarizer from.
        self._lang_arg = lang
        if lang is None:
            lang = DEFAULT_LANGUAGE
        self._kwargs: Dict[str, Any] = {
            name: value for name, value in (
                ("sentences", sentences), ("ratio", ratio), ("words", words),
                ("strict", strict), ("algorithm", algorithm), ("damping", damping),
                ("position_weight", position_weight), ("redundancy", redundancy),
                ("title_weight", title_weight), ("boilerplate", boilerplate),
                ("max_input_bytes", max_input_bytes), ("title", title))
            if value is not None}
        if title is not None and not isinstance(title, str):
            raise TypeError("title must be a str, not %r" % (type(title).__name__,))
        self._cells: Optional[_Cells] = None  # the batch path's C out-parameters
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
            if title is not None:
                raw_title = title.encode("utf-8", "surrogatepass")
                _lib.kurz_summarizer_set_title(handle.value, raw_title, len(raw_title))
        except BaseException:
            self._free(handle.value)
            raise
        self._handle = handle.value
        raw = _lib.kurz_summarizer_language(self._handle)
        self._language = raw.decode("utf-8", "replace") if raw else lang
        # The library's key phrase defaults, restored by keywords(n=None).
        value = c_int()
        self._keyphrase_defaults: Dict[int, int] = {}
        for opt in (_OPT_KEYPHRASES, _OPT_KEYPHRASE_MAX_WORDS):
            _lib.kurz_summarizer_get_option(self._handle, opt, byref(value))
            self._keyphrase_defaults[opt] = value.value

    @staticmethod
    def _strict_value(strict: Any) -> int:
        if not isinstance(strict, (bool, int)) or strict not in (0, 1):
            raise TypeError("strict must be True or False, not %r" % (strict,))
        return int(bool(strict))

    def _set(self, handle: int, opt: int, value: int, name: Optional[str] = None) -> None:
        try:
            self._lib.kurz_summarizer_set_option(handle, opt, value)
        except OptionError as exc:
            if exc.code != _OUT_OF_RANGE:
                raise
            if name is None:
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
        """The ISO 639-1 code of the summarizer's language ("de", "fr", ...),
        or "auto" (each document's language is identified: see
        ``SentenceList.language`` and ``Summary.language``)."""
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
                  strict: Optional[bool] = None) -> SentenceList:
        """The most central sentences of text, in document order (a
        :class:`SentenceList`: its ``language`` and ``detected`` tell which
        language was used).

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
            rows, language, detected = self._run(self._lib.kurz_summarize, handle, data)
        return SentenceList(_make_sentences(rows, data, original), language, detected)

    def split(self, text: TextInput) -> SentenceList:
        """Every sentence of text, each with score 0.0 (a :class:`SentenceList`).

        >>> with Summarizer("fr") as s:
        ...     [x.text for x in s.split("Bonjour.\\nÇa va ?")]
        ['Bonjour.', 'Ça va ?']
        """
        data, original = _encode_text(text)
        with self._lock:
            handle = self._checked_handle()
            rows, language, detected = self._run(self._lib.kurz_split, handle, data)
        return SentenceList(_make_sentences(rows, data, original), language, detected)

    def _run(self, fn: Any, handle: int, data: bytes
             ) -> Tuple[List[Tuple[int, int, int, float]], str, bool]:
        summary = c_void_p()
        fn(byref(summary), handle, data, len(data))  # errcheck raises on failure
        try:
            return (_copy_summary(summary.value),) + _summary_language(summary.value)
        finally:
            self._lib.kurz_summary_free(summary.value)

    def keywords(self, text: TextInput, n: Optional[int] = None, *,
                 max_words: Optional[int] = None) -> List[Keyphrase]:
        """The key phrases of text, best first: at most ``n`` of them
        (0..1000; None: the library's default, 10), each of at most
        ``max_words`` words (1..16; None: the library's default, 4), under
        the summarizer's language ("auto": the language identified in text).
        Only the first 48 KiB of text are read. Offsets are character
        offsets of the first occurrence, as for :class:`Sentence`.

        >>> with Summarizer("de") as s:
        ...     [k.text for k in s.keywords("Das Rechenzentrum in Frankfurt ist neu. "
        ...                                 "Das Rechenzentrum braucht viel Strom.", 1)]
        ['Rechenzentrum']
        """
        settings = []
        for opt, name, value in ((_OPT_KEYPHRASES, "n", n),
                                 (_OPT_KEYPHRASE_MAX_WORDS, "max_words", max_words)):
            if value is None:
                settings.append((opt, name, self._keyphrase_defaults[opt]))
            else:
                v = _as_int(name, value)
                settings.append((opt, name, max(-(2**31), min(2**31 - 1, v))))
        data, original = _encode_text(text)
        out = c_void_p()
        with self._lock:
            handle = self._checked_handle()
            for opt, name, value in settings:
                self._set(handle, opt, value, name)
            self._lib.kurz_keyphrases_extract(byref(out), handle, data, len(data))
        try:
            rows = _copy_keyphrases(out.value)
        finally:
            self._lib.kurz_keyphrases_free(out.value)
        return _make_keyphrases(rows, data, original)

    # -- batches -------------------------------------------------------------
    def summarize_many(self, texts: Iterable[Any], *, jobs: int = 1, chunk: int = 64,
                       sentences: Optional[int] = None, ratio: Optional[float] = None,
                       words: Optional[int] = None, strict: Optional[bool] = None,
                       split: bool = False) -> Iterator[Summary]:
        """Summarizes every text of an iterable; yields one :class:`Summary`
        per text, in input order.

        The texts are read ``chunk`` at a time, so any iterable (a generator
        of millions of documents) works in bounded memory: at most
        ``(2 * jobs + 1) * chunk`` documents and their results are held at
        once. With ``jobs`` > 1, that many threads each use their own copy
        of this summarizer (same language and options); the GIL is released
        inside the library, so the threads run in parallel. The budget
        keywords replace the default budget for the whole batch, as for
        :meth:`summarize`; ``split=True`` returns every sentence instead.

        A document that fails does not stop the batch: its Summary has
        ``error`` set (see :class:`Summary`). Wrong keywords raise at once.

        >>> with Summarizer("fr", redundancy=1.0) as s:
        ...     results = list(s.summarize_many(["Il pleut. Il vente.", None], sentences=1))
        >>> [r.ok for r in results], len(results[0].sentences)
        ([True, False], 1)
        >>> type(results[1].error).__name__
        'TypeError'
        """
        jobs, chunk = _check_jobs(jobs, chunk)
        budget, strict_value = self._call_budget(sentences, ratio, words, strict)
        self._checked_handle()
        if jobs == 1:
            def one(block: List[Any]) -> List[Summary]:
                return self._batch(block, budget, strict_value, split)
            return _stream(texts, lambda: (one, None), 1, chunk)
        lang, kwargs = self._lang_arg, self._kwargs

        def make() -> Tuple[Callable[[List[Any]], List[Summary]], Callable[[], None]]:
            own = Summarizer(lang, **kwargs)
            return (lambda block: own._batch(block, budget, strict_value, split)), own.close
        return _stream(texts, make, jobs, chunk)

    def _call_budget(self, sentences: Any, ratio: Any, words: Any,
                     strict: Any) -> Tuple[_Budget, int]:
        """The (budget, strict) of one call, the defaults filled in."""
        budget = _budget(sentences, ratio, words)
        if strict is not None:
            strict_value = self._strict_value(strict)
            effective = budget if budget is not None else self._budget
            if strict_value and (effective is None or effective[0] != _OPT_WORDS):
                raise _option_error("strict=True needs a words budget")
        else:
            strict_value = self._strict
        return (budget if budget is not None else self._budget), strict_value

    def _batch(self, texts: List[Any], budget: _Budget, strict: int,
               split: bool) -> List[Summary]:
        """One Summary per text, errors in place; the lock is held throughout."""
        out: List[Summary] = []
        append = out.append
        with self._lock:
            handle = self._checked_handle()
            self._apply(handle, budget, strict)
            cells = self._cells
            if cells is None:
                cells = self._cells = _Cells()
            fn = _RAW_SPLIT if split else _RAW_SUMMARIZE
            lang = self._language
            for text in texts:
                try:
                    append(_summarize_one(fn, handle, cells, text))
                except Exception as exc:  # noqa: BLE001 -- in place, never abort the batch
                    append(Summary((), 0, lang, exc, False))
        return out

    def _rows_many(self, texts: List[Any], split: bool) -> List[Any]:
        """For each text (data, rows, document_sentences) as _rows_one gives
        them, or the exception; default budget. The lock is held throughout."""
        out: List[Any] = []
        append = out.append
        with self._lock:
            handle = self._checked_handle()
            self._apply(handle, self._budget, self._strict)
            cells = self._cells
            if cells is None:
                cells = self._cells = _Cells()
            fn = _RAW_SPLIT if split else _RAW_SUMMARIZE
            for text in texts:
                try:
                    append(_rows_one(fn, handle, cells, text))
                except Exception as exc:  # noqa: BLE001 -- in place
                    append(exc)
        return out

    def __reduce__(self) -> Any:
        """Pickles as the language and options; the copy has its own C handle
        (a closed summarizer unpickles closed)."""
        return (_restore_summarizer, (self._lang_arg, dict(self._kwargs), self.closed))

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


def _restore_summarizer(lang: str, kwargs: Dict[str, Any], closed: bool) -> Summarizer:
    s = Summarizer(lang, **kwargs)
    if closed:
        s.close()
    return s


# ---------------------------------------------------------------------------
# The batch path: raw function pointers (no errcheck), reused out-parameters.


def _raw(dll: Any, name: str, restype: Any, argtypes: List[Any]) -> Any:
    fn = dll[name]  # a new function object, not the checked one of _native
    fn.restype = restype
    fn.argtypes = argtypes
    return fn


# The summary's accessors take nanoseconds: they keep the GIL (PyDLL), so
# that a thread does not queue for the GIL again after each of them. Only
# kurz_summarize and kurz_split release it (CDLL). PyDLL opens the same
# loaded library (same handle) a second time.
_PYDLL = ctypes.PyDLL(_lib.path, handle=_lib.cdll._handle)
_TEXT_ARGS = [POINTER(c_void_p), c_void_p, c_char_p, c_size_t]
_RAW_SUMMARIZE = _raw(_lib.cdll, "kurz_summarize", c_int, _TEXT_ARGS)
_RAW_SPLIT = _raw(_lib.cdll, "kurz_split", c_int, _TEXT_ARGS)
_RAW_COUNT = _raw(_PYDLL, "kurz_summary_count", c_size_t, [c_void_p])
_RAW_DOC_SENTENCES = _raw(_PYDLL, "kurz_summary_document_sentences", c_size_t, [c_void_p])
_RAW_GET = _raw(_PYDLL, "kurz_summary_get", c_int, [c_void_p, c_size_t, POINTER(c_size_t),
                                                     POINTER(c_size_t), POINTER(c_size_t),
                                                     POINTER(c_double)])
_RAW_FREE = _raw(_PYDLL, "kurz_summary_free", None, [c_void_p])
_RAW_LANGUAGE = _raw(_PYDLL, "kurz_summary_language", c_char_p, [c_void_p, POINTER(c_int)])
_CODES: Dict[bytes, str] = {}  # the library's language codes, decoded once


class _Cells:
    """The C out-parameters of one summarizer's batch calls (used under its lock)."""

    __slots__ = ("out", "p_out", "index", "start", "end", "score", "p_index", "p_start",
                 "p_end", "p_score", "detected", "p_detected")

    def __init__(self) -> None:
        self.out = c_void_p()
        self.p_out = byref(self.out)
        self.index, self.start, self.end = c_size_t(), c_size_t(), c_size_t()
        self.score = c_double()
        self.p_index, self.p_start = byref(self.index), byref(self.start)
        self.p_end, self.p_score = byref(self.end), byref(self.score)
        self.detected = c_int()
        self.p_detected = byref(self.detected)


def _summarize_one(fn: Any, handle: int, cells: _Cells, text: Any) -> Summary:
    data, text, rows, document_sentences, language, detected = _rows_one(fn, handle, cells, text)
    return Summary(tuple(_make_sentences(rows, data, text)), document_sentences, language,
                   None, detected)


_Rows = Tuple[bytes, Optional[str], List[Tuple[int, int, int, float]], int, str, bool]


def _rows_one(fn: Any, handle: int, cells: _Cells, text: Any) -> _Rows:
    """(UTF-8 data, the str or None, rows (index, byte_start, byte_end,
    score), the document's sentence count, its language, detected) of one
    text; raises on failure."""
    if type(text) is str:
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError:
            data, text = _encode_text(text)  # raises InvalidUTF8Error with the offsets
    else:
        data, text = _encode_text(text)
    rc = fn(cells.p_out, handle, data, len(data))
    if rc < 0:
        _lib._errcheck_text(rc, fn, (None, handle, data, len(data)))  # raises
    summary = cells.out.value
    try:
        n = _RAW_COUNT(summary)
        document_sentences = _RAW_DOC_SENTENCES(summary)
        index, start, end, score = cells.index, cells.start, cells.end, cells.score
        p_index, p_start, p_end, p_score = cells.p_index, cells.p_start, cells.p_end, cells.p_score
        rows = []
        for i in range(n):
            _RAW_GET(summary, i, p_index, p_start, p_end, p_score)
            rows.append((index.value, start.value, end.value, score.value))
        raw = _RAW_LANGUAGE(summary, cells.p_detected)
        language = _CODES.get(raw) if raw is not None else ""
        if language is None:
            language = _CODES.setdefault(raw, raw.decode("ascii", "replace"))
    finally:
        _RAW_FREE(summary)
    return data, text, rows, document_sentences, language, bool(cells.detected.value)


def _check_jobs(jobs: Any, chunk: Any) -> Tuple[int, int]:
    jobs = _as_int("jobs", jobs)
    chunk = _as_int("chunk", chunk)
    if jobs < 1:
        raise ValueError("jobs must be at least 1, not %d" % jobs)
    if chunk < 1:
        raise ValueError("chunk must be at least 1, not %d" % chunk)
    return jobs, chunk


_Work = Callable[[List[Any]], List[Any]]


def _stream(items: Iterable[Any], make: Callable[[], Tuple[_Work, Optional[Callable[[], None]]]],
            jobs: int, chunk: int) -> Iterator[Any]:
    """Runs work (made by make() once per thread) over items in blocks of
    chunk, yielding the results in input order. At most 2 * jobs blocks are
    in flight, plus the one being yielded: memory is bounded whatever the
    length of items. The iterator is consumed lazily, by the caller's thread."""
    it = iter(items)
    if jobs == 1:
        work, close = make()
        try:
            while True:
                block = list(islice(it, chunk))
                if not block:
                    return
                yield from work(block)
        finally:
            if close is not None:
                close()

    from concurrent.futures import ThreadPoolExecutor

    local = threading.local()
    closers: List[Callable[[], None]] = []
    closers_lock = threading.Lock()

    def run(block: List[Any]) -> List[Any]:
        work = getattr(local, "work", None)
        if work is None:
            work, close = make()
            local.work = work
            if close is not None:
                with closers_lock:
                    closers.append(close)
        return work(block)

    pool = ThreadPoolExecutor(max_workers=jobs, thread_name_prefix="kurz")
    pending: "deque[Any]" = deque()
    try:
        exhausted = False
        while True:
            while not exhausted and len(pending) < 2 * jobs:
                block = list(islice(it, chunk))
                if block:
                    pending.append(pool.submit(run, block))
                else:
                    exhausted = True
            if not pending:
                return
            results = pending.popleft().result()
            yield from results
            del results
    finally:
        for future in pending:
            future.cancel()
        pool.shutdown(wait=True)
        for close in closers:
            close()


# ---------------------------------------------------------------------------
# Module-level functions


def summarize(text: TextInput, lang: Optional[str] = None, *, sentences: Optional[int] = None,
              ratio: Optional[float] = None, words: Optional[int] = None,
              algorithm: str = "lexrank", strict: bool = False,
              damping: Optional[float] = None, position_weight: Optional[float] = None,
              redundancy: Optional[float] = None, title_weight: Optional[float] = None,
              boilerplate: bool = True, max_input_bytes: Optional[int] = None) -> SentenceList:
    """Summarizes text in language lang ("de", "fr", ...; see :func:`languages`;
    None or "auto": the language is identified from the text, see
    :func:`detect_language`).

    Give at most one budget: ``sentences`` (a count), ``ratio`` (a share of
    the sentences, 0 < ratio <= 1) or ``words`` (about this many words;
    with ``strict=True`` never more). With none, the library's default
    (3 sentences). The other keywords are the options of :class:`Summarizer`.
    Returns the chosen sentences in document order, as a
    :class:`SentenceList` whose ``language`` and ``language_source``
    (``detected``) tell which language was used and how it was chosen.

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
    >>> found = summarize(fr, sentences=1)
    >>> found.language, found.detected
    ('fr', True)
    """
    budget = _budget(sentences, ratio, words)  # fail before loading a stemmer
    if strict and (budget is None or budget[0] != _OPT_WORDS):
        raise _option_error("strict=True needs a words budget")
    with Summarizer(lang, strict=strict, algorithm=algorithm, damping=damping,
                    position_weight=position_weight, redundancy=redundancy,
                    title_weight=title_weight, boilerplate=boilerplate,
                    max_input_bytes=max_input_bytes) as s:
        return s.summarize(text, sentences=sentences, ratio=ratio, words=words)


#: What ``lang=None`` means everywhere: identify each document's language
#: (the library's "auto"); results report the language used and whether it
#: was detected.
DEFAULT_LANGUAGE = "auto"


class _LanguageWorker:
    """One thread's summarizers, one per language, made on first use with the
    same options (like the command's workers)."""

    def __init__(self, default: str, options: Dict[str, Any], split: bool) -> None:
        self.default = default
        self.options = options
        self.split = split
        self.by_lang: Dict[str, Any] = {}  # lang -> Summarizer, or the error making it raised

    def summarizer(self, lang: Any) -> "Summarizer":
        s = self.by_lang.get(lang) if isinstance(lang, str) else None
        if s is None:
            try:
                s = Summarizer(lang, **self.options)
            except KurzError as exc:  # remembered: an unknown language fails every time
                s = exc
            self.by_lang[lang] = s
        if isinstance(s, BaseException):
            raise s
        return s

    def __call__(self, block: List[Any]) -> List[Summary]:
        out: List[Summary] = []
        run: List[Any] = []  # texts of a run of items in one language, summarized together
        run_summarizer: Optional[Summarizer] = None
        for item in block:
            lang = self.default
            try:
                text, lang = _split_item(item, self.default)
                s = self.summarizer(lang)
            except Exception as exc:  # noqa: BLE001 -- in place, never abort the batch
                if run:
                    out.extend(self._run(run_summarizer, run))
                    run = []
                out.append(Summary((), 0, lang if isinstance(lang, str) else "", exc, False))
                continue
            if s is not run_summarizer and run:
                out.extend(self._run(run_summarizer, run))
                run = []
            run_summarizer = s
            run.append(text)
        if run:
            out.extend(self._run(run_summarizer, run))
        return out

    def _run(self, s: Any, texts: List[Any]) -> List[Summary]:
        return s._batch(texts, s._budget, s._strict, self.split)

    def close(self) -> None:
        for s in self.by_lang.values():
            if isinstance(s, Summarizer):
                s.close()
        self.by_lang.clear()


def _split_item(item: Any, default: str) -> Tuple[Any, str]:
    """(text, lang) of an item of summarize_many."""
    if isinstance(item, (str, bytes, bytearray, memoryview)):
        return item, default
    if isinstance(item, Mapping):
        if "text" not in item:
            raise KeyError('record without "text"')
        lang = item.get("lang")
        return item["text"], default if lang is None else lang
    if isinstance(item, tuple) and len(item) == 2:
        text, lang = item
        return text, default if lang is None else lang
    raise TypeError("summarize_many: an item must be text, a (text, lang) pair or a mapping "
                    "with \"text\" (and \"lang\"), not %s" % type(item).__name__)


def summarize_many(items: Iterable[Any], lang: Optional[str] = None, *, jobs: int = 1,
                   chunk: int = 64, split: bool = False, **options: Any) -> Iterator[Summary]:
    """Summarizes many documents; yields one :class:`Summary` per item, in
    input order, in bounded memory (see :meth:`Summarizer.summarize_many`).

    An item is a text (``str`` or UTF-8 bytes) in language ``lang``, a
    ``(text, lang)`` pair or a mapping with ``"text"`` and an optional
    ``"lang"`` (a record of ``kurz --jsonl``); a missing or ``None``
    language means ``lang``, and ``lang=None`` means "auto" (each
    document's language is identified; ``Summary.language`` and
    ``Summary.detected`` tell the result). ``options`` are those of
    :class:`Summarizer`; ``jobs`` threads each keep one summarizer per
    language. A document that fails (unknown language, invalid UTF-8, not
    text) gets a Summary with ``error`` set; the batch goes on.

    >>> docs = ["Es regnet. Die Sonne scheint.", ("Il pleut. Il fait beau.", "fr"),
    ...         {"text": "Bonjour.", "lang": "xx"}]
    >>> [(r.language, r.ok) for r in summarize_many(docs, "de", sentences=1)]
    [('de', True), ('fr', True), ('xx', False)]
    """
    jobs, chunk = _check_jobs(jobs, chunk)
    if lang is not None and not isinstance(lang, str):
        raise TypeError("lang must be a str or None, not %s" % type(lang).__name__)
    default = DEFAULT_LANGUAGE if lang is None else lang
    # Wrong options raise now, not once per document.
    Summarizer(languages()[0], **options).close()

    def make() -> Tuple[_Work, Callable[[], None]]:
        worker = _LanguageWorker(default, options, split)
        return worker, worker.close
    return _stream(items, make, jobs, chunk)


def split(text: TextInput, lang: Optional[str] = None, *,
          max_input_bytes: Optional[int] = None) -> SentenceList:
    """Every sentence of text, in order, each with score 0.0 (a
    :class:`SentenceList`; ``lang=None`` identifies the language).

    >>> [s.text for s in split("Es regnet.\\nDie Sonne scheint.", "de")]
    ['Es regnet.', 'Die Sonne scheint.']
    >>> [(s.start, s.end) for s in split("Été.\\nHiver.", "fr")]
    [(0, 4), (5, 11)]
    """
    with Summarizer(lang, max_input_bytes=max_input_bytes) as s:
        return s.split(text)


def keywords(text: TextInput, lang: Optional[str] = None, n: Optional[int] = 10, *,
             max_words: Optional[int] = None,
             max_input_bytes: Optional[int] = None) -> List[Keyphrase]:
    """The key phrases of text, best first: at most ``n`` (0..1000; None:
    the library's default, 10) phrases of at most ``max_words`` words
    (1..16; None: the library's default, 4), such as "Rechenzentrum", "Elon Musk" or "centres de données". ``lang``
    as for :func:`summarize` (None: identified from the text). Only the
    first 48 KiB of text are read. ``start``/``end`` are the character
    offsets of a phrase's first occurrence (see :class:`Keyphrase`).

    >>> texte = ("Les centres de données consomment beaucoup d'électricité. "
    ...          "Les centres de données de Marseille sont reliés à des câbles sous-marins.")
    >>> [k.text for k in keywords(texte, "fr", n=1)]
    ['centres de données']
    >>> k = keywords(texte, n=1)[0]
    >>> texte[k.start:k.end], k.count
    ('centres de données', 2)
    """
    with Summarizer(lang, max_input_bytes=max_input_bytes) as s:
        return s.keywords(text, n, max_words=max_words)


def detect_language(text: TextInput) -> LanguageGuess:
    """The language of text among :func:`languages`, or "und" when the text
    is empty, too short to tell, or in none of them (close neighbours of a
    listed language, such as Polish next to Czech, are refused rather than
    claimed). Only the first 32 KiB of the UTF-8 text are read. Raises
    :class:`InvalidUTF8Error` for ``bytes`` that are not UTF-8 there (or a
    ``str`` with a lone surrogate), ``TypeError`` for other objects.

    The result (a :class:`LanguageGuess`) has the ``code`` (also
    ``language``), the ``confidence`` and the ranked ``candidates``.

    >>> guess = detect_language("Der Fluss fließt durch die Stadt und mündet in den Rhein.")
    >>> guess.code, guess.candidates[0] == (guess.code, guess.confidence)
    ('de', True)
    >>> detect_language("").code, detect_language("").confidence
    ('und', 0.0)
    """
    data, _text = _encode_text(text)
    return _identify(data)


#: The older name of :func:`detect_language`, kept: the same function.
identify = detect_language


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
