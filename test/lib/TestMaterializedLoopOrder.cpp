//===- TestMaterializedLoopOrder.cpp - Check loops against the mapping ----===//
//
// `--test-digamma-materialized-loop-order`: materializes every op's
// digamma.mapping with the code --digamma-materialize runs, then checks the
// loops it built against the mapping, derived independently from the
// documented rule (digamma/Transforms/Materialize.h):
//  * batch loops (roles N, G) of extent > 1, step 1, outermost;
//  * per level, outer first: an scf.for per tiled loop of the dimensions
//    before the parallel one in the level's order, the scf.forall over the
//    parallel dimension's tiled loops (or over its innermost loop in one
//    iteration), an scf.for per tiled loop of the dimensions after it.
// Which loop of the op a materialized loop tiles is read from the IR: its
// induction variable must appear in the offsets of the tiled op's operand
// slices at a position the op's indexing maps give to that loop alone
// (followed through slices, loop-carried values and partial sums). A loop
// swapped across the forall, a missing or an extra loop, a wrong step or a
// wrong PE level is an error on the op; a checked op gets a remark listing
// its loops.
//
//===----------------------------------------------------------------------===//

#include "digamma/Dialect/Digamma/IR/DigammaDialect.h"
#include "digamma/Transforms/Materialize.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Pass/Pass.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"

#include <string>

using namespace mlir;
using namespace digamma;

namespace {

/// One loop of the nest: an scf.for (one op loop) or an scf.forall (one or
/// more op loops), outermost first.
struct LoopShape {
  bool forall = false;
  int64_t level = -1; // PE level of a forall
  SmallVector<unsigned> loops;
  SmallVector<int64_t> steps;

