//===- Module.cpp - The digamma Python module: cost model -----------------===//
//
// The module's entry point and its cost-model half: Layer, Hardware,
// Mapping, Report, evaluate(), GAMMA layer tables and MAESTRO mapping
// files, each a thin view of the C++ type or function (no defaults or
// messages of its own beyond Python argument types). Search.cpp adds the
// searches.
//
//===----------------------------------------------------------------------===//

#include "Binding.h"
#include "Request.h"

#include "digamma/Api/Designer.h"
#include "digamma/CostModel/GammaTable.h"
#include "digamma/CostModel/MaestroFile.h"
#include "digamma/Search/Search.h"

#include <algorithm>
#include <array>

using namespace digamma;
using namespace digamma::python;

//===----------------------------------------------------------------------===//
// Field tables
//===----------------------------------------------------------------------===//

const std::vector<Field<cost::Hardware>> &digamma::python::hardwareFields() {
  using H = cost::Hardware;
  static const std::vector<Field<H>> fields = {
      memberField("num_pes", &H::numPEs, "number of PEs"),
      memberField("l1_elements", &H::l1Elements,
                  "L1 capacity per PE, elements (UNBOUNDED: no limit)"),
      memberField("l2_elements", &H::l2Elements,
                  "shared L2 capacity, elements (UNBOUNDED: no limit)"),
      memberField("noc_bandwidth", &H::nocBandwidth, "elements per cycle"),
      memberField("offchip_bandwidth", &H::offchipBandwidth,
                  "elements per cycle"),
      memberField("noc_bandwidth_bytes", &H::nocBandwidthBytes,
                  "bytes per cycle; 0 takes noc_bandwidth"),
      memberField("offchip_bandwidth_bytes", &H::offchipBandwidthBytes,
                  "bytes per cycle; 0 takes offchip_bandwidth"),
      memberField("noc_hops", &H::nocHops, "NoC hops"),
      memberField("noc_hop_latency", &H::nocHopLatency, "cycles per hop"),
      memberField("simd_lanes", &H::simdLanes, "MACs per PE per cycle"),
      memberField("bytes_per_element", &H::bytesPerElement,
                  "bytes per buffer element (area and reports)"),
  };
  return fields;
}

const std::vector<Field<cost::CostReport>> &digamma::python::reportFields() {
  using R = cost::CostReport;
  using A = cost::AccessCounts;
  // An access count, from the report's AccessCounts.
  auto access = [](const char *name, int64_t A::*member) {
    return Field<R>{name, "accesses, elements",
                    [member](const R &report) {
                      return py::cast(report.accesses.*member);
                    },
                    nullptr};
  };
  static const std::vector<Field<R>> fields = {
      memberField("valid", &R::valid, "whether the design point is valid",
                  false),
      {"reason", "why it is invalid ('valid' when it is)",
       [](const R &report) {
         return py::cast(std::string(cost::describe(report.reason)));
       },
       nullptr},
      memberField("cycles", &R::cycles, "runtime in cycles", false),
      memberField("macs", &R::macs, "multiply-accumulates", false),
      memberField("l1_elements", &R::l1Elements,
                  "L1 needed per PE, elements (double-buffered)", false),
      memberField("l2_elements", &R::l2Elements,
                  "L2 needed, elements (double-buffered)", false),
      access("input_l1_read", &A::inputL1Read),
      access("input_l1_write", &A::inputL1Write),
      access("input_l2_read", &A::inputL2Read),
      access("input_l2_write", &A::inputL2Write),
      access("filter_l1_read", &A::filterL1Read),
      access("filter_l1_write", &A::filterL1Write),
      access("filter_l2_read", &A::filterL2Read),
      access("filter_l2_write", &A::filterL2Write),
      access("output_l1_read", &A::outputL1Read),
      access("output_l1_write", &A::outputL1Write),
      access("output_l2_read", &A::outputL2Read),
      access("output_l2_write", &A::outputL2Write),
      memberField("energy_nj", &R::energyNJ, "energy, nJ", false),
      memberField("power", &R::power, "power (see the README's semantics)",
                  false),
      memberField("throughput", &R::throughput, "MACs per cycle", false),
      memberField("utilization", &R::utilization,
                  "average busy PEs / PE count", false),
      memberField("avg_used_pes", &R::avgUsedPEs, "average busy PEs", false),
      memberField("noc_bandwidth_req", &R::nocBandwidthReq,
                  "NoC bandwidth requirement, elements per cycle", false),
      memberField("offchip_bandwidth_req", &R::offchipBandwidthReq,
                  "off-chip bandwidth requirement, elements per cycle",
                  false),
      memberField("l1_bytes", &R::l1Bytes,
                  "L1 needed per PE, bytes (each tensor at its element size)",
                  false),
      memberField("l2_bytes", &R::l2Bytes, "L2 needed, bytes", false),
      {"offchip_input_read_bytes", "DRAM bytes of inputs read",
       [](const R &report) { return py::cast(report.offchip.inputReadBytes); },
       nullptr},
      {"offchip_weight_read_bytes", "DRAM bytes of weights read",
       [](const R &report) { return py::cast(report.offchip.weightReadBytes); },
       nullptr},
      {"offchip_output_read_bytes",
       "DRAM bytes of partial sums read back",
       [](const R &report) { return py::cast(report.offchip.outputReadBytes); },
       nullptr},
      {"offchip_output_write_bytes", "DRAM bytes of outputs written",
       [](const R &report) {
         return py::cast(report.offchip.outputWriteBytes);
       },
       nullptr},
      memberField("offchip_bytes", &R::offchipBytes,
                  "DRAM bytes in total (computed at a finite off-chip "
                  "bandwidth; 0 otherwise)",
                  false),
      memberField("operational_intensity", &R::operationalIntensity,
                  "MACs per DRAM byte", false),
      memberField("offchip_energy_nj", &R::offchipEnergyNJ,
                  "DRAM energy, nJ", false),
      {"limited_by", "what limits the design: compute, noc or offchip",
       [](const R &report) {
         return py::cast(std::string(cost::resourceName(report.limitedBy)));
       },
       nullptr},
      memberField("area_maestro_um2", &R::areaMaestroUm2,
                  "MAESTRO's area model, um^2", false),
      memberField("power_maestro", &R::powerMaestro,
                  "MAESTRO's power model, mW", false),
  };
  return fields;
}

