// RUN: digamma-opt %s -split-input-file --digamma-lower-to-loop-nest --digamma-co-optimize="samples=200" -verify-diagnostics | FileCheck %s
// RUN: not digamma-opt %s -split-input-file --digamma-lower-to-loop-nest --digamma-co-optimize="samples=200 element-bytes=-2" 2>&1 | FileCheck %s --check-prefix=ELEMENT
// RUN: not digamma-opt %s -split-input-file --digamma-lower-to-loop-nest --digamma-co-optimize="samples=200 mode=fixed-hw num-pes=4 l1-bytes=1 l2-bytes=1" 2>&1 | FileCheck %s --check-prefix=FIXEDSMALL

// Extreme sizes (see docs/bad-input.md). Extents up to 2^31 and beyond
// are fine while the MAC count and every tensor volume fit int64; beyond
// that the cost model cannot count, and the op gets an error that says so
// (not "no design fits").

// ELEMENT: error: digamma-co-optimize: element-bytes must not be negative, got -2
// Fixed hardware too small for any mapping (1 byte of L1 and L2 with f32
// elements).
// FIXEDSMALL: co-optimize-bad-input.mlir:[[# @LINE + 6]]:8: error: digamma-co-optimize: no mapping of this layer fits the fixed hardware (4 PEs, {{[0-9]+}} L1 and {{[0-9]+}} L2 elements) in 200 samples

// M = 2^31 - 1: MACs 2^31 * 4, exact.
// CHECK-LABEL: func.func @tall_matmul(
// CHECK: digamma.cost = #digamma.cost<cycles = {{[0-9]+}}, macs = 8589934588,
func.func @tall_matmul(%a: tensor<2147483647x2xf32>, %b: tensor<2x2xf32>, %c: tensor<2147483647x2xf32>) -> tensor<2147483647x2xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<2147483647x2xf32>, tensor<2x2xf32>) outs(%c : tensor<2147483647x2xf32>) -> tensor<2147483647x2xf32>
  return %0 : tensor<2147483647x2xf32>
}

// -----

// (2^31 - 1)^3 MACs overflow int64.
func.func @huge_matmul(%a: tensor<2147483647x2147483647xf32>, %b: tensor<2147483647x2147483647xf32>, %c: tensor<2147483647x2147483647xf32>) -> tensor<2147483647x2147483647xf32> {
  // expected-error @below {{digamma-co-optimize: the loop nest's extents, MAC count or tensor volumes overflow 64-bit integers}}
  %0 = linalg.matmul ins(%a, %b : tensor<2147483647x2147483647xf32>, tensor<2147483647x2147483647xf32>) outs(%c : tensor<2147483647x2147483647xf32>) -> tensor<2147483647x2147483647xf32>
  return %0 : tensor<2147483647x2147483647xf32>
}

// -----

// A strided conv whose MACs (64 * 4 * 4 * 3 * 3) fit but whose input
// volume (64 * 3221225475^2) does not.
func.func @huge_input(%i: tensor<64x1x3221225475x3221225475xf32>, %f: tensor<1x1x3x3xf32>, %o: tensor<64x1x4x4xf32>) -> tensor<64x1x4x4xf32> {
  // expected-error @below {{digamma-co-optimize: the loop nest's extents, MAC count or tensor volumes overflow 64-bit integers}}
  %0 = linalg.conv_2d_nchw_fchw {strides = dense<1073741824> : tensor<2xi64>, dilations = dense<1> : tensor<2xi64>}
    ins(%i, %f : tensor<64x1x3221225475x3221225475xf32>, tensor<1x1x3x3xf32>) outs(%o : tensor<64x1x4x4xf32>) -> tensor<64x1x4x4xf32>
  return %0 : tensor<64x1x4x4xf32>
}
