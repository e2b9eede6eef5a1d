// On IR without designs the exporter says that it exported nothing and
// which pass is missing; no file is written. Loop nests alone (no mapping)
// are not designs.
//
// RUN: rm -rf %t && mkdir -p %t
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-export-maestro=dir=%t -verify-diagnostics
// RUN: ls %t | count 0

// expected-warning-re @below {{digamma-export-maestro: no op carries a digamma.mapping, so nothing was exported to '{{.*}}'; choose designs first with --digamma-co-optimize (or run --digamma-pipeline)}}
module {
  func.func @mm(%a: tensor<16x8xf32>, %b: tensor<8x4xf32>, %c: tensor<16x4xf32>) -> tensor<16x4xf32> {
    %0 = linalg.matmul ins(%a, %b : tensor<16x8xf32>, tensor<8x4xf32>) outs(%c : tensor<16x4xf32>) -> tensor<16x4xf32>
    return %0 : tensor<16x4xf32>
  }
}
