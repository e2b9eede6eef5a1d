// RUN: digamma-opt %s --digamma-lower-to-loop-nest -split-input-file -verify-diagnostics | FileCheck %s
// RUN: digamma-opt %s --digamma-lower-to-loop-nest="emit-remarks=false" -split-input-file | FileCheck %s --check-prefix=QUIET

// Ops the pass cannot describe keep their IR unchanged and get a remark that
// names the reason; with emit-remarks=false they are skipped silently.
// QUIET-NOT: remark
// QUIET-NOT: digamma.loop_nest

// CHECK-LABEL: func.func @dynamic_conv(
// CHECK-NOT: digamma.loop_nest
func.func @dynamic_conv(%i: tensor<?x3x10x10xf32>, %f: tensor<8x3x3x3xf32>, %o: tensor<?x8x8x8xf32>) -> tensor<?x8x8x8xf32> {
  // expected-remark @below {{digamma: not described: dynamic shapes are not supported}}
  %0 = linalg.conv_2d_nchw_fchw ins(%i, %f : tensor<?x3x10x10xf32>, tensor<8x3x3x3xf32>) outs(%o : tensor<?x8x8x8xf32>) -> tensor<?x8x8x8xf32>
  return %0 : tensor<?x8x8x8xf32>
}

// -----

