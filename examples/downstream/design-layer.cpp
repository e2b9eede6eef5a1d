//===- design-layer.cpp - Ask DiGamma for a layer's best accelerator ------===//
//
// A program outside MLIR that uses the C++ API (digamma/Api/Designer.h):
//
//   design-layer [--objective=latency|energy|edp|lap|power|area]
//                [--platform=edge|cloud] [--area-mm2=A] [--samples=N]
//                [--seed=S] [--threads=T] [--element-bytes=B]
//                [--semantics=sound|maestro]
//                [conv K C Y X R S [stride] | depthwise C Y X R S [stride] |
//                 gemm M N K]
//
// Without a layer it designs ResNet-50's 3x3 convolution with 64 channels
// (a 58 x 58 padded input). Prints the design and its mapping as MAESTRO
// directives; exits with 1 and a message on bad input.
//
//===----------------------------------------------------------------------===//

#include "digamma/Api/Designer.h"
#include "digamma/CostModel/MaestroFile.h"

#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

namespace api = digamma::api;

/// Parses a whole decimal integer.
static std::optional<int64_t> parseInt(const std::string &text) {
  if (text.empty())
    return std::nullopt;
  char *end = nullptr;
  long long value = std::strtoll(text.c_str(), &end, 10);
  if (*end != '\0')
    return std::nullopt;
  return value;
}

static int fail(const std::string &message) {
  std::cerr << "design-layer: " << message << "\n";
  return 1;
}

/// Reads the options and the layer of the command line into \p layer,
/// \p budget and \p options; returns a message on bad input.
static std::optional<std::string> parseCommandLine(int argc, char **argv,
                                                   api::Layer &layer,
                                                   api::Budget &budget,
                                                   api::Options &options) {
  std::vector<std::string> layerArgs;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg.rfind("--", 0) != 0) {
      layerArgs.push_back(arg);
      continue;
    }
    size_t equals = arg.find('=');
    if (equals == std::string::npos)
      return "expected --name=value, got '" + arg + "'";
    std::string name = arg.substr(2, equals - 2),
                value = arg.substr(equals + 1);
    std::optional<int64_t> number = parseInt(value);
    if (name == "objective") {
      std::optional<digamma::search::Objective> objective =
          api::parseObjective(value);
      if (!objective)
        return "unknown objective '" + value + "'";
      options.objective = *objective;
    } else if (name == "semantics") {
      std::optional<digamma::cost::Semantics> semantics =
          api::parseSemantics(value);
      if (!semantics)
        return "unknown semantics '" + value + "'";
      options.semantics = *semantics;
    } else if (name == "platform") {
      std::optional<api::Platform> platform = api::parsePlatform(value);
      if (!platform)
        return "unknown platform '" + value + "'";
      budget = api::Budget::forPlatform(*platform);
    } else if (name == "area-mm2") {
      char *end = nullptr;
      budget.areaMm2 = std::strtod(value.c_str(), &end);
      if (value.empty() || *end != '\0')
        return "--area-mm2 needs a number, got '" + value + "'";
    } else if (!number) {
      return "--" + name + " needs an integer or is unknown";
    } else if (name == "samples") {
      options.samples = *number;
    } else if (name == "seed") {
      options.seed = static_cast<uint64_t>(*number);
    } else if (name == "threads") {
      options.threads = static_cast<unsigned>(*number);
    } else if (name == "element-bytes") {
      options.elementBytes = *number;
    } else {
      return "unknown option --" + name;
    }
  }
  if (layerArgs.empty())
    return std::nullopt;

  std::vector<int64_t> dims;
  for (size_t i = 1; i < layerArgs.size(); ++i) {
    std::optional<int64_t> dim = parseInt(layerArgs[i]);
    if (!dim)
      return "layer extents are integers, got '" + layerArgs[i] + "'";
    dims.push_back(*dim);
  }
  const std::string &kind = layerArgs[0];
  if (kind == "conv" && (dims.size() == 6 || dims.size() == 7))
    layer = api::conv2d(dims[0], dims[1], dims[2], dims[3], dims[4], dims[5],
                        dims.size() == 7 ? dims[6] : 1);
  else if (kind == "depthwise" && (dims.size() == 5 || dims.size() == 6))
    layer = api::depthwiseConv2d(dims[0], dims[1], dims[2], dims[3], dims[4],
                                 dims.size() == 6 ? dims[5] : 1);
  else if (kind == "gemm" && dims.size() == 3)
    layer = api::gemm(dims[0], dims[1], dims[2]);
  else
    return std::string("expected conv K C Y X R S [stride], depthwise C Y X "
                       "R S [stride] or gemm M N K");
  return std::nullopt;
}

int main(int argc, char **argv) {
  // ResNet-50's 3x3 convolution with 64 channels (56 x 56 outputs).
  api::Layer layer = api::conv2d(/*k=*/64, /*c=*/64, /*y=*/58, /*x=*/58,
                                 /*r=*/3, /*s=*/3);
  api::Budget budget = api::Budget::forPlatform(api::Platform::Edge);
  api::Options options;
  options.objective = digamma::search::Objective::Latency;
  options.samples = 40000;
  options.seed = 1;
  if (std::optional<std::string> error =
          parseCommandLine(argc, argv, layer, budget, options))
    return fail(*error);

  api::Design design = api::findDesign(layer, budget, options);
  if (!design.found)
    return fail(design.error);
  std::cout << api::formatDesign(layer, design);
  std::cout << "MAESTRO dataflow:\n"
            << digamma::cost::writeMaestroDataflow(layer, design.mapping);
  return 0;
}
