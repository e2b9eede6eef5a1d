//===- Passes.td - digamma transformation passes -----------*- tablegen -*-===//
//
// Declarations of the digamma passes.
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_TRANSFORMS_PASSES_TD
#define DIGAMMA_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def CoOptimizePass : Pass<"digamma-co-optimize", "::mlir::ModuleOp"> {
  let summary = "Co-optimize hardware and mapping of every described op "
                "with DiGamma";
  let description = [{
    For every op that carries a `digamma.loop_nest` (see
    `--digamma-lower-to-loop-nest`), searches the hardware (PE count, PE
    array shape, L1 and L2 sizes) and the mapping (tiles, loop order,
    parallel dimension, clustering) that minimize `objective` under the area
    budget, with DiGamma's domain-aware genetic algorithm scored by the
    built-in cost model, and attaches the winner as `digamma.mapping`,
    `digamma.hw` and `digamma.cost`. Buffers are sized to exactly what the
    mapping needs and charged to the area.

    Ops with the same problem are searched once. Distinct problems are
    searched in parallel unless `-mlir-disable-threading` is given; the
    result is the same either way for a given `seed`.

    After:
    ```mlir
    %0 = linalg.matmul {digamma.loop_nest = ...,
           digamma.mapping = #digamma.mapping<levels = [...]>,
           digamma.hw = #digamma.hw<num_pes = 64, ...>,
           digamma.cost = #digamma.cost<cycles = 2048, ...>} ...
    ```

    An op for which no design fits the budget gets an error that names the
    smallest feasible area.

    `algorithm` swaps DiGamma for random sampling or one of pagmo2's
    general-purpose optimizers (sga, pso, sea, de, cmaes, sa) searching a
    flat encoding of the same design space with the same cost model,
    constraints, budget and seed (docs/baselines.md). `mode=fixed-mapping
    dataflow=nvdla|shidiannao|eyeriss` fixes every op's mapping to a named
    dataflow and searches the hardware for it by grid search.

    With `objective=pareto` the search returns, per distinct problem (per
    shared chip with `scope=model`), the designs no other design beats in
    every figure of `pareto-objectives`; the IR keeps the one `pareto-pick`
    names and the report holds the whole front (docs/design-space.md).
    `algorithm` is then digamma, random, nsga2 or moead (pagmo2's NSGA-II
    and MOEA/D).

    `constraint=<name>` (a bundled constraint: nvdla, eyeriss, shidiannao,
    tpu, nvdla-class-0000 ... nvdla-class-1111) or `constraint-file=<path>`
    (a JSON file) describes a partially flexible accelerator: every op is
    mapped inside that map space, in every mode (docs/map-space.md). An
    op's `digamma.map_space` (its own, else its nearest ancestor's, such
    as the module's) does the same for the ops it governs and takes
    precedence over the option, with a warning at the attribute's holder.
    A space that admits no design of an op is an error at the op naming
    the rule that fails.

    With `scope=model` (or `scope=function`) all described ops of the
    module (of each function) run on one chip: one `#digamma.hw` under one
    area budget, buffers sized to the largest need over the ops' mappings,
    a mapping per op, and the model total of the objective minimized. The
    chip is also attached to the module (function) as `digamma.hw`.
  }];
  let dependentDialects = ["::digamma::DigammaDialect"];
  let options = [
    Option<"algorithm", "algorithm", "::digamma::search::Algorithm",
           /*default=*/"::digamma::search::Algorithm::DiGamma",
           "Search algorithm: DiGamma's domain-aware GA, random sampling of "
           "the same encoding, or one of pagmo2's general-purpose optimizers "
           "over a flat encoding of the same design space. All use the same "
           "cost model, constraints, budget and seed",
           "::digamma::clValues(::digamma::search::algorithmValues())">,
    Option<"areaBudget", "area-budget", "double", /*default=*/"0.0",
           "Area budget for PEs and buffers in mm^2; 0 takes the platform "
           "preset">,
    ListOption<"areaSweep", "area-sweep", "double",
               "Area budgets in mm^2 to search again at, for the report's "
               "latency and energy against area (report's area_sweep, "
               "report-plot's area-sweep.svg); the IR keeps the designs of "
               "area-budget">,
    Option<"constraint", "constraint", "std::string", /*default=*/"\"\"",
           "Map space of a partially flexible accelerator: a bundled "
           "constraint (nvdla, eyeriss, shidiannao, tpu, nvdla-class-0000 "
           "... nvdla-class-1111; docs/map-space.md). Every design lies "
           "inside it; an op's digamma.map_space takes precedence">,
    Option<"constraintFile", "constraint-file", "std::string",
           /*default=*/"\"\"",
           "Map space of a partially flexible accelerator as a JSON file "
           "(docs/map-space.md); an op's digamma.map_space takes "
           "precedence">,
    Option<"dataflow", "dataflow", "const ::digamma::search::Dataflow *",
           /*default=*/"nullptr",
           "With mode=fixed-mapping: instead of each op's digamma.mapping, "
           "the named dataflow instantiated for the op; the hardware (PE "
           "count, array shape, buffer sizes) is then searched by a grid "
           "search within the sampling budget",
           "::digamma::dataflowValues()">,
    Option<"elementBytesOverride", "element-bytes", "int64_t",
           /*default=*/"0",
           "Bytes per element of every tensor for buffer sizes, traffic and "
           "area; 0 takes each operand's own (the op's largest is the "
           "buffers' word; the paper's INT8 setting is 1)">,
    Option<"l1Bytes", "l1-bytes", "int64_t", /*default=*/"0",
           "Per-PE L1 bytes of the fixed hardware (mode=fixed-hw)">,
    Option<"l2Bytes", "l2-bytes", "int64_t", /*default=*/"0",
           "L2 bytes of the fixed hardware (mode=fixed-hw)">,
    Option<"maxLevels", "max-levels", "int", /*default=*/"3",
           "Largest number of mapping (cluster) levels. DiGamma chooses the "
           "count per op within [min-levels, max-levels]: it starts with the "
           "fewest levels whose cycle bound is within 20% of the range's and "
           "opens the whole range if its best design is still above 2x "
           "the bound after 1/8 of the samples">,
    Option<"minLevels", "min-levels", "int", /*default=*/"2",
           "Smallest number of mapping (cluster) levels">,
    Option<"mode", "mode", "::digamma::search::Mode",
           /*default=*/"::digamma::search::Mode::CoOpt",
           "What is searched: co-opt, fixed-hw (for num-pes, l1-bytes and "
           "l2-bytes) or fixed-mapping (for the op's digamma.mapping or the "
           "given dataflow)",
           "::digamma::clValues(::digamma::search::modeValues())">,
    Option<"numPEs", "num-pes", "int64_t", /*default=*/"0",
           "PE count of the fixed hardware (mode=fixed-hw)">,
    Option<"objective", "objective", "::digamma::search::Objective",
           /*default=*/"::digamma::search::Objective::Latency",
           "Objective to minimize, or pareto for the front of non-dominated "
           "designs over pareto-objectives (the IR keeps pareto-pick's, the "
           "report holds the front)",
           "::digamma::clValues(::digamma::search::objectiveValues())">,
    // Names, parsed by the request layer: upstream ListOption parses its
    // elements with a parser of its own, which never sees llvm::cl values.
    ListOption<"paretoObjectives", "pareto-objectives", "std::string",
               "With objective=pareto: the figures the front trades off, two "
               "or three of latency, energy and area (default all three)">,
    Option<"paretoPick", "pareto-pick", "::digamma::search::ParetoPick",
           /*default=*/"::digamma::search::ParetoPick::Knee",
           "With objective=pareto: the front's design the IR keeps",
           "::digamma::clValues(::digamma::search::paretoPickValues())">,
    Option<"paretoSize", "pareto-size", "int", /*default=*/"0",
           "With objective=pareto: the most designs a front keeps; 0 takes "
           "64">,
    Option<"peLimit", "pe-limit", "int64_t", /*default=*/"0",
           "Largest PE count the search may use; 0 for no limit beyond the "
           "area budget">,
    Option<"maestroAcceptUnsound", "maestro-accept-unsound", "bool",
           /*default=*/"false",
           "With semantics=maestro: accept designs whose MAESTRO figures are "
           "physically impossible (fewer MACs than the layer's, or faster "
           "than the PEs can compute), as the reference GAMMA does">,
    Option<"nocBandwidth", "noc-bandwidth", "int64_t", /*default=*/"0",
           "NoC (L2 to PE array) bandwidth in bytes per cycle; 0 takes the "
           "platform's">,
    Option<"offchipBandwidth", "offchip-bandwidth", "int64_t",
           /*default=*/"0",
           "Off-chip (DRAM) bandwidth in bytes per cycle; 0 takes the "
           "platform's. A finite bandwidth slows designs whose traffic "
           "exceeds it (sound semantics)">,
    Option<"platform", "platform", "std::string", /*default=*/"\"edge\"",
           "Bundled platform (docs/platforms.md): its area is the budget "
           "when area-budget is 0, its bandwidths and energies the "
           "hardware's: edge (0.2 mm^2) or cloud (7.0 mm^2) as in the "
           "DiGamma paper, edge-lpddr4, cloud-hbm2 or eyeriss">,
    Option<"platformFile", "platform-file", "std::string",
           /*default=*/"\"\"",
           "Platform file (JSON, docs/platforms.md) used instead of "
           "platform">,
    Option<"population", "population", "int", /*default=*/"0",
           "Individuals per generation; 0 takes the search's default">,
    Option<"reportFile", "report", "std::string", /*default=*/"\"\"",
           "Write a JSON report (per op: problem, hardware with its array "
           "shape and bandwidths, mapping, cost with the bandwidths it needs "
           "and its buffer accesses, samples, time, best-so-far per "
           "generation; shared chips; model totals) to this file">,
    Option<"reportPlot", "report-plot", "std::string", /*default=*/"\"\"",
           "Write SVG figures into this existing directory: breakdown.svg "
           "(cycles and energy per op of the chosen designs), roofline.svg "
           "(each op's MACs per off-chip byte against MACs per cycle, under "
           "the budget's roofs), with "
           "objective=pareto fronts.svg (every front, the kept design "
           "highlighted), with area-sweep area-sweep.svg">,
    Option<"reportSummary", "report-summary", "bool", /*default=*/"false",
           "Print a one-line summary on stderr">,
    Option<"samples", "samples", "int64_t",
           /*default=*/"::digamma::search::kDefaultSamples",
           "Sampling budget per distinct problem (design points evaluated)">,
    Option<"scope", "scope", "::digamma::api::Scope",
           /*default=*/"::digamma::api::Scope::Op",
           "How many chips the ops run on; a shared chip (model, function) "
           "has a mapping per op and minimizes the total of the objective "
           "over its ops, each weighted by its optional `digamma.repeat` "
           "integer attribute",
           "::digamma::clValues(::digamma::api::scopeValues())">,
    Option<"seed", "seed", "uint64_t", /*default=*/"1",
           "Random seed; the same seed gives the same designs">,
    Option<"semantics", "semantics", "::digamma::cost::Semantics",
           /*default=*/"::digamma::cost::Semantics::Sound",
           "Cost-model semantics (maestro to compare with the paper)",
           "::digamma::clValues(::digamma::search::semanticsValues())">,
    Option<"tieBreak", "tie-break", "::digamma::search::Objective",
           /*default=*/"::digamma::search::Objective::Energy",
           "Second objective that breaks ties",
           "::digamma::clValues(::digamma::search::objectiveValues())">
  ];
}

