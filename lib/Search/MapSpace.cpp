//===- MapSpace.cpp - Map-space constraints of a partly flexible chip -----===//

#include "digamma/Search/MapSpace.h"

#include <algorithm>

using namespace digamma;
using namespace digamma::search;

std::array<int64_t, cost::kNumDims>
digamma::search::mappedExtents(const cost::Layer &layer) {
  std::array<int64_t, cost::kNumDims> extent{};
  const bool stridesValid = layer.strideY > 0 && layer.strideX > 0;
  for (int d = 0; d < cost::kNumDims; ++d)
    extent[d] = std::max<int64_t>(stridesValid
                                      ? layer.mappedExtent(cost::Dim(d))
                                      : layer.dim(cost::Dim(d)),
                                  1);
  return extent;
}

bool digamma::search::sameRules(const MapSpace &a, const MapSpace &b) {
  if (a.numLevels != b.numLevels)
    return false;
  for (int l = 0; l < a.numLevels; ++l) {
    const MapSpaceLevel &x = a.levels[l], &y = b.levels[l];
    if (x.parallelDims != y.parallelDims || !(x.parallelSize == y.parallelSize) ||
        x.orderPrefixLength != y.orderPrefixLength || x.tiles != y.tiles ||
        !std::equal(x.orderPrefix.begin(),
                    x.orderPrefix.begin() + x.orderPrefixLength,
                    y.orderPrefix.begin()))
      return false;
  }
  return true;
}

/// The tile of \p d above level \p level: the layer's extent at level 0.
static int64_t parentTile(int level, int d,
                          const std::array<int64_t, cost::kNumDims> &extent,
                          const cost::Mapping &mapping) {
  return level == 0 ? extent[d] : mapping.level(level - 1).tiles[d];
}

int64_t digamma::search::resolveSizeRule(
    const SizeRule &rule, int level,
    const std::array<int64_t, cost::kNumDims> &extent,
    const cost::Mapping &mapping) {
  switch (rule.kind) {
  case SizeRule::Kind::Fixed:
    return std::max<int64_t>(rule.value, 1);
  case SizeRule::Kind::ParentTile:
    return std::max<int64_t>(
        parentTile(level, static_cast<int>(rule.dim), extent, mapping), 1);
  case SizeRule::Kind::Free:
    break;
  }
  return 0;
}

/// The tile \p rule gives dimension \p d at level \p level: the rule's size
/// within [1, parent tile].
static int64_t ruledTile(const SizeRule &rule, int level, int d,
                         const std::array<int64_t, cost::kNumDims> &extent,
                         const cost::Mapping &mapping) {
  return std::clamp<int64_t>(resolveSizeRule(rule, level, extent, mapping), 1,
                             parentTile(level, d, extent, mapping));
}

/// The fan-out of the outer level of \p mapping on \p numPEs PEs.
static int64_t outerFanOut(const cost::Mapping &mapping, int64_t numPEs) {
  int64_t inner = 1;
  for (int l = 1; l < mapping.numLevels; ++l)
    inner *= std::max<int64_t>(mapping.level(l).clusterSize, 1);
  return numPEs / inner;
}

std::optional<MapSpaceViolation>
digamma::search::findViolation(const MapSpace &space, const cost::Layer &layer,
                               const cost::Mapping &mapping, int64_t numPEs) {
  return findViolation(space, mappedExtents(layer), mapping, numPEs,
                       layer.layerClass == cost::LayerClass::DepthwiseConv);
}

/// True if level \p level's \p rule for dimension \p d (a tile; -1 for the
/// parallel size) needs an extent \p extent does not know.
static bool needsUnknownExtent(const SizeRule &rule, int level, int d,
                               const std::array<int64_t, cost::kNumDims> &extent) {
  if (level > 0)
    return false;
  return (d >= 0 && extent[d] == 0) ||
         (rule.kind == SizeRule::Kind::ParentTile &&
          extent[static_cast<int>(rule.dim)] == 0);
}

