//===- MapSpaceFile.cpp - Map-space constraints as JSON files -------------===//
//
// Reads through DataFile.h (typed fields, unknown fields rejected, located
// messages) and hands the result to search::validateMapSpace(), the one
// check of a space whatever its origin (file, IR attribute, C++).
//
//===----------------------------------------------------------------------===//

#include "digamma/Api/MapSpaceFile.h"

#include "digamma/Api/DataDirs.h"
#include "digamma/Api/Request.h"
#include "digamma/Search/Options.h"

#include "DataFile.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

using namespace digamma;
using namespace digamma::api;
using nlohmann::json;

namespace {

/// "K", "C", ... as a dimension; "Y'" and "X'" are not accepted here: a
/// constraint's Y and X are the mapping's (output) Y and X.
std::optional<cost::Dim> dimOf(const json &value) {
  if (!value.is_string())
    return std::nullopt;
  std::string name = value.get<std::string>();
  for (cost::Dim dim : cost::kAllDims)
    if (cost::dimName(dim) == name)
      return dim;
  return std::nullopt;
}

constexpr const char *kDimNames = "K, C, Y, X, R or S";

/// Largest fixed size a file may give (a PE count or tile beyond it is no
/// accelerator's).
constexpr int64_t kMaxSize = int64_t(1) << 30;

/// A size: an integer in [1, kMaxSize] or a dimension's name (its parent
/// tile).
std::optional<search::SizeRule> sizeOf(const json &value, DataFields &fields,
                                       std::string_view key) {
  if (value.is_number_integer() &&
      (value.is_number_unsigned() ? value.get<uint64_t>() <= uint64_t(kMaxSize)
                                  : value.get<int64_t>() >= 1 &&
                                        value.get<int64_t>() <= kMaxSize) &&
      value.get<int64_t>() >= 1)
    return search::SizeRule::fixed(value.get<int64_t>());
  if (std::optional<cost::Dim> dim = dimOf(value))
    return search::SizeRule::parentTile(*dim);
  fields.fail(key, "expected an integer in [1, " + std::to_string(kMaxSize) +
                       "] or a dimension (" + std::string(kDimNames) +
                       "), got " + value.dump());
  return std::nullopt;
}

/// An array of distinct dimensions, 1 to 6 of them, into \p dims.
bool dimsOf(const json &array, DataFields &fields, std::string_view key,
            std::vector<cost::Dim> &dims) {
  if (array.empty() || array.size() > cost::kNumDims) {
    fields.fail(key, "expected 1 to 6 dimensions, got " +
                         std::to_string(array.size()));
    return false;
  }
  int seen = 0;
  for (const json &value : array) {
    std::optional<cost::Dim> dim = dimOf(value);
    if (!dim) {
      fields.fail(key, "expected a dimension (" + std::string(kDimNames) +
                           "), got " + value.dump());
      return false;
    }
    int bit = 1 << static_cast<int>(*dim);
    if (seen & bit) {
      fields.fail(key, std::string(cost::dimName(*dim)) + " appears twice");
      return false;
    }
    seen |= bit;
    dims.push_back(*dim);
  }
  return true;
}

bool readLevel(const json &object, const std::string &where,
               search::MapSpaceLevel &level, std::string &error) {
  DataFields fields(object, where, error);
  fields.allowOnly({"parallel", "parallel_size", "order", "tiles"});
  if (const json *parallel = fields.array("parallel", false)) {
    std::vector<cost::Dim> dims;
    if (!dimsOf(*parallel, fields, "parallel", dims))
      return false;
    for (cost::Dim dim : dims)
      level.parallelDims |= uint8_t(1u << static_cast<int>(dim));
  }
  if (!fields.failed() && fields.has("parallel_size")) {
    std::optional<search::SizeRule> size =
        sizeOf(object.at("parallel_size"), fields, "parallel_size");
    if (!size)
      return false;
    level.parallelSize = *size;
  }
  if (const json *order = fields.array("order", false)) {
    std::vector<cost::Dim> dims;
    if (!dimsOf(*order, fields, "order", dims))
      return false;
    level.orderPrefixLength = static_cast<int>(dims.size());
    std::copy(dims.begin(), dims.end(), level.orderPrefix.begin());
  }
  if (const json *tiles = fields.object("tiles", false)) {
    DataFields tileFields(*tiles, where + ".tiles", error);
    tileFields.allowOnly({"K", "C", "Y", "X", "R", "S"});
    for (cost::Dim dim : cost::kAllDims) {
      std::string key(cost::dimName(dim));
      if (tileFields.failed() || !tileFields.has(key))
        continue;
      std::optional<search::SizeRule> tile =
          sizeOf(tiles->at(key), tileFields, key);
      if (!tile)
        return false;
      level.tiles[static_cast<int>(dim)] = *tile;
    }
  }
  return !fields.failed();
}

/// The file name of \p path without directory and `.json`.
std::string stemOf(const std::string &path) {
  std::filesystem::path file(path);
  return file.extension() == ".json" ? file.stem().string()
                                     : file.filename().string();
}

} // namespace

