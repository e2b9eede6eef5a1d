//===- CoOptimize.cpp - DiGamma hardware/mapping co-optimization ----------===//
//
// IR work around the request layer (digamma/Api/Request.h): the pass
// options become an api::Request and its plan, every op carrying a
// digamma.loop_nest becomes a layer problem (ops with the same problem are
// searched once), problems are searched in parallel when MLIR threading is
// on, and the winners are written back as digamma.mapping, digamma.hw and
// digamma.cost. Search results do not depend on the thread count, so the
// output is byte-identical with and without -mlir-disable-threading.
//
//===----------------------------------------------------------------------===//

#include "digamma/Api/Request.h"
#include "digamma/Api/Workload.h"
#include "digamma/Dialect/Digamma/IR/DigammaDialect.h"
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
#include <optional>

namespace digamma {
#define GEN_PASS_DEF_COOPTIMIZEPASS
#include "digamma/Transforms/Passes.h.inc"
} // namespace digamma

using namespace mlir;
using namespace digamma;

namespace {

/// One distinct search problem and the result shared by its ops.
struct Problem {
  api::LayerProblem layer;
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
  search::ModelSearchResult result;
  double seconds = 0;
};

/// Name of the optional op attribute that weights an op in a shared-chip
/// objective (for example a layer repeated N times in a model).
constexpr llvm::StringLiteral kRepeatAttrName = "digamma.repeat";

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
  /// The request the pass options make, without its layers.
  api::Request makeRequest();
  /// Turns the described ops into distinct problems (and chip groups);
  /// emits an error on an op it cannot describe.
  LogicalResult collectProblems(const api::SearchPlan &plan,
                                SmallVectorImpl<DescribedOp> &ops);
  /// Searches one chip per group and gives each problem its share.
  void searchSharedChips(const api::SearchPlan &plan);
  LogicalResult writeReport(ArrayRef<DescribedOp> ops, double seconds);

  std::vector<Problem> problems;
  std::vector<ChipGroup> chipGroups;
};

} // namespace

api::Request CoOptimizePass::makeRequest() {
  api::Request request;
  request.platform = platform;
  request.budget.areaMm2 = areaBudget;
  request.budget.peLimit = peLimit;
  request.scope = scope;
  api::Options &options = request.options;
  options.objective = objective;
  options.tieBreak = tieBreak;
  options.mode = mode;
  options.semantics = semantics;
  options.algorithm = algorithm;
  options.samples = samples;
  options.population = population;
  options.seed = seed;
  // Distinct problems run in parallel on MLIR's threads, each search on
  // one: spawning evaluation threads per generation costs more than it
  // saves on one search (bench/SearchBench). A shared chip's search uses
  // the cores itself.
  bool threaded = getContext().isMultithreadingEnabled();
  options.threads = scope == api::Scope::Op || !threaded ? 1 : 0;
  // 0 takes each op's own element size.
  options.elementBytes = elementBytesOverride;
  options.minLevels = minLevels;
  options.maxLevels = maxLevels;
  options.fixedHardware = {numPEs, l1Bytes, l2Bytes};
  if (dataflow)
    options.dataflow = std::string(dataflow->name);
  options.constraint = constraint;
  options.constraintFile = constraintFile;
  return request;
}

