//===- IrFuzzer.cpp - Fuzz digamma-opt's IR path --------------------------===//
//
// Parses the input as a module (the dialects digamma-opt loads), verifies
// it (which runs the digamma.* attribute verifier), then runs
// --digamma-lower-to-loop-nest and a tiny --digamma-co-optimize, as
// `digamma-opt --digamma-pipeline` would. A first line `//!<digit>`
// selects the co-optimizer's options from a fixed list (modes, scopes,
// semantics; never a report file). Checks: no undefined behaviour; a
// failed pass reports an error; what the passes produce verifies and
// carries a mapping, hardware and cost on every described op.
//
//===----------------------------------------------------------------------===//

#include "digamma/Dialect/Digamma/IR/DigammaDialect.h"
#include "digamma/Transforms/Passes.h"

#include "FuzzCheck.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"

#include <cctype>
#include <cstdint>
#include <string>

using namespace mlir;
using namespace digamma;

/// Co-optimizer options a `//!<digit>` first line selects; tiny budgets.
static const char *const kCoOptimizeOptions[] = {
    "samples=64 population=8",
    "samples=64 population=8 semantics=maestro",
    "samples=64 population=8 mode=fixed-mapping",
    ("samples=64 population=8 mode=fixed-hw num-pes=16 l1-bytes=4096 "
     "l2-bytes=1048576"),
    "samples=64 population=8 scope=model",
    "samples=64 population=8 scope=function objective=edp",
    "samples=64 population=8 min-levels=1 max-levels=3 element-bytes=1",
    "samples=64 population=8 algorithm=random platform=cloud",
};

/// True if \p text puts `<` after a `linalg.` op name, with only
/// whitespace or `//` comments between them (the lexer skips both). MLIR
/// 22.1.8's parser of linalg's named ops dereferences such a properties
/// attribute unchecked and crashes (upstream mlir-opt too, e.g. on
/// `linalg.matmul <2> ins(...)`; docs/bad-input.md); digamma cannot guard
/// code that runs before it, so such inputs are skipped.
static bool hasLinalgProperties(const std::string &text) {
  for (size_t at = text.find("linalg."); at != std::string::npos;
       at = text.find("linalg.", at + 1)) {
    size_t end = at + 7;
    while (end < text.size() &&
           (std::isalnum(static_cast<unsigned char>(text[end])) ||
            text[end] == '_' || text[end] == '.' || text[end] == '$'))
      ++end;
    while (end < text.size()) {
      if (std::isspace(static_cast<unsigned char>(text[end]))) {
        ++end;
      } else if (text.compare(end, 2, "//") == 0) {
        end = text.find('\n', end);
        if (end == std::string::npos)
          return false;
      } else {
        break;
      }
    }
    if (end < text.size() && text[end] == '<')
      return true;
  }
  return false;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  std::string text(reinterpret_cast<const char *>(data), size);
  if (hasLinalgProperties(text))
    return 0;
  const char *options = kCoOptimizeOptions[0];
  if (text.rfind("//!", 0) == 0 && text.size() > 3 && text[3] >= '0' &&
      text[3] < '0' + int(std::size(kCoOptimizeOptions)))
    options = kCoOptimizeOptions[text[3] - '0'];

  static bool registered = (registerDigammaPasses(), true);
  (void)registered;
  DialectRegistry registry;
  registry.insert<DigammaDialect, affine::AffineDialect, arith::ArithDialect,
                  func::FuncDialect, linalg::LinalgDialect, scf::SCFDialect,
                  tensor::TensorDialect>();
  MLIRContext context(registry, MLIRContext::Threading::DISABLED);
  bool diagnosed = false;
  ScopedDiagnosticHandler handler(&context, [&](Diagnostic &diag) {
    diagnosed |= diag.getSeverity() == DiagnosticSeverity::Error;
    return success();
  });

  // parseSourceString verifies what it parsed.
  OwningOpRef<ModuleOp> module = parseSourceString<ModuleOp>(text, &context);
  if (!module) {
    DIGAMMA_FUZZ_CHECK(diagnosed, "rejected IR has an error");
    return 0;
  }

  PassManager pm(&context);
  pm.addPass(createLowerToLoopNestPass());
  if (failed(pm.run(*module))) {
    DIGAMMA_FUZZ_CHECK(diagnosed, "a failed lowering reports an error");
    return 0;
  }
  DIGAMMA_FUZZ_CHECK(succeeded(verify(*module)), "the lowering verifies");

  PassManager search(&context);
  std::string pipeline = std::string("digamma-co-optimize{") + options + "}";
  DIGAMMA_FUZZ_CHECK(succeeded(parsePassPipeline(pipeline, search)),
                     "the option strings parse");
  if (failed(search.run(*module))) {
    DIGAMMA_FUZZ_CHECK(diagnosed, "a failed search reports an error");
    return 0;
  }
  DIGAMMA_FUZZ_CHECK(succeeded(verify(*module)), "the search result verifies");
  DigammaDialect::LoopNestAttrHelper loopNest(&context);
  DigammaDialect::MappingAttrHelper mapping(&context);
  DigammaDialect::HwAttrHelper hw(&context);
  DigammaDialect::CostAttrHelper cost(&context);
  module->walk([&](Operation *op) {
    if (loopNest.isAttrPresent(op))
      DIGAMMA_FUZZ_CHECK(mapping.isAttrPresent(op) && hw.isAttrPresent(op) &&
                             cost.isAttrPresent(op),
                         "every described op gets a design");
  });
  return 0;
}
