//===- DigammaAttrs.cpp - Attributes of the digamma dialect ---------------===//
//
// Custom assembly of #digamma.loop_nest, the attribute verifiers, and the
// registration of all attributes (this translation unit holds the generated
// storage classes).
//
//===----------------------------------------------------------------------===//

#include "digamma/Dialect/Digamma/IR/DigammaAttrs.h"
#include "digamma/Dialect/Digamma/IR/DigammaDialect.h"

#include "mlir/IR/AffineExpr.h"
#include "mlir/IR/Builders.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/TypeSwitch.h"
#include "llvm/Support/MathExtras.h"

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <limits>

using namespace mlir;
using namespace digamma;

#include "digamma/Dialect/Digamma/IR/DigammaEnums.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "digamma/Dialect/Digamma/IR/DigammaAttrs.cpp.inc"

void DigammaDialect::registerAttributes() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "digamma/Dialect/Digamma/IR/DigammaAttrs.cpp.inc"
      >();
}

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

FailureOr<llvm::APFloat> digamma::parseDoubleParameter(AsmParser &parser) {
  // Accept integer literals too (`area_um2 = 2000000`).
  bool negative = succeeded(parser.parseOptionalMinus());
  double value = 0.0;
  uint64_t integer = 0;
  SMLoc loc = parser.getCurrentLocation();
  OptionalParseResult intResult = parser.parseOptionalInteger(integer);
  if (intResult.has_value()) {
    if (failed(*intResult))
      return failure();
    value = static_cast<double>(integer);
    // `2e6` lexes as the integer 2 and the keyword e6: say what is wrong
    // instead of "expected ','".
    StringRef exponent;
    if (succeeded(parser.parseOptionalKeyword(&exponent)))
      return parser.emitError(loc, "expected a number; write a float with a "
                                   "'.' before its exponent (2.0e6, not 2e6)");
  } else if (parser.parseFloat(value)) {
    return failure();
  }
  return llvm::APFloat(negative ? -value : value);
}

void digamma::printDoubleParameter(AsmPrinter &printer,
                                   const llvm::APFloat &value) {
  double d = value.convertToDouble();
  char buffer[64];
  // Shortest %g precision that reads back to the same double.
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buffer, sizeof(buffer), "%.*g", precision, d);
    if (std::strtod(buffer, nullptr) == d)
      break;
  }
  std::string text(buffer);
  // MLIR float literals need a '.' before any exponent.
  if (text.find_first_of(".ni") == std::string::npos) {
    size_t e = text.find('e');
    if (e == std::string::npos)
      text += ".0";
    else
      text.insert(e, ".0");
  }
  printer << text;
}

int digamma::mappedDimIndex(DimRole role) {
  for (auto [index, dim] : llvm::enumerate(kMappedDims))
    if (dim == role)
      return static_cast<int>(index);
  return -1;
}

bool digamma::isSumOfScaledDims(AffineMap map) {
  if (map.getNumSymbols() != 0)
    return false;
  std::function<bool(AffineExpr)> isTerm = [&](AffineExpr expr) -> bool {
    if (isa<AffineDimExpr, AffineConstantExpr>(expr))
      return true;
    auto binary = dyn_cast<AffineBinaryOpExpr>(expr);
    if (!binary)
      return false;
    if (binary.getKind() == AffineExprKind::Add)
      return isTerm(binary.getLHS()) && isTerm(binary.getRHS());
    if (binary.getKind() == AffineExprKind::Mul)
      return isa<AffineDimExpr>(binary.getLHS()) &&
             isa<AffineConstantExpr>(binary.getRHS());
    return false;
  };
  return llvm::all_of(map.getResults(), isTerm);
}

//===----------------------------------------------------------------------===//
// LoopNestAttr
//===----------------------------------------------------------------------===//

std::optional<unsigned> LoopNestAttr::findRole(DimRole role) const {
  for (auto [index, r] : llvm::enumerate(getRoles()))
    if (r == role)
      return index;
  return std::nullopt;
}

int64_t LoopNestAttr::getRoleExtent(DimRole role) const {
  int64_t extent = 1;
  for (auto [r, bound] : llvm::zip(getRoles(), getBounds()))
    if (r == role && llvm::MulOverflow(extent, bound, extent))
      return std::numeric_limits<int64_t>::max(); // Saturate.
  return extent;
}

