//===- DiGamma.cpp - DiGamma's genetic algorithm --------------------------===//
//
// Children are bred sequentially from one seeded generator and evaluated in
// parallel, each evaluation a pure function of the child, so the result does
// not depend on the thread count. Populations are allocated once per search.
//
//===----------------------------------------------------------------------===//

#include "digamma/Search/Encoding.h"
#include "digamma/Search/Pareto.h"

#include "BatchEvaluator.h"
#include "Common.h"
#include "Genetic.h"

#include <algorithm>
#include <cmath>

using namespace digamma;
using namespace digamma::search;

SearchResult digamma::search::runDiGamma(const cost::Layer &layer,
                                         const SearchOptions &options) {
  if (options.objective == Objective::Pareto)
    return runParetoDiGamma(layer, options);
  return detail::runGenetic(layer, options, nullptr, nullptr);
}

void detail::mutateChild(Individual &child, const SearchSpace &space,
                         Random &rng) {
  const GeneticParameters &ga = space.options.genetic;
  if (space.searchMapping) {
    if (rng.chance(ga.reorderRate))
      reorder(child, rng);
    for (int k = 0; k < ga.mutateMapLoci; ++k)
      if (rng.chance(ga.mutateMapRate))
        mutateMap(child, space, rng);
    if (rng.chance(ga.swapParallelRate))
      swapParallel(child);
    if (rng.chance(ga.growRate))
      grow(child, space, rng);
    if (rng.chance(ga.ageRate))
      age(child, space);
  }
  if (rng.chance(space.searchMapping ? ga.mutateHardwareRate : 1.0))
    mutateHardware(child, space, rng);
  space.repair(child);
  if (ga.fitParallelismRate > 0 && rng.chance(ga.fitParallelismRate)) {
    fitParallelism(child, space, rng);
    space.repair(child);
  }
}

SearchResult detail::runGenetic(const cost::Layer &layer,
                                const SearchOptions &options,
                                ScoredBatchObserver *observer,
                                std::vector<Individual> *finalPopulation) {
  SearchSpace space(layer, options);
  if (std::optional<std::string> error = checkSearchInputs(space))
    return detail::failedResult(*error);
  const GeneticParameters &ga = options.genetic;
  LevelSchedule levels(space);
  Random rng(options.seed);
  detail::BatchEvaluator pool(space, detail::threadCount(options));
  size_t population = static_cast<size_t>(std::min<int64_t>(
      std::max(detail::populationSize(options), 2), options.samples));
  population = std::max<size_t>(population, 1);
  size_t elites = std::clamp<size_t>(
      static_cast<size_t>(std::lround(population * ga.eliteRatio)), 1,
      population);
  size_t maxParents = std::max<size_t>(
      static_cast<size_t>(std::lround(population * ga.parentsRatio)), 1);

  // Two populations and the parent list, allocated once: breeding copies
  // fixed-size individuals and never allocates.
  std::vector<Individual> current(population), next(population);
  std::vector<size_t> parents;
  parents.reserve(population);
  for (Individual &ind : current)
    space.randomize(ind, rng, ga.unitInitialTiles);
  // The smallest design joins the first population, so any budget that
  // admits the smallest design yields a result.
  space.smallest(current[0]);
  if (options.initialMapping && space.searchMapping) {
    Individual &start = current[population > 1 ? 1 : 0];
    start.mapping = *options.initialMapping;
    space.repair(start);
  }
  pool.evaluate(current.data(), population);
  if (observer)
    observer->observe(current.data(), population);
  int64_t used = static_cast<int64_t>(population);
  std::vector<double> trace;
  std::vector<int64_t> traceSamples;
  // Ranks `current` as a stable sort by better() would, sorting indices
  // (ties by index) rather than moving individuals, and gathering them
  // into `next` once: the individuals are large, and this allocates
  // nothing.
  std::vector<size_t> order(population);
  auto rank = [&] {
    for (size_t i = 0; i < population; ++i)
      order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      if (SearchSpace::better(current[a], current[b]))
        return true;
      return !SearchSpace::better(current[b], current[a]) && a < b;
    });
    for (size_t i = 0; i < population; ++i)
      next[i] = current[order[i]];
    std::swap(current, next);
  };
  rank();
  trace.push_back(current[0].valid ? current[0].objective : -1.0);
  traceSamples.push_back(used);

  while (used < options.samples) {
    // Parents: the best distinct valid individuals. Identical genomes rank
    // next to each other, so comparing neighbours removes duplicates.
    parents.clear();
    for (size_t i = 0; i < population && parents.size() < maxParents; ++i) {
      if (!current[i].valid)
        break;
      if (parents.empty() || !sameGenes(current[i], current[parents.back()]))
        parents.push_back(i);
    }
    size_t children = static_cast<size_t>(
        std::min<int64_t>(population - elites, options.samples - used));
    std::copy(current.begin(), current.begin() + elites, next.begin());
    Individual *brood = next.data() + elites;
    for (size_t i = 0; i < children; i += 2) {
      bool pair = i + 1 < children;
      if (parents.empty()) {
        // Nothing valid yet: start over from fresh random designs.
        space.randomize(brood[i], rng);
        if (pair)
          space.randomize(brood[i + 1], rng);
        continue;
      }
      size_t dad = rng.uniform(0, parents.size() - 1), mom = dad;
      if (parents.size() > 1) {
        mom = rng.uniform(0, parents.size() - 2);
        mom += mom >= dad; // a different parent
      }
      brood[i] = current[parents[dad]];
      Individual spare; // the second child of an odd last pair is dropped
      Individual &sibling = pair ? brood[i + 1] : spare;
      sibling = current[parents[mom]];
      if (space.searchMapping && rng.chance(ga.crossoverRate))
        crossover(brood[i], sibling, rng);
    }
    for (size_t i = 0; i < children; ++i)
      mutateChild(brood[i], space, rng);
    pool.evaluate(brood, children);
    if (observer)
      observer->observe(brood, children);
    used += static_cast<int64_t>(children);
    // In a last, partial generation the rest of the old population stays.
    std::copy(current.begin() + elites + children, current.end(),
              next.begin() + elites + children);
    std::swap(current, next);
    rank();
    trace.push_back(current[0].valid ? current[0].objective : -1.0);
    traceSamples.push_back(used);
    levels.update(space, used, current[0]);
  }
  SearchResult result = space.finish(current[0], used, std::move(trace));
  result.samplesPerGeneration = std::move(traceSamples);
  if (finalPopulation)
    *finalPopulation = std::move(current);
  return result;
}
