//===- DataDirs.h - Where bundled data files are ----------------*- C++ -*-===//
//
// Bundled data (models, map-space constraints) is installed under
// <prefix>/share/digamma and found next to the running executable, so that
// an installed tree can be moved; a build uses the source tree's copy.
// Plain C++17.
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_API_DATADIRS_H
#define DIGAMMA_API_DATADIRS_H

#include <string>
#include <string_view>

namespace digamma::api {

/// <directory of the running executable>/\p relativeToBin if that is a
/// directory (an installed tool), else an empty string.
std::string installedDataDir(std::string_view relativeToBin);

/// True if \p path names a directory.
bool isDirectory(const std::string &path);

} // namespace digamma::api

#endif // DIGAMMA_API_DATADIRS_H
