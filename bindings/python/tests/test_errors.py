# SPDX-License-Identifier: MIT
"""Every exception of the kurz binding and the status -> exception mapping."""

from __future__ import annotations

import ctypes
import gc
import pickle
import sys
import unittest
from unittest import mock

import _support  # noqa: F401  (puts bindings/python on sys.path)
from _support import DE_TEXT, FR_TEXT

import kurz
from kurz import _native

STRERROR = kurz._lib.strerror


class TestHierarchy(unittest.TestCase):
    def test_classes(self):
        self.assertTrue(issubclass(kurz.KurzError, Exception))
        for cls, builtin in ((kurz.OptionError, ValueError), (kurz.InvalidUTF8Error, ValueError),
                             (kurz.InputTooLargeError, ValueError),
                             (kurz.UnsupportedLanguageError, LookupError),
                             (kurz.OutOfMemoryError, MemoryError)):
            self.assertTrue(issubclass(cls, kurz.KurzError), cls)
            self.assertTrue(issubclass(cls, builtin), cls)

    def test_status_mapping(self):
        expect = {-1: kurz.OutOfMemoryError, -2: kurz.OptionError, -3: kurz.InvalidUTF8Error,
                  -4: kurz.UnsupportedLanguageError, -5: kurz.OptionError,
                  -6: kurz.InputTooLargeError}
        for code, cls in expect.items():
            err = kurz._lib.error(code)
            self.assertIs(type(err), cls)
            self.assertEqual(err.code, code)
            self.assertEqual(err.strerror, STRERROR(code))
            self.assertEqual(str(err), STRERROR(code))
            self.assertTrue(err.strerror)
        self.assertEqual([int(x) for x in kurz.Status], [0, -1, -2, -3, -4, -5, -6])
        # A code a newer library might add: plain KurzError with the library's text.
        err = kurz._lib.error(-99)
        self.assertIs(type(err), kurz.KurzError)
        self.assertEqual(err.code, -99)
        self.assertEqual(err.strerror, STRERROR(-99))

    def test_pickle_keeps_attributes(self):
        errors = [kurz._lib.error(-1), kurz._lib.error(-6, "too big"),
                  kurz._lib.error(-3, "bad", offset=7, char_offset=5),
                  kurz._lib.error(-4, "no", language="xx")]
        for err in errors:
            back = pickle.loads(pickle.dumps(err))
            self.assertIs(type(back), type(err))
            self.assertEqual(str(back), str(err))
            self.assertEqual(back.__dict__, err.__dict__)
        self.assertEqual(pickle.loads(pickle.dumps(errors[2])).offset, 7)


class TestUnsupportedLanguage(unittest.TestCase):
    def check(self, call, name):
        with self.assertRaises(kurz.UnsupportedLanguageError) as cm:
            call()
        err = cm.exception
        self.assertIsInstance(err, LookupError)
        self.assertIsInstance(err, kurz.KurzError)
        self.assertEqual(err.code, kurz.Status.ERR_UNSUPPORTED_LANG)
        self.assertEqual(err.strerror, STRERROR(-4))
        self.assertEqual(err.language, name)
        self.assertIn(repr(name), str(err))

    def test_unknown(self):
        for name in ("xx", "", "klingon", "de_DE", "d\u00e9", "de\x00"):
            self.check(lambda: kurz.summarize(DE_TEXT, name), name)
            self.check(lambda: kurz.split(DE_TEXT, name), name)
            self.check(lambda: kurz.Summarizer(name), name)

    def test_wrong_type(self):
        with self.assertRaises(TypeError):
            kurz.Summarizer(b"de")  # type: ignore[arg-type]
        with self.assertRaises(TypeError):
            kurz.split(DE_TEXT, 7)  # type: ignore[arg-type]
        with self.assertRaises(TypeError):
            kurz.keywords(DE_TEXT, b"de")  # type: ignore[arg-type]
        # None is no longer a wrong type: it means "auto"
        self.assertEqual(kurz.split(DE_TEXT, None), kurz.split(DE_TEXT, "de"))


