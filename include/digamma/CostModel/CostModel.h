//===- CostModel.h - Analytical cost and area model -------------*- C++ -*-===//
//
// Evaluates one design point (layer, hardware, mapping): runtime, MACs,
// buffer requirements, access counts, energy, utilization and area.
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_COSTMODEL_COSTMODEL_H
#define DIGAMMA_COSTMODEL_COSTMODEL_H

#include "digamma/CostModel/Problem.h"

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string_view>

namespace digamma::cost {

/// Which figures to compute. Both follow MAESTRO's analysis (commit e1d8efd:
/// per level, one representative per combination of Init/Steady/Edge loop
/// states, weighted by how often it occurs).
///
/// Maestro: MAESTRO's own figures, quirks included: static per-level tile
/// tables, Y/X iterated as input windows, oversized output tiles giving
/// negative work, 32-bit case weights and buffer totals, an energy without
/// L1 and MAC terms. Inputs on which MAESTRO crashes are invalid with a
/// Maestro* reason.
///
/// Sound: the same analysis with exact per-call edge tiles in output
/// coordinates: MACs equal the layer's MACs, cycles >= MACs / (PEs * SIMD),
/// all counts >= 0, energy counts every MAC and access. It also models
/// batches, strides, dilations and, at a finite off-chip bandwidth, the
/// DRAM traffic's time and energy (README.md, "Off-chip traffic and time").
/// Sound equals Maestro on regular mappings (see isRegularMapping()) at
/// unbounded off-chip bandwidth; README.md lists the differences.
enum class Semantics : uint8_t { Sound, Maestro };

/// "sound" or "maestro", the names every tool and pass option uses.
std::string_view semanticsName(Semantics semantics);
/// Parses a name semanticsName() returns.
std::optional<Semantics> parseSemantics(std::string_view name);

enum class InvalidReason : uint8_t {
  None,
  BadLayer,
  BadMapping,
  TileExceedsParent,
  ClusterExceedsPEs,
  Overflow,
  UnsupportedSemantics,
  L1OverCapacity,
  L2OverCapacity,
  AreaOverBudget,
  PELimitExceeded,
  /// MAESTRO models batch 1 and stride 1 only, and reads sizes (layer
  /// dimensions, tiles, cluster sizes, PE count) as 32-bit ints.
  MaestroUnsupportedLayer,
  /// MAESTRO divides by zero: a top-level iteration has no compute.
  MaestroZeroCompute,
  /// MAESTRO aborts: a 32-bit iteration-case weight is not positive.
  MaestroWeightOverflow,
  /// MAESTRO aborts: a changing loop has no unique data.
  MaestroZeroUnique,
  /// MAESTRO models dilation 1 only.
  MaestroUnsupportedDilation,
  /// Set in CostReport::unsoundReason, never in reason: MAESTRO's MAC count
  /// differs from the layer's (edge or oversized tiles). checkConstraints()
  /// rejects such a design unless ModelOptions::acceptUnsoundMaestro.
  MaestroMacMismatch,
  /// As MaestroMacMismatch: MAESTRO's cycles are below the layer's MACs /
  /// (PEs * SIMD lanes), faster than the PEs can compute.
  MaestroBelowComputeBound,
};

/// A sentence describing \p reason.
std::string_view describe(InvalidReason reason);

/// Off-chip (DRAM) energy per byte in nJ: LPDDR4 8 pJ/bit and HBM2
/// 3.9 pJ/bit, the table of Accelergy's CACTI plug-in
/// (accelergy-cacti-plug-in cacti_wrapper.py, DRAM_estimate_energy; HBM2
/// from Chatterjee et al., MICRO'17; memory-anchors.md section 2).
inline constexpr double kLpddr4NJPerByte = 8.0 * 8.0 / 1000.0;
inline constexpr double kHbm2NJPerByte = 3.9 * 8.0 / 1000.0;

/// Energy per access in nJ. MAESTRO (commit e1d8efd) uses a MAC energy of
/// 0.00023 nJ and expresses L1 and L2 accesses as 1.68 and 18.61 MACs.
struct EnergyConstants {
  double macNJ = 0.00023;
  double l1AccessNJ = 1.68 * 0.00023;
  double l2AccessNJ = 18.61 * 0.00023;
  /// Per off-chip byte read or written. Sound semantics add the off-chip
  /// energy to CostReport::energyNJ only when the off-chip bandwidth is
  /// finite: an unbounded one is GAMMA's idealised memory, which has no
  /// DRAM (so the paper's figures stand). CostReport::offchipEnergyNJ
  /// always holds the term.
  double offchipNJPerByte = kLpddr4NJPerByte;
};

/// Area constants. DiGamma's model (GAMMA's `external_area_model`): an INT8
/// MAC is 282 um^2 and SRAM 0.086 um^2 per bit, from the paper's synthesis
/// (Nangate 15 nm logic, SAED32 SRAM).
struct AreaConstants {
  double macAreaUm2 = 282.0;
  double sramAreaUm2PerBit = 0.086;
};

struct ModelOptions {
  EnergyConstants energy;
  AreaConstants area;
  /// Evaluate every iteration case one by one instead of the closed-form
  /// sums. Same figures, much slower; for testing the fast path.
  bool enumerateCases = false;
  /// Compute the figures that only reports need (CostReport's off-chip
  /// traffic, offchipBytes, operationalIntensity, offchipEnergyNJ, busy
  /// times and limitedBy) at unbounded off-chip bandwidth too, where nothing
  /// else depends on them (at finite bandwidth the traffic sets the cycles
  /// and they are always computed), and the exact computeCycles where the
  /// NoC may stall the design (a second evaluation with unbounded
  /// bandwidths). They cost a search about a tenth of a sound evaluation,
  /// and a second maestro one, without changing any figure it ranks by.
  bool reportFigures = false;
  /// Let checkConstraints() accept maestro reports whose figures are
  /// physically impossible (CostReport::unsoundReason), as the reference
  /// GAMMA does. The evaluator reports MAESTRO's figures either way.
  bool acceptUnsoundMaestro = false;
};

/// The resource that limits a design (CostReport::limitedBy).
enum class Resource : uint8_t { Compute, Noc, Offchip };

/// "compute", "noc" or "offchip".
std::string_view resourceName(Resource resource);

/// Off-chip (DRAM <-> L2) traffic per tensor in bytes, batch included.
/// Output reads are partial sums read back.
struct OffchipTraffic {
  int64_t inputReadBytes = 0;
  int64_t weightReadBytes = 0;
  int64_t outputReadBytes = 0;
  int64_t outputWriteBytes = 0;
};

/// Accesses per tensor and buffer level, in elements.
struct AccessCounts {
  int64_t inputL1Read = 0, inputL1Write = 0, inputL2Read = 0, inputL2Write = 0;
  int64_t filterL1Read = 0, filterL1Write = 0, filterL2Read = 0,
          filterL2Write = 0;
  int64_t outputL1Read = 0, outputL1Write = 0, outputL2Read = 0,
          outputL2Write = 0;
};

struct CostReport {
  bool valid = false;
  InvalidReason reason = InvalidReason::None;
  int64_t cycles = 0;
  int64_t macs = 0;
  /// Per-PE L1 and shared L2 requirements in elements (double-buffered).
  int64_t l1Elements = 0;
  int64_t l2Elements = 0;
  AccessCounts accesses;
  double energyNJ = 0;
  double power = 0;
  double throughput = 0;
  /// MACs / (cycles * PEs * SIMD lanes): the share of the array's MAC slots
  /// doing useful work, in (0, 1].
  double utilization = 0;
  double avgUsedPEs = 0;
  double nocBandwidthReq = 0;
  double offchipBandwidthReq = 0;
  /// MAESTRO's area (um^2) and power (mW) model of spec section 10.5, from
  /// the PE count, SIMD width, NoC bandwidth and the L1/L2 requirements.
  double areaMaestroUm2 = 0;
  double powerMaestro = 0;

