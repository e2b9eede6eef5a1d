//!2
func.func @depthwise_conv_2d_nchw_chw(%i: tensor<1x32x10x10xf32>, %f: tensor<32x3x3xf32>, %o: tensor<1x32x8x8xf32>) -> tensor<1x32x8x8xf32> {
  %0 = linalg.depthwise_conv_2d_nchw_chw ins(%i, %f : tensor<1x32x10x10xf32>, tensor<32x3x3xf32>) outs(%o : tensor<1x32x8x8xf32>) -> tensor<1x32x8x8xf32>
  return %0 : tensor<1x32x8x8xf32>
}
