//===- Shards.cpp - Slices of a run and their merge -----------------------===//
//
// A slice (--shard=i/n) runs the jobs j with j % n == i of the same job list
// every slice builds, and writes shard-i-of-n.csv:
//
//   # digamma-bench shard i of n
//   arg,<a result argument>               (one line each, the program first)
//   job,<j>,<found>,<cycles>,<area>,<energy>,<PEs>,<samples>,<seconds>,
//       <picked>,<40 curve points>,<message>
//   front,<j>,<cycles>,<energy>,<area>,<PEs>        (a design of job j)
//   layer,<j>,<cycles>,<energy>           (a layer on job j's shared chip)
//
// Doubles have 17 significant digits, so reading them back gives the bits
// that were computed, and --merge writes what the whole run writes.
// Messages are the last field and keep their commas.
//
//===----------------------------------------------------------------------===//

#include "Bench.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fstream>
#include <map>
#include <sstream>

using namespace digamma;
using namespace digamma::bench;

std::string digamma::bench::shardFileName(size_t index, size_t count) {
  return "shard-" + std::to_string(index) + "-of-" + std::to_string(count) +
         ".csv";
}

void digamma::bench::writeShard(std::ostream &os, const Config &config,
                                const Runner &runner) {
  os << "# digamma-bench shard " << config.shardIndex << " of "
     << config.shardCount << "\n";
  for (const std::string &arg : config.resultArgs)
    os << "arg," << arg << "\n";
  for (size_t j = 0; j < runner.allJobs().size(); ++j) {
    if (!runner.inShard(j))
      continue;
    const Outcome &o = runner.outcomeOf(j);
    os << formatString("job,%zu,%d,%lld,%.17g,%.17g,%lld,%lld,%.17g,%zu", j,
                       o.found ? 1 : 0, (long long)o.cycles, o.areaUm2,
                       o.energyNJ, (long long)o.numPEs, (long long)o.samples,
                       o.seconds, o.picked);
    for (double point : o.curve)
      os << formatString(",%.17g", point);
    std::string message = o.message;
    std::replace(message.begin(), message.end(), '\n', ' ');
    os << "," << message << "\n";
    for (const FrontPoint &point : o.front)
      os << formatString("front,%zu,%.17g,%.17g,%.17g,%lld\n", j, point.cycles,
                         point.energyNJ, point.areaUm2,
                         (long long)point.numPEs);
    for (size_t k = 0; k < o.layerCycles.size(); ++k)
      os << formatString("layer,%zu,%.17g,%.17g\n", j, o.layerCycles[k],
                         o.layerEnergyNJ[k]);
    for (size_t k = 0; k < o.layerMacs.size(); ++k)
      os << formatString("traffic,%zu,%.17g,%.17g\n", j, o.layerMacs[k],
                         o.layerOffchipBytes[k]);
    // Figures of the layers.csv row: bound, buffer and off-chip bytes.
    os << formatString("figures,%zu,%lld,%lld,%lld,%lld\n", j,
                       (long long)o.boundCycles, (long long)o.l1Bytes,
                       (long long)o.l2Bytes, (long long)o.offchipBytes);
  }
}

namespace {

/// A shard file: where it is, which slice it holds, its lines.
struct ShardFile {
  std::string path;
  size_t index = 0, count = 0;
  std::vector<std::string> args;
  std::vector<std::string> records;
};

/// Every shard-*-of-*.csv in \p dirs, read, or fail().
std::vector<ShardFile> readShardFiles(const std::vector<std::string> &dirs) {
  std::vector<ShardFile> files;
  for (const std::string &dir : dirs) {
    DIR *handle = ::opendir(dir.c_str());
    if (!handle)
      fail("cannot read shard directory '" + dir +
           "': " + std::strerror(errno));
    std::vector<std::string> names;
    while (dirent *entry = ::readdir(handle)) {
      std::string name = entry->d_name;
      unsigned long index = 0, count = 0;
      char tail[8] = {0};
      if (std::sscanf(name.c_str(), "shard-%lu-of-%lu.cs%1s", &index, &count,
                      tail) == 3 &&
          name == shardFileName(index, count))
        names.push_back(name);
    }
    ::closedir(handle);
    std::sort(names.begin(), names.end());
    for (const std::string &name : names) {
      ShardFile file;
      file.path = dir + "/" + name;
      std::ifstream in(file.path);
      std::string line;
      if (!std::getline(in, line) ||
          std::sscanf(line.c_str(), "# digamma-bench shard %zu of %zu",
                      &file.index, &file.count) != 2)
        fail("'" + file.path + "' is not a digamma-bench shard");
      while (std::getline(in, line)) {
        if (line.rfind("arg,", 0) == 0)
          file.args.push_back(line.substr(4));
        else
          file.records.push_back(line);
      }
      files.push_back(std::move(file));
    }
  }
  if (files.empty())
    fail("no shard-I-of-N.csv in the --merge directories");
  // One run: the same arguments and slice count; every slice once.
  const ShardFile &first = files[0];
  std::map<size_t, std::string> seen;
  for (const ShardFile &file : files) {
    if (file.args != first.args || file.count != first.count)
      fail("'" + file.path + "' and '" + first.path +
           "' are slices of different runs");
    auto [it, inserted] = seen.emplace(file.index, file.path);
    if (!inserted)
      fail("shard " + std::to_string(file.index) + " of " +
           std::to_string(file.count) + " is given twice: '" + it->second +
           "' and '" + file.path + "'");
  }
  for (size_t i = 0; i < first.count; ++i)
    if (!seen.count(i))
      fail("shard " + std::to_string(i) + " of " + std::to_string(first.count) +
           " is missing");
  return files;
}

/// Splits \p line at its first \p fields commas: fields, then the rest.
std::vector<std::string> split(const std::string &line, size_t fields) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t k = 0; k < fields; ++k) {
    size_t comma = line.find(',', start);
    if (comma == std::string::npos)
      break;
    parts.push_back(line.substr(start, comma - start));
    start = comma + 1;
  }
  parts.push_back(line.substr(start));
  return parts;
}

} // namespace

