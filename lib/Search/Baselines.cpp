//===- Baselines.cpp - pagmo2 optimizers over a flat encoding -------------===//
//
// A pagmo user-defined problem whose fitness decodes the flat encoding,
// repairs and scores the design with the search's own SearchSpace, and
// counts: the first options.samples calls are evaluated (the initial
// population included), later ones score kBeyondBudget without being
// evaluated or counted. The number of generations handed to pagmo is
// derived from the budget, so evolve() ends right after the budget is used.
// pagmo throws on bad input; every call into it is inside a try block, so no
// exception leaves this file.
//
//===----------------------------------------------------------------------===//

#include "digamma/Search/Baselines.h"
#include "digamma/Search/Pareto.h"

#include "Common.h"
#include "FrontArchive.h"

#include <pagmo/algorithm.hpp>
#include <pagmo/algorithms/cmaes.hpp>
#include <pagmo/algorithms/de.hpp>
#include <pagmo/algorithms/moead.hpp>
#include <pagmo/algorithms/nsga2.hpp>
#include <pagmo/algorithms/pso.hpp>
#include <pagmo/algorithms/sea.hpp>
#include <pagmo/algorithms/sga.hpp>
#include <pagmo/algorithms/simulated_annealing.hpp>
#include <pagmo/population.hpp>
#include <pagmo/problem.hpp>
#include <pagmo/types.hpp>

#include <algorithm>
#include <cmath>
#include <exception>
#include <limits>
#include <string>
#include <utility>
#include <vector>

using namespace digamma;
using namespace digamma::search;
using detail::FrontArchive;

//===----------------------------------------------------------------------===//
// Loop orders and the flat encoding
//===----------------------------------------------------------------------===//

static int64_t factorial(int n) {
  int64_t result = 1;
  for (int i = 2; i <= n; ++i)
    result *= i;
  return result;
}

std::array<cost::Dim, cost::kNumDims>
digamma::search::loopOrderFromIndex(int64_t index) {
  index = std::clamp<int64_t>(index, 0, kNumLoopOrders - 1);
  // Factorial number system: digit i picks among the dimensions not used.
  std::array<cost::Dim, cost::kNumDims> left = cost::kAllDims, order{};
  int remaining = cost::kNumDims;
  for (int i = 0; i < cost::kNumDims; ++i) {
    int64_t block = factorial(remaining - 1);
    int pick = static_cast<int>(index / block);
    index %= block;
    order[i] = left[pick];
    std::copy(left.begin() + pick + 1, left.begin() + remaining,
              left.begin() + pick);
    --remaining;
  }
  return order;
}

int64_t digamma::search::loopOrderIndex(
    const std::array<cost::Dim, cost::kNumDims> &order) {
  int64_t index = 0;
  for (int i = 0; i < cost::kNumDims; ++i) {
    int smaller = 0;
    for (int j = i + 1; j < cost::kNumDims; ++j)
      smaller += order[j] < order[i];
    index += smaller * factorial(cost::kNumDims - 1 - i);
  }
  return index;
}

FlatEncoding::FlatEncoding(const SearchSpace &space) : space(space) {
  auto add = [&](GeneKind kind, int level, int dim, int64_t lower,
                 int64_t upper) {
    if (numGenes < kMaxGenes)
      genes[numGenes++] = {kind, level, dim, lower, std::max(lower, upper)};
  };
  const SearchOptions &options = space.options;
  if (space.searchPEs)
    add(GeneKind::NumPEs, 0, 0, 1, space.maxPEs);
  int levels;
  if (space.searchMapping) {
    levels = space.maxLevels;
    if (space.minLevels < space.maxLevels)
      add(GeneKind::NumLevels, 0, 0, space.minLevels, space.maxLevels);
  } else {
    levels = options.fixedMapping ? options.fixedMapping->numLevels : 1;
  }
  levels = std::clamp(levels, 1, cost::kMaxLevels);
  bool clusterGenes = !(options.fixedArrayShape && options.initialMapping);
  for (int l = 0; l < levels; ++l) {
    if (space.searchMapping) {
      add(GeneKind::Parallel, l, 0, 0, space.numLevelParallelChoices[l] - 1);
      add(GeneKind::Order, l, 0, 0, kNumLoopOrders - 1);
      for (int d = 0; d < cost::kNumDims; ++d)
        add(GeneKind::Tile, l, d, 1, space.extent[d]);
    }
    if (l > 0 && clusterGenes)
      add(GeneKind::Cluster, l, 0, 1, space.maxPEs);
  }
}

