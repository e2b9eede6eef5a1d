//===- Binding.h - Shared pieces of the digamma Python module ---*- C++ -*-===//
//
// The `digamma` module binds the plain C++ layers (cost model, search, C++
// API); no MLIR. This header holds what its translation units share: the
// exception for "no design fits", the conversions of layers, mappings and
// reports, and the field tables that bind a C++ struct's fields once for
// properties, dict conversion, keyword construction and repr (a new field
// of cost::Hardware or cost::CostReport is one table line).
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_PYTHON_BINDING_H
#define DIGAMMA_PYTHON_BINDING_H

#include "digamma/CostModel/CostModel.h"

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <functional>
#include <stdexcept>
#include <type_traits>
#include <string>
#include <vector>

namespace digamma::python {

namespace py = pybind11;

/// Raised (as digamma.NoDesignError, a RuntimeError) when a valid request
/// has no design within its budget; the message is the search's.
struct NoDesignError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

//===----------------------------------------------------------------------===//
// Field tables
//===----------------------------------------------------------------------===//

/// One field of a bound struct T: its Python name and help, a getter, and
/// a setter for writable fields.
template <typename T> struct Field {
  const char *name;
  const char *doc;
  std::function<py::object(const T &)> get;
  std::function<void(T &, py::handle)> set;
};

/// A field stored in a member; writable when \p writable.
template <typename T, typename V>
Field<T> memberField(const char *name, V T::*member, const char *doc,
                     bool writable = true) {
  Field<T> field{name, doc,
                 [member](const T &object) { return py::cast(object.*member); },
                 nullptr};
  if (writable)
    field.set = [member, name](T &object, py::handle value) {
      try {
        object.*member = value.cast<V>();
      } catch (const py::cast_error &) {
        throw py::type_error(std::string(name) + " must be " +
                             (std::is_floating_point_v<V> ? "a number"
                                                          : "an int") +
                             ", got " +
                             std::string(py::str(py::type::of(value).attr(
                                 "__name__"))));
      }
    };
  return field;
}

/// Defines a property per field of \p fields on \p cls.
template <typename T, typename Class>
void defineProperties(Class &cls, const std::vector<Field<T>> &fields) {
  for (const Field<T> &field : fields) {
    py::cpp_function getter(
        [get = field.get](const T &object) { return get(object); });
    if (field.set)
      cls.def_property(field.name, getter,
                       py::cpp_function([set = field.set](T &object,
                                                          py::handle value) {
                         set(object, value);
                       }),
                       field.doc);
    else
      cls.def_property_readonly(field.name, getter, field.doc);
  }
}

/// The fields of \p object as a dict, in table order.
template <typename T>
py::dict fieldsToDict(const T &object, const std::vector<Field<T>> &fields) {
  py::dict dict;
  for (const Field<T> &field : fields)
    dict[field.name] = field.get(object);
  return dict;
}

/// Sets the fields named in \p values (keyword arguments or a dict); an
/// unknown or read-only name is a TypeError naming \p what.
template <typename T>
void setFields(T &object, const py::dict &values,
               const std::vector<Field<T>> &fields, const std::string &what) {
  for (auto [key, value] : values) {
    std::string name = py::str(key);
    const Field<T> *match = nullptr;
    for (const Field<T> &field : fields)
      if (name == field.name && field.set)
        match = &field;
    if (!match)
      throw py::type_error(what + " got an unexpected field '" + name + "'");
    match->set(object, value);
  }
}

/// `Name(a=1, b=2)` from the fields' reprs.
template <typename T>
std::string fieldsRepr(const char *typeName, const T &object,
                       const std::vector<Field<T>> &fields) {
  std::string text = std::string(typeName) + "(";
  for (size_t i = 0; i < fields.size(); ++i)
    text += (i ? ", " : "") + std::string(fields[i].name) + "=" +
            std::string(py::repr(fields[i].get(object)));
  return text + ")";
}

/// "name: doc" lines of \p fields for docstrings, with the value in
/// \p defaults if given.
template <typename T>
std::string fieldsDoc(const std::vector<Field<T>> &fields,
                      const T *defaults = nullptr) {
  std::string text;
  for (const Field<T> &field : fields)
    text += "  " + std::string(field.name) + ": " + field.doc +
            (defaults ? "; default " +
                            std::string(py::repr(field.get(*defaults)))
                      : std::string()) +
            "\n";
  return text;
}

//===----------------------------------------------------------------------===//
// Conversions shared by the translation units
//===----------------------------------------------------------------------===//

/// The fields of cost::Hardware and cost::CostReport.
const std::vector<Field<cost::Hardware>> &hardwareFields();
const std::vector<Field<cost::CostReport>> &reportFields();

/// A mapping's levels as Python dicts ({"parallel": "K", "cluster": 1,
/// "order": "KCYXRS", "tiles": {"K": 1, ...}}) and back.
py::list mappingLevels(const cost::Mapping &mapping);
cost::Mapping mappingFromLevels(py::handle levels);

/// Defines the searches (Search.cpp) on \p module, after the cost-model
/// classes (Module.cpp).
void defineSearch(py::module_ &module);

} // namespace digamma::python

#endif // DIGAMMA_PYTHON_BINDING_H
