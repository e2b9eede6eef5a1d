//!1
func.func @conv_2d_nchw_fchw_dilated(%i: tensor<2x4x14x18xf16>, %f: tensor<8x4x3x3xf16>, %o: tensor<2x8x10x12xf32>) -> tensor<2x8x10x12xf32> {
  %0 = linalg.conv_2d_nchw_fchw {strides = dense<1> : tensor<2xi64>, dilations = dense<[2, 3]> : tensor<2xi64>}
    ins(%i, %f : tensor<2x4x14x18xf16>, tensor<8x4x3x3xf16>) outs(%o : tensor<2x8x10x12xf32>) -> tensor<2x8x10x12xf32>
  return %0 : tensor<2x8x10x12xf32>
}
