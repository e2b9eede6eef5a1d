//===- Common.h - Small rules every optimizer shares ------------*- C++ -*-===//
//
// Private to lib/Search: how options resolve to thread counts, population
// sizes and element sizes, and how a failed search is reported, written once
// for DiGamma, random search, the baselines, the two-step schemes and the
// whole-model search.
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_LIB_SEARCH_COMMON_H
#define DIGAMMA_LIB_SEARCH_COMMON_H

#include "digamma/Search/Search.h"

#include <algorithm>
#include <string>
#include <thread>
#include <utility>

namespace digamma::search::detail {

/// The option, or one thread per core.
inline unsigned threadCount(const SearchOptions &options) {
  if (options.threads > 0)
    return options.threads;
  return std::max(1u, std::thread::hardware_concurrency());
}

/// The option, or the reference GA's population.
inline int populationSize(const SearchOptions &options) {
  return options.population > 0 ? options.population : kDefaultPopulation;
}

/// Bytes per element of every design: the option, else the fixed
/// hardware's, at least 1.
inline int64_t elementBytes(const SearchOptions &options) {
  return options.bytesPerElement > 0
             ? options.bytesPerElement
             : std::max<int64_t>(options.fixedHardware.bytesPerElement, 1);
}

/// Most PEs a search considers.
inline constexpr int64_t kMaxSearchPEs = int64_t(1) << 20;

/// Largest PE count of a design: what the area budget pays for in MACs
/// alone (at least 1, at most kMaxSearchPEs), within the PE limit.
inline int64_t maxPEs(const SearchOptions &options) {
  int64_t byArea = std::clamp<int64_t>(
      cost::pesWithinArea(options.areaBudgetUm2, options.model.area), 1,
      kMaxSearchPEs);
  return std::min(byArea, options.peLimit);
}

/// A result that found nothing, with the reason.
inline SearchResult failedResult(std::string message) {
  SearchResult result;
  result.message = std::move(message);
  return result;
}

} // namespace digamma::search::detail

#endif // DIGAMMA_LIB_SEARCH_COMMON_H
