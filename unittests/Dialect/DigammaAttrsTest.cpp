//===- DigammaAttrsTest.cpp - Verifier messages only C++ reaches ----------===//
//
// The attribute assembly keeps some lists in step: it reads a dimension's
// name, bound, iterator and role together, an element size after every
// operand, rejects a dimension name the first time it repeats, builds index
// expressions over the nest's own dimensions only, and does not accept an
// empty cluster_sizes list. The verifier checks these too, for attributes
// built in C++; getChecked must fail there with its message.
//
//===----------------------------------------------------------------------===//

#include "digamma/Dialect/Digamma/IR/DigammaAttrs.h"
#include "digamma/Dialect/Digamma/IR/DigammaDialect.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"

#include <gtest/gtest.h>

using namespace mlir;
using namespace digamma;

namespace {

/// The lists of a #digamma.loop_nest, valid as given: the GEMM
/// C[m, n] += A[m, k] * B[k, n].
struct LoopNestParts {
  SmallVector<StringAttr> names;
  SmallVector<int64_t> bounds = {8, 32, 16};
  SmallVector<IteratorKind> iterators = {
      IteratorKind::Parallel, IteratorKind::Parallel, IteratorKind::Reduction};
  SmallVector<DimRole> roles = {DimRole::Y, DimRole::K, DimRole::C};
  SmallVector<AffineMap> maps;
  SmallVector<int64_t> elementBytes = {4, 4, 4};
};

class DigammaAttrsTest : public ::testing::Test {
protected:
  DigammaAttrsTest() { ctx.loadDialect<DigammaDialect>(); }

  LoopNestParts gemm() {
    LoopNestParts parts;
    for (StringRef name : {"m", "n", "k"})
      parts.names.push_back(StringAttr::get(&ctx, name));
    AffineExpr m = getAffineDimExpr(0, &ctx), n = getAffineDimExpr(1, &ctx),
               k = getAffineDimExpr(2, &ctx);
    parts.maps = {AffineMap::get(3, 0, {m, k}, &ctx),
                  AffineMap::get(3, 0, {k, n}, &ctx),
                  AffineMap::get(3, 0, {m, n}, &ctx)};
    return parts;
  }

  /// The error getChecked reports for \p parts ("" if it succeeds).
  std::string loopNestError(const LoopNestParts &parts) {
    return capture([&](auto emitError) {
      return LoopNestAttr::getChecked(
          emitError, &ctx, LayerClass::Gemm, parts.names, parts.bounds,
          parts.iterators, parts.roles, /*strides=*/{}, /*dilations=*/{},
          parts.maps, parts.elementBytes);
    });
  }

  std::string hwError(ArrayRef<int64_t> clusterSizes,
                      ArrayRef<int64_t> tensorBytes = {}) {
    return capture([&](auto emitError) {
      int64_t numPEs = 16, l1Bytes = 64, l2Bytes = 1024, nocBandwidth = 8,
              offchipBandwidth = 4, elementBytes = 4;
      return HwAttr::getChecked(emitError, &ctx, numPEs, clusterSizes, l1Bytes,
                                l2Bytes, nocBandwidth, offchipBandwidth,
                                llvm::APFloat(1.0), elementBytes, tensorBytes);
    });
  }

  /// Runs \p build with an error emitter at a known location; returns the
  /// one error it reported, or "" if it built an attribute without one.
  template <typename Build> std::string capture(Build build) {
    Location loc = FileLineColLoc::get(&ctx, "attrs.mlir", 3, 7);
    std::string message;
    int errors = 0;
    ScopedDiagnosticHandler handler(&ctx, [&](Diagnostic &diag) {
      EXPECT_EQ(diag.getSeverity(), DiagnosticSeverity::Error);
      EXPECT_EQ(diag.getLocation(), loc);
      message = diag.str();
      ++errors;
      return success();
    });
    Attribute attr = build([&] { return emitError(loc); });
    EXPECT_EQ(errors, attr ? 0 : 1);
    return message;
  }

  MLIRContext ctx;
};

TEST_F(DigammaAttrsTest, TheBaselinesVerify) {
  EXPECT_EQ(loopNestError(gemm()), "");
  EXPECT_EQ(hwError({4, 2}), "");
}

TEST_F(DigammaAttrsTest, DimensionListsOfDifferentLengths) {
  const char *message = "dimension names, bounds, iterators and roles must "
                        "have the same length";
  LoopNestParts parts = gemm();
  parts.roles.pop_back();
  EXPECT_EQ(loopNestError(parts), message);
  parts = gemm();
  parts.iterators.push_back(IteratorKind::Parallel);
  EXPECT_EQ(loopNestError(parts), message);
  parts = gemm();
  parts.names.pop_back();
  EXPECT_EQ(loopNestError(parts), message);
}

TEST_F(DigammaAttrsTest, OneElementSizePerOperand) {
  LoopNestParts parts = gemm();
  parts.elementBytes.pop_back();
  EXPECT_EQ(loopNestError(parts),
            "expected one element size per indexing map");
  parts = gemm();
  parts.elementBytes.push_back(2);
  EXPECT_EQ(loopNestError(parts),
            "expected one element size per indexing map");
}

TEST_F(DigammaAttrsTest, RepeatedDimensionName) {
  LoopNestParts parts = gemm();
  parts.names[2] = parts.names[0];
  EXPECT_EQ(loopNestError(parts), "dimension name 'm' is used twice");
}

TEST_F(DigammaAttrsTest, IndexExpressionsAreSumsOfTheNestsDimensions) {
  // A map over another number of dimensions, and a map with a modulo.
  LoopNestParts parts = gemm();
  parts.maps[1] = AffineMap::get(
      2, 0, {getAffineDimExpr(0, &ctx), getAffineDimExpr(1, &ctx)}, &ctx);
  EXPECT_EQ(loopNestError(parts),
            "operand #1 must be indexed by sums of scaled dimensions");
  parts = gemm();
  parts.maps[2] = AffineMap::get(
      3, 0, {getAffineDimExpr(0, &ctx) % 2, getAffineDimExpr(1, &ctx)}, &ctx);
  EXPECT_EQ(loopNestError(parts),
            "operand #2 must be indexed by sums of scaled dimensions");
}

TEST_F(DigammaAttrsTest, ClusterSizesMustNotBeEmpty) {
  EXPECT_EQ(hwError({}), "expected at least one cluster size");
}

TEST_F(DigammaAttrsTest, TensorBytesAreThreeSizesWithinTheWord) {
  EXPECT_EQ(hwError({4}, {1, 1, 4}), "");
  EXPECT_EQ(hwError({4}, {1, 4}),
            "tensor_bytes needs the input's, weight's and output's element "
            "size, got 2 values");
  EXPECT_EQ(hwError({4}, {1, 0, 4}),
            "tensor_bytes must be positive and at most element_bytes (4), got "
            "0");
  EXPECT_EQ(hwError({4}, {1, 8, 4}),
            "tensor_bytes must be positive and at most element_bytes (4), got "
            "8");
}

} // namespace