/// Parses `term (+ term)*` with term := int | name | name * int | int * name.
/// MLIR folds equal terms as they are added (`d * a + d * b` becomes
/// `d * (a + b)`, constants add up) without overflow checks, so the running
/// coefficient of every dimension and the running constant are checked here
/// first.
static FailureOr<AffineExpr>
parseIndexExpr(AsmParser &parser, const llvm::StringMap<unsigned> &dimIndex) {
  MLIRContext *ctx = parser.getContext();
  SMLoc exprLoc = parser.getCurrentLocation();
  SmallVector<int64_t> coefficients(dimIndex.size(), 0);
  int64_t constantSum = 0;
  // Adds \p value to \p sum; false on overflow.
  auto accumulate = [](int64_t &sum, int64_t value) {
    return !llvm::AddOverflow(sum, value, sum);
  };
  auto overflow = [&]() {
    return parser.emitError(exprLoc, "index expression overflows 64-bit "
                                     "integers");
  };
  auto parseTerm = [&]() -> FailureOr<AffineExpr> {
    int64_t constant = 0;
    OptionalParseResult intResult = parser.parseOptionalInteger(constant);
    if (intResult.has_value()) {
      if (failed(*intResult))
        return failure();
      if (failed(parser.parseOptionalStar())) {
        if (!accumulate(constantSum, constant))
          return overflow();
        return getAffineConstantExpr(constant, ctx);
      }
      // `int * name`.
      StringRef name;
      SMLoc loc = parser.getCurrentLocation();
      if (parser.parseKeyword(&name))
        return failure();
      auto it = dimIndex.find(name);
      if (it == dimIndex.end())
        return parser.emitError(loc, "unknown dimension '") << name << "'";
      if (!accumulate(coefficients[it->second], constant))
        return overflow();
      return getAffineDimExpr(it->second, ctx) * constant;
    }
    StringRef name;
    SMLoc loc = parser.getCurrentLocation();
    if (parser.parseKeyword(&name))
      return failure();
    auto it = dimIndex.find(name);
    if (it == dimIndex.end())
      return parser.emitError(loc, "unknown dimension '") << name << "'";
    AffineExpr expr = getAffineDimExpr(it->second, ctx);
    constant = 1;
    if (succeeded(parser.parseOptionalStar())) {
      if (parser.parseInteger(constant))
        return failure();
      expr = expr * constant;
    }
    if (!accumulate(coefficients[it->second], constant))
      return overflow();
    return expr;
  };
  FailureOr<AffineExpr> expr = parseTerm();
  if (failed(expr))
    return failure();
  for (;;) {
    if (succeeded(parser.parseOptionalMinus()))
      return parser.emitError(parser.getCurrentLocation(),
                              "index expressions are sums: write 'x + -1', "
                              "not 'x - 1'");
    if (failed(parser.parseOptionalPlus()))
      break;
    FailureOr<AffineExpr> rhs = parseTerm();
    if (failed(rhs))
      return failure();
    expr = *expr + *rhs;
  }
  return expr;
}

