# SPDX-License-Identifier: MIT
"""Key phrases (issue 18): kurz.keywords and Summarizer.keywords on short
German and French texts written for these tests -- compounds, names that
keep their capitals, plurals merged, character offsets of the first
occurrence after non-ASCII text -- and their errors."""

from __future__ import annotations

import dataclasses
import os
import pickle
import random
import unittest

import _corpus
import _support  # noqa: F401 -- puts this tree's kurz first on sys.path

import kurz

# "eröffnete" and "Grünheide" put non-ASCII characters before later phrases.
GERMAN = ("Im Jahr 2024 eröffnete Elon Musk ein neues Rechenzentrum in Grünheide. "
          "Das Rechenzentrum verbraucht viel Strom.\n"
          "Kritiker sagen, Elon Musk habe die Anwohner nicht gefragt. "
          "Inzwischen plant die Firma zwei weitere Rechenzentren in Brandenburg.")
FRENCH = ("À Montréal, l'été dernier, la société a ouvert un centre de données près du fleuve. "
          "Le centre de données consomme beaucoup d'électricité.\n"
          "Selon Hydro-Québec, les centres de données représentent une part croissante "
          "de la demande. L'ingénieure Marie Dupont dirige le projet.")


def brute_char_offset(data: bytes, byte_offset: int) -> int:
    return len(data[:byte_offset].decode("utf-8"))


def by_text(phrases):
    return {k.text: k for k in phrases}


