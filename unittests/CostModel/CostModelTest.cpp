//===- CostModelTest.cpp - Tests of the cost model ------------------------===//

#include "digamma/CostModel/CostModel.h"

#include "CountingAllocator.h"
#include "TestLayers.h"

#include "gtest/gtest.h"

#include <atomic>
#include <cstdlib>
#include <limits>
#include <new>

using namespace digamma;
using namespace digamma::cost;
using digamma::testing::allModelLayers;
using digamma::testing::randomMapping;
using digamma::testing::uniform;

using digamma::testing::allocations;

static int64_t trueMacs(const Layer &layer) {
  int64_t macs = layer.n;
  for (Dim d : kAllDims)
    macs *= layer.mappedExtent(d);
  return macs;
}

namespace {

/// Checks the physical invariants of one valid report.
void expectSound(const Layer &layer, const Hardware &hw,
                 const CostReport &report) {
  ASSERT_TRUE(report.valid) << describe(report.reason);
  EXPECT_EQ(report.macs, trueMacs(layer));
  EXPECT_GT(report.cycles, 0);
  // Never faster than the work allows on the PEs there are.
  EXPECT_GE(report.cycles, (report.macs + hw.numPEs - 1) / hw.numPEs);
  EXPECT_GT(report.l1Elements, 0);
  EXPECT_GT(report.l2Elements, 0);
  const AccessCounts &a = report.accesses;
  for (int64_t count :
       {a.inputL1Read, a.inputL1Write, a.inputL2Read, a.inputL2Write,
        a.filterL1Read, a.filterL1Write, a.filterL2Read, a.filterL2Write,
        a.outputL1Read, a.outputL1Write, a.outputL2Read, a.outputL2Write})
    EXPECT_GE(count, 0);
  EXPECT_GT(report.energyNJ, 0);
  EXPECT_GT(report.utilization, 0);
  EXPECT_LE(report.utilization, 1.0);
}

class SoundInvariants : public ::testing::TestWithParam<LayerClass> {};

} // namespace

// 100,000 random mappings per layer class over the seven models' layers:
// 1 to 3 levels, tiles that divide or not, partial R and S.
TEST_P(SoundInvariants, HoldOnRandomMappings) {
  std::vector<Layer> layers;
  for (const Layer &layer : allModelLayers())
    if (layer.layerClass == GetParam())
      layers.push_back(layer);
  ASSERT_FALSE(layers.empty());
  std::mt19937_64 rng(42 + static_cast<int>(GetParam()));
  Evaluator evaluator;
  for (int i = 0; i < 100000; ++i) {
    const Layer &layer = layers[i % layers.size()];
    Hardware hw;
    hw.numPEs = uniform(rng, 1, 1024);
    hw.nocBandwidth = int64_t(1) << uniform(rng, 0, 30);
    hw.offchipBandwidth = int64_t(1) << uniform(rng, 0, 30);
    Mapping mapping = randomMapping(
        rng, layer, static_cast<int>(uniform(rng, 1, 3)), hw.numPEs);
    const CostReport &report = evaluator.evaluate(layer, hw, mapping);
    expectSound(layer, hw, report);
    if (::testing::Test::HasFailure())
      FAIL() << "mapping #" << i;
  }
}

INSTANTIATE_TEST_SUITE_P(AllClasses, SoundInvariants,
                         ::testing::Values(LayerClass::Conv,
                                           LayerClass::DepthwiseConv,
                                           LayerClass::Gemm));

// Every layer of the seven models with each dimension 16 times larger
// evaluates without overflow.
TEST(CostModel, NoOverflowOnLargeLayers) {
  std::mt19937_64 rng(7);
  Evaluator evaluator;
  for (Layer layer : allModelLayers()) {
    for (int64_t *dim :
         {&layer.k, &layer.c, &layer.y, &layer.x, &layer.r, &layer.s})
      *dim *= 16;
    if (layer.layerClass == LayerClass::DepthwiseConv)
      layer.k = 1;
    for (int i = 0; i < 20; ++i) {
      Hardware hw;
      hw.numPEs = uniform(rng, 1, 4096);
      Mapping mapping = randomMapping(rng, layer, 2, hw.numPEs);
      expectSound(layer, hw, evaluator.evaluate(layer, hw, mapping));
    }
  }
}