class TestOptions(unittest.TestCase):
    def assertOptionError(self, call, code=None, *words):
        with self.assertRaises(kurz.OptionError) as cm:
            call()
        self.assertIsInstance(cm.exception, ValueError)
        self.assertIn(cm.exception.code, (kurz.Status.ERR_INVALID_ARG, kurz.Status.ERR_OUT_OF_RANGE))
        if code is not None:
            self.assertEqual(cm.exception.code, code)
        for word in words:
            self.assertIn(word, str(cm.exception))
        return cm.exception

    def test_two_budgets(self):
        for budget in ({"sentences": 2, "ratio": 0.5}, {"sentences": 2, "words": 10},
                       {"ratio": 0.2, "words": 10}, {"sentences": 1, "ratio": 0.1, "words": 3}):
            self.assertOptionError(lambda: kurz.summarize(DE_TEXT, "de", **budget), None, "budget")
            self.assertOptionError(lambda: kurz.Summarizer("de", **budget))
            with kurz.Summarizer("de") as s:
                self.assertOptionError(lambda: s.summarize(DE_TEXT, **budget))
        # Two budgets are refused before the language is even looked at.
        self.assertOptionError(lambda: kurz.summarize(DE_TEXT, "xx", sentences=1, words=2))

    def test_bad_ratio(self):
        for ratio in (0, 0.0, -0.5, 1.0001, 2, float("nan"), float("inf"), -float("inf")):
            self.assertOptionError(lambda: kurz.summarize(FR_TEXT, "fr", ratio=ratio), None, "ratio")
        for ratio in ("0.5", None.__class__, [0.5], True):
            if ratio is None.__class__:
                continue
            with self.assertRaises(TypeError):
                kurz.summarize(FR_TEXT, "fr", ratio=ratio)

    def test_bad_counts(self):
        for name in ("sentences", "words"):
            for value in (0, -1):
                self.assertOptionError(lambda: kurz.summarize(FR_TEXT, "fr", **{name: value}),
                                       kurz.Status.ERR_OUT_OF_RANGE, name)
            for value in (1.5, "3", True):
                with self.assertRaises(TypeError):
                    kurz.summarize(FR_TEXT, "fr", **{name: value})

    def test_bad_fractions(self):
        for name in ("damping", "position_weight", "redundancy", "title_weight"):
            for value in (-0.1, 1.5, 1e300, float("nan")):
                err = self.assertOptionError(lambda: kurz.Summarizer("de", **{name: value}),
                                             kurz.Status.ERR_OUT_OF_RANGE, name)
                self.assertEqual(err.strerror, STRERROR(-5))
            with self.assertRaises(TypeError):
                kurz.Summarizer("de", **{name: "0.5"})
            self.assertOptionError(lambda: kurz.summarize(DE_TEXT, "de", **{name: 2.0}))

    def test_bad_max_input_bytes(self):
        for value in (-1, 2**31, 2**64):
            self.assertOptionError(lambda: kurz.Summarizer("de", max_input_bytes=value),
                                   kurz.Status.ERR_OUT_OF_RANGE, "max_input_bytes")
        with self.assertRaises(TypeError):
            kurz.Summarizer("de", max_input_bytes=1.5)

    def test_bad_algorithm_and_flags(self):
        self.assertOptionError(lambda: kurz.summarize(DE_TEXT, "de", algorithm="pagerank"),
                               kurz.Status.ERR_INVALID_ARG, "pagerank")
        with self.assertRaises(TypeError):
            kurz.Summarizer("de", algorithm=1)
        with self.assertRaises(TypeError):
            kurz.Summarizer("de", boilerplate="yes")
        with self.assertRaises(TypeError):
            kurz.Summarizer("de", strict=2)

    def test_strict_needs_words(self):
        self.assertOptionError(lambda: kurz.summarize(DE_TEXT, "de", strict=True), None, "strict")
        self.assertOptionError(lambda: kurz.summarize(DE_TEXT, "de", sentences=2, strict=True))
        with kurz.Summarizer("de", strict=True) as s:  # a default for later words budgets
            self.assertOptionError(lambda: s.summarize(DE_TEXT, strict=True))
            self.assertTrue(s.summarize(DE_TEXT, words=30))

    def test_unknown_keyword(self):
        with self.assertRaises(TypeError):
            kurz.summarize(DE_TEXT, "de", sentence=2)  # type: ignore[call-arg]
        with self.assertRaises(TypeError):
            kurz.Summarizer("de", colour="blue")  # type: ignore[call-arg]

    def test_summarizer_usable_after_option_error(self):
        with kurz.Summarizer("de", redundancy=1.0) as s:
            before = s.summarize(DE_TEXT, sentences=2)
            with self.assertRaises(kurz.OptionError):
                s.summarize(DE_TEXT, sentences=1, ratio=0.5)
            self.assertEqual(s.summarize(DE_TEXT, sentences=2), before)
            self.assertEqual(len(s.summarize(DE_TEXT)), 3)


