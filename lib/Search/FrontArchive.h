//===- FrontArchive.h - Bounded archive and NSGA-II ranking -----*- C++ -*-===//
//
// Private to lib/Search: what every front search shares. The archive keeps
// the non-dominated designs offered to it, at most a capacity of them: when
// full, the most crowded design goes (crowding distance over log-scaled
// figures, so each figure's extremes always stay). The ranking orders a
// population by non-dominated front, then by crowding (NSGA-II). Both
// allocate once, at construction: offering and ranking allocate nothing
// unless the payload does when copied.
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_LIB_SEARCH_FRONTARCHIVE_H
#define DIGAMMA_LIB_SEARCH_FRONTARCHIVE_H

#include "digamma/Search/Encoding.h"
#include "digamma/Search/Front.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <functional>
#include <limits>
#include <numeric>
#include <utility>
#include <vector>

namespace digamma::search::detail {

/// Log of a positive figure (see pickDesign).
inline double logFigure(double value) {
  return std::log(std::max(value, std::numeric_limits<double>::min()));
}

/// Crowding distances of \p size points whose log figures are \p logs
/// (\p count of them each), written to \p distance; \p order is scratch.
/// Boundary points of every figure get infinity.
inline void crowdingDistances(const Figures *logs, size_t size, int count,
                              std::vector<size_t> &order,
                              std::vector<double> &distance) {
  std::fill(distance.begin(), distance.begin() + size, 0.0);
  if (size < 3) {
    std::fill(distance.begin(), distance.begin() + size,
              std::numeric_limits<double>::infinity());
    return;
  }
  for (int k = 0; k < count; ++k) {
    std::iota(order.begin(), order.begin() + size, size_t(0));
    std::sort(order.begin(), order.begin() + size, [&](size_t a, size_t b) {
      return logs[a][k] != logs[b][k] ? logs[a][k] < logs[b][k] : a < b;
    });
    size_t first = order[0], last = order[size - 1];
    distance[first] = distance[last] = std::numeric_limits<double>::infinity();
    double span = logs[last][k] - logs[first][k];
    if (!(span > 0))
      continue;
    for (size_t j = 1; j + 1 < size; ++j)
      distance[order[j]] +=
          (logs[order[j + 1]][k] - logs[order[j - 1]][k]) / span;
  }
}

/// True if \p a dominates \p b in the first \p count figures: dominates()
/// of Front.h, inline for the searches' inner loops.
inline bool dominatesFigures(const Figures &a, const Figures &b, int count) {
  bool better = false;
  for (int k = 0; k < count; ++k) {
    if (a[k] > b[k])
      return false;
    better |= a[k] < b[k];
  }
  return better;
}

/// The non-dominated designs offered so far, at most `capacity` of them
/// once finish() has run. Between pruning rounds it holds up to twice the
/// capacity; a round computes the crowding distances once and drops the
/// most crowded half (NSGA-II's truncation), finish() then drops one most
/// crowded design at a time, recomputing the distances after each.
template <typename Payload> class FrontArchive {
public:
  FrontArchive(int count, size_t capacity)
      : count(count), capacity(std::max<size_t>(capacity, 2)),
        entries(2 * this->capacity + 1), logs(2 * this->capacity + 1),
        order(2 * this->capacity + 1), distance(2 * this->capacity + 1) {}

  /// Keeps \p payload with \p figures unless an archived design is as good
  /// in every figure; drops the designs it dominates. Returns whether it
  /// was kept (it may still be pruned later).
  bool offer(const Payload &payload, const Figures &figures) {
    for (size_t i = 0; i < size;) {
      const Figures &other = entries[i].figures;
      bool noWorse = true;
      for (int k = 0; k < count; ++k)
        noWorse &= other[k] <= figures[k];
      if (noWorse)
        return false;
      if (dominatesFigures(figures, other, count)) {
        removeAt(i);
        continue;
      }
      ++i;
    }
    entries[size].payload = payload;
    entries[size].figures = figures;
    for (int k = 0; k < count; ++k)
      logs[size][k] = logFigure(figures[k]);
    ++size;
    if (size > 2 * capacity)
      pruneTo(capacity, /*oneAtATime=*/false);
    return true;
  }

  /// Prunes to the capacity, one most crowded design at a time.
  void finish() { pruneTo(capacity, /*oneAtATime=*/true); }

  size_t length() const { return size; }
  /// The indices of the archived designs by their figures (ascending, the
  /// first figure first), as a front lists them.
  std::vector<size_t> byFigures() const {
    std::vector<size_t> indices(size);
    std::iota(indices.begin(), indices.end(), size_t(0));
    std::sort(indices.begin(), indices.end(), [&](size_t a, size_t b) {
      const Figures &x = entries[a].figures, &y = entries[b].figures;
      return x != y ? x < y : a < b;
    });
    return indices;
  }
  const Payload &payload(size_t i) const { return entries[i].payload; }
  const Figures &figures(size_t i) const { return entries[i].figures; }

private:
  struct Entry {
    Payload payload;
    Figures figures{};
  };

  void removeAt(size_t i) {
    --size;
    if (i != size) {
      std::swap(entries[i], entries[size]);
      std::swap(logs[i], logs[size]);
    }
  }

  void pruneTo(size_t target, bool oneAtATime) {
    while (size > target) {
      crowdingDistances(logs.data(), size, count, order, distance);
      // The most crowded first (ties: the later entry), then drop them
      // from the back so that indices stay valid.
      size_t drop = oneAtATime ? 1 : size - target;
      std::iota(order.begin(), order.begin() + size, size_t(0));
      std::partial_sort(order.begin(), order.begin() + drop,
                        order.begin() + size, [&](size_t a, size_t b) {
                          return distance[a] != distance[b]
                                     ? distance[a] < distance[b]
                                     : a > b;
                        });
      std::sort(order.begin(), order.begin() + drop, std::greater<size_t>());
      for (size_t k = 0; k < drop; ++k)
        removeAt(order[k]);
    }
  }

  int count;
  size_t capacity;
  size_t size = 0;
  std::vector<Entry> entries;
  std::vector<Figures> logs;
  std::vector<size_t> order;
  std::vector<double> distance;
};

/// NSGA-II's order of a population: valid before invalid, then by
/// non-dominated front, then by crowding distance (larger first), then by
/// index.
class FrontRanking {
public:
  explicit FrontRanking(size_t maxSize)
      : dominated(maxSize * maxSize), counts(maxSize), ranks(maxSize),
        logs(maxSize), order(maxSize), scratch(maxSize), distance(maxSize),
        frontDistance(maxSize), members(maxSize), next(maxSize),
        maxSize(maxSize) {}

