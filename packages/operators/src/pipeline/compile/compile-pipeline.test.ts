import { describe, expect, it } from "vitest";
import { trainingJobRequest } from "../../../test/fixtures.js";
import { definePipeline } from "../define-pipeline.js";
import { modelStep, processingStep, trainingStep, transformStep } from "../job-steps/steps.js";
import { step } from "../step.js";
import { compilePipeline } from "./compile-pipeline.js";

// biome-ignore lint/suspicious/noExplicitAny: the refused requests read results in ways their types forbid.
type Loose = any;

const { TrainingJobName: _, ...training } = trainingJobRequest();
const role = "arn:aws:iam::123456789012:role/SageMakerRole";

/** train → model → transform, the transform also waiting on a processing step it reads nothing from. */
function threeJobs() {
  const train = trainingStep({
    id: "train",
    request: (ctx) => ({ ...training, OutputDataConfig: { S3OutputPath: `s3://bucket/${ctx.runId}/output` } }),
  });
  const model = modelStep({
    id: "model",
    dependsOn: [train],
    request: (ctx) => ({
      ExecutionRoleArn: role,
      PrimaryContainer: { Image: "img", ModelDataUrl: ctx.results.train.description.ModelArtifacts?.S3ModelArtifacts },
    }),
  });
  const prep = processingStep({
    id: "prep",
    request: () => ({
      RoleArn: role,
      AppSpecification: { ImageUri: "proc" },
      ProcessingResources: { ClusterConfig: { InstanceCount: 1, InstanceType: "ml.m5.xlarge", VolumeSizeInGB: 10 } },
    }),
  });
  const transform = transformStep({
    id: "transform",
    dependsOn: [model, prep, train],
    request: (ctx) => ({
      ModelName: ctx.results.model.ModelName,
      TransformInput: { DataSource: { S3DataSource: { S3DataType: "S3Prefix", S3Uri: "s3://bucket/batch/" } } },
      TransformOutput: { S3OutputPath: `s3://bucket/${ctx.results.train.jobName}/predictions/` },
      TransformResources: { InstanceType: "ml.m5.xlarge", InstanceCount: 1 },
    }),
  });
  return { train, model, prep, transform };
}

