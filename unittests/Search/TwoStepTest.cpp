//===- TwoStepTest.cpp - Tests of dataflow templates and two-step schemes -===//

#include "digamma/Search/TwoStep.h"

#include "digamma/Search/Encoding.h"

#include "TestLayers.h"

#include "gtest/gtest.h"

#include <algorithm>
#include <limits>
#include <vector>

using namespace digamma;
using namespace digamma::search;

namespace {

cost::Layer convLayer() { return digamma::testing::convLayer(64, 32, 30, 30, 3, 3); }

cost::Layer fcLayer() {
  cost::Layer layer;
  layer.layerClass = cost::LayerClass::Gemm;
  layer.k = 256;
  layer.c = 512;
  return layer;
}

SearchOptions edgeOptions() {
  SearchOptions options;
  options.samples = 2000;
  options.threads = 1;
  options.seed = 2;
  options.areaBudgetUm2 = 200000;
  options.bytesPerElement = 1;
  options.fixedHardware.bytesPerElement = 1;
  return options;
}

/// Tiles within [1, parent tile], output extents for Y and X.
void expectTilesInBounds(const cost::Mapping &m, const cost::Layer &layer) {
  for (int l = 0; l < m.numLevels; ++l)
    for (int d = 0; d < cost::kNumDims; ++d) {
      int64_t parent =
          l == 0 ? std::max<int64_t>(layer.mappedExtent(cost::Dim(d)), 1)
                 : m.level(l - 1).tiles[d];
      EXPECT_GE(m.level(l).tiles[d], 1);
      EXPECT_LE(m.level(l).tiles[d], parent);
    }
}

} // namespace

TEST(Dataflows, NamesAndParallelism) {
  ASSERT_EQ(builtinDataflows().size(), 3u);
  const Dataflow *nvdla = findDataflow("nvdla");
  const Dataflow *shi = findDataflow("shidiannao");
  const Dataflow *eye = findDataflow("eyeriss");
  ASSERT_TRUE(nvdla && shi && eye);
  EXPECT_EQ(findDataflow("tpu"), nullptr);
  EXPECT_EQ(dataflowNames(), "nvdla, shidiannao or eyeriss");
  // The paper's Sec. V-D: K-C, Y-X and Y-R parallelism.
  EXPECT_EQ(nvdla->levels[0].parallel, cost::Dim::K);
  EXPECT_EQ(nvdla->levels[1].parallel, cost::Dim::C);
  EXPECT_EQ(shi->levels[0].parallel, cost::Dim::Y);
  EXPECT_EQ(shi->levels[1].parallel, cost::Dim::X);
  EXPECT_EQ(eye->levels[0].parallel, cost::Dim::Y);
  EXPECT_EQ(eye->levels[1].parallel, cost::Dim::R);
  for (const Dataflow &dataflow : builtinDataflows())
    for (const DataflowLevel &level : dataflow.levels) {
      int seen = 0;
      for (cost::Dim d : level.order)
        seen |= 1 << static_cast<int>(d);
      EXPECT_EQ(seen, (1 << cost::kNumDims) - 1) << dataflow.name;
    }
}

