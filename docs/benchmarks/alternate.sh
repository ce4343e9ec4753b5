#!/usr/bin/env bash
# Runs a window benchmark on two builds in turn, so that whatever else the machine does falls on
# both alike: rounds of A B, then B A, and so on. Each build is a folder holding a copy of
# latent-lab.jar, bench-classes and lib (copy them from target/ before and after a change).
#
#   docs/benchmarks/alternate.sh BUILD-A BUILD-B ROUNDS MODE [arguments]
#       e.g. docs/benchmarks/alternate.sh /tmp/before /tmp/after 3 timeline-scrub 20 3000
set -euo pipefail
cd "$(dirname "$0")"
a="$1"; b="$2"; rounds="$3"; shift 3
for round in $(seq 1 "$rounds"); do
    if (( round % 2 )); then order="$a $b"; else order="$b $a"; fi
    for build in $order; do
        echo "== round $round, $build, $(date -u +%H:%M:%S) UTC, load average $(cut -d' ' -f1-3 /proc/loadavg)"
        WINDOW_BENCHMARK_BUILD="$build" ./window.sh "$@" || echo "== that run failed (exit $?)"
    done
done
