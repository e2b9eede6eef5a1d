#!/usr/bin/env python3
"""The README's Python quick start; run from the repository root with
PYTHONPATH=build/python (the project's tests compare its output with the
README's)."""
import digamma

m = digamma.read_maestro_file("test/Tools/digamma-cost/Inputs/example1.m").layers[0]
print(digamma.evaluate(m.layer, digamma.Hardware(num_pes=128), m.mapping)["cycles"])
print(digamma.co_optimize(digamma.Layer(k=64, c=64, y=58, x=58, r=3, s=3), platform="edge"))
print(digamma.model_search(digamma.read_gamma_table("models/csv/resnet18.csv"), platform="edge"))
