//===- Request.h - Python arguments to request-layer requests ---*- C++ -*-===//
//
// The one place where the module turns Python arguments into an
// api::Request (digamma/Api/Request.h), the request every entry point
// fills. The options, their defaults, their conversions and their messages
// are the request layer's (api::requestOptions(), api::planSearch()): an
// argument left out keeps the request's default, and bad values get the
// request layer's message as a ValueError.
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_PYTHON_REQUEST_H
#define DIGAMMA_PYTHON_REQUEST_H

#include "Binding.h"

#include "digamma/Api/Request.h"

#include <optional>
#include <string>

namespace digamma::python {

/// The request of \p kwargs, the keyword arguments of \p function, without
/// layers. An unknown argument or a value of the wrong Python type is a
/// TypeError, a value the request layer cannot take a ValueError with its
/// message.
api::Request buildRequest(const py::kwargs &kwargs,
                          const std::string &function);

/// planSearch() of \p request, or ValueError with its message.
api::SearchPlan planRequest(const api::Request &request);

/// One line per keyword argument with its meaning and default, for the
/// docstrings.
std::string requestArgumentsDoc();
/// The keyword arguments' defaults (a default api::Request's).
py::dict requestDefaults();

/// The semantics named \p name for evaluate() (ValueError with the request
/// layer's message); None keeps the cost model's default.
std::optional<cost::Semantics> semanticsArgument(py::handle name);

} // namespace digamma::python

#endif // DIGAMMA_PYTHON_REQUEST_H
