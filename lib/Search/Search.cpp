//===- Search.cpp - DiGamma hardware/mapping co-optimization --------------===//
//
// Children are bred sequentially from one seeded generator and evaluated in
// parallel, each evaluation a pure function of the child, so the result does
// not depend on the thread count. Populations are allocated once per search.
//
//===----------------------------------------------------------------------===//

#include "digamma/Search/Search.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>
#include <thread>

using namespace digamma;
using namespace digamma::search;

namespace {

/// One design point: the PE count gene and the mapping genes.
struct Individual {
  int64_t numPEs = 1;
  cost::Mapping mapping;
  bool valid = false;
  double objective = 0, tieBreak = 0, areaUm2 = 0;
};

/// Seeded generator with its own range mapping (std distributions are
/// implementation-defined).
class Random {
public:
  explicit Random(uint64_t seed) : engine(seed) {}
  /// Uniform in [lo, hi].
  int64_t uniform(int64_t lo, int64_t hi) {
    uint64_t span = static_cast<uint64_t>(hi - lo) + 1;
    return lo + static_cast<int64_t>(engine() % span);
  }
  /// Log-uniform in [1, hi]: small and large tiles equally likely by scale.
  int64_t logUniform(int64_t hi) {
    double u = static_cast<double>(engine() >> 11) * 0x1.0p-53;
    int64_t v = static_cast<int64_t>(std::exp(u * std::log(double(hi) + 1)));
    return std::clamp<int64_t>(v, 1, hi);
  }
  bool chance(double p) {
    return static_cast<double>(engine() >> 11) * 0x1.0p-53 < p;
  }

private:
  std::mt19937_64 engine;
};

double objectiveValue(Objective objective, const cost::CostReport &report,
                      double area) {
  double cycles = static_cast<double>(report.cycles);
  switch (objective) {
  case Objective::Latency:
    return cycles;
  case Objective::Energy:
    return report.energyNJ;
  case Objective::EDP:
    return report.energyNJ * cycles;
  case Objective::LatencyArea:
    return cycles * area;
  case Objective::Power:
    return report.power;
  case Objective::Area:
    break;
  }
  return area;
}

/// Everything shared by the algorithms: genes' legal ranges, decoding,
/// repair and scoring.
class Problem {
public:
  Problem(const cost::Layer &layer, const SearchOptions &options)
      : layer(layer), options(options) {
    bytes = options.bytesPerElement > 0
                ? options.bytesPerElement
                : std::max<int64_t>(options.fixedHardware.bytesPerElement, 1);
    for (int d = 0; d < cost::kNumDims; ++d) {
      extent[d] = std::max<int64_t>(layer.mappedExtent(cost::Dim(d)), 1);
      // Spreading a dimension of extent 1 over PEs is no parallelism; such
      // a dimension may not even exist in the op (GEMM has no R).
      if (extent[d] > 1)
        parallelChoices[numParallelChoices++] = cost::Dim(d);
    }
    if (numParallelChoices == 0)
      parallelChoices[numParallelChoices++] =
          layer.layerClass == cost::LayerClass::DepthwiseConv ? cost::Dim::C
                                                              : cost::Dim::K;
    if (options.mode == Mode::FixedHW) {
      maxPEs = std::max<int64_t>(options.fixedHardware.numPEs, 1);
    } else {
      // No design with more PEs than the MACs alone fit the budget.
      double byArea = options.areaBudgetUm2 / options.model.area.macAreaUm2;
      maxPEs = static_cast<int64_t>(std::clamp(byArea, 1.0, 1048576.0));
      maxPEs = std::min(maxPEs, options.peLimit);
    }
  }

  /// A uniformly random legal individual.
  void randomize(Individual &ind, Random &rng) const {
    if (options.mode == Mode::FixedMapping) {
      ind.mapping = *options.fixedMapping;
    } else {
      ind.mapping.numLevels =
          static_cast<int>(rng.uniform(options.minLevels, options.maxLevels));
      for (int l = 0; l < ind.mapping.numLevels; ++l) {
        cost::MappingLevel &level = ind.mapping.level(l);
        level.parallelDim = randomParallelDim(rng);
        level.order = cost::kAllDims;
        for (int i = cost::kNumDims - 1; i > 0; --i)
          std::swap(level.order[i], level.order[rng.uniform(0, i)]);
        for (int d = 0; d < cost::kNumDims; ++d)
          level.tiles[d] = rng.logUniform(
              l == 0 ? extent[d] : ind.mapping.level(l - 1).tiles[d]);
      }
    }
    ind.numPEs = options.mode == Mode::FixedHW ? maxPEs
                                                : rng.logUniform(maxPEs);
    for (int l = 1; l < ind.mapping.numLevels; ++l)
      ind.mapping.level(l).clusterSize = rng.logUniform(ind.numPEs);
    repair(ind);
  }

  cost::Dim randomParallelDim(Random &rng) const {
    return parallelChoices[rng.uniform(0, numParallelChoices - 1)];
  }

