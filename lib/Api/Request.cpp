//===- Request.cpp - One request layer for every entry point --------------===//
//
// The one translation of user input into search options: units, platform
// presets, defaults and the wording of every message about them.
//
//===----------------------------------------------------------------------===//

#include "digamma/Api/Request.h"

#include "digamma/Api/MapSpaceFile.h"
#include "digamma/Search/Encoding.h"
#include "digamma/Search/TwoStep.h"

#include <algorithm>
#include <cmath>
#include <sstream>

using namespace digamma;
using namespace digamma::api;

static constexpr double kUm2PerMm2 = 1e6;

Budget Budget::forPlatform(Platform platform) {
  // The paper's figures, whether or not the bundled files can be read
  // (RequestTest checks that the files agree).
  return ofArea(platform == Platform::Cloud ? kCloudAreaMm2 : kEdgeAreaMm2);
}

Budget Budget::ofArea(double areaMm2) {
  Budget budget;
  budget.areaMm2 = areaMm2;
  return budget;
}

const std::vector<search::NamedValue<Scope>> &digamma::api::scopeValues() {
  static const std::vector<search::NamedValue<Scope>> values = {
      {"op", Scope::Op, "a chip per op, as in the paper"},
      {"model", Scope::Model, "one chip shared by every op of the module"},
      {"function", Scope::Function, "one shared chip per function"},
  };
  return values;
}

std::string_view digamma::api::scopeName(Scope scope) {
  return search::nameOf(scopeValues(), scope);
}

std::string digamma::api::unknownName(std::string_view what,
                                      std::string_view name,
                                      std::string_view expected) {
  return "unknown " + std::string(what) + " '" + std::string(name) +
         "'; expected " + std::string(expected);
}

std::optional<std::string> digamma::api::parseParetoObjectives(
    const std::vector<std::string> &names,
    std::vector<search::Objective> &objectives) {
  objectives.clear();
  for (const std::string &name : names) {
    std::optional<search::Objective> objective = search::parseObjective(name);
    if (!objective || !search::isParetoFigure(*objective))
      return unknownName("pareto objective", name, "latency, energy or area");
    objectives.push_back(*objective);
  }
  return std::nullopt;
}

//===----------------------------------------------------------------------===//
// planSearch
//===----------------------------------------------------------------------===//

