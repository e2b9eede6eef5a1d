// Execution check of --digamma-materialize on matmuls: the original IR and
// the materialized IR run through mlir-runner and print identical results,
// the materialized foralls with iterations run as if concurrent
// (--test-digamma-forall-isolation); the loops are checked against each
// mapping (--test-digamma-materialized-loop-order).
// Mappings have one to four levels, non-dividing tiles, batch loops,
// spatial reductions (partial-sum foralls) and a folded K dimension.
//
// REQUIRES: mlir-runner
// RUN: cat %s %S/Inputs/exec-fill.mlir > %t.input.mlir
// RUN: digamma-opt %t.input.mlir --one-shot-bufferize=bufferize-function-boundaries --scf-forall-to-for --convert-linalg-to-loops | %mlir_run_main > %t.reference
// RUN: digamma-opt %t.input.mlir --digamma-lower-to-loop-nest --digamma-materialize -o %t.tiled.mlir
// RUN: FileCheck %s --check-prefix=IR --input-file=%t.tiled.mlir
// RUN: digamma-opt %t.tiled.mlir --one-shot-bufferize=bufferize-function-boundaries --test-digamma-forall-isolation --convert-linalg-to-loops | %mlir_run_main > %t.materialized
// RUN: diff %t.reference %t.materialized
// RUN: digamma-opt %t.input.mlir --digamma-lower-to-loop-nest --test-digamma-materialized-loop-order -o /dev/null 2>&1 | FileCheck %s --check-prefix=ORDER
// RUN: FileCheck %s --input-file=%t.reference

// ORDER-COUNT-6: remark: loops follow the mapping:
// ORDER-NOT: remark

// Six results of the expected shapes; the first row of @mm_two_level was
// computed independently (Python, exact integers).
// CHECK: sizes = [7, 5]
// CHECK-NEXT: {{\[\[}}8, 2, -15, 1, -16],
// CHECK: sizes = [9, 11]
// CHECK: sizes = [2, 5, 6]
// CHECK: sizes = [6, 4]
// CHECK: sizes = [5, 3, 4]
// CHECK: sizes = [9, 7]
// CHECK-NOT: sizes

// The materialized form: one forall per level with its PE level; spatial
// reductions end in linalg.reduce; the tiled op keeps its loop nest and
// loses its mapping.
// IR-LABEL: func.func @mm_two_level
// IR-NOT: digamma.mapping
// IR: scf.for
// IR: scf.forall
// IR: scf.for
// IR: scf.for
// IR: linalg.fill
// IR: scf.forall
// IR: scf.for
// IR: linalg.matmul {digamma.loop_nest = #digamma.loop_nest<gemm
// IR: {mapping = [#digamma.pe_level<1>]}
// IR: linalg.reduce
// IR: {mapping = [#digamma.pe_level<0>]}
// IR-LABEL: func.func @mm_one_level
// IR-COUNT-1: {mapping = [#digamma.pe_level<0>]}
// IR-LABEL: func.func @bmm_three_level
// IR: {mapping = [#digamma.pe_level<2>]}
// IR: linalg.reduce
// IR: {mapping = [#digamma.pe_level<1>]}
// IR: {mapping = [#digamma.pe_level<0>]}
// IR-LABEL: func.func @mm_reduce_top
// IR: {mapping = [#digamma.pe_level<1>]}
// IR: {mapping = [#digamma.pe_level<0>]}
// IR: linalg.reduce
// IR-LABEL: func.func @contract_folded_k
// IR: scf.forall (%{{.*}}) = (0) to (3) step (2)
// IR: {mapping = [#digamma.pe_level<1>]}
// IR: {mapping = [#digamma.pe_level<0>]}
// IR-LABEL: func.func @mm_four_level
// IR: {mapping = [#digamma.pe_level<3>]}
// IR: {mapping = [#digamma.pe_level<2>]}
// IR: {mapping = [#digamma.pe_level<1>]}
// IR: linalg.reduce
// IR: {mapping = [#digamma.pe_level<0>]}
// IR-LABEL: func.func @main

