// RUN: digamma-opt %s -allow-unregistered-dialect -split-input-file -verify-diagnostics

// Every verifier message of the digamma attributes, malformed attribute
// syntax, and the checks of the discardable digamma.* attributes.

// loop_nest: malformed syntax
// expected-error @below {{expected layer class conv, depthwise or gemm, got 'pool'}}
"test.op"() {a = #digamma.loop_nest<pool, dims = [m: 8 parallel Y], strides = [], dilations = [], operands = [(m) : 4]>} : () -> ()

// -----

// expected-error @below {{expected iterator kind parallel, reduction or window, got 'serial'}}
"test.op"() {a = #digamma.loop_nest<gemm, dims = [m: 8 serial Y], strides = [], dilations = [], operands = [(m) : 4]>} : () -> ()

// -----

// expected-error @below {{expected dimension role N, K, C, Y, X, R, S or G, got 'Z'}}
"test.op"() {a = #digamma.loop_nest<gemm, dims = [m: 8 parallel Z], strides = [], dilations = [], operands = [(m) : 4]>} : () -> ()

// -----

// expected-error @below {{unknown dimension 'q'}}
"test.op"() {a = #digamma.loop_nest<gemm, dims = [m: 8 parallel Y], strides = [], dilations = [], operands = [(m + q) : 4]>} : () -> ()

// -----

// expected-error @below {{unknown dimension 'q'}}
"test.op"() {a = #digamma.loop_nest<gemm, dims = [m: 8 parallel Y], strides = [], dilations = [], operands = [(2 * q) : 4]>} : () -> ()

// -----

// MLIR folds m * a + m * b into m * (a + b) without an overflow check: this
// used to read as m * -2.
// expected-error @below {{index expression overflows 64-bit integers}}
"test.op"() {a = #digamma.loop_nest<gemm, dims = [m: 8 parallel Y], strides = [], dilations = [], operands = [(m * 9223372036854775807 + m * 9223372036854775807) : 4]>} : () -> ()

// -----

// expected-error @below {{index expression overflows 64-bit integers}}
"test.op"() {a = #digamma.loop_nest<gemm, dims = [m: 8 parallel Y], strides = [], dilations = [], operands = [(m + 9223372036854775807 + 1) : 4]>} : () -> ()

// -----

// expected-error @below {{index expressions are sums: write 'x + -1', not 'x - 1'}}
"test.op"() {a = #digamma.loop_nest<gemm, dims = [m: 8 parallel Y], strides = [], dilations = [], operands = [(m - 1) : 4]>} : () -> ()

// -----

// expected-error @below {{expected 'dims'}}
"test.op"() {a = #digamma.loop_nest<gemm, dimensions = [m: 8 parallel Y], strides = [], dilations = [], operands = [(m) : 4]>} : () -> ()

// -----

// expected-error @below {{expected ':'}}
"test.op"() {a = #digamma.loop_nest<gemm, dims = [m: 8 parallel Y], strides = [], dilations = [], operands = [(m) 4]>} : () -> ()

// -----

// expected-error @below {{dimension name 'm' is used twice}}
"test.op"() {a = #digamma.loop_nest<gemm, dims = [m: 8 parallel Y, m: 4 parallel K], strides = [], dilations = [], operands = [(m) : 4]>} : () -> ()

// -----

// loop_nest: verifier
// expected-error @below {{loop nest needs at least one dimension}}
"test.op"() {a = #digamma.loop_nest<gemm, dims = [], strides = [], dilations = [], operands = [() : 4]>} : () -> ()

// -----

// expected-error @below {{dimension 'm' has non-positive bound 0}}
"test.op"() {a = #digamma.loop_nest<gemm, dims = [m: 0 parallel Y], strides = [], dilations = [], operands = [(m) : 4]>} : () -> ()

// -----

// expected-error @below {{dimension 'm' has non-positive bound -3}}
"test.op"() {a = #digamma.loop_nest<gemm, dims = [m: -3 parallel Y], strides = [], dilations = [], operands = [(m) : 4]>} : () -> ()

// -----

// expected-error @below {{role Y is given to both 'm' and 'm2'}}
"test.op"() {a = #digamma.loop_nest<gemm, dims = [m: 8 parallel Y, m2: 8 parallel Y], strides = [], dilations = [], operands = [(m, m2) : 4]>} : () -> ()

// -----

// expected-error @below {{dimension 'kh' with role R must be a window dimension}}
"test.op"() {a = #digamma.loop_nest<conv, dims = [oh: 8 parallel Y, kh: 3 reduction R], strides = [], dilations = [], operands = [(oh + kh) : 4]>} : () -> ()

// -----

// expected-error @below {{window dimension 'kh' must have role R, S or C}}
"test.op"() {a = #digamma.loop_nest<conv, dims = [oh: 8 parallel Y, kh: 3 window K], strides = [1], dilations = [1], operands = [(oh + kh) : 4]>} : () -> ()

// -----

// expected-error @below {{expected 1 strides and dilations (one per window dimension), got 0 and 1}}
"test.op"() {a = #digamma.loop_nest<conv, dims = [oh: 8 parallel Y, kh: 3 window R], strides = [], dilations = [1], operands = [(oh + kh) : 4]>} : () -> ()

// -----

// expected-error @below {{strides must be positive}}
"test.op"() {a = #digamma.loop_nest<conv, dims = [oh: 8 parallel Y, kh: 3 window R], strides = [0], dilations = [1], operands = [(oh + kh) : 4]>} : () -> ()

// -----

// expected-error @below {{dilations must be positive}}
"test.op"() {a = #digamma.loop_nest<conv, dims = [oh: 8 parallel Y, kh: 3 window R], strides = [1], dilations = [-1], operands = [(oh + kh) : 4]>} : () -> ()

// -----

// expected-error @below {{loop nest needs at least one operand}}
"test.op"() {a = #digamma.loop_nest<gemm, dims = [m: 8 parallel Y], strides = [], dilations = [], operands = []>} : () -> ()

// -----

// expected-error @below {{operand #1 has non-positive element size 0}}
"test.op"() {a = #digamma.loop_nest<gemm, dims = [m: 8 parallel Y], strides = [], dilations = [], operands = [(m) : 4, (m) : 0]>} : () -> ()

// -----

// expected-error @below {{gemm loop nest must not have window dimensions}}
"test.op"() {a = #digamma.loop_nest<gemm, dims = [oh: 8 parallel Y, kh: 3 window R], strides = [1], dilations = [1], operands = [(oh + kh) : 4]>} : () -> ()

// -----

// expected-error @below {{depthwise loop nest must not have a K dimension (channels have role C)}}
"test.op"() {a = #digamma.loop_nest<depthwise, dims = [f: 8 parallel K, oh: 8 parallel Y, kh: 3 window R], strides = [1], dilations = [1], operands = [(oh + kh) : 4, (f, oh) : 4]>} : () -> ()

// -----

// hw
// expected-error @below {{number of PEs must be positive, got 0}}
"test.op"() {a = #digamma.hw<num_pes = 0, cluster_sizes = [1], l1_bytes = 64, l2_bytes = 1024, noc_bandwidth = 8, offchip_bandwidth = 4, area_um2 = 1.0>} : () -> ()

// -----

// expected-error @below {{number of PEs must be positive, got -4}}
"test.op"() {a = #digamma.hw<num_pes = -4, cluster_sizes = [1], l1_bytes = 64, l2_bytes = 1024, noc_bandwidth = 8, offchip_bandwidth = 4, area_um2 = 1.0>} : () -> ()

// -----

// expected-error @below {{expected integer value}}
// expected-error @below {{failed to parse Digamma_HwAttr parameter 'cluster_sizes'}}
"test.op"() {a = #digamma.hw<num_pes = 4, cluster_sizes = [], l1_bytes = 64, l2_bytes = 1024, noc_bandwidth = 8, offchip_bandwidth = 4, area_um2 = 1.0>} : () -> ()

// -----

// expected-error @below {{cluster sizes must be positive, got 0}}
"test.op"() {a = #digamma.hw<num_pes = 4, cluster_sizes = [2, 0], l1_bytes = 64, l2_bytes = 1024, noc_bandwidth = 8, offchip_bandwidth = 4, area_um2 = 1.0>} : () -> ()

// -----

// expected-error @below {{cluster sizes multiply to more than the 4 PEs}}
"test.op"() {a = #digamma.hw<num_pes = 4, cluster_sizes = [4, 2], l1_bytes = 64, l2_bytes = 1024, noc_bandwidth = 8, offchip_bandwidth = 4, area_um2 = 1.0>} : () -> ()

// -----

// expected-error @below {{buffer sizes must be positive}}
"test.op"() {a = #digamma.hw<num_pes = 4, cluster_sizes = [2, 2], l1_bytes = 0, l2_bytes = 1024, noc_bandwidth = 8, offchip_bandwidth = 4, area_um2 = 1.0>} : () -> ()

// -----

// expected-error @below {{buffer sizes must be positive}}
"test.op"() {a = #digamma.hw<num_pes = 4, cluster_sizes = [2, 2], l1_bytes = 64, l2_bytes = -1, noc_bandwidth = 8, offchip_bandwidth = 4, area_um2 = 1.0>} : () -> ()

// -----

// expected-error @below {{bandwidths must be positive}}
"test.op"() {a = #digamma.hw<num_pes = 4, cluster_sizes = [2, 2], l1_bytes = 64, l2_bytes = 1024, noc_bandwidth = 0, offchip_bandwidth = 4, area_um2 = 1.0>} : () -> ()

// -----

// expected-error @below {{bandwidths must be positive}}
"test.op"() {a = #digamma.hw<num_pes = 4, cluster_sizes = [2, 2], l1_bytes = 64, l2_bytes = 1024, noc_bandwidth = 8, offchip_bandwidth = 0, area_um2 = 1.0>} : () -> ()

// -----

// expected-error @below {{area must be non-negative}}
"test.op"() {a = #digamma.hw<num_pes = 4, cluster_sizes = [2, 2], l1_bytes = 64, l2_bytes = 1024, noc_bandwidth = 8, offchip_bandwidth = 4, area_um2 = -1.5>} : () -> ()

// -----

// A literal beyond double range reads as infinity (found by digamma-attr-fuzzer:
// `inf` would print but not parse back).
// expected-error @below {{area must be finite}}
"test.op"() {a = #digamma.hw<num_pes = 4, cluster_sizes = [2, 2], l1_bytes = 64, l2_bytes = 1024, noc_bandwidth = 8, offchip_bandwidth = 4, area_um2 = 2.5e506>} : () -> ()

// -----

// expected-error @below {{element_bytes must be positive, got 0}}
"test.op"() {a = #digamma.hw<num_pes = 4, cluster_sizes = [2, 2], l1_bytes = 64, l2_bytes = 1024, noc_bandwidth = 8, offchip_bandwidth = 4, area_um2 = 1.0, element_bytes = 0>} : () -> ()

// -----

// expected-error @below {{tensor_bytes needs the input's, weight's and output's element size, got 2 values}}
"test.op"() {a = #digamma.hw<num_pes = 4, cluster_sizes = [4], l1_bytes = 64, l2_bytes = 1024, noc_bandwidth = 8, offchip_bandwidth = 4, area_um2 = 1.0, element_bytes = 4, tensor_bytes = [1, 4]>} : () -> ()

// -----

// expected-error @below {{tensor_bytes must be positive and at most element_bytes (2), got 4}}
"test.op"() {a = #digamma.hw<num_pes = 4, cluster_sizes = [4], l1_bytes = 64, l2_bytes = 1024, noc_bandwidth = 8, offchip_bandwidth = 4, area_um2 = 1.0, element_bytes = 2, tensor_bytes = [1, 1, 4]>} : () -> ()

// -----

// expected-error @below {{expected 'l2_bytes'}}
"test.op"() {a = #digamma.hw<num_pes = 4, cluster_sizes = [4], l1_bytes = 64, noc_bandwidth = 8, offchip_bandwidth = 4, area_um2 = 1.0>} : () -> ()

// -----

// level
// expected-error @below {{parallel dimension must be one of K, C, Y, X, R, S, got N}}
"test.op"() {a = #digamma.level<parallel = N, cluster = 1, order = [K, C, Y, X, R, S], tiles = [1, 1, 1, 1, 1, 1]>} : () -> ()

// -----

// expected-error @below {{parallel dimension must be one of K, C, Y, X, R, S, got G}}
"test.op"() {a = #digamma.level<parallel = G, cluster = 1, order = [K, C, Y, X, R, S], tiles = [1, 1, 1, 1, 1, 1]>} : () -> ()

// -----

// expected-error @below {{cluster size must be positive, got 0}}
"test.op"() {a = #digamma.level<parallel = K, cluster = 0, order = [K, C, Y, X, R, S], tiles = [1, 1, 1, 1, 1, 1]>} : () -> ()

// -----

// expected-error @below {{loop order must be a permutation of K, C, Y, X, R, S}}
"test.op"() {a = #digamma.level<parallel = K, cluster = 1, order = [K, C, Y, X, R, R], tiles = [1, 1, 1, 1, 1, 1]>} : () -> ()

// -----

// expected-error @below {{loop order must be a permutation of K, C, Y, X, R, S}}
"test.op"() {a = #digamma.level<parallel = K, cluster = 1, order = [K, C, Y, X, R], tiles = [1, 1, 1, 1, 1, 1]>} : () -> ()

// -----

// expected-error @below {{loop order must be a permutation of K, C, Y, X, R, S}}
"test.op"() {a = #digamma.level<parallel = K, cluster = 1, order = [K, C, Y, X, R, N], tiles = [1, 1, 1, 1, 1, 1]>} : () -> ()

// -----

// expected-error @below {{expected 6 tile sizes (K, C, Y, X, R, S), got 5}}
"test.op"() {a = #digamma.level<parallel = K, cluster = 1, order = [K, C, Y, X, R, S], tiles = [1, 1, 1, 1, 1]>} : () -> ()

// -----

// expected-error @below {{tile size of C must be positive, got 0}}
"test.op"() {a = #digamma.level<parallel = K, cluster = 1, order = [K, C, Y, X, R, S], tiles = [1, 0, 1, 1, 1, 1]>} : () -> ()

// -----

// expected-error @below {{expected ::digamma::DimRole to be one of: N, K, C, Y, X, R, S, G}}
// expected-error @below {{failed to parse Digamma_LevelAttr parameter 'parallel'}}
"test.op"() {a = #digamma.level<parallel = Q, cluster = 1, order = [K, C, Y, X, R, S], tiles = [1, 1, 1, 1, 1, 1]>} : () -> ()

// -----

// mapping
// expected-error @below {{expected 1 to 4 mapping levels, got 0}}
"test.op"() {a = #digamma.mapping<levels = []>} : () -> ()

// -----

// expected-error @below {{expected 1 to 4 mapping levels, got 5}}
"test.op"() {a = #digamma.mapping<levels = [#digamma.level<parallel = K, cluster = 1, order = [K, C, Y, X, R, S], tiles = [1, 1, 1, 1, 1, 1]>, #digamma.level<parallel = K, cluster = 1, order = [K, C, Y, X, R, S], tiles = [1, 1, 1, 1, 1, 1]>, #digamma.level<parallel = K, cluster = 1, order = [K, C, Y, X, R, S], tiles = [1, 1, 1, 1, 1, 1]>, #digamma.level<parallel = K, cluster = 1, order = [K, C, Y, X, R, S], tiles = [1, 1, 1, 1, 1, 1]>, #digamma.level<parallel = K, cluster = 1, order = [K, C, Y, X, R, S], tiles = [1, 1, 1, 1, 1, 1]>]>} : () -> ()

// -----

// expected-error @below {{mapping level #1 is not a #digamma.level attribute}}
"test.op"() {a = #digamma.mapping<levels = [#digamma.level<parallel = K, cluster = 1, order = [K, C, Y, X, R, S], tiles = [1, 1, 1, 1, 1, 1]>, 3 : i64]>} : () -> ()

// -----

// expected-error @below {{mapping level #1 tile of K (8) exceeds the previous level's tile (4)}}
"test.op"() {a = #digamma.mapping<levels = [#digamma.level<parallel = K, cluster = 1, order = [K, C, Y, X, R, S], tiles = [4, 1, 1, 1, 1, 1]>, #digamma.level<parallel = K, cluster = 1, order = [K, C, Y, X, R, S], tiles = [8, 1, 1, 1, 1, 1]>]>} : () -> ()

// -----

// cost
// expected-error @below {{cycles and macs must be non-negative}}
"test.op"() {a = #digamma.cost<cycles = -1, macs = 10, energy_nj = 1.0, area_um2 = 1.0, l1_bytes = 1, l2_bytes = 1, utilization = 0.5>} : () -> ()

// -----

// expected-error @below {{cycles and macs must be non-negative}}
"test.op"() {a = #digamma.cost<cycles = 10, macs = -1, energy_nj = 1.0, area_um2 = 1.0, l1_bytes = 1, l2_bytes = 1, utilization = 0.5>} : () -> ()

// -----

// expected-error @below {{energy and area must be non-negative}}
"test.op"() {a = #digamma.cost<cycles = 10, macs = 10, energy_nj = -2.0, area_um2 = 1.0, l1_bytes = 1, l2_bytes = 1, utilization = 0.5>} : () -> ()

// -----

// expected-error @below {{energy and area must be non-negative}}
"test.op"() {a = #digamma.cost<cycles = 10, macs = 10, energy_nj = 1.0, area_um2 = -2, l1_bytes = 1, l2_bytes = 1, utilization = 0.5>} : () -> ()

// -----

// expected-error @below {{energy and area must be finite}}
"test.op"() {a = #digamma.cost<cycles = 10, macs = 10, energy_nj = 1.0e400, area_um2 = 1.0, l1_bytes = 1, l2_bytes = 1, utilization = 0.5>} : () -> ()

// -----

// expected-error @below {{energy and area must be finite}}
"test.op"() {a = #digamma.cost<cycles = 10, macs = 10, energy_nj = 1.0, area_um2 = 1.0e999, l1_bytes = 1, l2_bytes = 1, utilization = 0.5>} : () -> ()

// -----

// expected-error @below {{expected a number; write a float with a '.' before its exponent (2.0e6, not 2e6)}}
// expected-error @below {{failed to parse Digamma_CostAttr parameter 'area_um2'}}
"test.op"() {a = #digamma.cost<cycles = 10, macs = 10, energy_nj = 1.0, area_um2 = 2e6, l1_bytes = 1, l2_bytes = 1, utilization = 0.5>} : () -> ()

// -----

// expected-error @below {{buffer sizes must be non-negative}}
"test.op"() {a = #digamma.cost<cycles = 10, macs = 10, energy_nj = 1.0, area_um2 = 1.0, l1_bytes = 1, l2_bytes = -1, utilization = 0.5>} : () -> ()

// -----

// expected-error @below {{utilization must be in [0, 1], got 1.5}}
"test.op"() {a = #digamma.cost<cycles = 10, macs = 10, energy_nj = 1.0, area_um2 = 1.0, l1_bytes = 1, l2_bytes = 1, utilization = 1.5>} : () -> ()

// -----

// expected-error @below {{expected 'cycles'}}
"test.op"() {a = #digamma.cost<cycle = 1, macs = 1, energy_nj = 1.0, area_um2 = 1.0, l1_bytes = 1, l2_bytes = 1, utilization = 0.5>} : () -> ()

// -----

// discardable attributes on ops
func.func @f(%a: tensor<8x16xf32>, %b: tensor<16x32xf32>, %c: tensor<8x32xf32>) -> tensor<8x32xf32> {
  // expected-error @below {{'linalg.matmul' op attribute 'digamma.loop_nest' must be a #digamma.loop_nest attribute}}
  %0 = linalg.matmul {digamma.loop_nest = 3 : i64} ins(%a, %b : tensor<8x16xf32>, tensor<16x32xf32>) outs(%c : tensor<8x32xf32>) -> tensor<8x32xf32>
  return %0 : tensor<8x32xf32>
}

// -----

func.func @f(%a: tensor<8x16xf32>, %b: tensor<16x32xf32>, %c: tensor<8x32xf32>) -> tensor<8x32xf32> {
  // expected-error @below {{'linalg.matmul' op attribute 'digamma.mapping' must be a #digamma.mapping attribute}}
  %0 = linalg.matmul {digamma.mapping = #digamma.level<parallel = K, cluster = 1, order = [K, C, Y, X, R, S], tiles = [1, 1, 1, 1, 1, 1]>} ins(%a, %b : tensor<8x16xf32>, tensor<16x32xf32>) outs(%c : tensor<8x32xf32>) -> tensor<8x32xf32>
  return %0 : tensor<8x32xf32>
}

// -----

func.func @f(%a: tensor<8x16xf32>, %b: tensor<16x32xf32>, %c: tensor<8x32xf32>) -> tensor<8x32xf32> {
  // expected-error @below {{'linalg.matmul' op attribute 'digamma.hw' must be a #digamma.hw attribute}}
  %0 = linalg.matmul {digamma.hw = "fast"} ins(%a, %b : tensor<8x16xf32>, tensor<16x32xf32>) outs(%c : tensor<8x32xf32>) -> tensor<8x32xf32>
  return %0 : tensor<8x32xf32>
}

// -----

func.func @f(%a: tensor<8x16xf32>, %b: tensor<16x32xf32>, %c: tensor<8x32xf32>) -> tensor<8x32xf32> {
  // expected-error @below {{'linalg.matmul' op attribute 'digamma.cost' must be a #digamma.cost attribute}}
  %0 = linalg.matmul {digamma.cost = 1.0 : f32} ins(%a, %b : tensor<8x16xf32>, tensor<16x32xf32>) outs(%c : tensor<8x32xf32>) -> tensor<8x32xf32>
  return %0 : tensor<8x32xf32>
}

// -----

func.func @f(%a: tensor<8x16xf32>, %b: tensor<16x32xf32>, %c: tensor<8x32xf32>) -> tensor<8x32xf32> {
  // expected-error @below {{'linalg.matmul' op unknown digamma attribute 'digamma.tiles'}}
  %0 = linalg.matmul {digamma.tiles = [1, 2]} ins(%a, %b : tensor<8x16xf32>, tensor<16x32xf32>) outs(%c : tensor<8x32xf32>) -> tensor<8x32xf32>
  return %0 : tensor<8x32xf32>
}

// -----

func.func @f(%a: tensor<8x16xf32>, %b: tensor<16x32xf32>, %c: tensor<8x32xf32>) -> tensor<8x32xf32> {
  // expected-error @below {{'linalg.matmul' op attribute 'digamma.loop_nest' describes 2 operands but the op has 3}}
  %0 = linalg.matmul {digamma.loop_nest = #digamma.loop_nest<gemm, dims = [m: 8 parallel Y, n: 32 parallel K, k: 16 reduction C], strides = [], dilations = [], operands = [(m, k) : 4, (m, n) : 4]>} ins(%a, %b : tensor<8x16xf32>, tensor<16x32xf32>) outs(%c : tensor<8x32xf32>) -> tensor<8x32xf32>
  return %0 : tensor<8x32xf32>
}

// -----

func.func @f(%a: tensor<8x16xf32>, %b: tensor<16x32xf32>, %c: tensor<8x32xf32>) -> tensor<8x32xf32> {
  // expected-error @below {{'linalg.matmul' op mapping level #1 parallel dimension R is not in the loop nest}}
  %0 = linalg.matmul {digamma.loop_nest = #digamma.loop_nest<gemm, dims = [m: 8 parallel Y, n: 32 parallel K, k: 16 reduction C], strides = [], dilations = [], operands = [(m, k) : 4, (k, n) : 4, (m, n) : 4]>, digamma.mapping = #digamma.mapping<levels = [#digamma.level<parallel = K, cluster = 1, order = [K, C, Y, X, R, S], tiles = [32, 16, 8, 1, 1, 1]>, #digamma.level<parallel = R, cluster = 1, order = [K, C, Y, X, R, S], tiles = [1, 1, 1, 1, 1, 1]>]>} ins(%a, %b : tensor<8x16xf32>, tensor<16x32xf32>) outs(%c : tensor<8x32xf32>) -> tensor<8x32xf32>
  return %0 : tensor<8x32xf32>
}

// -----

func.func @f(%a: tensor<8x16xf32>, %b: tensor<16x32xf32>, %c: tensor<8x32xf32>) -> tensor<8x32xf32> {
  // expected-error @below {{'linalg.matmul' op mapping level #0 tile of K (64) exceeds the loop nest's extent 32}}
  %0 = linalg.matmul {digamma.loop_nest = #digamma.loop_nest<gemm, dims = [m: 8 parallel Y, n: 32 parallel K, k: 16 reduction C], strides = [], dilations = [], operands = [(m, k) : 4, (k, n) : 4, (m, n) : 4]>, digamma.mapping = #digamma.mapping<levels = [#digamma.level<parallel = K, cluster = 1, order = [K, C, Y, X, R, S], tiles = [64, 16, 8, 1, 1, 1]>]>} ins(%a, %b : tensor<8x16xf32>, tensor<16x32xf32>) outs(%c : tensor<8x32xf32>) -> tensor<8x32xf32>
  return %0 : tensor<8x32xf32>
}

// -----

func.func @f(%a: tensor<8x16xf32>, %b: tensor<16x32xf32>, %c: tensor<8x32xf32>) -> tensor<8x32xf32> {
  // expected-error @below {{'linalg.matmul' op mapping level #0 tile of X (2) exceeds the loop nest's extent 1}}
  %0 = linalg.matmul {digamma.loop_nest = #digamma.loop_nest<gemm, dims = [m: 8 parallel Y, n: 32 parallel K, k: 16 reduction C], strides = [], dilations = [], operands = [(m, k) : 4, (k, n) : 4, (m, n) : 4]>, digamma.mapping = #digamma.mapping<levels = [#digamma.level<parallel = K, cluster = 1, order = [K, C, Y, X, R, S], tiles = [32, 16, 8, 2, 1, 1]>]>} ins(%a, %b : tensor<8x16xf32>, tensor<16x32xf32>) outs(%c : tensor<8x32xf32>) -> tensor<8x32xf32>
  return %0 : tensor<8x32xf32>
}

// -----

// expected-error @below {{'builtin.module' op attribute 'digamma.hw' must be a #digamma.hw attribute}}
module attributes {digamma.hw = #digamma.cost<cycles = 1, macs = 1, energy_nj = 1.0, area_um2 = 1.0, l1_bytes = 1, l2_bytes = 1, utilization = 0.5>} {
}

// -----

// The product of the cluster sizes overflows int64: still a located error.
// expected-error @below {{cluster sizes multiply to more than the 9223372036854775807 PEs}}
"test.op"() {a = #digamma.hw<num_pes = 9223372036854775807, cluster_sizes = [4611686018427387904, 4], l1_bytes = 64, l2_bytes = 1024, noc_bandwidth = 8, offchip_bandwidth = 4, area_um2 = 1.0>} : () -> ()

// -----

// expected-error @below {{PE level must be in [0, 3], got 4}}
"test.op"() {a = #digamma.pe_level<4>} : () -> ()

// -----

// expected-error @below {{PE level must be in [0, 3], got -1}}
"test.op"() {a = #digamma.pe_level<-1>} : () -> ()

// -----

// expected-error @below {{offchip_bytes must be non-negative, got -4}}
"test.op"() {a = #digamma.cost<cycles = 10, macs = 10, energy_nj = 1.0, area_um2 = 1.0, l1_bytes = 1, l2_bytes = 1, utilization = 0.5, offchip_bytes = -4, limited_by = "offchip">} : () -> ()

// -----

// expected-error @below {{limited_by must be "compute", "noc" or "offchip", got "dram"}}
"test.op"() {a = #digamma.cost<cycles = 10, macs = 10, energy_nj = 1.0, area_um2 = 1.0, l1_bytes = 1, l2_bytes = 1, utilization = 0.5, offchip_bytes = 4, limited_by = "dram">} : () -> ()
