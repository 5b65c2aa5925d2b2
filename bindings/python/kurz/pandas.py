# SPDX-License-Identifier: MIT
"""kurz over pandas: summaries of a Series or a DataFrame column.

pandas stays optional: this module imports it, ``import kurz`` does not.

Missing input -- ``None``, ``NaN``, ``pd.NA``, ``NaT`` or a text that is
empty or only white space -- gives a missing result (``None``), not an
error. A document that fails (an unknown language, invalid UTF-8 in bytes,
a value that is not text) gives a missing result too, and its message in
the ``error`` column of :func:`summarize_columns`; the other rows are
summarized.

>>> import pandas as pd
>>> import kurz.pandas
>>> s = pd.Series(["Il pleut sur Paris. Le vent souffle fort.", None, ""])
>>> kurz.pandas.summarize(s, "fr", sentences=1).tolist()
['Il pleut sur Paris.', None, None]
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, List, Optional, Tuple

import pandas as pd

import kurz

__all__ = ["summarize", "summarize_columns"]


def _missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (bytes, bytearray)):
        return not bytes(value).strip()
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # array-likes: not missing, not text either
        return False


def _column(data: Any, column: Optional[str]) -> "pd.Series":
    if isinstance(data, pd.DataFrame):
        if column is None:
            raise TypeError("give column= to summarize a DataFrame")
        return data[column]
    if isinstance(data, pd.Series):
        if column is not None:
            raise TypeError("column= is for a DataFrame, not a Series")
        return data
    raise TypeError("expected a pandas Series or DataFrame, not %s" % type(data).__name__)


def _languages(data: Any, series: "pd.Series", lang: Any, lang_column: Any) -> List[Any]:
    """One language (or None: the default) per row."""
    if lang_column is None:
        return [None] * len(series)
    if isinstance(lang_column, str):
        if not isinstance(data, pd.DataFrame):
            raise TypeError("lang_column as a name needs a DataFrame; pass a Series instead")
        langs = data[lang_column]
    elif isinstance(lang_column, pd.Series):
        langs = lang_column.reindex(series.index) if not lang_column.index.equals(
            series.index) else lang_column
    else:
        raise TypeError("lang_column must be a column name or a Series, not %s"
                        % type(lang_column).__name__)
    return [None if _missing(x) else x for x in langs.tolist()]


def _run(data: Any, column: Optional[str], lang: Optional[str], lang_column: Any,
         many: Callable[..., Iterable[kurz.Summary]]
         ) -> Tuple["pd.Series", List[Optional[kurz.Summary]]]:
    """The input column and one result per row (None for missing input)."""
    series = _column(data, column)
    values = series.tolist()
    langs = _languages(data, series, lang, lang_column)
    present = [k for k, v in enumerate(values) if not _missing(v)]
    results: List[Optional[kurz.Summary]] = [None] * len(values)
    items = ((values[k], langs[k]) for k in present)
    for k, result in zip(present, many(items, lang)):
        results[k] = result
    return series, results


def _many(jobs: int, chunk: int, options: Any) -> Callable[..., Iterable[kurz.Summary]]:
    def many(items: Any, lang: Optional[str]) -> Iterable[kurz.Summary]:
        return kurz.summarize_many(items, lang, jobs=jobs, chunk=chunk, **options)
    return many


def summarize(data: Any, lang: Optional[str] = None, *, column: Optional[str] = None,
              lang_column: Any = None, sep: str = " ", jobs: int = 1, chunk: int = 64,
              **options: Any) -> "pd.Series":
    """The summary text of every row: a Series with the input's index, the
    chosen sentences joined by ``sep``; ``None`` for missing input and for
    documents that failed (see :func:`summarize_columns` for the reason).

    ``data`` is a Series of texts, or a DataFrame with ``column`` naming the
    texts. ``lang`` is the language of every row (``None``: "auto", each
    row's language is identified); ``lang_column`` (a column name of the DataFrame, or a Series
    with the same index) gives a language per row, missing values meaning
    ``lang``. ``options`` are those of :class:`kurz.Summarizer`; ``jobs``
    threads share the work (see :func:`kurz.summarize_many`).
    """
    series, results = _run(data, column, lang, lang_column, _many(jobs, chunk, options))
    texts = [sep.join([s.text for s in r.sentences]) if r is not None and r.ok else None
             for r in results]
    return pd.Series(texts, index=series.index, name=series.name, dtype=object)


def summarize_columns(data: Any, lang: Optional[str] = None, *, column: Optional[str] = None,
                      lang_column: Any = None, sep: str = " ", prefix: str = "summary",
                      jobs: int = 1, chunk: int = 64, **options: Any) -> "pd.DataFrame":
    """The summaries as columns, with the input's index:

    - ``<prefix>``: the text (sentences joined by ``sep``), or ``None``;
    - ``<prefix>_spans``: a list of ``(start, end)`` character offsets of
      the sentences into the row's text, or ``None``;
    - ``<prefix>_sentences``: the number of sentences of the document, or
      ``<NA>``;
    - ``<prefix>_language``: the ISO code the row was processed with
      ("fr"; "und" for a text identified as in none of the languages), or
      ``None``;
    - ``<prefix>_detected``: True when that language was identified from
      the text (``lang`` None or "auto"), False when it was given, or
      ``<NA>`` (a nullable ``boolean`` column);
    - ``<prefix>_error``: ``None``, or the message of a document that
      failed (missing input is not an error).

    Arguments as for :func:`summarize`. Join it to the input with
    ``df.join(kurz.pandas.summarize_columns(df, "fr", column="text"))``.

    >>> import pandas as pd
    >>> df = pd.DataFrame({"text": ["Es regnet. Die Sonne scheint.", float("nan"),
    ...                             "Il pleut. Il fait beau."],
    ...                    "lang": ["de", None, "fr"]})
    >>> out = summarize_columns(df, "de", column="text", lang_column="lang", sentences=1)
    >>> out["summary"].tolist(), out["summary_spans"].tolist()
    (['Es regnet.', None, 'Il pleut.'], [[(0, 10)], None, [(0, 9)]])
    """
    many = _many(jobs, chunk, options)
    return _columns(data, column, lang, lang_column, sep, prefix, many)


def _columns(data: Any, column: Optional[str], lang: Optional[str], lang_column: Any, sep: str,
             prefix: str, many: Callable[..., Iterable[kurz.Summary]]) -> "pd.DataFrame":
    series, results = _run(data, column, lang, lang_column, many)
    text: List[Any] = []
    spans: List[Any] = []
    counts: List[Any] = []
    languages: List[Any] = []
    detected: List[Any] = []
    errors: List[Any] = []
    for r in results:
        if r is None or not r.ok:
            text.append(None)
            spans.append(None)
            counts.append(pd.NA)
            languages.append(None)
            detected.append(pd.NA)
            errors.append(None if r is None else "%s: %s" % (type(r.error).__name__, r.error))
        else:
            text.append(sep.join([s.text for s in r.sentences]))
            spans.append([(s.start, s.end) for s in r.sentences])
            counts.append(r.document_sentences)
            languages.append(r.language)
            detected.append(r.detected)
            errors.append(None)
    return pd.DataFrame({
        prefix: pd.Series(text, index=series.index, dtype=object),
        prefix + "_spans": pd.Series(spans, index=series.index, dtype=object),
        prefix + "_sentences": pd.Series(counts, index=series.index, dtype="Int64"),
        prefix + "_language": pd.Series(languages, index=series.index, dtype=object),
        prefix + "_detected": pd.Series(detected, index=series.index, dtype="boolean"),
        prefix + "_error": pd.Series(errors, index=series.index, dtype=object),
    })


def _empty_columns(prefix: str) -> "pd.DataFrame":
    """An empty frame with the columns and dtypes of :func:`summarize_columns`."""
    return _columns(pd.Series([], dtype=object), None, None, None, " ", prefix,
                    lambda items, lang: [])
