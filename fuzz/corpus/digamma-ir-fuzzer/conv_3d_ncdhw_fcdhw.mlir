//!1
func.func @conv_3d_ncdhw_fcdhw(%i: tensor<1x2x6x8x8xf32>, %f: tensor<8x2x3x3x3xf32>, %o: tensor<1x8x4x6x6xf32>) -> tensor<1x8x4x6x6xf32> {
  %0 = linalg.conv_3d_ncdhw_fcdhw ins(%i, %f : tensor<1x2x6x8x8xf32>, tensor<8x2x3x3x3xf32>) outs(%o : tensor<1x8x4x6x6xf32>) -> tensor<1x8x4x6x6xf32>
  return %0 : tensor<1x8x4x6x6xf32>
}
