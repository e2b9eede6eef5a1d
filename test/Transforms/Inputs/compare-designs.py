#!/usr/bin/env python3
"""Checks relations between the designs digamma-co-optimize attached to IR files.

Usage: compare-designs.py NAME=FILE... RELATION...

Reads the designs of each FILE (ops carrying digamma.hw and digamma.cost, in
file order) and evaluates every RELATION, a Python expression, once per op
index with each NAME bound to that op's design in its FILE. A design has the
fields num_pes, cluster_sizes (a list), l1_bytes, l2_bytes, element_bytes,
tensor_bytes (a list, empty when absent), area_um2 (of digamma.hw), cycles,
macs, energy_nj, cost_l1_bytes, cost_l2_bytes, utilization (of digamma.cost)
and mapping (the digamma.mapping text). Every file must hold
the same number of designs, at least one.
Prints 'checked N ops' or the first relation that fails, with the designs
(exit 1).
"""
import re
import sys
from types import SimpleNamespace

HW = re.compile(r"digamma\.hw = #digamma\.hw<num_pes = (\d+), cluster_sizes = \[([\d, ]+)\], "
                r"l1_bytes = (\d+), l2_bytes = (\d+), noc_bandwidth = \d+, "
                r"offchip_bandwidth = \d+, area_um2 = ([-\d.e+]+)(?:, element_bytes = (\d+))?"
                r"(?:, tensor_bytes = \[([\d, ]+)\])?>")
COST = re.compile(r"digamma\.cost = #digamma\.cost<cycles = (-?\d+), macs = (-?\d+), "
                  r"energy_nj = ([-\d.e+]+), area_um2 = [-\d.e+]+, l1_bytes = (-?\d+), "
                  r"l2_bytes = (-?\d+), utilization = ([-\d.e+]+)>")
# A mapping ends where its last level does: "]>]>".
MAPPING = re.compile(r"digamma\.mapping = (#digamma\.mapping<levels = \[.*?\]>\]>)")


def read_designs(path):
    designs = []
    with open(path) as f:
        for number, line in enumerate(f, 1):
            if "digamma.cost" not in line:
                continue
            hw, cost, mapping = HW.search(line), COST.search(line), MAPPING.search(line)
            if not hw or not cost:
                sys.exit(f"{path}:{number}: digamma.cost without a digamma.hw")
            designs.append(SimpleNamespace(
                num_pes=int(hw.group(1)),
                cluster_sizes=[int(c) for c in hw.group(2).split(",")],
                l1_bytes=int(hw.group(3)), l2_bytes=int(hw.group(4)),
                area_um2=float(hw.group(5)),
                element_bytes=int(hw.group(6) or 1),
                tensor_bytes=[int(b) for b in hw.group(7).split(",")] if hw.group(7) else [],
                cycles=int(cost.group(1)), macs=int(cost.group(2)),
                energy_nj=float(cost.group(3)), cost_l1_bytes=int(cost.group(4)),
                cost_l2_bytes=int(cost.group(5)), utilization=float(cost.group(6)),
                mapping=mapping.group(1) if mapping else None,
                line=number))
    return designs


def main():
    files = [arg for arg in sys.argv[1:] if re.match(r"^[A-Za-z_]\w*=", arg)]
    relations = [arg for arg in sys.argv[1:] if arg not in files]
    if not files or not relations:
        sys.exit(__doc__)
    designs = {}
    for arg in files:
        name, path = arg.split("=", 1)
        designs[name] = (path, read_designs(path))
    counts = {len(found) for _, found in designs.values()}
    if len(counts) != 1 or 0 in counts:
        sys.exit("files hold different numbers of designs or none: " +
                 ", ".join(f"{path}: {len(found)}" for path, found in designs.values()))
    count = counts.pop()
    for index in range(count):
        scope = {name: found[index] for name, (_, found) in designs.items()}
        for relation in relations:
            if not eval(relation, {}, scope):
                details = "\n".join(f"  {name} ({designs[name][0]}:{design.line}): "
                                    f"{vars(design)}" for name, design in scope.items())
                sys.exit(f"op #{index}: {relation} does not hold\n{details}")
    print(f"checked {count} ops")


if __name__ == "__main__":
    main()
