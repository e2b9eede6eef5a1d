// What the search options pe-limit, tie-break, population and element-bytes
// do to the designs (their bad values: co-optimize-invalid.mlir and
// co-optimize-bad-input.mlir). The checks are relations between designs,
// which hold for any seed; the seeds only make the runs repeatable.
//
// pe-limit caps every design's PE count, per op and for a shared chip, and
// it binds here: without it the latency-optimal designs use more PEs.
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="samples=1000 seed=3" -o %t.free.mlir
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="samples=1000 seed=3 pe-limit=16" -o %t.limit.mlir
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="samples=1000 seed=3 pe-limit=16 scope=model" -o %t.limit-model.mlir
// RUN: %python %S/Inputs/compare-designs.py FREE=%t.free.mlir LIMIT=%t.limit.mlir SHARED=%t.limit-model.mlir \
// RUN:   "FREE.num_pes > 16" "LIMIT.num_pes <= 16" "SHARED.num_pes <= 16" | FileCheck %s --check-prefix=CHECKED
//
// tie-break decides among designs of equal objective. With objective=energy
// such designs abound here: designs of every size reach the least energy
// of these matmuls (each element moves through L2 once), so the fastest of
// them wins with tie-break=latency and the smallest with tie-break=area.
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="samples=1000 seed=3 objective=energy tie-break=latency" -o %t.fast.mlir
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="samples=1000 seed=3 objective=energy tie-break=area" -o %t.small.mlir
// RUN: %python %S/Inputs/compare-designs.py FAST=%t.fast.mlir SMALL=%t.small.mlir \
// RUN:   "FAST.energy_nj == SMALL.energy_nj" "FAST.cycles < SMALL.cycles" "SMALL.area_um2 < FAST.area_um2" | FileCheck %s --check-prefix=CHECKED
//
// population is the generation size: the first generation evaluates that
// many designs, each later one that many less the elites carried over
// unevaluated (5 %, at least 1; SearchOptions::ga). The report says where
// each best-so-far point was taken. 0 means the default, 100.
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="samples=300 seed=3 population=20 report=%t.pop20.json" -o /dev/null
// RUN: FileCheck %s --check-prefix=POP20 --input-file=%t.pop20.json
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="samples=300 seed=3 population=40 report=%t.pop40.json" -o /dev/null
// RUN: FileCheck %s --check-prefix=POP40 --input-file=%t.pop40.json
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="samples=300 seed=3 report=%t.pop0.json" -o /dev/null
// RUN: FileCheck %s --check-prefix=POP0 --input-file=%t.pop0.json
//
// element-bytes sizes the buffers in bytes and so the area: the same design
// (the nvdla dataflow's hardware grid, whose choice does not depend on the
// element size under this budget) needs e times the bytes and e times the
// buffer area with e-byte elements; the PEs' area, 282 um^2 each (GAMMA's
// INT8 MAC), stays. 0, the default, takes the op's own element size, its
// largest operand's: 4 for the f32 matmul, 2 for the f16 one, 4 for the
// i8 matmul that accumulates in i32.
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="mode=fixed-mapping dataflow=nvdla samples=1000 element-bytes=1" -o %t.e1.mlir
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="mode=fixed-mapping dataflow=nvdla samples=1000 element-bytes=2" -o %t.e2.mlir
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="mode=fixed-mapping dataflow=nvdla samples=1000 element-bytes=4" -o %t.e4.mlir
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="mode=fixed-mapping dataflow=nvdla samples=1000" -o %t.e0.mlir
// RUN: %python %S/Inputs/compare-designs.py E1=%t.e1.mlir E2=%t.e2.mlir E4=%t.e4.mlir OWN=%t.e0.mlir \
// RUN:   "E1.mapping == E2.mapping == E4.mapping == OWN.mapping" \
// RUN:   "E1.num_pes == E2.num_pes == E4.num_pes == OWN.num_pes" \
// RUN:   "(E1.element_bytes, E2.element_bytes, E4.element_bytes) == (1, 2, 4)" \
// RUN:   "E2.l1_bytes == 2 * E1.l1_bytes and E4.l1_bytes == 4 * E1.l1_bytes" \
// RUN:   "E2.l2_bytes == 2 * E1.l2_bytes and E4.l2_bytes == 4 * E1.l2_bytes" \
// RUN:   "abs((E4.area_um2 - E2.area_um2) - 2 * (E2.area_um2 - E1.area_um2)) < 1e-6 * E4.area_um2" \
// RUN:   "abs(2 * E1.area_um2 - E2.area_um2 - 282 * E1.num_pes) < 1e-6 * E4.area_um2" \
// RUN:   "OWN.l1_bytes == OWN.element_bytes * E1.l1_bytes and OWN.l2_bytes == OWN.element_bytes * E1.l2_bytes" \
// RUN:   | FileCheck %s --check-prefix=CHECKED
// RUN: FileCheck %s --check-prefix=OWN --input-file=%t.e0.mlir

// CHECKED: checked 3 ops

// POP20: "samples_per_generation": [
// POP20-NEXT: 20,
// POP20-NEXT: 39,
// POP20-NEXT: 58,
// POP40: "samples_per_generation": [
// POP40-NEXT: 40,
// POP40-NEXT: 78,
// POP40-NEXT: 116,
// POP0: "samples_per_generation": [
// POP0-NEXT: 100,
// POP0-NEXT: 195,
// POP0-NEXT: 290,

// OWN-LABEL: func.func @f32_matmul
// OWN: digamma.hw = #digamma.hw<{{.*}}, element_bytes = 4>
// OWN-LABEL: func.func @f16_matmul
// OWN: digamma.hw = #digamma.hw<{{.*}}, element_bytes = 2>
// The i8 x i8 -> i32 matmul keeps its tensors' own sizes in a 4-byte word.
// OWN-LABEL: func.func @i8_matmul
// OWN: digamma.hw = #digamma.hw<{{.*}}, element_bytes = 4, tensor_bytes = [1, 1, 4]>

func.func @f32_matmul(%a: tensor<64x32xf32>, %b: tensor<32x48xf32>, %c: tensor<64x48xf32>) -> tensor<64x48xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<64x32xf32>, tensor<32x48xf32>) outs(%c : tensor<64x48xf32>) -> tensor<64x48xf32>
  return %0 : tensor<64x48xf32>
}

func.func @f16_matmul(%a: tensor<32x64xf16>, %b: tensor<64x16xf16>, %c: tensor<32x16xf16>) -> tensor<32x16xf16> {
  %0 = linalg.matmul ins(%a, %b : tensor<32x64xf16>, tensor<64x16xf16>) outs(%c : tensor<32x16xf16>) -> tensor<32x16xf16>
  return %0 : tensor<32x16xf16>
}

func.func @i8_matmul(%a: tensor<48x32xi8>, %b: tensor<32x32xi8>, %c: tensor<48x32xi32>) -> tensor<48x32xi32> {
  %0 = linalg.matmul ins(%a, %b : tensor<48x32xi8>, tensor<32x32xi8>) outs(%c : tensor<48x32xi32>) -> tensor<48x32xi32>
  return %0 : tensor<48x32xi32>
}