namespace {

/// "<text><value>" with the value as a stream prints it.
template <typename T> std::string withValue(const char *text, T value) {
  std::ostringstream os;
  os << text << value;
  return os.str();
}

/// The dataflow option: a built-in name that fixes the mapping.
std::optional<std::string> resolveDataflow(const Options &options,
                                           SearchPlan &plan) {
  plan.dataflow = nullptr;
  if (options.dataflow.empty())
    return std::nullopt;
  const std::string &name = options.dataflow;
  plan.dataflow = search::findDataflow(name);
  if (!plan.dataflow)
    return unknownName("dataflow", name, search::dataflowNames());
  if (options.mode != search::Mode::FixedMapping)
    return "dataflow=" + name +
           " fixes the mapping and needs mode=fixed-mapping";
  if (options.algorithm != search::Algorithm::DiGamma)
    return "dataflow=" + name +
           " searches the hardware by grid search; remove algorithm=" +
           std::string(search::algorithmName(options.algorithm));
  if (options.objective == search::Objective::Pareto)
    return "dataflow=" + name +
           " searches the hardware by grid search for one figure; remove "
           "objective=pareto";
  if (options.minLevels > 2 || options.maxLevels < 2)
    return "dataflow=" + name +
           " has two mapping levels; it needs min-levels <= 2 <= max-levels";
  return std::nullopt;
}

/// The fixed hardware of mode FixedHW: the options', or the platform's when
/// the options give none.
Options::FixedHardware fixedHardwareOf(const Options &options,
                                       const PlatformSpec &platform) {
  const Options::FixedHardware &given = options.fixedHardware;
  if (options.mode != search::Mode::FixedHW || !platform.fixedHardware ||
      given.numPEs != 0 || given.l1Bytes != 0 || given.l2Bytes != 0)
    return given;
  const FixedPlatformHardware &chip = *platform.fixedHardware;
  return {chip.numPEs, chip.l1Bytes, chip.l2Bytes};
}

/// The map-space options: at most one of constraint, constraint-file and a
/// space given in C++.
std::optional<std::string> resolveMapSpace(const Options &options,
                                           search::MapSpace &space) {
  int given = !options.constraint.empty() + !options.constraintFile.empty() +
              options.mapSpace.has_value();
  if (given > 1)
    return std::string("give one map space: constraint, constraint-file or "
                       "a search::MapSpace, not several");
  space = search::MapSpace();
  MapSpaceFile file;
  if (!options.constraint.empty()) {
    if (std::optional<std::string> error =
            loadBundledMapSpace(options.constraint, file))
      return "constraint=" + options.constraint + ": " + *error;
    space = file.space;
  } else if (!options.constraintFile.empty()) {
    if (std::optional<std::string> error =
            readMapSpaceFile(options.constraintFile, file))
      return "constraint-file: " + *error;
    space = file.space;
  } else if (options.mapSpace) {
    space = *options.mapSpace;
  }
  return search::validateMapSpace(space);
}

/// The fixed hardware of mode FixedHW, and nothing else's.
std::optional<std::string>
checkFixedHardware(const Options &options,
                   const Options::FixedHardware &fixed) {
  if (options.mode == search::Mode::FixedHW) {
    if (fixed.numPEs <= 0 || fixed.l1Bytes <= 0 || fixed.l2Bytes <= 0)
      return "mode=fixed-hw needs positive num-pes, l1-bytes and l2-bytes "
             "(got " +
             std::to_string(fixed.numPEs) + ", " +
             std::to_string(fixed.l1Bytes) + ", " +
             std::to_string(fixed.l2Bytes) + ")";
  } else if (fixed.numPEs != 0 || fixed.l1Bytes != 0 || fixed.l2Bytes != 0) {
    return "num-pes, l1-bytes and l2-bytes describe fixed hardware and need "
           "mode=fixed-hw";
  }
  if (options.fixedMapping && options.mode != search::Mode::FixedMapping)
    return std::string("a fixed mapping needs mode=fixed-mapping");
  return std::nullopt;
}

/// objective=pareto and its options, resolved into \p settings; the
/// algorithms that search fronts only or not at all.
std::optional<std::string> resolvePareto(const Options &options,
                                         search::ParetoSettings &settings) {
  std::string algorithm(search::algorithmName(options.algorithm));
  if (options.tieBreak == search::Objective::Pareto)
    return std::string("tie-break is one figure; pareto is not");
  if (options.objective != search::Objective::Pareto) {
    if (search::searchesOnlyFronts(options.algorithm))
      return "algorithm=" + algorithm +
             " searches fronts only; it needs objective=pareto";
    if (!options.paretoObjectives.empty())
      return std::string("pareto-objectives needs objective=pareto");
    if (options.paretoPick != search::ParetoPick::Knee)
      return std::string("pareto-pick needs objective=pareto");
    if (options.paretoSize != 0)
      return std::string("pareto-size needs objective=pareto");
    return std::nullopt;
  }
  if (!search::searchesFronts(options.algorithm))
    return "objective=pareto needs an algorithm that searches fronts "
           "(digamma, random, nsga2 or moead); " +
           algorithm + " searches one figure";
  if (!options.paretoObjectives.empty()) {
    std::vector<std::string_view> names;
    for (search::Objective objective : options.paretoObjectives)
      names.push_back(search::objectiveName(objective));
    std::string given = search::joinNames(names);
    if (options.paretoObjectives.size() < 2 ||
        options.paretoObjectives.size() > size_t(search::kMaxParetoObjectives))
      return "pareto-objectives names two or three of latency, energy and "
             "area, got " +
             given;
    settings.numObjectives = static_cast<int>(options.paretoObjectives.size());
    for (size_t i = 0; i < options.paretoObjectives.size(); ++i) {
      search::Objective objective = options.paretoObjectives[i];
      if (!search::isParetoFigure(objective))
        return "pareto-objectives names latency, energy and area only, got " +
               std::string(search::objectiveName(objective));
      for (size_t j = 0; j < i; ++j)
        if (options.paretoObjectives[j] == objective)
          return "pareto-objectives names " +
                 std::string(search::objectiveName(objective)) + " twice";
      settings.objectives[i] = objective;
    }
  }
  settings.pick = options.paretoPick;
  if (options.paretoSize < 0 || options.paretoSize == 1)
    return withValue("pareto-size must be at least 2 (0 takes the default), "
                     "got ",
                     options.paretoSize);
  if (options.paretoSize > 0)
    settings.frontCapacity = options.paretoSize;
  if (search::validateParetoSettings(settings)) {
    // The objectives and the size are checked above: the pick is not
    // among the figures.
    std::vector<std::string_view> names;
    for (int k = 0; k < settings.numObjectives; ++k)
      names.push_back(search::objectiveName(settings.objectives[k]));
    return "pareto-pick=" +
           std::string(
               search::nameOf(search::paretoPickValues(), settings.pick)) +
           " is not a figure of the front (" + search::joinNames(names) + ")";
  }
  return std::nullopt;
}

/// A chip shared by several layers: co-optimized by DiGamma.
std::optional<std::string> checkScope(const Request &request) {
  if (request.scope == Scope::Op)
    return std::nullopt;
  std::string scope(scopeName(request.scope));
  if (request.options.mode != search::Mode::CoOpt)
    return "scope=" + scope +
           " shares one chip among ops and needs mode=co-opt";
  if (request.options.algorithm != search::Algorithm::DiGamma)
    return "scope=" + scope +
           " is searched by DiGamma only; remove algorithm=" +
           std::string(search::algorithmName(request.options.algorithm));
  return std::nullopt;
}

} // namespace

