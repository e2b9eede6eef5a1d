// --digamma-export-maestro writes a MAESTRO file per annotated op and a JSON
// and a CSV summary per function; digamma-cost, run with the summary's
// flags on each file, gives the cycles, MACs and L1/L2 sizes of the op's
// digamma.cost (round trip, checked by Inputs/check-maestro-roundtrip.py).
//
// Strided, batched, grouped, depthwise, 3-D and GEMM layers with one to
// three levels and 1-, 2- and 4-byte elements, sound semantics:
// RUN: rm -rf %t.dir && mkdir %t.dir
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="samples=600 min-levels=1 max-levels=3 seed=3" -o %t.annotated.mlir
// RUN: digamma-opt %t.annotated.mlir --digamma-export-maestro=dir=%t.dir | diff - %t.annotated.mlir
// RUN: %python %S/Inputs/check-maestro-roundtrip.py digamma-cost %t.annotated.mlir %t.dir --expect-ops 8 | FileCheck %s --check-prefix=ROUNDTRIP
// RUN: ls %t.dir | FileCheck %s --check-prefix=FILES
// RUN: FileCheck %s --check-prefix=MAESTRO --input-file=%t.dir/layers.1.m
// RUN: FileCheck %s --check-prefix=JSON --input-file=%t.dir/layers.json
// RUN: FileCheck %s --check-prefix=CSV --input-file=%t.dir/layers.csv
//
// The same layers with one and with three levels:
// RUN: rm -rf %t.l1 && mkdir %t.l1
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="samples=600 min-levels=1 max-levels=1 seed=3" --digamma-export-maestro=dir=%t.l1 -o %t.l1.mlir
// RUN: %python %S/Inputs/check-maestro-roundtrip.py digamma-cost %t.l1.mlir %t.l1 --expect-ops 8 | FileCheck %s --check-prefix=ROUNDTRIP
// RUN: FileCheck %s --check-prefix=LEVELS1 --input-file=%t.l1/layers.json
// RUN: rm -rf %t.l3 && mkdir %t.l3
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="samples=600 min-levels=3 max-levels=3 seed=3" --digamma-export-maestro=dir=%t.l3 -o %t.l3.mlir
// RUN: %python %S/Inputs/check-maestro-roundtrip.py digamma-cost %t.l3.mlir %t.l3 --expect-ops 8 | FileCheck %s --check-prefix=ROUNDTRIP
// RUN: FileCheck %s --check-prefix=LEVELS3 --input-file=%t.l3/layers.json
//
// A bundled model (ResNet-18 through the pipeline, 20 layers):
// RUN: rm -rf %t.r18 && mkdir %t.r18
// RUN: digamma-opt %models/resnet18.mlir --digamma-pipeline="samples=400" --digamma-export-maestro=dir=%t.r18 -o %t.r18.mlir
// RUN: %python %S/Inputs/check-maestro-roundtrip.py digamma-cost %t.r18.mlir %t.r18 --expect-ops 20 | FileCheck %s --check-prefix=R18
//
// MAESTRO semantics (MobileNet-V2, depthwise layers included): the files
// round-trip through digamma-cost's default semantics too.
// RUN: rm -rf %t.mnv2 && mkdir %t.mnv2
// RUN: digamma-opt %models/mobilenet_v2.mlir --digamma-pipeline="samples=300 semantics=maestro" --digamma-export-maestro="dir=%t.mnv2 semantics=maestro" -o %t.mnv2.mlir
// RUN: %python %S/Inputs/check-maestro-roundtrip.py digamma-cost %t.mnv2.mlir %t.mnv2 | FileCheck %s --check-prefix=MNV2
// RUN: FileCheck %s --check-prefix=MNV2-FLAGS --input-file=%t.mnv2/mobilenet_v2.json

// ROUNDTRIP: round trip: 8 ops agree
// LEVELS1-COUNT-8: "levels": 1,
// LEVELS1-NOT: "levels"
// LEVELS3-COUNT-8: "levels": 3,
// LEVELS3-NOT: "levels"
// R18: round trip: 20 ops agree
// MNV2: round trip: {{[1-9][0-9]*}} ops agree
// MNV2-FLAGS: "--semantics=maestro"

// FILES: layers.0.m
// FILES-NEXT: layers.1.m
// FILES-NEXT: layers.2.m
// FILES-NEXT: layers.3.m
// FILES-NEXT: layers.4.m
// FILES-NEXT: layers.5.m
// FILES-NEXT: layers.6.m
// FILES-NEXT: layers.7.m
// FILES-NEXT: layers.csv
// FILES-NEXT: layers.json
// FILES-NOT: {{.}}

// The strided, batched convolution: MAESTRO's Stride block and batch N.
// MAESTRO: Network layers {
// MAESTRO-NEXT: Layer layers_1 {
// MAESTRO-NEXT: Type: CONV
// MAESTRO-NEXT: Stride { X: 2, Y: 2 }
// MAESTRO-NEXT: Dimensions { N: 2, K: 8, C: 4, Y: 11, X: 11, R: 3, S: 3 }
// MAESTRO-NEXT: Dataflow {
// MAESTRO: SpatialMap(
// MAESTRO: }

