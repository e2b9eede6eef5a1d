// RUN: digamma-opt %s --digamma-lower-to-loop-nest | FileCheck %s
// RUN: digamma-opt %s --digamma-lower-to-loop-nest | digamma-opt | FileCheck %s

// One case per linalg op family. Each CHECK spells out the dims (name,
// bound, iterator kind, canonical role), strides, dilations, operand
// indexing and layer class.

// CHECK-LABEL: func.func @conv_2d_nchw_fchw(
// CHECK: linalg.conv_2d_nchw_fchw {digamma.loop_nest = #digamma.loop_nest<conv, dims = [n: 1 parallel N, f: 64 parallel K, oh: 112 parallel Y, ow: 112 parallel X, c: 3 reduction C, kh: 7 window R, kw: 7 window S], strides = [2, 2], dilations = [1, 1], operands = [(n, c, oh * 2 + kh, ow * 2 + kw) : 4, (f, c, kh, kw) : 4, (n, f, oh, ow) : 4]>
func.func @conv_2d_nchw_fchw(%i: tensor<1x3x229x229xf32>, %f: tensor<64x3x7x7xf32>, %o: tensor<1x64x112x112xf32>) -> tensor<1x64x112x112xf32> {
  %0 = linalg.conv_2d_nchw_fchw {strides = dense<2> : tensor<2xi64>, dilations = dense<1> : tensor<2xi64>}
    ins(%i, %f : tensor<1x3x229x229xf32>, tensor<64x3x7x7xf32>) outs(%o : tensor<1x64x112x112xf32>) -> tensor<1x64x112x112xf32>
  return %0 : tensor<1x64x112x112xf32>
}

// CHECK-LABEL: func.func @conv_2d_nchw_fchw_dilated(
// CHECK: #digamma.loop_nest<conv, dims = [n: 2 parallel N, f: 8 parallel K, oh: 10 parallel Y, ow: 12 parallel X, c: 4 reduction C, kh: 3 window R, kw: 3 window S], strides = [1, 1], dilations = [2, 3], operands = [(n, c, oh + kh * 2, ow + kw * 3) : 2, (f, c, kh, kw) : 2, (n, f, oh, ow) : 4]>
func.func @conv_2d_nchw_fchw_dilated(%i: tensor<2x4x14x18xf16>, %f: tensor<8x4x3x3xf16>, %o: tensor<2x8x10x12xf32>) -> tensor<2x8x10x12xf32> {
  %0 = linalg.conv_2d_nchw_fchw {strides = dense<1> : tensor<2xi64>, dilations = dense<[2, 3]> : tensor<2xi64>}
    ins(%i, %f : tensor<2x4x14x18xf16>, tensor<8x4x3x3xf16>) outs(%o : tensor<2x8x10x12xf32>) -> tensor<2x8x10x12xf32>
  return %0 : tensor<2x8x10x12xf32>
}

// CHECK-LABEL: func.func @conv_2d_nhwc_hwcf(
// CHECK: #digamma.loop_nest<conv, dims = [n: 1 parallel N, oh: 8 parallel Y, ow: 8 parallel X, f: 16 parallel K, kh: 3 window R, kw: 3 window S, c: 4 reduction C], strides = [1, 1], dilations = [1, 1], operands = [(n, oh + kh, ow + kw, c) : 4, (kh, kw, c, f) : 4, (n, oh, ow, f) : 4]>
func.func @conv_2d_nhwc_hwcf(%i: tensor<1x10x10x4xf32>, %f: tensor<3x3x4x16xf32>, %o: tensor<1x8x8x16xf32>) -> tensor<1x8x8x16xf32> {
  %0 = linalg.conv_2d_nhwc_hwcf ins(%i, %f : tensor<1x10x10x4xf32>, tensor<3x3x4x16xf32>) outs(%o : tensor<1x8x8x16xf32>) -> tensor<1x8x8x16xf32>
  return %0 : tensor<1x8x8x16xf32>
}

