//===- CostModelBridge.cpp - digamma attributes <-> cost model ------------===//
//
// Conversions between the digamma attributes and digamma::cost structs.
// Header-only use of Problem.h: nothing here links the cost model.
//
//===----------------------------------------------------------------------===//

#include "digamma/Transforms/CostModelBridge.h"

#include "digamma/CostModel/CostModel.h"

#include "llvm/Support/MathExtras.h"

#include <algorithm>
#include <limits>

using namespace mlir;
using namespace digamma;

static constexpr int64_t kMaxInt64 = std::numeric_limits<int64_t>::max();

/// Multiplies with overflow detection.
static bool mulInto(int64_t &acc, int64_t value) {
  int64_t result;
  if (llvm::MulOverflow(acc, value, result))
    return false;
  acc = result;
  return true;
}

FailureOr<cost::Layer> digamma::toCostLayer(LoopNestAttr loopNest) {
  if (!loopNest)
    return failure();
  cost::LayerClass layerClass = cost::LayerClass::Conv;
  switch (loopNest.getLayerClass()) {
  case LayerClass::Conv:
    layerClass = cost::LayerClass::Conv;
    break;
  case LayerClass::Depthwise:
    layerClass = cost::LayerClass::DepthwiseConv;
    break;
  case LayerClass::Gemm:
    layerClass = cost::LayerClass::Gemm;
    break;
  }
  int64_t n = 1, groups = 1, k = 1, c = 1, outY = 1, outX = 1, r = 1, s = 1;
  int64_t strideY = 1, strideX = 1, dilationY = 1, dilationX = 1;
  unsigned windowIndex = 0;
  for (auto [bound, kind, role] :
       llvm::zip(loopNest.getBounds(), loopNest.getIterators(),
                 loopNest.getRoles())) {
    bool ok = true;
    switch (role) {
    case DimRole::N:
      ok = mulInto(n, bound);
      break;
    case DimRole::G:
      ok = mulInto(n, bound) && mulInto(groups, bound);
      break;
    case DimRole::K:
      ok = mulInto(k, bound);
      break;
    case DimRole::C:
      ok = mulInto(c, bound);
      break;
    case DimRole::Y:
      outY = bound;
      break;
    case DimRole::X:
      outX = bound;
      break;
    case DimRole::R:
      r = bound;
      if (windowIndex < loopNest.getStrides().size())
        strideY = loopNest.getStrides()[windowIndex];
      if (windowIndex < loopNest.getDilations().size())
        dilationY = loopNest.getDilations()[windowIndex];
      break;
    case DimRole::S:
      s = bound;
      if (windowIndex < loopNest.getStrides().size())
        strideX = loopNest.getStrides()[windowIndex];
      if (windowIndex < loopNest.getDilations().size())
        dilationX = loopNest.getDilations()[windowIndex];
      break;
    }
    if (!ok)
      return failure();
    if (kind == IteratorKind::Window)
      ++windowIndex;
  }
  // Input extents that give exactly the op's output extents:
  // (out - 1) * stride + (taps - 1) * dilation + 1.
  int64_t y = outY - 1, x = outX - 1, windowY = r - 1, windowX = s - 1;
  if (!mulInto(y, strideY) || !mulInto(x, strideX) ||
      !mulInto(windowY, dilationY) || !mulInto(windowX, dilationX) ||
      llvm::AddOverflow(y, windowY, y) || llvm::AddOverflow(y, int64_t(1), y) ||
      llvm::AddOverflow(x, windowX, x) || llvm::AddOverflow(x, int64_t(1), x))
    return failure();
  // The cost model counts MACs and tensor volumes in int64: a layer whose
  // counts overflow cannot be evaluated by any design.
  int64_t macs = n, input = n, filter = k, output = n;
  if (!mulInto(macs, k) || !mulInto(macs, c) || !mulInto(macs, outY) ||
      !mulInto(macs, outX) || !mulInto(macs, r) || !mulInto(macs, s) ||
      !mulInto(input, c) || !mulInto(input, y) || !mulInto(input, x) ||
      !mulInto(filter, c) || !mulInto(filter, r) || !mulInto(filter, s) ||
      !mulInto(output, k) || !mulInto(output, outY) || !mulInto(output, outX))
    return failure();
  cost::Layer layer{layerClass, n, k, c, y, x, r, s, strideY, strideX};
  layer.dilationY = dilationY;
  layer.dilationX = dilationX;
  layer.groups = groups;
  return layer;
}

void digamma::setOperandBytes(cost::Layer &layer, LoopNestAttr loopNest) {
  ArrayRef<int64_t> bytes = loopNest.getElementBytes();
  if (bytes.size() < 3)
    return;
  layer.inputBytes = bytes.front();
  layer.weightBytes = bytes[1];
  layer.outputBytes = bytes.back();
}

/// DimRole of a canonical cost dimension.
static DimRole toRole(cost::Dim dim) {
  return kMappedDims[static_cast<int>(dim)];
}

FailureOr<cost::Mapping> digamma::toCostMapping(MappingAttr mapping) {
  if (std::optional<cost::Mapping> converted = convertMapping(mapping))
    return *converted;
  return failure();
}

