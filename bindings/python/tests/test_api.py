# SPDX-License-Identifier: MIT
"""The public API of the kurz binding: offsets, budgets, Summarizer, metadata."""

from __future__ import annotations

import ctypes
import dataclasses
import doctest
import pickle
import random
import time
import unittest

import _support
from _support import DE_LINES, DE_TEXT, FR_LINES, FR_TEXT, TRICKY_LINES, TRICKY_TEXT

import kurz
from kurz import _native


def brute_char_offset(data: bytes, byte_offset: int) -> int:
    return len(data[:byte_offset].decode("utf-8"))


class OffsetChecks(unittest.TestCase):
    """Helpers that check every invariant of a list of Sentence."""

    def check_sentences(self, text: str, sents, data: bytes = None) -> None:
        if data is None:
            data = text.encode("utf-8")
        prev_end = -1
        prev_index = -1
        for s in sents:
            self.assertIsInstance(s, kurz.Sentence)
            self.assertIsInstance(s.text, str)
            self.assertEqual(text[s.start:s.end], s.text, s)
            self.assertEqual(data[s.byte_start:s.byte_end].decode("utf-8"), s.text, s)
            self.assertEqual(brute_char_offset(data, s.byte_start), s.start, s)
            self.assertEqual(brute_char_offset(data, s.byte_end), s.end, s)
            # ASCII white space only: which Unicode spaces count is the splitter's business.
            self.assertEqual(s.text, s.text.strip(" \t\r\n\f\v"), "not trimmed: %r" % (s,))
            self.assertTrue(s.text, "empty sentence %r" % (s,))
            self.assertGreaterEqual(s.start, prev_end if prev_end >= 0 else 0)
            self.assertGreater(s.index, prev_index)
            prev_end, prev_index = s.end, s.index


