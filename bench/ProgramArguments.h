//===- ProgramArguments.h - Arguments of the benchmark programs -*- C++ -*-===//
//
// digamma-search-quality and digamma-model-scope take the same arguments:
// --help, their own flags, then the sampling budget and the seed.
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_BENCH_PROGRAMARGUMENTS_H
#define DIGAMMA_BENCH_PROGRAMARGUMENTS_H

#include "digamma/Search/Options.h"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace digamma::bench {

/// Prints "<tool>: error: <message>" and exits with status 1.
[[noreturn]] inline void failProgram(const char *tool,
                                     const std::string &message) {
  std::fprintf(stderr, "%s: error: %s\n", tool, message.c_str());
  std::exit(1);
}

struct ProgramArguments {
  int64_t samples = search::kDefaultSamples;
  uint64_t seed = 1;
  /// The flags given, among those the program knows.
  std::vector<std::string> flags;

  bool has(std::string_view flag) const {
    return std::find(flags.begin(), flags.end(), flag) != flags.end();
  }
};

/// `<tool> [flags] [samples [seed]]`: --help or -h calls \p printHelp and
/// exits; a flag not in \p knownFlags, a third argument or a number that is
/// not a non-negative integer fails with a message.
inline ProgramArguments
parseProgramArguments(int argc, char **argv, const char *tool,
                      void (*printHelp)(),
                      const std::vector<std::string_view> &knownFlags = {}) {
  auto number = [&](const char *what, const char *text) -> uint64_t {
    char *end = nullptr;
    errno = 0;
    unsigned long long value = std::strtoull(text, &end, 10);
    if (errno != 0 || *text == '\0' || *text == '-' || *end != '\0')
      failProgram(tool, std::string(what) +
                            " needs a non-negative integer, got '" + text +
                            "'");
    return value;
  };
  ProgramArguments arguments;
  std::vector<const char *> positional;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      printHelp();
      std::exit(0);
    }
    if (arg.size() > 1 && arg[0] == '-') {
      if (std::find(knownFlags.begin(), knownFlags.end(), arg) ==
          knownFlags.end())
        failProgram(tool,
                    "unknown option '" + std::string(arg) + "' (see --help)");
      arguments.flags.emplace_back(arg);
      continue;
    }
    positional.push_back(argv[i]);
  }
  if (positional.size() > 2)
    failProgram(tool, "too many arguments (see --help)");
  if (positional.size() > 0)
    arguments.samples = static_cast<int64_t>(std::min<uint64_t>(
        number("samples", positional[0]), uint64_t(INT64_MAX)));
  if (positional.size() > 1)
    arguments.seed = number("seed", positional[1]);
  return arguments;
}

} // namespace digamma::bench

#endif // DIGAMMA_BENCH_PROGRAMARGUMENTS_H