  /// Ranks the \p size individuals \p population, whose first \p count
  /// figures are \p figures (ignored for invalid individuals).
  void rank(const Individual *population, const Figures *figures, size_t size,
            int count);
  /// After rank(): the indices in NSGA-II order (the first `size` entries).
  const std::vector<size_t> &sorted() const { return order; }
  /// Front (0 first; invalid individuals last) and crowding distance.
  int rankOf(size_t i) const { return ranks[i]; }
  double crowdingOf(size_t i) const { return distance[i]; }

private:
  std::vector<char> dominated; ///< dominated[i * maxSize + j]: i beats j
  std::vector<int> counts, ranks;
  /// Per front: its members' log figures and crowding distances.
  std::vector<Figures> logs;
  std::vector<size_t> order, scratch;
  std::vector<double> distance, frontDistance;
  std::vector<size_t> members, next;
  size_t maxSize;
};

//===----------------------------------------------------------------------===//
// The front searches of one layer (ParetoDiGamma.cpp, Baselines.cpp)
//===----------------------------------------------------------------------===//

/// \p options scored as the front searches score individuals: latency as
/// the objective, energy as the tie-break (areaUm2 is always scored).
SearchOptions frontScoring(const SearchOptions &options);
/// The figures of an individual scored by frontScoring's options.
Figures figuresOfScored(const ParetoSettings &settings, const Individual &ind);
/// Offers such a valid individual to \p archive.
void offerScored(FrontArchive<Individual> &archive,
                 const ParetoSettings &settings, const Individual &ind);
/// What a front search of one layer works on: the layer's space scored as
/// frontScoring says (the space keeps a reference to its options), and the
/// archive its designs go to.
struct LayerFront {
  LayerFront(const cost::Layer &layer, const SearchOptions &options)
      : scoring(frontScoring(options)), space(layer, scoring),
        archive(options.pareto.numObjectives,
                size_t(options.pareto.frontCapacity)) {}
  SearchOptions scoring;
  SearchSpace space;
  FrontArchive<Individual> archive;
};

/// The result of a front search of \p space (frontScoring's options):
/// the archive, pruned to its capacity, as a front sorted by figures, and
/// its pick's design; or, with an empty archive, why nothing was found.
SearchResult frontResult(const SearchSpace &space,
                         FrontArchive<Individual> &archive,
                         int64_t samplesUsed);

} // namespace digamma::search::detail

#endif // DIGAMMA_LIB_SEARCH_FRONTARCHIVE_H