// CHECK-LABEL: func.func @conv_2d_nhwc_fhwc(
// CHECK: #digamma.loop_nest<conv, dims = [n: 1 parallel N, oh: 4 parallel Y, ow: 4 parallel X, f: 16 parallel K, kh: 3 window R, kw: 3 window S, c: 4 reduction C], strides = [2, 2], dilations = [1, 1], operands = [(n, oh * 2 + kh, ow * 2 + kw, c) : 4, (f, kh, kw, c) : 4, (n, oh, ow, f) : 4]>
func.func @conv_2d_nhwc_fhwc(%i: tensor<1x9x9x4xf32>, %f: tensor<16x3x3x4xf32>, %o: tensor<1x4x4x16xf32>) -> tensor<1x4x4x16xf32> {
  %0 = linalg.conv_2d_nhwc_fhwc {strides = dense<2> : tensor<2xi64>, dilations = dense<1> : tensor<2xi64>}
    ins(%i, %f : tensor<1x9x9x4xf32>, tensor<16x3x3x4xf32>) outs(%o : tensor<1x4x4x16xf32>) -> tensor<1x4x4x16xf32>
  return %0 : tensor<1x4x4x16xf32>
}

// CHECK-LABEL: func.func @conv_2d_nchw_fchw_q(
// CHECK: #digamma.loop_nest<conv, dims = [n: 1 parallel N, f: 8 parallel K, oh: 8 parallel Y, ow: 8 parallel X, c: 4 reduction C, kh: 3 window R, kw: 3 window S], strides = [1, 1], dilations = [1, 1], operands = [(n, c, oh + kh, ow + kw) : 1, (f, c, kh, kw) : 1, () : 4, () : 4, (n, f, oh, ow) : 4]>
func.func @conv_2d_nchw_fchw_q(%i: tensor<1x4x10x10xi8>, %f: tensor<8x4x3x3xi8>, %o: tensor<1x8x8x8xi32>, %z: i32) -> tensor<1x8x8x8xi32> {
  %0 = linalg.conv_2d_nchw_fchw_q ins(%i, %f, %z, %z : tensor<1x4x10x10xi8>, tensor<8x4x3x3xi8>, i32, i32) outs(%o : tensor<1x8x8x8xi32>) -> tensor<1x8x8x8xi32>
  return %0 : tensor<1x8x8x8xi32>
}

// CHECK-LABEL: func.func @conv_2d_nhwc_hwcf_q(
// CHECK: #digamma.loop_nest<conv, dims = [n: 1 parallel N, oh: 8 parallel Y, ow: 8 parallel X, f: 8 parallel K, kh: 3 window R, kw: 3 window S, c: 4 reduction C], strides = [1, 1], dilations = [1, 1], operands = [(n, oh + kh, ow + kw, c) : 1, (kh, kw, c, f) : 1, () : 4, () : 4, (n, oh, ow, f) : 4]>
func.func @conv_2d_nhwc_hwcf_q(%i: tensor<1x10x10x4xi8>, %f: tensor<3x3x4x8xi8>, %o: tensor<1x8x8x8xi32>, %z: i32) -> tensor<1x8x8x8xi32> {
  %0 = linalg.conv_2d_nhwc_hwcf_q ins(%i, %f, %z, %z : tensor<1x10x10x4xi8>, tensor<3x3x4x8xi8>, i32, i32) outs(%o : tensor<1x8x8x8xi32>) -> tensor<1x8x8x8xi32>
  return %0 : tensor<1x8x8x8xi32>
}

