//!0
func.func @conv_2d_nhwgc_gfhwc(%i: tensor<1x8x8x2x4xf32>, %f: tensor<2x8x3x3x4xf32>, %o: tensor<1x6x6x2x8xf32>) -> tensor<1x6x6x2x8xf32> {
  %0 = linalg.conv_2d_nhwgc_gfhwc ins(%i, %f : tensor<1x8x8x2x4xf32>, tensor<2x8x3x3x4xf32>) outs(%o : tensor<1x6x6x2x8xf32>) -> tensor<1x6x6x2x8xf32>
  return %0 : tensor<1x6x6x2x8xf32>
}
