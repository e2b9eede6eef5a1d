module {
  func.func @ncf(%arg0: tensor<1x128xf32>, %arg1: tensor<128x256xf32>, %arg2: tensor<1x64xf32>, %arg3: tensor<64x128xf32>, %arg4: tensor<1x256xf32>, %arg5: tensor<256x256xf32>, %arg6: tensor<1x256xf32>, %arg7: tensor<256x256xf32>, %arg8: tensor<1x256xf32>, %arg9: tensor<256x256xf32>, %arg10: tensor<1x256xf32>, %arg11: tensor<256x128xf32>, %arg12: tensor<1x128xf32>, %arg13: tensor<128x256xf32>, %arg14: tensor<1x64xf32>, %arg15: tensor<64x128xf32>, %arg16: tensor<1x128xf32>, %arg17: tensor<128x64xf32>, %arg18: tensor<1x2048xf32>, %arg19: tensor<2048x128xf32>, %arg20: tensor<1x128xf32>, %arg21: tensor<128x2048xf32>, %arg22: tensor<1x128xf32>, %arg23: tensor<128x2048xf32>) -> (tensor<1x256xf32>, tensor<1x128xf32>, tensor<1x256xf32>, tensor<1x256xf32>, tensor<1x256xf32>, tensor<1x128xf32>, tensor<1x256xf32>, tensor<1x128xf32>, tensor<1x64xf32>, tensor<1x128xf32>, tensor<1x2048xf32>, tensor<1x2048xf32>) {
    %cst = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<1x256xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<1x256xf32>) -> tensor<1x256xf32>
    %2 = linalg.matmul ins(%arg0, %arg1 : tensor<1x128xf32>, tensor<128x256xf32>) outs(%1 : tensor<1x256xf32>) -> tensor<1x256xf32>
    %3 = tensor.empty() : tensor<1x128xf32>
    %4 = linalg.fill ins(%cst : f32) outs(%3 : tensor<1x128xf32>) -> tensor<1x128xf32>
    %5 = linalg.matmul ins(%arg2, %arg3 : tensor<1x64xf32>, tensor<64x128xf32>) outs(%4 : tensor<1x128xf32>) -> tensor<1x128xf32>
    %6 = tensor.empty() : tensor<1x256xf32>
    %7 = linalg.fill ins(%cst : f32) outs(%6 : tensor<1x256xf32>) -> tensor<1x256xf32>
    %8 = linalg.matmul ins(%arg4, %arg5 : tensor<1x256xf32>, tensor<256x256xf32>) outs(%7 : tensor<1x256xf32>) -> tensor<1x256xf32>
    %9 = tensor.empty() : tensor<1x256xf32>
    %10 = linalg.fill ins(%cst : f32) outs(%9 : tensor<1x256xf32>) -> tensor<1x256xf32>
    %11 = linalg.matmul ins(%arg6, %arg7 : tensor<1x256xf32>, tensor<256x256xf32>) outs(%10 : tensor<1x256xf32>) -> tensor<1x256xf32>
    %12 = tensor.empty() : tensor<1x256xf32>
    %13 = linalg.fill ins(%cst : f32) outs(%12 : tensor<1x256xf32>) -> tensor<1x256xf32>
    %14 = linalg.matmul ins(%arg8, %arg9 : tensor<1x256xf32>, tensor<256x256xf32>) outs(%13 : tensor<1x256xf32>) -> tensor<1x256xf32>
    %15 = tensor.empty() : tensor<1x128xf32>
    %16 = linalg.fill ins(%cst : f32) outs(%15 : tensor<1x128xf32>) -> tensor<1x128xf32>
    %17 = linalg.matmul ins(%arg10, %arg11 : tensor<1x256xf32>, tensor<256x128xf32>) outs(%16 : tensor<1x128xf32>) -> tensor<1x128xf32>
    %18 = tensor.empty() : tensor<1x256xf32>
    %19 = linalg.fill ins(%cst : f32) outs(%18 : tensor<1x256xf32>) -> tensor<1x256xf32>
    %20 = linalg.matmul ins(%arg12, %arg13 : tensor<1x128xf32>, tensor<128x256xf32>) outs(%19 : tensor<1x256xf32>) -> tensor<1x256xf32>
    %21 = tensor.empty() : tensor<1x128xf32>
    %22 = linalg.fill ins(%cst : f32) outs(%21 : tensor<1x128xf32>) -> tensor<1x128xf32>
    %23 = linalg.matmul ins(%arg14, %arg15 : tensor<1x64xf32>, tensor<64x128xf32>) outs(%22 : tensor<1x128xf32>) -> tensor<1x128xf32>
    %24 = tensor.empty() : tensor<1x64xf32>
    %25 = linalg.fill ins(%cst : f32) outs(%24 : tensor<1x64xf32>) -> tensor<1x64xf32>
    %26 = linalg.matmul ins(%arg16, %arg17 : tensor<1x128xf32>, tensor<128x64xf32>) outs(%25 : tensor<1x64xf32>) -> tensor<1x64xf32>
    %27 = tensor.empty() : tensor<1x128xf32>
    %28 = linalg.fill ins(%cst : f32) outs(%27 : tensor<1x128xf32>) -> tensor<1x128xf32>
    %29 = linalg.matmul ins(%arg18, %arg19 : tensor<1x2048xf32>, tensor<2048x128xf32>) outs(%28 : tensor<1x128xf32>) -> tensor<1x128xf32>
    %30 = tensor.empty() : tensor<1x2048xf32>
    %31 = linalg.fill ins(%cst : f32) outs(%30 : tensor<1x2048xf32>) -> tensor<1x2048xf32>
    %32 = linalg.matmul ins(%arg20, %arg21 : tensor<1x128xf32>, tensor<128x2048xf32>) outs(%31 : tensor<1x2048xf32>) -> tensor<1x2048xf32>
    %33 = tensor.empty() : tensor<1x2048xf32>
    %34 = linalg.fill ins(%cst : f32) outs(%33 : tensor<1x2048xf32>) -> tensor<1x2048xf32>
    %35 = linalg.matmul ins(%arg22, %arg23 : tensor<1x128xf32>, tensor<128x2048xf32>) outs(%34 : tensor<1x2048xf32>) -> tensor<1x2048xf32>
    return %2, %5, %8, %11, %14, %17, %20, %23, %26, %29, %32, %35 : tensor<1x256xf32>, tensor<1x128xf32>, tensor<1x256xf32>, tensor<1x256xf32>, tensor<1x256xf32>, tensor<1x128xf32>, tensor<1x256xf32>, tensor<1x128xf32>, tensor<1x64xf32>, tensor<1x128xf32>, tensor<1x2048xf32>, tensor<1x2048xf32>
  }
}
