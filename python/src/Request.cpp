//===- Request.cpp - Python arguments to C++ API requests -----------------===//
//
// One table row per keyword argument of co_optimize() and model_search():
// how it sets the request and what its default is. Names of objectives,
// modes, platforms, ... are resolved by the API (api::setNamedOption,
// api::setPlatform), which owns their messages; numbers go to the API's
// fields unchanged and the API checks them (api::checkRequest).
//
//===----------------------------------------------------------------------===//

#include "Request.h"

#include "digamma/Api/OptionNames.h"

#include <limits>

using namespace digamma;
using namespace digamma::python;

namespace {

/// Converts argument \p name of \p function to T, or raises TypeError.
template <typename T>
T argumentAs(py::handle value, const char *name, const std::string &function) {
  bool ok;
  if constexpr (std::is_same_v<T, std::string>)
    ok = py::isinstance<py::str>(value);
  else if constexpr (std::is_floating_point_v<T>)
    ok = py::isinstance<py::float_>(value) || py::isinstance<py::int_>(value);
  else
    ok = py::isinstance<py::int_>(value) && !py::isinstance<py::bool_>(value);
  const char *kind = std::is_same_v<T, std::string> ? "a str"
                     : std::is_floating_point_v<T>  ? "a number"
                                                    : "an int";
  if (ok) {
    try {
      return value.cast<T>();
    } catch (const py::cast_error &) {
      // An int outside T's range: unsigned fields get negative values here.
      if constexpr (std::is_integral_v<T>)
        throw py::value_error(function + ": " + name + " must be " + kind +
                              " between " +
                              std::to_string(std::numeric_limits<T>::min()) +
                              " and " +
                              std::to_string(std::numeric_limits<T>::max()) +
                              ", got " + std::string(py::repr(value)));
      throw;
    }
  }
  throw py::type_error(function + ": " + name + " must be " + kind +
                       ", got " +
                       std::string(py::str(
                           py::type::of(value).attr("__name__"))));
}

struct Argument {
  const char *name;
  std::string doc;
  std::function<void(Request &, py::handle, const std::string &)> apply;
  std::function<py::object(const Request &)> defaultValue;
};

/// A numeric field of the request.
template <typename T>
Argument numberArgument(const char *name, std::string doc,
                        T &(*field)(Request &)) {
  return {name, doc,
          [name, field](Request &request, py::handle value,
                        const std::string &function) {
            field(request) = argumentAs<T>(value, name, function);
          },
          [field](const Request &request) {
            return py::cast(field(const_cast<Request &>(request)));
          }};
}

/// An option set by its value's name (api::kNamedOptions spells it with a
/// dash where Python has an underscore).
Argument namedArgument(const char *name, const char *apiName,
                       std::string doc) {
  return {name, doc,
          [name, apiName](Request &request, py::handle value,
                          const std::string &function) {
            std::string text = argumentAs<std::string>(value, name, function);
            if (std::optional<std::string> error =
                    api::setNamedOption(request.options, apiName, text))
              throw py::value_error(*error);
          },
          [apiName](const Request &request) {
            return py::cast(
                std::string(api::namedOptionValue(request.options, apiName)));
          }};
}

/// Mode fixed-hw's hardware, in bytes as the API takes it.
void applyFixedHardware(Request &request, py::handle value,
                        const std::string &function) {
  if (!py::isinstance<py::dict>(value))
    throw py::type_error(function +
                         ": fixed_hardware must be a dict with num_pes, "
                         "l1_bytes and l2_bytes");
  api::Options::FixedHardware &fixed = request.options.fixedHardware;
  for (auto [key, field] : value.cast<py::dict>()) {
    std::string name = py::str(key);
    int64_t *target = name == "num_pes"    ? &fixed.numPEs
                      : name == "l1_bytes" ? &fixed.l1Bytes
                      : name == "l2_bytes" ? &fixed.l2Bytes
                                           : nullptr;
    if (!target)
      throw py::type_error(function + ": fixed_hardware has no field '" +
                           name + "' (num_pes, l1_bytes, l2_bytes)");
    *target = argumentAs<int64_t>(field, name.c_str(), function);
  }
}

/// Every keyword argument. Table order is application order: an
/// area_budget given with a platform replaces the platform's area.
const std::vector<Argument> &arguments() {
  static const std::vector<Argument> table = {
      {"platform",
       "str, the area of a platform: 'edge' (0.2 mm^2) or 'cloud' (7.0 mm^2)",
       [](Request &request, py::handle value, const std::string &function) {
         std::string name =
             argumentAs<std::string>(value, "platform", function);
         if (std::optional<std::string> error =
                 api::setPlatform(request.budget, name))
           throw py::value_error(*error);
       },
       [](const Request &) { return py::object(py::none()); }},
      numberArgument<double>(
          "area_budget", "float, mm^2 of PEs and buffers (replaces platform)",
          +[](Request &r) -> double & { return r.budget.areaMm2; }),
      numberArgument<int64_t>(
          "pe_limit", "int, the largest PE count (0: the area is the bound)",
          +[](Request &r) -> int64_t & { return r.budget.peLimit; }),
      namedArgument("objective", "objective",
                    "str: " + std::string(search::objectiveNames())),
      namedArgument("tie_break", "tie-break",
                    "str, ranks designs of equal objective"),
      namedArgument("mode", "mode", "str: co-opt, fixed-hw or fixed-mapping"),
      namedArgument("semantics", "semantics",
                    "str, cost-model semantics: sound or maestro"),
      namedArgument("algorithm", "algorithm",
                    "str: " + std::string(search::algorithmNames())),
      numberArgument<int64_t>(
          "samples", "int, design points evaluated (per distinct layer)",
          +[](Request &r) -> int64_t & { return r.options.samples; }),
      numberArgument<int>(
          "population", "int, individuals per generation (0: the search's)",
          +[](Request &r) -> int & { return r.options.population; }),
      numberArgument<uint64_t>(
          "seed", "int >= 0",
          +[](Request &r) -> uint64_t & { return r.options.seed; }),
      numberArgument<unsigned>(
          "threads",
          "int, evaluation threads (0: one per core); the design does not "
          "depend on it",
          +[](Request &r) -> unsigned & { return r.options.threads; }),
      numberArgument<int64_t>(
          "element_bytes", "int, bytes per element for buffers and area",
          +[](Request &r) -> int64_t & { return r.options.elementBytes; }),
      numberArgument<int>(
          "min_levels", "int, fewest mapping levels (1 to 3)",
          +[](Request &r) -> int & { return r.options.minLevels; }),
      numberArgument<int>(
          "max_levels", "int, most mapping levels (1 to 3)",
          +[](Request &r) -> int & { return r.options.maxLevels; }),
      {"fixed_hardware",
       "dict(num_pes=, l1_bytes=, l2_bytes=), the hardware of mode fixed-hw",
       applyFixedHardware,
       [](const Request &) { return py::object(py::none()); }},
      {"fixed_mapping", "Mapping, the mapping of mode fixed-mapping",
       [](Request &request, py::handle value, const std::string &function) {
         if (!py::isinstance<cost::Mapping>(value))
           throw py::type_error(function +
                                ": fixed_mapping must be a digamma.Mapping");
         request.options.fixedMapping = value.cast<cost::Mapping>();
       },
       [](const Request &) { return py::object(py::none()); }},
  };
  return table;
}

} // namespace

