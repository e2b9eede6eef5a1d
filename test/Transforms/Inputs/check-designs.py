#!/usr/bin/env python3
"""Checks the designs digamma-co-optimize attached to an IR file.

Usage: check-designs.py FILE --budget-um2 B [--expect-ops N] [--shared-chip]

For every op annotated with digamma.hw and digamma.cost: the area is within
the budget and equals the cost's area, the PE count is positive, the cycle
count is at least MACs / PEs (the compute bound) and every count is positive.
With --shared-chip: every op carries the same digamma.hw, each op's buffer
requirement fits the chip's buffers, and the chip's buffers are the largest
requirement (sized once for all ops).
Prints 'checked N designs' or the first violation (exit 1).
"""
import argparse
import re
import sys

HW = re.compile(r"digamma\.hw = #digamma\.hw<num_pes = (\d+), cluster_sizes = \[([\d, ]+)\]"
                r", l1_bytes = (\d+), l2_bytes = (\d+).*?area_um2 = ([-\d.e+]+)")
COST = re.compile(r"digamma\.cost = #digamma\.cost<cycles = (-?\d+), macs = (-?\d+), "
                  r"energy_nj = ([-\d.e+]+), area_um2 = ([-\d.e+]+), l1_bytes = (-?\d+), "
                  r"l2_bytes = (-?\d+), utilization = ([-\d.e+]+)>")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--budget-um2", type=float, required=True)
    parser.add_argument("--expect-ops", type=int)
    parser.add_argument("--shared-chip", action="store_true")
    args = parser.parse_args()
    count = 0
    chips = set()
    largest = [0, 0]
    with open(args.file) as f:
        for number, line in enumerate(f, 1):
            if "digamma.cost" not in line:
                continue
            hw, cost = HW.search(line), COST.search(line)
            if not hw or not cost:
                sys.exit(f"line {number}: digamma.cost without a digamma.hw")
            pes = int(hw.group(1))
            area = float(hw.group(5))
            cycles, macs = int(cost.group(1)), int(cost.group(2))
            util = float(cost.group(7))
            if pes <= 0:
                sys.exit(f"line {number}: {pes} PEs")
            if area > args.budget_um2:
                sys.exit(f"line {number}: area {area} exceeds the budget {args.budget_um2}")
            if abs(area - float(cost.group(4))) > 1e-6 * max(area, 1.0):
                sys.exit(f"line {number}: hw area {area} != cost area {cost.group(4)}")
            if macs <= 0 or cycles <= 0:
                sys.exit(f"line {number}: non-positive cycles {cycles} or MACs {macs}")
            if cycles * pes < macs:
                sys.exit(f"line {number}: {cycles} cycles on {pes} PEs cannot do {macs} MACs")
            need = (int(cost.group(5)), int(cost.group(6)))
            have = (int(hw.group(3)), int(hw.group(4)))
            if args.shared_chip:
                chips.add(hw.group(0))
                if need[0] > have[0] or need[1] > have[1]:
                    sys.exit(f"line {number}: requirement {need} exceeds the chip's buffers {have}")
                largest = [max(largest[0], need[0]), max(largest[1], need[1])]
            elif need != have:
                sys.exit(f"line {number}: hw buffers differ from the cost's requirement")
            if not 0 < util <= 1:
                sys.exit(f"line {number}: utilization {util} outside (0, 1]")
            count += 1
    if args.shared_chip:
        if len(chips) != 1:
            sys.exit(f"expected one shared chip, found {len(chips)}")
        have = HW.search(next(iter(chips)))
        if [int(have.group(3)), int(have.group(4))] != largest:
            sys.exit(f"chip buffers are not the largest requirement {largest}")
    if args.expect_ops is not None and count != args.expect_ops:
        sys.exit(f"expected {args.expect_ops} designs, found {count}")
    print(f"checked {count} designs")


if __name__ == "__main__":
    main()
