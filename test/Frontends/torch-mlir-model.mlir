// A whole model as torch-mlir's linalg-on-tensors backend emits it today
// (2024-2025 exports): weights as ml_program globals read with
// ml_program.global_load_const (one of them a dense_resource blob), a
// cf.assert shape check, tensor.pad in front of strided convolutions,
// vector-typed strides, a depthwise and a pointwise convolution, sum
// pooling (not a layer digamma describes: a remark says why), a linear
// layer with a linalg.transpose of its weight, and attention projections as
// transposed-weight matmuls (indexing_maps) whose results are reshaped by
// tensor.expand_shape with output_shape into a batch_matmul.
//
// digamma-opt reads it as it is. Every convolution and matmul is described
// and gets a design; everything else comes out exactly as upstream mlir-opt
// prints it; the designs materialize.
//
// RUN: mlir-opt %s -o %t.upstream.mlir
// RUN: digamma-opt %s --digamma-pipeline="samples=300" -o %t.designed.mlir 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: FileCheck %s --input-file=%t.designed.mlir
//
// Unchanged: the designed IR without the annotated ops' lines is upstream's
// print of the input without the convolution and matmul lines (an op left
// without a design would keep its line and break the diff).
// RUN: grep -v "digamma\." %t.designed.mlir > %t.designed-rest.mlir
// RUN: grep -v -E "linalg\.(conv|depthwise_conv|matmul|batch_matmul)" %t.upstream.mlir > %t.upstream-rest.mlir
// RUN: diff %t.upstream-rest.mlir %t.designed-rest.mlir
//
// RUN: digamma-opt %t.designed.mlir --digamma-materialize | FileCheck %s --check-prefix=TILED --implicit-check-not="digamma.mapping ="

// REMARK: remark: digamma: not described: body is not a multiply-accumulate
// REMARK-NEXT: linalg.pooling_nchw_sum
// REMARK-NOT: remark

// Eight layers, each with a loop nest of the expected class and shape, a
// mapping, hardware and a cost.
// CHECK-LABEL: func.func @forward
// CHECK: linalg.conv_2d_nchw_fchw {digamma.cost = #digamma.cost<{{.*}}>, digamma.hw = #digamma.hw<{{.*}}>, digamma.loop_nest = #digamma.loop_nest<conv, dims = [n: 1 parallel N, f: 16 parallel K, oh: 16 parallel Y, ow: 16 parallel X, c: 3 reduction C, kh: 3 window R, kw: 3 window S], strides = [2, 2], {{.*}}>, digamma.mapping = #digamma.mapping<levels = [
// CHECK: linalg.conv_2d_nchw_fchw {digamma.cost = #digamma.cost<{{.*}}>, digamma.hw = #digamma.hw<{{.*}}>, digamma.loop_nest = #digamma.loop_nest<conv, dims = [n: 1 parallel N, f: 32 parallel K, oh: 8 parallel Y, ow: 8 parallel X, c: 16 reduction C, kh: 3 window R, kw: 3 window S], strides = [2, 2], {{.*}}>, digamma.mapping = #digamma.mapping<levels = [
// CHECK: linalg.depthwise_conv_2d_nchw_chw {digamma.cost = #digamma.cost<{{.*}}>, digamma.hw = #digamma.hw<{{.*}}>, digamma.loop_nest = #digamma.loop_nest<depthwise, dims = [n: 1 parallel N, oh: 8 parallel Y, ow: 8 parallel X, c: 32 parallel C, kh: 3 window R, kw: 3 window S], {{.*}}>, digamma.mapping = #digamma.mapping<levels = [
// CHECK: linalg.conv_2d_nchw_fchw {digamma.cost = #digamma.cost<{{.*}}>, digamma.hw = #digamma.hw<{{.*}}>, digamma.loop_nest = #digamma.loop_nest<conv, dims = [n: 1 parallel N, f: 64 parallel K, oh: 8 parallel Y, ow: 8 parallel X, c: 32 reduction C, kh: 1 window R, kw: 1 window S], {{.*}}>, digamma.mapping = #digamma.mapping<levels = [
// CHECK: linalg.pooling_nchw_sum {dilations
// CHECK: cf.assert
// CHECK: linalg.matmul {digamma.cost = #digamma.cost<{{.*}}>, digamma.hw = #digamma.hw<{{.*}}>, digamma.loop_nest = #digamma.loop_nest<gemm, dims = [m: 1 parallel Y, n: 10 parallel K, k: 64 reduction C], {{.*}}>, digamma.mapping = #digamma.mapping<levels = [
// CHECK-LABEL: func.func @attention_scores
// CHECK-COUNT-2: linalg.matmul indexing_maps = [#map4, #map5, #map6] {digamma.cost = #digamma.cost<{{.*}}>, digamma.hw = #digamma.hw<{{.*}}>, digamma.loop_nest = #digamma.loop_nest<gemm, dims = [m: 16 parallel Y, n: 64 parallel K, k: 64 reduction C], strides = [], dilations = [], operands = [(m, k) : 4, (n, k) : 4, (m, n) : 4]>, digamma.mapping = #digamma.mapping<levels = [
// CHECK: linalg.batch_matmul {digamma.cost = #digamma.cost<{{.*}}>, digamma.hw = #digamma.hw<{{.*}}>, digamma.loop_nest = #digamma.loop_nest<gemm, dims = [b: 1 parallel N, m: 16 parallel Y, n: 16 parallel K, k: 64 reduction C], {{.*}}>, digamma.mapping = #digamma.mapping<levels = [

