//===- MapSpaceAttrs.cpp - #digamma.map_space and its levels --------------===//
//
// The syntax, verifiers and search-library form of the map-space attributes,
// and the check of a #digamma.mapping against one. The rules themselves are
// the search library's (digamma/Search/MapSpace.h): the IR only spells them.
//
//===----------------------------------------------------------------------===//

#include "digamma/Dialect/Digamma/IR/DigammaAttrs.h"
#include "digamma/Dialect/Digamma/IR/DigammaDialect.h"

#include "digamma/Search/Options.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/Operation.h"
#include "llvm/ADT/StringSet.h"

using namespace mlir;
using namespace digamma;

//===----------------------------------------------------------------------===//
// Rules as integers
//===----------------------------------------------------------------------===//

/// The number of mapped dimensions (K, C, Y, X, R, S).
static constexpr int64_t kNumMapped = cost::kNumDims;

static search::SizeRule ruleOf(int64_t encoded) {
  if (encoded > 0)
    return search::SizeRule::fixed(encoded);
  if (encoded < 0)
    return search::SizeRule::parentTile(cost::Dim(-1 - encoded));
  return {};
}

static cost::Dim dimOf(DimRole role) {
  return cost::Dim(mappedDimIndex(role));
}

//===----------------------------------------------------------------------===//
// #digamma.map_space_level
//===----------------------------------------------------------------------===//

/// A mapped dimension's name (K, C, Y, X, R or S) as its index.
static ParseResult parseMappedDim(AsmParser &parser, int &index) {
  SMLoc loc = parser.getCurrentLocation();
  StringRef name;
  if (parser.parseKeyword(&name))
    return failure();
  std::optional<DimRole> role = symbolizeDimRole(name);
  index = role ? mappedDimIndex(*role) : -1;
  if (index < 0)
    return parser.emitError(loc, "expected a dimension K, C, Y, X, R or S, "
                                 "got '")
           << name << "'";
  return success();
}

static ParseResult parseDimList(AsmParser &parser,
                                SmallVectorImpl<DimRole> &dims) {
  return parser.parseCommaSeparatedList(
      AsmParser::Delimiter::Square, [&]() -> ParseResult {
        int index;
        if (parseMappedDim(parser, index))
          return failure();
        dims.push_back(kMappedDims[index]);
        return success();
      });
}

/// A size: an integer of at least 1, or a dimension (its parent tile).
static ParseResult parseSize(AsmParser &parser, int64_t &encoded) {
  SMLoc loc = parser.getCurrentLocation();
  int64_t value = 0;
  OptionalParseResult integer = parser.parseOptionalInteger(value);
  if (integer.has_value()) {
    if (failed(*integer))
      return failure();
    if (value < 1)
      return parser.emitError(loc, "expected a size of at least 1, got ")
             << value;
    encoded = value;
    return success();
  }
  int index;
  if (parseMappedDim(parser, index))
    return failure();
  encoded = -1 - index;
  return success();
}

Attribute MapSpaceLevelAttr::parse(AsmParser &parser, Type) {
  SmallVector<DimRole> parallel, order;
  int64_t size = 0;
  SmallVector<int64_t> tiles(kNumMapped, 0);
  llvm::StringSet<> seen;
  SMLoc start = parser.getCurrentLocation();
  if (parser.parseLess())
    return {};
  if (failed(parser.parseOptionalGreater())) {
    do {
      SMLoc loc = parser.getCurrentLocation();
      StringRef key;
      if (parser.parseKeyword(&key) || parser.parseEqual())
        return {};
      if (!seen.insert(key).second) {
        parser.emitError(loc, "map_space_level entry '") << key << "' twice";
        return {};
      }
      ParseResult parsed = failure();
      if (key == "parallel") {
        parsed = parseDimList(parser, parallel);
      } else if (key == "size") {
        parsed = parseSize(parser, size);
      } else if (key == "order") {
        parsed = parseDimList(parser, order);
      } else if (key == "tiles") {
        parsed = parser.parseCommaSeparatedList(
            AsmParser::Delimiter::Braces, [&]() -> ParseResult {
              int index;
              if (parseMappedDim(parser, index) || parser.parseEqual())
                return failure();
              return parseSize(parser, tiles[index]);
            });
      } else {
        parser.emitError(loc, "unknown map_space_level entry '")
            << key << "'; expected parallel, size, order or tiles";
        return {};
      }
      if (failed(parsed))
        return {};
    } while (succeeded(parser.parseOptionalComma()));
    if (parser.parseGreater())
      return {};
  }
  // The generated getChecked (the storage class lives in DigammaAttrs.cpp).
  return MapSpaceLevelAttr::getChecked(
      [&] { return parser.emitError(start); }, parser.getContext(),
      ArrayRef<DimRole>(parallel), size, ArrayRef<DimRole>(order),
      ArrayRef<int64_t>(tiles));
}

