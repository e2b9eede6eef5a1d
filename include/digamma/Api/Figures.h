//===- Figures.h - The report figures of every front end --------*- C++ -*-===//
//
// What the pass's `report-plot=<dir>` and digamma-bench draw, as panels of
// the chart writer (digamma/Plot/Plot.h): fronts (one panel per pair of
// the first figure and another), latency and energy against the area
// budget, and the per-op breakdown of a design (cycles and energy per op).
// One function per figure kind, so that the pass and the bench draw the
// same data alike. Plain C++17.
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_API_FIGURES_H
#define DIGAMMA_API_FIGURES_H

#include "digamma/Plot/Plot.h"
#include "digamma/Search/Front.h"

#include <string>
#include <vector>

namespace digamma::api {

/// A front and the name of the method (or scope) that found it.
struct NamedFront {
  std::string name;
  const search::Front *front = nullptr;
};

/// The axis label of a front figure: "latency (cycles)", "energy (nJ)" or
/// "area (mm^2)".
std::string figureAxisLabel(search::Objective objective);

/// Panels of fronts that trade off the same figures: the first figure
/// against each other one, a series per front (one mark per design, the
/// pick highlighted). \p title prefixes the panels' titles.
std::vector<plot::Panel> frontPanels(const std::string &title,
                                     const std::vector<NamedFront> &fronts);

/// One point of an area sweep: the totals at one area budget, and the
/// largest chip they took.
struct SweepPoint {
  double budgetMm2 = 0;
  bool found = false;
  double cycles = 0, energyNJ = 0, areaUm2 = 0;
};
struct SweepSeries {
  std::string name;
  std::vector<SweepPoint> points;
};

/// Latency and energy against the area budget (log-log), a series per
/// scope or method; budgets without a design are left out.
std::vector<plot::Panel> sweepPanels(const std::string &title,
                                     const std::vector<SweepSeries> &series);

/// Cycles and energy of each op of a design (once, not weighted), in the
/// order of the figure's ops.
struct OpSeries {
  std::string name;
  std::vector<double> cycles, energyNJ;
};

/// Cycles and energy per op as bars (log scale), a bar per series and op.
/// \p labels name the ops on the axis (short), \p details add to their
/// hover text (the op's name and location).
std::vector<plot::Panel>
breakdownPanels(const std::string &title,
                const std::vector<std::string> &labels,
                const std::vector<std::string> &details,
                const std::vector<OpSeries> &series);

} // namespace digamma::api

#endif // DIGAMMA_API_FIGURES_H
