// Helpers of the execution tests (materialize-exec-*.mlir), appended to the
// test input with `cat`: deterministic small-integer data (values in
// [-5, 5]) so that f32 sums are exact whatever order tiling and partial
// reductions add them in, and the result printer.

func.func private @printMemrefF32(memref<*xf32>) attributes {llvm.emit_c_interface}

func.func @value(%linear: index, %seed: index) -> f32 {
  %c11 = arith.constant 11 : index
  %c5 = arith.constant 5 : index
  %s = arith.addi %linear, %seed : index
  %m = arith.remui %s, %c11 : index
  %v = arith.subi %m, %c5 : index
  %i = arith.index_cast %v : index to i32
  %f = arith.sitofp %i : i32 to f32
  return %f : f32
}

func.func @fill2(%t: tensor<?x?xf32>, %seed: index) -> tensor<?x?xf32> {
  %r = linalg.generic {indexing_maps = [affine_map<(a, b) -> (a, b)>],
                       iterator_types = ["parallel", "parallel"]}
      outs(%t : tensor<?x?xf32>) {
  ^bb0(%o: f32):
    %a = linalg.index 0 : index
    %b = linalg.index 1 : index
    %l = affine.apply affine_map<(a, b) -> (a * 7 + b * 3)>(%a, %b)
    %v = func.call @value(%l, %seed) : (index, index) -> f32
    linalg.yield %v : f32
  } -> tensor<?x?xf32>
  return %r : tensor<?x?xf32>
}

func.func @fill3(%t: tensor<?x?x?xf32>, %seed: index) -> tensor<?x?x?xf32> {
  %r = linalg.generic {indexing_maps = [affine_map<(a, b, c) -> (a, b, c)>],
                       iterator_types = ["parallel", "parallel", "parallel"]}
      outs(%t : tensor<?x?x?xf32>) {
  ^bb0(%o: f32):
    %a = linalg.index 0 : index
    %b = linalg.index 1 : index
    %c = linalg.index 2 : index
    %l = affine.apply affine_map<(a, b, c) -> (a * 13 + b * 7 + c * 3)>(%a, %b, %c)
    %v = func.call @value(%l, %seed) : (index, index) -> f32
    linalg.yield %v : f32
  } -> tensor<?x?x?xf32>
  return %r : tensor<?x?x?xf32>
}

func.func @fill4(%t: tensor<?x?x?x?xf32>, %seed: index) -> tensor<?x?x?x?xf32> {
  %r = linalg.generic {indexing_maps = [affine_map<(a, b, c, d) -> (a, b, c, d)>],
                       iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      outs(%t : tensor<?x?x?x?xf32>) {
  ^bb0(%o: f32):
    %a = linalg.index 0 : index
    %b = linalg.index 1 : index
    %c = linalg.index 2 : index
    %d = linalg.index 3 : index
    %l = affine.apply affine_map<(a, b, c, d) -> (a * 17 + b * 13 + c * 7 + d * 3)>(%a, %b, %c, %d)
    %v = func.call @value(%l, %seed) : (index, index) -> f32
    linalg.yield %v : f32
  } -> tensor<?x?x?x?xf32>
  return %r : tensor<?x?x?x?xf32>
}

func.func @fill5(%t: tensor<?x?x?x?x?xf32>, %seed: index) -> tensor<?x?x?x?x?xf32> {
  %r = linalg.generic {indexing_maps = [affine_map<(a, b, c, d, e) -> (a, b, c, d, e)>],
                       iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel"]}
      outs(%t : tensor<?x?x?x?x?xf32>) {
  ^bb0(%o: f32):
    %a = linalg.index 0 : index
    %b = linalg.index 1 : index
    %c = linalg.index 2 : index
    %d = linalg.index 3 : index
    %e = linalg.index 4 : index
    %l = affine.apply affine_map<(a, b, c, d, e) -> (a * 19 + b * 17 + c * 13 + d * 7 + e * 3)>(%a, %b, %c, %d, %e)
    %v = func.call @value(%l, %seed) : (index, index) -> f32
    linalg.yield %v : f32
  } -> tensor<?x?x?x?x?xf32>
  return %r : tensor<?x?x?x?x?xf32>
}
