//===- Bound.cpp - The fewest cycles any design of a layer can take -------===//
//
// Why the bound holds for the sound semantics (lib/CostModel/CostModel.cpp):
// a level's runtime is a sum over its iteration cases of at least the
// compute delay, which is the runtime of the largest sub-cluster one level
// down (at the innermost level, the first PE's work divided by the SIMD
// lanes, rounded up). Summed over a temporal loop's states, the extents
// handed down add up to the loop's extent; summed over a spatial loop's
// steps, the largest sub-cluster's extents add up to at least
// ceil(extent / fan-out), since each step's sub-clusters cover at most
// fan-out times the largest. Case sums factor over loops, so by induction
// from the innermost level a level's runtime is at least
// ceil(prod_d ceil(extent_d / F_d) / lanes), F_d the product of the fan-outs
// of the levels below that spread d, and the fan-outs multiply to at most
// the PE count. Minimizing over every such spread gives the bound.
//
// The off-chip term: at a finite off-chip bandwidth B a sound design takes
// ceil(F / B) + max(T, ceil((D - F - W) / B)) + ceil(W / B) >= ceil(D / B)
// cycles for its off-chip bytes D (README.md, "Off-chip traffic and
// time"), and D is at least the compulsory traffic: every input element a
// MAC reads, every weight of every group, every output written once.
//
//===----------------------------------------------------------------------===//

#include "digamma/CostModel/Bound.h"

#include "Saturating.h"

#include <algorithm>
#include <limits>

using namespace digamma::cost;

using detail::ceilDiv;
using detail::saturatingAdd;
using detail::saturatingMul;

namespace {

/// Input rows (columns) some MAC reads: the distinct a * stride + b *
/// dilation for a < out and b < taps. Closed forms where the windows leave
/// no gap; otherwise counted line by line, or, for extents far beyond any
/// DNN's, the max(out, taps) lines that are surely distinct (still a bound).
int64_t touchedLines(int64_t out, int64_t taps, int64_t stride,
                     int64_t dilation) {
  if (taps == 1)
    return out;
  if (out == 1)
    return taps;
  if (dilation == 1 && stride <= taps)
    return (out - 1) * stride + taps;
  if (stride == 1 && dilation <= out)
    return (taps - 1) * dilation + out;
  const int64_t span = (out - 1) * stride + (taps - 1) * dilation + 1;
  if (span > (int64_t(1) << 22) / taps)
    return std::max(out, taps);
  int64_t count = 0;
  for (int64_t line = 0; line < span; ++line)
    for (int64_t b = 0; b < taps && b * dilation <= line; ++b) {
      int64_t offset = line - b * dilation;
      if (offset % stride == 0 && offset / stride < out) {
        ++count;
        break;
      }
    }
  return count;
}

/// Enumerations longer than this fall back to the weaker bound. The bundled
/// models' layers take well under a millisecond each; six extents of about
/// a thousand, with four to six levels, up to a tenth of a second.
constexpr int64_t kMaxVisits = int64_t(1) << 22;

/// Branch and bound over spreads: which dimensions get a level, and over
/// how many units. Dimensions are visited largest first, so that good
/// spreads come early and prune the rest.
class SpreadSearch {
public:
  SpreadSearch(const std::array<int64_t, kNumDims> &extents, int64_t maxVisits)
      : maxVisits(maxVisits) {
    for (int d = 0; d < kNumDims; ++d)
      order[d] = d;
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return extents[a] > extents[b]; });
    for (int i = 0; i < kNumDims; ++i)
      extent[i] = extents[order[i]];
    rest[kNumDims] = 1;
    for (int i = kNumDims - 1; i >= 0; --i)
      rest[i] = rest[i + 1] * extent[i];
  }

  /// False if the enumeration gave up.
  bool run(int levels, int64_t pes) {
    units.fill(1);
    visit(0, levels, pes, 1);
    return !gaveUp;
  }

  /// The least per-PE work found and the units per Dim that reach it.
  int64_t best = std::numeric_limits<int64_t>::max();
  std::array<int64_t, kNumDims> bestSpread = {1, 1, 1, 1, 1, 1};

