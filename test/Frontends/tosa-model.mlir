// A TOSA 1.0 model (float and int8) lowered to linalg with upstream's
// tosa-to-* passes and co-optimized in one digamma-opt invocation: the
// strided conv2d, the depthwise_conv2d and the matmuls (tosa.matmul is a
// batch matmul) are described and designed; everything else comes out
// exactly as upstream mlir-opt lowers it.
//
// RUN: mlir-opt %s --pass-pipeline="builtin.module(func.func(tosa-to-linalg-named, tosa-to-linalg, tosa-to-arith, tosa-to-tensor))" -o %t.upstream.mlir
// RUN: digamma-opt %s --pass-pipeline="builtin.module(func.func(tosa-to-linalg-named, tosa-to-linalg, tosa-to-arith, tosa-to-tensor), digamma-pipeline{samples=300})" -o %t.designed.mlir
// RUN: FileCheck %s --input-file=%t.designed.mlir --implicit-check-not=tosa.
//
// RUN: grep -v "digamma\." %t.designed.mlir > %t.designed-rest.mlir
// RUN: grep -v -E "linalg\.(conv|depthwise_conv|matmul|batch_matmul)" %t.upstream.mlir > %t.upstream-rest.mlir
// RUN: diff %t.upstream-rest.mlir %t.designed-rest.mlir
//
// RUN: digamma-opt %t.designed.mlir --digamma-materialize | FileCheck %s --check-prefix=TILED --implicit-check-not="digamma.mapping ="

// CHECK-LABEL: func.func @tosa_float
// CHECK: linalg.conv_2d_nhwc_fhwc {digamma.cost = #digamma.cost<{{.*}}>, digamma.hw = #digamma.hw<{{.*}}>, digamma.loop_nest = #digamma.loop_nest<conv, dims = [n: 1 parallel N, oh: 16 parallel Y, ow: 16 parallel X, f: 16 parallel K, kh: 3 window R, kw: 3 window S, c: 3 reduction C], strides = [2, 2], {{.*}}>, digamma.mapping = #digamma.mapping<levels = [
// CHECK: linalg.depthwise_conv_2d_nhwc_hwcm {digamma.cost = #digamma.cost<{{.*}}>, digamma.hw = #digamma.hw<{{.*}}>, digamma.loop_nest = #digamma.loop_nest<depthwise, dims = [n: 1 parallel N, oh: 16 parallel Y, ow: 16 parallel X, c: 16 parallel C, m: 1 parallel C, kh: 3 window R, kw: 3 window S], {{.*}}>, digamma.mapping = #digamma.mapping<levels = [
// CHECK: linalg.batch_matmul {digamma.cost = #digamma.cost<{{.*}}>, digamma.hw = #digamma.hw<{{.*}}>, digamma.loop_nest = #digamma.loop_nest<gemm, dims = [b: 1 parallel N, m: 64 parallel Y, n: 128 parallel K, k: 256 reduction C], {{.*}}>, digamma.mapping = #digamma.mapping<levels = [
// CHECK-LABEL: func.func @tosa_int8
// CHECK: linalg.conv_2d_nhwc_fhwc_q {digamma.cost = #digamma.cost<{{.*}}>, digamma.hw = #digamma.hw<{{.*}}>, digamma.loop_nest = #digamma.loop_nest<conv, dims = [n: 1 parallel N, oh: 6 parallel Y, ow: 6 parallel X, f: 8 parallel K, kh: 3 window R, kw: 3 window S, c: 4 reduction C], {{.*}}, operands = [(n, oh + kh, ow + kw, c) : 1, (f, kh, kw, c) : 1, () : 4, () : 4, (n, oh, ow, f) : 4]>, digamma.mapping = #digamma.mapping<levels = [
// CHECK: linalg.batch_matmul {digamma.cost = #digamma.cost<{{.*}}>, digamma.hw = #digamma.hw<{{.*}}>, digamma.loop_nest = #digamma.loop_nest<gemm, dims = [b: 1 parallel N, m: 16 parallel Y, n: 8 parallel K, k: 32 reduction C], strides = [], dilations = [], operands = [(b, m, k) : 1, (b, k, n) : 1, (b, m, n) : 4]>, digamma.mapping = #digamma.mapping<levels = [

// TILED-LABEL: func.func @tosa_float
// TILED-COUNT-3: {mapping = [#digamma.pe_level<0>]}
// TILED-LABEL: func.func @tosa_int8
// TILED-COUNT-2: {mapping = [#digamma.pe_level<0>]}

func.func @tosa_float(%input: tensor<1x32x32x3xf32>, %w1: tensor<16x3x3x3xf32>, %b1: tensor<16xf32>, %dw: tensor<3x3x16x1xf32>, %bdw: tensor<16xf32>, %lhs: tensor<1x64x256xf32>, %rhs: tensor<1x256x128xf32>) -> (tensor<1x16x16x16xf32>, tensor<1x64x128xf32>) {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %0 = tosa.conv2d %input, %w1, %b1, %zp, %zp {acc_type = f32, dilation = array<i64: 1, 1>, pad = array<i64: 1, 0, 1, 0>, stride = array<i64: 2, 2>} : (tensor<1x32x32x3xf32>, tensor<16x3x3x3xf32>, tensor<16xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x16x16x16xf32>
  %1 = tosa.clamp %0 {min_val = 0.0 : f32, max_val = 6.0 : f32} : (tensor<1x16x16x16xf32>) -> tensor<1x16x16x16xf32>
  %2 = tosa.depthwise_conv2d %1, %dw, %bdw, %zp, %zp {acc_type = f32, dilation = array<i64: 1, 1>, pad = array<i64: 1, 1, 1, 1>, stride = array<i64: 1, 1>} : (tensor<1x16x16x16xf32>, tensor<3x3x16x1xf32>, tensor<16xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x16x16x16xf32>
  %3 = tosa.matmul %lhs, %rhs, %zp, %zp : (tensor<1x64x256xf32>, tensor<1x256x128xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x64x128xf32>
  return %2, %3 : tensor<1x16x16x16xf32>, tensor<1x64x128xf32>
}

func.func @tosa_int8(%input: tensor<1x8x8x4xi8>, %w: tensor<8x3x3x4xi8>, %b: tensor<8xi32>, %lhs: tensor<1x16x32xi8>, %rhs: tensor<1x32x8xi8>) -> (tensor<1x6x6x8xi32>, tensor<1x16x8xi32>) {
  %izp = "tosa.const"() <{values = dense<3> : tensor<1xi8>}> : () -> tensor<1xi8>
  %wzp = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %0 = tosa.conv2d %input, %w, %b, %izp, %wzp {acc_type = i32, dilation = array<i64: 1, 1>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 1, 1>} : (tensor<1x8x8x4xi8>, tensor<8x3x3x4xi8>, tensor<8xi32>, tensor<1xi8>, tensor<1xi8>) -> tensor<1x6x6x8xi32>
  %1 = tosa.matmul %lhs, %rhs, %wzp, %wzp : (tensor<1x16x32xi8>, tensor<1x32x8xi8>, tensor<1xi8>, tensor<1xi8>) -> tensor<1x16x8xi32>
  return %0, %1 : tensor<1x6x6x8xi32>, tensor<1x16x8xi32>
}
