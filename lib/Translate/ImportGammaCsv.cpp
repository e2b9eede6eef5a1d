//===- ImportGammaCsv.cpp - GAMMA layer tables to linalg ------------------===//
//
// GAMMA's model tables are read by cost::parseGammaTable (the format and its
// rules are documented there); this file turns its layers into linalg ops.
// Y and X are input extents; as in MAESTRO, strides are 1 and the output
// extent is Y - R + 1. Tables do not chain layers, so every layer gets its
// own input and filter arguments and its result is returned.
//
//===----------------------------------------------------------------------===//

#include "digamma/Translate/ImportGammaCsv.h"

#include "digamma/CostModel/GammaTable.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Tools/mlir-translate/Translation.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"

using namespace mlir;

namespace digamma {
namespace {

/// Builds the linalg ops of one table.
class GammaImporter {
public:
  GammaImporter(MLIRContext *context, const GammaImportOptions &options)
      : context(context), options(options) {}

  OwningOpRef<ModuleOp> import(llvm::SourceMgr &sourceMgr);

private:
  Type inputElementType();
  Type accumulatorElementType();
  std::string functionName(llvm::StringRef fileName) const;

  MLIRContext *context;
  const GammaImportOptions &options;
};

} // namespace

Type GammaImporter::inputElementType() {
  switch (options.elementType) {
  case GammaElementType::F16:
    return Float16Type::get(context);
  case GammaElementType::I8:
    return IntegerType::get(context, 8);
  case GammaElementType::F32:
    break;
  }
  return Float32Type::get(context);
}

Type GammaImporter::accumulatorElementType() {
  if (options.elementType == GammaElementType::I8)
    return IntegerType::get(context, 32);
  return inputElementType();
}

std::string GammaImporter::functionName(llvm::StringRef fileName) const {
  std::string name = options.modelName;
  if (name.empty())
    name = llvm::sys::path::stem(fileName).str();
  // Keep symbol names bare: anything but [A-Za-z0-9_] becomes '_'.
  for (char &c : name)
    if (!llvm::isAlnum(c) && c != '_')
      c = '_';
  if (name.empty() || llvm::isDigit(name.front()))
    name = "model_" + name;
  return name;
}

OwningOpRef<ModuleOp> GammaImporter::import(llvm::SourceMgr &sourceMgr) {
  const llvm::MemoryBuffer *buffer =
      sourceMgr.getMemoryBuffer(sourceMgr.getMainFileID());
  llvm::StringRef fileName = buffer->getBufferIdentifier();
  cost::GammaTable table = cost::parseGammaTable(buffer->getBuffer().str());
  auto lineLoc = [&](int line) {
    return FileLineColLoc::get(context, fileName, line, 1);
  };
  if (table.failed()) {
    emitError(lineLoc(table.errorLine)) << table.errorMessage;
    return nullptr;
  }

  context->loadDialect<arith::ArithDialect, func::FuncDialect,
                       linalg::LinalgDialect, tensor::TensorDialect>();
  Type elementType = inputElementType();
  Type accType = accumulatorElementType();

  // Operand and result shapes per layer (NCHW / FCHW for convolutions; FC
  // is a GEMM with M = 1).
  SmallVector<Type> argTypes, resultTypes;
  for (const cost::Layer &layer : table.layers) {
    auto tensor = [&](llvm::ArrayRef<int64_t> shape, Type type) {
      return RankedTensorType::get(shape, type);
    };
    switch (layer.layerClass) {
    case cost::LayerClass::Conv:
      argTypes.push_back(tensor({1, layer.c, layer.y, layer.x}, elementType));
      argTypes.push_back(
          tensor({layer.k, layer.c, layer.r, layer.s}, elementType));
      resultTypes.push_back(
          tensor({1, layer.k, layer.outY(), layer.outX()}, accType));
      break;
    case cost::LayerClass::DepthwiseConv:
      argTypes.push_back(tensor({1, layer.c, layer.y, layer.x}, elementType));
      argTypes.push_back(tensor({layer.c, layer.r, layer.s}, elementType));
      resultTypes.push_back(
          tensor({1, layer.c, layer.outY(), layer.outX()}, accType));
      break;
    case cost::LayerClass::Gemm: // M x K times K x N (Y := M, C := K, K := N).
      argTypes.push_back(tensor({layer.y, layer.c}, elementType));
      argTypes.push_back(tensor({layer.c, layer.k}, elementType));
      resultTypes.push_back(tensor({layer.y, layer.k}, accType));
      break;
    }
  }

  Location moduleLoc = FileLineColLoc::get(context, fileName, 1, 1);
  OwningOpRef<ModuleOp> module = ModuleOp::create(moduleLoc);
  OpBuilder builder(module->getBodyRegion());
  auto function =
      func::FuncOp::create(builder, moduleLoc, functionName(fileName),
                           builder.getFunctionType(argTypes, resultTypes));
  Block *body = function.addEntryBlock();
  builder.setInsertionPointToStart(body);
  Value zero = arith::ConstantOp::create(builder, moduleLoc, accType,
                                         builder.getZeroAttr(accType));

  SmallVector<Value> results;
  for (auto [index, layer] : llvm::enumerate(table.layers)) {
    Value input = body->getArgument(2 * index);
    Value filter = body->getArgument(2 * index + 1);
    auto resultType = cast<RankedTensorType>(resultTypes[index]);
    Location loc = lineLoc(table.layerLines[index]);
    Value empty =
        tensor::EmptyOp::create(builder, loc, resultType.getShape(), accType);
    Value init = linalg::FillOp::create(builder, loc, zero, empty).result();
    Operation *op = nullptr;
    switch (layer.layerClass) {
    case cost::LayerClass::Conv:
      op = linalg::Conv2DNchwFchwOp::create(builder, loc, resultType,
                                            ValueRange{input, filter}, init);
      break;
    case cost::LayerClass::DepthwiseConv:
      op = linalg::DepthwiseConv2DNchwChwOp::create(
          builder, loc, resultType, ValueRange{input, filter}, init);
      break;
    case cost::LayerClass::Gemm:
      op = linalg::MatmulOp::create(builder, loc, resultType,
                                    ValueRange{input, filter}, init);
      break;
    }
    results.push_back(op->getResult(0));
  }
  func::ReturnOp::create(builder, moduleLoc, results);
  if (failed(verify(*module)))
    return nullptr;
  return module;
}

OwningOpRef<ModuleOp> importGammaCsv(llvm::SourceMgr &sourceMgr,
                                     MLIRContext *context,
                                     const GammaImportOptions &options) {
  return GammaImporter(context, options).import(sourceMgr);
}

void registerImportGammaCsvTranslation() {
  static llvm::cl::opt<std::string> modelName(
      "model-name",
      llvm::cl::desc("Name of the generated function (default: the input "
                     "file's stem)"),
      llvm::cl::init(""));
  static llvm::cl::opt<GammaElementType> elementType(
      "element-type", llvm::cl::desc("Element type of the imported layers"),
      llvm::cl::values(
          clEnumValN(GammaElementType::F32, "f32", "32-bit floats (default)"),
          clEnumValN(GammaElementType::F16, "f16", "16-bit floats"),
          clEnumValN(GammaElementType::I8, "i8",
                     "8-bit integers accumulated in i32")),
      llvm::cl::init(GammaElementType::F32));

  TranslateToMLIRRegistration registration(
      "import-gamma-csv",
      "Import a GAMMA layer table (K,C,Y,X,R,S,T) as linalg ops",
      [](llvm::SourceMgr &sourceMgr,
         MLIRContext *context) -> OwningOpRef<Operation *> {
        GammaImportOptions options;
        options.modelName = modelName;
        options.elementType = elementType;
        return importGammaCsv(sourceMgr, context, options);
      },
      [](DialectRegistry &registry) {
        registry.insert<arith::ArithDialect, func::FuncDialect,
                        linalg::LinalgDialect, tensor::TensorDialect>();
      });
}

} // namespace digamma
