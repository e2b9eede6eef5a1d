//===- search-quality.cpp - DiGamma versus random sampling ----------------===//
//
// For the seven bundled models, edge (0.2 mm^2) and cloud (7.0 mm^2): the
// total latency of the designs DiGamma and uniform random sampling of the
// same encoding find at the same sampling budget, per model, and the
// geometric mean over models of random / DiGamma. Identical layers (same
// problem) are searched once per platform. Distinct problems run in
// parallel on every core, each search single-threaded.
//
// With --sweep, it instead compares hyper-parameter settings of DiGamma
// (the measurement behind the defaults, see docs/search.md): for each
// setting, the geomean of random / DiGamma per platform.
//
// Usage: digamma-search-quality [--sweep] [samples [seed]] (--help)
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

/// Best cycles per problem (-1 if nothing found) with \p plan's algorithm
/// and \p genetic, searched on all cores, each search on one.
std::vector<int64_t> searchAll(const Workload &workload,
                               const api::SearchPlan &plan,
                               const search::GeneticParameters &genetic) {
  const std::vector<api::LayerProblem> &problems = workload.table.problems();
  std::vector<int64_t> cycles(problems.size(), -1);
  std::atomic<size_t> nextProblem{0};
  auto work = [&] {
    for (size_t i; (i = nextProblem++) < problems.size();) {
      search::SearchOptions options = plan.optionsFor(problems[i]);
      options.genetic = genetic;
      search::SearchResult result =
          search::getOptimizer(plan.algorithm).run(problems[i].layer, options);
      cycles[i] = result.found ? result.cost.cycles : -1;
    }
  };
  unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::thread> workers;
  for (unsigned t = 1; t < threads; ++t)
    workers.emplace_back(work);
  work();
  for (std::thread &worker : workers)
    worker.join();
  return cycles;
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

void printHelp() {
  std::printf(
      "Usage: %s [--sweep] [samples [seed]]\n"
      "DiGamma against random sampling of its encoding at the same sampling "
      "budget,\non the seven bundled models, edge and cloud: total latency "
      "per model and the\ngeomean of random / DiGamma.\n\n"
      "  samples   sampling budget per distinct layer; default %lld\n"
      "  seed      default 1\n"
      "  --sweep   compare DiGamma's hyper-parameter settings instead "
      "(docs/search.md)\n",
      kTool, (long long)search::kDefaultSamples);
}

/// The plan of \p algorithm on \p platform; exits with the reason if none.
api::SearchPlan planFor(const api::PlatformSpec &platform,
                        search::Algorithm algorithm, int64_t samples,
                        uint64_t seed, int population) {
  api::Request request;
  request.platform = platform.name;
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
  bench::ProgramArguments arguments =
      bench::parseProgramArguments(argc, argv, kTool, printHelp, {"--sweep"});
  bool sweep = arguments.has("--sweep");
  int64_t samples = arguments.samples;
  uint64_t seed = arguments.seed;
  // The request layer's checks, before any search.
  planFor(api::builtinPlatforms()[0], search::Algorithm::DiGamma, samples,
          seed, /*population=*/0);
  auto start = std::chrono::steady_clock::now();
  Workload workload;
  if (!loadWorkload(workload))
    return 1;
  std::printf("%zu layers, %zu distinct problems, %lld samples per search, "
              "seed %llu, %u threads\n\n",
              workload.totalLayers, workload.table.size(),
              (long long)samples, (unsigned long long)seed,
              std::max(1u, std::thread::hardware_concurrency()));

  // The paper's platforms.
  const std::vector<api::PlatformSpec> platforms = {
      *api::findPlatform("edge"), *api::findPlatform("cloud")};
  std::vector<std::vector<int64_t>> randomCycles(platforms.size());
  double randomSeconds = 0;
  for (size_t p = 0; p < platforms.size(); ++p) {
    api::SearchPlan plan = planFor(platforms[p], search::Algorithm::Random,
                                   samples, seed, /*population=*/0);
    auto begin = std::chrono::steady_clock::now();
    randomCycles[p] = searchAll(workload, plan, search::GeneticParameters());
    randomSeconds += secondsSince(begin);
  }

  if (sweep) {
    std::printf("| setting | population | edge random/DiGamma | cloud "
                "random/DiGamma | DiGamma wall s |\n|---|---|---|---|---|\n");
    for (const Setting &setting : sweepSettings()) {
      double ratios[2];
      auto begin = std::chrono::steady_clock::now();
      for (size_t p = 0; p < 2; ++p) {
        api::SearchPlan plan =
            planFor(platforms[p], search::Algorithm::DiGamma, samples, seed,
                    setting.population);
        ratios[p] =
            geomeanRatio(workload, searchAll(workload, plan, setting.genetic),
                         randomCycles[p]);
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
              "DiGamma |\n|---|---|---|---|---|\n");
  double gaSeconds = 0;
  for (size_t p = 0; p < platforms.size(); ++p) {
    api::SearchPlan plan = planFor(platforms[p], search::Algorithm::DiGamma,
                                   samples, seed, /*population=*/0);
    auto begin = std::chrono::steady_clock::now();
    std::vector<int64_t> ga =
        searchAll(workload, plan, search::GeneticParameters());
    gaSeconds += secondsSince(begin);
    const char *platform = platforms[p].name.c_str();
    for (size_t m = 0; m < workload.models.size(); ++m) {
      const char *model = workload.models[m].name.c_str();
      int64_t a = modelCycles(workload, ga, m);
      int64_t b = modelCycles(workload, randomCycles[p], m);
      if (a < 0) {
        std::printf("| %s | %s | none found | | |\n", platform,
                    model);
        continue;
      }
      if (b < 0) {
        std::printf("| %s | %s | %lld | none found | N/A |\n",
                    platform, model, (long long)a);
        continue;
      }
      std::printf("| %s | %s | %lld | %lld | %.2f |\n", platform,
                  model, (long long)a, (long long)b,
                  double(b) / double(a));
    }
    std::printf("| %s | geomean | | | %.2f |\n", platform,
                geomeanRatio(workload, ga, randomCycles[p]));
  }
  std::printf("\nwall time: DiGamma %.1f s, random %.1f s (%zu searches "
              "each over both platforms), total %.1f s\n",
              gaSeconds, randomSeconds,
              platforms.size() * workload.table.size(),
              secondsSince(start));
  return 0;
}
