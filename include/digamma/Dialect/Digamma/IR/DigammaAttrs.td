//===- DigammaAttrs.td - Attributes of the digamma dialect -*- tablegen -*-===//
//
// Enums and attributes: loop_nest, hw, level, mapping, map_space_level,
// map_space, cost and pe_level.
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_DIALECT_DIGAMMA_IR_DIGAMMAATTRS_TD
#define DIGAMMA_DIALECT_DIGAMMA_IR_DIGAMMAATTRS_TD

include "digamma/Dialect/Digamma/IR/DigammaDialect.td"
include "mlir/Dialect/SCF/IR/DeviceMappingInterface.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/EnumAttr.td"

//===----------------------------------------------------------------------===//
// Enums
//===----------------------------------------------------------------------===//

def Digamma_LayerClass : I32EnumAttr<"LayerClass",
    "canonical layer class understood by the cost model", [
      I32EnumAttrCase<"Conv", 0, "conv">,
      I32EnumAttrCase<"Depthwise", 1, "depthwise">,
      I32EnumAttrCase<"Gemm", 2, "gemm">
    ]> {
  let cppNamespace = "::digamma";
  let genSpecializedAttr = 0;
}

def Digamma_IteratorKind : I32EnumAttr<"IteratorKind",
    "kind of one loop of a loop nest", [
      I32EnumAttrCase<"Parallel", 0, "parallel">,
      I32EnumAttrCase<"Reduction", 1, "reduction">,
      I32EnumAttrCase<"Window", 2, "window">
    ]> {
  let cppNamespace = "::digamma";
  let genSpecializedAttr = 0;
}

def Digamma_DimRole : I32EnumAttr<"DimRole",
    "canonical role of a loop dimension", [
      I32EnumAttrCase<"N", 0>,
      I32EnumAttrCase<"K", 1>,
      I32EnumAttrCase<"C", 2>,
      I32EnumAttrCase<"Y", 3>,
      I32EnumAttrCase<"X", 4>,
      I32EnumAttrCase<"R", 5>,
      I32EnumAttrCase<"S", 6>,
      I32EnumAttrCase<"G", 7>
    ]> {
  let cppNamespace = "::digamma";
  let genSpecializedAttr = 0;
}

//===----------------------------------------------------------------------===//
// Parameters
//===----------------------------------------------------------------------===//

/// A floating-point parameter printed in its shortest round-tripping decimal
/// form (`1.5`, `2.0e+06`).
def Digamma_FloatParameter : AttrParameter<"::llvm::APFloat", "a double"> {
  let parser = "::digamma::parseDoubleParameter($_parser)";
  let printer = "::digamma::printDoubleParameter($_printer, $_self)";
  let comparator = "$_lhs.bitwiseIsEqual($_rhs)";
}

//===----------------------------------------------------------------------===//
// Attributes
//===----------------------------------------------------------------------===//

class Digamma_Attr<string name, string attrMnemonic, list<Trait> traits = []>
    : AttrDef<Digamma_Dialect, name, traits> {
  let mnemonic = attrMnemonic;
}

