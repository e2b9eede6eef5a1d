//===- Designer.h - Best accelerator design for a layer ---------*- C++ -*-===//
//
// The C++ API for callers outside MLIR: describe a layer, an area budget and
// search options; get back the best hardware (PE count, PE array shape, L1
// and L2) and mapping (tiles, loop order, parallel dimension per level) with
// its cost. A one-layer request (Request.h, where Budget and Options are):
// the pass `--digamma-co-optimize` turns its options into the same request,
// so a layer, budget and seed give the design the pass attaches to the
// equivalent op. Plain C++17: no MLIR or LLVM header or library.
//
//   digamma::api::Options options;
//   options.seed = 7;
//   digamma::api::Design design = digamma::api::findDesign(
//       digamma::api::conv2d(/*k=*/64, /*c=*/64, /*y=*/58, /*x=*/58,
//                            /*r=*/3, /*s=*/3),
//       digamma::api::Budget::forPlatform(digamma::api::Platform::Edge),
//       options);
//   if (!design.found)
//     std::cerr << design.error << "\n";
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_API_DESIGNER_H
#define DIGAMMA_API_DESIGNER_H

#include "digamma/Api/Request.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace digamma::api {

//===----------------------------------------------------------------------===//
// Layers
//===----------------------------------------------------------------------===//

/// A 2-D convolution with \p k output channels, \p c input channels, an
/// input of \p y x \p x (padding included) and an \p r x \p s filter.
Layer conv2d(int64_t k, int64_t c, int64_t y, int64_t x, int64_t r, int64_t s,
             int64_t stride = 1, int64_t batch = 1);
/// A depthwise 2-D convolution over \p c channels (K is 1, as GAMMA writes
/// depthwise layers; fold a channel multiplier into \p c).
Layer depthwiseConv2d(int64_t c, int64_t y, int64_t x, int64_t r, int64_t s,
                      int64_t stride = 1, int64_t batch = 1);
/// A matrix multiplication (M x K) * (K x N), as `linalg.matmul`; \p batch
/// as `linalg.batch_matmul`. Stored as GAMMA does: K := N, C := K, Y := M.
Layer gemm(int64_t m, int64_t n, int64_t k, int64_t batch = 1);

//===----------------------------------------------------------------------===//
// The design
//===----------------------------------------------------------------------===//

struct Design {
  bool found = false;
  /// Why there is no design (bad input, or no design within the budget with
  /// the smallest feasible area); empty when found.
  std::string error;

  /// PE count, L1 (per PE) and L2 capacities in elements (sized to what the
  /// mapping needs, or the given ones in FixedHW mode), element size.
  cost::Hardware hardware;
  /// PE array shape: the top level's fan-out, then the inner levels'
  /// cluster sizes (the pass's `digamma.hw` `cluster_sizes`).
  std::vector<int64_t> peArrayShape;
  int64_t l1Bytes = 0; ///< per PE, what the mapping needs
  int64_t l2Bytes = 0;
  double areaUm2 = 0;

  /// Per level, outermost first: parallel dimension, cluster size, loop
  /// order and tiles (cost::writeMaestroDataflow prints it as MAESTRO
  /// directives).
  cost::Mapping mapping;
  /// Cycles, MACs, energy, utilization, access counts, ...
  cost::CostReport cost;
  /// The fewest cycles any design of the layer can take within the budget
  /// and the level range (search::cycleBound); cost.cycles / bound.cycles
  /// is how far this design is from it.
  cost::CycleBound bound;

  /// The objective's value and the samples spent.
  double objectiveValue = 0;
  int64_t samplesUsed = 0;
};

/// Searches the best design of \p layer within \p budget (an area of 0
/// takes the edge platform's). Deterministic: the same layer, budget and
/// options give the same design, whatever `options.threads`. Never throws
/// (except std::bad_alloc); bad input gives a Design with found == false
/// and the reason in `error` (Request.h's wording).
Design findDesign(const Layer &layer, const Budget &budget,
                  const Options &options = {});
/// The design of \p layer, a layer of a planned request (Scope::Op):
/// searchLayer() and the figures a Design adds. findDesign(layer, budget,
/// options) is planSearch() and this; front ends that fill a Request
/// themselves (a platform, checkLayerProblem() first) call it directly.
Design findDesign(const SearchPlan &plan, const LayerProblem &layer);

/// A short multi-line description of \p layer and \p design (or its error).
std::string formatDesign(const Layer &layer, const Design &design);

//===----------------------------------------------------------------------===//
// Names, as the pass options spell them
//===----------------------------------------------------------------------===//

/// "latency", "energy", "edp", "lap" (latency-area product), "power",
/// "area"; "co-opt", "fixed-hw", "fixed-mapping"; "sound", "maestro". The
/// libraries' own parsers, so every tool spells them alike.
using cost::parseSemantics;
using search::objectiveName;
using search::parseMode;
using search::parseObjective;
/// "edge", "cloud".
std::optional<Platform> parsePlatform(std::string_view name);

} // namespace digamma::api

#endif // DIGAMMA_API_DESIGNER_H
