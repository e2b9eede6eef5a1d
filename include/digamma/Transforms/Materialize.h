//===- Materialize.h - Apply a digamma.mapping by tiling -------*- C++ -*-===//
//
// The one implementation behind `--digamma-materialize` and
// `transform.digamma.tile_by_mapping`: turns an op's #digamma.mapping into a
// nest of scf.for / scf.forall loops with scf::tileUsingSCF.
//
// Canonical dimensions back to the op's loops (the loop nest records each
// loop's role; see the README, "Materializing a mapping"):
//  * N and G loops (batch, groups, 3-D output depth, outer M loops) are an
//    outer loop around the whole mapping in the cost model: they are tiled
//    by 1 in scf.for loops around level 0, in loop-nest order.
//  * A role with one loop (always the case for Y, X, R and S) gets the
//    level's tile for it; Y and X tiles count output rows and columns,
//    exactly the op's Y/X loops.
//  * A role folded from several loops (K from several contraction N loops,
//    C from c x kd or from channels x multiplier) is split row-major,
//    innermost loop first: each loop takes as much of the tile as it can
//    (its whole current extent, the rest going to the next outer loop, or
//    the remaining factor). This is the canonical tile exactly when the tile
//    is a rectangle of the folded space (smaller than the innermost extent,
//    or a multiple of the inner extents it covers); otherwise it is the
//    largest rectangle below it.
// Per level, outermost first: scf.for loops for the dimensions before the
// parallel one in the level's order, an scf.forall with #digamma.pe_level
// over the parallel dimension's loops, scf.for loops for the rest. A loop
// whose tile equals its extent at that level gets no loop, except that
// every level has its scf.forall (of one iteration if the tile is whole).
// A parallel dimension made of reduction loops (C of a convolution or a
// GEMM, R, S) becomes a partial-reduction forall: every iteration
// accumulates into its own slot of a partial-sum tensor or buffer and a
// linalg.reduce after the loop adds them up, which is the spatial reduction
// the cost model charges. On tensors that is upstream's
// PartialReductionOuterParallel; on buffers the same structure is built
// here (a memref.alloc with the level's fan-out as trailing dimensions,
// filled with the combiner's neutral element, freed after the merge).
// Non-dividing tiles leave smaller edge tiles (affine.min).
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_TRANSFORMS_MATERIALIZE_H
#define DIGAMMA_TRANSFORMS_MATERIALIZE_H

#include "digamma/Dialect/Digamma/IR/DigammaAttrs.h"

#include "mlir/IR/PatternMatch.h"
#include "mlir/Interfaces/TilingInterface.h"

#include <string>

namespace digamma {

/// One call of scf::tileUsingSCF.
struct TilingStep {
  enum class Kind { Batch, Outer, Spatial, Inner };
  Kind kind = Kind::Outer;
  /// The mapping level the step belongs to (Batch steps: 0).
  unsigned level = 0;
  /// Per loop of the op; 0 leaves the loop untiled.
  llvm::SmallVector<int64_t> tileSizes;
  /// Full permutation of the op's loops: the tiled loops outermost first,
  /// then the others.
  llvm::SmallVector<int64_t> interchange;
  /// Spatial steps over reduction loops: partial-reduction forall.
  bool partialReduction = false;
  /// The tiled loops of the step, in interchange order.
  llvm::SmallVector<unsigned> tiledLoops;
};

/// The steps that materialize one mapping on one op, in order.
struct MaterializationPlan {
  llvm::SmallVector<TilingStep> steps;
};

/// What materializeMapping built.
struct MaterializedMapping {
  /// The innermost tiled op. It keeps the original op's digamma.* attributes
  /// except digamma.mapping.
  mlir::Operation *tiledOp = nullptr;
  /// Every loop created, outermost first.
  llvm::SmallVector<mlir::Operation *> loops;
};

/// Plans the materialization of \p mapping on \p op, whose loops the op's
/// digamma.loop_nest describes. Does not modify the IR. On failure returns
/// failure and sets \p reason to a sentence saying why (no TilingInterface,
/// no loop nest, a loop nest that does not describe the op, a mapping that
/// does not fit the loop nest, a spatial level that mixes parallel and
/// reduction loops, a spatial reduction on buffers by an op without a
/// single combiner with a neutral element).
mlir::FailureOr<MaterializationPlan> planMaterialization(mlir::Operation *op,
                                                         MappingAttr mapping,
                                                         std::string &reason);

/// Executes \p plan on \p op (see planMaterialization) and replaces \p op by
/// the loop nest. Emits an error on the op and returns failure if upstream
/// tiling fails; the IR may then be partially tiled.
mlir::FailureOr<MaterializedMapping>
materializeMapping(mlir::RewriterBase &rewriter, mlir::TilingInterface op,
                   const MaterializationPlan &plan);

/// Plans and executes; a planning failure is an error on the op.
mlir::FailureOr<MaterializedMapping>
materializeMapping(mlir::RewriterBase &rewriter, mlir::TilingInterface op,
                   MappingAttr mapping);

} // namespace digamma

#endif // DIGAMMA_TRANSFORMS_MATERIALIZE_H
