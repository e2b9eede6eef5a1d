// Execution check of --digamma-materialize on the mappings the
// co-optimizer finds with one, two and three levels (every level count the
// search can produce: min-levels/max-levels are limited to 1..3) for a
// matmul, a strided convolution and a depthwise convolution, materialized
// on tensors and, bufferized first, on buffers. Each materialized program
// prints what the original prints when its forall iterations run as if
// concurrent (--test-digamma-forall-isolation: a reduction spread without
// partial sums races and prints something else), and its loops are checked
// against the mapping (--test-digamma-materialized-loop-order).
//
// REQUIRES: mlir-runner
// RUN: cat %s %S/Inputs/exec-fill.mlir > %t.input.mlir
// RUN: digamma-opt %t.input.mlir --one-shot-bufferize=bufferize-function-boundaries --scf-forall-to-for --convert-linalg-to-loops | %mlir_run_main > %t.reference
// RUN: FileCheck %s --check-prefix=OUT --input-file=%t.reference
//
// RUN: digamma-opt %t.input.mlir --digamma-lower-to-loop-nest --digamma-co-optimize="samples=1000 min-levels=1 max-levels=1 seed=5" -o %t.l1.mlir
// RUN: FileCheck %s --check-prefix=L1 --input-file=%t.l1.mlir
// RUN: digamma-opt %t.l1.mlir --digamma-materialize | FileCheck %s --check-prefix=TILED1 --implicit-check-not="digamma.mapping ="
// RUN: digamma-opt %t.l1.mlir --digamma-materialize --one-shot-bufferize=bufferize-function-boundaries --test-digamma-forall-isolation --convert-linalg-to-loops | %mlir_run_main > %t.l1.out
// RUN: diff %t.reference %t.l1.out
// RUN: digamma-opt %t.l1.mlir --test-digamma-materialized-loop-order -o /dev/null 2>&1 | FileCheck %s --check-prefix=ORDER
// RUN: digamma-opt %t.l1.mlir --one-shot-bufferize=bufferize-function-boundaries --digamma-materialize --test-digamma-forall-isolation --convert-linalg-to-loops | %mlir_run_main > %t.l1.buffers.out
// RUN: diff %t.reference %t.l1.buffers.out
//
// RUN: digamma-opt %t.input.mlir --digamma-lower-to-loop-nest --digamma-co-optimize="samples=1000 min-levels=2 max-levels=2 seed=5" -o %t.l2.mlir
// RUN: FileCheck %s --check-prefix=L2 --input-file=%t.l2.mlir
// RUN: digamma-opt %t.l2.mlir --digamma-materialize | FileCheck %s --check-prefix=TILED2 --implicit-check-not="digamma.mapping ="
// RUN: digamma-opt %t.l2.mlir --digamma-materialize --one-shot-bufferize=bufferize-function-boundaries --test-digamma-forall-isolation --convert-linalg-to-loops | %mlir_run_main > %t.l2.out
// RUN: diff %t.reference %t.l2.out
// RUN: digamma-opt %t.l2.mlir --test-digamma-materialized-loop-order -o /dev/null 2>&1 | FileCheck %s --check-prefix=ORDER
// RUN: digamma-opt %t.l2.mlir --one-shot-bufferize=bufferize-function-boundaries --digamma-materialize --test-digamma-forall-isolation --convert-linalg-to-loops | %mlir_run_main > %t.l2.buffers.out
// RUN: diff %t.reference %t.l2.buffers.out
//
// RUN: digamma-opt %t.input.mlir --digamma-lower-to-loop-nest --digamma-co-optimize="samples=1000 min-levels=3 max-levels=3 seed=5" -o %t.l3.mlir
// RUN: FileCheck %s --check-prefix=L3 --input-file=%t.l3.mlir
// RUN: digamma-opt %t.l3.mlir --digamma-materialize | FileCheck %s --check-prefix=TILED3 --implicit-check-not="digamma.mapping ="
// RUN: digamma-opt %t.l3.mlir --digamma-materialize --one-shot-bufferize=bufferize-function-boundaries --test-digamma-forall-isolation --convert-linalg-to-loops | %mlir_run_main > %t.l3.out
// RUN: diff %t.reference %t.l3.out
// RUN: digamma-opt %t.l3.mlir --test-digamma-materialized-loop-order -o /dev/null 2>&1 | FileCheck %s --check-prefix=ORDER
// RUN: digamma-opt %t.l3.mlir --one-shot-bufferize=bufferize-function-boundaries --digamma-materialize --test-digamma-forall-isolation --convert-linalg-to-loops | %mlir_run_main > %t.l3.buffers.out
// RUN: diff %t.reference %t.l3.buffers.out

