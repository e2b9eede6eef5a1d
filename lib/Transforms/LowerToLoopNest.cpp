//===- LowerToLoopNest.cpp - Describe linalg ops as loop nests ------------===//
//
// The --digamma-lower-to-loop-nest pass: classifies every linalg op from its
// indexing maps as a convolution or a contraction and attaches a
// #digamma.loop_nest attribute mapping its loops onto the canonical
// dimensions N, K, C, Y, X, R, S (and G for groups).
//
// Contractions are recognized with upstream linalg::inferContractionDims on
// the maps of the first two inputs and the init. Convolutions use the same
// set logic as upstream linalg::inferConvolutionDims, generalized to ops with
// extra scalar inputs (the zero points of the `_q` ops) and keeping the
// pairing of each output image loop with its filter loop, which the
// canonical Y/R and X/S roles need.
//
//===----------------------------------------------------------------------===//

#include "digamma/Dialect/Digamma/IR/DigammaDialect.h"
#include "digamma/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/IR/LinalgInterfaces.h"
#include "mlir/IR/AffineExpr.h"
#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallSet.h"

namespace digamma {
#define GEN_PASS_DEF_LOWERTOLOOPNESTPASS
#include "digamma/Transforms/Passes.h.inc"
} // namespace digamma

using namespace mlir;
using namespace digamma;

namespace {

/// One loop of the description being built.
struct DimInfo {
  std::string name;
  IteratorKind kind = IteratorKind::Parallel;
  DimRole role = DimRole::N;
  bool assigned = false;
};

/// A window pair read from an input expression `a * stride + b * dilation`.
struct WindowPair {
  unsigned image;
  unsigned filter;
  int64_t stride;
  int64_t dilation;
};

/// Result of classifying an op: either a description or the reason why
/// there is none. `isCandidate` is false for ops that are neither a
/// convolution nor a contraction (they are skipped silently).
struct Classification {
  bool isCandidate = false;
  std::string reason;
  LayerClass layerClass = LayerClass::Conv;
  SmallVector<DimInfo> dims;
  /// Window pairs, in the order of the loops of their filter dims.
  SmallVector<WindowPair> windows;
};

} // namespace

/// Returns the positions of the plain-dimension results of \p map, or
/// failure if a result is not a plain dimension or a dimension repeats.
static FailureOr<SmallVector<unsigned>> getPlainDims(AffineMap map) {
  SmallVector<unsigned> dims;
  for (AffineExpr expr : map.getResults()) {
    auto dim = dyn_cast<AffineDimExpr>(expr);
    if (!dim || llvm::is_contained(dims, dim.getPosition()))
      return failure();
    dims.push_back(dim.getPosition());
  }
  return dims;
}

/// Decomposes `d * c` or `d` into (position, coefficient).
static std::optional<std::pair<unsigned, int64_t>> getScaledDim(AffineExpr e) {
  if (auto dim = dyn_cast<AffineDimExpr>(e))
    return std::make_pair(dim.getPosition(), int64_t(1));
  auto mul = dyn_cast<AffineBinaryOpExpr>(e);
  if (!mul || mul.getKind() != AffineExprKind::Mul)
    return std::nullopt;
  auto dim = dyn_cast<AffineDimExpr>(mul.getLHS());
  auto cst = dyn_cast<AffineConstantExpr>(mul.getRHS());
  if (!dim || !cst || cst.getValue() <= 0)
    return std::nullopt;
  return std::make_pair(dim.getPosition(), cst.getValue());
}

/// True if the payload ends in an add whose operands come (through casts and
/// zero-point subtractions) from a multiply: a multiply-accumulate.
static bool hasMultiplyAccumulateBody(linalg::LinalgOp op) {
  Block *body = op.getBlock();
  if (!body || body->empty())
    return false;
  auto yield = dyn_cast<linalg::YieldOp>(body->getTerminator());
  if (!yield || yield.getNumOperands() != 1)
    return false;
  Operation *acc = yield.getOperand(0).getDefiningOp();
  if (!isa_and_nonnull<arith::AddFOp, arith::AddIOp>(acc))
    return false;
  return llvm::any_of(body->getOperations(), [](Operation &inner) {
    return isa<arith::MulFOp, arith::MulIOp>(inner);
  });
}

/// Gives every dim in \p positions the name \p base (suffixed with an index
/// when there are several), \p kind and \p role.
static void assign(SmallVectorImpl<DimInfo> &dims, ArrayRef<unsigned> positions,
                   StringRef base, IteratorKind kind, DimRole role) {
  for (auto [index, pos] : llvm::enumerate(positions)) {
    DimInfo &info = dims[pos];
    info.name = base.str();
    if (positions.size() > 1 && index > 0)
      info.name += std::to_string(index);
    info.kind = kind;
    info.role = role;
    info.assigned = true;
  }
}

