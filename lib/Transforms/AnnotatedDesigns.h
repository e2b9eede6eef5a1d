//===- AnnotatedDesigns.h - The designs an export pass writes ---*- C++ -*-===//
//
// Private to lib/Transforms: the steps --digamma-export-maestro and
// --digamma-export-timeloop share, so that both check their directory, find
// the annotated ops, name their files and say what they could not export in
// the same words.
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_LIB_TRANSFORMS_ANNOTATEDDESIGNS_H
#define DIGAMMA_LIB_TRANSFORMS_ANNOTATEDDESIGNS_H

#include "digamma/CostModel/Problem.h"
#include "digamma/Dialect/Digamma/IR/DigammaAttrs.h"

#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace digamma {

/// One op's design as the IR carries it.
struct AnnotatedDesign {
  mlir::Operation *op = nullptr;
  /// The enclosing function ("module" outside one) and its file-name stem.
  std::string function, base;
  /// Position among the function's annotated ops, in program order.
  int64_t index = 0;
  cost::Layer layer;
  cost::Mapping mapping;
  HwAttr hw;
  /// Null when the op carries no digamma.cost.
  CostAttr cost;
};

/// Letters, digits and '_' of \p name, anything else as '_' ("_" for an
/// empty name): usable in a file name and as a MAESTRO token.
std::string fileStem(llvm::StringRef name);

/// Checks \p dir: given, an existing directory, writable; otherwise an
/// error "<pass>: ..." at \p loc.
mlir::LogicalResult checkOutputDirectory(mlir::Location loc,
                                         llvm::StringRef pass,
                                         llvm::StringRef dir);

/// The designs of \p module (ops with a digamma.mapping), one vector per
/// function in order of first appearance. An op without a loop nest or
/// hardware, whose layer overflows, whose mapping does not convert
/// (\p mappingFault says why that matters), or whose function's stem
/// another function has is an error "<pass>: ..." at the op; then failure.
/// \p hwPurpose says what the hardware is for, e.g. "the hardware
/// digamma-cost needs".
mlir::FailureOr<std::vector<std::vector<AnnotatedDesign>>>
collectAnnotatedDesigns(mlir::ModuleOp module, llvm::StringRef pass,
                        llvm::StringRef hwPurpose,
                        llvm::StringRef mappingFault);

/// The warning of an export pass that found no design in \p dir's run.
void warnNothingExported(mlir::Location loc, llvm::StringRef pass,
                         llvm::StringRef dir);

} // namespace digamma

#endif // DIGAMMA_LIB_TRANSFORMS_ANNOTATEDDESIGNS_H
