// digamma.repeat (an op's weight in a shared-chip objective) is verified,
// with the error at the op.
// RUN: digamma-opt %s -split-input-file --digamma-lower-to-loop-nest --digamma-co-optimize="scope=model samples=200" -verify-diagnostics

func.func @zero(%a: tensor<16x8xf32>, %b: tensor<8x4xf32>, %c: tensor<16x4xf32>) -> tensor<16x4xf32> {
  // expected-error @below {{'linalg.matmul' op attribute 'digamma.repeat' must be a positive integer (how often the op runs), got 0 : i64}}
  %0 = linalg.matmul {digamma.repeat = 0 : i64} ins(%a, %b : tensor<16x8xf32>, tensor<8x4xf32>) outs(%c : tensor<16x4xf32>) -> tensor<16x4xf32>
  return %0 : tensor<16x4xf32>
}

// -----

func.func @text(%a: tensor<16x8xf32>, %b: tensor<8x4xf32>, %c: tensor<16x4xf32>) -> tensor<16x4xf32> {
  // expected-error @below {{'linalg.matmul' op attribute 'digamma.repeat' must be a positive integer (how often the op runs), got "twice"}}
  %0 = linalg.matmul {digamma.repeat = "twice"} ins(%a, %b : tensor<16x8xf32>, tensor<8x4xf32>) outs(%c : tensor<16x4xf32>) -> tensor<16x4xf32>
  return %0 : tensor<16x4xf32>
}

// -----

// Wider than 64 bits: 2^64 + 1 used to be read as 1.
func.func @wide(%a: tensor<16x8xf32>, %b: tensor<8x4xf32>, %c: tensor<16x4xf32>) -> tensor<16x4xf32> {
  // expected-error @below {{'linalg.matmul' op attribute 'digamma.repeat' must be at most 9223372036854775807, got 18446744073709551617 : i128}}
  %0 = linalg.matmul {digamma.repeat = 18446744073709551617 : i128} ins(%a, %b : tensor<16x8xf32>, tensor<8x4xf32>) outs(%c : tensor<16x4xf32>) -> tensor<16x4xf32>
  return %0 : tensor<16x4xf32>
}

// -----

func.func @unsigned(%a: tensor<16x8xf32>, %b: tensor<8x4xf32>, %c: tensor<16x4xf32>) -> tensor<16x4xf32> {
  // expected-error @below {{'linalg.matmul' op attribute 'digamma.repeat' must be a signless integer or index (such as 4 : i64), got 200 : ui8}}
  %0 = linalg.matmul {digamma.repeat = 200 : ui8} ins(%a, %b : tensor<16x8xf32>, tensor<8x4xf32>) outs(%c : tensor<16x4xf32>) -> tensor<16x4xf32>
  return %0 : tensor<16x4xf32>
}
