//===- ModelSearch.cpp - One chip for every layer of a model --------------===//

#include "digamma/Search/ModelSearch.h"

#include "Common.h"
#include "WorkerPool.h"
#include "digamma/Search/Encoding.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numeric>
#include <optional>
#include <tuple>

using namespace digamma;
using namespace digamma::search;

namespace {

/// Share of the per-layer budget spent on the per-layer warm-start searches.
constexpr double kWarmStartShare = 0.4;
/// Per-layer samples of the short fixed-hardware search that screens a new
/// chip, as a share of the per-layer budget (300 of 40,000).
constexpr double kScreenShare = 0.0075;
/// Share of what is left after the first screening that is kept for the
/// final successive halving.
constexpr double kFinalShare = 0.4;
/// Chips kept between generations of the chip evolution, and how many of
/// them may share one array shape (so that buffer variants of one shape do
/// not crowd out other shapes).
constexpr size_t kPoolSize = 16;
constexpr int kChipsPerShape = 2;
/// Children per generation, and how many of the first generation take the
/// shapes the utilization proxy ranks first.
constexpr size_t kBrood = 8;
constexpr int kSweepShapes = 6;
/// Chips that enter the successive halving.
constexpr size_t kFinalists = 4;
/// Probability that a child takes a hardware gene of a second parent.
constexpr double kCrossoverRate = 0.2;
/// Probabilities of the hardware mutations (see mutateChip).
constexpr double kShapeRate = 0.3;
constexpr double kRefactorRate = 0.5;
/// Arrays up to this many PEs have every shape ranked by the proxy.
constexpr int64_t kAllShapesUpTo = 32768;
/// Fewer samples than this are not worth a search (nor its setup).
constexpr int64_t kLeastSearch = 8;
/// Halvings tried when a shaped mapping overflows L2.
constexpr int kShrinkTries = 8;
/// A fixed-hardware search converges within about this many samples;
/// longer searches restart from their best mapping (measured: three
/// restarts of 1,000 beat one run of 3,000 or 6,000 on the best edge chips
/// of mobilenet_v2).
constexpr int64_t kRestartSamples = 1000;

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

bool sameHardware(const Chip &a, const Chip &b) {
  if (a.numPEs != b.numPEs || a.numLevels != b.numLevels ||
      a.l1Capacity != b.l1Capacity || a.l2Capacity != b.l2Capacity)
    return false;
  for (int l = 1; l < a.numLevels; ++l)
    if (a.clusters[l] != b.clusters[l])
      return false;
  return true;
}

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

bool betterChip(const Chip &a, const Chip &b) {
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

  ModelSearchResult run();

private:
  /// Buffer elements the budget leaves beside \p numPEs PEs.
  int64_t bufferElementsLeft(int64_t numPEs) const {
    double left = options.areaBudgetUm2 -
                  cost::digammaAreaUm2(numPEs, 0, 0, bytes, options.model.area);
    return cost::bufferElementsWithinArea(left, bytes, options.model.area);
  }

  /// Clamps the hardware genes to the level range and the area budget:
  /// PEs first, then L1 (at most half of what is left), then L2.
  void repairChip(Chip &chip) const {
    chip.numPEs = std::clamp<int64_t>(chip.numPEs, 1, maxPEs);
    // Leave room for at least one element of each buffer per PE.
    while (chip.numPEs > 1 && bufferElementsLeft(chip.numPEs) < 2 * chip.numPEs)
      chip.numPEs = chip.numPEs * 9 / 10;
    chip.numLevels = std::clamp(chip.numLevels, std::max(options.minLevels, 1),
                                options.maxLevels);
    int64_t budget = chip.numPEs;
    for (int l = chip.numLevels - 1; l >= 1; --l) {
      chip.clusters[l] = std::clamp<int64_t>(chip.clusters[l], 1, budget);
      budget /= chip.clusters[l];
    }
    chip.clusters[0] = 1;
    int64_t left = bufferElementsLeft(chip.numPEs);
    int64_t l1Most = std::max<int64_t>(left / 2 / chip.numPEs, 1);
    chip.l1Capacity = std::clamp<int64_t>(chip.l1Capacity, 1, l1Most);
    chip.l2Capacity = std::clamp<int64_t>(
        chip.l2Capacity, 1,
        std::max<int64_t>(left - chip.l1Capacity * chip.numPEs, 1));
  }

  /// The most PEs that fit beside the chip's buffers, rounded down to a
  /// multiple of its inner cluster sizes so that no PE idles.
  void fillPEs(Chip &chip) const {
    const cost::AreaConstants &area = options.model.area;
    double perElement = cost::sramAreaPerElementUm2(bytes, area);
    double left = options.areaBudgetUm2 - double(chip.l2Capacity) * perElement;
    double perPE = area.macAreaUm2 + double(chip.l1Capacity) * perElement;
    if (!(left > 0) || !(perPE > 0))
      return;
    int64_t most = cost::unitsWithinArea(left, perPE);
    most = std::min(most, maxPEs);
    int64_t inner = 1;
    for (int l = 1; l < chip.numLevels; ++l)
      inner *= chip.clusters[l];
    if (most >= inner)
      most -= most % inner;
    chip.numPEs = std::max<int64_t>(most, 1);
  }

  /// Gives L2 the area the PEs and L1 leave, unless area is part of the
  /// objective: capacity nobody needs costs no cycles.
  void fillL2(Chip &chip) const {
    if (options.objective == Objective::LatencyArea ||
        options.objective == Objective::Area)
      return;
    double perElement = cost::sramAreaPerElementUm2(bytes, options.model.area);
    double left = options.areaBudgetUm2 -
                  cost::digammaAreaUm2(chip.numPEs, chip.l1Capacity, 0, bytes,
                                       options.model.area);
    if (left > perElement)
      chip.l2Capacity = std::max(
          chip.l2Capacity,
          cost::bufferElementsWithinArea(left, bytes, options.model.area));
  }

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
  bool shapeMapping(const Chip &chip, size_t i, cost::Mapping &m) const {
    if (chip.numLevels != 2 || m.numLevels != 2)
      return false;
    const SearchSpace &space = spaces[i];
    int64_t fanOut = std::max<int64_t>(chip.numPEs / chip.clusters[1], 1);
    int64_t cluster = chip.clusters[1];
    auto busy = [](int64_t e, int64_t n) {
      return double(e) / double(n * ((e + n - 1) / n));
    };
    double best = -1;
    int bestOuter = 0, bestInner = 0;
    for (int a = 0; a < space.numParallelChoices; ++a)
      for (int b = 0; b < space.numParallelChoices; ++b) {
        int64_t outer = space.extent[int(space.parallelChoices[a])];
        int64_t inner = space.extent[int(space.parallelChoices[b])];
        double u = a == b ? busy(outer, fanOut * cluster)
                          : busy(outer, fanOut) * busy(inner, cluster);
        if (u > best + 1e-12) {
          best = u;
          bestOuter = a;
          bestInner = b;
        }
      }
    cost::Dim d0 = space.parallelChoices[bestOuter],
              d1 = space.parallelChoices[bestInner];
    cost::MappingLevel &top = m.level(0), &pe = m.level(1);
    top.parallelDim = d0;
    pe.parallelDim = d1;
    pe.tiles.fill(1);
    if (d0 == d1) {
      top.tile(d0) = std::min(cluster, space.extent[int(d0)]);
    } else {
      top.tile(d0) = 1;
      top.tile(d1) = std::min(cluster, space.extent[int(d1)]);
    }
    return true;
  }

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
                           int64_t used, std::vector<double> trace) const;

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
  detail::WorkerPool *pool = nullptr;
};

