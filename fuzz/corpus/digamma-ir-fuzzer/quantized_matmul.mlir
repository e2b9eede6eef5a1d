//!6
func.func @quantized_matmul(%a: tensor<8x16xi8>, %b: tensor<16x32xi8>, %z: i32, %c: tensor<8x32xi32>) -> tensor<8x32xi32> {
  %0 = linalg.quantized_matmul ins(%a, %b, %z, %z : tensor<8x16xi8>, tensor<16x32xi8>, i32, i32) outs(%c : tensor<8x32xi32>) -> tensor<8x32xi32>
  return %0 : tensor<8x32xi32>
}