// More NoC or off-chip bandwidth is never slower.
TEST(CostModel, MoreBandwidthNeverSlower) {
  std::vector<Layer> layers = allModelLayers();
  std::mt19937_64 rng(11);
  Evaluator evaluator;
  for (int i = 0; i < 20000; ++i) {
    const Layer &layer = layers[i % layers.size()];
    Hardware hw;
    hw.numPEs = uniform(rng, 1, 512);
    hw.nocBandwidth = uniform(rng, 1, 256);
    hw.offchipBandwidth = uniform(rng, 1, 256);
    Mapping mapping = randomMapping(rng, layer, 2, hw.numPEs);
    int64_t slow = evaluator.evaluate(layer, hw, mapping).cycles;
    Hardware faster = hw;
    faster.nocBandwidth *= uniform(rng, 1, 8);
    faster.offchipBandwidth *= uniform(rng, 1, 8);
    EXPECT_LE(evaluator.evaluate(layer, faster, mapping).cycles, slow);
  }
}

// A small GEMM worked by hand: 4 PEs each take one K (N of the GEMM) and do
// 4x4 MACs, so compute is 16 cycles; the 48 elements of traffic take one
// cycle at GAMMA's bandwidth, hidden behind compute, and filling the first
// step costs one more; buffers double-buffer the tiles.
TEST(CostModel, HandComputedGemm) {
  Layer layer;
  layer.layerClass = LayerClass::Gemm;
  layer.k = 4;
  layer.c = 4;
  layer.y = 4;
  Hardware hw;
  hw.numPEs = 4;
  Mapping mapping;
  mapping.numLevels = 1;
  mapping.level(0).parallelDim = Dim::K;
  mapping.level(0).tiles = {1, 4, 4, 1, 1, 1};
  Evaluator evaluator;
  const CostReport &report = evaluator.evaluate(layer, hw, mapping);
  ASSERT_TRUE(report.valid);
  EXPECT_EQ(report.macs, 64);
  EXPECT_EQ(report.cycles, 16 + 1); // max(compute 16, traffic 1) + fill 1
  // L1 per PE: input C4 x Y4, filter K1 x C4, output K1 x Y4; doubled.
  EXPECT_EQ(report.l1Elements, 2 * (16 + 4 + 4));
  // L2: one chunk of 4 PEs: input 16, filter 16, output 16; doubled.
  EXPECT_EQ(report.l2Elements, 2 * 48);
  EXPECT_EQ(report.accesses.filterL2Read, 16);
  EXPECT_EQ(report.accesses.inputL1Read, 64);
  EXPECT_DOUBLE_EQ(report.utilization, 64.0 / (17.0 * 4.0));
}

// Halving the NoC bandwidth on a traffic-bound mapping makes it slower by
// the traffic, not by the compute.
TEST(CostModel, BandwidthBoundLevel) {
  Layer layer;
  layer.layerClass = LayerClass::Gemm;
  layer.k = 64;
  layer.c = 64;
  layer.y = 64;
  Hardware hw;
  hw.numPEs = 64;
  hw.nocBandwidth = 1;
  Mapping mapping;
  mapping.numLevels = 1;
  mapping.level(0).parallelDim = Dim::K;
  mapping.level(0).tiles = {1, 64, 64, 1, 1, 1};
  Evaluator evaluator;
  CostReport slow = evaluator.evaluate(layer, hw, mapping);
  ASSERT_TRUE(slow.valid);
  // Compute is 64*64 = 4096 cycles per PE. One iteration: the first
  // ingress (input 4096 + filter 64*64) at one element per cycle comes on
  // top of compute.
  EXPECT_EQ(slow.cycles, 4096 + 2 * 4096);
  hw.nocBandwidth = 1 << 20;
  const CostReport &fast = evaluator.evaluate(layer, hw, mapping);
  EXPECT_EQ(fast.cycles, 4096 + 1);
  EXPECT_LT(fast.cycles, slow.cycles);
}

