// accel-opt applies a co-optimized op's mapping from a transform script:
// the mapping's parallel dimension becomes an scf.forall over the PE array.
// (Checked with --implicit-check-not=digamma.mapping: the tiled op drops it.)
// CHECK-LABEL: func.func @annotated
// CHECK: scf.forall (%{{.*}}) = (0) to (5) step (2)
// CHECK: linalg.matmul
// CHECK-SAME: tiled_by_digamma
// CHECK: } {mapping = [#digamma.pe_level<0>]}
module attributes {transform.with_named_sequence} {
  func.func @annotated(%a: tensor<7x10xf32>, %b: tensor<10x5xf32>, %c: tensor<7x5xf32>) -> tensor<7x5xf32> {
    %0 = linalg.matmul {
           digamma.loop_nest = #digamma.loop_nest<gemm, dims = [m: 7 parallel Y, n: 5 parallel K, k: 10 reduction C], strides = [], dilations = [], operands = [(m, k) : 4, (k, n) : 4, (m, n) : 4]>,
           digamma.mapping = #digamma.mapping<levels = [#digamma.level<parallel = K, cluster = 1, order = [Y, K, C, X, R, S], tiles = [2, 4, 3, 1, 1, 1]>]>}
         ins(%a, %b : tensor<7x10xf32>, tensor<10x5xf32>) outs(%c : tensor<7x5xf32>) -> tensor<7x5xf32>
    return %0 : tensor<7x5xf32>
  }

  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %mm = transform.structured.match ops{["linalg.matmul"]} in %root : (!transform.any_op) -> !transform.any_op
    %tiled, %loops = transform.digamma.tile_by_mapping %mm : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.annotate %tiled "tiled_by_digamma" : !transform.any_op
    transform.yield
  }
}
