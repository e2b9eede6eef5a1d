//===- BoundTest.cpp - Tests of the cycle bound ---------------------------===//

#include "digamma/CostModel/Bound.h"
#include "digamma/CostModel/CostModel.h"

#include "TestLayers.h"

#include "gtest/gtest.h"

using namespace digamma;
using namespace digamma::cost;
using digamma::testing::allModelLayers;
using digamma::testing::convLayer;
using digamma::testing::randomLayer;
using digamma::testing::randomMapping;
using digamma::testing::touchedInputLines;
using digamma::testing::uniform;

namespace {

Layer gemm(int64_t m, int64_t n, int64_t k) {
  Layer layer;
  layer.layerClass = LayerClass::Gemm;
  layer.k = n;
  layer.c = k;
  layer.y = m;
  return layer;
}

/// The design a bound's spread describes: level l spreads the l-th spread
/// dimension over its units; every other tile is whole, so that each level
/// runs one iteration and a PE does its whole share at once (SIMD lanes
/// busy). \p hw gets the PE count.
Mapping mappingOfSpread(const Layer &layer, const CycleBound &bound, int levels,
                        Hardware &hw) {
  std::vector<Dim> spread;
  for (Dim d : kAllDims)
    if (bound.spread[static_cast<int>(d)] > 1)
      spread.push_back(d);
  EXPECT_LE(int(spread.size()), levels);
  Mapping m;
  m.numLevels = levels;
  std::array<int64_t, kNumDims> parent;
  for (Dim d : kAllDims)
    parent[static_cast<int>(d)] = layer.mappedExtent(d);
  hw.numPEs = 1;
  for (int l = 0; l < levels; ++l) {
    MappingLevel &level = m.level(l);
    bool spreads = l < int(spread.size());
    level.parallelDim = spreads ? spread[l]
                        : layer.layerClass == LayerClass::DepthwiseConv
                            ? Dim::C
                            : Dim::K;
    int64_t units = spreads ? bound.spread[static_cast<int>(spread[l])] : 1;
    for (int d = 0; d < kNumDims; ++d) {
      if (spreads && d == static_cast<int>(spread[l]))
        parent[d] = (parent[d] + units - 1) / units;
      level.tiles[d] = parent[d];
    }
    if (l > 0)
      level.clusterSize = units;
    hw.numPEs *= units;
  }
  return m;
}

} // namespace

// The budget's PEs: each costs its MAC (282 um^2) and six elements of L1
// (8 bits x 0.086 um^2 each), and six elements of L2 come off the top.
TEST(CycleBound, MostPEsWithinArea) {
  EXPECT_EQ(mostPEsWithinArea(7.0e6, Layer{}, 1), 24464); // (7e6 - 4.128) / 286.128
  EXPECT_EQ(mostPEsWithinArea(0.2e6, Layer{}, 1), 698);
  EXPECT_EQ(mostPEsWithinArea(0.2e6, Layer{}, 4), 669); // (2e5 - 16.512) / 298.512
  EXPECT_LE(mostPEsWithinArea(0.2e6, Layer{}, 1), pesWithinArea(0.2e6));
  EXPECT_EQ(mostPEsWithinArea(100, Layer{}, 1), 1);
  EXPECT_EQ(mostPEsWithinArea(-1, Layer{}, 1), 1);
}

// The issue's example: a 64x64-channel 3x3 layer on 56x56 outputs at the
// cloud budget, 24464 PEs. Two levels spread at most K and C, 64 x 64 PEs,
// each doing 56 * 56 * 9 MACs; three levels also split C 13 ways and Y 28
// ways (64 * 13 * 28 = 23296 PEs), each doing ceil(64 / 13) * ceil(56 / 28)
// * 56 * 9 = 5040 MACs (64 x 64 x 6 would need 24576 PEs), above the MACs
// over every PE, ceil(115605504 / 24464) = 4726.
TEST(CycleBound, HandWorkedConvAtCloud) {
  Layer layer = convLayer(64, 64, 58, 58, 3, 3);
  int64_t pes = mostPEsWithinArea(7.0e6, Layer{}, 1);
  CycleBound two = cycleBound(layer, pes, 2);
  ASSERT_TRUE(two.valid);
  EXPECT_EQ(two.peCycles, 4726);
  EXPECT_EQ(two.parallelismCycles, 56 * 56 * 9);
  EXPECT_EQ(two.cycles, 56 * 56 * 9);
  EXPECT_EQ(two.limitedBy, BoundLimit::Parallelism);
  EXPECT_EQ(two.spread, (std::array<int64_t, kNumDims>{64, 64, 1, 1, 1, 1}));
  CycleBound three = cycleBound(layer, pes, 3);
  EXPECT_EQ(three.peCycles, 4726);
  EXPECT_EQ(three.cycles, 5040);
  EXPECT_TRUE(three.exact);
  // At the edge budget, 698 PEs: 115605504 / 698 = 165623.9 MACs each at
  // best. Two levels: the K x C pairs (4096) over 698 PEs leave some PE 7
  // (6 would need 64 x 11 = 704 PEs); the Y' x X' pairs (3136) leave it 5,
  // with 56 x 12 = 672 PEs: 64 * 64 * 5 * 9; the other pairs do worse.
  CycleBound edge = cycleBound(layer, mostPEsWithinArea(0.2e6, Layer{}, 1), 2);
  EXPECT_EQ(edge.peCycles, 165624);
  EXPECT_EQ(edge.cycles, 64 * 64 * 5 * 9);
  EXPECT_EQ(edge.spread, (std::array<int64_t, kNumDims>{1, 1, 56, 12, 1, 1}));
}

