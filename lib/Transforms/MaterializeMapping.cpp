//===- MaterializeMapping.cpp - Apply a digamma.mapping with tiling -------===//
//
// Plans the tiling steps of a mapping from the op's loop nest (pure, no IR
// change) and executes them with scf::tileUsingSCF. Shared by the
// --digamma-materialize pass and transform.digamma.tile_by_mapping.
//
//===----------------------------------------------------------------------===//

#include "digamma/Transforms/Materialize.h"

#include "digamma/Dialect/Digamma/IR/DigammaDialect.h"

#include "mlir/Analysis/SliceAnalysis.h"
#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/SCF/Transforms/TileUsingInterface.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/Interfaces/DestinationStyleOpInterface.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using namespace digamma;

/// Sets \p reason and returns failure.
static FailureOr<MaterializationPlan> fail(std::string &reason,
                                           const llvm::Twine &message) {
  reason = message.str();
  return failure();
}

/// Static extents of the op's loops, or failure with the loop that is not.
static FailureOr<SmallVector<int64_t>>
getStaticLoopExtents(TilingInterface op, std::string &reason) {
  if (auto linalgOp = dyn_cast<linalg::LinalgOp>(op.getOperation())) {
    SmallVector<int64_t> ranges = linalgOp.getStaticLoopRanges();
    for (auto [index, range] : llvm::enumerate(ranges))
      if (ShapedType::isDynamic(range)) {
        reason = "loop #" + std::to_string(index) +
                 " of the op has a dynamic "
                 "bound; only static loop nests can be materialized";
        return failure();
      }
    return ranges;
  }
  // Other TilingInterface ops: their iteration domain (static shapes fold to
  // constants without creating ops).
  OpBuilder builder(op);
  SmallVector<int64_t> ranges;
  for (auto [index, range] : llvm::enumerate(op.getIterationDomain(builder))) {
    std::optional<int64_t> offset = getConstantIntValue(range.offset);
    std::optional<int64_t> size = getConstantIntValue(range.size);
    std::optional<int64_t> stride = getConstantIntValue(range.stride);
    if (!offset || !size || !stride || *offset != 0 || *stride != 1) {
      reason = "loop #" + std::to_string(index) +
               " of the op is not a static "
               "range from 0 with step 1";
      return failure();
    }
    ranges.push_back(*size);
  }
  return ranges;
}

/// Splits the canonical tile \p tile of one dimension over its \p loops
/// (outer first) with current extents \p extent: innermost loop first, each
/// loop takes its whole extent while the tile covers it, then the remaining
/// factor; loops further out get 1.
static void splitTile(int64_t tile, ArrayRef<unsigned> loops,
                      ArrayRef<int64_t> extent,
                      MutableArrayRef<int64_t> target) {
  int64_t remaining = tile;
  for (unsigned loop : llvm::reverse(loops)) {
    if (remaining >= extent[loop]) {
      target[loop] = extent[loop];
      remaining /= extent[loop];
    } else {
      target[loop] = std::max<int64_t>(remaining, 1);
      remaining = 1;
    }
  }
}

/// Builds a step tiling \p loops (in that order, outermost first) to
/// \p sizes; the interchange lists them first, then the other loops.
static TilingStep makeStep(TilingStep::Kind kind, unsigned level,
                           unsigned numLoops, ArrayRef<unsigned> loops,
                           ArrayRef<int64_t> sizes) {
  TilingStep step;
  step.kind = kind;
  step.level = level;
  step.tileSizes.assign(numLoops, 0);
  for (unsigned loop : loops) {
    step.tileSizes[loop] = sizes[loop];
    step.tiledLoops.push_back(loop);
    step.interchange.push_back(loop);
  }
  for (unsigned loop = 0; loop < numLoops; ++loop)
    if (!llvm::is_contained(loops, loop))
      step.interchange.push_back(loop);
  return step;
}

