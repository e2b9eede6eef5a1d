//===- PlatformFile.cpp - Platform files ----------------------------------===//
//
// The platform file format (docs/platforms.md): a JSON object with a name,
// a source and `fields`, each field an object with its `value` and the
// `source` of that value. Read with the one data-file reader (DataFile.h),
// so messages name the file, the line and column of a syntax error and the
// field of a wrong value.
//
//===----------------------------------------------------------------------===//

#include "digamma/Api/Platform.h"

#include "DataFile.h"

#include <algorithm>
#include <cctype>

using namespace digamma;
using namespace digamma::api;
using nlohmann::json;

namespace {

/// pJ to the cost model's nJ (a division: exact for the built-in
/// constants' decimal forms).
constexpr double kPJPerNJ = 1000.0;
/// Largest bandwidth a file may give in bytes per cycle (beyond it every
/// element size is unbounded anyway).
constexpr int64_t kMaxBytesPerCycle = int64_t(1) << 40;

/// One field of `fields`: {"value": ..., "source": "..."}.
class FieldReader {
public:
  FieldReader(DataFields &fields, std::string where, std::string &error)
      : fields(fields), where(std::move(where)), error(error) {}

  /// The value object of \p key after checking its layout and source, or
  /// nullptr (absent and not required, or an error).
  const json *value(std::string_view key, bool required) {
    const json *field = fields.object(key, required);
    if (!field)
      return nullptr;
    DataFields entry(*field, where + ": field '" + std::string(key) + "'",
                     error);
    entry.allowOnly({"value", "source"});
    std::optional<std::string> source = entry.text("source", true);
    if (source && source->find_first_not_of(" \t\n") == std::string::npos)
      entry.fail("source", "must say where the value comes from");
    if (entry.failed() || !entry.has("value")) {
      entry.number("value", true, 0, 0); // "missing" when absent
      return nullptr;
    }
    return &(*field)["value"];
  }

  std::optional<double> number(std::string_view key, bool required,
                               double minimum, double maximum) {
    return readValue(key, required, [&](DataFields &entry, const json &) {
      return entry.number("value", true, minimum, maximum);
    });
  }

  std::optional<int64_t> integer(std::string_view key, bool required,
                                 int64_t minimum, int64_t maximum) {
    return readValue(key, required, [&](DataFields &entry, const json &) {
      return entry.integer("value", true, minimum, maximum);
    });
  }

  /// A bandwidth in bytes per cycle: a positive integer or "unbounded"
  /// (0).
  std::optional<int64_t> bandwidth(std::string_view key) {
    return readValue(key, true,
                     [&](DataFields &entry,
                         const json &found) -> std::optional<int64_t> {
      if (found.is_string() && found == "unbounded")
        return 0;
      if (!found.is_number_integer()) {
        entry.fail("value", "expected a whole number of bytes per cycle or "
                            "\"unbounded\", got " +
                                found.dump());
        return std::nullopt;
      }
      return entry.integer("value", true, 1, kMaxBytesPerCycle);
    });
  }

private:
  /// \p read applied to the value of field \p key (as a one-member
  /// object, so that DataFields' messages name the field, and as itself).
  template <typename Read>
  auto readValue(std::string_view key, bool required, Read read)
      -> decltype(read(std::declval<DataFields &>(), std::declval<json>())) {
    const json *found = value(key, required);
    if (!found)
      return std::nullopt;
    json wrapper = {{"value", *found}};
    DataFields entry(wrapper, where + ": field '" + std::string(key) + "'",
                     error);
    return read(entry, *found);
  }

