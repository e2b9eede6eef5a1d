//===- Reports.cpp - digamma-bench's tables, CSV files and traces ---------===//
//
// tables.md (the paper's tables: Fig. 5 normalized to CMA-ES, Fig. 6 to
// compute-focused + GA, geomeans and DiGamma's ratios; quality figures only,
// so the file is deterministic), results.csv, layers.csv and one SVG trace
// per platform.
//
//===----------------------------------------------------------------------===//

#include "Bench.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace digamma;
using namespace digamma::bench;

namespace {

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
  Report(const Config &config, const Workload &workload, const Results &results)
      : config(config), workload(workload), results(results) {}

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

  void writeTables(std::ostream &os) const {
    os << "# DiGamma versus baselines on the built-in evaluator\n\n";
    os << "Command: `" << config.commandLine << "`\n\n";
    os << "Samples per distinct layer: " << config.options.samples << "; seeds:";
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
      // Absolute figures of every method.
      os << "\n## " << platform.name << " (" << budget
         << "): total cycles per model (geomean over seeds) and, in "
            "parentheses, their ratio to the model's roofline bound (the "
            "sum over layers of max(MACs / "
         << platform.maxPEs << " PEs, compulsory bytes / "
         << (platform.offchipBytesPerCycle > 0
                 ? std::to_string(platform.offchipBytesPerCycle) +
                       " B per cycle off-chip"
                 : std::string("an unbounded off-chip bandwidth"))
         << "))\n\n| model | roofline |";
      for (const Method &method : config.methods)
        os << " " << method.name << " |";
      os << "\n|---|---|";
      for (size_t m = 0; m < config.methods.size(); ++m)
        os << "---|";
      os << "\n";
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
        os << "\n";
      }
    }
  }

  void writeResultsCsv(std::ostream &os) const {
    os << "platform,area_budget_um2,model,layers,distinct_layers,method,"
          "seed,found,total_cycles,latency_area_product,samples_per_layer,"
          "search_seconds\n";
    for (size_t p = 0; p < config.platforms.size(); ++p)
      for (size_t m = 0; m < config.methods.size(); ++m)
        for (size_t s = 0; s < config.seeds.size(); ++s)
          for (size_t n = 0; n < workload.models.size(); ++n) {
            const ModelRun &run = results.run(p, m, s, n);
            const api::Model &model = workload.models[n];
            os << formatString(
                "%s,%.0f,%s,%zu,%zu,%s,%llu,%d,%.0f,%.6e,%lld,%.3f\n",
                config.platforms[p].name.c_str(), config.platforms[p].budgetUm2,
                model.name.c_str(), model.numLayers, model.problems.size(),
                config.methods[m].name.c_str(),
                (unsigned long long)config.seeds[s], run.found ? 1 : 0,
                run.found ? run.cycles : 0.0, run.found ? run.lap : 0.0,
                (long long)config.options.samples, run.seconds);
          }
  }

  /// Best-so-far model latency versus samples: one panel per model, one
  /// line per method (geomean over seeds), log-scale latency.
  void writeSvg(std::ostream &os, size_t p) const {
    const int columns = 4, panelWidth = 320, panelHeight = 230;
    const int left = 62, right = 12, top = 28, bottom = 36;
    size_t N = workload.models.size();
    int rows = int((N + columns - 1) / columns);
    int legendRows = int((config.methods.size() + 4) / 5);
    int width = columns * panelWidth;
    int height = rows * panelHeight + 40 + legendRows * 18 + 10;
    static const char *const kColors[] = {
        "#7f7f7f", "#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd",
        "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#aec7e8",
        "#ffbb78", "#98df8a", "#c5b0d5", "#d62728"};
    auto color = [&](size_t m) {
      if (config.methods[m].name == "digamma")
        return "#d62728";
      return kColors[m % 13];
    };
    os << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << width
       << "\" height=\"" << height << "\" font-family=\"sans-serif\" "
       << "font-size=\"11\">\n<rect width=\"100%\" height=\"100%\" "
          "fill=\"white\"/>\n";
    char title[160];
    std::snprintf(title, sizeof(title),
                  "Best-so-far model latency (cycles) vs. samples per layer, "
                  "%s (%.4g mm^2), geomean over seeds",
                  config.platforms[p].name.c_str(),
                  config.platforms[p].budgetUm2 / 1e6);
    os << "<text x=\"10\" y=\"18\" font-size=\"13\">" << title << "</text>\n";
    for (size_t n = 0; n < N; ++n) {
      int x0 = int(n % columns) * panelWidth + left;
      int y0 = 30 + int(n / columns) * panelHeight + top;
      int w = panelWidth - left - right, h = panelHeight - top - bottom;
      double lo = 0, hi = 0;
      bool any = false;
      for (size_t m = 0; m < config.methods.size(); ++m)
        for (double value : results.summary(p, m, n).curve)
          if (value > 0) {
            lo = any ? std::min(lo, value) : value;
            hi = any ? std::max(hi, value) : value;
            any = true;
          }
      os << "<text x=\"" << x0 << "\" y=\"" << y0 - 8 << "\">"
         << workload.models[n].name << "</text>\n";
      os << "<rect x=\"" << x0 << "\" y=\"" << y0 << "\" width=\"" << w
         << "\" height=\"" << h
         << "\" fill=\"none\" stroke=\"#444\" stroke-width=\"0.8\"/>\n";
      if (!any)
        continue;
      double logLo = std::floor(std::log10(lo) * 4) / 4,
             logHi = std::ceil(std::log10(hi) * 4) / 4;
      if (logHi - logLo < 0.25)
        logHi = logLo + 0.25;
      auto yOf = [&](double value) {
        return y0 + h - (std::log10(value) - logLo) / (logHi - logLo) * h;
      };
      auto xOf = [&](int k) { return x0 + double(k + 1) / kCheckpoints * w; };
      // Decade gridlines and labels.
      for (int e = int(std::ceil(logLo)); e <= int(std::floor(logHi)); ++e) {
        double y = yOf(std::pow(10.0, e));
        os << "<line x1=\"" << x0 << "\" x2=\"" << x0 + w << "\" y1=\"" << y
           << "\" y2=\"" << y << "\" stroke=\"#ddd\"/>\n<text x=\"" << x0 - 4
           << "\" y=\"" << y + 4 << "\" text-anchor=\"end\">1e" << e
           << "</text>\n";
      }
      for (int tick = 0; tick <= 4; ++tick) {
        double x = x0 + tick * w / 4.0;
        os << "<text x=\"" << x << "\" y=\"" << y0 + h + 14
           << "\" text-anchor=\"middle\">"
           << (long long)(config.options.samples * tick / 4) << "</text>\n";
      }
      for (size_t m = 0; m < config.methods.size(); ++m) {
        const ModelSummary &s = results.summary(p, m, n);
        std::string points;
        for (int k = 0; k < kCheckpoints; ++k) {
          if (s.curve[k] <= 0)
            continue;
          char point[48];
          std::snprintf(point, sizeof(point), "%.1f,%.1f ", xOf(k),
                        yOf(s.curve[k]));
          points += point;
        }
        if (points.empty())
          continue;
        os << "<polyline fill=\"none\" stroke=\"" << color(m)
           << "\" stroke-width=\""
           << (config.methods[m].name == "digamma" ? 2.2 : 1.2)
           << "\" points=\"" << points << "\"/>\n";
      }
    }
    int legendY = 30 + rows * panelHeight + 10;
    for (size_t m = 0; m < config.methods.size(); ++m) {
      int x = 10 + int(m % 5) * 200, y = legendY + int(m / 5) * 18;
      os << "<line x1=\"" << x << "\" x2=\"" << x + 24 << "\" y1=\"" << y
         << "\" y2=\"" << y << "\" stroke=\"" << color(m)
         << "\" stroke-width=\"2\"/>\n<text x=\"" << x + 30 << "\" y=\""
         << y + 4 << "\">" << config.methods[m].title << " ("
         << config.methods[m].name << ")</text>\n";
    }
    os << "</svg>\n";
  }

