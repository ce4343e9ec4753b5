#!/usr/bin/env bash
# Benchmarks of the explorer window while it trains, under a virtual display (Xvfb).
# Needs: xvfb (apt-get install xvfb), the jar and the benchmarks, which live outside it in
# src/bench/java and are compiled into target/bench-classes (mvn -B package -DskipTests builds both); frame-time also
# needs Fashion-MNIST (apt-get install dataset-fashion-mnist) for its 10,000 scatter points.
#
#   docs/benchmarks/window.sh frame-time [seconds] [warm-up seconds]
#       frame intervals with 10,000 scatter points and a 20 × 20 grid, β slider → status line
#   docs/benchmarks/window.sh attribute-latency [seconds per phase] [control]
#       attribute slider → decoded image, drawing → encoding, while training and paused
#   docs/benchmarks/window.sh compare-frame-time [seconds] [warm-up seconds]
#       frame intervals on the Compare tab training four models, and each lockstep epoch's time
#   docs/benchmarks/window.sh timeline-scrub [seconds] [iterations]   (20 and 3,000 by default)
#       trains the embedded digits to that many iterations, then drags the timeline's scrubber back
#       and forth with the mouse for that many seconds with training running (the window holds it
#       while the thumb is held: the phase counts the iterations trained), and again paused:
#       frame intervals, moments shown a second, and what the JVM did meanwhile: GC pauses and the
#       slow frames (over 33 ms) that held one, CPU time and allocation a frame by each thread and
#       by the X server; ends with the table for docs/benchmarks.md ("The training timeline")
#   docs/benchmarks/window.sh likelihood-latency [clicks] [warm-up seconds]   (40 and 5 by default)
#       while the window trains, chooses held-out images one after another with the Likelihood tab
#       shown: the time from each choice to the heat map and numbers being taken up (median, p90),
#       then the parts of one image's computation timed while training goes on
#   docs/benchmarks/window.sh soak [minutes] [warm-up minutes]      (60 and 5 by default)
#       the window training for an hour with every view live (scatter, loss chart, strips, the
#       decoded grid and the Attributes tab in turn, a slider moved every 200 ms); one line a
#       minute: resident memory (VmRSS), heap in use and after GC, frame intervals (median, p99,
#       largest, how many over 100 ms) and iterations per second; at the end the growth of memory
#       from the end of the warm-up (target under 5 %) and the frames over 100 ms after it
#       (target none). Saves nothing in the user's folders (XDG_DATA_HOME points at a temporary
#       folder for this mode).
set -euo pipefail
cd "$(dirname "$0")/../.."
case "${1:-}" in
    frame-time) main=org.latentlab.app.FrameTimeBenchmark ;;
    attribute-latency) main=org.latentlab.app.AttributeLatencyBenchmark ;;
    compare-frame-time) main=org.latentlab.app.CompareFrameTimeBenchmark ;;
    timeline-scrub) main=org.latentlab.app.TimelineScrubBenchmark ;;
    likelihood-latency) main=org.latentlab.app.LikelihoodLatencyBenchmark ;;
    soak) main=org.latentlab.app.SoakBenchmark
          XDG_DATA_HOME="$(mktemp -d)"; XDG_CONFIG_HOME="$XDG_DATA_HOME"; export XDG_DATA_HOME XDG_CONFIG_HOME ;;
    *) echo "usage: $0 frame-time|attribute-latency|compare-frame-time|timeline-scrub|likelihood-latency|soak [arguments]" >&2; exit 2 ;;
esac
shift
build="${WINDOW_BENCHMARK_BUILD:-target}"  # or a folder holding another build's latent-lab.jar, bench-classes and lib
display="${WINDOW_BENCHMARK_DISPLAY:-:97}"  # another display if :97 is taken
Xvfb "$display" -screen 0 1400x900x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; wait $xvfb 2>/dev/null || true' EXIT  # gone before the next run takes the display
sleep 1
# Extra JVM options, e.g. WINDOW_BENCHMARK_JAVA_OPTIONS="-Xlog:gc:file=gc.log -Djavafx.pulseLogger=true"
# shellcheck disable=SC2086
DISPLAY="$display" OMP_NUM_THREADS=1 java --add-modules jdk.incubator.vector ${WINDOW_BENCHMARK_JAVA_OPTIONS:-} -cp "$build/latent-lab.jar:$build/bench-classes:$build/lib/*" "$main" "$@" \
    2> >(grep -v -e '^WARNING' -e 'Unsupported JavaFX' -e 'PlatformImpl startup' >&2)
