//===- Workload.cpp - Layers of models, each distinct problem once --------===//

#include "digamma/Api/Workload.h"

#include "digamma/CostModel/GammaTable.h"

using namespace digamma;
using namespace digamma::api;

std::vector<int64_t> digamma::api::problemKey(const LayerProblem &problem,
                                              int64_t group) {
  const Layer &layer = problem.layer;
  std::vector<int64_t> key = {static_cast<int64_t>(layer.layerClass),
                              layer.n,
                              layer.k,
                              layer.c,
                              layer.y,
                              layer.x,
                              layer.r,
                              layer.s,
                              layer.strideY,
                              layer.strideX,
                              layer.dilationY,
                              layer.dilationX,
                              layer.groups,
                              layer.inputBytes,
                              layer.weightBytes,
                              layer.outputBytes,
                              problem.elementBytes,
                              group};
  if (const std::optional<cost::Mapping> &mapping = problem.fixedMapping) {
    key.push_back(mapping->numLevels);
    for (int i = 0; i < mapping->numLevels; ++i) {
      const cost::MappingLevel &level = mapping->level(i);
      key.push_back(static_cast<int64_t>(level.parallelDim));
      key.push_back(level.clusterSize);
      for (cost::Dim dim : level.order)
        key.push_back(static_cast<int64_t>(dim));
      key.insert(key.end(), level.tiles.begin(), level.tiles.end());
    }
  }
  if (const std::optional<search::MapSpace> &space = problem.mapSpace) {
    // Apart from the fixed mapping's fields by a marker no level count is.
    key.push_back(-1);
    key.push_back(space->numLevels);
    auto addRule = [&](const search::SizeRule &rule) {
      key.push_back(static_cast<int64_t>(rule.kind));
      key.push_back(rule.value);
      key.push_back(static_cast<int64_t>(rule.dim));
    };
    for (int i = 0; i < space->numLevels; ++i) {
      const search::MapSpaceLevel &level = space->levels[i];
      key.push_back(level.parallelDims);
      addRule(level.parallelSize);
      key.push_back(level.orderPrefixLength);
      for (int k = 0; k < level.orderPrefixLength; ++k)
        key.push_back(static_cast<int64_t>(level.orderPrefix[k]));
      for (const search::SizeRule &tile : level.tiles)
        addRule(tile);
    }
  }
  return key;
}

size_t ProblemTable::add(const LayerProblem &problem, int64_t group) {
  auto [it, inserted] = index.try_emplace(problemKey(problem, group), 0);
  if (inserted) {
    it->second = list.size();
    list.push_back(problem);
  } else {
    list[it->second].weight += problem.weight;
  }
  return it->second;
}

const std::vector<std::string> &digamma::api::bundledModels() {
  static const std::vector<std::string> models = {
      "resnet18", "resnet50", "mobilenet_v2", "mnasnet", "bert", "ncf", "dlrm"};
  return models;
}

std::string digamma::api::modelPath(const std::string &spec,
                                    const std::string &modelsDir) {
  bool isPath = spec.find('/') != std::string::npos ||
                (spec.size() > 4 && spec.substr(spec.size() - 4) == ".csv");
  return isPath ? spec : modelsDir + "/" + spec + ".csv";
}

/// The file name of \p path without directory and extension.
static std::string stem(const std::string &path) {
  size_t slash = path.find_last_of('/');
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  if (size_t dot = name.rfind('.'); dot != std::string::npos && dot > 0)
    name = name.substr(0, dot);
  return name;
}

std::optional<std::string> digamma::api::loadModel(const std::string &path,
                                                   ProblemTable &table,
                                                   Model &model,
                                                   int64_t elementBytes) {
  cost::GammaTable gamma = cost::readGammaTable(path);
  // File errors name the path, line errors do not.
  if (gamma.failed())
    return gamma.errorLine > 0 ? path + ": " + gamma.error() : gamma.error();
  model = Model();
  model.name = stem(path);
  model.numLayers = gamma.layers.size();
  std::map<size_t, double> occurrences;
  for (const Layer &layer : gamma.layers) {
    LayerProblem problem;
    problem.layer = layer;
    problem.elementBytes = elementBytes;
    occurrences[table.add(problem)] += 1.0;
  }
  model.problems.assign(occurrences.begin(), occurrences.end());
  return std::nullopt;
}

std::vector<LayerProblem> digamma::api::modelLayers(const ProblemTable &table,
                                                    const Model &model) {
  std::vector<LayerProblem> layers;
  for (auto [index, occurrences] : model.problems) {
    layers.push_back(table.problems()[index]);
    layers.back().weight = occurrences;
  }
  return layers;
}
