//===- SearchTest.cpp - Tests of DiGamma's encoding, operators, search ----===//

#include "digamma/Search/Encoding.h"

#include "TestLayers.h"

#include "gtest/gtest.h"

#include <algorithm>
#include <array>
#include <set>

using namespace digamma;
using namespace digamma::search;

namespace {

cost::Layer convLayer() {
  return digamma::testing::convLayer(64, 64, 30, 30, 3, 3);
}

/// Every gene within its legal range.
void expectLegal(const Individual &ind, const SearchSpace &space) {
  const cost::Mapping &m = ind.mapping;
  ASSERT_GE(m.numLevels, space.options.minLevels);
  ASSERT_LE(m.numLevels, space.options.maxLevels);
  EXPECT_GE(ind.numPEs, 1);
  EXPECT_LE(ind.numPEs, space.maxPEs);
  EXPECT_LE(ind.numPEs, space.options.peLimit);
  int64_t clusters = 1;
  for (int l = 0; l < m.numLevels; ++l) {
    const cost::MappingLevel &level = m.level(l);
    int seen = 0;
    for (cost::Dim d : level.order)
      seen |= 1 << static_cast<int>(d);
    EXPECT_EQ(seen, (1 << cost::kNumDims) - 1) << "order not a permutation";
    for (int d = 0; d < cost::kNumDims; ++d) {
      int64_t parent = l == 0 ? space.extent[d] : m.level(l - 1).tiles[d];
      EXPECT_GE(level.tiles[d], 1);
      EXPECT_LE(level.tiles[d], parent);
    }
    // Parallel dims worth the name: extent > 1 in the layer.
    EXPECT_GT(space.extent[static_cast<int>(level.parallelDim)], 1);
    if (l > 0) {
      EXPECT_GE(level.clusterSize, 1);
      clusters *= level.clusterSize;
    }
  }
  EXPECT_LE(clusters, ind.numPEs);
}

SearchOptions smallOptions() {
  SearchOptions options;
  options.samples = 3000;
  options.threads = 1;
  options.seed = 5;
  return options;
}

} // namespace

/// Genes that hold without repair: orders are permutations, levels within
/// range, tiles within [1, outer tile].
bool structurallyLegal(const Individual &ind, const SearchSpace &space) {
  const cost::Mapping &m = ind.mapping;
  if (m.numLevels < space.options.minLevels ||
      m.numLevels > space.options.maxLevels)
    return false;
  for (int l = 0; l < m.numLevels; ++l) {
    int seen = 0;
    for (cost::Dim d : m.level(l).order)
      seen |= 1 << static_cast<int>(d);
    if (seen != (1 << cost::kNumDims) - 1)
      return false;
    for (int d = 0; d < cost::kNumDims; ++d) {
      int64_t parent = l == 0 ? space.extent[d] : m.level(l - 1).tiles[d];
      if (m.level(l).tiles[d] < 1 || m.level(l).tiles[d] > parent)
        return false;
    }
  }
  return true;
}

/// Each operator, applied thousands of times to random individuals and
/// repaired, leaves every gene legal; reorder, swap-parallel, grow and
/// aging do so even before repair.
class OperatorTest : public ::testing::TestWithParam<int> {};

TEST_P(OperatorTest, KeepsGenesLegal) {
  cost::Layer layer = convLayer();
  SearchOptions options = smallOptions();
  options.minLevels = 1;
  options.maxLevels = 3;
  options.peLimit = 300;
  SearchSpace space(layer, options);
  Random rng(9 + GetParam());
  Individual a, b;
  for (int i = 0; i < 5000; ++i) {
    space.randomize(a, rng, i % 2 == 0);
    space.randomize(b, rng);
    expectLegal(a, space);
    // Apply the operator several times in a row so that its own output
    // is fed back to it.
    for (int k = 0; k < 3; ++k) {
      switch (GetParam()) {
      case 0:
        crossover(a, b, rng);
        break;
      case 1:
        reorder(a, rng);
        ASSERT_TRUE(structurallyLegal(a, space));
        break;
      case 2:
        grow(a, space, rng);
        ASSERT_TRUE(structurallyLegal(a, space));
        break;
      case 3:
        age(a, space);
        ASSERT_TRUE(structurallyLegal(a, space));
        break;
      case 4:
        mutateMap(a, space, rng);
        break;
      case 5:
        mutateHardware(a, space, rng);
        break;
      case 6:
        swapParallel(a);
        ASSERT_TRUE(structurallyLegal(a, space));
        break;
      case 7:
        fitParallelism(a, space, rng);
        break;
      }
      space.repair(a);
      expectLegal(a, space);
      space.repair(b);
      expectLegal(b, space);
    }
    if (::testing::Test::HasFailure())
      FAIL() << "application #" << i;
  }
}

