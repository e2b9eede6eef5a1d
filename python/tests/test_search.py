"""co_optimize() and model_search() give the C++ API's designs exactly."""
import math
import os
import re
import subprocess
import tempfile
import unittest

import digamma

from common import as_text, lookup, run_request, source_path, tool

# Requests as the C++ helper spells them (the pass's option names) and as
# co_optimize() takes them.
LAYER_REQUESTS = [
    ("64,64,58,58,3,3,1", {"samples": 2000, "seed": 7}),
    ("128,64,30,30,3,3,1", {"platform": "cloud", "objective": "energy",
                            "samples": 1500, "seed": 3, "threads": 2}),
    ("1,96,14,14,5,5,2", {"semantics": "maestro", "samples": 800, "seed": 11,
                          "element-bytes": 2}),
    ("256,128,16,0,0,0,3", {"area-budget": 0.5, "algorithm": "random",
                            "samples": 700, "seed": 5, "max-levels": 3}),
    ("32,16,18,18,3,3,1", {"algorithm": "pso", "samples": 600, "seed": 2,
                           "tie-break": "latency", "objective": "edp",
                           "graded-penalty": True}),
    ("64,32,30,30,3,3,1", {"mode": "fixed-mapping", "dataflow": "eyeriss",
                           "samples": 400, "pe-limit": 64}),
    ("64,64,1,1,1,1,0", {"platform": "cloud", "area-budget": 0,
                         "samples": 500, "min-levels": 1, "population": 20}),
    ("64,32,30,30,3,3,1", {"platform": "edge-lpddr4", "samples": 600,
                           "seed": 4}),
    ("64,32,30,30,3,3,1", {"platform": "cloud-hbm2", "samples": 500,
                           "offchip-bandwidth": 64, "noc-bandwidth": 128}),
    ("64,32,30,30,3,3,1", {"platform": "eyeriss", "mode": "fixed-hw",
                           "samples": 500}),
    ("64,32,30,30,3,3,1", {"semantics": "maestro", "samples": 500,
                           "maestro-accept-unsound": True}),
    ("64,32,30,30,3,3,1", {"constraint": "nvdla", "samples": 600, "seed": 4}),
]


def helper_args(request):
    """The pass's spelling of a request: --name=value, true/false."""
    def text(value):
        return str(value).lower() if isinstance(value, bool) else str(value)
    return ["--%s=%s" % (name, text(value)) for name, value in request.items()]


def python_kwargs(request):
    return {name.replace("-", "_"): value for name, value in request.items()}


def assert_same_fields(test, fields, design):
    """Every figure the C++ helper printed is the design's, to the bit."""
    test.assertGreater(len(fields), 15)
    for path, expected in fields.items():
        if path.startswith("mapping"):
            index = path.partition(".")[2]
            layer = design.layers[int(index)] if index else design.layer
            actual = lookup(design, path).to_maestro(layer).replace("\n", " ")
        else:
            actual = as_text(lookup(design, path))
        test.assertEqual(actual, expected, path)


