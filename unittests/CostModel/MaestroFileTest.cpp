//===- MaestroFileTest.cpp - MAESTRO mapping files and worked examples ----===//

#include "digamma/CostModel/CostModel.h"
#include "digamma/CostModel/MaestroFile.h"

#include "TestLayers.h"

#include "gtest/gtest.h"

using namespace digamma::cost;
using digamma::testing::allModelLayers;
using digamma::testing::randomMapping;
using digamma::testing::uniform;

namespace {

MaestroLayer parseOne(const std::string &text) {
  MaestroFile file = parseMaestroFile(text);
  EXPECT_EQ(file.error, "");
  EXPECT_EQ(file.layers.size(), 1u);
  return file.layers.empty() ? MaestroLayer() : file.layers[0];
}

std::string conv(const std::string &dims, const std::string &dataflow,
                 const std::string &type = "CONV") {
  return "Network 0 {\nLayer " + type + " {\nType: " + type +
         "\nDimensions { " + dims + " }\nDataflow {\n" + dataflow +
         "}\n}\n}\n";
}

} // namespace

// Writing a mapping and reading it back gives the same layer and mapping.
TEST(MaestroFile, RoundTrip) {
  std::vector<Layer> layers = allModelLayers();
  std::mt19937_64 rng(9);
  for (int i = 0; i < 2000; ++i) {
    Layer layer = layers[i % layers.size()];
    if (layer.layerClass == LayerClass::Gemm)
      layer.layerClass = LayerClass::Conv; // written as CONV
    Mapping mapping = randomMapping(
        rng, layer, static_cast<int>(uniform(rng, 1, 4)), 4096);
    if (layer.layerClass == LayerClass::DepthwiseConv) {
      // K has no directive: it reads back last with tile 1, and a
      // K-parallel level reads back as C-parallel.
      for (int l = 0; l < mapping.numLevels; ++l) {
        MappingLevel &level = mapping.level(l);
        std::stable_partition(level.order.begin(), level.order.end(),
                              [](Dim d) { return d != Dim::K; });
        level.tile(Dim::K) = 1;
        if (level.parallelDim == Dim::K)
          level.parallelDim = Dim::C;
      }
    }
    MaestroLayer read = parseOne(writeMaestroFile(layer, mapping));
    EXPECT_EQ(read.layer.layerClass, layer.layerClass);
    for (Dim d : kAllDims)
      EXPECT_EQ(read.layer.dim(d), layer.dim(d));
    ASSERT_EQ(read.mapping.numLevels, mapping.numLevels);
    for (int l = 0; l < mapping.numLevels; ++l) {
      const MappingLevel &a = read.mapping.level(l), &b = mapping.level(l);
      EXPECT_EQ(a.parallelDim, b.parallelDim);
      EXPECT_EQ(a.order, b.order);
      EXPECT_EQ(a.tiles, b.tiles);
      if (l > 0)
        EXPECT_EQ(a.clusterSize, b.clusterSize);
    }
    if (::testing::Test::HasFailure())
      FAIL() << writeMaestroFile(layer, mapping);
  }
}

// Batch and strides, which GAMMA never writes, are written only when they
// are not 1 and read back.
TEST(MaestroFile, BatchAndStride) {
  Layer layer;
  layer.n = 3;
  layer.k = 8;
  layer.c = 4;
  layer.y = 9;
  layer.x = 11;
  layer.r = 3;
  layer.s = 3;
  layer.strideY = 2;
  layer.strideX = 4;
  Mapping mapping;
  mapping.numLevels = 1;
  std::string text = writeMaestroFile(layer, mapping);
  EXPECT_NE(text.find("Stride { X: 4, Y: 2 }\nDimensions { N: 3, K: 8,"),
            std::string::npos)
      << text;
  MaestroLayer read = parseOne(text);
  EXPECT_EQ(read.layer.n, 3);
  EXPECT_EQ(read.layer.strideY, 2);
  EXPECT_EQ(read.layer.strideX, 4);
  EXPECT_EQ(read.layer.outX(), layer.outX());
  // The maestro semantics reject what MAESTRO does not model consistently.
  Hardware hw;
  Evaluator evaluator;
  EXPECT_EQ(evaluator.evaluate(read.layer, hw, read.mapping,
                               Semantics::Maestro)
                .reason,
            InvalidReason::MaestroUnsupportedLayer);
  EXPECT_TRUE(
      evaluator.evaluate(read.layer, hw, read.mapping, Semantics::Sound)
          .valid);
  // Unit batch and stride add nothing, as in GAMMA's files.
  Layer plain;
  EXPECT_EQ(writeMaestroFile(plain, mapping).find("Stride"), std::string::npos);
  EXPECT_EQ(writeMaestroFile(plain, mapping).find("N:"), std::string::npos);
}

