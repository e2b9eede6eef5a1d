//===- DigammaDialect.td - The digamma dialect -------------*- tablegen -*-===//
//
// The `digamma` dialect: attributes that describe DNN layers as loop nests,
// accelerator hardware configurations, multi-level mappings and their cost.
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_DIALECT_DIGAMMA_IR_DIGAMMADIALECT_TD
#define DIGAMMA_DIALECT_DIGAMMA_IR_DIGAMMADIALECT_TD

include "mlir/IR/OpBase.td"

def Digamma_Dialect : Dialect {
  let name = "digamma";
  let cppNamespace = "::digamma";
  let summary = "Loop-nest, hardware, mapping and cost descriptions for DNN "
                "accelerator design";
  let description = [{
    The `digamma` dialect carries the information the DiGamma co-optimizer
    works on as attributes:

    * `#digamma.loop_nest<...>`: one layer described as a perfect loop nest
      with named dimensions, their canonical roles (N, K, C, Y, X, R, S, G),
      strides, dilations and per-operand indexing.
    * `#digamma.hw<...>`: an accelerator hardware configuration.
    * `#digamma.mapping<...>` made of `#digamma.level<...>`: a multi-level
      mapping (parallel dimension, cluster size, loop order, tiles).
    * `#digamma.map_space<...>` made of `#digamma.map_space_level<...>`:
      what a partially flexible accelerator lets its mappings choose.
    * `#digamma.cost<...>`: the cost model's estimate for one layer.
    * `#digamma.pe_level<L>`: the `scf.forall` mapping that spreads a loop
      over level L of the PE array (`--digamma-materialize`).

    Passes attach them to foreign ops under the discardable names
    `digamma.loop_nest`, `digamma.mapping`, `digamma.hw`, `digamma.cost`
    and `digamma.map_space` (also on modules and functions), which the
    dialect verifies: a `digamma.mapping` must lie inside the governing
    `digamma.map_space`.
  }];
  let useDefaultAttributePrinterParser = 1;
  let hasOperationAttrVerify = 1;
  let discardableAttrs = (ins
    "::digamma::LoopNestAttr":$loop_nest,
    "::digamma::MappingAttr":$mapping,
    "::digamma::HwAttr":$hw,
    "::digamma::CostAttr":$cost,
    "::digamma::MapSpaceAttr":$map_space
  );
  let extraClassDeclaration = [{
    /// Registers the attributes; defined in DigammaAttrs.cpp, the translation
    /// unit that holds the generated storage classes.
    void registerAttributes();
  }];
}

#endif // DIGAMMA_DIALECT_DIGAMMA_IR_DIGAMMADIALECT_TD
