# SPDX-License-Identifier: MIT
"""Batches and pickling: summarize_many equals one call per document (on the
shared French corpus when it is there, on our own documents always), keeps
input order and errors in place, holds a bounded window of documents, and
Summarizer / Sentence / Summary survive pickle, also through multiprocessing
with the spawn start method."""

from __future__ import annotations

import itertools
import multiprocessing
import pickle
import threading
import unittest

import _corpus
import _support  # noqa: F401 -- puts this tree's kurz first on sys.path
from _support import DE_TEXT, FR_TEXT, TRICKY_TEXT

import kurz

RECORDS = _corpus.records()
FR_DOCS = [r["text"] for r in RECORDS if r.get("lang") == "fr"]
DE_DOCS = [r["text"] for r in RECORDS if r.get("lang") == "de"]


def one_by_one(summarizer, texts, **budget):
    return [(tuple(summarizer.summarize(t, **budget)), len(summarizer.split(t))) for t in texts]


def as_pairs(results):
    return [(r.sentences, r.document_sentences) for r in results]


def kurz_threads():
    return [t for t in threading.enumerate() if t.name.startswith("kurz")]


class TestBatchEqualsOneByOne(unittest.TestCase):
    def test_corpus_enough(self):
        # Without the shared corpus the own documents still make a real batch.
        self.assertGreaterEqual(len(FR_DOCS), 15)
        self.assertGreaterEqual(len(DE_DOCS), 15)
        if _corpus.shared_corpus():
            self.assertGreater(len(FR_DOCS), 1500)

    def test_summarizer_many(self):
        with kurz.Summarizer("fr") as s:
            expected = one_by_one(s, FR_DOCS)
            self.assertTrue(any(n > 3 for _sents, n in expected))
            for jobs, chunk in ((1, 64), (2, 1), (2, 7), (3, 64)):
                got = list(s.summarize_many(FR_DOCS, jobs=jobs, chunk=chunk))
                self.assertEqual(len(got), len(FR_DOCS))
                self.assertTrue(all(r.ok and r.language == "fr" for r in got))
                self.assertEqual(as_pairs(got), expected, (jobs, chunk))

    def test_budget_per_batch_and_split(self):
        with kurz.Summarizer("de", sentences=1, redundancy=1.0) as s:
            for budget in ({}, {"sentences": 2}, {"ratio": 0.5}, {"words": 30, "strict": True}):
                expected = one_by_one(s, DE_DOCS, **budget)
                got = list(s.summarize_many(iter(DE_DOCS), jobs=2, chunk=5, **budget))
                self.assertEqual(as_pairs(got), expected, budget)
            # the batch's budget did not stick to the summarizer
            self.assertEqual(len(s.summarize(DE_TEXT)), 1)
            splits = list(s.summarize_many(DE_DOCS, split=True, jobs=2))
            self.assertEqual([r.sentences for r in splits],
                             [tuple(s.split(t)) for t in DE_DOCS])

    def test_offsets(self):
        docs = [TRICKY_TEXT, TRICKY_TEXT.encode("utf-8"), FR_TEXT, "", "   "]
        with kurz.Summarizer("fr") as s:
            results = list(s.summarize_many(docs, jobs=2, chunk=2, ratio=1.0))
        for doc, r in zip(docs, results):
            text = doc.decode("utf-8") if isinstance(doc, bytes) else doc
            data = text.encode("utf-8")
            for sent in r.sentences:
                self.assertEqual(text[sent.start:sent.end], sent.text)
                self.assertEqual(data[sent.byte_start:sent.byte_end].decode("utf-8"), sent.text)
            self.assertEqual(r.text, " ".join(x.text for x in r.sentences))
            self.assertEqual(r.spans(), [(x.start, x.end) for x in r.sentences])
        self.assertEqual(results[3].sentences, ())
        self.assertEqual(results[3].document_sentences, 0)

    def test_module_many_mixed_languages(self):
        items = []
        for r in RECORDS:
            if r.get("lang") in ("de", "fr"):
                items += [r, (r["text"], r["lang"])]
        with kurz.Summarizer("de") as de, kurz.Summarizer("fr") as fr:
            expected = []
            for item in items:
                text, lang = (item["text"], item["lang"]) if isinstance(item, dict) else item
                s = de if lang == "de" else fr
                expected.append((tuple(s.summarize(text)), len(s.split(text))))
        for jobs in (1, 2):
            got = list(kurz.summarize_many(items, "de", jobs=jobs, chunk=16))
            self.assertEqual(as_pairs(got), expected)
            self.assertEqual([r.language for r in got],
                             [i["lang"] if isinstance(i, dict) else i[1] for i in items])
        # bare texts take lang, and so do records without one
        got = list(kurz.summarize_many([FR_TEXT, {"text": FR_TEXT}, (FR_TEXT, None)], "fr",
                                       redundancy=1.0))
        with kurz.Summarizer("fr", redundancy=1.0) as fr:
            self.assertEqual([r.sentences for r in got], [tuple(fr.summarize(FR_TEXT))] * 3)

    def test_default_language_is_auto(self):
        # lang=None: each document's language is identified; an item's own
        # language is used as given (not detected)
        items = [DE_TEXT, {"text": FR_TEXT}, (FR_TEXT, None), (FR_TEXT, "de"),
                 {"text": DE_TEXT, "lang": "auto"}, "1 2 3. 4 5 6.", ""]
        for jobs in (1, 2):
            got = list(kurz.summarize_many(items, jobs=jobs, chunk=2))
            self.assertTrue(all(r.ok for r in got), got)
            self.assertEqual([(r.language, r.detected) for r in got],
                             [("de", True), ("fr", True), ("fr", True), ("de", False),
                              ("de", True), ("und", True), ("und", True)])
        with kurz.Summarizer("fr") as fr, kurz.Summarizer("de") as de:
            self.assertEqual(got[1].sentences, tuple(fr.summarize(FR_TEXT)))
            self.assertEqual(got[0].sentences, tuple(de.summarize(DE_TEXT)))
            self.assertEqual(got[3].sentences, tuple(de.summarize(FR_TEXT)))
        # a Summarizer("auto") batch reports each document's language too
        with kurz.Summarizer() as auto:
            self.assertEqual(auto.language, "auto")
            got = list(auto.summarize_many([FR_TEXT, DE_TEXT, None], jobs=2, chunk=1))
        self.assertEqual([(r.language, r.detected) for r in got[:2]],
                         [("fr", True), ("de", True)])
        self.assertEqual((got[2].ok, got[2].language, got[2].detected), (False, "auto", False))
        # a given language is not "detected"
        with kurz.Summarizer("fr") as fr:
            r = next(fr.summarize_many([DE_TEXT]))
        self.assertEqual((r.language, r.detected), ("fr", False))