Request digamma::python::buildRequest(const py::kwargs &kwargs,
                                      const std::string &function) {
  for (auto [key, value] : kwargs) {
    std::string name = py::str(key);
    bool known = false;
    for (const Argument &argument : arguments())
      known |= name == argument.name;
    if (!known)
      throw py::type_error(function + " got an unexpected keyword argument '" +
                           name + "'");
  }
  Request request;
  for (const Argument &argument : arguments())
    if (kwargs.contains(argument.name) &&
        !kwargs[argument.name].is_none())
      argument.apply(request, kwargs[argument.name], function);
  return request;
}

std::string digamma::python::requestArgumentsDoc() {
  Request defaults;
  std::string text;
  for (const Argument &argument : arguments())
    text += "  " + std::string(argument.name) + ": " + argument.doc +
            "; default " +
            std::string(py::repr(argument.defaultValue(defaults))) + "\n";
  return text;
}

py::dict digamma::python::requestDefaults() {
  Request defaults;
  py::dict dict;
  for (const Argument &argument : arguments())
    dict[argument.name] = argument.defaultValue(defaults);
  return dict;
}

std::optional<cost::Semantics>
digamma::python::semanticsArgument(py::handle name) {
  if (name.is_none())
    return std::nullopt;
  api::Options options;
  if (std::optional<std::string> error = api::setNamedOption(
          options, "semantics",
          argumentAs<std::string>(name, "semantics", "evaluate()")))
    throw py::value_error(*error);
  return options.semantics;
}