std::vector<std::string>
digamma::bench::readShardArguments(const std::vector<std::string> &dirs) {
  return readShardFiles(dirs)[0].args;
}

void digamma::bench::readShardOutcomes(const std::vector<std::string> &dirs,
                                       Runner &runner) {
  std::vector<ShardFile> files = readShardFiles(dirs);
  size_t jobs = runner.allJobs().size();
  std::vector<Outcome> outcomes(jobs);
  std::vector<char> read(jobs, 0);
  for (const ShardFile &file : files) {
    auto bad = [&](const std::string &line) {
      fail("'" + file.path + "': malformed record '" + line.substr(0, 60) +
           "'");
    };
    auto number = [&](const std::string &text, const std::string &line) {
      char *end = nullptr;
      errno = 0;
      double value = std::strtod(text.c_str(), &end);
      if (text.empty() || *end != '\0' || errno != 0)
        bad(line);
      return value;
    };
    // Counts are read as integers, not through a double.
    auto integer = [&](const std::string &text, const std::string &line) {
      char *end = nullptr;
      errno = 0;
      long long value = std::strtoll(text.c_str(), &end, 10);
      if (text.empty() || *end != '\0' || errno != 0)
        bad(line);
      return static_cast<int64_t>(value);
    };
    auto jobOf = [&](const std::string &text, const std::string &line) {
      double value = number(text, line);
      size_t j = static_cast<size_t>(value);
      if (value < 0 || double(j) != value || j >= jobs)
        fail("'" + file.path + "' has job " + text + ", which the run has not");
      return j;
    };
    for (const std::string &line : file.records) {
      if (line.rfind("job,", 0) == 0) {
        std::vector<std::string> f = split(line, 10 + kCheckpoints);
        if (f.size() != 11 + kCheckpoints)
          bad(line);
        size_t j = jobOf(f[1], line);
        if (read[j])
          fail("job " + f[1] + " is in two shards");
        if (j % file.count != file.index)
          fail("'" + file.path + "' has job " + f[1] + " of another shard");
        read[j] = 1;
        Outcome &o = outcomes[j];
        o.found = integer(f[2], line) != 0;
        o.cycles = integer(f[3], line);
        o.areaUm2 = number(f[4], line);
        o.energyNJ = number(f[5], line);
        o.numPEs = integer(f[6], line);
        o.samples = integer(f[7], line);
        o.seconds = number(f[8], line);
        o.picked = static_cast<size_t>(integer(f[9], line));
        for (int k = 0; k < kCheckpoints; ++k)
          o.curve[k] = number(f[10 + k], line);
        o.message = f[10 + kCheckpoints];
      } else if (line.rfind("front,", 0) == 0) {
        std::vector<std::string> f = split(line, 5);
        if (f.size() != 6)
          bad(line);
        Outcome &o = outcomes[jobOf(f[1], line)];
        o.front.push_back({number(f[2], line), number(f[3], line),
                           number(f[4], line), integer(f[5], line)});
      } else if (line.rfind("layer,", 0) == 0) {
        std::vector<std::string> f = split(line, 3);
        if (f.size() != 4)
          bad(line);
        Outcome &o = outcomes[jobOf(f[1], line)];
        o.layerCycles.push_back(number(f[2], line));
        o.layerEnergyNJ.push_back(number(f[3], line));
      } else if (line.rfind("traffic,", 0) == 0) {
        std::vector<std::string> f = split(line, 3);
        if (f.size() != 4)
          bad(line);
        Outcome &o = outcomes[jobOf(f[1], line)];
        o.layerMacs.push_back(number(f[2], line));
        o.layerOffchipBytes.push_back(number(f[3], line));
      } else if (line.rfind("figures,", 0) == 0) {
        std::vector<std::string> f = split(line, 5);
        if (f.size() != 6)
          bad(line);
        Outcome &o = outcomes[jobOf(f[1], line)];
        o.boundCycles = integer(f[2], line);
        o.l1Bytes = integer(f[3], line);
        o.l2Bytes = integer(f[4], line);
        o.offchipBytes = integer(f[5], line);
      } else if (!line.empty()) {
        bad(line);
      }
    }
  }
  for (size_t j = 0; j < jobs; ++j) {
    if (!read[j])
      fail("job " + std::to_string(j) + " of the run is in no shard");
    runner.setOutcome(j, std::move(outcomes[j]));
  }
}
