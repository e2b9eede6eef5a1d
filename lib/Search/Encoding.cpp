//===- Encoding.cpp - DiGamma's genome and genetic operators --------------===//

#include "digamma/Search/Encoding.h"

#include "Common.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

using namespace digamma;
using namespace digamma::search;

double digamma::search::objectiveValue(Objective objective,
                                       const cost::CostReport &report,
                                       double area) {
  double cycles = static_cast<double>(report.cycles);
  switch (objective) {
  case Objective::Latency:
  // A front has no single figure: its searches score latency first
  // (Pareto.h) and read energy and area beside it.
  case Objective::Pareto:
    return cycles;
  case Objective::Energy:
    return report.energyNJ;
  case Objective::EDP:
    return report.energyNJ * cycles;
  case Objective::LatencyArea:
    return cycles * area;
  case Objective::Power:
    return report.power;
  case Objective::Area:
    break;
  }
  return area;
}

bool digamma::search::sameGenes(const Individual &a, const Individual &b) {
  if (a.numPEs != b.numPEs || a.mapping.numLevels != b.mapping.numLevels)
    return false;
  for (int l = 0; l < a.mapping.numLevels; ++l) {
    const cost::MappingLevel &x = a.mapping.level(l), &y = b.mapping.level(l);
    if (x.parallelDim != y.parallelDim || x.order != y.order ||
        x.tiles != y.tiles || (l > 0 && x.clusterSize != y.clusterSize))
      return false;
  }
  return true;
}

SearchSpace::SearchSpace(const cost::Layer &layer, const SearchOptions &options)
    : layer(layer), options(options), minLevels(options.minLevels),
      maxLevels(options.maxLevels) {
  bytes = detail::elementBytes(options);
  // Non-positive strides are rejected before any search (checkSearchInputs);
  // the extents only need to stay defined until then.
  const bool stridesValid = layer.strideY > 0 && layer.strideX > 0;
  for (int d = 0; d < cost::kNumDims; ++d) {
    extent[d] =
        std::max<int64_t>(stridesValid ? layer.mappedExtent(cost::Dim(d))
                                       : layer.dim(cost::Dim(d)),
                          1);
    // Spreading a dimension of extent 1 over PEs is no parallelism; such
    // a dimension may not even exist in the op (GEMM has no R).
    if (extent[d] > 1)
      parallelChoices[numParallelChoices++] = cost::Dim(d);
  }
  if (numParallelChoices == 0)
    parallelChoices[numParallelChoices++] =
        layer.layerClass == cost::LayerClass::DepthwiseConv ? cost::Dim::C
                                                            : cost::Dim::K;
  const MapSpace &mapSpace = options.mapSpace;
  minLevels = mapSpace.empty() ? options.minLevels : mapSpace.numLevels;
  maxLevels = mapSpace.empty() ? options.maxLevels : mapSpace.numLevels;
  for (int l = 0; l < cost::kMaxLevels; ++l) {
    int &count = numLevelParallelChoices[l];
    std::array<cost::Dim, cost::kNumDims> &choices = levelParallelChoices[l];
    uint8_t allowed = l < mapSpace.numLevels ? mapSpace.levels[l].parallelDims
                                             : uint8_t(0);
    if (allowed == 0) {
      choices = parallelChoices;
      count = numParallelChoices;
      continue;
    }
    // The allowed dimensions worth spreading; all allowed ones if none is
    // (the level then spreads a dimension of extent 1, as the chip does).
    bool depthwise = layer.layerClass == cost::LayerClass::DepthwiseConv;
    for (bool anyExtent : {false, true}) {
      for (int d = 0; d < cost::kNumDims; ++d)
        if (mapSpace.levels[l].allowsParallel(cost::Dim(d), depthwise) &&
            (anyExtent || extent[d] > 1))
          choices[count++] = cost::Dim(d);
      if (count > 0)
        break;
    }
  }
  searchMapping = options.mode != Mode::FixedMapping;
  searchPEs = options.mode != Mode::FixedHW;
  if (options.mode == Mode::FixedHW) {
    maxPEs = std::max<int64_t>(options.fixedHardware.numPEs, 1);
  } else {
    // No design with more PEs than the MACs alone fit the budget.
    maxPEs = detail::maxPEs(options);
  }
}