  /// Makes genes legal: tiles within [1, parent tile], cluster sizes whose
  /// product fits the PE count, the PE count within its bounds.
  void repair(Individual &ind) const {
    cost::Mapping &m = ind.mapping;
    if (options.mode == Mode::FixedHW)
      ind.numPEs = maxPEs;
    ind.numPEs = std::clamp<int64_t>(ind.numPEs, 1, maxPEs);
    for (int l = 0; l < m.numLevels; ++l)
      for (int d = 0; d < cost::kNumDims; ++d) {
        int64_t bound = l == 0 ? extent[d] : m.level(l - 1).tiles[d];
        m.level(l).tiles[d] = std::clamp<int64_t>(m.level(l).tiles[d], 1,
                                                  bound);
      }
    int64_t budget = ind.numPEs;
    for (int l = m.numLevels - 1; l >= 1; --l) {
      int64_t &cluster = m.level(l).clusterSize;
      cluster = std::clamp<int64_t>(cluster, 1, budget);
      budget /= cluster;
    }
    m.level(0).clusterSize = 1;
  }

  /// Scores \p ind in place with \p evaluator; returns its cost report.
  const cost::CostReport &evaluate(Individual &ind,
                                   cost::Evaluator &evaluator) const {
    cost::Hardware hw = options.fixedHardware;
    hw.numPEs = ind.numPEs;
    hw.bytesPerElement = bytes;
    if (options.mode != Mode::FixedHW)
      hw.l1Elements = hw.l2Elements = cost::kUnbounded;
    const cost::CostReport &report =
        evaluator.evaluate(layer, hw, ind.mapping, options.semantics);
    ind.valid = false;
    if (!report.valid)
      return report;
    cost::Constraints constraints;
    if (options.mode == Mode::FixedHW) {
      ind.areaUm2 = cost::digammaAreaUm2(hw.numPEs, hw.l1Elements,
                                         hw.l2Elements, bytes,
                                         options.model.area);
    } else {
      constraints.areaBudgetUm2 = options.areaBudgetUm2;
      constraints.peLimit = options.peLimit;
      ind.areaUm2 = cost::digammaAreaUm2(hw.numPEs, report.l1Elements,
                                         report.l2Elements, bytes,
                                         options.model.area);
    }
    if (cost::checkConstraints(report, hw, constraints, options.model) !=
        cost::InvalidReason::None)
      return report;
    ind.valid = true;
    ind.objective = objectiveValue(options.objective, report, ind.areaUm2);
    ind.tieBreak = objectiveValue(options.tieBreak, report, ind.areaUm2);
    return report;
  }

  /// Strict weak order: valid before invalid, then objective, tie-break.
  static bool better(const Individual &a, const Individual &b) {
    if (a.valid != b.valid)
      return a.valid;
    if (!a.valid)
      return false;
    if (a.objective != b.objective)
      return a.objective < b.objective;
    return a.tieBreak < b.tieBreak;
  }

  /// Fills \p result from the best individual.
  SearchResult finish(const Individual &best, int64_t samplesUsed,
                      std::vector<double> trace) const {
    SearchResult result;
    result.samplesUsed = samplesUsed;
    result.bestPerGeneration = std::move(trace);
    if (!best.valid) {
      char buffer[256];
      if (options.mode == Mode::FixedHW)
        std::snprintf(buffer, sizeof(buffer),
                      "no mapping of this layer fits the fixed hardware "
                      "(%lld PEs, %lld L1 and %lld L2 elements) in %lld "
                      "samples",
                      (long long)options.fixedHardware.numPEs,
                      (long long)options.fixedHardware.l1Elements,
                      (long long)options.fixedHardware.l2Elements,
                      (long long)samplesUsed);
      else
        std::snprintf(buffer, sizeof(buffer),
                      "no design fits the area budget of %.6g um^2 in %lld "
                      "samples; the smallest feasible area is %.6g um^2",
                      options.areaBudgetUm2, (long long)samplesUsed,
                      smallestFeasibleAreaUm2(layer, options));
      result.message = buffer;
      return result;
    }
    Individual copy = best;
    cost::Evaluator evaluator(options.model);
    result.cost = evaluate(copy, evaluator);
    result.found = true;
    result.mapping = best.mapping;
    result.hardware = options.fixedHardware;
    result.hardware.numPEs = best.numPEs;
    result.hardware.bytesPerElement = bytes;
    if (options.mode != Mode::FixedHW) {
      result.hardware.l1Elements = result.cost.l1Elements;
      result.hardware.l2Elements = result.cost.l2Elements;
    }
    result.areaUm2 = best.areaUm2;
    result.objectiveValue = best.objective;
    return result;
  }