/// The one combiner of a single-init linalg op's body (the addition of a
/// multiply-accumulate), or null.
static Operation *getCombiner(linalg::LinalgOp op) {
  if (op.getNumDpsInits() != 1)
    return nullptr;
  SmallVector<Operation *, 4> combiners;
  if (!matchReduction(op.getRegionOutputArgs(), 0, combiners) ||
      combiners.size() != 1)
    return nullptr;
  return combiners.front();
}

/// Why the partial sums of a reduction-parallel level cannot be built for
/// \p op, or an empty string. On tensors upstream tiling builds them; on
/// buffers tileReductionOnBuffers does, for a linalg op with one output and
/// a combiner with a neutral element (every op the lowering describes).
static std::string describeUnsupportedPartialSums(Operation *op) {
  auto dps = dyn_cast<DestinationStyleOpInterface>(op);
  if (!dps || !dps.hasPureBufferSemantics())
    return "";
  auto linalgOp = dyn_cast<linalg::LinalgOp>(op);
  Operation *combiner = linalgOp ? getCombiner(linalgOp) : nullptr;
  if (!combiner)
    return "the op works on buffers and is not a linalg op with one output "
           "whose body ends in a single combiner";
  if (!arith::getNeutralElement(combiner))
    return "the op works on buffers and its combiner '" +
           combiner->getName().getStringRef().str() +
           "' has no neutral element to start the partial sums from";
  return "";
}

