//===- Request.h - One request layer for every entry point ------*- C++ -*-===//
//
// What a caller asks for (layers with weights, a platform and budget, search
// options, a scope), checked and turned into the search library's options in
// one place. The pass `--digamma-co-optimize`, the C++ API (Designer.h),
// digamma-bench, digamma-search-quality, digamma-model-scope and the Python
// module all fill a Request from their own flags and call planSearch():
// units (mm^2 to um^2, bytes to elements), platform presets, defaults and
// error messages live here alone. A new option is added to Options (or
// Budget), to planSearch() and to requestOptions() (RequestOptions.h, which
// gives it to the Python module), then to each other front end's flag
// parsing.
//
// Messages name the request's fields as the pass options and tool flags
// spell them: Options::samples is `samples`, Budget::areaMm2 `area-budget`,
// Budget::peLimit `pe-limit`, Options::elementBytes `element-bytes`,
// Options::fixedHardware `num-pes`, `l1-bytes` and `l2-bytes`, and so on.
// Front ends prefix them (`digamma-co-optimize: `, `digamma-bench: error: `).
// Plain C++17: no MLIR or LLVM header or library.
//
//   api::Request request;
//   request.layers.push_back({api::conv2d(64, 64, 58, 58, 3, 3)});
//   request.platform = "cloud";
//   api::SearchPlan plan;
//   if (std::optional<std::string> error = api::planSearch(request, plan))
//     return fail(*error);
//   search::SearchResult result = api::searchLayer(plan, request.layers[0]);
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_API_REQUEST_H
#define DIGAMMA_API_REQUEST_H

#include "digamma/Api/Platform.h"
#include "digamma/CostModel/CostModel.h"
#include "digamma/Search/Dataflows.h"
#include "digamma/Search/ModelSearch.h"
#include "digamma/Search/Search.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace digamma::api {

/// A layer: the cost model's canonical form (digamma/CostModel/Problem.h).
/// Y and X are *input* extents (rows, columns), R and S the filter extents;
/// the output extents are (Y - R) / stride + 1 and (X - S) / stride + 1.
using Layer = cost::Layer;

//===----------------------------------------------------------------------===//
// The request
//===----------------------------------------------------------------------===//

/// Area of the built-in platforms, in mm^2.
inline constexpr double kEdgeAreaMm2 = search::kEdgeAreaBudgetUm2 / 1e6;
inline constexpr double kCloudAreaMm2 = search::kCloudAreaBudgetUm2 / 1e6;

/// What the design may spend.
struct Budget {
  /// Area of PEs and buffers in mm^2 (`area-budget`); 0 takes the
  /// platform's.
  double areaMm2 = kEdgeAreaMm2;
  /// Largest PE count (`pe-limit`); 0 leaves the area as the only bound.
  int64_t peLimit = 0;

  static Budget forPlatform(Platform platform);
  static Budget ofArea(double areaMm2);
};

/// How many chips the layers of a request run on.
enum class Scope {
  /// A chip per layer, as in the paper.
  Op,
  /// One chip shared by all layers, a mapping per layer.
  Model,
  /// One chip per function: the pass groups a module's ops per function,
  /// each group searched as Model.
  Function,
};
const std::vector<search::NamedValue<Scope>> &scopeValues();
std::string_view scopeName(Scope scope);

