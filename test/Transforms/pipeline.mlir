// --digamma-pipeline lowers and co-optimizes a whole bundled model; every
// layer gets a design within the budget that respects the compute bound,
// and repeated layers are searched once.
// RUN: digamma-opt %models/resnet18.mlir --digamma-pipeline="samples=2000 report-summary=true" -o %t.mlir 2>%t.summary
// RUN: %python %S/Inputs/check-designs.py %t.mlir --budget-um2 200000 --expect-ops 20 | FileCheck %s
// RUN: FileCheck %s --check-prefix=SUMMARY --input-file=%t.summary
// RUN: digamma-opt %models/bert.mlir --digamma-pipeline="samples=2000 platform=cloud objective=edp" -o %t.bert.mlir
// RUN: %python %S/Inputs/check-designs.py %t.bert.mlir --budget-um2 7000000 --expect-ops 6 | FileCheck %s --check-prefix=BERT

// CHECK: checked 20 designs
// SUMMARY: digamma-co-optimize: 20 ops, {{[0-9]+}} searches ({{[1-9][0-9]*}} saved by the problem cache), 2000 samples each; total {{[0-9]+}} cycles, {{.*}} nJ; {{[0-9.]+}} s; {{[0-9]+\.[0-9][0-9][0-9]}}x the bound of {{[0-9]+}} cycles (largest op gap {{[0-9]+\.[0-9][0-9][0-9]}}x: linalg.{{[a-z_0-9]+}} at loc("{{.*}}resnet18.mlir":{{[0-9]+}}:{{[0-9]+}}))
// BERT: checked 6 designs