int64_t ModelSearch::evaluate(Population &population, size_t first,
                              size_t last) {
  work.clear();
  for (size_t c = first; c < last; ++c) {
    LayerGenes *row = population.row(c);
    for (size_t i = 0; i < layers.size(); ++i)
      if (row[i].dirty)
        work.emplace_back(c, i);
  }
  auto body = [&](size_t w, unsigned thread) {
    auto [c, i] = work[w];
    evaluateLayer(population.chips[c], i, population.row(c)[i],
                  evaluators[thread]);
  };
  pool->forEach(work.size(), body);
  for (size_t c = first; c < last; ++c)
    scoreChip(population, c);
  return static_cast<int64_t>(work.size());
}

int64_t ModelSearch::mend(Population &population, size_t first, size_t last) {
  int64_t spent = 0;
  for (int round = 0; round < 3; ++round) {
    bool broken = false;
    for (size_t c = first; c < last; ++c) {
      LayerGenes *row = population.row(c);
      for (size_t i = 0; i < layers.size(); ++i) {
        if (row[i].ind.valid)
          continue;
        broken = true;
        // The innermost level's tiles set the L1 need, the outer ones the
        // L2 need: shrink the level that overflows, halving first.
        cost::Mapping &m = row[i].ind.mapping;
        int firstLevel = 0, lastLevel = m.numLevels;
        if (round < 2 && row[i].reason == cost::InvalidReason::L1OverCapacity)
          firstLevel = m.numLevels - 1;
        else if (round < 2 &&
                 row[i].reason == cost::InvalidReason::L2OverCapacity)
          lastLevel = std::max(m.numLevels - 1, 1);
        for (int l = firstLevel; l < lastLevel; ++l)
          for (int64_t &tile : m.level(l).tiles)
            tile = round == 0 ? (tile + 1) / 2 : 1;
        spaces[i].repair(row[i].ind);
        row[i].dirty = true;
      }
    }
    if (!broken)
      break;
    spent += evaluate(population, first, last);
  }
  return spent;
}

void ModelSearch::scoreChip(Population &population, size_t c) const {
  Chip &chip = population.chips[c];
  const LayerGenes *row = population.row(c);
  bool allValid = true;
  chip.cycles = chip.energyNJ = 0;
  chip.l1Elements = chip.l2Elements = 0;
  for (size_t i = 0; i < layers.size(); ++i) {
    allValid &= row[i].ind.valid;
    chip.cycles += layers[i].weight * row[i].ind.objective;
    chip.energyNJ += layers[i].weight * row[i].ind.tieBreak;
    chip.l1Elements = std::max(chip.l1Elements, row[i].l1Elements);
    chip.l2Elements = std::max(chip.l2Elements, row[i].l2Elements);
  }
  // Charged for its capacities; the final chip is trimmed to what its
  // mappings need.
  chip.areaUm2 = cost::digammaAreaUm2(
      chip.numPEs, chip.l1Capacity, chip.l2Capacity, bytes, options.model.area);
  chip.valid = allValid && chip.areaUm2 <= options.areaBudgetUm2;
  chip.objective = modelObjectiveValue(options.objective, chip.cycles,
                                       chip.energyNJ, chip.areaUm2);
  chip.tieBreak = modelObjectiveValue(options.tieBreak, chip.cycles,
                                      chip.energyNJ, chip.areaUm2);
}

