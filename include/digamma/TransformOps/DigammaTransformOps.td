//===- DigammaTransformOps.td - Transform extension --------*- tablegen -*-===//
//
// transform.digamma.tile_by_mapping: applies a digamma.mapping from a
// transform script, with the code of --digamma-materialize.
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_TRANSFORMOPS_DIGAMMATRANSFORMOPS_TD
#define DIGAMMA_TRANSFORMOPS_DIGAMMATRANSFORMOPS_TD

include "digamma/Dialect/Digamma/IR/DigammaAttrs.td"
include "mlir/Dialect/Transform/IR/TransformDialect.td"
include "mlir/Dialect/Transform/Interfaces/TransformInterfaces.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/IR/OpBase.td"

def TileByMappingOp : Op<Transform_Dialect, "digamma.tile_by_mapping",
    [DeclareOpInterfaceMethods<TransformOpInterface>,
     DeclareOpInterfaceMethods<MemoryEffectsOpInterface>]> {
  let summary = "Tiles ops as their digamma.mapping (or a given mapping) "
                "says";
  let description = [{
    For every payload op of `target`, applies `mapping` if given, otherwise
    the op's own `digamma.mapping`, exactly as `--digamma-materialize` does
    (one shared implementation): batch loops, then per level `scf.for`
    loops and an `scf.forall` with `#digamma.pe_level<L>` over the level's
    parallel dimension, with upstream `scf::tileUsingSCF`. The op must carry
    the `digamma.loop_nest` that relates the mapping's canonical dimensions
    to its loops.

    ```mlir
    %ops = transform.structured.match attributes {digamma.mapping = ...}
             in %root : (!transform.any_op) -> !transform.any_op
    %tiled, %loops = transform.digamma.tile_by_mapping %ops
             : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %t2, %l2 = transform.digamma.tile_by_mapping %other
             (mapping = #digamma.mapping<levels = [...]>)
             : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    ```

    #### Return modes

    Consumes `target`. `tiled` holds the innermost tiled op of every target
    (in target order) and `loops` every loop created, outermost first, per
    target. A payload op the mapping cannot be applied to (no mapping, no
    TilingInterface, no or a stale loop nest, a mapping that does not fit)
    is a silenceable failure reported before any op is changed; a failure
    of upstream tiling is a definite failure.
  }];
  let arguments = (ins TransformHandleTypeInterface:$target,
                       OptionalAttr<Digamma_MappingAttr>:$mapping);
  let results = (outs TransformHandleTypeInterface:$tiled,
                      TransformHandleTypeInterface:$loops);
  let assemblyFormat = [{
    $target (` ` `(` `mapping` `=` $mapping^ `)`)? attr-dict `:`
    functional-type(operands, results)
  }];
}

#endif // DIGAMMA_TRANSFORMOPS_DIGAMMATRANSFORMOPS_TD
