//===- CoOptimize.cpp - DiGamma hardware/mapping co-optimization ----------===//
//
// A thin adapter over the search library: every op carrying a
// digamma.loop_nest becomes a cost::Layer, ops with the same problem are
// searched once, problems are searched in parallel when MLIR threading is on,
// and the winners are written back as digamma.mapping, digamma.hw and
// digamma.cost. Search results do not depend on the thread count, so the
// output is byte-identical with and without -mlir-disable-threading.
//
//===----------------------------------------------------------------------===//

#include "digamma/Dialect/Digamma/IR/DigammaDialect.h"
#include "digamma/Search/ModelSearch.h"
#include "digamma/Search/Search.h"
#include "digamma/Search/TwoStep.h"
#include "digamma/Transforms/CostModelBridge.h"
#include "digamma/Transforms/Passes.h"

#include "OutputFiles.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/IR/Threading.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "mlir/Interfaces/LoopLikeInterface.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"

#include <chrono>
#include <map>
#include <optional>

namespace digamma {
#define GEN_PASS_DEF_COOPTIMIZEPASS
#include "digamma/Transforms/Passes.h.inc"
} // namespace digamma

using namespace mlir;
using namespace digamma;

namespace {

constexpr double kUm2PerMm2 = 1e6;

/// One distinct search problem and the result shared by its ops.
struct Problem {
  cost::Layer layer;
  int64_t elementBytes = 1;
  std::optional<cost::Mapping> fixedMapping;
  search::SearchResult result;
  double seconds = 0;
};

/// An op to annotate and the problem it maps to.
struct DescribedOp {
  Operation *op;
  size_t problem;
  /// Weight in a shared-chip objective: the op's digamma.repeat, or 1.
  double weight = 1;
};

/// With scope=model or scope=function: the ops that share one chip.
struct ChipGroup {
  /// The module or function the chip is attached to.
  Operation *anchor;
  std::vector<size_t> problems;
  std::vector<double> weights;
  search::ModelSearchResult result;
  double seconds = 0;
};

/// Name of the optional op attribute that weights an op in a shared-chip
/// objective (for example a layer repeated N times in a model).
constexpr llvm::StringLiteral kRepeatAttrName = "digamma.repeat";

/// Key that identifies a problem: the layer, its element size and, in
/// fixed-mapping mode, the given mapping.
using ProblemKey = std::vector<int64_t>;

static ProblemKey makeKey(const cost::Layer &layer, int64_t elementBytes,
                          const std::optional<cost::Mapping> &mapping) {
  ProblemKey key = {static_cast<int64_t>(layer.layerClass),
                    layer.n,
                    layer.k,
                    layer.c,
                    layer.y,
                    layer.x,
                    layer.r,
                    layer.s,
                    layer.strideY,
                    layer.strideX,
                    elementBytes};
  if (mapping) {
    key.push_back(mapping->numLevels);
    for (int i = 0; i < mapping->numLevels; ++i) {
      const cost::MappingLevel &level = mapping->level(i);
      key.push_back(static_cast<int64_t>(level.parallelDim));
      key.push_back(level.clusterSize);
      for (cost::Dim dim : level.order)
        key.push_back(static_cast<int64_t>(dim));
      key.insert(key.end(), level.tiles.begin(), level.tiles.end());
    }
  }
  return key;
}

/// Why \p op may run more than once per run of the module although it has
/// no digamma.repeat (then it counts once in the totals and in shared-chip
/// objectives), or an empty string: an enclosing loop of its function, or
/// calls of its function. \p callSites caches the call count per function.
static std::string repeatHint(Operation *op, ModuleOp module,
                              llvm::DenseMap<Operation *, size_t> &callSites) {
  Operation *function = nullptr;
  for (Operation *parent = op->getParentOp(); parent;
       parent = parent->getParentOp()) {
    if (isa<FunctionOpInterface>(parent)) {
      function = parent;
      break;
    }
    if (isa<LoopLikeOpInterface>(parent))
      return llvm::formatv("the op is inside '{0}', whose trip count is not "
                           "known here",
                           parent->getName())
          .str();
  }
  if (!function)
    return "";
  auto [it, inserted] = callSites.try_emplace(function, 0);
  if (inserted)
    if (std::optional<SymbolTable::UseRange> uses =
            SymbolTable::getSymbolUses(function, module))
      it->second = std::distance(uses->begin(), uses->end());
  if (it->second == 0)
    return "";
  return llvm::formatv("the op's function @{0} is called from {1} place{2}",
                       cast<FunctionOpInterface>(function).getName(),
                       it->second, it->second == 1 ? "" : "s")
      .str();
}

struct CoOptimizePass
    : public digamma::impl::CoOptimizePassBase<CoOptimizePass> {
  using Base::Base;

  void runOnOperation() override;

private:
  /// Translates the pass options; emits an error and returns failure on a
  /// bad value.
  LogicalResult buildSearchOptions(search::SearchOptions &options);
  LogicalResult writeReport(ArrayRef<DescribedOp> ops,
                            ArrayRef<Problem> problems, double seconds);
  /// Searches one chip per group and gives each problem its share.
  void searchSharedChips(MutableArrayRef<Problem> problems,
                         const search::SearchOptions &baseOptions);

  std::vector<ChipGroup> chipGroups;
  search::Algorithm searchAlgorithm = search::Algorithm::DiGamma;
  /// With dataflow=<name>: the fixed mapping of every op.
  const search::Dataflow *dataflow = nullptr;
};

} // namespace

