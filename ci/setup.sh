#!/usr/bin/env bash
# Installs everything gclint needs on a Debian 12 machine, idempotently, and fetches the pinned
# tree-sitter sources (grammars/package-lock.json). Nothing else is downloaded at build or run time.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  g++ clang libclang-rt-14-dev clang-format cmake ninja-build pkg-config git
  libyaml-cpp-dev nlohmann-json3-dev libre2-dev libfmt-dev
  libgtest-dev libgmock-dev googletest libbenchmark-dev
  python3 python3-jsonschema
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# nodejs from Debian brings npm as a separate package; a NodeSource nodejs already contains npm.
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if [ ${#missing[@]} -gt 0 ]; then
  echo "ci/setup.sh: installing ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

lock_sum=$(sha256sum grammars/package-lock.json | cut -d' ' -f1)
stamp=grammars/node_modules/.gclint-lock-sha256
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_sum" ]; then
  (cd grammars && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  echo "$lock_sum" > "$stamp"
fi
