//===- Figures.cpp - The report figures of every front end ----------------===//

#include "digamma/Api/Figures.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

using namespace digamma;
using namespace digamma::api;

static constexpr double kUm2PerMm2 = 1e6;

std::string api::figureAxisLabel(search::Objective objective) {
  switch (objective) {
  case search::Objective::Latency:
    return "latency (cycles)";
  case search::Objective::Energy:
    return "energy (nJ)";
  default:
    return "area (mm^2)";
  }
}

/// A front figure as drawn: area in mm^2, the others as they are.
static double shown(search::Objective objective, double value) {
  return objective == search::Objective::Area ? value / kUm2PerMm2 : value;
}

std::vector<plot::Panel>
api::frontPanels(const std::string &title,
                 const std::vector<NamedFront> &fronts) {
  std::vector<plot::Panel> panels;
  if (fronts.empty() || !fronts[0].front)
    return panels;
  const search::ParetoSettings &settings = fronts[0].front->settings;
  for (int k = 1; k < settings.numObjectives; ++k) {
    plot::Panel panel;
    panel.title = title;
    search::Objective xObjective = settings.objectives[0],
                      yObjective = settings.objectives[k];
    panel.x = {figureAxisLabel(xObjective), plot::Scale::Log, {}};
    panel.y = {figureAxisLabel(yObjective), plot::Scale::Log, {}};
    for (const NamedFront &named : fronts) {
      if (!named.front)
        continue;
      plot::Series series;
      series.name = named.name;
      std::vector<search::Figures> points = named.front->figures();
      for (size_t i = 0; i < points.size(); ++i) {
        const search::FrontDesign &design = named.front->designs[i];
        series.x.push_back(shown(xObjective, points[i][0]));
        series.y.push_back(shown(yObjective, points[i][k]));
        char label[160];
        std::snprintf(label, sizeof(label),
                      "%s: %.6g cycles, %.6g nJ, %.6g mm^2, %lld PEs%s",
                      named.name.c_str(), design.cycles, design.energyNJ,
                      design.areaUm2 / kUm2PerMm2,
                      (long long)design.hardware.numPEs,
                      i == named.front->picked ? " (picked)" : "");
        series.labels.push_back(label);
      }
      if (!points.empty())
        series.highlight = named.front->picked;
      panel.series.push_back(std::move(series));
    }
    panels.push_back(std::move(panel));
  }
  return panels;
}

std::vector<plot::Panel>
api::sweepPanels(const std::string &title,
                 const std::vector<SweepSeries> &series) {
  std::vector<plot::Panel> panels(2);
  panels[0].title = title + ": latency";
  panels[1].title = title + ": energy";
  for (plot::Panel &panel : panels)
    panel.x = {"area budget (mm^2)", plot::Scale::Log, {}};
  panels[0].y = {"latency (cycles)", plot::Scale::Log, {}};
  panels[1].y = {"energy (nJ)", plot::Scale::Log, {}};
  for (const SweepSeries &entry : series) {
    plot::Series cycles, energy;
    cycles.name = energy.name = entry.name;
    cycles.line = energy.line = true;
    for (const SweepPoint &point : entry.points) {
      if (!point.found)
        continue;
      char label[128];
      std::snprintf(label, sizeof(label), "%s at %g mm^2: %.6g cycles, %.6g nJ",
                    entry.name.c_str(), point.budgetMm2, point.cycles,
                    point.energyNJ);
      cycles.x.push_back(point.budgetMm2);
      cycles.y.push_back(point.cycles);
      cycles.labels.push_back(label);
      energy.x.push_back(point.budgetMm2);
      energy.y.push_back(point.energyNJ);
      energy.labels.push_back(label);
    }
    panels[0].series.push_back(std::move(cycles));
    panels[1].series.push_back(std::move(energy));
  }
  return panels;
}

