// area-sweep=LIST searches the request again at each budget: the report's
// area_sweep and report-plot's area-sweep.svg give latency and energy
// against area (weighted as shared-chip objectives weight ops); the IR
// keeps the designs of area-budget.
// RUN: rm -rf %t && mkdir -p %t/op %t/model
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="samples=800 area-sweep=0.0002,0.01,0.2 report=%t/op.json report-plot=%t/op" -o %t/op.mlir
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="samples=800" | diff %t/op.mlir -
// RUN: FileCheck %s --input-file=%t/op.json
// RUN: %check_svg count %t/op/area-sweep.svg | FileCheck %s --check-prefix=SVG
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="scope=model samples=800 area-sweep=0.01,0.2 report-plot=%t/model" -o /dev/null
// RUN: %check_svg count %t/model/area-sweep.svg | FileCheck %s --check-prefix=MODEL
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="area-sweep=0.1,-1 report=%t/x.json" 2>&1 | FileCheck %s --check-prefix=NEGATIVE
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="area-sweep=0.1" 2>&1 | FileCheck %s --check-prefix=NOWHERE

// 200 um^2 fits no design (a PE alone takes 282 um^2): that point says so.
// CHECK: "area_sweep": [
// CHECK-NEXT: {
// CHECK-NEXT: "area_budget_mm2": 0.000{{2[0-9]*}},
// CHECK-NEXT: "found": false,
// CHECK: "area_budget_mm2": 0.01{{0*1?}},
// CHECK-NEXT: "found": true,
// CHECK-NEXT: "largest_chip_um2": {{[0-9.e+]+}},
// CHECK-NEXT: "weighted_cycles": {{[0-9.e+]+}},
// CHECK-NEXT: "weighted_energy_nj": {{[0-9.e+]+}}
// CHECK: "area_budget_mm2": 0.2{{0*1?}},
// CHECK-NEXT: "found": true,

// Two budgets with a design: a mark each in the latency and energy panels.
// SVG: module: latency: 2 marks
// SVG-NEXT: module: energy: 2 marks
// MODEL: module: latency: 2 marks
// MODEL-NEXT: module: energy: 2 marks

// NEGATIVE: error: digamma-co-optimize: area-sweep needs positive areas in mm^2, got -1
// NOWHERE: error: digamma-co-optimize: area-sweep needs report or report-plot to write its curve

func.func @layers(%a: tensor<64x32xf32>, %b: tensor<32x48xf32>,
                  %x: tensor<1x16x18x18xf32>, %w: tensor<64x16x3x3xf32>)
    -> (tensor<64x48xf32>, tensor<1x64x16x16xf32>) {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<64x48xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<64x48xf32>) -> tensor<64x48xf32>
  %0 = linalg.matmul {digamma.repeat = 2 : i64} ins(%a, %b : tensor<64x32xf32>, tensor<32x48xf32>) outs(%acc : tensor<64x48xf32>) -> tensor<64x48xf32>
  %ce = tensor.empty() : tensor<1x64x16x16xf32>
  %cacc = linalg.fill ins(%zero : f32) outs(%ce : tensor<1x64x16x16xf32>) -> tensor<1x64x16x16xf32>
  %1 = linalg.conv_2d_nchw_fchw ins(%x, %w : tensor<1x16x18x18xf32>, tensor<64x16x3x3xf32>) outs(%cacc : tensor<1x64x16x16xf32>) -> tensor<1x64x16x16xf32>
  return %0, %1 : tensor<64x48xf32>, tensor<1x64x16x16xf32>
}