// CHECK-LABEL: func.func @conv_2d_nhwc_fhwc_q(
// CHECK: #digamma.loop_nest<conv, dims = [n: 1 parallel N, oh: 8 parallel Y, ow: 8 parallel X, f: 8 parallel K, kh: 3 window R, kw: 3 window S, c: 4 reduction C], strides = [1, 1], dilations = [1, 1], operands = [(n, oh + kh, ow + kw, c) : 1, (f, kh, kw, c) : 1, () : 4, () : 4, (n, oh, ow, f) : 4]>
func.func @conv_2d_nhwc_fhwc_q(%i: tensor<1x10x10x4xi8>, %f: tensor<8x3x3x4xi8>, %o: tensor<1x8x8x8xi32>, %z: i32) -> tensor<1x8x8x8xi32> {
  %0 = linalg.conv_2d_nhwc_fhwc_q ins(%i, %f, %z, %z : tensor<1x10x10x4xi8>, tensor<8x3x3x4xi8>, i32, i32) outs(%o : tensor<1x8x8x8xi32>) -> tensor<1x8x8x8xi32>
  return %0 : tensor<1x8x8x8xi32>
}

// Groups get role G (the cost model folds them into N).
// CHECK-LABEL: func.func @conv_2d_ngchw_gfchw(
// CHECK: #digamma.loop_nest<conv, dims = [n: 1 parallel N, g: 2 parallel G, f: 8 parallel K, oh: 6 parallel Y, ow: 6 parallel X, c: 4 reduction C, kh: 3 window R, kw: 3 window S], strides = [1, 1], dilations = [1, 1], operands = [(n, g, c, oh + kh, ow + kw) : 4, (g, f, c, kh, kw) : 4, (n, g, f, oh, ow) : 4]>
func.func @conv_2d_ngchw_gfchw(%i: tensor<1x2x4x8x8xf32>, %f: tensor<2x8x4x3x3xf32>, %o: tensor<1x2x8x6x6xf32>) -> tensor<1x2x8x6x6xf32> {
  %0 = linalg.conv_2d_ngchw_gfchw ins(%i, %f : tensor<1x2x4x8x8xf32>, tensor<2x8x4x3x3xf32>) outs(%o : tensor<1x2x8x6x6xf32>) -> tensor<1x2x8x6x6xf32>
  return %0 : tensor<1x2x8x6x6xf32>
}

// CHECK-LABEL: func.func @conv_2d_nhwgc_gfhwc(
// CHECK: #digamma.loop_nest<conv, dims = [n: 1 parallel N, oh: 6 parallel Y, ow: 6 parallel X, g: 2 parallel G, f: 8 parallel K, kh: 3 window R, kw: 3 window S, c: 4 reduction C], strides = [1, 1], dilations = [1, 1], operands = [(n, oh + kh, ow + kw, g, c) : 4, (g, f, kh, kw, c) : 4, (n, oh, ow, g, f) : 4]>
func.func @conv_2d_nhwgc_gfhwc(%i: tensor<1x8x8x2x4xf32>, %f: tensor<2x8x3x3x4xf32>, %o: tensor<1x6x6x2x8xf32>) -> tensor<1x6x6x2x8xf32> {
  %0 = linalg.conv_2d_nhwgc_gfhwc ins(%i, %f : tensor<1x8x8x2x4xf32>, tensor<2x8x3x3x4xf32>) outs(%o : tensor<1x6x6x2x8xf32>) -> tensor<1x6x6x2x8xf32>
  return %0 : tensor<1x6x6x2x8xf32>
}

// Depthwise: channels have role C, there is no K.
// CHECK-LABEL: func.func @depthwise_conv_2d_nhwc_hwc(
// CHECK: #digamma.loop_nest<depthwise, dims = [n: 1 parallel N, oh: 56 parallel Y, ow: 56 parallel X, c: 32 parallel C, kh: 3 window R, kw: 3 window S], strides = [2, 2], dilations = [1, 1], operands = [(n, oh * 2 + kh, ow * 2 + kw, c) : 4, (kh, kw, c) : 4, (n, oh, ow, c) : 4]>
func.func @depthwise_conv_2d_nhwc_hwc(%i: tensor<1x113x113x32xf32>, %f: tensor<3x3x32xf32>, %o: tensor<1x56x56x32xf32>) -> tensor<1x56x56x32xf32> {
  %0 = linalg.depthwise_conv_2d_nhwc_hwc {strides = dense<2> : tensor<2xi64>, dilations = dense<1> : tensor<2xi64>}
    ins(%i, %f : tensor<1x113x113x32xf32>, tensor<3x3x32xf32>) outs(%o : tensor<1x56x56x32xf32>) -> tensor<1x56x56x32xf32>
  return %0 : tensor<1x56x56x32xf32>
}