TEST(CostModel, InvalidDesignsHaveReasons) {
  Layer layer;
  layer.k = 8;
  layer.c = 8;
  layer.y = 10;
  layer.x = 10;
  layer.r = 3;
  layer.s = 3;
  Hardware hw;
  hw.numPEs = 16;
  Mapping good;
  good.numLevels = 2;
  good.level(0).tiles = {8, 8, 8, 8, 3, 3};
  good.level(1).tiles = {1, 8, 8, 8, 3, 3};
  good.level(1).clusterSize = 8;
  Evaluator evaluator;
  ASSERT_TRUE(evaluator.evaluate(layer, hw, good).valid);

  Mapping tooBig = good;
  tooBig.level(0).tiles[2] = 9; // the output has 8 rows
  EXPECT_EQ(evaluator.evaluate(layer, hw, tooBig).reason,
            InvalidReason::TileExceedsParent);
  Mapping innerBigger = good;
  innerBigger.level(0).tiles[1] = 4; // level 1 keeps C = 8
  EXPECT_EQ(evaluator.evaluate(layer, hw, innerBigger).reason,
            InvalidReason::TileExceedsParent);
  Mapping cluster = good;
  cluster.level(1).clusterSize = 17;
  EXPECT_EQ(evaluator.evaluate(layer, hw, cluster).reason,
            InvalidReason::ClusterExceedsPEs);
  Mapping order = good;
  order.level(1).order[0] = Dim::C; // C twice, K missing
  EXPECT_EQ(evaluator.evaluate(layer, hw, order).reason,
            InvalidReason::BadMapping);
  Mapping zero = good;
  zero.level(1).tiles[1] = 0;
  EXPECT_EQ(evaluator.evaluate(layer, hw, zero).reason,
            InvalidReason::BadMapping);
  for (int levels : {0, kMaxLevels + 1}) {
    Mapping bad = good;
    bad.numLevels = levels;
    EXPECT_EQ(evaluator.evaluate(layer, hw, bad).reason,
              InvalidReason::BadMapping);
  }
  Layer badLayer = layer;
  badLayer.r = 11;
  EXPECT_EQ(evaluator.evaluate(badLayer, hw, good).reason,
            InvalidReason::BadLayer);
  Hardware noPEs = hw;
  noPEs.numPEs = 0;
  EXPECT_FALSE(evaluator.evaluate(layer, noPEs, good).valid);
  EXPECT_TRUE(evaluator.evaluate(layer, hw, good, Semantics::Maestro).valid);
  // MAESTRO accepts oversized tiles but divides by zero without PEs.
  EXPECT_TRUE(evaluator.evaluate(layer, hw, tooBig, Semantics::Maestro).valid);
  EXPECT_EQ(evaluator.evaluate(layer, hw, cluster, Semantics::Maestro).reason,
            InvalidReason::ClusterExceedsPEs);
  Layer batched = layer;
  batched.n = 2;
  EXPECT_EQ(evaluator.evaluate(batched, hw, good, Semantics::Maestro).reason,
            InvalidReason::MaestroUnsupportedLayer);
  for (InvalidReason reason :
       {InvalidReason::TileExceedsParent, InvalidReason::ClusterExceedsPEs,
        InvalidReason::AreaOverBudget})
    EXPECT_FALSE(describe(reason).empty());
}

TEST(CostModel, BatchIsAnOuterLoop) {
  Layer layer;
  layer.k = 16;
  layer.c = 8;
  layer.y = 12;
  layer.x = 12;
  layer.r = 3;
  layer.s = 3;
  Hardware hw;
  hw.numPEs = 32;
  std::mt19937_64 rng(3);
  Mapping mapping = randomMapping(rng, layer, 2, hw.numPEs);
  Evaluator evaluator;
  CostReport one = evaluator.evaluate(layer, hw, mapping);
  layer.n = 5;
  const CostReport &five = evaluator.evaluate(layer, hw, mapping);
  ASSERT_TRUE(one.valid && five.valid);
  EXPECT_EQ(five.cycles, 5 * one.cycles);
  EXPECT_EQ(five.macs, 5 * one.macs);
  EXPECT_EQ(five.l1Elements, one.l1Elements);
  EXPECT_EQ(five.l2Elements, one.l2Elements);
}

TEST(CostModel, StrideWidensTheInputWindow) {
  Layer layer;
  layer.k = 4;
  layer.c = 2;
  layer.y = 15;
  layer.x = 15;
  layer.r = 3;
  layer.s = 3;
  layer.strideY = layer.strideX = 2; // 7x7 outputs
  ASSERT_EQ(layer.outY(), 7);
  Hardware hw;
  hw.numPEs = 1;
  Mapping mapping;
  mapping.numLevels = 1;
  mapping.level(0).tiles = {4, 2, 7, 7, 3, 3};
  Evaluator evaluator;
  const CostReport &report = evaluator.evaluate(layer, hw, mapping);
  ASSERT_TRUE(report.valid);
  // Input block: C2 x ((7-1)*2+3)^2 = 2 x 225; filter 4*2*9; the output
  // term uses the input window too, as MAESTRO's does: 4 x 225.
  EXPECT_EQ(report.l1Elements, 2 * (2 * 225 + 72 + 4 * 225));
  EXPECT_EQ(report.accesses.inputL2Write, 2 * 15 * 15);
  EXPECT_EQ(report.macs, 4 * 2 * 49 * 9);
}

