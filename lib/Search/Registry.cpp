//===- Registry.cpp - Every optimizer behind one interface ----------------===//
//
// The top of the search library: the Optimizer of each Algorithm. It
// depends on every optimizer and none of them depends on it.
//
//===----------------------------------------------------------------------===//

#include "digamma/Search/Baselines.h"

#include "Common.h"

#include <iterator>

using namespace digamma;
using namespace digamma::search;

namespace {

/// An optimizer that is one search function.
class FunctionOptimizer final : public Optimizer {
public:
  using Search = SearchResult (*)(const cost::Layer &, const SearchOptions &);
  FunctionOptimizer(std::string_view name, Search search)
      : optimizerName(name), search(search) {}
  std::string_view name() const override { return optimizerName; }
  SearchResult run(const cost::Layer &layer,
                   const SearchOptions &options) const override {
    return search(layer, options);
  }

private:
  std::string_view optimizerName;
  Search search;
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
  static const FunctionOptimizer digammaOptimizer("digamma", runDiGamma);
  static const FunctionOptimizer randomOptimizer("random", runRandomSearch);
  static const BaselineOptimizer sga(Algorithm::Sga), pso(Algorithm::Pso),
      sea(Algorithm::Sea), de(Algorithm::De), cmaes(Algorithm::Cmaes),
      sa(Algorithm::Sa), nsga2(Algorithm::Nsga2), moead(Algorithm::Moead);
  // In Algorithm order.
  static const Optimizer *const optimizers[] = {&digammaOptimizer,
                                                &randomOptimizer,
                                                &sga,
                                                &pso,
                                                &sea,
                                                &de,
                                                &cmaes,
                                                &sa,
                                                &nsga2,
                                                &moead};
  static_assert(std::size(optimizers) == size_t(Algorithm::Moead) + 1,
                "one optimizer per Algorithm");
  static const UnknownOptimizer unknown;
  auto index = static_cast<size_t>(algorithm);
  return index < std::size(optimizers) ? *optimizers[index] : unknown;
}

const Optimizer &digamma::search::getBaselineOptimizer(Algorithm algorithm) {
  return getOptimizer(algorithm);
}
