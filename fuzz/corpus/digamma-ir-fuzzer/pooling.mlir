//!1
func.func @pooling(%i: tensor<1x10x10x4xf32>, %w: tensor<3x3xf32>, %o: tensor<1x8x8x4xf32>) -> tensor<1x8x8x4xf32> {
  %0 = linalg.pooling_nhwc_sum ins(%i, %w : tensor<1x10x10x4xf32>, tensor<3x3xf32>) outs(%o : tensor<1x8x8x4xf32>) -> tensor<1x8x8x4xf32>
  return %0 : tensor<1x8x8x4xf32>
}
