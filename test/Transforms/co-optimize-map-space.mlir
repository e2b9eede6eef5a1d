// --digamma-co-optimize honours map spaces: the constraint option, a
// digamma.map_space on the module and on an op (the op's wins), in every
// mode. Every output is parsed again, so the digamma.mapping verifier checks
// each mapping against the map space the IR declares.
//
// The module declares an NVDLA-like space: K across clusters, C across 16 PEs.
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="samples=800 seed=3" -o %t.attr.mlir
// RUN: digamma-opt %t.attr.mlir | FileCheck %s --check-prefix=ATTR
// RUN: %python %S/Inputs/check-designs.py %t.attr.mlir --budget-um2 200000 --expect-ops 3 | FileCheck %s --check-prefix=DESIGNS
//
// The constraint option on a module without a space: the bundled tpu, from
// the pass and from the pipeline.
// RUN: sed -e 's/digamma.map_space =/unused.map_space =/' %s | digamma-opt --digamma-lower-to-loop-nest --digamma-co-optimize="samples=800 seed=3 constraint=tpu" | FileCheck %s --check-prefix=TPU
// RUN: sed -e 's/digamma.map_space =/unused.map_space =/' %s | digamma-opt --digamma-pipeline="samples=800 seed=3 constraint=tpu" | FileCheck %s --check-prefix=TPU
//
// Both: the module's attribute wins, with a warning at the module.
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="samples=800 seed=3 constraint=tpu" 2>&1 | FileCheck %s --check-prefixes=WARN,ATTR
//
// Fixed hardware, and a dataflow's hardware found by grid search: inside the
// space too (row-stationary.json admits the eyeriss dataflow; R sizes its
// cluster).
// RUN: digamma-opt %s --digamma-lower-to-loop-nest --digamma-co-optimize="samples=800 seed=3 mode=fixed-hw num-pes=64 l1-bytes=4096 l2-bytes=1048576" | digamma-opt | FileCheck %s --check-prefix=FIXED
// RUN: sed -e 's/digamma.map_space =/unused.map_space =/' %s | digamma-opt --digamma-lower-to-loop-nest --digamma-co-optimize="samples=300 mode=fixed-mapping dataflow=eyeriss constraint-file=%S/Inputs/row-stationary.json" | FileCheck %s --check-prefix=GRID

// DESIGNS: checked 3 designs
// WARN: warning: digamma-co-optimize: this digamma.map_space 'kc16' takes precedence over the constraint option's map space 'tpu' for the ops it governs

// ATTR-LABEL: func.func @layers
// ATTR: linalg.matmul
// ATTR-SAME: digamma.mapping = #digamma.mapping<levels = [#digamma.level<parallel = K, cluster = 1, {{.*}}>, #digamma.level<parallel = C, cluster = 16, {{.*}}>]>
// ATTR: linalg.conv_2d_nchw_fchw
// ATTR-SAME: digamma.mapping = #digamma.mapping<levels = [#digamma.level<parallel = K, cluster = 1, {{.*}}>, #digamma.level<parallel = C, cluster = 16, {{.*}}>]>
// The op's own space: Y across clusters of 4, a fixed order.
// ATTR: linalg.conv_2d_nchw_fchw
// ATTR-SAME: digamma.mapping = #digamma.mapping<levels = [#digamma.level<parallel = Y, cluster = 1, order = [X, Y, {{.*}}>, #digamma.level<parallel = {{[KCYXRS]}}, cluster = 4, {{.*}}>]>

// TPU-COUNT-3: digamma.mapping = #digamma.mapping<levels = [#digamma.level<parallel = K, cluster = 1, order = [K, C, Y, R, S, X], tiles = [{{[0-9]+}}, 1, {{[0-9]+}}, 1, 1, 1]>, #digamma.level<parallel = C, cluster = 16, order = [K, C, Y, R, S, X], tiles = [1, 1, 1, 1, 1, 1]>]>

// FIXED-COUNT-2: digamma.hw = #digamma.hw<num_pes = 64, cluster_sizes = [4, 16]
// FIXED: digamma.hw = #digamma.hw<num_pes = 64, cluster_sizes = [16, 4]

// GRID: linalg.matmul
// GRID-SAME: digamma.mapping = #digamma.mapping<levels = [#digamma.level<parallel = Y, cluster = 1, {{.*}}>, #digamma.level<parallel = Y, cluster = 1,
// GRID: linalg.conv_2d_nchw_fchw
// GRID-SAME: digamma.mapping = #digamma.mapping<levels = [#digamma.level<parallel = Y, cluster = 1, {{.*}}>, #digamma.level<parallel = R, cluster = 3,

module attributes {digamma.map_space = #digamma.map_space<name = "kc16", levels = [
    #digamma.map_space_level<parallel = [K]>,
    #digamma.map_space_level<parallel = [C], size = 16>]>} {
func.func @layers(%a: tensor<64x32xf32>, %b: tensor<32x48xf32>, %c: tensor<64x48xf32>,
                  %x: tensor<1x16x18x18xf32>, %w: tensor<64x16x3x3xf32>,
                  %o: tensor<1x64x16x16xf32>)
    -> (tensor<64x48xf32>, tensor<1x64x16x16xf32>, tensor<1x64x16x16xf32>) {
  %0 = linalg.matmul ins(%a, %b : tensor<64x32xf32>, tensor<32x48xf32>) outs(%c : tensor<64x48xf32>) -> tensor<64x48xf32>
  %1 = linalg.conv_2d_nchw_fchw ins(%x, %w : tensor<1x16x18x18xf32>, tensor<64x16x3x3xf32>) outs(%o : tensor<1x64x16x16xf32>) -> tensor<1x64x16x16xf32>
  %2 = linalg.conv_2d_nchw_fchw {digamma.map_space = #digamma.map_space<name = "y4", levels = [#digamma.map_space_level<parallel = [Y], order = [X, Y]>, #digamma.map_space_level<size = 4>]>}
      ins(%x, %w : tensor<1x16x18x18xf32>, tensor<64x16x3x3xf32>) outs(%o : tensor<1x64x16x16xf32>) -> tensor<1x64x16x16xf32>
  return %0, %1, %2 : tensor<64x48xf32>, tensor<1x64x16x16xf32>, tensor<1x64x16x16xf32>
}
}
