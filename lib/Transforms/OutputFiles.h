//===- OutputFiles.h - Files the passes write, all or nothing ---*- C++ -*-===//
//
// Private to lib/Transforms: the report, the transform script and the
// MAESTRO exports are written through one path, so that a failed write (a
// missing directory, a full disk) is a diagnostic of the pass and never a
// partial file or an abort in raw_fd_ostream's destructor.
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_LIB_TRANSFORMS_OUTPUTFILES_H
#define DIGAMMA_LIB_TRANSFORMS_OUTPUTFILES_H

#include "mlir/IR/Location.h"
#include "llvm/ADT/ArrayRef.h"

#include <optional>
#include <string>

namespace digamma {

struct OutputFile {
  std::string path;
  std::string contents;
};

/// Why a file could not be written.
struct OutputFileError {
  std::string path;
  std::string reason;
};

/// Writes every file of \p files and keeps them only if all were written in
/// full; otherwise none is kept and the first failure is returned.
std::optional<OutputFileError>
writeOutputFiles(llvm::ArrayRef<OutputFile> files);

/// \p loc as MLIR prints it (`loc(...)` without the wrapper), for reports.
std::string printLocation(mlir::Location loc);

} // namespace digamma

#endif // DIGAMMA_LIB_TRANSFORMS_OUTPUTFILES_H
