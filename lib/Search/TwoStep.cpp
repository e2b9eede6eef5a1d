//===- TwoStep.cpp - The paper's two-step design schemes ------------------===//

#include "digamma/Search/TwoStep.h"

#include "digamma/Search/Encoding.h"

#include "Common.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

using namespace digamma;
using namespace digamma::search;

//===----------------------------------------------------------------------===//
// HW-opt: grid search for a fixed dataflow
//===----------------------------------------------------------------------===//

namespace {

/// The HW-opt grid of one layer and dataflow, parameterized by the number
/// of PE counts it samples.
class HardwareGrid {
public:
  HardwareGrid(const cost::Layer &layer, const Dataflow &dataflow,
               int64_t maxPEs)
      : layer(layer), dataflow(dataflow), maxPEs(std::max<int64_t>(maxPEs, 1)),
        innerExtent(std::max<int64_t>(
            layer.mappedExtent(dataflow.levels[1].parallel), 1)) {}

  /// Calls visit(numPEs, shape) for every point of the grid with \p n PE
  /// counts until it returns false; returns the number of points visited.
  template <typename Visit> int64_t enumerate(int64_t n, Visit &&visit) {
    int64_t visited = 0;
    int64_t previous = 0;
    for (int64_t i = 0; i < std::min(n, maxPEs); ++i) {
      int64_t numPEs = peCount(n, i);
      if (numPEs == previous)
        continue; // geometric spacing repeats small counts
      previous = numPEs;
      std::array<int64_t, 64> clusters;
      int numClusters = clusterCandidates(numPEs, clusters);
      for (int c = 0; c < numClusters; ++c) {
        DataflowShape shape;
        shape.clusterSize = clusters[c];
        int outerSteps = maxDataflowGrowth(dataflow, layer, 0, shape);
        for (int g0 = 0; g0 <= outerSteps; ++g0) {
          shape.growth = {g0, 0};
          int innerSteps = maxDataflowGrowth(dataflow, layer, 1, shape);
          for (int g1 = 0; g1 <= innerSteps; ++g1) {
            shape.growth = {g0, g1};
            ++visited;
            if (!visit(numPEs, shape))
              return visited;
          }
        }
      }
    }
    return visited;
  }

  /// Points of the grid with \p n PE counts (memoized per cluster size).
  int64_t count(int64_t n) {
    int64_t total = 0, previous = 0;
    for (int64_t i = 0; i < std::min(n, maxPEs); ++i) {
      int64_t numPEs = peCount(n, i);
      if (numPEs == previous)
        continue;
      previous = numPEs;
      std::array<int64_t, 64> clusters;
      int numClusters = clusterCandidates(numPEs, clusters);
      for (int c = 0; c < numClusters; ++c)
        total += shapesOf(clusters[c]);
    }
    return total;
  }

private:
  /// The i-th of n PE counts, increasing: every count when n covers them
  /// all, else maxPEs^(i / (n - 1)) rounded.
  int64_t peCount(int64_t n, int64_t i) const {
    if (n >= maxPEs)
      return i + 1;
    if (n <= 1)
      return maxPEs;
    double exponent = double(i) / double(n - 1);
    return std::clamp<int64_t>(std::llround(std::pow(double(maxPEs), exponent)),
                               1, maxPEs);
  }

  /// Cluster sizes for \p numPEs PEs: the powers of two up to
  /// min(numPEs, inner extent) and that bound; the template's own size if
  /// it fixes it.
  int clusterCandidates(int64_t numPEs, std::array<int64_t, 64> &out) const {
    int64_t bound = std::min(numPEs, innerExtent);
    if (dataflow.clusterIsInnerExtent) {
      out[0] = bound;
      return 1;
    }
    int count = 0;
    for (int64_t c = 1; c <= bound && count < 63; c *= 2)
      out[count++] = c;
    if (out[count - 1] != bound)
      out[count++] = bound;
    return count;
  }

  /// Growth combinations for a cluster size.
  int64_t shapesOf(int64_t cluster) {
    auto [it, inserted] = shapeCounts.try_emplace(cluster, 0);
    if (!inserted)
      return it->second;
    DataflowShape shape;
    shape.clusterSize = cluster;
    int64_t total = 0;
    int outerSteps = maxDataflowGrowth(dataflow, layer, 0, shape);
    for (int g0 = 0; g0 <= outerSteps; ++g0) {
      shape.growth = {g0, 0};
      total += maxDataflowGrowth(dataflow, layer, 1, shape) + 1;
    }
    it->second = total;
    return total;
  }

  const cost::Layer &layer;
  const Dataflow &dataflow;
  int64_t maxPEs;
  int64_t innerExtent;
  std::map<int64_t, int64_t> shapeCounts;
};

} // namespace

