#!/usr/bin/env bash
# Frame times of the window while it trains, under a virtual display (Xvfb).
# explore: the Explore tab on Fashion-MNIST (apt-get install dataset-fashion-mnist);
# compare: the Compare tab training four models on the embedded digits, with epoch times.
# Needs: xvfb (apt-get install xvfb) and the jar: mvn -B package -DskipTests.
# Usage: docs/benchmarks/frame-time.sh [seconds to measure] [seconds of warm-up] [explore|compare]
set -euo pipefail
cd "$(dirname "$0")/../.."
display="${FRAME_TIME_DISPLAY:-:97}"  # another display if :97 is taken
Xvfb "$display" -screen 0 1400x900x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb' EXIT
sleep 1
DISPLAY="$display" OMP_NUM_THREADS=1 java -cp "target/latent-lab.jar:target/lib/*" \
    org.latentlab.app.FrameTimeBenchmark "${1:-20}" "${2:-3}" "${3:-explore}"
