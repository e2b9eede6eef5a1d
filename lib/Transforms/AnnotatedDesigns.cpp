//===- AnnotatedDesigns.cpp - The designs an export pass writes -----------===//

#include "AnnotatedDesigns.h"

#include "digamma/Dialect/Digamma/IR/DigammaDialect.h"
#include "digamma/Transforms/CostModelBridge.h"

#include "mlir/Interfaces/FunctionInterfaces.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"

using namespace mlir;
using namespace digamma;

std::string digamma::fileStem(StringRef name) {
  std::string result;
  for (char ch : name)
    result += llvm::isAlnum(ch) || ch == '_' ? ch : '_';
  if (result.empty())
    result = "_";
  return result;
}

LogicalResult digamma::checkOutputDirectory(Location loc, StringRef pass,
                                            StringRef dir) {
  if (dir.empty())
    return emitError(loc) << pass
                          << ": no output directory; give dir=<existing "
                             "directory>";
  if (!llvm::sys::fs::is_directory(dir))
    return emitError(loc) << pass << ": '" << dir
                          << "' is not an existing directory; create it first";
  if (llvm::sys::fs::access(dir, llvm::sys::fs::AccessMode::Write))
    return emitError(loc) << pass << ": directory '" << dir
                          << "' is not writable";
  return success();
}

FailureOr<std::vector<std::vector<AnnotatedDesign>>>
digamma::collectAnnotatedDesigns(ModuleOp module, StringRef pass,
                                 StringRef hwPurpose, StringRef mappingFault) {
  MLIRContext *ctx = module.getContext();
  DigammaDialect::LoopNestAttrHelper loopNestHelper(ctx);
  DigammaDialect::MappingAttrHelper mappingHelper(ctx);
  DigammaDialect::HwAttrHelper hwHelper(ctx);
  DigammaDialect::CostAttrHelper costHelper(ctx);

  std::vector<std::vector<AnnotatedDesign>> designs;
  llvm::StringMap<size_t> positionOf;
  llvm::StringMap<std::string> functionOfBase;
  bool failedOp = false;
  module.walk([&](Operation *op) {
    if (!mappingHelper.isAttrPresent(op))
      return;
    auto fail = [&](const llvm::Twine &message) {
      op->emitError() << pass << ": " << message;
      failedOp = true;
    };
    if (!loopNestHelper.isAttrPresent(op))
      return fail("the op has a digamma.mapping but no digamma.loop_nest");
    if (!hwHelper.isAttrPresent(op))
      return fail("the op has a digamma.mapping but no digamma.hw (" +
                  hwPurpose + ")");
    FailureOr<cost::Layer> layer = toCostLayer(loopNestHelper.getAttr(op));
    if (failed(layer))
      return fail("the loop nest's extents, MAC count or tensor volumes "
                  "overflow 64-bit integers");
    FailureOr<cost::Mapping> mapping = toCostMapping(mappingHelper.getAttr(op));
    if (failed(mapping))
      return fail(mappingFault);

    std::string function = "module";
    if (auto parent = op->getParentOfType<FunctionOpInterface>())
      function = parent.getName().str();
    std::string base = fileStem(function);
    auto [known, inserted] = functionOfBase.try_emplace(base, function);
    if (!inserted && known->second != function)
      return fail("functions '" + known->second + "' and '" + function +
                  "' would write the same files (" + base + ".*)");
    auto [position, added] = positionOf.try_emplace(function, designs.size());
    if (added)
      designs.emplace_back();
    std::vector<AnnotatedDesign> &ops = designs[position->second];

    AnnotatedDesign design;
    design.op = op;
    design.function = function;
    design.base = base;
    design.index = static_cast<int64_t>(ops.size());
    design.layer = *layer;
    design.mapping = *mapping;
    design.hw = hwHelper.getAttr(op);
    // The element sizes the design was sized with.
    setTensorBytes(design.layer, design.hw);
    design.cost =
        costHelper.isAttrPresent(op) ? costHelper.getAttr(op) : CostAttr();
    ops.push_back(std::move(design));
  });
  if (failedOp)
    return failure();
  return designs;
}

void digamma::warnNothingExported(Location loc, StringRef pass,
                                  StringRef dir) {
  emitWarning(loc) << pass
                   << ": no op carries a digamma.mapping, so nothing was "
                      "exported to '"
                   << dir
                   << "'; choose designs first with --digamma-co-optimize "
                      "(or run --digamma-pipeline)";
}