LogicalResult
CoOptimizePass::buildSearchOptions(search::SearchOptions &options) {
  ModuleOp module = getOperation();
  std::optional<search::Objective> objective =
      search::parseObjective(objectiveName);
  if (!objective)
    return emitError(module.getLoc())
           << "digamma-co-optimize: unknown objective '" << objectiveName
           << "'; expected " << search::objectiveNames();
  std::optional<search::Objective> tieBreak =
      search::parseObjective(tieBreakName);
  if (!tieBreak)
    return emitError(module.getLoc())
           << "digamma-co-optimize: unknown tie-break '" << tieBreakName
           << "'; expected " << search::objectiveNames();
  options.objective = *objective;
  options.tieBreak = *tieBreak;

  std::optional<search::Mode> mode = search::parseMode(modeName);
  if (!mode)
    return emitError(module.getLoc())
           << "digamma-co-optimize: unknown mode '" << modeName
           << "'; expected co-opt, fixed-hw or "
              "fixed-mapping";
  options.mode = *mode;

  std::optional<search::Algorithm> parsedAlgorithm =
      search::parseAlgorithm(algorithm);
  if (!parsedAlgorithm)
    return emitError(module.getLoc())
           << "digamma-co-optimize: unknown algorithm '" << algorithm
           << "'; expected " << search::algorithmNames();
  searchAlgorithm = *parsedAlgorithm;

  dataflow = nullptr;
  if (!dataflowName.empty()) {
    dataflow = search::findDataflow(dataflowName);
    if (!dataflow)
      return emitError(module.getLoc())
             << "digamma-co-optimize: unknown dataflow '" << dataflowName
             << "'; expected " << search::dataflowNames();
    if (options.mode != search::Mode::FixedMapping)
      return emitError(module.getLoc())
             << "digamma-co-optimize: dataflow=" << dataflowName
             << " fixes the mapping and needs mode=fixed-mapping";
    if (searchAlgorithm != search::Algorithm::DiGamma)
      return emitError(module.getLoc())
             << "digamma-co-optimize: dataflow=" << dataflowName
             << " searches the hardware by grid search; remove algorithm="
             << algorithm;
    if (minLevels > 2 || maxLevels < 2)
      return emitError(module.getLoc())
             << "digamma-co-optimize: dataflow=" << dataflowName
             << " has two mapping levels; it needs min-levels <= 2 <= "
                "max-levels";
  }

  std::optional<cost::Semantics> semantics =
      cost::parseSemantics(semanticsName);
  if (!semantics)
    return emitError(module.getLoc())
           << "digamma-co-optimize: unknown semantics '" << semanticsName
           << "'; expected sound or "
              "maestro";
  options.semantics = *semantics;

  double budgetMm2 = areaBudget;
  if (budgetMm2 == 0) {
    if (platform == "edge")
      budgetMm2 = search::kEdgeAreaBudgetUm2 / kUm2PerMm2;
    else if (platform == "cloud")
      budgetMm2 = search::kCloudAreaBudgetUm2 / kUm2PerMm2;
    else
      return emitError(module.getLoc())
             << "digamma-co-optimize: unknown platform '" << platform
             << "'; expected edge (0.2 mm^2) or cloud (7.0 mm^2), or give "
                "area-budget";
  }
  if (!(budgetMm2 > 0) || !std::isfinite(budgetMm2))
    return emitError(module.getLoc())
           << "digamma-co-optimize: area-budget must be a positive number of "
              "mm^2, got "
           << budgetMm2;
  options.areaBudgetUm2 = budgetMm2 * kUm2PerMm2;

  if (samples <= 0)
    return emitError(module.getLoc())
           << "digamma-co-optimize: samples must be positive, got "
           << static_cast<int64_t>(samples);
  if (population < 0)
    return emitError(module.getLoc())
           << "digamma-co-optimize: population must not be negative, got "
           << static_cast<int64_t>(population);
  if (peLimit < 0)
    return emitError(module.getLoc())
           << "digamma-co-optimize: pe-limit must not be negative, got "
           << static_cast<int64_t>(peLimit);
  if (elementBytesOverride < 0)
    return emitError(module.getLoc())
           << "digamma-co-optimize: element-bytes must not be negative, got "
           << static_cast<int64_t>(elementBytesOverride);
  options.samples = samples;
  options.population = static_cast<int>(population);
  options.seed = seed;
  if (peLimit > 0)
    options.peLimit = peLimit;
  options.minLevels = static_cast<int>(minLevels);
  options.maxLevels = static_cast<int>(maxLevels);

  if (options.mode == search::Mode::FixedHW) {
    if (numPEs <= 0 || l1Bytes <= 0 || l2Bytes <= 0)
      return emitError(module.getLoc())
             << "digamma-co-optimize: mode=fixed-hw needs positive num-pes, "
                "l1-bytes and l2-bytes (got "
             << static_cast<int64_t>(numPEs) << ", "
             << static_cast<int64_t>(l1Bytes) << ", "
             << static_cast<int64_t>(l2Bytes) << ")";
    options.fixedHardware.numPEs = numPEs;
  } else if (numPEs != 0 || l1Bytes != 0 || l2Bytes != 0) {
    return emitError(module.getLoc())
           << "digamma-co-optimize: num-pes, l1-bytes and l2-bytes describe "
              "fixed hardware and need mode=fixed-hw";
  }

  if (scope != "op" && scope != "model" && scope != "function")
    return emitError(module.getLoc())
           << "digamma-co-optimize: unknown scope '" << scope
           << "'; expected op, model or function";
  if (scope != "op" && options.mode != search::Mode::CoOpt)
    return emitError(module.getLoc())
           << "digamma-co-optimize: scope=" << scope
           << " shares one chip among ops and needs mode=co-opt";
  if (scope != "op" && algorithm != "digamma")
    return emitError(module.getLoc())
           << "digamma-co-optimize: scope=" << scope
           << " is searched by DiGamma only; remove algorithm=" << algorithm;

  if (std::optional<std::string> error = search::validateOptions(options);
      error && options.mode != search::Mode::FixedMapping)
    return emitError(module.getLoc()) << "digamma-co-optimize: " << *error;
  return success();
}

