//!0
// MLIR 22 parser of linalg.generic crashes on an iterator_types element that
// is not a string; the fuzzer must skip this input (hasNonStringIteratorType).
func.func @generic_conv_nchw(%i: tensor<1x4x9x9xf32>, %f: tensor<8x4x3x3xf32>, %o: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  %0 = linalg.generic {
      indexing_maps = [affine_map<(n, f, oh, ow, c, kh, kw) -> (n, c, oh * 4 + kh, ow * 2 + kw)>,
                       affine_map<(n, f, oh, ow, c, kh, kw) -> (f, c, kh, kw)>,
                       affine_map<(n, f, oh, ow, c, kh, kw) -> (n, f, oh, ow)>],
      iterator_types = ["parallel", "parallel", "parallel", 2147483648, "reduction", "reduction", "reduction"]}
      ins(%i, %f : tensor<1x4x9x9xf32>, tensor<8x4x3x3xf32>) outs(%o : tensor<1x8x4x4xf32>) {
  ^bb0(%x: f32, %w: f32, %acc: f32):
    %m = arith.mulf %x, %w : f32
    %s = arith.addf %acc, %m : f32
    linalg.yield %s : f32
  } -> tensor<1x8x4x4xf32>
  return %0 : tensor<1x8x4x4xf32>
}
