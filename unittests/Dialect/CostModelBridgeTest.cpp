//===- CostModelBridgeTest.cpp - Tests of the cost-model bridge -----------===//
//
// Converts parsed digamma attributes to cost-model structs and back.
//
//===----------------------------------------------------------------------===//

#include "digamma/Transforms/CostModelBridge.h"
#include "digamma/Dialect/Digamma/IR/DigammaDialect.h"

#include "mlir/AsmParser/AsmParser.h"
#include "mlir/IR/MLIRContext.h"

#include <gtest/gtest.h>

using namespace mlir;
using namespace digamma;

namespace {

class CostModelBridgeTest : public ::testing::Test {
protected:
  CostModelBridgeTest() { ctx.loadDialect<DigammaDialect>(); }

  template <typename AttrT> AttrT parse(StringRef text) {
    return dyn_cast_or_null<AttrT>(parseAttribute(text, &ctx));
  }

  MLIRContext ctx;
};

TEST_F(CostModelBridgeTest, StridedConvBecomesCanonicalLayer) {
  auto nest = parse<LoopNestAttr>(
      "#digamma.loop_nest<conv, dims = [n: 2 parallel N, f: 64 parallel K, "
      "oh: 112 parallel Y, ow: 56 parallel X, c: 3 reduction C, "
      "kh: 7 window R, kw: 5 window S], strides = [2, 3], "
      "dilations = [1, 1], operands = [(n, c, oh * 2 + kh, ow * 3 + kw) : 4, "
      "(f, c, kh, kw) : 4, (n, f, oh, ow) : 4]>");
  ASSERT_TRUE(nest);
  FailureOr<cost::Layer> layer = toCostLayer(nest);
  ASSERT_TRUE(succeeded(layer));
  EXPECT_EQ(layer->layerClass, cost::LayerClass::Conv);
  EXPECT_EQ(layer->n, 2);
  EXPECT_EQ(layer->k, 64);
  EXPECT_EQ(layer->c, 3);
  EXPECT_EQ(layer->r, 7);
  EXPECT_EQ(layer->s, 5);
  EXPECT_EQ(layer->strideY, 2);
  EXPECT_EQ(layer->strideX, 3);
  EXPECT_EQ(layer->y, 111 * 2 + 7);
  EXPECT_EQ(layer->x, 55 * 3 + 5);
  // The cost model's output extents are the loop nest's.
  EXPECT_EQ(layer->outY(), 112);
  EXPECT_EQ(layer->outX(), 56);
}

TEST_F(CostModelBridgeTest, GroupedAndGemmFold) {
  auto grouped = parse<LoopNestAttr>(
      "#digamma.loop_nest<conv, dims = [n: 1 parallel N, g: 4 parallel G, "
      "f: 8 parallel K, oh: 10 parallel Y, ow: 10 parallel X, "
      "c: 2 reduction C, kh: 3 window R, kw: 3 window S], strides = [1, 1], "
      "dilations = [1, 1], operands = [(n, g, c, oh + kh, ow + kw) : 1, "
      "(g, f, c, kh, kw) : 1, (n, g, f, oh, ow) : 4]>");
  ASSERT_TRUE(grouped);
  FailureOr<cost::Layer> layer = toCostLayer(grouped);
  ASSERT_TRUE(succeeded(layer));
  EXPECT_EQ(layer->n, 4);
  EXPECT_EQ(layer->k, 8);
  EXPECT_EQ(layer->y, 12);

  auto gemm = parse<LoopNestAttr>(
      "#digamma.loop_nest<gemm, dims = [b: 3 parallel N, m: 8 parallel Y, "
      "n: 32 parallel K, k: 16 reduction C], strides = [], dilations = [], "
      "operands = [(b, m, k) : 2, (b, k, n) : 2, (b, m, n) : 4]>");
  ASSERT_TRUE(gemm);
  layer = toCostLayer(gemm);
  ASSERT_TRUE(succeeded(layer));
  EXPECT_EQ(layer->layerClass, cost::LayerClass::Gemm);
  EXPECT_EQ(layer->n, 3);
  EXPECT_EQ(layer->k, 32);
  EXPECT_EQ(layer->c, 16);
  EXPECT_EQ(layer->y, 8);
  EXPECT_EQ(layer->x, 1);
  EXPECT_EQ(layer->r, 1);
}

// Dilation widens the input the canonical layer derives from the output
// extents, groups are counted apart from the batch, and the operands' own
// element sizes are available (an i8 x i8 -> i32 convolution).
TEST_F(CostModelBridgeTest, DilationGroupsAndElementSizesPassThrough) {
  auto nest = parse<LoopNestAttr>(
      "#digamma.loop_nest<conv, dims = [n: 2 parallel N, g: 3 parallel G, "
      "f: 8 parallel K, oh: 10 parallel Y, ow: 12 parallel X, "
      "c: 4 reduction C, kh: 3 window R, kw: 5 window S], strides = [2, 1], "
      "dilations = [3, 2], operands = [(n, g, c, oh * 2 + kh * 3, ow + kw * "
      "2) : 1, (g, f, c, kh, kw) : 1, (n, g, f, oh, ow) : 4]>");
  ASSERT_TRUE(nest);
  FailureOr<cost::Layer> layer = toCostLayer(nest);
  ASSERT_TRUE(succeeded(layer));
  EXPECT_EQ(layer->n, 6);
  EXPECT_EQ(layer->groups, 3);
  EXPECT_EQ(layer->dilationY, 3);
  EXPECT_EQ(layer->dilationX, 2);
  // (OY - 1) * stride + (R - 1) * dilation + 1.
  EXPECT_EQ(layer->y, 9 * 2 + 2 * 3 + 1);
  EXPECT_EQ(layer->x, 11 * 1 + 4 * 2 + 1);
  EXPECT_EQ(layer->outY(), 10);
  EXPECT_EQ(layer->outX(), 12);
  // The hardware's element size until asked for the operands' own.
  EXPECT_EQ(layer->inputBytes, 0);
  setOperandBytes(*layer, nest);
  EXPECT_EQ(layer->inputBytes, 1);
  EXPECT_EQ(layer->weightBytes, 1);
  EXPECT_EQ(layer->outputBytes, 4);
  llvm::json::Object json = toJson(*layer);
  EXPECT_EQ(json.getInteger("groups"), 3);
  ASSERT_TRUE(json.getArray("dilation"));
  EXPECT_EQ((*json.getArray("dilation"))[0].getAsInteger(), 3);
  // Undilated, ungrouped layers keep their report as it was.
  cost::Layer plain;
  EXPECT_FALSE(toJson(plain).getArray("dilation"));
  EXPECT_FALSE(toJson(plain).get("groups"));
}

TEST_F(CostModelBridgeTest, MappingRoundTrips) {
  auto mapping = parse<MappingAttr>(
      "#digamma.mapping<levels = [#digamma.level<parallel = K, cluster = 1, "
      "order = [K, C, Y, X, R, S], tiles = [64, 3, 56, 56, 7, 7]>, "
      "#digamma.level<parallel = Y, cluster = 8, order = [S, R, X, Y, C, K], "
      "tiles = [1, 1, 7, 1, 7, 7]>]>");
  ASSERT_TRUE(mapping);
  FailureOr<cost::Mapping> converted = toCostMapping(mapping);
  ASSERT_TRUE(succeeded(converted));
  EXPECT_EQ(converted->numLevels, 2);
  EXPECT_EQ(converted->level(1).parallelDim, cost::Dim::Y);
  EXPECT_EQ(converted->level(1).clusterSize, 8);
  EXPECT_EQ(converted->level(1).order[0], cost::Dim::S);
  EXPECT_EQ(converted->level(1).tile(cost::Dim::Y), 7);
  EXPECT_EQ(converted->level(0).tile(cost::Dim::K), 64);
  EXPECT_EQ(toMappingAttr(&ctx, *converted), mapping);
}

TEST_F(CostModelBridgeTest, HardwareRoundTrips) {
  auto hw = parse<HwAttr>(
      "#digamma.hw<num_pes = 256, cluster_sizes = [16, 16], l1_bytes = 2048, "
      "l2_bytes = 1048576, noc_bandwidth = 64, offchip_bandwidth = 16, "
      "area_um2 = 2.5e+06, element_bytes = 2>");
  ASSERT_TRUE(hw);
  cost::Hardware converted = toCostHardware(hw);
  EXPECT_EQ(converted.numPEs, 256);
  EXPECT_EQ(converted.l1Elements, 1024);
  EXPECT_EQ(converted.l2Elements, 524288);
  EXPECT_EQ(converted.nocBandwidth, 32);
  EXPECT_EQ(converted.offchipBandwidth, 8);
  EXPECT_EQ(converted.bytesPerElement, 2);
  EXPECT_EQ(toHwAttr(&ctx, converted, {16, 16}, 2.5e6), hw);

  cost::Hardware unbounded;
  unbounded.numPEs = 64;
  HwAttr attr = toHwAttr(&ctx, unbounded);
  EXPECT_EQ(attr.getClusterSizes().size(), 1u);
  EXPECT_EQ(attr.getClusterSizes()[0], 64);
  EXPECT_EQ(toCostHardware(attr).l1Elements, cost::kUnbounded);
}

// The cost model counts MACs and tensor volumes in int64: a layer whose
// counts overflow is not converted (the co-optimizer then names the
// overflow instead of reporting that no design fits).
TEST_F(CostModelBridgeTest, OverflowingLayersFail) {
  auto gemm = [&](StringRef m, StringRef n, StringRef k) {
    return parse<LoopNestAttr>(
        ("#digamma.loop_nest<gemm, dims = [m: " + m + " parallel Y, n: " + n +
         " parallel K, k: " + k +
         " reduction C], strides = [], dilations = [], "
         "operands = [(m, k) : 4, (k, n) : 4, (m, n) : 4]>")
            .str());
  };
  // 2^31 - 1 cubed overflows int64; 2^21 cubed (2^63) too; 2^20 does not.
  EXPECT_TRUE(failed(toCostLayer(gemm("2147483647", "2147483647",
                                      "2147483647"))));
  EXPECT_TRUE(failed(toCostLayer(gemm("2097152", "2097152", "2097152"))));
  EXPECT_TRUE(succeeded(toCostLayer(gemm("1048576", "1048576", "1048576"))));
  // The MACs fit but the input volume (N * C * Y * X, Y = (OY-1) * stride +
  // R) does not.
  auto strided = parse<LoopNestAttr>(
      "#digamma.loop_nest<conv, dims = [c: 1048576 reduction C, "
      "oh: 1048576 parallel Y, ow: 1048576 parallel X, kh: 1 window R, "
      "kw: 1 window S], strides = [1048576, 1048576], dilations = [1, 1], "
      "operands = [(c, oh * 1048576 + kh, ow * 1048576 + kw) : 4, "
      "(c, kh, kw) : 4, (oh, ow) : 4]>");
  ASSERT_TRUE(strided);
  EXPECT_TRUE(failed(toCostLayer(strided)));
}

// Bandwidths near 2^63 convert to elements without overflow.
TEST_F(CostModelBridgeTest, HugeBandwidthsConvert) {
  auto hw = parse<HwAttr>(
      "#digamma.hw<num_pes = 4, cluster_sizes = [4], l1_bytes = 64, "
      "l2_bytes = 1024, noc_bandwidth = 9223372036854775806, "
      "offchip_bandwidth = 9223372036854775805, area_um2 = 0.0, "
      "element_bytes = 4>");
  ASSERT_TRUE(hw);
  cost::Hardware converted = toCostHardware(hw);
  EXPECT_EQ(converted.nocBandwidth, 2305843009213693952);
  EXPECT_EQ(converted.offchipBandwidth, 2305843009213693952);
}

TEST_F(CostModelBridgeTest, NullAttributesFail) {
  EXPECT_TRUE(failed(toCostLayer(LoopNestAttr())));
  EXPECT_TRUE(failed(toCostMapping(MappingAttr())));
}

} // namespace
