//===- Request.h - Python arguments to C++ API requests ---------*- C++ -*-===//
//
// The one place where the module turns Python arguments into what the C++
// API takes (api::Budget, api::Options, cost::Semantics). Defaults, units
// and validation messages stay the API's: an argument left out keeps the
// API's default, and bad values get the API's message.
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_PYTHON_REQUEST_H
#define DIGAMMA_PYTHON_REQUEST_H

#include "Binding.h"

#include "digamma/Api/Designer.h"

#include <string>

namespace digamma::python {

/// What co_optimize() and model_search() ask for.
struct Request {
  api::Budget budget;
  api::Options options;
};

/// The request of \p kwargs, the keyword arguments of \p function. An
/// unknown argument or a value of the wrong type is a TypeError, an unknown
/// name (objective, platform, ...) a ValueError with the API's message.
Request buildRequest(const py::kwargs &kwargs, const std::string &function);

/// One line per keyword argument with its meaning and default, for the
/// docstrings.
std::string requestArgumentsDoc();
/// The keyword arguments' defaults (the C++ API's).
py::dict requestDefaults();

/// The semantics named \p name for evaluate() (ValueError with the API's
/// message); None keeps the cost model's default.
std::optional<cost::Semantics> semanticsArgument(py::handle name);

} // namespace digamma::python

#endif // DIGAMMA_PYTHON_REQUEST_H
