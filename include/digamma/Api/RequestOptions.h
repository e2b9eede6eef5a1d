//===- RequestOptions.h - A request's options by name -----------*- C++ -*-===//
//
// For front ends that take a request's options as named values (the Python
// module's keyword arguments, test helpers): every option of a Request
// under the name the pass option spells, with its type, a line of help, its
// default and one conversion from text with one wording of its messages.
// Names and numbers are converted here; what a value means (a known
// platform, a positive sample count, levels in range, ...) is planSearch()'s
// to check. The pass parses its options with MLIR's option parser and fills
// the same Request. Plain C++17.
//
//   api::Request request;
//   if (std::optional<std::string> error =
//           api::setRequestOption(request, "objective", "edp"))
//     return fail(*error);
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_API_REQUESTOPTIONS_H
#define DIGAMMA_API_REQUESTOPTIONS_H

#include "digamma/Api/Request.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace digamma::api {

/// What an option's value is.
enum class OptionType {
  /// A real number (area-budget).
  Real,
  /// A whole number within the field's range (samples, seed, ...).
  Integer,
  /// true or false (graded-penalty).
  Flag,
  /// A name (objective, platform, ...) or other text.
  Text,
};

struct RequestOption {
  /// The name as the pass option spells it: "area-budget".
  std::string_view name;
  OptionType type;
  /// What the option sets, its unit and its special values.
  std::string_view help;
  /// Options that take one of a list of names: the names
  /// ("latency, energy, ... or area"); empty for the others.
  std::function<std::string()> names;
  /// Sets the option of \p request from \p text (a number as C++ writes it,
  /// true or false, or the text); returns the message for text the option
  /// cannot take.
  std::function<std::optional<std::string>(Request &request,
                                           std::string_view text)>
      set;
  /// The option's value in \p request, as text set() takes back unchanged.
  std::function<std::string(const Request &request)> get;
};

/// Every option of a Request that has a name, in the order help lists them.
/// A default-constructed Request holds the defaults.
const std::vector<RequestOption> &requestOptions();

/// The option called \p name, or nullptr.
const RequestOption *findRequestOption(std::string_view name);

/// Sets the option \p name of \p request from \p text; returns the message
/// for an unknown option or a value it cannot take.
std::optional<std::string> setRequestOption(Request &request,
                                            std::string_view name,
                                            std::string_view text);

} // namespace digamma::api

#endif // DIGAMMA_API_REQUESTOPTIONS_H
