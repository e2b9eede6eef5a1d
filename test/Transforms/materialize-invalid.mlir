// Mappings --digamma-materialize cannot apply: each is an error on the op
// and the pass changes nothing.
// RUN: digamma-opt %s --split-input-file --digamma-materialize -verify-diagnostics
// RUN: not digamma-opt %s --split-input-file --digamma-materialize -mlir-print-ir-after-failure 2>&1 | FileCheck %s --implicit-check-not=scf.for
// CHECK-COUNT-10: IR Dump After MaterializePass Failed

// An op without TilingInterface.
func.func private @layer(tensor<4x4xf32>, tensor<4x4xf32>, tensor<4x4xf32>) -> tensor<4x4xf32>
func.func @not_tileable(%a: tensor<4x4xf32>, %b: tensor<4x4xf32>, %c: tensor<4x4xf32>) -> tensor<4x4xf32> {
  // expected-error @below {{digamma-materialize: cannot apply the mapping: the op does not implement TilingInterface (for linalg ops: linalg's tiling external models must be registered)}}
  %0 = func.call @layer(%a, %b, %c) {
         digamma.loop_nest = #digamma.loop_nest<gemm, dims = [m: 4 parallel Y, n: 4 parallel K, k: 4 reduction C], strides = [], dilations = [], operands = [(m, k) : 4, (k, n) : 4, (m, n) : 4]>,
         digamma.mapping = #digamma.mapping<levels = [#digamma.level<parallel = K, cluster = 1, order = [K, C, Y, X, R, S], tiles = [2, 4, 4, 1, 1, 1]>]>}
       : (tensor<4x4xf32>, tensor<4x4xf32>, tensor<4x4xf32>) -> tensor<4x4xf32>
  return %0 : tensor<4x4xf32>
}

// -----

// A mapping without the loop nest that relates it to the op's loops.
func.func @no_loop_nest(%a: tensor<4x4xf32>, %b: tensor<4x4xf32>, %c: tensor<4x4xf32>) -> tensor<4x4xf32> {
  // expected-error @below {{cannot apply the mapping: the op has no digamma.loop_nest to relate the mapping's dimensions to its loops}}
  %0 = linalg.matmul {digamma.mapping = #digamma.mapping<levels = [#digamma.level<parallel = K, cluster = 1, order = [K, C, Y, X, R, S], tiles = [2, 4, 4, 1, 1, 1]>]>}
       ins(%a, %b : tensor<4x4xf32>, tensor<4x4xf32>) outs(%c : tensor<4x4xf32>) -> tensor<4x4xf32>
  return %0 : tensor<4x4xf32>
}

// -----

// A loop nest with fewer loops than the op.
func.func @loop_count(%a: tensor<4x4xf32>, %b: tensor<4x4xf32>, %c: tensor<4x4xf32>) -> tensor<4x4xf32> {
  // expected-error @below {{cannot apply the mapping: digamma.loop_nest describes 2 loops but the op has 3}}
  %0 = linalg.matmul {
         digamma.loop_nest = #digamma.loop_nest<gemm, dims = [m: 4 parallel Y, n: 4 parallel K], strides = [], dilations = [], operands = [(m, n) : 4, (m, n) : 4, (m, n) : 4]>,
         digamma.mapping = #digamma.mapping<levels = [#digamma.level<parallel = K, cluster = 1, order = [K, C, Y, X, R, S], tiles = [2, 1, 4, 1, 1, 1]>]>}
       ins(%a, %b : tensor<4x4xf32>, tensor<4x4xf32>) outs(%c : tensor<4x4xf32>) -> tensor<4x4xf32>
  return %0 : tensor<4x4xf32>
}

// -----

// A stale loop nest: its bound is not the op's.
func.func @stale_bound(%a: tensor<4x8xf32>, %b: tensor<8x4xf32>, %c: tensor<4x4xf32>) -> tensor<4x4xf32> {
  // expected-error @below {{cannot apply the mapping: loop 'k' has bound 4 in digamma.loop_nest but 8 in the op}}
  %0 = linalg.matmul {
         digamma.loop_nest = #digamma.loop_nest<gemm, dims = [m: 4 parallel Y, n: 4 parallel K, k: 4 reduction C], strides = [], dilations = [], operands = [(m, k) : 4, (k, n) : 4, (m, n) : 4]>,
         digamma.mapping = #digamma.mapping<levels = [#digamma.level<parallel = K, cluster = 1, order = [K, C, Y, X, R, S], tiles = [2, 4, 4, 1, 1, 1]>]>}
       ins(%a, %b : tensor<4x8xf32>, tensor<8x4xf32>) outs(%c : tensor<4x4xf32>) -> tensor<4x4xf32>
  return %0 : tensor<4x4xf32>
}

// -----

// A loop nest that calls the op's reduction loop parallel.
func.func @wrong_kind(%a: tensor<4x4xf32>, %b: tensor<4x4xf32>, %c: tensor<4x4xf32>) -> tensor<4x4xf32> {
  // expected-error @below {{cannot apply the mapping: loop 'k' is parallel in digamma.loop_nest but a reduction in the op}}
  %0 = linalg.matmul {
         digamma.loop_nest = #digamma.loop_nest<gemm, dims = [m: 4 parallel Y, n: 4 parallel K, k: 4 parallel C], strides = [], dilations = [], operands = [(m, k) : 4, (k, n) : 4, (m, n) : 4]>,
         digamma.mapping = #digamma.mapping<levels = [#digamma.level<parallel = K, cluster = 1, order = [K, C, Y, X, R, S], tiles = [2, 4, 4, 1, 1, 1]>]>}
       ins(%a, %b : tensor<4x4xf32>, tensor<4x4xf32>) outs(%c : tensor<4x4xf32>) -> tensor<4x4xf32>
  return %0 : tensor<4x4xf32>
}

// -----

// Dynamic shapes: the loop nest cannot describe them.
func.func @dynamic(%a: tensor<?x4xf32>, %b: tensor<4x4xf32>, %c: tensor<?x4xf32>) -> tensor<?x4xf32> {
  // expected-error @below {{cannot apply the mapping: loop #0 of the op has a dynamic bound; only static loop nests can be materialized}}
  %0 = linalg.matmul {
         digamma.loop_nest = #digamma.loop_nest<gemm, dims = [m: 4 parallel Y, n: 4 parallel K, k: 4 reduction C], strides = [], dilations = [], operands = [(m, k) : 4, (k, n) : 4, (m, n) : 4]>,
         digamma.mapping = #digamma.mapping<levels = [#digamma.level<parallel = K, cluster = 1, order = [K, C, Y, X, R, S], tiles = [2, 4, 4, 1, 1, 1]>]>}
       ins(%a, %b : tensor<?x4xf32>, tensor<4x4xf32>) outs(%c : tensor<?x4xf32>) -> tensor<?x4xf32>
  return %0 : tensor<?x4xf32>
}

// -----

// The spatial dimension C of level 0 covers a parallel loop (c) and a
// reduction loop (k), which no single forall can spread.
func.func @mixed_spatial(%a: tensor<4x3x5xf32>, %b: tensor<5x3xf32>, %c: tensor<4x3xf32>) -> tensor<4x3xf32> {
  // expected-error @below {{cannot apply the mapping: mapping level #0 parallel dimension C spans both parallel and reduction loops; a spatial level must be one or the other}}
  %0 = linalg.generic {indexing_maps = [affine_map<(m, c, k) -> (m, c, k)>, affine_map<(m, c, k) -> (k, c)>, affine_map<(m, c, k) -> (m, c)>],
                       iterator_types = ["parallel", "parallel", "reduction"]}
       {digamma.loop_nest = #digamma.loop_nest<gemm, dims = [m: 4 parallel Y, c: 3 parallel C, k: 5 reduction C], strides = [], dilations = [], operands = [(m, c, k) : 4, (k, c) : 4, (m, c) : 4]>,
        digamma.mapping = #digamma.mapping<levels = [#digamma.level<parallel = C, cluster = 1, order = [C, K, Y, X, R, S], tiles = [1, 2, 4, 1, 1, 1]>]>}
       ins(%a, %b : tensor<4x3x5xf32>, tensor<5x3xf32>) outs(%c : tensor<4x3xf32>) {
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %p = arith.mulf %x, %y : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  } -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

// Spreading a reduction on buffers needs partial sums that start from the
// combiner's neutral element and are merged by it: a body that subtracts
// has no neutral element, a body that uses the accumulator twice has no
// single combiner.
func.func @reduction_on_buffers_no_neutral_element(%a: memref<4x4xf32>, %b: memref<4x4xf32>, %c: memref<4x4xf32>) {
  // expected-error @below {{cannot apply the mapping: mapping level #0 spreads reduction dimension C over PEs, which needs partial sums, but the op works on buffers and its combiner 'arith.subf' has no neutral element to start the partial sums from}}
  linalg.generic {indexing_maps = [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (k, n)>, affine_map<(m, n, k) -> (m, n)>],
                  iterator_types = ["parallel", "parallel", "reduction"]}
      {digamma.loop_nest = #digamma.loop_nest<gemm, dims = [m: 4 parallel Y, n: 4 parallel K, k: 4 reduction C], strides = [], dilations = [], operands = [(m, k) : 4, (k, n) : 4, (m, n) : 4]>,
       digamma.mapping = #digamma.mapping<levels = [#digamma.level<parallel = C, cluster = 1, order = [K, C, Y, X, R, S], tiles = [4, 2, 4, 1, 1, 1]>]>}
      ins(%a, %b : memref<4x4xf32>, memref<4x4xf32>) outs(%c : memref<4x4xf32>) {
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %p = arith.mulf %x, %y : f32
    %s = arith.subf %acc, %p : f32
    linalg.yield %s : f32
  }
  return
}

// -----

func.func @reduction_on_buffers_two_combiners(%a: memref<4x4xf32>, %b: memref<4x4xf32>, %c: memref<4x4xf32>) {
  // expected-error @below {{cannot apply the mapping: mapping level #0 spreads reduction dimension C over PEs, which needs partial sums, but the op works on buffers and is not a linalg op with one output whose body ends in a single combiner}}
  linalg.generic {indexing_maps = [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (k, n)>, affine_map<(m, n, k) -> (m, n)>],
                  iterator_types = ["parallel", "parallel", "reduction"]}
      {digamma.loop_nest = #digamma.loop_nest<gemm, dims = [m: 4 parallel Y, n: 4 parallel K, k: 4 reduction C], strides = [], dilations = [], operands = [(m, k) : 4, (k, n) : 4, (m, n) : 4]>,
       digamma.mapping = #digamma.mapping<levels = [#digamma.level<parallel = C, cluster = 1, order = [K, C, Y, X, R, S], tiles = [4, 2, 4, 1, 1, 1]>]>}
      ins(%a, %b : memref<4x4xf32>, memref<4x4xf32>) outs(%c : memref<4x4xf32>) {
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %p = arith.mulf %x, %y : f32
    %s = arith.addf %acc, %p : f32
    %t = arith.addf %s, %acc : f32
    linalg.yield %t : f32
  }
  return
}

// -----

// Every op is checked before any is tiled: the first, valid op stays as it
// is when the second cannot be tiled.
func.func @all_or_nothing(%a: tensor<4x4xf32>, %b: tensor<4x4xf32>, %c: tensor<4x4xf32>) -> tensor<4x4xf32> {
  %0 = linalg.matmul {
         digamma.loop_nest = #digamma.loop_nest<gemm, dims = [m: 4 parallel Y, n: 4 parallel K, k: 4 reduction C], strides = [], dilations = [], operands = [(m, k) : 4, (k, n) : 4, (m, n) : 4]>,
         digamma.mapping = #digamma.mapping<levels = [#digamma.level<parallel = K, cluster = 1, order = [K, C, Y, X, R, S], tiles = [2, 4, 4, 1, 1, 1]>]>}
       ins(%a, %b : tensor<4x4xf32>, tensor<4x4xf32>) outs(%c : tensor<4x4xf32>) -> tensor<4x4xf32>
  // expected-error @below {{the op has no digamma.loop_nest}}
  %1 = linalg.matmul {digamma.mapping = #digamma.mapping<levels = [#digamma.level<parallel = K, cluster = 1, order = [K, C, Y, X, R, S], tiles = [2, 4, 4, 1, 1, 1]>]>}
       ins(%a, %b : tensor<4x4xf32>, tensor<4x4xf32>) outs(%0 : tensor<4x4xf32>) -> tensor<4x4xf32>
  return %1 : tensor<4x4xf32>
}
