//===- Genetic.h - DiGamma's GA, shared with the front search --*- C++ -*-===//
//
// Private to lib/Search: DiGamma's single-figure genetic algorithm with a
// window onto what it scores, and the mutations it applies to every child,
// so that the front search (ParetoDiGamma.cpp) runs the same algorithm for
// each figure's extreme and breeds its own children alike.
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_LIB_SEARCH_GENETIC_H
#define DIGAMMA_LIB_SEARCH_GENETIC_H

#include "digamma/Search/Encoding.h"

#include <cstddef>
#include <vector>

namespace digamma::search::detail {

/// Sees every batch of individuals a search has scored (valid or not), in
/// the order the search scored them.
class ScoredBatchObserver {
public:
  virtual ~ScoredBatchObserver() = default;
  virtual void observe(const Individual *first, size_t count) = 0;
};

/// runDiGamma for a single figure (options.objective is not Pareto):
/// \p observer, if any, sees every scored batch; the final population,
/// ranked, is moved into \p finalPopulation if given. With neither, exactly
/// runDiGamma.
SearchResult runGenetic(const cost::Layer &layer, const SearchOptions &options,
                        ScoredBatchObserver *observer,
                        std::vector<Individual> *finalPopulation);

/// What DiGamma does to a child after crossover: reorder, mutate-map,
/// swap-parallel, grow and age (when the mapping is searched), mutate-HW,
/// repair, and sometimes the parallelism fit, each with its rate of
/// space.options.genetic.
void mutateChild(Individual &child, const SearchSpace &space, Random &rng);

} // namespace digamma::search::detail

#endif // DIGAMMA_LIB_SEARCH_GENETIC_H
