//===- InitAll.h - Register everything digamma provides ---------*- C++ -*-===//
//
// The entry points a downstream `*-opt` tool (or any MLIRContext owner) calls
// to use digamma: dialects, external models and extensions, passes and
// pipelines. They register only what digamma needs, never all of MLIR, so
// they can sit next to a tool's own explicit lists.
//
//   mlir::DialectRegistry registry;
//   digamma::registerAllDialects(registry);
//   digamma::registerAllExtensions(registry);
//   digamma::registerAllPasses();
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_INITALL_H
#define DIGAMMA_INITALL_H

namespace mlir {
class DialectRegistry;
} // namespace mlir

namespace digamma {

/// Inserts the digamma dialect and the upstream dialects of the IR the
/// digamma passes read, annotate and create: func, arith, affine, linalg,
/// memref, scf and tensor, and the transform dialect that holds
/// `transform.digamma.tile_by_mapping`.
void registerAllDialects(mlir::DialectRegistry &registry);

/// Registers the external interface models and dialect extensions digamma
/// relies on: linalg's and tensor's TilingInterface implementations (without
/// them a walk over TilingInterface silently matches nothing in a release
/// build) and digamma's transform-dialect extension
/// (`transform.digamma.tile_by_mapping`).
void registerAllExtensions(mlir::DialectRegistry &registry);

/// Registers every digamma pass (`--digamma-lower-to-loop-nest`,
/// `--digamma-co-optimize`, ...) and pipeline (`--digamma-pipeline`) with
/// the global pass registry, for `--pass-pipeline` and the tool's flags.
void registerAllPasses();

} // namespace digamma

#endif // DIGAMMA_INITALL_H
