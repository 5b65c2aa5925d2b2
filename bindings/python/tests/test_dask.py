# SPDX-License-Identifier: MIT
"""kurz.dask on a real dask.distributed LocalCluster of two worker processes:
the README's example writes exactly what `kurz --jsonl` prints (byte for
byte, on the shared French corpus when it is there and on our own records
always), dict output equals the command's lines parsed, a dask DataFrame
column equals kurz.pandas, and each worker process made one summarizer set
for all its partitions. One cluster for the whole file (start-up takes a
few seconds)."""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import tempfile
import unittest

import _corpus
import _readme
import _support  # noqa: F401 -- puts this tree's kurz first on sys.path

import dask.bag as db
import dask.dataframe as dd
import pandas as pd
from dask.distributed import Client, LocalCluster

import kurz
import kurz.dask
import kurz.pandas

OPTIONS = {"words": 60}  # those of the README's example


def worker_stats():
    import kurz.dask as kd  # in the worker process
    return dict(kd._stats)


class TestDask(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="kurz-dask-")
        cls.records = _corpus.records()
        cls.corpus = os.path.join(cls.tmp, "corpus.jsonl")
        _corpus.write_jsonl(cls.corpus, cls.records)
        cls.expected = _corpus.run_cli_jsonl(cls.corpus, "fr", "-w", "60")
        cls.cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=logging.ERROR)
        cls.client = Client(cls.cluster)

    @classmethod
    def tearDownClass(cls):
        cls.client.close()
        cls.cluster.close()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_0_reference(self):
        self.assertEqual(len(self.expected), len(self.records))
        self.assertTrue(any('"error"' in line for line in self.expected))
        self.assertTrue(any('"error"' not in line for line in self.expected))

    def test_1_readme_example_equals_cli(self):
        # The README's code, with blocks small enough for several partitions.
        code = _readme.example("dask")
        blocksize = max(4096, os.path.getsize(self.corpus) // 5)
        self.assertIn('blocksize="1MB"', code)
        code = code.replace('blocksize="1MB"', "blocksize=%d" % blocksize)
        ns = {"__name__": "example"}  # defines summarize_corpus, does not start a cluster
        exec(compile(code, "README.md:dask", "exec"), ns)
        out_dir = os.path.join(self.tmp, "summaries")
        ns["summarize_corpus"](self.corpus, out_dir)
        files = sorted(os.listdir(out_dir), key=lambda n: int(re.match(r"\d+", n).group()))
        self.assertGreater(len(files), 2)
        lines = []
        for name in files:
            with open(os.path.join(out_dir, name), encoding="utf-8") as f:
                lines += f.read().split("\n")[:-1]
        self.assertEqual(len(lines), len(self.expected))
        for k, (got, want) in enumerate(zip(lines, self.expected)):
            self.assertEqual(got, want, "record %d" % k)
        # each worker process made one set of summarizers for all its partitions
        stats = self.client.run(worker_stats)
        self.assertEqual(len(stats), 2)
        self.assertEqual(sum(s["partitions"] for s in stats.values()), len(files))
        for s in stats.values():
            self.assertLessEqual(s["workers"], 1, stats)

    def test_2_dict_output(self):
        # jsonl_line over summarize_many (the Spark pattern of the README) too
        lines = [kurz.dask.jsonl_line(r, s, OPTIONS) for r, s in
                 zip(self.records, kurz.summarize_many(self.records, "fr", jobs=2, **OPTIONS))]
        self.assertEqual(lines, self.expected)
        bag = db.from_sequence(self.records, npartitions=7)
        got = kurz.dask.summarize_bag(bag, "fr", **OPTIONS).compute()
        self.assertEqual(got, [json.loads(line) for line in self.expected])
        summaries = kurz.dask.summarize_bag(bag, "fr", output="summary", **OPTIONS).compute()
        self.assertEqual(len(summaries), len(self.records))
        self.assertTrue(all(isinstance(s, kurz.Summary) for s in summaries))
        stats = self.client.run(worker_stats)
        for s in stats.values():
            self.assertLessEqual(s["workers"], 1, stats)  # reused across computations

    def test_3_dataframe(self):
        recs = [r for r in self.records[:400] if isinstance(r["id"], str)]
        pdf = pd.DataFrame(recs).set_index("id")
        pdf.loc[pdf.index[3], "text"] = None
        ddf = dd.from_pandas(pdf, npartitions=4, sort=False)
        got = kurz.dask.summarize_dataframe(ddf, "text", "fr", lang_column="lang",
                                            **OPTIONS).compute()
        want = kurz.pandas.summarize_columns(pdf, "fr", column="text", lang_column="lang",
                                             **OPTIONS)
        pd.testing.assert_frame_equal(got, want)
        self.assertIsNone(got["summary"].iloc[3])

    def test_5_auto_language_equals_cli(self):
        # Records with and without "lang" under the default language (auto):
        # the command writes "language_source": "detected" for those it
        # identified, "given" for the others.
        recs = []
        for k, r in enumerate(_corpus.records(limit=150)):
            r = dict(r)
            if k % 2 == 0:
                del r["lang"]
            elif k % 7 == 0:
                r["lang"] = "auto"
            recs.append(r)
        recs += [{"id": "und", "text": "1 2 3. 4 5 6."}, {"id": "und-empty", "text": ""},
                 {"id": "auto-de", "lang": "AUTO", "text": "Es regnet. Die Sonne scheint."}]
        path = os.path.join(self.tmp, "auto.jsonl")
        _corpus.write_jsonl(path, recs)
        expected = _corpus.run_cli_jsonl(path, "auto", "-w", "60")
        self.assertEqual(len(expected), len(recs))
        sources = [json.loads(line)["language_source"] for line in expected]
        self.assertEqual(sorted(set(sources)), ["detected", "given"])
        self.assertEqual(sources, ["detected" if "lang" not in r or r["lang"].lower() == "auto"
                                   else "given" for r in recs])
        self.assertTrue(any('"language": "und", "language_source": "detected"' in line
                            for line in expected))
        for lang in (None, "auto"):
            lines = [kurz.dask.jsonl_line(r, s, OPTIONS) for r, s in
                     zip(recs, kurz.summarize_many(recs, lang, jobs=2, **OPTIONS))]
            for k, (got, want) in enumerate(zip(lines, expected)):
                self.assertEqual(got, want, "record %d" % k)
        bag = db.from_sequence(recs, npartitions=5)
        got = kurz.dask.summarize_bag(bag, output="json", **OPTIONS).compute()
        self.assertEqual(got, expected)
        got = kurz.dask.summarize_bag(bag, **OPTIONS).compute()
        self.assertEqual(got, [json.loads(line) for line in expected])

    def test_4_bad_options_raise_on_the_client(self):
        with self.assertRaises(kurz.OptionError):
            kurz.dask.summarize_bag(db.from_sequence([]), "fr", damping=2.0)
        with self.assertRaises(ValueError):
            kurz.dask.summarize_bag(db.from_sequence([]), "fr", output="xml")


if __name__ == "__main__":
    unittest.main()
