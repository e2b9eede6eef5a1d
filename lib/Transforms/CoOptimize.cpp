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

#include "digamma/Api/Figures.h"
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
#include "llvm/Support/Path.h"

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
  /// The fewest cycles any design of it can take (search::cycleBound).
  cost::CycleBound bound;
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
  /// The request the pass options make, without its layers, or the
  /// message of an option that is no request's.
  std::optional<std::string> makeRequest(api::Request &request);
  /// Turns the described ops into distinct problems (and chip groups);
  /// emits an error on an op it cannot describe.
  LogicalResult collectProblems(const api::SearchPlan &plan,
                                SmallVectorImpl<DescribedOp> &ops);
  /// Searches one chip per group and gives each problem its share.
  void searchSharedChips(const api::SearchPlan &plan);
  LogicalResult writeReport(const api::SearchPlan &plan,
                            ArrayRef<DescribedOp> ops, double seconds);
  /// With report-plot: the SVG figures.
  LogicalResult writePlots(const api::SearchPlan &plan,
                           ArrayRef<DescribedOp> ops);
  /// With area-sweep: \p request searched again at each budget, the totals
  /// weighted as shared-chip objectives weight ops.
  void sweepArea(const api::Request &request);

  std::vector<Problem> problems;
  std::vector<ChipGroup> chipGroups;
  std::vector<api::SweepPoint> sweep;
};

} // namespace

std::optional<std::string> CoOptimizePass::makeRequest(api::Request &request) {
  request.platform = platform;
  request.platformFile = platformFile;
  request.budget.areaMm2 = areaBudget;
  request.budget.peLimit = peLimit;
  request.scope = scope;
  api::Options &options = request.options;
  options.objective = objective;
  if (std::optional<std::string> error = api::parseParetoObjectives(
          {paretoObjectives.begin(), paretoObjectives.end()},
          options.paretoObjectives))
    return error;
  options.paretoPick = paretoPick;
  options.paretoSize = paretoSize;
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
  options.offchipBandwidth = offchipBandwidth;
  options.nocBandwidth = nocBandwidth;
  options.acceptUnsoundMaestro = maestroAcceptUnsound;
  if (dataflow)
    options.dataflow = std::string(dataflow->name);
  options.constraint = constraint;
  options.constraintFile = constraintFile;
  return std::nullopt;
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
    // Tensors of different sizes (i8 x i8 -> i32) are buffered and moved at
    // their own sizes; the buffers' word is the widest (ownBytes).
    if (!llvm::all_equal(loopNest.getElementBytes()))
      setOperandBytes(problem.layer, loopNest);
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

  api::Request request;
  api::SearchPlan plan;
  std::optional<std::string> error = makeRequest(request);
  if (!error)
    error = api::planSearch(request, plan);
  if (error) {
    emitError(module.getLoc()) << "digamma-co-optimize: " << *error;
    return signalPassFailure();
  }
  // Before any search: sweep budgets no search can take, a sweep nobody
  // sees, a figure directory that cannot be written to.
  for (double mm2 : areaSweep)
    if (!(mm2 > 0) || !std::isfinite(mm2)) {
      emitError(module.getLoc())
          << "digamma-co-optimize: area-sweep needs positive areas in mm^2, "
             "got "
          << mm2;
      return signalPassFailure();
    }
  if (!areaSweep.empty() && reportFile.empty() && reportPlot.empty()) {
    emitError(module.getLoc())
        << "digamma-co-optimize: area-sweep needs report or report-plot to "
           "write its curve";
    return signalPassFailure();
  }
  // Before any search: a figure directory that cannot be written to.
  if (!reportPlot.empty() && !llvm::sys::fs::is_directory(reportPlot)) {
    emitError(module.getLoc())
        << "digamma-co-optimize: report-plot='" << reportPlot
        << "' is not an existing directory";
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

  for (Problem &problem : problems)
    problem.bound =
        search::cycleBound(plan.layerFor(problem.layer),
                           plan.optionsFor(problem.layer));
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
    const cost::Layer searchedLayer = plan.layerFor(problem.layer);
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
                 result.areaUm2, &searchedLayer));
    // maestro-accept-unsound keeps MAESTRO's impossible figures: say so,
    // and record what #digamma.cost can hold.
    double utilization = result.cost.utilization;
    if (result.cost.unsoundReason != cost::InvalidReason::None) {
      if (result.cost.macs < 0 || result.cost.cycles < 0) {
        described.op->emitError()
            << "digamma-co-optimize: MAESTRO's figures for the design kept "
               "with maestro-accept-unsound=true ("
            << cost::describe(result.cost.unsoundReason)
            << ") have a negative MAC or cycle count, which digamma.cost "
               "cannot record";
        failedOp = true;
        continue;
      }
      InFlightDiagnostic warning = described.op->emitWarning();
      warning << "digamma-co-optimize: MAESTRO's figures for this design are "
                 "physically impossible ("
              << cost::describe(result.cost.unsoundReason)
              << "); kept because maestro-accept-unsound=true";
      if (utilization > 1) {
        warning << "; digamma.cost records utilization 1 for MAESTRO's "
                << llvm::formatv("{0:F2}", utilization).str();
        utilization = 1;
      }
    }
    // The off-chip figures exist at a finite off-chip bandwidth.
    std::optional<int64_t> offchipBytes;
    llvm::StringRef limitedBy;
    if (result.cost.hasReportFigures) {
      offchipBytes = result.cost.offchipBytes;
      limitedBy = cost::resourceName(result.cost.limitedBy);
    }
    costHelper.setAttr(
        described.op,
        CostAttr::get(ctx, result.cost.cycles, result.cost.macs,
                      llvm::APFloat(result.cost.energyNJ),
                      llvm::APFloat(result.areaUm2),
                      result.cost.l1Bytes, result.cost.l2Bytes,
                      llvm::APFloat(utilization), offchipBytes,
                      limitedBy));
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

  sweep.clear();
  if (!areaSweep.empty())
    sweepArea(request);
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  if (failed(writeReport(plan, ops, seconds)) || failed(writePlots(plan, ops)))
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