int64_t ModelSearch::screen(Population &batch, size_t first, size_t last,
                            int64_t perLayer) {
  size_t count = layers.size();
  donors.resize(batch.size() * count);
  for (size_t c = first; c < last; ++c)
    for (size_t i = 0; i < count; ++i)
      donors[c * count + i] = batch.row(c)[i].ind.mapping;
  auto body = [&](size_t w, unsigned thread) {
    size_t c = first + w / count, i = w % count;
    const Chip &chip = batch.chips[c];
    LayerGenes &best = batch.row(c)[i];
    fitMapping(chip, i, donors[c * count + i], best);
    evaluateLayer(chip, i, best, evaluators[thread]);
    LayerGenes candidate;
    for (size_t k = 1; k < count; ++k) {
      size_t j = (i + k) % count;
      fitMapping(chip, i, donors[c * count + j], candidate);
      evaluateLayer(chip, i, candidate, evaluators[thread]);
      if (betterLayer(candidate.ind, best.ind))
        best = candidate;
    }
  };
  pool->forEach((last - first) * count, body);
  int64_t spent = int64_t(last - first) * int64_t(count * count);
  {
    auto shapedBody = [&](size_t w, unsigned thread) {
      size_t c = first + w / count, i = w % count;
      const Chip &chip = batch.chips[c];
      LayerGenes &best = batch.row(c)[i];
      LayerGenes candidate = best;
      if (!shapeMapping(chip, i, candidate.ind.mapping))
        return;
      candidate.ind.numPEs = chip.numPEs;
      spaces[i].repair(candidate.ind);
      evaluateLayer(chip, i, candidate, evaluators[thread]);
      ++shapedEvals[w];
      // Too big for L2: halve the largest temporal tile until it fits.
      for (int tries = 0;
           tries < kShrinkTries && !candidate.ind.valid &&
           candidate.reason == cost::InvalidReason::L2OverCapacity;
           ++tries) {
        cost::MappingLevel &top = candidate.ind.mapping.level(0);
        const cost::MappingLevel &pe = candidate.ind.mapping.level(1);
        int widest = -1;
        for (int d = 0; d < cost::kNumDims; ++d)
          if (cost::Dim(d) != top.parallelDim &&
              cost::Dim(d) != pe.parallelDim && top.tiles[d] > 1 &&
              (widest < 0 || top.tiles[d] > top.tiles[widest]))
            widest = d;
        if (widest < 0)
          break;
        top.tiles[widest] = (top.tiles[widest] + 1) / 2;
        spaces[i].repair(candidate.ind);
        evaluateLayer(chip, i, candidate, evaluators[thread]);
        ++shapedEvals[w];
      }
      if (betterLayer(candidate.ind, best.ind))
        best = candidate;
    };
    // Only the evaluations made count: chips shapeMapping() does not
    // handle (not two levels) cost nothing here.
    shapedEvals.assign((last - first) * count, 0);
    pool->forEach((last - first) * count, shapedBody);
    for (int64_t e : shapedEvals)
      spent += e;
  }
  for (size_t c = first; c < last; ++c)
    scoreChip(batch, c);
  spent += mend(batch, first, last);
  std::vector<size_t> chips(last - first);
  std::iota(chips.begin(), chips.end(), first);
  spent += refine(batch, chips, perLayer * int64_t(count));
  return spent;
}

int64_t ModelSearch::refine(Population &population,
                            const std::vector<size_t> &chips, int64_t perChip) {
  size_t count = layers.size();
  if (perChip < int64_t(count) || chips.empty())
    return 0;
  work.clear();
  jobOptions.clear();
  for (size_t c : chips) {
    const Chip &chip = population.chips[c];
    const LayerGenes *row = population.row(c);
    for (size_t i = 0; i < count; ++i) {
      double share = 0.5 / double(count);
      if (chip.valid && chip.cycles > 0)
        share += 0.5 * layers[i].weight * row[i].ind.objective / chip.cycles;
      else
        share *= 2;
      SearchOptions o = options;
      o.mode = Mode::FixedHW;
      o.threads = 1;
      o.samples = int64_t(double(perChip) * share);
      if (o.samples < kLeastSearch)
        continue;
      o.seed = options.seed * 0x9E3779B97F4A7C15ull + ++searches;
      o.fixedHardware.numPEs = chip.numPEs;
      o.fixedHardware.l1Elements = chip.l1Capacity;
      o.fixedHardware.l2Elements = chip.l2Capacity;
      o.fixedHardware.bytesPerElement = bytes;
      o.bytesPerElement = bytes;
      o.initialMapping = row[i].ind.mapping;
      o.fixedArrayShape = true;
      o.minLevels = o.maxLevels = chip.numLevels;
      o.objective = energyLike ? Objective::Energy : Objective::Latency;
      o.tieBreak = energyLike ? Objective::Latency : Objective::Energy;
      work.emplace_back(c, i);
      jobOptions.push_back(o);
    }
  }
  jobResults.resize(work.size());
  auto body = [&](size_t j, unsigned) {
    // Restarts from the best mapping so far beat one long run: a fixed
    // hardware search converges early.
    SearchOptions &o = jobOptions[j];
    int64_t left = o.samples, spentHere = 0;
    int64_t parts =
        std::max<int64_t>((left + kRestartSamples - 1) / kRestartSamples, 1);
    SearchResult &result = jobResults[j];
    for (int64_t p = 0; p < parts; ++p) {
      o.samples = std::max<int64_t>(left / (parts - p), 1);
      left -= o.samples;
      SearchResult part = runDiGamma(layers[work[j].second].layer, o);
      spentHere += part.samplesUsed;
      o.seed += 0x9E3779B9u;
      if (part.found) {
        o.initialMapping = part.mapping;
        result = std::move(part);
      } else if (p == 0) {
        result = std::move(part);
      }
    }
    result.samplesUsed = spentHere;
  };
  pool->forEach(work.size(), body);
  int64_t spent = 0;
  for (size_t j = 0; j < work.size(); ++j) {
    spent += jobResults[j].samplesUsed;
    if (!jobResults[j].found)
      continue;
    auto [c, i] = work[j];
    Chip &chip = population.chips[c];
    LayerGenes &genes = population.row(c)[i];
    LayerGenes candidate = genes;
    candidate.ind.mapping = jobResults[j].mapping;
    evaluateLayer(chip, i, candidate, evaluators[0]);
    if (!candidate.ind.valid)
      continue;
    bool take = !genes.ind.valid;
    if (!take) {
      // Given the chip, layers are independent: judge the change by the
      // model objective.
      double w = layers[i].weight;
      double after = modelObjectiveValue(
          options.objective,
          chip.cycles + w * (candidate.ind.objective - genes.ind.objective),
          chip.energyNJ + w * (candidate.ind.tieBreak - genes.ind.tieBreak),
          chip.areaUm2);
      take = after < chip.objective;
    }
    if (take) {
      genes = candidate;
      scoreChip(population, c);
    }
  }
  return spent;
}

