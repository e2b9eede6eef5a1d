//===- GammaTable.cpp - GAMMA layer tables as cost-model layers -----------===//

#include "digamma/CostModel/GammaTable.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

using namespace digamma::cost;

static std::string trim(const std::string &s) {
  size_t begin = s.find_first_not_of(" \t\r");
  size_t end = s.find_last_not_of(" \t\r");
  return begin == std::string::npos ? "" : s.substr(begin, end - begin + 1);
}

GammaTable digamma::cost::parseGammaTable(const std::string &text) {
  GammaTable table;
  std::istringstream stream(text);
  std::string line;
  int lineNumber = 0;
  bool sawHeader = false;
  auto fail = [&](const std::string &what) {
    table.layers.clear();
    table.error = "line " + std::to_string(lineNumber) + ": " + what;
    return table;
  };
  while (std::getline(stream, line)) {
    ++lineNumber;
    line = trim(line);
    if (line.empty())
      continue;
    if (!sawHeader) {
      // The header names the columns and ends in T.
      if (trim(line.substr(line.rfind(',') + 1)) != "T")
        return fail("expected a header line such as 'K,C,Y,X,R,S,T'");
      sawHeader = true;
      continue;
    }
    int64_t v[7];
    std::istringstream cells(line);
    std::string cell;
    int count = 0;
    while (std::getline(cells, cell, ',')) {
      if (count == 7)
        return fail("more than 7 fields");
      cell = trim(cell);
      char *end = nullptr;
      long long value = std::strtoll(cell.c_str(), &end, 10);
      if (cell.empty() || *end != '\0')
        return fail("field '" + cell + "' is not an integer");
      v[count++] = value;
    }
    if (count != 7)
      return fail("expected 7 fields, found " + std::to_string(count));
    Layer layer;
    switch (v[6]) {
    case 0: // FC (Out, In)
      layer.layerClass = LayerClass::Gemm;
      layer.k = v[0];
      layer.c = v[1];
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
      break;
    default:
      return fail("unknown layer type " + std::to_string(v[6]));
    }
    for (int64_t e : {layer.k, layer.c, layer.y, layer.x, layer.r, layer.s})
      if (e <= 0)
        return fail("non-positive dimension");
    if (layer.r > layer.y || layer.s > layer.x)
      return fail("filter larger than input");
    table.layers.push_back(layer);
  }
  if (table.layers.empty() && table.error.empty())
    return fail("no layers");
  return table;
}

GammaTable digamma::cost::readGammaTable(const std::string &path) {
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