// CHECK-LABEL: func.func @depthwise_conv_2d_nchw_chw(
// CHECK: #digamma.loop_nest<depthwise, dims = [n: 1 parallel N, oh: 8 parallel Y, ow: 8 parallel X, c: 32 parallel C, kh: 3 window R, kw: 3 window S], strides = [1, 1], dilations = [1, 1], operands = [(n, c, oh + kh, ow + kw) : 4, (c, kh, kw) : 4, (n, c, oh, ow) : 4]>
func.func @depthwise_conv_2d_nchw_chw(%i: tensor<1x32x10x10xf32>, %f: tensor<32x3x3xf32>, %o: tensor<1x32x8x8xf32>) -> tensor<1x32x8x8xf32> {
  %0 = linalg.depthwise_conv_2d_nchw_chw ins(%i, %f : tensor<1x32x10x10xf32>, tensor<32x3x3xf32>) outs(%o : tensor<1x32x8x8xf32>) -> tensor<1x32x8x8xf32>
  return %0 : tensor<1x32x8x8xf32>
}

// CHECK-LABEL: func.func @depthwise_conv_2d_nhwc_hwc_q(
// CHECK: #digamma.loop_nest<depthwise, dims = [n: 1 parallel N, oh: 8 parallel Y, ow: 8 parallel X, c: 16 parallel C, kh: 3 window R, kw: 3 window S], strides = [1, 1], dilations = [1, 1], operands = [(n, oh + kh, ow + kw, c) : 1, (kh, kw, c) : 1, () : 4, () : 4, (n, oh, ow, c) : 4]>
func.func @depthwise_conv_2d_nhwc_hwc_q(%i: tensor<1x10x10x16xi8>, %f: tensor<3x3x16xi8>, %o: tensor<1x8x8x16xi32>, %z: i32) -> tensor<1x8x8x16xi32> {
  %0 = linalg.depthwise_conv_2d_nhwc_hwc_q ins(%i, %f, %z, %z : tensor<1x10x10x16xi8>, tensor<3x3x16xi8>, i32, i32) outs(%o : tensor<1x8x8x16xi32>) -> tensor<1x8x8x16xi32>
  return %0 : tensor<1x8x8x16xi32>
}

// A channel multiplier is folded into C next to the channels.
// CHECK-LABEL: func.func @depthwise_conv_2d_nhwc_hwcm(
// CHECK: #digamma.loop_nest<depthwise, dims = [n: 1 parallel N, oh: 8 parallel Y, ow: 8 parallel X, c: 16 parallel C, m: 2 parallel C, kh: 3 window R, kw: 3 window S]
func.func @depthwise_conv_2d_nhwc_hwcm(%i: tensor<1x10x10x16xf32>, %f: tensor<3x3x16x2xf32>, %o: tensor<1x8x8x16x2xf32>) -> tensor<1x8x8x16x2xf32> {
  %0 = linalg.depthwise_conv_2d_nhwc_hwcm ins(%i, %f : tensor<1x10x10x16xf32>, tensor<3x3x16x2xf32>) outs(%o : tensor<1x8x8x16x2xf32>) -> tensor<1x8x8x16x2xf32>
  return %0 : tensor<1x8x8x16x2xf32>
}

