//===- ModelSearch.cpp - One chip for every layer of a model --------------===//
//
// The driver of the whole-model search: the phases of run(), screening and
// refining chips, successive halving, and the result.
//
//===----------------------------------------------------------------------===//

#include "ModelSearchImpl.h"

#include "digamma/Search/Pareto.h"

#include <cmath>
#include <cstdio>
#include <numeric>

using namespace digamma;
using namespace digamma::search;
using namespace digamma::search::detail;

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
/// Fewer samples than this are not worth a search (nor its setup).
constexpr int64_t kLeastSearch = 8;
/// Halvings tried when a shaped mapping overflows L2.
constexpr int kShrinkTries = 8;
/// A fixed-hardware search converges within about this many samples;
/// longer searches restart from their best mapping (measured: three
/// restarts of 1,000 beat one run of 3,000 or 6,000 on the best edge chips
/// of mobilenet_v2).
constexpr int64_t kRestartSamples = 1000;

} // namespace

ModelSearchResult ModelSearch::run() {
  size_t count = layers.size();
  total = options.samples;
  if (__builtin_mul_overflow(options.samples, static_cast<int64_t>(count),
                             &total))
    total = std::numeric_limits<int64_t>::max();
  used = 0;
  detail::WorkerPool workerPool(detail::threadCount(options));
  pool = &workerPool;
  evaluators.assign(workerPool.size(), cost::Evaluator(options.model));

  std::vector<SearchResult> warm = warmStart();
  screenSamples = std::max<int64_t>(
      static_cast<int64_t>(double(options.samples) * kScreenShare), 1);
  collectSides();
  rankShapes();
  batch.resize(std::max(count + 1, kBrood), count);
  size_t proposed = screenProposedChips(warm);
  chipPool.resize(kPoolSize, count);
  merged.resize(kPoolSize + batch.size(), count);
  pooled = 0;
  mergeIntoPool(proposed);
  trace.clear();
  trace.push_back(chipPool.chips[0].valid ? chipPool.chips[0].objective : -1.0);
  evolveChips();

  // 4. Successive halving over the best chips with what is left.
  size_t finalists = std::min(pooled, kFinalists);
  used += halve(chipPool, finalists, total - std::min(used, total));
  if (chipPool.chips[0].valid)
    trace.push_back(chipPool.chips[0].objective);
  return finish(chipPool, 0, used, std::move(trace));
}

std::vector<SearchResult> ModelSearch::warmStart() {
  size_t count = layers.size();
  std::vector<SearchResult> warm(count);
  SearchOptions warmOptions = options;
  warmOptions.threads = 1;
  warmOptions.samples = std::max<int64_t>(
      static_cast<int64_t>(double(options.samples) * kWarmStartShare), 1);
  auto warmBody = [&](size_t i, unsigned) {
    warm[i] = runDiGamma(layers[i].layer, warmOptions);
  };
  pool->forEach(count, warmBody);
  for (const SearchResult &result : warm)
    used += result.samplesUsed;
  return warm;
}

size_t ModelSearch::screenProposedChips(const std::vector<SearchResult> &warm) {
  size_t count = layers.size();
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
  return n;
}

