# SPDX-License-Identifier: MIT
"""kurz over Dask: summaries of a ``dask.bag`` of records or of a
``dask.dataframe`` column, computed where the partitions live.

Dask stays optional: this module imports it, ``import kurz`` does not.

Every worker thread keeps one summarizer per language (and option set) for
all the partitions it processes: creating one loads a stemmer, so none is
made per partition or per record. Each worker process finds libkurz as
``import kurz`` does (the package directory, the meson install's libdir,
the loader's path); no environment variable has to be forwarded.

Records are mappings like the lines of ``kurz --jsonl``: ``"text"``, an
optional ``"lang"`` (missing or None: ``lang=``) and an optional ``"id"``.
With ``output="json"`` each result is the line ``kurz --jsonl`` writes for
the record (without the newline), byte for byte; with ``output="dict"``
(the default) it is that line parsed by ``json.loads``.
"""

from __future__ import annotations

import json
import math
import re
import threading
from typing import Any, Dict, Iterable, List, Optional

import dask.bag as db

import kurz

__all__ = ["summarize_bag", "summarize_dataframe", "jsonl_line", "jsonl_dict"]

# ---------------------------------------------------------------------------
# The command's JSON, reproduced: strings escape '"', '\\' and the control
# characters below U+0020 (as \u00xx) only; scores are printed with "%.6g".

_ESCAPES = {c: "\\u%04x" % c for c in range(0x20)}
_ESCAPES[ord('"')] = '\\"'
_ESCAPES[ord("\\")] = "\\\\"


_ESCAPED = {chr(c): e for c, e in _ESCAPES.items()}
_NEEDS_ESCAPE = re.compile(r'[\x00-\x1f"\\]')


def _escape(m: "re.Match[str]") -> str:
    return _ESCAPED[m.group()]


def _jstr(text: str) -> str:
    if _NEEDS_ESCAPE.search(text) is None:  # most sentences: nothing to escape
        return '"' + text + '"'
    return '"' + _NEEDS_ESCAPE.sub(_escape, text) + '"'


def _jscore(score: float) -> str:
    return "%.6g" % score if math.isfinite(score) else "null"


def _error_message(summary: kurz.Summary, options: Dict[str, Any]) -> str:
    """The command's message for a record that failed."""
    exc = summary.error
    if isinstance(exc, kurz.UnsupportedLanguageError):
        return "unsupported language " + _jstr(summary.language)
    if isinstance(exc, kurz.InvalidUTF8Error):
        return "invalid UTF-8 at byte %d" % exc.offset
    if isinstance(exc, kurz.InputTooLargeError):
        with kurz.Summarizer(kurz.languages()[0], **options) as s:
            limit = s.options["max_input_bytes"]
        return "input larger than %d bytes (see --max-input-bytes)" % limit
    if isinstance(exc, kurz.KurzError):
        return exc.strerror
    if isinstance(exc, KeyError):
        return 'missing "text"'
    if isinstance(exc, TypeError):
        return '"text" must be a string'
    return str(exc)


def _key(record: Any) -> str:
    """The output's first member: "id": ID (re-serialized with json.dumps)."""
    record_id = record.get("id") if isinstance(record, dict) else None
    return '{"id": ' + json.dumps(record_id, ensure_ascii=False)


def jsonl_line(record: Any, summary: kurz.Summary, options: Optional[Dict[str, Any]] = None
               ) -> str:
    """The line ``kurz --jsonl`` writes for record and its summary (no newline).

    The id is written with ``json.dumps(id, ensure_ascii=False)``, which is
    the id as written in the input for strings without escapes and for
    integers; a record without an id gets ``"id": null`` (the command
    counts lines instead). ``options`` are the summarizer's (for the
    message of a too-large input).
    """
    head = _key(record)
    if summary.error is not None:
        return head + ', "error": ' + _jstr(_error_message(summary, options or {})) + "}"
    parts = []
    for s in summary.sentences:
        parts.append('{"index": %d, "start": %d, "end": %d, "score": %s, "text": %s}'
                     % (s.index, s.byte_start, s.byte_end, _jscore(s.score), _jstr(s.text)))
    return (head + _language(summary.language, summary.detected) + ', "sentences": ['
            + ", ".join(parts) + '], "document_sentences": %d}' % summary.document_sentences)


def _language(language: str, detected: bool) -> str:
    """The members after the id: "language", and "language_source": "detected"
    when the language was identified, "given" when not (as the command
    writes them)."""
    return (', "language": ' + _jstr(language)
            + (', "language_source": "detected"' if detected else ', "language_source": "given"'))


def jsonl_dict(record: Any, summary: kurz.Summary, options: Optional[Dict[str, Any]] = None
               ) -> Dict[str, Any]:
    """``json.loads(jsonl_line(record, summary))``, built directly."""
    record_id = record.get("id") if isinstance(record, dict) else None
    if summary.error is not None:
        return {"id": record_id, "error": _error_message(summary, options or {})}
    out: Dict[str, Any] = {"id": record_id, "language": summary.language,
                           "language_source": "detected" if summary.detected else "given"}
    out["sentences"] = [{"index": s.index, "start": s.byte_start, "end": s.byte_end,
                         "score": float(_jscore(s.score)) if math.isfinite(s.score) else None,
                         "text": s.text} for s in summary.sentences]
    out["document_sentences"] = summary.document_sentences
    return out


