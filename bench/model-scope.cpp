//===- model-scope.cpp - One chip per model versus per-layer chips --------===//
//
// For the seven bundled models, edge (0.2 mm^2) and cloud (7.0 mm^2):
//  (a) per-layer DiGamma, each layer with its own chip, summed: needs a
//      chip per layer (a heuristic's result, so not a strict bound);
//  (b) the best single chip among those per-layer winners, every layer
//      re-mapped on it by fixed-hardware search at the same total budget
//      (the winner's array shape kept, its mapping the starting point; the
//      per-layer searches of (a) come on top, for free);
//  (m) whole-model DiGamma (scope=model): one chip, a mapping per layer.
// Total cycles are weighted by how often a layer occurs in the model.
//
// Usage: digamma-model-scope [samples=40000] [seed=1]
//
//===----------------------------------------------------------------------===//

#include "digamma/CostModel/GammaTable.h"
#include "digamma/Search/ModelSearch.h"

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
  struct Platform {
    const char *name;
    double budgetUm2;
  } platforms[] = {{"edge", search::kEdgeAreaBudgetUm2},
                   {"cloud", search::kCloudAreaBudgetUm2}};
  auto start = std::chrono::steady_clock::now();
  std::printf("| platform | model | layers | (a) per-layer chips | (b) best "
              "per-layer chip | (m) scope=model | (b)/(m) | (m)/(a) | chip "
              "(m): PEs, L1, L2 elements | PE / buffer area um^2 | chip (b) |\n"
              "|---|---|---|---|---|---|---|---|---|---|---|\n");
  for (const Platform &platform : platforms) {
    double logB = 0, logA = 0;
    int counted = 0;
    for (const char *model : models) {
      cost::GammaTable table = cost::readGammaTable(
          std::string(DIGAMMA_MODELS_DIR) + "/" + model + ".csv");
      if (table.failed()) {
        std::fprintf(stderr, "%s: %s\n", model, table.error().c_str());
        return 1;
      }
      std::map<std::tuple<int, int64_t, int64_t, int64_t, int64_t, int64_t,
                          int64_t, int64_t, int64_t, int64_t>,
               size_t>
          index;
      std::vector<search::ModelLayer> layers;
      for (const cost::Layer &l : table.layers) {
        auto key = std::make_tuple(int(l.layerClass), l.n, l.k, l.c, l.y, l.x,
                                   l.r, l.s, l.strideY, l.strideX);
        auto [it, inserted] = index.emplace(key, layers.size());
        if (inserted)
          layers.push_back({l, 0.0});
        layers[it->second].weight += 1.0;
      }
      search::SearchOptions options;
      options.samples = samples;
      options.seed = seed;
      options.areaBudgetUm2 = platform.budgetUm2;
      std::vector<search::SearchResult> perLayer;
      double lowerBound = 0;
      bool allFound = true;
      for (const search::ModelLayer &layer : layers) {
        perLayer.push_back(search::runDiGamma(layer.layer, options));
        allFound &= perLayer.back().found;
        lowerBound += layer.weight * double(perLayer.back().cost.cycles);
      }
      search::ModelSearchResult best =
          search::runBestPerLayerChip(layers, perLayer, options);
      search::ModelSearchResult shared =
          search::runModelDiGamma(layers, options);
      if (!allFound || !best.found || !shared.found) {
        std::printf("| %s | %s | %zu | %s | %s | %s | | | | | |\n",
                    platform.name, model, layers.size(),
                    allFound ? "ok" : "N/A", best.found ? "ok" : "N/A",
                    shared.found ? "ok" : shared.message.c_str());
        continue;
      }
      double ratioB = best.totalCycles / shared.totalCycles;
      double ratioA = shared.totalCycles / lowerBound;
      logB += std::log(ratioB);
      logA += std::log(ratioA);
      ++counted;
      std::printf("| %s | %s | %zu | %.0f | %.0f | %.0f | %.2f | %.2f | %lld, "
                  "%lld, %lld | %.0f / %.0f | %lld, %lld, %lld |\n",
                  platform.name, model, layers.size(), lowerBound,
                  best.totalCycles, shared.totalCycles, ratioB, ratioA,
                  (long long)shared.hardware.numPEs,
                  (long long)shared.hardware.l1Elements,
                  (long long)shared.hardware.l2Elements, shared.peAreaUm2,
                  shared.bufferAreaUm2, (long long)best.hardware.numPEs,
                  (long long)best.hardware.l1Elements,
                  (long long)best.hardware.l2Elements);
      std::fflush(stdout);
    }
    if (counted)
      std::printf("| %s | geomean | | | | | %.2f | %.2f | | | |\n",
                  platform.name, std::exp(logB / counted),
                  std::exp(logA / counted));
  }
  std::printf(
      "\n%lld samples per layer, seed %llu, %.1f s wall\n", (long long)samples,
      (unsigned long long)seed,
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count());
  return 0;
}
