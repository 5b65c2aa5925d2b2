# SPDX-License-Identifier: MIT
"""kurz.pandas: summaries of a Series / DataFrame column with missing values,
a language column, errors as missing results with a reason; the README's
pandas example runs."""

from __future__ import annotations

import math
import subprocess
import sys
import unittest

import _corpus
import _readme
import _support  # noqa: F401 -- puts this tree's kurz first on sys.path
from _support import DE_TEXT, FR_TEXT, TRICKY_TEXT

import pandas as pd

import kurz
import kurz.pandas as kp


class TestPandas(unittest.TestCase):
    def setUp(self):
        self.frame = pd.DataFrame(
            {"text": [FR_TEXT, None, DE_TEXT, float("nan"), "", "  \n", pd.NA, TRICKY_TEXT,
                      FR_TEXT, 12, b"\xff\xfe"],
             "lang": ["fr", "de", "de", None, "fr", "fr", "fr", float("nan"), "xx", "fr", "fr"]},
            index=[10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20])

    def expected(self, text, lang, **opts):
        return kurz.summarize(text, lang, **opts)

    def test_series_missing_values(self):
        series = self.frame["text"].iloc[:8]
        got = kp.summarize(series, "fr", sentences=2)
        self.assertEqual(list(got.index), list(series.index))
        self.assertEqual(got.name, "text")
        self.assertEqual(got[10], " ".join(s.text for s in self.expected(FR_TEXT, "fr",
                                                                          sentences=2)))
        self.assertEqual(got[12], " ".join(s.text for s in self.expected(DE_TEXT, "fr",
                                                                          sentences=2)))
        for k in (11, 13, 14, 15, 16):
            self.assertIsNone(got[k])
        self.assertTrue(got[17])

    def test_columns_with_language_column(self):
        out = kp.summarize_columns(self.frame, "de", column="text", lang_column="lang",
                                   sep="\n", redundancy=0.9, jobs=2, chunk=2)
        self.assertEqual(list(out.columns),
                         ["summary", "summary_spans", "summary_sentences", "summary_language",
                          "summary_detected", "summary_error"])
        self.assertEqual(list(out.index), list(self.frame.index))
        fr = self.expected(FR_TEXT, "fr", redundancy=0.9)
        de = self.expected(DE_TEXT, "de", redundancy=0.9)
        tricky = self.expected(TRICKY_TEXT, "de", redundancy=0.9)  # missing lang: the default
        self.assertEqual(out.loc[10, "summary"], "\n".join(s.text for s in fr))
        self.assertEqual(out.loc[10, "summary_spans"], [(s.start, s.end) for s in fr])
        self.assertEqual(out.loc[12, "summary_spans"], [(s.start, s.end) for s in de])
        self.assertEqual(out.loc[17, "summary_spans"], [(s.start, s.end) for s in tricky])
        self.assertEqual(out.loc[10, "summary_sentences"], len(kurz.split(FR_TEXT, "fr")))
        for k, (start, end) in zip(range(3), out.loc[17, "summary_spans"]):
            self.assertEqual(TRICKY_TEXT[start:end], tricky[k].text)
        # missing input: missing result, no error
        for k in (11, 13, 14, 15, 16):
            self.assertIsNone(out.loc[k, "summary"])
            self.assertIsNone(out.loc[k, "summary_spans"])
            self.assertTrue(pd.isna(out.loc[k, "summary_sentences"]))
            self.assertIsNone(out.loc[k, "summary_error"])
        # failures: missing result with the reason; the other rows went on
        self.assertIn("UnsupportedLanguageError", out.loc[18, "summary_error"])
        self.assertIn("TypeError", out.loc[19, "summary_error"])
        self.assertIn("InvalidUTF8Error", out.loc[20, "summary_error"])
        for k in (18, 19, 20):
            self.assertIsNone(out.loc[k, "summary"])
        self.assertEqual(str(out["summary_sentences"].dtype), "Int64")
        # the language each row was processed with: given, not detected
        self.assertEqual(out.loc[10, "summary_language"], "fr")
        self.assertEqual(out.loc[12, "summary_language"], "de")
        self.assertEqual(out.loc[17, "summary_language"], "de")  # missing lang: the default
        self.assertEqual(out["summary_detected"].tolist(),
                         [False, pd.NA, False, pd.NA, pd.NA, pd.NA, pd.NA, False, pd.NA, pd.NA,
                          pd.NA])
        self.assertEqual(str(out["summary_detected"].dtype), "boolean")
        for k in (11, 18, 19, 20):
            self.assertIsNone(out.loc[k, "summary_language"])

    def test_auto_language(self):
        # lang=None: every row's language is identified; a row with a
        # language keeps it (not detected)
        texts = pd.Series([DE_TEXT, FR_TEXT, DE_TEXT, "1 2 3 4", None])
        langs = pd.Series([None, None, "de", None, None])
        out = kp.summarize_columns(texts, lang_column=langs, sentences=2)
        self.assertEqual(out["summary_language"].tolist(), ["de", "fr", "de", "und", None])
        self.assertEqual(out["summary_detected"].tolist(), [True, True, False, True, pd.NA])
        self.assertEqual(out.loc[0, "summary"],
                         " ".join(s.text for s in self.expected(DE_TEXT, "de", sentences=2)))
        self.assertEqual(out.loc[1, "summary"],
                         " ".join(s.text for s in self.expected(FR_TEXT, "fr", sentences=2)))
        self.assertEqual(kp.summarize(texts, sentences=2).tolist()[:2],
                         out["summary"].tolist()[:2])

    def test_language_series_and_prefix(self):
        texts = pd.Series([DE_TEXT, FR_TEXT], index=["a", "b"])
        langs = pd.Series(["fr", "de"], index=["b", "a"])  # aligned by index, not position
        out = kp.summarize_columns(texts, lang_column=langs, prefix="k", sentences=1)
        self.assertEqual(list(out.columns), ["k", "k_spans", "k_sentences", "k_language",
                                             "k_detected", "k_error"])
        self.assertEqual(out.loc["a", "k"], self.expected(DE_TEXT, "de", sentences=1)[0].text)
        self.assertEqual(out.loc["b", "k"], self.expected(FR_TEXT, "fr", sentences=1)[0].text)

    def test_all_missing_and_empty(self):
        out = kp.summarize(pd.Series([None, math.nan], dtype=object), "fr")
        self.assertEqual(out.tolist(), [None, None])
        self.assertEqual(len(kp.summarize_columns(pd.Series([], dtype=object), "fr")), 0)

    def test_corpus_equals_summarize_many(self):
        recs = [r for r in _corpus.records(limit=300) if r.get("lang") == "fr"]
        df = pd.DataFrame(recs)
        got = kp.summarize_columns(df, "fr", column="text", jobs=2)
        many = list(kurz.summarize_many([r["text"] for r in recs], "fr"))
        blank = [not r["text"].strip() for r in recs]
        self.assertEqual(got["summary"].tolist(),
                         [None if b else r.text for b, r in zip(blank, many)])
        self.assertEqual(got["summary_spans"].tolist(),
                         [None if b else r.spans() for b, r in zip(blank, many)])
        self.assertGreater(blank.count(False), 10)

    def test_wrong_arguments(self):
        with self.assertRaises(TypeError):
            kp.summarize(self.frame, "fr")  # a DataFrame needs column=
        with self.assertRaises(TypeError):
            kp.summarize(["a list"], "fr")
        with self.assertRaises(kurz.OptionError):
            kp.summarize(self.frame["text"], "fr", ratio=2.0)

    def test_import_kurz_does_not_import_pandas(self):
        code = "import sys, kurz; print('pandas' in sys.modules, 'dask' in sys.modules)"
        out = subprocess.run([sys.executable, "-B", "-s", "-c", code], check=True,
                             stdout=subprocess.PIPE, universal_newlines=True)
        self.assertEqual(out.stdout.strip(), "False False")

    def test_readme_example(self):
        ns = _readme.run_example("pandas")
        out = ns["out"]
        self.assertEqual(list(out.columns[-6:]),
                         ["summary", "summary_spans", "summary_sentences", "summary_language",
                          "summary_detected", "summary_error"])
        self.assertTrue(out["summary"].iloc[0])
        self.assertIsNone(out["summary"].iloc[1])
        self.assertIsNone(out["summary_error"].iloc[1])


if __name__ == "__main__":
    unittest.main()
