//===- TimeloopExport.cpp - A design as Timeloop's input ------------------===//
//
// The correspondence (docs/timeloop-export.md):
//
//   DiGamma level 0 temporal loops   -> DRAM temporal factors
//   level 0 spatial map (N0 units)   -> GlobalBuffer spatial factors (Y)
//   level l >= 1 temporal loops      -> Cluster<l> temporal factors
//   level l >= 1 spatial map (P_l)   -> Cluster<l> spatial factors (X)
//   the innermost tile               -> PEBuffer temporal factors
//
// Cluster<l> holds no tensor (every tensor bypasses it): it exists to put a
// level's temporal loops below the spatial map of the level above, where
// DiGamma runs them. The global buffer holds one level-0 iteration's data
// and each PEBuffer one innermost tile, as DiGamma's L2 and L1 do.
//
//===----------------------------------------------------------------------===//

#include "digamma/Api/TimeloopExport.h"

#include "digamma/CostModel/CostModel.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdint>

using namespace digamma;
using namespace digamma::api;
using Json = nlohmann::ordered_json;

namespace {

/// Timeloop's factors and residual ends are read as `int`.
constexpr int64_t kMaxTimeloopFactor = INT32_MAX;
/// Buffer depths are read as 32-bit unsigned integers.
constexpr int64_t kMaxTimeloopDepth = UINT32_MAX;

int64_t ceilDiv(int64_t a, int64_t b) { return (a + b - 1) / b; }

/// One loop bound: `end`, and the shorter bound of its globally last
/// iteration (Timeloop's residual, "K=4,3"); equal when the loop is whole.
struct Factor {
  int64_t end = 1;
  int64_t residual = 1;
};

/// One Timeloop problem dimension and its factors at every tiling level.
struct TimeloopDim {
  char name;
  /// The DiGamma dimension it comes from; none for N and G.
  std::optional<cost::Dim> source;
  int64_t extent = 1;
  /// temporal[0] is DRAM's, temporal[l] Cluster<l>'s; spatial[0] is the
  /// global buffer's, spatial[l] Cluster<l>'s.
  std::array<Factor, cost::kMaxLevels> temporal{}, spatial{};
  Factor pe;
};

/// DiGamma's name of a dimension in notes: Y and X tiles count output rows
/// and columns.
std::string digammaName(cost::Dim dim) {
  std::string name(cost::dimName(dim));
  if (dim == cost::Dim::Y || dim == cost::Dim::X)
    name += "'";
  return name;
}

/// Timeloop's CNN names by meaning: R and S filter width and height, P and
/// Q output width and height, M output channels. DiGamma's R and Y are rows
/// (height), S and X columns (width).
char timeloopName(cost::Dim dim) {
  switch (dim) {
  case cost::Dim::K:
    return 'M';
  case cost::Dim::C:
    return 'C';
  case cost::Dim::Y:
    return 'Q';
  case cost::Dim::X:
    return 'P';
  case cost::Dim::R:
    return 'S';
  case cost::Dim::S:
    break;
  }
  return 'R';
}

class Exporter {
public:
  Exporter(const cost::Layer &layer, const cost::Hardware &hw,
           const cost::Mapping &mapping)
      : layer(layer), hw(hw), mapping(mapping),
        depthwise(layer.layerClass == cost::LayerClass::DepthwiseConv) {}

  std::optional<TimeloopInput> run(std::string &error);

private:
  std::optional<std::string> check() const;
  void computeFactors();
  void completeFactors(TimeloopDim &dim);
  Json problemJson() const;
  Json architectureJson() const;
  Json mappingJson() const;
  void warnOfWorkingSets();

  /// The DiGamma dimension a level spreads: a depthwise layer's K is its C,
  /// as the cost model reads it.
  cost::Dim parallelDim(int level) const {
    cost::Dim par = mapping.level(level).parallelDim;
    return depthwise && par == cost::Dim::K ? cost::Dim::C : par;
  }
  std::string factorString(int level, bool spatial) const;
  std::string permutation(int level, bool spatial) const;
  int64_t wordBits() const { return 8 * hw.bytesPerElement; }

