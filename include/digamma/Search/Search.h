//===- Search.h - DiGamma hardware/mapping co-optimization ------*- C++ -*-===//
//
// DiGamma (Kao et al., DATE 2022): a genetic algorithm over an encoding of
// hardware (PE count, cluster sizes) and mapping (per level: parallel
// dimension, loop order, tile sizes), with buffers sized to exactly what the
// mapping needs, scored by the cost model under an area budget. Plus random
// sampling of the same encoding as the quality baseline.
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_SEARCH_SEARCH_H
#define DIGAMMA_SEARCH_SEARCH_H

#include "digamma/CostModel/CostModel.h"

#include <optional>
#include <string>
#include <vector>

namespace digamma::search {

/// What is searched.
enum class Mode {
  /// Hardware and mapping together (DiGamma).
  CoOpt,
  /// Mapping only, for given PEs and buffer capacities (GAMMA).
  FixedHW,
  /// Hardware only (PE count, cluster sizes, buffers) for a given mapping.
  FixedMapping,
};

/// Figures a design can be ranked by; lower is better.
enum class Objective { Latency, Energy, EDP, LatencyArea, Power, Area };

struct SearchOptions {
  Mode mode = Mode::CoOpt;
  Objective objective = Objective::Latency;
  /// Ranks designs with an equal objective.
  Objective tieBreak = Objective::Energy;
  /// Area of PEs and buffers in um^2 (CoOpt and FixedMapping).
  double areaBudgetUm2 = 200000.0;
  /// Largest PE count; kUnbounded leaves the area budget as the only bound.
  int64_t peLimit = cost::kUnbounded;
  int minLevels = 2, maxLevels = 2;
  /// Design points evaluated, the initial population included.
  int64_t samples = 40000;
  /// Individuals per generation; 0 takes the default.
  int population = 0;
  uint64_t seed = 1;
  /// Evaluation threads; 0 takes the hardware concurrency. Results do not
  /// depend on it.
  unsigned threads = 0;
  cost::Semantics semantics = cost::Semantics::Sound;
  /// FixedHW: PE count and L1/L2 capacities. Every mode takes the element
  /// size, bandwidths and SIMD width from here.
  cost::Hardware fixedHardware;
  /// FixedMapping: the mapping whose hardware is searched.
  std::optional<cost::Mapping> fixedMapping;
  /// Bytes per element for buffer area; 0 takes fixedHardware's.
  int64_t bytesPerElement = 0;
  cost::ModelOptions model;
};

/// Default population size (GAMMA's default is 100; see docs/search.md).
inline constexpr int kDefaultPopulation = 100;

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
};

/// A message for options no search can run with, or nullopt.
std::optional<std::string> validateOptions(const SearchOptions &options);

/// Area of the smallest design of \p layer: one PE, every tile 1.
double smallestFeasibleAreaUm2(const cost::Layer &layer,
                               const SearchOptions &options);

SearchResult runDiGamma(const cost::Layer &layer, const SearchOptions &options);
SearchResult runRandomSearch(const cost::Layer &layer,
                             const SearchOptions &options);

} // namespace digamma::search

#endif // DIGAMMA_SEARCH_SEARCH_H
