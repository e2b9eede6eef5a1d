//===- CostModel.cpp - Analytical cost and area model ---------------------===//
//
// The `sound` model. A mapping level splits its parent extents into tiles;
// the parallel dimension's tiles are spread over the level's fan-out units,
// one spatial chunk per step. Edge tiles are accounted exactly: along each
// dimension a level sees at most two tile shapes (full and remainder), so a
// level is evaluated over at most 2^6 shape combinations, each sub-level
// result computed once. A step takes as long as its slowest unit; a level is
// never faster than its NoC (and, at the top, off-chip) traffic allows.
// Hence cycles >= MACs / PEs always holds and more bandwidth is never slower.
//
//===----------------------------------------------------------------------===//

#include "digamma/CostModel/CostModel.h"

#include <algorithm>
#include <array>
#include <cmath>

using namespace digamma::cost;

namespace {

using Extents = std::array<int64_t, kNumDims>;

constexpr int64_t kMax = std::numeric_limits<int64_t>::max();

/// Saturating arithmetic: a saturated value marks the result as overflowed.
int64_t satMul(int64_t a, int64_t b) {
  int64_t r;
  return __builtin_mul_overflow(a, b, &r) ? kMax : r;
}
int64_t satAdd(int64_t a, int64_t b) {
  int64_t r;
  return __builtin_add_overflow(a, b, &r) ? kMax : r;
}
int64_t ceilDiv(int64_t a, int64_t b) { return a / b + (a % b != 0); }

constexpr int bit(Dim d) { return 1 << static_cast<int>(d); }

enum Tensor { Input = 0, Filter = 1, Output = 2 };

/// Traffic and time of one level invocation summed with its sub-levels.
struct LevelResult {
  int64_t cycles = 0;
  /// Elements delivered into the PEs' L1 (last level ingress), per tensor;
  /// the output entry stays 0 (partial sums leave through l1Egress).
  std::array<int64_t, 3> l1Ingress{};
  int64_t l1Egress = 0;
  /// This level's own traffic with its parent buffer, per tensor (outputs:
  /// writes), and the partial sums it reads back.
  std::array<int64_t, 3> ownTraffic{};
  int64_t ownPsumReads = 0;
};

} // namespace

std::string_view digamma::cost::describe(InvalidReason reason) {
  switch (reason) {
  case InvalidReason::None:
    return "valid";
  case InvalidReason::BadLayer:
    return "the layer has a non-positive dimension or stride, or a filter "
           "larger than its input";
  case InvalidReason::BadMapping:
    return "the mapping is malformed (level count, loop order, non-positive "
           "tile or cluster size)";
  case InvalidReason::TileExceedsParent:
    return "a tile is larger than its parent level's tile or the dimension";
  case InvalidReason::ClusterExceedsPEs:
    return "the cluster sizes need more PEs than the hardware has";
  case InvalidReason::Overflow:
    return "a figure overflows 64-bit integers";
  case InvalidReason::UnsupportedSemantics:
    return "maestro semantics are not available in this build";
  case InvalidReason::L1OverCapacity:
    return "the mapping needs more L1 than the hardware has";
  case InvalidReason::L2OverCapacity:
    return "the mapping needs more L2 than the hardware has";
  case InvalidReason::AreaOverBudget:
    return "the design is larger than the area budget";
  case InvalidReason::PELimitExceeded:
    return "the design uses more PEs than the PE limit";
  }
  return "unknown";
}

double digamma::cost::digammaAreaUm2(int64_t numPEs, int64_t l1Elements,
                                     int64_t l2Elements,
                                     int64_t bytesPerElement,
                                     const AreaConstants &constants) {
  double bits = 8.0 * static_cast<double>(bytesPerElement);
  return static_cast<double>(numPEs) * constants.macAreaUm2 +
         (static_cast<double>(l1Elements) * static_cast<double>(numPEs) +
          static_cast<double>(l2Elements)) *
             bits * constants.sramAreaUm2PerBit;
}