  const cost::Layer &layer;
  const cost::Hardware &hw;
  const cost::Mapping &mapping;
  const bool depthwise;
  /// Units each level's spatial map spreads over: N0, then P_1..P_L.
  std::array<int64_t, cost::kMaxLevels> fanout{};
  int64_t usedPEs = 1;
  std::vector<TimeloopDim> dims;
  std::vector<std::string> warnings, notes;
};

} // namespace

std::optional<std::string> Exporter::check() const {
  if (cost::LayerFault fault = cost::findLayerFault(layer);
      fault != cost::LayerFault::None)
    return cost::describeLayerFault(layer, fault);
  if (hw.numPEs < 1)
    return "the hardware has " + std::to_string(hw.numPEs) + " PEs";
  if (hw.bytesPerElement < 1 || hw.bytesPerElement > 64)
    return "the hardware's element size (" +
           std::to_string(hw.bytesPerElement) +
           " bytes) is outside [1, 64]";
  if (mapping.numLevels < 1 || mapping.numLevels > cost::kMaxLevels)
    return "the mapping has " + std::to_string(mapping.numLevels) +
           " levels; 1 to " + std::to_string(cost::kMaxLevels) +
           " are possible";
  int64_t inner = 1;
  for (int l = 0; l < mapping.numLevels; ++l) {
    const cost::MappingLevel &level = mapping.level(l);
    for (cost::Dim d : cost::kAllDims)
      if (level.tile(d) < 1)
        return "level " + std::to_string(l) + " has a " + digammaName(d) +
               " tile of " + std::to_string(level.tile(d));
    std::array<bool, cost::kNumDims> seen{};
    for (cost::Dim d : level.order)
      seen[static_cast<int>(d)] = true;
    if (std::count(seen.begin(), seen.end(), true) != cost::kNumDims)
      return "level " + std::to_string(l) +
             "'s loop order is not a permutation of K, C, Y, X, R, S";
    if (l == 0)
      continue;
    if (level.clusterSize < 1 ||
        __builtin_mul_overflow(inner, level.clusterSize, &inner) ||
        inner > hw.numPEs)
      return "the cluster sizes of levels 1 to " +
             std::to_string(mapping.numLevels - 1) + " need more than the " +
             std::to_string(hw.numPEs) + " PEs";
  }
  int64_t extents[] = {layer.n, layer.k, layer.c, layer.outY(), layer.outX(),
                       layer.r, layer.s, layer.strideY, layer.strideX,
                       layer.dilationY, layer.dilationX};
  for (int64_t extent : extents)
    if (extent > kMaxTimeloopFactor)
      return "an extent, stride or dilation (" + std::to_string(extent) +
             ") exceeds 2^31 - 1, the largest factor Timeloop reads";
  return std::nullopt;
}

