//===- Search.cpp - DiGamma hardware/mapping co-optimization --------------===//
//
// Children are bred sequentially from one seeded generator and evaluated in
// parallel, each evaluation a pure function of the child, so the result does
// not depend on the thread count. Populations are allocated once per search.
//
//===----------------------------------------------------------------------===//

#include "digamma/Search/Encoding.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>
#include <thread>

using namespace digamma;
using namespace digamma::search;

namespace {

void evaluateBatch(const SearchSpace &problem, std::vector<Individual> &batch,
                   size_t begin, size_t end,
                   std::vector<cost::Evaluator> &evaluators) {
  size_t threads = std::min(evaluators.size(), end - begin);
  if (threads <= 1) {
    for (size_t i = begin; i < end; ++i)
      problem.evaluate(batch[i], evaluators[0]);
    return;
  }
  std::vector<std::thread> workers;
  workers.reserve(threads - 1);
  auto work = [&](size_t t) {
    for (size_t i = begin + t; i < end; i += threads)
      problem.evaluate(batch[i], evaluators[t]);
  };
  for (size_t t = 1; t < threads; ++t)
    workers.emplace_back(work, t);
  work(0);
  for (std::thread &worker : workers)
    worker.join();
}

std::vector<cost::Evaluator> makeEvaluators(const SearchOptions &options) {
  unsigned threads = options.threads;
  if (threads == 0)
    threads = std::max(1u, std::thread::hardware_concurrency());
  return std::vector<cost::Evaluator>(threads, cost::Evaluator(options.model));
}

//===----------------------------------------------------------------------===//
// DiGamma's operators
//===----------------------------------------------------------------------===//

/// Crossover: the child takes the tile genes of one random dimension at
/// every level it shares with the second parent.
} // namespace

std::optional<std::string>
digamma::search::validateOptions(const SearchOptions &options) {
  if (options.samples <= 0)
    return "samples must be positive";
  if (options.population < 0)
    return "population must not be negative";
  if (options.minLevels < 1 || options.maxLevels > 3 ||
      options.minLevels > options.maxLevels)
    return "levels must satisfy 1 <= min-levels <= max-levels <= 3";
  if (options.mode != Mode::FixedHW &&
      !(options.areaBudgetUm2 > 0 && std::isfinite(options.areaBudgetUm2)))
    return "the area budget must be a positive number of um^2";
  if (options.peLimit <= 0)
    return "the PE limit must be positive";
  const cost::Hardware &hw = options.fixedHardware;
  if (hw.bytesPerElement <= 0 || hw.nocBandwidth <= 0 ||
      hw.offchipBandwidth <= 0 || hw.simdLanes <= 0)
    return "element size, bandwidths and SIMD width must be positive";
  if (options.mode == Mode::FixedHW &&
      (hw.numPEs <= 0 || hw.l1Elements <= 0 || hw.l2Elements <= 0))
    return "fixed-hardware mode needs a positive PE count and L1/L2 sizes";
  if (options.mode == Mode::FixedMapping && !options.fixedMapping)
    return "fixed-mapping mode needs a mapping";
  if (options.fixedMapping &&
      (options.fixedMapping->numLevels < 1 ||
       options.fixedMapping->numLevels > cost::kMaxLevels))
    return "the fixed mapping has an invalid level count";
  return std::nullopt;
}

double digamma::search::smallestFeasibleAreaUm2(const cost::Layer &layer,
                                                const SearchOptions &options) {
  SearchSpace problem(layer, options);
  Individual ind;
  ind.numPEs = 1;
  ind.mapping.numLevels = options.mode == Mode::FixedMapping
                              ? options.fixedMapping->numLevels
                              : options.minLevels;
  if (options.mode == Mode::FixedMapping)
    ind.mapping = *options.fixedMapping;
  for (int l = 0; l < ind.mapping.numLevels; ++l) {
    if (options.mode != Mode::FixedMapping)
      ind.mapping.level(l).tiles.fill(1);
    ind.mapping.level(l).clusterSize = 1;
  }
  cost::Evaluator evaluator(options.model);
  SearchOptions unbounded = options;
  unbounded.areaBudgetUm2 = std::numeric_limits<double>::infinity();
  unbounded.mode = Mode::CoOpt;
  SearchSpace open(layer, unbounded);
  open.maxPEs = 1;
  open.evaluate(ind, evaluator);
  return ind.valid ? ind.areaUm2 : std::numeric_limits<double>::infinity();
}

