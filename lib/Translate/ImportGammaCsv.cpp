//===- ImportGammaCsv.cpp - GAMMA layer tables to linalg ------------------===//
//
// GAMMA's model tables have a header line and one line `K,C,Y,X,R,S,T` per
// layer. T selects the layer type: 0 FC (Out, In), 1 CONV, 2 depthwise CONV
// (K is 1, C counts channels), 3 GEMM (M, N, K in the first three columns).
// Y and X are input extents; as in MAESTRO, strides are 1 and the output
// extent is Y - R + 1. Tables do not chain layers, so every layer gets its
// own input and filter arguments and its result is returned.
//
//===----------------------------------------------------------------------===//

#include "digamma/Translate/ImportGammaCsv.h"

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
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"

using namespace mlir;

namespace digamma {
namespace {

/// Layer types in GAMMA's T column.
enum class GammaLayerType : int64_t { Fc = 0, Conv = 1, Depthwise = 2, Gemm = 3 };

/// One parsed table row with the line it came from.
struct GammaLayer {
  std::array<int64_t, 6> fields; // K, C, Y, X, R, S (or M, N, K / Out, In)
  GammaLayerType type;
  Location loc;
};

/// Largest extent accepted for one dimension; larger values are almost
/// certainly typos and would make tensor types meaningless.
constexpr int64_t kMaxExtent = std::numeric_limits<int32_t>::max();

/// Builds the linalg ops of one table.
class GammaImporter {
public:
  GammaImporter(MLIRContext *context, const GammaImportOptions &options)
      : context(context), options(options) {}

  OwningOpRef<ModuleOp> import(llvm::SourceMgr &sourceMgr);

private:
  LogicalResult parseTable(llvm::StringRef text, llvm::StringRef fileName);
  LogicalResult parseRow(llvm::StringRef line, Location loc);
  Type inputElementType();
  Type accumulatorElementType();
  std::string functionName(llvm::StringRef fileName) const;

  MLIRContext *context;
  const GammaImportOptions &options;
  SmallVector<GammaLayer> layers;
};

} // namespace

static InFlightDiagnostic emitRowError(Location loc) {
  return emitError(loc) << "malformed GAMMA layer: ";
}

LogicalResult GammaImporter::parseRow(llvm::StringRef line, Location loc) {
  SmallVector<llvm::StringRef, 8> cells;
  line.split(cells, ',');
  if (cells.size() != 7)
    return emitRowError(loc) << "expected 7 comma-separated fields "
                                "(K,C,Y,X,R,S,T), found "
                             << cells.size();
  std::array<int64_t, 7> values;
  for (auto [index, cell] : llvm::enumerate(cells)) {
    llvm::StringRef trimmed = cell.trim();
    if (trimmed.getAsInteger(10, values[index]))
      return emitRowError(loc) << "field " << index + 1 << " ('" << trimmed
                               << "') is not an integer";
  }
  int64_t type = values[6];
  if (type < 0 || type > 3)
    return emitRowError(loc) << "unknown layer type T = " << type
                             << " (expected 0 FC, 1 CONV, 2 depthwise, "
                                "3 GEMM)";

  // Only the columns a type uses must be positive extents.
  static constexpr const char *kConvNames[] = {"K", "C", "Y", "X", "R", "S"};
  static constexpr const char *kGemmNames[] = {"M", "N", "K"};
  static constexpr const char *kFcNames[] = {"Out", "In"};
  auto layerType = static_cast<GammaLayerType>(type);
  llvm::ArrayRef<const char *> used =
      layerType == GammaLayerType::Gemm ? llvm::ArrayRef(kGemmNames)
      : layerType == GammaLayerType::Fc ? llvm::ArrayRef(kFcNames)
                                        : llvm::ArrayRef(kConvNames);
  for (auto [index, name] : llvm::enumerate(used)) {
    if (values[index] <= 0)
      return emitRowError(loc) << name << " = " << values[index]
                               << " must be positive";
    if (values[index] > kMaxExtent)
      return emitRowError(loc) << name << " = " << values[index]
                               << " exceeds the largest supported extent "
                               << kMaxExtent;
  }
  bool isConv = layerType == GammaLayerType::Conv ||
                layerType == GammaLayerType::Depthwise;
  if (isConv && (values[4] > values[2] || values[5] > values[3]))
    return emitRowError(loc) << "the filter (" << values[4] << "x"
                             << values[5] << ") is larger than the input ("
                             << values[2] << "x" << values[3] << ")";
  if (layerType == GammaLayerType::Depthwise && values[0] != 1)
    return emitRowError(loc) << "depthwise layers have K = 1 (C counts the "
                                "channels), found K = "
                             << values[0];

  GammaLayer layer{{values[0], values[1], values[2], values[3], values[4],
                    values[5]},
                   layerType,
                   loc};
  layers.push_back(layer);
  return success();
}

LogicalResult GammaImporter::parseTable(llvm::StringRef text,
                                        llvm::StringRef fileName) {
  bool sawHeader = false;
  unsigned lineNumber = 0;
  while (!text.empty()) {
    auto [line, rest] = text.split('\n');
    text = rest;
    ++lineNumber;
    line = line.trim();
    if (line.empty())
      continue;
    Location loc = FileLineColLoc::get(context, fileName, lineNumber, 1);
    if (!sawHeader) {
      // GAMMA headers name the columns and end in T: `K,C,Y,X,R,S,T`,
      // `M,N,K,0,0,0,T`, `O,I,0,0,0,0,T`.
      if (!line.rsplit(',').second.trim().equals_insensitive("T"))
        return emitError(loc) << "malformed GAMMA table: expected a header "
                                 "line such as 'K,C,Y,X,R,S,T' before the "
                                 "layers";
      sawHeader = true;
      continue;
    }
    if (failed(parseRow(line, loc)))
      return failure();
  }
  if (layers.empty()) // An empty file has no line 0: report line 1.
    return emitError(FileLineColLoc::get(context, fileName,
                                         std::max(lineNumber, 1u), 1))
           << "malformed GAMMA table: no layers";
  return success();
}

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
  if (failed(parseTable(buffer->getBuffer(), fileName)))
    return nullptr;