// Every design's loops follow its mapping (tensors; the buffer runs check
// the numbers).
// ORDER-COUNT-3: remark: loops follow the mapping:
// ORDER-NOT: remark

// OUT: sizes = [12, 9]
// OUT: sizes = [1, 10, 6, 6]
// OUT: sizes = [1, 9, 9, 7]

// The searches gave every op a mapping with the requested level count.
// L1-COUNT-3: digamma.mapping = #digamma.mapping<levels = [#digamma.level<{{[^>]*}}>]>
// L2-COUNT-3: digamma.mapping = #digamma.mapping<levels = [#digamma.level<{{[^>]*}}>, #digamma.level<{{[^>]*}}>]>
// L3-COUNT-3: digamma.mapping = #digamma.mapping<levels = [#digamma.level<{{[^>]*}}>, #digamma.level<{{[^>]*}}>, #digamma.level<{{[^>]*}}>]>

// Materialized: one forall per level (the innermost closes first), no
// mapping left.
// TILED1-LABEL: func.func @mm(
// TILED1: {mapping = [#digamma.pe_level<0>
// TILED1-LABEL: func.func @conv(
// TILED1: {mapping = [#digamma.pe_level<0>
// TILED1-LABEL: func.func @depthwise(
// TILED1: {mapping = [#digamma.pe_level<0>
// TILED2-LABEL: func.func @mm(
// TILED2: {mapping = [#digamma.pe_level<1>
// TILED2: {mapping = [#digamma.pe_level<0>
// TILED2-LABEL: func.func @conv(
// TILED2: {mapping = [#digamma.pe_level<1>
// TILED2: {mapping = [#digamma.pe_level<0>
// TILED2-LABEL: func.func @depthwise(
// TILED2: {mapping = [#digamma.pe_level<1>
// TILED2: {mapping = [#digamma.pe_level<0>
// TILED3-LABEL: func.func @mm(
// TILED3: {mapping = [#digamma.pe_level<2>
// TILED3: {mapping = [#digamma.pe_level<1>
// TILED3: {mapping = [#digamma.pe_level<0>
// TILED3-LABEL: func.func @conv(
// TILED3: {mapping = [#digamma.pe_level<2>
// TILED3: {mapping = [#digamma.pe_level<1>
// TILED3: {mapping = [#digamma.pe_level<0>
// TILED3-LABEL: func.func @depthwise(
// TILED3: {mapping = [#digamma.pe_level<2>
// TILED3: {mapping = [#digamma.pe_level<1>
// TILED3: {mapping = [#digamma.pe_level<0>

func.func @mm(%a: tensor<12x20xf32>, %b: tensor<20x9xf32>, %c: tensor<12x9xf32>) -> tensor<12x9xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<12x20xf32>, tensor<20x9xf32>) outs(%c : tensor<12x9xf32>) -> tensor<12x9xf32>
  return %0 : tensor<12x9xf32>
}

