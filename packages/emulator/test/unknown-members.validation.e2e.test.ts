import { DescribeTrainingJobCommand } from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { manualEmulator, trainingJobRequest } from "./fixtures.js";
import { modelRequest } from "./fixtures/hosting.js";

/**
 * Issue item 2: members the model does not define were stored and echoed by Describe and the
 * state dump; the service drops them. And the input direction of item 10: the stored job must
 * not alias the caller's object.
 */

const decode = (body: Uint8Array): Record<string, unknown> => JSON.parse(new TextDecoder().decode(body)) as Record<string, unknown>;

describe("members the model does not define", () => {
  it('are dropped at every depth before anything is stored: `AlgorithmSpecification: {"NotAMember": "kept"}` is not echoed by Describe or the state dump', async () => {
    const { emulator, client } = manualEmulator();
    const request = {
      ...trainingJobRequest(),
      NotAMember: "top",
      AlgorithmSpecification: { ...trainingJobRequest().AlgorithmSpecification, NotAMember: "kept" },
      InputDataConfig: [{ ...trainingJobRequest().InputDataConfig![0]!, Deep: { x: [1, 2, { y: 3 }] } }],
      ResourceConfig: { ...trainingJobRequest().ResourceConfig, extra: true },
    };
    const response = emulator.serve({ headers: { "x-amz-target": "SageMaker.CreateTrainingJob" }, body: JSON.stringify(request) });
    expect(response.statusCode).toBe(200);

    const described = await client.send(new DescribeTrainingJobCommand({ TrainingJobName: "xgb-churn" }));
    expect(described.AlgorithmSpecification).toEqual(trainingJobRequest().AlgorithmSpecification);
    expect(described.InputDataConfig).toEqual(trainingJobRequest().InputDataConfig);
    expect(described.ResourceConfig).toEqual(trainingJobRequest().ResourceConfig);

    const raw = emulator.serve({ headers: { "x-amz-target": "SageMaker.DescribeTrainingJob" }, body: '{"TrainingJobName":"xgb-churn"}' });
    const text = new TextDecoder().decode(raw.body);
    for (const word of ["NotAMember", "kept", "Deep", "extra"]) expect(text).not.toContain(word);
    expect(JSON.stringify(emulator.state())).not.toMatch(/NotAMember|"kept"|"Deep"|"extra"/);
  });

  it("keep a map's own keys, whatever they are called, as data (Environment, HyperParameters)", async () => {
    const { emulator, client } = manualEmulator();
    const body =
      `{"TrainingJobName":"protos","RoleArn":${JSON.stringify(trainingJobRequest().RoleArn)},` +
      `"AlgorithmSpecification":${JSON.stringify(trainingJobRequest().AlgorithmSpecification)},` +
      `"OutputDataConfig":${JSON.stringify(trainingJobRequest().OutputDataConfig)},` +
      `"ResourceConfig":${JSON.stringify(trainingJobRequest().ResourceConfig)},` +
      `"StoppingCondition":${JSON.stringify(trainingJobRequest().StoppingCondition)},` +
      '"HyperParameters":{"__proto__":"1","constructor":"2","toString":"3"},"Environment":{"hasOwnProperty":"x"}}';
    expect(emulator.serve({ headers: { "x-amz-target": "SageMaker.CreateTrainingJob" }, body }).statusCode).toBe(200);
    const raw = decode(
      emulator.serve({ headers: { "x-amz-target": "SageMaker.DescribeTrainingJob" }, body: '{"TrainingJobName":"protos"}' }).body,
    );
    expect(Object.entries(raw.HyperParameters as object)).toEqual([
      ["__proto__", "1"],
      ["constructor", "2"],
      ["toString", "3"],
    ]);
    expect(Object.entries(raw.Environment as object)).toEqual([["hasOwnProperty", "x"]]);
    const described = await client.send(new DescribeTrainingJobCommand({ TrainingJobName: "protos" }));
    expect(described.HyperParameters?.constructor).toBe("2");
  });

  it("are dropped by in-process calls too, and the stored job does not alias the caller's object (item 10, input direction)", () => {
    const { emulator } = manualEmulator();
    const input = { ...modelRequest(), Unknown: { a: 1 } } as Record<string, unknown> & ReturnType<typeof modelRequest>;
    emulator.call("CreateModel", input);
    input.PrimaryContainer!.Image = "changed-after-create";
    input.ModelName = "renamed";

    const job = trainingJobRequest();
    emulator.call("CreateTrainingJob", job as unknown as Record<string, unknown>);
    job.ResourceConfig!.InstanceCount = 64;
    job.HyperParameters!.num_round = "1";

    const model = emulator.call("DescribeModel", { ModelName: "churn-model" }) as Record<string, unknown>;
    expect(model).not.toHaveProperty("Unknown");
    expect((model.PrimaryContainer as { Image: string }).Image).toBe(modelRequest().PrimaryContainer!.Image);
    const described = emulator.call("DescribeTrainingJob", { TrainingJobName: "xgb-churn" }) as {
      ResourceConfig: { InstanceCount: number };
      HyperParameters: Record<string, string>;
    };
    expect(described.ResourceConfig.InstanceCount).toBe(1);
    expect(described.HyperParameters.num_round).toBe("100");
  });
});
