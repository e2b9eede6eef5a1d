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
// Usage: digamma-model-scope [samples [seed]] (--help)
//
//===----------------------------------------------------------------------===//

#include "digamma/Api/Request.h"
#include "digamma/Api/Workload.h"

#include "ProgramArguments.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

using namespace digamma;

namespace {

constexpr const char *kTool = "digamma-model-scope";

void printHelp() {
  std::printf(
      "Usage: %s [samples [seed]]\n"
      "One chip per model against per-layer chips, on the seven bundled "
      "models, edge\nand cloud: (a) per-layer DiGamma, a chip per layer; (b) "
      "the best per-layer\nwinner's chip, every layer re-mapped on it; (m) "
      "whole-model DiGamma\n(scope=model), one chip and a mapping per "
      "layer.\n\n"
      "  samples   sampling budget per distinct layer; default %lld\n"
      "  seed      default 1\n",
      kTool, (long long)search::kDefaultSamples);
}

} // namespace

int main(int argc, char **argv) {
  bench::ProgramArguments arguments =
      bench::parseProgramArguments(argc, argv, kTool, printHelp);
  api::Request request;
  request.scope = api::Scope::Model;
  request.options.samples = arguments.samples;
  request.options.seed = arguments.seed;
  // Every core for each search; results do not depend on it.
  request.options.threads = 0;

  // The request layer's checks, before any search.
  std::vector<api::SearchPlan> plans;
  // The paper's platforms.
  for (const char *platform : {"edge", "cloud"}) {
    request.platform = platform;
    if (std::optional<std::string> error =
            api::planSearch(request, plans.emplace_back()))
      bench::failProgram(kTool, *error);
  }

  auto start = std::chrono::steady_clock::now();
  std::printf("| platform | model | layers | (a) per-layer chips | (b) best "
              "per-layer chip | (m) scope=model | (b)/(m) | (m)/(a) | chip "
              "(m): PEs, L1, L2 elements | PE / buffer area um^2 | chip (b) |\n"
              "|---|---|---|---|---|---|---|---|---|---|---|\n");
  for (const api::SearchPlan &plan : plans) {
    const api::PlatformSpec &platform = plan.platform;
    double logB = 0, logA = 0;
    int counted = 0;
    for (const std::string &name : api::bundledModels()) {
      api::ProblemTable table;
      api::Model model;
      if (std::optional<std::string> error = api::loadModel(
              api::modelPath(name, DIGAMMA_MODELS_DIR), table, model))
        bench::failProgram(kTool, *error);
      std::vector<api::LayerProblem> layers = api::modelLayers(table, model);
      std::vector<search::ModelLayer> modelLayers;
      std::vector<search::SearchResult> perLayer;
      double lowerBound = 0;
      bool allFound = true;
      for (const api::LayerProblem &layer : layers) {
        modelLayers.push_back({layer.layer, layer.weight});
        perLayer.push_back(api::searchLayer(plan, layer));
        allFound &= perLayer.back().found;
        lowerBound += layer.weight * double(perLayer.back().cost.cycles);
      }
      search::ModelSearchResult best = search::runBestPerLayerChip(
          modelLayers, perLayer, plan.optionsFor(api::LayerProblem()));
      search::ModelSearchResult shared =
          api::searchSharedChip(plan, layers).chip;
      const char *platformName = platform.name.c_str();
      if (!allFound || !best.found || !shared.found) {
        std::printf("| %s | %s | %zu | %s | %s | %s | | | | | |\n",
                    platformName, model.name.c_str(), layers.size(),
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
                  platformName, model.name.c_str(), layers.size(), lowerBound,
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
                  platform.name.c_str(), std::exp(logB / counted),
                  std::exp(logA / counted));
  }
  std::printf(
      "\n%lld samples per layer, seed %llu, %.1f s wall\n",
      (long long)request.options.samples,
      (unsigned long long)request.options.seed,
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count());
  return 0;
}
