//===- digamma-bench.cpp - The paper's Fig. 5 and Fig. 6 on our evaluator -===//
//
// Runs models x platforms x methods x seeds and writes, in an output
// directory:
//  * results.csv: one row per (platform, model, method, seed): total cycles,
//    latency-area product, samples, wall time;
//  * layers.csv: one row per search (distinct layer problem);
//  * tables.md: the paper's tables (Fig. 5: latency and latency-area
//    product normalized to CMA-ES; Fig. 6: latency normalized to
//    compute-focused + GA), geomeans and DiGamma's ratios to the best
//    baseline; quality figures only, so the file is deterministic;
//  * trace-<platform>.svg: best-so-far model latency versus samples per
//    method (geometric mean over seeds).
// Methods are the search algorithms (digamma, random and the pagmo
// baselines) and the two-step schemes (hw-<dataflow>, map-<preset>).
// Identical layers are searched once per (platform, method, seed) and
// weighted by their occurrences; searches spread over the worker threads,
// each search single-threaded, so results do not depend on the thread count.
//
//===----------------------------------------------------------------------===//

#include "digamma/CostModel/GammaTable.h"
#include "digamma/Search/Baselines.h"
#include "digamma/Search/Dataflows.h"
#include "digamma/Search/Search.h"
#include "digamma/Search/TwoStep.h"
#include "digamma/Version.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <thread>
#include <tuple>
#include <vector>

using namespace digamma;

namespace {

constexpr const char *kTool = "digamma-bench";
/// Points of the best-so-far curves (per search and per model).
constexpr int kCheckpoints = 40;

const char *const kBundledModels[] = {
    "resnet18", "resnet50", "mobilenet_v2", "mnasnet", "bert", "ncf", "dlrm"};

//===----------------------------------------------------------------------===//
// Command line
//===----------------------------------------------------------------------===//

struct Platform {
  std::string name;
  double budgetUm2;
};

/// A method: a search algorithm or a two-step scheme.
struct Method {
  enum class Kind { Optimizer, HardwareGrid, MappingOpt };
  std::string name;
  /// Column title in the tables.
  std::string title;
  Kind kind = Kind::Optimizer;
  search::Algorithm algorithm = search::Algorithm::DiGamma;
  const search::Dataflow *dataflow = nullptr;
  search::HardwarePreset preset = search::HardwarePreset::Medium;
  /// False if the result does not depend on the seed (the grid search).
  bool seeded = true;
};

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
  return methods;
}

const char *const kFig5[] = {"random", "sga", "pso",   "sea",
                             "de",     "sa",  "cmaes", "digamma"};
const char *const kFig6[] = {"hw-nvdla",   "hw-shidiannao", "hw-eyeriss",
                             "map-buffer", "map-medium",    "map-compute",
                             "digamma"};

struct Config {
  std::vector<std::string> modelSpecs;
  std::string modelsDir = DIGAMMA_MODELS_DIR;
  std::vector<Platform> platforms = {{"edge", search::kEdgeAreaBudgetUm2},
                                     {"cloud", search::kCloudAreaBudgetUm2}};
  std::vector<Method> methods;
  std::vector<uint64_t> seeds = {1, 2, 3};
  int64_t samples = 40000;
  int population = 0;
  int64_t elementBytes = 1;
  cost::Semantics semantics = cost::Semantics::Sound;
  bool gradedPenalty = false;
  unsigned threads = 0;
  std::string outDir = "bench-out";
  bool quiet = false;
  std::string commandLine;
};

[[noreturn]] void fail(const std::string &message) {
  std::fprintf(stderr, "%s: error: %s\n", kTool, message.c_str());
  std::exit(1);
}

/// printf into a string as long as it needs to be.
[[gnu::format(printf, 1, 2)]] std::string formatString(const char *format,
                                                       ...) {
  va_list args, copy;
  va_start(args, format);
  va_copy(copy, args);
  int size = std::vsnprintf(nullptr, 0, format, copy);
  va_end(copy);
  std::string text(size > 0 ? size_t(size) : 0, '\0');
  if (size > 0)
    std::vsnprintf(text.data(), text.size() + 1, format, args);
  va_end(args);
  return text;
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
      "  --platforms=LIST    edge (0.2 mm^2), cloud (7.0 mm^2) or NAME:MM2; "
      "default edge,cloud\n"
      "                      (NAME: up to 64 letters, digits, '_', '-')\n"
      "  --algorithms=LIST   digamma, random, sga, pso, sea, de, cmaes, sa, "
      "hw-nvdla,\n"
      "                      hw-shidiannao, hw-eyeriss, map-buffer, "
      "map-medium, map-compute,\n"
      "                      or the groups fig5, fig6, all (default)\n"
      "  --seeds=LIST        seeds, e.g. 1,2,3 or 1-5; default 1,2,3\n"
      "  --samples=N         sampling budget per distinct layer; default "
      "40000\n"
      "  --population=N      population of the population-based methods; 0 "
      "(default) = 100\n"
      "  --element-bytes=N   bytes per element for buffer area; default 1 "
      "(INT8)\n"
      "  --semantics=S       cost-model semantics: sound (default) or "
      "maestro\n"
      "  --graded-penalty    pagmo baselines with graded penalties (default: "
      "the reference's\n"
      "                      constant penalty for invalid designs)\n"
      "  --threads=N         worker threads; default: all cores\n"
      "  --out=DIR           output directory; default bench-out\n"
      "  --quiet             no progress on stderr\n"
      "  --version           the DiGamma-MLIR and LLVM versions\n",
      kTool, DIGAMMA_MODELS_DIR);
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

