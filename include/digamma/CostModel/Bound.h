//===- Bound.h - The fewest cycles any design can take ----------*- C++ -*-===//
//
// A lower bound on the cycles of every valid design of a layer under a
// budget, computed without searching: how far a found design is from what
// the budget physically allows. It holds for the sound semantics (the
// property tests check it against random and searched designs); MAESTRO's
// own figures (maestro semantics) can undercut it.
//
// What it assumes (README.md, "The bound"):
//  * at most maxPEs PEs: the PE limit or the fixed PE count, or what the
//    area budget holds when every PE costs its MAC and the smallest L1 the
//    cost model sizes (a double-buffered element of each tensor), and the
//    L2 at least as much (mostPEsWithinArea()); larger buffers are free;
//  * a PE does at most simdLanes MACs per cycle;
//  * a mapping spreads at most one loop dimension per level over the PEs,
//    with at most maxLevels levels, and a PE's work is a tile of the loop
//    nest: spreading a dimension of extent E over F units leaves some unit
//    ceil(E / F) of it.
// NoC and off-chip transfers, pipeline fills and buffer areas only add to
// it; none is charged.
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_COSTMODEL_BOUND_H
#define DIGAMMA_COSTMODEL_BOUND_H

#include "digamma/CostModel/CostModel.h"

#include <array>
#include <cstdint>
#include <string_view>

namespace digamma::cost {

/// The limit that sets a CycleBound.
enum class BoundLimit : uint8_t {
  /// The MACs over every PE the budget holds.
  PEs,
  /// The loop extents: no spread over at most maxLevels levels of those PEs
  /// divides the work evenly.
  Parallelism,
};

/// "pes" or "parallelism", as the reports spell it.
std::string_view boundLimitName(BoundLimit limit);

struct CycleBound {
  /// False for a layer with no valid design at all (a bad shape, or a MAC
  /// count that overflows 64 bits); every figure is then 0.
  bool valid = false;
  /// The bound: the largest of the terms below.
  int64_t cycles = 0;
  /// N * ceil(MACs per batch element / (maxPEs * simdLanes)).
  int64_t peCycles = 0;
  /// N * ceil(W / simdLanes), W the least per-PE work of any spread of at
  /// most maxLevels dimensions over at most maxPEs PEs: the product over
  /// the dimensions of ceil(extent / units spread over). Never below
  /// peCycles.
  int64_t parallelismCycles = 0;
  BoundLimit limit = BoundLimit::PEs;
  /// Units per dimension (indexed by Dim; Y and X in output rows and
  /// columns) of a spread that reaches parallelismCycles: the PE array an
  /// ideal design would have. All 1 if no spread helps.
  std::array<int64_t, kNumDims> spread = {1, 1, 1, 1, 1, 1};
  /// What the bound assumed: the most PEs, mapping levels and SIMD lanes
  /// (after clamping to at least 1, and the levels to at most kNumDims).
  int64_t maxPEs = 1;
  int maxLevels = 1;
  int64_t simdLanes = 1;
  /// False if the spreads were too many to enumerate (extents far beyond
  /// any DNN's): parallelismCycles is then the weaker
  /// max(peCycles, N * ceil(product of all but the maxLevels largest
  /// extents / simdLanes)), still a bound, and spread is all 1.
  bool exact = true;
};

/// The most PEs a design within \p areaUm2 can have with elements of
/// \p bytesPerElement bytes: each PE costs a MAC and the smallest L1 the
/// cost model sizes, and the L2 is at least as large (CostReport's
/// l1Elements and l2Elements are never below kSmallestBufferElements). At
/// least 1; PEs whose MACs alone fit (pesWithinArea()) are at most a few
/// percent more.
int64_t mostPEsWithinArea(double areaUm2, int64_t bytesPerElement,
                          const AreaConstants &constants = {});

/// The smallest L1 (per PE) and L2 requirement of any sound design: the
/// three tensors' tiles of one element, double-buffered.
inline constexpr int64_t kSmallestBufferElements = 2 * 3;

/// The bound of \p layer for designs of at most \p maxPEs PEs (at least 1)
/// of \p simdLanes lanes and at most \p maxLevels mapping levels (at least
/// 1). Deterministic; allocates nothing.
CycleBound cycleBound(const Layer &layer, int64_t maxPEs, int maxLevels,
                      int64_t simdLanes = 1);

namespace detail {
/// cycleBound() giving up after \p maxVisits steps of the enumeration
/// (cycleBound's own limit is 2^22), for tests of the fallback.
CycleBound cycleBoundWithin(const Layer &layer, int64_t maxPEs, int maxLevels,
                            int64_t simdLanes, int64_t maxVisits);
} // namespace detail

} // namespace digamma::cost

#endif // DIGAMMA_COSTMODEL_BOUND_H
