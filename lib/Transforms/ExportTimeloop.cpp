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
#include "digamma/Transforms/CostModelBridge.h"
#include "digamma/Transforms/Passes.h"

#include "AnnotatedDesigns.h"
#include "OutputFiles.h"

#include "mlir/IR/BuiltinOps.h"
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
  constexpr StringLiteral kPass = "digamma-export-timeloop";
  if (failed(checkOutputDirectory(module.getLoc(), kPass, dir)))
    return signalPassFailure();
  FailureOr<std::vector<std::vector<AnnotatedDesign>>> designs =
      collectAnnotatedDesigns(module, kPass,
                              "the architecture Timeloop needs",
                              "the digamma.mapping has more levels than the "
                              "cost model reads");
  if (failed(designs))
    return signalPassFailure();
  if (designs->empty()) {
    warnNothingExported(module.getLoc(), kPass, dir);
    markAllAnalysesPreserved();
    return;
  }

  std::vector<OutputFile> files;
  bool failedOp = false;
  for (const std::vector<AnnotatedDesign> &function : *designs) {
    std::vector<ExportedOp> ops;
    for (const AnnotatedDesign &design : function) {
      // The layer as the co-optimizer scored it.
      std::string error;
      std::optional<api::TimeloopInput> input = api::exportTimeloop(
          design.layer, exportedHardware(design.hw), design.mapping, error);
      if (!input) {
        design.op->emitError() << kPass
                               << ": cannot write the design for Timeloop: "
                               << error;
        failedOp = true;
        continue;
      }
      // What the files approximate is a warning on the op; what they say
      // differently but exactly is a remark.
      for (const std::string &warning : input->warnings)
        design.op->emitWarning() << kPass << ": " << warning;
      for (const std::string &note : input->notes)
        design.op->emitRemark() << kPass << ": " << note;

      ExportedOp exported;
      exported.op = design.op;
      std::string stem = design.base + "." + std::to_string(design.index);
      exported.problemFile = stem + ".problem.yaml";
      exported.architectureFile = stem + ".arch.yaml";
      exported.mappingFile = stem + ".map.yaml";
      exported.cost = design.cost;
      auto path = [&](const std::string &name) {
        return (llvm::Twine(dir) + "/" + name).str();
      };
      files.push_back({path(exported.problemFile), input->problem});
      files.push_back({path(exported.architectureFile), input->architecture});
      files.push_back({path(exported.mappingFile), input->mapping});
      exported.input = std::move(*input);
      ops.push_back(std::move(exported));
    }
    files.push_back({(llvm::Twine(dir) + "/" + function.front().base +
                      ".timeloop.json")
                         .str(),
                     renderSummary(function.front().function, ops)});
  }
  if (failedOp)
    return signalPassFailure();

  if (std::optional<OutputFileError> error = writeOutputFiles(files)) {
    emitError(module.getLoc())
        << kPass << ": cannot write '" << error->path << "': " << error->reason
        << "; no file of this run is kept";
    return signalPassFailure();
  }
  markAllAnalysesPreserved();
}
