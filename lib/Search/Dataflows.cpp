//===- Dataflows.cpp - Named dataflows as mapping templates ---------------===//
//
// The templates follow the published descriptions of the accelerators
// (parallel dimensions, stationary tensor, loop order), written in the
// cost model's mapping form: one spatial dimension per level, output tiles
// for Y and X.
//
//===----------------------------------------------------------------------===//

#include "digamma/Search/Dataflows.h"

#include <algorithm>

using namespace digamma;
using namespace digamma::search;

namespace {

using cost::Dim;
constexpr TileRule U = TileRule::Unit, F = TileRule::Full, G = TileRule::Grow,
                   CG = TileRule::ClusterGrow;

// Tiles are listed in Dim order: K, C, Y, X, R, S.
const std::array<Dataflow, 3> kDataflows = {{
    // NVDLA: each cluster owns one output channel at a time (K across
    // clusters) and spreads input channels over its PEs (C across PEs);
    // whole filter windows stay in the PEs while output rows and columns
    // stream. Growth stages more output rows/columns (and, at the outer
    // level, more input channels per cluster).
    {"nvdla",
     "NVDLA-like: K-C parallel, weights stationary",
     {{{Dim::K,
        {Dim::K, Dim::C, Dim::R, Dim::S, Dim::Y, Dim::X},
        {U, CG, G, G, F, F}},
       {Dim::C,
        {Dim::K, Dim::C, Dim::R, Dim::S, Dim::Y, Dim::X},
        {U, U, G, G, F, F}}}},
     false},
    // ShiDianNao: output rows across clusters, output columns across the
    // PEs of a cluster; every PE keeps one output pixel and accumulates it
    // over input channels and the filter window. Growth stages more input
    // channels.
    {"shidiannao",
     "ShiDianNao-like: Y-X parallel, outputs stationary",
     {{{Dim::Y,
        {Dim::K, Dim::C, Dim::Y, Dim::X, Dim::R, Dim::S},
        {U, G, U, CG, F, F}},
       {Dim::X,
        {Dim::K, Dim::C, Dim::Y, Dim::X, Dim::R, Dim::S},
        {U, G, U, U, F, F}}}},
     false},
    // Eyeriss row stationary: output rows across clusters, filter rows
    // across the PEs of a cluster (one filter row per PE, as many PEs as
    // the filter has rows), each PE sliding its row along the input row.
    // Growth stages more channels (outer) and longer rows (both levels).
    {"eyeriss",
     "Eyeriss-like: Y-R parallel, row stationary",
     {{{Dim::Y,
        {Dim::C, Dim::K, Dim::Y, Dim::X, Dim::R, Dim::S},
        {G, G, U, G, F, F}},
       {Dim::R,
        {Dim::C, Dim::K, Dim::Y, Dim::X, Dim::R, Dim::S},
        {U, U, U, G, U, F}}}},
     true},
}};

int64_t powerOfTwo(int step) { return int64_t(1) << std::clamp(step, 0, 62); }

/// Steps until 2^step reaches \p extent: ceil(log2(extent)).
int stepsToCover(int64_t extent) {
  int steps = 0;
  while (steps < 62 && powerOfTwo(steps) < extent)
    ++steps;
  return steps;
}

} // namespace

const std::array<Dataflow, 3> &digamma::search::builtinDataflows() {
  return kDataflows;
}

const Dataflow *digamma::search::findDataflow(std::string_view name) {
  for (const Dataflow &dataflow : kDataflows)
    if (dataflow.name == name)
      return &dataflow;
  return nullptr;
}

std::string_view digamma::search::dataflowNames() {
  return "nvdla, shidiannao or eyeriss";
}

int64_t digamma::search::dataflowClusterSize(const Dataflow &dataflow,
                                             const cost::Layer &layer,
                                             const DataflowShape &shape) {
  if (dataflow.clusterIsInnerExtent)
    return std::max<int64_t>(layer.mappedExtent(dataflow.levels[1].parallel),
                             1);
  return std::max<int64_t>(shape.clusterSize, 1);
}

int digamma::search::maxDataflowGrowth(const Dataflow &dataflow,
                                       const cost::Layer &layer, int level,
                                       const DataflowShape &shape) {
  int most = 0;
  if (level == 0) {
    int64_t cluster = dataflowClusterSize(dataflow, layer, shape);
    for (int d = 0; d < cost::kNumDims; ++d) {
      int64_t extent = std::max<int64_t>(layer.mappedExtent(Dim(d)), 1);
      TileRule rule = dataflow.levels[0].tiles[d];
      if (rule == TileRule::Grow)
        most = std::max(most, stepsToCover(extent));
      else if (rule == TileRule::ClusterGrow)
        most = std::max(most, stepsToCover((extent + cluster - 1) / cluster));
    }
    return most;
  }
  cost::Mapping outer = instantiateDataflow(dataflow, layer, shape);
  for (int d = 0; d < cost::kNumDims; ++d) {
    TileRule rule = dataflow.levels[1].tiles[d];
    if (rule == TileRule::Grow || rule == TileRule::ClusterGrow)
      most = std::max(most, stepsToCover(outer.level(0).tiles[d]));
  }
  return most;
}

cost::Mapping digamma::search::instantiateDataflow(const Dataflow &dataflow,
                                                   const cost::Layer &layer,
                                                   const DataflowShape &shape) {
  cost::Mapping mapping;
  mapping.numLevels = 2;
  int64_t cluster = dataflowClusterSize(dataflow, layer, shape);
  for (int l = 0; l < 2; ++l) {
    const DataflowLevel &from = dataflow.levels[l];
    cost::MappingLevel &level = mapping.level(l);
    level.parallelDim = from.parallel;
    level.order = from.order;
    level.clusterSize = l == 0 ? 1 : cluster;
    int64_t grown = powerOfTwo(shape.growth[l]);
    for (int d = 0; d < cost::kNumDims; ++d) {
      int64_t parent = l == 0 ? std::max<int64_t>(layer.mappedExtent(Dim(d)), 1)
                              : mapping.level(0).tiles[d];
      int64_t tile = 1;
      switch (from.tiles[d]) {
      case TileRule::Unit:
        tile = 1;
        break;
      case TileRule::Full:
        tile = parent;
        break;
      case TileRule::Grow:
        tile = grown;
        break;
      case TileRule::ClusterGrow:
        // Saturating: cluster * 2^g may exceed int64 for huge inputs.
        tile = cluster > parent / grown ? parent : cluster * grown;
        if (l > 0)
          tile = grown;
        break;
      }
      level.tiles[d] = std::clamp<int64_t>(tile, 1, parent);
    }
  }
  // A level whose parallel dimension has extent 1 spreads nothing. It is
  // written as spreading a dimension every op of the layer's kind has, at
  // the same cost, so that the mapping can annotate the op: depthwise K as
  // C (the cost model maps K-parallel depthwise levels to C), and an inner
  // level's as the outer level's parallel dimension when that dimension's
  // outer tile is 1 (its inner loop then has one iteration too).
  auto extent = [&](Dim d) { return layer.mappedExtent(d); };
  cost::MappingLevel &outer = mapping.level(0), &inner = mapping.level(1);
  if (layer.layerClass == cost::LayerClass::DepthwiseConv)
    for (cost::MappingLevel *level : {&outer, &inner})
      if (level->parallelDim == Dim::K)
        level->parallelDim = Dim::C;
  if (extent(inner.parallelDim) <= 1 && outer.tile(outer.parallelDim) == 1)
    inner.parallelDim = outer.parallelDim;
  return mapping;
}
