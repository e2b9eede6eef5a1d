//===- Pipelines.cpp - digamma pass pipelines -----------------------------===//

#include "digamma/Transforms/Pipelines.h"

#include "mlir/Pass/PassRegistry.h"

using namespace mlir;

void digamma::buildDigammaPipeline(OpPassManager &pm,
                                   const DigammaPipelineOptions &options) {
  pm.addPass(createLowerToLoopNestPass());
  CoOptimizePassOptions coOptions;
  coOptions.algorithm = options.algorithm;
  coOptions.areaBudget = options.areaBudget;
  coOptions.elementBytesOverride = options.elementBytes;
  coOptions.objective = options.objective;
  coOptions.paretoObjectives.assign(options.paretoObjectives.begin(),
                                    options.paretoObjectives.end());
  coOptions.paretoPick = options.paretoPick;
  coOptions.platform = options.platform;
  coOptions.platformFile = options.platformFile;
  coOptions.constraint = options.constraint;
  coOptions.constraintFile = options.constraintFile;
  coOptions.samples = options.samples;
  coOptions.seed = options.seed;
  coOptions.scope = options.scope;
  coOptions.semantics = options.semantics;
  coOptions.reportFile = options.report;
  coOptions.reportPlot = options.reportPlot;
  coOptions.reportSummary = options.reportSummary;
  pm.addPass(createCoOptimizePass(coOptions));
}

void digamma::registerDigammaPipelines() {
  PassPipelineRegistration<DigammaPipelineOptions>(
      "digamma-pipeline",
      "Describe linalg convolutions and contractions as loop nests, then "
      "co-optimize hardware and mapping for each with DiGamma",
      buildDigammaPipeline);
}
