//===- RequestOptions.cpp - A request's options by name -------------------===//
//
// One table row per option: where it lives in a Request, how its text
// converts, and its help. The names of enumerations are the search
// library's tables (search::objectiveValues() and the like); platform and
// dataflow names are stored as given and resolved by planSearch().
//
//===----------------------------------------------------------------------===//

#include "digamma/Api/RequestOptions.h"

#include <algorithm>
#include "digamma/Api/MapSpaceFile.h"

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <type_traits>

using namespace digamma;
using namespace digamma::api;

namespace {

//===----------------------------------------------------------------------===//
// Conversions
//===----------------------------------------------------------------------===//

/// \p text as an integer of type T, or a message naming \p name and the
/// range of T.
template <typename T>
std::optional<std::string> parseInteger(std::string_view name,
                                        std::string_view text, T &value) {
  std::string digits(text);
  // strtoll would also take leading blanks and '+'.
  bool ok = !digits.empty() &&
            (std::isdigit(static_cast<unsigned char>(digits[0])) ||
             (std::is_signed_v<T> && digits[0] == '-'));
  char *end = nullptr;
  errno = 0;
  if constexpr (std::is_signed_v<T>) {
    long long number = std::strtoll(digits.c_str(), &end, 10);
    ok = ok && errno == 0 && *end == '\0' &&
         number >= std::numeric_limits<T>::min() &&
         number <= std::numeric_limits<T>::max();
    if (ok)
      value = static_cast<T>(number);
  } else {
    unsigned long long number = std::strtoull(digits.c_str(), &end, 10);
    ok = ok && errno == 0 && *end == '\0' &&
         number <= std::numeric_limits<T>::max();
    if (ok)
      value = static_cast<T>(number);
  }
  if (ok)
    return std::nullopt;
  return std::string(name) + " must be an integer from " +
         std::to_string(std::numeric_limits<T>::min()) + " to " +
         std::to_string(std::numeric_limits<T>::max()) + ", got '" + digits +
         "'";
}

std::optional<std::string> parseReal(std::string_view name,
                                     std::string_view text, double &value) {
  std::string number(text);
  char *end = nullptr;
  double parsed = std::strtod(number.c_str(), &end);
  if (number.empty() || std::isspace(static_cast<unsigned char>(number[0])) ||
      *end != '\0')
    return std::string(name) + " must be a number, got '" + number + "'";
  value = parsed;
  return std::nullopt;
}

/// The shortest text strtod() reads back as \p value.
std::string realText(double value) {
  char text[32];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(text, sizeof(text), "%.*g", precision, value);
    if (std::strtod(text, nullptr) == value)
      break;
  }
  return text;
}

//===----------------------------------------------------------------------===//
// Rows
//===----------------------------------------------------------------------===//

// Each row takes the field as a generic lambda `[](auto &r) -> auto & {...}`
// so that one accessor serves set() and get().

template <typename Field>
RequestOption realOption(std::string_view name, std::string_view help,
                         Field field) {
  return {name, OptionType::Real, help, nullptr,
          [name, field](Request &request, std::string_view text) {
            return parseReal(name, text, field(request));
          },
          [field](const Request &request) {
            return realText(field(request));
          }};
}

template <typename Field>
RequestOption integerOption(std::string_view name, std::string_view help,
                            Field field) {
  return {name, OptionType::Integer, help, nullptr,
          [name, field](Request &request, std::string_view text) {
            return parseInteger(name, text, field(request));
          },
          [field](const Request &request) {
            return std::to_string(field(request));
          }};
}

template <typename Field>
RequestOption flagOption(std::string_view name, std::string_view help,
                         Field field) {
  return {name, OptionType::Flag, help, nullptr,
          [name, field](Request &request,
                        std::string_view text) -> std::optional<std::string> {
            if (text != "true" && text != "false")
              return std::string(name) + " must be true or false, got '" +
                     std::string(text) + "'";
            field(request) = text == "true";
            return std::nullopt;
          },
          [field](const Request &request) {
            return std::string(field(request) ? "true" : "false");
          }};
}

