# SPDX-License-Identifier: MIT
"""Threads and resources: one Summarizer shared by 8 threads, one per thread,
and many create/close cycles without memory growth."""

from __future__ import annotations

import gc
import os
import threading
import unittest

import _support
from _support import DE_TEXT, FR_TEXT, TRICKY_TEXT

import kurz

# A mix of documents and per-call budgets: a shared summarizer must apply
# each call's budget under its lock, or results would mix.
JOBS = []
for _i in range(6):
    JOBS += [
        (DE_TEXT, {"sentences": 1 + _i % 4}),
        (FR_TEXT, {"ratio": 0.5}),
        (TRICKY_TEXT, {"words": 10 + 5 * _i}),
        (DE_TEXT + FR_TEXT, {"words": 30, "strict": True}),
        (TRICKY_TEXT.encode("utf-8"), {}),
        (FR_TEXT * (1 + _i), {"sentences": 2}),
    ]


def run_jobs(summarizer: kurz.Summarizer):
    out = []
    for text, budget in JOBS:
        out.append(summarizer.summarize(text, **budget))
        out.append(summarizer.split(text))
    return out


def run_threads(n: int, target) -> list:
    results = [None] * n
    errors = []
    barrier = threading.Barrier(n)

    def work(k: int) -> None:
        try:
            barrier.wait()
            results[k] = target(k)
        except BaseException as exc:  # report in the main thread
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise errors[0]
    return results


class TestThreads(unittest.TestCase):
    def test_shared_summarizer_matches_sequential(self):
        with kurz.Summarizer("fr", redundancy=0.9) as s:
            expected = run_jobs(s)
            self.assertTrue(all(isinstance(x, list) for x in expected))
            results = run_threads(8, lambda k: [run_jobs(s) for _ in range(3)])
        for per_thread in results:
            for got in per_thread:
                self.assertEqual(got, expected)

    def test_summarizer_per_thread(self):
        with kurz.Summarizer("de") as s:
            expected = run_jobs(s)

        def work(k: int):
            with kurz.Summarizer("de") as own:
                return [run_jobs(own) for _ in range(3)]

        for per_thread in run_threads(8, work):
            for got in per_thread:
                self.assertEqual(got, expected)

    def test_module_functions_in_threads(self):
        expected = kurz.summarize(DE_TEXT, "de", sentences=2)
        results = run_threads(8, lambda k: [kurz.summarize(DE_TEXT, "de", sentences=2)
                                            for _ in range(20)])
        for per_thread in results:
            self.assertEqual(per_thread, [expected] * 20)

    def test_keywords_and_summaries_share_a_summarizer(self):
        # keywords sets two options per call: under the lock, so that calls
        # with other n / max_words and summaries in other threads never mix.
        calls = [(DE_TEXT, {"n": 3}), (FR_TEXT, {"n": 20, "max_words": 1}),
                 (TRICKY_TEXT, {}), (DE_TEXT + FR_TEXT, {"max_words": 2})]

        def run(s):
            out = []
            for text, kw in calls:
                out.append(s.keywords(text, **kw))
                out.append(s.summarize(text, sentences=2))
            return out

        with kurz.Summarizer() as s:
            expected = run(s)
            self.assertEqual(len(expected[0]), 3)
            results = run_threads(8, lambda k: [run(s) for _ in range(5)])
        for per_thread in results:
            for got in per_thread:
                self.assertEqual(got, expected)

    def test_identify_in_threads(self):
        texts = [DE_TEXT, FR_TEXT, TRICKY_TEXT, "", FR_TEXT * 300]
        expected = [kurz.identify(t) for t in texts]
        self.assertEqual([g.language for g in expected[:2]], ["de", "fr"])
        results = run_threads(8, lambda k: [[kurz.identify(t) for t in texts]
                                            for _ in range(10)])
        for per_thread in results:
            self.assertEqual(per_thread, [expected] * 10)

    def test_close_while_others_use_it(self):
        # close() from one thread while others summarize: each call either
        # finishes or raises ValueError("closed"); nothing crashes.
        s = kurz.Summarizer("de")
        outcome = []

        def work(k: int):
            for _ in range(200):
                try:
                    s.summarize(DE_TEXT, sentences=2)
                except ValueError as exc:
                    self.assertIn("closed", str(exc))
                    outcome.append("closed")
                    return
            outcome.append("done")

        threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
        for t in threads:
            t.start()
        s.close()
        for t in threads:
            t.join()
        self.assertEqual(len(outcome), 4)
        self.assertTrue(s.closed)


@unittest.skipIf(os.environ.get("KURZ_TEST_SANITIZED"),
                 "RSS is meaningless under sanitizers (quarantined memory)")
class TestMemory(unittest.TestCase):
    CYCLES = 2000
    # Measured growth is 0 here; a leaked summarizer (about 600 bytes) per
    # cycle grows RSS by over 1 MiB. Slack: 128 bytes per cycle.
    SLACK = 256 * 1024

    def measure(self, body) -> int:
        for _ in range(200):  # warm up allocator pools and caches
            body()
        gc.collect()
        before = _support.statm_rss_bytes()
        for _ in range(self.CYCLES):
            body()
        gc.collect()
        return _support.statm_rss_bytes() - before

    def test_create_close_cycles(self):
        def body():
            s = kurz.Summarizer("de")
            s.close()
        growth = self.measure(body)
        self.assertLess(growth, self.SLACK, "RSS grew by %d bytes" % growth)

    def test_create_use_close_cycles(self):
        def body():
            with kurz.Summarizer("fr", sentences=2) as s:
                s.summarize(FR_TEXT)
                s.split(TRICKY_TEXT)
        growth = self.measure(body)
        self.assertLess(growth, self.SLACK, "RSS grew by %d bytes" % growth)

    def test_dropped_without_close(self):
        def body():
            kurz.Summarizer("de").summarize(DE_TEXT)  # freed by __del__
        growth = self.measure(body)
        self.assertLess(growth, self.SLACK, "RSS grew by %d bytes" % growth)

    def test_keywords_and_identify_cycles(self):
        with kurz.Summarizer("fr") as s:
            def body():
                s.keywords(FR_TEXT)
                kurz.identify(TRICKY_TEXT)
                for bad in (b"Bien.\n\xff", "x\udcff"):
                    for call in (s.keywords, kurz.identify):
                        try:
                            call(bad)
                        except kurz.InvalidUTF8Error:
                            pass
            growth = self.measure(body)
        self.assertLess(growth, self.SLACK, "RSS grew by %d bytes" % growth)

    def test_errors_do_not_leak(self):
        with kurz.Summarizer("de") as s:
            def body():
                for bad in (b"Gut.\n\xff", "x\udcff"):
                    try:
                        s.summarize(bad)
                    except kurz.InvalidUTF8Error:
                        pass
                try:
                    kurz.Summarizer("xx")
                except LookupError:
                    pass
            growth = self.measure(body)
        self.assertLess(growth, self.SLACK, "RSS grew by %d bytes" % growth)


if __name__ == "__main__":
    unittest.main()
