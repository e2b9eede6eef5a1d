// --digamma-export-timeloop writes per annotated op Timeloop's problem,
// architecture and mapping (JSON-style YAML) and a JSON summary per
// function. The design below is worked by hand in
// unittests/Api/TimeloopExportTest.cpp (RegularDesignWorkedByHand): CONV
// K16 C16 8x8 3x3 on 16 PEs as 4 clusters of 4; level 0 spreads K (tiles
// K4 C8 Y'4 X'8), level 1 spreads C (tiles K1 C2 Y'4 X'4); 4-byte words,
// 16 bytes per cycle off chip.
//
// RUN: rm -rf %t && mkdir %t
// RUN: digamma-opt %s -o %t.input.mlir
// RUN: digamma-opt %s --digamma-export-timeloop=dir=%t | diff - %t.input.mlir
// RUN: ls %t | FileCheck %s --check-prefix=FILES
// RUN: FileCheck %s --check-prefix=PROBLEM --input-file=%t/conv.0.problem.yaml
// RUN: FileCheck %s --check-prefix=ARCH --input-file=%t/conv.0.arch.yaml
// RUN: FileCheck %s --check-prefix=MAP --input-file=%t/conv.0.map.yaml
// RUN: FileCheck %s --check-prefix=SUMMARY --input-file=%t/conv.timeloop.json
//
// Designs the co-optimizer chooses (strided, grouped, depthwise, GEMM; one
// to three levels): every file parses back as JSON (and so as YAML 1.2)
// with its one top-level key.
// RUN: rm -rf %t.co && mkdir %t.co
// RUN: digamma-opt %S/export-maestro.mlir --digamma-lower-to-loop-nest --digamma-co-optimize="samples=300 min-levels=1 max-levels=3 seed=3" --digamma-export-timeloop=dir=%t.co -o /dev/null
// RUN: %python -c "import glob, json, sys; files = sorted(glob.glob(sys.argv[1] + '/*.yaml')); keys = [list(json.load(open(f))) for f in files]; print(len(files), 'files;', sorted(set(k for ks in keys for k in ks)))" %t.co | FileCheck %s --check-prefix=PARSED

// FILES: conv.0.arch.yaml
// FILES-NEXT: conv.0.map.yaml
// FILES-NEXT: conv.0.problem.yaml
// FILES-NEXT: conv.timeloop.json
// FILES-NOT: {{.}}

// PROBLEM: "problem": {
// PROBLEM: "dimensions": [
// PROBLEM-NEXT: "R",
// PROBLEM-NEXT: "S",
// PROBLEM-NEXT: "P",
// PROBLEM-NEXT: "Q",
// PROBLEM-NEXT: "C",
// PROBLEM-NEXT: "M",
// PROBLEM-NEXT: "N"
// PROBLEM: "instance": {
// PROBLEM-NEXT: "R": 3,
// PROBLEM-NEXT: "S": 3,
// PROBLEM-NEXT: "P": 8,
// PROBLEM-NEXT: "Q": 8,
// PROBLEM-NEXT: "C": 16,
// PROBLEM-NEXT: "M": 16,
// PROBLEM-NEXT: "N": 1,
// PROBLEM-NEXT: "Wstride": 1,

// The off-chip link: 16 bytes per cycle are 4 words of 4 bytes.
// ARCH: "version": "0.3",
// ARCH: "name": "DRAM",
// ARCH-NEXT: "class": "DRAM",
// ARCH-NEXT: "attributes": {
// ARCH-NEXT: "width": 32,
// ARCH-NEXT: "word_bits": 32,
// ARCH-NEXT: "block_size": 1,
// ARCH-NEXT: "shared_bandwidth": 4.0
// ARCH: "name": "GlobalBuffer",
// ARCH-NEXT: "class": "SRAM",
// ARCH-NEXT: "attributes": {
// ARCH-NEXT: "depth": 5000,
// ARCH-NOT: bandwidth
// ARCH: "name": "Cluster1[0..3]",
// ARCH: "meshX": 1
// ARCH: "name": "PE[0..3]",
// ARCH: "name": "PEBuffer",
// ARCH-NEXT: "class": "regfile",
// ARCH-NEXT: "attributes": {
// ARCH-NEXT: "depth": 400,
// ARCH: "meshX": 4
// ARCH: "name": "MAC",
// ARCH-NEXT: "class": "intmac",