// 1-D: the single spatial dim is Y/R; X and S are absent (1).
// CHECK-LABEL: func.func @conv_1d_nwc_wcf(
// CHECK: #digamma.loop_nest<conv, dims = [n: 2 parallel N, oh: 30 parallel Y, f: 16 parallel K, kh: 5 window R, c: 8 reduction C], strides = [1], dilations = [1], operands = [(n, oh + kh, c) : 4, (kh, c, f) : 4, (n, oh, f) : 4]>
func.func @conv_1d_nwc_wcf(%i: tensor<2x34x8xf32>, %f: tensor<5x8x16xf32>, %o: tensor<2x30x16xf32>) -> tensor<2x30x16xf32> {
  %0 = linalg.conv_1d_nwc_wcf ins(%i, %f : tensor<2x34x8xf32>, tensor<5x8x16xf32>) outs(%o : tensor<2x30x16xf32>) -> tensor<2x30x16xf32>
  return %0 : tensor<2x30x16xf32>
}

// CHECK-LABEL: func.func @conv_1d_ncw_fcw(
// CHECK: #digamma.loop_nest<conv, dims = [n: 2 parallel N, f: 16 parallel K, oh: 15 parallel Y, c: 8 reduction C, kh: 5 window R], strides = [2], dilations = [1], operands = [(n, c, oh * 2 + kh) : 4, (f, c, kh) : 4, (n, f, oh) : 4]>
func.func @conv_1d_ncw_fcw(%i: tensor<2x8x34xf32>, %f: tensor<16x8x5xf32>, %o: tensor<2x16x15xf32>) -> tensor<2x16x15xf32> {
  %0 = linalg.conv_1d_ncw_fcw {strides = dense<2> : tensor<1xi64>, dilations = dense<1> : tensor<1xi64>}
    ins(%i, %f : tensor<2x8x34xf32>, tensor<16x8x5xf32>) outs(%o : tensor<2x16x15xf32>) -> tensor<2x16x15xf32>
  return %0 : tensor<2x16x15xf32>
}

// The channel-less conv_1d: K = C = 1.
// CHECK-LABEL: func.func @conv_1d(
// CHECK: #digamma.loop_nest<conv, dims = [oh: 30 parallel Y, kh: 3 window R], strides = [1], dilations = [1], operands = [(oh + kh) : 4, (kh) : 4, (oh) : 4]>
func.func @conv_1d(%i: tensor<32xf32>, %f: tensor<3xf32>, %o: tensor<30xf32>) -> tensor<30xf32> {
  %0 = linalg.conv_1d ins(%i, %f : tensor<32xf32>, tensor<3xf32>) outs(%o : tensor<30xf32>) -> tensor<30xf32>
  return %0 : tensor<30xf32>
}

// 3-D: the output depth folds into N and the filter depth into C.
// CHECK-LABEL: func.func @conv_3d_ndhwc_dhwcf(
// CHECK: #digamma.loop_nest<conv, dims = [n: 1 parallel N, od: 4 parallel N, oh: 6 parallel Y, ow: 6 parallel X, f: 8 parallel K, kd: 3 window C, kh: 3 window R, kw: 3 window S, c: 2 reduction C], strides = [1, 1, 1], dilations = [1, 1, 1], operands = [(n, od + kd, oh + kh, ow + kw, c) : 4, (kd, kh, kw, c, f) : 4, (n, od, oh, ow, f) : 4]>
func.func @conv_3d_ndhwc_dhwcf(%i: tensor<1x6x8x8x2xf32>, %f: tensor<3x3x3x2x8xf32>, %o: tensor<1x4x6x6x8xf32>) -> tensor<1x4x6x6x8xf32> {
  %0 = linalg.conv_3d_ndhwc_dhwcf ins(%i, %f : tensor<1x6x8x8x2xf32>, tensor<3x3x3x2x8xf32>) outs(%o : tensor<1x4x6x6x8xf32>) -> tensor<1x4x6x6x8xf32>
  return %0 : tensor<1x4x6x6x8xf32>
}

