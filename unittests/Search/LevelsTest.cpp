//===- LevelsTest.cpp - The bound under search options, the level count ---===//

#include "digamma/Search/Encoding.h"

#include "TestLayers.h"

#include "gtest/gtest.h"

using namespace digamma;
using namespace digamma::search;

namespace {

/// The layer: 64 x 64 channels, 3x3 on 56 x 56 outputs.
cost::Layer wideLayer() {
  return digamma::testing::convLayer(64, 64, 58, 58, 3, 3);
}

SearchOptions optionsAt(double areaUm2) {
  SearchOptions options;
  options.areaBudgetUm2 = areaUm2;
  options.minLevels = 2;
  options.maxLevels = 3;
  options.threads = 1;
  return options;
}

} // namespace

//===----------------------------------------------------------------------===//
// cycleBound under search options
//===----------------------------------------------------------------------===//

TEST(SearchBound, FollowsTheBudgetAndTheMode) {
  cost::Layer layer = wideLayer();
  SearchOptions options = optionsAt(kCloudAreaBudgetUm2);
  cost::CycleBound bound = cycleBound(layer, options);
  // Every PE the area holds with its smallest L1, the range's most levels.
  EXPECT_EQ(bound.maxPEs, cost::mostPEsWithinArea(kCloudAreaBudgetUm2, layer, 1));
  EXPECT_EQ(bound.maxLevels, 3);
  EXPECT_EQ(bound.cycles, cost::cycleBound(layer, bound.maxPEs, 3).cycles);
  options.peLimit = 1000;
  EXPECT_EQ(cycleBound(layer, options).maxPEs, 1000);
  // The element size counts: 4-byte buffers leave room for fewer PEs.
  options = optionsAt(kCloudAreaBudgetUm2);
  options.bytesPerElement = 4;
  EXPECT_EQ(cycleBound(layer, options).maxPEs,
            cost::mostPEsWithinArea(kCloudAreaBudgetUm2, layer, 4));
  // Beyond the search's own cap (2^20 PEs) the bound still counts them all.
  options = optionsAt(1e12);
  EXPECT_EQ(cycleBound(layer, options).maxPEs,
            cost::mostPEsWithinArea(1e12, layer, 1));
  EXPECT_GT(cycleBound(layer, options).maxPEs, int64_t(1) << 30);

  options = optionsAt(kEdgeAreaBudgetUm2);
  options.mode = Mode::FixedHW;
  options.fixedHardware.numPEs = 48;
  options.fixedHardware.simdLanes = 4;
  bound = cycleBound(layer, options);
  EXPECT_EQ(bound.maxPEs, 48);
  EXPECT_EQ(bound.simdLanes, 4);
  EXPECT_EQ(bound.cycles, cost::cycleBound(layer, 48, 3, 4).cycles);

  options = optionsAt(kCloudAreaBudgetUm2);
  options.mode = Mode::FixedMapping;
  cost::Mapping one;
  one.numLevels = 1;
  options.fixedMapping = one;
  EXPECT_EQ(cycleBound(layer, options).maxLevels, 1);
  options.mode = Mode::FixedHW;
  options.fixedHardware.numPEs = 64;
  options.fixedArrayShape = true;
  options.initialMapping = one;
  EXPECT_EQ(cycleBound(layer, options).maxLevels, 1);

  // The fixed hardware's off-chip bandwidth, with the search's element
  // size: 64 * 58 * 58 input, 64 * 64 * 9 weight and 64 * 56 * 56 output
  // elements of 2 bytes at 16 bytes per cycle.
  options = optionsAt(kCloudAreaBudgetUm2);
  EXPECT_EQ(cycleBound(layer, options).offchipCycles, 0);
  options.bytesPerElement = 2;
  options.fixedHardware.offchipBandwidth = 8;
  bound = cycleBound(layer, options);
  EXPECT_EQ(bound.offchipBytesPerCycle, 16);
  EXPECT_EQ(bound.offchipBytes,
            2 * (64 * 58 * 58 + 64 * 64 * 9 + 64 * 56 * 56));
  EXPECT_EQ(bound.offchipCycles, (bound.offchipBytes + 15) / 16);
  EXPECT_EQ(bound.limitedBy, cost::BoundLimit::Offchip);
  EXPECT_EQ(bound.cycles, bound.offchipCycles);
}

