//===- DigammaAttrs.h - Attributes of the digamma dialect -------*- C++ -*-===//
//
// Declares the digamma enums and attributes (loop_nest, hw, level, mapping,
// map_space_level, map_space, cost, pe_level) generated from DigammaAttrs.td.
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_DIALECT_DIGAMMA_IR_DIGAMMAATTRS_H
#define DIGAMMA_DIALECT_DIGAMMA_IR_DIGAMMAATTRS_H

#include "digamma/CostModel/Problem.h"
#include "digamma/Search/MapSpace.h"

#include "mlir/Dialect/SCF/IR/DeviceMappingInterface.h"
#include "mlir/IR/AffineMap.h"
#include "mlir/IR/Attributes.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/APFloat.h"

#include <optional>
#include <string>

#include "digamma/Dialect/Digamma/IR/DigammaEnums.h.inc"

namespace digamma {

/// Parses a floating-point attribute parameter (integer literals accepted).
mlir::FailureOr<llvm::APFloat> parseDoubleParameter(mlir::AsmParser &parser);
/// Prints a floating-point attribute parameter in its shortest form that
/// parses back to the same double.
void printDoubleParameter(mlir::AsmPrinter &printer,
                          const llvm::APFloat &value);

} // namespace digamma

#define GET_ATTRDEF_CLASSES
#include "digamma/Dialect/Digamma/IR/DigammaAttrs.h.inc"

namespace digamma {

/// The six mapped canonical dimensions in the fixed order of a level's
/// `tiles` (K, C, Y, X, R, S).
inline constexpr DimRole kMappedDims[] = {DimRole::K, DimRole::C, DimRole::Y,
                                          DimRole::X, DimRole::R, DimRole::S};

/// Index of \p role in kMappedDims, or -1 for N and G.
int mappedDimIndex(DimRole role);

/// Why \p mapping does not fit the loop nest it maps, or nullopt: every
/// level's parallel dimension must be a role of the nest, no level-0 tile may
/// exceed the nest's extent of that dimension (output extent for Y and X)
/// and no inner tile its level above's.
std::optional<std::string> describeMappingMismatch(MappingAttr mapping,
                                                   LoopNestAttr loopNest);

/// describeMappingMismatch() as a verifier: emits the reason.
mlir::LogicalResult verifyMappingAgainstLoopNest(
    llvm::function_ref<mlir::InFlightDiagnostic()> emitError,
    MappingAttr mapping, LoopNestAttr loopNest);

/// \p mapping in the cost model's form, or nullopt for a mapping it cannot
/// hold (more than cost::kMaxLevels levels, a parallel dimension or loop
/// that is not K, C, Y, X, R or S, an order or tiles not six long).
std::optional<cost::Mapping> convertMapping(MappingAttr mapping);

/// Why \p mapping lies outside \p mapSpace, or nullopt. \p loopNest (the
/// layer's extents) and \p hw (the PE count) may be null: the rules that
/// need them are then not checked.
std::optional<std::string> describeMapSpaceViolation(MappingAttr mapping,
                                                     MapSpaceAttr mapSpace,
                                                     LoopNestAttr loopNest,
                                                     HwAttr hw);

/// The `digamma.map_space` that governs \p op: its own, else its nearest
/// ancestor's; null if none.
MapSpaceAttr findMapSpace(mlir::Operation *op);

/// True if every result of \p map is a sum of dimensions times constants
/// plus a constant, the form `#digamma.loop_nest` prints.
bool isSumOfScaledDims(mlir::AffineMap map);

} // namespace digamma

#endif // DIGAMMA_DIALECT_DIGAMMA_IR_DIGAMMAATTRS_H
