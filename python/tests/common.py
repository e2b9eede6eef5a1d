"""Shared helpers of the digamma module's tests.

The tests run with PYTHONPATH at the built module (ctest sets it) and find
the C++ tools through environment variables ctest sets: DIGAMMA_COST
(digamma-cost), DIGAMMA_DESIGN_REQUEST (the C++ API's answer to a request,
tests/design-request.cpp), DIGAMMA_OPT (digamma-opt, MLIR builds only) and
DIGAMMA_SOURCE_DIR (the repository).
"""
import os
import subprocess

SOURCE_DIR = os.environ.get(
    "DIGAMMA_SOURCE_DIR",
    os.path.normpath(os.path.join(os.path.dirname(__file__), "..", "..")))


def source_path(*parts):
    return os.path.join(SOURCE_DIR, *parts)


def tool(name):
    """The path of a C++ tool from the environment, or None."""
    path = os.environ.get(name)
    return path if path and os.path.exists(path) else None


def run_request(*args):
    """Runs design-request with --name=value arguments; returns (fields,
    format text), or raises AssertionError with its error line."""
    result = subprocess.run([tool("DIGAMMA_DESIGN_REQUEST"), *args],
                            capture_output=True, text=True)
    lines = result.stdout.split("\n")
    if result.returncode != 0:
        assert lines[0].startswith("error "), result.stdout + result.stderr
        return {"error": lines[0][len("error "):]}, None
    fields = {}
    for i, line in enumerate(lines):
        if line == "format":
            return fields, "\n".join(lines[i + 1:])
        name, _, value = line.partition(" ")
        if name:
            fields[name] = value
    return fields, None


def lookup(obj, path):
    """obj.a.b, where a numeric part indexes a list and report fields are
    looked up by key."""
    for part in path.split("."):
        if part.isdigit():
            obj = obj[int(part)]
        elif hasattr(obj, "keys") and part in obj.keys():
            obj = obj[part]
        else:
            obj = getattr(obj, part)
    return obj


def as_text(value):
    """A number as the C++ helper prints it (%.17g for doubles)."""
    if isinstance(value, float):
        return "%.17g" % value
    return str(value)