static std::string operatorName(const ::testing::TestParamInfo<int> &info) {
  static const char *const names[] = {
      "Crossover", "Reorder",        "Grow",         "Age",
      "MutateMap", "MutateHardware", "SwapParallel", "FitParallelism"};
  return names[info.param];
}

INSTANTIATE_TEST_SUITE_P(Operators, OperatorTest, ::testing::Range(0, 8),
                         operatorName);

TEST(Operators, FitHardwareGivesEveryTileASubUnit) {
  cost::Layer layer = convLayer();
  SearchOptions options = smallOptions();
  options.maxLevels = 3;
  options.areaBudgetUm2 = 1e12; // room for every fan-out
  SearchSpace space(layer, options);
  Random rng(21);
  Individual ind;
  for (int i = 0; i < 2000; ++i) {
    space.randomize(ind, rng);
    fitHardwareToMapping(ind, space);
    space.repair(ind);
    const cost::Mapping &m = ind.mapping;
    int64_t inner = 1;
    for (int l = 1; l < m.numLevels; ++l) {
      const cost::MappingLevel &level = m.level(l);
      int d = static_cast<int>(level.parallelDim);
      int64_t tiles =
          (m.level(l - 1).tiles[d] + level.tiles[d] - 1) / level.tiles[d];
      ASSERT_EQ(level.clusterSize, tiles) << "level " << l << ", #" << i;
      inner *= tiles;
    }
    int d = static_cast<int>(m.level(0).parallelDim);
    int64_t outerTiles =
        (space.extent[d] + m.level(0).tiles[d] - 1) / m.level(0).tiles[d];
    ASSERT_EQ(ind.numPEs, inner * outerTiles) << "#" << i;
  }
}

TEST(Operators, FitMappingFillsEverySubUnit) {
  cost::Layer layer = convLayer();
  SearchOptions options = smallOptions();
  options.maxLevels = 2;
  SearchSpace space(layer, options);
  Random rng(22);
  Individual ind;
  for (int i = 0; i < 2000; ++i) {
    space.randomize(ind, rng);
    fitMappingToHardware(ind, space);
    space.repair(ind);
    const cost::Mapping &m = ind.mapping;
    const cost::MappingLevel &outer = m.level(0), &inner = m.level(1);
    int d0 = static_cast<int>(outer.parallelDim);
    int d1 = static_cast<int>(inner.parallelDim);
    int64_t fanOut = std::max<int64_t>(ind.numPEs / inner.clusterSize, 1);
    // The outer tiles spread the extent over the outer fan-out.
    ASSERT_EQ(
        outer.tiles[d0],
        std::min((space.extent[d0] + fanOut - 1) / fanOut, space.extent[d0]))
        << "#" << i;
    // The inner level's sub-units all get a tile unless the extent is
    // smaller (or the outer tile of the same dimension took over).
    if (d0 != d1)
      ASSERT_GE(outer.tiles[d1],
                std::min(inner.clusterSize * inner.tiles[d1], space.extent[d1]))
          << "#" << i;
  }
}

TEST(Operators, DivisorTilesDivideTheirParent) {
  cost::Layer layer = convLayer();
  SearchOptions options = smallOptions();
  options.genetic.divisorTileRate = 1;
  SearchSpace space(layer, options);
  Random rng(23);
  std::set<int64_t> seen;
  for (int i = 0; i < 4000; ++i) {
    int64_t bound = i % 2 ? 128 : 1 + i % 97;
    int64_t tile = space.drawTile(bound, rng);
    ASSERT_EQ(bound % tile, 0) << tile << " of " << bound;
    if (bound == 128)
      seen.insert(tile);
  }
  // Every divisor of 128, the whole extent included, is drawn.
  EXPECT_EQ(seen, (std::set<int64_t>{1, 2, 4, 8, 16, 32, 64, 128}));
}

