//===- FuzzRegressionTest.cpp - Cost-model inputs found by fuzzing --------===//
//
// One test per finding of digamma-cost-model-fuzzer (fuzz/CostModelFuzzer.cpp):
// extreme or malformed inputs that used to hit undefined behaviour (signed
// overflow, out-of-range shifts and reads, division by zero, float-to-int
// overflow). The sanitizer build (`scripts/setup.sh sanitize`) turns any
// regression into a failure; the assertions pin the answers.
//
//===----------------------------------------------------------------------===//

#include "digamma/CostModel/CostModel.h"

#include "gtest/gtest.h"

#include <cmath>
#include <limits>

using namespace digamma::cost;

static constexpr int64_t kMax = std::numeric_limits<int64_t>::max();

/// K=16, C=8, 10x10 input, 3x3 filter.
static Layer smallConv() {
  Layer layer;
  layer.k = 16;
  layer.c = 8;
  layer.y = layer.x = 10;
  layer.r = layer.s = 3;
  return layer;
}

/// One level that keeps every dimension whole.
static Mapping wholeLayer(const Layer &layer, int levels = 1) {
  Mapping mapping;
  mapping.numLevels = levels;
  for (int l = 0; l < levels; ++l)
    for (Dim d : kAllDims)
      mapping.level(l).tile(d) = layer.mappedExtent(d);
  return mapping;
}

static int64_t layerMacs(const Layer &layer) {
  int64_t macs = layer.n;
  for (Dim d : kAllDims)
    macs *= layer.mappedExtent(d);
  return macs;
}

// isRegularMapping multiplied cluster sizes without overflow checks,
// indexed its extents with an unchecked parallel dimension, and divided by
// the strides of malformed layers.
TEST(FuzzRegression, IsRegularMappingRejectsMalformedInput) {
  Layer layer = smallConv();
  Hardware hw;
  Mapping mapping = wholeLayer(layer, 3);
  ASSERT_TRUE(isRegularMapping(layer, hw, mapping));

  Mapping overflowing = mapping;
  overflowing.level(1).clusterSize = int64_t(1) << 62;
  overflowing.level(2).clusterSize = 4;
  EXPECT_FALSE(isRegularMapping(layer, hw, overflowing));

  Mapping badParallel = mapping;
  badParallel.level(0).parallelDim = static_cast<Dim>(200);
  EXPECT_FALSE(isRegularMapping(layer, hw, badParallel));

  Layer zeroStride = layer;
  zeroStride.strideY = 0;
  EXPECT_FALSE(isRegularMapping(zeroStride, hw, mapping));
  Layer negative = layer;
  negative.x = std::numeric_limits<int64_t>::min();
  EXPECT_FALSE(isRegularMapping(negative, hw, mapping));
}

// A loop order naming a dimension >= 32 shifted 1 by it.
TEST(FuzzRegression, OutOfRangeDimensionIsABadMapping) {
  Layer layer = smallConv();
  Mapping mapping = wholeLayer(layer);
  mapping.level(0).order[3] = static_cast<Dim>(226);
  Evaluator evaluator;
  for (Semantics semantics : {Semantics::Sound, Semantics::Maestro})
    EXPECT_EQ(evaluator.evaluate(layer, Hardware(), mapping, semantics).reason,
              InvalidReason::BadMapping);
}

// maestro accepts tiles above the dimension (as MAESTRO does); a tile near
// 2^61 on 716 PEs overflowed its static tables. MAESTRO reads sizes as
// 32-bit ints, so larger ones are not MAESTRO input.
TEST(FuzzRegression, MaestroRejectsSizesAbove32Bits) {
  Layer layer = smallConv();
  Hardware hw;
  hw.numPEs = 716;
  Mapping mapping = wholeLayer(layer);
  mapping.level(0).parallelDim = Dim::C;
  Evaluator evaluator;
  ASSERT_TRUE(evaluator.evaluate(layer, hw, mapping, Semantics::Maestro).valid);

  Mapping hugeTile = mapping;
  hugeTile.level(0).tile(Dim::C) = 2329113559473091412;
  EXPECT_EQ(evaluator.evaluate(layer, hw, hugeTile, Semantics::Maestro).reason,
            InvalidReason::MaestroUnsupportedLayer);
  Hardware manyPEs = hw;
  manyPEs.numPEs = int64_t(1) << 31;
  EXPECT_EQ(
      evaluator.evaluate(layer, manyPEs, mapping, Semantics::Maestro).reason,
      InvalidReason::MaestroUnsupportedLayer);
  // The sound semantics take any int64 PE count.
  EXPECT_TRUE(evaluator.evaluate(layer, manyPEs, mapping).valid);
}