Attribute LoopNestAttr::parse(AsmParser &parser, Type) {
  MLIRContext *ctx = parser.getContext();
  SMLoc startLoc = parser.getCurrentLocation();
  if (parser.parseLess())
    return {};

  StringRef classKeyword;
  SMLoc classLoc = parser.getCurrentLocation();
  if (parser.parseKeyword(&classKeyword))
    return {};
  std::optional<LayerClass> layerClass = symbolizeLayerClass(classKeyword);
  if (!layerClass) {
    parser.emitError(classLoc, "expected layer class conv, depthwise or gemm, "
                               "got '")
        << classKeyword << "'";
    return {};
  }

  SmallVector<StringAttr> names;
  SmallVector<int64_t> bounds;
  SmallVector<IteratorKind> iterators;
  SmallVector<DimRole> roles;
  llvm::StringMap<unsigned> dimIndex;

  auto parseDim = [&]() -> ParseResult {
    StringRef name, kindKeyword, roleKeyword;
    int64_t bound = 0;
    SMLoc nameLoc = parser.getCurrentLocation();
    if (parser.parseKeyword(&name) || parser.parseColon() ||
        parser.parseInteger(bound))
      return failure();
    SMLoc kindLoc = parser.getCurrentLocation();
    if (parser.parseKeyword(&kindKeyword))
      return failure();
    std::optional<IteratorKind> kind = symbolizeIteratorKind(kindKeyword);
    if (!kind)
      return parser.emitError(kindLoc, "expected iterator kind parallel, "
                                       "reduction or window, got '")
             << kindKeyword << "'";
    SMLoc roleLoc = parser.getCurrentLocation();
    if (parser.parseKeyword(&roleKeyword))
      return failure();
    std::optional<DimRole> role = symbolizeDimRole(roleKeyword);
    if (!role)
      return parser.emitError(roleLoc, "expected dimension role N, K, C, Y, "
                                       "X, R, S or G, got '")
             << roleKeyword << "'";
    if (!dimIndex.try_emplace(name, names.size()).second)
      return parser.emitError(nameLoc, "dimension name '")
             << name << "' is used twice";
    names.push_back(StringAttr::get(ctx, name));
    bounds.push_back(bound);
    iterators.push_back(*kind);
    roles.push_back(*role);
    return success();
  };

  SmallVector<int64_t> strides, dilations;
  auto parseIntList = [&](StringRef keyword,
                          SmallVectorImpl<int64_t> &values) -> ParseResult {
    return failure(
        parser.parseComma() || parser.parseKeyword(keyword) ||
        parser.parseEqual() ||
        parser.parseCommaSeparatedList(AsmParser::Delimiter::Square, [&]() {
          return parser.parseInteger(values.emplace_back());
        }));
  };

  SmallVector<AffineMap> maps;
  SmallVector<int64_t> elementBytes;
  auto parseOperand = [&]() -> ParseResult {
    SmallVector<AffineExpr> results;
    if (parser.parseCommaSeparatedList(
            AsmParser::Delimiter::Paren, [&]() -> ParseResult {
              FailureOr<AffineExpr> expr = parseIndexExpr(parser, dimIndex);
              if (failed(expr))
                return failure();
              results.push_back(*expr);
              return success();
            }))
      return failure();
    if (parser.parseColon() || parser.parseInteger(elementBytes.emplace_back()))
      return failure();
    maps.push_back(AffineMap::get(names.size(), 0, results, ctx));
    return success();
  };

  if (parser.parseComma() || parser.parseKeyword("dims") ||
      parser.parseEqual() ||
      parser.parseCommaSeparatedList(AsmParser::Delimiter::Square, parseDim) ||
      parseIntList("strides", strides) ||
      parseIntList("dilations", dilations) || parser.parseComma() ||
      parser.parseKeyword("operands") || parser.parseEqual() ||
      parser.parseCommaSeparatedList(AsmParser::Delimiter::Square,
                                     parseOperand) ||
      parser.parseGreater())
    return {};

  return parser.getChecked<LoopNestAttr>(startLoc, ctx, *layerClass, names,
                                         bounds, iterators, roles, strides,
                                         dilations, maps, elementBytes);
}

/// Prints \p expr as a sum of `name`, `name * c` and constants.
static void printIndexExpr(AsmPrinter &printer, AffineExpr expr,
                           ArrayRef<StringAttr> names) {
  if (auto dim = dyn_cast<AffineDimExpr>(expr)) {
    printer << names[dim.getPosition()].getValue();
    return;
  }
  if (auto constant = dyn_cast<AffineConstantExpr>(expr)) {
    printer << constant.getValue();
    return;
  }
  auto binary = cast<AffineBinaryOpExpr>(expr);
  printIndexExpr(printer, binary.getLHS(), names);
  printer << (binary.getKind() == AffineExprKind::Add ? " + " : " * ");
  printIndexExpr(printer, binary.getRHS(), names);
}

