//===- ModelSearchImpl.h - The whole-model search's state ------*- C++ -*-===//
//
// Private to lib/Search: the chips, the populations and the ModelSearch
// class behind runModelDiGamma (ModelSearch.h). Its members live in three
// files: ModelSearch.cpp (the phases of run(), screening, refining,
// halving), ChipOperators.cpp (repairing, filling and mutating chips) and
// ArrayShapes.cpp (ranking PE array shapes and mappings that suit them).
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_LIB_SEARCH_MODELSEARCHIMPL_H
#define DIGAMMA_LIB_SEARCH_MODELSEARCHIMPL_H

#include "digamma/Search/Encoding.h"
#include "digamma/Search/ModelSearch.h"

#include "Common.h"
#include "WorkerPool.h"

#include <algorithm>
#include <array>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace digamma::search::detail {

/// The shared hardware genes of a chip and its aggregate score.
struct Chip {
  int64_t numPEs = 1;
  int numLevels = 1;
  /// Cluster size of each inner level; clusters[0] is unused (1).
  std::array<int64_t, cost::kMaxLevels> clusters{1, 1, 1, 1};
  /// Buffer capacities in elements (per-PE L1, shared L2). Every layer's
  /// mapping must fit them; the chip's area is charged for them.
  int64_t l1Capacity = 1, l2Capacity = 1;
  bool valid = false;
  double objective = 0, tieBreak = 0;
  double cycles = 0, energyNJ = 0, areaUm2 = 0;
  int64_t l1Elements = 0, l2Elements = 0;
};

/// One layer's genes on a chip and what its last evaluation needed.
struct LayerGenes {
  Individual ind;
  int64_t l1Elements = 0, l2Elements = 0;
  cost::InvalidReason reason = cost::InvalidReason::None;
  bool dirty = true;
};

inline bool sameHardware(const Chip &a, const Chip &b) {
  if (a.numPEs != b.numPEs || a.numLevels != b.numLevels ||
      a.l1Capacity != b.l1Capacity || a.l2Capacity != b.l2Capacity)
    return false;
  for (int l = 1; l < a.numLevels; ++l)
    if (a.clusters[l] != b.clusters[l])
      return false;
  return true;
}

inline bool betterChip(const Chip &a, const Chip &b) {
  if (a.valid != b.valid)
    return a.valid;
  if (!a.valid)
    return a.areaUm2 < b.areaUm2; // closer to any budget first
  if (a.objective != b.objective)
    return a.objective < b.objective;
  return a.tieBreak < b.tieBreak;
}

/// A set of chips, each with a row of per-layer genes.
struct Population {
  std::vector<Chip> chips;
  std::vector<LayerGenes> genes;
  size_t numLayers = 0;

  void resize(size_t size, size_t layers) {
    numLayers = layers;
    chips.resize(size);
    genes.resize(size * layers);
  }
  size_t size() const { return chips.size(); }
  LayerGenes *row(size_t chip) { return genes.data() + chip * numLayers; }
  const LayerGenes *row(size_t chip) const {
    return genes.data() + chip * numLayers;
  }
  void copyFrom(size_t to, const Population &other, size_t from) {
    chips[to] = other.chips[from];
    std::copy(other.row(from), other.row(from) + numLayers, row(to));
  }
};

class ModelSearch {
public:
  ModelSearch(const std::vector<ModelLayer> &layers,
              const SearchOptions &options)
      : layers(layers), options(options), rng(options.seed) {
    bytes = detail::elementBytes(options);
    maxPEs = detail::maxPEs(options);
    energyLike = options.objective == Objective::Energy ||
                 options.objective == Objective::Power;
    // Each layer is scored alone with latency and energy as its figures;
    // the area budget applies to the chip, not to a layer.
    layerOptions.reserve(layers.size());
    for (size_t i = 0; i < layers.size(); ++i) {
      SearchOptions layerOption = options;
      layerOption.mode = Mode::CoOpt;
      layerOption.objective = Objective::Latency;
      layerOption.tieBreak = Objective::Energy;
      layerOption.areaBudgetUm2 = std::numeric_limits<double>::infinity();
      layerOption.bytesPerElement = bytes;
      layerOptions.push_back(layerOption);
    }
    spaces.reserve(layers.size());
    for (size_t i = 0; i < layers.size(); ++i)
      spaces.emplace_back(layers[i].layer, layerOptions[i]);
  }

  /// Warm start, the proposed chips, chip evolution, successive halving.
  ModelSearchResult run();

private:
  // The phases of run().

  /// 1. A short DiGamma search per layer under the whole budget. Each
  /// winner proposes a chip, and the winners' mappings are the donors every
  /// layer of a first chip starts from.
  std::vector<SearchResult> warmStart();
  /// 2. The winners' chips (the layers that matter most first, as many as
  /// half the budget screens), screened into `batch`; the smallest chip if
  /// none of them fits. Returns how many.
  size_t screenProposedChips(const std::vector<SearchResult> &warm);
  /// 3. Children of the pool's chips by hardware mutations, each screened
  /// from its parent's mappings, until the evolution's share is spent.
  void evolveChips();
  /// Merges `batch` [0, fresh) into the pool: the best chips first, at most
  /// kChipsPerShape of one array shape.
  void mergeIntoPool(size_t fresh);
  // 4. is halve() over the pool's best chips.

