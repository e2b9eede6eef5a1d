//!4
func.func @conv_2d_nchw_fchw_q(%i: tensor<1x4x10x10xi8>, %f: tensor<8x4x3x3xi8>, %o: tensor<1x8x8x8xi32>, %z: i32) -> tensor<1x8x8x8xi32> {
  %0 = linalg.conv_2d_nchw_fchw_q ins(%i, %f, %z, %z : tensor<1x4x10x10xi8>, tensor<8x4x3x3xi8>, i32, i32) outs(%o : tensor<1x8x8x8xi32>) -> tensor<1x8x8x8xi32>
  return %0 : tensor<1x8x8x8xi32>
}
