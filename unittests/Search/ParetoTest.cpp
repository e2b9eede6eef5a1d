//===- ParetoTest.cpp - Fronts of non-dominated designs -------------------===//

#include "digamma/Search/Pareto.h"

#include "TestLayers.h"

#include "gtest/gtest.h"

#include <algorithm>

using namespace digamma;
using namespace digamma::search;

namespace {

/// Layers of three kinds from the bundled models: a ResNet-18 conv, a
/// strided one, a MobileNet-V2 depthwise conv, and BERT's GEMM.
std::vector<cost::Layer> frontLayers() {
  std::vector<cost::Layer> layers;
  cost::GammaTable resnet =
      cost::readGammaTable(std::string(DIGAMMA_MODELS_DIR) + "/resnet18.csv");
  layers.push_back(resnet.layers.at(1));
  layers.push_back(resnet.layers.at(6));
  cost::GammaTable mobilenet = cost::readGammaTable(
      std::string(DIGAMMA_MODELS_DIR) + "/mobilenet_v2.csv");
  for (const cost::Layer &layer : mobilenet.layers)
    if (layer.layerClass == cost::LayerClass::DepthwiseConv) {
      layers.push_back(layer);
      break;
    }
  cost::GammaTable bert =
      cost::readGammaTable(std::string(DIGAMMA_MODELS_DIR) + "/bert.csv");
  layers.push_back(bert.layers.at(0));
  return layers;
}

SearchOptions frontOptions() {
  SearchOptions options;
  options.objective = Objective::Pareto;
  options.samples = 4000;
  options.threads = 1;
  options.seed = 3;
  options.bytesPerElement = 1;
  return options;
}

/// No design of \p front is dominated by another; designs are sorted by
/// their figures; the pick is one of them; each design's figures are its
/// cost report's and it fits the budget.
void expectWellFormed(const Front &front, const SearchOptions &options) {
  std::vector<Figures> points = front.figures();
  ASSERT_FALSE(points.empty());
  EXPECT_LE(points.size(), size_t(options.pareto.frontCapacity));
  EXPECT_LT(front.picked, points.size());
  int count = front.settings.numObjectives;
  for (size_t i = 0; i < points.size(); ++i) {
    for (size_t j = 0; j < points.size(); ++j)
      EXPECT_FALSE(dominates(points[i], points[j], count))
          << "design " << i << " dominates design " << j;
    if (i > 0)
      EXPECT_LT(points[i - 1], points[i]) << "not sorted at " << i;
    const FrontDesign &design = front.designs[i];
    EXPECT_LE(design.areaUm2, options.areaBudgetUm2);
    ASSERT_EQ(design.costs.size(), design.mappings.size());
    double cycles = 0, energy = 0;
    for (const cost::CostReport &cost : design.costs) {
      EXPECT_TRUE(cost.valid);
      cycles += double(cost.cycles);
      energy += cost.energyNJ;
    }
    if (design.costs.size() == 1) {
      EXPECT_EQ(design.cycles, cycles);
      EXPECT_EQ(design.energyNJ, energy);
    }
  }
}

/// The smallest value of figure \p objective on \p front.
double bestOf(const Front &front, Objective objective) {
  double best = -1;
  for (const FrontDesign &design : front.designs) {
    double value = objective == Objective::Latency  ? design.cycles
                   : objective == Objective::Energy ? design.energyNJ
                                                    : design.areaUm2;
    if (best < 0 || value < best)
      best = value;
  }
  return best;
}

} // namespace

//===----------------------------------------------------------------------===//
// Fronts, figures and the pick
//===----------------------------------------------------------------------===//

TEST(Front, DominanceNeedsOneStrictlyBetterFigure) {
  EXPECT_TRUE(dominates({1, 2, 3}, {1, 2, 4}, 3));
  EXPECT_FALSE(dominates({1, 2, 3}, {1, 2, 3}, 3));
  EXPECT_FALSE(dominates({1, 2, 5}, {1, 3, 4}, 3));
  // Only the first `count` figures count.
  EXPECT_TRUE(dominates({1, 2, 9}, {2, 2, 1}, 2));
}

