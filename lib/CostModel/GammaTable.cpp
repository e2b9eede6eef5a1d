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

/// Largest accepted extent: it becomes a tensor dimension on import, and
/// larger values are almost certainly typos.
static constexpr int64_t kMaxExtent = INT32_MAX;

std::string GammaTable::error() const {
  if (errorMessage.empty() || errorLine <= 0)
    return errorMessage;
  return "line " + std::to_string(errorLine) + ": " + errorMessage;
}

GammaTable digamma::cost::parseGammaTable(const std::string &text) {
  GammaTable table;
  int lineNumber = 0;
  bool sawHeader = false;
  auto fail = [&](const std::string &what) {
    table.layers.clear();
    table.layerLines.clear();
    table.errorLine = std::max(lineNumber, 1); // an empty text has no line 0
    table.errorMessage = what;
    return table;
  };
  auto failRow = [&](const std::string &what) {
    return fail("malformed GAMMA layer: " + what);
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
      // GAMMA headers name the columns and end in T (any case):
      // `K,C,Y,X,R,S,T`, `M,N,K,0,0,0,T`, `O,I,0,0,0,0,T`.
      size_t comma = line.rfind(',');
      std::string_view last = comma == std::string_view::npos
                                  ? std::string_view()
                                  : trim(line.substr(comma + 1));
      if (last != "T" && last != "t")
        return fail("malformed GAMMA table: expected a header line such as "
                    "'K,C,Y,X,R,S,T' before the layers");
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
      return failRow("expected 7 comma-separated fields (K,C,Y,X,R,S,T), "
                     "found " +
                     std::to_string(cells.size()));
    int64_t v[7];
    for (int i = 0; i < 7; ++i)
      if (!parseInteger(cells[i], v[i]))
        return failRow("field " + std::to_string(i + 1) + " ('" +
                       std::string(cells[i]) + "') is not an integer");
    // Only the columns a type uses must be positive extents.
    static constexpr const char *kConvNames[] = {"K", "C", "Y", "X", "R", "S"};
    static constexpr const char *kGemmNames[] = {"M", "N", "K"};
    static constexpr const char *kFcNames[] = {"Out", "In"};
    const char *const *names = kConvNames;
    int used = 6;
    Layer layer;
    switch (v[6]) {
    case 0: // FC (Out, In): a GEMM with M = 1.
      layer = Layer{LayerClass::Gemm, /*n=*/1, /*k=*/v[0], /*c=*/v[1]};
      names = kFcNames;
      used = 2;
      break;
    case 1:
    case 2:
      layer = Layer{v[6] == 1 ? LayerClass::Conv : LayerClass::DepthwiseConv,
                    /*n=*/1,
                    v[0],
                    v[1],
                    v[2],
                    v[3],
                    v[4],
                    v[5]};
      break;
    case 3: // GEMM (M, N, K): K := N, C := K, Y := M.
      layer = Layer{LayerClass::Gemm, /*n=*/1, /*k=*/v[1], /*c=*/v[2],
                    /*y=*/v[0]};
      names = kGemmNames;
      used = 3;
      break;
    default:
      return failRow("unknown layer type T = " + std::to_string(v[6]) +
                     " (expected 0 FC, 1 CONV, 2 depthwise, 3 GEMM)");
    }
    for (int i = 0; i < used; ++i) {
      std::string field = std::string(names[i]) + " = " + std::to_string(v[i]);
      if (v[i] <= 0)
        return failRow(field + " must be positive");
      if (v[i] > kMaxExtent)
        return failRow(field + " exceeds the largest supported extent " +
                       std::to_string(kMaxExtent));
    }
    if (layer.r > layer.y || layer.s > layer.x)
      return failRow("the filter (" + std::to_string(layer.r) + "x" +
                     std::to_string(layer.s) + ") is larger than the input (" +
                     std::to_string(layer.y) + "x" + std::to_string(layer.x) +
                     ")");
    if (layer.layerClass == LayerClass::DepthwiseConv && layer.k != 1)
      return failRow("depthwise layers have K = 1 (C counts the channels), "
                     "found K = " +
                     std::to_string(layer.k));
    table.layers.push_back(layer);
    table.layerLines.push_back(lineNumber);
  }
  if (table.layers.empty())
    return fail("malformed GAMMA table: no layers");
  return table;
}

GammaTable digamma::cost::readGammaTable(const std::string &path) {
  // A directory opens like a file and reads as empty.
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    GammaTable table;
    table.errorMessage = "cannot read " + path + ": it is a directory";
    return table;
  }
  std::ifstream file(path);
  if (!file) {
    GammaTable table;
    table.errorMessage = "cannot open " + path;
    return table;
  }
  std::stringstream buffer;
  buffer << file.rdbuf();
  return parseGammaTable(buffer.str());
}
