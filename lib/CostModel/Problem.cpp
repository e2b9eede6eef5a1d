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

std::string_view digamma::cost::operandName(Operand operand) {
  switch (operand) {
  case Operand::Input:
    return "input";
  case Operand::Weight:
    return "weight";
  case Operand::Output:
    break;
  }
  return "output";
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
  if (layer.dilationY < 1 || layer.dilationX < 1)
    return LayerFault::NonPositiveDilation;
  if (layer.groups < 1 || layer.n % layer.groups != 0)
    return LayerFault::GroupsNotDividingN;
  if (layer.inputBytes < 0 || layer.weightBytes < 0 || layer.outputBytes < 0)
    return LayerFault::NegativeElementBytes;
  if (layer.windowY() > layer.y || layer.windowX() > layer.x)
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
  case LayerFault::NonPositiveDilation:
    return "the layer's dilations must be positive, got " +
           text(layer.dilationY) + "x" + text(layer.dilationX);
  case LayerFault::GroupsNotDividingN:
    return "the layer's groups must divide N, got " + text(layer.groups) +
           " groups and N=" + text(layer.n);
  case LayerFault::NegativeElementBytes:
    return "element sizes must not be negative, got input " +
           text(layer.inputBytes) + ", weight " + text(layer.weightBytes) +
           ", output " + text(layer.outputBytes);
  case LayerFault::FilterLargerThanInput: {
    std::string filter = text(layer.r) + "x" + text(layer.s);
    if (layer.dilationY != 1 || layer.dilationX != 1)
      filter += " dilated " + text(layer.dilationY) + "x" +
                text(layer.dilationX) + ", spanning " + text(layer.windowY()) +
                "x" + text(layer.windowX());
    return "the layer's filter (" + filter + ") is larger than its input (" +
           text(layer.y) + "x" + text(layer.x) + ")";
  }
  }
  return "the layer is well-formed";
}
