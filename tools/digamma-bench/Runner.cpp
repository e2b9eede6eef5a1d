//===- Runner.cpp - Every search of digamma-bench, on worker threads ------===//
//
// The models' distinct layers (or the models, for a per-model method) times
// platforms, methods and seeds, each a single-threaded search of the
// request layer, spread over worker threads that take the next job when
// they are done; progress on stderr. With --shard=i/n only the jobs j with
// j % n == i run: the job list is the same in every slice.
//
//===----------------------------------------------------------------------===//

#include "Bench.h"

#include <atomic>
#include <cmath>
#include <cstdio>
#include <thread>

using namespace digamma;
using namespace digamma::bench;

Workload digamma::bench::loadWorkload(const Config &config) {
  Workload workload;
  for (const std::string &spec : config.modelSpecs) {
    api::Model model;
    if (std::optional<std::string> error = api::loadModel(
            api::modelPath(spec, config.modelsDir), workload.table, model))
      fail(*error);
    workload.models.push_back(std::move(model));
  }
  return workload;
}

static double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
      .count();
}

Runner::Runner(const Config &config, const Workload &workload)
    : config(config), workload(workload) {
  size_t M = config.methods.size(), S = config.seeds.size();
  plans.resize(config.platforms.size() * M * S);
  for (size_t p = 0; p < config.platforms.size(); ++p)
    for (size_t m = 0; m < M; ++m)
      for (size_t s = 0; s < S; ++s) {
        const Method &method = config.methods[m];
        api::Request request = platformRequest(config, config.platforms[p]);
        request.options.seed = config.seeds[s];
        switch (method.kind) {
        case Method::Kind::Optimizer:
          request.options.algorithm = method.algorithm;
          break;
        case Method::Kind::HardwareGrid:
          request.options.mode = search::Mode::FixedMapping;
          request.options.dataflow = std::string(method.dataflow->name);
          break;
        case Method::Kind::MappingOpt:
          break;
        case Method::Kind::SharedChip:
          request.scope = api::Scope::Model;
          break;
        }
        request.options.constraint = method.constraint;
        request.options.constraintFile = method.constraintFile;
        if (std::optional<std::string> error =
                api::planSearch(request, plans[(p * M + m) * S + s]))
          fail(*error);
        // The grid search ignores the seed: run it once.
        if (!method.seeded && s > 0)
          continue;
        size_t problems =
            method.perModel() ? workload.models.size() : workload.numProblems();
        for (size_t i = 0; i < problems; ++i)
          jobs.push_back({p, m, s, i});
      }
  outcomes.resize(jobs.size());
  for (size_t j = 0; j < jobs.size(); ++j)
    jobIndex[key(jobs[j])] = j;
}

bool Runner::inShard(size_t job) const {
  return config.shardCount == 0 || job % config.shardCount == config.shardIndex;
}

