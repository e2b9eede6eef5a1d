//===- GammaTable.h - GAMMA layer tables as cost-model layers ---*- C++ -*-===//
//
// Reads GAMMA's model tables (a header line, then `K,C,Y,X,R,S,T` per layer;
// T: 0 FC (Out, In), 1 CONV, 2 depthwise (K = 1), 3 GEMM (M, N, K)) into
// canonical layers, for tools and benchmarks that run without MLIR.
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_COSTMODEL_GAMMATABLE_H
#define DIGAMMA_COSTMODEL_GAMMATABLE_H

#include "digamma/CostModel/Problem.h"

#include <string>
#include <vector>

namespace digamma::cost {

struct GammaTable {
  std::vector<Layer> layers;
  /// Empty on success, otherwise "line N: what is wrong".
  std::string error;
};

/// Parses the text of a table.
GammaTable parseGammaTable(const std::string &text);
/// Reads and parses the file at \p path.
GammaTable readGammaTable(const std::string &path);

} // namespace digamma::cost

#endif // DIGAMMA_COSTMODEL_GAMMATABLE_H