void ModelSearch::mergeIntoPool(size_t fresh) {
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
  for (size_t k = 0; k < order.size() && pooled < kPoolSize; ++k) {
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
}

void ModelSearch::evolveChips() {
  size_t count = layers.size();
  int64_t finalBudget =
      static_cast<int64_t>(double(total - std::min(used, total)) * kFinalShare);
  int64_t evolveEnd = total - finalBudget;
  int64_t childCost = int64_t(count) * (int64_t(count) + screenSamples);
  bool sweep = kSweepShapes > 0;
  while (used + childCost <= evolveEnd) {
    size_t children = static_cast<size_t>(std::min<int64_t>(
        int64_t(kBrood), (evolveEnd - used) / std::max<int64_t>(childCost, 1)));
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
    mergeIntoPool(made);
    trace.push_back(chipPool.chips[0].valid ? chipPool.chips[0].objective
                                            : -1.0);
  }
}

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

int64_t ModelSearch::screen(Population &population, size_t first, size_t last,
                            int64_t perLayer) {
  size_t count = layers.size();
  donors.resize(population.size() * count);
  for (size_t c = first; c < last; ++c)
    for (size_t i = 0; i < count; ++i)
      donors[c * count + i] = population.row(c)[i].ind.mapping;
  auto body = [&](size_t w, unsigned thread) {
    size_t c = first + w / count, i = w % count;
    const Chip &chip = population.chips[c];
    LayerGenes &best = population.row(c)[i];
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
      const Chip &chip = population.chips[c];
      LayerGenes &best = population.row(c)[i];
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
    scoreChip(population, c);
  spent += mend(population, first, last);
  std::vector<size_t> chips(last - first);
  std::iota(chips.begin(), chips.end(), first);
  spent += refine(population, chips, perLayer * int64_t(count));
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

ModelSearchResult ModelSearch::finish(const Population &population, size_t best,
                                      int64_t samplesUsed,
                                      std::vector<double> trace) const {
  ModelSearchResult result;
  result.samplesUsed = samplesUsed;
  result.bestPerGeneration = std::move(trace);
  const Chip &chip = population.chips[best];
  if (!chip.valid) {
    FrontDesign smallestDesign;
    double smallest = smallestChip(layers, options, smallestDesign)
                          ? smallestDesign.areaUm2
                          : std::numeric_limits<double>::infinity();
    char buffer[256];
    std::snprintf(buffer, sizeof(buffer),
                  "no chip fits the area budget of %.6g um^2 for all %zu "
                  "layers in %lld samples; the smallest feasible area is "
                  "%.6g um^2",
                  options.areaBudgetUm2, layers.size(), (long long)samplesUsed,
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

std::vector<FrontDesign> ModelSearch::poolDesigns() const {
  std::vector<FrontDesign> designs;
  for (size_t k = 0; k < pooled; ++k) {
    if (!chipPool.chips[k].valid)
      continue;
    ModelSearchResult chip = finish(chipPool, k, 0, {});
    designs.push_back({chip.hardware, std::move(chip.mappings),
                       std::move(chip.costs), chip.totalCycles,
                       chip.totalEnergyNJ, chip.areaUm2});
  }
  return designs;
}

bool detail::smallestChip(const std::vector<ModelLayer> &layers,
                          const SearchOptions &options, FrontDesign &chip) {
  // Each layer alone, as the model search scores layers: no area budget.
  SearchOptions layerOptions = options;
  layerOptions.mode = Mode::CoOpt;
  layerOptions.objective = Objective::Latency;
  layerOptions.tieBreak = Objective::Energy;
  layerOptions.areaBudgetUm2 = std::numeric_limits<double>::infinity();
  int64_t bytes = elementBytes(options);
  layerOptions.bytesPerElement = bytes;
  cost::Evaluator evaluator(options.model);
  chip = FrontDesign();
  int64_t l1 = 0, l2 = 0;
  for (const ModelLayer &layer : layers) {
    SearchSpace space(layer.layer, layerOptions);
    Individual ind;
    space.smallest(ind);
    const cost::CostReport &report = space.evaluate(ind, evaluator);
    if (!ind.valid)
      return false;
    l1 = std::max(l1, report.l1Elements);
    l2 = std::max(l2, report.l2Elements);
    chip.mappings.push_back(ind.mapping);
  }
  chip.hardware = options.fixedHardware;
  chip.hardware.numPEs = 1;
  chip.hardware.l1Elements = l1;
  chip.hardware.l2Elements = l2;
  chip.hardware.bytesPerElement = bytes;
  cost::Constraints constraints;
  constraints.peLimit = options.peLimit;
  for (size_t i = 0; i < layers.size(); ++i) {
    chip.costs.push_back(evaluator.evaluate(
        layers[i].layer, chip.hardware, chip.mappings[i], options.semantics));
    const cost::CostReport &report = chip.costs.back();
    if (cost::checkConstraints(report, chip.hardware, constraints,
                               options.model) != cost::InvalidReason::None)
      return false;
    chip.cycles += layers[i].weight * double(report.cycles);
    chip.energyNJ += layers[i].weight * report.energyNJ;
  }
  chip.areaUm2 = cost::digammaAreaUm2(1, l1, l2, bytes, options.model.area);
  return true;
}

std::optional<std::string>
digamma::search::checkModel(const std::vector<ModelLayer> &layers,
                            const SearchOptions &options) {
  if (std::optional<std::string> error = validateOptions(options))
    return error;
  if (options.mode != Mode::CoOpt)
    return std::string("whole-model search co-optimizes hardware and "
                       "mappings: it needs mode co-opt");
  if (layers.empty())
    return std::string("the model has no layer to search");
  // One chip serves every layer: its array shape cannot follow a layer.
  const MapSpace &mapSpace = options.mapSpace;
  for (int l = 0; l < mapSpace.numLevels; ++l)
    if (mapSpace.levels[l].parallelSize.kind == SizeRule::Kind::ParentTile)
      return "map space '" + mapSpace.name + "': the rule '" +
             describeRule(mapSpace, MapSpaceRule::ParallelSize, l) +
             "' sizes the array per layer; a chip shared by several layers "
             "needs integer parallel sizes";
  int64_t needed = 1, most = detail::maxPEs(options);
  for (int l = 0; l < mapSpace.numLevels; ++l) {
    const SizeRule &size = mapSpace.levels[l].parallelSize;
    if (size.kind != SizeRule::Kind::Fixed)
      continue;
    needed = size.value > most / needed ? most + 1 : needed * size.value;
    if (needed > most)
      return "map space '" + mapSpace.name + "' admits no chip: the rule '" +
             describeRule(mapSpace, MapSpaceRule::ParallelSize, l) +
             "' needs more PEs than the area budget and pe-limit afford (" +
             std::to_string(most) + ")";
  }
  for (size_t i = 0; i < layers.size(); ++i) {
    if (std::optional<std::string> error =
            checkLayer(layers[i].layer, options.semantics))
      return "layer " + std::to_string(i) + ": " + *error;
    if (!(layers[i].weight > 0) || !std::isfinite(layers[i].weight))
      return std::string("layer weights must be positive");
  }
  return std::nullopt;
}

double digamma::search::modelObjectiveValue(Objective objective,
                                            double totalCycles,
                                            double totalEnergyNJ,
                                            double areaUm2) {
  switch (objective) {
  case Objective::Latency:
  // A front has no single figure: runModelPareto searches single figures.
  case Objective::Pareto:
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
  if (options.objective == Objective::Pareto)
    return runModelPareto(layers, options);
  detail::ModelSearch search(layers, options);
  return search.run();
}
