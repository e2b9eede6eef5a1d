//===- Plot.cpp - Scatter, line and bar charts as SVG ---------------------===//
//
// Layout: the title and notes, a grid of panels (`columns` wide), then the
// legend. Each panel: its title, a frame, gridlines with tick labels, axis
// labels, then per series a polyline (if any) and one mark per point.
// Colors come from a fixed palette in the order series names first appear,
// unless a series is named "digamma" or starts with "digamma ", which is
// always red (the project's figures single DiGamma out).
//
//===----------------------------------------------------------------------===//

#include "digamma/Plot/Plot.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

using namespace digamma;
using namespace digamma::plot;

std::string plot::escapeXml(const std::string &text) {
  std::string out;
  for (char c : text) {
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    default:
      out += c;
    }
  }
  return out;
}

namespace {

constexpr int kLeft = 72, kRight = 14, kTop = 30, kBottom = 46;
constexpr int kTitleHeight = 26, kNoteHeight = 15, kLegendRow = 18;
constexpr const char *kPalette[] = {
    "#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf",
    "#bcbd22", "#7f7f7f", "#aec7e8", "#ffbb78", "#98df8a", "#c5b0d5"};
constexpr const char *kDiGammaColor = "#d62728";

std::string number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%.1f", value);
  return buffer;
}

/// A tick label: plain for moderate values, mantissa and exponent ("2e6")
/// otherwise.
std::string tickLabel(double value) {
  char buffer[32];
  double magnitude = std::fabs(value);
  if (value == 0 || (magnitude >= 1e-3 && magnitude < 1e5)) {
    std::snprintf(buffer, sizeof(buffer), "%g", value);
    return buffer;
  }
  int exponent = static_cast<int>(std::floor(std::log10(magnitude) + 1e-9));
  double mantissa = value / std::pow(10.0, exponent);
  std::snprintf(buffer, sizeof(buffer), "%ge%d", std::round(mantissa * 10) / 10,
                exponent);
  return buffer;
}

bool placeable(double value, Scale scale) {
  return std::isfinite(value) && (scale == Scale::Linear || value > 0);
}

/// The visible range of an axis and the mapping into pixels.
struct Range {
  Scale scale = Scale::Linear;
  double lo = 0, hi = 1; ///< in log10 units on a log axis
  double from = 0, to = 1;
  bool categorical = false;

  double transform(double value) const {
    return scale == Scale::Log ? std::log10(value) : value;
  }
  double place(double value) const {
    return from + (transform(value) - lo) / (hi - lo) * (to - from);
  }
};

/// The data range of one axis of \p panel, padded, on nice bounds.
Range axisRange(const Panel &panel, bool isX) {
  const Axis &axis = isX ? panel.x : panel.y;
  Range range;
  range.scale = axis.scale;
  if (isX && !axis.categories.empty()) {
    range.categorical = true;
    range.scale = Scale::Linear;
    range.lo = -0.5;
    range.hi = double(axis.categories.size()) - 0.5;
    return range;
  }
  bool any = false;
  double lo = 0, hi = 0;
  bool bars = false;
  for (const Series &series : panel.series) {
    bars |= series.mark == Mark::Bar;
    const std::vector<double> &values = isX ? series.x : series.y;
    for (size_t i = 0; i < values.size(); ++i) {
      if (!placeable(values[i], axis.scale))
        continue;
      double v = range.transform(values[i]);
      lo = any ? std::min(lo, v) : v;
      hi = any ? std::max(hi, v) : v;
      any = true;
    }
  }
  if (!any) {
    lo = 0;
    hi = 1;
  }
  if (axis.scale == Scale::Log) {
    lo = std::floor(lo * 4) / 4;
    hi = std::ceil(hi * 4) / 4;
    if (hi - lo < 0.25)
      hi = lo + 0.25;
  } else {
    if (!isX && bars)
      lo = std::min(lo, 0.0);
    double pad = (hi - lo) * 0.05;
    if (pad == 0)
      pad = std::max(std::fabs(hi) * 0.1, 1.0);
    lo -= pad;
    hi += pad;
    if (!isX && bars && lo > -pad * 1.01 && lo < 0)
      lo = 0;
  }
  range.lo = lo;
  range.hi = hi;
  return range;
}

