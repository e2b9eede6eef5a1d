#!/usr/bin/env python3
"""Checks a --digamma-export-maestro export against the IR it came from.

Usage: check-maestro-roundtrip.py DIGAMMA_COST IR_FILE EXPORT_DIR [--expect-ops N]

For every op of IR_FILE that carries digamma.cost (in program order, per
function), reads the op's entry in EXPORT_DIR/<function>.json, runs
DIGAMMA_COST with the entry's flags on its MAESTRO mapping file, and checks
that the flags give the op's digamma.hw (PE count, L1 and L2 in elements),
that digamma-cost's cycles and MACs equal the op's digamma.cost and that its
L1/L2 requirements (elements) times the op's element size equal the
digamma.cost buffer bytes. Also checks that the summary's cost, the CSV
summary and the JSON summary agree with the IR.
Prints 'round trip: N ops agree' or the first disagreement (exit 1).
"""
import csv
import json
import os
import re
import subprocess
import sys

FUNC = re.compile(r"func\.func (?:private )?@([\w$.]+)\(")
COST = re.compile(r"digamma\.cost = #digamma\.cost<cycles = (\d+), macs = (\d+), "
                  r"energy_nj = [-\d.e+]+, area_um2 = [-\d.e+]+, l1_bytes = (\d+), "
                  r"l2_bytes = (\d+),")
HW_BYTES = re.compile(r"digamma\.hw = #digamma\.hw<[^>]*?element_bytes = (\d+)>")
HW = re.compile(r"digamma\.hw = #digamma\.hw<num_pes = (\d+), cluster_sizes = \[[\d, ]+\], "
                r"l1_bytes = (\d+), l2_bytes = (\d+),")
INT64_MAX = 2**63 - 1


def main():
    args = sys.argv[1:]
    expect = None
    if "--expect-ops" in args:
        at = args.index("--expect-ops")
        expect = int(args[at + 1])
        del args[at:at + 2]
    tool, ir_file, export_dir = args

    # (function, cycles, macs, l1 bytes, l2 bytes, element bytes, the
    # digamma.hw's (PEs, L1 bytes, L2 bytes)) per op.
    ops = []
    function = "module"
    with open(ir_file) as f:
        for line in f:
            m = FUNC.search(line)
            if m:
                function = m.group(1)
            cost = COST.search(line)
            if not cost:
                continue
            hw_bytes, hw = HW_BYTES.search(line), HW.search(line)
            if not hw:
                sys.exit(f"{ir_file}: digamma.cost without a digamma.hw")
            ops.append((function, *map(int, cost.groups()),
                        int(hw_bytes.group(1)) if hw_bytes else 1,
                        tuple(map(int, hw.groups()))))

    summaries = {}
    rows = {}
    count = 0
    for function, cycles, macs, l1, l2, bytes_, (pes, hw_l1, hw_l2) in ops:
        if function not in summaries:
            with open(os.path.join(export_dir, function + ".json")) as f:
                summaries[function] = json.load(f)
            with open(os.path.join(export_dir, function + ".csv")) as f:
                rows[function] = list(csv.DictReader(f))
        summary = summaries[function]
        index = sum(1 for op in ops[:count] if op[0] == function)
        entry = summary["ops"][index]
        where = f"{function} op #{index} ({entry['mapping_file']})"
        if entry["cost"]["cycles"] != cycles or entry["cost"]["l1_bytes"] != l1 \
                or entry["cost"]["l2_bytes"] != l2 or entry["cost"]["macs"] != macs:
            sys.exit(f"{where}: the JSON summary's cost differs from the IR")
        row = rows[function][index]
        if int(row["cycles"]) != cycles or int(row["l1_bytes"]) != l1 or \
                int(row["l2_bytes"]) != l2 or row["mapping_file"] != entry["mapping_file"]:
            sys.exit(f"{where}: the CSV summary differs from the IR")
        if entry["element_bytes"] != bytes_:
            sys.exit(f"{where}: element bytes {entry['element_bytes']} != the IR's {bytes_}")
        # The flags are the chip's: its PEs and its buffers in elements (-1
        # for an unbounded buffer).
        flags = dict(flag.split("=", 1) for flag in entry["digamma_cost_flags"])
        elements = [str(b // bytes_) if b != INT64_MAX else "-1" for b in (hw_l1, hw_l2)]
        if [flags.get("--num_pes"), flags.get("--l1_size_cstr"),
                flags.get("--l2_size_cstr")] != [str(pes)] + elements:
            sys.exit(f"{where}: the flags {entry['digamma_cost_flags']} are not the "
                     f"digamma.hw's {pes} PEs and L1/L2 {elements[0]}/{elements[1]} elements")
        command = [tool] + entry["digamma_cost_flags"] + \
            [os.path.join(export_dir, entry["mapping_file"])]
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit(f"{where}: digamma-cost failed: {result.stderr.strip()}")
        lines = result.stdout.strip().splitlines()
        if len(lines) != 2:
            sys.exit(f"{where}: expected one CSV line, got {len(lines) - 1}")
        fields = [field.strip() for field in lines[1].split(",")]
        got_cycles, got_l2, got_l1, got_macs = (int(fields[i]) for i in (3, 10, 11, 12))
        if (got_cycles, got_macs) != (cycles, macs):
            sys.exit(f"{where}: digamma-cost gives {got_cycles} cycles and {got_macs} MACs, "
                     f"the IR {cycles} and {macs}")
        if (got_l1 * bytes_, got_l2 * bytes_) != (l1, l2):
            sys.exit(f"{where}: digamma-cost gives L1/L2 {got_l1}/{got_l2} elements "
                     f"x {bytes_} B, the IR {l1}/{l2} B")
        count += 1
    if expect is not None and count != expect:
        sys.exit(f"expected {expect} ops, found {count}")
    if count == 0:
        sys.exit("no op with a digamma.cost")
    print(f"round trip: {count} ops agree")


if __name__ == "__main__":
    main()
