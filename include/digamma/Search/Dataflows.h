//===- Dataflows.h - Named dataflows as mapping templates -------*- C++ -*-===//
//
// The hand-designed dataflows the paper's HW-opt schemes fix (Sec. V-A,
// Fig. 6): NVDLA-like (K-C parallel, weights stationary), ShiDianNao-like
// (Y-X parallel, outputs stationary) and Eyeriss-like row stationary (Y-R
// parallel). Each is data: two mapping levels (the outer one spreads work
// over the clusters and is held in L2, the inner one over the PEs of a
// cluster, held in L1), each with its parallel dimension, loop order and a
// rule per tile. Instantiating a template for a layer and a hardware shape
// (cluster size, and a growth step per level that sets how large the tiles,
// hence the buffers, are) gives a cost::Mapping. docs/baselines.md lists the
// templates.
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_SEARCH_DATAFLOWS_H
#define DIGAMMA_SEARCH_DATAFLOWS_H

#include "digamma/CostModel/Problem.h"

#include <array>
#include <cstdint>
#include <string_view>

namespace digamma::search {

/// How a template sizes the tile of one dimension at one level.
enum class TileRule : uint8_t {
  /// 1.
  Unit,
  /// The whole parent tile (the layer's extent at the outer level).
  Full,
  /// 2^g, at most the parent tile, where g is the level's growth step: the
  /// knob that trades buffer capacity for reuse.
  Grow,
  /// The cluster size times 2^g, at most the parent tile (outer level
  /// only): the dimension the inner level spreads over a cluster's PEs.
  ClusterGrow,
};

struct DataflowLevel {
  cost::Dim parallel;
  /// Loop order, outermost first.
  std::array<cost::Dim, cost::kNumDims> order;
  /// Tile rule per dimension, indexed by cost::Dim.
  std::array<TileRule, cost::kNumDims> tiles;
};

struct Dataflow {
  /// Name in options and reports: nvdla, shidiannao or eyeriss.
  std::string_view name;
  /// One line for tables and documentation.
  std::string_view title;
  /// Outer (clusters, L2) and inner (PEs of a cluster, L1) level.
  std::array<DataflowLevel, 2> levels;
  /// The cluster size is the layer's extent of the inner parallel dimension
  /// (Eyeriss: the filter rows R), not a hardware choice.
  bool clusterIsInnerExtent = false;
};

/// The built-in dataflows, in the order nvdla, shidiannao, eyeriss.
const std::array<Dataflow, 3> &builtinDataflows();
/// The built-in dataflow named \p name, or nullptr.
const Dataflow *findDataflow(std::string_view name);
/// The names, for messages: "nvdla, shidiannao or eyeriss".
std::string_view dataflowNames();

/// The hardware-side parameters of one instance of a template.
struct DataflowShape {
  /// PEs per cluster (the inner level's fan-out); ignored by templates
  /// whose cluster is the inner extent.
  int64_t clusterSize = 1;
  /// Growth step of the outer and the inner level.
  std::array<int, 2> growth = {0, 0};
};

/// The cluster size \p dataflow uses for \p layer given \p shape.
int64_t dataflowClusterSize(const Dataflow &dataflow, const cost::Layer &layer,
                            const DataflowShape &shape);
/// The smallest growth step of level \p level (0 outer, 1 inner) past which
/// no tile of \p layer grows any more, given the other parameters in
/// \p shape (the outer growth for the inner level).
int maxDataflowGrowth(const Dataflow &dataflow, const cost::Layer &layer,
                      int level, const DataflowShape &shape);
/// The template instantiated for \p layer: two levels, tiles within
/// [1, parent tile] (output rows/columns for Y and X), the inner level's
/// cluster size set.
cost::Mapping instantiateDataflow(const Dataflow &dataflow,
                                  const cost::Layer &layer,
                                  const DataflowShape &shape);

} // namespace digamma::search

#endif // DIGAMMA_SEARCH_DATAFLOWS_H
