//===- Figures.cpp - digamma-bench's SVG figures --------------------------===//
//
// Through the project's chart writer (digamma/Plot/Plot.h) and the report
// figures every front end shares (digamma/Api/Figures.h):
//  * trace-<platform>.svg: best-so-far model latency versus samples, a
//    panel per model, a line per method (geomean over seeds);
//  * fronts-<platform>.svg: per model, the fronts of its heaviest distinct
//    layer (occurrences x MACs) for each per-layer method, and its one
//    chip's front (digamma-model), first seed;
//  * area-sweep.svg: per model, latency and energy against the budget, a
//    line per method (geomean over seeds);
//  * breakdown-<platform>.svg: per model, each distinct layer's cycles and
//    energy in DiGamma's designs (digamma, digamma-model), first seed;
//  * roofline-<platform>.svg: per model, each distinct layer of DiGamma's
//    designs at its operational intensity and attained MACs per cycle,
//    under the platform's roofs, first seed.
//
//===----------------------------------------------------------------------===//

#include "Bench.h"

#include "digamma/Api/Figures.h"
#include "digamma/Plot/Plot.h"

#include <algorithm>
#include <optional>

using namespace digamma;
using namespace digamma::bench;

namespace {

std::string budgetText(const Platform &platform) {
  return platform.name + formatString(" (%.4g mm^2)", platform.budgetUm2 / 1e6);
}

/// The trace figure of platform \p p.
plot::Figure traceFigure(const Config &config, const Workload &workload,
                         const Results &results, size_t p) {
  plot::Figure figure;
  figure.title = "Best-so-far model latency (cycles) vs. samples per layer, " +
                 budgetText(config.platforms[p]) + ", geomean over seeds";
  figure.columns = 4;
  figure.panelWidth = 320;
  figure.panelHeight = 240;
  for (size_t n = 0; n < workload.models.size(); ++n) {
    plot::Panel panel;
    panel.title = workload.models[n].name;
    panel.x = {"samples per layer", plot::Scale::Linear, {}};
    panel.y = {"cycles", plot::Scale::Log, {}};
    for (size_t m = 0; m < config.methods.size(); ++m) {
      const Method &method = config.methods[m];
      if (method.perModel())
        continue;
      plot::Series series;
      series.name = method.name;
      series.mark = plot::Mark::None;
      series.line = true;
      const ModelSummary &summary = results.summary(p, m, n);
      for (int k = 0; k < kCheckpoints; ++k) {
        if (summary.curve[k] <= 0)
          continue;
        series.x.push_back(
            double(config.options.samples * (k + 1) / kCheckpoints));
        series.y.push_back(summary.curve[k]);
      }
      panel.series.push_back(std::move(series));
    }
    figure.panels.push_back(std::move(panel));
  }
  return figure;
}

/// A recorded front as the search library's, for the report figures.
search::Front toFront(const search::ParetoSettings &settings,
                      const Outcome &outcome) {
  search::Front front;
  front.settings = settings;
  front.picked = outcome.picked;
  for (const FrontPoint &point : outcome.front) {
    search::FrontDesign design;
    design.hardware.numPEs = point.numPEs;
    design.cycles = point.cycles;
    design.energyNJ = point.energyNJ;
    design.areaUm2 = point.areaUm2;
    front.designs.push_back(design);
  }
  return front;
}

/// The distinct layer of \p model with the most MACs times occurrences.
size_t heaviestLayer(const Workload &workload, const api::Model &model) {
  size_t best = model.problems[0].first;
  double bestWork = -1;
  for (auto [problem, weight] : model.problems) {
    const cost::Layer &layer = workload.layer(problem);
    double work = weight * double(layer.n) * double(layer.k) * double(layer.c) *
                  double(layer.outY()) * double(layer.outX()) *
                  double(layer.r) * double(layer.s);
    if (work > bestWork) {
      bestWork = work;
      best = problem;
    }
  }
  return best;
}

plot::Figure frontsFigure(const Config &config, const Workload &workload,
                          const Runner &runner, size_t p) {
  const search::ParetoSettings &settings = runner.paretoSettings();
  plot::Figure figure;
  figure.title = "Fronts, " + budgetText(config.platforms[p]) + ", seed " +
                 std::to_string(config.seeds[0]);
  figure.notes.push_back(
      "Per model: the fronts of its heaviest distinct layer (occurrences x "
      "MACs), one chip's front for digamma-model; one mark per design, the "
      "pick outlined.");
  figure.columns = 2 * (settings.numObjectives - 1);
  for (size_t n = 0; n < workload.models.size(); ++n) {
    const api::Model &model = workload.models[n];
    size_t layer = heaviestLayer(workload, model);
    std::vector<search::Front> layerFronts, chipFronts;
    std::vector<std::string> layerNames, chipNames;
    for (size_t m = 0; m < config.methods.size(); ++m) {
      bool chip = config.methods[m].perModel();
      const Outcome &outcome = runner.outcome(p, m, 0, chip ? n : layer);
      (chip ? chipFronts : layerFronts).push_back(toFront(settings, outcome));
      (chip ? chipNames : layerNames).push_back(config.methods[m].name);
    }
    auto add = [&](const std::string &title,
                   const std::vector<search::Front> &fronts,
                   const std::vector<std::string> &names) {
      std::vector<api::NamedFront> named;
      for (size_t k = 0; k < fronts.size(); ++k)
        named.push_back({names[k], &fronts[k]});
      for (plot::Panel &panel : api::frontPanels(title, named))
        figure.panels.push_back(std::move(panel));
    };
    if (!layerFronts.empty())
      add(model.name + ", layer " + std::to_string(layer), layerFronts,
          layerNames);
    if (!chipFronts.empty())
      add(model.name + ", one chip", chipFronts, chipNames);
  }
  return figure;
}

plot::Figure sweepFigure(const Config &config, const Workload &workload,
                         const Results &results) {
  plot::Figure figure;
  figure.title = "Model latency and energy vs. area budget (geomean over "
                 "seeds)";
  figure.notes.push_back(
      "digamma: a chip per layer (scope=op); digamma-model: one chip per "
      "model (scope=model). A budget without a design has no point.");
  figure.columns = 4;
  figure.panelWidth = 320;
  figure.panelHeight = 250;
  for (size_t n = 0; n < workload.models.size(); ++n) {
    std::vector<api::SweepSeries> series;
    for (size_t m = 0; m < config.methods.size(); ++m) {
      api::SweepSeries entry;
      entry.name = config.methods[m].name;
      for (size_t p = 0; p < config.platforms.size(); ++p) {
        const ModelSummary &summary = results.summary(p, m, n);
        entry.points.push_back({config.platforms[p].areaMm2,
                                summary.seedsFound > 0, summary.cycles,
                                summary.energyNJ});
      }
      series.push_back(std::move(entry));
    }
    for (plot::Panel &panel : api::sweepPanels(workload.models[n].name, series))
      figure.panels.push_back(std::move(panel));
  }
  return figure;
}

/// The methods whose designs the breakdown and the roofline show:
/// digamma and digamma-model, those of them that ran.
std::vector<size_t> digammaMethods(const Config &config) {
  std::vector<size_t> methods;
  for (size_t m = 0; m < config.methods.size(); ++m)
    if (config.methods[m].name == "digamma" ||
        config.methods[m].name == "digamma-model")
      methods.push_back(m);
  return methods;
}

/// DiGamma's designs per distinct layer of each model, first seed; none if
/// neither digamma nor digamma-model ran.
std::optional<plot::Figure> breakdownFigure(const Config &config,
                                            const Workload &workload,
                                            const Runner &runner, size_t p) {
  std::vector<size_t> methods = digammaMethods(config);
  if (methods.empty())
    return std::nullopt;
  plot::Figure figure;
  figure.title = "Per-layer breakdown of DiGamma's designs, " +
                 budgetText(config.platforms[p]) + ", seed " +
                 std::to_string(config.seeds[0]);
  figure.notes.push_back(
      "Distinct layer k of a model (its k-th row of distinct problems), "
      "cycles and energy of one run; digamma: a chip per layer, "
      "digamma-model: the model's one chip; triangles mark the layer's "
      "cycle bound.");
  figure.columns = 2;
  figure.panelWidth = 520;
  figure.panelHeight = 300;
  for (size_t n = 0; n < workload.models.size(); ++n) {
    const api::Model &model = workload.models[n];
    std::vector<std::string> labels, details;
    for (size_t k = 0; k < model.problems.size(); ++k) {
      const cost::Layer &layer = workload.layer(model.problems[k].first);
      labels.push_back(std::to_string(k) + " " +
                       std::string(cost::layerClassName(layer.layerClass)));
      details.push_back(formatString(
          "K=%lld C=%lld Y=%lld X=%lld R=%lld S=%lld, x%g", (long long)layer.k,
          (long long)layer.c, (long long)layer.y, (long long)layer.x,
          (long long)layer.r, (long long)layer.s, model.problems[k].second));
    }
    std::vector<api::OpSeries> series;
    // Each layer's cycle bound, from a per-layer search's outcome (the
    // same for every method).
    std::vector<double> bounds;
    for (size_t m : methods) {
      api::OpSeries entry{config.methods[m].name, {}, {}};
      if (config.methods[m].perModel()) {
        const Outcome &chip = runner.outcome(p, m, 0, n);
        entry.cycles = chip.layerCycles;
        entry.energyNJ = chip.layerEnergyNJ;
      } else {
        for (auto [problem, weight] : model.problems) {
          (void)weight;
          const Outcome &outcome = runner.outcome(p, m, 0, problem);
          entry.cycles.push_back(outcome.found ? double(outcome.cycles) : 0);
          entry.energyNJ.push_back(outcome.found ? outcome.energyNJ : 0);
        }
        if (bounds.empty())
          for (auto [problem, weight] : model.problems) {
            (void)weight;
            bounds.push_back(
                double(runner.outcome(p, m, 0, problem).boundCycles));
          }
      }
      series.push_back(std::move(entry));
    }
    for (plot::Panel &panel :
         api::breakdownPanels(model.name, labels, details, series, bounds))
      figure.panels.push_back(std::move(panel));
  }
  return figure;
}

/// DiGamma's designs of each model's distinct layers on the roofline of
/// platform \p p, first seed; none if neither digamma nor digamma-model
/// ran.
std::optional<plot::Figure> rooflineFigure(const Config &config,
                                           const Workload &workload,
                                           const Runner &runner, size_t p) {
  std::vector<size_t> methods = digammaMethods(config);
  if (methods.empty())
    return std::nullopt;
  api::Roofs roofs =
      api::roofsOf(runner.planOf({p, methods[0], 0, 0}).options);
  plot::Figure figure;
  figure.title = "Roofline of DiGamma's designs, " +
                 budgetText(config.platforms[p]) + ", seed " +
                 std::to_string(config.seeds[0]);
  figure.notes.push_back(
      "A mark per distinct layer and method: MACs per off-chip (DRAM) byte "
      "against MACs per cycle; digamma: a chip per layer, digamma-model: "
      "the model's one chip.");
  figure.notes.push_back(
      formatString("Compute roof: the %.6g PEs the budget holds at 282 um^2 "
                   "per MAC; ",
                   roofs.peakMacsPerCycle) +
      (roofs.offchipBytesPerCycle > 0
           ? "bandwidth roof: the off-chip bandwidth times the intensity."
           : "off-chip bandwidth unbounded: no bandwidth roof."));
  figure.columns = 4;
  figure.panelWidth = 320;
  figure.panelHeight = 260;
  for (size_t n = 0; n < workload.models.size(); ++n) {
    const api::Model &model = workload.models[n];
    std::vector<api::RooflineSeries> series;
    for (size_t m : methods) {
      api::RooflineSeries &entry = series.emplace_back();
      entry.name = config.methods[m].name;
      auto add = [&](size_t k, double cycles, const Outcome &outcome,
                     size_t index) {
        api::RooflineOp &op = entry.ops.emplace_back();
        op.label = model.name + " layer " + std::to_string(k);
        if (index >= outcome.layerMacs.size())
          return;
        op.macs = outcome.layerMacs[index];
        op.cycles = cycles;
        op.offchipBytes = outcome.layerOffchipBytes[index];
      };
      if (config.methods[m].perModel()) {
        const Outcome &chip = runner.outcome(p, m, 0, n);
        for (size_t k = 0; k < model.problems.size(); ++k)
          add(k, k < chip.layerCycles.size() ? chip.layerCycles[k] : 0, chip,
              k);
      } else {
        for (size_t k = 0; k < model.problems.size(); ++k) {
          const Outcome &outcome =
              runner.outcome(p, m, 0, model.problems[k].first);
          add(k, double(outcome.cycles), outcome, 0);
        }
      }
    }
    figure.panels.push_back(
        api::rooflinePanel(model.name + ": roofline", series, roofs));
  }
  return figure;
}

} // namespace

std::vector<std::pair<std::string, std::string>>
digamma::bench::figureFiles(const Config &config, const Workload &workload,
                            const Runner &runner, const Results &results) {
  std::vector<std::pair<std::string, std::string>> files;
  for (size_t p = 0; p < config.platforms.size(); ++p) {
    const std::string &name = config.platforms[p].name;
    if (config.fronts())
      files.emplace_back(
          "fronts-" + name + ".svg",
          plot::renderSvg(frontsFigure(config, workload, runner, p)));
    else
      files.emplace_back(
          "trace-" + name + ".svg",
          plot::renderSvg(traceFigure(config, workload, results, p)));
    if (std::optional<plot::Figure> breakdown =
            breakdownFigure(config, workload, runner, p))
      files.emplace_back("breakdown-" + name + ".svg",
                         plot::renderSvg(*breakdown));
    if (std::optional<plot::Figure> roofline =
            rooflineFigure(config, workload, runner, p))
      files.emplace_back("roofline-" + name + ".svg",
                         plot::renderSvg(*roofline));
  }
  if (!config.areaSweep.empty())
    files.emplace_back("area-sweep.svg",
                       plot::renderSvg(sweepFigure(config, workload, results)));
  return files;
}
