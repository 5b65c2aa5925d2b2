#!/bin/sh
# SPDX-License-Identifier: MIT
# Runs every libFuzzer target of a -Dfuzz=true build for a bounded time.
#
#   tests/fuzz/run-fuzzers.sh BUILD_DIR SECONDS_PER_TARGET
#
# Each target starts from the seed corpus in tests/fuzz/corpus/TARGET (read
# only) plus a working corpus in BUILD_DIR/fuzz-work/TARGET/corpus that
# grows across runs. A crash, leak, sanitizer report, timeout (an input
# that takes more than FUZZ_TIMEOUT seconds, default 25) or out-of-memory
# stops that target; its reproducer is kept as
# BUILD_DIR/fuzz-work/TARGET/artifacts/crash-* (or leak-, timeout-, oom-)
# and the script exits 1 after running the other targets. Reproduce with
#   BUILD_DIR/tests/fuzz/fuzz-TARGET FILE
# and keep it as a regression test by copying it into tests/fuzz/regressions/.
#
# Environment: FUZZ_TARGETS (default "split summarize keyphrase langid options jsonl"), FUZZ_TIMEOUT,
# FUZZ_MAX_LEN (default 16384), FUZZ_RSS_MB (default 2048), FUZZ_ARGS
# (extra libFuzzer flags).
set -u

if [ $# -ne 2 ]; then
    echo "usage: $0 BUILD_DIR SECONDS_PER_TARGET" >&2
    exit 2
fi
build=$1
secs=$2
case $secs in
    ''|*[!0-9]*) echo "$0: SECONDS_PER_TARGET must be a number" >&2; exit 2 ;;
esac
here=$(cd "$(dirname "$0")" && pwd)
targets=${FUZZ_TARGETS:-"split summarize keyphrase langid options jsonl"}
timeout=${FUZZ_TIMEOUT:-25}
max_len=${FUZZ_MAX_LEN:-16384}
rss=${FUZZ_RSS_MB:-2048}

# Sanitizer reports must abort so libFuzzer keeps the input.
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}

status=0
for t in $targets; do
    exe=$build/tests/fuzz/fuzz-$t
    if [ ! -x "$exe" ]; then
        echo "$0: $exe not found: configure with -Dfuzz=true (clang) and build first" >&2
        exit 2
    fi
    work=$build/fuzz-work/$t
    mkdir -p "$work/corpus" "$work/artifacts"
    echo "== fuzz-$t: $secs s (seeds: $here/corpus/$t)"
    # shellcheck disable=SC2086
    "$exe" -max_total_time="$secs" -timeout="$timeout" -rss_limit_mb="$rss" \
        -max_len="$max_len" -dict="$here/kurz.dict" -print_final_stats=1 \
        -artifact_prefix="$work/artifacts/" ${FUZZ_ARGS:-} \
        "$work/corpus" "$here/corpus/$t" > "$work/log.txt" 2>&1
    rc=$?
    tail -n 12 "$work/log.txt"
    if [ $rc -ne 0 ]; then
        echo "!! fuzz-$t FAILED (exit $rc); reproducer(s):"
        ls -l "$work/artifacts/" 2>/dev/null
        grep -m 5 -E 'ERROR|FUZZ CHECK|runtime error|SUMMARY' "$work/log.txt"
        status=1
    else
        echo "ok fuzz-$t"
    fi
done
exit $status