//===----------------------------------------------------------------------===//
// Layers
//===----------------------------------------------------------------------===//

namespace {

constexpr std::array<cost::LayerClass, 3> kLayerClasses = {
    cost::LayerClass::Conv, cost::LayerClass::DepthwiseConv,
    cost::LayerClass::Gemm};

cost::LayerClass layerClassFromName(const std::string &name) {
  std::vector<std::string_view> names;
  for (cost::LayerClass layerClass : kLayerClasses) {
    if (cost::layerClassName(layerClass) == name)
      return layerClass;
    names.push_back(cost::layerClassName(layerClass));
  }
  throw py::value_error(
      api::unknownName("layer kind", name, search::joinNames(names)));
}

/// \p layer if a search can take it, else ValueError with the search's
/// message (the sound semantics' checks; maestro's are the search's).
cost::Layer checked(const cost::Layer &layer) {
  if (std::optional<std::string> error =
          search::checkLayer(layer, cost::Semantics::Sound))
    throw py::value_error(*error);
  return layer;
}

/// A stride or dilation argument \p name: an int, or a (y, x) pair.
std::pair<int64_t, int64_t> pairArgument(const char *name, py::handle value) {
  if (py::isinstance<py::int_>(value))
    return {value.cast<int64_t>(), value.cast<int64_t>()};
  if (py::isinstance<py::sequence>(value) && py::len(value) == 2)
    return value.cast<std::pair<int64_t, int64_t>>();
  throw py::type_error(std::string(name) + " must be an int or a (" + name +
                       "_y, " + name + "_x) pair");
}

py::object pairValue(int64_t y, int64_t x) {
  if (y == x)
    return py::cast(y);
  return py::make_tuple(y, x);
}

py::dict layerDict(const cost::Layer &layer) {
  py::dict dict;
  dict["kind"] = std::string(cost::layerClassName(layer.layerClass));
  dict["k"] = layer.k;
  dict["c"] = layer.c;
  dict["y"] = layer.y;
  dict["x"] = layer.x;
  dict["r"] = layer.r;
  dict["s"] = layer.s;
  dict["stride"] = pairValue(layer.strideY, layer.strideX);
  dict["batch"] = layer.n;
  // The fields most layers leave at their defaults appear when set, so
  // that a plain layer's repr stays short.
  if (layer.dilationY != 1 || layer.dilationX != 1)
    dict["dilation"] = pairValue(layer.dilationY, layer.dilationX);
  if (layer.groups != 1)
    dict["groups"] = layer.groups;
  if (layer.inputBytes != 0)
    dict["input_bytes"] = layer.inputBytes;
  if (layer.weightBytes != 0)
    dict["weight_bytes"] = layer.weightBytes;
  if (layer.outputBytes != 0)
    dict["output_bytes"] = layer.outputBytes;
  return dict;
}

cost::Layer makeLayer(int64_t k, int64_t c, int64_t y, int64_t x, int64_t r,
                      int64_t s, py::object stride, int64_t batch,
                      const std::string &kind, py::object dilation,
                      int64_t groups, int64_t inputBytes, int64_t weightBytes,
                      int64_t outputBytes) {
  cost::Layer layer;
  layer.layerClass = layerClassFromName(kind);
  layer.n = batch;
  layer.k = k;
  layer.c = c;
  layer.y = y;
  layer.x = x;
  layer.r = r;
  layer.s = s;
  std::tie(layer.strideY, layer.strideX) = pairArgument("stride", stride);
  std::tie(layer.dilationY, layer.dilationX) =
      pairArgument("dilation", dilation);
  layer.groups = groups;
  layer.inputBytes = inputBytes;
  layer.weightBytes = weightBytes;
  layer.outputBytes = outputBytes;
  return checked(layer);
}

cost::Layer layerFromDict(const py::dict &dict) {
  cost::Layer defaults;
  auto get = [&](const char *name, int64_t fallback) {
    return dict.contains(name) ? dict[name].cast<int64_t>() : fallback;
  };
  static const char *const kFields[] = {"kind",
                                        "k",
                                        "c",
                                        "y",
                                        "x",
                                        "r",
                                        "s",
                                        "stride",
                                        "batch",
                                        "dilation",
                                        "groups",
                                        "input_bytes",
                                        "weight_bytes",
                                        "output_bytes"};
  for (auto [key, value] : dict) {
    std::string name = py::str(key);
    if (std::find(std::begin(kFields), std::end(kFields), name) ==
        std::end(kFields))
      throw py::type_error("Layer has no field '" + name + "'");
  }
  auto pair = [&](const char *name, int64_t fallback) {
    return dict.contains(name) ? py::object(dict[name])
                               : py::object(py::cast(fallback));
  };
  std::string kind =
      dict.contains("kind")
          ? dict["kind"].cast<std::string>()
          : std::string(cost::layerClassName(defaults.layerClass));
  return makeLayer(
      get("k", defaults.k), get("c", defaults.c), get("y", defaults.y),
      get("x", defaults.x), get("r", defaults.r), get("s", defaults.s),
      pair("stride", defaults.strideY), get("batch", defaults.n), kind,
      pair("dilation", defaults.dilationY), get("groups", defaults.groups),
      get("input_bytes", defaults.inputBytes),
      get("weight_bytes", defaults.weightBytes),
      get("output_bytes", defaults.outputBytes));
}

auto layerKey(const cost::Layer &l) {
  return std::make_tuple(static_cast<int>(l.layerClass), l.n, l.k, l.c, l.y,
                         l.x, l.r, l.s, l.strideY, l.strideX, l.dilationY,
                         l.dilationX, l.groups, l.inputBytes, l.weightBytes,
                         l.outputBytes);
}

std::string layerRepr(const cost::Layer &layer) {
  std::string text = "Layer(";
  bool first = true;
  for (auto [key, value] : layerDict(layer)) {
    text += (first ? "" : ", ") + std::string(py::str(key)) + "=" +
            std::string(py::repr(value));
    first = false;
  }
  return text + ")";
}

/// Layers of a GAMMA table, or ValueError/OSError with the reader's
/// message.
std::vector<cost::Layer> gammaLayers(const cost::GammaTable &table) {
  if (!table.failed())
    return table.layers;
  if (table.errorLine == 0) { // the file cannot be read
    PyErr_SetString(PyExc_OSError, table.error().c_str());
    throw py::error_already_set();
  }
  throw py::value_error(table.error());
}

} // namespace

