//===- search-quality.cpp - DiGamma versus random sampling and the bound --===//
//
// For the seven bundled models, edge (0.2 mm^2) and cloud (7.0 mm^2): the
// total latency of the designs DiGamma and uniform random sampling of the
// same encoding find at the same sampling budget, per model, the geometric
// mean over models of random / DiGamma, and each model's cycle bound
// (search::cycleBound) with DiGamma's gap to it. Identical layers (same
// problem) are searched once per platform. Distinct problems run in
// parallel on every core, each search single-threaded.
//
// With --sweep, it instead compares hyper-parameter settings of DiGamma
// (the measurement behind the defaults, see docs/search.md): for each
// setting, the geomean of random / DiGamma per platform.
//
// With --levels, it compares DiGamma's level-count settings by their gap to
// the bound (docs/search.md, "Level count"): per model the old default (two
// levels) against the default, then every setting.
//
// --f32 makes every element 4 bytes (as the pass reads the bundled .mlir
// models) instead of the paper's INT8.
//
// Usage: digamma-search-quality [--sweep | --levels] [--f32]
//        [samples [seed]] (--help)
//
//===----------------------------------------------------------------------===//

#include "digamma/Api/Request.h"
#include "digamma/Api/Workload.h"

#include "ProgramArguments.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>
#include <thread>
#include <vector>

using namespace digamma;

namespace {

constexpr const char *kTool = "digamma-search-quality";

/// The bundled models' distinct problems, and the models.
struct Workload {
  api::ProblemTable table;
  std::vector<api::Model> models;
  size_t totalLayers = 0;
};

bool loadWorkload(Workload &workload) {
  for (const std::string &name : api::bundledModels()) {
    api::Model model;
    if (std::optional<std::string> error = api::loadModel(
            api::modelPath(name, DIGAMMA_MODELS_DIR), workload.table, model)) {
      std::fprintf(stderr, "%s: error: %s\n", kTool, error->c_str());
      return false;
    }
    workload.totalLayers += model.numLayers;
    workload.models.push_back(std::move(model));
  }
  return true;
}

/// What a search of every problem is asked beyond the plan: DiGamma's rates
/// and, if not 0, a level range.
struct Variant {
  search::GeneticParameters genetic;
  int minLevels = 0, maxLevels = 0;
};

/// Per distinct problem: the best cycles (-1 if nothing was found) and the
/// search's CPU seconds.
struct Searched {
  std::vector<int64_t> cycles;
  std::vector<double> cpuSeconds;
};

/// CPU time of the calling thread: the search's own cost, whatever else
/// runs on the machine.
double threadCpuSeconds() {
  timespec now;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return double(now.tv_sec) + 1e-9 * double(now.tv_nsec);
}

/// Every problem with \p plan's algorithm and \p variant, searched on all
/// cores, each search on one.
Searched searchAll(const Workload &workload, const api::SearchPlan &plan,
                   const Variant &variant = {}) {
  const std::vector<api::LayerProblem> &problems = workload.table.problems();
  Searched out;
  out.cycles.assign(problems.size(), -1);
  out.cpuSeconds.assign(problems.size(), 0);
  std::atomic<size_t> nextProblem{0};
  auto work = [&] {
    for (size_t i; (i = nextProblem++) < problems.size();) {
      double begin = threadCpuSeconds();
      search::SearchOptions options = plan.optionsFor(problems[i]);
      options.genetic = variant.genetic;
      if (variant.maxLevels > 0) {
        options.minLevels = variant.minLevels;
        options.maxLevels = variant.maxLevels;
      }
      search::SearchResult result =
          search::getOptimizer(plan.algorithm)
              .run(plan.layerFor(problems[i]), options);
      out.cycles[i] = result.found ? result.cost.cycles : -1;
      out.cpuSeconds[i] = threadCpuSeconds() - begin;
    }
  };
  unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::thread> workers;
  for (unsigned t = 1; t < threads; ++t)
    workers.emplace_back(work);
  work();
  for (std::thread &worker : workers)
    worker.join();
  return out;
}

/// The cycle bound of every problem under \p plan, and its MACs-over-PEs
/// term.
struct Bounds {
  std::vector<int64_t> cycles, peCycles;
};

Bounds boundsOf(const Workload &workload, const api::SearchPlan &plan) {
  Bounds bounds;
  for (const api::LayerProblem &problem : workload.table.problems()) {
    cost::CycleBound bound =
        search::cycleBound(plan.layerFor(problem), plan.optionsFor(problem));
    bounds.cycles.push_back(bound.cycles);
    bounds.peCycles.push_back(bound.peCycles);
  }
  return bounds;
}

/// CPU seconds of the searches of model \p m's distinct problems.
double modelSeconds(const Workload &workload, const Searched &searched,
                    size_t m) {
  double seconds = 0;
  for (auto [id, occurrences] : workload.models[m].problems)
    seconds += searched.cpuSeconds[id];
  return seconds;
}

/// Total cycles of model \p m, or -1 if some layer has no design.
int64_t modelCycles(const Workload &workload, const std::vector<int64_t> &c,
                    size_t m) {
  int64_t total = 0;
  for (auto [id, occurrences] : workload.models[m].problems) {
    if (c[id] < 0)
      return -1;
    total += static_cast<int64_t>(occurrences) * c[id];
  }
  return total;
}

/// Geomean over models of random / DiGamma; models where either failed are
/// skipped.
double geomeanRatio(const Workload &workload, const std::vector<int64_t> &ga,
                    const std::vector<int64_t> &random) {
  double logSum = 0;
  int counted = 0;
  for (size_t m = 0; m < workload.models.size(); ++m) {
    int64_t a = modelCycles(workload, ga, m);
    int64_t b = modelCycles(workload, random, m);
    if (a <= 0 || b <= 0)
      continue;
    logSum += std::log(double(b) / double(a));
    ++counted;
  }
  return std::exp(logSum / std::max(counted, 1));
}

double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
      .count();
}

