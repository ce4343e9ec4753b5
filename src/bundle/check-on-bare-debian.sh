#!/usr/bin/env bash
# Runs the bundle on a bare Debian 12 that has nothing but libgtk-3-0, libxtst6 and what they
# depend on (no recommended packages, no Java): the machine the README promises to run on.
# A manual check, not part of CI: it needs root, debootstrap and Debian's package archive, takes
# about two minutes the first time and leaves ≈1.2 GB in ROOT_DIR for the next run.
#
#   check-on-bare-debian.sh [TARGET_DIR] [ROOT_DIR] [DISPLAY]
#
# With DISPLAY (an X server of this machine, e.g. :99 from Xvfb) it also opens the window.
set -euo pipefail
target=${1:-target} root=${2:-/tmp/latent-lab-bare-debian} display=${3:-}

fail() {
    echo "check-on-bare-debian: FAILED: $*" >&2
    exit 1
}

archives=("$target"/bundle/*.tar.gz)
[[ -f ${archives[0]} ]] || fail "no archive in $target/bundle: run 'mvn -B -Pbundle package' first"
command -v debootstrap >/dev/null || fail "debootstrap is not installed (apt-get install debootstrap)"

if [[ ! -e $root/etc/latent-lab-bare-debian ]]; then
    debootstrap --variant=minbase bookworm "$root"
    cp /etc/resolv.conf "$root/etc/resolv.conf"
    chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive \
        sh -c 'apt-get update -q && apt-get install -y -q --no-install-recommends libgtk-3-0 libxtst6'
    touch "$root/etc/latent-lab-bare-debian"
fi

mount -t proc proc "$root/proc"
mounted=("$root/proc")
cleanup() {
    if [[ -n ${app:-} ]]; then
        kill "$app" 2>/dev/null || true
        wait "$app" 2>/dev/null || true
    fi
    for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount "${mounted[i]}" || true; done
}
trap cleanup EXIT

rm -rf "$root/opt/bundle" "$root/home/teacher"
mkdir -p "$root/opt/bundle" "$root/home/teacher"
tar -C "$root/opt/bundle" -xzf "${archives[0]}"
launcher=$(cd "$root" && ls opt/bundle/*/bin/*)

# Runs the launcher inside the chroot with nothing but HOME (and any VAR=value given first).
run() {
    chroot "$root" /usr/bin/env -i HOME=/home/teacher "$@"
}

run "/$launcher" --version || fail "--version"
run "/$launcher" train --epochs 1 --out /home/teacher/run || fail "train"
run "/$launcher" render --run /home/teacher/run --figure manifold --out /home/teacher/manifold.png || fail "render"
[[ -s $root/home/teacher/manifold.png ]] || fail "render wrote no picture"

if [[ -n $display ]]; then
    mkdir -p "$root/tmp/.X11-unix"
    mount --bind /tmp/.X11-unix "$root/tmp/.X11-unix"
    mounted+=("$root/tmp/.X11-unix")
    chroot "$root" /usr/bin/env -i HOME=/home/teacher DISPLAY="$display" "/$launcher" \
        >"$root/home/teacher/window.log" 2>&1 &
    app=$!
    DISPLAY=$display timeout 90 xdotool search --sync --onlyvisible --name "Latent Lab" >/dev/null ||
        fail "the window did not open: $(cat "$root/home/teacher/window.log")"
    sleep 5
    [[ ! -s $root/home/teacher/window.log ]] || fail "the window printed: $(cat "$root/home/teacher/window.log")"
    echo "check-on-bare-debian: the window opened on $display and printed nothing"
fi
echo "check-on-bare-debian: OK"