def Digamma_LoopNestAttr : Digamma_Attr<"LoopNest", "loop_nest"> {
  let summary = "Loop-nest description of one convolution or contraction";
  let description = [{
    Describes one layer as a perfect loop nest. Syntax:

    ```
    #digamma.loop_nest<conv,
      dims = [n: 1 parallel N, f: 64 parallel K, oh: 112 parallel Y,
              ow: 112 parallel X, c: 3 reduction C, kh: 7 window R,
              kw: 7 window S],
      strides = [2, 2], dilations = [1, 1],
      operands = [(n, c, oh * 2 + kh, ow * 2 + kw) : 4, (f, c, kh, kw) : 4,
                  (n, f, oh, ow) : 4]>
    ```

    * The layer class is `conv`, `depthwise` or `gemm`.
    * Each dimension is `name: bound kind role`; `bound` is the static trip
      count (output extent for image dims), `kind` is `parallel`,
      `reduction` or `window` (a filter loop that slides over an image dim),
      `role` is the canonical dimension N, K, C, Y, X, R, S, or G (groups,
      folded into N by the cost model). Several dims may share the roles N,
      K, C and G; the cost model multiplies them.
    * `strides` and `dilations` have one entry per `window` dimension, in the
      order the window dims are listed.
    * `operands` lists, per operand of the op in order (inputs, then inits),
      its indexing as a tuple of affine expressions over the dimension names
      followed by `: element_bytes`. Expressions are sums of `name`,
      `name * constant` and constants; a scalar operand is `()`.
  }];
  let parameters = (ins
    EnumParameter<Digamma_LayerClass>:$layer_class,
    ArrayRefParameter<"::mlir::StringAttr", "dimension names">:$dim_names,
    ArrayRefParameter<"int64_t", "static bounds">:$bounds,
    ArrayRefParameter<"::digamma::IteratorKind", "iterator kinds">:$iterators,
    ArrayRefParameter<"::digamma::DimRole", "canonical roles">:$roles,
    ArrayRefParameter<"int64_t", "strides per window dim">:$strides,
    ArrayRefParameter<"int64_t", "dilations per window dim">:$dilations,
    ArrayRefParameter<"::mlir::AffineMap", "operand indexing maps">:$indexing_maps,
    ArrayRefParameter<"int64_t", "element bytes per operand">:$element_bytes
  );
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    /// Number of loop dimensions.
    unsigned getNumDims() const { return getBounds().size(); }
    /// Index of the first dimension with \p role, or std::nullopt.
    std::optional<unsigned> findRole(::digamma::DimRole role) const;
    /// Product of the bounds of the dimensions with \p role (1 if none). For
    /// Y and X this is the output extent.
    int64_t getRoleExtent(::digamma::DimRole role) const;
    /// True if some dimension has \p role.
    bool hasRole(::digamma::DimRole role) const {
      return findRole(role).has_value();
    }
  }];
}

def Digamma_HwAttr : Digamma_Attr<"Hw", "hw"> {
  let summary = "Accelerator hardware configuration";
  let description = [{
    ```
    #digamma.hw<num_pes = 256, cluster_sizes = [16, 16], l1_bytes = 512,
                l2_bytes = 108000, noc_bandwidth = 64,
                offchip_bandwidth = 16, area_um2 = 2.5e+06>
    ```

    `cluster_sizes` is the PE array shape per mapping level, outermost first
    (their product must not exceed `num_pes`). `l1_bytes` is per PE,
    `l2_bytes` shared. Bandwidths are in bytes per cycle, `area_um2` in µm²
    (0 when unknown). An optional `element_bytes = N` (default 1)
    converts bytes to the cost model's element units (the buffers' word).
    An optional trailing `tensor_bytes = [I, W, O]` gives the input's,
    weight's and output's own element sizes when the design was sized with
    them (an i8 x i8 -> i32 convolution: `[1, 1, 4]`); the buffers are then
    `l1_bytes / element_bytes` words, room for the tiles at the widest size,
    while `area_um2` charges each tensor's tiles at its own size (the
    bytes `#digamma.cost`'s `l1_bytes` and `l2_bytes` give).
  }];
  let parameters = (ins
    "int64_t":$num_pes,
    ArrayRefParameter<"int64_t", "PE array shape per level">:$cluster_sizes,
    "int64_t":$l1_bytes,
    "int64_t":$l2_bytes,
    "int64_t":$noc_bandwidth,
    "int64_t":$offchip_bandwidth,
    Digamma_FloatParameter:$area_um2,
    DefaultValuedParameter<"int64_t", "1">:$element_bytes,
    OptionalArrayRefParameter<"int64_t",
        "element bytes of the input, weight and output">:$tensor_bytes
  );
  let assemblyFormat = [{
    `<` `num_pes` `=` $num_pes `,` `cluster_sizes` `=` `[` $cluster_sizes `]`
    `,` `l1_bytes` `=` $l1_bytes `,` `l2_bytes` `=` $l2_bytes
    `,` `noc_bandwidth` `=` $noc_bandwidth
    `,` `offchip_bandwidth` `=` $offchip_bandwidth
    `,` `area_um2` `=` $area_um2
    (`,` `element_bytes` `=` $element_bytes^)?
    (`,` `tensor_bytes` `=` `[` $tensor_bytes^ `]`)? `>`
  }];
  let genVerifyDecl = 1;
}

