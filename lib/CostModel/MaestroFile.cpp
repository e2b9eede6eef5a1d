//===- MaestroFile.cpp - MAESTRO mapping files ----------------------------===//
//
// Tokens follow MAESTRO's lexer (spec section 3): separators are blanks and
// , - > ( ) : ; and a token starting with // ends the line. Braces are
// split off as tokens of their own so that `{K:` and `3}` also parse.
//
//===----------------------------------------------------------------------===//

#include "digamma/CostModel/MaestroFile.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace digamma::cost;

namespace {

struct Token {
  std::string text;
  int line;
};

std::vector<Token> tokenize(std::string_view text, int firstLine) {
  std::vector<Token> tokens;
  int line = firstLine;
  std::string current;
  bool comment = false;
  auto flush = [&] {
    if (current.empty())
      return;
    if (current.rfind("//", 0) == 0)
      comment = true;
    else
      tokens.push_back({current, line});
    current.clear();
  };
  for (char ch : text) {
    if (ch == '\n') {
      flush();
      comment = false;
      ++line;
      continue;
    }
    if (comment)
      continue;
    switch (ch) {
    case ' ':
    case '\t':
    case '\r':
    case ',':
    case '-':
    case '>':
    case '(':
    case ')':
    case ':':
    case ';':
      flush();
      break;
    case '{':
    case '}':
      flush();
      if (!comment)
        tokens.push_back({std::string(1, ch), line});
      break;
    default:
      current += ch;
      // A comment may start in the middle of a token run ("3;//").
      if (current.size() >= 2 && current.compare(current.size() - 2, 2,
                                                 "//") == 0) {
        current.resize(current.size() - 2);
        flush();
        comment = true;
      }
    }
  }
  flush();
  return tokens;
}

std::string at(int line, const std::string &message) {
  return "line " + std::to_string(line) + ": " + message;
}

/// A positive integer below 2^40 (anything larger is not a layer size).
bool parsePositive(const std::string &text, int64_t &value) {
  if (text.empty() || text.size() > 13)
    return false;
  value = 0;
  for (char ch : text) {
    if (ch < '0' || ch > '9')
      return false;
    value = value * 10 + (ch - '0');
  }
  return value > 0 && value < (int64_t(1) << 40);
}

class Parser {
public:
  Parser(std::vector<Token> tokens, int lastLine)
      : tokens(std::move(tokens)), lastLine(lastLine) {}

  bool atEnd() const { return pos >= tokens.size(); }
  const Token &peek() const { return tokens[pos]; }
  int line() const { return atEnd() ? lastLine : tokens[pos].line; }
  bool next(Token &token, const char *what) {
    if (atEnd()) {
      error = at(lastLine, std::string("unexpected end of file, expected ") +
                               what);
      return false;
    }
    token = tokens[pos++];
    return true;
  }
  bool expect(const char *text) {
    Token token;
    if (!next(token, (std::string("'") + text + "'").c_str()))
      return false;
    if (token.text != text) {
      error = at(token.line, std::string("expected '") + text + "', found '" +
                                 token.text + "'");
      return false;
    }
    return true;
  }