Config parseCommandLine(int argc, char **argv) {
  Config config;
  std::vector<Method> methods = allMethods();
  std::string algorithms = "all";
  for (int i = 0; i < argc; ++i)
    config.commandLine += (i ? " " : "") + std::string(argv[i]);
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    std::string key = arg, value;
    if (size_t eq = arg.find('='); eq != std::string::npos) {
      key = arg.substr(0, eq);
      value = arg.substr(eq + 1);
    }
    auto positive = [&](const std::string &name) {
      std::optional<int64_t> number = parseInteger(value);
      if (!number || *number <= 0)
        fail(name + " needs a positive integer, got '" + value + "'");
      return *number;
    };
    if (key == "--help" || key == "-h") {
      printHelp();
      std::exit(0);
    } else if (key == "--version") {
      std::fputs(digamma::getVersionText("digamma-bench", /*usesLLVM=*/false)
                     .c_str(),
                 stdout);
      std::exit(0);
    } else if (key == "--models") {
      config.modelSpecs = splitList(value);
      if (config.modelSpecs.empty())
        fail("--models needs at least one model");
    } else if (key == "--models-dir") {
      config.modelsDir = value;
    } else if (key == "--platforms") {
      config.platforms.clear();
      for (const std::string &item : splitList(value)) {
        if (item == "edge") {
          config.platforms.push_back({"edge", search::kEdgeAreaBudgetUm2});
        } else if (item == "cloud") {
          config.platforms.push_back({"cloud", search::kCloudAreaBudgetUm2});
        } else if (size_t colon = item.find(':');
                   colon != std::string::npos && colon > 0) {
          char *end = nullptr;
          std::string number = item.substr(colon + 1);
          double mm2 = std::strtod(number.c_str(), &end);
          if (number.empty() || *end != '\0' || !(mm2 > 0) ||
              !std::isfinite(mm2))
            fail("platform '" + item + "' needs a positive area in mm^2");
          std::string name = item.substr(0, colon);
          // The name becomes part of file names (trace-NAME.svg).
          if (name.size() > 64 ||
              !std::all_of(name.begin(), name.end(), [](char c) {
                return std::isalnum(static_cast<unsigned char>(c)) ||
                       c == '_' || c == '-';
              }))
            fail("platform name '" + name +
                 "' may use up to 64 letters, digits, '_' and '-' only");
          config.platforms.push_back({name, mm2 * 1e6});
        } else {
          fail("unknown platform '" + item +
               "'; expected edge, cloud or NAME:MM2");
        }
      }
      if (config.platforms.empty())
        fail("--platforms needs at least one platform");
      for (size_t i = 0; i < config.platforms.size(); ++i)
        for (size_t j = 0; j < i; ++j)
          if (config.platforms[i].name == config.platforms[j].name)
            fail("platform '" + config.platforms[i].name + "' is given twice");
    } else if (key == "--algorithms") {
      algorithms = value;
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
      config.samples = positive("--samples");
    } else if (key == "--population") {
      std::optional<int64_t> number = parseInteger(value);
      if (!number || *number < 0 || *number > 1000000)
        fail("--population needs an integer in [0, 1000000], got '" + value +
             "'");
      config.population = static_cast<int>(*number);
    } else if (key == "--element-bytes") {
      config.elementBytes = positive("--element-bytes");
    } else if (key == "--semantics") {
      std::optional<cost::Semantics> semantics = cost::parseSemantics(value);
      if (!semantics)
        fail("unknown semantics '" + value + "'; expected sound or maestro");
      config.semantics = *semantics;
    } else if (key == "--graded-penalty" && value.empty()) {
      config.gradedPenalty = true;
    } else if (key == "--threads") {
      config.threads =
          static_cast<unsigned>(std::min<int64_t>(positive("--threads"), 1024));
    } else if (key == "--out") {
      if (value.empty())
        fail("--out needs a directory");
      config.outDir = value;
    } else if (key == "--quiet" && value.empty()) {
      config.quiet = true;
    } else {
      fail("unknown option '" + arg + "' (see --help)");
    }
  }
  if (config.modelSpecs.empty())
    config.modelSpecs.assign(std::begin(kBundledModels),
                             std::end(kBundledModels));
  std::vector<std::string> names;
  for (const std::string &item : splitList(algorithms)) {
    if (item == "all") {
      for (const Method &method : methods)
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
      fail("unknown algorithm '" + name +
           "'; expected digamma, random, sga, pso, sea, de, cmaes, sa, "
           "hw-nvdla, hw-shidiannao, hw-eyeriss, map-buffer, map-medium, "
           "map-compute, fig5, fig6 or all");
  if (config.methods.empty())
    fail("--algorithms needs at least one algorithm");
  if (config.threads == 0)
    config.threads = std::max(1u, std::thread::hardware_concurrency());
  return config;
}

//===----------------------------------------------------------------------===//
// Workload: models and their distinct layer problems
//===----------------------------------------------------------------------===//

struct Model {
  std::string name;
  size_t numLayers = 0;
  /// (problem index, occurrences in the model).
  std::vector<std::pair<size_t, double>> problems;
};

struct Workload {
  std::vector<cost::Layer> problems;
  std::vector<Model> models;
};

using ProblemKey = std::tuple<int, int64_t, int64_t, int64_t, int64_t, int64_t,
                              int64_t, int64_t, int64_t, int64_t>;

ProblemKey keyOf(const cost::Layer &l) {
  return {int(l.layerClass), l.n,      l.k, l.c, l.y, l.x, l.r, l.s,
          l.strideY,         l.strideX};
}

std::string stem(const std::string &path) {
  size_t slash = path.find_last_of('/');
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  if (size_t dot = name.rfind('.'); dot != std::string::npos && dot > 0)
    name = name.substr(0, dot);
  return name;
}

Workload loadWorkload(const Config &config) {
  Workload workload;
  std::map<ProblemKey, size_t> index;
  for (const std::string &spec : config.modelSpecs) {
    bool isPath = spec.find('/') != std::string::npos ||
                  (spec.size() > 4 && spec.substr(spec.size() - 4) == ".csv");
    std::string path = isPath ? spec : config.modelsDir + "/" + spec + ".csv";
    cost::GammaTable table = cost::readGammaTable(path);
    if (table.failed()) // File errors name the path, line errors do not.
      fail(table.errorLine > 0 ? path + ": " + table.error() : table.error());
    Model model;
    model.name = stem(path);
    model.numLayers = table.layers.size();
    std::map<size_t, double> weights;
    for (size_t i = 0; i < table.layers.size(); ++i) {
      const cost::Layer &layer = table.layers[i];
      auto [it, inserted] =
          index.emplace(keyOf(layer), workload.problems.size());
      if (inserted)
        workload.problems.push_back(layer);
      weights[it->second] += 1.0;
    }
    model.problems.assign(weights.begin(), weights.end());
    workload.models.push_back(std::move(model));
  }
  return workload;
}

//===----------------------------------------------------------------------===//
// Running the searches
//===----------------------------------------------------------------------===//

struct Outcome {
  bool found = false;
  std::string message;
  int64_t cycles = 0;
  double areaUm2 = 0;
  double energyNJ = 0;
  int64_t numPEs = 0;
  int64_t samples = 0;
  double seconds = 0;
  /// Best objective (cycles) after samples * (k + 1) / kCheckpoints
  /// samples; -1 while nothing valid was found.
  std::array<double, kCheckpoints> curve{};
};

struct Job {
  size_t platform, method, seed, problem;
};

class Runner {
public:
  Runner(const Config &config, const Workload &workload)
      : config(config), workload(workload) {
    for (size_t p = 0; p < config.platforms.size(); ++p)
      for (size_t m = 0; m < config.methods.size(); ++m)
        for (size_t s = 0; s < config.seeds.size(); ++s) {
          // The grid search ignores the seed: run it once.
          if (!config.methods[m].seeded && s > 0)
            continue;
          for (size_t i = 0; i < workload.problems.size(); ++i)
            jobs.push_back({p, m, s, i});
        }
    outcomes.resize(jobs.size());
    for (size_t j = 0; j < jobs.size(); ++j)
      jobIndex[key(jobs[j])] = j;
  }

  void run() {
    auto start = std::chrono::steady_clock::now();
    std::atomic<size_t> next{0}, done{0};
    auto work = [&] {
      for (size_t j; (j = next++) < jobs.size();) {
        outcomes[j] = runJob(jobs[j]);
        ++done;
      }
    };
    std::vector<std::thread> workers;
    for (unsigned t = 0; t < config.threads; ++t)
      workers.emplace_back(work);
    if (!config.quiet) {
      // Progress every two seconds while the workers run.
      while (done < jobs.size()) {
        for (int i = 0; i < 20 && done < jobs.size(); ++i)
          std::this_thread::sleep_for(std::chrono::milliseconds(100));
        size_t finished = done;
        double elapsed = secondsSince(start);
        double left = finished > 0 ? elapsed * double(jobs.size() - finished) /
                                         double(finished)
                                   : 0;
        std::fprintf(stderr,
                     "%s: %zu/%zu searches (%.0f%%), %.0f s elapsed, about "
                     "%.0f s left\n",
                     kTool, finished, jobs.size(),
                     100.0 * double(finished) / double(jobs.size()), elapsed,
                     left);
      }
    }
    for (std::thread &worker : workers)
      worker.join();
    wallSeconds = secondsSince(start);
  }

  /// The outcome of \p problem for (platform, method, seed index).
  const Outcome &outcome(size_t platform, size_t method, size_t seed,
                         size_t problem) const {
    if (!config.methods[method].seeded)
      seed = 0;
    return outcomes[jobIndex.at(key({platform, method, seed, problem}))];
  }

  const std::vector<Job> &allJobs() const { return jobs; }
  const Outcome &outcomeOf(size_t job) const { return outcomes[job]; }
  double wallSeconds = 0;

private:
  static double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                         start)
        .count();
  }
  static std::tuple<size_t, size_t, size_t, size_t> key(const Job &job) {
    return {job.platform, job.method, job.seed, job.problem};
  }

  Outcome runJob(const Job &job) const {
    const Method &method = config.methods[job.method];
    search::SearchOptions options;
    options.samples = config.samples;
    options.population = config.population;
    options.seed = config.seeds[job.seed];
    options.threads = 1;
    options.areaBudgetUm2 = config.platforms[job.platform].budgetUm2;
    options.semantics = config.semantics;
    options.bytesPerElement = config.elementBytes;
    options.fixedHardware.bytesPerElement = config.elementBytes;
    const cost::Layer &layer = workload.problems[job.problem];
    auto begin = std::chrono::steady_clock::now();
    search::SearchResult result;
    switch (method.kind) {
    case Method::Kind::Optimizer:
      if (method.algorithm == search::Algorithm::DiGamma ||
          method.algorithm == search::Algorithm::Random) {
        result = search::getOptimizer(method.algorithm).run(layer, options);
      } else {
        search::BaselineParameters parameters;
        parameters.gradedPenalty = config.gradedPenalty;
        result =
            search::runBaseline(method.algorithm, layer, options, parameters);
      }
      break;
    case Method::Kind::HardwareGrid:
      result = search::runHardwareGrid(layer, *method.dataflow, options);
      break;
    case Method::Kind::MappingOpt:
      result = search::runMappingOpt(layer, method.preset, options);
      break;
    }
    Outcome outcome;
    outcome.seconds = secondsSince(begin);
    outcome.found = result.found;
    outcome.message = result.message;
    outcome.cycles = result.cost.cycles;
    outcome.areaUm2 = result.areaUm2;
    outcome.energyNJ = result.cost.energyNJ;
    outcome.numPEs = result.hardware.numPEs;
    outcome.samples = result.samplesUsed;
    // Best so far at each checkpoint, from the trace.
    size_t t = 0;
    double best = -1;
    for (int k = 0; k < kCheckpoints; ++k) {
      int64_t at = config.samples * (k + 1) / kCheckpoints;
      while (t < result.samplesPerGeneration.size() &&
             result.samplesPerGeneration[t] <= at)
        best = result.bestPerGeneration[t++];
      outcome.curve[k] = best;
    }
    return outcome;
  }

  const Config &config;
  const Workload &workload;
  std::vector<Job> jobs;
  std::vector<Outcome> outcomes;
  std::map<std::tuple<size_t, size_t, size_t, size_t>, size_t> jobIndex;
};

