#!/usr/bin/env bash
# Measures how long the bundle's window takes to become usable, the way a teacher sees it: from
# running bin/latent-lab until the window is on screen (mapped) and until its first content is
# drawn and stays still (the window is idle after loading, so the last change before 2 s without
# change is the moment it is ready). Screenshots of the window are compared every ≈0.1 s, so the
# "drawn" time is late by at most one screenshot.
#
#   time-window-start.sh BUNDLE_DIR DISPLAY HOME_DIR [RUNS]
#
# Runs under `env -i` with only DISPLAY and HOME, like src/bundle/check-bundle.sh. An empty
# HOME_DIR makes the first run cold (ND4J unpacks its native libraries); later runs are warm.
# Needs xdotool and ImageMagick's import, and an X server on DISPLAY (e.g. Xvfb :99 -screen 0
# 1280x900x24).
set -euo pipefail
[[ $# -ge 3 ]] || { echo "usage: $0 BUNDLE_DIR DISPLAY HOME_DIR [RUNS]" >&2; exit 2; }
bundle=$1 display=$2 home=$3 runs=${4:-1}
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
    last_change=$mapped previous="" deadline=$(awk -v t="$mapped" 'BEGIN { print t + 120 }')
    while true; do
        shot=$(DISPLAY=$display import -window "$window" -depth 8 rgb:- 2>/dev/null | md5sum)
        t=$(now)
        if [[ $shot != "$previous" ]]; then
            previous=$shot last_change=$t
        elif awk -v t="$t" -v c="$last_change" -v d="$deadline" 'BEGIN { exit !(t - c > 2 || t > d) }'; then
            break
        fi
    done
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    echo "run $run: window mapped after $(seconds "$start" "$mapped") s, first content drawn after $(seconds "$start" "$last_change") s"
done