void Exporter::computeFactors() {
  int64_t inner = 1;
  for (int l = 1; l < mapping.numLevels; ++l) {
    fanout[l] = mapping.level(l).clusterSize;
    inner *= fanout[l];
  }
  fanout[0] = hw.numPEs / inner;
  usedPEs = fanout[0] * inner;

  const cost::Dim order[] = {cost::Dim::S, cost::Dim::R, cost::Dim::X,
                             cost::Dim::Y, cost::Dim::C, cost::Dim::K};
  for (cost::Dim d : order) {
    if (depthwise && d == cost::Dim::K)
      continue;
    TimeloopDim dim;
    dim.name = timeloopName(d);
    dim.source = d;
    dim.extent = layer.mappedExtent(d);
    // DiGamma's nest: a level iterates its extent in tiles, the spatial
    // dimension's tiles spread over the level's units (folded in time when
    // they are more); the next level's extent is this level's tile.
    std::array<int64_t, cost::kMaxLevels> tile{}, units{};
    int64_t extent = dim.extent;
    for (int l = 0; l < mapping.numLevels; ++l) {
      tile[l] = std::min(mapping.level(l).tile(d), extent);
      units[l] = parallelDim(l) == d
                     ? std::min(fanout[l], ceilDiv(extent, tile[l]))
                     : 1;
      extent = tile[l];
    }
    // Timeloop's tiles, innermost first: DiGamma's, each level's units and
    // fold count kept. Below the top, a parent tile must be a whole number
    // of its level's tiles: one that is not is rounded up, which keeps
    // every tile and unit count and grows only the parent. A parent that
    // spans the whole dimension is exact all the same: its growth is
    // Timeloop's residual, which shortens the last tile as DiGamma does.
    dim.pe.end = tile[mapping.numLevels - 1];
    int64_t block = dim.pe.end;
    for (int l = mapping.numLevels - 1; l >= 1; --l) {
      dim.spatial[l].end = units[l];
      dim.temporal[l].end = ceilDiv(tile[l - 1], units[l] * block);
      block *= units[l] * dim.temporal[l].end;
      if (block != tile[l - 1] && tile[l - 1] != dim.extent)
        warnings.push_back(
            "level " + std::to_string(l - 1) + "'s " + digammaName(d) +
            " tile (Timeloop " + std::string(1, dim.name) + ") of " +
            std::to_string(tile[l - 1]) +
            " is no whole number of level " + std::to_string(l) +
            "'s tiles, which Timeloop needs below the top level; "
            "exported as " +
            std::to_string(block));
    }
    // The top's edges are Timeloop residuals (completeFactors()).
    dim.spatial[0].end = parallelDim(0) == d
                             ? std::min(fanout[0], ceilDiv(dim.extent, block))
                             : 1;
    dim.temporal[0].end = ceilDiv(dim.extent, block * dim.spatial[0].end);
    completeFactors(dim);
    dims.push_back(dim);
  }
  // Batch and groups: loops around the whole mapping, at DRAM.
  TimeloopDim batch;
  batch.name = 'N';
  batch.extent = layer.n / layer.groups;
  batch.temporal[0] = {batch.extent, batch.extent};
  dims.push_back(batch);
  if (layer.groups > 1) {
    TimeloopDim groups;
    groups.name = 'G';
    groups.extent = layer.groups;
    groups.temporal[0] = {groups.extent, groups.extent};
    dims.push_back(groups);
  }
}

/// Sets every residual so that the factors cover the extent exactly, as
/// Timeloop requires: DiGamma's top-level edge (a last tile that is
/// shorter, a last spatial step with fewer units) is Timeloop's imperfect
/// factorization, whose globally last iteration runs each loop to its
/// residual. The residuals are the digits of extent - 1 in the mixed radix
/// of the factors, innermost first (Timeloop's own check).
void Exporter::completeFactors(TimeloopDim &dim) {
  std::vector<Factor *> chain = {&dim.pe};
  for (int l = mapping.numLevels - 1; l >= 0; --l) {
    chain.push_back(&dim.spatial[l]);
    chain.push_back(&dim.temporal[l]);
  }
  int64_t rest = dim.extent - 1;
  for (Factor *factor : chain) {
    factor->residual = rest % factor->end + 1;
    rest /= factor->end;
  }
}

