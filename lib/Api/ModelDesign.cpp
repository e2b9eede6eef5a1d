//===- ModelDesign.cpp - Best one chip for every layer of a model ---------===//
//
// Checks the request with the checks findDesign makes, merges equal layers
// as the pass merges equal ops, runs the whole-model search and gives every
// layer given its mapping back.
//
//===----------------------------------------------------------------------===//

#include "digamma/Api/ModelDesign.h"

#include <map>
#include <tuple>

using namespace digamma;
using namespace digamma::api;

/// The search options of a model request, or a message.
static std::optional<std::string>
buildModelOptions(const std::vector<ModelLayer> &layers, const Budget &budget,
                  const Options &options, search::SearchOptions &out) {
  if (std::optional<std::string> error =
          resolveSearchOptions(budget, options, out))
    return error;
  if (options.algorithm != search::Algorithm::DiGamma)
    return "a whole model is searched by DiGamma only; algorithm " +
           std::string(search::algorithmName(options.algorithm)) +
           " searches one layer";
  return search::checkModel(layers, out);
}

std::optional<std::string>
api::checkModelRequest(const std::vector<ModelLayer> &layers,
                       const Budget &budget, const Options &options) {
  search::SearchOptions unused;
  return buildModelOptions(layers, budget, options, unused);
}

ModelDesign api::findModelDesign(const std::vector<ModelLayer> &layers,
                                 const Budget &budget,
                                 const Options &options) {
  ModelDesign design;
  search::SearchOptions searchOptions;
  if (std::optional<std::string> error =
          buildModelOptions(layers, budget, options, searchOptions)) {
    design.error = std::move(*error);
    return design;
  }

  // Equal layers are one problem whose weight is the sum of theirs, in the
  // order of first appearance.
  using Key = std::tuple<int, int64_t, int64_t, int64_t, int64_t, int64_t,
                         int64_t, int64_t, int64_t, int64_t>;
  std::map<Key, size_t> index;
  std::vector<ModelLayer> distinct;
  std::vector<size_t> distinctOf;
  for (const ModelLayer &given : layers) {
    const Layer &l = given.layer;
    Key key{static_cast<int>(l.layerClass), l.n, l.k, l.c, l.y, l.x, l.r,
            l.s, l.strideY, l.strideX};
    auto [it, inserted] = index.try_emplace(key, distinct.size());
    if (inserted)
      distinct.push_back({given.layer, 0});
    distinct[it->second].weight += given.weight;
    distinctOf.push_back(it->second);
  }

  search::ModelSearchResult result =
      search::runModelDiGamma(distinct, searchOptions);
  design.samplesUsed = result.samplesUsed;
  if (!result.found) {
    design.error = std::move(result.message);
    return design;
  }
  design.found = true;
  design.hardware = result.hardware;
  design.peArrayShape =
      search::peArrayShape(result.hardware, result.mappings.front());
  design.l1Bytes =
      search::bufferBytes(result.hardware.l1Elements, options.elementBytes);
  design.l2Bytes =
      search::bufferBytes(result.hardware.l2Elements, options.elementBytes);
  design.areaUm2 = result.areaUm2;
  design.peAreaUm2 = result.peAreaUm2;
  design.bufferAreaUm2 = result.bufferAreaUm2;
  for (size_t k : distinctOf) {
    design.mappings.push_back(result.mappings[k]);
    design.costs.push_back(result.costs[k]);
  }
  design.totalCycles = result.totalCycles;
  design.totalEnergyNJ = result.totalEnergyNJ;
  design.objectiveValue = result.objectiveValue;
  return design;
}
