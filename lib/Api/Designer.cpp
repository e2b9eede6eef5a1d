//===- Designer.cpp - Find the best accelerator design for a layer --------===//
//
// Checks the caller's input, translates it into search::SearchOptions the
// way `--digamma-co-optimize` does for one op, runs the optimizer and
// returns the winner with the figures the pass attaches.
//
//===----------------------------------------------------------------------===//

#include "digamma/Api/Designer.h"

#include "digamma/CostModel/Problem.h"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <limits>
#include <sstream>

using namespace digamma;
using namespace digamma::api;

static constexpr double kUm2PerMm2 = 1e6;

//===----------------------------------------------------------------------===//
// Layers and budgets
//===----------------------------------------------------------------------===//

Layer api::conv2d(int64_t k, int64_t c, int64_t y, int64_t x, int64_t r,
                  int64_t s, int64_t stride, int64_t batch) {
  return Layer{cost::LayerClass::Conv, batch, k, c, y, x, r, s, stride, stride};
}

Layer api::depthwiseConv2d(int64_t c, int64_t y, int64_t x, int64_t r,
                           int64_t s, int64_t stride, int64_t batch) {
  Layer layer = conv2d(/*k=*/1, c, y, x, r, s, stride, batch);
  layer.layerClass = cost::LayerClass::DepthwiseConv;
  return layer;
}

Layer api::gemm(int64_t m, int64_t n, int64_t k, int64_t batch) {
  Layer layer = conv2d(/*k=*/n, /*c=*/k, /*y=*/m, /*x=*/1, /*r=*/1, /*s=*/1,
                       /*stride=*/1, batch);
  layer.layerClass = cost::LayerClass::Gemm;
  return layer;
}

Budget Budget::forPlatform(Platform platform) {
  return ofArea(platform == Platform::Cloud ? kCloudAreaMm2 : kEdgeAreaMm2);
}

Budget Budget::ofArea(double areaMm2) {
  Budget budget;
  budget.areaMm2 = areaMm2;
  return budget;
}

//===----------------------------------------------------------------------===//
// findDesign
//===----------------------------------------------------------------------===//

std::optional<std::string>
api::resolveSearchOptions(const Budget &budget, const Options &options,
                          search::SearchOptions &out) {
  if (options.elementBytes < 1)
    return "elementBytes must be positive, got " +
           std::to_string(options.elementBytes);
  if (budget.peLimit < 0)
    return "the PE limit must not be negative, got " +
           std::to_string(budget.peLimit);
  if (options.mode != search::Mode::FixedHW &&
      !(budget.areaMm2 > 0 && std::isfinite(budget.areaMm2))) {
    std::ostringstream message;
    message << "the area budget must be a positive number of mm^2, got "
            << budget.areaMm2;
    return message.str();
  }
  const Options::FixedHardware &fixed = options.fixedHardware;
  bool hasFixedHardware =
      fixed.numPEs != 0 || fixed.l1Bytes != 0 || fixed.l2Bytes != 0;
  if (options.mode == search::Mode::FixedHW) {
    if (fixed.numPEs <= 0 || fixed.l1Bytes <= 0 || fixed.l2Bytes <= 0)
      return "mode FixedHW needs a positive fixedHardware.numPEs, l1Bytes "
             "and l2Bytes (got " +
             std::to_string(fixed.numPEs) + ", " +
             std::to_string(fixed.l1Bytes) + ", " +
             std::to_string(fixed.l2Bytes) + ")";
  } else if (hasFixedHardware) {
    return "fixedHardware describes the hardware of mode FixedHW only";
  }
  if (options.fixedMapping && options.mode != search::Mode::FixedMapping)
    return "fixedMapping is the mapping of mode FixedMapping only";

  out.mode = options.mode;
  out.objective = options.objective;
  out.tieBreak = options.tieBreak;
  out.semantics = options.semantics;
  out.areaBudgetUm2 = budget.areaMm2 * kUm2PerMm2;
  if (budget.peLimit > 0)
    out.peLimit = budget.peLimit;
  out.minLevels = options.minLevels;
  out.maxLevels = options.maxLevels;
  out.samples = options.samples;
  out.population = options.population;
  out.seed = options.seed;
  out.threads = options.threads;
  out.bytesPerElement = options.elementBytes;
  out.fixedHardware.bytesPerElement = options.elementBytes;
  if (options.mode == search::Mode::FixedHW) {
    out.fixedHardware.numPEs = fixed.numPEs;
    out.fixedHardware.l1Elements =
        search::bufferElements(fixed.l1Bytes, options.elementBytes);
    out.fixedHardware.l2Elements =
        search::bufferElements(fixed.l2Bytes, options.elementBytes);
  }
  out.fixedMapping = options.fixedMapping;
  return search::validateOptions(out);
}

