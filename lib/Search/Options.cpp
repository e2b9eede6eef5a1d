//===- Options.cpp - What a search is asked to do -------------------------===//

#include "digamma/Search/Options.h"

#include <cmath>

using namespace digamma;
using namespace digamma::search;

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
  if (options.tieBreak == Objective::Pareto)
    return "the tie-break is one figure, not pareto";
  if (options.objective == Objective::Pareto)
    if (std::optional<std::string> error =
            validateParetoSettings(options.pareto))
      return error;
  if (std::optional<std::string> error = validateMapSpace(options.mapSpace))
    return error;
  const MapSpace &space = options.mapSpace;
  if (!space.empty() && (space.numLevels < options.minLevels ||
                         space.numLevels > options.maxLevels))
    return "map space '" + space.name + "' has " +
           std::to_string(space.numLevels) +
           " mapping levels; it needs min-levels <= " +
           std::to_string(space.numLevels) + " <= max-levels";
  return std::nullopt;
}

std::optional<std::string>
digamma::search::validateMapSpace(const MapSpace &space) {
  if (space.empty())
    return std::nullopt;
  std::string name = "map space '" + space.name + "': ";
  if (space.numLevels < 1 || space.numLevels > 3)
    return name + "it has " + std::to_string(space.numLevels) +
           " levels; a mapping has 1 to 3";
  for (int l = 0; l < space.numLevels; ++l) {
    const MapSpaceLevel &level = space.levels[l];
    std::string at = name + "level " + std::to_string(l) + ": ";
    if (level.parallelDims >= (1 << cost::kNumDims))
      return at + "the parallel dimensions name no dimension";
    auto badSize = [](const SizeRule &rule) {
      return rule.kind == SizeRule::Kind::Fixed && rule.value < 1;
    };
    if (badSize(level.parallelSize))
      return at + "the parallel size must be at least 1, got " +
             std::to_string(level.parallelSize.value);
    for (int d = 0; d < cost::kNumDims; ++d)
      if (badSize(level.tiles[d]))
        return at + "the " + std::string(cost::dimName(cost::Dim(d))) +
               " tile must be at least 1, got " +
               std::to_string(level.tiles[d].value);
    if (level.orderPrefixLength < 0 || level.orderPrefixLength > cost::kNumDims)
      return at + "the loop order names more than six loops";
    int seen = 0;
    for (int i = 0; i < level.orderPrefixLength; ++i) {
      int bit = 1 << static_cast<int>(level.orderPrefix[i]);
      if (seen & bit)
        return at + "the loop order names " +
               std::string(cost::dimName(level.orderPrefix[i])) + " twice";
      seen |= bit;
    }
  }
  return std::nullopt;
}

std::optional<std::string>
digamma::search::validateParetoSettings(const ParetoSettings &pareto) {
  if (pareto.numObjectives < 2 || pareto.numObjectives > kMaxParetoObjectives)
    return "a front trades off two or three of latency, energy and area";
  for (int i = 0; i < pareto.numObjectives; ++i) {
    if (!isParetoFigure(pareto.objectives[i]))
      return "a front trades off latency, energy and area, not " +
             std::string(objectiveName(pareto.objectives[i]));
    for (int j = 0; j < i; ++j)
      if (pareto.objectives[j] == pareto.objectives[i])
        return std::string(objectiveName(pareto.objectives[i])) +
               " is given twice among the front's objectives";
  }
  if (pareto.frontCapacity < 2)
    return "a front keeps at least two designs";
  if (pareto.pick != ParetoPick::Knee) {
    Objective wanted = pareto.pick == ParetoPick::Latency  ? Objective::Latency
                       : pareto.pick == ParetoPick::Energy ? Objective::Energy
                                                           : Objective::Area;
    bool among = false;
    for (int i = 0; i < pareto.numObjectives; ++i)
      among |= pareto.objectives[i] == wanted;
    if (!among)
      return "the pick " +
             std::string(nameOf(paretoPickValues(), pareto.pick)) +
             " is not among the front's objectives";
  }
  return std::nullopt;
}

bool digamma::search::searchesFronts(Algorithm algorithm) {
  return algorithm == Algorithm::DiGamma || algorithm == Algorithm::Random ||
         searchesOnlyFronts(algorithm);
}

bool digamma::search::searchesOnlyFronts(Algorithm algorithm) {
  return algorithm == Algorithm::Nsga2 || algorithm == Algorithm::Moead;
}

bool digamma::search::isParetoFigure(Objective objective) {
  return objective == Objective::Latency || objective == Objective::Energy ||
         objective == Objective::Area;
}

