// RUN: digamma-opt %s -allow-unregistered-dialect | digamma-opt -allow-unregistered-dialect | FileCheck %s
// RUN: digamma-opt %s -allow-unregistered-dialect -mlir-print-op-generic | digamma-opt -allow-unregistered-dialect | FileCheck %s

// Round trip of #digamma.map_space and #digamma.map_space_level: every entry,
// sizes as integers and as dimensions, entries given in any order printed in
// one, an empty level; and a mapping inside the space on the module (the op's
// own space wins over the module's).

// CHECK: module attributes {digamma.map_space = #digamma.map_space<name = "nvdla", levels = [#digamma.map_space_level<parallel = [K]>, #digamma.map_space_level<parallel = [C], size = 16, order = [C, Y, X, R, S, K], tiles = {K = K, C = 1, Y = R, X = S, R = R, S = S}>]>}
module attributes {digamma.map_space = #digamma.map_space<name = "nvdla", levels = [
    #digamma.map_space_level<parallel = [K]>,
    #digamma.map_space_level<tiles = {S = S, R = R, X = S, Y = R, C = 1, K = K},
                             order = [C, Y, X, R, S, K], size = 16, parallel = [C]>]>} {

// CHECK-LABEL: func.func @inside
func.func @inside(%a: tensor<8x16xf32>, %b: tensor<16x32xf32>, %c: tensor<8x32xf32>) -> tensor<8x32xf32> {
  // CHECK: linalg.matmul
  %0 = linalg.matmul {
      digamma.loop_nest = #digamma.loop_nest<gemm, dims = [m: 8 parallel Y, n: 32 parallel K, k: 16 reduction C],
                                             strides = [], dilations = [],
                                             operands = [(m, k) : 4, (k, n) : 4, (m, n) : 4]>,
      digamma.mapping = #digamma.mapping<levels = [
        #digamma.level<parallel = K, cluster = 1, order = [K, C, Y, X, R, S], tiles = [2, 16, 4, 1, 1, 1]>,
        #digamma.level<parallel = C, cluster = 16, order = [C, Y, X, R, S, K], tiles = [2, 1, 1, 1, 1, 1]>]>}
      ins(%a, %b : tensor<8x16xf32>, tensor<16x32xf32>) outs(%c : tensor<8x32xf32>) -> tensor<8x32xf32>
  return %0 : tensor<8x32xf32>
}

// CHECK-LABEL: func.func @own_space
func.func @own_space(%a: tensor<8x16xf32>, %b: tensor<16x32xf32>, %c: tensor<8x32xf32>) -> tensor<8x32xf32> {
  // A Y-parallel mapping is outside the module's space but inside the op's.
  // CHECK: digamma.map_space = #digamma.map_space<name = "mine", levels = [#digamma.map_space_level<parallel = [Y, K], size = 2>, #digamma.map_space_level<>]>
  %0 = linalg.matmul {
      digamma.map_space = #digamma.map_space<name = "mine", levels = [
        #digamma.map_space_level<parallel = [Y, K], size = 2>, #digamma.map_space_level<>]>,
      digamma.hw = #digamma.hw<num_pes = 8, cluster_sizes = [2, 4], l1_bytes = 512, l2_bytes = 108000, noc_bandwidth = 64, offchip_bandwidth = 16, area_um2 = 0.0>,
      digamma.mapping = #digamma.mapping<levels = [
        #digamma.level<parallel = Y, cluster = 1, order = [K, C, Y, X, R, S], tiles = [32, 16, 4, 1, 1, 1]>,
        #digamma.level<parallel = K, cluster = 4, order = [K, C, Y, X, R, S], tiles = [8, 16, 4, 1, 1, 1]>]>}
      ins(%a, %b : tensor<8x16xf32>, tensor<16x32xf32>) outs(%c : tensor<8x32xf32>) -> tensor<8x32xf32>
  return %0 : tensor<8x32xf32>
}

}
