//===- PlatformTest.cpp - Tests of platform files and their use -----------===//

#include "digamma/Api/Designer.h"
#include "digamma/Api/Platform.h"
#include "digamma/Api/Request.h"

#include "gtest/gtest.h"

using namespace digamma;
using namespace digamma::api;

namespace {

/// parsePlatformText's message for \p text, or "" if it reads.
std::string parseError(const std::string &text) {
  PlatformSpec spec;
  return parsePlatformText(text, "p.json", spec).value_or("");
}

/// A valid file's text with \p fields (JSON members, comma-separated)
/// after the required ones.
std::string platformText(const std::string &extra = "",
                         const std::string &offchip = "8") {
  return R"({"name": "t", "source": "a test", "fields": {
  "area_mm2": {"value": 0.5, "source": "s"},
  "clock_ghz": {"value": 1.5, "source": "s"},
  "element_bytes": {"value": 2, "source": "s"},
  "offchip_bytes_per_cycle": {"value": )" +
         offchip + R"(, "source": "s"},
  "noc_bytes_per_cycle": {"value": "unbounded", "source": "s"},
  "mac_pj": {"value": 0.5, "source": "s"},
  "l1_access_pj": {"value": 1, "source": "s"},
  "l2_access_pj": {"value": 10, "source": "s"},
  "dram_pj_per_byte": {"value": 50, "source": "s"})" +
         extra + "}}";
}

TEST(Platforms, AFileIsItsFields) {
  PlatformSpec spec;
  ASSERT_FALSE(parsePlatformText(platformText(), "p.json", spec));
  EXPECT_EQ(spec.name, "t");
  EXPECT_EQ(spec.source, "a test");
  EXPECT_EQ(spec.areaMm2, 0.5);
  EXPECT_EQ(spec.clockGHz, 1.5);
  EXPECT_EQ(spec.elementBytes, 2);
  EXPECT_EQ(spec.offchipBytesPerCycle, 8);
  EXPECT_EQ(spec.nocBytesPerCycle, 0); // unbounded
  EXPECT_DOUBLE_EQ(spec.energy.macNJ, 0.0005);
  EXPECT_DOUBLE_EQ(spec.energy.l1AccessNJ, 0.001);
  EXPECT_DOUBLE_EQ(spec.energy.l2AccessNJ, 0.01);
  EXPECT_DOUBLE_EQ(spec.energy.offchipNJPerByte, 0.05);
  EXPECT_FALSE(spec.fixedHardware);

  ASSERT_FALSE(parsePlatformText(
      platformText(R"(,
  "num_pes": {"value": 12, "source": "s"},
  "array_rows": {"value": 3, "source": "s"},
  "array_columns": {"value": 4, "source": "s"},
  "l1_bytes": {"value": 64, "source": "s"},
  "l2_bytes": {"value": 4096, "source": "s"})"),
      "p.json", spec));
  ASSERT_TRUE(spec.fixedHardware);
  EXPECT_EQ(spec.fixedHardware->numPEs, 12);
  EXPECT_EQ(spec.fixedHardware->arrayRows, 3);
  EXPECT_EQ(spec.fixedHardware->arrayColumns, 4);
  EXPECT_EQ(spec.fixedHardware->l1Bytes, 64);
  EXPECT_EQ(spec.fixedHardware->l2Bytes, 4096);
}

