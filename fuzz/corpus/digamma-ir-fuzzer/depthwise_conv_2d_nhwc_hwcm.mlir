//!4
func.func @depthwise_conv_2d_nhwc_hwcm(%i: tensor<1x10x10x16xf32>, %f: tensor<3x3x16x2xf32>, %o: tensor<1x8x8x16x2xf32>) -> tensor<1x8x8x16x2xf32> {
  %0 = linalg.depthwise_conv_2d_nhwc_hwcm ins(%i, %f : tensor<1x10x10x16xf32>, tensor<3x3x16x2xf32>) outs(%o : tensor<1x8x8x16x2xf32>) -> tensor<1x8x8x16x2xf32>
  return %0 : tensor<1x8x8x16x2xf32>
}
