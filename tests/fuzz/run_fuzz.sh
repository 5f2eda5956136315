#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) and runs each for SECONDS (default 60) on seed corpora made
# from the repository. Fails on any crash, leak, sanitizer report, diagnostic span outside its file, input slower
# than the per-input timeout or RSS above 2 GB, and prints the reproducer and the command that replays it.
# Usage: tests/fuzz/run_fuzz.sh [SECONDS] [TARGET...]   (SECONDS 0: build and make the seeds only)
# Environment:
#   GCLINT_FUZZ_BUILD     build directory (default build/fuzz)
#   GCLINT_FUZZ_WORK      corpora, logs and reproducers (default: the build directory)
#   GCLINT_FUZZ_JOBS      build jobs (default nproc)
#   GCLINT_FUZZ_PARALLEL  targets fuzzed at the same time (default 1)
#   GCLINT_FUZZ_SEED      libFuzzer -seed (default random; CI fixes it)
#   GCLINT_FUZZ_FRESH=1   start every run from the seeds alone (the same inputs each time; CI), instead of the
#                         corpus kept in WORK/corpus/<target>/ between runs
#   GCLINT_FUZZ_TIMEOUT   seconds one input may take (default 10)
#   GCLINT_FUZZ_NICE      nice level of the fuzzers (default 0; 19 on a shared machine)
#   GCLINT_FUZZ_IGNORE_SPANS=1  crash-only: do not abort on a diagnostic whose span leaves its file
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
seconds=${1:-60}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(hcl_parse terraform_module cloudformation_yaml cloudformation_json kubernetes_yaml config rule_file
    yaml_fast_events)
fi
build=${GCLINT_FUZZ_BUILD:-build/fuzz}
work=${GCLINT_FUZZ_WORK:-$build}
jobs=${GCLINT_FUZZ_JOBS:-$(nproc)}
parallel=${GCLINT_FUZZ_PARALLEL:-1}
per_input=${GCLINT_FUZZ_TIMEOUT:-10}
nice_level=${GCLINT_FUZZ_NICE:-0}
seed_option=()
if [ -n "${GCLINT_FUZZ_SEED:-}" ]; then seed_option=(-seed="$GCLINT_FUZZ_SEED"); fi

if ! command -v clang++ >/dev/null 2>&1; then
  echo "run_fuzz: clang++ not found (ci/setup.sh installs clang and libclang-rt-14-dev)" >&2
  exit 1
fi
CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGCLINT_FUZZ=ON \
  -DGCLINT_TESTS=OFF -DGCLINT_WERROR=ON >/dev/null
cmake --build "$build" -j "$jobs" --target "${targets[@]/%/_fuzzer}"

mkdir -p "$work/artifacts" "$work/logs"
bash tests/fuzz/make_corpus.sh "$work/seeds" >/dev/null
if [ "$seconds" -eq 0 ]; then
  echo "run_fuzz: built ${targets[*]}; seeds in $work/seeds"
  exit 0
fi
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:allocator_may_return_null=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

# One target: its log is WORK/logs/<target>.log, its reproducers WORK/artifacts/<target>-*.
fuzz_one() {
  local t=$1 corpus
  if [ "${GCLINT_FUZZ_FRESH:-0}" = 1 ]; then
    corpus="$work/fresh-corpus/$t"
    rm -rf "$corpus"
  else
    corpus="$work/corpus/$t"
  fi
  mkdir -p "$corpus"
  # New inputs go to $corpus; the seeds are only read. -timeout: one slower input is a hang; -rss_limit_mb: more
  # than 2 GB is a memory blow-up.
  nice -n "$nice_level" "$build/${t}_fuzzer" "$corpus" "$work/seeds/$t" -max_total_time="$seconds" \
    -timeout="$per_input" -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
    -artifact_prefix="$work/artifacts/$t-" "${seed_option[@]}" >"$work/logs/$t.log" 2>&1
}

report() {
  local t=$1 status=$2
  if [ "$status" -eq 0 ]; then
    echo "run_fuzz: $t: $(grep -E '^stat::(number_of_executed_units|new_units_added|peak_rss_mb)' \
      "$work/logs/$t.log" | tr '\n' ' ')"
    return 0
  fi
  echo "run_fuzz: $t FAILED (exit $status); last lines of $work/logs/$t.log:" >&2
  tail -n 40 "$work/logs/$t.log" >&2
  local artifact
  for artifact in $(grep -oE "Test unit written to [^ ]+" "$work/logs/$t.log" | sed 's/Test unit written to //'); do
    echo "run_fuzz: reproducer: $artifact" >&2
    echo "run_fuzz: replay with: $build/${t}_fuzzer $artifact" >&2
  done
  return 1
}

start=$(date +%s)
echo "run_fuzz: ${#targets[@]} targets, ${seconds}s each, $parallel at a time"
declare -A pid_of=()
failed=()
running=0
for t in "${targets[@]}"; do
  if [ "$running" -ge "$parallel" ]; then
    wait -n || true
    running=$((running - 1))
  fi
  fuzz_one "$t" &
  pid_of[$t]=$!
  running=$((running + 1))
done
for t in "${targets[@]}"; do
  status=0
  wait "${pid_of[$t]}" || status=$?
  report "$t" "$status" || failed+=("$t")
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "run_fuzz: FAILED: ${failed[*]} (reproducers in $work/artifacts/)" >&2
  exit 1
fi
echo "run_fuzz: all ${#targets[@]} targets ran ${seconds}s without a finding ($(($(date +%s) - start))s)"
