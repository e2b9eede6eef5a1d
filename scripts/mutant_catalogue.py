#===- mutant_catalogue.py - The mutants scripts/mutants.sh plants -------===#
#
# Each mutant is one small, realistic bug: in the files `files` (a glob
# relative to the repository root, so that a function may move between the
# files of a library), the snippet `find`, which must occur exactly once,
# becomes `replace`. Keep snippets short and in code whose meaning is
# settled; `scripts/mutants.sh --dry-run` (a ctest test) fails when one no
# longer occurs exactly once.
#
# Every library has at least one mutant (LIBRARIES); the first five are the
# bugs issue 22 found surviving the suite.
#
#===----------------------------------------------------------------------===#

from collections import namedtuple

Mutant = namedtuple("Mutant", "name library files find replace description")

# The libraries the catalogue must cover (mutants.py checks it).
LIBRARIES = ("cost model", "search", "lowering", "co-optimize", "materialize",
             "export", "API")

MUTANTS = [
    Mutant("edge-input-window", "cost model", "lib/CostModel/*.cpp",
           "tb.me = (rem - 1) * stride + window;",
           "tb.me = rem * stride + window - 1;",
           "sound edge-tile input window (rem-1)*stride+window written as "
           "rem*stride+window-1 (wrong only when stride > 1)"),
    Mutant("crossover-self-exchange", "search", "lib/Search/*.cpp",
           "std::swap(a.mapping.level(l).tiles[d], b.mapping.level(l).tiles[d]);",
           "std::swap(a.mapping.level(l).tiles[d], a.mapping.level(l).tiles[d]);",
           "crossover exchanges a dimension's tiles with itself: children "
           "copy their parents"),
    Mutant("crossover-one-way-copy", "search", "lib/Search/*.cpp",
           "std::swap(a.mapping.level(l).tiles[d], b.mapping.level(l).tiles[d]);",
           "a.mapping.level(l).tiles[d] = b.mapping.level(l).tiles[d];",
           "crossover copies one parent's tiles into the other instead of "
           "exchanging them"),
    Mutant("forall-without-partial-sums", "materialize", "lib/Transforms/*.cpp",
           "spatialStep.partialReduction = numReductions != 0;",
           "spatialStep.partialReduction = false;",
           "a reduction-parallel level is materialized as a forall without "
           "partial sums"),
    Mutant("loops-swapped-around-forall", "materialize", "lib/Transforms/*.cpp",
           "(seenParallel ? inner : outer).push_back(loop);",
           "(seenParallel ? outer : inner).push_back(loop);",
           "the loops inside and outside a level's forall are swapped"),
    Mutant("forall-per-element", "materialize", "lib/Transforms/*.cpp",
           "spatialSizes[loop] = extent[loop];",
           "spatialSizes[loop] = 1;",
           "a level that does not split its parallel dimension gets a forall "
           "with one iteration per element instead of a single one"),
    Mutant("case-group-without-steady-weight", "cost model",
           "lib/CostModel/*.cpp",
           "fullWeight[j] = add(fullWeight[j], s.weight);",
           "fullWeight[j] = add(fullWeight[j], 0);",
           "a group of cases counts a loop's initial state but not the "
           "steady states that join it (sound runtime without a closed form)"),
    Mutant("early-reject-in-elements", "cost model", "lib/CostModel/*.cpp",
           "rejected = bufferConstraint(b.l1Bytes, b.l2Bytes, hw, *limits, "
           "*limitArea);",
           "rejected = bufferConstraint(b.l1, b.l2, hw, *limits, *limitArea);",
           "evaluateWithin() charges the buffers in elements, not bytes, "
           "and stops designs that fit the budget"),
    Mutant("maestro-edge-used-pes", "cost model", "lib/CostModel/*.cpp",
           "pes = static_cast<double>(ss.edge ? e : fan);",
           "pes = static_cast<double>(fan);",
           "maestro semantics: a spatial edge counts every cluster as busy "
           "in the average used PEs (1 of MAESTRO's 2992 reference rows)"),
    Mutant("tie-break-ignored", "search", "lib/Search/*.cpp",
           "ind.tieBreak = objectiveValue(options.tieBreak, report, ind.areaUm2);",
           "ind.tieBreak = objectiveValue(Objective::Energy, report, ind.areaUm2);",
           "the tie-break option is ignored (energy always breaks ties)"),
    Mutant("population-ignored", "search", "lib/Search/*.h",
           "return options.population > 0 ? options.population : kDefaultPopulation;",
           "return kDefaultPopulation;",
           "the population option is ignored (default generation size)"),
    Mutant("grid-skips-last-growth", "search", "lib/Search/*.cpp",
           "for (int g1 = 0; g1 <= innerSteps; ++g1) {",
           "for (int g1 = 0; g1 < innerSteps; ++g1) {",
           "the hardware grid search skips each shape's last inner growth "
           "step"),
    Mutant("best-chip-picks-worst", "search", "lib/Search/*.cpp",
           "if (!best.found || result.objectiveValue < best.objectiveValue)",
           "if (!best.found || result.objectiveValue > best.objectiveValue)",
           "the best-per-layer chip is the worst of the winners' chips"),
    Mutant("lowering-stride-dilation-swapped", "lowering",
           "lib/Transforms/*.cpp",
           "pairs.push_back({image.first, filter.first, image.second, filter.second});",
           "pairs.push_back({image.first, filter.first, filter.second, image.second});",
           "the loop-nest lowering reads a window's stride as its dilation "
           "and back"),
    Mutant("element-bytes-smallest-operand", "co-optimize",
           "lib/Transforms/*.cpp",
           "ownBytes = std::max(ownBytes, bytes);",
           "ownBytes = ownBytes ? std::min(ownBytes, bytes) : bytes;",
           "element-bytes=0 takes the op's smallest operand element, not its "
           "largest"),
    Mutant("export-l1-flag-from-l2", "export", "lib/Transforms/*.cpp",
           '"--l1_size_cstr=" + flagValue(hw.l1Elements),',
           '"--l1_size_cstr=" + flagValue(hw.l2Elements),',
           "the exported digamma-cost command gives the L2 size as the L1 "
           "constraint"),
    Mutant("api-l1-bytes-ignore-element-size", "API", "lib/Api/*.cpp",
           "design.l1Bytes = result.cost.l1Bytes;",
           "design.l1Bytes = result.cost.l1Elements;",
           "the C++ API reports L1 bytes as if elements were one byte"),
    Mutant("verifier-empty-cluster-sizes", "dialect",
           "lib/Dialect/Digamma/IR/*.cpp",
           "if (clusterSizes.empty())",
           "if (clusterSizes.empty() && numPEs < 0)",
           "#digamma.hw built in C++ with no cluster sizes verifies"),
]
