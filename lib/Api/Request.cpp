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
  return ofArea(
      findPlatform(platform == Platform::Cloud ? "cloud" : "edge")->areaMm2);
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
  if (options.minLevels > 2 || options.maxLevels < 2)
    return "dataflow=" + name +
           " has two mapping levels; it needs min-levels <= 2 <= max-levels";
  return std::nullopt;
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
std::optional<std::string> checkFixedHardware(const Options &options) {
  const Options::FixedHardware &fixed = options.fixedHardware;
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

  std::optional<PlatformSpec> platform = findPlatform(request.platform);
  if (!platform)
    return unknownName("platform", request.platform, platformNames());
  plan.platform = *platform;
  double areaMm2 = request.budget.areaMm2;
  if (areaMm2 == 0)
    areaMm2 = platform->areaMm2;
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
  if (std::optional<std::string> error = checkFixedHardware(options))
    return error;
  if (std::optional<std::string> error = checkScope(request))
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
    if (plan.elementBytesOf(layer.elementBytes) < 1)
      return withValue("element-bytes must be positive for a layer without "
                       "an element size of its own, got ",
                       options.elementBytes);
  }

  search::SearchOptions &out = plan.options;
  out.mode = options.mode;
  out.objective = options.objective;
  out.tieBreak = options.tieBreak;
  out.semantics = options.semantics;
  out.areaBudgetUm2 = areaMm2 * kUm2PerMm2;
  if (request.budget.peLimit > 0)
    out.peLimit = request.budget.peLimit;
  out.minLevels = options.minLevels;
  out.maxLevels = options.maxLevels;
  out.samples = options.samples;
  out.population = options.population;
  out.seed = options.seed;
  out.threads = options.threads;
  out.baseline.gradedPenalty = options.gradedPenalty;
  if (options.mode == search::Mode::FixedHW)
    out.fixedHardware.numPEs = options.fixedHardware.numPEs;
  out.fixedMapping = options.fixedMapping;
  plan.algorithm = options.algorithm;
  plan.scope = request.scope;
  plan.fixedHardware = options.fixedHardware;

  // Each layer brings its own mapping in fixed-mapping mode: check the
  // rest now.
  search::SearchOptions check = out;
  if (check.mode == search::Mode::FixedMapping && !check.fixedMapping)
    check.fixedMapping = cost::Mapping();
  return search::validateOptions(check);
}

search::SearchOptions SearchPlan::optionsFor(const LayerProblem &layer) const {
  search::SearchOptions out = options;
  int64_t bytes = elementBytesOf(layer.elementBytes);
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
  if (plan.dataflow)
    return search::runHardwareGrid(layer.layer, *plan.dataflow, options);
  return search::getOptimizer(plan.algorithm).run(layer.layer, options);
}

std::optional<std::string>
digamma::api::checkLayerProblem(const SearchPlan &plan,
                                const LayerProblem &layer) {
  search::SearchOptions options = plan.optionsFor(layer);
  // The grid search instantiates the dataflow's mapping for the layer; the
  // options are planSearch()'s to check.
  if (plan.dataflow)
    return search::checkLayer(layer.layer, options.semantics);
  return search::checkSearchInputs(search::SearchSpace(layer.layer, options));
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
    inputs.layers.push_back({layer.layer, layer.weight});
    inputs.elementBytes =
        std::max(inputs.elementBytes, plan.elementBytesOf(layer.elementBytes));
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