  const cost::Layer &layer;
  const SearchOptions &options;
  std::array<int64_t, cost::kNumDims> extent{};
  std::array<cost::Dim, cost::kNumDims> parallelChoices{};
  int numParallelChoices = 0;
  int64_t maxPEs = 1;
  int64_t bytes = 1;
};

/// Evaluates individuals [begin, end) of \p batch over \p threads threads.
void evaluateBatch(const Problem &problem, std::vector<Individual> &batch,
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
  return std::vector<cost::Evaluator>(threads,
                                      cost::Evaluator(options.model));
}

//===----------------------------------------------------------------------===//
// DiGamma's operators
//===----------------------------------------------------------------------===//

/// Crossover: the child takes the tile genes of one random dimension at
/// every level it shares with the second parent.
void crossover(Individual &child, const Individual &other, Random &rng) {
  int d = static_cast<int>(rng.uniform(0, cost::kNumDims - 1));
  int levels = std::min(child.mapping.numLevels, other.mapping.numLevels);
  for (int l = 0; l < levels; ++l)
    child.mapping.level(l).tiles[d] = other.mapping.level(l).tiles[d];
  if (rng.chance(0.5))
    child.numPEs = other.numPEs;
}

/// Reorder: swap two loops of one level.
void reorder(Individual &ind, Random &rng) {
  cost::MappingLevel &level =
      ind.mapping.level(rng.uniform(0, ind.mapping.numLevels - 1));
  std::swap(level.order[rng.uniform(0, cost::kNumDims - 1)],
            level.order[rng.uniform(0, cost::kNumDims - 1)]);
}

/// Mutate-map: a new tile for one dimension of one level, or a new
/// parallel dimension.
void mutateMap(Individual &ind, const Problem &problem, Random &rng) {
  int l = static_cast<int>(rng.uniform(0, ind.mapping.numLevels - 1));
  cost::MappingLevel &level = ind.mapping.level(l);
  if (rng.chance(0.3)) {
    level.parallelDim = problem.randomParallelDim(rng);
    return;
  }
  int d = static_cast<int>(rng.uniform(0, cost::kNumDims - 1));
  int64_t bound =
      l == 0 ? problem.extent[d] : ind.mapping.level(l - 1).tiles[d];
  level.tiles[d] = rng.logUniform(bound);
}

/// Mutate-HW: scale the PE count or resize one cluster; buffers follow the
/// mapping when the design is evaluated.
void mutateHardware(Individual &ind, const Problem &problem, Random &rng) {
  if (ind.mapping.numLevels > 1 && rng.chance(0.5)) {
    int l = static_cast<int>(rng.uniform(1, ind.mapping.numLevels - 1));
    ind.mapping.level(l).clusterSize = rng.logUniform(ind.numPEs);
    return;
  }
  if (rng.chance(0.5)) {
    ind.numPEs = rng.logUniform(problem.maxPEs);
    return;
  }
  // A nearby PE count keeps a good design good.
  int64_t step = std::max<int64_t>(ind.numPEs / 4, 1);
  ind.numPEs += rng.uniform(-step, step);
}

/// Grow/aging: add an inner cluster level (a copy of the innermost) or drop
/// the innermost, within [minLevels, maxLevels].
void growOrAge(Individual &ind, const SearchOptions &options, Random &rng) {
  cost::Mapping &m = ind.mapping;
  bool grow = rng.chance(0.5);
  if (grow && m.numLevels < options.maxLevels) {
    m.level(m.numLevels) = m.level(m.numLevels - 1);
    m.level(m.numLevels).clusterSize = 1;
    ++m.numLevels;
  } else if (!grow && m.numLevels > options.minLevels) {
    --m.numLevels;
  }
}

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
  Problem problem(layer, options);
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
  Problem open(layer, unbounded);
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
  Problem problem(layer, options);
  Random rng(options.seed);
  std::vector<cost::Evaluator> evaluators = makeEvaluators(options);
  size_t batchSize = std::max(options.population > 0 ? options.population
                                                     : kDefaultPopulation,
                              1);
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
      if (Problem::better(batch[i], best))
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
  Problem problem(layer, options);
  Random rng(options.seed);
  std::vector<cost::Evaluator> evaluators = makeEvaluators(options);
  size_t population = static_cast<size_t>(std::max(
      options.population > 0 ? options.population : kDefaultPopulation, 2));
  population = std::min<size_t>(population,
                                static_cast<size_t>(options.samples));
  // Elites survive unchanged; parents come from the best quarter.
  size_t elites = std::max<size_t>(population / 10, 1);
  size_t parents = std::max<size_t>(population / 4, 2);
  bool searchMapping = options.mode != Mode::FixedMapping;
  bool searchHardware = options.mode != Mode::FixedHW;

  std::vector<Individual> current(population), next(population);
  for (Individual &ind : current)
    problem.randomize(ind, rng);
  evaluateBatch(problem, current, 0, population, evaluators);
  int64_t used = static_cast<int64_t>(population);
  std::vector<double> trace;
  auto rank = [&](std::vector<Individual> &group) {
    std::stable_sort(group.begin(), group.end(), Problem::better);
  };
  rank(current);
  trace.push_back(current[0].valid ? current[0].objective : -1.0);

  while (used < options.samples) {
    size_t children = static_cast<size_t>(std::min<int64_t>(
        population - elites, options.samples - used));
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
