#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Corpora from Python against the command (issue 19), measured in one run.

    meson setup build-rel --buildtype=release && ninja -C build-rel
    /usr/bin/python3 bench/python_corpus.py --build build-rel

Makes a corpus of COPIES copies of orangesum_fr_valid.jsonl (../shared/eval
next to the repository, or --data) with distinct ids (15,000 documents for
10 copies) and measures, interleaved over --rounds rounds:

  cli       build/cli/kurz --jsonl -j JOBS corpus > /dev/null
  many      kurz.summarize_many(records, jobs=JOBS) over the records in memory
  many-e2e  the same from the file to JSONL lines: read, json.loads,
            summarize_many, kurz.dask.jsonl_line, write to /dev/null
  dask      a LocalCluster of JOBS worker processes with one thread each,
            started (and warmed up) before the clock starts: read_text ->
            json.loads -> kurz.dask.summarize_bag(output="json") ->
            to_textfiles (the workers write the lines, one file per partition,
            as the command writes its output; 8 partitions per worker)

and prints documents per second and each Python path's ratio to the command
(median over the rounds; the command's and Python's runs alternate, so that
a busy machine slows them alike). Then memory: summarize_many(jobs=JOBS)
over a generator of --memory-docs documents (the corpus cycled), with the
resident set size sampled every 10,000 results.

