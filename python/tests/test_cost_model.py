"""Layers, hardware, mappings, files and evaluate() against digamma-cost."""
import csv
import io
import os
import pickle
import subprocess
import tempfile
import unittest

import digamma

from common import source_path, tool

# digamma-cost's CSV columns and the Report fields they print.
COST_COLUMNS = {
    "Runtime (Cycles)": "cycles",
    "Activity count-based Energy (nJ)": "energy_nj",
    "Throughput (MACs/Cycle)": "throughput",
    "Area": "area_maestro_um2",
    "Power": "power",
    "NoC BW Req (Elements/cycle)": "noc_bandwidth_req",
    "Offchip BW Req (Elements/cycle)": "offchip_bandwidth_req",
    "L2 SRAM Size Req (Bytes)": "l2_elements",
    "L1 SRAM Size Req (Bytes)": "l1_elements",
    "Num MACs": "macs",
    "input l1 read": "input_l1_read",
    "input l1 write": "input_l1_write",
    "input l2 read": "input_l2_read",
    "input l2 write": "input_l2_write",
    "filter l1 read": "filter_l1_read",
    "filter l1 write": "filter_l1_write",
    "filter l2 read": "filter_l2_read",
    "filter l2 write": "filter_l2_write",
    "output l1 read": "output_l1_read",
    "output l1 write": "output_l1_write",
    "output l2 read": "output_l2_read",
    "output l2 write": "output_l2_write",
    "Avg number of utilized PEs": "avg_used_pes",
}


def digamma_cost(path, *flags):
    """digamma-cost's CSV rows of a mapping file, as dicts of strings."""
    out = subprocess.run([tool("DIGAMMA_COST"), *flags, path],
                         capture_output=True, text=True, check=True).stdout
    rows = list(csv.reader(io.StringIO(out), skipinitialspace=True))
    header = [name.strip() for name in rows[0]]
    return [dict(zip(header, row)) for row in rows[1:]]


def printed(value):
    """A figure as digamma-cost prints it (C++ ostream: %g)."""
    return "%g" % value if isinstance(value, float) else str(value)


class LayerTest(unittest.TestCase):
    def test_fields_and_output_extents(self):
        layer = digamma.Layer(64, 32, 58, 60, 3, 5, stride=(2, 1), batch=4)
        self.assertEqual((layer.kind, layer.k, layer.c, layer.y, layer.x,
                          layer.r, layer.s, layer.batch),
                         ("conv", 64, 32, 58, 60, 3, 5, 4))
        self.assertEqual((layer.stride_y, layer.stride_x), (2, 1))
        self.assertEqual((layer.out_y, layer.out_x), (28, 56))

    def test_round_trips(self):
        layer = digamma.Layer(k=8, c=4, y=9, x=9, r=3, s=3, stride=2)
        self.assertEqual(digamma.Layer.from_dict(layer.to_dict()), layer)
        self.assertEqual(eval(repr(layer), {"Layer": digamma.Layer}), layer)
        self.assertEqual(pickle.loads(pickle.dumps(layer)), layer)
        self.assertEqual(len({layer, digamma.Layer.from_dict(layer.to_dict())}),
                         1)
        self.assertNotEqual(layer, digamma.Layer(k=8, c=4, y=9, x=9, r=3, s=3))
        self.assertFalse(layer == 3)

    def test_dilation_groups_and_element_sizes(self):
        layer = digamma.Layer(64, 32, 30, 30, 3, 3, batch=4, dilation=(2, 1),
                              groups=2, input_bytes=1, weight_bytes=1,
                              output_bytes=4)
        self.assertEqual((layer.dilation_y, layer.dilation_x, layer.groups),
                         (2, 1, 2))
        self.assertEqual(
            (layer.input_bytes, layer.weight_bytes, layer.output_bytes),
            (1, 1, 4))
        # The dilated filter spans 5 rows: (30 - 5) / 1 + 1 output rows.
        self.assertEqual((layer.out_y, layer.out_x), (26, 28))
        self.assertEqual(digamma.Layer.from_dict(layer.to_dict()), layer)
        self.assertEqual(eval(repr(layer), {"Layer": digamma.Layer}), layer)
        self.assertEqual(pickle.loads(pickle.dumps(layer)), layer)
        # Each field takes part in equality and hashing.
        for changed in ({"dilation": 1}, {"groups": 4}, {"input_bytes": 2},
                        {"weight_bytes": 0}, {"output_bytes": 1}):
            fields = dict(layer.to_dict(), **changed)
            other = digamma.Layer.from_dict(fields)
            self.assertNotEqual(other, layer, changed)
            self.assertNotEqual(hash(other), hash(layer), changed)
        # A layer that leaves them at their defaults lists none of them.
        plain = digamma.Layer(64, 32, 30, 30, 3, 3)
        self.assertEqual(set(plain.to_dict()),
                         {"kind", "k", "c", "y", "x", "r", "s", "stride",
                          "batch"})
        self.assertEqual(
            (plain.dilation_y, plain.groups, plain.input_bytes), (1, 1, 0))

    def test_factories_are_the_cpp_api_layers(self):
        self.assertEqual(digamma.gemm(m=32, n=64, k=16),
                         digamma.Layer(k=64, c=16, y=32, kind="gemm"))
        self.assertEqual(digamma.depthwise_conv2d(32, 10, 10, 3, 3),
                         digamma.Layer(k=1, c=32, y=10, x=10, r=3, s=3,
                                       kind="depthwise"))
        self.assertEqual(digamma.conv2d(4, 3, 8, 8, 3, 3, stride=2, batch=2),
                         digamma.Layer(4, 3, 8, 8, 3, 3, stride=2, batch=2))

    def test_gamma_rows_and_tables(self):
        layers = digamma.read_gamma_table(
            source_path("models", "csv", "resnet18.csv"))
        with open(source_path("models", "csv", "resnet18.csv")) as table:
            rows = [line.strip() for line in table][1:]
        self.assertEqual(len(layers), len([row for row in rows if row]))
        self.assertEqual(digamma.Layer.from_gamma_row(rows[0]), layers[0])
        self.assertEqual(digamma.Layer.from_gamma_row([64, 3, 224, 224, 7, 7, 1]),
                         digamma.Layer(64, 3, 224, 224, 7, 7))
        self.assertEqual(digamma.Layer.from_gamma_row("1000,512,0,0,0,0,0"),
                         digamma.gemm(m=1, n=1000, k=512))
        self.assertEqual(
            digamma.parse_gamma_table("M,N,K,0,0,0,T\n32,64,16,0,0,0,3\n"),
            [digamma.gemm(m=32, n=64, k=16)])


