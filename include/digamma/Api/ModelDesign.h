//===- ModelDesign.h - Best one chip for every layer of a model -*- C++ -*-===//
//
// The whole-model counterpart of findDesign (Designer.h): one chip (PE
// count, PE array shape, L1, L2) under one area budget and a mapping per
// layer, searched by search::runModelDiGamma with the budget and options
// findDesign takes. Equal layers are searched once, their weights added, as
// `--digamma-co-optimize="scope=model"` does for equal ops. Plain C++17.
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_API_MODELDESIGN_H
#define DIGAMMA_API_MODELDESIGN_H

#include "digamma/Api/Designer.h"
#include "digamma/Search/ModelSearch.h"

#include <optional>
#include <string>
#include <vector>

namespace digamma::api {

/// A layer of a model and how often its cost counts.
using ModelLayer = search::ModelLayer;

struct ModelDesign {
  bool found = false;
  /// Why there is no design (bad input, or no chip within the budget with
  /// the smallest feasible area); empty when found.
  std::string error;

  /// The shared chip: PE count, L1 (per PE) and L2 in elements (sized to
  /// the largest requirement of the chosen mappings), element size.
  cost::Hardware hardware;
  /// PE array shape: the top level's fan-out, then the cluster sizes.
  std::vector<int64_t> peArrayShape;
  int64_t l1Bytes = 0; ///< per PE
  int64_t l2Bytes = 0;
  /// Area of the chip, of its PEs and of its buffers.
  double areaUm2 = 0, peAreaUm2 = 0, bufferAreaUm2 = 0;

  /// Per layer given, in order: its mapping on the chip and its cost there.
  std::vector<cost::Mapping> mappings;
  std::vector<cost::CostReport> costs;
  /// Weighted sums over the layers, the model objective's value and the
  /// single-layer evaluations spent.
  double totalCycles = 0;
  double totalEnergyNJ = 0;
  double objectiveValue = 0;
  int64_t samplesUsed = 0;
};

/// The message findModelDesign would put in `error` for bad input, or
/// nullopt when the search can run (a ModelDesign with found == false then
/// means that no chip fits the budget). Layers are named by their index in
/// \p layers.
std::optional<std::string>
checkModelRequest(const std::vector<ModelLayer> &layers, const Budget &budget,
                  const Options &options = {});

/// Searches one chip and a mapping per layer of \p layers within \p budget
/// (options.samples per distinct layer). Only the DiGamma algorithm and mode
/// CoOpt search whole models. Deterministic for a seed, whatever
/// options.threads; never throws (except std::bad_alloc).
ModelDesign findModelDesign(const std::vector<ModelLayer> &layers,
                            const Budget &budget, const Options &options = {});

} // namespace digamma::api

#endif // DIGAMMA_API_MODELDESIGN_H