struct Setting {
  const char *name;
  int population;
  search::GeneticParameters genetic;
};

std::vector<Setting> sweepSettings() {
  // The reference's own choices: uniform tiles, unit initial tiles, none of
  // our two extra operators.
  search::GeneticParameters reference;
  reference.logUniformTiles = false;
  reference.unitInitialTiles = true;
  reference.divisorTileRate = 0;
  reference.fitParallelismRate = 0;
  search::GeneticParameters chosen; // the library's defaults
  std::vector<Setting> settings;
  settings.push_back(
      {"reference (pop 100, uniform tiles, unit init)", 100, reference});
  search::GeneticParameters g = reference;
  g.logUniformTiles = true;
  settings.push_back({"reference + log-uniform tiles", 100, g});
  g = reference;
  g.unitInitialTiles = false;
  settings.push_back({"reference + random initial tiles", 100, g});
  settings.push_back({"defaults (pop 100)", 100, chosen});
  for (int population : {20, 50, 200, 400})
    settings.push_back({"defaults, population", population, chosen});
  g = chosen;
  g.eliteRatio = 0.1;
  g.parentsRatio = 0.25;
  settings.push_back({"defaults, elite 0.10, parents 0.25", 100, g});
  g = chosen;
  g.mutateMapLoci = 1;
  settings.push_back({"defaults, 1 mutate-map locus", 100, g});
  for (double rate : {0.5, 0.0}) {
    g = chosen;
    g.fanOutRate = rate;
    settings.push_back({rate > 0 ? "defaults, fan-out PE rule 0.5"
                                 : "defaults, fan-out PE rule 0",
                        100, g});
  }
  g = chosen;
  g.crossoverRate = 0;
  settings.push_back({"defaults, no crossover", 100, g});
  g = chosen;
  g.divisorTileRate = 0;
  settings.push_back({"defaults, no divisor tiles", 100, g});
  g = chosen;
  g.divisorTileRate = 0.15;
  settings.push_back({"defaults, divisor tiles 0.15", 100, g});
  g = chosen;
  g.fitParallelismRate = 0;
  settings.push_back({"defaults, no parallelism fit", 100, g});
  for (double rate : {0.1, 0.4}) {
    g = chosen;
    g.fitParallelismRate = rate;
    settings.push_back({rate < 0.2 ? "defaults, parallelism fit 0.1"
                                   : "defaults, parallelism fit 0.4",
                        100, g});
  }
  g = chosen;
  g.divisorTileRate = 0;
  g.fitParallelismRate = 0;
  settings.push_back({"defaults without both new operators", 100, g});
  return settings;
}