class HardwareTest(unittest.TestCase):
    def test_defaults_are_the_cost_models(self):
        hw = digamma.Hardware()
        self.assertEqual(hw.num_pes, 1)
        self.assertEqual(hw.l1_elements, digamma.UNBOUNDED)
        self.assertEqual(hw.noc_bandwidth, 2 ** 30)

    def test_fields(self):
        hw = digamma.Hardware(num_pes=128, l2_elements=4096)
        hw.l1_elements = 64
        self.assertEqual(hw.to_dict()["l1_elements"], 64)
        self.assertEqual(digamma.Hardware.from_dict(hw.to_dict()), hw)
        self.assertEqual(eval(repr(hw), {"Hardware": digamma.Hardware}), hw)
        self.assertEqual(pickle.loads(pickle.dumps(hw)), hw)


class MappingTest(unittest.TestCase):
    LEVELS = [
        {"parallel": "K", "cluster": 1, "order": "KCYXRS",
         "tiles": {"K": 1, "C": 8, "Y": 8, "X": 8, "R": 3, "S": 3}},
        {"parallel": "C", "cluster": 8, "order": "CKRSYX",
         "tiles": {"K": 1, "C": 1, "Y": 8, "X": 8, "R": 3, "S": 3}},
    ]

    def test_dicts_and_repr(self):
        mapping = digamma.Mapping(self.LEVELS)
        self.assertEqual(mapping.levels, self.LEVELS)
        self.assertEqual(len(mapping), 2)
        self.assertEqual(digamma.Mapping.from_dict(mapping.to_dict()), mapping)
        self.assertEqual(eval(repr(mapping), {"Mapping": digamma.Mapping}),
                         mapping)
        self.assertEqual(pickle.loads(pickle.dumps(mapping)), mapping)
        listed = digamma.Mapping([
            {"parallel": "K", "order": list("KCYXRS"),
             "tiles": [1, 8, 8, 8, 3, 3]},
            {"parallel": "C", "cluster": 8, "order": "CKRSYX",
             "tiles": [1, 1, 8, 8, 3, 3]}])
        self.assertEqual(listed, mapping)

    def test_maestro_file_round_trip(self):
        layer = digamma.Layer(16, 8, 10, 10, 3, 3, stride=1)
        mapping = digamma.Mapping(self.LEVELS)
        text = digamma.write_maestro_file(layer, mapping, network="net",
                                          layer_name="conv")
        parsed = digamma.parse_maestro_file(text)
        self.assertEqual(parsed.network, "net")
        self.assertEqual([(l.name, l.layer, l.mapping) for l in parsed.layers],
                         [("conv", layer, mapping)])
        self.assertEqual(
            digamma.Mapping.from_maestro(mapping.to_maestro(layer), layer),
            mapping)


