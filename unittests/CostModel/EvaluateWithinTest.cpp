//===- EvaluateWithinTest.cpp - Evaluator::evaluateWithin() ---------------===//
//
// evaluateWithin() may stop at a design's buffers when they break the
// search's constraints; every other report must be evaluate()'s, and a
// report that stopped must name the constraint the full report breaks.
//
//===----------------------------------------------------------------------===//

#include "digamma/CostModel/CostModel.h"

#include "SameReport.h"
#include "TestLayers.h"

#include "gtest/gtest.h"

#include <cmath>
#include <random>

using namespace digamma::cost;
using namespace digamma::testing;

namespace {

/// Every figure of two reports of one design: expectSameFigures()'s and
/// the byte forms, busy times, off-chip figures and energy.
void expectSameReport(const CostReport &a, const CostReport &b) {
  expectSameFigures(a, b);
  EXPECT_EQ(a.unsoundReason, b.unsoundReason);
  EXPECT_EQ(a.l1Bytes, b.l1Bytes);
  EXPECT_EQ(a.l2Bytes, b.l2Bytes);
  EXPECT_EQ(a.offchipBytes, b.offchipBytes);
  EXPECT_EQ(a.computeCycles, b.computeCycles);
  EXPECT_EQ(a.nocCycles, b.nocCycles);
  EXPECT_EQ(a.offchipCycles, b.offchipCycles);
  EXPECT_EQ(a.limitedBy, b.limitedBy);
  EXPECT_EQ(a.energyNJ, b.energyNJ);
  EXPECT_EQ(a.avgUsedPEs, b.avgUsedPEs);
}

bool isConstraint(InvalidReason reason) {
  return reason == InvalidReason::L1OverCapacity ||
         reason == InvalidReason::L2OverCapacity ||
         reason == InvalidReason::PELimitExceeded ||
         reason == InvalidReason::AreaOverBudget;
}

} // namespace

// Random designs of every layer class, one to three levels, finite and
// unbounded bandwidths, against area budgets around their own area, PE
// limits and (as in fixed-hardware searches) buffer capacities. Both
// semantics: maestro never stops early.
TEST(EvaluateWithin, EqualsEvaluateUnlessTheBuffersRuleTheDesignOut) {
  std::vector<Layer> layers = allModelLayers();
  std::mt19937_64 rng(71);
  Evaluator full, within;
  const LayerClass classes[] = {LayerClass::Conv, LayerClass::DepthwiseConv,
                                LayerClass::Gemm};
  constexpr int kDesigns = 20000;
  int brokenByFull = 0, stoppedEarly = 0;
  std::array<int, 4> stoppedBy{};
  for (int i = 0; i < kDesigns; ++i) {
    const Layer layer =
        i % 2 == 0 ? randomLayer(rng, classes[i / 2 % 3])
                   : layers[uniform(rng, 0, int64_t(layers.size()) - 1)];
    Hardware hw;
    hw.numPEs = uniform(rng, 1, 1024);
    hw.bytesPerElement = uniform(rng, 1, 4);
    if (i % 3 == 0)
      hw.nocBandwidth = uniform(rng, 1, 256);
    if (i % 5 == 0)
      hw.offchipBandwidth = uniform(rng, 1, 4096);
    const Semantics semantics =
        i % 7 == 0 && layer.n == 1 && layer.strideY == 1 &&
                layer.strideX == 1 && layer.dilationY == 1 &&
                layer.dilationX == 1
            ? Semantics::Maestro
            : Semantics::Sound;
    const Mapping mapping = randomMapping(
        rng, layer, static_cast<int>(uniform(rng, 1, 3)), hw.numPEs);
    Constraints constraints;
    switch (i % 4) {
    case 0: // an area budget from a tenth to ten times the design's
    case 1: {
      const CostReport &probe = full.evaluate(layer, hw, mapping, semantics);
      const double area =
          digammaAreaBytesUm2(hw.numPEs, std::max<int64_t>(probe.l1Bytes, 1),
                              std::max<int64_t>(probe.l2Bytes, 1));
      constraints.areaBudgetUm2 =
          area * std::pow(10.0, double(uniform(rng, -100, 100)) / 100.0);
      break;
    }
    case 2:
      constraints.peLimit = uniform(rng, 1, 1024);
      break;
    default:
      hw.l1Elements = uniform(rng, 1, 512);
      hw.l2Elements = uniform(rng, 1, 1 << 16);
      break;
    }
    const CostReport expected = full.evaluate(layer, hw, mapping, semantics);
    const int64_t stoppedBefore = within.earlyRejectedEvaluations();
    const CostReport &report =
        within.evaluateWithin(layer, hw, mapping, semantics, constraints);
    const InvalidReason broken = checkConstraints(expected, hw, constraints);
    brokenByFull += expected.valid && broken != InvalidReason::None;
    if (within.earlyRejectedEvaluations() == stoppedBefore) {
      expectSameReport(report, expected);
    } else {
      // Stopped at the buffers: the full report breaks that constraint,
      // and the buffer figures are its.
      ++stoppedEarly;
      EXPECT_EQ(semantics, Semantics::Sound);
      EXPECT_TRUE(expected.valid);
      EXPECT_FALSE(report.valid);
      EXPECT_TRUE(isConstraint(report.reason));
      EXPECT_EQ(report.reason, broken);
      EXPECT_EQ(report.l1Elements, expected.l1Elements);
      EXPECT_EQ(report.l2Elements, expected.l2Elements);
      EXPECT_EQ(report.l1Bytes, expected.l1Bytes);
      EXPECT_EQ(report.l2Bytes, expected.l2Bytes);
      EXPECT_EQ(report.cycles, 0);
      stoppedBy[i % 4]++;
    }
    if (::testing::Test::HasFailure())
      FAIL() << "design #" << i;
  }
  // (Seed 71: 12,367 designs break a constraint and 11,129 stop early:
  // 2,496 and 2,147 over their area budgets, 2,418 over the PE limit and
  // 4,068 over a buffer capacity.)
  EXPECT_GE(brokenByFull, kDesigns / 4);
  EXPECT_GE(stoppedEarly, brokenByFull * 3 / 4);
  for (int c = 0; c < 4; ++c)
    EXPECT_GE(stoppedBy[c], kDesigns / 40) << "case " << c;
  EXPECT_EQ(full.earlyRejectedEvaluations(), 0);
}