// JSON: "function": "layers",
// JSON: "cost": {
// JSON-NEXT: "area_um2":
// JSON: "cycles":
// JSON: "digamma_cost_command": "digamma-cost --num_pes={{[0-9]+}} --l1_size_cstr={{[0-9]+}} --l2_size_cstr={{[0-9]+}} --noc_bw_cstr={{[0-9]+}} --offchip_bw_cstr={{[0-9]+}} --semantics=sound layers.0.m",
// JSON: "element_bytes": 4,
// JSON: "hw": {
// JSON: "mapping_file": "layers.0.m",
// JSON: "op": "linalg.matmul",
// JSON: "problem": {
// JSON: "class": "gemm",
// JSON: "element_bytes": 1,
// JSON: "op": "linalg.depthwise_conv_2d_nhwc_hwc",
// JSON: "semantics": "sound"

// CSV: function,index,op,loc,mapping_file,class,N,K,C,Y,X,R,S,stride_y,stride_x,levels,element_bytes,num_pes,l1_size_cstr,l2_size_cstr,noc_bw_cstr,offchip_bw_cstr,semantics,cycles,macs,energy_nj,area_um2,l1_bytes,l2_bytes,utilization
// CSV-NEXT: layers,0,linalg.matmul,"loc({{.*}})",layers.0.m,gemm,1,9,20,12,1,1,1,1,1,{{[123]}},4,
// CSV-NEXT: layers,1,linalg.conv_2d_nchw_fchw,"loc({{.*}})",layers.1.m,conv,2,8,4,11,11,3,3,2,2,
// CSV-COUNT-6: layers,{{[2-7]}},linalg.

func.func @layers(%a: tensor<12x20xf32>, %b: tensor<20x9xf32>, %c: tensor<12x9xf32>,
                  %x: tensor<2x4x11x11xf32>, %w: tensor<8x4x3x3xf32>, %o: tensor<2x8x5x5xf32>,
                  %gx: tensor<1x2x3x7x7xf16>, %gw: tensor<2x4x3x3x3xf16>, %go: tensor<1x2x4x5x5xf16>,
                  %dx: tensor<1x9x9x5xi8>, %dw: tensor<3x3x5xi8>, %do: tensor<1x4x4x5xi8>,
                  %mx: tensor<1x6x6x3xf32>, %mw: tensor<3x3x3x2xf32>, %mo: tensor<1x4x4x3x2xf32>,
                  %vx: tensor<1x4x5x5x2xf32>, %vw: tensor<2x2x2x2x3xf32>, %vo: tensor<1x3x4x4x3xf32>,
                  %ba: tensor<3x5x7xf32>, %bb: tensor<3x7x6xf32>, %bc: tensor<3x5x6xf32>,
                  %la: tensor<64x32xf32>, %lb: tensor<32x48xf32>, %lc: tensor<64x48xf32>)
    -> (tensor<12x9xf32>, tensor<2x8x5x5xf32>, tensor<1x2x4x5x5xf16>, tensor<1x4x4x5xi8>,
        tensor<1x4x4x3x2xf32>, tensor<1x3x4x4x3xf32>, tensor<3x5x6xf32>, tensor<64x48xf32>) {
  %0 = linalg.matmul ins(%a, %b : tensor<12x20xf32>, tensor<20x9xf32>) outs(%c : tensor<12x9xf32>) -> tensor<12x9xf32>
  %1 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
       ins(%x, %w : tensor<2x4x11x11xf32>, tensor<8x4x3x3xf32>) outs(%o : tensor<2x8x5x5xf32>) -> tensor<2x8x5x5xf32>
  %2 = linalg.conv_2d_ngchw_gfchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
       ins(%gx, %gw : tensor<1x2x3x7x7xf16>, tensor<2x4x3x3x3xf16>) outs(%go : tensor<1x2x4x5x5xf16>) -> tensor<1x2x4x5x5xf16>
  %3 = linalg.depthwise_conv_2d_nhwc_hwc {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
       ins(%dx, %dw : tensor<1x9x9x5xi8>, tensor<3x3x5xi8>) outs(%do : tensor<1x4x4x5xi8>) -> tensor<1x4x4x5xi8>
  %4 = linalg.depthwise_conv_2d_nhwc_hwcm {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
       ins(%mx, %mw : tensor<1x6x6x3xf32>, tensor<3x3x3x2xf32>) outs(%mo : tensor<1x4x4x3x2xf32>) -> tensor<1x4x4x3x2xf32>
  %5 = linalg.conv_3d_ndhwc_dhwcf {dilations = dense<1> : tensor<3xi64>, strides = dense<1> : tensor<3xi64>}
       ins(%vx, %vw : tensor<1x4x5x5x2xf32>, tensor<2x2x2x2x3xf32>) outs(%vo : tensor<1x3x4x4x3xf32>) -> tensor<1x3x4x4x3xf32>
  %6 = linalg.batch_matmul ins(%ba, %bb : tensor<3x5x7xf32>, tensor<3x7x6xf32>) outs(%bc : tensor<3x5x6xf32>) -> tensor<3x5x6xf32>
  %7 = linalg.matmul ins(%la, %lb : tensor<64x32xf32>, tensor<32x48xf32>) outs(%lc : tensor<64x48xf32>) -> tensor<64x48xf32>
  return %0, %1, %2, %3, %4, %5, %6, %7 : tensor<12x9xf32>, tensor<2x8x5x5xf32>, tensor<1x2x4x5x5xf16>, tensor<1x4x4x5xi8>,
                                          tensor<1x4x4x3x2xf32>, tensor<1x3x4x4x3xf32>, tensor<3x5x6xf32>, tensor<64x48xf32>
}
