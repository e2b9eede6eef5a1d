//===- CostModel.cpp - Analytical cost and area model ---------------------===//
//
// One engine for both semantics, following MAESTRO's analysis as specified
// in docs/maestro-cost-model.md ("the spec" below; section numbers refer to
// it). A level's loops are classified into Init/Steady/Edge states; each
// combination of states (a "case") is evaluated once and weighted by how
// often it occurs. Sub-level results depend only on (level, extents) and are
// memoised.
//
// Maestro builds each level's tile tables once from static extents and keeps
// every quirk of the spec. Sound builds them per call from the real extents
// in output coordinates and drops the quirks, so that edge tiles are exact.
//
// Speed: case sums factor over loops. The runtime of the innermost level is
// a product of per-loop sums, plus its first iteration's ingress delay, when
// no later iteration is bandwidth-bound (checked with an upper bound on the
// traffic); the top level's sums group cases by the loop that advanced, and
// its sub-level runs by the extents they are handed. Where no closed form of
// a sound runtime is proven (deeper mappings, NoC waits), the cases with
// equal figures are summed as groups (analyzeGroups()); maestro and
// anything else the closed forms cannot prove enumerate the cases one by
// one (analyze(), also the reference that tests compare with).
//
//===----------------------------------------------------------------------===//

#include "digamma/CostModel/CostModel.h"

#include "Saturating.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <utility>

using namespace digamma::cost;

//===----------------------------------------------------------------------===//
// Public helpers
//===----------------------------------------------------------------------===//

std::string_view digamma::cost::describe(InvalidReason reason) {
  switch (reason) {
  case InvalidReason::None:
    return "valid";
  case InvalidReason::BadLayer:
    return "the layer has a non-positive dimension, stride, dilation or "
           "group count, groups that do not divide N, a negative element "
           "size, or a filter window larger than its input";
  case InvalidReason::BadMapping:
    return "the mapping is malformed (level count, loop order, non-positive "
           "tile or cluster size)";
  case InvalidReason::TileExceedsParent:
    return "a tile is larger than its parent level's tile or the dimension";
  case InvalidReason::ClusterExceedsPEs:
    return "the cluster sizes need more PEs than the hardware has";
  case InvalidReason::Overflow:
    return "a figure overflows 64-bit integers";
  case InvalidReason::UnsupportedSemantics:
    return "these semantics are not available in this build";
  case InvalidReason::L1OverCapacity:
    return "the mapping needs more L1 than the hardware has";
  case InvalidReason::L2OverCapacity:
    return "the mapping needs more L2 than the hardware has";
  case InvalidReason::AreaOverBudget:
    return "the design is larger than the area budget";
  case InvalidReason::PELimitExceeded:
    return "the design uses more PEs than the PE limit";
  case InvalidReason::MaestroUnsupportedLayer:
    return "MAESTRO models batch 1, stride 1 and sizes below 2^31 only";
  case InvalidReason::MaestroZeroCompute:
    return "MAESTRO crashes (division by zero): a top-level iteration has no "
           "compute";
  case InvalidReason::MaestroWeightOverflow:
    return "MAESTRO aborts: a 32-bit iteration-case weight is not positive";
  case InvalidReason::MaestroZeroUnique:
    return "MAESTRO aborts: a changing loop has no unique data";
  case InvalidReason::MaestroUnsupportedDilation:
    return "MAESTRO models dilation 1 only";
  case InvalidReason::MaestroMacMismatch:
    return "MAESTRO's MAC count differs from the layer's (physically "
           "impossible figures)";
  case InvalidReason::MaestroBelowComputeBound:
    return "MAESTRO's cycles are below the layer's MACs / PEs (physically "
           "impossible figures)";
  }
  return "unknown";
}

std::string_view digamma::cost::semanticsName(Semantics semantics) {
  return semantics == Semantics::Maestro ? "maestro" : "sound";
}

std::optional<Semantics> digamma::cost::parseSemantics(std::string_view name) {
  if (name == "sound")
    return Semantics::Sound;
  if (name == "maestro")
    return Semantics::Maestro;
  return std::nullopt;
}

std::string_view digamma::cost::resourceName(Resource resource) {
  switch (resource) {
  case Resource::Compute:
    return "compute";
  case Resource::Noc:
    return "noc";
  case Resource::Offchip:
    break;
  }
  return "offchip";
}

using detail::ceilDiv;
using detail::saturatingMul;

namespace {
int64_t bytesPerCycle(int64_t elements, int64_t bytes, int64_t perElement) {
  return bytes > 0 ? bytes : saturatingMul(elements, perElement);
}
bool unboundedRate(int64_t elements, int64_t bytes, int64_t perElement) {
  if (bytes <= 0)
    return elements >= kUnboundedBandwidth;
  return bytes >= saturatingMul(kUnboundedBandwidth, perElement);
}
/// What the maestro semantics, which know elements only, take.
int64_t elementRate(int64_t elements, int64_t bytes, int64_t perElement) {
  return bytes > 0 ? std::max<int64_t>(1, bytes / perElement) : elements;
}
} // namespace

int64_t digamma::cost::nocBytesPerCycle(const Hardware &hw) {
  return bytesPerCycle(hw.nocBandwidth, hw.nocBandwidthBytes,
                       hw.bytesPerElement);
}
int64_t digamma::cost::offchipBytesPerCycle(const Hardware &hw) {
  return bytesPerCycle(hw.offchipBandwidth, hw.offchipBandwidthBytes,
                       hw.bytesPerElement);
}
bool digamma::cost::isNocUnbounded(const Hardware &hw) {
  return unboundedRate(hw.nocBandwidth, hw.nocBandwidthBytes,
                       hw.bytesPerElement);
}
bool digamma::cost::isOffchipUnbounded(const Hardware &hw) {
  return unboundedRate(hw.offchipBandwidth, hw.offchipBandwidthBytes,
                       hw.bytesPerElement);
}

double digamma::cost::digammaAreaUm2(int64_t numPEs, int64_t l1Elements,
                                     int64_t l2Elements,
                                     int64_t bytesPerElement,
                                     const AreaConstants &constants) {
  double bits = 8.0 * static_cast<double>(bytesPerElement);
  return static_cast<double>(numPEs) * constants.macAreaUm2 +
         (static_cast<double>(l1Elements) * static_cast<double>(numPEs) +
          static_cast<double>(l2Elements)) *
             bits * constants.sramAreaUm2PerBit;
}

double digamma::cost::sramAreaPerElementUm2(int64_t bytesPerElement,
                                            const AreaConstants &constants) {
  return 8.0 * double(bytesPerElement) * constants.sramAreaUm2PerBit;
}

int64_t digamma::cost::unitsWithinArea(double areaUm2, double unitAreaUm2) {
  if (!(areaUm2 > 0) || !(unitAreaUm2 > 0))
    return 0;
  return static_cast<int64_t>(std::min(areaUm2 / unitAreaUm2, 1e15));
}

int64_t digamma::cost::pesWithinArea(double areaUm2,
                                     const AreaConstants &constants) {
  return unitsWithinArea(areaUm2, constants.macAreaUm2);
}

int64_t digamma::cost::bufferElementsWithinArea(double areaUm2,
                                                int64_t bytesPerElement,
                                                const AreaConstants &constants) {
  return unitsWithinArea(areaUm2,
                         sramAreaPerElementUm2(bytesPerElement, constants));
}

double digamma::cost::digammaAreaBytesUm2(int64_t numPEs, int64_t l1Bytes,
                                          int64_t l2Bytes,
                                          const AreaConstants &constants) {
  return static_cast<double>(numPEs) * constants.macAreaUm2 +
         (static_cast<double>(l1Bytes) * static_cast<double>(numPEs) +
          static_cast<double>(l2Bytes)) *
             8.0 * constants.sramAreaUm2PerBit;
}

/// The first of \p constraints that buffers of \p l1 and \p l2 bytes break
/// on \p hw (checkConstraints()'s order), or None.
static InvalidReason bufferConstraint(int64_t l1, int64_t l2,
                                      const Hardware &hw,
                                      const Constraints &constraints,
                                      const AreaConstants &area) {
  if (l1 > saturatingMul(hw.l1Elements, hw.bytesPerElement))
    return InvalidReason::L1OverCapacity;
  if (l2 > saturatingMul(hw.l2Elements, hw.bytesPerElement))
    return InvalidReason::L2OverCapacity;
  if (hw.numPEs > constraints.peLimit)
    return InvalidReason::PELimitExceeded;
  if (digammaAreaBytesUm2(hw.numPEs, l1, l2, area) > constraints.areaBudgetUm2)
    return InvalidReason::AreaOverBudget;
  return InvalidReason::None;
}

InvalidReason digamma::cost::checkConstraints(const CostReport &report,
                                              const Hardware &hw,
                                              const Constraints &constraints,
                                              const ModelOptions &options) {
  if (!report.valid)
    return report.reason;
  if (report.unsoundReason != InvalidReason::None &&
      !options.acceptUnsoundMaestro)
    return report.unsoundReason;
  // Reports made by hand may lack the byte forms: elements times the
  // hardware's element size then (what the byte forms are for uniform
  // element sizes).
  const bool bytes = report.l1Bytes != 0 || report.l2Bytes != 0;
  const int64_t l1 = bytes ? report.l1Bytes
                           : saturatingMul(report.l1Elements, hw.bytesPerElement);
  const int64_t l2 = bytes ? report.l2Bytes
                           : saturatingMul(report.l2Elements, hw.bytesPerElement);
  return bufferConstraint(l1, l2, hw, constraints, options.area);
}

//===----------------------------------------------------------------------===//
// Engine data
//===----------------------------------------------------------------------===//

namespace digamma::cost::detail {

enum Tensor { In = 0, Wt = 1, Out = 2 };
enum Kind : uint8_t { Init = 0, Steady = 1, Edge = 2 };

constexpr int kY = static_cast<int>(Dim::Y), kX = static_cast<int>(Dim::X),
              kR = static_cast<int>(Dim::R), kS = static_cast<int>(Dim::S),
              kDimK = static_cast<int>(Dim::K), kDimC = static_cast<int>(Dim::C);

using Extents = std::array<int64_t, kNumDims>;

/// A directive's tile table (spec 6.1). M/U/ME/UE are the var's entries (Y
/// and X in input coordinates); the *o entries are the output coordinates
/// (Y', X'), equal to the former for other vars; tp* are the extents handed
/// to the sub-level (8.8).
struct Tab {
  int64_t m, u, me, ue;
  int64_t mo, uo, meo, ueo;
  int64_t tpM, tpME;
};

struct Dir {
  bool spatial;
  int var;
  int64_t tile;    // mapping tile (output rows/columns for Y and X)
  int64_t m, o;    // MAESTRO's size and offset after the Y'->Y conversion
  uint8_t tensors; // bit t: coupled to tensor t
  bool outDim;     // var in dims(output)
  int partner;     // Y/X: index of the R/S directive, otherwise -1
};

/// Rebuilt by every evaluation; the arrays are left uninitialized (setup()
/// writes every entry it later reads) because zeroing them cost more than
/// a tenth of a sound evaluation.
struct Level {
  int n = 0;
  std::array<Dir, kNumDims> dirs;
  int sigma = 0;
  int64_t fan = 1;
  // Maestro only: static tables, edge fan-out and extents.
  std::array<Tab, kNumDims> tab;
  int64_t edgeFan = 1;
  Extents staticExtent;
  std::array<int64_t, kNumDims> tabMagnitude;
  // Sound only: per tensor, the product of the level's full tiles (input
  // windows for Y and X), and whether it overflowed.
  std::array<int64_t, 3> bound;
  bool boundOverflow;
};

struct State {
  Kind kind;
  bool edge, unrolled, spEE;
  int64_t weight;
};

/// Per-call tables and states. Maestro's tables are static per level, so
/// `tab` points at the level's; sound builds its own in `ownTab`.
struct Call {
  Call() = default;
  Call(const Call &) = delete;
  Call &operator=(const Call &) = delete;

  std::array<Tab, kNumDims> ownTab;
  const Tab *tab = ownTab.data();
  int64_t edgeFan;
  std::array<std::array<State, 3>, kNumDims> st;
  std::array<int, kNumDims> ns;
  std::array<bool, 3> sp;
  /// Sound: per loop, its iteration count (a spatial loop's steps).
  std::array<int64_t, kNumDims> iterations;
};

/// One loop of the innermost level at one extent, for fastInner(): its
/// states (and, for sound, its table) and the per-loop sums that the closed
/// form multiplies. Memoised per evaluation: the level above hands each loop
/// only a few distinct extents.
struct InnerLoop {
  int64_t ext, partnerExt;
  Tab ownTab;
  std::array<State, 3> st;
  int ns;
  int64_t edgeFan;
  /// False if a work factor is not positive or MAESTRO's unique data is
  /// empty: the closed form does not apply.
  bool closedForm;
  int64_t workSum, minWork, maxWeight, magnitude;
  double weightSum, peSum;
};

struct SubResult {
  int64_t runtime = 0;
  double avgPEs = 0;
};

/// A run's buffer requirements (spec 10.2): L1 per tensor and in total,
/// L2, both in elements and in bytes (each tensor at its element size).
struct Buffers {
  std::array<int64_t, 3> l1Tensor;
  int64_t l1, l2, l1Bytes, l2Bytes;
};

/// A level's sub-level results by the mask of its loops that hand down
/// their edge tile (subExtents()), per analyzeGroups(), so that most cases
/// skip the memo (analyze() keeps its own, as MAESTRO's path was tuned).
struct SubLevelResults {
  // (Left uninitialized: only known entries are read.)
  std::array<int64_t, 1 << kNumDims> runtime;
  std::array<double, 1 << kNumDims> avgPEs;
  uint64_t known = 0;
};

/// One factor of a case's traffic; a sum over sub-clusters carries whether
/// it overflowed, marked only when a case uses it (analyzeGroups()).
struct Factor {
  int64_t value;
  bool overflow;
};
constexpr Factor kOne = {1, false};

struct MemoEntry {
  Extents extents;
  SubResult result;
  uint32_t generation;
};

/// Open-addressing memo per level; an entry is live if its generation is
/// the current evaluation's, so nothing is cleared between evaluations.
struct Workspace {
  static constexpr int kMemo = 128;
  std::array<std::array<MemoEntry, kMemo>, kMaxLevels> memo{};
  uint32_t generation = 0;
};

/// Off-chip traffic in elements, batch included, and the first fill and
/// the last drain of level 0 (Engine::offchipTraffic()).
struct OffchipFigures {
  int64_t inRead = 0, wtRead = 0, outRead = 0, outWrite = 0;
  int64_t fillIn = 0, fillWt = 0, drainOut = 0;
  bool overflow = false;
};

/// Whole-layer accumulators of the top level (spec 9.1, 9.2, 10.6).
struct TopResult {
  SubResult sub;
  std::array<int64_t, 3> up{}, rdUp{}, wrUp{};
  int64_t macs = 0;
  int64_t nocPeak = 0;
  int64_t offchip = 0;
};

} // namespace digamma::cost::detail

using namespace digamma::cost::detail;

namespace {

int64_t mulW(int64_t a, int64_t b, bool &overflow) {
  int64_t r;
  if (__builtin_mul_overflow(a, b, &r))
    overflow = true;
  return r;
}
int64_t addW(int64_t a, int64_t b, bool &overflow) {
  int64_t r;
  if (__builtin_add_overflow(a, b, &r))
    overflow = true;
  return r;
}
int64_t nz(int64_t v) { return v != 0 ? v : 1; }
/// Largest magnitude of a table's volume entries, at least 1.
int64_t tableMagnitude(const Tab &tb) {
  int64_t big = 1;
  for (int64_t v : {tb.m, tb.u, tb.me, tb.ue, tb.mo, tb.uo, tb.meo, tb.ueo})
    big = std::max(big, v < 0 ? -v : v);
  return big;
}

[[gnu::always_inline]] inline int64_t voutFactor(const Dir &dir, const Tab &tb,
                                                 const State &s, int64_t e,
                                                 bool maestro, bool psum,
                                                 bool first, bool ee, bool r);

constexpr int64_t kUnset = std::numeric_limits<int64_t>::min();
/// Cases of a level: at most three states for each of six loops.
constexpr int kMaxCases = 729;

//===----------------------------------------------------------------------===//
// Engine
//===----------------------------------------------------------------------===//

class Engine {
public:
  Engine(Workspace &ws, const Layer &layer, const Hardware &hw,
         const Mapping &mapping, bool maestro, bool enumerate)
      : ws(ws), layer(layer), hw(hw), mapping(mapping), maestro(maestro),
        enumerate(enumerate) {}