/// A level-count setting of the --levels sweep.
struct LevelSetting {
  const char *name;
  Variant variant;
};

std::vector<LevelSetting> levelSettings() {
  // Without the schedule: a start tolerance below -1 is never met, so the
  // whole range is open from the start.
  search::GeneticParameters whole;
  whole.levelStartTolerance = -2;
  std::vector<LevelSetting> settings = {
      {"2 levels (the old default)", {whole, 2, 2}},
      {"2-3 levels, no schedule", {whole, 2, 3}},
      {"3 levels", {whole, 3, 3}},
  };
  struct Schedule {
    const char *name;
    double start, at, gap;
  };
  for (const Schedule &s : std::initializer_list<Schedule>{
           {"2-3, start 5%, never open", 0.05, 1, 1e300},
           {"2-3, start 20%, never open", 0.20, 1, 1e300},
           {"2-3, start 5%, open at 1/8 above 1.25x", 0.05, 0.125, 1.25},
           {"2-3, start 5%, open at 1/8 above 1.5x", 0.05, 0.125, 1.5},
           {"2-3, start 10%, open at 1/8 above 1.5x", 0.10, 0.125, 1.5},
           {"2-3, start 20%, open at 1/8 above 1.5x", 0.20, 0.125, 1.5},
           {"2-3, start 20%, open at 1/4 above 1.5x", 0.20, 0.25, 1.5},
           {"2-3, start 20%, open at 1/8 above 2x", 0.20, 0.125, 2.0},
       }) {
    search::GeneticParameters g;
    g.levelStartTolerance = s.start;
    g.levelWidenAt = s.at;
    g.levelWidenGap = s.gap;
    settings.push_back({s.name, {g, 2, 3}});
  }
  return settings;
}

/// The models whose gap the target is about.
bool isCnn(const std::string &model) {
  return model == "resnet18" || model == "resnet50" ||
         model == "mobilenet_v2" || model == "mnasnet";
}

/// --levels on one platform: the old default against the default per
/// model, then every setting's gap per model.
void compareLevels(const Workload &workload, const api::SearchPlan &plan,
                   const std::string &platform) {
  Bounds bounds = boundsOf(workload, plan);
  std::vector<LevelSetting> settings = levelSettings();
  std::vector<Searched> searched;
  for (const LevelSetting &setting : settings)
    searched.push_back(searchAll(workload, plan, setting.variant));
  const Searched &old = searched[0];
  // The default is one of the settings, or is searched once more.
  const search::GeneticParameters defaults;
  const Searched *chosen = nullptr;
  for (size_t k = 0; k < settings.size() && !chosen; ++k) {
    const Variant &v = settings[k].variant;
    if (v.minLevels == 2 && v.maxLevels == 3 &&
        v.genetic.levelStartTolerance == defaults.levelStartTolerance &&
        v.genetic.levelWidenAt == defaults.levelWidenAt &&
        v.genetic.levelWidenGap == defaults.levelWidenGap)
      chosen = &searched[k];
  }
  Searched own;
  if (!chosen) {
    own = searchAll(workload, plan);
    chosen = &own;
  }

  std::printf("\n### %s: the old default (2 levels) and the default\n\n"
              "| model | bound | MACs / PEs | 2 levels cycles | gap | CPU s "
              "| default cycles | gap | CPU s |\n"
              "|---|---|---|---|---|---|---|---|---|\n",
              platform.c_str());
  for (size_t m = 0; m < workload.models.size(); ++m) {
    double bound = double(modelCycles(workload, bounds.cycles, m));
    std::printf("| %s | %lld | %lld |", workload.models[m].name.c_str(),
                (long long)bound,
                (long long)modelCycles(workload, bounds.peCycles, m));
    for (const Searched *s : {&old, chosen}) {
      int64_t cycles = modelCycles(workload, s->cycles, m);
      std::printf(" %lld | %.3f | %.1f |", (long long)cycles,
                  double(cycles) / bound, modelSeconds(workload, *s, m));
    }
    std::printf("\n");
  }

  std::printf("\n### %s: gap to the bound per setting\n\n| setting |",
              platform.c_str());
  for (const api::Model &model : workload.models)
    std::printf(" %s |", model.name.c_str());
  std::printf(" geomean | worst CNN | CPU s |\n|---|");
  for (size_t m = 0; m < workload.models.size() + 3; ++m)
    std::printf("---|");
  std::printf("\n");
  for (size_t k = 0; k < settings.size(); ++k) {
    std::printf("| %s |", settings[k].name);
    double logSum = 0, worst = 0, seconds = 0;
    for (double s : searched[k].cpuSeconds)
      seconds += s;
    for (size_t m = 0; m < workload.models.size(); ++m) {
      double gap = double(modelCycles(workload, searched[k].cycles, m)) /
                   double(modelCycles(workload, bounds.cycles, m));
      logSum += std::log(gap);
      if (isCnn(workload.models[m].name))
        worst = std::max(worst, gap);
      std::printf(" %.3f |", gap);
    }
    std::printf(" %.3f | %.3f | %.1f |\n",
                std::exp(logSum / double(workload.models.size())), worst,
                seconds);
  }
  std::fflush(stdout);
}