//===----------------------------------------------------------------------===//
// Aggregation
//===----------------------------------------------------------------------===//

/// One model's figures for one (platform, method, seed).
struct ModelRun {
  bool found = false;
  double cycles = 0;
  /// Sum over layers of occurrences x cycles x the layer's design area.
  double lap = 0;
  double seconds = 0;
  std::array<double, kCheckpoints> curve{};
};

/// Across seeds: geometric means of the seeds that found a design.
struct ModelSummary {
  int seedsFound = 0, seeds = 0;
  double cycles = 0, lap = 0;
  std::array<double, kCheckpoints> curve{};
};

class Results {
public:
  Results(const Config &config, const Workload &workload, const Runner &runner)
      : config(config), workload(workload) {
    size_t P = config.platforms.size(), M = config.methods.size(),
           S = config.seeds.size(), N = workload.models.size();
    runs.assign(P * M * S * N, {});
    summaries.assign(P * M * N, {});
    for (size_t p = 0; p < P; ++p)
      for (size_t m = 0; m < M; ++m)
        for (size_t n = 0; n < N; ++n) {
          ModelSummary &summary = summaries[(p * M + m) * N + n];
          summary.seeds = int(S);
          double logCycles = 0, logLap = 0;
          std::array<double, kCheckpoints> logCurve{};
          std::array<int, kCheckpoints> curveCount{};
          for (size_t s = 0; s < S; ++s) {
            ModelRun &run = runs[((p * M + m) * S + s) * N + n];
            run = modelRun(runner, p, m, s, workload.models[n]);
            if (!run.found)
              continue;
            ++summary.seedsFound;
            logCycles += std::log(run.cycles);
            logLap += std::log(run.lap);
          }
          for (int k = 0; k < kCheckpoints; ++k) {
            for (size_t s = 0; s < S; ++s) {
              double value = runs[((p * M + m) * S + s) * N + n].curve[k];
              if (value > 0) {
                logCurve[k] += std::log(value);
                ++curveCount[k];
              }
            }
            // A point counts only once every seed has a design.
            summary.curve[k] = curveCount[k] == int(S)
                                   ? std::exp(logCurve[k] / double(S))
                                   : -1;
          }
          if (summary.seedsFound > 0) {
            summary.cycles = std::exp(logCycles / summary.seedsFound);
            summary.lap = std::exp(logLap / summary.seedsFound);
          }
        }
  }

