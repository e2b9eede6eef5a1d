// A module with a data layout (dlti and llvm attributes on the module and on
// a function), LLVM-dialect functions, globals and types, and vector code
// next to the layers: the layers are described, designed and materialized;
// everything else comes out exactly as upstream mlir-opt prints it. With
// scope=model the shared chip joins the module's attributes, which are kept.
//
// RUN: mlir-opt %s -o %t.upstream.mlir
// RUN: digamma-opt %s --digamma-pipeline="samples=300" -o %t.designed.mlir
// RUN: FileCheck %s --input-file=%t.designed.mlir
// RUN: grep -v "digamma\." %t.designed.mlir > %t.designed-rest.mlir
// RUN: grep -v -E "linalg\.(conv|matmul)" %t.upstream.mlir > %t.upstream-rest.mlir
// RUN: diff %t.upstream-rest.mlir %t.designed-rest.mlir
//
// RUN: digamma-opt %s --digamma-pipeline="samples=300 scope=model" | FileCheck %s --check-prefix=MODEL
// RUN: digamma-opt %t.designed.mlir --digamma-materialize | FileCheck %s --check-prefix=TILED --implicit-check-not="digamma.mapping ="

// CHECK: module attributes {dlti.dl_spec = #dlti.dl_spec<index = 64 : i64, i64 = dense<64> : vector<2xi64>, "dlti.endianness" = "little", "dlti.stack_alignment" = 128 : i64>, llvm.data_layout = "{{[^"]+}}", llvm.target_triple = "x86_64-unknown-linux-gnu"} {
// CHECK-LABEL: func.func @layer
// CHECK: linalg.conv_2d_nchw_fchw {digamma.cost = #digamma.cost<{{.*}}>, digamma.hw = #digamma.hw<{{.*}}>, digamma.loop_nest = #digamma.loop_nest<conv, dims = [n: 1 parallel N, f: 16 parallel K, oh: 8 parallel Y, ow: 8 parallel X, c: 8 reduction C, kh: 3 window R, kw: 3 window S], {{.*}}>, digamma.mapping = #digamma.mapping<levels = [
// CHECK: linalg.matmul {digamma.cost = #digamma.cost<{{.*}}>, digamma.hw = #digamma.hw<{{.*}}>, digamma.loop_nest = #digamma.loop_nest<gemm, dims = [m: 64 parallel Y, n: 48 parallel K, k: 32 reduction C], {{.*}}>, digamma.mapping = #digamma.mapping<levels = [

// MODEL: module attributes {digamma.hw = #digamma.hw<{{.*}}>, dlti.dl_spec = #dlti.dl_spec<index = 64 : i64, i64 = dense<64> : vector<2xi64>, "dlti.endianness" = "little", "dlti.stack_alignment" = 128 : i64>, llvm.data_layout = "{{[^"]+}}", llvm.target_triple = "x86_64-unknown-linux-gnu"} {
// MODEL: func.func @dot4(%{{.*}}: vector<4xf32>, %{{.*}}: vector<4xf32>) -> f32 attributes {dlti.dl_spec = #dlti.dl_spec<index = 32 : i64>} {
// MODEL-COUNT-2: digamma.mapping = #digamma.mapping

// TILED-LABEL: func.func @alloc_bytes
// TILED: llvm.getelementptr
// TILED-LABEL: func.func @dot4
// TILED: vector.reduction <add>
// TILED-LABEL: func.func @layer
// TILED-COUNT-2: {mapping = [#digamma.pe_level<0>]}

module attributes {dlti.dl_spec = #dlti.dl_spec<index = 64 : i64, i64 = dense<64> : vector<2xi64>, "dlti.endianness" = "little", "dlti.stack_alignment" = 128 : i64>, llvm.data_layout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128", llvm.target_triple = "x86_64-unknown-linux-gnu"} {
  llvm.func @malloc(i64) -> !llvm.ptr
  llvm.mlir.global internal constant @greeting("hello\00") {addr_space = 0 : i32}
  func.func private @runtime_hook(!llvm.ptr, i64) -> !llvm.struct<(ptr, i64)>
  func.func @alloc_bytes(%n: i64) -> !llvm.ptr {
    %p = llvm.call @malloc(%n) : (i64) -> !llvm.ptr
    %q = llvm.getelementptr %p[1] : (!llvm.ptr) -> !llvm.ptr, i8
    return %q : !llvm.ptr
  }
  func.func @dot4(%a: vector<4xf32>, %b: vector<4xf32>) -> f32 attributes {dlti.dl_spec = #dlti.dl_spec<index = 32 : i64>} {
    %m = arith.mulf %a, %b : vector<4xf32>
    %r = vector.reduction <add>, %m : vector<4xf32> into f32
    return %r : f32
  }
  func.func @layer(%i: tensor<1x8x10x10xf32>, %f: tensor<16x8x3x3xf32>, %o: tensor<1x16x8x8xf32>, %a: tensor<64x32xf32>, %b: tensor<32x48xf32>, %c: tensor<64x48xf32>) -> (tensor<1x16x8x8xf32>, tensor<64x48xf32>) {
    %0 = linalg.conv_2d_nchw_fchw ins(%i, %f : tensor<1x8x10x10xf32>, tensor<16x8x3x3xf32>) outs(%o : tensor<1x16x8x8xf32>) -> tensor<1x16x8x8xf32>
    %1 = linalg.matmul ins(%a, %b : tensor<64x32xf32>, tensor<32x48xf32>) outs(%c : tensor<64x48xf32>) -> tensor<64x48xf32>
    return %0, %1 : tensor<1x16x8x8xf32>, tensor<64x48xf32>
  }
}