int64_t ModelSearch::halve(Population &population, size_t n,
                           int64_t allowance) {
  int rounds = 1;
  for (size_t k = n; k > 1; k = (k + 1) / 2)
    ++rounds;
  std::vector<size_t> alive(n);
  std::iota(alive.begin(), alive.end(), size_t(0));
  auto rank = [&] {
    std::stable_sort(alive.begin(), alive.end(), [&](size_t a, size_t b) {
      return betterChip(population.chips[a], population.chips[b]);
    });
  };
  int64_t spent = 0;
  for (int r = 0; r < rounds; ++r) {
    int64_t perChip =
        (allowance - spent) / (rounds - r) / int64_t(alive.size());
    spent += refine(population, alive, perChip);
    rank();
    alive.resize(std::max<size_t>((alive.size() + 1) / 2, 1));
  }
  rank();
  if (alive[0] != 0) {
    std::swap(population.chips[0], population.chips[alive[0]]);
    std::swap_ranges(population.row(0), population.row(0) + layers.size(),
                     population.row(alive[0]));
  }
  return spent;
}

void ModelSearch::mutateChip(Chip &chip, const LayerGenes *row) {
  int64_t inner = 1;
  for (int l = 1; l < chip.numLevels; ++l)
    inner *= chip.clusters[l];
  if (options.maxLevels > options.minLevels && rng.chance(0.1)) {
    chip.numLevels += rng.chance(0.5) ? 1 : -1;
    return; // repairChip clamps the level count and the new cluster
  }
  if (chip.numLevels == 2 && rng.chance(kShapeRate) &&
      takeShape(chip, static_cast<int>(rng.uniform(0, 7))))
    return;
  if (chip.numLevels > 1 && rng.chance(kRefactorRate)) {
    refactorArray(chip, row);
    return;
  }
  double kind = rng.unit();
  if (chip.numLevels > 1 && kind < 0.35) {
    // A new array shape: a nearby cluster size or any, then as many PEs as
    // the buffers leave room for.
    int l = static_cast<int>(rng.uniform(1, chip.numLevels - 1));
    int64_t &cluster = chip.clusters[l];
    if (rng.chance(0.5)) {
      int64_t step = std::max<int64_t>(cluster / 4, 1);
      int64_t delta = rng.uniform(1, step);
      cluster += rng.chance(0.5) ? delta : -delta;
    } else {
      cluster = rng.logUniform(std::max<int64_t>(chip.numPEs, 1));
    }
    cluster = std::max<int64_t>(cluster, 1);
    fillPEs(chip);
    return;
  }
  if (kind < 0.6) {
    // A new PE count: a few more or fewer outer units, or all the area the
    // buffers leave.
    if (rng.chance(0.3)) {
      fillPEs(chip);
      if (chip.numPEs > inner && rng.chance(0.5))
        chip.numPEs -= inner; // one outer unit fewer, more buffer room
      return;
    }
    int64_t units = std::max<int64_t>(chip.numPEs / inner, 1);
    int64_t step = std::max<int64_t>(units / 8, 1);
    int64_t delta = rng.uniform(1, step);
    units += rng.chance(0.5) ? delta : -delta;
    chip.numPEs = std::max<int64_t>(units, 1) * inner;
    return;
  }
  // Resize one buffer: down to what the mappings need (the PEs keep their
  // count or take the area freed), or by up to 2x either way.
  bool l1 = rng.chance(0.5);
  int64_t &capacity = l1 ? chip.l1Capacity : chip.l2Capacity;
  if (rng.chance(0.3)) {
    int64_t need = 1;
    for (size_t i = 0; i < layers.size(); ++i)
      need = std::max(need, l1 ? row[i].l1Elements : row[i].l2Elements);
    if (need < capacity) {
      capacity = need;
      if (rng.chance(0.5))
        fillPEs(chip);
      else if (l1)
        fillL2(chip);
      return;
    }
  }
  double factor = std::exp2(2.0 * rng.unit() - 1.0);
  capacity = std::max<int64_t>(
      static_cast<int64_t>(std::llround(double(capacity) * factor)), 1);
  if (factor < 1 && rng.chance(0.5))
    fillPEs(chip);
}