static void printSize(AsmPrinter &printer, int64_t encoded) {
  if (encoded > 0)
    printer << encoded;
  else
    printer << stringifyDimRole(kMappedDims[-1 - encoded]);
}

void MapSpaceLevelAttr::print(AsmPrinter &printer) const {
  printer << "<";
  const char *separator = "";
  auto entry = [&](StringRef key) {
    printer << separator << key << " = ";
    separator = ", ";
  };
  auto printDims = [&](ArrayRef<DimRole> dims) {
    printer << "[";
    llvm::interleaveComma(dims, printer,
                          [&](DimRole role) { printer << stringifyDimRole(role); });
    printer << "]";
  };
  if (!getParallel().empty()) {
    entry("parallel");
    printDims(getParallel());
  }
  if (getSize() != 0) {
    entry("size");
    printSize(printer, getSize());
  }
  if (!getOrder().empty()) {
    entry("order");
    printDims(getOrder());
  }
  if (llvm::any_of(getTiles(), [](int64_t rule) { return rule != 0; })) {
    entry("tiles");
    printer << "{";
    const char *tileSeparator = "";
    for (auto [index, rule] : llvm::enumerate(getTiles())) {
      if (rule == 0)
        continue;
      printer << tileSeparator << stringifyDimRole(kMappedDims[index]) << " = ";
      printSize(printer, rule);
      tileSeparator = ", ";
    }
    printer << "}";
  }
  printer << ">";
}

/// Mapped dimensions, each once.
static LogicalResult verifyDims(function_ref<InFlightDiagnostic()> emitError,
                                StringRef what, ArrayRef<DimRole> dims) {
  unsigned seen = 0;
  for (DimRole role : dims) {
    int index = mappedDimIndex(role);
    if (index < 0)
      return emitError() << what << " names " << stringifyDimRole(role)
                         << "; expected K, C, Y, X, R or S";
    if (seen & (1u << index))
      return emitError() << what << " names " << stringifyDimRole(role)
                         << " twice";
    seen |= 1u << index;
  }
  return success();
}

LogicalResult
MapSpaceLevelAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                          ArrayRef<DimRole> parallel, int64_t size,
                          ArrayRef<DimRole> order, ArrayRef<int64_t> tiles) {
  if (failed(verifyDims(emitError, "the parallel dimensions", parallel)) ||
      failed(verifyDims(emitError, "the loop order", order)))
    return failure();
  if (tiles.size() != size_t(kNumMapped))
    return emitError() << "expected 6 tile rules (K, C, Y, X, R, S), got "
                       << tiles.size();
  for (int64_t rule : llvm::concat<const int64_t>(ArrayRef<int64_t>(size), tiles))
    if (rule < -kNumMapped)
      return emitError() << "invalid size rule " << rule;
  return success();
}

search::MapSpaceLevel MapSpaceLevelAttr::toMapSpaceLevel() const {
  search::MapSpaceLevel level;
  for (DimRole role : getParallel())
    level.parallelDims |= uint8_t(1u << mappedDimIndex(role));
  level.parallelSize = ruleOf(getSize());
  level.orderPrefixLength = static_cast<int>(getOrder().size());
  for (auto [index, role] : llvm::enumerate(getOrder()))
    level.orderPrefix[index] = dimOf(role);
  for (auto [index, rule] : llvm::enumerate(getTiles()))
    level.tiles[index] = ruleOf(rule);
  return level;
}

