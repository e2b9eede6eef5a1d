//===- Flexibility.cpp - What flexibility buys: digamma-bench --constraints ===//
//
// The flexibility study: for each model and platform, the latency and energy
// of DiGamma's best design within each map space (a partially flexible
// accelerator, docs/map-space.md) over those of free DiGamma, the first
// method. A ratio above 1 is what the missing flexibility costs. Tables
// (markdown, CSV) and a bar chart (SVG) of the geomean over models.
//
//===----------------------------------------------------------------------===//

#include "Bench.h"

#include <algorithm>
#include <cmath>

using namespace digamma;
using namespace digamma::bench;

namespace {

/// Method m's figure over the free design's (method 0) for model n, or -1
/// if either found no design.
double ratio(const Results &results, size_t p, size_t m, size_t n,
             bool energy) {
  const ModelSummary &free = results.summary(p, 0, n);
  const ModelSummary &within = results.summary(p, m, n);
  if (within.seedsFound == 0 || free.seedsFound == 0)
    return -1;
  return energy ? within.energyNJ / free.energyNJ : within.cycles / free.cycles;
}

/// Geomean of the positive entries of \p values, and how many there were.
std::pair<double, size_t> geomean(const std::vector<double> &values) {
  double sum = 0;
  size_t count = 0;
  for (double value : values)
    if (value > 0) {
      sum += std::log(value);
      ++count;
    }
  return {count ? std::exp(sum / double(count)) : -1, count};
}

std::vector<double> ratiosOver(const Config &config, const Workload &workload,
                               const Results &results, size_t p, size_t m,
                               bool energy) {
  std::vector<double> values;
  for (size_t n = 0; n < workload.models.size(); ++n)
    values.push_back(ratio(results, p, m, n, energy));
  return values;
}

std::string cell(double value) {
  return value > 0 ? formatString("%.2f", value) : "N/A";
}

} // namespace

void digamma::bench::writeFlexibilityTables(std::ostream &os,
                                            const Config &config,
                                            const Workload &workload,
                                            const Results &results) {
  size_t N = workload.models.size();
  os << "# What flexibility buys: DiGamma within map spaces vs. free "
        "DiGamma\n\n";
  os << "Command: `" << config.commandLine << "`\n\n";
  std::string seeds;
  for (uint64_t seed : config.seeds)
    seeds += (seeds.empty() ? "" : " ") + std::to_string(seed);
  os << formatString(
      "Samples per distinct layer: %lld; seeds: %s; element size %lld "
      "byte(s); %s semantics. Each value is a model's total latency (or "
      "energy) of DiGamma's best latency design within the map space, over "
      "that of DiGamma's best design with every mapping choice free, on the "
      "same area budget (geomean over seeds); above 1 is what the missing "
      "flexibility costs. N/A: no design within the budget. "
      "`nvdla-class-TOPS`: the flexibility classes of Kao et al. "
      "(SIGMETRICS 2022) for the NVDLA family, 1 = flexible in tile, order, "
      "parallelism, shape (constraints/*.json say where each comes from).\n",
      (long long)config.options.samples, seeds.c_str(),
      (long long)config.options.elementBytes,
      std::string(search::nameOf(search::semanticsValues(),
                                 config.options.semantics))
          .c_str());
  for (size_t p = 0; p < config.platforms.size(); ++p)
    for (bool energy : {false, true}) {
      const Platform &platform = config.platforms[p];
      os << formatString("\n## %s (%.4g mm^2): %s over free DiGamma\n\n",
                         platform.name.c_str(), platform.budgetUm2 / 1e6,
                         energy ? "energy" : "latency");
      os << "| map space |";
      for (const api::Model &model : workload.models)
        os << " " << model.name << " |";
      os << " geomean |\n|---|";
      for (size_t n = 0; n <= N; ++n)
        os << "---|";
      os << "\n| free DiGamma (" << (energy ? "nJ" : "cycles") << ") |";
      for (size_t n = 0; n < N; ++n) {
        const ModelSummary &free = results.summary(p, 0, n);
        os << " "
           << (free.seedsFound
                   ? formatString("%.3g", energy ? free.energyNJ : free.cycles)
                   : "N/A")
           << " |";
      }
      os << " |\n";
      for (size_t m = 1; m < config.methods.size(); ++m) {
        std::vector<double> values =
            ratiosOver(config, workload, results, p, m, energy);
        os << "| " << config.methods[m].title << " |";
        for (double value : values)
          os << " " << cell(value) << " |";
        auto [mean, count] = geomean(values);
        os << " " << cell(mean)
           << (count < N && count > 0
                   ? formatString(" (%zu models)", count)
                   : std::string())
           << " |\n";
      }
    }
}