//===----------------------------------------------------------------------===//
// Mappings
//===----------------------------------------------------------------------===//

namespace {

cost::Dim dimFromName(const std::string &name) {
  if (std::optional<cost::Dim> dim = cost::parseDim(name))
    return *dim;
  std::vector<std::string_view> names;
  for (cost::Dim dim : cost::kAllDims)
    names.push_back(cost::dimName(dim));
  throw py::value_error(
      api::unknownName("dimension", name, search::joinNames(names)));
}

/// A loop order: a str of dimension letters ("KCYXRS") or a sequence of
/// names.
std::array<cost::Dim, cost::kNumDims> orderFromPython(py::handle order) {
  std::vector<std::string> names;
  if (py::isinstance<py::str>(order))
    for (char letter : order.cast<std::string>())
      names.push_back(std::string(1, letter));
  else
    names = order.cast<std::vector<std::string>>();
  if (names.size() != cost::kNumDims)
    throw py::value_error("a loop order names the six dimensions, got " +
                          std::string(py::repr(order)));
  std::array<cost::Dim, cost::kNumDims> dims;
  for (int i = 0; i < cost::kNumDims; ++i)
    dims[i] = dimFromName(names[i]);
  return dims;
}

cost::MappingLevel levelFromPython(py::handle value) {
  if (!py::isinstance<py::dict>(value))
    throw py::type_error("a mapping level is a dict with parallel, cluster, "
                         "order and tiles");
  cost::MappingLevel level;
  for (auto [key, field] : value.cast<py::dict>()) {
    std::string name = py::str(key);
    if (name == "parallel") {
      level.parallelDim = dimFromName(field.cast<std::string>());
    } else if (name == "cluster") {
      level.clusterSize = field.cast<int64_t>();
    } else if (name == "order") {
      level.order = orderFromPython(field);
    } else if (name == "tiles") {
      if (py::isinstance<py::dict>(field)) {
        for (auto [dim, tile] : field.cast<py::dict>())
          level.tile(dimFromName(py::str(dim))) = tile.cast<int64_t>();
      } else {
        auto tiles = field.cast<std::vector<int64_t>>();
        if (tiles.size() != cost::kNumDims)
          throw py::value_error("tiles are six sizes in K, C, Y, X, R, S "
                                "order, or a dict by dimension");
        std::copy(tiles.begin(), tiles.end(), level.tiles.begin());
      }
    } else {
      throw py::type_error("a mapping level has no field '" + name +
                           "' (parallel, cluster, order, tiles)");
    }
  }
  return level;
}

} // namespace

