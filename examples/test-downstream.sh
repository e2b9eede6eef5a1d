#!/usr/bin/env bash
#===- test-downstream.sh - Build and run the downstream example ----------===#
#
# Usage: test-downstream.sh <cmake> <generator> <digamma build dir>
#                           <work dir> <FileCheck>
#
# Installs the DiGamma build into <work dir>/prefix, configures and builds
# examples/downstream against that prefix alone (MLIR is found by DiGamma's
# package), then runs its two programs:
#  * accel-opt with its C++-built pipeline and with the same pipeline
#    written as text (--pass-pipeline); FileCheck checks the annotated,
#    bufferized IR and both forms must print the same IR; and with a
#    transform script that applies transform.digamma.tile_by_mapping;
#  * design-layer (the C++ API) on its default layer (FileCheck) and on the
#    conv and matmul of the IR above, whose designs must be the ones the
#    pass chose; and on a bad layer, whose error is checked.
# Also: the install tree has no empty directory; the installed digamma-bench
# reads the installed models; and find_package(DiGamma COMPONENTS Api)
# builds design-layer without finding MLIR.
#
#===----------------------------------------------------------------------===#
set -euo pipefail

cmake=$1 generator=$2 build=$3 work=$4 filecheck=$5
example=$(cd "$(dirname "$0")" && pwd)/downstream
prefix=$work/prefix
rm -rf "$work"
mkdir -p "$work"

echo "== cmake --install $build --prefix $prefix"
"$cmake" --install "$build" --prefix "$prefix" >"$work/install.log"
for file in include/digamma/InitAll.h include/digamma/Api/Designer.h \
  include/digamma/Transforms/Passes.h.inc include/digamma/Transforms/Passes.td \
  include/digamma/Dialect/Digamma/IR/DigammaAttrs.h.inc \
  include/digamma/Dialect/Digamma/IR/DigammaAttrs.td \
  lib/libDigammaCostModel.a lib/libDigammaSearch.a lib/libDigammaApi.a \
  lib/libDigammaDialect.a lib/libDigammaTransforms.a \
  lib/libDigammaTranslate.a lib/libDigammaInitAll.a \
  lib/libDigammaTransformOps.a include/digamma/TransformOps/DigammaTransformOps.h \
  lib/cmake/DiGamma/DiGammaConfig.cmake \
  lib/cmake/DiGamma/DiGammaConfigVersion.cmake \
  lib/cmake/DiGamma/DiGammaTargets.cmake \
  lib/cmake/DiGamma/DiGammaMLIRTargets.cmake \
  bin/digamma-opt bin/digamma-translate bin/digamma-cost bin/digamma-bench \
  share/digamma/models/resnet18.csv; do
  [ -e "$prefix/$file" ] || { echo "not installed: $file" >&2; exit 1; }
done
empty=$(find "$prefix" -type d -empty)
[ -z "$empty" ] || { echo "empty directories installed: $empty" >&2; exit 1; }

echo "== the installed digamma-bench reads the installed models"
"$prefix/bin/digamma-bench" --models=ncf --algorithms=digamma --platforms=edge \
  --seeds=1 --samples=100 --threads=1 --quiet --out="$work/bench" >"$work/bench.md"
grep -q "^| ncf | " "$work/bench.md" ||
  { echo "the installed digamma-bench did not run ncf:" >&2; cat "$work/bench.md" >&2; exit 1; }

# (grep reads a file: with pipefail, `tool | grep -q` fails when grep
# stops reading early.)
"$prefix/bin/digamma-opt" --help >"$work/installed-help.txt"
grep -q -- --digamma-pipeline "$work/installed-help.txt" ||
  { echo "the installed digamma-opt lacks --digamma-pipeline" >&2; exit 1; }

echo "== configure and build $example against $prefix"
"$cmake" -G "$generator" -S "$example" -B "$work/build" \
  -DCMAKE_PREFIX_PATH="$prefix" >"$work/configure.log" ||
  { cat "$work/configure.log"; exit 1; }
"$cmake" --build "$work/build" -j 2 >"$work/build.log" ||
  { cat "$work/build.log"; exit 1; }

opt=$work/build/accel-opt
design=$work/build/design-layer
input=$example/test/pipeline.mlir

echo "== accel-opt"
"$opt" --help >"$work/help.txt"
for flag in --accel-pipeline --digamma-pipeline --digamma-co-optimize \
  --digamma-lower-to-loop-nest --one-shot-bufferize --canonicalize --cse; do
  grep -q -- "$flag" "$work/help.txt" || { echo "accel-opt --help lacks $flag" >&2; exit 1; }
