#!/usr/bin/env python3
"""Checks fronts.csv: within every front (platform, method, seed, scope,
problem or model) no design dominates another in latency, energy and area
(two fronts of the same run trade off the figures of the run; equal rows
would be duplicates), and exactly one design is the pick."""
import csv
import sys

fronts = {}
with open(sys.argv[1]) as f:
    for row in csv.DictReader(f):
        key = (row["platform"], row["method"], row["seed"], row["scope"],
               row["problem_or_model"])
        fronts.setdefault(key, []).append(row)

figures = sys.argv[2].split(",") if len(sys.argv) > 2 else [
    "cycles", "energy_nj", "area_um2"]
for key, rows in fronts.items():
    points = [tuple(float(r[name]) for name in figures) for r in rows]
    for i, a in enumerate(points):
        for j, b in enumerate(points):
            if i != j and all(x <= y for x, y in zip(a, b)):
                sys.exit(f"{key}: design {i} {a} is as good as design {j} {b}")
    picks = sum(int(r["picked"]) for r in rows)
    if picks != 1:
        sys.exit(f"{key}: {picks} picks")
print(f"ok: {len(fronts)} fronts, each non-dominated with one pick")
