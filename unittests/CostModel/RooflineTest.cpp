//===- RooflineTest.cpp - Tests of the roofline bound ---------------------===//

#include "digamma/CostModel/CostModel.h"
#include "digamma/CostModel/Roofline.h"

#include "gtest/gtest.h"

using namespace digamma;
using namespace digamma::cost;

namespace {

// Timeloop's hand case (memory-anchors.md section 7): K = C = 4, 4x4
// outputs, 3x3 filter: 144 input, 144 weight and 64 output elements.
Layer handCase() {
  Layer layer;
  layer.k = layer.c = 4;
  layer.y = layer.x = 6;
  layer.r = layer.s = 3;
  return layer;
}

TEST(Roofline, CompulsoryTrafficByHand) {
  Layer layer = handCase();
  EXPECT_EQ(layerMacs(layer), 4 * 4 * 16 * 9);
  EXPECT_EQ(compulsoryOffchipBytes(layer, 1), 144 + 144 + 64);
  // Each tensor at its own size: i8 x i8 -> i32.
  layer.inputBytes = layer.weightBytes = 1;
  layer.outputBytes = 4;
  EXPECT_EQ(compulsoryOffchipBytes(layer, 2), 144 + 144 + 64 * 4);
  // A batch of 2 reads its inputs and writes its outputs twice, the
  // weights once; two groups have two sets of weights.
  layer = handCase();
  layer.n = 2;
  EXPECT_EQ(compulsoryOffchipBytes(layer, 1), 2 * 144 + 144 + 2 * 64);
  layer.groups = 2;
  EXPECT_EQ(compulsoryOffchipBytes(layer, 1), 2 * 144 + 2 * 144 + 2 * 64);
}

TEST(Roofline, StridesAndDilationsSkipInputs) {
  // A 1x1 filter at stride 2 on 7x7 reads 4x4 of its inputs.
  Layer strided;
  strided.c = 3;
  strided.y = strided.x = 7;
  strided.strideY = strided.strideX = 2;
  EXPECT_EQ(compulsoryOffchipBytes(strided, 1), 3 * 16 + 3 + 16);
  // Two taps 3 apart at stride 1 on 5 lines: outputs 0 and 1 read lines
  // 0, 3 and 1, 4; line 2 is never read.
  Layer dilated;
  dilated.y = 5;
  dilated.r = 2;
  dilated.dilationY = 3;
  EXPECT_EQ(compulsoryOffchipBytes(dilated, 1), 4 + 2 + 2);
  // Depthwise: one filter and one output channel per input channel.
  Layer depthwise = handCase();
  depthwise.layerClass = LayerClass::DepthwiseConv;
  depthwise.k = 1;
  EXPECT_EQ(compulsoryOffchipBytes(depthwise, 1), 144 + 36 + 64);
}

TEST(Roofline, TheLargerOfComputeAndMemory) {
  Layer layer = handCase();
  // 2304 MACs on 16 PEs: 144 cycles; 352 bytes at 1 B/cycle: 352.
  EXPECT_EQ(rooflineCycles(layer, 16, 1, 1), 352);
  EXPECT_EQ(rooflineCycles(layer, 16, 4, 1), 144);
  EXPECT_EQ(rooflineCycles(layer, 16, 0, 1), 144); // unbounded
  EXPECT_EQ(rooflineCycles(layer, 1000, 0, 1), 3); // ceil(2304 / 1000)
  EXPECT_EQ(rooflineCycles(layer, 16, 2, 1), 176);
  EXPECT_EQ(rooflineCycles(layer, 1, 3, 1), 2304); // compute: 2304 > 118
}

TEST(Roofline, NoDesignBeatsIt) {
  // The cost model's designs never take fewer cycles than the bound of
  // their PE count and bandwidth: one PE level spreading K.
  Layer layer = handCase();
  Hardware hw;
  hw.numPEs = 4;
  hw.offchipBandwidthBytes = 2;
  Mapping mapping;
  mapping.numLevels = 2;
  mapping.level(0).parallelDim = Dim::K;
  mapping.level(0).tiles = {1, 4, 4, 4, 3, 3};
  mapping.level(1).parallelDim = Dim::C;
  mapping.level(1).clusterSize = 1;
  mapping.level(1).tiles = {1, 1, 1, 1, 3, 3};
  Evaluator evaluator;
  const CostReport &report =
      evaluator.evaluate(layer, hw, mapping, Semantics::Sound);
  ASSERT_TRUE(report.valid) << describe(report.reason);
  EXPECT_GE(report.cycles, rooflineCycles(layer, hw.numPEs, 2, 1));
  EXPECT_GE(report.offchipBytes, compulsoryOffchipBytes(layer, 1));
}

} // namespace
