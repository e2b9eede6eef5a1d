// Bad scope options and repeat counts get clear errors.
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="scope=chip" 2>&1 | FileCheck %s --check-prefix=SCOPE
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="scope=model mode=fixed-hw num-pes=64 l1-bytes=64 l2-bytes=4096" 2>&1 | FileCheck %s --check-prefix=MODE
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="scope=model algorithm=random" 2>&1 | FileCheck %s --check-prefix=ALGORITHM
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="scope=model samples=200 area-budget=0.0001" 2>&1 | FileCheck %s --check-prefix=BUDGET

// SCOPE: for the --scope option: Cannot find option named 'chip'!
// MODE: error: digamma-co-optimize: scope=model shares one chip among ops and needs mode=co-opt
// ALGORITHM: error: digamma-co-optimize: scope=model is searched by DiGamma only; remove algorithm=random
// BUDGET: error: digamma-co-optimize: no chip fits the area budget of 100 um^2 for all 1 layers in {{[0-9]+}} samples; the smallest feasible area is {{[0-9.e+]+}} um^2

func.func @mm(%a: tensor<16x8xf32>, %b: tensor<8x4xf32>, %c: tensor<16x4xf32>) -> tensor<16x4xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<16x8xf32>, tensor<8x4xf32>) outs(%c : tensor<16x4xf32>) -> tensor<16x4xf32>
  return %0 : tensor<16x4xf32>
}
