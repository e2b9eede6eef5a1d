//===- DataFile.h - JSON data files: platforms, map spaces ------*- C++ -*-===//
//
// Platforms and map-space constraints are small JSON files, bundled under the
// repository or written by users. This is their one reader: it parses with
// nlohmann-json and reads typed fields with messages that name the file, the
// line and column of a syntax error, and the field of a wrong value, so every
// file format built on it reports bad input the same way. Private to lib/Api:
// no public header exposes nlohmann-json.
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_LIB_API_DATAFILE_H
#define DIGAMMA_LIB_API_DATAFILE_H

#include <nlohmann/json.hpp>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace digamma::api {

/// Parses \p text as JSON. On a syntax error returns nullopt and sets \p error
/// to "<origin>:<line>:<column>: <what>".
std::optional<nlohmann::json> parseDataText(std::string_view text,
                                            const std::string &origin,
                                            std::string &error);

/// Reads and parses the file at \p path; errors as parseDataText, or
/// "<path>: cannot read the file" when it cannot be opened.
std::optional<nlohmann::json> readDataFile(const std::string &path,
                                           std::string &error);

/// Typed access to the fields of one JSON object. The first failure is kept
/// in the error string given at construction ("<where>: field '<key>': ...");
/// later calls do nothing once it is set, so a reader checks failed() once.
class DataFields {
public:
  /// \p where names the object in messages, e.g. "platforms/edge.json".
  DataFields(const nlohmann::json &object, std::string where,
             std::string &error);

  bool failed() const { return !error.empty(); }
  const std::string &location() const { return where; }

  /// Rejects keys outside \p allowed: a misspelt field must not be ignored.
  void allowOnly(std::initializer_list<std::string_view> allowed);
  bool has(std::string_view key) const;

  /// A number in [minimum, maximum]; nullopt when absent (an error too when
  /// \p required) or wrong.
  std::optional<double> number(std::string_view key, bool required,
                               double minimum, double maximum);
  /// An integer in [minimum, maximum].
  std::optional<int64_t> integer(std::string_view key, bool required,
                                 int64_t minimum, int64_t maximum);
  /// A string.
  std::optional<std::string> text(std::string_view key, bool required);
  /// A nested object, or nullptr.
  const nlohmann::json *object(std::string_view key, bool required);
  /// An array, or nullptr.
  const nlohmann::json *array(std::string_view key, bool required);

  /// Records "<where>: field '<key>': <message>" unless an error is set.
  void fail(std::string_view key, const std::string &message);

private:
  const nlohmann::json *find(std::string_view key, bool required);

  const nlohmann::json &object_;
  std::string where;
  std::string &error;
};

} // namespace digamma::api

#endif // DIGAMMA_LIB_API_DATAFILE_H
