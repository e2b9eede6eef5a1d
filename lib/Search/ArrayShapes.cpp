//===- ArrayShapes.cpp - PE array shapes for a whole model ----------------===//
//
// Which two-level PE array shapes (outer fan-out x cluster size) suit a
// model's layers: a utilization proxy ranks them, and a layer's mapping is
// re-pointed at the dimensions a shape keeps busiest.
//
//===----------------------------------------------------------------------===//

#include "ModelSearchImpl.h"

using namespace digamma;
using namespace digamma::search;
using namespace digamma::search::detail;

namespace {

/// Arrays up to this many PEs have every shape ranked by the proxy.
constexpr int64_t kAllShapesUpTo = 32768;

} // namespace

bool ModelSearch::shapeMapping(const Chip &chip, size_t i,
                               cost::Mapping &m) const {
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
