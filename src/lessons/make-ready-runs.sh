#!/usr/bin/env bash
# Makes the ready-trained runs that lessons load, each by one seeded `latent-lab train` command
# taken from the registry org.latentlab.lesson.ReadyRuns (the one place their names and commands
# live), and prints each run file's size against the budget.
#
#   src/lessons/make-ready-runs.sh [OUT] [NAME...]
#
# OUT defaults to src/main/resources/org/latentlab/lesson/runs, where the application looks for
# them (ReadyRun.resourceFolder); NAMEs limit it to those runs. Each run is trained into a
# temporary folder and moved into OUT/NAME only when its command succeeded, without the CSV
# copies of its history (the run file holds the history too). Runs whose model kind does not
# exist yet are listed as planned and skipped. On one kind of machine the same command gives the
# same weights bit for bit (the files still differ in the date run.properties records); another
# processor's BLAS kernels may change the last bits.
#
# Exit status: 0 if every made run file is within the budget, 2 if one is larger, 1 on an error.
# It runs target/latent-lab.jar, building it first if it is missing (mvn -B -q package -DskipTests);
# rebuild it after changing ReadyRuns, or the script reads the old list.
set -euo pipefail

here=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-$here/src/main/resources/org/latentlab/lesson/runs}
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
    echo "$name: skipped, planned ($command needs a model kind that does not exist yet)"
    continue
  fi
  echo "$name: latent-lab $command"
  # The command is one word per flag and value, by ReadyRun's own check, so splitting it is safe.
  # shellcheck disable=SC2086
  "${java[@]}" -jar "$jar" $command --out "$work/$name" 2>&1 | grep --line-buffered -v 'incubator modules' | sed 's/^/    /'
  find "$work/$name" -name '*.csv' -delete
  rm -rf "${out:?}/$name"
  mv "$work/$name" "$out/$name"
  while read -r file; do
    size=$(stat -c %s "$file")
    verdict=ok
    if [ "$size" -gt "$budget" ]; then
      verdict="OVER the budget of $budget bytes"
      status=2
    fi
    printf '    %-60s %10d bytes  %s\n' "${file#"$out"/}" "$size" "$verdict"
  done < <(find "$out/$name" -name '*.latentlab' | sort)
done <<< "$runs"

echo "total: $(du -sb "$out" | cut -f1) bytes in $out"
exit "$status"
