#!/usr/bin/env bash
# Makes the ready-trained runs that lessons load, each by one seeded `latent-lab train` command
# taken from the registry org.latentlab.lesson.ReadyRuns (the one place their names and commands
# live), and prints each run file's size against the budget.
#
#   src/lessons/make-ready-runs.sh [OUT] [NAME...]
#
# OUT defaults to src/main/resources/org/latentlab/ready, where the application looks for them
# (training.ReadyRunFiles); NAMEs limit it to those runs. Each run is trained into a temporary
# folder (with --no-timeline, which changes no weight), and its run file is written to OUT/NAME.latentlab
# in its ready form only when its command succeeded: the weights, settings and histories, without
# Adam's moments and without a timeline (docs/decisions/0091-ready-runs.md). A comparison
# (train --compare) becomes the folder OUT/NAME: its comparison.properties and NAME/VARIANT/model.latentlab
# for each model, each run file in its ready form and within the budget (docs/decisions/0097).
# Runs the window cannot load yet are listed as planned and skipped.
#
# Reproducible: on one kind of machine (the same processor family and OpenBLAS core) the same
# command gives the same weights and the same losses in the histories, bit for bit. The files
# still differ byte for byte: each holds the date it was written (run.properties' comment, the zip
# entries' times) and the seconds each epoch took. Another processor's kernels may change the
# weights' last bits, and the losses' last digits with them.
#
# Exit status: 0 if every run file made is within the budget, 2 if one is larger, 1 on an error.
# It runs target/latent-lab.jar, building it first if it is missing (mvn -B -q package -DskipTests);
# rebuild it after changing ReadyRuns, or the script reads the old list.
set -euo pipefail

here=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-$here/src/main/resources/org/latentlab/ready}
shift || true
wanted=" $* "
budget=${READY_RUN_BUDGET_BYTES:-2000000}
jar=$here/target/latent-lab.jar

if [ ! -f "$jar" ]; then
  (cd "$here" && mvn -B -q package -DskipTests)
fi
java=(java --add-modules jdk.incubator.vector)

runs=$("${java[@]}" -cp "$jar" org.latentlab.lesson.ReadyRuns 2>/dev/null) || {
  echo "cannot read the list of ready runs from $jar; rebuild it: mvn -B package -DskipTests" >&2
  exit 1
}
for name in "$@"; do
  if ! cut -f1 <<< "$runs" | grep -qx -- "$name"; then
    echo "no ready run is called '$name'; the runs are: $(cut -f1 <<< "$runs" | tr '\n' ' ')" >&2
    exit 1
  fi
done

mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
while IFS=$'\t' read -r name state command; do
  if [ "$wanted" != "  " ] && [[ "$wanted" != *" $name "* ]]; then
    continue
  fi
  if [ "$state" = planned ]; then
    echo "$name: skipped, planned (the window cannot load what $command makes yet)"
    continue
  fi
  echo "$name: latent-lab $command"
  # The command is one word per flag and value, by ReadyRun's own check, so splitting it is safe.
  # shellcheck disable=SC2086
  "${java[@]}" -jar "$jar" $command --no-timeline --out "$work/$name" 2>&1 \
    | grep --line-buffered -v 'incubator modules' | sed 's/^/    /'
  if [ -f "$work/$name/comparison.properties" ]; then
    # A comparison: its index and one ready run file per model, in the folder OUT/NAME.
    "${java[@]}" -cp "$jar" org.latentlab.training.ReadyRunFiles "$work/$name" "$work/$name.ready" \
      2> >(grep -v 'incubator modules' >&2)
    rm -rf "${out:?}/$name"
    mv "$work/$name.ready" "$out/$name"
    made=$(cd "$out" && find "$name" -name '*.latentlab' | sort)
  else
    "${java[@]}" -cp "$jar" org.latentlab.training.ReadyRunFiles "$work/$name/model.latentlab" "$work/$name.latentlab" \
      2> >(grep -v 'incubator modules' >&2)
    mv "$work/$name.latentlab" "$out/$name.latentlab"
    made=$name.latentlab
  fi
  for file in $made; do
    size=$(stat -c %s "$out/$file")
    verdict=ok
    if [ "$size" -gt "$budget" ]; then
      verdict="OVER the budget of $budget bytes"
      status=2
    fi
    printf '    %-40s %10d bytes  %s\n' "$file" "$size" "$verdict"
  done
done <<< "$runs"

echo "total: $(find "$out" -type f -printf '%s\n' | awk '{ s += $1 } END { print s }') bytes in $out"
exit "$status"
