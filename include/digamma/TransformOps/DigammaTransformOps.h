//===- DigammaTransformOps.h - Transform-dialect extension -----*- C++ -*-===//
//
// Declares transform.digamma.tile_by_mapping and the registration of the
// digamma transform-dialect extension.
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_TRANSFORMOPS_DIGAMMATRANSFORMOPS_H
#define DIGAMMA_TRANSFORMOPS_DIGAMMATRANSFORMOPS_H

#include "digamma/Dialect/Digamma/IR/DigammaDialect.h"

#include "mlir/Dialect/Transform/IR/TransformDialect.h"
#include "mlir/Dialect/Transform/Interfaces/TransformInterfaces.h"
#include "mlir/IR/OpDefinition.h"

#define GET_OP_CLASSES
#include "digamma/TransformOps/DigammaTransformOps.h.inc"

namespace mlir {
class DialectRegistry;
} // namespace mlir

namespace digamma {

/// Registers the `transform.digamma.*` ops with the transform dialect.
void registerTransformDialectExtension(mlir::DialectRegistry &registry);

} // namespace digamma

#endif // DIGAMMA_TRANSFORMOPS_DIGAMMATRANSFORMOPS_H