TEST(Operators, LegalizeGivesEveryLevelADimensionOfTheLayer) {
  // Mappings travel between layers (the whole-model search starts every
  // layer from other layers' winners): a dimension of extent 1 is not in
  // the op's loop nest and must not stay a parallel one.
  SearchOptions options = smallOptions();
  cost::Layer depthwise = digamma::testing::convLayer(1, 32, 18, 18, 3, 3);
  depthwise.layerClass = cost::LayerClass::DepthwiseConv;
  cost::Layer gemm = digamma::testing::convLayer(64, 32, 16, 1, 1, 1);
  gemm.layerClass = cost::LayerClass::Gemm;
  Random rng(4);
  Individual ind;
  SearchSpace depthwiseSpace(depthwise, options);
  depthwiseSpace.randomize(ind, rng);
  ind.mapping.level(0).parallelDim = cost::Dim::K;
  ind.mapping.level(1).parallelDim = cost::Dim::R; // extent 3: kept
  depthwiseSpace.legalizeParallelDims(ind);
  // K-parallel depthwise levels spread C, as the cost model reads them.
  EXPECT_EQ(ind.mapping.level(0).parallelDim, cost::Dim::C);
  EXPECT_EQ(ind.mapping.level(1).parallelDim, cost::Dim::R);
  SearchSpace gemmSpace(gemm, options);
  gemmSpace.randomize(ind, rng);
  ind.mapping.level(0).parallelDim = cost::Dim::K;
  ind.mapping.level(1).parallelDim = cost::Dim::S; // extent 1
  gemmSpace.legalizeParallelDims(ind);
  EXPECT_EQ(ind.mapping.level(0).parallelDim, cost::Dim::K);
  EXPECT_EQ(ind.mapping.level(1).parallelDim, gemmSpace.parallelChoices[0]);
  gemmSpace.repair(ind);
  expectLegal(ind, gemmSpace);
}

TEST(Operators, CrossoverExchangesOneDimension) {
  cost::Layer layer = convLayer();
  SearchOptions options = smallOptions();
  options.maxLevels = 3; // parents of different depths too
  SearchSpace space(layer, options);
  Random rng(3);
  // Per dimension: trials in which the parents' tiles of it differ on their
  // shared levels, and trials in which the crossover visibly exchanged them.
  std::array<int, cost::kNumDims> differing{}, exchanged{};
  for (int i = 0; i < 1000; ++i) {
    Individual a, b;
    space.randomize(a, rng);
    space.randomize(b, rng);
    Individual a0 = a, b0 = b;
    crossover(a, b, rng);
    int shared = std::min(a0.mapping.numLevels, b0.mapping.numLevels);
    int changed = 0;
    for (int d = 0; d < cost::kNumDims; ++d) {
      auto tile = [d](const Individual &ind, int l) {
        return ind.mapping.level(l).tiles[d];
      };
      bool swapped = true, kept = true, differ = false;
      for (int l = 0; l < shared; ++l) {
        swapped &= tile(a, l) == tile(b0, l) && tile(b, l) == tile(a0, l);
        kept &= tile(a, l) == tile(a0, l) && tile(b, l) == tile(b0, l);
        differ |= tile(a0, l) != tile(b0, l);
      }
      // Levels only the deeper parent has keep their tiles.
      for (int l = shared; l < a0.mapping.numLevels; ++l)
        ASSERT_EQ(tile(a, l), tile(a0, l)) << "#" << i;
      for (int l = shared; l < b0.mapping.numLevels; ++l)
        ASSERT_EQ(tile(b, l), tile(b0, l)) << "#" << i;
      // Both children change, each taking the other's tiles: no one-way copy.
      ASSERT_TRUE(swapped || kept) << "#" << i << ", dimension " << d;
      differing[d] += differ;
      exchanged[d] += !kept;
      changed += !kept;
    }
    EXPECT_LE(changed, 1) << "#" << i;
    // Orders, parallel dims and HW genes are untouched.
    EXPECT_EQ(a.numPEs, a0.numPEs);
    EXPECT_EQ(b.numPEs, b0.numPEs);
    EXPECT_EQ(a.mapping.numLevels, a0.mapping.numLevels);
    EXPECT_EQ(a.mapping.level(0).order, a0.mapping.level(0).order);
    EXPECT_EQ(a.mapping.level(0).parallelDim, a0.mapping.level(0).parallelDim);
  }
  // The crossover picks one of the six dimensions uniformly, so it visibly
  // exchanges about a sixth of the differing ones (binomial: the bounds are
  // more than 4 standard deviations away), and every dimension's turn comes.
  // A crossover that exchanges nothing, or always the same dimension, fails.
  int totalDiffering = 0, totalExchanged = 0;
  for (int d = 0; d < cost::kNumDims; ++d) {
    EXPECT_GT(exchanged[d], 0) << "dimension " << d << " is never exchanged";
    totalDiffering += differing[d];
    totalExchanged += exchanged[d];
  }
  EXPECT_GT(totalDiffering, 3000); // the parents differ in most dimensions
  EXPECT_GT(totalExchanged, totalDiffering / 6 * 3 / 4);
  EXPECT_LT(totalExchanged, totalDiffering / 6 * 5 / 4);
}

