//===- Checks.cpp - What every optimizer checks before searching ----------===//

#include "digamma/Search/Encoding.h"

#include <string>

using namespace digamma;
using namespace digamma::search;

std::optional<std::string>
digamma::search::checkLayer(const cost::Layer &layer,
                            cost::Semantics semantics) {
  auto text = [](int64_t value) { return std::to_string(value); };
  if (cost::LayerFault fault = cost::findLayerFault(layer);
      fault != cost::LayerFault::None)
    return cost::describeLayerFault(layer, fault);
  if (layer.layerClass == cost::LayerClass::DepthwiseConv && layer.k != 1)
    return "a depthwise layer has K = 1 (fold a channel multiplier into C), "
           "got K=" +
           text(layer.k);
  // Otherwise every design is invalid and the search would end with "no
  // design fits" instead of the reason.
  if (semantics == cost::Semantics::Maestro &&
      (layer.n != 1 || layer.strideY != 1 || layer.strideX != 1))
    return "maestro semantics model batch 1 and stride 1 only (as MAESTRO "
           "does), got N=" +
           text(layer.n) + " stride=" + text(layer.strideY) + "x" +
           text(layer.strideX) + "; use sound semantics";
  if (semantics == cost::Semantics::Maestro &&
      (layer.dilationY != 1 || layer.dilationX != 1))
    return "maestro semantics model dilation 1 only (as MAESTRO does), got "
           "dilation=" +
           text(layer.dilationY) + "x" + text(layer.dilationX) +
           "; use sound semantics";
  return std::nullopt;
}

/// The given mapping must already be legal for the layer: FixedMapping mode
/// searches hardware only and must not silently change it.
static std::optional<std::string> checkFixedMapping(const SearchSpace &space) {
  const cost::Mapping &m = *space.options.fixedMapping;
  for (int l = 0; l < m.numLevels; ++l) {
    const cost::MappingLevel &level = m.level(l);
    int seen = 0;
    for (cost::Dim d : level.order)
      seen |= 1 << static_cast<int>(d);
    if (seen != (1 << cost::kNumDims) - 1)
      return std::string("the fixed mapping's loop order at level ") +
             std::to_string(l) + " is not a permutation of K, C, Y, X, R, S";
    for (int d = 0; d < cost::kNumDims; ++d) {
      int64_t bound = l == 0 ? space.extent[d] : m.level(l - 1).tiles[d];
      if (level.tiles[d] < 1 || level.tiles[d] > bound)
        return std::string("the fixed mapping's ") +
               std::string(cost::dimName(cost::Dim(d))) + " tile at level " +
               std::to_string(l) + " is " + std::to_string(level.tiles[d]) +
               ", outside [1, " + std::to_string(bound) + "]";
    }
  }
  return std::nullopt;
}

std::optional<std::string>
digamma::search::checkSearchInputs(const SearchSpace &space) {
  if (std::optional<std::string> error = validateOptions(space.options))
    return error;
  if (std::optional<std::string> error =
          checkLayer(space.layer, space.options.semantics))
    return error;
  if (space.options.mode == Mode::FixedMapping)
    return checkFixedMapping(space);
  return std::nullopt;
}