void SearchSpace::randomize(Individual &ind, Random &rng,
                            bool unitTiles) const {
  if (!searchMapping) {
    ind.mapping = *options.fixedMapping;
  } else {
    ind.mapping.numLevels = static_cast<int>(rng.uniform(minLevels, maxLevels));
    for (int l = 0; l < ind.mapping.numLevels; ++l) {
      cost::MappingLevel &level = ind.mapping.level(l);
      level.parallelDim = randomParallelDim(rng, l);
      level.order = cost::kAllDims;
      for (int i = cost::kNumDims - 1; i > 0; --i)
        std::swap(level.order[i], level.order[rng.uniform(0, i)]);
      for (int d = 0; d < cost::kNumDims; ++d)
        level.tiles[d] =
            unitTiles
                ? 1
                : rng.logUniform(l == 0 ? extent[d]
                                        : ind.mapping.level(l - 1).tiles[d]);
    }
  }
  ind.numPEs = searchPEs ? rng.logUniform(maxPEs) : maxPEs;
  ind.mapping.level(0).clusterSize = 1;
  for (int l = 1; l < ind.mapping.numLevels; ++l)
    ind.mapping.level(l).clusterSize = drawCluster(ind, l, rng);
  repair(ind);
}

void SearchSpace::smallest(Individual &ind) const {
  if (!searchMapping) {
    ind.mapping = *options.fixedMapping;
  } else {
    ind.mapping.numLevels = minLevels;
    for (int l = 0; l < ind.mapping.numLevels; ++l)
      ind.mapping.level(l).tiles.fill(1);
  }
  for (int l = 0; l < ind.mapping.numLevels; ++l)
    ind.mapping.level(l).clusterSize = 1;
  ind.numPEs = 1;
  repair(ind);
}

cost::Dim SearchSpace::randomParallelDim(Random &rng) const {
  return parallelChoices[rng.uniform(0, numParallelChoices - 1)];
}

cost::Dim SearchSpace::randomParallelDim(Random &rng, int level) const {
  return levelParallelChoices[level]
                             [rng.uniform(0, numLevelParallelChoices[level] - 1)];
}

/// A uniformly drawn divisor of \p n, without storing the divisors: they
/// pair up as (i, n / i) for i <= sqrt(n).
static int64_t randomDivisor(int64_t n, Random &rng) {
  int64_t count = 0;
  for (int64_t i = 1; i * i <= n; ++i)
    if (n % i == 0)
      count += i * i == n ? 1 : 2;
  int64_t pick = rng.uniform(0, count - 1);
  for (int64_t i = 1; i * i <= n; ++i) {
    if (n % i != 0)
      continue;
    if (pick-- == 0)
      return i;
    if (i * i != n && pick-- == 0)
      return n / i;
  }
  return n;
}

int64_t SearchSpace::drawTile(int64_t bound, Random &rng) const {
  if (options.genetic.divisorTileRate > 0 &&
      rng.chance(options.genetic.divisorTileRate))
    return randomDivisor(bound, rng);
  return options.genetic.logUniformTiles ? rng.logUniform(bound)
                                         : rng.uniform(1, bound);
}

int64_t SearchSpace::drawCluster(const Individual &ind, int l,
                                 Random &rng) const {
  const cost::MappingLevel &level = ind.mapping.level(l);
  int64_t parentTile = ind.mapping.level(l - 1).tile(level.parallelDim);
  return rng.logUniform(std::max<int64_t>(
      std::min(ind.numPEs, std::max<int64_t>(parentTile, 1)), 1));
}

