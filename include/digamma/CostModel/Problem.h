//===- Problem.h - Layers, hardware and mappings --------------*- C++ -*-===//
//
// The vocabulary shared by the cost model and the search: a canonical layer
// (GAMMA's K, C, Y, X, R, S plus batch N), a hardware configuration and a
// multi-level mapping. Plain C++17 with fixed-size storage so that a design
// point can be copied and evaluated without touching the heap.
//
//===----------------------------------------------------------------------===//

#ifndef DIGAMMA_COSTMODEL_PROBLEM_H
#define DIGAMMA_COSTMODEL_PROBLEM_H

#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace digamma::cost {

/// The six mapped dimensions, in GAMMA's order. Y and X are the layer's input
/// rows and columns; a mapping's Y and X tiles count *output* rows and
/// columns (MAESTRO's Y' and X'), as GAMMA writes them.
enum class Dim : uint8_t { K = 0, C = 1, Y = 2, X = 3, R = 4, S = 5 };
inline constexpr int kNumDims = 6;
inline constexpr std::array<Dim, kNumDims> kAllDims = {Dim::K, Dim::C, Dim::Y,
                                                       Dim::X, Dim::R, Dim::S};

/// One-letter name of a dimension ("K", "C", ...).
std::string_view dimName(Dim dim);
/// Parses a one-letter dimension name; accepts "Y'" and "X'" as Y and X.
std::optional<Dim> parseDim(std::string_view name);

/// The layer classes the model understands. GEMM (M, N, K) is described as a
/// CONV with K := N, C := K, Y := M and X = R = S = 1, as GAMMA does; FC as a
/// CONV with K := out, C := in and every other dim 1.
enum class LayerClass : uint8_t { Conv, DepthwiseConv, Gemm };

std::string_view layerClassName(LayerClass layerClass);

/// The three tensors of a layer, in MAESTRO's order.
enum class Operand : uint8_t { Input = 0, Weight = 1, Output = 2 };
inline constexpr int kNumOperands = 3;

/// "input", "weight" or "output".
std::string_view operandName(Operand operand);

/// A canonical layer. Y and X are input extents; the output extents are
/// Y' = (Y - Rw) / strideY + 1 and X' = (X - Sw) / strideX + 1, where
/// Rw = (R - 1) * dilationY + 1 and Sw = (S - 1) * dilationX + 1 are the
/// filter windows. For depthwise layers K is 1 and C counts the channels.
///
/// The fields after strideX were added later; aggregate initialisers that
/// stop at strideX keep their meaning (dilation 1, no groups, the
/// hardware's element size for every tensor).
struct Layer {
  LayerClass layerClass = LayerClass::Conv;
  /// Batch times groups: an outer loop around the whole mapping.
  int64_t n = 1;
  int64_t k = 1, c = 1, y = 1, x = 1, r = 1, s = 1;
  int64_t strideY = 1, strideX = 1;
  int64_t dilationY = 1, dilationX = 1;
  /// How many of the n outer iterations are groups (independent
  /// convolutions with their own weights) rather than batch elements that
  /// share the weights; divides n. Only the off-chip weight traffic
  /// depends on it: weights that stay on chip serve a whole batch, not
  /// another group.
  int64_t groups = 1;
  /// Bytes per element of each tensor (e.g. 1, 1, 4 for an i8 x i8 -> i32
  /// convolution); 0 takes Hardware::bytesPerElement.
  int64_t inputBytes = 0, weightBytes = 0, outputBytes = 0;

  int64_t &dim(Dim d) {
    switch (d) {
    case Dim::K:
      return k;
    case Dim::C:
      return c;
    case Dim::Y:
      return y;
    case Dim::X:
      return x;
    case Dim::R:
      return r;
    case Dim::S:
      break;
    }
    return s;
  }
  int64_t dim(Dim d) const { return const_cast<Layer *>(this)->dim(d); }
  /// Input rows (columns) a filter of \p taps taps spans: (taps - 1) *
  /// dilation + 1, saturating at INT64_MAX (a layer no check accepts).
  static int64_t window(int64_t taps, int64_t dilation) {
    int64_t span;
    if (__builtin_sub_overflow(taps, 1, &span) ||
        __builtin_mul_overflow(span, dilation, &span) ||
        __builtin_add_overflow(span, 1, &span))
      return std::numeric_limits<int64_t>::max();
    return span;
  }
  int64_t windowY() const { return window(r, dilationY); }
  int64_t windowX() const { return window(s, dilationX); }
  int64_t outY() const { return (y - windowY()) / strideY + 1; }
  int64_t outX() const { return (x - windowX()) / strideX + 1; }
  /// Extent a mapping tiles for \p d: output rows/columns for Y and X.
  int64_t mappedExtent(Dim d) const {
    return d == Dim::Y ? outY() : d == Dim::X ? outX() : dim(d);
  }
  /// Bytes per element of \p operand; \p uniform when it has no own size.
  int64_t operandBytes(Operand operand, int64_t uniform) const {
    int64_t bytes = operand == Operand::Input    ? inputBytes
                    : operand == Operand::Weight ? weightBytes
                                                 : outputBytes;
    return bytes != 0 ? bytes : uniform;
  }
};

