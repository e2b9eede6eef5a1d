// RUN: digamma-opt %s --transform-interpreter --split-input-file | FileCheck %s
// The op parses and prints (an explicit mapping prints with its dialect
// prefix elided, as typed attribute arguments do).
// RUN: digamma-opt %s --split-input-file | FileCheck %s --check-prefix=ROUNDTRIP

// With the op's own mapping: the tiled op and every loop come back as
// handles (annotated here), in the structure --digamma-materialize builds.
// CHECK-LABEL: func.func @own_mapping
// CHECK: scf.for {{.*}} {
// CHECK: scf.forall (%{{.*}}) = (0) to (5) step (2)
// CHECK: scf.for {{.*}} {
// CHECK: linalg.matmul
// CHECK-SAME: digamma.loop_nest = #digamma.loop_nest<gemm
// CHECK-NOT: digamma.mapping
// CHECK-SAME: tiled_op
// CHECK: } {tile_loop}
// CHECK: } {mapping = [#digamma.pe_level<0>], tile_loop}
// CHECK: } {tile_loop}
// ROUNDTRIP: transform.digamma.tile_by_mapping %{{.*}} : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
module attributes {transform.with_named_sequence} {
  func.func @own_mapping(%a: tensor<7x10xf32>, %b: tensor<10x5xf32>, %c: tensor<7x5xf32>) -> tensor<7x5xf32> {
    %0 = linalg.matmul {
           digamma.loop_nest = #digamma.loop_nest<gemm, dims = [m: 7 parallel Y, n: 5 parallel K, k: 10 reduction C], strides = [], dilations = [], operands = [(m, k) : 4, (k, n) : 4, (m, n) : 4]>,
           digamma.mapping = #digamma.mapping<levels = [#digamma.level<parallel = K, cluster = 1, order = [Y, K, C, X, R, S], tiles = [2, 4, 3, 1, 1, 1]>]>}
         ins(%a, %b : tensor<7x10xf32>, tensor<10x5xf32>) outs(%c : tensor<7x5xf32>) -> tensor<7x5xf32>
    return %0 : tensor<7x5xf32>
  }

  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %mm = transform.structured.match ops{["linalg.matmul"]} in %root : (!transform.any_op) -> !transform.any_op
    %tiled, %loops = transform.digamma.tile_by_mapping %mm : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.annotate %tiled "tiled_op" : !transform.any_op
    transform.annotate %loops "tile_loop" : !transform.any_op
    transform.yield
  }
}

// -----

// An explicit mapping applies to an op that only has a loop nest, and to
// every payload op of the handle.
// CHECK-LABEL: func.func @explicit_mapping
// CHECK-COUNT-2: } {mapping = [#digamma.pe_level<0>]}
// CHECK-NOT: scf.forall
// CHECK: return
// ROUNDTRIP: transform.digamma.tile_by_mapping %{{.*}} (mapping = <levels = [#digamma.level<parallel = Y, cluster = 1, order = [K, C, Y, X, R, S], tiles = [5, 10, 4, 1, 1, 1]>]>) : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
module attributes {transform.with_named_sequence} {
  func.func @explicit_mapping(%a: tensor<7x10xf32>, %b: tensor<10x5xf32>, %c: tensor<7x5xf32>) -> tensor<7x5xf32> {
    %0 = linalg.matmul {
           digamma.loop_nest = #digamma.loop_nest<gemm, dims = [m: 7 parallel Y, n: 5 parallel K, k: 10 reduction C], strides = [], dilations = [], operands = [(m, k) : 4, (k, n) : 4, (m, n) : 4]>}
         ins(%a, %b : tensor<7x10xf32>, tensor<10x5xf32>) outs(%c : tensor<7x5xf32>) -> tensor<7x5xf32>
    %1 = linalg.matmul {
           digamma.loop_nest = #digamma.loop_nest<gemm, dims = [m: 7 parallel Y, n: 5 parallel K, k: 10 reduction C], strides = [], dilations = [], operands = [(m, k) : 4, (k, n) : 4, (m, n) : 4]>}
         ins(%a, %b : tensor<7x10xf32>, tensor<10x5xf32>) outs(%0 : tensor<7x5xf32>) -> tensor<7x5xf32>
    return %1 : tensor<7x5xf32>
  }

  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %mm = transform.structured.match ops{["linalg.matmul"]} in %root : (!transform.any_op) -> !transform.any_op
    %tiled, %loops = transform.digamma.tile_by_mapping %mm (mapping = #digamma.mapping<levels = [#digamma.level<parallel = Y, cluster = 1, order = [K, C, Y, X, R, S], tiles = [5, 10, 4, 1, 1, 1]>]>) : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

// Precondition failures are silenceable: suppressed, they leave the payload
// as it was and the script goes on.
// CHECK-LABEL: func.func @suppressed
// CHECK-NOT: scf.for
// CHECK: linalg.matmul
// CHECK-SAME: after_suppressed_failure
module attributes {transform.with_named_sequence} {
  func.func @suppressed(%a: tensor<4x4xf32>, %b: tensor<4x4xf32>, %c: tensor<4x4xf32>) -> tensor<4x4xf32> {
    %0 = linalg.matmul ins(%a, %b : tensor<4x4xf32>, tensor<4x4xf32>) outs(%c : tensor<4x4xf32>) -> tensor<4x4xf32>
    return %0 : tensor<4x4xf32>
  }

  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %mm = transform.structured.match ops{["linalg.matmul"]} in %root : (!transform.any_op) -> !transform.any_op
    transform.sequence %root : !transform.any_op failures(suppress) {
    ^bb0(%arg0: !transform.any_op):
      %tiled, %loops = transform.digamma.tile_by_mapping %mm : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    }
    %again = transform.structured.match ops{["linalg.matmul"]} in %root : (!transform.any_op) -> !transform.any_op
    transform.annotate %again "after_suppressed_failure" : !transform.any_op
    transform.yield
  }
}