  const ModelRun &run(size_t p, size_t m, size_t s, size_t n) const {
    size_t M = config.methods.size(), S = config.seeds.size(),
           N = workload.models.size();
    return runs[((p * M + m) * S + s) * N + n];
  }
  const ModelSummary &summary(size_t p, size_t m, size_t n) const {
    size_t M = config.methods.size(), N = workload.models.size();
    return summaries[(p * M + m) * N + n];
  }

private:
  ModelRun modelRun(const Runner &runner, size_t p, size_t m, size_t s,
                    const Model &model) const {
    ModelRun run;
    run.found = true;
    run.curve.fill(0);
    for (auto [problem, weight] : model.problems) {
      const Outcome &outcome = runner.outcome(p, m, s, problem);
      run.seconds += outcome.seconds;
      for (int k = 0; k < kCheckpoints; ++k)
        run.curve[k] = outcome.curve[k] < 0 || run.curve[k] < 0
                           ? -1
                           : run.curve[k] + weight * outcome.curve[k];
      if (!outcome.found) {
        run.found = false;
        continue;
      }
      run.cycles += weight * double(outcome.cycles);
      run.lap += weight * double(outcome.cycles) * outcome.areaUm2;
    }
    return run;
  }

  const Config &config;
  const Workload &workload;
  std::vector<ModelRun> runs;
  std::vector<ModelSummary> summaries;
};

