// RUN: digamma-opt %s -split-input-file --digamma-lower-to-loop-nest --digamma-co-optimize="samples=200" -verify-diagnostics | FileCheck %s
// RUN: digamma-opt %s -split-input-file --digamma-lower-to-loop-nest --digamma-co-optimize="samples=200 scope=model" -verify-diagnostics | FileCheck %s

// Ops nested in loops or in called functions are described and get a
// design like any op, but how often they run is not known to the pass: they
// count once in the totals and in shared-chip objectives, with a warning
// that points at digamma.repeat. With digamma.repeat there is no warning.

// CHECK-LABEL: func.func @in_loop(
// CHECK: scf.for
// CHECK: linalg.matmul {digamma.cost = #digamma.cost<
func.func @in_loop(%a: tensor<16x8xf32>, %b: tensor<8x4xf32>, %c: tensor<16x4xf32>) -> tensor<16x4xf32> {
  %lb = arith.constant 0 : index
  %ub = arith.constant 4 : index
  %st = arith.constant 1 : index
  %r = scf.for %i = %lb to %ub step %st iter_args(%acc = %c) -> (tensor<16x4xf32>) {
    // expected-warning @below {{digamma-co-optimize: the op is inside 'scf.for', whose trip count is not known here: it counts once in the totals and in shared-chip objectives; set digamma.repeat to how often it runs}}
    %0 = linalg.matmul ins(%a, %b : tensor<16x8xf32>, tensor<8x4xf32>) outs(%acc : tensor<16x4xf32>) -> tensor<16x4xf32>
    scf.yield %0 : tensor<16x4xf32>
  }
  return %r : tensor<16x4xf32>
}

// -----

// CHECK-LABEL: func.func @in_affine_loop(
// CHECK: linalg.matmul {digamma.cost = #digamma.cost<
func.func @in_affine_loop(%a: memref<16x8xf32>, %b: memref<8x4xf32>, %c: memref<16x4xf32>) {
  affine.for %i = 0 to 3 {
    // expected-warning @below {{the op is inside 'affine.for'}}
    linalg.matmul ins(%a, %b : memref<16x8xf32>, memref<8x4xf32>) outs(%c : memref<16x4xf32>)
  }
  return
}

// -----

// The trip count given: no warning.
// CHECK-LABEL: func.func @counted_loop(
// CHECK: linalg.matmul {digamma.cost = #digamma.cost<{{.*}}digamma.repeat = 4 : i64
func.func @counted_loop(%a: tensor<16x8xf32>, %b: tensor<8x4xf32>, %c: tensor<16x4xf32>) -> tensor<16x4xf32> {
  %lb = arith.constant 0 : index
  %ub = arith.constant 4 : index
  %st = arith.constant 1 : index
  %r = scf.for %i = %lb to %ub step %st iter_args(%acc = %c) -> (tensor<16x4xf32>) {
    %0 = linalg.matmul {digamma.repeat = 4 : i64} ins(%a, %b : tensor<16x8xf32>, tensor<8x4xf32>) outs(%acc : tensor<16x4xf32>) -> tensor<16x4xf32>
    scf.yield %0 : tensor<16x4xf32>
  }
  return %r : tensor<16x4xf32>
}

// -----

// CHECK-LABEL: func.func private @callee(
// CHECK: linalg.matmul {digamma.cost = #digamma.cost<
func.func private @callee(%a: tensor<16x8xf32>, %b: tensor<8x4xf32>, %c: tensor<16x4xf32>) -> tensor<16x4xf32> {
  // expected-warning @below {{digamma-co-optimize: the op's function @callee is called from 2 places: it counts once in the totals and in shared-chip objectives; set digamma.repeat to how often it runs}}
  %0 = linalg.matmul ins(%a, %b : tensor<16x8xf32>, tensor<8x4xf32>) outs(%c : tensor<16x4xf32>) -> tensor<16x4xf32>
  return %0 : tensor<16x4xf32>
}
// A function nobody calls (the entry point): no warning.
// CHECK-LABEL: func.func @caller(
// CHECK: linalg.matmul {digamma.cost = #digamma.cost<
func.func @caller(%a: tensor<16x8xf32>, %b: tensor<8x4xf32>, %c: tensor<16x4xf32>) -> tensor<16x4xf32> {
  %0 = func.call @callee(%a, %b, %c) : (tensor<16x8xf32>, tensor<8x4xf32>, tensor<16x4xf32>) -> tensor<16x4xf32>
  %1 = func.call @callee(%a, %b, %0) : (tensor<16x8xf32>, tensor<8x4xf32>, tensor<16x4xf32>) -> tensor<16x4xf32>
  %2 = linalg.matmul ins(%a, %b : tensor<16x8xf32>, tensor<8x4xf32>) outs(%1 : tensor<16x4xf32>) -> tensor<16x4xf32>
  return %2 : tensor<16x4xf32>
}
