// Every pagmo2 baseline (algorithm=sga|pso|sea|de|cmaes|sa) annotates every
// described op with a design within the area budget, spends exactly the
// sampling budget per distinct problem, and gives byte-identical IR with and
// without threads for a seed.
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="algorithm=sga samples=700 seed=5 report=%t.sga.json" -o %t.sga.mlir
// RUN: %python %S/Inputs/check-designs.py %t.sga.mlir --budget-um2 200000 --expect-ops 4 | FileCheck %s --check-prefix=DESIGNS
// RUN: FileCheck %s --check-prefix=SAMPLES --input-file=%t.sga.json
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="algorithm=sga samples=700 seed=5" -mlir-disable-threading | diff %t.sga.mlir -
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="algorithm=pso samples=700 seed=5 report=%t.pso.json" -o %t.pso.mlir
// RUN: %python %S/Inputs/check-designs.py %t.pso.mlir --budget-um2 200000 --expect-ops 4 | FileCheck %s --check-prefix=DESIGNS
// RUN: FileCheck %s --check-prefix=SAMPLES --input-file=%t.pso.json
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="algorithm=pso samples=700 seed=5" -mlir-disable-threading | diff %t.pso.mlir -
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="algorithm=sea samples=700 seed=5 report=%t.sea.json" -o %t.sea.mlir
// RUN: %python %S/Inputs/check-designs.py %t.sea.mlir --budget-um2 200000 --expect-ops 4 | FileCheck %s --check-prefix=DESIGNS
// RUN: FileCheck %s --check-prefix=SAMPLES --input-file=%t.sea.json
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="algorithm=sea samples=700 seed=5" -mlir-disable-threading | diff %t.sea.mlir -
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="algorithm=de samples=700 seed=5 report=%t.de.json" -o %t.de.mlir
// RUN: %python %S/Inputs/check-designs.py %t.de.mlir --budget-um2 200000 --expect-ops 4 | FileCheck %s --check-prefix=DESIGNS
// RUN: FileCheck %s --check-prefix=SAMPLES --input-file=%t.de.json
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="algorithm=de samples=700 seed=5" -mlir-disable-threading | diff %t.de.mlir -
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="algorithm=cmaes samples=700 seed=5 report=%t.cmaes.json" -o %t.cmaes.mlir
// RUN: %python %S/Inputs/check-designs.py %t.cmaes.mlir --budget-um2 200000 --expect-ops 4 | FileCheck %s --check-prefix=DESIGNS
// RUN: FileCheck %s --check-prefix=SAMPLES --input-file=%t.cmaes.json
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="algorithm=cmaes samples=700 seed=5" -mlir-disable-threading | diff %t.cmaes.mlir -
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="algorithm=sa samples=700 seed=5 report=%t.sa.json" -o %t.sa.mlir
// RUN: %python %S/Inputs/check-designs.py %t.sa.mlir --budget-um2 200000 --expect-ops 4 | FileCheck %s --check-prefix=DESIGNS
// RUN: FileCheck %s --check-prefix=SAMPLES --input-file=%t.sa.json
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="algorithm=sa samples=700 seed=5" -mlir-disable-threading | diff %t.sa.mlir -
//
// Cloud budget, and the pipeline's algorithm option.
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="algorithm=cmaes samples=700 platform=cloud" -o %t.cloud.mlir
// RUN: %python %S/Inputs/check-designs.py %t.cloud.mlir --budget-um2 7000000 --expect-ops 4 | FileCheck %s --check-prefix=DESIGNS
// RUN: digamma-opt %s --digamma-pipeline="algorithm=pso samples=700 seed=5" | diff %t.pso.mlir -

// DESIGNS: checked 4 designs
// Three distinct problems, each searched with exactly 700 samples; the
// repeated matmul shares its problem's result.
// SAMPLES: "samples": 700,
// SAMPLES-NEXT: "samples_per_generation": [
// SAMPLES-NEXT: 100,
// SAMPLES-NEXT: 200,
// SAMPLES-COUNT-3: "samples": 700,
// SAMPLES: "searches": 3,

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
