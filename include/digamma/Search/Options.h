//===- Options.h - What a search is asked to do -----------------*- C++ -*-===//
//
// The bottom of the search library: the modes, objectives and algorithms,
// the options every optimizer honours, their defaults, their names as every
// front end spells them (with a line of help each, for option parsers) and
// the one check of a set of options. Nothing here searches.
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_SEARCH_OPTIONS_H
#define DIGAMMA_SEARCH_OPTIONS_H

#include "digamma/CostModel/CostModel.h"
#include "digamma/Search/MapSpace.h"

#include <array>
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

/// Figures a design can be ranked by; lower is better. Pareto is not a
/// figure: it asks for the front of non-dominated designs over the figures
/// of ParetoSettings (Pareto.h).
enum class Objective { Latency, Energy, EDP, LatencyArea, Power, Area, Pareto };

/// The built-in optimizers: DiGamma, random sampling of its encoding, and
/// pagmo2's general-purpose optimizers over a flat encoding (Baselines.h):
/// standard GA, PSO, (N+1)-ES, differential evolution, CMA-ES and simulated
/// annealing, and pagmo2's NSGA-II and MOEA/D, which search fronts only
/// (Objective::Pareto). DiGamma and Random search fronts too.
enum class Algorithm {
  DiGamma,
  Random,
  Sga,
  Pso,
  Sea,
  De,
  Cmaes,
  Sa,
  Nsga2,
  Moead
};

/// Which design of a front a single answer takes (the IR keeps one design
/// per op): the knee, or the best of one figure.
enum class ParetoPick { Knee, Latency, Energy, Area };

/// Most figures a front trades off.
inline constexpr int kMaxParetoObjectives = 3;
/// Designs a front keeps unless told otherwise.
inline constexpr int kDefaultFrontCapacity = 64;

/// Objective::Pareto: the figures a front trades off (two or three of
/// latency, energy and area, in this order of the front's columns), the
/// design a single answer takes and the most designs a front keeps.
struct ParetoSettings {
  std::array<Objective, kMaxParetoObjectives> objectives = {
      Objective::Latency, Objective::Energy, Objective::Area};
  int numObjectives = 3;
  ParetoPick pick = ParetoPick::Knee;
  int frontCapacity = kDefaultFrontCapacity;
};

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
  /// The level schedule (LevelSchedule in Encoding.h): start with the
  /// fewest levels whose cycle bound is within this fraction of the level
  /// range's bound; open the whole range once this share of the samples is
  /// used if the best design is still above levelWidenGap times the bound.
  /// Not in the reference, whose range is what it is given.
  double levelStartTolerance = 0.20;
  double levelWidenAt = 0.125;
  double levelWidenGap = 2.0;
};

/// Settings of the pagmo baselines (Baselines.h) beyond pagmo's own.
struct BaselineParameters {
  /// Graded penalties for invalid designs, so that an optimizer can tell
  /// "nearly fits" from "far off" (see kPenalty in Baselines.h). Off by
  /// default: the reference's black-box setup gives every invalid design
  /// the same penalty.
  bool gradedPenalty = false;
};

/// Area budgets of the paper's edge and cloud platforms (Sec. V-A).
inline constexpr double kEdgeAreaBudgetUm2 = 0.2e6;
inline constexpr double kCloudAreaBudgetUm2 = 7.0e6;

/// Design points evaluated per search unless told otherwise (the paper's
/// budget, Sec. V-A).
inline constexpr int64_t kDefaultSamples = 40000;
/// Default population size (the reference's default is 100; chosen by the
/// measurement in docs/search.md).
inline constexpr int kDefaultPopulation = 100;

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
  int64_t samples = kDefaultSamples;
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
  /// What a partially flexible accelerator lets the mapping choose
  /// (MapSpace.h); every optimizer returns designs inside it. Empty: any
  /// mapping. Its level count must lie within [minLevels, maxLevels].
  MapSpace mapSpace;
  cost::ModelOptions model;
  GeneticParameters genetic;
  /// The pagmo baselines' settings (ignored by the other optimizers).
  BaselineParameters baseline;
  /// Objective::Pareto: what the front trades off (ignored otherwise).
  ParetoSettings pareto;
};