TEST(CostModel, EvaluateDoesNotAllocate) {
  std::vector<Layer> layers = allModelLayers();
  std::mt19937_64 rng(5);
  std::vector<std::pair<Hardware, Mapping>> designs;
  for (int i = 0; i < 1000; ++i) {
    Hardware hw;
    hw.numPEs = uniform(rng, 1, 256);
    designs.push_back(
        {hw, randomMapping(rng, layers[i % layers.size()], 2, hw.numPEs)});
  }
  Evaluator evaluator;
  long before = allocations.load();
  int64_t sink = 0;
  for (int i = 0; i < 1000; ++i)
    sink += evaluator
                .evaluate(layers[i % layers.size()], designs[i].first,
                          designs[i].second)
                .cycles;
  EXPECT_EQ(allocations.load(), before);
  EXPECT_GT(sink, 0);
}

TEST(CostModel, BudgetsWorkBackwardsFromTheAreaFormula) {
  // 0.2 mm^2 pays for 709 MACs of 282 um^2.
  EXPECT_EQ(pesWithinArea(0.2e6), 709);
  EXPECT_EQ(pesWithinArea(281.9), 0);
  EXPECT_EQ(pesWithinArea(-5), 0);
  EXPECT_EQ(pesWithinArea(std::numeric_limits<double>::infinity()),
            int64_t(1e15));
  // One INT8 element is 8 bits of 0.086 um^2; a 4-byte one four times that.
  EXPECT_DOUBLE_EQ(sramAreaPerElementUm2(1), 8 * 0.086);
  EXPECT_DOUBLE_EQ(sramAreaPerElementUm2(4), 32 * 0.086);
  EXPECT_EQ(bufferElementsWithinArea(1000, 1), 1453); // 1000 / 0.688
  EXPECT_EQ(bufferElementsWithinArea(1000, 4), 363);
  EXPECT_EQ(bufferElementsWithinArea(0, 1), 0);
  // What fits is never more than the area formula charges for.
  for (double area : {300.0, 1e4, 0.2e6, 7e6}) {
    int64_t pes = pesWithinArea(area);
    EXPECT_LE(digammaAreaUm2(pes, 0, 0, 1), area);
    EXPECT_GT(digammaAreaUm2(pes + 1, 0, 0, 1), area);
    int64_t elements = bufferElementsWithinArea(area, 2);
    EXPECT_LE(digammaAreaUm2(0, 0, elements, 2), area);
    EXPECT_GT(digammaAreaUm2(0, 0, elements + 1, 2), area);
  }
}

TEST(CostModel, OneLayerCheck) {
  Layer layer{LayerClass::Conv, 1, 8, 4, 10, 10, 3, 3, 1, 1};
  EXPECT_EQ(findLayerFault(layer), LayerFault::None);
  Layer bad = layer;
  bad.c = 0;
  EXPECT_EQ(findLayerFault(bad), LayerFault::NonPositiveExtent);
  EXPECT_EQ(describeLayerFault(bad, LayerFault::NonPositiveExtent),
            "every layer extent must be positive, got N=1 K=8 C=0 Y=10 X=10 "
            "R=3 S=3");
  // The evaluator rejects what the check rejects.
  Mapping mapping;
  EXPECT_EQ(Evaluator().evaluate(bad, Hardware(), mapping).reason,
            InvalidReason::BadLayer);
  bad = layer;
  bad.strideX = 0;
  EXPECT_EQ(findLayerFault(bad), LayerFault::NonPositiveStride);
  EXPECT_EQ(Evaluator().evaluate(bad, Hardware(), mapping).reason,
            InvalidReason::BadLayer);
  bad = layer;
  bad.s = 11;
  EXPECT_EQ(findLayerFault(bad), LayerFault::FilterLargerThanInput);
  EXPECT_EQ(describeLayerFault(bad, LayerFault::FilterLargerThanInput),
            "the layer's filter (3x11) is larger than its input (10x10)");
  EXPECT_EQ(Evaluator().evaluate(bad, Hardware(), mapping).reason,
            InvalidReason::BadLayer);
  EXPECT_FALSE(isRegularMapping(bad, Hardware(), mapping));
}

