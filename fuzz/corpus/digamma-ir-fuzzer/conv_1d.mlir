//!7
func.func @conv_1d(%i: tensor<32xf32>, %f: tensor<3xf32>, %o: tensor<30xf32>) -> tensor<30xf32> {
  %0 = linalg.conv_1d ins(%i, %f : tensor<32xf32>, tensor<3xf32>) outs(%o : tensor<30xf32>) -> tensor<30xf32>
  return %0 : tensor<30xf32>
}
