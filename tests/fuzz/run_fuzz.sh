#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) and runs each for SECONDS (default 60) on seed corpora made
# from the repository. Fails on the first crash, leak, sanitizer report or timeout; the reproducer is left in
# build/fuzz/artifacts/. Usage: tests/fuzz/run_fuzz.sh [SECONDS] [TARGET...]
# Environment: GCLINT_FUZZ_BUILD (build dir, default build/fuzz), GCLINT_FUZZ_JOBS (build jobs, default nproc),
# GCLINT_FUZZ_SEED (libFuzzer -seed, default random; fix it in CI for repeatable mutations),
# GCLINT_FUZZ_IGNORE_SPANS=1 (crash-only: do not abort on diagnostics whose span leaves the file).
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
seconds=${1:-60}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(hcl_parse terraform_module cloudformation_yaml cloudformation_json kubernetes_yaml config rule_file)
fi
build=${GCLINT_FUZZ_BUILD:-build/fuzz}
jobs=${GCLINT_FUZZ_JOBS:-$(nproc)}
seed_option=()
if [ -n "${GCLINT_FUZZ_SEED:-}" ]; then seed_option=(-seed="$GCLINT_FUZZ_SEED"); fi

CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGCLINT_FUZZ=ON \
  -DGCLINT_TESTS=OFF -DGCLINT_WERROR=ON >/dev/null
cmake --build "$build" -j "$jobs" --target "${targets[@]/%/_fuzzer}"

bash tests/fuzz/make_corpus.sh "$build/seeds" >/dev/null
mkdir -p "$build/artifacts"
if [ "$seconds" -eq 0 ]; then
  echo "run_fuzz: built ${targets[*]}; seeds in $build/seeds"
  exit 0
fi
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:allocator_may_return_null=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

failed=()
for t in "${targets[@]}"; do
  corpus="$build/corpus/$t"
  mkdir -p "$corpus"
  echo "run_fuzz: $t for ${seconds}s"
  # New inputs go to $corpus (kept between runs); the seeds are only read. -timeout: one input taking
  # more than 10 s is a hang; -rss_limit_mb: more than 2 GB is a memory blow-up.
  if ! "$build/${t}_fuzzer" "$corpus" "$build/seeds/$t" -max_total_time="$seconds" -timeout=10 \
      -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 -artifact_prefix="$build/artifacts/$t-" "${seed_option[@]}" \
      >"$build/$t.log" 2>&1; then
    tail -n 60 "$build/$t.log"
    failed+=("$t")
  else
    grep -E '^stat::(number_of_executed_units|new_units_added)' "$build/$t.log" | tr '\n' ' '
    echo
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "run_fuzz: FAILED: ${failed[*]} (reproducers in $build/artifacts/; replay with $build/<target>_fuzzer FILE)" >&2
  exit 1
fi
echo "run_fuzz: all ${#targets[@]} targets ran ${seconds}s without a finding"