TEST(Operators, GrowAndAgeStayWithinTheLevelRange) {
  cost::Layer layer = convLayer();
  SearchOptions options = smallOptions();
  options.minLevels = 2;
  options.maxLevels = 3;
  SearchSpace space(layer, options);
  Random rng(4);
  Individual ind;
  space.randomize(ind, rng);
  int grown = 0, aged = 0;
  for (int i = 0; i < 2000; ++i) {
    int before = ind.mapping.numLevels;
    if (rng.chance(0.5))
      grow(ind, space, rng);
    else
      age(ind, space);
    grown += ind.mapping.numLevels > before;
    aged += ind.mapping.numLevels < before;
    ASSERT_GE(ind.mapping.numLevels, 2);
    ASSERT_LE(ind.mapping.numLevels, 3);
    ASSERT_TRUE(structurallyLegal(ind, space));
  }
  EXPECT_GT(grown, 100);
  EXPECT_GT(aged, 100);
}

TEST(Operators, MutateHardwareKeepsFixedPECount) {
  SearchOptions options = smallOptions();
  options.mode = Mode::FixedHW;
  options.fixedHardware.numPEs = 48;
  options.fixedHardware.l1Elements = 256;
  options.fixedHardware.l2Elements = 65536;
  // SearchSpace keeps a reference to the layer: no temporary.
  cost::Layer layer = convLayer();
  SearchSpace space(layer, options);
  Random rng(5);
  Individual ind;
  bool clusterChanged = false;
  for (int i = 0; i < 500; ++i) {
    space.randomize(ind, rng);
    int64_t cluster = ind.mapping.level(1).clusterSize;
    mutateHardware(ind, space, rng);
    space.repair(ind);
    ASSERT_EQ(ind.numPEs, 48);
    clusterChanged |= ind.mapping.level(1).clusterSize != cluster;
    expectLegal(ind, space);
  }
  // GAMMA still searches the array shape (cluster sizes).
  EXPECT_TRUE(clusterChanged);
}

TEST(Operators, RepairClampsEveryGene) {
  cost::Layer layer = convLayer();
  SearchOptions options = smallOptions();
  options.peLimit = 64;
  SearchSpace space(layer, options);
  Individual ind;
  ind.numPEs = 1000;
  ind.mapping.numLevels = 2;
  ind.mapping.level(0).tiles = {500, 1, 0, 28, 3, 3};
  ind.mapping.level(1).tiles = {64, 2, 5, 29, 3, 3};
  ind.mapping.level(1).clusterSize = 99;
  space.repair(ind);
  EXPECT_EQ(ind.numPEs, 64);
  EXPECT_EQ(ind.mapping.level(0).tiles[0], 64);
  EXPECT_EQ(ind.mapping.level(0).tiles[2], 1);
  EXPECT_EQ(ind.mapping.level(1).tiles[1], 1);  // within the outer tile
  EXPECT_EQ(ind.mapping.level(1).tiles[3], 28); // within the outer tile
  EXPECT_EQ(ind.mapping.level(1).clusterSize, 64);
}

TEST(Search, ResultsRespectTheBudget) {
  std::vector<cost::Layer> layers = digamma::testing::allModelLayers();
  for (double budget : {50000.0, 200000.0, 7000000.0}) {
    for (size_t i = 0; i < layers.size(); i += 17) {
      SearchOptions options = smallOptions();
      options.areaBudgetUm2 = budget;
      SearchResult result = runDiGamma(layers[i], options);
      ASSERT_TRUE(result.found) << result.message;
      EXPECT_LE(result.areaUm2, budget);
      EXPECT_EQ(result.samplesUsed, options.samples);
      EXPECT_EQ(result.hardware.l1Elements, result.cost.l1Elements);
      EXPECT_EQ(result.hardware.l2Elements, result.cost.l2Elements);
      EXPECT_DOUBLE_EQ(result.areaUm2,
                       cost::digammaAreaUm2(result.hardware.numPEs,
                                            result.cost.l1Elements,
                                            result.cost.l2Elements, 1));
      EXPECT_GE(result.cost.cycles * result.hardware.numPEs, result.cost.macs);
    }
  }
}

