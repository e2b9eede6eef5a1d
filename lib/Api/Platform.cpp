//===- Platform.cpp - Named hardware platforms ----------------------------===//

#include "digamma/Api/Platform.h"

#include "digamma/Search/Options.h"

#include <cstdio>

using namespace digamma;
using namespace digamma::api;

const std::vector<PlatformSpec> &digamma::api::builtinPlatforms() {
  static const std::vector<PlatformSpec> platforms = {
      {"edge", search::kEdgeAreaBudgetUm2 / 1e6,
       "DiGamma (Kao et al., DATE 2022), Sec. V-A: edge platform"},
      {"cloud", search::kCloudAreaBudgetUm2 / 1e6,
       "DiGamma (Kao et al., DATE 2022), Sec. V-A: cloud platform"},
  };
  return platforms;
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
    std::snprintf(area, sizeof(area), "%.1f", platform.areaMm2);
    texts.push_back(platform.name + " (" + area + " mm^2)");
  }
  std::vector<std::string_view> names(texts.begin(), texts.end());
  return search::joinNames(names);
}
