//!0
func.func @zero_size_conv(%i: tensor<1x10x10x4xf32>, %f: tensor<3x3x4x0xf32>, %o: tensor<1x8x8x0xf32>) -> tensor<1x8x8x0xf32> {
  %0 = linalg.conv_2d_nhwc_hwcf ins(%i, %f : tensor<1x10x10x4xf32>, tensor<3x3x4x0xf32>) outs(%o : tensor<1x8x8x0xf32>) -> tensor<1x8x8x0xf32>
  return %0 : tensor<1x8x8x0xf32>
}
