//===- Runner.cpp - Every search of digamma-bench, on worker threads ------===//
//
// The models' distinct layers times platforms, methods and seeds, each a
// single-threaded search of the request layer, spread over worker threads
// that take the next job when they are done; progress on stderr.
//
//===----------------------------------------------------------------------===//

#include "Bench.h"

#include <atomic>
#include <cstdio>
#include <thread>

using namespace digamma;
using namespace digamma::bench;

Workload digamma::bench::loadWorkload(const Config &config) {
  Workload workload;
  for (const std::string &spec : config.modelSpecs) {
    api::Model model;
    if (std::optional<std::string> error =
            api::loadModel(api::modelPath(spec, config.modelsDir),
                           workload.table, model))
      fail(*error);
    workload.models.push_back(std::move(model));
  }
  return workload;
}

static double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                       start)
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
        }
        request.options.constraint = method.constraint;
        request.options.constraintFile = method.constraintFile;
        if (std::optional<std::string> error =
                api::planSearch(request, plans[(p * M + m) * S + s]))
          fail(*error);
        // The grid search ignores the seed: run it once.
        if (!method.seeded && s > 0)
          continue;
        for (size_t i = 0; i < workload.numProblems(); ++i)
          jobs.push_back({p, m, s, i});
      }
  outcomes.resize(jobs.size());
  for (size_t j = 0; j < jobs.size(); ++j)
    jobIndex[key(jobs[j])] = j;
}

void Runner::run() {
  auto start = std::chrono::steady_clock::now();
  std::atomic<size_t> next{0}, done{0};
  auto work = [&] {
    for (size_t j; (j = next++) < jobs.size();) {
      outcomes[j] = runJob(jobs[j]);
      ++done;
    }
  };
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < config.threads; ++t)
    workers.emplace_back(work);
  if (!config.quiet) {
    // Progress every two seconds while the workers run.
    while (done < jobs.size()) {
      for (int i = 0; i < 20 && done < jobs.size(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      size_t finished = done;
      double elapsed = secondsSince(start);
      double left = finished > 0 ? elapsed * double(jobs.size() - finished) /
                                       double(finished)
                                 : 0;
      std::fprintf(stderr,
                   "%s: %zu/%zu searches (%.0f%%), %.0f s elapsed, about "
                   "%.0f s left\n",
                   kTool, finished, jobs.size(),
                   100.0 * double(finished) / double(jobs.size()), elapsed,
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

Outcome Runner::runJob(const Job &job) const {
  const Method &method = config.methods[job.method];
  const api::SearchPlan &plan = planOf(job);
  const api::LayerProblem &problem = workload.table.problems()[job.problem];
  auto begin = std::chrono::steady_clock::now();
  // Map-opt's preset hardware is the bench's own scheme; everything else is
  // the request's search.
  search::SearchResult result =
      method.kind == Method::Kind::MappingOpt
          ? search::runMappingOpt(problem.layer, method.preset,
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
  outcome.samples = result.samplesUsed;
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
  return outcome;
}