# ---------------------------------------------------------------------------
# One worker (summarizers by language) per thread of each worker process.

_local = threading.local()
#: This process's counts: workers made (one per thread and option set) and
#: partitions summarized; the tests read them on each worker process.
_stats = {"workers": 0, "partitions": 0}
_stats_lock = threading.Lock()


def _worker(lang: Optional[str], options: Dict[str, Any], split: bool) -> Any:
    cache = getattr(_local, "workers", None)
    if cache is None:
        cache = _local.workers = {}
    key = (lang, tuple(sorted(options.items())), split)
    worker = cache.get(key)
    if worker is None:
        default = kurz.DEFAULT_LANGUAGE if lang is None else lang
        worker = cache[key] = kurz._LanguageWorker(default, dict(options), split)
        with _stats_lock:
            _stats["workers"] += 1
    with _stats_lock:
        _stats["partitions"] += 1
    return worker


def _json_lines(records: List[Any], worker: Any, options: Dict[str, Any]) -> List[str]:
    """jsonl_line of every record, straight from the library's byte offsets
    (no Sentence objects, no character offsets)."""
    out: List[str] = []
    append = out.append
    default = worker.default
    for record in records:
        lang = default
        try:
            text, lang = kurz._split_item(record, default)
            s = worker.summarizer(lang)
        except Exception as exc:  # noqa: BLE001 -- in place
            failed = kurz.Summary((), 0, lang if isinstance(lang, str) else "", exc, False)
            append(jsonl_line(record, failed, options))
            continue
        got = s._rows_many([text], worker.split)[0]
        if isinstance(got, BaseException):
            append(jsonl_line(record, kurz.Summary((), 0, s.language, got, False), options))
            continue
        data, _text, rows, document_sentences, language, detected = got
        parts = ['{"index": %d, "start": %d, "end": %d, "score": %s, "text": %s}'
                 % (index, start, end, _jscore(score), _jstr(data[start:end].decode("utf-8")))
                 for index, start, end, score in rows]
        append(_key(record) + _language(language, detected) + ', "sentences": ['
               + ", ".join(parts) + '], "document_sentences": %d}' % document_sentences)
    return out


def _bag_partition(records: Iterable[Any], lang: Optional[str], options: Dict[str, Any],
                   split: bool, output: str) -> List[Any]:
    records = list(records)
    worker = _worker(lang, options, split)
    if output == "json":
        return _json_lines(records, worker, options)
    results = worker(records)
    if output == "dict":
        return [jsonl_dict(r, s, options) for r, s in zip(records, results)]
    return results


def summarize_bag(bag: "db.Bag", lang: Optional[str] = None, *, output: str = "dict",
                  split: bool = False, **options: Any) -> "db.Bag":
    """Summarizes a bag of records (see the module's doc) or of plain texts.

    ``output``: ``"dict"`` (the ``kurz --jsonl`` object as a dict),
    ``"json"`` (its line, byte for byte) or ``"summary"`` (a
    :class:`kurz.Summary`). ``lang`` is the language of records without
    one (None: "auto", identified per record); ``options`` are those of
    :class:`kurz.Summarizer`. A record that fails gives
    ``{"id": ID, "error": "..."}`` (a Summary with ``error`` set) and the
    computation goes on.

    >>> import dask.bag as db, kurz.dask
    >>> bag = db.from_sequence([{"id": 1, "text": "Il pleut. Il vente."}], npartitions=1)
    >>> kurz.dask.summarize_bag(bag, "fr", output="json", sentences=1).compute(
    ...     scheduler="sync")  # doctest: +ELLIPSIS
    ['{"id": 1, "language": "fr", "language_source": "given", "sentences": [...], ...: 2}']
    """
    if output not in ("dict", "json", "summary"):
        raise ValueError('output must be "dict", "json" or "summary", not %r' % (output,))
    if lang is not None and not isinstance(lang, str):
        raise TypeError("lang must be a str or None, not %s" % type(lang).__name__)
    kurz.Summarizer(kurz.languages()[0], **options).close()  # wrong options raise here
    return bag.map_partitions(_bag_partition, lang, options, split, output)


def _frame_partition(pdf: Any, column: str, lang: Optional[str], lang_column: Optional[str],
                     sep: str, prefix: str, options: Dict[str, Any]) -> Any:
    import kurz.pandas as kp

    worker = _worker(lang, options, False)

    def many(items: Any, _lang: Any, **_kw: Any) -> Any:
        return worker(list(items))
    return kp._columns(pdf, column, lang, lang_column, sep, prefix, many)


def summarize_dataframe(ddf: Any, column: str, lang: Optional[str] = None, *,
                        lang_column: Optional[str] = None, sep: str = " ",
                        prefix: str = "summary", **options: Any) -> Any:
    """The columns of :func:`kurz.pandas.summarize_columns` for the text
    column ``column`` of a dask DataFrame (same index and partitions);
    ``lang_column`` names a column with a language per row. Missing texts
    give missing results. Join it with ``ddf.join(...)`` or assign the
    columns."""
    import kurz.pandas as kp

    kurz.Summarizer(kurz.languages()[0], **options).close()  # wrong options raise here
    meta = kp._empty_columns(prefix)
    return ddf.map_partitions(_frame_partition, column, lang, lang_column, sep, prefix,
                              options, meta=meta)
