//===- ExportMaestro.cpp - The --digamma-export-maestro pass --------------===//
//
// Writes every annotated op's layer and mapping as a MAESTRO mapping file
// (cost::writeMaestroFile, the format digamma-cost reads) and one JSON and
// one CSV summary per function with the digamma-cost flags that re-evaluate
// each op on its hardware and the cost the IR carries. Everything is
// checked and rendered in memory before the first file is opened, and the
// files of a run are kept only if all of them were written.
//
//===----------------------------------------------------------------------===//

#include "digamma/CostModel/CostModel.h"
#include "digamma/CostModel/MaestroFile.h"
#include "digamma/Dialect/Digamma/IR/DigammaDialect.h"
#include "digamma/Transforms/CostModelBridge.h"
#include "digamma/Transforms/Passes.h"

#include "AnnotatedDesigns.h"
#include "OutputFiles.h"

#include "mlir/IR/BuiltinOps.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"

#include <cstdio>
#include <cstdlib>

namespace digamma {
#define GEN_PASS_DEF_EXPORTMAESTROPASS
#include "digamma/Transforms/Passes.h.inc"
} // namespace digamma

using namespace mlir;
using namespace digamma;

namespace {

/// The exported design of one op.
struct ExportedOp {
  Operation *op;
  std::string mappingFile;
  cost::Layer layer;
  cost::Hardware hardware;
  int64_t numLevels;
  HwAttr hw;
  CostAttr cost;
  SmallVector<std::string> flags;
};

struct ExportMaestroPass
    : public digamma::impl::ExportMaestroPassBase<ExportMaestroPass> {
  using Base::Base;

  void runOnOperation() override;

private:
  /// Renders the summaries of one function.
  void renderSummaries(StringRef function, ArrayRef<ExportedOp> ops,
                       std::vector<OutputFile> &files);
};

} // namespace

/// digamma-cost's value for a capacity or bandwidth: -1 means unlimited.
static std::string flagValue(int64_t value) {
  return value == cost::kUnbounded ? "-1" : std::to_string(value);
}

/// Quotes a CSV field if it needs it.
static std::string csvField(StringRef text) {
  if (text.find_first_of(",\"\n") == StringRef::npos)
    return text.str();
  std::string quoted = "\"";
  for (char ch : text) {
    if (ch == '"')
      quoted += '"';
    quoted += ch;
  }
  return quoted + "\"";
}

/// The shortest decimal form of \p value that reads back to it.
static std::string formatDouble(double value) {
  char buffer[32];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buffer, sizeof(buffer), "%.*g", precision, value);
    if (std::strtod(buffer, nullptr) == value)
      break;
  }
  return buffer;
}

void ExportMaestroPass::renderSummaries(StringRef function,
                                        ArrayRef<ExportedOp> ops,
                                        std::vector<OutputFile> &files) {
  llvm::json::Array opsJson;
  std::string csv =
      "function,index,op,loc,mapping_file,class,N,K,C,Y,X,R,S,stride_y,"
      "stride_x,levels,element_bytes,num_pes,l1_size_cstr,l2_size_cstr,"
      "noc_bw_cstr,offchip_bw_cstr,semantics,cycles,macs,energy_nj,"
      "area_um2,l1_bytes,l2_bytes,utilization\n";
  for (auto [index, exported] : llvm::enumerate(ops)) {
    const cost::Layer &layer = exported.layer;
    const cost::Hardware &hw = exported.hardware;
    std::string location = printLocation(exported.op->getLoc());
    std::string command = "digamma-cost";
    llvm::json::Array flags;
    for (const std::string &flag : exported.flags) {
      command += " " + flag;
      flags.push_back(flag);
    }
    command += " " + exported.mappingFile;
    llvm::json::Array clusters;
    for (int64_t size : exported.hw.getClusterSizes())
      clusters.push_back(size);
    llvm::json::Value costJson = nullptr;
    if (CostAttr c = exported.cost)
      costJson = llvm::json::Object{
          {"cycles", c.getCycles()},
          {"macs", c.getMacs()},
          {"energy_nj", c.getEnergyNj().convertToDouble()},
          {"area_um2", c.getAreaUm2().convertToDouble()},
          {"l1_bytes", c.getL1Bytes()},
          {"l2_bytes", c.getL2Bytes()},
          {"utilization", c.getUtilization().convertToDouble()}};
    opsJson.push_back(llvm::json::Object{
        {"index", static_cast<int64_t>(index)},
        {"op", exported.op->getName().getStringRef()},
        {"loc", location},
        {"mapping_file", exported.mappingFile},
        {"problem", toJson(layer)},
        {"levels", exported.numLevels},
        {"element_bytes", hw.bytesPerElement},
        {"hw",
         llvm::json::Object{
             {"num_pes", exported.hw.getNumPes()},
             {"cluster_sizes", std::move(clusters)},
             {"l1_bytes", exported.hw.getL1Bytes()},
             {"l2_bytes", exported.hw.getL2Bytes()},
             {"noc_bandwidth", exported.hw.getNocBandwidth()},
             {"offchip_bandwidth", exported.hw.getOffchipBandwidth()},
             {"area_um2", exported.hw.getAreaUm2().convertToDouble()},
             {"element_bytes", exported.hw.getElementBytes()}}},
        {"digamma_cost_flags", std::move(flags)},
        {"digamma_cost_command", command},
        {"cost", std::move(costJson)}});

    csv += llvm::formatv(
        "{0},{1},{2},{3},{4},{5},{6},{7},{8},{9},{10},{11},{12},{13},{14},"
        "{15},{16},{17},{18},{19},{20},{21},{22}",
        csvField(function), index, exported.op->getName().getStringRef(),
        csvField(location), csvField(exported.mappingFile),
        cost::layerClassName(layer.layerClass), layer.n, layer.k, layer.c,
        layer.y, layer.x, layer.r, layer.s, layer.strideY, layer.strideX,
        exported.numLevels, hw.bytesPerElement, hw.numPEs,
        flagValue(hw.l1Elements), flagValue(hw.l2Elements),
        flagValue(hw.nocBandwidth), flagValue(hw.offchipBandwidth),
        cost::semanticsName(semantics));
    if (CostAttr c = exported.cost)
      csv += llvm::formatv(
          ",{0},{1},{2},{3},{4},{5},{6}\n", c.getCycles(), c.getMacs(),
          formatDouble(c.getEnergyNj().convertToDouble()),
          formatDouble(c.getAreaUm2().convertToDouble()), c.getL1Bytes(),
          c.getL2Bytes(), formatDouble(c.getUtilization().convertToDouble()));
    else
      csv += ",,,,,,,\n";
  }
  llvm::json::Object root{{"function", function},
                          {"semantics", std::string(cost::semanticsName(semantics))},
                          {"ops", std::move(opsJson)}};
  std::string json;
  llvm::raw_string_ostream os(json);
  os << llvm::formatv("{0:2}", llvm::json::Value(std::move(root))) << "\n";
  std::string base = fileStem(function);
  files.push_back({(llvm::Twine(dir) + "/" + base + ".json").str(), json});
  files.push_back({(llvm::Twine(dir) + "/" + base + ".csv").str(), csv});
}

