//===- Platform.h - Named hardware platforms --------------------*- C++ -*-===//
//
// A platform is what a design may spend and what it runs on: the area
// budget, clock, default element size, off-chip and NoC bandwidths, the
// energies of a MAC, a buffer access and a DRAM byte, and optionally fixed
// hardware. Platforms are data: small JSON files (docs/platforms.md), the
// bundled ones under platforms/ (edge and cloud, the DiGamma paper's;
// edge-lpddr4, cloud-hbm2 and eyeriss), a user's own by path. Every entry
// point (the pass's `platform=` and `platform-file=`, the C++ API,
// digamma-bench, the Python module) resolves them here, and only here.
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_API_PLATFORM_H
#define DIGAMMA_API_PLATFORM_H

#include "digamma/CostModel/CostModel.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace digamma::api {

/// The paper's platforms as an enumeration, for C++ callers
/// (Budget::forPlatform).
enum class Platform { Edge, Cloud };

/// Hardware a platform fixes (a published chip), for mode=fixed-hw and as
/// the bound of mode=fixed-mapping's hardware grid.
struct FixedPlatformHardware {
  int64_t numPEs = 0;
  /// The PE array as rows x columns (rows * columns == numPEs).
  int64_t arrayRows = 0;
  int64_t arrayColumns = 0;
  /// Per-PE L1 and shared L2 bytes.
  int64_t l1Bytes = 0;
  int64_t l2Bytes = 0;
};

struct PlatformSpec {
  /// The name options give: up to 64 letters, digits, '_' and '-'.
  std::string name;
  /// Area budget of PEs and buffers in mm^2.
  double areaMm2 = 0;
  /// What the platform is and where its figures come from (the file's
  /// top-level source; each field has its own in the file).
  std::string source;
  /// Core clock in GHz: cycles to seconds in reports.
  double clockGHz = 1.0;
  /// Bytes per element of layers without an element size of their own
  /// when the request's element-bytes is 0.
  int64_t elementBytes = 1;
  /// Off-chip (DRAM) and NoC (L2 <-> PE array) bandwidths in bytes per
  /// cycle; 0 is unbounded (GAMMA's 2^30 elements per cycle).
  int64_t offchipBytesPerCycle = 0;
  int64_t nocBytesPerCycle = 0;
  /// Energies of a MAC, an L1 and an L2 element access and a DRAM byte.
  cost::EnergyConstants energy;
  std::optional<FixedPlatformHardware> fixedHardware;
  /// The file the platform was read from; empty for one built in code.
  std::string path;
};

/// Parses a platform file's text; \p origin names it in messages
/// ("<origin>:<line>:<column>: ..." for JSON syntax, "<origin>: <field>:
/// ..." for a wrong field). Returns the message of the first problem, or
/// nullopt with \p spec filled.
std::optional<std::string> parsePlatformText(std::string_view text,
                                             const std::string &origin,
                                             PlatformSpec &spec);
/// Reads the platform file at \p path, as parsePlatformText().
std::optional<std::string> readPlatformFile(const std::string &path,
                                            PlatformSpec &spec);

/// The directory of the bundled platform files: <prefix>/share/digamma/
/// platforms next to an installed tool, else the source tree's platforms/.
std::string bundledPlatformsDir();

/// The bundled platforms, edge first (the default), then cloud, then the
/// others by name. A bundled file that does not read is left out; its
/// message is in bundledPlatformErrors().
const std::vector<PlatformSpec> &builtinPlatforms();
/// Messages of bundled files that did not read (empty when all did).
const std::vector<std::string> &bundledPlatformErrors();
/// The bundled platform called \p name, or nullopt.
std::optional<PlatformSpec> findPlatform(std::string_view name);
/// "edge (0.2 mm^2), cloud (7.0 mm^2), ... or eyeriss (0.18 mm^2)", for
/// messages and help.
std::string platformNames();

/// The platform a request names: the file \p file when it is not empty,
/// else the bundled platform \p name. Returns the message of the problem,
/// or nullopt with \p spec filled.
std::optional<std::string> resolvePlatform(std::string_view name,
                                           const std::string &file,
                                           PlatformSpec &spec);

} // namespace digamma::api

#endif // DIGAMMA_API_PLATFORM_H
