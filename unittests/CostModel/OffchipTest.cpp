//===- OffchipTest.cpp - Off-chip traffic, time and energy, by hand -------===//
//
// Hand-worked loop nests for the off-chip (DRAM <-> L2) model of the sound
// semantics (README.md, "Off-chip traffic"): which order re-fetches which
// tensor, partial sums that spill, halo reuse, batch and groups, element
// sizes, the exposed fill and drain, the bound, and the cases of Timeloop's
// hand check (memory-anchors.md section 7).
//
//===----------------------------------------------------------------------===//

#include "digamma/CostModel/CostModel.h"

#include "gtest/gtest.h"

using namespace digamma::cost;

namespace {

/// A one-level mapping: the L2 tiles are level 0's.
Mapping oneLevel(Dim parallel, std::array<Dim, kNumDims> order,
                 std::array<int64_t, kNumDims> tiles) {
  Mapping mapping;
  mapping.numLevels = 1;
  mapping.level(0).parallelDim = parallel;
  mapping.level(0).order = order;
  mapping.level(0).tiles = tiles;
  return mapping;
}

Layer conv(int64_t k, int64_t c, int64_t outY, int64_t outX, int64_t r,
           int64_t s) {
  Layer layer;
  layer.k = k;
  layer.c = c;
  layer.r = r;
  layer.s = s;
  layer.y = outY + r - 1;
  layer.x = outX + s - 1;
  return layer;
}

/// The GEMM of GAMMA's convention: M x K times K x N is Y = M, C = K,
/// K = N.
Layer gemm(int64_t m, int64_t k, int64_t n) {
  Layer layer;
  layer.layerClass = LayerClass::Gemm;
  layer.y = m;
  layer.c = k;
  layer.k = n;
  return layer;
}

constexpr Dim K = Dim::K, C = Dim::C, Y = Dim::Y, X = Dim::X, R = Dim::R,
              S = Dim::S;

/// An evaluator that computes the off-chip figures at unbounded bandwidth
/// too.
Evaluator withFigures(ModelOptions options = {}) {
  options.reportFigures = true;
  return Evaluator(options);
}

} // namespace

// M = 8, K = 16, N = 8 on one PE; the reduction K (our C) is split into 4
// tiles and the output into 2 row tiles. With the reduction loop outermost
// every output tile is visited 4 times: written 4 times and read back 3
// times; weights and inputs are read once (each C tile serves both row
// tiles, which do not use other weights). With the output's loop outermost
// the output is written once, and the weights are read once per row tile.
TEST(Offchip, ReductionOutermostSpillsPartialSums) {
  Layer layer = gemm(/*m=*/8, /*k=*/16, /*n=*/8);
  Hardware hw;
  Evaluator evaluator = withFigures();
  const std::array<int64_t, kNumDims> tiles = {8, 4, 4, 1, 1, 1};
  CostReport spill = evaluator.evaluate(
      layer, hw, oneLevel(K, {C, Y, K, X, R, S}, tiles));
  ASSERT_TRUE(spill.valid) << describe(spill.reason);
  EXPECT_EQ(spill.offchip.outputWriteBytes, 4 * 64);
  EXPECT_EQ(spill.offchip.outputReadBytes, 3 * 64);
  EXPECT_EQ(spill.offchip.weightReadBytes, 128);
  EXPECT_EQ(spill.offchip.inputReadBytes, 128);
  EXPECT_EQ(spill.offchipBytes, 256 + 192 + 128 + 128);

  const CostReport &stationary = evaluator.evaluate(
      layer, hw, oneLevel(K, {Y, C, K, X, R, S}, tiles));
  ASSERT_TRUE(stationary.valid);
  EXPECT_EQ(stationary.offchip.outputWriteBytes, 64);
  EXPECT_EQ(stationary.offchip.outputReadBytes, 0);
  EXPECT_EQ(stationary.offchip.weightReadBytes, 2 * 128);
  EXPECT_EQ(stationary.offchip.inputReadBytes, 128);
}