/// The map space \p root describes.
static std::optional<std::string> fromJson(const json &root,
                                           const std::string &origin,
                                           const std::string &name,
                                           MapSpaceFile &out) {
  out = MapSpaceFile();
  std::string error;
  DataFields fields(root, origin, error);
  fields.allowOnly({"source", "title", "levels"});
  std::optional<std::string> source = fields.text("source", true);
  std::optional<std::string> title = fields.text("title", false);
  const json *levels = fields.array("levels", true);
  if (fields.failed())
    return error;
  if (source->empty())
    return origin + ": field 'source': say where the constraint comes from";
  if (levels->empty() || levels->size() > 3)
    return origin + ": field 'levels': expected 1 to 3 levels, got " +
           std::to_string(levels->size());
  search::MapSpace &space = out.space;
  space.name = name;
  space.numLevels = static_cast<int>(levels->size());
  for (size_t l = 0; l < levels->size(); ++l)
    if (!readLevel((*levels)[l], origin + ": levels[" + std::to_string(l) + "]",
                   space.levels[l], error))
      return error;
  if (std::optional<std::string> invalid = search::validateMapSpace(space))
    return origin + ": " + *invalid;
  out.source = *source;
  out.title = title.value_or("");
  return std::nullopt;
}

std::optional<std::string>
digamma::api::parseMapSpaceText(std::string_view text,
                                const std::string &origin,
                                const std::string &name, MapSpaceFile &out) {
  std::string error;
  std::optional<json> root = parseDataText(text, origin, error);
  if (!root)
    return error;
  return fromJson(*root, origin, name, out);
}

std::optional<std::string>
digamma::api::readMapSpaceFile(const std::string &path, MapSpaceFile &out) {
  std::string error;
  std::optional<json> root = readDataFile(path, error);
  if (!root)
    return error;
  return fromJson(*root, path, stemOf(path), out);
}

std::string digamma::api::bundledMapSpaceDir() {
  std::string installed = installedDataDir(DIGAMMA_INSTALLED_CONSTRAINTS_DIR);
  if (!installed.empty())
    return installed;
  if (isDirectory(DIGAMMA_CONSTRAINTS_DIR))
    return DIGAMMA_CONSTRAINTS_DIR;
  return DIGAMMA_INSTALL_PREFIX_CONSTRAINTS_DIR;
}

std::vector<std::string> digamma::api::bundledMapSpaceNames() {
  std::vector<std::string> names;
  std::error_code failure;
  for (const auto &entry :
       std::filesystem::directory_iterator(bundledMapSpaceDir(), failure))
    if (entry.path().extension() == ".json")
      names.push_back(entry.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::optional<std::string>
digamma::api::loadBundledMapSpace(const std::string &name, MapSpaceFile &out) {
  std::vector<std::string> names = bundledMapSpaceNames();
  if (std::find(names.begin(), names.end(), name) == names.end()) {
    std::vector<std::string_view> views(names.begin(), names.end());
    return unknownName("constraint", name,
                       views.empty() ? "a constraint bundled in " +
                                           bundledMapSpaceDir()
                                     : search::joinNames(views));
  }
  return readMapSpaceFile(bundledMapSpaceDir() + "/" + name + ".json", out);
}
