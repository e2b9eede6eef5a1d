//===- Roofline.cpp - A layer's roofline bound ----------------------------===//

#include "digamma/CostModel/Roofline.h"

#include <algorithm>
#include <limits>

using namespace digamma;
using namespace digamma::cost;

namespace {

constexpr int64_t kSaturated = std::numeric_limits<int64_t>::max();

int64_t saturatingMul(int64_t a, int64_t b) {
  int64_t product;
  return __builtin_mul_overflow(a, b, &product) ? kSaturated : product;
}

int64_t saturatingAdd(int64_t a, int64_t b) {
  int64_t sum;
  return __builtin_add_overflow(a, b, &sum) ? kSaturated : sum;
}

/// Input lines (rows or columns) of \p extent that some output reads:
/// a * stride + b * dilation for outputs a < \p out and taps b < \p taps.
int64_t touchedLines(int64_t extent, int64_t out, int64_t taps,
                     int64_t stride, int64_t dilation) {
  // Windows that overlap or abut cover everything from the first line to
  // the last window's end.
  int64_t window = (taps - 1) * dilation + 1;
  if (stride <= window && dilation == 1)
    return std::min(extent, (out - 1) * stride + window);
  int64_t count = 0;
  for (int64_t line = 0; line < extent; ++line) {
    bool touched = false;
    for (int64_t b = 0; b < taps && !touched; ++b) {
      int64_t offset = line - b * dilation;
      touched = offset >= 0 && offset % stride == 0 && offset / stride < out;
    }
    count += touched;
  }
  return count;
}

int64_t ceilDiv(int64_t a, int64_t b) { return a / b + (a % b != 0); }

} // namespace

int64_t digamma::cost::layerMacs(const Layer &layer) {
  int64_t macs = layer.n;
  for (Dim d : kAllDims)
    macs = saturatingMul(macs, layer.mappedExtent(d));
  return macs;
}

int64_t digamma::cost::compulsoryOffchipBytes(const Layer &layer,
                                              int64_t uniformBytes) {
  const bool depthwise = layer.layerClass == LayerClass::DepthwiseConv;
  int64_t oy = layer.outY(), ox = layer.outX();
  int64_t inputs = saturatingMul(
      saturatingMul(layer.n, layer.c),
      saturatingMul(touchedLines(layer.y, oy, layer.r, layer.strideY,
                                 layer.dilationY),
                    touchedLines(layer.x, ox, layer.s, layer.strideX,
                                 layer.dilationX)));
  int64_t weights = saturatingMul(
      saturatingMul(layer.groups, depthwise ? 1 : layer.k),
      saturatingMul(layer.c, saturatingMul(layer.r, layer.s)));
  int64_t outputs = saturatingMul(
      saturatingMul(layer.n, depthwise ? layer.c : layer.k),
      saturatingMul(oy, ox));
  return saturatingAdd(
      saturatingAdd(
          saturatingMul(inputs,
                        layer.operandBytes(Operand::Input, uniformBytes)),
          saturatingMul(weights,
                        layer.operandBytes(Operand::Weight, uniformBytes))),
      saturatingMul(outputs,
                    layer.operandBytes(Operand::Output, uniformBytes)));
}

int64_t digamma::cost::rooflineCycles(const Layer &layer, int64_t maxPEs,
                                      int64_t offchipBytesPerCycle,
                                      int64_t uniformBytes) {
  int64_t compute = ceilDiv(layerMacs(layer), std::max<int64_t>(maxPEs, 1));
  if (offchipBytesPerCycle <= 0)
    return compute;
  int64_t memory = ceilDiv(compulsoryOffchipBytes(layer, uniformBytes),
                           offchipBytesPerCycle);
  return std::max(compute, memory);
}
