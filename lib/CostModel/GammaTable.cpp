//===- GammaTable.cpp - GAMMA layer tables as cost-model layers -----------===//

#include "digamma/CostModel/GammaTable.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string_view>
#include <vector>

using namespace digamma::cost;

// The rules are those of the MLIR importer (lib/Translate/ImportGammaCsv.cpp,
// README "Bundled models"), so that both readers accept the same tables and
// read the same layers; digamma-gamma-csv-fuzzer checks that they do.

/// Trims the blanks llvm::StringRef::trim() trims.
static std::string_view trim(std::string_view s) {
  const char *blanks = " \t\n\v\f\r";
  size_t begin = s.find_first_not_of(blanks);
  if (begin == std::string_view::npos)
    return {};
  return s.substr(begin, s.find_last_not_of(blanks) - begin + 1);
}

/// A decimal int64 with an optional leading '-' and nothing else (what
/// llvm::StringRef::getAsInteger(10, int64_t&) accepts).
static bool parseInteger(std::string_view text, int64_t &value) {
  bool negative = !text.empty() && text.front() == '-';
  if (negative)
    text.remove_prefix(1);
  if (text.empty())
    return false;
  uint64_t magnitude = 0;
  for (char ch : text) {
    if (ch < '0' || ch > '9')
      return false;
    if (magnitude > (UINT64_MAX - (ch - '0')) / 10)
      return false;
    magnitude = magnitude * 10 + (ch - '0');
  }
  if (magnitude > uint64_t(INT64_MAX) + (negative ? 1 : 0))
    return false;
  value = negative ? int64_t(0 - magnitude) : int64_t(magnitude);
  return true;
}

/// Largest accepted extent, as in the importer (tensor dimensions).
static constexpr int64_t kMaxExtent = INT32_MAX;

GammaTable digamma::cost::parseGammaTable(const std::string &text) {
  GammaTable table;
  int lineNumber = 0;
  bool sawHeader = false;
  auto fail = [&](const std::string &what) {
    table.layers.clear();
    table.error = "line " + std::to_string(std::max(lineNumber, 1)) + ": " + what;
    return table;
  };
  std::string_view rest(text);
  while (!rest.empty()) {
    size_t newline = rest.find('\n');
    std::string_view line = trim(rest.substr(0, newline));
    rest = newline == std::string_view::npos ? std::string_view()
                                             : rest.substr(newline + 1);
    ++lineNumber;
    if (line.empty())
      continue;
    if (!sawHeader) {
      // The header names the columns and ends in T (any case).
      size_t comma = line.rfind(',');
      std::string_view last = comma == std::string_view::npos
                                  ? std::string_view()
                                  : trim(line.substr(comma + 1));
      if (last != "T" && last != "t")
        return fail("expected a header line such as 'K,C,Y,X,R,S,T'");
      sawHeader = true;
      continue;
    }
    std::vector<std::string_view> cells;
    for (size_t begin = 0;;) {
      size_t comma = line.find(',', begin);
      cells.push_back(trim(line.substr(
          begin, comma == std::string_view::npos ? comma : comma - begin)));
      if (comma == std::string_view::npos)
        break;
      begin = comma + 1;
    }
    if (cells.size() != 7)
      return fail("expected 7 fields, found " + std::to_string(cells.size()));
    int64_t v[7];
    for (int i = 0; i < 7; ++i)
      if (!parseInteger(cells[i], v[i]))
        return fail("field '" + std::string(cells[i]) + "' is not an integer");
    Layer layer;
    int used = 6;
    switch (v[6]) {
    case 0: // FC (Out, In)
      layer.layerClass = LayerClass::Gemm;
      layer.k = v[0];
      layer.c = v[1];
      used = 2;
      break;
    case 1:
    case 2:
      layer.layerClass =
          v[6] == 1 ? LayerClass::Conv : LayerClass::DepthwiseConv;
      layer.k = v[0];
      layer.c = v[1];
      layer.y = v[2];
      layer.x = v[3];
      layer.r = v[4];
      layer.s = v[5];
      break;
    case 3: // GEMM (M, N, K): K := N, C := K, Y := M
      layer.layerClass = LayerClass::Gemm;
      layer.k = v[1];
      layer.c = v[2];
      layer.y = v[0];
      used = 3;
      break;
    default:
      return fail("unknown layer type " + std::to_string(v[6]));
    }
    for (int i = 0; i < used; ++i) {
      if (v[i] <= 0)
        return fail("non-positive dimension");
      if (v[i] > kMaxExtent)
        return fail("dimension " + std::to_string(v[i]) +
                    " exceeds the largest supported extent " +
                    std::to_string(kMaxExtent));
    }
    if (layer.r > layer.y || layer.s > layer.x)
      return fail("filter larger than input");
    if (layer.layerClass == LayerClass::DepthwiseConv && layer.k != 1)
      return fail("depthwise layers have K = 1 (C counts the channels)");
    table.layers.push_back(layer);
  }
  if (table.layers.empty())
    return fail("no layers");
  return table;
}

GammaTable digamma::cost::readGammaTable(const std::string &path) {
  // A directory opens like a file and reads as empty.
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    GammaTable table;
    table.error = "cannot read " + path + ": it is a directory";
    return table;
  }
  std::ifstream file(path);
  if (!file) {
    GammaTable table;
    table.error = "cannot open " + path;
    return table;
  }
  std::stringstream buffer;
  buffer << file.rdbuf();
  return parseGammaTable(buffer.str());
}
