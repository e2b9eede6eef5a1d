# -*- Python -*-
# lit configuration of the digamma test suite.

import os

import lit.formats
from lit.llvm import llvm_config
from lit.llvm.subst import ToolSubst

config.name = "DIGAMMA"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir", ".test"]
config.excludes = ["Inputs", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.digamma_obj_root, "test")

llvm_config.use_default_substitutions()

# FileCheck, not, count and split-file live in /usr/lib/llvm-22/bin, which is
# not on the default PATH.
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)
llvm_config.with_environment("PATH", config.digamma_tools_dir, append_path=True)

config.substitutions.append(("%digamma_src_root", config.digamma_src_root))
# project(digamma VERSION ...) and the LLVM release the build found.
config.substitutions.append(("%digamma_version", config.digamma_version))
config.substitutions.append(("%llvm_version", config.llvm_version))
config.substitutions.append(
    ("%models", os.path.join(config.digamma_src_root, "models")))

tool_dirs = [config.digamma_tools_dir, config.llvm_tools_dir]
tools = [
    "digamma-opt",
    ToolSubst("digamma-translate", unresolved="ignore"),
    ToolSubst("digamma-cost", unresolved="ignore"),
    ToolSubst("digamma-bench", unresolved="ignore"),
    ToolSubst("digamma-model-scope", unresolved="ignore"),
    ToolSubst("digamma-search-quality", unresolved="ignore"),
    ToolSubst("mlir-opt", unresolved="ignore"),
    ToolSubst("mlir-runner", unresolved="ignore"),
]
llvm_config.add_tool_substitutions(tools, tool_dirs)

# The benchmark programs are built with DIGAMMA_ENABLE_BENCHMARKS only.
if os.path.exists(os.path.join(config.digamma_tools_dir, "digamma-model-scope")):
    config.available_features.add("benchmark-tools")

# Execution tests: mlir-runner (package mlir-22-tools) and its runtime
# libraries (libmlir-22-dev), next to the LLVM tools. Tests that run code
# say `REQUIRES: mlir-runner` and pipe bufferized, loop-lowered IR into
# %mlir_run_main, which lowers it to LLVM with upstream mlir-opt, runs @main
# and blanks the buffer addresses printMemref* prints (they differ between
# runs), so that two runs can be compared with diff.
llvm_lib_dir = os.path.join(os.path.dirname(config.llvm_tools_dir), "lib")
mlir_runner_utils = os.path.join(llvm_lib_dir, "libmlir_runner_utils.so")
mlir_c_runner_utils = os.path.join(llvm_lib_dir, "libmlir_c_runner_utils.so")
if all(os.path.exists(path) for path in (
        os.path.join(config.llvm_tools_dir, "mlir-runner"),
        os.path.join(config.llvm_tools_dir, "mlir-opt"), mlir_runner_utils,
        mlir_c_runner_utils)):
    config.available_features.add("mlir-runner")
config.substitutions.append(("%mlir_runner_utils", mlir_runner_utils))
config.substitutions.append(("%mlir_c_runner_utils", mlir_c_runner_utils))
config.substitutions.append(
    ("%mlir_run_main",
     "mlir-opt --expand-strided-metadata --lower-affine --convert-scf-to-cf "
     "--convert-to-llvm --reconcile-unrealized-casts | mlir-runner -e main "
     "-entry-point-result=void -shared-libs=%s,%s | sed -e 's/base@ = 0x[0-9a-f]*/base@ = ADDR/'"
     % (mlir_runner_utils, mlir_c_runner_utils)))

# Helper scripts (design checkers) run with the interpreter that runs lit.
import sys

config.substitutions.append(("%python", sys.executable))
