"""Bad input raises ValueError (TypeError for a wrong type) with the C++
message; a valid request without a design raises NoDesignError."""
import os
import re
import subprocess
import tempfile
import unittest

import digamma

from common import run_request, source_path, tool

LAYER = "32,16,18,18,3,3,1"


class RequestErrorTest(unittest.TestCase):
    """The messages are the ones the request layer gives the C++ helper for
    the same request."""

    # (helper arguments, co_optimize keyword arguments)
    BAD_REQUESTS = [
        (["--objective=fast"], {"objective": "fast"}),
        (["--tie-break=speed"], {"tie_break": "speed"}),
        (["--mode=fixed"], {"mode": "fixed"}),
        (["--semantics=exact"], {"semantics": "exact"}),
        (["--algorithm=ga"], {"algorithm": "ga"}),
        (["--platform=mobile"], {"platform": "mobile"}),
        (["--dataflow=tpu"], {"dataflow": "tpu"}),
        (["--dataflow=nvdla"], {"dataflow": "nvdla"}),
        (["--constraint=nosuch"], {"constraint": "nosuch"}),
        (["--constraint=nvdla", "--constraint-file=x.json"],
         {"constraint": "nvdla", "constraint_file": "x.json"}),
        (["--samples=0"], {"samples": 0}),
        (["--population=-1"], {"population": -1}),
        (["--pe-limit=-1"], {"pe_limit": -1}),
        (["--seed=-1"], {"seed": -1}),
        (["--threads=-2"], {"threads": -2}),
        (["--platform-file=/no/such/platform.json"],
         {"platform_file": "/no/such/platform.json"}),
        (["--offchip-bandwidth=-1"], {"offchip_bandwidth": -1}),
        (["--noc-bandwidth=-8"], {"noc_bandwidth": -8}),
        (["--element-bytes=-1"], {"element_bytes": -1}),
        (["--area-budget=-1"], {"area_budget": -1}),
        (["--area-budget=nan"], {"area_budget": float("nan")}),
        (["--max-levels=4"], {"max_levels": 4}),
        (["--min-levels=0"], {"min_levels": 0}),
        (["--mode=fixed-hw"], {"mode": "fixed-hw"}),
        (["--mode=fixed-hw", "--num-pes=4"],
         {"mode": "fixed-hw", "fixed_hardware": {"num_pes": 4}}),
        (["--l2-bytes=4096"], {"fixed_hardware": {"l2_bytes": 4096}}),
        (["--mode=fixed-mapping"], {"mode": "fixed-mapping"}),
    ]

    def test_bad_requests(self):
        layer = digamma.Layer.from_gamma_row(LAYER)
        for helper, kwargs in self.BAD_REQUESTS:
            with self.subTest(**kwargs):
                expected, _ = run_request("--layer=" + LAYER, *helper)
                self.assertIn("error", expected)
                with self.assertRaises(ValueError) as raised:
                    digamma.co_optimize(layer, **kwargs)
                self.assertEqual(str(raised.exception), expected["error"])

    def test_messages_name_the_problem(self):
        layer = digamma.Layer.from_gamma_row(LAYER)
        with self.assertRaisesRegex(
                ValueError, r"^unknown objective 'fast'; expected latency, "
                r"energy, edp, lap, power, area or pareto$"):
            digamma.co_optimize(layer, objective="fast")
        with self.assertRaisesRegex(
                ValueError, r"^objective=pareto: the Python module returns "
                r"one design, not a front; digamma-opt's report and "
                r"digamma-bench return fronts$"):
            digamma.co_optimize(layer, objective="pareto")
        with self.assertRaisesRegex(ValueError,
                                    r"^samples must be positive, got -5$"):
            digamma.co_optimize(layer, samples=-5)
        with self.assertRaisesRegex(
                ValueError, r"^seed must be an integer from 0 to "
                r"18446744073709551615, got '-1'$"):
            digamma.co_optimize(layer, seed=-1)
        # A fixed mapping that does not fit the layer is bad input too.
        mapping = digamma.Mapping([{"parallel": "K",
                                    "tiles": [1000, 1, 1, 1, 1, 1]}])
        with self.assertRaisesRegex(ValueError, r"^the fixed mapping's K "
                                    r"tile at level 0 is 1000"):
            digamma.co_optimize(layer, mode="fixed-mapping",
                                fixed_mapping=mapping)

    def test_maestro_semantics_and_strides(self):
        row = "32,16,19,19,3,3,1"
        layer = digamma.Layer(32, 16, 19, 19, 3, 3, stride=2)
        with self.assertRaisesRegex(
                ValueError, r"^maestro semantics model batch 1 and stride 1 "
                r"only \(as MAESTRO does\), got N=1 stride=2x2; use sound "
                r"semantics$"):
            digamma.co_optimize(layer, semantics="maestro")
        # Stride 1 is fine: the message is about the layer, not the name.
        digamma.co_optimize(digamma.Layer.from_gamma_row(row),
                            semantics="maestro", samples=100)

    def test_no_design_within_the_budget(self):
        layer = digamma.Layer.from_gamma_row(LAYER)
        expected, _ = run_request("--layer=" + LAYER, "--area-budget=0.0001",
                                  "--samples=300")
        self.assertIn("smallest feasible area", expected["error"])
        with self.assertRaises(digamma.NoDesignError) as raised:
            digamma.co_optimize(layer, area_budget=0.0001, samples=300)
        self.assertEqual(str(raised.exception), expected["error"])
        self.assertIsInstance(raised.exception, RuntimeError)

    def test_model_requests(self):
        layers = [digamma.Layer.from_gamma_row(LAYER)]
        with tempfile.TemporaryDirectory() as directory:
            path = os.path.join(directory, "model.csv")
            with open(path, "w") as table:
                table.write("K,C,Y,X,R,S,T\n" + LAYER + "\n")
            for helper, kwargs in [(["--algorithm=pso"], {"algorithm": "pso"}),
                                   (["--mode=fixed-hw"], {"mode": "fixed-hw"}),
                                   (["--weights=0"], {"weights": [0]}),
                                   (["--area-budget=0.0001"],
                                    {"area_budget": 0.0001})]:
                with self.subTest(**kwargs):
                    expected, _ = run_request("--table=" + path,
                                              "--samples=300", *helper)
                    self.assertIn("error", expected)
                    error = (digamma.NoDesignError if "area_budget" in kwargs
                             else ValueError)
                    with self.assertRaises(error) as raised:
                        digamma.model_search(layers, samples=300, **kwargs)
                    self.assertEqual(str(raised.exception), expected["error"])
        with self.assertRaisesRegex(ValueError,
                                    r"^the model has no layer to search$"):
            digamma.model_search([])
        with self.assertRaisesRegex(ValueError, r"^layer 1's weight must be "
                                    r"a positive number, got -1$"):
            digamma.model_search(layers * 2, weights=[1, -1])
        with self.assertRaisesRegex(ValueError, r"^layer 1: maestro "
                                    r"semantics model batch 1 and stride 1"):
            digamma.model_search(
                layers + [digamma.Layer(32, 16, 19, 19, 3, 3, stride=2)],
                semantics="maestro")
        with self.assertRaisesRegex(ValueError, r"1 weights for 2 layers"):
            digamma.model_search(layers * 2, weights=[1])

    def test_argument_types(self):
        layer = digamma.Layer.from_gamma_row(LAYER)
        with self.assertRaisesRegex(
                TypeError, r"co_optimize\(\) got an unexpected keyword "
                r"argument 'budget'"):
            digamma.co_optimize(layer, budget=0.2)
        with self.assertRaisesRegex(
                TypeError, r"co_optimize\(\): samples must be an int, got str"):
            digamma.co_optimize(layer, samples="many")
        with self.assertRaisesRegex(
                TypeError, r"area_budget must be a number, got str"):
            digamma.co_optimize(layer, area_budget="0.2")
        with self.assertRaisesRegex(
                TypeError, r"graded_penalty must be a bool, got int"):
            digamma.co_optimize(layer, graded_penalty=1)
        with self.assertRaisesRegex(TypeError, r"co_optimize\(\) got an "
                                    r"unexpected keyword argument 'scope'"):
            digamma.co_optimize(layer, scope="model")
        with self.assertRaisesRegex(TypeError, r"fixed_hardware has no field"):
            digamma.co_optimize(layer, mode="fixed-hw",
                                fixed_hardware={"pes": 4})
        with self.assertRaisesRegex(TypeError, r"Hardware\(\) got an "
                                    r"unexpected field 'pes'"):
            digamma.Hardware(pes=4)
        with self.assertRaisesRegex(TypeError, r"num_pes must be an int"):
            digamma.Hardware(num_pes=2.5)


