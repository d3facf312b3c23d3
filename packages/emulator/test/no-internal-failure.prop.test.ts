import { VirtualClock } from "@sagerun/transport";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEmulator } from "../src/index.js";
import { operations } from "../src/validation/model.generated.js";
import { trainingJobRequest } from "./fixtures.js";
import { endpointConfigRequest, endpointRequest, modelRequest, variant } from "./fixtures/hosting.js";
import { processingJobRequest, transformJobRequest } from "./fixtures/jobs.js";
import { tuningJobRequest } from "./fixtures/tuning.js";
import { valid } from "./fixtures/valid-input.js";

/** Codes the service answers with; anything else (InternalFailure above all) is an emulator bug. */
const SERVICE_CODES = new Set(["ValidationException", "ResourceNotFound", "ResourceInUse", "ResourceLimitExceeded"]);

/** Names the generated requests share, so creates, references, stops and deletes meet each other. */
const NAMES = ["alpha", "Alpha", "beta-1", "gamma"];
const NAME_MEMBER = /Name$/;

/** A request built from the model's constraints, with every `…Name` member drawn from a few shared names. */
function request(op: string): fc.Arbitrary<Record<string, unknown>> {
  return fc.tuple(valid(operations[op]!) as fc.Arbitrary<Record<string, unknown>>, fc.constantFrom(...NAMES)).map(([input, name]) => {
    const out: Record<string, unknown> = { ...input };
    for (const key of Object.keys(out)) if (NAME_MEMBER.test(key) && typeof out[key] === "string") out[key] = name;
    return out;
  });
}

/** Requests that pass every check, on the shared names, so the success paths run too. */
const name = fc.constantFrom(...NAMES);
const realistic = fc.oneof(
  fc.tuple(name, fc.integer({ min: 1, max: 7200 })).map(([n, max]) => ({
    op: "CreateTrainingJob",
    input: trainingJobRequest({ TrainingJobName: n, StoppingCondition: { MaxRuntimeInSeconds: max } }),
  })),
  name.map((n) => ({ op: "CreateProcessingJob", input: processingJobRequest({ ProcessingJobName: n }) })),
  fc.tuple(name, name).map(([n, m]) => ({ op: "CreateTransformJob", input: transformJobRequest({ TransformJobName: n, ModelName: m }) })),
  name.map((n) => ({ op: "CreateHyperParameterTuningJob", input: tuningJobRequest({ HyperParameterTuningJobName: n }) })),
  name.map((n) => ({ op: "CreateModel", input: modelRequest({ ModelName: n }) })),
  fc.tuple(name, name).map(([n, m]) => ({
    op: "CreateEndpointConfig",
    input: endpointConfigRequest({ EndpointConfigName: n, ProductionVariants: [variant(m)] }),
  })),
  fc.tuple(name, name).map(([n, c]) => ({ op: "CreateEndpoint", input: endpointRequest({ EndpointName: n, EndpointConfigName: c }) })),
  fc.tuple(name, name).map(([n, c]) => ({ op: "UpdateEndpoint", input: { EndpointName: n, EndpointConfigName: c } })),
);

/** A whole deployment in one step: model → endpoint config → endpoint, all under one name. */
const deployment = name.map((n) => [
  { op: "CreateModel", input: modelRequest({ ModelName: n }) },
  { op: "CreateEndpointConfig", input: endpointConfigRequest({ EndpointConfigName: n, ProductionVariants: [variant(n)] }) },
  { op: "CreateEndpoint", input: endpointRequest({ EndpointName: n, EndpointConfigName: n }) },
]);

type Step = { op: string; input: object };
const step: fc.Arbitrary<Step[]> = fc.oneof(
  { weight: 3, arbitrary: (realistic as fc.Arbitrary<Step>).map((one) => [one]) },
  { weight: 1, arbitrary: deployment },
  {
    weight: 4,
    arbitrary: fc
      .constantFrom(...createEmulator({ requireInputData: false }).operations)
      .chain((op) => request(op).map((input) => [{ op, input }])),
  },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 7200 }).map((seconds) => [{ op: "advance", input: { seconds } }]) },
);

describe("every operation, any valid-shaped request", () => {
  it("property: the emulator answers 200 or one of the service's own errors, never an internal failure, whatever the sequence", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 1, maxLength: 20 }).map((groups) => groups.flat()),
        async (steps) => {
          const clock = new VirtualClock({ autoAdvance: false });
          const emulator = createEmulator({ requireInputData: false, clock });
          for (const { op, input } of steps) {
            if (op === "advance") {
              await clock.advance((input as { seconds: number }).seconds * 1000);
              continue;
            }
            const response = emulator.serve({ headers: { "x-amz-target": `SageMaker.${op}` }, body: JSON.stringify(input) });
            const body = JSON.parse(new TextDecoder().decode(response.body)) as { __type?: string; message?: string; Message?: string };
            if (response.statusCode !== 200) {
              expect({ op, code: body.__type, status: response.statusCode }).toEqual({ op, code: body.__type, status: 400 });
              expect(SERVICE_CODES.has(body.__type ?? ""), `${op}: ${body.__type} ${body.message ?? body.Message}`).toBe(true);
            }
          }
          expect(() => JSON.stringify(emulator.state())).not.toThrow();
        },
      ),
      { numRuns: 100 },
    );
  });
});
