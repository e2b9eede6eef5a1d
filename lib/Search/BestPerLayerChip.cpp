//===- BestPerLayerChip.cpp - The per-layer flow's best chip --------------===//
//
// The comparison point of whole-model search: the best of the per-layer
// winners' chips, every layer re-mapped on each by fixed-hardware search.
//
//===----------------------------------------------------------------------===//

#include "ModelSearchImpl.h"

using namespace digamma;
using namespace digamma::search;

namespace {

/// Same PE count, buffers and array shape.
bool sameChip(const SearchResult &a, const SearchResult &b) {
  if (a.hardware.numPEs != b.hardware.numPEs ||
      a.hardware.l1Elements != b.hardware.l1Elements ||
      a.hardware.l2Elements != b.hardware.l2Elements ||
      a.mapping.numLevels != b.mapping.numLevels)
    return false;
  for (int l = 1; l < a.mapping.numLevels; ++l)
    if (a.mapping.level(l).clusterSize != b.mapping.level(l).clusterSize)
      return false;
  return true;
}

} // namespace

ModelSearchResult
digamma::search::runBestPerLayerChip(const std::vector<ModelLayer> &layers,
                                     const std::vector<SearchResult> &perLayer,
                                     const SearchOptions &options) {
  ModelSearchResult best;
  if (std::optional<std::string> error = checkModel(layers, options)) {
    best.message = *error;
    return best;
  }
  if (perLayer.size() != layers.size()) {
    best.message = "one per-layer result is needed for every layer";
    return best;
  }
  // Distinct candidate chips: the hardware of every per-layer winner, its
  // array shape (level count and cluster sizes) included. The chip comes
  // with the mapping it was found with: every layer's fixed-hardware search
  // keeps that shape and starts from that mapping.
  std::vector<const SearchResult *> candidates;
  for (const SearchResult &result : perLayer) {
    if (!result.found)
      continue;
    bool seen = false;
    for (const SearchResult *other : candidates)
      seen |= sameChip(*other, result);
    if (!seen)
      candidates.push_back(&result);
  }
  if (candidates.empty()) {
    best.message = "no per-layer search found a design";
    return best;
  }
  size_t count = layers.size();
  SearchOptions fixed = options;
  fixed.mode = Mode::FixedHW;
  fixed.threads = 1;
  fixed.fixedArrayShape = true;
  fixed.samples =
      std::max<int64_t>(options.samples / int64_t(candidates.size()), 1);
  std::vector<SearchResult> remapped(candidates.size() * count);
  std::vector<SearchOptions> candidateOptions(candidates.size(), fixed);
  for (size_t c = 0; c < candidates.size(); ++c) {
    SearchOptions &o = candidateOptions[c];
    o.fixedHardware = candidates[c]->hardware;
    o.bytesPerElement = candidates[c]->hardware.bytesPerElement;
    o.initialMapping = candidates[c]->mapping;
    o.minLevels = o.maxLevels = candidates[c]->mapping.numLevels;
  }
  detail::WorkerPool pool(detail::threadCount(options));
  auto body = [&](size_t w, unsigned) {
    size_t c = w / count, i = w % count;
    remapped[w] = runDiGamma(layers[i].layer, candidateOptions[c]);
  };
  pool.forEach(remapped.size(), body);

  int64_t used = 0;
  for (const SearchResult &result : remapped)
    used += result.samplesUsed;
  for (size_t c = 0; c < candidates.size(); ++c) {
    ModelSearchResult result;
    result.found = true;
    for (size_t i = 0; i < count; ++i) {
      const SearchResult &one = remapped[c * count + i];
      if (!one.found) {
        result.found = false;
        break;
      }
      result.mappings.push_back(one.mapping);
      result.costs.push_back(one.cost);
      result.totalCycles += layers[i].weight * double(one.cost.cycles);
      result.totalEnergyNJ += layers[i].weight * one.cost.energyNJ;
    }
    if (!result.found)
      continue;
    const cost::Hardware &hw = candidates[c]->hardware;
    result.hardware = hw;
    result.areaUm2 =
        cost::digammaAreaUm2(hw.numPEs, hw.l1Elements, hw.l2Elements,
                             hw.bytesPerElement, options.model.area);
    result.peAreaUm2 = double(hw.numPEs) * options.model.area.macAreaUm2;
    result.bufferAreaUm2 = result.areaUm2 - result.peAreaUm2;
    result.objectiveValue =
        modelObjectiveValue(options.objective, result.totalCycles,
                            result.totalEnergyNJ, result.areaUm2);
    if (!best.found || result.objectiveValue < best.objectiveValue)
      best = std::move(result);
  }
  if (!best.found) {
    best.message = "no per-layer winner's chip runs every layer";
    return best;
  }
  best.samplesUsed = used;
  return best;
}
