#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Tests of bench/rouge.py: the ROUGE arithmetic on hand-made token lists,
and one end-to-end run over a JSONL made from our sample articles."""
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("rouge", os.path.join(HERE, "rouge.py"))
rouge = importlib.util.module_from_spec(spec)
spec.loader.exec_module(rouge)


class Arithmetic(unittest.TestCase):
    def test_rouge_n(self):
        self.assertEqual(rouge.rouge_n(list("abc"), list("abc"), 1), 1.0)
        self.assertEqual(rouge.rouge_n(list("abc"), list("xyz"), 1), 0.0)
        # 2 of 4 unigrams hit on both sides
        self.assertAlmostEqual(rouge.rouge_n(list("abxy"), list("abzw"), 1), 0.5)
        # bigrams: ab hits, bx misses
        self.assertAlmostEqual(rouge.rouge_n(list("abx"), list("abz"), 2), 0.5)

    def test_lcs(self):
        self.assertEqual(rouge.lcs_length(list("abcde"), list("ace")), 3)
        self.assertEqual(rouge.lcs_length([], list("abc")), 0)

    def test_tokens_casefold(self):
        self.assertEqual(rouge.tokens("Straße, GROSS l'été"), ["strasse", "gross", "l", "été"])

    def test_stemmer(self):
        st = rouge.Stemmer()
        self.assertEqual(st.stem("häuser", "de"), st.stem("haus", "de"))
        self.assertEqual(st.stem("économiques", "fr"), st.stem("économique", "fr"))


class EndToEnd(unittest.TestCase):
    def test_scores_a_jsonl(self):
        build, data = sys.argv[1], sys.argv[2]
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False,
                                         encoding="utf-8") as f:
            for name, lang in (("de_artikel.txt", "de"), ("fr_article.txt", "fr")):
                text = open(os.path.join(data, name), encoding="utf-8").read()
                paras = [p for p in text.split("\n\n") if p.strip()]
                # the reference is the article's second paragraph
                f.write(json.dumps({"lang": lang, "text": text, "summary": paras[1]}) + "\n")
        try:
            out = subprocess.run([sys.executable, os.path.join(HERE, "rouge.py"), f.name,
                                  "--build", build], capture_output=True, text=True, check=True)
        finally:
            os.unlink(f.name)
        res = json.loads(out.stdout)
        self.assertEqual(res["records"], 2)
        for k in ("rouge1", "rouge2", "rougeL"):
            self.assertGreater(res[k], 0.0)
            self.assertLessEqual(res[k], 100.0)
        self.assertGreaterEqual(res["rouge1"], res["rouge2"])


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1])