void ModelSearch::refactorArray(Chip &chip, const LayerGenes *row) {
  size_t count = layers.size();
  double sum = 0;
  for (size_t i = 0; i < count; ++i)
    sum += layers[i].weight * row[i].ind.objective;
  size_t pick = static_cast<size_t>(rng.uniform(0, int64_t(count) - 1));
  if (sum > 0) {
    double target = rng.unit() * sum, acc = 0;
    for (size_t i = 0; i < count; ++i) {
      acc += layers[i].weight * row[i].ind.objective;
      if (acc > target) {
        pick = i;
        break;
      }
    }
  }
  const cost::Mapping &m = row[pick].ind.mapping;
  if (m.numLevels < 2)
    return;
  const SearchSpace &space = spaces[pick];
  // PEs the buffers leave room for, before the split.
  Chip all = chip;
  for (int l = 1; l < all.numLevels; ++l)
    all.clusters[l] = 1;
  fillPEs(all);
  int64_t deeper = 1;
  for (int l = 2; l < chip.numLevels; ++l)
    deeper *= chip.clusters[l];
  int64_t most = std::max<int64_t>(all.numPEs / deeper, 1);
  int64_t fraction = rng.chance(0.5) ? 1 : rng.uniform(2, 4);
  int64_t fanOut, cluster;
  if (rng.chance(0.5)) {
    // A factor that splits one of the layer's dimensions evenly.
    cost::Dim d = space.randomParallelDim(rng);
    int64_t extent = space.extent[static_cast<int>(d)];
    int64_t factor =
        std::clamp<int64_t>((extent + fraction - 1) / fraction, 1, most);
    if (rng.chance(0.5)) {
      // Or any divisor of it: the array's sides then divide the layer.
      int64_t divisors = 0;
      for (int64_t v = 1; v <= std::min(extent, most); ++v)
        divisors += extent % v == 0;
      int64_t pick = rng.uniform(1, std::max<int64_t>(divisors, 1));
      for (int64_t v = 1; v <= std::min(extent, most) && pick > 0; ++v)
        if (extent % v == 0 && --pick == 0)
          factor = v;
    }
    if (rng.chance(0.5)) {
      cluster = factor;
      fanOut = std::max<int64_t>(most / cluster, 1);
    } else {
      fanOut = factor;
      cluster = std::max<int64_t>(most / fanOut, 1);
    }
  } else if (rng.chance(0.5)) {
    int d = static_cast<int>(m.level(0).parallelDim);
    int64_t useful = (space.extent[d] + m.level(0).tiles[d] - 1) /
                     std::max<int64_t>(m.level(0).tiles[d], 1);
    fanOut = std::clamp<int64_t>((useful + fraction - 1) / fraction, 1, most);
    cluster = std::max<int64_t>(most / fanOut, 1);
  } else {
    int d = static_cast<int>(m.level(1).parallelDim);
    int64_t useful = std::max<int64_t>(m.level(0).tiles[d], 1);
    cluster = std::clamp<int64_t>((useful + fraction - 1) / fraction, 1, most);
    fanOut = std::max<int64_t>(most / cluster, 1);
  }
  chip.clusters[1] = cluster;
  chip.numPEs = fanOut * cluster * deeper;
}

void ModelSearch::collectSides() {
  sides.clear();
  layerMacs.assign(layers.size(), 0);
  for (size_t i = 0; i < layers.size(); ++i) {
    const SearchSpace &space = spaces[i];
    layerMacs[i] = layers[i].weight;
    for (int d = 0; d < cost::kNumDims; ++d)
      layerMacs[i] *= double(space.extent[d]);
    for (int a = 0; a < space.numParallelChoices; ++a) {
      int64_t extent = space.extent[int(space.parallelChoices[a])];
      for (int64_t v = 1; v * v <= extent; ++v)
        if (extent % v == 0) {
          sides.push_back(v);
          sides.push_back(extent / v);
        }
      for (int64_t k = 2; k <= 4; ++k)
        sides.push_back((extent + k - 1) / k);
    }
  }
  std::sort(sides.begin(), sides.end());
  sides.erase(std::unique(sides.begin(), sides.end()), sides.end());
  while (!sides.empty() && sides.back() > maxPEs)
    sides.pop_back();
}

double ModelSearch::shapeProxy(int64_t fanOut, int64_t cluster) const {
  // Share of n units busy when e iterations are spread over them.
  auto busy = [](int64_t e, int64_t n) {
    return double(e) / double(n * ((e + n - 1) / n));
  };
  double proxy = 0;
  for (size_t i = 0; i < layers.size(); ++i) {
    const SearchSpace &space = spaces[i];
    double best = 0;
    for (int a = 0; a < space.numParallelChoices; ++a) {
      int64_t outer = space.extent[int(space.parallelChoices[a])];
      double outerBusy = busy(outer, fanOut);
      best = std::max(best, busy(outer, fanOut * cluster));
      for (int b = 0; b < space.numParallelChoices; ++b)
        if (b != a)
          best = std::max(
              best,
              outerBusy *
                  busy(space.extent[int(space.parallelChoices[b])], cluster));
    }
    proxy += layerMacs[i] / (double(fanOut * cluster) * best);
  }
  return proxy;
}