done
"$opt" "$input" --accel-pipeline="samples=2000 seed=7" -o "$work/out.mlir"
"$filecheck" "$input" --input-file="$work/out.mlir"
"$opt" "$input" -o "$work/text.mlir" --pass-pipeline="builtin.module(canonicalize,digamma-pipeline{samples=2000 seed=7},one-shot-bufferize{bufferize-function-boundaries},cse)"
diff "$work/out.mlir" "$work/text.mlir"

echo "== accel-opt --transform-interpreter"
"$opt" "$example/test/tile-by-mapping.mlir" --transform-interpreter \
  -o "$work/transform.mlir"
"$filecheck" "$example/test/tile-by-mapping.mlir" \
  --input-file="$work/transform.mlir" --implicit-check-not=digamma.mapping

echo "== design-layer"
"$design" --samples=2000 --seed=7 >"$work/design.txt"
"$filecheck" "$example/test/design-layer.check" --input-file="$work/design.txt"

# The API's design of an op's layer is the pass's: same search, same seed,
# another thread count. Reads `#digamma.cost<cycles = N` and
# `#digamma.hw<num_pes = P` of the line of \p op.
expect_pass_design() {
  local op=$1
  shift
  local line cycles pes
  line=$(grep -- "$op" "$work/out.mlir") ||
    { echo "no $op in the pipeline's output" >&2; exit 1; }
  cycles=$(sed -n 's/.*#digamma.cost<cycles = \([0-9]*\),.*/\1/p' <<<"$line")
  pes=$(sed -n 's/.*#digamma.hw<num_pes = \([0-9]*\),.*/\1/p' <<<"$line")
  "$design" --samples=2000 --seed=7 --element-bytes=4 --threads=2 "$@" \
    >"$work/api.txt"
  grep -q "^hardware: $pes PEs as " "$work/api.txt" &&
    grep -q "^cost: cycles=$cycles " "$work/api.txt" || {
    echo "design-layer $* differs from the pass's $op design" \
      "($pes PEs, $cycles cycles):" >&2
    cat "$work/api.txt" >&2
    exit 1
  }
  echo "$op: $pes PEs, $cycles cycles from both the pass and the API"
}
expect_pass_design linalg.conv_2d_nchw_fchw conv 32 16 18 18 3 3
expect_pass_design linalg.matmul gemm 64 48 32

if "$design" conv 64 64 2 2 3 3 2>"$work/error.txt"; then
  echo "design-layer accepted a filter larger than its input" >&2
  exit 1
fi
grep -q "^design-layer: the layer's filter (3x3) is larger than its input (2x2)$" \
  "$work/error.txt" || { cat "$work/error.txt" >&2; exit 1; }

echo "== find_package(DiGamma COMPONENTS Api) needs no MLIR"
mkdir -p "$work/api-only"
cat >"$work/api-only/CMakeLists.txt" <<EOF
cmake_minimum_required(VERSION 3.20)
project(digamma-api-only LANGUAGES CXX)
find_package(DiGamma 0.1 CONFIG REQUIRED COMPONENTS Api)
if(TARGET MLIRIR OR TARGET DiGamma::Transforms OR MLIR_FOUND)
  message(FATAL_ERROR "find_package(DiGamma COMPONENTS Api) found MLIR")
endif()
find_package(DiGamma 0.1 CONFIG QUIET COMPONENTS NoSuchComponent)
if(DiGamma_NoSuchComponent_FOUND)
  message(FATAL_ERROR "an unknown component was found")
endif()
add_executable(design-layer "$example/design-layer.cpp")
target_link_libraries(design-layer PRIVATE DiGamma::Api)
EOF
"$cmake" -G "$generator" -S "$work/api-only" -B "$work/api-only/build" \
  -DCMAKE_PREFIX_PATH="$prefix" >"$work/api-only.log" ||
  { cat "$work/api-only.log"; exit 1; }
"$cmake" --build "$work/api-only/build" -j 2 >>"$work/api-only.log" ||
  { cat "$work/api-only.log"; exit 1; }
"$work/api-only/build/design-layer" --samples=500 >"$work/api-only.txt"
grep -q "^hardware: " "$work/api-only.txt" || { cat "$work/api-only.txt" >&2; exit 1; }

echo "== downstream example: all checks passed"
