//===- digamma-bench.cpp - The paper's Fig. 5 and Fig. 6 on our evaluator -===//
//
// Runs models x platforms x methods x seeds and writes, in an output
// directory:
//  * results.csv: one row per (platform, model, method, seed): total cycles,
//    latency-area product, samples, wall time;
//  * layers.csv: one row per search of a distinct layer; chips.csv: one row
//    per search of a model's one chip (digamma-model);
//  * tables.md: the paper's tables (Fig. 5: latency and latency-area
//    product normalized to CMA-ES; Fig. 6: latency normalized to
//    compute-focused + GA), geomeans and DiGamma's ratios; with
//    --objective=pareto the fronts' hypervolumes, with --area-sweep the
//    totals per budget; quality figures only, so the file is deterministic;
//  * fronts.csv and hypervolume.csv (fronts), area-sweep.csv (--area-sweep);
//  * SVG figures (Figures.cpp): traces or fronts per platform, the per-layer
//    breakdown of DiGamma's designs, the area sweep.
// Methods are the search algorithms (digamma, random, the pagmo baselines,
// nsga2 and moead for fronts), the two-step schemes (hw-<dataflow>,
// map-<preset>) and DiGamma's one chip per model (digamma-model). Identical layers are
// searched once per (platform, method, seed) and weighted by their
// occurrences; searches spread over the worker threads, each search
// single-threaded, so results do not depend on the thread count. With
// --shard=i/n a run does its slice of the searches and records them;
// --merge writes from the slices what the whole run writes (docs/
// design-space.md).

//    compute-focused + GA), geomeans and DiGamma's ratios to the best
//    baseline; quality figures only, so the file is deterministic;
//  * trace-<platform>.svg: best-so-far model latency versus samples per
//    method (geometric mean over seeds).
// Methods are the search algorithms (digamma, random and the pagmo
// baselines) and the two-step schemes (hw-<dataflow>, map-<preset>).
// With --constraints, the flexibility study instead: DiGamma within each map
// space against free DiGamma, in flexibility.md, flexibility.csv and
// flexibility-<platform>.svg (plus results.csv and layers.csv).
// Identical layers are searched once per (platform, method, seed) and
// weighted by their occurrences; searches spread over the worker threads,
// each search single-threaded, so results do not depend on the thread count.
//
//===----------------------------------------------------------------------===//

#include "Bench.h"

#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <sys/stat.h>

using namespace digamma;
using namespace digamma::bench;

void digamma::bench::fail(const std::string &message) {
  std::fprintf(stderr, "%s: error: %s\n", kTool, message.c_str());
  std::exit(1);
}

std::string digamma::bench::formatString(const char *format, ...) {
  va_list args, copy;
  va_start(args, format);
  va_copy(copy, args);
  int size = std::vsnprintf(nullptr, 0, format, copy);
  va_end(copy);
  std::string text(size > 0 ? size_t(size) : 0, '\0');
  if (size > 0)
    std::vsnprintf(text.data(), text.size() + 1, format, args);
  va_end(args);
  return text;
}

static void writeFile(const std::string &path, const std::string &text) {
  std::ofstream file(path);
  if (!file || !(file << text) || !(file.flush()))
    fail("cannot write '" + path + "'");
}

int main(int argc, char **argv) {
  Config config = parseCommandLine(argc, argv);
  if (!config.mergeDirs.empty()) {
    // The run the slices belong to, written where the merge says.
    Config run = parseArguments(readShardArguments(config.mergeDirs));
    run.outDir = config.outDir;
    run.quiet = config.quiet;
    run.mergeDirs = config.mergeDirs;
    config = std::move(run);
  }
  Workload workload = loadWorkload(config);
  if (::mkdir(config.outDir.c_str(), 0777) != 0 && errno != EEXIST)
    fail("cannot create output directory '" + config.outDir +
         "': " + std::strerror(errno));
  struct stat info;
  if (::stat(config.outDir.c_str(), &info) != 0 || !S_ISDIR(info.st_mode))
    fail("'" + config.outDir + "' is not a directory");

  size_t layers = 0;
  for (const api::Model &model : workload.models)
    layers += model.numLayers;
  if (!config.quiet && config.mergeDirs.empty())
    std::fprintf(stderr,
                 "%s: %zu models, %zu layers, %zu distinct; %zu platforms, "
                 "%zu methods, %zu seeds, %lld samples per layer, %u "
                 "threads\n",
                 kTool, workload.models.size(), layers, workload.numProblems(),
                 config.platforms.size(), config.methods.size(),
                 config.seeds.size(), (long long)config.options.samples,
                 config.threads);
  Runner runner(config, workload);
  if (!config.mergeDirs.empty())
    readShardOutcomes(config.mergeDirs, runner);
  else
    runner.run();
  double cpu = 0;
  size_t searches = 0;
  for (size_t j = 0; j < runner.allJobs().size(); ++j)
    if (runner.inShard(j)) {
      cpu += runner.outcomeOf(j).seconds;
      ++searches;
    }

  if (config.shardCount > 0) {
    std::ostringstream shard;
    writeShard(shard, config, runner);
    std::string name = shardFileName(config.shardIndex, config.shardCount);
    writeFile(config.outDir + "/" + name, shard.str());
    std::fprintf(stderr,
                 "%s: shard %zu of %zu: %zu of %zu searches in %.1f s wall "
                 "(%.1f s of search time over %u threads); record in %s/%s\n",
                 kTool, config.shardIndex, config.shardCount, searches,
                 runner.allJobs().size(), runner.wallSeconds, cpu,
                 config.threads, config.outDir.c_str(), name.c_str());
    return 0;
  }
  Results results(config, workload, runner);
  if (config.flexibility) {
    // The flexibility study: DiGamma within each map space against free
    // DiGamma, with the per-search results.
    std::ostringstream tables, flexibilityCsv, layersCsv;
    writeLayersCsv(layersCsv, config, workload, runner);
    writeFile(config.outDir + "/layers.csv", layersCsv.str());
    writeFlexibilityTables(tables, config, workload, results);
    writeFlexibilityCsv(flexibilityCsv, config, workload, results);
    writeFile(config.outDir + "/flexibility.md", tables.str());
    writeFile(config.outDir + "/flexibility.csv", flexibilityCsv.str());
    for (size_t p = 0; p < config.platforms.size(); ++p) {
      std::ostringstream svg;
      writeFlexibilitySvg(svg, config, workload, results, p);
      writeFile(config.outDir + "/flexibility-" + config.platforms[p].name +
                    ".svg",
                svg.str());
    }
    std::fputs(tables.str().c_str(), stdout);
    return 0;
  }
  std::vector<std::pair<std::string, std::string>> files =
      reportFiles(config, workload, runner, results);
  for (const auto &[name, text] : files)
    writeFile(config.outDir + "/" + name, text);
  std::fputs(files.front().second.c_str(), stdout);
  if (!config.mergeDirs.empty())
    std::fprintf(stderr,
                 "%s: merged %zu searches (%.1f s of search time in the "
                 "slices); results in %s/\n",
                 kTool, searches, cpu, config.outDir.c_str());
  else
    std::fprintf(stderr,
                 "%s: %zu searches in %.1f s wall (%.1f s of search time "
                 "over %u threads); results in %s/\n",
                 kTool, searches, runner.wallSeconds, cpu, config.threads,
                 config.outDir.c_str());
  return 0;
}
