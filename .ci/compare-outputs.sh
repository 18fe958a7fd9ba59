#!/usr/bin/env bash
# Byte-for-byte check that a change keeps every output: run every example into a directory, then compare
# two such directories (before and after) after normalising the fields that depend on time or process.
#   .ci/compare-outputs.sh capture DIR         # every run example, every schedule example, a report, the
#                                              # lr sweep and its report, both bigram studies, the demo
#   .ci/compare-outputs.sh compare BEFORE AFTER
# Normalised (see compare_outputs.py): the output root path, wall times
# (stdout durations, sweep.csv/sweep.json/timing.json and the report's sweep table), the sweep lock's PID.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
case "${1:-}" in
  capture)
    out="$(realpath -m "$2")"; rm -rf "$out"; mkdir -p "$out"; cd "$here"
    ./rivervalley --version > /dev/null   # builds the jar if needed
    jar="$out.jar"; cp reports/target/rivervalley.jar "$jar"   # a copy: edits during the capture cannot rebuild it
    rv() { java -Djava.awt.headless=true -jar "$jar" "$@"; }
    for f in examples/*.yaml; do
      case "$f" in *-sweep.yaml|*budget-study.yaml) continue ;; esac
      rv run "$f" --out "$out/runs" --threads 2 > "$out/run-$(basename "$f" .yaml).stdout" 2>&1 || echo "FAIL $f"
    done
    for f in examples/schedules/*.yaml; do
      rv schedule "$f" > "$out/schedule-$(basename "$f" .yaml).csv" 2>&1 || echo "FAIL $f"
    done
    rv report "$out/runs" > "$out/report.stdout" 2>&1 || echo "FAIL report"
    rv sweep examples/lr-sweep.yaml --out "$out/lr-sweep" --threads 2 --quiet > "$out/sweep.stdout" 2>&1 || echo "FAIL sweep"
    rv report "$out/lr-sweep" > "$out/sweep-report.stdout" 2>&1 || echo "FAIL sweep report"
    for f in examples/bigram/*.yaml; do
      rv bigram-study "$f" --out "$out/bigram-$(basename "$f" .yaml)" > "$out/bigram-$(basename "$f" .yaml).stdout" 2>&1 || echo "FAIL $f"
    done
    rv demo --out "$out/demo" > "$out/demo.stdout" 2>&1 || echo "FAIL demo"
    rm -f "$jar"
    ;;
  compare)
    exec python3 "$here/.ci/compare_outputs.py" "$2" "$3"
    ;;
  *)
    echo "usage: $0 capture DIR | compare BEFORE AFTER" >&2; exit 2 ;;
esac
