//===- MapSpace.h - Map-space constraints of a partly flexible chip -*- C++ -*-===//
//
// What a partially flexible accelerator lets its mappings choose, as data
// (after GAMMA's `mapping_cstr` and the flexibility classes of Kao et al., "A
// Formalism of Accelerator Flexibility", SIGMETRICS 2022): a level count and,
// per mapping level (outermost first), the parallel dimensions it may spread,
// its parallel size (the outer level's fan-out, an inner level's cluster
// size), a fixed outer prefix of its loop order and a rule per tile. Rules
// left out are free. An empty map space (no levels) constrains nothing.
//
// The search repairs every design into the space (SearchSpace::repair), so
// its operators stay efficient inside it; findViolation() is the one check
// of a mapping against a space, used by the search's tests, the fixed-
// mapping mode and the `digamma.mapping` verifier. Fixed-size storage: a
// space is copied into SearchOptions and read on the hot path without
// touching the heap (the name is only read by messages).
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_SEARCH_MAPSPACE_H
#define DIGAMMA_SEARCH_MAPSPACE_H

#include "digamma/CostModel/Problem.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>

namespace digamma::search {

/// How a map space sets one size: a tile, or a level's parallel size.
struct SizeRule {
  enum class Kind : uint8_t {
    /// Any legal size.
    Free,
    /// `value` (a tile: at most its parent tile).
    Fixed,
    /// The parent level's tile of `dim`; the layer's extent of `dim` at the
    /// outer level (GAMMA's "K": "K" fully unrolls K, "Y": "R" gives Y the
    /// parent's R tile).
    ParentTile,
  };
  Kind kind = Kind::Free;
  int64_t value = 0;
  cost::Dim dim = cost::Dim::K;

  bool isFree() const { return kind == Kind::Free; }
  static SizeRule fixed(int64_t value) { return {Kind::Fixed, value, {}}; }
  static SizeRule parentTile(cost::Dim dim) {
    return {Kind::ParentTile, 0, dim};
  }
  friend bool operator==(const SizeRule &a, const SizeRule &b) {
    return a.kind == b.kind && a.value == b.value && a.dim == b.dim;
  }
};

/// The rules of one mapping level.
struct MapSpaceLevel {
  /// Dimensions the level may spread, as bits 1 << Dim; 0 for any. A level
  /// spreads one of them (the cost model maps one dimension per level; a
  /// second spatial dimension such as row stationary's is a level of its
  /// own).
  uint8_t parallelDims = 0;
  /// Level 0: the fan-out (PEs / product of the inner cluster sizes);
  /// level l > 0: the cluster size that opens it.
  SizeRule parallelSize;
  /// The outermost orderPrefixLength loops, in this order; 6 fixes the
  /// whole order, 0 none.
  int orderPrefixLength = 0;
  std::array<cost::Dim, cost::kNumDims> orderPrefix = cost::kAllDims;
  /// Rule per tile, indexed by cost::Dim (Y and X tiles are output tiles).
  std::array<SizeRule, cost::kNumDims> tiles{};

  /// True if the level may spread \p dim. In a depthwise layer K and C are
  /// one dimension (K is 1; the cost model spreads a K-parallel level over
  /// C), so either allows the other.
  bool allowsParallel(cost::Dim dim, bool depthwise = false) const {
    auto allows = [&](cost::Dim d) {
      return (parallelDims >> static_cast<int>(d)) & 1;
    };
    if (parallelDims == 0 || allows(dim))
      return true;
    return depthwise && (dim == cost::Dim::K || dim == cost::Dim::C) &&
           (allows(cost::Dim::K) || allows(cost::Dim::C));
  }
};

struct MapSpace {
  /// The name messages give it: a bundled name or a file's.
  std::string name;
  /// Mapping levels every design has; 0 for an unconstrained space.
  int numLevels = 0;
  std::array<MapSpaceLevel, cost::kMaxLevels> levels{};

  bool empty() const { return numLevels == 0; }
};

/// The rules of \p a and \p b are the same (names are not compared).
bool sameRules(const MapSpace &a, const MapSpace &b);

/// The kinds of rules, for messages and violations.
enum class MapSpaceRule : uint8_t { Levels, Parallel, ParallelSize, Order, Tile };

/// A rule a design breaks: which, where, and the value it asked for.
struct MapSpaceViolation {
  MapSpaceRule rule = MapSpaceRule::Levels;
  int level = 0;
  /// The tile's dimension (Tile), the loop position (Order).
  cost::Dim dim = cost::Dim::K;
  int position = 0;
  /// What the rule asks for and what the design has (Levels, ParallelSize,
  /// Tile; the dimension index for Parallel and Order).
  int64_t expected = 0, actual = 0;
};

/// The size \p rule gives level \p level of \p mapping: the fixed value or
/// the parent tile (\p extent at level 0). Tiles clamp it to the parent
/// tile; parallel sizes take it as it is (at least 1).
int64_t resolveSizeRule(const SizeRule &rule, int level,
                        const std::array<int64_t, cost::kNumDims> &extent,
                        const cost::Mapping &mapping);

/// The mapped extents of \p layer (output rows and columns for Y and X), at
/// least 1.
std::array<int64_t, cost::kNumDims> mappedExtents(const cost::Layer &layer);

/// The first rule of \p space that \p mapping breaks for \p layer on
/// \p numPEs PEs, or nullopt. Rules are checked level by level, outermost
/// first: levels, parallel dimension, parallel size, order, tiles. With
/// \p numPEs = 0 the outer level's parallel size is not checked (a mapping
/// without hardware). Allocates nothing.
std::optional<MapSpaceViolation>
findViolation(const MapSpace &space, const cost::Layer &layer,
              const cost::Mapping &mapping, int64_t numPEs);
/// findViolation() for a layer known by its mapped extents \p extent; an
/// extent of 0 is unknown, and the outer level's rules that need it are not
/// checked (a mapping in the IR without its loop nest).
std::optional<MapSpaceViolation>
findViolation(const MapSpace &space,
              const std::array<int64_t, cost::kNumDims> &extent,
              const cost::Mapping &mapping, int64_t numPEs, bool depthwise);

/// "level 1's parallel size is 64" style: the rule itself, as the file says
/// it ("the level count is 2", "level 1 spreads C", "level 0's loop order
/// starts K, C", "level 1's Y tile is the parent's R tile").
std::string describeRule(const MapSpace &space, MapSpaceRule rule, int level,
                         cost::Dim dim = cost::Dim::K);

/// "map space 'nvdla': level 1 spreads C, got K": the rule and what the
/// design has instead.
std::string describeViolation(const MapSpace &space,
                              const MapSpaceViolation &violation);

/// Moves \p mapping into \p space's mapping rules: the level count, each
/// level's parallel dimension (a disallowed one becomes the first allowed
/// dimension worth spreading, extent > 1, else the first allowed), loop-order
/// prefix (the other loops keep their relative order) and tiles (outer level
/// first, free ones within [1, parent tile]). Cluster sizes and the PE count
/// are the caller's (SearchSpace::repair). Allocates nothing.
void repairMapping(const MapSpace &space,
                   const std::array<int64_t, cost::kNumDims> &extent,
                   bool depthwise, cost::Mapping &mapping);

} // namespace digamma::search

#endif // DIGAMMA_SEARCH_MAPSPACE_H
