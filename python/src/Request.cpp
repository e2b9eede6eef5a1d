//===- Request.cpp - Python arguments to request-layer requests -----------===//
//
// Keyword arguments are the request layer's options (api::requestOptions())
// spelled with '_': this file checks their Python types, hands them to the
// option's own conversion as text and lets planSearch() judge the request.
// Two arguments are Python's own: fixed_hardware, a dict of the num-pes,
// l1-bytes and l2-bytes options, and fixed_mapping, a digamma.Mapping.
//
//===----------------------------------------------------------------------===//

#include "Request.h"

#include "digamma/Api/RequestOptions.h"

using namespace digamma;
using namespace digamma::python;

namespace {

/// The Python name of a request option: `area-budget` is `area_budget`.
std::string keywordName(std::string_view option) {
  std::string name(option);
  for (char &c : name)
    if (c == '-')
      c = '_';
  return name;
}

/// Whether a request option is a keyword argument of its own. The scope is
/// the function's (co_optimize: op, model_search: model); the fixed
/// hardware is one fixed_hardware dict.
bool isKeyword(const api::RequestOption &option) {
  return option.name != "scope" && option.name != "num-pes" &&
         option.name != "l1-bytes" && option.name != "l2-bytes";
}

/// \p value as the text \p option converts, or TypeError naming \p name.
std::string optionText(const api::RequestOption &option, py::handle value,
                       const std::string &name, const std::string &function) {
  bool isBool = py::isinstance<py::bool_>(value);
  bool isInt = py::isinstance<py::int_>(value) && !isBool;
  const char *kind = nullptr;
  switch (option.type) {
  case api::OptionType::Real:
    if (isInt || py::isinstance<py::float_>(value))
      return py::repr(py::float_(py::reinterpret_borrow<py::object>(value)));
    kind = "a number";
    break;
  case api::OptionType::Integer:
    if (isInt)
      return py::str(value);
    kind = "an int";
    break;
  case api::OptionType::Flag:
    if (isBool)
      return value.cast<bool>() ? "true" : "false";
    kind = "a bool";
    break;
  case api::OptionType::Text:
    if (py::isinstance<py::str>(value))
      return value.cast<std::string>();
    kind = "a str";
    break;
  }
  throw py::type_error(function + ": " + name + " must be " + kind +
                       ", got " +
                       std::string(py::str(
                           py::type::of(value).attr("__name__"))));
}

/// Sets \p option of \p request to \p value, or raises.
void setOption(api::Request &request, const api::RequestOption &option,
               py::handle value, const std::string &name,
               const std::string &function) {
  if (std::optional<std::string> error =
          option.set(request, optionText(option, value, name, function)))
    throw py::value_error(*error);
}

/// An option's value in \p request as a Python value.
py::object optionValue(const api::RequestOption &option,
                       const api::Request &request) {
  std::string text = option.get(request);
  switch (option.type) {
  case api::OptionType::Real:
    return py::float_(std::stod(text));
  case api::OptionType::Integer:
    return py::int_(py::str(text));
  case api::OptionType::Flag:
    return py::bool_(text == "true");
  case api::OptionType::Text:
    break;
  }
  return py::str(text);
}

/// The Python type of an option's values, for the docstrings.
const char *pythonType(api::OptionType type) {
  switch (type) {
  case api::OptionType::Real:
    return "float";
  case api::OptionType::Integer:
    return "int";
  case api::OptionType::Flag:
    return "bool";
  case api::OptionType::Text:
    break;
  }
  return "str";
}

/// A keyword argument that is not a request option by name.
struct PythonArgument {
  const char *name;
  const char *doc;
  void (*apply)(api::Request &request, py::handle value,
                const std::string &function);
};

/// Mode fixed-hw's hardware: the options num-pes, l1-bytes and l2-bytes.
void applyFixedHardware(api::Request &request, py::handle value,
                        const std::string &function) {
  if (!py::isinstance<py::dict>(value))
    throw py::type_error(function +
                         ": fixed_hardware must be a dict with num_pes, "
                         "l1_bytes and l2_bytes");
  for (auto [key, field] : value.cast<py::dict>()) {
    std::string name = py::str(key);
    const api::RequestOption *option = nullptr;
    for (const char *fixed : {"num-pes", "l1-bytes", "l2-bytes"})
      if (name == keywordName(fixed))
        option = api::findRequestOption(fixed);
    if (!option)
      throw py::type_error(function + ": fixed_hardware has no field '" +
                           name + "' (num_pes, l1_bytes, l2_bytes)");
    setOption(request, *option, field, name, function);
  }
}

void applyFixedMapping(api::Request &request, py::handle value,
                       const std::string &function) {
  if (!py::isinstance<cost::Mapping>(value))
    throw py::type_error(function +
                         ": fixed_mapping must be a digamma.Mapping");
  request.options.fixedMapping = value.cast<cost::Mapping>();
}

const std::vector<PythonArgument> &pythonArguments() {
  static const std::vector<PythonArgument> arguments = {
      {"fixed_hardware",
       "dict(num_pes=, l1_bytes=, l2_bytes=), the hardware of mode fixed-hw "
       "in bytes (L1 per PE)",
       applyFixedHardware},
      {"fixed_mapping", "Mapping, the mapping of mode fixed-mapping",
       applyFixedMapping},
  };
  return arguments;
}

} // namespace

