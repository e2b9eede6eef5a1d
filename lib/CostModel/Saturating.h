//===- Saturating.h - int64 arithmetic that saturates -----------*- C++ -*-===//
//
// The cost model's figures that are only reported (bounds, byte forms,
// traffic) saturate at INT64_MAX instead of overflowing, so that an
// extreme layer gives a huge figure and never undefined behaviour. Private
// to lib/CostModel.
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_LIB_COSTMODEL_SATURATING_H
#define DIGAMMA_LIB_COSTMODEL_SATURATING_H

#include <cstdint>
#include <limits>

namespace digamma::cost::detail {

inline int64_t saturatingMul(int64_t a, int64_t b) {
  int64_t product;
  return __builtin_mul_overflow(a, b, &product)
             ? std::numeric_limits<int64_t>::max()
             : product;
}

inline int64_t saturatingAdd(int64_t a, int64_t b) {
  int64_t sum;
  return __builtin_add_overflow(a, b, &sum)
             ? std::numeric_limits<int64_t>::max()
             : sum;
}

/// ceil(a / b) for a >= 0, b > 0, without a + b - 1 (which can overflow).
inline int64_t ceilDiv(int64_t a, int64_t b) { return a / b + (a % b != 0); }

} // namespace digamma::cost::detail

#endif // DIGAMMA_LIB_COSTMODEL_SATURATING_H
