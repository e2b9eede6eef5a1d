//===- OutputFiles.cpp - Files the passes write, all or nothing -----------===//

#include "OutputFiles.h"

#include "mlir/Support/FileUtilities.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/raw_ostream.h"

#include <memory>
#include <vector>

using namespace digamma;

std::optional<OutputFileError>
digamma::writeOutputFiles(llvm::ArrayRef<OutputFile> files) {
  // ToolOutputFile deletes its file unless kept: a failure anywhere leaves
  // nothing of this run behind.
  std::vector<std::unique_ptr<llvm::ToolOutputFile>> outputs;
  for (const OutputFile &file : files) {
    std::string error;
    std::unique_ptr<llvm::ToolOutputFile> output =
        mlir::openOutputFile(file.path, &error);
    if (!output)
      return OutputFileError{file.path, error};
    output->os() << file.contents;
    output->os().close();
    if (output->os().has_error()) {
      OutputFileError failure{file.path, output->os().error().message()};
      // An unchecked error aborts the tool when the stream is destroyed.
      output->os().clear_error();
      return failure;
    }
    outputs.push_back(std::move(output));
  }
  for (std::unique_ptr<llvm::ToolOutputFile> &output : outputs)
    output->keep();
  return std::nullopt;
}

std::string digamma::printLocation(mlir::Location loc) {
  std::string text;
  llvm::raw_string_ostream os(text);
  loc.print(os);
  return text;
}