  InvalidReason setup();
  /// Lets run() stop at the buffers of a design that breaks \p constraints
  /// (Evaluator::evaluateWithin()); both must outlive the engine.
  void rejectBeyond(const Constraints &constraints, const AreaConstants &area) {
    limits = &constraints;
    limitArea = &area;
  }
  void run(CostReport &report, const ModelOptions &options);
  /// After run(): the cycles without the off-chip model; whether the NoC's
  /// bandwidth provably changes none of them (they are the cycles at
  /// unbounded NoC bandwidth); whether the top level took a closed form;
  /// whether some sound level's runtime was summed over groups of cases.
  int64_t onChip() const { return onChipCycles; }
  bool nocFree() const { return provedNocFree; }
  bool closedForm() const { return tookClosedForm; }
  bool caseRuntime() const { return summedGroups; }
  bool rejectedEarly() const { return rejected != InvalidReason::None; }

private:
  /// The buffers of a run whose top level's first iteration moves \p up
  /// (double-buffered) elements per tensor.
  Buffers buffers(const std::array<int64_t, 3> &up);
  /// Whether the buffers rule the design out (rejectBeyond()); sets
  /// `rejected`.
  bool rejectsEarly(const std::array<int64_t, 3> &up);
  void makeCall(int l, const Extents &t, Call &call);
  void maestroStates(const Level &lv, const Extents &t, Call &call) const;
  void maestroLoop(const Level &lv, int j, int64_t ext,
                   std::array<State, 3> &st, int &ns) const;
  void soundTables(const Level &lv, const Extents &t, Call &call) const;
  void soundLoop(const Level &lv, int j, const Extents &t, Call &call) const;

  // Per-case volumes (spec section 8); c holds one state index per loop.
  // Every volume is a product over the loops; only the spatial loop's
  // factor differs between sub-clusters, so the temporal loops' product is
  // computed once per case.
  int64_t vinTemporal(const Level &lv, const Call &call, const int *c, int chg,
                      bool inited, int t);
  int64_t vinSpatial(const Level &lv, const Call &call, const int *c, int chg,
                     bool inited, bool first, bool ee) const;
  int64_t ain(const Level &lv, const Call &call, const int *c, int chg, int t);
  /// The temporal loops' products of Vout without and with partial sums.
  std::pair<int64_t, int64_t> voutTemporal(const Level &lv, const Call &call,
                                           const int *c);
  int64_t vout(const Level &lv, const Call &call, const int *c,
               int64_t temporal, bool psum, bool first, bool ee, bool r);
  int64_t aout(const Level &lv, const Call &call, const int *c,
               int64_t temporal);
  int64_t parr(const Level &lv, const Call &call, const int *c,
               int64_t temporal);
  int64_t ppe(const Level &lv, const Call &call, const int *c,
              int64_t temporal);
  Extents subExtents(const Level &lv, const Call &call, const int *c,
                     bool ee) const;
  /// Off-chip traffic of level 0's tiles (README.md, "Off-chip traffic");
  /// the first fill and the last drain only if \p exposed.
  OffchipFigures offchipTraffic(bool exposed) const;
  /// MaestroMacMismatch or MaestroBelowComputeBound if \p report's
  /// figures are physically impossible for the layer, else None.
  InvalidReason maestroSoundness(const CostReport &report) const;

  /// NoC delay of \p x units of traffic (spec 9.4): elements when every
  /// tensor has the hardware's element size and the NoC bandwidth is given
  /// in elements, bytes otherwise (nocIn(), nocOut()).
  int64_t delta(int64_t x) {
    int64_t nsend = x / nocRate + (x % nocRate != 0);
    return add(hop - 1, nsend);
  }
  /// delta() without marking overflow (for bounds); false if it overflows.
  bool delayBound(int64_t x, int64_t &result) const {
    // (No division when the traffic fits one cycle, as at unbounded rates.)
    int64_t nsend = x <= nocRate ? x > 0 : x / nocRate + (x % nocRate != 0);
    return !__builtin_add_overflow(hop - 1, nsend, &result);
  }
  /// Input and filter traffic, and output traffic, in the NoC's unit.
  int64_t nocIn(int64_t in, int64_t wt) {
    return uniformNoc ? add(in, wt)
                      : add(mul(in, nocScale[In]), mul(wt, nocScale[Wt]));
  }
  int64_t nocOut(int64_t out) {
    return uniformNoc ? out : mul(out, nocScale[Out]);
  }
  /// nocIn() without marking overflow (for bounds); false if it overflows.
  bool nocInBound(int64_t in, int64_t wt, int64_t &result) const {
    int64_t a = in, b = wt;
    return (uniformNoc || (!__builtin_mul_overflow(in, nocScale[In], &a) &&
                           !__builtin_mul_overflow(wt, nocScale[Wt], &b))) &&
           !__builtin_add_overflow(a, b, &result);
  }
  bool nocOutBound(int64_t out, int64_t &result) const {
    result = out;
    return uniformNoc || !__builtin_mul_overflow(out, nocScale[Out], &result);
  }
  int64_t mul(int64_t a, int64_t b) { return mulW(a, b, overflow); }
  int64_t add(int64_t a, int64_t b) { return addW(a, b, overflow); }
  void fail(InvalidReason reason) {
    if (crash == InvalidReason::None)
      crash = reason;
  }

  /// Analyses level \p l with extents \p t by enumerating its cases.
  SubResult analyze(int l, const Extents &t, TopResult *top);
  /// analyze() of a sound level without the top-level figures, by groups
  /// of cases with equal figures.
  SubResult analyzeGroups(int l, const Call &call);
  /// analyzeGroups() of level \p l at the extents \p t.
  SubResult soundCases(int l, const Extents &t);
  /// The compute delay of case \p c of level \p l (not the innermost) and
  /// its sub-clusters' average busy PEs (spec 9.3); \p mask has a bit per
  /// loop that hands its edge tile to the full sub-clusters.
  int64_t subLevelDelay(int l, const Call &call, const int *c, unsigned mask,
                        SubLevelResults &results, double &pes);
  /// Memoised sub-level result.
  SubResult sub(int l, const Extents &t);
  /// sub() without the memo: the closed form or the (groups of) cases.
  SubResult uncached(int l, const Extents &t) {
    SubResult r;
    if (!enumerate && fastInner(l, t, r))
      return r;
    return enumerate || maestro ? analyze(l, t, nullptr) : soundCases(l, t);
  }
  /// Closed form of an innermost level; false if it cannot be proven.
  bool fastInner(int l, const Extents &t, SubResult &result);
  /// Upper bounds on level \p lv's ingress and egress (nocIn(), nocOut())
  /// in any one iteration, given per tensor a bound \p tile on one
  /// sub-cluster's volume and a bound \p clusters on the sub-clusters that
  /// receive a tensor the spatial loop partitions (maestro: every tensor);
  /// false if a bound overflows.
  bool trafficBound(const Level &lv, const std::array<int64_t, 3> &tile,
                    int64_t clusters, int64_t &in, int64_t &out) const;
  /// The sub-clusters of sound level \p lv that an iteration may send data
  /// to, given its spatial loop's first state and edge fan-out: all of them,
  /// or the edge fan-out if the loop is unrolled over fewer (soundLoop()).
  int64_t activeClusters(const Level &lv, const State &first,
                         int64_t edgeFan) const {
    return first.edge ? edgeFan : lv.fan;
  }
  /// Closed form of the top level of a sound mapping: its figures, and its
  /// runtime for at most two levels where no iteration after a level's
  /// first waits for the NoC (else runtimeByCases()); false if it cannot
  /// be proven.
  bool fastTop(const Extents &t, TopResult &top);
  /// fastTop()'s runtime and PE average where no closed form is proven:
  /// from the top level's (groups of) cases, its other figures kept.
  bool runtimeByCases(const Call &call, TopResult &top);
  /// The sum of the sub-level's runtimes over the cases of level \p l and,
  /// if \p avgPEs, their average busy PEs; false if an iteration after the
  /// first may wait for the NoC.
  bool subLevelRuns(int l, const Call &call, int64_t &runs,
                    double *avgPEs = nullptr);
  /// Loop \p j of the innermost level at the extents \p t (memoised).
  const InnerLoop &innerLoop(int j, const Extents &t);
  /// Sums a per-sub-cluster volume g(first, ee) over the sub-clusters of a
  /// spatial loop in state \p s with fan-out \p n and edge fan-out \p e
  /// (spec 8.2, 8.4).
  template <typename G>
  int64_t overClusters(const State &s, int64_t n, int64_t e, G &&g) {
    if (!s.edge)
      return add(g(true, false), mul(n - 1, g(false, false)));
    int64_t r = g(true, e == 1 && s.spEE);
    if (e > 1) {
      r = add(r, mul(std::max<int64_t>(e - s.spEE - 1, 0), g(false, false)));
      if (s.spEE)
        r = add(r, g(false, true));
    }
    return r;
  }
  /// Sums the partial sums g(first, ee, r) of the sub-clusters of a spatial
  /// loop in state \p s (spec 8.6): unlike overClusters(), the full
  /// sub-clusters all count a first (full) tile.
  template <typename G>
  int64_t overPartialSums(const State &s, int64_t n, int64_t e, G &&g) {
    if (!s.edge)
      return mul(n, g(true, false, true));
    int64_t r = g(true, e == 1 && s.spEE, true);
    if (e > 1) {
      r = add(r,
              mul(std::max<int64_t>(e - s.spEE - 1, 0), g(true, false, true)));
      if (s.spEE)
        r = add(r, g(false, true, false));
    }
    return r;
  }
  /// Sum over the states of loop \p j of the innermost level, at extent
  /// \p extent, of weight x per-PE work factor; and the PE average.
  int64_t innerSum(int j, int64_t extent, double *avgPEs);