void FlatEncoding::decode(const double *values, Individual &ind) const {
  const SearchOptions &options = space.options;
  if (space.searchMapping) {
    ind.mapping.numLevels = std::clamp(space.maxLevels, 1, cost::kMaxLevels);
  } else if (options.fixedMapping) {
    ind.mapping = *options.fixedMapping;
  }
  ind.numPEs = space.maxPEs;
  for (size_t i = 0; i < numGenes; ++i) {
    const Gene &gene = genes[i];
    double value = values[i];
    if (std::isnan(value))
      value = double(gene.lower);
    value = std::clamp(value, double(gene.lower), double(gene.upper));
    int64_t v =
        std::clamp<int64_t>(std::llround(value), gene.lower, gene.upper);
    cost::MappingLevel &level = ind.mapping.level(gene.level);
    switch (gene.kind) {
    case GeneKind::NumPEs:
      ind.numPEs = v;
      break;
    case GeneKind::NumLevels:
      ind.mapping.numLevels = static_cast<int>(v);
      break;
    case GeneKind::Parallel:
      level.parallelDim = space.levelParallelChoices[gene.level][v];
      break;
    case GeneKind::Order:
      level.order = loopOrderFromIndex(v);
      break;
    case GeneKind::Tile:
      level.tiles[gene.dim] = v;
      break;
    case GeneKind::Cluster:
      level.clusterSize = v;
      break;
    }
  }
  ind.mapping.level(0).clusterSize = 1;
  space.repair(ind);
}

//===----------------------------------------------------------------------===//
// The counting pagmo problem
//===----------------------------------------------------------------------===//

namespace {

/// The fitness of an invalid design: kPenalty, plus with graded penalties
/// its violation (or kUnevaluable if the cost model rejects it).
double penalty(const SearchSpace &space, const BaselineParameters &parameters,
               const Individual &ind, const cost::CostReport &report) {
  if (!parameters.gradedPenalty)
    return kPenalty;
  if (!report.valid)
    return kPenalty + kUnevaluable;
  const SearchOptions &options = space.options;
  double violation = 0;
  auto over = [&](double need, double limit) {
    if (limit > 0 && need > limit)
      violation += std::log(need / limit);
  };
  if (options.mode == Mode::FixedHW) {
    over(double(report.l1Elements), double(options.fixedHardware.l1Elements));
    over(double(report.l2Elements), double(options.fixedHardware.l2Elements));
  } else {
    over(ind.areaUm2, options.areaBudgetUm2);
    over(double(ind.numPEs), double(options.peLimit));
  }
  return kPenalty + std::min(violation, kUnevaluable - 1);
}

/// State shared by every copy of the pagmo problem (pagmo copies it into
/// each population and algorithm call): the budget, the best design so far
/// and the trace.
struct FitnessContext {
  FitnessContext(const SearchSpace &space, const FlatEncoding &encoding,
                 const BaselineParameters &parameters, int64_t budget,
                 int64_t traceInterval)
      : space(space), encoding(encoding), parameters(parameters),
        evaluator(space.options.model), budget(budget),
        traceInterval(std::max<int64_t>(traceInterval, 1)) {}

  double score(const double *values) {
    if (used >= budget)
      return kBeyondBudget;
    encoding.decode(values, scratch);
    const cost::CostReport &report =
        space.evaluate(scratch, evaluator, parameters.gradedPenalty);
    ++used;
    if (SearchSpace::better(scratch, best))
      best = scratch;
    if (used % traceInterval == 0 || used == budget)
      recordTrace();
    return fitness(scratch, report);
  }

  double fitness(const Individual &ind, const cost::CostReport &report) const {
    if (ind.valid)
      return std::log(std::max(ind.objective, 1e-300));
    return penalty(space, parameters, ind, report);
  }

  void recordTrace() {
    if (!traceSamples.empty() && traceSamples.back() == used)
      return;
    trace.push_back(best.valid ? best.objective : -1.0);
    traceSamples.push_back(used);
  }

