// mode=fixed-mapping dataflow=<name>: every op gets the named dataflow,
// instantiated for its layer, and hardware found by grid search within the
// area budget; the same IR with and without threads.
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="mode=fixed-mapping dataflow=nvdla samples=800" -o %t.nvdla.mlir
// RUN: FileCheck %s --check-prefix=NVDLA --input-file=%t.nvdla.mlir
// RUN: %python %S/Inputs/check-designs.py %t.nvdla.mlir --budget-um2 200000 --expect-ops 4 | FileCheck %s --check-prefix=DESIGNS
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="mode=fixed-mapping dataflow=nvdla samples=800" -mlir-disable-threading | diff %t.nvdla.mlir -
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="mode=fixed-mapping dataflow=shidiannao samples=800 platform=cloud" -o %t.shi.mlir
// RUN: FileCheck %s --check-prefix=SHI --input-file=%t.shi.mlir
// RUN: %python %S/Inputs/check-designs.py %t.shi.mlir --budget-um2 7000000 --expect-ops 4 | FileCheck %s --check-prefix=DESIGNS
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="mode=fixed-mapping dataflow=eyeriss samples=800 report=%t.eye.json" -o %t.eye.mlir
// RUN: FileCheck %s --check-prefix=EYE --input-file=%t.eye.mlir
// RUN: %python %S/Inputs/check-designs.py %t.eye.mlir --budget-um2 200000 --expect-ops 4 | FileCheck %s --check-prefix=DESIGNS
// RUN: FileCheck %s --check-prefix=REPORT --input-file=%t.eye.json

// DESIGNS: checked 4 designs

// NVDLA-like: K across clusters, C across the PEs of a cluster (depthwise
// channels are C at both levels), whole filters, the template's order.
// NVDLA-LABEL: func.func @layers
// NVDLA: linalg.matmul
// NVDLA-SAME: levels = [#digamma.level<parallel = K, cluster = 1, order = [K, C, R, S, Y, X], tiles = [1, {{[0-9]+}}, {{[0-9]+}}, 1, 1, 1]>, #digamma.level<parallel = C, cluster = {{[0-9]+}}, order = [K, C, R, S, Y, X], tiles = [1, 1,
// NVDLA: linalg.matmul
// NVDLA: linalg.conv_2d_nchw_fchw
// NVDLA-SAME: levels = [#digamma.level<parallel = K, cluster = 1, order = [K, C, R, S, Y, X], tiles = [1, {{[0-9]+}}, {{[0-9]+}}, {{[0-9]+}}, 3, 3]>, #digamma.level<parallel = C, cluster = {{[0-9]+}}, order = [K, C, R, S, Y, X], tiles = [1, 1, {{[0-9]+}}, {{[0-9]+}}, 3, 3]>]>
// NVDLA: linalg.depthwise_conv_2d_nchw_chw
// NVDLA-SAME: levels = [#digamma.level<parallel = C, cluster = 1, order = [K, C, R, S, Y, X]{{.*}}#digamma.level<parallel = C,

// ShiDianNao-like: output rows across clusters, output columns across PEs,
// one output pixel per PE; a GEMM has no columns, so its cluster is one PE.
// SHI-LABEL: func.func @layers
// SHI: linalg.matmul
// SHI-SAME: levels = [#digamma.level<parallel = Y, cluster = 1, order = [K, C, Y, X, R, S], tiles = [1, {{[0-9]+}}, 1, 1, 1, 1]>, #digamma.level<parallel = Y, cluster = 1,
// SHI: linalg.matmul
// SHI: linalg.conv_2d_nchw_fchw
// SHI-SAME: levels = [#digamma.level<parallel = Y, cluster = 1, order = [K, C, Y, X, R, S], tiles = [1, {{[0-9]+}}, 1, {{[0-9]+}}, 3, 3]>, #digamma.level<parallel = X, cluster = {{[0-9]+}}, order = [K, C, Y, X, R, S], tiles = [1, {{[0-9]+}}, 1, 1, 3, 3]>]>

// Eyeriss-like row stationary: output rows across clusters, the filter's
// three rows across the three PEs of a cluster.
// EYE-LABEL: func.func @layers
// EYE: linalg.conv_2d_nchw_fchw
// EYE-SAME: digamma.hw = #digamma.hw<num_pes = {{[0-9]+}}, cluster_sizes = [{{[0-9]+}}, 3]
// EYE-SAME: levels = [#digamma.level<parallel = Y, cluster = 1, order = [C, K, Y, X, R, S], tiles = [{{[0-9]+}}, {{[0-9]+}}, 1, {{[0-9]+}}, 3, 3]>, #digamma.level<parallel = R, cluster = 3, order = [C, K, Y, X, R, S], tiles = [1, 1, 1, {{[0-9]+}}, 1, 3]>]>
// EYE: linalg.depthwise_conv_2d_nchw_chw
// EYE-SAME: #digamma.level<parallel = R, cluster = 3,

// REPORT: "searches": 3,

#map = affine_map<(d0, d1) -> (d0, d1)>
func.func @layers(%a: tensor<64x32xf32>, %b: tensor<32x48xf32>,
                  %x: tensor<1x16x18x18xf32>, %w: tensor<64x16x3x3xf32>,
                  %dx: tensor<1x16x26x26xf32>, %dw: tensor<16x3x3xf32>)
    -> (tensor<64x48xf32>, tensor<64x48xf32>, tensor<1x64x16x16xf32>,
        tensor<1x16x24x24xf32>, tensor<64x48xf32>) {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<64x48xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<64x48xf32>) -> tensor<64x48xf32>
  %0 = linalg.matmul ins(%a, %b : tensor<64x32xf32>, tensor<32x48xf32>) outs(%acc : tensor<64x48xf32>) -> tensor<64x48xf32>
  %1 = linalg.matmul ins(%a, %b : tensor<64x32xf32>, tensor<32x48xf32>) outs(%acc : tensor<64x48xf32>) -> tensor<64x48xf32>
  %ce = tensor.empty() : tensor<1x64x16x16xf32>
  %cacc = linalg.fill ins(%zero : f32) outs(%ce : tensor<1x64x16x16xf32>) -> tensor<1x64x16x16xf32>
  %2 = linalg.conv_2d_nchw_fchw ins(%x, %w : tensor<1x16x18x18xf32>, tensor<64x16x3x3xf32>) outs(%cacc : tensor<1x64x16x16xf32>) -> tensor<1x64x16x16xf32>
  %de = tensor.empty() : tensor<1x16x24x24xf32>
  %dacc = linalg.fill ins(%zero : f32) outs(%de : tensor<1x16x24x24xf32>) -> tensor<1x16x24x24xf32>
  %3 = linalg.depthwise_conv_2d_nchw_chw ins(%dx, %dw : tensor<1x16x26x26xf32>, tensor<16x3x3xf32>) outs(%dacc : tensor<1x16x24x24xf32>) -> tensor<1x16x24x24xf32>
  %4 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]}
      ins(%0 : tensor<64x48xf32>) outs(%e : tensor<64x48xf32>) {
  ^bb0(%in: f32, %out: f32):
    %s = arith.addf %in, %in : f32
    linalg.yield %s : f32
  } -> tensor<64x48xf32>
  return %0, %1, %2, %3, %4 : tensor<64x48xf32>, tensor<64x48xf32>, tensor<1x64x16x16xf32>, tensor<1x16x24x24xf32>, tensor<64x48xf32>
}
