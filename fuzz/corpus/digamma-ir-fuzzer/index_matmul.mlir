//!4
func.func @index_matmul(%a: tensor<4x4xindex>, %b: tensor<4x4xindex>, %c: tensor<4x4xindex>) -> tensor<4x4xindex> {
  %0 = linalg.generic {
      indexing_maps = [affine_map<(m, n, k) -> (m, k)>,
                       affine_map<(m, n, k) -> (k, n)>,
                       affine_map<(m, n, k) -> (m, n)>],
      iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%a, %b : tensor<4x4xindex>, tensor<4x4xindex>) outs(%c : tensor<4x4xindex>) {
  ^bb0(%x: index, %y: index, %acc: index):
    %m = arith.muli %x, %y : index
    %s = arith.addi %acc, %m : index
    linalg.yield %s : index
  } -> tensor<4x4xindex>
  return %0 : tensor<4x4xindex>
}