// MAP: "target": "DRAM",
// MAP-NEXT: "type": "temporal",
// MAP-NEXT: "factors": "R=1 S=1 P=1 Q=2 C=2 M=1 N=1",
// MAP-NEXT: "permutation": "RSPQCMN"
// MAP: "target": "GlobalBuffer",
// MAP-NEXT: "type": "temporal",
// MAP-NEXT: "factors": "R=1 S=1 P=1 Q=1 C=1 M=1 N=1",
// MAP: "target": "GlobalBuffer",
// MAP-NEXT: "type": "spatial",
// MAP-NEXT: "factors": "R=1 S=1 P=1 Q=1 C=1 M=4 N=1",
// MAP-NEXT: "permutation": "MRSPQCN",
// MAP-NEXT: "split": 0
// MAP: "target": "Cluster1",
// MAP-NEXT: "type": "temporal",
// MAP-NEXT: "factors": "R=1 S=1 P=2 Q=1 C=1 M=4 N=1",
// MAP: "target": "Cluster1",
// MAP-NEXT: "type": "spatial",
// MAP-NEXT: "factors": "R=1 S=1 P=1 Q=1 C=4 M=1 N=1",
// MAP-NEXT: "permutation": "CRSPQMN",
// MAP-NEXT: "split": 7
// MAP: "target": "Cluster1",
// MAP-NEXT: "type": "bypass",
// MAP-NEXT: "keep": [],
// MAP: "target": "PEBuffer",
// MAP-NEXT: "type": "temporal",
// MAP-NEXT: "factors": "R=3 S=3 P=4 Q=4 C=2 M=1 N=1",

// SUMMARY: "function": "conv",
// SUMMARY: "cycles": 1234,
// SUMMARY: "timeloop_model_command": "timeloop-model conv.0.arch.yaml conv.0.problem.yaml conv.0.map.yaml",
// SUMMARY-NEXT: "warnings": []

// PARSED: 24 files; ['architecture', 'mapping', 'problem']

func.func @conv(%in: tensor<1x16x10x10xf32>, %w: tensor<16x16x3x3xf32>, %out: tensor<1x16x8x8xf32>) -> tensor<1x16x8x8xf32> {
  %0 = linalg.conv_2d_nchw_fchw {
         digamma.cost = #digamma.cost<cycles = 1234, macs = 147456, energy_nj = 1.0, area_um2 = 1000.0, l1_bytes = 1600, l2_bytes = 20000, utilization = 1.0>,
         digamma.hw = #digamma.hw<num_pes = 16, cluster_sizes = [4, 4], l1_bytes = 1600, l2_bytes = 20000, noc_bandwidth = 4294967296, offchip_bandwidth = 16, area_um2 = 1000.0, element_bytes = 4>,
         digamma.loop_nest = #digamma.loop_nest<conv, dims = [n: 1 parallel N, f: 16 parallel K, oh: 8 parallel Y, ow: 8 parallel X, c: 16 reduction C, kh: 3 window R, kw: 3 window S], strides = [1, 1], dilations = [1, 1], operands = [(n, c, oh + kh, ow + kw) : 4, (f, c, kh, kw) : 4, (n, f, oh, ow) : 4]>,
         digamma.mapping = #digamma.mapping<levels = [#digamma.level<parallel = K, cluster = 1, order = [K, C, Y, X, R, S], tiles = [4, 8, 4, 8, 3, 3]>, #digamma.level<parallel = C, cluster = 4, order = [K, C, Y, X, R, S], tiles = [1, 2, 4, 4, 3, 3]>]>}
       ins(%in, %w : tensor<1x16x10x10xf32>, tensor<16x16x3x3xf32>) outs(%out : tensor<1x16x8x8xf32>) -> tensor<1x16x8x8xf32>
  return %0 : tensor<1x16x8x8xf32>
}
