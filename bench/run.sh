#!/bin/sh
# SPDX-License-Identifier: MIT
# Speed and memory of kurz against the floor and ots, one command:
#   bench/run.sh [BUILDDIR] [--quick] [options]     (see docs/benchmarks.md)
exec /usr/bin/python3 "$(dirname "$0")/bench.py" "$@"
