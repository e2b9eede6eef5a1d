// Execution check of reduction-parallel levels, on tensors and on buffers:
// a convolution spreading its channels C, a depthwise convolution spreading
// its filter rows R and a GEMM spreading its reduction dimension (canonical
// C), each with one, two and three levels. On tensors the partial sums are
// upstream's; on buffers (the same program bufferized before it is
// materialized) digamma allocates them (memref.alloc of the output's shape
// times the level's fan-out), fills them with zeros, and merges them with
// linalg.reduce.
//
// The materialized programs run with --test-digamma-forall-isolation, which
// executes every scf.forall's iterations as if concurrent (each starts from
// the memory the loop started with): a reduction spread over a forall
// without partial sums races, and its result differs from the reference.
// The loops are also checked against each mapping.
//
// REQUIRES: mlir-runner
// RUN: cat %s %S/Inputs/exec-fill.mlir > %t.input.mlir
// RUN: digamma-opt %t.input.mlir --one-shot-bufferize=bufferize-function-boundaries --convert-linalg-to-loops | %mlir_run_main > %t.reference
// RUN: FileCheck %s --input-file=%t.reference
//
// Tensors.
// RUN: digamma-opt %t.input.mlir --digamma-lower-to-loop-nest --digamma-materialize -o %t.tensors.mlir
// RUN: digamma-opt %t.tensors.mlir --one-shot-bufferize=bufferize-function-boundaries --test-digamma-forall-isolation --convert-linalg-to-loops | %mlir_run_main > %t.tensors.out
// RUN: diff %t.reference %t.tensors.out
// RUN: digamma-opt %t.input.mlir --digamma-lower-to-loop-nest --test-digamma-materialized-loop-order -o /dev/null 2>&1 | FileCheck %s --check-prefix=ORDER
//
// Buffers.
// RUN: digamma-opt %t.input.mlir --one-shot-bufferize=bufferize-function-boundaries --digamma-lower-to-loop-nest --digamma-materialize -o %t.buffers.mlir
// RUN: FileCheck %s --check-prefix=BUF --input-file=%t.buffers.mlir
// RUN: digamma-opt %t.buffers.mlir --test-digamma-forall-isolation --convert-linalg-to-loops | %mlir_run_main > %t.buffers.out
// RUN: diff %t.reference %t.buffers.out
// RUN: digamma-opt %t.input.mlir --one-shot-bufferize=bufferize-function-boundaries --digamma-lower-to-loop-nest --test-digamma-materialized-loop-order -o /dev/null 2>&1 | FileCheck %s --check-prefix=ORDER

// Nine results of the expected shapes; the first row of @mm_k1 was
// computed independently (Python, exact integers).
// CHECK: sizes = [1, 4, 5, 5]
// CHECK: sizes = [1, 4, 3, 3]
// CHECK: sizes = [2, 4, 5, 5]
// CHECK: sizes = [1, 5, 5, 5]
// CHECK: sizes = [1, 3, 3, 5]
// CHECK: sizes = [1, 5, 5, 5]
// CHECK: sizes = [7, 6]
// CHECK-NEXT: {{\[\[}}4, -15, 54, -42, 60, -14],
// CHECK: sizes = [7, 6]
// CHECK: sizes = [7, 6]
// CHECK-NOT: sizes

// ORDER: remark: loops follow the mapping: forall<0>(c step 4)
// ORDER: remark: loops follow the mapping: forall<0>(f step 2) for(f step 1) forall<1>(c step 4) for(oh step 2)
// ORDER: remark: loops follow the mapping: for(n step 1) forall<0>(c step 4) forall<1>(oh step 2) for(f step 2) for(oh step 1) for(f step 1) forall<2>(c step 3) for(ow step 2) for(kw step 1)
// ORDER: remark: loops follow the mapping: forall<0>(kh step 2)
// ORDER: remark: loops follow the mapping: forall<0>(c step 3) for(oh step 2) forall<1>(kh step 2)
// ORDER: remark: loops follow the mapping: forall<0>(kh step 2) forall<1>(ow step 2) for(oh step 3) for(oh step 1) forall<2>(kh step 1) for(c step 2) for(kw step 2)
// ORDER: remark: loops follow the mapping: forall<0>(k step 4)
// ORDER: remark: loops follow the mapping: forall<0>(m step 4) for(n step 4) forall<1>(k step 3) for(m step 3)
// ORDER: remark: loops follow the mapping: forall<0>(k step 5) for(n step 4) forall<1>(n step 2) for(m step 3) for(n step 1) for(m step 1) forall<2>(k step 2)
// ORDER-NOT: remark

