#!/usr/bin/env bash
# Quick start, command 2: set up, build with -Werror and sanitizers, run every test, then the fuzz smoke run.
set -euo pipefail
cd "$(dirname "$0")/.."
bash ci/setup.sh
bash ci/build.sh test
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --test-dir build/test --output-on-failure -j "$(nproc)" --timeout 600

# Fuzz smoke (docs/security.md, "Fuzzing"): every libFuzzer target for GCLINT_FUZZ_SECONDS (default 45) from the
# seed corpora alone, with a fixed seed, two targets at a time. A crash fails the run and prints the reproducer.
if [ "${GCLINT_SKIP_FUZZ:-0}" = 1 ]; then
  echo "ci/test.sh: GCLINT_SKIP_FUZZ=1: the fuzz smoke run was SKIPPED" >&2
  exit 0
fi
GCLINT_FUZZ_SEED=1 GCLINT_FUZZ_FRESH=1 GCLINT_FUZZ_PARALLEL=2 GCLINT_FUZZ_TIMEOUT=30 \
  bash tests/fuzz/run_fuzz.sh "${GCLINT_FUZZ_SECONDS:-45}"