void printHelp() {
  std::printf(
      "Usage: %s [--sweep | --levels] [--f32] [samples [seed]]\n"
      "DiGamma against random sampling of its encoding at the same sampling "
      "budget,\non the seven bundled models, edge and cloud: total latency "
      "per model, the\ngeomean of random / DiGamma, and each model's cycle "
      "bound with DiGamma's gap\nto it.\n\n"
      "  samples   sampling budget per distinct layer; default %lld\n"
      "  seed      default 1\n"
      "  --sweep   compare DiGamma's hyper-parameter settings instead, on two "
      "levels\n            (docs/search.md)\n"
      "  --levels  compare DiGamma's level-count settings by their gap to "
      "the bound\n            (docs/search.md, \"Level count\")\n"
      "  --f32     4-byte elements, as the pass reads the bundled .mlir "
      "models\n            (default 1 byte, the paper's INT8)\n",
      kTool, (long long)search::kDefaultSamples);
}

/// Bytes per element of every search: 1 (the paper's INT8), or 4 with
/// --f32 (what the pass reads from the bundled .mlir models).
int64_t elementBytes = 1;

/// The plan of \p algorithm on \p platform; exits with the reason if none.
api::SearchPlan planFor(const api::PlatformSpec &platform,
                        search::Algorithm algorithm, int64_t samples,
                        uint64_t seed, int population) {
  api::Request request;
  request.platform = platform.name;
  request.options.elementBytes = elementBytes;
  request.options.samples = samples;
  request.options.seed = seed;
  request.options.population = population;
  request.options.algorithm = algorithm;
  api::SearchPlan plan;
  if (std::optional<std::string> error = api::planSearch(request, plan))
    bench::failProgram(kTool, *error);
  return plan;
}

} // namespace