describe(compilePipeline.name, () => {
  it("writes each job step's request without its name as Arguments, results as Get references, templates as Std:Join", () => {
    const { train, model, prep, transform } = threeJobs();
    const pipeline = definePipeline({ name: "nightly", steps: [train, model, prep, transform] });
    const { definition, parameters, before, after } = compilePipeline(pipeline);

    expect(definition.Version).toBe("2020-12-01");
    expect(definition.Parameters).toEqual([{ Name: "RunId", Type: "String" }]);
    expect(parameters).toEqual([{ name: "RunId", source: { kind: "runId" } }]);
    expect([before, after]).toEqual([[], []]);
    expect(definition.Steps.map((s) => [s.Name, s.Type])).toEqual([
      ["train", "Training"],
      ["model", "Model"],
      ["prep", "Processing"],
      ["transform", "Transform"],
    ]);
    const [trainStep, modelStepJson, , transformStepJson] = definition.Steps;
    expect(trainStep!.Arguments).not.toHaveProperty("TrainingJobName");
    expect(trainStep!.Arguments).toMatchObject({
      RoleArn: role,
      OutputDataConfig: { S3OutputPath: { "Std:Join": { On: "", Values: ["s3://bucket/", { Get: "Parameters.RunId" }, "/output"] } } },
    });
    expect(modelStepJson!.Arguments).toEqual({
      ExecutionRoleArn: role,
      PrimaryContainer: { Image: "img", ModelDataUrl: { Get: "Steps.train.ModelArtifacts.S3ModelArtifacts" } },
    });
    expect(modelStepJson).not.toHaveProperty("DependsOn"); // implied by the reference
    expect(transformStepJson!.Arguments).toMatchObject({
      ModelName: { Get: "Steps.model.ModelName" },
      TransformOutput: {
        S3OutputPath: { "Std:Join": { On: "", Values: ["s3://bucket/", { Get: "Steps.train.TrainingJobName" }, "/predictions/"] } },
      },
    });
    // prep is referenced by nothing: an explicit DependsOn; model and train are referenced.
    expect(transformStepJson!.DependsOn).toEqual(["prep"]);
    expect(JSON.parse(JSON.stringify(definition))).toEqual(definition);
  });

  it("turns a whole string made of one result into a Join (a string), list indexes into [n], jobName into the name member", () => {
    const train = trainingStep({ id: "train", request: () => training });
    const report = trainingStep({
      id: "report",
      dependsOn: [train],
      request: (ctx) => ({
        ...training,
        HyperParameters: {
          accuracy: String(ctx.results.train.description.FinalMetricDataList?.[0]?.Value),
          parent: ctx.results.train.jobName,
          "odd-key": `${ctx.result(train).description.HyperParameters?.["sagemaker.key"]}`,
        },
      }),
    });
    const { definition } = compilePipeline(definePipeline({ name: "p", steps: [train, report] }));
    expect(definition.Steps[1]!.Arguments.HyperParameters).toEqual({
      accuracy: { "Std:Join": { On: "", Values: [{ Get: "Steps.train.FinalMetricDataList[0].Value" }] } },
      parent: { Get: "Steps.train.TrainingJobName" },
      "odd-key": { "Std:Join": { On: "", Values: [{ Get: "Steps.train.HyperParameters['sagemaker.key']" }] } },
    });
  });

  it("runs step() steps before (their results become String parameters) or after the execution", () => {
    const upload = step({ id: "upload", run: () => ({ prefix: "p/r1", rows: 120 }) });
    const train = trainingStep({
      id: "train",
      dependsOn: [upload],
      request: (ctx) => ({
        ...training,
        HyperParameters: { sample_size: String(ctx.results.upload.rows) },
        OutputDataConfig: { S3OutputPath: `s3://bucket/${ctx.results.upload.prefix}/output/` },
        Tags: [{ Key: "date", Value: ctx.logicalDate.toISOString() }],
      }),
    });
    const evaluate = step({ id: "evaluate", dependsOn: [train], run: (ctx) => ctx.results.train.jobName });
    const compiled = compilePipeline(definePipeline({ name: "p", steps: [upload, train, evaluate] }));
    expect(compiled.before).toEqual(["upload"]);
    expect(compiled.after).toEqual(["evaluate"]);
    expect(compiled.parameters).toEqual([
      { name: "upload-prefix", source: { kind: "result", stepId: "upload", path: ["prefix"] } },
      { name: "upload-rows", source: { kind: "result", stepId: "upload", path: ["rows"] } },
      { name: "LogicalDate", source: { kind: "logicalDate" } },
    ]);
    const args = compiled.definition.Steps[0]!.Arguments;
    expect(args.HyperParameters).toEqual({ sample_size: { Get: "Parameters.upload-rows" } });
    expect(args.OutputDataConfig).toEqual({
      S3OutputPath: { "Std:Join": { On: "", Values: ["s3://bucket/", { Get: "Parameters.upload-prefix" }, "/output/"] } },
    });
    expect(args.Tags).toEqual([{ Key: "date", Value: { Get: "Parameters.LogicalDate" } }]);
    // An in-process step is no dependency of the definition: it ran before the execution started.
    expect(compiled.definition.Steps[0]).not.toHaveProperty("DependsOn");
  });

  it("applies test mode at compile time and marks the steps it changed", () => {
    const train = trainingStep({
      id: "train",
      request: () => ({ ...training, ResourceConfig: { ...training.ResourceConfig!, InstanceType: "ml.m5.4xlarge" } }),
    });
    const { definition, testModeChanges } = compilePipeline(definePipeline({ name: "p", steps: [train] }), { testMode: true });
    expect(definition.Steps[0]!.Arguments).toMatchObject({
      ResourceConfig: { InstanceType: "ml.m5.large" },
      StoppingCondition: { MaxRuntimeInSeconds: 600 },
    });
    expect(testModeChanges.train!.map((c) => c.path)).toEqual(["ResourceConfig.InstanceType", "StoppingCondition.MaxRuntimeInSeconds"]);
    expect(definition.Steps[0]!.Description).toBe(
      'sagerun test mode: ResourceConfig.InstanceType "ml.m5.4xlarge" → "ml.m5.large"; StoppingCondition.MaxRuntimeInSeconds 86400 → 600',
    );
  });
});