  Workspace &ws;
  const Layer &layer;
  const Hardware &hw;
  const Mapping &mapping;
  bool maestro, enumerate;
  int numLevels = 0;
  std::array<Level, kMaxLevels> levels;
  int64_t hop = 1;
  /// The NoC's unit and rate (delta()): elements per cycle, or bytes per
  /// cycle with per-tensor byte weights nocScale.
  bool uniformNoc = true;
  std::array<int64_t, 3> nocScale = {1, 1, 1};
  int64_t nocRate = 1;
  /// Elements per cycle of MAESTRO's off-chip term (spec 9.6), which sound
  /// keeps only at unbounded bandwidth; INT64_MAX disables it.
  int64_t offchipTermRate = std::numeric_limits<int64_t>::max();
  /// Per-tensor element sizes in bytes.
  std::array<int64_t, 3> bytes = {1, 1, 1};
  /// The layer's mapped extents (output rows and columns for Y and X) and
  /// filter windows, computed once.
  Extents mapped;
  int64_t windowY = 1, windowX = 1;
  /// Whether run() computes the off-chip traffic and the other report
  /// figures (CostReport::hasReportFigures), and (sound) level 0's
  /// iteration count per dim for the traffic, from the level-0 call
  /// (makeCall()), which every run makes.
  bool wantTraffic = false;
  Extents topCount;
  /// Set by fastTop(): every level's traffic per iteration fits one cycle
  /// of the NoC, so every NoC delay is the one at unbounded bandwidth.
  bool nocWithinRate = false;
  /// True once fastTop() has proved that the NoC's bandwidth changes no
  /// delay (nocWithinRate).
  bool provedNocFree = false;
  bool tookClosedForm = false;
  /// Set by runtimeByCases() and analyzeGroups().
  bool runtimeFromCases = false, summedGroups = false;
  int64_t onChipCycles = 0;
  bool overflow = false;
  InvalidReason crash = InvalidReason::None;
  /// rejectBeyond()'s constraints, and the one the buffers broke.
  const Constraints *limits = nullptr;
  const AreaConstants *limitArea = nullptr;
  InvalidReason rejected = InvalidReason::None;
  std::array<std::array<InnerLoop, 2>, kNumDims> innerLoops;
  std::array<uint8_t, kNumDims> innerLoopCount{};
};

/// Coupled vars per tensor (spec 4.2).
constexpr std::array<uint8_t, 3> coupledVars(bool depthwise) {
  auto bit = [](Dim d) { return uint8_t(1u << static_cast<int>(d)); };
  uint8_t in = bit(Dim::C) | bit(Dim::Y) | bit(Dim::X);
  uint8_t wt =
      (depthwise ? 0 : bit(Dim::K)) | bit(Dim::C) | bit(Dim::R) | bit(Dim::S);
  uint8_t out =
      (depthwise ? bit(Dim::C) : bit(Dim::K)) | bit(Dim::Y) | bit(Dim::X);
  return {in, wt, out};
}

/// The transpose of coupledVars: per var, bit t set if tensor t is coupled
/// to it. Indexed by [depthwise][var].
constexpr std::array<std::array<uint8_t, kNumDims>, 2> kTensorsOfVar = [] {
  std::array<std::array<uint8_t, kNumDims>, 2> table{};
  for (int depthwise = 0; depthwise < 2; ++depthwise) {
    std::array<uint8_t, 3> vars = coupledVars(depthwise != 0);
    for (int var = 0; var < kNumDims; ++var)
      for (int t = 0; t < 3; ++t)
        if ((vars[t] >> var) & 1)
          table[depthwise][var] |= uint8_t(1u << t);
  }
  return table;
}();

/// Per var, the one tensor that does not depend on it (3 for none), by
/// [depthwise][var]: K does not index inputs, C not outputs (but depthwise
/// outputs), Y and X not weights, R and S not outputs. Inputs depend on R
/// and S: the filter taps move the window.
constexpr std::array<std::array<int, kNumDims>, 2> kIrrelevantTo = {{
    {In, Out, Wt, Wt, Out, Out},
    {In, 3, Wt, Wt, Out, Out},
}};

InvalidReason Engine::setup() {
  const bool depthwise = layer.layerClass == LayerClass::DepthwiseConv;
  if (findLayerFault(layer) != LayerFault::None)
    return InvalidReason::BadLayer;
  windowY = layer.r;
  windowX = layer.s;
  // Most layers have no dilation; compute the window only if they do.
  if ((layer.dilationY != 1) | (layer.dilationX != 1)) {
    windowY = layer.windowY();
    windowX = layer.windowX();
  }
  if (hw.numPEs <= 0 || hw.simdLanes <= 0 || hw.nocBandwidth <= 0 ||
      hw.offchipBandwidth <= 0 || hw.bytesPerElement <= 0 || hw.nocHops <= 0 ||
      hw.nocHopLatency <= 0 || hw.nocBandwidthBytes < 0 ||
      hw.offchipBandwidthBytes < 0)
    return InvalidReason::BadMapping;
  if (mapping.numLevels < 1 || mapping.numLevels > kMaxLevels)
    return InvalidReason::BadMapping;
  if (maestro && (layer.n != 1 || layer.strideY != 1 || layer.strideX != 1))
    return InvalidReason::MaestroUnsupportedLayer;
  if (maestro && (layer.dilationY != 1 || layer.dilationX != 1))
    return InvalidReason::MaestroUnsupportedDilation;
  // MAESTRO reads sizes as 32-bit ints: larger ones are no MAESTRO input,
  // and its arithmetic on them would overflow even in 64 bits here.
  if (maestro) {
    int64_t largest = hw.numPEs;
    for (Dim d : kAllDims)
      largest = std::max(largest, layer.dim(d));
    for (int l = 0; l < mapping.numLevels; ++l) {
      largest = std::max(largest, mapping.level(l).clusterSize);
      for (int64_t tile : mapping.level(l).tiles)
        largest = std::max(largest, tile);
    }
    if (largest > std::numeric_limits<int32_t>::max())
      return InvalidReason::MaestroUnsupportedLayer;
  }
  numLevels = mapping.numLevels;
  if (__builtin_mul_overflow(hw.nocHops, hw.nocHopLatency, &hop))
    return InvalidReason::Overflow;

  // Units of the NoC and the off-chip term. MAESTRO knows elements only.
  // Sound keeps elements while every tensor has the hardware's element size
  // (so that the figures are exactly the element model's) and weighs each
  // tensor's elements by its bytes otherwise.
  const int64_t perElement = hw.bytesPerElement;
  const bool ownSizes =
      (layer.inputBytes | layer.weightBytes | layer.outputBytes) != 0;
  bytes = {perElement, perElement, perElement};
  if (ownSizes)
    for (int t = 0; t < 3; ++t)
      bytes[t] = layer.operandBytes(static_cast<Operand>(t), perElement);
  if (maestro) {
    nocRate = elementRate(hw.nocBandwidth, hw.nocBandwidthBytes, perElement);
    offchipTermRate = elementRate(hw.offchipBandwidth, hw.offchipBandwidthBytes,
                                  perElement);
  } else {
    uniformNoc = hw.nocBandwidthBytes == 0 &&
                 (!ownSizes || (bytes[In] == perElement &&
                                bytes[Wt] == perElement &&
                                bytes[Out] == perElement));
    if (uniformNoc) {
      nocRate = hw.nocBandwidth;
    } else {
      nocScale = bytes;
      nocRate = nocBytesPerCycle(hw);
    }
    // The off-chip model (run()) replaces MAESTRO's term at finite
    // bandwidth; at unbounded bandwidth the term stays, so that the figures
    // are exactly the reference's.
    if (isOffchipUnbounded(hw))
      offchipTermRate = elementRate(hw.offchipBandwidth,
                                    hw.offchipBandwidthBytes, perElement);
  }

  // Structure, the sound semantics' tile rule, and the directives per level
  // in loop order (spec 1.1, 5.3). Depthwise layers have no K directive; a
  // K-parallel depthwise level maps C spatially.
  mapped = {layer.k, layer.c, (layer.y - windowY) / layer.strideY + 1,
            (layer.x - windowX) / layer.strideX + 1, layer.r, layer.s};
  Extents outer = mapped;
  int64_t inner = 1;
  for (int l = 0; l < numLevels; ++l) {
    const MappingLevel &ml = mapping.level(l);
    int seen = 0;
    for (Dim d : ml.order) {
      if (static_cast<int>(d) >= kNumDims)
        return InvalidReason::BadMapping;
      seen |= 1 << static_cast<int>(d);
    }
    if (seen != (1 << kNumDims) - 1 ||
        static_cast<int>(ml.parallelDim) >= kNumDims)
      return InvalidReason::BadMapping;
    for (int d = 0; d < kNumDims; ++d) {
      if (ml.tiles[d] <= 0)
        return InvalidReason::BadMapping;
      if (!maestro && ml.tiles[d] > outer[d])
        return InvalidReason::TileExceedsParent;
      outer[d] = ml.tiles[d];
    }
    if (l > 0) {
      if (ml.clusterSize <= 0)
        return InvalidReason::BadMapping;
      if (__builtin_mul_overflow(inner, ml.clusterSize, &inner) ||
          inner > hw.numPEs)
        return InvalidReason::ClusterExceedsPEs;
    }

    Level &lv = levels[l];
    Dim par = ml.parallelDim;
    if (depthwise && par == Dim::K)
      par = Dim::C;
    lv.n = 0;
    int pos[kNumDims];
    for (Dim d : ml.order) {
      if (depthwise && d == Dim::K)
        continue;
      Dir &dir = lv.dirs[lv.n];
      dir.var = static_cast<int>(d);
      dir.spatial = d == par;
      dir.tile = ml.tile(d);
      dir.tensors = kTensorsOfVar[depthwise][dir.var];
      dir.outDim = (dir.tensors >> Out) & 1;
      dir.partner = -1;
      dir.m = dir.o = dir.tile;
      if (dir.spatial)
        lv.sigma = lv.n;
      pos[dir.var] = lv.n++;
    }
    for (int var : {kY, kX}) {
      Dir &dir = lv.dirs[pos[var]];
      dir.partner = pos[var == kY ? kR : kS];
      // (tile - 1) first: tile + R can overflow when the sum - 1 does not.
      dir.m = dir.tile - 1 + lv.dirs[dir.partner].tile;
    }
    if (!maestro) {
      // Traffic bound of the level's full tiles (fastTop()): per tensor, the
      // product of its dims' tiles, Y and X as input windows.
      const int64_t tK = ml.tile(Dim::K), tC = ml.tile(Dim::C),
                    tR = ml.tile(Dim::R), tS = ml.tile(Dim::S);
      // Tiles are within the layer here, so the windows are too.
      const int64_t wY =
          std::max(ml.tile(Dim::Y), (ml.tile(Dim::Y) - 1) * layer.strideY +
                                        (tR - 1) * layer.dilationY + 1);
      const int64_t wX =
          std::max(ml.tile(Dim::X), (ml.tile(Dim::X) - 1) * layer.strideX +
                                        (tS - 1) * layer.dilationX + 1);
      bool o = false;
      auto product = [&o](std::initializer_list<int64_t> factors) {
        int64_t r = 1;
        for (int64_t f : factors)
          o |= __builtin_mul_overflow(r, f, &r);
        return r;
      };
      lv.bound[In] = product({tC, wY, wX});
      lv.bound[Wt] = product({depthwise ? 1 : tK, tC, tR, tS});
      lv.bound[Out] = product({depthwise ? tC : tK, wY, wX});
      lv.boundOverflow = o;
    }
    lv.fan = ml.clusterSize;
  }
  // The top level's fan-out needs every inner cluster size.
  levels[0].fan = hw.numPEs / inner;

  if (!maestro) {
    // Sound MACs are exact, so a layer whose MAC count overflows int64 can
    // only end in Overflow: say so now instead of after the analysis (on
    // huge layers with deep mappings, seconds).
    int64_t macs = layer.n;
    for (int64_t extent : mapped)
      if (__builtin_mul_overflow(macs, extent, &macs))
        return InvalidReason::Overflow;
    return InvalidReason::None;
  }

  // Maestro: static extents and tables per level (spec 5.3 N5, 6.1, 6.2).
  Extents d0;
  for (int d = 0; d < kNumDims; ++d)
    d0[d] = layer.dim(static_cast<Dim>(d));
  for (int l = 0; l < numLevels; ++l) {
    Level &lv = levels[l];
    lv.staticExtent = d0;
    for (int j = 0; j < lv.n; ++j) {
      const Dir &dir = lv.dirs[j];
      int64_t d = d0[dir.var], m = dir.m, o = dir.o;
      int64_t st = std::max<int64_t>((d - m) / o, 0);
      bool hasEdge = st * o + m < d || m > d;
      int64_t em = d - (st + 1) * o;
      if (em < 0)
        em = d;
      Tab &tb = lv.tab[j];
      tb.m = m;
      tb.u = std::min(m, o);
      if (!dir.spatial && d <= m)
        tb.u = 0;
      tb.me = hasEdge ? em : m;
      tb.ue = std::max<int64_t>(o - (m - em), 0);
      tb.mo = tb.m;
      tb.uo = tb.u;
      tb.meo = tb.me;
      tb.ueo = tb.ue;
      tb.tpM = tb.m;
      tb.tpME = tb.me;
    }
    for (int j = 0; j < lv.n; ++j) {
      const Dir &dir = lv.dirs[j];
      if (dir.partner < 0)
        continue;
      Tab &tb = lv.tab[j];
      const Tab &w = lv.tab[dir.partner];
      tb.mo = tb.m - w.m + 1;
      tb.uo = std::min(dir.o, dir.m);
      tb.meo = tb.me - w.me + 1;
      tb.ueo = std::min(dir.o, tb.meo);
    }
    const Dir &s = lv.dirs[lv.sigma];
    int64_t d = d0[s.var], m = s.m, o = s.o, n = lv.fan;
    int64_t full = o * (n - 1) + m, e = 1;
    if (d > full) {
      int64_t q = ((d - m) / o + 1) / n - 1;
      int64_t rem = d - (q + 1) * o * n;
      e = rem < m ? 1 : (rem - m) / o + 1;
    } else if (d > m) {
      e = (d - m) / o + 1;
      if (o * (e - 1) + m < d)
        ++e;
    }
    if (d <= m)
      e = 1;
    lv.edgeFan = e;
    for (int j = 0; j < lv.n; ++j)
      lv.tabMagnitude[j] = tableMagnitude(lv.tab[j]);
    for (int j = 0; j < lv.n; ++j)
      d0[lv.dirs[j].var] = std::min(lv.dirs[j].m, d0[lv.dirs[j].var]);
  }
  return InvalidReason::None;
}

/// MAESTRO's states of a level for per-call extents \p t (spec 7.2).
void Engine::maestroStates(const Level &lv, const Extents &t,
                           Call &call) const {
  for (int j = 0; j < lv.n; ++j)
    maestroLoop(lv, j, t[lv.dirs[j].var], call.st[j], call.ns[j]);
}

void Engine::maestroLoop(const Level &lv, int j, int64_t ext,
                         std::array<State, 3> &st, int &ns) const {
  const Dir &dir = lv.dirs[j];
  const int64_t m = dir.m, o = dir.o;
  if (!dir.spatial) {
    bool initEdge = ext < m;
    st[0] = {Init, initEdge, ext <= m, false, 1};
    ns = 1;
    int64_t q = (ext - m) / o;
    if (m < ext && q > 0)
      st[ns++] = {Steady, false, false, false, q};
    if (!initEdge && q * o + m < ext)
      st[ns++] = {Edge, true, false, false, 1};
    return;
  }
  int64_t n = lv.fan, cov = m + o * (n - 1);
  bool unrolled = ext <= cov, initEdge = ext < cov;
  st[0] = {Init, initEdge, unrolled, initEdge, 1};
  ns = 1;
  int64_t q = ((ext - m) / o + 1) / n - 1;
  if (cov < ext && q > 0)
    st[ns++] = {Steady, false, false, false, q};
  if (!unrolled && (q + 1) * o * n + cov > ext && q * o * n + cov != ext) {
    int64_t rem = ext - (q + 1) * o * n;
    int64_t a = rem < m ? 1 : (rem - m) / o + 1;
    st[ns++] = {Edge, true, false, (a - 1) * o + m < rem, 1};
  }
}

/// Sound tables and states from the real extents \p t (output coordinates
/// for Y and X): full tiles, the remainder tile at the edge, and input
/// windows from the stride and the level's current filter extent.
void Engine::soundTables(const Level &lv, const Extents &t, Call &call) const {
  call.edgeFan = 1;
  for (int j = 0; j < lv.n; ++j)
    soundLoop(lv, j, t, call);
}

void Engine::soundLoop(const Level &lv, int j, const Extents &t,
                       Call &call) const {
  const Dir &dir = lv.dirs[j];
  int64_t ext = t[dir.var], tile = dir.tile;
  int64_t full = std::min(tile, ext);
  int64_t count = ceilDiv(ext, tile);
  int64_t rem = ext - (count - 1) * tile;
  Tab &tb = call.ownTab[j];
  tb = {full, full, rem, rem, full, full, rem, rem, full, rem};
  if (dir.partner >= 0) {
    // At most the filter's window, which fits the input.
    int64_t window =
        (std::min(lv.dirs[dir.partner].tile, t[lv.dirs[dir.partner].var]) -
         1) * (dir.var == kY ? layer.dilationY : layer.dilationX) +
        1;
    int64_t stride = dir.var == kY ? layer.strideY : layer.strideX;
    tb.m = (full - 1) * stride + window;
    tb.me = (rem - 1) * stride + window;
    // The windows fit the input; tile * stride may not fit int64.
    int64_t advance;
    tb.u = __builtin_mul_overflow(full, stride, &advance)
               ? tb.m
               : std::min(advance, tb.m);
    tb.ue = __builtin_mul_overflow(rem, stride, &advance)
                ? tb.me
                : std::min(advance, tb.me);
  }
  auto &st = call.st[j];
  int &ns = call.ns[j];
  bool partial = rem < tile;
  if (!dir.spatial) {
    call.iterations[j] = count;
    st[0] = {Init, false, count == 1, false, 1};
    ns = 1;
    if (count > 1) {
      int64_t steady = count - 1 - (partial ? 1 : 0);
      if (steady > 0)
        st[ns++] = {Steady, false, false, false, steady};
      if (partial)
        st[ns++] = {Edge, true, false, false, 1};
    }
    return;
  }
  int64_t n = lv.fan;
  if (count <= n) {
    bool edge = count < n || rem < full;
    st[0] = {Init, edge, true, edge && rem < full, 1};
    ns = 1;
    call.edgeFan = count;
    call.iterations[j] = 1;
    return;
  }
  int64_t steps = ceilDiv(count, n);
  call.iterations[j] = steps;
  int64_t last = count - (steps - 1) * n;
  bool edgeStep = last < n || partial;
  st[0] = {Init, false, false, false, 1};
  ns = 1;
  if (steps - 1 - edgeStep > 0)
    st[ns++] = {Steady, false, false, false, steps - 1 - edgeStep};
  if (edgeStep)
    st[ns++] = {Edge, true, false, partial, 1};
  call.edgeFan = last;
}

void Engine::makeCall(int l, const Extents &t, Call &call) {
  const Level &lv = levels[l];
  if (maestro) {
    call.tab = lv.tab.data();
    call.edgeFan = lv.edgeFan;
    maestroStates(lv, t, call);
  } else {
    soundTables(lv, t, call);
    if (l == 0 && wantTraffic) {
      // Level 0's iteration counts, for offchipTraffic().
      for (int j = 0; j < lv.n; ++j)
        topCount[lv.dirs[j].var] = call.iterations[j];
    }
  }
  const uint8_t sigmaTensors = lv.dirs[lv.sigma].tensors;
  for (int t2 = 0; t2 < 3; ++t2)
    call.sp[t2] = (sigmaTensors >> t2) & 1;
}

int64_t Engine::vinTemporal(const Level &lv, const Call &call, const int *c,
                            int chg, bool inited, int t) {
  int64_t v = 1;
  for (int j = 0; j < lv.n; ++j) {
    const Dir &dir = lv.dirs[j];
    if (!((dir.tensors >> t) & 1) || dir.spatial)
      continue;
    const Tab &tb = call.tab[j];
    const State &s = call.st[j][c[j]];
    int64_t f;
    if (chg < 0 || s.kind == Init) {
      // Vmap (8.1), or a loop that has not advanced.
      f = s.edge ? tb.me : tb.m;
    } else {
      // Maestro keeps U and M at the edge; sound uses the edge tile.
      bool edgeSizes = !maestro && s.kind == Edge;
      if (j == chg && !inited) {
        f = edgeSizes ? tb.ue : tb.u;
        if (f == 0)
          fail(InvalidReason::MaestroZeroUnique);
      } else {
        f = edgeSizes ? tb.me : tb.m;
      }
    }
    v = mul(v, f);
  }
  return v;
}

int64_t Engine::vinSpatial(const Level &lv, const Call &call, const int *c,
                           int chg, bool inited, bool first, bool ee) const {
  const int j = lv.sigma;
  const Tab &tb = call.tab[j];
  const State &s = call.st[j][c[j]];
  if (chg < 0) {
    // Vmap (8.1).
    if (!s.edge)
      return tb.m;
    if (call.edgeFan == 1)
      return (first || ee) ? tb.me : 1;
    return ee ? tb.me : tb.m;
  }
  int64_t mx = ee ? tb.me : tb.m, ux = ee ? tb.ue : tb.u;
  if (first)
    return mx;
  if (s.kind == Init)
    return j <= chg ? mx : ux;
  return (j == chg && !inited) ? ux : mx;
}

int64_t Engine::ain(const Level &lv, const Call &call, const int *c, int chg,
                    int t) {
  bool inited = false;
  if (chg >= 0) {
    if (!((lv.dirs[chg].tensors >> t) & 1))
      return 0;
    for (int j = chg + 1; j < lv.n && !inited; ++j)
      inited = ((lv.dirs[j].tensors >> t) & 1) && !call.st[j][c[j]].unrolled;
  }
  // Only the spatial loop's factor differs between sub-clusters.
  const int64_t temporal = vinTemporal(lv, call, c, chg, inited, t);
  if (!call.sp[t])
    return temporal;
  return overClusters(
      call.st[lv.sigma][c[lv.sigma]], lv.fan, call.edgeFan,
      [&](bool first, bool ee) {
        return mul(temporal, vinSpatial(lv, call, c, chg, inited, first, ee));
      });
}

/// One loop's factor of Vout (spec 8.4).
inline int64_t voutFactor(const Dir &dir, const Tab &tb, const State &s,
                          int64_t e, bool maestro, bool psum, bool first,
                          bool ee, bool r) {
  if (dir.outDim) {
    if (!dir.spatial)
      return s.kind == Init ? (s.edge ? tb.meo : tb.mo)
                            : (s.kind == Steady ? tb.mo : tb.meo);
    if (s.kind == Init)
      return (s.edge && ee) ? (e == 1 ? tb.meo : (r ? tb.ueo : tb.meo))
                            : (first ? tb.mo : nz(tb.uo));
    if (s.kind == Steady)
      return first ? tb.mo : nz(tb.uo);
    if (e == 1)
      // MAESTRO reads the input-coordinate entry here.
      return (first || ee) ? (maestro ? tb.me : tb.meo) : 1;
    return ee ? tb.ueo : (first ? tb.mo : nz(tb.uo));
  }
  if (!psum)
    return 1;
  if (!dir.spatial)
    return s.edge ? tb.me : tb.m;
  if (s.kind == Init)
    return (s.edge && ee) ? tb.me : (first ? tb.m : nz(tb.u));
  if (s.kind == Steady)
    return first ? tb.m : nz(tb.u);
  if (e == 1)
    return (first || ee) ? tb.me : 1;
  return ee ? tb.ue : (first ? tb.m : nz(tb.u));
}

std::pair<int64_t, int64_t>
Engine::voutTemporal(const Level &lv, const Call &call, const int *c) {
  // A temporal loop's factor is the same in both forms, but for loops off
  // the output, which count only in the partial sums.
  int64_t out = 1, psum = 1;
  for (int j = 0; j < lv.n; ++j) {
    const Dir &dir = lv.dirs[j];
    if (dir.spatial)
      continue;
    const State &s = call.st[j][c[j]];
    int64_t f = voutFactor(dir, call.tab[j], s, call.edgeFan, maestro,
                           /*psum=*/true, true, false, true);
    psum = mul(psum, f);
    if (dir.outDim)
      out = mul(out, f);
  }
  return {out, psum};
}

int64_t Engine::vout(const Level &lv, const Call &call, const int *c,
                     int64_t temporal, bool psum, bool first, bool ee, bool r) {
  const int j = lv.sigma;
  return mul(temporal, voutFactor(lv.dirs[j], call.tab[j], call.st[j][c[j]],
                                  call.edgeFan, maestro, psum, first, ee, r));
}

int64_t Engine::aout(const Level &lv, const Call &call, const int *c,
                     int64_t temporal) {
  auto v = [&](bool first, bool ee) {
    return vout(lv, call, c, temporal, false, first, ee, true);
  };
  if (!call.sp[Out])
    return v(true, false);
  return overClusters(call.st[lv.sigma][c[lv.sigma]], lv.fan, call.edgeFan, v);
}

int64_t Engine::parr(const Level &lv, const Call &call, const int *c,
                     int64_t temporal) {
  return overPartialSums(call.st[lv.sigma][c[lv.sigma]], lv.fan, call.edgeFan,
                         [&](bool first, bool ee, bool r) {
                           return vout(lv, call, c, temporal, true, first, ee,
                                       r);
                         });
}

int64_t Engine::ppe(const Level &lv, const Call &call, const int *c,
                    int64_t temporal) {
  const State &s = call.st[lv.sigma][c[lv.sigma]];
  if (!call.sp[Out] || !s.edge)
    return vout(lv, call, c, temporal, true, true, false, true);
  return vout(lv, call, c, temporal, true, true, call.edgeFan == 1 && s.spEE,
              true);
}

Extents Engine::subExtents(const Level &lv, const Call &call, const int *c,
                           bool ee) const {
  Extents t;
  t.fill(1);
  for (int j = 0; j < lv.n; ++j) {
    const Dir &dir = lv.dirs[j];
    const Tab &tb = call.tab[j];
    const State &s = call.st[j][c[j]];
    if (!dir.spatial)
      t[dir.var] = s.edge ? tb.tpME : tb.tpM;
    else
      t[dir.var] =
          !s.edge ? tb.tpM : ((call.edgeFan == 1 || ee) ? tb.tpME : tb.tpM);
  }
  return t;
}

SubResult Engine::sub(int l, const Extents &t) {
  auto &memo = ws.memo[l];
  uint64_t h = 0;
  for (int64_t v : t)
    h = (h ^ static_cast<uint64_t>(v)) * 0x9e3779b97f4a7c15ull;
  unsigned slot = static_cast<unsigned>(h >> 40) % Workspace::kMemo;
  // A short probe; a full neighbourhood just means recomputing.
  for (int probe = 0; probe < 8; ++probe) {
    MemoEntry &entry = memo[(slot + probe) % Workspace::kMemo];
    if (entry.generation != ws.generation) {
      SubResult r = uncached(l, t);
      entry = {t, r, ws.generation};
      return r;
    }
    if (entry.extents == t)
      return entry.result;
  }
  return uncached(l, t);
}

SubResult Engine::analyze(int l, const Extents &t, TopResult *top) {
  const Level &lv = levels[l];
  Call call;
  makeCall(l, t, call);
  const bool innermost = l + 1 == numLevels;
  const int sigma = lv.sigma;
  const int64_t fan = lv.fan, e = call.edgeFan;

  int c[kNumDims] = {0, 0, 0, 0, 0, 0};
  // Case 0 buffer sizes (9.1); the off-chip term needs them at the top.
  int64_t inBuf = 0, outBuf = 0;
  if (top) {
    top->up[In] = mul(2, ain(lv, call, c, -1, In));
    top->up[Wt] = mul(2, ain(lv, call, c, -1, Wt));
    top->up[Out] = mul(2, aout(lv, call, c, voutTemporal(lv, call, c).first));
    inBuf = add(top->up[In], top->up[Wt]) / offchipTermRate;
    outBuf = top->up[Out] / offchipTermRate;
  }

  // A case's sub-level extents are fixed by which loops hand down their
  // edge tile: results by that mask, so that most cases skip the memo.
  std::array<SubResult, 1 << kNumDims> subByMask;
  uint64_t subKnown = 0;
  auto subLevel = [&](bool ee) {
    unsigned mask = 0;
    for (int j = 0; j < lv.n; ++j) {
      const State &s = call.st[j][c[j]];
      bool edgeTile = lv.dirs[j].spatial ? s.edge && (e == 1 || ee) : s.edge;
      mask |= unsigned(edgeTile) << j;
    }
    if (!((subKnown >> mask) & 1)) {
      subByMask[mask] = sub(l + 1, subExtents(lv, call, c, ee));
      subKnown |= uint64_t(1) << mask;
    }
    return subByMask[mask];
  };

  // Maestro's per-case off-chip requirement, by mixed-radix case index.
  std::array<int64_t, kMaxCases> offchipByCase;
  int caseIndex = 0;

  SubResult result;
  double weightSum = 0, peSum = 0;
  for (;;) {
    // Case weight; MAESTRO keeps it in a 32-bit int.
    int64_t w = 1;
    uint32_t w32 = 1;
    int chg = -1;
    for (int j = 0; j < lv.n; ++j) {
      const State &s = call.st[j][c[j]];
      w = mul(w, s.weight);
      w32 *= static_cast<uint32_t>(s.weight);
      if (s.kind != Init)
        chg = j;
    }
    if (maestro) {
      w = static_cast<int32_t>(w32);
      if (w <= 0)
        fail(InvalidReason::MaestroWeightOverflow);
    }
    int64_t inIn = ain(lv, call, c, chg, In);
    int64_t inWt = ain(lv, call, c, chg, Wt);
    const auto [outTemporal, psumTemporal] = voutTemporal(lv, call, c);
    int64_t eg = aout(lv, call, c, outTemporal);
    const State &ss = call.st[sigma][c[sigma]];

    int64_t comp;
    double pes;
    if (innermost) {
      int64_t pp = ppe(lv, call, c, psumTemporal);
      // ceil(pp / lanes) in integers (a double overflows int64 near 2^63);
      // truncation is the ceiling for negative pp (maestro).
      comp = pp / hw.simdLanes + (pp % hw.simdLanes > 0);
      pes = static_cast<double>(ss.edge ? e : fan);
    } else if (!ss.edge || !ss.spEE) {
      SubResult r = subLevel(false);
      comp = std::max<int64_t>(0, r.runtime);
      pes = r.avgPEs * static_cast<double>(ss.edge ? e : fan);
    } else {
      SubResult r1 = subLevel(true);
      comp = r1.runtime;
      pes = r1.avgPEs;
      if (e - 1 > 0) {
        SubResult r0 = subLevel(false);
        comp = std::max(comp, r0.runtime);
        pes += r0.avgPEs * static_cast<double>(e - 1);
      }
      comp = std::max<int64_t>(0, comp);
    }
    int64_t dI = delta(nocIn(inIn, inWt)), dE = delta(nocOut(eg));
    int64_t o = chg < 0 ? add(comp, dI) : std::max({comp, dI, dE});
    if (top) {
      if (comp == 0) {
        fail(InvalidReason::MaestroZeroCompute);
        comp = 1;
      }
      o = std::max({inBuf / 2, o, outBuf / 2});
      int64_t pa = parr(lv, call, c, psumTemporal);
      top->macs = add(top->macs, mul(w, pa));
      top->rdUp[In] = add(top->rdUp[In], mul(w, inIn));
      top->rdUp[Wt] = add(top->rdUp[Wt], mul(w, inWt));
      top->wrUp[Out] = add(top->wrUp[Out], mul(w, eg));
      top->nocPeak =
          std::max(top->nocPeak, std::max(add(inIn, inWt), eg) / comp);
      if (maestro)
        offchipByCase[caseIndex] =
            std::max(top->up[Out] / comp, add(top->up[In], top->up[Wt]) / comp);
    }
    result.runtime = add(result.runtime, mul(w, o));
    weightSum += static_cast<double>(w);
    peSum += static_cast<double>(w) * pes;

    // Next case: mixed radix, the first loop most significant.
    ++caseIndex;
    int j = lv.n - 1;
    while (j >= 0 && ++c[j] == call.ns[j])
      c[j--] = 0;
    if (j < 0)
      break;
  }
  if (top && maestro) {
    // MAESTRO halves its running off-chip requirement after every case, so
    // the figure depends on its case order: the k-th case takes state
    // ceil(k / f) mod n of a loop with n states, where f is the product of
    // the later loops' state counts (spec 10.6 says the order is free; the
    // reference data say otherwise).
    std::array<int64_t, kNumDims> stride;
    int64_t cases = 1;
    for (int j = lv.n - 1; j >= 0; --j) {
      stride[j] = cases;
      cases *= call.ns[j];
    }
    // Walked without divisions: loop j moves to its next state (wrapping)
    // whenever k - 1 is a multiple of stride[j]; untilNext[j] counts down
    // to that.
    std::array<int64_t, kNumDims> untilNext{};
    std::array<int, kNumDims> state{};
    int64_t index = 0, r = 0;
    for (int64_t k = 0; k < cases; ++k) {
      r = std::max(r, offchipByCase[index]) / 2;
      for (int j = 0; j < lv.n; ++j) {
        if (untilNext[j]-- != 0)
          continue;
        untilNext[j] = stride[j] - 1;
        index -= state[j] * stride[j];
        state[j] = state[j] + 1 == call.ns[j] ? 0 : state[j] + 1;
        index += state[j] * stride[j];
      }
    }
    top->offchip = r;
  }
  result.avgPEs = weightSum > 0 ? peSum / weightSum : 0;
  if (top)
    top->sub = result;
  return result;
}

int64_t Engine::subLevelDelay(int l, const Call &call, const int *c,
                              unsigned mask, SubLevelResults &results,
                              double &pes) {
  const Level &lv = levels[l];
  const State &ss = call.st[lv.sigma][c[lv.sigma]];
  const int64_t e = call.edgeFan;
  // The edge sub-cluster's run (ee) gets the spatial loop's edge tile.
  auto subLevel = [&](bool ee) {
    const unsigned m = ee && ss.edge ? mask | 1u << lv.sigma : mask;
    if (!((results.known >> m) & 1)) {
      const SubResult r = sub(l + 1, subExtents(lv, call, c, ee));
      results.runtime[m] = r.runtime;
      results.avgPEs[m] = r.avgPEs;
      results.known |= uint64_t(1) << m;
    }
    return SubResult{results.runtime[m], results.avgPEs[m]};
  };
  if (!ss.edge || !ss.spEE) {
    const SubResult r = subLevel(false);
    pes = r.avgPEs * static_cast<double>(ss.edge ? e : lv.fan);
    return std::max<int64_t>(0, r.runtime);
  }
  const SubResult r1 = subLevel(true);
  int64_t comp = r1.runtime;
  pes = r1.avgPEs;
  if (e - 1 > 0) {
    const SubResult r0 = subLevel(false);
    comp = std::max(comp, r0.runtime);
    pes += r0.avgPEs * static_cast<double>(e - 1);
  }
  return std::max<int64_t>(0, comp);
}

// (Neither this nor analyzeGroups() is inlined into sub(): their frames
// would cost every maestro call.)
[[gnu::noinline]] SubResult Engine::soundCases(int l, const Extents &t) {
  Call call;
  makeCall(l, t, call);
  // A middle level whose iterations after the first never wait for the
  // NoC: its sub-level's runs and its first ingress (as fastTop()).
  int64_t runs;
  SubResult result;
  if (l + 1 < numLevels && hw.simdLanes == 1 &&
      subLevelRuns(l, call, runs, &result.avgPEs)) {
    const int first[kNumDims] = {};
    const Level &lv = levels[l];
    result.runtime = add(runs, delta(nocIn(ain(lv, call, first, -1, In),
                                           ain(lv, call, first, -1, Wt))));
    return result;
  }
  return analyzeGroups(l, call);
}

/// A case's traffic, work and sub-level extents depend on a loop before the
/// changing one only through the tile it hands down (vinTemporal(),
/// vinSpatial(), voutFactor(), subExtents()), and sound initial and steady
/// states both hand down the full tile: the cases that differ only there
/// are one group, of their summed weight (fewer than half the cases of a
/// typical level remain). Each figure is a product of one factor per loop,
/// taken from per-state tables and multiplied as prefixes along an
/// odometer over the loops before the changing one. All factors are >= 1
/// (sound), so every product overflows only if a case's own does; the
/// spatial loop's sums over sub-clusters carry their own overflow until a
/// case uses them.
[[gnu::noinline]] SubResult Engine::analyzeGroups(int l, const Call &call) {
  const Level &lv = levels[l];
  summedGroups = true;
  const bool innermost = l + 1 == numLevels;
  const int n = lv.n, sigma = lv.sigma;
  const int64_t fan = lv.fan, e = call.edgeFan;
  const Dir &sd = lv.dirs[sigma];
  const Tab &stb = call.tab[sigma];

  // A sum over the spatial loop's sub-clusters (overClusters()), with its
  // own overflow.
  auto clusters = [&](const State &s, auto &&g) {
    const bool before = overflow;
    overflow = false;
    Factor f{overClusters(s, fan, e, g), false};
    f.overflow = overflow;
    overflow = before;
    return f;
  };
  // Which loops change in some case (those with a later state), and per
  // loop and tensor whether a later loop holds its data initialized below
  // it (ain()).
  unsigned changes = 0;
  std::array<std::array<bool, 2>, kNumDims + 1> initedAfter;
  initedAfter[n] = {false, false};
  for (int j = n - 1; j >= 0; --j) {
    changes |= unsigned(call.ns[j] > 1) << j;
    for (int tensor : {In, Wt})
      initedAfter[j][tensor] =
          initedAfter[j + 1][tensor] ||
          (((lv.dirs[j].tensors >> tensor) & 1) && !call.st[j][0].unrolled);
  }
  // Per loop and state: the input and filter factors before the changing
  // loop and as the changing loop, the output factor of the egress and,
  // innermost, of the per-PE work (ppe()), and the bit of the sub-level
  // mask. (Left uninitialized: every entry a case reads is set.)
  struct StateFactors {
    std::array<Factor, 2> before, changing;
    Factor out;
    int64_t work;
    unsigned edgeBit;
  };
  std::array<std::array<StateFactors, 3>, kNumDims> factors;
  // The spatial loop's input and filter factors in the first case (Vmap,
  // spec 8.1) and after the changing loop.
  std::array<Factor, 2> firstSpatial, afterSpatial;
  // Its factors before the changing loop are needed if a later loop
  // changes, after it if an earlier one does.
  const bool spatialBefore = (changes >> (sigma + 1)) != 0;
  const bool spatialAfter = (changes & ((1u << sigma) - 1)) != 0;
  int cs[kNumDims] = {};
  for (int j = 0; j < n; ++j) {
    const Dir &dir = lv.dirs[j];
    const Tab &tb = call.tab[j];
    for (int i = 0; i < call.ns[j]; ++i) {
      const State &s = call.st[j][i];
      StateFactors &f = factors[j][i];
      f.edgeBit = unsigned(s.edge && (!dir.spatial || e == 1)) << j;
      for (int tensor : {In, Wt}) {
        f.before[tensor] = kOne;
        f.changing[tensor] = kOne;
        if (!((dir.tensors >> tensor) & 1))
          continue;
        const bool inited = initedAfter[j + 1][tensor];
        if (!dir.spatial) {
          // (vinTemporal(): the initial state's own edge flag, the kind of
          // the others.)
          const bool edge = s.kind == Edge;
          f.before[tensor] = {(s.kind == Init ? s.edge : edge) ? tb.me : tb.m,
                              false};
          f.changing[tensor] = {
              inited ? (edge ? tb.me : tb.m) : (edge ? tb.ue : tb.u), false};
          continue;
        }
        cs[sigma] = i;
        if (spatialBefore)
          f.before[tensor] = clusters(s, [&](bool first, bool ee) {
            return vinSpatial(lv, call, cs, sigma + 1, false, first, ee);
          });
        if (i > 0)
          f.changing[tensor] = clusters(s, [&](bool first, bool ee) {
            return vinSpatial(lv, call, cs, sigma, inited, first, ee);
          });
      }
      f.out = kOne;
      if (!dir.spatial) {
        if (dir.outDim)
          f.out.value = voutFactor(dir, tb, s, e, false, true, true, false,
                                   true);
      } else if (call.sp[Out]) {
        f.out = clusters(s, [&](bool first, bool ee) {
          return voutFactor(sd, stb, s, e, false, false, first, ee, true);
        });
      }
      if (innermost) {
        const bool ee = dir.spatial && call.sp[Out] && s.edge && e == 1 &&
                        s.spEE;
        f.work = voutFactor(dir, tb, s, e, false, true, true, ee, true);
      }
    }
  }
  cs[sigma] = 0;
  for (int tensor : {In, Wt}) {
    firstSpatial[tensor] = kOne;
    afterSpatial[tensor] = kOne;
    if (!call.sp[tensor])
      continue;
    const State &s0 = call.st[sigma][0];
    firstSpatial[tensor] = clusters(s0, [&](bool first, bool ee) {
      return vinSpatial(lv, call, cs, -1, false, first, ee);
    });
    if (spatialAfter)
      afterSpatial[tensor] = clusters(s0, [&](bool first, bool ee) {
        return vinSpatial(lv, call, cs, sigma - 1, false, first, ee);
      });
  }
  auto times = [&](int64_t product, const Factor &f) {
    overflow |= f.overflow;
    return mul(product, f.value);
  };

  SubLevelResults subResults;
  SubResult result;
  double weightSum = 0, peSum = 0;
  int c[kNumDims] = {};
  // Adds a group of weight w at case c (analyze()'s visit()).
  auto addGroup = [&](int64_t w, int chg, int64_t in, int64_t wt, int64_t eg,
                      int64_t work, unsigned mask) {
    int64_t comp;
    double pes;
    if (innermost) {
      comp = work / hw.simdLanes + (work % hw.simdLanes > 0);
      pes = static_cast<double>(call.st[sigma][c[sigma]].edge ? e : fan);
    } else {
      comp = subLevelDelay(l, call, c, mask, subResults, pes);
    }
    const int64_t dI = delta(nocIn(in, wt)), dE = delta(nocOut(eg));
    const int64_t o = chg < 0 ? add(comp, dI) : std::max({comp, dI, dE});
    result.runtime = add(result.runtime, mul(w, o));
    weightSum += static_cast<double>(w);
    peSum += static_cast<double>(w) * pes;
  };

  // The first case: every loop in its initial state.
  {
    std::array<int64_t, 2> in = {1, 1};
    int64_t w = 1, eg = 1, work = 1;
    unsigned mask = 0;
    for (int j = 0; j < n; ++j) {
      const StateFactors &f = factors[j][0];
      w = mul(w, call.st[j][0].weight);
      for (int tensor : {In, Wt})
        if ((lv.dirs[j].tensors >> tensor) & 1)
          in[tensor] = times(in[tensor], j == sigma ? firstSpatial[tensor]
                                                    : f.before[tensor]);
      eg = times(eg, f.out);
      if (innermost)
        work = mul(work, f.work);
      mask |= f.edgeBit;
    }
    addGroup(w, -1, in[In], in[Wt], eg, work, mask);
  }

  // Per loop: the weight of its initial state with the steady states that
  // join it (bit i of joined) before the changing loop.
  std::array<int64_t, kNumDims> fullWeight;
  std::array<unsigned, kNumDims> joined{};
  for (int j = 0; j < n; ++j) {
    const State &initial = call.st[j][0];
    fullWeight[j] = initial.weight;
    for (int i = 1; i < call.ns[j]; ++i) {
      const State &s = call.st[j][i];
      if (s.kind == Steady && s.edge == initial.edge &&
          s.spEE == initial.spEE) {
        fullWeight[j] = add(fullWeight[j], s.weight);
        joined[j] |= 1u << i;
      }
    }
  }
  // Products over a prefix of the loops.
  struct Prefix {
    int64_t w, in, wt, eg, work;
    unsigned mask;
  };
  std::array<Prefix, kNumDims + 1> prefix;
  prefix[0] = {1, 1, 1, 1, 1, 0};
  for (int chg = 0; chg < n; ++chg) {
    if (call.ns[chg] == 1)
      continue;
    const uint8_t coupled = lv.dirs[chg].tensors;
    const bool needIn = coupled & (1u << In), needWt = coupled & (1u << Wt);
    // The loops after chg, in their initial state.
    Prefix after = {1, 1, 1, 1, 1, 0};
    for (int j = chg + 1; j < n; ++j) {
      const Dir &dir = lv.dirs[j];
      const StateFactors &f = factors[j][0];
      after.w = mul(after.w, call.st[j][0].weight);
      for (int tensor : {In, Wt}) {
        if (!((dir.tensors >> tensor) & 1) ||
            (tensor == In ? !needIn : !needWt))
          continue;
        int64_t &product = tensor == In ? after.in : after.wt;
        product = times(product, j == sigma ? afterSpatial[tensor]
                                            : f.before[tensor]);
      }
      after.eg = times(after.eg, f.out);
      if (innermost)
        after.work = mul(after.work, f.work);
      after.mask |= f.edgeBit;
    }
    std::fill(c, c + n, 0);
    c[chg] = 1;
    int from = 0;
    for (;;) {
      for (int j = from; j < chg; ++j) {
        const StateFactors &f = factors[j][c[j]];
        const Prefix &p = prefix[j];
        Prefix &q = prefix[j + 1];
        q.w = mul(p.w, c[j] == 0 ? fullWeight[j] : call.st[j][c[j]].weight);
        if (needIn)
          q.in = times(p.in, f.before[In]);
        if (needWt)
          q.wt = times(p.wt, f.before[Wt]);
        q.eg = times(p.eg, f.out);
        if (innermost)
          q.work = mul(p.work, f.work);
        q.mask = p.mask | f.edgeBit;
      }
      const Prefix &p = prefix[chg];
      const StateFactors &f = factors[chg][c[chg]];
      const int64_t w =
          mul(mul(p.w, call.st[chg][c[chg]].weight), after.w);
      const int64_t in =
          needIn ? mul(times(p.in, f.changing[In]), after.in) : 0;
      const int64_t wt =
          needWt ? mul(times(p.wt, f.changing[Wt]), after.wt) : 0;
      const int64_t eg = mul(times(p.eg, f.out), after.eg);
      const int64_t work =
          innermost ? mul(mul(p.work, f.work), after.work) : 1;
      addGroup(w, chg, in, wt, eg, work, p.mask | f.edgeBit | after.mask);

      // Next group: chg's states fastest, then the loops before it, each
      // over the states that have not joined its initial one.
      if (++c[chg] < call.ns[chg]) {
        from = chg;
        continue;
      }
      c[chg] = 1;
      int j = chg;
      while (--j >= 0) {
        do
          ++c[j];
        while (c[j] < call.ns[j] && ((joined[j] >> c[j]) & 1));
        if (c[j] < call.ns[j])
          break;
        c[j] = 0;
      }
      if (j < 0)
        break;
      from = j;
    }
  }
  result.avgPEs = weightSum > 0 ? peSum / weightSum : 0;
  return result;
}

/// The innermost level in closed form. Its compute delay is the per-PE
/// work, a product of one factor per loop, so the sum over cases is the
/// product of per-loop sums, provided no iteration after the first waits
/// for the NoC (checked with an upper bound on the traffic), no weight wraps
/// and every factor is positive.
bool Engine::fastInner(int l, const Extents &t, SubResult &result) {
  if (l + 1 != numLevels || hw.simdLanes != 1)
    return false;
  const Level &lv = levels[l];
  std::array<const InnerLoop *, kNumDims> loops;
  int64_t sum = 1, minWork = 1, maxWeight = 1;
  std::array<int64_t, 3> bound = {1, 1, 1};
  for (int j = 0; j < lv.n; ++j) {
    const InnerLoop &loop = innerLoop(j, t);
    if (!loop.closedForm)
      return false;
    loops[j] = &loop;
    sum = mul(sum, loop.workSum);
    minWork = mul(minWork, loop.minWork);
    maxWeight = mul(maxWeight, loop.maxWeight);
    for (int t2 = 0; t2 < 3; ++t2)
      if ((lv.dirs[j].tensors >> t2) & 1)
        bound[t2] = mul(bound[t2], loop.magnitude);
  }
  const InnerLoop &spatial = *loops[lv.sigma];
  const int64_t e = spatial.edgeFan, fan = lv.fan;
  // Sound tables: every entry is at most the full tile's (the magnitude),
  // and a sub-cluster exists per tile of the spatial loop. Maestro's tables
  // have no such order and its edge fan-out is its own: every tensor to
  // every sub-cluster of both kinds and one more.
  int64_t clusters;
  if (!maestro)
    clusters = activeClusters(lv, spatial.st[0], e);
  else if (__builtin_add_overflow(fan, e, &clusters) ||
           __builtin_add_overflow(clusters, 1, &clusters))
    return false;
  // A bound that overflows bounds nothing: take the case-by-case path
  // (without marking the design as overflowing).
  int64_t inBound, outBound;
  if (!trafficBound(lv, bound, clusters, inBound, outBound))
    return false;
  if (overflow || maxWeight >= (int64_t(1) << 31) || delta(inBound) > minWork ||
      delta(outBound) > minWork)
    return false;

  // The first iteration's ingress (Vmap, spec 8.1).
  auto table = [&](int j) -> const Tab & {
    return maestro ? lv.tab[j] : loops[j]->ownTab;
  };
  std::array<int64_t, 2> ingress = {0, 0};
  for (int t2 : {In, Wt}) {
    int64_t temporal = 1;
    for (int j = 0; j < lv.n; ++j)
      if (((lv.dirs[j].tensors >> t2) & 1) && !lv.dirs[j].spatial)
        temporal =
            mul(temporal, loops[j]->st[0].edge ? table(j).me : table(j).m);
    if (!((lv.dirs[lv.sigma].tensors >> t2) & 1)) {
      ingress[t2] = temporal;
      continue;
    }
    const Tab &tb = table(lv.sigma);
    const State &s = spatial.st[0];
    ingress[t2] = overClusters(s, fan, e, [&](bool first, bool ee) {
      int64_t f = !s.edge  ? tb.m
                  : e == 1 ? ((first || ee) ? tb.me : 1)
                           : (ee ? tb.me : tb.m);
      return mul(temporal, f);
    });
  }
  result.runtime = add(sum, delta(nocIn(ingress[In], ingress[Wt])));
  result.avgPEs = spatial.weightSum > 0 ? spatial.peSum / spatial.weightSum : 0;
  return !overflow;
}

const InnerLoop &Engine::innerLoop(int j, const Extents &t) {
  const Level &lv = levels[numLevels - 1];
  const Dir &dir = lv.dirs[j];
  const int64_t ext = t[dir.var];
  // Sound tables of Y and X also depend on the filter extent.
  const int64_t partnerExt =
      !maestro && dir.partner >= 0 ? t[lv.dirs[dir.partner].var] : 0;
  auto &entries = innerLoops[j];
  uint8_t &count = innerLoopCount[j];
  for (int k = 0; k < count; ++k)
    if (entries[k].ext == ext && entries[k].partnerExt == partnerExt)
      return entries[k];
  // Two entries cover the full and edge extents of a two-level mapping;
  // deeper mappings just recompute.
  InnerLoop &loop = entries[count < 2 ? count++ : 1];
  loop.ext = ext;
  loop.partnerExt = partnerExt;
  const Tab *tb;
  if (maestro) {
    maestroLoop(lv, j, ext, loop.st, loop.ns);
    loop.edgeFan = lv.edgeFan;
    tb = &lv.tab[j];
    loop.magnitude = lv.tabMagnitude[j];
  } else {
    Call call;
    call.edgeFan = 1;
    soundLoop(lv, j, t, call);
    loop.ownTab = call.ownTab[j];
    loop.st = call.st[j];
    loop.ns = call.ns[j];
    loop.edgeFan = call.edgeFan;
    tb = &loop.ownTab;
    loop.magnitude = tableMagnitude(loop.ownTab);
  }
  // The edge fan-out matters only to the spatial loop, whose own it is.
  const int64_t e = loop.edgeFan, fan = lv.fan;
  const bool spOut = (lv.dirs[lv.sigma].tensors >> Out) & 1;
  loop.closedForm = false;
  loop.workSum = 0;
  loop.minWork = kUnset;
  loop.maxWeight = 0;
  loop.weightSum = loop.peSum = 0;
  for (int i = 0; i < loop.ns; ++i) {
    const State &s = loop.st[i];
    if (maestro && !dir.spatial && s.kind != Init && tb->u == 0)
      return loop;
    bool ee = dir.spatial && spOut && s.edge && e == 1 && s.spEE;
    int64_t f = voutFactor(dir, *tb, s, e, maestro, true, true, ee, true);
    if (f <= 0)
      return loop;
    loop.workSum = add(loop.workSum, mul(s.weight, f));
    loop.minWork = loop.minWork == kUnset ? f : std::min(loop.minWork, f);
    loop.maxWeight = std::max(loop.maxWeight, s.weight);
    if (dir.spatial) {
      loop.weightSum += double(s.weight);
      loop.peSum += double(s.weight) * double(s.edge ? e : fan);
    }
  }
  loop.closedForm = true;
  return loop;
}

int64_t Engine::innerSum(int j, int64_t extent, double *avgPEs) {
  const Level &lv = levels[numLevels - 1];
  if (!lv.dirs[j].spatial) {
    // A temporal loop's per-PE work factor is its full tile in the initial
    // and steady states and the remainder at the edge (sound tables), so
    // the weighted sum is the extent itself. No PE average is needed.
    if (avgPEs)
      *avgPEs = 0;
    return extent;
  }
  Extents t;
  t.fill(1);
  const Dir &dir = lv.dirs[j];
  t[dir.var] = extent;
  if (dir.partner >= 0)
    t[lv.dirs[dir.partner].var] = lv.dirs[dir.partner].tile;
  Call call;
  call.edgeFan = 1;
  soundLoop(lv, j, t, call);
  const bool spOut = (lv.dirs[lv.sigma].tensors >> Out) & 1;
  const int64_t e = call.edgeFan;
  int64_t g = 0;
  double pes = 0, weights = 0;
  for (int i = 0; i < call.ns[j]; ++i) {
    const State &s = call.st[j][i];
    bool ee = dir.spatial && spOut && s.edge && e == 1 && s.spEE;
    g = add(g, mul(s.weight, voutFactor(dir, call.tab[j], s, e, false, true,
                                        true, ee, true)));
    weights += double(s.weight);
    pes += double(s.weight) * double(s.edge ? e : lv.fan);
  }
  if (avgPEs)
    *avgPEs = pes / weights;
  return g;
}

bool Engine::trafficBound(const Level &lv, const std::array<int64_t, 3> &tile,
                          int64_t clusters, int64_t &in, int64_t &out) const {
  const uint8_t partitioned = lv.dirs[lv.sigma].tensors;
  std::array<int64_t, 3> traffic;
  for (int t = 0; t < 3; ++t) {
    const int64_t copies = maestro || ((partitioned >> t) & 1) ? clusters : 1;
    if (__builtin_mul_overflow(copies, tile[t], &traffic[t]))
      return false;
  }
  return nocInBound(traffic[In], traffic[Wt], in) &&
         nocOutBound(traffic[Out], out);
}

bool Engine::fastTop(const Extents &t0, TopResult &top) {
  if (maestro || hw.simdLanes != 1)
    return false;
  const Level &lv = levels[0];
  Call call;
  makeCall(0, t0, call);
  const int n = lv.n, sigma = lv.sigma;
  const int64_t fan = lv.fan, e = call.edgeFan;

  // Bound every level's traffic per case by its full tiles (trafficBound():
  // every sound table entry is at most the full tile's) and its active
  // sub-clusters: the top level's from its call, the sub-level's at most
  // all of them. Within the NoC's rate (nocWithinRate) every transfer takes
  // the hop latency alone, as at unbounded bandwidth.
  int64_t topNeed = 0;
  nocWithinRate = true;
  for (int l = 0; l < numLevels; ++l) {
    const Level &bl = levels[l];
    if (bl.boundOverflow) {
      overflow = true;
      return false;
    }
    // A bound that overflows bounds nothing: take the case-by-case path
    // (without marking the design as overflowing).
    const int64_t clusters =
        l == 0 ? activeClusters(bl, call.st[sigma][0], e) : bl.fan;
    int64_t in, out;
    if (!trafficBound(bl, bl.bound, clusters, in, out))
      return false;
    if (l == 0)
      topNeed = std::max(in, out);
    nocWithinRate &= in <= nocRate && out <= nocRate;
  }

  // Every figure is a product over the loops of a per-loop sum over that
  // loop's states. A temporal loop's states are Init (weight 1), Steady and
  // an optional Edge with the remainder tile, so its sums are closed forms
  // of the full-tile and edge-tile entries; the spatial loop combines its
  // sub-clusters and is summed state by state. All factors are >= 1 under
  // sound semantics, so grouping products differently overflows exactly
  // when the per-case products do.
  std::array<int64_t, kNumDims> weight;
  // Reads per tensor (In, Wt) grouped by the loop that advanced: the loop's
  // sum over all states (loops before the changing one), its initial state
  // (loops after it), its non-initial states with and without initialized
  // data (the changing loop itself).
  std::array<std::array<int64_t, kNumDims>, 2> readAll, readInit, readNext,
      readNextInited;
  int64_t macs = 1, outWrites = 1;
  // First iteration (Vmap) of the temporal loops, per tensor.
  std::array<int64_t, 2> firstTemporal = {1, 1};
  int64_t firstOutTemporal = 1;
  for (int j = 0; j < n; ++j) {
    const Dir &dir = lv.dirs[j];
    const Tab &tb = call.tab[j];
    const auto &st = call.st[j];
    int64_t w = 0;
    for (int i = 0; i < call.ns[j]; ++i)
      w = add(w, st[i].weight);
    weight[j] = w;
    if (j == sigma)
      continue;
    const int64_t edges = st[call.ns[j] - 1].kind == Edge ? 1 : 0;
    const int64_t fulls = w - edges, steady = fulls - 1;
    const int64_t outSum = dir.outDim
                               ? add(mul(fulls, tb.mo), mul(edges, tb.meo))
                               : add(mul(fulls, tb.m), mul(edges, tb.me));
    macs = mul(macs, outSum);
    outWrites = mul(outWrites, dir.outDim ? outSum : w);
    if (dir.outDim)
      firstOutTemporal = mul(firstOutTemporal, tb.mo);
    for (int t : {In, Wt}) {
      if (!((dir.tensors >> t) & 1)) {
        readAll[t][j] = w;
        readInit[t][j] = 1;
        continue;
      }
      readAll[t][j] = add(mul(fulls, tb.m), mul(edges, tb.me));
      readInit[t][j] = tb.m;
      readNext[t][j] = add(mul(steady, tb.u), mul(edges, tb.ue));
      readNextInited[t][j] = add(mul(steady, tb.m), mul(edges, tb.me));
      firstTemporal[t] = mul(firstTemporal[t], tb.m);
    }
  }

  // The spatial loop, state by state.
  const Dir &sd = lv.dirs[sigma];
  const Tab &stb = call.tab[sigma];
  const auto &sst = call.st[sigma];
  const int sns = call.ns[sigma];
  // MACs and output writes: the spatial loop combines its sub-clusters.
  auto spatialOut = [&](const State &s, bool psum) {
    auto f = [&](bool fst, bool ee, bool r) {
      return voutFactor(sd, stb, s, e, false, psum, fst, ee, r);
    };
    if (psum)
      return overPartialSums(s, fan, e, f);
    if (!call.sp[Out])
      return f(true, false, true);
    return overClusters(s, fan, e,
                        [&](bool fst, bool ee) { return f(fst, ee, true); });
  };
  {
    int64_t macSum = 0, outSum = 0;
    for (int i = 0; i < sns; ++i) {
      macSum = add(macSum, mul(sst[i].weight, spatialOut(sst[i], true)));
      outSum = add(outSum, mul(sst[i].weight, spatialOut(sst[i], false)));
    }
    top.macs = mul(macs, macSum);
    top.wrUp[Out] = mul(outWrites, outSum);
  }
  for (int t : {In, Wt}) {
    if (!call.sp[t]) {
      readAll[t][sigma] = weight[sigma];
      readInit[t][sigma] = 1;
      continue;
    }
    // rel: 0 before, 1 at, 2 after the changing loop.
    auto factor = [&](const State &s, int rel, bool inited) {
      return overClusters(s, fan, e, [&](bool fst, bool ee) {
        int64_t mx = ee ? stb.me : stb.m, ux = ee ? stb.ue : stb.u;
        if (fst)
          return mx;
        if (s.kind == Init)
          return rel == 2 ? ux : mx;
        return (rel == 1 && !inited) ? ux : mx;
      });
    };
    int64_t all = 0, next = 0, nextInited = 0;
    for (int i = 0; i < sns; ++i) {
      all = add(all, mul(sst[i].weight, factor(sst[i], 0, false)));
      if (i > 0) {
        next = add(next, mul(sst[i].weight, factor(sst[i], 1, false)));
        nextInited =
            add(nextInited, mul(sst[i].weight, factor(sst[i], 1, true)));
      }
    }
    readAll[t][sigma] = all;
    readInit[t][sigma] = factor(sst[0], 2, false);
    readNext[t][sigma] = next;
    readNextInited[t][sigma] = nextInited;
  }

  // First iteration (spec 8.1, 8.3): the temporal loops' initial tiles times
  // the spatial loop's sub-clusters.
  std::array<int64_t, 3> first;
  for (int t : {In, Wt}) {
    if (!call.sp[t]) {
      first[t] = firstTemporal[t];
      continue;
    }
    const State &s = sst[0];
    first[t] = overClusters(s, fan, e, [&](bool fst, bool ee) {
      int64_t f;
      if (!s.edge)
        f = stb.m;
      else if (e == 1)
        f = (fst || ee) ? stb.me : 1;
      else
        f = ee ? stb.me : stb.m;
      return mul(firstTemporal[t], f);
    });
  }
  if (!call.sp[Out])
    first[Out] = firstOutTemporal;
  else
    first[Out] = overClusters(sst[0], fan, e, [&](bool fst, bool ee) {
      return mul(firstOutTemporal,
                 voutFactor(sd, stb, sst[0], e, false, false, fst, ee, true));
    });
  for (int t = 0; t < 3; ++t)
    top.up[t] = mul(2, first[t]);
  if (add(top.up[In], top.up[Wt]) / offchipTermRate / 2 > 1 ||
      top.up[Out] / offchipTermRate / 2 > 1 || overflow)
    return false;
  // The buffers are known: a design they rule out needs no runtime.
  if (rejectsEarly(top.up))
    return true;

  // Input and filter reads: the cases whose changing loop is i read every
  // state of the loops before i, the non-initial states of i and the
  // initial state of the loops after i; prefix and suffix products make
  // this linear in the loop count.
  for (int t : {In, Wt}) {
    std::array<int64_t, kNumDims + 1> before, after;
    std::array<bool, kNumDims + 1> initedAfter;
    before[0] = 1;
    for (int j = 0; j < n; ++j)
      before[j + 1] = mul(before[j], readAll[t][j]);
    after[n] = 1;
    initedAfter[n] = false;
    for (int j = n - 1; j >= 0; --j) {
      after[j] = mul(after[j + 1], readInit[t][j]);
      initedAfter[j] = initedAfter[j + 1] || (((lv.dirs[j].tensors >> t) & 1) &&
                                              !call.st[j][0].unrolled);
    }
    int64_t total = first[t];
    for (int i = 0; i < n; ++i) {
      if (!((lv.dirs[i].tensors >> t) & 1))
        continue;
      int64_t g = initedAfter[i + 1] ? readNextInited[t][i] : readNext[t][i];
      total = add(total, mul(mul(before[i], g), after[i + 1]));
    }
    top.rdUp[t] = total;
  }

  // Runtime: every case after the first takes its compute delay, provided
  // that its NoC delays are within it; the first adds its ingress delay.
  const int64_t dI = delta(nocIn(first[In], first[Wt]));
  if (numLevels == 1) {
    // The per-PE work: the temporal loops' sums are their MAC sums. It is
    // a product of one factor per loop, and every combination of states is
    // a case, so the least work is the product of the loops' least factors.
    int64_t total = macs, g = 0, least = kUnset;
    double pes = 0;
    for (int i = 0; i < sns; ++i) {
      const State &s = sst[i];
      bool ee = call.sp[Out] && s.edge && e == 1 && s.spEE;
      int64_t f = voutFactor(sd, stb, s, e, false, true, true, ee, true);
      g = add(g, mul(s.weight, f));
      least = least == kUnset ? f : std::min(least, f);
      pes += double(s.weight) * double(s.edge ? e : fan);
    }
    // No iteration after the first may wait for the NoC (max(compute,
    // ingress, egress) = compute).
    int64_t topDelay;
    if (!delayBound(topNeed, topDelay))
      return false;
    if (topDelay > 1) {
      for (int j = 0; j < n; ++j) {
        if (j == sigma)
          continue;
        int64_t f = kUnset;
        for (int i = 0; i < call.ns[j]; ++i) {
          int64_t fi = voutFactor(lv.dirs[j], call.tab[j], call.st[j][i], e,
                                  false, true, true, false, true);
          f = f == kUnset ? fi : std::min(f, fi);
        }
        least = mul(least, f);
      }
      if (topDelay > least)
        return runtimeByCases(call, top);
    }
    top.sub.runtime = add(mul(total, g), dI);
    top.sub.avgPEs = pes / double(weight[sigma]);
    return !overflow;
  }
  if (numLevels > 2) {
    int64_t runs;
    if (!subLevelRuns(0, call, runs, &top.sub.avgPEs))
      return runtimeByCases(call, top);
    top.sub.runtime = add(runs, dI);
    return !overflow;
  }

  // Two levels: the sub-level's runtime is a product over its loops of a
  // sum that depends on that loop's extent only, plus its first ingress.
  const Level &inner = levels[1];
  std::array<int, kNumDims> innerLoop;
  innerLoop.fill(-1);
  for (int j = 0; j < inner.n; ++j)
    innerLoop[inner.dirs[j].var] = j;
  const int innerSigmaVar = inner.dirs[inner.sigma].var;
  int64_t total = 1;
  double pesNum = 0, pesOther = 1;
  for (int j = 0; j < n; ++j) {
    const Dir &dir = lv.dirs[j];
    const Tab &tb = call.tab[j];
    const int jj = innerLoop[dir.var];
    // The sub-level sum at this loop's full and edge extents; a state needs
    // one of the two, so each is computed at most once.
    std::array<int64_t, 2> cachedExt = {kUnset, kUnset}, cachedSum{};
    std::array<double, 2> cachedAvg{};
    const bool innerTemporal = jj >= 0 && !inner.dirs[jj].spatial;
    auto innerAt = [&](int64_t ext, double *avg) {
      if (jj < 0) {
        *avg = 0;
        return int64_t(1);
      }
      if (innerTemporal) {
        // innerSum()'s answer for a temporal loop, without the call.
        *avg = 0;
        return ext;
      }
      int slot = ext == tb.tpM ? 0 : 1;
      if (cachedExt[slot] != ext) {
        cachedExt[slot] = ext;
        cachedSum[slot] = innerSum(jj, ext, &cachedAvg[slot]);
      }
      *avg = cachedAvg[slot];
      return cachedSum[slot];
    };
    if (!dir.spatial) {
      // Init and Steady hand down the full tile, Edge the remainder.
      const auto &st = call.st[j];
      const int64_t edges = st[call.ns[j] - 1].kind == Edge ? 1 : 0;
      const int64_t fulls = weight[j] - edges;
      double avgFull = 0, avgEdge = 0;
      int64_t g = mul(fulls, innerAt(tb.tpM, &avgFull));
      if (edges)
        g = add(g, innerAt(tb.tpME, &avgEdge));
      total = mul(total, g);
      if (dir.var == innerSigmaVar) {
        // State by state, as the enumeration adds them (same rounding).
        double pes = avgFull;
        if (fulls > 1)
          pes += double(fulls - 1) * avgFull;
        if (edges)
          pes += avgEdge;
        pesNum = pes / double(weight[j]);
      }
      continue;
    }
    int64_t g = 0;
    double pes = 0;
    for (int i = 0; i < call.ns[j]; ++i) {
      const State &s = call.st[j][i];
      int64_t ext =
          !s.edge ? tb.tpM
                  : ((e == 1 || (s.spEE && e - 1 == 0)) ? tb.tpME : tb.tpM);
      double avg = 0;
      g = add(g, mul(s.weight, innerAt(ext, &avg)));
      if (dir.var == innerSigmaVar) {
        if (!s.edge || !s.spEE) {
          pes += double(s.weight) * avg * double(s.edge ? e : fan);
        } else {
          double avg1 = 0;
          innerAt(tb.tpME, &avg1);
          pes += double(s.weight) *
                 (avg1 + (e - 1 > 0 ? avg * double(e - 1) : 0.0));
        }
      }
    }
    total = mul(total, g);
    if (dir.var == innerSigmaVar) {
      pesNum = pes / double(weight[j]);
    } else {
      double cnt = 0;
      for (int i = 0; i < call.ns[j]; ++i) {
        const State &s = call.st[j][i];
        cnt +=
            double(s.weight) *
            double(!s.edge ? fan
                           : (!s.spEE ? e : 1 + std::max<int64_t>(e - 1, 0)));
      }
      pesOther = cnt / double(weight[j]);
    }
  }
  top.sub.avgPEs = pesNum * pesOther;
  if (nocWithinRate && hop == 1) {
    // Every NoC delay is one cycle, within every iteration's compute: each
    // sub-level run adds its own first ingress delay of one cycle.
    int64_t cases = 1;
    for (int j = 0; j < n; ++j)
      cases = mul(cases, weight[j]);
    top.sub.runtime = add(add(total, cases), dI);
    return !overflow;
  }
  int64_t runs;
  if (!subLevelRuns(0, call, runs))
    return runtimeByCases(call, top);
  top.sub.runtime = add(runs, dI);
  return !overflow;
}

[[gnu::noinline]] bool Engine::runtimeByCases(const Call &call,
                                              TopResult &top) {
  // analyze() without the top-level figures, which fastTop() has: they
  // would only change a case's time through the off-chip term, whose
  // buffers fastTop() has checked to fit one cycle (sound times are at
  // least one cycle).
  top.sub = analyzeGroups(0, call);
  runtimeFromCases = true;
  return !overflow;
}

/// The sub-level runs of the top level, each as analyze() times it (sub():
/// its closed form or its cases, its first ingress and any NoC waits
/// included), grouped by the extents they are handed: per loop its full
/// tile, its edge tile, or both, when the spatial loop's edge step has a
/// partial last cluster and the slower of the two runs sets the time.
/// Each group also bounds its cases' traffic: per loop the largest table
/// entry of its states (sound: the full tile's, or the edge tile's at a
/// temporal edge), per partitioned tensor times the sub-clusters it goes to.
[[gnu::noinline]] bool Engine::subLevelRuns(int l, const Call &call,
                                            int64_t &runs, double *avgPEs) {
  const Level &lv = levels[l];
  // FullAtEdge: the full tile, to the edge step's sub-clusters only.
  enum Handed { Full = 0, EdgeTile = 1, Both = 2, FullAtEdge = 3 };
  struct Option {
    int64_t weight;
    Handed handed;
    int64_t in, out;
  };
  const int n = lv.n;
  const int64_t e = call.edgeFan;
  std::array<std::array<Option, 4>, kNumDims> options;
  std::array<int, kNumDims> numOptions, pick{};
  for (int j = 0; j < n; ++j) {
    const Dir &dir = lv.dirs[j];
    const Tab &tb = call.tab[j];
    std::array<int64_t, 4> weights = {0, 0, 0, 0};
    for (int i = 0; i < call.ns[j]; ++i) {
      const State &s = call.st[j][i];
      Handed handed = !s.edge                  ? Full
                      : !dir.spatial || e == 1 ? EdgeTile
                      : s.spEE                 ? Both
                                               : FullAtEdge;
      weights[handed] = add(weights[handed], s.weight);
    }
    numOptions[j] = 0;
    for (int h = 0; h < 4; ++h) {
      if (weights[h] == 0)
        continue;
      const bool edgeTile = !dir.spatial && h == EdgeTile;
      options[j][numOptions[j]++] = {
          weights[h], Handed(h), edgeTile ? tb.me : tb.m,
          !dir.outDim ? 1 : (edgeTile ? tb.meo : tb.mo)};
    }
  }
  const int sigma = lv.sigma;
  const int64_t active = activeClusters(lv, call.st[sigma][0], e);
  const std::array<int64_t, 4> clusters = {active, 1, e, active};
  runs = 0;
  double weightSum = 0, peSum = 0;
  for (;;) {
    Extents t;
    t.fill(1);
    int64_t weight = 1;
    int both = -1;
    std::array<int64_t, 3> traffic = {1, 1, 1};
    bool bounded = true;
    for (int j = 0; j < n; ++j) {
      const Option &option = options[j][pick[j]];
      const Tab &tb = call.tab[j];
      weight = mul(weight, option.weight);
      t[lv.dirs[j].var] = option.handed == EdgeTile ? tb.tpME : tb.tpM;
      if (option.handed == Both)
        both = j;
      for (int k = 0; k < 3; ++k)
        if ((lv.dirs[j].tensors >> k) & 1)
          bounded &= !__builtin_mul_overflow(
              traffic[k], k == Out ? option.out : option.in, &traffic[k]);
    }
    const Handed spatialHanded = options[sigma][pick[sigma]].handed;
    const int64_t copies = clusters[spatialHanded];
    for (int k = 0; k < 3; ++k)
      if (call.sp[k])
        bounded &= !__builtin_mul_overflow(traffic[k], copies, &traffic[k]);
    // Busy PEs as analyze() counts them: the sub-level's times the
    // sub-clusters it runs on, the edge one apart when it gets less.
    const SubResult full = sub(l + 1, t);
    int64_t comp = full.runtime;
    double pes = full.avgPEs *
                 static_cast<double>(spatialHanded == Full ? lv.fan : e);
    if (both >= 0) {
      t[lv.dirs[both].var] = call.tab[both].tpME;
      const SubResult edge = sub(l + 1, t);
      comp = std::max(comp, edge.runtime);
      pes = edge.avgPEs + full.avgPEs * static_cast<double>(e - 1);
    }
    comp = std::max<int64_t>(0, comp);
    // No iteration after the first may wait for the NoC.
    int64_t in, out, inDelay, outDelay;
    if (!bounded || !nocInBound(traffic[In], traffic[Wt], in) ||
        !nocOutBound(traffic[Out], out) || !delayBound(in, inDelay) ||
        !delayBound(out, outDelay) || std::max(inDelay, outDelay) > comp)
      return false;
    runs = add(runs, mul(weight, comp));
    weightSum += static_cast<double>(weight);
    peSum += static_cast<double>(weight) * pes;
    int j = n - 1;
    while (j >= 0 && ++pick[j] == numOptions[j])
      pick[j--] = 0;
    if (j < 0)
      break;
  }
  if (avgPEs)
    *avgPEs = weightSum > 0 ? peSum / weightSum : 0;
  return true;
}

OffchipFigures Engine::offchipTraffic(bool exposed) const {
  OffchipFigures f;
  bool o = false;
  auto mul = [&o](int64_t a, int64_t b) {
    int64_t r;
    o |= __builtin_mul_overflow(a, b, &r);
    return r;
  };
  auto add = [&o](int64_t a, int64_t b) {
    int64_t r;
    o |= __builtin_add_overflow(a, b, &r);
    return r;
  };
  auto sub = [&o](int64_t a, int64_t b) {
    int64_t r;
    o |= __builtin_sub_overflow(a, b, &r);
    return r;
  };
  const Level &lv = levels[0];
  const bool depthwise = layer.layerClass == LayerClass::DepthwiseConv;
  // Per dim: level-0 iterations, the first (full) and the last (edge) tile;
  // a spatial loop's iteration is one step of all clusters, its tile their
  // union. A dim without a loop (depthwise K) is one whole tile.
  //
  // A tensor's L2 tile changes whenever a loop at or above its innermost
  // relevant loop with more than one iteration advances: the irrelevant
  // loops above that one re-fetch it (passes), those below reuse it. One
  // walk from the innermost loop outwards finds both. Every dim is
  // irrelevant to one tensor at most (kIrrelevantTo): inputs depend on C,
  // Y, X, R and S (a window's rows move with the filter taps), weights on
  // K, C, R, S, outputs on K, Y, X (depthwise C, Y, X).
  //
  // Branch-free: the loops' order and sizes vary from one design to the
  // next, and mispredicted branches cost more here than arithmetic.
  Extents count, full = mapped, last = mapped;
  count.fill(1);
  const std::array<int, kNumDims> &irrelevantTo = kIrrelevantTo[depthwise];
  std::array<int64_t, 4> passes = {1, 1, 1, 1}; // In, Wt, Out, none
  unsigned seen = 0;                           // bit t: tensor t's loop i met
  int inSlide = -1;
  for (int j = lv.n - 1; j >= 0; --j) {
    const Dir &dir = lv.dirs[j];
    const int var = dir.var;
    const int64_t ext = mapped[var];
    const int64_t span = std::min(
        ext, dir.spatial ? saturatingMul(dir.tile, lv.fan) : dir.tile);
    // Sound: the level-0 call's counts; maestro: the same by division.
    const int64_t n = maestro ? ceilDiv(ext, span) : topCount[var];
    count[var] = n;
    full[var] = span;
    last[var] = sub(ext, mul(n - 1, span));
    const int t = irrelevantTo[var];
    passes[t] = mul(passes[t], (seen >> t) & 1 ? n : 1);
    const unsigned relevant = 7u & ~(1u << t);
    inSlide = !(seen & 1) && (relevant & 1) && n > 1 ? var : inSlide;
    seen |= n > 1 ? relevant : 0;
  }
  const int64_t inPasses = passes[In], wtPasses = passes[Wt],
                outVisits = passes[Out];
  const bool wtSeen = (seen >> Wt) & 1;

  // Input rows of every pair of Y and R tiles:
  // sum of (y - 1) * s + (r - 1) * d + 1 = nR*s*(Y' - nY) + nY*d*(R - nR)
  // + nY*nR; columns alike.
  const int64_t sy = layer.strideY, sx = layer.strideX;
  const int64_t dy = layer.dilationY, dx = layer.dilationX;
  const int64_t oy = mapped[kY], ox = mapped[kX];
  const int64_t nY = count[kY], nR = count[kR], nX = count[kX], nS = count[kS];
  const int64_t rowsSum = add(
      add(mul(mul(nR, sy), oy - nY), mul(mul(nY, dy), layer.r - nR)),
      mul(nY, nR));
  const int64_t colsSum = add(
      add(mul(mul(nS, sx), ox - nX), mul(mul(nX, dx), layer.s - nS)),
      mul(nX, nS));
  const int64_t channels = layer.c;
  int64_t inVolume = mul(mul(channels, rowsSum), colsSum);

  // Halo: when the innermost changing loop of the input slides its window
  // (Y, X, R or S), consecutive tiles differ along that axis only and
  // overlap by max(0, window - step) lines, which are still in L2.
  if (inSlide >= 0 && inSlide != kDimC) {
    auto overTiles = [&](int dim, int64_t step, int64_t other) {
      auto overlap = [&](int64_t t) {
        return std::max<int64_t>(0, sub(add(mul(t - 1, other), 1), step));
      };
      return add(mul(count[dim] - 1, overlap(full[dim])), overlap(last[dim]));
    };
    int64_t credit = 0;
    if (inSlide == kY)
      credit = mul(overTiles(kR, sy, dy), colsSum);
    else if (inSlide == kR)
      credit = mul(overTiles(kY, dy, sy), colsSum);
    else if (inSlide == kX)
      credit = mul(overTiles(kS, sx, dx), rowsSum);
    else
      credit = mul(overTiles(kX, dx, sx), rowsSum);
    inVolume = sub(inVolume, mul(mul(count[inSlide] - 1, channels), credit));
  }

  // Outputs: every visit of an output tile writes it; all but the first
  // read the partial sums back (reduction loops above the tile's
  // innermost changing loop). Batch and groups are outer loops: inputs and
  // outputs depend on them; weights that stay in L2 for the whole layer
  // serve the whole batch, not another group.
  const int64_t outVolume = mul(mul(depthwise ? channels : layer.k, oy), ox);
  const int64_t n = layer.n;
  f.inRead = mul(mul(inPasses, inVolume), n);
  f.wtRead = mul(mul(mul(wtPasses, depthwise ? channels : mul(layer.k, channels)),
                     mul(layer.r, layer.s)),
                 wtSeen ? n : layer.groups);
  const int64_t outputs = mul(outVolume, n);
  f.outWrite = mul(outVisits, outputs);
  f.outRead = sub(f.outWrite, outputs);
  if (exposed) {
    f.fillIn =
        mul(mul(full[kDimC],
                add(add(mul(full[kY] - 1, sy), mul(full[kR] - 1, dy)), 1)),
            add(add(mul(full[kX] - 1, sx), mul(full[kS] - 1, dx)), 1));
    f.fillWt = mul(mul(depthwise ? 1 : full[kDimK], full[kDimC]),
                   mul(full[kR], full[kS]));
    f.drainOut =
        mul(mul(depthwise ? last[kDimC] : last[kDimK], last[kY]), last[kX]);
  }
  f.overflow = o;
  return f;
}

Buffers Engine::buffers(const std::array<int64_t, 3> &up) {
  // L1: the innermost level's double-buffered tiles (10.2); the output term
  // uses input-coordinate Y and X tiles, as MAESTRO does.
  // Sound: the tile products are the level's traffic bounds (input windows
  // (t - 1) * stride + (r - 1) * dilation + 1 for Y and X).
  const Level &inner = levels[numLevels - 1];
  Buffers b;
  std::array<int64_t, 3> &l1Tensor = b.l1Tensor;
  if (!maestro) {
    if (inner.boundOverflow)
      overflow = true;
    for (int t = 0; t < 3; ++t)
      l1Tensor[t] = mul(2, inner.bound[t]);
  } else {
    for (int t = 0; t < 3; ++t) {
      int64_t v = 1;
      for (int j = 0; j < inner.n; ++j)
        if ((inner.dirs[j].tensors >> t) & 1)
          v = mul(v, inner.dirs[j].m);
      l1Tensor[t] = mul(2, v);
    }
  }
  b.l1 = add(add(l1Tensor[In], l1Tensor[Wt]), l1Tensor[Out]);
  b.l2 = add(add(up[In], up[Wt]), up[Out]);
  // Byte forms, saturating: they never invalidate a design.
  auto bytesOf = [&](const std::array<int64_t, 3> &elements) {
    int64_t total = 0;
    for (int t = 0; t < 3; ++t)
      if (__builtin_add_overflow(total, saturatingMul(elements[t], bytes[t]),
                                 &total))
        return std::numeric_limits<int64_t>::max();
    return total;
  };
  if (bytes[In] == bytes[Wt] && bytes[Wt] == bytes[Out]) {
    b.l1Bytes = saturatingMul(b.l1, bytes[In]);
    b.l2Bytes = saturatingMul(b.l2, bytes[In]);
  } else {
    b.l1Bytes = bytesOf(l1Tensor);
    b.l2Bytes = bytesOf(up);
  }
  return b;
}

bool Engine::rejectsEarly(const std::array<int64_t, 3> &up) {
  if (!limits)
    return false;
  // A figure that overflows is run()'s to report, as without limits.
  const bool overflowBefore = overflow;
  const Buffers b = buffers(up);
  const bool overflowed = overflow;
  overflow = overflowBefore;
  if (overflowed)
    return false;
  rejected = bufferConstraint(b.l1Bytes, b.l2Bytes, hw, *limits, *limitArea);
  return rejected != InvalidReason::None;
}

void Engine::run(CostReport &report, const ModelOptions &options) {
  if (++ws.generation == 0) {
    for (auto &level : ws.memo)
      for (MemoEntry &entry : level)
        entry.generation = 0;
    ws.generation = 1;
  }
  const bool offchipFinite = !isOffchipUnbounded(hw);
  wantTraffic = offchipFinite || options.reportFigures;
  Extents t0;
  for (int d = 0; d < kNumDims; ++d)
    t0[d] = maestro ? layer.dim(static_cast<Dim>(d)) : mapped[d];
  TopResult top;
  if (enumerate || !fastTop(t0, top)) {
    top = TopResult();
    analyze(0, t0, &top);
  } else {
    tookClosedForm = !runtimeFromCases && rejected == InvalidReason::None;
    provedNocFree = nocWithinRate;
  }
  if (crash != InvalidReason::None) {
    report.reason = crash;
    return;
  }
  if (rejected != InvalidReason::None) {
    // Only the buffers are known (Evaluator::evaluateWithin()).
    const Buffers buffer = buffers(top.up);
    report.l1Elements = buffer.l1;
    report.l2Elements = buffer.l2;
    report.l1Bytes = buffer.l1Bytes;
    report.l2Bytes = buffer.l2Bytes;
    report.reason = rejected;
    return;
  }

  // Whole-tensor counts (9.1) in input coordinates.
  const bool depthwise = layer.layerClass == LayerClass::DepthwiseConv;
  const int64_t oy = mapped[kY], ox = mapped[kX];
  const int64_t inY = (oy - 1) * layer.strideY + windowY;
  const int64_t inX = (ox - 1) * layer.strideX + windowX;
  const int64_t kk = depthwise ? 1 : layer.k;
  top.wrUp[In] = mul(mul(layer.c, inY), inX);
  top.wrUp[Wt] = mul(mul(mul(kk, layer.c), layer.r), layer.s);
  int64_t outRead = mul(mul(depthwise ? layer.c : layer.k, oy), ox);

  Buffers buffer = buffers(top.up);
  report.l1Bytes = buffer.l1Bytes;
  report.l2Bytes = buffer.l2Bytes;
  int64_t l1 = buffer.l1, l2 = buffer.l2;
  if (maestro) {
    l1 = static_cast<int32_t>(static_cast<uint32_t>(l1));
    l2 = static_cast<int32_t>(static_cast<uint32_t>(l2));
  }

  // Batch: an outer loop around the whole mapping (sound only).
  const int64_t n = layer.n;
  report.cycles = mul(top.sub.runtime, n);
  report.macs = mul(top.macs, n);
  report.l1Elements = l1;
  report.l2Elements = l2;
  AccessCounts &a = report.accesses;
  a.inputL2Read = mul(top.rdUp[In], n);
  a.inputL2Write = mul(top.wrUp[In], n);
  a.filterL2Read = mul(top.rdUp[Wt], n);
  a.filterL2Write = mul(top.wrUp[Wt], n);
  a.outputL2Read = mul(outRead, n);
  a.outputL2Write = mul(top.wrUp[Out], n);
  // MAESTRO copies the L2 read counters into the L1 write counters.
  a.inputL1Write = a.inputL2Read;
  a.filterL1Write = a.filterL2Read;
  a.inputL1Read = a.filterL1Read = a.outputL1Read = a.outputL1Write =
      report.macs;
  if (!maestro && overflow) {
    report.reason = InvalidReason::Overflow;
    return;
  }
  onChipCycles = report.cycles;

  // Off-chip traffic (where it sets the time or a report asks for it) and,
  // in sound semantics at finite bandwidth, time: the first fill and the
  // last drain are exposed; the rest overlaps with the on-chip schedule
  // (double-buffered L2).
  const OffchipFigures dram = wantTraffic
                                  ? offchipTraffic(!maestro && offchipFinite)
                                  : OffchipFigures();
  report.hasReportFigures = wantTraffic;
  OffchipTraffic &traffic = report.offchip;
  int64_t offchipBytes = 0;
  bool saturated = dram.overflow;
  if (wantTraffic) {
    traffic.inputReadBytes = saturatingMul(dram.inRead, bytes[In]);
    traffic.weightReadBytes = saturatingMul(dram.wtRead, bytes[Wt]);
    traffic.outputReadBytes = saturatingMul(dram.outRead, bytes[Out]);
    traffic.outputWriteBytes = saturatingMul(dram.outWrite, bytes[Out]);
    for (int64_t v : {traffic.inputReadBytes, traffic.weightReadBytes,
                      traffic.outputReadBytes, traffic.outputWriteBytes})
      saturated |= __builtin_add_overflow(offchipBytes, v, &offchipBytes);
  }
  if (saturated) {
    // Figures that cannot be told: invalid where they would set the time,
    // saturated where they are only reported.
    if (!maestro && offchipFinite) {
      report.reason = InvalidReason::Overflow;
      return;
    }
    offchipBytes = std::numeric_limits<int64_t>::max();
  }
  report.offchipBytes = offchipBytes;
  const int64_t offchipRate = offchipBytesPerCycle(hw);
  if (!maestro && offchipFinite) {
    const int64_t fill =
        add(mul(dram.fillIn, bytes[In]), mul(dram.fillWt, bytes[Wt]));
    const int64_t drain = mul(dram.drainOut, bytes[Out]);
    const int64_t body = offchipBytes - fill - drain;
    report.cycles =
        add(add(ceilDiv(fill, offchipRate),
                std::max(onChipCycles, ceilDiv(body, offchipRate))),
            ceilDiv(drain, offchipRate));
    if (overflow) {
      report.reason = InvalidReason::Overflow;
      return;
    }
  }

  const EnergyConstants &en = options.energy;
  double l2Sum = double(a.inputL2Read) + double(a.inputL2Write) +
                 double(a.filterL2Read) + double(a.filterL2Write) +
                 double(a.outputL2Write);
  report.offchipEnergyNJ = double(offchipBytes) * en.offchipNJPerByte;
  if (maestro) {
    report.energyNJ = l2Sum * en.l2AccessNJ;
  } else {
    double l1Sum = double(a.inputL1Read) + double(a.inputL1Write) +
                   double(a.filterL1Read) + double(a.filterL1Write) +
                   double(a.outputL1Read) + double(a.outputL1Write);
    report.energyNJ = double(report.macs) * en.macNJ + l1Sum * en.l1AccessNJ +
                      (l2Sum + double(a.outputL2Read)) * en.l2AccessNJ;
    if (offchipFinite)
      report.energyNJ += report.offchipEnergyNJ;
  }
  double cycles = double(report.cycles);
  report.throughput = double(report.macs) / cycles;
  report.avgUsedPEs = top.sub.avgPEs;
  report.utilization =
      report.throughput / double(hw.simdLanes) / double(hw.numPEs);
  report.operationalIntensity =
      offchipBytes > 0 ? double(report.macs) / double(offchipBytes) : 0;

  // Busy times (the bound); computeCycles is the evaluator's to refine.
  if (wantTraffic) {
    report.computeCycles = onChipCycles;
    // (Divisions are a good part of an evaluation's time: none when the
    // traffic fits one cycle, as it does at unbounded rates.)
    auto cyclesFor = [](int64_t amount, int64_t rate) {
      return amount <= rate ? int64_t(amount > 0) : ceilDiv(amount, rate);
    };
    report.offchipCycles = cyclesFor(offchipBytes, offchipRate);
    auto nocUnits = [&](int64_t count, int t) {
      return uniformNoc
                 ? std::max<int64_t>(count, 0)
                 : saturatingMul(std::max<int64_t>(count, 0), nocScale[t]);
    };
    int64_t ingress;
    if (__builtin_add_overflow(nocUnits(a.inputL2Read, In),
                               nocUnits(a.filterL2Read, Wt), &ingress))
      ingress = std::numeric_limits<int64_t>::max();
    report.nocCycles =
        cyclesFor(std::max(ingress, nocUnits(a.outputL2Write, Out)), nocRate);
  }

  // MAESTRO's area and power (10.5).
  double pes = double(hw.numPEs), vw = double(hw.simdLanes);
  double bw = double(std::min<int64_t>(
      elementRate(hw.nocBandwidth, hw.nocBandwidthBytes, hw.bytesPerElement),
      INT32_MAX));
  double bus = 14.662 * pes + 28.895;
  double arb = 1.2886 * pes * pes + 5.5814 * pes - 23.711;
  double l1n = double(nz(report.l1Elements)),
         l2n = double(nz(report.l2Elements));
  report.areaMaestroUm2 = pes * (283.0 * vw + 0.104 * l1n) + 0.104 * l2n +
                          101.7938 * bus * bw +
                          std::max(395.473, 395.473 * arb);
  report.powerMaestro = pes * 1.2223 * vw + pes * 0.00345 * l1n +
                        0.00345 * l2n + 0.8 * bus * bw / 1000 +
                        std::max(0.34, 0.34 * arb / 1000);
  if (maestro) {
    report.power = report.powerMaestro;
    report.nocBandwidthReq = double(top.nocPeak);
    report.offchipBandwidthReq = double(top.offchip);
    report.unsoundReason = maestroSoundness(report);
  } else {
    report.power = report.energyNJ / cycles; // watts at 1 GHz
    report.nocBandwidthReq = (l2Sum + double(a.outputL2Read)) / cycles;
    report.offchipBandwidthReq =
        (double(a.inputL2Write) + double(a.filterL2Write) +
         double(a.outputL2Write)) /
        cycles;
  }
  report.valid = true;
}

InvalidReason Engine::maestroSoundness(const CostReport &report) const {
  int64_t macs = layer.n, lanes;
  for (int64_t extent : mapped)
    if (__builtin_mul_overflow(macs, extent, &macs))
      return InvalidReason::MaestroMacMismatch;
  if (report.macs != macs)
    return InvalidReason::MaestroMacMismatch;
  if (__builtin_mul_overflow(hw.numPEs, hw.simdLanes, &lanes))
    lanes = std::numeric_limits<int64_t>::max();
  if (report.cycles < ceilDiv(macs, lanes))
    return InvalidReason::MaestroBelowComputeBound;
  return InvalidReason::None;
}

} // namespace