py::list digamma::python::mappingLevels(const cost::Mapping &mapping) {
  py::list levels;
  for (int l = 0; l < mapping.numLevels; ++l) {
    const cost::MappingLevel &level = mapping.level(l);
    std::string order;
    for (cost::Dim dim : level.order)
      order += cost::dimName(dim);
    py::dict tiles;
    for (cost::Dim dim : cost::kAllDims)
      tiles[py::str(std::string(cost::dimName(dim)))] = level.tile(dim);
    py::dict dict;
    dict["parallel"] = std::string(cost::dimName(level.parallelDim));
    dict["cluster"] = level.clusterSize;
    dict["order"] = order;
    dict["tiles"] = tiles;
    levels.append(dict);
  }
  return levels;
}

cost::Mapping digamma::python::mappingFromLevels(py::handle levels) {
  if (!py::isinstance<py::sequence>(levels) || py::isinstance<py::str>(levels))
    throw py::type_error("a mapping is a list of levels, outermost first");
  size_t count = py::len(levels);
  if (count < 1 || count > static_cast<size_t>(cost::kMaxLevels))
    throw py::value_error("a mapping has 1 to " +
                          std::to_string(cost::kMaxLevels) + " levels, got " +
                          std::to_string(count));
  cost::Mapping mapping;
  mapping.numLevels = static_cast<int>(count);
  for (size_t l = 0; l < count; ++l)
    mapping.level(static_cast<int>(l)) =
        levelFromPython(levels.cast<py::sequence>()[l]);
  return mapping;
}

namespace {

bool sameMapping(const cost::Mapping &a, const cost::Mapping &b) {
  if (a.numLevels != b.numLevels)
    return false;
  for (int l = 0; l < a.numLevels; ++l) {
    const cost::MappingLevel &x = a.level(l), &y = b.level(l);
    if (x.parallelDim != y.parallelDim || x.clusterSize != y.clusterSize ||
        x.order != y.order || x.tiles != y.tiles)
      return false;
  }
  return true;
}

const cost::CostReport &evaluateOne(cost::Evaluator &evaluator,
                                    const cost::Layer &layer,
                                    const cost::Hardware &hw,
                                    const cost::Mapping &mapping,
                                    std::optional<cost::Semantics> semantics) {
  return semantics ? evaluator.evaluate(layer, hw, mapping, *semantics)
                   : evaluator.evaluate(layer, hw, mapping);
}

/// A MAESTRO file's content, or ValueError/OSError with the reader's
/// message (OSError when the file cannot be read, as digamma-cost tells).
const cost::MaestroFile &checkedFile(const cost::MaestroFile &file,
                                     const std::string &path) {
  if (file.error.empty())
    return file;
  if (file.error.rfind("cannot ", 0) == 0) {
    PyErr_SetString(PyExc_OSError, file.error.c_str());
    throw py::error_already_set();
  }
  throw py::value_error(path.empty() ? file.error : path + ": " + file.error);
}

} // namespace

//===----------------------------------------------------------------------===//
// The module
//===----------------------------------------------------------------------===//

static const char *const kModuleDoc = R"(DiGamma: accelerator design-space exploration.