FailureOr<MaterializationPlan>
digamma::planMaterialization(Operation *op, MappingAttr mapping,
                             std::string &reason) {
  auto tileable = dyn_cast<TilingInterface>(op);
  if (!tileable)
    return fail(reason, "the op does not implement TilingInterface (for "
                        "linalg ops: linalg's tiling external models must be "
                        "registered)");
  if (!mapping)
    return fail(reason, "the op has no digamma.mapping");
  DigammaDialect::LoopNestAttrHelper loopNestHelper(op->getContext());
  LoopNestAttr loopNest = loopNestHelper.isAttrPresent(op)
                              ? loopNestHelper.getAttr(op)
                              : LoopNestAttr();
  if (!loopNest)
    return fail(reason, "the op has no digamma.loop_nest to relate the "
                        "mapping's dimensions to its loops");

  // The loop nest must describe the op's loops one to one.
  unsigned numLoops = loopNest.getNumDims();
  SmallVector<utils::IteratorType> iterators = tileable.getLoopIteratorTypes();
  if (iterators.size() != numLoops)
    return fail(reason, "digamma.loop_nest describes " + llvm::Twine(numLoops) +
                            " loops but the op has " +
                            llvm::Twine(iterators.size()));
  FailureOr<SmallVector<int64_t>> opExtents =
      getStaticLoopExtents(tileable, reason);
  if (failed(opExtents))
    return failure();
  for (unsigned i = 0; i < numLoops; ++i) {
    StringRef name = loopNest.getDimNames()[i].getValue();
    if ((*opExtents)[i] != loopNest.getBounds()[i])
      return fail(reason, "loop '" + name + "' has bound " +
                              llvm::Twine(loopNest.getBounds()[i]) +
                              " in digamma.loop_nest but " +
                              llvm::Twine((*opExtents)[i]) + " in the op");
    bool isParallel = loopNest.getIterators()[i] == IteratorKind::Parallel;
    if (isParallel != (iterators[i] == utils::IteratorType::parallel))
      return fail(reason, "loop '" + name + "' is " +
                              (isParallel ? "parallel" : "a reduction") +
                              " in digamma.loop_nest but " +
                              (isParallel ? "a reduction" : "parallel") +
                              " in the op");
  }

  // The mapping must fit the loop nest (what the dialect verifier checks
  // for an attached mapping; a transform may pass one explicitly).
  SmallVector<LevelAttr> levels = mapping.getLevelAttrs();
  if (levels.empty() || levels.size() != mapping.getLevels().size())
    return fail(reason, "the mapping has no valid levels");
  if (std::optional<std::string> mismatch =
          describeMappingMismatch(mapping, loopNest))
    return fail(reason, *mismatch);

  // The loops of every canonical dimension, outer first, and the batch
  // loops (N and G).
  SmallVector<SmallVector<unsigned>> loopsOf(6);
  SmallVector<unsigned> batchLoops;
  for (unsigned i = 0; i < numLoops; ++i) {
    int index = mappedDimIndex(loopNest.getRoles()[i]);
    if (index < 0)
      batchLoops.push_back(i);
    else
      loopsOf[index].push_back(i);
  }

  MaterializationPlan plan;
  SmallVector<int64_t> extent(loopNest.getBounds());
  // Batch: the cost model repeats the whole mapping per batch element.
  SmallVector<unsigned> batchTiled;
  SmallVector<int64_t> ones(numLoops, 1);
  for (unsigned loop : batchLoops)
    if (extent[loop] > 1) {
      batchTiled.push_back(loop);
      extent[loop] = 1;
    }
  if (!batchTiled.empty())
    plan.steps.push_back(
        makeStep(TilingStep::Kind::Batch, 0, numLoops, batchTiled, ones));

  for (auto [levelIndex, level] : llvm::enumerate(levels)) {
    unsigned levelNumber = static_cast<unsigned>(levelIndex);
    SmallVector<int64_t> target(extent);
    for (unsigned d = 0; d < 6; ++d)
      splitTile(level.getTiles()[d], loopsOf[d], extent, target);
    auto isTiled = [&](unsigned loop) { return target[loop] < extent[loop]; };

    int parallel = mappedDimIndex(level.getParallel());
    SmallVector<unsigned> outer, spatial, inner;
    bool seenParallel = false;
    for (DimRole role : level.getOrder()) {
      int d = mappedDimIndex(role);
      if (d == parallel) {
        seenParallel = true;
        continue;
      }
      for (unsigned loop : loopsOf[d])
        if (isTiled(loop))
          (seenParallel ? inner : outer).push_back(loop);
    }
    for (unsigned loop : loopsOf[parallel])
      if (isTiled(loop))
        spatial.push_back(loop);
    // Every level has its forall: over the innermost loop of the parallel
    // dimension, in one iteration, when the level does not split it.
    SmallVector<int64_t> spatialSizes(target);
    if (spatial.empty()) {
      unsigned loop = loopsOf[parallel].back();
      spatial.push_back(loop);
      spatialSizes[loop] = extent[loop];
    }
    unsigned numReductions = llvm::count_if(spatial, [&](unsigned loop) {
      return iterators[loop] == utils::IteratorType::reduction;
    });
    if (numReductions != 0 && numReductions != spatial.size())
      return fail(reason, "mapping level #" + llvm::Twine(levelNumber) +
                              " parallel dimension " +
                              stringifyDimRole(level.getParallel()) +
                              " spans both parallel and reduction loops; a "
                              "spatial level must be one or the other");
    if (numReductions != 0) {
      std::string why = describeUnsupportedPartialSums(op);
      if (!why.empty())
        return fail(reason, "mapping level #" + llvm::Twine(levelNumber) +
                                " spreads reduction dimension " +
                                stringifyDimRole(level.getParallel()) +
                                " over PEs, which needs partial sums, but " +
                                why);
    }

    if (!outer.empty())
      plan.steps.push_back(makeStep(TilingStep::Kind::Outer, levelNumber,
                                    numLoops, outer, target));
    TilingStep spatialStep = makeStep(TilingStep::Kind::Spatial, levelNumber,
                                      numLoops, spatial, spatialSizes);
    spatialStep.partialReduction = numReductions != 0;
    plan.steps.push_back(std::move(spatialStep));
    if (!inner.empty())
      plan.steps.push_back(makeStep(TilingStep::Kind::Inner, levelNumber,
                                    numLoops, inner, target));
    extent = std::move(target);
  }
  return plan;
}

