// Execution check of --digamma-materialize on convolutions: strided and
// dilated, NCHW and NHWC, depthwise (with and without a channel
// multiplier), grouped and 3-D; mappings of two and three levels with
// non-dividing tiles and spatial reductions over C, R and S. The original
// IR and the materialized IR run through mlir-runner and print identical
// results; the materialized foralls run as if their iterations were
// concurrent (--test-digamma-forall-isolation), and the loops are checked
// against each mapping (--test-digamma-materialized-loop-order).
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

// CHECK: sizes = [2, 5, 5, 5]
// CHECK: sizes = [1, 6, 4, 6]
// CHECK: sizes = [1, 4, 4, 5]
// CHECK: sizes = [1, 4, 4, 3, 2]
// CHECK: sizes = [1, 2, 4, 5, 5]
// CHECK: sizes = [1, 3, 4, 4, 3]
// CHECK-NOT: sizes

// IR-LABEL: func.func @conv_strided
// The batch loop, then level 0: K (scf.for), Y (forall), C (scf.for).
// IR: scf.for %{{.*}} = %{{.*}} to %{{.*}} step %c1
// IR: scf.for
// IR: scf.forall (%{{.*}}) = (0) to (5) step (2)
// IR: linalg.conv_2d_nchw_fchw {digamma.loop_nest = #digamma.loop_nest<conv
// IR-NOT: digamma.mapping
// IR: {mapping = [#digamma.pe_level<1>]}
// IR: {mapping = [#digamma.pe_level<0>]}
// IR-LABEL: func.func @conv_nhwc_three_level
// IR: {mapping = [#digamma.pe_level<2>]}
// IR: {mapping = [#digamma.pe_level<1>]}
// IR: linalg.reduce
// IR: {mapping = [#digamma.pe_level<0>]}
// IR-LABEL: func.func @depthwise
// IR-NOT: linalg.reduce
// IR: {mapping = [#digamma.pe_level<1>]}
// IR: {mapping = [#digamma.pe_level<0>]}
// IR-LABEL: func.func @depthwise_multiplier
// IR: {mapping = [#digamma.pe_level<1>, #digamma.pe_level<1>]}
// IR: {mapping = [#digamma.pe_level<0>]}
// IR-LABEL: func.func @grouped
// IR: {mapping = [#digamma.pe_level<1>]}
// IR: linalg.reduce
// IR: {mapping = [#digamma.pe_level<0>]}
// IR-LABEL: func.func @conv3d
// IR: scf.forall (%{{.*}}) in (2)
// IR: {mapping = [#digamma.pe_level<1>]}
// IR: {mapping = [#digamma.pe_level<0>]}
// IR: linalg.reduce
// IR-LABEL: func.func @main

// Stride 2 with a batch of 2: the batch loop is tiled by 1; level 0 spreads
// output rows (5 = 2 + 2 + 1), level 1 output channels.
func.func @conv_strided(%x: tensor<2x3x11x11xf32>, %w: tensor<5x3x3x3xf32>, %o: tensor<2x5x5x5xf32>) -> tensor<2x5x5x5xf32> {
  %0 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>,
         digamma.mapping = #digamma.mapping<levels = [
           #digamma.level<parallel = Y, cluster = 1, order = [K, Y, C, X, R, S], tiles = [3, 2, 2, 5, 3, 3]>,
           #digamma.level<parallel = K, cluster = 3, order = [C, K, X, S, Y, R], tiles = [1, 1, 2, 3, 3, 1]>]>}
       ins(%x, %w : tensor<2x3x11x11xf32>, tensor<5x3x3x3xf32>) outs(%o : tensor<2x5x5x5xf32>) -> tensor<2x5x5x5xf32>
  return %0 : tensor<2x5x5x5xf32>
}

