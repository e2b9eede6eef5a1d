//===- TestForallIsolation.cpp - Run forall iterations as if concurrent ---===//
//
// `--test-digamma-forall-isolation`: lowers every scf.forall of bufferized IR
// to sequential scf.for loops that keep the semantics of concurrent
// iterations. Every iteration starts from the memory the loop started with
// (what another iteration writes is not visible to it), and what it changes
// is collected and stored after the loop. Iterations that write disjoint
// elements, as scf.forall requires, give the result of any execution order;
// iterations that write the same element (a reduction spread over a forall
// without partial sums) give the last writer's value instead of an
// accumulation, which an execution test comparing with a reference catches.
// A sequential lowering (--scf-forall-to-for) would hide that race.
//
// Per scf.forall: the buffers its body writes are traced through view ops to
// their roots; roots allocated inside the body are private to an iteration.
// Each shared root gets a snapshot and an accumulator before the loop; an
// iteration first restores the root from the snapshot, runs the body, then
// copies every element that differs from the snapshot into the accumulator;
// the accumulator is copied back after the loop. Innermost foralls are
// lowered first, so an outer forall sees the inner one's copies as writes.
//
//===----------------------------------------------------------------------===//

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Interfaces/ViewLikeInterface.h"
#include "mlir/Pass/Pass.h"
#include "llvm/ADT/SetVector.h"

using namespace mlir;

namespace {

/// The buffer \p view is a view of: followed through view ops.
Value getRootBuffer(Value view) {
  while (auto viewOp = view.getDefiningOp<ViewLikeOpInterface>()) {
    if (viewOp.getViewDest() != view)
      break;
    view = viewOp.getViewSource();
  }
  return view;
}

/// The shared buffers \p forall's body writes (roots defined outside the
/// loop), or failure with an error on the op that writes something else.
FailureOr<SmallVector<Value>> getSharedWrittenRoots(scf::ForallOp forall) {
  llvm::SetVector<Value> roots;
  WalkResult result = forall.getBody()->walk([&](Operation *op) {
    auto effects = dyn_cast<MemoryEffectOpInterface>(op);
    if (!effects)
      return WalkResult::advance();
    SmallVector<MemoryEffects::EffectInstance> instances;
    effects.getEffects(instances);
    for (const MemoryEffects::EffectInstance &effect : instances) {
      if (!isa<MemoryEffects::Write>(effect.getEffect()))
        continue;
      Value written = effect.getValue();
      if (!written) {
        op->emitError("test-digamma-forall-isolation: a write whose buffer "
                      "is not known");
        return WalkResult::interrupt();
      }
      Value root = getRootBuffer(written);
      if (!isa<MemRefType>(root.getType())) {
        op->emitError("test-digamma-forall-isolation: a write to a buffer "
                      "of type ")
            << root.getType() << "; only ranked memrefs are supported";
        return WalkResult::interrupt();
      }
      // Buffers allocated in the body are private to an iteration.
      if (!forall->isAncestor(root.getParentRegion()->getParentOp()))
        roots.insert(root);
    }
    return WalkResult::advance();
  });
  if (result.wasInterrupted())
    return failure();
  return SmallVector<Value>(roots.begin(), roots.end());
}

/// A new buffer with \p buffer's shape (identity layout) holding a copy.
Value copyToNewBuffer(OpBuilder &builder, Location loc, Value buffer) {
  auto type = cast<MemRefType>(buffer.getType());
  SmallVector<Value> dynamicSizes;
  for (auto [dim, size] : llvm::enumerate(type.getShape()))
    if (ShapedType::isDynamic(size))
      dynamicSizes.push_back(memref::DimOp::create(builder, loc, buffer, dim));
  auto copyType = MemRefType::get(type.getShape(), type.getElementType());
  Value copy = memref::AllocOp::create(builder, loc, copyType, dynamicSizes);
  memref::CopyOp::create(builder, loc, buffer, copy);
  return copy;
}

/// accumulator[i] = root[i] != snapshot[i] ? root[i] : accumulator[i].
LogicalResult collectChanges(OpBuilder &builder, Location loc, Value root,
                             Value snapshot, Value accumulator) {
  auto type = cast<MemRefType>(root.getType());
  Type element = type.getElementType();
  if (!isa<FloatType, IntegerType, IndexType>(element))
    return emitError(loc, "test-digamma-forall-isolation: elements of type ")
           << element << " cannot be compared";
  unsigned rank = type.getRank();
  SmallVector<AffineMap> maps(3, builder.getMultiDimIdentityMap(rank));
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::parallel);
  linalg::GenericOp::create(
      builder, loc, ValueRange{root, snapshot}, ValueRange{accumulator}, maps,
      iterators, [&](OpBuilder &body, Location bodyLoc, ValueRange args) {
        Value changed =
            isa<FloatType>(element)
                ? arith::CmpFOp::create(body, bodyLoc, arith::CmpFPredicate::UNE,
                                        args[0], args[1])
                      .getResult()
                : arith::CmpIOp::create(body, bodyLoc, arith::CmpIPredicate::ne,
                                        args[0], args[1])
                      .getResult();
        Value kept = arith::SelectOp::create(body, bodyLoc, changed, args[0],
                                             args[2]);
        linalg::YieldOp::create(body, bodyLoc, kept);
      });
  return success();
}

