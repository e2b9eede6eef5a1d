//!7
func.func @conv_2d_ngchw_gfchw(%i: tensor<1x2x4x8x8xf32>, %f: tensor<2x8x4x3x3xf32>, %o: tensor<1x2x8x6x6xf32>) -> tensor<1x2x8x6x6xf32> {
  %0 = linalg.conv_2d_ngchw_gfchw ins(%i, %f : tensor<1x2x4x8x8xf32>, tensor<2x8x4x3x3xf32>) outs(%o : tensor<1x2x8x6x6xf32>) -> tensor<1x2x8x6x6xf32>
  return %0 : tensor<1x2x8x6x6xf32>
}