std::optional<std::string> digamma::api::planSearch(const Request &request,
                                                    SearchPlan &plan) {
  const Options &options = request.options;
  plan = SearchPlan();
  if (std::optional<std::string> error = resolveDataflow(options, plan))
    return error;

  if (std::optional<std::string> error = resolvePlatform(
          request.platform, request.platformFile, plan.platform))
    return error;
  const PlatformSpec &platform = plan.platform;
  double areaMm2 = request.budget.areaMm2;
  if (areaMm2 == 0)
    areaMm2 = platform.areaMm2;
  if (!(areaMm2 > 0) || !std::isfinite(areaMm2))
    return withValue("area-budget must be a positive number of mm^2, got ",
                     request.budget.areaMm2);

  if (options.samples <= 0)
    return withValue("samples must be positive, got ", options.samples);
  if (options.population < 0)
    return withValue("population must not be negative, got ",
                     options.population);
  if (request.budget.peLimit < 0)
    return withValue("pe-limit must not be negative, got ",
                     request.budget.peLimit);
  if (options.elementBytes < 0)
    return withValue("element-bytes must not be negative, got ",
                     options.elementBytes);
  if (options.offchipBandwidth < 0)
    return withValue("offchip-bandwidth must not be negative, got ",
                     options.offchipBandwidth);
  if (options.nocBandwidth < 0)
    return withValue("noc-bandwidth must not be negative, got ",
                     options.nocBandwidth);
  Options::FixedHardware fixedHardware = fixedHardwareOf(options, platform);
  if (std::optional<std::string> error =
          checkFixedHardware(options, fixedHardware))
    return error;
  if (std::optional<std::string> error = checkScope(request))
    return error;
  search::ParetoSettings pareto;
  if (std::optional<std::string> error = resolvePareto(options, pareto))
    return error;
  if (std::optional<std::string> error =
          resolveMapSpace(options, plan.options.mapSpace))
    return error;
  plan.elementBytes = options.elementBytes;
  for (size_t i = 0; i < request.layers.size(); ++i) {
    const LayerProblem &layer = request.layers[i];
    if (!(layer.weight > 0) || !std::isfinite(layer.weight))
      return "layer " + std::to_string(i) +
             withValue("'s weight must be a positive number, got ",
                       layer.weight);
  }

  search::SearchOptions &out = plan.options;
  out.mode = options.mode;
  out.objective = options.objective;
  out.tieBreak = options.tieBreak;
  out.semantics = options.semantics;
  out.areaBudgetUm2 = areaMm2 * kUm2PerMm2;
  if (request.budget.peLimit > 0)
    out.peLimit = request.budget.peLimit;
  else if (platform.fixedHardware)
    // A chip's hardware searched for a dataflow (or co-optimized) stays
    // within its PEs as well as its area.
    out.peLimit = platform.fixedHardware->numPEs;
  // Bandwidths in bytes per cycle; 0 leaves GAMMA's unbounded element
  // rates.
  out.fixedHardware.offchipBandwidthBytes = options.offchipBandwidth > 0
                                                ? options.offchipBandwidth
                                                : platform.offchipBytesPerCycle;
  out.fixedHardware.nocBandwidthBytes = options.nocBandwidth > 0
                                            ? options.nocBandwidth
                                            : platform.nocBytesPerCycle;
  out.model.energy = platform.energy;
  out.model.acceptUnsoundMaestro = options.acceptUnsoundMaestro;
  out.minLevels = options.minLevels;
  out.maxLevels = options.maxLevels;
  out.samples = options.samples;
  out.population = options.population;
  out.seed = options.seed;
  out.threads = options.threads;
  out.baseline.gradedPenalty = options.gradedPenalty;
  out.pareto = pareto;
  if (options.mode == search::Mode::FixedHW)
    out.fixedHardware.numPEs = fixedHardware.numPEs;
  out.fixedMapping = options.fixedMapping;
  plan.algorithm = options.algorithm;
  plan.scope = request.scope;
  plan.fixedHardware = fixedHardware;
  // The platform's PE array is hardware too: its columns are the inner
  // cluster of every two-level mapping.
  if (options.mode == search::Mode::FixedHW && platform.fixedHardware &&
      fixedHardware.numPEs == platform.fixedHardware->numPEs) {
    // Within the level range, the array decides: two levels.
    if (options.minLevels > 2 || options.maxLevels < 2)
      return "platform " + platform.name + "'s " +
             std::to_string(platform.fixedHardware->arrayRows) + " x " +
             std::to_string(platform.fixedHardware->arrayColumns) +
             " PE array takes two mapping levels; it needs min-levels <= 2 "
             "<= max-levels";
    out.minLevels = out.maxLevels = 2;
    cost::Mapping shape;
    shape.numLevels = 2;
    shape.level(1).clusterSize = platform.fixedHardware->arrayColumns;
    out.initialMapping = shape;
    out.fixedArrayShape = true;
  }

  // Each layer brings its own mapping in fixed-mapping mode: check the
  // rest now.
  search::SearchOptions check = out;
  if (check.mode == search::Mode::FixedMapping && !check.fixedMapping)
    check.fixedMapping = cost::Mapping();
  return search::validateOptions(check);
}