  std::vector<Token> tokens;
  size_t pos = 0;
  int lastLine;
  std::string error;
};

/// Directives of one Dataflow block, up to the closing brace (if
/// \p braced) or the end of the tokens.
std::string parseDirectives(Parser &p, const Layer &layer, Mapping &mapping,
                            bool braced) {
  const bool depthwise = layer.layerClass == LayerClass::DepthwiseConv;
  mapping = Mapping();
  mapping.numLevels = 1;
  int count = 0, spatial = 0, seen = 0;
  int endLine = p.lastLine;
  auto finishLevel = [&](int line) -> std::string {
    std::string level = "level " + std::to_string(mapping.numLevels - 1);
    if (count == 0)
      return at(line, level + " has no directive");
    if (spatial == 0)
      return at(line, level + " has no SpatialMap");
    int needed = depthwise ? 0x3e : 0x3f;
    for (Dim d : kAllDims) {
      int b = 1 << static_cast<int>(d);
      if ((needed & b) && !(seen & b)) {
        std::string name(dimName(d));
        if (d == Dim::Y || d == Dim::X)
          name += "'";
        return at(line, level + " has no directive for " + name);
      }
    }
    MappingLevel &ml = mapping.level(mapping.numLevels - 1);
    if (depthwise) {
      // K is not a dimension of depthwise layers: keep it last, tile 1.
      ml.order[kNumDims - 1] = Dim::K;
      ml.tile(Dim::K) = 1;
    }
    return "";
  };
  int orderPos = 0;
  for (;;) {
    if (p.atEnd()) {
      if (braced)
        return at(p.lastLine, "unterminated Dataflow block");
      break;
    }
    Token kw = p.peek();
    if (kw.text == "}") {
      if (!braced)
        return at(kw.line, "unexpected '}'");
      ++p.pos;
      endLine = kw.line;
      break;
    }
    ++p.pos;
    if (kw.text == "Cluster") {
      Token size, kind;
      if (!p.next(size, "a cluster size") || !p.next(kind, "P or L"))
        return p.error;
      int64_t value;
      if (!parsePositive(size.text, value))
        return at(size.line, "cluster size must be a positive integer, found '" +
                                  size.text + "'");
      if (kind.text != "P" && kind.text != "L")
        return at(kind.line, "expected P or L after the cluster size, found '" +
                                 kind.text + "'");
      if (std::string e = finishLevel(kw.line); !e.empty())
        return e;
      if (mapping.numLevels == kMaxLevels)
        return at(kw.line, "at most " + std::to_string(kMaxLevels - 1) +
                               " Cluster directives are supported");
      ++mapping.numLevels;
      mapping.level(mapping.numLevels - 1).clusterSize = value;
      count = spatial = seen = orderPos = 0;
      continue;
    }
    bool isSpatial = kw.text == "SpatialMap";
    if (!isSpatial && kw.text != "TemporalMap")
      return at(kw.line, "expected SpatialMap, TemporalMap or Cluster, found '" +
                             kw.text + "'");
    Token size, offset, var;
    if (!p.next(size, "a map size") || !p.next(offset, "a map offset") ||
        !p.next(var, "a dimension"))
      return p.error;
    int64_t s, o;
    if (!parsePositive(size.text, s))
      return at(size.line,
                "map size must be a positive integer, found '" + size.text + "'");
    if (!parsePositive(offset.text, o))
      return at(offset.line, "map offset must be a positive integer, found '" +
                                 offset.text + "'");
    if (s != o)
      return at(kw.line, "map size and offset differ (" + size.text + " vs " +
                             offset.text +
                             "); only maps with size == offset are supported");
    std::optional<Dim> dim;
    if (var.text == "Y'" || var.text == "X'")
      dim = parseDim(var.text);
    else if (var.text != "Y" && var.text != "X")
      dim = parseDim(var.text);
    if (!dim) {
      if (var.text == "Y" || var.text == "X")
        return at(var.line, "map " + var.text + " as output coordinates (" +
                                var.text + "')");
      return at(var.line, "unknown dimension '" + var.text + "'");
    }
    if (depthwise && *dim == Dim::K)
      return at(var.line, "DSCONV layers have no K dimension to map");
    int b = 1 << static_cast<int>(*dim);
    if (seen & b)
      return at(var.line, "dimension " + var.text +
                              " is mapped twice in one level");
    if (isSpatial && ++spatial > 1)
      return at(kw.line, "more than one SpatialMap in a level");
    seen |= b;
    ++count;
    MappingLevel &ml = mapping.level(mapping.numLevels - 1);
    ml.order[orderPos++] = *dim;
    ml.tile(*dim) = s;
    if (isSpatial)
      ml.parallelDim = *dim;
  }
  return finishLevel(endLine);
}

std::string parseLayer(Parser &p, MaestroLayer &out) {
  Token name;
  if (!p.next(name, "a layer name"))
    return p.error;
  out.name = name.text;
  if (!p.expect("{"))
    return p.error;
  bool haveType = false, haveDims = false, haveDataflow = false;
  bool haveStride = false, haveDilation = false;
  Layer &layer = out.layer;
  for (;;) {
    Token kw;
    if (!p.next(kw, "'}'"))
      return at(p.lastLine, "unterminated Layer block");
    if (kw.text == "}")
      break;
    if (kw.text == "Type") {
      Token type;
      if (!p.next(type, "a layer type"))
        return p.error;
      if (type.text == "CONV")
        layer.layerClass = LayerClass::Conv;
      else if (type.text == "DSCONV")
        layer.layerClass = LayerClass::DepthwiseConv;
      else
        return at(type.line, "unsupported layer type '" + type.text +
                                 "' (expected CONV or DSCONV)");
      haveType = true;
    } else if (kw.text == "Dimensions") {
      if (!p.expect("{"))
        return p.error;
      for (;;) {
        Token dim, value;
        if (!p.next(dim, "a dimension or '}'"))
          return at(p.lastLine, "unterminated Dimensions block");
        if (dim.text == "}")
          break;
        if (!p.next(value, "a dimension size"))
          return p.error;
        std::optional<Dim> d = parseDim(dim.text);
        bool batch = dim.text == "N", groups = dim.text == "G";
        if ((!d && !batch && !groups) || dim.text.size() != 1)
          return at(dim.line, "unknown dimension '" + dim.text + "'");
        int64_t v;
        if (!parsePositive(value.text, v))
          return at(value.line, "dimension " + dim.text +
                                    " must be a positive integer, found '" +
                                    value.text + "'");
        if (batch)
          layer.n = v;
        else if (groups)
          layer.groups = v;
        else
          layer.dim(*d) = v;
      }
      haveDims = true;
    } else if (kw.text == "Dataflow") {
      if (!haveType || !haveDims)
        return at(kw.line, "Type and Dimensions must come before Dataflow");
      if (!p.expect("{"))
        return p.error;
      if (layer.layerClass == LayerClass::DepthwiseConv)
        layer.k = 1;
      if (std::string e = parseDirectives(p, layer, out.mapping, true);
          !e.empty())
        return e;
      haveDataflow = true;
    } else if (kw.text == "Stride" || kw.text == "Dilation") {
      // MAESTRO's syntax: `Stride { X: s, Y: s }` before Dimensions; ours
      // for dilation likewise.
      const bool stride = kw.text == "Stride";
      bool &seen = stride ? haveStride : haveDilation;
      const std::string block = kw.text, what = stride ? "stride" : "dilation";
      if (haveDims || seen)
        return at(kw.line, seen ? "more than one " + block + " block"
                                : "the " + block +
                                      " block must come before Dimensions");
      if (!p.expect("{"))
        return p.error;
      for (;;) {
        Token dim, value;
        if (!p.next(dim, "X, Y or '}'"))
          return at(p.lastLine, "unterminated " + block + " block");
        if (dim.text == "}")
          break;
        if (dim.text != "X" && dim.text != "Y")
          return at(dim.line, "a " + block + " block sets X and Y, found '" +
                                  dim.text + "'");
        if (!p.next(value, ("a " + what).c_str()))
          return p.error;
        int64_t v;
        if (!parsePositive(value.text, v))
          return at(value.line, what + " " + dim.text +
                                    " must be a positive integer, found '" +
                                    value.text + "'");
        if (stride)
          (dim.text == "X" ? layer.strideX : layer.strideY) = v;
        else
          (dim.text == "X" ? layer.dilationX : layer.dilationY) = v;
      }
      seen = true;
    } else {
      return at(kw.line, "unexpected '" + kw.text + "' in a layer");
    }
  }
  if (!haveDataflow)
    return at(name.line, "layer '" + out.name + "' has no Dataflow block");
  if (layer.windowY() > layer.y || layer.windowX() > layer.x)
    return at(name.line, "layer '" + out.name +
                             "' has a filter larger than its input");
  if (layer.n % layer.groups != 0)
    return at(name.line, "layer '" + out.name + "' has " +
                             std::to_string(layer.groups) +
                             " groups, which do not divide N = " +
                             std::to_string(layer.n));
  return "";
}

/// The number of the last line (a final newline does not start a line).
int countLines(std::string_view text) {
  int lines = 1;
  for (char ch : text)
    lines += ch == '\n';
  if (!text.empty() && text.back() == '\n')
    --lines;
  return std::max(lines, 1);
}

} // namespace

