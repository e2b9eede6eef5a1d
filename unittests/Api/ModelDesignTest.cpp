//===- ModelDesignTest.cpp - Model designs, request checks, option names --===//

#include "digamma/Api/ModelDesign.h"
#include "digamma/Api/OptionNames.h"

#include "gtest/gtest.h"

using namespace digamma;
using namespace digamma::api;

namespace {

Options smallOptions() {
  Options options;
  options.samples = 400;
  options.seed = 5;
  return options;
}

//===----------------------------------------------------------------------===//
// checkRequest
//===----------------------------------------------------------------------===//

TEST(CheckRequest, GivesFindDesignsMessageForBadInput) {
  Layer layer = conv2d(32, 16, 18, 18, 3, 3);
  std::vector<std::pair<Layer, Options>> bad;
  Options options = smallOptions();
  options.samples = 0;
  bad.push_back({layer, options});
  options = smallOptions();
  options.elementBytes = 0;
  bad.push_back({layer, options});
  options = smallOptions();
  options.mode = search::Mode::FixedHW;
  bad.push_back({layer, options});
  bad.push_back({conv2d(32, 16, 2, 2, 3, 3), smallOptions()});
  for (const auto &[badLayer, badOptions] : bad) {
    std::optional<std::string> error =
        checkRequest(badLayer, Budget(), badOptions);
    ASSERT_TRUE(error);
    Design design = findDesign(badLayer, Budget(), badOptions);
    EXPECT_FALSE(design.found);
    EXPECT_EQ(design.error, *error);
  }
}

TEST(CheckRequest, AcceptsARequestWithoutDesign) {
  // Valid input whose budget no design fits: not bad input.
  Layer layer = conv2d(32, 16, 18, 18, 3, 3);
  Budget tiny = Budget::ofArea(1e-4);
  EXPECT_FALSE(checkRequest(layer, tiny, smallOptions()));
  Design design = findDesign(layer, tiny, smallOptions());
  EXPECT_FALSE(design.found);
  EXPECT_NE(design.error.find("smallest feasible area"), std::string::npos);
}

//===----------------------------------------------------------------------===//
// findModelDesign
//===----------------------------------------------------------------------===//

TEST(FindModelDesign, MergesEqualLayersAsTheSearchSeesThem) {
  Layer a = conv2d(64, 3, 32, 32, 3, 3), b = conv2d(64, 64, 16, 16, 3, 3),
        c = gemm(1, 10, 64);
  Options options = smallOptions();
  ModelDesign design =
      findModelDesign({{a, 1}, {b, 1}, {c, 1}, {b, 2}}, Budget(), options);
  ASSERT_TRUE(design.found) << design.error;

  search::SearchOptions searchOptions;
  ASSERT_FALSE(resolveSearchOptions(Budget(), options, searchOptions));
  search::ModelSearchResult direct =
      search::runModelDiGamma({{a, 1}, {b, 3}, {c, 1}}, searchOptions);
  ASSERT_TRUE(direct.found);
  EXPECT_EQ(design.hardware.numPEs, direct.hardware.numPEs);
  EXPECT_EQ(design.hardware.l2Elements, direct.hardware.l2Elements);
  EXPECT_EQ(design.totalCycles, direct.totalCycles);
  EXPECT_EQ(design.samplesUsed, direct.samplesUsed);
  ASSERT_EQ(design.costs.size(), 4u);
  EXPECT_EQ(design.costs[0].cycles, direct.costs[0].cycles);
  EXPECT_EQ(design.costs[1].cycles, direct.costs[1].cycles);
  EXPECT_EQ(design.costs[2].cycles, direct.costs[2].cycles);
  EXPECT_EQ(design.costs[3].cycles, direct.costs[1].cycles);
  EXPECT_EQ(design.mappings[3].level(0).tiles,
            direct.mappings[1].level(0).tiles);
  EXPECT_EQ(design.peArrayShape,
            search::peArrayShape(direct.hardware, direct.mappings[0]));
  EXPECT_EQ(design.l2Bytes, direct.hardware.l2Elements);
}

TEST(FindModelDesign, BadInputIsCheckedFirst) {
  Layer good = conv2d(32, 16, 18, 18, 3, 3), bad = conv2d(8, 8, 2, 2, 3, 3);
  Options pso = smallOptions();
  pso.algorithm = search::Algorithm::Pso;
  std::optional<std::string> error =
      checkModelRequest({{good, 1}}, Budget(), pso);
  ASSERT_TRUE(error);
  EXPECT_EQ(*error, "a whole model is searched by DiGamma only; algorithm pso "
                    "searches one layer");
  EXPECT_EQ(findModelDesign({{good, 1}}, Budget(), pso).error, *error);

  error = checkModelRequest({{good, 1}, {bad, 1}}, Budget(), smallOptions());
  ASSERT_TRUE(error);
  EXPECT_EQ(*error, "layer 1: the layer's filter (3x3) is larger than its "
                    "input (2x2)");
  EXPECT_EQ(*checkModelRequest({}, Budget(), smallOptions()),
            "the model has no layer to search");

  // No chip in the budget: a valid request without a design.
  Budget tiny = Budget::ofArea(1e-4);
  EXPECT_FALSE(checkModelRequest({{good, 1}}, tiny, smallOptions()));
  ModelDesign none = findModelDesign({{good, 1}}, tiny, smallOptions());
  EXPECT_FALSE(none.found);
  EXPECT_NE(none.error.find("smallest feasible area"), std::string::npos);
}

//===----------------------------------------------------------------------===//
// Option names
//===----------------------------------------------------------------------===//

TEST(OptionNames, EveryNameRoundTrips) {
  const std::vector<std::pair<std::string_view, std::vector<std::string>>>
      values = {
          {"objective", {"latency", "energy", "edp", "lap", "power", "area"}},
          {"tie-break", {"latency", "energy", "edp", "lap", "power", "area"}},
          {"mode", {"co-opt", "fixed-hw", "fixed-mapping"}},
          {"semantics", {"sound", "maestro"}},
          {"algorithm",
           {"digamma", "random", "sga", "pso", "sea", "de", "cmaes", "sa"}},
      };
  ASSERT_EQ(values.size(), std::size(kNamedOptions));
  for (const auto &[option, names] : values) {
    for (const std::string &name : names) {
      Options options;
      EXPECT_FALSE(setNamedOption(options, option, name)) << option << name;
      EXPECT_EQ(namedOptionValue(options, option), name);
    }
  }
  Options defaults;
  EXPECT_EQ(namedOptionValue(defaults, "objective"), "latency");
  EXPECT_EQ(namedOptionValue(defaults, "mode"), "co-opt");
}

TEST(OptionNames, UnknownNamesGetThePassesMessages) {
  Options options;
  EXPECT_EQ(*setNamedOption(options, "objective", "fast"),
            "unknown objective 'fast'; expected latency, energy, edp, lap, "
            "power or area");
  EXPECT_EQ(*setNamedOption(options, "mode", "x"),
            "unknown mode 'x'; expected co-opt, fixed-hw or fixed-mapping");
  EXPECT_EQ(*setNamedOption(options, "semantics", "exact"),
            "unknown semantics 'exact'; expected sound or maestro");
  EXPECT_EQ(*setNamedOption(options, "algorithm", "ga"),
            "unknown algorithm 'ga'; expected digamma, random, sga, pso, sea, "
            "de, cmaes or sa");
  EXPECT_EQ(*setNamedOption(options, "speed", "fast"),
            "unknown option 'speed'");
  Budget budget;
  EXPECT_FALSE(setPlatform(budget, "cloud"));
  EXPECT_EQ(budget.areaMm2, kCloudAreaMm2);
  EXPECT_EQ(*setPlatform(budget, "mobile"),
            "unknown platform 'mobile'; expected edge (0.2 mm^2) or cloud "
            "(7.0 mm^2), or give an area budget");
}

} // namespace
