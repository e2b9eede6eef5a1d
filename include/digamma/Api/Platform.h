//===- Platform.h - Named hardware platforms --------------------*- C++ -*-===//
//
// A platform is what a design may spend and what it runs on, by name: the
// DiGamma paper's edge and cloud platforms are built in. Every entry point
// (the pass's `platform=`, the C++ API, digamma-bench, the benchmarks)
// resolves names here, and only here.
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_API_PLATFORM_H
#define DIGAMMA_API_PLATFORM_H

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace digamma::api {

/// The built-in platforms as an enumeration, for C++ callers
/// (Budget::forPlatform).
enum class Platform { Edge, Cloud };

struct PlatformSpec {
  /// The name options give: up to 64 letters, digits, '_' and '-'.
  std::string name;
  /// Area budget of PEs and buffers in mm^2.
  double areaMm2 = 0;
  /// Where the figures come from.
  std::string source;
};

/// The built-in platforms, edge first (the default).
const std::vector<PlatformSpec> &builtinPlatforms();
/// The platform called \p name, or nullopt.
std::optional<PlatformSpec> findPlatform(std::string_view name);
/// "edge (0.2 mm^2) or cloud (7.0 mm^2)", for messages and help.
std::string platformNames();

} // namespace digamma::api

#endif // DIGAMMA_API_PLATFORM_H
