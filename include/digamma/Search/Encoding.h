//===- Encoding.h - DiGamma's genome and genetic operators ------*- C++ -*-===//
//
// The design-point encoding of the paper's Fig. 3 (a PE-count gene plus, per
// level, a parallel dimension, a cluster size, a loop order and six tiles),
// the search space that keeps genes legal and scores them, and the genetic
// operators of Fig. 4. Exposed so that tests and other optimizers can use
// them.
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_SEARCH_ENCODING_H
#define DIGAMMA_SEARCH_ENCODING_H

#include "digamma/Search/Search.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <random>

namespace digamma::search {

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

/// The objective \p objective of a design with \p report and \p area.
double objectiveValue(Objective objective, const cost::CostReport &report,
                      double area);

/// The legal ranges of the genes of one layer's search and their scoring.
class SearchSpace {
public:
  SearchSpace(const cost::Layer &layer, const SearchOptions &options);

  /// A random legal individual (log-uniform tiles and PE counts).
  void randomize(Individual &ind, Random &rng) const;
  /// A random dimension worth parallelizing (extent > 1).
  cost::Dim randomParallelDim(Random &rng) const;
  /// Makes genes legal: tiles within [1, parent tile], cluster sizes whose
  /// product fits the PE count, the PE count within [1, maxPEs].
  void repair(Individual &ind) const;
  /// Scores \p ind in place: buffers sized to the mapping's requirement
  /// and charged to area, constraints checked. Returns the cost report.
  const cost::CostReport &evaluate(Individual &ind,
                                   cost::Evaluator &evaluator) const;
  /// Strict weak order: valid before invalid, then objective, tie-break.
  static bool better(const Individual &a, const Individual &b);
  /// The result for the best individual found.
  SearchResult finish(const Individual &best, int64_t samplesUsed,
                      std::vector<double> trace) const;

  const cost::Layer &layer;
  const SearchOptions &options;
  /// Mapped extent per dimension (output extents for Y and X).
  std::array<int64_t, cost::kNumDims> extent{};
  std::array<cost::Dim, cost::kNumDims> parallelChoices{};
  int numParallelChoices = 0;
  int64_t maxPEs = 1;
  int64_t bytes = 1;
};

//===----------------------------------------------------------------------===//
// Genetic operators (Fig. 4); each leaves genes that repair() accepts.
//===----------------------------------------------------------------------===//

/// Crossover: \p child takes \p other's tiles of one random dimension at
/// every level both have, and sometimes its PE count.
void crossover(Individual &child, const Individual &other, Random &rng);
/// Reorder: swaps two loops of one level.
void reorder(Individual &ind, Random &rng);
/// Mutate-map: a new tile for one dimension of one level, or a new parallel
/// dimension.
void mutateMap(Individual &ind, const SearchSpace &space, Random &rng);
/// Mutate-HW: a new or nearby PE count, or a new cluster size.
void mutateHardware(Individual &ind, const SearchSpace &space, Random &rng);
/// Grow/aging: adds an inner cluster level or drops the innermost, within
/// [minLevels, maxLevels].
void growOrAge(Individual &ind, const SearchOptions &options, Random &rng);

} // namespace digamma::search

#endif // DIGAMMA_SEARCH_ENCODING_H
