//===- TestLayers.h - Layers and random mappings for tests ------*- C++ -*-===//

#ifndef DIGAMMA_UNITTESTS_TESTLAYERS_H
#define DIGAMMA_UNITTESTS_TESTLAYERS_H

#include "digamma/CostModel/GammaTable.h"

#include <random>
#include <string>
#include <utility>
#include <vector>

namespace digamma::testing {

/// A CONV layer (Y, X input extents; stride 1, batch 1).
inline cost::Layer convLayer(int64_t k, int64_t c, int64_t y, int64_t x,
                             int64_t r, int64_t s) {
  return cost::Layer{cost::LayerClass::Conv, /*n=*/1, k, c, y, x, r, s};
}

/// Every layer of the seven bundled models.
inline std::vector<cost::Layer> allModelLayers() {
  std::vector<cost::Layer> layers;
  for (const char *model : {"resnet18", "resnet50", "mobilenet_v2", "mnasnet",
                            "bert", "ncf", "dlrm"}) {
    cost::GammaTable table = cost::readGammaTable(
        std::string(DIGAMMA_MODELS_DIR) + "/" + model + ".csv");
    layers.insert(layers.end(), table.layers.begin(), table.layers.end());
  }
  return layers;
}

inline int64_t uniform(std::mt19937_64 &rng, int64_t lo, int64_t hi) {
  return lo + static_cast<int64_t>(rng() % static_cast<uint64_t>(hi - lo + 1));
}

/// A random mapping of \p layer with \p levels levels: tiles anywhere in
/// [1, parent] (dividing or not, R/S partial), any order and parallel dim.
inline cost::Mapping randomMapping(std::mt19937_64 &rng,
                                   const cost::Layer &layer, int levels,
                                   int64_t numPEs) {
  cost::Mapping m;
  m.numLevels = levels;
  int64_t budget = numPEs;
  for (int l = 0; l < levels; ++l) {
    cost::MappingLevel &level = m.level(l);
    level.parallelDim = cost::Dim(uniform(rng, 0, cost::kNumDims - 1));
    for (int i = cost::kNumDims - 1; i > 0; --i)
      std::swap(level.order[i], level.order[uniform(rng, 0, i)]);
    for (int d = 0; d < cost::kNumDims; ++d) {
      int64_t parent =
          l == 0 ? layer.mappedExtent(cost::Dim(d)) : m.level(l - 1).tiles[d];
      level.tiles[d] = uniform(rng, 1, parent);
    }
    if (l > 0) {
      level.clusterSize = uniform(rng, 1, budget);
      budget /= level.clusterSize;
    }
  }
  return m;
}

} // namespace digamma::testing

#endif // DIGAMMA_UNITTESTS_TESTLAYERS_H
