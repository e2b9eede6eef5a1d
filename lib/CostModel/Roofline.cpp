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
int64_t ceilDiv(int64_t a, int64_t b) { return a / b + (a % b != 0); }

} // namespace

int64_t digamma::cost::layerMacs(const Layer &layer) {
  int64_t macs = layer.n;
  for (Dim d : kAllDims)
    macs = saturatingMul(macs, layer.mappedExtent(d));
  return macs;
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
