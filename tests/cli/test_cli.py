#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Tests of the kurz command-line tool.

Usage: test_cli.py KURZ_EXECUTABLE DATA_DIR

Python 3 standard library only. Exits non-zero when any check fails.
"""
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

KURZ = None
DATA = None


def run(args, stdin=None, stdout=subprocess.PIPE, timeout=60):
    """Runs kurz; returns (exit status, stdout bytes, stderr text)."""
    if isinstance(stdin, str):
        stdin = stdin.encode("utf-8")
    kwargs = {}
    if stdin is None:
        kwargs["stdin"] = subprocess.DEVNULL
    else:
        kwargs["input"] = stdin
    p = subprocess.run([KURZ] + list(args), stdout=stdout, stderr=subprocess.PIPE,
                       timeout=timeout, **kwargs)
    return p.returncode, p.stdout if p.stdout is not None else b"", \
        p.stderr.decode("utf-8", "replace")


def fold(s):
    """The text output's rule: runs of ASCII white space become one space."""
    return re.sub(r"[ \t\n\r\v\f]+", " ", s).strip(" ")


def words(s):
    """Words as the library counts them: runs of letters, digits and '_'."""
    return len(re.findall(r"\w+", s))


def data(name):
    return os.path.join(DATA, name)


def read(name):
    with open(data(name), "rb") as f:
        return f.read()


class Base(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="kurz-cli-")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def tmpfile(self, name, content):
        path = os.path.join(self.tmp, name)
        with open(path, "wb") as f:
            f.write(content if isinstance(content, bytes) else content.encode("utf-8"))
        return path

    def ok(self, args, stdin=None):
        rc, out, err = run(args, stdin)
        self.assertEqual(rc, 0, "kurz %s failed: %s" % (" ".join(args), err))
        self.assertEqual(err, "", "unexpected stderr")
        return out.decode("utf-8")

    def lines(self, args, stdin=None):
        out = self.ok(args, stdin)
        self.assertTrue(out == "" or out.endswith("\n"))
        return out.splitlines()

    def assert_in_order(self, lines, text):
        """Every line is a piece of the folded text, in document order."""
        folded = fold(text)
        pos = 0
        for line in lines:
            self.assertTrue(line, "empty line in output")
            self.assertEqual(line, fold(line), "line not folded: %r" % line)
            at = folded.find(line, pos)
            self.assertGreaterEqual(at, 0, "not in the input (or out of order): %r" % line)
            pos = at + len(line)

    def usage_error(self, args, stdin=None):
        rc, out, err = run(args, stdin)
        self.assertEqual(rc, 2, "kurz %r: exit %d, stderr %r" % (args, rc, err))
        self.assertEqual(out, b"")
        errlines = err.splitlines()
        self.assertEqual(len(errlines), 2, err)
        self.assertTrue(errlines[0].startswith("kurz: "), err)
        self.assertEqual(errlines[1], "Try 'kurz --help'.")
        return errlines[0]


class Summary(Base):
    def test_sentences_de(self):
        text = read("de_artikel.txt").decode()
        for n in (1, 3, 5):
            lines = self.lines(["-n", str(n), data("de_artikel.txt")])
            self.assertEqual(len(lines), n)
            self.assert_in_order(lines, text)

    def test_default_is_three_sentences_german(self):
        de = self.lines([data("de_artikel.txt")])
        self.assertEqual(len(de), 3)
        self.assertEqual(de, self.lines(["-l", "de", "-n", "3", data("de_artikel.txt")]))

    def test_sentences_fr(self):
        text = read("fr_article.txt").decode()
        lines = self.lines(["-l", "fr", "-n", "4", data("fr_article.txt")])
        self.assertEqual(len(lines), 4)
        self.assert_in_order(lines, text)
        # Long options and --opt=value work the same.
        self.assertEqual(lines, self.lines(["--language=fr", "--sentences", "4",
                                            data("fr_article.txt")]))
        self.assertEqual(lines, self.lines(["-lfr", "-n4", data("fr_article.txt")]))

    def test_ratio(self):
        for lang, name in (("de", "de_artikel.txt"), ("fr", "fr_article.txt")):
            text = read(name).decode()
            total = len(self.lines(["-l", lang, "--split", data(name)]))
            for r in ("0.2", "0.5", "1"):
                lines = self.lines(["-l", lang, "-r", r, data(name)])
                self.assertGreaterEqual(len(lines), 1)
                self.assertLessEqual(len(lines), max(1, math.ceil(float(r) * total)))
                self.assert_in_order(lines, text)
            self.assertEqual(self.lines(["-l", lang, "-r", "0.2", data(name)]),
                             self.lines(["-l", lang, "-r", "20%", data(name)]))
            self.assertEqual(self.lines(["-l", lang, "-r", "0.2", data(name)]),
                             self.lines(["-l", lang, "--ratio=.2", data(name)]))

    def test_words(self):
        for lang, name in (("de", "de_artikel.txt"), ("fr", "fr_article.txt")):
            text = read(name).decode()
            for w in (1, 25, 60):
                lines = self.lines(["-l", lang, "-w", str(w), data(name)])
                self.assert_in_order(lines, text)
                self.assertGreaterEqual(words(" ".join(lines)), w)
                # Sentences are only added while the summary is shorter: the
                # last one added (at least the longest) made it long enough.
                if len(lines) > 1:
                    self.assertLess(words(" ".join(lines)) - max(words(l) for l in lines), w)

    def test_strict_words(self):
        for lang, name in (("de", "de_artikel.txt"), ("fr", "fr_article.txt")):
            text = read(name).decode()
            for w in (10, 25, 40, 60, 100):
                lines = self.lines(["-l", lang, "-w", str(w), "--strict", data(name)])
                self.assert_in_order(lines, text)
                self.assertLessEqual(words(" ".join(lines)), w,
                                     "--strict -w %d exceeded: %r" % (w, lines))
            self.assertGreaterEqual(len(self.lines(["-l", lang, "-w", "60", "--strict",
                                                    data(name)])), 1)

    def test_algorithms_and_knobs(self):
        text = read("de_artikel.txt").decode()
        for extra in (["--algorithm", "textrank"], ["--algorithm=lexrank"],
                      ["--damping", "0.5", "--position-weight", "0", "--redundancy", "1",
                       "--title-weight", "50%"],
                      ["--no-boilerplate-filter"], ["--max-input-bytes", "1M"]):
            lines = self.lines(extra + ["-n", "3", data("de_artikel.txt")])
            self.assertEqual(len(lines), 3, extra)
            self.assert_in_order(lines, text)

    def test_folding(self):
        text = "Das  ist\tein   Satz\x0b mit Lücken.\n"
        self.assertEqual(self.lines(["--split"], text), ["Das ist ein Satz mit Lücken."])

    def test_nul_bytes(self):
        path = self.tmpfile("nul.txt", b"Eins\x00zwei drei vier. F\xc3\xbcnf sechs sieben.\n")
        out = self.ok(["--format", "json", "--split", path])
        doc = json.loads(out)
        raw = read_path(path)
        for s in doc["sentences"]:
            self.assertEqual(raw[s["start"]:s["end"]].decode(), s["text"])
        self.assertIn("\x00", "".join(s["text"] for s in doc["sentences"]))


def read_path(path):
    with open(path, "rb") as f:
        return f.read()


# The hand-made split of the samples: title, dateline, then the sentences.
DE_SENTENCES = 20
FR_SENTENCES = 17


class Split(Base):
    def check_cover(self, lines, text):
        """The sentences cover the text: nothing lost, nothing added."""
        self.assertEqual(re.sub(r"\s+", "", "".join(lines)), re.sub(r"\s+", "", text))
        self.assert_in_order(lines, text)

    def test_split_de_covers_text(self):
        text = read("de_artikel.txt").decode()
        self.check_cover(self.lines(["--split", data("de_artikel.txt")]), text)

    def test_split_fr_covers_text(self):
        text = read("fr_article.txt").decode()
        self.check_cover(self.lines(["-l", "fr", "--split", data("fr_article.txt")]), text)

    def test_split_de_count(self):
        lines = self.lines(["--split", data("de_artikel.txt")])
        self.assertEqual(len(lines), DE_SENTENCES, "\n".join(lines))
        self.assertEqual(lines[0], "Neue Straßenbahnlinie verbindet den Ahrensfelder Westen "
                                   "mit der Innenstadt")
        self.assertEqual(lines[1], "Ahrensfeld, 4. Oktober 2024")
        self.assertEqual(lines[-1], "Weitere Auskünfte gibt es in den Kundenzentren der Stadt.")

    def test_split_fr_count(self):
        lines = self.lines(["-l", "fr", "--split", data("fr_article.txt")])
        self.assertEqual(len(lines), FR_SENTENCES, "\n".join(lines))
        self.assertEqual(lines[1], "Saint-Aubin-des-Prés, le 12 mars 2024")
        self.assertIn("Faut-il investir dans des panneaux solaires ?", lines)

    def assert_not_split(self, lines, phrases):
        for p in phrases:
            self.assertTrue(any(p in l for l in lines), "split inside %r" % p)

    def test_abbreviations_de(self):
        lines = self.lines(["--split", data("de_artikel.txt")])
        self.assert_not_split(lines, [
            "Oberbürgermeisterin Dr. Sabine Keller sprach",
            "am 3. Oktober in Betrieb",
            "rund 2.800 Menschen",
            "mit 212 Mio. Euro etwas",
            "nahmen u. a. Vertreter",
            "Geschäften, z. B. am neuen Marktplatz.",
            "Projektleiter Prof. Martin Brandt.",
            "mit ca. 600 Stellplätzen.",
            "„Endlich!“, rief eine Anwohnerin",
            "bis zum 13. Oktober kostenlos",
            "Tarif, d. h. eine Einzelfahrt kostet 2,90 Euro.",
        ])
        # A quote that ends a sentence ends it together with its mark.
        self.assertTrue(any(l.endswith("für die ganze Region“.") for l in lines))

    def test_abbreviations_fr(self):
        lines = self.lines(["-l", "fr", "--split", data("fr_article.txt")])
        self.assert_not_split(lines, [
            "Pour M. Dupont, président",
            "Le maire, M. Lambert, espère",
            "coûté 3,8 millions d'euros",
            "le 1er juin.",
            "« Sans la coopérative, j'aurais arrêté il y a longtemps. »",
        ])

    def test_split_matches_document_sentences(self):
        out = self.ok(["--format", "json", data("de_artikel.txt")])
        n = json.loads(out)["document_sentences"]
        self.assertEqual(n, len(self.lines(["--split", data("de_artikel.txt")])))


