//===- Front.cpp - Non-dominated designs and their figures ----------------===//
//
// Dominance, figures, the pick of a front and the hypervolume (through
// pagmo2's hypervolume utilities, whose exceptions stay in this file).
//
//===----------------------------------------------------------------------===//

#include "digamma/Search/Front.h"

#include "FrontArchive.h"

#include <pagmo/types.hpp>
#include <pagmo/utils/hypervolume.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace digamma;
using namespace digamma::search;

bool digamma::search::dominates(const Figures &a, const Figures &b, int count) {
  return detail::dominatesFigures(a, b, count);
}

Figures digamma::search::figuresOf(const ParetoSettings &settings,
                                   double cycles, double energyNJ,
                                   double areaUm2) {
  Figures figures{};
  for (int k = 0; k < settings.numObjectives; ++k) {
    switch (settings.objectives[k]) {
    case Objective::Latency:
      figures[k] = cycles;
      break;
    case Objective::Energy:
      figures[k] = energyNJ;
      break;
    default:
      // validateParetoSettings admits latency, energy and area only.
      figures[k] = areaUm2;
      break;
    }
  }
  return figures;
}

// Figures are positive (cycles, nJ, um^2); log scale makes a factor of two
// weigh the same anywhere on a front that spans orders of magnitude.
using detail::logFigure;

size_t digamma::search::pickDesign(const std::vector<Figures> &points,
                                   const ParetoSettings &settings,
                                   ParetoPick pick) {
  if (points.empty())
    return 0;
  int count = settings.numObjectives;
  Figures lo, hi;
  lo.fill(std::numeric_limits<double>::infinity());
  hi.fill(-std::numeric_limits<double>::infinity());
  for (const Figures &point : points)
    for (int k = 0; k < count; ++k) {
      lo[k] = std::min(lo[k], logFigure(point[k]));
      hi[k] = std::max(hi[k], logFigure(point[k]));
    }
  auto kneeDistance = [&](const Figures &point) {
    double sum = 0;
    for (int k = 0; k < count; ++k) {
      double span = hi[k] - lo[k];
      double u = span > 0 ? (logFigure(point[k]) - lo[k]) / span : 0;
      sum += u * u;
    }
    return sum;
  };
  int column = -1;
  Objective wanted = pick == ParetoPick::Latency  ? Objective::Latency
                     : pick == ParetoPick::Energy ? Objective::Energy
                                                  : Objective::Area;
  if (pick != ParetoPick::Knee)
    for (int k = 0; k < count; ++k)
      if (settings.objectives[k] == wanted)
        column = k;
  size_t best = 0;
  for (size_t i = 1; i < points.size(); ++i) {
    if (column >= 0 && points[i][column] != points[best][column]) {
      if (points[i][column] < points[best][column])
        best = i;
      continue;
    }
    if (kneeDistance(points[i]) < kneeDistance(points[best]))
      best = i;
  }
  return best;
}

double digamma::search::hypervolume(const std::vector<Figures> &points,
                                    const Figures &reference, int count) {
  std::vector<pagmo::vector_double> inside;
  for (const Figures &point : points) {
    bool within = true;
    for (int k = 0; k < count; ++k)
      within &= point[k] < reference[k];
    if (within)
      inside.emplace_back(point.begin(), point.begin() + count);
  }
  if (inside.empty())
    return 0;
  try {
    pagmo::hypervolume volume(inside, /*verify=*/true);
    return volume.compute(
        pagmo::vector_double(reference.begin(), reference.begin() + count));
  } catch (...) {
    // Only malformed input throws, and the points are checked above.
    return 0;
  }
}

std::vector<double> digamma::search::comparableHypervolumes(
    const std::vector<std::vector<Figures>> &fronts, int count) {
  Figures lo, hi;
  lo.fill(std::numeric_limits<double>::infinity());
  hi.fill(-std::numeric_limits<double>::infinity());
  for (const std::vector<Figures> &front : fronts)
    for (const Figures &point : front)
      for (int k = 0; k < count; ++k) {
        lo[k] = std::min(lo[k], logFigure(point[k]));
        hi[k] = std::max(hi[k], logFigure(point[k]));
      }
  Figures reference{};
  for (int k = 0; k < count; ++k)
    reference[k] = 1.1;
  std::vector<double> volumes;
  for (const std::vector<Figures> &front : fronts) {
    std::vector<Figures> normalized;
    for (const Figures &point : front) {
      Figures u{};
      for (int k = 0; k < count; ++k) {
        double span = hi[k] - lo[k];
        u[k] = span > 0 ? (logFigure(point[k]) - lo[k]) / span : 0;
      }
      normalized.push_back(u);
    }
    volumes.push_back(hypervolume(normalized, reference, count));
  }
  return volumes;
}

std::vector<Figures> Front::figures() const {
  std::vector<Figures> points;
  points.reserve(designs.size());
  for (const FrontDesign &design : designs)
    points.push_back(
        figuresOf(settings, design.cycles, design.energyNJ, design.areaUm2));
  return points;
}
