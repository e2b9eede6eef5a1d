//===- DataFile.cpp - JSON data files: platforms, map spaces --------------===//

#include "DataFile.h"

#include <cmath>
#include <fstream>
#include <sstream>

using namespace digamma;
using namespace digamma::api;
using nlohmann::json;

/// 1-based line and column of byte offset \p offset in \p text.
static std::pair<size_t, size_t> lineAndColumn(std::string_view text,
                                               size_t offset) {
  size_t line = 1, column = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return {line, column};
}

std::optional<json> digamma::api::parseDataText(std::string_view text,
                                                const std::string &origin,
                                                std::string &error) {
  try {
    return json::parse(text.begin(), text.end(), /*cb=*/nullptr,
                       /*allow_exceptions=*/true, /*ignore_comments=*/false);
  } catch (const json::parse_error &failure) {
    // nlohmann's byte is 1-based and points just past the offending token.
    size_t offset = failure.byte == 0 ? 0 : failure.byte - 1;
    auto [line, column] = lineAndColumn(text, offset);
    std::string what = failure.what();
    // Drop nlohmann's "[json.exception.parse_error.101] parse error at line
    // 1, column 2: " prefix: the location is ours.
    size_t colon = what.find(": ");
    if (colon != std::string::npos)
      what = what.substr(colon + 2);
    error = origin + ":" + std::to_string(line) + ":" + std::to_string(column) +
            ": invalid JSON: " + what;
    return std::nullopt;
  }
}

std::optional<json> digamma::api::readDataFile(const std::string &path,
                                               std::string &error) {
  std::ifstream stream(path, std::ios::binary);
  if (!stream) {
    error = path + ": cannot read the file";
    return std::nullopt;
  }
  std::ostringstream text;
  text << stream.rdbuf();
  return parseDataText(text.str(), path, error);
}

DataFields::DataFields(const json &object, std::string where,
                       std::string &error)
    : object_(object), where(std::move(where)), error(error) {
  if (!object_.is_object() && error.empty())
    error = this->where + ": expected a JSON object";
}

void DataFields::fail(std::string_view key, const std::string &message) {
  if (failed())
    return;
  error = where + ": field '" + std::string(key) + "': " + message;
}

void DataFields::allowOnly(std::initializer_list<std::string_view> allowed) {
  if (failed())
    return;
  for (const auto &item : object_.items()) {
    bool known = false;
    for (std::string_view key : allowed)
      known = known || item.key() == key;
    if (known)
      continue;
    std::string names;
    for (std::string_view key : allowed)
      names += (names.empty() ? "" : ", ") + std::string(key);
    fail(item.key(), "unknown field; the fields are " + names);
    return;
  }
}

bool DataFields::has(std::string_view key) const {
  return object_.is_object() && object_.contains(key);
}

const json *DataFields::find(std::string_view key, bool required) {
  if (failed())
    return nullptr;
  auto it = object_.find(key);
  if (it == object_.end()) {
    if (required)
      fail(key, "missing");
    return nullptr;
  }
  return &*it;
}

/// The value as text for messages, shortened.
static std::string shown(const json &value) {
  std::string text = value.dump();
  return text.size() > 40 ? text.substr(0, 37) + "..." : text;
}

/// Range bounds as text: integers without a fraction.
static std::string shown(double bound) {
  std::ostringstream text;
  text << bound;
  return text.str();
}

std::optional<double> DataFields::number(std::string_view key, bool required,
                                         double minimum, double maximum) {
  const json *value = find(key, required);
  if (!value)
    return std::nullopt;
  if (!value->is_number()) {
    fail(key, "expected a number, got " + shown(*value));
    return std::nullopt;
  }
  double number = value->get<double>();
  if (!std::isfinite(number) || number < minimum || number > maximum) {
    fail(key, "expected a number in [" + shown(minimum) + ", " +
                  shown(maximum) + "], got " + shown(*value));
    return std::nullopt;
  }
  return number;
}

std::optional<int64_t> DataFields::integer(std::string_view key, bool required,
                                           int64_t minimum, int64_t maximum) {
  const json *value = find(key, required);
  if (!value)
    return std::nullopt;
  if (!value->is_number_integer()) {
    fail(key, "expected an integer, got " + shown(*value));
    return std::nullopt;
  }
  // A large unsigned value does not fit int64_t: reject it by range.
  if (value->is_number_unsigned() &&
      value->get<uint64_t>() > static_cast<uint64_t>(maximum)) {
    fail(key, "expected an integer in [" + std::to_string(minimum) + ", " +
                  std::to_string(maximum) + "], got " + shown(*value));
    return std::nullopt;
  }
  int64_t number = value->get<int64_t>();
  if (number < minimum || number > maximum) {
    fail(key, "expected an integer in [" + std::to_string(minimum) + ", " +
                  std::to_string(maximum) + "], got " + shown(*value));
    return std::nullopt;
  }
  return number;
}

std::optional<std::string> DataFields::text(std::string_view key,
                                            bool required) {
  const json *value = find(key, required);
  if (!value)
    return std::nullopt;
  if (!value->is_string()) {
    fail(key, "expected a string, got " + shown(*value));
    return std::nullopt;
  }
  return value->get<std::string>();
}

const json *DataFields::object(std::string_view key, bool required) {
  const json *value = find(key, required);
  if (value && !value->is_object()) {
    fail(key, "expected an object, got " + shown(*value));
    return nullptr;
  }
  return value;
}

const json *DataFields::array(std::string_view key, bool required) {
  const json *value = find(key, required);
  if (value && !value->is_array()) {
    fail(key, "expected an array, got " + shown(*value));
    return nullptr;
  }
  return value;
}
