//===- digamma-translate.cpp - Translations into and out of MLIR ----------===//
//
// mlir-translate for the digamma project: `--import-gamma-csv` reads a GAMMA
// layer table and prints linalg IR.
//
//===----------------------------------------------------------------------===//

#include "digamma/Translate/ImportGammaCsv.h"
#include "digamma/Version.h"

#include "mlir/Tools/mlir-translate/MlirTranslateMain.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"

int main(int argc, char **argv) {
  llvm::cl::SetVersionPrinter([](llvm::raw_ostream &os) {
    os << digamma::getVersionText("digamma-translate", /*usesLLVM=*/true);
  });
  digamma::registerImportGammaCsvTranslation();
  return mlir::failed(mlir::mlirTranslateMain(
             argc, argv, "digamma translation driver\n"))
             ? 1
             : 0;
}
