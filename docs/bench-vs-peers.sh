#!/usr/bin/env bash
# Times Latent Lab's training against the PyTorch and numpy peers (../shared/peers, see its README)
# on the reference VAE, alternately in one run so that all three see the same machine load, and
# prints each run's median epoch (epochs 2..E), the medians over the rounds and the ratios.
#
# With --long E it asks instead whether training slows down over a long run: one run of each for E
# epochs, one after another, and each run's median epoch over epochs 2-5 against the last five, in
# wall and CPU seconds, and the medians of the five epochs up to epochs 5, E/3, 2E/3 and E.
#
# Usage: docs/bench-vs-peers.sh [--rounds N] [--epochs E] [--peers DIR] [--jar JAR] [--before JAR]
#   --rounds N  rounds of the three runs, the order rotating each round (default 3)
#   --epochs E  epochs per run (default 5; the median is over epochs 2..E)
#   --long E    one long run of each instead, E ≥ 15 epochs (e.g. 300: ours 1.5-5 min, the peers longer)
#   --peers DIR the peers folder (default: ../shared/peers beside the project)
#   --jar JAR   Latent Lab's jar (default: target/latent-lab.jar; build it with mvn -B package -DskipTests)
#   --before JAR  also run an older build's bench (a jar with its lib/ beside it) as "before"
#   --keep DIR  keep every run's full output in DIR
# Environment: JAVA_OPTS is added to Latent Lab's java command (e.g. -Dlatentlab.kernels=scalar).
# Both builds run with the Vector API module; OPENBLAS_CORETYPE, if set, reaches every program.
set -euo pipefail
PROJECT="$(cd "$(dirname "$0")/.." && pwd)"
ROUNDS=3
EPOCHS=5
PEERS="$(dirname "$PROJECT")/shared/peers"
JAR="$PROJECT/target/latent-lab.jar"
BEFORE=""
KEEP=""
LONG=""
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) ROUNDS="$2"; shift 2 ;;
    --epochs) EPOCHS="$2"; shift 2 ;;
    --long) LONG="$2"; shift 2 ;;
    --peers) PEERS="$2"; shift 2 ;;
    --jar) JAR="$2"; shift 2 ;;
    --before) BEFORE="$2"; shift 2 ;;
    --keep) KEEP="$2"; shift 2 ;;
    *) echo "bench-vs-peers: unknown argument '$1' (see the usage at the top of $0)" >&2; exit 2 ;;
  esac
done
[ -f "$JAR" ] || { echo "bench-vs-peers: $JAR not found; build it with: mvn -B package -DskipTests" >&2; exit 1; }
[ -d "$PEERS/pytorch" ] || { echo "bench-vs-peers: no peers in $PEERS (pass --peers DIR)" >&2; exit 1; }
[ "$EPOCHS" -ge 2 ] || { echo "bench-vs-peers: --epochs must be at least 2" >&2; exit 2; }
[ -z "$LONG" ] || [ "$LONG" -ge 15 ] 2>/dev/null || { echo "bench-vs-peers: --long needs at least 15 epochs, got '$LONG'" >&2; exit 2; }

MACHINE="$(nproc --all) cores"
OUT="$(mktemp -d)"
trap '[ -n "$KEEP" ] && mkdir -p "$KEEP" && cp "$OUT"/* "$KEEP"/; rm -rf "$OUT"' EXIT
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1

run() { # name: runs one implementation, its output into $OUT/name-round
  case "$1" in
    # Ours and the before build as shipped: no thread count or BLAS core set by hand (ours chooses
    # both itself, model.NativeBackend; an older build gets what OpenBLAS and OpenMP choose).
    latent-lab) env -u OMP_NUM_THREADS -u OPENBLAS_NUM_THREADS -u OPENBLAS_CORETYPE \
        java --add-modules jdk.incubator.vector ${JAVA_OPTS:-} -jar "$JAR" bench --epochs "$EPOCHS" ;;
    before) env -u OMP_NUM_THREADS -u OPENBLAS_NUM_THREADS -u OPENBLAS_CORETYPE \
        java --add-modules jdk.incubator.vector -jar "$BEFORE" bench --epochs "$EPOCHS" ;;
    pytorch) bash "$PEERS/pytorch/run_torch.sh" --threads 1 --epochs "$EPOCHS" ;;
    numpy) bash "$PEERS/numpy/run_numpy.sh" --threads 1 --epochs "$EPOCHS" ;;
  esac 2>&1 | grep -v '^WARNING: Using incubator modules'
}

# Median of epochs FIRST..LAST (default 2..E) of column "seconds" or "cpu" in lines "epoch N seconds S loss L cpu C".
median_of() { # file field [first [last]]
  awk -v field="$2" -v first="${3:-2}" -v last="${4:-1e9}" '$1 == "epoch" && $2 >= first && $2 <= last {
      for (i = 3; i < NF; i += 2) if ($i == field) print $(i + 1) }' "$1" \
    | sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.4f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
losses_of() { awk '$1 == "epoch" { for (i = 3; i < NF; i += 2) if ($i == "loss") printf "%.1f ", $(i + 1) }' "$1"; }

echo "machine: $MACHINE, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(java -version 2>&1 | head -1)," \
  "OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-unset}"
echo "load before: $(uptime | sed 's/.*load average: //')"