// A GEMM small enough to check every term by hand, with SIMD and batch.
TEST(CycleBound, HandWorkedGemm) {
  Layer layer = gemm(/*m=*/4, /*n=*/4, /*k=*/4); // K = C = Y = 4
  // One level, 4 PEs: spread K, 16 MACs per PE (the CostModel test's
  // hand-computed design takes 17 cycles: 16 plus one fill).
  CycleBound one = cycleBound(layer, 4, 1);
  EXPECT_EQ(one.cycles, 16);
  EXPECT_EQ(one.limitedBy, BoundLimit::PEs);
  // 5 PEs: the MACs alone would allow ceil(64 / 5) = 13, but one level
  // spreads one dimension of 4.
  CycleBound five = cycleBound(layer, 5, 1);
  EXPECT_EQ(five.peCycles, 13);
  EXPECT_EQ(five.cycles, 16);
  EXPECT_EQ(five.limitedBy, BoundLimit::Parallelism);
  // Two levels over 16 PEs: 4 MACs each; SIMD 4 makes it one cycle, SIMD 3
  // two (a PE's 4 MACs need two 3-lane steps).
  EXPECT_EQ(cycleBound(layer, 16, 2).cycles, 4);
  EXPECT_EQ(cycleBound(layer, 16, 2, 4).cycles, 1);
  EXPECT_EQ(cycleBound(layer, 16, 2, 3).cycles, 2);
  // Batch is an outer loop: N times the bound.
  layer.n = 3;
  EXPECT_EQ(cycleBound(layer, 16, 2).cycles, 12);
  EXPECT_EQ(cycleBound(layer, 16, 2).peCycles, 12);
}

// Depthwise layers have no K loop: K is never spread, and strides count
// output rows.
TEST(CycleBound, DepthwiseAndStride) {
  Layer layer = convLayer(1, 32, 9, 9, 3, 3);
  layer.layerClass = LayerClass::DepthwiseConv;
  layer.strideY = layer.strideX = 2; // 4 x 4 outputs
  CycleBound bound = cycleBound(layer, 1 << 20, 3);
  // C, Y' and X' fully spread: 9 taps per PE.
  EXPECT_EQ(bound.cycles, 9);
  EXPECT_EQ(bound.spread, (std::array<int64_t, kNumDims>{1, 32, 4, 4, 1, 1}));
  layer.k = 5; // not a depthwise layer the search accepts; still no K loop
  EXPECT_EQ(cycleBound(layer, 1 << 20, 3).cycles, 9);
}