def ExportMaestroPass
    : Pass<"digamma-export-maestro", "::mlir::ModuleOp"> {
  let summary = "Write every annotated op's design as a MAESTRO mapping file "
                "plus a JSON and a CSV summary per function";
  let description = [{
    For every op that carries `digamma.loop_nest`, `digamma.mapping` and
    `digamma.hw` (as `--digamma-co-optimize` leaves them), writes into `dir`:

    * `<function>.<k>.m`: the op's layer and mapping as a MAESTRO mapping
      file (the subset GAMMA writes; batch and strides, which MAESTRO's
      format has but GAMMA never writes, only when they are not 1), which
      `digamma-cost` reads;
    * `<function>.json` and `<function>.csv`: per op the problem, the mapping
      file, the flags that make `digamma-cost` evaluate it on the op's
      hardware (`--num_pes`, `--l1_size_cstr`, `--l2_size_cstr`,
      `--noc_bw_cstr`, `--offchip_bw_cstr` in elements, and `--semantics`),
      the hardware in bytes and the `digamma.cost` the IR carries.

    `<function>` is the name of the enclosing function (`module` for ops
    outside one) and `k` counts its annotated ops in program order. With
    the flags of the summary, `digamma-cost` reproduces the cycles and the
    L1/L2 requirements (in elements; times `element_bytes` gives the
    bytes of `digamma.cost`) of every op.

    Nothing is written unless everything can be: a missing `dir`, a path
    that is not a writable directory, or an op with a mapping but no loop
    nest or hardware is an error before any file is opened, and if a write
    fails every file of the run is removed. The IR is not changed.
  }];
  let dependentDialects = ["::digamma::DigammaDialect"];
  let options = [
    Option<"dir", "dir", "std::string", /*default=*/"\"\"",
           "Existing, writable directory to write the files into">,
    Option<"semantics", "semantics", "::digamma::cost::Semantics",
           /*default=*/"::digamma::cost::Semantics::Sound",
           "The --semantics flag recorded for digamma-cost: the semantics "
           "the IR's costs were computed with (sound is the co-optimizer's "
           "default)",
           "::digamma::clValues(::digamma::search::semanticsValues())">
  ];
}

