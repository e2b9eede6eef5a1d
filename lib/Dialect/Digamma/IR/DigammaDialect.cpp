//===- DigammaDialect.cpp - The digamma dialect ---------------------------===//
//
// Dialect initialization and the verifier of the discardable `digamma.*`
// attributes passes attach to foreign ops.
//
//===----------------------------------------------------------------------===//

#include "digamma/Dialect/Digamma/IR/DigammaDialect.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"

#include <limits>

using namespace mlir;
using namespace digamma;

#include "digamma/Dialect/Digamma/IR/DigammaDialect.cpp.inc"

void DigammaDialect::initialize() { registerAttributes(); }

/// Emits "'digamma.<name>' must be a #digamma.<mnemonic> attribute".
static LogicalResult emitWrongKind(Operation *op, StringRef name,
                                   StringRef mnemonic) {
  return op->emitOpError() << "attribute '" << name << "' must be a #digamma."
                           << mnemonic << " attribute";
}

LogicalResult DigammaDialect::verifyOperationAttribute(Operation *op,
                                                       NamedAttribute attr) {
  MLIRContext *ctx = getContext();
  LoopNestAttrHelper loopNestHelper(ctx);
  MappingAttrHelper mappingHelper(ctx);
  HwAttrHelper hwHelper(ctx);
  CostAttrHelper costHelper(ctx);
  MapSpaceAttrHelper mapSpaceHelper(ctx);
  StringAttr name = attr.getName();

  if (name == loopNestHelper.getName()) {
    auto loopNest = dyn_cast<LoopNestAttr>(attr.getValue());
    if (!loopNest)
      return emitWrongKind(op, name.getValue(), "loop_nest");
    if (loopNest.getIndexingMaps().size() != op->getNumOperands())
      return op->emitOpError()
             << "attribute '" << name.getValue() << "' describes "
             << loopNest.getIndexingMaps().size() << " operands but the op has "
             << op->getNumOperands();
    return success();
  }

  if (name == mappingHelper.getName()) {
    auto mapping = dyn_cast<MappingAttr>(attr.getValue());
    if (!mapping)
      return emitWrongKind(op, name.getValue(), "mapping");
    auto loopNest =
        dyn_cast_or_null<LoopNestAttr>(op->getAttr(loopNestHelper.getName()));
    if (loopNest &&
        failed(verifyMappingAgainstLoopNest(
            [&]() { return op->emitOpError(); }, mapping, loopNest)))
      return failure();
    // The mapping must lie inside the map space of the op's accelerator.
    if (MapSpaceAttr mapSpace = findMapSpace(op))
      if (std::optional<std::string> violation = describeMapSpaceViolation(
              mapping, mapSpace, loopNest,
              dyn_cast_or_null<HwAttr>(op->getAttr(hwHelper.getName()))))
        return op->emitOpError()
               << "attribute '" << name.getValue()
               << "' lies outside the declared " << *violation;
    return success();
  }

  if (name == mapSpaceHelper.getName())
    return isa<MapSpaceAttr>(attr.getValue())
               ? success()
               : emitWrongKind(op, name.getValue(), "map_space");

  if (name == hwHelper.getName())
    return isa<HwAttr>(attr.getValue())
               ? success()
               : emitWrongKind(op, name.getValue(), "hw");

  if (name == costHelper.getName())
    return isa<CostAttr>(attr.getValue())
               ? success()
               : emitWrongKind(op, name.getValue(), "cost");

  // How often the op counts in a shared-chip objective (scope=model).
  if (name.getValue() == "digamma.repeat") {
    auto count = dyn_cast<IntegerAttr>(attr.getValue());
    // The co-optimizer reads the count as an int64: only signless integers
    // (or index) whose value fits, not `200 : ui8` read as -56 or 2^64 + 1
    // read as 1.
    if (count && !count.getType().isSignlessInteger() &&
        !count.getType().isIndex())
      return op->emitOpError()
             << "attribute 'digamma.repeat' must be a signless integer or "
                "index (such as 4 : i64), got "
             << attr.getValue();
    if (count && count.getValue().getSignificantBits() > 64)
      return op->emitOpError()
             << "attribute 'digamma.repeat' must be at most "
             << std::numeric_limits<int64_t>::max() << ", got "
             << attr.getValue();
    if (!count || count.getType().isSignlessInteger(1) ||
        count.getValue().getSExtValue() < 1)
      return op->emitOpError()
             << "attribute 'digamma.repeat' must be a positive integer (how "
                "often the op runs), got "
             << attr.getValue();
    return success();
  }

  return op->emitOpError() << "unknown digamma attribute '" << name.getValue()
                           << "'";
}
