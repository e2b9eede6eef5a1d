//===- Encoding.cpp - DiGamma's genome and genetic operators --------------===//

#include "digamma/Search/Encoding.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace digamma;
using namespace digamma::search;

double digamma::search::objectiveValue(Objective objective,
                                       const cost::CostReport &report,
                                       double area) {
  double cycles = static_cast<double>(report.cycles);
  switch (objective) {
  case Objective::Latency:
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

SearchSpace::SearchSpace(const cost::Layer &layer, const SearchOptions &options)
    : layer(layer), options(options) {
  bytes = options.bytesPerElement > 0
              ? options.bytesPerElement
              : std::max<int64_t>(options.fixedHardware.bytesPerElement, 1);
  for (int d = 0; d < cost::kNumDims; ++d) {
    extent[d] = std::max<int64_t>(layer.mappedExtent(cost::Dim(d)), 1);
    // Spreading a dimension of extent 1 over PEs is no parallelism; such
    // a dimension may not even exist in the op (GEMM has no R).
    if (extent[d] > 1)
      parallelChoices[numParallelChoices++] = cost::Dim(d);
  }
  if (numParallelChoices == 0)
    parallelChoices[numParallelChoices++] =
        layer.layerClass == cost::LayerClass::DepthwiseConv ? cost::Dim::C
                                                            : cost::Dim::K;
  if (options.mode == Mode::FixedHW) {
    maxPEs = std::max<int64_t>(options.fixedHardware.numPEs, 1);
  } else {
    // No design with more PEs than the MACs alone fit the budget.
    double byArea = options.areaBudgetUm2 / options.model.area.macAreaUm2;
    maxPEs = static_cast<int64_t>(std::clamp(byArea, 1.0, 1048576.0));
    maxPEs = std::min(maxPEs, options.peLimit);
  }
}

void SearchSpace::randomize(Individual &ind, Random &rng) const {
  if (options.mode == Mode::FixedMapping) {
    ind.mapping = *options.fixedMapping;
  } else {
    ind.mapping.numLevels =
        static_cast<int>(rng.uniform(options.minLevels, options.maxLevels));
    for (int l = 0; l < ind.mapping.numLevels; ++l) {
      cost::MappingLevel &level = ind.mapping.level(l);
      level.parallelDim = randomParallelDim(rng);
      level.order = cost::kAllDims;
      for (int i = cost::kNumDims - 1; i > 0; --i)
        std::swap(level.order[i], level.order[rng.uniform(0, i)]);
      for (int d = 0; d < cost::kNumDims; ++d)
        level.tiles[d] = rng.logUniform(
            l == 0 ? extent[d] : ind.mapping.level(l - 1).tiles[d]);
    }
  }
  ind.numPEs = options.mode == Mode::FixedHW ? maxPEs : rng.logUniform(maxPEs);
  for (int l = 1; l < ind.mapping.numLevels; ++l)
    ind.mapping.level(l).clusterSize = rng.logUniform(ind.numPEs);
  repair(ind);
}

cost::Dim SearchSpace::randomParallelDim(Random &rng) const {
  return parallelChoices[rng.uniform(0, numParallelChoices - 1)];
}

void SearchSpace::repair(Individual &ind) const {
  cost::Mapping &m = ind.mapping;
  if (options.mode == Mode::FixedHW)
    ind.numPEs = maxPEs;
  ind.numPEs = std::clamp<int64_t>(ind.numPEs, 1, maxPEs);
  for (int l = 0; l < m.numLevels; ++l)
    for (int d = 0; d < cost::kNumDims; ++d) {
      int64_t bound = l == 0 ? extent[d] : m.level(l - 1).tiles[d];
      m.level(l).tiles[d] = std::clamp<int64_t>(m.level(l).tiles[d], 1, bound);
    }
  int64_t budget = ind.numPEs;
  for (int l = m.numLevels - 1; l >= 1; --l) {
    int64_t &cluster = m.level(l).clusterSize;
    cluster = std::clamp<int64_t>(cluster, 1, budget);
    budget /= cluster;
  }
  m.level(0).clusterSize = 1;
}

const cost::CostReport &
SearchSpace::evaluate(Individual &ind, cost::Evaluator &evaluator) const {
  cost::Hardware hw = options.fixedHardware;
  hw.numPEs = ind.numPEs;
  hw.bytesPerElement = bytes;
  if (options.mode != Mode::FixedHW)
    hw.l1Elements = hw.l2Elements = cost::kUnbounded;
  const cost::CostReport &report =
      evaluator.evaluate(layer, hw, ind.mapping, options.semantics);
  ind.valid = false;
  if (!report.valid)
    return report;
  cost::Constraints constraints;
  if (options.mode == Mode::FixedHW) {
    ind.areaUm2 = cost::digammaAreaUm2(hw.numPEs, hw.l1Elements, hw.l2Elements,
                                       bytes, options.model.area);
  } else {
    constraints.areaBudgetUm2 = options.areaBudgetUm2;
    constraints.peLimit = options.peLimit;
    ind.areaUm2 =
        cost::digammaAreaUm2(hw.numPEs, report.l1Elements, report.l2Elements,
                             bytes, options.model.area);
  }
  if (cost::checkConstraints(report, hw, constraints, options.model) !=
      cost::InvalidReason::None)
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
                    smallestFeasibleAreaUm2(layer, options));
    result.message = buffer;
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

void digamma::search::crossover(Individual &child, const Individual &other,
                                Random &rng) {
  int d = static_cast<int>(rng.uniform(0, cost::kNumDims - 1));
  int levels = std::min(child.mapping.numLevels, other.mapping.numLevels);
  for (int l = 0; l < levels; ++l)
    child.mapping.level(l).tiles[d] = other.mapping.level(l).tiles[d];
  if (rng.chance(0.5))
    child.numPEs = other.numPEs;
}

/// Reorder: swap two loops of one level.
void digamma::search::reorder(Individual &ind, Random &rng) {
  cost::MappingLevel &level =
      ind.mapping.level(rng.uniform(0, ind.mapping.numLevels - 1));
  std::swap(level.order[rng.uniform(0, cost::kNumDims - 1)],
            level.order[rng.uniform(0, cost::kNumDims - 1)]);
}

/// Mutate-map: a new tile for one dimension of one level, or a new
/// parallel dimension.
void digamma::search::mutateMap(Individual &ind, const SearchSpace &problem,
                                Random &rng) {
  int l = static_cast<int>(rng.uniform(0, ind.mapping.numLevels - 1));
  cost::MappingLevel &level = ind.mapping.level(l);
  if (rng.chance(0.3)) {
    level.parallelDim = problem.randomParallelDim(rng);
    return;
  }
  int d = static_cast<int>(rng.uniform(0, cost::kNumDims - 1));
  int64_t bound =
      l == 0 ? problem.extent[d] : ind.mapping.level(l - 1).tiles[d];
  level.tiles[d] = rng.logUniform(bound);
}

/// Mutate-HW: scale the PE count or resize one cluster; buffers follow the
/// mapping when the design is evaluated.
void digamma::search::mutateHardware(Individual &ind,
                                     const SearchSpace &problem, Random &rng) {
  if (ind.mapping.numLevels > 1 && rng.chance(0.5)) {
    int l = static_cast<int>(rng.uniform(1, ind.mapping.numLevels - 1));
    ind.mapping.level(l).clusterSize = rng.logUniform(ind.numPEs);
    return;
  }
  if (rng.chance(0.5)) {
    ind.numPEs = rng.logUniform(problem.maxPEs);
    return;
  }
  // A nearby PE count keeps a good design good.
  int64_t step = std::max<int64_t>(ind.numPEs / 4, 1);
  ind.numPEs += rng.uniform(-step, step);
}

/// Grow/aging: add an inner cluster level (a copy of the innermost) or drop
/// the innermost, within [minLevels, maxLevels].
void digamma::search::growOrAge(Individual &ind, const SearchOptions &options,
                                Random &rng) {
  cost::Mapping &m = ind.mapping;
  bool grow = rng.chance(0.5);
  if (grow && m.numLevels < options.maxLevels) {
    m.level(m.numLevels) = m.level(m.numLevels - 1);
    m.level(m.numLevels).clusterSize = 1;
    ++m.numLevels;
  } else if (!grow && m.numLevels > options.minLevels) {
    --m.numLevels;
  }
}