def ExportTimeloopPass
    : Pass<"digamma-export-timeloop", "::mlir::ModuleOp"> {
  let summary = "Write every annotated op's design as Timeloop's input "
                "(problem, architecture, mapping) plus a JSON summary per "
                "function";
  let description = [{
    For every op that carries `digamma.loop_nest`, `digamma.mapping` and
    `digamma.hw` (as `--digamma-co-optimize` leaves them), writes into `dir`
    the three inputs of Timeloop's `timeloop-model`, as JSON (which is YAML
    1.2) in `.yaml` files:

    * `<function>.<k>.problem.yaml`: the layer as a CNN problem (R S P Q C
      M N, G for grouped convolutions, no M for depthwise ones) with its
      strides and dilations;
    * `<function>.<k>.arch.yaml`: DRAM (the off-chip link as its shared
      bandwidth in words per cycle, omitted when unbounded), the global
      buffer (L2), one level per inner mapping level that holds nothing
      and carries that level's loops and cluster fan-out, and per PE its
      buffer (L1) and MAC;
    * `<function>.<k>.map.yaml`: per level the temporal factors and loop
      order, the spatial factors and the tensors kept.

    and `<function>.timeloop.json` with per op the files, the
    `timeloop-model` command, and what the files approximate. DiGamma's
    top-level edge tiles are Timeloop residual factors (exact); an inner
    tile that does not divide its parent is rounded down to one that does,
    with a warning at the op; exact differences (idle PEs left out of the
    array, per-tensor element sizes) are remarks. docs/timeloop-export.md
    gives the correspondence.

    Nothing is written unless everything can be: a missing `dir`, a path
    that is not a writable directory, or an op whose design cannot be
    written is an error before any file is opened, and if a write fails
    every file of the run is removed. The IR is not changed.
  }];
  let dependentDialects = ["::digamma::DigammaDialect"];
  let options = [
    Option<"dir", "dir", "std::string", /*default=*/"\"\"",
           "Existing, writable directory to write the files into">
  ];
}