void SearchSpace::legalizeParallelDims(Individual &ind) const {
  cost::Mapping &m = ind.mapping;
  for (int l = 0; l < m.numLevels; ++l) {
    cost::Dim &par = m.level(l).parallelDim;
    if (extent[static_cast<int>(par)] > 1)
      continue;
    if (l < options.mapSpace.numLevels &&
        options.mapSpace.levels[l].parallelDims != 0) {
      par = levelParallelChoices[l][0];
      continue;
    }
    bool depthwiseK = layer.layerClass == cost::LayerClass::DepthwiseConv &&
                      par == cost::Dim::K &&
                      extent[static_cast<int>(cost::Dim::C)] > 1;
    par = depthwiseK ? cost::Dim::C : parallelChoices[0];
  }
}

/// Cluster sizes and outer fan-outs a search considers at most.
static constexpr int64_t kMaxParallelSize = int64_t(1) << 30;

void SearchSpace::repair(Individual &ind) const {
  cost::Mapping &m = ind.mapping;
  const MapSpace &mapSpace = options.mapSpace;
  if (!searchPEs)
    ind.numPEs = maxPEs;
  ind.numPEs = std::clamp<int64_t>(ind.numPEs, 1, maxPEs);
  for (int l = 0; l < m.numLevels; ++l)
    for (int d = 0; d < cost::kNumDims; ++d) {
      int64_t bound = l == 0 ? extent[d] : m.level(l - 1).tiles[d];
      m.level(l).tiles[d] = std::clamp<int64_t>(m.level(l).tiles[d], 1, bound);
    }
  if (searchMapping)
    repairMapping(mapSpace, extent,
                  layer.layerClass == cost::LayerClass::DepthwiseConv, m);
  if (options.fixedArrayShape && options.initialMapping) {
    const cost::Mapping &shape = *options.initialMapping;
    m.numLevels = shape.numLevels;
    for (int l = 1; l < m.numLevels; ++l)
      m.level(l).clusterSize = shape.level(l).clusterSize;
  }
  // The map space's cluster sizes are the chip's; a co-optimized chip gets
  // the PEs they need.
  auto ruledSize = [&](int l) -> const SizeRule * {
    if (l >= mapSpace.numLevels || mapSpace.levels[l].parallelSize.isFree())
      return nullptr;
    return &mapSpace.levels[l].parallelSize;
  };
  int64_t fixedInner = 1;
  for (int l = 1; l < m.numLevels; ++l)
    if (const SizeRule *rule = ruledSize(l)) {
      int64_t &cluster = m.level(l).clusterSize;
      cluster = std::min(resolveSizeRule(*rule, l, extent, m), kMaxParallelSize);
      fixedInner = std::min(fixedInner * cluster, kMaxParallelSize);
    }
  if (searchPEs)
    ind.numPEs = std::max(ind.numPEs, fixedInner);
  // Inner clusters take their share of the PEs first; the outer level's
  // fan-out is what remains.
  int64_t budget = std::max<int64_t>(ind.numPEs / fixedInner, 1);
  for (int l = m.numLevels - 1; l >= 1; --l) {
    if (ruledSize(l))
      continue;
    int64_t &cluster = m.level(l).clusterSize;
    cluster = std::clamp<int64_t>(cluster, 1, budget);
    budget /= cluster;
  }
  m.level(0).clusterSize = 1;
  if (const SizeRule *rule = ruledSize(0); rule && searchPEs) {
    int64_t inner = 1;
    for (int l = 1; l < m.numLevels; ++l)
      inner = std::min(inner * m.level(l).clusterSize, kMaxParallelSize);
    ind.numPEs = std::min(
        inner * std::min(resolveSizeRule(*rule, 0, extent, m), kMaxParallelSize),
        kMaxParallelSize);
  }
}