  const SearchSpace &space;
  const FlatEncoding &encoding;
  const BaselineParameters &parameters;
  cost::Evaluator evaluator;
  int64_t budget;
  int64_t traceInterval;
  int64_t used = 0;
  Individual best, scratch;
  std::vector<double> trace;
  std::vector<int64_t> traceSamples;
};

/// The box of \p encoding as pagmo's lower and upper bounds.
std::pair<pagmo::vector_double, pagmo::vector_double>
boxBounds(const FlatEncoding &encoding) {
  pagmo::vector_double lower(encoding.size()), upper(encoding.size());
  for (size_t i = 0; i < encoding.size(); ++i) {
    lower[i] = encoding.lowerBound(i);
    upper[i] = encoding.upperBound(i);
  }
  return {std::move(lower), std::move(upper)};
}

/// The pagmo user-defined problem: minimize the fitness of the decoded
/// design over the encoding's box.
class FlatProblem {
public:
  FlatProblem() = default;
  explicit FlatProblem(FitnessContext *context) : context(context) {}

  pagmo::vector_double fitness(const pagmo::vector_double &values) const {
    return {context->score(values.data())};
  }
  std::pair<pagmo::vector_double, pagmo::vector_double> get_bounds() const {
    return boxBounds(context->encoding);
  }
  std::string get_name() const { return "DiGamma flat encoding"; }

private:
  FitnessContext *context = nullptr;
};

/// A 32-bit seed for pagmo from the search seed and a stream number.
unsigned pagmoSeed(uint64_t seed, uint64_t stream) {
  // splitmix64 finalizer.
  uint64_t z = seed + 0x9e3779b97f4a7c15ULL * (stream + 1);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return static_cast<unsigned>((z ^ (z >> 31)) & 0xffffffffULL);
}

unsigned clampToUnsigned(int64_t value) {
  return static_cast<unsigned>(
      std::clamp<int64_t>(value, 1, std::numeric_limits<unsigned>::max()));
}

/// Smallest population pagmo accepts for \p algorithm.
size_t minimumPopulation(Algorithm algorithm) {
  switch (algorithm) {
  case Algorithm::De:
  case Algorithm::Cmaes:
    return 5;
  case Algorithm::Sga:
    return 2;
  default:
    return 1;
  }
}

/// The pagmo algorithm for \p algorithm, with generations chosen so that
/// one evolve() call spends \p remaining evaluations on a population of
/// \p population over \p dim genes. pagmo's defaults otherwise, except that
/// DE's and CMA-ES's early-stopping tolerances are 0: the sampling budget
/// is the only stopping criterion, as for every other optimizer.
pagmo::algorithm makeAlgorithm(Algorithm algorithm, int64_t remaining,
                               size_t population, size_t dim, unsigned seed) {
  int64_t perGeneration = static_cast<int64_t>(population);
  unsigned generations = clampToUnsigned((remaining + perGeneration - 1) /
                                         std::max<int64_t>(perGeneration, 1));
  switch (algorithm) {
  case Algorithm::Sga:
    return pagmo::algorithm{pagmo::sga(generations, 0.9, 1.0, 0.02, 1.0, 2u,
                                       "exponential", "polynomial",
                                       "tournament", seed)};
  case Algorithm::Pso:
    return pagmo::algorithm{pagmo::pso(generations, 0.7298, 2.05, 2.05, 0.5, 5u,
                                       2u, 4u, false, seed)};
  case Algorithm::Sea:
    // One offspring per generation.
    return pagmo::algorithm{pagmo::sea(clampToUnsigned(remaining), seed)};
  case Algorithm::De:
    return pagmo::algorithm{
        pagmo::de(generations, 0.8, 0.9, 2u, 0.0, 0.0, seed)};
  case Algorithm::Cmaes:
    return pagmo::algorithm{pagmo::cmaes(generations, -1, -1, -1, -1, 0.5, 0.0,
                                         0.0, false, false, seed)};
  default: {
    // One annealing schedule from Ts to Tf over the remaining budget: each
    // temperature step makes bin_size * n_range_adj * dim evaluations.
    constexpr unsigned kBinSize = 20, kRangeAdjustments = 1;
    int64_t perStep = int64_t(kBinSize) * kRangeAdjustments *
                      std::max<int64_t>(static_cast<int64_t>(dim), 1);
    unsigned steps = clampToUnsigned((remaining + perStep - 1) / perStep);
    return pagmo::algorithm{pagmo::simulated_annealing(
        10.0, 0.1, steps, kRangeAdjustments, kBinSize, 1.0, seed)};
  }
  }
}

bool isBaseline(Algorithm algorithm) {
  return algorithm != Algorithm::DiGamma && algorithm != Algorithm::Random &&
         !searchesOnlyFronts(algorithm);
}

//===----------------------------------------------------------------------===//
// NSGA-II and MOEA/D: the multi-objective problem
//===----------------------------------------------------------------------===//

/// The multi-objective FitnessContext: each figure's logarithm is a
/// fitness; every evaluated valid design is offered to the archive.
struct FrontFitnessContext {
  FrontFitnessContext(const SearchSpace &space, const FlatEncoding &encoding,
                      const BaselineParameters &parameters, int64_t budget,
                      FrontArchive<Individual> &archive)
      : space(space), encoding(encoding), parameters(parameters),
        evaluator(space.options.model), budget(budget), archive(archive),
        count(space.options.pareto.numObjectives) {}

