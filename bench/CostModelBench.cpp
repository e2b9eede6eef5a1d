//===- CostModelBench.cpp - Evaluations per second of the cost model ------===//
//
// Random two-level (and three-level) mappings of ResNet-50's layers,
// generated up front so that only evaluate() is timed. Reports evaluations
// per second and heap allocations per evaluation.
//
//===----------------------------------------------------------------------===//

#include "digamma/CostModel/CostModel.h"
#include "digamma/CostModel/GammaTable.h"

#include "benchmark/benchmark.h"

#include <atomic>
#include <cstdlib>
#include <new>
#include <random>

using namespace digamma::cost;

static std::atomic<long> allocations{0};
void *operator new(std::size_t size) {
  ++allocations;
  if (void *p = std::malloc(size ? size : 1))
    return p;
  throw std::bad_alloc();
}
void operator delete(void *p) noexcept { std::free(p); }
void operator delete(void *p, std::size_t) noexcept { std::free(p); }

namespace {

struct Design {
  Layer layer;
  Hardware hw;
  Mapping mapping;
};

std::vector<Design> makeDesigns(int levels) {
  std::vector<Layer> layers =
      readGammaTable(std::string(DIGAMMA_MODELS_DIR) + "/resnet50.csv")
          .layers;
  std::mt19937_64 rng(1);
  auto uniform = [&](int64_t lo, int64_t hi) {
    return lo + static_cast<int64_t>(rng() % uint64_t(hi - lo + 1));
  };
  std::vector<Design> designs;
  for (int i = 0; i < 4096; ++i) {
    Design design{layers[i % layers.size()], {}, {}};
    design.hw.numPEs = uniform(1, 1024);
    Mapping &m = design.mapping;
    m.numLevels = levels;
    int64_t budget = design.hw.numPEs;
    for (int l = 0; l < levels; ++l) {
      MappingLevel &level = m.level(l);
      level.parallelDim = Dim(uniform(0, kNumDims - 1));
      for (int j = kNumDims - 1; j > 0; --j)
        std::swap(level.order[j], level.order[uniform(0, j)]);
      for (int d = 0; d < kNumDims; ++d)
        level.tiles[d] = uniform(1, l == 0
                                        ? design.layer.mappedExtent(Dim(d))
                                        : m.level(l - 1).tiles[d]);
      if (l > 0) {
        level.clusterSize = uniform(1, budget);
        budget /= level.clusterSize;
      }
    }
    designs.push_back(design);
  }
  return designs;
}

/// Bandwidths of a benchmark case, in elements (one byte each) per cycle;
/// 2^30 is GAMMA's "unbounded".
struct Bandwidths {
  int64_t noc = int64_t(1) << 30;
  int64_t offchip = int64_t(1) << 30;
};

void evaluateResNet50(benchmark::State &state, Semantics semantics,
                      Bandwidths bandwidths = {}, bool reportFigures = false,
                      int levels = 2) {
  std::vector<Design> designs = makeDesigns(levels);
  for (Design &design : designs) {
    design.hw.nocBandwidth = bandwidths.noc;
    design.hw.offchipBandwidth = bandwidths.offchip;
  }
  ModelOptions options;
  options.reportFigures = reportFigures;
  Evaluator evaluator(options);
  size_t i = 0;
  long before = allocations.load();
  for (auto _ : state) {
    const Design &d = designs[i++ & 4095];
    benchmark::DoNotOptimize(
        evaluator.evaluate(d.layer, d.hw, d.mapping, semantics).cycles);
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["allocs_per_eval"] =
      double(allocations.load() - before) / double(state.iterations());
}

} // namespace

BENCHMARK_CAPTURE(evaluateResNet50, sound, Semantics::Sound);
BENCHMARK_CAPTURE(evaluateResNet50, maestro, Semantics::Maestro);
// The off-chip figures at unbounded bandwidth, which only reports need.
BENCHMARK_CAPTURE(evaluateResNet50, sound_offchip_figures, Semantics::Sound,
                  Bandwidths{}, true);
// An edge DRAM interface of 16 B/cycle (about one x16 LPDDR5X channel,
// 17.1 GB/s, at an assumed 1 GHz; memory-anchors.md section 4), with an
// unbounded and with a 64 B/cycle NoC (ZigZag's edge_tpu_like 512-bit SRAM
// port, section 3).
BENCHMARK_CAPTURE(evaluateResNet50, sound_offchip16, Semantics::Sound,
                  Bandwidths{int64_t(1) << 30, 16});
BENCHMARK_CAPTURE(evaluateResNet50, sound_offchip16_noc64, Semantics::Sound,
                  Bandwidths{64, 16});
BENCHMARK_CAPTURE(evaluateResNet50, maestro_offchip16_noc64,
                  Semantics::Maestro, Bandwidths{64, 16});
// Three levels, which no closed form of the runtime takes: the top level's
// figures in closed form, its runtime and the middle level's from groups of
// cases.
BENCHMARK_CAPTURE(evaluateResNet50, sound_3levels, Semantics::Sound,
                  Bandwidths{}, false, 3);
BENCHMARK_CAPTURE(evaluateResNet50, sound_3levels_offchip16_noc64,
                  Semantics::Sound, Bandwidths{64, 16}, false, 3);

BENCHMARK_MAIN();