LogicalResult isolate(RewriterBase &rewriter, scf::ForallOp forall) {
  Location loc = forall.getLoc();
  if (forall.getNumResults() != 0)
    return forall.emitError("test-digamma-forall-isolation: the forall has "
                            "tensor results; run it after bufferization");
  FailureOr<SmallVector<Value>> roots = getSharedWrittenRoots(forall);
  if (failed(roots))
    return failure();

  rewriter.setInsertionPoint(forall);
  SmallVector<Value> snapshots, accumulators;
  for (Value root : *roots) {
    snapshots.push_back(copyToNewBuffer(rewriter, loc, root));
    accumulators.push_back(copyToNewBuffer(rewriter, loc, root));
  }
  SmallVector<Value> lbs = getValueOrCreateConstantIndexOp(
      rewriter, loc, forall.getMixedLowerBound());
  SmallVector<Value> ubs = getValueOrCreateConstantIndexOp(
      rewriter, loc, forall.getMixedUpperBound());
  SmallVector<Value> steps =
      getValueOrCreateConstantIndexOp(rewriter, loc, forall.getMixedStep());
  LogicalResult status = success();
  scf::buildLoopNest(
      rewriter, loc, lbs, ubs, steps,
      [&](OpBuilder &builder, Location bodyLoc, ValueRange ivs) {
        for (auto [root, snapshot] : llvm::zip(*roots, snapshots))
          memref::CopyOp::create(builder, bodyLoc, snapshot, root);
        IRMapping mapping;
        mapping.map(forall.getInductionVars(), ivs);
        for (Operation &op : forall.getBody()->without_terminator())
          builder.clone(op, mapping);
        for (auto [root, snapshot, accumulator] :
             llvm::zip(*roots, snapshots, accumulators))
          if (failed(collectChanges(builder, bodyLoc, root, snapshot,
                                    accumulator)))
            status = failure();
      });
  for (auto [root, snapshot, accumulator] :
       llvm::zip(*roots, snapshots, accumulators)) {
    memref::CopyOp::create(rewriter, loc, accumulator, root);
    memref::DeallocOp::create(rewriter, loc, snapshot);
    memref::DeallocOp::create(rewriter, loc, accumulator);
  }
  rewriter.eraseOp(forall);
  return status;
}

struct TestForallIsolationPass
    : public PassWrapper<TestForallIsolationPass, OperationPass<>> {
  MLIR_DEFINE_EXPLICIT_INTERNAL_INLINE_TYPE_ID(TestForallIsolationPass)

  StringRef getArgument() const final {
    return "test-digamma-forall-isolation";
  }
  StringRef getDescription() const final {
    return "Testing aid: lower scf.forall on buffers to sequential loops "
           "whose iterations each see the memory the loop started with, as "
           "concurrent iterations would (a race between iterations changes "
           "the result)";
  }
  void getDependentDialects(DialectRegistry &registry) const override {
    registry.insert<arith::ArithDialect, linalg::LinalgDialect,
                    memref::MemRefDialect, scf::SCFDialect>();
  }

  void runOnOperation() override {
    // Post-order: inner foralls first.
    SmallVector<scf::ForallOp> foralls;
    getOperation()->walk([&](scf::ForallOp forall) { foralls.push_back(forall); });
    IRRewriter rewriter(&getContext());
    for (scf::ForallOp forall : foralls)
      if (failed(isolate(rewriter, forall)))
        return signalPassFailure();
  }
};

} // namespace

namespace digamma::test {
void registerTestForallIsolationPass() {
  PassRegistration<TestForallIsolationPass>();
}
} // namespace digamma::test
