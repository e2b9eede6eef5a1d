"""Searches and batch evaluations run without the GIL: another Python
thread makes progress while they run, and concurrent searches from several
threads give the designs they give one at a time."""
import threading
import time
import unittest

import digamma

LAYER = digamma.Layer(64, 64, 30, 30, 3, 3)


def longest_pause_during(call):
    """Runs call() on a thread while this thread counts; returns the
    longest gap between two counting steps while call() ran, the call's
    duration and the number of steps in it."""
    window = {}

    def run():
        window["start"] = time.perf_counter()
        call()
        window["end"] = time.perf_counter()

    worker = threading.Thread(target=run)
    stamps = []
    worker.start()
    while worker.is_alive():
        stamps.append(time.perf_counter())
    worker.join()
    inside = [t for t in stamps if window["start"] <= t <= window["end"]]
    edges = [window["start"]] + inside + [window["end"]]
    gap = max(b - a for a, b in zip(edges, edges[1:]))
    return gap, window["end"] - window["start"], len(inside)


class GilTest(unittest.TestCase):
    def assert_runs_without_gil(self, call):
        gap, duration, steps = longest_pause_during(call)
        # Holding the GIL would stop this thread for the whole call; without
        # it the longest pause is a scheduling hiccup, far below the call.
        self.assertGreater(duration, 0.05, "the call is too short to tell")
        self.assertGreater(steps, 100)
        self.assertLess(gap, duration / 2,
                        "this thread stood still for %.3f s of %.3f s"
                        % (gap, duration))

    def test_co_optimize(self):
        self.assert_runs_without_gil(
            lambda: digamma.co_optimize(LAYER, samples=60000, seed=1))

    def test_model_search(self):
        layers = [LAYER, digamma.Layer(128, 64, 16, 16, 3, 3),
                  digamma.gemm(m=64, n=256, k=128)]
        self.assert_runs_without_gil(
            lambda: digamma.model_search(layers, samples=15000, seed=1))

    def test_evaluate_many(self):
        design = digamma.co_optimize(LAYER, samples=300, seed=1)
        mappings = [design.mapping] * 60000
        self.assert_runs_without_gil(
            lambda: digamma.evaluate_many(LAYER, design.hardware, mappings,
                                          semantics="maestro"))


class ConcurrentSearchTest(unittest.TestCase):
    def test_threads_get_the_sequential_designs(self):
        seeds = [1, 2, 3, 4]
        expected = [digamma.co_optimize(LAYER, samples=1500, seed=s).to_dict()
                    for s in seeds]
        results = {}

        def search(seed):
            results[seed] = digamma.co_optimize(LAYER, samples=1500,
                                                seed=seed).to_dict()

        threads = [threading.Thread(target=search, args=(s,)) for s in seeds]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.assertEqual([results[s] for s in seeds], expected)


if __name__ == "__main__":
    unittest.main()
