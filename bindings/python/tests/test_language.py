# SPDX-License-Identifier: MIT
"""Languages since 0.2: "auto" as the default (lang=None), the language a
result was made with (.language / .language_source / .detected), and
kurz.detect_language (kurz.identify, its older name)."""

from __future__ import annotations

import dataclasses
import math
import os
import pickle
import unittest

import _corpus
import _readme
import _support  # noqa: F401 -- puts this tree's kurz first on sys.path
from _support import DE_TEXT, FR_TEXT

import kurz

SAMPLES = {"de": ["de_artikel.txt", "noisy_de.txt"], "fr": ["fr_article.txt", "noisy_fr.txt"]}


def sample(name: str) -> str:
    with open(os.path.join(_corpus.DATA_DIR, name), encoding="utf-8") as f:
        return f.read()


# Short texts written for these tests.
GERMAN = "Der Bürgermeister hat heute das neue Rathaus eröffnet, das mitten in der Stadt steht."
FRENCH = "Le maire a inauguré aujourd'hui la nouvelle mairie, qui se trouve au centre de la ville."
ENGLISH = "The mayor opened the new town hall today, which stands right in the middle of the city."
POLISH = "Burmistrz otworzył dziś nowy ratusz, który stoi w samym centrum miasta."  # not listed
NO_LETTERS = "12 345 678 !!! ???"


class TestAuto(unittest.TestCase):
    def test_default_is_auto(self):
        self.assertEqual(kurz.DEFAULT_LANGUAGE, "auto")
        with kurz.Summarizer() as s:
            self.assertEqual(s.language, "auto")
        with kurz.Summarizer(None) as s, kurz.Summarizer("AUTO") as t:
            self.assertEqual(s.summarize(FR_TEXT), t.summarize(FR_TEXT))

    def test_auto_equals_the_language_on_the_samples(self):
        for lang, names in SAMPLES.items():
            for name in names:
                text = sample(name)
                with self.subTest(name=name):
                    given = kurz.summarize(text, lang, sentences=3)
                    for auto in (kurz.summarize(text, sentences=3),
                                 kurz.summarize(text, "auto", sentences=3)):
                        self.assertEqual(auto, given)
                        self.assertEqual((auto.language, auto.detected), (lang, True))
                    self.assertEqual((given.language, given.detected), (lang, False))
                    split = kurz.split(text)
                    self.assertEqual(split, kurz.split(text, lang))
                    self.assertEqual((split.language, split.detected), (lang, True))
                    self.assertEqual(kurz.keywords(text), kurz.keywords(text, lang))

    def test_sentence_list(self):
        got = kurz.summarize(DE_TEXT, "german", sentences=2)
        self.assertIsInstance(got, kurz.SentenceList)
        self.assertIsInstance(got, list)
        self.assertEqual((got.language, got.detected), ("de", False))  # the code, not the name
        self.assertEqual(got, list(got))
        self.assertIn("language='de'", repr(got))
        back = pickle.loads(pickle.dumps(got))
        self.assertEqual((back, back.language, back.detected), (got, "de", False))
        empty = kurz.summarize("")
        self.assertEqual((empty, empty.language, empty.detected), ([], "und", True))

    def test_undetermined_still_summarizes(self):
        lines = ["Burmistrz otworzył dziś nowy ratusz.", "Stoi w samym centrum miasta.",
                 "Mieszkańcy długo czekali na ten dzień."]  # Polish: not listed
        text = " ".join(lines)
        for call in (kurz.summarize, kurz.split):
            got = call(text)
            self.assertEqual((got.language, got.detected), ("und", True))
            self.assertEqual([s.text for s in got], lines)
        # the same text with a language given is that language's, not detected
        got = kurz.split(text, "fr")
        self.assertEqual((got.language, got.detected), ("fr", False))

    def test_language_source(self):
        # given, detected, and und (detected: nothing fit, generic rules)
        self.assertEqual(kurz.summarize(FR_TEXT, "fr").language_source, "given")
        self.assertEqual(kurz.summarize(FR_TEXT, "French").language_source, "given")
        self.assertEqual(kurz.summarize(FR_TEXT).language_source, "detected")
        self.assertEqual(kurz.summarize(FR_TEXT, "auto").language_source, "detected")
        got = kurz.split(POLISH)
        self.assertEqual((got.language, got.language_source), ("und", "detected"))
        self.assertEqual(len(got), 1)  # still split, with generic rules
        with kurz.Summarizer("de") as s:
            self.assertEqual(s.split(FRENCH).language_source, "given")
        # it is derived from .detected, so it survives pickling
        back = pickle.loads(pickle.dumps(kurz.summarize(DE_TEXT, sentences=1)))
        self.assertEqual((back.language, back.language_source), ("de", "detected"))

    def test_summary_language_source(self):
        items = [FR_TEXT, (FR_TEXT, None), {"text": FR_TEXT, "lang": None},
                 {"text": FR_TEXT, "lang": "fr"}, (FR_TEXT, "xx"), (POLISH, None), b"\xff"]
        got = list(kurz.summarize_many(items, sentences=1))
        self.assertEqual([(r.language, r.language_source) for r in got],
                         [("fr", "detected"), ("fr", "detected"), ("fr", "detected"),
                          ("fr", "given"), ("xx", None), ("und", "detected"),
                          ("auto", None)])
        self.assertEqual([r.ok for r in got], [True] * 4 + [False, True, False])
        given = list(kurz.summarize_many([FR_TEXT, (FR_TEXT, "auto")], "fr", sentences=1))
        self.assertEqual([r.language_source for r in given], ["given", "detected"])
        back = pickle.loads(pickle.dumps(got[0]))
        self.assertEqual(back.language_source, "detected")
        self.assertNotIn("language_source", [f.name for f in dataclasses.fields(got[0])])

    def test_lang_none_everywhere(self):
        # None is "auto" for every function that takes a language
        self.assertEqual(kurz.summarize(FR_TEXT, None), kurz.summarize(FR_TEXT, "fr"))
        self.assertEqual(kurz.split(FR_TEXT, None), kurz.split(FR_TEXT, "fr"))
        self.assertEqual(kurz.keywords(FR_TEXT, None, 3), kurz.keywords(FR_TEXT, "fr", 3))
        with kurz.Summarizer(None) as s:
            self.assertEqual(s.summarize(DE_TEXT).language_source, "detected")
            self.assertEqual(s.keywords(DE_TEXT, 3), kurz.keywords(DE_TEXT, "de", 3))
            batch = s.summarize_many([DE_TEXT, FR_TEXT])
            self.assertEqual([(r.language, r.language_source) for r in batch],
                             [("de", "detected"), ("fr", "detected")])
        got = list(kurz.summarize_many([DE_TEXT], None))
        self.assertEqual(got[0].language, "de")

    def test_mixed_documents_one_summarizer(self):
        with kurz.Summarizer() as s:
            answers = [(r.language, r.detected) for r in
                       (s.summarize(DE_TEXT), s.summarize(FR_TEXT), s.split(GERMAN),
                        s.summarize(NO_LETTERS))]
        self.assertEqual(answers, [("de", True), ("fr", True), ("de", True), ("und", True)])


