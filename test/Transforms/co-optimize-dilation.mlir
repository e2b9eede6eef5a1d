// A dilated convolution is costed with its dilated windows (sound
// semantics) and rejected by the maestro semantics, which model dilation 1
// only. K = 2, C = 1, 4x4 outputs of a 3x3 filter with dilation 2: the
// window spans 5x5, the input is 8x8. One PE level, K spread over the PEs,
// every other dim whole: each PE's L1 holds, double-buffered, the 8x8 input
// window, its 3x3 filter and its output tile in input coordinates (8x8, as
// MAESTRO's L1 does): 2 * (64 + 9 + 64) = 274 elements of 4 bytes = 1096
// bytes. Undilated (6x6 window) it would be 2 * (36 + 9 + 36) * 4 = 648.
// The search picks 2 PEs: L2 holds the input once (multicast), both
// filters and both output tiles: 2 * (64 + 18 + 32) * 4 = 912 bytes
// (undilated 688). The 16 * 9 = 144 MACs of each PE take 144 cycles plus
// the first ingress's.
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="mode=fixed-mapping samples=200" | FileCheck %s
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="semantics=maestro samples=200" 2>&1 | FileCheck %s --check-prefix=MAESTRO

// CHECK: digamma.cost = #digamma.cost<cycles = 145, macs = 288, energy_nj = {{[0-9.e+-]+}}, area_um2 = {{[0-9.e+-]+}}, l1_bytes = 1096, l2_bytes = 912,
// CHECK-SAME: digamma.hw = #digamma.hw<num_pes = 2,
// CHECK-SAME: dilations = [2, 2]
// MAESTRO: co-optimize-dilation.mlir:[[# @LINE + 5]]:8: error: digamma-co-optimize: maestro semantics model dilation 1 only (as MAESTRO does), got dilation=2x2; use sound semantics
// MAESTRO-NOT: no design fits

func.func @dilated(%in: tensor<1x1x8x8xf32>, %w: tensor<2x1x3x3xf32>,
                   %out: tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32> {
  %0 = linalg.conv_2d_nchw_fchw {dilations = dense<2> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>,
         digamma.mapping = #digamma.mapping<levels = [#digamma.level<parallel = K, cluster = 1, order = [K, C, Y, X, R, S], tiles = [1, 1, 4, 4, 3, 3]>]>}
       ins(%in, %w : tensor<1x1x8x8xf32>, tensor<2x1x3x3xf32>)
       outs(%out : tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  return %0 : tensor<1x2x4x4xf32>
}
