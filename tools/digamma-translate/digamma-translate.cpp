//===- digamma-translate.cpp - Translations into and out of MLIR ----------===//
//
// mlir-translate for the digamma project: `--import-gamma-csv` reads a GAMMA
// layer table and prints linalg IR.
//
//===----------------------------------------------------------------------===//

#include "digamma/Translate/ImportGammaCsv.h"

#include "mlir/Tools/mlir-translate/MlirTranslateMain.h"

int main(int argc, char **argv) {
  digamma::registerImportGammaCsvTranslation();
  return mlir::failed(mlir::mlirTranslateMain(
             argc, argv, "digamma translation driver\n"))
             ? 1
             : 0;
}