Python access to DiGamma-MLIR's plain C++ layers: the analytical cost model
(evaluate), DiGamma's hardware/mapping co-optimization of a layer
(co_optimize) or of a whole model on one chip (model_search), the baseline
optimizers (algorithm=...), GAMMA layer tables and MAESTRO mapping files.
Requests go through the request layer every entry point shares
(digamma/Api/Request.h): the options, defaults, units and error messages of
--digamma-co-optimize and the C++ API.

    import digamma
    layer = digamma.Layer(k=64, c=64, y=58, x=58, r=3, s=3)
    print(digamma.co_optimize(layer, platform="edge", seed=1).format())
)";

PYBIND11_MODULE(digamma, m) {
  m.doc() = kModuleDoc;
  py::register_exception<NoDesignError>(m, "NoDesignError",
                                        PyExc_RuntimeError);
  m.attr("UNBOUNDED") = cost::kUnbounded;
  py::object abcMapping = py::module_::import("collections.abc").attr("Mapping");

  // Layer.
  cost::Layer defaults;
  py::class_<cost::Layer> layer(m, "Layer", R"(A layer in canonical form.

Y and X are input extents (padding included), R and S the filter extents;
the output extents are (Y - R) / stride + 1 and (X - S) / stride + 1. kind is
'conv', 'depthwise' (K = 1, C counts the channels) or 'gemm' (M x K times
K x N stored as K := N, C := K, Y := M, as GAMMA does). dilation spaces the
filter taps (an int or (y, x)); groups of the batch are independent
convolutions with their own weights (they divide batch). input_bytes,
weight_bytes and output_bytes are the tensors' element sizes (1, 1, 4 for an
i8 x i8 -> i32 convolution); 0 takes the hardware's bytes_per_element in
evaluate() and the request's element_bytes in a search (element_bytes=0
takes the layer's own). A layer no search can take raises ValueError with
the search's message.)");
  layer
      .def(py::init(&makeLayer), py::arg("k") = defaults.k,
           py::arg("c") = defaults.c, py::arg("y") = defaults.y,
           py::arg("x") = defaults.x, py::arg("r") = defaults.r,
           py::arg("s") = defaults.s, py::arg("stride") = defaults.strideY,
           py::arg("batch") = defaults.n,
           py::arg("kind") =
               std::string(cost::layerClassName(defaults.layerClass)),
           py::kw_only(), py::arg("dilation") = defaults.dilationY,
           py::arg("groups") = defaults.groups,
           py::arg("input_bytes") = defaults.inputBytes,
           py::arg("weight_bytes") = defaults.weightBytes,
           py::arg("output_bytes") = defaults.outputBytes)
      .def_static("from_dict", &layerFromDict, py::arg("fields"),
                  "A layer from to_dict()'s fields.")
      .def_static(
          "from_gamma_row",
          [](py::handle row) {
            std::string text;
            if (py::isinstance<py::str>(row)) {
              text = row.cast<std::string>();
            } else {
              for (py::handle cell : row.cast<py::sequence>())
                text += (text.empty() ? "" : ",") +
                        std::string(py::str(cell));
            }
            cost::GammaTable table =
                cost::parseGammaTable("K,C,Y,X,R,S,T\n" + text);
            if (table.failed())
              throw py::value_error(table.errorMessage);
            if (table.layers.size() != 1)
              throw py::value_error("a GAMMA row is one line, got " +
                                    std::string(py::repr(row)));
            return table.layers.front();
          },
          py::arg("row"),
          "The layer of one GAMMA table row: 'K,C,Y,X,R,S,T' as a str or "
          "seven ints (T: 0 FC, 1 CONV, 2 depthwise, 3 GEMM).")
      .def_property_readonly("kind",
                             [](const cost::Layer &l) {
                               return std::string(
                                   cost::layerClassName(l.layerClass));
                             })
      .def_readonly("batch", &cost::Layer::n)
      .def_readonly("k", &cost::Layer::k)
      .def_readonly("c", &cost::Layer::c)
      .def_readonly("y", &cost::Layer::y)
      .def_readonly("x", &cost::Layer::x)
      .def_readonly("r", &cost::Layer::r)
      .def_readonly("s", &cost::Layer::s)
      .def_readonly("stride_y", &cost::Layer::strideY)
      .def_readonly("stride_x", &cost::Layer::strideX)
      .def_readonly("dilation_y", &cost::Layer::dilationY)
      .def_readonly("dilation_x", &cost::Layer::dilationX)
      .def_readonly("groups", &cost::Layer::groups)
      .def_readonly("input_bytes", &cost::Layer::inputBytes,
                    "input element size, bytes (0: the hardware's)")
      .def_readonly("weight_bytes", &cost::Layer::weightBytes,
                    "weight element size, bytes (0: the hardware's)")
      .def_readonly("output_bytes", &cost::Layer::outputBytes,
                    "output element size, bytes (0: the hardware's)")
      .def_property_readonly("out_y", &cost::Layer::outY,
                             "output rows: (Y - R) / stride_y + 1")
      .def_property_readonly("out_x", &cost::Layer::outX,
                             "output columns: (X - S) / stride_x + 1")
      .def("to_dict", &layerDict, "The constructor's arguments as a dict.")
      .def("__repr__", &layerRepr)
      .def(
          "__eq__",
          [](const cost::Layer &a, const cost::Layer &b) {
            return layerKey(a) == layerKey(b);
          },
          py::is_operator())
      .def("__hash__",
           [](const cost::Layer &l) { return py::hash(py::cast(layerKey(l))); })
      .def(py::pickle([](const cost::Layer &l) { return layerDict(l); },
                      [](const py::dict &d) { return layerFromDict(d); }));

  m.def(
      "conv2d",
      [](int64_t k, int64_t c, int64_t y, int64_t x, int64_t r, int64_t s,
         int64_t stride,
         int64_t batch) { return checked(api::conv2d(k, c, y, x, r, s, stride, batch)); },
      py::arg("k"), py::arg("c"), py::arg("y"), py::arg("x"), py::arg("r"),
      py::arg("s"), py::arg("stride") = defaults.strideY,
      py::arg("batch") = defaults.n,
      "A 2-D convolution: k output and c input channels, a y x x input "
      "(padding included), an r x s filter.");
  m.def(
      "depthwise_conv2d",
      [](int64_t c, int64_t y, int64_t x, int64_t r, int64_t s, int64_t stride,
         int64_t batch) {
        return checked(api::depthwiseConv2d(c, y, x, r, s, stride, batch));
      },
      py::arg("c"), py::arg("y"), py::arg("x"), py::arg("r"), py::arg("s"),
      py::arg("stride") = defaults.strideY, py::arg("batch") = defaults.n,
      "A depthwise 2-D convolution over c channels (fold a channel "
      "multiplier into c).");
  m.def(
      "gemm",
      [](int64_t m, int64_t n, int64_t k, int64_t batch) {
        return checked(api::gemm(m, n, k, batch));
      },
      py::arg("m"), py::arg("n"), py::arg("k"), py::arg("batch") = defaults.n,
      "A matrix multiplication (m x k) * (k x n), as linalg.matmul.");
  m.def(
      "parse_gamma_table",
      [](const std::string &text) {
        return gammaLayers(cost::parseGammaTable(text));
      },
      py::arg("text"),
      "The layers of a GAMMA layer table's text (header line, then "
      "K,C,Y,X,R,S,T rows); ValueError names the line at fault.");
  m.def(
      "read_gamma_table",
      [](const std::string &path) {
        return gammaLayers(cost::readGammaTable(path));
      },
      py::arg("path"),
      "The layers of a GAMMA layer table file (e.g. models/csv/resnet50.csv).");

  // Hardware.
  const cost::Hardware hardwareDefaults;
  py::class_<cost::Hardware> hardware(
      m, "Hardware",
      ("Hardware for evaluate(): capacities and bandwidths in elements "
       "(MAESTRO's unit).\n\nKeyword arguments (fields), with the cost "
       "model's defaults:\n" +
       fieldsDoc(hardwareFields(), &hardwareDefaults))
          .c_str());
  hardware
      .def(py::init([](const py::kwargs &kwargs) {
        cost::Hardware hw;
        setFields(hw, kwargs, hardwareFields(), "Hardware()");
        return hw;
      }))
      .def_static(
          "from_dict",
          [](const py::dict &fields) {
            cost::Hardware hw;
            setFields(hw, fields, hardwareFields(), "Hardware.from_dict()");
            return hw;
          },
          py::arg("fields"))
      .def("to_dict",
           [](const cost::Hardware &hw) {
             return fieldsToDict(hw, hardwareFields());
           })
      .def("__repr__",
           [](const cost::Hardware &hw) {
             return fieldsRepr("Hardware", hw, hardwareFields());
           })
      .def(
          "__eq__",
          [](const cost::Hardware &a, const cost::Hardware &b) {
            return fieldsToDict(a, hardwareFields())
                .equal(fieldsToDict(b, hardwareFields()));
          },
          py::is_operator())
      .def(py::pickle(
          [](const cost::Hardware &hw) {
            return fieldsToDict(hw, hardwareFields());
          },
          [](const py::dict &fields) {
            cost::Hardware hw;
            setFields(hw, fields, hardwareFields(), "Hardware");
            return hw;
          }));
  defineProperties(hardware, hardwareFields());

  // Mapping.
  py::class_<cost::Mapping>(m, "Mapping", R"(A multi-level mapping (GAMMA's genome).

Mapping(levels): levels outermost first, each a dict with
  parallel: the spatially mapped dimension ('K', 'C', 'Y', 'X', 'R', 'S'),
  cluster: the Cluster(P) size that opens the level (unused at level 0),
  order: the loop order, outermost first ('KCYXRS' or a list of names),
  tiles: tile sizes by dimension ({'K': 8, ...} or six ints in K, C, Y, X,
         R, S order); Y and X tiles count output rows and columns.
The cost model checks the contents (evaluate() names what is wrong).)")
      .def(py::init(&mappingFromLevels), py::arg("levels"))
      .def_static(
          "from_dict",
          [](const py::dict &dict) {
            if (!dict.contains("levels") || py::len(dict) != 1)
              throw py::type_error("a mapping dict is {'levels': [...]}");
            return mappingFromLevels(dict["levels"]);
          },
          py::arg("fields"))
      .def_static(
          "from_maestro",
          [](const std::string &text, const cost::Layer &layer) {
            cost::Mapping mapping;
            std::string error = cost::parseMaestroDataflow(text, layer, mapping);
            if (!error.empty())
              throw py::value_error(error);
            return mapping;
          },
          py::arg("dataflow"), py::arg("layer"),
          "The mapping of a MAESTRO Dataflow block's directives for layer.")
      .def_property_readonly("levels", &mappingLevels,
                             "The levels as dicts (a copy).")
      .def_readonly("num_levels", &cost::Mapping::numLevels)
      .def("__len__", [](const cost::Mapping &m) { return m.numLevels; })
      .def("to_dict",
           [](const cost::Mapping &mapping) {
             py::dict dict;
             dict["levels"] = mappingLevels(mapping);
             return dict;
           })
      .def(
          "to_maestro",
          [](const cost::Mapping &mapping, const cost::Layer &layer) {
            return cost::writeMaestroDataflow(layer, mapping);
          },
          py::arg("layer"), "The MAESTRO Dataflow directives for layer.")
      .def("__repr__",
           [](const cost::Mapping &mapping) {
             return "Mapping(" + std::string(py::repr(mappingLevels(mapping))) +
                    ")";
           })
      .def("__eq__", &sameMapping, py::is_operator())
      .def(py::pickle(&mappingLevels,
                      [](const py::list &levels) {
                        return mappingFromLevels(levels);
                      }));

  // Report.
  py::class_<cost::CostReport> report(
      m, "Report",
      ("The cost model's report of a design point; read-only, as attributes "
       "or as a mapping (report['cycles'], dict(report)).\n\nFields:\n" +
       fieldsDoc(reportFields()))
          .c_str());
  defineProperties(report, reportFields());
  auto reportField = [](const cost::CostReport &r, const std::string &name) {
    for (const Field<cost::CostReport> &field : reportFields())
      if (name == field.name)
        return field.get(r);
    throw py::key_error(name);
  };
  report.def("__getitem__", reportField)
      .def("__len__", [](const cost::CostReport &) {
        return reportFields().size();
      })
      .def("__iter__",
           [](const cost::CostReport &r) {
             return py::iter(fieldsToDict(r, reportFields()));
           })
      .def("__contains__",
           [](const cost::CostReport &r, py::handle key) {
             return fieldsToDict(r, reportFields()).contains(key);
           })
      .def("keys",
           [](const cost::CostReport &r) {
             return fieldsToDict(r, reportFields()).attr("keys")();
           })
      .def("values",
           [](const cost::CostReport &r) {
             return fieldsToDict(r, reportFields()).attr("values")();
           })
      .def("items",
           [](const cost::CostReport &r) {
             return fieldsToDict(r, reportFields()).attr("items")();
           })
      .def("get",
           [reportField](const cost::CostReport &r, const std::string &name,
                         py::object fallback) {
             try {
               return reportField(r, name);
             } catch (const py::key_error &) {
               return fallback;
             }
           },
           py::arg("key"), py::arg("default") = py::none())
      .def("to_dict",
           [](const cost::CostReport &r) {
             return fieldsToDict(r, reportFields());
           })
      .def(
          "__eq__",
          [](const cost::CostReport &a, const cost::CostReport &b) {
            return fieldsToDict(a, reportFields())
                .equal(fieldsToDict(b, reportFields()));
          },
          py::is_operator())
      .def("__repr__", [](const cost::CostReport &r) {
        return fieldsRepr("Report", r, reportFields());
      });
  abcMapping.attr("register")(report);

  // Evaluation.
  m.def(
      "evaluate",
      [](const cost::Layer &layer, const cost::Hardware &hw,
         const cost::Mapping &mapping, py::handle semantics) {
        std::optional<cost::Semantics> parsed = semanticsArgument(semantics);
        static cost::Evaluator evaluator; // the GIL serializes its use
        const cost::CostReport &report =
            evaluateOne(evaluator, layer, hw, mapping, parsed);
        if (!report.valid)
          throw py::value_error(std::string(cost::describe(report.reason)));
        return report;
      },
      py::arg("layer"), py::arg("hardware"), py::arg("mapping"),
      py::arg("semantics") = py::none(),
      "The cost model's Report of a design point (semantics 'sound' or "
      "'maestro'; None: the cost model's default, sound). An invalid design "
      "point raises ValueError with the reason, as digamma-cost reports it.");
  m.def(
      "evaluate_many",
      [](const cost::Layer &layer, const cost::Hardware &hw,
         const std::vector<cost::Mapping> &mappings, py::handle semantics) {
        std::optional<cost::Semantics> parsed = semanticsArgument(semantics);
        std::vector<cost::CostReport> reports;
        reports.reserve(mappings.size());
        {
          py::gil_scoped_release release;
          cost::Evaluator evaluator;
          for (const cost::Mapping &mapping : mappings)
            reports.push_back(
                evaluateOne(evaluator, layer, hw, mapping, parsed));
        }
        return reports;
      },
      py::arg("layer"), py::arg("hardware"), py::arg("mappings"),
      py::arg("semantics") = py::none(),
      "Reports of many mappings of one layer on one hardware, evaluated "
      "without the GIL; invalid points are kept (valid False, reason).");
  m.def(
      "area_um2",
      [](int64_t numPEs, int64_t l1Elements, int64_t l2Elements,
         int64_t bytesPerElement) {
        return cost::digammaAreaUm2(numPEs, l1Elements, l2Elements,
                                    bytesPerElement);
      },
      py::arg("num_pes"), py::arg("l1_elements"), py::arg("l2_elements"),
      py::arg("bytes_per_element") = cost::Hardware().bytesPerElement,
      "DiGamma's area in um^2: PEs * 282 + (L1 * PEs + L2) * 8 * bytes * "
      "0.086.");

  // MAESTRO files.
  py::class_<cost::MaestroLayer>(m, "MaestroLayer",
                                 "One layer of a MAESTRO mapping file.")
      .def_readonly("name", &cost::MaestroLayer::name)
      .def_readonly("layer", &cost::MaestroLayer::layer)
      .def_readonly("mapping", &cost::MaestroLayer::mapping)
      .def("__repr__", [](const cost::MaestroLayer &l) {
        return "MaestroLayer(name=" + std::string(py::repr(py::str(l.name))) +
               ", layer=" + layerRepr(l.layer) + ", mapping=" +
               std::string(py::repr(py::cast(l.mapping))) + ")";
      });
  py::class_<cost::MaestroFile>(m, "MaestroFile",
                                "A MAESTRO mapping file: network and layers.")
      .def_readonly("network", &cost::MaestroFile::network)
      .def_readonly("layers", &cost::MaestroFile::layers);
  m.def(
      "parse_maestro_file",
      [](const std::string &text) {
        return checkedFile(cost::parseMaestroFile(text), "");
      },
      py::arg("text"),
      "A MAESTRO mapping file's text (the subset GAMMA writes); ValueError "
      "names the line at fault.");
  m.def(
      "read_maestro_file",
      [](const std::string &path) {
        return checkedFile(cost::readMaestroFile(path), path);
      },
      py::arg("path"), "A MAESTRO mapping file, as digamma-cost reads it.");
  m.def(
      "write_maestro_file",
      [](const cost::Layer &layer, const cost::Mapping &mapping,
         const std::string &network, const std::string &layerName) {
        if (layer.inputBytes != 0 || layer.weightBytes != 0 ||
            layer.outputBytes != 0)
          if (PyErr_WarnEx(PyExc_UserWarning,
                           "write_maestro_file(): a MAESTRO file has no "
                           "element sizes; the layer's input_bytes, "
                           "weight_bytes and output_bytes are left out",
                           1) != 0)
            throw py::error_already_set();
        return cost::writeMaestroFile(layer, mapping, network, layerName);
      },
      py::arg("layer"), py::arg("mapping"), py::arg("network") = "0",
      py::arg("layer_name") = "",
      "The text of a one-layer MAESTRO mapping file, as GAMMA writes it "
      "(with batch, groups, strides and dilations; a MAESTRO file has no "
      "element sizes, so the layer's input_bytes, weight_bytes and "
      "output_bytes are not in it).");

  defineSearch(m);
}
