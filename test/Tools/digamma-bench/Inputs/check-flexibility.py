#!/usr/bin/env python3
"""Checks digamma-bench's flexibility.csv: every ratio is the row's figure
over the free design's figure for the same platform, model and seed, and the
free rows' ratios are 1.

Usage: check-flexibility.py FILE. Prints 'checked N rows' or the first
mismatch (exit 1).
"""
import csv
import sys


def main():
    with open(sys.argv[1]) as f:
        rows = list(csv.DictReader(f))
    free = {(r["platform"], r["model"], r["seed"]): r for r in rows
            if r["map_space"] == "free"}
    for row in rows:
        if row["found"] != "1":
            continue
        base = free[(row["platform"], row["model"], row["seed"])]
        for figure, ratio in (("total_cycles", "cycles_over_free"),
                              ("total_energy_nj", "energy_over_free")):
            expected = float(row[figure]) / float(base[figure])
            if abs(float(row[ratio]) - expected) > 1e-5 * expected:
                print("%s %s: %s is %s, expected %g" % (
                    row["model"], row["map_space"], ratio, row[ratio],
                    expected))
                return 1
    print("checked %d rows" % len(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