class Json(Base):
    def check_doc(self, doc, raw, lang, path, source="detected"):
        self.assertEqual(list(doc), ["file", "language", "language_source", "sentences",
                                     "document_sentences"])
        self.assertEqual(doc["language_source"], source)
        self.assertEqual(doc["file"], path)
        self.assertEqual(doc["language"], lang)
        last = -1
        for s in doc["sentences"]:
            self.assertEqual(set(s), {"index", "start", "end", "score", "text"})
            self.assertGreater(s["index"], last)
            last = s["index"]
            self.assertLess(s["index"], doc["document_sentences"])
            self.assertLess(s["start"], s["end"])
            self.assertEqual(raw[s["start"]:s["end"]].decode("utf-8"), s["text"])
            self.assertIsInstance(s["score"], (int, float))
        starts = [s["start"] for s in doc["sentences"]]
        self.assertEqual(starts, sorted(starts))

    def test_json_matches_text(self):
        for lang, name in (("de", "de_artikel.txt"), ("fr", "fr_article.txt")):
            raw = read(name)
            out = self.ok(["-l", lang, "--format", "json", "-n", "4", data(name)])
            self.assertEqual(out.count("\n"), 1)
            doc = json.loads(out)
            self.check_doc(doc, raw, lang, data(name), "given")
            self.assertEqual(len(doc["sentences"]), 4)
            text_lines = self.lines(["-l", lang, "-n", "4", data(name)])
            self.assertEqual([fold(s["text"]) for s in doc["sentences"]], text_lines)

    def test_json_split(self):
        raw = read("de_artikel.txt")
        doc = json.loads(self.ok(["--split", "--format=json", data("de_artikel.txt")]))
        self.check_doc(doc, raw, "de", data("de_artikel.txt"))
        self.assertEqual(len(doc["sentences"]), doc["document_sentences"])
        self.assertEqual([s["index"] for s in doc["sentences"]],
                         list(range(doc["document_sentences"])))
        self.assertTrue(all(s["score"] == 0 for s in doc["sentences"]))

    def test_json_escaping(self):
        text = 'Er sagte "Hallo" und \\ ging\tweg.\x01 Grüße „aus“ Köln \U0001F600.\n'
        path = self.tmpfile("esc.txt", text)
        out = self.ok(["--split", "--format", "json", path])
        doc = json.loads(out)
        self.check_doc(doc, text.encode(), "de", path)
        joined = "".join(s["text"] for s in doc["sentences"])
        self.assertIn('"Hallo"', joined)
        self.assertIn("\\", joined)
        self.assertIn("\t", joined)
        self.assertIn("\x01", joined)
        # Control characters as \uXXXX; non-ASCII UTF-8 copied as it is.
        self.assertIn("\\u0001", out)
        self.assertIn("\\u0009", out)
        self.assertIn("Grüße „aus“ Köln \U0001F600", out)
        self.assertIn('\\"Hallo\\"', out)
        self.assertNotRegex(out, "[\x00-\x09\x0b-\x1f]")

    def test_json_several_files(self):
        out = self.ok(["--format", "json", data("de_artikel.txt"), data("de_artikel.txt")])
        docs = [json.loads(l) for l in out.splitlines()]
        self.assertEqual(len(docs), 2)
        self.assertEqual(docs[0], docs[1])

    def test_json_stdin_is_dash(self):
        doc = json.loads(self.ok(["--format", "json"], read("de_artikel.txt")))
        self.check_doc(doc, read("de_artikel.txt"), "de", "-")

    def test_json_failing_file(self):
        missing = os.path.join(self.tmp, "missing.txt")
        rc, out, err = run(["--format", "json", missing, data("de_artikel.txt")])
        self.assertEqual(rc, 1)
        docs = [json.loads(l) for l in out.decode().splitlines()]
        self.assertEqual(len(docs), 2)
        self.assertEqual(docs[0]["file"], missing)
        self.assertIn("error", docs[0])
        self.assertEqual(len(docs[1]["sentences"]), 3)
        self.assertIn(missing, err)

    def test_json_empty_input(self):
        doc = json.loads(self.ok(["--format", "json"], ""))
        self.assertEqual(doc["sentences"], [])
        self.assertEqual(doc["document_sentences"], 0)


class Inputs(Base):
    def test_stdin_and_dash(self):
        want = self.ok(["-n", "2", data("de_artikel.txt")])
        self.assertEqual(self.ok(["-n", "2"], read("de_artikel.txt")), want)
        self.assertEqual(self.ok(["-n", "2", "-"], read("de_artikel.txt")), want)
        self.assertEqual(self.ok(["-n", "2", "--", "-"], read("de_artikel.txt")), want)

    def test_several_files(self):
        a, b = data("de_artikel.txt"), data("fr_article.txt")
        out_a = self.ok(["-n", "2", a])
        out_b = self.ok(["-n", "2", b])
        want = "==> %s <==\n%s\n==> %s <==\n%s" % (a, out_a, b, out_b)
        self.assertEqual(self.ok(["-n", "2", a, b]), want)
        # Threads change nothing in the output.
        self.assertEqual(self.ok(["-j", "2", "-n", "2", a, b]), want)
        self.assertEqual(self.ok(["-j", "0", "-n", "2", a, b]), want)
        # A single file has no header.
        self.assertFalse(out_a.startswith("==>"))

    def test_stdin_among_files(self):
        a = data("de_artikel.txt")
        out = self.ok(["-n", "1", a, "-"], read("fr_article.txt"))
        self.assertIn("==> standard input <==\n", out)

    def test_empty_input(self):
        self.assertEqual(self.ok([], ""), "")
        self.assertEqual(self.ok(["--split"], " \n\t\n"), "")
        path = self.tmpfile("empty.txt", b"")
        self.assertEqual(self.ok([path]), "")
        self.assertEqual(self.ok(["--jsonl"], ""), "")
        self.assertEqual(self.ok(["--jsonl", "-j", "2"], "\n\n"), "")

    def test_bom(self):
        out = self.ok(["--split", "--format", "json"], b"\xef\xbb\xbfEin Satz.\n")
        s = json.loads(out)["sentences"]
        self.assertEqual(s[0]["text"], "Ein Satz.")
        self.assertEqual(s[0]["start"], 3)

    def test_missing_file(self):
        missing = os.path.join(self.tmp, "gibt-es-nicht.txt")
        rc, out, err = run([missing])
        self.assertEqual(rc, 1)
        self.assertEqual(out, b"")
        # the system's message, whole (not "error 2")
        self.assertEqual(err, "kurz: %s: No such file or directory\n" % missing)
        rc, out, err = run(["--format", "json", missing])
        self.assertEqual(json.loads(out), {"file": missing, "error": "No such file or directory"})
        rc, out, err = run(["--jsonl", missing])
        self.assertEqual((rc, out, err), (1, b"", "kurz: %s: No such file or directory\n" % missing))
        # The run goes on with the next file.
        rc, out, err = run(["-n", "2", missing, data("de_artikel.txt")])
        self.assertEqual(rc, 1)
        self.assertIn(missing, err)
        lines = out.decode().splitlines()
        self.assertEqual(lines[0], "==> %s <==" % data("de_artikel.txt"))
        self.assertEqual(len(lines), 3)

    def test_directory(self):
        rc, out, err = run([self.tmp])
        self.assertEqual(rc, 1)
        self.assertEqual(err, "kurz: %s: Is a directory\n" % self.tmp)

    def test_invalid_utf8(self):
        bad = self.tmpfile("bad.txt", b"Ein guter Satz. Dann \xff kaputt.\n")
        rc, out, err = run([bad])
        self.assertEqual(rc, 1)
        self.assertEqual(out, b"")
        self.assertEqual(err, "kurz: %s: invalid UTF-8 at byte 21\n" % bad)
        trunc = self.tmpfile("trunc.txt", b"abc \xc3")
        rc, out, err = run([trunc, data("de_artikel.txt")])
        self.assertEqual(rc, 1)
        self.assertIn("%s: invalid UTF-8 at byte 4" % trunc, err)
        self.assertIn("==> %s <==" % data("de_artikel.txt"), out.decode())
        # From standard input.
        rc, out, err = run([], b"\xc0\xaf overlong")
        self.assertEqual(rc, 1)
        self.assertIn("invalid UTF-8 at byte 0", err)
        # An encoded surrogate is not UTF-8 either.
        rc, out, err = run(["--split"], b"ok \xed\xa0\x80")
        self.assertEqual(rc, 1)
        self.assertIn("invalid UTF-8 at byte 3", err)

    def test_max_input_bytes(self):
        rc, out, err = run(["--max-input-bytes", "100", data("de_artikel.txt")])
        self.assertEqual(rc, 1)
        self.assertIn("larger than 100 bytes", err)
        rc, out, err = run(["--max-input-bytes", "100"], read("de_artikel.txt"))
        self.assertEqual(rc, 1)
        # (too short to identify: a note on stderr, see Languages)
        self.assertEqual(run(["--max-input-bytes", "100"], "Kurz. Knapp.\n")[:2],
                         (0, run([], "Kurz. Knapp.\n")[1]))
        self.assertEqual(self.ok(["--max-input-bytes", "0"], ""), "")

    def test_large_input(self):
        # Far beyond any fixed buffer, through a pipe.
        text = read("de_artikel.txt").decode() * 300
        out = self.ok(["-n", "2"], text)
        self.assertEqual(len(out.splitlines()), 2)


