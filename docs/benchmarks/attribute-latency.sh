#!/usr/bin/env bash
# How long an attribute slider's move takes to show its decoded image, and a drawing its encoding,
# in the explorer window on the embedded digits, while training and while paused, under Xvfb.
# Needs: xvfb (apt-get install xvfb) and the jar: mvn -B package -DskipTests.
# Usage: docs/benchmarks/attribute-latency.sh [seconds per phase] [control]
# ("control": the decoded grid shown and nothing moved, for the frame intervals without the tools)
set -euo pipefail
cd "$(dirname "$0")/../.."
display=:96
Xvfb "$display" -screen 0 1400x900x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb' EXIT
sleep 1
DISPLAY="$display" OMP_NUM_THREADS=1 java -cp "target/latent-lab.jar:target/lib/*" \
    org.latentlab.app.AttributeLatencyBenchmark "${1:-15}" "${@:2}"
