// The testing aid --test-digamma-forall-isolation runs forall iterations as
// if concurrent: each starts from the memory the loop started with, and the
// elements it changes are stored after the loop. Iterations that accumulate
// into one element (a race scf.forall forbids) keep only the last
// iteration's value, where a sequential lowering adds them all up;
// iterations writing disjoint elements give the sequential result.
//
// REQUIRES: mlir-runner
// RUN: sed -n '/^\/\/ RUNNABLE/,$p' %s > %t.input.mlir
// RUN: digamma-opt %t.input.mlir --scf-forall-to-for --convert-linalg-to-loops | %mlir_run_main | FileCheck %s --check-prefix=SEQUENTIAL
// RUN: digamma-opt %t.input.mlir --test-digamma-forall-isolation --convert-linalg-to-loops | %mlir_run_main | FileCheck %s --check-prefix=ISOLATED
//
// Foralls on tensors are rejected: the aid runs after bufferization.
// RUN: sed -n '1,/^\/\/ RUNNABLE/p' %s | digamma-opt --test-digamma-forall-isolation -verify-diagnostics

// SEQUENTIAL: data =
// SEQUENTIAL-NEXT: [10, 0, 0, 0]
// SEQUENTIAL: data =
// SEQUENTIAL-NEXT: [1, 2, 3, 4]
// ISOLATED: data =
// ISOLATED-NEXT: [4, 0, 0, 0]
// ISOLATED: data =
// ISOLATED-NEXT: [1, 2, 3, 4]

func.func @on_tensors(%t: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @below {{test-digamma-forall-isolation: the forall has tensor results; run it after bufferization}}
  %r = scf.forall (%i) in (4) shared_outs(%o = %t) -> tensor<4xf32> {
    %s = tensor.extract_slice %o[%i] [1] [1] : tensor<4xf32> to tensor<1xf32>
    scf.forall.in_parallel {
      tensor.parallel_insert_slice %s into %o[%i] [1] [1] : tensor<1xf32> into tensor<4xf32>
    }
  }
  return %r : tensor<4xf32>
}

// RUNNABLE
func.func private @printMemrefF32(memref<*xf32>) attributes {llvm.emit_c_interface}

func.func @main() {
  %c0 = arith.constant 0 : index
  %zero = arith.constant 0.0 : f32
  %racy = memref.alloc() : memref<4xf32>
  %disjoint = memref.alloc() : memref<4xf32>
  linalg.fill ins(%zero : f32) outs(%racy : memref<4xf32>)
  linalg.fill ins(%zero : f32) outs(%disjoint : memref<4xf32>)
  // Every iteration adds i + 1 to element 0.
  scf.forall (%i) in (4) {
    %old = memref.load %racy[%c0] : memref<4xf32>
    %n = arith.index_cast %i : index to i32
    %f = arith.sitofp %n : i32 to f32
    %one = arith.constant 1.0 : f32
    %inc = arith.addf %f, %one : f32
    %new = arith.addf %old, %inc : f32
    memref.store %new, %racy[%c0] : memref<4xf32>
  }
  // Iteration i writes i + 1 to element i, through a view.
  scf.forall (%i) in (4) {
    %view = memref.subview %disjoint[%i] [1] [1] : memref<4xf32> to memref<1xf32, strided<[1], offset: ?>>
    %n = arith.index_cast %i : index to i32
    %f = arith.sitofp %n : i32 to f32
    %one = arith.constant 1.0 : f32
    %value = arith.addf %f, %one : f32
    memref.store %value, %view[%c0] : memref<1xf32, strided<[1], offset: ?>>
  }
  %u = memref.cast %racy : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  %v = memref.cast %disjoint : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%v) : (memref<*xf32>) -> ()
  memref.dealloc %racy : memref<4xf32>
  memref.dealloc %disjoint : memref<4xf32>
  return
}
