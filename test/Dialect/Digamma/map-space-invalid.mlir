// RUN: digamma-opt %s -allow-unregistered-dialect -split-input-file -verify-diagnostics

// Every message of #digamma.map_space and #digamma.map_space_level, and a
// digamma.mapping outside the declared map space, on the op and on the
// module, for each kind of rule.

// expected-error @below {{unknown map_space_level entry 'shape'; expected parallel, size, order or tiles}}
"test.op"() {a = #digamma.map_space_level<shape = 4>} : () -> ()

// -----

// expected-error @below {{map_space_level entry 'size' twice}}
"test.op"() {a = #digamma.map_space_level<size = 4, size = 8>} : () -> ()

// -----

// expected-error @below {{expected a dimension K, C, Y, X, R or S, got 'N'}}
"test.op"() {a = #digamma.map_space_level<parallel = [N]>} : () -> ()

// -----

// expected-error @below {{expected a size of at least 1, got 0}}
"test.op"() {a = #digamma.map_space_level<tiles = {K = 0}>} : () -> ()

// -----

// expected-error @below {{the loop order names C twice}}
"test.op"() {a = #digamma.map_space_level<order = [C, K, C]>} : () -> ()

// -----

// expected-error @below {{the parallel dimensions names K twice}}
"test.op"() {a = #digamma.map_space_level<parallel = [K, K]>} : () -> ()

// -----

// expected-error @below {{expected 1 to 3 map-space levels, got 0}}
"test.op"() {a = #digamma.map_space<name = "none", levels = []>} : () -> ()

// -----

// expected-error @below {{map-space level #1 must be a #digamma.map_space_level, got 3 : i64}}
"test.op"() {a = #digamma.map_space<name = "bad", levels = [#digamma.map_space_level<>, 3]>} : () -> ()

// -----

// expected-error @below {{attribute 'digamma.map_space' must be a #digamma.map_space attribute}}
"test.op"() {digamma.map_space = 3} : () -> ()

// -----

// A mapping outside its op's space: the parallel dimension.
// expected-error @below {{attribute 'digamma.mapping' lies outside the declared map space 'kc': level 1 spreads C, got K}}
"test.op"() {
  digamma.map_space = #digamma.map_space<name = "kc", levels = [
    #digamma.map_space_level<parallel = [K]>, #digamma.map_space_level<parallel = [C]>]>,
  digamma.mapping = #digamma.mapping<levels = [
    #digamma.level<parallel = K, cluster = 1, order = [K, C, Y, X, R, S], tiles = [4, 4, 1, 1, 1, 1]>,
    #digamma.level<parallel = K, cluster = 4, order = [K, C, Y, X, R, S], tiles = [1, 1, 1, 1, 1, 1]>]>
} : () -> ()

// -----

// The module's space governs an op without its own: the level count.
module attributes {digamma.map_space = #digamma.map_space<name = "one", levels = [#digamma.map_space_level<>]>} {
  // expected-error @below {{lies outside the declared map space 'one': the level count is 1, got 2}}
  "test.op"() {
    digamma.mapping = #digamma.mapping<levels = [
      #digamma.level<parallel = K, cluster = 1, order = [K, C, Y, X, R, S], tiles = [4, 4, 1, 1, 1, 1]>,
      #digamma.level<parallel = K, cluster = 4, order = [K, C, Y, X, R, S], tiles = [1, 1, 1, 1, 1, 1]>]>
  } : () -> ()
}

// -----

// The cluster size (an inner level's parallel size).
// expected-error @below {{map space 'shape': level 1's parallel size is 16 (16), got 4}}
"test.op"() {
  digamma.map_space = #digamma.map_space<name = "shape", levels = [
    #digamma.map_space_level<>, #digamma.map_space_level<size = 16>]>,
  digamma.mapping = #digamma.mapping<levels = [
    #digamma.level<parallel = K, cluster = 1, order = [K, C, Y, X, R, S], tiles = [4, 4, 1, 1, 1, 1]>,
    #digamma.level<parallel = K, cluster = 4, order = [K, C, Y, X, R, S], tiles = [1, 1, 1, 1, 1, 1]>]>
} : () -> ()

// -----

// The outer fan-out needs the op's hardware: 16 PEs over clusters of 4.
// expected-error @below {{map space 'fan': level 0's parallel size is 2 (2), got 4}}
"test.op"() {
  digamma.map_space = #digamma.map_space<name = "fan", levels = [
    #digamma.map_space_level<size = 2>, #digamma.map_space_level<>]>,
  digamma.hw = #digamma.hw<num_pes = 16, cluster_sizes = [4, 4], l1_bytes = 64, l2_bytes = 1024, noc_bandwidth = 64, offchip_bandwidth = 16, area_um2 = 0.0>,
  digamma.mapping = #digamma.mapping<levels = [
    #digamma.level<parallel = K, cluster = 1, order = [K, C, Y, X, R, S], tiles = [4, 4, 1, 1, 1, 1]>,
    #digamma.level<parallel = K, cluster = 4, order = [K, C, Y, X, R, S], tiles = [1, 1, 1, 1, 1, 1]>]>
} : () -> ()

// -----

// The loop-order prefix.
// expected-error @below {{map space 'order': level 0's loop order starts C, K, got K at position 0}}
"test.op"() {
  digamma.map_space = #digamma.map_space<name = "order", levels = [
    #digamma.map_space_level<order = [C, K]>, #digamma.map_space_level<>]>,
  digamma.mapping = #digamma.mapping<levels = [
    #digamma.level<parallel = K, cluster = 1, order = [K, C, Y, X, R, S], tiles = [4, 4, 1, 1, 1, 1]>,
    #digamma.level<parallel = K, cluster = 4, order = [K, C, Y, X, R, S], tiles = [1, 1, 1, 1, 1, 1]>]>
} : () -> ()

// -----

// A tile ruled by the layer's extent (the loop nest): K = K at level 0.
func.func @full(%a: tensor<8x16xf32>, %b: tensor<16x32xf32>, %c: tensor<8x32xf32>) -> tensor<8x32xf32> {
  // expected-error @below {{map space 'full': level 0's K tile is the layer's K extent (32), got 4}}
  %0 = linalg.matmul {
    digamma.map_space = #digamma.map_space<name = "full", levels = [
      #digamma.map_space_level<tiles = {K = K}>, #digamma.map_space_level<>]>,
    digamma.loop_nest = #digamma.loop_nest<gemm, dims = [m: 8 parallel Y, n: 32 parallel K, k: 16 reduction C],
                                           strides = [], dilations = [],
                                           operands = [(m, k) : 4, (k, n) : 4, (m, n) : 4]>,
    digamma.mapping = #digamma.mapping<levels = [
      #digamma.level<parallel = K, cluster = 1, order = [K, C, Y, X, R, S], tiles = [4, 4, 1, 1, 1, 1]>,
      #digamma.level<parallel = K, cluster = 4, order = [K, C, Y, X, R, S], tiles = [1, 1, 1, 1, 1, 1]>]>}
    ins(%a, %b : tensor<8x16xf32>, tensor<16x32xf32>) outs(%c : tensor<8x32xf32>) -> tensor<8x32xf32>
  return %0 : tensor<8x32xf32>
}