InvalidReason digamma::cost::checkConstraints(const CostReport &report,
                                              const Hardware &hw,
                                              const Constraints &constraints,
                                              const ModelOptions &options) {
  if (!report.valid)
    return report.reason;
  if (report.l1Elements > hw.l1Elements)
    return InvalidReason::L1OverCapacity;
  if (report.l2Elements > hw.l2Elements)
    return InvalidReason::L2OverCapacity;
  if (hw.numPEs > constraints.peLimit)
    return InvalidReason::PELimitExceeded;
  double area = digammaAreaUm2(hw.numPEs, report.l1Elements,
                               report.l2Elements, hw.bytesPerElement,
                               options.area);
  if (area > constraints.areaBudgetUm2)
    return InvalidReason::AreaOverBudget;
  return InvalidReason::None;
}

namespace {

/// Everything evaluate() derives once per call; lives on the stack.
struct Analysis {
  const Layer &layer;
  const Hardware &hw;
  const Mapping &mapping;
  std::array<int, 3> coupled{}; // dimension bit masks per tensor
  std::array<int64_t, kMaxLevels> fanOut{};

  /// Volume of \p tensor in a block of extents \p e (Y, X output extents).
  int64_t volume(int tensor, const Extents &e) const;
  /// Sum of \p tensor's volume over all tiles of a level whose per-dim tile
  /// extents add up to \p sum in \p count tiles.
  int64_t tiledVolume(int tensor, const Extents &sum,
                      const Extents &count) const;
  LevelResult run(int level, const Extents &parent) const;
};

int64_t Analysis::volume(int tensor, const Extents &e) const {
  Extents ones;
  ones.fill(1);
  return tiledVolume(tensor, e, ones);
}

int64_t Analysis::tiledVolume(int tensor, const Extents &sum,
                              const Extents &count) const {
  int mask = coupled[tensor];
  auto at = [](const Extents &e, Dim d) { return e[static_cast<int>(d)]; };
  int64_t v = 1;
  for (Dim d : {Dim::K, Dim::C})
    if (mask & bit(d))
      v = satMul(v, at(sum, d));
  if (tensor != Input) {
    for (Dim d : {Dim::Y, Dim::X, Dim::R, Dim::S})
      if (mask & bit(d))
        v = satMul(v, at(sum, d));
    return v;
  }
  // An input block of a output rows and b filter rows spans
  // (a - 1) * stride + b rows; summed over all (a, b) tile pairs.
  auto window = [&](Dim out, Dim filter, int64_t stride) {
    int64_t outTerm = satMul(satMul(stride, at(sum, out) - at(count, out)),
                             at(count, filter));
    return satAdd(outTerm, satMul(at(count, out), at(sum, filter)));
  };
  v = satMul(v, window(Dim::Y, Dim::R, layer.strideY));
  return satMul(v, window(Dim::X, Dim::S, layer.strideX));
}

LevelResult Analysis::run(int level, const Extents &parent) const {
  const MappingLevel &spec = mapping.level(level);
  const int p = static_cast<int>(spec.parallelDim);
  const int64_t fan = fanOut[level];
  Extents tile, rem, trips;
  for (int d = 0; d < kNumDims; ++d) {
    tile[d] = std::min(spec.tiles[d], parent[d]);
    rem[d] = parent[d] % tile[d];
    trips[d] = ceilDiv(parent[d], tile[d]);
  }
  // Spatial chunks along p: trips[p] tiles over `fan` units per step. The
  // last chunk runs at remainder speed only when it is a lone remainder tile.
  const int64_t chunks = ceilDiv(trips[p], fan);
  const bool edgeChunk = rem[p] != 0 && trips[p] - (chunks - 1) * fan == 1;

  // Per dimension and choice (0 full, 1 remainder): how many steps (time)
  // and how many tiles (traffic) have that shape.
  std::array<std::array<int64_t, 2>, kNumDims> steps, tiles, shape;
  for (int d = 0; d < kNumDims; ++d) {
    shape[d] = {tile[d], rem[d]};
    tiles[d] = {parent[d] / tile[d], rem[d] != 0 ? 1 : 0};
    steps[d] = d == p ? std::array<int64_t, 2>{chunks - edgeChunk, edgeChunk}
                      : tiles[d];
  }

  LevelResult result;
  const bool last = level + 1 == mapping.numLevels;
  int64_t compute = 0;
  if (last && hw.simdLanes == 1) {
    // A PE does its block MAC by MAC: the sum over step shapes factors.
    compute = 1;
    for (int d = 0; d < kNumDims; ++d)
      compute = satMul(compute, satAdd(satMul(steps[d][0], shape[d][0]),
                                       satMul(steps[d][1], shape[d][1])));
  } else {
    for (int mask = 0; mask < (1 << kNumDims); ++mask) {
      int64_t stepCount = 1, tileCount = 1, work = 1;
      Extents sub;
      for (int d = 0; d < kNumDims; ++d) {
        int choice = (mask >> d) & 1;
        stepCount = satMul(stepCount, steps[d][choice]);
        tileCount = satMul(tileCount, tiles[d][choice]);
        sub[d] = shape[d][choice];
        work = satMul(work, sub[d]);
      }
      if (stepCount == 0 && tileCount == 0)
        continue;
      if (last) {
        compute = satAdd(compute,
                         satMul(stepCount, ceilDiv(work, hw.simdLanes)));
        continue;
      }
      LevelResult inner = run(level + 1, sub);
      compute = satAdd(compute, satMul(stepCount, inner.cycles));
      for (int t = 0; t < 3; ++t)
        result.l1Ingress[t] = satAdd(result.l1Ingress[t],
                                     satMul(tileCount, inner.l1Ingress[t]));
      result.l1Egress = satAdd(result.l1Egress,
                               satMul(tileCount, inner.l1Egress));
    }
  }

  // This level's own traffic into its units. A tensor's tile is fetched
  // again whenever a loop outside its innermost coupled loop advances; a
  // tensor not coupled to p is multicast once per chunk.
  Extents loopTrips = trips;
  loopTrips[p] = chunks;
  int64_t traffic = 0, firstStep = 0;
  Extents chunkExtent = tile;
  chunkExtent[p] = std::min(satMul(fan, tile[p]), parent[p]);
  for (int t = 0; t < 3; ++t) {
    int innermost = -1;
    for (int i = kNumDims - 1; i >= 0 && innermost < 0; --i) {
      int d = static_cast<int>(spec.order[i]);
      if ((coupled[t] & (1 << d)) && loopTrips[d] > 1)
        innermost = i;
    }
    int64_t refetch = 1;
    for (int i = 0; i < innermost; ++i) {
      int d = static_cast<int>(spec.order[i]);
      if (!(coupled[t] & (1 << d)))
        refetch = satMul(refetch, loopTrips[d]);
    }
    int64_t moved = satMul(refetch, tiledVolume(t, parent, trips));
    result.ownTraffic[t] = moved;
    traffic = satAdd(traffic, moved);
    if (t == Output) {
      // Revisited output tiles read their partial sums back first.
      int64_t psumReads = moved - volume(Output, parent);
      result.ownPsumReads = std::max<int64_t>(psumReads, 0);
      traffic = satAdd(traffic, result.ownPsumReads);
    } else {
      firstStep = satAdd(firstStep, volume(t, chunkExtent));
    }
  }
  if (last) {
    result.l1Ingress = {result.ownTraffic[Input], result.ownTraffic[Filter],
                        0};
    result.l1Egress = result.ownTraffic[Output];
  }
  int64_t bandwidth = hw.nocBandwidth;
  int64_t trafficCycles = ceilDiv(traffic, bandwidth);
  int64_t fillCycles = ceilDiv(firstStep, bandwidth);
  if (level == 0) {
    trafficCycles = std::max(trafficCycles,
                             ceilDiv(traffic, hw.offchipBandwidth));
    fillCycles = std::max(fillCycles,
                          ceilDiv(firstStep, hw.offchipBandwidth));
  }
  result.cycles = satAdd(std::max(compute, trafficCycles), fillCycles);
  return result;
}

bool positive(int64_t v) { return v > 0; }

InvalidReason validate(const Layer &layer, const Hardware &hw,
                       const Mapping &mapping, Analysis &analysis) {
  for (int64_t v : {layer.n, layer.k, layer.c, layer.y, layer.x, layer.r,
                    layer.s, layer.strideY, layer.strideX})
    if (!positive(v))
      return InvalidReason::BadLayer;
  if (layer.r > layer.y || layer.s > layer.x)
    return InvalidReason::BadLayer;
  if (!positive(hw.numPEs) || !positive(hw.simdLanes) ||
      !positive(hw.nocBandwidth) || !positive(hw.offchipBandwidth) ||
      !positive(hw.bytesPerElement))
    return InvalidReason::BadMapping;
  if (mapping.numLevels < 1 || mapping.numLevels > kMaxLevels)
    return InvalidReason::BadMapping;
  Extents outer;
  for (int d = 0; d < kNumDims; ++d)
    outer[d] = layer.mappedExtent(static_cast<Dim>(d));
  int64_t innerPEs = 1;
  for (int l = 0; l < mapping.numLevels; ++l) {
    const MappingLevel &level = mapping.level(l);
    int seen = 0;
    for (Dim d : level.order)
      seen |= bit(d);
    if (seen != (1 << kNumDims) - 1 ||
        static_cast<int>(level.parallelDim) >= kNumDims)
      return InvalidReason::BadMapping;
    for (int d = 0; d < kNumDims; ++d) {
      if (!positive(level.tiles[d]))
        return InvalidReason::BadMapping;
      if (level.tiles[d] > outer[d])
        return InvalidReason::TileExceedsParent;
      outer[d] = level.tiles[d];
    }
    if (l > 0) {
      if (!positive(level.clusterSize))
        return InvalidReason::BadMapping;
      innerPEs = satMul(innerPEs, level.clusterSize);
      analysis.fanOut[l] = level.clusterSize;
    }
  }
  if (innerPEs > hw.numPEs)
    return InvalidReason::ClusterExceedsPEs;
  analysis.fanOut[0] = hw.numPEs / innerPEs;
  return InvalidReason::None;
}

} // namespace

