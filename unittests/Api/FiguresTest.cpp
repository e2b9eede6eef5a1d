//===- FiguresTest.cpp - Tests of the report figures ----------------------===//

#include "digamma/Api/Figures.h"
#include "digamma/Api/Designer.h"
#include "digamma/Search/Search.h"

#include "gtest/gtest.h"

#include <cmath>

using namespace digamma;
using namespace digamma::api;

namespace {

/// The series of \p panel called \p prefix..., or nullptr.
const plot::Series *seriesNamed(const plot::Panel &panel,
                                const std::string &prefix) {
  for (const plot::Series &series : panel.series)
    if (series.name.rfind(prefix, 0) == 0)
      return &series;
  return nullptr;
}

TEST(Roofline, RoofsOfABudget) {
  search::SearchOptions options;
  options.areaBudgetUm2 = 0.2e6;
  // 0.2 mm^2 holds 709 MACs of 282 um^2; the edge preset has no off-chip
  // bandwidth limit.
  Roofs roofs = roofsOf(options);
  EXPECT_EQ(roofs.peakMacsPerCycle, 709);
  EXPECT_EQ(roofs.offchipBytesPerCycle, 0);
  options.peLimit = 256;
  options.fixedHardware.simdLanes = 2;
  options.fixedHardware.offchipBandwidthBytes = 16;
  roofs = roofsOf(options);
  EXPECT_EQ(roofs.peakMacsPerCycle, 512);
  EXPECT_EQ(roofs.offchipBytesPerCycle, 16);
  options.mode = search::Mode::FixedHW;
  options.fixedHardware.numPEs = 64;
  EXPECT_EQ(roofsOf(options).peakMacsPerCycle, 128);
}

TEST(Roofline, OpsPlacedUnderTheRoofs) {
  // Searched designs at a finite off-chip bandwidth: each op at MACs per
  // off-chip byte and MACs per cycle, under both roofs.
  search::SearchOptions options;
  options.areaBudgetUm2 = 0.2e6;
  options.samples = 1500;
  options.fixedHardware.offchipBandwidthBytes = 8;
  Roofs roofs = roofsOf(options);
  std::vector<RooflineOp> ops;
  for (const cost::Layer &layer :
       {conv2d(64, 32, 30, 30, 3, 3), gemm(128, 256, 64)}) {
    search::SearchResult result = search::runDiGamma(layer, options);
    ASSERT_TRUE(result.found) << result.message;
    cost::ModelOptions model = options.model;
    model.reportFigures = true;
    cost::Evaluator evaluator(model);
    const cost::CostReport &report =
        evaluator.evaluate(layer, result.hardware, result.mapping);
    ASSERT_GT(report.offchipBytes, 0);
    ops.push_back({"op", double(report.macs), double(report.cycles),
                   double(report.offchipBytes)});
  }
  plot::Panel panel = rooflinePanel("designs", {{"ops", ops}}, roofs);
  const plot::Series *placed = seriesNamed(panel, "ops");
  const plot::Series *compute = seriesNamed(panel, "compute roof");
  const plot::Series *bandwidth = seriesNamed(panel, "bandwidth roof");
  ASSERT_TRUE(placed && compute && bandwidth);
  ASSERT_EQ(placed->x.size(), ops.size());
  EXPECT_EQ(placed->mark, plot::Mark::Circle);
  EXPECT_EQ(compute->mark, plot::Mark::None);
  EXPECT_EQ(bandwidth->mark, plot::Mark::None);
  for (size_t i = 0; i < ops.size(); ++i) {
    EXPECT_DOUBLE_EQ(placed->x[i], ops[i].macs / ops[i].offchipBytes);
    EXPECT_DOUBLE_EQ(placed->y[i], ops[i].macs / ops[i].cycles);
    EXPECT_LE(placed->y[i], roofs.peakMacsPerCycle);
    EXPECT_LE(placed->y[i], roofs.offchipBytesPerCycle * placed->x[i]);
  }
  // The roofs meet at the ridge, peak / bandwidth, and span the ops.
  double ridge = roofs.peakMacsPerCycle / roofs.offchipBytesPerCycle;
  EXPECT_DOUBLE_EQ(bandwidth->x.back(), ridge);
  EXPECT_DOUBLE_EQ(bandwidth->y.back(), roofs.peakMacsPerCycle);
  EXPECT_DOUBLE_EQ(compute->x.front(), ridge);
  EXPECT_DOUBLE_EQ(compute->y.front(), roofs.peakMacsPerCycle);
  for (double x : placed->x) {
    EXPECT_LE(bandwidth->x.front(), x);
    EXPECT_GE(compute->x.back(), x);
  }
}

TEST(Roofline, UnboundedBandwidthHasNoBandwidthRoof) {
  Roofs roofs;
  roofs.peakMacsPerCycle = 100;
  plot::Panel panel = rooflinePanel(
      "designs", {{"ops", {{"a", 1000, 20, 10}, {"b", 1000, 50, 500}}}},
      roofs);
  EXPECT_FALSE(seriesNamed(panel, "bandwidth roof"));
  const plot::Series *compute = seriesNamed(panel, "compute roof");
  ASSERT_TRUE(compute);
  // From half the lowest intensity (2 MACs / byte) to twice the highest.
  EXPECT_DOUBLE_EQ(compute->x.front(), 1);
  EXPECT_DOUBLE_EQ(compute->x.back(), 200);
  // An op without a design has no intensity and gets no place.
  panel = rooflinePanel("designs", {{"ops", {{"none", 0, 0, 0}}}}, roofs);
  EXPECT_FALSE(seriesNamed(panel, "compute roof"));
  EXPECT_EQ(seriesNamed(panel, "ops")->x[0], 0);
}

// The breakdown marks each op's cycle bound on the cycles panel only, at
// the op's position, and skips ops without one.
TEST(Breakdown, BoundsMarkTheCyclesPanel) {
  OpSeries chosen{"chosen designs", {120, 300, 50}, {1.5, 2.5, 0.5}};
  std::vector<plot::Panel> panels = breakdownPanels(
      "designs", {"0 conv", "1 gemm", "2 conv"}, {}, {chosen}, {100, 0, 40});
  ASSERT_EQ(panels.size(), 2u);
  const plot::Series *bound = seriesNamed(panels[0], "cycle bound");
  ASSERT_TRUE(bound);
  EXPECT_EQ(bound->x, (std::vector<double>{0, 2}));
  EXPECT_EQ(bound->y, (std::vector<double>{100, 40}));
  EXPECT_FALSE(seriesNamed(panels[1], "cycle bound"));
  // Without bounds, no such series.
  panels = breakdownPanels("designs", {"0 conv"}, {}, {chosen});
  EXPECT_FALSE(seriesNamed(panels[0], "cycle bound"));
}

} // namespace
