//===- Search.cpp - DiGamma hardware/mapping co-optimization --------------===//
//
// Children are bred sequentially from one seeded generator and evaluated in
// parallel, each evaluation a pure function of the child, so the result does
// not depend on the thread count. Populations are allocated once per search.
//
//===----------------------------------------------------------------------===//

#include "digamma/Search/Baselines.h"
#include "digamma/Search/Encoding.h"

#include "Common.h"

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <iterator>
#include <limits>
#include <mutex>
#include <thread>

using namespace digamma;
using namespace digamma::search;

namespace {

/// Evaluates batches of individuals on a fixed set of threads, one
/// cost::Evaluator each. Threads start once per search and wait between
/// batches, so a generation costs two hand-offs, not thread creations.
/// Evaluation is a pure function of an individual, so which thread scores
/// which individual does not change any result.
class EvaluationPool {
public:
  EvaluationPool(const SearchSpace &space, unsigned threads)
      : space(space),
        evaluators(threads, cost::Evaluator(space.options.model)) {
    for (unsigned t = 1; t < threads; ++t)
      workers.emplace_back([this, t] { workerLoop(t); });
  }
  ~EvaluationPool() {
    {
      std::lock_guard<std::mutex> lock(mutex);
      stop = true;
    }
    wake.notify_all();
    for (std::thread &worker : workers)
      worker.join();
  }

  void evaluate(Individual *first, size_t size) {
    // Small batches are not worth a hand-off.
    if (workers.empty() || size < 2 * evaluators.size()) {
      for (size_t i = 0; i < size; ++i)
        space.evaluate(first[i], evaluators[0]);
      return;
    }
    {
      std::lock_guard<std::mutex> lock(mutex);
      batch = first;
      count = size;
      pending = static_cast<unsigned>(workers.size());
      ++epoch;
    }
    wake.notify_all();
    evaluateShare(0);
    std::unique_lock<std::mutex> lock(mutex);
    done.wait(lock, [this] { return pending == 0; });
  }

private:
  void evaluateShare(size_t t) {
    size_t stride = evaluators.size();
    for (size_t i = t; i < count; i += stride)
      space.evaluate(batch[i], evaluators[t]);
  }
  void workerLoop(unsigned t) {
    uint64_t seen = 0;
    for (;;) {
      {
        std::unique_lock<std::mutex> lock(mutex);
        wake.wait(lock, [&] { return stop || epoch != seen; });
        if (stop)
          return;
        seen = epoch;
      }
      evaluateShare(t);
      bool last;
      {
        std::lock_guard<std::mutex> lock(mutex);
        last = --pending == 0;
      }
      if (last)
        done.notify_one();
    }
  }

  const SearchSpace &space;
  std::vector<cost::Evaluator> evaluators;
  std::vector<std::thread> workers;
  std::mutex mutex;
  std::condition_variable wake, done;
  uint64_t epoch = 0;
  unsigned pending = 0;
  bool stop = false;
  Individual *batch = nullptr;
  size_t count = 0;
};

/// The given mapping must already be legal for the layer: FixedMapping mode
/// searches hardware only and must not silently change it.
std::optional<std::string> checkFixedMapping(const SearchSpace &space) {
  const cost::Mapping &m = *space.options.fixedMapping;
  for (int l = 0; l < m.numLevels; ++l) {
    const cost::MappingLevel &level = m.level(l);
    int seen = 0;
    for (cost::Dim d : level.order)
      seen |= 1 << static_cast<int>(d);
    if (seen != (1 << cost::kNumDims) - 1)
      return std::string("the fixed mapping's loop order at level ") +
             std::to_string(l) + " is not a permutation of K, C, Y, X, R, S";
    for (int d = 0; d < cost::kNumDims; ++d) {
      int64_t bound = l == 0 ? space.extent[d] : m.level(l - 1).tiles[d];
      if (level.tiles[d] < 1 || level.tiles[d] > bound)
        return std::string("the fixed mapping's ") +
               std::string(cost::dimName(cost::Dim(d))) + " tile at level " +
               std::to_string(l) + " is " + std::to_string(level.tiles[d]) +
               ", outside [1, " + std::to_string(bound) + "]";
    }
  }
  return std::nullopt;
}

class DiGammaOptimizer final : public Optimizer {
public:
  std::string_view name() const override { return "digamma"; }
  SearchResult run(const cost::Layer &layer,
                   const SearchOptions &options) const override {
    return runDiGamma(layer, options);
  }
};

class RandomOptimizer final : public Optimizer {
public:
  std::string_view name() const override { return "random"; }
  SearchResult run(const cost::Layer &layer,
                   const SearchOptions &options) const override {
    return runRandomSearch(layer, options);
  }
};

} // namespace

