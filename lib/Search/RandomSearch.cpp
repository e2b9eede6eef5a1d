//===- RandomSearch.cpp - Uniform sampling of DiGamma's encoding ----------===//
//
// The quality baseline: independent random designs of the same encoding,
// evaluated in parallel batches, the best kept. Samples are drawn from one
// seeded generator on the calling thread, so the result does not depend on
// the thread count.
//
//===----------------------------------------------------------------------===//

#include "digamma/Search/Encoding.h"
#include "digamma/Search/Pareto.h"

#include "BatchEvaluator.h"
#include "Common.h"

#include <algorithm>

using namespace digamma;
using namespace digamma::search;

SearchResult digamma::search::runRandomSearch(const cost::Layer &layer,
                                              const SearchOptions &options) {
  if (options.objective == Objective::Pareto)
    return runParetoRandom(layer, options);
  SearchSpace space(layer, options);
  if (std::optional<std::string> error = checkSearchInputs(space))
    return detail::failedResult(*error);
  Random rng(options.seed);
  detail::BatchEvaluator pool(space, detail::threadCount(options));
  // Batches only bound memory and define the trace's "generations"; the
  // samples are independent. None is larger than the budget, so a huge
  // population allocates no more than the samples need.
  size_t batchSize = static_cast<size_t>(
      std::min<int64_t>(detail::populationSize(options), options.samples));
  std::vector<Individual> batch(batchSize);
  Individual best;
  std::vector<double> trace;
  std::vector<int64_t> traceSamples;
  int64_t used = 0;
  while (used < options.samples) {
    size_t count = static_cast<size_t>(
        std::min<int64_t>(batchSize, options.samples - used));
    for (size_t i = 0; i < count; ++i)
      space.randomize(batch[i], rng);
    pool.evaluate(batch.data(), count);
    for (size_t i = 0; i < count; ++i)
      if (SearchSpace::better(batch[i], best))
        best = batch[i];
    used += static_cast<int64_t>(count);
    trace.push_back(best.valid ? best.objective : -1.0);
    traceSamples.push_back(used);
  }
  SearchResult result = space.finish(best, used, std::move(trace));
  result.samplesPerGeneration = std::move(traceSamples);
  return result;
}
