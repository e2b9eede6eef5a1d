//===- ParetoDiGamma.cpp - Fronts of one layer ----------------------------===//
//
// DiGamma's front search and random sampling into the archive, and the
// result both (and NSGA-II, Baselines.cpp) return. Every individual is
// scored with latency as its objective and energy as its tie-break (the
// energy extreme's search scores them the other way round and swaps them
// back), so an individual's figures are known without another evaluation.
//
//===----------------------------------------------------------------------===//

#include "digamma/Search/Pareto.h"

#include "BatchEvaluator.h"
#include "Common.h"
#include "FrontArchive.h"
#include "Genetic.h"
#include "RandomSampling.h"

using namespace digamma;
using namespace digamma::search;
using namespace digamma::search::detail;

namespace {

/// Budget shares of the extremes' DiGamma searches. Latency's converges
/// slowly (on ResNet-50 and MobileNet-V2, 70 % of 40,000 samples left
/// 1 to 4 of 23-27 layers more than 1 % behind the full run), energy's
/// within 15 % of the samples (0.2 % behind); area's extreme is the
/// smallest design, which every first population holds.
constexpr double kLatencyShare = 0.7;
constexpr double kEnergyShare = 0.1;
/// Energy's share when latency is not a figure of the front.
constexpr double kEnergyAloneShare = 0.3;

/// Streams of the searches' seeds; the latency extreme takes the search's
/// own seed, so it follows the single-objective search of that seed.
uint64_t streamSeed(uint64_t seed, uint64_t stream) {
  return seed * 0x9E3779B97F4A7C15ull + stream;
}

/// \p ind scored with \p objective first (latency or energy) as the
/// front searches score individuals: latency first.
Individual latencyFirst(const Individual &ind, Objective objective) {
  Individual copy = ind;
  if (objective != Objective::Latency)
    std::swap(copy.objective, copy.tieBreak);
  return copy;
}

/// Offers every valid individual of the batches it sees to an archive.
class ArchiveObserver final : public ScoredBatchObserver {
public:
  ArchiveObserver(FrontArchive<Individual> &archive,
                  const ParetoSettings &settings, Objective objective)
      : archive(archive), settings(settings), objective(objective) {}
  void observe(const Individual *first, size_t count) override {
    for (size_t i = 0; i < count; ++i)
      if (first[i].valid)
        offerScored(archive, settings, latencyFirst(first[i], objective));
  }

private:
  FrontArchive<Individual> &archive;
  const ParetoSettings &settings;
  Objective objective;
};

} // namespace

Figures detail::figuresOfScored(const ParetoSettings &settings,
                                const Individual &ind) {
  return figuresOf(settings, ind.objective, ind.tieBreak, ind.areaUm2);
}

void detail::offerScored(FrontArchive<Individual> &archive,
                         const ParetoSettings &settings,
                         const Individual &ind) {
  archive.offer(ind, figuresOfScored(settings, ind));
}

SearchOptions detail::frontScoring(const SearchOptions &options) {
  SearchOptions scoring = options;
  scoring.objective = Objective::Latency;
  scoring.tieBreak = Objective::Energy;
  return scoring;
}

SearchResult detail::frontResult(const SearchSpace &space,
                                 FrontArchive<Individual> &archive,
                                 int64_t samplesUsed) {
  const ParetoSettings &settings = space.options.pareto;
  archive.finish();
  if (archive.length() == 0)
    return space.finish(Individual(), samplesUsed, {});
  std::vector<size_t> order = archive.byFigures();
  Front front;
  front.settings = settings;
  for (size_t i : order) {
    SearchResult design = space.finish(archive.payload(i), samplesUsed, {});
    front.designs.push_back({design.hardware,
                             {design.mapping},
                             {design.cost},
                             double(design.cost.cycles),
                             design.cost.energyNJ,
                             design.areaUm2});
  }
  std::vector<Figures> points = front.figures();
  front.picked = pickDesign(points, settings, settings.pick);
  SearchResult result =
      space.finish(archive.payload(order[front.picked]), samplesUsed, {});
  result.objectiveValue = points[front.picked][0];
  result.front = std::move(front);
  return result;
}

