//===- RequestTest.cpp - Tests of the request layer -----------------------===//

#include "digamma/Api/Request.h"
#include "digamma/Api/Designer.h"
#include "digamma/Api/Workload.h"

#include "gtest/gtest.h"

#include <cmath>
#include <fstream>

using namespace digamma;
using namespace digamma::api;

namespace {

Request smallRequest() {
  Request request;
  request.layers.push_back({conv2d(32, 16, 18, 18, 3, 3)});
  request.options.samples = 1500;
  request.options.seed = 3;
  return request;
}

/// planSearch's message for \p request, or "" if it has none.
std::string planError(const Request &request) {
  SearchPlan plan;
  return planSearch(request, plan).value_or("");
}

TEST(Request, PlatformsAreResolvedInOnePlace) {
  ASSERT_EQ(builtinPlatforms().size(), 5u) << bundledPlatformErrors().size();
  EXPECT_TRUE(bundledPlatformErrors().empty());
  EXPECT_EQ(findPlatform("edge")->areaMm2, kEdgeAreaMm2);
  EXPECT_EQ(findPlatform("cloud")->areaMm2, kCloudAreaMm2);
  EXPECT_FALSE(findPlatform("phone"));
  EXPECT_EQ(platformNames(),
            "edge (0.2 mm^2), cloud (7.0 mm^2), cloud-hbm2 (7.0 mm^2), "
            "edge-lpddr4 (0.2 mm^2) or eyeriss (0.18 mm^2)");

  Request request = smallRequest();
  SearchPlan plan;
  ASSERT_FALSE(planSearch(request, plan));
  EXPECT_EQ(plan.platform.name, "edge");
  EXPECT_EQ(plan.options.areaBudgetUm2, 0.2e6);
  request.platform = "cloud";
  ASSERT_FALSE(planSearch(request, plan));
  EXPECT_EQ(plan.options.areaBudgetUm2, 7.0e6);
  // An area of its own replaces the platform's, in mm^2.
  request.budget.areaMm2 = 1.5;
  ASSERT_FALSE(planSearch(request, plan));
  EXPECT_EQ(plan.options.areaBudgetUm2, 1.5e6);
  EXPECT_EQ(plan.platform.name, "cloud");
  request.platform = "phone";
  EXPECT_EQ(planError(request), "unknown platform 'phone'; expected " +
                                    platformNames() +
                                    ", or platform-file=<path>");
}

TEST(Request, DefaultsAreThePassDefaults) {
  Request request;
  SearchPlan plan;
  ASSERT_FALSE(planSearch(request, plan));
  const search::SearchOptions &options = plan.options;
  EXPECT_EQ(options.samples, search::kDefaultSamples);
  EXPECT_EQ(options.samples, 40000);
  EXPECT_EQ(options.objective, search::Objective::Latency);
  EXPECT_EQ(options.tieBreak, search::Objective::Energy);
  EXPECT_EQ(options.mode, search::Mode::CoOpt);
  EXPECT_EQ(options.semantics, cost::Semantics::Sound);
  EXPECT_EQ(options.minLevels, 2);
  EXPECT_EQ(options.maxLevels, 3);
  EXPECT_EQ(options.seed, 1u);
  EXPECT_EQ(options.peLimit, cost::kUnbounded);
  EXPECT_EQ(plan.algorithm, search::Algorithm::DiGamma);
  EXPECT_EQ(plan.scope, Scope::Op);
  EXPECT_EQ(plan.dataflow, nullptr);
}

TEST(Request, OptionsForALayerConvertBytesToElements) {
  Request request = smallRequest();
  request.options.mode = search::Mode::FixedHW;
  request.options.fixedHardware = {64, 100, 4096};
  request.options.elementBytes = 0; // each layer's own
  request.layers[0].elementBytes = 4;
  SearchPlan plan;
  ASSERT_FALSE(planSearch(request, plan));
  search::SearchOptions options = plan.optionsFor(request.layers[0]);
  EXPECT_EQ(options.bytesPerElement, 4);
  EXPECT_EQ(options.fixedHardware.bytesPerElement, 4);
  EXPECT_EQ(options.fixedHardware.numPEs, 64);
  EXPECT_EQ(options.fixedHardware.l1Elements, 25);
  EXPECT_EQ(options.fixedHardware.l2Elements, 1024);
  // The option, when given, is every layer's size.
  request.options.elementBytes = 2;
  ASSERT_FALSE(planSearch(request, plan));
  EXPECT_EQ(plan.optionsFor(request.layers[0]).bytesPerElement, 2);
}

TEST(Request, OneWordingPerError) {
  Request request = smallRequest();
  request.options.dataflow = "tpu";
  EXPECT_EQ(planError(request),
            "unknown dataflow 'tpu'; expected nvdla, shidiannao or eyeriss");
  request.options.dataflow = "nvdla";
  EXPECT_EQ(planError(request),
            "dataflow=nvdla fixes the mapping and needs mode=fixed-mapping");
  request.options.mode = search::Mode::FixedMapping;
  request.options.algorithm = search::Algorithm::Pso;
  EXPECT_EQ(planError(request), "dataflow=nvdla searches the hardware by "
                                "grid search; remove algorithm=pso");
  request.options.algorithm = search::Algorithm::DiGamma;
  request.options.minLevels = request.options.maxLevels = 3;
  EXPECT_EQ(planError(request), "dataflow=nvdla has two mapping levels; it "
                                "needs min-levels <= 2 <= max-levels");
  request.options.minLevels = request.options.maxLevels = 2;
  EXPECT_EQ(planError(request), "");

  request = smallRequest();
  request.scope = Scope::Model;
  request.options.algorithm = search::Algorithm::Random;
  EXPECT_EQ(planError(request), "scope=model is searched by DiGamma only; "
                                "remove algorithm=random");
  request.options.algorithm = search::Algorithm::DiGamma;
  request.scope = Scope::Function;
  request.options.mode = search::Mode::FixedHW;
  request.options.fixedHardware = {4, 4, 4};
  EXPECT_EQ(planError(request), "scope=function shares one chip among ops "
                                "and needs mode=co-opt");

  request = smallRequest();
  request.layers[0].weight = 0;
  EXPECT_EQ(planError(request),
            "layer 0's weight must be a positive number, got 0");
  request = smallRequest();
  request.options.minLevels = 0;
  EXPECT_EQ(planError(request),
            "levels must satisfy 1 <= min-levels <= max-levels <= 3");
}

TEST(Request, SearchLayerIsTheOptimizerOfThePlan) {
  Request request = smallRequest();
  request.options.algorithm = search::Algorithm::Random;
  SearchPlan plan;
  ASSERT_FALSE(planSearch(request, plan));
  search::SearchResult viaPlan = searchLayer(plan, request.layers[0]);
  search::SearchResult direct = search::runRandomSearch(
      request.layers[0].layer, plan.optionsFor(request.layers[0]));
  ASSERT_TRUE(viaPlan.found) << viaPlan.message;
  EXPECT_EQ(viaPlan.cost.cycles, direct.cost.cycles);
  EXPECT_EQ(viaPlan.bestPerGeneration, direct.bestPerGeneration);

  // A dataflow's hardware is searched by the grid search.
  request.options.algorithm = search::Algorithm::DiGamma;
  request.options.mode = search::Mode::FixedMapping;
  request.options.dataflow = "shidiannao";
  ASSERT_FALSE(planSearch(request, plan));
  search::SearchResult grid = searchLayer(plan, request.layers[0]);
  ASSERT_TRUE(grid.found) << grid.message;
  EXPECT_EQ(grid.mapping.level(0).parallelDim, cost::Dim::Y);
  EXPECT_EQ(grid.mapping.level(1).parallelDim, cost::Dim::X);

  // Graded penalties reach the pagmo baselines.
  request = smallRequest();
  request.options.algorithm = search::Algorithm::Pso;
  request.options.gradedPenalty = true;
  ASSERT_FALSE(planSearch(request, plan));
  EXPECT_TRUE(plan.options.baseline.gradedPenalty);
}

TEST(Request, SharedChipGivesEveryLayerItsMapping) {
  Request request = smallRequest();
  request.scope = Scope::Model;
  request.options.samples = 600;
  request.layers.push_back({gemm(64, 32, 16), 3.0, 2});
  request.options.elementBytes = 0;
  request.layers[0].elementBytes = 1;
  SearchPlan plan;
  ASSERT_FALSE(planSearch(request, plan));
  SharedChipResult shared = searchSharedChip(plan, request.layers);
  ASSERT_TRUE(shared.chip.found) << shared.chip.message;
  // One buffer word: the widest element.
  EXPECT_EQ(shared.elementBytes, 2);
  ASSERT_EQ(shared.layers.size(), 2u);
  for (size_t k = 0; k < 2; ++k) {
    EXPECT_TRUE(shared.layers[k].found);
    EXPECT_EQ(shared.layers[k].hardware.numPEs, shared.chip.hardware.numPEs);
    EXPECT_EQ(shared.layers[k].cost.cycles, shared.chip.costs[k].cycles);
  }
  EXPECT_DOUBLE_EQ(shared.chip.totalCycles,
                   double(shared.chip.costs[0].cycles) +
                       3.0 * double(shared.chip.costs[1].cycles));
}

TEST(Request, ParetoOptionsAreCheckedAndResolved) {
  using search::Objective;
  Request request = smallRequest();
  request.options.objective = Objective::Pareto;
  SearchPlan plan;
  ASSERT_FALSE(planSearch(request, plan));
  // Latency, energy and area, the knee, 64 designs unless told otherwise.
  EXPECT_EQ(plan.options.pareto.numObjectives, 3);
  EXPECT_EQ(plan.options.pareto.pick, search::ParetoPick::Knee);
  EXPECT_EQ(plan.options.pareto.frontCapacity, 64);
  request.options.paretoObjectives = {Objective::Energy, Objective::Latency};
  request.options.paretoPick = search::ParetoPick::Energy;
  request.options.paretoSize = 16;
  ASSERT_FALSE(planSearch(request, plan));
  EXPECT_EQ(plan.options.pareto.numObjectives, 2);
  EXPECT_EQ(plan.options.pareto.objectives[0], Objective::Energy);
  EXPECT_EQ(plan.options.pareto.objectives[1], Objective::Latency);
  EXPECT_EQ(plan.options.pareto.frontCapacity, 16);
  search::SearchResult result = searchLayer(plan, request.layers[0]);
  ASSERT_TRUE(result.found) << result.message;
  EXPECT_LE(result.front.designs.size(), 16u);
  // The pick is the front's most frugal design.
  for (const search::FrontDesign &design : result.front.designs)
    EXPECT_GE(design.energyNJ, result.cost.energyNJ);

  request.options.paretoPick = search::ParetoPick::Area;
  EXPECT_EQ(planError(request),
            "pareto-pick=area is not a figure of the front (energy or "
            "latency)");
  request.options.paretoPick = search::ParetoPick::Knee;
  request.options.paretoObjectives = {Objective::Latency};
  EXPECT_EQ(planError(request), "pareto-objectives names two or three of "
                                "latency, energy and area, got latency");
  request.options.paretoObjectives = {Objective::Latency, Objective::EDP};
  EXPECT_EQ(planError(request),
            "pareto-objectives names latency, energy and area only, got edp");
  request.options.paretoObjectives = {Objective::Area, Objective::Area};
  EXPECT_EQ(planError(request), "pareto-objectives names area twice");
  request.options.paretoObjectives.clear();
  request.options.paretoSize = 1;
  EXPECT_EQ(planError(request), "pareto-size must be at least 2 (0 takes the "
                                "default), got 1");
  request.options.paretoSize = 0;
  request.options.algorithm = search::Algorithm::Cmaes;
  EXPECT_EQ(planError(request),
            "objective=pareto needs an algorithm that searches fronts "
            "(digamma, random, nsga2 or moead); cmaes searches one figure");
  request.options.algorithm = search::Algorithm::Nsga2;
  EXPECT_EQ(planError(request), "");
  request.options.algorithm = search::Algorithm::Moead;
  EXPECT_EQ(planError(request), "");
  request.options.tieBreak = Objective::Pareto;
  EXPECT_EQ(planError(request), "tie-break is one figure; pareto is not");

  // Pareto options without objective=pareto do nothing: an error.
  request = smallRequest();
  request.options.algorithm = search::Algorithm::Nsga2;
  EXPECT_EQ(planError(request),
            "algorithm=nsga2 searches fronts only; it needs objective=pareto");
  request.options.algorithm = search::Algorithm::Moead;
  EXPECT_EQ(planError(request),
            "algorithm=moead searches fronts only; it needs objective=pareto");
  request.options.algorithm = search::Algorithm::DiGamma;
  request.options.paretoObjectives = {Objective::Latency, Objective::Area};
  EXPECT_EQ(planError(request), "pareto-objectives needs objective=pareto");
  request.options.paretoObjectives.clear();
  request.options.paretoPick = search::ParetoPick::Latency;
  EXPECT_EQ(planError(request), "pareto-pick needs objective=pareto");
  request.options.paretoPick = search::ParetoPick::Knee;
  request.options.paretoSize = 8;
  EXPECT_EQ(planError(request), "pareto-size needs objective=pareto");
  request = smallRequest();
  request.options.objective = Objective::Pareto;
  request.options.mode = search::Mode::FixedMapping;
  request.options.dataflow = "eyeriss";
  EXPECT_EQ(planError(request),
            "dataflow=eyeriss searches the hardware by grid search for one "
            "figure; remove objective=pareto");
}

TEST(Request, SharedChipFront) {
  Request request = smallRequest();
  request.scope = Scope::Model;
  request.options.samples = 600;
  request.options.objective = search::Objective::Pareto;
  request.layers.push_back({gemm(64, 32, 16), 2.0});
  SearchPlan plan;
  ASSERT_FALSE(planSearch(request, plan));
  SharedChipResult shared = searchSharedChip(plan, request.layers);
  ASSERT_TRUE(shared.chip.found) << shared.chip.message;
  const search::Front &front = shared.chip.front;
  ASSERT_FALSE(front.empty());
  // Every layer runs on the front's pick.
  const search::FrontDesign &picked = front.designs[front.picked];
  for (size_t k = 0; k < 2; ++k) {
    EXPECT_EQ(shared.layers[k].hardware.numPEs, picked.hardware.numPEs);
    EXPECT_EQ(shared.layers[k].cost.cycles, picked.costs[k].cycles);
  }
}

TEST(Request, LayerChecksGiveTheSearchsMessage) {
  // Bad layers and mappings: the message the search gives, without it.
  Request request = smallRequest();
  request.layers[0].layer = conv2d(8, 8, 2, 2, 3, 3);
  SearchPlan plan;
  ASSERT_FALSE(planSearch(request, plan));
  std::optional<std::string> error = checkLayerProblem(plan, request.layers[0]);
  ASSERT_TRUE(error);
  EXPECT_EQ(*error, "the layer's filter (3x3) is larger than its input (2x2)");
  EXPECT_EQ(searchLayer(plan, request.layers[0]).message, *error);

  request = smallRequest();
  request.options.mode = search::Mode::FixedMapping;
  cost::Mapping mapping;
  mapping.level(0).tiles[0] = 1000;
  request.layers[0].fixedMapping = mapping;
  ASSERT_FALSE(planSearch(request, plan));
  error = checkLayerProblem(plan, request.layers[0]);
  ASSERT_TRUE(error);
  EXPECT_EQ(searchLayer(plan, request.layers[0]).message, *error);

  // A dataflow's grid search checks the layer for its semantics.
  request = smallRequest();
  request.layers[0].layer = conv2d(32, 16, 19, 19, 3, 3, /*stride=*/2);
  request.options.mode = search::Mode::FixedMapping;
  request.options.dataflow = "eyeriss";
  request.options.semantics = cost::Semantics::Maestro;
  ASSERT_FALSE(planSearch(request, plan));
  error = checkLayerProblem(plan, request.layers[0]);
  ASSERT_TRUE(error);
  EXPECT_EQ(searchLayer(plan, request.layers[0]).message, *error);

  // Valid input no design fits: no message, and no design.
  request = smallRequest();
  request.budget.areaMm2 = 1e-4;
  ASSERT_FALSE(planSearch(request, plan));
  EXPECT_FALSE(checkLayerProblem(plan, request.layers[0]));
  search::SearchResult none = searchLayer(plan, request.layers[0]);
  EXPECT_FALSE(none.found);
  EXPECT_NE(none.message.find("smallest feasible area"), std::string::npos);
}

TEST(Request, SharedChipChecksGiveTheSearchsMessage) {
  Request request = smallRequest();
  request.scope = Scope::Model;
  request.layers.push_back({conv2d(8, 8, 2, 2, 3, 3)});
  SearchPlan plan;
  ASSERT_FALSE(planSearch(request, plan));
  std::optional<std::string> error = checkSharedChip(plan, request.layers);
  ASSERT_TRUE(error);
  EXPECT_EQ(*error, "layer 1: the layer's filter (3x3) is larger than its "
                    "input (2x2)");
  EXPECT_EQ(searchSharedChip(plan, request.layers).chip.message, *error);
  EXPECT_EQ(checkSharedChip(plan, {}).value_or(""),
            "the model has no layer to search");
  EXPECT_EQ(searchSharedChip(plan, {}).chip.message,
            "the model has no layer to search");

  request.layers.pop_back();
  request.budget.areaMm2 = 1e-4;
  ASSERT_FALSE(planSearch(request, plan));
  EXPECT_FALSE(checkSharedChip(plan, request.layers));
  EXPECT_FALSE(searchSharedChip(plan, request.layers).chip.found);
}

TEST(Request, PlannedDesignIsFindDesigns) {
  // A request naming a platform gives the design of that platform's budget.
  Request request = smallRequest();
  request.platform = "cloud";
  SearchPlan plan;
  ASSERT_FALSE(planSearch(request, plan));
  Design planned = findDesign(plan, request.layers[0]);
  Design direct = findDesign(request.layers[0].layer,
                             Budget::forPlatform(Platform::Cloud),
                             request.options);
  ASSERT_TRUE(planned.found) << planned.error;
  EXPECT_EQ(formatDesign(request.layers[0].layer, planned),
            formatDesign(request.layers[0].layer, direct));
  EXPECT_EQ(planned.objectiveValue, direct.objectiveValue);
  EXPECT_EQ(planned.samplesUsed, direct.samplesUsed);
}

TEST(Workload, EqualProblemsAreSearchedOnce) {
  ProblemTable table;
  LayerProblem conv{conv2d(32, 16, 18, 18, 3, 3), 1.0, 1};
  LayerProblem matmul{gemm(64, 32, 16), 2.0, 1};
  EXPECT_EQ(table.add(conv), 0u);
  EXPECT_EQ(table.add(matmul), 1u);
  EXPECT_EQ(table.add(conv), 0u);
  ASSERT_EQ(table.size(), 2u);
  EXPECT_EQ(table.problems()[0].weight, 2.0);
  EXPECT_EQ(table.problems()[1].weight, 2.0);
  // Another element size, mapping or group is another problem.
  LayerProblem wide = conv;
  wide.elementBytes = 4;
  EXPECT_EQ(table.add(wide), 2u);
  LayerProblem mapped = conv;
  mapped.fixedMapping = cost::Mapping();
  EXPECT_EQ(table.add(mapped), 3u);
  EXPECT_EQ(table.add(conv, /*group=*/1), 4u);
  EXPECT_EQ(table.add(conv, /*group=*/1), 4u);
  EXPECT_NE(problemKey(conv), problemKey(conv, 1));
  // So is a layer that differs in dilation, groups or a tensor's element
  // size only.
  size_t next = table.size();
  for (auto change : std::initializer_list<void (*)(cost::Layer &)>{
           [](cost::Layer &l) { l.dilationY = 2; },
           [](cost::Layer &l) { l.dilationX = 2; },
           [](cost::Layer &l) { l.groups = 2; },
           [](cost::Layer &l) { l.inputBytes = 1; },
           [](cost::Layer &l) { l.weightBytes = 1; },
           [](cost::Layer &l) { l.outputBytes = 4; }}) {
    LayerProblem changed = conv;
    change(changed.layer);
    EXPECT_EQ(table.add(changed), next++);
  }
}

TEST(Request, ElementBytesOverridesTheTensorsOwnSizes) {
  Request request;
  LayerProblem quantized{conv2d(32, 16, 18, 18, 3, 3), 1.0, 4};
  quantized.layer.inputBytes = quantized.layer.weightBytes = 1;
  quantized.layer.outputBytes = 4;
  request.layers = {quantized};
  request.options.elementBytes = 0; // each layer's own
  SearchPlan own;
  ASSERT_FALSE(planSearch(request, own));
  EXPECT_EQ(own.layerFor(quantized).inputBytes, 1);
  EXPECT_EQ(own.layerFor(quantized).outputBytes, 4);
  request.options.elementBytes = 2;
  SearchPlan overridden;
  ASSERT_FALSE(planSearch(request, overridden));
  const cost::Layer uniform = overridden.layerFor(quantized);
  EXPECT_EQ(uniform.inputBytes, 0);
  EXPECT_EQ(uniform.weightBytes, 0);
  EXPECT_EQ(uniform.outputBytes, 0);
  EXPECT_EQ(overridden.optionsFor(quantized).bytesPerElement, 2);
}

TEST(Workload, ModelsFromGammaTables) {
  std::string path = ::testing::TempDir() + "/digamma-workload-test.csv";
  {
    std::ofstream file(path);
    file << "K,C,Y,X,R,S,T\n16,8,10,10,3,3,1\n32,16,1,1,1,1,0\n"
            "16,8,10,10,3,3,1\n";
  }
  ProblemTable table;
  table.add({gemm(8, 8, 8)});
  Model model;
  ASSERT_FALSE(loadModel(path, table, model, /*elementBytes=*/1));
  EXPECT_EQ(model.name, "digamma-workload-test");
  EXPECT_EQ(model.numLayers, 3u);
  ASSERT_EQ(model.problems.size(), 2u);
  EXPECT_EQ(model.problems[0], std::make_pair(size_t(1), 2.0));
  EXPECT_EQ(model.problems[1], std::make_pair(size_t(2), 1.0));
  std::vector<LayerProblem> layers = modelLayers(table, model);
  ASSERT_EQ(layers.size(), 2u);
  EXPECT_EQ(layers[0].weight, 2.0);
  EXPECT_EQ(layers[0].layer.k, 16);
  EXPECT_EQ(layers[1].layer.c, 16);

  EXPECT_EQ(modelPath("resnet18", "dir"), "dir/resnet18.csv");
  EXPECT_EQ(modelPath("my.csv", "dir"), "my.csv");
  EXPECT_EQ(modelPath("a/b", "dir"), "a/b");
  EXPECT_EQ(bundledModels().size(), 7u);
  std::optional<std::string> error = loadModel(path + ".missing", table, model);
  ASSERT_TRUE(error);
  EXPECT_NE(error->find(path + ".missing"), std::string::npos) << *error;
}

} // namespace
