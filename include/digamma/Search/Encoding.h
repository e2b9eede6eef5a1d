//===- Encoding.h - DiGamma's genome and genetic operators ------*- C++ -*-===//
//
// The design-point encoding of the paper's Fig. 3 and the genetic operators
// of Fig. 4. An individual is a list of levels, outermost first; each level
// holds a hardware gene (the PE count at the outer level, the cluster size
// below it: together the PE count and the array's aspect ratio), the
// parallel dimension and six (dimension, tile) genes whose order is the loop
// order. Storage is fixed-size (cost::Mapping plus a PE count), so copying
// and scoring an individual never touches the heap. Exposed so that tests
// and other optimizers can use the encoding.
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_SEARCH_ENCODING_H
#define DIGAMMA_SEARCH_ENCODING_H

#include "digamma/Search/MapSpace.h"
#include "digamma/Search/Search.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <random>

namespace digamma::search {

/// One design point and its score.
struct Individual {
  /// HW gene of the outer level: the PE count.
  int64_t numPEs = 1;
  /// Per-level parallel dimension, cluster size (HW gene of the inner
  /// levels), loop order and tiles.
  cost::Mapping mapping;
  bool valid = false;
  double objective = 0, tieBreak = 0, areaUm2 = 0;
};

/// True if \p a and \p b carry the same genes (scores are not compared).
bool sameGenes(const Individual &a, const Individual &b);

/// Seeded generator with its own range mapping: std distributions are
/// implementation-defined, and results must not depend on the library.
class Random {
public:
  explicit Random(uint64_t seed) : engine(seed) {}
  /// Uniform in [lo, hi] (the modulo bias is below 2^-40 for our ranges).
  int64_t uniform(int64_t lo, int64_t hi) {
    uint64_t span = static_cast<uint64_t>(hi - lo) + 1;
    return lo + static_cast<int64_t>(engine() % span);
  }
  /// Uniform in [0, 1).
  double unit() { return static_cast<double>(engine() >> 11) * 0x1.0p-53; }
  /// Log-uniform in [1, hi]: small and large values equally likely by scale.
  int64_t logUniform(int64_t hi) {
    int64_t v =
        static_cast<int64_t>(std::exp(unit() * std::log(double(hi) + 1)));
    return std::clamp<int64_t>(v, 1, hi);
  }
  bool chance(double p) { return unit() < p; }

private:
  std::mt19937_64 engine;
};

/// The objective \p objective of a design with \p report and \p area.
double objectiveValue(Objective objective, const cost::CostReport &report,
                      double area);

/// The legal ranges of one layer's genes, the gene samplers, the repair
/// step and the scoring.
class SearchSpace {
public:
  SearchSpace(const cost::Layer &layer, const SearchOptions &options);
  // The space keeps references to both: no temporaries.
  SearchSpace(cost::Layer &&, const SearchOptions &) = delete;
  SearchSpace(const cost::Layer &, SearchOptions &&) = delete;

  /// A random legal individual. Tiles are drawn log-uniformly, or are all 1
  /// with \p unitTiles (the reference's initial population).
  void randomize(Individual &ind, Random &rng, bool unitTiles = false) const;
  /// The smallest design: one PE, cluster sizes and tiles of 1 (the given
  /// mapping's tiles in FixedMapping mode).
  void smallest(Individual &ind) const;
  /// A random dimension worth parallelizing (extent > 1).
  cost::Dim randomParallelDim(Random &rng) const;
  /// A random dimension level \p level may spread: one worth parallelizing
  /// that the map space allows there (any allowed one if none is worth it).
  cost::Dim randomParallelDim(Random &rng, int level) const;
  /// A new tile in [1, bound] (log-uniform or uniform, per the options).
  int64_t drawTile(int64_t bound, Random &rng) const;
  /// A new cluster size for inner level \p l of \p ind: at most the PE
  /// count and the parent tile of the level's parallel dimension (more
  /// sub-clusters than that would idle).
  int64_t drawCluster(const Individual &ind, int l, Random &rng) const;
  /// Tile-dependency repair: tiles within [1, outer tile] (the extent at
  /// level 0), the PE count within [1, maxPEs] (the fixed count in FixedHW
  /// mode), cluster sizes whose product fits the PE count. With a map space
  /// (options.mapSpace), into the space: its level count, parallel
  /// dimensions, order prefixes and tiles (the mapping is the caller's in
  /// FixedMapping mode), its parallel sizes (cluster sizes, the outer
  /// fan-out through the PE count unless it is fixed).
  void repair(Individual &ind) const;
  /// Replaces every parallel dimension of extent 1, which is no dimension
  /// of the layer's op (a mapping taken from another layer may carry one):
  /// a depthwise layer's K by its C, as the cost model reads it, anything
  /// else by the first dimension worth spreading.
  void legalizeParallelDims(Individual &ind) const;
  /// Scores \p ind in place: buffers sized to the mapping's requirement and
  /// charged to area (the given capacities in FixedHW mode), constraints
  /// checked. Returns the cost report: of a design whose buffers break a
  /// constraint, only its buffer figures (cost::Evaluator::evaluateWithin(),
  /// which skips the runtime), unless \p everyFigure asks for all of them
  /// (graded penalties measure how far off an invalid design is).
  const cost::CostReport &evaluate(Individual &ind, cost::Evaluator &evaluator,
                                   bool everyFigure = false) const;
  /// Strict weak order: valid before invalid, then objective, tie-break.
  static bool better(const Individual &a, const Individual &b);
  /// Area of the smallest design (smallest()) whatever the budget, or
  /// infinity if the cost model rejects it. CoOpt and FixedMapping modes.
  double smallestFeasibleAreaUm2() const;
  /// The result for the best individual found.
  SearchResult finish(const Individual &best, int64_t samplesUsed,
                      std::vector<double> trace) const;

