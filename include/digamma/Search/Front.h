//===- Front.h - Non-dominated designs and their figures --------*- C++ -*-===//
//
// What a multi-objective search (Objective::Pareto, Pareto.h) returns: the
// designs of a front with their figures, the one a single answer takes,
// and the figures people compare fronts by (dominance, hypervolume). Part of
// every SearchResult and ModelSearchResult, empty unless a front was asked
// for.
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_SEARCH_FRONT_H
#define DIGAMMA_SEARCH_FRONT_H

#include "digamma/CostModel/CostModel.h"
#include "digamma/Search/Options.h"

#include <array>
#include <cstddef>
#include <vector>

namespace digamma::search {

/// A design's figures in the order of ParetoSettings::objectives (unused
/// entries are 0).
using Figures = std::array<double, kMaxParetoObjectives>;

/// True if \p a is no worse than \p b in each of the first \p count figures
/// and better in one.
bool dominates(const Figures &a, const Figures &b, int count);

/// The figures of \p settings of a design with \p cycles, \p energyNJ and
/// \p areaUm2.
Figures figuresOf(const ParetoSettings &settings, double cycles,
                  double energyNJ, double areaUm2);

/// Index of the design \p pick chooses among \p points (non-dominated, the
/// first settings.numObjectives figures used). Knee: the point nearest the
/// ideal point once every figure is mapped to [0, 1] between its best and
/// worst value on the front in log scale; a figure: its best point, ties
/// going to the knee's order. 0 for an empty list.
size_t pickDesign(const std::vector<Figures> &points,
                  const ParetoSettings &settings, ParetoPick pick);

/// The hypervolume dominated by \p points (each within \p reference in
/// every one of the first \p count figures; others are ignored) up to
/// \p reference, computed exactly by pagmo2's hypervolume utilities. 0 for
/// no point. Never throws.
double hypervolume(const std::vector<Figures> &points, const Figures &reference,
                   int count);

/// Hypervolumes of fronts of one problem on a common scale: every figure
/// is mapped to [0, 1] in log scale between its best and worst value over
/// all the fronts' points, and the reference point is 1.1 in each
/// normalized figure, so the largest possible value is 1.1^count. A front
/// without a point has 0.
std::vector<double>
comparableHypervolumes(const std::vector<std::vector<Figures>> &fronts,
                       int count);

/// One design of a front: the hardware, and the mapping and cost of each
/// layer (one layer for an op's front, every layer for a shared chip's).
struct FrontDesign {
  cost::Hardware hardware;
  std::vector<cost::Mapping> mappings;
  std::vector<cost::CostReport> costs;
  /// Cycles and energy (a shared chip's: weighted sums over its layers)
  /// and area.
  double cycles = 0, energyNJ = 0, areaUm2 = 0;
};

/// The non-dominated designs of a multi-objective search.
struct Front {
  ParetoSettings settings;
  /// By the first figure, then the next ones, ascending.
  std::vector<FrontDesign> designs;
  /// The design settings.pick chose.
  size_t picked = 0;

  bool empty() const { return designs.empty(); }
  /// Every design's figures, in the order of designs.
  std::vector<Figures> figures() const;
};

} // namespace digamma::search

#endif // DIGAMMA_SEARCH_FRONT_H