void ExportMaestroPass::runOnOperation() {
  ModuleOp module = getOperation();
  constexpr StringLiteral kPass = "digamma-export-maestro";
  if (failed(checkOutputDirectory(module.getLoc(), kPass, dir)))
    return signalPassFailure();
  FailureOr<std::vector<std::vector<AnnotatedDesign>>> designs =
      collectAnnotatedDesigns(
          module, kPass, "the hardware digamma-cost needs",
          "the digamma.mapping cannot be written as a MAESTRO dataflow");
  if (failed(designs))
    return signalPassFailure();
  if (designs->empty()) {
    warnNothingExported(module.getLoc(), kPass, dir);
    markAllAnalysesPreserved();
    return;
  }

  std::vector<OutputFile> files;
  for (const std::vector<AnnotatedDesign> &function : *designs) {
    std::vector<ExportedOp> ops;
    for (const AnnotatedDesign &design : function) {
      ExportedOp exported;
      exported.op = design.op;
      // MAESTRO has one element size: say so when the design had several.
      if (ArrayRef<int64_t> sizes = design.hw.getTensorBytes(); !sizes.empty())
        design.op->emitRemark()
            << "digamma-export-maestro: the design's input, weight and "
               "output elements have "
            << sizes[0] << ", " << sizes[1] << " and " << sizes[2]
            << " bytes; MAESTRO has one element size, so its files count "
               "every tensor in elements of "
            << design.hw.getElementBytes() << " bytes";
      exported.layer = design.layer;
      exported.hw = design.hw;
      exported.hardware = toCostHardware(design.hw);
      exported.numLevels = design.mapping.numLevels;
      exported.cost = design.cost;
      std::string index = std::to_string(design.index);
      exported.mappingFile = design.base + "." + index + ".m";
      const cost::Hardware &hw = exported.hardware;
      exported.flags = {"--num_pes=" + std::to_string(hw.numPEs),
                        "--l1_size_cstr=" + flagValue(hw.l1Elements),
                        "--l2_size_cstr=" + flagValue(hw.l2Elements),
                        "--noc_bw_cstr=" + flagValue(hw.nocBandwidth),
                        "--offchip_bw_cstr=" + flagValue(hw.offchipBandwidth),
                        "--semantics=" +
                            std::string(cost::semanticsName(semantics))};
      files.push_back({(llvm::Twine(dir) + "/" + exported.mappingFile).str(),
                       cost::writeMaestroFile(design.layer, design.mapping,
                                              design.base,
                                              design.base + "_" + index)});
      ops.push_back(std::move(exported));
    }
    renderSummaries(function.front().function, ops, files);
  }

  if (std::optional<OutputFileError> error = writeOutputFiles(files)) {
    emitError(module.getLoc())
        << "digamma-export-maestro: cannot write '" << error->path
        << "': " << error->reason << "; no file of this run is kept";
    return signalPassFailure();
  }
  markAllAnalysesPreserved();
}
