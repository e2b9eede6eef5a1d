//===- MaestroFile.h - MAESTRO mapping files ---------------------*- C++ -*-===//
//
// Reads and writes the subset of MAESTRO's mapping-file format that GAMMA
// writes (spec section 1.1):
//
//   Network <name> {
//   Layer <name> {
//   Type: CONV | DSCONV
//   [Stride { X: 2, Y: 2 }] [Dilation { X: 2, Y: 2 }]
//   Dimensions { [N: 4,] [G: 2,] K: 64, C: 64, Y: 56, X: 56, R: 3, S: 3 }
//   Dataflow {
//   TemporalMap(16,16) K; SpatialMap(8,8) C; TemporalMap(10,10) Y'; ...
//   Cluster(8,P);
//   SpatialMap(1,1) K; ...
//   }
//   }
//   }
//
// A cost::Mapping corresponds to such a dataflow one to one:
//  * mapping level l is the l-th group of directives (levels are separated
//    by Cluster directives; level 0 is outermost);
//  * the directives of a level appear in MappingLevel::order, outermost
//    first; the parallel dimension gets SpatialMap(t,t), the others
//    TemporalMap(t,t), with t = MappingLevel::tile(dim);
//  * Y and X are written as Y' and X': their tiles are output rows/columns,
//    while Layer::y and Layer::x (the Dimensions block) are input extents;
//  * `Cluster(P,P)` before level l > 0 is MappingLevel::clusterSize of l;
//    level 0's fan-out is num_pes / (product of the cluster sizes);
//  * depthwise layers (Type: DSCONV, K: 1) have no K directive; a
//    K-parallel depthwise level writes C as its SpatialMap;
//  * GEMM and FC layers are written as CONV (K := N, C := K, Y := M).
//
// Two parts of MAESTRO's format that GAMMA never writes are read and
// written for layers that need them (digamma-export-maestro): a batch
// `N: n` entry in Dimensions and a `Stride { X: s, Y: s }` block before
// Dimensions. Two more are ours, for what MAESTRO cannot express: a
// `Dilation { X: d, Y: d }` block before Dimensions and a `G: g` entry in
// Dimensions (how many of the N outer iterations are groups, Layer::groups).
// The writer emits each only when it is not 1. The `maestro` semantics
// reject such layers (MaestroUnsupportedLayer, MaestroUnsupportedDilation),
// the `sound` semantics model them.
//
// The reader accepts exactly this subset: directives with size equal to
// offset on K, C, Y', X', R and S, one SpatialMap per level, every
// dimension once per level, at most three Cluster directives. Errors name
// the line.
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_COSTMODEL_MAESTROFILE_H
#define DIGAMMA_COSTMODEL_MAESTROFILE_H

#include "digamma/CostModel/Problem.h"

#include <string>
#include <string_view>
#include <vector>

namespace digamma::cost {

struct MaestroLayer {
  std::string name;
  Layer layer;
  Mapping mapping;
};

struct MaestroFile {
  std::string network;
  std::vector<MaestroLayer> layers;
  /// Empty on success, otherwise "line N: what is wrong".
  std::string error;
};

/// Parses the text of a mapping file.
MaestroFile parseMaestroFile(std::string_view text);
/// Reads and parses the file at \p path.
MaestroFile readMaestroFile(const std::string &path);

/// Parses the directives of one Dataflow block (`TemporalMap(4,4) K; ...
/// Cluster(8,P); ...`) for \p layer into \p mapping. Returns an empty string
/// on success, otherwise "line N: what is wrong" (lines count from
/// \p firstLine).
std::string parseMaestroDataflow(std::string_view text, const Layer &layer,
                                 Mapping &mapping, int firstLine = 1);

/// The directives of \p mapping, one per line, Cluster lines between levels.
std::string writeMaestroDataflow(const Layer &layer, const Mapping &mapping);

/// A complete mapping file with one layer, as GAMMA writes it.
std::string writeMaestroFile(const Layer &layer, const Mapping &mapping,
                             std::string_view network = "0",
                             std::string_view layerName = "");

} // namespace digamma::cost

#endif // DIGAMMA_COSTMODEL_MAESTROFILE_H
