#!/usr/bin/env python3
"""Keeps README.md and docs/*.md true to the code.

Checks, in every page:

* `<!-- snippet: <path> -->` before a fenced block: the block appears in
  that file (path relative to the repository root), token for token
  (whitespace and line breaks are ignored);
* every `sh` block: a command of ours is written as it runs from the
  repository root after a build (`build/bin/digamma-opt`, not
  `digamma-opt`);
* `<!-- run -->` before an `sh` block: the block runs (bash -e, from a
  scratch copy of the root whose `build` is the build directory, so that
  files the commands write land there);
* `<!-- output -->` before a fenced block: the block is what the last run
  block printed (stdout and stderr). A shown line `...` stands for any
  number of lines, and `...` inside a line for any text (wall times).

Usage: check-docs.py --root <repository> --build <build directory>
"""

import argparse
import glob
import os
import re
import subprocess
import sys
import tempfile

TOOLS = {"digamma-opt", "digamma-translate", "digamma-cost", "digamma-bench",
         "digamma-search-quality", "digamma-model-scope",
         "digamma-cost-bench", "digamma-search-bench"}

BLOCK = re.compile(r"(?:<!-- (snippet: \S+|run|output) -->\s*\n)?"
                   r"```([a-z+]*)\n(.*?)\n```", re.S)


def tokens(text):
    return " ".join(text.split())


def bare_tools(block):
    """Our tools named without their build/bin path in a shell block."""
    found = []
    for line in block.splitlines():
        if line.lstrip().startswith("#"):
            continue
        for word in re.split(r"[\s;&|()]+", line):
            if word.lstrip("$") in TOOLS:
                found.append(word.lstrip("$"))
    return found


def output_pattern(shown):
    parts = []
    for line in shown.splitlines():
        if line == "...":
            parts.append(r"(?:[^\n]*\n)*?")
        else:
            parts.append(".*".join(re.escape(piece)
                                   for piece in line.split("...")) + r"\n")
    return re.compile("".join(parts))


def scratch_root(root, build, where):
    for entry in os.listdir(root):
        if entry in ("build", ".git"):
            continue
        os.symlink(os.path.join(root, entry), os.path.join(where, entry))
    os.symlink(build, os.path.join(where, "build"))


def check_page(page, root, build, scratch):
    failures = 0
    checked = {"snippet": 0, "run": 0, "output": 0}
    last_output = None
    name = os.path.relpath(page, root)
    text = open(page, encoding="utf-8").read()
    for match in BLOCK.finditer(text):
        marker, language, block = match.group(1), match.group(2), match.group(3)
        line = text.count("\n", 0, match.start()) + 1
        where = f"{name}:{line}"
        if language == "sh":
            for tool in bare_tools(block):
                print(f"{where}: `{tool}` does not run from the repository "
                      f"root; write build/bin/{tool}")
                failures += 1
        if marker is None:
            continue
        if marker.startswith("snippet: "):
            path = marker[len("snippet: "):]
            source = os.path.join(root, path)
            if not os.path.exists(source):
                print(f"{where}: snippet source {path} does not exist")
                failures += 1
            elif tokens(block) not in tokens(
                    open(source, encoding="utf-8").read()):
                print(f"{where}: this snippet is not in {path}:\n{block}")
                failures += 1
            else:
                checked["snippet"] += 1
        elif marker == "run":
            if language != "sh":
                print(f"{where}: a run marker needs an sh block")
                failures += 1
                continue
            result = subprocess.run(["bash", "-e", "-o", "pipefail", "-c",
                                     block], cwd=scratch, text=True,
                                    stdout=subprocess.PIPE,
                                    stderr=subprocess.STDOUT, timeout=600)
            last_output = result.stdout
            if result.returncode != 0:
                print(f"{where}: exit status {result.returncode}:\n"
                      f"{block}\n{result.stdout}")
                failures += 1
            else:
                checked["run"] += 1
        elif marker == "output":
            if last_output is None:
                print(f"{where}: an output block with no run block before it")
                failures += 1
            elif not output_pattern(block + "\n").fullmatch(last_output):
                print(f"{where}: the shown output is not what the command "
                      f"prints now.\nShown:\n{block}\nPrinted:\n{last_output}")
                failures += 1
            else:
                checked["output"] += 1
    return failures, checked


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", required=True)
    parser.add_argument("--build", required=True)
    args = parser.parse_args()
    root = os.path.abspath(args.root)
    build = os.path.abspath(args.build)
    pages = [os.path.join(root, "README.md")] + sorted(
        glob.glob(os.path.join(root, "docs", "*.md")))
    failures = 0
    totals = {"snippet": 0, "run": 0, "output": 0}
    with tempfile.TemporaryDirectory(prefix="digamma-docs-") as scratch:
        scratch_root(root, build, scratch)
        for page in pages:
            page_failures, checked = check_page(page, root, build, scratch)
            failures += page_failures
            for key in totals:
                totals[key] += checked[key]
    print(f"{len(pages)} pages: {totals['snippet']} snippets, "
          f"{totals['run']} runnable blocks, {totals['output']} outputs "
          f"checked; {failures} failures")
    # A checker that finds nothing to check has lost its markers.
    if min(totals.values()) == 0:
        print("error: no marked block of some kind; the markers were lost")
        return 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
