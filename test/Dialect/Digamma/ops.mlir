// RUN: digamma-opt %s -allow-unregistered-dialect | digamma-opt -allow-unregistered-dialect | FileCheck %s
// RUN: digamma-opt %s -allow-unregistered-dialect -mlir-print-op-generic | digamma-opt -allow-unregistered-dialect | FileCheck %s

// Round-trip of every digamma attribute, standalone and as the discardable
// attributes digamma.hw, digamma.loop_nest, digamma.mapping, digamma.cost.

// CHECK: module attributes {digamma.hw = #digamma.hw<num_pes = 256, cluster_sizes = [16, 16], l1_bytes = 512, l2_bytes = 108000, noc_bandwidth = 64, offchip_bandwidth = 16, area_um2 = 2.5e+06>}
module attributes {digamma.hw = #digamma.hw<num_pes = 256, cluster_sizes = [16, 16], l1_bytes = 512, l2_bytes = 108000, noc_bandwidth = 64, offchip_bandwidth = 16, area_um2 = 2.5e+06>} {

// CHECK-LABEL: func.func @annotated(
func.func @annotated(%a: tensor<8x16xf32>, %b: tensor<16x32xf32>, %c: tensor<8x32xf32>) -> tensor<8x32xf32> {
  // CHECK: linalg.matmul
  // CHECK-SAME: digamma.cost = #digamma.cost<cycles = 967753, macs = 4096, energy_nj = 1.5, area_um2 = 2.0e+06, l1_bytes = 512, l2_bytes = 108000, utilization = 0.95>
  // CHECK-SAME: digamma.loop_nest = #digamma.loop_nest<gemm, dims = [m: 8 parallel Y, n: 32 parallel K, k: 16 reduction C], strides = [], dilations = [], operands = [(m, k) : 4, (k, n) : 4, (m, n) : 4]>
  // CHECK-SAME: digamma.mapping = #digamma.mapping<levels = [#digamma.level<parallel = K, cluster = 1, order = [K, C, Y, X, R, S], tiles = [32, 16, 8, 1, 1, 1]>, #digamma.level<parallel = Y, cluster = 8, order = [Y, K, C, X, R, S], tiles = [4, 16, 1, 1, 1, 1]>]>
  %0 = linalg.matmul {
      digamma.loop_nest = #digamma.loop_nest<gemm, dims = [m: 8 parallel Y, n: 32 parallel K, k: 16 reduction C],
                                             strides = [], dilations = [],
                                             operands = [(m, k) : 4, (k, n) : 4, (m, n) : 4]>,
      digamma.mapping = #digamma.mapping<levels = [
        #digamma.level<parallel = K, cluster = 1, order = [K, C, Y, X, R, S], tiles = [32, 16, 8, 1, 1, 1]>,
        #digamma.level<parallel = Y, cluster = 8, order = [Y, K, C, X, R, S], tiles = [4, 16, 1, 1, 1, 1]>]>,
      digamma.cost = #digamma.cost<cycles = 967753, macs = 4096, energy_nj = 1.5, area_um2 = 2000000, l1_bytes = 512, l2_bytes = 108000, utilization = 0.95>}
      ins(%a, %b : tensor<8x16xf32>, tensor<16x32xf32>) outs(%c : tensor<8x32xf32>) -> tensor<8x32xf32>
  return %0 : tensor<8x32xf32>
}

// The off-chip figures, where the cost model has them.
// CHECK-LABEL: func.func @offchip_cost(
// CHECK: "test.cost"() {cost = #digamma.cost<cycles = 21505, macs = 1179648, energy_nj = 2.5e+04, area_um2 = 3.7e+04, l1_bytes = 72, l2_bytes = 7552, utilization = 0.57, offchip_bytes = 365568, limited_by = "offchip">}
func.func @offchip_cost() {
  "test.cost"() {cost = #digamma.cost<cycles = 21505, macs = 1179648, energy_nj = 2.5e4, area_um2 = 3.7e4, l1_bytes = 72, l2_bytes = 7552, utilization = 0.57, offchip_bytes = 365568, limited_by = "offchip">} : () -> ()
  return
}

// CHECK-LABEL: func.func @standalone(
func.func @standalone() {
  // Sliding windows with strides, dilations and a constant offset; 3-D
  // folding with several N and C dims; scalar operands.
  // CHECK: "test.attrs"() {conv = #digamma.loop_nest<conv, dims = [n: 1 parallel N, od: 4 parallel N, oh: 6 parallel Y, ow: 6 parallel X, f: 8 parallel K, kd: 3 window C, kh: 3 window R, kw: 3 window S, c: 2 reduction C], strides = [1, 2, 2], dilations = [1, 1, 3], operands = [(n, od + kd, oh * 2 + kh, ow * 2 + kw * 3 + 1) : 4, (kd, kh, kw, c, f) : 2, () : 4, (n, od, oh, ow, f) : 4]>
  // CHECK-SAME: depthwise = #digamma.loop_nest<depthwise, dims = [c: 32 parallel C, oh: 8 parallel Y, kh: 3 window R], strides = [1], dilations = [1], operands = [(c, oh + kh) : 1, (c, kh) : 1, (c, oh) : 1]>
  // CHECK-SAME: grouped = #digamma.loop_nest<conv, dims = [g: 2 parallel G, f: 4 parallel K, oh: 8 parallel Y, c: 3 reduction C, kh: 3 window R], strides = [1], dilations = [1], operands = [(g, c, oh + kh) : 4, (g, f, c, kh) : 4, (g, f, oh) : 4]>
  // CHECK-SAME: hw = #digamma.hw<num_pes = 64, cluster_sizes = [64], l1_bytes = 1024, l2_bytes = 65536, noc_bandwidth = 32, offchip_bandwidth = 8, area_um2 = 0.0, element_bytes = 2>
  // CHECK-SAME: level = #digamma.level<parallel = S, cluster = 3, order = [S, R, X, Y, C, K], tiles = [1, 2, 3, 4, 5, 6]>
  "test.attrs"() {
    conv = #digamma.loop_nest<conv,
      dims = [n: 1 parallel N, od: 4 parallel N, oh: 6 parallel Y, ow: 6 parallel X, f: 8 parallel K,
              kd: 3 window C, kh: 3 window R, kw: 3 window S, c: 2 reduction C],
      strides = [1, 2, 2], dilations = [1, 1, 3],
      operands = [(n, od + kd, 2 * oh + kh, ow * 2 + kw * 3 + 1) : 4, (kd, kh, kw, c, f) : 2, () : 4,
                  (n, od, oh, ow, f) : 4]>,
    depthwise = #digamma.loop_nest<depthwise, dims = [c: 32 parallel C, oh: 8 parallel Y, kh: 3 window R],
      strides = [1], dilations = [1], operands = [(c, oh + kh) : 1, (c, kh) : 1, (c, oh) : 1]>,
    grouped = #digamma.loop_nest<conv, dims = [g: 2 parallel G, f: 4 parallel K, oh: 8 parallel Y, c: 3 reduction C, kh: 3 window R],
      strides = [1], dilations = [1], operands = [(g, c, oh + kh) : 4, (g, f, c, kh) : 4, (g, f, oh) : 4]>,
    hw = #digamma.hw<num_pes = 64, cluster_sizes = [64], l1_bytes = 1024, l2_bytes = 65536, noc_bandwidth = 32, offchip_bandwidth = 8, area_um2 = 0, element_bytes = 2>,
    level = #digamma.level<parallel = S, cluster = 3, order = [S, R, X, Y, C, K], tiles = [1, 2, 3, 4, 5, 6]>
  } : () -> ()
  // The default element_bytes (1) is elided.
  // CHECK: "test.attrs"() {hw = #digamma.hw<num_pes = 4, cluster_sizes = [2, 2], l1_bytes = 1, l2_bytes = 1, noc_bandwidth = 1, offchip_bandwidth = 1, area_um2 = 1.25>}
  "test.attrs"() {hw = #digamma.hw<num_pes = 4, cluster_sizes = [2, 2], l1_bytes = 1, l2_bytes = 1, noc_bandwidth = 1, offchip_bandwidth = 1, area_um2 = 1.25, element_bytes = 1>} : () -> ()
  // Per-tensor element sizes (an i8 x i8 -> i32 design) round-trip.
  // CHECK: "test.attrs"() {hw = #digamma.hw<num_pes = 4, cluster_sizes = [4], l1_bytes = 48, l2_bytes = 96, noc_bandwidth = 8, offchip_bandwidth = 4, area_um2 = 2.5, element_bytes = 4, tensor_bytes = [1, 1, 4]>}
  "test.attrs"() {hw = #digamma.hw<num_pes = 4, cluster_sizes = [4], l1_bytes = 48, l2_bytes = 96, noc_bandwidth = 8, offchip_bandwidth = 4, area_um2 = 2.5, element_bytes = 4, tensor_bytes = [1, 1, 4]>} : () -> ()
  return
}

// #digamma.pe_level as the mapping of an scf.forall (the attribute
// implements DeviceMappingAttrInterface), one per induction variable.
// CHECK-LABEL: func.func @pe_level(
// CHECK: } {mapping = [#digamma.pe_level<0>, #digamma.pe_level<3>]}
func.func @pe_level(%t: tensor<4x4xf32>) -> tensor<4x4xf32> {
  %0 = scf.forall (%i, %j) in (2, 2) shared_outs(%o = %t) -> (tensor<4x4xf32>) {
    scf.forall.in_parallel {
    }
  } {mapping = [#digamma.pe_level<0>, #digamma.pe_level<3>]}
  return %0 : tensor<4x4xf32>
}

}
