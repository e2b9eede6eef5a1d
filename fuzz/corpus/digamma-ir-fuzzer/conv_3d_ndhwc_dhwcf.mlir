//!0
func.func @conv_3d_ndhwc_dhwcf(%i: tensor<1x6x8x8x2xf32>, %f: tensor<3x3x3x2x8xf32>, %o: tensor<1x4x6x6x8xf32>) -> tensor<1x4x6x6x8xf32> {
  %0 = linalg.conv_3d_ndhwc_dhwcf ins(%i, %f : tensor<1x6x8x8x2xf32>, tensor<3x3x3x2x8xf32>) outs(%o : tensor<1x4x6x6x8xf32>) -> tensor<1x4x6x6x8xf32>
  return %0 : tensor<1x4x6x6x8xf32>
}
