//===- Search.cpp - The digamma Python module: searches -------------------===//
//
// co_optimize() (a chip per layer: api::findDesign), model_search() (one
// chip: api::searchSharedChip, equal layers merged by api::ProblemTable as
// the pass merges equal ops), platforms() and the results. Requests come
// from Request.cpp; the request layer checks them (planSearch(), then
// checkLayerProblem() or checkSharedChip(): ValueError with its message)
// before the search runs without the GIL; a valid request with no design
// raises NoDesignError with the search's message.
//
//===----------------------------------------------------------------------===//

#include "Binding.h"
#include "Request.h"

#include "digamma/Api/Designer.h"
#include "digamma/Api/Workload.h"

using namespace digamma;
using namespace digamma::python;

namespace {

/// A found design and the layer it is for (api::formatDesign needs both).
struct LayerDesign {
  cost::Layer layer;
  api::Design design;
};

/// A found chip for the layers of a model.
struct ModelDesign {
  /// The layers as given, and per layer the index of its distinct problem
  /// (the chip's mappings and costs are per distinct problem).
  std::vector<cost::Layer> layers;
  std::vector<size_t> problemOf;
  api::SharedChipResult shared;

  const search::ModelSearchResult &chip() const { return shared.chip; }
  /// Per layer given, \p perProblem's entry for its problem.
  template <typename T>
  std::vector<T> perLayer(const std::vector<T> &perProblem) const {
    std::vector<T> values;
    for (size_t problem : problemOf)
      values.push_back(perProblem[problem]);
    return values;
  }
  int64_t bytesOf(int64_t elements) const {
    return search::bufferBytes(elements, shared.elementBytes);
  }
};

const std::vector<Field<LayerDesign>> &designFields() {
  using D = LayerDesign;
  static const std::vector<Field<D>> fields = {
      {"layer", "the Layer", [](const D &d) { return py::cast(d.layer); }},
      {"hardware", "Hardware: PE count, L1 (per PE) and L2 in elements",
       [](const D &d) { return py::cast(d.design.hardware); }},
      {"pe_array_shape", "[top-level fan-out, cluster sizes...]",
       [](const D &d) { return py::cast(d.design.peArrayShape); }},
      {"l1_bytes", "L1 per PE the mapping needs, bytes",
       [](const D &d) { return py::cast(d.design.l1Bytes); }},
      {"l2_bytes", "L2 the mapping needs, bytes",
       [](const D &d) { return py::cast(d.design.l2Bytes); }},
      {"area_um2", "area of PEs and buffers, um^2",
       [](const D &d) { return py::cast(d.design.areaUm2); }},
      {"mapping", "the Mapping",
       [](const D &d) { return py::cast(d.design.mapping); }},
      {"cost", "the Report of the design",
       [](const D &d) { return py::cast(d.design.cost); }},
      {"objective_value", "the objective's value",
       [](const D &d) { return py::cast(d.design.objectiveValue); }},
      {"samples_used", "design points evaluated",
       [](const D &d) { return py::cast(d.design.samplesUsed); }},
  };
  return fields;
}

const std::vector<Field<ModelDesign>> &modelDesignFields() {
  using D = ModelDesign;
  static const std::vector<Field<D>> fields = {
      {"layers", "the Layers, as given",
       [](const D &d) { return py::cast(d.layers); }},
      {"hardware", "Hardware of the shared chip (elements)",
       [](const D &d) { return py::cast(d.chip().hardware); }},
      {"pe_array_shape", "[top-level fan-out, cluster sizes...]",
       [](const D &d) {
         return py::cast(search::peArrayShape(d.chip().hardware,
                                              d.chip().mappings.front()));
       }},
      {"l1_bytes", "L1 per PE, bytes",
       [](const D &d) { return py::cast(d.bytesOf(d.chip().hardware.l1Elements)); }},
      {"l2_bytes", "L2, bytes",
       [](const D &d) { return py::cast(d.bytesOf(d.chip().hardware.l2Elements)); }},
      {"area_um2", "chip area, um^2",
       [](const D &d) { return py::cast(d.chip().areaUm2); }},
      {"pe_area_um2", "area of the PEs, um^2",
       [](const D &d) { return py::cast(d.chip().peAreaUm2); }},
      {"buffer_area_um2", "area of the buffers, um^2",
       [](const D &d) { return py::cast(d.chip().bufferAreaUm2); }},
      {"mappings", "per layer, its Mapping on the chip",
       [](const D &d) { return py::cast(d.perLayer(d.chip().mappings)); }},
      {"costs", "per layer, its Report on the chip",
       [](const D &d) { return py::cast(d.perLayer(d.chip().costs)); }},
      {"total_cycles", "weighted sum of the layers' cycles",
       [](const D &d) { return py::cast(d.chip().totalCycles); }},
      {"total_energy_nj", "weighted sum of the layers' energy, nJ",
       [](const D &d) { return py::cast(d.chip().totalEnergyNJ); }},
      {"objective_value", "the model objective's value",
       [](const D &d) { return py::cast(d.chip().objectiveValue); }},
      {"samples_used", "single-layer evaluations spent",
       [](const D &d) { return py::cast(d.chip().samplesUsed); }},
  };
  return fields;
}

/// A dict of \p fields where nested bound objects become dicts too.
template <typename T>
py::dict plainDict(const T &object, const std::vector<Field<T>> &fields) {
  py::dict dict = fieldsToDict(object, fields);
  std::function<py::object(py::handle)> plain = [&](py::handle value) {
    if (py::hasattr(value, "to_dict"))
      return py::object(value.attr("to_dict")());
    if (py::isinstance<py::list>(value)) {
      py::list items;
      for (py::handle item : value)
        items.append(plain(item));
      return py::object(items);
    }
    return py::reinterpret_borrow<py::object>(value);
  };
  for (auto [key, value] : dict)
    dict[key] = plain(value);
  return dict;
}

LayerDesign coOptimize(const cost::Layer &layer, const py::kwargs &kwargs) {
  api::Request request = buildRequest(kwargs, "co_optimize()");
  request.layers.push_back({layer});
  api::SearchPlan plan = planRequest(request);
  if (std::optional<std::string> error =
          api::checkLayerProblem(plan, request.layers[0]))
    throw py::value_error(*error);
  LayerDesign result{layer, {}};
  {
    py::gil_scoped_release release;
    result.design = api::findDesign(plan, request.layers[0]);
  }
  if (!result.design.found)
    throw NoDesignError(result.design.error);
  return result;
}

ModelDesign modelSearch(const std::vector<cost::Layer> &layers,
                        std::optional<std::vector<double>> weights,
                        const py::kwargs &kwargs) {
  api::Request request = buildRequest(kwargs, "model_search()");
  request.scope = api::Scope::Model;
  if (weights && weights->size() != layers.size())
    throw py::value_error("model_search(): " +
                          std::to_string(weights->size()) + " weights for " +
                          std::to_string(layers.size()) + " layers");
  for (size_t i = 0; i < layers.size(); ++i)
    request.layers.push_back({layers[i], weights ? (*weights)[i] : 1.0});
  // Checked as given, so that messages name the layers by their index.
  api::SearchPlan plan = planRequest(request);
  if (std::optional<std::string> error =
          api::checkSharedChip(plan, request.layers))
    throw py::value_error(*error);
  ModelDesign result{layers, {}, {}};
  api::ProblemTable problems;
  for (const api::LayerProblem &layer : request.layers)
    result.problemOf.push_back(problems.add(layer));
  {
    py::gil_scoped_release release;
    result.shared = api::searchSharedChip(plan, problems.problems());
  }
  if (!result.shared.chip.found)
    throw NoDesignError(result.shared.chip.message);
  return result;
}

/// The platforms a request names, from the request layer's registry.
py::list platforms() {
  py::list list;
  for (const api::PlatformSpec &platform : api::builtinPlatforms()) {
    py::dict entry;
    entry["name"] = platform.name;
    entry["area_mm2"] = platform.areaMm2;
    entry["source"] = platform.source;
    entry["clock_ghz"] = platform.clockGHz;
    entry["element_bytes"] = platform.elementBytes;
    // 0: unbounded.
    entry["offchip_bytes_per_cycle"] = platform.offchipBytesPerCycle;
    entry["noc_bytes_per_cycle"] = platform.nocBytesPerCycle;
    entry["mac_pj"] = platform.energy.macNJ * 1000.0;
    entry["l1_access_pj"] = platform.energy.l1AccessNJ * 1000.0;
    entry["l2_access_pj"] = platform.energy.l2AccessNJ * 1000.0;
    entry["dram_pj_per_byte"] = platform.energy.offchipNJPerByte * 1000.0;
    if (platform.fixedHardware) {
      py::dict fixed;
      fixed["num_pes"] = platform.fixedHardware->numPEs;
      fixed["array_rows"] = platform.fixedHardware->arrayRows;
      fixed["array_columns"] = platform.fixedHardware->arrayColumns;
      fixed["l1_bytes"] = platform.fixedHardware->l1Bytes;
      fixed["l2_bytes"] = platform.fixedHardware->l2Bytes;
      entry["fixed_hardware"] = fixed;
    } else {
      entry["fixed_hardware"] = py::none();
    }
    entry["path"] = platform.path;
    list.append(entry);
  }
  return list;
}

} // namespace