class Errors(Base):
    def test_usage_errors(self):
        cases = [
            ["--frobnicate"], ["-x"], ["-n"], ["-n", "abc"], ["-n", "-1"], ["-n", "3x"],
            ["-n", " 3"], ["-n", "+3"], ["-n", "0"], ["-n", ""], ["-n", "99999999999999999999"],
            ["-n", "1", "-w", "5"], ["-n", "2", "-r", "0.5"], ["-r", "0.5", "-w", "9"],
            ["-r", "2"], ["-r", "0"], ["-r", "150%"], ["-r", "abc"], ["-r", "0.5x"],
            ["-r", "-0.5"], ["-w", "-5"], ["-w", "1.5"],
            ["-l", "xx"], ["-l", ""], ["--language=klingon"], ["--strict"], ["--strict", "-n", "3"],
            ["--format", "xml"], ["--format"], ["--algorithm", "pagerank"],
            ["--damping", "1.5"], ["--damping", "1"], ["--redundancy", "-1"],
            ["--position-weight", "x"], ["--title-weight", "2"],
            ["--max-input-bytes", "1X"], ["--max-input-bytes", "-1"],
            ["--max-input-bytes", "99999999999"],
            ["--split", "-n", "3"], ["--jsonl", "--format", "text"], ["-j", "abc"],
            ["-j", "-1"], ["--split=yes"], ["--help=me"], ["-hx"],
        ]
        for args in cases:
            with self.subTest(args=args):
                self.usage_error(args + [data("de_artikel.txt")])

    def test_usage_messages(self):
        msg = self.usage_error(["-n", "2", "-w", "5"])
        self.assertIn("-n", msg)
        self.assertIn("-w", msg)
        self.assertIn("'--frobnicate'", self.usage_error(["--frobnicate"]))
        self.assertIn("xx", self.usage_error(["-l", "xx"]))

    def test_write_error(self):
        if not os.path.exists("/dev/full"):
            self.skipTest("no /dev/full")
        for args in (["-n", "2", data("de_artikel.txt")],
                     ["--format", "json", data("de_artikel.txt"), data("fr_article.txt")],
                     ["--split", "-j", "2", data("de_artikel.txt"), data("fr_article.txt")]):
            with self.subTest(args=args), open("/dev/full", "wb") as full:
                rc, _, err = run(args, stdout=full)
                self.assertEqual(rc, 1)
                self.assertIn("kurz: write error", err)
        with open("/dev/full", "wb") as full:
            rc, _, err = run(["--jsonl", "-j", "2"], corpus(200)[0], stdout=full)
            self.assertEqual(rc, 1)
            self.assertIn("kurz: write error", err)
        with open("/dev/full", "wb") as full:
            rc, _, err = run(["--help"], stdout=full)
            self.assertEqual(rc, 1)


class Info(Base):
    def test_help(self):
        out = self.ok(["--help"])
        self.assertEqual(self.ok(["-h"]), out)
        self.assertTrue(out.startswith("Usage: kurz "))
        for opt in ("-l, --language", "--list-languages", "-n, --sentences", "-r, --ratio",
                    "-w, --words", "--strict", "--algorithm", "--damping", "--position-weight",
                    "--redundancy", "--title-weight", "--no-boilerplate-filter",
                    "--max-input-bytes", "--format", "--split", "--jsonl", "-j, --jobs",
                    "--help", "--version", "default: auto", "default: 3 sentences",
                    "--identify", "--identify-lines", "--keywords", "--keyword-words"):
            self.assertIn(opt, out)
        # Help wins over other options, as in GNU tools.
        self.assertEqual(self.ok(["-n", "3", "--help"]), out)

    def test_help_tells_the_defaults(self):
        # Every default --help shows is the one in force: giving it
        # explicitly changes no byte of the output (scores included).
        help_lines = self.ok(["--help"]).splitlines()
        help_text = fold("\n".join(help_lines))
        shown = {}
        for opt in ("language", "algorithm", "damping", "position-weight", "redundancy",
                    "title-weight", "max-input-bytes", "jobs"):
            # the option's entry: its line and the indented lines under it
            at = [i for i, l in enumerate(help_lines) if re.match(r" .*--%s=" % opt, l)]
            self.assertEqual(len(at), 1, opt)
            entry = [help_lines[at[0]]]
            for l in help_lines[at[0] + 1:]:
                if not l.startswith(" " * 27):
                    break
                entry.append(l)
            m = re.search(r"default: ([^;)\s]+)", fold(" ".join(entry)))
            self.assertTrue(m, opt)
            shown[opt] = m.group(1)
        self.assertEqual(shown["language"], "auto")
        for name in ("de_artikel.txt", "noisy_de.txt"):
            base = self.ok(["--format", "json", "-n", "4", data(name)])
            for opt, value in shown.items():
                self.assertEqual(self.ok(["--format", "json", "-n", "4", "--%s=%s" % (opt, value),
                                          data(name)]), base, (opt, value))
        # and the boilerplate filter is on unless turned off
        self.assertIn("the filter is on by default", help_text)

    def test_version(self):
        out = self.ok(["--version"])
        # the command's own version, then the version of the libkurz it loaded
        m = re.match(r"^kurz (\d+\.\d+\.\d+) \(libkurz (\d+\.\d+\.\d+)\)\n$", out)
        self.assertIsNotNone(m, out)
        self.assertEqual(m.group(1), m.group(2))  # built together here
        self.assertEqual(self.ok(["-V"]), out)

    def test_languages(self):
        codes = self.lines(["-l", "list"])
        self.assertIn("de", codes)
        self.assertIn("fr", codes)
        self.assertEqual(self.lines(["--list-languages"]), codes)
        # Snowball names and any letter case are accepted too.
        self.assertEqual(len(self.lines(["-l", "FR", "-n", "1", data("fr_article.txt")])), 1)
        self.assertEqual(len(self.lines(["-l", "french", "-n", "1", data("fr_article.txt")])), 1)


def corpus(n):
    """A JSON Lines corpus of n good records made from the samples."""
    de = read("de_artikel.txt").decode().split("\n\n")
    fr = read("fr_article.txt").decode().split("\n\n")
    lines, ids = [], []
    for i in range(n):
        if i % 2:
            paras = fr[1:][i % (len(fr) - 1):] + fr[1:][:i % (len(fr) - 1)]
            rec = {"id": "fr-%d" % i, "lang": "fr", "text": fr[0] + "\n\n" + "\n\n".join(paras)}
        else:
            paras = de[1:][i % (len(de) - 1):] + de[1:][:i % (len(de) - 1)]
            rec = {"id": i, "text": de[0] + "\n\n" + "\n\n".join(paras),
                   "meta": {"tags": ["a", {"b": [1, 2.5e3, None, True]}], "s": "}\"]"}}
        lines.append(json.dumps(rec, ensure_ascii=bool(i % 3)))
        ids.append(rec["id"])
    return ("\n".join(lines) + "\n").encode(), ids