/// Search options. The defaults are the pass's, except the element size,
/// which the pass reads from the op, and the thread count.
struct Options {
  /// A figure, or pareto for the front of non-dominated designs over
  /// paretoObjectives.
  search::Objective objective = search::Objective::Latency;
  /// objective=pareto: the figures the front trades off, two or three of
  /// latency, energy and area (`pareto-objectives`); empty takes all
  /// three.
  std::vector<search::Objective> paretoObjectives;
  /// objective=pareto: the front's design a single answer takes
  /// (`pareto-pick`).
  search::ParetoPick paretoPick = search::ParetoPick::Knee;
  /// objective=pareto: the most designs a front keeps (`pareto-size`); 0
  /// takes search::kDefaultFrontCapacity.
  int paretoSize = 0;
  /// Ranks designs with an equal objective (`tie-break`).
  search::Objective tieBreak = search::Objective::Energy;
  /// CoOpt (hardware and mapping), FixedHW (mapping for `fixedHardware`) or
  /// FixedMapping (hardware for each layer's mapping, `fixedMapping` or
  /// `dataflow`).
  search::Mode mode = search::Mode::CoOpt;
  cost::Semantics semantics = cost::Semantics::Sound;
  search::Algorithm algorithm = search::Algorithm::DiGamma;
  /// Design points evaluated per layer (per distinct layer; per layer of
  /// the model with a shared chip).
  int64_t samples = search::kDefaultSamples;
  /// Individuals per generation; 0 takes the search's default.
  int population = 0;
  uint64_t seed = 1;
  /// Evaluation threads; 0 takes the hardware concurrency. The design does
  /// not depend on it.
  unsigned threads = 1;
  /// Bytes per element for buffer sizes and area (the paper's INT8 setting
  /// is 1; an f32 op is 4), every tensor alike; 0 takes each layer's own
  /// (LayerProblem::elementBytes, and its tensors' own sizes where the
  /// layer has them: Layer::inputBytes, ...).
  int64_t elementBytes = 1;
  /// Mapping (cluster) levels, 1 <= minLevels <= maxLevels <= 3. DiGamma
  /// chooses the count per layer within the range (search::LevelSchedule):
  /// a third level where two cannot come near the cycle bound.
  int minLevels = 2, maxLevels = 3;

  /// Mode FixedHW: the hardware whose mapping is searched.
  struct FixedHardware {
    int64_t numPEs = 0;
    int64_t l1Bytes = 0; ///< per PE
    int64_t l2Bytes = 0;
  } fixedHardware;
  /// Mode FixedMapping: the mapping of every layer without its own.
  std::optional<cost::Mapping> fixedMapping;
  /// Mode FixedMapping: a built-in dataflow (nvdla, shidiannao, eyeriss)
  /// instantiated for each layer instead of its mapping; the hardware is
  /// then searched by grid search. Empty for none.
  std::string dataflow;
  /// The pagmo baselines score invalid designs by how far off they are
  /// instead of one constant penalty (docs/baselines.md).
  bool gradedPenalty = false;
  /// Off-chip (DRAM) and NoC bandwidths in bytes per cycle
  /// (`offchip-bandwidth`, `noc-bandwidth`); 0 takes the platform's.
  int64_t offchipBandwidth = 0;
  int64_t nocBandwidth = 0;
  /// Maestro semantics: accept designs whose MAESTRO figures are
  /// physically impossible, as the reference GAMMA does
  /// (`maestro-accept-unsound`; cost::ModelOptions::acceptUnsoundMaestro).
  bool acceptUnsoundMaestro = false;
  /// The map space of a partially flexible accelerator (docs/map-space.md):
  /// a bundled constraint's name (`constraint`), a constraint file
  /// (`constraint-file`) or, from C++, the space itself; at most one. Every
  /// design then lies inside it. Empty: a fully flexible accelerator.
  std::string constraint;
  std::string constraintFile;
  std::optional<search::MapSpace> mapSpace;
};

/// One distinct layer problem of a request.
struct LayerProblem {
  Layer layer;
  /// How often its cost counts in a shared chip's objective (for example
  /// the number of ops with this problem times their repeat count).
  double weight = 1;
  /// The layer's own element size in bytes (its widest tensor's when
  /// layer.inputBytes, ... differ); 0 if it has none (then
  /// Options::elementBytes must be given).
  int64_t elementBytes = 0;
  /// Mode FixedMapping: the layer's own mapping.
  std::optional<cost::Mapping> fixedMapping;
  /// The layer's own map space (an op's `digamma.map_space`), instead of
  /// the request's.
  std::optional<search::MapSpace> mapSpace;
};

struct Request {
  std::vector<LayerProblem> layers;
  /// A bundled platform's name (platformNames()); its area is the budget
  /// unless budget.areaMm2 is given, its bandwidths and energies the
  /// hardware's unless the options give them.
  std::string platform = "edge";
  /// A platform file (`platform-file`, docs/platforms.md); when given it
  /// is the platform instead of `platform`.
  std::string platformFile;
  Budget budget = Budget::ofArea(0);
  Options options;
  Scope scope = Scope::Op;
};

//===----------------------------------------------------------------------===//
// From a request to searches
//===----------------------------------------------------------------------===//

