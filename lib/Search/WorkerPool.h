//===- WorkerPool.h - Persistent threads for parallel loops -----*- C++ -*-===//
//
// A fixed set of threads that run the iterations of a loop and wait between
// loops, so a search pays for thread creation once, not per generation.
// Iterations are claimed dynamically; callers keep results independent of
// which thread ran what, so outputs never depend on the thread count.
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_LIB_SEARCH_WORKERPOOL_H
#define DIGAMMA_LIB_SEARCH_WORKERPOOL_H

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <thread>
#include <vector>

namespace digamma::search::detail {

class WorkerPool {
public:
  /// \p threads counts the calling thread: 1 runs everything inline.
  explicit WorkerPool(unsigned threads) {
    for (unsigned t = 1; t < threads; ++t)
      workers.emplace_back([this, t] { workerLoop(t); });
  }
  ~WorkerPool() {
    {
      std::lock_guard<std::mutex> lock(mutex);
      stop = true;
    }
    wake.notify_all();
    for (std::thread &worker : workers)
      worker.join();
  }
  WorkerPool(const WorkerPool &) = delete;
  WorkerPool &operator=(const WorkerPool &) = delete;

  unsigned size() const { return static_cast<unsigned>(workers.size()) + 1; }

  /// Calls fn(i, thread) for every i in [0, count); thread is in
  /// [0, size()). Returns when every call has returned. Allocates nothing.
  template <typename Fn> void forEach(size_t count, Fn &fn) {
    run(count, &fn, [](void *context, size_t i, unsigned thread) {
      (*static_cast<Fn *>(context))(i, thread);
    });
  }

private:
  using Body = void (*)(void *, size_t, unsigned);

  void run(size_t count, void *context, Body body) {
    if (workers.empty() || count < 2) {
      for (size_t i = 0; i < count; ++i)
        body(context, i, 0);
      return;
    }
    {
      std::lock_guard<std::mutex> lock(mutex);
      jobContext = context;
      jobBody = body;
      jobCount = count;
      next.store(0, std::memory_order_relaxed);
      pending = static_cast<unsigned>(workers.size());
      ++epoch;
    }
    wake.notify_all();
    work(0);
    std::unique_lock<std::mutex> lock(mutex);
    done.wait(lock, [this] { return pending == 0; });
  }

  void work(unsigned thread) {
    for (size_t i; (i = next.fetch_add(1, std::memory_order_relaxed)) <
                   jobCount;)
      jobBody(jobContext, i, thread);
  }

  void workerLoop(unsigned thread) {
    uint64_t seen = 0;
    for (;;) {
      {
        std::unique_lock<std::mutex> lock(mutex);
        wake.wait(lock, [&] { return stop || epoch != seen; });
        if (stop)
          return;
        seen = epoch;
      }
      work(thread);
      bool last;
      {
        std::lock_guard<std::mutex> lock(mutex);
        last = --pending == 0;
      }
      if (last)
        done.notify_one();
    }
  }

  std::vector<std::thread> workers;
  std::mutex mutex;
  std::condition_variable wake, done;
  uint64_t epoch = 0;
  unsigned pending = 0;
  bool stop = false;
  void *jobContext = nullptr;
  Body jobBody = nullptr;
  size_t jobCount = 0;
  std::atomic<size_t> next{0};
};

} // namespace digamma::search::detail

#endif // DIGAMMA_LIB_SEARCH_WORKERPOOL_H
