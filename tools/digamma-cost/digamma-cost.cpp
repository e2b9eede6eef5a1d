//===- digamma-cost.cpp - Evaluate a MAESTRO mapping file -----------------===//
//
// A MAESTRO-compatible command line: reads a mapping file in the subset
// GAMMA writes, evaluates every layer with the cost model and prints a CSV
// with MAESTRO's column names (one header line, one line per layer) on
// stdout. Errors go to stderr with a nonzero exit status.
//
//===----------------------------------------------------------------------===//

#include "digamma/CostModel/CostModel.h"
#include "digamma/CostModel/MaestroFile.h"
#include "digamma/Version.h"

#include <cmath>
#include <cstdlib>
#include <iostream>
#include <sstream>
#include <string>

using namespace digamma::cost;

static const char *const kUsage =
    "usage: digamma-cost [options] <mapping-file>\n"
    "\n"
    "Evaluates a MAESTRO mapping file (the subset GAMMA writes) and prints\n"
    "MAESTRO's CSV columns on stdout.\n"
    "\n"
    "options:\n"
    "  --Mapping_file=<path>      the mapping file (or a positional path)\n"
    "  --num_pes=<n>              number of PEs (default 1)\n"
    "  --l1_size_cstr=<n>         per-PE L1 capacity in elements (warning "
    "only)\n"
    "  --l2_size_cstr=<n>         L2 capacity in elements (warning only)\n"
    "  --noc_bw_cstr=<n>          NoC bandwidth, elements/cycle (default "
    "2^30)\n"
    "  --offchip_bw_cstr=<n>      off-chip bandwidth, elements/cycle "
    "(default 2^30)\n"
    "  --noc_hops=<n>             NoC hops (default 1)\n"
    "  --noc_hop_latency=<n>      cycles per hop (default 1)\n"
    "  --semantics=maestro|sound  MAESTRO's figures (default) or the sound "
    "model\n"
    "  --element_bytes=<n>        bytes per element (default 1): the unit of\n"
    "                             the bandwidths and the size constraints\n"
    "  --input_bytes=<n>, --weight_bytes=<n>, --output_bytes=<n>\n"
    "                             one tensor's element size (default\n"
    "                             --element_bytes), e.g. 1, 1, 4 for int8\n"
    "                             with 32-bit accumulators\n"
    "  --dram_pj_per_bit=<x>      off-chip energy (default 8, LPDDR4); counted\n"
    "                             in the sound energy at finite\n"
    "                             --offchip_bw_cstr\n"
    "  --memory_columns=true      append the off-chip columns: bytes read and\n"
    "                             written per tensor, total bytes, MACs per\n"
    "                             byte, off-chip energy, the busy cycles of\n"
    "                             compute, NoC and off-chip and the bound\n"
    "  --help                     this text\n"
    "  --version                  the DiGamma-MLIR and LLVM versions\n";

static int fail(const std::string &message) {
  std::cerr << "digamma-cost: error: " << message << "\n";
  return 1;
}

/// A positive integer flag value; -1 means "no limit" for the capacities.
static bool parseCount(const std::string &text, int64_t &value,
                       bool allowUnlimited) {
  if (allowUnlimited && text == "-1") {
    value = kUnbounded;
    return true;
  }
  if (text.empty() || text.size() > 18)
    return false;
  value = 0;
  for (char ch : text) {
    if (ch < '0' || ch > '9')
      return false;
    value = value * 10 + (ch - '0');
  }
  return value > 0;
}

/// A positive decimal number (pJ per bit).
static bool parseEnergy(const std::string &text, double &value) {
  char *end = nullptr;
  value = std::strtod(text.c_str(), &end);
  return !text.empty() && end == text.c_str() + text.size() &&
         std::isfinite(value) && value >= 0;
}