Evaluator::Evaluator(const ModelOptions &options) : options(options) {}

const CostReport &Evaluator::evaluate(const Layer &layer, const Hardware &hw,
                                      const Mapping &mapping,
                                      Semantics semantics) {
  report = CostReport();
  if (semantics != Semantics::Sound) {
    report.reason = InvalidReason::UnsupportedSemantics;
    return report;
  }
  Analysis analysis{layer, hw, mapping};
  bool depthwise = layer.layerClass == LayerClass::DepthwiseConv;
  int window = bit(Dim::C) | bit(Dim::Y) | bit(Dim::X) | bit(Dim::R) |
               bit(Dim::S);
  analysis.coupled[Input] = window;
  analysis.coupled[Filter] =
      (depthwise ? 0 : bit(Dim::K)) | bit(Dim::C) | bit(Dim::R) | bit(Dim::S);
  analysis.coupled[Output] =
      (depthwise ? bit(Dim::C) : bit(Dim::K)) | bit(Dim::Y) | bit(Dim::X);
  if (InvalidReason reason = validate(layer, hw, mapping, analysis);
      reason != InvalidReason::None) {
    report.reason = reason;
    return report;
  }

  Extents full;
  for (int d = 0; d < kNumDims; ++d)
    full[d] = layer.mappedExtent(static_cast<Dim>(d));
  LevelResult top = analysis.run(0, full);

  // Buffers hold one block per tensor, double-buffered: a PE's innermost
  // tile in L1, the top level's chunk in L2.
  const MappingLevel &inner = mapping.level(mapping.numLevels - 1);
  Extents peTile, chunk;
  const MappingLevel &outer = mapping.level(0);
  for (int d = 0; d < kNumDims; ++d) {
    peTile[d] = inner.tiles[d];
    chunk[d] = outer.tiles[d];
  }
  int p0 = static_cast<int>(outer.parallelDim);
  chunk[p0] = std::min(satMul(analysis.fanOut[0], chunk[p0]), full[p0]);
  int64_t l1 = 0, l2 = 0, macs = 1;
  for (int t = 0; t < 3; ++t) {
    l1 = satAdd(l1, analysis.volume(t, peTile));
    l2 = satAdd(l2, analysis.volume(t, chunk));
  }
  for (int64_t e : full)
    macs = satMul(macs, e);
  macs = satMul(macs, layer.n);

  // The batch is an outer loop around the whole mapping.
  int64_t n = layer.n;
  report.cycles = satMul(top.cycles, n);
  report.macs = macs;
  report.l1Elements = satMul(l1, 2);
  report.l2Elements = satMul(l2, 2);
  AccessCounts &a = report.accesses;
  a.inputL2Read = satMul(top.ownTraffic[Input], n);
  a.inputL2Write = a.inputL2Read; // staged through L2 from off-chip
  a.filterL2Read = satMul(top.ownTraffic[Filter], n);
  a.filterL2Write = a.filterL2Read;
  a.outputL2Write = satMul(top.ownTraffic[Output], n);
  a.outputL2Read = satMul(top.ownPsumReads, n);
  a.inputL1Write = satMul(top.l1Ingress[Input], n);
  a.filterL1Write = satMul(top.l1Ingress[Filter], n);
  a.inputL1Read = a.filterL1Read = a.outputL1Read = a.outputL1Write = macs;

  for (int64_t v :
       {report.cycles, report.macs, report.l1Elements, report.l2Elements,
        a.inputL2Read, a.filterL2Read, a.outputL2Write, a.inputL1Write,
        a.filterL1Write, satMul(top.l1Egress, n)})
    if (v == kMax) {
      report.reason = InvalidReason::Overflow;
      return report;
    }

  const EnergyConstants &e = options.energy;
  double l1Accesses = double(a.inputL1Read) + double(a.inputL1Write) +
                      double(a.filterL1Read) + double(a.filterL1Write) +
                      double(a.outputL1Read) + double(a.outputL1Write);
  double l2Accesses = double(a.inputL2Read) + double(a.inputL2Write) +
                      double(a.filterL2Read) + double(a.filterL2Write) +
                      double(a.outputL2Read) + double(a.outputL2Write);
  report.energyNJ = double(macs) * e.macNJ + l1Accesses * e.l1AccessNJ +
                    l2Accesses * e.l2AccessNJ;
  double cycles = double(report.cycles);
  report.throughput = double(macs) / cycles;
  report.avgUsedPEs = report.throughput / double(hw.simdLanes);
  report.utilization = report.avgUsedPEs / double(hw.numPEs);
  report.power = report.energyNJ / cycles; // watts at 1 GHz
  report.nocBandwidthReq = l2Accesses / cycles;
  report.offchipBandwidthReq =
      double(a.inputL2Write + a.filterL2Write + a.outputL2Write) / cycles;
  // MAESTRO's area model (cost-model constants of commit e1d8efd).
  double pes = double(hw.numPEs), bus = 14.662 * pes + 28.895;
  double arb = 1.2886 * pes * pes + 5.5814 * pes - 23.711;
  report.areaMaestroUm2 =
      pes * (283.0 * double(hw.simdLanes) + 0.104 * double(report.l1Elements)) +
      0.104 * double(report.l2Elements) +
      101.7938 * bus * double(std::min<int64_t>(hw.nocBandwidth, INT32_MAX)) +
      std::max(395.473, 395.473 * arb);
  report.valid = true;
  return report;
}
