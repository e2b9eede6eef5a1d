//===- CountingAllocator.h - Heap allocations of a test program -*- C++ -*-===//
//
// Replaces the global operator new and delete to count heap allocations, so
// a test can prove that a hot path allocates nothing. The replacements are
// definitions: include this header in exactly one source file of a test
// program.
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_UNITTESTS_COUNTINGALLOCATOR_H
#define DIGAMMA_UNITTESTS_COUNTINGALLOCATOR_H

#include <atomic>
#include <cstdlib>
#include <new>

namespace digamma::testing {
/// Heap allocations of this program so far.
inline std::atomic<long> allocations{0};
} // namespace digamma::testing

void *operator new(std::size_t size) {
  ++digamma::testing::allocations;
  if (void *p = std::malloc(size ? size : 1))
    return p;
  throw std::bad_alloc();
}
// The nothrow forms too (std::stable_sort's buffer uses them): whatever
// this program frees with std::free must come from std::malloc.
void *operator new(std::size_t size, const std::nothrow_t &) noexcept {
  ++digamma::testing::allocations;
  return std::malloc(size ? size : 1);
}
void operator delete(void *p) noexcept { std::free(p); }
void operator delete(void *p, std::size_t) noexcept { std::free(p); }
void operator delete(void *p, const std::nothrow_t &) noexcept {
  std::free(p);
}

#endif // DIGAMMA_UNITTESTS_COUNTINGALLOCATOR_H
