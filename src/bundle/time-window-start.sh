#!/usr/bin/env bash
# Measures how long the bundle's window takes to become usable, the way a teacher sees it: from
# running bin/latent-lab until the window is on screen ("mapped"), and until it shows what it shows
# once it has loaded ("ready": the window is idle after loading and draws the same picture every
# run, so ready is the first moment from which the screen stays equal to the last screenshot,
# taken OBSERVE seconds after the start). The window is photographed every ≈0.1 s, so "ready" is
# late by at most one screenshot; the photographing itself takes some CPU from the start. The CPU
# seconds the application had used when it was ready are printed too: on a machine shared with
# other work they vary far less than the wall-clock times.
#
#   time-window-start.sh BUNDLE_DIR DISPLAY HOME_DIR [RUNS] [OBSERVE]
#
# Runs under `env -i` with only DISPLAY and HOME, like src/bundle/check-bundle.sh. An empty
# HOME_DIR makes the first run cold (ND4J unpacks its native libraries); later runs are warm.
# OBSERVE (15 s) must be longer than the slowest start. Needs xdotool, ImageMagick's import, and an
# X server on DISPLAY (e.g. Xvfb :99 -screen 0 1280x900x24).
set -euo pipefail
[[ $# -ge 3 ]] || { echo "usage: $0 BUNDLE_DIR DISPLAY HOME_DIR [RUNS] [OBSERVE]" >&2; exit 2; }
bundle=$1 display=$2 home=$3 runs=${4:-1} observe=${5:-15}
launcher=$(ls "$bundle"/bin/*)
title="Latent Lab"

now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

for run in $(seq 1 "$runs"); do
    start=$(now)
    env -i DISPLAY="$display" HOME="$home" "$launcher" >/dev/null 2>&1 &
    pid=$!
    window=""
    until [[ -n $window ]]; do                    # xdotool's own --sync polls only every 0.5 s
        sleep 0.02
        window=$(DISPLAY=$display xdotool search --onlyvisible --name "$title" 2>/dev/null | head -1) || true
        kill -0 "$pid" 2>/dev/null || { echo "run $run: the application exited before its window opened" >&2; exit 1; }
    done
    mapped=$(now)
    end=$(awk -v t="$start" -v o="$observe" 'BEGIN { printf "%.3f", t + o }')
    times=() shots=() cpu=()
    ticks=$(getconf CLK_TCK)
    while awk -v t="$(now)" -v e="$end" 'BEGIN { exit !(t < e) }'; do
        shots+=("$(DISPLAY=$display import -window "$window" -depth 8 rgb:- 2>/dev/null | md5sum)")
        times+=("$(now)")
        cpu+=("$(awk -v hz="$ticks" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$pid/stat" 2>/dev/null || echo "?")")
        sleep 0.1
    done
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    last=$((${#shots[@]} - 1)) ready=$last
    while ((ready > 0)) && [[ ${shots[ready - 1]} == "${shots[last]}" ]]; do
        ready=$((ready - 1))
    done
    echo "run $run: window mapped after $(seconds "$start" "$mapped") s, ready after $(seconds "$start" "${times[ready]}") s having used ${cpu[ready]} CPU-s"
done
