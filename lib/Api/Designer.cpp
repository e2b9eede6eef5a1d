//===- Designer.cpp - Find the best accelerator design for a layer --------===//
//
// A one-layer request (Request.h), planned and searched as
// `--digamma-co-optimize` does for one op; the winner with the figures the
// pass attaches.
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

//===----------------------------------------------------------------------===//
// findDesign
//===----------------------------------------------------------------------===//

Design api::findDesign(const Layer &layer, const Budget &budget,
                       const Options &options) {
  Request request;
  request.layers.push_back({layer});
  request.budget = budget;
  request.options = options;
  SearchPlan plan;
  if (std::optional<std::string> error = planSearch(request, plan)) {
    Design design;
    design.error = std::move(*error);
    return design;
  }
  return findDesign(plan, request.layers[0]);
}

Design api::findDesign(const SearchPlan &plan, const LayerProblem &layer) {
  Design design;
  search::SearchResult result = searchLayer(plan, layer);
  design.samplesUsed = result.samplesUsed;
  design.bound = search::cycleBound(plan.layerFor(layer), plan.optionsFor(layer));
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
  // Each tensor at its own element size, as the area charges them.
  design.l1Bytes = result.cost.l1Bytes;
  design.l2Bytes = result.cost.l2Bytes;
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
       << " over " << design.peArrayShape[l] << " units, order";
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
  if (design.bound.valid)
    os << "bound: cycles=" << design.bound.cycles << " (gap "
       << std::setprecision(3)
       << double(design.cost.cycles) / double(design.bound.cycles)
       << "x, limited by " << cost::boundLimitName(design.bound.limitedBy)
       << ")\n";
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
