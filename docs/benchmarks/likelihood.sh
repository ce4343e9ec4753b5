#!/usr/bin/env bash
# The likelihood engine on the reference 2-D VAE (784-256-2, `train --epochs 10|50 --seed 42`):
#   - how long importance sampling with K = 1,000 and quadrature take over the 1,000 held-out
#     digits on 2 threads (the wall times `evaluate` prints), and the whole command's wall and CPU
#     seconds, three rounds;
#   - held-out −ELBO, −log p(x) by IWAE-5000 and by quadrature, and the gap, after 10 and 50 epochs.
# Needs the jar (mvn -B package -DskipTests). Trains the two runs into $LIKELIHOOD_RUNS (default
# /tmp/likelihood-runs) unless they are there. Prints the CPU, the OpenBLAS core and the load.
#
#   docs/benchmarks/likelihood.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds="${1:-3}"
runs="${LIKELIHOOD_RUNS:-/tmp/likelihood-runs}"
jar="${LATENT_LAB_JAR:-target/latent-lab.jar}"
lab() { java --add-modules jdk.incubator.vector -jar "$jar" "$@" 2> >(grep -v '^WARNING' >&2); }

echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), family $(grep -m1 'cpu family' /proc/cpuinfo | cut -d: -f2 | xargs) model $(grep -m1 '^model[[:space:]]' /proc/cpuinfo | cut -d: -f2 | xargs), $(getconf _NPROCESSORS_ONLN) cores, nice $(nice)"
for epochs in 10 50; do
    if [ ! -f "$runs/epochs-$epochs/model.latentlab" ]; then
        lab train --epochs "$epochs" --seed 42 --out "$runs/epochs-$epochs" >/dev/null
    fi
done
echo "openblas: $(OPENBLAS_VERBOSE=2 java --add-modules jdk.incubator.vector -jar "$jar" evaluate \
    --run "$runs/epochs-10" --samples 1 --images 1 2>&1 | grep -m1 'Core:' || echo 'core not printed')"

echo "== timing: K = 1,000 importance samples and quadrature, 1,000 held-out digits, 2 threads"
for round in $(seq "$rounds"); do
    echo "round $round, $(uptime | sed 's/.*load/load/')"
    /usr/bin/time -f 'whole command: %e s wall, %U s user + %S s system CPU' \
        java --add-modules jdk.incubator.vector -jar "$jar" evaluate --run "$runs/epochs-10" --samples 1000 \
        --threads 2 2>&1 | grep -E '^took|^whole'
done

echo "== held-out likelihood, K = 5,000"
for epochs in 10 50; do
    echo "after $epochs epochs, $(uptime | sed 's/.*load/load/')"
    lab evaluate --run "$runs/epochs-$epochs" --samples 5000 --threads 2 --json
done
