//===- Pareto.h - Fronts of non-dominated designs ---------------*- C++ -*-===//
//
// Multi-objective search (Objective::Pareto): instead of the best design for
// one figure, the designs no other design beats in every figure of
// ParetoSettings (two or three of latency, energy and area), so that an
// architect sees what a figure costs in the others. DiGamma ranks by
// non-dominated sorting and crowding (NSGA-II style) over its own encoding
// and operators, after a budget share spent on each figure's extreme;
// random sampling and pagmo2's NSGA-II over the flat encoding of
// Baselines.h are the baselines. Every optimizer keeps the same bounded
// archive of the non-dominated designs it evaluated, so fronts compare at
// equal samples. A front's single answer (the design the IR keeps) is the
// one ParetoSettings::pick names. docs/design-space.md explains the budget
// split, the archive and the hypervolume figure.
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_SEARCH_PARETO_H
#define DIGAMMA_SEARCH_PARETO_H

#include "digamma/Search/ModelSearch.h"

namespace digamma::search {

/// Front searches of one layer (Objective::Pareto). The result's design is
/// the front's pick, its objectiveValue the pick's first figure, and its
/// front all of them; the trace is empty. They never throw; a result with
/// found == false carries the reason. runDiGamma and runRandomSearch call
/// them for Objective::Pareto, as runBaseline(Algorithm::Nsga2 or Moead,
/// ...) calls runNsga2 or runMoead.
///
/// DiGamma: a share of the samples goes to a DiGamma search of each figure
/// other than area with the other of latency and energy as tie-break
/// (latency 70 %, the first samples of the single-objective search of the
/// same seed; energy 10 %; area's extreme, the smallest design, is in every
/// first population), the rest to an NSGA-II style evolution with
/// DiGamma's operators started from what they found.
SearchResult runParetoDiGamma(const cost::Layer &layer,
                              const SearchOptions &options);
/// Uniform random sampling of DiGamma's encoding into the archive.
SearchResult runParetoRandom(const cost::Layer &layer,
                             const SearchOptions &options);
/// pagmo2's NSGA-II (default settings, population rounded up to a multiple
/// of 4, at least 8) over the flat encoding of Baselines.h, each figure's
/// logarithm a fitness, invalid designs penalized as the single-objective
/// baselines do; exactly options.samples evaluations, every one offered to
/// the archive.
SearchResult runNsga2(const cost::Layer &layer, const SearchOptions &options);
/// pagmo2's MOEA/D on the same problem, population and budget as runNsga2:
/// pagmo's default settings (Tchebycheff decomposition, 20 neighbours, DE
/// operators CR 1, F 0.5) with low-discrepancy weights, which take any
/// population size.
SearchResult runMoead(const cost::Layer &layer, const SearchOptions &options);

/// The front of one chip for all \p layers (scope=model): whole-model
/// searches (runModelDiGamma) of each figure other than area at the full
/// budget, and with area among the figures, of the fastest chip (most
/// frugal without latency) at four budgets spaced geometrically between
/// the smallest chip and the budget (without area, one of the
/// energy-delay product); the valid chips of every search's final pool,
/// and the smallest chip, offered to the archive. The samples per layer
/// are split among the searches (docs/design-space.md). The result's chip
/// is the front's pick.
ModelSearchResult runModelPareto(const std::vector<ModelLayer> &layers,
                                 const SearchOptions &options);

} // namespace digamma::search

#endif // DIGAMMA_SEARCH_PARETO_H