def Digamma_LevelAttr : Digamma_Attr<"Level", "level"> {
  let summary = "One level of a multi-level mapping";
  let description = [{
    ```
    #digamma.level<parallel = K, cluster = 16, order = [K, C, Y, X, R, S],
                   tiles = [16, 3, 8, 8, 7, 7]>
    ```

    `parallel` is the spatially mapped canonical dimension (K, C, Y, X, R or
    S), `cluster` the cluster size that opens this level, `order` the loop
    order outermost first (a permutation of K, C, Y, X, R, S) and `tiles` the
    tile size per dimension in the fixed order K, C, Y, X, R, S. Y and X
    tiles count output rows and columns.
  }];
  let parameters = (ins
    EnumParameter<Digamma_DimRole>:$parallel,
    "int64_t":$cluster,
    ArrayRefParameter<"::digamma::DimRole", "loop order">:$order,
    ArrayRefParameter<"int64_t", "tile sizes in K, C, Y, X, R, S order">:$tiles
  );
  let assemblyFormat = [{
    `<` `parallel` `=` $parallel `,` `cluster` `=` $cluster
    `,` `order` `=` `[` $order `]` `,` `tiles` `=` `[` $tiles `]` `>`
  }];
  let genVerifyDecl = 1;
}

def Digamma_MappingAttr : Digamma_Attr<"Mapping", "mapping"> {
  let summary = "Multi-level mapping of a layer onto the hardware";
  let description = [{
    ```
    #digamma.mapping<levels = [
      #digamma.level<parallel = K, cluster = 1, order = [K, C, Y, X, R, S],
                     tiles = [64, 3, 56, 56, 7, 7]>,
      #digamma.level<parallel = C, cluster = 3, order = [C, K, Y, X, R, S],
                     tiles = [1, 1, 1, 1, 7, 7]>]>
    ```

    Levels are ordered outermost (L2) first; 1 to 4 levels. Each level's
    tiles must not exceed the previous level's.
  }];
  let parameters = (ins "::mlir::ArrayAttr":$levels);
  let assemblyFormat = "`<` `levels` `=` $levels `>`";
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    /// The levels as typed attributes (valid after verification).
    ::llvm::SmallVector<::digamma::LevelAttr> getLevelAttrs() const;
  }];
}

def Digamma_MapSpaceLevelAttr
    : Digamma_Attr<"MapSpaceLevel", "map_space_level"> {
  let summary = "What one mapping level of a partially flexible accelerator "
                "may choose";
  let description = [{
    ```
    #digamma.map_space_level<parallel = [C], size = 64,
                             order = [K, C, Y, X, R, S],
                             tiles = {K = K, C = 1, Y = R}>
    ```

    Every entry is optional (`#digamma.map_space_level<>` leaves the level
    free); they are printed in this order:

    * `parallel`: the dimensions the level may spread (one of them);
    * `size`: the parallel size, i.e. the outer level's fan-out (PEs over
      the product of the inner cluster sizes) or an inner level's cluster
      size;
    * `order`: the outermost loops of the level's order (all six fix it);
    * `tiles`: a rule per tile (K, C, Y, X, R, S; Y and X are output tiles).

    A size is an integer or a dimension: the parent level's tile of that
    dimension (the layer's extent at level 0). A tile rule's size is capped
    by the parent tile. docs/map-space.md has the details.
  }];
  let parameters = (ins
    ArrayRefParameter<"::digamma::DimRole", "allowed parallel dims">:$parallel,
    "int64_t":$size,
    ArrayRefParameter<"::digamma::DimRole", "loop-order prefix">:$order,
    ArrayRefParameter<"int64_t", "tile rules in K, C, Y, X, R, S order">:$tiles
  );
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    // `size` and each of the six `tiles` hold a rule as one integer: 0 for
    // free, n > 0 for the size n, -1 - d for the parent tile of mapped
    // dimension d (kMappedDims order).

    /// The rules of this level in the search library's form.
    ::digamma::search::MapSpaceLevel toMapSpaceLevel() const;
  }];
}