SearchResult digamma::search::runHardwareGrid(const cost::Layer &layer,
                                              const Dataflow &dataflow,
                                              const SearchOptions &options) {
  SearchOptions gridOptions = options;
  gridOptions.mode = Mode::CoOpt;
  gridOptions.minLevels = gridOptions.maxLevels = 2;
  gridOptions.fixedMapping.reset();
  gridOptions.initialMapping.reset();
  gridOptions.fixedArrayShape = false;
  SearchSpace space(layer, gridOptions);
  if (std::optional<std::string> error = checkSearchInputs(space))
    return detail::failedResult(*error);

  // The densest grid within the budget: the most PE counts n whose grid
  // has at most `samples` points (the count grows with n).
  HardwareGrid grid(layer, dataflow, space.maxPEs);
  int64_t budget = options.samples;
  int64_t lo = 1, hi = space.maxPEs;
  while (lo < hi) {
    int64_t mid = lo + (hi - lo + 1) / 2;
    if (grid.count(mid) <= budget)
      lo = mid;
    else
      hi = mid - 1;
  }

  cost::Evaluator evaluator(gridOptions.model);
  int64_t interval = detail::populationSize(options);
  Individual candidate, best;
  std::vector<double> trace;
  std::vector<int64_t> traceSamples;
  int64_t used = 0;
  // With a map space, the instances outside it are skipped (their cluster
  // sizes are the space's to set): repairing them would change the
  // dataflow.
  const MapSpace &mapSpace = options.mapSpace;
  std::optional<MapSpaceViolation> outside;
  grid.enumerate(lo, [&](int64_t numPEs, const DataflowShape &shape) {
    if (used >= budget)
      return false;
    candidate.numPEs = numPEs;
    candidate.mapping = instantiateDataflow(dataflow, layer, shape);
    if (!mapSpace.empty()) {
      cost::Mapping ruled = candidate.mapping;
      for (int l = 1; l < std::min(ruled.numLevels, mapSpace.numLevels); ++l)
        if (!mapSpace.levels[l].parallelSize.isFree())
          ruled.level(l).clusterSize = resolveSizeRule(
              mapSpace.levels[l].parallelSize, l, space.extent, ruled);
      if (std::optional<MapSpaceViolation> violation =
              findViolation(mapSpace, layer, ruled, 0)) {
        if (!outside)
          outside = violation;
        return true;
      }
    }
    space.repair(candidate);
    space.evaluate(candidate, evaluator);
    ++used;
    if (SearchSpace::better(candidate, best))
      best = candidate;
    if (used % interval == 0) {
      trace.push_back(best.valid ? best.objective : -1.0);
      traceSamples.push_back(used);
    }
    return true;
  });
  if (used == 0 && outside)
    return detail::failedResult("dataflow " + std::string(dataflow.name) +
                                " is outside the " +
                                describeViolation(mapSpace, *outside));
  if (traceSamples.empty() || traceSamples.back() != used) {
    trace.push_back(best.valid ? best.objective : -1.0);
    traceSamples.push_back(used);
  }
  SearchResult result = space.finish(best, used, std::move(trace));
  result.samplesPerGeneration = std::move(traceSamples);
  return result;
}

//===----------------------------------------------------------------------===//
// Map-opt: fixed hardware presets, mapping by DiGamma
//===----------------------------------------------------------------------===//

std::string_view digamma::search::presetName(HardwarePreset preset) {
  switch (preset) {
  case HardwarePreset::BufferFocused:
    return "buffer";
  case HardwarePreset::Medium:
    return "medium";
  case HardwarePreset::ComputeFocused:
    break;
  }
  return "compute";
}

std::optional<HardwarePreset>
digamma::search::parsePreset(std::string_view name) {
  for (HardwarePreset preset :
       {HardwarePreset::BufferFocused, HardwarePreset::Medium,
        HardwarePreset::ComputeFocused})
    if (presetName(preset) == name)
      return preset;
  return std::nullopt;
}

double digamma::search::presetPEAreaShare(HardwarePreset preset) {
  switch (preset) {
  case HardwarePreset::BufferFocused:
    return 0.25;
  case HardwarePreset::Medium:
    return 0.5;
  case HardwarePreset::ComputeFocused:
    break;
  }
  return 0.75;
}

cost::Hardware digamma::search::presetHardware(HardwarePreset preset,
                                               const SearchOptions &options) {
  cost::Hardware hw = options.fixedHardware;
  int64_t bytes = detail::elementBytes(options);
  hw.bytesPerElement = bytes;
  const cost::AreaConstants &area = options.model.area;
  double budget = options.areaBudgetUm2;
  hw.numPEs = hw.l1Elements = hw.l2Elements = 0;
  if (!(budget > 0) || !std::isfinite(budget) || !(area.macAreaUm2 > 0))
    return hw;
  double peArea = budget * presetPEAreaShare(preset);
  int64_t numPEs = std::min<int64_t>(cost::pesWithinArea(peArea, area),
                                     1000000000);
  numPEs = std::min(numPEs, options.peLimit);
  // A hair below the budget so that rounding never lands above it.
  double bufferArea =
      (budget - double(numPEs) * area.macAreaUm2) * (1.0 - 1e-12);
  double perElement = cost::sramAreaPerElementUm2(bytes, area);
  if (numPEs < 1 || !(bufferArea > 0) || !(perElement > 0))
    return hw;
  int64_t l1 = cost::unitsWithinArea(bufferArea * kPresetL1Share,
                                     double(numPEs) * perElement);
  int64_t l2 = cost::bufferElementsWithinArea(
      bufferArea * (1.0 - kPresetL1Share), bytes, area);
  if (l1 < 1 || l2 < 1)
    return hw;
  hw.numPEs = numPEs;
  hw.l1Elements = l1;
  hw.l2Elements = l2;
  return hw;
}

SearchResult digamma::search::runMappingOpt(const cost::Layer &layer,
                                            HardwarePreset preset,
                                            const SearchOptions &options) {
  cost::Hardware hw = presetHardware(preset, options);
  if (hw.numPEs < 1) {
    char buffer[200];
    std::snprintf(buffer, sizeof(buffer),
                  "the area budget of %.6g um^2 does not pay for the %s "
                  "preset's hardware (one PE and one element of L1 and L2)",
                  options.areaBudgetUm2,
                  std::string(presetName(preset)).c_str());
    return detail::failedResult(buffer);
  }
  SearchOptions fixed = options;
  fixed.mode = Mode::FixedHW;
  fixed.fixedHardware = hw;
  fixed.bytesPerElement = hw.bytesPerElement;
  fixed.fixedMapping.reset();
  fixed.fixedArrayShape = false;
  return runDiGamma(layer, fixed);
}
