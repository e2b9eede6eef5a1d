//===- MapSpaceTest.cpp - Map-space rules, repair and free spaces ---------===//
//
// The rules one by one (findViolation names each), repair into a space, the
// operators staying inside it, and the promise that a space without rules
// changes nothing: byte-identical results for a seed, every optimizer.
// Property tests over the bundled constraint files are in
// unittests/Api/MapSpaceFileTest.cpp.
//
//===----------------------------------------------------------------------===//

#include "digamma/Search/Encoding.h"
#include "digamma/Search/ModelSearch.h"
#include "digamma/Search/TwoStep.h"

#include "CountingAllocator.h"
#include "TestLayers.h"

#include "gtest/gtest.h"

using namespace digamma;
using namespace digamma::search;
using cost::Dim;

using digamma::testing::allocations;

namespace {

uint8_t bit(Dim dim) { return uint8_t(1u << static_cast<int>(dim)); }

/// GAMMA's dla_map: K across clusters, C across 16 PEs with fixed inner
/// tiles and order.
MapSpace nvdlaLike() {
  MapSpace space;
  space.name = "nvdla-like";
  space.numLevels = 2;
  space.levels[0].parallelDims = bit(Dim::K);
  MapSpaceLevel &inner = space.levels[1];
  inner.parallelDims = bit(Dim::C);
  inner.parallelSize = SizeRule::fixed(16);
  inner.orderPrefixLength = 6;
  inner.orderPrefix = {Dim::C, Dim::Y, Dim::X, Dim::R, Dim::S, Dim::K};
  inner.tiles = {SizeRule::parentTile(Dim::K), SizeRule::fixed(1),
                 SizeRule::parentTile(Dim::R), SizeRule::parentTile(Dim::S),
                 SizeRule::parentTile(Dim::R), SizeRule::parentTile(Dim::S)};
  return space;
}

SearchOptions smallOptions() {
  SearchOptions options;
  options.samples = 600;
  options.threads = 1;
  options.seed = 3;
  return options;
}

cost::Layer conv() { return digamma::testing::convLayer(64, 32, 30, 30, 3, 3); }

void expectSameResult(const SearchResult &a, const SearchResult &b) {
  EXPECT_EQ(a.found, b.found);
  EXPECT_EQ(a.message, b.message);
  EXPECT_EQ(a.objectiveValue, b.objectiveValue);
  EXPECT_EQ(a.hardware.numPEs, b.hardware.numPEs);
  EXPECT_EQ(a.cost.cycles, b.cost.cycles);
  EXPECT_EQ(a.cost.energyNJ, b.cost.energyNJ);
  EXPECT_EQ(a.bestPerGeneration, b.bestPerGeneration);
  Individual x, y;
  x.mapping = a.mapping;
  y.mapping = b.mapping;
  EXPECT_TRUE(sameGenes(x, y));
}

TEST(MapSpace, EachRuleIsNamed) {
  MapSpace space = nvdlaLike();
  cost::Layer layer = conv();
  SearchOptions options = smallOptions();
  options.mapSpace = space;
  SearchSpace searchSpace(layer, options);
  Individual ind;
  Random rng(1);
  searchSpace.randomize(ind, rng);
  ASSERT_FALSE(findViolation(space, layer, ind.mapping, ind.numPEs));

  auto broken = [&](auto change) {
    Individual copy = ind;
    change(copy.mapping);
    std::optional<MapSpaceViolation> violation =
        findViolation(space, layer, copy.mapping, copy.numPEs);
    return violation ? describeViolation(space, *violation) : "inside";
  };
  EXPECT_EQ(broken([](cost::Mapping &m) { m.level(1).parallelDim = Dim::K; }),
            "map space 'nvdla-like': level 1 spreads C, got K");
  EXPECT_EQ(broken([](cost::Mapping &m) { m.level(1).clusterSize = 8; }),
            "map space 'nvdla-like': level 1's parallel size is 16 (16), got 8");
  EXPECT_EQ(broken([](cost::Mapping &m) {
              std::swap(m.level(1).order[0], m.level(1).order[1]);
            }),
            "map space 'nvdla-like': level 1's loop order starts C, Y, X, R, "
            "S, K, got Y at position 0");
  EXPECT_EQ(broken([](cost::Mapping &m) { m.level(1).tile(Dim::C) = 2; }),
            "map space 'nvdla-like': level 1's C tile is 1 (1), got 2");
  EXPECT_EQ(broken([](cost::Mapping &m) { m.numLevels = 3; }),
            "map space 'nvdla-like': the level count is 2, got 3");
}

TEST(MapSpace, RepairMovesAnyMappingInside) {
  MapSpace space = nvdlaLike();
  space.levels[0].orderPrefixLength = 2;
  space.levels[0].orderPrefix[0] = Dim::X;
  space.levels[0].orderPrefix[1] = Dim::K;
  space.levels[0].tiles[static_cast<int>(Dim::C)] = SizeRule::fixed(1000);
  std::mt19937_64 rng(9);
  for (int trial = 0; trial < 200; ++trial) {
    cost::Layer layer = digamma::testing::convLayer(
        digamma::testing::uniform(rng, 1, 96),
        digamma::testing::uniform(rng, 1, 96),
        digamma::testing::uniform(rng, 3, 40),
        digamma::testing::uniform(rng, 3, 40), 3, 3);
    cost::Mapping mapping = digamma::testing::randomMapping(
        rng, layer, static_cast<int>(digamma::testing::uniform(rng, 1, 3)), 64);
    std::array<int64_t, cost::kNumDims> extent = mappedExtents(layer);
    repairMapping(space, extent, false, mapping);
    // Cluster sizes are SearchSpace::repair's: set the ruled one here.
    mapping.level(1).clusterSize = 16;
    std::optional<MapSpaceViolation> violation =
        findViolation(space, layer, mapping, 0);
    EXPECT_FALSE(violation) << describeViolation(space, *violation);
    // The free loops keep their relative order after the prefix.
    EXPECT_EQ(mapping.level(0).order[0], Dim::X);
    EXPECT_EQ(mapping.level(0).order[1], Dim::K);
  }
}

TEST(MapSpace, OperatorsStayInsideAfterRepair) {
  MapSpace space = nvdlaLike();
  cost::Layer layer = conv();
  SearchOptions options = smallOptions();
  options.mapSpace = space;
  SearchSpace searchSpace(layer, options);
  Random rng(4);
  Individual a, b;
  searchSpace.randomize(a, rng);
  searchSpace.randomize(b, rng);
  for (int step = 0; step < 2000; ++step) {
    switch (step % 8) {
    case 0:
      crossover(a, b, rng);
      break;
    case 1:
      reorder(a, rng);
      break;
    case 2:
      mutateMap(a, searchSpace, rng);
      break;
    case 3:
      mutateHardware(a, searchSpace, rng);
      break;
    case 4:
      fitParallelism(a, searchSpace, rng);
      break;
    case 5:
      swapParallel(a);
      break;
    case 6:
      grow(a, searchSpace, rng);
      break;
    default:
      age(a, searchSpace);
      break;
    }
    searchSpace.repair(a);
    searchSpace.repair(b);
    std::optional<MapSpaceViolation> violation =
        findViolation(space, layer, a.mapping, a.numPEs);
    ASSERT_FALSE(violation) << "step " << step << ": "
                            << describeViolation(space, *violation);
    // Drawn parallel dimensions are the allowed ones: the operators work
    // inside the space rather than being repaired into it.
    EXPECT_EQ(searchSpace.randomParallelDim(rng, 1), Dim::C);
  }
}

TEST(MapSpace, TheHotPathAllocatesNothing) {
  cost::Layer layer = conv();
  SearchOptions options = smallOptions();
  options.mapSpace = nvdlaLike();
  SearchSpace searchSpace(layer, options);
  Random rng(8);
  Individual ind, other;
  searchSpace.randomize(ind, rng);
  searchSpace.randomize(other, rng);
  long before = allocations.load();
  int inside = 0;
  for (int step = 0; step < 1000; ++step) {
    crossover(ind, other, rng);
    mutateMap(ind, searchSpace, rng);
    mutateHardware(ind, searchSpace, rng);
    searchSpace.repair(ind);
    inside += !findViolation(options.mapSpace, layer, ind.mapping, ind.numPEs);
  }
  EXPECT_EQ(allocations.load(), before);
  EXPECT_EQ(inside, 1000);
}

TEST(MapSpace, AFreeSpaceChangesNothing) {
  MapSpace free;
  free.name = "free";
  free.numLevels = 2; // the default level count
  cost::Layer layers[] = {conv(), digamma::testing::convLayer(16, 1, 20, 20, 3, 3)};
  layers[1].layerClass = cost::LayerClass::DepthwiseConv;
  layers[1].c = 16;
  layers[1].k = 1;
  for (const cost::Layer &layer : layers)
    for (Algorithm algorithm :
         {Algorithm::DiGamma, Algorithm::Random, Algorithm::Sga, Algorithm::Pso,
          Algorithm::Sea, Algorithm::De, Algorithm::Cmaes, Algorithm::Sa}) {
      SearchOptions plain = smallOptions(), constrained = smallOptions();
      constrained.mapSpace = free;
      SCOPED_TRACE(std::string(algorithmName(algorithm)));
      expectSameResult(getOptimizer(algorithm).run(layer, plain),
                       getOptimizer(algorithm).run(layer, constrained));
    }
  // FixedHW mode, the dataflow grid and the whole-model search too.
  SearchOptions plain = smallOptions(), constrained = smallOptions();
  plain.mode = constrained.mode = Mode::FixedHW;
  plain.fixedHardware.numPEs = constrained.fixedHardware.numPEs = 64;
  plain.fixedHardware.l1Elements = constrained.fixedHardware.l1Elements = 4096;
  plain.fixedHardware.l2Elements = constrained.fixedHardware.l2Elements = 1 << 20;
  constrained.mapSpace = free;
  expectSameResult(runDiGamma(conv(), plain), runDiGamma(conv(), constrained));
  SearchOptions grid = smallOptions(), gridFree = smallOptions();
  gridFree.mapSpace = free;
  expectSameResult(runHardwareGrid(conv(), *findDataflow("eyeriss"), grid),
                   runHardwareGrid(conv(), *findDataflow("eyeriss"), gridFree));
  std::vector<ModelLayer> model = {{conv(), 1}, {layers[1], 2}};
  SearchOptions modelOptions = smallOptions(), modelFree = smallOptions();
  modelOptions.samples = modelFree.samples = 1200;
  modelFree.mapSpace = free;
  ModelSearchResult a = runModelDiGamma(model, modelOptions),
                    b = runModelDiGamma(model, modelFree);
  EXPECT_EQ(a.found, b.found);
  EXPECT_EQ(a.objectiveValue, b.objectiveValue);
  EXPECT_EQ(a.hardware.numPEs, b.hardware.numPEs);
  EXPECT_EQ(a.totalCycles, b.totalCycles);
}

TEST(MapSpace, InfeasibleSpacesNameTheRule) {
  SearchOptions options = smallOptions();
  options.mapSpace = nvdlaLike();
  options.mapSpace.levels[1].parallelSize = SizeRule::fixed(1 << 20);
  SearchResult result = runDiGamma(conv(), options);
  EXPECT_FALSE(result.found);
  EXPECT_NE(result.message.find("map space 'nvdla-like' admits no design: the "
                                "rule 'level 1's parallel size is 1048576' "
                                "needs at least 1048576 PEs"),
            std::string::npos)
      << result.message;

  // Big fixed tiles: the buffers alone outgrow the edge budget.
  options.mapSpace = nvdlaLike();
  options.mapSpace.levels[0].tiles = {SizeRule::parentTile(Dim::K),
                                      SizeRule::parentTile(Dim::C),
                                      SizeRule::parentTile(Dim::Y),
                                      SizeRule::parentTile(Dim::X),
                                      SizeRule(), SizeRule()};
  options.mapSpace.levels[1].tiles = options.mapSpace.levels[0].tiles;
  cost::Layer big = digamma::testing::convLayer(512, 512, 60, 60, 3, 3);
  result = runDiGamma(big, options);
  EXPECT_FALSE(result.found);
  EXPECT_NE(result.message.find("admits no design of this layer within the "
                                "area budget"),
            std::string::npos)
      << result.message;
  EXPECT_NE(result.message.find("the tile rules of level 0 are the ones to "
                                "relax"),
            std::string::npos)
      << result.message;

  options.mapSpace = nvdlaLike();
  options.mode = Mode::FixedHW;
  options.fixedHardware.numPEs = 8;
  options.fixedHardware.l1Elements = 1024;
  options.fixedHardware.l2Elements = 1 << 20;
  result = runDiGamma(conv(), options);
  EXPECT_EQ(result.message,
            "map space 'nvdla-like' admits no design on the fixed hardware: "
            "the rule 'level 1's parallel size is 16' needs at least 16 PEs, "
            "the hardware has 8");

  options.mapSpace.levels[0].parallelSize = SizeRule::fixed(2);
  result = runDiGamma(conv(), options);
  EXPECT_NE(result.message.find("in mode=fixed-hw: the rule 'level 0's "
                                "parallel size is 2' cannot hold"),
            std::string::npos)
      << result.message;

  options = smallOptions();
  options.mapSpace = nvdlaLike();
  options.maxLevels = options.minLevels = 3;
  EXPECT_EQ(runDiGamma(conv(), options).message,
            "map space 'nvdla-like' has 2 mapping levels; it needs min-levels "
            "<= 2 <= max-levels");
}

TEST(MapSpace, FixedMappingOutsideTheSpaceIsAnError) {
  SearchOptions options = smallOptions();
  options.mapSpace = nvdlaLike();
  options.mode = Mode::FixedMapping;
  options.fixedMapping = cost::Mapping();
  options.fixedMapping->level(0).tiles = {4, 4, 4, 4, 3, 3};
  SearchResult result = runDiGamma(conv(), options);
  EXPECT_EQ(result.message, "the fixed mapping is outside the map space "
                            "'nvdla-like': level 1 spreads C, got K");
  // The grid search of a dataflow skips the instances outside the space.
  options = smallOptions();
  options.mapSpace = nvdlaLike();
  result = runHardwareGrid(conv(), *findDataflow("shidiannao"), options);
  EXPECT_EQ(result.message, "dataflow shidiannao is outside the map space "
                            "'nvdla-like': level 0 spreads K, got Y");
}

} // namespace
