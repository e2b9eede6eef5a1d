//===- Passes.h - digamma transformation passes -----------------*- C++ -*-===//
//
// Declares the digamma passes and registerDigammaPasses().
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_TRANSFORMS_PASSES_H
#define DIGAMMA_TRANSFORMS_PASSES_H

#include "digamma/Dialect/Digamma/IR/DigammaDialect.h"
#include "digamma/Transforms/OptionValues.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace digamma {

#define GEN_PASS_DECL
#include "digamma/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "digamma/Transforms/Passes.h.inc"

} // namespace digamma

#endif // DIGAMMA_TRANSFORMS_PASSES_H