// The off-chip term on Timeloop's hand case (K = C = 4, 4 x 4 outputs, 3 x 3
// filter, 1-byte words): 144 input, 144 weight and 64 output bytes at
// least. At 1 byte per cycle that is 352 cycles, above the 2304 MACs over
// 16 PEs (144); the design that holds everything in one L2 tile takes 784
// (OffchipTest). Unbounded bandwidth: no term, the bytes still counted.
TEST(CycleBound, CompulsoryOffchipBytes) {
  Layer layer = convLayer(4, 4, 6, 6, 3, 3);
  EXPECT_EQ(compulsoryOffchipBytes(layer, 1), 144 + 144 + 64);
  CycleBound slow = cycleBound(layer, 16, 2, 1, OffchipLink{1, 1});
  EXPECT_EQ(slow.offchipBytes, 352);
  EXPECT_EQ(slow.offchipBytesPerCycle, 1);
  EXPECT_EQ(slow.offchipCycles, 352);
  EXPECT_EQ(slow.cycles, 352);
  EXPECT_EQ(slow.limitedBy, BoundLimit::Offchip);
  EXPECT_EQ(cycleBound(layer, 16, 2, 1, OffchipLink{3, 1}).offchipCycles,
            118); // ceil(352 / 3)
  CycleBound free = cycleBound(layer, 16, 2);
  EXPECT_EQ(free.offchipCycles, 0);
  EXPECT_EQ(free.offchipBytes, 352);
  EXPECT_EQ(free.cycles, 2304 / 16);
  EXPECT_NE(free.limitedBy, BoundLimit::Offchip);

  // Each tensor in its own size (i8 x i8 -> i32), the others in the
  // hardware's: 144 + 144 + 4 * 64; 2 * 144 + 2 * 144 + 4 * 64.
  layer.inputBytes = layer.weightBytes = 1;
  layer.outputBytes = 4;
  EXPECT_EQ(compulsoryOffchipBytes(layer, 2), 144 + 144 + 256);
  layer.inputBytes = layer.weightBytes = 0;
  EXPECT_EQ(compulsoryOffchipBytes(layer, 2), 288 + 288 + 256);
  Hardware hw;
  hw.bytesPerElement = 2;
  hw.offchipBandwidth = 8; // elements: 16 bytes per cycle
  EXPECT_EQ(offchipLinkOf(hw).bytesPerCycle, 16);
  EXPECT_EQ(offchipLinkOf(hw).bytesPerElement, 2);
  hw.offchipBandwidth = kUnboundedBandwidth;
  EXPECT_EQ(offchipLinkOf(hw).bytesPerCycle, 0);

  // Only the input rows some MAC reads: stride 2 over a 1 x 1 filter reads
  // rows 0, 2, 4, 6 of 7 (and 8 of 9 columns: 0, 2, ..., 8 is 5);
  // dilation 5 over 2 taps and 2 outputs reads rows 0, 1, 5, 6.
  Layer strided = convLayer(1, 2, 7, 9, 1, 1);
  strided.strideY = strided.strideX = 2;
  EXPECT_EQ(compulsoryOffchipBytes(strided, 1),
            2 * 4 * 5 + 2 + 1 * 4 * 5);
  Layer dilated = convLayer(1, 1, 7, 1, 2, 1);
  dilated.dilationY = 5;
  ASSERT_EQ(dilated.outY(), 2);
  EXPECT_EQ(compulsoryOffchipBytes(dilated, 1), 4 + 2 + 2);
  // Groups have their own weights; a batch shares them.
  Layer grouped = convLayer(4, 4, 6, 6, 3, 3);
  grouped.n = 6;
  grouped.groups = 2;
  EXPECT_EQ(compulsoryOffchipBytes(grouped, 1), 6 * 144 + 2 * 144 + 6 * 64);
}

// The smallest buffers a design pays for follow each tensor's size.
TEST(CycleBound, SmallestBuffersPerTensor) {
  Layer layer = convLayer(4, 4, 6, 6, 3, 3);
  EXPECT_EQ(smallestBufferBytes(layer, 1), kSmallestBufferElements);
  EXPECT_EQ(smallestBufferBytes(layer, 4), 4 * kSmallestBufferElements);
  layer.inputBytes = layer.weightBytes = 1;
  layer.outputBytes = 4;
  EXPECT_EQ(smallestBufferBytes(layer, 2), 2 * (1 + 1 + 4));
  // 12 bytes of L1 per PE and of L2: (2e5 - 12 * 0.688) / (282 + 12 *
  // 0.688) = 689.0.
  EXPECT_EQ(mostPEsWithinArea(0.2e6, layer, 2), 689);
}

TEST(CycleBound, NoDesignNoBound) {
  Layer bad = convLayer(4, 4, 2, 2, 3, 3); // filter larger than input
  EXPECT_FALSE(cycleBound(bad, 16, 2).valid);
  EXPECT_EQ(cycleBound(bad, 16, 2).cycles, 0);
  Layer huge = gemm(int64_t(1) << 30, int64_t(1) << 30, int64_t(1) << 10);
  EXPECT_FALSE(cycleBound(huge, 16, 2).valid); // MACs overflow
}

