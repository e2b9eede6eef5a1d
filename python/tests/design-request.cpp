//===- design-request.cpp - The C++ API's answer to a request, in full ----===//
//
// Test helper of the Python module: runs api::findDesign on one layer (a
// GAMMA row) or api::findModelDesign on a GAMMA table with options spelled
// as the pass spells them, and prints every figure of the result, one
// `name value` line each (doubles with 17 significant digits, so that they
// read back exactly), for test_search.py to compare with co_optimize() and
// model_search(). Bad input: `error <message>` and exit status 1.
//
//===----------------------------------------------------------------------===//

#include "digamma/Api/ModelDesign.h"
#include "digamma/Api/OptionNames.h"
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

/// The figures api::Design and api::ModelDesign share.
template <typename Design> static void printDesign(const Design &design) {
  printHardware(design.hardware);
  print("l1_bytes", design.l1Bytes);
  print("l2_bytes", design.l2Bytes);
  print("area_um2", design.areaUm2);
  print("objective_value", design.objectiveValue);
  print("samples_used", design.samplesUsed);
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

int main(int argc, char **argv) {
  api::Budget budget;
  api::Options options;
  std::string row, table;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    size_t eq = arg.find('=');
    if (arg.rfind("--", 0) != 0 || eq == std::string::npos)
      return fail("expected --name=value, got " + arg);
    std::string name = arg.substr(2, eq - 2), value = arg.substr(eq + 1);
    std::optional<std::string> error;
    if (name == "layer")
      row = value;
    else if (name == "table")
      table = value;
    else if (name == "platform")
      error = api::setPlatform(budget, value);
    else if (name == "area-budget")
      budget.areaMm2 = std::stod(value);
    else if (name == "samples")
      options.samples = std::stoll(value);
    else if (name == "seed")
      options.seed = std::stoull(value);
    else if (name == "threads")
      options.threads = static_cast<unsigned>(std::stoul(value));
    else if (name == "element-bytes")
      options.elementBytes = std::stoll(value);
    else if (name == "max-levels")
      options.maxLevels = std::stoi(value);
    else
      error = api::setNamedOption(options, name, value);
    if (error)
      return fail(*error);
  }

  if (!table.empty()) {
    cost::GammaTable gamma = cost::readGammaTable(table);
    if (gamma.failed())
      return fail(gamma.error());
    std::vector<api::ModelLayer> layers;
    for (const cost::Layer &layer : gamma.layers)
      layers.push_back({layer, 1.0});
    api::ModelDesign design = api::findModelDesign(layers, budget, options);
    if (!design.found)
      return fail(design.error);
    printDesign(design);
    print("total_cycles", design.totalCycles);
    print("total_energy_nj", design.totalEnergyNJ);
    for (size_t i = 0; i < layers.size(); ++i) {
      printCost("costs." + std::to_string(i) + ".", design.costs[i]);
      printMapping("mappings." + std::to_string(i), gamma.layers[i],
                   design.mappings[i]);
    }
    return 0;
  }

  cost::GammaTable gamma = cost::parseGammaTable("K,C,Y,X,R,S,T\n" + row);
  if (gamma.failed())
    return fail(gamma.error());
  const cost::Layer &layer = gamma.layers.front();
  api::Design design = api::findDesign(layer, budget, options);
  if (!design.found)
    return fail(design.error);
  printDesign(design);
  printCost("cost.", design.cost);
  printMapping("mapping", layer, design.mapping);
  // Last: the API's text, which ends the output.
  std::cout << "format\n" << api::formatDesign(layer, design);
  return 0;
}
