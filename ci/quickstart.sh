#!/usr/bin/env bash
# Quick start, command 1: set up, build, and scan the bundled sample tenant.
# gclint exits 1 because the sample has findings; that is the expected outcome here.
set -euo pipefail
cd "$(dirname "$0")/.."
bash ci/setup.sh
bash ci/build.sh release
status=0
./build/release/gclint scan examples/ "$@" || status=$?
if [ "$status" -ge 2 ]; then
  echo "gclint failed with exit code $status" >&2
  exit "$status"
fi
echo
echo "gclint exited with $status (1 = findings were reported, as expected for the sample tenant)."