void LoopNestAttr::print(AsmPrinter &printer) const {
  printer << "<" << stringifyLayerClass(getLayerClass()) << ", dims = [";
  for (unsigned i = 0, e = getNumDims(); i < e; ++i) {
    if (i)
      printer << ", ";
    printer << getDimNames()[i].getValue() << ": " << getBounds()[i] << " "
            << stringifyIteratorKind(getIterators()[i]) << " "
            << stringifyDimRole(getRoles()[i]);
  }
  printer << "], strides = [";
  llvm::interleaveComma(getStrides(), printer);
  printer << "], dilations = [";
  llvm::interleaveComma(getDilations(), printer);
  printer << "], operands = [";
  for (auto [index, map] : llvm::enumerate(getIndexingMaps())) {
    if (index)
      printer << ", ";
    printer << "(";
    llvm::interleaveComma(map.getResults(), printer, [&](AffineExpr expr) {
      printIndexExpr(printer, expr, getDimNames());
    });
    printer << ") : " << getElementBytes()[index];
  }
  printer << "]>";
}

LogicalResult LoopNestAttr::verify(
    function_ref<InFlightDiagnostic()> emitError, LayerClass layerClass,
    ArrayRef<StringAttr> dimNames, ArrayRef<int64_t> bounds,
    ArrayRef<IteratorKind> iterators, ArrayRef<DimRole> roles,
    ArrayRef<int64_t> strides, ArrayRef<int64_t> dilations,
    ArrayRef<AffineMap> indexingMaps, ArrayRef<int64_t> elementBytes) {
  size_t numDims = bounds.size();
  if (numDims == 0)
    return emitError() << "loop nest needs at least one dimension";
  // Only reachable from C++: the assembly keeps these lists in step.
  if (dimNames.size() != numDims || iterators.size() != numDims ||
      roles.size() != numDims)
    return emitError() << "dimension names, bounds, iterators and roles must "
                          "have the same length";
  if (indexingMaps.size() != elementBytes.size())
    return emitError() << "expected one element size per indexing map";

  llvm::StringSet<> seen;
  for (StringAttr name : dimNames)
    if (!seen.insert(name.getValue()).second)
      return emitError() << "dimension name '" << name.getValue()
                         << "' is used twice";

  unsigned numWindows = 0;
  SmallVector<int, 8> roleOwner(8, -1);
  for (size_t i = 0; i < numDims; ++i) {
    StringRef name = dimNames[i].getValue();
    if (bounds[i] <= 0)
      return emitError() << "dimension '" << name << "' has non-positive bound "
                         << bounds[i];
    DimRole role = roles[i];
    bool unique = role == DimRole::Y || role == DimRole::X ||
                  role == DimRole::R || role == DimRole::S;
    int &owner = roleOwner[static_cast<int>(role)];
    if (unique && owner >= 0)
      return emitError() << "role " << stringifyDimRole(role)
                         << " is given to both '" << dimNames[owner].getValue()
                         << "' and '" << name << "'";
    owner = static_cast<int>(i);
    bool isWindow = iterators[i] == IteratorKind::Window;
    numWindows += isWindow;
    if ((role == DimRole::R || role == DimRole::S) && !isWindow)
      return emitError() << "dimension '" << name << "' with role "
                         << stringifyDimRole(role)
                         << " must be a window dimension";
    if (isWindow && role != DimRole::R && role != DimRole::S &&
        role != DimRole::C)
      return emitError() << "window dimension '" << name
                         << "' must have role R, S or C";
  }

  if (strides.size() != numWindows || dilations.size() != numWindows)
    return emitError() << "expected " << numWindows
                       << " strides and dilations (one per window dimension), "
                          "got "
                       << strides.size() << " and " << dilations.size();
  if (llvm::any_of(strides, [](int64_t s) { return s <= 0; }))
    return emitError() << "strides must be positive";
  if (llvm::any_of(dilations, [](int64_t d) { return d <= 0; }))
    return emitError() << "dilations must be positive";

  if (indexingMaps.empty())
    return emitError() << "loop nest needs at least one operand";
  for (auto [index, map] : llvm::enumerate(indexingMaps)) {
    if (map.getNumDims() != numDims || !isSumOfScaledDims(map))
      return emitError() << "operand #" << index
                         << " must be indexed by sums of scaled dimensions";
    if (elementBytes[index] <= 0)
      return emitError() << "operand #" << index
                         << " has non-positive element size "
                         << elementBytes[index];
  }

  if (layerClass == LayerClass::Gemm && numWindows != 0)
    return emitError() << "gemm loop nest must not have window dimensions";
  if (layerClass == LayerClass::Depthwise &&
      llvm::is_contained(roles, DimRole::K))
    return emitError() << "depthwise loop nest must not have a K dimension "
                          "(channels have role C)";
  return success();
}