int64_t SearchPlan::wordOf(const LayerProblem &layer) const {
  const Layer &own = layer.layer;
  return elementBytesOf(std::max({layer.elementBytes, own.inputBytes,
                                  own.weightBytes, own.outputBytes}));
}

Layer SearchPlan::layerFor(const LayerProblem &layer) const {
  Layer searched = layer.layer;
  if (elementBytes > 0)
    searched.inputBytes = searched.weightBytes = searched.outputBytes = 0;
  return searched;
}

search::SearchOptions SearchPlan::optionsFor(const LayerProblem &layer) const {
  search::SearchOptions out = options;
  int64_t bytes = wordOf(layer);
  out.bytesPerElement = bytes;
  out.fixedHardware.bytesPerElement = bytes;
  if (out.mode == search::Mode::FixedHW) {
    out.fixedHardware.l1Elements =
        search::bufferElements(fixedHardware.l1Bytes, bytes);
    out.fixedHardware.l2Elements =
        search::bufferElements(fixedHardware.l2Bytes, bytes);
  }
  if (layer.fixedMapping)
    out.fixedMapping = layer.fixedMapping;
  if (layer.mapSpace)
    out.mapSpace = *layer.mapSpace;
  return out;
}

//===----------------------------------------------------------------------===//
// Searches
//===----------------------------------------------------------------------===//

