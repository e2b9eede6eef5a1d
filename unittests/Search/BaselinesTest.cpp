//===- BaselinesTest.cpp - Tests of the pagmo baselines and their encoding ===//

#include "digamma/Search/Baselines.h"

#include "TestLayers.h"

#include "gtest/gtest.h"

#include <random>
#include <set>

using namespace digamma;
using namespace digamma::search;

namespace {

cost::Layer smallConv() {
  return digamma::testing::convLayer(32, 16, 18, 18, 3, 3);
}

SearchOptions smallOptions() {
  SearchOptions options;
  options.samples = 1500;
  options.threads = 1;
  options.seed = 3;
  options.areaBudgetUm2 = 60000;
  options.bytesPerElement = 1;
  options.fixedHardware.bytesPerElement = 1;
  return options;
}

const Algorithm kBaselines[] = {Algorithm::Sga,   Algorithm::Pso,
                                Algorithm::Sea,   Algorithm::De,
                                Algorithm::Cmaes, Algorithm::Sa};

/// Genes legal for the space: levels in range, orders permutations, tiles
/// within [1, parent], clusters that fit the PE count.
void expectLegal(const Individual &ind, const SearchSpace &space) {
  const cost::Mapping &m = ind.mapping;
  ASSERT_GE(m.numLevels, 1);
  ASSERT_LE(m.numLevels, cost::kMaxLevels);
  EXPECT_GE(ind.numPEs, 1);
  EXPECT_LE(ind.numPEs, space.maxPEs);
  int64_t clusters = 1;
  for (int l = 0; l < m.numLevels; ++l) {
    const cost::MappingLevel &level = m.level(l);
    int seen = 0;
    for (cost::Dim d : level.order)
      seen |= 1 << static_cast<int>(d);
    EXPECT_EQ(seen, (1 << cost::kNumDims) - 1);
    for (int d = 0; d < cost::kNumDims; ++d) {
      int64_t parent = l == 0 ? space.extent[d] : m.level(l - 1).tiles[d];
      EXPECT_GE(level.tiles[d], 1);
      EXPECT_LE(level.tiles[d], parent);
    }
    if (l > 0)
      clusters *= level.clusterSize;
  }
  EXPECT_LE(clusters, ind.numPEs);
}

void expectSameResult(const SearchResult &a, const SearchResult &b) {
  ASSERT_EQ(a.found, b.found);
  EXPECT_EQ(a.cost.cycles, b.cost.cycles);
  EXPECT_EQ(a.cost.energyNJ, b.cost.energyNJ);
  EXPECT_EQ(a.areaUm2, b.areaUm2);
  EXPECT_EQ(a.hardware.numPEs, b.hardware.numPEs);
  EXPECT_EQ(a.samplesUsed, b.samplesUsed);
  EXPECT_EQ(a.bestPerGeneration, b.bestPerGeneration);
  EXPECT_EQ(a.samplesPerGeneration, b.samplesPerGeneration);
  ASSERT_EQ(a.mapping.numLevels, b.mapping.numLevels);
  for (int l = 0; l < a.mapping.numLevels; ++l) {
    EXPECT_EQ(a.mapping.level(l).tiles, b.mapping.level(l).tiles);
    EXPECT_EQ(a.mapping.level(l).order, b.mapping.level(l).order);
    EXPECT_EQ(a.mapping.level(l).parallelDim, b.mapping.level(l).parallelDim);
    EXPECT_EQ(a.mapping.level(l).clusterSize, b.mapping.level(l).clusterSize);
  }
}

} // namespace

TEST(Baselines, LoopOrderIndexIsABijection) {
  std::set<std::array<cost::Dim, cost::kNumDims>> orders;
  for (int64_t i = 0; i < kNumLoopOrders; ++i) {
    std::array<cost::Dim, cost::kNumDims> order = loopOrderFromIndex(i);
    EXPECT_EQ(loopOrderIndex(order), i);
    orders.insert(order);
  }
  EXPECT_EQ(orders.size(), size_t(kNumLoopOrders));
  EXPECT_EQ(loopOrderFromIndex(0), cost::kAllDims);
  std::array<cost::Dim, cost::kNumDims> reversed = {cost::Dim::S, cost::Dim::R,
                                                    cost::Dim::X, cost::Dim::Y,
                                                    cost::Dim::C, cost::Dim::K};
  EXPECT_EQ(loopOrderFromIndex(kNumLoopOrders - 1), reversed);
}