MaestroFile digamma::cost::parseMaestroFile(std::string_view text) {
  MaestroFile file;
  Parser p(tokenize(text, 1), countLines(text));
  auto fail = [&](std::string message) {
    file.layers.clear();
    file.error = std::move(message);
    return file;
  };
  if (!p.expect("Network"))
    return fail(p.error);
  Token name;
  if (!p.next(name, "a network name"))
    return fail(p.error);
  file.network = name.text;
  if (!p.expect("{"))
    return fail(p.error);
  for (;;) {
    Token kw;
    if (!p.next(kw, "'}'"))
      return fail(at(p.lastLine, "unterminated Network block"));
    if (kw.text == "}")
      break;
    if (kw.text != "Layer")
      return fail(at(kw.line, "expected Layer, found '" + kw.text + "'"));
    MaestroLayer layer;
    if (std::string e = parseLayer(p, layer); !e.empty())
      return fail(e);
    file.layers.push_back(layer);
  }
  if (!p.atEnd())
    return fail(at(p.peek().line, "unexpected '" + p.peek().text +
                                      "' after the Network block"));
  if (file.layers.empty())
    return fail(at(name.line, "the network has no layer"));
  return file;
}

MaestroFile digamma::cost::readMaestroFile(const std::string &path) {
  // A directory opens like a file and reads as empty.
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    MaestroFile file;
    file.error = "cannot read '" + path + "': it is a directory";
    return file;
  }
  std::ifstream in(path);
  if (!in) {
    MaestroFile file;
    file.error = "cannot open '" + path + "'";
    return file;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  return parseMaestroFile(buffer.str());
}