  bool operator==(const LoopShape &other) const {
    return forall == other.forall && level == other.level &&
           loops == other.loops && steps == other.steps;
  }
};

std::string describe(ArrayRef<LoopShape> shapes, LoopNestAttr loopNest) {
  std::string text;
  llvm::raw_string_ostream os(text);
  for (const LoopShape &shape : shapes) {
    if (!text.empty())
      os << " ";
    os << (shape.forall ? "forall<" + std::to_string(shape.level) + ">("
                        : std::string("for("));
    for (auto [index, loop] : llvm::enumerate(shape.loops))
      os << (index ? ", " : "") << loopNest.getDimNames()[loop].getValue()
         << " step " << shape.steps[index];
    os << ")";
  }
  return text;
}

/// The loops the mapping asks for, from the documented rule.
SmallVector<LoopShape> expectLoops(LoopNestAttr loopNest,
                                   MappingAttr mapping) {
  unsigned numLoops = loopNest.getNumDims();
  SmallVector<SmallVector<unsigned>> loopsOf(6);
  SmallVector<LoopShape> shapes;
  for (unsigned loop = 0; loop < numLoops; ++loop) {
    int role = mappedDimIndex(loopNest.getRoles()[loop]);
    if (role >= 0)
      loopsOf[role].push_back(loop);
    else if (loopNest.getBounds()[loop] > 1)
      shapes.push_back({false, -1, {loop}, {1}});
  }
  SmallVector<int64_t> extent(loopNest.getBounds());
  for (unsigned loop : llvm::seq(numLoops))
    if (mappedDimIndex(loopNest.getRoles()[loop]) < 0)
      extent[loop] = 1;
  for (auto [levelIndex, level] : llvm::enumerate(mapping.getLevelAttrs())) {
    // A role's tile, innermost loop first: whole extents while the tile
    // covers them, then the remaining factor.
    SmallVector<int64_t> target(extent);
    for (unsigned role = 0; role < 6; ++role) {
      int64_t remaining = level.getTiles()[role];
      for (unsigned loop : llvm::reverse(loopsOf[role])) {
        target[loop] = remaining >= extent[loop]
                           ? extent[loop]
                           : std::max<int64_t>(remaining, 1);
        remaining = remaining >= extent[loop] ? remaining / extent[loop] : 1;
      }
    }
    auto tiledLoops = [&](int role) {
      LoopShape shape;
      for (unsigned loop : loopsOf[role])
        if (target[loop] < extent[loop]) {
          shape.loops.push_back(loop);
          shape.steps.push_back(target[loop]);
        }
      return shape;
    };
    int parallel = mappedDimIndex(level.getParallel());
    bool afterParallel = false;
    SmallVector<LoopShape> inner;
    for (DimRole role : level.getOrder()) {
      int index = mappedDimIndex(role);
      if (index == parallel) {
        afterParallel = true;
        continue;
      }
      for (auto [loop, step] : llvm::zip(tiledLoops(index).loops,
                                         tiledLoops(index).steps))
        (afterParallel ? inner : shapes).push_back({false, -1, {loop}, {step}});
    }
    LoopShape spatial = tiledLoops(parallel);
    if (spatial.loops.empty()) {
      unsigned loop = loopsOf[parallel].back();
      spatial.loops = {loop};
      spatial.steps = {extent[loop]};
    }
    spatial.forall = true;
    spatial.level = static_cast<int64_t>(levelIndex);
    shapes.push_back(spatial);
    llvm::append_range(shapes, inner);
    extent = target;
  }
  return shapes;
}

/// Induction variables of scf.for / scf.forall that \p value depends on.
void collectInductionVars(Value value, llvm::SmallPtrSetImpl<Value> &ivs,
                          llvm::SmallPtrSetImpl<Value> &seen) {
  if (!seen.insert(value).second)
    return;
  if (auto arg = dyn_cast<BlockArgument>(value)) {
    Operation *owner = arg.getOwner()->getParentOp();
    if (auto forOp = dyn_cast_or_null<scf::ForOp>(owner)) {
      if (arg == forOp.getInductionVar())
        ivs.insert(arg);
    } else if (auto forall = dyn_cast_or_null<scf::ForallOp>(owner)) {
      if (llvm::is_contained(forall.getInductionVars(), arg))
        ivs.insert(arg);
    }
    return;
  }
  if (Operation *def = value.getDefiningOp())
    for (Value operand : def->getOperands())
      collectInductionVars(operand, ivs, seen);
}

/// The value a partial-sum buffer or tensor \p partial is added into: the
/// init of the linalg.reduce that reads it (directly on buffers, through
/// the forall it is the shared output of on tensors).
Value getMergeTarget(Value partial) {
  auto readBy = [](Value value) -> Value {
    for (Operation *user : value.getUsers())
      if (auto reduce = dyn_cast<linalg::ReduceOp>(user))
        if (llvm::is_contained(reduce.getInputs(), value))
          return reduce.getInits()[0];
    return Value();
  };
  if (Value merged = readBy(partial))
    return merged;
  for (OpOperand &use : partial.getUses())
    if (auto forall = dyn_cast<scf::ForallOp>(use.getOwner()))
      if (OpResult result = forall.getTiedOpResult(&use))
        if (Value merged = readBy(result))
          return merged;
  return Value();
}

/// Assigns to \p loopOfIv the op loop each induction variable tiles, read
/// from the slices \p operand of the tiled op is cut from; \p map is the
/// operand's indexing map. Fails on an induction variable that would tile
/// two loops.
LogicalResult traceOperand(Value operand, AffineMap map,
                           llvm::DenseMap<Value, unsigned> &loopOfIv,
                           Operation *reportOn) {
  // Position p of the current value holds map result resultOf[p] (-1: a
  // partial sum's slot dimension).
  SmallVector<int64_t> resultOf = llvm::to_vector(
      llvm::seq<int64_t>(0, static_cast<int64_t>(map.getNumResults())));
  Value current = operand;
  llvm::SmallPtrSet<Value, 16> visited;
  while (current && visited.insert(current).second) {
    Value next;
    SmallVector<OpFoldResult> offsets, sizes;
    if (auto slice = current.getDefiningOp<tensor::ExtractSliceOp>()) {
      offsets = slice.getMixedOffsets();
      sizes = slice.getMixedSizes();
      next = slice.getSource();
    } else if (auto view = current.getDefiningOp<memref::SubViewOp>()) {
      offsets = view.getMixedOffsets();
      sizes = view.getMixedSizes();
      next = view.getSource();
    } else if (auto arg = dyn_cast<BlockArgument>(current)) {
      Operation *owner = arg.getOwner()->getParentOp();
      if (auto forOp = dyn_cast_or_null<scf::ForOp>(owner)) {
        OpOperand *init = forOp.getTiedLoopInit(arg);
        current = init ? init->get() : Value();
      } else if (auto forall = dyn_cast_or_null<scf::ForallOp>(owner)) {
        OpOperand *init = forall.getTiedOpOperand(arg);
        current = init ? init->get() : Value();
      } else {
        current = Value();
      }
      continue;
    } else if (current.getDefiningOp<linalg::FillOp>() ||
               current.getDefiningOp<memref::AllocOp>()) {
      // A partial sum: continue from the output it is merged into.
      Value merged = getMergeTarget(current);
      if (!merged)
        if (auto fill = current.getDefiningOp<linalg::FillOp>())
          merged = getMergeTarget(fill.getOutputs()[0]);
      current = merged;
      continue;
    } else {
      break;
    }
    // The only rank-reducing slices are those of a partial sum, whose slot
    // dimensions trail the output's: the leading positions carry over.
    auto rank = static_cast<unsigned>(
        cast<ShapedType>(current.getType()).getRank());
    for (unsigned dim = rank; dim < sizes.size(); ++dim)
      if (!isConstantIntValue(sizes[dim], 1))
        return reportOn->emitError()
               << "test-digamma-materialized-loop-order: a rank-reducing "
                  "slice drops a dimension that is not trailing";
    SmallVector<int64_t> sourceResultOf(offsets.size(), -1);
    for (unsigned dim = 0; dim < rank && dim < resultOf.size(); ++dim)
      sourceResultOf[dim] = resultOf[dim];
    for (auto [dim, offset] : llvm::enumerate(offsets)) {
      int64_t result = sourceResultOf[dim];
      if (result < 0)
        continue;
      auto dimExpr = dyn_cast<AffineDimExpr>(map.getResult(result));
      if (!dimExpr)
        continue; // a window position: several loops
      auto offsetValue = dyn_cast<Value>(offset);
      if (!offsetValue)
        continue;
      llvm::SmallPtrSet<Value, 8> ivs, seen;
      collectInductionVars(offsetValue, ivs, seen);
      for (Value iv : ivs) {
        auto [it, inserted] = loopOfIv.try_emplace(iv, dimExpr.getPosition());
        if (!inserted && it->second != dimExpr.getPosition())
          return reportOn->emitError()
                 << "test-digamma-materialized-loop-order: an induction "
                    "variable offsets op loops #"
                 << it->second << " and #" << dimExpr.getPosition();
      }
    }
    resultOf = std::move(sourceResultOf);
    current = next;
  }
  return success();
}

/// The loops around \p tiledOp up to \p stop, outermost first, with the op
/// loop each induction variable tiles.
FailureOr<SmallVector<LoopShape>> readLoops(linalg::LinalgOp tiledOp,
                                            Operation *stop,
                                            Operation *reportOn) {
  llvm::DenseMap<Value, unsigned> loopOfIv;
  for (OpOperand &operand : tiledOp->getOpOperands())
    if (failed(traceOperand(operand.get(),
                            tiledOp.getMatchingIndexingMap(&operand),
                            loopOfIv, reportOn)))
      return failure();
  SmallVector<LoopShape> shapes;
  for (Operation *parent = tiledOp->getParentOp(); parent && parent != stop;
       parent = parent->getParentOp()) {
    LoopShape shape;
    SmallVector<Value> ivs;
    SmallVector<OpFoldResult> steps;
    if (auto forOp = dyn_cast<scf::ForOp>(parent)) {
      ivs.push_back(forOp.getInductionVar());
      steps.push_back(getAsOpFoldResult(forOp.getStep()));
    } else if (auto forall = dyn_cast<scf::ForallOp>(parent)) {
      shape.forall = true;
      ArrayAttr mapping = forall.getMappingAttr();
      auto level = mapping && mapping.size() > 0
                       ? dyn_cast<PeLevelAttr>(mapping[0])
                       : PeLevelAttr();
      shape.level = level ? static_cast<int64_t>(level.getLevel()) : -2;
      llvm::append_range(ivs, forall.getInductionVars());
      llvm::append_range(steps, forall.getMixedStep());
    } else {
      continue;
    }
    for (auto [iv, step] : llvm::zip(ivs, steps)) {
      auto it = loopOfIv.find(iv);
      if (it == loopOfIv.end())
        return reportOn->emitError()
               << "test-digamma-materialized-loop-order: cannot tell which "
                  "loop of the op a '"
               << parent->getName() << "' tiles";
      shape.loops.push_back(it->second);
      shape.steps.push_back(getConstantIntValue(step).value_or(-1));
    }
    shapes.insert(shapes.begin(), shape);
  }
  return shapes;
}

struct TestMaterializedLoopOrderPass
    : public PassWrapper<TestMaterializedLoopOrderPass, OperationPass<>> {
  MLIR_DEFINE_EXPLICIT_INTERNAL_INLINE_TYPE_ID(TestMaterializedLoopOrderPass)

  StringRef getArgument() const final {
    return "test-digamma-materialized-loop-order";
  }
  StringRef getDescription() const final {
    return "Testing aid: materialize every digamma.mapping and check the "
           "loops built against the mapping's order, parallel dimension, "
           "tiles and levels";
  }
  void getDependentDialects(DialectRegistry &registry) const override {
    registry.insert<DigammaDialect, affine::AffineDialect,
                    arith::ArithDialect, linalg::LinalgDialect,
                    memref::MemRefDialect, scf::SCFDialect,
                    tensor::TensorDialect>();
  }

  void runOnOperation() override {
    DigammaDialect::MappingAttrHelper mappingHelper(&getContext());
    DigammaDialect::LoopNestAttrHelper loopNestHelper(&getContext());
    SmallVector<Operation *> ops;
    getOperation()->walk([&](Operation *op) {
      if (mappingHelper.isAttrPresent(op) && loopNestHelper.isAttrPresent(op))
        ops.push_back(op);
    });
    IRRewriter rewriter(&getContext());
    for (Operation *op : ops) {
      LoopNestAttr loopNest = loopNestHelper.getAttr(op);
      SmallVector<LoopShape> expected =
          expectLoops(loopNest, mappingHelper.getAttr(op));
      Location loc = op->getLoc();
      Operation *stop = op->getParentOp();
      auto tileable = dyn_cast<TilingInterface>(op);
      if (!tileable) {
        op->emitError("test-digamma-materialized-loop-order: not tileable");
        return signalPassFailure();
      }
      FailureOr<MaterializedMapping> materialized = materializeMapping(
          rewriter, tileable, mappingHelper.getAttr(op));
      if (failed(materialized))
        return signalPassFailure();
      auto tiledOp = dyn_cast<linalg::LinalgOp>(materialized->tiledOp);
      if (!tiledOp) {
        emitError(loc, "test-digamma-materialized-loop-order: the tiled op "
                       "is not a linalg op");
        return signalPassFailure();
      }
      FailureOr<SmallVector<LoopShape>> actual =
          readLoops(tiledOp, stop, tiledOp);
      if (failed(actual))
        return signalPassFailure();
      if (*actual != expected) {
        emitError(loc) << "test-digamma-materialized-loop-order: the mapping "
                          "asks for "
                       << describe(expected, loopNest) << " but got "
                       << describe(*actual, loopNest);
        return signalPassFailure();
      }
      emitRemark(loc) << "loops follow the mapping: "
                      << describe(expected, loopNest);
    }
  }
};

} // namespace

namespace digamma::test {
void registerTestMaterializedLoopOrderPass() {
  PassRegistration<TestMaterializedLoopOrderPass>();
}
} // namespace digamma::test