/// A message for options no search can run with, or nullopt.
std::optional<std::string> validateOptions(const SearchOptions &options);
/// The part of validateOptions() that checks Objective::Pareto's settings.
std::optional<std::string> validateParetoSettings(const ParetoSettings &pareto);

/// A message for a map space no search can use (a level count outside
/// 1-3, a size below 1, an order prefix that repeats a dimension or is
/// longer than six, a parallel mask naming no dimension), or nullopt.
std::optional<std::string> validateMapSpace(const MapSpace &space);

//===----------------------------------------------------------------------===//
// Names, as every front end spells them
//===----------------------------------------------------------------------===//

/// One value of an enumeration: its name in options and messages, and a
/// line of help (what option parsers list).
template <typename Enum> struct NamedValue {
  std::string_view name;
  Enum value;
  std::string_view help;
};

/// Every value, in the order messages list them.
const std::vector<NamedValue<Objective>> &objectiveValues();
const std::vector<NamedValue<Mode>> &modeValues();
const std::vector<NamedValue<Algorithm>> &algorithmValues();
const std::vector<NamedValue<cost::Semantics>> &semanticsValues();
const std::vector<NamedValue<ParetoPick>> &paretoPickValues();

/// The value named \p name in \p values, or nullopt.
template <typename Enum>
std::optional<Enum> parseNamed(const std::vector<NamedValue<Enum>> &values,
                               std::string_view name) {
  for (const NamedValue<Enum> &entry : values)
    if (entry.name == name)
      return entry.value;
  return std::nullopt;
}
/// The name of \p value in \p values, or "unknown".
template <typename Enum>
std::string_view nameOf(const std::vector<NamedValue<Enum>> &values,
                        Enum value) {
  for (const NamedValue<Enum> &entry : values)
    if (entry.value == value)
      return entry.name;
  return "unknown";
}
/// "a, b or c", for messages.
std::string joinNames(const std::vector<std::string_view> &names);
template <typename Enum>
std::string listNames(const std::vector<NamedValue<Enum>> &values) {
  std::vector<std::string_view> names;
  for (const NamedValue<Enum> &entry : values)
    names.push_back(entry.name);
  return joinNames(names);
}

/// Objective names: latency, energy, edp, lap (latency-area product), power,
/// area, pareto.
std::optional<Objective> parseObjective(std::string_view name);
std::string_view objectiveName(Objective objective);
/// "latency, energy, edp, lap, power, area or pareto", for messages.
std::string_view objectiveNames();
/// Mode names: co-opt, fixed-hw, fixed-mapping.
std::optional<Mode> parseMode(std::string_view name);
std::string_view modeName(Mode mode);
/// Parses an algorithm's name: digamma, random, sga, pso, sea, de, cmaes,
/// sa, nsga2 or moead.
std::optional<Algorithm> parseAlgorithm(std::string_view name);
/// The name parseAlgorithm() accepts for \p algorithm ("unknown" for a
/// value outside the enumeration).
std::string_view algorithmName(Algorithm algorithm);
/// The accepted names, for messages: "digamma, random, ..., nsga2 or
/// moead".
std::string_view algorithmNames();
/// True for the optimizers that search fronts (Objective::Pareto): DiGamma,
/// Random, NSGA-II and MOEA/D.
bool searchesFronts(Algorithm algorithm);
/// True for the optimizers that search nothing but fronts: NSGA-II, MOEA/D.
bool searchesOnlyFronts(Algorithm algorithm);
/// The figures Objective::Pareto can trade off: latency, energy, area.
bool isParetoFigure(Objective objective);

} // namespace digamma::search

#endif // DIGAMMA_SEARCH_OPTIONS_H
