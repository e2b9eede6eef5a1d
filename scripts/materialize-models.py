#!/usr/bin/env python3
"""Materializes every design --digamma-pipeline chooses for the bundled models.

Usage: scripts/materialize-models.py [--digamma-opt PATH] [--models DIR]
           [--samples N] [--platforms edge,cloud] [--forms tensors,buffers]
           [--work DIR]

For every model in DIR (default: models/), platform and form: the model (on
tensors, or bufferized first with --one-shot-bufferize) goes through
--digamma-pipeline; every described op must have a design; then
--digamma-materialize must succeed and leave no digamma.mapping, and
--test-digamma-materialized-loop-order must find every op's loops in the
order its mapping says. Prints one line per run and a summary; exits 1 on
the first failure. The default budget is the pipeline's (40,000 samples per
distinct layer); the lit test runs it with a reduced one.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(command, what):
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"FAILED: {what}\n  {' '.join(command)}\n{result.stderr}")
    return result


def count(pattern, path):
    with open(path) as f:
        return len(re.findall(pattern, f.read()))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--digamma-opt", default="digamma-opt")
    parser.add_argument("--models", default=os.path.join(ROOT, "models"))
    parser.add_argument("--samples", type=int, default=40000)
    parser.add_argument("--platforms", default="edge,cloud")
    parser.add_argument("--forms", default="tensors,buffers")
    parser.add_argument("--work", help="keep the intermediate files here")
    args = parser.parse_args()
    opt = args.digamma_opt
    work = args.work or tempfile.mkdtemp(prefix="digamma-materialize-")
    os.makedirs(work, exist_ok=True)
    if not os.path.isdir(args.models):
        sys.exit(f"no directory {args.models}")
    models = sorted(f for f in os.listdir(args.models) if f.endswith(".mlir"))
    if not models:
        sys.exit(f"no .mlir model in {args.models}")
    start = time.time()
    runs = ops = partial_sums = 0
    for model in models:
        name = model[:-len(".mlir")]
        source = os.path.join(args.models, model)
        for form in args.forms.split(","):
            if form == "buffers":
                input_path = os.path.join(work, f"{name}.buffers.mlir")
                run([opt, source,
                     "--one-shot-bufferize=bufferize-function-boundaries",
                     "-o", input_path], f"bufferize {model}")
            elif form == "tensors":
                input_path = source
            else:
                sys.exit(f"unknown form '{form}'; expected tensors or buffers")
            for platform in args.platforms.split(","):
                tag = f"{name}.{form}.{platform}"
                designed = os.path.join(work, f"{tag}.designed.mlir")
                tiled = os.path.join(work, f"{tag}.tiled.mlir")
                run([opt, input_path,
                     f"--digamma-pipeline=platform={platform} samples={args.samples}",
                     "-o", designed], f"pipeline {tag}")
                described = count(r"digamma\.loop_nest = ", designed)
                designs = count(r"digamma\.mapping = ", designed)
                if described == 0 or designs != described:
                    sys.exit(f"FAILED: {tag}: {designs} designs for {described} described ops")
                run([opt, designed, "--digamma-materialize", "-o", tiled],
                    f"materialize {tag}")
                if count(r"digamma\.mapping = ", tiled):
                    sys.exit(f"FAILED: {tag}: a digamma.mapping is left after materializing")
                order = run([opt, designed, "--test-digamma-materialized-loop-order",
                             "-o", os.devnull], f"loop order {tag}")
                checked = order.stderr.count("remark: loops follow the mapping")
                if checked != designs:
                    sys.exit(f"FAILED: {tag}: loop order checked for {checked} of {designs} ops")
                spread = count(r"linalg\.reduce", tiled)
                print(f"{tag}: {designs} ops materialized, loops follow their mappings, "
                      f"{spread} partial-sum merges")
                runs += 1
                ops += designs
                partial_sums += spread
    print(f"{runs} runs, {ops} ops materialized, {partial_sums} partial-sum merges, "
          f"0 failures ({args.samples} samples, {time.time() - start:.0f} s)")


if __name__ == "__main__":
    main()
