//===- accel-opt.cpp - An accelerator compiler's opt tool -----------------===//
//
// A downstream `*-opt` tool: upstream passes (canonicalize, cse, one-shot
// bufferization, the transform interpreter), digamma's passes, pipeline and
// transform op registered with digamma/InitAll.h, and this compiler's own
// pipeline, `--accel-pipeline`, which puts digamma's pipeline between
// upstream passes in C++.
//
//===----------------------------------------------------------------------===//

#include "digamma/InitAll.h"
#include "digamma/Transforms/Pipelines.h"

#include "mlir/Dialect/Arith/Transforms/BufferizableOpInterfaceImpl.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Bufferization/Transforms/FuncBufferizableOpInterfaceImpl.h"
#include "mlir/Dialect/Bufferization/Transforms/Passes.h"
#include "mlir/Dialect/Linalg/TransformOps/DialectExtension.h"
#include "mlir/Dialect/Linalg/Transforms/BufferizableOpInterfaceImpl.h"
#include "mlir/Dialect/Tensor/Transforms/BufferizableOpInterfaceImpl.h"
#include "mlir/Dialect/Transform/Transforms/Passes.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassOptions.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "mlir/Transforms/Passes.h"

#include <string>

namespace {

/// Options of `--accel-pipeline`.
struct AccelPipelineOptions
    : public mlir::PassPipelineOptions<AccelPipelineOptions> {
  Option<std::string> platform{*this, "platform",
                               llvm::cl::desc("edge or cloud"),
                               llvm::cl::init("edge")};
  Option<int64_t> samples{*this, "samples",
                          llvm::cl::desc("DiGamma samples per layer"),
                          llvm::cl::init(40000)};
  Option<uint64_t> seed{*this, "seed", llvm::cl::desc("DiGamma seed"),
                        llvm::cl::init(1)};
};

} // namespace

/// Simplify, choose hardware and mapping for every conv/matmul, bufferize.
static void buildAccelPipeline(mlir::OpPassManager &pm,
                               const AccelPipelineOptions &options) {
  pm.addPass(mlir::createCanonicalizerPass());
  digamma::DigammaPipelineOptions digammaOptions;
  digammaOptions.platform = options.platform;
  digammaOptions.samples = options.samples;
  digammaOptions.seed = options.seed;
  digamma::buildDigammaPipeline(pm, digammaOptions);
  mlir::bufferization::OneShotBufferizePassOptions bufferize;
  bufferize.bufferizeFunctionBoundaries = true;
  pm.addPass(mlir::bufferization::createOneShotBufferizePass(bufferize));
  pm.addPass(mlir::createCSEPass());
}

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  digamma::registerAllDialects(registry);
  digamma::registerAllExtensions(registry);
  digamma::registerAllPasses();

  // The upstream part of this compiler.
  mlir::registerCanonicalizerPass();
  mlir::registerCSEPass();
  mlir::bufferization::registerOneShotBufferizePass();
  registry.insert<mlir::bufferization::BufferizationDialect>();
  mlir::arith::registerBufferizableOpInterfaceExternalModels(registry);
  mlir::bufferization::func_ext::registerBufferizableOpInterfaceExternalModels(
      registry);
  mlir::linalg::registerBufferizableOpInterfaceExternalModels(registry);
  mlir::tensor::registerBufferizableOpInterfaceExternalModels(registry);

  // Transform scripts: digamma's transform.digamma.tile_by_mapping comes with
  // registerAllExtensions; the interpreter and linalg's transform ops
  // (structured.match) are the tool's own.
  mlir::transform::registerInterpreterPass();
  mlir::linalg::registerTransformDialectExtension(registry);

  mlir::PassPipelineRegistration<AccelPipelineOptions>(
      "accel-pipeline",
      "Canonicalize, co-optimize every conv/matmul with DiGamma, bufferize",
      buildAccelPipeline);

  return mlir::asMainReturnCode(mlir::MlirOptMain(
      argc, argv, "accel optimizer driver (uses DiGamma)\n", registry));
}
