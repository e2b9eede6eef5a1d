#!/usr/bin/env python3
"""Checks the fronts of a --digamma-co-optimize report (objective=pareto):
every front is non-dominated in its objectives and sorted; every op's design
(the IR's, as the report gives it) is its front's pick; with --pick FIGURE
the pick is the front's best in that figure; with --max-designs N no front
has more than N designs."""
import argparse
import json
import sys

FIELD = {"latency": "cycles", "energy": "energy_nj", "area": "area_um2"}


def check_front(name, front, pick, most=None):
    if most is not None and len(front["designs"]) > most:
        sys.exit(f"{name}: {len(front['designs'])} designs, more than {most}")
    names = [FIELD[o] for o in front["objectives"]]
    points = [tuple(d[n] for n in names) for d in front["designs"]]
    if not points:
        sys.exit(f"{name}: an empty front")
    if points != sorted(points):
        sys.exit(f"{name}: designs are not sorted by their figures")
    for i, a in enumerate(points):
        for j, b in enumerate(points):
            if i != j and all(x <= y for x, y in zip(a, b)):
                sys.exit(f"{name}: design {i} is as good as design {j}")
    picked = front["picked"]
    if pick:
        column = front["objectives"].index(pick)
        best = min(p[column] for p in points)
        if points[picked][column] != best:
            sys.exit(f"{name}: the pick is not the best {pick}")
    return front["designs"][picked]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("report")
    parser.add_argument("--pick")
    parser.add_argument("--max-designs", type=int)
    args = parser.parse_args()
    report = json.load(open(args.report))
    pick = args.pick
    designs = 0
    fronts = {f["problem_id"]: f for f in report["fronts"]}
    for problem, front in fronts.items():
        designs += len(front["designs"])
        check_front(f"problem {problem}", front, pick, args.max_designs)
    for op in report["ops"]:
        if not fronts:
            break
        kept = fronts[op["problem_id"]]
        chosen = kept["designs"][kept["picked"]]
        if (chosen["cycles"] != op["cost"]["cycles"] or
                chosen["num_pes"] != op["hw"]["num_pes"] or
                chosen["area_um2"] != op["hw"]["area_um2"]):
            sys.exit(f"op at {op['loc']} is not its front's pick")
    chips = 0
    for chip in report["chips"]:
        if "front" not in chip:
            continue
        chosen = check_front("chip", chip["front"], pick, args.max_designs)
        designs += len(chip["front"]["designs"])
        if chosen["num_pes"] != chip["num_pes"] or len(
                chosen["mappings"]) != len(report["ops"]) - report["totals"][
                    "searches_saved"]:
            sys.exit("the chip is not its front's pick")
        chips += 1
    print(f"ok: {len(fronts)} op fronts, {chips} chip fronts, {designs} "
          f"designs")


if __name__ == "__main__":
    main()