/// Checks that the op's remaining inputs (beyond the first two) are scalars,
/// as the zero points of the quantized ops are.
static bool extraInputsAreScalars(linalg::LinalgOp op) {
  for (OpOperand *operand : op.getDpsInputOperands())
    if (operand->getOperandNumber() >= 2 &&
        op.getMatchingIndexingMap(operand).getNumResults() != 0)
      return false;
  return op.getNumDpsInits() == 1;
}

/// Tries to classify \p op as a convolution.
static Classification classifyConvolution(linalg::LinalgOp op) {
  Classification result;
  if (op.getNumDpsInputs() < 2 || !extraInputsAreScalars(op))
    return result;
  AffineMap inputMap = op.getMatchingIndexingMap(op.getDpsInputOperand(0));
  AffineMap filterMap = op.getMatchingIndexingMap(op.getDpsInputOperand(1));
  AffineMap outputMap = op.getMatchingIndexingMap(op.getDpsInitOperand(0));
  if (inputMap.getNumSymbols() || filterMap.getNumSymbols() ||
      outputMap.getNumSymbols())
    return result;
  FailureOr<SmallVector<unsigned>> filterDims = getPlainDims(filterMap);
  FailureOr<SmallVector<unsigned>> outputDims = getPlainDims(outputMap);
  if (failed(filterDims) || failed(outputDims))
    return result;

  // Split the input's results into plain dims and window pairs.
  SmallVector<unsigned> inputDims;
  SmallVector<WindowPair> pairs;
  llvm::SmallSet<unsigned, 8> seenInInput;
  for (AffineExpr expr : inputMap.getResults()) {
    if (auto dim = dyn_cast<AffineDimExpr>(expr)) {
      if (!seenInInput.insert(dim.getPosition()).second)
        return result;
      inputDims.push_back(dim.getPosition());
      continue;
    }
    auto add = dyn_cast<AffineBinaryOpExpr>(expr);
    if (!add || add.getKind() != AffineExprKind::Add)
      return result;
    auto lhs = getScaledDim(add.getLHS());
    auto rhs = getScaledDim(add.getRHS());
    if (!lhs || !rhs)
      return result;
    if (!seenInInput.insert(lhs->first).second ||
        !seenInInput.insert(rhs->first).second)
      return result;
    // The image loop indexes the output; the filter loop the filter.
    bool lhsIsImage = llvm::is_contained(*outputDims, lhs->first);
    auto image = lhsIsImage ? *lhs : *rhs;
    auto filter = lhsIsImage ? *rhs : *lhs;
    if (!llvm::is_contained(*outputDims, image.first) ||
        llvm::is_contained(*filterDims, image.first) ||
        !llvm::is_contained(*filterDims, filter.first) ||
        llvm::is_contained(*outputDims, filter.first))
      return result;
    pairs.push_back({image.first, filter.first, image.second, filter.second});
  }
  if (pairs.empty())
    return result;

  auto inInput = [&](unsigned d) { return llvm::is_contained(inputDims, d); };
  auto inFilter = [&](unsigned d) {
    return llvm::is_contained(*filterDims, d);
  };
  auto inOutput = [&](unsigned d) {
    return llvm::is_contained(*outputDims, d);
  };

  SmallVector<unsigned> batch, depth, outChannel, inChannel;
  unsigned numLoops = op.getNumLoops();
  SmallVector<utils::IteratorType> iterators = op.getIteratorTypesArray();
  llvm::SmallSet<unsigned, 8> inPairs;
  for (const WindowPair &pair : pairs) {
    inPairs.insert(pair.image);
    inPairs.insert(pair.filter);
    if (iterators[pair.image] != utils::IteratorType::parallel ||
        iterators[pair.filter] != utils::IteratorType::reduction)
      return result;
  }
  for (unsigned d = 0; d < numLoops; ++d) {
    if (inPairs.contains(d))
      continue;
    bool i = inInput(d), f = inFilter(d), o = inOutput(d);
    utils::IteratorType expected = utils::IteratorType::parallel;
    if (i && o && !f)
      batch.push_back(d);
    else if (i && f && o)
      depth.push_back(d);
    else if (!i && f && o)
      outChannel.push_back(d);
    else if (i && f && !o) {
      inChannel.push_back(d);
      expected = utils::IteratorType::reduction;
    } else {
      return result; // A loop a convolution does not have.
    }
    if (iterators[d] != expected)
      return result;
  }

  // From here on the op is a convolution; failures are reported.
  result.isCandidate = true;
  if (pairs.size() > 3) {
    result.reason = "convolution with " + std::to_string(pairs.size()) +
                    " spatial dimensions is not supported (at most 3)";
    return result;
  }
  // Order the pairs by their filter loop so that strides line up with the
  // window dims in loop order.
  llvm::sort(pairs, [](const WindowPair &a, const WindowPair &b) {
    return a.filter < b.filter;
  });

  result.dims.resize(numLoops);
  bool grouped = !depth.empty() && !inChannel.empty();
  bool depthwise = !depth.empty() && inChannel.empty();
  assign(result.dims, batch, "n", IteratorKind::Parallel, DimRole::N);
  if (grouped) {
    // Groups are independent convolutions: the cost model folds G into N.
    assign(result.dims, depth, "g", IteratorKind::Parallel, DimRole::G);
    assign(result.dims, outChannel, "f", IteratorKind::Parallel, DimRole::K);
  } else if (depthwise) {
    // Depthwise: channels (times the channel multiplier) are C; K is 1.
    assign(result.dims, depth, "c", IteratorKind::Parallel, DimRole::C);
    assign(result.dims, outChannel, "m", IteratorKind::Parallel, DimRole::C);
  } else {
    assign(result.dims, outChannel, "f", IteratorKind::Parallel, DimRole::K);
  }
  if (!depthwise)
    assign(result.dims, inChannel, "c", IteratorKind::Reduction, DimRole::C);

  // Spatial pairs: 1 -> (Y, R); 2 -> (Y, R), (X, S); 3 -> the outermost
  // (depth) output loop is folded into N and its filter loop into C.
  static const char *imageNames3[] = {"od", "oh", "ow"};
  static const char *filterNames3[] = {"kd", "kh", "kw"};
  size_t first = 3 - pairs.size();
  for (auto [index, pair] : llvm::enumerate(pairs)) {
    size_t slot = first + index;
    if (pairs.size() == 1)
      slot = 1;
    DimRole imageRole = DimRole::Y, filterRole = DimRole::R;
    if (pairs.size() == 3 && index == 0) {
      imageRole = DimRole::N;
      filterRole = DimRole::C;
    } else if (index == pairs.size() - 1 && pairs.size() > 1) {
      imageRole = DimRole::X;
      filterRole = DimRole::S;
    }
    assign(result.dims, {pair.image}, imageNames3[slot], IteratorKind::Parallel,
           imageRole);
    assign(result.dims, {pair.filter}, filterNames3[slot], IteratorKind::Window,
           filterRole);
  }
  result.windows = pairs;
  result.layerClass = depthwise ? LayerClass::Depthwise : LayerClass::Conv;
  return result;
}