void Runner::run() {
  auto start = std::chrono::steady_clock::now();
  std::vector<size_t> mine;
  for (size_t j = 0; j < jobs.size(); ++j)
    if (inShard(j))
      mine.push_back(j);
  std::atomic<size_t> next{0}, done{0};
  auto work = [&] {
    for (size_t k; (k = next++) < mine.size();) {
      outcomes[mine[k]] = runJob(jobs[mine[k]]);
      ++done;
    }
  };
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < config.threads; ++t)
    workers.emplace_back(work);
  if (!config.quiet) {
    // Progress every two seconds while the workers run.
    while (done < mine.size()) {
      for (int i = 0; i < 20 && done < mine.size(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      size_t finished = done;
      double elapsed = secondsSince(start);
      double left = finished > 0 ? elapsed * double(mine.size() - finished) /
                                       double(finished)
                                 : 0;
      std::fprintf(stderr,
                   "%s: %zu/%zu searches (%.0f%%), %.0f s elapsed, about "
                   "%.0f s left\n",
                   kTool, finished, mine.size(),
                   100.0 * double(finished) / double(mine.size()), elapsed,
                   left);
    }
  }
  for (std::thread &worker : workers)
    worker.join();
  wallSeconds = secondsSince(start);
}

const Outcome &Runner::outcome(size_t platform, size_t method, size_t seed,
                               size_t problem) const {
  if (!config.methods[method].seeded)
    seed = 0;
  return outcomes[jobIndex.at(key({platform, method, seed, problem}))];
}

const api::SearchPlan &Runner::planOf(const Job &job) const {
  size_t M = config.methods.size(), S = config.seeds.size();
  return plans[(job.platform * M + job.method) * S + job.seed];
}

/// A front as the bench records it.
static std::vector<FrontPoint> frontPoints(const search::Front &front) {
  std::vector<FrontPoint> points;
  for (const search::FrontDesign &design : front.designs)
    points.push_back({design.cycles, design.energyNJ, design.areaUm2,
                      design.hardware.numPEs});
  return points;
}

/// The MACs and off-chip bytes of \p result's design of \p layer, which
/// the search does not compute at unbounded bandwidth, into \p outcome.
static void addTraffic(const api::SearchPlan &plan,
                       const api::LayerProblem &layer,
                       const search::SearchResult &result, Outcome &outcome) {
  cost::ModelOptions model = plan.optionsFor(layer).model;
  model.reportFigures = true;
  cost::Evaluator evaluator(model);
  const cost::CostReport &report =
      evaluator.evaluate(plan.layerFor(layer), result.hardware, result.mapping);
  outcome.layerMacs.push_back(double(report.macs));
  outcome.layerOffchipBytes.push_back(double(report.offchipBytes));
}

/// The cycle bound of \p layer under \p plan (search.md).
static int64_t cycleBoundOf(const api::SearchPlan &plan,
                            const api::LayerProblem &layer) {
  return search::cycleBound(plan.layerFor(layer), plan.optionsFor(layer))
      .cycles;
}

Outcome Runner::runJob(const Job &job) const {
  const Method &method = config.methods[job.method];
  const api::SearchPlan &plan = planOf(job);
  auto begin = std::chrono::steady_clock::now();
  if (method.perModel()) {
    std::vector<api::LayerProblem> layers =
        api::modelLayers(workload.table, workload.models[job.problem]);
    api::SharedChipResult shared = api::searchSharedChip(plan, layers);
    const search::ModelSearchResult &chip = shared.chip;
    Outcome outcome;
    outcome.seconds = secondsSince(begin);
    outcome.found = chip.found;
    outcome.message = chip.message;
    outcome.cycles = std::llround(chip.totalCycles);
    outcome.areaUm2 = chip.areaUm2;
    outcome.energyNJ = chip.totalEnergyNJ;
    outcome.numPEs = chip.hardware.numPEs;
    outcome.samples = chip.samplesUsed;
    // The chip search records no samples per generation: no curve.
    outcome.curve.fill(-1);
    // A shared chip is never faster on an op than the op's own best chip:
    // the model's bound is its ops' bounds, weighted.
    double bound = 0;
    for (const api::LayerProblem &layer : layers)
      bound += layer.weight * double(cycleBoundOf(plan, layer));
    outcome.boundCycles = std::llround(bound);
    for (const cost::CostReport &cost : chip.costs) {
      outcome.layerCycles.push_back(double(cost.cycles));
      outcome.layerEnergyNJ.push_back(cost.energyNJ);
    }
    if (chip.found)
      for (size_t k = 0; k < layers.size(); ++k)
        addTraffic(plan, layers[k], shared.layers[k], outcome);
    outcome.front = frontPoints(chip.front);
    outcome.picked = chip.front.picked;
    return outcome;
  }
  const api::LayerProblem &problem = workload.table.problems()[job.problem];
  // Map-opt's preset hardware is the bench's own scheme; everything else is
  // the request's search.
  search::SearchResult result =
      method.kind == Method::Kind::MappingOpt
          ? search::runMappingOpt(plan.layerFor(problem), method.preset,
                                  plan.optionsFor(problem))
          : api::searchLayer(plan, problem);
  Outcome outcome;
  outcome.seconds = secondsSince(begin);
  outcome.found = result.found;
  outcome.message = result.message;
  outcome.cycles = result.cost.cycles;
  outcome.areaUm2 = result.areaUm2;
  outcome.energyNJ = result.cost.energyNJ;
  outcome.numPEs = result.hardware.numPEs;
  outcome.l1Bytes = result.cost.l1Bytes;
  outcome.l2Bytes = result.cost.l2Bytes;
  outcome.offchipBytes = result.cost.offchipBytes;
  outcome.samples = result.samplesUsed;
  outcome.boundCycles = cycleBoundOf(plan, problem);
  // Best so far at each checkpoint, from the trace.
  size_t t = 0;
  double best = -1;
  int64_t samples = config.options.samples;
  for (int k = 0; k < kCheckpoints; ++k) {
    int64_t at = samples * (k + 1) / kCheckpoints;
    while (t < result.samplesPerGeneration.size() &&
           result.samplesPerGeneration[t] <= at)
      best = result.bestPerGeneration[t++];
    outcome.curve[k] = best;
  }
  if (result.found)
    addTraffic(plan, problem, result, outcome);
  outcome.front = frontPoints(result.front);
  outcome.picked = result.front.picked;
  return outcome;
}