const cost::CostReport &SearchSpace::evaluate(Individual &ind,
                                              cost::Evaluator &evaluator,
                                              bool everyFigure) const {
  cost::Hardware hw = options.fixedHardware;
  hw.numPEs = ind.numPEs;
  hw.bytesPerElement = bytes;
  cost::Constraints constraints;
  if (options.mode != Mode::FixedHW) {
    hw.l1Elements = hw.l2Elements = cost::kUnbounded;
    constraints.areaBudgetUm2 = options.areaBudgetUm2;
    constraints.peLimit = options.peLimit;
  }
  // A design the constraints rule out is invalid whatever its runtime.
  const cost::CostReport &report =
      everyFigure
          ? evaluator.evaluate(layer, hw, ind.mapping, options.semantics)
          : evaluator.evaluateWithin(layer, hw, ind.mapping, options.semantics,
                                     constraints);
  ind.valid = false;
  if (!report.valid)
    return report;
  if (options.mode == Mode::FixedHW) {
    ind.areaUm2 = cost::digammaAreaUm2(hw.numPEs, hw.l1Elements, hw.l2Elements,
                                       bytes, options.model.area);
  } else {
    // Buffers sized to the mapping, in bytes: each tensor's elements at its
    // own size, so PEs and buffers share the budget as built.
    ind.areaUm2 = cost::digammaAreaBytesUm2(hw.numPEs, report.l1Bytes,
                                            report.l2Bytes, options.model.area);
  }
  if (cost::checkConstraints(report, hw, constraints, options.model) !=
      cost::InvalidReason::None)
    return report;
  // A map space's parallel sizes may ask for more PEs than the budget
  // affords (repair() keeps them).
  if (ind.numPEs > maxPEs)
    return report;
  ind.valid = true;
  ind.objective = objectiveValue(options.objective, report, ind.areaUm2);
  ind.tieBreak = objectiveValue(options.tieBreak, report, ind.areaUm2);
  return report;
}

bool SearchSpace::better(const Individual &a, const Individual &b) {
  if (a.valid != b.valid)
    return a.valid;
  if (!a.valid)
    return false;
  if (a.objective != b.objective)
    return a.objective < b.objective;
  return a.tieBreak < b.tieBreak;
}

double SearchSpace::smallestFeasibleAreaUm2() const {
  Individual ind;
  smallest(ind);
  // What evaluate() charges, without the area budget.
  cost::Hardware hw = options.fixedHardware;
  hw.numPEs = ind.numPEs;
  hw.bytesPerElement = bytes;
  hw.l1Elements = hw.l2Elements = cost::kUnbounded;
  cost::Evaluator evaluator(options.model);
  const cost::CostReport &report =
      evaluator.evaluate(layer, hw, ind.mapping, options.semantics);
  cost::Constraints constraints;
  constraints.peLimit = options.peLimit;
  if (cost::checkConstraints(report, hw, constraints, options.model) !=
      cost::InvalidReason::None)
    return std::numeric_limits<double>::infinity();
  return cost::digammaAreaBytesUm2(hw.numPEs, report.l1Bytes, report.l2Bytes,
                                   options.model.area);
}

double digamma::search::smallestFeasibleAreaUm2(const cost::Layer &layer,
                                                const SearchOptions &options) {
  // The smallest design of a co-optimization (or of the given mapping).
  SearchOptions coOpt = options;
  if (coOpt.mode == Mode::FixedHW)
    coOpt.mode = Mode::CoOpt;
  if (coOpt.mode == Mode::FixedMapping && !coOpt.fixedMapping)
    return std::numeric_limits<double>::infinity();
  coOpt.minLevels = std::max(coOpt.minLevels, 1);
  return SearchSpace(layer, coOpt).smallestFeasibleAreaUm2();
}

