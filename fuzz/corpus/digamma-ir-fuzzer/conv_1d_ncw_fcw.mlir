//!6
func.func @conv_1d_ncw_fcw(%i: tensor<2x8x34xf32>, %f: tensor<16x8x5xf32>, %o: tensor<2x16x15xf32>) -> tensor<2x16x15xf32> {
  %0 = linalg.conv_1d_ncw_fcw {strides = dense<2> : tensor<1xi64>, dilations = dense<1> : tensor<1xi64>}
    ins(%i, %f : tensor<2x8x34xf32>, tensor<16x8x5xf32>) outs(%o : tensor<2x16x15xf32>) -> tensor<2x16x15xf32>
  return %0 : tensor<2x16x15xf32>
}