/// Tick values (in data units) of a range.
/// Nice tick values (1, 2 or 5 times a power of ten apart, about five of
/// them) between \p lo and \p hi.
std::vector<double> linearTicks(double lo, double hi) {
  std::vector<double> values;
  double raw = (hi - lo) / 5;
  double step = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (step * m >= raw) {
      step *= m;
      break;
    }
  for (double v = std::ceil(lo / step) * step; v <= hi + step * 1e-9;
       v += step)
    values.push_back(std::fabs(v) < step * 1e-9 ? 0 : v);
  return values;
}

/// Tick values (in data units) of a range.
std::vector<double> ticks(const Range &range) {
  if (range.scale == Scale::Linear)
    return linearTicks(range.lo, range.hi);
  std::vector<double> values;
  int first = int(std::ceil(range.lo - 1e-9)),
      last = int(std::floor(range.hi + 1e-9));
  // Decades; within two decades also 2 and 5; within one, every digit.
  double span = range.hi - range.lo;
  std::vector<double> mantissas = {1.0};
  if (span < 1)
    mantissas = {1, 2, 3, 4, 5, 6, 7, 8, 9};
  else if (span < 2)
    mantissas = {1, 2, 5};
  for (int e = first - 1; e <= last; ++e)
    for (double m : mantissas) {
      double v = m * std::pow(10.0, e);
      double t = std::log10(v);
      if (t >= range.lo - 1e-9 && t <= range.hi + 1e-9)
        values.push_back(v);
    }
  // A range narrower than two digits: nice linear values within it.
  if (values.size() < 2)
    values = linearTicks(std::pow(10.0, range.lo), std::pow(10.0, range.hi));
  return values;
}

class Renderer {
public:
  explicit Renderer(const Figure &figure) : figure(figure) {
    for (const Panel &panel : figure.panels)
      for (const Series &series : panel.series)
        if (!series.name.empty() && !colors.count(series.name)) {
          std::string color;
          if (series.name == "digamma" || series.name.rfind("digamma ", 0) == 0)
            color = kDiGammaColor;
          else
            color = kPalette[nextColor++ % std::size(kPalette)];
          colors[series.name] = color;
          legend.push_back({series.name, color, series.mark, series.line});
        }
  }

  std::string render() {
    int columns = std::max(figure.columns, 1);
    int rows = int((figure.panels.size() + columns - 1) / columns);
    int header = kTitleHeight + int(figure.notes.size()) * kNoteHeight + 6;
    int legendPerRow = std::max(columns * figure.panelWidth / 220, 1);
    int legendRows = int((legend.size() + legendPerRow - 1) / legendPerRow);
    int width = columns * figure.panelWidth;
    int height = header + rows * figure.panelHeight + legendRows * kLegendRow +
                 (legendRows ? 12 : 0);
    out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" +
           std::to_string(width) + "\" height=\"" + std::to_string(height) +
           "\" font-family=\"sans-serif\" font-size=\"11\">\n";
    out += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
    out += "<text x=\"10\" y=\"18\" font-size=\"14\">" +
           escapeXml(figure.title) + "</text>\n";
    for (size_t i = 0; i < figure.notes.size(); ++i)
      out += "<text x=\"10\" y=\"" +
             std::to_string(kTitleHeight + 8 + int(i) * kNoteHeight) +
             "\" fill=\"#444\">" + escapeXml(figure.notes[i]) + "</text>\n";
    for (size_t p = 0; p < figure.panels.size(); ++p)
      renderPanel(figure.panels[p], int(p % columns) * figure.panelWidth,
                  header + int(p / columns) * figure.panelHeight);
    int y = header + rows * figure.panelHeight + 14;
    for (size_t i = 0; i < legend.size(); ++i) {
      int x = 12 + int(i % legendPerRow) * 220;
      int row = y + int(i / legendPerRow) * kLegendRow;
      const LegendEntry &entry = legend[i];
      out += "<g class=\"legend\">";
      if (entry.line)
        out += "<line x1=\"" + std::to_string(x) + "\" x2=\"" +
               std::to_string(x + 22) + "\" y1=\"" + std::to_string(row) +
               "\" y2=\"" + std::to_string(row) + "\" stroke=\"" + entry.color +
               "\" stroke-width=\"2\"/>";
      if (entry.mark != Mark::None)
        out += symbol(entry.mark, x + 11, row, entry.color, 3.5, "") + "/>";
      out += "<text x=\"" + std::to_string(x + 28) + "\" y=\"" +
             std::to_string(row + 4) + "\">" + escapeXml(entry.name) +
             "</text></g>\n";
    }
    out += "</svg>\n";
    return std::move(out);
  }

private:
  struct LegendEntry {
    std::string name, color;
    Mark mark;
    bool line;
  };