class CoOptimizeTest(unittest.TestCase):
    def test_equals_cpp_api(self):
        for row, request in LAYER_REQUESTS:
            # Depthwise rows have K = 1 in the layer; GAMMA writes 0.
            layer = digamma.Layer.from_gamma_row(row)
            with self.subTest(row=row, **request):
                fields, text = run_request("--layer=" + row,
                                           *helper_args(request))
                self.assertNotIn("error", fields)
                design = digamma.co_optimize(layer, **python_kwargs(request))
                self.assertEqual(design.format(), text)
                assert_same_fields(self, fields, design)

    def test_layer_fields_equal_cpp_api(self):
        """Dilation, groups and element sizes reach the search as the C++
        API's layer fields."""
        quantized = digamma.Layer(64, 32, 30, 30, 3, 3, input_bytes=1,
                                  weight_bytes=1, output_bytes=4)
        dilated = digamma.Layer(32, 16, 22, 22, 3, 3, batch=4, groups=2,
                                dilation=(2, 1))
        cases = [
            # element_bytes=0: each tensor at its own size.
            (quantized, ["--tensor-bytes=1,1,4"],
             {"platform": "edge-lpddr4", "element-bytes": 0, "samples": 600,
              "seed": 4}),
            # element_bytes overrides them.
            (quantized, ["--tensor-bytes=1,1,4"],
             {"platform": "edge-lpddr4", "element-bytes": 2, "samples": 600,
              "seed": 4}),
            (dilated, ["--batch=4,2", "--dilation=2,1"],
             {"platform": "cloud-hbm2", "samples": 600, "seed": 2}),
        ]
        designs = []
        for layer, extras, request in cases:
            with self.subTest(layer=repr(layer), **request):
                row = "%d,%d,%d,%d,%d,%d,1" % (layer.k, layer.c, layer.y,
                                               layer.x, layer.r, layer.s)
                fields, text = run_request("--layer=" + row, *extras,
                                           *helper_args(request))
                self.assertNotIn("error", fields)
                design = digamma.co_optimize(layer, **python_kwargs(request))
                self.assertEqual(design.format(), text)
                assert_same_fields(self, fields, design)
                designs.append(design)
        # The widest tensor sets the buffers' word; the 4-byte outputs
        # move 4 bytes each.
        self.assertEqual(designs[0].hardware.bytes_per_element, 4)
        self.assertEqual(designs[1].hardware.bytes_per_element, 2)
        plain = digamma.co_optimize(digamma.Layer(64, 32, 30, 30, 3, 3),
                                    platform="edge-lpddr4", element_bytes=0,
                                    samples=600, seed=4)
        self.assertEqual(plain.hardware.bytes_per_element, 1)

    def test_deterministic_whatever_the_threads(self):
        layer = digamma.conv2d(32, 16, 18, 18, 3, 3)
        first = digamma.co_optimize(layer, samples=1000, seed=9)
        for threads in (1, 2, 3):
            again = digamma.co_optimize(layer, samples=1000, seed=9,
                                        threads=threads)
            self.assertEqual(again.to_dict(), first.to_dict())
        other = digamma.co_optimize(layer, samples=1000, seed=10)
        self.assertNotEqual(other.to_dict(), first.to_dict())

    def test_design_fields(self):
        layer = digamma.Layer(16, 8, 10, 10, 3, 3)
        design = digamma.co_optimize(layer, samples=500, seed=1)
        self.assertEqual(design.layer, layer)
        self.assertEqual(design.cost.macs, 16 * 8 * 8 * 8 * 9)
        self.assertLessEqual(design.area_um2, 0.2e6)
        self.assertEqual(design.samples_used, 500)
        # One extent per mapping level (two or three by default).
        self.assertEqual(design.hardware.num_pes,
                         math.prod(design.pe_array_shape))
        # The design's report is the cost model's for its hardware and
        # mapping.
        self.assertEqual(digamma.evaluate(layer, design.hardware,
                                          design.mapping), design.cost)
        plain = design.to_dict()
        self.assertEqual(plain["mapping"], design.mapping.to_dict())
        self.assertEqual(plain["cost"]["cycles"], design.cost.cycles)

    def test_fixed_hardware_and_fixed_mapping_modes(self):
        layer = digamma.Layer(16, 8, 10, 10, 3, 3)
        fixed = digamma.co_optimize(
            layer, mode="fixed-hw", samples=400, seed=1,
            fixed_hardware={"num_pes": 32, "l1_bytes": 64, "l2_bytes": 4096})
        self.assertEqual(fixed.hardware.num_pes, 32)
        self.assertEqual(fixed.hardware.l2_elements, 4096)
        mapping = digamma.co_optimize(layer, mode="fixed-mapping",
                                      fixed_mapping=fixed.mapping,
                                      samples=400, seed=1)
        self.assertEqual(mapping.mapping.levels[0]["tiles"],
                         fixed.mapping.levels[0]["tiles"])

    def test_defaults_are_the_request_layers(self):
        defaults = digamma.defaults()
        self.assertEqual(defaults["samples"], 40000)
        self.assertEqual(defaults["objective"], "latency")
        self.assertEqual(defaults["element_bytes"], 1)
        self.assertEqual(defaults["platform"], "edge")
        # 0: the platform's area.
        self.assertEqual(defaults["area_budget"], 0.0)
        self.assertEqual(defaults["graded_penalty"], False)
        self.assertEqual(defaults["dataflow"], "")
        self.assertEqual(defaults["constraint"], "")
        self.assertEqual(defaults["constraint_file"], "")
        self.assertIsNone(defaults["fixed_hardware"])
        layer = digamma.Layer(16, 8, 10, 10, 3, 3)
        self.assertEqual(
            digamma.co_optimize(layer, samples=300).to_dict(),
            digamma.co_optimize(layer, samples=300, seed=defaults["seed"],
                                objective=None).to_dict())
        # Every default, passed back, is the default.
        explicit = {name: value for name, value in defaults.items()
                    if value is not None}
        explicit["samples"] = 300
        self.assertEqual(digamma.co_optimize(layer, **explicit).to_dict(),
                         digamma.co_optimize(layer, samples=300).to_dict())

    def test_docstrings_list_every_argument(self):
        for function in (digamma.co_optimize, digamma.model_search):
            for name, value in digamma.defaults().items():
                self.assertRegex(function.__doc__,
                                 r"\n  %s: .*; default %s\n"
                                 % (name, re.escape(repr(value))))