/// An enumeration named by \p values.
template <typename Enum, typename Field>
RequestOption
enumOption(std::string_view name, std::string_view help,
           const std::vector<search::NamedValue<Enum>> &values, Field field) {
  return {name, OptionType::Text, help,
          [&values] { return search::listNames(values); },
          [name, &values, field](Request &request, std::string_view text) {
            return parseName(name, text, values, field(request));
          },
          [&values, field](const Request &request) {
            return std::string(search::nameOf(values, field(request)));
          }};
}

/// Text stored as given: a name planSearch() resolves (platform,
/// dataflow), with the list of names for help.
template <typename Field>
RequestOption textOption(std::string_view name, std::string_view help,
                         std::function<std::string()> names, Field field) {
  return {name, OptionType::Text, help, std::move(names),
          [field](Request &request,
                  std::string_view text) -> std::optional<std::string> {
            field(request) = std::string(text);
            return std::nullopt;
          },
          [field](const Request &request) { return field(request); }};
}

/// `pareto-objectives`: figure names separated by commas, as the pass's
/// list option takes them; empty for all three.
RequestOption paretoObjectivesOption() {
  return {"pareto-objectives", OptionType::Text,
          "objective=pareto: the figures the front trades off, two or three "
          "separated by commas; empty takes all three",
          [] { return std::string("latency, energy or area"); },
          [](Request &request, std::string_view text) {
            std::vector<std::string> names;
            for (size_t start = 0; start < text.size();) {
              size_t comma = std::min(text.find(',', start), text.size());
              names.emplace_back(text.substr(start, comma - start));
              start = comma + 1;
            }
            return parseParetoObjectives(names,
                                         request.options.paretoObjectives);
          },
          [](const Request &request) {
            std::string text;
            for (search::Objective objective :
                 request.options.paretoObjectives)
              text += (text.empty() ? "" : ",") +
                      std::string(search::objectiveName(objective));
            return text;
          }};
}

} // namespace

