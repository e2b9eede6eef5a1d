// RUN: digamma-opt %s --digamma-lower-to-loop-nest | FileCheck %s --check-prefix=OVERWRITE
// RUN: digamma-opt %s --digamma-lower-to-loop-nest="overwrite=false" | FileCheck %s --check-prefix=KEEP

// An existing digamma.loop_nest is replaced by default and kept with
// overwrite=false.

// OVERWRITE-LABEL: func.func @annotated(
// OVERWRITE: #digamma.loop_nest<gemm, dims = [m: 8 parallel Y, n: 32 parallel K, k: 16 reduction C]
// KEEP-LABEL: func.func @annotated(
// KEEP: #digamma.loop_nest<gemm, dims = [i: 8 parallel Y, j: 32 parallel K, l: 16 reduction C]
func.func @annotated(%a: tensor<8x16xf32>, %b: tensor<16x32xf32>, %c: tensor<8x32xf32>) -> tensor<8x32xf32> {
  %0 = linalg.matmul {digamma.loop_nest = #digamma.loop_nest<gemm, dims = [i: 8 parallel Y, j: 32 parallel K, l: 16 reduction C], strides = [], dilations = [], operands = [(i, l) : 4, (l, j) : 4, (i, j) : 4]>}
      ins(%a, %b : tensor<8x16xf32>, tensor<16x32xf32>) outs(%c : tensor<8x32xf32>) -> tensor<8x32xf32>
  return %0 : tensor<8x32xf32>
}