TEST(Baselines, EncodingGenesPerMode) {
  cost::Layer layer = smallConv();
  SearchOptions options = smallOptions();
  {
    // Co-opt, two levels: PEs, then per level parallel, order, six tiles,
    // and a cluster size below the outer level.
    SearchSpace space(layer, options);
    FlatEncoding encoding(space);
    EXPECT_EQ(encoding.size(), 1u + 8 + 8 + 1);
    EXPECT_EQ(encoding.gene(0).kind, FlatEncoding::GeneKind::NumPEs);
    EXPECT_EQ(encoding.gene(0).upper, space.maxPEs);
    EXPECT_EQ(encoding.gene(2).kind, FlatEncoding::GeneKind::Order);
    EXPECT_EQ(encoding.gene(2).upper, kNumLoopOrders - 1);
  }
  {
    SearchOptions levels = options;
    levels.maxLevels = 3;
    SearchSpace space(layer, levels);
    FlatEncoding encoding(space);
    EXPECT_EQ(encoding.size(), 2u + 3 * 8 + 2);
    EXPECT_EQ(encoding.gene(1).kind, FlatEncoding::GeneKind::NumLevels);
  }
  {
    SearchOptions fixedHW = options;
    fixedHW.mode = Mode::FixedHW;
    fixedHW.fixedHardware.numPEs = 16;
    fixedHW.fixedHardware.l1Elements = 256;
    fixedHW.fixedHardware.l2Elements = 8192;
    SearchSpace space(layer, fixedHW);
    EXPECT_EQ(FlatEncoding(space).size(), 8u + 8 + 1);
  }
  {
    SearchOptions fixedMapping = options;
    fixedMapping.mode = Mode::FixedMapping;
    cost::Mapping mapping;
    mapping.numLevels = 2;
    fixedMapping.fixedMapping = mapping;
    SearchSpace space(layer, fixedMapping);
    FlatEncoding encoding(space);
    ASSERT_EQ(encoding.size(), 2u);
    EXPECT_EQ(encoding.gene(0).kind, FlatEncoding::GeneKind::NumPEs);
    EXPECT_EQ(encoding.gene(1).kind, FlatEncoding::GeneKind::Cluster);
  }
}

TEST(Baselines, DecodedGenesAreLegal) {
  cost::Layer layer = smallConv();
  SearchOptions options = smallOptions();
  options.minLevels = 1;
  options.maxLevels = 3;
  SearchSpace space(layer, options);
  FlatEncoding encoding(space);
  std::mt19937_64 rng(11);
  std::vector<double> values(encoding.size());
  Individual ind;
  for (int trial = 0; trial < 2000; ++trial) {
    for (size_t i = 0; i < encoding.size(); ++i) {
      // Inside the box, far outside it, and NaN.
      double lo = encoding.lowerBound(i), hi = encoding.upperBound(i);
      double u = double(rng() >> 11) * 0x1.0p-53;
      values[i] = trial % 10 == 0   ? lo - 1e6 * u
                  : trial % 10 == 1 ? hi + 1e6 * u
                  : trial % 97 == 2 ? std::nan("")
                                    : lo + (hi - lo) * u;
    }
    encoding.decode(values.data(), ind);
    expectLegal(ind, space);
    ASSERT_GE(ind.mapping.numLevels, 1);
    ASSERT_LE(ind.mapping.numLevels, 3);
  }
  // The lower corner is the smallest design of the encoding.
  for (size_t i = 0; i < encoding.size(); ++i)
    values[i] = encoding.lowerBound(i);
  encoding.decode(values.data(), ind);
  EXPECT_EQ(ind.numPEs, 1);
  EXPECT_EQ(ind.mapping.numLevels, 1);
  EXPECT_EQ(ind.mapping.level(0).tiles,
            (std::array<int64_t, cost::kNumDims>{1, 1, 1, 1, 1, 1}));
  EXPECT_EQ(ind.mapping.level(0).order, cost::kAllDims);
}

