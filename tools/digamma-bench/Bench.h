//===- Bench.h - The pieces of digamma-bench --------------------*- C++ -*-===//
//
// digamma-bench in six rooms: the command line (CommandLine.cpp), the
// searches of every (platform, method, seed, distinct layer or model) on
// worker threads (Runner.cpp), the slices of a sharded run and their merge
// (Shards.cpp), per-model figures over layers and seeds (Results.cpp), the
// tables and CSV files (Reports.cpp) and the SVG figures (Figures.cpp).
// Each search is a request of the request layer (digamma/Api/Request.h), as
// the pass's are.
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_TOOLS_DIGAMMA_BENCH_BENCH_H
#define DIGAMMA_TOOLS_DIGAMMA_BENCH_BENCH_H

#include "digamma/Api/Request.h"
#include "digamma/Api/Workload.h"
#include "digamma/Search/Front.h"
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
  /// The request's platform, platform file and area (0: the platform's).
  std::string preset;
  std::string file;
  double areaMm2 = 0;
  /// What the plan resolved: the area budget in um^2, the most PEs it
  /// pays for (buffers aside, within the PE limit) and the off-chip
  /// bandwidth in bytes per cycle (0: unbounded).
  double budgetUm2 = 0;
  int64_t maxPEs = 0;
  int64_t offchipBytesPerCycle = 0;
  /// Bytes per element of a layer without its own.
  int64_t elementBytes = 1;
};

/// A method: a search algorithm, a two-step scheme, or DiGamma's one chip
/// for a whole model (scope=model).
struct Method {
  enum class Kind { Optimizer, HardwareGrid, MappingOpt, SharedChip };
  std::string name;
  /// Column title in the tables.
  std::string title;
  Kind kind = Kind::Optimizer;
  search::Algorithm algorithm = search::Algorithm::DiGamma;
  const search::Dataflow *dataflow = nullptr;
  search::HardwarePreset preset = search::HardwarePreset::Medium;
  /// False if the result does not depend on the seed (the grid search).
  bool seeded = true;
  /// A search per model (SharedChip) rather than per distinct layer.
  bool perModel() const { return kind == Kind::SharedChip; }
  /// --constraints: the map space (a bundled constraint's name) or
  /// constraint file the optimizer searches within; empty for none.
  std::string constraint, constraintFile;
};

/// The methods of the paper's Fig. 5 and Fig. 6, in table order.
extern const char *const kFig5[8];
extern const char *const kFig6[7];

struct Config {
  /// The arguments that decide the results (not --out, --threads, --quiet,
  /// --shard): what tables.md quotes and a shard records for --merge.
  std::vector<std::string> resultArgs;
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
  /// --area-sweep: the budgets in mm^2, one platform each (empty: none).
  std::vector<double> areaSweep;
  /// --no-times: the seconds columns stay empty, so that every file is a
  /// function of the result arguments alone.
  bool noTimes = false;
  /// --shard=i/n: run the jobs j with j % n == i and write their record
  /// (shard-i-of-n.csv) only; n == 0 for a whole run.
  size_t shardIndex = 0, shardCount = 0;
  /// --merge: directories whose shard records make up the run.
  std::vector<std::string> mergeDirs;

  bool fronts() const { return options.objective == search::Objective::Pareto; }
};

/// The configuration of the command line, or fail() with the reason.
Config parseCommandLine(int argc, char **argv);
/// The same from a list of arguments (the program's name first), as
/// --merge reads them from a shard.
Config parseArguments(const std::vector<std::string> &args);
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

/// One design of a front, as digamma-bench records it.
struct FrontPoint {
  double cycles = 0, energyNJ = 0, areaUm2 = 0;
  int64_t numPEs = 0;
};

struct Outcome {
  bool found = false;
  std::string message;
  int64_t cycles = 0;
  double areaUm2 = 0;
  double energyNJ = 0;
  int64_t numPEs = 0;
  /// The design's per-PE L1 and L2 bytes and its off-chip bytes (0 when
  /// the off-chip bandwidth is unbounded: not computed then).
  int64_t l1Bytes = 0, l2Bytes = 0, offchipBytes = 0;
  int64_t samples = 0;
  double seconds = 0;
  /// The fewest cycles any design of the layer can take under the search's
  /// options (search::cycleBound).
  int64_t boundCycles = 0;
  /// Best objective (cycles) after samples * (k + 1) / kCheckpoints
  /// samples; -1 while nothing valid was found.
  std::array<double, kCheckpoints> curve{};
  /// objective=pareto: the front, sorted as the search sorts it, and the
  /// index of its pick (whose figures are the fields above).
  std::vector<FrontPoint> front;
  size_t picked = 0;
  /// A shared chip: each distinct layer's cycles and energy on it (in the
  /// model's order of problems), once, not weighted.
  std::vector<double> layerCycles, layerEnergyNJ;
  /// The MACs and off-chip bytes of the design of each layer (one for a
  /// layer's search, one per distinct layer on a shared chip), for the
  /// roofline; empty without a design.
  std::vector<double> layerMacs, layerOffchipBytes;
};

struct Job {
  size_t platform, method, seed, problem;
};