//===----------------------------------------------------------------------===//
// Evaluator
//===----------------------------------------------------------------------===//

bool digamma::cost::isRegularMapping(const Layer &layer, const Hardware &hw,
                                     const Mapping &mapping) {
  if (mapping.numLevels < 1 || mapping.numLevels > kMaxLevels)
    return false;
  // Malformed layers are not regular (and must not divide by zero or
  // overflow below).
  if (findLayerFault(layer) != LayerFault::None)
    return false;
  int64_t inner = 1;
  for (int l = 1; l < mapping.numLevels; ++l)
    if (__builtin_mul_overflow(
            inner, std::max<int64_t>(mapping.level(l).clusterSize, 1), &inner))
      return false;
  const bool depthwise = layer.layerClass == LayerClass::DepthwiseConv;
  Extents parent;
  for (int d = 0; d < kNumDims; ++d)
    parent[d] = layer.mappedExtent(static_cast<Dim>(d));
  for (int l = 0; l < mapping.numLevels; ++l) {
    const MappingLevel &ml = mapping.level(l);
    for (int d = 0; d < kNumDims; ++d) {
      int64_t tile = ml.tiles[d];
      if (tile <= 0 || parent[d] % tile != 0)
        return false;
    }
    if (ml.tile(Dim::R) != layer.r || ml.tile(Dim::S) != layer.s)
      return false;
    Dim par = ml.parallelDim;
    if (depthwise && par == Dim::K)
      par = Dim::C;
    int64_t fan = l == 0 ? hw.numPEs / inner : ml.clusterSize;
    if (fan <= 0)
      return false;
    int p = static_cast<int>(par);
    if (p >= kNumDims || (parent[p] / ml.tiles[p]) % fan != 0)
      return false;
    for (int d = 0; d < kNumDims; ++d)
      parent[d] = ml.tiles[d];
  }
  return true;
}

