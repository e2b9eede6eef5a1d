//===- GammaCsvFuzzer.cpp - Fuzz the GAMMA table reader and importer -----===//
//
// Text goes to cost::parseGammaTable (the one reader of GAMMA's tables) and
// to the importer behind `digamma-translate --import-gamma-csv`, which
// builds linalg ops from what it reads. Checks: no undefined behaviour;
// errors name a line, and the importer reports the reader's error at that
// line of the file; what the importer builds verifies and has one op per
// layer, of the layer's kind and operand shapes.
//
//===----------------------------------------------------------------------===//

#include "FuzzCheck.h"

#include "digamma/CostModel/GammaTable.h"
#include "digamma/Translate/ImportGammaCsv.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"

#include <cstdint>
#include <string>

using namespace mlir;
using namespace digamma;

/// The operand shapes the importer gives \p layer (README "Bundled
/// models"): CONV 1xCxYxX and KxCxRxS, depthwise 1xCxYxX and CxRxS, GEMM
/// and FC MxK and KxN (K := N, C := K, Y := M in cost-model terms).
static std::pair<SmallVector<int64_t>, SmallVector<int64_t>>
expectedShapes(const cost::Layer &layer) {
  switch (layer.layerClass) {
  case cost::LayerClass::Conv:
    return {{1, layer.c, layer.y, layer.x},
            {layer.k, layer.c, layer.r, layer.s}};
  case cost::LayerClass::DepthwiseConv:
    return {{1, layer.c, layer.y, layer.x}, {layer.c, layer.r, layer.s}};
  case cost::LayerClass::Gemm:
    break;
  }
  return {{layer.y, layer.c}, {layer.c, layer.k}};
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  std::string text(reinterpret_cast<const char *>(data), size);
  cost::GammaTable table = cost::parseGammaTable(text);
  if (table.failed())
    DIGAMMA_FUZZ_CHECK(table.layers.empty() && table.errorLine > 0,
                       "parseGammaTable errors name a line");
  else
    DIGAMMA_FUZZ_CHECK(table.layerLines.size() == table.layers.size(),
                       "every layer has its line");

  MLIRContext context(MLIRContext::Threading::DISABLED);
  bool diagnosed = false, atErrorLine = true;
  ScopedDiagnosticHandler handler(&context, [&](Diagnostic &diag) {
    diagnosed |= diag.getSeverity() == DiagnosticSeverity::Error;
    auto loc = dyn_cast<FileLineColLoc>(diag.getLocation());
    atErrorLine &= loc && loc.getFilename() == "table.csv" &&
                   loc.getLine() == unsigned(table.errorLine) &&
                   diag.str() == table.errorMessage;
    return success();
  });
  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(
      llvm::MemoryBuffer::getMemBufferCopy(text, "table.csv"), llvm::SMLoc());
  OwningOpRef<ModuleOp> module =
      importGammaCsv(sourceMgr, &context, GammaImportOptions());

  if (!module) {
    DIGAMMA_FUZZ_CHECK(diagnosed, "a failed import reports an error");
    DIGAMMA_FUZZ_CHECK(atErrorLine,
                       "the import reports the reader's error at its line");
    DIGAMMA_FUZZ_CHECK(table.failed(), "the import fails only on bad tables");
    return 0;
  }
  DIGAMMA_FUZZ_CHECK(!diagnosed, "a successful import reports no error");
  DIGAMMA_FUZZ_CHECK(succeeded(verify(*module)), "the import verifies");
  DIGAMMA_FUZZ_CHECK(!table.failed(), "bad tables are not imported");

  auto functions = module->getOps<func::FuncOp>();
  DIGAMMA_FUZZ_CHECK(std::distance(functions.begin(), functions.end()) == 1,
                     "one function");
  func::FuncOp function = *functions.begin();
  SmallVector<Operation *> layerOps;
  function.walk([&](linalg::LinalgOp op) {
    if (!isa<linalg::FillOp>(op))
      layerOps.push_back(op);
  });
  DIGAMMA_FUZZ_CHECK(layerOps.size() == table.layers.size(),
                     "one op per layer");
  for (auto [op, layer] : llvm::zip(layerOps, table.layers)) {
    auto [input, filter] = expectedShapes(layer);
    auto inputType = cast<RankedTensorType>(op->getOperand(0).getType());
    auto filterType = cast<RankedTensorType>(op->getOperand(1).getType());
    DIGAMMA_FUZZ_CHECK(inputType.getShape() == ArrayRef<int64_t>(input) &&
                           filterType.getShape() == ArrayRef<int64_t>(filter),
                       "each op has its layer's operand shapes");
    bool isConv = isa<linalg::Conv2DNchwFchwOp>(op),
         isDepthwise = isa<linalg::DepthwiseConv2DNchwChwOp>(op);
    DIGAMMA_FUZZ_CHECK(isConv == (layer.layerClass == cost::LayerClass::Conv) &&
                           isDepthwise == (layer.layerClass ==
                                           cost::LayerClass::DepthwiseConv),
                       "each op is of its layer's kind");
  }
  return 0;
}