/// Runs every job (of the shard, with --shard) on config.threads worker
/// threads, with progress on stderr unless quiet. The plans are checked
/// when it is made (fail() on a bad request); each search is
/// single-threaded, so results do not depend on the thread count. A job's
/// problem is a distinct layer, or a model for a per-model method.
class Runner {
public:
  Runner(const Config &config, const Workload &workload);
  void run();
  /// True if \p job belongs to this run's shard (always without --shard).
  bool inShard(size_t job) const;
  /// --merge: the outcome of \p job, read from a shard's record.
  void setOutcome(size_t job, Outcome outcome) {
    outcomes[job] = std::move(outcome);
  }

  /// The outcome of \p problem for (platform, method, seed index).
  const Outcome &outcome(size_t platform, size_t method, size_t seed,
                         size_t problem) const;
  const std::vector<Job> &allJobs() const { return jobs; }
  /// The fronts' figures and pick (objective=pareto).
  const search::ParetoSettings &paretoSettings() const {
    return plans.front().options.pareto;
  }
  const Outcome &outcomeOf(size_t job) const { return outcomes[job]; }
  /// The plan of \p job's platform, method and seed.
  const api::SearchPlan &planOf(const Job &job) const;
  double wallSeconds = 0;

private:
  static std::tuple<size_t, size_t, size_t, size_t> key(const Job &job) {
    return {job.platform, job.method, job.seed, job.problem};
  }
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
  double cycles = 0, energyNJ = 0;
  /// The largest chip of the model's layers (its one chip, for a shared
  /// chip).
  double areaUm2 = 0;
  /// Sum over layers of occurrences x cycles x the layer's design area.
  double lap = 0;
  double seconds = 0;
  /// Sum over layers of occurrences x the layer's cycle bound.
  double boundCycles = 0;
  std::array<double, kCheckpoints> curve{};
};

/// Across seeds: geometric means of the seeds that found a design.
struct ModelSummary {
  int seedsFound = 0, seeds = 0;
  double cycles = 0, lap = 0, energyNJ = 0;
  /// The model's cycle bound (the same for every seed).
  double boundCycles = 0;
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
  /// Model \p n's roofline bound on platform \p p: the sum over its layers
  /// of occurrences x cost::rooflineCycles() with the platform's most PEs
  /// and off-chip bandwidth.
  double rooflineCycles(size_t p, size_t n) const;

private:
  ModelRun modelRun(const Runner &runner, size_t p, size_t m, size_t s,
                    size_t n) const;

  const Config &config;
  const Workload &workload;
  std::vector<ModelRun> runs;
  std::vector<ModelSummary> summaries;
};

//===----------------------------------------------------------------------===//
// Reports
//===----------------------------------------------------------------------===//

/// layers.csv: one row per search of a distinct layer.
void writeLayersCsv(std::ostream &os, const Config &config,
                    const Workload &workload, const Runner &runner);
/// chips.csv: one row per shared-chip search (digamma-model).
void writeChipsCsv(std::ostream &os, const Config &config,
                   const Workload &workload, const Runner &runner);
/// fronts.csv: one row per design of every front.
void writeFrontsCsv(std::ostream &os, const Config &config,
                    const Workload &workload, const Runner &runner);
/// hypervolume.csv: per (platform, seed, distinct layer or model) the
/// hypervolume of each method's front on their common scale.
void writeHypervolumeCsv(std::ostream &os, const Config &config,
                         const Workload &workload, const Runner &runner);
/// area-sweep.csv: per (budget, model, method, seed) the totals.
void writeAreaSweepCsv(std::ostream &os, const Config &config,
                       const Workload &workload, const Results &results);

/// The files a run writes and their contents (tables.md first): what an
/// unsharded run and --merge write alike.
std::vector<std::pair<std::string, std::string>>
reportFiles(const Config &config, const Workload &workload,
            const Runner &runner, const Results &results);

//===----------------------------------------------------------------------===//
// Figures (Figures.cpp)
//===----------------------------------------------------------------------===//

/// The SVG figures of a run by file name: trace-<platform>.svg (without
/// fronts), fronts-<platform>.svg (with them), area-sweep.svg (with
/// --area-sweep) and breakdown-<platform>.svg.
std::vector<std::pair<std::string, std::string>>
figureFiles(const Config &config, const Workload &workload,
            const Runner &runner, const Results &results);

//===----------------------------------------------------------------------===//
// Hypervolumes (Reports.cpp)
//===----------------------------------------------------------------------===//

/// The figures of a recorded front, as \p settings order them.
std::vector<search::Figures>
frontFigures(const search::ParetoSettings &settings,
             const std::vector<FrontPoint> &front);

//===----------------------------------------------------------------------===//
// Shards (Shards.cpp)
//===----------------------------------------------------------------------===//

/// shard-<i>-of-<n>.csv: the result arguments and the outcome of every job
/// of the shard, doubles with 17 digits so that --merge reads back exactly
/// what was computed.
std::string shardFileName(size_t index, size_t count);
void writeShard(std::ostream &os, const Config &config, const Runner &runner);
/// The result arguments recorded in the shard files of \p dirs (all
/// shards of one run, each once), or fail().
std::vector<std::string>
readShardArguments(const std::vector<std::string> &dirs);
/// Fills \p runner with the outcomes recorded in \p dirs, or fail()s if a
/// job is missing, given twice or not one of the run's.
void readShardOutcomes(const std::vector<std::string> &dirs, Runner &runner);

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
