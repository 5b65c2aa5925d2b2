#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Speed and memory of kurz against the per-word floor and ots.

    bench/run.sh [BUILDDIR] [options]       (or /usr/bin/python3 bench/bench.py ...)

Runs every measurement in a fresh process (peak RSS from wait4's rusage),
repeats each one --reps times interleaved with the floor, keeps the fastest
run, prints one table and marks each target PASS/FAIL. It reports; it does not
judge: the exit status is 0 unless the benchmark itself could not run.
Standard library only. See docs/benchmarks.md.
"""

import argparse
import datetime
import json
import os
import platform
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.normpath(os.path.join(REPO, "..", "shared"))
DEFAULT_INPUTS = [
    (os.path.join(SHARED, "eval", "perf", "de_wiki_big.txt"), "de"),
    (os.path.join(SHARED, "eval", "perf", "fr_news_big.txt"), "fr"),
]
DEFAULT_CORPUS = os.path.join(SHARED, "eval", "summarization", "orangesum_fr_valid.jsonl")
DEFAULT_FLOOR = os.path.join(SHARED, "tools", "floor.c")
DEFAULT_CLI = "{kurz} --jsonl -j {jobs} -n {sentences} {input}"

MB = 1e6          # throughput and sizes in decimal megabytes, like the floor's "19 MB/s"
MEM_CONST = 16    # (c): peak RSS <= 10 x input + this many MB
QUICK_BYTES = 400_000
QUICK_DOCS = 300


# ---- running things ----------------------------------------------------------

class Run:
    """One finished process: wall seconds, CPU seconds, peak RSS in KiB."""

    def __init__(self, rc, wall, cpu, rss_kib, out, timed_out=False):
        self.rc, self.wall, self.cpu, self.rss_kib = rc, wall, cpu, rss_kib
        self.out, self.timed_out = out, timed_out

    @property
    def ok(self):
        return self.rc == 0 and not self.timed_out

    def kv(self):
        return parse_kv(self.out)


LAUNCHER = None  # kurz-bench, which runs every measured command (see run())


def run(cmd, timeout=None, keep_output=True, scratch=None):
    """Runs cmd in a fresh process through `kurz-bench --run`, which forks
    from a small process and reports the child's wall and CPU time and peak
    RSS (a child forked straight from Python would start with Python's RSS
    as its high-water mark)."""
    fd, out_path = tempfile.mkstemp(dir=scratch) if keep_output else (None, os.devnull)
    try:
        if fd is not None:
            os.close(fd)
        launcher = [LAUNCHER, "--timeout", str(int(timeout + 0.999) if timeout else 0),
                    "--out", out_path, "--run"] + list(cmd)
        r = subprocess.run(launcher, stdout=subprocess.PIPE, stdin=subprocess.DEVNULL)
        kv = parse_kv(r.stdout.decode("utf-8", "replace"))
        if r.returncode != 0 or "status" not in kv:
            return Run(r.returncode or 1, 0.0, 0.0, 0, "")
        out = ""
        if keep_output:
            with open(out_path, encoding="utf-8", errors="replace") as f:
                out = f.read()
        return Run(int(kv["status"]), float(kv["wall"]), float(kv["cpu"]),
                   int(kv["maxrss_kib"]), out, timed_out=kv.get("timed_out") == "1")
    finally:
        if keep_output:
            os.unlink(out_path)


def parse_kv(text):
    d = {}
    for line in text.splitlines():
        k, sep, v = line.partition("=")
        if sep:
            d[k.strip()] = v.strip()
    return d


def best(runs):
    """The fastest successful run (min wall time), or None."""
    good = [r for r in runs if r is not None and r.ok]
    return min(good, key=lambda r: r.wall) if good else None


def log(msg):
    print(msg, file=sys.stderr, flush=True)


# ---- preparing inputs ----------------------------------------------------------

def head_paragraphs(src, dst, nbytes):
    """The first ~nbytes of src, cut after a blank line (a whole paragraph)."""
    with open(src, "rb") as f:
        data = f.read(nbytes + 200_000)
    cut = data.rfind(b"\n\n", 0, nbytes)
    if cut < nbytes // 2:
        cut = data.rfind(b"\n", 0, nbytes)
    data = data[: cut + 1] if cut > 0 else data[:nbytes]
    with open(dst, "wb") as f:
        f.write(data)


def repeat_file(src, dst, times):
    with open(src, "rb") as f:
        data = f.read()
    if not data.endswith(b"\n\n"):
        data += b"\n\n" if not data.endswith(b"\n") else b"\n"
    with open(dst, "wb") as f:
        for _ in range(times):
            f.write(data)


def prepare_corpus(jsonl, scratch, limit):
    """JSONL -> kurz-bench records file, the texts concatenated per language
    (for the floor), and the same JSONL cut to `limit` documents."""
    docs, lines = [], []
    with open(jsonl, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            o = json.loads(line)
            docs.append((o.get("lang") or "fr", o["text"]))
            lines.append(line if line.endswith("\n") else line + "\n")
            if limit and len(docs) >= limit:
                break
    records = os.path.join(scratch, "corpus.records")
    cut = os.path.join(scratch, "corpus.jsonl")
    per_lang = {}
    with open(records, "wb") as rec, open(cut, "w", encoding="utf-8") as cj:
        for (lang, text), line in zip(docs, lines):
            b = text.encode("utf-8")
            rec.write(b"%s %d\n" % (lang.encode(), len(b)) + b + b"\n")
            cj.write(line)  # the CLI reads the records exactly as given
            per_lang.setdefault(lang, []).append(b)
    concat = {}
    for lang, texts in per_lang.items():
        path = os.path.join(scratch, "corpus-%s.txt" % lang)
        with open(path, "wb") as f:
            f.write(b"\n\n".join(texts))
        concat[lang] = path
    nbytes = sum(len(t.encode("utf-8")) for _, t in docs)
    return records, cut, concat, len(docs), nbytes


# ---- tools -------------------------------------------------------------------

def build_floor(src, builddir):
    """Compiles floor.c into the build dir (never into the repo)."""
    if not os.path.exists(src):
        return None, "floor.c not found (%s)" % src
    out = os.path.join(builddir, "bench", "floor")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    if os.path.exists(out) and os.path.getmtime(out) >= os.path.getmtime(src):
        return out, None
    cc = os.environ.get("CC", "cc")
    cmd = [cc, "-O2", "-o", out, src, "-lstemmer", "-lutf8proc"]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        return None, "cannot compile floor.c: " + r.stderr.strip()[:200]
    return out, None


def buildtype(builddir):
    try:
        with open(os.path.join(builddir, "meson-info", "intro-buildoptions.json")) as f:
            for o in json.load(f):
                if o.get("name") == "buildtype":
                    return o.get("value")
    except (OSError, ValueError):
        pass
    return "?"


def ensure_built(builddir, no_build):
    exe = os.path.join(builddir, "bench", "kurz-bench")
    if not no_build and shutil.which("ninja"):
        r = subprocess.run(["ninja", "-C", builddir, "bench/kurz-bench", "cli/kurz"],
                           capture_output=True, text=True)
        if r.returncode != 0:
            # the CLI may be missing or broken while it is written: build ours alone
            r = subprocess.run(["ninja", "-C", builddir, "bench/kurz-bench"],
                               capture_output=True, text=True)
            if r.returncode != 0:
                tail = (r.stdout + r.stderr).strip().splitlines()[-8:]
                log("bench: ninja failed; using the binaries already built:\n  "
                    + "\n  ".join(tail))
    if not os.path.exists(exe):
        sys.exit("bench: %s not found; build first: meson setup %s --buildtype=release && "
                 "ninja -C %s" % (exe, builddir, builddir))
    return exe


def probe_cli(kurz, template, corpus_jsonl, scratch, sentences):
    """Is `kurz --jsonl -j N` there and working? Returns None or why not."""
    if not os.path.exists(kurz):
        return "not built (%s)" % kurz
    tiny = os.path.join(scratch, "probe.jsonl")
    with open(corpus_jsonl, encoding="utf-8") as f, open(tiny, "w", encoding="utf-8") as t:
        n = 0
        for line in f:
            if line.strip():
                t.write(line)
                n += 1
            if n == 3:
                break
    cmd = cli_cmd(template, kurz, 1, sentences, tiny)
    try:
        r = run(cmd, timeout=30, scratch=scratch)
    except OSError as e:
        return str(e)
    lines = [l for l in r.out.splitlines() if l.strip()]
    if not r.ok:
        return "exit status %s" % r.rc
    if len(lines) < n:
        return "printed %d lines for %d documents" % (len(lines), n)
    return None


def cli_cmd(template, kurz, jobs, sentences, path):
    return [a.format(kurz=kurz, jobs=jobs, sentences=sentences, input=path)
            for a in shlex.split(template)]


# ---- formatting ------------------------------------------------------------------

def fnum(x, fmt="%.3f"):
    return "-" if x is None else fmt % x


def fmb(kib):
    return "-" if kib is None else "%.1f" % (kib * 1024 / MB)


def table(rows, header, align=None):
    cols = len(header)
    w = [len(h) for h in header]
    for r in rows:
        for i, c in enumerate(r):
            w[i] = max(w[i], len(str(c)))
    align = align or ["<"] + [">"] * (cols - 1)
    def line(r):
        return "  ".join(("{:%s%d}" % (align[i], w[i])).format(str(c))
                         for i, c in enumerate(r)).rstrip()
    out = [line(header), "  ".join("-" * x for x in w)]
    out += [line(r) for r in rows]
    return "\n".join(out)


def verdict(ok):
    return "n/a" if ok is None else ("PASS" if ok else "FAIL")


def loadavg():
    try:
        with open("/proc/loadavg") as f:
            return " ".join(f.read().split()[:3])
    except OSError:
        return "?"


def machine_busy_s():
    """CPU seconds the whole machine has been busy since boot (/proc/stat),
    or None."""
    try:
        with open("/proc/stat") as f:
            v = [int(x) for x in f.readline().split()[1:]]
        hz = os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError):
        return None
    idle = v[3] + (v[4] if len(v) > 4 else 0)  # idle, iowait
    return (sum(v[:8]) - idle) / hz  # user .. steal (guest time is within user)


def own_cpu_s():
    """CPU seconds of this process and every child it has waited for."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "?"


# ---- the benchmark -----------------------------------------------------------

def ratio(a, b):
    return a / b if a and b else None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("builddir", nargs="?", default=os.path.join(REPO, "build"),
                    help="meson build dir (default: REPO/build)")
    ap.add_argument("--input", action="append", metavar="FILE[:LANG]",
                    help="a single document to time (repeatable; default: "
                         "../shared/eval/perf/de_wiki_big.txt:de and fr_news_big.txt:fr)")
    ap.add_argument("--corpus", default=DEFAULT_CORPUS, metavar="JSONL",
                    help="JSONL corpus ({\"text\", \"lang\"} per line) for corpus mode "
                         "(default: ../shared/eval/summarization/orangesum_fr_valid.jsonl); "
                         "'' to skip")
    ap.add_argument("--floor-src", default=DEFAULT_FLOOR, help="floor.c to compile")
    ap.add_argument("--sentences", type=int, default=10, help="summary length (default 10)")
    ap.add_argument("--reps", type=int,
                    help="runs per measurement, fastest kept (default 3, corpus mode 7, "
                         "quick 1; growth <= 2)")
    ap.add_argument("--growth", type=int, default=10,
                    help="growth factor: the first input repeated this often (0 = skip)")
    ap.add_argument("--ots-timeout", type=float, default=300, help="seconds (default 300)")
    ap.add_argument("--no-ots", action="store_true", help="do not time ots")
    ap.add_argument("--cli", default=DEFAULT_CLI,
                    help="corpus-mode command; {kurz} {jobs} {sentences} {input} are "
                         "replaced (default: %(default)r)")
    ap.add_argument("--quick", action="store_true",
                    help="small run: ~%d kB heads of the inputs, %d corpus documents, 1 rep"
                         % (QUICK_BYTES // 1000, QUICK_DOCS))
    ap.add_argument("--scratch", help="directory for temporary files (default: a new one in /tmp)")
    ap.add_argument("--json", metavar="FILE", help="also write every figure as JSON")
    ap.add_argument("--no-build", action="store_true", help="do not run ninja first")
    a = ap.parse_args()

    global LAUNCHER
    builddir = os.path.abspath(a.builddir)
    reps = a.reps or (1 if a.quick else 3)
    # Corpus runs take a tenth of a second, and the -j 2 speed-up is the
    # ratio of two noisy times: more runs cost little and steady it.
    corpus_reps = a.reps or (1 if a.quick else 7)
    bench = LAUNCHER = ensure_built(builddir, a.no_build)
    kurz = os.path.join(builddir, "cli", "kurz")
    made_scratch = not a.scratch
    scratch = a.scratch or tempfile.mkdtemp(prefix="kurz-bench-")
    os.makedirs(scratch, exist_ok=True)
    floor, floor_why = build_floor(a.floor_src, builddir)
    ots = None if a.no_ots else shutil.which("ots")
    res = {"date": datetime.datetime.now().isoformat(timespec="seconds"),
           "host": {"cpus": os.cpu_count(), "cpu": cpu_model(), "load_start": loadavg()},
           "reps": reps, "corpus_reps": corpus_reps, "quick": a.quick, "sentences": a.sentences,
           "docs": [], "growth": None, "corpus": None}
    try:
        inputs = []
        for spec in a.input or ["%s:%s" % p for p in DEFAULT_INPUTS]:
            path, _, lang = spec.rpartition(":")
            if not path or "/" in lang:
                path, lang = spec, "de"
            if not os.path.exists(path):
                log("bench: skipping %s (not found)" % path)
                continue
            name = os.path.splitext(os.path.basename(path))[0]
            if a.quick:
                small = os.path.join(scratch, name + "-head.txt")
                head_paragraphs(path, small, QUICK_BYTES)
                path, name = small, name + "-head"
            inputs.append((name, path, lang))

        for name, path, lang in inputs:
            res["docs"].append(measure_doc(a, bench, floor, ots, scratch,
                                           name, path, lang, reps, True, kurz))

        if a.growth and a.growth > 1 and inputs:
            name, path, lang = inputs[0]
            big = os.path.join(scratch, "%s-x%d.txt" % (name, a.growth))
            repeat_file(path, big, a.growth)
            g = measure_doc(a, bench, floor, ots, scratch, "%s x%d" % (name, a.growth), big,
                            lang, min(reps, 2), False)
            g["factor"] = a.growth
            g["base"] = name
            res["growth"] = g
            os.unlink(big)

        if a.corpus:
            if not os.path.exists(a.corpus):
                log("bench: skipping the corpus (%s not found)" % a.corpus)
            else:
                res["corpus"] = measure_corpus(a, bench, kurz, floor, scratch, corpus_reps)
    finally:
        res["host"]["load_end"] = loadavg()
        if made_scratch:
            shutil.rmtree(scratch, ignore_errors=True)

    res["floor"] = floor or floor_why
    res["ots"] = ots or ("disabled" if a.no_ots else "not installed")
    report(res, builddir)
    if a.json:
        with open(a.json, "w") as f:
            json.dump(res, f, indent=1)
    return 0


def stage_figures(kvs):
    """Per stage, the least of the runs (noise only ever adds), CPU and wall."""
    names = kvs[0]["stages"].split(",")
    return {
        "stage_order": names,
        "stages": {s: min(float(kv["stage_cpu." + s]) for kv in kvs) for s in names},
        "stages_wall": {s: min(float(kv["stage." + s]) for kv in kvs) for s in names},
        "stages_match": all(kv.get("stages_match") == "1" for kv in kvs),
        "heap_peak": min(int(kv["heap_peak"]) for kv in kvs),
    }


def measure_doc(a, bench, floor, ots, scratch, name, path, lang, nreps, with_ots, kurz=None):
    size = os.path.getsize(path)
    log("bench: %s (%.1f MB, %s) x%d" % (name, size / MB, lang, nreps))
    n = str(a.sentences)
    e2e, stg, flo, cmd = [], [], [], []
    for _ in range(nreps):  # interleaved, so a change of load hits all alike
        if floor:
            flo.append(run([floor, lang, path], keep_output=False))
        e2e.append(run([bench, "-l", lang, "-n", n, path], scratch=scratch))
        stg.append(run([bench, "--stages", "-l", lang, "-n", n, path], scratch=scratch))
        if kurz and os.path.exists(kurz):  # the whole command, reading the file included
            cmd.append(run([kurz, "-l", lang, "-n", n, path], keep_output=False))
    d = {"name": name, "path": path, "lang": lang, "bytes": size}
    good = [r for r in e2e if r.ok]
    if good:
        kvs = [r.kv() for r in good]
        d.update(kurz_s=min(float(kv["time"]) for kv in kvs),
                 kurz_cpu=min(float(kv["cpu_time"]) for kv in kvs),
                 kurz_proc_s=min(r.wall for r in good),
                 kurz_faults=min(int(kv.get("faults", 0)) for kv in kvs),
                 kurz_rss_kib=max(r.rss_kib for r in good),
                 loaded_kib=max(int(kv["rss_loaded_kib"]) for kv in kvs),
                 sentences=int(kvs[0]["sentences"]), chosen=int(kvs[0]["chosen"]))
    else:
        d["kurz_error"] = "kurz-bench failed (exit %s)" % (e2e[0].rc if e2e else "?")
    good = [r for r in stg if r.ok]
    if good:
        d.update(stage_figures([r.kv() for r in good]))
    good = [r for r in flo if r.ok]
    if good:
        d.update(floor_s=min(r.wall for r in good), floor_cpu=min(r.cpu for r in good),
                 floor_rss_kib=max(r.rss_kib for r in good))
    good = [r for r in cmd if r.ok]
    if good:
        d.update(cmd_s=min(r.wall for r in good), cmd_cpu=min(r.cpu for r in good))
    if with_ots and ots:
        log("bench:   ots on %s (timeout %ds)" % (name, a.ots_timeout))
        r = run([ots, "-d", lang, "-r", "10", path], timeout=a.ots_timeout, keep_output=False)
        if r.ok:
            d.update(ots_s=r.wall, ots_cpu=r.cpu, ots_rss_kib=r.rss_kib)
        else:
            d["ots_error"] = ("timeout %ds" % a.ots_timeout if r.timed_out else "exit %s" % r.rc)
    return d


def halves(a, kurz, jsonl, scratch, reps):
    """Wall time of two `kurz --jsonl -j 1` processes run at once, each on
    every other record: what two cores give for work that shares nothing
    (no thread of one process can do better than that). Least of reps."""
    parts = [os.path.join(scratch, "half%d.jsonl" % k) for k in (0, 1)]
    with open(jsonl, encoding="utf-8") as f:
        lines = [l for l in f if l.strip()]
    for k, p in enumerate(parts):
        with open(p, "w", encoding="utf-8") as out:
            out.writelines(lines[k::2])
    best_s = None
    for _ in range(reps):
        t0 = time.perf_counter()
        procs = [subprocess.Popen(cli_cmd(a.cli, kurz, 1, a.sentences, p),
                                  stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
                 for p in parts]
        rcs = [p.wait() for p in procs]
        wall = time.perf_counter() - t0
        if all(rc == 0 for rc in rcs):
            best_s = wall if best_s is None else min(best_s, wall)
    return best_s


def measure_corpus(a, bench, kurz, floor, scratch, reps):
    limit = QUICK_DOCS if a.quick else 0
    records, cut, concat, ndocs, nbytes = prepare_corpus(a.corpus, scratch, limit)
    log("bench: corpus %s (%d documents, %.1f MB of text) x%d"
        % (os.path.basename(a.corpus), ndocs, nbytes / MB, reps))
    c = {"name": os.path.splitext(os.path.basename(a.corpus))[0], "docs": ndocs, "bytes": nbytes}
    cli_why = probe_cli(kurz, a.cli, cut, scratch, a.sentences)
    c["cli"] = cli_why or "ok"
    n = str(a.sentences)
    lib, cli, flo = {1: [], 2: []}, {1: [], 2: []}, []
    # How much CPU others took meanwhile: the -j 2 speed-up needs both CPUs.
    busy0, own0, t0 = machine_busy_s(), own_cpu_s(), time.perf_counter()
    for _ in range(reps):
        if floor:  # one floor run per language, on its texts concatenated
            runs = [run([floor, lang, p], keep_output=False) for lang, p in sorted(concat.items())]
            if all(r.ok for r in runs):
                flo.append(Run(0, sum(r.wall for r in runs), sum(r.cpu for r in runs),
                               max(r.rss_kib for r in runs), ""))
        for j in (1, 2):
            lib[j].append(run([bench, "--docs", "-j", str(j), "-n", n, records], scratch=scratch))
            if not cli_why:
                cli[j].append(run(cli_cmd(a.cli, kurz, j, a.sentences, cut),
                                  keep_output=False, timeout=600))
    busy1, own1, t1 = machine_busy_s(), own_cpu_s(), time.perf_counter()
    if busy0 is not None and busy1 is not None and t1 > t0:
        others = max(0.0, (busy1 - busy0) - (own1 - own0))
        c["others_cpu_share"] = others / ((t1 - t0) * (os.cpu_count() or 1))
    if not cli_why:
        c["halves_s"] = halves(a, kurz, cut, scratch, reps)
    stg = run([bench, "--docs", "--stages", "-n", n, records], scratch=scratch)
    good = [r for r in flo if r.ok]
    if good:
        c.update(floor_s=min(r.wall for r in good), floor_cpu=min(r.cpu for r in good),
                 floor_rss_kib=max(r.rss_kib for r in good))
    for j in (1, 2):
        good = [r for r in lib[j] if r.ok]
        if good:
            kvs = [r.kv() for r in good]
            c["lib_j%d_s" % j] = min(float(kv["time"]) for kv in kvs)
            c["lib_j%d_cpu" % j] = min(float(kv["cpu_time"]) for kv in kvs)
            c["lib_j%d_rss_kib" % j] = max(r.rss_kib for r in good)
            c["sentences"] = int(kvs[0]["sentences"])
        good = [r for r in cli[j] if r.ok]
        if good:
            c["cli_j%d_s" % j] = min(r.wall for r in good)
            c["cli_j%d_cpu" % j] = min(r.cpu for r in good)
            c["cli_j%d_rss_kib" % j] = max(r.rss_kib for r in good)
        elif cli[j]:
            r = cli[j][0]
            c["cli"] = "failed: " + ("timeout" if r.timed_out else "exit %s" % r.rc)
    if stg.ok:
        c.update(stage_figures([stg.kv()]))
        del c["heap_peak"]  # the sum over documents would mean nothing
    return c


def report(res, builddir):
    P = print
    h = res["host"]
    P()
    P("kurz benchmark, %s, %d CPUs (%s), load average %s -> %s" % (
        res["date"], h["cpus"] or 0, h["cpu"], h["load_start"], h["load_end"]))
    P("build: %s (%s); floor: %s; ots: %s" % (builddir, buildtype(builddir), res["floor"],
                                               res["ots"]))
    P("every run a fresh process; each figure the least of %d run(s) (corpus mode: %d);"
      " summaries of %d sentences; MB = 10^6 bytes"
      % (res["reps"], res.get("corpus_reps", res["reps"]), res["sentences"]))
    try:  # at the start: at the end, the load includes this benchmark's own ots runs
        busy = float(h["load_start"].split()[0])
    except (ValueError, IndexError):
        busy = 0
    if h["cpus"] and busy > 0.5 * h["cpus"]:
        P("NOTE: the machine was busy when the benchmark began (load %.1f on %d CPUs): wall"
          " times may be inflated; the cpu columns are not affected." % (busy, h["cpus"]))
    others = (res.get("corpus") or {}).get("others_cpu_share")
    if others is not None and others > 0.10:
        P("NOTE: other processes took %.0f%% of the CPUs during the corpus runs: the -j 2"
          " speed-up is unreliable." % (100 * others))
    P()

    docs = list(res["docs"])
    if res["growth"]:
        docs.append(res["growth"])
    rows = []
    for d in docs:
        t = d.get("kurz_s")
        rows.append([
            d["name"], "%.2f" % (d["bytes"] / MB), d.get("sentences", "-"),
            fnum(t), fnum(d.get("kurz_cpu")),
            fnum(ratio(d["bytes"] / MB, t), "%.1f"), fnum(ratio(d.get("sentences"), t), "%.0f"),
            fmb(d.get("kurz_rss_kib")), d.get("kurz_faults", "-"),
            fnum(d.get("floor_s")), fnum(d.get("floor_cpu")), fmb(d.get("floor_rss_kib")),
            fnum(ratio(t, d.get("floor_s")), "%.2fx"),
            fnum(ratio(d.get("kurz_cpu"), d.get("floor_cpu")), "%.2fx"),
            d["ots_error"] if "ots_error" in d else fnum(d.get("ots_s"), "%.1f"),
            fmb(d.get("ots_rss_kib")),
        ])
    P("Single documents: kurz_summarize end to end (to %d sentences) vs the floor and ots"
      % res["sentences"])
    P(table(rows, ["input", "MB", "sentences", "kurz s", "cpu s", "MB/s", "sent/s", "RSS MB",
                   "faults", "floor s", "cpu s", "RSS MB", "kurz/floor", "(cpu)", "ots s",
                   "RSS MB"]))
    P()

    c = res["corpus"]
    srows, order = [], None
    for d in docs + ([c] if c else []):
        if "stages" not in d:
            continue
        order = d["stage_order"]
        tot = sum(d["stages"].values())
        srows.append([d["name"]]
                     + ["%.3f %2.0f%%" % (d["stages"][s], 100 * d["stages"][s] / tot if tot else 0)
                        for s in order]
                     + ["%.3f" % tot, fmb(d["heap_peak"] / 1024) if "heap_peak" in d else "-",
                        "yes" if d["stages_match"] else "NO"])
    if srows:
        P("Stages: CPU seconds and share of their sum (the internal calls of kurz_summarize)")
        P(table(srows, ["input"] + order + ["sum", "heap MB", "= api"]))
        P()

    if c:
        P("Corpus mode: %s, %d documents, %.2f MB of text, %s sentences" % (
            c["name"], c["docs"], c["bytes"] / MB, c.get("sentences", "?")))
        crow = []
        fl, flc = c.get("floor_s"), c.get("floor_cpu")
        def cr(label, key):
            s, cpu = c.get(key + "_s"), c.get(key + "_cpu")
            crow.append([label, fnum(s), fnum(cpu), fnum(ratio(c["bytes"] / MB, s), "%.1f"),
                         fnum(ratio(c.get("sentences"), s), "%.0f"), fmb(c.get(key + "_rss_kib")),
                         fnum(ratio(s, fl), "%.2fx"), fnum(ratio(cpu, flc), "%.2fx")])
        cr("floor, texts concatenated", "floor")
        cr("library (kurz-bench) -j 1", "lib_j1")
        cr("library (kurz-bench) -j 2", "lib_j2")
        if c["cli"] == "ok" or "cli_j1_s" in c:
            cr("kurz --jsonl -j 1", "cli_j1")
            cr("kurz --jsonl -j 2", "cli_j2")
        else:
            crow.append(["kurz --jsonl: not available (%s)" % c["cli"]] + ["-"] * 7)
        P(table(crow, ["run", "wall s", "cpu s", "MB/s", "sent/s", "RSS MB", "x floor", "(cpu)"]))
        P()

    # ---- targets: wall time as specified, the CPU-time ratio beside it
    trows = []
    for d in res["docs"]:
        r = ratio(d.get("kurz_s"), d.get("floor_s"))
        rc = ratio(d.get("kurz_cpu"), d.get("floor_cpu"))
        trows.append(["(a) %s: kurz_summarize <= 1.0x floor" % d["name"],
                      "%s (cpu %s)" % (fnum(r, "%.2fx"), fnum(rc, "%.2fx")),
                      verdict(None if r is None else r <= 1.0)])
        if d.get("cmd_s") is not None:
            trows.append(["    (info) the kurz command, whole process, reading the file",
                          "%s (cpu %s)" % (fnum(ratio(d["cmd_s"], d.get("floor_s")), "%.2fx"),
                                           fnum(ratio(d["cmd_cpu"], d.get("floor_cpu")),
                                                "%.2fx")), ""])
    g = res["growth"]
    if g:
        base = next((d for d in res["docs"] if d["name"] == g["base"]), {})
        lim = g["factor"] + 1
        tr = ratio(g.get("kurz_s"), base.get("kurz_s"))
        tc = ratio(g.get("kurz_cpu"), base.get("kurz_cpu"))
        mr = ratio(g.get("kurz_rss_kib"), base.get("kurz_rss_kib"))
        fr = ratio(g.get("floor_s"), base.get("floor_s"))
        trows.append(["(b) x%d input: time <= %dx (the floor grew %s)"
                      % (g["factor"], lim, fnum(fr, "%.1fx")),
                      "%s (cpu %s)" % (fnum(tr, "%.1fx"), fnum(tc, "%.1fx")),
                      verdict(None if tr is None else tr <= lim)])
        trows.append(["(b) x%d input: peak RSS <= %dx" % (g["factor"], lim),
                      fnum(mr, "%.1fx"), verdict(None if mr is None else mr <= lim)])
    for d in docs:
        if d.get("kurz_rss_kib") is None:
            continue
        rss = d["kurz_rss_kib"] * 1024 / MB
        lim = 10 * d["bytes"] / MB + MEM_CONST
        trows.append(["(c) %s: peak RSS <= 10x input + %d MB = %.0f MB"
                      % (d["name"], MEM_CONST, lim),
                      "%.1f MB (%.1fx)" % (rss, rss / (d["bytes"] / MB)), verdict(rss <= lim)])
    if c:
        why = "" if c["cli"] == "ok" else " [CLI " + c["cli"] + "]"
        r = ratio(c.get("cli_j1_s"), c.get("floor_s"))
        rc = ratio(c.get("cli_j1_cpu"), c.get("floor_cpu"))
        trows.append(["(d) kurz --jsonl -j 1 <= floor on the same bytes" + why,
                      "%s (cpu %s)" % (fnum(r, "%.2fx"), fnum(rc, "%.2fx")),
                      verdict(None if r is None else r <= 1.0)])
        sp = ratio(c.get("cli_j1_s"), c.get("cli_j2_s"))
        trows.append(["(d) kurz --jsonl: -j 2 >= 1.7x faster than -j 1" + why,
                      # three decimals: 1.696 must not print as a failing "1.70"
                      fnum(sp, "%.3fx"), verdict(None if sp is None else sp >= 1.7)])
        trows.append(["    (info) library alone: -j 1 vs floor; -j 2 speed-up",
                      "%s; %s" % (fnum(ratio(c.get("lib_j1_s"), c.get("floor_s")), "%.2fx"),
                                  fnum(ratio(c.get("lib_j1_s"), c.get("lib_j2_s")), "%.2fx")),
                      ""])
        if c.get("halves_s"):
            trows.append(["    (info) two -j 1 processes on half the records each, at once",
                          fnum(ratio(c.get("cli_j1_s"), c["halves_s"]), "%.2fx"), ""])
    P("Targets")
    P(table(trows, ["target", "measured", "verdict"], align=["<", ">", "<"]))
    bad = [d["name"] for d in docs + ([c] if c else []) if d.get("stages_match") is False]
    if bad:
        P()
        P("WARNING: the stage-by-stage pipeline chose other sentences than kurz_summarize on %s:"
          " bench/kurz-bench.c no longer mirrors lib/api.c." % ", ".join(bad))
    for d in docs:
        if "kurz_error" in d:
            P("ERROR %s: %s" % (d["name"], d["kurz_error"]))


if __name__ == "__main__":
    sys.exit(main())
