//!3
func.func @depthwise_conv_2d_nhwc_hwc_q(%i: tensor<1x10x10x16xi8>, %f: tensor<3x3x16xi8>, %o: tensor<1x8x8x16xi32>, %z: i32) -> tensor<1x8x8x16xi32> {
  %0 = linalg.depthwise_conv_2d_nhwc_hwc_q ins(%i, %f, %z, %z : tensor<1x10x10x16xi8>, tensor<3x3x16xi8>, i32, i32) outs(%o : tensor<1x8x8x16xi32>) -> tensor<1x8x8x16xi32>
  return %0 : tensor<1x8x8x16xi32>
}
