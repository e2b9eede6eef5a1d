// One chip for all ops (scope=model): every op gets the same digamma.hw,
// its own mapping, and the chip's buffers are the largest requirement.
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="scope=model samples=1500 seed=3 report=%t.json report-summary=true" -o %t.model.mlir 2> %t.summary
// RUN: FileCheck %s --input-file=%t.model.mlir
// RUN: %python %S/Inputs/check-designs.py %t.model.mlir --budget-um2 200000 --expect-ops 5 --shared-chip | FileCheck %s --check-prefix=SHARED
// RUN: FileCheck %s --check-prefix=REPORT --input-file=%t.json
// RUN: %python %S/Inputs/check-report.py %t.json %t.model.mlir | FileCheck %s --check-prefix=REPORT-CHECK
// RUN: FileCheck %s --check-prefix=SUMMARY --input-file=%t.summary
//
// Byte-identical with and without threads for the same seed.
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="scope=model samples=1500 seed=3" -mlir-disable-threading | diff %t.model.mlir -
//
// The cloud budget holds too.
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="scope=model platform=cloud samples=1500" -o %t.cloud.mlir
// RUN: %python %S/Inputs/check-designs.py %t.cloud.mlir --budget-um2 7000000 --expect-ops 5 --shared-chip | FileCheck %s --check-prefix=SHARED
//
// scope=function: one chip per function.
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="scope=function samples=1500" | FileCheck %s --check-prefix=FUNCTION

// SHARED: checked 5 designs
// REPORT-CHECK: checked 5 ops

// CHECK: module attributes {digamma.hw = #digamma.hw<num_pes = [[PES:[0-9]+]], cluster_sizes = [[SHAPE:\[[0-9, ]+\]]]
// CHECK-LABEL: func.func @layers
// CHECK: linalg.matmul
// CHECK-SAME: digamma.hw = #digamma.hw<num_pes = [[PES]], cluster_sizes = [[SHAPE]]
// CHECK: linalg.matmul
// CHECK-SAME: digamma.hw = #digamma.hw<num_pes = [[PES]], cluster_sizes = [[SHAPE]]
// CHECK: linalg.conv_2d_nchw_fchw
// CHECK-SAME: digamma.hw = #digamma.hw<num_pes = [[PES]], cluster_sizes = [[SHAPE]]
// CHECK: linalg.depthwise_conv_2d_nchw_chw
// CHECK-SAME: digamma.hw = #digamma.hw<num_pes = [[PES]], cluster_sizes = [[SHAPE]]
// CHECK-LABEL: func.func @tail
// CHECK: linalg.matmul
// CHECK-SAME: digamma.hw = #digamma.hw<num_pes = [[PES]], cluster_sizes = [[SHAPE]]

// REPORT: "chips": [
// REPORT: "area_um2":
// REPORT: "array_shape": [
// REPORT: "bottlenecks": [
// REPORT: "buffer_area_um2":
// REPORT: "num_pes":
// REPORT: "pe_area_um2":
// REPORT: "weighted_cycles":
// REPORT: "ops": [
// REPORT: "weight": 3
// REPORT: "scope": "model"

// SUMMARY: scope=model: one chip of {{[0-9]+}} PEs, L1 {{[0-9]+}} B per PE, L2 {{[0-9]+}} B, {{[0-9]+}} um^2 (PEs {{[0-9]+}}, buffers {{[0-9]+}}); {{[0-9]+}} weighted cycles; bottleneck: linalg.{{.*}} at loc(

// FUNCTION: module {
// FUNCTION-NOT: module attributes
// FUNCTION: func.func @layers
// FUNCTION-SAME: digamma.hw = #digamma.hw<
// FUNCTION: func.func @tail
// FUNCTION-SAME: digamma.hw = #digamma.hw<

func.func @layers(%a: tensor<64x32xf32>, %b: tensor<32x48xf32>,
                  %x: tensor<1x16x18x18xf32>, %w: tensor<64x16x3x3xf32>,
                  %dx: tensor<1x16x26x26xf32>, %dw: tensor<16x3x3xf32>)
    -> (tensor<64x48xf32>, tensor<64x48xf32>, tensor<1x64x16x16xf32>,
        tensor<1x16x24x24xf32>) {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<64x48xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<64x48xf32>) -> tensor<64x48xf32>
  %0 = linalg.matmul ins(%a, %b : tensor<64x32xf32>, tensor<32x48xf32>) outs(%acc : tensor<64x48xf32>) -> tensor<64x48xf32>
  // A layer repeated three more times in the model.
  %1 = linalg.matmul {digamma.repeat = 3 : i64} ins(%a, %b : tensor<64x32xf32>, tensor<32x48xf32>) outs(%acc : tensor<64x48xf32>) -> tensor<64x48xf32>
  %ce = tensor.empty() : tensor<1x64x16x16xf32>
  %cacc = linalg.fill ins(%zero : f32) outs(%ce : tensor<1x64x16x16xf32>) -> tensor<1x64x16x16xf32>
  %2 = linalg.conv_2d_nchw_fchw ins(%x, %w : tensor<1x16x18x18xf32>, tensor<64x16x3x3xf32>) outs(%cacc : tensor<1x64x16x16xf32>) -> tensor<1x64x16x16xf32>
  %de = tensor.empty() : tensor<1x16x24x24xf32>
  %dacc = linalg.fill ins(%zero : f32) outs(%de : tensor<1x16x24x24xf32>) -> tensor<1x16x24x24xf32>
  %3 = linalg.depthwise_conv_2d_nchw_chw ins(%dx, %dw : tensor<1x16x26x26xf32>, tensor<16x3x3xf32>) outs(%dacc : tensor<1x16x24x24xf32>) -> tensor<1x16x24x24xf32>
  return %0, %1, %2, %3 : tensor<64x48xf32>, tensor<64x48xf32>, tensor<1x64x16x16xf32>, tensor<1x16x24x24xf32>
}

func.func @tail(%a: tensor<128x64xf32>, %b: tensor<64x10xf32>) -> tensor<128x10xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<128x10xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<128x10xf32>) -> tensor<128x10xf32>
  %0 = linalg.matmul ins(%a, %b : tensor<128x64xf32>, tensor<64x10xf32>) outs(%acc : tensor<128x10xf32>) -> tensor<128x10xf32>
  return %0 : tensor<128x10xf32>
}
