#!/usr/bin/env python3
"""Sweep the area budget of one chip for a bundled model; write a CSV.

A notebook-style script (the `# %%` cells run one by one in Jupyter or VS
Code, or all at once from the shell): for each area budget, DiGamma searches
one chip (PE array and buffers) and a mapping per layer for the whole model
(digamma.model_search, as --digamma-co-optimize="scope=model"), and the CSV
gets the chip and the model's total latency and energy. Budgets no chip fits
get a row saying so.

    PYTHONPATH=build/python python3 examples/python/area_sweep.py \
        --model=resnet18 --budgets=0.05,0.1,0.2,0.5,1 --out=sweep.csv

--plot=FILE also draws latency against area (needs Debian's
python3-matplotlib); --check verifies the CSV (the project's test runs it).
"""

# %% Setup
import argparse
import csv
import os
import sys
import time

import digamma

HERE = os.path.dirname(os.path.abspath(__file__))
MODELS = os.path.join(HERE, "..", "..", "models", "csv")

parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
parser.add_argument("--model", default="resnet18",
                    help="a name in models/csv (resnet18, mobilenet_v2, ...) "
                         "or the path of a GAMMA layer table")
parser.add_argument("--budgets", default="0.05,0.1,0.2,0.5,1,2,7",
                    help="area budgets in mm^2, comma-separated")
parser.add_argument("--samples", type=int, default=digamma.defaults()["samples"],
                    help="samples per distinct layer")
parser.add_argument("--seed", type=int, default=1)
parser.add_argument("--objective", default="latency")
parser.add_argument("--out", default="area-sweep.csv")
parser.add_argument("--plot", help="also write this SVG (matplotlib)")
parser.add_argument("--check", action="store_true",
                    help="check the CSV after writing it")
args = parser.parse_args()

path = args.model if os.path.exists(args.model) else os.path.join(
    MODELS, args.model + ".csv")
layers = digamma.read_gamma_table(path)
budgets = [float(b) for b in args.budgets.split(",")]
print("%s: %d layers, %d distinct" % (args.model, len(layers),
                                      len(set(layers))))

# %% Sweep
rows = []
for budget in budgets:
    start = time.perf_counter()
    row = {"area_budget_mm2": budget}
    try:
        chip = digamma.model_search(layers, area_budget=budget,
                                    samples=args.samples, seed=args.seed,
                                    objective=args.objective)
    except digamma.NoDesignError as error:
        row["status"] = str(error)
    else:
        row.update(
            status="ok", num_pes=chip.hardware.num_pes,
            pe_array_shape="x".join(str(n) for n in chip.pe_array_shape),
            l1_bytes=chip.l1_bytes, l2_bytes=chip.l2_bytes,
            area_um2=round(chip.area_um2, 3),
            pe_area_share=round(chip.pe_area_um2 / chip.area_um2, 4),
            total_cycles=int(chip.total_cycles),
            total_energy_nj=round(chip.total_energy_nj, 3),
            macs=sum(cost.macs for cost in chip.costs))
    row["seconds"] = round(time.perf_counter() - start, 3)
    rows.append(row)
    print("%6.3f mm^2: %s" % (budget, row.get("total_cycles", row["status"])))

# %% Write the CSV
columns = ["area_budget_mm2", "status", "num_pes", "pe_array_shape",
           "l1_bytes", "l2_bytes", "area_um2", "pe_area_share",
           "total_cycles", "total_energy_nj", "macs", "seconds"]
with open(args.out, "w", newline="") as out:
    writer = csv.DictWriter(out, fieldnames=columns)
    writer.writeheader()
    writer.writerows(rows)
print("wrote", args.out)

# %% Plot (optional)
if args.plot:
    try:
        import matplotlib
        matplotlib.use("svg")
        import matplotlib.pyplot as plt
    except ImportError:
        sys.exit("--plot needs matplotlib (apt-get install python3-matplotlib)")
    found = [r for r in rows if r["status"] == "ok"]
    plt.plot([r["area_um2"] / 1e6 for r in found],
             [r["total_cycles"] for r in found], marker="o")
    plt.xscale("log")
    plt.yscale("log")
    plt.xlabel("chip area (mm^2)")
    plt.ylabel("model latency (cycles)")
    plt.title("%s, one chip per budget" % args.model)
    plt.savefig(args.plot)
    print("wrote", args.plot)

# %% Check (the project's test)
if args.check:
    with open(args.out) as written:
        table = list(csv.DictReader(written))
    assert [float(r["area_budget_mm2"]) for r in table] == budgets, table
    model_macs = None
    for r in table:
        if r["status"] != "ok":
            assert "smallest feasible area" in r["status"], r
            continue
        # Within the budget, and never faster than the PEs allow.
        assert float(r["area_um2"]) <= float(r["area_budget_mm2"]) * 1e6, r
        assert int(r["total_cycles"]) * int(r["num_pes"]) >= int(r["macs"]), r
        model_macs = model_macs or int(r["macs"])
        assert int(r["macs"]) == model_macs, r
    assert model_macs, "no budget found a chip"
    print("checked", args.out)