  context->loadDialect<arith::ArithDialect, func::FuncDialect,
                       linalg::LinalgDialect, tensor::TensorDialect>();
  Type elementType = inputElementType();
  Type accType = accumulatorElementType();

  // Operand and result shapes per layer (NCHW / FCHW for convolutions).
  SmallVector<Type> argTypes, resultTypes;
  for (const GammaLayer &layer : layers) {
    auto [k, c, y, x, r, s] = layer.fields;
    (void)x;
    auto tensor = [&](llvm::ArrayRef<int64_t> shape, Type type) {
      return RankedTensorType::get(shape, type);
    };
    switch (layer.type) {
    case GammaLayerType::Conv:
      argTypes.push_back(tensor({1, c, y, x}, elementType));
      argTypes.push_back(tensor({k, c, r, s}, elementType));
      resultTypes.push_back(tensor({1, k, y - r + 1, x - s + 1}, accType));
      break;
    case GammaLayerType::Depthwise:
      argTypes.push_back(tensor({1, c, y, x}, elementType));
      argTypes.push_back(tensor({c, r, s}, elementType));
      resultTypes.push_back(tensor({1, c, y - r + 1, x - s + 1}, accType));
      break;
    case GammaLayerType::Gemm: { // M, N, K in the first three columns.
      int64_t m = layer.fields[0], n = layer.fields[1], kk = layer.fields[2];
      argTypes.push_back(tensor({m, kk}, elementType));
      argTypes.push_back(tensor({kk, n}, elementType));
      resultTypes.push_back(tensor({m, n}, accType));
      break;
    }
    case GammaLayerType::Fc: // Out, In: a 1 x In row times In x Out.
      argTypes.push_back(tensor({1, layer.fields[1]}, elementType));
      argTypes.push_back(tensor({layer.fields[1], layer.fields[0]},
                                elementType));
      resultTypes.push_back(tensor({1, layer.fields[0]}, accType));
      break;
    }
  }

  Location moduleLoc = FileLineColLoc::get(context, fileName, 1, 1);
  OwningOpRef<ModuleOp> module = ModuleOp::create(moduleLoc);
  OpBuilder builder(module->getBodyRegion());
  auto function = func::FuncOp::create(
      builder, moduleLoc, functionName(fileName),
      builder.getFunctionType(argTypes, resultTypes));
  Block *body = function.addEntryBlock();
  builder.setInsertionPointToStart(body);
  Value zero = arith::ConstantOp::create(builder, moduleLoc, accType,
                                         builder.getZeroAttr(accType));

  SmallVector<Value> results;
  for (auto [index, layer] : llvm::enumerate(layers)) {
    Value input = body->getArgument(2 * index);
    Value filter = body->getArgument(2 * index + 1);
    auto resultType = cast<RankedTensorType>(resultTypes[index]);
    Location loc = layer.loc;
    Value empty = tensor::EmptyOp::create(builder, loc, resultType.getShape(),
                                          accType);
    Value init = linalg::FillOp::create(builder, loc, zero, empty).result();
    Operation *op = nullptr;
    switch (layer.type) {
    case GammaLayerType::Conv:
      op = linalg::Conv2DNchwFchwOp::create(builder, loc, resultType,
                                            ValueRange{input, filter}, init);
      break;
    case GammaLayerType::Depthwise:
      op = linalg::DepthwiseConv2DNchwChwOp::create(
          builder, loc, resultType, ValueRange{input, filter}, init);
      break;
    case GammaLayerType::Gemm:
    case GammaLayerType::Fc:
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
      "element-type",
      llvm::cl::desc("Element type of the imported layers"),
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