void CoOptimizePass::runOnOperation() {
  ModuleOp module = getOperation();
  MLIRContext *ctx = &getContext();
  auto start = std::chrono::steady_clock::now();

  search::SearchOptions baseOptions;
  if (failed(buildSearchOptions(baseOptions)))
    return signalPassFailure();

  // Collect described ops and deduplicate their problems.
  DigammaDialect::LoopNestAttrHelper loopNestHelper(ctx);
  DigammaDialect::MappingAttrHelper mappingHelper(ctx);
  DigammaDialect::HwAttrHelper hwHelper(ctx);
  DigammaDialect::CostAttrHelper costHelper(ctx);

  std::vector<Problem> problems;
  std::map<ProblemKey, size_t> problemIndex;
  SmallVector<DescribedOp> ops;
  chipGroups.clear();
  llvm::DenseMap<Operation *, size_t> groupOfAnchor;
  std::vector<size_t> groupOfProblem;
  bool failedOp = false;
  llvm::DenseMap<Operation *, size_t> callSites;
  module.walk([&](Operation *op) {
    if (!loopNestHelper.isAttrPresent(op))
      return;
    double weight = 1;
    if (Attribute repeat = op->getAttr(kRepeatAttrName)) {
      auto count = dyn_cast<IntegerAttr>(repeat);
      if (!count || count.getType().isSignlessInteger(1) ||
          count.getValue().getSExtValue() < 1) {
        op->emitError() << "digamma-co-optimize: " << kRepeatAttrName
                        << " must be a positive integer, got " << repeat;
        failedOp = true;
        return;
      }
      weight = static_cast<double>(count.getValue().getSExtValue());
    } else if (std::string hint = repeatHint(op, module, callSites);
               !hint.empty()) {
      emitWarning(op->getLoc())
          << "digamma-co-optimize: " << hint
          << ": it counts once in the totals and in shared-chip "
             "objectives; set digamma.repeat to how often it "
             "runs";
    }
    LoopNestAttr loopNest = loopNestHelper.getAttr(op);
    FailureOr<cost::Layer> layer = toCostLayer(loopNest);
    if (failed(layer)) {
      op->emitError() << "digamma-co-optimize: the loop nest's extents, MAC "
                         "count or tensor volumes overflow 64-bit integers";
      failedOp = true;
      return;
    }
    int64_t elementBytes = elementBytesOverride;
    if (elementBytes == 0)
      for (int64_t bytes : loopNest.getElementBytes())
        elementBytes = std::max(elementBytes, bytes);
    std::optional<cost::Mapping> fixedMapping;
    if (baseOptions.mode == search::Mode::FixedMapping && !dataflow) {
      if (!mappingHelper.isAttrPresent(op)) {
        op->emitError() << "digamma-co-optimize: mode=fixed-mapping needs a "
                           "digamma.mapping on the op, or the dataflow "
                           "option ("
                        << search::dataflowNames() << ")";
        failedOp = true;
        return;
      }
      FailureOr<cost::Mapping> mapping =
          toCostMapping(mappingHelper.getAttr(op));
      if (failed(mapping)) {
        op->emitError() << "digamma-co-optimize: the op's digamma.mapping "
                           "cannot be used by the cost model";
        failedOp = true;
        return;
      }
      fixedMapping = *mapping;
    }
    ProblemKey key = makeKey(*layer, elementBytes, fixedMapping);
    // With a chip per function, equal problems of different functions run
    // on different chips: they are different problems.
    size_t group = 0;
    if (scope != "op") {
      Operation *anchor = module;
      if (scope == "function")
        if (auto function = op->getParentOfType<FunctionOpInterface>())
          anchor = function;
      auto [groupIt, newGroup] =
          groupOfAnchor.try_emplace(anchor, chipGroups.size());
      if (newGroup)
        chipGroups.push_back({anchor, {}, {}, {}, 0});
      group = groupIt->second;
      key.push_back(static_cast<int64_t>(group));
    }
    auto [it, inserted] = problemIndex.try_emplace(key, problems.size());
    if (inserted) {
      Problem problem;
      problem.layer = *layer;
      problem.elementBytes = elementBytes;
      problem.fixedMapping = fixedMapping;
      problems.push_back(std::move(problem));
      if (scope != "op") {
        chipGroups[group].problems.push_back(it->second);
        chipGroups[group].weights.push_back(0);
        groupOfProblem.push_back(group);
      }
    }
    if (scope != "op") {
      ChipGroup &chip = chipGroups[group];
      auto at = llvm::find(chip.problems, it->second);
      chip.weights[at - chip.problems.begin()] += weight;
    }
    ops.push_back({op, it->second, weight});
  });
  if (failedOp)
    return signalPassFailure();
  if (ops.empty())
    emitWarning(module.getLoc())
        << "digamma-co-optimize: no op carries a digamma.loop_nest, so "
           "nothing was searched; describe the convolutions and matmuls "
           "first with --digamma-lower-to-loop-nest (or run "
           "--digamma-pipeline)";

  // Search every distinct problem. Spawning evaluation threads per
  // generation costs more than it saves on one search (bench/SearchBench),
  // so each search runs single-threaded and distinct problems run in
  // parallel on MLIR's thread pool.
  bool threaded = ctx->isMultithreadingEnabled();
  unsigned threadsPerSearch = 1;
  auto searchOne = [&](Problem &problem) {
    search::SearchOptions options = baseOptions;
    options.threads = threadsPerSearch;
    options.fixedHardware.bytesPerElement = problem.elementBytes;
    if (options.mode == search::Mode::FixedHW) {
      options.fixedHardware.l1Elements =
          search::bufferElements(l1Bytes, problem.elementBytes);
      options.fixedHardware.l2Elements =
          search::bufferElements(l2Bytes, problem.elementBytes);
    }
    options.fixedMapping = problem.fixedMapping;
    options.bytesPerElement = problem.elementBytes;
    auto begin = std::chrono::steady_clock::now();
    problem.result =
        dataflow
            ? search::runHardwareGrid(problem.layer, *dataflow, options)
            : search::getOptimizer(searchAlgorithm).run(problem.layer, options);
    problem.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - begin)
            .count();
  };
  if (scope != "op") {
    search::SearchOptions options = baseOptions;
    options.threads = threaded ? 0 : 1;
    searchSharedChips(problems, options);
  } else if (threaded && problems.size() > 1) {
    parallelForEach(ctx, problems, searchOne);
  } else {
    llvm::for_each(problems, searchOne);
  }

  // Annotate in program order; report every op without a design.
  for (const DescribedOp &described : ops) {
    const Problem &problem = problems[described.problem];
    const search::SearchResult &result = problem.result;
    if (!result.found) {
      described.op->emitError() << "digamma-co-optimize: " << result.message;
      failedOp = true;
      continue;
    }
    int64_t bytes = problem.elementBytes;
    MappingAttr mapping = toMappingAttr(ctx, result.mapping);
    // A dataflow's parallel dimension may be one the op does not have.
    if (dataflow && failed(verifyMappingAgainstLoopNest(
                        [&] {
                          return described.op->emitError()
                                 << "digamma-co-optimize: dataflow="
                                 << dataflowName << " does not fit this op: ";
                        },
                        mapping, loopNestHelper.getAttr(described.op)))) {
      failedOp = true;
      continue;
    }
    mappingHelper.setAttr(described.op, mapping);
    hwHelper.setAttr(
        described.op,
        toHwAttr(ctx, result.hardware,
                 search::peArrayShape(result.hardware, result.mapping),
                 result.areaUm2));
    costHelper.setAttr(
        described.op,
        CostAttr::get(ctx, result.cost.cycles, result.cost.macs,
                      llvm::APFloat(result.cost.energyNJ),
                      llvm::APFloat(result.areaUm2),
                      search::bufferBytes(result.cost.l1Elements, bytes),
                      search::bufferBytes(result.cost.l2Elements, bytes),
                      llvm::APFloat(result.cost.utilization)));
  }
  if (failedOp)
    return signalPassFailure();
  // The shared chip also describes its module or function.
  for (const ChipGroup &group : chipGroups) {
    const search::SearchResult &first = problems[group.problems[0]].result;
    hwHelper.setAttr(group.anchor, toHwAttr(ctx, first.hardware,
                                            search::peArrayShape(first.hardware,
                                                                 first.mapping),
                                            group.result.areaUm2));
  }

  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  if (failed(writeReport(ops, problems, seconds)))
    return signalPassFailure();
}

