//===- CostModelFuzzer.cpp - Fuzz cost::Evaluator::evaluate ---------------===//
//
// Decodes a layer, a hardware configuration and a mapping from the input
// (mostly plausible values, sometimes huge, zero or negative ones), then
// evaluates them under both semantics. Checks:
//  * no undefined behaviour (the build runs ASan and UBSan);
//  * a valid sound report has exact MACs, cycles >= ceil(MACs / (PEs * SIMD
//    lanes)) and no negative count (FuzzCheck.h);
//  * a layer whose MAC count overflows int64 is never valid;
//  * results do not depend on what the evaluator computed before (two
//    evaluators fed in different orders agree, and the closed forms agree
//    with case enumeration on small layers);
//  * on regular mappings (cost::isRegularMapping) sound and maestro give
//    the same cycles, MACs, buffers and access counts, as README.md states.
//
//===----------------------------------------------------------------------===//

#include "FuzzCheck.h"

#include "digamma/CostModel/CostModel.h"

#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <cstdint>
#include <utility>

using namespace digamma;
using namespace digamma::cost;

namespace {

/// A positive extent, usually small; sometimes large (to reach overflow) or
/// any int64 at all (to reach the malformed-input checks).
int64_t consumeExtent(FuzzedDataProvider &fdp, int64_t typical) {
  uint8_t mode = fdp.ConsumeIntegral<uint8_t>();
  if (mode < 200)
    return fdp.ConsumeIntegralInRange<int64_t>(1, typical);
  if (mode < 240)
    return fdp.ConsumeIntegralInRange<int64_t>(1, int64_t(1) << 20);
  if (mode < 252)
    return fdp.ConsumeIntegralInRange<int64_t>(1, int64_t(1) << 40);
  return fdp.ConsumeIntegral<int64_t>();
}

/// A value in [1, parent], or anything with a small probability.
int64_t consumeTile(FuzzedDataProvider &fdp, int64_t parent) {
  uint8_t mode = fdp.ConsumeIntegral<uint8_t>();
  if (mode >= 250 || parent < 1)
    return fdp.ConsumeIntegral<int64_t>();
  if (mode < 64)
    return parent;
  if (mode < 96)
    return 1;
  return fdp.ConsumeIntegralInRange<int64_t>(1, parent);
}

Layer consumeLayer(FuzzedDataProvider &fdp) {
  Layer layer;
  layer.layerClass = static_cast<LayerClass>(fdp.ConsumeIntegralInRange(0, 2));
  bool batched = fdp.ConsumeIntegral<uint8_t>() >= 224;
  layer.n = batched ? consumeExtent(fdp, 8) : 1;
  layer.k = layer.layerClass == LayerClass::DepthwiseConv
                ? 1
                : consumeExtent(fdp, 512);
  layer.c = consumeExtent(fdp, 512);
  bool strided = fdp.ConsumeIntegral<uint8_t>() >= 208;
  layer.strideY = strided ? consumeExtent(fdp, 4) : 1;
  layer.strideX = strided ? consumeExtent(fdp, 4) : 1;
  if (layer.layerClass == LayerClass::Gemm &&
      fdp.ConsumeIntegral<uint8_t>() < 200) {
    layer.y = consumeExtent(fdp, 512);
    return layer;
  }
  layer.r = consumeExtent(fdp, 7);
  layer.s = consumeExtent(fdp, 7);
  if (fdp.ConsumeIntegral<uint8_t>() >= 248) {
    // Raw input extents: filters larger than the input, overflow, ...
    layer.y = consumeExtent(fdp, 224);
    layer.x = consumeExtent(fdp, 224);
    return layer;
  }
  // Input extents from output extents: Y = (Y' - 1) * stride + R + slack.
  auto input = [&](int64_t out, int64_t stride, int64_t filter) {
    int64_t slack = stride > 1 ? fdp.ConsumeIntegralInRange<int64_t>(
                                     0, std::min<int64_t>(stride - 1, 64))
                               : 0;
    int64_t y;
    if (__builtin_sub_overflow(out, 1, &y) ||
        __builtin_mul_overflow(y, stride, &y) ||
        __builtin_add_overflow(y, filter, &y) ||
        __builtin_add_overflow(y, slack, &y))
      return out;
    return y;
  };
  layer.y = input(consumeExtent(fdp, 224), layer.strideY, layer.r);
  layer.x = input(consumeExtent(fdp, 224), layer.strideX, layer.s);
  return layer;
}

Hardware consumeHardware(FuzzedDataProvider &fdp) {
  Hardware hw;
  hw.numPEs = consumeExtent(fdp, 1024);
  uint8_t flags = fdp.ConsumeIntegral<uint8_t>();
  if (flags & 1)
    hw.nocBandwidth = consumeExtent(fdp, 256);
  if (flags & 2)
    hw.offchipBandwidth = consumeExtent(fdp, 4096);
  if (flags & 4) {
    hw.nocHops = consumeExtent(fdp, 8);
    hw.nocHopLatency = consumeExtent(fdp, 8);
  }
  if (flags & 8)
    hw.simdLanes = consumeExtent(fdp, 8);
  if (flags & 16)
    hw.bytesPerElement = consumeExtent(fdp, 4);
  if (flags & 32) {
    hw.l1Elements = consumeExtent(fdp, 4096);
    hw.l2Elements = consumeExtent(fdp, 1 << 22);
  }
  return hw;
}

Mapping consumeMapping(FuzzedDataProvider &fdp, const Layer &layer,
                       const Hardware &hw) {
  Mapping mapping;
  uint8_t levelsByte = fdp.ConsumeIntegral<uint8_t>();
  mapping.numLevels = levelsByte < 252 ? 1 + levelsByte % kMaxLevels
                                       : static_cast<int8_t>(levelsByte);
  int levels = std::clamp(mapping.numLevels, 0, kMaxLevels);
  std::array<int64_t, kNumDims> parent;
  for (int d = 0; d < kNumDims; ++d)
    parent[d] = fuzz::isWellFormed(layer)
                    ? layer.mappedExtent(static_cast<Dim>(d))
                    : 64;
  int64_t peBudget = hw.numPEs;
  for (int l = 0; l < levels; ++l) {
    MappingLevel &level = mapping.level(l);
    uint8_t parallel = fdp.ConsumeIntegral<uint8_t>();
    // Raw bytes now and then: out-of-range dims are malformed mappings.
    level.parallelDim =
        static_cast<Dim>(parallel < 248 ? parallel % kNumDims : parallel);
    if (fdp.ConsumeIntegral<uint8_t>() < 248) {
      for (int i = kNumDims - 1; i > 0; --i)
        std::swap(level.order[i],
                  level.order[fdp.ConsumeIntegralInRange(0, i)]);
    } else {
      for (Dim &d : level.order)
        d = static_cast<Dim>(fdp.ConsumeIntegral<uint8_t>());
    }
    for (int d = 0; d < kNumDims; ++d) {
      level.tiles[d] = consumeTile(fdp, parent[d]);
      parent[d] = level.tiles[d];
    }
    if (l > 0) {
      level.clusterSize = consumeTile(fdp, std::max<int64_t>(peBudget, 1));
      if (level.clusterSize > 0)
        peBudget /= level.clusterSize;
    }
  }
  return mapping;
}

/// Cycles, MACs, buffers and access counts agree (README: sound equals
/// maestro on regular mappings in every figure but energy, power and the
/// bandwidth requirements).
bool sameCountFigures(const CostReport &a, const CostReport &b) {
  CostReport x = a, y = b;
  for (CostReport *r : {&x, &y})
    r->energyNJ = r->power = r->powerMaestro = r->nocBandwidthReq =
        r->offchipBandwidthReq = r->throughput = r->utilization =
            r->avgUsedPEs = r->areaMaestroUm2 = 0;
  return fuzz::sameReport(x, y);
}

/// Prints the decoded design point (DIGAMMA_FUZZ_VERBOSE=1), to read a
/// finding: `DIGAMMA_FUZZ_VERBOSE=1 digamma-cost-model-fuzzer <input>`.
void printDesign(const Layer &layer, const Hardware &hw,
                 const Mapping &mapping) {
  std::fprintf(stderr,
               "layer %s n=%lld k=%lld c=%lld y=%lld x=%lld r=%lld s=%lld "
               "stride=%lldx%lld\n",
               std::string(layerClassName(layer.layerClass)).c_str(),
               (long long)layer.n, (long long)layer.k, (long long)layer.c,
               (long long)layer.y, (long long)layer.x, (long long)layer.r,
               (long long)layer.s, (long long)layer.strideY,
               (long long)layer.strideX);
  std::fprintf(stderr,
               "hw pes=%lld l1=%lld l2=%lld noc=%lld offchip=%lld hops=%lld "
               "latency=%lld simd=%lld bytes=%lld\n",
               (long long)hw.numPEs, (long long)hw.l1Elements,
               (long long)hw.l2Elements, (long long)hw.nocBandwidth,
               (long long)hw.offchipBandwidth, (long long)hw.nocHops,
               (long long)hw.nocHopLatency, (long long)hw.simdLanes,
               (long long)hw.bytesPerElement);
  std::fprintf(stderr, "mapping levels=%d\n", mapping.numLevels);
  for (int l = 0; l < std::clamp(mapping.numLevels, 0, kMaxLevels); ++l) {
    const MappingLevel &level = mapping.level(l);
    std::fprintf(stderr, "  level %d parallel=%d cluster=%lld order=", l,
                 int(level.parallelDim), (long long)level.clusterSize);
    for (Dim d : level.order)
      std::fprintf(stderr, "%d", int(d));
    std::fprintf(stderr, " tiles=");
    for (int64_t t : level.tiles)
      std::fprintf(stderr, "%lld ", (long long)t);
    std::fprintf(stderr, "\n");
  }
}

void printReport(const char *name, const CostReport &r) {
  const AccessCounts &a = r.accesses;
  std::fprintf(stderr,
               "%s: valid=%d reason=%d cycles=%lld macs=%lld l1=%lld l2=%lld "
               "in=%lld/%lld/%lld/%lld wt=%lld/%lld/%lld/%lld "
               "out=%lld/%lld/%lld/%lld\n",
               name, r.valid, int(r.reason), (long long)r.cycles,
               (long long)r.macs, (long long)r.l1Elements,
               (long long)r.l2Elements, (long long)a.inputL1Read,
               (long long)a.inputL1Write, (long long)a.inputL2Read,
               (long long)a.inputL2Write, (long long)a.filterL1Read,
               (long long)a.filterL1Write, (long long)a.filterL2Read,
               (long long)a.filterL2Write, (long long)a.outputL1Read,
               (long long)a.outputL1Write, (long long)a.outputL2Read,
               (long long)a.outputL2Write);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  FuzzedDataProvider fdp(data, size);
  Layer layer = consumeLayer(fdp);
  Hardware hw = consumeHardware(fdp);
  Mapping mapping = consumeMapping(fdp, layer, hw);

  // Long-lived evaluators, so that state left by earlier inputs is
  // exercised; `forward` and `backward` see the semantics in opposite
  // orders.
  static const bool verbose = std::getenv("DIGAMMA_FUZZ_VERBOSE") != nullptr;
  if (verbose)
    printDesign(layer, hw, mapping);
  static Evaluator forward, backward;
  CostReport sound = forward.evaluate(layer, hw, mapping, Semantics::Sound);
  CostReport maestro =
      forward.evaluate(layer, hw, mapping, Semantics::Maestro);
  if (verbose) {
    printReport("sound", sound);
    printReport("maestro", maestro);
  }
  DIGAMMA_FUZZ_CHECK(
      fuzz::sameReport(maestro, backward.evaluate(layer, hw, mapping,
                                                  Semantics::Maestro)),
      "maestro results do not depend on earlier evaluations");
  DIGAMMA_FUZZ_CHECK(
      fuzz::sameReport(sound, backward.evaluate(layer, hw, mapping,
                                                Semantics::Sound)),
      "sound results do not depend on earlier evaluations");

  fuzz::checkSoundReport(layer, hw, sound);
  if (!maestro.valid)
    DIGAMMA_FUZZ_CHECK(maestro.reason != InvalidReason::None,
                       "an invalid report names its reason");

  Constraints constraints;
  constraints.areaBudgetUm2 = fdp.ConsumeFloatingPoint<double>();
  constraints.peLimit = consumeExtent(fdp, 4096);
  for (const CostReport *report : {&sound, &maestro})
    if (report->valid)
      (void)checkConstraints(*report, hw, constraints);
  (void)digammaAreaUm2(hw.numPEs, sound.l1Elements, sound.l2Elements,
                       hw.bytesPerElement);

  bool regular = isRegularMapping(layer, hw, mapping);
  bool plainHardware = hw.nocBandwidth == int64_t(1) << 30 &&
                       hw.offchipBandwidth == int64_t(1) << 30 &&
                       hw.nocHops == 1 && hw.nocHopLatency == 1 &&
                       hw.simdLanes == 1;
  // MAESTRO keeps 32-bit totals; compare only where they cannot wrap.
  if (regular && plainHardware && maestro.valid && sound.valid &&
      sound.cycles < INT32_MAX && sound.macs < INT32_MAX &&
      sound.l1Elements < INT32_MAX && sound.l2Elements < INT32_MAX)
    DIGAMMA_FUZZ_CHECK(sameCountFigures(sound, maestro),
                       "sound equals maestro on a regular mapping");

  // Case enumeration is slow: only on small layers.
  int64_t macs = fuzz::trueMacs(layer);
  if (macs > 0 && macs <= (int64_t(1) << 24)) {
    static Evaluator enumerating = [] {
      ModelOptions options;
      options.enumerateCases = true;
      return Evaluator(options);
    }();
    for (Semantics semantics : {Semantics::Sound, Semantics::Maestro}) {
      const CostReport &fast = semantics == Semantics::Sound ? sound : maestro;
      const CostReport &slow =
          enumerating.evaluate(layer, hw, mapping, semantics);
      DIGAMMA_FUZZ_CHECK(slow.valid == fast.valid && slow.reason == fast.reason,
                         "closed forms and enumeration agree on validity");
      if (fast.valid)
        DIGAMMA_FUZZ_CHECK(sameCountFigures(fast, slow),
                           "closed forms and enumeration agree");
    }
  }
  return 0;
}
