//!5
func.func @conv_2d_nhwc_hwcf_q(%i: tensor<1x10x10x4xi8>, %f: tensor<3x3x4x8xi8>, %o: tensor<1x8x8x8xi32>, %z: i32) -> tensor<1x8x8x8xi32> {
  %0 = linalg.conv_2d_nhwc_hwcf_q ins(%i, %f, %z, %z : tensor<1x10x10x4xi8>, tensor<3x3x4x8xi8>, i32, i32) outs(%o : tensor<1x8x8x8xi32>) -> tensor<1x8x8x8xi32>
  return %0 : tensor<1x8x8x8xi32>
}
