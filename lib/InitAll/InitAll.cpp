//===- InitAll.cpp - Register everything digamma provides -----------------===//

#include "digamma/InitAll.h"

#include "digamma/Dialect/Digamma/IR/DigammaDialect.h"
#include "digamma/TransformOps/DigammaTransformOps.h"
#include "digamma/Transforms/Passes.h"
#include "digamma/Transforms/Pipelines.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Transforms/TilingInterfaceImpl.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tensor/IR/TensorTilingInterfaceImpl.h"
#include "mlir/Dialect/Transform/IR/TransformDialect.h"
#include "mlir/IR/DialectRegistry.h"

void digamma::registerAllDialects(mlir::DialectRegistry &registry) {
  registry.insert<DigammaDialect, mlir::affine::AffineDialect,
                  mlir::arith::ArithDialect, mlir::func::FuncDialect,
                  mlir::linalg::LinalgDialect, mlir::memref::MemRefDialect,
                  mlir::scf::SCFDialect, mlir::tensor::TensorDialect,
                  mlir::transform::TransformDialect>();
}

void digamma::registerAllExtensions(mlir::DialectRegistry &registry) {
  mlir::linalg::registerTilingInterfaceExternalModels(registry);
  mlir::tensor::registerTilingInterfaceExternalModels(registry);
  registerTransformDialectExtension(registry);
}

void digamma::registerAllPasses() {
  registerDigammaPasses();
  registerDigammaPipelines();
}