  std::string colorOf(const Series &series, size_t index) const {
    auto it = colors.find(series.name);
    return it != colors.end() ? it->second
                              : kPalette[index % std::size(kPalette)];
  }

  /// The start of one mark element, without its closing "/>" or ">".
  static std::string symbol(Mark mark, double x, double y,
                            const std::string &color, double size,
                            const std::string &extra) {
    switch (mark) {
    case Mark::Square:
    case Mark::Bar:
      return "<rect" + extra + " x=\"" + number(x - size) + "\" y=\"" +
             number(y - size) + "\" width=\"" + number(2 * size) +
             "\" height=\"" + number(2 * size) + "\" fill=\"" + color + "\"";
    case Mark::Triangle:
      return "<path" + extra + " d=\"M" + number(x) + "," +
             number(y - size * 1.2) + " L" + number(x + size * 1.1) + "," +
             number(y + size * 0.8) + " L" + number(x - size * 1.1) + "," +
             number(y + size * 0.8) + " Z\" fill=\"" + color + "\"";
    case Mark::Circle:
    case Mark::None:
      break;
    }
    return "<circle" + extra + " cx=\"" + number(x) + "\" cy=\"" + number(y) +
           "\" r=\"" + number(size) + "\" fill=\"" + color + "\"";
  }