class TestOffsets(OffsetChecks):
    def test_ascii(self):
        text = "First sentence here.\nSecond sentence there.\n"
        sents = kurz.split(text, "en")
        self.check_sentences(text, sents)
        self.assertEqual([s.text for s in sents], ["First sentence here.", "Second sentence there."])

    def test_tricky_split_round_trip(self):
        sents = kurz.split(TRICKY_TEXT, "de")
        self.check_sentences(TRICKY_TEXT, sents)
        # Every line's content is covered by the sentences, in order.
        joined = " ".join(s.text for s in sents)
        for line in TRICKY_LINES:
            for word in line.split():
                self.assertIn(word, joined)

    def test_tricky_summarize_round_trip(self):
        for lang in ("de", "fr"):
            for budget in ({"sentences": 3}, {"ratio": 0.5}, {"words": 20}, {}):
                sents = kurz.summarize(TRICKY_TEXT, lang, **budget)
                self.assertTrue(sents)
                self.check_sentences(TRICKY_TEXT, sents)

    def test_each_tricky_line_alone(self):
        for line in TRICKY_LINES:
            for text in (line, "  \n" + line + "\n\n", "\ufeff" + line):
                sents = kurz.split(text, "fr")
                self.check_sentences(text, sents)
                self.assertEqual(sents[0].start, text.index(line[0]))

    def test_bom(self):
        text = "\ufeff" + DE_TEXT
        sents = kurz.split(text, "de")
        self.check_sentences(text, sents)
        self.assertEqual(sents[0].start, 1)        # after U+FEFF
        self.assertEqual(sents[0].byte_start, 3)   # after EF BB BF
        self.assertEqual(sents[0].text, DE_LINES[0])
        # bytes with a BOM: offsets refer to data.decode("utf-8"), BOM kept.
        data = text.encode("utf-8")
        self.assertEqual(kurz.split(data, "de"), sents)

    def test_bytes_input(self):
        data = TRICKY_TEXT.encode("utf-8")
        from_str = kurz.split(TRICKY_TEXT, "de")
        for value in (data, bytearray(data), memoryview(data)):
            got = kurz.split(value, "de")
            self.assertEqual(got, from_str)
            self.check_sentences(TRICKY_TEXT, got, data)
        self.assertEqual(kurz.summarize(data, "fr", sentences=2),
                         kurz.summarize(TRICKY_TEXT, "fr", sentences=2))

    def test_random_texts_round_trip(self):
        rng = random.Random(20240611)
        alphabet = list("abcdefghijklmnop ") + list("éßüÄ€😀🇫🇷") + [
            "e\u0301", "東京", "\u200d", "\u00a0", "\t", ". ", "! ", "? ", ".\n", "\n", "\n\n",
            "\r\n", "\x00", "\ufeff"]
        with kurz.Summarizer("fr") as fr, kurz.Summarizer("de") as de:
            for _ in range(300):
                text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 200)))
                if rng.random() < 0.2:
                    text = "\ufeff" + text
                for s in (fr, de):
                    self.check_sentences(text, s.split(text))
                    self.check_sentences(text, s.summarize(text, sentences=rng.randrange(1, 5)))

    def test_empty_and_blank(self):
        for text in ("", " ", "\n\n\t  \r\n", "\ufeff"):
            self.assertEqual(kurz.split(text, "de"), [])
            self.assertEqual(kurz.summarize(text, "fr"), [])
            self.assertEqual(kurz.split(text.encode("utf-8"), "de"), [])

    def test_char_offsets_helper(self):
        rng = random.Random(7)
        text = "".join(rng.choice("aé€😀東") for _ in range(2000))
        data = text.encode("utf-8")
        boundaries = [len(text[:i].encode("utf-8")) for i in range(len(text) + 1)]
        positions = sorted(rng.sample(boundaries, 300))
        self.assertEqual(kurz._char_offsets(data, positions),
                         [brute_char_offset(data, b) for b in positions])
        # Unsorted input (never produced by the library) is still right.
        rng.shuffle(positions)
        self.assertEqual(kurz._char_offsets(data, positions),
                         [brute_char_offset(data, b) for b in positions])
        self.assertEqual(kurz._char_offsets(b"", [0, 0]), [0, 0])

    def test_offsets_are_linear_time(self):
        # 4 MB of mostly 2-byte characters and 200,000 positions: a
        # per-sentence count from the start would take minutes.
        text = ("Ça é ß ü. " * 400000)
        data = text.encode("utf-8")
        unit = len("Ça é ß ü. ".encode("utf-8"))
        positions = [i * (unit * 2) for i in range(200000)]
        t0 = time.perf_counter()
        chars = kurz._char_offsets(data, positions)
        elapsed = time.perf_counter() - t0
        self.assertEqual(chars[-1], 199999 * 20)
        self.assertLess(elapsed, 5.0)

    def test_large_document(self):
        # A multi-megabyte document, split and summarized, offsets exact.
        lines = [line.replace("Aare", "Aare%d" % i) for i in range(3000) for line in DE_LINES]
        text = "\n".join(lines) + "\n"
        self.assertGreater(len(text.encode("utf-8")), 1_000_000)
        t0 = time.perf_counter()
        sents = kurz.split(text, "de")
        self.assertLess(time.perf_counter() - t0, 30.0)
        self.assertGreaterEqual(len(sents), len(lines))
        for s in sents[::97] + sents[-3:]:
            self.assertEqual(text[s.start:s.end], s.text)
        summary = kurz.summarize(text, "de", sentences=5)
        self.assertEqual(len(summary), 5)
        for s in summary:
            self.assertEqual(text[s.start:s.end], s.text)


