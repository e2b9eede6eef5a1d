//===- CostModelBridge.h - digamma attributes <-> cost model ----*- C++ -*-===//
//
// The only code that knows both the IR attributes and the MLIR-free cost
// model vocabulary (digamma/CostModel/Problem.h): conversions between
// #digamma.loop_nest / mapping / hw and cost::Layer / Mapping / Hardware.
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_TRANSFORMS_COSTMODELBRIDGE_H
#define DIGAMMA_TRANSFORMS_COSTMODELBRIDGE_H

#include "digamma/CostModel/Problem.h"
#include "digamma/Dialect/Digamma/IR/DigammaAttrs.h"

#include "llvm/Support/JSON.h"

namespace digamma {

/// Canonical layer of a loop nest: N is the product of the N and G dims
/// (groups the product of the G dims), K and C the products of their dims,
/// R and S the filter extents, dilations the window dims' dilations, and Y
/// and X the input extents (OY - 1) * strideY + (R - 1) * dilationY + 1 and
/// (OX - 1) * strideX + (S - 1) * dilationX + 1, so that the cost model's
/// output extents equal the loop nest's. Element sizes are left to the
/// hardware's (see setOperandBytes()). Fails if an extent, the MAC count or
/// a tensor volume overflows int64.
mlir::FailureOr<cost::Layer> toCostLayer(LoopNestAttr loopNest);

/// Gives \p layer the loop nest's per-tensor element sizes: its first
/// operand is the input, its second the weight (filter or right-hand
/// matrix), its last the output (quantized ops' zero points sit between).
/// An i8 x i8 -> i32 convolution gets 1, 1 and 4 bytes.
void setOperandBytes(cost::Layer &layer, LoopNestAttr loopNest);

/// Converts a verified mapping; fails for more than cost::kMaxLevels levels.
mlir::FailureOr<cost::Mapping> toCostMapping(MappingAttr mapping);

/// Builds the mapping attribute of \p mapping's first numLevels levels.
MappingAttr toMappingAttr(mlir::MLIRContext *ctx, const cost::Mapping &mapping);

/// Converts a hardware attribute. Byte sizes and bandwidths are divided by
/// the attribute's element_bytes (bandwidths rounded up to at least 1);
/// cluster sizes and area have no counterpart in cost::Hardware.
cost::Hardware toCostHardware(HwAttr hw);

/// Builds a hardware attribute. \p clusterSizes defaults to {numPEs};
/// unbounded capacities map to INT64_MAX bytes (and back). \p layer's own
/// element sizes, if it has any that differ from the hardware's word,
/// become the attribute's tensor_bytes.
HwAttr toHwAttr(mlir::MLIRContext *ctx, const cost::Hardware &hw,
                llvm::ArrayRef<int64_t> clusterSizes = {},
                double areaUm2 = 0.0, const cost::Layer *layer = nullptr);

/// Gives \p layer the element sizes \p hw's tensor_bytes records, if any.
void setTensorBytes(cost::Layer &layer, HwAttr hw);

/// The layer as the passes' JSON reports write it: class, N, K, C, Y, X, R,
/// S, [strideY, strideX], and [dilationY, dilationX] and groups where they
/// are not 1.
llvm::json::Object toJson(const cost::Layer &layer);

/// The mapping as the passes' JSON reports write it: per level, outermost
/// first, the parallel dimension, cluster size, loop order and tiles.
llvm::json::Array toJson(const cost::Mapping &mapping);

} // namespace digamma

#endif // DIGAMMA_TRANSFORMS_COSTMODELBRIDGE_H