/// What makes a layer no layer at all: the first of these \p layer breaks.
enum class LayerFault : uint8_t {
  None,
  /// An extent (N, K, C, Y, X, R or S) below 1.
  NonPositiveExtent,
  /// A stride below 1.
  NonPositiveStride,
  /// A dilation below 1.
  NonPositiveDilation,
  /// Groups below 1 or not dividing N.
  GroupsNotDividingN,
  /// A negative element size.
  NegativeElementBytes,
  /// The (dilated) filter window exceeds the input: not one output row or
  /// column.
  FilterLargerThanInput,
};

/// The one check of a layer's shape: the cost model evaluates, and the
/// search searches, only layers without a fault. Allocates nothing.
LayerFault findLayerFault(const Layer &layer);
/// A sentence naming \p fault with \p layer's figures, e.g. "the layer's
/// filter (3x3) is larger than its input (2x30)".
std::string describeLayerFault(const Layer &layer, LayerFault fault);

/// Element counts meaning "no capacity limit".
inline constexpr int64_t kUnbounded = std::numeric_limits<int64_t>::max();

/// A bandwidth of at least this many elements per cycle is unbounded:
/// GAMMA's setting (MAESTRO's 2^30 for "no limit").
inline constexpr int64_t kUnboundedBandwidth = int64_t(1) << 30;

/// Hardware configuration. Buffer capacities and the element forms of the
/// bandwidths are in elements of bytesPerElement bytes (MAESTRO's unit);
/// bytesPerElement converts them to bytes for area, capacity checks and
/// per-tensor traffic.
struct Hardware {
  int64_t numPEs = 1;
  /// Per-PE L1 and shared L2 capacity in elements; kUnbounded for none.
  int64_t l1Elements = kUnbounded;
  int64_t l2Elements = kUnbounded;
  /// Elements per cycle. GAMMA's defaults are 2^30 (effectively unbounded).
  int64_t nocBandwidth = kUnboundedBandwidth;
  int64_t offchipBandwidth = kUnboundedBandwidth;
  int64_t nocHops = 1;
  int64_t nocHopLatency = 1;
  int64_t simdLanes = 1;
  int64_t bytesPerElement = 1;
  /// Bandwidths in bytes per cycle, for callers that have them in bytes
  /// (exact where bytes / bytesPerElement is not an integer); 0 takes the
  /// element forms above. A rate of kUnboundedBandwidth * bytesPerElement
  /// bytes or more is unbounded. The maestro semantics, which know no
  /// bytes, use max(1, bytes / bytesPerElement) elements.
  int64_t nocBandwidthBytes = 0;
  int64_t offchipBandwidthBytes = 0;
};

/// Maximum number of mapping levels (MAESTRO accepts at most three Cluster
/// directives, i.e. four levels; GAMMA writes two or three).
inline constexpr int kMaxLevels = 4;

/// One mapping level: GAMMA's genome level. Level 0 is outermost (the L2
/// level); the last level is the PE (L1) level.
struct MappingLevel {
  /// The spatially mapped dimension of this level.
  Dim parallelDim = Dim::K;
  /// Cluster size P of the `Cluster(P)` directive that opens this level; the
  /// number of sub-units each unit of the level above is split into. Unused
  /// for level 0, whose fan-out is numPEs / (product of the inner sizes).
  int64_t clusterSize = 1;
  /// Loop order, outermost first; a permutation of the six dims.
  std::array<Dim, kNumDims> order = kAllDims;
  /// Tile size per dimension, indexed by Dim. Y and X tiles are output tiles.
  std::array<int64_t, kNumDims> tiles = {1, 1, 1, 1, 1, 1};

  int64_t &tile(Dim d) { return tiles[static_cast<int>(d)]; }
  int64_t tile(Dim d) const { return tiles[static_cast<int>(d)]; }
};

/// A GAMMA genome. It is one-to-one with a MAESTRO dataflow as GAMMA writes
/// it: level l is the l-th Cluster-separated group of directives, in
/// `order`; the parallel dimension gets SpatialMap(t,t), the others
/// TemporalMap(t,t); Y and X tiles are written as Y' and X' (output
/// rows/columns); clusterSize of level l > 0 is the Cluster(P) before it.
/// MaestroFile.h reads and writes that form.
struct Mapping {
  int numLevels = 2;
  std::array<MappingLevel, kMaxLevels> levels{};

  MappingLevel &level(int i) { return levels[i]; }
  const MappingLevel &level(int i) const { return levels[i]; }
};

} // namespace digamma::cost

#endif // DIGAMMA_COSTMODEL_PROBLEM_H
