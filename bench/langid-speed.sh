#!/bin/sh
# SPDX-License-Identifier: MIT
# Speed targets of language identification (issue 16), with farm-bench
# (A B A B pairs; quote the median ratio):
#   1. kurz-langid against CLD2 on the texts of langid_dev.jsonl, one per line;
#   2. what identification adds to summarizing French news: the 1,500
#      orangesum_fr_valid articles in corpus mode, without and with "lang";
#   3. the same for one 3 KB article, French and German, whole process
#      (`kurz -n 3 FILE` against `kurz -l LANG -n 3 FILE`).
#
#   bench/langid-speed.sh [BUILDDIR] [RUNS]     (default build-rel, 11)
#
# Needs a release build with bench/cld2-langid (Debian libcld2-dev) and the
# evaluation data in ../shared/eval; inputs are written to a temporary
# directory, never into the repository.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build-rel}
runs=${2:-11}
eval=${KURZ_EVAL:-$here/../../shared/eval}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
py=/usr/bin/python3

"$py" - "$eval" "$tmp" <<'EOF'
import json, os, sys
ev, tmp = sys.argv[1], sys.argv[2]
with open(os.path.join(tmp, "texts.txt"), "w", encoding="utf-8") as out:
    for line in open(os.path.join(ev, "multi", "langid_dev.jsonl"), encoding="utf-8"):
        out.write(" ".join(json.loads(line)["text"].split()) + "\n")
fr = [json.loads(l) for l in open(os.path.join(ev, "summarization", "orangesum_fr_valid.jsonl"),
                                    encoding="utf-8")]
with open(os.path.join(tmp, "fr_lang.jsonl"), "w", encoding="utf-8") as a, \
     open(os.path.join(tmp, "fr_nolang.jsonl"), "w", encoding="utf-8") as b:
    for r in fr:
        a.write(json.dumps({"id": r["id"], "lang": "fr", "text": r["text"]}, ensure_ascii=False) + "\n")
        b.write(json.dumps({"id": r["id"], "text": r["text"]}, ensure_ascii=False) + "\n")
de = [json.loads(l) for l in open(os.path.join(ev, "summarization", "klexikon_de_validation.jsonl"),
                                    encoding="utf-8")]
for name, recs in (("fr3k.txt", fr), ("de3k.txt", de)):
    best = min(recs, key=lambda r: (abs(len(r["text"].encode()) - 3000), r["id"]))
    with open(os.path.join(tmp, name), "w", encoding="utf-8") as f:
        f.write(best["text"])
EOF

kurz=$build/cli/kurz
echo "== 1. kurz-langid (A) against cld2-langid (B), $(wc -l < "$tmp/texts.txt") texts"
farm-bench -n "$runs" --vs "sh -c 'exec $build/bench/cld2-langid < $tmp/texts.txt > /dev/null'" \
    -- sh -c "exec $build/bench/kurz-langid < $tmp/texts.txt > /dev/null"
echo "== 2. summarizing 1,500 French articles: auto (A) against -l fr (B)"
farm-bench -n "$runs" --vs "sh -c 'exec $kurz --jsonl -j 1 < $tmp/fr_lang.jsonl > /dev/null'" \
    -- sh -c "exec $kurz --jsonl -j 1 < $tmp/fr_nolang.jsonl > /dev/null"
for l in fr de; do
    echo "== 3. one 3 KB article ($l, $(wc -c < "$tmp/${l}3k.txt") bytes): auto (A) against -l $l (B)"
    farm-bench -n $((runs * 3)) --vs "$kurz -l $l -n 3 $tmp/${l}3k.txt" -- "$kurz" -n 3 "$tmp/${l}3k.txt"
done
