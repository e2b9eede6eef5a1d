//===- DigammaDialect.h - The digamma dialect -------------------*- C++ -*-===//
//
// Declares the digamma dialect. The attribute header and mlir/IR/Operation.h
// come first: the generated discardable-attribute helpers need them complete.
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_DIALECT_DIGAMMA_IR_DIGAMMADIALECT_H
#define DIGAMMA_DIALECT_DIGAMMA_IR_DIGAMMADIALECT_H

#include "digamma/Dialect/Digamma/IR/DigammaAttrs.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/Operation.h"

#include "digamma/Dialect/Digamma/IR/DigammaDialect.h.inc"

#endif // DIGAMMA_DIALECT_DIGAMMA_IR_DIGAMMADIALECT_H