// Two levels, non-dividing tiles everywhere; level 1 spreads the reduction
// dimension C (a partial-sum forall).
func.func @mm_two_level(%a: tensor<7x10xf32>, %b: tensor<10x5xf32>, %c: tensor<7x5xf32>) -> tensor<7x5xf32> {
  %0 = linalg.matmul {digamma.mapping = #digamma.mapping<levels = [
         #digamma.level<parallel = K, cluster = 1, order = [Y, K, C, X, R, S], tiles = [2, 4, 3, 1, 1, 1]>,
         #digamma.level<parallel = C, cluster = 2, order = [K, C, Y, X, R, S], tiles = [1, 3, 2, 1, 1, 1]>]>}
       ins(%a, %b : tensor<7x10xf32>, tensor<10x5xf32>) outs(%c : tensor<7x5xf32>) -> tensor<7x5xf32>
  return %0 : tensor<7x5xf32>
}

// One level: scf.for over C, the forall over Y (rows), scf.for over K.
func.func @mm_one_level(%a: tensor<9x6xf32>, %b: tensor<6x11xf32>, %c: tensor<9x11xf32>) -> tensor<9x11xf32> {
  %0 = linalg.matmul {digamma.mapping = #digamma.mapping<levels = [
         #digamma.level<parallel = Y, cluster = 1, order = [C, Y, K, X, R, S], tiles = [3, 4, 4, 1, 1, 1]>]>}
       ins(%a, %b : tensor<9x6xf32>, tensor<6x11xf32>) outs(%c : tensor<9x11xf32>) -> tensor<9x11xf32>
  return %0 : tensor<9x11xf32>
}

// Three levels on a batched matmul: the batch loop is tiled by 1 around
// everything; the innermost level spreads C.
func.func @bmm_three_level(%a: tensor<2x5x7xf32>, %b: tensor<2x7x6xf32>, %c: tensor<2x5x6xf32>) -> tensor<2x5x6xf32> {
  %0 = linalg.batch_matmul {digamma.mapping = #digamma.mapping<levels = [
         #digamma.level<parallel = K, cluster = 1, order = [Y, K, C, X, R, S], tiles = [4, 5, 3, 1, 1, 1]>,
         #digamma.level<parallel = Y, cluster = 2, order = [C, K, Y, X, R, S], tiles = [3, 2, 2, 1, 1, 1]>,
         #digamma.level<parallel = C, cluster = 2, order = [K, Y, C, X, R, S], tiles = [1, 1, 1, 1, 1, 1]>]>}
       ins(%a, %b : tensor<2x5x7xf32>, tensor<2x7x6xf32>) outs(%c : tensor<2x5x6xf32>) -> tensor<2x5x6xf32>
  return %0 : tensor<2x5x6xf32>
}

// The outermost level spreads the reduction C (13 = 5 + 5 + 3); level 1
// does not split Y, which gets no loop.
func.func @mm_reduce_top(%a: tensor<6x13xf32>, %b: tensor<13x4xf32>, %c: tensor<6x4xf32>) -> tensor<6x4xf32> {
  %0 = linalg.matmul {digamma.mapping = #digamma.mapping<levels = [
         #digamma.level<parallel = C, cluster = 1, order = [Y, C, K, X, R, S], tiles = [4, 5, 4, 1, 1, 1]>,
         #digamma.level<parallel = K, cluster = 3, order = [K, C, Y, X, R, S], tiles = [3, 2, 4, 1, 1, 1]>]>}
       ins(%a, %b : tensor<6x13xf32>, tensor<13x4xf32>) outs(%c : tensor<6x4xf32>) -> tensor<6x4xf32>
  return %0 : tensor<6x4xf32>
}

// A contraction with two N loops: canonical K = 3 x 4 folds both. Level 0's
// K tile 8 is n: 2 (a forall over n), n1: 4 (whole); level 1's K tile 3 is
// n: 1, n1: 3.
func.func @contract_folded_k(%a: tensor<5x6xf32>, %b: tensor<6x3x4xf32>, %c: tensor<5x3x4xf32>) -> tensor<5x3x4xf32> {
  %0 = linalg.generic {indexing_maps = [affine_map<(m, n1, n2, k) -> (m, k)>,
                                        affine_map<(m, n1, n2, k) -> (k, n1, n2)>,
                                        affine_map<(m, n1, n2, k) -> (m, n1, n2)>],
                       iterator_types = ["parallel", "parallel", "parallel", "reduction"]}
       {digamma.mapping = #digamma.mapping<levels = [
         #digamma.level<parallel = K, cluster = 1, order = [K, C, Y, X, R, S], tiles = [8, 6, 5, 1, 1, 1]>,
         #digamma.level<parallel = Y, cluster = 2, order = [C, Y, K, X, R, S], tiles = [3, 4, 2, 1, 1, 1]>]>}
       ins(%a, %b : tensor<5x6xf32>, tensor<6x3x4xf32>) outs(%c : tensor<5x3x4xf32>) {
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %p = arith.mulf %x, %y : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  } -> tensor<5x3x4xf32>
  return %0 : tensor<5x3x4xf32>
}

// Four levels, the most a mapping may have (the search produces up to 3).
func.func @mm_four_level(%a: tensor<9x10xf32>, %b: tensor<10x7xf32>, %c: tensor<9x7xf32>) -> tensor<9x7xf32> {
  %0 = linalg.matmul {digamma.mapping = #digamma.mapping<levels = [
         #digamma.level<parallel = K, cluster = 1, order = [Y, K, C, X, R, S], tiles = [6, 8, 7, 1, 1, 1]>,
         #digamma.level<parallel = C, cluster = 2, order = [K, C, Y, X, R, S], tiles = [4, 5, 5, 1, 1, 1]>,
         #digamma.level<parallel = Y, cluster = 2, order = [C, Y, K, X, R, S], tiles = [3, 2, 3, 1, 1, 1]>,
         #digamma.level<parallel = K, cluster = 2, order = [Y, K, C, X, R, S], tiles = [1, 1, 1, 1, 1, 1]>]>}
       ins(%a, %b : tensor<9x10xf32>, tensor<10x7xf32>) outs(%c : tensor<9x7xf32>) -> tensor<9x7xf32>
  return %0 : tensor<9x7xf32>
}

func.func @main() {
  %mm_two_level_0_e = tensor.empty() : tensor<7x10xf32>
  %mm_two_level_0_d = tensor.cast %mm_two_level_0_e : tensor<7x10xf32> to tensor<?x?xf32>
  %seed_mm_two_level_0 = arith.constant 0 : index
  %mm_two_level_0_f = call @fill2(%mm_two_level_0_d, %seed_mm_two_level_0) : (tensor<?x?xf32>, index) -> tensor<?x?xf32>
  %mm_two_level_0 = tensor.cast %mm_two_level_0_f : tensor<?x?xf32> to tensor<7x10xf32>
  %mm_two_level_1_e = tensor.empty() : tensor<10x5xf32>
  %mm_two_level_1_d = tensor.cast %mm_two_level_1_e : tensor<10x5xf32> to tensor<?x?xf32>
  %seed_mm_two_level_1 = arith.constant 1 : index
  %mm_two_level_1_f = call @fill2(%mm_two_level_1_d, %seed_mm_two_level_1) : (tensor<?x?xf32>, index) -> tensor<?x?xf32>
  %mm_two_level_1 = tensor.cast %mm_two_level_1_f : tensor<?x?xf32> to tensor<10x5xf32>
  %mm_two_level_2_e = tensor.empty() : tensor<7x5xf32>
  %mm_two_level_2_d = tensor.cast %mm_two_level_2_e : tensor<7x5xf32> to tensor<?x?xf32>
  %seed_mm_two_level_2 = arith.constant 2 : index
  %mm_two_level_2_f = call @fill2(%mm_two_level_2_d, %seed_mm_two_level_2) : (tensor<?x?xf32>, index) -> tensor<?x?xf32>
  %mm_two_level_2 = tensor.cast %mm_two_level_2_f : tensor<?x?xf32> to tensor<7x5xf32>
  %mm_two_level_r = call @mm_two_level(%mm_two_level_0, %mm_two_level_1, %mm_two_level_2) : (tensor<7x10xf32>, tensor<10x5xf32>, tensor<7x5xf32>) -> tensor<7x5xf32>
  %mm_two_level_m = bufferization.to_buffer %mm_two_level_r : tensor<7x5xf32> to memref<7x5xf32>
  %mm_two_level_u = memref.cast %mm_two_level_m : memref<7x5xf32> to memref<*xf32>
  call @printMemrefF32(%mm_two_level_u) : (memref<*xf32>) -> ()
  %mm_one_level_0_e = tensor.empty() : tensor<9x6xf32>
  %mm_one_level_0_d = tensor.cast %mm_one_level_0_e : tensor<9x6xf32> to tensor<?x?xf32>
  %seed_mm_one_level_0 = arith.constant 3 : index
  %mm_one_level_0_f = call @fill2(%mm_one_level_0_d, %seed_mm_one_level_0) : (tensor<?x?xf32>, index) -> tensor<?x?xf32>
  %mm_one_level_0 = tensor.cast %mm_one_level_0_f : tensor<?x?xf32> to tensor<9x6xf32>
  %mm_one_level_1_e = tensor.empty() : tensor<6x11xf32>
  %mm_one_level_1_d = tensor.cast %mm_one_level_1_e : tensor<6x11xf32> to tensor<?x?xf32>
  %seed_mm_one_level_1 = arith.constant 4 : index
  %mm_one_level_1_f = call @fill2(%mm_one_level_1_d, %seed_mm_one_level_1) : (tensor<?x?xf32>, index) -> tensor<?x?xf32>
  %mm_one_level_1 = tensor.cast %mm_one_level_1_f : tensor<?x?xf32> to tensor<6x11xf32>
  %mm_one_level_2_e = tensor.empty() : tensor<9x11xf32>
  %mm_one_level_2_d = tensor.cast %mm_one_level_2_e : tensor<9x11xf32> to tensor<?x?xf32>
  %seed_mm_one_level_2 = arith.constant 5 : index
  %mm_one_level_2_f = call @fill2(%mm_one_level_2_d, %seed_mm_one_level_2) : (tensor<?x?xf32>, index) -> tensor<?x?xf32>
  %mm_one_level_2 = tensor.cast %mm_one_level_2_f : tensor<?x?xf32> to tensor<9x11xf32>
  %mm_one_level_r = call @mm_one_level(%mm_one_level_0, %mm_one_level_1, %mm_one_level_2) : (tensor<9x6xf32>, tensor<6x11xf32>, tensor<9x11xf32>) -> tensor<9x11xf32>
  %mm_one_level_m = bufferization.to_buffer %mm_one_level_r : tensor<9x11xf32> to memref<9x11xf32>
  %mm_one_level_u = memref.cast %mm_one_level_m : memref<9x11xf32> to memref<*xf32>
  call @printMemrefF32(%mm_one_level_u) : (memref<*xf32>) -> ()
  %bmm_three_level_0_e = tensor.empty() : tensor<2x5x7xf32>
  %bmm_three_level_0_d = tensor.cast %bmm_three_level_0_e : tensor<2x5x7xf32> to tensor<?x?x?xf32>
  %seed_bmm_three_level_0 = arith.constant 6 : index
  %bmm_three_level_0_f = call @fill3(%bmm_three_level_0_d, %seed_bmm_three_level_0) : (tensor<?x?x?xf32>, index) -> tensor<?x?x?xf32>
  %bmm_three_level_0 = tensor.cast %bmm_three_level_0_f : tensor<?x?x?xf32> to tensor<2x5x7xf32>
  %bmm_three_level_1_e = tensor.empty() : tensor<2x7x6xf32>
  %bmm_three_level_1_d = tensor.cast %bmm_three_level_1_e : tensor<2x7x6xf32> to tensor<?x?x?xf32>
  %seed_bmm_three_level_1 = arith.constant 7 : index
  %bmm_three_level_1_f = call @fill3(%bmm_three_level_1_d, %seed_bmm_three_level_1) : (tensor<?x?x?xf32>, index) -> tensor<?x?x?xf32>
  %bmm_three_level_1 = tensor.cast %bmm_three_level_1_f : tensor<?x?x?xf32> to tensor<2x7x6xf32>
  %bmm_three_level_2_e = tensor.empty() : tensor<2x5x6xf32>
  %bmm_three_level_2_d = tensor.cast %bmm_three_level_2_e : tensor<2x5x6xf32> to tensor<?x?x?xf32>
  %seed_bmm_three_level_2 = arith.constant 8 : index
  %bmm_three_level_2_f = call @fill3(%bmm_three_level_2_d, %seed_bmm_three_level_2) : (tensor<?x?x?xf32>, index) -> tensor<?x?x?xf32>
  %bmm_three_level_2 = tensor.cast %bmm_three_level_2_f : tensor<?x?x?xf32> to tensor<2x5x6xf32>
  %bmm_three_level_r = call @bmm_three_level(%bmm_three_level_0, %bmm_three_level_1, %bmm_three_level_2) : (tensor<2x5x7xf32>, tensor<2x7x6xf32>, tensor<2x5x6xf32>) -> tensor<2x5x6xf32>
  %bmm_three_level_m = bufferization.to_buffer %bmm_three_level_r : tensor<2x5x6xf32> to memref<2x5x6xf32>
  %bmm_three_level_u = memref.cast %bmm_three_level_m : memref<2x5x6xf32> to memref<*xf32>
  call @printMemrefF32(%bmm_three_level_u) : (memref<*xf32>) -> ()
  %mm_reduce_top_0_e = tensor.empty() : tensor<6x13xf32>
  %mm_reduce_top_0_d = tensor.cast %mm_reduce_top_0_e : tensor<6x13xf32> to tensor<?x?xf32>
  %seed_mm_reduce_top_0 = arith.constant 9 : index
  %mm_reduce_top_0_f = call @fill2(%mm_reduce_top_0_d, %seed_mm_reduce_top_0) : (tensor<?x?xf32>, index) -> tensor<?x?xf32>
  %mm_reduce_top_0 = tensor.cast %mm_reduce_top_0_f : tensor<?x?xf32> to tensor<6x13xf32>
  %mm_reduce_top_1_e = tensor.empty() : tensor<13x4xf32>
  %mm_reduce_top_1_d = tensor.cast %mm_reduce_top_1_e : tensor<13x4xf32> to tensor<?x?xf32>
  %seed_mm_reduce_top_1 = arith.constant 10 : index
  %mm_reduce_top_1_f = call @fill2(%mm_reduce_top_1_d, %seed_mm_reduce_top_1) : (tensor<?x?xf32>, index) -> tensor<?x?xf32>
  %mm_reduce_top_1 = tensor.cast %mm_reduce_top_1_f : tensor<?x?xf32> to tensor<13x4xf32>
  %mm_reduce_top_2_e = tensor.empty() : tensor<6x4xf32>
  %mm_reduce_top_2_d = tensor.cast %mm_reduce_top_2_e : tensor<6x4xf32> to tensor<?x?xf32>
  %seed_mm_reduce_top_2 = arith.constant 11 : index
  %mm_reduce_top_2_f = call @fill2(%mm_reduce_top_2_d, %seed_mm_reduce_top_2) : (tensor<?x?xf32>, index) -> tensor<?x?xf32>
  %mm_reduce_top_2 = tensor.cast %mm_reduce_top_2_f : tensor<?x?xf32> to tensor<6x4xf32>
  %mm_reduce_top_r = call @mm_reduce_top(%mm_reduce_top_0, %mm_reduce_top_1, %mm_reduce_top_2) : (tensor<6x13xf32>, tensor<13x4xf32>, tensor<6x4xf32>) -> tensor<6x4xf32>
  %mm_reduce_top_m = bufferization.to_buffer %mm_reduce_top_r : tensor<6x4xf32> to memref<6x4xf32>
  %mm_reduce_top_u = memref.cast %mm_reduce_top_m : memref<6x4xf32> to memref<*xf32>
  call @printMemrefF32(%mm_reduce_top_u) : (memref<*xf32>) -> ()
  %contract_folded_k_0_e = tensor.empty() : tensor<5x6xf32>
  %contract_folded_k_0_d = tensor.cast %contract_folded_k_0_e : tensor<5x6xf32> to tensor<?x?xf32>
  %seed_contract_folded_k_0 = arith.constant 12 : index
  %contract_folded_k_0_f = call @fill2(%contract_folded_k_0_d, %seed_contract_folded_k_0) : (tensor<?x?xf32>, index) -> tensor<?x?xf32>
  %contract_folded_k_0 = tensor.cast %contract_folded_k_0_f : tensor<?x?xf32> to tensor<5x6xf32>
  %contract_folded_k_1_e = tensor.empty() : tensor<6x3x4xf32>
  %contract_folded_k_1_d = tensor.cast %contract_folded_k_1_e : tensor<6x3x4xf32> to tensor<?x?x?xf32>
  %seed_contract_folded_k_1 = arith.constant 13 : index
  %contract_folded_k_1_f = call @fill3(%contract_folded_k_1_d, %seed_contract_folded_k_1) : (tensor<?x?x?xf32>, index) -> tensor<?x?x?xf32>
  %contract_folded_k_1 = tensor.cast %contract_folded_k_1_f : tensor<?x?x?xf32> to tensor<6x3x4xf32>
  %contract_folded_k_2_e = tensor.empty() : tensor<5x3x4xf32>
  %contract_folded_k_2_d = tensor.cast %contract_folded_k_2_e : tensor<5x3x4xf32> to tensor<?x?x?xf32>
  %seed_contract_folded_k_2 = arith.constant 14 : index
  %contract_folded_k_2_f = call @fill3(%contract_folded_k_2_d, %seed_contract_folded_k_2) : (tensor<?x?x?xf32>, index) -> tensor<?x?x?xf32>
  %contract_folded_k_2 = tensor.cast %contract_folded_k_2_f : tensor<?x?x?xf32> to tensor<5x3x4xf32>
  %contract_folded_k_r = call @contract_folded_k(%contract_folded_k_0, %contract_folded_k_1, %contract_folded_k_2) : (tensor<5x6xf32>, tensor<6x3x4xf32>, tensor<5x3x4xf32>) -> tensor<5x3x4xf32>
  %contract_folded_k_m = bufferization.to_buffer %contract_folded_k_r : tensor<5x3x4xf32> to memref<5x3x4xf32>
  %contract_folded_k_u = memref.cast %contract_folded_k_m : memref<5x3x4xf32> to memref<*xf32>
  call @printMemrefF32(%contract_folded_k_u) : (memref<*xf32>) -> ()
  %mm_four_level_0_e = tensor.empty() : tensor<9x10xf32>
  %mm_four_level_0_d = tensor.cast %mm_four_level_0_e : tensor<9x10xf32> to tensor<?x?xf32>
  %seed_mm_four_level_0 = arith.constant 15 : index
  %mm_four_level_0_f = call @fill2(%mm_four_level_0_d, %seed_mm_four_level_0) : (tensor<?x?xf32>, index) -> tensor<?x?xf32>
  %mm_four_level_0 = tensor.cast %mm_four_level_0_f : tensor<?x?xf32> to tensor<9x10xf32>
  %mm_four_level_1_e = tensor.empty() : tensor<10x7xf32>
  %mm_four_level_1_d = tensor.cast %mm_four_level_1_e : tensor<10x7xf32> to tensor<?x?xf32>
  %seed_mm_four_level_1 = arith.constant 16 : index
  %mm_four_level_1_f = call @fill2(%mm_four_level_1_d, %seed_mm_four_level_1) : (tensor<?x?xf32>, index) -> tensor<?x?xf32>
  %mm_four_level_1 = tensor.cast %mm_four_level_1_f : tensor<?x?xf32> to tensor<10x7xf32>
  %mm_four_level_2_e = tensor.empty() : tensor<9x7xf32>
  %mm_four_level_2_d = tensor.cast %mm_four_level_2_e : tensor<9x7xf32> to tensor<?x?xf32>
  %seed_mm_four_level_2 = arith.constant 17 : index
  %mm_four_level_2_f = call @fill2(%mm_four_level_2_d, %seed_mm_four_level_2) : (tensor<?x?xf32>, index) -> tensor<?x?xf32>
  %mm_four_level_2 = tensor.cast %mm_four_level_2_f : tensor<?x?xf32> to tensor<9x7xf32>
  %mm_four_level_r = call @mm_four_level(%mm_four_level_0, %mm_four_level_1, %mm_four_level_2) : (tensor<9x10xf32>, tensor<10x7xf32>, tensor<9x7xf32>) -> tensor<9x7xf32>
  %mm_four_level_m = bufferization.to_buffer %mm_four_level_r : tensor<9x7xf32> to memref<9x7xf32>
  %mm_four_level_u = memref.cast %mm_four_level_m : memref<9x7xf32> to memref<*xf32>
  call @printMemrefF32(%mm_four_level_u) : (memref<*xf32>) -> ()
  return
}
