#!/usr/bin/env bash
# Frame times of the explorer window while it trains, under a virtual display (Xvfb).
# Needs: xvfb (apt-get install xvfb), Fashion-MNIST (apt-get install dataset-fashion-mnist),
# and the jar: mvn -B package -DskipTests.
# Usage: docs/benchmarks/frame-time.sh [seconds to measure] [seconds of warm-up]
set -euo pipefail
cd "$(dirname "$0")/../.."
display=:97
Xvfb "$display" -screen 0 1400x900x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb' EXIT
sleep 1
DISPLAY="$display" OMP_NUM_THREADS=1 java -cp "target/latent-lab.jar:target/lib/*" \
    org.latentlab.app.FrameTimeBenchmark "${1:-20}" "${2:-3}"