// Materialized: one PE-level forall per mapping level around every layer.
// TILED-LABEL: func.func @forward
// TILED-COUNT-4: {mapping = [#digamma.pe_level<0>]}
// TILED: linalg.pooling_nchw_sum
// TILED: {mapping = [#digamma.pe_level<0>]}
// TILED-LABEL: func.func @attention_scores
// TILED-COUNT-3: {mapping = [#digamma.pe_level<0>]}

#map = affine_map<(d0, d1, d2, d3) -> (d1)>
#map1 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map2 = affine_map<(d0, d1) -> (d1)>
#map3 = affine_map<(d0, d1) -> (d0, d1)>
#map4 = affine_map<(d0, d1, d2) -> (d0, d2)>
#map5 = affine_map<(d0, d1, d2) -> (d1, d2)>
#map6 = affine_map<(d0, d1, d2) -> (d0, d1)>
module attributes {torch.debug_module_name = "SmallNet"} {
  ml_program.global private mutable @global_seed(dense<0> : tensor<i64>) : tensor<i64>
  ml_program.global private @conv1.weight(dense<1.000000e-02> : tensor<16x3x3x3xf32>) : tensor<16x3x3x3xf32>
  ml_program.global private @conv1.bias(dense_resource<torch_tensor_16_torch.float32> : tensor<16xf32>) : tensor<16xf32>
  ml_program.global private @conv2.weight(dense<2.000000e-02> : tensor<32x16x3x3xf32>) : tensor<32x16x3x3xf32>
  ml_program.global private @dw.weight(dense<3.000000e-02> : tensor<32x3x3xf32>) : tensor<32x3x3xf32>
  ml_program.global private @pw.weight(dense<4.000000e-02> : tensor<64x32x1x1xf32>) : tensor<64x32x1x1xf32>
  ml_program.global private @fc.weight(dense<5.000000e-02> : tensor<10x64xf32>) : tensor<10x64xf32>
  ml_program.global private @fc.bias(dense<0.000000e+00> : tensor<10xf32>) : tensor<10xf32>
  func.func @forward(%arg0: tensor<1x3x32x32xf32>) -> tensor<1x10xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 6.400000e+01 : f32
    %c1 = arith.constant 1 : index
    %c64 = arith.constant 64 : index
    %w1 = ml_program.global_load_const @conv1.weight : tensor<16x3x3x3xf32>
    %b1 = ml_program.global_load_const @conv1.bias : tensor<16xf32>
    %w2 = ml_program.global_load_const @conv2.weight : tensor<32x16x3x3xf32>
    %wdw = ml_program.global_load_const @dw.weight : tensor<32x3x3xf32>
    %wpw = ml_program.global_load_const @pw.weight : tensor<64x32x1x1xf32>
    %wfc = ml_program.global_load_const @fc.weight : tensor<10x64xf32>
    %bfc = ml_program.global_load_const @fc.bias : tensor<10xf32>
    %padded = tensor.pad %arg0 low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg1: index, %arg2: index, %arg3: index, %arg4: index):
      tensor.yield %cst : f32
    } : tensor<1x3x32x32xf32> to tensor<1x3x34x34xf32>
    %0 = tensor.empty() : tensor<1x16x16x16xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%b1 : tensor<16xf32>) outs(%0 : tensor<1x16x16x16xf32>) {
    ^bb0(%in: f32, %out: f32):
      linalg.yield %in : f32
    } -> tensor<1x16x16x16xf32>
    %2 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%padded, %w1 : tensor<1x3x34x34xf32>, tensor<16x3x3x3xf32>) outs(%1 : tensor<1x16x16x16xf32>) -> tensor<1x16x16x16xf32>
    %3 = linalg.generic {indexing_maps = [#map1, #map1], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%2 : tensor<1x16x16x16xf32>) outs(%0 : tensor<1x16x16x16xf32>) {
    ^bb0(%in: f32, %out: f32):
      %25 = arith.maximumf %in, %cst : f32
      linalg.yield %25 : f32
    } -> tensor<1x16x16x16xf32>
    %padded_1 = tensor.pad %3 low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg1: index, %arg2: index, %arg3: index, %arg4: index):
      tensor.yield %cst : f32
    } : tensor<1x16x16x16xf32> to tensor<1x16x18x18xf32>
    %4 = tensor.empty() : tensor<1x32x8x8xf32>
    %5 = linalg.fill ins(%cst : f32) outs(%4 : tensor<1x32x8x8xf32>) -> tensor<1x32x8x8xf32>
    %6 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%padded_1, %w2 : tensor<1x16x18x18xf32>, tensor<32x16x3x3xf32>) outs(%5 : tensor<1x32x8x8xf32>) -> tensor<1x32x8x8xf32>
    %padded_2 = tensor.pad %6 low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg1: index, %arg2: index, %arg3: index, %arg4: index):
      tensor.yield %cst : f32
    } : tensor<1x32x8x8xf32> to tensor<1x32x10x10xf32>
    %7 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%padded_2, %wdw : tensor<1x32x10x10xf32>, tensor<32x3x3xf32>) outs(%5 : tensor<1x32x8x8xf32>) -> tensor<1x32x8x8xf32>
    %8 = tensor.empty() : tensor<1x64x8x8xf32>
    %9 = linalg.fill ins(%cst : f32) outs(%8 : tensor<1x64x8x8xf32>) -> tensor<1x64x8x8xf32>
    %10 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%7, %wpw : tensor<1x32x8x8xf32>, tensor<64x32x1x1xf32>) outs(%9 : tensor<1x64x8x8xf32>) -> tensor<1x64x8x8xf32>
    %11 = tensor.empty() : tensor<8x8xf32>
    %12 = tensor.empty() : tensor<1x64x1x1xf32>
    %13 = linalg.fill ins(%cst : f32) outs(%12 : tensor<1x64x1x1xf32>) -> tensor<1x64x1x1xf32>
    %14 = linalg.pooling_nchw_sum {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%10, %11 : tensor<1x64x8x8xf32>, tensor<8x8xf32>) outs(%13 : tensor<1x64x1x1xf32>) -> tensor<1x64x1x1xf32>
    %15 = linalg.generic {indexing_maps = [#map1, #map1], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%14 : tensor<1x64x1x1xf32>) outs(%12 : tensor<1x64x1x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %25 = arith.divf %in, %cst_0 : f32
      linalg.yield %25 : f32
    } -> tensor<1x64x1x1xf32>
    %collapsed = tensor.collapse_shape %15 [[0], [1, 2, 3]] : tensor<1x64x1x1xf32> into tensor<1x64xf32>
    %dim = tensor.dim %collapsed, %c1 : tensor<1x64xf32>
    %16 = arith.cmpi eq, %dim, %c64 : index
    cf.assert %16, "mismatching contracting dimension for torch.aten.mm"
    %17 = tensor.empty() : tensor<64x10xf32>
    %transposed = linalg.transpose ins(%wfc : tensor<10x64xf32>) outs(%17 : tensor<64x10xf32>) permutation = [1, 0]
    %18 = tensor.empty() : tensor<1x10xf32>
    %19 = linalg.fill ins(%cst : f32) outs(%18 : tensor<1x10xf32>) -> tensor<1x10xf32>
    %20 = linalg.matmul ins(%collapsed, %transposed : tensor<1x64xf32>, tensor<64x10xf32>) outs(%19 : tensor<1x10xf32>) -> tensor<1x10xf32>
    %21 = linalg.generic {indexing_maps = [#map3, #map2, #map3], iterator_types = ["parallel", "parallel"]} ins(%20, %bfc : tensor<1x10xf32>, tensor<10xf32>) outs(%18 : tensor<1x10xf32>) {
    ^bb0(%in: f32, %in_3: f32, %out: f32):
      %25 = arith.addf %in, %in_3 : f32
      linalg.yield %25 : f32
    } -> tensor<1x10xf32>
    return %21 : tensor<1x10xf32>
  }
  func.func @attention_scores(%arg0: tensor<16x64xf32>, %arg1: tensor<64x64xf32>, %arg2: tensor<64x64xf32>) -> tensor<1x16x16xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<16x64xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<16x64xf32>) -> tensor<16x64xf32>
    %2 = linalg.matmul indexing_maps = [#map4, #map5, #map6] ins(%arg0, %arg1 : tensor<16x64xf32>, tensor<64x64xf32>) outs(%1 : tensor<16x64xf32>) -> tensor<16x64xf32>
    %3 = linalg.matmul indexing_maps = [#map4, #map5, #map6] ins(%arg0, %arg2 : tensor<16x64xf32>, tensor<64x64xf32>) outs(%1 : tensor<16x64xf32>) -> tensor<16x64xf32>
    %expanded = tensor.expand_shape %2 [[0, 1], [2]] output_shape [1, 16, 64] : tensor<16x64xf32> into tensor<1x16x64xf32>
    %expanded_0 = tensor.expand_shape %3 [[0, 1], [2]] output_shape [1, 16, 64] : tensor<16x64xf32> into tensor<1x16x64xf32>
    %4 = tensor.empty() : tensor<1x64x16xf32>
    %transposed = linalg.transpose ins(%expanded_0 : tensor<1x16x64xf32>) outs(%4 : tensor<1x64x16xf32>) permutation = [0, 2, 1]
    %5 = tensor.empty() : tensor<1x16x16xf32>
    %6 = linalg.fill ins(%cst : f32) outs(%5 : tensor<1x16x16xf32>) -> tensor<1x16x16xf32>
    %7 = linalg.batch_matmul ins(%expanded, %transposed : tensor<1x16x64xf32>, tensor<1x64x16xf32>) outs(%6 : tensor<1x16x16xf32>) -> tensor<1x16x16xf32>
    return %7 : tensor<1x16x16xf32>
  }
}

{-#
  dialect_resources: {
    builtin: {
      torch_tensor_16_torch.float32: "0x040000000000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F"
    }
  }
#-}