// K = 8, C = 4, 4x4 outputs of a 3x3 filter (6x6 input). The weight loops
// (K, C) are outside the output-row loop, which gives the weights reuse:
// each weight is read once. The inputs are re-read for each of the 2 K
// tiles; within a K tile the two 4-row slabs of the 2-row tiles overlap by
// 2 rows, which stay in L2, so each pass reads the 6x6 input once. Outputs
// are written once (no reduction loop is split).
TEST(Offchip, WeightStationaryReadsEachWeightOnce) {
  Layer layer = conv(8, 4, 4, 4, 3, 3);
  Hardware hw;
  Evaluator evaluator = withFigures();
  Mapping mapping = oneLevel(K, {K, C, Y, X, R, S}, {4, 4, 2, 4, 3, 3});
  CostReport report = evaluator.evaluate(layer, hw, mapping);
  ASSERT_TRUE(report.valid) << describe(report.reason);
  EXPECT_EQ(report.offchip.weightReadBytes, 8 * 4 * 9);
  EXPECT_EQ(report.offchip.inputReadBytes, 2 * 4 * 6 * 6);
  EXPECT_EQ(report.offchip.outputWriteBytes, 8 * 16);
  EXPECT_EQ(report.offchip.outputReadBytes, 0);
  // Unbounded bandwidth: four iterations of 4*4*2*4*9 = 1152 MACs on the
  // PE, plus the first ingress's cycle; the off-chip model does not touch
  // the cycles.
  EXPECT_EQ(report.cycles, 4 * 1152 + 1);
  EXPECT_EQ(report.computeCycles, report.cycles);
  EXPECT_EQ(report.limitedBy, Resource::Compute);
  EXPECT_DOUBLE_EQ(report.operationalIntensity, double(report.macs) / 704.0);

  // One byte per cycle: the first fill (input slab 4 x 4 x 6 and weight
  // tile 4 x 4 x 9 = 240 bytes) and the last drain (output tile 4 x 2 x 4
  // = 32 bytes) are exposed; the other 432 bytes overlap with the 4609
  // on-chip cycles.
  hw.offchipBandwidth = 1;
  const CostReport &slow = evaluator.evaluate(layer, hw, mapping);
  ASSERT_TRUE(slow.valid);
  EXPECT_EQ(slow.cycles, 240 + 4609 + 32);
  EXPECT_EQ(slow.offchipCycles, 704);
  EXPECT_EQ(slow.computeCycles, 4609);
  EXPECT_EQ(slow.limitedBy, Resource::Compute);
}

// Timeloop's hand-checkable cases (memory-anchors.md section 7): K = C = 4,
// 4x4 outputs (P = Q = 4), 3x3 filter, one-byte words; compulsory traffic
// 144 weight + 144 input bytes read and 64 output bytes written.
TEST(Offchip, TimeloopHandCases) {
  Layer layer = conv(4, 4, 4, 4, 3, 3);
  Evaluator evaluator = withFigures();

  // Everything in one L2 tile: compulsory traffic only.
  Hardware one;
  CostReport whole = evaluator.evaluate(
      layer, one, oneLevel(K, {K, C, Y, X, R, S}, {4, 4, 4, 4, 3, 3}));
  ASSERT_TRUE(whole.valid);
  EXPECT_EQ(whole.offchip.inputReadBytes, 144);
  EXPECT_EQ(whole.offchip.weightReadBytes, 144);
  EXPECT_EQ(whole.offchip.outputWriteBytes, 64);
  EXPECT_EQ(whole.offchip.outputReadBytes, 0);

  // P4 then K4 at the DRAM level, the rest in L2, C spread over 4 PEs.
  // Weights: the output-row loop above the K loop re-fetches them 4 times:
  // 576, as Timeloop. Inputs: 4 slabs of 3 rows x 6 columns x 4 channels =
  // 288 bytes in Timeloop, which credits sliding-window reuse only when the
  // sliding loop is the innermost one at the level. Here the slab stays in
  // L2 while K (which the input does not use) runs, and the next slab
  // shares 2 of its 3 rows, so only 1 new row is read: 72 + 3 x 24 = 144.
  Hardware four;
  four.numPEs = 4;
  Mapping pk = oneLevel(C, {Y, K, C, X, R, S}, {1, 1, 1, 4, 3, 3});
  CostReport pThenK = evaluator.evaluate(layer, four, pk);
  ASSERT_TRUE(pThenK.valid) << describe(pThenK.reason);
  EXPECT_EQ(pThenK.offchip.weightReadBytes, 576);
  EXPECT_EQ(pThenK.offchip.inputReadBytes, 144);
  EXPECT_EQ(pThenK.offchip.outputWriteBytes, 64);
  EXPECT_EQ(pThenK.offchip.outputReadBytes, 0);
  // 16 iterations of 36 MACs per PE (Timeloop's 576 compute cycles) plus
  // the first ingress's cycle.
  EXPECT_EQ(pThenK.cycles, 577);
  // At 1 B/cycle: the fill (slab 72 + weight tile 36) and the drain (4)
  // are exposed and the other 672 bytes take longer than the 577 on-chip
  // cycles, so the design takes exactly its 784 bytes' time. Timeloop
  // gives 928 = 576 + 288 + 64 bytes (its input count above).
  four.offchipBandwidth = 1;
  const CostReport &slow = evaluator.evaluate(layer, four, pk);
  ASSERT_TRUE(slow.valid);
  EXPECT_EQ(slow.cycles, 784);
  EXPECT_EQ(slow.offchipCycles, 784);
  EXPECT_EQ(slow.limitedBy, Resource::Offchip);

  // K4 then P4: the K loop above the row loop re-reads the input 4 times,
  // each pass with the halo credit (Timeloop credits it too: the row loop
  // is innermost): 4 x 144 = 576, as Timeloop. Weights are read once.
  four.offchipBandwidth = kUnboundedBandwidth;
  const CostReport &kThenP = evaluator.evaluate(
      layer, four, oneLevel(C, {K, Y, C, X, R, S}, {1, 1, 1, 4, 3, 3}));
  ASSERT_TRUE(kThenP.valid);
  EXPECT_EQ(kThenP.offchip.inputReadBytes, 576);
  EXPECT_EQ(kThenP.offchip.weightReadBytes, 144);
}

