#!/usr/bin/env bash
#===- test-install.sh - Install the build, import digamma from there -----===#
#
# Usage: test-install.sh <cmake> <build dir> <work dir> <python3>
#                        <module dir relative to the prefix>
#
# Installs the build into <work dir>/prefix and imports the module with
# PYTHONPATH=<prefix>/<module dir> (what the README documents for a prefix
# the interpreter does not search), from a directory that holds no other
# copy, and checks that it is the installed one and that it works.
#
#===----------------------------------------------------------------------===#
set -euo pipefail

cmake=$1 build=$2 work=$3 python=$4 moduledir=$5
prefix=$work/prefix
rm -rf "$work"
mkdir -p "$work"
"$cmake" --install "$build" --prefix "$prefix" >"$work/install.log"
ls "$prefix/$moduledir"/digamma*.so >/dev/null ||
  { echo "no digamma module in $prefix/$moduledir" >&2; exit 1; }
cd "$work"
PYTHONPATH=$prefix/$moduledir "$python" - "$prefix" <<'PY'
import os
import sys

import digamma

prefix = os.path.realpath(sys.argv[1])
assert os.path.realpath(digamma.__file__).startswith(prefix + os.sep), \
    digamma.__file__
layer = digamma.Layer(k=16, c=8, y=10, x=10, r=3, s=3)
design = digamma.co_optimize(layer, samples=200, seed=3)
assert design.cost.macs == 16 * 8 * 8 * 8 * 9, design.cost.macs
print("imported", digamma.__file__, "and co-optimized:", design)
PY
