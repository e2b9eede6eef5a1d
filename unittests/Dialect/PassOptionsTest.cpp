//===- PassOptionsTest.cpp - The pass's defaults are the request's --------===//
//
// The C++ API promises the defaults of --digamma-co-optimize: the pass's
// options (and the pipeline's) start where an api::Request starts, and the
// request options other front ends set by name (api::requestOptions()) are
// the pass's options by the same names.
//
//===----------------------------------------------------------------------===//

#include "digamma/Api/Request.h"
#include "digamma/Api/RequestOptions.h"
#include "digamma/Transforms/Passes.h"
#include "digamma/Transforms/Pipelines.h"

#include "mlir/Pass/Pass.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

#include <map>
#include <set>
#include <sstream>

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
  EXPECT_EQ(pass.constraint, options.constraint);
  EXPECT_EQ(pass.constraintFile, options.constraintFile);
  EXPECT_FALSE(options.mapSpace);
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
  EXPECT_EQ(pipeline.constraint.getValue(), options.constraint);
  EXPECT_EQ(pipeline.constraintFile.getValue(), options.constraintFile);
}

/// The options of a default --digamma-co-optimize as it prints them:
/// name -> value.
std::map<std::string, std::string> printedPassOptions() {
  std::string text;
  llvm::raw_string_ostream os(text);
  createCoOptimizePass()->printAsTextualPipeline(os);
  os.flush();
  // digamma-co-optimize{algorithm=digamma area-budget=0.000000e+00 ...}
  size_t open = text.find('{'), close = text.rfind('}');
  EXPECT_NE(open, std::string::npos) << text;
  std::istringstream options(text.substr(open + 1, close - open - 1));
  std::map<std::string, std::string> values;
  for (std::string option; options >> option;) {
    size_t eq = option.find('=');
    values[option.substr(0, eq)] = option.substr(eq + 1);
  }
  return values;
}

TEST(PassOptions, RequestOptionsAreThePassOptions) {
  std::map<std::string, std::string> pass = printedPassOptions();
  // The pass's own: its report and figures, and its sweep of the request
  // over area budgets; the request's own: what the pass decides itself
  // (threads) or the benchmarks set (graded penalties).
  const std::set<std::string> passOnly = {"report", "report-summary",
                                          "report-plot", "area-sweep"};
  const std::set<std::string> requestOnly = {"threads", "graded-penalty"};
  // A list option prints nothing while it is empty (its default): it must
  // parse instead, and its request default is the empty list too.
  const std::set<std::string> emptyLists = {"pareto-objectives"};
  std::set<std::string> names;
  api::Request fromPass;
  for (const api::RequestOption &option : api::requestOptions()) {
    std::string name(option.name);
    names.insert(name);
    if (requestOnly.count(name))
      continue;
    if (emptyLists.count(name)) {
      EXPECT_FALSE(pass.count(name)) << name << " is printed";
      EXPECT_TRUE(mlir::succeeded(createCoOptimizePass()->initializeOptions(
          name + "=energy,area",
          [](const llvm::Twine &) { return mlir::failure(); })))
          << "the pass has no option " << name;
      EXPECT_EQ(option.get(api::Request()), "") << name;
      continue;
    }
    auto it = pass.find(name);
    ASSERT_NE(it, pass.end()) << "the pass has no option " << name;
    // The pass's default, read as the request reads text.
    EXPECT_FALSE(option.set(fromPass, it->second)) << name << "=" << it->second;
  }
  for (const auto &[name, value] : pass) {
    if (!passOnly.count(name)) {
      EXPECT_TRUE(names.count(name)) << "no request option " << name;
    }
  }

  // The defaults agree, except the element size (the pass's 0 is the op's).
  api::Request defaults;
  for (const api::RequestOption &option : api::requestOptions()) {
    if (option.name != "element-bytes") {
      EXPECT_EQ(option.get(fromPass), option.get(defaults)) << option.name;
    }
  }
  EXPECT_EQ(pass["element-bytes"], "0");
}

} // namespace