// CHECK-LABEL: func.func @conv_3d_ncdhw_fcdhw(
// CHECK: #digamma.loop_nest<conv, dims = [n: 1 parallel N, f: 8 parallel K, od: 4 parallel N, oh: 6 parallel Y, ow: 6 parallel X, c: 2 reduction C, kd: 3 window C, kh: 3 window R, kw: 3 window S], strides = [1, 1, 1], dilations = [1, 1, 1]
func.func @conv_3d_ncdhw_fcdhw(%i: tensor<1x2x6x8x8xf32>, %f: tensor<8x2x3x3x3xf32>, %o: tensor<1x8x4x6x6xf32>) -> tensor<1x8x4x6x6xf32> {
  %0 = linalg.conv_3d_ncdhw_fcdhw ins(%i, %f : tensor<1x2x6x8x8xf32>, tensor<8x2x3x3x3xf32>) outs(%o : tensor<1x8x4x6x6xf32>) -> tensor<1x8x4x6x6xf32>
  return %0 : tensor<1x8x4x6x6xf32>
}

// GEMM (M, N, K): Y := M, K := N, C := K.
// CHECK-LABEL: func.func @matmul(
// CHECK: linalg.matmul {digamma.loop_nest = #digamma.loop_nest<gemm, dims = [m: 8 parallel Y, n: 32 parallel K, k: 16 reduction C], strides = [], dilations = [], operands = [(m, k) : 4, (k, n) : 4, (m, n) : 4]>
func.func @matmul(%a: tensor<8x16xf32>, %b: tensor<16x32xf32>, %c: tensor<8x32xf32>) -> tensor<8x32xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<8x16xf32>, tensor<16x32xf32>) outs(%c : tensor<8x32xf32>) -> tensor<8x32xf32>
  return %0 : tensor<8x32xf32>
}

// CHECK-LABEL: func.func @matmul_transpose_b(
// CHECK: #digamma.loop_nest<gemm, dims = [m: 8 parallel Y, n: 32 parallel K, k: 16 reduction C], strides = [], dilations = [], operands = [(m, k) : 4, (n, k) : 4, (m, n) : 4]>
func.func @matmul_transpose_b(%a: tensor<8x16xf32>, %b: tensor<32x16xf32>, %c: tensor<8x32xf32>) -> tensor<8x32xf32> {
  %0 = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (n, k)>, affine_map<(m, n, k) -> (m, n)>]
    ins(%a, %b : tensor<8x16xf32>, tensor<32x16xf32>) outs(%c : tensor<8x32xf32>) -> tensor<8x32xf32>
  return %0 : tensor<8x32xf32>
}

// CHECK-LABEL: func.func @matmul_transpose_a(
// CHECK: #digamma.loop_nest<gemm, dims = [m: 8 parallel Y, n: 32 parallel K, k: 16 reduction C], strides = [], dilations = [], operands = [(k, m) : 4, (k, n) : 4, (m, n) : 4]>
func.func @matmul_transpose_a(%a: tensor<16x8xf32>, %b: tensor<16x32xf32>, %c: tensor<8x32xf32>) -> tensor<8x32xf32> {
  %0 = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (k, m)>, affine_map<(m, n, k) -> (k, n)>, affine_map<(m, n, k) -> (m, n)>]
    ins(%a, %b : tensor<16x8xf32>, tensor<16x32xf32>) outs(%c : tensor<8x32xf32>) -> tensor<8x32xf32>
  return %0 : tensor<8x32xf32>
}

