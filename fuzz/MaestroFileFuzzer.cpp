//===- MaestroFileFuzzer.cpp - Fuzz the MAESTRO mapping-file reader -------===//
//
// Feeds the input to cost::parseMaestroFile, the reader behind
// `digamma-cost`, and evaluates what it accepts the way digamma-cost does.
// Checks: no undefined behaviour; an error names a line; an accepted file
// has layers with positive dimensions and well-formed mappings; writing an
// accepted layer back with cost::writeMaestroFile and reading it again
// gives the same layer and mapping; valid sound reports keep the cost
// model's invariants. With a leading '!' the rest is parsed as a bare
// Dataflow block (cost::parseMaestroDataflow) for a fixed layer.
//
//===----------------------------------------------------------------------===//

#include "FuzzCheck.h"

#include "digamma/CostModel/CostModel.h"
#include "digamma/CostModel/MaestroFile.h"

#include <cstdint>
#include <string>
#include <string_view>

using namespace digamma;
using namespace digamma::cost;

static bool sameLayer(const Layer &a, const Layer &b) {
  return a.layerClass == b.layerClass && a.n == b.n && a.k == b.k &&
         a.c == b.c && a.y == b.y && a.x == b.x && a.r == b.r && a.s == b.s &&
         a.strideY == b.strideY && a.strideX == b.strideX;
}

static bool sameMapping(const Mapping &a, const Mapping &b) {
  if (a.numLevels != b.numLevels)
    return false;
  for (int l = 0; l < a.numLevels; ++l) {
    const MappingLevel &x = a.level(l), &y = b.level(l);
    if (x.parallelDim != y.parallelDim || x.order != y.order ||
        x.tiles != y.tiles || (l > 0 && x.clusterSize != y.clusterSize))
      return false;
  }
  return true;
}

static void checkMapping(const Layer &layer, const Mapping &mapping) {
  DIGAMMA_FUZZ_CHECK(mapping.numLevels >= 1 && mapping.numLevels <= kMaxLevels,
                     "1 to 4 mapping levels");
  for (int l = 0; l < mapping.numLevels; ++l) {
    const MappingLevel &level = mapping.level(l);
    int seen = 0;
    for (Dim d : level.order) {
      DIGAMMA_FUZZ_CHECK(static_cast<int>(d) < kNumDims, "a known dimension");
      seen |= 1 << static_cast<int>(d);
    }
    DIGAMMA_FUZZ_CHECK(seen == (1 << kNumDims) - 1,
                       "the loop order is a permutation");
    DIGAMMA_FUZZ_CHECK(static_cast<int>(level.parallelDim) < kNumDims,
                       "a known parallel dimension");
    for (int64_t tile : level.tiles)
      DIGAMMA_FUZZ_CHECK(tile > 0, "tiles are positive");
    DIGAMMA_FUZZ_CHECK(level.clusterSize > 0, "cluster sizes are positive");
  }
  if (layer.layerClass == LayerClass::DepthwiseConv)
    DIGAMMA_FUZZ_CHECK(layer.k == 1, "depthwise layers have K = 1");
}

static bool isLineError(const std::string &error) {
  return error.rfind("line ", 0) == 0 && error.size() > 5 &&
         error[5] >= '0' && error[5] <= '9';
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  std::string_view text(reinterpret_cast<const char *>(data), size);
  static Evaluator evaluator;
  Hardware hw;
  hw.numPEs = 64;

  if (!text.empty() && text.front() == '!') {
    Layer layer;
    layer.k = 16;
    layer.c = 8;
    layer.y = layer.x = 10;
    layer.r = layer.s = 3;
    Mapping mapping;
    std::string error =
        parseMaestroDataflow(text.substr(1), layer, mapping, /*firstLine=*/3);
    if (!error.empty()) {
      DIGAMMA_FUZZ_CHECK(isLineError(error), "errors name a line");
      return 0;
    }
    checkMapping(layer, mapping);
    fuzz::checkSoundReport(layer, hw, evaluator.evaluate(layer, hw, mapping));
    Mapping again;
    DIGAMMA_FUZZ_CHECK(
        parseMaestroDataflow(writeMaestroDataflow(layer, mapping), layer,
                             again)
            .empty(),
        "a written dataflow reads back");
    DIGAMMA_FUZZ_CHECK(sameMapping(mapping, again),
                       "a dataflow round-trips through the writer");
    return 0;
  }

  MaestroFile file = parseMaestroFile(text);
  if (!file.error.empty()) {
    DIGAMMA_FUZZ_CHECK(isLineError(file.error), "errors name a line");
    DIGAMMA_FUZZ_CHECK(file.layers.empty(), "a failed read returns no layer");
    return 0;
  }
  DIGAMMA_FUZZ_CHECK(!file.layers.empty(), "an accepted file has a layer");
  for (const MaestroLayer &entry : file.layers) {
    const Layer &layer = entry.layer;
    for (Dim d : kAllDims)
      DIGAMMA_FUZZ_CHECK(layer.dim(d) > 0, "dimensions are positive");
    DIGAMMA_FUZZ_CHECK(layer.r <= layer.y && layer.s <= layer.x,
                       "filters fit the input");
    checkMapping(layer, entry.mapping);

    // What digamma-cost does with it.
    for (Semantics semantics : {Semantics::Maestro, Semantics::Sound}) {
      const CostReport &report =
          evaluator.evaluate(layer, hw, entry.mapping, semantics);
      if (semantics == Semantics::Sound)
        fuzz::checkSoundReport(layer, hw, report);
      else if (!report.valid)
        DIGAMMA_FUZZ_CHECK(report.reason != InvalidReason::None,
                           "an invalid report names its reason");
    }

    MaestroFile again = parseMaestroFile(
        writeMaestroFile(layer, entry.mapping, file.network, entry.name));
    DIGAMMA_FUZZ_CHECK(again.error.empty(), "a written file reads back");
    DIGAMMA_FUZZ_CHECK(again.layers.size() == 1 && again.network == file.network &&
                           again.layers[0].name == entry.name,
                       "names round-trip through the writer");
    DIGAMMA_FUZZ_CHECK(sameLayer(again.layers[0].layer, layer),
                       "the layer round-trips through the writer");
    DIGAMMA_FUZZ_CHECK(sameMapping(again.layers[0].mapping, entry.mapping),
                       "the mapping round-trips through the writer");
  }
  return 0;
}
