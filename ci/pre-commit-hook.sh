#!/usr/bin/env bash
# gclint pre-commit hook: scans what the commit touches, and only that.
# Install:  ln -s ../../ci/pre-commit-hook.sh .git/hooks/pre-commit   (or copy it)
# Terraform is evaluated per module directory, so a staged .tf/.tfvars file scans its whole directory;
# YAML/JSON files are scanned one by one. GCLINT (default: gclint on PATH) and GCLINT_ARGS can be set.
set -euo pipefail
gclint=${GCLINT:-gclint}
if ! command -v "$gclint" >/dev/null 2>&1; then
  echo "gclint pre-commit: '$gclint' not found; set GCLINT=/path/to/gclint" >&2
  exit 1
fi
targets=()
declare -A seen_dirs=()
while IFS= read -r -d '' file; do
  case "$file" in
    *.tf|*.tf.json|*.tfvars|*.tfvars.json)
      dir=$(dirname "$file")
      if [ -z "${seen_dirs[$dir]:-}" ]; then seen_dirs[$dir]=1; targets+=("$dir"); fi ;;
    *.yaml|*.yml|*.json|*.template)
      targets+=("$file") ;;
  esac
done < <(git diff --cached --name-only --diff-filter=ACMR -z)
[ ${#targets[@]} -eq 0 ] && exit 0
# shellcheck disable=SC2086
exec "$gclint" scan ${GCLINT_ARGS:-} "${targets[@]}"