private:
  /// Dimension order[i] is spread over units[i] units, or not (1).
  void visit(int i, int levelsLeft, int64_t pesLeft, int64_t work) {
    if (gaveUp || ++visits > maxVisits) {
      gaveUp = true;
      return;
    }
    if (i == kNumDims || levelsLeft == 0 || pesLeft == 1) {
      int64_t total = work * rest[i];
      if (total < best) {
        best = total;
        bestSpread.fill(1);
        for (int j = 0; j < i; ++j)
          bestSpread[order[j]] = units[j];
      }
      return;
    }
    // Even a perfect split of what is left over the PEs left does no better.
    if (work * ceilDiv(rest[i], pesLeft) >= best)
      return;
    const int64_t e = extent[i];
    // Each distinct share ceil(e / f) once, with the fewest units giving
    // it, from the smallest share down; the last level takes the smallest.
    for (int64_t f = std::min(e, pesLeft); f >= 2;) {
      int64_t share = ceilDiv(e, f);
      int64_t fewest = ceilDiv(e, share);
      units[i] = fewest;
      visit(i + 1, levelsLeft - 1, pesLeft / fewest, work * share);
      if (levelsLeft == 1)
        break;
      f = fewest - 1;
    }
    units[i] = 1;
    visit(i + 1, levelsLeft, pesLeft, work * e);
  }

  std::array<int, kNumDims> order;
  std::array<int64_t, kNumDims> extent;
  /// rest[i]: the product of extent[i..].
  std::array<int64_t, kNumDims + 1> rest;
  std::array<int64_t, kNumDims> units;
  int64_t visits = 0, maxVisits;
  bool gaveUp = false;
};

} // namespace

std::string_view digamma::cost::boundLimitName(BoundLimit limit) {
  switch (limit) {
  case BoundLimit::PEs:
    return "pes";
  case BoundLimit::Parallelism:
    return "parallelism";
  case BoundLimit::Offchip:
    break;
  }
  return "offchip";
}

OffchipLink digamma::cost::offchipLinkOf(const Hardware &hw) {
  OffchipLink link;
  link.bytesPerCycle = isOffchipUnbounded(hw) ? 0 : offchipBytesPerCycle(hw);
  link.bytesPerElement = hw.bytesPerElement;
  return link;
}

int64_t digamma::cost::compulsoryOffchipBytes(const Layer &layer,
                                              int64_t bytesPerElement) {
  if (findLayerFault(layer) != LayerFault::None)
    return 0;
  const bool depthwise = layer.layerClass == LayerClass::DepthwiseConv;
  const int64_t oy = layer.outY(), ox = layer.outX();
  int64_t inputs = saturatingMul(
      saturatingMul(layer.n, layer.c),
      saturatingMul(touchedLines(oy, layer.r, layer.strideY, layer.dilationY),
                    touchedLines(ox, layer.s, layer.strideX, layer.dilationX)));
  int64_t weights = saturatingMul(
      saturatingMul(layer.groups, depthwise ? 1 : layer.k),
      saturatingMul(layer.c, saturatingMul(layer.r, layer.s)));
  int64_t outputs = saturatingMul(
      saturatingMul(layer.n, depthwise ? layer.c : layer.k),
      saturatingMul(oy, ox));
  return saturatingAdd(
      saturatingAdd(
          saturatingMul(inputs,
                        layer.operandBytes(Operand::Input, bytesPerElement)),
          saturatingMul(weights,
                        layer.operandBytes(Operand::Weight, bytesPerElement))),
      saturatingMul(outputs,
                    layer.operandBytes(Operand::Output, bytesPerElement)));
}

