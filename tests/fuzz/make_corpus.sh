#!/usr/bin/env bash
# Builds the seed corpora of the fuzz targets from the repository's fixtures, examples, rule pack and the
# shared conformance data, at run time (nothing is committed). Usage: tests/fuzz/make_corpus.sh OUT_DIR
# Produces OUT_DIR/<target>/ for every target; regression inputs under tests/data/robustness/<target>/ are added.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:?usage: make_corpus.sh OUT_DIR}
shared=${GCLINT_SHARED_DIR:-$repo/../shared}
targets=(hcl_parse terraform_module cloudformation_yaml cloudformation_json kubernetes_yaml config rule_file yaml_fast_events)

rm -rf "$out"
for t in "${targets[@]}"; do mkdir -p "$out/$t"; done

# Copies each file under the content-addressed name libFuzzer itself would use, so duplicates collapse.
# tests/data/robustness/scan/ holds reproducers of open problems (some hang): never seeds.
seed() {
  local target=$1 file=$2
  [ -f "$file" ] || return 0
  case "$file" in */robustness/scan/*) return 0 ;; esac
  local size
  size=$(stat -c %s "$file")
  [ "$size" -le 262144 ] || return 0
  cp "$file" "$out/$target/$(sha1sum "$file" | cut -c1-40)"
}

sources=("$repo/fixtures" "$repo/examples" "$repo/tests/data")
while IFS= read -r -d '' f; do
  seed hcl_parse "$f"
  case "$f" in *.tf) seed terraform_module "$f" ;; esac
done < <(find "${sources[@]}" -type f \( -name '*.tf' -o -name '*.tf.json' -o -name '*.tfvars' \) -print0)
if [ -d "$shared/conformance/hcl/specsuite/tests" ]; then
  while IFS= read -r -d '' f; do
    seed hcl_parse "$f"
    seed terraform_module "$f"
  done < <(find "$shared/conformance/hcl/specsuite/tests" -type f -name '*.hcl' -print0)
fi

while IFS= read -r -d '' f; do
  case "$f" in
    */robustness/*) continue ;;
  esac
  if grep -qE 'AWSTemplateFormatVersion|Type: *"?AWS::|"Type" *: *"AWS::|Transform' "$f"; then
    case "$f" in
      *.json) seed cloudformation_json "$f" ;;
      *) seed cloudformation_yaml "$f" ;;
    esac
  fi
  if grep -qE '^apiVersion:|"apiVersion"' "$f"; then
    seed kubernetes_yaml "$f"
  fi
  case "$f" in *.json) ;; *) seed yaml_fast_events "$f" ;; esac
done < <(find "${sources[@]}" -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' -o -name '*.template' \) -print0)

while IFS= read -r -d '' f; do seed config "$f"; done < <(find "${sources[@]}" -type f -name '.gclint*.yaml' -print0)
while IFS= read -r -d '' f; do seed rule_file "$f"; done < <(find "$repo/checks" "$repo/tests/data" -type f -path '*check*' -name '*.yaml' -print0)

# YAML edge cases from the YAML test suite feed the YAML-reading targets (the reader is shared).
if [ -d "$shared/conformance/yaml" ]; then
  while IFS= read -r -d '' f; do
    seed kubernetes_yaml "$f"
    seed config "$f"
    seed yaml_fast_events "$f"
  done < <(find "$shared/conformance/yaml" -type f -name 'in.yaml' -print0)
fi
if [ -d "$shared/conformance/json/test_parsing" ]; then
  while IFS= read -r -d '' f; do seed cloudformation_json "$f"; done \
    < <(find "$shared/conformance/json/test_parsing" -type f -name '*.json' -print0)
fi

# Inputs that once crashed or hung a target stay in its corpus, and so do the span regressions
# (tests/data/robustness/spans/<target>-<what>).
for t in "${targets[@]}"; do
  if [ -d "$repo/tests/data/robustness/$t" ]; then
    while IFS= read -r -d '' f; do seed "$t" "$f"; done < <(find "$repo/tests/data/robustness/$t" -type f -print0)
  fi
  while IFS= read -r -d '' f; do seed "$t" "$f"; done \
    < <(find "$repo/tests/data/robustness/spans" -type f -name "$t-*" -print0 2>/dev/null)
done

for t in "${targets[@]}"; do
  echo "make_corpus: $t: $(find "$out/$t" -type f | wc -l) seeds"
done