class PlatformTest(unittest.TestCase):
    def test_platforms_are_the_registrys(self):
        platforms = digamma.platforms()
        self.assertEqual([p["name"] for p in platforms],
                         ["edge", "cloud", "cloud-hbm2", "edge-lpddr4",
                          "eyeriss"])
        self.assertEqual(platforms[1]["area_mm2"], 7.0)
        self.assertIn("DiGamma", platforms[0]["source"])
        by_name = {p["name"]: p for p in platforms}
        # The paper's platforms have unbounded bandwidths; the others are
        # the files' figures.
        self.assertEqual(by_name["edge"]["offchip_bytes_per_cycle"], 0)
        self.assertEqual(by_name["edge-lpddr4"]["offchip_bytes_per_cycle"], 17)
        self.assertEqual(by_name["cloud-hbm2"]["noc_bytes_per_cycle"], 256)
        self.assertEqual(by_name["eyeriss"]["fixed_hardware"],
                         {"num_pes": 168, "array_rows": 12,
                          "array_columns": 14, "l1_bytes": 520,
                          "l2_bytes": 110592})
        self.assertIsNone(by_name["edge"]["fixed_hardware"])
        self.assertTrue(by_name["eyeriss"]["path"].endswith(
            os.path.join("platforms", "eyeriss.json")))
        # The request layer's message for an unknown name lists them all.
        layer = digamma.Layer(16, 8, 10, 10, 3, 3)
        with self.assertRaises(ValueError) as raised:
            digamma.co_optimize(layer, platform="mobile")
        message = str(raised.exception)
        self.assertTrue(message.startswith(
            "unknown platform 'mobile'; expected edge (0.2 mm^2), cloud "
            "(7.0 mm^2), "), message)
        self.assertTrue(message.endswith(
            " or eyeriss (0.18 mm^2), or platform-file=<path>"), message)

    def test_a_platform_is_its_area(self):
        layer = digamma.Layer(64, 32, 30, 30, 3, 3)
        # The paper's platforms are their area: unbounded bandwidths, the
        # default energies, no fixed hardware.
        for platform in digamma.platforms()[:2]:
            with self.subTest(platform=platform["name"]):
                named = digamma.co_optimize(layer, platform=platform["name"],
                                            samples=400)
                self.assertLessEqual(named.area_um2,
                                     platform["area_mm2"] * 1e6)
                self.assertEqual(
                    named.to_dict(),
                    digamma.co_optimize(layer, samples=400,
                                        area_budget=platform["area_mm2"])
                    .to_dict())


    def test_a_platform_is_its_fields(self):
        layer = digamma.Layer(64, 32, 30, 30, 3, 3)
        named = digamma.co_optimize(layer, platform="edge-lpddr4",
                                    samples=400)
        # The same budget and energies with the bandwidths given as
        # options.
        given = digamma.co_optimize(layer, samples=400, offchip_bandwidth=17,
                                    noc_bandwidth=64)
        self.assertEqual(named.to_dict(), given.to_dict())
        self.assertEqual(named.hardware.offchip_bandwidth_bytes, 17)
        self.assertGreater(named.cost.offchip_bytes, 0)
        # The paper's unbounded edge is faster.
        unbounded = digamma.co_optimize(layer, samples=400)
        self.assertLess(unbounded.cost.cycles, named.cost.cycles)
        # A platform file is the bundled platform it copies.
        with tempfile.TemporaryDirectory() as directory:
            path = os.path.join(directory, "mine.json")
            with open(digamma.platforms()[3]["path"]) as bundled, \
                    open(path, "w") as mine:
                mine.write(bundled.read())
            from_file = digamma.co_optimize(layer, platform_file=path,
                                            samples=400)
        self.assertEqual(from_file.to_dict(), named.to_dict())