void ModelSearch::rankShapes() {
  shapes.clear();
  if (options.maxLevels < 2)
    return;
  int64_t least = std::max<int64_t>(maxPEs / 2, 1);
  auto add = [&](int64_t fanOut, int64_t cluster) {
    shapes.push_back({shapeProxy(fanOut, cluster), fanOut, cluster});
  };
  if (maxPEs <= kAllShapesUpTo) {
    for (int64_t cluster = 1; cluster <= maxPEs; ++cluster)
      for (int64_t fanOut =
               std::max<int64_t>((least + cluster - 1) / cluster, 1);
           fanOut * cluster <= maxPEs; ++fanOut)
        add(fanOut, cluster);
  } else {
    // Too many shapes to rank them all: both sides from `sides` or small.
    std::vector<int64_t> factors = sides;
    for (int64_t v = 1; v <= 64; ++v)
      factors.push_back(v);
    std::sort(factors.begin(), factors.end());
    factors.erase(std::unique(factors.begin(), factors.end()), factors.end());
    for (int64_t cluster : factors)
      for (int64_t fanOut : factors)
        if (fanOut * cluster >= least && fanOut * cluster <= maxPEs)
          add(fanOut, cluster);
  }
  std::stable_sort(
      shapes.begin(), shapes.end(),
      [](const Shape &a, const Shape &b) { return a.proxy < b.proxy; });
}

bool ModelSearch::takeShape(Chip &chip, int rank) const {
  if (chip.numLevels != 2 || shapes.empty())
    return false;
  // The shaped mappings keep unit tiles at the PE level: L1 needs no more
  // than the current mappings do.
  if (chip.valid && chip.l1Elements > 0)
    chip.l1Capacity = std::min(chip.l1Capacity, chip.l1Elements);
  Chip all = chip;
  all.clusters[1] = 1;
  fillPEs(all);
  int64_t most = all.numPEs, least = most * 85 / 100;
  for (const Shape &shape : shapes) {
    int64_t pes = shape.fanOut * shape.cluster;
    if (pes > most || pes < least || rank-- > 0)
      continue;
    chip.clusters[1] = shape.cluster;
    chip.numPEs = pes;
    fillL2(chip);
    return true;
  }
  return false;
}

void ModelSearch::makeChild(Chip &child, const Population &pool,
                            size_t poolCount, size_t parent) {
  child = pool.chips[parent];
  if (poolCount > 1 && rng.chance(kCrossoverRate)) {
    size_t other = static_cast<size_t>(rng.uniform(0, int64_t(poolCount) - 1));
    const Chip &mate = pool.chips[other];
    switch (rng.uniform(0, 3)) {
    case 0:
      child.numPEs = mate.numPEs;
      break;
    case 1:
      child.numLevels = mate.numLevels;
      child.clusters = mate.clusters;
      break;
    case 2:
      child.l1Capacity = mate.l1Capacity;
      break;
    default:
      child.l2Capacity = mate.l2Capacity;
      break;
    }
  }
  mutateChip(child, pool.row(parent));
  repairChip(child);
}