Evaluator::Evaluator(const ModelOptions &options)
    : options(options), workspace(std::make_unique<detail::Workspace>()) {}
Evaluator::Evaluator(const Evaluator &other)
    : options(other.options), report(other.report),
      workspace(std::make_unique<detail::Workspace>()) {}
Evaluator &Evaluator::operator=(const Evaluator &other) {
  options = other.options;
  report = other.report;
  return *this;
}
Evaluator::Evaluator(Evaluator &&other) noexcept = default;
Evaluator &Evaluator::operator=(Evaluator &&other) noexcept = default;
Evaluator::~Evaluator() = default;

namespace {
/// What evaluate() needs of an engine run besides the report.
struct RunInfo {
  int64_t onChipCycles = 0;
  bool nocFree = false;
  bool closedForm = false;
  bool runtimeByCases = false;
  bool rejectedEarly = false;
};

/// One engine run into \p report (a single call site of Engine::setup and
/// Engine::run, which the compiler then inlines, as it did before there
/// was a second run).
RunInfo runEngine(detail::Workspace &workspace, const Layer &layer,
                  const Hardware &hw, const Mapping &mapping, bool maestro,
                  const ModelOptions &options, CostReport &report,
                  const Constraints *limits) {
  Engine engine(workspace, layer, hw, mapping, maestro,
                options.enumerateCases);
  if (InvalidReason reason = engine.setup(); reason != InvalidReason::None) {
    report.reason = reason;
    return {};
  }
  if (limits)
    engine.rejectBeyond(*limits, options.area);
  engine.run(report, options);
  return {engine.onChip(), engine.nocFree(), engine.closedForm(),
          engine.caseRuntime(), engine.rejectedEarly()};
}
} // namespace