func.func @conv(%x: tensor<1x6x13x13xf32>, %w: tensor<10x6x3x3xf32>, %o: tensor<1x10x6x6xf32>) -> tensor<1x10x6x6xf32> {
  %0 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
       ins(%x, %w : tensor<1x6x13x13xf32>, tensor<10x6x3x3xf32>) outs(%o : tensor<1x10x6x6xf32>) -> tensor<1x10x6x6xf32>
  return %0 : tensor<1x10x6x6xf32>
}

func.func @depthwise(%x: tensor<1x11x11x7xf32>, %w: tensor<3x3x7xf32>, %o: tensor<1x9x9x7xf32>) -> tensor<1x9x9x7xf32> {
  %0 = linalg.depthwise_conv_2d_nhwc_hwc {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
       ins(%x, %w : tensor<1x11x11x7xf32>, tensor<3x3x7xf32>) outs(%o : tensor<1x9x9x7xf32>) -> tensor<1x9x9x7xf32>
  return %0 : tensor<1x9x9x7xf32>
}

func.func @main() {
  %mm_0_e = tensor.empty() : tensor<12x20xf32>
  %mm_0_d = tensor.cast %mm_0_e : tensor<12x20xf32> to tensor<?x?xf32>
  %seed_mm_0 = arith.constant 0 : index
  %mm_0_f = call @fill2(%mm_0_d, %seed_mm_0) : (tensor<?x?xf32>, index) -> tensor<?x?xf32>
  %mm_0 = tensor.cast %mm_0_f : tensor<?x?xf32> to tensor<12x20xf32>
  %mm_1_e = tensor.empty() : tensor<20x9xf32>
  %mm_1_d = tensor.cast %mm_1_e : tensor<20x9xf32> to tensor<?x?xf32>
  %seed_mm_1 = arith.constant 1 : index
  %mm_1_f = call @fill2(%mm_1_d, %seed_mm_1) : (tensor<?x?xf32>, index) -> tensor<?x?xf32>
  %mm_1 = tensor.cast %mm_1_f : tensor<?x?xf32> to tensor<20x9xf32>
  %mm_2_e = tensor.empty() : tensor<12x9xf32>
  %mm_2_d = tensor.cast %mm_2_e : tensor<12x9xf32> to tensor<?x?xf32>
  %seed_mm_2 = arith.constant 2 : index
  %mm_2_f = call @fill2(%mm_2_d, %seed_mm_2) : (tensor<?x?xf32>, index) -> tensor<?x?xf32>
  %mm_2 = tensor.cast %mm_2_f : tensor<?x?xf32> to tensor<12x9xf32>
  %mm_r = call @mm(%mm_0, %mm_1, %mm_2) : (tensor<12x20xf32>, tensor<20x9xf32>, tensor<12x9xf32>) -> tensor<12x9xf32>
  %mm_m = bufferization.to_buffer %mm_r : tensor<12x9xf32> to memref<12x9xf32>
  %mm_u = memref.cast %mm_m : memref<12x9xf32> to memref<*xf32>
  call @printMemrefF32(%mm_u) : (memref<*xf32>) -> ()
  %conv_0_e = tensor.empty() : tensor<1x6x13x13xf32>
  %conv_0_d = tensor.cast %conv_0_e : tensor<1x6x13x13xf32> to tensor<?x?x?x?xf32>
  %seed_conv_0 = arith.constant 3 : index
  %conv_0_f = call @fill4(%conv_0_d, %seed_conv_0) : (tensor<?x?x?x?xf32>, index) -> tensor<?x?x?x?xf32>
  %conv_0 = tensor.cast %conv_0_f : tensor<?x?x?x?xf32> to tensor<1x6x13x13xf32>
  %conv_1_e = tensor.empty() : tensor<10x6x3x3xf32>
  %conv_1_d = tensor.cast %conv_1_e : tensor<10x6x3x3xf32> to tensor<?x?x?x?xf32>
  %seed_conv_1 = arith.constant 4 : index
  %conv_1_f = call @fill4(%conv_1_d, %seed_conv_1) : (tensor<?x?x?x?xf32>, index) -> tensor<?x?x?x?xf32>
  %conv_1 = tensor.cast %conv_1_f : tensor<?x?x?x?xf32> to tensor<10x6x3x3xf32>
  %conv_2_e = tensor.empty() : tensor<1x10x6x6xf32>
  %conv_2_d = tensor.cast %conv_2_e : tensor<1x10x6x6xf32> to tensor<?x?x?x?xf32>
  %seed_conv_2 = arith.constant 5 : index
  %conv_2_f = call @fill4(%conv_2_d, %seed_conv_2) : (tensor<?x?x?x?xf32>, index) -> tensor<?x?x?x?xf32>
  %conv_2 = tensor.cast %conv_2_f : tensor<?x?x?x?xf32> to tensor<1x10x6x6xf32>
  %conv_r = call @conv(%conv_0, %conv_1, %conv_2) : (tensor<1x6x13x13xf32>, tensor<10x6x3x3xf32>, tensor<1x10x6x6xf32>) -> tensor<1x10x6x6xf32>
  %conv_m = bufferization.to_buffer %conv_r : tensor<1x10x6x6xf32> to memref<1x10x6x6xf32>
  %conv_u = memref.cast %conv_m : memref<1x10x6x6xf32> to memref<*xf32>
  call @printMemrefF32(%conv_u) : (memref<*xf32>) -> ()
  %depthwise_0_e = tensor.empty() : tensor<1x11x11x7xf32>
  %depthwise_0_d = tensor.cast %depthwise_0_e : tensor<1x11x11x7xf32> to tensor<?x?x?x?xf32>
  %seed_depthwise_0 = arith.constant 6 : index
  %depthwise_0_f = call @fill4(%depthwise_0_d, %seed_depthwise_0) : (tensor<?x?x?x?xf32>, index) -> tensor<?x?x?x?xf32>
  %depthwise_0 = tensor.cast %depthwise_0_f : tensor<?x?x?x?xf32> to tensor<1x11x11x7xf32>
  %depthwise_1_e = tensor.empty() : tensor<3x3x7xf32>
  %depthwise_1_d = tensor.cast %depthwise_1_e : tensor<3x3x7xf32> to tensor<?x?x?xf32>
  %seed_depthwise_1 = arith.constant 7 : index
  %depthwise_1_f = call @fill3(%depthwise_1_d, %seed_depthwise_1) : (tensor<?x?x?xf32>, index) -> tensor<?x?x?xf32>
  %depthwise_1 = tensor.cast %depthwise_1_f : tensor<?x?x?xf32> to tensor<3x3x7xf32>
  %depthwise_2_e = tensor.empty() : tensor<1x9x9x7xf32>
  %depthwise_2_d = tensor.cast %depthwise_2_e : tensor<1x9x9x7xf32> to tensor<?x?x?x?xf32>
  %seed_depthwise_2 = arith.constant 8 : index
  %depthwise_2_f = call @fill4(%depthwise_2_d, %seed_depthwise_2) : (tensor<?x?x?x?xf32>, index) -> tensor<?x?x?x?xf32>
  %depthwise_2 = tensor.cast %depthwise_2_f : tensor<?x?x?x?xf32> to tensor<1x9x9x7xf32>
  %depthwise_r = call @depthwise(%depthwise_0, %depthwise_1, %depthwise_2) : (tensor<1x11x11x7xf32>, tensor<3x3x7xf32>, tensor<1x9x9x7xf32>) -> tensor<1x9x9x7xf32>
  %depthwise_m = bufferization.to_buffer %depthwise_r : tensor<1x9x9x7xf32> to memref<1x9x9x7xf32>
  %depthwise_u = memref.cast %depthwise_m : memref<1x9x9x7xf32> to memref<*xf32>
  call @printMemrefF32(%depthwise_u) : (memref<*xf32>) -> ()
  return
}