SearchResult digamma::search::runParetoDiGamma(const cost::Layer &layer,
                                               const SearchOptions &options) {
  LayerFront search(layer, options);
  const SearchSpace &space = search.space;
  FrontArchive<Individual> &archive = search.archive;
  if (std::optional<std::string> error = checkSearchInputs(space))
    return failedResult(*error);
  const ParetoSettings &settings = options.pareto;
  bool hasLatency = false, hasEnergy = false;
  for (int k = 0; k < settings.numObjectives; ++k) {
    hasLatency |= settings.objectives[k] == Objective::Latency;
    hasEnergy |= settings.objectives[k] == Objective::Energy;
  }
  const int64_t budget = options.samples;
  int64_t used = 0;

  // 1. Each figure's extreme, its searches' last populations kept.
  std::vector<Individual> survivors;
  auto extreme = [&](Objective objective, Objective tieBreak, double share,
                     uint64_t seed) {
    SearchOptions single = options;
    single.objective = objective;
    single.tieBreak = tieBreak;
    single.samples = static_cast<int64_t>(double(budget) * share);
    single.seed = seed;
    if (single.samples < 1)
      return;
    ArchiveObserver observer(archive, settings, objective);
    std::vector<Individual> last;
    used += runGenetic(layer, single, &observer, &last).samplesUsed;
    for (const Individual &ind : last)
      survivors.push_back(latencyFirst(ind, objective));
  };
  if (hasLatency)
    extreme(Objective::Latency, Objective::Energy, kLatencyShare, options.seed);
  if (hasEnergy)
    extreme(Objective::Energy, Objective::Latency,
            hasLatency ? kEnergyShare : kEnergyAloneShare,
            streamSeed(options.seed, 1));

  // 2. NSGA-II with DiGamma's operators: binary tournaments on (front,
  // crowding), children bred and mutated as DiGamma breeds them, parents
  // and children ranked together and the best half kept.
  if (used < budget) {
    const GeneticParameters &ga = options.genetic;
    size_t n = static_cast<size_t>(std::max(populationSize(options), 4));
    Random rng(streamSeed(options.seed, 2));
    BatchEvaluator pool(space, threadCount(options));
    std::vector<Individual> merged(2 * n), kept(n);
    std::vector<Figures> figures(2 * n), keptFigures(n);
    // The parents' front and crowding, from the ranking that chose them.
    std::vector<int> parentRank(n);
    std::vector<double> parentCrowding(n);
    FrontRanking ranking(2 * n);
    // The archive first, then the extremes' survivors, then random designs.
    size_t filled = 0;
    for (size_t i = 0; i < archive.length() && filled < n; ++i)
      merged[filled++] = archive.payload(i);
    for (size_t i = 0; i < survivors.size() && filled < n; ++i)
      merged[filled++] = survivors[i];
    size_t fresh = static_cast<size_t>(
        std::min<int64_t>(int64_t(n - filled), budget - used));
    for (size_t i = 0; i < fresh; ++i)
      space.randomize(merged[filled + i], rng);
    if (filled == 0 && fresh > 0)
      space.smallest(merged[0]);
    pool.evaluate(merged.data() + filled, fresh);
    for (size_t i = filled; i < filled + fresh; ++i)
      if (merged[i].valid)
        offerScored(archive, settings, merged[i]);
    used += static_cast<int64_t>(fresh);
    size_t size = filled + fresh;
    for (size_t i = 0; i < size; ++i)
      figures[i] = figuresOfScored(settings, merged[i]);
    // Ranks \p total individuals of merged and keeps the best n first.
    auto select = [&](size_t total) {
      ranking.rank(merged.data(), figures.data(), total,
                   settings.numObjectives);
      size = std::min(total, n);
      for (size_t k = 0; k < size; ++k) {
        size_t from = ranking.sorted()[k];
        kept[k] = merged[from];
        keptFigures[k] = figures[from];
        parentRank[k] = ranking.rankOf(from);
        parentCrowding[k] = ranking.crowdingOf(from);
      }
      std::copy(kept.begin(), kept.begin() + size, merged.begin());
      std::copy(keptFigures.begin(), keptFigures.begin() + size,
                figures.begin());
    };
    select(size);
    auto tournament = [&] {
      size_t a = rng.uniform(0, int64_t(size) - 1);
      size_t b = rng.uniform(0, int64_t(size) - 1);
      if (parentRank[a] != parentRank[b])
        return parentRank[a] < parentRank[b] ? a : b;
      if (parentCrowding[a] != parentCrowding[b])
        return parentCrowding[a] > parentCrowding[b] ? a : b;
      return std::min(a, b);
    };
    while (used < budget && size > 0) {
      size_t children =
          static_cast<size_t>(std::min<int64_t>(int64_t(n), budget - used));
      Individual *brood = merged.data() + size;
      // Sorted: the first parent is valid if any is.
      bool anyValid = merged[0].valid;
      for (size_t i = 0; i < children; i += 2) {
        bool pair = i + 1 < children;
        if (!anyValid) {
          space.randomize(brood[i], rng);
          if (pair)
            space.randomize(brood[i + 1], rng);
          continue;
        }
        brood[i] = merged[tournament()];
        Individual spare;
        Individual &sibling = pair ? brood[i + 1] : spare;
        sibling = merged[tournament()];
        if (space.searchMapping && rng.chance(ga.crossoverRate))
          crossover(brood[i], sibling, rng);
      }
      for (size_t i = 0; i < children; ++i)
        mutateChild(brood[i], space, rng);
      pool.evaluate(brood, children);
      used += static_cast<int64_t>(children);
      for (size_t i = 0; i < children; ++i) {
        figures[size + i] = figuresOfScored(settings, brood[i]);
        if (brood[i].valid)
          archive.offer(brood[i], figures[size + i]);
      }
      // Environmental selection over parents and children.
      select(size + children);
    }
  }
  return frontResult(space, archive, used);
}

SearchResult digamma::search::runParetoRandom(const cost::Layer &layer,
                                              const SearchOptions &options) {
  LayerFront search(layer, options);
  if (std::optional<std::string> error = checkSearchInputs(search.space))
    return failedResult(*error);
  // As DiGamma's first population, the first batch holds the smallest
  // design (area's extreme).
  auto offer = [&](const Individual *batch, size_t count, int64_t) {
    for (size_t i = 0; i < count; ++i)
      if (batch[i].valid)
        offerScored(search.archive, options.pareto, batch[i]);
  };
  int64_t used = sampleRandomly(search.space, /*smallestFirst=*/true, offer);
  return frontResult(search.space, search.archive, used);
}