const CostReport &Evaluator::evaluate(const Layer &layer, const Hardware &hw,
                                      const Mapping &mapping,
                                      Semantics semantics) {
  return evaluate(layer, hw, mapping, semantics, nullptr);
}

const CostReport &Evaluator::evaluateWithin(const Layer &layer,
                                            const Hardware &hw,
                                            const Mapping &mapping,
                                            Semantics semantics,
                                            const Constraints &constraints) {
  return evaluate(layer, hw, mapping, semantics, &constraints);
}

const CostReport &Evaluator::evaluate(const Layer &layer, const Hardware &hw,
                                      const Mapping &mapping,
                                      Semantics semantics,
                                      const Constraints *limits) {
  report = CostReport();
  if (!workspace)
    workspace = std::make_unique<detail::Workspace>();
  const bool maestro = semantics == Semantics::Maestro;
  const RunInfo run = runEngine(*workspace, layer, hw, mapping, maestro,
                                options, report, limits);
  closedForms += run.closedForm;
  caseRuntimes += run.runtimeByCases;
  earlyRejections += run.rejectedEarly;
  if (!report.valid || !report.hasReportFigures)
    return report;

  // The PEs' own schedule: the cycles with unbounded NoC and off-chip
  // bandwidth. The first run gives it unless the NoC may have stalled it
  // (or, in maestro semantics, MAESTRO's off-chip term); then a second run
  // does, for reports.
  report.computeCycles = run.onChipCycles;
  if (options.reportFigures &&
      (!(isNocUnbounded(hw) || run.nocFree) ||
       (maestro && !isOffchipUnbounded(hw)))) {
    Hardware unbounded = hw;
    unbounded.nocBandwidth = unbounded.offchipBandwidth = kUnboundedBandwidth;
    unbounded.nocBandwidthBytes = unbounded.offchipBandwidthBytes = 0;
    ModelOptions freeOptions = options;
    freeOptions.reportFigures = false;
    CostReport free;
    const RunInfo freeRun = runEngine(*workspace, layer, unbounded, mapping,
                                      maestro, freeOptions, free, nullptr);
    if (free.valid)
      report.computeCycles = freeRun.onChipCycles;
  }
  report.limitedBy = Resource::Compute;
  int64_t busiest = report.computeCycles;
  if (report.nocCycles > busiest) {
    report.limitedBy = Resource::Noc;
    busiest = report.nocCycles;
  }
  if (report.offchipCycles > busiest)
    report.limitedBy = Resource::Offchip;
  return report;
}