// No optimizer finds a design below the bound: DiGamma, random sampling
// and a pagmo baseline, at both budgets, every layer class, and in
// fixed-hardware mode.
TEST(SearchBound, NoSearchBeatsIt) {
  std::vector<cost::Layer> layers = digamma::testing::allModelLayers();
  int searched = 0;
  for (size_t i = 0; i < layers.size(); i += 9) {
    for (double area : {kEdgeAreaBudgetUm2, kCloudAreaBudgetUm2}) {
      SearchOptions options = optionsAt(area);
      options.samples = 1500;
      options.seed = i;
      Algorithm algorithm = i % 3 == 0   ? Algorithm::DiGamma
                            : i % 3 == 1 ? Algorithm::Random
                                         : Algorithm::Pso;
      SearchResult result = getOptimizer(algorithm).run(layers[i], options);
      ASSERT_TRUE(result.found) << result.message;
      cost::CycleBound bound = cycleBound(layers[i], options);
      EXPECT_GE(result.cost.cycles, bound.cycles);
      EXPECT_LE(result.hardware.numPEs, bound.maxPEs);
      ++searched;
    }
    SearchOptions fixed = optionsAt(kEdgeAreaBudgetUm2);
    fixed.mode = Mode::FixedHW;
    fixed.samples = 1500;
    fixed.fixedHardware.numPEs = 100;
    fixed.fixedHardware.l1Elements = 1 << 12;
    fixed.fixedHardware.l2Elements = 1 << 24;
    SearchResult result = runDiGamma(layers[i], fixed);
    ASSERT_TRUE(result.found) << result.message;
    EXPECT_GE(result.cost.cycles, cycleBound(layers[i], fixed).cycles);

    // A finite off-chip link: its bytes over the bandwidth bound it too.
    SearchOptions slow = optionsAt(kEdgeAreaBudgetUm2);
    slow.samples = 1500;
    slow.fixedHardware.offchipBandwidth = 4;
    result = runDiGamma(layers[i], slow);
    ASSERT_TRUE(result.found) << result.message;
    cost::CycleBound bound = cycleBound(layers[i], slow);
    EXPECT_GT(bound.offchipCycles, 0);
    EXPECT_GE(result.cost.cycles, bound.cycles);
  }
  EXPECT_GT(searched, 30);
}

//===----------------------------------------------------------------------===//
// LevelSchedule
//===----------------------------------------------------------------------===//

// At the edge budget two levels come within 20% of the three-level bound of
// the wide layer (184320 against 172032 cycles), so the search starts with
// two; at the cloud budget they cannot (28224 against 5040), so it opens
// the whole range.
TEST(LevelSchedule, StartsWithTheLevelsTheBoundNeeds) {
  cost::Layer layer = wideLayer();
  SearchOptions edge = optionsAt(kEdgeAreaBudgetUm2);
  SearchSpace space(layer, edge);
  LevelSchedule schedule(space);
  EXPECT_EQ(space.minLevels, 2);
  EXPECT_EQ(space.maxLevels, 2);

  SearchOptions cloud = optionsAt(kCloudAreaBudgetUm2);
  SearchSpace wide(layer, cloud);
  LevelSchedule open(wide);
  EXPECT_EQ(wide.maxLevels, 3);

  // No bound to go by for other objectives; a range of one count is what
  // it is.
  edge.objective = Objective::Energy;
  SearchSpace energy(layer, edge);
  LevelSchedule whole(energy);
  EXPECT_EQ(energy.maxLevels, 3);
  edge.objective = Objective::Latency;
  edge.minLevels = edge.maxLevels = 3;
  SearchSpace three(layer, edge);
  LevelSchedule fixed(three);
  EXPECT_EQ(three.minLevels, 3);
  EXPECT_EQ(three.maxLevels, 3);
}