/// Tries to classify \p op as a contraction (GEMM).
static Classification classifyContraction(linalg::LinalgOp op) {
  Classification result;
  bool isNamedContraction =
      isa<linalg::ContractionOpInterface>(op.getOperation());
  if (op.getNumDpsInputs() < 2 || !extraInputsAreScalars(op)) {
    if (isNamedContraction) {
      result.isCandidate = true;
      result.reason = "contraction operands are not two tensors and scalars";
    }
    return result;
  }
  SmallVector<AffineMap> maps = {
      op.getMatchingIndexingMap(op.getDpsInputOperand(0)),
      op.getMatchingIndexingMap(op.getDpsInputOperand(1)),
      op.getMatchingIndexingMap(op.getDpsInitOperand(0))};
  bool projected = llvm::all_of(maps, [](AffineMap map) {
    return map.getNumSymbols() == 0 && map.isProjectedPermutation();
  });
  FailureOr<linalg::ContractionDimensions> dims =
      projected ? linalg::inferContractionDims(maps)
                : FailureOr<linalg::ContractionDimensions>(failure());
  unsigned numLoops = op.getNumLoops();
  if (failed(dims) || dims->m.empty() || dims->n.empty() || dims->k.empty() ||
      dims->batch.size() + dims->m.size() + dims->n.size() + dims->k.size() !=
          numLoops) {
    if (isNamedContraction) {
      result.isCandidate = true;
      result.reason = "contraction is not a matrix multiplication (needs M, N "
                      "and K dimensions)";
    }
    return result;
  }
  SmallVector<utils::IteratorType> iterators = op.getIteratorTypesArray();
  for (unsigned d : dims->k)
    if (iterators[d] != utils::IteratorType::reduction)
      return result;
  result.isCandidate = true;
  result.dims.resize(numLoops);
  // GEMM (M, N, K) as GAMMA describes it: K := N, C := K, Y := M. Batch and
  // all but the innermost M loop fold into N.
  SmallVector<unsigned> outerM(dims->m.begin(), dims->m.end() - 1);
  assign(result.dims, dims->batch, "b", IteratorKind::Parallel, DimRole::N);
  assign(result.dims, outerM, "mb", IteratorKind::Parallel, DimRole::N);
  assign(result.dims, {dims->m.back()}, "m", IteratorKind::Parallel,
         DimRole::Y);
  assign(result.dims, dims->n, "n", IteratorKind::Parallel, DimRole::K);
  assign(result.dims, dims->k, "k", IteratorKind::Reduction, DimRole::C);
  result.layerClass = LayerClass::Gemm;
  return result;
}