// Stride 2, dilation 1, a 3-row filter: consecutive 2-row output tiles need
// input rows [0, 5) and [4, 9): one shared row. With stride 3 they share
// none ([0, 6) and [6, 12)); with dilation 2 (5-row window) and stride 2
// they share 3 ([0, 7) and [4, 11)).
TEST(Offchip, HaloFollowsStrideAndDilation) {
  auto inputBytes = [](int64_t stride, int64_t dilation) {
    Layer layer;
    layer.k = 1;
    layer.c = 1;
    layer.r = 3;
    layer.strideY = stride;
    layer.dilationY = dilation;
    // Four output rows, one column.
    layer.y = 3 * stride + layer.windowY();
    Hardware hw;
    Evaluator evaluator = withFigures();
    const CostReport &report = evaluator.evaluate(
        layer, hw, oneLevel(K, {K, C, Y, X, R, S}, {1, 1, 2, 1, 3, 1}));
    EXPECT_TRUE(report.valid) << describe(report.reason);
    return report.offchip.inputReadBytes;
  };
  // Two slabs of (2 - 1) * stride + window rows, minus the shared rows.
  EXPECT_EQ(inputBytes(2, 1), 5 + 5 - 1);
  EXPECT_EQ(inputBytes(3, 1), 6 + 6);
  EXPECT_EQ(inputBytes(2, 2), 7 + 7 - 3);
}

// A filter loop split at level 0 and innermost: the slabs of consecutive R
// tiles (rows r*d ... of the same output rows) overlap as well. Output rows
// 0..3 (stride 1), R = 4 in 2 tiles of 2 taps: rows [0, 5) and [2, 7),
// sharing 3. The partial sums of the R tiles stay on chip: the output
// tile's loops are all whole.
TEST(Offchip, FilterLoopSlidesTheWindow) {
  Layer layer;
  layer.r = 4;
  layer.y = 7; // 4 output rows
  Hardware hw;
  Evaluator evaluator = withFigures();
  const CostReport &report = evaluator.evaluate(
      layer, hw, oneLevel(K, {K, C, Y, X, R, S}, {1, 1, 4, 1, 2, 1}));
  ASSERT_TRUE(report.valid) << describe(report.reason);
  EXPECT_EQ(report.offchip.inputReadBytes, 5 + 5 - 3);
  EXPECT_EQ(report.offchip.outputWriteBytes, 4);
  EXPECT_EQ(report.offchip.outputReadBytes, 0);
}