TEST(CostModel, AreaAndConstraints) {
  // 10 PEs, 100 L1 elements each, 1000 L2 elements, one byte each.
  EXPECT_DOUBLE_EQ(digammaAreaUm2(10, 100, 1000, 1),
                   10 * 282.0 + 2000 * 8 * 0.086);
  EXPECT_DOUBLE_EQ(digammaAreaUm2(10, 100, 1000, 4),
                   10 * 282.0 + 2000 * 32 * 0.086);
  CostReport report;
  report.valid = true;
  report.l1Elements = 100;
  report.l2Elements = 1000;
  Hardware hw;
  hw.numPEs = 10;
  Constraints constraints;
  EXPECT_EQ(checkConstraints(report, hw, constraints), InvalidReason::None);
  constraints.areaBudgetUm2 = 4000;
  EXPECT_EQ(checkConstraints(report, hw, constraints),
            InvalidReason::AreaOverBudget);
  constraints.areaBudgetUm2 = 1e9;
  constraints.peLimit = 8;
  EXPECT_EQ(checkConstraints(report, hw, constraints),
            InvalidReason::PELimitExceeded);
  constraints.peLimit = kUnbounded;
  hw.l1Elements = 99;
  EXPECT_EQ(checkConstraints(report, hw, constraints),
            InvalidReason::L1OverCapacity);
  hw.l1Elements = 100;
  hw.l2Elements = 999;
  EXPECT_EQ(checkConstraints(report, hw, constraints),
            InvalidReason::L2OverCapacity);
}

namespace {

/// A random regular mapping (spec section 11): tiles divide their parents,
/// R and S unsplit, spatial tile counts a multiple of the fan-out.
Mapping randomRegularMapping(std::mt19937_64 &rng, const Layer &layer,
                             int levels, Hardware &hw) {
  auto divisor = [&](int64_t n) {
    std::vector<int64_t> divisors;
    for (int64_t d = 1; d <= n; ++d)
      if (n % d == 0)
        divisors.push_back(d);
    return divisors[uniform(rng, 0, int64_t(divisors.size()) - 1)];
  };
  Mapping m;
  m.numLevels = levels;
  std::array<int64_t, kNumDims> parent;
  for (int d = 0; d < kNumDims; ++d)
    parent[d] = layer.mappedExtent(Dim(d));
  std::array<int64_t, kMaxLevels> fan{};
  for (int l = 0; l < levels; ++l) {
    MappingLevel &level = m.level(l);
    level.parallelDim = Dim(uniform(rng, 0, kNumDims - 1));
    for (int i = kNumDims - 1; i > 0; --i)
      std::swap(level.order[i], level.order[uniform(rng, 0, i)]);
    for (int d = 0; d < kNumDims; ++d)
      level.tiles[d] = d >= 4 ? parent[d] : divisor(parent[d]);
    int p = static_cast<int>(level.parallelDim);
    if (layer.layerClass == LayerClass::DepthwiseConv && p == 0)
      p = 1;
    // The fan-out divides the number of spatial tiles.
    fan[l] = divisor(parent[p] / level.tiles[p]);
    if (l > 0)
      level.clusterSize = fan[l];
    for (int d = 0; d < kNumDims; ++d)
      parent[d] = level.tiles[d];
  }
  int64_t inner = 1;
  for (int l = 1; l < levels; ++l)
    inner *= fan[l];
  hw.numPEs = fan[0] * inner + uniform(rng, 0, inner - 1);
  return m;
}

void expectSameFigures(const CostReport &a, const CostReport &b) {
  ASSERT_EQ(a.valid, b.valid);
  EXPECT_EQ(a.reason, b.reason);
  EXPECT_EQ(a.cycles, b.cycles);
  EXPECT_EQ(a.macs, b.macs);
  EXPECT_EQ(a.l1Elements, b.l1Elements);
  EXPECT_EQ(a.l2Elements, b.l2Elements);
  const AccessCounts &x = a.accesses, &y = b.accesses;
  EXPECT_EQ(x.inputL1Read, y.inputL1Read);
  EXPECT_EQ(x.inputL1Write, y.inputL1Write);
  EXPECT_EQ(x.inputL2Read, y.inputL2Read);
  EXPECT_EQ(x.inputL2Write, y.inputL2Write);
  EXPECT_EQ(x.filterL1Read, y.filterL1Read);
  EXPECT_EQ(x.filterL1Write, y.filterL1Write);
  EXPECT_EQ(x.filterL2Read, y.filterL2Read);
  EXPECT_EQ(x.filterL2Write, y.filterL2Write);
  EXPECT_EQ(x.outputL1Read, y.outputL1Read);
  EXPECT_EQ(x.outputL1Write, y.outputL1Write);
  EXPECT_EQ(x.outputL2Read, y.outputL2Read);
  EXPECT_EQ(x.outputL2Write, y.outputL2Write);
  EXPECT_NEAR(a.avgUsedPEs, b.avgUsedPEs, 1e-9 * b.avgUsedPEs);
  EXPECT_DOUBLE_EQ(a.areaMaestroUm2, b.areaMaestroUm2);
}

} // namespace

