//===- ModelPareto.cpp - The front of one chip for a model ----------------===//
//
// runModelPareto: whole-model searches of single figures, at the full
// budget and (with area among the figures) at smaller budgets, whose final
// pools and the smallest chip feed one archive of chips. Searches run one
// after another, each deterministic for its seed, so the front is too.
//
//===----------------------------------------------------------------------===//

#include "digamma/Search/Pareto.h"

#include "FrontArchive.h"
#include "ModelSearchImpl.h"

#include <cmath>

using namespace digamma;
using namespace digamma::search;
using namespace digamma::search::detail;

namespace {

/// Budget shares of the searches. With area a figure: latency's search at
/// the full budget 35 %, energy's 15 % (35 % without latency), and four
/// searches at smaller budgets share the rest. Without area: latency 50 %,
/// energy 20 %, the energy-delay product (a compromise chip) 30 %. Each
/// whole-model search spends 40 % of its share on per-layer warm starts.
constexpr double kLatencyShare = 0.35, kEnergyShare = 0.15,
                 kEnergyAloneShare = 0.35;
constexpr double kLatencyShareNoArea = 0.5, kEnergyShareNoArea = 0.2;
constexpr int kSmallerBudgets = 4;

struct ChipSearch {
  Objective objective, tieBreak;
  double areaBudgetUm2;
  double share;
};

} // namespace

ModelSearchResult
digamma::search::runModelPareto(const std::vector<ModelLayer> &layers,
                                const SearchOptions &options) {
  const ParetoSettings &settings = options.pareto;
  bool hasLatency = false, hasEnergy = false, hasArea = false;
  for (int k = 0; k < settings.numObjectives; ++k) {
    hasLatency |= settings.objectives[k] == Objective::Latency;
    hasEnergy |= settings.objectives[k] == Objective::Energy;
    hasArea |= settings.objectives[k] == Objective::Area;
  }
  FrontArchive<FrontDesign> archive(settings.numObjectives,
                                    size_t(settings.frontCapacity));
  auto offer = [&](const FrontDesign &design) {
    archive.offer(design, figuresOf(settings, design.cycles, design.energyNJ,
                                    design.areaUm2));
  };
  int64_t used = 2 * static_cast<int64_t>(layers.size());
  FrontDesign smallest;
  bool smallestFits = smallestChip(layers, options, smallest) &&
                      smallest.areaUm2 <= options.areaBudgetUm2;
  if (smallestFits)
    offer(smallest);

  double budget = options.areaBudgetUm2;
  std::vector<ChipSearch> searches;
  Objective fast = hasLatency ? Objective::Latency : Objective::Energy;
  Objective fastTie = hasLatency ? Objective::Energy : Objective::Latency;
  if (hasArea) {
    double spent = 0;
    if (hasLatency) {
      searches.push_back(
          {Objective::Latency, Objective::Energy, budget, kLatencyShare});
      spent += kLatencyShare;
    }
    if (hasEnergy) {
      double share = hasLatency ? kEnergyShare : kEnergyAloneShare;
      searches.push_back(
          {Objective::Energy, Objective::Latency, budget, share});
      spent += share;
    }
    // Budgets spaced geometrically between the smallest chip and the
    // budget, where the trade-off between area and the rest lies.
    if (smallestFits && smallest.areaUm2 < budget) {
      double low = std::log(smallest.areaUm2), high = std::log(budget);
      for (int i = 1; i <= kSmallerBudgets; ++i)
        searches.push_back(
            {fast, fastTie,
             std::exp(low + (high - low) * i / (kSmallerBudgets + 1)),
             (1 - spent) / kSmallerBudgets});
    }
  } else {
    searches.push_back(
        {Objective::Latency, Objective::Energy, budget, kLatencyShareNoArea});
    searches.push_back(
        {Objective::Energy, Objective::Latency, budget, kEnergyShareNoArea});
    searches.push_back({Objective::EDP, Objective::Latency, budget,
                        1 - kLatencyShareNoArea - kEnergyShareNoArea});
  }

  ModelSearchResult firstResult;
  for (size_t r = 0; r < searches.size(); ++r) {
    SearchOptions single = options;
    single.objective = searches[r].objective;
    single.tieBreak = searches[r].tieBreak;
    single.areaBudgetUm2 = searches[r].areaBudgetUm2;
    single.samples = std::max<int64_t>(
        static_cast<int64_t>(double(options.samples) * searches[r].share), 1);
    // The first search takes the search's own seed.
    single.seed =
        r == 0 ? options.seed : options.seed * 0x9E3779B97F4A7C15ull + r;
    ModelSearch search(layers, single);
    ModelSearchResult result = search.run();
    used += result.samplesUsed;
    for (const FrontDesign &design : search.poolDesigns())
      offer(design);
    if (r == 0)
      firstResult = std::move(result);
  }

  archive.finish();
  if (archive.length() == 0) {
    // Nothing fits: the full-budget search says why.
    firstResult.samplesUsed = used;
    firstResult.bestPerGeneration.clear();
    return firstResult;
  }
  ModelSearchResult result;
  result.front.settings = settings;
  for (size_t i : archive.byFigures())
    result.front.designs.push_back(archive.payload(i));
  std::vector<Figures> points = result.front.figures();
  result.front.picked = pickDesign(points, settings, settings.pick);
  const FrontDesign &chip = result.front.designs[result.front.picked];
  result.found = true;
  result.hardware = chip.hardware;
  result.mappings = chip.mappings;
  result.costs = chip.costs;
  result.totalCycles = chip.cycles;
  result.totalEnergyNJ = chip.energyNJ;
  result.areaUm2 = chip.areaUm2;
  result.peAreaUm2 =
      cost::digammaAreaUm2(chip.hardware.numPEs, 0, 0,
                           chip.hardware.bytesPerElement, options.model.area);
  result.bufferAreaUm2 = result.areaUm2 - result.peAreaUm2;
  result.objectiveValue = points[result.front.picked][0];
  result.samplesUsed = used;
  return result;
}