//===----------------------------------------------------------------------===//
// Output
//===----------------------------------------------------------------------===//

std::string formatRatio(double value) {
  char buffer[32];
  if (value >= 100)
    std::snprintf(buffer, sizeof(buffer), "%.0f", value);
  else if (value >= 0.095)
    std::snprintf(buffer, sizeof(buffer), "%.2f", value);
  else
    std::snprintf(buffer, sizeof(buffer), "%.3g", value);
  return buffer;
}

class Report {
public:
  Report(const Config &config, const Workload &workload, const Results &results)
      : config(config), workload(workload), results(results) {}

  /// Index of the method named \p name, or -1.
  int methodIndex(const std::string &name) const {
    for (size_t m = 0; m < config.methods.size(); ++m)
      if (config.methods[m].name == name)
        return int(m);
    return -1;
  }

  /// One markdown table in the paper's form: a row per model and a
  /// geomean row, a column per method, each value divided by the
  /// reference method's on the same model.
  void table(std::ostream &os, size_t p, const std::vector<int> &methods,
             int reference, bool lap) const {
    os << "| model |";
    for (int m : methods)
      os << " " << config.methods[m].title << " |";
    os << "\n|---|";
    for (size_t i = 0; i < methods.size(); ++i)
      os << "---|";
    os << "\n";
    size_t N = workload.models.size();
    std::vector<double> logSum(methods.size(), 0);
    std::vector<int> counted(methods.size(), 0);
    for (size_t n = 0; n < N; ++n) {
      os << "| " << workload.models[n].name << " |";
      const ModelSummary &ref = results.summary(p, reference, n);
      std::vector<double> values(methods.size(), -1);
      double best = -1;
      for (size_t i = 0; i < methods.size(); ++i) {
        const ModelSummary &s = results.summary(p, methods[i], n);
        if (s.seedsFound == 0 || ref.seedsFound == 0)
          continue;
        values[i] = (lap ? s.lap / ref.lap : s.cycles / ref.cycles);
        if (best < 0 || values[i] < best)
          best = values[i];
      }
      for (size_t i = 0; i < methods.size(); ++i) {
        const ModelSummary &s = results.summary(p, methods[i], n);
        if (values[i] < 0) {
          os << (s.seedsFound == 0 ? " N/A |" : " (no reference) |");
          continue;
        }
        logSum[i] += std::log(values[i]);
        ++counted[i];
        bool isBest = values[i] <= best * (1 + 1e-9);
        std::string text = formatRatio(values[i]);
        if (isBest)
          text = "**" + text + "**";
        if (s.seedsFound < s.seeds)
          text += " (" + std::to_string(s.seedsFound) + "/" +
                  std::to_string(s.seeds) + " seeds)";
        os << " " << text << " |";
      }
      os << "\n";
    }
    os << "| geomean |";
    for (size_t i = 0; i < methods.size(); ++i) {
      if (counted[i] == 0)
        os << " N/A |";
      else
        os << " " << formatRatio(std::exp(logSum[i] / counted[i]))
           << (counted[i] < int(N)
                   ? " (" + std::to_string(counted[i]) + " models)"
                   : "")
           << " |";
    }
    os << "\n";
  }

  /// Geomean over models of method a's latency over method b's, on the
  /// models where both found designs; also how many models that was.
  std::pair<double, int> ratio(size_t p, int a, int b) const {
    double logSum = 0;
    int count = 0;
    for (size_t n = 0; n < workload.models.size(); ++n) {
      const ModelSummary &x = results.summary(p, a, n),
                         &y = results.summary(p, b, n);
      if (x.seedsFound == 0 || y.seedsFound == 0)
        continue;
      logSum += std::log(x.cycles / y.cycles);
      ++count;
    }
    return {count ? std::exp(logSum / count) : 0.0, count};
  }

