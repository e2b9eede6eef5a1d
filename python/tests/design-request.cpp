//===- design-request.cpp - The C++ API's answer to a request, in full ----===//
//
// Test helper of the Python module: fills an api::Request with options
// spelled as the pass spells them (api::setRequestOption), plans it and
// runs api::findDesign on one layer (a GAMMA row, with what a row cannot
// say from --batch=N,GROUPS, --dilation=Y,X and --tensor-bytes=I,W,O) or
// api::searchSharedChip
// on a GAMMA table (equal layers merged by api::ProblemTable, weights from
// --weights), and prints every figure of the result, one `name value` line
// each (doubles with 17 significant digits, so that they read back
// exactly), for the Python tests to compare with co_optimize() and
// model_search(). Bad input: `error <message>` and exit status 1.
//
//===----------------------------------------------------------------------===//

#include "digamma/Api/Designer.h"
#include "digamma/Api/RequestOptions.h"
#include "digamma/Api/Workload.h"
#include "digamma/CostModel/GammaTable.h"
#include "digamma/CostModel/MaestroFile.h"

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

using namespace digamma;

static void print(const std::string &name, double value) {
  std::printf("%s %.17g\n", name.c_str(), value);
}
static void print(const std::string &name, int64_t value) {
  std::printf("%s %lld\n", name.c_str(), static_cast<long long>(value));
}

static void printHardware(const cost::Hardware &hw) {
  print("hardware.num_pes", hw.numPEs);
  print("hardware.l1_elements", hw.l1Elements);
  print("hardware.l2_elements", hw.l2Elements);
  print("hardware.bytes_per_element", hw.bytesPerElement);
}

/// The figures of a layer's design and of a chip.
static void printDesign(const cost::Hardware &hardware, int64_t l1Bytes,
                        int64_t l2Bytes, double areaUm2,
                        double objectiveValue, int64_t samplesUsed) {
  printHardware(hardware);
  print("l1_bytes", l1Bytes);
  print("l2_bytes", l2Bytes);
  print("area_um2", areaUm2);
  print("objective_value", objectiveValue);
  print("samples_used", samplesUsed);
}

static void printCost(const std::string &prefix, const cost::CostReport &r) {
  print(prefix + "cycles", r.cycles);
  print(prefix + "macs", r.macs);
  print(prefix + "l1_elements", r.l1Elements);
  print(prefix + "l2_elements", r.l2Elements);
  const cost::AccessCounts &a = r.accesses;
  print(prefix + "input_l2_read", a.inputL2Read);
  print(prefix + "filter_l2_read", a.filterL2Read);
  print(prefix + "output_l2_write", a.outputL2Write);
  print(prefix + "energy_nj", r.energyNJ);
  print(prefix + "utilization", r.utilization);
  print(prefix + "noc_bandwidth_req", r.nocBandwidthReq);
  print(prefix + "offchip_bytes", r.offchipBytes);
}

static void printMapping(const std::string &name, const cost::Layer &layer,
                         const cost::Mapping &mapping) {
  std::string text = cost::writeMaestroDataflow(layer, mapping);
  for (char &ch : text)
    if (ch == '\n')
      ch = ' ';
  std::printf("%s %s\n", name.c_str(), text.c_str());
}

static int fail(const std::string &message) {
  std::printf("error %s\n", message.c_str());
  return 1;
}

/// Splits "1,2.5" into numbers.
static std::vector<double> numbers(const std::string &text) {
  std::vector<double> values;
  for (size_t start = 0; start <= text.size();) {
    size_t comma = text.find(',', start);
    if (comma == std::string::npos)
      comma = text.size();
    values.push_back(std::stod(text.substr(start, comma - start)));
    start = comma + 1;
  }
  return values;
}

