//===- digamma-opt.cpp - The digamma optimizer driver ---------------------===//
//
// MlirOptMain with digamma's registration entry points (digamma/InitAll.h,
// the same calls a downstream tool makes: dialects, passes, pipelines and the
// transform-dialect extension) plus the upstream passes and dialects the
// tests run around them: canonicalize, cse, one-shot bufferization,
// forall-to-for and linalg-to-loops lowering, the transform interpreter with
// linalg's transform ops.
//
//===----------------------------------------------------------------------===//

#include "digamma/InitAll.h"

#include "mlir/Dialect/Arith/Transforms/BufferizableOpInterfaceImpl.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Bufferization/Transforms/FuncBufferizableOpInterfaceImpl.h"
#include "mlir/Dialect/Bufferization/Transforms/Passes.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Dialect/Linalg/TransformOps/DialectExtension.h"
#include "mlir/Dialect/Linalg/Transforms/BufferizableOpInterfaceImpl.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/SCF/Transforms/BufferizableOpInterfaceImpl.h"
#include "mlir/Dialect/SCF/Transforms/Passes.h"
#include "mlir/Dialect/Tensor/Transforms/BufferizableOpInterfaceImpl.h"
#include "mlir/Dialect/Transform/IR/TransformDialect.h"
#include "mlir/Dialect/Transform/Transforms/Passes.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "mlir/Transforms/Passes.h"

int main(int argc, char **argv) {
  // digamma's passes and pipelines, and the few upstream passes the tests
  // run.
  digamma::registerAllPasses();
  mlir::registerCanonicalizerPass();
  mlir::registerCSEPass();
  mlir::bufferization::registerOneShotBufferizePass();
  mlir::registerConvertLinalgToLoopsPass();
  mlir::registerSCFForallToForLoopPass();
  mlir::transform::registerInterpreterPass();
  mlir::transform::registerPreloadLibraryPass();

  mlir::DialectRegistry registry;
  digamma::registerAllDialects(registry);
  digamma::registerAllExtensions(registry);
  // What bufferization and the loops the tests lower to need.
  registry.insert<mlir::bufferization::BufferizationDialect>();
  mlir::arith::registerBufferizableOpInterfaceExternalModels(registry);
  mlir::bufferization::func_ext::registerBufferizableOpInterfaceExternalModels(
      registry);
  mlir::linalg::registerBufferizableOpInterfaceExternalModels(registry);
  mlir::scf::registerBufferizableOpInterfaceExternalModels(registry);
  mlir::tensor::registerBufferizableOpInterfaceExternalModels(registry);

  // linalg's transform ops (structured.match) for the tests' scripts.
  mlir::linalg::registerTransformDialectExtension(registry);

  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "digamma optimizer driver\n", registry));
}