  // Chip operators (ChipOperators.cpp).

  /// Buffer elements the budget leaves beside \p numPEs PEs.
  int64_t bufferElementsLeft(int64_t numPEs) const;
  /// Clamps the hardware genes to the level range and the area budget:
  /// PEs first, then L1 (at most half of what is left), then L2.
  void repairChip(Chip &chip) const;
  /// The most PEs that fit beside the chip's buffers, rounded down to a
  /// multiple of its inner cluster sizes so that no PE idles.
  void fillPEs(Chip &chip) const;
  /// Gives L2 the area the PEs and L1 leave, unless area is part of the
  /// objective: capacity nobody needs costs no cycles.
  void fillL2(Chip &chip) const;

  // Layers on a chip.

  /// Scores layer \p i's genes on \p chip: its mapping must fit the chip's
  /// buffers; the chip's area is the chip's business.
  void evaluateLayer(const Chip &chip, size_t i, LayerGenes &genes,
                     cost::Evaluator &evaluator) const {
    cost::Hardware hw = options.fixedHardware;
    hw.numPEs = chip.numPEs;
    hw.l1Elements = chip.l1Capacity;
    hw.l2Elements = chip.l2Capacity;
    hw.bytesPerElement = bytes;
    const cost::CostReport &report = evaluator.evaluate(
        layers[i].layer, hw, genes.ind.mapping, options.semantics);
    cost::Constraints constraints;
    constraints.peLimit = options.peLimit;
    Individual &ind = genes.ind;
    genes.reason =
        cost::checkConstraints(report, hw, constraints, options.model);
    ind.valid = genes.reason == cost::InvalidReason::None;
    ind.objective = ind.valid ? static_cast<double>(report.cycles) : 0;
    ind.tieBreak = ind.valid ? report.energyNJ : 0;
    genes.l1Elements = report.valid ? report.l1Elements : 0;
    genes.l2Elements = report.valid ? report.l2Elements : 0;
    genes.dirty = false;
  }

  /// Layer \p i's genes become \p from re-fitted to \p chip's hardware
  /// genes (level count, cluster sizes, PE count; tiles within the layer's
  /// extents). Deterministic, so layers can be fitted in parallel.
  void fitMapping(const Chip &chip, size_t i, const cost::Mapping &from,
                  LayerGenes &genes) const {
    Individual &ind = genes.ind;
    cost::Mapping &m = ind.mapping;
    m = from;
    const SearchSpace &space = spaces[i];
    while (m.numLevels < chip.numLevels) {
      // A new inner level starts with unit tiles and its parent's loop
      // order, spread over a dimension other than its parent's if it can.
      cost::MappingLevel &level = m.level(m.numLevels);
      level = m.level(m.numLevels - 1);
      level.tiles.fill(1);
      level.parallelDim =
          space.parallelChoices[m.numLevels % space.numParallelChoices];
      ++m.numLevels;
    }
    m.numLevels = chip.numLevels;
    ind.numPEs = chip.numPEs;
    for (int l = 0; l < m.numLevels; ++l)
      m.level(l).clusterSize = chip.clusters[l];
    // \p from may be another layer's mapping.
    space.legalizeParallelDims(ind);
    space.repair(ind);
    genes.dirty = true;
  }

  /// Re-points \p m (two levels) at the dimensions that keep \p chip's
  /// array busiest for layer \p i: one spread over the outer units with
  /// unit tiles, one over each cluster; the PE level gets unit tiles.
  bool shapeMapping(const Chip &chip, size_t i, cost::Mapping &m) const;

  /// The figure a layer's mapping is judged by on its own.
  double layerFigure(const Individual &ind) const {
    return energyLike ? ind.tieBreak : ind.objective;
  }
  bool betterLayer(const Individual &a, const Individual &b) const {
    if (a.valid != b.valid)
      return a.valid;
    if (!a.valid)
      return false;
    if (layerFigure(a) != layerFigure(b))
      return layerFigure(a) < layerFigure(b);
    return (energyLike ? a.objective : a.tieBreak) <
           (energyLike ? b.objective : b.tieBreak);
  }

  /// Scores every dirty layer of chips [first, last) in parallel, then the
  /// chips. Returns the number of layer evaluations made.
  int64_t evaluate(Population &population, size_t first, size_t last);
  /// Layers whose mapping does not fit their chip (new buffers, fewer PEs)
  /// get smaller tiles at the level that overflows: halved, then unit
  /// tiles there, then unit tiles everywhere. Returns the evaluations made.
  int64_t mend(Population &population, size_t first, size_t last);
  void scoreChip(Population &population, size_t c) const;

