//!7
func.func @conv_4d(%i: tensor<4x4x4x4xf32>, %f: tensor<2x2x2x2xf32>, %o: tensor<3x3x3x3xf32>) -> tensor<3x3x3x3xf32> {
  %0 = linalg.generic {
      indexing_maps = [affine_map<(a, b, c, d, e, f, g, h) -> (a + e, b + f, c + g, d + h)>,
                       affine_map<(a, b, c, d, e, f, g, h) -> (e, f, g, h)>,
                       affine_map<(a, b, c, d, e, f, g, h) -> (a, b, c, d)>],
      iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction", "reduction"]}
      ins(%i, %f : tensor<4x4x4x4xf32>, tensor<2x2x2x2xf32>) outs(%o : tensor<3x3x3x3xf32>) {
  ^bb0(%x: f32, %w: f32, %acc: f32):
    %m = arith.mulf %x, %w : f32
    %s = arith.addf %acc, %m : f32
    linalg.yield %s : f32
  } -> tensor<3x3x3x3xf32>
  return %0 : tensor<3x3x3x3xf32>
}