describe(`${compilePipeline.name} refuses what SageMaker Pipelines cannot express`, () => {
  const train = trainingStep({ id: "train", request: () => training });
  const compile =
    (...steps: Parameters<typeof definePipeline>[0]["steps"]) =>
    () =>
      compilePipeline(definePipeline({ name: "p", steps }));

  it("a step() between job steps, naming it and its neighbours", () => {
    const pick = step({ id: "pick", dependsOn: [train], run: () => "x" });
    const again = trainingStep({ id: "again", dependsOn: [pick], request: () => training });
    expect(compile(train, pick, again)).toThrow(
      new TypeError(
        "Failed to compile pipeline 'p': step 'pick' runs in-process between job steps (after train; before again), and a SageMaker Pipelines execution cannot call back into this process. " +
          "Please make it a job step (trainingStep, processingStep, transformStep, tuningStep, modelStep), or move its work before the first job step or after the last.",
      ),
    );
  });

  it("a request that reads a step it does not depend on, with what it threw", () => {
    const stray = trainingStep({ id: "stray", request: (ctx) => ({ ...training, RoleArn: (ctx.results as Loose).train.jobName }) });
    expect(compile(train, stray)).toThrow(
      "Failed to compile step 'stray' of pipeline 'p': its request threw while building the request with symbolic results: Cannot read properties of undefined (reading 'jobName').",
    );
  });

  it("a pipeline without job steps", () => {
    expect(compile(step({ id: "only", run: () => 1 }))).toThrow(/it has no job steps/);
  });

  it.each([
    [
      "arithmetic",
      (r: Loose) => ({ ...training, HyperParameters: { k: String(r.description.FinalMetricDataList[0].Value * 2) } }),
      /does arithmetic or a comparison on results\.train\.description\.FinalMetricDataList\.0\.Value/,
    ],
    [
      "a comparison",
      (r: Loose) => ({ ...training, HyperParameters: { ok: r.description.BillableTimeInSeconds > 10 ? "y" : "n" } }),
      /does arithmetic or a comparison/,
    ],
    [
      "a method call",
      (r: Loose) => ({ ...training, HyperParameters: { m: r.description.FinalMetricDataList.find(() => true).Value } }),
      /calls results\.train\.description\.FinalMetricDataList\.find\(\)/,
    ],
    [
      "a spread",
      (r: Loose) => ({ ...training, ResourceConfig: { ...r.description.ResourceConfig } }),
      /lists the members of results\.train\.description\.ResourceConfig/,
    ],
    [
      "a member that is no property",
      (r: Loose) => ({ ...training, HyperParameters: { c: String(r.created) } }),
      /reads results\.train\.created, which is no SageMaker Pipelines property of the training job step/,
    ],
    [
      "a cut string",
      (r: Loose) => ({ ...training, HyperParameters: { c: `${r.jobName}`.slice(1) } }),
      /cuts or changes a string made from a result/,
    ],
  ])("%s on a result", (_, request, message) => {
    const next = trainingStep({ id: "next", dependsOn: [train], request: (ctx) => request(ctx.results.train) });
    expect(compile(train, next)).toThrow(message);
    expect(compile(train, next)).toThrow(/^Failed to compile step 'next' of pipeline 'p': its request /);
  });

  it("ctx.jobName(), the backend, and options only this process can honour", () => {
    const named = trainingStep({ id: "named", request: (ctx) => ({ ...training, HyperParameters: { me: ctx.jobName() } }) });
    expect(compile(named)).toThrow(/calls ctx\.jobName\(\), but SageMaker Pipelines names the step's job itself/);
    const client = trainingStep({ id: "client", request: (ctx) => ({ ...training, RoleArn: String(ctx.client) }) });
    expect(compile(client)).toThrow(/reads ctx\.client, which exists only while a step runs/);
    const checked = trainingStep({ id: "checked", request: () => training, options: { budgetUsd: 1 } });
    expect(compile(checked)).toThrow(
      "Failed to compile step 'checked' of pipeline 'p': its option budgetUsd cannot compile (the budget guard runs before Create in this process; check the compiled Arguments with estimateJobCost). Please leave budgetUsd out of the step's options, or run the pipeline in-process.",
    );
    // Wait options are the in-process wait's: the execution waits on its own, so they are left out.
    expect(compile(trainingStep({ id: "fine", request: () => training, options: { checkIntervalSeconds: 5 } }))).not.toThrow();
  });

  it("test mode's acceptRuntimeCap", () => {
    const s3 = { send: async () => ({}) };
    expect(() => compilePipeline(definePipeline({ name: "p", steps: [train] }), { testMode: { acceptRuntimeCap: true, s3 } })).toThrow(
      /test mode's acceptRuntimeCap cannot compile/,
    );
  });
});