  DataFields &fields;
  std::string where;
  std::string &error;
};

bool isPlatformName(const std::string &name) {
  return !name.empty() && name.size() <= 64 &&
         std::all_of(name.begin(), name.end(), [](char c) {
           return std::isalnum(static_cast<unsigned char>(c)) || c == '_' ||
                  c == '-';
         });
}

std::optional<std::string> readPlatform(const json &root,
                                        const std::string &origin,
                                        PlatformSpec &spec) {
  std::string error;
  DataFields top(root, origin, error);
  top.allowOnly({"name", "source", "fields"});
  std::optional<std::string> name = top.text("name", true);
  if (name && !isPlatformName(*name))
    top.fail("name", "'" + *name +
                         "' is not a name: up to 64 letters, digits, '_' "
                         "and '-'");
  std::optional<std::string> source = top.text("source", true);
  const json *fieldsObject = top.object("fields", true);
  if (top.failed())
    return error;

  DataFields fields(*fieldsObject, origin + ": fields", error);
  fields.allowOnly({"area_mm2", "clock_ghz", "element_bytes",
                    "offchip_bytes_per_cycle", "noc_bytes_per_cycle",
                    "mac_pj", "l1_access_pj", "l2_access_pj",
                    "dram_pj_per_byte", "num_pes", "array_rows",
                    "array_columns", "l1_bytes", "l2_bytes"});
  FieldReader read(fields, origin, error);
  PlatformSpec out;
  out.name = *name;
  out.source = *source;
  std::optional<double> area = read.number("area_mm2", true, 1e-9, 1e6);
  std::optional<double> clock = read.number("clock_ghz", true, 1e-6, 1e3);
  std::optional<int64_t> bytes = read.integer("element_bytes", true, 1, 64);
  std::optional<int64_t> offchip = read.bandwidth("offchip_bytes_per_cycle");
  std::optional<int64_t> noc = read.bandwidth("noc_bytes_per_cycle");
  std::optional<double> mac = read.number("mac_pj", true, 0, 1e6);
  std::optional<double> l1 = read.number("l1_access_pj", true, 0, 1e6);
  std::optional<double> l2 = read.number("l2_access_pj", true, 0, 1e6);
  std::optional<double> dram = read.number("dram_pj_per_byte", true, 0, 1e6);
  if (!error.empty())
    return error;
  out.areaMm2 = *area;
  out.clockGHz = *clock;
  out.elementBytes = *bytes;
  out.offchipBytesPerCycle = *offchip;
  out.nocBytesPerCycle = *noc;
  out.energy.macNJ = *mac / kPJPerNJ;
  out.energy.l1AccessNJ = *l1 / kPJPerNJ;
  out.energy.l2AccessNJ = *l2 / kPJPerNJ;
  out.energy.offchipNJPerByte = *dram / kPJPerNJ;

  // Fixed hardware: all five fields or none.
  static constexpr std::string_view kFixed[] = {
      "num_pes", "array_rows", "array_columns", "l1_bytes", "l2_bytes"};
  int present = 0;
  for (std::string_view key : kFixed)
    present += fields.has(key);
  if (present != 0 && present != 5) {
    for (std::string_view key : kFixed)
      if (!fields.has(key))
        fields.fail(key, "missing: fixed hardware needs num_pes, array_rows, "
                         "array_columns, l1_bytes and l2_bytes");
    return error;
  }
  if (present == 5) {
    FixedPlatformHardware fixed;
    constexpr int64_t kMax = int64_t(1) << 40;
    std::optional<int64_t> pes = read.integer("num_pes", true, 1, kMax);
    std::optional<int64_t> rows = read.integer("array_rows", true, 1, kMax);
    std::optional<int64_t> columns =
        read.integer("array_columns", true, 1, kMax);
    std::optional<int64_t> l1Bytes = read.integer("l1_bytes", true, 1, kMax);
    std::optional<int64_t> l2Bytes = read.integer("l2_bytes", true, 1, kMax);
    if (!error.empty())
      return error;
    if (*rows * *columns != *pes) {
      fields.fail("array_rows", "the array is " + std::to_string(*rows) +
                                    " x " + std::to_string(*columns) +
                                    " PEs, but num_pes is " +
                                    std::to_string(*pes));
      return error;
    }
    fixed.numPEs = *pes;
    fixed.arrayRows = *rows;
    fixed.arrayColumns = *columns;
    fixed.l1Bytes = *l1Bytes;
    fixed.l2Bytes = *l2Bytes;
    out.fixedHardware = fixed;
  }
  spec = std::move(out);
  return std::nullopt;
}

} // namespace

std::optional<std::string>
digamma::api::parsePlatformText(std::string_view text,
                                const std::string &origin,
                                PlatformSpec &spec) {
  std::string error;
  std::optional<json> root = parseDataText(text, origin, error);
  if (!root)
    return error;
  return readPlatform(*root, origin, spec);
}

std::optional<std::string>
digamma::api::readPlatformFile(const std::string &path, PlatformSpec &spec) {
  std::string error;
  std::optional<json> root = readDataFile(path, error);
  if (!root)
    return error;
  if (std::optional<std::string> message = readPlatform(*root, path, spec))
    return message;
  spec.path = path;
  return std::nullopt;
}