Needs python3-pandas, python3-dask and python3-distributed (Debian) for the
Dask part (--no-dask skips it). Never commits or writes anything in the tree.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DATA = os.path.join(os.path.dirname(ROOT), "shared", "eval", "summarization",
                            "orangesum_fr_valid.jsonl")


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def children_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def self_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_utime + ru.ru_stime


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--build", default="build-rel", help="build directory (release)")
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--copies", type=int, default=10)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--chunk", type=int, default=64)
    ap.add_argument("--memory-docs", type=int, default=100_000)
    ap.add_argument("--no-dask", action="store_true")
    args = ap.parse_args()

    build = os.path.abspath(os.path.join(ROOT, args.build) if not os.path.isabs(args.build)
                            else args.build)
    lib = os.path.join(build, "lib", "libkurz.so.0")
    cli = os.path.join(build, "cli", "kurz")
    pkg = os.path.join(ROOT, "bindings", "python")
    os.environ["KURZ_LIBRARY"] = lib  # also for the Dask worker processes
    os.environ["PYTHONPATH"] = pkg + os.pathsep + os.environ.get("PYTHONPATH", "")
    sys.path.insert(0, pkg)
    import kurz
    import kurz.dask

    with open(args.data, encoding="utf-8") as f:
        base = [json.loads(line) for line in f if line.strip()]
    tmp = tempfile.mkdtemp(prefix="kurz-pybench-")
    corpus = os.path.join(tmp, "corpus.jsonl")
    records = []
    with open(corpus, "w", encoding="utf-8") as f:
        for k in range(args.copies):
            for r in base:
                rec = {"id": "%s#%d" % (r["id"], k), "lang": r.get("lang"), "text": r["text"]}
                records.append(rec)
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    n = len(records)
    size = os.path.getsize(corpus)
    print("corpus: %d documents, %.1f MB (%d copies of %s)" % (n, size / 2**20, args.copies,
                                                              args.data))
    print("library: %s (kurz %s), python %s" % (lib, kurz.__version__, sys.version.split()[0]))

    def run_cli() -> float:
        with open(corpus, "rb") as fin, open(os.devnull, "wb") as fout:
            t = time.perf_counter()
            subprocess.run([cli, "--jsonl", "-j", str(args.jobs)], stdin=fin, stdout=fout,
                           check=False)
            return time.perf_counter() - t
    run_cli.cpu = children_cpu  # type: ignore[attr-defined]

    def run_many() -> float:
        t = time.perf_counter()
        count = 0
        for r in kurz.summarize_many(records, jobs=args.jobs, chunk=args.chunk):
            count += r.ok
        elapsed = time.perf_counter() - t
        assert count == n, count
        return elapsed

    def run_e2e() -> float:
        t = time.perf_counter()
        with open(corpus, encoding="utf-8") as fin, open(os.devnull, "w",
                                                         encoding="utf-8") as fout:
            recs = (json.loads(line) for line in fin)
            import itertools
            a, b = itertools.tee(recs)
            for rec, summary in zip(a, kurz.summarize_many(b, jobs=args.jobs,
                                                            chunk=args.chunk)):
                fout.write(kurz.dask.jsonl_line(rec, summary) + "\n")
        return time.perf_counter() - t

    runs = [("cli", run_cli), ("many", run_many), ("many-e2e", run_e2e)]
    cluster = client = None
    if not args.no_dask:
        import dask.bag as db
        from dask.distributed import Client, LocalCluster
        t = time.perf_counter()
        cluster = LocalCluster(n_workers=args.jobs, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.ERROR)
        client = Client(cluster)
        blocksize = max(1 << 20, size // (8 * args.jobs))
        out_dir = os.path.join(tmp, "dask-out")

        def dask_lines() -> list:
            # The workers write the lines (as the command writes its output),
            # one file per partition; nothing is gathered on the client.
            subprocess.run(["rm", "-rf", out_dir], check=True)
            bag = db.read_text(corpus, blocksize=blocksize).map(json.loads)
            kurz.dask.summarize_bag(bag, output="json").to_textfiles(
                os.path.join(out_dir, "*.jsonl"), last_endline=True)
            lines = []
            for name in sorted(os.listdir(out_dir), key=lambda x: int(x.split(".")[0])):
                with open(os.path.join(out_dir, name), encoding="utf-8") as f:
                    lines += f.read().split("\n")[:-1]
            return lines

        # Warm-up: every worker imports kurz and makes its summarizer.
        warm = db.from_sequence(records[:4 * args.jobs], npartitions=2 * args.jobs)
        kurz.dask.summarize_bag(warm, output="json").compute()
        print("dask: LocalCluster of %d processes x 1 thread, start-up and warm-up %.1f s "
              "(excluded), %d partitions" % (args.jobs, time.perf_counter() - t,
                                             db.read_text(corpus, blocksize=blocksize)
                                             .npartitions))

        def run_dask() -> float:
            subprocess.run(["rm", "-rf", out_dir], check=True)
            t = time.perf_counter()
            bag = db.read_text(corpus, blocksize=blocksize).map(json.loads)
            kurz.dask.summarize_bag(bag, output="json").to_textfiles(
                os.path.join(out_dir, "*.jsonl"), last_endline=True)
            return time.perf_counter() - t

        def dask_cpu() -> float:  # the client's and every worker process's
            return self_cpu() + sum(client.run(self_cpu).values())
        run_dask.cpu = dask_cpu  # type: ignore[attr-defined]
        runs.append(("dask", run_dask))

    # The same results: the Dask lines are those of the command.
    if client is not None:
        out = subprocess.run([cli, "--jsonl", "-j", str(args.jobs), corpus],
                             stdout=subprocess.PIPE, check=False).stdout.decode("utf-8")
        same = out.split("\n")[:-1] == dask_lines()
        print("dask output identical to kurz --jsonl: %s" % same)

    times = {name: [] for name, _fn in runs}
    cpus = {name: [] for name, _fn in runs}
    for rnd in range(args.rounds):
        for name, fn in runs:
            cpu = getattr(fn, "cpu", self_cpu)
            c = cpu()
            times[name].append(fn())
            cpus[name].append(cpu() - c)
        print("round %d: %s" % (rnd + 1, "  ".join("%s %.2f s" % (name, times[name][-1])
                                                     for name, _fn in runs)))
    print()
    cli_med = statistics.median(times["cli"])
    cli_cpu = statistics.median(cpus["cli"])
    print("%-9s %9s %11s %8s %10s %10s" % ("path", "median s", "docs/s", "ratio", "CPU s",
                                           "CPU ratio"))
    for name, _fn in runs:
        med = statistics.median(times[name])
        cpu_med = statistics.median(cpus[name])
        print("%-9s %9.3f %11.0f %8.2f %10.2f %10.2f" % (name, med, n / med, cli_med / med,
                                                         cpu_med, cli_cpu / cpu_med))
    print("(ratio: the command's time / the path's, higher is better; CPU: user + system "
          "seconds of all processes of the path)")
    # Ratios of the rounds, each against the command's run of the same round.
    for name, _fn in runs[1:]:
        per = [c / p for c, p in zip(times["cli"], times[name])]
        print("%s / cli per round: %s" % (name, " ".join("%.2f" % x for x in per)))

    if client is not None:
        client.close()
        cluster.close()

    # Memory over a generator of --memory-docs documents.
    texts = [r["text"] for r in records]

    def gen():
        for k in range(args.memory_docs):
            yield (texts[k % len(texts)], "fr")

    samples = []
    t = time.perf_counter()
    for k, r in enumerate(kurz.summarize_many(gen(), jobs=args.jobs, chunk=args.chunk), 1):
        if k % 10_000 == 0:
            samples.append((k, rss_mb()))
    elapsed = time.perf_counter() - t
    print()
    print("memory: summarize_many(jobs=%d) over a generator of %d documents (%.1f s, %.0f docs/s)"
          % (args.jobs, args.memory_docs, elapsed, args.memory_docs / elapsed))
    print("  RSS (MB) after N results: " + "  ".join("%dk %.1f" % (k // 1000, m)
                                                      for k, m in samples))
    if len(samples) >= 2:
        print("  growth from %dk to %dk: %+.1f MB" % (samples[0][0] // 1000,
                                                       samples[-1][0] // 1000,
                                                       samples[-1][1] - samples[0][1]))
    subprocess.run(["rm", "-rf", tmp], check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