SearchResult SearchSpace::finish(const Individual &best, int64_t samplesUsed,
                                 std::vector<double> trace) const {
  SearchResult result;
  result.samplesUsed = samplesUsed;
  result.bestPerGeneration = std::move(trace);
  if (!best.valid) {
    char buffer[256];
    if (options.mode == Mode::FixedHW)
      std::snprintf(buffer, sizeof(buffer),
                    "no mapping of this layer fits the fixed hardware "
                    "(%lld PEs, %lld L1 and %lld L2 elements) in %lld "
                    "samples",
                    (long long)options.fixedHardware.numPEs,
                    (long long)options.fixedHardware.l1Elements,
                    (long long)options.fixedHardware.l2Elements,
                    (long long)samplesUsed);
    else
      std::snprintf(buffer, sizeof(buffer),
                    "no design fits the area budget of %.6g um^2 in %lld "
                    "samples; the smallest feasible area is %.6g um^2",
                    options.areaBudgetUm2, (long long)samplesUsed,
                    smallestFeasibleAreaUm2());
    result.message = buffer;
    if (!options.mapSpace.empty())
      result.message += " (within map space '" + options.mapSpace.name + "')";
    return result;
  }
  Individual copy = best;
  cost::Evaluator evaluator(options.model);
  result.cost = evaluate(copy, evaluator);
  result.found = true;
  result.mapping = best.mapping;
  result.hardware = options.fixedHardware;
  result.hardware.numPEs = best.numPEs;
  result.hardware.bytesPerElement = bytes;
  if (options.mode != Mode::FixedHW) {
    result.hardware.l1Elements = result.cost.l1Elements;
    result.hardware.l2Elements = result.cost.l2Elements;
  }
  result.areaUm2 = best.areaUm2;
  result.objectiveValue = best.objective;
  return result;
}

//===----------------------------------------------------------------------===//
// Genetic operators
//===----------------------------------------------------------------------===//

void digamma::search::crossover(Individual &a, Individual &b, Random &rng) {
  int d = static_cast<int>(rng.uniform(0, cost::kNumDims - 1));
  int levels = std::min(a.mapping.numLevels, b.mapping.numLevels);
  for (int l = 0; l < levels; ++l)
    std::swap(a.mapping.level(l).tiles[d], b.mapping.level(l).tiles[d]);
}

void digamma::search::reorder(Individual &ind, Random &rng) {
  cost::MappingLevel &level =
      ind.mapping.level(rng.uniform(0, ind.mapping.numLevels - 1));
  std::swap(level.order[rng.uniform(0, cost::kNumDims - 1)],
            level.order[rng.uniform(0, cost::kNumDims - 1)]);
}

void digamma::search::mutateMap(Individual &ind, const SearchSpace &space,
                                Random &rng) {
  // Seven loci per level, as in the genome: the parallel-dimension gene and
  // six tiles.
  int locus = static_cast<int>(rng.uniform(0, 7 * ind.mapping.numLevels - 1));
  int l = locus / 7, d = locus % 7 - 1;
  cost::MappingLevel &level = ind.mapping.level(l);
  if (d < 0) {
    level.parallelDim = space.randomParallelDim(rng, l);
    if (l > 0)
      level.clusterSize = space.drawCluster(ind, l, rng);
    return;
  }
  int64_t bound = l == 0 ? space.extent[d] : ind.mapping.level(l - 1).tiles[d];
  level.tiles[d] = space.drawTile(bound, rng);
}

void digamma::search::mutateHardware(Individual &ind, const SearchSpace &space,
                                     Random &rng) {
  cost::Mapping &m = ind.mapping;
  if (m.numLevels > 1 && (!space.searchPEs || rng.chance(0.5))) {
    int l = static_cast<int>(rng.uniform(1, m.numLevels - 1));
    m.level(l).clusterSize = space.drawCluster(ind, l, rng);
    return;
  }
  if (!space.searchPEs)
    return;
  if (!rng.chance(space.options.genetic.fanOutRate)) {
    if (rng.chance(0.5)) {
      ind.numPEs = rng.logUniform(space.maxPEs);
      return;
    }
    // A nearby PE count keeps a good design good.
    int64_t step = std::max<int64_t>(ind.numPEs / 4, 1);
    ind.numPEs += rng.uniform(-step, step);
    return;
  }
  // The outer level spreads its parallel dimension over numPEs / inner
  // units; more units than outer tiles would idle, so the fan-out is drawn
  // in the upper half of [1, useful fan-out], as the reference does.
  int64_t inner = 1;
  for (int l = 1; l < m.numLevels; ++l)
    inner *= m.level(l).clusterSize;
  const cost::MappingLevel &outer = m.level(0);
  int d = static_cast<int>(outer.parallelDim);
  int64_t useful = (space.extent[d] + outer.tiles[d] - 1) / outer.tiles[d];
  int64_t most = std::max<int64_t>(std::min(space.maxPEs / inner, useful), 1);
  int64_t fanOut = rng.uniform(std::max<int64_t>(most / 2, 1), most);
  ind.numPEs = inner * fanOut;
}

