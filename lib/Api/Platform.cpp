//===- Platform.cpp - Named hardware platforms ----------------------------===//
//
// The bundled platforms: the platform files found next to an installed tool
// or in the source tree, read once.
//
//===----------------------------------------------------------------------===//

#include "digamma/Api/Platform.h"

#include "digamma/Api/DataDirs.h"

#include "digamma/Api/Request.h"
#include "digamma/Search/Options.h"

#include <algorithm>
#include <cstdio>
#include <dirent.h>

using namespace digamma;
using namespace digamma::api;

namespace {

struct Registry {
  std::vector<PlatformSpec> platforms;
  std::vector<std::string> errors;
};

const Registry &registry() {
  static const Registry loaded = [] {
    Registry result;
    std::string dir = bundledPlatformsDir();
    std::vector<std::string> files;
    if (DIR *stream = ::opendir(dir.c_str())) {
      while (dirent *entry = ::readdir(stream)) {
        std::string name = entry->d_name;
        if (name.size() > 5 && name.compare(name.size() - 5, 5, ".json") == 0)
          files.push_back(name);
      }
      ::closedir(stream);
    } else {
      result.errors.push_back(dir + ": cannot read the bundled platforms");
    }
    std::sort(files.begin(), files.end());
    for (const std::string &file : files) {
      PlatformSpec spec;
      std::string path = dir + "/" + file;
      if (std::optional<std::string> error = readPlatformFile(path, spec)) {
        result.errors.push_back(*error);
        continue;
      }
      std::string stem = file.substr(0, file.size() - 5);
      if (spec.name != stem) {
        result.errors.push_back(path + ": the platform is named '" +
                                spec.name + "'; a bundled file is named "
                                            "after its platform");
        continue;
      }
      result.platforms.push_back(std::move(spec));
    }
    // edge (the default) and cloud first, then by name.
    auto rank = [](const PlatformSpec &spec) {
      return spec.name == "edge" ? 0 : spec.name == "cloud" ? 1 : 2;
    };
    std::stable_sort(result.platforms.begin(), result.platforms.end(),
                     [&](const PlatformSpec &a, const PlatformSpec &b) {
                       return rank(a) < rank(b);
                     });
    return result;
  }();
  return loaded;
}

} // namespace

std::string digamma::api::bundledPlatformsDir() {
  std::string installed = installedDataDir(DIGAMMA_INSTALLED_PLATFORMS_DIR);
  if (!installed.empty())
    return installed;
  // A program outside the install's bin/ (the Python interpreter): the
  // source tree when it is there, else the install prefix.
  if (isDirectory(DIGAMMA_SOURCE_PLATFORMS_DIR))
    return DIGAMMA_SOURCE_PLATFORMS_DIR;
  return DIGAMMA_INSTALL_PREFIX_PLATFORMS_DIR;
}

const std::vector<PlatformSpec> &digamma::api::builtinPlatforms() {
  return registry().platforms;
}

const std::vector<std::string> &digamma::api::bundledPlatformErrors() {
  return registry().errors;
}

std::optional<PlatformSpec> digamma::api::findPlatform(std::string_view name) {
  for (const PlatformSpec &platform : builtinPlatforms())
    if (platform.name == name)
      return platform;
  return std::nullopt;
}

std::string digamma::api::platformNames() {
  std::vector<std::string> texts;
  for (const PlatformSpec &platform : builtinPlatforms()) {
    char area[32];
    std::snprintf(area, sizeof(area), "%.*f", platform.areaMm2 < 1 ? 2 : 1,
                  platform.areaMm2);
    // 0.20 -> 0.2: the paper's figures as the paper writes them.
    std::string text = area;
    if (text.find('.') != std::string::npos && text.back() == '0' &&
        text[text.size() - 2] != '.')
      text.pop_back();
    texts.push_back(platform.name + " (" + text + " mm^2)");
  }
  std::vector<std::string_view> names(texts.begin(), texts.end());
  return search::joinNames(names);
}

std::optional<std::string>
digamma::api::resolvePlatform(std::string_view name, const std::string &file,
                              PlatformSpec &spec) {
  if (!file.empty())
    return readPlatformFile(file, spec);
  if (std::optional<PlatformSpec> found = findPlatform(name)) {
    spec = *found;
    return std::nullopt;
  }
  std::string message = unknownName("platform", name,
                                    platformNames() +
                                        ", or platform-file=<path>");
  for (const std::string &error : bundledPlatformErrors())
    message += "\n  (a bundled platform file did not read: " + error + ")";
  return message;
}
