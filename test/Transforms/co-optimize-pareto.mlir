// objective=pareto: per distinct problem (per chip with scope=model) the
// front of non-dominated designs over pareto-objectives; the IR keeps the
// design pareto-pick names, the report holds every front, report-plot
// writes the figures: well-formed SVG with one mark per op (breakdown) and
// per design (fronts).
// RUN: rm -rf %t.plots && mkdir -p %t.plots
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="objective=pareto samples=1500 seed=2 report=%t.json report-plot=%t.plots" -o %t.mlir
// RUN: FileCheck %s --input-file=%t.mlir
// RUN: %python %S/Inputs/check-designs.py %t.mlir --budget-um2 200000 --expect-ops 3 | FileCheck %s --check-prefix=DESIGNS
// RUN: %python %S/Inputs/check-fronts-report.py %t.json | FileCheck %s --check-prefix=FRONTS
// RUN: FileCheck %s --check-prefix=REPORT --input-file=%t.json
// RUN: %check_svg report %t.plots %t.json | FileCheck %s --check-prefix=PLOTS
// Byte-identical with and without threads for the same seed.
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="objective=pareto samples=1500 seed=2" -mlir-disable-threading | diff %t.mlir -
//
// Two figures and another pick; NSGA-II and MOEA/D; the pipeline's options.
// RUN: digamma-opt %s --digamma-pipeline="objective=pareto pareto-objectives=energy,latency pareto-pick=latency samples=1000 report=%t.two.json" -o /dev/null
// RUN: %python %S/Inputs/check-fronts-report.py %t.two.json --pick latency | FileCheck %s --check-prefix=FRONTS
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="objective=pareto algorithm=nsga2 pareto-size=8 samples=800 report=%t.nsga2.json" -o /dev/null
// RUN: %python %S/Inputs/check-fronts-report.py %t.nsga2.json --max-designs 8 | FileCheck %s --check-prefix=FRONTS
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="objective=pareto algorithm=moead pareto-size=8 samples=800 report=%t.moead.json" -o /dev/null
// RUN: %python %S/Inputs/check-fronts-report.py %t.moead.json --max-designs 8 | FileCheck %s --check-prefix=FRONTS
//
// One chip for all ops: the chip's front.
// RUN: rm -rf %t.model && mkdir -p %t.model
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="objective=pareto scope=model samples=800 report=%t.model.json report-plot=%t.model" -o %t.model.mlir
// RUN: %python %S/Inputs/check-designs.py %t.model.mlir --budget-um2 200000 --expect-ops 3 --shared-chip | FileCheck %s --check-prefix=DESIGNS
// RUN: %python %S/Inputs/check-fronts-report.py %t.model.json | FileCheck %s --check-prefix=CHIP
// RUN: %check_svg report %t.model %t.model.json | FileCheck %s --check-prefix=CHIP-PLOTS
//
// Options fronts need, or that need fronts.
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="pareto-objectives=latency,area" 2>&1 | FileCheck %s --check-prefix=NOPARETO
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="pareto-pick=energy" 2>&1 | FileCheck %s --check-prefix=NOPICK
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="objective=pareto pareto-objectives=latency,speed" 2>&1 | FileCheck %s --check-prefix=FIGURE
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="objective=pareto pareto-objectives=latency,area pareto-pick=energy" 2>&1 | FileCheck %s --check-prefix=PICK
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="objective=pareto algorithm=cmaes" 2>&1 | FileCheck %s --check-prefix=SINGLE
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="algorithm=nsga2" 2>&1 | FileCheck %s --check-prefix=NSGA2
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="algorithm=moead" 2>&1 | FileCheck %s --check-prefix=MOEAD
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="objective=pareto tie-break=pareto" 2>&1 | FileCheck %s --check-prefix=TIEBREAK
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="report-plot=%t.nowhere" 2>&1 | FileCheck %s --check-prefix=NOPLOTDIR