// A reduction spread over the clusters of one spatial step is combined on
// chip; the same reduction done in two temporal steps spills.
TEST(Offchip, SpatialReductionIsCombinedOnChip) {
  Layer layer = gemm(/*m=*/4, /*k=*/8, /*n=*/4);
  Evaluator evaluator = withFigures();
  Hardware eight;
  eight.numPEs = 8;
  Mapping spatial = oneLevel(C, {C, Y, K, X, R, S}, {4, 1, 2, 1, 1, 1});
  const CostReport &once = evaluator.evaluate(layer, eight, spatial);
  ASSERT_TRUE(once.valid);
  EXPECT_EQ(once.offchip.outputWriteBytes, 16);
  EXPECT_EQ(once.offchip.outputReadBytes, 0);
  // Four PEs: the 8 C tiles take two steps above the row loop.
  Hardware four;
  four.numPEs = 4;
  const CostReport &twice = evaluator.evaluate(layer, four, spatial);
  ASSERT_TRUE(twice.valid);
  EXPECT_EQ(twice.offchip.outputWriteBytes, 2 * 16);
  EXPECT_EQ(twice.offchip.outputReadBytes, 16);
}

// Batch and groups are outer loops. Inputs and outputs scale with N.
// Weights that fit one L2 tile stay for the whole batch but not across
// groups (each group has its own); weights that are re-fetched within the
// layer are re-fetched for every batch element.
TEST(Offchip, BatchSharesStationaryWeightsGroupsDoNot) {
  Layer layer = conv(4, 2, 3, 3, 3, 3);
  layer.n = 4;
  const int64_t weights = 4 * 2 * 9, inputs = 2 * 5 * 5, outputs = 4 * 9;
  Hardware hw;
  Evaluator evaluator = withFigures();
  Mapping whole = oneLevel(K, {K, C, Y, X, R, S}, {4, 2, 3, 3, 3, 3});
  CostReport batch = evaluator.evaluate(layer, hw, whole);
  ASSERT_TRUE(batch.valid);
  EXPECT_EQ(batch.offchip.weightReadBytes, weights);
  EXPECT_EQ(batch.offchip.inputReadBytes, 4 * inputs);
  EXPECT_EQ(batch.offchip.outputWriteBytes, 4 * outputs);

  layer.groups = 2; // two groups of a batch of 2
  CostReport grouped = evaluator.evaluate(layer, hw, whole);
  ASSERT_TRUE(grouped.valid);
  EXPECT_EQ(grouped.offchip.weightReadBytes, 2 * weights);
  EXPECT_EQ(grouped.cycles, batch.cycles);

  // K in two tiles: the weights change within the layer.
  const CostReport &split = evaluator.evaluate(
      layer, hw, oneLevel(K, {K, C, Y, X, R, S}, {2, 2, 3, 3, 3, 3}));
  ASSERT_TRUE(split.valid);
  EXPECT_EQ(split.offchip.weightReadBytes, 4 * weights);

  Layer bad = layer;
  bad.groups = 3; // does not divide N = 4
  EXPECT_EQ(evaluator.evaluate(bad, hw, whole).reason,
            InvalidReason::BadLayer);
}

