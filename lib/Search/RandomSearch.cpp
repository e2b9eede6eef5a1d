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

#include "RandomSampling.h"

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
  Individual best;
  std::vector<double> trace;
  std::vector<int64_t> traceSamples;
  int64_t used = detail::sampleRandomly(
      space, /*smallestFirst=*/false,
      [&](const Individual *batch, size_t count, int64_t samplesUsed) {
        for (size_t i = 0; i < count; ++i)
          if (SearchSpace::better(batch[i], best))
            best = batch[i];
        trace.push_back(best.valid ? best.objective : -1.0);
        traceSamples.push_back(samplesUsed);
      });
  SearchResult result = space.finish(best, used, std::move(trace));
  result.samplesPerGeneration = std::move(traceSamples);
  return result;
}