class TestIdentify(unittest.TestCase):
    def check_guess(self, guess):
        self.assertIsInstance(guess, kurz.LanguageGuess)
        self.assertIsInstance(guess.candidates, tuple)
        scores = [score for _code, score in guess.candidates]
        self.assertEqual(scores, sorted(scores, reverse=True))  # best first
        if scores:
            self.assertAlmostEqual(math.fsum(scores), 1.0, places=6)
        langs = kurz.languages()
        for code, score in guess.candidates:
            self.assertIn(code, langs)
            self.assertTrue(0.0 <= score <= 1.0)
        if guess.language == "und":
            self.assertEqual(guess.confidence, 0.0)
        else:
            self.assertEqual(guess.candidates[0], (guess.language, guess.confidence))

    def test_listed_languages(self):
        for text, code in ((GERMAN, "de"), (FRENCH, "fr"), (ENGLISH, "en")):
            guess = kurz.identify(text)
            self.check_guess(guess)
            self.assertEqual(guess.language, code, text)
            self.assertGreater(guess.confidence, 0.9)
            self.assertEqual(guess.examined, len(text.encode("utf-8")))
            self.assertEqual(kurz.identify(text.encode("utf-8")), guess)
            self.assertEqual(kurz.identify(bytearray(text.encode("utf-8"))), guess)

    def test_undetermined(self):
        guess = kurz.identify(POLISH)  # a close neighbour is refused, not claimed
        self.check_guess(guess)
        self.assertEqual((guess.language, guess.confidence), ("und", 0.0))
        self.assertTrue(guess.candidates)  # Latin script: candidates are still ranked
        for text in ("", b"", "   \n"):
            guess = kurz.identify(text)
            self.assertEqual(guess, kurz.LanguageGuess("und", 0.0, (), guess.examined))
        self.assertEqual(kurz.identify("").examined, 0)
        self.assertEqual(kurz.identify(NO_LETTERS).language, "und")

    def test_reads_32_kib(self):
        # (which language wins on mixed text is not part of the contract:
        # identification may stop as soon as the answer is safe)
        text = FRENCH * 1000
        guess = kurz.identify(text)
        self.assertLessEqual(guess.examined, 32 * 1024)
        self.assertEqual(guess.language, "fr")
        # bytes after the sample are neither read nor validated
        self.assertEqual(kurz.identify(text.encode("utf-8") + b"\xff").language, "fr")

    def test_errors(self):
        data = "Größe: ".encode("utf-8") + b"\xc3\x28 und mehr."
        with self.assertRaises(kurz.InvalidUTF8Error) as cm:
            kurz.identify(data)
        self.assertIsInstance(cm.exception, ValueError)
        self.assertEqual(cm.exception.code, kurz.Status.ERR_INVALID_UTF8)
        self.assertEqual((cm.exception.offset, cm.exception.char_offset), (9, 7))
        self.assertIn("byte offset 9", str(cm.exception))
        with self.assertRaises(kurz.InvalidUTF8Error) as cm:
            kurz.identify("Ein Satz \udcff hier.")
        self.assertEqual((cm.exception.offset, cm.exception.char_offset), (9, 9))
        for bad in (None, 42, ["text"]):
            with self.assertRaises(TypeError):
                kurz.identify(bad)  # type: ignore[arg-type]

    def test_frozen_and_pickle(self):
        guess = kurz.identify(FRENCH)
        self.assertEqual([f.name for f in dataclasses.fields(guess)],
                         ["language", "confidence", "candidates", "examined"])
        with self.assertRaises(dataclasses.FrozenInstanceError):
            guess.language = "de"  # type: ignore[misc]
        for proto in range(2, pickle.HIGHEST_PROTOCOL + 1):
            back = pickle.loads(pickle.dumps(guess, protocol=proto))
            self.assertEqual(back, guess)
            self.assertEqual(hash(back), hash(guess))
            self.assertEqual(back.candidates[0][0], "fr")

    def test_detect_language_is_the_name_identify_the_alias(self):
        self.assertIs(kurz.identify, kurz.detect_language)
        self.assertIn("detect_language", kurz.__all__)
        self.assertIn("identify", kurz.__all__)
        guess = kurz.detect_language(GERMAN)
        self.check_guess(guess)
        # the spec's names: code, confidence, candidates
        self.assertEqual((guess.code, guess.language), ("de", "de"))
        self.assertEqual(guess.candidates[0], (guess.code, guess.confidence))
        self.assertTrue(0.0 < guess.confidence <= 1.0)
        for text in ("", "  \n\t", NO_LETTERS, POLISH, b""):
            und = kurz.detect_language(text)
            self.assertEqual((und.code, und.confidence), ("und", 0.0), text)
        with self.assertRaises(kurz.InvalidUTF8Error) as cm:
            kurz.detect_language(b"Ein Satz \xff hier.")
        self.assertEqual(cm.exception.offset, 9)
        with self.assertRaises(TypeError):
            kurz.detect_language(None)  # type: ignore[arg-type]
        with self.assertRaises(AttributeError):
            guess.code = "fr"  # type: ignore[misc]

    def test_agrees_with_auto(self):
        for text in (GERMAN, FRENCH, ENGLISH, POLISH, DE_TEXT, FR_TEXT):
            self.assertEqual(kurz.split(text).language, kurz.identify(text).language, text)


class TestReadme(unittest.TestCase):
    def test_auto_example(self):
        ns = _readme.run_example("auto")
        self.assertEqual((ns["summary"].language, ns["summary"].detected), ("de", True))
        self.assertEqual(ns["guess"].code, "fr")
        lines = ns["__stdout__"].splitlines()
        self.assertEqual(lines[0], "de detected")
        self.assertEqual(lines[2], "'Rechenzentrum' x3 first at [9:22]: 'Rechenzentrum'")
        self.assertEqual(lines[-1], "und")


if __name__ == "__main__":
    unittest.main()