std::optional<std::string>
digamma::search::checkSearchInputs(const SearchSpace &space) {
  if (std::optional<std::string> error = validateOptions(space.options))
    return error;
  if (std::optional<std::string> error =
          checkLayer(space.layer, space.options.semantics))
    return error;
  if (space.options.mode == Mode::FixedMapping)
    return checkFixedMapping(space);
  return std::nullopt;
}

std::vector<int64_t>
digamma::search::peArrayShape(const cost::Hardware &hw,
                              const cost::Mapping &mapping) {
  int64_t inner = 1;
  for (int i = 1; i < mapping.numLevels; ++i)
    inner *= std::max<int64_t>(mapping.level(i).clusterSize, 1);
  std::vector<int64_t> shape = {std::max<int64_t>(hw.numPEs / inner, 1)};
  for (int i = 1; i < mapping.numLevels; ++i)
    shape.push_back(mapping.level(i).clusterSize);
  return shape;
}

int64_t digamma::search::bufferBytes(int64_t elements,
                                     int64_t bytesPerElement) {
  int64_t bytes;
  if (__builtin_mul_overflow(elements, bytesPerElement, &bytes))
    return std::numeric_limits<int64_t>::max();
  return bytes;
}

int64_t digamma::search::bufferElements(int64_t bytes,
                                        int64_t bytesPerElement) {
  return std::max<int64_t>(bytes / std::max<int64_t>(bytesPerElement, 1), 1);
}

std::optional<std::string>
digamma::search::checkLayer(const cost::Layer &layer,
                            cost::Semantics semantics) {
  auto text = [](int64_t value) { return std::to_string(value); };
  if (layer.n < 1 || layer.k < 1 || layer.c < 1 || layer.y < 1 || layer.x < 1 ||
      layer.r < 1 || layer.s < 1)
    return "every layer extent must be positive, got N=" + text(layer.n) +
           " K=" + text(layer.k) + " C=" + text(layer.c) +
           " Y=" + text(layer.y) + " X=" + text(layer.x) +
           " R=" + text(layer.r) + " S=" + text(layer.s);
  if (layer.strideY < 1 || layer.strideX < 1)
    return "the layer's strides must be positive, got " + text(layer.strideY) +
           "x" + text(layer.strideX);
  if (layer.layerClass == cost::LayerClass::DepthwiseConv && layer.k != 1)
    return "a depthwise layer has K = 1 (fold a channel multiplier into C), "
           "got K=" +
           text(layer.k);
  if (layer.dilationY < 1 || layer.dilationX < 1)
    return "the layer's dilations must be positive, got " +
           text(layer.dilationY) + "x" + text(layer.dilationX);
  if (layer.groups < 1 || layer.n % layer.groups != 0)
    return "the layer's groups must divide N, got " + text(layer.groups) +
           " groups and N=" + text(layer.n);
  if (layer.inputBytes < 0 || layer.weightBytes < 0 || layer.outputBytes < 0)
    return "element sizes must not be negative";
  if (layer.windowY() > layer.y || layer.windowX() > layer.x) {
    std::string filter = text(layer.r) + "x" + text(layer.s);
    if (layer.dilationY != 1 || layer.dilationX != 1)
      filter += " dilated " + text(layer.dilationY) + "x" +
                text(layer.dilationX) + ", spanning " +
                text(layer.windowY()) + "x" + text(layer.windowX());
    return "the layer's filter (" + filter + ") is larger than its input (" +
           text(layer.y) + "x" + text(layer.x) + ")";
  }
  // Otherwise every design is invalid and the search would end with "no
  // design fits" instead of the reason.
  if (semantics == cost::Semantics::Maestro &&
      (layer.n != 1 || layer.strideY != 1 || layer.strideX != 1))
    return "maestro semantics model batch 1 and stride 1 only (as MAESTRO "
           "does), got N=" +
           text(layer.n) + " stride=" + text(layer.strideY) + "x" +
           text(layer.strideX) + "; use sound semantics";
  if (semantics == cost::Semantics::Maestro &&
      (layer.dilationY != 1 || layer.dilationX != 1))
    return "maestro semantics model dilation 1 only (as MAESTRO does), got "
           "dilation=" +
           text(layer.dilationY) + "x" + text(layer.dilationX) +
           "; use sound semantics";
  return std::nullopt;
}

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
  // Score one PE with tiles of 1 (or the given mapping) with no budget.
  SearchOptions unbounded = options;
  unbounded.areaBudgetUm2 = std::numeric_limits<double>::infinity();
  if (unbounded.mode == Mode::FixedHW)
    unbounded.mode = Mode::CoOpt;
  if (unbounded.mode == Mode::FixedMapping && !unbounded.fixedMapping)
    return std::numeric_limits<double>::infinity();
  unbounded.minLevels = std::max(unbounded.minLevels, 1);
  SearchSpace space(layer, unbounded);
  Individual ind;
  space.smallest(ind);
  cost::Evaluator evaluator(options.model);
  space.evaluate(ind, evaluator);
  return ind.valid ? ind.areaUm2 : std::numeric_limits<double>::infinity();
}

