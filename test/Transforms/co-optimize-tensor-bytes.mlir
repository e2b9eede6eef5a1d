// Tensors of different element sizes are buffered, moved and charged at
// their own sizes: an i8 x i8 -> i32 convolution keeps 1-byte inputs and
// weights and 4-byte accumulators (the buffers' word is the widest, 4);
// element-bytes=N makes every tensor N bytes.
//
// The design is co-optimize-dilation.mlir's, worked by hand there: K = 2,
// C = 1, 4x4 outputs of a 3x3 filter with dilation 2 on an 8x8 input, one
// level with K over 2 PEs. Per PE, L1 holds double-buffered the 8x8 input
// window, the 3x3 filter and the 8x8 output tile: 2 * (64 * 1 + 9 * 1 +
// 64 * 4) = 658 bytes (274 words of 4 bytes: 1096); L2 holds the input
// once, both filters and both output tiles: 2 * (64 * 1 + 18 * 1 + 32 * 4)
// = 420 bytes (228 words: 912). The area charges the bytes: 2 * 282 um^2
// per PE + (2 * 658 + 420) bytes * 8 * 0.086 um^2 per bit = 1758.368 um^2
// (with 4-byte tensors 564 + (2 * 1096 + 912) * 0.688 = 2699.552).
//
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="mode=fixed-mapping samples=200" -o %t.own.mlir
// RUN: FileCheck %s --input-file=%t.own.mlir
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="mode=fixed-mapping samples=200 element-bytes=4" | FileCheck %s --check-prefix=WORD4
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="mode=fixed-mapping samples=200 element-bytes=1" | FileCheck %s --check-prefix=WORD1
//
// The exporters evaluate the annotated design with the sizes it was
// chosen with: MAESTRO's figures file has the same L1 and L2 bytes, and
// Timeloop's DRAM scales the 1-byte tensors' bandwidth use.
// RUN: rm -rf %t.maestro %t.timeloop && mkdir %t.maestro %t.timeloop
// RUN: digamma-opt %t.own.mlir --digamma-export-maestro=dir=%t.maestro --digamma-export-timeloop=dir=%t.timeloop -o /dev/null 2>&1 | FileCheck %s --check-prefix=REMARKS
// RUN: FileCheck %s --check-prefix=MAESTRO --input-file=%t.maestro/quantized.csv
// RUN: FileCheck %s --check-prefix=TIMELOOP --input-file=%t.timeloop/quantized.0.arch.yaml

// CHECK: digamma.cost = #digamma.cost<cycles = 145, macs = 288, energy_nj = {{[0-9.e+-]+}}, area_um2 = 1758.368, l1_bytes = 658, l2_bytes = 420,
// CHECK-SAME: digamma.hw = #digamma.hw<num_pes = 2, cluster_sizes = [2], l1_bytes = 1096, l2_bytes = 912, noc_bandwidth = {{[0-9]+}}, offchip_bandwidth = {{[0-9]+}}, area_um2 = 1758.368, element_bytes = 4, tensor_bytes = [1, 1, 4]>

// WORD4: digamma.cost = #digamma.cost<cycles = 145, macs = 288, energy_nj = {{[0-9.e+-]+}}, area_um2 = 2699.55{{[0-9]*}}, l1_bytes = 1096, l2_bytes = 912,
// WORD4-SAME: digamma.hw = #digamma.hw<num_pes = 2, cluster_sizes = [2], l1_bytes = 1096, l2_bytes = 912, noc_bandwidth = {{[0-9]+}}, offchip_bandwidth = {{[0-9]+}}, area_um2 = 2699.55{{[0-9]*}}, element_bytes = 4>

// WORD1: digamma.cost = #digamma.cost<cycles = 145, macs = 288, energy_nj = {{[0-9.e+-]+}}, area_um2 = {{[0-9.e+-]+}}, l1_bytes = 274, l2_bytes = 228,
// WORD1-SAME: digamma.hw = #digamma.hw<num_pes = 2, cluster_sizes = [2], l1_bytes = 274, l2_bytes = 228, noc_bandwidth = {{[0-9]+}}, offchip_bandwidth = {{[0-9]+}}, area_um2 = {{[0-9.e+-]+}}>

// REMARKS: remark: digamma-export-maestro: the design's input, weight and output elements have 1, 1 and 4 bytes; MAESTRO has one element size, so its files count every tensor in elements of 4 bytes
// REMARKS: remark: digamma-export-timeloop: the input elements have 1 bytes, the hardware's word 4
// REMARKS: remark: digamma-export-timeloop: the weight elements have 1 bytes, the hardware's word 4
// REMARKS-NOT: the output elements

// MAESTRO: 145,288,{{[0-9.e+-]+}},1758.368,658,420,

// TIMELOOP: "per_dataspace_bandwidth_consumption_scale"
// TIMELOOP-DAG: "Inputs": 0.25
// TIMELOOP-DAG: "Weights": 0.25
// TIMELOOP-DAG: "Outputs": 1

func.func @quantized(%in: tensor<1x1x8x8xi8>, %w: tensor<2x1x3x3xi8>,
                     %out: tensor<1x2x4x4xi32>) -> tensor<1x2x4x4xi32> {
  %0 = linalg.conv_2d_nchw_fchw {dilations = dense<2> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>,
         digamma.mapping = #digamma.mapping<levels = [#digamma.level<parallel = K, cluster = 1, order = [K, C, Y, X, R, S], tiles = [1, 1, 4, 4, 3, 3]>]>}
       ins(%in, %w : tensor<1x1x8x8xi8>, tensor<2x1x3x3xi8>)
       outs(%out : tensor<1x2x4x4xi32>) -> tensor<1x2x4x4xi32>
  return %0 : tensor<1x2x4x4xi32>
}