Json Exporter::problemJson() const {
  auto term = [](std::initializer_list<std::string> names) {
    return Json(names);
  };
  std::string channel = depthwise ? "C" : "M";
  Json dimensions = Json::array();
  for (const TimeloopDim &dim : dims)
    dimensions.push_back(std::string(1, dim.name));
  bool grouped = layer.groups > 1;
  auto withGroups = [&](Json projection) {
    if (grouped)
      projection.insert(projection.begin(), Json::array({term({"G"})}));
    return projection;
  };
  Json weights = depthwise ? Json::array({Json::array({term({"C"})})})
                           : Json::array({Json::array({term({"C"})}),
                                          Json::array({term({"M"})})});
  weights.push_back(Json::array({term({"R"})}));
  weights.push_back(Json::array({term({"S"})}));
  Json inputs = Json::array({Json::array({term({"C"})}),
                             Json::array({term({"R", "Wdilation"}),
                                          term({"P", "Wstride"})}),
                             Json::array({term({"S", "Hdilation"}),
                                          term({"Q", "Hstride"})})});
  Json outputs = Json::array({Json::array({term({channel})}),
                              Json::array({term({"Q"})}),
                              Json::array({term({"P"})})});
  inputs.insert(inputs.begin(), Json::array({term({"N"})}));
  outputs.insert(outputs.begin(), Json::array({term({"N"})}));

  Json coefficients = Json::array();
  for (const char *name : {"Wstride", "Hstride", "Wdilation", "Hdilation"})
    coefficients.push_back({{"name", name}, {"default", 1}});
  Json shape = {
      {"name", depthwise ? "DiGamma_DepthwiseConv" : "DiGamma_Conv"},
      {"dimensions", dimensions},
      {"coefficients", coefficients},
      {"data_spaces",
       Json::array({{{"name", "Weights"}, {"projection", withGroups(weights)}},
                    {{"name", "Inputs"}, {"projection", withGroups(inputs)}},
                    {{"name", "Outputs"},
                     {"projection", withGroups(outputs)},
                     {"read_write", true}}})}};
  Json instance = Json::object();
  for (const TimeloopDim &dim : dims)
    instance[std::string(1, dim.name)] = dim.extent;
  instance["Wstride"] = layer.strideX;
  instance["Hstride"] = layer.strideY;
  instance["Wdilation"] = layer.dilationX;
  instance["Hdilation"] = layer.dilationY;
  return {{"problem", {{"shape", shape}, {"instance", instance}}}};
}

Json Exporter::architectureJson() const {
  const int64_t bits = wordBits();
  auto storage = [&](const char *name, const char *className,
                     int64_t depthWords) {
    Json attributes = Json::object();
    if (depthWords != cost::kUnbounded)
      attributes["depth"] = depthWords;
    attributes["width"] = bits;
    attributes["word_bits"] = bits;
    attributes["block_size"] = 1;
    return Json{{"name", name},
                {"class", className},
                {"attributes", attributes}};
  };
  auto capacity = [](int64_t elements) {
    return elements > kMaxTimeloopDepth ? cost::kUnbounded : elements;
  };

  // DRAM: one shared read/write link, as the cost model's off-chip link.
  Json dram = storage("DRAM", "DRAM", cost::kUnbounded);
  if (!cost::isOffchipUnbounded(hw))
    dram["attributes"]["shared_bandwidth"] =
        double(cost::offchipBytesPerCycle(hw)) / double(hw.bytesPerElement);
  bool ownSizes = false;
  Json scale = Json::object();
  const std::pair<const char *, cost::Operand> tensors[] = {
      {"Weights", cost::Operand::Weight},
      {"Inputs", cost::Operand::Input},
      {"Outputs", cost::Operand::Output}};
  for (auto [name, operand] : tensors) {
    int64_t bytes = layer.operandBytes(operand, hw.bytesPerElement);
    ownSizes |= bytes != hw.bytesPerElement;
    scale[name] = double(bytes) / double(hw.bytesPerElement);
  }
  if (ownSizes)
    dram["attributes"]["per_dataspace_bandwidth_consumption_scale"] = scale;

  Json globalBuffer =
      storage("GlobalBuffer", "SRAM", capacity(hw.l2Elements));
  if (!cost::isNocUnbounded(hw))
    globalBuffer["attributes"]["shared_bandwidth"] =
        double(cost::nocBytesPerCycle(hw)) / double(hw.bytesPerElement);

  // The innermost subtree: per-PE buffer and MAC; then the clusters around
  // it, innermost first. meshX counts the units of all inner levels, so
  // that every cluster level fans out in X and the top level in Y.
  int64_t meshX = usedPEs / fanout[0];
  Json peBuffer = storage("PEBuffer", "regfile", capacity(hw.l1Elements));
  peBuffer["attributes"]["meshX"] = meshX;
  Json mac = {{"name", "MAC"},
              {"class", "intmac"},
              {"attributes", {{"word_bits", bits}, {"meshX", meshX}}}};
  auto instances = [](const std::string &name, int64_t count) {
    return count > 1 ? name + "[0.." + std::to_string(count - 1) + "]"
                     : name;
  };
  const int last = mapping.numLevels - 1;
  Json subtree = {{"name", instances("PE", fanout[last])},
                  {"local", Json::array({peBuffer, mac})}};
  for (int l = last; l >= 1; --l) {
    meshX /= fanout[l];
    std::string name = "Cluster" + std::to_string(l);
    Json cluster = storage(name.c_str(), "regfile", 1);
    cluster["attributes"]["meshX"] = meshX;
    subtree = {{"name", instances(name, fanout[l - 1])},
               {"local", Json::array({cluster})},
               {"subtree", Json::array({subtree})}};
  }
  Json chip = {{"name", "Chip"},
               {"local", Json::array({globalBuffer})},
               {"subtree", Json::array({subtree})}};
  Json system = {{"name", "System"},
                 {"local", Json::array({dram})},
                 {"subtree", Json::array({chip})}};
  return {{"architecture",
           {{"version", "0.3"}, {"subtree", Json::array({system})}}}};
}