/// Builds the attribute for a classified op, or returns the reason why not.
static FailureOr<LoopNestAttr>
buildLoopNest(linalg::LinalgOp op, Classification &cls, std::string &reason) {
  if (llvm::any_of(cls.dims, [](const DimInfo &d) { return !d.assigned; })) {
    reason = "a loop has no canonical role";
    return failure();
  }
  // Complex MACs have a complex body: name the element type instead.
  for (OpOperand &operand : op->getOpOperands()) {
    Type type = getElementTypeOrSelf(operand.get().getType());
    if (isa<ComplexType>(type)) {
      std::string typeName;
      llvm::raw_string_ostream os(typeName);
      os << type;
      reason = "operand #" + std::to_string(operand.getOperandNumber()) +
               " has complex elements ('" + typeName +
               "'); only integer and floating-point MACs are modeled";
      return failure();
    }
  }
  if (!hasMultiplyAccumulateBody(op)) {
    reason = "body is not a multiply-accumulate";
    return failure();
  }
  if (op.hasDynamicShape()) {
    reason = "dynamic shapes are not supported";
    return failure();
  }
  SmallVector<int64_t> bounds = op.getStaticLoopRanges();
  for (auto [index, bound] : llvm::enumerate(bounds)) {
    if (ShapedType::isDynamic(bound)) {
      reason = "dynamic shapes are not supported";
      return failure();
    }
    if (bound == 0) {
      reason = "zero-size dimension '" + cls.dims[index].name + "'";
      return failure();
    }
  }

  MLIRContext *ctx = op.getContext();
  SmallVector<int64_t> elementBytes;
  for (OpOperand &operand : op->getOpOperands()) {
    Type type = getElementTypeOrSelf(operand.get().getType());
    if (!type.isIntOrFloat()) {
      reason = "operand #" + std::to_string(operand.getOperandNumber()) +
               " has an element type without a byte size";
      return failure();
    }
    elementBytes.push_back((type.getIntOrFloatBitWidth() + 7) / 8);
  }

  SmallVector<StringAttr> names;
  SmallVector<IteratorKind> kinds;
  SmallVector<DimRole> roles;
  for (const DimInfo &dim : cls.dims) {
    names.push_back(StringAttr::get(ctx, dim.name));
    kinds.push_back(dim.kind);
    roles.push_back(dim.role);
  }
  SmallVector<int64_t> strides, dilations;
  for (const WindowPair &pair : cls.windows) {
    strides.push_back(pair.stride);
    dilations.push_back(pair.dilation);
  }
  SmallVector<AffineMap> maps = op.getIndexingMapsArray();
  for (AffineMap map : maps) {
    if (!isSumOfScaledDims(map)) {
      reason = "indexing maps are not sums of scaled dimensions";
      return failure();
    }
  }
  // The classification guarantees a valid description; check it anyway
  // (silently) so that a bug shows up as a remark, not an invalid attribute.
  if (failed(LoopNestAttr::verify(
          [&]() {
            InFlightDiagnostic diag = mlir::emitError(op.getLoc());
            diag.abandon();
            return diag;
          },
          cls.layerClass, names, bounds, kinds, roles, strides, dilations, maps,
          elementBytes))) {
    reason = "the description does not verify";
    return failure();
  }
  return LoopNestAttr::get(ctx, cls.layerClass, names, bounds, kinds, roles,
                           strides, dilations, maps, elementBytes);
}

namespace {

struct LowerToLoopNestPass
    : public digamma::impl::LowerToLoopNestPassBase<LowerToLoopNestPass> {
  using Base::Base;

  void runOnOperation() override {
    DigammaDialect::LoopNestAttrHelper helper(&getContext());
    getOperation()->walk([&](linalg::LinalgOp op) {
      if (!overwrite && helper.isAttrPresent(op))
        return;
      Classification cls = classifyConvolution(op);
      if (!cls.isCandidate)
        cls = classifyContraction(op);
      if (!cls.isCandidate) {
        // A named convolution whose maps the analysis does not accept.
        if (isa<linalg::ConvolutionOpInterface>(op.getOperation()) &&
            emitRemarks)
          op->emitRemark("digamma: not described: convolution indexing maps "
                         "are not supported");
        return;
      }
      std::string reason = cls.reason;
      FailureOr<LoopNestAttr> loopNest =
          reason.empty() ? buildLoopNest(op, cls, reason)
                         : FailureOr<LoopNestAttr>(failure());
      if (failed(loopNest)) {
        if (emitRemarks)
          op->emitRemark("digamma: not described: ") << reason;
        return;
      }
      helper.setAttr(op, *loopNest);
    });
  }
};

} // namespace