@unittest.skipUnless(tool("DIGAMMA_OPT"), "needs digamma-opt (MLIR)")
class PassMessageTest(unittest.TestCase):
    """A bad option gets the message --digamma-co-optimize prints after
    its 'digamma-co-optimize: ' prefix."""

    # (pass options, co_optimize keyword arguments)
    BAD_OPTIONS = [
        ("samples=0", {"samples": 0}),
        ("platform=mobile", {"platform": "mobile"}),
        ("offchip-bandwidth=-3", {"offchip_bandwidth": -3}),
        ("pe-limit=-1", {"pe_limit": -1}),
        ("area-budget=-2", {"area_budget": -2}),
        ("mode=fixed-hw num-pes=8", {"mode": "fixed-hw",
                                     "fixed_hardware": {"num_pes": 8}}),
        ("dataflow=nvdla", {"dataflow": "nvdla"}),
    ]

    def test_pass_messages(self):
        layer = digamma.Layer.from_gamma_row(LAYER)
        for options, kwargs in self.BAD_OPTIONS:
            with self.subTest(options=options):
                result = subprocess.run(
                    [tool("DIGAMMA_OPT"),
                     "--digamma-co-optimize=" + options, "-"],
                    input="func.func @f() { return }\n",
                    capture_output=True, text=True)
                self.assertNotEqual(result.returncode, 0)
                printed = re.findall(r"error: digamma-co-optimize: (.*)",
                                     result.stderr)
                self.assertEqual(len(printed), 1, result.stderr)
                with self.assertRaises(ValueError) as raised:
                    digamma.co_optimize(layer, **kwargs)
                self.assertEqual(str(raised.exception), printed[0])


