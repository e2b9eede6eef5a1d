// maestro semantics cannot score strided or batched layers (MAESTRO's own
// limits): the op gets the reason at once, not "no design fits".
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="semantics=maestro samples=200" 2>&1 | FileCheck %s
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="semantics=sound samples=200" | FileCheck %s --check-prefix=SOUND

// CHECK: co-optimize-maestro-invalid.mlir:[[# @LINE + 6]]:8: error: digamma-co-optimize: maestro semantics model batch 1 and stride 1 only (as MAESTRO does), got N=1 stride=2x2; use sound semantics
// CHECK-NOT: no design fits
// SOUND: digamma.cost = #digamma.cost<

func.func @strided(%in: tensor<1x4x9x9xf32>, %w: tensor<8x4x3x3xf32>,
                   %out: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  %0 = linalg.conv_2d_nchw_fchw {strides = dense<2> : tensor<2xi64>, dilations = dense<1> : tensor<2xi64>}
       ins(%in, %w : tensor<1x4x9x9xf32>, tensor<8x4x3x3xf32>)
       outs(%out : tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  return %0 : tensor<1x8x4x4xf32>
}