//===----------------------------------------------------------------------===//
// #digamma.map_space
//===----------------------------------------------------------------------===//

/// The space of verified levels; levels of another kind are skipped.
static search::MapSpace buildMapSpace(StringRef name, ArrayAttr levels) {
  search::MapSpace space;
  space.name = name.str();
  for (Attribute attr : levels)
    if (auto level = dyn_cast<MapSpaceLevelAttr>(attr);
        level && space.numLevels < cost::kMaxLevels)
      space.levels[space.numLevels++] = level.toMapSpaceLevel();
  return space;
}

LogicalResult MapSpaceAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                                   StringRef name, ArrayAttr levels) {
  if (levels.empty() || levels.size() > 3)
    return emitError() << "expected 1 to 3 map-space levels, got "
                       << levels.size();
  for (auto [index, attr] : llvm::enumerate(levels))
    if (!isa<MapSpaceLevelAttr>(attr))
      return emitError() << "map-space level #" << index
                         << " must be a #digamma.map_space_level, got "
                         << attr;
  if (std::optional<std::string> error =
          search::validateMapSpace(buildMapSpace(name, levels)))
    return emitError() << *error;
  return success();
}

search::MapSpace MapSpaceAttr::toMapSpace() const {
  return buildMapSpace(getName(), getLevels());
}

//===----------------------------------------------------------------------===//
// A mapping against a map space
//===----------------------------------------------------------------------===//

std::optional<cost::Mapping> digamma::convertMapping(MappingAttr mapping) {
  if (!mapping)
    return std::nullopt;
  SmallVector<LevelAttr> levels = mapping.getLevelAttrs();
  if (levels.empty() || levels.size() > size_t(cost::kMaxLevels) ||
      levels.size() != mapping.getLevels().size())
    return std::nullopt;
  cost::Mapping result;
  result.numLevels = static_cast<int>(levels.size());
  for (auto [index, level] : llvm::enumerate(levels)) {
    if (mappedDimIndex(level.getParallel()) < 0 ||
        level.getOrder().size() != size_t(cost::kNumDims) ||
        level.getTiles().size() != size_t(cost::kNumDims))
      return std::nullopt;
    cost::MappingLevel &out = result.level(static_cast<int>(index));
    out.parallelDim = dimOf(level.getParallel());
    out.clusterSize = level.getCluster();
    for (int d = 0; d < cost::kNumDims; ++d) {
      if (mappedDimIndex(level.getOrder()[d]) < 0)
        return std::nullopt;
      out.order[d] = dimOf(level.getOrder()[d]);
      out.tiles[d] = level.getTiles()[d];
    }
  }
  return result;
}

std::optional<std::string>
digamma::describeMapSpaceViolation(MappingAttr mapping, MapSpaceAttr mapSpace,
                                   LoopNestAttr loopNest, HwAttr hw) {
  std::optional<cost::Mapping> converted = convertMapping(mapping);
  if (!converted)
    return std::nullopt; // the mapping's own verifier reports it
  std::array<int64_t, cost::kNumDims> extent{};
  if (loopNest)
    for (int d = 0; d < cost::kNumDims; ++d)
      extent[d] = std::max<int64_t>(loopNest.getRoleExtent(kMappedDims[d]), 1);
  search::MapSpace space = mapSpace.toMapSpace();
  if (std::optional<search::MapSpaceViolation> violation = search::findViolation(
          space, extent, *converted, hw ? hw.getNumPes() : 0,
          loopNest && loopNest.getLayerClass() == LayerClass::Depthwise))
    return search::describeViolation(space, *violation);
  return std::nullopt;
}

MapSpaceAttr digamma::findMapSpace(Operation *op) {
  DigammaDialect::MapSpaceAttrHelper helper(op->getContext());
  for (; op; op = op->getParentOp())
    if (auto space = dyn_cast_or_null<MapSpaceAttr>(
            op->getAttr(helper.getName())))
      return space;
  return {};
}
