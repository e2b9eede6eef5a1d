//===- CommandLine.cpp - digamma-bench's flags ----------------------------===//
//
// Flags become a Config: the models, platforms, methods and seeds to run,
// and the request options every search shares. Syntax errors are reported
// here; what a value means is checked by the request layer.
//
//===----------------------------------------------------------------------===//

#include "Bench.h"

#include "digamma/Api/DataDirs.h"
#include "digamma/Api/MapSpaceFile.h"
#include "digamma/Version.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <optional>
#include <sstream>
#include <thread>

using namespace digamma;
using namespace digamma::bench;

const char *const digamma::bench::kFig5[8] = {
    "random", "sga", "pso", "sea", "de", "sa", "cmaes", "digamma"};
const char *const digamma::bench::kFig6[7] = {
    "hw-nvdla",   "hw-shidiannao", "hw-eyeriss", "map-buffer",
    "map-medium", "map-compute",   "digamma"};

namespace {

/// The bundled GAMMA tables: next to an installed tool
/// (<prefix>/share/digamma/models), else the source tree's.
std::string defaultModelsDir() {
  std::string installed = api::installedDataDir(DIGAMMA_INSTALLED_MODELS_DIR);
  return installed.empty() ? DIGAMMA_MODELS_DIR : installed;
}

std::vector<Method> allMethods() {
  std::vector<Method> methods;
  auto optimizer = [&](search::Algorithm algorithm, const char *title) {
    Method method;
    method.name = std::string(search::algorithmName(algorithm));
    method.title = title;
    method.algorithm = algorithm;
    methods.push_back(method);
  };
  optimizer(search::Algorithm::Random, "Random");
  optimizer(search::Algorithm::Sga, "stdGA");
  optimizer(search::Algorithm::Pso, "PSO");
  optimizer(search::Algorithm::Sea, "(N+1)-ES");
  optimizer(search::Algorithm::De, "DE");
  optimizer(search::Algorithm::Sa, "SA");
  optimizer(search::Algorithm::Cmaes, "CMA-ES");
  for (const search::Dataflow &dataflow : search::builtinDataflows()) {
    Method method;
    method.name = "hw-" + std::string(dataflow.name);
    static const std::map<std::string, std::string> shortNames = {
        {"nvdla", "dla"}, {"shidiannao", "shi"}, {"eyeriss", "eye"}};
    method.title =
        "Grid-S HW + " + shortNames.at(std::string(dataflow.name)) + "-like";
    method.kind = Method::Kind::HardwareGrid;
    method.dataflow = &dataflow;
    method.seeded = false;
    methods.push_back(method);
  }
  for (search::HardwarePreset preset :
       {search::HardwarePreset::BufferFocused, search::HardwarePreset::Medium,
        search::HardwarePreset::ComputeFocused}) {
    Method method;
    method.name = "map-" + std::string(search::presetName(preset));
    static const std::map<std::string, std::string> titles = {
        {"buffer", "Buffer-focused + GA"},
        {"medium", "Medium-Buf-Com + GA"},
        {"compute", "Compute-focused + GA"}};
    method.title = titles.at(std::string(search::presetName(preset)));
    method.kind = Method::Kind::MappingOpt;
    method.preset = preset;
    methods.push_back(method);
  }
  optimizer(search::Algorithm::DiGamma, "DiGamma");
  // Not in `all`: NSGA-II and MOEA/D search fronts only, and DiGamma's one
  // chip per model is another question than the paper's.
  optimizer(search::Algorithm::Nsga2, "NSGA-II");
  optimizer(search::Algorithm::Moead, "MOEA/D");
  Method chip;
  chip.name = "digamma-model";
  chip.title = "DiGamma, one chip";
  chip.kind = Method::Kind::SharedChip;
  methods.push_back(chip);
  return methods;
}

/// Methods of `all`: the paper's.
bool inAll(const Method &method) {
  return method.name != "nsga2" && method.name != "moead" &&
         method.kind != Method::Kind::SharedChip;
}

void printHelp() {
  std::printf(
      "Usage: %s [options]\n"
      "Reproduces the DiGamma paper's Fig. 5 (optimizers) and Fig. 6 "
      "(two-step schemes)\non the built-in evaluator.\n\n"
      "  --models=LIST       model names in --models-dir or paths to GAMMA "
      "tables (.csv);\n"
      "                      default: the seven bundled models\n"
      "  --models-dir=DIR    default: %s\n"
      "  --platforms=LIST    %s,\n"
      "                      a platform file (a path ending in .json; "
      "docs/platforms.md), or "
      "NAME:MM2 (the\n"
      "                      edge platform with another area); default "
      "edge,cloud (NAME: up\n"
      "                      to 64 letters, digits, '_', '-')\n"
      "  --offchip-bandwidth=N  off-chip bytes per cycle; 0 (default) = each "
      "platform's\n"
      "  --noc-bandwidth=N   NoC bytes per cycle; 0 (default) = each "
      "platform's\n"
      "  --maestro-accept-unsound  semantics=maestro: accept physically "
      "impossible MAESTRO\n"
      "                      figures, as the reference GAMMA does\n"
      "  --algorithms=LIST   digamma, random, sga, pso, sea, de, cmaes, sa, "
      "hw-nvdla,\n"
      "                      hw-shidiannao, hw-eyeriss, map-buffer, "
      "map-medium, map-compute,\n"
      "                      nsga2, moead (fronts only), digamma-model (one "
      "chip per model),\n"
      "                      or the groups fig5, fig6, all (the paper's "
      "methods; default;\n"
      "                      digamma,nsga2,moead with --objective=pareto, "
      "digamma,digamma-model\n"
      "                      with --area-sweep)\n"
      "  --objective=NAME    %s; default latency\n"
      "  --pareto-objectives=LIST  with --objective=pareto: two or three of "
      "latency,\n"
      "                      energy, area; default all three\n"
      "  --area-sweep=LIST   area budgets in mm^2, each a platform (instead "
      "of --platforms)\n"
      "  --seeds=LIST        seeds, e.g. 1,2,3 or 1-5; default 1,2,3\n"
      "  --samples=N         sampling budget per distinct layer; default "
      "%lld\n"
      "  --population=N      population of the population-based methods; 0 "
      "(default) = %d\n"
      "  --element-bytes=N   bytes per element for buffer area; default 1 "
      "(INT8)\n"
      "  --semantics=S       cost-model semantics: %s; default sound\n"
      "  --graded-penalty    pagmo baselines with graded penalties (default: "
      "the reference's\n"
      "                      constant penalty for invalid designs)\n"
      "  --constraints=LIST  the flexibility study instead of the paper's "
      "figures: DiGamma\n"
      "                      within each map space (a bundled constraint, "
      "a .json file,\n"
      "                      or the group nvdla-classes: the 16 "
      "flexibility classes)\n"
      "                      against free DiGamma; writes flexibility.md, "
      ".csv and .svg\n"
      "  --threads=N         worker threads; default: all cores\n"
      "  --out=DIR           output directory; default bench-out\n"
      "  --quiet             no progress on stderr\n"
      "  --no-times          leave the seconds columns empty: every file "
      "is then a function\n"
      "                      of the flags alone\n"
      "  --shard=I/N         run the I-th of N slices of the searches "
      "(I from 0) and write\n"
      "                      only their record, DIR/shard-I-of-N.csv\n"
      "  --merge DIR...      write what the whole run writes from the "
      "slices' records in\n"
      "                      DIR... (with --out and --quiet only)\n"
      "  --version           the DiGamma-MLIR and LLVM versions\n",
      kTool, defaultModelsDir().c_str(), api::platformNames().c_str(),
      search::objectiveNames().data(), (long long)search::kDefaultSamples,
      search::kDefaultPopulation,
      search::listNames(search::semanticsValues()).c_str());
}

std::vector<std::string> splitList(const std::string &text) {
  std::vector<std::string> items;
  std::stringstream stream(text);
  for (std::string item; std::getline(stream, item, ',');)
    if (!item.empty())
      items.push_back(item);
  return items;
}

std::optional<int64_t> parseInteger(const std::string &text) {
  if (text.empty())
    return std::nullopt;
  char *end = nullptr;
  errno = 0;
  long long value = std::strtoll(text.c_str(), &end, 10);
  if (errno != 0 || *end != '\0')
    return std::nullopt;
  return value;
}

/// \p value as an integer of type T, or fail() naming \p flag.
template <typename T>
T integer(const std::string &flag, const std::string &value) {
  std::optional<int64_t> number = parseInteger(value);
  if (!number || *number < std::numeric_limits<T>::min() ||
      *number > std::numeric_limits<T>::max())
    fail(flag + " needs an integer, got '" + value + "'");
  return static_cast<T>(*number);
}

/// One item of --platforms: a platform name, a platform file or NAME:MM2.
Platform parsePlatform(const std::string &item) {
  Platform platform;
  if (std::optional<api::PlatformSpec> spec = api::findPlatform(item)) {
    platform.name = platform.preset = spec->name;
    return platform;
  }
  if (item.size() > 5 && item.compare(item.size() - 5, 5, ".json") == 0) {
    api::PlatformSpec spec;
    if (std::optional<std::string> error = api::readPlatformFile(item, spec))
      fail(*error);
    platform.name = spec.name;
    platform.file = item;
    return platform;
  }
  size_t colon = item.find(':');
  if (colon == std::string::npos || colon == 0)
    fail(api::unknownName("platform", item,
                          api::platformNames() +
                              ", a platform file (a path ending in .json), or NAME:MM2"));
  char *end = nullptr;
  std::string number = item.substr(colon + 1);
  double mm2 = std::strtod(number.c_str(), &end);
  if (number.empty() || *end != '\0' || !(mm2 > 0) || !std::isfinite(mm2))
    fail("platform '" + item + "' needs a positive area in mm^2");
  std::string name = item.substr(0, colon);
  // The name becomes part of file names (trace-NAME.svg).
  if (name.size() > 64 || !std::all_of(name.begin(), name.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' ||
               c == '-';
      }))
    fail("platform name '" + name +
         "' may use up to 64 letters, digits, '_' and '-' only");
  // The default platform with an area of its own.
  platform.name = name;
  platform.preset = "edge";
  platform.areaMm2 = mm2;
  return platform;
}