MappingAttr digamma::toMappingAttr(MLIRContext *ctx,
                                   const cost::Mapping &mapping) {
  SmallVector<Attribute> levels;
  int numLevels = std::clamp(mapping.numLevels, 0, cost::kMaxLevels);
  for (int i = 0; i < numLevels; ++i) {
    const cost::MappingLevel &level = mapping.level(i);
    SmallVector<DimRole> order;
    for (cost::Dim dim : level.order)
      order.push_back(toRole(dim));
    SmallVector<int64_t> tiles(level.tiles.begin(), level.tiles.end());
    levels.push_back(LevelAttr::get(ctx, toRole(level.parallelDim),
                                    level.clusterSize, order, tiles));
  }
  return MappingAttr::get(ctx, ArrayAttr::get(ctx, levels));
}

cost::Hardware digamma::toCostHardware(HwAttr hw) {
  cost::Hardware result;
  int64_t bytes = std::max<int64_t>(hw.getElementBytes(), 1);
  auto toElements = [&](int64_t value) {
    return value == kMaxInt64 ? cost::kUnbounded : value / bytes;
  };
  auto toRate = [&](int64_t value) {
    // ceil(value / bytes) without value + bytes - 1 (which can overflow).
    return value == kMaxInt64
               ? value
               : std::max<int64_t>(1, value / bytes + (value % bytes != 0));
  };
  result.numPEs = hw.getNumPes();
  result.l1Elements = toElements(hw.getL1Bytes());
  result.l2Elements = toElements(hw.getL2Bytes());
  result.nocBandwidth = toRate(hw.getNocBandwidth());
  result.offchipBandwidth = toRate(hw.getOffchipBandwidth());
  result.bytesPerElement = bytes;
  // The exact byte rates too (a rate of 17 B on 4-byte elements is not a
  // whole number of elements); an unbounded rate stays in elements.
  if (!cost::isNocUnbounded(result))
    result.nocBandwidthBytes = hw.getNocBandwidth();
  if (!cost::isOffchipUnbounded(result))
    result.offchipBandwidthBytes = hw.getOffchipBandwidth();
  return result;
}

HwAttr digamma::toHwAttr(MLIRContext *ctx, const cost::Hardware &hw,
                         ArrayRef<int64_t> clusterSizes, double areaUm2,
                         const cost::Layer *layer) {
  int64_t bytes = std::max<int64_t>(hw.bytesPerElement, 1);
  auto toBytes = [&](int64_t elements) {
    int64_t result;
    if (elements == cost::kUnbounded ||
        llvm::MulOverflow(elements, bytes, result))
      return kMaxInt64;
    return result;
  };
  SmallVector<int64_t> clusters(clusterSizes.begin(), clusterSizes.end());
  if (clusters.empty())
    clusters.push_back(hw.numPEs);
  // Bandwidths in bytes per cycle: the byte forms where they are set
  // (cost::nocBytesPerCycle()); an unbounded one as its element form.
  int64_t noc = cost::isNocUnbounded(hw) ? toBytes(hw.nocBandwidth)
                                         : cost::nocBytesPerCycle(hw);
  int64_t offchip = cost::isOffchipUnbounded(hw)
                        ? toBytes(hw.offchipBandwidth)
                        : cost::offchipBytesPerCycle(hw);
  SmallVector<int64_t, 3> tensorBytes;
  if (layer) {
    for (cost::Operand operand :
         {cost::Operand::Input, cost::Operand::Weight, cost::Operand::Output})
      tensorBytes.push_back(layer->operandBytes(operand, bytes));
    if (llvm::all_of(tensorBytes, [&](int64_t size) { return size == bytes; }))
      tensorBytes.clear();
  }
  return HwAttr::get(ctx, hw.numPEs, clusters, toBytes(hw.l1Elements),
                     toBytes(hw.l2Elements), noc, offchip,
                     llvm::APFloat(areaUm2), bytes, tensorBytes);
}

void digamma::setTensorBytes(cost::Layer &layer, HwAttr hw) {
  ArrayRef<int64_t> bytes = hw.getTensorBytes();
  if (bytes.size() != 3)
    return;
  layer.inputBytes = bytes[0];
  layer.weightBytes = bytes[1];
  layer.outputBytes = bytes[2];
}

llvm::json::Object digamma::toJson(const cost::Layer &layer) {
  llvm::json::Object object{
      {"class", std::string(cost::layerClassName(layer.layerClass))},
      {"N", layer.n},
      {"K", layer.k},
      {"C", layer.c},
      {"Y", layer.y},
      {"X", layer.x},
      {"R", layer.r},
      {"S", layer.s},
      {"stride", llvm::json::Array{layer.strideY, layer.strideX}}};
  // Only where they are not the default, so that other reports stay as
  // they were.
  if (layer.dilationY != 1 || layer.dilationX != 1)
    object["dilation"] = llvm::json::Array{layer.dilationY, layer.dilationX};
  if (layer.groups != 1)
    object["groups"] = layer.groups;
  if (layer.inputBytes != 0 || layer.weightBytes != 0 || layer.outputBytes != 0)
    object["tensor_bytes"] = llvm::json::Array{
        layer.inputBytes, layer.weightBytes, layer.outputBytes};
  return object;
}

llvm::json::Array digamma::toJson(const cost::Mapping &mapping) {
  llvm::json::Array levels;
  for (int i = 0; i < mapping.numLevels; ++i) {
    const cost::MappingLevel &level = mapping.level(i);
    llvm::json::Array order, tiles;
    for (cost::Dim dim : level.order)
      order.push_back(std::string(cost::dimName(dim)));
    for (int64_t tile : level.tiles)
      tiles.push_back(tile);
    levels.push_back(llvm::json::Object{
        {"parallel", std::string(cost::dimName(level.parallelDim))},
        {"cluster", level.clusterSize},
        {"order", std::move(order)},
        {"tiles", std::move(tiles)}});
  }
  return levels;
}