std::optional<MapSpaceViolation>
digamma::search::findViolation(const MapSpace &space,
                               const std::array<int64_t, cost::kNumDims> &extent,
                               const cost::Mapping &mapping, int64_t numPEs,
                               bool depthwise) {
  if (space.empty())
    return std::nullopt;
  MapSpaceViolation violation;
  if (mapping.numLevels != space.numLevels) {
    violation.rule = MapSpaceRule::Levels;
    violation.expected = space.numLevels;
    violation.actual = mapping.numLevels;
    return violation;
  }
  for (int l = 0; l < space.numLevels; ++l) {
    const MapSpaceLevel &rules = space.levels[l];
    const cost::MappingLevel &level = mapping.level(l);
    violation.level = l;
    if (!rules.allowsParallel(level.parallelDim, depthwise)) {
      violation.rule = MapSpaceRule::Parallel;
      violation.actual = static_cast<int>(level.parallelDim);
      return violation;
    }
    if (!rules.parallelSize.isFree() && (l > 0 || numPEs > 0) &&
        !needsUnknownExtent(rules.parallelSize, l, -1, extent)) {
      int64_t expected = resolveSizeRule(rules.parallelSize, l, extent, mapping);
      int64_t actual =
          l == 0 ? outerFanOut(mapping, numPEs) : level.clusterSize;
      if (actual != expected) {
        violation.rule = MapSpaceRule::ParallelSize;
        violation.expected = expected;
        violation.actual = actual;
        return violation;
      }
    }
    for (int i = 0; i < rules.orderPrefixLength; ++i)
      if (level.order[i] != rules.orderPrefix[i]) {
        violation.rule = MapSpaceRule::Order;
        violation.position = i;
        violation.expected = static_cast<int>(rules.orderPrefix[i]);
        violation.actual = static_cast<int>(level.order[i]);
        return violation;
      }
    for (int d = 0; d < cost::kNumDims; ++d) {
      if (rules.tiles[d].isFree() ||
          needsUnknownExtent(rules.tiles[d], l, d, extent))
        continue;
      int64_t expected = ruledTile(rules.tiles[d], l, d, extent, mapping);
      if (level.tiles[d] != expected) {
        violation.rule = MapSpaceRule::Tile;
        violation.dim = cost::Dim(d);
        violation.expected = expected;
        violation.actual = level.tiles[d];
        return violation;
      }
    }
  }
  return std::nullopt;
}

/// "K, C or Y" for a parallel mask.
static std::string dimList(uint8_t mask, const char *conjunction) {
  std::string text;
  int count = 0, total = 0;
  for (int d = 0; d < cost::kNumDims; ++d)
    total += (mask >> d) & 1;
  for (int d = 0; d < cost::kNumDims; ++d) {
    if (!((mask >> d) & 1))
      continue;
    ++count;
    if (count > 1)
      text += count == total ? conjunction : ", ";
    text += cost::dimName(cost::Dim(d));
  }
  return text;
}

static std::string sizeRuleText(const SizeRule &rule) {
  if (rule.kind == SizeRule::Kind::Fixed)
    return std::to_string(rule.value);
  return "the parent's " + std::string(cost::dimName(rule.dim)) + " tile";
}