  /// The comparison lines under a table: DiGamma against every other
  /// method, the best of them (stable ones first: a design on every model)
  /// and the per-model best.
  void summary(std::ostream &os, size_t p, const std::vector<int> &methods,
               int digamma) const {
    size_t N = workload.models.size();
    int bestMethod = -1;
    bool bestStable = false;
    double bestGeomean = 0;
    os << "\nDiGamma's latency advantage (geomean over models of "
          "method / DiGamma):";
    for (int m : methods) {
      if (m == digamma)
        continue;
      auto [value, count] = ratio(p, m, digamma);
      os << " " << config.methods[m].name << " ";
      if (count == 0) {
        os << "N/A;";
        continue;
      }
      os << formatRatio(value) << "x";
      if (count < int(N))
        os << " (" << count << " models)";
      os << ";";
      bool stable = count == int(N);
      // Stable and with the lowest geomean latency relative to DiGamma.
      if (bestMethod < 0 || (stable && !bestStable) ||
          (stable == bestStable && value < bestGeomean)) {
        bestMethod = m;
        bestStable = stable;
        bestGeomean = value;
      }
    }
    os << "\n\n";
    if (bestMethod >= 0)
      os << "Best other method: **" << config.methods[bestMethod].name
         << "**; its latency over DiGamma's: **" << formatRatio(bestGeomean)
         << "x** (geomean; above 1 means DiGamma is better"
         << (bestStable ? "" : "; no method has a design for every model")
         << ").\n";
    // Per model: DiGamma against the best other method on that model.
    double logSum = 0;
    int count = 0, wins = 0;
    std::string behind;
    for (size_t n = 0; n < N; ++n) {
      const ModelSummary &d = results.summary(p, digamma, n);
      double bestOther = -1;
      std::string bestName;
      for (int m : methods) {
        const ModelSummary &s = results.summary(p, m, n);
        if (m == digamma || s.seedsFound == 0)
          continue;
        if (bestOther < 0 || s.cycles < bestOther) {
          bestOther = s.cycles;
          bestName = config.methods[m].name;
        }
      }
      if (d.seedsFound == 0 || bestOther < 0)
        continue;
      logSum += std::log(bestOther / d.cycles);
      ++count;
      // Tied: within 0.5%.
      if (d.cycles <= bestOther * 1.005)
        ++wins;
      else
        behind += (behind.empty() ? "" : ", ") + workload.models[n].name +
                  " (" + bestName + " " + formatRatio(bestOther / d.cycles) +
                  "x)";
    }
    if (count > 0)
      os << "Against the best other method of each model: "
         << formatRatio(std::exp(logSum / count)) << "x (geomean); DiGamma "
         << "best or tied (within 0.5%) on " << wins << " of " << count
         << " models" << (behind.empty() ? "" : "; behind on " + behind)
         << ".\n";
  }

  void writeTables(std::ostream &os) const {
    os << "# DiGamma versus baselines on the built-in evaluator\n\n";
    os << "Command: `" << config.commandLine << "`\n\n";
    os << "Samples per distinct layer: " << config.samples << "; seeds:";
    for (uint64_t seed : config.seeds)
      os << " " << seed;
    os << "; element size " << config.elementBytes << " byte(s); "
       << cost::semanticsName(config.semantics)
       << " semantics; pagmo baselines with "
       << (config.gradedPenalty ? "graded" : "constant (reference)")
       << " penalties. Values are geometric means over the seeds that found "
          "a design for every layer (\"k/n seeds\" otherwise), divided by the "
          "reference column's value for the same model; lower is better; the "
          "best of a row is bold. N/A: no design within the budget. "
          "Latency-area product: the sum over layers of occurrences x cycles "
          "x the layer's design area. The grid searches (Grid-S) do not "
          "depend on the seed.\n";
    std::vector<int> fig5, fig6;
    for (const char *name : kFig5)
      if (int m = methodIndex(name); m >= 0)
        fig5.push_back(m);
    for (const char *name : kFig6)
      if (int m = methodIndex(name); m >= 0)
        fig6.push_back(m);
    int digamma = methodIndex("digamma");
    for (size_t p = 0; p < config.platforms.size(); ++p) {
      const Platform &platform = config.platforms[p];
      char budget[64];
      std::snprintf(budget, sizeof(budget), "%.4g mm^2",
                    platform.budgetUm2 / 1e6);
      int cmaes = methodIndex("cmaes");
      if (fig5.size() > 1 && cmaes >= 0) {
        os << "\n## Fig. 5, " << platform.name << " (" << budget
           << "): latency, normalized to CMA-ES\n\n";
        table(os, p, fig5, cmaes, false);
        if (digamma >= 0)
          summary(os, p, fig5, digamma);
        os << "\n## Fig. 5, " << platform.name << " (" << budget
           << "): latency-area product, normalized to CMA-ES\n\n";
        table(os, p, fig5, cmaes, true);
      }
      int compute = methodIndex("map-compute");
      if (fig6.size() > 1 && compute >= 0) {
        os << "\n## Fig. 6, " << platform.name << " (" << budget
           << "): latency, normalized to Compute-focused + GA\n\n";
        table(os, p, fig6, compute, false);
        if (digamma >= 0)
          summary(os, p, fig6, digamma);
      }
      // Absolute figures of every method.
      os << "\n## " << platform.name << " (" << budget
         << "): total cycles per model (geomean over seeds)\n\n| model |";
      for (const Method &method : config.methods)
        os << " " << method.name << " |";
      os << "\n|---|";
      for (size_t m = 0; m < config.methods.size(); ++m)
        os << "---|";
      os << "\n";
      for (size_t n = 0; n < workload.models.size(); ++n) {
        os << "| " << workload.models[n].name << " |";
        for (size_t m = 0; m < config.methods.size(); ++m) {
          const ModelSummary &s = results.summary(p, m, n);
          char value[48];
          if (s.seedsFound == 0)
            std::snprintf(value, sizeof(value), "N/A");
          else
            std::snprintf(value, sizeof(value), "%.4g", s.cycles);
          os << " " << value << " |";
        }
        os << "\n";
      }
    }
  }

