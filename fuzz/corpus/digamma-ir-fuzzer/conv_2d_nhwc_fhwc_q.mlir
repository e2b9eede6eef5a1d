//!6
func.func @conv_2d_nhwc_fhwc_q(%i: tensor<1x10x10x4xi8>, %f: tensor<8x3x3x4xi8>, %o: tensor<1x8x8x8xi32>, %z: i32) -> tensor<1x8x8x8xi32> {
  %0 = linalg.conv_2d_nhwc_fhwc_q ins(%i, %f, %z, %z : tensor<1x10x10x4xi8>, tensor<8x3x3x4xi8>, i32, i32) outs(%o : tensor<1x8x8x8xi32>) -> tensor<1x8x8x8xi32>
  return %0 : tensor<1x8x8x8xi32>
}
