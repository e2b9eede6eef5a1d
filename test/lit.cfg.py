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
config.substitutions.append(
    ("%models", os.path.join(config.digamma_src_root, "models")))

tool_dirs = [config.digamma_tools_dir, config.llvm_tools_dir]
tools = [
    "digamma-opt",
    ToolSubst("digamma-translate", unresolved="ignore"),
    ToolSubst("digamma-cost", unresolved="ignore"),
    ToolSubst("digamma-bench", unresolved="ignore"),
]
llvm_config.add_tool_substitutions(tools, tool_dirs)

# Helper scripts (design checkers) run with the interpreter that runs lit.
import sys

config.substitutions.append(("%python", sys.executable))