TEST(Baselines, EachAlgorithmRespectsBudgetAndSampleCount) {
  cost::Layer layer = smallConv();
  for (Algorithm algorithm : kBaselines) {
    // A multiple of the population, one that is not, and one below the
    // population (and below DE's and CMA-ES's minimum of 5).
    for (int64_t samples : {1500, 1234, 3}) {
      SearchOptions options = smallOptions();
      options.samples = samples;
      SearchResult result = runBaseline(algorithm, layer, options);
      SCOPED_TRACE(std::string(algorithmName(algorithm)) + " " +
                   std::to_string(samples));
      EXPECT_EQ(result.samplesUsed, samples);
      ASSERT_FALSE(result.samplesPerGeneration.empty());
      EXPECT_EQ(result.samplesPerGeneration.back(), samples);
      EXPECT_EQ(result.bestPerGeneration.size(),
                result.samplesPerGeneration.size());
      for (size_t i = 1; i < result.samplesPerGeneration.size(); ++i) {
        EXPECT_LT(result.samplesPerGeneration[i - 1],
                  result.samplesPerGeneration[i]);
        // Best so far never gets worse once a design is found.
        if (result.bestPerGeneration[i - 1] > 0) {
          EXPECT_GT(result.bestPerGeneration[i], 0);
          EXPECT_LE(result.bestPerGeneration[i],
                    result.bestPerGeneration[i - 1]);
        }
      }
      if (samples < 100)
        continue;
      ASSERT_TRUE(result.found) << result.message;
      EXPECT_LE(result.areaUm2, options.areaBudgetUm2);
      EXPECT_EQ(result.areaUm2,
                cost::digammaAreaUm2(result.hardware.numPEs,
                                     result.hardware.l1Elements,
                                     result.hardware.l2Elements, 1));
      // Buffers sized to exactly the mapping's requirement.
      EXPECT_EQ(result.hardware.l1Elements, result.cost.l1Elements);
      EXPECT_EQ(result.hardware.l2Elements, result.cost.l2Elements);
      EXPECT_EQ(result.cost.macs, 32LL * 16 * 16 * 16 * 9);
      EXPECT_DOUBLE_EQ(result.objectiveValue, double(result.cost.cycles));
      EXPECT_EQ(result.bestPerGeneration.back(), result.objectiveValue);
    }
  }
}

TEST(Baselines, DeterministicForASeedAndAnyThreadCount) {
  cost::Layer layer = smallConv();
  for (Algorithm algorithm : kBaselines) {
    SCOPED_TRACE(std::string(algorithmName(algorithm)));
    SearchOptions options = smallOptions();
    options.threads = 1;
    SearchResult one = runBaseline(algorithm, layer, options);
    ASSERT_TRUE(one.found) << one.message;
    options.threads = 2;
    expectSameResult(one, runBaseline(algorithm, layer, options));
    options.threads = 1;
    expectSameResult(one, getOptimizer(algorithm).run(layer, options));
    // Another seed explores differently.
    options.seed = 4;
    SearchResult other = runBaseline(algorithm, layer, options);
    EXPECT_NE(one.bestPerGeneration, other.bestPerGeneration);
  }
}

TEST(Baselines, PELimitAndGradedPenalty) {
  cost::Layer layer = smallConv();
  for (Algorithm algorithm : kBaselines) {
    SCOPED_TRACE(std::string(algorithmName(algorithm)));
    SearchOptions options = smallOptions();
    options.peLimit = 12;
    BaselineParameters graded;
    graded.gradedPenalty = true;
    SearchResult result = runBaseline(algorithm, layer, options, graded);
    ASSERT_TRUE(result.found) << result.message;
    EXPECT_LE(result.hardware.numPEs, 12);
    EXPECT_LE(result.areaUm2, options.areaBudgetUm2);
    EXPECT_EQ(result.samplesUsed, options.samples);
  }
}

TEST(Baselines, FixedHardwareAndFixedMappingModes) {
  cost::Layer layer = smallConv();
  for (Algorithm algorithm : kBaselines) {
    SCOPED_TRACE(std::string(algorithmName(algorithm)));
    SearchOptions fixedHW = smallOptions();
    fixedHW.mode = Mode::FixedHW;
    fixedHW.fixedHardware.numPEs = 16;
    fixedHW.fixedHardware.l1Elements = 512;
    fixedHW.fixedHardware.l2Elements = 16384;
    SearchResult mapped = runBaseline(algorithm, layer, fixedHW);
    ASSERT_TRUE(mapped.found) << mapped.message;
    EXPECT_EQ(mapped.hardware.numPEs, 16);
    EXPECT_EQ(mapped.hardware.l1Elements, 512);
    EXPECT_LE(mapped.cost.l1Elements, 512);
    EXPECT_LE(mapped.cost.l2Elements, 16384);

    SearchOptions fixedMapping = smallOptions();
    fixedMapping.mode = Mode::FixedMapping;
    cost::Mapping mapping;
    mapping.numLevels = 2;
    mapping.level(0).parallelDim = cost::Dim::K;
    mapping.level(0).tiles = {4, 16, 4, 4, 3, 3};
    mapping.level(1).parallelDim = cost::Dim::C;
    mapping.level(1).tiles = {1, 1, 2, 2, 3, 3};
    fixedMapping.fixedMapping = mapping;
    SearchResult sized = runBaseline(algorithm, layer, fixedMapping);
    ASSERT_TRUE(sized.found) << sized.message;
    for (int l = 0; l < 2; ++l) {
      EXPECT_EQ(sized.mapping.level(l).tiles, mapping.level(l).tiles);
      EXPECT_EQ(sized.mapping.level(l).parallelDim,
                mapping.level(l).parallelDim);
    }
    EXPECT_LE(sized.areaUm2, fixedMapping.areaBudgetUm2);
  }
}

