// Bad options and impossible budgets are reported, never crash.
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="area-budget=-1" 2>&1 | FileCheck %s --check-prefix=NEGATIVE
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="samples=0" 2>&1 | FileCheck %s --check-prefix=SAMPLES
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="samples=500 area-budget=0.0000001" 2>&1 | FileCheck %s --check-prefix=TOOSMALL
// The smallest feasible area the message names is enough for a design.
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="samples=500 area-budget=0.000316" | FileCheck %s --check-prefix=SMALLEST
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="objective=speed" 2>&1 | FileCheck %s --check-prefix=OBJECTIVE
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="tie-break=speed" 2>&1 | FileCheck %s --check-prefix=TIEBREAK
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="mode=both" 2>&1 | FileCheck %s --check-prefix=MODE
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="semantics=exact" 2>&1 | FileCheck %s --check-prefix=SEMANTICS
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="platform=phone" 2>&1 | FileCheck %s --check-prefix=PLATFORM
// A platform name is resolved even when area-budget replaces its area.
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="platform=phone area-budget=1" 2>&1 | FileCheck %s --check-prefix=PLATFORM
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="population=-1" 2>&1 | FileCheck %s --check-prefix=POPULATION
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="element-bytes=-2" 2>&1 | FileCheck %s --check-prefix=BYTES
// RUN: not digamma-opt %s --digamma-pipeline="objective=speed" 2>&1 | FileCheck %s --check-prefix=OBJECTIVE
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="algorithm=magic" 2>&1 | FileCheck %s --check-prefix=ALGORITHM
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="mode=fixed-hw" 2>&1 | FileCheck %s --check-prefix=FIXEDHW
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="num-pes=64" 2>&1 | FileCheck %s --check-prefix=HWNOMODE
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="mode=fixed-mapping" 2>&1 | FileCheck %s --check-prefix=FIXEDMAP
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="min-levels=3 max-levels=2" 2>&1 | FileCheck %s --check-prefix=LEVELS
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="pe-limit=-4" 2>&1 | FileCheck %s --check-prefix=PELIMIT
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="samples=100 report=%t.missing/dir/report.json" 2>&1 | FileCheck %s --check-prefix=REPORT
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="samples=lots" 2>&1 | FileCheck %s --check-prefix=SYNTAX

// NEGATIVE: error: digamma-co-optimize: area-budget must be a positive number of mm^2, got -1
// SAMPLES: error: digamma-co-optimize: samples must be positive, got 0
// TOOSMALL: co-optimize-invalid.mlir:[[# @LINE + 19]]:8: error: digamma-co-optimize: no design fits the area budget of 0.1 um^2 in 500 samples; the smallest feasible area is {{[0-9.e+]+}} um^2
// SMALLEST: digamma.hw = #digamma.hw<num_pes = 1,
// OBJECTIVE: for the --objective option: Cannot find option named 'speed'!
// TIEBREAK: for the --tie-break option: Cannot find option named 'speed'!
// MODE: for the --mode option: Cannot find option named 'both'!
// SEMANTICS: for the --semantics option: Cannot find option named 'exact'!
// PLATFORM: error: digamma-co-optimize: unknown platform 'phone'; expected edge (0.2 mm^2), cloud (7.0 mm^2), cloud-hbm2 (7.0 mm^2), edge-lpddr4 (0.2 mm^2) or eyeriss (0.18 mm^2), or platform-file=<path>{{$}}
// ALGORITHM: for the --algorithm option: Cannot find option named 'magic'!
// FIXEDHW: error: digamma-co-optimize: mode=fixed-hw needs positive num-pes, l1-bytes and l2-bytes (got 0, 0, 0)
// HWNOMODE: error: digamma-co-optimize: num-pes, l1-bytes and l2-bytes describe fixed hardware and need mode=fixed-hw
// FIXEDMAP: error: digamma-co-optimize: mode=fixed-mapping needs a digamma.mapping on the op
// LEVELS: error: digamma-co-optimize: levels must satisfy 1 <= min-levels <= max-levels <= 3
// POPULATION: error: digamma-co-optimize: population must not be negative, got -1
// BYTES: error: digamma-co-optimize: element-bytes must not be negative, got -2
// PELIMIT: error: digamma-co-optimize: pe-limit must not be negative, got -4
// REPORT: error: digamma-co-optimize: cannot write report '{{.*}}report.json'
// SYNTAX: for the --samples option: 'lots' value invalid

func.func @mm(%a: tensor<16x8xf32>, %b: tensor<8x4xf32>, %c: tensor<16x4xf32>) -> tensor<16x4xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<16x8xf32>, tensor<8x4xf32>) outs(%c : tensor<16x4xf32>) -> tensor<16x4xf32>
  return %0 : tensor<16x4xf32>
}