// On buffers: a partial-sum buffer per spread reduction, filled with the
// combiner's neutral element, one slot per iteration, merged into the
// output and freed.
// BUF-LABEL: func.func @conv_c1(
// BUF: %[[PARTIAL:.*]] = memref.alloc() : memref<1x4x5x5x2xf32>
// BUF: linalg.fill ins(%{{.*}} : f32) outs(%[[PARTIAL]] : memref<1x4x5x5x2xf32>)
// BUF: scf.forall (%[[C:.*]]) = (0) to (6) step (4) {
// BUF: %[[SLOT:.*]] = affine.apply #{{.*}}(%[[C]])
// BUF: memref.subview %[[PARTIAL]][0, 0, 0, 0, %[[SLOT]]] [1, 4, 5, 5, 1] [1, 1, 1, 1, 1] : memref<1x4x5x5x2xf32> to memref<1x4x5x5xf32, strided<[200, 50, 10, 2], offset: ?>>
// BUF: linalg.conv_2d_nchw_fchw {digamma.loop_nest
// BUF: } {mapping = [#digamma.pe_level<0>]}
// BUF: linalg.reduce ins(%[[PARTIAL]] : memref<1x4x5x5x2xf32>) outs(%{{.*}} : memref<1x4x5x5xf32{{.*}}>) dimensions = [4]
// BUF: arith.addf
// BUF: memref.dealloc %[[PARTIAL]]
// BUF-LABEL: func.func @mm_k3(
// BUF: memref.alloc() : memref<7x6x3xf32>
// BUF: scf.forall
// BUF: memref.alloc({{.*}}) : memref<{{.*}}xf32>
// BUF: scf.forall
// BUF: linalg.matmul {digamma.loop_nest
// BUF: {mapping = [#digamma.pe_level<2>]}
// BUF: linalg.reduce
// BUF: memref.dealloc
// BUF: {mapping = [#digamma.pe_level<0>]}
// BUF: linalg.reduce
// BUF: memref.dealloc
// BUF-LABEL: func.func @main

// One level: the channels C (6 = 4 + 2) spread over PEs.
func.func @conv_c1(%x: tensor<1x6x7x7xf32>, %w: tensor<4x6x3x3xf32>, %o: tensor<1x4x5x5xf32>) -> tensor<1x4x5x5xf32> {
  %0 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>,
         digamma.mapping = #digamma.mapping<levels = [
           #digamma.level<parallel = C, cluster = 1, order = [K, C, Y, X, R, S], tiles = [4, 4, 5, 5, 3, 3]>]>}
       ins(%x, %w : tensor<1x6x7x7xf32>, tensor<4x6x3x3xf32>) outs(%o : tensor<1x4x5x5xf32>) -> tensor<1x4x5x5xf32>
  return %0 : tensor<1x4x5x5xf32>
}

// Two levels, stride 2: level 1 spreads C under a K-parallel level 0.
func.func @conv_c2(%x: tensor<1x6x7x7xf32>, %w: tensor<4x6x3x3xf32>, %o: tensor<1x4x3x3xf32>) -> tensor<1x4x3x3xf32> {
  %0 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>,
         digamma.mapping = #digamma.mapping<levels = [
           #digamma.level<parallel = K, cluster = 1, order = [Y, K, C, X, R, S], tiles = [2, 6, 3, 3, 3, 3]>,
           #digamma.level<parallel = C, cluster = 2, order = [K, C, Y, X, R, S], tiles = [1, 4, 2, 3, 3, 3]>]>}
       ins(%x, %w : tensor<1x6x7x7xf32>, tensor<4x6x3x3xf32>) outs(%o : tensor<1x4x3x3xf32>) -> tensor<1x4x3x3xf32>
  return %0 : tensor<1x4x3x3xf32>
}

// Three levels and a batch of 2: C spread at levels 0 and 2 (partial sums
// nested in partial sums).
func.func @conv_c3(%x: tensor<2x6x7x7xf32>, %w: tensor<4x6x3x3xf32>, %o: tensor<2x4x5x5xf32>) -> tensor<2x4x5x5xf32> {
  %0 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>,
         digamma.mapping = #digamma.mapping<levels = [
           #digamma.level<parallel = C, cluster = 1, order = [K, C, Y, X, R, S], tiles = [4, 4, 5, 5, 3, 3]>,
           #digamma.level<parallel = Y, cluster = 2, order = [C, Y, K, X, R, S], tiles = [2, 4, 2, 5, 3, 3]>,
           #digamma.level<parallel = C, cluster = 2, order = [Y, K, C, X, R, S], tiles = [1, 3, 1, 2, 3, 1]>]>}
       ins(%x, %w : tensor<2x6x7x7xf32>, tensor<4x6x3x3xf32>) outs(%o : tensor<2x4x5x5xf32>) -> tensor<2x4x5x5xf32>
  return %0 : tensor<2x4x5x5xf32>
}