// An i8 x i8 -> i32 convolution moves and buffers 1-byte inputs and weights
// and 4-byte outputs: the same elements as a uniform 1-byte layer, with the
// output terms four times the bytes. Cycles and element counts do not
// change at unbounded bandwidth.
TEST(Offchip, ElementSizesArePerTensor) {
  Layer uniform = conv(8, 4, 4, 4, 3, 3);
  Layer quantized = uniform;
  quantized.inputBytes = 1;
  quantized.weightBytes = 1;
  quantized.outputBytes = 4;
  Hardware hw; // one byte per element
  Evaluator evaluator = withFigures();
  Mapping mapping = oneLevel(K, {C, K, Y, X, R, S}, {2, 4, 2, 4, 3, 3});
  CostReport a = evaluator.evaluate(uniform, hw, mapping);
  CostReport b = evaluator.evaluate(quantized, hw, mapping);
  ASSERT_TRUE(a.valid && b.valid);
  EXPECT_EQ(b.cycles, a.cycles);
  EXPECT_EQ(b.l1Elements, a.l1Elements);
  EXPECT_EQ(b.l2Elements, a.l2Elements);
  EXPECT_EQ(b.offchip.inputReadBytes, a.offchip.inputReadBytes);
  EXPECT_EQ(b.offchip.weightReadBytes, a.offchip.weightReadBytes);
  EXPECT_EQ(b.offchip.outputWriteBytes, 4 * a.offchip.outputWriteBytes);
  EXPECT_EQ(b.offchip.outputReadBytes, 4 * a.offchip.outputReadBytes);
  // L1 per PE: input 4 x 4 x 6 window, weights 2 x 4 x 9, outputs
  // 2 x 4 x 6 (input coordinates, as MAESTRO), all double-buffered.
  EXPECT_EQ(a.l1Elements, 2 * (96 + 72 + 48));
  EXPECT_EQ(a.l1Bytes, a.l1Elements);
  EXPECT_EQ(b.l1Bytes, 2 * (96 + 72 + 4 * 48));
  // Four bytes for every tensor: everything four times, as the element
  // size of the hardware says.
  Layer wide = uniform;
  wide.inputBytes = wide.weightBytes = wide.outputBytes = 4;
  const CostReport &c = evaluator.evaluate(wide, hw, mapping);
  EXPECT_EQ(c.l2Bytes, 4 * a.l2Elements);
  EXPECT_EQ(c.offchipBytes, 4 * a.offchipBytes);

  // Capacities and area count bytes: an L2 of exactly a's bytes holds a
  // but not b's larger output tiles.
  Hardware sized = hw;
  sized.l2Elements = a.l2Bytes;
  EXPECT_EQ(checkConstraints(a, sized, {}), InvalidReason::None);
  EXPECT_EQ(checkConstraints(b, sized, {}), InvalidReason::L2OverCapacity);
  EXPECT_DOUBLE_EQ(digammaAreaBytesUm2(1, b.l1Bytes, b.l2Bytes),
                   282.0 + double(b.l1Bytes + b.l2Bytes) * 8 * 0.086);
}

// With per-tensor sizes the NoC counts bytes: 4096 one-byte inputs and 4096
// two-byte weights cross a 2 B/cycle NoC in 6144 cycles, after which the
// 4096 MACs of each PE run.
TEST(Offchip, NocCountsBytesOfEachTensor) {
  Layer layer = gemm(/*m=*/64, /*k=*/64, /*n=*/64);
  layer.inputBytes = 1;
  layer.weightBytes = 2;
  layer.outputBytes = 1;
  Hardware hw;
  hw.numPEs = 64;
  hw.nocBandwidthBytes = 2;
  Evaluator evaluator = withFigures();
  Mapping mapping = oneLevel(K, {K, C, Y, X, R, S}, {1, 64, 64, 1, 1, 1});
  const CostReport &report = evaluator.evaluate(layer, hw, mapping);
  ASSERT_TRUE(report.valid);
  EXPECT_EQ(report.cycles, 4096 + (4096 + 2 * 4096) / 2);
  EXPECT_EQ(report.computeCycles, 4096 + 1);
  EXPECT_EQ(report.nocCycles, 6144);
  EXPECT_EQ(report.limitedBy, Resource::Noc);
  EXPECT_EQ(nocBytesPerCycle(hw), 2);
  EXPECT_FALSE(isNocUnbounded(hw));
  // Without reportFigures: at unbounded off-chip bandwidth no report
  // figures; at finite, no second evaluation, so computeCycles is the
  // on-chip cycles (an upper bound) and the bound reads compute.
  Evaluator plain;
  CostReport ranked = plain.evaluate(layer, hw, mapping);
  EXPECT_EQ(ranked.cycles, report.cycles);
  EXPECT_FALSE(ranked.hasReportFigures);
  EXPECT_EQ(ranked.computeCycles, 0);
  EXPECT_EQ(ranked.nocCycles, 0);
  hw.offchipBandwidth = 1 << 20;
  ranked = plain.evaluate(layer, hw, mapping);
  EXPECT_TRUE(ranked.hasReportFigures);
  EXPECT_EQ(ranked.computeCycles, report.cycles);
  EXPECT_EQ(ranked.nocCycles, 6144);
  EXPECT_EQ(ranked.limitedBy, Resource::Compute);
}