class ModelSearchTest(unittest.TestCase):
    TABLE = ("K,C,Y,X,R,S,T\n64,3,32,32,3,3,1\n64,64,16,16,3,3,1\n"
             "64,64,16,16,3,3,1\n10,64,0,0,0,0,0\n")

    def assert_equals_cpp(self, request, weights=None):
        """model_search() of TABLE equals the C++ helper's design for the
        same request, spelled as the pass spells it."""
        args = helper_args(request)
        if weights:
            args.append("--weights=" + ",".join(str(w) for w in weights))
        with tempfile.TemporaryDirectory() as directory:
            path = os.path.join(directory, "model.csv")
            with open(path, "w") as table:
                table.write(self.TABLE)
            fields, _ = run_request("--table=" + path, *args)
            design = digamma.model_search(digamma.read_gamma_table(path),
                                          weights=weights,
                                          **python_kwargs(request))
        self.assertNotIn("error", fields)
        assert_same_fields(self, fields, design)

    def test_equals_cpp_api(self):
        self.assert_equals_cpp({"samples": 500, "seed": 2})

    def test_weights_equal_cpp(self):
        self.assert_equals_cpp({"samples": 300, "objective": "edp",
                                "platform": "cloud"},
                               weights=[1, 0.5, 2, 3])

    def test_weights_count_like_repeated_layers(self):
        layers = digamma.parse_gamma_table(self.TABLE)
        repeated = digamma.model_search(layers, samples=400, seed=4)
        weighted = digamma.model_search([layers[0], layers[1], layers[3]],
                                        weights=[1, 2, 1], samples=400, seed=4)
        self.assertEqual(weighted.total_cycles, repeated.total_cycles)
        self.assertEqual(weighted.hardware, repeated.hardware)
        self.assertEqual(len(repeated.mappings), 4)
        self.assertEqual(repeated.mappings[1], repeated.mappings[2])

    @unittest.skipUnless(tool("DIGAMMA_OPT"), "needs digamma-opt (MLIR)")
    def test_equals_the_pass_with_scope_model(self):
        # The bundled ResNet-18 is models/csv/resnet18.csv imported; with
        # 1-byte elements the pass's scope=model search is this request.
        ir = subprocess.run(
            [tool("DIGAMMA_OPT"), source_path("models", "resnet18.mlir"),
             "--digamma-lower-to-loop-nest",
             "--digamma-co-optimize=scope=model element-bytes=1 samples=300 "
             "seed=1"], capture_output=True, text=True, check=True).stdout
        chip = re.search(r"^module attributes \{digamma.hw = #digamma.hw<"
                         r"num_pes = (\d+), cluster_sizes = \[([\d, ]+)\]",
                         ir, re.M)
        cycles = [int(c) for c in re.findall(
            r"digamma.cost = #digamma.cost<cycles = (\d+)", ir)]
        design = digamma.model_search(
            digamma.read_gamma_table(source_path("models", "csv",
                                                 "resnet18.csv")),
            samples=300, seed=1)
        self.assertEqual(design.hardware.num_pes, int(chip.group(1)))
        self.assertEqual(design.pe_array_shape,
                         [int(c) for c in chip.group(2).split(",")])
        self.assertEqual([cost.cycles for cost in design.costs], cycles)


if __name__ == "__main__":
    unittest.main()
