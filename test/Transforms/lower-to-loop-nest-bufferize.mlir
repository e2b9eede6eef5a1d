// RUN: digamma-opt %s --digamma-lower-to-loop-nest -one-shot-bufferize="bufferize-function-boundaries" -convert-linalg-to-loops | FileCheck %s
// RUN: digamma-opt %s --digamma-lower-to-loop-nest -one-shot-bufferize="bufferize-function-boundaries" | FileCheck %s --check-prefix=BUF

// The annotated IR still verifies, bufferizes (the attribute survives on the
// memref ops) and lowers to loops with the upstream passes.

// BUF-LABEL: func.func @conv_then_matmul(
// BUF-SAME: memref<1x3x10x10xf32
// BUF: linalg.conv_2d_nchw_fchw {digamma.loop_nest = #digamma.loop_nest<conv,
// BUF-SAME: memref
// BUF: linalg.matmul {digamma.loop_nest = #digamma.loop_nest<gemm,
// BUF-SAME: memref

// CHECK-LABEL: func.func @conv_then_matmul(
// CHECK-NOT: linalg.conv_2d_nchw_fchw
// CHECK-NOT: linalg.matmul
// CHECK: scf.for
// CHECK: arith.mulf
// CHECK: arith.addf
// CHECK: memref.store
// CHECK: scf.for
// CHECK: arith.mulf
// CHECK: return
func.func @conv_then_matmul(%i: tensor<1x3x10x10xf32>, %f: tensor<8x3x3x3xf32>, %o: tensor<1x8x8x8xf32>,
                            %a: tensor<64x8xf32>, %b: tensor<8x16xf32>, %c: tensor<64x16xf32>)
    -> (tensor<1x8x8x8xf32>, tensor<64x16xf32>) {
  %0 = linalg.conv_2d_nchw_fchw ins(%i, %f : tensor<1x3x10x10xf32>, tensor<8x3x3x3xf32>) outs(%o : tensor<1x8x8x8xf32>) -> tensor<1x8x8x8xf32>
  %1 = linalg.matmul ins(%a, %b : tensor<64x8xf32>, tensor<8x16xf32>) outs(%c : tensor<64x16xf32>) -> tensor<64x16xf32>
  return %0, %1 : tensor<1x8x8x8xf32>, tensor<64x16xf32>
}