TEST(Platforms, BadFilesNameTheFileAndTheField) {
  EXPECT_EQ(parseError("{\n  \"name\": \"x\"\n  \"fields\": {}\n}"),
            "p.json:3:10: invalid JSON: syntax error while parsing object - "
            "unexpected string literal; expected '}'");
  EXPECT_EQ(parseError("[1]"), "p.json: expected a JSON object");
  EXPECT_EQ(parseError(R"({"name": "x", "source": "s"})"),
            "p.json: field 'fields': missing");
  EXPECT_EQ(parseError(R"({"name": "a b", "source": "s", "fields": {}})"),
            "p.json: field 'name': 'a b' is not a name: up to 64 letters, "
            "digits, '_' and '-'");
  EXPECT_EQ(parseError(R"({"name": "x", "source": "s", "fields": {},
                           "extra": 1})"),
            "p.json: field 'extra': unknown field; the fields are name, "
            "source, fields");
  EXPECT_EQ(parseError(R"({"name": "x", "source": "s", "fields": {}})"),
            "p.json: fields: field 'area_mm2': missing");
  std::string text = platformText();
  std::string noSource = text;
  noSource.replace(noSource.find(R"("value": 0.5, "source": "s")"),
                   std::string(R"("value": 0.5, "source": "s")").size(),
                   R"("value": 0.5)");
  EXPECT_EQ(parseError(noSource),
            "p.json: field 'area_mm2': field 'source': missing");
  std::string blankSource = text;
  blankSource.replace(blankSource.find(R"("value": 0.5, "source": "s")"),
                      std::string(R"("value": 0.5, "source": "s")").size(),
                      R"("value": 0.5, "source": " ")");
  EXPECT_EQ(parseError(blankSource),
            "p.json: field 'area_mm2': field 'source': must say where the "
            "value comes from");
  EXPECT_EQ(parseError(platformText(R"(, "bandwidth": {"value": 1,
                                           "source": "s"})")),
            "p.json: fields: field 'bandwidth': unknown field; the fields "
            "are area_mm2, clock_ghz, element_bytes, "
            "offchip_bytes_per_cycle, noc_bytes_per_cycle, mac_pj, "
            "l1_access_pj, l2_access_pj, dram_pj_per_byte, num_pes, "
            "array_rows, array_columns, l1_bytes, l2_bytes");
  EXPECT_EQ(parseError(platformText("", "2.4")),
            "p.json: field 'offchip_bytes_per_cycle': field 'value': "
            "expected a whole number of bytes per cycle or \"unbounded\", "
            "got 2.4");
  EXPECT_EQ(parseError(platformText("", "0")),
            "p.json: field 'offchip_bytes_per_cycle': field 'value': "
            "expected an integer in [1, 1099511627776], got 0");
  EXPECT_EQ(parseError(platformText("", "\"fast\"")),
            "p.json: field 'offchip_bytes_per_cycle': field 'value': "
            "expected a whole number of bytes per cycle or \"unbounded\", "
            "got \"fast\"");
  std::string negative = text;
  negative.replace(negative.find("0.5"), 3, "-1");
  EXPECT_EQ(parseError(negative),
            "p.json: field 'area_mm2': field 'value': expected a number in "
            "[1e-09, 1e+06], got -1");
  EXPECT_EQ(parseError(platformText(R"(,
  "num_pes": {"value": 12, "source": "s"})")),
            "p.json: fields: field 'array_rows': missing: fixed hardware "
            "needs num_pes, array_rows, array_columns, l1_bytes and "
            "l2_bytes");
  EXPECT_EQ(parseError(platformText(R"(,
  "num_pes": {"value": 12, "source": "s"},
  "array_rows": {"value": 3, "source": "s"},
  "array_columns": {"value": 3, "source": "s"},
  "l1_bytes": {"value": 64, "source": "s"},
  "l2_bytes": {"value": 4096, "source": "s"})")),
            "p.json: fields: field 'array_rows': the array is 3 x 3 PEs, "
            "but num_pes is 12");

  PlatformSpec spec;
  EXPECT_EQ(readPlatformFile("/no/such/platform.json", spec).value_or(""),
            "/no/such/platform.json: cannot read the file");
}

TEST(Platforms, TheTestInputsReadAsTheirNamesSay) {
  // The lit tests' bad files (test/Transforms/Inputs/platforms).
  const std::string dir = DIGAMMA_TEST_PLATFORMS_DIR;
  PlatformSpec spec;
  EXPECT_FALSE(readPlatformFile(dir + "/tiny-dram.json", spec));
  EXPECT_EQ(spec.path, dir + "/tiny-dram.json");
  for (const char *bad :
       {"missing-field.json", "no-source.json", "unknown-field.json",
        "bad-bandwidth.json", "negative-area.json", "bad-shape.json",
        "half-fixed.json", "bad-name.json", "syntax.json"})
    EXPECT_TRUE(readPlatformFile(dir + "/" + bad, spec)) << bad;
}

TEST(Platforms, ThePapersPlatformsAreTheBuiltInFigures) {
  // edge and cloud: GAMMA's unbounded bandwidths, MAESTRO's energies, bit
  // for bit, so that every figure of the paper's reproduction stands.
  for (const char *name : {"edge", "cloud"}) {
    std::optional<PlatformSpec> spec = findPlatform(name);
    ASSERT_TRUE(spec) << name;
    EXPECT_EQ(spec->offchipBytesPerCycle, 0);
    EXPECT_EQ(spec->nocBytesPerCycle, 0);
    EXPECT_EQ(spec->elementBytes, 1);
    cost::EnergyConstants builtIn;
    EXPECT_EQ(spec->energy.macNJ, builtIn.macNJ);
    EXPECT_EQ(spec->energy.l1AccessNJ, builtIn.l1AccessNJ);
    EXPECT_EQ(spec->energy.l2AccessNJ, builtIn.l2AccessNJ);
    EXPECT_EQ(spec->energy.offchipNJPerByte, builtIn.offchipNJPerByte);
    EXPECT_FALSE(spec->fixedHardware);
  }
  EXPECT_EQ(findPlatform("edge-lpddr4")->offchipBytesPerCycle, 17);
  EXPECT_EQ(findPlatform("edge-lpddr4")->energy.offchipNJPerByte,
            cost::kLpddr4NJPerByte);
  EXPECT_EQ(findPlatform("cloud-hbm2")->offchipBytesPerCycle, 256);
  EXPECT_EQ(findPlatform("cloud-hbm2")->energy.offchipNJPerByte,
            cost::kHbm2NJPerByte);
  std::optional<PlatformSpec> eyeriss = findPlatform("eyeriss");
  ASSERT_TRUE(eyeriss && eyeriss->fixedHardware);
  EXPECT_EQ(eyeriss->fixedHardware->numPEs, 168);
  EXPECT_EQ(eyeriss->elementBytes, 2);
  // Its area is its fixed hardware's in the paper's area model.
  const FixedPlatformHardware &chip = *eyeriss->fixedHardware;
  double area = cost::digammaAreaBytesUm2(chip.numPEs, chip.l1Bytes,
                                          chip.l2Bytes);
  EXPECT_LE(area, eyeriss->areaMm2 * 1e6);
  EXPECT_GT(area, eyeriss->areaMm2 * 1e6 - 100);
}

TEST(Platforms, APlanTakesThePlatformsFigures) {
  Request request;
  request.layers.push_back({conv2d(32, 16, 18, 18, 3, 3)});
  request.platform = "edge-lpddr4";
  SearchPlan plan;
  ASSERT_FALSE(planSearch(request, plan));
  EXPECT_EQ(plan.options.areaBudgetUm2, 0.2e6);
  EXPECT_EQ(cost::offchipBytesPerCycle(plan.options.fixedHardware), 17);
  EXPECT_EQ(cost::nocBytesPerCycle(plan.options.fixedHardware), 64);
  EXPECT_EQ(plan.options.model.energy.offchipNJPerByte,
            cost::kLpddr4NJPerByte);
  EXPECT_FALSE(plan.options.model.acceptUnsoundMaestro);

  // Options override the platform's bandwidths.
  request.options.offchipBandwidth = 5;
  request.options.nocBandwidth = 9;
  request.options.acceptUnsoundMaestro = true;
  ASSERT_FALSE(planSearch(request, plan));
  EXPECT_EQ(cost::offchipBytesPerCycle(plan.options.fixedHardware), 5);
  EXPECT_EQ(cost::nocBytesPerCycle(plan.options.fixedHardware), 9);
  EXPECT_TRUE(plan.options.model.acceptUnsoundMaestro);
  request.options.offchipBandwidth = -1;
  SearchPlan bad;
  EXPECT_EQ(planSearch(request, bad).value_or(""),
            "offchip-bandwidth must not be negative, got -1");
  request.options.offchipBandwidth = 0;
  request.options.nocBandwidth = -2;
  EXPECT_EQ(planSearch(request, bad).value_or(""),
            "noc-bandwidth must not be negative, got -2");

  // The paper's edge stays unbounded.
  request = Request();
  request.layers.push_back({conv2d(32, 16, 18, 18, 3, 3)});
  ASSERT_FALSE(planSearch(request, plan));
  EXPECT_TRUE(cost::isOffchipUnbounded(plan.options.fixedHardware));
  EXPECT_TRUE(cost::isNocUnbounded(plan.options.fixedHardware));

  // A platform file replaces the platform; a bad one is the file's
  // message.
  request.platformFile =
      std::string(DIGAMMA_TEST_PLATFORMS_DIR) + "/tiny-dram.json";
  ASSERT_FALSE(planSearch(request, plan));
  EXPECT_EQ(plan.platform.name, "tiny-dram");
  EXPECT_EQ(cost::offchipBytesPerCycle(plan.options.fixedHardware), 8);
  request.platformFile =
      std::string(DIGAMMA_TEST_PLATFORMS_DIR) + "/bad-bandwidth.json";
  EXPECT_EQ(planSearch(request, bad).value_or(""),
            request.platformFile +
                ": field 'offchip_bytes_per_cycle': field 'value': expected "
                "a whole number of bytes per cycle or \"unbounded\", got "
                "2.4");
}

TEST(Platforms, ElementBytesZeroTakesThePlatforms) {
  Request request;
  request.layers.push_back({conv2d(32, 16, 18, 18, 3, 3)});
  request.options.elementBytes = 0;
  request.platform = "eyeriss";
  SearchPlan plan;
  ASSERT_FALSE(planSearch(request, plan));
  EXPECT_EQ(plan.elementBytesOf(0), 2);
  // A layer's own size comes first.
  EXPECT_EQ(plan.elementBytesOf(4), 4);
  request.options.elementBytes = 1;
  ASSERT_FALSE(planSearch(request, plan));
  EXPECT_EQ(plan.elementBytesOf(4), 1);
}

TEST(Platforms, EyerissIsFixedHardware) {
  Request request;
  request.layers.push_back({conv2d(64, 32, 30, 30, 3, 3)});
  request.platform = "eyeriss";
  request.options.elementBytes = 0;
  request.options.mode = search::Mode::FixedHW;
  request.options.samples = 600;
  SearchPlan plan;
  ASSERT_FALSE(planSearch(request, plan));
  EXPECT_EQ(plan.fixedHardware.numPEs, 168);
  EXPECT_EQ(plan.fixedHardware.l1Bytes, 520);
  EXPECT_EQ(plan.fixedHardware.l2Bytes, 110592);
  search::SearchResult result = searchLayer(plan, request.layers[0]);
  ASSERT_TRUE(result.found) << result.message;
  EXPECT_EQ(result.hardware.numPEs, 168);
  // 2-byte words: 260 L1 and 55,296 L2 elements, the 12 x 14 array.
  EXPECT_EQ(result.hardware.l1Elements, 260);
  EXPECT_EQ(result.hardware.l2Elements, 55296);
  ASSERT_EQ(result.mapping.numLevels, 2);
  EXPECT_EQ(result.mapping.level(1).clusterSize, 14);
  EXPECT_LE(result.cost.l1Bytes, 520);
  EXPECT_LE(result.cost.l2Bytes, 110592);
  // The DRAM link limits it: at least the off-chip bytes over 2 B/cycle.
  EXPECT_GE(result.cost.cycles, result.cost.offchipBytes / 2);
  EXPECT_GT(result.cost.offchipBytes, 0);

  // A level range with two levels in it searches two; one without cannot
  // hold the array.
  request.options.maxLevels = 3;
  ASSERT_FALSE(planSearch(request, plan));
  EXPECT_EQ(plan.options.minLevels, 2);
  EXPECT_EQ(plan.options.maxLevels, 2);
  request.options.minLevels = request.options.maxLevels = 3;
  EXPECT_EQ(planSearch(request, plan).value_or(""),
            "platform eyeriss's 12 x 14 PE array takes two mapping levels; "
            "it needs min-levels <= 2 <= max-levels");
  request.options.minLevels = 2;

  // The dataflow's hardware grid stays within the chip's PEs and area.
  request.options.maxLevels = 2;
  request.options.mode = search::Mode::FixedMapping;
  request.options.dataflow = "eyeriss";
  ASSERT_FALSE(planSearch(request, plan));
  EXPECT_EQ(plan.options.peLimit, 168);
  result = searchLayer(plan, request.layers[0]);
  ASSERT_TRUE(result.found) << result.message;
  EXPECT_LE(result.hardware.numPEs, 168);
  EXPECT_LE(result.areaUm2, findPlatform("eyeriss")->areaMm2 * 1e6);
}

} // namespace