int64_t digamma::cost::smallestBufferBytes(const Layer &layer,
                                           int64_t bytesPerElement) {
  int64_t bytes = 0;
  for (Operand operand : {Operand::Input, Operand::Weight, Operand::Output})
    bytes = saturatingAdd(bytes, layer.operandBytes(operand, bytesPerElement));
  return saturatingMul(2, bytes);
}

int64_t digamma::cost::mostPEsWithinArea(double areaUm2, const Layer &layer,
                                         int64_t bytesPerElement,
                                         const AreaConstants &constants) {
  double buffer = double(smallestBufferBytes(layer, bytesPerElement)) *
                  sramAreaPerElementUm2(1, constants);
  return std::max<int64_t>(
      unitsWithinArea(areaUm2 - buffer, constants.macAreaUm2 + buffer), 1);
}

CycleBound digamma::cost::cycleBound(const Layer &layer, int64_t maxPEs,
                                     int maxLevels, int64_t simdLanes,
                                     const OffchipLink &offchip) {
  return detail::cycleBoundWithin(layer, maxPEs, maxLevels, simdLanes,
                                  kMaxVisits, offchip);
}

CycleBound digamma::cost::detail::cycleBoundWithin(
    const Layer &layer, int64_t maxPEs, int maxLevels, int64_t simdLanes,
    int64_t maxVisits, const OffchipLink &offchip) {
  CycleBound bound;
  if (findLayerFault(layer) != LayerFault::None)
    return bound;
  // A depthwise layer has no K loop (the cost model maps it as C).
  std::array<int64_t, kNumDims> extents;
  int64_t work = 1, macs = layer.n;
  for (Dim d : kAllDims) {
    int64_t e = d == Dim::K && layer.layerClass == LayerClass::DepthwiseConv
                    ? 1
                    : layer.mappedExtent(d);
    extents[static_cast<int>(d)] = e;
    if (__builtin_mul_overflow(work, e, &work) ||
        __builtin_mul_overflow(macs, e, &macs))
      return bound;
  }
  const int64_t pes = std::max<int64_t>(maxPEs, 1);
  const int64_t lanes = std::max<int64_t>(simdLanes, 1);
  const int levels = std::clamp(maxLevels, 1, kNumDims);
  const int64_t n = layer.n;
  bound.maxPEs = pes;
  bound.maxLevels = levels;
  bound.simdLanes = lanes;

  int64_t perCycle;
  int64_t peWork = __builtin_mul_overflow(pes, lanes, &perCycle)
                       ? 1
                       : ceilDiv(work, perCycle);
  bound.peCycles = n * peWork;

  SpreadSearch search(extents, maxVisits);
  int64_t least;
  if (search.run(levels, pes)) {
    least = search.best;
    bound.spread = search.bestSpread;
  } else {
    // Unspread: every dimension but the `levels` largest.
    std::array<int64_t, kNumDims> sorted = extents;
    std::sort(sorted.begin(), sorted.end());
    int64_t unspread = 1;
    for (int i = 0; i < kNumDims - levels; ++i)
      unspread *= sorted[i];
    least = std::max(ceilDiv(work, pes), unspread);
    bound.exact = false;
  }
  bound.parallelismCycles = n * ceilDiv(least, lanes);
  bound.offchipBytes =
      compulsoryOffchipBytes(layer, std::max<int64_t>(offchip.bytesPerElement, 1));
  if (offchip.bytesPerCycle > 0) {
    bound.offchipBytesPerCycle = offchip.bytesPerCycle;
    bound.offchipCycles = ceilDiv(bound.offchipBytes, offchip.bytesPerCycle);
  }
  bound.cycles = bound.peCycles;
  if (bound.parallelismCycles > bound.cycles) {
    bound.cycles = bound.parallelismCycles;
    bound.limitedBy = BoundLimit::Parallelism;
  }
  if (bound.offchipCycles > bound.cycles) {
    bound.cycles = bound.offchipCycles;
    bound.limitedBy = BoundLimit::Offchip;
  }
  bound.valid = true;
  return bound;
}