//===----------------------------------------------------------------------===//
// Names
//===----------------------------------------------------------------------===//

const std::vector<NamedValue<Objective>> &digamma::search::objectiveValues() {
  static const std::vector<NamedValue<Objective>> values = {
      {"latency", Objective::Latency, "cycles"},
      {"energy", Objective::Energy, "energy in nJ"},
      {"edp", Objective::EDP, "energy-delay product"},
      {"lap", Objective::LatencyArea, "latency-area product"},
      {"power", Objective::Power, "energy per cycle"},
      {"area", Objective::Area, "area of PEs and buffers"},
      {"pareto", Objective::Pareto,
       "the front of non-dominated designs over pareto-objectives"},
  };
  return values;
}

const std::vector<NamedValue<Mode>> &digamma::search::modeValues() {
  static const std::vector<NamedValue<Mode>> values = {
      {"co-opt", Mode::CoOpt, "hardware and mapping together (DiGamma)"},
      {"fixed-hw", Mode::FixedHW,
       "mapping only, for given PEs and buffers (GAMMA)"},
      {"fixed-mapping", Mode::FixedMapping,
       "hardware only, for a given mapping or dataflow"},
  };
  return values;
}

const std::vector<NamedValue<Algorithm>> &digamma::search::algorithmValues() {
  static const std::vector<NamedValue<Algorithm>> values = {
      {"digamma", Algorithm::DiGamma, "DiGamma's domain-aware GA"},
      {"random", Algorithm::Random, "uniform sampling of DiGamma's encoding"},
      {"sga", Algorithm::Sga, "pagmo2 standard GA over a flat encoding"},
      {"pso", Algorithm::Pso, "pagmo2 particle swarm"},
      {"sea", Algorithm::Sea, "pagmo2 (N+1)-ES"},
      {"de", Algorithm::De, "pagmo2 differential evolution"},
      {"cmaes", Algorithm::Cmaes, "pagmo2 CMA-ES"},
      {"sa", Algorithm::Sa, "pagmo2 simulated annealing"},
      {"nsga2", Algorithm::Nsga2,
       "pagmo2 NSGA-II, multi-objective (objective=pareto only)"},
      {"moead", Algorithm::Moead,
       "pagmo2 MOEA/D, multi-objective (objective=pareto only)"},
  };
  return values;
}

const std::vector<NamedValue<ParetoPick>> &digamma::search::paretoPickValues() {
  static const std::vector<NamedValue<ParetoPick>> values = {
      {"knee", ParetoPick::Knee,
       "the design nearest the ideal point (log-normalized figures)"},
      {"latency", ParetoPick::Latency, "the fastest design of the front"},
      {"energy", ParetoPick::Energy, "the most frugal design of the front"},
      {"area", ParetoPick::Area, "the smallest design of the front"},
  };
  return values;
}

const std::vector<NamedValue<cost::Semantics>> &
digamma::search::semanticsValues() {
  static const std::vector<NamedValue<cost::Semantics>> values = {
      {cost::semanticsName(cost::Semantics::Sound), cost::Semantics::Sound,
       "exact edge tiles (the default)"},
      {cost::semanticsName(cost::Semantics::Maestro), cost::Semantics::Maestro,
       "MAESTRO's figures, quirks included"},
  };
  return values;
}

std::string
digamma::search::joinNames(const std::vector<std::string_view> &names) {
  std::string text;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0)
      text += i + 1 == names.size() ? " or " : ", ";
    text += names[i];
  }
  return text;
}

std::optional<Objective>
digamma::search::parseObjective(std::string_view name) {
  return parseNamed(objectiveValues(), name);
}

std::string_view digamma::search::objectiveName(Objective objective) {
  return nameOf(objectiveValues(), objective);
}

std::string_view digamma::search::objectiveNames() {
  static const std::string names = listNames(objectiveValues());
  return names;
}

std::optional<Mode> digamma::search::parseMode(std::string_view name) {
  return parseNamed(modeValues(), name);
}

std::string_view digamma::search::modeName(Mode mode) {
  return nameOf(modeValues(), mode);
}

std::optional<Algorithm>
digamma::search::parseAlgorithm(std::string_view name) {
  return parseNamed(algorithmValues(), name);
}

std::string_view digamma::search::algorithmName(Algorithm algorithm) {
  return nameOf(algorithmValues(), algorithm);
}

std::string_view digamma::search::algorithmNames() {
  static const std::string names = listNames(algorithmValues());
  return names;
}
