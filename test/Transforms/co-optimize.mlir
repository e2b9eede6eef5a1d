// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="samples=3000 seed=7 report=%t.json" -o %t.edge.mlir
// RUN: FileCheck %s --input-file=%t.edge.mlir
// RUN: %python %S/Inputs/check-designs.py %t.edge.mlir --budget-um2 200000 --expect-ops 4 | FileCheck %s --check-prefix=EDGE
// RUN: FileCheck %s --check-prefix=REPORT --input-file=%t.json
// RUN: %python %S/Inputs/check-report.py %t.json %t.edge.mlir | FileCheck %s --check-prefix=REPORT-CHECK
//
// The same seed gives byte-identical IR with and without threads.
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="samples=3000 seed=7" -mlir-disable-threading | diff %t.edge.mlir -
//
// Cloud budget and an explicit budget in mm^2 are honoured.
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="samples=3000 platform=cloud" -o %t.cloud.mlir
// RUN: %python %S/Inputs/check-designs.py %t.cloud.mlir --budget-um2 7000000 --expect-ops 4 | FileCheck %s --check-prefix=CLOUD
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="samples=3000 area-budget=0.01" -o %t.small.mlir
// RUN: %python %S/Inputs/check-designs.py %t.small.mlir --budget-um2 10000 --expect-ops 4 | FileCheck %s --check-prefix=SMALL
//
// Fixed-hardware mode keeps the given PE count.
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="samples=2000 mode=fixed-hw num-pes=64 l1-bytes=4096 l2-bytes=1048576" | FileCheck %s --check-prefix=FIXED

// EDGE: checked 4 designs
// CLOUD: checked 4 designs
// SMALL: checked 4 designs

// CHECK-LABEL: func.func @layers
// CHECK: linalg.matmul
// CHECK-SAME: digamma.cost = #digamma.cost<cycles = {{[0-9]+}}, macs = 98304,
// CHECK-SAME: digamma.hw = #digamma.hw<num_pes = {{[0-9]+}}, cluster_sizes = [{{[0-9]+}}, {{[0-9]+}}]
// CHECK-SAME: digamma.loop_nest = #digamma.loop_nest<gemm
// CHECK-SAME: digamma.mapping = #digamma.mapping<levels = [#digamma.level<parallel = {{[KCYXRS]}}, cluster = 1, order = [{{[KCYXRS], [KCYXRS], [KCYXRS], [KCYXRS], [KCYXRS], [KCYXRS]}}], tiles = [{{.*}}]>, #digamma.level<
// The identical second matmul gets the identical design.
// CHECK: linalg.matmul
// CHECK-SAME: digamma.cost = #digamma.cost<cycles = {{[0-9]+}}, macs = 98304,
// CHECK: linalg.conv_2d_nchw_fchw
// CHECK-SAME: digamma.cost = #digamma.cost<cycles = {{[0-9]+}}, macs = 2359296,
// CHECK: linalg.depthwise_conv_2d_nchw_chw
// CHECK-SAME: digamma.cost = #digamma.cost<cycles = {{[0-9]+}}, macs = 82944,
// Ops without a loop nest are left alone.
// CHECK: linalg.generic
// CHECK-NOT: digamma.
// CHECK: return

// FIXED-COUNT-4: digamma.hw = #digamma.hw<num_pes = 64, {{.*}}l1_bytes = 4096, l2_bytes = 1048576

// REPORT: "ops": [
// REPORT: "best_per_generation": [
// REPORT: "cost": {
// REPORT: "cycles":
// REPORT: "bound": {
// REPORT: "limited_by": "{{pes|parallelism}}",
// REPORT: "max_levels": 3,
// The ops' f32 elements: (200000 - 6 * 32 * 0.086) / (282 + 6 * 32 * 0.086).
// REPORT: "max_pes": 669,
// REPORT: "gap":
// REPORT: "hw": {
// REPORT: "mapping": [
// REPORT: "samples": 3000
// REPORT: "totals": {
// REPORT: "bound_cycles":
// REPORT: "ops": 4,
// REPORT: "searches": 3,
// REPORT: "searches_saved": 1
// The report carries the array shape, bandwidths and access counts.
// REPORT-CHECK: checked 4 ops

#map = affine_map<(d0, d1) -> (d0, d1)>
func.func @layers(%a: tensor<64x32xf32>, %b: tensor<32x48xf32>,
                  %x: tensor<1x16x18x18xf32>, %w: tensor<64x16x3x3xf32>,
                  %dx: tensor<1x16x26x26xf32>, %dw: tensor<16x3x3xf32>)
    -> (tensor<64x48xf32>, tensor<64x48xf32>, tensor<1x64x16x16xf32>,
        tensor<1x16x24x24xf32>, tensor<64x48xf32>) {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<64x48xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<64x48xf32>) -> tensor<64x48xf32>
  %0 = linalg.matmul ins(%a, %b : tensor<64x32xf32>, tensor<32x48xf32>) outs(%acc : tensor<64x48xf32>) -> tensor<64x48xf32>
  %1 = linalg.matmul ins(%a, %b : tensor<64x32xf32>, tensor<32x48xf32>) outs(%acc : tensor<64x48xf32>) -> tensor<64x48xf32>
  %ce = tensor.empty() : tensor<1x64x16x16xf32>
  %cacc = linalg.fill ins(%zero : f32) outs(%ce : tensor<1x64x16x16xf32>) -> tensor<1x64x16x16xf32>
  %2 = linalg.conv_2d_nchw_fchw ins(%x, %w : tensor<1x16x18x18xf32>, tensor<64x16x3x3xf32>) outs(%cacc : tensor<1x64x16x16xf32>) -> tensor<1x64x16x16xf32>
  %de = tensor.empty() : tensor<1x16x24x24xf32>
  %dacc = linalg.fill ins(%zero : f32) outs(%de : tensor<1x16x24x24xf32>) -> tensor<1x16x24x24xf32>
  %3 = linalg.depthwise_conv_2d_nchw_chw ins(%dx, %dw : tensor<1x16x26x26xf32>, tensor<16x3x3xf32>) outs(%dacc : tensor<1x16x24x24xf32>) -> tensor<1x16x24x24xf32>
  %4 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]}
      ins(%0 : tensor<64x48xf32>) outs(%e : tensor<64x48xf32>) {
  ^bb0(%in: f32, %out: f32):
    %s = arith.addf %in, %in : f32
    linalg.yield %s : f32
  } -> tensor<64x48xf32>
  return %0, %1, %2, %3, %4 : tensor<64x48xf32>, tensor<64x48xf32>, tensor<1x64x16x16xf32>, tensor<1x16x24x24xf32>, tensor<64x48xf32>
}
