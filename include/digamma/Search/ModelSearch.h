//===- ModelSearch.h - One chip for every layer of a model -----*- C++ -*-===//
//
// Whole-model co-optimization: every layer of a model runs on the same
// silicon, so the PE count, the PE array shape (cluster sizes per level) and
// the L1/L2 buffers are shared, while each layer keeps its own mapping.
// Buffers are sized to the largest requirement over the layers and charged
// to the area once.
//
// The search is DiGamma extended to this space: an individual is a chip (the
// shared hardware genes) plus one mapping genome per layer. It is seeded from
// short per-layer searches, mutates one layer's mapping at a time (preferring
// the layer that dominates the latency, or the one that dominates the
// buffers when the chip is over budget) and re-scores only what changed;
// hardware mutations re-check every layer against the new chip.
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_SEARCH_MODELSEARCH_H
#define DIGAMMA_SEARCH_MODELSEARCH_H

#include "digamma/Search/Search.h"

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

/// Searches one shared chip and a mapping per layer. \p options.samples is
/// the budget per layer: the search makes samples * layers.size()
/// evaluations in all, the same as searching each layer on its own. Modes
/// other than CoOpt are rejected. Deterministic for a seed, whatever the
/// thread count.
ModelSearchResult runModelDiGamma(const std::vector<ModelLayer> &layers,
                                  const SearchOptions &options);

/// The comparison point of a per-layer flow: the chip is the best one among
/// the per-layer winners \p perLayer (each layer's own DiGamma result with
/// its PE count and buffers), and every layer is re-mapped on each
/// candidate chip by a fixed-hardware search. The candidates share the
/// total budget samples * layers.size() evenly.
ModelSearchResult
runBestPerLayerChip(const std::vector<ModelLayer> &layers,
                    const std::vector<SearchResult> &perLayer,
                    const SearchOptions &options);

} // namespace digamma::search

#endif // DIGAMMA_SEARCH_MODELSEARCH_H