// More PEs or more levels never raise the bound; neither do the bound's
// inputs going out of range (clamped to one PE, one lane, 1-6 levels).
TEST(CycleBound, Monotone) {
  std::mt19937_64 rng(5);
  for (const Layer &layer : allModelLayers()) {
    int64_t pes = uniform(rng, 1, 30000);
    CycleBound base = cycleBound(layer, pes, 2);
    EXPECT_LE(cycleBound(layer, pes * 2, 2).cycles, base.cycles);
    EXPECT_LE(cycleBound(layer, pes, 3).cycles, base.cycles);
    EXPECT_GE(base.parallelismCycles, base.peCycles);
  }
  Layer layer = convLayer(8, 8, 10, 10, 3, 3);
  EXPECT_EQ(cycleBound(layer, 0, 0, 0).cycles, cycleBound(layer, 1, 1).cycles);
  EXPECT_EQ(cycleBound(layer, 1 << 20, 99).cycles,
            cycleBound(layer, 1 << 20, kNumDims).cycles);
}

// The bound never exceeds the cycles of a valid design with at most its
// PEs, lanes and levels: random designs of every layer class (1 to 3
// levels, tiles dividing or not, partial R and S, finite bandwidths, SIMD,
// strides and batches from the models), and the designs the bounds' own
// spreads describe, which reach them within the pipeline fills.
class BoundInvariants : public ::testing::TestWithParam<LayerClass> {};

TEST_P(BoundInvariants, NeverAboveAValidDesign) {
  std::vector<Layer> layers;
  for (Layer layer : allModelLayers())
    if (layer.layerClass == GetParam()) {
      layers.push_back(layer);
      layer.n = 2; // and a batch
      layers.push_back(layer);
    }
  ASSERT_FALSE(layers.empty());
  std::mt19937_64 rng(77 + static_cast<int>(GetParam()));
  Evaluator evaluator;
  for (int i = 0; i < 20000; ++i) {
    const Layer &layer = layers[i % layers.size()];
    Hardware hw;
    hw.numPEs = uniform(rng, 1, 4096);
    hw.simdLanes = i % 5 == 0 ? uniform(rng, 2, 4) : 1;
    if (i % 3 == 0) {
      hw.nocBandwidth = int64_t(1) << uniform(rng, 0, 30);
      hw.offchipBandwidth = int64_t(1) << uniform(rng, 0, 30);
    }
    int levels = static_cast<int>(uniform(rng, 1, 3));
    Mapping mapping = randomMapping(rng, layer, levels, hw.numPEs);
    const CostReport &report = evaluator.evaluate(layer, hw, mapping);
    ASSERT_TRUE(report.valid) << describe(report.reason);
    // The buffers mostPEsWithinArea() charges every design at least.
    EXPECT_GE(report.l1Elements, kSmallestBufferElements);
    EXPECT_GE(report.l2Elements, kSmallestBufferElements);
    CycleBound bound = cycleBound(layer, hw.numPEs, levels, hw.simdLanes,
                                  offchipLinkOf(hw));
    ASSERT_TRUE(bound.valid);
    EXPECT_GE(report.cycles, bound.cycles) << "random design #" << i;

    // The bound's own design, at a random budget.
    int64_t pes = uniform(rng, 1, 30000);
    bound = cycleBound(layer, pes, levels, hw.simdLanes);
    Hardware ideal;
    ideal.simdLanes = hw.simdLanes;
    Mapping spread = mappingOfSpread(layer, bound, levels, ideal);
    EXPECT_LE(ideal.numPEs, pes);
    const CostReport &best = evaluator.evaluate(layer, ideal, spread);
    ASSERT_TRUE(best.valid) << describe(best.reason);
    EXPECT_GE(best.cycles, bound.cycles) << "spread design #" << i;
    // One fill per level and batch element.
    EXPECT_LE(best.cycles, bound.cycles + layer.n * levels)
        << "spread design #" << i;
    if (::testing::Test::HasFailure())
      FAIL() << "layer K" << layer.k << " C" << layer.c << " Y" << layer.y
             << " X" << layer.x << " R" << layer.r << " S" << layer.s << " N"
             << layer.n << ", " << levels << " levels";
  }
}