  /// The L1 and L2 requirements in bytes: per tensor, elements times the
  /// tensor's element size (Layer::operandBytes). Saturate at INT64_MAX.
  /// (checkConstraints() uses these.)
  int64_t l1Bytes = 0;
  int64_t l2Bytes = 0;
  /// True if the report figures below (offchip to limitedBy) are computed: at
  /// finite off-chip bandwidth, or when ModelOptions::reportFigures asks
  /// for them. They are zero (limitedBy: Compute) otherwise.
  bool hasReportFigures = false;
  /// Off-chip traffic per tensor (see README.md, "Off-chip traffic and
  /// time"), and its total.
  OffchipTraffic offchip;
  int64_t offchipBytes = 0;
  /// MACs per off-chip byte.
  double operationalIntensity = 0;
  /// offchipBytes times EnergyConstants::offchipNJPerByte; part of
  /// energyNJ when the off-chip bandwidth is finite (sound semantics).
  double offchipEnergyNJ = 0;
  /// Busy times of the three resources, in cycles: the PEs' schedule (the
  /// cycles with unbounded NoC and off-chip bandwidth; exact when the NoC
  /// is unbounded, when no iteration can wait for it, or with
  /// ModelOptions::reportFigures, and otherwise the cycles without the
  /// off-chip model, an upper bound), the NoC link between L2 and the
  /// array (the larger of its ingress and egress bytes over its
  /// bandwidth), and the off-chip interface (offchipBytes over its
  /// bandwidth).
  int64_t computeCycles = 0;
  int64_t nocCycles = 0;
  int64_t offchipCycles = 0;
  /// The resource with the largest busy time; ties go to compute, then noc.
  /// Without off-chip figures (unbounded bandwidth) compute or noc.
  Resource limitedBy = Resource::Compute;
  /// Maestro semantics: MaestroMacMismatch or MaestroBelowComputeBound if
  /// MAESTRO's figures are physically impossible, else None. Always None
  /// for sound reports.
  InvalidReason unsoundReason = InvalidReason::None;
};

/// DiGamma's area of \p numPEs PEs with \p l1Elements of L1 each and
/// \p l2Elements of L2: PEs * 282 + (L1 * PEs + L2) * 8 * bytes * 0.086.
double digammaAreaUm2(int64_t numPEs, int64_t l1Elements, int64_t l2Elements,
                      int64_t bytesPerElement,
                      const AreaConstants &constants = {});

/// SRAM area of one buffer element of \p bytesPerElement bytes in DiGamma's
/// model: 8 * bytes * 0.086 um^2.
double sramAreaPerElementUm2(int64_t bytesPerElement,
                             const AreaConstants &constants = {});

/// Working backwards from a budget: how many whole units of \p unitAreaUm2
/// fit in \p areaUm2 (at most 10^15; 0 if either area is not positive).
int64_t unitsWithinArea(double areaUm2, double unitAreaUm2);
/// PEs whose MACs alone fit in \p areaUm2 (buffers not counted).
int64_t pesWithinArea(double areaUm2, const AreaConstants &constants = {});
/// Buffer elements of \p bytesPerElement bytes that fit in \p areaUm2.
int64_t bufferElementsWithinArea(double areaUm2, int64_t bytesPerElement,
                                 const AreaConstants &constants = {});

/// The same area from byte counts: PEs * 282 + (L1 * PEs + L2) * 8 * 0.086,
/// L1 and L2 in bytes (CostReport::l1Bytes, l2Bytes). Equals
/// digammaAreaUm2() when every tensor has bytesPerElement bytes.
double digammaAreaBytesUm2(int64_t numPEs, int64_t l1Bytes, int64_t l2Bytes,
                           const AreaConstants &constants = {});

/// The NoC and off-chip bandwidths of \p hw in bytes per cycle (the byte
/// forms, or the element forms times bytesPerElement; saturating).
int64_t nocBytesPerCycle(const Hardware &hw);
int64_t offchipBytesPerCycle(const Hardware &hw);
/// True if the bandwidth is unbounded: at least kUnboundedBandwidth
/// elements of bytesPerElement bytes per cycle.
bool isNocUnbounded(const Hardware &hw);
bool isOffchipUnbounded(const Hardware &hw);

/// Design constraints checked after evaluation.
struct Constraints {
  double areaBudgetUm2 = std::numeric_limits<double>::infinity();
  int64_t peLimit = kUnbounded;
};

/// First constraint \p report breaks on \p hw (capacities, area, PE limit),
/// or None. A maestro report with an unsoundReason breaks it too, unless
/// \p options accept unsound MAESTRO figures. Capacities and area use the
/// reports' byte forms when they are set (elements times bytesPerElement
/// otherwise), so that per-tensor element sizes count.
InvalidReason checkConstraints(const CostReport &report, const Hardware &hw,
                               const Constraints &constraints,
                               const ModelOptions &options = {});

/// True if \p mapping is regular for \p layer (MAESTRO spec section 11):
/// at every level each tile divides its parent tile (output coordinates for
/// Y and X), R and S are never split, and the spatial dimension's tile count
/// is a multiple of the level's fan-out. On regular mappings Sound and
/// Maestro give the same figures except energy and power.
bool isRegularMapping(const Layer &layer, const Hardware &hw,
                      const Mapping &mapping);

namespace detail {
struct Workspace;
} // namespace detail

/// Evaluates design points. Allocates nothing per call (its scratch space is
/// allocated once, with the Evaluator); not thread-safe (one Evaluator per
/// thread). Copies get their own scratch space.
class Evaluator {
public:
  explicit Evaluator(const ModelOptions &options = {});
  Evaluator(const Evaluator &other);
  Evaluator &operator=(const Evaluator &other);
  Evaluator(Evaluator &&other) noexcept;
  Evaluator &operator=(Evaluator &&other) noexcept;
  ~Evaluator();

