//===- Hardware.cpp - A design's PE array and buffer sizes ----------------===//
//
// What the pass, the C++ API and the tools report about a design's
// hardware: the PE array shape its mapping spreads over and buffer sizes in
// bytes.
//
//===----------------------------------------------------------------------===//

#include "digamma/Search/Search.h"

#include <algorithm>
#include <limits>

using namespace digamma;
using namespace digamma::search;

std::vector<int64_t>
digamma::search::peArrayShape(const cost::Hardware &hw,
                              const cost::Mapping &mapping) {
  int64_t inner = 1;
  for (int i = 1; i < mapping.numLevels; ++i)
    inner *= std::max<int64_t>(mapping.level(i).clusterSize, 1);
  std::vector<int64_t> shape = {std::max<int64_t>(hw.numPEs / inner, 1)};
  for (int i = 1; i < mapping.numLevels; ++i)
    shape.push_back(mapping.level(i).clusterSize);
  return shape;
}

int64_t digamma::search::bufferBytes(int64_t elements,
                                     int64_t bytesPerElement) {
  int64_t bytes;
  if (__builtin_mul_overflow(elements, bytesPerElement, &bytes))
    return std::numeric_limits<int64_t>::max();
  return bytes;
}

int64_t digamma::search::bufferElements(int64_t bytes,
                                        int64_t bytesPerElement) {
  return std::max<int64_t>(bytes / std::max<int64_t>(bytesPerElement, 1), 1);
}