class TestErrorsInPlace(unittest.TestCase):
    def test_summarizer_errors(self):
        lone = "Ein Satz.\udcff Noch einer."
        docs = [FR_TEXT, None, b"Bonjour \xff le monde.", lone, 42, "x. " * 400, FR_TEXT]
        with kurz.Summarizer("fr", max_input_bytes=1000) as s:
            results = list(s.summarize_many(docs, jobs=2, chunk=2))
            self.assertEqual(len(results), len(docs))
            self.assertTrue(results[0].ok and results[6].ok)
            self.assertEqual(results[0], results[6])
            self.assertEqual(results[0].sentences, tuple(s.summarize(FR_TEXT)))
        errors = [type(r.error) for r in results[1:6]]
        self.assertEqual(errors, [TypeError, kurz.InvalidUTF8Error, kurz.InvalidUTF8Error,
                                  TypeError, kurz.InputTooLargeError])
        self.assertEqual(results[2].error.offset, 8)
        self.assertEqual(results[3].error.char_offset, lone.index("\udcff"))
        for r in results[1:6]:
            self.assertFalse(r.ok)
            self.assertEqual((r.sentences, r.document_sentences, r.language), ((), 0, "fr"))

    def test_module_errors(self):
        items = [(FR_TEXT, "xx"), {"lang": "fr"}, object(), (FR_TEXT, 3), (FR_TEXT, "fr"),
                 {"text": DE_TEXT, "lang": "de"}, (FR_TEXT, "xx")]
        results = list(kurz.summarize_many(items, "fr", jobs=2, chunk=1))
        self.assertEqual([r.ok for r in results], [False, False, False, False, True, True, False])
        self.assertIsInstance(results[0].error, kurz.UnsupportedLanguageError)
        self.assertEqual(results[0].language, "xx")
        self.assertIsInstance(results[1].error, KeyError)
        self.assertIsInstance(results[2].error, TypeError)
        self.assertIsInstance(results[3].error, TypeError)
        self.assertIsInstance(results[6].error, kurz.UnsupportedLanguageError)

    def test_bad_arguments_raise_at_once(self):
        with self.assertRaises(kurz.OptionError):
            kurz.summarize_many([FR_TEXT], "fr", damping=5.0)
        with self.assertRaises(TypeError):
            kurz.summarize_many([FR_TEXT], "fr", colour="blue")
        with self.assertRaises(ValueError):
            kurz.summarize_many([FR_TEXT], "fr", jobs=0)
        with kurz.Summarizer("fr") as s:
            with self.assertRaises(kurz.OptionError):
                s.summarize_many([FR_TEXT], sentences=2, words=3)
            with self.assertRaises(ValueError):
                s.summarize_many([FR_TEXT], chunk=0)
            with self.assertRaises(kurz.OptionError):
                s.summarize_many([FR_TEXT], strict=True)
        with self.assertRaises(ValueError):
            s.summarize_many([FR_TEXT])  # closed