// Dilations and groups, which MAESTRO's format cannot express, are written
// in our Dilation block and G entry, only when they are not 1, and read
// back: digamma-export-maestro's files keep the dilated windows.
TEST(MaestroFile, DilationAndGroups) {
  Layer layer;
  layer.n = 4;
  layer.groups = 2;
  layer.k = 8;
  layer.c = 4;
  layer.r = 3;
  layer.s = 2;
  layer.dilationY = 2;
  layer.dilationX = 3;
  layer.y = 5 + 4; // 5 output rows of a 5-row window
  layer.x = 6 + 3; // 6 output columns of a 4-column window
  Mapping mapping;
  mapping.numLevels = 1;
  std::string text = writeMaestroFile(layer, mapping);
  EXPECT_NE(text.find("Dilation { X: 3, Y: 2 }\nDimensions { N: 4, G: 2, K: 8,"),
            std::string::npos)
      << text;
  MaestroLayer read = parseOne(text);
  EXPECT_EQ(read.layer.groups, 2);
  EXPECT_EQ(read.layer.dilationY, 2);
  EXPECT_EQ(read.layer.dilationX, 3);
  EXPECT_EQ(read.layer.outY(), 5);
  EXPECT_EQ(read.layer.outX(), 6);
  Hardware hw;
  ModelOptions figures;
  figures.reportFigures = true;
  Evaluator evaluator(figures);
  CostReport written = evaluator.evaluate(layer, hw, read.mapping);
  const CostReport &reread = evaluator.evaluate(read.layer, hw, read.mapping);
  ASSERT_TRUE(written.valid && reread.valid);
  EXPECT_EQ(reread.cycles, written.cycles);
  EXPECT_EQ(reread.offchipBytes, written.offchipBytes);
  EXPECT_GT(written.offchipBytes, 0);
  Layer plain;
  EXPECT_EQ(writeMaestroFile(plain, mapping).find("Dilation"),
            std::string::npos);
  EXPECT_EQ(writeMaestroFile(plain, mapping).find("G:"), std::string::npos);

  auto error = [](const std::string &text) {
    return parseMaestroFile(text).error;
  };
  EXPECT_EQ(
      error("Network 0 {\nLayer L {\nType: CONV\nDilation { X: 0 }\n"),
      "line 4: dilation X must be a positive integer, found '0'");
  EXPECT_EQ(error("Network 0 {\nLayer L {\nType: CONV\nDilation { X: 2 }\n"
                  "Dilation { X: 2 }\n"),
            "line 5: more than one Dilation block");
  const std::string dataflow =
      "SpatialMap(1,1) K; TemporalMap(1,1) C; TemporalMap(1,1) Y'; "
      "TemporalMap(1,1) X'; TemporalMap(1,1) R; TemporalMap(1,1) S;\n";
  EXPECT_EQ(error(conv("N: 3, G: 2, K: 4, C: 4, Y: 4, X: 4, R: 1, S: 1",
                       dataflow)),
            "line 2: layer 'CONV' has 2 groups, which do not divide N = 3");
  EXPECT_EQ(
      error("Network 0 {\nLayer L {\nType: CONV\nDilation { Y: 2 }\n"
            "Dimensions { K: 1, C: 1, Y: 4, X: 4, R: 3, S: 1 }\nDataflow {\n" +
            dataflow + "}\n}\n}\n"),
      "line 2: layer 'L' has a filter larger than its input");
}