ModelSearchResult ModelSearch::run() {
  size_t count = layers.size();
  int64_t total = options.samples;
  if (__builtin_mul_overflow(options.samples, static_cast<int64_t>(count),
                             &total))
    total = std::numeric_limits<int64_t>::max();
  detail::WorkerPool workerPool(detail::threadCount(options));
  pool = &workerPool;
  evaluators.assign(workerPool.size(), cost::Evaluator(options.model));

  // 1. Warm start: a short DiGamma search per layer under the whole budget.
  // Each winner proposes a chip, and the winners' mappings are the donors
  // every layer of a first chip starts from.
  std::vector<SearchResult> warm(count);
  SearchOptions warmOptions = options;
  warmOptions.threads = 1;
  warmOptions.samples = std::max<int64_t>(
      static_cast<int64_t>(double(options.samples) * kWarmStartShare), 1);
  auto warmBody = [&](size_t i, unsigned) {
    warm[i] = runDiGamma(layers[i].layer, warmOptions);
  };
  workerPool.forEach(count, warmBody);
  int64_t used = 0;
  for (const SearchResult &result : warm)
    used += result.samplesUsed;
  int64_t screenSamples = std::max<int64_t>(
      static_cast<int64_t>(double(options.samples) * kScreenShare), 1);

  collectSides();
  rankShapes();
  // 2. The winners' chips, screened.
  size_t poolSize = kPoolSize;
  size_t brood = kBrood;
  Population batch;
  batch.resize(std::max(count + 1, brood), count);
  size_t n = 0;
  auto setRow = [&](size_t c, bool smallest) {
    LayerGenes *row = batch.row(c);
    for (size_t i = 0; i < count; ++i) {
      if (smallest || !warm[i].found) {
        spaces[i].smallest(row[i].ind);
        for (int l = 0; l < row[i].ind.mapping.numLevels; ++l)
          row[i].ind.mapping.level(l).tiles.fill(1);
      } else {
        row[i].ind.mapping = warm[i].mapping;
      }
    }
  };
  // Proposers in order of their weighted cycles: with a budget too small
  // to screen every winner's chip, the chips of the layers that matter
  // most come first.
  std::vector<size_t> proposers;
  for (size_t i = 0; i < count; ++i)
    if (warm[i].found)
      proposers.push_back(i);
  std::stable_sort(proposers.begin(), proposers.end(), [&](size_t a, size_t b) {
    return layers[a].weight * double(warm[a].cost.cycles) >
           layers[b].weight * double(warm[b].cost.cycles);
  });
  int64_t chipCost =
      int64_t(count) * (int64_t(count) + 1 + kShrinkTries + 3 + screenSamples);
  size_t affordable = static_cast<size_t>(std::max<int64_t>(
      (total - std::min(used, total)) / 2 / std::max<int64_t>(chipCost, 1), 1));
  for (size_t i : proposers) {
    if (n == affordable)
      break;
    Chip &chip = batch.chips[n];
    chip = Chip();
    chip.numPEs = warm[i].hardware.numPEs;
    chip.l1Capacity = warm[i].hardware.l1Elements;
    chip.l2Capacity = warm[i].hardware.l2Elements;
    chip.numLevels = warm[i].mapping.numLevels;
    for (int l = 1; l < chip.numLevels; ++l)
      chip.clusters[l] = warm[i].mapping.level(l).clusterSize;
    repairChip(chip);
    bool seen = false;
    for (size_t k = 0; k < n; ++k)
      seen |= sameHardware(batch.chips[k], chip);
    if (seen)
      continue;
    setRow(n, false);
    ++n;
  }
  used += screen(batch, 0, n, screenSamples);
  bool anyValid = false;
  for (size_t c = 0; c < n; ++c)
    anyValid |= batch.chips[c].valid;
  if (!anyValid) {
    // One PE and all the rest in buffers: fits every layer if any chip
    // does.
    Chip &chip = batch.chips[n];
    chip = Chip();
    chip.numLevels = std::max(options.minLevels, 1);
    chip.l1Capacity = chip.l2Capacity = cost::kUnbounded;
    repairChip(chip);
    setRow(n, true);
    used += screen(batch, n, n + 1, screenSamples);
    ++n;
  }

  Population chipPool, merged;
  chipPool.resize(poolSize, count);
  merged.resize(poolSize + batch.size(), count);
  size_t pooled = 0;
  std::vector<size_t> order;
  auto merge = [&](size_t fresh) {
    for (size_t k = 0; k < pooled; ++k)
      merged.copyFrom(k, chipPool, k);
    for (size_t k = 0; k < fresh; ++k)
      merged.copyFrom(pooled + k, batch, k);
    order.resize(pooled + fresh);
    std::iota(order.begin(), order.end(), size_t(0));
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      return betterChip(merged.chips[a], merged.chips[b]);
    });
    pooled = 0;
    for (size_t k = 0; k < order.size() && pooled < poolSize; ++k) {
      const Chip &chip = merged.chips[order[k]];
      int same = 0;
      for (size_t q = 0; q < pooled; ++q) {
        const Chip &other = chipPool.chips[q];
        bool shape = other.numLevels == chip.numLevels;
        for (int l = 1; shape && l < chip.numLevels; ++l)
          shape = other.clusters[l] == chip.clusters[l];
        same += shape;
      }
      if (same >= kChipsPerShape && k > 0)
        continue;
      chipPool.copyFrom(pooled++, merged, order[k]);
    }
  };
  merge(n);
  std::vector<double> trace;
  trace.push_back(chipPool.chips[0].valid ? chipPool.chips[0].objective : -1.0);

  // 3. Chip evolution: children of the pool's chips by hardware
  // mutations, each screened from its parent's mappings.
  int64_t finalBudget =
      static_cast<int64_t>(double(total - std::min(used, total)) * kFinalShare);
  int64_t evolveEnd = total - finalBudget;
  int64_t childCost = int64_t(count) * (int64_t(count) + screenSamples);
  bool sweep = kSweepShapes > 0;
  while (used + childCost <= evolveEnd) {
    size_t children = static_cast<size_t>(std::min<int64_t>(
        int64_t(brood), (evolveEnd - used) / std::max<int64_t>(childCost, 1)));
    size_t made = 0;
    // A child is worth screening if no pooled or earlier child has its
    // hardware.
    auto isFresh = [&](const Chip &child) {
      for (size_t q = 0; q < pooled; ++q)
        if (sameHardware(chipPool.chips[q], child))
          return false;
      for (size_t q = 0; q < made; ++q)
        if (sameHardware(batch.chips[q], child))
          return false;
      return true;
    };
    if (sweep) {
      // The best chip's buffers with the shapes the proxy ranks first.
      sweep = false;
      for (int rank = 0; rank < kSweepShapes && made < batch.size(); ++rank) {
        Chip &child = batch.chips[made];
        child = chipPool.chips[0];
        if (!takeShape(child, rank))
          break;
        repairChip(child);
        if (!isFresh(child))
          continue;
        std::copy(chipPool.row(0), chipPool.row(0) + count, batch.row(made));
        ++made;
      }
      children = 0;
    }
    for (size_t k = 0; k < children; ++k) {
      // Parents favour the best chips.
      double u = rng.unit();
      size_t parent =
          std::min(pooled - 1, static_cast<size_t>(u * u * double(pooled)));
      Chip &child = batch.chips[made];
      bool fresh = false;
      for (int attempt = 0; attempt < 8 && !fresh; ++attempt) {
        makeChild(child, chipPool, pooled, parent);
        fresh = isFresh(child);
      }
      if (!fresh)
        continue;
      std::copy(chipPool.row(parent), chipPool.row(parent) + count,
                batch.row(made));
      ++made;
    }
    if (made == 0)
      break;
    used += screen(batch, 0, made, screenSamples);
    merge(made);
    trace.push_back(chipPool.chips[0].valid ? chipPool.chips[0].objective
                                            : -1.0);
  }

  // 4. Successive halving over the best chips with what is left.
  size_t finalists = std::min(pooled, kFinalists);
  used += halve(chipPool, finalists, total - std::min(used, total));
  if (chipPool.chips[0].valid)
    trace.push_back(chipPool.chips[0].objective);
  return finish(chipPool, 0, used, std::move(trace));
}

