//===- Checks.cpp - What every optimizer checks before searching ----------===//

#include "digamma/Search/Encoding.h"

#include <algorithm>
#include <cstdio>
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

static constexpr int64_t kSaturated = int64_t(1) << 62;

/// The PEs a map space's fixed parallel sizes need: the first level at
/// which their product exceeds \p most, or -1.
static int levelBeyondPEs(const MapSpace &mapSpace, int64_t most,
                          int64_t &needed) {
  needed = 1;
  for (int l = 0; l < mapSpace.numLevels; ++l) {
    const SizeRule &size = mapSpace.levels[l].parallelSize;
    if (size.kind != SizeRule::Kind::Fixed)
      continue;
    // Saturating: sizes are at most 2^30 (validateMapSpace's callers).
    needed = size.value > kSaturated / needed ? kSaturated : needed * size.value;
    if (needed > most)
      return l;
  }
  return -1;
}

/// The first rule of \p options' map space without which the smallest
/// design of \p layer fits the area budget; nullopt if none (or if no
/// design fits even without the space).
static std::optional<std::string>
blameAreaRule(const cost::Layer &layer, const SearchOptions &options,
              double smallestArea) {
  SearchOptions relaxed = options;
  relaxed.mapSpace = MapSpace();
  if (!(SearchSpace(layer, relaxed).smallestFeasibleAreaUm2() <=
        options.areaBudgetUm2))
    return std::nullopt;
  const MapSpace &mapSpace = options.mapSpace;
  auto fits = [&](const MapSpace &candidate) {
    relaxed.mapSpace = candidate;
    return SearchSpace(layer, relaxed).smallestFeasibleAreaUm2() <=
           options.areaBudgetUm2;
  };
  char area[96];
  std::snprintf(area, sizeof(area),
                "within the area budget of %.6g um^2 (its smallest design "
                "needs %.6g um^2)",
                options.areaBudgetUm2, smallestArea);
  std::string prefix = "map space '" + mapSpace.name +
                       "' admits no design of this layer " + area;
  auto message = [&](MapSpaceRule rule, int level, cost::Dim dim) {
    return prefix + ": the rule '" + describeRule(mapSpace, rule, level, dim) +
           "' is the one to relax";
  };
  for (int l = 0; l < mapSpace.numLevels; ++l) {
    MapSpace candidate = mapSpace;
    candidate.levels[l].parallelSize = SizeRule();
    if (!mapSpace.levels[l].parallelSize.isFree() && fits(candidate))
      return message(MapSpaceRule::ParallelSize, l, cost::Dim::K);
    for (int d = 0; d < cost::kNumDims; ++d) {
      candidate = mapSpace;
      candidate.levels[l].tiles[d] = SizeRule();
      if (!mapSpace.levels[l].tiles[d].isFree() && fits(candidate))
        return message(MapSpaceRule::Tile, l, cost::Dim(d));
    }
  }
  // No single rule: the tile rules of one level together.
  for (int l = 0; l < mapSpace.numLevels; ++l) {
    MapSpace candidate = mapSpace;
    candidate.levels[l].tiles.fill(SizeRule());
    if (fits(candidate))
      return prefix + ": the tile rules of level " + std::to_string(l) +
             " are the ones to relax";
  }
  return prefix + "; no single rule or level is to blame";
}

/// A map space that admits no design of the layer, named by the rule that
/// fails.
static std::optional<std::string> checkMapSpace(const SearchSpace &space) {
  const SearchOptions &options = space.options;
  const MapSpace &mapSpace = options.mapSpace;
  if (mapSpace.empty())
    return std::nullopt;
  std::string name = "map space '" + mapSpace.name + "' admits no design";
  int64_t needed = 1;
  if (options.mode == Mode::FixedHW) {
    if (!mapSpace.levels[0].parallelSize.isFree())
      return name + " in mode=fixed-hw: the rule '" +
             describeRule(mapSpace, MapSpaceRule::ParallelSize, 0) +
             "' cannot hold, the outer fan-out being the fixed PE count "
             "divided by the cluster sizes; rule the cluster sizes instead";
    int l = levelBeyondPEs(mapSpace, space.maxPEs, needed);
    if (l >= 0)
      return name + " on the fixed hardware: the rule '" +
             describeRule(mapSpace, MapSpaceRule::ParallelSize, l) +
             "' needs at least " + std::to_string(needed) +
             " PEs, the hardware has " + std::to_string(space.maxPEs);
    return std::nullopt;
  }
  int l = levelBeyondPEs(mapSpace, space.maxPEs, needed);
  if (l >= 0)
    return name + ": the rule '" +
           describeRule(mapSpace, MapSpaceRule::ParallelSize, l) +
           "' needs at least " + std::to_string(needed) +
           " PEs; the area budget and pe-limit afford at most " +
           std::to_string(space.maxPEs);
  if (options.mode == Mode::FixedMapping) {
    // The mapping is given; its cluster sizes are hardware, set by the
    // search.
    cost::Mapping mapping = *options.fixedMapping;
    for (int k = 1; k < std::min(mapping.numLevels, mapSpace.numLevels); ++k)
      if (!mapSpace.levels[k].parallelSize.isFree())
        mapping.level(k).clusterSize =
            resolveSizeRule(mapSpace.levels[k].parallelSize, k, space.extent,
                            mapping);
    if (std::optional<MapSpaceViolation> violation =
            findViolation(mapSpace, space.layer, mapping, 0))
      return "the fixed mapping is outside the " +
             describeViolation(mapSpace, *violation);
  }
  double smallest = space.smallestFeasibleAreaUm2();
  if (!(smallest <= options.areaBudgetUm2))
    return blameAreaRule(space.layer, options, smallest);
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
    if (std::optional<std::string> error = checkFixedMapping(space))
      return error;
  return checkMapSpace(space);
}
