//===- Problem.cpp - Layers, hardware and mappings ------------------------===//

#include "digamma/CostModel/Problem.h"

#include <initializer_list>

using namespace digamma::cost;

std::string_view digamma::cost::dimName(Dim dim) {
  static constexpr std::string_view kNames[] = {"K", "C", "Y", "X", "R", "S"};
  return kNames[static_cast<int>(dim)];
}

std::optional<Dim> digamma::cost::parseDim(std::string_view name) {
  if (name == "Y'")
    return Dim::Y;
  if (name == "X'")
    return Dim::X;
  for (Dim dim : kAllDims)
    if (dimName(dim) == name)
      return dim;
  return std::nullopt;
}

std::string_view digamma::cost::layerClassName(LayerClass layerClass) {
  switch (layerClass) {
  case LayerClass::Conv:
    return "conv";
  case LayerClass::DepthwiseConv:
    return "depthwise";
  case LayerClass::Gemm:
    break;
  }
  return "gemm";
}

LayerFault digamma::cost::findLayerFault(const Layer &layer) {
  for (int64_t extent :
       {layer.n, layer.k, layer.c, layer.y, layer.x, layer.r, layer.s})
    if (extent < 1)
      return LayerFault::NonPositiveExtent;
  if (layer.strideY < 1 || layer.strideX < 1)
    return LayerFault::NonPositiveStride;
  if (layer.r > layer.y || layer.s > layer.x)
    return LayerFault::FilterLargerThanInput;
  return LayerFault::None;
}

std::string digamma::cost::describeLayerFault(const Layer &layer,
                                              LayerFault fault) {
  auto text = [](int64_t value) { return std::to_string(value); };
  switch (fault) {
  case LayerFault::None:
    break;
  case LayerFault::NonPositiveExtent:
    return "every layer extent must be positive, got N=" + text(layer.n) +
           " K=" + text(layer.k) + " C=" + text(layer.c) +
           " Y=" + text(layer.y) + " X=" + text(layer.x) +
           " R=" + text(layer.r) + " S=" + text(layer.s);
  case LayerFault::NonPositiveStride:
    return "the layer's strides must be positive, got " + text(layer.strideY) +
           "x" + text(layer.strideX);
  case LayerFault::FilterLargerThanInput:
    return "the layer's filter (" + text(layer.r) + "x" + text(layer.s) +
           ") is larger than its input (" + text(layer.y) + "x" +
           text(layer.x) + ")";
  }
  return "the layer is well-formed";
}