void CoOptimizePass::sweepArea(const api::Request &request) {
  MLIRContext *ctx = &getContext();
  for (double mm2 : areaSweep) {
    api::Request atBudget = request;
    atBudget.budget.areaMm2 = mm2;
    api::SweepPoint point;
    point.budgetMm2 = mm2;
    point.found = true;
    api::SearchPlan plan;
    // The budget is checked above; the rest is the main request's.
    if (api::planSearch(atBudget, plan)) {
      point.found = false;
      sweep.push_back(point);
      continue;
    }
    auto add = [&](bool found, double cycles, double energy, double area) {
      point.found &= found;
      point.cycles += cycles;
      point.energyNJ += energy;
      point.areaUm2 = std::max(point.areaUm2, area);
    };
    if (plan.scope == api::Scope::Op) {
      std::vector<search::SearchResult> results(problems.size());
      auto searchOne = [&](size_t i) {
        results[i] = api::searchLayer(plan, problems[i].layer);
      };
      if (ctx->isMultithreadingEnabled() && problems.size() > 1)
        parallelFor(ctx, 0, problems.size(), searchOne);
      else
        for (size_t i = 0; i < problems.size(); ++i)
          searchOne(i);
      for (size_t i = 0; i < problems.size(); ++i) {
        double weight = problems[i].layer.weight;
        add(results[i].found, weight * double(results[i].cost.cycles),
            weight * results[i].cost.energyNJ, results[i].areaUm2);
      }
    } else {
      for (const ChipGroup &group : chipGroups) {
        std::vector<api::LayerProblem> layers;
        for (size_t index : group.problems)
          layers.push_back(problems[index].layer);
        search::ModelSearchResult chip =
            api::searchSharedChip(plan, layers).chip;
        add(chip.found, chip.totalCycles, chip.totalEnergyNJ, chip.areaUm2);
      }
    }
    sweep.push_back(point);
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

/// A bandwidth in whole elements per cycle: the byte form's where it is
/// set (as the maestro semantics read it), else the element form.
static int64_t elementRate(int64_t elements, int64_t bytes,
                           int64_t bytesPerElement) {
  return bytes > 0 ? std::max<int64_t>(
                         1, bytes / std::max<int64_t>(bytesPerElement, 1))
                   : elements;
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
  llvm::json::Object object{
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
  // The off-chip figures, where the cost model computed them (a finite
  // off-chip bandwidth).
  if (cost.hasReportFigures) {
    const cost::OffchipTraffic &o = cost.offchip;
    object["offchip"] = llvm::json::Object{
        {"input_read_bytes", o.inputReadBytes},
        {"weight_read_bytes", o.weightReadBytes},
        {"output_read_bytes", o.outputReadBytes},
        {"output_write_bytes", o.outputWriteBytes},
        {"total_bytes", cost.offchipBytes},
        {"operational_intensity_macs_per_byte", cost.operationalIntensity},
        {"energy_nj", cost.offchipEnergyNJ},
        {"compute_cycles", cost.computeCycles},
        {"noc_cycles", cost.nocCycles},
        {"offchip_cycles", cost.offchipCycles},
        {"limited_by", std::string(cost::resourceName(cost.limitedBy))}};
  }
  return object;
}

/// A front: its figures, the pick, and per design the hardware, the
/// figures and the mapping of each layer (in the problems' order).
static llvm::json::Object frontJson(const search::Front &front) {
  llvm::json::Array objectives, designs;
  for (int k = 0; k < front.settings.numObjectives; ++k)
    objectives.push_back(
        std::string(search::objectiveName(front.settings.objectives[k])));
  for (const search::FrontDesign &design : front.designs) {
    const cost::Hardware &hw = design.hardware;
    int64_t bytes = hw.bytesPerElement;
    llvm::json::Array mappings;
    for (const cost::Mapping &mapping : design.mappings)
      mappings.push_back(toJson(mapping));
    designs.push_back(llvm::json::Object{
        {"num_pes", hw.numPEs},
        {"array_shape", arrayShapeJson(hw, design.mappings.front())},
        {"l1_bytes", search::bufferBytes(hw.l1Elements, bytes)},
        {"l2_bytes", search::bufferBytes(hw.l2Elements, bytes)},
        {"area_um2", design.areaUm2},
        {"cycles", design.cycles},
        {"energy_nj", design.energyNJ},
        {"mappings", std::move(mappings)}});
  }
  return llvm::json::Object{
      {"objectives", std::move(objectives)},
      {"pick", std::string(search::nameOf(search::paretoPickValues(),
                                          front.settings.pick))},
      {"picked", static_cast<int64_t>(front.picked)},
      {"designs", std::move(designs)}};
}

/// The bound of a problem and what it assumed (README.md, "The bound").
static llvm::json::Object boundJson(const cost::CycleBound &bound) {
  llvm::json::Object spread;
  for (cost::Dim dim : cost::kAllDims)
    if (int64_t units = bound.spread[static_cast<int>(dim)]; units > 1)
      spread[llvm::StringRef(cost::dimName(dim))] = units;
  return llvm::json::Object{
      {"cycles", bound.cycles},
      {"pe_cycles", bound.peCycles},
      {"parallelism_cycles", bound.parallelismCycles},
      {"offchip_cycles", bound.offchipCycles},
      {"limited_by", llvm::StringRef(cost::boundLimitName(bound.limitedBy))},
      {"spread", std::move(spread)},
      {"exact", bound.exact},
      {"max_pes", bound.maxPEs},
      {"max_levels", bound.maxLevels},
      {"simd_lanes", bound.simdLanes},
      {"offchip_bytes", bound.offchipBytes},
      {"offchip_bytes_per_cycle", bound.offchipBytesPerCycle}};
}

/// cycles / bound, or 0 without a bound.
static double boundGap(int64_t cycles, int64_t bound) {
  return bound > 0 ? double(cycles) / double(bound) : 0.0;
}

static int64_t saturatingAdd(int64_t a, int64_t b) {
  int64_t sum;
  return llvm::AddOverflow(a, b, sum) ? std::numeric_limits<int64_t>::max()
                                      : sum;
}

LogicalResult CoOptimizePass::writeReport(const api::SearchPlan &plan,
                                          ArrayRef<DescribedOp> ops,
                                          double seconds) {
  int64_t totalCycles = 0, totalBound = 0;
  double totalEnergy = 0;
  // The op furthest from its bound, for the summary.
  const DescribedOp *widest = nullptr;
  double widestGap = 0;
  for (const DescribedOp &described : ops) {
    const Problem &problem = problems[described.problem];
    const search::SearchResult &result = problem.result;
    totalCycles = saturatingAdd(totalCycles, result.cost.cycles);
    totalBound = saturatingAdd(totalBound, problem.bound.cycles);
    totalEnergy += result.cost.energyNJ;
    double gap = boundGap(result.cost.cycles, problem.bound.cycles);
    if (!widest || gap > widestGap) {
      widest = &described;
      widestGap = gap;
    }
  }
  size_t saved = ops.size() - problems.size();

  if (reportSummary) {
    llvm::errs() << llvm::formatv(
        "digamma-co-optimize: {0} ops, {1} searches ({2} saved by the problem "
        "cache), {3} samples each; total {4} cycles, {5:e} nJ; {6:f2} s",
        ops.size(), problems.size(), saved, static_cast<int64_t>(samples),
        totalCycles, totalEnergy, seconds);
    if (widest)
      llvm::errs() << llvm::formatv(
          "; {0:f3}x the bound of {1} cycles (largest op gap {2:f3}x: {3} at "
          "{4})",
          boundGap(totalCycles, totalBound), totalBound, widestGap,
          widest->op->getName().getStringRef(),
          printLocation(widest->op->getLoc()));
    llvm::errs() << "\n";
  }

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
    if (!chip.front.empty())
      (*chipsJson.back().getAsObject())["front"] = frontJson(chip.front);
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
    llvm::json::Object opJson{
        {"op", described.op->getName().getStringRef()},
        {"loc", location},
        {"problem", toJson(plan.layerFor(problem.layer))},
        {"problem_id", static_cast<int64_t>(described.problem)},
        {"weight", described.weight},
        {"hw",
         llvm::json::Object{
             {"num_pes", hw.numPEs},
             {"array_shape", arrayShapeJson(hw, result.mapping)},
             {"l1_bytes", result.cost.l1Bytes},
             {"l2_bytes", result.cost.l2Bytes},
             {"area_um2", result.areaUm2},
             {"noc_bw_elements_per_cycle", elementRate(hw.nocBandwidth,
                                                       hw.nocBandwidthBytes,
                                                       hw.bytesPerElement)},
             {"offchip_bw_elements_per_cycle",
              elementRate(hw.offchipBandwidth, hw.offchipBandwidthBytes,
                          hw.bytesPerElement)},
             // 0: unbounded.
             {"noc_bw_bytes_per_cycle",
              cost::isNocUnbounded(hw) ? 0 : cost::nocBytesPerCycle(hw)},
             {"offchip_bw_bytes_per_cycle",
              cost::isOffchipUnbounded(hw) ? 0
                                           : cost::offchipBytesPerCycle(hw)}}},
        {"mapping", toJson(result.mapping)},
        {"cost", costJson(result.cost)},
        {"bound", boundJson(problem.bound)},
        {"gap", boundGap(result.cost.cycles, problem.bound.cycles)},
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
  // Fronts of the distinct problems searched on their own (scope=op).
  llvm::json::Array frontsJson;
  for (size_t p = 0; p < problems.size(); ++p) {
    const search::Front &front = problems[p].result.front;
    if (chipGroups.empty() && !front.empty()) {
      llvm::json::Object json = frontJson(front);
      json["problem_id"] = static_cast<int64_t>(p);
      frontsJson.push_back(std::move(json));
    }
  }
  llvm::json::Array sweepJson;
  for (const api::SweepPoint &point : sweep)
    sweepJson.push_back(
        llvm::json::Object{{"area_budget_mm2", point.budgetMm2},
                           {"found", point.found},
                           {"weighted_cycles", point.cycles},
                           {"weighted_energy_nj", point.energyNJ},
                           {"largest_chip_um2", point.areaUm2}});
  llvm::json::Object root{
      {"scope", std::string(api::scopeName(scope))},
      {"area_sweep", std::move(sweepJson)},
      {"objective", std::string(search::objectiveName(objective))},
      {"ops", std::move(opsJson)},
      {"chips", std::move(chipsJson)},
      {"fronts", std::move(frontsJson)},
      {"totals",
       llvm::json::Object{{"ops", static_cast<int64_t>(ops.size())},
                          {"searches", static_cast<int64_t>(problems.size())},
                          {"searches_saved", static_cast<int64_t>(saved)},
                          {"cycles", totalCycles},
                          {"bound_cycles", totalBound},
                          {"gap", boundGap(totalCycles, totalBound)},
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

LogicalResult CoOptimizePass::writePlots(const api::SearchPlan &plan,
                                         ArrayRef<DescribedOp> ops) {
  if (reportPlot.empty())
    return success();
  auto inDir = [&](StringRef name) {
    SmallString<256> path(reportPlot);
    llvm::sys::path::append(path, name);
    return std::string(path);
  };
  std::string scopeText = "scope=" + std::string(api::scopeName(scope));
  std::vector<OutputFile> files;

  // The chosen designs, op by op in program order.
  std::vector<std::string> labels, details;
  api::OpSeries chosen{"chosen designs", {}, {}};
  std::vector<double> bounds;
  for (auto [index, described] : llvm::enumerate(ops)) {
    const Problem &problem = problems[described.problem];
    labels.push_back(
        llvm::formatv("{0} {1}", index,
                      cost::layerClassName(problem.layer.layer.layerClass))
            .str());
    details.push_back(llvm::formatv("{0} at {1}",
                                    described.op->getName().getStringRef(),
                                    printLocation(described.op->getLoc()))
                          .str());
    chosen.cycles.push_back(double(problem.result.cost.cycles));
    chosen.energyNJ.push_back(problem.result.cost.energyNJ);
    bounds.push_back(double(problem.bound.cycles));
  }
  plot::Figure breakdown;
  breakdown.title = llvm::formatv("Per-op breakdown of the chosen designs "
                                  "({0}, {1} ops)",
                                  scopeText, ops.size())
                        .str();
  breakdown.notes.push_back("Op k is the k-th described op in program "
                            "order; cycles and energy of one run of it; "
                            "triangles mark its cycle bound.");
  breakdown.panels =
      api::breakdownPanels("designs", labels, details, {chosen}, bounds);
  breakdown.columns = 1;
  breakdown.panelWidth = std::max<int>(640, 16 * int(ops.size()) + 120);
  breakdown.panelHeight = 320;
  files.push_back({inDir("breakdown.svg"), plot::renderSvg(breakdown)});

  // The roofline: each op's design evaluated again for its off-chip
  // traffic, which the search does not compute at unbounded bandwidth.
  api::RooflineSeries roofOps{"chosen designs", {}};
  for (auto [index, described] : llvm::enumerate(ops)) {
    const Problem &problem = problems[described.problem];
    api::RooflineOp &point = roofOps.ops.emplace_back();
    point.label = labels[index] + " " + details[index];
    const search::SearchResult &result = problem.result;
    if (!result.found)
      continue;
    cost::ModelOptions model = plan.optionsFor(problem.layer).model;
    model.reportFigures = true;
    cost::Evaluator evaluator(model);
    const cost::CostReport &report = evaluator.evaluate(
        plan.layerFor(problem.layer), result.hardware, result.mapping);
    point.macs = double(report.macs);
    point.cycles = double(report.cycles);
    point.offchipBytes = double(report.offchipBytes);
  }
  api::Roofs roofs = api::roofsOf(plan.options);
  plot::Figure roofline;
  roofline.title = llvm::formatv("Roofline of the chosen designs ({0}, {1} "
                                 "ops)",
                                 scopeText, ops.size())
                       .str();
  roofline.notes.push_back(
      "One mark per op: MACs per off-chip (DRAM) byte against MACs per "
      "cycle. Compute roof: the PEs the area budget holds at 282 um^2 per "
      "MAC.");
  roofline.notes.push_back(
      roofs.offchipBytesPerCycle > 0
          ? "Bandwidth roof: the off-chip bandwidth times the intensity."
          : "Off-chip bandwidth unbounded: no bandwidth roof.");
  roofline.panels.push_back(api::rooflinePanel("designs", {roofOps}, roofs));
  roofline.columns = 1;
  roofline.panelWidth = 640;
  roofline.panelHeight = 420;
  files.push_back({inDir("roofline.svg"), plot::renderSvg(roofline)});

  if (objective == search::Objective::Pareto) {
    plot::Figure fronts;
    fronts.title = "Fronts (" + scopeText + ")";
    fronts.notes.push_back("One mark per design of a front; the design the "
                           "IR keeps (pareto-pick) is outlined.");
    std::string method(search::algorithmName(algorithm));
    auto add = [&](const std::string &title, const search::Front &front) {
      for (plot::Panel &panel : api::frontPanels(title, {{method, &front}}))
        fronts.panels.push_back(std::move(panel));
    };
    if (chipGroups.empty()) {
      for (size_t p = 0; p < problems.size(); ++p)
        if (!problems[p].result.front.empty())
          add(llvm::formatv("problem {0}", p).str(), problems[p].result.front);
    } else {
      for (const ChipGroup &group : chipGroups)
        if (!group.result.front.empty())
          add("chip of " + group.anchor->getName().getStringRef().str(),
              group.result.front);
    }
    // Two problems a row (four a row with one panel each).
    int perFront = std::max(search::kMaxParetoObjectives - 1, 1);
    if (!problems.empty() && !problems[0].result.front.empty())
      perFront = problems[0].result.front.settings.numObjectives - 1;
    fronts.columns = perFront == 1 ? 4 : 2 * perFront;
    files.push_back({inDir("fronts.svg"), plot::renderSvg(fronts)});
  }
  if (!sweep.empty()) {
    plot::Figure figure;
    figure.title = "Latency and energy vs. area budget (" + scopeText + ")";
    figure.notes.push_back("Totals over the ops, each weighted by its "
                           "digamma.repeat; a budget without a design for "
                           "every op has no point.");
    figure.panels = api::sweepPanels("module", {{scopeText, sweep}});
    figure.columns = 2;
    files.push_back({inDir("area-sweep.svg"), plot::renderSvg(figure)});
  }
  if (std::optional<OutputFileError> error = writeOutputFiles(files))
    return emitError(getOperation().getLoc())
           << "digamma-co-optimize: cannot write report-plot file '"
           << error->path << "': " << error->reason;
  return success();
}
