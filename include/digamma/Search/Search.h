//===- Search.h - DiGamma hardware/mapping co-optimization ------*- C++ -*-===//
//
// DiGamma (Kao et al., DATE 2022): a genetic algorithm over an encoding of
// hardware (PE count, cluster sizes) and mapping (per level: parallel
// dimension, loop order, tile sizes), with buffers sized to exactly what the
// mapping needs, scored by the cost model under an area budget. Plus random
// sampling of the same encoding as the quality baseline, the common
// interface of optimizers and their registry. The options and their names
// are in Options.h.
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_SEARCH_SEARCH_H
#define DIGAMMA_SEARCH_SEARCH_H

#include "digamma/CostModel/Bound.h"
#include "digamma/CostModel/CostModel.h"
#include "digamma/Search/Front.h"
#include "digamma/Search/Options.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace digamma::search {

struct SearchResult {
  bool found = false;
  /// Why nothing was found; empty when found.
  std::string message;
  /// The chosen hardware: buffers sized to the mapping's requirement
  /// (the given capacities in FixedHW mode).
  cost::Hardware hardware;
  cost::Mapping mapping;
  cost::CostReport cost;
  double areaUm2 = 0;
  double objectiveValue = 0;
  int64_t samplesUsed = 0;
  /// Best objective after each generation; -1 until a design is found.
  std::vector<double> bestPerGeneration;
  /// Samples used when each bestPerGeneration entry was taken.
  std::vector<int64_t> samplesPerGeneration;
  /// Objective::Pareto: the front, whose pick the fields above describe;
  /// empty otherwise.
  Front front;
};

/// The PE array a design spreads its mapping over: the top level's fan-out,
/// then the inner levels' cluster sizes.
std::vector<int64_t> peArrayShape(const cost::Hardware &hw,
                                  const cost::Mapping &mapping);

/// Bytes of \p elements buffer elements, saturating at INT64_MAX (an
/// unbounded buffer).
int64_t bufferBytes(int64_t elements, int64_t bytesPerElement);
/// Whole buffer elements in \p bytes, at least 1 (fixed hardware given in
/// bytes).
int64_t bufferElements(int64_t bytes, int64_t bytesPerElement);

/// A message for a layer no design of \p semantics can evaluate (a
/// non-positive extent or stride, a depthwise K other than 1, a filter
/// larger than its input, or what MAESTRO does not model), or nullopt. Every
/// optimizer and the whole-model search check it first. The layer's shape
/// is cost::findLayerFault's to judge; the rest is the search's.
std::optional<std::string> checkLayer(const cost::Layer &layer,
                                      cost::Semantics semantics);

/// Area of the smallest design of \p layer: one PE, every tile 1.
double smallestFeasibleAreaUm2(const cost::Layer &layer,
                               const SearchOptions &options);

/// The fewest cycles any design of \p layer can take under \p options
/// (cost::cycleBound): at most the PEs that fit the area budget with their
/// smallest buffers (cost::mostPEsWithinArea) and the PE limit (the fixed
/// PE count in FixedHW mode), the fixed hardware's SIMD lanes and off-chip
/// bandwidth, the search's element size, and the most mapping levels the
/// options allow (maxLevels; a fixed mapping's or fixed array shape's own
/// count). The one definition every report of a gap to the bound uses.
cost::CycleBound cycleBound(const cost::Layer &layer,
                            const SearchOptions &options);

/// DiGamma's genetic algorithm. Never throws; a result with found == false
/// carries the reason in its message.
SearchResult runDiGamma(const cost::Layer &layer, const SearchOptions &options);
/// Uniform random sampling of the same encoding with the same budget: the
/// quality baseline.
SearchResult runRandomSearch(const cost::Layer &layer,
                             const SearchOptions &options);

//===----------------------------------------------------------------------===//
// Common interface of search algorithms
//===----------------------------------------------------------------------===//

/// A search algorithm over one layer's design space. Every implementation
/// honours the same options (mode, objectives, budget, samples, seed,
/// threads), so other baselines (e.g. pagmo2's algorithms over the same
/// encoding) can be plugged in and compared at equal budget.
class Optimizer {
public:
  virtual ~Optimizer() = default;
  /// Short lower-case name, e.g. "digamma" or "random".
  virtual std::string_view name() const = 0;
  virtual SearchResult run(const cost::Layer &layer,
                           const SearchOptions &options) const = 0;
};

/// The optimizer implementing \p algorithm (a static instance): the one
/// registry of optimizers, the pagmo baselines included. A value outside
/// the enumeration gives an optimizer whose results say so.
const Optimizer &getOptimizer(Algorithm algorithm);

} // namespace digamma::search

#endif // DIGAMMA_SEARCH_SEARCH_H
