//===- BatchEvaluator.h - Scoring individuals in parallel -------*- C++ -*-===//
//
// Private to lib/Search: the worker pool with one cost::Evaluator per thread
// that DiGamma and random search score their generations with. Evaluation
// is a pure function of an individual, so which thread scores which one
// changes no result.
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_LIB_SEARCH_BATCHEVALUATOR_H
#define DIGAMMA_LIB_SEARCH_BATCHEVALUATOR_H

#include "digamma/Search/Encoding.h"

#include "WorkerPool.h"

#include <vector>

namespace digamma::search::detail {

class BatchEvaluator {
public:
  /// Threads start once per search and wait between batches, so a
  /// generation costs two hand-offs, not thread creations.
  BatchEvaluator(const SearchSpace &space, unsigned threads)
      : space(space), pool(threads),
        evaluators(pool.size(), cost::Evaluator(space.options.model)) {}

  /// Scores first[0, size) in place. Allocates nothing.
  void evaluate(Individual *first, size_t size) {
    // Small batches are not worth a hand-off.
    if (size < 2 * size_t(pool.size())) {
      for (size_t i = 0; i < size; ++i)
        space.evaluate(first[i], evaluators[0]);
      return;
    }
    auto body = [&](size_t i, unsigned thread) {
      space.evaluate(first[i], evaluators[thread]);
    };
    pool.forEach(size, body);
  }

private:
  const SearchSpace &space;
  WorkerPool pool;
  std::vector<cost::Evaluator> evaluators;
};

} // namespace digamma::search::detail

#endif // DIGAMMA_LIB_SEARCH_BATCHEVALUATOR_H
