// What the Timeloop files approximate is a warning on the op; what they say
// differently but exactly is a remark. The files are written all the same.
// The design is unittests/Api/TimeloopExportTest.cpp's
// EdgesAreResidualsOrRoundedUpParents: a level-0 X' tile of 5 is no whole
// number of level-1 tiles of 2; 10 PEs of which the mapping uses 9.
//
// RUN: rm -rf %t && mkdir %t
// RUN: digamma-opt %s --digamma-export-timeloop=dir=%t -verify-diagnostics -o /dev/null
// RUN: FileCheck %s --input-file=%t/edges.timeloop.json

// CHECK: "notes": [
// CHECK-NEXT: "the hardware has 10 PEs and the mapping spreads over 9; Timeloop's array has only those (DiGamma counts the idle ones in area, not in time)"
// CHECK: "warnings": [
// CHECK-NEXT: "level 0's X' tile (Timeloop P) of 5 is no whole number of level 1's tiles, which Timeloop needs below the top level; exported as 6"

func.func @edges(%in: tensor<1x4x9x9xf32>, %w: tensor<6x4x3x3xf32>, %out: tensor<1x6x7x7xf32>) -> tensor<1x6x7x7xf32> {
  // expected-warning @below {{digamma-export-timeloop: level 0's X' tile (Timeloop P) of 5 is no whole number of level 1's tiles, which Timeloop needs below the top level; exported as 6}}
  // expected-remark @below {{digamma-export-timeloop: the hardware has 10 PEs and the mapping spreads over 9; Timeloop's array has only those (DiGamma counts the idle ones in area, not in time)}}
  %0 = linalg.conv_2d_nchw_fchw {
         digamma.hw = #digamma.hw<num_pes = 10, cluster_sizes = [3, 3], l1_bytes = 4096, l2_bytes = 65536, noc_bandwidth = 4294967296, offchip_bandwidth = 4294967296, area_um2 = 1000.0, element_bytes = 4>,
         digamma.loop_nest = #digamma.loop_nest<conv, dims = [n: 1 parallel N, f: 6 parallel K, oh: 7 parallel Y, ow: 7 parallel X, c: 4 reduction C, kh: 3 window R, kw: 3 window S], strides = [1, 1], dilations = [1, 1], operands = [(n, c, oh + kh, ow + kw) : 4, (f, c, kh, kw) : 4, (n, f, oh, ow) : 4]>,
         digamma.mapping = #digamma.mapping<levels = [#digamma.level<parallel = K, cluster = 1, order = [K, C, Y, X, R, S], tiles = [2, 4, 3, 5, 3, 3]>, #digamma.level<parallel = C, cluster = 3, order = [K, C, Y, X, R, S], tiles = [1, 2, 1, 2, 3, 3]>]>}
       ins(%in, %w : tensor<1x4x9x9xf32>, tensor<6x4x3x3xf32>) outs(%out : tensor<1x6x7x7xf32>) -> tensor<1x6x7x7xf32>
  return %0 : tensor<1x6x7x7xf32>
}
