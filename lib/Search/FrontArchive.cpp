//===- FrontArchive.cpp - NSGA-II ranking of a population -----------------===//

#include "FrontArchive.h"

using namespace digamma;
using namespace digamma::search;
using namespace digamma::search::detail;

void FrontRanking::rank(const Individual *population, const Figures *figures,
                        size_t size, int count) {
  size = std::min(size, maxSize);
  constexpr int kInvalidRank = std::numeric_limits<int>::max();
  for (size_t j = 0; j < size; ++j) {
    counts[j] = 0;
    ranks[j] = kInvalidRank;
    distance[j] = 0;
  }
  for (size_t i = 0; i < size; ++i) {
    if (!population[i].valid)
      continue;
    for (size_t j = 0; j < size; ++j) {
      bool beats = population[j].valid && j != i &&
                   dominatesFigures(figures[i], figures[j], count);
      dominated[i * maxSize + j] = beats;
      counts[j] += beats;
    }
  }
  // Peel the fronts: members of front r have no dominator left.
  size_t frontSize = 0;
  for (size_t j = 0; j < size; ++j)
    if (population[j].valid && counts[j] == 0)
      members[frontSize++] = j;
  for (int r = 0; frontSize > 0; ++r) {
    for (size_t m = 0; m < frontSize; ++m) {
      ranks[members[m]] = r;
      for (int k = 0; k < count; ++k)
        logs[m][k] = logFigure(figures[members[m]][k]);
    }
    crowdingDistances(logs.data(), frontSize, count, scratch, frontDistance);
    for (size_t m = 0; m < frontSize; ++m)
      distance[members[m]] = frontDistance[m];
    size_t nextSize = 0;
    for (size_t m = 0; m < frontSize; ++m) {
      size_t i = members[m];
      for (size_t j = 0; j < size; ++j)
        if (dominated[i * maxSize + j] && --counts[j] == 0)
          next[nextSize++] = j;
    }
    std::swap(members, next);
    frontSize = nextSize;
  }
  std::iota(order.begin(), order.begin() + size, size_t(0));
  std::sort(order.begin(), order.begin() + size, [&](size_t a, size_t b) {
    if (ranks[a] != ranks[b])
      return ranks[a] < ranks[b];
    if (distance[a] != distance[b])
      return distance[a] > distance[b];
    return a < b;
  });
}