TEST(MaestroFile, ErrorsNameTheLine) {
  auto error = [](const std::string &text) {
    return parseMaestroFile(text).error;
  };
  EXPECT_EQ(error(""), "line 1: unexpected end of file, expected 'Network'");
  EXPECT_EQ(error(conv("K: 4, C: 4, Y: 4, X: 4, R: 1, S: 1",
                       "SpatialMap(1,1) K; TemporalMap(4,4) Q;\n")),
            "line 6: unknown dimension 'Q'");
  EXPECT_EQ(error(conv("K: 4, C: 4, Y: 4, X: 4, R: 1, S: 1",
                       "SpatialMap(1,1) K;\nTemporalMap(4,4) Y;\n")),
            "line 7: map Y as output coordinates (Y')");
  EXPECT_EQ(error(conv("K: 4, C: 4, Y: 4, X: 4, R: 1, S: 1",
                       "SpatialMap(1,1) K; SpatialMap(1,1) C;\n")),
            "line 6: more than one SpatialMap in a level");
  EXPECT_EQ(error(conv("K: 4, C: 4, Y: 4, X: 4, R: 1, S: 1",
                       "SpatialMap(1,1) K; TemporalMap(0,0) C;\n")),
            "line 6: map size must be a positive integer, found '0'");
  EXPECT_EQ(error(conv("K: 1, C: 4, Y: 4, X: 4, R: 1, S: 1",
                       "SpatialMap(1,1) K;\n", "DSCONV")),
            "line 6: DSCONV layers have no K dimension to map");
  EXPECT_EQ(error(conv("K: 4, C: 4, Y: 4, X: 4, R: 1, S: 1",
                       "SpatialMap(1,1) K; TemporalMap(1,1) K;\n")),
            "line 6: dimension K is mapped twice in one level");
  std::string clusters;
  for (int i = 0; i < 4; ++i)
    clusters += "Cluster(1,P);\n";
  EXPECT_EQ(error(conv("K: 1, C: 1, Y: 1, X: 1, R: 1, S: 1",
                       "SpatialMap(1,1) K; TemporalMap(1,1) C; "
                       "TemporalMap(1,1) Y'; TemporalMap(1,1) X'; "
                       "TemporalMap(1,1) R; TemporalMap(1,1) S;\n" +
                           clusters)),
            "line 8: level 1 has no directive");
  EXPECT_EQ(error("Network 0 {\nLayer L {\nType: CONV\nDimensions { K: 1 }\n"
                  "Stride { X: 2 }\n"),
            "line 5: the Stride block must come before Dimensions");
  EXPECT_EQ(error("Network 0 {\nLayer L {\nType: CONV\nStride { X: 2, K: 2 }\n"),
            "line 4: a Stride block sets X and Y, found 'K'");
  EXPECT_EQ(error("Network 0 {\nLayer L {\nType: CONV\nStride { Y: 0 }\n"),
            "line 4: stride Y must be a positive integer, found '0'");
  EXPECT_EQ(error("Network 0 {\nLayer L {\nType: CONV // comment\n"),
            "line 3: unterminated Layer block");
  // Comments and compact spacing parse.
  MaestroLayer layer =
      parseOne("// GAMMA\nNetwork n {Layer L{Type:CONV\n"
               "Dimensions{K:2,C:2,Y:3,X:3,R:3,S:3}\nDataflow{"
               "SpatialMap(2,2) K;TemporalMap(2,2) C;TemporalMap(1,1) Y';"
               "TemporalMap(1,1) X';TemporalMap(3,3) R;TemporalMap(3,3) S;}}}");
  EXPECT_EQ(layer.mapping.level(0).tile(Dim::K), 2);
}

