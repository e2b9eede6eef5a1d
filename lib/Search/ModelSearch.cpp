//===- ModelSearch.cpp - One chip for every layer of a model --------------===//

#include "digamma/Search/ModelSearch.h"

#include "WorkerPool.h"
#include "digamma/Search/Encoding.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numeric>
#include <optional>
#include <set>
#include <tuple>

using namespace digamma;
using namespace digamma::search;

namespace {

/// Share of the per-layer budget spent on the per-layer warm-start searches.
constexpr double kWarmStartShare = 0.25;
/// Share of the whole budget kept for polishing the best chip's mappings
/// with per-layer fixed-hardware DiGamma searches.
constexpr double kPolishShare = 0.3;
/// Probability that a child gets new hardware genes; every layer is then
/// re-scored on the new chip.
constexpr double kHardwareMutationRate = 0.25;
/// Probability that a hardware mutation adds or drops a cluster level.
constexpr double kLevelMutationRate = 0.1;

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

bool betterChip(const Chip &a, const Chip &b) {
  if (a.valid != b.valid)
    return a.valid;
  if (!a.valid)
    return a.areaUm2 < b.areaUm2; // closer to any budget first
  if (a.objective != b.objective)
    return a.objective < b.objective;
  return a.tieBreak < b.tieBreak;
}

/// A population of chips, each with a row of per-layer genes.
struct Population {
  std::vector<Chip> chips;
  std::vector<LayerGenes> genes;
  size_t numLayers = 0;

  void resize(size_t size, size_t layers) {
    numLayers = layers;
    chips.resize(size);
    genes.resize(size * layers);
  }
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
    bytes = options.bytesPerElement > 0
                ? options.bytesPerElement
                : std::max<int64_t>(options.fixedHardware.bytesPerElement, 1);
    double byArea = options.areaBudgetUm2 / options.model.area.macAreaUm2;
    maxPEs = static_cast<int64_t>(std::clamp(byArea, 1.0, 1048576.0));
    maxPEs = std::min(maxPEs, options.peLimit);
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
    double perElement =
        8.0 * double(bytes) * options.model.area.sramAreaUm2PerBit;
    if (!(left > 0) || !(perElement > 0))
      return 0;
    return static_cast<int64_t>(std::min(left / perElement, 1e15));
  }

