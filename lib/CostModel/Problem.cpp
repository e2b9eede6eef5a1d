//===- Problem.cpp - Layers, hardware and mappings ------------------------===//

#include "digamma/CostModel/Problem.h"

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