  void writeResultsCsv(std::ostream &os) const {
    os << "platform,area_budget_um2,model,layers,distinct_layers,method,"
          "seed,found,total_cycles,latency_area_product,samples_per_layer,"
          "search_seconds\n";
    for (size_t p = 0; p < config.platforms.size(); ++p)
      for (size_t m = 0; m < config.methods.size(); ++m)
        for (size_t s = 0; s < config.seeds.size(); ++s)
          for (size_t n = 0; n < workload.models.size(); ++n) {
            const ModelRun &run = results.run(p, m, s, n);
            const Model &model = workload.models[n];
            os << formatString(
                "%s,%.0f,%s,%zu,%zu,%s,%llu,%d,%.0f,%.6e,%lld,%.3f\n",
                config.platforms[p].name.c_str(), config.platforms[p].budgetUm2,
                model.name.c_str(), model.numLayers, model.problems.size(),
                config.methods[m].name.c_str(),
                (unsigned long long)config.seeds[s], run.found ? 1 : 0,
                run.found ? run.cycles : 0.0, run.found ? run.lap : 0.0,
                (long long)config.samples, run.seconds);
          }
  }

  /// Best-so-far model latency versus samples: one panel per model, one
  /// line per method (geomean over seeds), log-scale latency.
  void writeSvg(std::ostream &os, size_t p) const {
    const int columns = 4, panelWidth = 320, panelHeight = 230;
    const int left = 62, right = 12, top = 28, bottom = 36;
    size_t N = workload.models.size();
    int rows = int((N + columns - 1) / columns);
    int legendRows = int((config.methods.size() + 4) / 5);
    int width = columns * panelWidth;
    int height = rows * panelHeight + 40 + legendRows * 18 + 10;
    static const char *const kColors[] = {
        "#7f7f7f", "#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd",
        "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#aec7e8",
        "#ffbb78", "#98df8a", "#c5b0d5", "#d62728"};
    auto color = [&](size_t m) {
      if (config.methods[m].name == "digamma")
        return "#d62728";
      return kColors[m % 13];
    };
    os << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << width
       << "\" height=\"" << height << "\" font-family=\"sans-serif\" "
       << "font-size=\"11\">\n<rect width=\"100%\" height=\"100%\" "
          "fill=\"white\"/>\n";
    char title[160];
    std::snprintf(title, sizeof(title),
                  "Best-so-far model latency (cycles) vs. samples per layer, "
                  "%s (%.4g mm^2), geomean over seeds",
                  config.platforms[p].name.c_str(),
                  config.platforms[p].budgetUm2 / 1e6);
    os << "<text x=\"10\" y=\"18\" font-size=\"13\">" << title << "</text>\n";
    for (size_t n = 0; n < N; ++n) {
      int x0 = int(n % columns) * panelWidth + left;
      int y0 = 30 + int(n / columns) * panelHeight + top;
      int w = panelWidth - left - right, h = panelHeight - top - bottom;
      double lo = 0, hi = 0;
      bool any = false;
      for (size_t m = 0; m < config.methods.size(); ++m)
        for (double value : results.summary(p, m, n).curve)
          if (value > 0) {
            lo = any ? std::min(lo, value) : value;
            hi = any ? std::max(hi, value) : value;
            any = true;
          }
      os << "<text x=\"" << x0 << "\" y=\"" << y0 - 8 << "\">"
         << workload.models[n].name << "</text>\n";
      os << "<rect x=\"" << x0 << "\" y=\"" << y0 << "\" width=\"" << w
         << "\" height=\"" << h
         << "\" fill=\"none\" stroke=\"#444\" stroke-width=\"0.8\"/>\n";
      if (!any)
        continue;
      double logLo = std::floor(std::log10(lo) * 4) / 4,
             logHi = std::ceil(std::log10(hi) * 4) / 4;
      if (logHi - logLo < 0.25)
        logHi = logLo + 0.25;
      auto yOf = [&](double value) {
        return y0 + h - (std::log10(value) - logLo) / (logHi - logLo) * h;
      };
      auto xOf = [&](int k) { return x0 + double(k + 1) / kCheckpoints * w; };
      // Decade gridlines and labels.
      for (int e = int(std::ceil(logLo)); e <= int(std::floor(logHi)); ++e) {
        double y = yOf(std::pow(10.0, e));
        os << "<line x1=\"" << x0 << "\" x2=\"" << x0 + w << "\" y1=\"" << y
           << "\" y2=\"" << y << "\" stroke=\"#ddd\"/>\n<text x=\"" << x0 - 4
           << "\" y=\"" << y + 4 << "\" text-anchor=\"end\">1e" << e
           << "</text>\n";
      }
      for (int tick = 0; tick <= 4; ++tick) {
        double x = x0 + tick * w / 4.0;
        os << "<text x=\"" << x << "\" y=\"" << y0 + h + 14
           << "\" text-anchor=\"middle\">"
           << (long long)(config.samples * tick / 4) << "</text>\n";
      }
      for (size_t m = 0; m < config.methods.size(); ++m) {
        const ModelSummary &s = results.summary(p, m, n);
        std::string points;
        for (int k = 0; k < kCheckpoints; ++k) {
          if (s.curve[k] <= 0)
            continue;
          char point[48];
          std::snprintf(point, sizeof(point), "%.1f,%.1f ", xOf(k),
                        yOf(s.curve[k]));
          points += point;
        }
        if (points.empty())
          continue;
        os << "<polyline fill=\"none\" stroke=\"" << color(m)
           << "\" stroke-width=\""
           << (config.methods[m].name == "digamma" ? 2.2 : 1.2)
           << "\" points=\"" << points << "\"/>\n";
      }
    }
    int legendY = 30 + rows * panelHeight + 10;
    for (size_t m = 0; m < config.methods.size(); ++m) {
      int x = 10 + int(m % 5) * 200, y = legendY + int(m / 5) * 18;
      os << "<line x1=\"" << x << "\" x2=\"" << x + 24 << "\" y1=\"" << y
         << "\" y2=\"" << y << "\" stroke=\"" << color(m)
         << "\" stroke-width=\"2\"/>\n<text x=\"" << x + 30 << "\" y=\""
         << y + 4 << "\">" << config.methods[m].title << " ("
         << config.methods[m].name << ")</text>\n";
    }
    os << "</svg>\n";
  }

private:
  const Config &config;
  const Workload &workload;
  const Results &results;
};