LogicalResult
CoOptimizePass::collectProblems(const api::SearchPlan &plan,
                                SmallVectorImpl<DescribedOp> &ops) {
  ModuleOp module = getOperation();
  MLIRContext *ctx = &getContext();
  DigammaDialect::LoopNestAttrHelper loopNestHelper(ctx);
  DigammaDialect::MappingAttrHelper mappingHelper(ctx);
  api::ProblemTable table;
  llvm::DenseMap<Operation *, size_t> groupOfAnchor;
  bool failedOp = false;
  llvm::DenseMap<Operation *, size_t> callSites;
  // Holders of a digamma.map_space already warned about overriding the
  // constraint options.
  llvm::DenseSet<Operation *> overriding;
  DigammaDialect::MapSpaceAttrHelper mapSpaceHelper(ctx);
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
    api::LayerProblem problem;
    problem.layer = *layer;
    problem.weight = weight;
    int64_t ownBytes = 0;
    for (int64_t bytes : loopNest.getElementBytes())
      ownBytes = std::max(ownBytes, bytes);
    problem.elementBytes = plan.elementBytesOf(ownBytes);
    if (plan.options.mode == search::Mode::FixedMapping && !plan.dataflow) {
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
      problem.fixedMapping = *mapping;
    }
    // The op's map space: its own, else its nearest ancestor's; the
    // option's otherwise (SearchPlan::optionsFor).
    for (Operation *holder = op; holder; holder = holder->getParentOp()) {
      MapSpaceAttr space = mapSpaceHelper.getAttr(holder);
      if (!space)
        continue;
      problem.mapSpace = space.toMapSpace();
      if (!plan.options.mapSpace.empty() &&
          overriding.insert(holder).second)
        emitWarning(holder->getLoc())
            << "digamma-co-optimize: this digamma.map_space '"
            << space.getName()
            << "' takes precedence over the constraint option's map space '"
            << plan.options.mapSpace.name << "' for the ops it governs";
      break;
    }
    // With a chip per function, equal problems of different functions run
    // on different chips: they are different problems.
    size_t group = 0;
    if (plan.scope != api::Scope::Op) {
      Operation *anchor = module;
      if (plan.scope == api::Scope::Function)
        if (auto function = op->getParentOfType<FunctionOpInterface>())
          anchor = function;
      auto [groupIt, newGroup] =
          groupOfAnchor.try_emplace(anchor, chipGroups.size());
      if (newGroup)
        chipGroups.push_back({anchor, {}, {}, 0});
      group = groupIt->second;
    }
    size_t before = table.size();
    size_t index = table.add(problem, static_cast<int64_t>(group));
    if (table.size() > before && plan.scope != api::Scope::Op)
      chipGroups[group].problems.push_back(index);
    ops.push_back({op, index, weight});
  });
  if (failedOp)
    return failure();
  problems.clear();
  for (const api::LayerProblem &problem : table.problems())
    problems.push_back({problem, {}, 0});
  return success();
}