void CoOptimizePass::searchSharedChips(
    MutableArrayRef<Problem> problems,
    const search::SearchOptions &baseOptions) {
  for (ChipGroup &group : chipGroups) {
    std::vector<search::ModelLayer> layers;
    int64_t bytes = 1;
    for (size_t k = 0; k < group.problems.size(); ++k) {
      const Problem &problem = problems[group.problems[k]];
      layers.push_back({problem.layer, group.weights[k]});
      bytes = std::max(bytes, problem.elementBytes);
    }
    // One chip has one buffer word size: the widest element of its ops.
    search::SearchOptions options = baseOptions;
    options.bytesPerElement = bytes;
    options.fixedHardware.bytesPerElement = bytes;
    auto begin = std::chrono::steady_clock::now();
    group.result = search::runModelDiGamma(layers, options);
    group.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - begin)
            .count();
    for (size_t k = 0; k < group.problems.size(); ++k) {
      Problem &problem = problems[group.problems[k]];
      search::SearchResult &result = problem.result;
      result.found = group.result.found;
      result.message = group.result.message;
      problem.seconds = group.seconds;
      problem.elementBytes = bytes;
      if (!result.found)
        continue;
      result.hardware = group.result.hardware;
      result.mapping = group.result.mappings[k];
      result.cost = group.result.costs[k];
      result.areaUm2 = group.result.areaUm2;
      result.objectiveValue = group.result.objectiveValue;
      result.samplesUsed = group.result.samplesUsed;
      result.bestPerGeneration = group.result.bestPerGeneration;
    }
  }
}

