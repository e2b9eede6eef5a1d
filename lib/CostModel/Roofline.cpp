//===- Roofline.cpp - A layer's roofline bound ----------------------------===//

#include "digamma/CostModel/Roofline.h"

#include "Saturating.h"

#include <algorithm>

using namespace digamma;
using namespace digamma::cost;

using detail::ceilDiv;
using detail::saturatingMul;

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