int main(int argc, char **argv) {
  bench::ProgramArguments arguments = bench::parseProgramArguments(
      argc, argv, kTool, printHelp, {"--sweep", "--levels", "--f32"});
  bool sweep = arguments.has("--sweep"), levels = arguments.has("--levels");
  if (sweep && levels)
    bench::failProgram(kTool, "--sweep and --levels are two studies; give one");
  int64_t samples = arguments.samples;
  uint64_t seed = arguments.seed;
  if (arguments.has("--f32"))
    elementBytes = 4;
  // The request layer's checks, before any search.
  planFor(api::builtinPlatforms()[0], search::Algorithm::DiGamma, samples, seed,
          /*population=*/0);
  auto start = std::chrono::steady_clock::now();
  Workload workload;
  if (!loadWorkload(workload))
    return 1;
  std::printf("%zu layers, %zu distinct problems, %lld samples per search, "
              "seed %llu, %lld-byte elements, %u threads\n\n",
              workload.totalLayers, workload.table.size(), (long long)samples,
              (unsigned long long)seed, (long long)elementBytes,
              std::max(1u, std::thread::hardware_concurrency()));
  // The paper's platforms.
  const std::vector<api::PlatformSpec> platforms = {
      *api::findPlatform("edge"), *api::findPlatform("cloud")};

  if (levels) {
    for (size_t p = 0; p < platforms.size(); ++p)
      compareLevels(workload,
                    planFor(platforms[p], search::Algorithm::DiGamma, samples,
                            seed, /*population=*/0),
                    platforms[p].name);
    std::printf("\nCPU s: CPU time of the searches (of the model's distinct "
                "layers, or of all); total %.1f s wall\n",
                secondsSince(start));
    return 0;
  }

  // The hyper-parameter sweep is on two levels, as its tables were made
  // before the level schedule.
  Variant twoLevels;
  twoLevels.minLevels = twoLevels.maxLevels = 2;
  std::vector<Searched> random(platforms.size());
  double randomSeconds = 0;
  for (size_t p = 0; p < platforms.size(); ++p) {
    api::SearchPlan plan = planFor(platforms[p], search::Algorithm::Random,
                                   samples, seed, /*population=*/0);
    auto begin = std::chrono::steady_clock::now();
    random[p] = searchAll(workload, plan, sweep ? twoLevels : Variant());
    randomSeconds += secondsSince(begin);
  }

  if (sweep) {
    std::printf("| setting | population | edge random/DiGamma | cloud "
                "random/DiGamma | DiGamma wall s |\n|---|---|---|---|---|\n");
    for (const Setting &setting : sweepSettings()) {
      double ratios[2];
      auto begin = std::chrono::steady_clock::now();
      Variant variant = twoLevels;
      variant.genetic = setting.genetic;
      for (size_t p = 0; p < 2; ++p) {
        api::SearchPlan plan = planFor(platforms[p], search::Algorithm::DiGamma,
                                       samples, seed, setting.population);
        ratios[p] =
            geomeanRatio(workload, searchAll(workload, plan, variant).cycles,
                         random[p].cycles);
      }
      std::printf("| %s | %d | %.3f | %.3f | %.1f |\n", setting.name,
                  setting.population, ratios[0], ratios[1],
                  secondsSince(begin));
      std::fflush(stdout);
    }
    std::printf("\nrandom search: %.1f s; total %.1f s wall\n", randomSeconds,
                secondsSince(start));
    return 0;
  }

  std::printf("| platform | model | DiGamma cycles | random cycles | random / "
              "DiGamma | bound | DiGamma / bound |\n"
              "|---|---|---|---|---|---|---|\n");
  double gaSeconds = 0;
  for (size_t p = 0; p < platforms.size(); ++p) {
    api::SearchPlan plan = planFor(platforms[p], search::Algorithm::DiGamma,
                                   samples, seed, /*population=*/0);
    auto begin = std::chrono::steady_clock::now();
    std::vector<int64_t> ga = searchAll(workload, plan).cycles;
    gaSeconds += secondsSince(begin);
    std::vector<int64_t> bounds = boundsOf(workload, plan).cycles;
    const char *platform = platforms[p].name.c_str();
    double logGap = 0;
    int gaps = 0;
    for (size_t m = 0; m < workload.models.size(); ++m) {
      const char *model = workload.models[m].name.c_str();
      int64_t a = modelCycles(workload, ga, m);
      int64_t b = modelCycles(workload, random[p].cycles, m);
      int64_t bound = modelCycles(workload, bounds, m);
      if (a < 0) {
        std::printf("| %s | %s | none found | | | %lld | |\n", platform, model,
                    (long long)bound);
        continue;
      }
      double gap = double(a) / double(bound);
      logGap += std::log(gap);
      ++gaps;
      if (b < 0)
        std::printf("| %s | %s | %lld | none found | N/A | %lld | %.3f |\n",
                    platform, model, (long long)a, (long long)bound, gap);
      else
        std::printf("| %s | %s | %lld | %lld | %.2f | %lld | %.3f |\n",
                    platform, model, (long long)a, (long long)b,
                    double(b) / double(a), (long long)bound, gap);
    }
    std::printf("| %s | geomean | | | %.2f | | %.3f |\n", platform,
                geomeanRatio(workload, ga, random[p].cycles),
                std::exp(logGap / std::max(gaps, 1)));
  }
  std::printf("\nwall time: DiGamma %.1f s, random %.1f s (%zu searches "
              "each over both platforms), total %.1f s\n",
              gaSeconds, randomSeconds,
              platforms.size() * workload.table.size(), secondsSince(start));
  return 0;
}