//===----------------------------------------------------------------------===//
// HwAttr
//===----------------------------------------------------------------------===//

LogicalResult HwAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                             int64_t numPEs, ArrayRef<int64_t> clusterSizes,
                             int64_t l1Bytes, int64_t l2Bytes,
                             int64_t nocBandwidth, int64_t offchipBandwidth,
                             llvm::APFloat areaUm2, int64_t elementBytes,
                             ArrayRef<int64_t> tensorBytes) {
  if (numPEs <= 0)
    return emitError() << "number of PEs must be positive, got " << numPEs;
  if (clusterSizes.empty())
    return emitError() << "expected at least one cluster size";
  int64_t product = 1;
  for (int64_t size : clusterSizes) {
    if (size <= 0)
      return emitError() << "cluster sizes must be positive, got " << size;
    if (llvm::MulOverflow(product, size, product) || product > numPEs)
      return emitError() << "cluster sizes multiply to more than the " << numPEs
                         << " PEs";
  }
  if (l1Bytes <= 0 || l2Bytes <= 0)
    return emitError() << "buffer sizes must be positive";
  if (nocBandwidth <= 0 || offchipBandwidth <= 0)
    return emitError() << "bandwidths must be positive";
  if (areaUm2.isNegative() || areaUm2.isNaN())
    return emitError() << "area must be non-negative";
  // An infinite float would print as `inf`, which does not parse back.
  if (areaUm2.isInfinity())
    return emitError() << "area must be finite";
  if (elementBytes <= 0)
    return emitError() << "element_bytes must be positive, got "
                       << elementBytes;
  if (!tensorBytes.empty() && tensorBytes.size() != 3)
    return emitError() << "tensor_bytes needs the input's, weight's and "
                          "output's element size, got "
                       << tensorBytes.size() << " values";
  for (int64_t bytes : tensorBytes)
    if (bytes <= 0 || bytes > elementBytes)
      return emitError() << "tensor_bytes must be positive and at most "
                            "element_bytes ("
                         << elementBytes << "), got " << bytes;
  return success();
}

//===----------------------------------------------------------------------===//
// LevelAttr and MappingAttr
//===----------------------------------------------------------------------===//

LogicalResult LevelAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                                DimRole parallel, int64_t cluster,
                                ArrayRef<DimRole> order,
                                ArrayRef<int64_t> tiles) {
  if (mappedDimIndex(parallel) < 0)
    return emitError() << "parallel dimension must be one of K, C, Y, X, R, "
                          "S, got "
                       << stringifyDimRole(parallel);
  if (cluster <= 0)
    return emitError() << "cluster size must be positive, got " << cluster;
  bool seen[6] = {false, false, false, false, false, false};
  bool permutation = order.size() == 6;
  for (DimRole dim : order) {
    int index = mappedDimIndex(dim);
    if (index < 0 || seen[index]) {
      permutation = false;
      break;
    }
    seen[index] = true;
  }
  if (!permutation)
    return emitError() << "loop order must be a permutation of K, C, Y, X, "
                          "R, S";
  if (tiles.size() != 6)
    return emitError() << "expected 6 tile sizes (K, C, Y, X, R, S), got "
                       << tiles.size();
  for (auto [index, tile] : llvm::enumerate(tiles))
    if (tile <= 0)
      return emitError() << "tile size of "
                         << stringifyDimRole(kMappedDims[index])
                         << " must be positive, got " << tile;
  return success();
}

SmallVector<LevelAttr> MappingAttr::getLevelAttrs() const {
  SmallVector<LevelAttr> levels;
  for (Attribute attr : getLevels())
    if (auto level = dyn_cast<LevelAttr>(attr))
      levels.push_back(level);
  return levels;
}

