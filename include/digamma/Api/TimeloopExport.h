//===- TimeloopExport.h - A design as Timeloop's input ----------*- C++ -*-===//
//
// Writes one op's design (layer, hardware, mapping) as the three inputs of
// Timeloop's `timeloop-model`: the problem, the architecture (DRAM, global
// buffer, one holding-nothing level per inner mapping level, per-PE
// buffers and MACs) and the mapping (per-level factors, permutations and
// spatial factors), so that the design can be re-scored with the field's
// reference model. The text is JSON, which is YAML 1.2 and reads as such in
// Timeloop (yaml-cpp). docs/timeloop-export.md describes the
// correspondence and what Timeloop cannot say.
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_API_TIMELOOPEXPORT_H
#define DIGAMMA_API_TIMELOOPEXPORT_H

#include "digamma/CostModel/Problem.h"

#include <optional>
#include <string>
#include <vector>

namespace digamma::api {

/// One design's Timeloop input: three documents, each with its one
/// top-level key (`problem`, `architecture`, `mapping`), ready to be
/// written as `.yaml` files and given together to `timeloop-model`.
struct TimeloopInput {
  std::string problem;
  std::string architecture;
  std::string mapping;
  /// Where the files approximate the design, one sentence each: an inner
  /// tile that does not divide its parent, rounded down to one that does;
  /// a working set Timeloop will not fit in a buffer.
  std::vector<std::string> warnings;
  /// Where the files say the design differently but exactly: idle PEs left
  /// out of the array, per-tensor element sizes as DRAM bandwidth scales.
  std::vector<std::string> notes;
};

/// The Timeloop input of \p mapping on \p hw for \p layer. Fails with a
/// message in \p error for a layer with a fault, a mapping the cost model
/// would reject as malformed (levels, tiles or cluster sizes out of range,
/// cluster sizes whose product exceeds the PEs), a hardware without PEs or
/// element size, or extents above 2^31 - 1 (Timeloop reads factors as
/// 32-bit integers).
std::optional<TimeloopInput> exportTimeloop(const cost::Layer &layer,
                                            const cost::Hardware &hw,
                                            const cost::Mapping &mapping,
                                            std::string &error);

} // namespace digamma::api

#endif // DIGAMMA_API_TIMELOOPEXPORT_H
