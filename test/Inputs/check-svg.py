#!/usr/bin/env python3
"""Checks the SVG figures of digamma-bench and of the pass's report-plot.

  check-svg.py count FILE...
      Parses each file as XML (a malformed file is an error) and prints, per
      <g class="panel">, its title and its number of marks (elements of
      class "mark": one per data point), for FileCheck.
  check-svg.py fronts SVG FRONTS_CSV PLATFORM SEED
      digamma-bench's fronts-<platform>.svg: every panel "M, layer I" has
      one mark per design of layer I's fronts in fronts.csv (all per-layer
      methods of PLATFORM and SEED), every panel "M, one chip" one per
      design of model M's chip fronts.
  check-svg.py report DIR REPORT_JSON
      The pass's report-plot: breakdown.svg and roofline.svg have one mark
      per op in each panel (and the roofline a compute roof), and fronts.svg (if the report has fronts) one mark per design
      of the front its panel is about.
Prints "ok: ..." on success; exits 1 with a message otherwise.
"""
import csv
import json
import re
import sys
import xml.etree.ElementTree as ET

NS = "{http://www.w3.org/2000/svg}"


def panels(path):
    """(title, marks) of every panel of the figure at path."""
    root = ET.parse(path).getroot()
    if root.tag != NS + "svg":
        sys.exit(f"{path}: the root element is {root.tag}, not svg")
    result = []
    for group in root.iter(NS + "g"):
        if group.get("class") != "panel":
            continue
        title = next(group.iter(NS + "text")).text or ""
        marks = sum(1 for e in group.iter() if e.get("class") == "mark")
        result.append((title, marks))
    return result


def fail(message):
    print(message)
    sys.exit(1)


def main(argv):
    if len(argv) >= 2 and argv[0] == "count":
        for path in argv[1:]:
            for title, marks in panels(path):
                print(f"{title}: {marks} marks")
        return
    if len(argv) == 5 and argv[0] == "fronts":
        svg, fronts_csv, platform, seed = argv[1:]
        per_layer, per_chip = {}, {}
        with open(fronts_csv) as f:
            for row in csv.DictReader(f):
                if row["platform"] != platform or row["seed"] != seed:
                    continue
                table = per_chip if row["scope"] == "model" else per_layer
                key = row["problem_or_model"]
                table[key] = table.get(key, 0) + 1
        checked = 0
        for title, marks in panels(svg):
            m = re.fullmatch(r"(.*), (layer (\d+)|one chip)", title)
            if not m:
                fail(f"{svg}: panel '{title}' is about no front")
            expected = (per_layer.get(m.group(3), 0) if m.group(3) is not None
                        else per_chip.get(m.group(1), 0))
            if marks != expected:
                fail(f"{svg}: panel '{title}' has {marks} marks for "
                     f"{expected} designs")
            checked += 1
        print(f"ok: {checked} panels, one mark per design")
        return
    if len(argv) == 3 and argv[0] == "report":
        directory, report_json = argv[1:]
        report = json.load(open(report_json))
        ops = len(report["ops"])
        # The breakdown's cycles panel also marks each op's cycle bound.
        bounds = sum(1 for op in report["ops"]
                     if op.get("bound", {}).get("cycles", 0) > 0)
        for name in ("breakdown.svg", "roofline.svg"):
            for title, marks in panels(f"{directory}/{name}"):
                expected = ops
                if name == "breakdown.svg" and title.endswith("cycles per op"):
                    expected = ops + bounds
                if marks != expected:
                    fail(f"{name}: panel '{title}' has {marks} marks for "
                         f"{expected} (ops and their bounds)")
        # The roofs are lines, not marks; the compute roof is always drawn.
        if "compute roof" not in open(f"{directory}/roofline.svg").read():
            fail("roofline.svg: no compute roof")
        fronts = {f"problem {f['problem_id']}": len(f["designs"])
                  for f in report["fronts"]}
        for chip in report["chips"]:
            if "front" in chip:
                fronts[f"chip of {chip['anchor']}"] = len(
                    chip["front"]["designs"])
        checked = 0
        if fronts:
            for title, marks in panels(f"{directory}/fronts.svg"):
                if title not in fronts or fronts[title] != marks:
                    fail(f"fronts.svg: panel '{title}' has {marks} marks for "
                         f"{fronts.get(title)} designs")
                checked += 1
        print(f"ok: {ops} ops; {checked} front panels, one mark per design")
        return
    sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
