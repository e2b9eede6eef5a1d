//===- Passes.td - digamma transformation passes -----------*- tablegen -*-===//
//
// Declarations of the digamma passes.
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_TRANSFORMS_PASSES_TD
#define DIGAMMA_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def LowerToLoopNestPass
    : Pass<"digamma-lower-to-loop-nest", "::mlir::ModuleOp"> {
  let summary = "Describe linalg convolutions and contractions as "
                "#digamma.loop_nest attributes";
  let description = [{
    Walks every `linalg` op and, when its indexing maps form a convolution
    (`linalg::inferConvolutionDims`) or a contraction
    (`linalg::inferContractionDims`), attaches a `digamma.loop_nest`
    attribute describing it: named dims with static bounds, iterator kinds
    and canonical roles (N, K, C, Y, X, R, S, G), strides and dilations read
    from the indexing maps, per-operand indexing and element sizes, and the
    layer class (conv, depthwise, gemm). Named ops and equivalent
    `linalg.generic` ops are treated alike.

    Ops with dynamic shapes, zero-size dims, or convolutions/contractions
    the attribute cannot describe are left untouched; with `emit-remarks`
    a remark on the op names the reason. The pass never fails.

    Before:
    ```mlir
    %0 = linalg.matmul ins(%a, %b : tensor<8x16xf32>, tensor<16x32xf32>)
                       outs(%c : tensor<8x32xf32>) -> tensor<8x32xf32>
    ```
    After:
    ```mlir
    %0 = linalg.matmul {digamma.loop_nest = #digamma.loop_nest<gemm,
           dims = [m: 8 parallel Y, n: 32 parallel K, k: 16 reduction C],
           strides = [], dilations = [],
           operands = [(m, k) : 4, (k, n) : 4, (m, n) : 4]>} ins(...) ...
    ```
  }];
  let dependentDialects = ["::digamma::DigammaDialect"];
  let options = [
    Option<"emitRemarks", "emit-remarks", "bool", /*default=*/"true",
           "Emit a remark naming the reason on every convolution or "
           "contraction that is left undescribed">,
    Option<"overwrite", "overwrite", "bool", /*default=*/"true",
           "Replace an existing digamma.loop_nest attribute">
  ];
}

#endif // DIGAMMA_TRANSFORMS_PASSES_TD
