#!/usr/bin/env bash
# `make bench`: how fast the advisor starts and answers, with the shipped knowledge base and
# with generated ones 10× and 100× larger, beside a Swift hello world built the same way.
# A benchmark, not a test: it prints figures and asserts nothing. Every figure is the median
# of repeated runs (hyperfine when installed, else advisor-bench's own loop).
#
# Each scale is measured on the lexical matcher alone (ADVISOR_MODEL=); the shipped one (1×) also
# with the sentence encoder (`make model`'s model), as the column "1× enc". The larger ones are
# not: their generated examples would first have to be encoded.
#
# Then, for the shipped data: peak memory of `--json` on 5,000 and on 100,000 generated lines
# (it must not grow with the input: within 10%), and the time to answer a 10 MB line.
#
# Environment: BENCH_RUNS (runs per process figure, default 30), BENCH_SCALES ("1 10 100");
# BENCH_PARTS ("table memory": the table above, the memory and long-line figures, or one);
# to measure other builds with the same harness (say, before a change): ADVISOR_BIN and
# BENCH_TOOL (the advisor and advisor-bench to time; nothing is built then) and
# BENCH_HELLO_FLAGS (the flags they were built with).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
OUT=$ROOT/.build-bench
BIN=${ADVISOR_BIN:-$ROOT/.build/release/advisor}
TOOL=${BENCH_TOOL:-$ROOT/.build/release/advisor-bench}
DEV=$ROOT/../shared/eval/dev.jsonl
RUNS=${BENCH_RUNS:-30}
SCALES=${BENCH_SCALES:-1 10 100}
PARTS=${BENCH_PARTS:-table memory}
QUESTION="what does a devops engineer earn"
# The flags Package.swift gives the advisor's release build (static standard library, fixed
# address), so the hello world is built alike.
read -r -a HELLO_FLAGS <<<"${BENCH_HELLO_FLAGS:--O -static-stdlib -Xclang-linker -no-pie}"
mkdir -p "$OUT"

have() { command -v "$1" >/dev/null 2>&1; }

# median_ms CMD...: median wall time of CMD (no shell), in milliseconds.
median_ms() {
  if have hyperfine; then
    hyperfine -N -i --style none --warmup 3 --runs "$RUNS" --export-json "$OUT/h.json" -- "$(printf '%q ' "$@")" >/dev/null 2>&1
    sed -n 's/.*"median": *\([0-9.e-]*\).*/\1/p' "$OUT/h.json" | head -1 | awk '{printf "%.2f", $1 * 1000}'
  else
    "$TOOL" time --runs "$RUNS" -- "$@" | awk '{print $2}'
  fi
}

# median_ms_input FILE CMD...: the same with standard input from FILE.
median_ms_input() {
  local input=$1; shift
  local runs=$(( RUNS < 10 ? RUNS : 10 ))
  if have hyperfine; then
    hyperfine -i --style none --warmup 1 --runs "$runs" --export-json "$OUT/h.json" -- "$(printf '%q ' "$@") < $(printf '%q' "$input")" >/dev/null 2>&1
    sed -n 's/.*"median": *\([0-9.e-]*\).*/\1/p' "$OUT/h.json" | head -1 | awk '{printf "%.2f", $1 * 1000}'
  else
    "$TOOL" time --runs "$runs" --warmup 1 --input "$input" -- "$@" | awk '{print $2}'
  fi
}

# peak_mib CMD...: the median of five runs' peak resident set, in MiB.
peak_mib() {
  local input=/dev/null
  if [ "$1" = "--input" ]; then input=$2; shift 2; fi
  if [ -x /usr/bin/time ]; then
    for _ in 1 2 3 4 5; do /usr/bin/time -f %M "$@" <"$input" 2>&1 >/dev/null | tail -1; done \
      | sort -n | sed -n 3p | awk '{printf "%.1f", $1 / 1024}'
  else
    "$TOOL" time --runs 5 --warmup 0 --input "$input" -- "$@" | awk '{printf "%.1f", $6 / 1024}'
  fi
}

if [ -z "${ADVISOR_BIN:-}" ]; then
  echo "Building (release)..." >&2
  swift build -c release --product advisor >&2
  swift build -c release --product advisor-bench >&2
fi