/// The search options of \p budget and \p options for \p layer, or a
/// message.
static std::optional<std::string>
buildSearchOptions(const Layer &layer, const Budget &budget,
                   const Options &options, search::SearchOptions &out) {
  if (std::optional<std::string> error =
          search::checkLayer(layer, options.semantics))
    return error;
  return resolveSearchOptions(budget, options, out);
}

std::optional<std::string> api::checkRequest(const Layer &layer,
                                             const Budget &budget,
                                             const Options &options) {
  search::SearchOptions unused;
  return buildSearchOptions(layer, budget, options, unused);
}

Design api::findDesign(const Layer &layer, const Budget &budget,
                       const Options &options) {
  Design design;
  search::SearchOptions searchOptions;
  if (std::optional<std::string> error =
          buildSearchOptions(layer, budget, options, searchOptions)) {
    design.error = std::move(*error);
    return design;
  }

  search::SearchResult result =
      search::getOptimizer(options.algorithm).run(layer, searchOptions);
  design.samplesUsed = result.samplesUsed;
  if (!result.found) {
    design.error = std::move(result.message);
    return design;
  }
  design.found = true;
  design.hardware = result.hardware;
  design.mapping = result.mapping;
  design.cost = result.cost;
  design.areaUm2 = result.areaUm2;
  design.objectiveValue = result.objectiveValue;
  design.l1Bytes =
      search::bufferBytes(result.cost.l1Elements, options.elementBytes);
  design.l2Bytes =
      search::bufferBytes(result.cost.l2Elements, options.elementBytes);
  design.peArrayShape = search::peArrayShape(design.hardware, design.mapping);

  return design;
}

//===----------------------------------------------------------------------===//
// Text
//===----------------------------------------------------------------------===//

std::string api::formatDesign(const Layer &layer, const Design &design) {
  std::ostringstream os;
  os << "layer: " << cost::layerClassName(layer.layerClass) << " N=" << layer.n
     << " K=" << layer.k << " C=" << layer.c << " Y=" << layer.y
     << " X=" << layer.x << " R=" << layer.r << " S=" << layer.s
     << " stride=" << layer.strideY << "x" << layer.strideX << "\n";
  if (!design.found) {
    os << "error: " << design.error << "\n";
    return os.str();
  }
  os << "hardware: " << design.hardware.numPEs << " PEs as [";
  for (size_t i = 0; i < design.peArrayShape.size(); ++i)
    os << (i ? ", " : "") << design.peArrayShape[i];
  os << "], L1 " << design.l1Bytes << " B per PE, L2 " << design.l2Bytes
     << " B, area " << std::fixed << std::setprecision(2) << design.areaUm2
     << " um^2\n";
  for (int l = 0; l < design.mapping.numLevels; ++l) {
    const cost::MappingLevel &level = design.mapping.level(l);
    os << "level " << l << ": parallel " << cost::dimName(level.parallelDim)
       << ", cluster " << design.peArrayShape[l] << ", order";
    for (cost::Dim dim : level.order)
      os << " " << cost::dimName(dim);
    os << ", tiles";
    for (cost::Dim dim : cost::kAllDims)
      os << " " << cost::dimName(dim) << "=" << level.tile(dim);
    os << "\n";
  }
  os << "cost: cycles=" << design.cost.cycles << " macs=" << design.cost.macs
     << std::setprecision(3) << " energy_nj=" << design.cost.energyNJ
     << std::setprecision(4) << " utilization=" << design.cost.utilization
     << "\n";
  return os.str();
}

//===----------------------------------------------------------------------===//
// Names
//===----------------------------------------------------------------------===//

std::optional<Platform> api::parsePlatform(std::string_view name) {
  if (name == "edge")
    return Platform::Edge;
  if (name == "cloud")
    return Platform::Cloud;
  return std::nullopt;
}