void digamma::search::fitHardwareToMapping(Individual &ind,
                                           const SearchSpace &space) {
  cost::Mapping &m = ind.mapping;
  int64_t inner = 1;
  for (int l = m.numLevels - 1; l >= 1; --l) {
    cost::MappingLevel &level = m.level(l);
    int d = static_cast<int>(level.parallelDim);
    int64_t parent = m.level(l - 1).tiles[d];
    level.clusterSize =
        std::max<int64_t>((parent + level.tiles[d] - 1) / level.tiles[d], 1);
    inner = std::min(inner * level.clusterSize, space.maxPEs);
  }
  if (!space.searchPEs)
    return;
  const cost::MappingLevel &outer = m.level(0);
  int d = static_cast<int>(outer.parallelDim);
  int64_t tiles = (space.extent[d] + outer.tiles[d] - 1) / outer.tiles[d];
  int64_t fanOut = std::clamp<int64_t>(tiles, 1, space.maxPEs / inner);
  ind.numPEs = std::max<int64_t>(inner * fanOut, 1);
}

void digamma::search::fitMappingToHardware(Individual &ind,
                                           const SearchSpace &space) {
  cost::Mapping &m = ind.mapping;
  int64_t inner = 1;
  for (int l = 1; l < m.numLevels; ++l)
    inner *= std::max<int64_t>(m.level(l).clusterSize, 1);
  for (int l = m.numLevels - 1; l >= 1; --l) {
    const cost::MappingLevel &level = m.level(l);
    int d = static_cast<int>(level.parallelDim);
    int64_t bound = l == 1 ? space.extent[d] : m.level(l - 2).tiles[d];
    int64_t &tile = m.level(l - 1).tiles[d];
    tile = std::min(std::max(tile, level.clusterSize * level.tiles[d]), bound);
  }
  cost::MappingLevel &outer = m.level(0);
  int d = static_cast<int>(outer.parallelDim);
  int64_t fanOut =
      std::max<int64_t>(ind.numPEs / std::max<int64_t>(inner, 1), 1);
  outer.tiles[d] = std::clamp<int64_t>((space.extent[d] + fanOut - 1) / fanOut,
                                       1, space.extent[d]);
}

void digamma::search::fitParallelism(Individual &ind, const SearchSpace &space,
                                     Random &rng) {
  if (!space.searchMapping || rng.chance(0.5))
    fitHardwareToMapping(ind, space);
  else
    fitMappingToHardware(ind, space);
}

void digamma::search::swapParallel(Individual &ind) {
  if (ind.mapping.numLevels > 1)
    std::swap(ind.mapping.level(0).parallelDim,
              ind.mapping.level(1).parallelDim);
}

void digamma::search::grow(Individual &ind, const SearchSpace &space,
                           Random &rng) {
  cost::Mapping &m = ind.mapping;
  if (m.numLevels >= space.maxLevels || m.numLevels >= cost::kMaxLevels)
    return;
  int l = m.numLevels++;
  cost::MappingLevel &level = m.level(l);
  level.parallelDim = space.randomParallelDim(rng, l);
  level.order = cost::kAllDims;
  for (int i = cost::kNumDims - 1; i > 0; --i)
    std::swap(level.order[i], level.order[rng.uniform(0, i)]);
  level.tiles.fill(1);
  level.clusterSize = space.drawCluster(ind, m.numLevels - 1, rng);
}

void digamma::search::age(Individual &ind, const SearchSpace &space) {
  if (ind.mapping.numLevels > std::max(space.minLevels, 1))
    --ind.mapping.numLevels;
}