SearchResult digamma::search::runRandomSearch(const cost::Layer &layer,
                                              const SearchOptions &options) {
  SearchSpace space(layer, options);
  if (std::optional<std::string> error = checkSearchInputs(space))
    return detail::failedResult(*error);
  Random rng(options.seed);
  EvaluationPool pool(space, detail::threadCount(options));
  // Batches only bound memory and define the trace's "generations"; the
  // samples are independent.
  size_t batchSize = static_cast<size_t>(detail::populationSize(options));
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

SearchResult digamma::search::runDiGamma(const cost::Layer &layer,
                                         const SearchOptions &options) {
  SearchSpace space(layer, options);
  if (std::optional<std::string> error = checkSearchInputs(space))
    return detail::failedResult(*error);
  const GeneticParameters &ga = options.genetic;
  Random rng(options.seed);
  EvaluationPool pool(space, detail::threadCount(options));
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
  int64_t used = static_cast<int64_t>(population);
  std::vector<double> trace;
  std::vector<int64_t> traceSamples;
  auto rank = [](std::vector<Individual> &group) {
    std::stable_sort(group.begin(), group.end(), SearchSpace::better);
  };
  rank(current);
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
    for (size_t i = 0; i < children; ++i) {
      Individual &child = brood[i];
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
    pool.evaluate(brood, children);
    used += static_cast<int64_t>(children);
    // In a last, partial generation the rest of the old population stays.
    std::copy(current.begin() + elites + children, current.end(),
              next.begin() + elites + children);
    std::swap(current, next);
    rank(current);
    trace.push_back(current[0].valid ? current[0].objective : -1.0);
    traceSamples.push_back(used);
  }
  SearchResult result = space.finish(current[0], used, std::move(trace));
  result.samplesPerGeneration = std::move(traceSamples);
  return result;
}

namespace {
/// Names in Algorithm order.
constexpr std::string_view kAlgorithmNames[] = {
    "digamma", "random", "sga", "pso", "sea", "de", "cmaes", "sa"};
} // namespace

const Optimizer &digamma::search::getOptimizer(Algorithm algorithm) {
  static const DiGammaOptimizer digammaOptimizer;
  static const RandomOptimizer randomOptimizer;
  if (algorithm == Algorithm::Random)
    return randomOptimizer;
  if (algorithm != Algorithm::DiGamma)
    return getBaselineOptimizer(algorithm);
  return digammaOptimizer;
}

std::optional<Algorithm>
digamma::search::parseAlgorithm(std::string_view name) {
  for (size_t i = 0; i < std::size(kAlgorithmNames); ++i)
    if (name == kAlgorithmNames[i])
      return static_cast<Algorithm>(i);
  return std::nullopt;
}

std::string_view digamma::search::algorithmName(Algorithm algorithm) {
  return kAlgorithmNames[static_cast<size_t>(algorithm)];
}

namespace {
struct ObjectiveName {
  std::string_view name;
  Objective objective;
};
constexpr ObjectiveName kObjectiveNames[] = {
    {"latency", Objective::Latency}, {"energy", Objective::Energy},
    {"edp", Objective::EDP},         {"lap", Objective::LatencyArea},
    {"power", Objective::Power},     {"area", Objective::Area},
};
} // namespace

std::optional<Objective>
digamma::search::parseObjective(std::string_view name) {
  for (const ObjectiveName &entry : kObjectiveNames)
    if (entry.name == name)
      return entry.objective;
  return std::nullopt;
}

std::string_view digamma::search::objectiveName(Objective objective) {
  for (const ObjectiveName &entry : kObjectiveNames)
    if (entry.objective == objective)
      return entry.name;
  return "unknown";
}

std::string_view digamma::search::objectiveNames() {
  return "latency, energy, edp, lap, power or area";
}

std::optional<Mode> digamma::search::parseMode(std::string_view name) {
  if (name == "co-opt")
    return Mode::CoOpt;
  if (name == "fixed-hw")
    return Mode::FixedHW;
  if (name == "fixed-mapping")
    return Mode::FixedMapping;
  return std::nullopt;
}

std::string_view digamma::search::algorithmNames() {
  return "digamma, random, sga, pso, sea, de, cmaes or sa";
}
