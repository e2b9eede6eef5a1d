//===- Reports.cpp - digamma-bench's tables and CSV files -----------------===//
//
// tables.md (the paper's tables: Fig. 5 normalized to CMA-ES, Fig. 6 to
// compute-focused + GA, geomeans and DiGamma's ratios; with fronts, their
// hypervolumes; with --area-sweep, totals per budget; quality figures only,
// so the file is deterministic), results.csv, layers.csv, chips.csv,
// fronts.csv, hypervolume.csv and area-sweep.csv.
//
//===----------------------------------------------------------------------===//

#include "Bench.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

using namespace digamma;
using namespace digamma::bench;

namespace {

/// The front's figures, "latency, energy and area".
std::string figureNames(const search::ParetoSettings &settings) {
  std::string text;
  for (int k = 0; k < settings.numObjectives; ++k) {
    if (k > 0)
      text += k + 1 == settings.numObjectives ? " and " : ", ";
    text += search::objectiveName(settings.objectives[k]);
  }
  return text;
}

/// \p text as one CSV field on one line.
std::string csvField(std::string text) {
  std::replace(text.begin(), text.end(), ',', ';');
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

/// \p value in \p format, or nothing with --no-times.
std::string seconds(const Config &config, double value, const char *format) {
  return config.noTimes ? std::string() : formatString(format, value);
}

std::string formatRatio(double value) {
  char buffer[32];
  if (value >= 100)
    std::snprintf(buffer, sizeof(buffer), "%.0f", value);
  else if (value >= 0.095)
    std::snprintf(buffer, sizeof(buffer), "%.2f", value);
  else
    std::snprintf(buffer, sizeof(buffer), "%.3g", value);
  return buffer;
}

class Report {
public:
  Report(const Config &config, const Workload &workload, const Runner &runner,
         const Results &results)
      : config(config), workload(workload), runner(runner), results(results) {}

  /// Index of the method named \p name, or -1.
  int methodIndex(const std::string &name) const {
    for (size_t m = 0; m < config.methods.size(); ++m)
      if (config.methods[m].name == name)
        return int(m);
    return -1;
  }

  /// One markdown table in the paper's form: a row per model and a
  /// geomean row, a column per method, each value divided by the
  /// reference method's on the same model.
  void table(std::ostream &os, size_t p, const std::vector<int> &methods,
             int reference, bool lap) const {
    os << "| model |";
    for (int m : methods)
      os << " " << config.methods[m].title << " |";
    os << "\n|---|";
    for (size_t i = 0; i < methods.size(); ++i)
      os << "---|";
    os << "\n";
    size_t N = workload.models.size();
    std::vector<double> logSum(methods.size(), 0);
    std::vector<int> counted(methods.size(), 0);
    for (size_t n = 0; n < N; ++n) {
      os << "| " << workload.models[n].name << " |";
      const ModelSummary &ref = results.summary(p, reference, n);
      std::vector<double> values(methods.size(), -1);
      double best = -1;
      for (size_t i = 0; i < methods.size(); ++i) {
        const ModelSummary &s = results.summary(p, methods[i], n);
        if (s.seedsFound == 0 || ref.seedsFound == 0)
          continue;
        values[i] = (lap ? s.lap / ref.lap : s.cycles / ref.cycles);
        if (best < 0 || values[i] < best)
          best = values[i];
      }
      for (size_t i = 0; i < methods.size(); ++i) {
        const ModelSummary &s = results.summary(p, methods[i], n);
        if (values[i] < 0) {
          os << (s.seedsFound == 0 ? " N/A |" : " (no reference) |");
          continue;
        }
        logSum[i] += std::log(values[i]);
        ++counted[i];
        bool isBest = values[i] <= best * (1 + 1e-9);
        std::string text = formatRatio(values[i]);
        if (isBest)
          text = "**" + text + "**";
        if (s.seedsFound < s.seeds)
          text += " (" + std::to_string(s.seedsFound) + "/" +
                  std::to_string(s.seeds) + " seeds)";
        os << " " << text << " |";
      }
      os << "\n";
    }
    os << "| geomean |";
    for (size_t i = 0; i < methods.size(); ++i) {
      if (counted[i] == 0)
        os << " N/A |";
      else
        os << " " << formatRatio(std::exp(logSum[i] / counted[i]))
           << (counted[i] < int(N)
                   ? " (" + std::to_string(counted[i]) + " models)"
                   : "")
           << " |";
    }
    os << "\n";
  }

  /// Geomean over models of method a's latency over method b's, on the
  /// models where both found designs; also how many models that was.
  std::pair<double, int> ratio(size_t p, int a, int b) const {
    double logSum = 0;
    int count = 0;
    for (size_t n = 0; n < workload.models.size(); ++n) {
      const ModelSummary &x = results.summary(p, a, n),
                         &y = results.summary(p, b, n);
      if (x.seedsFound == 0 || y.seedsFound == 0)
        continue;
      logSum += std::log(x.cycles / y.cycles);
      ++count;
    }
    return {count ? std::exp(logSum / count) : 0.0, count};
  }

  /// The comparison lines under a table: DiGamma against every other
  /// method, the best of them (stable ones first: a design on every model)
  /// and the per-model best.
  void summary(std::ostream &os, size_t p, const std::vector<int> &methods,
               int digamma) const {
    size_t N = workload.models.size();
    int bestMethod = -1;
    bool bestStable = false;
    double bestGeomean = 0;
    os << "\nDiGamma's latency advantage (geomean over models of "
          "method / DiGamma):";
    for (int m : methods) {
      if (m == digamma)
        continue;
      auto [value, count] = ratio(p, m, digamma);
      os << " " << config.methods[m].name << " ";
      if (count == 0) {
        os << "N/A;";
        continue;
      }
      os << formatRatio(value) << "x";
      if (count < int(N))
        os << " (" << count << " models)";
      os << ";";
      bool stable = count == int(N);
      // Stable and with the lowest geomean latency relative to DiGamma.
      if (bestMethod < 0 || (stable && !bestStable) ||
          (stable == bestStable && value < bestGeomean)) {
        bestMethod = m;
        bestStable = stable;
        bestGeomean = value;
      }
    }
    os << "\n\n";
    if (bestMethod >= 0)
      os << "Best other method: **" << config.methods[bestMethod].name
         << "**; its latency over DiGamma's: **" << formatRatio(bestGeomean)
         << "x** (geomean; above 1 means DiGamma is better"
         << (bestStable ? "" : "; no method has a design for every model")
         << ").\n";
    // Per model: DiGamma against the best other method on that model.
    double logSum = 0;
    int count = 0, wins = 0;
    std::string behind;
    for (size_t n = 0; n < N; ++n) {
      const ModelSummary &d = results.summary(p, digamma, n);
      double bestOther = -1;
      std::string bestName;
      for (int m : methods) {
        const ModelSummary &s = results.summary(p, m, n);
        if (m == digamma || s.seedsFound == 0)
          continue;
        if (bestOther < 0 || s.cycles < bestOther) {
          bestOther = s.cycles;
          bestName = config.methods[m].name;
        }
      }
      if (d.seedsFound == 0 || bestOther < 0)
        continue;
      logSum += std::log(bestOther / d.cycles);
      ++count;
      // Tied: within 0.5%.
      if (d.cycles <= bestOther * 1.005)
        ++wins;
      else
        behind += (behind.empty() ? "" : ", ") + workload.models[n].name +
                  " (" + bestName + " " + formatRatio(bestOther / d.cycles) +
                  "x)";
    }
    if (count > 0)
      os << "Against the best other method of each model: "
         << formatRatio(std::exp(logSum / count)) << "x (geomean); DiGamma "
         << "best or tied (within 0.5%) on " << wins << " of " << count
         << " models" << (behind.empty() ? "" : "; behind on " + behind)
         << ".\n";
  }

  /// Hypervolume tables of the fronts of per-layer methods, per platform.
  void frontsSection(std::ostream &os, size_t p) const {
    std::vector<size_t> methods;
    for (size_t m = 0; m < config.methods.size(); ++m)
      if (!config.methods[m].perModel())
        methods.push_back(m);
    if (methods.empty())
      return;
    const search::ParetoSettings &settings = runner.paretoSettings();
    int digamma = methodIndex("digamma");
    os << "\n## Fronts, " << platformTitle(p) << ": hypervolume over "
       << figureNames(settings) << "\n\n"
       << "Per distinct layer and seed the methods' fronts share one scale "
          "(each figure mapped to [0, 1] in log scale between its best and "
          "worst value over the fronts), reference point 1.1 in every "
          "figure (at most "
       << formatString("%.4g", std::pow(1.1, settings.numObjectives))
       << "); geometric means over the model's distinct layers and the "
          "seeds. A method without a front on a layer counts 0 there and is "
          "left out of the means.\n\n| model | layers |";
    for (size_t m : methods)
      os << " " << config.methods[m].title << " |";
    if (digamma >= 0)
      for (size_t m : methods)
        if (int(m) != digamma)
          os << " DiGamma / " << config.methods[m].title
             << " (layers DiGamma >=) |";
    os << "\n|---|---|";
    for (size_t m : methods)
      os << "---|" << (digamma >= 0 && int(m) != digamma ? "---|" : "");
    os << "\n";
    size_t M = methods.size();
    std::vector<double> allLog(M, 0), allRatio(M, 0);
    std::vector<int> allCount(M, 0), allRatioCount(M, 0), allWins(M, 0);
    size_t allLayers = 0;
    auto row = [&](const std::string &name, size_t layers,
                   const std::vector<double> &logSum,
                   const std::vector<int> &count,
                   const std::vector<double> &ratioLog,
                   const std::vector<int> &ratioCount,
                   const std::vector<int> &wins) {
      os << "| " << name << " | " << layers << " |";
      for (size_t k = 0; k < M; ++k)
        os << " "
           << (count[k] ? formatString("%.4f", std::exp(logSum[k] / count[k]))
                        : std::string("N/A"))
           << " |";
      if (digamma >= 0)
        for (size_t k = 0; k < M; ++k) {
          if (int(methods[k]) == digamma)
            continue;
          os << " "
             << (ratioCount[k] ? formatString("%.3f", std::exp(ratioLog[k] /
                                                               ratioCount[k]))
                               : std::string("N/A"));
          os << " (" << wins[k] << "/" << ratioCount[k] << ")";
          os << " |";
        }
      os << "\n";
    };
    size_t digammaColumn = 0;
    for (size_t k = 0; k < M; ++k)
      if (int(methods[k]) == digamma)
        digammaColumn = k;
    for (size_t n = 0; n < workload.models.size(); ++n) {
      std::vector<double> logSum(M, 0), ratioLog(M, 0);
      std::vector<int> count(M, 0), ratioCount(M, 0), wins(M, 0);
      for (size_t s = 0; s < config.seeds.size(); ++s)
        for (auto [problem, weight] : workload.models[n].problems) {
          (void)weight;
          std::vector<double> volumes =
              problemHypervolumes(p, s, problem, methods);
          for (size_t k = 0; k < M; ++k) {
            if (volumes[k] <= 0)
              continue;
            logSum[k] += std::log(volumes[k]);
            ++count[k];
            if (digamma < 0 || k == digammaColumn ||
                volumes[digammaColumn] <= 0)
              continue;
            double ratio = volumes[digammaColumn] / volumes[k];
            ratioLog[k] += std::log(ratio);
            ++ratioCount[k];
            wins[k] += ratio >= 1;
            allWins[k] += ratio >= 1;
            allRatio[k] += std::log(ratio);
            ++allRatioCount[k];
          }
        }
      for (size_t k = 0; k < M; ++k) {
        allLog[k] += logSum[k];
        allCount[k] += count[k];
      }
      row(workload.models[n].name, workload.models[n].problems.size(), logSum,
          count, ratioLog, ratioCount, wins);
      allLayers += workload.models[n].problems.size();
    }
    row("all models", allLayers, allLog, allCount, allRatio, allRatioCount,
        allWins);
  }

  /// The hypervolumes of \p methods' fronts of one distinct layer.
  std::vector<double>
  problemHypervolumes(size_t p, size_t s, size_t problem,
                      const std::vector<size_t> &methods) const {
    std::vector<std::vector<search::Figures>> fronts;
    for (size_t m : methods)
      fronts.push_back(frontFigures(runner.paretoSettings(),
                                    runner.outcome(p, m, s, problem).front));
    return search::comparableHypervolumes(
        fronts, runner.paretoSettings().numObjectives);
  }

  /// One chip per model: the front's extremes, first seed.
  void chipFrontsSection(std::ostream &os, size_t p) const {
    for (size_t m = 0; m < config.methods.size(); ++m) {
      if (!config.methods[m].perModel())
        continue;
      os << "\n## Fronts, " << platformTitle(p) << ": "
         << config.methods[m].title << ", seed " << config.seeds[0]
         << "\n\n| model | designs | fastest: cycles, mm^2 | smallest: "
            "mm^2, cycles | most frugal: nJ, cycles |\n|---|---|---|---|---|"
            "\n";
      for (size_t n = 0; n < workload.models.size(); ++n) {
        const std::vector<FrontPoint> &front = runner.outcome(p, m, 0, n).front;
        os << "| " << workload.models[n].name << " | " << front.size() << " |";
        if (front.empty()) {
          os << " N/A | N/A | N/A |\n";
          continue;
        }
        auto least = [&](auto key) {
          const FrontPoint *best = &front[0];
          for (const FrontPoint &point : front)
            if (key(point) < key(*best))
              best = &point;
          return *best;
        };
        FrontPoint fast = least([](const FrontPoint &x) { return x.cycles; });
        FrontPoint small = least([](const FrontPoint &x) { return x.areaUm2; });
        FrontPoint frugal =
            least([](const FrontPoint &x) { return x.energyNJ; });
        os << formatString(" %.4g, %.4g | %.4g, %.4g | %.4g, %.4g |\n",
                           fast.cycles, fast.areaUm2 / 1e6, small.areaUm2 / 1e6,
                           small.cycles, frugal.energyNJ, frugal.cycles);
      }
    }
  }

  /// Totals per budget of --area-sweep.
  void sweepSection(std::ostream &os) const {
    for (bool energy : {false, true}) {
      os << "\n## Area sweep: total " << (energy ? "energy (nJ)" : "cycles")
         << " per model (geomean over seeds)\n\n| model | method |";
      for (const Platform &platform : config.platforms)
        os << " " << formatString("%g", platform.areaMm2) << " mm^2 |";
      os << "\n|---|---|";
      for (size_t p = 0; p < config.platforms.size(); ++p)
        os << "---|";
      os << "\n";
      for (size_t n = 0; n < workload.models.size(); ++n)
        for (size_t m = 0; m < config.methods.size(); ++m) {
          os << "| " << workload.models[n].name << " | "
             << config.methods[m].name << " |";
          for (size_t p = 0; p < config.platforms.size(); ++p) {
            const ModelSummary &summary = results.summary(p, m, n);
            os << " "
               << (summary.seedsFound == 0
                       ? std::string("N/A")
                       : formatString("%.4g", energy ? summary.energyNJ
                                                     : summary.cycles))
               << " |";
          }
          os << "\n";
        }
    }
  }

  std::string platformTitle(size_t p) const {
    return config.platforms[p].name +
           formatString(" (%.4g mm^2)", config.platforms[p].budgetUm2 / 1e6);
  }

  void writeTables(std::ostream &os) const {
    os << "# DiGamma versus baselines on the built-in evaluator\n\n";
    os << "Command: `" << config.commandLine << "`\n\n";
    os << "Samples per distinct layer: " << config.options.samples
       << "; seeds:";
    for (uint64_t seed : config.seeds)
      os << " " << seed;
    os << "; element size " << config.options.elementBytes << " byte(s); "
       << cost::semanticsName(config.options.semantics)
       << " semantics; pagmo baselines with "
       << (config.options.gradedPenalty ? "graded" : "constant (reference)")
       << " penalties. Values are geometric means over the seeds that found "
          "a design for every layer (\"k/n seeds\" otherwise), divided by the "
          "reference column's value for the same model; lower is better; the "
          "best of a row is bold. N/A: no design within the budget. "
          "Latency-area product: the sum over layers of occurrences x cycles "
          "x the layer's design area. The grid searches (Grid-S) do not "
          "depend on the seed.\n";
    if (config.fronts()) {
      const search::ParetoSettings &settings = runner.paretoSettings();
      os << "\nObjective: the front over " << figureNames(settings)
         << " (at most " << settings.frontCapacity
         << " designs); the latency tables take each front's pick ("
         << search::nameOf(search::paretoPickValues(), settings.pick) << ").\n";
    }
    std::vector<int> fig5, fig6;
    for (const char *name : kFig5)
      if (int m = methodIndex(name); m >= 0)
        fig5.push_back(m);
    for (const char *name : kFig6)
      if (int m = methodIndex(name); m >= 0)
        fig6.push_back(m);
    int digamma = methodIndex("digamma");
    for (size_t p = 0; p < config.platforms.size(); ++p) {
      const Platform &platform = config.platforms[p];
      char budget[64];
      std::snprintf(budget, sizeof(budget), "%.4g mm^2",
                    platform.budgetUm2 / 1e6);
      int cmaes = methodIndex("cmaes");
      if (fig5.size() > 1 && cmaes >= 0) {
        os << "\n## Fig. 5, " << platform.name << " (" << budget
           << "): latency, normalized to CMA-ES\n\n";
        table(os, p, fig5, cmaes, false);
        if (digamma >= 0)
          summary(os, p, fig5, digamma);
        os << "\n## Fig. 5, " << platform.name << " (" << budget
           << "): latency-area product, normalized to CMA-ES\n\n";
        table(os, p, fig5, cmaes, true);
      }
      int compute = methodIndex("map-compute");
      if (fig6.size() > 1 && compute >= 0) {
        os << "\n## Fig. 6, " << platform.name << " (" << budget
           << "): latency, normalized to Compute-focused + GA\n\n";
        table(os, p, fig6, compute, false);
        if (digamma >= 0)
          summary(os, p, fig6, digamma);
      }
      // Absolute figures of every method, and the bound.
      os << "\n## " << platform.name << " (" << budget
         << "): total cycles per model (geomean over seeds) and, in "
            "parentheses, their ratio to the model's roofline bound (the "
            "sum over layers of max(MACs / "
         << platform.maxPEs << " PEs, compulsory bytes / "
         << (platform.offchipBytesPerCycle > 0
                 ? std::to_string(platform.offchipBytesPerCycle) +
                       " B per cycle off-chip"
                 : std::string("an unbounded off-chip bandwidth"))
         << ")) and the cycle bound\n\n| model | roofline |";
      for (const Method &method : config.methods)
        os << " " << method.name << " |";
      os << " bound |" << (digamma >= 0 ? " digamma / bound |" : "")
         << "\n|---|---|";
      for (size_t m = 0; m <= config.methods.size(); ++m)
        os << "---|";
      os << (digamma >= 0 ? "---|" : "") << "\n";
      for (size_t n = 0; n < workload.models.size(); ++n) {
        double roofline = results.rooflineCycles(p, n);
        os << "| " << workload.models[n].name << " | "
           << formatString("%.4g", roofline) << " |";
        for (size_t m = 0; m < config.methods.size(); ++m) {
          const ModelSummary &s = results.summary(p, m, n);
          char value[48];
          if (s.seedsFound == 0)
            std::snprintf(value, sizeof(value), "N/A");
          else
            std::snprintf(value, sizeof(value), "%.4g (%.2fx)", s.cycles,
                          s.cycles / roofline);
          os << " " << value << " |";
        }
        double bound = results.summary(p, 0, n).boundCycles;
        os << formatString(" %.4g |", bound);
        if (digamma >= 0) {
          const ModelSummary &d = results.summary(p, digamma, n);
          os << (d.seedsFound > 0 && bound > 0
                     ? formatString(" %.3f |", d.cycles / bound)
                     : std::string(" N/A |"));
        }
        os << "\n";
      }
      if (config.fronts()) {
        frontsSection(os, p);
        chipFrontsSection(os, p);
      }
    }
    if (!config.areaSweep.empty())
      sweepSection(os);
  }

  void writeResultsCsv(std::ostream &os) const {
    os << "platform,area_budget_um2,model,layers,distinct_layers,method,"
          "seed,found,total_cycles,latency_area_product,samples_per_layer,"
          "search_seconds,bound_cycles\n";
    for (size_t p = 0; p < config.platforms.size(); ++p)
      for (size_t m = 0; m < config.methods.size(); ++m)
        for (size_t s = 0; s < config.seeds.size(); ++s)
          for (size_t n = 0; n < workload.models.size(); ++n) {
            const ModelRun &run = results.run(p, m, s, n);
            const api::Model &model = workload.models[n];
            os << formatString(
                "%s,%.0f,%s,%zu,%zu,%s,%llu,%d,%.0f,%.6e,%lld,%s,%.0f\n",
                config.platforms[p].name.c_str(), config.platforms[p].budgetUm2,
                model.name.c_str(), model.numLayers, model.problems.size(),
                config.methods[m].name.c_str(),
                (unsigned long long)config.seeds[s], run.found ? 1 : 0,
                run.found ? run.cycles : 0.0, run.found ? run.lap : 0.0,
                (long long)config.options.samples,
                seconds(config, run.seconds, "%.3f").c_str(), run.boundCycles);
          }
  }

private:
  const Config &config;
  const Workload &workload;
  const Runner &runner;
  const Results &results;
};

} // namespace

void digamma::bench::writeLayersCsv(std::ostream &os, const Config &config,
                                    const Workload &workload,
                                    const Runner &runner) {
  os << "platform,method,seed,problem,class,N,K,C,Y,X,R,S,found,cycles,"
        "area_um2,num_pes,l1_bytes,l2_bytes,offchip_bytes,energy_nj,samples,"
        "seconds,bound_cycles,message\n";
  for (size_t j = 0; j < runner.allJobs().size(); ++j) {
    const Job &job = runner.allJobs()[j];
    const Outcome &outcome = runner.outcomeOf(j);
    if (config.methods[job.method].perModel())
      continue;
    const cost::Layer &l = workload.layer(job.problem);
    std::string message = csvField(outcome.message);
    os << formatString(
        "%s,%s,%llu,%zu,%s,%lld,%lld,%lld,%lld,%lld,%lld,%lld,%d,%lld,%.2f,"
        "%lld,%lld,%lld,%lld,%.6g,%lld,%s,%lld,%s\n",
        config.platforms[job.platform].name.c_str(),
        config.methods[job.method].name.c_str(),
        config.methods[job.method].seeded
            ? (unsigned long long)config.seeds[job.seed]
            : 0ULL,
        job.problem, std::string(cost::layerClassName(l.layerClass)).c_str(),
        (long long)l.n, (long long)l.k, (long long)l.c, (long long)l.y,
        (long long)l.x, (long long)l.r, (long long)l.s, outcome.found ? 1 : 0,
        (long long)outcome.cycles, outcome.areaUm2, (long long)outcome.numPEs,
        (long long)outcome.l1Bytes, (long long)outcome.l2Bytes,
        (long long)outcome.offchipBytes, outcome.energyNJ,
        (long long)outcome.samples,
        seconds(config, outcome.seconds, "%.4f").c_str(),
        (long long)outcome.boundCycles, message.c_str());
  }
}

void digamma::bench::writeChipsCsv(std::ostream &os, const Config &config,
                                   const Workload &workload,
                                   const Runner &runner) {
  os << "platform,method,seed,model,found,total_cycles,total_energy_nj,"
        "area_um2,num_pes,samples,seconds,message\n";
  for (size_t j = 0; j < runner.allJobs().size(); ++j) {
    const Job &job = runner.allJobs()[j];
    if (!config.methods[job.method].perModel())
      continue;
    const Outcome &outcome = runner.outcomeOf(j);
    os << formatString("%s,%s,%llu,%s,%d,%lld,%.6g,%.2f,%lld,%lld,%s,%s\n",
                       config.platforms[job.platform].name.c_str(),
                       config.methods[job.method].name.c_str(),
                       (unsigned long long)config.seeds[job.seed],
                       workload.models[job.problem].name.c_str(),
                       outcome.found ? 1 : 0, (long long)outcome.cycles,
                       outcome.energyNJ, outcome.areaUm2,
                       (long long)outcome.numPEs, (long long)outcome.samples,
                       seconds(config, outcome.seconds, "%.4f").c_str(),
                       csvField(outcome.message).c_str());
  }
}

/// What a front of job \p job is about: a distinct layer's index, or a
/// model's name.
static std::string subject(const Config &config, const Workload &workload,
                           const Job &job) {
  return config.methods[job.method].perModel()
             ? workload.models[job.problem].name
             : std::to_string(job.problem);
}

void digamma::bench::writeFrontsCsv(std::ostream &os, const Config &config,
                                    const Workload &workload,
                                    const Runner &runner) {
  os << "platform,method,seed,scope,problem_or_model,design,picked,cycles,"
        "energy_nj,area_um2,num_pes\n";
  for (size_t j = 0; j < runner.allJobs().size(); ++j) {
    const Job &job = runner.allJobs()[j];
    const Outcome &outcome = runner.outcomeOf(j);
    bool chip = config.methods[job.method].perModel();
    for (size_t d = 0; d < outcome.front.size(); ++d) {
      const FrontPoint &point = outcome.front[d];
      os << formatString(
          "%s,%s,%llu,%s,%s,%zu,%d,%.0f,%.6g,%.2f,%lld\n",
          config.platforms[job.platform].name.c_str(),
          config.methods[job.method].name.c_str(),
          (unsigned long long)config.seeds[job.seed], chip ? "model" : "op",
          subject(config, workload, job).c_str(), d,
          d == outcome.picked ? 1 : 0, point.cycles, point.energyNJ,
          point.areaUm2, (long long)point.numPEs);
    }
  }
}

void digamma::bench::writeHypervolumeCsv(std::ostream &os, const Config &config,
                                         const Workload &workload,
                                         const Runner &runner) {
  os << "platform,seed,scope,problem_or_model,method,designs,hypervolume\n";
  const search::ParetoSettings &settings = runner.paretoSettings();
  for (size_t p = 0; p < config.platforms.size(); ++p)
    for (size_t s = 0; s < config.seeds.size(); ++s)
      for (bool chip : {false, true}) {
        std::vector<size_t> methods;
        for (size_t m = 0; m < config.methods.size(); ++m)
          if (config.methods[m].perModel() == chip)
            methods.push_back(m);
        if (methods.empty())
          continue;
        size_t subjects =
            chip ? workload.models.size() : workload.numProblems();
        for (size_t i = 0; i < subjects; ++i) {
          std::vector<std::vector<search::Figures>> fronts;
          for (size_t m : methods)
            fronts.push_back(
                frontFigures(settings, runner.outcome(p, m, s, i).front));
          std::vector<double> volumes =
              search::comparableHypervolumes(fronts, settings.numObjectives);
          for (size_t k = 0; k < methods.size(); ++k)
            os << formatString(
                "%s,%llu,%s,%s,%s,%zu,%.6f\n", config.platforms[p].name.c_str(),
                (unsigned long long)config.seeds[s], chip ? "model" : "op",
                chip ? workload.models[i].name.c_str()
                     : std::to_string(i).c_str(),
                config.methods[methods[k]].name.c_str(), fronts[k].size(),
                volumes[k]);
        }
      }
}

void digamma::bench::writeAreaSweepCsv(std::ostream &os, const Config &config,
                                       const Workload &workload,
                                       const Results &results) {
  os << "area_budget_mm2,model,method,seed,found,total_cycles,"
        "total_energy_nj,largest_chip_um2\n";
  for (size_t p = 0; p < config.platforms.size(); ++p)
    for (size_t n = 0; n < workload.models.size(); ++n)
      for (size_t m = 0; m < config.methods.size(); ++m)
        for (size_t s = 0; s < config.seeds.size(); ++s) {
          const ModelRun &run = results.run(p, m, s, n);
          os << formatString(
              "%g,%s,%s,%llu,%d,%.0f,%.6g,%.2f\n", config.platforms[p].areaMm2,
              workload.models[n].name.c_str(), config.methods[m].name.c_str(),
              (unsigned long long)config.seeds[s], run.found ? 1 : 0,
              run.found ? run.cycles : 0.0, run.found ? run.energyNJ : 0.0,
              run.found ? run.areaUm2 : 0.0);
        }
}

std::vector<search::Figures>
digamma::bench::frontFigures(const search::ParetoSettings &settings,
                             const std::vector<FrontPoint> &front) {
  std::vector<search::Figures> figures;
  for (const FrontPoint &point : front)
    figures.push_back(search::figuresOf(settings, point.cycles, point.energyNJ,
                                        point.areaUm2));
  return figures;
}

std::vector<std::pair<std::string, std::string>>
digamma::bench::reportFiles(const Config &config, const Workload &workload,
                            const Runner &runner, const Results &results) {
  Report report(config, workload, runner, results);
  std::vector<std::pair<std::string, std::string>> files;
  auto add = [&](const std::string &name, auto write) {
    std::ostringstream os;
    write(os);
    files.emplace_back(name, os.str());
  };
  add("tables.md", [&](std::ostream &os) { report.writeTables(os); });
  add("results.csv", [&](std::ostream &os) { report.writeResultsCsv(os); });
  bool perLayer = false, perModel = false;
  for (const Method &method : config.methods)
    (method.perModel() ? perModel : perLayer) = true;
  if (perLayer)
    add("layers.csv", [&](std::ostream &os) {
      writeLayersCsv(os, config, workload, runner);
    });
  if (perModel)
    add("chips.csv",
        [&](std::ostream &os) { writeChipsCsv(os, config, workload, runner); });
  if (config.fronts()) {
    add("fronts.csv", [&](std::ostream &os) {
      writeFrontsCsv(os, config, workload, runner);
    });
    add("hypervolume.csv", [&](std::ostream &os) {
      writeHypervolumeCsv(os, config, workload, runner);
    });
  }
  if (!config.areaSweep.empty())
    add("area-sweep.csv", [&](std::ostream &os) {
      writeAreaSweepCsv(os, config, workload, results);
    });
  for (auto &file : figureFiles(config, workload, runner, results))
    files.push_back(std::move(file));
  return files;
}