  pagmo::vector_double score(const double *values) {
    if (used >= budget)
      return pagmo::vector_double(count, kBeyondBudget);
    encoding.decode(values, scratch);
    const cost::CostReport &report =
        space.evaluate(scratch, evaluator, parameters.gradedPenalty);
    ++used;
    if (!scratch.valid)
      return pagmo::vector_double(count,
                                  penalty(space, parameters, scratch, report));
    Figures figures = detail::figuresOfScored(space.options.pareto, scratch);
    archive.offer(scratch, figures);
    pagmo::vector_double fitness(count);
    for (int k = 0; k < count; ++k)
      fitness[k] = std::log(std::max(figures[k], 1e-300));
    return fitness;
  }

  const SearchSpace &space;
  const FlatEncoding &encoding;
  const BaselineParameters &parameters;
  cost::Evaluator evaluator;
  int64_t budget;
  int64_t used = 0;
  FrontArchive<Individual> &archive;
  int count;
  Individual scratch;
};

class FrontProblem {
public:
  FrontProblem() = default;
  explicit FrontProblem(FrontFitnessContext *context) : context(context) {}

  pagmo::vector_double fitness(const pagmo::vector_double &values) const {
    return context->score(values.data());
  }
  std::pair<pagmo::vector_double, pagmo::vector_double> get_bounds() const {
    return boxBounds(context->encoding);
  }
  pagmo::vector_double::size_type get_nobj() const {
    return static_cast<pagmo::vector_double::size_type>(context->count);
  }
  std::string get_name() const { return "DiGamma flat encoding, front"; }

private:
  FrontFitnessContext *context = nullptr;
};

/// pagmo's multi-objective algorithm \p algorithm (Nsga2 or Moead) for
/// \p generations generations of \p population.
pagmo::algorithm makeFrontAlgorithm(Algorithm algorithm, unsigned generations,
                                    size_t population, unsigned seed) {
  if (algorithm == Algorithm::Moead) {
    // pagmo's defaults (Tchebycheff decomposition, 20 neighbours, CR 1,
    // F 0.5, eta_m 20, realb 0.9, limit 2, diversity preserved) except the
    // weights: "grid" takes only some population sizes (91 or 105 for three
    // figures, not 100); low-discrepancy weights take any.
    return pagmo::algorithm{pagmo::moead(
        generations, "low discrepancy", "tchebycheff",
        std::min<size_t>(20, population - 1), 1.0, 0.5, 20., 0.9, 2u, true,
        seed)};
  }
  return pagmo::algorithm{
      pagmo::nsga2(generations, 0.95, 10., 0.01, 50., seed)};
}

SearchResult runPagmoFront(Algorithm algorithm, const cost::Layer &layer,
                           const SearchOptions &options) {
  if (options.objective != Objective::Pareto)
    return detail::failedResult(std::string(algorithmName(algorithm)) +
                                " searches fronts only: it needs objective "
                                "pareto");
  // The space keeps a reference to its options.
  SearchOptions scoring = detail::frontScoring(options);
  SearchSpace space(layer, scoring);
  if (std::optional<std::string> error = checkSearchInputs(space))
    return detail::failedResult(*error);
  FlatEncoding encoding(space);
  const ParetoSettings &settings = options.pareto;
  FrontArchive<Individual> archive(settings.numObjectives,
                                   size_t(settings.frontCapacity));
  int64_t budget = options.samples;
  FrontFitnessContext context(space, encoding, options.baseline, budget,
                              archive);
  pagmo::problem problem{FrontProblem(&context)};
  // NSGA-II takes a population of at least 8 that is a multiple of 4;
  // MOEA/D one larger than its neighbourhood, so the same for both.
  size_t population = std::max<size_t>(
      (size_t(detail::populationSize(options)) + 3) / 4 * 4, 8);
  pagmo::population pop(problem, population, pagmoSeed(options.seed, 0));
  for (uint64_t call = 1; context.used < budget; ++call) {
    int64_t before = context.used;
    unsigned generations =
        clampToUnsigned((budget - context.used + int64_t(population) - 1) /
                        int64_t(population));
    pagmo::algorithm uda = makeFrontAlgorithm(algorithm, generations,
                                              population,
                                              pagmoSeed(options.seed, call));
    pop = uda.evolve(pop);
    if (context.used == before)
      break;
  }
  return detail::frontResult(space, archive, context.used);
}

SearchResult runPagmo(Algorithm algorithm, const cost::Layer &layer,
                      const SearchOptions &options) {
  if (!isBaseline(algorithm))
    return detail::failedResult("not a pagmo baseline: " +
                                std::string(algorithmName(algorithm)));
  SearchSpace space(layer, options);
  if (std::optional<std::string> error = checkSearchInputs(space))
    return detail::failedResult(*error);
  FlatEncoding encoding(space);
  size_t population = static_cast<size_t>(detail::populationSize(options));
  int64_t budget = options.samples;
  FitnessContext context(space, encoding, options.baseline, budget,
                         static_cast<int64_t>(population));
  pagmo::problem problem{FlatProblem(&context)};
  // The initial population is part of the budget. An algorithm that needs
  // more individuals than the budget allows gets them, but only the first
  // `budget` are evaluated.
  size_t initial = std::max(
      static_cast<size_t>(std::min<int64_t>(int64_t(population), budget)),
      minimumPopulation(algorithm));
  pagmo::population pop(problem, initial, pagmoSeed(options.seed, 0));
  // One evolve() call normally spends the whole budget; further calls only
  // happen if an algorithm stops early, and end when one makes no
  // evaluation.
  for (uint64_t call = 1; context.used < budget; ++call) {
    int64_t before = context.used;
    pagmo::algorithm uda =
        makeAlgorithm(algorithm, budget - context.used, initial,
                      encoding.size(), pagmoSeed(options.seed, call));
    pop = uda.evolve(pop);
    if (context.used == before)
      break;
  }
  context.recordTrace();
  SearchResult result =
      space.finish(context.best, context.used, std::move(context.trace));
  result.samplesPerGeneration = std::move(context.traceSamples);
  return result;
}

} // namespace