TEST(Dataflows, InstancesFollowTheirRules) {
  cost::Layer layer = convLayer();
  const Dataflow &nvdla = *findDataflow("nvdla");
  DataflowShape shape;
  shape.clusterSize = 8;
  shape.growth = {2, 1};
  cost::Mapping m = instantiateDataflow(nvdla, layer, shape);
  ASSERT_EQ(m.numLevels, 2);
  EXPECT_EQ(m.level(1).clusterSize, 8);
  // Outer: one K per cluster, cluster x 2^2 channels, 4 output rows and
  // columns, whole filters.
  EXPECT_EQ(m.level(0).tiles,
            (std::array<int64_t, cost::kNumDims>{1, 32, 4, 4, 3, 3}));
  // Inner: one K and C per PE, 2 output rows and columns.
  EXPECT_EQ(m.level(1).tiles,
            (std::array<int64_t, cost::kNumDims>{1, 1, 2, 2, 3, 3}));
  EXPECT_EQ(m.level(0).order, nvdla.levels[0].order);

  // Eyeriss: the cluster is the filter's rows, one row per PE.
  const Dataflow &eye = *findDataflow("eyeriss");
  shape.clusterSize = 100; // ignored
  m = instantiateDataflow(eye, layer, shape);
  EXPECT_EQ(m.level(1).clusterSize, 3);
  EXPECT_EQ(m.level(1).tile(cost::Dim::R), 1);
  EXPECT_EQ(m.level(0).tile(cost::Dim::Y), 1);

  // Growth saturates at the parent tile; maxDataflowGrowth is where.
  for (const Dataflow &dataflow : builtinDataflows())
    for (const cost::Layer &l : {convLayer(), fcLayer()}) {
      DataflowShape s;
      s.clusterSize = 4;
      int outer = maxDataflowGrowth(dataflow, l, 0, s);
      s.growth = {outer, 0};
      int inner = maxDataflowGrowth(dataflow, l, 1, s);
      s.growth = {outer, inner};
      cost::Mapping at = instantiateDataflow(dataflow, l, s);
      s.growth = {outer + 3, inner + 3};
      cost::Mapping beyond = instantiateDataflow(dataflow, l, s);
      expectTilesInBounds(at, l);
      expectTilesInBounds(beyond, l);
      for (int level = 0; level < 2; ++level)
        EXPECT_EQ(at.level(level).tiles, beyond.level(level).tiles)
            << dataflow.name;
    }
}

TEST(Dataflows, EveryModelLayerInstantiatesLegally) {
  for (const cost::Layer &layer : digamma::testing::allModelLayers())
    for (const Dataflow &dataflow : builtinDataflows()) {
      DataflowShape shape;
      shape.clusterSize = 16;
      shape.growth = {3, 2};
      cost::Mapping m = instantiateDataflow(dataflow, layer, shape);
      expectTilesInBounds(m, layer);
      cost::Hardware hw;
      hw.numPEs = 256;
      cost::Evaluator evaluator;
      EXPECT_TRUE(evaluator.evaluate(layer, hw, m).valid) << dataflow.name;
    }
}

TEST(TwoStep, HardwareGridUsesTheBudgetAndRespectsTheArea) {
  for (const Dataflow &dataflow : builtinDataflows())
    for (const cost::Layer &layer : {convLayer(), fcLayer()}) {
      SCOPED_TRACE(std::string(dataflow.name));
      SearchOptions options = edgeOptions();
      SearchResult result = runHardwareGrid(layer, dataflow, options);
      ASSERT_TRUE(result.found) << result.message;
      EXPECT_LE(result.samplesUsed, options.samples);
      // The densest grid within the budget: adding PE counts would
      // overshoot, so most of the budget is used.
      EXPECT_GT(result.samplesUsed, options.samples / 2);
      EXPECT_LE(result.areaUm2, options.areaBudgetUm2);
      EXPECT_EQ(result.hardware.l1Elements, result.cost.l1Elements);
      EXPECT_EQ(result.hardware.l2Elements, result.cost.l2Elements);
      // The mapping is the template's: its parallel dimensions (as the
      // instance writes them for this layer) and loop orders.
      cost::Mapping instance = instantiateDataflow(dataflow, layer, {});
      for (int l = 0; l < 2; ++l) {
        EXPECT_EQ(result.mapping.level(l).parallelDim,
                  instance.level(l).parallelDim);
        EXPECT_EQ(result.mapping.level(l).order, dataflow.levels[l].order);
      }
      if (layer.layerClass == cost::LayerClass::Conv)
        EXPECT_EQ(result.mapping.level(1).parallelDim,
                  dataflow.levels[1].parallel);
      EXPECT_EQ(result.samplesPerGeneration.back(), result.samplesUsed);
      // Seed-independent.
      options.seed = 99;
      SearchResult again = runHardwareGrid(layer, dataflow, options);
      EXPECT_EQ(again.cost.cycles, result.cost.cycles);
      EXPECT_EQ(again.areaUm2, result.areaUm2);
    }
}