class TestInvalidUTF8(unittest.TestCase):
    CASES = [  # (bytes, byte offset of the first bad sequence)
        (b"\xff", 0),
        (b"Gut.\n\xff", 5),
        (b"ab\xc3(", 2),                       # bad continuation byte
        (b"abc\xe2\x82", 3),                   # truncated at the end
        (b"x\xc0\xaf", 1),                     # overlong '/'
        (b"x\xe0\x80\xaf", 1),                 # overlong, 3 bytes
        (b"ok \xed\xa0\x80 no", 3),            # encoded surrogate U+D800
        (b"x\xf4\x90\x80\x80", 1),             # above U+10FFFF
        (b"\x80 stray continuation", 0),
        ("Été, ça va.\n".encode() + b"\xfe", len("Été, ça va.\n".encode())),
        (DE_TEXT.encode() + b"\xc3", len(DE_TEXT.encode())),
    ]

    def check(self, call, data, offset):
        with self.assertRaises(kurz.InvalidUTF8Error) as cm:
            call()
        err = cm.exception
        self.assertIsInstance(err, ValueError)
        self.assertEqual(err.code, kurz.Status.ERR_INVALID_UTF8)
        self.assertEqual(err.strerror, STRERROR(-3))
        self.assertEqual(err.offset, offset, data)
        self.assertEqual(err.char_offset, len(data[:offset].decode("utf-8")))
        self.assertIn(str(offset), str(err))

    def test_bytes(self):
        with kurz.Summarizer("fr") as s:
            for data, offset in self.CASES:
                self.check(lambda: kurz.summarize(data, "fr"), data, offset)
                self.check(lambda: kurz.split(data, "de"), data, offset)
                self.check(lambda: s.summarize(bytearray(data)), data, offset)
                self.check(lambda: s.split(memoryview(data)), data, offset)
                # The summarizer stays usable and the offset is per call.
                self.assertEqual(len(s.split(FR_TEXT)), 6)

    def test_agrees_with_python(self):
        for data, offset in self.CASES:
            with self.assertRaises(UnicodeDecodeError) as cm:
                data.decode("utf-8")
            self.assertEqual(cm.exception.start, offset, data)

    def test_lone_surrogates_in_str(self):
        # Decision: a str that cannot be encoded raises InvalidUTF8Error with
        # the byte offset the surrogate has under errors="surrogatepass" --
        # the same offset the library reports for those bytes.
        for text, index in (("abc\udcff", 3), ("é\ud800x", 1), ("\udfff", 0),
                            (DE_TEXT + "\ud83d", len(DE_TEXT)),
                            ("😀 ok \ud83d\ude00 \udc80", 5)):
            expected = len(text[:index].encode("utf-8"))
            for call in (lambda: kurz.split(text, "de"), lambda: kurz.summarize(text, "fr")):
                with self.assertRaises(kurz.InvalidUTF8Error) as cm:
                    call()
                self.assertEqual(cm.exception.offset, expected)
                self.assertEqual(cm.exception.char_offset, index)
                self.assertEqual(cm.exception.code, kurz.Status.ERR_INVALID_UTF8)
                self.assertIn("surrogate", str(cm.exception))
            with self.assertRaises(kurz.InvalidUTF8Error) as cm:
                kurz.split(text.encode("utf-8", "surrogatepass"), "de")
            self.assertEqual(cm.exception.offset, expected)

    def test_wrong_text_type(self):
        for value in (None, 12, ["text"]):
            with self.assertRaises(TypeError):
                kurz.split(value, "de")  # type: ignore[arg-type]


class TestTooLarge(unittest.TestCase):
    def test_max_input_bytes(self):
        text = "Ein kurzer Satz.\n"  # 17 bytes
        n = len(text.encode())
        for call in (lambda: kurz.summarize(text, "de", max_input_bytes=n - 1),
                     lambda: kurz.split(text, "de", max_input_bytes=n - 1),
                     lambda: kurz.split(text.encode(), "de", max_input_bytes=0)):
            with self.assertRaises(kurz.InputTooLargeError) as cm:
                call()
            self.assertIsInstance(cm.exception, ValueError)
            self.assertEqual(cm.exception.code, kurz.Status.ERR_TOO_LARGE)
            self.assertEqual(cm.exception.strerror, STRERROR(-6))
        self.assertEqual(len(kurz.split(text, "de", max_input_bytes=n)), 1)
        # The limit is in bytes, not characters.
        with self.assertRaises(kurz.InputTooLargeError):
            kurz.split("éééé", "fr", max_input_bytes=7)
        self.assertEqual(len(kurz.split("éééé", "fr", max_input_bytes=8)), 1)
        with kurz.Summarizer("de", max_input_bytes=100) as s:
            with self.assertRaises(kurz.InputTooLargeError):
                s.summarize(DE_TEXT)
            self.assertEqual(len(s.split(text)), 1)