  /// Screens the new chips [first, last) of \p batch, whose rows hold
  /// donor mappings: every layer takes the best of the donors re-fitted to
  /// its chip (its own first), layers that fit nowhere are mended, then
  /// every layer gets a short fixed-hardware search of \p perLayer samples
  /// on average. Returns the evaluations made.
  int64_t screen(Population &batch, size_t first, size_t last,
                 int64_t perLayer);
  /// Re-maps every layer of the chips \p chips of \p population by a
  /// fixed-hardware DiGamma search (array shape kept) that starts from its
  /// current mapping, \p perChip samples per chip split half evenly and
  /// half by latency share; keeps what improves the model. Returns the
  /// evaluations made.
  int64_t refine(Population &population, const std::vector<size_t> &chips,
                 int64_t perChip);
  /// Successive halving over the chips [0, n) of \p population: each
  /// round refines the surviving chips and keeps the better half, the
  /// rounds sharing \p allowance evenly. The best chip ends at index 0.
  int64_t halve(Population &population, size_t n, int64_t allowance);

  // Chip operators (ChipOperators.cpp).

  /// A child chip from the pool: hardware genes of a parent, maybe some
  /// from a second parent, then one hardware mutation.
  void makeChild(Chip &child, const Population &pool, size_t poolCount,
                 size_t parent);
  /// One hardware mutation of \p chip, whose layers' mappings are \p row:
  /// a level added or dropped, a top-ranked array shape (takeShape), an
  /// array split suited to a heavy layer (refactorArray), a nearby or any
  /// cluster size, a few outer units more or fewer or as many as fit, or a
  /// buffer trimmed to what the mappings need or resized by up to 2x, the
  /// area freed going to PEs or L2.
  void mutateChip(Chip &chip, const LayerGenes *row);
  /// Splits the PEs the area allows into outer units times a cluster that
  /// suit one layer (drawn by latency share): the outer fan-out or the
  /// cluster size becomes what the layer's parallel dimension at that level
  /// can use (or a fraction of it), the other factor takes the rest.
  void refactorArray(Chip &chip, const LayerGenes *row);

  ModelSearchResult finish(const Population &population, size_t best,
                           int64_t samplesUsed,
                           std::vector<double> trace) const;

  const std::vector<ModelLayer> &layers;
  const SearchOptions &options;
  std::vector<SearchOptions> layerOptions;
  std::vector<SearchSpace> spaces;
  Random rng;
  int64_t bytes = 1;
  int64_t maxPEs = 1;
  bool energyLike = false;
  /// Sizes worth giving a side of the PE array (the outer fan-out or the
  /// cluster): the divisors of every layer dimension that can be spread
  /// over PEs, and those dimensions split in 2, 3 or 4 (rounded up).
  std::vector<int64_t> sides;
  /// MACs of each layer times its weight.
  std::vector<double> layerMacs;
  // PE array shapes (ArrayShapes.cpp).

  void collectSides();
  /// Utilization proxy of a two-level array: the model's cycles if every
  /// layer were compute-bound at the best spatial utilization the shape
  /// allows (one dimension over the outer units and another over each
  /// cluster, or one over all PEs).
  double shapeProxy(int64_t fanOut, int64_t cluster) const;
  /// A two-level array shape and its proxy.
  struct Shape {
    double proxy;
    int64_t fanOut, cluster;
  };
  /// Shapes with between half and all of the PEs the budget allows, best
  /// proxy first: all of them up to kAllShapesUpTo PEs, else those whose
  /// sides are both in `sides` or at most 64.
  std::vector<Shape> shapes;
  void rankShapes();
  /// Gives \p chip (two levels) the \p rank-th best shape that uses at
  /// least 85% of the PEs its buffers leave room for; L1 trimmed to what
  /// the mappings need first, L2 grown into the area left after. False if
  /// there is none.
  bool takeShape(Chip &chip, int rank) const;
  /// Fixed-hardware searches started so far; numbers their seeds.
  uint64_t searches = 0;
  /// Scratch, reused: (chip, layer) pairs to evaluate or search, donor
  /// mappings, search options and results.
  std::vector<std::pair<size_t, size_t>> work;
  std::vector<cost::Mapping> donors;
  std::vector<int64_t> shapedEvals;
  std::vector<SearchOptions> jobOptions;
  std::vector<SearchResult> jobResults;
  std::vector<cost::Evaluator> evaluators;
  WorkerPool *pool = nullptr;

  // State of run().

  /// The whole budget (samples per layer times layers) and what is spent.
  int64_t total = 0, used = 0;
  /// Samples per layer of the fixed-hardware search that screens a chip.
  int64_t screenSamples = 1;
  /// New chips being screened, the pool of the best chips, and the two
  /// merged (scratch).
  Population batch, chipPool, merged;
  size_t pooled = 0;
  std::vector<size_t> order;
  /// Best objective after each generation of chips.
  std::vector<double> trace;
};

} // namespace digamma::search::detail

#endif // DIGAMMA_LIB_SEARCH_MODELSEARCHIMPL_H