// The range opens once levelWidenAt of the samples are used if the best
// design is still above levelWidenGap times the bound (or there is none),
// and only then; the decision is taken once.
TEST(LevelSchedule, OpensTheRangeWhenFewerLevelsStall) {
  cost::Layer layer = wideLayer();
  SearchOptions options = optionsAt(kEdgeAreaBudgetUm2);
  options.samples = 8000; // decision at 1000 samples
  int64_t bound = cycleBound(layer, options).cycles;
  double gap = options.genetic.levelWidenGap;
  Individual near, far, none;
  near.valid = far.valid = true;
  near.objective = 0.99 * gap * double(bound);
  far.objective = 1.01 * gap * double(bound);

  SearchSpace space(layer, options);
  LevelSchedule schedule(space);
  ASSERT_EQ(space.maxLevels, 2);
  schedule.update(space, 999, far); // too early
  EXPECT_EQ(space.maxLevels, 2);
  schedule.update(space, 1000, near);
  EXPECT_EQ(space.maxLevels, 2);
  schedule.update(space, 2000, far); // decided already
  EXPECT_EQ(space.maxLevels, 2);

  SearchSpace stalled(layer, options);
  LevelSchedule opens(stalled);
  opens.update(stalled, 1000, far);
  EXPECT_EQ(stalled.maxLevels, 3);
  SearchSpace empty(layer, options);
  LevelSchedule nothing(empty);
  nothing.update(empty, 1000, none);
  EXPECT_EQ(empty.maxLevels, 3);
}

// With the default range the search finds, at the cloud budget, a design
// faster than any two-level design can be (below the two-level bound), on
// three levels; at the edge budget it stays on two levels, which come near
// the bound there. Either way within 1.25x of the bound.
TEST(LevelSchedule, ReachesTheBoundAtBothBudgets) {
  cost::Layer layer = wideLayer();
  SearchOptions cloud = optionsAt(kCloudAreaBudgetUm2);
  cloud.samples = 10000;
  SearchResult result = runDiGamma(layer, cloud);
  ASSERT_TRUE(result.found) << result.message;
  SearchOptions two = cloud;
  two.maxLevels = 2;
  EXPECT_LT(result.cost.cycles, cycleBound(layer, two).cycles);
  EXPECT_EQ(result.mapping.numLevels, 3);
  EXPECT_LE(double(result.cost.cycles),
            1.25 * double(cycleBound(layer, cloud).cycles));

  SearchOptions edge = optionsAt(kEdgeAreaBudgetUm2);
  edge.samples = 10000;
  result = runDiGamma(layer, edge);
  ASSERT_TRUE(result.found) << result.message;
  EXPECT_EQ(result.mapping.numLevels, 2);
  EXPECT_LE(double(result.cost.cycles),
            1.25 * double(cycleBound(layer, edge).cycles));
}

// A search whose range opens half-way gives the same design for a seed
// whatever the thread count.
TEST(LevelSchedule, DeterministicWhenTheRangeOpens) {
  // MobileNet-V2's K160 C576 7x7 pointwise layer.
  cost::Layer layer = digamma::testing::convLayer(160, 576, 7, 7, 1, 1);
  SearchOptions options = optionsAt(kCloudAreaBudgetUm2);
  options.samples = 4000;
  options.seed = 9;
  // Below the default's 2x, so that this short search's two-level designs
  // stall above it.
  options.genetic.levelWidenGap = 1.5;
  SearchSpace space(layer, options);
  LevelSchedule schedule(space);
  ASSERT_EQ(space.maxLevels, 2) << "two levels come near this layer's bound";
  SearchResult one = runDiGamma(layer, options);
  ASSERT_TRUE(one.found) << one.message;
  // The two-level designs stalled above 1.5x the bound; the range opened.
  EXPECT_EQ(one.mapping.numLevels, 3);
  options.threads = 2;
  SearchResult two = runDiGamma(layer, options);
  ASSERT_TRUE(two.found);
  EXPECT_EQ(one.cost.cycles, two.cost.cycles);
  EXPECT_EQ(one.hardware.numPEs, two.hardware.numPEs);
  EXPECT_EQ(one.mapping.numLevels, two.mapping.numLevels);
  EXPECT_EQ(one.bestPerGeneration, two.bestPerGeneration);
}
