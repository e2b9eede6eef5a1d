// MLIR 22's linalg parser crashes on a non-dictionary properties
// attribute after the op name, also past whitespace and comments; the
// fuzzer must skip this input (hasLinalgProperties), or it crashes here.
func.func @f(%a: tensor<2x2xf32>, %b: tensor<2x2xf32>) -> tensor<2x2xf32> {
  %0 = linalg.matmul // properties follow
    <2> ins(%a, %b : tensor<2x2xf32>, tensor<2x2xf32>) outs(%a : tensor<2x2xf32>) -> tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}