const std::vector<RequestOption> &digamma::api::requestOptions() {
  static const std::vector<RequestOption> options = {
      textOption(
          "platform",
          "a bundled platform (docs/platforms.md): its area is the budget, "
          "its bandwidths and energies the hardware's",
          [] { return platformNames(); },
          [](auto &r) -> auto & { return r.platform; }),
      realOption("area-budget",
                 "area of PEs and buffers in mm^2; 0 takes the platform's",
                 [](auto &r) -> auto & { return r.budget.areaMm2; }),
      textOption(
          "platform-file",
          "a platform file (JSON, docs/platforms.md) used instead of "
          "platform; empty for none",
          nullptr, [](auto &r) -> auto & { return r.platformFile; }),
      integerOption("pe-limit",
                    "the largest PE count; 0 leaves the area as the only "
                    "bound",
                    [](auto &r) -> auto & { return r.budget.peLimit; }),
      enumOption("scope", "how many chips the layers run on", scopeValues(),
                 [](auto &r) -> auto & { return r.scope; }),
      enumOption("objective", "the figure to minimize",
                 search::objectiveValues(),
                 [](auto &r) -> auto & { return r.options.objective; }),
      paretoObjectivesOption(),
      enumOption("pareto-pick",
                 "objective=pareto: the front's design the answer takes",
                 search::paretoPickValues(),
                 [](auto &r) -> auto & { return r.options.paretoPick; }),
      integerOption("pareto-size",
                    "objective=pareto: the most designs a front keeps; 0 "
                    "takes 64",
                    [](auto &r) -> auto & { return r.options.paretoSize; }),
      enumOption("tie-break", "ranks designs with an equal objective",
                 search::objectiveValues(),
                 [](auto &r) -> auto & { return r.options.tieBreak; }),
      enumOption("mode",
                 "what is searched: hardware and mapping, the mapping for a "
                 "fixed hardware, or the hardware for a fixed mapping or "
                 "dataflow",
                 search::modeValues(),
                 [](auto &r) -> auto & { return r.options.mode; }),
      enumOption("semantics",
                 "cost-model semantics; maestro to compare with the paper",
                 search::semanticsValues(),
                 [](auto &r) -> auto & { return r.options.semantics; }),
      enumOption("algorithm",
                 "the optimizer: DiGamma, random sampling of its encoding or "
                 "a pagmo2 baseline over a flat encoding, see "
                 "docs/baselines.md",
                 search::algorithmValues(),
                 [](auto &r) -> auto & { return r.options.algorithm; }),
      integerOption("samples",
                    "design points evaluated per distinct layer",
                    [](auto &r) -> auto & { return r.options.samples; }),
      integerOption("population",
                    "individuals per generation; 0 takes the search's "
                    "default",
                    [](auto &r) -> auto & { return r.options.population; }),
      integerOption("seed", "random seed; a seed gives the same design",
                    [](auto &r) -> auto & { return r.options.seed; }),
      integerOption("threads",
                    "evaluation threads; 0 takes one per core; the design "
                    "does not depend on it",
                    [](auto &r) -> auto & { return r.options.threads; }),
      integerOption("element-bytes",
                    "bytes per element of every tensor for buffer sizes, "
                    "traffic and area (the paper's INT8 is 1); 0 takes each "
                    "layer's own",
                    [](auto &r) -> auto & { return r.options.elementBytes; }),
      integerOption("min-levels", "the fewest mapping (cluster) levels, 1-3",
                    [](auto &r) -> auto & { return r.options.minLevels; }),
      integerOption("max-levels", "the most mapping (cluster) levels, 1-3",
                    [](auto &r) -> auto & { return r.options.maxLevels; }),
      integerOption(
          "num-pes", "mode=fixed-hw: the PE count",
          [](auto &r) -> auto & { return r.options.fixedHardware.numPEs; }),
      integerOption(
          "l1-bytes", "mode=fixed-hw: L1 bytes per PE",
          [](auto &r) -> auto & { return r.options.fixedHardware.l1Bytes; }),
      integerOption(
          "l2-bytes", "mode=fixed-hw: L2 bytes",
          [](auto &r) -> auto & { return r.options.fixedHardware.l2Bytes; }),
      textOption(
          "dataflow",
          "mode=fixed-mapping: a built-in dataflow instantiated for each "
          "layer, its hardware found by grid search; empty for none",
          [] { return std::string(search::dataflowNames()); },
          [](auto &r) -> auto & { return r.options.dataflow; }),
      integerOption("offchip-bandwidth",
                    "off-chip (DRAM) bandwidth in bytes per cycle; 0 takes "
                    "the platform's",
                    [](auto &r) -> auto & { return r.options.offchipBandwidth; }),
      integerOption("noc-bandwidth",
                    "NoC (L2 to PE array) bandwidth in bytes per cycle; 0 "
                    "takes the platform's",
                    [](auto &r) -> auto & { return r.options.nocBandwidth; }),
      flagOption("maestro-accept-unsound",
                 "semantics=maestro: accept designs whose MAESTRO figures "
                 "are physically impossible (fewer MACs than the layer's, "
                 "faster than the PEs), as the reference GAMMA does",
                 [](auto &r) -> auto & {
                   return r.options.acceptUnsoundMaestro;
                 }),
      textOption(
          "constraint",
          "the map space of a partially flexible accelerator: a bundled "
          "constraint (docs/map-space.md); every design lies inside it; "
          "empty for none",
          [] {
            std::vector<std::string> names = bundledMapSpaceNames();
            return search::joinNames(
                std::vector<std::string_view>(names.begin(), names.end()));
          },
          [](auto &r) -> auto & { return r.options.constraint; }),
      textOption("constraint-file",
                 "the map space of a partially flexible accelerator as a "
                 "JSON file (docs/map-space.md); empty for none",
                 nullptr,
                 [](auto &r) -> auto & { return r.options.constraintFile; }),
      flagOption("graded-penalty",
                 "the pagmo baselines score invalid designs by how far off "
                 "they are instead of one constant penalty",
                 [](auto &r) -> auto & { return r.options.gradedPenalty; }),
  };
  return options;
}

const RequestOption *digamma::api::findRequestOption(std::string_view name) {
  for (const RequestOption &option : requestOptions())
    if (option.name == name)
      return &option;
  return nullptr;
}

std::optional<std::string> digamma::api::setRequestOption(
    Request &request, std::string_view name, std::string_view text) {
  if (const RequestOption *option = findRequestOption(name))
    return option->set(request, text);
  std::vector<std::string_view> names;
  for (const RequestOption &option : requestOptions())
    names.push_back(option.name);
  return unknownName("option", name, search::joinNames(names));
}
