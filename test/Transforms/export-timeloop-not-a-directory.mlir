// An output path that is not a directory is an error at the module, before
// anything is written.
// RUN: rm -rf %t && mkdir -p %t && touch %t/plain-file
// RUN: digamma-opt %s --digamma-export-timeloop=dir=%t/plain-file -verify-diagnostics
// RUN: ls %t | FileCheck %s
// CHECK: plain-file
// CHECK-NOT: {{.}}

// expected-error-re @below {{digamma-export-timeloop: '{{.*}}plain-file' is not an existing directory; create it first}}
module {
  func.func @model(%a: tensor<4x4xf32>, %b: tensor<4x4xf32>, %c: tensor<4x4xf32>) -> tensor<4x4xf32> {
    %0 = linalg.matmul {
           digamma.hw = #digamma.hw<num_pes = 4, cluster_sizes = [4], l1_bytes = 12, l2_bytes = 192, noc_bandwidth = 4096, offchip_bandwidth = 4096, area_um2 = 1000.0, element_bytes = 4>,
           digamma.loop_nest = #digamma.loop_nest<gemm, dims = [m: 4 parallel Y, n: 4 parallel K, k: 4 reduction C], strides = [], dilations = [], operands = [(m, k) : 4, (k, n) : 4, (m, n) : 4]>,
           digamma.mapping = #digamma.mapping<levels = [#digamma.level<parallel = K, cluster = 1, order = [K, C, Y, X, R, S], tiles = [1, 4, 4, 1, 1, 1]>]>}
         ins(%a, %b : tensor<4x4xf32>, tensor<4x4xf32>) outs(%c : tensor<4x4xf32>) -> tensor<4x4xf32>
    return %0 : tensor<4x4xf32>
  }
}
