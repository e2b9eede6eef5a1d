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
  Option<search::Algorithm> algorithm{
      *this, "algorithm", llvm::cl::desc("Search algorithm"),
      llvm::cl::init(search::Algorithm::DiGamma),
      clValues(search::algorithmValues())};
  Option<double> areaBudget{
      *this, "area-budget",
      llvm::cl::desc("Area budget in mm^2; 0 takes the platform preset"),
      llvm::cl::init(0.0)};
  Option<std::string> constraint{
      *this, "constraint",
      llvm::cl::desc("A bundled map space of a partially flexible "
                     "accelerator (docs/map-space.md)"),
      llvm::cl::init("")};
  Option<std::string> constraintFile{
      *this, "constraint-file",
      llvm::cl::desc("A map space as a JSON file (docs/map-space.md)"),
      llvm::cl::init("")};
  Option<int64_t> elementBytes{
      *this, "element-bytes",
      llvm::cl::desc("Bytes per element of every tensor; 0 takes each "
                     "operand's own"),
      llvm::cl::init(0)};
  Option<search::Objective> objective{
      *this, "objective",
      llvm::cl::desc("Objective to minimize, or pareto for a front"),
      llvm::cl::init(search::Objective::Latency),
      clValues(search::objectiveValues())};
  ListOption<std::string> paretoObjectives{
      *this, "pareto-objectives",
      llvm::cl::desc("With objective=pareto: two or three of latency, energy "
                     "and area (default all three)")};
  Option<search::ParetoPick> paretoPick{
      *this, "pareto-pick",
      llvm::cl::desc("With objective=pareto: the front's design the IR keeps"),
      llvm::cl::init(search::ParetoPick::Knee),
      clValues(search::paretoPickValues())};
  Option<std::string> platform{
      *this, "platform",
      llvm::cl::desc("Bundled platform (docs/platforms.md): edge (0.2 mm^2) "
                     "or cloud (7.0 mm^2) as in the DiGamma paper, "
                     "edge-lpddr4, cloud-hbm2 or eyeriss"),
      llvm::cl::init("edge")};
  Option<std::string> platformFile{
      *this, "platform-file",
      llvm::cl::desc("Platform file (JSON, docs/platforms.md) used instead "
                     "of platform"),
      llvm::cl::init("")};
  Option<int64_t> samples{*this, "samples",
                          llvm::cl::desc("Sampling budget per problem"),
                          llvm::cl::init(search::kDefaultSamples)};
  Option<uint64_t> seed{*this, "seed", llvm::cl::desc("Random seed"),
                        llvm::cl::init(1)};
  Option<api::Scope> scope{
      *this, "scope", llvm::cl::desc("How many chips the ops run on"),
      llvm::cl::init(api::Scope::Op), clValues(api::scopeValues())};
  Option<cost::Semantics> semantics{*this, "semantics",
                                    llvm::cl::desc("Cost-model semantics"),
                                    llvm::cl::init(cost::Semantics::Sound),
                                    clValues(search::semanticsValues())};
  Option<std::string> report{
      *this, "report", llvm::cl::desc("JSON report file"), llvm::cl::init("")};
  Option<std::string> reportPlot{
      *this, "report-plot",
      llvm::cl::desc("Existing directory for the SVG figures"),
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