std::string digamma::search::describeRule(const MapSpace &space,
                                          MapSpaceRule rule, int level,
                                          cost::Dim dim) {
  std::string at = "level " + std::to_string(level);
  const MapSpaceLevel &rules = space.levels[std::clamp(level, 0, cost::kMaxLevels - 1)];
  switch (rule) {
  case MapSpaceRule::Levels:
    return "the level count is " + std::to_string(space.numLevels);
  case MapSpaceRule::Parallel:
    return at + " spreads " + dimList(rules.parallelDims, " or ");
  case MapSpaceRule::ParallelSize: {
    std::string size = rules.parallelSize.kind == SizeRule::Kind::ParentTile
                           ? (level == 0 ? "the layer's " : "the parent's ") +
                                 std::string(cost::dimName(
                                     rules.parallelSize.dim)) +
                                 (level == 0 ? " extent" : " tile")
                           : std::to_string(rules.parallelSize.value);
    return at + "'s parallel size is " + size;
  }
  case MapSpaceRule::Order: {
    std::string prefix;
    for (int i = 0; i < rules.orderPrefixLength; ++i)
      prefix += (i ? ", " : "") + std::string(cost::dimName(rules.orderPrefix[i]));
    return at + "'s loop order starts " + prefix;
  }
  case MapSpaceRule::Tile: {
    const SizeRule &tile = rules.tiles[static_cast<int>(dim)];
    std::string size = sizeRuleText(tile);
    if (tile.kind == SizeRule::Kind::ParentTile && level == 0)
      size = "the layer's " + std::string(cost::dimName(tile.dim)) + " extent";
    return at + "'s " + std::string(cost::dimName(dim)) + " tile is " + size;
  }
  }
  return at;
}

std::string
digamma::search::describeViolation(const MapSpace &space,
                                   const MapSpaceViolation &violation) {
  std::string text = "map space '" + space.name + "': " +
                     describeRule(space, violation.rule, violation.level,
                                  violation.dim);
  auto dim = [](int64_t index) {
    return std::string(cost::dimName(cost::Dim(index)));
  };
  switch (violation.rule) {
  case MapSpaceRule::Parallel:
    return text + ", got " + dim(violation.actual);
  case MapSpaceRule::Order:
    return text + ", got " + dim(violation.actual) + " at position " +
           std::to_string(violation.position);
  case MapSpaceRule::ParallelSize:
  case MapSpaceRule::Tile:
    return text + " (" + std::to_string(violation.expected) + "), got " +
           std::to_string(violation.actual);
  case MapSpaceRule::Levels:
    break;
  }
  return text + ", got " + std::to_string(violation.actual);
}

void digamma::search::repairMapping(
    const MapSpace &space, const std::array<int64_t, cost::kNumDims> &extent,
    bool depthwise, cost::Mapping &mapping) {
  if (space.empty())
    return;
  // A new level copies the one above it; its tiles are ruled or clamped
  // below.
  while (mapping.numLevels < space.numLevels) {
    mapping.level(mapping.numLevels) = mapping.level(mapping.numLevels - 1);
    ++mapping.numLevels;
  }
  mapping.numLevels = space.numLevels;
  for (int l = 0; l < space.numLevels; ++l) {
    const MapSpaceLevel &rules = space.levels[l];
    cost::MappingLevel &level = mapping.level(l);
    if (!rules.allowsParallel(level.parallelDim, depthwise)) {
      int first = -1, useful = -1;
      for (int d = 0; d < cost::kNumDims; ++d) {
        if (!rules.allowsParallel(cost::Dim(d), depthwise))
          continue;
        if (first < 0)
          first = d;
        if (useful < 0 && extent[d] > 1)
          useful = d;
      }
      level.parallelDim = cost::Dim(useful >= 0 ? useful : first);
    }
    if (rules.orderPrefixLength > 0) {
      // The prefix, then the other loops in their current order.
      std::array<cost::Dim, cost::kNumDims> order = level.order;
      int next = 0;
      for (int i = 0; i < rules.orderPrefixLength; ++i)
        level.order[next++] = rules.orderPrefix[i];
      for (cost::Dim d : order) {
        bool inPrefix = false;
        for (int i = 0; i < rules.orderPrefixLength; ++i)
          inPrefix |= rules.orderPrefix[i] == d;
        if (!inPrefix)
          level.order[next++] = d;
      }
    }
    for (int d = 0; d < cost::kNumDims; ++d) {
      int64_t &tile = level.tiles[d];
      tile = rules.tiles[d].isFree()
                 ? std::clamp<int64_t>(tile, 1,
                                       parentTile(l, d, extent, mapping))
                 : ruledTile(rules.tiles[d], l, d, extent, mapping);
    }
  }
}