std::vector<plot::Panel>
api::breakdownPanels(const std::string &title,
                     const std::vector<std::string> &labels,
                     const std::vector<std::string> &details,
                     const std::vector<OpSeries> &series,
                     const std::vector<double> &boundCycles) {
  std::vector<plot::Panel> panels(2);
  panels[0].title = title + ": cycles per op";
  panels[1].title = title + ": energy per op";
  panels[0].y = {"cycles", plot::Scale::Log, {}};
  panels[1].y = {"energy (nJ)", plot::Scale::Log, {}};
  for (plot::Panel &panel : panels)
    panel.x = {"op", plot::Scale::Linear, labels};
  for (const OpSeries &entry : series) {
    plot::Series cycles, energy;
    cycles.name = energy.name = entry.name;
    cycles.mark = energy.mark = plot::Mark::Bar;
    size_t ops =
        std::min({labels.size(), entry.cycles.size(), entry.energyNJ.size()});
    for (size_t i = 0; i < ops; ++i) {
      char label[320];
      std::snprintf(label, sizeof(label), "%s %s (%s): %.6g cycles, %.6g nJ",
                    labels[i].c_str(),
                    i < details.size() ? details[i].c_str() : "",
                    entry.name.c_str(), entry.cycles[i], entry.energyNJ[i]);
      cycles.x.push_back(double(i));
      cycles.y.push_back(entry.cycles[i]);
      cycles.labels.push_back(label);
      energy.x.push_back(double(i));
      energy.y.push_back(entry.energyNJ[i]);
      energy.labels.push_back(label);
    }
    panels[0].series.push_back(std::move(cycles));
    panels[1].series.push_back(std::move(energy));
  }
  // The fewest cycles any design of the op can take: how far each bar is
  // from what the budget physically allows.
  if (!boundCycles.empty()) {
    plot::Series bound;
    bound.name = "cycle bound";
    bound.mark = plot::Mark::Triangle;
    for (size_t i = 0; i < std::min(labels.size(), boundCycles.size()); ++i) {
      if (!(boundCycles[i] > 0))
        continue;
      char label[320];
      std::snprintf(label, sizeof(label), "%s %s: bound %.6g cycles",
                    labels[i].c_str(),
                    i < details.size() ? details[i].c_str() : "",
                    boundCycles[i]);
      bound.x.push_back(double(i));
      bound.y.push_back(boundCycles[i]);
      bound.labels.push_back(label);
    }
    panels[0].series.push_back(std::move(bound));
  }
  return panels;
}

Roofs api::roofsOf(const search::SearchOptions &options) {
  const cost::Hardware &hw = options.fixedHardware;
  double pes = double(hw.numPEs);
  if (options.mode != search::Mode::FixedHW) {
    pes = std::floor(options.areaBudgetUm2 / cost::AreaConstants{}.macAreaUm2);
    if (options.peLimit > 0)
      pes = std::min(pes, double(options.peLimit));
  }
  Roofs roofs;
  roofs.peakMacsPerCycle = pes * double(hw.simdLanes);
  if (!cost::isOffchipUnbounded(hw))
    roofs.offchipBytesPerCycle = double(cost::offchipBytesPerCycle(hw));
  return roofs;
}

plot::Panel api::rooflinePanel(const std::string &title,
                               const std::vector<RooflineSeries> &series,
                               const Roofs &roofs) {
  plot::Panel panel;
  panel.title = title;
  panel.x = {"operational intensity (MACs / off-chip byte)", plot::Scale::Log,
             {}};
  panel.y = {"attained MACs / cycle", plot::Scale::Log, {}};
  std::vector<plot::Series> placed;
  double lowest = std::numeric_limits<double>::infinity(), highest = 0;
  for (const RooflineSeries &entry : series) {
    plot::Series &points = placed.emplace_back();
    points.name = entry.name;
    for (const RooflineOp &op : entry.ops) {
      double intensity = op.offchipBytes > 0 ? op.macs / op.offchipBytes : 0;
      double attained = op.cycles > 0 ? op.macs / op.cycles : 0;
      char label[320];
      std::snprintf(label, sizeof(label),
                    "%s (%s): %.6g MACs / byte, %.6g MACs / cycle (%.6g MACs, "
                    "%.6g cycles, %.6g off-chip bytes)",
                    op.label.c_str(), entry.name.c_str(), intensity, attained,
                    op.macs, op.cycles, op.offchipBytes);
      points.x.push_back(intensity);
      points.y.push_back(attained);
      points.labels.push_back(label);
      if (intensity > 0) {
        lowest = std::min(lowest, intensity);
        highest = std::max(highest, intensity);
      }
    }
  }
  if (highest > 0 && roofs.peakMacsPerCycle > 0) {
    // The roofs span the ops' intensities with a factor of 2 either side.
    double from = lowest / 2, to = highest * 2;
    double bandwidth = roofs.offchipBytesPerCycle;
    bool bounded = bandwidth > 0 && std::isfinite(bandwidth);
    double ridge = bounded ? roofs.peakMacsPerCycle / bandwidth : 0;
    char name[96];
    std::snprintf(name, sizeof(name), "compute roof (%.6g MACs / cycle)",
                  roofs.peakMacsPerCycle);
    plot::Series compute;
    compute.name = name;
    compute.mark = plot::Mark::None;
    compute.line = true;
    compute.x = {std::max(from, ridge), std::max(to, ridge)};
    compute.y = {roofs.peakMacsPerCycle, roofs.peakMacsPerCycle};
    panel.series.push_back(std::move(compute));
    if (bounded && ridge > from) {
      std::snprintf(name, sizeof(name), "bandwidth roof (%.6g bytes / cycle)",
                    bandwidth);
      plot::Series memory;
      memory.name = name;
      memory.mark = plot::Mark::None;
      memory.line = true;
      memory.x = {from, ridge};
      memory.y = {bandwidth * from, roofs.peakMacsPerCycle};
      panel.series.push_back(std::move(memory));
    }
  }
  for (plot::Series &points : placed)
    panel.series.push_back(std::move(points));
  return panel;
}
