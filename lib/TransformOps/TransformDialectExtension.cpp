//===- TransformDialectExtension.cpp - Register transform.digamma.* -------===//
//
// The transform-dialect extension that injects the transform.digamma.* ops.
// Its own translation unit: upstream's TransformDialectExtension calls the
// derived init() from its base-class constructor, a downcast UBSan's vptr
// check reports, so the sanitizer build compiles this file without that one
// check (lib/TransformOps/CMakeLists.txt); the ops stay fully checked.
//
//===----------------------------------------------------------------------===//

#include "digamma/TransformOps/DigammaTransformOps.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/DialectRegistry.h"

using namespace mlir;
using namespace digamma;

namespace {

class DigammaTransformDialectExtension
    : public transform::TransformDialectExtension<
          DigammaTransformDialectExtension> {
public:
  MLIR_DEFINE_EXPLICIT_INTERNAL_INLINE_TYPE_ID(DigammaTransformDialectExtension)

  using Base::Base;

  void init() {
    // The op's mapping attribute.
    declareDependentDialect<DigammaDialect>();
    // What tiling creates.
    declareGeneratedDialect<affine::AffineDialect>();
    declareGeneratedDialect<arith::ArithDialect>();
    declareGeneratedDialect<linalg::LinalgDialect>();
    declareGeneratedDialect<memref::MemRefDialect>();
    declareGeneratedDialect<scf::SCFDialect>();
    declareGeneratedDialect<tensor::TensorDialect>();
    registerTransformOps<
#define GET_OP_LIST
#include "digamma/TransformOps/DigammaTransformOps.cpp.inc"
        >();
  }
};

} // namespace

void digamma::registerTransformDialectExtension(DialectRegistry &registry) {
  registry.addExtensions<DigammaTransformDialectExtension>();
}
