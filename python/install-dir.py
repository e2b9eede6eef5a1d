"""Prints where the digamma module installs, relative to the prefix argv[1].

A site directory of this interpreter below the prefix when there is one
(the shortest: Debian's /usr gives lib/python3/dist-packages rather than
local/lib/...), else the interpreter's platlib layout under the prefix.
"""
import os
import sys
import sysconfig

prefix = os.path.realpath(sys.argv[1])
found = []
for entry in sys.path:
    path = os.path.realpath(entry) if entry else ""
    if path.endswith(("site-packages", "dist-packages")) and \
            path.startswith(prefix + os.sep):
        found.append(os.path.relpath(path, prefix))
if found:
    print(min(found, key=lambda p: (p.count(os.sep), len(p), p)))
else:
    platlib = sysconfig.get_path("platlib", scheme="posix_prefix",
                                 vars={"base": prefix, "platbase": prefix})
    print(os.path.relpath(platlib, prefix))