// With close to 2^63 PEs the closed forms' traffic bounds (2 * fan + 1
// copies, fan + edge + 1) overflowed. An overflowing bound now sends the
// evaluation to the case-by-case path, which gives the exact answer.
TEST(FuzzRegression, HugePECountTakesTheCaseByCasePath) {
  Layer layer = smallConv();
  ModelOptions enumerate;
  enumerate.enumerateCases = true;
  Evaluator fast, slow(enumerate);
  for (int levels : {1, 2}) {
    Hardware hw;
    hw.numPEs = kMax - 1;
    Mapping mapping = wholeLayer(layer, levels);
    mapping.level(levels - 1).parallelDim = Dim::K;
    mapping.level(levels - 1).tile(Dim::K) = 1;
    const CostReport &report = fast.evaluate(layer, hw, mapping);
    ASSERT_TRUE(report.valid) << describe(report.reason);
    EXPECT_EQ(report.macs, layerMacs(layer));
    EXPECT_GE(report.cycles, 1);
    const CostReport &reference = slow.evaluate(layer, hw, mapping);
    ASSERT_TRUE(reference.valid);
    EXPECT_EQ(fast.evaluate(layer, hw, mapping).cycles, reference.cycles);
  }
  // The same through the innermost level's closed form: a cluster of
  // almost 2^63 PEs.
  Hardware hw;
  hw.numPEs = kMax - 1;
  Mapping mapping = wholeLayer(layer, 2);
  mapping.level(1).clusterSize = kMax - 1;
  mapping.level(1).tile(Dim::K) = 1;
  mapping.level(1).parallelDim = Dim::K;
  const CostReport &report = fast.evaluate(layer, hw, mapping);
  ASSERT_TRUE(report.valid) << describe(report.reason);
  EXPECT_EQ(report.macs, layerMacs(layer));
  EXPECT_EQ(fast.evaluate(layer, hw, mapping).cycles,
            slow.evaluate(layer, hw, mapping).cycles);
}

// An input extent near 2^63: the input window tile + R - 1 overflowed
// before the - 1, and tile * stride overflowed where the window fits.
TEST(FuzzRegression, ExtentsNearInt64Max) {
  Evaluator evaluator;
  Layer tall;
  tall.y = kMax;
  Mapping mapping = wholeLayer(tall);
  const CostReport &report = evaluator.evaluate(tall, Hardware(), mapping);
  EXPECT_EQ(report.reason, InvalidReason::Overflow);

  Layer strided;
  strided.layerClass = LayerClass::DepthwiseConv;
  strided.c = 512;
  strided.y = 2;
  strided.r = 2;
  strided.x = 9223370940648259791;
  strided.strideX = 9223370940648259758; // Two output columns.
  ASSERT_EQ(strided.outX(), 2);
  Hardware hw;
  hw.numPEs = 250;
  hw.offchipBandwidth = 1580;
  const CostReport &wide =
      evaluator.evaluate(strided, hw, wholeLayer(strided));
  EXPECT_FALSE(wide.valid);
  EXPECT_EQ(wide.reason, InvalidReason::Overflow);
}

// A valid design whose L2 writes each fit int64 but not their sum: the
// off-chip bandwidth requirement summed them in int64.
TEST(FuzzRegression, OffchipRequirementOfHugeValidDesign) {
  Layer layer;
  layer.layerClass = LayerClass::DepthwiseConv;
  layer.c = 3955261407770578175;
  Mapping mapping = wholeLayer(layer);
  mapping.level(0).parallelDim = Dim::C;
  mapping.level(0).tile(Dim::C) = 170221028023880700;
  Evaluator evaluator;
  const CostReport &report = evaluator.evaluate(layer, Hardware(), mapping);
  ASSERT_TRUE(report.valid) << describe(report.reason);
  EXPECT_EQ(report.macs, layer.c);
  double writes = double(report.accesses.inputL2Write) +
                  double(report.accesses.filterL2Write) +
                  double(report.accesses.outputL2Write);
  EXPECT_GT(writes, double(kMax));
  EXPECT_DOUBLE_EQ(report.offchipBandwidthReq, writes / double(report.cycles));
}

// NoC delays hop + sends - 1 overflowed for a hop latency near 2^63; the
// design now overflows cleanly.
TEST(FuzzRegression, HugeHopLatencyOverflowsCleanly) {
  Layer layer = smallConv();
  Hardware hw;
  hw.numPEs = 4;
  hw.nocHops = 1;
  hw.nocHopLatency = kMax - 2;
  hw.nocBandwidth = 1;
  Evaluator evaluator;
  EXPECT_EQ(evaluator.evaluate(layer, hw, wholeLayer(layer)).reason,
            InvalidReason::Overflow);
}

