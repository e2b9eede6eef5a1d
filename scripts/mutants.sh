#!/usr/bin/env bash
#===- mutants.sh - Mutation testing of the test suite -------------------===#
#
# Usage: scripts/mutants.sh [--dry-run] [--list] [-j N] [-k] [NAME...]
#
# Plants each bug of scripts/mutant_catalogue.py, one at a time, in a
# scratch copy of the working tree (build-mutants/), rebuilds, runs the
# whole suite and prints which tests caught it (scripts/mutants.py --help).
# --dry-run only checks that every snippet still occurs exactly once.
#
#===----------------------------------------------------------------------===#
exec python3 "$(dirname "$0")/mutants.py" "$@"
