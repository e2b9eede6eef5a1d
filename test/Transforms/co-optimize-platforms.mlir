// Platforms: a bundled one by name, a file by path, bandwidth options, and
// bad files, each with its message (docs/platforms.md).
//
// edge-lpddr4's 17 B/cycle off-chip and 64 B/cycle NoC go into #digamma.hw
// (bytes per cycle), and the cost gains the design's DRAM bytes and what
// bounds it.
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="platform=edge-lpddr4 samples=500" | FileCheck %s --check-prefix=LPDDR4
// LPDDR4: digamma.cost = #digamma.cost<cycles = {{[0-9]+}}, {{.*}}, offchip_bytes = {{[0-9]+}}, limited_by = "{{compute|noc|offchip}}">
// LPDDR4-SAME: digamma.hw = #digamma.hw<num_pes = {{[0-9]+}}, {{.*}}, noc_bandwidth = 64, offchip_bandwidth = 17,
//
// The paper's edge: unbounded (2^30 elements of 4 bytes), no off-chip
// figures in the cost.
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="platform=edge samples=500" | FileCheck %s --check-prefix=EDGE
// EDGE: digamma.cost = #digamma.cost<cycles = {{[0-9]+}}, {{.*}}, utilization = {{[0-9.e+-]+}}>
// EDGE-SAME: noc_bandwidth = 4294967296, offchip_bandwidth = 4294967296,
//
// Options override the platform's bandwidths.
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="platform=edge offchip-bandwidth=3 noc-bandwidth=32 samples=500" | FileCheck %s --check-prefix=OPTIONS
// OPTIONS: offchip_bytes = {{[0-9]+}}, limited_by = "{{compute|noc|offchip}}">
// OPTIONS-SAME: noc_bandwidth = 32, offchip_bandwidth = 3,
//
// A platform file, also through the pipeline.
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="platform-file=%S/Inputs/platforms/tiny-dram.json samples=500" | FileCheck %s --check-prefix=FILE
// RUN: digamma-opt %s --digamma-pipeline="platform-file=%S/Inputs/platforms/tiny-dram.json samples=500" | FileCheck %s --check-prefix=FILE
// FILE: noc_bandwidth = 4294967296, offchip_bandwidth = 8,
//
// The JSON report: per-tensor DRAM traffic, operational intensity, the
// busy cycles and the bound, and the bandwidths in bytes per cycle.
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="platform=edge-lpddr4 samples=500 report=%t.json" -o /dev/null
// RUN: FileCheck %s --check-prefix=REPORT < %t.json
// REPORT: "offchip": {
// REPORT-NEXT: "compute_cycles": {{[0-9]+}},
// REPORT-NEXT: "energy_nj": {{[0-9.e+-]+}},
// REPORT-NEXT: "input_read_bytes": {{[1-9][0-9]*}},
// REPORT-NEXT: "limited_by": "{{compute|noc|offchip}}",
// REPORT-NEXT: "noc_cycles": {{[0-9]+}},
// REPORT-NEXT: "offchip_cycles": {{[0-9]+}},
// REPORT-NEXT: "operational_intensity_macs_per_byte": {{[0-9.e+-]+}},
// REPORT-NEXT: "output_read_bytes": {{[0-9]+}},
// REPORT-NEXT: "output_write_bytes": {{[1-9][0-9]*}},
// REPORT-NEXT: "total_bytes": {{[1-9][0-9]*}},
// REPORT-NEXT: "weight_read_bytes": {{[1-9][0-9]*}}
// REPORT: "noc_bw_bytes_per_cycle": 64,
// REPORT-NEXT: "noc_bw_elements_per_cycle": 16,
// REPORT: "offchip_bw_bytes_per_cycle": 17,
// REPORT-NEXT: "offchip_bw_elements_per_cycle": 4
//
// Bad platforms and bandwidths.
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="platform-file=%S/Inputs/platforms/missing-field.json" 2>&1 | FileCheck %s --check-prefix=MISSING
// MISSING: error: digamma-co-optimize: {{.*}}missing-field.json: fields: field 'clock_ghz': missing
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="platform-file=%S/Inputs/platforms/no-source.json" 2>&1 | FileCheck %s --check-prefix=NOSOURCE
// NOSOURCE: error: digamma-co-optimize: {{.*}}no-source.json: field 'offchip_bytes_per_cycle': field 'source': missing
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="platform-file=%S/Inputs/platforms/unknown-field.json" 2>&1 | FileCheck %s --check-prefix=UNKNOWN
// UNKNOWN: error: digamma-co-optimize: {{.*}}unknown-field.json: fields: field 'offchip_bandwidth': unknown field; the fields are area_mm2,
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="platform-file=%S/Inputs/platforms/bad-bandwidth.json" 2>&1 | FileCheck %s --check-prefix=BANDWIDTH
// BANDWIDTH: error: digamma-co-optimize: {{.*}}bad-bandwidth.json: field 'offchip_bytes_per_cycle': field 'value': expected a whole number of bytes per cycle or "unbounded", got 2.4
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="platform-file=%S/Inputs/platforms/negative-area.json" 2>&1 | FileCheck %s --check-prefix=AREA
// AREA: error: digamma-co-optimize: {{.*}}negative-area.json: field 'area_mm2': field 'value': expected a number in [1e-09, 1e+06], got -1
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="platform-file=%S/Inputs/platforms/bad-shape.json" 2>&1 | FileCheck %s --check-prefix=SHAPE
// SHAPE: error: digamma-co-optimize: {{.*}}bad-shape.json: fields: field 'array_rows': the array is 12 x 12 PEs, but num_pes is 168
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="platform-file=%S/Inputs/platforms/half-fixed.json" 2>&1 | FileCheck %s --check-prefix=HALF
// HALF: error: digamma-co-optimize: {{.*}}half-fixed.json: fields: field 'array_rows': missing: fixed hardware needs num_pes, array_rows, array_columns, l1_bytes and l2_bytes
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="platform-file=%S/Inputs/platforms/bad-name.json" 2>&1 | FileCheck %s --check-prefix=NAME
// NAME: error: digamma-co-optimize: {{.*}}bad-name.json: field 'name': 'my platform' is not a name: up to 64 letters, digits, '_' and '-'
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="platform-file=%S/Inputs/platforms/syntax.json" 2>&1 | FileCheck %s --check-prefix=SYNTAX
// SYNTAX: error: digamma-co-optimize: {{.*}}syntax.json:4:10: invalid JSON: syntax error while parsing object - unexpected string literal; expected '}'
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="platform-file=%t.none.json" 2>&1 | FileCheck %s --check-prefix=NOFILE
// NOFILE: error: digamma-co-optimize: {{.*}}.none.json: cannot read the file
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="offchip-bandwidth=-1" 2>&1 | FileCheck %s --check-prefix=NEGATIVE
// NEGATIVE: error: digamma-co-optimize: offchip-bandwidth must not be negative, got -1
// RUN: not digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="noc-bandwidth=-5" 2>&1 | FileCheck %s --check-prefix=NOCNEGATIVE
// NOCNEGATIVE: error: digamma-co-optimize: noc-bandwidth must not be negative, got -5

func.func @conv(%in: tensor<1x16x18x18xf32>, %w: tensor<32x16x3x3xf32>,
                %out: tensor<1x32x16x16xf32>) -> tensor<1x32x16x16xf32> {
  %0 = linalg.conv_2d_nchw_fchw {strides = dense<1> : tensor<2xi64>, dilations = dense<1> : tensor<2xi64>}
       ins(%in, %w : tensor<1x16x18x18xf32>, tensor<32x16x3x3xf32>)
       outs(%out : tensor<1x32x16x16xf32>) -> tensor<1x32x16x16xf32>
  return %0 : tensor<1x32x16x16xf32>
}