/// True for the names of the attributes passes of this project attach.
static bool isDigammaAttr(NamedAttribute attr) {
  return attr.getName().getValue().starts_with("digamma.");
}

/// Removes every digamma.* attribute of \p op.
static void stripDigammaAttrs(Operation *op) {
  SmallVector<StringAttr> names;
  for (NamedAttribute attr : op->getDiscardableAttrs())
    if (isDigammaAttr(attr))
      names.push_back(attr.getName());
  for (StringAttr name : names)
    op->removeDiscardableAttr(name);
}

static StringRef describeStep(TilingStep::Kind kind) {
  switch (kind) {
  case TilingStep::Kind::Batch:
    return "batch loops";
  case TilingStep::Kind::Outer:
    return "loops outside the forall";
  case TilingStep::Kind::Spatial:
    return "forall";
  case TilingStep::Kind::Inner:
    break;
  }
  return "loops inside the forall";
}

namespace {
/// What tileReductionOnBuffers built.
struct BufferPartialReduction {
  Operation *tiledOp;
  scf::ForallOp loop;
};
} // namespace

/// The partial-sum forall of \p step on a linalg op on buffers (what
/// upstream PartialReductionOuterParallel does on tensors): a buffer of the
/// output's shape times the level's fan-out along each tiled reduction loop
/// (appended, as upstream appends them), filled with the combiner's neutral
/// element; a forall whose every iteration accumulates its slice of the
/// reduction into its own slot; a linalg.reduce that adds the slots into the
/// output; the buffer's deallocation. Replaces \p op. Planning checked that
/// the op has one output and a combiner with a neutral element.
static FailureOr<BufferPartialReduction>
tileReductionOnBuffers(RewriterBase &rewriter, linalg::LinalgOp op,
                       const TilingStep &step) {
  MLIRContext *ctx = op->getContext();
  Location loc = op.getLoc();
  auto tileable = cast<TilingInterface>(op.getOperation());
  Operation *combiner = getCombiner(op);
  Value output = op.getDpsInits()[0];
  auto outputType = cast<MemRefType>(output.getType());
  TypedAttr neutral = *arith::getNeutralElement(combiner);

  rewriter.setInsertionPoint(op);
  SmallVector<Range> domain = tileable.getIterationDomain(rewriter);
  AffineExpr d0, s0;
  bindDims(ctx, d0);
  bindSymbols(ctx, s0);

  // The partial-sum buffer: the output's sizes, then one slot per
  // iteration of each tiled loop.
  SmallVector<OpFoldResult> partialSizes =
      memref::getMixedSizes(rewriter, loc, output);
  SmallVector<OpFoldResult> lbs, ubs, steps;
  for (unsigned loop : step.tiledLoops) {
    int64_t tile = step.tileSizes[loop];
    OpFoldResult extent = affine::makeComposedFoldedAffineApply(
        rewriter, loc, s0 - d0, {domain[loop].offset, domain[loop].size});
    partialSizes.push_back(affine::makeComposedFoldedAffineApply(
        rewriter, loc, s0.ceilDiv(tile), {extent}));
    lbs.push_back(domain[loop].offset);
    ubs.push_back(domain[loop].size);
    steps.push_back(rewriter.getIndexAttr(tile));
  }
  SmallVector<int64_t> staticSizes;
  SmallVector<Value> dynamicSizes;
  dispatchIndexOpFoldResults(partialSizes, dynamicSizes, staticSizes);
  auto partialType = MemRefType::get(staticSizes, outputType.getElementType());
  Value partial =
      memref::AllocOp::create(rewriter, loc, partialType, dynamicSizes);
  Value identity = arith::ConstantOp::create(rewriter, loc, neutral);
  linalg::FillOp::create(rewriter, loc, ValueRange{identity},
                         ValueRange{partial});

  auto mapping = rewriter.getArrayAttr(SmallVector<Attribute>(
      step.tiledLoops.size(), PeLevelAttr::get(ctx, step.level)));
  auto forall = scf::ForallOp::create(rewriter, loc, lbs, ubs, steps,
                                      ValueRange{}, mapping);
  rewriter.setInsertionPoint(forall.getTerminator());
  SmallVector<OpFoldResult> offsets, sizes;
  for (const Range &range : domain) {
    offsets.push_back(range.offset);
    sizes.push_back(range.size);
  }
  SmallVector<OpFoldResult> slot;
  for (auto [index, loop] : llvm::enumerate(step.tiledLoops)) {
    Value iv = forall.getInductionVars()[index];
    int64_t tile = step.tileSizes[loop];
    offsets[loop] = iv;
    sizes[loop] = affine::makeComposedFoldedAffineMin(
        rewriter, loc,
        AffineMap::get(1, 1, {rewriter.getAffineConstantExpr(tile), s0 - d0},
                       ctx),
        {iv, ubs[index]});
    slot.push_back(affine::makeComposedFoldedAffineApply(
        rewriter, loc, (d0 - s0).floorDiv(tile), {iv, lbs[index]}));
  }
  FailureOr<TilingResult> tiled =
      tileable.getTiledImplementation(rewriter, offsets, sizes);
  if (failed(tiled) || tiled->tiledOps.size() != 1)
    return failure();
  auto tiledOp = cast<linalg::LinalgOp>(tiled->tiledOps.front());

  // The iteration's slot of the partial sums, shaped like the tile's output
  // (the output does not depend on the tiled reduction loops: it is the
  // whole output at this level).
  rewriter.setInsertionPoint(tiledOp);
  OpOperand &tileOutput = tiledOp.getDpsInitsMutable()[0];
  Value outputTile = tileOutput.get();
  unsigned outputRank = outputType.getRank();
  SmallVector<OpFoldResult> slotOffsets(outputRank, rewriter.getIndexAttr(0));
  llvm::append_range(slotOffsets, slot);
  SmallVector<OpFoldResult> slotSizes =
      memref::getMixedSizes(rewriter, loc, outputTile);
  slotSizes.append(slot.size(), rewriter.getIndexAttr(1));
  SmallVector<OpFoldResult> unitStrides(slotSizes.size(),
                                        rewriter.getIndexAttr(1));
  auto tileShape = cast<MemRefType>(outputTile.getType()).getShape();
  auto slotType = memref::SubViewOp::inferRankReducedResultType(
      tileShape, partialType, slotOffsets, slotSizes, unitStrides);
  Value slotView = memref::SubViewOp::create(rewriter, loc, slotType, partial,
                                             slotOffsets, slotSizes,
                                             unitStrides);
  rewriter.modifyOpInPlace(tiledOp, [&] { tileOutput.set(slotView); });
  if (Operation *view = outputTile.getDefiningOp();
      view && view->use_empty() && isa<memref::SubViewOp>(view))
    rewriter.eraseOp(view);

  // Add the slots into the output, then free them.
  rewriter.setInsertionPointAfter(forall);
  SmallVector<int64_t> slotDims = llvm::to_vector(
      llvm::seq<int64_t>(outputRank, outputRank + step.tiledLoops.size()));
  linalg::ReduceOp::create(
      rewriter, loc, ValueRange{partial}, ValueRange{output}, slotDims,
      [&](OpBuilder &builder, Location bodyLoc, ValueRange args) {
        Operation *merge = builder.clone(*combiner);
        merge->setOperands(args);
        linalg::YieldOp::create(builder, bodyLoc, merge->getResult(0));
      });
  memref::DeallocOp::create(rewriter, loc, partial);
  rewriter.eraseOp(op);
  return BufferPartialReduction{tiledOp, forall};
}