/// The flags that do not change results: a run with or without them
/// writes the same files (up to wall times), so tables.md does not quote
/// them and a shard does not record them.
bool changesNoResult(const std::string &key) {
  return key == "--out" || key == "--threads" || key == "--quiet" ||
         key == "--shard" || key == "--merge";
}

/// An area budget of --area-sweep as a platform named after it.
Platform sweepPlatform(const std::string &item) {
  char *end = nullptr;
  double mm2 = std::strtod(item.c_str(), &end);
  if (item.empty() || *end != '\0' || !(mm2 > 0) || !std::isfinite(mm2))
    fail("--area-sweep needs positive areas in mm^2, got '" + item + "'");
  Platform platform;
  platform.name = formatString("%gmm2", mm2);
  platform.preset = "edge";
  platform.areaMm2 = mm2;
  return platform;
}

} // namespace

Config digamma::bench::parseCommandLine(int argc, char **argv) {
  return parseArguments(std::vector<std::string>(argv, argv + argc));
}

Config digamma::bench::parseArguments(const std::vector<std::string> &args) {
  Config config;
  config.modelsDir = defaultModelsDir();
  for (const char *name : {"edge", "cloud"})
    config.platforms.push_back(parsePlatform(name));
  std::vector<Method> methods = allMethods();
  std::string algorithms;
  bool platformsGiven = false, merging = false, algorithmsGiven = false;
  std::vector<std::string> constraints;
  for (size_t i = 0; i < args.size(); ++i) {
    std::string arg = args[i];
    std::string key = arg, value;
    if (size_t eq = arg.find('='); eq != std::string::npos) {
      key = arg.substr(0, eq);
      value = arg.substr(eq + 1);
    }
    if (i == 0) {
      config.resultArgs.push_back(arg);
      continue;
    }
    // --merge takes the directories after it.
    if (merging && arg.rfind("--", 0) != 0) {
      config.mergeDirs.push_back(arg);
      continue;
    }
    merging = false;
    if (!changesNoResult(key))
      config.resultArgs.push_back(arg);
    if (key == "--help" || key == "-h") {
      printHelp();
      std::exit(0);
    } else if (key == "--version") {
      std::fputs(
          digamma::getVersionText("digamma-bench", /*usesLLVM=*/false).c_str(),
          stdout);
      std::exit(0);
    } else if (key == "--models") {
      config.modelSpecs = splitList(value);
      if (config.modelSpecs.empty())
        fail("--models needs at least one model");
    } else if (key == "--models-dir") {
      config.modelsDir = value;
    } else if (key == "--platforms") {
      platformsGiven = true;
      config.platforms.clear();
      for (const std::string &item : splitList(value))
        config.platforms.push_back(parsePlatform(item));
      if (config.platforms.empty())
        fail("--platforms needs at least one platform");
      for (size_t i = 0; i < config.platforms.size(); ++i)
        for (size_t j = 0; j < i; ++j)
          if (config.platforms[i].name == config.platforms[j].name)
            fail("platform '" + config.platforms[i].name + "' is given twice");
    } else if (key == "--algorithms") {
      algorithms = value;
      algorithmsGiven = true;
    } else if (key == "--constraints") {
      constraints = splitList(value);
      if (constraints.empty())
        fail("--constraints needs at least one constraint");
    } else if (key == "--seeds") {
      config.seeds.clear();
      for (const std::string &item : splitList(value)) {
        size_t dash = item.find('-');
        std::optional<int64_t> first = parseInteger(item.substr(0, dash));
        std::optional<int64_t> last = dash == std::string::npos
                                          ? first
                                          : parseInteger(item.substr(dash + 1));
        if (!first || !last || *first < 0 || *last < *first)
          fail("bad seed list '" + value + "'");
        for (int64_t seed = *first; seed <= *last; ++seed)
          config.seeds.push_back(static_cast<uint64_t>(seed));
      }
      if (config.seeds.empty())
        fail("--seeds needs at least one seed");
    } else if (key == "--samples") {
      config.options.samples = integer<int64_t>("--samples", value);
    } else if (key == "--population") {
      config.options.population = integer<int>("--population", value);
    } else if (key == "--element-bytes") {
      config.options.elementBytes = integer<int64_t>("--element-bytes", value);
    } else if (key == "--semantics") {
      if (std::optional<std::string> error =
              api::parseName("semantics", value, search::semanticsValues(),
                             config.options.semantics))
        fail(*error);
    } else if (key == "--offchip-bandwidth") {
      config.options.offchipBandwidth =
          integer<int64_t>("--offchip-bandwidth", value);
    } else if (key == "--noc-bandwidth") {
      config.options.nocBandwidth = integer<int64_t>("--noc-bandwidth", value);
    } else if (key == "--maestro-accept-unsound" && value.empty()) {
      config.options.acceptUnsoundMaestro = true;
    } else if (key == "--graded-penalty" && value.empty()) {
      config.options.gradedPenalty = true;
    } else if (key == "--threads") {
      std::optional<int64_t> number = parseInteger(value);
      if (!number || *number <= 0)
        fail("--threads needs a positive integer, got '" + value + "'");
      config.threads = static_cast<unsigned>(std::min<int64_t>(*number, 1024));
    } else if (key == "--out") {
      if (value.empty())
        fail("--out needs a directory");
      config.outDir = value;
    } else if (key == "--quiet" && value.empty()) {
      config.quiet = true;
    } else if (key == "--objective") {
      if (std::optional<std::string> error =
              api::parseName("objective", value, search::objectiveValues(),
                             config.options.objective))
        fail(*error);
    } else if (key == "--pareto-objectives") {
      if (std::optional<std::string> error = api::parseParetoObjectives(
              splitList(value), config.options.paretoObjectives))
        fail(*error);
    } else if (key == "--area-sweep") {
      config.areaSweep.clear();
      config.platforms.clear();
      for (const std::string &item : splitList(value)) {
        config.platforms.push_back(sweepPlatform(item));
        config.areaSweep.push_back(config.platforms.back().areaMm2);
      }
      if (config.platforms.empty())
        fail("--area-sweep needs at least one area");
      for (size_t i = 0; i < config.platforms.size(); ++i)
        for (size_t j = 0; j < i; ++j)
          if (config.platforms[i].name == config.platforms[j].name)
            fail("area " + config.platforms[i].name + " is given twice");
    } else if (key == "--no-times" && value.empty()) {
      config.noTimes = true;
    } else if (key == "--shard") {
      size_t slash = value.find('/');
      std::optional<int64_t> index = parseInteger(value.substr(0, slash));
      std::optional<int64_t> count =
          slash == std::string::npos ? std::nullopt
                                     : parseInteger(value.substr(slash + 1));
      if (!index || !count || *count < 1 || *index < 0 || *index >= *count)
        fail("--shard needs I/N with 0 <= I < N, got '" + value + "'");
      config.shardIndex = size_t(*index);
      config.shardCount = size_t(*count);
    } else if (key == "--merge" && value.empty()) {
      merging = true;
    } else {
      fail("unknown option '" + arg + "' (see --help)");
    }
  }
  if (!config.areaSweep.empty() && platformsGiven)
    fail("--area-sweep makes each area a platform; it replaces --platforms");
  if (!config.mergeDirs.empty() && config.resultArgs.size() > 1)
    fail("--merge takes the run's flags from its shards; give it only --out "
         "and --quiet");
  if (config.shardCount > 0 && !config.mergeDirs.empty())
    fail("--shard runs a slice and --merge puts slices together; give one");
  for (const std::string &arg : config.resultArgs)
    config.commandLine += (config.commandLine.empty() ? "" : " ") + arg;
  if (config.modelSpecs.empty())
    config.modelSpecs = api::bundledModels();
  if (algorithms.empty())
    algorithms = config.fronts()             ? "digamma,nsga2,moead"
                 : !config.areaSweep.empty() ? "digamma,digamma-model"
                                             : "all";
  std::vector<std::string> names;
  for (const std::string &item : splitList(algorithms)) {
    if (item == "all") {
      for (const Method &method : methods)
        if (inAll(method))
          names.push_back(method.name);
    } else if (item == "fig5") {
      names.insert(names.end(), std::begin(kFig5), std::end(kFig5));
    } else if (item == "fig6") {
      names.insert(names.end(), std::begin(kFig6), std::end(kFig6));
    } else {
      names.push_back(item);
    }
  }
  for (const Method &method : methods)
    if (std::find(names.begin(), names.end(), method.name) != names.end())
      config.methods.push_back(method);
  for (const std::string &name : names)
    if (std::none_of(methods.begin(), methods.end(),
                     [&](const Method &m) { return m.name == name; }))
      fail(api::unknownName(
          "algorithm", name,
          "digamma, random, sga, pso, sea, de, cmaes, sa, hw-nvdla, "
          "hw-shidiannao, hw-eyeriss, map-buffer, map-medium, map-compute, "
          "nsga2, moead, digamma-model, fig5, fig6 or all"));
  if (config.methods.empty())
    fail("--algorithms needs at least one algorithm");
  if (!constraints.empty()) {
    if (algorithmsGiven)
      fail("--constraints compares DiGamma within each map space with free "
           "DiGamma; drop --algorithms");
    config.flexibility = true;
    // DiGamma, the free reference.
    const Method &digamma = *std::find_if(
        methods.begin(), methods.end(),
        [](const Method &method) { return method.name == "digamma"; });
    config.methods = {digamma};
    std::vector<std::string> expanded;
    for (const std::string &item : constraints) {
      if (item != "nvdla-classes") {
        expanded.push_back(item);
        continue;
      }
      for (int bits = 0; bits < 16; ++bits)
        expanded.push_back(formatString("nvdla-class-%d%d%d%d", bits >> 3 & 1,
                                        bits >> 2 & 1, bits >> 1 & 1,
                                        bits & 1));
    }
    for (const std::string &item : expanded) {
      Method method = digamma;
      bool isFile = item.find('/') != std::string::npos ||
                    (item.size() > 5 && item.substr(item.size() - 5) == ".json");
      (isFile ? method.constraintFile : method.constraint) = item;
      api::MapSpaceFile file;
      if (std::optional<std::string> error =
              isFile ? api::readMapSpaceFile(item, file)
                     : api::loadBundledMapSpace(item, file))
        fail("--constraints: " + *error);
      method.name = "digamma@" + file.space.name;
      method.title = file.space.name;
      for (const Method &other : config.methods)
        if (other.name == method.name)
          fail("--constraints: '" + file.space.name + "' is given twice");
      config.methods.push_back(method);
    }
  }
  if (config.threads == 0)
    config.threads = std::max(1u, std::thread::hardware_concurrency());
  if (!config.mergeDirs.empty())
    return config;
  // What the request layer rejects, before any model is read; and the
  // budget of each platform.
  for (Platform &platform : config.platforms) {
    api::Request request = platformRequest(config, platform);
    // A GAMMA table's layers have no element size of their own.
    request.layers.emplace_back();
    api::SearchPlan plan;
    if (std::optional<std::string> error = api::planSearch(request, plan))
      fail(*error);
    platform.budgetUm2 = plan.options.areaBudgetUm2;
    platform.maxPEs =
        std::min(cost::pesWithinArea(plan.options.areaBudgetUm2,
                                     plan.options.model.area),
                 plan.options.peLimit);
    platform.offchipBytesPerCycle =
        cost::isOffchipUnbounded(plan.options.fixedHardware)
            ? 0
            : cost::offchipBytesPerCycle(plan.options.fixedHardware);
    platform.elementBytes = plan.platform.elementBytes;
  }
  return config;
}

api::Request digamma::bench::platformRequest(const Config &config,
                                             const Platform &platform) {
  api::Request request;
  request.platform = platform.preset;
  request.platformFile = platform.file;
  request.budget.areaMm2 = platform.areaMm2;
  request.options = config.options;
  return request;
}
