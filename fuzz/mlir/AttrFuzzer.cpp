//===- AttrFuzzer.cpp - Fuzz the #digamma.* attribute parsers -------------===//
//
// Parses the input with mlir::parseAttribute, the digamma dialect loaded.
// Checks: no undefined behaviour; a rejected attribute comes with an error;
// an accepted one prints to text that parses back to the same attribute;
// the cost-model bridge (CostModelBridge.h) accepts what the verifiers
// accept, round-trips mappings, and what it produces evaluates within the
// cost model's invariants. A top-level array or dictionary is searched for
// one #digamma.loop_nest, #digamma.mapping and #digamma.hw, evaluated
// together (and the mapping checked against the loop nest).
//
//===----------------------------------------------------------------------===//

#include "FuzzCheck.h"

#include "digamma/CostModel/CostModel.h"
#include "digamma/Dialect/Digamma/IR/DigammaAttrs.h"
#include "digamma/Dialect/Digamma/IR/DigammaDialect.h"
#include "digamma/Transforms/CostModelBridge.h"

#include "mlir/AsmParser/AsmParser.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <string>

using namespace mlir;
using namespace digamma;

/// A small conv layer to evaluate mappings and hardware on when the input
/// has no loop nest.
static cost::Layer defaultLayer() {
  cost::Layer layer;
  layer.k = 16;
  layer.c = 8;
  layer.y = layer.x = 10;
  layer.r = layer.s = 3;
  return layer;
}

/// The mapping with one level that keeps every dimension whole.
static cost::Mapping wholeLayerMapping(const cost::Layer &layer) {
  cost::Mapping mapping;
  mapping.numLevels = 1;
  for (cost::Dim d : cost::kAllDims)
    mapping.level(0).tile(d) = layer.mappedExtent(d);
  return mapping;
}

static void checkBridge(MLIRContext *context, LoopNestAttr loopNest,
                        MappingAttr mappingAttr, HwAttr hwAttr) {
  cost::Layer layer = defaultLayer();
  if (loopNest) {
    FailureOr<cost::Layer> converted = toCostLayer(loopNest);
    if (failed(converted))
      return; // Extents that overflow int64 products.
    layer = *converted;
    for (cost::Dim d : cost::kAllDims)
      DIGAMMA_FUZZ_CHECK(layer.dim(d) > 0, "bridged layers are positive");
  }
  cost::Mapping mapping = wholeLayerMapping(layer);
  if (mappingAttr) {
    FailureOr<cost::Mapping> converted = toCostMapping(mappingAttr);
    DIGAMMA_FUZZ_CHECK(succeeded(converted),
                       "the bridge accepts every verified mapping");
    mapping = *converted;
    DIGAMMA_FUZZ_CHECK(toMappingAttr(context, mapping) == mappingAttr,
                       "mappings round-trip through the bridge");
    if (loopNest)
      (void)verifyMappingAgainstLoopNest(
          [&]() { return emitError(UnknownLoc::get(context)); }, mappingAttr,
          loopNest);
  }
  cost::Hardware hw;
  if (hwAttr) {
    hw = toCostHardware(hwAttr);
    DIGAMMA_FUZZ_CHECK(hw.numPEs > 0 && hw.nocBandwidth > 0 &&
                           hw.offchipBandwidth > 0 && hw.bytesPerElement > 0 &&
                           hw.l1Elements >= 0 && hw.l2Elements >= 0,
                       "bridged hardware is well-formed");
  }
  static cost::Evaluator evaluator;
  for (cost::Semantics semantics :
       {cost::Semantics::Sound, cost::Semantics::Maestro}) {
    const cost::CostReport &report =
        evaluator.evaluate(layer, hw, mapping, semantics);
    if (semantics == cost::Semantics::Sound)
      fuzz::checkSoundReport(layer, hw, report);
  }
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  std::string text(reinterpret_cast<const char *>(data), size);
  // One context for all inputs: attributes are uniqued in it, and loading
  // the dialect per input would dominate the run time. Recreated now and
  // then so that memory stays bounded.
  static std::unique_ptr<MLIRContext> context;
  static int uses = 0;
  if (!context || ++uses % 20000 == 0) {
    context = std::make_unique<MLIRContext>(MLIRContext::Threading::DISABLED);
    context->loadDialect<DigammaDialect>();
  }
  bool diagnosed = false;
  ScopedDiagnosticHandler handler(context.get(), [&](Diagnostic &diag) {
    diagnosed |= diag.getSeverity() == DiagnosticSeverity::Error;
    return success();
  });

  Attribute attr = parseAttribute(text, context.get());
  if (!attr) {
    DIGAMMA_FUZZ_CHECK(diagnosed, "a rejected attribute has an error");
    return 0;
  }

  std::string printed;
  llvm::raw_string_ostream os(printed);
  attr.print(os);
  diagnosed = false;
  Attribute reparsed = parseAttribute(printed, context.get());
  if (reparsed != attr) {
    std::fprintf(stderr, "printed as: %s\n", printed.c_str());
    DIGAMMA_FUZZ_CHECK(reparsed == attr,
                       "an attribute prints to text that parses back to it");
  }

  LoopNestAttr loopNest;
  MappingAttr mapping;
  HwAttr hw;
  auto collect = [&](Attribute a) {
    if (auto l = dyn_cast<LoopNestAttr>(a))
      loopNest = loopNest ? loopNest : l;
    else if (auto m = dyn_cast<MappingAttr>(a))
      mapping = mapping ? mapping : m;
    else if (auto h = dyn_cast<HwAttr>(a))
      hw = hw ? hw : h;
    else if (auto level = dyn_cast<LevelAttr>(a))
      mapping = mapping ? mapping
                        : MappingAttr::get(context.get(),
                                           ArrayAttr::get(context.get(), {a}));
  };
  collect(attr);
  if (auto array = dyn_cast<ArrayAttr>(attr))
    for (Attribute element : array)
      collect(element);
  if (auto dict = dyn_cast<DictionaryAttr>(attr))
    for (NamedAttribute named : dict)
      collect(named.getValue());
  if (loopNest || mapping || hw)
    checkBridge(context.get(), loopNest, mapping, hw);
  return 0;
}