class TestKeywords(unittest.TestCase):
    def check_offsets(self, text, phrases):
        data = text.encode("utf-8")
        for k in phrases:
            self.assertIsInstance(k, kurz.Keyphrase)
            self.assertEqual(brute_char_offset(data, k.byte_start), k.start, k)
            self.assertEqual(brute_char_offset(data, k.byte_end), k.end, k)
            self.assertEqual(data[k.byte_start:k.byte_end].decode("utf-8"), text[k.start:k.end])
            self.assertGreaterEqual(k.count, 1)
        scores = [k.score for k in phrases]
        self.assertEqual(scores, sorted(scores, reverse=True))  # best first

    def test_german(self):
        phrases = kurz.keywords(GERMAN, "de")
        self.check_offsets(GERMAN, phrases)
        self.assertEqual(len(phrases), 10)
        found = by_text(phrases)
        # the compound is one word, its plural merged into it, and it ranks first
        self.assertEqual(phrases[0].text, "Rechenzentrum")
        self.assertEqual(phrases[0].count, 3)
        self.assertNotIn("Rechenzentren", found)
        self.assertNotIn("Zentrum", found)
        # first occurrence, in characters, after "eröffnete" (bytes differ)
        first = phrases[0]
        self.assertEqual(first.start, GERMAN.index("Rechenzentrum"))
        self.assertEqual(GERMAN[first.start:first.end], "Rechenzentrum")
        self.assertEqual(first.byte_start, first.start + 1)
        # a name keeps its capitals; "Musk" alone is left to it
        musk = found["Elon Musk"]
        self.assertEqual((musk.count, musk.start), (2, GERMAN.index("Elon Musk")))
        self.assertNotIn("Musk", found)
        self.assertIn("Grünheide", found)
        self.assertEqual(found["Grünheide"].start, GERMAN.index("Grünheide"))

    def test_french(self):
        phrases = kurz.keywords(FRENCH, "fr", n=20)
        self.check_offsets(FRENCH, phrases)
        found = by_text(phrases)
        # accents kept, "de" joins (its rank depends on the weighting: not asserted)
        self.assertIn("centre de données", found)
        centre = found["centre de données"]
        self.assertEqual(centre.count, 3)  # "centres de données" is the same phrase
        self.assertEqual(centre.start, FRENCH.index("centre de données"))
        self.assertGreater(centre.byte_start, centre.start)  # "À", "é" before it
        self.assertIn("Montréal", found)
        self.assertEqual(found["Montréal"].start, 2)
        self.assertIn("Hydro-Québec", found)  # a hyphenated name is one word
        self.assertIn("Marie Dupont", found)
        self.assertEqual(found["Marie Dupont"].start, FRENCH.index("Marie Dupont"))
        # no phrase crosses a sentence end
        for k in phrases:
            self.assertNotIn(".", FRENCH[k.start:k.end])

    def test_auto_and_bytes(self):
        self.assertEqual(kurz.keywords(GERMAN), kurz.keywords(GERMAN, "de"))
        self.assertEqual(kurz.keywords(FRENCH, n=5), kurz.keywords(FRENCH, "fr", n=5))
        data = FRENCH.encode("utf-8")
        for value in (data, bytearray(data), memoryview(data)):
            self.assertEqual(kurz.keywords(value, "fr"), kurz.keywords(FRENCH, "fr"))

    def test_n_and_max_words(self):
        every = kurz.keywords(FRENCH, "fr", n=1000)
        self.assertGreater(len(every), 10)
        self.assertEqual(kurz.keywords(FRENCH, "fr", n=3), every[:3])
        self.assertEqual(kurz.keywords(FRENCH, "fr", n=0), [])
        single = kurz.keywords(FRENCH, "fr", n=1000, max_words=1)
        self.assertTrue(single)
        self.assertTrue(all(" " not in k.text for k in single), single)
        self.assertTrue(any(" " in k.text for k in every))

    def test_summarizer_keywords(self):
        with kurz.Summarizer("de") as s:
            self.assertEqual(s.keywords(GERMAN), kurz.keywords(GERMAN, "de"))
            self.assertEqual(len(s.keywords(GERMAN, 2)), 2)
            self.assertEqual(len(s.keywords(GERMAN, n=None)), 10)  # the default again
            two = s.keywords(GERMAN, max_words=1)
            self.assertEqual(s.keywords(GERMAN), kurz.keywords(GERMAN, "de"))  # not sticky
            self.assertNotIn("Elon Musk", by_text(two))
            # keywords between summaries leave the summary alone
            self.assertEqual(s.summarize(GERMAN), kurz.summarize(GERMAN, "de"))
        with self.assertRaises(ValueError):
            s.keywords(GERMAN)  # closed
        with kurz.Summarizer() as auto:
            self.assertEqual(auto.keywords(FRENCH), kurz.keywords(FRENCH, "fr"))

    def test_empty(self):
        for text in ("", " \n ", "1 2 3", b""):
            self.assertEqual(kurz.keywords(text, "de"), [])

    def test_bad_n(self):
        for n in (-1, 1001, 2**40):
            with self.assertRaises(kurz.OptionError) as cm:
                kurz.keywords(GERMAN, "de", n=n)
            self.assertEqual(cm.exception.code, kurz.Status.ERR_OUT_OF_RANGE)
            self.assertIn("n=", str(cm.exception))
            self.assertIn("0..1000", str(cm.exception))
        for max_words in (0, 17):
            with self.assertRaises(kurz.OptionError) as cm:
                kurz.keywords(GERMAN, "de", max_words=max_words)
            self.assertIn("max_words=%d" % max_words, str(cm.exception))
            self.assertIn("1..16", str(cm.exception))
        for n in (True, 2.0, "3"):
            with self.assertRaises(TypeError):
                kurz.keywords(GERMAN, "de", n=n)  # type: ignore[arg-type]
        self.assertEqual(len(kurz.keywords(GERMAN, "de", n=None)), 10)  # the library's default
        with kurz.Summarizer("de") as s:  # a bad n leaves the summarizer usable
            with self.assertRaises(kurz.OptionError):
                s.keywords(GERMAN, -5)
            self.assertEqual(len(s.keywords(GERMAN)), 10)

    def test_bad_text(self):
        with self.assertRaises(kurz.InvalidUTF8Error) as cm:
            kurz.keywords("Größe".encode("utf-8") + b" \xff Rest", "de")
        self.assertEqual((cm.exception.offset, cm.exception.char_offset), (8, 6))
        with self.assertRaises(kurz.InvalidUTF8Error) as cm:
            kurz.keywords("Ein Wort\udc80 hier", "de")
        self.assertEqual(cm.exception.char_offset, 8)
        with self.assertRaises(kurz.InputTooLargeError):
            kurz.keywords(GERMAN, "de", max_input_bytes=100)
        with self.assertRaises(TypeError):
            kurz.keywords(42, "de")  # type: ignore[arg-type]
        with self.assertRaises(kurz.UnsupportedLanguageError):
            kurz.keywords(GERMAN, "xx")

    def test_frozen_and_pickle(self):
        k = by_text(kurz.keywords(FRENCH, "fr", n=20))["centre de données"]
        self.assertEqual([f.name for f in dataclasses.fields(k)],
                         ["text", "score", "count", "start", "end", "byte_start", "byte_end"])
        with self.assertRaises(dataclasses.FrozenInstanceError):
            k.text = "x"  # type: ignore[misc]
        for proto in range(2, pickle.HIGHEST_PROTOCOL + 1):
            back = pickle.loads(pickle.dumps(k, protocol=proto))
            self.assertEqual(back, k)
            self.assertEqual(hash(back), hash(k))
            self.assertEqual(back.text, "centre de données")

    def test_random_offsets(self):
        # Offsets stay exact around emoji, combining marks and CJK.
        rng = random.Random(18)
        words = ["Rechenzentrum", "Elon Musk", "données", "Straße", "😀", "e\u0301t\u00e9",
                 "東京", "Grünheide", ".", "\n", ",", "der", "la"]
        for _ in range(100):
            text = " ".join(rng.choice(words) for _ in range(rng.randrange(0, 60)))
            self.check_offsets(text, kurz.keywords(text, "de", n=50))

    def test_samples(self):
        for name, lang in (("de_artikel.txt", "de"), ("fr_article.txt", "fr")):
            with open(os.path.join(_corpus.DATA_DIR, name), encoding="utf-8") as f:
                text = f.read()
            phrases = kurz.keywords(text, lang)
            self.assertEqual(len(phrases), 10)
            self.check_offsets(text, phrases)


if __name__ == "__main__":
    unittest.main()
