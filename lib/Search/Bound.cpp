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
  int64_t pes = options.mode == Mode::FixedHW
                    ? options.fixedHardware.numPEs
                    : std::min(cost::mostPEsWithinArea(
                                   options.areaBudgetUm2,
                                   detail::elementBytes(options),
                                   options.model.area),
                               options.peLimit);
  int levels = options.maxLevels;
  if (options.mode == Mode::FixedMapping && options.fixedMapping)
    levels = options.fixedMapping->numLevels;
  else if (options.fixedArrayShape && options.initialMapping)
    levels = options.initialMapping->numLevels;
  return cost::cycleBound(layer, pes, levels, options.fixedHardware.simdLanes);
}