FailureOr<MaterializedMapping>
digamma::materializeMapping(RewriterBase &rewriter, TilingInterface op,
                            const MaterializationPlan &plan) {
  MLIRContext *ctx = op->getContext();
  Location loc = op->getLoc();
  DigammaDialect::MappingAttrHelper mappingHelper(ctx);
  // The tiled op keeps the description, hardware and cost of the layer;
  // the mapping is now the loops.
  SmallVector<NamedAttribute> kept;
  for (NamedAttribute attr : op->getDiscardableAttrs())
    if (isDigammaAttr(attr) && attr.getName() != mappingHelper.getName())
      kept.push_back(attr);

  MaterializedMapping result;
  Operation *current = op;
  for (const TilingStep &step : plan.steps) {
    auto tileable = dyn_cast<TilingInterface>(current);
    if (!tileable)
      return emitError(loc)
             << "digamma: the op tiled by the " << describeStep(step.kind)
             << " of mapping level #" << step.level
             << " does not implement TilingInterface";
    scf::SCFTilingOptions options;
    options.setTileSizes(getAsIndexOpFoldResult(ctx, step.tileSizes));
    // A forall tiles the loops of one dimension, which are in loop order
    // already; upstream partial reductions mishandle an interchange.
    if (step.kind != TilingStep::Kind::Spatial)
      options.setInterchange(step.interchange);
    if (step.kind == TilingStep::Kind::Spatial) {
      options.setLoopType(scf::SCFTilingOptions::LoopType::ForallOp);
      options.setMapping(SmallVector<Attribute>(
          step.tiledLoops.size(), PeLevelAttr::get(ctx, step.level)));
      if (step.partialReduction) {
        options.setReductionTilingStrategy(
            ReductionTilingStrategy::PartialReductionOuterParallel);
        options.setReductionDims(step.tiledLoops);
      }
    }
    // Upstream builds partial sums on tensors only.
    auto linalgOp = dyn_cast<linalg::LinalgOp>(current);
    if (step.partialReduction && linalgOp &&
        linalgOp.hasPureBufferSemantics()) {
      FailureOr<BufferPartialReduction> tiled =
          tileReductionOnBuffers(rewriter, linalgOp, step);
      if (failed(tiled))
        return emitError(loc)
               << "digamma: tiling failed for the partial-sum forall of "
                  "mapping level #"
               << step.level;
      result.loops.push_back(tiled->loop);
      current = tiled->tiledOp;
      continue;
    }
    rewriter.setInsertionPoint(current);
    FailureOr<scf::SCFTilingResult> tiled =
        scf::tileUsingSCF(rewriter, tileable, options);
    if (failed(tiled) || tiled->tiledOps.empty())
      return emitError(loc)
             << "digamma: upstream tiling failed for the "
             << describeStep(step.kind) << " of mapping level #" << step.level;
    rewriter.replaceOp(current, tiled->replacements);
    for (LoopLikeOpInterface loop : tiled->loops)
      result.loops.push_back(loop.getOperation());
    // tileUsingSCF copies discardable attributes (style-anchors pitfall 19):
    // the partial-sum initialization and merge ops are not the layer.
    for (Operation *merge : tiled->mergeOps)
      stripDigammaAttrs(merge);
    if (step.partialReduction)
      for (Value init : tiled->initialValues)
        if (Operation *def = init.getDefiningOp())
          stripDigammaAttrs(def);
    current = tiled->tiledOps.back();
  }
  stripDigammaAttrs(current);
  for (NamedAttribute attr : kept)
    current->setDiscardableAttr(attr.getName(), attr.getValue());
  result.tiledOp = current;
  return result;
}

FailureOr<MaterializedMapping>
digamma::materializeMapping(RewriterBase &rewriter, TilingInterface op,
                            MappingAttr mapping) {
  std::string reason;
  FailureOr<MaterializationPlan> plan =
      planMaterialization(op, mapping, reason);
  if (failed(plan))
    return op->emitError() << "digamma: cannot materialize the mapping: "
                           << reason;
  return materializeMapping(rewriter, op, *plan);
}
