// Ops --digamma-export-timeloop cannot export (export-timeloop-invalid.mlir).

func.func @no_hw(%a: tensor<4x4xf32>, %b: tensor<4x4xf32>, %c: tensor<4x4xf32>) -> tensor<4x4xf32> {
  // expected-error @below {{digamma-export-timeloop: the op has a digamma.mapping but no digamma.hw (the architecture Timeloop needs)}}
  %0 = linalg.matmul {
         digamma.loop_nest = #digamma.loop_nest<gemm, dims = [m: 4 parallel Y, n: 4 parallel K, k: 4 reduction C], strides = [], dilations = [], operands = [(m, k) : 4, (k, n) : 4, (m, n) : 4]>,
         digamma.mapping = #digamma.mapping<levels = [#digamma.level<parallel = K, cluster = 1, order = [K, C, Y, X, R, S], tiles = [1, 4, 4, 1, 1, 1]>]>}
       ins(%a, %b : tensor<4x4xf32>, tensor<4x4xf32>) outs(%c : tensor<4x4xf32>) -> tensor<4x4xf32>
  return %0 : tensor<4x4xf32>
}

// -----

func.func @no_loop_nest(%a: tensor<4x4xf32>, %b: tensor<4x4xf32>, %c: tensor<4x4xf32>) -> tensor<4x4xf32> {
  // expected-error @below {{digamma-export-timeloop: the op has a digamma.mapping but no digamma.loop_nest}}
  %0 = linalg.matmul {
         digamma.hw = #digamma.hw<num_pes = 4, cluster_sizes = [4], l1_bytes = 96, l2_bytes = 192, noc_bandwidth = 4096, offchip_bandwidth = 4096, area_um2 = 1000.0, element_bytes = 4>,
         digamma.mapping = #digamma.mapping<levels = [#digamma.level<parallel = K, cluster = 1, order = [K, C, Y, X, R, S], tiles = [1, 4, 4, 1, 1, 1]>]>}
       ins(%a, %b : tensor<4x4xf32>, tensor<4x4xf32>) outs(%c : tensor<4x4xf32>) -> tensor<4x4xf32>
  return %0 : tensor<4x4xf32>
}

// -----

// Two functions whose names map to the same file names.
func.func @"a-b"(%a: tensor<4x4xf32>, %b: tensor<4x4xf32>, %c: tensor<4x4xf32>) -> tensor<4x4xf32> {
  %0 = linalg.matmul {
         digamma.hw = #digamma.hw<num_pes = 4, cluster_sizes = [4], l1_bytes = 96, l2_bytes = 192, noc_bandwidth = 4096, offchip_bandwidth = 4096, area_um2 = 1000.0, element_bytes = 4>,
         digamma.loop_nest = #digamma.loop_nest<gemm, dims = [m: 4 parallel Y, n: 4 parallel K, k: 4 reduction C], strides = [], dilations = [], operands = [(m, k) : 4, (k, n) : 4, (m, n) : 4]>,
         digamma.mapping = #digamma.mapping<levels = [#digamma.level<parallel = K, cluster = 1, order = [K, C, Y, X, R, S], tiles = [1, 4, 4, 1, 1, 1]>]>}
       ins(%a, %b : tensor<4x4xf32>, tensor<4x4xf32>) outs(%c : tensor<4x4xf32>) -> tensor<4x4xf32>
  return %0 : tensor<4x4xf32>
}
func.func @a_b(%a: tensor<4x4xf32>, %b: tensor<4x4xf32>, %c: tensor<4x4xf32>) -> tensor<4x4xf32> {
  // expected-error @below {{digamma-export-timeloop: functions 'a-b' and 'a_b' would write the same files (a_b.*)}}
  %0 = linalg.matmul {
         digamma.hw = #digamma.hw<num_pes = 4, cluster_sizes = [4], l1_bytes = 96, l2_bytes = 192, noc_bandwidth = 4096, offchip_bandwidth = 4096, area_um2 = 1000.0, element_bytes = 4>,
         digamma.loop_nest = #digamma.loop_nest<gemm, dims = [m: 4 parallel Y, n: 4 parallel K, k: 4 reduction C], strides = [], dilations = [], operands = [(m, k) : 4, (k, n) : 4, (m, n) : 4]>,
         digamma.mapping = #digamma.mapping<levels = [#digamma.level<parallel = K, cluster = 1, order = [K, C, Y, X, R, S], tiles = [1, 4, 4, 1, 1, 1]>]>}
       ins(%a, %b : tensor<4x4xf32>, tensor<4x4xf32>) outs(%c : tensor<4x4xf32>) -> tensor<4x4xf32>
  return %0 : tensor<4x4xf32>
}