class CostModelErrorTest(unittest.TestCase):
    def test_layers(self):
        with self.assertRaisesRegex(
                ValueError, r"^the layer's filter \(3x3\) is larger than its "
                r"input \(2x2\)$"):
            digamma.Layer(64, 64, 2, 2, 3, 3)
        with self.assertRaisesRegex(ValueError, r"^every layer extent must be "
                                    r"positive, got N=1 K=0"):
            digamma.conv2d(0, 3, 8, 8, 3, 3)
        with self.assertRaisesRegex(ValueError, r"^a depthwise layer has K = 1"):
            digamma.Layer(4, 8, 8, 8, 3, 3, kind="depthwise")
        with self.assertRaisesRegex(ValueError, r"^unknown layer kind 'fc'; "
                                    r"expected conv, depthwise or gemm$"):
            digamma.Layer(kind="fc")
        with self.assertRaisesRegex(ValueError, r"^the layer's dilations must "
                                    r"be positive, got 0x1$"):
            digamma.Layer(4, 3, 8, 8, 3, 3, dilation=(0, 1))
        with self.assertRaisesRegex(ValueError, r"^the layer's filter \(3x3 "
                                    r"dilated 4x4, spanning 9x9\) is larger "
                                    r"than its input \(8x8\)$"):
            digamma.Layer(4, 3, 8, 8, 3, 3, dilation=4)
        with self.assertRaisesRegex(ValueError, r"^the layer's groups must "
                                    r"divide N, got 3 groups and N=4$"):
            digamma.Layer(4, 3, 8, 8, 3, 3, batch=4, groups=3)
        with self.assertRaisesRegex(ValueError, r"^element sizes must not be "
                                    r"negative, got input 1, weight -1, "
                                    r"output 4$"):
            digamma.Layer(4, 3, 8, 8, 3, 3, input_bytes=1, weight_bytes=-1,
                          output_bytes=4)
        with self.assertRaisesRegex(TypeError, r"^dilation must be an int or "
                                    r"a \(dilation_y, dilation_x\) pair$"):
            digamma.Layer(4, 3, 8, 8, 3, 3, dilation="2")
        with self.assertRaisesRegex(TypeError, r"^Layer has no field "
                                    r"'bytes'$"):
            digamma.Layer.from_dict({"k": 4, "bytes": 1})

    def test_gamma_tables(self):
        with self.assertRaisesRegex(
                ValueError, r"^line 2: malformed GAMMA layer: expected 7 "
                r"comma-separated fields"):
            digamma.parse_gamma_table("K,C,Y,X,R,S,T\n1,2,3\n")
        with self.assertRaisesRegex(
                ValueError, r"^malformed GAMMA layer: unknown layer type T = 9"):
            digamma.Layer.from_gamma_row("1,1,1,1,1,1,9")
        with self.assertRaisesRegex(OSError, r"^cannot open /nonexistent"):
            digamma.read_gamma_table("/nonexistent.csv")

    def test_maestro_files(self):
        with self.assertRaisesRegex(OSError, r"^cannot open '/nonexistent.m'"):
            digamma.read_maestro_file("/nonexistent.m")
        with self.assertRaisesRegex(ValueError, r"^line \d+: "):
            digamma.parse_maestro_file("Network 0 {\nLayer L {\nType: POOL\n")

    def test_invalid_design_point_as_digamma_cost_says(self):
        path = source_path("test", "Tools", "digamma-cost", "Inputs",
                           "oversized.m")
        result = subprocess.run([tool("DIGAMMA_COST"), "--num_pes=16",
                                 "--semantics=sound", path],
                                capture_output=True, text=True)
        self.assertNotEqual(result.returncode, 0)
        entry = digamma.read_maestro_file(path).layers[0]
        with self.assertRaises(ValueError) as raised:
            digamma.evaluate(entry.layer, digamma.Hardware(num_pes=16),
                             entry.mapping, semantics="sound")
        self.assertTrue(str(raised.exception))
        self.assertEqual(result.stderr.strip(),
                         "digamma-cost: error: %s: layer 'CONV': %s"
                         % (path, raised.exception))

    def test_semantics_and_mappings(self):
        layer = digamma.Layer(4, 4, 6, 6, 3, 3)
        mapping = digamma.Mapping([{"parallel": "K"}])
        with self.assertRaisesRegex(ValueError, r"^unknown semantics 'exact'; "
                                    r"expected sound or maestro$"):
            digamma.evaluate(layer, digamma.Hardware(), mapping,
                             semantics="exact")
        with self.assertRaisesRegex(ValueError, r"^unknown dimension 'Q'; "
                                    r"expected K, C, Y, X, R or S$"):
            digamma.Mapping([{"parallel": "Q"}])
        with self.assertRaisesRegex(ValueError, r"^a mapping has 1 to 4 "
                                    r"levels, got 0$"):
            digamma.Mapping([])
        with self.assertRaisesRegex(ValueError, r"^a loop order names the six "
                                    r"dimensions"):
            digamma.Mapping([{"parallel": "K", "order": "KCY"}])
        with self.assertRaisesRegex(ValueError, r"^the mapping is malformed"):
            digamma.evaluate(layer, digamma.Hardware(), digamma.Mapping(
                [{"parallel": "K", "order": "KKKKKK"}]))


if __name__ == "__main__":
    unittest.main()
