#!/usr/bin/env bash
# A disk that fills up during a save, for real: `train` writes into a tmpfs just large enough for
# one model file and its histories but not for a second model file beside it, so the save after
# the second epoch runs out of space. Checks that train says so in one line and exits with 1, that
# the model saved after the first epoch is whole (evaluate reads it), and that no temporary file is
# left. The unit tests inject the same failure (SaveFailureTest, AtomicFileTest); this is the real one.
#
# Usage: docs/faults/full-disk.sh [--jar JAR]   (as root: it mounts a tmpfs)
#   --jar JAR  Latent Lab's jar (default: target/latent-lab.jar; build it with mvn -B package -DskipTests)
set -euo pipefail
PROJECT="$(cd "$(dirname "$0")/../.." && pwd)"
JAR="$PROJECT/target/latent-lab.jar"
while [ $# -gt 0 ]; do
  case "$1" in
    --jar) JAR="$2"; shift 2 ;;
    *) echo "full-disk: unknown argument '$1' (see the usage at the top of $0)" >&2; exit 2 ;;
  esac
done
[ -f "$JAR" ] || { echo "full-disk: $JAR not found; build it with: mvn -B package -DskipTests" >&2; exit 1; }
[ "$(id -u)" = 0 ] || { echo "full-disk: mounting a tmpfs needs root" >&2; exit 1; }

WORK="$(mktemp -d)"
DISK="$WORK/disk"
mkdir -p "$DISK"
cleanup() { umount "$DISK" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
export OMP_NUM_THREADS=1
latent_lab() { java --add-modules jdk.incubator.vector -jar "$JAR" "$@"; }
TRAIN=(train --hidden 64 --seed 5)

# How much one run folder takes after one epoch, measured on an ordinary disk.
latent_lab "${TRAIN[@]}" --epochs 1 --out "$WORK/probe" > /dev/null
MODEL=$(stat -c %s "$WORK/probe/model.latentlab")
FOLDER=$(du -sb "$WORK/probe" | cut -f1)
SIZE=$(( FOLDER + MODEL / 2 + 65536 ))   # the folder, and half of a second model file
mount -t tmpfs -o size="$SIZE" tmpfs "$DISK"
echo "model file $MODEL bytes; tmpfs of $SIZE bytes"

set +e
latent_lab "${TRAIN[@]}" --epochs 3 --out "$DISK/run" > "$WORK/out.txt" 2> "$WORK/err.txt"
CODE=$?
set -e
cat "$WORK/out.txt"
echo "exit code $CODE; standard error:"
cat "$WORK/err.txt"

fail() { echo "full-disk: FAILED: $1" >&2; exit 1; }
[ "$CODE" = 1 ] || fail "train should exit with 1"
# The JVM itself notes the incubator module on standard error; the rest is Latent Lab's.
[ "$(grep -vc '^WARNING: Using incubator modules' "$WORK/err.txt")" = 1 ] || fail "one line of error expected"
grep -q "^latent-lab: could not save the model to $DISK/run/model.latentlab: No space left on device; the file that was there is unchanged$" "$WORK/err.txt" \
  || fail "the message should name the file, the full disk and the kept file"
[ "$(grep -c '^epoch' "$WORK/out.txt")" = 2 ] || fail "two epochs should have been trained"
latent_lab evaluate --run "$DISK/run" || fail "the model saved after the first epoch should load"
[ "$(wc -l < "$DISK/run/history.csv")" = 2 ] || fail "the saved history should hold the first epoch"
if ls -A "$DISK/run" | grep -q '\.partial$'; then fail "a temporary file was left"; fi
echo "full-disk: passed"