class CountingSource:
    """A generator of n documents that records how far it was read."""

    def __init__(self, n: int, texts):
        self.n = n
        self.texts = texts
        self.pulled = 0

    def __iter__(self):
        for k in range(self.n):
            self.pulled += 1
            yield self.texts[k % len(self.texts)]


class TestBoundedMemory(unittest.TestCase):
    def check_window(self, n: int, jobs: int, chunk: int, docs) -> None:
        src = CountingSource(n, docs)
        with kurz.Summarizer("de") as s:
            gen = s.summarize_many(src, jobs=jobs, chunk=chunk)
            self.assertEqual(src.pulled, 0)  # nothing is read before the first result
            window = 0
            consumed = 0
            for r in gen:
                consumed += 1
                self.assertTrue(r.ok)
                window = max(window, src.pulled - consumed)
        self.assertEqual(consumed, n)
        self.assertEqual(src.pulled, n)
        # at most 2 * jobs blocks in flight plus the block being yielded
        self.assertLessEqual(window, (2 * jobs + 1) * chunk)
        self.assertGreaterEqual(window, chunk - 1)

    def test_window_100000_documents(self):
        # 100,000 short documents through two threads: the documents read
        # ahead of the consumer stay within the window whatever n is.
        short = ["Es regnet. Die Sonne scheint %d." % k for k in range(50)]
        self.check_window(100_000, 2, 256, short)

    def test_window_small_chunks(self):
        self.check_window(2_000, 3, 4, DE_DOCS)
        self.check_window(500, 1, 7, DE_DOCS)

    def test_results_not_kept(self):
        # The stream holds no reference to results already yielded.
        import gc
        with kurz.Summarizer("de") as s:
            gen = s.summarize_many(CountingSource(20_000, DE_DOCS), jobs=2, chunk=32)
            for k, _r in enumerate(gen):
                if k == 1_000:
                    gc.collect()
                    before = sum(1 for o in gc.get_objects() if type(o) is kurz.Summary)
            gc.collect()
            after = sum(1 for o in gc.get_objects() if type(o) is kurz.Summary)
        self.assertGreaterEqual(before, 1)  # the count sees them: the current one at least
        self.assertLessEqual(before, 5 * 32 + 1)
        self.assertLessEqual(after, 1)

    def test_early_close_stops_threads_and_frees(self):
        src = CountingSource(10_000, DE_DOCS)
        with kurz.Summarizer("de") as s:
            gen = s.summarize_many(src, jobs=2, chunk=8)
            first = list(itertools.islice(gen, 10))
            self.assertEqual(len(first), 10)
            gen.close()
            self.assertEqual(kurz_threads(), [])
            self.assertLessEqual(src.pulled, 10 + 5 * 8)
            self.assertTrue(s.summarize(DE_TEXT))  # the original is still usable


