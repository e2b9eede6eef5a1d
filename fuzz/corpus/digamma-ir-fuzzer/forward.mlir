//!0
func.func @forward(%arg0: tensor<1x3x32x32xf32>) -> tensor<1x10xf32> {
  %cst = arith.constant 0.000000e+00 : f32
  %weight = arith.constant dense<1.000000e-01> : tensor<16x3x3x3xf32>
  %bias = arith.constant dense<5.000000e-01> : tensor<16xf32>
  %fc_w = arith.constant dense<2.000000e-02> : tensor<10x4096xf32>
  %fc_b = arith.constant dense<1.000000e-02> : tensor<10xf32>
  %padded = tensor.pad %arg0 low[0, 0, 1, 1] high[0, 0, 1, 1] {
  ^bb0(%i0: index, %i1: index, %i2: index, %i3: index):
    tensor.yield %cst : f32
  } : tensor<1x3x32x32xf32> to tensor<1x3x34x34xf32>
  %empty = tensor.empty() : tensor<1x16x16x16xf32>
  %zero = linalg.fill ins(%cst : f32) outs(%empty : tensor<1x16x16x16xf32>) -> tensor<1x16x16x16xf32>
  %conv = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>}
      ins(%padded, %weight : tensor<1x3x34x34xf32>, tensor<16x3x3x3xf32>)
      outs(%zero : tensor<1x16x16x16xf32>) -> tensor<1x16x16x16xf32>
  %biased = linalg.generic {indexing_maps = [#map_id4, #map_bias, #map_id4],
                            iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%conv, %bias : tensor<1x16x16x16xf32>, tensor<16xf32>) outs(%empty : tensor<1x16x16x16xf32>) {
  ^bb0(%in: f32, %b: f32, %out: f32):
    %s = arith.addf %in, %b : f32
    linalg.yield %s : f32
  } -> tensor<1x16x16x16xf32>
  %flat = tensor.collapse_shape %biased [[0], [1, 2, 3]] : tensor<1x16x16x16xf32> into tensor<1x4096xf32>
  %empty2 = tensor.empty() : tensor<1x10xf32>
  %zero2 = linalg.fill ins(%cst : f32) outs(%empty2 : tensor<1x10xf32>) -> tensor<1x10xf32>
  %mm = linalg.matmul indexing_maps = [#map_lhs, #map_rhs_t, #map_out]
      ins(%flat, %fc_w : tensor<1x4096xf32>, tensor<10x4096xf32>) outs(%zero2 : tensor<1x10xf32>) -> tensor<1x10xf32>
  %out = linalg.generic {indexing_maps = [#map_id2, #map_row, #map_id2], iterator_types = ["parallel", "parallel"]}
      ins(%mm, %fc_b : tensor<1x10xf32>, tensor<10xf32>) outs(%empty2 : tensor<1x10xf32>) {
  ^bb0(%in: f32, %b: f32, %o: f32):
    %s = arith.addf %in, %b : f32
    linalg.yield %s : f32
  } -> tensor<1x10xf32>
  return %out : tensor<1x10xf32>
}
