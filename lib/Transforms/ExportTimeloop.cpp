//===- ExportTimeloop.cpp - The --digamma-export-timeloop pass ------------===//
//
// Writes every annotated op's design as Timeloop's input (api::
// exportTimeloop: problem, architecture, mapping) and one JSON summary per
// function with the timeloop-model command of each op, what the files
// approximate and the cost the IR carries. As --digamma-export-maestro:
// everything is checked and rendered in memory before the first file is
// opened, and the files of a run are kept only if all of them were written.
//
//===----------------------------------------------------------------------===//

#include "digamma/Api/TimeloopExport.h"
#include "digamma/Dialect/Digamma/IR/DigammaDialect.h"
#include "digamma/Transforms/CostModelBridge.h"
#include "digamma/Transforms/Passes.h"

#include "OutputFiles.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"

#include <limits>

namespace digamma {
#define GEN_PASS_DEF_EXPORTTIMELOOPPASS
#include "digamma/Transforms/Passes.h.inc"
} // namespace digamma

using namespace mlir;
using namespace digamma;

namespace {

/// The exported design of one op.
struct ExportedOp {
  Operation *op;
  /// File names (relative to dir) of the problem, architecture and mapping.
  std::string problemFile, architectureFile, mappingFile;
  api::TimeloopInput input;
  CostAttr cost;
};

struct ExportTimeloopPass
    : public digamma::impl::ExportTimeloopPassBase<ExportTimeloopPass> {
  using Base::Base;

  void runOnOperation() override;
};

} // namespace

/// A name usable in a file name: letters, digits and '_'.
static std::string sanitize(StringRef name) {
  std::string result;
  for (char ch : name)
    result += llvm::isAlnum(ch) || ch == '_' ? ch : '_';
  if (result.empty())
    result = "_";
  return result;
}

/// The hardware as the cost model scored it, with the byte bandwidths of
/// the attribute kept exact (a rate Timeloop takes in words per cycle).
static cost::Hardware exportedHardware(HwAttr hw) {
  cost::Hardware hardware = toCostHardware(hw);
  constexpr int64_t kUnboundedBytes = std::numeric_limits<int64_t>::max();
  if (hw.getOffchipBandwidth() != kUnboundedBytes)
    hardware.offchipBandwidthBytes = hw.getOffchipBandwidth();
  if (hw.getNocBandwidth() != kUnboundedBytes)
    hardware.nocBandwidthBytes = hw.getNocBandwidth();
  return hardware;
}

/// The summary of one function's exported ops.
static std::string renderSummary(StringRef function,
                                 ArrayRef<ExportedOp> ops) {
  llvm::json::Array opsJson;
  for (auto [index, exported] : llvm::enumerate(ops)) {
    llvm::json::Array warnings, notes;
    for (const std::string &warning : exported.input.warnings)
      warnings.push_back(warning);
    for (const std::string &note : exported.input.notes)
      notes.push_back(note);
    llvm::json::Value costJson = nullptr;
    if (CostAttr c = exported.cost)
      costJson = llvm::json::Object{{"cycles", c.getCycles()},
                                    {"macs", c.getMacs()},
                                    {"energy_nj",
                                     c.getEnergyNj().convertToDouble()},
                                    {"l1_bytes", c.getL1Bytes()},
                                    {"l2_bytes", c.getL2Bytes()}};
    opsJson.push_back(llvm::json::Object{
        {"index", static_cast<int64_t>(index)},
        {"op", exported.op->getName().getStringRef()},
        {"loc", printLocation(exported.op->getLoc())},
        {"problem_file", exported.problemFile},
        {"architecture_file", exported.architectureFile},
        {"mapping_file", exported.mappingFile},
        {"timeloop_model_command",
         "timeloop-model " + exported.architectureFile + " " +
             exported.problemFile + " " + exported.mappingFile},
        {"warnings", std::move(warnings)},
        {"notes", std::move(notes)},
        {"cost", std::move(costJson)}});
  }
  llvm::json::Object root{{"function", function}, {"ops", std::move(opsJson)}};
  std::string json;
  llvm::raw_string_ostream os(json);
  os << llvm::formatv("{0:2}", llvm::json::Value(std::move(root))) << "\n";
  return json;
}

