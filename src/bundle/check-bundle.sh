#!/usr/bin/env bash
# Checks the bundle the way a school machine meets it: unpacks the .tar.gz into a scratch folder
# and runs it under `env -i` (no PATH, no JAVA_HOME, nothing of this machine's environment), with a
# scratch HOME. CI runs it after `mvn -B -Pbundle package` (.ci/run).
#
#   check-bundle.sh [TARGET_DIR]        (default: target)
#
# Fails when the command line does not run from the bundle, when anything is written outside
# the user's data folder, or when the bundle outgrows its budget (250 MB unpacked, 200 MB packed).
# With Xvfb and xdotool on the PATH it also opens the window on a virtual display, twice, and
# closes it with File → Quit, which must end the program.
set -euo pipefail
target=${1:-target}
max_unpacked=250000000 max_archive=200000000          # bytes (MB = 10^6 bytes)

fail() {
    echo "check-bundle: FAILED: $*" >&2
    exit 1
}

archives=("$target"/bundle/*.tar.gz)
[[ -f ${archives[0]} && ${#archives[@]} -eq 1 ]] || fail "expected one archive in $target/bundle, found: ${archives[*]}"
archive=${archives[0]}
scratch=$(mktemp -d)
xvfb=""
cleanup() {
    [[ -z $xvfb ]] || kill "$xvfb" 2>/dev/null || true
    rm -rf "$scratch"
}
trap cleanup EXIT

tar -C "$scratch" -xzf "$archive"
launchers=("$scratch"/*/bin/*)
launcher=${launchers[0]}
bundle=$(dirname "$(dirname "$launcher")")
home="$scratch/home"
mkdir "$home"
data="$home/.local/share/latent-lab"

archive_bytes=$(stat -c %s "$archive")
unpacked_bytes=$(du -sb "$bundle" | cut -f1)
echo "check-bundle: $(basename "$archive"): $((archive_bytes / 1000000)) MB packed, $((unpacked_bytes / 1000000)) MB unpacked"
((archive_bytes <= max_archive)) || fail "the archive is $archive_bytes bytes, over the $max_archive budget"
((unpacked_bytes <= max_unpacked)) || fail "the unpacked bundle is $unpacked_bytes bytes, over the $max_unpacked budget"

# Runs the launcher with nothing but HOME (and whatever VAR=value pairs come first).
run() {
    env -i HOME="$home" "$@"
}

version=$(run "$launcher" --version) || fail "--version exited with $?"
echo "$version" | sed 's/^/    /'
[[ $(echo "$version" | head -1) =~ ^Latent\ Lab\ [0-9] ]] || fail "--version printed no version: $version"
echo "$version" | grep -qxF "data:     $data" || fail "the application's data folder differs from the launcher's ($data)"

out=$(run "$launcher" train --epochs 1 --out "$scratch/run" 2>&1) || fail "train exited with $?: $out"
echo "$out" | sed 's/^/    /'
[[ -s $scratch/run/model.latentlab ]] || fail "train wrote no $scratch/run/model.latentlab"
[[ -d $data/native-cache ]] || fail "ND4J's native libraries were not unpacked into $data/native-cache"
echo "check-bundle: native libraries unpacked at first start: $(($(du -sb "$data/native-cache" | cut -f1) / 1000000)) MB in ~/.local/share/latent-lab/native-cache"

if out=$(env -i "$launcher" --version 2>&1); then
    fail "without HOME the launcher should refuse to start, but printed: $out"
fi
[[ $out == *"HOME is not set"* ]] || fail "without HOME the launcher should say so, but printed: $out"

out=$(run XDG_DATA_HOME="$scratch/xdg-data" "$launcher" --version)
echo "$out" | grep -qxF "data:     $scratch/xdg-data/latent-lab" || fail "XDG_DATA_HOME was not followed: $out"

if command -v Xvfb >/dev/null && command -v xdotool >/dev/null; then
    Xvfb -displayfd 3 -screen 0 1280x900x24 -nolisten tcp 3>"$scratch/display" >/dev/null 2>&1 &
    xvfb=$!
    for _ in $(seq 50); do [[ -s $scratch/display ]] && break; sleep 0.1; done
    [[ -s $scratch/display ]] || fail "Xvfb did not start"
    display=:$(cat "$scratch/display")
    # The second start must map the archive the first one wrote: -Xshare:on makes Java stop if it cannot.
    for start in first second; do
        share=()
        [[ $start == first ]] || share=(JAVA_TOOL_OPTIONS=-Xshare:on)
        env -i HOME="$home" DISPLAY="$display" "${share[@]}" "$launcher" >"$scratch/window.log" 2>&1 &
        app=$!
        if ! window=$(DISPLAY=$display timeout 90 xdotool search --sync --onlyvisible --name "Latent Lab" | head -n 1); then
            kill "$app" 2>/dev/null || true
            fail "the window did not open at the $start start within 90 s: $(cat "$scratch/window.log")"
        fi
        sleep 3
        # Closed as a teacher closes it (File → Quit), which must end the program within seconds (the
        # first start also writes its class-data archive as it exits). xdotool's key release can
        # find the window already gone, which it reports; that is the point, so it stays quiet.
        DISPLAY=$display xdotool key --window "$window" ctrl+q 2>/dev/null || true
        quit_at=$(date +%s%N)
        for _ in $(seq 300); do kill -0 "$app" 2>/dev/null || break; sleep 0.1; done
        echo "check-bundle: the $start window ended $(( ($(date +%s%N) - quit_at) / 1000000 )) ms after Quit"
        if kill -0 "$app" 2>/dev/null; then
            kill "$app"
            fail "the window was still running 30 s after File → Quit (Ctrl+Q) at the $start start"
        fi
        wait "$app" 2>/dev/null || true
        # JDK 17 announces the Vector API's incubator module at every start; nothing else may print.
        printed=$(grep -v -e '^Picked up JAVA_TOOL_OPTIONS' -e '^WARNING: Using incubator modules: jdk.incubator.vector$' \
            "$scratch/window.log" || true)
        [[ -z $printed ]] || fail "the window printed at the $start start: $printed"
        compgen -G "$data/startup-cache/*.jsa" >/dev/null ||
            fail "the $start window start left no class-data archive in $data/startup-cache"
    done
    echo "check-bundle: the window opened twice on $display, the second time from its class-data archive"
else
    echo "check-bundle: window not checked (no Xvfb or xdotool on this machine)"
fi

stray=$(cd "$home" && find . -mindepth 1 -maxdepth 3 \
    -not -path './.local' -not -path './.local/share' -not -path './.local/share/latent-lab*' \
    -not -path './.cache' -not -path './.cache/dconf*')
[[ -z $stray ]] || fail "the bundle wrote outside the user's data folder: $stray"
echo "check-bundle: OK"