if [ -n "$LONG" ]; then
  EPOCHS="$LONG"
  NAMES=(latent-lab)
  [ -n "$BEFORE" ] && NAMES+=(before)
  NAMES+=(numpy pytorch)
  MARKS=(5 $((LONG / 3)) $((2 * LONG / 3)) "$LONG")
  for name in "${NAMES[@]}"; do
    echo "$(date +%H:%M:%S) $name: $LONG epochs..."
    run "$name" > "$OUT/$name-long" || { echo "bench-vs-peers: $name failed:" >&2; cat "$OUT/$name-long" >&2; exit 1; }
  done
  echo "load after: $(uptime | sed 's/.*load average: //')"
  echo
  echo "median epoch, epochs 2-5 against $((LONG - 4))-$LONG, wall (CPU) seconds; loss of the last epoch:"
  printf '%-10s %16s %16s %14s %10s  %s\n' run "epochs 2-5" "$((LONG - 4))-$LONG" "last / first" loss "subnormals at the end"
  for name in "${NAMES[@]}"; do
    file="$OUT/$name-long"
    early=$(median_of "$file" seconds 2 5); late=$(median_of "$file" seconds $((LONG - 4)) "$LONG")
    early_cpu=$(median_of "$file" cpu 2 5); late_cpu=$(median_of "$file" cpu $((LONG - 4)) "$LONG")
    loss=$(awk -v e="$LONG" '$1 == "epoch" && $2 == e { for (i = 3; i < NF; i += 2) if ($i == "loss") print $(i + 1) }' "$file")
    subnormals=$(awk '$1 == "subnormals" { print $2 }' "$file")
    awk -v n="$name" -v a="$early" -v b="$late" -v ac="$early_cpu" -v bc="$late_cpu" -v l="$loss" -v s="${subnormals:--}" 'BEGIN {
      printf "%-10s %7.3f (%.3f) %7.3f (%.3f) %6.2f (%.2f) %10s  %s\n", n, a, ac, b, bc, b / a, bc / ac, l, s }'
  done
  echo
  echo "median epoch of the five epochs up to each mark, wall (CPU) seconds:"
  printf '%-10s' run; for mark in "${MARKS[@]}"; do printf ' %16s' "$((mark > 5 ? mark - 4 : 2))-$mark"; done; echo
  for name in "${NAMES[@]}"; do
    printf '%-10s' "$name"
    for mark in "${MARKS[@]}"; do
      first=$((mark > 5 ? mark - 4 : 2))
      printf ' %7.3f (%.3f)' "$(median_of "$OUT/$name-long" seconds "$first" "$mark")" "$(median_of "$OUT/$name-long" cpu "$first" "$mark")"
    done
    echo
  done
  exit 0
fi
NAMES=(latent-lab pytorch numpy)
[ -n "$BEFORE" ] && NAMES+=(before)
printf '%-10s %5s %10s %10s  %s\n' run round "s/epoch" "cpu s" "loss per epoch"
for ((r = 1; r <= ROUNDS; r++)); do
  for ((k = 0; k < ${#NAMES[@]}; k++)); do
    name="${NAMES[$(((k + r - 1) % ${#NAMES[@]}))]}"
    file="$OUT/$name-$r"
    run "$name" > "$file" || { echo "bench-vs-peers: $name failed:" >&2; cat "$file" >&2; exit 1; }
    printf '%-10s %5d %10s %10s  %s\n' "$name" "$r" "$(median_of "$file" seconds)" "$(median_of "$file" cpu)" "$(losses_of "$file")"
  done
done
echo "load after: $(uptime | sed 's/.*load average: //')"

median_over_rounds() { # name field
  for ((r = 1; r <= ROUNDS; r++)); do median_of "$OUT/$1-$r" "$2"; done | sort -g \
    | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.4f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
ours=$(median_over_rounds latent-lab seconds); torch=$(median_over_rounds pytorch seconds); numpy=$(median_over_rounds numpy seconds)
ours_cpu=$(median_over_rounds latent-lab cpu); torch_cpu=$(median_over_rounds pytorch cpu); numpy_cpu=$(median_over_rounds numpy cpu)
multiplies=$(median_over_rounds latent-lab multiplies)
bound_ratio=$(for ((r = 1; r <= ROUNDS; r++)); do awk '$1 == "multiplies" { print $NF }' "$OUT/latent-lab-$r"; done | sort -g \
  | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.4f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
echo
echo "medians over $ROUNDS rounds of each run's median epoch (epochs 2-$EPOCHS):"
if [ -n "$BEFORE" ]; then
  before=$(median_over_rounds before seconds); before_cpu=$(median_over_rounds before cpu)
  awk -v o="$ours" -v b="$before" -v oc="$ours_cpu" -v bc="$before_cpu" 'BEGIN {
    printf "  before %.3f s (cpu %.3f); latent-lab / before %.2f (cpu %.2f)\n", b, bc, o / b, oc / bc }'
fi
awk -v o="$ours" -v t="$torch" -v n="$numpy" -v oc="$ours_cpu" -v tc="$torch_cpu" -v nc="$numpy_cpu" -v m="$multiplies" -v b="$bound_ratio" 'BEGIN {
  printf "  latent-lab %.3f s (cpu %.3f)   pytorch %.3f s (cpu %.3f)   numpy %.3f s (cpu %.3f)\n", o, oc, t, tc, n, nc
  printf "  latent-lab / pytorch %.2f (cpu %.2f)   latent-lab / numpy %.2f (cpu %.2f)\n", o / t, oc / tc, o / n, oc / nc
  printf "  multiplies alone %.3f s (timed after each epoch); latent-lab / multiplies %.2f (median of per-epoch ratios)\n", m, b
}'
