//===- Baselines.h - pagmo2 optimizers over a flat encoding -----*- C++ -*-===//
//
// The general-purpose baselines of the paper's Fig. 5: pagmo2's standard GA
// (sga), particle swarm (pso), (N+1)-ES (sea), differential evolution (de),
// CMA-ES (cmaes) and simulated annealing (sa), searching the black-box
// encoding of the reference's baseline setup: a flat vector of integer genes
// (per level the parallel dimension, the loop order's index among the 720
// permutations and six tile sizes; plus the PE count and the cluster sizes
// when the hardware is searched). They share DiGamma's evaluator, constraint
// checker and buffer sizing (SearchSpace::repair and SearchSpace::evaluate),
// its options, sampling budget and seed.
//
// docs/baselines.md explains the settings and the budget accounting.
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_SEARCH_BASELINES_H
#define DIGAMMA_SEARCH_BASELINES_H

#include "digamma/Search/Encoding.h"

#include <array>
#include <cstddef>
#include <cstdint>

namespace digamma::search {

/// Number of loop orders of one level: 6!.
inline constexpr int64_t kNumLoopOrders = 720;

/// The loop order of rank \p index (in [0, 720)) in the lexicographic order
/// of the permutations of K, C, Y, X, R, S.
std::array<cost::Dim, cost::kNumDims> loopOrderFromIndex(int64_t index);
/// The rank of \p order, a permutation of the six dimensions; inverse of
/// loopOrderFromIndex.
int64_t loopOrderIndex(const std::array<cost::Dim, cost::kNumDims> &order);

/// The flat encoding of one layer's design space. Each gene is an integer
/// in [lower, upper]; optimizers see it as a real in
/// [lower - 0.5, upper + 0.5] that decode() rounds and clamps, so every
/// integer has the same share of the box (the reference's integer casting).
/// Genes of levels a decoded individual does not have are inactive.
class FlatEncoding {
public:
  enum class GeneKind : uint8_t {
    /// The PE count (CoOpt and FixedMapping).
    NumPEs,
    /// The number of levels, when min-levels < max-levels.
    NumLevels,
    /// Index into SearchSpace::parallelChoices.
    Parallel,
    /// Loop-order index, see loopOrderFromIndex().
    Order,
    /// The tile of one dimension, in [1, extent]; repair() then bounds it
    /// by the outer level's tile.
    Tile,
    /// Cluster size of an inner level (the array shape); absent with
    /// SearchOptions::fixedArrayShape.
    Cluster,
  };
  struct Gene {
    GeneKind kind = GeneKind::NumPEs;
    int level = 0;
    int dim = 0;
    int64_t lower = 1, upper = 1;
  };
  /// Most genes: the PE count, the level count and nine per level.
  static constexpr size_t kMaxGenes = 2 + 9 * cost::kMaxLevels;

  explicit FlatEncoding(const SearchSpace &space);

  size_t size() const { return numGenes; }
  const Gene &gene(size_t i) const { return genes[i]; }
  /// The box an optimizer searches: gene i is in [lowerBound(i),
  /// upperBound(i)].
  double lowerBound(size_t i) const { return double(genes[i].lower) - 0.5; }
  double upperBound(size_t i) const { return double(genes[i].upper) + 0.5; }
  /// The individual \p values (size() of them) describe, repaired
  /// (SearchSpace::repair). Values outside the box are clamped. Allocates
  /// nothing.
  void decode(const double *values, Individual &ind) const;

private:
  const SearchSpace &space;
  std::array<Gene, kMaxGenes> genes{};
  size_t numGenes = 0;
};

/// Fitness of the baselines (minimized). A valid design scores
/// ln(objective), which keeps the comparison-based algorithms unchanged and
/// makes simulated annealing's temperatures relative. An invalid design
/// scores kPenalty, as the reference gives every invalid point the same
/// worst fitness; with BaselineParameters::gradedPenalty (Options.h) it
/// scores kPenalty plus its violation, the sum of ln(need / limit) over the
/// limits it exceeds (area budget, PE limit, L1/L2 capacities), and a
/// design the cost model rejects kPenalty + kUnevaluable. Calls beyond the
/// sampling budget are not evaluated and score kBeyondBudget.
inline constexpr double kPenalty = 1000.0;
inline constexpr double kUnevaluable = 500.0;
inline constexpr double kBeyondBudget = 4000.0;

/// Runs the pagmo2 algorithm \p algorithm (one of Sga, Pso, Sea, De, Cmaes,
/// Sa) on \p layer with \p options (options.baseline for the penalties):
/// exactly options.samples evaluations (fewer only if the algorithm stops
/// by itself, which none of these settings does), the best design over all
/// of them returned, trace points every population-size samples.
/// Deterministic for options.seed; runs on the calling thread whatever
/// options.threads says. Never throws: pagmo's exceptions become a result
/// with found == false and the message. Nsga2 and Moead search a front
/// (runNsga2, runMoead: Pareto.h).
SearchResult runBaseline(Algorithm algorithm, const cost::Layer &layer,
                         const SearchOptions &options);
/// The same with \p parameters in place of options.baseline.
SearchResult runBaseline(Algorithm algorithm, const cost::Layer &layer,
                         const SearchOptions &options,
                         const BaselineParameters &parameters);

/// getOptimizer(algorithm) (Search.h), kept for callers of the former
/// baseline registry.
const Optimizer &getBaselineOptimizer(Algorithm algorithm);

} // namespace digamma::search

#endif // DIGAMMA_SEARCH_BASELINES_H
