//===- SearchBench.cpp - Wall time of one DiGamma search ------------------===//

#include "digamma/CostModel/GammaTable.h"
#include "digamma/Search/Search.h"

#include "benchmark/benchmark.h"

using namespace digamma;

static void searchResNet50Layer(benchmark::State &state) {
  cost::Layer layer =
      cost::readGammaTable(std::string(DIGAMMA_MODELS_DIR) + "/resnet50.csv")
          .layers[2]; // 64x64x56x56, 3x3
  search::SearchOptions options;
  options.samples = search::kDefaultSamples;
  options.threads = static_cast<unsigned>(state.range(0));
  for (auto _ : state)
    benchmark::DoNotOptimize(search::runDiGamma(layer, options).cost.cycles);
  state.SetItemsProcessed(state.iterations() * options.samples);
}
BENCHMARK(searchResNet50Layer)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

BENCHMARK_MAIN();
