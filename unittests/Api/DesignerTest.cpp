//===- DesignerTest.cpp - Tests of the C++ design API ---------------------===//

#include "digamma/Api/Designer.h"

#include "gtest/gtest.h"

#include <cmath>

using namespace digamma;
using namespace digamma::api;

namespace {

Options smallOptions() {
  Options options;
  options.samples = 2000;
  options.seed = 3;
  return options;
}

/// Every figure a caller reads, compared one by one.
void expectSameDesign(const Design &a, const Design &b) {
  ASSERT_EQ(a.found, b.found);
  EXPECT_EQ(a.error, b.error);
  EXPECT_EQ(a.hardware.numPEs, b.hardware.numPEs);
  EXPECT_EQ(a.hardware.l1Elements, b.hardware.l1Elements);
  EXPECT_EQ(a.hardware.l2Elements, b.hardware.l2Elements);
  EXPECT_EQ(a.peArrayShape, b.peArrayShape);
  EXPECT_EQ(a.l1Bytes, b.l1Bytes);
  EXPECT_EQ(a.l2Bytes, b.l2Bytes);
  EXPECT_EQ(a.areaUm2, b.areaUm2);
  ASSERT_EQ(a.mapping.numLevels, b.mapping.numLevels);
  for (int l = 0; l < a.mapping.numLevels; ++l) {
    EXPECT_EQ(a.mapping.level(l).parallelDim, b.mapping.level(l).parallelDim);
    EXPECT_EQ(a.mapping.level(l).clusterSize, b.mapping.level(l).clusterSize);
    EXPECT_EQ(a.mapping.level(l).order, b.mapping.level(l).order);
    EXPECT_EQ(a.mapping.level(l).tiles, b.mapping.level(l).tiles);
  }
  EXPECT_EQ(a.cost.cycles, b.cost.cycles);
  EXPECT_EQ(a.cost.energyNJ, b.cost.energyNJ);
  EXPECT_EQ(a.objectiveValue, b.objectiveValue);
  EXPECT_EQ(a.samplesUsed, b.samplesUsed);
}

int64_t layerMacs(const Layer &layer) {
  return layer.n * layer.k * layer.c * layer.outY() * layer.outX() * layer.r *
         layer.s;
}

//===----------------------------------------------------------------------===//
// Layers and budgets
//===----------------------------------------------------------------------===//

TEST(DesignerLayers, FactoriesFillTheCanonicalLayer) {
  Layer conv = conv2d(64, 32, 58, 30, 3, 5, /*stride=*/2, /*batch=*/4);
  EXPECT_EQ(conv.layerClass, cost::LayerClass::Conv);
  EXPECT_EQ(conv.n, 4);
  EXPECT_EQ(conv.k, 64);
  EXPECT_EQ(conv.c, 32);
  EXPECT_EQ(conv.y, 58);
  EXPECT_EQ(conv.x, 30);
  EXPECT_EQ(conv.r, 3);
  EXPECT_EQ(conv.s, 5);
  EXPECT_EQ(conv.strideY, 2);
  EXPECT_EQ(conv.strideX, 2);
  EXPECT_EQ(conv.outY(), 28);

  Layer depthwise = depthwiseConv2d(96, 114, 114, 3, 3);
  EXPECT_EQ(depthwise.layerClass, cost::LayerClass::DepthwiseConv);
  EXPECT_EQ(depthwise.k, 1);
  EXPECT_EQ(depthwise.c, 96);

  // (M x K) * (K x N) as GAMMA writes it: K := N, C := K, Y := M.
  Layer matmul = gemm(/*m=*/128, /*n=*/256, /*k=*/64, /*batch=*/2);
  EXPECT_EQ(matmul.layerClass, cost::LayerClass::Gemm);
  EXPECT_EQ(matmul.k, 256);
  EXPECT_EQ(matmul.c, 64);
  EXPECT_EQ(matmul.y, 128);
  EXPECT_EQ(matmul.x, 1);
  EXPECT_EQ(matmul.r, 1);
  EXPECT_EQ(matmul.s, 1);
  EXPECT_EQ(matmul.n, 2);
}

TEST(DesignerLayers, PlatformBudgetsAreThePassPresets) {
  EXPECT_EQ(Budget::forPlatform(Platform::Edge).areaMm2, 0.2);
  EXPECT_EQ(Budget::forPlatform(Platform::Cloud).areaMm2, 7.0);
  EXPECT_EQ(Budget::ofArea(1.5).areaMm2, 1.5);
  EXPECT_EQ(Budget().areaMm2, kEdgeAreaMm2);
}

//===----------------------------------------------------------------------===//
// findDesign
//===----------------------------------------------------------------------===//

TEST(Designer, IsTheSearchWithThePassTranslation) {
  Layer layer = conv2d(64, 32, 30, 30, 3, 3);
  Options options = smallOptions();
  options.objective = search::Objective::EDP;
  options.elementBytes = 4;
  Budget budget = Budget::ofArea(0.5);
  budget.peLimit = 128;
  Design design = findDesign(layer, budget, options);
  ASSERT_TRUE(design.found) << design.error;

  // The options --digamma-co-optimize builds for the same op and options.
  search::SearchOptions direct;
  direct.objective = search::Objective::EDP;
  direct.areaBudgetUm2 = 0.5e6;
  direct.peLimit = 128;
  direct.samples = 2000;
  direct.seed = 3;
  direct.threads = 1;
  direct.bytesPerElement = 4;
  direct.fixedHardware.bytesPerElement = 4;
  direct.maxLevels = 3; // the pass's default range
  search::SearchResult expected = search::runDiGamma(layer, direct);
  ASSERT_TRUE(expected.found);
  EXPECT_EQ(design.hardware.numPEs, expected.hardware.numPEs);
  EXPECT_EQ(design.cost.cycles, expected.cost.cycles);
  EXPECT_EQ(design.cost.energyNJ, expected.cost.energyNJ);
  EXPECT_EQ(design.areaUm2, expected.areaUm2);
  EXPECT_EQ(design.objectiveValue, expected.objectiveValue);
  for (int l = 0; l < expected.mapping.numLevels; ++l)
    EXPECT_EQ(design.mapping.level(l).tiles, expected.mapping.level(l).tiles);
}

TEST(Designer, DeterministicForASeedWhateverTheThreadCount) {
  Layer layer = conv2d(128, 64, 30, 30, 3, 3);
  Options options = smallOptions();
  options.samples = 4000;
  Budget budget = Budget::forPlatform(Platform::Edge);
  Design first = findDesign(layer, budget, options);
  ASSERT_TRUE(first.found) << first.error;
  expectSameDesign(first, findDesign(layer, budget, options));
  options.threads = 3;
  expectSameDesign(first, findDesign(layer, budget, options));
  options.threads = 0;
  expectSameDesign(first, findDesign(layer, budget, options));
}

// An i8 x i8 -> i32 layer with the tensors' own sizes: 4-byte words, the
// buffers and the area at each tensor's size.
TEST(Designer, TensorsKeepTheirOwnElementSizes) {
  Layer layer = conv2d(64, 32, 30, 30, 3, 3);
  layer.inputBytes = layer.weightBytes = 1;
  layer.outputBytes = 4;
  Options options = smallOptions();
  options.elementBytes = 0;
  Design design = findDesign(layer, Budget::ofArea(0.2), options);
  ASSERT_TRUE(design.found) << design.error;
  EXPECT_EQ(design.hardware.bytesPerElement, 4);
  EXPECT_EQ(design.l1Bytes, design.cost.l1Bytes);
  EXPECT_EQ(design.l2Bytes, design.cost.l2Bytes);
  // L2 holds 1-byte input and weight tiles next to the 4-byte outputs.
  EXPECT_LT(design.l2Bytes, design.cost.l2Elements * 4);
  EXPECT_GT(design.l2Bytes, design.cost.l2Elements);
  EXPECT_DOUBLE_EQ(design.areaUm2,
                   cost::digammaAreaBytesUm2(design.hardware.numPEs,
                                             design.l1Bytes, design.l2Bytes));
}

TEST(Designer, DesignFitsTheBudgetAndComputesTheLayer) {
  Layer layer = conv2d(64, 64, 58, 58, 3, 3, /*stride=*/1, /*batch=*/2);
  Options options = smallOptions();
  options.elementBytes = 2;
  Budget budget = Budget::ofArea(0.3);
  budget.peLimit = 200;
  Design design = findDesign(layer, budget, options);
  ASSERT_TRUE(design.found) << design.error;
  EXPECT_TRUE(design.error.empty());
  EXPECT_TRUE(design.cost.valid);
  EXPECT_EQ(design.cost.macs, layerMacs(layer));
  EXPECT_GE(design.hardware.numPEs, 1);
  EXPECT_LE(design.hardware.numPEs, 200);
  EXPECT_LE(design.areaUm2, 0.3e6);
  // The area is DiGamma's of the PEs and the buffers the mapping needs.
  EXPECT_DOUBLE_EQ(design.areaUm2,
                   cost::digammaAreaUm2(design.hardware.numPEs,
                                        design.cost.l1Elements,
                                        design.cost.l2Elements, 2));
  EXPECT_EQ(design.l1Bytes, design.cost.l1Elements * 2);
  EXPECT_EQ(design.l2Bytes, design.cost.l2Elements * 2);
  EXPECT_EQ(design.hardware.bytesPerElement, 2);
  EXPECT_GE(design.cost.cycles, layerMacs(layer) / design.hardware.numPEs);
  // One array extent per level, their product within the PE count.
  ASSERT_EQ(static_cast<int>(design.peArrayShape.size()),
            design.mapping.numLevels);
  int64_t product = 1;
  for (int64_t extent : design.peArrayShape) {
    EXPECT_GE(extent, 1);
    product *= extent;
  }
  EXPECT_LE(product, design.hardware.numPEs);
  EXPECT_EQ(design.samplesUsed, 2000);
  // The bound: the PE limit (200, below the area's 1063 PEs), the default
  // three levels, the batch.
  ASSERT_TRUE(design.bound.valid);
  EXPECT_EQ(design.bound.maxPEs, 200);
  EXPECT_EQ(design.bound.maxLevels, 3);
  EXPECT_EQ(design.bound.peCycles, 2 * ((layerMacs(layer) / 2 + 199) / 200));
  EXPECT_GE(design.bound.cycles, design.bound.peCycles);
  EXPECT_LE(design.bound.cycles, design.cost.cycles);
}

// The bound follows the options: fixed hardware's PE count and SIMD lanes,
// a fixed mapping's level count.
TEST(Designer, TheBoundIsTheRequestsOwn) {
  Layer layer = conv2d(64, 32, 30, 30, 3, 3);
  Options options = smallOptions();
  options.mode = search::Mode::FixedHW;
  options.fixedHardware = {48, 512, 1 << 20};
  Design fixed = findDesign(layer, Budget(), options);
  ASSERT_TRUE(fixed.found) << fixed.error;
  EXPECT_EQ(fixed.bound.maxPEs, 48);
  EXPECT_EQ(fixed.bound.cycles,
            cost::cycleBound(layer, 48, options.maxLevels).cycles);
  EXPECT_LE(fixed.bound.cycles, fixed.cost.cycles);

  options = smallOptions();
  options.minLevels = 1;
  options.maxLevels = 1;
  Design one = findDesign(layer, Budget::ofArea(7.0), options);
  ASSERT_TRUE(one.found) << one.error;
  // One level spreads K (64): 32 * 28 * 28 * 9 MACs per PE.
  EXPECT_EQ(one.bound.cycles, 32 * 28 * 28 * 9);
  EXPECT_EQ(one.bound.limitedBy, cost::BoundLimit::Parallelism);
  options.mode = search::Mode::FixedMapping;
  options.maxLevels = 3;
  options.fixedMapping = one.mapping;
  Design mapped = findDesign(layer, Budget::ofArea(7.0), options);
  ASSERT_TRUE(mapped.found) << mapped.error;
  EXPECT_EQ(mapped.bound.maxLevels, 1);
  EXPECT_EQ(mapped.bound.cycles, one.bound.cycles);
}

TEST(Designer, GemmAndDepthwiseAndRandomSearch) {
  Options options = smallOptions();
  Design matmul = findDesign(gemm(64, 128, 32), Budget(), options);
  ASSERT_TRUE(matmul.found) << matmul.error;
  EXPECT_EQ(matmul.cost.macs, 64 * 128 * 32);

  Design depthwise =
      findDesign(depthwiseConv2d(32, 30, 30, 3, 3), Budget(), options);
  ASSERT_TRUE(depthwise.found) << depthwise.error;
  EXPECT_EQ(depthwise.cost.macs, 32 * 28 * 28 * 9);

  options.algorithm = search::Algorithm::Random;
  Design random = findDesign(gemm(64, 128, 32), Budget(), options);
  ASSERT_TRUE(random.found) << random.error;
  EXPECT_EQ(random.cost.macs, 64 * 128 * 32);
  EXPECT_EQ(random.samplesUsed, 2000);
}

TEST(Designer, FixedHardwareSearchesTheMappingOnly) {
  Options options = smallOptions();
  options.mode = search::Mode::FixedHW;
  options.elementBytes = 2;
  options.fixedHardware.numPEs = 64;
  options.fixedHardware.l1Bytes = 512;
  options.fixedHardware.l2Bytes = 1 << 20;
  Design design = findDesign(conv2d(64, 32, 30, 30, 3, 3), Budget(), options);
  ASSERT_TRUE(design.found) << design.error;
  EXPECT_EQ(design.hardware.numPEs, 64);
  EXPECT_EQ(design.hardware.l1Elements, 256);
  EXPECT_EQ(design.hardware.l2Elements, (1 << 20) / 2);
  EXPECT_LE(design.cost.l1Elements, 256);
}

TEST(Designer, FixedMappingKeepsTheMapping) {
  Layer layer = conv2d(64, 32, 30, 30, 3, 3);
  Options options = smallOptions();
  Design coOpt = findDesign(layer, Budget(), options);
  ASSERT_TRUE(coOpt.found) << coOpt.error;

  options.mode = search::Mode::FixedMapping;
  options.fixedMapping = coOpt.mapping;
  Design design = findDesign(layer, Budget(), options);
  ASSERT_TRUE(design.found) << design.error;
  ASSERT_EQ(design.mapping.numLevels, coOpt.mapping.numLevels);
  for (int l = 0; l < design.mapping.numLevels; ++l) {
    EXPECT_EQ(design.mapping.level(l).tiles, coOpt.mapping.level(l).tiles);
    EXPECT_EQ(design.mapping.level(l).order, coOpt.mapping.level(l).order);
    EXPECT_EQ(design.mapping.level(l).parallelDim,
              coOpt.mapping.level(l).parallelDim);
  }
}

//===----------------------------------------------------------------------===//
// Bad input
//===----------------------------------------------------------------------===//

/// The error of a search that must fail.
std::string errorOf(const Layer &layer, const Budget &budget,
                    const Options &options) {
  Design design = findDesign(layer, budget, options);
  EXPECT_FALSE(design.found);
  return design.error;
}

TEST(DesignerErrors, BadLayers) {
  Options options = smallOptions();
  EXPECT_EQ(errorOf(conv2d(64, 0, 30, 30, 3, 3), Budget(), options),
            "every layer extent must be positive, got N=1 K=64 C=0 Y=30 "
            "X=30 R=3 S=3");
  EXPECT_EQ(
      errorOf(conv2d(64, 8, 30, 30, 3, 3, 1, /*batch=*/-1), Budget(), options),
      "every layer extent must be positive, got N=-1 K=64 C=8 Y=30 "
      "X=30 R=3 S=3");
  EXPECT_EQ(
      errorOf(conv2d(64, 8, 30, 30, 3, 3, /*stride=*/0), Budget(), options),
      "the layer's strides must be positive, got 0x0");
  EXPECT_EQ(errorOf(conv2d(64, 8, 2, 30, 3, 3), Budget(), options),
            "the layer's filter (3x3) is larger than its input (2x30)");
  Layer depthwise = depthwiseConv2d(32, 30, 30, 3, 3);
  depthwise.k = 4;
  EXPECT_EQ(errorOf(depthwise, Budget(), options),
            "a depthwise layer has K = 1 (fold a channel multiplier into "
            "C), got K=4");
}

TEST(DesignerErrors, BadBudgetsAndOptions) {
  Layer layer = conv2d(64, 32, 30, 30, 3, 3);
  Options options = smallOptions();
  // An area of 0 takes the platform's, as the pass's area-budget=0 does.
  Design zero = findDesign(layer, Budget::ofArea(0), options);
  ASSERT_TRUE(zero.found) << zero.error;
  expectSameDesign(zero, findDesign(layer, Budget(), options));
  EXPECT_EQ(errorOf(layer, Budget::ofArea(-2), options),
            "area-budget must be a positive number of mm^2, got -2");
  EXPECT_EQ(errorOf(layer, Budget::ofArea(std::nan("")), options)
                .rfind("area-budget must be a positive number", 0),
            0u);
  Budget negativeLimit;
  negativeLimit.peLimit = -1;
  EXPECT_EQ(errorOf(layer, negativeLimit, options),
            "pe-limit must not be negative, got -1");

  // element-bytes=0 takes the layer's own size, and for a layer without
  // one the platform's (edge: 1 byte, INT8).
  Options bad = options;
  bad.elementBytes = 0;
  Options oneByte = options;
  oneByte.elementBytes = 1;
  expectSameDesign(findDesign(layer, Budget(), bad),
                   findDesign(layer, Budget(), oneByte));
  bad.elementBytes = -1;
  EXPECT_EQ(errorOf(layer, Budget(), bad),
            "element-bytes must not be negative, got -1");
  bad = options;
  bad.samples = 0;
  EXPECT_EQ(errorOf(layer, Budget(), bad), "samples must be positive, got 0");
  bad = options;
  bad.population = -3;
  EXPECT_EQ(errorOf(layer, Budget(), bad),
            "population must not be negative, got -3");
  bad = options;
  bad.minLevels = 3;
  bad.maxLevels = 2;
  EXPECT_EQ(errorOf(layer, Budget(), bad),
            "levels must satisfy 1 <= min-levels <= max-levels <= 3");
  bad = options;
  bad.mode = search::Mode::FixedHW;
  bad.fixedHardware.numPEs = 16;
  EXPECT_EQ(errorOf(layer, Budget(), bad),
            "mode=fixed-hw needs positive num-pes, l1-bytes and l2-bytes "
            "(got 16, 0, 0)");
  bad.mode = search::Mode::CoOpt;
  EXPECT_EQ(errorOf(layer, Budget(), bad),
            "num-pes, l1-bytes and l2-bytes describe fixed hardware and need "
            "mode=fixed-hw");
  bad = options;
  bad.fixedMapping = cost::Mapping();
  EXPECT_EQ(errorOf(layer, Budget(), bad),
            "a fixed mapping needs mode=fixed-mapping");
  bad = options;
  bad.mode = search::Mode::FixedMapping;
  EXPECT_EQ(errorOf(layer, Budget(), bad),
            "fixed-mapping mode needs a mapping");
}

TEST(DesignerErrors, MaestroSemanticsRejectBatchAndStride) {
  Options options = smallOptions();
  options.semantics = cost::Semantics::Maestro;
  EXPECT_EQ(
      errorOf(conv2d(64, 8, 31, 31, 3, 3, /*stride=*/2), Budget(), options),
      "maestro semantics model batch 1 and stride 1 only (as MAESTRO "
      "does), got N=1 stride=2x2; use sound semantics");
  EXPECT_EQ(errorOf(gemm(64, 32, 16, /*batch=*/4), Budget(), options),
            "maestro semantics model batch 1 and stride 1 only (as MAESTRO "
            "does), got N=4 stride=1x1; use sound semantics");
  Design design = findDesign(conv2d(64, 8, 30, 30, 3, 3), Budget(), options);
  EXPECT_TRUE(design.found) << design.error;
}

TEST(DesignerErrors, NoDesignFitsNamesTheSmallestArea) {
  Options options = smallOptions();
  std::string error =
      errorOf(conv2d(64, 32, 30, 30, 3, 3), Budget::ofArea(1e-4), options);
  EXPECT_NE(error.find("no design fits the area budget of 100 um^2"),
            std::string::npos)
      << error;
  EXPECT_NE(error.find("the smallest feasible area is"), std::string::npos)
      << error;
}

//===----------------------------------------------------------------------===//
// Text
//===----------------------------------------------------------------------===//

TEST(DesignerText, NamesRoundTrip) {
  for (search::Objective objective :
       {search::Objective::Latency, search::Objective::Energy,
        search::Objective::EDP, search::Objective::LatencyArea,
        search::Objective::Power, search::Objective::Area})
    EXPECT_EQ(parseObjective(objectiveName(objective)), objective);
  EXPECT_EQ(parseObjective("lap"), search::Objective::LatencyArea);
  EXPECT_FALSE(parseObjective("speed"));
  EXPECT_EQ(parseMode("fixed-hw"), search::Mode::FixedHW);
  EXPECT_EQ(parseMode("co-opt"), search::Mode::CoOpt);
  EXPECT_EQ(parseMode("fixed-mapping"), search::Mode::FixedMapping);
  EXPECT_FALSE(parseMode("coopt"));
  EXPECT_EQ(parseSemantics("maestro"), cost::Semantics::Maestro);
  EXPECT_EQ(parseSemantics("sound"), cost::Semantics::Sound);
  EXPECT_FALSE(parseSemantics("exact"));
  EXPECT_EQ(parsePlatform("cloud"), Platform::Cloud);
  EXPECT_EQ(parsePlatform("edge"), Platform::Edge);
  EXPECT_FALSE(parsePlatform("mobile"));
}

TEST(DesignerText, FormatDesignShowsHardwareMappingAndCost) {
  Layer layer = gemm(64, 128, 32);
  Design design = findDesign(layer, Budget(), smallOptions());
  ASSERT_TRUE(design.found) << design.error;
  std::string text = formatDesign(layer, design);
  EXPECT_EQ(text.rfind("layer: gemm N=1 K=128 C=32 Y=64 X=1 R=1 S=1 "
                       "stride=1x1\n",
                       0),
            0u)
      << text;
  EXPECT_NE(text.find("hardware: " + std::to_string(design.hardware.numPEs) +
                      " PEs as ["),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("level 0: parallel "), std::string::npos) << text;
  EXPECT_NE(text.find("level 1: parallel "), std::string::npos) << text;
  EXPECT_NE(text.find("cost: cycles=" + std::to_string(design.cost.cycles) +
                      " macs=262144"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("bound: cycles=" + std::to_string(design.bound.cycles) +
                      " (gap "),
            std::string::npos)
      << text;

  Design failed = findDesign(layer, Budget::ofArea(-1), smallOptions());
  EXPECT_NE(formatDesign(layer, failed)
                .find("error: area-budget must be a positive number"),
            std::string::npos);
}

} // namespace