class TestOutOfMemory(unittest.TestCase):
    def test_errcheck_maps_nomem(self):
        # A mocked C call returning KURZ_ERR_NOMEM goes through the real errcheck.
        real = kurz._lib.kurz_summarize

        def fake(out, handle, data, size):
            return kurz._lib._errcheck_text(-1, real, (out, handle, data, size))

        with kurz.Summarizer("de") as s:
            with mock.patch.object(kurz._lib, "kurz_summarize", fake):
                with self.assertRaises(MemoryError) as cm:
                    s.summarize(DE_TEXT)
            self.assertIsInstance(cm.exception, kurz.OutOfMemoryError)
            self.assertIsInstance(cm.exception, kurz.KurzError)
            self.assertEqual(cm.exception.code, kurz.Status.ERR_NOMEM)
            self.assertEqual(len(s.summarize(DE_TEXT, sentences=2)), 2)
        with self.assertRaises(kurz.OutOfMemoryError):
            kurz._lib._errcheck(-1, real, ())
        self.assertEqual(kurz._lib._errcheck(0, real, ()), 0)

    def test_real_allocation_failures(self):
        # A caller allocator (kurz_summarizer_set_allocator) that delegates to
        # libc malloc/free but fails the Nth allocation: every failure point
        # must surface as MemoryError and leave the summarizer usable.
        libc = ctypes.CDLL(None)
        libc.malloc.restype = ctypes.c_void_p
        libc.malloc.argtypes = [ctypes.c_size_t]
        libc.free.restype = None
        libc.free.argtypes = [ctypes.c_void_p]
        state = {"left": 0, "calls": 0}

        def c_malloc(user, size):
            state["calls"] += 1
            if state["left"] <= 0:
                return None
            state["left"] -= 1
            return libc.malloc(size)

        def c_free(user, ptr):
            libc.free(ptr)

        malloc_cb = _native.MALLOC_FN(c_malloc)
        free_cb = _native.FREE_FN(c_free)
        failures = 0
        for budget in range(0, 400):
            with kurz.Summarizer("de") as s:
                kurz._lib.kurz_summarizer_set_allocator(s._handle, malloc_cb,
                                                        _native.REALLOC_FN(), free_cb, None)
                state["left"], state["calls"] = budget, 0
                try:
                    got = s.summarize(DE_TEXT, sentences=2)
                except MemoryError as exc:
                    self.assertIsInstance(exc, kurz.OutOfMemoryError)
                    self.assertEqual(exc.code, -1)
                    failures += 1
                    state["left"] = 10**9
                    self.assertEqual(len(s.summarize(DE_TEXT, sentences=2)), 2)
                else:
                    self.assertEqual(len(got), 2)
                    break
        else:
            self.fail("summarize never succeeded with up to 400 allocations")
        self.assertGreater(failures, 5)
        # Back to the C library's allocator.
        with kurz.Summarizer("de") as s:
            null = (_native.MALLOC_FN(), _native.REALLOC_FN(), _native.FREE_FN())  # NULLs
            kurz._lib.kurz_summarizer_set_allocator(s._handle, null[0], null[1], null[2], None)
            self.assertEqual(len(s.summarize(DE_TEXT, sentences=2)), 2)
            with self.assertRaises(kurz.OptionError):  # malloc without free
                kurz._lib.kurz_summarizer_set_allocator(s._handle, malloc_cb, null[1],
                                                        null[2], None)


class TestFailedConstruction(unittest.TestCase):
    def test_no_unraisable_errors(self):
        seen = []
        old = sys.unraisablehook
        sys.unraisablehook = lambda info: seen.append(info)
        try:
            for kwargs in ({"damping": 5.0}, {"sentences": 1, "words": 1}):
                with self.assertRaises(ValueError):
                    kurz.Summarizer("de", **kwargs)
            with self.assertRaises(LookupError):
                kurz.Summarizer("xx")
            gc.collect()
        finally:
            sys.unraisablehook = old
        self.assertEqual(seen, [])


if __name__ == "__main__":
    unittest.main()
