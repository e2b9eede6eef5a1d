//===- Bound.cpp - The bound of a layer under search options --------------===//

#include "digamma/Search/Search.h"

#include "Common.h"

#include <algorithm>

using namespace digamma;
using namespace digamma::search;

cost::CycleBound digamma::search::cycleBound(const cost::Layer &layer,
                                             const SearchOptions &options) {
  // The PEs a design can pay for, not the search's own cap
  // (detail::maxPEs).
  const int64_t bytes = detail::elementBytes(options);
  int64_t pes = options.mode == Mode::FixedHW
                    ? options.fixedHardware.numPEs
                    : std::min(cost::mostPEsWithinArea(options.areaBudgetUm2,
                                                       layer, bytes,
                                                       options.model.area),
                               options.peLimit);
  int levels = options.maxLevels;
  if (options.mode == Mode::FixedMapping && options.fixedMapping)
    levels = options.fixedMapping->numLevels;
  else if (options.fixedArrayShape && options.initialMapping)
    levels = options.initialMapping->numLevels;
  // The bandwidths every design is evaluated with (SearchSpace::evaluate).
  cost::Hardware hw = options.fixedHardware;
  hw.bytesPerElement = bytes;
  return cost::cycleBound(layer, pes, levels, hw.simdLanes,
                          cost::offchipLinkOf(hw));
}
