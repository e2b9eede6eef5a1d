//===- Designer.h - Best accelerator design for a layer ---------*- C++ -*-===//
//
// The C++ API for callers outside MLIR: describe a layer, an area budget and
// search options; get back the best hardware (PE count, PE array shape, L1
// and L2) and mapping (tiles, loop order, parallel dimension per level) with
// its cost. A thin facade over the search library (digamma/Search/Search.h):
// it runs the search `--digamma-co-optimize` runs, with the same defaults,
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

#include "digamma/CostModel/CostModel.h"
#include "digamma/Search/Search.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace digamma::api {

//===----------------------------------------------------------------------===//
// Layers
//===----------------------------------------------------------------------===//

/// A layer: the cost model's canonical form (digamma/CostModel/Problem.h).
/// Y and X are *input* extents (rows, columns), R and S the filter extents;
/// the output extents are (Y - R) / stride + 1 and (X - S) / stride + 1.
using Layer = cost::Layer;

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
// Budget and options
//===----------------------------------------------------------------------===//

/// The DiGamma paper's platforms (Sec. V-A).
enum class Platform { Edge, Cloud };

/// Area of the platforms, in mm^2: the pass's `platform=edge|cloud`.
inline constexpr double kEdgeAreaMm2 = search::kEdgeAreaBudgetUm2 / 1e6;
inline constexpr double kCloudAreaMm2 = search::kCloudAreaBudgetUm2 / 1e6;

/// What the design may spend.
struct Budget {
  /// Area of PEs and buffers in mm^2 (co-opt and fixed-mapping modes).
  double areaMm2 = kEdgeAreaMm2;
  /// Largest PE count; 0 leaves the area as the only bound.
  int64_t peLimit = 0;

  static Budget forPlatform(Platform platform);
  static Budget ofArea(double areaMm2);
};

/// Search options. The defaults are `--digamma-co-optimize`'s, except the
/// element size, which the pass reads from the op.
struct Options {
  search::Objective objective = search::Objective::Latency;
  /// Ranks designs with an equal objective.
  search::Objective tieBreak = search::Objective::Energy;
  /// CoOpt (hardware and mapping), FixedHW (mapping for `fixedHardware`) or
  /// FixedMapping (hardware for `fixedMapping`).
  search::Mode mode = search::Mode::CoOpt;
  cost::Semantics semantics = cost::Semantics::Sound;
  search::Algorithm algorithm = search::Algorithm::DiGamma;
  /// Design points evaluated.
  int64_t samples = 40000;
  /// Individuals per generation; 0 takes the search's default.
  int population = 0;
  uint64_t seed = 1;
  /// Evaluation threads; 0 takes the hardware concurrency. The design does
  /// not depend on it.
  unsigned threads = 1;
  /// Bytes per element for buffer sizes and area (the paper's INT8 setting
  /// is 1; an f32 op is 4).
  int64_t elementBytes = 1;
  /// Mapping (cluster) levels, 1 <= minLevels <= maxLevels <= 3.
  int minLevels = 2, maxLevels = 2;

  /// Mode FixedHW: the hardware whose mapping is searched.
  struct FixedHardware {
    int64_t numPEs = 0;
    int64_t l1Bytes = 0; ///< per PE
    int64_t l2Bytes = 0;
  } fixedHardware;
  /// Mode FixedMapping: the mapping whose hardware is searched.
  std::optional<cost::Mapping> fixedMapping;
};

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

  /// The objective's value and the samples spent.
  double objectiveValue = 0;
  int64_t samplesUsed = 0;
};

/// Searches the best design of \p layer within \p budget. Deterministic: the
/// same layer, budget and options give the same design, whatever
/// `options.threads`. Never throws (except std::bad_alloc); bad input gives
/// a Design with found == false and the reason in `error`.
Design findDesign(const Layer &layer, const Budget &budget,
                  const Options &options = {});

/// The message findDesign would put in `error` for bad input (layer, budget
/// or options), or nullopt when the search can run: a Design with found ==
/// false after nullopt here means that no design fits the budget.
std::optional<std::string> checkRequest(const Layer &layer,
                                        const Budget &budget,
                                        const Options &options = {});

/// The search options findDesign runs for \p budget and \p options (every
/// check but the layer's), or the message for bad input.
std::optional<std::string> resolveSearchOptions(const Budget &budget,
                                                const Options &options,
                                                search::SearchOptions &out);

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