SearchResult digamma::search::runRandomSearch(const cost::Layer &layer,
                                              const SearchOptions &options) {
  if (std::optional<std::string> error = validateOptions(options)) {
    SearchResult result;
    result.message = *error;
    return result;
  }
  SearchSpace problem(layer, options);
  Random rng(options.seed);
  std::vector<cost::Evaluator> evaluators = makeEvaluators(options);
  size_t batchSize = std::max(
      options.population > 0 ? options.population : kDefaultPopulation, 1);
  std::vector<Individual> batch(batchSize);
  Individual best;
  std::vector<double> trace;
  int64_t used = 0;
  while (used < options.samples) {
    size_t count = static_cast<size_t>(
        std::min<int64_t>(batchSize, options.samples - used));
    for (size_t i = 0; i < count; ++i)
      problem.randomize(batch[i], rng);
    evaluateBatch(problem, batch, 0, count, evaluators);
    for (size_t i = 0; i < count; ++i)
      if (SearchSpace::better(batch[i], best))
        best = batch[i];
    used += static_cast<int64_t>(count);
    trace.push_back(best.valid ? best.objective : -1.0);
  }
  return problem.finish(best, used, std::move(trace));
}

SearchResult digamma::search::runDiGamma(const cost::Layer &layer,
                                         const SearchOptions &options) {
  if (std::optional<std::string> error = validateOptions(options)) {
    SearchResult result;
    result.message = *error;
    return result;
  }
  SearchSpace problem(layer, options);
  Random rng(options.seed);
  std::vector<cost::Evaluator> evaluators = makeEvaluators(options);
  size_t population = static_cast<size_t>(std::max(
      options.population > 0 ? options.population : kDefaultPopulation, 2));
  population =
      std::min<size_t>(population, static_cast<size_t>(options.samples));
  // Elites survive unchanged; parents come from the best quarter.
  size_t elites = std::max<size_t>(population / 10, 1);
  size_t parents = std::max<size_t>(population / 4, 2);
  bool searchMapping = options.mode != Mode::FixedMapping;
  bool searchHardware = options.mode != Mode::FixedHW;

  std::vector<Individual> current(population), next(population);
  for (Individual &ind : current)
    problem.randomize(ind, rng);
  // The smallest design (one PE, every tile 1) joins the first population,
  // so any budget that admits a design yields one.
  if (searchMapping) {
    Individual &smallest = current[0];
    smallest.numPEs = 1;
    for (int l = 0; l < smallest.mapping.numLevels; ++l) {
      smallest.mapping.level(l).tiles.fill(1);
      smallest.mapping.level(l).clusterSize = 1;
    }
    problem.repair(smallest);
  }
  evaluateBatch(problem, current, 0, population, evaluators);
  int64_t used = static_cast<int64_t>(population);
  std::vector<double> trace;
  auto rank = [&](std::vector<Individual> &group) {
    std::stable_sort(group.begin(), group.end(), SearchSpace::better);
  };
  rank(current);
  trace.push_back(current[0].valid ? current[0].objective : -1.0);

  while (used < options.samples) {
    size_t children = static_cast<size_t>(
        std::min<int64_t>(population - elites, options.samples - used));
    std::copy(current.begin(), current.begin() + elites, next.begin());
    for (size_t i = elites; i < elites + children; ++i) {
      Individual &child = next[i];
      child = current[rng.uniform(0, parents - 1)];
      if (searchMapping && rng.chance(0.5))
        crossover(child, current[rng.uniform(0, parents - 1)], rng);
      if (searchMapping && rng.chance(0.5))
        reorder(child, rng);
      if (searchMapping && rng.chance(0.2))
        growOrAge(child, options, rng);
      if (searchMapping && rng.chance(0.7))
        mutateMap(child, problem, rng);
      if (searchHardware && rng.chance(0.5))
        mutateHardware(child, problem, rng);
      problem.repair(child);
    }
    evaluateBatch(problem, next, elites, elites + children, evaluators);
    used += static_cast<int64_t>(children);
    // Children that did not fit this generation keep the old individuals.
    std::copy(current.begin() + elites + children, current.end(),
              next.begin() + elites + children);
    std::swap(current, next);
    rank(current);
    trace.push_back(current[0].valid ? current[0].objective : -1.0);
  }
  return problem.finish(current[0], used, std::move(trace));
}
