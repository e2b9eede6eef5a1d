//===- Bench.h - The pieces of digamma-bench --------------------*- C++ -*-===//
//
// digamma-bench in four rooms: the command line (CommandLine.cpp), the
// searches of every (platform, method, seed, distinct layer) on worker
// threads (Runner.cpp), per-model figures over layers and seeds
// (Results.cpp), and the tables, CSV files and traces it writes
// (Reports.cpp). Each search is a request of the request layer
// (digamma/Api/Request.h), as the pass's are.
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_TOOLS_DIGAMMA_BENCH_BENCH_H
#define DIGAMMA_TOOLS_DIGAMMA_BENCH_BENCH_H

#include "digamma/Api/Request.h"
#include "digamma/Api/Workload.h"
#include "digamma/Search/TwoStep.h"

#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <ostream>
#include <string>
#include <tuple>
#include <vector>

namespace digamma::bench {

constexpr const char *kTool = "digamma-bench";
/// Points of the best-so-far curves (per search and per model).
constexpr int kCheckpoints = 40;

/// Prints "digamma-bench: error: <message>" and exits with status 1.
[[noreturn]] void fail(const std::string &message);
/// printf into a string as long as it needs to be.
[[gnu::format(printf, 1, 2)]] std::string formatString(const char *format, ...);

//===----------------------------------------------------------------------===//
// Command line
//===----------------------------------------------------------------------===//

struct Platform {
  /// Name in reports and file names.
  std::string name;
  /// The request's platform and area (0: the platform's).
  std::string preset;
  double areaMm2 = 0;
  /// The area budget the plan resolved, in um^2.
  double budgetUm2 = 0;
};

/// A method: a search algorithm or a two-step scheme.
struct Method {
  enum class Kind { Optimizer, HardwareGrid, MappingOpt };
  std::string name;
  /// Column title in the tables.
  std::string title;
  Kind kind = Kind::Optimizer;
  search::Algorithm algorithm = search::Algorithm::DiGamma;
  const search::Dataflow *dataflow = nullptr;
  search::HardwarePreset preset = search::HardwarePreset::Medium;
  /// False if the result does not depend on the seed (the grid search).
  bool seeded = true;
  /// --constraints: the map space (a bundled constraint's name) or
  /// constraint file the optimizer searches within; empty for none.
  std::string constraint, constraintFile;
};

/// The methods of the paper's Fig. 5 and Fig. 6, in table order.
extern const char *const kFig5[8];
extern const char *const kFig6[7];

struct Config {
  std::vector<std::string> modelSpecs;
  std::string modelsDir;
  std::vector<Platform> platforms;
  std::vector<Method> methods;
  std::vector<uint64_t> seeds = {1, 2, 3};
  /// What every search is asked: samples, population, element size,
  /// semantics, penalties (the seed and method are per search).
  api::Options options;
  /// Worker threads, each running whole searches.
  unsigned threads = 0;
  std::string outDir = "bench-out";
  /// --constraints: the flexibility study (Flexibility.cpp) instead of the
  /// paper's figures.
  bool flexibility = false;
  bool quiet = false;
  std::string commandLine;
};

/// The configuration of the command line, or fail() with the reason.
Config parseCommandLine(int argc, char **argv);
/// The request of every search on \p platform (the method and seed
/// aside).
api::Request platformRequest(const Config &config, const Platform &platform);

//===----------------------------------------------------------------------===//
// Workload and searches
//===----------------------------------------------------------------------===//

/// The models and their distinct layer problems (over all models).
struct Workload {
  api::ProblemTable table;
  std::vector<api::Model> models;

  size_t numProblems() const { return table.size(); }
  const cost::Layer &layer(size_t problem) const {
    return table.problems()[problem].layer;
  }
};

/// Reads the models of \p config, or fail()s.
Workload loadWorkload(const Config &config);

struct Outcome {
  bool found = false;
  std::string message;
  int64_t cycles = 0;
  double areaUm2 = 0;
  double energyNJ = 0;
  int64_t numPEs = 0;
  int64_t samples = 0;
  double seconds = 0;
  /// Best objective (cycles) after samples * (k + 1) / kCheckpoints
  /// samples; -1 while nothing valid was found.
  std::array<double, kCheckpoints> curve{};
};

struct Job {
  size_t platform, method, seed, problem;
};

/// Runs every job on config.threads worker threads, with progress on
/// stderr unless quiet. The plans are checked when it is made (fail() on a
/// bad request); each search is single-threaded, so results do not depend
/// on the thread count.
class Runner {
public:
  Runner(const Config &config, const Workload &workload);
  void run();

