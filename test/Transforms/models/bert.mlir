// RUN: digamma-opt %models/bert.mlir --digamma-lower-to-loop-nest -o %t
// RUN: grep -c "digamma.loop_nest = #digamma.loop_nest<" %t | FileCheck %s --check-prefix=LAYERS
// RUN: FileCheck %s --check-prefix=DW --input-file=%t
// RUN: grep -E "= linalg\.(conv|depthwise|matmul|batch_matmul)" %t | not grep -v "digamma.loop_nest"
// RUN: digamma-opt %models/bert.mlir --digamma-lower-to-loop-nest 2>&1 >/dev/null | count 0

// models/bert.mlir has 6 layers (0 depthwise) in models/csv/bert.csv:
// every one gets a loop nest, no conv or matmul is left undescribed, and
// the pass emits no remark.
// LAYERS: {{^}}6{{$}}
// DW-NOT: #digamma.loop_nest<depthwise