table() {
  # The hello world, built with the advisor's flags.
  printf 'print("hello, world")\n' >"$OUT/hello.swift"
  swiftc "${HELLO_FLAGS[@]}" "$OUT/hello.swift" -o "$OUT/hello" 2>/dev/null
  HELLO=$(median_ms "$OUT/hello")

  # The generated knowledge bases, remade when the data or the generator changed.
  for scale in $SCALES; do
    [ "$scale" = 1 ] && continue
    dir=$OUT/data-${scale}x
    if [ ! -f "$dir/.stamp" ] || [ -n "$(find Intents Sources/Knowledge "$TOOL" -newer "$dir/.stamp" -print -quit)" ]; then
      echo "Generating a knowledge base ${scale}× larger in $dir..." >&2
      "$TOOL" generate --scale "$scale" --out "$dir"
      touch "$dir/.stamp"
      # The index cache trusts file times only once they are a little old (see IndexCache).
      sleep 2
    fi
  done

  UTTERANCES=$(wc -l <"$OUT/utterances.txt")

  COLUMNS=""
  for scale in $SCALES; do
    [ "$scale" = 1 ] && [ -s "$MODEL" ] && COLUMNS="$COLUMNS 1e"
    COLUMNS="$COLUMNS $scale"
  done

  declare -A R
  for column in $COLUMNS; do
    scale=${column%e}
    if [ "$column" = 1e ]; then export ADVISOR_MODEL=$MODEL; else export ADVISOR_MODEL=; fi
    echo "Measuring ${scale}×$([ "$column" = 1e ] && echo ", with the encoder")..." >&2
    data=(); [ "$scale" = 1 ] || data=(--data "$OUT/data-${scale}x")
    # The first start after a change loads the YAML, checks it and writes the index; later
    # starts map the index. Measured once, in an empty cache.
    cold=$(mktemp -d)
    start=$(date +%s%N)
    ADVISOR_CACHE_DIR=$cold "$BIN" ask "$QUESTION" "${data[@]}" >/dev/null
    R[$column,cold]=$(awk -v ns=$(( $(date +%s%N) - start )) 'BEGIN {printf "%.0f", ns / 1e6}')
    rm -rf "$cold"
    # Warms the index cache: the first start writes the index, and a start once it is two seconds
    # old (IndexCache.settle) checks its checksum and notes it; from then on starts only map it.
    "$BIN" ask "$QUESTION" "${data[@]}" >/dev/null
    sleep 2.2
    "$BIN" ask "$QUESTION" "${data[@]}" >/dev/null
    R[$column,ask]=$(median_ms "$BIN" ask "$QUESTION" "${data[@]}")
    R[$column,prompt]=$("$TOOL" prompt --history 1000 --runs "$(( RUNS < 20 ? RUNS : 20 ))" -- "$BIN" "${data[@]}" | awk '{print $2}')
    rounds=5; [ "$scale" -ge 100 ] && rounds=2
    q=$("$TOOL" questions "$DEV" "${data[@]}" --rounds $rounds)
    R[$column,p50]=$(awk '{print $6}' <<<"$q")
    R[$column,p99]=$(awk '{print $8}' <<<"$q")
    json_ms=$(median_ms_input "$OUT/utterances.txt" "$BIN" "${data[@]}" --json)
    R[$column,json]=$(awk -v n="$UTTERANCES" -v ms="$json_ms" 'BEGIN {printf "%.0f", n / (ms / 1000)}')
    R[$column,replay]=$(median_ms "$BIN" replay "${data[@]}" Transcripts)
    R[$column,rss]=$(peak_mib "$BIN" ask "$QUESTION" "${data[@]}")
    R[$column,rssjson]=$(peak_mib --input "$OUT/utterances.txt" "$BIN" "${data[@]}" --json)
  done
  unset ADVISOR_MODEL

  row() {  # row LABEL KEY
    printf '%-44s' "$1"
    for column in $COLUMNS; do printf '%12s' "${R[$column,$2]}"; done
    printf '\n'
  }
  echo
  echo "advisor benchmark: release build, $(nproc) cores, medians of $RUNS runs (per question: in process, after a warm-up round)"
  printf '%-44s' ""; for column in $COLUMNS; do printf '%12s' "${column%e}×$([ "$column" = 1e ] && echo " enc")"; done; printf '\n'
  row "advisor ask, whole process (ms)" ask
  row "first prompt, 1,000-line history (ms)" prompt
  row "per question p50 (µs)" p50
  row "per question p99 (µs)" p99
  row "--json, $UTTERANCES dev utterances (questions/s)" json
  row "replay of Transcripts/, whole process (ms)" replay
  row "peak RSS, advisor ask (MiB)" rss
  row "peak RSS, --json run (MiB)" rssjson
  row "first start after a data change (ms)" cold
  echo
  printf 'Swift hello world (%s): %s ms; advisor ask / hello world: %s×\n' "${HELLO_FLAGS[*]}" "$HELLO" \
    "$(awk -v a="${R[1,ask]:-0}" -v h="$HELLO" 'BEGIN {printf "%.2f", a / h}')"
  first=$(awk '{print $1}' <<<"$SCALES"); last=$(awk '{print $NF}' <<<"$SCALES")
  if [ "$first" != "$last" ]; then
    printf '%s× against %s×: per question p50 %s×, advisor ask %s×\n' "$last" "$first" \
      "$(awk -v a="${R[$last,p50]}" -v b="${R[$first,p50]}" 'BEGIN {printf "%.2f", a / b}')" \
      "$(awk -v a="${R[$last,ask]}" -v b="${R[$first,ask]}" 'BEGIN {printf "%.2f", a / b}')"
  fi
  echo "Columns: the lexical matcher alone (ADVISOR_MODEL=), and \"1× enc\" with the sentence encoder."
  echo "Targets with the encoder: per question p50 ≤ 3 ms, p99 ≤ 15 ms; ask ≤ 30 ms; --json ≥ 500/s; peak RSS ≤ 150 MiB."
  echo "Targets: ask ≤ 5 ms and ≤ 3× hello world; p99 ≤ 100 µs; --json ≥ 50,000/s; peak RSS ≤ 30 MiB; at 100×: p50 ≤ 3×, ask ≤ 4× the 1× figures."
}

