//===- FuzzCheck.h - Invariant checks shared by the fuzz targets -*- C++ -*-===//
//
// A failed check prints what broke and aborts, which libFuzzer reports as a
// crash and saves the input. Plain C++17 (the cost-model targets link no
// LLVM).
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_FUZZ_FUZZCHECK_H
#define DIGAMMA_FUZZ_FUZZCHECK_H

#include "digamma/CostModel/CostModel.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

/// Aborts with \p what when \p cond is false.
#define DIGAMMA_FUZZ_CHECK(cond, what)                                         \
  do {                                                                         \
    if (!(cond)) {                                                             \
      std::fprintf(stderr, "%s:%d: invariant violated: %s (%s)\n", __FILE__,  \
                   __LINE__, what, #cond);                                     \
      std::abort();                                                            \
    }                                                                          \
  } while (false)

namespace digamma::fuzz {

/// True if the layer's dimensions and strides are positive and its filters
/// fit the input (what the cost model accepts).
inline bool isWellFormed(const cost::Layer &layer) {
  for (int64_t v : {layer.n, layer.k, layer.c, layer.y, layer.x, layer.r,
                    layer.s, layer.strideY, layer.strideX})
    if (v <= 0)
      return false;
  return layer.r <= layer.y && layer.s <= layer.x;
}

/// The layer's MACs, N * K * C * Y' * X' * R * S, or -1 if the layer is
/// malformed or that product overflows int64 (then no evaluation may be
/// valid).
inline int64_t trueMacs(const cost::Layer &layer) {
  if (!isWellFormed(layer))
    return -1;
  int64_t macs = layer.n;
  for (cost::Dim d : cost::kAllDims)
    if (__builtin_mul_overflow(macs, layer.mappedExtent(d), &macs))
      return -1;
  return macs;
}

/// The physical invariants of a valid report of the sound semantics
/// (README "Cost model"): exact MACs, no faster than the PEs allow, no
/// negative count, finite figures.
inline void checkSoundReport(const cost::Layer &layer, const cost::Hardware &hw,
                             const cost::CostReport &report) {
  if (!report.valid) {
    DIGAMMA_FUZZ_CHECK(report.reason != cost::InvalidReason::None,
                       "an invalid report names its reason");
    return;
  }
  DIGAMMA_FUZZ_CHECK(report.reason == cost::InvalidReason::None,
                     "a valid report has no invalid reason");
  int64_t macs = trueMacs(layer);
  DIGAMMA_FUZZ_CHECK(macs > 0, "a valid report's layer has a MAC count that "
                               "fits in int64");
  DIGAMMA_FUZZ_CHECK(report.macs == macs, "MACs equal the layer's MACs");
  // cycles >= ceil(MACs / (PEs * SIMD lanes)), in 128 bits.
  __int128 lanes = static_cast<__int128>(hw.numPEs) * hw.simdLanes;
  __int128 minCycles = (static_cast<__int128>(macs) + lanes - 1) / lanes;
  DIGAMMA_FUZZ_CHECK(report.cycles > 0, "cycles are positive");
  DIGAMMA_FUZZ_CHECK(static_cast<__int128>(report.cycles) >= minCycles,
                     "cycles >= ceil(MACs / (PEs * SIMD lanes))");
  DIGAMMA_FUZZ_CHECK(report.l1Elements > 0 && report.l2Elements > 0,
                     "buffer requirements are positive");
  const cost::AccessCounts &a = report.accesses;
  for (int64_t count :
       {a.inputL1Read, a.inputL1Write, a.inputL2Read, a.inputL2Write,
        a.filterL1Read, a.filterL1Write, a.filterL2Read, a.filterL2Write,
        a.outputL1Read, a.outputL1Write, a.outputL2Read, a.outputL2Write})
    DIGAMMA_FUZZ_CHECK(count >= 0, "access counts are non-negative");
  for (double figure :
       {report.energyNJ, report.power, report.throughput, report.utilization,
        report.avgUsedPEs, report.nocBandwidthReq, report.offchipBandwidthReq,
        report.areaMaestroUm2, report.powerMaestro})
    DIGAMMA_FUZZ_CHECK(std::isfinite(figure) && figure >= 0,
                       "figures are finite and non-negative");
  DIGAMMA_FUZZ_CHECK(report.energyNJ > 0, "energy is positive");
  DIGAMMA_FUZZ_CHECK(report.utilization > 0 && report.utilization <= 1.0,
                     "utilization is in (0, 1]");
  // The off-chip model (README "Off-chip traffic and time").
  DIGAMMA_FUZZ_CHECK(report.hasReportFigures || cost::isOffchipUnbounded(hw),
                     "finite off-chip bandwidth has off-chip figures");
  if (report.hasReportFigures) {
    DIGAMMA_FUZZ_CHECK(
        static_cast<__int128>(report.computeCycles) >= minCycles &&
            report.computeCycles <= report.cycles,
        "the PEs' schedule is within [ceil(MACs / lanes), cycles]");
    const cost::OffchipTraffic &o = report.offchip;
    DIGAMMA_FUZZ_CHECK(o.inputReadBytes >= 0 && o.weightReadBytes >= 0 &&
                           o.outputReadBytes >= 0 &&
                           o.outputWriteBytes > o.outputReadBytes,
                       "off-chip traffic is non-negative; every output is "
                       "written once more than read back");
    DIGAMMA_FUZZ_CHECK(report.offchipCycles <= report.cycles,
                       "cycles >= off-chip bytes / off-chip bandwidth");
  }
}

/// True if the two reports agree in every field (bitwise for doubles).
inline bool sameReport(const cost::CostReport &a, const cost::CostReport &b) {
  const cost::AccessCounts &x = a.accesses, &y = b.accesses;
  auto same = [](double p, double q) {
    return p == q || (std::isnan(p) && std::isnan(q));
  };
  return a.valid == b.valid && a.reason == b.reason && a.cycles == b.cycles &&
         a.macs == b.macs && a.l1Elements == b.l1Elements &&
         a.l2Elements == b.l2Elements && x.inputL1Read == y.inputL1Read &&
         x.inputL1Write == y.inputL1Write && x.inputL2Read == y.inputL2Read &&
         x.inputL2Write == y.inputL2Write && x.filterL1Read == y.filterL1Read &&
         x.filterL1Write == y.filterL1Write &&
         x.filterL2Read == y.filterL2Read &&
         x.filterL2Write == y.filterL2Write &&
         x.outputL1Read == y.outputL1Read &&
         x.outputL1Write == y.outputL1Write &&
         x.outputL2Read == y.outputL2Read &&
         x.outputL2Write == y.outputL2Write && same(a.energyNJ, b.energyNJ) &&
         same(a.power, b.power) && same(a.throughput, b.throughput) &&
         same(a.utilization, b.utilization) &&
         same(a.avgUsedPEs, b.avgUsedPEs) &&
         same(a.nocBandwidthReq, b.nocBandwidthReq) &&
         same(a.offchipBandwidthReq, b.offchipBandwidthReq) &&
         same(a.areaMaestroUm2, b.areaMaestroUm2) &&
         same(a.powerMaestro, b.powerMaestro);
}

} // namespace digamma::fuzz

#endif // DIGAMMA_FUZZ_FUZZCHECK_H
