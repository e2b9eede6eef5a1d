// Bad dataflow options, and a dataflow the op cannot express, are errors.
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="mode=fixed-mapping dataflow=tpu" 2>&1 | FileCheck %s --check-prefix=NAME
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="dataflow=nvdla" 2>&1 | FileCheck %s --check-prefix=MODE
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="mode=fixed-hw num-pes=64 l1-bytes=64 l2-bytes=4096 dataflow=nvdla" 2>&1 | FileCheck %s --check-prefix=MODEHW
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="mode=fixed-mapping dataflow=nvdla algorithm=pso" 2>&1 | FileCheck %s --check-prefix=ALGORITHM
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="mode=fixed-mapping dataflow=eyeriss min-levels=3 max-levels=3" 2>&1 | FileCheck %s --check-prefix=LEVELS
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="mode=fixed-mapping dataflow=nvdla scope=model" 2>&1 | FileCheck %s --check-prefix=SCOPE
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="mode=fixed-mapping dataflow=nvdla samples=300" 2>&1 | FileCheck %s --check-prefix=FIT
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="mode=fixed-mapping dataflow=shidiannao samples=300 area-budget=0.0001" 2>&1 | FileCheck %s --check-prefix=BUDGET

// NAME: for the --dataflow option: Cannot find option named 'tpu'!
// MODE: error: digamma-co-optimize: dataflow=nvdla fixes the mapping and needs mode=fixed-mapping
// MODEHW: error: digamma-co-optimize: dataflow=nvdla fixes the mapping and needs mode=fixed-mapping
// ALGORITHM: error: digamma-co-optimize: dataflow=nvdla searches the hardware by grid search; remove algorithm=pso
// LEVELS: error: digamma-co-optimize: dataflow=eyeriss has two mapping levels; it needs min-levels <= 2 <= max-levels
// SCOPE: error: digamma-co-optimize: scope=model shares one chip among ops and needs mode=co-opt
// A channel-less convolution has no K for NVDLA's clusters to spread.
// FIT: co-optimize-dataflow-invalid.mlir:[[# @LINE + 4]]:8: error: digamma-co-optimize: dataflow=nvdla does not fit this op: mapping level #0 parallel dimension K is not in the loop nest
// BUDGET: error: digamma-co-optimize: no design fits the area budget of 100 um^2 in {{[0-9]+}} samples; the smallest feasible area is {{[0-9.e+]+}} um^2

func.func @channelless(%x: tensor<18x18xf32>, %w: tensor<3x3xf32>, %o: tensor<16x16xf32>) -> tensor<16x16xf32> {
  %0 = linalg.conv_2d ins(%x, %w : tensor<18x18xf32>, tensor<3x3xf32>) outs(%o : tensor<16x16xf32>) -> tensor<16x16xf32>
  return %0 : tensor<16x16xf32>
}
