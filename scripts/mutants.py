#!/usr/bin/env python3
#===- mutants.py - Mutation testing of the test suite --------------------===#
#
# Plants each mutant of scripts/mutant_catalogue.py, one at a time, in a
# scratch copy of the working tree, rebuilds, runs the whole suite (the
# ctest tests and every lit test) and reports which tests caught it. Run it
# through scripts/mutants.sh; --help lists the options.
#
#===----------------------------------------------------------------------===#
"""Mutation testing: plant each catalogued bug, run the suite, report who caught it.

The working tree is copied (tracked and untracked, not ignored, files) to
WORK_DIR/src and built in WORK_DIR/build, both kept between runs so that
rebuilds are incremental (with ccache when it is installed). The suite runs
once unmutated first and must pass. Then, per mutant: edit the copy, build,
run ctest (every test but digamma-lit and the catalogue check) and lit (each
lit test on its own), restore the file.

Exit status: 0 every mutant caught, 1 some survived, 2 catalogue problems
(a snippet that does not occur exactly once, a mutant that does not build),
3 the setup failed (configuration, baseline build or suite).
"""

import argparse
import fnmatch
import fcntl
import importlib.util
import os
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# ctest tests not run per mutant: the lit suite (run directly below, to
# name each lit test) and the catalogue's dry run (which a planted mutant
# fails by construction: its snippet no longer occurs).
CTEST_EXCLUDE = "^(digamma-lit|digamma-mutants-catalogue)$"


