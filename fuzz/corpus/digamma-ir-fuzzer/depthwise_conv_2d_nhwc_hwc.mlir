//!1
func.func @depthwise_conv_2d_nhwc_hwc(%i: tensor<1x113x113x32xf32>, %f: tensor<3x3x32xf32>, %o: tensor<1x56x56x32xf32>) -> tensor<1x56x56x32xf32> {
  %0 = linalg.depthwise_conv_2d_nhwc_hwc {strides = dense<2> : tensor<2xi64>, dilations = dense<1> : tensor<2xi64>}
    ins(%i, %f : tensor<1x113x113x32xf32>, tensor<3x3x32xf32>) outs(%o : tensor<1x56x56x32xf32>) -> tensor<1x56x56x32xf32>
  return %0 : tensor<1x56x56x32xf32>
}
