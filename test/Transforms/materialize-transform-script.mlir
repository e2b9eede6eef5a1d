// --digamma-materialize=transform-script=<file> writes a transform script
// that, run by the transform interpreter on the same input, gives exactly
// the IR the pass gives. Shown on the co-optimized ResNet-18: identical
// layers share a mapping and are matched and tiled together.
//
// RUN: digamma-opt %models/resnet18.mlir --digamma-pipeline="samples=300" -o %t.annotated.mlir
// RUN: digamma-opt %t.annotated.mlir --digamma-materialize=transform-script=%t.script.mlir -o %t.pass.mlir
// RUN: FileCheck %s --input-file=%t.script.mlir
// RUN: digamma-opt %t.annotated.mlir --transform-preload-library=transform-library-paths=%t.script.mlir --transform-interpreter -o %t.interpreted.mlir
// RUN: diff %t.pass.mlir %t.interpreted.mlir
// RUN: FileCheck %s --check-prefix=TILED --input-file=%t.pass.mlir
//
// '-' writes the script to stdout.
// RUN: digamma-opt %t.annotated.mlir --digamma-materialize=transform-script=- -o /dev/null | diff - %t.script.mlir
//
// An unwritable script path is an error.
// RUN: not digamma-opt %t.annotated.mlir --digamma-materialize=transform-script=%t.missing/script.mlir 2>&1 | FileCheck %s --check-prefix=BADPATH

// CHECK: // Equivalent of --digamma-materialize on 20 op(s). Apply it with
// CHECK: module attributes {transform.with_named_sequence} {
// CHECK-NEXT: transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
// CHECK: // 1 x linalg.conv_2d_nchw_fchw, first at loc(
// CHECK-NEXT: %ops0 = transform.structured.match ops{["linalg.conv_2d_nchw_fchw"]} attributes {digamma.mapping = #digamma.mapping<levels = [#digamma.level<
// CHECK-SAME: in %root : (!transform.any_op) -> !transform.any_op
// CHECK-NEXT: %tiled0, %loops0 = transform.digamma.tile_by_mapping %ops0 : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
// CHECK: // 4 x linalg.conv_2d_nchw_fchw, first at loc(
// CHECK: // 3 x linalg.conv_2d_nchw_fchw, first at loc(
// CHECK: transform.yield

// Every layer is tiled; none keeps its mapping.
// TILED-COUNT-20: } {mapping = [#digamma.pe_level<0>]}
// TILED-NOT: digamma.mapping =

// BADPATH: error: digamma-materialize: cannot write transform script '{{.*}}script.mlir':
