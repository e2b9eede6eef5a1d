//===- Registry.cpp - Every optimizer behind one interface ----------------===//
//
// The top of the search library: the Optimizer of each Algorithm. It
// depends on every optimizer and none of them depends on it.
//
//===----------------------------------------------------------------------===//

#include "digamma/Search/Baselines.h"

#include "Common.h"

using namespace digamma;
using namespace digamma::search;

namespace {

class DiGammaOptimizer final : public Optimizer {
public:
  std::string_view name() const override { return "digamma"; }
  SearchResult run(const cost::Layer &layer,
                   const SearchOptions &options) const override {
    return runDiGamma(layer, options);
  }
};

class RandomOptimizer final : public Optimizer {
public:
  std::string_view name() const override { return "random"; }
  SearchResult run(const cost::Layer &layer,
                   const SearchOptions &options) const override {
    return runRandomSearch(layer, options);
  }
};

/// A pagmo2 algorithm over the flat encoding (Baselines.h).
class BaselineOptimizer final : public Optimizer {
public:
  explicit BaselineOptimizer(Algorithm algorithm) : algorithm(algorithm) {}
  std::string_view name() const override { return algorithmName(algorithm); }
  SearchResult run(const cost::Layer &layer,
                   const SearchOptions &options) const override {
    return runBaseline(algorithm, layer, options);
  }

private:
  Algorithm algorithm;
};

/// What getOptimizer gives for a value outside the enumeration.
class UnknownOptimizer final : public Optimizer {
public:
  std::string_view name() const override { return "unknown"; }
  SearchResult run(const cost::Layer &, const SearchOptions &) const override {
    return detail::failedResult("not a known algorithm; expected " +
                                std::string(algorithmNames()));
  }
};

} // namespace

const Optimizer &digamma::search::getOptimizer(Algorithm algorithm) {
  static const DiGammaOptimizer digammaOptimizer;
  static const RandomOptimizer randomOptimizer;
  static const BaselineOptimizer sga(Algorithm::Sga), pso(Algorithm::Pso),
      sea(Algorithm::Sea), de(Algorithm::De), cmaes(Algorithm::Cmaes),
      sa(Algorithm::Sa);
  switch (algorithm) {
  case Algorithm::DiGamma:
    return digammaOptimizer;
  case Algorithm::Random:
    return randomOptimizer;
  case Algorithm::Sga:
    return sga;
  case Algorithm::Pso:
    return pso;
  case Algorithm::Sea:
    return sea;
  case Algorithm::De:
    return de;
  case Algorithm::Cmaes:
    return cmaes;
  case Algorithm::Sa:
    return sa;
  }
  static const UnknownOptimizer unknown;
  return unknown;
}

const Optimizer &digamma::search::getBaselineOptimizer(Algorithm algorithm) {
  return getOptimizer(algorithm);
}