// Depthwise, one level: the filter rows R (3 = 2 + 1) spread over PEs.
func.func @dw_r1(%x: tensor<1x7x7x5xf32>, %w: tensor<3x3x5xf32>, %o: tensor<1x5x5x5xf32>) -> tensor<1x5x5x5xf32> {
  %0 = linalg.depthwise_conv_2d_nhwc_hwc {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>,
         digamma.mapping = #digamma.mapping<levels = [
           #digamma.level<parallel = R, cluster = 1, order = [C, R, Y, X, S, K], tiles = [1, 5, 5, 5, 2, 3]>]>}
       ins(%x, %w : tensor<1x7x7x5xf32>, tensor<3x3x5xf32>) outs(%o : tensor<1x5x5x5xf32>) -> tensor<1x5x5x5xf32>
  return %0 : tensor<1x5x5x5xf32>
}

// Depthwise, two levels, stride 2: level 1 spreads R under a C-parallel
// level 0.
func.func @dw_r2(%x: tensor<1x7x7x5xf32>, %w: tensor<3x3x5xf32>, %o: tensor<1x3x3x5xf32>) -> tensor<1x3x3x5xf32> {
  %0 = linalg.depthwise_conv_2d_nhwc_hwc {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>,
         digamma.mapping = #digamma.mapping<levels = [
           #digamma.level<parallel = C, cluster = 1, order = [C, Y, X, R, S, K], tiles = [1, 3, 3, 3, 3, 3]>,
           #digamma.level<parallel = R, cluster = 2, order = [Y, R, X, C, S, K], tiles = [1, 3, 2, 3, 2, 3]>]>}
       ins(%x, %w : tensor<1x7x7x5xf32>, tensor<3x3x5xf32>) outs(%o : tensor<1x3x3x5xf32>) -> tensor<1x3x3x5xf32>
  return %0 : tensor<1x3x3x5xf32>
}

// Depthwise, three levels: R spread at levels 0 and 2.
func.func @dw_r3(%x: tensor<1x7x7x5xf32>, %w: tensor<3x3x5xf32>, %o: tensor<1x5x5x5xf32>) -> tensor<1x5x5x5xf32> {
  %0 = linalg.depthwise_conv_2d_nhwc_hwc {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>,
         digamma.mapping = #digamma.mapping<levels = [
           #digamma.level<parallel = R, cluster = 1, order = [Y, R, X, C, S, K], tiles = [1, 5, 5, 5, 2, 3]>,
           #digamma.level<parallel = X, cluster = 2, order = [C, X, Y, R, S, K], tiles = [1, 5, 3, 2, 2, 3]>,
           #digamma.level<parallel = R, cluster = 2, order = [X, Y, R, C, S, K], tiles = [1, 2, 1, 2, 1, 2]>]>}
       ins(%x, %w : tensor<1x7x7x5xf32>, tensor<3x3x5xf32>) outs(%o : tensor<1x5x5x5xf32>) -> tensor<1x5x5x5xf32>
  return %0 : tensor<1x5x5x5xf32>
}

// GEMM, one level: the reduction dimension (canonical C, 11 = 4 + 4 + 3)
// spread over PEs.
func.func @mm_k1(%x: tensor<7x11xf32>, %w: tensor<11x6xf32>, %o: tensor<7x6xf32>) -> tensor<7x6xf32> {
  %0 = linalg.matmul {digamma.mapping = #digamma.mapping<levels = [
           #digamma.level<parallel = C, cluster = 1, order = [K, C, Y, X, R, S], tiles = [6, 4, 7, 1, 1, 1]>]>}
       ins(%x, %w : tensor<7x11xf32>, tensor<11x6xf32>) outs(%o : tensor<7x6xf32>) -> tensor<7x6xf32>
  return %0 : tensor<7x6xf32>
}

// GEMM, two levels: the reduction spread at level 1 under a row-parallel
// level 0.
func.func @mm_k2(%x: tensor<7x11xf32>, %w: tensor<11x6xf32>, %o: tensor<7x6xf32>) -> tensor<7x6xf32> {
  %0 = linalg.matmul {digamma.mapping = #digamma.mapping<levels = [
           #digamma.level<parallel = Y, cluster = 1, order = [C, Y, K, X, R, S], tiles = [6, 11, 4, 1, 1, 1]>,
           #digamma.level<parallel = C, cluster = 2, order = [K, C, Y, X, R, S], tiles = [4, 3, 3, 1, 1, 1]>]>}
       ins(%x, %w : tensor<7x11xf32>, tensor<11x6xf32>) outs(%o : tensor<7x6xf32>) -> tensor<7x6xf32>
  return %0 : tensor<7x6xf32>
}

// GEMM, three levels: the reduction spread at levels 0 and 2.
func.func @mm_k3(%x: tensor<7x11xf32>, %w: tensor<11x6xf32>, %o: tensor<7x6xf32>) -> tensor<7x6xf32> {
  %0 = linalg.matmul {digamma.mapping = #digamma.mapping<levels = [
           #digamma.level<parallel = C, cluster = 1, order = [Y, C, K, X, R, S], tiles = [4, 5, 7, 1, 1, 1]>,
           #digamma.level<parallel = K, cluster = 2, order = [C, K, Y, X, R, S], tiles = [2, 5, 3, 1, 1, 1]>,
           #digamma.level<parallel = C, cluster = 2, order = [K, Y, C, X, R, S], tiles = [1, 2, 1, 1, 1, 1]>]>}
       ins(%x, %w : tensor<7x11xf32>, tensor<11x6xf32>) outs(%o : tensor<7x6xf32>) -> tensor<7x6xf32>
  return %0 : tensor<7x6xf32>
}

func.func @main() {
  %conv_c1_0_e = tensor.empty() : tensor<1x6x7x7xf32>
  %conv_c1_0_d = tensor.cast %conv_c1_0_e : tensor<1x6x7x7xf32> to tensor<?x?x?x?xf32>
  %seed_conv_c1_0 = arith.constant 0 : index
  %conv_c1_0_f = call @fill4(%conv_c1_0_d, %seed_conv_c1_0) : (tensor<?x?x?x?xf32>, index) -> tensor<?x?x?x?xf32>
  %conv_c1_0 = tensor.cast %conv_c1_0_f : tensor<?x?x?x?xf32> to tensor<1x6x7x7xf32>
  %conv_c1_1_e = tensor.empty() : tensor<4x6x3x3xf32>
  %conv_c1_1_d = tensor.cast %conv_c1_1_e : tensor<4x6x3x3xf32> to tensor<?x?x?x?xf32>
  %seed_conv_c1_1 = arith.constant 1 : index
  %conv_c1_1_f = call @fill4(%conv_c1_1_d, %seed_conv_c1_1) : (tensor<?x?x?x?xf32>, index) -> tensor<?x?x?x?xf32>
  %conv_c1_1 = tensor.cast %conv_c1_1_f : tensor<?x?x?x?xf32> to tensor<4x6x3x3xf32>
  %conv_c1_2_e = tensor.empty() : tensor<1x4x5x5xf32>
  %conv_c1_2_d = tensor.cast %conv_c1_2_e : tensor<1x4x5x5xf32> to tensor<?x?x?x?xf32>
  %seed_conv_c1_2 = arith.constant 2 : index
  %conv_c1_2_f = call @fill4(%conv_c1_2_d, %seed_conv_c1_2) : (tensor<?x?x?x?xf32>, index) -> tensor<?x?x?x?xf32>
  %conv_c1_2 = tensor.cast %conv_c1_2_f : tensor<?x?x?x?xf32> to tensor<1x4x5x5xf32>
  %conv_c1_r = call @conv_c1(%conv_c1_0, %conv_c1_1, %conv_c1_2) : (tensor<1x6x7x7xf32>, tensor<4x6x3x3xf32>, tensor<1x4x5x5xf32>) -> tensor<1x4x5x5xf32>
  %conv_c1_m = bufferization.to_buffer %conv_c1_r : tensor<1x4x5x5xf32> to memref<1x4x5x5xf32>
  %conv_c1_u = memref.cast %conv_c1_m : memref<1x4x5x5xf32> to memref<*xf32>
  call @printMemrefF32(%conv_c1_u) : (memref<*xf32>) -> ()
  %conv_c2_0_e = tensor.empty() : tensor<1x6x7x7xf32>
  %conv_c2_0_d = tensor.cast %conv_c2_0_e : tensor<1x6x7x7xf32> to tensor<?x?x?x?xf32>
  %seed_conv_c2_0 = arith.constant 3 : index
  %conv_c2_0_f = call @fill4(%conv_c2_0_d, %seed_conv_c2_0) : (tensor<?x?x?x?xf32>, index) -> tensor<?x?x?x?xf32>
  %conv_c2_0 = tensor.cast %conv_c2_0_f : tensor<?x?x?x?xf32> to tensor<1x6x7x7xf32>
  %conv_c2_1_e = tensor.empty() : tensor<4x6x3x3xf32>
  %conv_c2_1_d = tensor.cast %conv_c2_1_e : tensor<4x6x3x3xf32> to tensor<?x?x?x?xf32>
  %seed_conv_c2_1 = arith.constant 4 : index
  %conv_c2_1_f = call @fill4(%conv_c2_1_d, %seed_conv_c2_1) : (tensor<?x?x?x?xf32>, index) -> tensor<?x?x?x?xf32>
  %conv_c2_1 = tensor.cast %conv_c2_1_f : tensor<?x?x?x?xf32> to tensor<4x6x3x3xf32>
  %conv_c2_2_e = tensor.empty() : tensor<1x4x3x3xf32>
  %conv_c2_2_d = tensor.cast %conv_c2_2_e : tensor<1x4x3x3xf32> to tensor<?x?x?x?xf32>
  %seed_conv_c2_2 = arith.constant 5 : index
  %conv_c2_2_f = call @fill4(%conv_c2_2_d, %seed_conv_c2_2) : (tensor<?x?x?x?xf32>, index) -> tensor<?x?x?x?xf32>
  %conv_c2_2 = tensor.cast %conv_c2_2_f : tensor<?x?x?x?xf32> to tensor<1x4x3x3xf32>
  %conv_c2_r = call @conv_c2(%conv_c2_0, %conv_c2_1, %conv_c2_2) : (tensor<1x6x7x7xf32>, tensor<4x6x3x3xf32>, tensor<1x4x3x3xf32>) -> tensor<1x4x3x3xf32>
  %conv_c2_m = bufferization.to_buffer %conv_c2_r : tensor<1x4x3x3xf32> to memref<1x4x3x3xf32>
  %conv_c2_u = memref.cast %conv_c2_m : memref<1x4x3x3xf32> to memref<*xf32>
  call @printMemrefF32(%conv_c2_u) : (memref<*xf32>) -> ()
  %conv_c3_0_e = tensor.empty() : tensor<2x6x7x7xf32>
  %conv_c3_0_d = tensor.cast %conv_c3_0_e : tensor<2x6x7x7xf32> to tensor<?x?x?x?xf32>
  %seed_conv_c3_0 = arith.constant 6 : index
  %conv_c3_0_f = call @fill4(%conv_c3_0_d, %seed_conv_c3_0) : (tensor<?x?x?x?xf32>, index) -> tensor<?x?x?x?xf32>
  %conv_c3_0 = tensor.cast %conv_c3_0_f : tensor<?x?x?x?xf32> to tensor<2x6x7x7xf32>
  %conv_c3_1_e = tensor.empty() : tensor<4x6x3x3xf32>
  %conv_c3_1_d = tensor.cast %conv_c3_1_e : tensor<4x6x3x3xf32> to tensor<?x?x?x?xf32>
  %seed_conv_c3_1 = arith.constant 7 : index
  %conv_c3_1_f = call @fill4(%conv_c3_1_d, %seed_conv_c3_1) : (tensor<?x?x?x?xf32>, index) -> tensor<?x?x?x?xf32>
  %conv_c3_1 = tensor.cast %conv_c3_1_f : tensor<?x?x?x?xf32> to tensor<4x6x3x3xf32>
  %conv_c3_2_e = tensor.empty() : tensor<2x4x5x5xf32>
  %conv_c3_2_d = tensor.cast %conv_c3_2_e : tensor<2x4x5x5xf32> to tensor<?x?x?x?xf32>
  %seed_conv_c3_2 = arith.constant 8 : index
  %conv_c3_2_f = call @fill4(%conv_c3_2_d, %seed_conv_c3_2) : (tensor<?x?x?x?xf32>, index) -> tensor<?x?x?x?xf32>
  %conv_c3_2 = tensor.cast %conv_c3_2_f : tensor<?x?x?x?xf32> to tensor<2x4x5x5xf32>
  %conv_c3_r = call @conv_c3(%conv_c3_0, %conv_c3_1, %conv_c3_2) : (tensor<2x6x7x7xf32>, tensor<4x6x3x3xf32>, tensor<2x4x5x5xf32>) -> tensor<2x4x5x5xf32>
  %conv_c3_m = bufferization.to_buffer %conv_c3_r : tensor<2x4x5x5xf32> to memref<2x4x5x5xf32>
  %conv_c3_u = memref.cast %conv_c3_m : memref<2x4x5x5xf32> to memref<*xf32>
  call @printMemrefF32(%conv_c3_u) : (memref<*xf32>) -> ()
  %dw_r1_0_e = tensor.empty() : tensor<1x7x7x5xf32>
  %dw_r1_0_d = tensor.cast %dw_r1_0_e : tensor<1x7x7x5xf32> to tensor<?x?x?x?xf32>
  %seed_dw_r1_0 = arith.constant 9 : index
  %dw_r1_0_f = call @fill4(%dw_r1_0_d, %seed_dw_r1_0) : (tensor<?x?x?x?xf32>, index) -> tensor<?x?x?x?xf32>
  %dw_r1_0 = tensor.cast %dw_r1_0_f : tensor<?x?x?x?xf32> to tensor<1x7x7x5xf32>
  %dw_r1_1_e = tensor.empty() : tensor<3x3x5xf32>
  %dw_r1_1_d = tensor.cast %dw_r1_1_e : tensor<3x3x5xf32> to tensor<?x?x?xf32>
  %seed_dw_r1_1 = arith.constant 10 : index
  %dw_r1_1_f = call @fill3(%dw_r1_1_d, %seed_dw_r1_1) : (tensor<?x?x?xf32>, index) -> tensor<?x?x?xf32>
  %dw_r1_1 = tensor.cast %dw_r1_1_f : tensor<?x?x?xf32> to tensor<3x3x5xf32>
  %dw_r1_2_e = tensor.empty() : tensor<1x5x5x5xf32>
  %dw_r1_2_d = tensor.cast %dw_r1_2_e : tensor<1x5x5x5xf32> to tensor<?x?x?x?xf32>
  %seed_dw_r1_2 = arith.constant 11 : index
  %dw_r1_2_f = call @fill4(%dw_r1_2_d, %seed_dw_r1_2) : (tensor<?x?x?x?xf32>, index) -> tensor<?x?x?x?xf32>
  %dw_r1_2 = tensor.cast %dw_r1_2_f : tensor<?x?x?x?xf32> to tensor<1x5x5x5xf32>
  %dw_r1_r = call @dw_r1(%dw_r1_0, %dw_r1_1, %dw_r1_2) : (tensor<1x7x7x5xf32>, tensor<3x3x5xf32>, tensor<1x5x5x5xf32>) -> tensor<1x5x5x5xf32>
  %dw_r1_m = bufferization.to_buffer %dw_r1_r : tensor<1x5x5x5xf32> to memref<1x5x5x5xf32>
  %dw_r1_u = memref.cast %dw_r1_m : memref<1x5x5x5xf32> to memref<*xf32>
  call @printMemrefF32(%dw_r1_u) : (memref<*xf32>) -> ()
  %dw_r2_0_e = tensor.empty() : tensor<1x7x7x5xf32>
  %dw_r2_0_d = tensor.cast %dw_r2_0_e : tensor<1x7x7x5xf32> to tensor<?x?x?x?xf32>
  %seed_dw_r2_0 = arith.constant 12 : index
  %dw_r2_0_f = call @fill4(%dw_r2_0_d, %seed_dw_r2_0) : (tensor<?x?x?x?xf32>, index) -> tensor<?x?x?x?xf32>
  %dw_r2_0 = tensor.cast %dw_r2_0_f : tensor<?x?x?x?xf32> to tensor<1x7x7x5xf32>
  %dw_r2_1_e = tensor.empty() : tensor<3x3x5xf32>
  %dw_r2_1_d = tensor.cast %dw_r2_1_e : tensor<3x3x5xf32> to tensor<?x?x?xf32>
  %seed_dw_r2_1 = arith.constant 13 : index
  %dw_r2_1_f = call @fill3(%dw_r2_1_d, %seed_dw_r2_1) : (tensor<?x?x?xf32>, index) -> tensor<?x?x?xf32>
  %dw_r2_1 = tensor.cast %dw_r2_1_f : tensor<?x?x?xf32> to tensor<3x3x5xf32>
  %dw_r2_2_e = tensor.empty() : tensor<1x3x3x5xf32>
  %dw_r2_2_d = tensor.cast %dw_r2_2_e : tensor<1x3x3x5xf32> to tensor<?x?x?x?xf32>
  %seed_dw_r2_2 = arith.constant 14 : index
  %dw_r2_2_f = call @fill4(%dw_r2_2_d, %seed_dw_r2_2) : (tensor<?x?x?x?xf32>, index) -> tensor<?x?x?x?xf32>
  %dw_r2_2 = tensor.cast %dw_r2_2_f : tensor<?x?x?x?xf32> to tensor<1x3x3x5xf32>
  %dw_r2_r = call @dw_r2(%dw_r2_0, %dw_r2_1, %dw_r2_2) : (tensor<1x7x7x5xf32>, tensor<3x3x5xf32>, tensor<1x3x3x5xf32>) -> tensor<1x3x3x5xf32>
  %dw_r2_m = bufferization.to_buffer %dw_r2_r : tensor<1x3x3x5xf32> to memref<1x3x3x5xf32>
  %dw_r2_u = memref.cast %dw_r2_m : memref<1x3x3x5xf32> to memref<*xf32>
  call @printMemrefF32(%dw_r2_u) : (memref<*xf32>) -> ()
  %dw_r3_0_e = tensor.empty() : tensor<1x7x7x5xf32>
  %dw_r3_0_d = tensor.cast %dw_r3_0_e : tensor<1x7x7x5xf32> to tensor<?x?x?x?xf32>
  %seed_dw_r3_0 = arith.constant 15 : index
  %dw_r3_0_f = call @fill4(%dw_r3_0_d, %seed_dw_r3_0) : (tensor<?x?x?x?xf32>, index) -> tensor<?x?x?x?xf32>
  %dw_r3_0 = tensor.cast %dw_r3_0_f : tensor<?x?x?x?xf32> to tensor<1x7x7x5xf32>
  %dw_r3_1_e = tensor.empty() : tensor<3x3x5xf32>
  %dw_r3_1_d = tensor.cast %dw_r3_1_e : tensor<3x3x5xf32> to tensor<?x?x?xf32>
  %seed_dw_r3_1 = arith.constant 16 : index
  %dw_r3_1_f = call @fill3(%dw_r3_1_d, %seed_dw_r3_1) : (tensor<?x?x?xf32>, index) -> tensor<?x?x?xf32>
  %dw_r3_1 = tensor.cast %dw_r3_1_f : tensor<?x?x?xf32> to tensor<3x3x5xf32>
  %dw_r3_2_e = tensor.empty() : tensor<1x5x5x5xf32>
  %dw_r3_2_d = tensor.cast %dw_r3_2_e : tensor<1x5x5x5xf32> to tensor<?x?x?x?xf32>
  %seed_dw_r3_2 = arith.constant 17 : index
  %dw_r3_2_f = call @fill4(%dw_r3_2_d, %seed_dw_r3_2) : (tensor<?x?x?x?xf32>, index) -> tensor<?x?x?x?xf32>
  %dw_r3_2 = tensor.cast %dw_r3_2_f : tensor<?x?x?x?xf32> to tensor<1x5x5x5xf32>
  %dw_r3_r = call @dw_r3(%dw_r3_0, %dw_r3_1, %dw_r3_2) : (tensor<1x7x7x5xf32>, tensor<3x3x5xf32>, tensor<1x5x5x5xf32>) -> tensor<1x5x5x5xf32>
  %dw_r3_m = bufferization.to_buffer %dw_r3_r : tensor<1x5x5x5xf32> to memref<1x5x5x5xf32>
  %dw_r3_u = memref.cast %dw_r3_m : memref<1x5x5x5xf32> to memref<*xf32>
  call @printMemrefF32(%dw_r3_u) : (memref<*xf32>) -> ()
  %mm_k1_0_e = tensor.empty() : tensor<7x11xf32>
  %mm_k1_0_d = tensor.cast %mm_k1_0_e : tensor<7x11xf32> to tensor<?x?xf32>
  %seed_mm_k1_0 = arith.constant 18 : index
  %mm_k1_0_f = call @fill2(%mm_k1_0_d, %seed_mm_k1_0) : (tensor<?x?xf32>, index) -> tensor<?x?xf32>
  %mm_k1_0 = tensor.cast %mm_k1_0_f : tensor<?x?xf32> to tensor<7x11xf32>
  %mm_k1_1_e = tensor.empty() : tensor<11x6xf32>
  %mm_k1_1_d = tensor.cast %mm_k1_1_e : tensor<11x6xf32> to tensor<?x?xf32>
  %seed_mm_k1_1 = arith.constant 19 : index
  %mm_k1_1_f = call @fill2(%mm_k1_1_d, %seed_mm_k1_1) : (tensor<?x?xf32>, index) -> tensor<?x?xf32>
  %mm_k1_1 = tensor.cast %mm_k1_1_f : tensor<?x?xf32> to tensor<11x6xf32>
  %mm_k1_2_e = tensor.empty() : tensor<7x6xf32>
  %mm_k1_2_d = tensor.cast %mm_k1_2_e : tensor<7x6xf32> to tensor<?x?xf32>
  %seed_mm_k1_2 = arith.constant 20 : index
  %mm_k1_2_f = call @fill2(%mm_k1_2_d, %seed_mm_k1_2) : (tensor<?x?xf32>, index) -> tensor<?x?xf32>
  %mm_k1_2 = tensor.cast %mm_k1_2_f : tensor<?x?xf32> to tensor<7x6xf32>
  %mm_k1_r = call @mm_k1(%mm_k1_0, %mm_k1_1, %mm_k1_2) : (tensor<7x11xf32>, tensor<11x6xf32>, tensor<7x6xf32>) -> tensor<7x6xf32>
  %mm_k1_m = bufferization.to_buffer %mm_k1_r : tensor<7x6xf32> to memref<7x6xf32>
  %mm_k1_u = memref.cast %mm_k1_m : memref<7x6xf32> to memref<*xf32>
  call @printMemrefF32(%mm_k1_u) : (memref<*xf32>) -> ()
  %mm_k2_0_e = tensor.empty() : tensor<7x11xf32>
  %mm_k2_0_d = tensor.cast %mm_k2_0_e : tensor<7x11xf32> to tensor<?x?xf32>
  %seed_mm_k2_0 = arith.constant 21 : index
  %mm_k2_0_f = call @fill2(%mm_k2_0_d, %seed_mm_k2_0) : (tensor<?x?xf32>, index) -> tensor<?x?xf32>
  %mm_k2_0 = tensor.cast %mm_k2_0_f : tensor<?x?xf32> to tensor<7x11xf32>
  %mm_k2_1_e = tensor.empty() : tensor<11x6xf32>
  %mm_k2_1_d = tensor.cast %mm_k2_1_e : tensor<11x6xf32> to tensor<?x?xf32>
  %seed_mm_k2_1 = arith.constant 22 : index
  %mm_k2_1_f = call @fill2(%mm_k2_1_d, %seed_mm_k2_1) : (tensor<?x?xf32>, index) -> tensor<?x?xf32>
  %mm_k2_1 = tensor.cast %mm_k2_1_f : tensor<?x?xf32> to tensor<11x6xf32>
  %mm_k2_2_e = tensor.empty() : tensor<7x6xf32>
  %mm_k2_2_d = tensor.cast %mm_k2_2_e : tensor<7x6xf32> to tensor<?x?xf32>
  %seed_mm_k2_2 = arith.constant 23 : index
  %mm_k2_2_f = call @fill2(%mm_k2_2_d, %seed_mm_k2_2) : (tensor<?x?xf32>, index) -> tensor<?x?xf32>
  %mm_k2_2 = tensor.cast %mm_k2_2_f : tensor<?x?xf32> to tensor<7x6xf32>
  %mm_k2_r = call @mm_k2(%mm_k2_0, %mm_k2_1, %mm_k2_2) : (tensor<7x11xf32>, tensor<11x6xf32>, tensor<7x6xf32>) -> tensor<7x6xf32>
  %mm_k2_m = bufferization.to_buffer %mm_k2_r : tensor<7x6xf32> to memref<7x6xf32>
  %mm_k2_u = memref.cast %mm_k2_m : memref<7x6xf32> to memref<*xf32>
  call @printMemrefF32(%mm_k2_u) : (memref<*xf32>) -> ()
  %mm_k3_0_e = tensor.empty() : tensor<7x11xf32>
  %mm_k3_0_d = tensor.cast %mm_k3_0_e : tensor<7x11xf32> to tensor<?x?xf32>
  %seed_mm_k3_0 = arith.constant 24 : index
  %mm_k3_0_f = call @fill2(%mm_k3_0_d, %seed_mm_k3_0) : (tensor<?x?xf32>, index) -> tensor<?x?xf32>
  %mm_k3_0 = tensor.cast %mm_k3_0_f : tensor<?x?xf32> to tensor<7x11xf32>
  %mm_k3_1_e = tensor.empty() : tensor<11x6xf32>
  %mm_k3_1_d = tensor.cast %mm_k3_1_e : tensor<11x6xf32> to tensor<?x?xf32>
  %seed_mm_k3_1 = arith.constant 25 : index
  %mm_k3_1_f = call @fill2(%mm_k3_1_d, %seed_mm_k3_1) : (tensor<?x?xf32>, index) -> tensor<?x?xf32>
  %mm_k3_1 = tensor.cast %mm_k3_1_f : tensor<?x?xf32> to tensor<11x6xf32>
  %mm_k3_2_e = tensor.empty() : tensor<7x6xf32>
  %mm_k3_2_d = tensor.cast %mm_k3_2_e : tensor<7x6xf32> to tensor<?x?xf32>
  %seed_mm_k3_2 = arith.constant 26 : index
  %mm_k3_2_f = call @fill2(%mm_k3_2_d, %seed_mm_k3_2) : (tensor<?x?xf32>, index) -> tensor<?x?xf32>
  %mm_k3_2 = tensor.cast %mm_k3_2_f : tensor<?x?xf32> to tensor<7x6xf32>
  %mm_k3_r = call @mm_k3(%mm_k3_0, %mm_k3_1, %mm_k3_2) : (tensor<7x11xf32>, tensor<11x6xf32>, tensor<7x6xf32>) -> tensor<7x6xf32>
  %mm_k3_m = bufferization.to_buffer %mm_k3_r : tensor<7x6xf32> to memref<7x6xf32>
  %mm_k3_u = memref.cast %mm_k3_m : memref<7x6xf32> to memref<*xf32>
  call @printMemrefF32(%mm_k3_u) : (memref<*xf32>) -> ()
  return
}