std::string Exporter::factorString(int level, bool spatial) const {
  std::string text;
  for (const TimeloopDim &dim : dims) {
    Factor factor;
    if (level < 0)
      factor = dim.pe;
    else if (level < mapping.numLevels)
      factor = spatial ? dim.spatial[level] : dim.temporal[level];
    if (!text.empty())
      text += ' ';
    text += dim.name;
    text += '=' + std::to_string(factor.end);
    if (factor.residual != factor.end)
      text += ',' + std::to_string(factor.residual);
  }
  return text;
}

/// Timeloop lists loops innermost first; DiGamma's orders are outermost
/// first. A spatial level lists its spread dimension first.
std::string Exporter::permutation(int level, bool spatial) const {
  // The innermost tile runs in the last level's order.
  const cost::MappingLevel &source =
      mapping.level(level < 0 ? mapping.numLevels - 1 : level);
  std::string text;
  if (spatial)
    text += timeloopName(parallelDim(level));
  for (auto it = source.order.rbegin(); it != source.order.rend(); ++it) {
    if (depthwise && *it == cost::Dim::K)
      continue;
    char name = timeloopName(*it);
    if (text.find(name) == std::string::npos)
      text += name;
  }
  text += 'N';
  if (layer.groups > 1)
    text += 'G';
  return text;
}

Json Exporter::mappingJson() const {
  Json directives = Json::array();
  auto temporal = [&](const std::string &target, int level) {
    directives.push_back({{"target", target},
                          {"type", "temporal"},
                          {"factors", factorString(level, false)},
                          {"permutation", permutation(level, false)}});
  };
  // split: how many leading permutation entries go to the X axis.
  auto spatial = [&](const std::string &target, int level, bool alongX) {
    if (fanout[level] <= 1)
      return; // No fan-out: Timeloop has no spatial level here.
    std::string order = permutation(level, true);
    directives.push_back({{"target", target},
                          {"type", "spatial"},
                          {"factors", factorString(level, true)},
                          {"permutation", order},
                          {"split", alongX ? int64_t(order.size()) : 0}});
  };
  auto keep = [&](const std::string &target, bool keepAll) {
    Json all = Json::array({"Weights", "Inputs", "Outputs"});
    directives.push_back({{"target", target},
                          {"type", "bypass"},
                          {"keep", keepAll ? all : Json::array()},
                          {"bypass", keepAll ? Json::array() : all}});
  };

  temporal("DRAM", 0);
  keep("DRAM", true);
  // The global buffer's own loops: none (every factor 1; a level past
  // the mapping's has no factors).
  directives.push_back({{"target", "GlobalBuffer"},
                        {"type", "temporal"},
                        {"factors", factorString(mapping.numLevels, false)},
                        {"permutation", permutation(0, false)}});
  spatial("GlobalBuffer", 0, /*alongX=*/false);
  keep("GlobalBuffer", true);
  for (int l = 1; l < mapping.numLevels; ++l) {
    std::string name = "Cluster" + std::to_string(l);
    temporal(name, l);
    spatial(name, l, /*alongX=*/true);
    keep(name, false);
  }
  temporal("PEBuffer", -1);
  keep("PEBuffer", true);
  return {{"mapping", directives}};
}