api::Request digamma::python::buildRequest(const py::kwargs &kwargs,
                                           const std::string &function) {
  api::Request request;
  for (auto [key, value] : kwargs) {
    std::string name = py::str(key);
    if (value.is_none())
      continue; // the request's default
    bool known = false;
    for (const api::RequestOption &option : api::requestOptions())
      if (isKeyword(option) && name == keywordName(option.name)) {
        setOption(request, option, value, name, function);
        known = true;
      }
    for (const PythonArgument &argument : pythonArguments())
      if (name == argument.name) {
        argument.apply(request, value, function);
        known = true;
      }
    if (!known)
      throw py::type_error(function + " got an unexpected keyword argument '" +
                           name + "'");
  }
  return request;
}

api::SearchPlan digamma::python::planRequest(const api::Request &request) {
  api::SearchPlan plan;
  if (std::optional<std::string> error = api::planSearch(request, plan))
    throw py::value_error(*error);
  return plan;
}

std::string digamma::python::requestArgumentsDoc() {
  api::Request defaults;
  std::string text;
  for (const api::RequestOption &option : api::requestOptions()) {
    if (!isKeyword(option))
      continue;
    text += "  " + keywordName(option.name) + ": " +
            pythonType(option.type) + ", " + std::string(option.help);
    if (option.names)
      text += " (" + option.names() + ")";
    text += "; default " +
            std::string(py::repr(optionValue(option, defaults))) + "\n";
  }
  for (const PythonArgument &argument : pythonArguments())
    text += "  " + std::string(argument.name) + ": " + argument.doc +
            "; default None\n";
  return text;
}

py::dict digamma::python::requestDefaults() {
  api::Request defaults;
  py::dict dict;
  for (const api::RequestOption &option : api::requestOptions())
    if (isKeyword(option))
      dict[py::str(keywordName(option.name))] = optionValue(option, defaults);
  for (const PythonArgument &argument : pythonArguments())
    dict[argument.name] = py::none();
  return dict;
}

std::optional<cost::Semantics>
digamma::python::semanticsArgument(py::handle name) {
  if (name.is_none())
    return std::nullopt;
  if (!py::isinstance<py::str>(name))
    throw py::type_error("evaluate(): semantics must be a str, got " +
                         std::string(py::str(
                             py::type::of(name).attr("__name__"))));
  cost::Semantics semantics;
  if (std::optional<std::string> error =
          api::parseName("semantics", name.cast<std::string>(),
                         search::semanticsValues(), semantics))
    throw py::value_error(*error);
  return semantics;
}