TEST(Front, HypervolumeOfKnownFronts) {
  // Staircase (1,3), (2,2), (3,1) up to (4,4): 1 + 2 + 3.
  EXPECT_DOUBLE_EQ(hypervolume({{1, 3, 0}, {2, 2, 0}, {3, 1, 0}}, {4, 4, 0}, 2),
                   6.0);
  EXPECT_DOUBLE_EQ(hypervolume({{1, 1, 1}}, {2, 2, 2}, 3), 1.0);
  // Two boxes of 1 x 2 x 2 and 2 x 1 x 2 that share 1 x 1 x 2.
  EXPECT_DOUBLE_EQ(hypervolume({{1, 0, 0}, {0, 1, 0}}, {2, 2, 2}, 3), 6.0);
  // Points beyond the reference add nothing; no point, no volume.
  EXPECT_DOUBLE_EQ(hypervolume({{1, 1, 0}, {5, 0, 0}}, {2, 2, 0}, 2), 1.0);
  EXPECT_EQ(hypervolume({}, {2, 2, 2}, 3), 0.0);
}

TEST(Front, ComparableHypervolumesShareOneScale) {
  // In log scale the fronts span [1, 100] in both figures; the first
  // front's corner point dominates everything of the second.
  std::vector<Figures> better = {{1, 1, 0}};
  std::vector<Figures> worse = {{10, 100, 0}, {100, 10, 0}};
  std::vector<double> volumes = comparableHypervolumes({better, worse, {}}, 2);
  ASSERT_EQ(volumes.size(), 3u);
  EXPECT_NEAR(volumes[0], 1.1 * 1.1, 1e-12);
  // (0.5, 1) and (1, 0.5) normalized: 0.6 x 0.1 + 0.1 x 0.6 - 0.1 x 0.1.
  EXPECT_NEAR(volumes[1], 0.11, 1e-12);
  EXPECT_EQ(volumes[2], 0.0);
}

TEST(Front, PickTakesTheKneeOrOneFiguresBest) {
  ParetoSettings settings;
  settings.numObjectives = 2;
  std::vector<Figures> points = {{1, 1000, 0}, {30, 30, 0}, {1000, 1, 0}};
  EXPECT_EQ(pickDesign(points, settings, ParetoPick::Knee), 1u);
  EXPECT_EQ(pickDesign(points, settings, ParetoPick::Latency), 0u);
  EXPECT_EQ(pickDesign(points, settings, ParetoPick::Energy), 2u);
  EXPECT_EQ(pickDesign({}, settings, ParetoPick::Knee), 0u);
}

TEST(Front, SettingsAreChecked) {
  SearchOptions options = frontOptions();
  EXPECT_FALSE(validateOptions(options));
  options.pareto.numObjectives = 1;
  EXPECT_EQ(*validateOptions(options),
            "a front trades off two or three of latency, energy and area");
  options.pareto.numObjectives = 2;
  options.pareto.objectives = {Objective::Latency, Objective::EDP,
                               Objective::Area};
  EXPECT_EQ(*validateOptions(options),
            "a front trades off latency, energy and area, not edp");
  options.pareto.objectives = {Objective::Energy, Objective::Energy,
                               Objective::Area};
  EXPECT_EQ(*validateOptions(options),
            "energy is given twice among the front's objectives");
  options.pareto.objectives = {Objective::Latency, Objective::Energy,
                               Objective::Area};
  options.pareto.pick = ParetoPick::Area;
  EXPECT_EQ(*validateOptions(options),
            "the pick area is not among the front's objectives");
  options.pareto.pick = ParetoPick::Knee;
  options.pareto.frontCapacity = 1;
  EXPECT_EQ(*validateOptions(options), "a front keeps at least two designs");
  options.pareto.frontCapacity = 8;
  options.tieBreak = Objective::Pareto;
  EXPECT_EQ(*validateOptions(options),
            "the tie-break is one figure, not pareto");
}

//===----------------------------------------------------------------------===//
// Front searches of one layer
//===----------------------------------------------------------------------===//

TEST(ParetoSearch, EveryOptimizerReturnsAWellFormedFront) {
  SearchOptions options = frontOptions();
  for (const cost::Layer &layer : frontLayers())
    for (Algorithm algorithm :
         {Algorithm::DiGamma, Algorithm::Random, Algorithm::Nsga2,
          Algorithm::Moead}) {
      SCOPED_TRACE(std::string(algorithmName(algorithm)));
      SearchResult result = getOptimizer(algorithm).run(layer, options);
      ASSERT_TRUE(result.found) << result.message;
      EXPECT_EQ(result.samplesUsed, options.samples);
      expectWellFormed(result.front, options);
      // The result's design is the front's pick.
      const FrontDesign &picked = result.front.designs[result.front.picked];
      EXPECT_EQ(result.cost.cycles, picked.costs[0].cycles);
      EXPECT_EQ(result.areaUm2, picked.areaUm2);
      EXPECT_EQ(result.hardware.numPEs, picked.hardware.numPEs);
      EXPECT_EQ(result.objectiveValue, double(picked.cycles));
    }
}