/// Timeloop refuses a mapping whose working set at a level exceeds the
/// level's depth: say so here. DiGamma sizes each buffer for two tiles
/// (double buffering); Timeloop's throughput model already overlaps fills
/// with compute, so the export gives it the whole depth for one tile
/// (multiple_buffering 1), whose working set counts edge tiles as full.
void Exporter::warnOfWorkingSets() {
  auto note = [&](const char *level, int64_t capacity, bool includeAll) {
    if (capacity == cost::kUnbounded || capacity > kMaxTimeloopDepth)
      return;
    auto extent = [&](char name) -> int64_t {
      for (const TimeloopDim &dim : dims) {
        if (dim.name != name)
          continue;
        int64_t product = dim.pe.end;
        if (includeAll)
          for (int l = 0; l < mapping.numLevels; ++l)
            product *= dim.spatial[l].end * (l > 0 ? dim.temporal[l].end : 1);
        return product;
      }
      return 1;
    };
    int64_t width = (extent('P') - 1) * layer.strideX +
                    (extent('R') - 1) * layer.dilationX + 1;
    int64_t height = (extent('Q') - 1) * layer.strideY +
                     (extent('S') - 1) * layer.dilationY + 1;
    int64_t groups = extent('G'), batch = extent('N');
    int64_t channels = extent(depthwise ? 'C' : 'M');
    double words =
        double(groups) *
        (double(extent('C')) * double(depthwise ? 1 : extent('M')) *
             double(extent('R')) * double(extent('S')) +
         double(batch) * double(extent('C')) * double(height) *
             double(width) +
         double(batch) * double(channels) * double(extent('Q')) *
             double(extent('P')));
    if (words <= double(capacity))
      return;
    warnings.push_back(std::string(level) + ": Timeloop's working set of " +
                    std::to_string(int64_t(words)) + " words exceeds the " +
                    std::to_string(capacity) +
                    " words DiGamma sized; timeloop-model will reject the "
                    "mapping unless the depth is raised");
  };
  note("GlobalBuffer", hw.l2Elements, /*includeAll=*/true);
  note("PEBuffer", hw.l1Elements, /*includeAll=*/false);
}

std::optional<TimeloopInput> Exporter::run(std::string &error) {
  if (std::optional<std::string> fault = check()) {
    error = *fault;
    return std::nullopt;
  }
  computeFactors();
  if (usedPEs < hw.numPEs)
    notes.push_back("the hardware has " + std::to_string(hw.numPEs) +
                    " PEs and the mapping spreads over " +
                    std::to_string(usedPEs) +
                    "; Timeloop's array has only those (DiGamma counts the "
                    "idle ones in area, not in time)");
  for (auto [operand, name] :
       {std::pair{cost::Operand::Input, "input"},
        std::pair{cost::Operand::Weight, "weight"},
        std::pair{cost::Operand::Output, "output"}}) {
    int64_t bytes = layer.operandBytes(operand, hw.bytesPerElement);
    if (bytes != hw.bytesPerElement)
      notes.push_back(std::string("the ") + name + " elements have " +
                      std::to_string(bytes) + " bytes, the hardware's word " +
                      std::to_string(hw.bytesPerElement) +
                      ": Timeloop has one word size per level, so DRAM "
                      "scales the tensor's bandwidth use and every "
                      "capacity counts words");
  }
  warnOfWorkingSets();
  TimeloopInput input;
  input.problem = problemJson().dump(2) + "\n";
  input.architecture = architectureJson().dump(2) + "\n";
  input.mapping = mappingJson().dump(2) + "\n";
  input.warnings = std::move(warnings);
  input.notes = std::move(notes);
  return input;
}

std::optional<TimeloopInput>
digamma::api::exportTimeloop(const cost::Layer &layer,
                             const cost::Hardware &hw,
                             const cost::Mapping &mapping,
                             std::string &error) {
  return Exporter(layer, hw, mapping).run(error);
}