/// A checked request, resolved into what the search library takes.
struct SearchPlan {
  /// The options every layer's search shares; optionsFor() adds a layer's
  /// element size and mapping.
  search::SearchOptions options;
  search::Algorithm algorithm = search::Algorithm::DiGamma;
  /// Options::dataflow, or nullptr.
  const search::Dataflow *dataflow = nullptr;
  PlatformSpec platform;
  Scope scope = Scope::Op;
  /// Options::elementBytes (0: each layer's own, else the platform's) and
  /// fixedHardware (the platform's when mode=fixed-hw gives none).
  int64_t elementBytes = 1;
  Options::FixedHardware fixedHardware;

  /// Bytes per element of a layer whose own element size is
  /// \p layerBytes (0 for none).
  int64_t elementBytesOf(int64_t layerBytes) const {
    return elementBytes > 0 ? elementBytes
           : layerBytes > 0 ? layerBytes
                            : platform.elementBytes;
  }
  /// The buffers' word of \p layer's search: elementBytesOf() its own
  /// size or, if larger, its widest tensor's.
  int64_t wordOf(const LayerProblem &layer) const;
  /// The search options of one layer: its element size (the fixed
  /// hardware's buffers in elements of it) and mapping.
  search::SearchOptions optionsFor(const LayerProblem &layer) const;
  /// The layer as its search sees it: its tensors' own element sizes
  /// (Layer::inputBytes, ...), unless Options::elementBytes overrides them
  /// with one size for every tensor.
  Layer layerFor(const LayerProblem &layer) const;
};

/// Checks \p request and resolves it into \p plan: the platform, the area
/// in um^2, defaults, and every option no search could run with. Returns
/// the message of the first problem, or nullopt. The layers themselves
/// (their extents) are checked by the search, whose results carry the
/// message.
std::optional<std::string> planSearch(const Request &request, SearchPlan &plan);

/// Searches one layer as \p plan says (Scope::Op): the optimizer of
/// plan.algorithm, or the grid search of plan.dataflow. Deterministic for
/// a seed whatever the thread count; never throws (except bad_alloc).
search::SearchResult searchLayer(const SearchPlan &plan,
                                 const LayerProblem &layer);
/// The message searchLayer() gives for \p layer without searching (a layer
/// no design can evaluate, a fixed mapping that does not fit it), or
/// nullopt: a result without a design after nullopt means that no design
/// fits the budget. For front ends that tell bad input from an empty design
/// space; searchLayer() checks it itself.
std::optional<std::string> checkLayerProblem(const SearchPlan &plan,
                                             const LayerProblem &layer);

/// One chip for \p layers (Scope::Model).
struct SharedChipResult {
  search::ModelSearchResult chip;
  /// Per layer: found and message as the chip's, its mapping and cost on
  /// the chip, the chip's hardware, area and objective.
  std::vector<search::SearchResult> layers;
  /// The chip's buffer word: the widest element of its layers.
  int64_t elementBytes = 1;
};
SharedChipResult searchSharedChip(const SearchPlan &plan,
                                  const std::vector<LayerProblem> &layers);
/// The message searchSharedChip() gives for \p layers without searching
/// (no layer, a layer no design can evaluate, named by its index), or
/// nullopt, as checkLayerProblem() for one layer.
std::optional<std::string>
checkSharedChip(const SearchPlan &plan,
                const std::vector<LayerProblem> &layers);

//===----------------------------------------------------------------------===//
// Names, for front ends that parse them
//===----------------------------------------------------------------------===//

/// "unknown <what> '<name>'; expected <expected>": the one wording of a name
/// that is not in a list.
std::string unknownName(std::string_view what, std::string_view name,
                        std::string_view expected);

/// Parses \p name as one of \p values into \p value; otherwise returns
/// unknownName(what, name, the names).
template <typename Enum>
std::optional<std::string>
parseName(std::string_view what, std::string_view name,
          const std::vector<search::NamedValue<Enum>> &values, Enum &value) {
  if (std::optional<Enum> parsed = search::parseNamed(values, name)) {
    value = *parsed;
    return std::nullopt;
  }
  return unknownName(what, name, search::listNames(values));
}

/// Parses the figure names of `pareto-objectives` (latency, energy, area)
/// into \p objectives; otherwise returns unknownName's message.
std::optional<std::string>
parseParetoObjectives(const std::vector<std::string> &names,
                      std::vector<search::Objective> &objectives);

} // namespace digamma::api

#endif // DIGAMMA_API_REQUEST_H