class TestTitle(unittest.TestCase):
    """Summarizer(title=...): kurz_summarizer_set_title (issue 17)."""
    TEXT = ("Die Stadt Lindenau hat im vergangenen Jahr einen neuen Haushalt beschlossen. "
            "Der Gemeinderat stimmte nach langer Debatte mit knapper Mehrheit zu. "
            "F\u00fcr Schulen und Stra\u00dfen sind dabei mehr Mittel vorgesehen als bisher. "
            "Die Imker am Stadtrand klagen dagegen \u00fcber ein schweres Jahr f\u00fcr ihre "
            "Bienen und \u00fcber leere Waben. "
            "Viele B\u00fcrger besuchten die Versammlung im Rathaus und stellten Fragen. "
            "Der B\u00fcrgermeister will den Haushalt im Herbst noch einmal pr\u00fcfen lassen.\n")
    BEES = 3

    def scores(self, **kw):
        s = kurz.Summarizer("de", **kw)
        try:
            return {x.index: x.score for x in s.summarize(self.TEXT, ratio=1.0)}
        finally:
            s.close()

    def test_title_lifts_the_sentence_that_shares_its_words(self):
        plain = self.scores()
        titled = self.scores(title="Bienen sterben: Imker in Sorge um leere Waben")
        self.assertEqual(sorted(plain), list(range(6)))
        self.assertGreater(titled[self.BEES], plain[self.BEES])
        margin = lambda sc: sc[self.BEES] - max(v for k, v in sc.items() if k != self.BEES)
        self.assertGreater(margin(titled), margin(plain))

    def test_bad_titles(self):
        with self.assertRaises(TypeError):
            kurz.Summarizer("de", title=b"Bienen")
        with self.assertRaises(kurz.InvalidUTF8Error):
            kurz.Summarizer("de", title="Bienen \ud800")


class TestBudgets(unittest.TestCase):
    def test_split_counts(self):
        for text, lines, lang in ((DE_TEXT, DE_LINES, "de"), (FR_TEXT, FR_LINES, "fr")):
            sents = kurz.split(text, lang)
            self.assertEqual([s.text for s in sents], lines)
            self.assertEqual([s.index for s in sents], list(range(len(lines))))
            self.assertTrue(all(s.score == 0.0 for s in sents))

    def test_sentences(self):
        for text, lang in ((DE_TEXT, "de"), (FR_TEXT, "fr")):
            for n in (1, 2, 3, 6):
                got = kurz.summarize(text, lang, sentences=n, redundancy=1.0)
                self.assertEqual(len(got), n, (lang, n))
            self.assertEqual(len(kurz.summarize(text, lang, sentences=2)), 2)
            self.assertEqual(len(kurz.summarize(text, lang, sentences=100, redundancy=1.0)), 6)
            self.assertEqual(len(kurz.summarize(text, lang, sentences=2**40, redundancy=1.0)), 6)

    def test_document_order_and_scores(self):
        got = kurz.summarize(DE_TEXT, "de", sentences=3)
        self.assertEqual([s.index for s in got], sorted(s.index for s in got))
        for s in got:
            self.assertIsInstance(s.score, float)
            self.assertGreater(s.score, 0.0)
            self.assertEqual(s.text, DE_LINES[s.index])

    def test_default_budget(self):
        # The library's default is 3 sentences.
        self.assertEqual(len(kurz.summarize(DE_TEXT, "de", redundancy=1.0)), 3)
        self.assertEqual(len(kurz.summarize(FR_TEXT, "fr", redundancy=1.0)), 3)

    def test_ratio(self):
        self.assertEqual(len(kurz.summarize(FR_TEXT, "fr", ratio=0.5, redundancy=1.0)), 3)
        self.assertEqual(len(kurz.summarize(FR_TEXT, "fr", ratio=1.0, redundancy=1.0)), 6)
        self.assertEqual(len(kurz.summarize(FR_TEXT, "fr", ratio=1, redundancy=1.0)), 6)
        # A tiny ratio still gives at least one sentence.
        self.assertEqual(len(kurz.summarize(DE_TEXT, "de", ratio=0.0001)), 1)

    def test_words(self):
        for text, lang in ((DE_TEXT, "de"), (FR_TEXT, "fr")):
            for budget in (5, 15, 25, 40):
                loose = kurz.summarize(text, lang, words=budget, redundancy=1.0)
                n_loose = sum(_support.count_words(s.text) for s in loose)
                self.assertGreaterEqual(n_loose, budget, (lang, budget, loose))
                strict = kurz.summarize(text, lang, words=budget, strict=True, redundancy=1.0)
                n_strict = sum(_support.count_words(s.text) for s in strict)
                self.assertLessEqual(n_strict, budget, (lang, budget, strict))
                self.assertLessEqual(len(strict), len(loose))
            everything = kurz.summarize(text, lang, words=10**6, redundancy=1.0)
            self.assertEqual(len(everything), 6)

    def test_algorithms_and_knobs(self):
        for algorithm in ("lexrank", "textrank", "TextRank"):
            got = kurz.summarize(DE_TEXT, "de", sentences=2, algorithm=algorithm)
            self.assertEqual(len(got), 2)
        got = kurz.summarize(FR_TEXT, "fr", sentences=2, damping=0.5, position_weight=0.0,
                             redundancy=0.9, title_weight=1.0, boilerplate=False,
                             max_input_bytes=10**6)
        self.assertEqual(len(got), 2)
        # Extreme but valid fractions.
        for value in (0.0, 1.0):
            kurz.summarize(FR_TEXT, "fr", position_weight=value, title_weight=value)

    def test_position_weight_changes_choice(self):
        lead = kurz.summarize(DE_TEXT, "de", sentences=1, position_weight=1.0, title_weight=0.0)
        self.assertEqual([s.index for s in lead], [0])


