//===- DigammaTransformOps.cpp - Transform-dialect extension --------------===//
//
// transform.digamma.tile_by_mapping over materializeMapping, the code the
// --digamma-materialize pass runs. The extension that registers it is in
// TransformDialectExtension.cpp.
//
//===----------------------------------------------------------------------===//

#include "digamma/TransformOps/DigammaTransformOps.h"

#include "digamma/Transforms/Materialize.h"


using namespace mlir;
using namespace digamma;

#define GET_OP_CLASSES
#include "digamma/TransformOps/DigammaTransformOps.cpp.inc"

//===----------------------------------------------------------------------===//
// TileByMappingOp
//===----------------------------------------------------------------------===//

DiagnosedSilenceableFailure
transform::TileByMappingOp::apply(transform::TransformRewriter &rewriter,
                                  transform::TransformResults &results,
                                  transform::TransformState &state) {
  DigammaDialect::MappingAttrHelper mappingHelper(getContext());
  std::optional<MappingAttr> explicitMapping = getMapping();

  // Check every payload op before changing any.
  SmallVector<std::pair<Operation *, MaterializationPlan>> targets;
  for (Operation *op : state.getPayloadOps(getTarget())) {
    MappingAttr mapping = explicitMapping ? *explicitMapping
                          : mappingHelper.isAttrPresent(op)
                              ? mappingHelper.getAttr(op)
                              : MappingAttr();
    std::string reason;
    FailureOr<MaterializationPlan> plan =
        mapping ? planMaterialization(op, mapping, reason)
                : FailureOr<MaterializationPlan>(failure());
    if (!mapping)
      reason = "the payload op has no digamma.mapping and the transform "
               "gives none";
    if (failed(plan)) {
      DiagnosedSilenceableFailure diag =
          emitSilenceableError() << "cannot apply the mapping: " << reason;
      diag.attachNote(op->getLoc()) << "payload op";
      return diag;
    }
    targets.push_back({op, std::move(*plan)});
  }

  SmallVector<Operation *> tiled, loops;
  for (auto &[op, plan] : targets) {
    FailureOr<MaterializedMapping> result =
        materializeMapping(rewriter, cast<TilingInterface>(op), plan);
    if (failed(result))
      return emitDefiniteFailure() << "upstream tiling failed";
    tiled.push_back(result->tiledOp);
    llvm::append_range(loops, result->loops);
  }
  results.set(cast<OpResult>(getTiled()), tiled);
  results.set(cast<OpResult>(getLoops()), loops);
  return DiagnosedSilenceableFailure::success();
}

void transform::TileByMappingOp::getEffects(
    SmallVectorImpl<MemoryEffects::EffectInstance> &effects) {
  consumesHandle(getTargetMutable(), effects);
  producesHandle(getOperation()->getOpResults(), effects);
  modifiesPayload(effects);
}