// CHECK-LABEL: func.func @batch_matmul(
// CHECK: #digamma.loop_nest<gemm, dims = [b: 4 parallel N, m: 8 parallel Y, n: 32 parallel K, k: 16 reduction C], strides = [], dilations = [], operands = [(b, m, k) : 4, (b, k, n) : 4, (b, m, n) : 4]>
func.func @batch_matmul(%a: tensor<4x8x16xf32>, %b: tensor<4x16x32xf32>, %c: tensor<4x8x32xf32>) -> tensor<4x8x32xf32> {
  %0 = linalg.batch_matmul ins(%a, %b : tensor<4x8x16xf32>, tensor<4x16x32xf32>) outs(%c : tensor<4x8x32xf32>) -> tensor<4x8x32xf32>
  return %0 : tensor<4x8x32xf32>
}

// CHECK-LABEL: func.func @quantized_matmul(
// CHECK: #digamma.loop_nest<gemm, dims = [m: 8 parallel Y, n: 32 parallel K, k: 16 reduction C], strides = [], dilations = [], operands = [(m, k) : 1, (k, n) : 1, () : 4, () : 4, (m, n) : 4]>
func.func @quantized_matmul(%a: tensor<8x16xi8>, %b: tensor<16x32xi8>, %z: i32, %c: tensor<8x32xi32>) -> tensor<8x32xi32> {
  %0 = linalg.quantized_matmul ins(%a, %b, %z, %z : tensor<8x16xi8>, tensor<16x32xi8>, i32, i32) outs(%c : tensor<8x32xi32>) -> tensor<8x32xi32>
  return %0 : tensor<8x32xi32>
}

// CHECK-LABEL: func.func @quantized_batch_matmul(
// CHECK: #digamma.loop_nest<gemm, dims = [b: 2 parallel N, m: 8 parallel Y, n: 32 parallel K, k: 16 reduction C], strides = [], dilations = [], operands = [(b, m, k) : 1, (b, k, n) : 1, () : 4, () : 4, (b, m, n) : 4]>
func.func @quantized_batch_matmul(%a: tensor<2x8x16xi8>, %b: tensor<2x16x32xi8>, %z: i32, %c: tensor<2x8x32xi32>) -> tensor<2x8x32xi32> {
  %0 = linalg.quantized_batch_matmul ins(%a, %b, %z, %z : tensor<2x8x16xi8>, tensor<2x16x32xi8>, i32, i32) outs(%c : tensor<2x8x32xi32>) -> tensor<2x8x32xi32>
  return %0 : tensor<2x8x32xi32>
}

// linalg.generic ops are recognized from their maps, like the named ops.
// CHECK-LABEL: func.func @generic_conv_nchw(
// CHECK: linalg.generic {{.*}}digamma.loop_nest = #digamma.loop_nest<conv, dims = [n: 1 parallel N, f: 8 parallel K, oh: 4 parallel Y, ow: 4 parallel X, c: 4 reduction C, kh: 3 window R, kw: 3 window S], strides = [2, 2], dilations = [1, 1], operands = [(n, c, oh * 2 + kh, ow * 2 + kw) : 4, (f, c, kh, kw) : 4, (n, f, oh, ow) : 4]>
func.func @generic_conv_nchw(%i: tensor<1x4x9x9xf32>, %f: tensor<8x4x3x3xf32>, %o: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  %0 = linalg.generic {
      indexing_maps = [affine_map<(n, f, oh, ow, c, kh, kw) -> (n, c, oh * 2 + kh, ow * 2 + kw)>,
                       affine_map<(n, f, oh, ow, c, kh, kw) -> (f, c, kh, kw)>,
                       affine_map<(n, f, oh, ow, c, kh, kw) -> (n, f, oh, ow)>],
      iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]}
      ins(%i, %f : tensor<1x4x9x9xf32>, tensor<8x4x3x3xf32>) outs(%o : tensor<1x8x4x4xf32>) {
  ^bb0(%x: f32, %w: f32, %acc: f32):
    %m = arith.mulf %x, %w : f32
    %s = arith.addf %acc, %m : f32
    linalg.yield %s : f32
  } -> tensor<1x8x4x4xf32>
  return %0 : tensor<1x8x4x4xf32>
}

