// Bad output directories are errors at the module before any file is
// written (export-timeloop-not-a-directory.mlir checks one with
// -verify-diagnostics); ops whose design cannot be exported are errors on the op; a
// write that fails keeps no file of the run.
//
// RUN: rm -rf %t && mkdir -p %t/out && touch %t/plain-file
// RUN: not digamma-opt %s --digamma-export-timeloop 2>&1 | FileCheck %s --check-prefix=NODIR
// RUN: not digamma-opt %s --digamma-export-timeloop=dir=%t/missing 2>&1 | FileCheck %s --check-prefix=MISSING
// RUN: not digamma-opt %s --digamma-export-timeloop=dir=%t/plain-file 2>&1 | FileCheck %s --check-prefix=NOTDIR
// RUN: ls %t/out | count 0
//
// A failing write (here: the path of the second op's mapping file is taken
// by a directory) removes the files already written.
// RUN: mkdir %t/out/model.1.map.yaml
// RUN: not digamma-opt %s --digamma-export-timeloop=dir=%t/out 2>&1 | FileCheck %s --check-prefix=PARTIAL
// RUN: ls %t/out | FileCheck %s --check-prefix=LEFT
//
// Ops with a mapping but no loop nest or hardware. (A design Timeloop
// cannot be given, e.g. more sub-clusters than PEs, is rejected by the
// attributes' verifiers first; TimeloopExportTest covers the exporter's
// own checks.)
// RUN: digamma-opt %S/Inputs/export-timeloop-bad-ops.mlir --split-input-file --digamma-export-timeloop=dir=%t/out -verify-diagnostics

// NODIR: error: digamma-export-timeloop: no output directory; give dir=<existing directory>
// MISSING: error: digamma-export-timeloop: '{{.*}}missing' is not an existing directory; create it first
// NOTDIR: error: digamma-export-timeloop: '{{.*}}plain-file' is not an existing directory; create it first
// PARTIAL: error: digamma-export-timeloop: cannot write '{{.*}}model.1.map.yaml': {{.*}}; no file of this run is kept
// LEFT: model.1.map.yaml
// LEFT-NOT: {{.}}

func.func @model(%a: tensor<4x4xf32>, %b: tensor<4x4xf32>, %c: tensor<4x4xf32>) -> tensor<4x4xf32> {
  %0 = linalg.matmul {
         digamma.hw = #digamma.hw<num_pes = 4, cluster_sizes = [4], l1_bytes = 96, l2_bytes = 192, noc_bandwidth = 4096, offchip_bandwidth = 4096, area_um2 = 1000.0, element_bytes = 4>,
         digamma.loop_nest = #digamma.loop_nest<gemm, dims = [m: 4 parallel Y, n: 4 parallel K, k: 4 reduction C], strides = [], dilations = [], operands = [(m, k) : 4, (k, n) : 4, (m, n) : 4]>,
         digamma.mapping = #digamma.mapping<levels = [#digamma.level<parallel = K, cluster = 1, order = [K, C, Y, X, R, S], tiles = [1, 4, 4, 1, 1, 1]>]>}
       ins(%a, %b : tensor<4x4xf32>, tensor<4x4xf32>) outs(%c : tensor<4x4xf32>) -> tensor<4x4xf32>
  %1 = linalg.matmul {
         digamma.hw = #digamma.hw<num_pes = 4, cluster_sizes = [4], l1_bytes = 96, l2_bytes = 192, noc_bandwidth = 4096, offchip_bandwidth = 4096, area_um2 = 1000.0, element_bytes = 4>,
         digamma.loop_nest = #digamma.loop_nest<gemm, dims = [m: 4 parallel Y, n: 4 parallel K, k: 4 reduction C], strides = [], dilations = [], operands = [(m, k) : 4, (k, n) : 4, (m, n) : 4]>,
         digamma.mapping = #digamma.mapping<levels = [#digamma.level<parallel = K, cluster = 1, order = [K, C, Y, X, R, S], tiles = [1, 4, 4, 1, 1, 1]>]>}
       ins(%a, %b : tensor<4x4xf32>, tensor<4x4xf32>) outs(%0 : tensor<4x4xf32>) -> tensor<4x4xf32>
  return %1 : tensor<4x4xf32>
}