TEST(TwoStep, HardwareGridBeatsItsOwnGridPoints) {
  // A budget whose grid fits the samples: the grid then holds every PE count
  // from 1 to the most the area allows, each with every cluster size (the
  // powers of two below the inner parallel extent and that extent; only the
  // extent for Eyeriss) and every growth step (TwoStep.h). The search
  // evaluates each of these points once and returns the best of them.
  cost::Layer layer = convLayer();
  SearchOptions options = edgeOptions();
  options.areaBudgetUm2 = 20000; // 70 PEs at most: 8169 points for nvdla
  options.samples = 10000;
  for (const Dataflow &dataflow : builtinDataflows()) {
    SearchResult result = runHardwareGrid(layer, dataflow, options);
    ASSERT_TRUE(result.found) << dataflow.name;
    SearchOptions coOpt = options;
    coOpt.minLevels = coOpt.maxLevels = 2;
    SearchSpace space(layer, coOpt);
    int64_t innerExtent = layer.mappedExtent(dataflow.levels[1].parallel);
    cost::Evaluator evaluator;
    int64_t points = 0, valid = 0;
    double best = std::numeric_limits<double>::infinity();
    for (int64_t numPEs = 1; numPEs <= space.maxPEs; ++numPEs) {
      int64_t bound = std::min(numPEs, innerExtent);
      std::vector<int64_t> clusters;
      if (!dataflow.clusterIsInnerExtent)
        for (int64_t c = 1; c < bound; c *= 2)
          clusters.push_back(c);
      clusters.push_back(bound);
      for (int64_t cluster : clusters) {
        DataflowShape shape;
        shape.clusterSize = cluster;
        int outerSteps = maxDataflowGrowth(dataflow, layer, 0, shape);
        for (int g0 = 0; g0 <= outerSteps; ++g0) {
          shape.growth = {g0, 0};
          int innerSteps = maxDataflowGrowth(dataflow, layer, 1, shape);
          for (int g1 = 0; g1 <= innerSteps; ++g1) {
            shape.growth = {g0, g1};
            Individual point;
            point.numPEs = numPEs;
            point.mapping = instantiateDataflow(dataflow, layer, shape);
            space.repair(point);
            space.evaluate(point, evaluator);
            ++points;
            if (!point.valid)
              continue;
            ++valid;
            best = std::min(best, point.objective);
            EXPECT_LE(result.objectiveValue, point.objective)
                << dataflow.name << ": " << numPEs << " PEs, cluster "
                << cluster << ", growth " << g0 << "/" << g1;
          }
        }
      }
    }
    EXPECT_LE(points, options.samples) << dataflow.name;
    EXPECT_EQ(result.samplesUsed, points) << dataflow.name;
    EXPECT_GT(valid, points / 10) << dataflow.name;
    EXPECT_EQ(result.objectiveValue, best) << dataflow.name;
  }
}

TEST(TwoStep, TinyBudgetsAndBadInput) {
  cost::Layer layer = convLayer();
  SearchOptions options = edgeOptions();
  options.samples = 7;
  SearchResult result = runHardwareGrid(layer, *findDataflow("nvdla"), options);
  EXPECT_LE(result.samplesUsed, 7);
  EXPECT_GT(result.samplesUsed, 0);
  options = edgeOptions();
  options.areaBudgetUm2 = -1;
  result = runHardwareGrid(layer, *findDataflow("nvdla"), options);
  EXPECT_FALSE(result.found);
  EXPECT_EQ(result.message,
            "the area budget must be a positive number of um^2");
  result = runMappingOpt(layer, HardwarePreset::Medium, options);
  EXPECT_FALSE(result.found);
  EXPECT_NE(result.message.find("does not pay for the medium preset"),
            std::string::npos)
      << result.message;
}