void digamma::python::defineSearch(py::module_ &m) {
  py::class_<LayerDesign> design(
      m, "Design",
      ("The best design co_optimize() found (read-only).\n\nFields:\n" +
       fieldsDoc(designFields()))
          .c_str());
  defineProperties(design, designFields());
  design
      .def(
          "format",
          [](const LayerDesign &d) {
            return api::formatDesign(d.layer, d.design);
          },
          "The C++ API's text of the design (api::formatDesign).")
      .def("__str__",
           [](const LayerDesign &d) {
             std::string text = api::formatDesign(d.layer, d.design);
             if (!text.empty() && text.back() == '\n')
               text.pop_back();
             return text;
           })
      .def(
          "to_dict",
          [](const LayerDesign &d) { return plainDict(d, designFields()); },
          "The fields as plain dicts, lists and numbers.")
      .def("__repr__", [](const LayerDesign &d) {
        return "<digamma.Design " + std::to_string(d.design.hardware.numPEs) +
               " PEs, " + std::to_string(d.design.cost.cycles) + " cycles, " +
               std::string(py::str(py::cast(d.design.areaUm2))) + " um^2>";
      });

  py::class_<ModelDesign> model(
      m, "ModelDesign",
      ("The chip and mappings model_search() found (read-only).\n\nFields:\n" +
       fieldsDoc(modelDesignFields()))
          .c_str());
  defineProperties(model, modelDesignFields());
  model
      .def(
          "to_dict",
          [](const ModelDesign &d) {
            return plainDict(d, modelDesignFields());
          },
          "The fields as plain dicts, lists and numbers.")
      .def("__repr__", [](const ModelDesign &d) {
        return "<digamma.ModelDesign " + std::to_string(d.layers.size()) +
               " layers, " + std::to_string(d.chip().hardware.numPEs) +
               " PEs, " + std::string(py::str(py::cast(d.chip().totalCycles))) +
               " cycles, " + std::string(py::str(py::cast(d.chip().areaUm2))) +
               " um^2>";
      });

  std::string requestDoc = requestArgumentsDoc();
  m.def("co_optimize", &coOptimize, py::arg("layer"),
        ("co_optimize(layer, **request) -> Design\n\n"
         "The best hardware and mapping of layer within the budget: "
         "api::findDesign, the search --digamma-co-optimize runs for an op. "
         "A seed gives the same design every time, whatever threads. Bad "
         "input raises ValueError (TypeError for a wrong type) with the "
         "request layer's message; a valid request no design fits raises "
         "NoDesignError. The search runs without the GIL; Ctrl-C takes "
         "effect when it returns.\n\nKeyword arguments (the options of "
         "--digamma-co-optimize; None or absent: the request's default, see "
         "defaults()):\n" +
         requestDoc)
            .c_str());
  m.def("model_search", &modelSearch, py::arg("layers"),
        py::arg("weights") = py::none(),
        ("model_search(layers, weights=None, **request) -> ModelDesign\n\n"
         "One chip for every layer (api::searchSharedChip, the search of "
         "--digamma-co-optimize=\"scope=model\"): the shared PE array and "
         "buffers within the budget and a mapping per layer, minimizing the "
         "weighted model total (weights: how often each layer counts, 1 "
         "each by default). Equal layers are searched once, their weights "
         "added; samples is per distinct layer. Errors and GIL as "
         "co_optimize().\n\nKeyword arguments:\n" +
         requestDoc)
            .c_str());
  m.def("defaults", &requestDefaults,
        "The defaults of co_optimize()'s and model_search()'s keyword "
        "arguments: a default request's (api::Request). An area_budget of 0 "
        "takes the platform's area.");
  m.def("platforms", &platforms,
        "The platforms platform= names, from the request layer's registry "
        "(api::builtinPlatforms(), the files under platforms/, "
        "docs/platforms.md): a dict per platform with name, area_mm2 (its "
        "area budget), source, clock_ghz, element_bytes, "
        "offchip_bytes_per_cycle and noc_bytes_per_cycle (0: unbounded), "
        "mac_pj, l1_access_pj, l2_access_pj, dram_pj_per_byte, "
        "fixed_hardware (a dict of num_pes, array_rows, array_columns, "
        "l1_bytes and l2_bytes, or None) and path (the file).");
}