def load_catalogue():
    spec = importlib.util.spec_from_file_location(
        "mutant_catalogue", Path(__file__).with_name("mutant_catalogue.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def locate(mutant, tree):
    """The file of `mutant` in `tree` and its text, or an error message."""
    if mutant.find == mutant.replace:
        return None, None, "the replacement equals the snippet"
    hits = []
    for path in sorted(tree.glob(mutant.files)):
        if path.is_file():
            text = path.read_text()
            hits += [(path, text)] * text.count(mutant.find)
    if len(hits) != 1:
        return None, None, (f"the snippet occurs {len(hits)} times in "
                            f"{mutant.files} (stale catalogue entry)")
    return hits[0][0], hits[0][1], None


def check_catalogue(catalogue, mutants, whole):
    """Problems of the catalogue, as (mutant name or '', message) pairs."""
    problems = []
    names = [m.name for m in catalogue.MUTANTS]
    for name in sorted({n for n in names if names.count(n) > 1}):
        problems.append((name, "the name is used twice"))
    if whole:
        covered = {m.library for m in catalogue.MUTANTS}
        for library in catalogue.LIBRARIES:
            if library not in covered:
                problems.append(("", f"no mutant of the {library} library"))
    for mutant in mutants:
        _, _, error = locate(mutant, ROOT)
        if error:
            problems.append((mutant.name, error))
    return problems


def run(command, log, timeout=None, cwd=None):
    """Runs `command` with its output appended to `log`; its exit status,
    or None on timeout."""
    with open(log, "a") as out:
        out.write(f"\n$ {' '.join(str(c) for c in command)}\n")
        out.flush()
        try:
            return subprocess.run(command, stdout=out, stderr=subprocess.STDOUT,
                                  timeout=timeout, cwd=cwd).returncode
        except subprocess.TimeoutExpired:
            out.write(f"(timed out after {timeout} s)\n")
            return None


def sync_tree(src):
    """Makes `src` a copy of the working tree; unchanged files keep their
    time stamps, so that the build stays incremental."""
    listed = subprocess.run(
        ["git", "-C", str(ROOT), "ls-files", "-z", "--cached", "--others",
         "--exclude-standard"], capture_output=True)
    if listed.returncode != 0:
        sys.exit("mutants: the working tree must be a git checkout (git "
                 "ls-files lists what to copy): " + listed.stderr.decode())
    listing = listed.stdout
    wanted = set()
    for name in sorted(set(listing.decode().split("\0")) - {""}):
        source, target = ROOT / name, src / name
        if not source.exists() and not source.is_symlink():
            continue  # deleted, not yet staged
        wanted.add(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_symlink():
            link = os.readlink(source)
            if not target.is_symlink() or os.readlink(target) != link:
                if target.exists() or target.is_symlink():
                    target.unlink()
                os.symlink(link, target)
        elif (target.is_symlink() or not target.exists() or
              target.read_bytes() != source.read_bytes()):
            if target.is_symlink():
                target.unlink()
            shutil.copyfile(source, target)
            shutil.copymode(source, target)
    for path in sorted(src.rglob("*"), reverse=True):
        if (path.is_file() or path.is_symlink()) and path not in wanted:
            path.unlink()


def configure(src, build, log, cmake_args):
    if (build / "build.ninja").exists():
        return True
    command = ["cmake", "-G", "Ninja", "-S", str(src), "-B", str(build),
               "-DCMAKE_BUILD_TYPE=Release",
               "-DMLIR_DIR=/usr/lib/llvm-22/lib/cmake/mlir",
               "-DLLVM_EXTERNAL_LIT=/usr/lib/llvm-22/bin/lit"] + cmake_args
    if shutil.which("ccache"):
        command += ["-DCMAKE_CXX_COMPILER_LAUNCHER=ccache",
                    "-DCMAKE_C_COMPILER_LAUNCHER=ccache"]
    return run(command, log) == 0


def lit_path(build):
    for line in (build / "CMakeCache.txt").read_text().splitlines():
        if line.startswith("LLVM_EXTERNAL_LIT:"):
            return line.split("=", 1)[1]
    return "lit"


def failed_tests(build, log, jobs, timeout):
    """Runs the suite in `build`; the names of the tests that failed."""
    failed = []
    junit = build / "mutants-ctest.xml"
    junit.unlink(missing_ok=True)
    run(["ctest", "--test-dir", str(build), "-j", str(jobs), "--timeout",
         str(timeout), "-E", CTEST_EXCLUDE, "--output-junit", str(junit)], log)
    if junit.exists():
        for case in ET.parse(junit).getroot().iter("testcase"):
            if case.get("status") not in ("run", "disabled"):
                failed.append(case.get("name"))
    else:
        failed.append("ctest (no report)")
    xunit = build / "mutants-lit.xml"
    xunit.unlink(missing_ok=True)
    status = run([lit_path(build), "-q", "-j", str(jobs),
                  "--xunit-xml-output", str(xunit),
                  str(build / "test")], log, timeout=4 * timeout)
    if status is None:
        failed.append("lit (timed out)")
    elif xunit.exists():
        for case in ET.parse(xunit).getroot().iter("testcase"):
            if case.find("failure") is not None:
                suite = case.get("classname", "").split(".", 1)
                directory = suite[1] + "/" if len(suite) > 1 else ""
                failed.append(directory + case.get("name"))
    elif status != 0:
        failed.append("lit (no report)")
    return failed


def build_tree(build, log, jobs):
    return run(["cmake", "--build", str(build), "-j", str(jobs)], log) == 0


def format_tests(tests, limit):
    if not tests:
        return "-"
    shown = ", ".join(tests[:limit])
    return shown + (f" (+{len(tests) - limit} more)" if len(tests) > limit
                    else "")


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("names", nargs="*", metavar="NAME",
                        help="run only these mutants (shell patterns)")
    parser.add_argument("--dry-run", action="store_true",
                        help="only check that every snippet occurs exactly "
                             "once (no build)")
    parser.add_argument("--list", action="store_true",
                        help="list the catalogue and exit")
    parser.add_argument("-j", "--jobs", type=int, default=2,
                        help="build and test jobs (default 2)")
    parser.add_argument("-k", "--keep-going", action="store_true",
                        help="go on after a stale or unbuildable mutant "
                             "(reported, exit 2) instead of stopping")
    parser.add_argument("--work-dir", type=Path,
                        default=ROOT / "build-mutants",
                        help="scratch copy and build (default build-mutants)")
    parser.add_argument("--timeout", type=int, default=900,
                        help="seconds per ctest test (lit: 4 times that for "
                             "the suite)")
    parser.add_argument("--cmake-arg", action="append", default=[],
                        help="extra argument for configuring the scratch "
                             "build (repeatable)")
    parser.add_argument("--all-tests", action="store_true",
                        help="name every test that caught a mutant in the "
                             "table (default: the first 4)")
    args = parser.parse_args()

    catalogue = load_catalogue()
    mutants = [m for m in catalogue.MUTANTS
               if not args.names or
               any(fnmatch.fnmatch(m.name, p) for p in args.names)]
    if args.names and not mutants:
        sys.exit(f"mutants: no mutant matches {' '.join(args.names)}")
    if args.list:
        for m in mutants:
            print(f"{m.name:34} {m.library:12} {m.description}")
        return 0

    problems = check_catalogue(catalogue, mutants, whole=not args.names)
    for name, message in problems:
        print(f"mutants: {name + ': ' if name else ''}{message}")
    if args.dry_run:
        if not problems:
            print(f"mutants: all {len(mutants)} mutants apply")
        return 2 if problems else 0
    stale = {name for name, _ in problems}
    if problems and not args.keep_going:
        return 2

    work = args.work_dir.resolve()
    work.mkdir(parents=True, exist_ok=True)
    lock = open(work / "lock", "w")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        sys.exit(f"mutants: another run uses {work}")
    src, build, log = work / "src", work / "build", work / "mutants.log"
    log.write_text("")
    started = time.time()
    print(f"mutants: copying the working tree to {src}; log in {log}",
          flush=True)
    sync_tree(src)
    if not configure(src, build, log, args.cmake_arg):
        print("mutants: configuring the scratch build failed")
        return 3
    print("mutants: building and running the unmutated suite", flush=True)
    if not build_tree(build, log, args.jobs):
        print("mutants: the unmutated tree does not build")
        return 3
    baseline = failed_tests(build, log, args.jobs, args.timeout)
    if baseline:
        print("mutants: the unmutated suite fails: " + ", ".join(baseline))
        return 3
    print(f"mutants: baseline passes ({time.time() - started:.0f} s)",
          flush=True)

    rows = []
    status = 0
    for mutant in mutants:
        begin = time.time()
        path, original, error = locate(mutant, src)
        if mutant.name in stale or error:
            rows.append((mutant, "STALE", [], 0.0))
            status = 2
            if not args.keep_going:
                break
            continue
        try:
            path.write_text(original.replace(mutant.find, mutant.replace))
            with open(log, "a") as out:
                out.write(f"\n=== mutant {mutant.name}\n")
            if build_tree(build, log, args.jobs):
                caught = failed_tests(build, log, args.jobs, args.timeout)
                verdict = "yes" if caught else "NO"
            else:
                caught, verdict = [], "DOES NOT BUILD"
        finally:
            path.write_text(original)
        rows.append((mutant, verdict, caught, time.time() - begin))
        print(f"mutants: {mutant.name}: {verdict} "
              f"({len(caught)} tests, {time.time() - begin:.0f} s)",
              flush=True)
        if verdict == "DOES NOT BUILD":
            status = 2
            if not args.keep_going:
                break
        elif verdict == "NO" and status == 0:
            status = 1

    limit = 10**6 if args.all_tests else 4
    print("\n| mutant | library | caught | caught by | s |")
    print("|---|---|---|---|---|")
    for mutant, verdict, caught, seconds in rows:
        print(f"| `{mutant.name}` | {mutant.library} | {verdict} | "
              f"{format_tests(caught, limit)} | {seconds:.0f} |")
    caught_count = sum(1 for _, verdict, _, _ in rows if verdict == "yes")
    wall = time.time() - started
    print(f"\nmutants: {caught_count} of {len(rows)} caught; wall time "
          f"{wall / 60:.1f} min with -j {args.jobs}")
    print("\nEvery test that caught each mutant:")
    for mutant, verdict, caught, _ in rows:
        print(f"  {mutant.name}: {mutant.description}")
        for test in caught:
            print(f"    {test}")
    return status


if __name__ == "__main__":
    sys.exit(main())