TEST(Search, SameSeedSameResultWithAnyThreadCount) {
  cost::Layer layer = convLayer();
  for (Algorithm algorithm : {Algorithm::DiGamma, Algorithm::Random}) {
    const Optimizer &optimizer = getOptimizer(algorithm);
    SearchOptions options = smallOptions();
    options.minLevels = 2;
    options.maxLevels = 3;
    options.threads = 1;
    SearchResult one = optimizer.run(layer, options);
    ASSERT_TRUE(one.found) << one.message;
    for (unsigned threads : {2u, 3u}) {
      options.threads = threads;
      SearchResult many = optimizer.run(layer, options);
      ASSERT_TRUE(many.found);
      EXPECT_EQ(one.cost.cycles, many.cost.cycles);
      EXPECT_EQ(one.cost.energyNJ, many.cost.energyNJ);
      EXPECT_EQ(one.areaUm2, many.areaUm2);
      EXPECT_EQ(one.hardware.numPEs, many.hardware.numPEs);
      EXPECT_EQ(one.hardware.l1Elements, many.hardware.l1Elements);
      EXPECT_EQ(one.hardware.l2Elements, many.hardware.l2Elements);
      ASSERT_EQ(one.mapping.numLevels, many.mapping.numLevels);
      for (int l = 0; l < one.mapping.numLevels; ++l) {
        EXPECT_EQ(one.mapping.level(l).tiles, many.mapping.level(l).tiles);
        EXPECT_EQ(one.mapping.level(l).order, many.mapping.level(l).order);
        EXPECT_EQ(one.mapping.level(l).parallelDim,
                  many.mapping.level(l).parallelDim);
        EXPECT_EQ(one.mapping.level(l).clusterSize,
                  many.mapping.level(l).clusterSize);
      }
      EXPECT_EQ(one.bestPerGeneration, many.bestPerGeneration);
    }
    options.seed = 6;
    SearchResult other = optimizer.run(layer, options);
    EXPECT_TRUE(other.found);
  }
}

TEST(Search, TraceNeverGetsWorse) {
  SearchResult result = runDiGamma(convLayer(), smallOptions());
  ASSERT_TRUE(result.found);
  ASSERT_FALSE(result.bestPerGeneration.empty());
  for (size_t i = 1; i < result.bestPerGeneration.size(); ++i)
    if (result.bestPerGeneration[i - 1] >= 0)
      EXPECT_LE(result.bestPerGeneration[i], result.bestPerGeneration[i - 1]);
  EXPECT_EQ(result.bestPerGeneration.back(), result.objectiveValue);
}

TEST(Search, FixedHardwareKeepsTheHardware) {
  SearchOptions options = smallOptions();
  options.mode = Mode::FixedHW;
  options.fixedHardware.numPEs = 32;
  options.fixedHardware.l1Elements = 256;
  options.fixedHardware.l2Elements = 65536;
  SearchResult result = runDiGamma(convLayer(), options);
  ASSERT_TRUE(result.found) << result.message;
  EXPECT_EQ(result.hardware.numPEs, 32);
  EXPECT_LE(result.cost.l1Elements, 256);
  EXPECT_LE(result.cost.l2Elements, 65536);
  EXPECT_EQ(result.hardware.l1Elements, 256);

  options.fixedHardware.l1Elements = 1; // nothing fits one element
  SearchResult none = runDiGamma(convLayer(), options);
  EXPECT_FALSE(none.found);
  EXPECT_NE(none.message.find("no mapping of this layer fits the fixed "
                              "hardware"),
            std::string::npos);
}

TEST(Search, FixedMappingKeepsTheMapping) {
  cost::Layer layer = convLayer();
  cost::Mapping mapping;
  mapping.numLevels = 2;
  mapping.level(0).parallelDim = cost::Dim::K;
  mapping.level(0).tiles = {4, 64, 28, 28, 3, 3};
  mapping.level(1).parallelDim = cost::Dim::C;
  mapping.level(1).tiles = {1, 1, 28, 28, 3, 3};
  mapping.level(1).clusterSize = 8;
  SearchOptions options = smallOptions();
  options.mode = Mode::FixedMapping;
  options.fixedMapping = mapping;
  SearchResult result = runDiGamma(layer, options);
  ASSERT_TRUE(result.found) << result.message;
  for (int l = 0; l < 2; ++l) {
    EXPECT_EQ(result.mapping.level(l).tiles, mapping.level(l).tiles);
    EXPECT_EQ(result.mapping.level(l).order, mapping.level(l).order);
    EXPECT_EQ(result.mapping.level(l).parallelDim,
              mapping.level(l).parallelDim);
  }
  EXPECT_LE(result.areaUm2, options.areaBudgetUm2);
}

