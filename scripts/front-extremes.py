#!/usr/bin/env python3
"""How close each front's extremes come to single-objective DiGamma.

  scripts/front-extremes.py FRONTS_CSV LATENCY_LAYERS_CSV ENERGY_LAYERS_CSV

FRONTS_CSV is a digamma-bench --objective=pareto run's fronts.csv; the two
layers.csv files are digamma-bench runs of single-objective DiGamma
(objective latency and energy) over the same models, platforms, seeds and
samples. For every (platform, seed, distinct layer) the front's best latency
and best energy are divided by the single-objective result; prints a
markdown table per figure: layers within 1 %, the worst and the median
ratio, and the worst layers. Layers are matched by their index and checked
by their shape.
"""
import csv
import statistics
import sys


def read_layers(path):
    rows = {}
    with open(path) as f:
        for row in csv.DictReader(f):
            if row["method"] != "digamma" or row["found"] != "1":
                continue
            key = (row["platform"], row["seed"], row["problem"])
            rows[key] = row
    return rows


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    fronts = {}
    with open(sys.argv[1]) as f:
        for row in csv.DictReader(f):
            if row["method"] != "digamma" or row["scope"] != "op":
                continue
            key = (row["platform"], row["seed"], row["problem_or_model"])
            best = fronts.setdefault(key, [float("inf"), float("inf")])
            best[0] = min(best[0], float(row["cycles"]))
            best[1] = min(best[1], float(row["energy_nj"]))
    latency = read_layers(sys.argv[2])
    energy = read_layers(sys.argv[3])
    print("# Fronts' extremes against single-objective DiGamma\n")
    print("Command: `scripts/front-extremes.py " + " ".join(sys.argv[1:]) +
          "`\n")
    print("Per (platform, seed, distinct layer): the best figure on "
          "DiGamma's front divided by single-objective DiGamma's at the same "
          "samples and seed (1 or less: the front holds the optimum).")
    shape = ["class", "N", "K", "C", "Y", "X", "R", "S"]
    for figure, single, column, index in (("latency", latency, "cycles", 0),
                                          ("energy", energy, "energy_nj", 1)):
        ratios = []
        for key, best in sorted(fronts.items()):
            if key not in single:
                continue
            row = single[key]
            other = energy.get(key) or latency.get(key)
            if other and [row[k] for k in shape] != [other[k] for k in shape]:
                sys.exit(f"layer {key} has two shapes: the runs differ")
            ratios.append((best[index] / float(row[column]), key, row))
        if not ratios:
            sys.exit(f"no layer in common for {figure}")
        within = sum(1 for r, _, _ in ratios if r <= 1.01)
        print(f"\n### Best {figure} on the front / single-objective DiGamma's "
              f"{figure}\n")
        print("| platform | layers x seeds | within 1 % | better | worst | "
              "median |")
        print("|---|---|---|---|---|---|")
        for platform in sorted({k[0] for _, k, _ in ratios}):
            mine = [r for r, k, _ in ratios if k[0] == platform]
            print(f"| {platform} | {len(mine)} | "
                  f"{sum(1 for r in mine if r <= 1.01)} | "
                  f"{sum(1 for r in mine if r < 1)} | {max(mine):.4f} | "
                  f"{statistics.median(mine):.4f} |")
        print(f"| all | {len(ratios)} | {within} | "
              f"{sum(1 for r, _, _ in ratios if r < 1)} | "
              f"{max(r for r, _, _ in ratios):.4f} | "
              f"{statistics.median([r for r, _, _ in ratios]):.4f} |")
        worst = [w for w in sorted(ratios, key=lambda x: -x[0])[:5]
                 if w[0] > 1.01]
        print("\nMore than 1 % behind (worst five): " + ("; ".join(
            f"{k[0]} seed {k[1]} layer {k[2]} ({r['class']} K={r['K']} "
            f"C={r['C']} Y={r['Y']} X={r['X']} R={r['R']} S={r['S']}) "
            f"{ratio:.4f}" for ratio, k, r in worst) or "none") + ".")


if __name__ == "__main__":
    main()