  void renderPanel(const Panel &panel, int x0, int y0) {
    int left = x0 + kLeft, top = y0 + kTop;
    int w = figure.panelWidth - kLeft - kRight;
    // Category labels stand at 45 degrees below the axis.
    size_t longest = 0;
    for (const std::string &category : panel.x.categories)
      longest = std::max(longest, category.size());
    int bottom = kBottom + std::min(int(double(longest) * 4.6), 120);
    int h = std::max(figure.panelHeight - kTop - bottom, 40);
    Range xr = axisRange(panel, true), yr = axisRange(panel, false);
    xr.from = left;
    xr.to = left + w;
    yr.from = top + h;
    yr.to = top;
    out += "<g class=\"panel\">\n<text x=\"" + std::to_string(left) +
           "\" y=\"" + std::to_string(top - 9) + "\" font-size=\"12\">" +
           escapeXml(panel.title) + "</text>\n";
    out += "<rect x=\"" + std::to_string(left) + "\" y=\"" +
           std::to_string(top) + "\" width=\"" + std::to_string(w) +
           "\" height=\"" + std::to_string(h) +
           "\" fill=\"none\" stroke=\"#444\" stroke-width=\"0.8\"/>\n";
    // Gridlines and tick labels.
    for (double v : ticks(yr)) {
      double y = yr.place(v);
      out += "<line x1=\"" + std::to_string(left) + "\" x2=\"" +
             std::to_string(left + w) + "\" y1=\"" + number(y) + "\" y2=\"" +
             number(y) + "\" stroke=\"#e4e4e4\"/><text x=\"" +
             std::to_string(left - 4) + "\" y=\"" + number(y + 4) +
             "\" text-anchor=\"end\">" + tickLabel(v) + "</text>\n";
    }
    if (xr.categorical) {
      size_t n = panel.x.categories.size();
      size_t every = std::max<size_t>((n + 23) / 24, 1);
      for (size_t i = 0; i < n; i += every) {
        double x = xr.place(double(i));
        out +=
            "<text x=\"" + number(x) + "\" y=\"" + std::to_string(top + h + 8) +
            "\" font-size=\"9\" text-anchor=\"end\" transform=\"rotate(-45 " +
            number(x) + " " + std::to_string(top + h + 8) + ")\">" +
            escapeXml(panel.x.categories[i]) + "</text>\n";
      }
    } else {
      for (double v : ticks(xr)) {
        double x = xr.place(v);
        out += "<line x1=\"" + number(x) + "\" x2=\"" + number(x) + "\" y1=\"" +
               std::to_string(top) + "\" y2=\"" + std::to_string(top + h) +
               "\" stroke=\"#e4e4e4\"/><text x=\"" + number(x) + "\" y=\"" +
               std::to_string(top + h + 14) + "\" text-anchor=\"middle\">" +
               tickLabel(v) + "</text>\n";
      }
    }
    out += "<text x=\"" + std::to_string(left + w / 2) + "\" y=\"" +
           std::to_string(top + h + bottom - 14) +
           "\" text-anchor=\"middle\">" + escapeXml(panel.x.label) +
           "</text>\n";
    int labelX = x0 + 14, labelY = top + h / 2;
    out += "<text x=\"" + std::to_string(labelX) + "\" y=\"" +
           std::to_string(labelY) + "\" text-anchor=\"middle\" transform=\"" +
           "rotate(-90 " + std::to_string(labelX) + " " +
           std::to_string(labelY) + ")\">" + escapeXml(panel.y.label) +
           "</text>\n";

    size_t bars = 0;
    for (const Series &series : panel.series)
      bars += series.mark == Mark::Bar;
    size_t barIndex = 0, leftOut = 0;
    double baseline = yr.scale == Scale::Log       ? yr.from
                      : (0 >= yr.lo && 0 <= yr.hi) ? yr.place(0)
                                                   : yr.from;
    for (size_t s = 0; s < panel.series.size(); ++s) {
      const Series &series = panel.series[s];
      std::string color = colorOf(series, s);
      size_t count = std::min(series.x.size(), series.y.size());
      auto isPlaced = [&](size_t i) {
        return placeable(series.x[i], xr.scale) &&
               placeable(series.y[i], yr.scale);
      };
      if (series.line) {
        std::string points;
        for (size_t i = 0; i < count; ++i)
          if (isPlaced(i))
            points += number(xr.place(series.x[i])) + "," +
                      number(yr.place(series.y[i])) + " ";
        if (!points.empty()) {
          points.pop_back();
          out += "<polyline fill=\"none\" stroke=\"" + color +
                 "\" stroke-width=\"1.6\" points=\"" + points + "\"/>\n";
        }
      }
      double slot = 0.8 / double(std::max<size_t>(bars, 1));
      for (size_t i = 0; i < count && series.mark != Mark::None; ++i) {
        if (!isPlaced(i)) {
          ++leftOut;
          continue;
        }
        double x = xr.place(series.x[i]), y = yr.place(series.y[i]);
        std::string title =
            i < series.labels.size() ? escapeXml(series.labels[i]) : "";
        if (series.mark == Mark::Bar) {
          double unit = xr.place(1) - xr.place(0);
          double bx = x + (-0.4 + slot * double(barIndex)) * unit;
          double top = std::min(y, baseline), height = std::fabs(baseline - y);
          out += "<rect class=\"mark\" x=\"" + number(bx) + "\" y=\"" +
                 number(top) + "\" width=\"" + number(slot * unit) +
                 "\" height=\"" + number(std::max(height, 0.5)) + "\" fill=\"" +
                 color + "\">";
        } else {
          bool big = i == series.highlight;
          std::string extra = " class=\"mark\"";
          out += symbol(series.mark, x, y, color, big ? 6.0 : 3.2, extra);
          out += big ? " stroke=\"black\" stroke-width=\"1.6\">"
                     : " fill-opacity=\"0.8\">";
        }
        out += "<title>" + title + "</title></" +
               std::string(series.mark == Mark::Circle     ? "circle"
                           : series.mark == Mark::Triangle ? "path"
                                                           : "rect") +
               ">\n";
      }
      barIndex += series.mark == Mark::Bar;
    }
    if (leftOut > 0)
      out += "<text x=\"" + std::to_string(left + w) + "\" y=\"" +
             std::to_string(top - 9) + "\" text-anchor=\"end\" fill=\"#a00\">" +
             std::to_string(leftOut) + " point" + (leftOut == 1 ? "" : "s") +
             " off the axes not drawn</text>\n";
    out += "</g>\n";
  }

  const Figure &figure;
  std::string out;
  std::map<std::string, std::string> colors;
  std::vector<LegendEntry> legend;
  size_t nextColor = 0;
};

} // namespace

std::string plot::renderSvg(const Figure &figure) {
  return Renderer(figure).render();
}