// Three mappings with the figures MAESTRO printed for them: MAESTRO
// (github.com/maestro-project/maestro) built at commit
// e1d8efd8e5469cf865a9db60007a70e3f0cb8778, the commit GAMMA's build.py
// pins, run as GAMMA runs it: --full_buffer=false --noc_bw_cstr=81920000
// --noc_hops=1 --noc_hop_latency=1 --offchip_bw_cstr=81920000
// --noc_mc_support=true --num_simd_lanes=1 --l1_size_cstr=1073741824
// --l2_size_cstr=1073741824 and the --num_pes given. The analysis is in
// cost-model/include/cost-analysis/CA_cost-analysis-engine.hpp, the CSV
// and its energy in cost-model/include/design-space-exploration/
// DSE_csv_writer.hpp (the L2 energy multiplier 18.61 in
// cost-model/include/base/BASE_constants.hpp, the MAC energy 0.00023 nJ in
// DSE_cost-database.hpp). Each figure is
// derived by hand below, in MAESTRO's terms: a level's iterations fall into
// Init/Steady/Edge cases; the first iteration of a level adds one cycle of
// ingress delay (any traffic below the 81920000 bandwidth takes 1 cycle),
// later ones overlap it; L1 and L2 hold two copies of their tiles, and the
// output's L1 tile is counted in input rows and columns; L1 writes are
// reported equal to L2 reads, L1 reads to the MACs, output L2 reads to the
// output's size; energy is (L2 reads and writes of input and filter, L2
// writes of output) x 0.00023 nJ x 18.61 = x 0.0042803 nJ.
//
// 1. K32 C16 Y8 X8 R3 S3 (output 6x6), 64 PEs in 8 clusters of 8.
//    Outer: C over 8 clusters x 2 (one step), K tiles of 8 (4 steps), Y'
//    tiles of 3 (2 steps: input rows 5 sliding by 3); 8 iterations. Inner:
//    K over 8 PEs, X' tiles of 2 (3 steps); a PE's step is C2 R3 S3 K1 Y'3
//    X'2 = 108 MACs. Runtime: inner 109 + 2 x 108 = 325; outer 326 + 7 x 325
//    = 2601. L1 = 2 x (input C2 Y5 X4 + filter C2 R3 S3 + output Y5 X4) =
//    2 x (40 + 18 + 20) = 156. L2 = 2 x (input 8 x C2 Y5 X8 + filter 8 x K8
//    C2 R3 S3 + output K8 Y'3 X'6) = 2 x (640 + 1152 + 144) = 3872. MACs =
//    32 x 16 x 6 x 6 x 9 = 165888. Input L2 reads: 640, then 384 new rows
//    (8 x C2 x 3 x X8) at each of the 4 Y advances, none at the 3 K advances
//    (input not coupled to K) = 2176; writes 16 x 8 x 8 = 1024. Filter L2
//    reads 4 x 1152 = 4608 (once per K step), writes 32 x 16 x 9 = 4608.
//    Output L2 writes 8 x 144 = 1152 = reads. Energy 13568 x 0.0042803 =
//    58.0751.
// 2. K10 C6 Y7 X7 R3 S3 (output 5x5), 12 PEs in 4 clusters of 3: no tile
//    divides. Outer: K tiles of 3 over 4 clusters (the last holds 1 K), C
//    tiles 4 then 2, Y' tiles 2, 2, 1 (input rows 4, 4, 3); 6 iterations of
//    weight 1. Inner: a PE's step is C2 R3 S3 Y'1 X'5 = 90 MACs; C 4 takes 2
//    steps, Y rows 4 take 2, 3 take 1. Runtime: (C, Y) = (4, 4) twice: 4
//    steps, 361 (+1 for the first); (4, 3), (2, 4), (2, 4): 181; (2, 3): 91;
//    total 362 + 361 + 3 x 181 + 91 = 1357. L1 = 2 x (C2 Y3 X7 + C2 R3 S3 +
//    Y3 X7) = 2 x (42 + 18 + 21) = 162. L2 = 2 x (input C4 Y4 X7 = 112 +
//    filter 3 x (K3 C4 R3 S3) + K1 C4 R3 S3 = 360 + output 3 x (K3 Y'2 X'5)
//    + K1 Y'2 X'5 = 100) = 1144. MACs = 10 x 6 x 5 x 5 x 9 = 13500. Input
//    L2 reads: 112 first, a full tile 112 when C advances (Y comes later
//    and restarts), 56 (the 2 new rows, C4 x 2 x X7) at the 4 Y advances =
//    448; writes 6 x 7 x 7 = 294. Filter reads 360 at each of the 2 C tiles
//    = 720, writes 10 x 6 x 9 = 540. Output writes 10 x Y'2/1 x 5 per
//    iteration = 100 + 100 + 50 + 100 + 100 + 50 = 500, reads 250. Energy
//    2502 x 0.0042803 = 10.7093.
// 3. K20 C4 Y3 X3 R3 S3 (output 1x1), 8 PEs in 4 clusters of 2: a spatial
//    map folded over time. Outer: K tiles of 2 over 4 clusters cover 8 of
//    the 20 K per step: steps of 8, 8 and 4 (2 clusters busy). Inner: a
//    PE's step is C4 R3 S3 = 36 MACs, runtime 37. Runtime 38 + 37 + 37 =
//    112. L1 = 2 x (C4 Y3 X3 + C4 R3 S3 + Y3 X3) = 2 x (36 + 36 + 9) = 162.
//    L2 = 2 x (input 36 + filter 4 x K2 C4 R3 S3 = 288 + output 4 x 2 = 8) =
//    664. MACs = 20 x 4 x 9 = 720. Input L2 reads 36 (read once, not coupled
//    to K), writes 36; filter reads 288 + 288 + 144 = 720 = writes; output
//    writes 8 + 8 + 4 = 20 = reads. Energy 1532 x 0.0042803 = 6.55742.
TEST(MaestroFile, SpecWorkedExamples) {
  struct Example {
    std::string dims, dataflow;
    int64_t pes, runtime, l1, l2, macs;
    double energy;
    std::array<int64_t, 12> counts;
  } examples[] = {
      {"K: 32, C: 16, Y: 8, X: 8, R: 3, S: 3",
       "SpatialMap(2,2) C; TemporalMap(8,8) K; TemporalMap(3,3) Y'; "
       "TemporalMap(6,6) X'; TemporalMap(3,3) R; TemporalMap(3,3) S;\n"
       "Cluster(8,P);\nSpatialMap(1,1) K; TemporalMap(2,2) C; "
       "TemporalMap(3,3) Y'; TemporalMap(2,2) X'; TemporalMap(3,3) R; "
       "TemporalMap(3,3) S;\n",
       64, 2601, 156, 3872, 165888, 58.0751,
       {165888, 2176, 2176, 1024, 165888, 4608, 4608, 4608, 165888, 165888,
        1152, 1152}},
      {"K: 10, C: 6, Y: 7, X: 7, R: 3, S: 3",
       "SpatialMap(3,3) K; TemporalMap(4,4) C; TemporalMap(2,2) Y'; "
       "TemporalMap(5,5) X'; TemporalMap(3,3) R; TemporalMap(3,3) S;\n"
       "Cluster(3,P);\nSpatialMap(1,1) K; TemporalMap(2,2) C; "
       "TemporalMap(1,1) Y'; TemporalMap(5,5) X'; TemporalMap(3,3) R; "
       "TemporalMap(3,3) S;\n",
       12, 1357, 162, 1144, 13500, 10.7093,
       {13500, 448, 448, 294, 13500, 720, 720, 540, 13500, 13500, 250, 500}},
      {"K: 20, C: 4, Y: 3, X: 3, R: 3, S: 3",
       "SpatialMap(2,2) K; TemporalMap(4,4) C; TemporalMap(1,1) Y'; "
       "TemporalMap(1,1) X'; TemporalMap(3,3) R; TemporalMap(3,3) S;\n"
       "Cluster(2,P);\nSpatialMap(1,1) K; TemporalMap(4,4) C; "
       "TemporalMap(1,1) Y'; TemporalMap(1,1) X'; TemporalMap(3,3) R; "
       "TemporalMap(3,3) S;\n",
       8, 112, 162, 664, 720, 6.55742,
       {720, 36, 36, 36, 720, 720, 720, 720, 720, 720, 20, 20}},
  };
  Evaluator evaluator;
  for (const Example &ex : examples) {
    MaestroLayer layer = parseOne(conv(ex.dims, ex.dataflow));
    Hardware hw;
    hw.numPEs = ex.pes;
    hw.nocBandwidth = hw.offchipBandwidth = 81920000;
    const CostReport &r = evaluator.evaluate(layer.layer, hw, layer.mapping,
                                             Semantics::Maestro);
    ASSERT_TRUE(r.valid) << describe(r.reason);
    EXPECT_EQ(r.cycles, ex.runtime);
    EXPECT_EQ(r.l1Elements, ex.l1);
    EXPECT_EQ(r.l2Elements, ex.l2);
    EXPECT_EQ(r.macs, ex.macs);
    EXPECT_NEAR(r.energyNJ, ex.energy, 1e-5 * ex.energy);
    const AccessCounts &a = r.accesses;
    std::array<int64_t, 12> counts = {
        a.inputL1Read,   a.inputL1Write,  a.inputL2Read,  a.inputL2Write,
        a.filterL1Read,  a.filterL1Write, a.filterL2Read, a.filterL2Write,
        a.outputL1Read,  a.outputL1Write, a.outputL2Read, a.outputL2Write};
    EXPECT_EQ(counts, ex.counts);
  }
  // Mapping 1 with --noc_bw_cstr=16: a transfer of x elements takes
  // ceil(x / 16) cycles, so the first iterations wait for their data. Inner
  // first step 108 + ceil((40 + 144) / 16) = 120, steady steps stay 108
  // (their 20 and 48 new elements take 2 and 3 cycles, under the compute):
  // 120 + 2 x 108 = 336. Outer first iteration 336 + ceil((640 + 1152) / 16)
  // = 448, then 7 x 336: 2800.
  MaestroLayer ex2 = parseOne(conv(examples[0].dims, examples[0].dataflow));
  Hardware hw;
  hw.numPEs = 64;
  hw.nocBandwidth = 16;
  hw.offchipBandwidth = 81920000;
  EXPECT_EQ(evaluator.evaluate(ex2.layer, hw, ex2.mapping, Semantics::Maestro)
                .cycles,
            2800);
  // Mapping 1 with --offchip_bw_cstr=1: each outer iteration moves its
  // input and filter tiles, double buffered, (1280 + 2304) / 1 = 3584
  // elements over two iterations, more than its 325 cycles of work: 8 x
  // 3584 / 2 = 14336.
  hw.nocBandwidth = 81920000;
  hw.offchipBandwidth = 1;
  EXPECT_EQ(evaluator.evaluate(ex2.layer, hw, ex2.mapping, Semantics::Maestro)
                .cycles,
            14336);
}
