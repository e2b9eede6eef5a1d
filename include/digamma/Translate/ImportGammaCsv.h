//===- ImportGammaCsv.h - GAMMA layer tables to linalg ----------*- C++ -*-===//
//
// Reads the layer tables of the GAMMA/DiGamma reference (one line per layer,
// `K,C,Y,X,R,S,T`) and builds one func.func of linalg ops on tensors.
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_TRANSLATE_IMPORTGAMMACSV_H
#define DIGAMMA_TRANSLATE_IMPORTGAMMACSV_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"

#include <string>

namespace llvm {
class SourceMgr;
} // namespace llvm

namespace digamma {

/// Element types the importer can give the layers.
enum class GammaElementType { F32, F16, I8 };

struct GammaImportOptions {
  /// Name of the generated function; empty means the input file's stem.
  std::string modelName;
  /// Element type of inputs and filters. Integer layers accumulate in i32,
  /// floating-point layers in their own type.
  GammaElementType elementType = GammaElementType::F32;
};

/// Imports the main buffer of \p sourceMgr. Every op is located at its CSV
/// line. Returns null after emitting an error that names the offending line.
mlir::OwningOpRef<mlir::ModuleOp>
importGammaCsv(llvm::SourceMgr &sourceMgr, mlir::MLIRContext *context,
               const GammaImportOptions &options);

/// Registers the `--import-gamma-csv` translation and its options.
void registerImportGammaCsvTranslation();

} // namespace digamma

#endif // DIGAMMA_TRANSLATE_IMPORTGAMMACSV_H