class Languages(Base):
    """-l auto, the default: each document's language is identified."""

    def test_auto_is_the_default_and_equals_the_language_given(self):
        for name, lang in (("fr_article.txt", "fr"), ("de_artikel.txt", "de"),
                           ("noisy_fr.txt", "fr"), ("noisy_de_blog.txt", "de")):
            given = self.ok(["--format", "json", "-l", lang, data(name)])
            auto = self.ok(["--format", "json", data(name)])
            self.assertEqual(self.ok(["--format", "json", "-l", "auto", data(name)]), auto)
            g, a = json.loads(given), json.loads(auto)
            self.assertEqual(g.pop("language_source"), "given")
            self.assertEqual(a.pop("language_source"), "detected")
            self.assertEqual(a, g, name)

    def test_text_in_no_listed_language_is_summarized_generically(self):
        pl = ("Wczoraj w Krakowie otwarto nową bibliotekę miejską. Budynek ma trzy "
              "piętra i duży ogród na dachu. Mieszkańcy chwalą przestronne sale.\n")
        doc = json.loads(self.ok(["--format", "json", "-n", "2", "-"], pl.encode()))
        self.assertEqual(doc["language"], "und")
        self.assertEqual(doc["language_source"], "detected")
        self.assertEqual(len(doc["sentences"]), 2)

    def test_identify_files(self):
        self.assertEqual(self.lines(["--identify", data("fr_article.txt")]), ["fr"])
        out = self.lines(["--identify", data("de_artikel.txt"), data("noisy_fr.txt")])
        self.assertEqual([l for l in out if l and not l.startswith("==>")], ["de", "fr"])
        doc = json.loads(self.ok(["--identify", "--format", "json", data("noisy_de.txt")]))
        self.assertEqual(doc["file"], data("noisy_de.txt"))
        self.assertEqual(doc["language"], "de")
        self.assertEqual(doc["candidates"][0]["language"], "de")
        self.assertGreater(doc["confidence"], 0.5)
        self.assertLessEqual(doc["confidence"], 1.0)

    def test_identify_lines_one_answer_per_line(self):
        text = ("Der Zug nach Hamburg hatte heute zwanzig Minuten Verspätung.\n"
                "\n"
                "Le train pour Lyon est parti avec vingt minutes de retard.\n"
                "The train to Leeds left twenty minutes late this morning.\n").encode() + \
            b"\xff broken\n12345\n"
        rc, out, err = run(["--identify-lines"], text)
        self.assertEqual(rc, 1)  # the broken line is an error
        self.assertEqual(out.decode().splitlines(), ["de", "und", "fr", "en", "und", "und"])
        self.assertIn(":5: invalid UTF-8 at byte 0", err)
        rc, out, err = run(["--identify-lines", "--format", "json"], text)
        docs = [json.loads(l) for l in out.decode().splitlines()]
        self.assertEqual([d["line"] for d in docs], [1, 2, 3, 4, 5, 6])
        self.assertEqual(docs[2]["language"], "fr")
        self.assertIn("error", docs[4])

    def test_identify_records(self):
        recs = [json.dumps({"id": 7, "text": read("fr_article.txt").decode()}),
                json.dumps({"id": "x", "text": read("de_artikel.txt").decode(), "lang": "fr"})]
        docs = [json.loads(l) for l in
                self.ok(["--identify", "--jsonl", "-j", "2"], "\n".join(recs) + "\n").splitlines()]
        # the text decides, not the record's "lang"
        self.assertEqual([(d["id"], d["language"]) for d in docs], [(7, "fr"), ("x", "de")])

    PL = ("Wczoraj w Krakowie otwarto nową bibliotekę miejską. Budynek ma trzy "
          "piętra i duży ogród na dachu. Mieszkańcy chwalą przestronne sale.\n")
    CONF = re.compile(r"^(?:[a-z]{2}|und) (?:0\.\d{1,4}|1\.0)$")

    def test_detect_language_text_is_code_and_confidence(self):
        out = self.lines(["--detect-language", data("fr_article.txt")])
        self.assertEqual(len(out), 1)
        self.assertRegex(out[0], self.CONF)
        code, conf = out[0].split(" ")
        self.assertEqual(code, "fr")
        doc = json.loads(self.ok(["--detect-language", "--format", "json",
                                  data("fr_article.txt")]))
        self.assertEqual(float(conf), doc["confidence"])
        self.assertGreater(float(conf), 0.5)
        # empty, blank and foreign text: und, confidence 0.0
        empty = self.tmpfile("empty.txt", b"")
        blank = self.tmpfile("blank.txt", b" \n\t\n")
        pl = self.tmpfile("pl.txt", self.PL)
        for path in (empty, blank, pl):
            self.assertEqual(self.lines(["--detect-language", path]), ["und 0.0"], path)
        self.assertEqual(self.lines(["--detect-language"], self.PL), ["und 0.0"])
        # several FILEs: a header, then the answer, for each
        out = self.lines(["--detect-language", data("de_artikel.txt"), empty,
                          data("noisy_fr.txt")])
        self.assertEqual(out[0], "==> %s <==" % data("de_artikel.txt"))
        self.assertEqual(out[3], "==> %s <==" % empty)
        self.assertEqual(out[4], "und 0.0")
        self.assertEqual([l.split(" ")[0] for l in out[1::3]], ["de", "und", "fr"])
        for l in out[1::3]:
            self.assertRegex(l, self.CONF)
        # a FILE that cannot be read: a message, exit status 1, the others answered
        missing = os.path.join(self.tmp, "missing.txt")
        rc, out, err = run(["--detect-language", missing, pl])
        self.assertEqual(rc, 1)
        self.assertEqual(out.decode().splitlines(), ["==> %s <==" % pl, "und 0.0"])
        self.assertIn("kurz: %s: " % missing, err)
        rc, out, err = run(["--detect-language", "--format", "json", missing, pl])
        docs = [json.loads(l) for l in out.decode().splitlines()]
        self.assertEqual([list(d) for d in docs],
                         [["file", "error"], ["file", "language", "confidence", "candidates"]])

    def test_detect_language_json(self):
        doc_out = self.ok(["--detect-language", "--format", "json", data("noisy_de.txt")])
        doc = json.loads(doc_out)
        self.assertEqual(list(doc), ["file", "language", "confidence", "candidates"])
        self.assertEqual((doc["file"], doc["language"]), (data("noisy_de.txt"), "de"))
        self.assertTrue(0.5 < doc["confidence"] <= 1.0)
        self.assertEqual(doc["candidates"][0], {"language": "de", "score": doc["confidence"]})
        scores = [c["score"] for c in doc["candidates"]]
        self.assertEqual(scores, sorted(scores, reverse=True))
        # --identify is the same in JSON
        self.assertEqual(self.ok(["--identify", "--format", "json", data("noisy_de.txt")]),
                         doc_out)
        und = json.loads(self.ok(["--detect-language", "--format", "json", "-"], ""))
        self.assertEqual(und, {"file": "-", "language": "und", "confidence": 0.0,
                               "candidates": []})
        self.assertIsInstance(und["confidence"], float)

    def test_detect_language_jsonl(self):
        fr = "Le train pour Lyon est parti avec vingt minutes de retard ce matin."
        de = "Der Zug nach Hamburg hatte heute zwanzig Minuten Verspätung."
        lines = [json.dumps({"id": 1, "text": de}).encode(),
                 json.dumps({"text": fr}).encode(),                       # no id
                 json.dumps({"id": "e", "text": ""}).encode(),            # empty
                 json.dumps({"id": "w", "text": " \n\t "}).encode(),      # blank
                 b'{"id": "bad", "text": "Caf\xe9 au lait"}',              # not UTF-8
                 json.dumps({"id": [1]}).encode(),                         # bad record
                 json.dumps({"id": 7, "text": fr, "lang": "de"}).encode(),
                 json.dumps({"id": "pl", "text": self.PL}).encode()]
        rc, out, err = run(["--detect-language", "--jsonl"], b"\n".join(lines) + b"\n")
        self.assertEqual(rc, 1)  # two bad records
        docs = [json.loads(l) for l in out.decode().splitlines()]
        self.assertEqual(len(docs), len(lines))  # one line per record, in order
        ok = [d for d in docs if "error" not in d]
        for d in ok:
            self.assertEqual(list(d)[1:3], ["language", "confidence"])
            self.assertTrue(0.0 <= d["confidence"] <= 1.0)
        self.assertEqual([list(d)[0] for d in ok], ["id", "line", "id", "id", "id", "id"])
        self.assertEqual([(d.get("id", d.get("line")), d["language"]) for d in ok],
                         [(1, "de"), (2, "fr"), ("e", "und"), ("w", "und"), (7, "fr"),
                          ("pl", "und")])  # the text decides, not "lang"
        self.assertEqual([d["confidence"] for d in ok if d["language"] == "und"],
                         [0.0, 0.0, 0.0])
        at = lines[4].index(b"\xe9")
        self.assertEqual(docs[4], {"id": "bad", "error": "invalid UTF-8 at byte %d" % at})
        self.assertEqual(list(docs[5]), ["line", "error"])
        self.assertIn(":5: invalid UTF-8 at byte %d" % at, err)

    def test_detect_language_jsonl_order_with_jobs(self):
        fr = read("fr_article.txt").decode()
        de = read("de_artikel.txt").decode()
        recs = []
        for i in range(240):
            text = (fr, de, "", "Ok.")[i % 4]
            recs.append(json.dumps({"id": i, "text": text[:(i * 37) % len(text) + 1]
                                    if text else text}))
        stdin = "\n".join(recs) + "\n"
        one = self.ok(["--detect-language", "--jsonl"], stdin)
        two = self.ok(["--detect-language", "--jsonl", "-j", "2"], stdin)
        self.assertEqual(two, one)
        docs = [json.loads(l) for l in one.splitlines()]
        self.assertEqual([d["id"] for d in docs], list(range(240)))
        self.assertEqual({d["language"] for d in docs[0::4]} - {"und"}, {"fr"})
        self.assertEqual({d["language"] for d in docs[2::4]}, {"und"})

    def test_detect_language_reads_only_the_start(self):
        # an endless standard input: kurz answers and ends
        p = subprocess.run("yes 'Le train pour Lyon est parti avec vingt minutes de retard.' | "
                           "'%s' --detect-language" % KURZ, shell=True, timeout=60,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.assertEqual((p.returncode, p.stderr), (0, b""))
        self.assertRegex(p.stdout.decode(), r"\Afr (0\.\d{1,4}|1\.0)\n\Z")
        # bytes past the start are not read: a bad byte there is no error
        # for --detect-language, and is one for a summary
        big = self.tmpfile("big.txt", read("fr_article.txt") * 200 + b"\xff")
        self.assertGreater(os.path.getsize(big), 256 << 10)
        got = self.lines(["--detect-language", big])
        self.assertEqual(len(got), 1)
        self.assertRegex(got[0], r"^fr (0\.\d{1,4}|1\.0)$")
        self.assertEqual(run(["-n", "1", big])[0], 1)
        # a smaller --max-input-bytes still refuses a longer FILE
        rc, out, err = run(["--detect-language", "--max-input-bytes", "1K", big])
        self.assertEqual((rc, out), (1, b""))
        self.assertIn("larger than 1024 bytes", err)

    def test_identify_keeps_its_output(self):
        # --identify: the code alone; --identify-lines: one code per line
        self.assertEqual(self.lines(["--identify"], self.PL), ["und"])
        self.assertEqual(self.lines(["--identify", data("de_artikel.txt")]), ["de"])
        text = ("Der Zug nach Hamburg hatte heute zwanzig Minuten Verspätung.\n\n").encode() + \
            b"\xff broken\n"
        rc, out, err = run(["--identify-lines"], text)
        self.assertEqual(out.decode().splitlines(), ["de", "und", "und"])
        # ... with --detect-language, CODE CONFIDENCE per line
        rc2, out2, err2 = run(["--identify-lines", "--detect-language"], text)
        self.assertEqual((rc2, err2), (rc, err))
        got = out2.decode().splitlines()
        self.assertEqual(len(got), 3)
        for l in got:
            self.assertRegex(l, self.CONF)
        self.assertEqual([l.split(" ")[0] for l in got], ["de", "und", "und"])
        self.assertEqual(got[1:], ["und 0.0", "und 0.0"])

    def test_detect_language_usage_errors(self):
        for args in (["--detect-language", "-n", "3"], ["--detect-language", "--split"],
                     ["--detect-language", "--keywords", "3"],
                     ["--detect-language", "--jsonl", "--format", "text"]):
            rc, out, err = run(args, b"")
            self.assertEqual(rc, 2, args)
            self.assertEqual(out, b"")
        self.assertIn("--detect-language prints languages", run(["--detect-language", "-n", "3"])[2])
        self.assertIn("--identify prints languages", run(["--identify", "-n", "3"])[2])

    def test_language_source_in_records(self):
        fr = read("fr_article.txt").decode()
        recs = [{"id": 1, "text": fr}, {"id": 2, "text": fr, "lang": "fr"},
                {"id": 3, "text": fr, "lang": "auto"}, {"id": 4, "text": fr, "lang": None},
                {"id": 5, "text": self.PL}, {"id": 6, "text": self.PL, "lang": "de"},
                {"id": 7, "text": ""}]
        stdin = "\n".join(json.dumps(r) for r in recs) + "\n"
        docs = [json.loads(l) for l in self.ok(["--jsonl", "-n", "1"], stdin).splitlines()]
        self.assertEqual([(d["language"], d["language_source"]) for d in docs],
                         [("fr", "detected"), ("fr", "given"), ("fr", "detected"),
                          ("fr", "detected"), ("und", "detected"), ("de", "given"),
                          ("und", "detected")])
        for d in docs:
            self.assertEqual(list(d)[:3], ["id", "language", "language_source"])
        # und: still summarized, with the generic pipeline
        self.assertEqual(len(docs[4]["sentences"]), 1)
        self.assertIn(docs[4]["sentences"][0]["text"], self.PL)
        # -l gives the default: "given" for records without "lang"
        docs = [json.loads(l) for l in self.ok(["--jsonl", "-l", "fr", "-n", "1"],
                                                stdin).splitlines()]
        self.assertEqual([d["language_source"] for d in docs],
                         ["given", "given", "detected", "given", "given", "given", "given"])

    def test_text_output_says_when_no_language_fits(self):
        rc, out, err = run(["-n", "2"], self.PL)
        self.assertEqual(rc, 0)
        self.assertEqual(len(out.decode().splitlines()), 2)  # still summarized
        self.assertEqual(err, "kurz: standard input: language not identified (und): processed "
                         "with generic rules (no stemming, no stop words); -l LANG gives it\n")
        pl = self.tmpfile("pl.txt", self.PL)
        rc, out, err = run(["--keywords", "3", pl])
        self.assertEqual(rc, 0)
        self.assertTrue(err.startswith("kurz: %s: language not identified (und)" % pl), err)
        # not when the language fits, is given, or there is nothing to summarize;
        # JSON says it in "language" instead
        self.ok(["-n", "2", data("fr_article.txt")])
        self.ok(["-n", "2", "-l", "de"], self.PL)
        self.ok([], "")
        self.ok([], " \n\n")
        self.assertEqual(json.loads(self.ok(["--format", "json"], self.PL))["language"], "und")
        self.ok(["--jsonl"], json.dumps({"id": 1, "text": self.PL}) + "\n")

    def test_identify_usage_errors(self):
        for args in (["--identify", "-n", "3"], ["--identify", "--split"],
                     ["--identify-lines", "--jsonl"]):
            self.assertEqual(run(args, b"")[0], 2, args)


class Keywords(Base):
    """--keywords N: key phrases, in text output instead of the summary, in
    JSON beside it."""

    TEXT = ("Das neue Rechenzentrum der Stadtwerke steht in Halle. "
            "Elon Musk besuchte am Montag das Rechenzentrum. "
            "Die Stadtwerke wollen zwei weitere Rechenzentren bauen. "
            "Nach dem Besuch sprach Elon Musk mit den Stadtwerken über Strom.\n")

    def test_text_output_is_the_phrases_best_first(self):
        lines = self.lines(["-l", "de", "--keywords", "3", "-"], self.TEXT)
        self.assertEqual(len(lines), 3)
        self.assertIn("Elon Musk", lines)
        # Rechenzentrum and Rechenzentren are one phrase
        self.assertEqual(sum(1 for l in lines if l.startswith("Rechenzent")), 1)
        self.assertEqual(self.lines(["-l", "de", "--keywords", "3", "-"], self.TEXT),
                         self.lines(["--keywords", "3", "-"], self.TEXT))  # auto: German

    def test_json_has_keywords_beside_the_summary(self):
        raw = self.TEXT.encode()
        doc = json.loads(self.ok(["--format", "json", "-n", "1", "--keywords", "4", "-"],
                                 self.TEXT))
        self.assertEqual(len(doc["sentences"]), 1)
        kws = doc["keywords"]
        self.assertEqual(len(kws), 4)
        scores = [k["score"] for k in kws]
        self.assertEqual(scores, sorted(scores, reverse=True))
        for k in kws:
            self.assertEqual(set(k), {"text", "score", "count", "start", "end"})
            self.assertGreaterEqual(k["count"], 1)
            # the span is the first occurrence of the phrase as written
            first = raw[k["start"]:k["end"]].decode()
            self.assertEqual(" ".join(first.split()), k["text"])
            self.assertEqual(raw.find(first.encode()), k["start"])
        musk = [k for k in kws if k["text"] == "Elon Musk"]
        self.assertEqual(len(musk), 1)
        self.assertEqual(musk[0]["count"], 2)
        # without --keywords there is no such member
        self.assertNotIn("keywords", json.loads(self.ok(["--format", "json", "-"], self.TEXT)))

    def test_jsonl_records(self):
        recs = [json.dumps({"id": 1, "text": self.TEXT}),
                json.dumps({"id": 2, "text": read("fr_article.txt").decode(), "lang": "fr"})]
        docs = [json.loads(l) for l in
                self.ok(["--jsonl", "-j", "2", "--keywords", "2"], "\n".join(recs) + "\n")
                .splitlines()]
        self.assertEqual([len(d["keywords"]) for d in docs], [2, 2])
        self.assertEqual(docs[1]["language"], "fr")

    def test_phrase_length_cap_and_errors(self):
        for k in json.loads(self.ok(["--format", "json", "--keywords", "10",
                                     "--keyword-words", "1", "-"], self.TEXT))["keywords"]:
            self.assertEqual(len(k["text"].split()), 1, k)
        for args in (["--keywords", "0"], ["--keywords", "x"], ["--keywords", "3", "--split"],
                     ["--keywords", "3", "--identify"], ["--keyword-words", "0"]):
            self.assertEqual(run(args + ["-"], b"Ein Satz.")[0], 2, args)


class Title(Base):
    """--title and the "title" member of --jsonl records (issue 17)."""
    # A town's budget, and one sentence about bees: a title about bees
    # must lift that sentence (index 3).
    TEXT = ("Die Stadt Lindenau hat im vergangenen Jahr einen neuen Haushalt beschlossen. "
            "Der Gemeinderat stimmte nach langer Debatte mit knapper Mehrheit zu. "
            "F\u00fcr Schulen und Stra\u00dfen sind dabei mehr Mittel vorgesehen als bisher. "
            "Die Imker am Stadtrand klagen dagegen \u00fcber ein schweres Jahr f\u00fcr ihre "
            "Bienen und \u00fcber leere Waben. "
            "Viele B\u00fcrger besuchten die Versammlung im Rathaus und stellten Fragen. "
            "Der B\u00fcrgermeister will den Haushalt im Herbst noch einmal pr\u00fcfen lassen.\n")
    TITLE = "Bienen sterben: Imker in Sorge um leere Waben"
    BEES = 3

    def scores(self, args, text=None):
        """The score of every sentence (-r 1: all are in the summary)."""
        path = self.tmpfile("t.txt", text or self.TEXT)
        d = json.loads(self.ok(["-l", "de", "-r", "1", "--format", "json"] + args + [path]))
        return {s["index"]: s["score"] for s in d["sentences"]}

    def margin(self, sc):
        """How far the bees sentence is ahead of the best other one."""
        return sc[self.BEES] - max(v for k, v in sc.items() if k != self.BEES)

    def test_title_lifts_the_sentence_that_shares_its_words(self):
        plain = self.scores([])
        titled = self.scores(["--title", self.TITLE])
        self.assertEqual(sorted(plain), list(range(6)))
        self.assertGreater(titled[self.BEES], plain[self.BEES])
        self.assertGreater(self.margin(titled), self.margin(plain))
        # a title without a word of the text changes nothing but the model
        # (the one trained with titles): the bees sentence gains nothing
        other = self.scores(["--title", "Wetter"])
        self.assertLess(self.margin(other), self.margin(titled))
        self.assertEqual(self.scores(["--title=" + self.TITLE]), titled)

    def test_jsonl_title_member(self):
        recs = [
            {"id": 1, "text": self.TEXT, "lang": "de", "title": self.TITLE},
            {"id": 2, "text": self.TEXT, "lang": "de"},
            {"id": 3, "text": self.TEXT, "lang": "de", "title": None},
            {"id": 4, "title": self.TITLE, "text": self.TEXT, "lang": "de"},
        ]
        out = self.ok(["--jsonl", "-r", "1"], "".join(json.dumps(r) + "\n" for r in recs))
        got = [{s["index"]: s["score"] for s in json.loads(l)["sentences"]}
               for l in out.splitlines()]
        self.assertEqual(got[0], self.scores(["--title", self.TITLE]))
        # the next record has no title: the first one's is not kept
        self.assertEqual(got[1], self.scores([]))
        self.assertEqual(got[2], self.scores([]))
        self.assertEqual(got[3], got[0])

    def test_jsonl_title_default_and_override(self):
        recs = [{"id": 1, "text": self.TEXT, "lang": "de"},
                {"id": 2, "text": self.TEXT, "lang": "de", "title": "Wetter"},
                {"id": 3, "text": self.TEXT, "lang": "de", "title": None}]
        out = self.ok(["--jsonl", "-r", "1", "--title", self.TITLE],
                      "".join(json.dumps(r) + "\n" for r in recs))
        got = [{s["index"]: s["score"] for s in json.loads(l)["sentences"]}
               for l in out.splitlines()]
        self.assertEqual(got[0], self.scores(["--title", self.TITLE]))  # --title's
        self.assertEqual(got[1], self.scores(["--title", "Wetter"]))     # its own
        self.assertEqual(got[2], got[0])  # null: as if absent

    def test_jsonl_bad_title(self):
        rc, raw, err = run(["--jsonl", "-l", "de", "-n", "1"],
                           '{"id": 7, "text": "Ein Satz. Noch einer.", "title": 5}\n'
                           '{"id": 8, "text": "Ein Satz. Noch einer.", "title": ["x"]}\n'
                           '{"id": 9, "text": "Ein Satz.", "title": "a", "title": "b"}\n'
                           '{"id": 10, "text": "Ein Satz. Noch einer.", "title": ""}\n')
        self.assertEqual(rc, 1, err)
        docs = [json.loads(l) for l in raw.decode().splitlines()]
        self.assertEqual([d["id"] for d in docs], [7, 8, 9, 10])
        self.assertIn('"title" must be a string or null', docs[0]["error"])
        self.assertIn('"title" must be a string or null', docs[1]["error"])
        self.assertIn('duplicate member "title"', docs[2]["error"])
        self.assertNotIn("error", docs[3])  # an empty title is a title
        self.assertEqual(len(docs[3]["sentences"]), 1)

    def test_title_with_split_and_files(self):
        path = self.tmpfile("t.txt", self.TEXT)
        # --split ignores the title: every sentence, as without it
        self.assertEqual(self.ok(["-l", "de", "--split", "--title", self.TITLE, path]),
                         self.ok(["-l", "de", "--split", path]))
        # every FILE gets the title
        two = self.ok(["-l", "de", "-r", "1", "--format", "json", "--title", self.TITLE,
                       path, path])
        recs = [json.loads(l) for l in two.splitlines()]
        self.assertEqual(len(recs), 2)
        self.assertEqual(recs[0]["sentences"], recs[1]["sentences"])
        self.assertEqual({s["index"]: s["score"] for s in recs[1]["sentences"]},
                         self.scores(["--title", self.TITLE]))

    def test_title_needs_a_value_and_valid_utf8(self):
        self.assertIn("needs a value", self.usage_error(["--title"]))
        path = self.tmpfile("t.txt", self.TEXT)
        rc, out, err = run(["-l", "de", "--title", os.fsdecode(b"caf\xe9"), path])
        self.assertEqual(rc, 1)
        self.assertEqual(out, b"")
        self.assertIn("invalid UTF-8 in the title at byte 3", err)


class Jsonl(Base):
    def check_record(self, rec, text, lang):
        self.assertEqual(rec["language"], lang)
        raw = text.encode("utf-8")
        for s in rec["sentences"]:
            self.assertEqual(raw[s["start"]:s["end"]].decode("utf-8"), s["text"])
        self.assertLessEqual(len(rec["sentences"]), rec["document_sentences"])

    def test_records(self):
        de = read("de_artikel.txt").decode()
        fr = read("fr_article.txt").decode()
        recs = [
            '{"id": "a", "text": %s}' % json.dumps(de),
            '{"text": %s, "lang": "fr", "id": 2}' % json.dumps(fr, ensure_ascii=False),
            '{"id": 3.50, "lang": "french", "text": %s, "x": {"y": [1, {"z": []}]}}'
            % json.dumps(fr),
            '{"id": null, "text": "Caf\\u00e9 au lait. Un \\ud83d\\ude00 sourire.\\nFin.",'
            ' "lang": null}',
            '',
            '  {"id": true, "text": "Tab\\there. Slash\\/ here. Quote \\" here.", "lang": "de"} ',
        ]
        out = self.ok(["--jsonl", "-n", "2"], "\n".join(recs) + "\n")
        lines = out.splitlines()
        self.assertEqual(len(lines), 5)
        docs = [json.loads(l) for l in lines]
        self.assertEqual([d["id"] for d in docs], ["a", 2, 3.5, None, True])
        self.assertTrue(lines[2].startswith('{"id": 3.50, '), "id not copied as written")
        self.check_record(docs[0], de, "de")
        self.check_record(docs[1], fr, "fr")
        self.check_record(docs[2], fr, "fr")
        self.assertEqual(len(docs[0]["sentences"]), 2)
        # without "lang" (or with null), the language is identified
        self.assertEqual([d["language_source"] for d in docs],
                         ["detected", "given", "given", "detected", "given"])
        self.check_record(docs[3], "Café au lait. Un \U0001F600 sourire.\nFin.", "fr")
        self.check_record(docs[4], "Tab\there. Slash/ here. Quote \" here.", "de")

    def test_default_language_from_l(self):
        fr = read("fr_article.txt").decode()
        out = self.ok(["--jsonl", "-l", "fr"], json.dumps({"id": 1, "text": fr}) + "\n")
        self.assertEqual(json.loads(out)["language"], "fr")

    def test_split_records(self):
        out = self.ok(["--jsonl", "--split"], json.dumps({"id": 1, "text": "Eins. Zwei."}))
        rec = json.loads(out)
        self.assertEqual(len(rec["sentences"]), rec["document_sentences"])

    def test_bad_records(self):
        recs = [
            '{"id": "ok1", "text": "Ein Satz. Noch einer."}',
            '{"id": "bad1", "text": 5}',
            'not json',
            '{"id": "bad3", "text": "x", "lang": "xx"}',
            '{"text": "abc"',
            '{"id": "bad5", "text": "\\ud800 x"}',
            '{"id": "bad6", "text": "a", "text": "b"}',
            '{"id": [1], "text": "a"}',
            '{"id": "bad8"}',
            '{"id": "bad9", "text": "a"} trailing',
            '{"id": "bad10", "text": "a\tb"}',
            '{"id": 01, "text": "a"}',
            '{"id": "bad12", "text": "a", "x": [1, 2,]}',
            '{"id": "bad13", "text": "\\x"}',
            '[1, 2]',
            '{"id": "ok2", "text": "Letzter Satz."}',
        ]
        data_in = ("\n".join(recs) + "\n").encode() + b'{"id": "bad16", "text": "\xff"}\n'
        rc, out, err = run(["--jsonl"], data_in)
        self.assertEqual(rc, 1)
        lines = out.decode().splitlines()
        self.assertEqual(len(lines), len(recs) + 1)
        docs = [json.loads(l) for l in lines]
        self.assertEqual(docs[0]["id"], "ok1")
        self.assertIn("sentences", docs[0])
        self.assertEqual(docs[-2]["id"], "ok2")
        self.assertIn("sentences", docs[-2])
        for d in docs[1:-2] + docs[-1:]:
            self.assertIn("error", d)
            self.assertNotIn("sentences", d)
        self.assertEqual(docs[1]["id"], "bad1")
        self.assertEqual(docs[2], {"line": 3, "error": docs[2]["error"]})
        self.assertIn("xx", docs[3]["error"])
        self.assertEqual(docs[4]["line"], 5)
        self.assertEqual(docs[5]["id"], "bad5")
        # the id before the bad byte still names the record
        self.assertEqual(docs[-1], {"id": "bad16", "error": "invalid UTF-8 at byte 25"})
        # Each bad record is reported on stderr with its line.
        self.assertIn("kurz: standard input:2: ", err)
        self.assertIn("kurz: standard input:3: ", err)

    def test_jobs_same_output(self):
        data_in, ids = corpus(240)
        bad = data_in + b'{"id": "x", "text": 1}\n' + data_in
        outs = {}
        for j in ("1", "2", "3"):
            rc, out, err = run(["--jsonl", "-j", j, "-w", "40"], bad)
            self.assertEqual(rc, 1, err)
            self.assertNotIn("documents", err)  # no progress when stderr is no terminal
            outs[j] = out
        self.assertEqual(outs["1"], outs["2"])
        self.assertEqual(outs["1"], outs["3"])
        docs = [json.loads(l) for l in outs["1"].decode().splitlines()]
        self.assertEqual([d["id"] for d in docs], ids + ["x"] + ids)

        path = self.tmpfile("corpus.jsonl", data_in)
        rc, out2, err = run(["--jsonl", "-j", "2", path])
        self.assertEqual(rc, 0, err)
        self.assertEqual(err, "")
        rc, out1, err = run(["--jsonl", path])
        self.assertEqual(out1, out2)
        self.assertEqual(len(out1.splitlines()), 240)

    @unittest.skipUnless(hasattr(os, "sched_setaffinity"), "no CPU affinity on this system")
    def test_jobs_under_an_affinity_mask(self):
        # -j 0 counts the processors kurz may run on, and workers keep to
        # processors of their own when they match them (cli/engine.c): neither
        # may change the output, and a mask smaller than -j must still work.
        cpus = sorted(os.sched_getaffinity(0))
        data_in, ids = corpus(60)
        rc, want, err = run(["--jsonl", "-j", "1"], data_in)
        self.assertEqual(rc, 0, err)
        masks = [cpus[:1]] + ([cpus[:2]] if len(cpus) >= 2 else [])
        for mask in masks:
            for j in ("0", "1", "2", "3"):
                p = subprocess.run([KURZ, "--jsonl", "-j", j], input=data_in,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60,
                                   preexec_fn=lambda m=mask: os.sched_setaffinity(0, m))
                self.assertEqual(p.returncode, 0, (mask, j, p.stderr))
                self.assertEqual(p.stdout, want, (mask, j))

    def test_slow_reader(self):
        # The writer writes outside the engine's lock (cli/engine.c), so with a
        # full pipe the other workers go on summarizing. Read slowly, in
        # small pieces: the output must still be complete and in order.
        data_in, ids = corpus(300)
        rc, want, err = run(["--jsonl", "-j", "1"], data_in)
        self.assertEqual(rc, 0, err)
        with tempfile.TemporaryFile() as src:
            src.write(data_in)
            src.seek(0)
            p = subprocess.Popen([KURZ, "--jsonl", "-j", "3"], stdin=src,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            got = bytearray()
            while True:
                chunk = p.stdout.read1(4096)
                if not chunk:
                    break
                got += chunk
                if len(got) < 64 << 10:
                    time.sleep(0.002)  # the pipe fills while the workers run
            err = p.stderr.read()
            self.assertEqual(p.wait(timeout=60), 0, err)
        self.assertEqual(bytes(got), want)

    def test_records_after_big_and_failed_ones(self):
        # Workers reuse their items, and the items' output buffers, from one
        # record to the next (cli/engine.c); a buffer over 64 kB is freed
        # instead. Nothing of a record may show in the next one's output or
        # error, whichever worker made them, in the text format and --split
        # as well as in JSON.
        de = read("de_artikel.txt").decode()
        big = "\n\n".join([de] * 30)  # --split output well over 64 kB
        recs = [{"id": "big1", "text": big}, {"id": "s1", "text": "Kurz. Gut."},
                {"id": "bad", "text": "x", "lang": "xx"}, {"id": "s2", "text": "Eins."},
                {"id": "big2", "text": big}, {"id": "s3", "text": "Zwei. Drei."}]
        data_in = "".join(json.dumps(r) + "\n" for r in recs * 3).encode()
        want_n = {"s1": 2, "s2": 1, "s3": 2}
        for j in ("1", "2", "3"):
            rc, out, err = run(["--jsonl", "--split", "-j", j], data_in)
            self.assertEqual(rc, 1, err)
            # one error line per bad record, and nothing else on stderr
            self.assertEqual(err.count("unsupported language"), 3, err)
            self.assertEqual(len(err.splitlines()), 3, err)
            docs = [json.loads(l) for l in out.decode().splitlines()]
            self.assertEqual([d["id"] for d in docs], [r["id"] for r in recs] * 3)
            for d in docs:
                if d["id"] == "bad":
                    self.assertEqual(set(d), {"id", "error"})
                elif d["id"] in want_n:
                    self.assertNotIn("error", d)
                    self.assertEqual(len(d["sentences"]), want_n[d["id"]], (j, d))
                else:
                    self.assertGreater(len(json.dumps(d)), 64 << 10)
                    self.assertEqual(len(d["sentences"]), d["document_sentences"])

    def test_lines_across_read_chunks(self):
        # --jsonl input is read in pieces, the first of 64 kB (cli/source.c).
        # Lines that end just before, on and just after the end of the first
        # piece, CRLF split between two pieces, a line longer than two
        # pieces, a byte-order mark, a blank line and a long last line
        # without its newline must all come out whole and in order, whatever
        # the number of workers.
        chunk = 64 << 10

        def text(tag, nbytes):
            out, i = [], 0
            while sum(map(len, out)) < nbytes:
                i += 1
                out.append("Satz %d von %s ist hier. " % (i, tag))
            return "".join(out).strip()

        def line(rid, body, length=None, eol="\n"):
            rec = '{"id": "%s", "text": %s, "pad": "' % (rid, json.dumps(body))
            if length is not None:  # pad to exactly length bytes, eol included
                rec += "x" * (length - len(rec) - 2 - len(eol))
            return rec + '"}' + eol

        files, want = [], []
        # where the first line's "\n" goes: before, on and after the last
        # byte of the first chunk; with CRLF, "\r" ends the chunk
        ends = [chunk - 2, chunk - 1, chunk, chunk + 1, chunk, chunk - 1]
        for k, end in enumerate(ends):
            lead = "\ufeff" if k == 0 else ""
            eol = "\r\n" if k == 4 else "\n"
            body = {}
            for rid, n in (("a", 30000), ("long", 2 * chunk + 5000), ("b", 40), ("c", 40)):
                body[rid] = text("%d%s" % (k, rid), n)
            data = lead + line("%d-a" % k, body["a"], end + 1 - len(lead.encode()), eol)
            data += line("%d-long" % k, body["long"], eol=eol) + "\n"  # and a blank line
            data += line("%d-b" % k, body["b"], eol=eol)
            at = len(data.encode())
            if k == 5:  # a last line of 60 kB or so, without its newline
                self.assertLess(at, 4 * chunk)
                data += line("%d-c" % k, body["c"], 4 * chunk + 100 - at, eol="")
            else:
                data += line("%d-c" % k, body["c"], eol=eol)
            raw = data.encode()
            self.assertEqual(raw.index(b"\n"), end)
            files.append(self.tmpfile("c%d.jsonl" % k, raw))
            want += [("%d-%s" % (k, rid), body[rid]) for rid in ("a", "long", "b", "c")]
        for j in ("1", "2", "3"):
            out = self.ok(["--jsonl", "--split", "-j", j] + files)
            docs = [json.loads(l) for l in out.splitlines()]
            self.assertEqual([d["id"] for d in docs], [rid for rid, _ in want], j)
            for d, (rid, body) in zip(docs, want):
                self.check_record(d, body, "de")
                self.assertEqual("".join(s["text"] for s in d["sentences"]).replace(" ", ""),
                                 body.replace(" ", ""), (j, rid))

    def test_several_jsonl_files(self):
        a = self.tmpfile("a.jsonl", '{"id": 1, "text": "Eins."}\n')
        b = self.tmpfile("b.jsonl", '{"text": 1}\n{"id": 2, "text": "Zwei."}')
        rc, out, err = run(["--jsonl", a, b])
        self.assertEqual(rc, 1)
        docs = [json.loads(l) for l in out.decode().splitlines()]
        self.assertEqual(len(docs), 3)
        self.assertEqual(docs[1]["file"], b)
        self.assertEqual(docs[1]["line"], 1)
        self.assertEqual(docs[2]["id"], 2)
        self.assertIn("%s:1: " % b, err)


class Robustness(Base):
    """The defects of the command reported in issue 20."""

    def test_long_line_is_skipped(self):
        # A --jsonl line over --max-input-bytes gives an error record (with
        # its line number, and its id when the id comes first) and the run
        # goes on, whatever the line's length and the number of workers.
        good = ['{"id": %d, "text": "Eins ist hier. Zwei ist da."}' % i for i in range(100)]
        for big_len in (1001, 70000, 300000):
            huge_id = '{"id": "huge", "text": "%s"}' % ("x" * big_len)
            # an id far behind the start is not looked for
            huge_noid = '{"text": "%s", "id": "late"}' % ("y" * (big_len + 8192))
            lines = good[:50] + [huge_id] + good[50:] + [huge_noid, good[0]]
            data_in = ("\n".join(lines) + "\n").encode()
            for j in ("1", "2"):
                rc, out, err = run(["--jsonl", "--max-input-bytes", "1000", "-j", j], data_in)
                self.assertEqual(rc, 1, err)
                docs = [json.loads(l) for l in out.decode().splitlines()]
                self.assertEqual(len(docs), 103)
                msg = "line longer than 1000 bytes (see --max-input-bytes)"
                self.assertEqual(docs[50], {"id": "huge", "line": 51, "error": msg})
                self.assertEqual(docs[101], {"line": 102, "error": msg})
                for d in docs[:50] + docs[51:101] + docs[102:]:
                    self.assertNotIn("error", d)
                self.assertEqual([d["id"] for d in docs[51:101]], list(range(50, 100)))
                self.assertEqual(err, "kurz: standard input:51: %s\n"
                                      "kurz: standard input:102: %s\n" % (msg, msg))

    def test_long_line_memory_is_bounded(self):
        # A 128 MB line with a 1000-byte limit is not held in memory: the
        # peak stays far below the line's size.
        size = 128 << 20
        p = subprocess.Popen([KURZ, "--jsonl", "--max-input-bytes", "1000"],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL)
        import threading
        got = []
        reader = threading.Thread(target=lambda: got.append(p.stdout.read()))
        reader.start()
        p.stdin.write(b'{"id": 1, "text": "Kurz. Gut."}\n{"id": 2, "text": "')
        chunk = b"z" * (1 << 20)
        for _ in range(size >> 20):
            p.stdin.write(chunk)
        p.stdin.write(b'"}\n{"id": 3, "text": "Eins. Zwei."}\n')
        p.stdin.close()
        reader.join()
        _, status, usage = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        self.assertEqual(p.returncode, 1)
        docs = [json.loads(l) for l in got[0].decode().splitlines()]
        self.assertEqual([d["id"] for d in docs], [1, 2, 3])
        self.assertIn("error", docs[1])
        self.assertLess(usage.ru_maxrss * 1024, size // 2)  # ru_maxrss is in kB

    def test_out_of_memory_keeps_finished_records(self):
        # When memory runs out (here: a request over KURZ_CLI_ALLOC_LIMIT,
        # made by the 5 MB record), the records finished before it are
        # written out whole before kurz ends.
        good = ['{"id": %d, "text": "Eins ist hier. Zwei ist da."}' % i for i in range(100)]
        huge = '{"id": "huge", "text": "%s"}' % ("x" * (5 << 20))
        data_in = ("\n".join(good + [huge] + good[:3]) + "\n").encode()
        for j in ("1", "2"):
            p = subprocess.run([KURZ, "--jsonl", "-j", j], input=data_in, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, timeout=120,
                               env=dict(os.environ, KURZ_CLI_ALLOC_LIMIT=str(1 << 20)))
            self.assertEqual(p.returncode, 1)
            self.assertEqual(p.stderr, b"kurz: out of memory\n")
            out = p.stdout.decode()
            self.assertTrue(out.endswith("\n"))
            ids = [json.loads(l)["id"] for l in out.splitlines()]
            # in order and whole; with one job, every record before the huge one
            self.assertEqual(ids, list(range(len(ids))))
            if j == "1":
                self.assertEqual(len(ids), 100)

    def test_language_spellings_share_a_summarizer(self):
        # 1000 records with 400 spellings of four languages ("de", "German",
        # "gErMaN", ...) keep four summarizers, not one per spelling.
        import itertools

        def cases(word):
            return ["".join(t) for t in itertools.product(*[(c.lower(), c.upper()) for c in word])]

        names = {"de": cases("de") + cases("german"), "fr": cases("fr") + cases("french"),
                 "en": cases("en") + cases("english"), "es": cases("es") + cases("spanish")}
        spellings = [(code, n) for code in names for n in names[code]]
        self.assertGreaterEqual(len(spellings), 300)
        recs = []
        for i in range(1000):
            code, name = spellings[i % len(spellings)]
            recs.append(json.dumps({"id": i, "lang": name, "text": "Eins ist hier. Zwei ist da."}))
        data_in = ("\n".join(recs) + "\n").encode()
        for j in ("1", "2"):
            p = subprocess.run([KURZ, "--jsonl", "-j", j], input=data_in, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env=dict(os.environ, KURZ_CLI_STATS="1"),
                               timeout=120)
            self.assertEqual(p.returncode, 0, p.stderr)
            docs = [json.loads(l) for l in p.stdout.decode().splitlines()]
            self.assertEqual([d["language"] for d in docs],
                             [spellings[i % len(spellings)][0] for i in range(1000)])
            stats = re.findall(r"^kurz: stats: (\d+) summarizers made, (\d+) kept$",
                               p.stderr.decode(), re.M)
            self.assertTrue(1 <= len(stats) <= int(j), p.stderr)
            self.assertGreater(sum(int(m) for m, _ in stats), 4)  # spellings were resolved
            for made, kept in stats:
                self.assertLessEqual(int(kept), 4, p.stderr)
        # Without the variable, nothing is said.
        rc, out, err = run(["--jsonl"], data_in)
        self.assertEqual((rc, err), (0, ""))

    def stop_mid_run(self, sig, jobs):
        """Feeds records to kurz without end, stops it with sig once output
        came; returns (exit status, output lines)."""
        import signal
        import threading
        p = subprocess.Popen([KURZ, "--jsonl", "-j", jobs], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        text = read("de_artikel.txt").decode()
        stop_feeding = threading.Event()

        def feed():
            i = 0
            try:
                while not stop_feeding.is_set():
                    block = "".join(json.dumps({"id": i + k, "text": text}) + "\n"
                                    for k in range(50))
                    p.stdin.write(block.encode())
                    p.stdin.flush()
                    i += 50
            except (BrokenPipeError, OSError):
                pass

        feeder = threading.Thread(target=feed)
        feeder.start()
        out = p.stdout.read(1)  # kurz is at work
        os.kill(p.pid, sig)
        out += p.stdout.read()
        err = p.stderr.read()
        p.wait(timeout=60)
        stop_feeding.set()
        try:
            p.stdin.close()
        except OSError:
            pass
        feeder.join()
        return p.returncode, out.decode(), err.decode()

    def test_signal_stops_cleanly(self):
        # On SIGTERM or SIGINT, with the input still open, kurz writes every
        # finished record whole and in order, and exits with 128 + signal.
        import signal
        for sig in (signal.SIGTERM, signal.SIGINT):
            for jobs in ("1", "2"):
                rc, out, err = self.stop_mid_run(sig, jobs)
                self.assertEqual(rc, 128 + sig, err)
                self.assertEqual(err, "")
                self.assertTrue(out.endswith("\n"))
                docs = [json.loads(l) for l in out.splitlines()]
                self.assertGreater(len(docs), 0)
                self.assertEqual([d["id"] for d in docs], list(range(len(docs))))
                for d in docs:
                    self.assertNotIn("error", d)
        # Waiting for the rest of a file on standard input, too, it stops.
        p = subprocess.Popen([KURZ], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
        p.stdin.write(b"Eins ist hier. Zwei ist da.")
        p.stdin.flush()
        time.sleep(0.2)
        p.send_signal(signal.SIGTERM)
        try:
            p.wait(timeout=30)  # with standard input still open
        finally:
            if p.poll() is None:
                p.kill()
        out, err = p.communicate()
        self.assertEqual(p.returncode, 128 + signal.SIGTERM)
        self.assertEqual(out, b"")  # the file was not read whole: no summary of a part


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit("usage: test_cli.py KURZ DATA_DIR")
    KURZ = os.path.abspath(sys.argv[1])
    DATA = os.path.abspath(sys.argv[2])
    unittest.main(argv=[sys.argv[0]] + sys.argv[3:], verbosity=2)
