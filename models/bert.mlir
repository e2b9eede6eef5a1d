module {
  func.func @bert(%arg0: tensor<512x768xf32>, %arg1: tensor<768x768xf32>, %arg2: tensor<512x512xf32>, %arg3: tensor<512x64xf32>, %arg4: tensor<64x512xf32>, %arg5: tensor<512x512xf32>, %arg6: tensor<512x768xf32>, %arg7: tensor<768x768xf32>, %arg8: tensor<512x3072xf32>, %arg9: tensor<3072x768xf32>, %arg10: tensor<512x768xf32>, %arg11: tensor<768x3072xf32>) -> (tensor<512x768xf32>, tensor<512x64xf32>, tensor<64x512xf32>, tensor<512x768xf32>, tensor<512x768xf32>, tensor<512x3072xf32>) {
    %cst = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<512x768xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<512x768xf32>) -> tensor<512x768xf32>
    %2 = linalg.matmul ins(%arg0, %arg1 : tensor<512x768xf32>, tensor<768x768xf32>) outs(%1 : tensor<512x768xf32>) -> tensor<512x768xf32>
    %3 = tensor.empty() : tensor<512x64xf32>
    %4 = linalg.fill ins(%cst : f32) outs(%3 : tensor<512x64xf32>) -> tensor<512x64xf32>
    %5 = linalg.matmul ins(%arg2, %arg3 : tensor<512x512xf32>, tensor<512x64xf32>) outs(%4 : tensor<512x64xf32>) -> tensor<512x64xf32>
    %6 = tensor.empty() : tensor<64x512xf32>
    %7 = linalg.fill ins(%cst : f32) outs(%6 : tensor<64x512xf32>) -> tensor<64x512xf32>
    %8 = linalg.matmul ins(%arg4, %arg5 : tensor<64x512xf32>, tensor<512x512xf32>) outs(%7 : tensor<64x512xf32>) -> tensor<64x512xf32>
    %9 = tensor.empty() : tensor<512x768xf32>
    %10 = linalg.fill ins(%cst : f32) outs(%9 : tensor<512x768xf32>) -> tensor<512x768xf32>
    %11 = linalg.matmul ins(%arg6, %arg7 : tensor<512x768xf32>, tensor<768x768xf32>) outs(%10 : tensor<512x768xf32>) -> tensor<512x768xf32>
    %12 = tensor.empty() : tensor<512x768xf32>
    %13 = linalg.fill ins(%cst : f32) outs(%12 : tensor<512x768xf32>) -> tensor<512x768xf32>
    %14 = linalg.matmul ins(%arg8, %arg9 : tensor<512x3072xf32>, tensor<3072x768xf32>) outs(%13 : tensor<512x768xf32>) -> tensor<512x768xf32>
    %15 = tensor.empty() : tensor<512x3072xf32>
    %16 = linalg.fill ins(%cst : f32) outs(%15 : tensor<512x3072xf32>) -> tensor<512x3072xf32>
    %17 = linalg.matmul ins(%arg10, %arg11 : tensor<512x768xf32>, tensor<768x3072xf32>) outs(%16 : tensor<512x3072xf32>) -> tensor<512x3072xf32>
    return %2, %5, %8, %11, %14, %17 : tensor<512x768xf32>, tensor<512x64xf32>, tensor<64x512xf32>, tensor<512x768xf32>, tensor<512x768xf32>, tensor<512x3072xf32>
  }
}