void CoOptimizePass::runOnOperation() {
  ModuleOp module = getOperation();
  MLIRContext *ctx = &getContext();
  auto start = std::chrono::steady_clock::now();

  api::SearchPlan plan;
  if (std::optional<std::string> error = api::planSearch(makeRequest(), plan)) {
    emitError(module.getLoc()) << "digamma-co-optimize: " << *error;
    return signalPassFailure();
  }
  SmallVector<DescribedOp> ops;
  chipGroups.clear();
  if (failed(collectProblems(plan, ops)))
    return signalPassFailure();
  if (ops.empty())
    emitWarning(module.getLoc())
        << "digamma-co-optimize: no op carries a digamma.loop_nest, so "
           "nothing was searched; describe the convolutions and matmuls "
           "first with --digamma-lower-to-loop-nest (or run "
           "--digamma-pipeline)";

  auto searchOne = [&](Problem &problem) {
    auto begin = std::chrono::steady_clock::now();
    problem.result = api::searchLayer(plan, problem.layer);
    problem.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - begin)
            .count();
  };
  if (plan.scope != api::Scope::Op)
    searchSharedChips(plan);
  else if (ctx->isMultithreadingEnabled() && problems.size() > 1)
    parallelForEach(ctx, problems, searchOne);
  else
    llvm::for_each(problems, searchOne);

  // Annotate in program order; report every op without a design.
  DigammaDialect::LoopNestAttrHelper loopNestHelper(ctx);
  DigammaDialect::MappingAttrHelper mappingHelper(ctx);
  DigammaDialect::HwAttrHelper hwHelper(ctx);
  DigammaDialect::CostAttrHelper costHelper(ctx);
  bool failedOp = false;
  for (const DescribedOp &described : ops) {
    const Problem &problem = problems[described.problem];
    const search::SearchResult &result = problem.result;
    if (!result.found) {
      described.op->emitError() << "digamma-co-optimize: " << result.message;
      failedOp = true;
      continue;
    }
    int64_t bytes = problem.layer.elementBytes;
    MappingAttr mapping = toMappingAttr(ctx, result.mapping);
    // A dataflow's or a map space's parallel dimension may be one the op
    // does not have.
    const search::MapSpace &mapSpace = problem.layer.mapSpace
                                           ? *problem.layer.mapSpace
                                           : plan.options.mapSpace;
    if ((plan.dataflow || !mapSpace.empty()) &&
        failed(verifyMappingAgainstLoopNest(
            [&] {
              InFlightDiagnostic diag =
                  described.op->emitError() << "digamma-co-optimize: ";
              if (plan.dataflow)
                diag << "dataflow=" << plan.dataflow->name;
              else
                diag << "map space '" << mapSpace.name << "'";
              return std::move(diag << " does not fit this op: ");
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
  if (failed(writeReport(ops, seconds)))
    return signalPassFailure();
}

void CoOptimizePass::searchSharedChips(const api::SearchPlan &plan) {
  for (ChipGroup &group : chipGroups) {
    std::vector<api::LayerProblem> layers;
    for (size_t index : group.problems)
      layers.push_back(problems[index].layer);
    auto begin = std::chrono::steady_clock::now();
    api::SharedChipResult shared = api::searchSharedChip(plan, layers);
    group.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - begin)
            .count();
    for (size_t k = 0; k < group.problems.size(); ++k) {
      Problem &problem = problems[group.problems[k]];
      problem.result = std::move(shared.layers[k]);
      problem.seconds = group.seconds;
      problem.layer.elementBytes = shared.elementBytes;
    }
    group.result = std::move(shared.chip);
  }
}

/// The PE array of a design: the top level's fan-out, then the inner levels'
/// cluster sizes.
static llvm::json::Array arrayShapeJson(const cost::Hardware &hw,
                                        const cost::Mapping &mapping) {
  llvm::json::Array shape;
  for (int64_t extent : search::peArrayShape(hw, mapping))
    shape.push_back(extent);
  return shape;
}

/// A design's cost: cycles, MACs, energy, utilization, the bandwidths it
/// needs and its buffer accesses per tensor (in elements).
static llvm::json::Object costJson(const cost::CostReport &cost) {
  const cost::AccessCounts &a = cost.accesses;
  auto tensor = [](int64_t l1Read, int64_t l1Write, int64_t l2Read,
                   int64_t l2Write) {
    return llvm::json::Object{{"l1_read", l1Read},
                              {"l1_write", l1Write},
                              {"l2_read", l2Read},
                              {"l2_write", l2Write}};
  };
  return llvm::json::Object{
      {"cycles", cost.cycles},
      {"macs", cost.macs},
      {"energy_nj", cost.energyNJ},
      {"utilization", cost.utilization},
      {"noc_bw_required_elements_per_cycle", cost.nocBandwidthReq},
      {"offchip_bw_required_elements_per_cycle", cost.offchipBandwidthReq},
      {"accesses", llvm::json::Object{
                       {"input", tensor(a.inputL1Read, a.inputL1Write,
                                        a.inputL2Read, a.inputL2Write)},
                       {"filter", tensor(a.filterL1Read, a.filterL1Write,
                                         a.filterL2Read, a.filterL2Write)},
                       {"output", tensor(a.outputL1Read, a.outputL1Write,
                                         a.outputL2Read, a.outputL2Write)}}}};
}

LogicalResult CoOptimizePass::writeReport(ArrayRef<DescribedOp> ops,
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
          api::scopeName(scope), chip.hardware.numPEs,
          search::bufferBytes(chip.hardware.l1Elements, bytes),
          search::bufferBytes(chip.hardware.l2Elements, bytes), chip.areaUm2,
          chip.peAreaUm2, chip.bufferAreaUm2, chip.totalCycles,
          firstBottleneck);
    chipsJson.push_back(llvm::json::Object{
        {"anchor", group.anchor->getName().getStringRef()},
        {"num_pes", chip.hardware.numPEs},
        {"array_shape",
         arrayShapeJson(chip.hardware,
                        problems[group.problems[0]].result.mapping)},
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
    int64_t bytes = problem.layer.elementBytes;
    llvm::json::Object opJson{
        {"op", described.op->getName().getStringRef()},
        {"loc", location},
        {"problem", toJson(problem.layer.layer)},
        {"problem_id", static_cast<int64_t>(described.problem)},
        {"weight", described.weight},
        {"hw",
         llvm::json::Object{
             {"num_pes", hw.numPEs},
             {"array_shape", arrayShapeJson(hw, result.mapping)},
             {"l1_bytes", search::bufferBytes(result.cost.l1Elements, bytes)},
             {"l2_bytes", search::bufferBytes(result.cost.l2Elements, bytes)},
             {"area_um2", result.areaUm2},
             {"noc_bw_elements_per_cycle", hw.nocBandwidth},
             {"offchip_bw_elements_per_cycle", hw.offchipBandwidth}}},
        {"mapping", toJson(result.mapping)},
        {"cost", costJson(result.cost)},
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
      {"scope", std::string(api::scopeName(scope))},
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