TEST(TwoStep, PresetsFillTheBudget) {
  SearchOptions options = edgeOptions();
  int64_t lastPEs = 0;
  double lastBuffers = 1e300;
  for (HardwarePreset preset :
       {HardwarePreset::BufferFocused, HardwarePreset::Medium,
        HardwarePreset::ComputeFocused}) {
    SCOPED_TRACE(std::string(presetName(preset)));
    EXPECT_EQ(parsePreset(presetName(preset)), preset);
    cost::Hardware hw = presetHardware(preset, options);
    ASSERT_GT(hw.numPEs, 0);
    double area =
        cost::digammaAreaUm2(hw.numPEs, hw.l1Elements, hw.l2Elements, 1);
    EXPECT_LE(area, options.areaBudgetUm2);
    // Filled: less than one PE and a few elements left over.
    EXPECT_GT(area, options.areaBudgetUm2 - 282 - 0.7 * (hw.numPEs + 1));
    EXPECT_NEAR(double(hw.numPEs) * 282, presetPEAreaShare(preset) * 200000,
                282);
    double l1Total = double(hw.l1Elements) * double(hw.numPEs);
    EXPECT_NEAR(l1Total / (l1Total + double(hw.l2Elements)), kPresetL1Share,
                0.02);
    // More compute, less buffer, from buffer-focused to compute-focused.
    EXPECT_GT(hw.numPEs, lastPEs);
    EXPECT_LT(l1Total + double(hw.l2Elements), lastBuffers);
    lastPEs = hw.numPEs;
    lastBuffers = l1Total + double(hw.l2Elements);
  }
  EXPECT_FALSE(parsePreset("huge").has_value());
  options.peLimit = 64;
  EXPECT_EQ(presetHardware(HardwarePreset::ComputeFocused, options).numPEs, 64);
}

TEST(TwoStep, MappingOptSearchesOnThePreset) {
  cost::Layer layer = convLayer();
  SearchOptions options = edgeOptions();
  for (HardwarePreset preset :
       {HardwarePreset::BufferFocused, HardwarePreset::Medium,
        HardwarePreset::ComputeFocused}) {
    cost::Hardware hw = presetHardware(preset, options);
    SearchResult result = runMappingOpt(layer, preset, options);
    ASSERT_TRUE(result.found) << result.message;
    EXPECT_EQ(result.hardware.numPEs, hw.numPEs);
    EXPECT_EQ(result.hardware.l1Elements, hw.l1Elements);
    EXPECT_EQ(result.hardware.l2Elements, hw.l2Elements);
    EXPECT_LE(result.cost.l1Elements, hw.l1Elements);
    EXPECT_LE(result.cost.l2Elements, hw.l2Elements);
    EXPECT_LE(result.areaUm2, options.areaBudgetUm2);
    EXPECT_EQ(result.samplesUsed, options.samples);
    SearchResult again = runMappingOpt(layer, preset, options);
    EXPECT_EQ(again.cost.cycles, result.cost.cycles);
  }
}

TEST(Dataflows, RewrittenParallelDimensionsCostTheSame) {
  // The template's own parallel dimensions, even where they spread nothing,
  // and the instance's rewritten ones give the same figures.
  cost::Evaluator evaluator;
  int rewritten = 0;
  for (const cost::Layer &layer : digamma::testing::allModelLayers())
    for (const Dataflow &dataflow : builtinDataflows())
      for (int64_t cluster : {1, 4}) {
        DataflowShape shape;
        shape.clusterSize = cluster;
        shape.growth = {1, 1};
        cost::Mapping m = instantiateDataflow(dataflow, layer, shape);
        cost::Mapping raw = m;
        for (int l = 0; l < 2; ++l)
          raw.level(l).parallelDim = dataflow.levels[l].parallel;
        bool same = true;
        for (int l = 0; l < 2; ++l)
          same &= raw.level(l).parallelDim == m.level(l).parallelDim;
        if (same)
          continue;
        ++rewritten;
        // Only where the template's dimension spreads nothing.
        for (int l = 0; l < 2; ++l)
          if (raw.level(l).parallelDim != m.level(l).parallelDim)
            EXPECT_TRUE(layer.mappedExtent(raw.level(l).parallelDim) == 1 ||
                        layer.layerClass == cost::LayerClass::DepthwiseConv);
        cost::Hardware hw;
        hw.numPEs = 64;
        cost::CostReport a = evaluator.evaluate(layer, hw, m);
        cost::CostReport b = evaluator.evaluate(layer, hw, raw);
        ASSERT_EQ(a.valid, b.valid) << dataflow.name;
        EXPECT_EQ(a.cycles, b.cycles) << dataflow.name;
        EXPECT_EQ(a.l1Elements, b.l1Elements) << dataflow.name;
        EXPECT_EQ(a.l2Elements, b.l2Elements) << dataflow.name;
        EXPECT_DOUBLE_EQ(a.energyNJ, b.energyNJ) << dataflow.name;
      }
  // GEMMs (NCF, DLRM, BERT) and depthwise layers exercise the rewrite.
  EXPECT_GT(rewritten, 50);
}