private:
  const Config &config;
  const Workload &workload;
  const Results &results;
};

} // namespace

void digamma::bench::writeLayersCsv(std::ostream &os, const Config &config,
                                    const Workload &workload,
                                    const Runner &runner) {
  os << "platform,method,seed,problem,class,N,K,C,Y,X,R,S,found,cycles,"
        "area_um2,num_pes,l1_bytes,l2_bytes,offchip_bytes,energy_nj,samples,"
        "seconds,message\n";
  for (size_t j = 0; j < runner.allJobs().size(); ++j) {
    const Job &job = runner.allJobs()[j];
    const Outcome &outcome = runner.outcomeOf(j);
    const cost::Layer &l = workload.layer(job.problem);
    std::string message = outcome.message;
    // One field on one line.
    std::replace(message.begin(), message.end(), ',', ';');
    std::replace(message.begin(), message.end(), '\n', ' ');
    os << formatString(
        "%s,%s,%llu,%zu,%s,%lld,%lld,%lld,%lld,%lld,%lld,%lld,%d,%lld,%.2f,"
        "%lld,%lld,%lld,%lld,%.6g,%lld,%.4f,%s\n",
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
        (long long)outcome.offchipBytes, outcome.energyNJ, (long long)outcome.samples, outcome.seconds,
        message.c_str());
  }
}

void digamma::bench::writeTables(std::ostream &os, const Config &config,
                                 const Workload &workload,
                                 const Results &results) {
  Report(config, workload, results).writeTables(os);
}

void digamma::bench::writeResultsCsv(std::ostream &os, const Config &config,
                                     const Workload &workload,
                                     const Results &results) {
  Report(config, workload, results).writeResultsCsv(os);
}

void digamma::bench::writeSvg(std::ostream &os, const Config &config,
                              const Workload &workload, const Results &results,
                              size_t platform) {
  Report(config, workload, results).writeSvg(os, platform);
}