def LowerToLoopNestPass : Pass<"digamma-lower-to-loop-nest"> {
  let summary = "Describe linalg convolutions and contractions as "
                "#digamma.loop_nest attributes";
  let description = [{
    Walks every `linalg` op and, when its indexing maps form a convolution
    (`linalg::inferConvolutionDims`) or a contraction
    (`linalg::inferContractionDims`), attaches a `digamma.loop_nest`
    attribute describing it: named dims with static bounds, iterator kinds
    and canonical roles (N, K, C, Y, X, R, S, G), strides and dilations read
    from the indexing maps, per-operand indexing and element sizes, and the
    layer class (conv, depthwise, gemm). Named ops and equivalent
    `linalg.generic` ops are treated alike.

    Ops with dynamic shapes, zero-size dims, or convolutions/contractions
    the attribute cannot describe are left untouched; with `emit-remarks`
    a remark on the op names the reason. The pass never fails.

    The pass runs on any op it is anchored on (the module from the command
    line, or each function with
    `--pass-pipeline="builtin.module(func.func(digamma-lower-to-loop-nest))"`)
    and describes the ops nested in it.

    Before:
    ```mlir
    %0 = linalg.matmul ins(%a, %b : tensor<8x16xf32>, tensor<16x32xf32>)
                       outs(%c : tensor<8x32xf32>) -> tensor<8x32xf32>
    ```
    After:
    ```mlir
    %0 = linalg.matmul {digamma.loop_nest = #digamma.loop_nest<gemm,
           dims = [m: 8 parallel Y, n: 32 parallel K, k: 16 reduction C],
           strides = [], dilations = [],
           operands = [(m, k) : 4, (k, n) : 4, (m, n) : 4]>} ins(...) ...
    ```
  }];
  let dependentDialects = ["::digamma::DigammaDialect"];
  let options = [
    Option<"emitRemarks", "emit-remarks", "bool", /*default=*/"true",
           "Emit a remark naming the reason on every convolution or "
           "contraction that is left undescribed">,
    Option<"overwrite", "overwrite", "bool", /*default=*/"true",
           "Replace an existing digamma.loop_nest attribute">
  ];
}

