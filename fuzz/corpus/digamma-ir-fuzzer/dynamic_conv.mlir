//!5
func.func @dynamic_conv(%i: tensor<?x3x10x10xf32>, %f: tensor<8x3x3x3xf32>, %o: tensor<?x8x8x8xf32>) -> tensor<?x8x8x8xf32> {
  %0 = linalg.conv_2d_nchw_fchw ins(%i, %f : tensor<?x3x10x10xf32>, tensor<8x3x3x3xf32>) outs(%o : tensor<?x8x8x8xf32>) -> tensor<?x8x8x8xf32>
  return %0 : tensor<?x8x8x8xf32>
}
