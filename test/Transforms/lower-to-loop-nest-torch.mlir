// RUN: digamma-opt %s --digamma-lower-to-loop-nest | FileCheck %s

// IR in the shape torch-mlir's TorchToLinalg lowering produces for
// conv(stride 2, pad 1) + bias, flatten, then a linear layer (x * W^T + b):
// tensor.pad + strided conv_2d_nchw_fchw + linalg.generic bias add +
// linalg.matmul with transposed indexing maps. Only the conv and the matmul
// are described; the pad, fills and bias adds are untouched.

#map_bias = affine_map<(d0, d1, d2, d3) -> (d1)>
#map_id4 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map_lhs = affine_map<(d0, d1, d2) -> (d0, d2)>
#map_rhs_t = affine_map<(d0, d1, d2) -> (d1, d2)>
#map_out = affine_map<(d0, d1, d2) -> (d0, d1)>
#map_row = affine_map<(d0, d1) -> (d1)>
#map_id2 = affine_map<(d0, d1) -> (d0, d1)>

// CHECK-LABEL: func.func @forward(
func.func @forward(%arg0: tensor<1x3x32x32xf32>) -> tensor<1x10xf32> {
  %cst = arith.constant 0.000000e+00 : f32
  %weight = arith.constant dense<1.000000e-01> : tensor<16x3x3x3xf32>
  %bias = arith.constant dense<5.000000e-01> : tensor<16xf32>
  %fc_w = arith.constant dense<2.000000e-02> : tensor<10x4096xf32>
  %fc_b = arith.constant dense<1.000000e-02> : tensor<10xf32>
  // CHECK: tensor.pad
  // CHECK-NOT: digamma.loop_nest
  // CHECK-SAME: low[0, 0, 1, 1] high[0, 0, 1, 1]
  %padded = tensor.pad %arg0 low[0, 0, 1, 1] high[0, 0, 1, 1] {
  ^bb0(%i0: index, %i1: index, %i2: index, %i3: index):
    tensor.yield %cst : f32
  } : tensor<1x3x32x32xf32> to tensor<1x3x34x34xf32>
  %empty = tensor.empty() : tensor<1x16x16x16xf32>
  // CHECK: linalg.fill
  // CHECK-NOT: digamma.loop_nest
  // CHECK-SAME: outs
  %zero = linalg.fill ins(%cst : f32) outs(%empty : tensor<1x16x16x16xf32>) -> tensor<1x16x16x16xf32>
  // CHECK: linalg.conv_2d_nchw_fchw {digamma.loop_nest = #digamma.loop_nest<conv, dims = [n: 1 parallel N, f: 16 parallel K, oh: 16 parallel Y, ow: 16 parallel X, c: 3 reduction C, kh: 3 window R, kw: 3 window S], strides = [2, 2], dilations = [1, 1], operands = [(n, c, oh * 2 + kh, ow * 2 + kw) : 4, (f, c, kh, kw) : 4, (n, f, oh, ow) : 4]>
  %conv = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>}
      ins(%padded, %weight : tensor<1x3x34x34xf32>, tensor<16x3x3x3xf32>)
      outs(%zero : tensor<1x16x16x16xf32>) -> tensor<1x16x16x16xf32>
  // CHECK: linalg.generic
  // CHECK-NOT: digamma.loop_nest
  // CHECK: arith.addf
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
  // CHECK: linalg.matmul indexing_maps = [#{{.*}}, #{{.*}}, #{{.*}}] {digamma.loop_nest = #digamma.loop_nest<gemm, dims = [m: 1 parallel Y, n: 10 parallel K, k: 4096 reduction C], strides = [], dilations = [], operands = [(m, k) : 4, (n, k) : 4, (m, n) : 4]>
  %mm = linalg.matmul indexing_maps = [#map_lhs, #map_rhs_t, #map_out]
      ins(%flat, %fc_w : tensor<1x4096xf32>, tensor<10x4096xf32>) outs(%zero2 : tensor<1x10xf32>) -> tensor<1x10xf32>
  // CHECK: linalg.generic
  // CHECK-NOT: digamma.loop_nest
  // CHECK: return
  %out = linalg.generic {indexing_maps = [#map_id2, #map_row, #map_id2], iterator_types = ["parallel", "parallel"]}
      ins(%mm, %fc_b : tensor<1x10xf32>, tensor<10xf32>) outs(%empty2 : tensor<1x10xf32>) {
  ^bb0(%in: f32, %b: f32, %o: f32):
    %s = arith.addf %in, %b : f32
    linalg.yield %s : f32
  } -> tensor<1x10xf32>
  return %out : tensor<1x10xf32>
}
