// Bad map-space options, and map spaces that admit no design of an op, are
// errors that name the rule.
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="constraint=nosuch" -split-input-file 2>&1 | FileCheck %s --check-prefix=NAME
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="constraint-file=%t.missing.json" -split-input-file 2>&1 | FileCheck %s --check-prefix=MISSING -DPATH=%t.missing.json
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="constraint=nvdla constraint-file=%S/Inputs/row-stationary.json" -split-input-file 2>&1 | FileCheck %s --check-prefix=BOTH
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="constraint=nvdla min-levels=3 max-levels=3" -split-input-file 2>&1 | FileCheck %s --check-prefix=LEVELS
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="constraint=nvdla-class-0000 area-budget=0.01" -split-input-file 2>&1 | FileCheck %s --check-prefix=PES
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="constraint=nvdla mode=fixed-hw num-pes=8 l1-bytes=64 l2-bytes=4096" -split-input-file 2>&1 | FileCheck %s --check-prefix=FIXEDHW
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="constraint=eyeriss samples=300" -split-input-file 2>&1 | FileCheck %s --check-prefix=NOR
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="constraint=eyeriss mode=fixed-mapping dataflow=eyeriss samples=300" -split-input-file 2>&1 | FileCheck %s --check-prefix=DATAFLOW
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="constraint=nvdla scope=model samples=300" -split-input-file 2>&1 | FileCheck %s --check-prefix=SHARED

// NAME: error: digamma-co-optimize: constraint=nosuch: unknown constraint 'nosuch'; expected eyeriss, nvdla, nvdla-class-0000,
// MISSING: error: digamma-co-optimize: constraint-file: [[PATH]]: cannot read the file
// BOTH: error: digamma-co-optimize: give one map space: constraint, constraint-file or a search::MapSpace, not several
// LEVELS: error: digamma-co-optimize: map space 'nvdla' has 2 mapping levels; it needs min-levels <= 2 <= max-levels
// PES: co-optimize-map-space-invalid.mlir:[[# @LINE + 9]]:8: error: digamma-co-optimize: map space 'nvdla-class-0000' admits no design: the rule 'level 1's parallel size is 64' needs at least 64 PEs; the area budget and pe-limit afford at most {{[0-9]+}}
// FIXEDHW: error: digamma-co-optimize: map space 'nvdla' admits no design on the fixed hardware: the rule 'level 1's parallel size is 16' needs at least 16 PEs, the hardware has 8
// A GEMM has no filter rows for a row-stationary array to spread.
// NOR: co-optimize-map-space-invalid.mlir:[[# @LINE + 6]]:8: error: digamma-co-optimize: map space 'eyeriss' does not fit this op: mapping level #1 parallel dimension R is not in the loop nest
// DATAFLOW: co-optimize-map-space-invalid.mlir:[[# @LINE + 5]]:8: error: digamma-co-optimize: dataflow eyeriss is outside the map space 'eyeriss': level 1 spreads R, got Y
// DATAFLOW: co-optimize-map-space-invalid.mlir:[[# @LINE + 9]]:8: error: digamma-co-optimize: dataflow eyeriss is outside the map space 'eyeriss': level 1's loop order starts Y, R, S, X, K, C, got C at position 0
// SHARED: co-optimize-map-space-invalid.mlir:[[# @LINE + 18]]:8: error: digamma-co-optimize: layer 1 has another map space than layer 0; the layers of one chip share its map space

func.func @gemm(%a: tensor<64x32xf32>, %b: tensor<32x48xf32>, %c: tensor<64x48xf32>) -> tensor<64x48xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<64x32xf32>, tensor<32x48xf32>) outs(%c : tensor<64x48xf32>) -> tensor<64x48xf32>
  return %0 : tensor<64x48xf32>
}

func.func @conv(%x: tensor<1x16x18x18xf32>, %w: tensor<64x16x3x3xf32>, %o: tensor<1x64x16x16xf32>) -> tensor<1x64x16x16xf32> {
  %0 = linalg.conv_2d_nchw_fchw ins(%x, %w : tensor<1x16x18x18xf32>, tensor<64x16x3x3xf32>) outs(%o : tensor<1x64x16x16xf32>) -> tensor<1x64x16x16xf32>
  return %0 : tensor<1x64x16x16xf32>
}

// -----

func.func @two(%a: tensor<64x32xf32>, %b: tensor<32x48xf32>, %c: tensor<64x48xf32>,
               %x: tensor<1x16x18x18xf32>, %w: tensor<64x16x3x3xf32>, %o: tensor<1x64x16x16xf32>)
    -> (tensor<64x48xf32>, tensor<1x64x16x16xf32>) {
  %0 = linalg.matmul ins(%a, %b : tensor<64x32xf32>, tensor<32x48xf32>) outs(%c : tensor<64x48xf32>) -> tensor<64x48xf32>
  %1 = linalg.conv_2d_nchw_fchw {digamma.map_space = #digamma.map_space<name = "other", levels = [#digamma.map_space_level<>, #digamma.map_space_level<>]>}
      ins(%x, %w : tensor<1x16x18x18xf32>, tensor<64x16x3x3xf32>) outs(%o : tensor<1x64x16x16xf32>) -> tensor<1x64x16x16xf32>
  return %0, %1 : tensor<64x48xf32>, tensor<1x64x16x16xf32>
}
