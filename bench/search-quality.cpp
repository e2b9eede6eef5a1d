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
// Usage: digamma-search-quality [--sweep] [samples=40000] [seed=1]
//
//===----------------------------------------------------------------------===//

#include "digamma/CostModel/GammaTable.h"
#include "digamma/Search/Search.h"

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

using namespace digamma;

namespace {

const char *const kModels[] = {
    "resnet18", "resnet50", "mobilenet_v2", "mnasnet", "bert", "ncf", "dlrm"};
constexpr int kNumModels = 7;

struct Platform {
  const char *name;
  double budgetUm2;
};
const Platform kPlatforms[] = {{"edge", search::kEdgeAreaBudgetUm2},
                               {"cloud", search::kCloudAreaBudgetUm2}};

using ProblemKey = std::tuple<int, int64_t, int64_t, int64_t, int64_t, int64_t,
                              int64_t, int64_t, int64_t, int64_t>;

ProblemKey keyOf(const cost::Layer &l) {
  return {int(l.layerClass), l.n,      l.k, l.c, l.y, l.x, l.r, l.s,
          l.strideY,         l.strideX};
}

/// Distinct problems, and per model the problem index of each layer.
struct Workload {
  std::vector<cost::Layer> problems;
  std::vector<std::vector<size_t>> layersOfModel;
  size_t totalLayers = 0;
};

bool loadWorkload(Workload &workload) {
  std::map<ProblemKey, size_t> index;
  for (const char *model : kModels) {
    cost::GammaTable table = cost::readGammaTable(
        std::string(DIGAMMA_MODELS_DIR) + "/" + model + ".csv");
    if (table.failed()) {
      std::fprintf(stderr, "%s: %s\n", model, table.error().c_str());
      return false;
    }
    std::vector<size_t> ids;
    for (const cost::Layer &layer : table.layers) {
      auto [it, inserted] =
          index.emplace(keyOf(layer), workload.problems.size());
      if (inserted)
        workload.problems.push_back(layer);
      ids.push_back(it->second);
    }
    workload.totalLayers += ids.size();
    workload.layersOfModel.push_back(std::move(ids));
  }
  return true;
}

/// Best cycles per problem (-1 if nothing found), searched on all cores.
std::vector<int64_t> searchAll(const Workload &workload,
                               const search::SearchOptions &base,
                               search::Algorithm algorithm) {
  std::vector<int64_t> cycles(workload.problems.size(), -1);
  std::atomic<size_t> nextProblem{0};
  auto work = [&] {
    for (size_t i; (i = nextProblem++) < workload.problems.size();) {
      search::SearchOptions options = base;
      options.threads = 1;
      search::SearchResult result =
          search::getOptimizer(algorithm).run(workload.problems[i], options);
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
                    int m) {
  int64_t total = 0;
  for (size_t id : workload.layersOfModel[m]) {
    if (c[id] < 0)
      return -1;
    total += c[id];
  }
  return total;
}

/// Geomean over models of random / DiGamma; models where either failed are
/// skipped.
double geomeanRatio(const Workload &workload, const std::vector<int64_t> &ga,
                    const std::vector<int64_t> &random) {
  double logSum = 0;
  int counted = 0;
  for (int m = 0; m < kNumModels; ++m) {
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

} // namespace

int main(int argc, char **argv) {
  bool sweep = argc > 1 && std::strcmp(argv[1], "--sweep") == 0;
  int first = sweep ? 2 : 1;
  int64_t samples = argc > first ? std::atoll(argv[first]) : 40000;
  uint64_t seed =
      argc > first + 1 ? std::strtoull(argv[first + 1], nullptr, 10) : 1;
  auto start = std::chrono::steady_clock::now();
  Workload workload;
  if (!loadWorkload(workload))
    return 1;
  std::printf("%zu layers, %zu distinct problems, %lld samples per search, "
              "seed %llu, %u threads\n\n",
              workload.totalLayers, workload.problems.size(),
              (long long)samples, (unsigned long long)seed,
              std::max(1u, std::thread::hardware_concurrency()));

  std::vector<int64_t> randomCycles[2];
  double randomSeconds = 0;
  for (int p = 0; p < 2; ++p) {
    search::SearchOptions options;
    options.samples = samples;
    options.seed = seed;
    options.areaBudgetUm2 = kPlatforms[p].budgetUm2;
    auto begin = std::chrono::steady_clock::now();
    randomCycles[p] = searchAll(workload, options, search::Algorithm::Random);
    randomSeconds += secondsSince(begin);
  }

  if (sweep) {
    std::printf("| setting | population | edge random/DiGamma | cloud "
                "random/DiGamma | DiGamma wall s |\n|---|---|---|---|---|\n");
    for (const Setting &setting : sweepSettings()) {
      double ratios[2];
      auto begin = std::chrono::steady_clock::now();
      for (int p = 0; p < 2; ++p) {
        search::SearchOptions options;
        options.samples = samples;
        options.seed = seed;
        options.areaBudgetUm2 = kPlatforms[p].budgetUm2;
        options.population = setting.population;
        options.genetic = setting.genetic;
        ratios[p] = geomeanRatio(
            workload, searchAll(workload, options, search::Algorithm::DiGamma),
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
  for (int p = 0; p < 2; ++p) {
    search::SearchOptions options;
    options.samples = samples;
    options.seed = seed;
    options.areaBudgetUm2 = kPlatforms[p].budgetUm2;
    auto begin = std::chrono::steady_clock::now();
    std::vector<int64_t> ga =
        searchAll(workload, options, search::Algorithm::DiGamma);
    gaSeconds += secondsSince(begin);
    for (int m = 0; m < kNumModels; ++m) {
      int64_t a = modelCycles(workload, ga, m);
      int64_t b = modelCycles(workload, randomCycles[p], m);
      if (a < 0) {
        std::printf("| %s | %s | none found | | |\n", kPlatforms[p].name,
                    kModels[m]);
        continue;
      }
      if (b < 0) {
        std::printf("| %s | %s | %lld | none found | N/A |\n",
                    kPlatforms[p].name, kModels[m], (long long)a);
        continue;
      }
      std::printf("| %s | %s | %lld | %lld | %.2f |\n", kPlatforms[p].name,
                  kModels[m], (long long)a, (long long)b,
                  double(b) / double(a));
    }
    std::printf("| %s | geomean | | | %.2f |\n", kPlatforms[p].name,
                geomeanRatio(workload, ga, randomCycles[p]));
  }
  std::printf("\nwall time: DiGamma %.1f s, random %.1f s (%zu searches "
              "each over both platforms), total %.1f s\n",
              gaSeconds, randomSeconds, 2 * workload.problems.size(),
              secondsSince(start));
  return 0;
}