void digamma::bench::writeFlexibilityCsv(std::ostream &os,
                                         const Config &config,
                                         const Workload &workload,
                                         const Results &results) {
  os << "platform,area_budget_um2,model,map_space,seed,found,total_cycles,"
        "total_energy_nj,cycles_over_free,energy_over_free\n";
  for (size_t p = 0; p < config.platforms.size(); ++p)
    for (size_t m = 0; m < config.methods.size(); ++m)
      for (size_t s = 0; s < config.seeds.size(); ++s)
        for (size_t n = 0; n < workload.models.size(); ++n) {
          const ModelRun &run = results.run(p, m, s, n);
          const ModelRun &free = results.run(p, 0, s, n);
          bool both = run.found && free.found;
          os << formatString(
              "%s,%.0f,%s,%s,%llu,%d,%.0f,%.6e,%.6g,%.6g\n",
              config.platforms[p].name.c_str(), config.platforms[p].budgetUm2,
              workload.models[n].name.c_str(),
              m == 0 ? "free" : config.methods[m].title.c_str(),
              (unsigned long long)config.seeds[s], run.found ? 1 : 0,
              run.found ? run.cycles : 0.0, run.found ? run.energyNJ : 0.0,
              both ? run.cycles / free.cycles : 0.0,
              both ? run.energyNJ / free.energyNJ : 0.0);
        }
}

void digamma::bench::writeFlexibilitySvg(std::ostream &os,
                                         const Config &config,
                                         const Workload &workload,
                                         const Results &results, size_t p) {
  size_t M = config.methods.size();
  const int left = 70, right = 20, top = 50, bottom = 150, group = 46;
  int plotWidth = int(M - 1) * group, plotHeight = 300;
  int width = left + plotWidth + right, height = top + plotHeight + bottom;
  // Geomean ratios over models; a log scale from 1 (or below) up.
  std::vector<std::array<double, 2>> bars;
  double lo = 1, hi = 1;
  for (size_t m = 1; m < M; ++m) {
    std::array<double, 2> pair{};
    for (int e = 0; e < 2; ++e) {
      pair[e] = geomean(ratiosOver(config, workload, results, p, m, e == 1))
                    .first;
      if (pair[e] > 0) {
        lo = std::min(lo, pair[e]);
        hi = std::max(hi, pair[e]);
      }
    }
    bars.push_back(pair);
  }
  double logLo = std::log10(lo) - 0.05, logHi = std::log10(hi) + 0.05;
  auto y = [&](double value) {
    return top + plotHeight -
           (std::log10(value) - logLo) / (logHi - logLo) * plotHeight;
  };
  const Platform &platform = config.platforms[p];
  os << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << width
     << "\" height=\"" << height
     << "\" font-family=\"sans-serif\" font-size=\"11\">\n"
        "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
  os << formatString(
      "<text x=\"10\" y=\"18\" font-size=\"13\">Latency and energy within "
      "each map space over free DiGamma, %s (%.4g mm^2), geomean over %zu "
      "models (log scale)</text>\n",
      platform.name.c_str(), platform.budgetUm2 / 1e6, workload.models.size());
  os << "<rect x=\"" << left << "\" y=\"30\" width=\"10\" height=\"10\" "
        "fill=\"#1f77b4\"/><text x=\""
     << left + 14 << "\" y=\"39\">latency</text>\n<rect x=\"" << left + 80
     << "\" y=\"30\" width=\"10\" height=\"10\" fill=\"#ff7f0e\"/><text x=\""
     << left + 94 << "\" y=\"39\">energy</text>\n";
  // Grid lines at 1, 2, 5, 10, ... within the range.
  for (double decade = std::pow(10, std::floor(logLo)); decade <= hi * 10;
       decade *= 10)
    for (double step : {1.0, 2.0, 5.0}) {
      double value = decade * step;
      if (std::log10(value) < logLo || std::log10(value) > logHi)
        continue;
      double at = y(value);
      os << formatString("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" "
                         "stroke=\"%s\"/>\n<text x=\"%d\" y=\"%.1f\" "
                         "text-anchor=\"end\">%g</text>\n",
                         left, at, left + plotWidth, at,
                         value == 1 ? "#000" : "#ddd", left - 4, at + 4,
                         value);
    }
  for (size_t i = 0; i < bars.size(); ++i) {
    int x0 = left + int(i) * group + 6;
    for (int e = 0; e < 2; ++e) {
      double value = bars[i][e];
      if (!(value > 0))
        continue;
      double base = y(1), end = y(value);
      os << formatString("<rect x=\"%d\" y=\"%.1f\" width=\"16\" "
                         "height=\"%.1f\" fill=\"%s\"><title>%s %s: "
                         "%.3g</title></rect>\n",
                         x0 + e * 17, std::min(base, end),
                         std::max(std::abs(end - base), 0.5),
                         e ? "#ff7f0e" : "#1f77b4",
                         config.methods[i + 1].title.c_str(),
                         e ? "energy" : "latency", value);
    }
    os << formatString("<text transform=\"translate(%d,%d) rotate(60)\">%s"
                       "</text>\n",
                       x0 + 10, top + plotHeight + 8,
                       config.methods[i + 1].title.c_str());
  }
  os << formatString("<text transform=\"translate(16,%d) rotate(-90)\" "
                     "text-anchor=\"middle\">over free DiGamma</text>\n",
                     top + plotHeight / 2);
  os << "</svg>\n";
}
