#!/usr/bin/env bash
# The likelihood engine on the reference 2-D VAE (784-256-2, 10 and 50 epochs, seed 42):
#   - how long importance sampling with K = 1,000 and quadrature take over the 1,000 held-out
#     digits (the times `evaluate` prints), three rounds;
#   - held-out −ELBO, −log p(x) by IWAE-5000 and by quadrature, and the gap, after 10 and 50 epochs.
# Needs the jar (mvn -B package -DskipTests). Trains the two runs into $LIKELIHOOD_RUNS (default
# /tmp/likelihood-runs) unless they are there. Prints the CPU, the OpenBLAS core and the load.
#
#   docs/benchmarks/likelihood.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds="${1:-3}"
runs="${LIKELIHOOD_RUNS:-/tmp/likelihood-runs}"
export OMP_NUM_THREADS=1
export OPENBLAS_CORETYPE="${OPENBLAS_CORETYPE-SkylakeX}"  # until main sets it: OpenBLAS 0.3.19 misreads new CPUs
lab() { java --add-modules jdk.incubator.vector -jar target/latent-lab.jar "$@" 2> >(grep -v '^WARNING' >&2); }

echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), family $(grep -m1 'cpu family' /proc/cpuinfo | cut -d: -f2 | xargs) model $(grep -m1 '^model[[:space:]]' /proc/cpuinfo | cut -d: -f2 | xargs), $(getconf _NPROCESSORS_ONLN) cores"
for epochs in 10 50; do
    if [ ! -f "$runs/epochs-$epochs/model.latentlab" ]; then
        lab train --epochs "$epochs" --out "$runs/epochs-$epochs" >/dev/null
    fi
done
echo "openblas: $(OPENBLAS_VERBOSE=2 java --add-modules jdk.incubator.vector -jar target/latent-lab.jar evaluate \
    --run "$runs/epochs-10" --samples 1 --images 1 2>&1 | grep -m1 'Core:' || echo 'core not printed')"

echo "== timing: K = 1,000 importance samples and quadrature, 1,000 held-out digits, 2 threads"
for round in $(seq "$rounds"); do
    echo "round $round, load: $(cut -d' ' -f1-3 /proc/loadavg)"
    lab evaluate --run "$runs/epochs-10" --samples 1000 --threads 2 | grep '^took'
done

echo "== held-out likelihood, K = 5,000"
for epochs in 10 50; do
    echo "after $epochs epochs, load: $(cut -d' ' -f1-3 /proc/loadavg)"
    lab evaluate --run "$runs/epochs-$epochs" --samples 5000 --threads 2 --json
done