def MaterializePass : Pass<"digamma-materialize"> {
  let summary = "Tile every op as its digamma.mapping says, with upstream "
                "tiling";
  let description = [{
    For every op that carries `digamma.mapping` (and the
    `digamma.loop_nest` that relates the mapping's canonical dimensions to
    its loops), applies the mapping with `scf::tileUsingSCF`, outermost
    level first: batch loops (N, G) tiled by 1 around everything; then per
    level `scf.for` loops for the dimensions before the level's parallel
    dimension in its loop order, an `scf.forall` carrying
    `#digamma.pe_level<L>` for the parallel dimension, and `scf.for` loops
    for the rest. Non-dividing tiles leave edge tiles. A parallel reduction
    dimension (C of a convolution or GEMM, R, S) becomes a partial-sum
    forall followed by a reduction, on tensors (upstream's partial
    reduction) and on buffers (a partial-sum buffer with one slot per
    iteration, allocated, merged into the output and freed). The innermost tiled op keeps the
    `digamma.*` attributes except `digamma.mapping`, so a second run does
    nothing. The result is ordinary tensor (or buffer) IR that one-shot
    bufferization and the upstream lowerings accept; `--canonicalize`
    tidies it.

    Before:
    ```mlir
    %0 = linalg.matmul {digamma.loop_nest = ..., digamma.mapping =
           #digamma.mapping<levels = [#digamma.level<parallel = K, cluster = 1,
             order = [K, C, Y, X, R, S], tiles = [16, 32, 8, 1, 1, 1]>]>}
           ins(%a, %b : tensor<8x32xf32>, tensor<32x64xf32>) ...
    ```
    After:
    ```mlir
    %0 = scf.forall (%n) = (0) to (64) step (16) shared_outs(...) {
      %1 = linalg.matmul {digamma.loop_nest = ...} ins(...) ...
      ...
    } {mapping = [#digamma.pe_level<0>]}
    ```

    With `transform-script=<file>`, also writes a transform-dialect script
    that does the same with `transform.digamma.tile_by_mapping` (apply it
    with `--transform-preload-library=transform-library-paths=<file>
    --transform-interpreter`).

    Ops whose mapping cannot be applied (no TilingInterface, no or a stale
    loop nest, a spatial level that mixes parallel and reduction loops)
    get an error; nothing is changed then.

    The pass runs on any op it is anchored on (the module, or each function
    with `--pass-pipeline="builtin.module(func.func(digamma-materialize))"`)
    and tiles the ops nested in it; `transform-script` needs the module,
    since it describes every op in one file.
  }];
  let dependentDialects = [
    "::digamma::DigammaDialect",
    "::mlir::affine::AffineDialect",
    "::mlir::arith::ArithDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::memref::MemRefDialect",
    "::mlir::scf::SCFDialect",
    "::mlir::tensor::TensorDialect"
  ];
  let options = [
    Option<"transformScript", "transform-script", "std::string",
           /*default=*/"\"\"",
           "Also write the equivalent transform-dialect script to this file "
           "('-' for stdout)">
  ];
}

#endif // DIGAMMA_TRANSFORMS_PASSES_TD
