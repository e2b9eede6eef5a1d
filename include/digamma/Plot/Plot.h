//===- Plot.h - Scatter, line and bar charts as SVG -------------*- C++ -*-===//
//
// The one chart writer of the project: figures of panels, each with two
// axes (linear, log or categorical) and series drawn as marks, lines or
// bars, with a shared legend, rendered as standalone SVG text. Every data
// point is one mark element of class "mark" inside its panel's
// <g class="panel">, so that a test can count them. Output is a function
// of the figure alone (fixed number formats, no time, no locale), so that
// the same data give the same bytes. Plain C++17, no dependency.
//
//   plot::Figure figure;
//   figure.title = "Latency vs. area";
//   plot::Panel &panel = figure.panels.emplace_back();
//   panel.x = {"area (mm^2)", plot::Scale::Log};
//   panel.y = {"cycles", plot::Scale::Log};
//   panel.series.push_back({"digamma", {0.1, 1, 7}, {9e5, 1e5, 2e4}});
//   std::string svg = plot::renderSvg(figure);
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_PLOT_PLOT_H
#define DIGAMMA_PLOT_PLOT_H

#include <cstddef>
#include <limits>
#include <string>
#include <vector>

namespace digamma::plot {

enum class Scale { Linear, Log };

struct Axis {
  std::string label;
  Scale scale = Scale::Linear;
  /// A categorical axis (x only): value i is category i, labelled with its
  /// name; bars stand side by side within a category.
  std::vector<std::string> categories;
};

/// How a series draws its points; None draws a line only (no mark per
/// point).
enum class Mark { Circle, Square, Triangle, Bar, None };

struct Series {
  /// The legend entry; series of the same name share a color.
  std::string name;
  std::vector<double> x, y;
  Mark mark = Mark::Circle;
  /// Joins the points in order (with marks as well).
  bool line = false;
  /// A hover text per point (<title>), optional.
  std::vector<std::string> labels;
  /// Index of a point drawn larger with a black outline (the design a
  /// single answer takes), or none.
  size_t highlight = std::numeric_limits<size_t>::max();
};

struct Panel {
  std::string title;
  Axis x, y;
  std::vector<Series> series;
};

struct Figure {
  std::string title;
  /// Lines of small text under the title (units, reference points, ...).
  std::vector<std::string> notes;
  std::vector<Panel> panels;
  int columns = 3;
  int panelWidth = 380, panelHeight = 280;
};

/// The figure as SVG. A point with a non-finite value, or a non-positive
/// one on a log axis, cannot be placed: it gets no mark, and the panel
/// says how many were left out.
std::string renderSvg(const Figure &figure);

/// \p text with &, <, > and " escaped for XML.
std::string escapeXml(const std::string &text);

} // namespace digamma::plot

#endif // DIGAMMA_PLOT_PLOT_H
