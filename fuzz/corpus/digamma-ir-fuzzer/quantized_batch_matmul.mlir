//!7
func.func @quantized_batch_matmul(%a: tensor<2x8x16xi8>, %b: tensor<2x16x32xi8>, %z: i32, %c: tensor<2x8x32xi32>) -> tensor<2x8x32xi32> {
  %0 = linalg.quantized_batch_matmul ins(%a, %b, %z, %z : tensor<2x8x16xi8>, tensor<2x16x32xi8>, i32, i32) outs(%c : tensor<2x8x32xi32>) -> tensor<2x8x32xi32>
  return %0 : tensor<2x8x32xi32>
}
