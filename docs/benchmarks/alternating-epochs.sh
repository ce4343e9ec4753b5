#!/usr/bin/env bash
# Epochs of the 784-256-2 network's variants in one process, one epoch of each in turn (the order
# reversed every round), so that all of them meet the same load on a shared machine: the plain VAE,
# the conditional VAE, the Gaussian decoder with σ fixed, learned and learned per pixel.
# Needs the jar and the benchmarks (mvn -B package -DskipTests builds both).
#
#   docs/benchmarks/alternating-epochs.sh [rounds] [variant ...]
#       (9 rounds; vae cvae gaussian learned learned-per-pixel by default)
set -euo pipefail
cd "$(dirname "$0")/../.."
java --add-modules jdk.incubator.vector -cp "target/latent-lab.jar:target/bench-classes:target/lib/*" \
    org.latentlab.training.AlternatingEpochs "$@" 2>/dev/null
