//===- ModelSearchTest.cpp - Whole-model co-optimization ------------------===//

#include "digamma/Search/ModelSearch.h"

#include "TestLayers.h"

#include "gtest/gtest.h"

#include <limits>

using namespace digamma;
using namespace digamma::search;

namespace {

/// A few distinct layers of resnet18 (conv, strided conv, FC) and a GEMM.
std::vector<ModelLayer> smallModel() {
  cost::GammaTable table =
      cost::readGammaTable(std::string(DIGAMMA_MODELS_DIR) + "/resnet18.csv");
  std::vector<ModelLayer> layers;
  for (size_t i : {size_t(1), size_t(6), table.layers.size() - 1})
    layers.push_back({table.layers.at(i), 1.0});
  cost::Layer gemm;
  gemm.layerClass = cost::LayerClass::Gemm;
  gemm.k = 96;
  gemm.c = 64;
  gemm.y = 50;
  layers.push_back({gemm, 3.0});
  return layers;
}

/// Each layer's own DiGamma result.
std::vector<SearchResult> searchEachLayer(const std::vector<ModelLayer> &layers,
                                          const SearchOptions &options) {
  std::vector<SearchResult> results;
  for (const ModelLayer &layer : layers)
    results.push_back(runDiGamma(layer.layer, options));
  return results;
}

/// Same PE count, buffers and array shape (level count and cluster sizes).
bool sameChip(const cost::Hardware &hwA, const cost::Mapping &a,
              const cost::Hardware &hwB, const cost::Mapping &b) {
  bool same = hwA.numPEs == hwB.numPEs && hwA.l1Elements == hwB.l1Elements &&
              hwA.l2Elements == hwB.l2Elements && a.numLevels == b.numLevels;
  for (int l = 1; same && l < a.numLevels; ++l)
    same = a.level(l).clusterSize == b.level(l).clusterSize;
  return same;
}

SearchOptions smallOptions() {
  SearchOptions options;
  options.samples = 2000;
  options.population = 20;
  options.areaBudgetUm2 = 200000.0;
  return options;
}

TEST(ModelSearch, EveryMappingRunsOnTheSharedChipWithinTheBudget) {
  std::vector<ModelLayer> layers = smallModel();
  SearchOptions options = smallOptions();
  ModelSearchResult result = runModelDiGamma(layers, options);
  ASSERT_TRUE(result.found) << result.message;
  ASSERT_EQ(result.mappings.size(), layers.size());
  ASSERT_EQ(result.costs.size(), layers.size());
  const cost::Hardware &hw = result.hardware;
  EXPECT_LE(result.areaUm2, options.areaBudgetUm2);
  EXPECT_DOUBLE_EQ(result.areaUm2,
                   cost::digammaAreaUm2(hw.numPEs, hw.l1Elements, hw.l2Elements,
                                        hw.bytesPerElement));
  EXPECT_NEAR(result.peAreaUm2 + result.bufferAreaUm2, result.areaUm2, 1e-6);
  cost::Evaluator evaluator;
  double cycles = 0;
  for (size_t i = 0; i < layers.size(); ++i) {
    const cost::Mapping &m = result.mappings[i];
    // One array shape for all: same levels and cluster sizes.
    ASSERT_EQ(m.numLevels, result.mappings[0].numLevels);
    for (int l = 1; l < m.numLevels; ++l)
      EXPECT_EQ(m.level(l).clusterSize,
                result.mappings[0].level(l).clusterSize);
    // The mapping fits the chip's buffers and PEs as they are.
    const cost::CostReport &report = evaluator.evaluate(layers[i].layer, hw, m);
    ASSERT_TRUE(report.valid)
        << "layer " << i << ": " << cost::describe(report.reason);
    EXPECT_LE(report.l1Elements, hw.l1Elements);
    EXPECT_LE(report.l2Elements, hw.l2Elements);
    EXPECT_EQ(report.cycles, result.costs[i].cycles);
    cycles += layers[i].weight * double(report.cycles);
  }
  EXPECT_DOUBLE_EQ(result.totalCycles, cycles);
  EXPECT_DOUBLE_EQ(result.objectiveValue, result.totalCycles);
  EXPECT_LE(result.samplesUsed,
            options.samples * static_cast<int64_t>(layers.size()));
  for (size_t g = 1; g < result.bestPerGeneration.size(); ++g)
    if (result.bestPerGeneration[g - 1] >= 0)
      EXPECT_LE(result.bestPerGeneration[g], result.bestPerGeneration[g - 1]);
}

/// Every mapping of \p result runs on its chip as reported and the chip
/// holds the area budget.
void expectRunsOnTheChip(const std::vector<ModelLayer> &layers,
                         const ModelSearchResult &result, double budgetUm2) {
  ASSERT_TRUE(result.found) << result.message;
  ASSERT_EQ(result.mappings.size(), layers.size());
  EXPECT_LE(result.areaUm2, budgetUm2);
  cost::Evaluator evaluator;
  double cycles = 0;
  for (size_t i = 0; i < layers.size(); ++i) {
    const cost::Mapping &m = result.mappings[i];
    ASSERT_EQ(m.numLevels, result.mappings[0].numLevels);
    for (int l = 1; l < m.numLevels; ++l)
      EXPECT_EQ(m.level(l).clusterSize,
                result.mappings[0].level(l).clusterSize);
    const cost::CostReport &report =
        evaluator.evaluate(layers[i].layer, result.hardware, m);
    ASSERT_TRUE(report.valid)
        << "layer " << i << ": " << cost::describe(report.reason);
    EXPECT_EQ(report.cycles, result.costs[i].cycles);
    cycles += layers[i].weight * double(report.cycles);
  }
  EXPECT_DOUBLE_EQ(result.totalCycles, cycles);
}

TEST(ModelSearch, CloudThreeLevelsAndEnergyObjectiveFitTheChip) {
  std::vector<ModelLayer> layers = smallModel();
  SearchOptions options = smallOptions();
  options.areaBudgetUm2 = 7000000.0;
  ModelSearchResult cloud = runModelDiGamma(layers, options);
  expectRunsOnTheChip(layers, cloud, options.areaBudgetUm2);
  // More area than the edge budget buys a faster chip.
  ModelSearchResult edge = runModelDiGamma(layers, smallOptions());
  ASSERT_TRUE(edge.found);
  EXPECT_LT(cloud.totalCycles, edge.totalCycles);

  options = smallOptions();
  options.minLevels = options.maxLevels = 3;
  ModelSearchResult three = runModelDiGamma(layers, options);
  expectRunsOnTheChip(layers, three, options.areaBudgetUm2);
  EXPECT_EQ(three.mappings[0].numLevels, 3);

  options = smallOptions();
  options.objective = Objective::Energy;
  options.tieBreak = Objective::Latency;
  ModelSearchResult energy = runModelDiGamma(layers, options);
  expectRunsOnTheChip(layers, energy, options.areaBudgetUm2);
  EXPECT_DOUBLE_EQ(energy.objectiveValue, energy.totalEnergyNJ);
}

TEST(ModelSearch, SpendsTheWholeBudgetAndNoMore) {
  std::vector<ModelLayer> layers = smallModel();
  for (int64_t samples : {int64_t(1000), int64_t(4000)}) {
    SearchOptions options = smallOptions();
    options.samples = samples;
    ModelSearchResult result = runModelDiGamma(layers, options);
    ASSERT_TRUE(result.found);
    int64_t total = samples * static_cast<int64_t>(layers.size());
    EXPECT_LE(result.samplesUsed, total);
    EXPECT_GE(result.samplesUsed, total * 9 / 10) << "samples " << samples;
    // Warm start, chip generations and the final halving all leave a mark.
    EXPECT_GE(result.bestPerGeneration.size(), size_t(3));
  }
}

TEST(ModelSearch, SameSeedSameChipWithAnyThreadCount) {
  std::vector<ModelLayer> layers = smallModel();
  SearchOptions options = smallOptions();
  options.threads = 1;
  ModelSearchResult one = runModelDiGamma(layers, options);
  options.threads = 2;
  ModelSearchResult two = runModelDiGamma(layers, options);
  options.threads = 5;
  ModelSearchResult five = runModelDiGamma(layers, options);
  ASSERT_TRUE(one.found && two.found && five.found);
  EXPECT_EQ(one.hardware.numPEs, five.hardware.numPEs);
  EXPECT_EQ(one.hardware.l2Elements, five.hardware.l2Elements);
  EXPECT_EQ(one.totalCycles, five.totalCycles);
  EXPECT_EQ(one.bestPerGeneration, five.bestPerGeneration);
  EXPECT_EQ(one.hardware.numPEs, two.hardware.numPEs);
  EXPECT_EQ(one.hardware.l1Elements, two.hardware.l1Elements);
  EXPECT_EQ(one.hardware.l2Elements, two.hardware.l2Elements);
  EXPECT_EQ(one.totalCycles, two.totalCycles);
  EXPECT_EQ(one.samplesUsed, two.samplesUsed);
  EXPECT_EQ(one.bestPerGeneration, two.bestPerGeneration);
  for (size_t i = 0; i < layers.size(); ++i) {
    EXPECT_EQ(one.mappings[i].level(0).tiles, two.mappings[i].level(0).tiles);
    EXPECT_EQ(one.mappings[i].level(0).order, two.mappings[i].level(0).order);
  }
  options.seed = 2;
  ModelSearchResult other = runModelDiGamma(layers, options);
  ASSERT_TRUE(other.found);
  EXPECT_NE(other.bestPerGeneration, one.bestPerGeneration);
}

TEST(ModelSearch, EveryLayerImprovesOnTheSmallestChip) {
  // Sharing the chip must not leave any layer on a one-PE design.
  std::vector<ModelLayer> layers = smallModel();
  SearchOptions options = smallOptions();
  ModelSearchResult result = runModelDiGamma(layers, options);
  ASSERT_TRUE(result.found);
  cost::Evaluator evaluator;
  for (size_t i = 0; i < layers.size(); ++i) {
    cost::Hardware one;
    cost::Mapping unit;
    unit.numLevels = 1;
    unit.level(0).parallelDim = cost::Dim::K;
    const cost::CostReport &smallest =
        evaluator.evaluate(layers[i].layer, one, unit);
    ASSERT_TRUE(smallest.valid);
    EXPECT_LT(result.costs[i].cycles, smallest.cycles) << "layer " << i;
  }
}

TEST(ModelSearch, BestPerLayerChipRemapsEveryLayer) {
  std::vector<ModelLayer> layers = smallModel();
  SearchOptions options = smallOptions();
  std::vector<SearchResult> perLayer = searchEachLayer(layers, options);
  ModelSearchResult chip = runBestPerLayerChip(layers, perLayer, options);
  ASSERT_TRUE(chip.found) << chip.message;
  // The chip is one of the winners' and every layer fits it.
  bool isWinner = false;
  for (const SearchResult &one : perLayer)
    isWinner |= one.hardware.numPEs == chip.hardware.numPEs &&
                one.hardware.l1Elements == chip.hardware.l1Elements &&
                one.hardware.l2Elements == chip.hardware.l2Elements;
  EXPECT_TRUE(isWinner);
  EXPECT_LE(chip.areaUm2, options.areaBudgetUm2);
  // A single chip: every layer keeps the winner's array shape (level count
  // and cluster sizes), not one of its own.
  bool shapeOfAWinner = false;
  for (const SearchResult &one : perLayer)
    shapeOfAWinner |= sameChip(one.hardware, one.mapping, chip.hardware,
                               chip.mappings[0]);
  EXPECT_TRUE(shapeOfAWinner);
  for (const cost::Mapping &m : chip.mappings) {
    ASSERT_EQ(m.numLevels, chip.mappings[0].numLevels);
    for (int l = 1; l < m.numLevels; ++l)
      EXPECT_EQ(m.level(l).clusterSize, chip.mappings[0].level(l).clusterSize);
  }
  cost::Evaluator evaluator;
  for (size_t i = 0; i < layers.size(); ++i) {
    const cost::CostReport &report =
        evaluator.evaluate(layers[i].layer, chip.hardware, chip.mappings[i]);
    EXPECT_TRUE(report.valid);
    EXPECT_EQ(report.cycles, chip.costs[i].cycles);
  }
  EXPECT_LE(chip.samplesUsed,
            options.samples * static_cast<int64_t>(layers.size()));
  // The totals and the objective are those of the layers' costs on it.
  double cycles = 0, energy = 0;
  for (size_t i = 0; i < layers.size(); ++i) {
    cycles += layers[i].weight * double(chip.costs[i].cycles);
    energy += layers[i].weight * chip.costs[i].energyNJ;
  }
  EXPECT_DOUBLE_EQ(chip.totalCycles, cycles);
  EXPECT_DOUBLE_EQ(chip.totalEnergyNJ, energy);
  EXPECT_DOUBLE_EQ(chip.objectiveValue,
                   modelObjectiveValue(options.objective, cycles, energy,
                                       chip.areaUm2));
}

TEST(ModelSearch, BestPerLayerChipIsTheBestOfTheWinners) {
  std::vector<ModelLayer> layers = smallModel();
  SearchOptions options = smallOptions();
  std::vector<SearchResult> perLayer = searchEachLayer(layers, options);
  // The distinct winner chips (PE count, buffers and array shape).
  std::vector<size_t> winners;
  for (size_t i = 0; i < perLayer.size(); ++i) {
    ASSERT_TRUE(perLayer[i].found);
    bool seen = false;
    for (size_t w : winners)
      seen |= sameChip(perLayer[w].hardware, perLayer[w].mapping,
                       perLayer[i].hardware, perLayer[i].mapping);
    if (!seen)
      winners.push_back(i);
  }
  ASSERT_GT(winners.size(), 1u) << "the layers should not share a winner";
  // The candidates share the budget evenly (ModelSearch.h), and the
  // re-mapping searches are deterministic: each candidate alone with its
  // share of the samples gets exactly the re-mapping it gets among all, so
  // the chip chosen among all is the best of the candidates alone.
  const int64_t share = 300;
  SearchOptions all = options, alone = options;
  all.samples = share * static_cast<int64_t>(winners.size());
  alone.samples = share;
  ModelSearchResult chip = runBestPerLayerChip(layers, perLayer, all);
  ASSERT_TRUE(chip.found) << chip.message;
  double best = std::numeric_limits<double>::infinity();
  cost::Hardware bestHardware;
  for (size_t w : winners) {
    std::vector<SearchResult> only(layers.size(), perLayer[w]);
    ModelSearchResult one = runBestPerLayerChip(layers, only, alone);
    if (!one.found)
      continue;
    EXPECT_LE(chip.objectiveValue, one.objectiveValue) << "winner " << w;
    if (one.objectiveValue < best) {
      best = one.objectiveValue;
      bestHardware = one.hardware;
    }
  }
  EXPECT_EQ(chip.objectiveValue, best);
  EXPECT_EQ(chip.hardware.numPEs, bestHardware.numPEs);
  EXPECT_EQ(chip.hardware.l1Elements, bestHardware.l1Elements);
  EXPECT_EQ(chip.hardware.l2Elements, bestHardware.l2Elements);
}

TEST(ModelSearch, ImpossibleBudgetNamesTheSmallestChip) {
  std::vector<ModelLayer> layers = smallModel();
  SearchOptions options = smallOptions();
  options.areaBudgetUm2 = 200.0; // less than one MAC unit
  ModelSearchResult result = runModelDiGamma(layers, options);
  EXPECT_FALSE(result.found);
  EXPECT_NE(result.message.find("smallest feasible area"), std::string::npos)
      << result.message;
}

TEST(ModelSearch, BadInputIsRejected) {
  SearchOptions options = smallOptions();
  EXPECT_FALSE(runModelDiGamma({}, options).found);
  std::vector<ModelLayer> layers = smallModel();
  layers[0].weight = 0;
  ModelSearchResult result = runModelDiGamma(layers, options);
  EXPECT_FALSE(result.found);
  EXPECT_NE(result.message.find("weights"), std::string::npos);
  options.mode = Mode::FixedHW;
  result = runModelDiGamma(smallModel(), options);
  EXPECT_NE(result.message.find("co-opt"), std::string::npos);
  // The layer checks of every optimizer, named with the layer's index (a
  // zero stride once divided by zero here).
  options = smallOptions();
  layers = smallModel();
  layers[1].layer.strideX = 0;
  EXPECT_EQ(runModelDiGamma(layers, options).message,
            "layer 1: the layer's strides must be positive, got 1x0");
  layers = smallModel();
  layers[0].layer.strideY = 2;
  options.semantics = cost::Semantics::Maestro;
  result = runModelDiGamma(layers, options);
  EXPECT_FALSE(result.found);
  EXPECT_EQ(result.message.rfind("layer 0: maestro semantics model batch 1 "
                                 "and stride 1 only",
                                 0),
            0u);
}

} // namespace