void ExportTimeloopPass::runOnOperation() {
  ModuleOp module = getOperation();
  MLIRContext *ctx = &getContext();

  // The directory: given, an existing directory, writable.
  if (dir.empty()) {
    emitError(module.getLoc())
        << "digamma-export-timeloop: no output directory; give "
           "dir=<existing directory>";
    return signalPassFailure();
  }
  if (!llvm::sys::fs::is_directory(dir)) {
    emitError(module.getLoc())
        << "digamma-export-timeloop: '" << dir
        << "' is not an existing directory; create it first";
    return signalPassFailure();
  }
  if (llvm::sys::fs::access(dir, llvm::sys::fs::AccessMode::Write)) {
    emitError(module.getLoc()) << "digamma-export-timeloop: directory '"
                               << dir << "' is not writable";
    return signalPassFailure();
  }

  DigammaDialect::LoopNestAttrHelper loopNestHelper(ctx);
  DigammaDialect::MappingAttrHelper mappingHelper(ctx);
  DigammaDialect::HwAttrHelper hwHelper(ctx);
  DigammaDialect::CostAttrHelper costHelper(ctx);

  // Annotated ops per function, in program order.
  SmallVector<std::string> functions;
  llvm::StringMap<std::vector<ExportedOp>> opsOf;
  llvm::StringMap<std::string> functionOfBase;
  std::vector<OutputFile> files;
  bool failedOp = false;
  module.walk([&](Operation *op) {
    if (!mappingHelper.isAttrPresent(op))
      return;
    auto fail = [&](const llvm::Twine &message) {
      op->emitError() << "digamma-export-timeloop: " << message;
      failedOp = true;
    };
    if (!loopNestHelper.isAttrPresent(op))
      return fail("the op has a digamma.mapping but no digamma.loop_nest");
    if (!hwHelper.isAttrPresent(op))
      return fail("the op has a digamma.mapping but no digamma.hw (the "
                  "architecture Timeloop needs)");
    // The layer as the co-optimizer scored it.
    FailureOr<cost::Layer> layer = toCostLayer(loopNestHelper.getAttr(op));
    if (failed(layer))
      return fail("the loop nest's extents, MAC count or tensor volumes "
                  "overflow 64-bit integers");
    FailureOr<cost::Mapping> mapping = toCostMapping(mappingHelper.getAttr(op));
    if (failed(mapping))
      return fail("the digamma.mapping has more levels than the cost model "
                  "reads");
    std::string error;
    std::optional<api::TimeloopInput> input = api::exportTimeloop(
        *layer, exportedHardware(hwHelper.getAttr(op)), *mapping, error);
    if (!input)
      return fail("cannot write the design for Timeloop: " + error);

    std::string function = "module";
    if (auto parent = op->getParentOfType<FunctionOpInterface>())
      function = parent.getName().str();
    std::string base = sanitize(function);
    auto [known, inserted] = functionOfBase.try_emplace(base, function);
    if (!inserted && known->second != function)
      return fail("functions '" + known->second + "' and '" + function +
                  "' would write the same files (" + base + ".*)");
    std::vector<ExportedOp> &ops = opsOf[function];
    if (ops.empty())
      functions.push_back(function);

    // What the files approximate is a warning on the op; what they say
    // differently but exactly is a remark.
    for (const std::string &warning : input->warnings)
      op->emitWarning() << "digamma-export-timeloop: " << warning;
    for (const std::string &note : input->notes)
      op->emitRemark() << "digamma-export-timeloop: " << note;

    ExportedOp exported;
    exported.op = op;
    std::string stem = base + "." + std::to_string(ops.size());
    exported.problemFile = stem + ".problem.yaml";
    exported.architectureFile = stem + ".arch.yaml";
    exported.mappingFile = stem + ".map.yaml";
    exported.cost =
        costHelper.isAttrPresent(op) ? costHelper.getAttr(op) : CostAttr();
    auto path = [&](const std::string &name) {
      return (llvm::Twine(dir) + "/" + name).str();
    };
    files.push_back({path(exported.problemFile), input->problem});
    files.push_back({path(exported.architectureFile), input->architecture});
    files.push_back({path(exported.mappingFile), input->mapping});
    exported.input = std::move(*input);
    ops.push_back(std::move(exported));
  });
  if (failedOp)
    return signalPassFailure();
  if (functions.empty()) {
    emitWarning(module.getLoc())
        << "digamma-export-timeloop: no op carries a digamma.mapping, so "
           "nothing was exported to '"
        << dir
        << "'; choose designs first with --digamma-co-optimize (or run "
           "--digamma-pipeline)";
    markAllAnalysesPreserved();
    return;
  }
  for (const std::string &function : functions)
    files.push_back(
        {(llvm::Twine(dir) + "/" + sanitize(function) + ".timeloop.json")
             .str(),
         renderSummary(function, opsOf[function])});

  if (std::optional<OutputFileError> error = writeOutputFiles(files)) {
    emitError(module.getLoc())
        << "digamma-export-timeloop: cannot write '" << error->path
        << "': " << error->reason << "; no file of this run is kept";
    return signalPassFailure();
  }
  markAllAnalysesPreserved();
}