// The DRAM energy (8 pJ/bit, LPDDR4) joins the energy only when the
// off-chip bandwidth is finite; 2^30 elements per cycle or more is GAMMA's
// unbounded memory, which leaves every figure as it was.
// At unbounded bandwidth the off-chip figures are computed on request only
// (ModelOptions::reportFigures); the other figures do not depend on them.
TEST(Offchip, FiguresAtUnboundedBandwidthOnRequest) {
  Layer layer = conv(8, 4, 4, 4, 3, 3);
  Hardware hw;
  Mapping mapping = oneLevel(K, {C, K, Y, X, R, S}, {2, 4, 2, 4, 3, 3});
  Evaluator plain;
  CostReport without = plain.evaluate(layer, hw, mapping);
  ASSERT_TRUE(without.valid);
  EXPECT_FALSE(without.hasReportFigures);
  EXPECT_EQ(without.offchipBytes, 0);
  EXPECT_EQ(without.offchipCycles, 0);
  Evaluator asked = withFigures();
  const CostReport &with = asked.evaluate(layer, hw, mapping);
  ASSERT_TRUE(with.valid);
  EXPECT_TRUE(with.hasReportFigures);
  EXPECT_GT(with.offchipBytes, 0);
  EXPECT_EQ(with.cycles, without.cycles);
  EXPECT_EQ(with.energyNJ, without.energyNJ);
  EXPECT_EQ(with.limitedBy, without.limitedBy);
  // At finite bandwidth they set the cycles and are always there.
  hw.offchipBandwidth = 4;
  EXPECT_TRUE(plain.evaluate(layer, hw, mapping).hasReportFigures);
}

TEST(Offchip, FiniteBandwidthAddsTimeAndEnergy) {
  Layer layer = conv(8, 4, 4, 4, 3, 3);
  Hardware hw;
  hw.bytesPerElement = 4;
  Evaluator evaluator = withFigures();
  Mapping mapping = oneLevel(K, {C, K, Y, X, R, S}, {4, 2, 2, 4, 3, 3});
  CostReport unbounded = evaluator.evaluate(layer, hw, mapping);
  ASSERT_TRUE(unbounded.valid);
  EXPECT_TRUE(isOffchipUnbounded(hw));
  EXPECT_DOUBLE_EQ(unbounded.offchipEnergyNJ,
                   double(unbounded.offchipBytes) * 0.064);

  hw.offchipBandwidth = kUnboundedBandwidth - 1;
  CostReport almost = evaluator.evaluate(layer, hw, mapping);
  ASSERT_TRUE(almost.valid);
  // The fill and the drain take a cycle each.
  EXPECT_EQ(almost.cycles, unbounded.cycles + 2);
  EXPECT_DOUBLE_EQ(almost.energyNJ,
                   unbounded.energyNJ + unbounded.offchipEnergyNJ);

  // The same rate in bytes.
  hw.offchipBandwidth = 1;
  hw.offchipBandwidthBytes = 4 * kUnboundedBandwidth;
  EXPECT_TRUE(isOffchipUnbounded(hw));
  EXPECT_EQ(evaluator.evaluate(layer, hw, mapping).cycles, unbounded.cycles);
  hw.offchipBandwidthBytes = 6; // 1.5 elements per cycle
  const CostReport &bytes = evaluator.evaluate(layer, hw, mapping);
  ASSERT_TRUE(bytes.valid);
  EXPECT_EQ(bytes.offchipCycles, (bytes.offchipBytes + 5) / 6);
  EXPECT_GE(bytes.cycles, bytes.offchipCycles);

  ModelOptions hbm;
  hbm.energy.offchipNJPerByte = kHbm2NJPerByte;
  Evaluator hbmEvaluator = withFigures(hbm);
  const CostReport &lower = hbmEvaluator.evaluate(layer, hw, mapping);
  EXPECT_DOUBLE_EQ(lower.offchipEnergyNJ,
                   double(lower.offchipBytes) * 3.9 * 8 / 1000);
  EXPECT_LT(lower.energyNJ, bytes.energyNJ);
}
