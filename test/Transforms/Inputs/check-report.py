#!/usr/bin/env python3
"""Checks a digamma-co-optimize JSON report against the IR it annotated.

Usage: check-report.py REPORT IR

Per op, in program order: the report's PE count and array shape are the
digamma.hw of the op in the IR, and its cost the op's digamma.cost (cycles,
MACs); the array shape multiplies to at most the PE count; the hardware's
bandwidths are positive; the bandwidths the design needs and every access
count (L1/L2 reads and writes of input, filter and output) are non-negative
numbers, and every tensor is read from L2 at least once. The op's bound is
at most its cycles and at least the MACs over the bound's PEs and lanes (and
its parallelism term at least that), it is the largest of its terms and
limited_by names that term, its off-chip term is its compulsory bytes over
its bandwidth (0 if unbounded), its spread fits the bound's PEs, and
its gap is cycles / bound; the totals' bound is the sum over ops and their
gap the total cycles over it. Every shared chip carries its array shape
too. Prints 'checked N ops' or the first violation (exit 1).
"""
import json
import math
import re
import sys

HW = re.compile(r"digamma\.hw = #digamma\.hw<num_pes = (\d+), cluster_sizes = \[([\d, ]+)\]")
COST = re.compile(r"digamma\.cost = #digamma\.cost<cycles = (\d+), macs = (\d+),")


def fail(message):
    sys.exit(message)


def check_shape(where, num_pes, shape):
    if not shape or any(not isinstance(s, int) or s < 1 for s in shape):
        fail(f"{where}: bad array_shape {shape}")
    if math.prod(shape) > num_pes:
        fail(f"{where}: array_shape {shape} needs more than {num_pes} PEs")


def check_bound(where, op):
    bound, cycles, macs = op["bound"], op["cost"]["cycles"], op["cost"]["macs"]
    if not 0 < bound["cycles"] <= cycles:
        fail(f"{where}: bound {bound['cycles']} outside (0, {cycles} cycles]")
    per_cycle = bound["max_pes"] * bound["simd_lanes"]
    if bound["pe_cycles"] < macs / per_cycle:
        fail(f"{where}: pe_cycles {bound['pe_cycles']} below {macs} MACs / {per_cycle}")
    terms = {"pes": bound["pe_cycles"], "parallelism": bound["parallelism_cycles"],
             "offchip": bound["offchip_cycles"]}
    if bound["cycles"] != max(terms.values()) or \
            bound["parallelism_cycles"] < bound["pe_cycles"]:
        fail(f"{where}: bound terms {bound}")
    if terms.get(bound["limited_by"]) != bound["cycles"]:
        fail(f"{where}: limited_by {bound['limited_by']} is not the largest term")
    rate = bound["offchip_bytes_per_cycle"]
    if bound["offchip_cycles"] != (-(-bound["offchip_bytes"] // rate) if rate else 0):
        fail(f"{where}: offchip_cycles {bound['offchip_cycles']} is not "
             f"{bound['offchip_bytes']} bytes / {rate} per cycle")
    units = list(bound["spread"].values())
    if math.prod(units) > bound["max_pes"] or len(units) > bound["max_levels"]:
        fail(f"{where}: spread {bound['spread']} needs more than {bound['max_pes']} PEs "
             f"or {bound['max_levels']} levels")
    if not math.isclose(op["gap"], cycles / bound["cycles"], rel_tol=1e-9):
        fail(f"{where}: gap {op['gap']}, cycles / bound {cycles / bound['cycles']}")


def main():
    report = json.load(open(sys.argv[1]))
    designs = []
    for line in open(sys.argv[2]):
        hw, cost = HW.search(line), COST.search(line)
        if hw and cost:
            designs.append((int(hw.group(1)), [int(s) for s in hw.group(2).split(",")],
                            int(cost.group(1)), int(cost.group(2))))
    ops = report["ops"]
    if len(ops) != len(designs):
        fail(f"{len(ops)} ops in the report, {len(designs)} annotated in the IR")
    for index, (op, (pes, shape, cycles, macs)) in enumerate(zip(ops, designs)):
        where = f"op {index} ({op['loc']})"
        hw, cost = op["hw"], op["cost"]
        if hw["num_pes"] != pes or hw["array_shape"] != shape:
            fail(f"{where}: report {hw['num_pes']} PEs as {hw['array_shape']}, IR {pes} as {shape}")
        check_shape(where, pes, hw["array_shape"])
        if cost["cycles"] != cycles or cost["macs"] != macs:
            fail(f"{where}: report {cost['cycles']} cycles, {cost['macs']} MACs; IR {cycles}, {macs}")
        for key in ("noc_bw_elements_per_cycle", "offchip_bw_elements_per_cycle"):
            if not hw[key] > 0:
                fail(f"{where}: {key} = {hw[key]}")
        for key in ("noc_bw_required_elements_per_cycle",
                    "offchip_bw_required_elements_per_cycle"):
            if not cost[key] >= 0:
                fail(f"{where}: {key} = {cost[key]}")
        for tensor in ("input", "filter", "output"):
            counts = cost["accesses"][tensor]
            if sorted(counts) != ["l1_read", "l1_write", "l2_read", "l2_write"]:
                fail(f"{where}: {tensor} accesses {sorted(counts)}")
            if any(not isinstance(v, int) or v < 0 for v in counts.values()):
                fail(f"{where}: {tensor} accesses {counts}")
            if counts["l2_read"] < 1:
                fail(f"{where}: {tensor} is never read from L2")
        check_bound(where, op)
    totals = report["totals"]
    bound_sum = sum(op["bound"]["cycles"] for op in ops)
    if totals["bound_cycles"] != bound_sum:
        fail(f"totals: bound_cycles {totals['bound_cycles']}, ops sum to {bound_sum}")
    if not math.isclose(totals["gap"], totals["cycles"] / bound_sum, rel_tol=1e-9):
        fail(f"totals: gap {totals['gap']}, cycles / bound {totals['cycles'] / bound_sum}")
    for chip in report["chips"]:
        check_shape(f"chip on {chip['anchor']}", chip["num_pes"], chip["array_shape"])
    print(f"checked {len(ops)} ops")


if __name__ == "__main__":
    main()