/// One chip for the layers of the GAMMA table at \p path.
static int searchTable(api::Request &request, const std::string &path,
                       const std::vector<double> &weights) {
  cost::GammaTable gamma = cost::readGammaTable(path);
  if (gamma.failed())
    return fail(gamma.error());
  request.scope = api::Scope::Model;
  for (size_t i = 0; i < gamma.layers.size(); ++i)
    request.layers.push_back(
        {gamma.layers[i], i < weights.size() ? weights[i] : 1.0});
  api::SearchPlan plan;
  if (std::optional<std::string> error = api::planSearch(request, plan))
    return fail(*error);
  if (std::optional<std::string> error =
          api::checkSharedChip(plan, request.layers))
    return fail(*error);
  api::ProblemTable problems;
  std::vector<size_t> problemOf;
  for (const api::LayerProblem &layer : request.layers)
    problemOf.push_back(problems.add(layer));
  api::SharedChipResult shared =
      api::searchSharedChip(plan, problems.problems());
  const search::ModelSearchResult &chip = shared.chip;
  if (!chip.found)
    return fail(chip.message);
  printDesign(chip.hardware,
              search::bufferBytes(chip.hardware.l1Elements,
                                  shared.elementBytes),
              search::bufferBytes(chip.hardware.l2Elements,
                                  shared.elementBytes),
              chip.areaUm2, chip.objectiveValue, chip.samplesUsed);
  print("total_cycles", chip.totalCycles);
  print("total_energy_nj", chip.totalEnergyNJ);
  for (size_t i = 0; i < gamma.layers.size(); ++i) {
    printCost("costs." + std::to_string(i) + ".", chip.costs[problemOf[i]]);
    printMapping("mappings." + std::to_string(i), gamma.layers[i],
                 chip.mappings[problemOf[i]]);
  }
  return 0;
}

/// What a GAMMA row cannot say: batch and groups, dilation, element sizes.
struct LayerExtras {
  std::vector<double> batch, dilation, tensorBytes;
};

/// The design of the layer of the GAMMA row \p row with \p extras.
static int searchLayer(api::Request &request, const std::string &row,
                       const LayerExtras &extras) {
  cost::GammaTable gamma = cost::parseGammaTable("K,C,Y,X,R,S,T\n" + row);
  if (gamma.failed())
    return fail(gamma.error());
  cost::Layer &layer = gamma.layers.front();
  if (extras.batch.size() == 2) {
    layer.n = int64_t(extras.batch[0]);
    layer.groups = int64_t(extras.batch[1]);
  }
  if (extras.dilation.size() == 2) {
    layer.dilationY = int64_t(extras.dilation[0]);
    layer.dilationX = int64_t(extras.dilation[1]);
  }
  if (extras.tensorBytes.size() == 3) {
    layer.inputBytes = int64_t(extras.tensorBytes[0]);
    layer.weightBytes = int64_t(extras.tensorBytes[1]);
    layer.outputBytes = int64_t(extras.tensorBytes[2]);
  }
  request.layers.push_back({layer});
  api::SearchPlan plan;
  if (std::optional<std::string> error = api::planSearch(request, plan))
    return fail(*error);
  api::Design design = api::findDesign(plan, request.layers[0]);
  if (!design.found)
    return fail(design.error);
  printDesign(design.hardware, design.l1Bytes, design.l2Bytes,
              design.areaUm2, design.objectiveValue, design.samplesUsed);
  printCost("cost.", design.cost);
  printMapping("mapping", layer, design.mapping);
  // Last: the API's text, which ends the output.
  std::cout << "format\n" << api::formatDesign(layer, design);
  return 0;
}

int main(int argc, char **argv) {
  api::Request request;
  std::string row, table;
  std::vector<double> weights;
  LayerExtras extras;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    size_t eq = arg.find('=');
    if (arg.rfind("--", 0) != 0 || eq == std::string::npos)
      return fail("expected --name=value, got " + arg);
    std::string name = arg.substr(2, eq - 2), value = arg.substr(eq + 1);
    if (name == "layer")
      row = value;
    else if (name == "table")
      table = value;
    else if (name == "weights")
      weights = numbers(value);
    else if (name == "batch")
      extras.batch = numbers(value);
    else if (name == "dilation")
      extras.dilation = numbers(value);
    else if (name == "tensor-bytes")
      extras.tensorBytes = numbers(value);
    else if (std::optional<std::string> error =
                 api::setRequestOption(request, name, value))
      return fail(*error);
  }
  return table.empty() ? searchLayer(request, row, extras)
                       : searchTable(request, table, weights);
}