  /// Clamps the hardware genes to the level range and the area budget:
  /// PEs first, then L1 (at most half of what is left), then L2.
  void repairChip(Chip &chip) const {
    chip.numPEs = std::clamp<int64_t>(chip.numPEs, 1, maxPEs);
    // Leave room for at least one element of each buffer per PE.
    while (chip.numPEs > 1 &&
           bufferElementsLeft(chip.numPEs) < 2 * chip.numPEs)
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

  /// Makes layer \p i's genes use \p chip's hardware genes.
  void fitToChip(const Chip &chip, size_t i, LayerGenes &genes) {
    Individual &ind = genes.ind;
    cost::Mapping &m = ind.mapping;
    while (m.numLevels < chip.numLevels) {
      // A new inner level starts with unit tiles, its parent's loop order
      // and a random parallel dimension.
      cost::MappingLevel &level = m.level(m.numLevels);
      level = m.level(m.numLevels - 1);
      level.tiles.fill(1);
      level.parallelDim = spaces[i].randomParallelDim(rng);
      ++m.numLevels;
    }
    m.numLevels = chip.numLevels;
    ind.numPEs = chip.numPEs;
    for (int l = 0; l < m.numLevels; ++l)
      m.level(l).clusterSize = chip.clusters[l];
    spaces[i].repair(ind);
    genes.dirty = true;
  }

  /// Scores every dirty layer of chips [first, last) in parallel, then the
  /// chips. Returns the number of layer evaluations made.
  int64_t evaluate(Population &population, size_t first, size_t last);
  /// Layers whose mapping does not fit their chip (new buffers, fewer PEs)
  /// get smaller tiles at the level that overflows: halved, then unit
  /// tiles there, then unit tiles everywhere.
  /// Spends at most \p allowance evaluations; returns how many it made.
  int64_t mend(Population &population, size_t first, size_t last,
               int64_t allowance);
  void scoreChip(Population &population, size_t c) const;

  void mutateChipHardware(Chip &chip, const LayerGenes *row);
  /// The layer whose mapping a child mutates: one that does not fit the
  /// parent chip if there is one, else one drawn with probability
  /// proportional to its share of the latency.
  size_t pickLayer(const Chip &parent, const LayerGenes *row);
  void mutateLayer(const Chip &chip, size_t i, LayerGenes &genes);

  ModelSearchResult finish(const Population &population, size_t best,
                           int64_t used, std::vector<double> trace) const;

  const std::vector<ModelLayer> &layers;
  const SearchOptions &options;
  std::vector<SearchOptions> layerOptions;
  std::vector<SearchSpace> spaces;
  Random rng;
  int64_t bytes = 1;
  int64_t maxPEs = 1;
  /// A layer's genes before a judged mutation.
  struct Undo {
    size_t chip, layer;
    LayerGenes before;
  };
  /// Reverts each judged layer change that leaves its chip's objective
  /// worse than before the change. Given the chip, layers are scored
  /// independently, so this keeps every improvement a child finds instead
  /// of letting a worse sibling change hide it.
  void acceptChanges(Population &population);
  /// Re-maps every layer of chip \p c by a fixed-hardware DiGamma search
  /// (array shape kept) that starts from its current mapping; keeps what
  /// improves. Returns the evaluations made.
  int64_t polish(Population &population, size_t c, int64_t allowance);
  std::vector<Undo> undo;
  /// (chip, layer) pairs to evaluate, reused across generations.
  std::vector<std::pair<size_t, size_t>> work;
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

void ModelSearch::acceptChanges(Population &population) {
  size_t u = 0;
  while (u < undo.size()) {
    size_t c = undo[u].chip;
    LayerGenes *row = population.row(c);
    // The chip's totals before its judged changes.
    double cycles = 0, energy = 0;
    for (size_t i = 0; i < layers.size(); ++i) {
      const Individual &ind = row[i].ind;
      cycles += layers[i].weight * ind.objective;
      energy += layers[i].weight * ind.tieBreak;
    }
    size_t end = u;
    for (; end < undo.size() && undo[end].chip == c; ++end) {
      const Individual &was = undo[end].before.ind,
                       &now = row[undo[end].layer].ind;
      double w = layers[undo[end].layer].weight;
      cycles += w * (was.objective - now.objective);
      energy += w * (was.tieBreak - now.tieBreak);
    }
    double area = population.chips[c].areaUm2;
    double before = modelObjectiveValue(options.objective, cycles, energy, area);
    bool reverted = false;
    for (size_t k = u; k < end; ++k) {
      LayerGenes &genes = row[undo[k].layer];
      const Individual &was = undo[k].before.ind;
      double w = layers[undo[k].layer].weight;
      double after = modelObjectiveValue(
          options.objective, cycles + w * (genes.ind.objective - was.objective),
          energy + w * (genes.ind.tieBreak - was.tieBreak), area);
      if (!genes.ind.valid || after > before) {
        genes = undo[k].before;
        reverted = true;
      }
    }
    if (reverted)
      scoreChip(population, c);
    u = end;
  }
}

int64_t ModelSearch::mend(Population &population, size_t first, size_t last,
                          int64_t allowance) {
  int64_t spent = 0;
  for (int round = 0; round < 3; ++round) {
    int64_t broken = 0;
    for (size_t c = first; c < last; ++c) {
      const LayerGenes *row = population.row(c);
      for (size_t i = 0; i < layers.size(); ++i)
        broken += !row[i].ind.valid;
    }
    if (broken == 0 || spent + broken > allowance)
      break;
    for (size_t c = first; c < last; ++c) {
      LayerGenes *row = population.row(c);
      for (size_t i = 0; i < layers.size(); ++i) {
        if (row[i].ind.valid)
          continue;
        // The innermost level's tiles set the L1 need, the outer ones the
        // L2 need: shrink the level that overflows, halving first.
        cost::Mapping &m = row[i].ind.mapping;
        int first = 0, last = m.numLevels;
        if (round < 2 && row[i].reason == cost::InvalidReason::L1OverCapacity)
          first = m.numLevels - 1;
        else if (round < 2 &&
                 row[i].reason == cost::InvalidReason::L2OverCapacity)
          last = std::max(m.numLevels - 1, 1);
        for (int l = first; l < last; ++l)
          for (int64_t &tile : m.level(l).tiles)
            tile = round == 0 ? (tile + 1) / 2 : 1;
        spaces[i].repair(row[i].ind);
        row[i].dirty = true;
      }
    }
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
  chip.areaUm2 = cost::digammaAreaUm2(chip.numPEs, chip.l1Capacity,
                                      chip.l2Capacity, bytes,
                                      options.model.area);
  chip.valid = allValid && chip.areaUm2 <= options.areaBudgetUm2;
  chip.objective = modelObjectiveValue(options.objective, chip.cycles,
                                       chip.energyNJ, chip.areaUm2);
  chip.tieBreak = modelObjectiveValue(options.tieBreak, chip.cycles,
                                      chip.energyNJ, chip.areaUm2);
}

void ModelSearch::mutateChipHardware(Chip &chip, const LayerGenes *row) {
  if (options.maxLevels > options.minLevels &&
      rng.chance(kLevelMutationRate)) {
    chip.numLevels += rng.chance(0.5) ? 1 : -1;
    return;
  }
  if (chip.numLevels > 1 && rng.chance(0.3)) {
    int l = static_cast<int>(rng.uniform(1, chip.numLevels - 1));
    chip.clusters[l] = rng.logUniform(std::max<int64_t>(chip.numPEs, 1));
    return;
  }
  if (rng.chance(0.4)) {
    // Resize one buffer by up to 2x either way: trades buffer area for PEs
    // (repairChip keeps the sum within the budget).
    int64_t &capacity = rng.chance(0.5) ? chip.l1Capacity : chip.l2Capacity;
    double factor = std::exp2(2.0 * rng.unit() - 1.0);
    capacity = std::max<int64_t>(
        static_cast<int64_t>(std::llround(double(capacity) * factor)), 1);
    return;
  }
  if (rng.chance(0.5)) {
    // A nearby PE count keeps a good chip good.
    int64_t step = std::max<int64_t>(chip.numPEs / 4, 1);
    chip.numPEs += rng.uniform(-step, step);
    return;
  }
  // The reference's fan-out rule, applied to the layer that dominates the
  // latency: its outer level spreads over numPEs / inner units, so draw the
  // fan-out in the upper half of what that layer can use.
  size_t heaviest = 0;
  double heaviestCycles = -1;
  for (size_t i = 0; i < layers.size(); ++i) {
    double weighted = layers[i].weight * row[i].ind.objective;
    if (weighted > heaviestCycles) {
      heaviestCycles = weighted;
      heaviest = i;
    }
  }
  const cost::MappingLevel &outer = row[heaviest].ind.mapping.level(0);
  int d = static_cast<int>(outer.parallelDim);
  int64_t inner = 1;
  for (int l = 1; l < chip.numLevels; ++l)
    inner *= chip.clusters[l];
  int64_t useful = (spaces[heaviest].extent[d] + outer.tiles[d] - 1) /
                   std::max<int64_t>(outer.tiles[d], 1);
  int64_t most = std::max<int64_t>(std::min(maxPEs / inner, useful), 1);
  chip.numPEs = inner * rng.uniform(std::max<int64_t>(most / 2, 1), most);
}

size_t ModelSearch::pickLayer(const Chip &parent, const LayerGenes *row) {
  size_t count = layers.size();
  if (!parent.valid) {
    // Mend the chip: a layer whose mapping does not fit it.
    size_t start = static_cast<size_t>(rng.uniform(0, int64_t(count) - 1));
    for (size_t k = 0; k < count; ++k)
      if (!row[(start + k) % count].ind.valid)
        return (start + k) % count;
  }
  if (!parent.valid || parent.cycles <= 0 || rng.chance(0.25))
    return static_cast<size_t>(rng.uniform(0, int64_t(count) - 1));
  double target = rng.unit() * parent.cycles, sum = 0;
  for (size_t i = 0; i < count; ++i) {
    sum += layers[i].weight * row[i].ind.objective;
    if (sum > target)
      return i;
  }
  return count - 1;
}

void ModelSearch::mutateLayer(const Chip &chip, size_t i, LayerGenes &genes) {
  const GeneticParameters &ga = options.genetic;
  Individual &ind = genes.ind;
  // At least one change, so the evaluation is not wasted on a copy.
  bool changed = false;
  while (!changed) {
    if (rng.chance(ga.reorderRate)) {
      reorder(ind, rng);
      changed = true;
    }
    for (int k = 0; k < ga.mutateMapLoci; ++k)
      if (rng.chance(ga.mutateMapRate)) {
        mutateMap(ind, spaces[i], rng);
        changed = true;
      }
    if (rng.chance(ga.swapParallelRate)) {
      swapParallel(ind);
      changed = true;
    }
  }
  fitToChip(chip, i, genes);
}

ModelSearchResult ModelSearch::run() {
  const GeneticParameters &ga = options.genetic;
  size_t count = layers.size();
  int64_t total = options.samples;
  if (__builtin_mul_overflow(options.samples, static_cast<int64_t>(count),
                             &total))
    total = std::numeric_limits<int64_t>::max();
  unsigned threads = options.threads > 0
                         ? options.threads
                         : std::max(1u, std::thread::hardware_concurrency());
  detail::WorkerPool workerPool(threads);
  pool = &workerPool;
  evaluators.assign(workerPool.size(), cost::Evaluator(options.model));

  // Warm start: a short DiGamma search per layer under the whole budget.
  // Each winner proposes a chip, and each layer's winner mapping is the
  // starting point of its genes on every chip.
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

  int population = options.population > 0 ? options.population
                                           : kDefaultPopulation;
  size_t size = static_cast<size_t>(std::max(population, 2));
  Population current, next;
  current.resize(size, count);
  next.resize(size, count);
  std::vector<size_t> winners;
  for (size_t i = 0; i < count; ++i)
    if (warm[i].found)
      winners.push_back(i);
  for (size_t c = 0; c < size; ++c) {
    Chip &chip = current.chips[c];
    bool smallest = c + 1 == size || winners.empty();
    if (smallest) {
      // One PE and all the rest in buffers: fits any layer if any chip does.
      chip.numPEs = 1;
      chip.numLevels = std::max(options.minLevels, 1);
      chip.l1Capacity = chip.l2Capacity = cost::kUnbounded;
    } else {
      const SearchResult &from = warm[winners[c % winners.size()]];
      chip.numPEs = from.hardware.numPEs;
      chip.l1Capacity = from.hardware.l1Elements;
      chip.l2Capacity = from.hardware.l2Elements;
      chip.numLevels = from.mapping.numLevels;
      for (int l = 1; l < chip.numLevels; ++l)
        chip.clusters[l] = from.mapping.level(l).clusterSize;
      // Beyond one chip per winner, perturb the proposals.
      if (c >= winners.size())
        mutateChipHardware(chip, current.row(c));
    }
    repairChip(chip);
    LayerGenes *row = current.row(c);
    for (size_t i = 0; i < count; ++i) {
      if (smallest || !warm[i].found) {
        spaces[i].smallest(row[i].ind);
      } else {
        row[i].ind.mapping = warm[i].mapping;
      }
      fitToChip(chip, i, row[i]);
      if (smallest)
        for (int l = 0; l < row[i].ind.mapping.numLevels; ++l)
          row[i].ind.mapping.level(l).tiles.fill(1);
    }
  }
  // The first generation may exceed the budget by up to one population:
  // it is needed to have any chip at all.
  used += evaluate(current, 0, size);
  used += mend(current, 0, size, cost::kUnbounded);

  std::vector<size_t> order(size);
  auto rank = [&](Population &group) {
    std::iota(order.begin(), order.end(), size_t(0));
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      return betterChip(group.chips[a], group.chips[b]);
    });
  };
  std::vector<double> trace;
  rank(current);
  trace.push_back(current.chips[order[0]].valid
                      ? current.chips[order[0]].objective
                      : -1.0);
  size_t elites = std::clamp<size_t>(
      static_cast<size_t>(std::lround(size * ga.eliteRatio)), 1, size);
  size_t maxParents = std::max<size_t>(
      static_cast<size_t>(std::lround(size * ga.parentsRatio)), 1);
  std::vector<size_t> parents;
  parents.reserve(size);

  int64_t polishBudget =
      static_cast<int64_t>(double(total - std::min(used, total)) * kPolishShare);
  int64_t evolveBudget = total - polishBudget;
  while (used < evolveBudget) {
    parents.clear();
    undo.clear();
    for (size_t k = 0; k < size && parents.size() < maxParents; ++k)
      parents.push_back(order[k]);
    for (size_t k = 0; k < elites; ++k)
      next.copyFrom(k, current, order[k]);
    // Children until the budget is spent; each costs its dirty layers.
    size_t filled = elites;
    int64_t planned = 0;
    for (; filled < size; ++filled) {
      size_t dad = parents[rng.uniform(0, int64_t(parents.size()) - 1)];
      next.copyFrom(filled, current, dad);
      Chip &chip = next.chips[filled];
      LayerGenes *row = next.row(filled);
      if (parents.size() > 1 && rng.chance(ga.crossoverRate)) {
        size_t mom = parents[rng.uniform(0, int64_t(parents.size()) - 1)];
        const LayerGenes *other = current.row(mom);
        // Uniform crossover of whole layer mappings; a layer taken from
        // another chip is re-fitted to this one.
        bool sameChip = sameHardware(chip, current.chips[mom]);
        for (size_t i = 0; i < count; ++i)
          if (mom != dad && rng.chance(0.5)) {
            row[i] = other[i];
            if (!sameChip)
              fitToChip(chip, i, row[i]);
          }
      }
      bool newHardware = rng.chance(kHardwareMutationRate);
      if (newHardware) {
        mutateChipHardware(chip, row);
        repairChip(chip);
        for (size_t i = 0; i < count; ++i)
          fitToChip(chip, i, row[i]);
      }
      // On known hardware whose layers all fit, a layer's mapping change
      // is kept only if it does not worsen the model (see acceptChanges).
      bool judged = !newHardware;
      for (size_t i = 0; judged && i < count; ++i)
        judged = !row[i].dirty && row[i].ind.valid;
      size_t firstUndo = undo.size();
      int mutations = 1 + static_cast<int>(rng.uniform(0, 1));
      for (int k = 0; k < mutations; ++k) {
        size_t i = pickLayer(current.chips[dad], row);
        bool saved = false;
        for (size_t u = firstUndo; u < undo.size(); ++u)
          saved |= undo[u].layer == i;
        if (judged && !saved)
          undo.push_back({filled, i, row[i]});
        mutateLayer(chip, i, row[i]);
      }
      int64_t dirty = 0;
      for (size_t i = 0; i < count; ++i)
        dirty += row[i].dirty;
      if (used + planned + dirty > evolveBudget)
        break;
      planned += dirty;
    }
    if (filled == elites)
      break; // not even one child fits the remaining budget
    // Undo entries of a child that did not fit the budget are dropped.
    while (!undo.empty() && undo.back().chip >= filled)
      undo.pop_back();
    used += evaluate(next, elites, filled);
    acceptChanges(next);
    used += mend(next, elites, filled, evolveBudget - used);
    // In a last, partial generation the rest of the ranked population stays.
    for (size_t k = filled; k < size; ++k)
      next.copyFrom(k, current, order[k]);
    std::swap(current, next);
    rank(current);
    trace.push_back(current.chips[order[0]].valid
                        ? current.chips[order[0]].objective
                        : -1.0);
  }
  used += polish(current, order[0], total - used);
  scoreChip(current, order[0]);
  if (current.chips[order[0]].valid)
    trace.push_back(current.chips[order[0]].objective);
  return finish(current, order[0], used, std::move(trace));
}

int64_t ModelSearch::polish(Population &population, size_t c,
                            int64_t allowance) {
  const Chip &chip = population.chips[c];
  LayerGenes *row = population.row(c);
  size_t count = layers.size();
  if (!chip.valid || allowance < int64_t(count))
    return 0;
  // Half of the budget evenly, half by each layer's share of the latency.
  std::vector<int64_t> shares(count);
  for (size_t i = 0; i < count; ++i) {
    double share = 0.5 / double(count);
    if (chip.cycles > 0)
      share += 0.5 * layers[i].weight * row[i].ind.objective / chip.cycles;
    shares[i] = std::max<int64_t>(
        static_cast<int64_t>(double(allowance) * share), 1);
  }
  std::vector<SearchOptions> polishOptions(count, options);
  for (size_t i = 0; i < count; ++i) {
    SearchOptions &o = polishOptions[i];
    o.mode = Mode::FixedHW;
    o.threads = 1;
    o.samples = shares[i];
    o.fixedHardware.numPEs = chip.numPEs;
    o.fixedHardware.l1Elements = chip.l1Capacity;
    o.fixedHardware.l2Elements = chip.l2Capacity;
    o.fixedHardware.bytesPerElement = bytes;
    o.bytesPerElement = bytes;
    o.initialMapping = row[i].ind.mapping;
    o.fixedArrayShape = true;
    o.minLevels = o.maxLevels = chip.numLevels;
    // A layer's share of a model objective: cycles or energy.
    bool energyLike = options.objective == Objective::Energy ||
                      options.objective == Objective::Power;
    o.objective = energyLike ? Objective::Energy : Objective::Latency;
    o.tieBreak = energyLike ? Objective::Latency : Objective::Energy;
  }
  std::vector<SearchResult> polished(count);
  auto body = [&](size_t i, unsigned) {
    polished[i] = runDiGamma(layers[i].layer, polishOptions[i]);
  };
  pool->forEach(count, body);
  int64_t spent = 0;
  for (size_t i = 0; i < count; ++i) {
    spent += polished[i].samplesUsed;
    if (!polished[i].found)
      continue;
    LayerGenes candidate = row[i];
    candidate.ind.mapping = polished[i].mapping;
    evaluateLayer(chip, i, candidate, evaluators[0]);
    double was = row[i].ind.objective, now = candidate.ind.objective;
    if (options.objective == Objective::Energy ||
        options.objective == Objective::Power)
      was = row[i].ind.tieBreak, now = candidate.ind.tieBreak;
    if (candidate.ind.valid && now < was)
      row[i] = candidate;
  }
  return spent;
}

ModelSearchResult ModelSearch::finish(const Population &population,
                                      size_t best, int64_t used,
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
    double smallest = possible ? cost::digammaAreaUm2(1, l1, l2, bytes,
                                                      options.model.area)
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
  result.areaUm2 =
      cost::digammaAreaUm2(chip.numPEs, chip.l1Elements, chip.l2Elements,
                           bytes, options.model.area);
  result.peAreaUm2 = cost::digammaAreaUm2(chip.numPEs, 0, 0, bytes,
                                          options.model.area);
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
  for (const ModelLayer &entry : layers) {
    for (cost::Dim d : cost::kAllDims)
      if (entry.layer.dim(d) < 1)
        return std::string("a layer has a non-positive dimension");
    if (entry.layer.outY() < 1 || entry.layer.outX() < 1)
      return std::string("a layer's filter is larger than its input");
    if (!(entry.weight > 0) || !std::isfinite(entry.weight))
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
  // Distinct candidate chips: the hardware of every per-layer winner.
  std::set<std::tuple<int64_t, int64_t, int64_t>> seen;
  std::vector<cost::Hardware> candidates;
  for (const SearchResult &result : perLayer)
    if (result.found &&
        seen.emplace(result.hardware.numPEs, result.hardware.l1Elements,
                     result.hardware.l2Elements)
            .second)
      candidates.push_back(result.hardware);
  if (candidates.empty()) {
    best.message = "no per-layer search found a design";
    return best;
  }
  size_t count = layers.size();
  SearchOptions fixed = options;
  fixed.mode = Mode::FixedHW;
  fixed.threads = 1;
  fixed.samples =
      std::max<int64_t>(options.samples / int64_t(candidates.size()), 1);
  std::vector<SearchResult> remapped(candidates.size() * count);
  std::vector<SearchOptions> candidateOptions(candidates.size(), fixed);
  for (size_t c = 0; c < candidates.size(); ++c) {
    candidateOptions[c].fixedHardware = candidates[c];
    candidateOptions[c].bytesPerElement = candidates[c].bytesPerElement;
  }
  unsigned threads = options.threads > 0
                         ? options.threads
                         : std::max(1u, std::thread::hardware_concurrency());
  detail::WorkerPool pool(threads);
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
    const cost::Hardware &hw = candidates[c];
    result.hardware = hw;
    result.areaUm2 = cost::digammaAreaUm2(hw.numPEs, hw.l1Elements,
                                          hw.l2Elements, hw.bytesPerElement,
                                          options.model.area);
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