SearchResult digamma::search::runBaseline(Algorithm algorithm,
                                          const cost::Layer &layer,
                                          const SearchOptions &options) {
  if (options.objective == Objective::Pareto && !searchesFronts(algorithm))
    return detail::failedResult(
        std::string(algorithmName(algorithm)) +
        " is single-objective; a front takes digamma, random, nsga2 or moead");
  try {
    if (searchesOnlyFronts(algorithm))
      return runPagmoFront(algorithm, layer, options);
    return runPagmo(algorithm, layer, options);
  } catch (const std::exception &error) {
    return detail::failedResult(std::string("pagmo: ") + error.what());
  } catch (...) {
    return detail::failedResult("pagmo: unknown error");
  }
}

SearchResult digamma::search::runNsga2(const cost::Layer &layer,
                                       const SearchOptions &options) {
  return runBaseline(Algorithm::Nsga2, layer, options);
}

SearchResult
digamma::search::runBaseline(Algorithm algorithm, const cost::Layer &layer,
                             const SearchOptions &options,
                             const BaselineParameters &parameters) {
  SearchOptions withParameters = options;
  withParameters.baseline = parameters;
  return runBaseline(algorithm, layer, withParameters);
}

SearchResult digamma::search::runMoead(const cost::Layer &layer,
                                       const SearchOptions &options) {
  return runBaseline(Algorithm::Moead, layer, options);
}
