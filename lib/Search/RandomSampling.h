//===- RandomSampling.h - Batches of random designs -------------*- C++ -*-===//
//
// Private to lib/Search: the sampling loop of random search and of its front
// search. Designs are drawn from one seeded generator on the calling thread
// and evaluated in parallel batches, so what a caller sees does not depend
// on the thread count.
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_LIB_SEARCH_RANDOMSAMPLING_H
#define DIGAMMA_LIB_SEARCH_RANDOMSAMPLING_H

#include "BatchEvaluator.h"
#include "Common.h"

#include <algorithm>
#include <vector>

namespace digamma::search::detail {

/// Draws options.samples random designs of \p space in batches of the
/// population size (at most the samples), \p smallestFirst putting the
/// smallest design first, and calls visit(batch, count, samplesUsed) after
/// each batch is scored. Returns the samples used.
template <typename Visit>
int64_t sampleRandomly(const SearchSpace &space, bool smallestFirst,
                       Visit &&visit) {
  const SearchOptions &options = space.options;
  Random rng(options.seed);
  BatchEvaluator pool(space, threadCount(options));
  // Batches only bound memory and define the trace's "generations"; the
  // samples are independent. None is larger than the budget, so a huge
  // population allocates no more than the samples need.
  size_t batchSize = static_cast<size_t>(
      std::min<int64_t>(populationSize(options), options.samples));
  std::vector<Individual> batch(batchSize);
  int64_t used = 0;
  while (used < options.samples) {
    size_t count = static_cast<size_t>(
        std::min<int64_t>(batchSize, options.samples - used));
    for (size_t i = 0; i < count; ++i)
      space.randomize(batch[i], rng);
    if (used == 0 && smallestFirst)
      space.smallest(batch[0]);
    pool.evaluate(batch.data(), count);
    used += static_cast<int64_t>(count);
    visit(batch.data(), count, used);
  }
  return used;
}

} // namespace digamma::search::detail

#endif // DIGAMMA_LIB_SEARCH_RANDOMSAMPLING_H
