// maestro-accept-unsound: the maestro semantics reject designs whose
// MAESTRO figures are physically impossible unless told to keep them, as
// the reference GAMMA does. On this layer (the one of SearchTest's
// MaestroSearchRejectsImpossibleFigures, 1-byte elements, seed 1) the
// reference's design counts more MACs than the layer has and runs faster
// than its 512 PEs can compute (130369 cycles < 107495424 / 512); the
// default keeps the layer's MACs.
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="semantics=maestro element-bytes=1" 2>&1 | FileCheck %s --check-prefix=SOUND
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="semantics=maestro element-bytes=1 maestro-accept-unsound=true" 2>&1 | FileCheck %s --check-prefix=ACCEPT
// SOUND-NOT: warning
// SOUND: digamma.cost = #digamma.cost<cycles = {{[0-9]+}}, macs = 107495424,
// ACCEPT: co-optimize-maestro-unsound.mlir:[[# @LINE + 5]]:8: warning: digamma-co-optimize: MAESTRO's figures for this design are physically impossible (MAESTRO's MAC count differs from the layer's (physically impossible figures)); kept because maestro-accept-unsound=true; digamma.cost records utilization 1 for MAESTRO's 1.73{{$}}
// ACCEPT: digamma.cost = #digamma.cost<cycles = 130369, macs = 115605504, {{.*}}, utilization = 1.0>
// ACCEPT-SAME: digamma.hw = #digamma.hw<num_pes = 512,

func.func @conv(%in: tensor<1x64x56x56xf32>, %w: tensor<64x64x3x3xf32>, %out: tensor<1x64x54x54xf32>) -> tensor<1x64x54x54xf32> {
  %0 = linalg.conv_2d_nchw_fchw {strides = dense<1> : tensor<2xi64>, dilations = dense<1> : tensor<2xi64>}
       ins(%in, %w : tensor<1x64x56x56xf32>, tensor<64x64x3x3xf32>) outs(%out : tensor<1x64x54x54xf32>) -> tensor<1x64x54x54xf32>
  return %0 : tensor<1x64x54x54xf32>
}
