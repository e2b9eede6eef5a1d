//===- Results.cpp - digamma-bench's per-model figures --------------------===//
//
// A model's total cycles, latency-area product and best-so-far curve per
// (platform, method, seed) from its layers' outcomes, weighted by how often
// each occurs; across seeds, geometric means of the seeds that found a
// design for every layer.
//
//===----------------------------------------------------------------------===//

#include "Bench.h"

#include <algorithm>
#include "digamma/CostModel/Roofline.h"

#include <cmath>

using namespace digamma;
using namespace digamma::bench;

Results::Results(const Config &config, const Workload &workload,
                 const Runner &runner)
    : config(config), workload(workload) {
  size_t P = config.platforms.size(), M = config.methods.size(),
         S = config.seeds.size(), N = workload.models.size();
  runs.assign(P * M * S * N, {});
  summaries.assign(P * M * N, {});
  for (size_t p = 0; p < P; ++p)
    for (size_t m = 0; m < M; ++m)
      for (size_t n = 0; n < N; ++n) {
        ModelSummary &summary = summaries[(p * M + m) * N + n];
        summary.seeds = int(S);
        double logCycles = 0, logLap = 0, logEnergy = 0;
        std::array<double, kCheckpoints> logCurve{};
        std::array<int, kCheckpoints> curveCount{};
        for (size_t s = 0; s < S; ++s) {
          ModelRun &run = runs[((p * M + m) * S + s) * N + n];
          run = modelRun(runner, p, m, s, n);
          if (run.boundCycles > 0)
            summary.boundCycles = run.boundCycles;
          if (!run.found)
            continue;
          ++summary.seedsFound;
          logCycles += std::log(run.cycles);
          logLap += std::log(run.lap);
          logEnergy += std::log(run.energyNJ);
        }
        for (int k = 0; k < kCheckpoints; ++k) {
          for (size_t s = 0; s < S; ++s) {
            double value = runs[((p * M + m) * S + s) * N + n].curve[k];
            if (value > 0) {
              logCurve[k] += std::log(value);
              ++curveCount[k];
            }
          }
          // A point counts only once every seed has a design.
          summary.curve[k] =
              curveCount[k] == int(S) ? std::exp(logCurve[k] / double(S)) : -1;
        }
        if (summary.seedsFound > 0) {
          summary.cycles = std::exp(logCycles / summary.seedsFound);
          summary.lap = std::exp(logLap / summary.seedsFound);
          summary.energyNJ = std::exp(logEnergy / summary.seedsFound);
        }
      }
}

ModelRun Results::modelRun(const Runner &runner, size_t p, size_t m, size_t s,
                           size_t n) const {
  const api::Model &model = workload.models[n];
  ModelRun run;
  if (config.methods[m].perModel()) {
    // One search: the chip's weighted totals.
    const Outcome &outcome = runner.outcome(p, m, s, n);
    run.found = outcome.found;
    run.seconds = outcome.seconds;
    run.curve = outcome.curve;
    run.cycles = double(outcome.cycles);
    run.energyNJ = outcome.energyNJ;
    run.areaUm2 = outcome.areaUm2;
    run.lap = run.cycles * outcome.areaUm2;
    run.boundCycles = double(outcome.boundCycles);
    return run;
  }
  run.found = true;
  run.curve.fill(0);
  for (auto [problem, weight] : model.problems) {
    const Outcome &outcome = runner.outcome(p, m, s, problem);
    run.seconds += outcome.seconds;
    run.boundCycles += weight * double(outcome.boundCycles);
    for (int k = 0; k < kCheckpoints; ++k)
      run.curve[k] = outcome.curve[k] < 0 || run.curve[k] < 0
                         ? -1
                         : run.curve[k] + weight * outcome.curve[k];
    if (!outcome.found) {
      run.found = false;
      continue;
    }
    run.cycles += weight * double(outcome.cycles);
    run.energyNJ += weight * outcome.energyNJ;
    run.areaUm2 = std::max(run.areaUm2, outcome.areaUm2);
    run.lap += weight * double(outcome.cycles) * outcome.areaUm2;
  }
  return run;
}

double Results::rooflineCycles(size_t p, size_t n) const {
  const Platform &platform = config.platforms[p];
  double total = 0;
  for (auto [problem, weight] : workload.models[n].problems) {
    const api::LayerProblem &layer = workload.table.problems()[problem];
    int64_t bytes = config.options.elementBytes > 0 ? config.options.elementBytes
                    : layer.elementBytes > 0        ? layer.elementBytes
                                                    : platform.elementBytes;
    total += weight * double(cost::rooflineCycles(
                          layer.layer, platform.maxPEs,
                          platform.offchipBytesPerCycle, bytes));
  }
  return total;
}