TEST(Baselines, BadInputIsAResultNotAnException) {
  SearchOptions options = smallOptions();
  options.samples = 0;
  SearchResult result = runBaseline(Algorithm::Cmaes, smallConv(), options);
  EXPECT_FALSE(result.found);
  EXPECT_EQ(result.message, "samples must be positive");
  cost::Layer bad = smallConv();
  bad.r = 40;
  result = runBaseline(Algorithm::Pso, bad, smallOptions());
  EXPECT_FALSE(result.found);
  EXPECT_EQ(result.message,
            "the layer's filter (40x3) is larger than its input (18x18)");
  result = runBaseline(Algorithm::DiGamma, smallConv(), smallOptions());
  EXPECT_FALSE(result.found);
  EXPECT_EQ(result.message, "not a pagmo baseline: digamma");
  // A budget no design fits: the usual message, after the whole budget.
  options = smallOptions();
  options.areaBudgetUm2 = 100;
  result = runBaseline(Algorithm::Sga, smallConv(), options);
  EXPECT_FALSE(result.found);
  EXPECT_EQ(result.samplesUsed, options.samples);
  EXPECT_NE(result.message.find("smallest feasible area"), std::string::npos)
      << result.message;
}

TEST(Baselines, AlgorithmNamesRoundTrip) {
  for (int i = 0; i <= static_cast<int>(Algorithm::Sa); ++i) {
    Algorithm algorithm = static_cast<Algorithm>(i);
    std::string_view name = algorithmName(algorithm);
    EXPECT_EQ(parseAlgorithm(name), algorithm);
    EXPECT_EQ(getOptimizer(algorithm).name(), name);
    EXPECT_NE(algorithmNames().find(name), std::string_view::npos);
  }
  EXPECT_EQ(algorithmName(Algorithm::Sa), "sa");
  EXPECT_FALSE(parseAlgorithm("cma").has_value());
}

TEST(Baselines, OneRegistryWithoutRecursion) {
  // The baselines' former registry is the registry.
  for (Algorithm algorithm : kBaselines)
    EXPECT_EQ(&getBaselineOptimizer(algorithm), &getOptimizer(algorithm));
  EXPECT_EQ(getBaselineOptimizer(Algorithm::DiGamma).name(), "digamma");
  // A value outside the enumeration is an error result, not a hang.
  Algorithm bogus = static_cast<Algorithm>(42);
  EXPECT_EQ(algorithmName(bogus), "unknown");
  SearchResult result =
      getOptimizer(bogus).run(smallConv(), smallOptions());
  EXPECT_FALSE(result.found);
  EXPECT_EQ(result.message,
            "not a known algorithm; expected digamma, random, sga, pso, "
            "sea, de, cmaes, sa, nsga2 or moead");
  result = getBaselineOptimizer(bogus).run(smallConv(), smallOptions());
  EXPECT_FALSE(result.found);
}

TEST(Baselines, GradedPenaltiesReachTheRegistryThroughTheOptions) {
  cost::Layer layer = smallConv();
  // A budget most random designs overrun: the penalties decide the search.
  SearchOptions options = smallOptions();
  options.areaBudgetUm2 = 4000;
  options.baseline.gradedPenalty = true;
  BaselineParameters graded;
  graded.gradedPenalty = true;
  SearchOptions constant = options;
  constant.baseline.gradedPenalty = false;
  bool differs = false;
  for (Algorithm algorithm : kBaselines) {
    SCOPED_TRACE(std::string(algorithmName(algorithm)));
    SearchResult viaOptions = getOptimizer(algorithm).run(layer, options);
    expectSameResult(viaOptions,
                     runBaseline(algorithm, layer, constant, graded));
    differs |= viaOptions.bestPerGeneration !=
               runBaseline(algorithm, layer, constant).bestPerGeneration;
  }
  // Some algorithm searches differently with graded penalties.
  EXPECT_TRUE(differs);
}