// CHECK-LABEL: func.func @generic_depthwise(
// CHECK: #digamma.loop_nest<depthwise, dims = [n: 1 parallel N, oh: 8 parallel Y, ow: 8 parallel X, c: 16 parallel C, kh: 3 window R, kw: 3 window S]
func.func @generic_depthwise(%i: tensor<1x10x10x16xf32>, %f: tensor<3x3x16xf32>, %o: tensor<1x8x8x16xf32>) -> tensor<1x8x8x16xf32> {
  %0 = linalg.generic {
      indexing_maps = [affine_map<(n, oh, ow, c, kh, kw) -> (n, oh + kh, ow + kw, c)>,
                       affine_map<(n, oh, ow, c, kh, kw) -> (kh, kw, c)>,
                       affine_map<(n, oh, ow, c, kh, kw) -> (n, oh, ow, c)>],
      iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]}
      ins(%i, %f : tensor<1x10x10x16xf32>, tensor<3x3x16xf32>) outs(%o : tensor<1x8x8x16xf32>) {
  ^bb0(%x: f32, %w: f32, %acc: f32):
    %m = arith.mulf %x, %w : f32
    %s = arith.addf %acc, %m : f32
    linalg.yield %s : f32
  } -> tensor<1x8x8x16xf32>
  return %0 : tensor<1x8x8x16xf32>
}

// A generic matmul with B transposed and the loops in (k, n, m) order.
// CHECK-LABEL: func.func @generic_matmul(
// CHECK: #digamma.loop_nest<gemm, dims = [k: 16 reduction C, n: 32 parallel K, m: 8 parallel Y], strides = [], dilations = [], operands = [(m, k) : 4, (n, k) : 4, (m, n) : 4]>
func.func @generic_matmul(%a: tensor<8x16xf32>, %b: tensor<32x16xf32>, %c: tensor<8x32xf32>) -> tensor<8x32xf32> {
  %0 = linalg.generic {
      indexing_maps = [affine_map<(k, n, m) -> (m, k)>,
                       affine_map<(k, n, m) -> (n, k)>,
                       affine_map<(k, n, m) -> (m, n)>],
      iterator_types = ["reduction", "parallel", "parallel"]}
      ins(%a, %b : tensor<8x16xf32>, tensor<32x16xf32>) outs(%c : tensor<8x32xf32>) {
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %m = arith.mulf %x, %y : f32
    %s = arith.addf %acc, %m : f32
    linalg.yield %s : f32
  } -> tensor<8x32xf32>
  return %0 : tensor<8x32xf32>
}

// Buffer semantics are described too.
// CHECK-LABEL: func.func @matmul_memref(
// CHECK: linalg.matmul {digamma.loop_nest = #digamma.loop_nest<gemm, dims = [m: 4 parallel Y, n: 4 parallel K, k: 4 reduction C]
func.func @matmul_memref(%a: memref<4x4xf64>, %b: memref<4x4xf64>, %c: memref<4x4xf64>) {
  linalg.matmul ins(%a, %b : memref<4x4xf64>, memref<4x4xf64>) outs(%c : memref<4x4xf64>)
  return
}

// Other ops are left alone.
// CHECK-LABEL: func.func @untouched(
// CHECK-NOT: digamma.loop_nest
// CHECK: return
func.func @untouched(%a: tensor<8x16xf32>, %b: tensor<8x16xf32>) -> tensor<8x16xf32> {
  %0 = linalg.add ins(%a, %b : tensor<8x16xf32>, tensor<8x16xf32>) outs(%a : tensor<8x16xf32>) -> tensor<8x16xf32>
  %c0 = arith.constant 0.0 : f32
  %1 = linalg.fill ins(%c0 : f32) outs(%0 : tensor<8x16xf32>) -> tensor<8x16xf32>
  return %1 : tensor<8x16xf32>
}