def Digamma_MapSpaceAttr : Digamma_Attr<"MapSpace", "map_space"> {
  let summary = "The map space of a partially flexible accelerator";
  let description = [{
    ```
    #digamma.map_space<name = "nvdla", levels = [
      #digamma.map_space_level<parallel = [K]>,
      #digamma.map_space_level<parallel = [C], size = 16,
                               order = [C, Y, X, R, S, K],
                               tiles = {K = K, C = 1, Y = R, X = S, R = R,
                                        S = S}>]>
    ```

    States what the target accelerator lets a mapping choose: its mapping
    levels (outermost first, 1 to 3), each with the rules of a
    `#digamma.map_space_level`. On a module, function or op under the name
    `digamma.map_space`: `--digamma-co-optimize` maps every op within the
    nearest one (the op's own first, then its ancestors'), and the
    `digamma.mapping` of an op must lie inside it. `name` names the space
    in messages (the bundled constraints' names: `digamma-opt
    --digamma-co-optimize="constraint=nvdla"` is the same space).
  }];
  let parameters = (ins StringRefParameter<"name">:$name,
                        "::mlir::ArrayAttr":$levels);
  let assemblyFormat = "`<` `name` `=` $name `,` `levels` `=` $levels `>`";
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    /// The space in the search library's form (valid after verification).
    ::digamma::search::MapSpace toMapSpace() const;
  }];
}

def Digamma_CostAttr : Digamma_Attr<"Cost", "cost"> {
  let summary = "Cost-model estimate for one layer";
  let description = [{
    ```
    #digamma.cost<cycles = 967753, macs = 118013952, energy_nj = 1.5e+06,
                  area_um2 = 2.5e+06, l1_bytes = 512, l2_bytes = 108000,
                  utilization = 0.95, offchip_bytes = 1048576,
                  limited_by = "offchip">
    ```

    `offchip_bytes` (DRAM bytes read and written, every tensor at its
    element size) and `limited_by` (what limits the design: "compute", "noc"
    or "offchip") are present when the cost model computed them: at a
    finite off-chip bandwidth.
  }];
  let parameters = (ins
    "int64_t":$cycles,
    "int64_t":$macs,
    Digamma_FloatParameter:$energy_nj,
    Digamma_FloatParameter:$area_um2,
    "int64_t":$l1_bytes,
    "int64_t":$l2_bytes,
    Digamma_FloatParameter:$utilization,
    OptionalParameter<"std::optional<int64_t>">:$offchip_bytes,
    StringRefParameter<"what limits the design", "\"\"">:$limited_by
  );
  let assemblyFormat = [{
    `<` `cycles` `=` $cycles `,` `macs` `=` $macs `,` `energy_nj` `=` $energy_nj
    `,` `area_um2` `=` $area_um2 `,` `l1_bytes` `=` $l1_bytes
    `,` `l2_bytes` `=` $l2_bytes `,` `utilization` `=` $utilization
    (`,` `offchip_bytes` `=` $offchip_bytes^)? (`,` `limited_by` `=` $limited_by^)? `>`
  }];
  let builders = [
    AttrBuilder<(ins "int64_t":$cycles, "int64_t":$macs,
                     "::llvm::APFloat":$energy_nj, "::llvm::APFloat":$area_um2,
                     "int64_t":$l1_bytes, "int64_t":$l2_bytes,
                     "::llvm::APFloat":$utilization), [{
      return $_get($_ctxt, cycles, macs, energy_nj, area_um2, l1_bytes,
                   l2_bytes, utilization, std::nullopt, ::llvm::StringRef());
    }]>
  ];
  let genVerifyDecl = 1;
}

def Digamma_PeLevelAttr
    : Digamma_Attr<"PeLevel", "pe_level",
                   [DeclareAttrInterfaceMethods<DeviceMappingAttrInterface>]> {
  let summary = "Spreads the iterations of an scf.forall over one level of "
                "the PE array";
  let description = [{
    ```mlir
    scf.forall (%k) = (0) to (64) step (16) ... {
      ...
    } {mapping = [#digamma.pe_level<0>]}
    ```

    The `scf.forall` loops that `--digamma-materialize` (and
    `transform.digamma.tile_by_mapping`) create for the parallel dimension
    of mapping level `L` carry `#digamma.pe_level<L>`: their iterations run
    on the units of level `L` of the PE array, whose number is entry `L` of
    the op's `#digamma.hw` `cluster_sizes` (level 0 is the outermost).
    More iterations than units are processed in turn. A forall over several
    loops (a folded canonical dimension) has one such attribute per loop and
    is spread linearly over the same units. The attribute implements MLIR's
    `DeviceMappingAttrInterface` (mapping id and relative index = the level).
  }];
  let parameters = (ins "int64_t":$level);
  let assemblyFormat = "`<` $level `>`";
  let genVerifyDecl = 1;
}

#endif // DIGAMMA_DIALECT_DIGAMMA_IR_DIGAMMAATTRS_TD
