//!5
func.func @conv_1d_nwc_wcf(%i: tensor<2x34x8xf32>, %f: tensor<5x8x16xf32>, %o: tensor<2x30x16xf32>) -> tensor<2x30x16xf32> {
  %0 = linalg.conv_1d_nwc_wcf ins(%i, %f : tensor<2x34x8xf32>, tensor<5x8x16xf32>) outs(%o : tensor<2x30x16xf32>) -> tensor<2x30x16xf32>
  return %0 : tensor<2x30x16xf32>
}