class EvaluateTest(unittest.TestCase):
    """evaluate() prints what digamma-cost prints for the same file."""

    def assert_same_as_digamma_cost(self, path, semantics, hw, flags):
        rows = digamma_cost(path, "--semantics=" + semantics, *flags)
        layers = digamma.read_maestro_file(path).layers
        self.assertEqual(len(rows), len(layers))
        self.assertGreater(len(rows), 0)
        for row, entry in zip(rows, layers):
            report = digamma.evaluate(entry.layer, hw, entry.mapping,
                                      semantics=semantics)
            self.assertEqual(row["Layer Number"], entry.name)
            for column, field in COST_COLUMNS.items():
                self.assertEqual(printed(report[field]), row[column],
                                 "%s, %s: %s" % (path, entry.name, column))

    def assert_module_file_same_as_digamma_cost(self, layer, mapping, hw,
                                                flags):
        """The file write_maestro_file() writes reads back as the layer and
        scores (sound) as digamma-cost scores it."""
        with tempfile.TemporaryDirectory() as directory:
            path = os.path.join(directory, "layer.m")
            with open(path, "w") as out:
                out.write(digamma.write_maestro_file(layer, mapping,
                                                     layer_name="layer"))
            self.assertEqual(digamma.read_maestro_file(path).layers[0].layer,
                             layer)
            self.assert_same_as_digamma_cost(path, "sound", hw, flags)

    def test_maestro_example(self):
        path = source_path("test", "Tools", "digamma-cost", "Inputs",
                           "example1.m")
        hw = digamma.Hardware(num_pes=128, noc_bandwidth=81920000,
                              offchip_bandwidth=81920000)
        flags = ["--num_pes=128", "--noc_bw_cstr=81920000",
                 "--offchip_bw_cstr=81920000"]
        for semantics in ("maestro", "sound"):
            self.assert_same_as_digamma_cost(path, semantics, hw, flags)

    def test_three_levels_and_depthwise(self):
        path = source_path("fuzz", "corpus", "digamma-maestro-file-fuzzer",
                           "dsconv-3-levels.m")
        hw = digamma.Hardware(num_pes=64, noc_bandwidth=64,
                              offchip_bandwidth=32)
        flags = ["--num_pes=64", "--noc_bw_cstr=64", "--offchip_bw_cstr=32"]
        for semantics in ("maestro", "sound"):
            self.assert_same_as_digamma_cost(path, semantics, hw, flags)

    def test_strided_batched_file_written_by_the_module(self):
        layer = digamma.Layer(32, 16, 29, 29, 3, 3, stride=2, batch=2)
        mapping = digamma.Mapping([
            {"parallel": "K", "order": "KCYXRS",
             "tiles": {"K": 4, "C": 16, "Y": 5, "X": 14, "R": 3, "S": 3}},
            {"parallel": "Y", "cluster": 5, "order": "YXKCRS",
             "tiles": {"K": 1, "C": 4, "Y": 1, "X": 7, "R": 3, "S": 3}}])
        hw = digamma.Hardware(num_pes=40, noc_bandwidth=16,
                              offchip_bandwidth=8, noc_hops=2)
        self.assert_module_file_same_as_digamma_cost(
            layer, mapping, hw, ["--num_pes=40", "--noc_bw_cstr=16",
                                 "--offchip_bw_cstr=8", "--noc_hops=2"])

    def test_dilated_grouped_file_written_by_the_module(self):
        layer = digamma.Layer(16, 8, 21, 21, 3, 3, batch=4, dilation=(3, 2),
                              groups=2)
        mapping = digamma.Mapping([
            {"parallel": "K", "order": "KCYXRS",
             "tiles": {"K": 4, "C": 8, "Y": 3, "X": 15, "R": 3, "S": 3}},
            {"parallel": "Y", "cluster": 3, "order": "YXKCRS",
             "tiles": {"K": 1, "C": 4, "Y": 1, "X": 5, "R": 3, "S": 3}}])
        hw = digamma.Hardware(num_pes=12, noc_bandwidth=16,
                              offchip_bandwidth=8)
        self.assert_module_file_same_as_digamma_cost(
            layer, mapping, hw, ["--num_pes=12", "--noc_bw_cstr=16",
                                 "--offchip_bw_cstr=8"])

    def test_per_tensor_element_sizes(self):
        """A tensor's element size scales its own bytes and no other's."""
        shape = (32, 16, 18, 18, 3, 3)
        mapping = digamma.Mapping([
            {"parallel": "K", "order": "CKYXRS",
             "tiles": {"K": 8, "C": 4, "Y": 6, "X": 16, "R": 3, "S": 3}},
            {"parallel": "K", "cluster": 8, "order": "KCYXRS",
             "tiles": {"K": 1, "C": 2, "Y": 3, "X": 3, "R": 3, "S": 3}}])
        hw = digamma.Hardware(num_pes=8, offchip_bandwidth=4,
                              bytes_per_element=1)

        def report(**sizes):
            result = digamma.evaluate(digamma.Layer(*shape, **sizes), hw,
                                      mapping)
            self.assertTrue(result.valid, result.reason)
            return result

        plain = report()
        ones = report(input_bytes=1, weight_bytes=1, output_bytes=1)
        quantized = report(input_bytes=1, weight_bytes=1, output_bytes=4)
        wide = report(input_bytes=4, weight_bytes=4, output_bytes=4)
        # 0 takes the hardware's 1 byte.
        self.assertEqual(ones, plain)
        tensors = ("input_read", "weight_read", "output_read", "output_write")
        for name in tensors:
            field = "offchip_%s_bytes" % name
            # C sits above the L2 tile: partial sums go back and forth.
            self.assertGreater(plain[field], 0, field)
            self.assertEqual(wide[field], 4 * plain[field], field)
            scale = 4 if name.startswith("output") else 1
            self.assertEqual(quantized[field], scale * plain[field], field)
        self.assertEqual(wide.l1_bytes, 4 * plain.l1_bytes)
        self.assertEqual(wide.l2_bytes, 4 * plain.l2_bytes)
        self.assertGreater(quantized.l2_bytes, plain.l2_bytes)
        self.assertLess(quantized.l2_bytes, wide.l2_bytes)
        self.assertEqual(quantized.offchip_bytes,
                         sum(quantized["offchip_%s_bytes" % name]
                             for name in tensors))
        # A MAESTRO file cannot carry them: said, not dropped silently.
        with self.assertWarnsRegex(UserWarning, "no element sizes"):
            digamma.write_maestro_file(
                digamma.Layer(*shape, output_bytes=4), mapping)
        # Element counts do not depend on the sizes.
        self.assertEqual((quantized.l2_elements, quantized.macs),
                         (plain.l2_elements, plain.macs))

    def test_report_is_a_mapping(self):
        entry = digamma.read_maestro_file(source_path(
            "test", "Tools", "digamma-cost", "Inputs", "example1.m")).layers[0]
        report = digamma.evaluate(entry.layer, digamma.Hardware(num_pes=128),
                                  entry.mapping)
        self.assertEqual(dict(report), report.to_dict())
        self.assertEqual(list(report), list(report.keys()))
        self.assertEqual(report.cycles, report["cycles"])
        self.assertIn("energy_nj", report)
        self.assertTrue(report.valid)
        self.assertEqual(report.macs, 16 * 8 * 8 * 8 * 3 * 3)
        # The default semantics are the cost model's (sound).
        self.assertEqual(report, digamma.evaluate(
            entry.layer, digamma.Hardware(num_pes=128), entry.mapping,
            semantics="sound"))

    def test_evaluate_many_equals_evaluate_and_keeps_invalid_points(self):
        bad = digamma.read_maestro_file(source_path(
            "test", "Tools", "digamma-cost", "Inputs", "oversized.m")).layers[0]
        layer = bad.layer
        good = digamma.Mapping([{"parallel": "K", "tiles": [4, 4, 4, 4, 3, 3]},
                                {"parallel": "C", "cluster": 4,
                                 "tiles": [1, 1, 2, 4, 3, 3]}])
        hw = digamma.Hardware(num_pes=16)
        reports = digamma.evaluate_many(layer, hw, [good, bad.mapping] * 3)
        self.assertEqual(len(reports), 6)
        self.assertTrue(reports[0].valid)
        self.assertEqual(reports[0], digamma.evaluate(layer, hw, good))
        self.assertEqual(reports[2:4], reports[0:2])
        self.assertFalse(reports[1].valid)
        self.assertEqual(reports[1].reason,
                         "a tile is larger than its parent level's tile or "
                         "the dimension")

    def test_area(self):
        self.assertAlmostEqual(digamma.area_um2(10, 4, 100, 1),
                               10 * 282 + (4 * 10 + 100) * 8 * 0.086)


if __name__ == "__main__":
    unittest.main()