LogicalResult CoOptimizePass::writeReport(ArrayRef<DescribedOp> ops,
                                          ArrayRef<Problem> problems,
                                          double seconds) {
  int64_t totalCycles = 0;
  double totalEnergy = 0;
  for (const DescribedOp &described : ops) {
    const search::SearchResult &result = problems[described.problem].result;
    int64_t sum;
    totalCycles = llvm::AddOverflow(totalCycles, result.cost.cycles, sum)
                      ? std::numeric_limits<int64_t>::max()
                      : sum;
    totalEnergy += result.cost.energyNJ;
  }
  size_t saved = ops.size() - problems.size();

  if (reportSummary)
    llvm::errs() << llvm::formatv(
        "digamma-co-optimize: {0} ops, {1} searches ({2} saved by the problem "
        "cache), {3} samples each; total {4} cycles, {5:e} nJ; {6:f2} s\n",
        ops.size(), problems.size(), saved, static_cast<int64_t>(samples),
        totalCycles, totalEnergy, seconds);

  // Shared chips: the area split and the ops that dominate each chip's
  // latency.
  std::vector<size_t> groupOf(problems.size(), 0);
  for (size_t g = 0; g < chipGroups.size(); ++g)
    for (size_t p : chipGroups[g].problems)
      groupOf[p] = g;
  llvm::json::Array chipsJson;
  for (size_t g = 0; g < chipGroups.size(); ++g) {
    const ChipGroup &group = chipGroups[g];
    const search::ModelSearchResult &chip = group.result;
    if (!chip.found)
      continue;
    SmallVector<std::pair<double, const DescribedOp *>> byCycles;
    for (const DescribedOp &described : ops)
      if (groupOf[described.problem] == g)
        byCycles.push_back(
            {described.weight *
                 double(problems[described.problem].result.cost.cycles),
             &described});
    llvm::stable_sort(byCycles, [](const auto &a, const auto &b) {
      return a.first > b.first;
    });
    double total = 0;
    for (const auto &entry : byCycles)
      total += entry.first;
    llvm::json::Array bottlenecks;
    std::string firstBottleneck;
    for (size_t k = 0; k < std::min<size_t>(byCycles.size(), 3); ++k) {
      std::string location = printLocation(byCycles[k].second->op->getLoc());
      double share = total > 0 ? byCycles[k].first / total : 0;
      if (k == 0)
        firstBottleneck =
            llvm::formatv("{0} at {1} ({2:f1}% of the cycles)",
                          byCycles[k].second->op->getName().getStringRef(),
                          location, 100 * share);
      bottlenecks.push_back(llvm::json::Object{
          {"op", byCycles[k].second->op->getName().getStringRef()},
          {"loc", location},
          {"weighted_cycles", byCycles[k].first},
          {"share", share}});
    }
    int64_t bytes = chip.hardware.bytesPerElement;
    if (reportSummary)
      llvm::errs() << llvm::formatv(
          "digamma-co-optimize: scope={0}: one chip of {1} PEs, L1 {2} B per "
          "PE, L2 {3} B, {4:f0} um^2 (PEs {5:f0}, buffers {6:f0}); {7:f0} "
          "weighted cycles; bottleneck: {8}\n",
          scope, chip.hardware.numPEs,
          search::bufferBytes(chip.hardware.l1Elements, bytes),
          search::bufferBytes(chip.hardware.l2Elements, bytes), chip.areaUm2,
          chip.peAreaUm2, chip.bufferAreaUm2, chip.totalCycles,
          firstBottleneck);
    chipsJson.push_back(llvm::json::Object{
        {"anchor", group.anchor->getName().getStringRef()},
        {"num_pes", chip.hardware.numPEs},
        {"l1_bytes", search::bufferBytes(chip.hardware.l1Elements, bytes)},
        {"l2_bytes", search::bufferBytes(chip.hardware.l2Elements, bytes)},
        {"area_um2", chip.areaUm2},
        {"pe_area_um2", chip.peAreaUm2},
        {"buffer_area_um2", chip.bufferAreaUm2},
        {"weighted_cycles", chip.totalCycles},
        {"weighted_energy_nj", chip.totalEnergyNJ},
        {"samples", chip.samplesUsed},
        {"seconds", group.seconds},
        {"bottlenecks", std::move(bottlenecks)}});
  }
  if (reportFile.empty())
    return success();

  llvm::json::Array opsJson;
  for (const DescribedOp &described : ops) {
    const Problem &problem = problems[described.problem];
    const search::SearchResult &result = problem.result;
    std::string location = printLocation(described.op->getLoc());
    llvm::json::Array trace;
    for (double value : result.bestPerGeneration)
      trace.push_back(value);
    const cost::Hardware &hw = result.hardware;
    int64_t bytes = problem.elementBytes;
    llvm::json::Object opJson{
        {"op", described.op->getName().getStringRef()},
        {"loc", location},
        {"problem", toJson(problem.layer)},
        {"problem_id", static_cast<int64_t>(described.problem)},
        {"weight", described.weight},
        {"hw",
         llvm::json::Object{
             {"num_pes", hw.numPEs},
             {"l1_bytes", search::bufferBytes(result.cost.l1Elements, bytes)},
             {"l2_bytes", search::bufferBytes(result.cost.l2Elements, bytes)},
             {"area_um2", result.areaUm2}}},
        {"mapping", toJson(result.mapping)},
        {"cost", llvm::json::Object{{"cycles", result.cost.cycles},
                                    {"macs", result.cost.macs},
                                    {"energy_nj", result.cost.energyNJ},
                                    {"utilization", result.cost.utilization}}},
        {"samples", result.samplesUsed},
        {"seconds", problem.seconds},
        {"best_per_generation", std::move(trace)}};
    // Where each trace point was taken: optimizers differ in generation
    // size (shared-chip searches do not record it).
    if (!result.samplesPerGeneration.empty()) {
      llvm::json::Array at;
      for (int64_t used : result.samplesPerGeneration)
        at.push_back(used);
      opJson["samples_per_generation"] = std::move(at);
    }
    opsJson.push_back(std::move(opJson));
  }
  llvm::json::Object root{
      {"scope", scope},
      {"ops", std::move(opsJson)},
      {"chips", std::move(chipsJson)},
      {"totals",
       llvm::json::Object{{"ops", static_cast<int64_t>(ops.size())},
                          {"searches", static_cast<int64_t>(problems.size())},
                          {"searches_saved", static_cast<int64_t>(saved)},
                          {"cycles", totalCycles},
                          {"energy_nj", totalEnergy},
                          {"seconds", seconds}}}};
  std::string text =
      llvm::formatv("{0:2}", llvm::json::Value(std::move(root))).str() + "\n";
  if (std::optional<OutputFileError> error =
          writeOutputFiles({{reportFile, std::move(text)}}))
    return emitError(getOperation().getLoc())
           << "digamma-co-optimize: cannot write report '" << error->path
           << "': " << error->reason;
  return success();
}
