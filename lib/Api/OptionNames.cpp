//===- OptionNames.cpp - Request options set by name ----------------------===//
//
// The libraries own the names (search::parseObjective, cost::parseSemantics,
// ...); this file adds the messages for unknown ones, worded as the pass
// words them.
//
//===----------------------------------------------------------------------===//

#include "digamma/Api/OptionNames.h"

using namespace digamma;
using namespace digamma::api;

static std::string unknown(std::string_view option, std::string_view value,
                           std::string_view expected) {
  return "unknown " + std::string(option) + " '" + std::string(value) +
         "'; expected " + std::string(expected);
}

std::optional<std::string> api::setNamedOption(Options &options,
                                               std::string_view option,
                                               std::string_view value) {
  if (option == "objective" || option == "tie-break") {
    std::optional<search::Objective> objective = search::parseObjective(value);
    if (!objective)
      return unknown(option, value, search::objectiveNames());
    (option == "objective" ? options.objective : options.tieBreak) = *objective;
    return std::nullopt;
  }
  if (option == "mode") {
    std::optional<search::Mode> mode = search::parseMode(value);
    if (!mode)
      return unknown(option, value, "co-opt, fixed-hw or fixed-mapping");
    options.mode = *mode;
    return std::nullopt;
  }
  if (option == "semantics") {
    std::optional<cost::Semantics> semantics = cost::parseSemantics(value);
    if (!semantics)
      return unknown(option, value, "sound or maestro");
    options.semantics = *semantics;
    return std::nullopt;
  }
  if (option == "algorithm") {
    std::optional<search::Algorithm> algorithm = search::parseAlgorithm(value);
    if (!algorithm)
      return unknown(option, value, search::algorithmNames());
    options.algorithm = *algorithm;
    return std::nullopt;
  }
  return "unknown option '" + std::string(option) + "'";
}

std::string_view api::namedOptionValue(const Options &options,
                                       std::string_view option) {
  if (option == "objective")
    return search::objectiveName(options.objective);
  if (option == "tie-break")
    return search::objectiveName(options.tieBreak);
  if (option == "semantics")
    return cost::semanticsName(options.semantics);
  if (option == "algorithm")
    return search::algorithmName(options.algorithm);
  return search::modeName(options.mode);
}

std::optional<std::string> api::setPlatform(Budget &budget,
                                            std::string_view name) {
  std::optional<Platform> platform = parsePlatform(name);
  if (!platform)
    return unknown("platform", name,
                   "edge (0.2 mm^2) or cloud (7.0 mm^2), or give an area "
                   "budget");
  budget.areaMm2 = Budget::forPlatform(*platform).areaMm2;
  return std::nullopt;
}