ModelSearchResult ModelSearch::finish(const Population &population, size_t best,
                                      int64_t used,
                                      std::vector<double> trace) const {
  ModelSearchResult result;
  result.samplesUsed = used;
  result.bestPerGeneration = std::move(trace);
  const Chip &chip = population.chips[best];
  if (!chip.valid) {
    // The smallest chip: one PE and unit tiles for every layer.
    int64_t l1 = 0, l2 = 0;
    bool possible = true;
    cost::Evaluator evaluator(options.model);
    for (size_t i = 0; i < layers.size(); ++i) {
      Individual ind;
      spaces[i].smallest(ind);
      const cost::CostReport &report = spaces[i].evaluate(ind, evaluator);
      possible &= ind.valid;
      l1 = std::max(l1, report.l1Elements);
      l2 = std::max(l2, report.l2Elements);
    }
    double smallest =
        possible ? cost::digammaAreaUm2(1, l1, l2, bytes, options.model.area)
                 : std::numeric_limits<double>::infinity();
    char buffer[256];
    std::snprintf(buffer, sizeof(buffer),
                  "no chip fits the area budget of %.6g um^2 for all %zu "
                  "layers in %lld samples; the smallest feasible area is "
                  "%.6g um^2",
                  options.areaBudgetUm2, layers.size(), (long long)used,
                  smallest);
    result.message = buffer;
    return result;
  }
  result.found = true;
  // Buffers trimmed to the largest requirement of the chosen mappings.
  result.hardware = options.fixedHardware;
  result.hardware.numPEs = chip.numPEs;
  result.hardware.l1Elements = chip.l1Elements;
  result.hardware.l2Elements = chip.l2Elements;
  result.hardware.bytesPerElement = bytes;
  // Re-score every mapping on the final chip, buffer capacities included.
  cost::Evaluator evaluator(options.model);
  const LayerGenes *row = population.row(best);
  for (size_t i = 0; i < layers.size(); ++i) {
    result.mappings.push_back(row[i].ind.mapping);
    result.costs.push_back(evaluator.evaluate(layers[i].layer, result.hardware,
                                              row[i].ind.mapping,
                                              options.semantics));
  }
  result.totalCycles = chip.cycles;
  result.totalEnergyNJ = chip.energyNJ;
  result.areaUm2 = cost::digammaAreaUm2(
      chip.numPEs, chip.l1Elements, chip.l2Elements, bytes, options.model.area);
  result.peAreaUm2 =
      cost::digammaAreaUm2(chip.numPEs, 0, 0, bytes, options.model.area);
  result.bufferAreaUm2 = result.areaUm2 - result.peAreaUm2;
  result.objectiveValue =
      modelObjectiveValue(options.objective, result.totalCycles,
                          result.totalEnergyNJ, result.areaUm2);
  return result;
}

std::optional<std::string> checkModel(const std::vector<ModelLayer> &layers,
                                      const SearchOptions &options) {
  if (std::optional<std::string> error = validateOptions(options))
    return error;
  if (options.mode != Mode::CoOpt)
    return std::string("whole-model search co-optimizes hardware and "
                       "mappings: it needs mode co-opt");
  if (layers.empty())
    return std::string("the model has no layer to search");
  for (size_t i = 0; i < layers.size(); ++i) {
    if (std::optional<std::string> error =
            checkLayer(layers[i].layer, options.semantics))
      return "layer " + std::to_string(i) + ": " + *error;
    if (!(layers[i].weight > 0) || !std::isfinite(layers[i].weight))
      return std::string("layer weights must be positive");
  }
  return std::nullopt;
}

} // namespace

double digamma::search::modelObjectiveValue(Objective objective,
                                            double totalCycles,
                                            double totalEnergyNJ,
                                            double areaUm2) {
  switch (objective) {
  case Objective::Latency:
    return totalCycles;
  case Objective::Energy:
    return totalEnergyNJ;
  case Objective::EDP:
    return totalEnergyNJ * totalCycles;
  case Objective::LatencyArea:
    return totalCycles * areaUm2;
  case Objective::Power:
    return totalCycles > 0 ? totalEnergyNJ / totalCycles : 0;
  case Objective::Area:
    break;
  }
  return areaUm2;
}

ModelSearchResult
digamma::search::runModelDiGamma(const std::vector<ModelLayer> &layers,
                                 const SearchOptions &options) {
  if (std::optional<std::string> error = checkModel(layers, options)) {
    ModelSearchResult result;
    result.message = *error;
    return result;
  }
  ModelSearch search(layers, options);
  return search.run();
}

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
