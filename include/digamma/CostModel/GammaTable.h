//===- GammaTable.h - GAMMA layer tables as cost-model layers ---*- C++ -*-===//
//
// Reads GAMMA's model tables (a header line, then `K,C,Y,X,R,S,T` per layer;
// T: 0 FC (Out, In), 1 CONV, 2 depthwise (K = 1), 3 GEMM (M, N, K)) into
// canonical layers. The one reader of the format: the tools, the benchmarks
// and the MLIR importer (`digamma-translate --import-gamma-csv`) all use it.
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
  /// The 1-based line of each layer, for diagnostics.
  std::vector<int> layerLines;
  /// Empty on success. errorLine is the 1-based line at fault, or 0 when
  /// the error concerns the file itself (it cannot be opened).
  std::string errorMessage;
  int errorLine = 0;

  bool failed() const { return !errorMessage.empty(); }
  /// "line N: what is wrong" (or just the message without a line); empty
  /// on success.
  std::string error() const;
};

/// Parses the text of a table.
GammaTable parseGammaTable(const std::string &text);
/// Reads and parses the file at \p path.
GammaTable readGammaTable(const std::string &path);

} // namespace digamma::cost

#endif // DIGAMMA_COSTMODEL_GAMMATABLE_H