TEST(ParetoSearch, SameSeedSameFrontWithAnyThreadCount) {
  SearchOptions options = frontOptions();
  cost::Layer layer = frontLayers()[0];
  for (Algorithm algorithm :
       {Algorithm::DiGamma, Algorithm::Random, Algorithm::Nsga2,
        Algorithm::Moead}) {
    SearchResult first = getOptimizer(algorithm).run(layer, options);
    options.threads = 3;
    SearchResult again = getOptimizer(algorithm).run(layer, options);
    options.threads = 1;
    ASSERT_TRUE(first.found);
    EXPECT_EQ(first.front.figures(), again.front.figures())
        << algorithmName(algorithm);
    EXPECT_EQ(first.front.picked, again.front.picked);
    options.seed += 1;
    SearchResult other = getOptimizer(algorithm).run(layer, options);
    options.seed -= 1;
    EXPECT_NE(first.front.figures(), other.front.figures())
        << algorithmName(algorithm) << ": the seed changes nothing";
  }
}

// What "contains the single-objective optimum" means here: for each figure
// o of the front, the front's best o is within 1 % of what single-objective
// DiGamma finds for o with the same samples (40,000) and seed (o as the
// objective, the other of latency and energy as tie-break). Checked on four
// layers of three kinds at the edge budget, seeds 1 and 2. It is a
// statistical property: the latency extreme is single-objective DiGamma's
// search stopped at 70 % of the samples, and a search sometimes still
// improves after that (with seed 3, this MobileNet-V2 depthwise layer's
// front is 1.9 % behind). bench/results/pareto reports it over every layer
// of the seven models.
TEST(ParetoSearch, FrontHoldsEachFiguresSingleObjectiveOptimum) {
  SearchOptions options = frontOptions();
  options.samples = 40000;
  for (uint64_t seed : {1, 2})
    for (const cost::Layer &layer : frontLayers()) {
      options.seed = seed;
      SearchResult front = runParetoDiGamma(layer, options);
      ASSERT_TRUE(front.found) << front.message;
      for (Objective objective :
           {Objective::Latency, Objective::Energy, Objective::Area}) {
        SearchOptions single = options;
        single.objective = objective;
        single.tieBreak = objective == Objective::Latency ? Objective::Energy
                                                          : Objective::Latency;
        SearchResult best = runDiGamma(layer, single);
        ASSERT_TRUE(best.found);
        EXPECT_LE(bestOf(front.front, objective), best.objectiveValue * 1.01)
            << objectiveName(objective) << " of layer K=" << layer.k
            << " C=" << layer.c << " Y=" << layer.y << ", seed " << seed;
      }
    }
}

TEST(ParetoSearch, LatencyExtremeIsTheSingleObjectiveSearchsPrefix) {
  // The latency extreme's search is single-objective DiGamma with the
  // same seed and 70 % of the samples, whatever the front's size.
  SearchOptions options = frontOptions();
  cost::Layer layer = frontLayers()[1];
  SearchOptions single = options;
  single.objective = Objective::Latency;
  single.samples = options.samples * 7 / 10;
  SearchResult prefix = runDiGamma(layer, single);
  for (int capacity : {4, 64}) {
    options.pareto.frontCapacity = capacity;
    SearchResult result = runParetoDiGamma(layer, options);
    ASSERT_TRUE(result.found);
    EXPECT_LE(result.front.designs.size(), size_t(capacity));
    EXPECT_LE(bestOf(result.front, Objective::Latency),
              double(prefix.cost.cycles));
  }
}

TEST(ParetoSearch, TwoFiguresAndOtherModes) {
  SearchOptions options = frontOptions();
  options.pareto.numObjectives = 2;
  options.pareto.objectives = {Objective::Energy, Objective::Area,
                               Objective::Latency};
  options.pareto.pick = ParetoPick::Area;
  cost::Layer layer = frontLayers()[0];
  SearchResult result = runParetoDiGamma(layer, options);
  ASSERT_TRUE(result.found) << result.message;
  expectWellFormed(result.front, options);
  // The pick is the smallest design, first by area... which is the last
  // by energy, the first figure.
  EXPECT_EQ(result.front.picked, result.front.designs.size() - 1);
  // The smallest design (one PE) is area's extreme.
  EXPECT_EQ(result.front.designs.back().hardware.numPEs, 1);

  // Fixed hardware: every design has the same area; latency and energy
  // still trade off.
  options = frontOptions();
  options.mode = Mode::FixedHW;
  options.fixedHardware.numPEs = 64;
  options.fixedHardware.l1Elements = 64;
  options.fixedHardware.l2Elements = 1 << 16;
  result = runParetoDiGamma(layer, options);
  ASSERT_TRUE(result.found) << result.message;
  expectWellFormed(result.front, options);
  for (const FrontDesign &design : result.front.designs)
    EXPECT_EQ(design.hardware.numPEs, 64);
}

