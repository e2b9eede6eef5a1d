//===- TwoStep.h - The paper's two-step design schemes ----------*- C++ -*-===//
//
// The baseline schemes of the paper's Fig. 6, which optimize one side of
// the design with the other fixed:
//  * HW-opt: a fixed dataflow (Dataflows.h) and a grid search over the PE
//    count, the PE array shape and the buffer sizes;
//  * Map-opt: fixed hardware presets that fill the area budget
//    (buffer-focused, medium, compute-focused) and the mapping searched by
//    DiGamma's GA in fixed-hardware mode (GAMMA).
// Both score with the same evaluator, constraints and sampling budget as
// DiGamma; docs/baselines.md defines the grid and the presets.
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_SEARCH_TWOSTEP_H
#define DIGAMMA_SEARCH_TWOSTEP_H

#include "digamma/Search/Dataflows.h"
#include "digamma/Search/Search.h"

#include <optional>
#include <string_view>

namespace digamma::search {

/// HW-opt: searches the hardware for \p dataflow instantiated for \p layer.
/// The grid is PE counts (distinct integers spaced geometrically from 1 to
/// the most the area budget and pe-limit allow) x array shapes (cluster
/// sizes: the powers of two up to the inner parallel dimension's extent,
/// and that extent; fixed for Eyeriss) x buffer sizes (the L2 and L1 the
/// template's tiles need at each growth step of the outer and inner level,
/// sized exactly and charged to area as DiGamma does). The densest such
/// grid with at most options.samples points is evaluated, each point once.
/// Options as for a CoOpt search (mode, levels and mappings are ignored:
/// dataflows have two levels); the result does not depend on the seed.
SearchResult runHardwareGrid(const cost::Layer &layer, const Dataflow &dataflow,
                             const SearchOptions &options);

/// Hardware presets of Map-opt.
enum class HardwarePreset : uint8_t { BufferFocused, Medium, ComputeFocused };

/// "buffer", "medium" or "compute".
std::string_view presetName(HardwarePreset preset);
std::optional<HardwarePreset> parsePreset(std::string_view name);
/// Share of the area budget a preset spends on PEs (the rest on buffers):
/// 0.25, 0.5, 0.75.
double presetPEAreaShare(HardwarePreset preset);
/// Share of the buffer area that goes to L1 (all PEs together), the rest to
/// L2: the balance of GAMMA's default hardware (Eyeriss-like: 168 PEs with
/// 512 L1 elements each, 108,000 L2 elements), 86,016 : 108,000.
inline constexpr double kPresetL1Share = 86016.0 / (86016.0 + 108000.0);

/// The hardware of \p preset under options.areaBudgetUm2 and
/// options.peLimit, with options' element size and bandwidths: the PE count
/// its share of the budget pays for, L1 per PE and L2 filling the rest
/// (rounded down, so the area never exceeds the budget). numPEs is 0 if the
/// budget does not pay for one PE with one element of each buffer.
cost::Hardware presetHardware(HardwarePreset preset,
                              const SearchOptions &options);

/// Map-opt: DiGamma in fixed-hardware mode on presetHardware(preset), with
/// options' budget, seed and objectives. The result's area is the preset's.
SearchResult runMappingOpt(const cost::Layer &layer, HardwarePreset preset,
                           const SearchOptions &options);

} // namespace digamma::search

#endif // DIGAMMA_SEARCH_TWOSTEP_H
