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
//  * at a finite off-chip bandwidth, every design moves at least the
//    compulsory bytes (compulsoryOffchipBytes()) over the link, and a
//    design takes at least its off-chip bytes over the bandwidth;
//  * a mapping spreads at most one loop dimension per level over the PEs,
//    with at most maxLevels levels, and a PE's work is a tile of the loop
//    nest: spreading a dimension of extent E over F units leaves some unit
//    ceil(E / F) of it.
// NoC transfers, off-chip traffic beyond the compulsory bytes, pipeline
// fills and buffer areas only add to it; none is charged.
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_COSTMODEL_BOUND_H
#define DIGAMMA_COSTMODEL_BOUND_H

#include "digamma/CostModel/CostModel.h"

#include <array>
#include <cstdint>
#include <string_view>

namespace digamma::cost {

/// The term that sets a CycleBound (CycleBound::limitedBy).
enum class BoundLimit : uint8_t {
  /// The MACs over every PE the budget holds.
  PEs,
  /// The loop extents: no spread over at most maxLevels levels of those PEs
  /// divides the work evenly.
  Parallelism,
  /// The compulsory off-chip bytes over the off-chip bandwidth.
  Offchip,
};

/// "pes", "parallelism" or "offchip", as the reports spell it.
std::string_view boundLimitName(BoundLimit limit);

/// The off-chip link a bound charges the compulsory traffic to.
struct OffchipLink {
  /// Bytes per cycle; 0 for an unbounded link (no off-chip term).
  int64_t bytesPerCycle = 0;
  /// Bytes per element of the tensors without their own size
  /// (Layer::operandBytes).
  int64_t bytesPerElement = 1;
};

/// The link of \p hw: offchipBytesPerCycle(hw), or 0 if the bandwidth is
/// unbounded (isOffchipUnbounded), and hw.bytesPerElement.
OffchipLink offchipLinkOf(const Hardware &hw);

/// The off-chip bytes every design of \p layer moves at least (its
/// compulsory traffic): each input element some MAC reads, each weight of
/// each group and each output once, batch included, each tensor in its own
/// element size (\p bytesPerElement for tensors without one). Saturates at
/// INT64_MAX; 0 for a layer with a fault.
int64_t compulsoryOffchipBytes(const Layer &layer, int64_t bytesPerElement);

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
  /// ceil(offchipBytes / offchipBytesPerCycle); 0 at unbounded bandwidth.
  int64_t offchipCycles = 0;
  /// compulsoryOffchipBytes() of the layer (whatever the bandwidth) and
  /// the bandwidth assumed in bytes per cycle (0: unbounded).
  int64_t offchipBytes = 0;
  int64_t offchipBytesPerCycle = 0;
  /// The largest term; ties go to PEs, then parallelism.
  BoundLimit limitedBy = BoundLimit::PEs;
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

/// The smallest L1 (per PE) and L2 requirement of any sound design: the
/// three tensors' tiles of one element, double-buffered.
inline constexpr int64_t kSmallestBufferElements = 2 * 3;

/// kSmallestBufferElements in bytes for \p layer: each tensor's element in
/// its own size (\p bytesPerElement for tensors without one), twice.
int64_t smallestBufferBytes(const Layer &layer, int64_t bytesPerElement);

/// The most PEs a design of \p layer within \p areaUm2 can have: each PE
/// costs a MAC and the smallest L1 the cost model sizes, and the L2 is at
/// least as large (CostReport's l1Bytes and l2Bytes are never below
/// smallestBufferBytes()). At least 1; PEs whose MACs alone fit
/// (pesWithinArea()) are at most a few percent more.
int64_t mostPEsWithinArea(double areaUm2, const Layer &layer,
                          int64_t bytesPerElement,
                          const AreaConstants &constants = {});

/// The bound of \p layer for designs of at most \p maxPEs PEs (at least 1)
/// of \p simdLanes lanes and at most \p maxLevels mapping levels (at least
/// 1) behind \p offchip. Deterministic; allocates nothing.
CycleBound cycleBound(const Layer &layer, int64_t maxPEs, int maxLevels,
                      int64_t simdLanes = 1, const OffchipLink &offchip = {});

namespace detail {
/// cycleBound() giving up after \p maxVisits steps of the enumeration
/// (cycleBound's own limit is 2^22), for tests of the fallback.
CycleBound cycleBoundWithin(const Layer &layer, int64_t maxPEs, int maxLevels,
                            int64_t simdLanes, int64_t maxVisits,
                            const OffchipLink &offchip = {});
} // namespace detail

} // namespace digamma::cost

#endif // DIGAMMA_COSTMODEL_BOUND_H
