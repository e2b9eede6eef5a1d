//===- GammaTableTest.cpp - Tests of the GAMMA table reader ---------------===//

#include "digamma/CostModel/GammaTable.h"

#include "TestLayers.h"

#include "gtest/gtest.h"

using namespace digamma::cost;

TEST(GammaTable, ReadsTheBundledModels) {
  EXPECT_EQ(readGammaTable(std::string(DIGAMMA_MODELS_DIR) + "/resnet50.csv")
                .layers.size(),
            53u);
  EXPECT_EQ(digamma::testing::allModelLayers().size(),
            53u + 20 + 52 + 52 + 6 + 12 + 6);
}

TEST(GammaTable, MapsLayerTypes) {
  GammaTable table = parseGammaTable("K,C,Y,X,R,S,T\n"
                                     "8,3,10,12,3,5,1\n"
                                     "1,16,9,9,3,3,2\n"
                                     "64,32,128,1,1,1,3\n"
                                     "10,20,1,1,1,1,0\n");
  ASSERT_FALSE(table.failed()) << table.error();
  ASSERT_EQ(table.layers.size(), 4u);
  const Layer &conv = table.layers[0];
  EXPECT_EQ(conv.layerClass, LayerClass::Conv);
  EXPECT_EQ(conv.outY(), 8);
  EXPECT_EQ(conv.outX(), 8);
  EXPECT_EQ(table.layers[1].layerClass, LayerClass::DepthwiseConv);
  EXPECT_EQ(table.layers[1].c, 16);
  // GEMM M=64, N=32, K=128: K := N, C := K, Y := M.
  const Layer &gemm = table.layers[2];
  EXPECT_EQ(gemm.layerClass, LayerClass::Gemm);
  EXPECT_EQ(gemm.k, 32);
  EXPECT_EQ(gemm.c, 128);
  EXPECT_EQ(gemm.y, 64);
  // FC Out=10, In=20.
  EXPECT_EQ(table.layers[3].k, 10);
  EXPECT_EQ(table.layers[3].c, 20);
}

TEST(GammaTable, ErrorsNameTheLine) {
  EXPECT_EQ(parseGammaTable("K,C,Y,X,R,S,T\n4,4,8,8,3,3\n").error(),
            "line 2: malformed GAMMA layer: expected 7 comma-separated fields "
            "(K,C,Y,X,R,S,T), found 6");
  EXPECT_EQ(parseGammaTable("K,C,Y,X,R,S,T\n\n4,4,8x,8,3,3,1\n").error(),
            "line 3: malformed GAMMA layer: field 3 ('8x') is not an integer");
  EXPECT_EQ(
      parseGammaTable("K,C,Y,X,R,S,T\n4,4,8,8,3,3,7\n").error(),
      "line 2: malformed GAMMA layer: unknown layer type T = 7 (expected 0 "
      "FC, 1 CONV, 2 depthwise, 3 GEMM)");
  EXPECT_EQ(parseGammaTable("4,4,8,8,3,3,1\n").error(),
            "line 1: malformed GAMMA table: expected a header line such as "
            "'K,C,Y,X,R,S,T' before the layers");
  EXPECT_EQ(parseGammaTable("K,C,Y,X,R,S,T\n4,0,8,8,3,3,1\n").error(),
            "line 2: malformed GAMMA layer: C = 0 must be positive");
  EXPECT_EQ(
      parseGammaTable("K,C,Y,X,R,S,T\n4,4,2,8,3,3,1\n").error(),
      "line 2: malformed GAMMA layer: the filter (3x3) is larger than the "
      "input (2x8)");
  EXPECT_TRUE(parseGammaTable("").failed());
  EXPECT_EQ(readGammaTable("/nonexistent/x.csv").error(),
            "cannot open /nonexistent/x.csv");
}

// The format's corners (digamma-gamma-csv-fuzzer found each where two
// readers once differed): depthwise K = 1, extents up to 2^31 - 1, exactly 7
// fields, whole-cell integers, a header ending in T in any case.
TEST(GammaTable, FormatCorners) {
  EXPECT_EQ(
      parseGammaTable("K,C,Y,X,R,S,T\n16,3,5,5,3,3,2\n").error(),
      "line 2: malformed GAMMA layer: depthwise layers have K = 1 (C counts "
      "the channels), found K = 16");
  EXPECT_EQ(parseGammaTable("K,C,Y,X,R,S,T\n4,4,4294967296,8,3,3,1\n").error(),
            "line 2: malformed GAMMA layer: Y = 4294967296 exceeds the largest "
            "supported extent 2147483647");
  EXPECT_EQ(
      parseGammaTable("K,C,Y,X,R,S,T\n4,4,99999999999999999999,8,3,3,1\n")
          .error(),
      "line 2: malformed GAMMA layer: field 3 ('99999999999999999999') is "
      "not an integer");
  EXPECT_EQ(parseGammaTable("K,C,Y,X,R,S,T\n4,4,8,8,3,3,1,\n").error(),
            "line 2: malformed GAMMA layer: expected 7 comma-separated fields "
            "(K,C,Y,X,R,S,T), found 8");
  EXPECT_EQ(parseGammaTable("K,C,Y,X,R,S,T\n4,4,+8,8,3,3,1\n").error(),
            "line 2: malformed GAMMA layer: field 3 ('+8') is not an integer");
  EXPECT_EQ(
      parseGammaTable(std::string("K,C,Y,X,R,S,T\n4,4,8\0x,8,3,3,1\n", 31))
          .error(),
      std::string("line 2: malformed GAMMA layer: field 3 ('8\0x') is not an "
                  "integer",
                  64));
  EXPECT_EQ(parseGammaTable("T\n4,4,8,8,3,3,1\n").error(),
            "line 1: malformed GAMMA table: expected a header line such as "
            "'K,C,Y,X,R,S,T' before the layers");
  EXPECT_EQ(parseGammaTable("").error(),
            "line 1: malformed GAMMA table: no layers");
  // Lower-case header, unused GEMM columns of any value, blanks around
  // fields.
  GammaTable table =
      parseGammaTable("m,n,k,0,0,0,t\n\v 64 ,32,128,-7,0,0,3\r\n");
  ASSERT_FALSE(table.failed()) << table.error();
  ASSERT_EQ(table.layers.size(), 1u);
  EXPECT_EQ(table.layers[0].y, 64);
  EXPECT_EQ(table.layers[0].k, 32);
  EXPECT_EQ(table.layers[0].c, 128);
}
