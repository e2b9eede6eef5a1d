//===- ModelSearch.h - One chip for every layer of a model -----*- C++ -*-===//
//
// Whole-model co-optimization: every layer of a model runs on the same
// silicon, so the PE count, the PE array shape (cluster sizes per level) and
// the L1/L2 buffers are shared, while each layer keeps its own mapping.
// Buffers are sized to the largest requirement over the layers and charged
// to the area once.
//
// The search works on chips: given a chip, the layers are independent, so
// a chip is scored by mapping every layer on it with short fixed-hardware
// DiGamma searches started from known good mappings (the per-layer
// warm-start winners' mappings re-fitted, and a mapping that spreads the
// dimensions the array shape suits best). Chips come from the warm-start
// winners, from a utilization model of the PE array shape, and from
// hardware mutations of the best chips; a final successive halving gives
// the most promising chips longer searches. See the README, "Whole-model
// search".
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_SEARCH_MODELSEARCH_H
#define DIGAMMA_SEARCH_MODELSEARCH_H

#include "digamma/Search/Search.h"

#include <optional>
#include <string>
#include <vector>

namespace digamma::search {

/// One distinct layer of a model and how often its cost counts (for example
/// the number of ops with this problem times a repeat count).
struct ModelLayer {
  cost::Layer layer;
  double weight = 1.0;
};

struct ModelSearchResult {
  bool found = false;
  /// Why nothing was found; empty when found.
  std::string message;
  /// The shared chip: PE count and buffers sized to the largest requirement
  /// over the layers. The array shape is the cluster sizes of any mapping.
  cost::Hardware hardware;
  /// Per layer, in the order given: its mapping on the shared chip and the
  /// cost of that mapping there.
  std::vector<cost::Mapping> mappings;
  std::vector<cost::CostReport> costs;
  /// Weighted sums over the layers.
  double totalCycles = 0;
  double totalEnergyNJ = 0;
  /// Area split: PEs (MACs) and buffers (L1 of every PE plus L2).
  double areaUm2 = 0, peAreaUm2 = 0, bufferAreaUm2 = 0;
  double objectiveValue = 0;
  /// Cost-model evaluations of one layer on one chip, warm start included.
  int64_t samplesUsed = 0;
  /// Best objective after each generation; -1 until a chip is found.
  std::vector<double> bestPerGeneration;
};

/// Objective of a whole model from weighted sums: latency is the total
/// cycles, energy the total energy, EDP their product, latency-area total
/// cycles times area, power total energy per total cycle.
double modelObjectiveValue(Objective objective, double totalCycles,
                           double totalEnergyNJ, double areaUm2);

/// A message for a model no chip search can run on (options, a mode other
/// than CoOpt, no layer, a bad layer (named by its index) or weight), or
/// nullopt. runModelDiGamma and runBestPerLayerChip check it first; front
/// ends that tell bad input from a budget no chip fits check it before.
std::optional<std::string> checkModel(const std::vector<ModelLayer> &layers,
                                      const SearchOptions &options);

/// Searches one shared chip and a mapping per layer. \p options.samples is
/// the budget per layer: the search makes at most samples * layers.size()
/// single-layer evaluations in all, the same as searching each layer on
/// its own (with fewer than about 2 * (layers.size() + 12) samples per
/// layer, screening the first chip may exceed that). Modes other than
/// CoOpt are rejected. Deterministic for a seed, whatever the thread count.
ModelSearchResult runModelDiGamma(const std::vector<ModelLayer> &layers,
                                  const SearchOptions &options);

/// The comparison point of a per-layer flow: the chip is the best one among
/// the per-layer winners \p perLayer (each layer's own DiGamma result with
/// its PE count, array shape and buffers), and every layer is re-mapped on
/// each candidate chip by a fixed-hardware search that keeps the chip's
/// array shape and starts from the winner's mapping. The candidates share
/// the total budget samples * layers.size() evenly.
ModelSearchResult
runBestPerLayerChip(const std::vector<ModelLayer> &layers,
                    const std::vector<SearchResult> &perLayer,
                    const SearchOptions &options);

} // namespace digamma::search

#endif // DIGAMMA_SEARCH_MODELSEARCH_H
