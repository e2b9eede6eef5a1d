// Input of the downstream example test (examples/test-downstream.sh):
//   accel-opt pipeline.mlir --accel-pipeline="samples=2000 seed=7"
//     | FileCheck pipeline.mlir
// After canonicalize, digamma's pipeline, one-shot bufferization and cse,
// both ops work on memrefs and carry the design DiGamma chose.

// CHECK-LABEL: func.func @layers(
// CHECK-SAME: memref<1x16x18x18xf32
// CHECK: linalg.conv_2d_nchw_fchw
// CHECK-SAME: digamma.cost = #digamma.cost<cycles =
// CHECK-SAME: digamma.hw = #digamma.hw<num_pes =
// CHECK-SAME: digamma.loop_nest = #digamma.loop_nest<conv,
// CHECK-SAME: digamma.mapping = #digamma.mapping<levels = [#digamma.level<parallel =
// CHECK-SAME: memref<1x16x18x18xf32
// CHECK: linalg.matmul
// CHECK-SAME: digamma.cost = #digamma.cost<cycles = {{[1-9][0-9]*}},
// CHECK-SAME: digamma.hw = #digamma.hw<num_pes = {{[1-9][0-9]*}},
// CHECK-SAME: digamma.loop_nest = #digamma.loop_nest<gemm,
// CHECK-SAME: memref<64x32xf32
// CHECK: return
func.func @layers(%input: tensor<1x16x18x18xf32>, %filter: tensor<32x16x3x3xf32>,
                  %out: tensor<1x32x16x16xf32>, %a: tensor<64x32xf32>,
                  %b: tensor<32x48xf32>, %c: tensor<64x48xf32>)
    -> (tensor<1x32x16x16xf32>, tensor<64x48xf32>) {
  %0 = linalg.conv_2d_nchw_fchw ins(%input, %filter : tensor<1x16x18x18xf32>, tensor<32x16x3x3xf32>)
                                outs(%out : tensor<1x32x16x16xf32>) -> tensor<1x32x16x16xf32>
  %1 = linalg.matmul ins(%a, %b : tensor<64x32xf32>, tensor<32x48xf32>)
                     outs(%c : tensor<64x48xf32>) -> tensor<64x48xf32>
  return %0, %1 : tensor<1x32x16x16xf32>, tensor<64x48xf32>
}
