// Anchored on a function, the materialization cannot write one
// transform-dialect script for the module: an error on the function, and
// no file.
//
// RUN: rm -rf %t && mkdir -p %t
// RUN: digamma-opt %s --pass-pipeline="builtin.module(func.func(digamma-materialize{transform-script=%t/script.mlir}))" -verify-diagnostics
// RUN: ls %t | count 0

// expected-error @below {{digamma-materialize: transform-script describes the whole module; run the pass on builtin.module, not nested on 'func.func'}}
func.func @mm(%a: tensor<4x4xf32>, %b: tensor<4x4xf32>, %c: tensor<4x4xf32>) -> tensor<4x4xf32> {
  %0 = linalg.matmul {
         digamma.loop_nest = #digamma.loop_nest<gemm, dims = [m: 4 parallel Y, n: 4 parallel K, k: 4 reduction C], strides = [], dilations = [], operands = [(m, k) : 4, (k, n) : 4, (m, n) : 4]>,
         digamma.mapping = #digamma.mapping<levels = [#digamma.level<parallel = K, cluster = 1, order = [K, C, Y, X, R, S], tiles = [2, 4, 4, 1, 1, 1]>]>}
       ins(%a, %b : tensor<4x4xf32>, tensor<4x4xf32>) outs(%c : tensor<4x4xf32>) -> tensor<4x4xf32>
  return %0 : tensor<4x4xf32>
}
