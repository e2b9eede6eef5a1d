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

/// A random layer of \p layerClass with what the bundled models lack:
/// strides 1-4, dilations 1-3, batch 1-3, groups (convolutions), odd sizes,
/// and sometimes per-tensor element sizes (1, 2 or 4 bytes). Y and X may
/// have rows and columns that no output uses (the remainder of the stride).
inline cost::Layer randomLayer(std::mt19937_64 &rng,
                               cost::LayerClass layerClass) {
  cost::Layer layer;
  layer.layerClass = layerClass;
  if (layerClass == cost::LayerClass::Gemm) {
    layer.y = uniform(rng, 1, 97);
    layer.c = uniform(rng, 1, 131);
    layer.k = uniform(rng, 1, 67);
    layer.n = uniform(rng, 1, 3);
  } else {
    const bool depthwise = layerClass == cost::LayerClass::DepthwiseConv;
    layer.k = depthwise ? 1 : uniform(rng, 1, 48);
    layer.c = uniform(rng, 1, 48);
    layer.r = uniform(rng, 1, 5);
    layer.s = uniform(rng, 1, 5);
    layer.strideY = uniform(rng, 1, 4);
    layer.strideX = uniform(rng, 1, 4);
    layer.dilationY = uniform(rng, 1, 3);
    layer.dilationX = uniform(rng, 1, 3);
    layer.y = (uniform(rng, 1, 20) - 1) * layer.strideY + layer.windowY() +
              uniform(rng, 0, layer.strideY - 1);
    layer.x = (uniform(rng, 1, 20) - 1) * layer.strideX + layer.windowX() +
              uniform(rng, 0, layer.strideX - 1);
    layer.groups = depthwise ? 1 : uniform(rng, 1, 3);
    layer.n = layer.groups * uniform(rng, 1, 3);
  }
  if (uniform(rng, 0, 2) == 0) {
    const int64_t sizes[] = {1, 2, 4};
    layer.inputBytes = sizes[uniform(rng, 0, 2)];
    layer.weightBytes = sizes[uniform(rng, 0, 2)];
    layer.outputBytes = sizes[uniform(rng, 0, 2)];
  }
  return layer;
}

/// Input rows (columns) some MAC reads: the distinct a * stride + b *
/// dilation for a < the output extent and b < the filter extent.
inline int64_t touchedInputLines(int64_t extent, int64_t out, int64_t taps,
                                 int64_t stride, int64_t dilation) {
  std::vector<bool> touched(static_cast<size_t>(extent), false);
  int64_t count = 0;
  for (int64_t a = 0; a < out; ++a)
    for (int64_t b = 0; b < taps; ++b) {
      size_t line = static_cast<size_t>(a * stride + b * dilation);
      if (!touched[line]) {
        touched[line] = true;
        ++count;
      }
    }
  return count;
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
