//===- ChipOperators.cpp - Repairing, filling and mutating chips ----------===//
//
// The whole-model search's hardware operators: a chip's genes clamped to
// the budget, PEs or L2 grown into the area left, and the mutations and
// crossover that make child chips.
//
//===----------------------------------------------------------------------===//

#include "ModelSearchImpl.h"

#include <cmath>

using namespace digamma;
using namespace digamma::search;
using namespace digamma::search::detail;

namespace {

/// Probability that a child takes a hardware gene of a second parent.
constexpr double kCrossoverRate = 0.2;
/// Probabilities of the hardware mutations (see mutateChip).
constexpr double kShapeRate = 0.3;
constexpr double kRefactorRate = 0.5;

} // namespace

int64_t ModelSearch::bufferElementsLeft(int64_t numPEs) const {
  double left = options.areaBudgetUm2 -
                cost::digammaAreaUm2(numPEs, 0, 0, bytes, options.model.area);
  return cost::bufferElementsWithinArea(left, bytes, options.model.area);
}

void ModelSearch::repairChip(Chip &chip) const {
  chip.numPEs = std::clamp<int64_t>(chip.numPEs, 1, maxPEs);
  // Leave room for at least one element of each buffer per PE.
  while (chip.numPEs > 1 && bufferElementsLeft(chip.numPEs) < 2 * chip.numPEs)
    chip.numPEs = chip.numPEs * 9 / 10;
  chip.numLevels = std::clamp(chip.numLevels, std::max(options.minLevels, 1),
                              options.maxLevels);
  // A map space fixes the level count and (checkModel: as integers) its
  // ruled cluster sizes and outer fan-out.
  const MapSpace &mapSpace = options.mapSpace;
  if (!mapSpace.empty())
    chip.numLevels = mapSpace.numLevels;
  auto ruledSize = [&](int l) {
    return l < mapSpace.numLevels &&
           mapSpace.levels[l].parallelSize.kind == SizeRule::Kind::Fixed;
  };
  int64_t fixedInner = 1;
  for (int l = 1; l < chip.numLevels; ++l)
    if (ruledSize(l)) {
      chip.clusters[l] = mapSpace.levels[l].parallelSize.value;
      fixedInner *= chip.clusters[l];
    }
  int64_t budget = std::max<int64_t>(chip.numPEs / fixedInner, 1);
  for (int l = chip.numLevels - 1; l >= 1; --l) {
    if (ruledSize(l))
      continue;
    chip.clusters[l] = std::clamp<int64_t>(chip.clusters[l], 1, budget);
    budget /= chip.clusters[l];
  }
  chip.clusters[0] = 1;
  if (ruledSize(0)) {
    int64_t inner = 1;
    for (int l = 1; l < chip.numLevels; ++l)
      inner *= chip.clusters[l];
    chip.numPEs = inner * mapSpace.levels[0].parallelSize.value;
  } else {
    chip.numPEs = std::max(chip.numPEs, fixedInner);
  }
  int64_t left = bufferElementsLeft(chip.numPEs);
  int64_t l1Most = std::max<int64_t>(left / 2 / chip.numPEs, 1);
  chip.l1Capacity = std::clamp<int64_t>(chip.l1Capacity, 1, l1Most);
  chip.l2Capacity = std::clamp<int64_t>(
      chip.l2Capacity, 1,
      std::max<int64_t>(left - chip.l1Capacity * chip.numPEs, 1));
}

void ModelSearch::fillPEs(Chip &chip) const {
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

void ModelSearch::fillL2(Chip &chip) const {
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
