//===- MapSpaceFileTest.cpp - Constraint files and their property tests ---===//
//
// The bundled constraints parse and say where they come from; every message
// of a bad file; the request options; and the property every optimizer owes
// a map space: for each bundled constraint and random layers, every design
// it returns lies inside the space.
//
//===----------------------------------------------------------------------===//

#include "digamma/Api/MapSpaceFile.h"
#include "digamma/Api/Request.h"
#include "digamma/Api/RequestOptions.h"
#include "digamma/Search/ModelSearch.h"
#include "digamma/Search/TwoStep.h"

#include "gtest/gtest.h"

#include <algorithm>
#include <fstream>
#include <random>

using namespace digamma;
using namespace digamma::api;

namespace {

TEST(MapSpaceFile, BundledConstraintsParseAndNameTheirSource) {
  std::vector<std::string> names = bundledMapSpaceNames();
  for (const char *required : {"nvdla", "eyeriss", "shidiannao", "tpu"})
    EXPECT_NE(std::find(names.begin(), names.end(), required), names.end())
        << required;
  int classes = 0;
  for (const std::string &name : names) {
    MapSpaceFile file;
    std::optional<std::string> error = loadBundledMapSpace(name, file);
    ASSERT_FALSE(error) << *error;
    EXPECT_EQ(file.space.name, name);
    EXPECT_FALSE(file.source.empty()) << name;
    EXPECT_FALSE(file.title.empty()) << name;
    classes += name.rfind("nvdla-class-", 0) == 0;
  }
  EXPECT_EQ(classes, 16);
  // Class 0000 fixes every axis; 1111 keeps only the PE level's rules.
  MapSpaceFile fixed, flexible;
  ASSERT_FALSE(loadBundledMapSpace("nvdla-class-0000", fixed));
  ASSERT_FALSE(loadBundledMapSpace("nvdla-class-1111", flexible));
  EXPECT_EQ(fixed.space.levels[1].parallelSize.value, 64);
  EXPECT_TRUE(flexible.space.levels[1].parallelSize.isFree());
  EXPECT_EQ(flexible.space.levels[0].parallelDims, 0);
  EXPECT_EQ(flexible.space.levels[0].orderPrefixLength, 0);
}

/// The message parseMapSpaceText() gives \p text.
std::string messageOf(const std::string &text) {
  MapSpaceFile file;
  std::optional<std::string> error =
      parseMapSpaceText(text, "c.json", "c", file);
  return error ? *error : "no error";
}

TEST(MapSpaceFile, BadFilesGetLocatedMessages) {
  EXPECT_EQ(messageOf(R"({"source": "s", "levels": [{}], "extra": 1})"),
            "c.json: field 'extra': unknown field; the fields are source, "
            "title, levels");
  EXPECT_EQ(messageOf(R"({"levels": [{}]})"), "c.json: field 'source': missing");
  EXPECT_EQ(messageOf(R"({"source": "", "levels": [{}]})"),
            "c.json: field 'source': say where the constraint comes from");
  EXPECT_EQ(messageOf(R"({"source": "s", "levels": [{}, {}, {}, {}]})"),
            "c.json: field 'levels': expected 1 to 3 levels, got 4");
  EXPECT_EQ(messageOf(R"({"source": "s", "levels": [{"parallel": ["Q"]}]})"),
            "c.json: levels[0]: field 'parallel': expected a dimension (K, C, "
            "Y, X, R or S), got \"Q\"");
  EXPECT_EQ(messageOf(R"({"source": "s", "levels": [{}, {"order": ["K", "K"]}]})"),
            "c.json: levels[1]: field 'order': K appears twice");
  EXPECT_EQ(messageOf(R"({"source": "s", "levels": [{"parallel_size": 0}]})"),
            "c.json: levels[0]: field 'parallel_size': expected an integer in "
            "[1, 1073741824] or a dimension (K, C, Y, X, R or S), got 0");
  EXPECT_EQ(messageOf(R"({"source": "s", "levels": [{"tiles": {"K": 2.5}}]})"),
            "c.json: levels[0].tiles: field 'K': expected an integer in [1, "
            "1073741824] or a dimension (K, C, Y, X, R or S), got 2.5");
  EXPECT_EQ(messageOf(R"({"source": "s", "levels": [{"tiles": {"N": 1}}]})"),
            "c.json: levels[0].tiles: field 'N': unknown field; the fields are "
            "K, C, Y, X, R, S");
  EXPECT_EQ(messageOf(R"({"source": "s", "levels": [{"sp": ["K"]}]})"),
            "c.json: levels[0]: field 'sp': unknown field; the fields are "
            "parallel, parallel_size, order, tiles");
  EXPECT_EQ(messageOf(R"({"source": "s", "levels": [{"parallel": []}]})"),
            "c.json: levels[0]: field 'parallel': expected 1 to 6 dimensions, "
            "got 0");
  EXPECT_EQ(messageOf("{\"source\": \"s\",\n \"levels\": [{]}").rfind(
                "c.json:2:", 0),
            0u);
  MapSpaceFile file;
  EXPECT_EQ(readMapSpaceFile("/nonexistent/m.json", file),
            "/nonexistent/m.json: cannot read the file");
}

TEST(MapSpaceFile, RequestOptionsResolveTheSpace) {
  Request request;
  ASSERT_FALSE(setRequestOption(request, "constraint", "eyeriss"));
  SearchPlan plan;
  ASSERT_FALSE(planSearch(request, plan));
  EXPECT_EQ(plan.options.mapSpace.name, "eyeriss");
  EXPECT_EQ(plan.options.mapSpace.numLevels, 2);

  request.options.constraint = "nosuch";
  std::optional<std::string> error = planSearch(request, plan);
  ASSERT_TRUE(error);
  EXPECT_EQ(error->rfind("constraint=nosuch: unknown constraint 'nosuch'; "
                         "expected eyeriss, nvdla, ",
                         0),
            0u)
      << *error;

  request.options.constraint = "nvdla";
  request.options.constraintFile = "x.json";
  EXPECT_EQ(planSearch(request, plan),
            "give one map space: constraint, constraint-file or a "
            "search::MapSpace, not several");

  std::string path = ::testing::TempDir() + "map-space-test.json";
  std::ofstream(path) << R"({"source": "test", "levels": [{"parallel": ["Y"]}, {}]})";
  request.options.constraint.clear();
  request.options.constraintFile = path;
  ASSERT_FALSE(planSearch(request, plan));
  EXPECT_EQ(plan.options.mapSpace.name, "map-space-test");
  std::ofstream(path) << R"({"source": "test", "levels": [{"parallel": "Y"}]})";
  EXPECT_EQ(planSearch(request, plan),
            "constraint-file: " + path +
                ": levels[0]: field 'parallel': expected an array, got \"Y\"");
  std::remove(path.c_str());
}

/// Random layers of every class: convolutions (some strided), depthwise
/// convolutions and GEMMs.
std::vector<cost::Layer> randomLayers(int count, uint64_t seed) {
  std::mt19937_64 rng(seed);
  auto pick = [&](int64_t lo, int64_t hi) {
    return lo + static_cast<int64_t>(rng() % uint64_t(hi - lo + 1));
  };
  std::vector<cost::Layer> layers;
  for (int i = 0; i < count; ++i) {
    cost::Layer layer;
    switch (i % 3) {
    case 0:
      layer.k = pick(1, 128);
      layer.c = pick(1, 128);
      layer.r = layer.s = pick(1, 3) * 2 - 1;
      layer.y = pick(layer.r, 40);
      layer.x = pick(layer.s, 40);
      layer.strideY = layer.strideX = pick(1, 2);
      break;
    case 1:
      layer.layerClass = cost::LayerClass::DepthwiseConv;
      layer.c = pick(2, 128);
      layer.r = layer.s = 3;
      layer.y = layer.x = pick(3, 30);
      break;
    default:
      layer.layerClass = cost::LayerClass::Gemm;
      layer.k = pick(1, 256);
      layer.c = pick(1, 256);
      layer.y = pick(1, 64);
      break;
    }
    layers.push_back(layer);
  }
  return layers;
}

void expectInside(const search::MapSpace &space, const cost::Layer &layer,
                  const search::SearchResult &result, const std::string &what) {
  if (!result.found) {
    // Only an honest "nothing fits": never a design outside the space.
    EXPECT_FALSE(result.message.empty()) << what;
    return;
  }
  std::optional<search::MapSpaceViolation> violation = search::findViolation(
      space, layer, result.mapping, result.hardware.numPEs);
  EXPECT_FALSE(violation) << what << ": "
                          << search::describeViolation(space, *violation);
}

TEST(MapSpaceFile, EveryOptimizerStaysInsideEveryBundledSpace) {
  std::vector<cost::Layer> layers = randomLayers(6, 11);
  int found = 0;
  for (const std::string &name : bundledMapSpaceNames()) {
    MapSpaceFile file;
    ASSERT_FALSE(loadBundledMapSpace(name, file));
    for (size_t i = 0; i < layers.size(); ++i) {
      search::SearchOptions options;
      options.samples = 200;
      options.population = 20;
      options.threads = 1;
      options.seed = 7 + i;
      options.areaBudgetUm2 = search::kCloudAreaBudgetUm2;
      options.mapSpace = file.space;
      for (search::Algorithm algorithm :
           {search::Algorithm::DiGamma, search::Algorithm::Random,
            search::Algorithm::Sga, search::Algorithm::Pso,
            search::Algorithm::Sea, search::Algorithm::De,
            search::Algorithm::Cmaes, search::Algorithm::Sa}) {
        search::SearchResult result =
            search::getOptimizer(algorithm).run(layers[i], options);
        found += result.found;
        expectInside(file.space, layers[i], result,
                     name + " layer " + std::to_string(i) + " " +
                         std::string(search::algorithmName(algorithm)));
      }
      // The mapping for fixed hardware, and the grid of a dataflow.
      search::SearchOptions fixedHw = options;
      fixedHw.mode = search::Mode::FixedHW;
      fixedHw.fixedHardware.numPEs = 256;
      fixedHw.fixedHardware.l1Elements = 1 << 12;
      fixedHw.fixedHardware.l2Elements = 1 << 22;
      expectInside(file.space, layers[i], search::runDiGamma(layers[i], fixedHw),
                   name + " fixed-hw layer " + std::to_string(i));
      for (const search::Dataflow &dataflow : search::builtinDataflows())
        expectInside(file.space, layers[i],
                     search::runHardwareGrid(layers[i], dataflow, options),
                     name + " grid " + std::string(dataflow.name));
    }
  }
  // Most spaces admit designs of most layers on the cloud budget.
  EXPECT_GT(found, 500);
}

TEST(MapSpaceFile, SharedChipsNameTheRuleTheyCannotHold) {
  MapSpaceFile file;
  ASSERT_FALSE(loadBundledMapSpace("nvdla-class-0000", file));
  search::SearchOptions options;
  options.samples = 200;
  options.threads = 1;
  options.peLimit = 32;
  options.mapSpace = file.space;
  search::ModelSearchResult chip =
      search::runModelDiGamma({{randomLayers(1, 3)[0], 1}}, options);
  EXPECT_FALSE(chip.found);
  EXPECT_EQ(chip.message,
            "map space 'nvdla-class-0000' admits no chip: the rule 'level 1's "
            "parallel size is 64' needs more PEs than the area budget and "
            "pe-limit afford (32)");
}

TEST(MapSpaceFile, SharedChipsStayInsideSpacesOfIntegerShape) {
  std::vector<cost::Layer> layers = randomLayers(3, 5);
  std::vector<search::ModelLayer> model;
  for (const cost::Layer &layer : layers)
    model.push_back({layer, 1});
  for (const char *name : {"nvdla", "tpu", "nvdla-class-0000",
                           "nvdla-class-0110", "eyeriss"}) {
    MapSpaceFile file;
    ASSERT_FALSE(loadBundledMapSpace(name, file));
    search::SearchOptions options;
    options.samples = 600;
    options.threads = 1;
    options.areaBudgetUm2 = search::kCloudAreaBudgetUm2;
    options.mapSpace = file.space;
    search::ModelSearchResult chip = search::runModelDiGamma(model, options);
    if (std::string(name) == "eyeriss") {
      // Its cluster is each layer's filter height: no one chip.
      EXPECT_FALSE(chip.found);
      EXPECT_NE(chip.message.find("sizes the array per layer"),
                std::string::npos)
          << chip.message;
      continue;
    }
    ASSERT_TRUE(chip.found) << name << ": " << chip.message;
    for (size_t i = 0; i < model.size(); ++i) {
      std::optional<search::MapSpaceViolation> violation =
          search::findViolation(file.space, layers[i], chip.mappings[i],
                                chip.hardware.numPEs);
      EXPECT_FALSE(violation) << name << " layer " << i << ": "
                              << search::describeViolation(file.space,
                                                           *violation);
    }
  }
}

} // namespace