// What the models lack, at finite off-chip bandwidth: strides, dilations,
// groups, batches and per-tensor element sizes. The compulsory bytes are
// at most the design's off-chip bytes and count exactly the input lines
// some MAC reads; the smallest buffers at most its L1 and L2 bytes; the
// bound at most its cycles, whichever term sets it.
TEST_P(BoundInvariants, NeverAboveAValidDesignAtFiniteBandwidth) {
  std::mt19937_64 rng(91 + static_cast<int>(GetParam()));
  ModelOptions options;
  options.reportFigures = true;
  Evaluator evaluator(options);
  int offchipLimited = 0;
  for (int i = 0; i < 6000; ++i) {
    Layer layer = randomLayer(rng, GetParam());
    Hardware hw;
    hw.numPEs = uniform(rng, 1, 256);
    hw.bytesPerElement = uniform(rng, 1, 4);
    hw.simdLanes = i % 5 == 0 ? uniform(rng, 2, 4) : 1;
    hw.offchipBandwidth = uniform(rng, 1, 64);
    if (i % 2 == 0)
      hw.nocBandwidth = uniform(rng, 1, 256);
    int levels = static_cast<int>(uniform(rng, 1, 3));
    Mapping mapping = randomMapping(rng, layer, levels, hw.numPEs);
    const CostReport &report = evaluator.evaluate(layer, hw, mapping);
    ASSERT_TRUE(report.valid) << describe(report.reason);
    CycleBound bound = cycleBound(layer, hw.numPEs, levels, hw.simdLanes,
                                  offchipLinkOf(hw));
    ASSERT_TRUE(bound.valid);
    EXPECT_GE(report.offchipBytes, bound.offchipBytes) << "design #" << i;
    EXPECT_GE(report.cycles, bound.cycles) << "design #" << i;
    EXPECT_GE(report.l1Bytes, smallestBufferBytes(layer, hw.bytesPerElement));
    EXPECT_GE(report.l2Bytes, smallestBufferBytes(layer, hw.bytesPerElement));
    offchipLimited += bound.limitedBy == BoundLimit::Offchip;

    const bool depthwise = layer.layerClass == LayerClass::DepthwiseConv;
    const int64_t b = hw.bytesPerElement;
    int64_t lines =
        touchedInputLines(layer.y, layer.outY(), layer.r, layer.strideY,
                          layer.dilationY) *
        touchedInputLines(layer.x, layer.outX(), layer.s, layer.strideX,
                          layer.dilationX);
    EXPECT_EQ(bound.offchipBytes,
              layer.n * layer.c * lines *
                      layer.operandBytes(Operand::Input, b) +
                  layer.groups * (depthwise ? 1 : layer.k) * layer.c *
                      layer.r * layer.s *
                      layer.operandBytes(Operand::Weight, b) +
                  layer.n * (depthwise ? layer.c : layer.k) * layer.outY() *
                      layer.outX() * layer.operandBytes(Operand::Output, b));
    if (::testing::Test::HasFailure())
      FAIL() << "layer K" << layer.k << " C" << layer.c << " Y" << layer.y
             << " X" << layer.x << " R" << layer.r << " S" << layer.s << " N"
             << layer.n << " G" << layer.groups << ", " << levels
             << " levels";
  }
  // The off-chip term does set some of the bounds.
  EXPECT_GT(offchipLimited, 100);
}

INSTANTIATE_TEST_SUITE_P(AllClasses, BoundInvariants,
                         ::testing::Values(LayerClass::Conv,
                                           LayerClass::DepthwiseConv,
                                           LayerClass::Gemm));

// When the enumeration gives up (extents far beyond any DNN's; here forced
// by a tiny step limit) the bound falls back to the weaker form: the MACs
// over the PEs, or the product of all but the `levels` largest extents.
TEST(CycleBound, FallbackIsStillABound) {
  Layer layer =
      convLayer(64, 64, 58, 58, 3, 3); // K C Y' X' R S: 64 64 56 56 3 3
  CycleBound exact = cycleBound(layer, 24822, 3);
  ASSERT_TRUE(exact.exact);
  CycleBound weak = detail::cycleBoundWithin(layer, 24822, 3, 1, 10);
  ASSERT_TRUE(weak.valid);
  EXPECT_FALSE(weak.exact);
  EXPECT_EQ(weak.spread, (std::array<int64_t, kNumDims>{1, 1, 1, 1, 1, 1}));
  EXPECT_EQ(weak.peCycles, exact.peCycles);
  // max(4658, 56 * 3 * 3): the MACs over the PEs.
  EXPECT_EQ(weak.cycles, 4658);
  EXPECT_EQ(weak.peCycles, 4658);
  EXPECT_LE(weak.cycles, exact.cycles);
  // With one level the unspread product wins: 64 * 56 * 56 * 9 (K spread).
  weak = detail::cycleBoundWithin(layer, 24822, 1, 1, 10);
  EXPECT_EQ(weak.cycles, 64 * 56 * 56 * 9);
  EXPECT_EQ(weak.cycles, cycleBound(layer, 24822, 1).cycles);
}
