//===- Pipelines.h - digamma pass pipelines ---------------------*- C++ -*-===//
//
// `--digamma-pipeline`: lower linalg to loop-nest descriptions, then
// co-optimize hardware and mapping. Usable from C++ through
// buildDigammaPipeline, as upstream pipelines are.
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_TRANSFORMS_PIPELINES_H
#define DIGAMMA_TRANSFORMS_PIPELINES_H

#include "digamma/Transforms/Passes.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassOptions.h"

namespace digamma {

/// Options of `--digamma-pipeline`; they mean what the options of the same
/// name of `--digamma-co-optimize` mean.
struct DigammaPipelineOptions
    : public mlir::PassPipelineOptions<DigammaPipelineOptions> {
  Option<std::string> algorithm{
      *this, "algorithm",
      llvm::cl::desc("digamma, random, sga, pso, sea, de, cmaes or sa"),
      llvm::cl::init("digamma")};
  Option<double> areaBudget{
      *this, "area-budget",
      llvm::cl::desc("Area budget in mm^2; 0 takes the platform preset"),
      llvm::cl::init(0.0)};
  Option<int64_t> elementBytes{
      *this, "element-bytes",
      llvm::cl::desc("Bytes per element; 0 takes the op's element size"),
      llvm::cl::init(0)};
  Option<std::string> objective{
      *this, "objective",
      llvm::cl::desc("latency, energy, edp, lap, power or area"),
      llvm::cl::init("latency")};
  Option<std::string> platform{*this, "platform",
                               llvm::cl::desc("edge (0.2 mm^2) or cloud "
                                              "(7.0 mm^2)"),
                               llvm::cl::init("edge")};
  Option<int64_t> samples{*this, "samples",
                          llvm::cl::desc("Sampling budget per problem"),
                          llvm::cl::init(40000)};
  Option<uint64_t> seed{*this, "seed", llvm::cl::desc("Random seed"),
                        llvm::cl::init(1)};
  Option<std::string> scope{
      *this, "scope",
      llvm::cl::desc("op (a chip per op), model (one chip for the module) or "
                     "function (one chip per function)"),
      llvm::cl::init("op")};
  Option<std::string> semantics{*this, "semantics",
                                llvm::cl::desc("sound or maestro"),
                                llvm::cl::init("sound")};
  Option<std::string> report{*this, "report",
                             llvm::cl::desc("JSON report file"),
                             llvm::cl::init("")};
  Option<bool> reportSummary{*this, "report-summary",
                             llvm::cl::desc("One-line summary on stderr"),
                             llvm::cl::init(false)};
};

/// Appends the lowering and co-optimization passes to \p pm.
void buildDigammaPipeline(mlir::OpPassManager &pm,
                          const DigammaPipelineOptions &options);

/// Registers `--digamma-pipeline`.
void registerDigammaPipelines();

} // namespace digamma

#endif // DIGAMMA_TRANSFORMS_PIPELINES_H
