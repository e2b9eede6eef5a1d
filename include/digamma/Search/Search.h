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
#include <string_view>
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

/// Rates and ratios of the genetic algorithm. The defaults are those of the
/// reference implementation (GAMMA/DiGamma's `gamma.py`) except where
/// docs/search.md reports a measurement that favoured another value.
struct GeneticParameters {
  /// Share of each generation copied unchanged into the next.
  double eliteRatio = 0.05;
  /// Share of the ranked, de-duplicated population that may be a parent.
  double parentsRatio = 0.4;
  /// Probability that a pair of children swaps the tiles of one dimension.
  double crossoverRate = 0.57;
  /// Probability that a child swaps two loops of one level.
  double reorderRate = 0.47;
  /// Loci per child considered by mutate-map, each with this probability
  /// (the reference's 3; see docs/search.md).
  int mutateMapLoci = 3;
  double mutateMapRate = 0.53;
  /// Probability of a new PE count (or, in FixedHW mode, cluster size).
  double mutateHardwareRate = 0.5;
  /// Share of PE-count mutations that draw the outer fan-out from the upper
  /// half of what the mapping can use (the reference's rule); the others
  /// scale the PE count by up to 25% or draw it log-uniformly.
  double fanOutRate = 1.0;
  /// Probability that the two outer levels swap their parallel dimensions.
  double swapParallelRate = 0.1;
  /// Probabilities of adding (grow) and dropping (aging) an inner level.
  double growRate = 0.57;
  double ageRate = 0.27;
  /// Draw new tiles log-uniformly (small and large tiles equally likely by
  /// scale) rather than uniformly in [1, bound] as the reference does.
  bool logUniformTiles = true;
  /// Start from tiles of 1 (the reference's "unit base"); otherwise random.
  bool unitInitialTiles = false;
  /// Share of tile draws that take a divisor of the parent tile, so that no
  /// edge tile is wasted: a dividing tile such as the whole extent is rare
  /// among log-uniform draws. Not in the reference (0 there).
  double divisorTileRate = 0.3;
  /// Probability that a child's hardware and mapping parallelism are fitted
  /// to each other (fitParallelism()): the array then matches the tiles
  /// exactly, which single-gene mutations reach only by chance. Not in the
  /// reference (0 there).
  double fitParallelismRate = 0.2;
};

/// Area budgets of the paper's edge and cloud platforms (Sec. V-A).
inline constexpr double kEdgeAreaBudgetUm2 = 0.2e6;
inline constexpr double kCloudAreaBudgetUm2 = 7.0e6;

struct SearchOptions {
  Mode mode = Mode::CoOpt;
  Objective objective = Objective::Latency;
  /// Ranks designs with an equal objective.
  Objective tieBreak = Objective::Energy;
  /// Area of PEs and buffers in um^2 (CoOpt and FixedMapping).
  double areaBudgetUm2 = kEdgeAreaBudgetUm2;
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
  /// A starting point that joins the first population (CoOpt, FixedHW).
  std::optional<cost::Mapping> initialMapping;
  /// FixedHW: the PE array shape is hardware too. Keeps initialMapping's
  /// level count and cluster sizes; only the rest of the mapping is
  /// searched.
  bool fixedArrayShape = false;
  /// Bytes per element for buffer area; 0 takes fixedHardware's.
  int64_t bytesPerElement = 0;
  cost::ModelOptions model;
  GeneticParameters genetic;
};

/// Default population size (the reference's default is 100; chosen by the
/// measurement in docs/search.md).
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
  /// Samples used when each bestPerGeneration entry was taken.
  std::vector<int64_t> samplesPerGeneration;
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

/// A message for options no search can run with, or nullopt.
std::optional<std::string> validateOptions(const SearchOptions &options);

/// A message for a layer no design of \p semantics can evaluate (a
/// non-positive extent or stride, a depthwise K other than 1, a filter
/// larger than its input, or what MAESTRO does not model), or nullopt. Every
/// optimizer, the whole-model search and the C++ API check it first.
std::optional<std::string> checkLayer(const cost::Layer &layer,
                                      cost::Semantics semantics);

/// Area of the smallest design of \p layer: one PE, every tile 1.
double smallestFeasibleAreaUm2(const cost::Layer &layer,
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

/// The built-in optimizers: DiGamma, random sampling of its encoding, and
/// pagmo2's general-purpose optimizers over a flat encoding (Baselines.h):
/// standard GA, PSO, (N+1)-ES, differential evolution, CMA-ES and simulated
/// annealing.
enum class Algorithm { DiGamma, Random, Sga, Pso, Sea, De, Cmaes, Sa };

/// The optimizer implementing \p algorithm (a static instance).
const Optimizer &getOptimizer(Algorithm algorithm);
/// Parses an algorithm's name: digamma, random, sga, pso, sea, de, cmaes or
/// sa.
std::optional<Algorithm> parseAlgorithm(std::string_view name);
/// Objective names: latency, energy, edp, lap (latency-area product), power,
/// area.
std::optional<Objective> parseObjective(std::string_view name);
std::string_view objectiveName(Objective objective);
/// "latency, energy, edp, lap, power or area", for messages.
std::string_view objectiveNames();
/// Mode names: co-opt, fixed-hw, fixed-mapping.
std::optional<Mode> parseMode(std::string_view name);
/// The name parseMode() accepts for \p mode.
std::string_view modeName(Mode mode);
/// The name parseAlgorithm() accepts for \p algorithm.
std::string_view algorithmName(Algorithm algorithm);
/// The accepted names, for messages: "digamma, random, ..., cmaes or sa".
std::string_view algorithmNames();

} // namespace digamma::search

#endif // DIGAMMA_SEARCH_SEARCH_H