std::string digamma::cost::parseMaestroDataflow(std::string_view text,
                                                const Layer &layer,
                                                Mapping &mapping,
                                                int firstLine) {
  Parser p(tokenize(text, firstLine), firstLine + countLines(text) - 1);
  return parseDirectives(p, layer, mapping, false);
}

std::string digamma::cost::writeMaestroDataflow(const Layer &layer,
                                                const Mapping &mapping) {
  const bool depthwise = layer.layerClass == LayerClass::DepthwiseConv;
  std::string out;
  for (int l = 0; l < mapping.numLevels; ++l) {
    const MappingLevel &ml = mapping.level(l);
    if (l > 0)
      out += "Cluster(" + std::to_string(ml.clusterSize) + ",P);\n";
    Dim par = ml.parallelDim;
    if (depthwise && par == Dim::K)
      par = Dim::C;
    for (Dim d : ml.order) {
      if (depthwise && d == Dim::K)
        continue;
      std::string t = std::to_string(ml.tile(d));
      out += d == par ? "SpatialMap(" : "TemporalMap(";
      out += t + "," + t + ") " + std::string(dimName(d));
      if (d == Dim::Y || d == Dim::X)
        out += "'";
      out += ";\n";
    }
  }
  return out;
}

std::string digamma::cost::writeMaestroFile(const Layer &layer,
                                            const Mapping &mapping,
                                            std::string_view network,
                                            std::string_view layerName) {
  const bool depthwise = layer.layerClass == LayerClass::DepthwiseConv;
  std::string type = depthwise ? "DSCONV" : "CONV";
  std::string name = layerName.empty() ? type : std::string(layerName);
  std::string out = "Network " + std::string(network) + " {\n";
  out += "Layer " + name + " {\n";
  out += "Type: " + type + "\n";
  // Batch, groups, strides and dilations only when they are not 1: GAMMA's
  // files have none of them.
  if (layer.strideX != 1 || layer.strideY != 1)
    out += "Stride { X: " + std::to_string(layer.strideX) +
           ", Y: " + std::to_string(layer.strideY) + " }\n";
  if (layer.dilationX != 1 || layer.dilationY != 1)
    out += "Dilation { X: " + std::to_string(layer.dilationX) +
           ", Y: " + std::to_string(layer.dilationY) + " }\n";
  out += "Dimensions { ";
  if (layer.n != 1)
    out += "N: " + std::to_string(layer.n) + ", ";
  if (layer.groups != 1)
    out += "G: " + std::to_string(layer.groups) + ", ";
  out += "K: " + std::to_string(depthwise ? 1 : layer.k) +
         ", C: " + std::to_string(layer.c) + ", Y: " + std::to_string(layer.y) +
         ", X: " + std::to_string(layer.x) + ", R: " + std::to_string(layer.r) +
         ", S: " + std::to_string(layer.s) + " }\n";
  out += "Dataflow {\n" + writeMaestroDataflow(layer, mapping) + "}\n}\n}\n";
  return out;
}