// On regular mappings the sound semantics give MAESTRO's figures; the
// energy differs only by the L1, MAC and output-read terms sound adds.
TEST(CostModel, SoundEqualsMaestroOnRegularMappings) {
  std::vector<Layer> layers = allModelLayers();
  std::mt19937_64 rng(21);
  Evaluator evaluator;
  EnergyConstants e;
  int regular = 0;
  for (int i = 0; i < 20000; ++i) {
    const Layer &layer = layers[i % layers.size()];
    Hardware hw;
    Mapping mapping = randomRegularMapping(
        rng, layer, static_cast<int>(uniform(rng, 1, 3)), hw);
    ASSERT_TRUE(isRegularMapping(layer, hw, mapping));
    CostReport maestro =
        evaluator.evaluate(layer, hw, mapping, Semantics::Maestro);
    const CostReport &sound = evaluator.evaluate(layer, hw, mapping);
    ASSERT_TRUE(sound.valid) << describe(sound.reason);
    expectSameFigures(sound, maestro);
    EXPECT_EQ(sound.macs, trueMacs(layer));
    const AccessCounts &a = sound.accesses;
    double extra = double(sound.macs) * e.macNJ +
                   double(a.inputL1Read + a.inputL1Write + a.filterL1Read +
                          a.filterL1Write + a.outputL1Read + a.outputL1Write) *
                       e.l1AccessNJ +
                   double(a.outputL2Read) * e.l2AccessNJ;
    EXPECT_NEAR(sound.energyNJ, maestro.energyNJ + extra,
                1e-9 * sound.energyNJ);
    ++regular;
    if (::testing::Test::HasFailure())
      FAIL() << "mapping #" << i;
  }
  EXPECT_EQ(regular, 20000);
}

// The closed forms give the same figures as enumerating every case, for
// both semantics, including bandwidth-bound and SIMD designs.
TEST(CostModel, ClosedFormsEqualEnumeration) {
  std::vector<Layer> layers = allModelLayers();
  std::mt19937_64 rng(33);
  Evaluator fast;
  ModelOptions options;
  options.enumerateCases = true;
  Evaluator slow(options);
  for (int i = 0; i < 3000; ++i) {
    const Layer &layer = layers[i % layers.size()];
    Hardware hw;
    hw.numPEs = uniform(rng, 1, 512);
    if (i % 3 == 0) {
      hw.nocBandwidth = uniform(rng, 1, 64);
      hw.offchipBandwidth = uniform(rng, 1, 4096);
    }
    if (i % 7 == 0)
      hw.simdLanes = uniform(rng, 1, 4);
    Mapping mapping = randomMapping(
        rng, layer, static_cast<int>(uniform(rng, 1, 3)), hw.numPEs);
    for (Semantics semantics : {Semantics::Sound, Semantics::Maestro}) {
      CostReport a = fast.evaluate(layer, hw, mapping, semantics);
      const CostReport &b = slow.evaluate(layer, hw, mapping, semantics);
      expectSameFigures(a, b);
      if (a.valid)
        EXPECT_DOUBLE_EQ(a.energyNJ, b.energyNJ);
      if (::testing::Test::HasFailure())
        FAIL() << "mapping #" << i;
    }
  }
}
