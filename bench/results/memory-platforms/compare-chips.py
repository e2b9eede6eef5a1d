#!/usr/bin/env python3
"""The chips DiGamma chose per distinct layer (seed 1) on edge and on
edge-lpddr4 and cloud-hbm2: PE count, L1 per PE and L2 in bytes, and the
buffers' share of the area. Run from the repository root:

    python3 bench/results/memory-platforms/compare-chips.py
"""
import csv
import math
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def designs(path, platform):
    with open(path) as table:
        return {int(row["problem"]): row for row in csv.DictReader(table)
                if row["platform"] == platform and row["method"] == "digamma"
                and row["seed"] == "1"}


def median(values):
    values = sorted(values)
    return values[len(values) // 2]


def geomean(values):
    return math.exp(sum(math.log(max(v, 1)) for v in values) / len(values))


def main():
    runs = [("edge", designs(os.path.join(HERE, "edge-digamma", "layers.csv"),
                             "edge"))]
    for platform in ("edge-lpddr4", "cloud-hbm2"):
        runs.append((platform,
                     designs(os.path.join(HERE, "layers.csv"), platform)))
    print("| platform | layers | PEs (median, min-max) | L1 B/PE (median, "
          "geomean, max) | L2 B (median, geomean, max) | buffer share of "
          "area (median) |")
    print("|---|---|---|---|---|---|")
    for name, rows in runs:
        pes = [int(r["num_pes"]) for r in rows.values()]
        l1 = [int(r["l1_bytes"]) for r in rows.values()]
        l2 = [int(r["l2_bytes"]) for r in rows.values()]
        share = [(float(r["area_um2"]) - 282.0 * int(r["num_pes"])) /
                 float(r["area_um2"]) for r in rows.values()]
        print("| %s | %d | %d (%d-%d) | %d, %.1f, %d | %d, %.0f, %d | %.1f%% |"
              % (name, len(rows), median(pes), min(pes), max(pes),
                 median(l1), geomean(l1), max(l1), median(l2), geomean(l2),
                 max(l2), 100 * median(share)))
    edge, lpddr4 = runs[0][1], runs[1][1]
    common = sorted(set(edge) & set(lpddr4))
    pe_ratio = median([int(lpddr4[p]["num_pes"]) / int(edge[p]["num_pes"])
                       for p in common])
    l2_ratio = median([int(lpddr4[p]["l2_bytes"]) / int(edge[p]["l2_bytes"])
                       for p in common])
    fewer = sum(int(lpddr4[p]["num_pes"]) < int(edge[p]["num_pes"])
                for p in common)
    larger = sum(int(lpddr4[p]["l2_bytes"]) > int(edge[p]["l2_bytes"])
                 for p in common)
    print("\nedge -> edge-lpddr4, per layer: median PE ratio %.2f (fewer PEs "
          "on %d of %d layers), median L2 ratio %.2f (larger L2 on %d)"
          % (pe_ratio, fewer, len(common), l2_ratio, larger))


if __name__ == "__main__":
    main()
