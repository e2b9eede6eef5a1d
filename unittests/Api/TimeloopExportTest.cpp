//===- TimeloopExportTest.cpp - Designs as Timeloop's input ---------------===//
//
// The exported files are read back the way timeloop-model reads them: the
// architecture tree gives each storage level's instances and mesh, the
// mapping's factors ("end" or "end,residual") must multiply up, in
// Timeloop's mixed radix, to the problem's dimensions, and each spatial
// level's factors must fit its fan-out in X and Y.
//
//===----------------------------------------------------------------------===//

#include "digamma/Api/TimeloopExport.h"
#include "digamma/Search/Encoding.h"
#include "digamma/Search/Search.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <regex>

using namespace digamma;
using namespace digamma::api;
using Json = nlohmann::json;

namespace {

struct StorageLevel {
  std::string name;
  int64_t instances = 1;
  int64_t meshX = 1;
  int64_t meshY() const { return instances / meshX; }
};

/// Timeloop's "Name[0..n-1]" multiplicity.
int64_t multiplicity(const std::string &name) {
  std::smatch match;
  static const std::regex range(R"(\[0\.\.([0-9]+)\]$)");
  return std::regex_search(name, match, range) ? std::stoll(match[1]) + 1 : 1;
}

/// Storage levels outermost first, as Timeloop's tree walk finds them.
std::vector<StorageLevel> storageLevels(const Json &architecture,
                                        int64_t &macInstances) {
  std::vector<StorageLevel> levels;
  int64_t instances = 1;
  const Json *node = &architecture;
  while (node->contains("subtree")) {
    const Json &subtree = (*node)["subtree"];
    EXPECT_EQ(subtree.size(), 1u) << "Timeloop walks one subtree per level";
    node = &subtree[0];
    instances *= multiplicity((*node)["name"]);
    for (const Json &local : (*node)["local"]) {
      const Json &attributes = local["attributes"];
      int64_t meshX = attributes.contains("meshX")
                          ? attributes["meshX"].get<int64_t>()
                          : instances;
      EXPECT_EQ(instances % meshX, 0) << local.dump();
      if (local["class"] == "intmac") {
        macInstances = instances;
        EXPECT_EQ(meshX, levels.back().meshX);
        continue;
      }
      levels.push_back({local["name"], instances, meshX});
    }
  }
  return levels;
}

/// Parsed "M=4 C=3,2 ..." factors.
std::map<char, std::pair<int64_t, int64_t>> parseFactors(const std::string &s) {
  std::map<char, std::pair<int64_t, int64_t>> factors;
  static const std::regex factor(R"(([A-Z])=([0-9]+)(,([0-9]+))?)");
  for (auto it = std::sregex_iterator(s.begin(), s.end(), factor);
       it != std::sregex_iterator(); ++it) {
    int64_t end = std::stoll((*it)[2]);
    int64_t residual = (*it)[4].matched ? std::stoll((*it)[4]) : end;
    factors[(*it)[1].str()[0]] = {end, residual};
  }
  return factors;
}

/// Checks everything timeloop-model checks of the three files, and that
/// the array has the PEs the mapping spreads over. Returns the spatial
/// factors' product (the PEs a full spatial step uses).
void expectConsistent(const TimeloopInput &input, const cost::Hardware &hw,
                      const std::string &context) {
  SCOPED_TRACE(context);
  Json problem = Json::parse(input.problem);
  Json architecture = Json::parse(input.architecture);
  Json mapping = Json::parse(input.mapping);
  ASSERT_TRUE(problem.contains("problem"));
  ASSERT_TRUE(architecture.contains("architecture"));
  ASSERT_TRUE(mapping.contains("mapping"));
  const Json &shape = problem["problem"]["shape"];
  const Json &instance = problem["problem"]["instance"];
  std::vector<std::string> dims = shape["dimensions"];

  int64_t macs = 0;
  std::vector<StorageLevel> levels =
      storageLevels(architecture["architecture"], macs);
  ASSERT_GE(levels.size(), 3u);
  EXPECT_EQ(levels.front().name, "DRAM");
  EXPECT_EQ(levels.back().name, "PEBuffer");
  EXPECT_EQ(levels.back().instances, macs);
  EXPECT_LE(macs, hw.numPEs);

  // Directives by (target, type).
  std::map<std::pair<std::string, std::string>, Json> directives;
  for (const Json &directive : mapping["mapping"])
    EXPECT_TRUE(directives
                    .emplace(std::make_pair(directive["target"],
                                            directive["type"]),
                             directive)
                    .second)
        << "duplicate " << directive.dump();

  // Tiling levels innermost first: per storage level its spatial level
  // (where it fans out) below its temporal one, as Timeloop orders them.
  std::vector<std::map<char, std::pair<int64_t, int64_t>>> tiling;
  for (size_t i = levels.size(); i-- > 0;) {
    const StorageLevel &level = levels[i];
    int64_t childX = i + 1 < levels.size() ? levels[i + 1].meshX : level.meshX;
    int64_t childY =
        i + 1 < levels.size() ? levels[i + 1].meshY() : level.meshY();
    ASSERT_EQ(childX % level.meshX, 0);
    ASSERT_EQ(childY % level.meshY(), 0);
    int64_t fanX = childX / level.meshX, fanY = childY / level.meshY();
    auto spatial = directives.find({level.name, "spatial"});
    if (fanX * fanY > 1) {
      ASSERT_NE(spatial, directives.end()) << level.name;
      std::string order = spatial->second["permutation"];
      int64_t split = spatial->second["split"];
      auto factors = parseFactors(spatial->second["factors"]);
      int64_t usedX = 1, usedY = 1;
      for (size_t k = 0; k < order.size(); ++k)
        (int64_t(k) < split ? usedX : usedY) *= factors[order[k]].first;
      EXPECT_LE(usedX, fanX) << level.name;
      EXPECT_LE(usedY, fanY) << level.name;
      tiling.push_back(factors);
    } else {
      EXPECT_EQ(spatial, directives.end()) << level.name;
    }
    auto temporal = directives.find({level.name, "temporal"});
    ASSERT_NE(temporal, directives.end()) << level.name;
    std::string order = temporal->second["permutation"];
    EXPECT_EQ(order.size(), dims.size()) << level.name;
    for (const std::string &dim : dims)
      EXPECT_NE(order.find(dim), std::string::npos) << level.name;
    tiling.push_back(parseFactors(temporal->second["factors"]));
    EXPECT_NE(directives.find({level.name, "bypass"}), directives.end());
  }

  // Timeloop's check: (((r_n - 1) f_{n-1} + r_{n-1} - 1) ... ) + 1 equals
  // the dimension, outermost level first.
  for (const std::string &name : dims) {
    char dim = name[0];
    int64_t covered = 0;
    for (size_t t = tiling.size(); t-- > 0;) {
      auto [end, residual] = tiling[t].count(dim)
                                 ? tiling[t][dim]
                                 : std::pair<int64_t, int64_t>{1, 1};
      ASSERT_GE(end, 1) << name;
      ASSERT_GE(residual, 1) << name;
      ASSERT_LE(residual, end) << name;
      covered = covered * end + residual - 1;
    }
    EXPECT_EQ(covered + 1, instance[name].get<int64_t>()) << name;
  }
}

/// The mapping directive of \p target and \p type ("temporal", ...).
Json directive(const TimeloopInput &input, const std::string &target,
               const std::string &type) {
  Json mapping = Json::parse(input.mapping);
  for (const Json &directive : mapping["mapping"])
    if (directive["target"] == target && directive["type"] == type)
      return directive;
  return Json();
}

/// A random layer without a fault: any class, strides, dilations, groups.
cost::Layer randomLayer(search::Random &rng) {
  while (true) {
    cost::Layer layer;
    layer.layerClass = static_cast<cost::LayerClass>(rng.uniform(0, 2));
    layer.groups = rng.chance(0.2) ? rng.uniform(2, 3) : 1;
    layer.n = layer.groups * rng.uniform(1, 2);
    layer.k = rng.uniform(1, 96);
    layer.c = rng.uniform(1, 96);
    if (layer.layerClass == cost::LayerClass::Gemm) {
      layer.y = rng.uniform(1, 200);
      layer.groups = 1;
      layer.n = 1;
    } else {
      layer.r = rng.uniform(1, 5);
      layer.s = rng.uniform(1, 5);
      layer.strideY = rng.uniform(1, 2);
      layer.strideX = rng.uniform(1, 2);
      layer.dilationY = rng.chance(0.2) ? 2 : 1;
      layer.dilationX = rng.chance(0.2) ? 2 : 1;
      layer.y = rng.uniform(layer.windowY(), 40);
      layer.x = rng.uniform(layer.windowX(), 40);
    }
    if (layer.layerClass == cost::LayerClass::DepthwiseConv)
      layer.k = 1;
    if (cost::findLayerFault(layer) == cost::LayerFault::None)
      return layer;
  }
}

std::string describe(const cost::Layer &layer, int sample) {
  return std::string(cost::layerClassName(layer.layerClass)) + " #" +
         std::to_string(sample) + " N" + std::to_string(layer.n) + " K" +
         std::to_string(layer.k) + " C" + std::to_string(layer.c) + " Y" +
         std::to_string(layer.y) + " X" + std::to_string(layer.x) + " R" +
         std::to_string(layer.r) + " S" + std::to_string(layer.s);
}

// A regular design, worked by hand: CONV K16 C16 8x8 (10x10 input) 3x3 on
// 16 PEs as 4 clusters of 4. Level 0 spreads K (tiles K4 C8 Y'4 X'8),
// level 1 spreads C (tiles K1 C2 Y'4 X'4).
TEST(TimeloopExport, RegularDesignWorkedByHand) {
  cost::Layer layer{cost::LayerClass::Conv, 1, 16, 16, 10, 10, 3, 3};
  cost::Hardware hw;
  hw.numPEs = 16;
  hw.l1Elements = 400;
  hw.l2Elements = 5000;
  cost::Mapping mapping;
  mapping.numLevels = 2;
  mapping.level(0).parallelDim = cost::Dim::K;
  mapping.level(0).tiles = {4, 8, 4, 8, 3, 3};
  mapping.level(1).parallelDim = cost::Dim::C;
  mapping.level(1).clusterSize = 4;
  mapping.level(1).tiles = {1, 2, 4, 4, 3, 3};
  std::string error;
  std::optional<TimeloopInput> input =
      exportTimeloop(layer, hw, mapping, error);
  ASSERT_TRUE(input) << error;
  expectConsistent(*input, hw, "regular");
  EXPECT_TRUE(input->warnings.empty());
  EXPECT_TRUE(input->notes.empty());

  Json instance = Json::parse(input->problem)["problem"]["instance"];
  EXPECT_EQ(instance["M"], 16);
  EXPECT_EQ(instance["C"], 16);
  EXPECT_EQ(instance["P"], 8);
  EXPECT_EQ(instance["Q"], 8);
  EXPECT_EQ(instance["R"], 3);
  EXPECT_EQ(instance["S"], 3);
  EXPECT_EQ(instance["N"], 1);

  // DRAM: K 16/(4x4 clusters) = 1, C 16/8, Y' 8/4, X' 8/8; loops
  // innermost first (order K C Y X R S reversed: R S P Q C M).
  EXPECT_EQ(directive(*input, "DRAM", "temporal")["factors"],
            "R=1 S=1 P=1 Q=2 C=2 M=1 N=1");
  EXPECT_EQ(directive(*input, "DRAM", "temporal")["permutation"], "RSPQCMN");
  EXPECT_EQ(directive(*input, "GlobalBuffer", "spatial")["factors"],
            "R=1 S=1 P=1 Q=1 C=1 M=4 N=1");
  EXPECT_EQ(directive(*input, "GlobalBuffer", "spatial")["split"], 0);
  // Level 1 within a cluster's K4 C8 Y'4 X'8 tile: C spread over 4 PEs
  // in tiles of 2 (8 / 8 = 1 fold), K 4, Y' 1, X' 2.
  EXPECT_EQ(directive(*input, "Cluster1", "temporal")["factors"],
            "R=1 S=1 P=2 Q=1 C=1 M=4 N=1");
  EXPECT_EQ(directive(*input, "Cluster1", "spatial")["factors"],
            "R=1 S=1 P=1 Q=1 C=4 M=1 N=1");
  EXPECT_EQ(directive(*input, "Cluster1", "spatial")["split"], 7);
  EXPECT_EQ(directive(*input, "PEBuffer", "temporal")["factors"],
            "R=3 S=3 P=4 Q=4 C=2 M=1 N=1");
  EXPECT_EQ(directive(*input, "Cluster1", "bypass")["keep"], Json::array());

  Json architecture = Json::parse(input->architecture);
  int64_t macs = 0;
  std::vector<StorageLevel> levels =
      storageLevels(architecture["architecture"], macs);
  ASSERT_EQ(levels.size(), 4u);
  EXPECT_EQ(levels[1].name, "GlobalBuffer");
  EXPECT_EQ(levels[2].instances, 4);
  EXPECT_EQ(levels[2].meshX, 1);
  EXPECT_EQ(levels[3].instances, 16);
  EXPECT_EQ(levels[3].meshX, 4);
  EXPECT_EQ(macs, 16);
  // Unbounded bandwidths are omitted; capacities are DiGamma's, whole
  // (Timeloop's model overlaps fills with compute by itself).
  std::string text = input->architecture;
  EXPECT_EQ(text.find("bandwidth"), std::string::npos);
  EXPECT_NE(text.find("\"depth\": 5000"), std::string::npos);
  EXPECT_NE(text.find("\"depth\": 400"), std::string::npos);
  EXPECT_EQ(text.find("multiple_buffering"), std::string::npos);
}

TEST(TimeloopExport, BandwidthsAreWordsPerCycle) {
  cost::Layer layer{cost::LayerClass::Conv, 1, 8, 8, 6, 6, 3, 3};
  cost::Hardware hw;
  hw.numPEs = 4;
  hw.bytesPerElement = 2;
  hw.offchipBandwidthBytes = 17;
  hw.nocBandwidthBytes = 64;
  cost::Mapping mapping;
  mapping.numLevels = 1;
  std::string error;
  std::optional<TimeloopInput> input =
      exportTimeloop(layer, hw, mapping, error);
  ASSERT_TRUE(input) << error;
  expectConsistent(*input, hw, "one level");
  Json root = Json::parse(input->architecture)["architecture"];
  const Json &system = root["subtree"][0];
  const Json &dram = system["local"][0]["attributes"];
  EXPECT_EQ(dram["word_bits"], 16);
  EXPECT_DOUBLE_EQ(dram["shared_bandwidth"].get<double>(), 8.5);
  EXPECT_FALSE(dram.contains("per_dataspace_bandwidth_consumption_scale"));
  const Json &buffer = system["subtree"][0]["local"][0]["attributes"];
  EXPECT_DOUBLE_EQ(buffer["shared_bandwidth"].get<double>(), 32.0);

  // A quantized layer: 1-byte inputs and weights, 4-byte outputs on a
  // 1-byte word.
  layer.inputBytes = 1;
  layer.weightBytes = 1;
  layer.outputBytes = 4;
  hw.bytesPerElement = 1;
  input = exportTimeloop(layer, hw, mapping, error);
  ASSERT_TRUE(input) << error;
  const Json scale = Json::parse(input->architecture)["architecture"]
                                ["subtree"][0]["local"][0]["attributes"]
                                ["per_dataspace_bandwidth_consumption_scale"];
  EXPECT_EQ(scale["Outputs"], 4.0);
  EXPECT_EQ(scale["Inputs"], 1.0);
  ASSERT_EQ(input->notes.size(), 1u);
  EXPECT_NE(input->notes[0].find("output elements have 4 bytes"),
            std::string::npos);
}

TEST(TimeloopExport, EdgesAreResidualsOrRoundedUpParents) {
  // CONV K6 C4, 7x7 outputs, 3x3 filters on 10 PEs, of which the mapping
  // uses 3 clusters of 3.
  // - Y' = 7 in level-0 tiles of 3 (3, 3, 1): DiGamma's top edge, which
  //   Timeloop's residuals say exactly.
  // - X' = 7 in level-0 tiles of 5 (5, 2), each in level-1 tiles of 2
  //   (2, 2, 1 and 2): a level-0 tile is no whole number of level-1 tiles,
  //   so it is rounded up to 6 (2, 2, 2 and 1), with a warning.
  // - C = 4 over 3 PEs in tiles of 2: two PEs busy (DiGamma's init edge).
  cost::Layer layer{cost::LayerClass::Conv, 1, 6, 4, 9, 9, 3, 3};
  cost::Hardware hw;
  hw.numPEs = 10;
  cost::Mapping mapping;
  mapping.numLevels = 2;
  mapping.level(0).parallelDim = cost::Dim::K;
  mapping.level(0).tiles = {2, 4, 3, 5, 3, 3};
  mapping.level(1).parallelDim = cost::Dim::C;
  mapping.level(1).clusterSize = 3;
  mapping.level(1).tiles = {1, 2, 1, 2, 3, 3};
  std::string error;
  std::optional<TimeloopInput> input =
      exportTimeloop(layer, hw, mapping, error);
  ASSERT_TRUE(input) << error;
  expectConsistent(*input, hw, "edges");
  EXPECT_EQ(directive(*input, "DRAM", "temporal")["factors"],
            "R=1 S=1 P=2 Q=3 C=1 M=1 N=1");
  EXPECT_EQ(directive(*input, "GlobalBuffer", "spatial")["factors"],
            "R=1 S=1 P=1 Q=1 C=1 M=3 N=1");
  EXPECT_EQ(directive(*input, "Cluster1", "temporal")["factors"],
            "R=1 S=1 P=3,1 Q=3,1 C=1 M=2 N=1");
  EXPECT_EQ(directive(*input, "Cluster1", "spatial")["factors"],
            "R=1 S=1 P=1 Q=1 C=2 M=1 N=1");
  EXPECT_EQ(directive(*input, "PEBuffer", "temporal")["factors"],
            "R=3 S=3 P=2,1 Q=1 C=2 M=1 N=1");
  ASSERT_EQ(input->warnings.size(), 1u);
  EXPECT_EQ(input->warnings[0],
            "level 0's X' tile (Timeloop P) of 5 is no whole number of "
            "level 1's tiles, which Timeloop needs below the top level; "
            "exported as 6");
  ASSERT_EQ(input->notes.size(), 1u);
  EXPECT_EQ(input->notes[0],
            "the hardware has 10 PEs and the mapping spreads over 9; "
            "Timeloop's array has only those (DiGamma counts the idle ones "
            "in area, not in time)");
}

TEST(TimeloopExport, InnerEdgesOfAWholeDimensionAreExact) {
  // Level 1 spreads K = 8 in tiles of 2 over 3 PEs: 3 tiles, then 1.
  // Timeloop: 2 steps of 3 PEs, the last step's spatial residual 1.
  cost::Layer layer{cost::LayerClass::Conv, 1, 8, 4, 4, 4, 1, 1};
  cost::Hardware hw;
  hw.numPEs = 3;
  cost::Mapping mapping;
  mapping.numLevels = 2;
  mapping.level(0).parallelDim = cost::Dim::C;
  mapping.level(0).tiles = {8, 4, 4, 4, 1, 1};
  mapping.level(1).parallelDim = cost::Dim::K;
  mapping.level(1).clusterSize = 3;
  mapping.level(1).tiles = {2, 4, 4, 4, 1, 1};
  std::string error;
  std::optional<TimeloopInput> input =
      exportTimeloop(layer, hw, mapping, error);
  ASSERT_TRUE(input) << error;
  expectConsistent(*input, hw, "inner spatial edge");
  EXPECT_EQ(directive(*input, "Cluster1", "spatial")["factors"],
            "R=1 S=1 P=1 Q=1 C=1 M=3,1 N=1");
  EXPECT_EQ(directive(*input, "Cluster1", "temporal")["factors"],
            "R=1 S=1 P=1 Q=1 C=1 M=2 N=1");
  EXPECT_EQ(directive(*input, "PEBuffer", "temporal")["factors"],
            "R=1 S=1 P=4 Q=4 C=4 M=2 N=1");
  EXPECT_TRUE(input->warnings.empty());
  EXPECT_TRUE(input->notes.empty());
}

TEST(TimeloopExport, GroupsAndDepthwise) {
  cost::Layer grouped{cost::LayerClass::Conv, 4, 8, 8, 6, 6, 3, 3};
  grouped.groups = 2;
  cost::Hardware hw;
  hw.numPEs = 4;
  cost::Mapping mapping;
  std::string error;
  std::optional<TimeloopInput> input =
      exportTimeloop(grouped, hw, mapping, error);
  ASSERT_TRUE(input) << error;
  expectConsistent(*input, hw, "grouped");
  Json problem = Json::parse(input->problem)["problem"];
  EXPECT_EQ(problem["instance"]["G"], 2);
  EXPECT_EQ(problem["instance"]["N"], 2);
  EXPECT_EQ(problem["shape"]["data_spaces"][0]["projection"][0][0][0], "G");

  cost::Layer depthwise{cost::LayerClass::DepthwiseConv, 1, 1, 32, 10, 10, 3,
                        3};
  mapping.level(0).parallelDim = cost::Dim::K; // read as C
  input = exportTimeloop(depthwise, hw, mapping, error);
  ASSERT_TRUE(input) << error;
  expectConsistent(*input, hw, "depthwise");
  problem = Json::parse(input->problem)["problem"];
  EXPECT_FALSE(problem["instance"].contains("M"));
  EXPECT_EQ(problem["shape"]["data_spaces"][2]["projection"][1][0][0], "C");
}

TEST(TimeloopExport, RejectsWhatTimeloopCannotRead) {
  cost::Hardware hw;
  hw.numPEs = 4;
  cost::Mapping mapping;
  mapping.numLevels = 2;
  mapping.level(1).clusterSize = 8;
  std::string error;
  cost::Layer layer{cost::LayerClass::Conv, 1, 8, 8, 6, 6, 3, 3};
  EXPECT_FALSE(exportTimeloop(layer, hw, mapping, error));
  EXPECT_EQ(error, "the cluster sizes of levels 1 to 1 need more than the 4 "
                   "PEs");

  mapping.level(1).clusterSize = 2;
  cost::Layer faulty{cost::LayerClass::Conv, 1, 8, 8, 2, 6, 3, 3};
  EXPECT_FALSE(exportTimeloop(faulty, hw, mapping, error));
  EXPECT_NE(error.find("filter"), std::string::npos) << error;

  cost::Layer huge{cost::LayerClass::Gemm, 1, int64_t(1) << 31, 1, 2};
  EXPECT_FALSE(exportTimeloop(huge, hw, mapping, error));
  EXPECT_NE(error.find("2^31 - 1"), std::string::npos) << error;

  mapping.level(0).tile(cost::Dim::C) = 0;
  EXPECT_FALSE(exportTimeloop(layer, hw, mapping, error));
  EXPECT_EQ(error, "level 0 has a C tile of 0");
}

// Many random mappings of the search's encoding (every level count, cluster
// shape, order and tile) on random layers of every class.
TEST(TimeloopExport, RandomMappingsMultiplyUpAndFit) {
  search::Random rng(2026);
  for (int sample = 0; sample < 2000; ++sample) {
    cost::Layer layer = randomLayer(rng);
    search::SearchOptions options;
    options.minLevels = 1;
    options.maxLevels = cost::kMaxLevels;
    search::SearchSpace space(layer, options);
    search::Individual individual;
    space.randomize(individual, rng);
    space.repair(individual);
    cost::Hardware hw;
    hw.numPEs = individual.numPEs;
    std::string error;
    std::optional<TimeloopInput> input =
        exportTimeloop(layer, hw, individual.mapping, error);
    ASSERT_TRUE(input) << describe(layer, sample) << ": " << error;
    expectConsistent(*input, hw, describe(layer, sample));
  }
}

// Designs the search chooses, with buffers sized to their mappings: the
// files are consistent and Timeloop's working sets fit DiGamma's buffers.
TEST(TimeloopExport, SearchedDesignsMultiplyUpAndFit) {
  search::Random rng(7);
  for (int sample = 0; sample < 24; ++sample) {
    cost::Layer layer = randomLayer(rng);
    search::SearchOptions options;
    options.samples = 300;
    options.threads = 1;
    options.seed = uint64_t(sample) + 1;
    options.maxLevels = sample % 2 ? 3 : 2;
    search::SearchResult result = search::runDiGamma(layer, options);
    ASSERT_TRUE(result.found) << describe(layer, sample) << result.message;
    std::string error;
    std::optional<TimeloopInput> input =
        exportTimeloop(layer, result.hardware, result.mapping, error);
    ASSERT_TRUE(input) << error;
    expectConsistent(*input, result.hardware, describe(layer, sample));
    // Timeloop counts some working sets (halos of a three-level spread)
    // a little above DiGamma's double-buffered sizing; the export warns at
    // the op then. The two models may differ by a few percent, no more.
    for (const std::string &warning : input->warnings) {
      size_t at = warning.find("working set of ");
      if (at == std::string::npos)
        continue;
      long long timeloopWords = 0, digammaWords = 0;
      ASSERT_EQ(std::sscanf(warning.c_str() + at,
                            "working set of %lld words exceeds the %lld",
                            &timeloopWords, &digammaWords),
                2)
          << warning;
      EXPECT_LE(double(timeloopWords), 1.05 * double(digammaWords))
          << describe(layer, sample) << ": " << warning;
    }
  }
}

} // namespace
