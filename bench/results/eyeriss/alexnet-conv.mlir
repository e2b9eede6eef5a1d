// AlexNet's five convolutions as Eyeriss v1 ran them (Chen et al., JSSC
// 2017, Sec. VI): batch 4, 16-bit words, CONV2, 4 and 5 in two groups,
// inputs padded (227, 31, 15, 15 and 15 pixels). The input of
// docs/platforms.md's Eyeriss comparison.
func.func @alexnet_conv(
    %in1: tensor<4x3x227x227xi16>, %w1: tensor<96x3x11x11xi16>, %o1: tensor<4x96x55x55xi16>,
    %in2: tensor<4x2x48x31x31xi16>, %w2: tensor<2x128x48x5x5xi16>, %o2: tensor<4x2x128x27x27xi16>,
    %in3: tensor<4x256x15x15xi16>, %w3: tensor<384x256x3x3xi16>, %o3: tensor<4x384x13x13xi16>,
    %in4: tensor<4x2x192x15x15xi16>, %w4: tensor<2x192x192x3x3xi16>, %o4: tensor<4x2x192x13x13xi16>,
    %in5: tensor<4x2x192x15x15xi16>, %w5: tensor<2x128x192x3x3xi16>, %o5: tensor<4x2x128x13x13xi16>)
    -> (tensor<4x96x55x55xi16>, tensor<4x2x128x27x27xi16>, tensor<4x384x13x13xi16>,
        tensor<4x2x192x13x13xi16>, tensor<4x2x128x13x13xi16>) {
  %c1 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<4> : tensor<2xi64>}
       ins(%in1, %w1 : tensor<4x3x227x227xi16>, tensor<96x3x11x11xi16>)
       outs(%o1 : tensor<4x96x55x55xi16>) -> tensor<4x96x55x55xi16>
  %c2 = linalg.conv_2d_ngchw_gfchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
       ins(%in2, %w2 : tensor<4x2x48x31x31xi16>, tensor<2x128x48x5x5xi16>)
       outs(%o2 : tensor<4x2x128x27x27xi16>) -> tensor<4x2x128x27x27xi16>
  %c3 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
       ins(%in3, %w3 : tensor<4x256x15x15xi16>, tensor<384x256x3x3xi16>)
       outs(%o3 : tensor<4x384x13x13xi16>) -> tensor<4x384x13x13xi16>
  %c4 = linalg.conv_2d_ngchw_gfchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
       ins(%in4, %w4 : tensor<4x2x192x15x15xi16>, tensor<2x192x192x3x3xi16>)
       outs(%o4 : tensor<4x2x192x13x13xi16>) -> tensor<4x2x192x13x13xi16>
  %c5 = linalg.conv_2d_ngchw_gfchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
       ins(%in5, %w5 : tensor<4x2x192x15x15xi16>, tensor<2x128x192x3x3xi16>)
       outs(%o5 : tensor<4x2x128x13x13xi16>) -> tensor<4x2x128x13x13xi16>
  return %c1, %c2, %c3, %c4, %c5 : tensor<4x96x55x55xi16>, tensor<4x2x128x27x27xi16>, tensor<4x384x13x13xi16>,
        tensor<4x2x192x13x13xi16>, tensor<4x2x128x13x13xi16>
}