  const CostReport &evaluate(const Layer &layer, const Hardware &hw,
                             const Mapping &mapping,
                             Semantics semantics = Semantics::Sound);
  /// evaluate() for a search that discards designs breaking
  /// \p constraints (checkConstraints()): where the buffers alone break
  /// one, the report may stop there, with valid false, that constraint as
  /// its reason and only the buffer figures (l1Elements, l2Elements,
  /// l1Bytes, l2Bytes) set, which saves the rest of the evaluation (the
  /// runtime). It does so for sound designs whose top level takes the
  /// closed form, and only where nothing computed so far overflows (a
  /// design that overflows later is invalid either way). Every other
  /// report is evaluate()'s.
  const CostReport &evaluateWithin(const Layer &layer, const Hardware &hw,
                                   const Mapping &mapping, Semantics semantics,
                                   const Constraints &constraints);

  /// How many evaluations so far computed the top level in closed form
  /// rather than case by case (for tests and benchmarks; a copy counts its
  /// own).
  int64_t closedFormEvaluations() const { return closedForms; }
  /// How many summed some level's runtime over groups of its cases (sound,
  /// where no closed form of it is proven: an iteration after a level's
  /// first may wait for the NoC, or the top level of a deeper mapping than
  /// two levels does not take one).
  int64_t caseRuntimeEvaluations() const { return caseRuntimes; }
  /// How many evaluateWithin() calls stopped at the buffers.
  int64_t earlyRejectedEvaluations() const { return earlyRejections; }

private:
  const CostReport &evaluate(const Layer &layer, const Hardware &hw,
                             const Mapping &mapping, Semantics semantics,
                             const Constraints *limits);

  ModelOptions options;
  CostReport report;
  int64_t closedForms = 0;
  int64_t caseRuntimes = 0;
  int64_t earlyRejections = 0;
  std::unique_ptr<detail::Workspace> workspace;
};

} // namespace digamma::cost

#endif // DIGAMMA_COSTMODEL_COSTMODEL_H