// Three levels, strides [1, 2] and dilations [2, 1]; level 1 spreads the
// filter rows R (a partial-sum forall).
func.func @conv_nhwc_three_level(%x: tensor<1x10x9x4xf32>, %w: tensor<3x2x4x6xf32>, %o: tensor<1x6x4x6xf32>) -> tensor<1x6x4x6xf32> {
  %0 = linalg.conv_2d_nhwc_hwcf {dilations = dense<[2, 1]> : tensor<2xi64>, strides = dense<[1, 2]> : tensor<2xi64>,
         digamma.mapping = #digamma.mapping<levels = [
           #digamma.level<parallel = X, cluster = 1, order = [Y, X, K, C, R, S], tiles = [6, 4, 4, 3, 3, 2]>,
           #digamma.level<parallel = R, cluster = 2, order = [K, R, C, Y, X, S], tiles = [4, 3, 3, 2, 2, 2]>,
           #digamma.level<parallel = K, cluster = 4, order = [S, K, C, R, Y, X], tiles = [1, 3, 1, 1, 1, 1]>]>}
       ins(%x, %w : tensor<1x10x9x4xf32>, tensor<3x2x4x6xf32>) outs(%o : tensor<1x6x4x6xf32>) -> tensor<1x6x4x6xf32>
  return %0 : tensor<1x6x4x6xf32>
}

// Depthwise, stride 2: the channels (C, parallel in linalg) are spread by a
// plain forall.
func.func @depthwise(%x: tensor<1x9x9x5xf32>, %w: tensor<3x3x5xf32>, %o: tensor<1x4x4x5xf32>) -> tensor<1x4x4x5xf32> {
  %0 = linalg.depthwise_conv_2d_nhwc_hwc {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>,
         digamma.mapping = #digamma.mapping<levels = [
           #digamma.level<parallel = C, cluster = 1, order = [C, Y, X, R, S, K], tiles = [1, 2, 3, 4, 3, 3]>,
           #digamma.level<parallel = X, cluster = 2, order = [Y, X, C, R, S, K], tiles = [1, 1, 1, 3, 1, 3]>]>}
       ins(%x, %w : tensor<1x9x9x5xf32>, tensor<3x3x5xf32>) outs(%o : tensor<1x4x4x5xf32>) -> tensor<1x4x4x5xf32>
  return %0 : tensor<1x4x4x5xf32>
}

// Depthwise with a channel multiplier: C folds channels (3) x multiplier
// (2). Level 0's C tile 4 is c: 2, m: 2; level 1's C tile 1 is a forall
// over both loops.
func.func @depthwise_multiplier(%x: tensor<1x6x6x3xf32>, %w: tensor<3x3x3x2xf32>, %o: tensor<1x4x4x3x2xf32>) -> tensor<1x4x4x3x2xf32> {
  %0 = linalg.depthwise_conv_2d_nhwc_hwcm {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>,
         digamma.mapping = #digamma.mapping<levels = [
           #digamma.level<parallel = C, cluster = 1, order = [Y, C, X, R, S, K], tiles = [1, 4, 3, 4, 3, 3]>,
           #digamma.level<parallel = C, cluster = 2, order = [X, C, Y, S, R, K], tiles = [1, 1, 2, 2, 3, 1]>]>}
       ins(%x, %w : tensor<1x6x6x3xf32>, tensor<3x3x3x2xf32>) outs(%o : tensor<1x4x4x3x2xf32>) -> tensor<1x4x4x3x2xf32>
  return %0 : tensor<1x4x4x3x2xf32>
}

// Grouped: the group loop (role G, folded into N) is tiled by 1; level 1
// spreads the filter columns S (a partial-sum forall).
func.func @grouped(%x: tensor<1x2x3x7x7xf32>, %w: tensor<2x4x3x3x3xf32>, %o: tensor<1x2x4x5x5xf32>) -> tensor<1x2x4x5x5xf32> {
  %0 = linalg.conv_2d_ngchw_gfchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>,
         digamma.mapping = #digamma.mapping<levels = [
           #digamma.level<parallel = K, cluster = 1, order = [X, K, C, Y, R, S], tiles = [3, 3, 5, 2, 3, 3]>,
           #digamma.level<parallel = S, cluster = 2, order = [K, C, S, Y, X, R], tiles = [2, 2, 4, 2, 2, 2]>]>}
       ins(%x, %w : tensor<1x2x3x7x7xf32>, tensor<2x4x3x3x3xf32>) outs(%o : tensor<1x2x4x5x5xf32>) -> tensor<1x2x4x5x5xf32>
  return %0 : tensor<1x2x4x5x5xf32>
}

// 3-D: the output depth (role N) is tiled by 1 and C folds the filter depth
// (2) x channels (2). Level 0's C tile 3 is kd: 1, c: 2 (the largest
// rectangle within 3): a partial-sum forall over kd.
func.func @conv3d(%x: tensor<1x4x5x5x2xf32>, %w: tensor<2x2x2x2x3xf32>, %o: tensor<1x3x4x4x3xf32>) -> tensor<1x3x4x4x3xf32> {
  %0 = linalg.conv_3d_ndhwc_dhwcf {dilations = dense<1> : tensor<3xi64>, strides = dense<1> : tensor<3xi64>,
         digamma.mapping = #digamma.mapping<levels = [
           #digamma.level<parallel = C, cluster = 1, order = [Y, C, K, X, R, S], tiles = [3, 3, 3, 4, 2, 2]>,
           #digamma.level<parallel = K, cluster = 2, order = [C, R, K, Y, X, S], tiles = [2, 1, 2, 2, 1, 2]>]>}
       ins(%x, %w : tensor<1x4x5x5x2xf32>, tensor<2x2x2x2x3xf32>) outs(%o : tensor<1x3x4x4x3xf32>) -> tensor<1x3x4x4x3xf32>
  return %0 : tensor<1x3x4x4x3xf32>
}

func.func @main() {
  %conv_strided_0_e = tensor.empty() : tensor<2x3x11x11xf32>
  %conv_strided_0_d = tensor.cast %conv_strided_0_e : tensor<2x3x11x11xf32> to tensor<?x?x?x?xf32>
  %seed_conv_strided_0 = arith.constant 0 : index
  %conv_strided_0_f = call @fill4(%conv_strided_0_d, %seed_conv_strided_0) : (tensor<?x?x?x?xf32>, index) -> tensor<?x?x?x?xf32>
  %conv_strided_0 = tensor.cast %conv_strided_0_f : tensor<?x?x?x?xf32> to tensor<2x3x11x11xf32>
  %conv_strided_1_e = tensor.empty() : tensor<5x3x3x3xf32>
  %conv_strided_1_d = tensor.cast %conv_strided_1_e : tensor<5x3x3x3xf32> to tensor<?x?x?x?xf32>
  %seed_conv_strided_1 = arith.constant 1 : index
  %conv_strided_1_f = call @fill4(%conv_strided_1_d, %seed_conv_strided_1) : (tensor<?x?x?x?xf32>, index) -> tensor<?x?x?x?xf32>
  %conv_strided_1 = tensor.cast %conv_strided_1_f : tensor<?x?x?x?xf32> to tensor<5x3x3x3xf32>
  %conv_strided_2_e = tensor.empty() : tensor<2x5x5x5xf32>
  %conv_strided_2_d = tensor.cast %conv_strided_2_e : tensor<2x5x5x5xf32> to tensor<?x?x?x?xf32>
  %seed_conv_strided_2 = arith.constant 2 : index
  %conv_strided_2_f = call @fill4(%conv_strided_2_d, %seed_conv_strided_2) : (tensor<?x?x?x?xf32>, index) -> tensor<?x?x?x?xf32>
  %conv_strided_2 = tensor.cast %conv_strided_2_f : tensor<?x?x?x?xf32> to tensor<2x5x5x5xf32>
  %conv_strided_r = call @conv_strided(%conv_strided_0, %conv_strided_1, %conv_strided_2) : (tensor<2x3x11x11xf32>, tensor<5x3x3x3xf32>, tensor<2x5x5x5xf32>) -> tensor<2x5x5x5xf32>
  %conv_strided_m = bufferization.to_buffer %conv_strided_r : tensor<2x5x5x5xf32> to memref<2x5x5x5xf32>
  %conv_strided_u = memref.cast %conv_strided_m : memref<2x5x5x5xf32> to memref<*xf32>
  call @printMemrefF32(%conv_strided_u) : (memref<*xf32>) -> ()
  %conv_nhwc_three_level_0_e = tensor.empty() : tensor<1x10x9x4xf32>
  %conv_nhwc_three_level_0_d = tensor.cast %conv_nhwc_three_level_0_e : tensor<1x10x9x4xf32> to tensor<?x?x?x?xf32>
  %seed_conv_nhwc_three_level_0 = arith.constant 3 : index
  %conv_nhwc_three_level_0_f = call @fill4(%conv_nhwc_three_level_0_d, %seed_conv_nhwc_three_level_0) : (tensor<?x?x?x?xf32>, index) -> tensor<?x?x?x?xf32>
  %conv_nhwc_three_level_0 = tensor.cast %conv_nhwc_three_level_0_f : tensor<?x?x?x?xf32> to tensor<1x10x9x4xf32>
  %conv_nhwc_three_level_1_e = tensor.empty() : tensor<3x2x4x6xf32>
  %conv_nhwc_three_level_1_d = tensor.cast %conv_nhwc_three_level_1_e : tensor<3x2x4x6xf32> to tensor<?x?x?x?xf32>
  %seed_conv_nhwc_three_level_1 = arith.constant 4 : index
  %conv_nhwc_three_level_1_f = call @fill4(%conv_nhwc_three_level_1_d, %seed_conv_nhwc_three_level_1) : (tensor<?x?x?x?xf32>, index) -> tensor<?x?x?x?xf32>
  %conv_nhwc_three_level_1 = tensor.cast %conv_nhwc_three_level_1_f : tensor<?x?x?x?xf32> to tensor<3x2x4x6xf32>
  %conv_nhwc_three_level_2_e = tensor.empty() : tensor<1x6x4x6xf32>
  %conv_nhwc_three_level_2_d = tensor.cast %conv_nhwc_three_level_2_e : tensor<1x6x4x6xf32> to tensor<?x?x?x?xf32>
  %seed_conv_nhwc_three_level_2 = arith.constant 5 : index
  %conv_nhwc_three_level_2_f = call @fill4(%conv_nhwc_three_level_2_d, %seed_conv_nhwc_three_level_2) : (tensor<?x?x?x?xf32>, index) -> tensor<?x?x?x?xf32>
  %conv_nhwc_three_level_2 = tensor.cast %conv_nhwc_three_level_2_f : tensor<?x?x?x?xf32> to tensor<1x6x4x6xf32>
  %conv_nhwc_three_level_r = call @conv_nhwc_three_level(%conv_nhwc_three_level_0, %conv_nhwc_three_level_1, %conv_nhwc_three_level_2) : (tensor<1x10x9x4xf32>, tensor<3x2x4x6xf32>, tensor<1x6x4x6xf32>) -> tensor<1x6x4x6xf32>
  %conv_nhwc_three_level_m = bufferization.to_buffer %conv_nhwc_three_level_r : tensor<1x6x4x6xf32> to memref<1x6x4x6xf32>
  %conv_nhwc_three_level_u = memref.cast %conv_nhwc_three_level_m : memref<1x6x4x6xf32> to memref<*xf32>
  call @printMemrefF32(%conv_nhwc_three_level_u) : (memref<*xf32>) -> ()
  %depthwise_0_e = tensor.empty() : tensor<1x9x9x5xf32>
  %depthwise_0_d = tensor.cast %depthwise_0_e : tensor<1x9x9x5xf32> to tensor<?x?x?x?xf32>
  %seed_depthwise_0 = arith.constant 6 : index
  %depthwise_0_f = call @fill4(%depthwise_0_d, %seed_depthwise_0) : (tensor<?x?x?x?xf32>, index) -> tensor<?x?x?x?xf32>
  %depthwise_0 = tensor.cast %depthwise_0_f : tensor<?x?x?x?xf32> to tensor<1x9x9x5xf32>
  %depthwise_1_e = tensor.empty() : tensor<3x3x5xf32>
  %depthwise_1_d = tensor.cast %depthwise_1_e : tensor<3x3x5xf32> to tensor<?x?x?xf32>
  %seed_depthwise_1 = arith.constant 7 : index
  %depthwise_1_f = call @fill3(%depthwise_1_d, %seed_depthwise_1) : (tensor<?x?x?xf32>, index) -> tensor<?x?x?xf32>
  %depthwise_1 = tensor.cast %depthwise_1_f : tensor<?x?x?xf32> to tensor<3x3x5xf32>
  %depthwise_2_e = tensor.empty() : tensor<1x4x4x5xf32>
  %depthwise_2_d = tensor.cast %depthwise_2_e : tensor<1x4x4x5xf32> to tensor<?x?x?x?xf32>
  %seed_depthwise_2 = arith.constant 8 : index
  %depthwise_2_f = call @fill4(%depthwise_2_d, %seed_depthwise_2) : (tensor<?x?x?x?xf32>, index) -> tensor<?x?x?x?xf32>
  %depthwise_2 = tensor.cast %depthwise_2_f : tensor<?x?x?x?xf32> to tensor<1x4x4x5xf32>
  %depthwise_r = call @depthwise(%depthwise_0, %depthwise_1, %depthwise_2) : (tensor<1x9x9x5xf32>, tensor<3x3x5xf32>, tensor<1x4x4x5xf32>) -> tensor<1x4x4x5xf32>
  %depthwise_m = bufferization.to_buffer %depthwise_r : tensor<1x4x4x5xf32> to memref<1x4x4x5xf32>
  %depthwise_u = memref.cast %depthwise_m : memref<1x4x4x5xf32> to memref<*xf32>
  call @printMemrefF32(%depthwise_u) : (memref<*xf32>) -> ()
  %depthwise_multiplier_0_e = tensor.empty() : tensor<1x6x6x3xf32>
  %depthwise_multiplier_0_d = tensor.cast %depthwise_multiplier_0_e : tensor<1x6x6x3xf32> to tensor<?x?x?x?xf32>
  %seed_depthwise_multiplier_0 = arith.constant 9 : index
  %depthwise_multiplier_0_f = call @fill4(%depthwise_multiplier_0_d, %seed_depthwise_multiplier_0) : (tensor<?x?x?x?xf32>, index) -> tensor<?x?x?x?xf32>
  %depthwise_multiplier_0 = tensor.cast %depthwise_multiplier_0_f : tensor<?x?x?x?xf32> to tensor<1x6x6x3xf32>
  %depthwise_multiplier_1_e = tensor.empty() : tensor<3x3x3x2xf32>
  %depthwise_multiplier_1_d = tensor.cast %depthwise_multiplier_1_e : tensor<3x3x3x2xf32> to tensor<?x?x?x?xf32>
  %seed_depthwise_multiplier_1 = arith.constant 10 : index
  %depthwise_multiplier_1_f = call @fill4(%depthwise_multiplier_1_d, %seed_depthwise_multiplier_1) : (tensor<?x?x?x?xf32>, index) -> tensor<?x?x?x?xf32>
  %depthwise_multiplier_1 = tensor.cast %depthwise_multiplier_1_f : tensor<?x?x?x?xf32> to tensor<3x3x3x2xf32>
  %depthwise_multiplier_2_e = tensor.empty() : tensor<1x4x4x3x2xf32>
  %depthwise_multiplier_2_d = tensor.cast %depthwise_multiplier_2_e : tensor<1x4x4x3x2xf32> to tensor<?x?x?x?x?xf32>
  %seed_depthwise_multiplier_2 = arith.constant 11 : index
  %depthwise_multiplier_2_f = call @fill5(%depthwise_multiplier_2_d, %seed_depthwise_multiplier_2) : (tensor<?x?x?x?x?xf32>, index) -> tensor<?x?x?x?x?xf32>
  %depthwise_multiplier_2 = tensor.cast %depthwise_multiplier_2_f : tensor<?x?x?x?x?xf32> to tensor<1x4x4x3x2xf32>
  %depthwise_multiplier_r = call @depthwise_multiplier(%depthwise_multiplier_0, %depthwise_multiplier_1, %depthwise_multiplier_2) : (tensor<1x6x6x3xf32>, tensor<3x3x3x2xf32>, tensor<1x4x4x3x2xf32>) -> tensor<1x4x4x3x2xf32>
  %depthwise_multiplier_m = bufferization.to_buffer %depthwise_multiplier_r : tensor<1x4x4x3x2xf32> to memref<1x4x4x3x2xf32>
  %depthwise_multiplier_u = memref.cast %depthwise_multiplier_m : memref<1x4x4x3x2xf32> to memref<*xf32>
  call @printMemrefF32(%depthwise_multiplier_u) : (memref<*xf32>) -> ()
  %grouped_0_e = tensor.empty() : tensor<1x2x3x7x7xf32>
  %grouped_0_d = tensor.cast %grouped_0_e : tensor<1x2x3x7x7xf32> to tensor<?x?x?x?x?xf32>
  %seed_grouped_0 = arith.constant 12 : index
  %grouped_0_f = call @fill5(%grouped_0_d, %seed_grouped_0) : (tensor<?x?x?x?x?xf32>, index) -> tensor<?x?x?x?x?xf32>
  %grouped_0 = tensor.cast %grouped_0_f : tensor<?x?x?x?x?xf32> to tensor<1x2x3x7x7xf32>
  %grouped_1_e = tensor.empty() : tensor<2x4x3x3x3xf32>
  %grouped_1_d = tensor.cast %grouped_1_e : tensor<2x4x3x3x3xf32> to tensor<?x?x?x?x?xf32>
  %seed_grouped_1 = arith.constant 13 : index
  %grouped_1_f = call @fill5(%grouped_1_d, %seed_grouped_1) : (tensor<?x?x?x?x?xf32>, index) -> tensor<?x?x?x?x?xf32>
  %grouped_1 = tensor.cast %grouped_1_f : tensor<?x?x?x?x?xf32> to tensor<2x4x3x3x3xf32>
  %grouped_2_e = tensor.empty() : tensor<1x2x4x5x5xf32>
  %grouped_2_d = tensor.cast %grouped_2_e : tensor<1x2x4x5x5xf32> to tensor<?x?x?x?x?xf32>
  %seed_grouped_2 = arith.constant 14 : index
  %grouped_2_f = call @fill5(%grouped_2_d, %seed_grouped_2) : (tensor<?x?x?x?x?xf32>, index) -> tensor<?x?x?x?x?xf32>
  %grouped_2 = tensor.cast %grouped_2_f : tensor<?x?x?x?x?xf32> to tensor<1x2x4x5x5xf32>
  %grouped_r = call @grouped(%grouped_0, %grouped_1, %grouped_2) : (tensor<1x2x3x7x7xf32>, tensor<2x4x3x3x3xf32>, tensor<1x2x4x5x5xf32>) -> tensor<1x2x4x5x5xf32>
  %grouped_m = bufferization.to_buffer %grouped_r : tensor<1x2x4x5x5xf32> to memref<1x2x4x5x5xf32>
  %grouped_u = memref.cast %grouped_m : memref<1x2x4x5x5xf32> to memref<*xf32>
  call @printMemrefF32(%grouped_u) : (memref<*xf32>) -> ()
  %conv3d_0_e = tensor.empty() : tensor<1x4x5x5x2xf32>
  %conv3d_0_d = tensor.cast %conv3d_0_e : tensor<1x4x5x5x2xf32> to tensor<?x?x?x?x?xf32>
  %seed_conv3d_0 = arith.constant 15 : index
  %conv3d_0_f = call @fill5(%conv3d_0_d, %seed_conv3d_0) : (tensor<?x?x?x?x?xf32>, index) -> tensor<?x?x?x?x?xf32>
  %conv3d_0 = tensor.cast %conv3d_0_f : tensor<?x?x?x?x?xf32> to tensor<1x4x5x5x2xf32>
  %conv3d_1_e = tensor.empty() : tensor<2x2x2x2x3xf32>
  %conv3d_1_d = tensor.cast %conv3d_1_e : tensor<2x2x2x2x3xf32> to tensor<?x?x?x?x?xf32>
  %seed_conv3d_1 = arith.constant 16 : index
  %conv3d_1_f = call @fill5(%conv3d_1_d, %seed_conv3d_1) : (tensor<?x?x?x?x?xf32>, index) -> tensor<?x?x?x?x?xf32>
  %conv3d_1 = tensor.cast %conv3d_1_f : tensor<?x?x?x?x?xf32> to tensor<2x2x2x2x3xf32>
  %conv3d_2_e = tensor.empty() : tensor<1x3x4x4x3xf32>
  %conv3d_2_d = tensor.cast %conv3d_2_e : tensor<1x3x4x4x3xf32> to tensor<?x?x?x?x?xf32>
  %seed_conv3d_2 = arith.constant 17 : index
  %conv3d_2_f = call @fill5(%conv3d_2_d, %seed_conv3d_2) : (tensor<?x?x?x?x?xf32>, index) -> tensor<?x?x?x?x?xf32>
  %conv3d_2 = tensor.cast %conv3d_2_f : tensor<?x?x?x?x?xf32> to tensor<1x3x4x4x3xf32>
  %conv3d_r = call @conv3d(%conv3d_0, %conv3d_1, %conv3d_2) : (tensor<1x4x5x5x2xf32>, tensor<2x2x2x2x3xf32>, tensor<1x3x4x4x3xf32>) -> tensor<1x3x4x4x3xf32>
  %conv3d_m = bufferization.to_buffer %conv3d_r : tensor<1x3x4x4x3xf32> to memref<1x3x4x4x3xf32>
  %conv3d_u = memref.cast %conv3d_m : memref<1x3x4x4x3xf32> to memref<*xf32>
  call @printMemrefF32(%conv3d_u) : (memref<*xf32>) -> ()
  return
}