LogicalResult MappingAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                                  ArrayAttr levels) {
  if (levels.empty() || levels.size() > 4)
    return emitError() << "expected 1 to 4 mapping levels, got "
                       << levels.size();
  LevelAttr previous;
  for (auto [index, attr] : llvm::enumerate(levels)) {
    auto level = dyn_cast<LevelAttr>(attr);
    if (!level)
      return emitError() << "mapping level #" << index
                         << " is not a #digamma.level attribute";
    if (previous) {
      for (unsigned d = 0; d < 6; ++d)
        if (level.getTiles()[d] > previous.getTiles()[d])
          return emitError() << "mapping level #" << index << " tile of "
                             << stringifyDimRole(kMappedDims[d]) << " ("
                             << level.getTiles()[d]
                             << ") exceeds the previous level's tile ("
                             << previous.getTiles()[d] << ")";
    }
    previous = level;
  }
  return success();
}

std::optional<std::string>
digamma::describeMappingMismatch(MappingAttr mapping, LoopNestAttr loopNest) {
  SmallVector<LevelAttr> levels = mapping.getLevelAttrs();
  for (auto [index, level] : llvm::enumerate(levels)) {
    std::string prefix = "mapping level #" + std::to_string(index);
    if (!loopNest.hasRole(level.getParallel()))
      return prefix + " parallel dimension " +
             stringifyDimRole(level.getParallel()).str() +
             " is not in the loop nest";
    for (unsigned d = 0; d < 6; ++d) {
      int64_t tile = level.getTiles()[d];
      int64_t limit = index == 0 ? loopNest.getRoleExtent(kMappedDims[d])
                                 : levels[index - 1].getTiles()[d];
      if (tile > limit)
        return prefix + " tile of " + stringifyDimRole(kMappedDims[d]).str() +
               " (" + std::to_string(tile) + ") exceeds " +
               (index == 0 ? "the loop nest's extent "
                           : "the previous level's tile ") +
               std::to_string(limit);
    }
  }
  return std::nullopt;
}

LogicalResult digamma::verifyMappingAgainstLoopNest(
    function_ref<InFlightDiagnostic()> emitError, MappingAttr mapping,
    LoopNestAttr loopNest) {
  if (std::optional<std::string> mismatch =
          describeMappingMismatch(mapping, loopNest))
    return emitError() << *mismatch;
  return success();
}

//===----------------------------------------------------------------------===//
// CostAttr
//===----------------------------------------------------------------------===//

LogicalResult CostAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                               int64_t cycles, int64_t macs,
                               llvm::APFloat energyNj, llvm::APFloat areaUm2,
                               int64_t l1Bytes, int64_t l2Bytes,
                               llvm::APFloat utilization,
                               std::optional<int64_t> offchipBytes,
                               llvm::StringRef limitedBy) {
  if (cycles < 0 || macs < 0)
    return emitError() << "cycles and macs must be non-negative";
  if (energyNj.isNegative() || energyNj.isNaN() || areaUm2.isNegative() ||
      areaUm2.isNaN())
    return emitError() << "energy and area must be non-negative";
  if (energyNj.isInfinity() || areaUm2.isInfinity())
    return emitError() << "energy and area must be finite";
  if (l1Bytes < 0 || l2Bytes < 0)
    return emitError() << "buffer sizes must be non-negative";
  double u = utilization.convertToDouble();
  if (!(u >= 0.0 && u <= 1.0))
    return emitError() << "utilization must be in [0, 1], got " << u;
  if (offchipBytes && *offchipBytes < 0)
    return emitError() << "offchip_bytes must be non-negative, got "
                       << *offchipBytes;
  if (!limitedBy.empty() && limitedBy != "compute" && limitedBy != "noc" &&
      limitedBy != "offchip")
    return emitError() << "limited_by must be \"compute\", \"noc\" or "
                          "\"offchip\", got \""
                       << limitedBy << "\"";
  return success();
}

//===----------------------------------------------------------------------===//
// PeLevelAttr
//===----------------------------------------------------------------------===//

LogicalResult PeLevelAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                                  int64_t level) {
  // A mapping has at most 4 levels (MappingAttr::verify).
  if (level < 0 || level > 3)
    return emitError() << "PE level must be in [0, 3], got " << level;
  return success();
}

int64_t PeLevelAttr::getMappingId() const { return getLevel(); }

// The units of one level form a 1-D group: a multi-loop forall is spread
// over them linearly.
bool PeLevelAttr::isLinearMapping() const { return true; }

int64_t PeLevelAttr::getRelativeIndex() const { return getLevel(); }
