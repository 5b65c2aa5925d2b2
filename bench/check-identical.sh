#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Byte-identical output check for refactors: runs BUILD's kurz on every record
# of ../shared/eval/summarization/*.jsonl (corpus mode, JSON with offsets and
# scores; again at -w 30 and --split) and on both big files of
# ../shared/eval/perf at -n 10, and writes each output under OUTDIR.
#   bench/check-identical.sh BUILD OUTDIR            # record
#   bench/check-identical.sh BUILD OUTDIR REFDIR     # record, then compare with REFDIR
# Exits 1 when any output differs from REFDIR's.
set -euo pipefail
build=${1:?build dir}; out=${2:?output dir}; ref=${3:-}
eval_dir=${KURZ_EVAL:-$(cd "$(dirname "$0")/../.." && pwd)/shared/eval}
kurz="$build/cli/kurz"
mkdir -p "$out"
for f in "$eval_dir"/summarization/*.jsonl; do
    b=$(basename "$f" .jsonl)
    "$kurz" --jsonl -l de --format json < "$f" > "$out/$b.json" 2>&1 || true
    "$kurz" --jsonl -l de -w 30 < "$f" > "$out/$b.w30.json" 2>&1 || true
    "$kurz" --jsonl -l de --split < "$f" > "$out/$b.split.json" 2>&1 || true
done
"$kurz" -l de -n 10 "$eval_dir/perf/de_wiki_big.txt" > "$out/de_wiki_big.txt" 2>&1 || true
"$kurz" -l fr -n 10 "$eval_dir/perf/fr_news_big.txt" > "$out/fr_news_big.txt" 2>&1 || true
"$kurz" -l fr -n 10 --format json "$eval_dir/perf/fr_news_big.txt" > "$out/fr_news_big.json" 2>&1 || true
if [ -n "$ref" ]; then
    status=0
    for f in "$ref"/*; do
        b=$(basename "$f")
        if cmp -s "$f" "$out/$b"; then echo "same    $b ($(wc -l < "$f") lines)"
        else echo "DIFFERS $b"; status=1; fi
    done
    exit $status
fi
