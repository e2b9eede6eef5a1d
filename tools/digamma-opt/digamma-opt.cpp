//===- digamma-opt.cpp - The digamma optimizer driver ---------------------===//
//
// mlir-opt plus digamma: every upstream dialect, dialect extension,
// interface implementation and pass (mlir/InitAll*.h, what mlir-opt
// registers), so that frontend output (torch-mlir's ml_program and cf, TOSA,
// vector, llvm types, dlti attributes) parses and upstream lowerings run in
// the same invocation as digamma's passes; then digamma's own entry points
// (digamma/InitAll.h, the lean set a downstream tool calls) and the
// --test-digamma-* passes of the lit tests (test/lib).
//
//===----------------------------------------------------------------------===//

#include "digamma/InitAll.h"
#include "digamma/Version.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"

namespace digamma::test {
void registerTestForallIsolationPass();
void registerTestMaterializedLoopOrderPass();
} // namespace digamma::test

int main(int argc, char **argv) {
  llvm::cl::SetVersionPrinter([](llvm::raw_ostream &os) {
    os << digamma::getVersionText("digamma-opt", /*usesLLVM=*/true);
  });
  mlir::registerAllPasses();
  digamma::registerAllPasses();
  // Testing aids of the lit tests (test/lib).
  digamma::test::registerTestForallIsolationPass();
  digamma::test::registerTestMaterializedLoopOrderPass();

  mlir::DialectRegistry registry;
  mlir::registerAllDialects(registry);
  mlir::registerAllExtensions(registry);
  digamma::registerAllDialects(registry);
  digamma::registerAllExtensions(registry);

  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "digamma optimizer driver\n", registry));
}