class TestSummarizer(unittest.TestCase):
    def test_reuse_and_equivalence(self):
        with kurz.Summarizer("de") as s:
            self.assertEqual(s.language, "de")
            for _ in range(3):
                self.assertEqual(s.summarize(DE_TEXT, sentences=2),
                                 kurz.summarize(DE_TEXT, "de", sentences=2))
                self.assertEqual(s.split(DE_TEXT), kurz.split(DE_TEXT, "de"))

    def test_snowball_names_and_case(self):
        for name, code in (("german", "de"), ("GERMAN", "de"), ("French", "fr"), ("FR", "fr")):
            with kurz.Summarizer(name) as s:
                self.assertEqual(s.language, code)

    def test_default_and_per_call_budget(self):
        with kurz.Summarizer("fr", sentences=1, redundancy=1.0) as s:
            self.assertEqual(len(s.summarize(FR_TEXT)), 1)
            self.assertEqual(len(s.summarize(FR_TEXT, sentences=4)), 4)
            self.assertEqual(len(s.summarize(FR_TEXT)), 1)  # the default is back
            self.assertEqual(len(s.summarize(FR_TEXT, ratio=0.5)), 3)
            self.assertEqual(len(s.summarize(FR_TEXT, ratio=1.0)), 6)
            self.assertEqual(len(s.summarize(FR_TEXT)), 1)
            strict = s.summarize(FR_TEXT, words=20, strict=True)
            self.assertLessEqual(sum(_support.count_words(x.text) for x in strict), 20)
        with kurz.Summarizer("de", redundancy=1.0) as s:  # no default budget: library's 3
            self.assertEqual(len(s.summarize(DE_TEXT, sentences=5)), 5)
            self.assertEqual(len(s.summarize(DE_TEXT)), 3)
        with kurz.Summarizer("de", words=12, strict=True) as s:
            got = s.summarize(DE_TEXT)
            self.assertLessEqual(sum(_support.count_words(x.text) for x in got), 12)
            loose = s.summarize(DE_TEXT, strict=False)
            self.assertGreaterEqual(sum(_support.count_words(x.text) for x in loose), 12)

    def test_options_read_back(self):
        with kurz.Summarizer("de", algorithm="textrank", damping=0.7, position_weight=0.25,
                             redundancy=0.5, title_weight=0.125, boilerplate=False,
                             max_input_bytes=12345, ratio=0.4) as s:
            opts = s.options
        self.assertEqual(opts["algorithm"], "textrank")
        self.assertAlmostEqual(opts["damping"], 0.7)
        self.assertAlmostEqual(opts["position_weight"], 0.25)
        self.assertAlmostEqual(opts["redundancy"], 0.5)
        self.assertAlmostEqual(opts["title_weight"], 0.125)
        self.assertIs(opts["boilerplate"], False)
        self.assertEqual(opts["max_input_bytes"], 12345)
        self.assertAlmostEqual(opts["ratio"], 0.4)
        self.assertNotIn("sentences", opts)

    def test_close(self):
        s = kurz.Summarizer("fr")
        self.assertFalse(s.closed)
        s.close()
        self.assertTrue(s.closed)
        s.close()  # idempotent
        for call in (lambda: s.summarize(FR_TEXT), lambda: s.split(FR_TEXT),
                     lambda: s.options, lambda: s.__enter__()):
            with self.assertRaises(ValueError):
                call()
        self.assertIn("closed", repr(s))

    def test_context_manager_closes_on_error(self):
        with self.assertRaises(RuntimeError):
            with kurz.Summarizer("de") as s:
                raise RuntimeError("boom")
        self.assertTrue(s.closed)

    def test_interpreter_shutdown(self):
        # Summarizers left open (one in a reference cycle, one in a module
        # global) are released at exit without any error output.
        res = _support.run_python(
            "import kurz\n"
            "a = kurz.Summarizer('de'); b = kurz.Summarizer('fr'); a.peer = b; b.peer = a\n"
            "keep = kurz.Summarizer('de'); keep.summarize('Ein Satz zum Schluss.')\n"
            "kurz.Sentence.keep = keep\n")
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertEqual(res.stderr, "")

    def test_del_without_close(self):
        for _ in range(50):
            s = kurz.Summarizer("de")
            s.summarize(DE_TEXT)
            del s


