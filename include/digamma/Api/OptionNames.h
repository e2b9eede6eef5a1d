//===- OptionNames.h - Request options set by name --------------*- C++ -*-===//
//
// Callers that take options as text (command lines, the Python module) set
// the C++ API's options by the names `--digamma-co-optimize` spells, and get
// the pass's message for a name it does not know. Plain C++17.
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_API_OPTIONNAMES_H
#define DIGAMMA_API_OPTIONNAMES_H

#include "digamma/Api/Designer.h"

#include <optional>
#include <string>
#include <string_view>

namespace digamma::api {

/// The options set by a value name: "objective", "tie-break" (latency,
/// energy, edp, lap, power, area), "mode" (co-opt, fixed-hw,
/// fixed-mapping), "semantics" (sound, maestro) and "algorithm" (digamma,
/// random, sga, pso, sea, de, cmaes, sa), in this order.
inline constexpr std::string_view kNamedOptions[] = {
    "objective", "tie-break", "mode", "semantics", "algorithm"};

/// Sets the option \p option of kNamedOptions to the value named \p value,
/// or returns what is wrong ("unknown objective 'x'; expected latency, ...").
std::optional<std::string> setNamedOption(Options &options,
                                          std::string_view option,
                                          std::string_view value);

/// The name of \p options' value of \p option (one of kNamedOptions).
std::string_view namedOptionValue(const Options &options,
                                  std::string_view option);

/// Sets \p budget's area to the platform named \p name (edge, cloud), or
/// returns what is wrong.
std::optional<std::string> setPlatform(Budget &budget, std::string_view name);

} // namespace digamma::api

#endif // DIGAMMA_API_OPTIONNAMES_H