TEST(Search, OptionsAreValidated) {
  auto message = [](auto change) {
    SearchOptions options;
    change(options);
    return validateOptions(options).value_or("");
  };
  EXPECT_EQ(message([](SearchOptions &) {}), "");
  EXPECT_EQ(message([](SearchOptions &o) { o.samples = 0; }),
            "samples must be positive");
  EXPECT_EQ(message([](SearchOptions &o) { o.areaBudgetUm2 = -1; }),
            "the area budget must be a positive number of um^2");
  EXPECT_EQ(message([](SearchOptions &o) {
              o.minLevels = 3;
              o.maxLevels = 2;
            }),
            "levels must satisfy 1 <= min-levels <= max-levels <= 3");
  EXPECT_EQ(message([](SearchOptions &o) {
              o.mode = Mode::FixedHW;
              o.fixedHardware.numPEs = 0;
            }),
            "fixed-hardware mode needs a positive PE count and L1/L2 sizes");
  EXPECT_EQ(message([](SearchOptions &o) { o.mode = Mode::FixedMapping; }),
            "fixed-mapping mode needs a mapping");
  EXPECT_EQ(message([](SearchOptions &o) { o.peLimit = 0; }),
            "the PE limit must be positive");
  SearchOptions bad;
  bad.samples = -3;
  SearchResult result = runDiGamma(convLayer(), bad);
  EXPECT_FALSE(result.found);
  EXPECT_EQ(result.message, "samples must be positive");
}

TEST(Search, TooSmallBudgetNamesTheSmallestArea) {
  cost::Layer layer = convLayer();
  SearchOptions options = smallOptions();
  options.areaBudgetUm2 = 100;
  SearchResult result = runDiGamma(layer, options);
  EXPECT_FALSE(result.found);
  double smallest = smallestFeasibleAreaUm2(layer, options);
  EXPECT_GT(smallest, 100);
  EXPECT_NE(result.message.find("the smallest feasible area is"),
            std::string::npos)
      << result.message;
  // And that area does admit a design.
  options.areaBudgetUm2 = smallest * 1.0001;
  EXPECT_TRUE(runDiGamma(layer, options).found);
}

TEST(Search, AHugePopulationAllocatesOnlyTheBudget) {
  cost::Layer layer = convLayer();
  SearchOptions options = smallOptions();
  options.samples = 300;
  options.population = 300;
  SearchResult bounded = runRandomSearch(layer, options);
  // A billion individuals would not fit in memory: no optimizer allocates
  // more than the samples need, and the population beyond them changes
  // nothing.
  options.population = 1000000000;
  for (Algorithm algorithm :
       {Algorithm::DiGamma, Algorithm::Random, Algorithm::Pso}) {
    SearchResult result = getOptimizer(algorithm).run(layer, options);
    EXPECT_TRUE(result.found) << algorithmName(algorithm);
    EXPECT_EQ(result.samplesUsed, 300) << algorithmName(algorithm);
  }
  SearchResult huge = runRandomSearch(layer, options);
  EXPECT_EQ(huge.bestPerGeneration, bounded.bestPerGeneration);
  EXPECT_EQ(huge.cost.cycles, bounded.cost.cycles);
}

TEST(Search, DiGammaBeatsRandomSampling) {
  // Equal budgets on a few model layers: the domain-aware operators find a
  // faster design than uniform sampling of the same encoding.
  std::vector<cost::Layer> layers = digamma::testing::allModelLayers();
  int wins = 0, total = 0;
  for (size_t i = 0; i < layers.size(); i += 23) {
    SearchOptions options = smallOptions();
    options.samples = 4000;
    SearchResult ga = runDiGamma(layers[i], options);
    SearchResult random = runRandomSearch(layers[i], options);
    ASSERT_TRUE(ga.found && random.found);
    wins += ga.cost.cycles <= random.cost.cycles;
    ++total;
  }
  EXPECT_EQ(wins, total);
}

TEST(Search, EveryObjectiveImprovesOnTheSmallestDesign) {
  // The smallest design is in the first population and elitism keeps the
  // best, so whatever the objective, the result is at least as good.
  cost::Layer layer = convLayer();
  SearchOptions options = smallOptions();
  SearchSpace space(layer, options);
  Individual smallest;
  space.smallest(smallest);
  cost::Evaluator evaluator;
  cost::CostReport base = space.evaluate(smallest, evaluator);
  ASSERT_TRUE(smallest.valid);
  for (Objective objective :
       {Objective::Latency, Objective::Energy, Objective::EDP,
        Objective::LatencyArea, Objective::Power, Objective::Area}) {
    options.objective = objective;
    options.tieBreak = objective == Objective::Latency ? Objective::Energy
                                                       : Objective::Latency;
    SearchResult result = runDiGamma(layer, options);
    ASSERT_TRUE(result.found) << result.message;
    double value = objectiveValue(objective, result.cost, result.areaUm2);
    EXPECT_DOUBLE_EQ(value, result.objectiveValue);
    EXPECT_LE(value, objectiveValue(objective, base, smallest.areaUm2));
    EXPECT_LE(result.areaUm2, options.areaBudgetUm2);
  }
}

