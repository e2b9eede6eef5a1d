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

/// The first position at or after \p pos that is neither whitespace nor in
/// a `//` comment (the lexer skips both), or text.size().
static size_t skipBlank(const std::string &text, size_t pos) {
  while (pos < text.size()) {
    if (std::isspace(static_cast<unsigned char>(text[pos]))) {
      ++pos;
    } else if (text.compare(pos, 2, "//") == 0) {
      pos = text.find('\n', pos);
      if (pos == std::string::npos)
        return text.size();
    } else {
      break;
    }
  }
  return pos;
}

static bool isIdentifierChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' ||
         c == '$';
}

/// True if \p text puts `<` after a `linalg.` op name, with only
/// whitespace or `//` comments between them. MLIR 22.1.8's parser of
/// linalg's named ops dereferences such a properties attribute unchecked
/// and crashes (upstream mlir-opt too, e.g. on `linalg.matmul <2>
/// ins(...)`; docs/bad-input.md).
static bool hasLinalgProperties(const std::string &text) {
  for (size_t at = text.find("linalg."); at != std::string::npos;
       at = text.find("linalg.", at + 1)) {
    size_t end = at + 7;
    while (end < text.size() && isIdentifierChar(text[end]))
      ++end;
    end = skipBlank(text, end);
    if (end < text.size() && text[end] == '<')
      return true;
  }
  return false;
}

/// True if an `iterator_types = [...]` array of \p text (the key bare or
/// quoted) has an element that is not a string literal. MLIR 22.1.8's
/// parser of `linalg.generic` casts every element to a string unchecked
/// and crashes on anything else, even `#linalg.iterator_type<parallel>`
/// (upstream mlir-opt too; docs/bad-input.md). A key spelled with string
/// escapes is not recognised.
static bool hasNonStringIteratorType(const std::string &text) {
  static const std::string kKey = "iterator_types";
  for (size_t at = text.find(kKey); at != std::string::npos;
       at = text.find(kKey, at + 1)) {
    if (at > 0 && isIdentifierChar(text[at - 1]))
      continue;
    size_t pos = at + kKey.size();
    if (pos < text.size() && text[pos] == '"')
      ++pos;
    else if (pos < text.size() && isIdentifierChar(text[pos]))
      continue;
    pos = skipBlank(text, pos);
    if (pos >= text.size() || text[pos] != '=')
      continue;
    pos = skipBlank(text, pos + 1);
    if (pos >= text.size() || text[pos] != '[')
      continue;
    for (pos = skipBlank(text, pos + 1); pos < text.size();) {
      if (text[pos] == ']')
        break;
      if (text[pos] != '"')
        return true;
      // A string literal, escapes included.
      for (++pos; pos < text.size() && text[pos] != '"'; ++pos)
        if (text[pos] == '\\')
          ++pos;
      pos = skipBlank(text, pos + 1);
      if (pos < text.size() && text[pos] == ',')
        pos = skipBlank(text, pos + 1);
      else if (pos < text.size() && text[pos] != ']')
        return true;
    }
  }
  return false;
}

/// Inputs that crash MLIR's own parser before any digamma code runs, which
/// digamma cannot guard: skipped, so that the rest of the IR path stays
/// fuzzed.
static bool crashesUpstreamParser(const std::string &text) {
  return hasLinalgProperties(text) || hasNonStringIteratorType(text);
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  std::string text(reinterpret_cast<const char *>(data), size);
  if (crashesUpstreamParser(text))
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
