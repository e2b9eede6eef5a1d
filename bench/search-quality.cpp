//===- search-quality.cpp - DiGamma versus random sampling ----------------===//
//
// For the seven bundled models, edge (0.2 mm^2) and cloud (7.0 mm^2): the
// total latency of the designs DiGamma and uniform random sampling of the
// same encoding find at the same sampling budget, per model, and the
// geometric mean of random / DiGamma. Identical layers are searched once.
//
// Usage: digamma-search-quality [samples=40000] [seed=1]
//
//===----------------------------------------------------------------------===//

#include "digamma/CostModel/GammaTable.h"
#include "digamma/Search/Search.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <tuple>

using namespace digamma;

int main(int argc, char **argv) {
  int64_t samples = argc > 1 ? std::atoll(argv[1]) : 40000;
  uint64_t seed = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 1;
  const char *models[] = {"resnet18", "resnet50", "mobilenet_v2", "mnasnet",
                          "bert",     "ncf",      "dlrm"};
  auto start = std::chrono::steady_clock::now();
  std::printf("| platform | model | DiGamma cycles | random cycles | random / "
              "DiGamma |\n|---|---|---|---|---|\n");
  for (auto [platform, budget] :
       {std::pair{"edge", 200000.0}, std::pair{"cloud", 7000000.0}}) {
    double logSum = 0;
    int counted = 0;
    for (const char *model : models) {
      cost::GammaTable table = cost::readGammaTable(
          std::string(DIGAMMA_MODELS_DIR) + "/" + model + ".csv");
      if (!table.error.empty()) {
        std::fprintf(stderr, "%s: %s\n", model, table.error.c_str());
        return 1;
      }
      std::map<std::tuple<int, int64_t, int64_t, int64_t, int64_t, int64_t,
                          int64_t>,
               std::pair<int64_t, int64_t>>
          cache;
      int64_t ga = 0, random = 0;
      bool randomFailed = false;
      for (const cost::Layer &layer : table.layers) {
        auto key = std::make_tuple(int(layer.layerClass), layer.k, layer.c,
                                   layer.y, layer.x, layer.r, layer.s);
        auto it = cache.find(key);
        if (it == cache.end()) {
          search::SearchOptions options;
          options.samples = samples;
          options.seed = seed;
          options.areaBudgetUm2 = budget;
          search::SearchResult a = search::runDiGamma(layer, options);
          search::SearchResult b = search::runRandomSearch(layer, options);
          it = cache
                   .emplace(key, std::pair{a.found ? a.cost.cycles : -1,
                                           b.found ? b.cost.cycles : -1})
                   .first;
        }
        if (it->second.first < 0) {
          std::fprintf(stderr, "DiGamma found no design for a layer of %s\n",
                       model);
          return 1;
        }
        ga += it->second.first;
        randomFailed |= it->second.second < 0;
        random += it->second.second;
      }
      if (randomFailed) {
        std::printf("| %s | %s | %lld | N/A | N/A |\n", platform, model,
                    (long long)ga);
        continue;
      }
      double ratio = double(random) / double(ga);
      logSum += std::log(ratio);
      ++counted;
      std::printf("| %s | %s | %lld | %lld | %.2f |\n", platform, model,
                  (long long)ga, (long long)random, ratio);
    }
    std::printf("| %s | geomean | | | %.2f |\n", platform,
                std::exp(logSum / std::max(counted, 1)));
  }
  double seconds = std::chrono::duration<double>(
                       std::chrono::steady_clock::now() - start)
                       .count();
  std::printf("\n%lld samples per search, seed %llu, %.1f s wall\n",
              (long long)samples, (unsigned long long)seed, seconds);
  return 0;
}
