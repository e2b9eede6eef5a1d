//===- OptionValues.h - Enum pass options from the name tables --*- C++ -*-===//
//
// The values of digamma's enum-typed pass and pipeline options come from the
// request layer's name tables (search::objectiveValues() and the like), so
// that `--help` lists the names every other front end accepts, with a line
// of help each, and llvm::cl rejects any other name.
//
//   Option<search::Mode> mode{*this, "mode", llvm::cl::desc("..."),
//                             llvm::cl::init(search::Mode::CoOpt),
//                             digamma::clValues(search::modeValues())};
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_TRANSFORMS_OPTIONVALUES_H
#define DIGAMMA_TRANSFORMS_OPTIONVALUES_H

#include "digamma/Api/Request.h"

#include "llvm/ADT/StringRef.h"

#include <string_view>
#include <vector>

namespace digamma {

/// An llvm::cl modifier, like llvm::cl::values, that adds every entry of a
/// name table as a value of the option. The table must outlive the option
/// (the tables are static).
template <typename Enum> class NamedOptionValues {
public:
  explicit NamedOptionValues(
      const std::vector<search::NamedValue<Enum>> &values)
      : values(values) {}

  template <typename Opt> void apply(Opt &option) const {
    for (const search::NamedValue<Enum> &value : values)
      option.getParser().addLiteralOption(toStringRef(value.name), value.value,
                                          toStringRef(value.help));
  }

private:
  static llvm::StringRef toStringRef(std::string_view text) {
    return llvm::StringRef(text.data(), text.size());
  }

  const std::vector<search::NamedValue<Enum>> &values;
};

template <typename Enum>
NamedOptionValues<Enum>
clValues(const std::vector<search::NamedValue<Enum>> &values) {
  return NamedOptionValues<Enum>(values);
}

/// The built-in dataflows as values of a `const search::Dataflow *` option,
/// and "" (the default) for none.
class DataflowOptionValues {
public:
  template <typename Opt> void apply(Opt &option) const {
    option.getParser().addLiteralOption(
        "", static_cast<const search::Dataflow *>(nullptr),
        "none: each op's digamma.mapping");
    for (const search::Dataflow &dataflow : search::builtinDataflows())
      option.getParser().addLiteralOption(
          llvm::StringRef(dataflow.name.data(), dataflow.name.size()),
          &dataflow,
          llvm::StringRef(dataflow.title.data(), dataflow.title.size()));
  }
};

inline DataflowOptionValues dataflowValues() { return {}; }

} // namespace digamma

#endif // DIGAMMA_TRANSFORMS_OPTIONVALUES_H
