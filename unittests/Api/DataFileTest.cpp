//===- DataFileTest.cpp - JSON data files ---------------------------------===//

#include "../../lib/Api/DataFile.h"

#include "gtest/gtest.h"

#include <cstdio>
#include <fstream>

using namespace digamma;
using namespace digamma::api;

namespace {

TEST(DataFile, SyntaxErrorNamesLineAndColumn) {
  std::string error;
  EXPECT_FALSE(parseDataText("{\n  \"a\": 1,\n  \"b\" 2\n}", "p.json", error));
  EXPECT_EQ(error.rfind("p.json:3:", 0), 0u) << error;
  EXPECT_NE(error.find("invalid JSON"), std::string::npos) << error;
}

TEST(DataFile, MissingFileIsAnError) {
  std::string error;
  EXPECT_FALSE(readDataFile("/nonexistent/platform.json", error));
  EXPECT_EQ(error, "/nonexistent/platform.json: cannot read the file");
}

TEST(DataFile, ReadsAFile) {
  std::string path = ::testing::TempDir() + "data-file-test.json";
  std::ofstream(path) << R"({"name": "x", "area_mm2": 0.5})";
  std::string error;
  auto root = readDataFile(path, error);
  ASSERT_TRUE(root) << error;
  DataFields fields(*root, path, error);
  EXPECT_EQ(fields.text("name", true), "x");
  EXPECT_EQ(fields.number("area_mm2", true, 0, 100), 0.5);
  EXPECT_FALSE(fields.failed()) << error;
  std::remove(path.c_str());
}

TEST(DataFields, TypedFieldsAndTheirMessages) {
  std::string error;
  auto root = parseDataText(
      R"({"count": 3, "big": 18446744073709551615, "ratio": 2.5,
          "name": "n", "list": [1], "nested": {}})",
      "f", error);
  ASSERT_TRUE(root) << error;

  auto expectMessage = [&](auto read, const std::string &message) {
    std::string fieldError;
    DataFields fields(*root, "f", fieldError);
    read(fields);
    EXPECT_TRUE(fields.failed());
    EXPECT_EQ(fieldError, message);
  };
  expectMessage([](DataFields &f) { f.integer("ratio", true, 0, 9); },
                "f: field 'ratio': expected an integer, got 2.5");
  expectMessage([](DataFields &f) { f.integer("count", true, 4, 9); },
                "f: field 'count': expected an integer in [4, 9], got 3");
  expectMessage(
      [](DataFields &f) { f.integer("big", true, 0, 100); },
      "f: field 'big': expected an integer in [0, 100], got "
      "18446744073709551615");
  expectMessage([](DataFields &f) { f.number("ratio", true, 0, 1); },
                "f: field 'ratio': expected a number in [0, 1], got 2.5");
  expectMessage([](DataFields &f) { f.number("name", true, 0, 1); },
                "f: field 'name': expected a number, got \"n\"");
  expectMessage([](DataFields &f) { f.text("count", true); },
                "f: field 'count': expected a string, got 3");
  expectMessage([](DataFields &f) { f.text("absent", true); },
                "f: field 'absent': missing");
  expectMessage([](DataFields &f) { f.object("list", true); },
                "f: field 'list': expected an object, got [1]");
  expectMessage([](DataFields &f) { f.array("nested", true); },
                "f: field 'nested': expected an array, got {}");
  expectMessage(
      [](DataFields &f) {
        f.allowOnly({"count", "big", "ratio", "name", "list"});
      },
      "f: field 'nested': unknown field; the fields are count, big, ratio, "
      "name, list");

  std::string fieldError;
  DataFields fields(*root, "f", fieldError);
  EXPECT_EQ(fields.text("absent", false), std::nullopt);
  EXPECT_EQ(fields.integer("count", true, 0, 9), 3);
  EXPECT_NE(fields.array("list", true), nullptr);
  EXPECT_FALSE(fields.failed());
  // The first failure is kept.
  fields.text("count", true);
  fields.text("absent", true);
  EXPECT_EQ(fieldError, "f: field 'count': expected a string, got 3");
}

TEST(DataFields, NotAnObject) {
  std::string error;
  auto root = parseDataText("[1, 2]", "f", error);
  ASSERT_TRUE(root);
  DataFields fields(*root, "f", error);
  EXPECT_EQ(error, "f: expected a JSON object");
}

} // namespace
