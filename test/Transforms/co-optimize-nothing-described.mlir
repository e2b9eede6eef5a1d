// On IR without loop nests the co-optimizer says that it searched nothing
// and which pass is missing, instead of succeeding silently; the IR is
// unchanged.
//
// RUN: digamma-opt %s --digamma-co-optimize=samples=100 -verify-diagnostics
// RUN: digamma-opt %s --digamma-co-optimize=samples=100 2>/dev/null | FileCheck %s

// CHECK-LABEL: func.func @mm
// CHECK-NEXT: linalg.matmul ins(%{{.*}}, %{{.*}} : tensor<16x8xf32>, tensor<8x4xf32>) outs(%{{.*}} : tensor<16x4xf32>) -> tensor<16x4xf32>
// CHECK-NOT: digamma

// expected-warning @below {{digamma-co-optimize: no op carries a digamma.loop_nest, so nothing was searched; describe the convolutions and matmuls first with --digamma-lower-to-loop-nest (or run --digamma-pipeline)}}
module {
  func.func @mm(%a: tensor<16x8xf32>, %b: tensor<8x4xf32>, %c: tensor<16x4xf32>) -> tensor<16x4xf32> {
    %0 = linalg.matmul ins(%a, %b : tensor<16x8xf32>, tensor<8x4xf32>) outs(%c : tensor<16x4xf32>) -> tensor<16x4xf32>
    return %0 : tensor<16x4xf32>
  }
}