search::SearchResult digamma::api::searchLayer(const SearchPlan &plan,
                                               const LayerProblem &layer) {
  search::SearchOptions options = plan.optionsFor(layer);
  const Layer searched = plan.layerFor(layer);
  if (plan.dataflow)
    return search::runHardwareGrid(searched, *plan.dataflow, options);
  return search::getOptimizer(plan.algorithm).run(searched, options);
}

std::optional<std::string>
digamma::api::checkLayerProblem(const SearchPlan &plan,
                                const LayerProblem &layer) {
  search::SearchOptions options = plan.optionsFor(layer);
  // The grid search instantiates the dataflow's mapping for the layer; the
  // options are planSearch()'s to check.
  const Layer searched = plan.layerFor(layer);
  if (plan.dataflow)
    return search::checkLayer(searched, options.semantics);
  return search::checkSearchInputs(search::SearchSpace(searched, options));
}

namespace {

/// What the search of one chip for \p layers takes.
struct SharedChipInputs {
  std::vector<search::ModelLayer> layers;
  search::SearchOptions options;
  /// The chip's buffer word: the widest element of its layers.
  int64_t elementBytes = 1;
};

/// The layers of one chip share its map space.
std::optional<std::string>
checkSameMapSpace(const std::vector<LayerProblem> &layers) {
  for (size_t i = 1; i < layers.size(); ++i)
    if (layers[i].mapSpace.has_value() != layers[0].mapSpace.has_value() ||
        (layers[i].mapSpace &&
         !search::sameRules(*layers[i].mapSpace, *layers[0].mapSpace)))
      return "layer " + std::to_string(i) +
             " has another map space than layer 0; the layers of one chip "
             "share its map space";
  return std::nullopt;
}

SharedChipInputs sharedChipInputs(const SearchPlan &plan,
                                  const std::vector<LayerProblem> &layers) {
  SharedChipInputs inputs;
  for (const LayerProblem &layer : layers) {
    inputs.layers.push_back({plan.layerFor(layer), layer.weight});
    inputs.elementBytes = std::max(inputs.elementBytes, plan.wordOf(layer));
  }
  inputs.options = plan.options;
  // The layers share a chip, hence a map space: the first layer's own, if
  // any (checkSharedChip: every layer has the same).
  if (!layers.empty() && layers[0].mapSpace)
    inputs.options.mapSpace = *layers[0].mapSpace;
  inputs.options.bytesPerElement = inputs.elementBytes;
  inputs.options.fixedHardware.bytesPerElement = inputs.elementBytes;
  return inputs;
}

} // namespace

SharedChipResult
digamma::api::searchSharedChip(const SearchPlan &plan,
                               const std::vector<LayerProblem> &layers) {
  SharedChipInputs inputs = sharedChipInputs(plan, layers);
  SharedChipResult shared;
  shared.elementBytes = inputs.elementBytes;
  if (std::optional<std::string> error = checkSameMapSpace(layers)) {
    shared.chip.message = *error;
    shared.layers.resize(layers.size());
    for (search::SearchResult &result : shared.layers)
      result.message = *error;
    return shared;
  }
  shared.chip = search::runModelDiGamma(inputs.layers, inputs.options);
  const search::ModelSearchResult &chip = shared.chip;
  shared.layers.resize(layers.size());
  for (size_t k = 0; k < layers.size(); ++k) {
    search::SearchResult &result = shared.layers[k];
    result.found = chip.found;
    result.message = chip.message;
    if (!result.found)
      continue;
    result.hardware = chip.hardware;
    result.mapping = chip.mappings[k];
    result.cost = chip.costs[k];
    result.areaUm2 = chip.areaUm2;
    result.objectiveValue = chip.objectiveValue;
    result.samplesUsed = chip.samplesUsed;
    result.bestPerGeneration = chip.bestPerGeneration;
  }
  return shared;
}

std::optional<std::string>
digamma::api::checkSharedChip(const SearchPlan &plan,
                              const std::vector<LayerProblem> &layers) {
  if (std::optional<std::string> error = checkSameMapSpace(layers))
    return error;
  SharedChipInputs inputs = sharedChipInputs(plan, layers);
  return search::checkModel(inputs.layers, inputs.options);
}
