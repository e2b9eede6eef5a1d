//===- MapSpaceFile.h - Map-space constraints as JSON files -----*- C++ -*-===//
//
// A map space (digamma/Search/MapSpace.h) as a JSON file, read by the one
// data-file reader of lib/Api (platform files use the same one), and the
// bundled constraints under `constraints/` (installed to
// <prefix>/share/digamma/constraints): nvdla, eyeriss, shidiannao, tpu and
// the 16 flexibility classes of the NVDLA family. docs/map-space.md
// describes the format:
//
//   {
//     "source": "where the constraint comes from",
//     "title": "one line for tables",                        (optional)
//     "levels": [                                            (outermost first)
//       {"parallel": ["K"]},
//       {"parallel": ["C"], "parallel_size": 64,
//        "order": ["K", "C", "Y", "X", "R", "S"],
//        "tiles": {"K": "K", "C": 1, "Y": "R"}}
//     ]
//   }
//
// A size (parallel_size, a tile) is an integer or a dimension's name: the
// parent level's tile of that dimension (the layer's extent at level 0).
// Plain C++17.
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_API_MAPSPACEFILE_H
#define DIGAMMA_API_MAPSPACEFILE_H

#include "digamma/Search/MapSpace.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace digamma::api {

/// A map space read from a file, with what the file says about it.
struct MapSpaceFile {
  search::MapSpace space;
  /// Where the constraint comes from (required in every file).
  std::string source;
  /// One line for tables; empty if the file has none.
  std::string title;
};

/// Parses \p text (JSON) as a map space named \p name; \p origin names the
/// text in messages ("<origin>:<line>:<column>: ..." for syntax errors,
/// "<origin>: field '<key>': ..." for a wrong field). Returns the message,
/// or nullopt.
std::optional<std::string> parseMapSpaceText(std::string_view text,
                                             const std::string &origin,
                                             const std::string &name,
                                             MapSpaceFile &out);

/// Reads the file at \p path; the space is named after the file (its name
/// without directory and `.json`).
std::optional<std::string> readMapSpaceFile(const std::string &path,
                                            MapSpaceFile &out);

/// The directory of the bundled constraints: next to an installed tool
/// (<bin>/../share/digamma/constraints), else the source tree's, else the
/// install prefix's.
std::string bundledMapSpaceDir();

/// The names of the bundled constraints, sorted.
std::vector<std::string> bundledMapSpaceNames();

/// Reads the bundled constraint \p name; unknownName() lists the names.
std::optional<std::string> loadBundledMapSpace(const std::string &name,
                                               MapSpaceFile &out);

} // namespace digamma::api

#endif // DIGAMMA_API_MAPSPACEFILE_H