void writeLayersCsv(std::ostream &os, const Config &config,
                    const Workload &workload, const Runner &runner) {
  os << "platform,method,seed,problem,class,N,K,C,Y,X,R,S,found,cycles,"
        "area_um2,num_pes,energy_nj,samples,seconds,message\n";
  for (size_t j = 0; j < runner.allJobs().size(); ++j) {
    const Job &job = runner.allJobs()[j];
    const Outcome &outcome = runner.outcomeOf(j);
    const cost::Layer &l = workload.problems[job.problem];
    std::string message = outcome.message;
    // One field on one line.
    std::replace(message.begin(), message.end(), ',', ';');
    std::replace(message.begin(), message.end(), '\n', ' ');
    os << formatString(
        "%s,%s,%llu,%zu,%s,%lld,%lld,%lld,%lld,%lld,%lld,%lld,%d,%lld,%.2f,"
        "%lld,%.6g,%lld,%.4f,%s\n",
        config.platforms[job.platform].name.c_str(),
        config.methods[job.method].name.c_str(),
        config.methods[job.method].seeded
            ? (unsigned long long)config.seeds[job.seed]
            : 0ULL,
        job.problem, std::string(cost::layerClassName(l.layerClass)).c_str(),
        (long long)l.n, (long long)l.k, (long long)l.c, (long long)l.y,
        (long long)l.x, (long long)l.r, (long long)l.s, outcome.found ? 1 : 0,
        (long long)outcome.cycles, outcome.areaUm2, (long long)outcome.numPEs,
        outcome.energyNJ, (long long)outcome.samples, outcome.seconds,
        message.c_str());
  }
}

void writeFile(const std::string &path, const std::string &text) {
  std::ofstream file(path);
  if (!file || !(file << text) || !(file.flush()))
    fail("cannot write '" + path + "'");
}

} // namespace

int main(int argc, char **argv) {
  Config config = parseCommandLine(argc, argv);
  Workload workload = loadWorkload(config);
  if (::mkdir(config.outDir.c_str(), 0777) != 0 && errno != EEXIST)
    fail("cannot create output directory '" + config.outDir +
         "': " + std::strerror(errno));
  struct stat info;
  if (::stat(config.outDir.c_str(), &info) != 0 || !S_ISDIR(info.st_mode))
    fail("'" + config.outDir + "' is not a directory");

  size_t layers = 0;
  for (const Model &model : workload.models)
    layers += model.numLayers;
  if (!config.quiet)
    std::fprintf(stderr,
                 "%s: %zu models, %zu layers, %zu distinct; %zu platforms, "
                 "%zu methods, %zu seeds, %lld samples per layer, %u "
                 "threads\n",
                 kTool, workload.models.size(), layers,
                 workload.problems.size(), config.platforms.size(),
                 config.methods.size(), config.seeds.size(),
                 (long long)config.samples, config.threads);
  Runner runner(config, workload);
  runner.run();
  Results results(config, workload, runner);
  Report report(config, workload, results);

  std::ostringstream tables, csv, layersCsv;
  report.writeTables(tables);
  report.writeResultsCsv(csv);
  writeLayersCsv(layersCsv, config, workload, runner);
  writeFile(config.outDir + "/tables.md", tables.str());
  writeFile(config.outDir + "/results.csv", csv.str());
  writeFile(config.outDir + "/layers.csv", layersCsv.str());
  for (size_t p = 0; p < config.platforms.size(); ++p) {
    std::ostringstream svg;
    report.writeSvg(svg, p);
    writeFile(config.outDir + "/trace-" + config.platforms[p].name + ".svg",
              svg.str());
  }
  std::fputs(tables.str().c_str(), stdout);
  double cpu = 0;
  for (size_t j = 0; j < runner.allJobs().size(); ++j)
    cpu += runner.outcomeOf(j).seconds;
  std::fprintf(stderr,
               "%s: %zu searches in %.1f s wall (%.1f s of search time over "
               "%u threads); results in %s/\n",
               kTool, runner.allJobs().size(), runner.wallSeconds, cpu,
               config.threads, config.outDir.c_str());
  return 0;
}
