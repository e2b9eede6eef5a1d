#!/usr/bin/env python3
"""Checks that the README's code snippets are code the example compiles.

A fenced block preceded by `<!-- snippet: <path> -->` (path relative to the
repository root) must appear in that file, token for token: the comparison
ignores whitespace and line breaks only. Fails when a marked block is not
found, when a marker names a missing file, or when the README has no marked
block at all.
"""

import os
import re
import sys


def tokens(text):
    return " ".join(text.split())


def main():
    readme = sys.argv[1]
    root = os.path.dirname(os.path.abspath(readme))
    text = open(readme, encoding="utf-8").read()
    pattern = re.compile(
        r"<!-- snippet: (\S+) -->\s*\n```[a-z+]*\n(.*?)\n```", re.S)
    failures = 0
    checked = 0
    for match in pattern.finditer(text):
        path, block = match.group(1), match.group(2)
        source = os.path.join(root, path)
        if not os.path.exists(source):
            print(f"{readme}: snippet source {path} does not exist")
            failures += 1
            continue
        if tokens(block) not in tokens(open(source, encoding="utf-8").read()):
            print(f"{readme}: this snippet is not in {path}:\n{block}")
            failures += 1
            continue
        checked += 1
    if checked + failures == 0:
        print(f"{readme}: no <!-- snippet: ... --> block found")
        return 1
    print(f"checked {checked} snippets, {failures} not found")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