// The per-PE compute delay was ceil(double(work) / lanes) converted back to
// int64, out of range when the work is near 2^63.
TEST(FuzzRegression, ComputeDelayNearInt64Max) {
  Layer layer;
  layer.layerClass = LayerClass::Gemm;
  layer.k = kMax;
  ModelOptions enumerate;
  enumerate.enumerateCases = true;
  Evaluator evaluator(enumerate);
  Hardware hw;
  hw.simdLanes = 3;
  const CostReport &report = evaluator.evaluate(layer, hw, wholeLayer(layer));
  EXPECT_EQ(report.reason, InvalidReason::Overflow);
  hw.simdLanes = 1;
  EXPECT_EQ(evaluator.evaluate(layer, hw, wholeLayer(layer)).reason,
            InvalidReason::Overflow);
}

// A slow unit of the fuzzer (0.7 s per evaluation in Release, a minute
// under the sanitizers): a layer whose MAC count overflows int64 under a
// four-level mapping with edge tiles everywhere. The answer was and is
// Overflow; it is now given before the analysis.
TEST(FuzzRegression, OverflowingMacsFailBeforeTheAnalysis) {
  Layer layer;
  layer.n = 2;
  layer.k = 476;
  layer.c = 777180;
  layer.y = layer.x = 604008752424;
  layer.r = layer.s = 777180;
  layer.strideY = layer.strideX = 777180;
  Hardware hw;
  hw.numPEs = 777180;
  hw.nocBandwidth = hw.offchipBandwidth = 777180;
  hw.simdLanes = 777180;
  Mapping mapping;
  mapping.numLevels = 4;
  const int64_t tiles[4][6] = {{116, 419428, 409544, 464814, 777180, 357748},
                               {116, 394816, 386216, 235180, 357748, 86396},
                               {114, 63590, 4174, 15078, 41182, 33694},
                               {2, 58854, 418, 13620, 17672, 25160}};
  const int64_t clusters[4] = {1, 357748, 2, 1};
  for (int l = 0; l < 4; ++l) {
    mapping.level(l).parallelDim = l == 3 ? Dim::C : Dim::X;
    mapping.level(l).clusterSize = clusters[l];
    for (int d = 0; d < 6; ++d)
      mapping.level(l).tiles[d] = tiles[l][d];
  }
  Evaluator evaluator;
  EXPECT_EQ(evaluator.evaluate(layer, hw, mapping).reason,
            InvalidReason::Overflow);
}

// maestro semantics on a layer whose MAC count wraps (MAESTRO's own
// arithmetic) at a finite off-chip bandwidth: the off-chip traffic walk
// subtracted the halo credit from an input volume that had already
// overflowed. Every step of the walk is checked now, and the traffic is
// reported saturated.
TEST(FuzzRegression, OffchipTrafficOfWrappingMaestroLayer) {
  Layer layer;
  layer.k = 83831;
  layer.c = 503751;
  layer.y = layer.x = 509895;
  layer.r = layer.s = 254948;
  Hardware hw;
  hw.numPEs = 254948;
  hw.l1Elements = 454;
  hw.l2Elements = 3245115;
  hw.nocBandwidth = 254948;
  hw.offchipBandwidth = 3358;
  hw.nocHops = hw.nocHopLatency = 1;
  Mapping mapping;
  mapping.numLevels = 3;
  const int64_t tiles[3][6] = {{32509, 258764, 34740, 1, 69525, 14375},
                               {32509, 3411, 34740, 1, 69525, 14375},
                               {32509, 3411, 34740, 1, 69525, 14375}};
  const Dim orders[3][6] = {{Dim::S, Dim::C, Dim::Y, Dim::X, Dim::K, Dim::R},
                            {Dim::X, Dim::R, Dim::Y, Dim::C, Dim::S, Dim::K},
                            {Dim::X, Dim::Y, Dim::C, Dim::R, Dim::S, Dim::K}};
  const int64_t clusters[3] = {1, 254948, 1};
  const Dim parallel[3] = {Dim::Y, Dim::Y, Dim::K};
  for (int l = 0; l < 3; ++l) {
    mapping.level(l).parallelDim = parallel[l];
    mapping.level(l).clusterSize = clusters[l];
    for (int d = 0; d < 6; ++d) {
      mapping.level(l).tiles[d] = tiles[l][d];
      mapping.level(l).order[d] = orders[l][d];
    }
  }
  Evaluator evaluator;
  const CostReport &report =
      evaluator.evaluate(layer, hw, mapping, Semantics::Maestro);
  // MAESTRO's wrapped counts are its answer; the traffic cannot be told.
  ASSERT_TRUE(report.valid) << describe(report.reason);
  ASSERT_TRUE(report.hasReportFigures);
  EXPECT_EQ(report.offchipBytes, kMax);
  EXPECT_EQ(evaluator.evaluate(layer, hw, mapping).reason,
            InvalidReason::Overflow);
}