TEST(Search, TieBreakRanksEqualObjectives) {
  Individual a, b;
  a.valid = b.valid = true;
  a.objective = b.objective = 10;
  a.tieBreak = 3;
  b.tieBreak = 2;
  EXPECT_TRUE(SearchSpace::better(b, a));
  EXPECT_FALSE(SearchSpace::better(a, b));
  b.valid = false;
  EXPECT_TRUE(SearchSpace::better(a, b));
}

TEST(Search, FixedMappingMustFitTheLayer) {
  cost::Mapping mapping;
  mapping.numLevels = 2;
  mapping.level(0).tiles = {128, 64, 28, 28, 3, 3}; // K extent is 64
  SearchOptions options = smallOptions();
  options.mode = Mode::FixedMapping;
  options.fixedMapping = mapping;
  SearchResult result = runDiGamma(convLayer(), options);
  EXPECT_FALSE(result.found);
  EXPECT_EQ(result.message,
            "the fixed mapping's K tile at level 0 is 128, outside [1, 64]");
}

TEST(Search, BadLayersAndUnsupportedSemanticsAreNamed) {
  SearchOptions options = smallOptions();
  cost::Layer zeroStride = convLayer();
  zeroStride.strideY = 0; // would divide by zero in outY()
  EXPECT_EQ(runDiGamma(zeroStride, options).message,
            "the layer's strides must be positive, got 0x1");
  cost::Layer strided = convLayer();
  strided.strideX = 2;
  options.semantics = cost::Semantics::Maestro;
  for (const Optimizer *optimizer :
       {&getOptimizer(Algorithm::DiGamma), &getOptimizer(Algorithm::Random)}) {
    SearchResult result = optimizer->run(strided, options);
    EXPECT_FALSE(result.found);
    EXPECT_EQ(result.message,
              "maestro semantics model batch 1 and stride 1 only (as MAESTRO "
              "does), got N=1 stride=1x2; use sound semantics");
  }
  options.semantics = cost::Semantics::Sound;
  EXPECT_TRUE(runDiGamma(strided, options).found);
}

// MAESTRO models no dilation: the search says so at once.
TEST(Search, MaestroRejectsDilation) {
  SearchOptions options = smallOptions();
  options.semantics = cost::Semantics::Maestro;
  cost::Layer dilated = convLayer();
  dilated.dilationY = 2;
  dilated.y += dilated.r - 1; // the same output rows
  SearchResult result = runDiGamma(dilated, options);
  EXPECT_FALSE(result.found);
  EXPECT_EQ(result.message, "maestro semantics model dilation 1 only (as "
                            "MAESTRO does), got dilation=2x1; use sound "
                            "semantics");
  options.semantics = cost::Semantics::Sound;
  EXPECT_TRUE(runDiGamma(dilated, options).found);
  cost::Layer tooWide = convLayer();
  tooWide.dilationX = tooWide.x; // a window wider than the input
  EXPECT_EQ(runDiGamma(tooWide, options).message,
            "the layer's filter (3x3 dilated 1x" +
                std::to_string(tooWide.x) + ", spanning 3x" +
                std::to_string(2 * tooWide.x + 1) +
                ") is larger than its input (" + std::to_string(tooWide.y) +
                "x" + std::to_string(tooWide.x) + ")");
}