// CHECK-LABEL: func.func @dynamic_matmul(
// CHECK-NOT: digamma.loop_nest
func.func @dynamic_matmul(%a: tensor<?x16xf32>, %b: tensor<16x?xf32>, %c: tensor<?x?xf32>) -> tensor<?x?xf32> {
  // expected-remark @below {{digamma: not described: dynamic shapes are not supported}}
  %0 = linalg.matmul ins(%a, %b : tensor<?x16xf32>, tensor<16x?xf32>) outs(%c : tensor<?x?xf32>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

// CHECK-LABEL: func.func @zero_size_matmul(
// CHECK-NOT: digamma.loop_nest
func.func @zero_size_matmul(%a: tensor<8x0xf32>, %b: tensor<0x32xf32>, %c: tensor<8x32xf32>) -> tensor<8x32xf32> {
  // expected-remark @below {{digamma: not described: zero-size dimension 'k'}}
  %0 = linalg.matmul ins(%a, %b : tensor<8x0xf32>, tensor<0x32xf32>) outs(%c : tensor<8x32xf32>) -> tensor<8x32xf32>
  return %0 : tensor<8x32xf32>
}

// -----

// CHECK-LABEL: func.func @zero_size_conv(
// CHECK-NOT: digamma.loop_nest
func.func @zero_size_conv(%i: tensor<1x10x10x4xf32>, %f: tensor<3x3x4x0xf32>, %o: tensor<1x8x8x0xf32>) -> tensor<1x8x8x0xf32> {
  // expected-remark @below {{digamma: not described: zero-size dimension 'f'}}
  %0 = linalg.conv_2d_nhwc_hwcf ins(%i, %f : tensor<1x10x10x4xf32>, tensor<3x3x4x0xf32>) outs(%o : tensor<1x8x8x0xf32>) -> tensor<1x8x8x0xf32>
  return %0 : tensor<1x8x8x0xf32>
}

// -----

// Pooling has convolution-shaped maps but no multiply-accumulate.
// CHECK-LABEL: func.func @pooling(
// CHECK-NOT: digamma.loop_nest
func.func @pooling(%i: tensor<1x10x10x4xf32>, %w: tensor<3x3xf32>, %o: tensor<1x8x8x4xf32>) -> tensor<1x8x8x4xf32> {
  // expected-remark @below {{digamma: not described: body is not a multiply-accumulate}}
  %0 = linalg.pooling_nhwc_sum ins(%i, %w : tensor<1x10x10x4xf32>, tensor<3x3xf32>) outs(%o : tensor<1x8x8x4xf32>) -> tensor<1x8x8x4xf32>
  return %0 : tensor<1x8x8x4xf32>
}

// -----

// A matrix-vector product is a contraction without an N dimension.
// CHECK-LABEL: func.func @matvec(
// CHECK-NOT: digamma.loop_nest
func.func @matvec(%a: tensor<8x16xf32>, %x: tensor<16xf32>, %y: tensor<8xf32>) -> tensor<8xf32> {
  // expected-remark @below {{digamma: not described: contraction is not a matrix multiplication (needs M, N and K dimensions)}}
  %0 = linalg.matvec ins(%a, %x : tensor<8x16xf32>, tensor<16xf32>) outs(%y : tensor<8xf32>) -> tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

// A generic contraction whose payload is not a multiply-accumulate.
// CHECK-LABEL: func.func @max_plus(
// CHECK-NOT: digamma.loop_nest
func.func @max_plus(%a: tensor<8x16xf32>, %b: tensor<16x32xf32>, %c: tensor<8x32xf32>) -> tensor<8x32xf32> {
  // expected-remark @below {{digamma: not described: body is not a multiply-accumulate}}
  %0 = linalg.generic {
      indexing_maps = [affine_map<(m, n, k) -> (m, k)>,
                       affine_map<(m, n, k) -> (k, n)>,
                       affine_map<(m, n, k) -> (m, n)>],
      iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%a, %b : tensor<8x16xf32>, tensor<16x32xf32>) outs(%c : tensor<8x32xf32>) {
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %s = arith.addf %x, %y : f32
    %m = arith.maximumf %acc, %s : f32
    linalg.yield %m : f32
  } -> tensor<8x32xf32>
  return %0 : tensor<8x32xf32>
}

// -----

// Element types without a byte size.
// CHECK-LABEL: func.func @index_matmul(
// CHECK-NOT: digamma.loop_nest
func.func @index_matmul(%a: tensor<4x4xindex>, %b: tensor<4x4xindex>, %c: tensor<4x4xindex>) -> tensor<4x4xindex> {
  // expected-remark @below {{digamma: not described: operand #0 has an element type without a byte size}}
  %0 = linalg.generic {
      indexing_maps = [affine_map<(m, n, k) -> (m, k)>,
                       affine_map<(m, n, k) -> (k, n)>,
                       affine_map<(m, n, k) -> (m, n)>],
      iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%a, %b : tensor<4x4xindex>, tensor<4x4xindex>) outs(%c : tensor<4x4xindex>) {
  ^bb0(%x: index, %y: index, %acc: index):
    %m = arith.muli %x, %y : index
    %s = arith.addi %acc, %m : index
    linalg.yield %s : index
  } -> tensor<4x4xindex>
  return %0 : tensor<4x4xindex>
}

// -----

// Elementwise and other ops are neither convolutions nor contractions: no
// remark, no attribute.
// CHECK-LABEL: func.func @elementwise(
// CHECK-NOT: digamma.loop_nest
func.func @elementwise(%a: tensor<8xf32>, %b: tensor<8xf32>) -> tensor<8xf32> {
  %0 = linalg.add ins(%a, %b : tensor<8xf32>, tensor<8xf32>) outs(%a : tensor<8xf32>) -> tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

// A dot product has neither M nor N.
// CHECK-LABEL: func.func @dot(
// CHECK-NOT: digamma.loop_nest
func.func @dot(%a: tensor<16xf32>, %b: tensor<16xf32>, %c: tensor<f32>) -> tensor<f32> {
  // expected-remark @below {{digamma: not described: contraction is not a matrix multiplication (needs M, N and K dimensions)}}
  %0 = linalg.dot ins(%a, %b : tensor<16xf32>, tensor<16xf32>) outs(%c : tensor<f32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

// Four spatial dimensions cannot be folded onto Y, X (and N, C).
// CHECK-LABEL: func.func @conv_4d(
// CHECK-NOT: digamma.loop_nest
func.func @conv_4d(%i: tensor<4x4x4x4xf32>, %f: tensor<2x2x2x2xf32>, %o: tensor<3x3x3x3xf32>) -> tensor<3x3x3x3xf32> {
  // expected-remark @below {{digamma: not described: convolution with 4 spatial dimensions is not supported (at most 3)}}
  %0 = linalg.generic {
      indexing_maps = [affine_map<(a, b, c, d, e, f, g, h) -> (a + e, b + f, c + g, d + h)>,
                       affine_map<(a, b, c, d, e, f, g, h) -> (e, f, g, h)>,
                       affine_map<(a, b, c, d, e, f, g, h) -> (a, b, c, d)>],
      iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction", "reduction"]}
      ins(%i, %f : tensor<4x4x4x4xf32>, tensor<2x2x2x2xf32>) outs(%o : tensor<3x3x3x3xf32>) {
  ^bb0(%x: f32, %w: f32, %acc: f32):
    %m = arith.mulf %x, %w : f32
    %s = arith.addf %acc, %m : f32
    linalg.yield %s : f32
  } -> tensor<3x3x3x3xf32>
  return %0 : tensor<3x3x3x3xf32>
}

// -----

// Complex elements: named as such (the body is a complex MAC).
// CHECK-LABEL: func.func @complex_matmul(
// CHECK-NOT: digamma.loop_nest
func.func @complex_matmul(%a: tensor<16x8xcomplex<f32>>, %b: tensor<8x4xcomplex<f32>>, %c: tensor<16x4xcomplex<f32>>) -> tensor<16x4xcomplex<f32>> {
  // expected-remark @below {{digamma: not described: operand #0 has complex elements ('complex<f32>'); only integer and floating-point MACs are modeled}}
  %0 = linalg.matmul ins(%a, %b : tensor<16x8xcomplex<f32>>, tensor<8x4xcomplex<f32>>) outs(%c : tensor<16x4xcomplex<f32>>) -> tensor<16x4xcomplex<f32>>
  return %0 : tensor<16x4xcomplex<f32>>
}

// -----

// i1 matmul: linalg builds an and/or body, which is no multiply-accumulate.
// CHECK-LABEL: func.func @boolean_matmul(
// CHECK-NOT: digamma.loop_nest
func.func @boolean_matmul(%a: tensor<16x8xi1>, %b: tensor<8x4xi1>, %c: tensor<16x4xi1>) -> tensor<16x4xi1> {
  // expected-remark @below {{digamma: not described: body is not a multiply-accumulate}}
  %0 = linalg.matmul ins(%a, %b : tensor<16x8xi1>, tensor<8x4xi1>) outs(%c : tensor<16x4xi1>) -> tensor<16x4xi1>
  return %0 : tensor<16x4xi1>
}
