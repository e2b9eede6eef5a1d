// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-materialize --canonicalize --cse | FileCheck %s
//
// A second run finds no mapping and changes nothing.
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-materialize -o %t.once.mlir
// RUN: digamma-opt %t.once.mlir --digamma-materialize | diff - %t.once.mlir

// The edge-tile size of @strided_conv's rows.
// CHECK-DAG: #[[EDGE:.*]] = affine_map<(d0) -> (-d0 + 5, 2)>

// Level 0 spreads K over its units (64 = 4 x 16); level 1 keeps K, C and Y
// in one tile each but still has its forall (one iteration, kept by the
// mapping); C (32 = 4 x 8) is an scf.for inside the level-0 forall. The
// tiled op keeps the loop nest, hardware and cost, not the mapping.
// CHECK-LABEL: func.func @matmul
// CHECK: %[[F0:.*]] = scf.forall (%[[K:.*]]) = (0) to (64) step (16) shared_outs(%{{.*}} = %{{.*}}) -> (tensor<8x64xf32>)
// CHECK: scf.for %{{.*}} = %c0 to %c32 step %c8 iter_args(%{{.*}}) -> (tensor<8x16xf32>)
// CHECK: scf.forall (%{{.*}}) = (0) to (8) step (8) shared_outs(%{{.*}}) -> (tensor<8x16xf32>)
// CHECK: linalg.matmul
// CHECK-SAME: digamma.cost = #digamma.cost<cycles = 1024
// CHECK-SAME: digamma.hw = #digamma.hw<num_pes = 16
// CHECK-SAME: digamma.loop_nest = #digamma.loop_nest<gemm
// CHECK-NOT: digamma.mapping
// CHECK-SAME: ins(%{{.*}}, %{{.*}} : tensor<8x8xf32>, tensor<8x16xf32>)
// CHECK: } {mapping = [#digamma.pe_level<1>]}
// CHECK: } {mapping = [#digamma.pe_level<0>]}
// CHECK: return %[[F0]]
func.func @matmul(%a: tensor<8x32xf32>, %b: tensor<32x64xf32>, %c: tensor<8x64xf32>) -> tensor<8x64xf32> {
  %0 = linalg.matmul {digamma.cost = #digamma.cost<cycles = 1024, macs = 16384, energy_nj = 10.0, area_um2 = 5000.0, l1_bytes = 24, l2_bytes = 4096, utilization = 1.0>,
                      digamma.hw = #digamma.hw<num_pes = 16, cluster_sizes = [4, 4], l1_bytes = 24, l2_bytes = 4096, noc_bandwidth = 64, offchip_bandwidth = 16, area_um2 = 5000.0, element_bytes = 4>,
                      digamma.mapping = #digamma.mapping<levels = [
                        #digamma.level<parallel = K, cluster = 1, order = [K, C, Y, X, R, S], tiles = [16, 32, 8, 1, 1, 1]>,
                        #digamma.level<parallel = Y, cluster = 4, order = [C, Y, K, X, R, S], tiles = [16, 8, 8, 1, 1, 1]>]>}
       ins(%a, %b : tensor<8x32xf32>, tensor<32x64xf32>) outs(%c : tensor<8x64xf32>) -> tensor<8x64xf32>
  return %0 : tensor<8x64xf32>
}

// Edge tiles: output rows 5 = 2 + 2 + 1 (affine.min), stride 2 windows of
// (t - 1) * 2 + 3 input rows; the batch loop of 2 is tiled by 1 outermost;
// the loop order puts K (scf.for) outside the Y forall.
// CHECK-LABEL: func.func @strided_conv
// CHECK: scf.for %[[N:.*]] = %c0 to %c2 step %c1
// CHECK: scf.for %[[F:.*]] = %c0 to %c4 step %c2
// CHECK: scf.forall (%[[OH:.*]]) = (0) to (5) step (2)
// CHECK: affine.min #[[EDGE]](%[[OH]])
// CHECK: linalg.conv_2d_nchw_fchw
// CHECK-SAME: strides = dense<2>
// CHECK-SAME: tensor<1x3x?x11xf32>, tensor<2x3x3x3xf32>) outs(%{{.*}} : tensor<1x2x?x5xf32>)
// CHECK: } {mapping = [#digamma.pe_level<0>]}
func.func @strided_conv(%x: tensor<2x3x11x11xf32>, %w: tensor<4x3x3x3xf32>, %o: tensor<2x4x5x5xf32>) -> tensor<2x4x5x5xf32> {
  %0 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>,
         digamma.mapping = #digamma.mapping<levels = [
           #digamma.level<parallel = Y, cluster = 1, order = [K, Y, C, X, R, S], tiles = [2, 3, 2, 5, 3, 3]>]>}
       ins(%x, %w : tensor<2x3x11x11xf32>, tensor<4x3x3x3xf32>) outs(%o : tensor<2x4x5x5xf32>) -> tensor<2x4x5x5xf32>
  return %0 : tensor<2x4x5x5xf32>
}

// A level that spreads the reduction C: each forall iteration fills its own
// slice of a zero-initialised partial-sum tensor (one slice per C tile:
// 10 = 4 + 4 + 2), and linalg.reduce adds them into the original init.
// CHECK-LABEL: func.func @spatial_reduction
// CHECK: %[[EMPTY:.*]] = tensor.empty() : tensor<6x5x3xf32>
// CHECK: %[[ZERO:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%[[EMPTY]] : tensor<6x5x3xf32>)
// CHECK: %[[PARTIAL:.*]] = scf.forall (%{{.*}}) = (0) to (10) step (4) shared_outs(%{{.*}} = %[[ZERO]])
// CHECK: linalg.matmul
// CHECK: } {mapping = [#digamma.pe_level<0>]}
// CHECK: linalg.reduce ins(%[[PARTIAL]] : tensor<6x5x3xf32>) outs(%{{.*}} : tensor<6x5xf32>) dimensions = [2]
// CHECK-NOT: digamma.loop_nest
// CHECK: return
func.func @spatial_reduction(%a: tensor<6x10xf32>, %b: tensor<10x5xf32>, %c: tensor<6x5xf32>) -> tensor<6x5xf32> {
  %0 = linalg.matmul {digamma.mapping = #digamma.mapping<levels = [
         #digamma.level<parallel = C, cluster = 1, order = [C, K, Y, X, R, S], tiles = [5, 4, 6, 1, 1, 1]>]>}
       ins(%a, %b : tensor<6x10xf32>, tensor<10x5xf32>) outs(%c : tensor<6x5xf32>) -> tensor<6x5xf32>
  return %0 : tensor<6x5xf32>
}

// Ops without a mapping are left alone; buffers work for parallel levels.
// CHECK-LABEL: func.func @untouched_and_buffers
// CHECK: linalg.matmul {digamma.loop_nest
// CHECK-SAME: ins(%arg0, %arg1 : tensor<4x4xf32>, tensor<4x4xf32>)
// CHECK: scf.forall (%{{.*}}) = (0) to (4) step (2) {
// CHECK: linalg.matmul {digamma.loop_nest
// CHECK-SAME: memref<4x2xf32
// CHECK: } {mapping = [#digamma.pe_level<0>]}
func.func @untouched_and_buffers(%a: tensor<4x4xf32>, %b: tensor<4x4xf32>, %c: tensor<4x4xf32>,
                                 %ma: memref<4x4xf32>, %mb: memref<4x4xf32>, %mc: memref<4x4xf32>) -> tensor<4x4xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<4x4xf32>, tensor<4x4xf32>) outs(%c : tensor<4x4xf32>) -> tensor<4x4xf32>
  linalg.matmul {digamma.mapping = #digamma.mapping<levels = [
      #digamma.level<parallel = K, cluster = 1, order = [K, C, Y, X, R, S], tiles = [2, 4, 4, 1, 1, 1]>]>}
    ins(%ma, %mb : memref<4x4xf32>, memref<4x4xf32>) outs(%mc : memref<4x4xf32>)
  return %0 : tensor<4x4xf32>
}