class TestSentence(unittest.TestCase):
    def test_fields_frozen_and_pickle(self):
        s = kurz.split("Une phrase française très simple.", "fr")[0]
        self.assertEqual([f.name for f in dataclasses.fields(s)],
                         ["index", "start", "end", "score", "text", "byte_start", "byte_end"])
        with self.assertRaises(dataclasses.FrozenInstanceError):
            s.start = 3  # type: ignore[misc]
        self.assertEqual(pickle.loads(pickle.dumps(s)), s)
        self.assertEqual(hash(s), hash(pickle.loads(pickle.dumps(s))))
        self.assertIn("française", repr(s))


class TestMetadata(unittest.TestCase):
    def test_languages(self):
        langs = kurz.languages()
        self.assertIsInstance(langs, list)
        self.assertIn("de", langs)
        self.assertIn("fr", langs)
        self.assertIn("en", langs)
        self.assertTrue(all(isinstance(x, str) and x for x in langs))
        self.assertEqual(len(langs), len(set(langs)))
        for code in langs:  # every listed language is accepted
            with kurz.Summarizer(code) as s:
                self.assertEqual(s.language, code)

    def test_version(self):
        lib = ctypes.CDLL(kurz.library_path())
        lib.kurz_version_string.restype = ctypes.c_char_p
        lib.kurz_version_number.restype = ctypes.c_uint
        self.assertEqual(kurz.__version__, lib.kurz_version_string().decode())
        self.assertEqual(kurz.library_version(), kurz.__version__)
        major, minor, patch = (int(x) for x in kurz.__version__.split("."))
        self.assertEqual(major * 10000 + minor * 100 + patch, lib.kurz_version_number())
        self.assertEqual(major, _native.EXPECTED_MAJOR)

    def test_library_path(self):
        import os
        if os.environ.get("KURZ_LIBRARY"):
            self.assertEqual(kurz.library_path(), os.environ["KURZ_LIBRARY"])

    def test_every_function_declared(self):
        for name, (restype, argtypes, _checked) in _native._PROTOTYPES.items():
            fn = getattr(kurz._lib, name)
            self.assertEqual(fn.argtypes, argtypes, name)
            self.assertEqual(fn.restype, restype, name)
        # Every symbol the library exports is declared (version script names).
        import os
        mapfile = os.path.join(_support.PACKAGE_ROOT, "..", "..", "lib", "kurz.map")
        if os.path.exists(mapfile):
            with open(mapfile) as f:
                exported = {w.strip().rstrip(";") for w in f.read().split()
                            if w.startswith("kurz_")}
            self.assertEqual(exported - set(_native._PROTOTYPES), set())

    def test_py_typed(self):
        import os
        self.assertTrue(os.path.exists(os.path.join(os.path.dirname(kurz.__file__), "py.typed")))

    def test_doctests(self):
        failures, tried = doctest.testmod(kurz)
        self.assertGreater(tried, 10)
        self.assertEqual(failures, 0)


if __name__ == "__main__":
    unittest.main()
