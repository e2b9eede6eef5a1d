//===- Figures.h - The report figures of every front end --------*- C++ -*-===//
//
// What the pass's `report-plot=<dir>` and digamma-bench draw, as panels of
// the chart writer (digamma/Plot/Plot.h): fronts (one panel per pair of
// the first figure and another), latency and energy against the area
// budget, the per-op breakdown of a design (cycles and energy per op), and
// the roofline of a design's ops.
// One function per figure kind, so that the pass and the bench draw the
// same data alike. Plain C++17.
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_API_FIGURES_H
#define DIGAMMA_API_FIGURES_H

#include "digamma/Plot/Plot.h"
#include "digamma/Search/Front.h"
#include "digamma/Search/Options.h"

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
/// hover text (the op's name and location). \p boundCycles, when given,
/// marks each op's cycle bound (cost::CycleBound) on the cycles panel.
std::vector<plot::Panel>
breakdownPanels(const std::string &title,
                const std::vector<std::string> &labels,
                const std::vector<std::string> &details,
                const std::vector<OpSeries> &series,
                const std::vector<double> &boundCycles = {});

/// One op of a roofline: its MACs, cycles and off-chip bytes in its design.
struct RooflineOp {
  std::string label;
  double macs = 0, cycles = 0, offchipBytes = 0;
};

/// The roofs of a platform: the most MACs per cycle any chip within its
/// budget can do, and its off-chip bandwidth in bytes per cycle (0 or
/// infinite: unbounded, no bandwidth roof).
struct Roofs {
  double peakMacsPerCycle = 0;
  double offchipBytesPerCycle = 0;
};

/// The roofs of a search's platform: as many PEs as the area budget holds
/// at the MAC's area (fewer under a PE limit; the fixed hardware's in mode
/// fixed-hw) times the SIMD width, and the hardware's off-chip bandwidth.
Roofs roofsOf(const search::SearchOptions &options);

/// The ops of one method's (or scope's) designs.
struct RooflineSeries {
  std::string name;
  std::vector<RooflineOp> ops;
};

/// A roofline panel (log-log): each op at its operational intensity (MACs
/// per off-chip byte) and attained MACs per cycle (MACs over cycles), one
/// mark per op, a series per entry of \p series; the roofs as lines
/// without marks: the compute roof, and at a finite bandwidth the
/// bandwidth roof (bandwidth times intensity) up to the ridge. Ops without
/// off-chip bytes or cycles cannot be placed (the panel says how many).
plot::Panel rooflinePanel(const std::string &title,
                          const std::vector<RooflineSeries> &series,
                          const Roofs &roofs);

} // namespace digamma::api

#endif // DIGAMMA_API_FIGURES_H