  const cost::Layer &layer;
  const SearchOptions &options;
  /// Mapped extent per dimension (output extents for Y and X).
  std::array<int64_t, cost::kNumDims> extent{};
  std::array<cost::Dim, cost::kNumDims> parallelChoices{};
  int numParallelChoices = 0;
  /// Per level, the dimensions randomParallelDim(rng, level) draws from:
  /// parallelChoices where the map space leaves the level free.
  std::array<std::array<cost::Dim, cost::kNumDims>, cost::kMaxLevels>
      levelParallelChoices{};
  std::array<int, cost::kMaxLevels> numLevelParallelChoices{};
  /// The level counts randomize(), smallest(), grow() and age() keep to:
  /// the options' range (or the map space's count), or the part of it
  /// DiGamma's level schedule has opened so far (LevelSchedule).
  int minLevels = 1, maxLevels = 1;
  /// Largest PE count: the fixed count, or what the budget and pe-limit
  /// allow for the MACs alone.
  int64_t maxPEs = 1;
  int64_t bytes = 1;
  /// Which genes the mode lets the operators change.
  bool searchMapping = true, searchPEs = true;
};

/// DiGamma's choice of the mapping level count per problem within the
/// options' range (docs/search.md, "Level count"). With the latency
/// objective the search starts with the fewest levels whose cycle bound
/// (cycleBound()) is within GeneticParameters::levelStartTolerance of the
/// whole range's, and opens the whole range (grow and age then choose) if,
/// once GeneticParameters::levelWidenAt of the samples are used, its best
/// design is still above levelWidenGap times the range's bound. Other
/// objectives have no bound to go by and search the whole range.
class LevelSchedule {
public:
  /// Narrows \p space's level range to the starting one.
  explicit LevelSchedule(SearchSpace &space);
  /// After a generation: \p used samples spent, \p best the best design so
  /// far. Opens the whole range in \p space when the schedule says so.
  void update(SearchSpace &space, int64_t used, const Individual &best);

private:
  int64_t boundCycles = 0;
  int64_t widenAt = 0;
  bool open = true;
};

/// Checks every optimizer makes before searching \p space: the options
/// (validateOptions), the layer's extents and, in FixedMapping mode, that
/// the given mapping is legal for the layer. A message, or nullopt.
std::optional<std::string> checkSearchInputs(const SearchSpace &space);

//===----------------------------------------------------------------------===//
// Genetic operators (Fig. 4). Each leaves genes legal once repair() has run;
// reorder, swapParallel, grow and age keep them legal even without it.
//===----------------------------------------------------------------------===//

/// Crossover: \p a and \p b exchange their tiles of one random dimension at
/// every level both have.
void crossover(Individual &a, Individual &b, Random &rng);
/// Reorder: swaps two loops of one random level.
void reorder(Individual &ind, Random &rng);
/// Mutate-map: one random locus of one level gets a new value: the parallel
/// dimension (an inner level then also redraws its cluster size) or one
/// tile, drawn within its outer tile.
void mutateMap(Individual &ind, const SearchSpace &space, Random &rng);
/// Mutate-HW: a new PE count, a multiple of the inner cluster sizes by a
/// fan-out in the upper half of what the outer level can use; or, with
/// several levels, a new cluster size. Only cluster sizes in FixedHW mode.
void mutateHardware(Individual &ind, const SearchSpace &space, Random &rng);
/// Hardware to mapping: every level gets exactly as many sub-units as its
/// parallel dimension has tiles (inner cluster sizes first, then the outer
/// fan-out and so the PE count, within maxPEs). The PE count is left alone
/// in FixedHW mode.
void fitHardwareToMapping(Individual &ind, const SearchSpace &space);
/// Mapping to hardware: the parent tile of every inner level's parallel
/// dimension grows to cluster size x tile (within its own bound), so no
/// sub-unit idles, and the outer tile spreads the extent over the outer
/// fan-out.
void fitMappingToHardware(Individual &ind, const SearchSpace &space);
/// One of the two fits above, at random (only the first when the mapping
/// is fixed): single-gene mutations reach an array that matches the tiles
/// exactly only by chance.
void fitParallelism(Individual &ind, const SearchSpace &space, Random &rng);
/// Swaps the parallel dimensions of the two outer levels.
void swapParallel(Individual &ind);
/// Grow: appends an inner level (random order and parallel dimension, tiles
/// of 1, a new cluster size) if below maxLevels.
void grow(Individual &ind, const SearchSpace &space, Random &rng);
/// Aging: drops the innermost level if above minLevels.
void age(Individual &ind, const SearchSpace &space);

} // namespace digamma::search

#endif // DIGAMMA_SEARCH_ENCODING_H
