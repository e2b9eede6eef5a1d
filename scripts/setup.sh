#!/usr/bin/env bash
#===- setup.sh - Install, build, and run or test DiGamma-MLIR ------------===#
#
# Usage: scripts/setup.sh run    install what is missing, build, co-optimize
#                                a bundled model (the main job)
#        scripts/setup.sh test   install what is missing, build, run every
#                                test (lit + unit) through ctest
#        scripts/setup.sh build  install and build only
#        scripts/setup.sh sanitize  build with AddressSanitizer and
#                                UndefinedBehaviorSanitizer (no recovery) in
#                                build-asan and run every test there
#        scripts/setup.sh fuzz [seconds] [target...]
#                                build the libFuzzer targets (clang-22) in
#                                build-fuzz and run each for `seconds`
#                                (default 60) from its seed corpus in
#                                fuzz/corpus/<target>
#
# Environment: BUILD_DIR (default: build), BUILD_TYPE (default: Release),
# DIGAMMA_SKIP_INSTALL=1 to skip the package step.
#
#===----------------------------------------------------------------------===#
set -euo pipefail

mode=${1:-run}
root=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${BUILD_DIR:-$root/build}
build_type=${BUILD_TYPE:-Release}

# Every package the build, the tests and the benchmarks use. Keep this list
# complete: CI runs on machines that have none of them. mlir-22-tools also
# provides mlir-opt and mlir-runner, and libmlir-22-dev the runner's
# libmlir_(c_)runner_utils.so, which the execution tests use. python3-dev
# and pybind11-dev build the Python module (python/).
packages=(
  ca-certificates cmake ninja-build g++ python3 python3-dev pybind11-dev
  llvm-22-dev llvm-22-tools libmlir-22-dev mlir-22-tools
  libgtest-dev libgmock-dev libbenchmark-dev
  libpagmo-dev nlohmann-json3-dev
  clang-22 libclang-rt-22-dev
)

install_packages() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
      missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    return
  fi
  echo "== installing: ${missing[*]}"
  local sudo=
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build() {
  echo "== configuring $build_dir ($build_type)"
  cmake -G Ninja -S "$root" -B "$build_dir" \
    -DCMAKE_BUILD_TYPE="$build_type" "$@" \
    -DMLIR_DIR=/usr/lib/llvm-22/lib/cmake/mlir \
    -DLLVM_EXTERNAL_LIT=/usr/lib/llvm-22/bin/lit
  echo "== building"
  cmake --build "$build_dir" -j "$(nproc)"
}

[ "${DIGAMMA_SKIP_INSTALL:-0}" = 1 ] || install_packages

case "$mode" in
build)
  build
  ;;
run)
  build
  model=$root/models/resnet50.mlir
  echo "== digamma-opt $model --digamma-pipeline (edge, 40,000 samples per op)"
  "$build_dir/bin/digamma-opt" "$model" --digamma-pipeline="platform=edge report-summary=true" \
    -o "$build_dir/resnet50.digamma.mlir"
  echo "== annotated IR written to $build_dir/resnet50.digamma.mlir"
  ;;
test)
  build
  echo "== testing"
  ctest --test-dir "$build_dir" --output-on-failure -j "$(nproc)"
  ;;
sanitize)
  build_dir=${BUILD_DIR:-$root/build-asan}
  build -DDIGAMMA_ENABLE_SANITIZERS=ON -DDIGAMMA_ENABLE_BENCHMARKS=OFF
  echo "== testing under ASan+UBSan"
  # allow_user_poisoning=0: LLVM's allocators poison and unpoison memory by
  # hand in header code. Debian's MLIR libraries are not instrumented, so an
  # inline copy from our instrumented code may poison what the library's
  # copy never unpoisons: false "use-after-poison" reports inside MLIR.
  # ASan's own redzones (every real overflow) stay checked.
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:allow_user_poisoning=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir "$build_dir" --output-on-failure -j "$(nproc)"
  ;;
fuzz)
  seconds=${2:-60}
  shift $(( $# < 2 ? $# : 2 ))
  build_dir=${BUILD_DIR:-$root/build-fuzz}
  targets=("$@")
  [ ${#targets[@]} -gt 0 ] || targets=(
    digamma-cost-model-fuzzer digamma-maestro-file-fuzzer
    digamma-gamma-csv-fuzzer digamma-attr-fuzzer digamma-ir-fuzzer)
  echo "== configuring $build_dir (fuzzers, clang-22)"
  # RelWithDebInfo: optimized, with line numbers in the reports.
  cmake -G Ninja -S "$root" -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_COMPILER=clang-22 -DCMAKE_CXX_COMPILER=clang++-22 \
    -DDIGAMMA_ENABLE_FUZZERS=ON -DDIGAMMA_ENABLE_BENCHMARKS=OFF \
    -DMLIR_DIR=/usr/lib/llvm-22/lib/cmake/mlir \
    -DLLVM_EXTERNAL_LIT=/usr/lib/llvm-22/bin/lit
  echo "== building ${targets[*]}"
  cmake --build "$build_dir" -j "$(nproc)" --target "${targets[@]}"
  failed=()
  for target in "${targets[@]}"; do
    # New inputs go to the build directory; the committed seeds stay as
    # they are.
    corpus=$build_dir/fuzz-corpus/$target
    artifacts=$build_dir/fuzz-artifacts/$target
    mkdir -p "$corpus" "$artifacts"
    dict=()
    [ -f "$root/fuzz/dicts/$target.dict" ] && dict=(-dict="$root/fuzz/dicts/$target.dict")
    echo "== $target for $seconds s"
    # Same sanitizer options as the sanitize mode (see there).
    if ASAN_OPTIONS=detect_leaks=1:allow_user_poisoning=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
      "$build_dir/bin/$target" -max_total_time="$seconds" -timeout=120 \
        -rss_limit_mb=4096 -print_final_stats=1 "${dict[@]}" \
        -artifact_prefix="$artifacts/" "$corpus" "$root/fuzz/corpus/$target" \
        >"$build_dir/$target.log" 2>&1; then
      grep -E "^stat::number_of_executed_units|^#[0-9]+ +DONE" "$build_dir/$target.log" || true
    else
      tail -n 40 "$build_dir/$target.log"
      echo "== $target FAILED: inputs in $artifacts, log $build_dir/$target.log"
      failed+=("$target")
    fi
  done
  if [ ${#failed[@]} -gt 0 ]; then
    echo "== fuzz findings in: ${failed[*]}"
    exit 1
  fi
  ;;
*)
  echo "usage: $0 run|test|build|sanitize|fuzz [seconds] [target...]" >&2
  exit 2
  ;;
esac