int main(int argc, char **argv) {
  Hardware hw;
  Semantics semantics = Semantics::Maestro;
  std::string path;
  // Per-tensor element sizes; 0 takes --element_bytes.
  int64_t inputBytes = 0, weightBytes = 0, outputBytes = 0;
  ModelOptions options;
  bool memoryColumns = false;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--help" || arg == "-help" || arg == "-h") {
      std::cout << kUsage;
      return 0;
    }
    if (arg == "--version") {
      std::cout << digamma::getVersionText("digamma-cost", /*usesLLVM=*/false);
      return 0;
    }
    if (arg.rfind("--", 0) != 0) {
      if (!path.empty())
        return fail("more than one mapping file given");
      path = arg;
      continue;
    }
    size_t eq = arg.find('=');
    if (eq == std::string::npos)
      return fail("option '" + arg + "' needs a value (--name=value)");
    std::string name = arg.substr(2, eq - 2), value = arg.substr(eq + 1);
    if (name == "Mapping_file") {
      path = value;
      continue;
    }
    if (name == "memory_columns") {
      if (value != "true" && value != "false")
        return fail("--memory_columns needs true or false, got '" + value +
                    "'");
      memoryColumns = value == "true";
      continue;
    }
    if (name == "dram_pj_per_bit") {
      double pj;
      if (!parseEnergy(value, pj))
        return fail("--dram_pj_per_bit needs a non-negative number, got '" +
                    value + "'");
      options.energy.offchipNJPerByte = pj * 8.0 / 1000.0;
      continue;
    }
    if (name == "semantics") {
      std::optional<Semantics> parsed = parseSemantics(value);
      if (!parsed)
        return fail("unknown semantics '" + value +
                    "' (expected maestro or sound)");
      semantics = *parsed;
      continue;
    }
    struct Flag {
      const char *name;
      int64_t *field;
      bool unlimited;
    } flags[] = {{"num_pes", &hw.numPEs, false},
                 {"l1_size_cstr", &hw.l1Elements, true},
                 {"l2_size_cstr", &hw.l2Elements, true},
                 {"noc_bw_cstr", &hw.nocBandwidth, true},
                 {"offchip_bw_cstr", &hw.offchipBandwidth, true},
                 {"noc_hops", &hw.nocHops, false},
                 {"noc_hop_latency", &hw.nocHopLatency, false},
                 {"element_bytes", &hw.bytesPerElement, false},
                 {"input_bytes", &inputBytes, false},
                 {"weight_bytes", &weightBytes, false},
                 {"output_bytes", &outputBytes, false}};
    bool known = false;
    for (const Flag &flag : flags) {
      if (name != flag.name)
        continue;
      known = true;
      if (!parseCount(value, *flag.field, flag.unlimited))
        return fail("--" + name + " needs a positive integer, got '" + value +
                    "'");
    }
    if (!known)
      return fail("unknown option '--" + name + "' (see --help)");
  }
  // GAMMA passes -1 for "no limit": MAESTRO then uses 2^30.
  for (int64_t *bw : {&hw.nocBandwidth, &hw.offchipBandwidth})
    if (*bw == kUnbounded)
      *bw = int64_t(1) << 30;
  if (path.empty())
    return fail("no mapping file given (see --help)");

  MaestroFile file = readMaestroFile(path);
  if (!file.error.empty())
    return fail(file.error.rfind("cannot ", 0) == 0
                    ? file.error
                    : path + ": " + file.error);

  options.reportFigures = memoryColumns;
  Evaluator evaluator(options);
  // Everything is evaluated before anything is printed, so that a failing
  // layer leaves stdout empty.
  std::ostringstream csv;
  csv << "Neural Network Name, Layer Number, NumPEs, Runtime (Cycles), "
               "Activity count-based Energy (nJ), Throughput (MACs/Cycle), "
               "Area, Power, NoC BW Req (Elements/cycle), Offchip BW Req "
               "(Elements/cycle),  L2 SRAM Size Req (Bytes), L1 SRAM Size Req "
               "(Bytes), Num MACs, input l1 read, input l1 write, input l2 "
               "read, input l2 write, filter l1 read, filter l1 write, filter "
               "l2 read, filter l2 write, output l1 read, output l1 write, "
               "output l2 read, output l2 write, Avg number of utilized PEs";
  if (memoryColumns)
    csv << ", Offchip input read (Bytes), Offchip weight read (Bytes), "
           "Offchip output read (Bytes), Offchip output write (Bytes), "
           "Offchip Bytes, Operational Intensity (MACs/Byte), Offchip "
           "Energy (nJ), Compute Cycles, NoC Cycles, Offchip Cycles, Limited By";
  csv << "\n";
  for (const MaestroLayer &layer : file.layers) {
    Layer sized = layer.layer;
    sized.inputBytes = inputBytes;
    sized.weightBytes = weightBytes;
    sized.outputBytes = outputBytes;
    const CostReport &r =
        evaluator.evaluate(sized, hw, layer.mapping, semantics);
    if (!r.valid)
      return fail(path + ": layer '" + layer.name + "': " +
                  std::string(describe(r.reason)));
    if (r.l1Elements > hw.l1Elements)
      std::cerr << "digamma-cost: warning: layer '" << layer.name
                << "' needs " << r.l1Elements << " L1 elements, more than "
                << hw.l1Elements << "\n";
    if (r.l2Elements > hw.l2Elements)
      std::cerr << "digamma-cost: warning: layer '" << layer.name
                << "' needs " << r.l2Elements << " L2 elements, more than "
                << hw.l2Elements << "\n";
    const AccessCounts &a = r.accesses;
    csv << file.network << ", " << layer.name << ", " << hw.numPEs
              << ", " << r.cycles << ", " << r.energyNJ << ", "
              << r.throughput << ", " << r.areaMaestroUm2 << ", " << r.power
              << ", " << r.nocBandwidthReq << ", " << r.offchipBandwidthReq
              << ", " << r.l2Elements << ", " << r.l1Elements << ", "
              << r.macs;
    for (int64_t v :
         {a.inputL1Read, a.inputL1Write, a.inputL2Read, a.inputL2Write,
          a.filterL1Read, a.filterL1Write, a.filterL2Read, a.filterL2Write,
          a.outputL1Read, a.outputL1Write, a.outputL2Read, a.outputL2Write})
      csv << ", " << v;
    csv << ", " << r.avgUsedPEs;
    if (memoryColumns) {
      const OffchipTraffic &t = r.offchip;
      csv << ", " << t.inputReadBytes << ", " << t.weightReadBytes << ", "
          << t.outputReadBytes << ", " << t.outputWriteBytes << ", "
          << r.offchipBytes << ", " << r.operationalIntensity << ", "
          << r.offchipEnergyNJ << ", " << r.computeCycles << ", "
          << r.nocCycles << ", " << r.offchipCycles << ", "
          << resourceName(r.limitedBy);
    }
    csv << "\n";
  }
  std::cout << csv.str();
  return 0;
}
