//===- Workload.h - Models as distinct layer problems -----------*- C++ -*-===//
//
// The workload code every entry point shares: the one key that says two
// layers are the same search problem, a table that keeps each distinct
// problem once with its summed weight, and models read from GAMMA tables
// into such a table. The pass feeds it the ops of a module, the tools the
// bundled models. Plain C++17.
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_API_WORKLOAD_H
#define DIGAMMA_API_WORKLOAD_H

#include "digamma/Api/Request.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace digamma::api {

/// What makes two layer problems one search: the layer (class, extents,
/// strides, dilations, groups, element sizes), the element size and the
/// fixed mapping and map space, if any. \p group
/// keeps equal problems of different groups (chips) apart.
std::vector<int64_t> problemKey(const LayerProblem &problem, int64_t group = 0);

/// Distinct layer problems in the order they were first added, each with
/// the sum of the weights it was added with.
class ProblemTable {
public:
  /// The index of \p problem (of \p group), added if new; its weight is
  /// added to the entry's.
  size_t add(const LayerProblem &problem, int64_t group = 0);

  const std::vector<LayerProblem> &problems() const { return list; }
  size_t size() const { return list.size(); }

private:
  std::map<std::vector<int64_t>, size_t> index;
  std::vector<LayerProblem> list;
};

/// A model: its layers as distinct problems of a ProblemTable.
struct Model {
  /// The file name without directory and extension.
  std::string name;
  /// Layers in the file.
  size_t numLayers = 0;
  /// (problem index in the table, occurrences in this model), by index.
  std::vector<std::pair<size_t, double>> problems;
};

/// The seven models bundled in models/csv, as the paper's Fig. 5 lists
/// them.
const std::vector<std::string> &bundledModels();

/// \p spec as a path: itself if it names a file (contains '/' or ends in
/// .csv), else \p modelsDir/<spec>.csv.
std::string modelPath(const std::string &spec, const std::string &modelsDir);

/// Reads the GAMMA table at \p path into \p model, adding its layers (each
/// occurrence weighing 1, element size \p elementBytes) to \p table.
/// Returns a message naming the path (and the line) on failure.
std::optional<std::string> loadModel(const std::string &path,
                                     ProblemTable &table, Model &model,
                                     int64_t elementBytes = 0);

/// The layers of \p model as a request's layers: each distinct problem
/// once, weighted by its occurrences.
std::vector<LayerProblem> modelLayers(const ProblemTable &table,
                                      const Model &model);

} // namespace digamma::api

#endif // DIGAMMA_API_WORKLOAD_H
