//===- Materialize.cpp - The --digamma-materialize pass -------------------===//
//
// Applies every op's digamma.mapping with materializeMapping (the code
// transform.digamma.tile_by_mapping shares) and optionally writes the
// equivalent transform-dialect script. Every op is planned before any is
// tiled, so a mapping that cannot be applied leaves the IR untouched.
//
//===----------------------------------------------------------------------===//

#include "digamma/Transforms/Materialize.h"
#include "digamma/Dialect/Digamma/IR/DigammaDialect.h"
#include "digamma/Transforms/Passes.h"

#include "OutputFiles.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/PatternMatch.h"

namespace digamma {
#define GEN_PASS_DEF_MATERIALIZEPASS
#include "digamma/Transforms/Passes.h.inc"
} // namespace digamma

using namespace mlir;
using namespace digamma;

namespace {

/// An op to tile and its plan.
struct Target {
  Operation *op;
  MappingAttr mapping;
  MaterializationPlan plan;
};

struct MaterializePass
    : public digamma::impl::MaterializePassBase<MaterializePass> {
  using Base::Base;

  void runOnOperation() override;

private:
  LogicalResult writeTransformScript(ArrayRef<Target> targets);
};

} // namespace

LogicalResult MaterializePass::writeTransformScript(ArrayRef<Target> targets) {
  // Ops with the same name and mapping are matched together: a match by
  // the mapping's value is exact, and tiling them in one step is what the
  // pass does one by one.
  SmallVector<std::pair<OperationName, MappingAttr>> groups;
  SmallVector<SmallVector<Operation *>> members;
  for (const Target &target : targets) {
    auto key = std::make_pair(target.op->getName(), target.mapping);
    auto *it = llvm::find(groups, key);
    if (it == groups.end()) {
      groups.push_back(key);
      members.emplace_back();
      it = groups.end() - 1;
    }
    members[it - groups.begin()].push_back(target.op);
  }

  std::string script;
  llvm::raw_string_ostream os(script);
  os << "// Equivalent of --digamma-materialize on " << targets.size()
     << " op(s). Apply it with\n"
     << "//   digamma-opt <input> "
        "--transform-preload-library=transform-library-paths=<this file> "
        "--transform-interpreter\n"
     << "module attributes {transform.with_named_sequence} {\n"
     << "  transform.named_sequence @__transform_main(%root: "
        "!transform.any_op {transform.readonly}) {\n";
  for (auto [index, group] : llvm::enumerate(groups)) {
    ArrayRef<Operation *> ops = members[index];
    os << "    // " << ops.size() << " x " << group.first << ", first at "
       << printLocation(ops.front()->getLoc()) << "\n";
    os << "    %ops" << index << " = transform.structured.match ops{[\""
       << group.first << "\"]} attributes {digamma.mapping = " << group.second
       << "} in %root : (!transform.any_op) -> "
          "!transform.any_op\n";
    os << "    %tiled" << index << ", %loops" << index
       << " = transform.digamma.tile_by_mapping %ops" << index
       << " : (!transform.any_op) -> (!transform.any_op, "
          "!transform.any_op)\n";
  }
  os << "    transform.yield\n  }\n}\n";
  if (std::optional<OutputFileError> error =
          writeOutputFiles({{transformScript, std::move(script)}}))
    return emitError(getOperation()->getLoc())
           << "digamma-materialize: cannot write transform script '"
           << error->path << "': " << error->reason;
  return success();
}

void MaterializePass::runOnOperation() {
  Operation *root = getOperation();
  DigammaDialect::MappingAttrHelper mappingHelper(&getContext());
  // One script describes every op: anchored on each function, the runs
  // would overwrite each other's file.
  if (!transformScript.empty() && !isa<ModuleOp>(root)) {
    root->emitError() << "digamma-materialize: transform-script describes "
                         "the whole module; run the pass on builtin.module, "
                         "not nested on '"
                      << root->getName() << "'";
    return signalPassFailure();
  }

  // Plan every op first: report every op that cannot be tiled before
  // changing anything.
  SmallVector<Target> targets;
  bool failedOp = false;
  root->walk([&](Operation *op) {
    if (!mappingHelper.isAttrPresent(op))
      return;
    MappingAttr mapping = mappingHelper.getAttr(op);
    std::string reason;
    FailureOr<MaterializationPlan> plan =
        planMaterialization(op, mapping, reason);
    if (failed(plan)) {
      op->emitError() << "digamma-materialize: cannot apply the mapping: "
                      << reason;
      failedOp = true;
      return;
    }
    targets.push_back({op, mapping, std::move(*plan)});
  });
  if (failedOp)
    return signalPassFailure();

  if (!transformScript.empty() && failed(writeTransformScript(targets)))
    return signalPassFailure();

  IRRewriter rewriter(&getContext());
  for (Target &target : targets)
    if (failed(materializeMapping(rewriter, cast<TilingInterface>(target.op),
                                  target.plan)))
      return signalPassFailure();
}
