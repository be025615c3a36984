#!/usr/bin/env bash
# `make fuzz`: runs each libFuzzer target of Sources/advisor-fuzz for a bounded time.
#
#   Tests/Fuzz/fuzz.sh BINARY SECONDS
#
# Each target first replays its regressions (Tests/Fuzz/regressions/TARGET: every crash found
# so far, fixed), then fuzzes for SECONDS from a corpus kept in .build-fuzz/corpus/TARGET and
# seeded afresh each run from the development set, the shipped transcripts and the data files
# (`advisor-fuzz seed`). A crash is saved as .build-fuzz/crashes/TARGET-crash-* and fails the run:
# fix it, then copy the input into Tests/Fuzz/regressions/TARGET and pin the fix in
# FuzzRegressionTests.
set -uo pipefail
binary=$1
seconds=$2
work=.build-fuzz
regressions=Tests/Fuzz/regressions
# The Swift runtime's own crash handler would take libFuzzer's place; ASan reports instead.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/Tests/Fuzz/lsan.supp:print_suppressions=0}

"$binary" seed "$work/seeds" >/dev/null || exit 1
mkdir -p "$work/crashes"
status=0
summary=()
for target in answer parse; do
  case $target in
    answer) max_len=4096 ;;
    parse) max_len=32768 ;;
  esac
  corpus="$work/corpus/$target"
  mkdir -p "$corpus"
  cp -n "$work/seeds/$target"/* "$corpus"/ 2>/dev/null
  log="$work/$target.log"

  replayed=$(find "$regressions/$target" -type f ! -name '.*' | wc -l)
  if [ "$replayed" -gt 0 ]; then
    if ! "$binary" $target -runs=0 "$regressions/$target" >"$work/$target-regressions.log" 2>&1; then
      echo "advisor-fuzz $target: a regression input crashes again; see $work/$target-regressions.log" >&2
      status=1
    fi
  fi

  echo "Fuzzing '$target' for ${seconds}s (corpus $corpus, log $log)..." >&2
  "$binary" $target -max_total_time="$seconds" -timeout=10 -max_len=$max_len -print_final_stats=1 \
    -artifact_prefix="$work/crashes/$target-" "$corpus" >"$log" 2>&1
  result=$?
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
  speed=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$')
  coverage=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*')
  inputs=$(find "$corpus" -type f | wc -l)
  crashes=$(find "$work/crashes" -name "$target-*" -newer "$work/seeds" -type f | wc -l)
  line="$target: ${runs:-0} runs (${speed:-0}/s), coverage ${coverage:-?} edges, corpus $inputs inputs, $replayed regressions replayed, $crashes new crashes"
  if [ $result -ne 0 ] || [ "$crashes" -gt 0 ]; then
    line="$line  <-- FAILED (exit $result): see $log and $work/crashes/"
    status=1
  fi
  summary+=("$line")
done

echo "make fuzz:"
printf '  %s\n' "${summary[@]}"
exit $status