// Issue 15's case: ResNet-18's second layer (K = C = 64, 56x56 input in
// GAMMA's table, so 54x54 outputs in MAESTRO's convention, 3x3 filter) at
// edge, 40,000 samples, 1-byte elements, seed 1. Accepting MAESTRO's
// figures as the reference does, the search answers 130,369 cycles on 512
// PEs, below the 209,952 cycles its MACs need at one MAC per PE and cycle.
// By default such designs are invalid and the answer is physically
// possible.
TEST(Search, MaestroSearchRejectsImpossibleFigures) {
  cost::Layer layer;
  layer.k = layer.c = 64;
  layer.y = layer.x = 56;
  layer.r = layer.s = 3;
  const int64_t macs = int64_t(64) * 64 * 54 * 54 * 9;
  SearchOptions options;
  options.semantics = cost::Semantics::Maestro;
  options.areaBudgetUm2 = kEdgeAreaBudgetUm2;
  options.bytesPerElement = 1;
  options.fixedHardware.bytesPerElement = 1;
  options.samples = 40000;
  options.seed = 1;
  options.threads = 1;
  SearchResult result = runDiGamma(layer, options);
  ASSERT_TRUE(result.found) << result.message;
  EXPECT_EQ(result.cost.macs, macs);
  EXPECT_GE(result.cost.cycles * result.hardware.numPEs, macs);
  EXPECT_EQ(result.cost.unsoundReason, cost::InvalidReason::None);

  options.model.acceptUnsoundMaestro = true;
  SearchResult reference = runDiGamma(layer, options);
  ASSERT_TRUE(reference.found);
  EXPECT_EQ(reference.cost.cycles, 130369);
  EXPECT_EQ(reference.hardware.numPEs, 512);
  EXPECT_LT(reference.cost.cycles * reference.hardware.numPEs, macs);
  EXPECT_NE(reference.cost.unsoundReason, cost::InvalidReason::None);
}

TEST(Search, OptimizersShareOneInterface) {
  EXPECT_EQ(getOptimizer(Algorithm::DiGamma).name(), "digamma");
  EXPECT_EQ(getOptimizer(Algorithm::Random).name(), "random");
  EXPECT_EQ(parseAlgorithm("random"), Algorithm::Random);
  EXPECT_EQ(parseAlgorithm("digamma"), Algorithm::DiGamma);
  EXPECT_FALSE(parseAlgorithm("tbpsa").has_value());
  SearchOptions options = smallOptions();
  options.samples = 250;
  for (Algorithm algorithm : {Algorithm::DiGamma, Algorithm::Random}) {
    SearchResult result = getOptimizer(algorithm).run(convLayer(), options);
    ASSERT_TRUE(result.found);
    EXPECT_EQ(result.samplesUsed, 250);
  }
}

TEST(Search, ThreeLevelsAndPELimit) {
  SearchOptions options = smallOptions();
  options.minLevels = 3;
  options.maxLevels = 3;
  options.peLimit = 64;
  options.areaBudgetUm2 = 7000000;
  SearchResult result = runDiGamma(convLayer(), options);
  ASSERT_TRUE(result.found) << result.message;
  EXPECT_EQ(result.mapping.numLevels, 3);
  EXPECT_LE(result.hardware.numPEs, 64);
  EXPECT_LE(result.mapping.level(1).clusterSize *
                result.mapping.level(2).clusterSize,
            result.hardware.numPEs);
}

// A search scores a design whose buffers break its constraints without its
// runtime (cost::Evaluator::evaluateWithin()); the scores must be those of
// the full report, whatever the mode, in a space where many designs break
// them.
TEST(Search, StoppingAtTheBuffersKeepsEveryScore) {
  cost::Layer layer = convLayer();
  for (Mode mode : {Mode::CoOpt, Mode::FixedHW}) {
    SearchOptions options = smallOptions();
    options.mode = mode;
    options.minLevels = 1;
    options.maxLevels = 3;
    options.areaBudgetUm2 = 60000;
    options.fixedHardware.numPEs = 32;
    options.fixedHardware.l1Elements = 64;
    options.fixedHardware.l2Elements = 2048;
    options.fixedHardware.nocBandwidth = 64;
    options.fixedHardware.offchipBandwidth = 16;
    SearchSpace space(layer, options);
    cost::Evaluator stopping, complete;
    Random rng(17);
    Individual fast, full;
    int valid = 0, stopped = 0;
    for (int i = 0; i < 4000; ++i) {
      space.randomize(fast, rng, i % 3 == 0);
      full = fast;
      const cost::CostReport &partial = space.evaluate(fast, stopping);
      const cost::CostReport &every = space.evaluate(full, complete, true);
      ASSERT_EQ(fast.valid, full.valid) << "design #" << i;
      stopped += partial.valid != every.valid;
      if (!fast.valid)
        continue;
      ++valid;
      EXPECT_EQ(fast.objective, full.objective);
      EXPECT_EQ(fast.tieBreak, full.tieBreak);
      EXPECT_EQ(fast.areaUm2, full.areaUm2);
    }
    EXPECT_EQ(stopped, stopping.earlyRejectedEvaluations());
    EXPECT_EQ(complete.earlyRejectedEvaluations(), 0);
    // (Seed 17: 3,547 valid and 453 stopped in co-opt mode, 1,788 and
    // 2,212 in fixed-hw mode.)
    EXPECT_GE(valid, 1000) << static_cast<int>(mode);
    EXPECT_GE(stopped, 200) << static_cast<int>(mode);
  }
}
