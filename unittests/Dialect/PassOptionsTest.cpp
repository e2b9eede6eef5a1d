//===- PassOptionsTest.cpp - The pass's defaults are the request's --------===//
//
// The C++ API promises the defaults of --digamma-co-optimize: the pass's
// options (and the pipeline's) start where an api::Request starts.
//
//===----------------------------------------------------------------------===//

#include "digamma/Api/Request.h"
#include "digamma/Transforms/Passes.h"
#include "digamma/Transforms/Pipelines.h"

#include "gtest/gtest.h"

using namespace digamma;

namespace {

TEST(PassOptions, DefaultsAreTheRequestDefaults) {
  CoOptimizePassOptions pass;
  api::Request request;
  const api::Options &options = request.options;
  EXPECT_EQ(pass.platform, request.platform);
  // 0 takes the platform's area in both.
  EXPECT_EQ(pass.areaBudget, 0.0);
  EXPECT_EQ(request.budget.areaMm2, 0.0);
  EXPECT_EQ(pass.peLimit, request.budget.peLimit);
  EXPECT_EQ(pass.scope, request.scope);
  EXPECT_EQ(pass.objective, options.objective);
  EXPECT_EQ(pass.tieBreak, options.tieBreak);
  EXPECT_EQ(pass.mode, options.mode);
  EXPECT_EQ(pass.semantics, options.semantics);
  EXPECT_EQ(pass.algorithm, options.algorithm);
  EXPECT_EQ(pass.samples, options.samples);
  EXPECT_EQ(pass.population, options.population);
  EXPECT_EQ(pass.seed, options.seed);
  EXPECT_EQ(pass.minLevels, options.minLevels);
  EXPECT_EQ(pass.maxLevels, options.maxLevels);
  EXPECT_EQ(pass.numPEs, options.fixedHardware.numPEs);
  EXPECT_EQ(pass.l1Bytes, options.fixedHardware.l1Bytes);
  EXPECT_EQ(pass.l2Bytes, options.fixedHardware.l2Bytes);
  EXPECT_EQ(pass.dataflow, nullptr);
  EXPECT_TRUE(options.dataflow.empty());
  // The element size is the one default that differs: the op's own.
  EXPECT_EQ(pass.elementBytesOverride, 0);

  DigammaPipelineOptions pipeline;
  EXPECT_EQ(pipeline.samples.getValue(), options.samples);
  EXPECT_EQ(pipeline.objective.getValue(), options.objective);
  EXPECT_EQ(pipeline.algorithm.getValue(), options.algorithm);
  EXPECT_EQ(pipeline.semantics.getValue(), options.semantics);
  EXPECT_EQ(pipeline.scope.getValue(), request.scope);
  EXPECT_EQ(pipeline.platform.getValue(), request.platform);
  EXPECT_EQ(pipeline.seed.getValue(), options.seed);
}

} // namespace
