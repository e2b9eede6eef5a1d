// The lowering and the materialization run on whatever they are anchored
// on: nested on func.func they describe and tile the ops of each function,
// exactly as at module level. The co-optimizer and the exporter need the
// module (shared chips, call counts, one report, one directory) and say so.
//
// RUN: digamma-opt %s --pass-pipeline="builtin.module(func.func(digamma-lower-to-loop-nest))" | FileCheck %s --check-prefix=LOWER
// RUN: digamma-opt %s --pass-pipeline="builtin.module(func.func(digamma-lower-to-loop-nest))" -o %t.func.mlir
// RUN: digamma-opt %s --digamma-lower-to-loop-nest -o %t.module.mlir
// RUN: diff %t.func.mlir %t.module.mlir
//
// The whole flow with function-level passes around the module-level search;
// the materialized IR equals the module-level run's.
// RUN: digamma-opt %s --pass-pipeline="builtin.module(func.func(digamma-lower-to-loop-nest), digamma-co-optimize{samples=300}, func.func(digamma-materialize))" -o %t.tiled-func.mlir
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize=samples=300 --digamma-materialize -o %t.tiled-module.mlir
// RUN: diff %t.tiled-func.mlir %t.tiled-module.mlir
// RUN: FileCheck %s --check-prefix=TILED --input-file=%t.tiled-func.mlir
//
// RUN: not digamma-opt %s --pass-pipeline="builtin.module(func.func(digamma-co-optimize))" 2>&1 | FileCheck %s --check-prefix=COOPT
// RUN: not digamma-opt %s --pass-pipeline="builtin.module(func.func(digamma-export-maestro))" 2>&1 | FileCheck %s --check-prefix=EXPORT

// LOWER-LABEL: func.func @conv
// LOWER: linalg.conv_2d_nchw_fchw {digamma.loop_nest = #digamma.loop_nest<conv,
// LOWER-LABEL: func.func @mm
// LOWER: linalg.matmul {digamma.loop_nest = #digamma.loop_nest<gemm,

// TILED-LABEL: func.func @conv
// TILED: scf.forall
// TILED: linalg.conv_2d_nchw_fchw {digamma.cost
// TILED-NOT: digamma.mapping
// TILED: {mapping = [#digamma.pe_level<0>]}
// TILED-LABEL: func.func @mm
// TILED: scf.forall
// TILED: linalg.matmul {digamma.cost
// TILED-NOT: digamma.mapping
// TILED: {mapping = [#digamma.pe_level<0>]}

// COOPT: error: Can't add pass '{{.*}}' restricted to 'builtin.module' on a PassManager intended to run on 'func.func', did you intend to nest?
// EXPORT: error: Can't add pass '{{.*}}' restricted to 'builtin.module' on a PassManager intended to run on 'func.func', did you intend to nest?

func.func @conv(%i: tensor<1x8x10x10xf32>, %f: tensor<16x8x3x3xf32>, %o: tensor<1x16x8x8xf32>) -> tensor<1x16x8x8xf32> {
  %0 = linalg.conv_2d_nchw_fchw ins(%i, %f : tensor<1x8x10x10xf32>, tensor<16x8x3x3xf32>) outs(%o : tensor<1x16x8x8xf32>) -> tensor<1x16x8x8xf32>
  return %0 : tensor<1x16x8x8xf32>
}

func.func @mm(%a: tensor<32x16xf32>, %b: tensor<16x24xf32>, %c: tensor<32x24xf32>) -> tensor<32x24xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<32x16xf32>, tensor<16x24xf32>) outs(%c : tensor<32x24xf32>) -> tensor<32x24xf32>
  return %0 : tensor<32x24xf32>
}