// CHECK: linalg.matmul
// CHECK-SAME: digamma.hw = #digamma.hw<
// CHECK: linalg.conv_2d_nchw_fchw
// CHECK-SAME: digamma.hw = #digamma.hw<
// CHECK: linalg.depthwise_conv_2d_nchw_chw
// CHECK-SAME: digamma.hw = #digamma.hw<

// DESIGNS: checked 3 designs
// FRONTS: ok: 3 op fronts, 0 chip fronts, {{[1-9][0-9]*}} designs
// CHIP: ok: 0 op fronts, 1 chip fronts, {{[1-9][0-9]*}} designs

// REPORT: "fronts": [
// REPORT: "designs": [
// REPORT: "area_um2":
// REPORT: "array_shape":
// REPORT: "cycles":
// REPORT: "energy_nj":
// REPORT: "mappings": [
// REPORT: "objectives": [
// REPORT-NEXT: "latency",
// REPORT-NEXT: "energy",
// REPORT-NEXT: "area"
// REPORT: "pick": "knee",
// REPORT: "picked":
// REPORT: "problem_id": 0
// REPORT: "objective": "pareto"

// PLOTS: ok: 3 ops; 6 front panels, one mark per design
// CHIP-PLOTS: ok: 3 ops; 2 front panels, one mark per design

// NOPARETO: error: digamma-co-optimize: pareto-objectives needs objective=pareto
// NOPICK: error: digamma-co-optimize: pareto-pick needs objective=pareto
// FIGURE: error: digamma-co-optimize: unknown pareto objective 'speed'; expected latency, energy or area
// PICK: error: digamma-co-optimize: pareto-pick=energy is not a figure of the front (latency or area)
// SINGLE: error: digamma-co-optimize: objective=pareto needs an algorithm that searches fronts (digamma, random, nsga2 or moead); cmaes searches one figure
// NSGA2: error: digamma-co-optimize: algorithm=nsga2 searches fronts only; it needs objective=pareto
// MOEAD: error: digamma-co-optimize: algorithm=moead searches fronts only; it needs objective=pareto
// TIEBREAK: error: digamma-co-optimize: tie-break is one figure; pareto is not
// NOPLOTDIR: error: digamma-co-optimize: report-plot='{{.*}}nowhere' is not an existing directory

func.func @layers(%a: tensor<64x32xf32>, %b: tensor<32x48xf32>,
                  %x: tensor<1x16x18x18xf32>, %w: tensor<64x16x3x3xf32>,
                  %dx: tensor<1x16x26x26xf32>, %dw: tensor<16x3x3xf32>)
    -> (tensor<64x48xf32>, tensor<1x64x16x16xf32>, tensor<1x16x24x24xf32>) {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<64x48xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<64x48xf32>) -> tensor<64x48xf32>
  %0 = linalg.matmul ins(%a, %b : tensor<64x32xf32>, tensor<32x48xf32>) outs(%acc : tensor<64x48xf32>) -> tensor<64x48xf32>
  %ce = tensor.empty() : tensor<1x64x16x16xf32>
  %cacc = linalg.fill ins(%zero : f32) outs(%ce : tensor<1x64x16x16xf32>) -> tensor<1x64x16x16xf32>
  %1 = linalg.conv_2d_nchw_fchw ins(%x, %w : tensor<1x16x18x18xf32>, tensor<64x16x3x3xf32>) outs(%cacc : tensor<1x64x16x16xf32>) -> tensor<1x64x16x16xf32>
  %de = tensor.empty() : tensor<1x16x24x24xf32>
  %dacc = linalg.fill ins(%zero : f32) outs(%de : tensor<1x16x24x24xf32>) -> tensor<1x16x24x24xf32>
  %2 = linalg.depthwise_conv_2d_nchw_chw ins(%dx, %dw : tensor<1x16x26x26xf32>, tensor<16x3x3xf32>) outs(%dacc : tensor<1x16x24x24xf32>) -> tensor<1x16x24x24xf32>
  return %0, %1, %2 : tensor<64x48xf32>, tensor<1x64x16x16xf32>, tensor<1x16x24x24xf32>
}
