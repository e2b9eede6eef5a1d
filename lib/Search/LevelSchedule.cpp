//===- LevelSchedule.cpp - DiGamma's choice of the level count ------------===//
//
// A third mapping level is what lets a large PE array take a layer's
// channels and rows at once, but it makes the design space larger and each
// evaluation slower. The cycle bound says, before any search, whether fewer
// levels can do as well; the best design half-way says whether they did.
//
//===----------------------------------------------------------------------===//

#include "digamma/Search/Encoding.h"

#include <cmath>

using namespace digamma;
using namespace digamma::search;

LevelSchedule::LevelSchedule(SearchSpace &space) {
  const SearchOptions &options = space.options;
  // A map space fixes the level count: nothing to schedule.
  if (!space.searchMapping || options.objective != Objective::Latency ||
      options.minLevels >= options.maxLevels ||
      space.minLevels >= space.maxLevels)
    return;
  const GeneticParameters &ga = options.genetic;
  boundCycles = cycleBound(space.layer, options).cycles;
  if (boundCycles <= 0)
    return;
  SearchOptions fewer = options;
  int start = options.minLevels;
  for (; start < options.maxLevels; ++start) {
    fewer.maxLevels = start;
    if (double(cycleBound(space.layer, fewer).cycles) <=
        (1 + ga.levelStartTolerance) * double(boundCycles))
      break;
  }
  if (start == options.maxLevels)
    return;
  space.maxLevels = start;
  open = false;
  widenAt = static_cast<int64_t>(
      std::ceil(ga.levelWidenAt * double(options.samples)));
}

void LevelSchedule::update(SearchSpace &space, int64_t used,
                           const Individual &best) {
  if (open || used < widenAt)
    return;
  open = true;
  if (!best.valid || best.objective > space.options.genetic.levelWidenGap *
                                          double(boundCycles))
    space.maxLevels = space.options.maxLevels;
}
