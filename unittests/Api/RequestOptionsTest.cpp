//===- RequestOptionsTest.cpp - A request's options by name ---------------===//

#include "digamma/Api/RequestOptions.h"

#include "gtest/gtest.h"

using namespace digamma;
using namespace digamma::api;

namespace {

/// setRequestOption's message, or "" if it has none.
std::string setError(Request &request, std::string_view name,
                     std::string_view text) {
  return setRequestOption(request, name, text).value_or("");
}

TEST(RequestOptions, DefaultsReadBackUnchanged) {
  const Request defaults;
  Request copy;
  copy.options.samples = 7;
  copy.platform = "cloud";
  for (const RequestOption &option : requestOptions()) {
    std::string text = option.get(defaults);
    EXPECT_FALSE(option.set(copy, text)) << option.name << "=" << text;
    EXPECT_EQ(option.get(copy), text) << option.name;
    EXPECT_EQ(findRequestOption(option.name), &option);
  }
  EXPECT_EQ(copy.options.samples, search::kDefaultSamples);
  EXPECT_EQ(copy.platform, "edge");
  EXPECT_EQ(findRequestOption("area-budget")->get(defaults), "0");
  EXPECT_EQ(findRequestOption("element-bytes")->get(defaults), "1");
  EXPECT_EQ(findRequestOption("objective")->get(defaults), "latency");
  EXPECT_EQ(findRequestOption("graded-penalty")->get(defaults), "false");
  EXPECT_FALSE(findRequestOption("report"));
}

TEST(RequestOptions, EveryNameOfANamedOptionSetsIt) {
  for (const RequestOption &option : requestOptions()) {
    if (option.names)
      EXPECT_EQ(option.type, OptionType::Text) << option.name;
    if (!option.names || option.name == "platform" ||
        option.name == "dataflow")
      continue;
    // "a, b or c"
    std::string names = option.names();
    for (size_t start = 0; start < names.size();) {
      size_t end = names.find_first_of(", ", start);
      if (end == std::string::npos)
        end = names.size();
      std::string name = names.substr(start, end - start);
      start = end + 1;
      if (name.empty() || name == "or")
        continue;
      Request request;
      EXPECT_FALSE(option.set(request, name)) << option.name << "=" << name;
      EXPECT_EQ(option.get(request), name);
    }
  }
  EXPECT_EQ(findRequestOption("scope")->names(), "op, model or function");
}

TEST(RequestOptions, NumbersAndTheirMessages) {
  Request request;
  EXPECT_EQ(setError(request, "area-budget", "1.5"), "");
  EXPECT_EQ(request.budget.areaMm2, 1.5);
  EXPECT_EQ(setError(request, "area-budget", "0.1"), "");
  EXPECT_EQ(findRequestOption("area-budget")->get(request), "0.1");
  double third = 1.0 / 3;
  EXPECT_EQ(setError(request, "area-budget", "0.33333333333333331"), "");
  EXPECT_EQ(request.budget.areaMm2, third);
  EXPECT_EQ(setError(request, "area-budget", "big"),
            "area-budget must be a number, got 'big'");
  EXPECT_EQ(setError(request, "area-budget", " 1"),
            "area-budget must be a number, got ' 1'");

  EXPECT_EQ(setError(request, "samples", "300"), "");
  EXPECT_EQ(request.options.samples, 300);
  // Negative numbers convert: planSearch() says what is wrong with them.
  EXPECT_EQ(setError(request, "pe-limit", "-1"), "");
  EXPECT_EQ(request.budget.peLimit, -1);
  EXPECT_EQ(setError(request, "samples", "many"),
            "samples must be an integer from -9223372036854775808 to "
            "9223372036854775807, got 'many'");
  EXPECT_EQ(setError(request, "samples", "+3"),
            "samples must be an integer from -9223372036854775808 to "
            "9223372036854775807, got '+3'");
  EXPECT_EQ(setError(request, "seed", "-1"),
            "seed must be an integer from 0 to 18446744073709551615, got "
            "'-1'");
  EXPECT_EQ(setError(request, "threads", "4294967296"),
            "threads must be an integer from 0 to 4294967295, got "
            "'4294967296'");
  EXPECT_EQ(setError(request, "population", "2147483648"),
            "population must be an integer from -2147483648 to 2147483647, "
            "got '2147483648'");
  EXPECT_EQ(setError(request, "l1-bytes", "64"), "");
  EXPECT_EQ(request.options.fixedHardware.l1Bytes, 64);

  EXPECT_EQ(setError(request, "graded-penalty", "true"), "");
  EXPECT_TRUE(request.options.gradedPenalty);
  EXPECT_EQ(setError(request, "graded-penalty", "yes"),
            "graded-penalty must be true or false, got 'yes'");
}

TEST(RequestOptions, NamesAndTheirMessages) {
  Request request;
  EXPECT_EQ(setError(request, "tie-break", "edp"), "");
  EXPECT_EQ(request.options.tieBreak, search::Objective::EDP);
  EXPECT_EQ(setError(request, "objective", "fast"),
            "unknown objective 'fast'; expected latency, energy, edp, lap, "
            "power, area or pareto");
  EXPECT_EQ(setError(request, "mode", "fixed"),
            "unknown mode 'fixed'; expected co-opt, fixed-hw or "
            "fixed-mapping");
  EXPECT_EQ(setError(request, "scope", "chip"),
            "unknown scope 'chip'; expected op, model or function");
  EXPECT_EQ(setError(request, "speed", "1").rfind(
                "unknown option 'speed'; expected platform, area-budget, ", 0),
            0u);

  // Platforms and dataflows are the registry's to resolve, in planSearch().
  EXPECT_EQ(setError(request, "platform", "mobile"), "");
  EXPECT_EQ(request.platform, "mobile");
  request.layers.push_back({});
  SearchPlan plan;
  EXPECT_EQ(planSearch(request, plan).value_or(""),
            "unknown platform 'mobile'; expected " + platformNames() +
                ", or platform-file=<path>");
  EXPECT_EQ(findRequestOption("platform")->names(), platformNames());
  EXPECT_EQ(findRequestOption("dataflow")->names(),
            "nvdla, shidiannao or eyeriss");
}

TEST(RequestOptions, FrontOptions) {
  // pareto-objectives is a list, as the pass spells it.
  Request request;
  EXPECT_EQ(setError(request, "pareto-objectives", "energy,area"), "");
  ASSERT_EQ(request.options.paretoObjectives.size(), 2u);
  EXPECT_EQ(request.options.paretoObjectives[0], search::Objective::Energy);
  EXPECT_EQ(request.options.paretoObjectives[1], search::Objective::Area);
  EXPECT_EQ(findRequestOption("pareto-objectives")->get(request),
            "energy,area");
  EXPECT_EQ(setError(request, "pareto-objectives", "latency,power"),
            "unknown pareto objective 'power'; expected latency, energy or "
            "area");
  EXPECT_EQ(setError(request, "pareto-objectives", ""), "");
  EXPECT_TRUE(request.options.paretoObjectives.empty());

  EXPECT_EQ(setError(request, "pareto-pick", "energy"), "");
  EXPECT_EQ(request.options.paretoPick, search::ParetoPick::Energy);
  EXPECT_EQ(setError(request, "pareto-pick", "middle"),
            "unknown pareto-pick 'middle'; expected knee, latency, energy or "
            "area");
  EXPECT_EQ(setError(request, "pareto-size", "16"), "");
  EXPECT_EQ(request.options.paretoSize, 16);
  EXPECT_EQ(setError(request, "algorithm", "moead"), "");
  EXPECT_EQ(request.options.algorithm, search::Algorithm::Moead);
}

} // namespace
