#!/usr/bin/env bash
# Configures and builds one flavour of gclint. Usage: ci/build.sh release|test
#   release: optimized binary in build/release (what the quick start scans with)
#   test:    -Werror, ASan + UBSan, tests included, in build/test
set -euo pipefail
cd "$(dirname "$0")/.."
flavour=${1:-release}
jobs=$(nproc)
case "$flavour" in
  release) dir=build/release; flags=(-DCMAKE_BUILD_TYPE=Release -DGCLINT_TESTS=OFF) ;;
  test) dir=build/test; flags=(-DCMAKE_BUILD_TYPE=Debug -DGCLINT_WERROR=ON -DGCLINT_SANITIZE=ON -DGCLINT_TESTS=ON
                               -DGCLINT_BENCHMARKS=ON) ;;
  *) echo "usage: ci/build.sh release|test" >&2; exit 2 ;;
esac
cmake -S . -B "$dir" -G Ninja "${flags[@]}" >/dev/null
cmake --build "$dir" -j "$jobs"