def summarize_in_child(args):
    summarizer, texts = args
    with summarizer:
        return [summarizer.summarize(t) for t in texts], summarizer.options


class TestPickle(unittest.TestCase):
    def test_summarizer_round_trip(self):
        s = kurz.Summarizer("French", words=40, strict=True, algorithm="textrank",
                            damping=0.7, redundancy=0.9, boilerplate=False,
                            max_input_bytes=100_000)
        copy = pickle.loads(pickle.dumps(s))
        self.assertIsNot(copy._handle, s._handle)
        self.assertEqual(copy.language, "fr")
        self.assertEqual(copy.options, s.options)
        self.assertEqual(copy.summarize(FR_TEXT), s.summarize(FR_TEXT))
        s.close()
        self.assertFalse(copy.closed)  # its own handle
        self.assertEqual(len(copy.summarize(FR_TEXT, sentences=1)), 1)
        copy.close()
        self.assertTrue(pickle.loads(pickle.dumps(s)).closed)

    def test_results_round_trip(self):
        with kurz.Summarizer("fr") as s:
            results = list(s.summarize_many([TRICKY_TEXT, FR_TEXT, b"\xff"]))
        for proto in range(2, pickle.HIGHEST_PROTOCOL + 1):
            back = pickle.loads(pickle.dumps(results, protocol=proto))
            self.assertEqual(back[:2], results[:2])
            self.assertEqual(back[0].sentences[0], results[0].sentences[0])
            self.assertIsInstance(back[2].error, kurz.InvalidUTF8Error)
            self.assertEqual(back[2].error.offset, 0)
            self.assertEqual(back[2].error.code, results[2].error.code)
            self.assertEqual(str(back[2].error), str(results[2].error))
        # detected languages and SentenceList keep their language through pickle
        auto = kurz.Summarizer()
        copy = pickle.loads(pickle.dumps(auto))
        auto.close()
        self.assertEqual(copy.language, "auto")
        r = next(copy.summarize_many([FR_TEXT]))
        sents = copy.summarize(DE_TEXT)
        copy.close()
        back = pickle.loads(pickle.dumps(r))
        self.assertEqual((back.language, back.detected), ("fr", True))
        self.assertEqual(back, r)
        back = pickle.loads(pickle.dumps(sents))
        self.assertIsInstance(back, kurz.SentenceList)
        self.assertEqual((back.language, back.detected), ("de", True))
        self.assertEqual(list(back), list(sents))

    def test_through_multiprocessing_spawn(self):
        ctx = multiprocessing.get_context("spawn")
        with kurz.Summarizer("de", sentences=2, redundancy=0.95) as s:
            jobs = [(s, DE_DOCS[k::3]) for k in range(3)]
            expected = [([s.summarize(t) for t in texts], s.options) for _s, texts in jobs]
            with ctx.Pool(2) as pool:
                got = pool.map(summarize_in_child, jobs)
        self.assertEqual(got, expected)
        self.assertTrue(all(isinstance(x, kurz.Sentence) for res, _o in got for x in res[0]))


if __name__ == "__main__":
    unittest.main()