TEST(ParetoSearch, NoDesignWithinTheBudgetSaysWhy) {
  SearchOptions options = frontOptions();
  options.areaBudgetUm2 = 100;
  SearchResult result = runParetoDiGamma(frontLayers()[0], options);
  EXPECT_FALSE(result.found);
  EXPECT_NE(result.message.find("no design fits the area budget of 100 um^2"),
            std::string::npos)
      << result.message;
  EXPECT_TRUE(result.front.empty());
}

TEST(ParetoSearch, SingleFigureOptimizersRefuseFrontsAndFrontOnesFigures) {
  SearchOptions options = frontOptions();
  SearchResult result =
      getOptimizer(Algorithm::Pso).run(frontLayers()[0], options);
  EXPECT_FALSE(result.found);
  EXPECT_EQ(result.message,
            "pso is single-objective; a front takes digamma, random, nsga2 or "
            "moead");
  options.objective = Objective::Latency;
  result = runNsga2(frontLayers()[0], options);
  EXPECT_FALSE(result.found);
  EXPECT_EQ(result.message,
            "nsga2 searches fronts only: it needs objective pareto");
  result = runMoead(frontLayers()[0], options);
  EXPECT_FALSE(result.found);
  EXPECT_EQ(result.message,
            "moead searches fronts only: it needs objective pareto");
}

//===----------------------------------------------------------------------===//
// The front of one chip
//===----------------------------------------------------------------------===//

namespace {

std::vector<ModelLayer> smallModel() {
  std::vector<ModelLayer> layers;
  std::vector<cost::Layer> kinds = frontLayers();
  layers.push_back({kinds[0], 2.0});
  layers.push_back({kinds[2], 1.0});
  layers.push_back({kinds[3], 1.0});
  return layers;
}

} // namespace

TEST(ModelPareto, AWellFormedFrontOfChipsFromTheSmallestChipUp) {
  std::vector<ModelLayer> layers = smallModel();
  SearchOptions options = frontOptions();
  options.samples = 1500;
  options.population = 20;
  ModelSearchResult result = runModelDiGamma(layers, options);
  ASSERT_TRUE(result.found) << result.message;
  expectWellFormed(result.front, options);
  // Every design is one chip: a mapping and cost per layer, weighted sums.
  for (const FrontDesign &chip : result.front.designs) {
    ASSERT_EQ(chip.mappings.size(), layers.size());
    double cycles = 0;
    for (size_t i = 0; i < layers.size(); ++i)
      cycles += layers[i].weight * double(chip.costs[i].cycles);
    EXPECT_DOUBLE_EQ(chip.cycles, cycles);
  }
  // Area's extreme is the smallest chip: one PE.
  const FrontDesign *smallest = &result.front.designs[0];
  for (const FrontDesign &chip : result.front.designs)
    if (chip.areaUm2 < smallest->areaUm2)
      smallest = &chip;
  EXPECT_EQ(smallest->hardware.numPEs, 1);
  // The result's chip is the pick; deterministic for a seed.
  const FrontDesign &picked = result.front.designs[result.front.picked];
  EXPECT_EQ(result.hardware.numPEs, picked.hardware.numPEs);
  EXPECT_EQ(result.totalCycles, picked.cycles);
  options.threads = 3;
  ModelSearchResult again = runModelDiGamma(layers, options);
  EXPECT_EQ(result.front.figures(), again.front.figures());
}

TEST(ModelPareto, LatencyAndEnergyWithoutArea) {
  std::vector<ModelLayer> layers = smallModel();
  SearchOptions options = frontOptions();
  options.samples = 1500;
  options.population = 20;
  options.pareto.numObjectives = 2;
  ModelSearchResult result = runModelDiGamma(layers, options);
  ASSERT_TRUE(result.found) << result.message;
  expectWellFormed(result.front, options);
  options.areaBudgetUm2 = 100;
  result = runModelDiGamma(layers, options);
  EXPECT_FALSE(result.found);
  EXPECT_NE(result.message.find("no chip fits the area budget of 100 um^2"),
            std::string::npos)
      << result.message;
}
