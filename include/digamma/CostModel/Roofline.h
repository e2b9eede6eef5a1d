//===- Roofline.h - A layer's roofline bound --------------------*- C++ -*-===//
//
// The fewest cycles any design can take for a layer: the larger of its MACs
// over the most PEs a budget allows and its compulsory off-chip traffic
// (every input element a MAC reads and every weight read once, every
// output written once, at each tensor's element size) over the off-chip
// bandwidth. digamma-bench compares designs with it; the search's bound
// can share it.
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_COSTMODEL_ROOFLINE_H
#define DIGAMMA_COSTMODEL_ROOFLINE_H

#include "digamma/CostModel/Bound.h"
#include "digamma/CostModel/Problem.h"

#include <cstdint>

namespace digamma::cost {

/// The layer's MACs (batch and groups included); saturates at INT64_MAX.
int64_t layerMacs(const Layer &layer);

// compulsoryOffchipBytes(layer, bytes) is Bound.h's: the bound's off-chip
// term and the roofline share it.

/// max(ceil(MACs / maxPEs), ceil(compulsory bytes / offchipBytesPerCycle));
/// \p offchipBytesPerCycle 0 means unbounded (the compute term alone).
/// \p maxPEs and \p uniformBytes must be positive.
int64_t rooflineCycles(const Layer &layer, int64_t maxPEs,
                       int64_t offchipBytesPerCycle, int64_t uniformBytes);

} // namespace digamma::cost

#endif // DIGAMMA_COSTMODEL_ROOFLINE_H