# peak_kib RUNS INPUT CMD...: the median peak resident set of RUNS runs, in KiB.
peak_kib() {
  local runs=$1 input=$2; shift 2
  if [ -x /usr/bin/time ]; then
    for _ in $(seq "$runs"); do /usr/bin/time -f %M "$@" <"$input" 2>&1 >/dev/null | tail -1; done \
      | sort -n | sed -n "$(( (runs + 1) / 2 ))p"
  else
    "$TOOL" time --runs "$runs" --warmup 0 --input "$input" -- "$@" | awk '{print $6}'
  fi
}

# Memory on endless input: a batch keeps what the conversation needs, not its history, so the
# peak is the same for 5,000 lines and for 100,000 (the dev set's turns, over and over).
memory() {
  local turns=$(( $(wc -l <"$OUT/utterances.txt") / 20 ))
  "$TOOL" utterances "$DEV" --times $(( 100000 / turns + 1 )) >"$OUT/lines-all.txt"
  head -n 100000 "$OUT/lines-all.txt" >"$OUT/lines-100000.txt"
  head -n 5000 "$OUT/lines-all.txt" >"$OUT/lines-5000.txt"
  # A 10 MB line: a question, then ten million letters (the matcher reads the first 2,000).
  { printf 'what does a DevOps engineer earn '; head -c 10000000 /dev/zero | tr '\0' x; printf '\nhello\n'; } >"$OUT/long-line.txt"
  echo
  echo "Memory on endless input, --json with the shipped data (peak RSS, median of 3 runs)"
  printf '%-22s%14s%14s%10s%22s\n' "" "5,000 lines" "100,000 lines" "ratio" "a 10 MB line (ms)"
  for column in lexical encoder; do
    if [ "$column" = encoder ]; then
      [ -s "$MODEL" ] || continue
      export ADVISOR_MODEL=$MODEL
    else
      export ADVISOR_MODEL=
    fi
    echo "Measuring memory ($column)..." >&2
    "$BIN" ask hello >/dev/null
    small=$(peak_kib 3 "$OUT/lines-5000.txt" "$BIN" --json)
    large=$(peak_kib 3 "$OUT/lines-100000.txt" "$BIN" --json)
    long=$(median_ms_input "$OUT/long-line.txt" "$BIN" --json)
    printf '%-22s%14s%14s%10s%22s\n' "$([ "$column" = encoder ] && echo "with the encoder" || echo "the lexical matcher")" \
      "$(awk -v k="$small" 'BEGIN {printf "%.1f MiB", k / 1024}')" "$(awk -v k="$large" 'BEGIN {printf "%.1f MiB", k / 1024}')" \
      "$(awk -v a="$large" -v b="$small" 'BEGIN {printf "%.3f", a / b}')" "$long"
  done
  unset ADVISOR_MODEL
  echo "Target: 100,000 lines within 10% of 5,000 (ratio 0.90 to 1.10)."
}

MODEL=$ROOT/.build/encoder/all-MiniLM-L6-v2.advisor-model
"$TOOL" utterances "$DEV" --times 20 >"$OUT/utterances.txt"
for part in $PARTS; do
  case $part in
    table) table ;;
    memory) memory ;;
    *) echo "bench.sh: unknown part '$part' in BENCH_PARTS (table, memory)" >&2; exit 64 ;;
  esac
done
