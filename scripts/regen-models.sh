#!/usr/bin/env bash
# Regenerates models/*.mlir from the GAMMA tables in models/csv with
# digamma-translate. Usage: scripts/regen-models.sh [build-dir]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${1:-$root/build}
for csv in "$root"/models/csv/*.csv; do
  name=$(basename "$csv" .csv)
  "$build_dir/bin/digamma-translate" --import-gamma-csv "$csv" -o "$root/models/$name.mlir"
  echo "models/$name.mlir"
done