  /// The outcome of \p problem for (platform, method, seed index).
  const Outcome &outcome(size_t platform, size_t method, size_t seed,
                         size_t problem) const;
  const std::vector<Job> &allJobs() const { return jobs; }
  const Outcome &outcomeOf(size_t job) const { return outcomes[job]; }
  double wallSeconds = 0;

private:
  static std::tuple<size_t, size_t, size_t, size_t> key(const Job &job) {
    return {job.platform, job.method, job.seed, job.problem};
  }
  const api::SearchPlan &planOf(const Job &job) const;
  Outcome runJob(const Job &job) const;

  const Config &config;
  const Workload &workload;
  /// One plan per (platform, method, seed).
  std::vector<api::SearchPlan> plans;
  std::vector<Job> jobs;
  std::vector<Outcome> outcomes;
  std::map<std::tuple<size_t, size_t, size_t, size_t>, size_t> jobIndex;
};

//===----------------------------------------------------------------------===//
// Aggregation
//===----------------------------------------------------------------------===//

/// One model's figures for one (platform, method, seed).
struct ModelRun {
  bool found = false;
  double cycles = 0;
  /// Sum over layers of occurrences x energy.
  double energyNJ = 0;
  /// Sum over layers of occurrences x cycles x the layer's design area.
  double lap = 0;
  double seconds = 0;
  std::array<double, kCheckpoints> curve{};
};

/// Across seeds: geometric means of the seeds that found a design.
struct ModelSummary {
  int seedsFound = 0, seeds = 0;
  double cycles = 0, lap = 0, energyNJ = 0;
  std::array<double, kCheckpoints> curve{};
};

class Results {
public:
  Results(const Config &config, const Workload &workload, const Runner &runner);

  const ModelRun &run(size_t p, size_t m, size_t s, size_t n) const {
    size_t M = config.methods.size(), S = config.seeds.size(),
           N = workload.models.size();
    return runs[((p * M + m) * S + s) * N + n];
  }
  const ModelSummary &summary(size_t p, size_t m, size_t n) const {
    size_t M = config.methods.size(), N = workload.models.size();
    return summaries[(p * M + m) * N + n];
  }

private:
  ModelRun modelRun(const Runner &runner, size_t p, size_t m, size_t s,
                    const api::Model &model) const;

  const Config &config;
  const Workload &workload;
  std::vector<ModelRun> runs;
  std::vector<ModelSummary> summaries;
};

//===----------------------------------------------------------------------===//
// Reports
//===----------------------------------------------------------------------===//

/// tables.md: the paper's tables, geomeans and DiGamma's ratios.
void writeTables(std::ostream &os, const Config &config,
                 const Workload &workload, const Results &results);
/// results.csv: one row per (platform, model, method, seed).
void writeResultsCsv(std::ostream &os, const Config &config,
                     const Workload &workload, const Results &results);
/// trace-<platform>.svg: best-so-far model latency versus samples.
void writeSvg(std::ostream &os, const Config &config, const Workload &workload,
              const Results &results, size_t platform);
/// layers.csv: one row per search.
void writeLayersCsv(std::ostream &os, const Config &config,
                    const Workload &workload, const Runner &runner);

/// --constraints (Flexibility.cpp). flexibility.md: per platform, each map
/// space's model latency and energy over the free DiGamma design's.
void writeFlexibilityTables(std::ostream &os, const Config &config,
                            const Workload &workload, const Results &results);
/// flexibility.csv: one row per (platform, model, method, seed) with the
/// ratios to the free design.
void writeFlexibilityCsv(std::ostream &os, const Config &config,
                         const Workload &workload, const Results &results);
/// flexibility-<platform>.svg: the geomean ratios over models per map
/// space, as bars.
void writeFlexibilitySvg(std::ostream &os, const Config &config,
                         const Workload &workload, const Results &results,
                         size_t platform);

} // namespace digamma::bench

#endif // DIGAMMA_TOOLS_DIGAMMA_BENCH_BENCH_H
