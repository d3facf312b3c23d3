import { VirtualClock } from "@sagerun/transport";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEmulator, type Emulator } from "../../src/index.js";
import { definition, ROLE_ARN, trainingArguments } from "./harness.js";

/** Codes the service answers with; anything else (InternalFailure above all) is an emulator bug. */
const SERVICE_CODES = new Set(["ValidationException", "ResourceNotFound", "ResourceInUse", "ResourceLimitExceeded"]);
const PIPELINES = ["p", "p", "P", "q"];

/** Steps of every kind the emulator runs, wired at random (references, DependsOn, branches), some invalid on purpose. */
const stepArb = (i: number, names: string[]): fc.Arbitrary<Record<string, unknown>> => {
  const earlier = names.slice(0, i);
  // Mostly earlier steps; now and then a step that does not exist (CreatePipeline refuses it).
  const dep =
    earlier.length > 0
      ? fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...earlier) }, { weight: 1, arbitrary: fc.constant("Ghost") })
      : fc.constant("Ghost");
  return fc.oneof(
    fc.record({ d: fc.option(dep, { nil: undefined, freq: 2 }), fail: fc.boolean() }).map(({ d, fail }) => ({
      Name: names[i],
      Type: "Training",
      Arguments: trainingArguments({
        HyperParameters: d !== undefined ? { x: { Get: `Steps.${d}.TrainingJobName` } } : {},
        ...(fail ? { ResourceConfig: { InstanceType: "ml.m5.xlarge", InstanceCount: 0, VolumeSizeInGB: 1 } } : {}),
      }),
      RetryPolicies: [{ ExceptionType: ["SageMaker.CAPACITY_ERROR"], MaxAttempts: 1 }],
      CacheConfig: { Enabled: true, ExpireAfter: "PT1H" },
    })),
    (earlier.length > 0 ? dep : fc.constant(undefined)).map((d) => ({
      Name: names[i],
      Type: "Condition",
      Arguments: {
        Conditions: [{ Type: "Equals", LeftValue: d === undefined ? 1 : { Get: `Steps.${d}.TrainingJobStatus` }, RightValue: "Completed" }],
        IfSteps: [],
        ElseSteps: [{ Name: `${names[i]}Else`, Type: "Fail", Arguments: { ErrorMessage: "no" } }],
      },
    })),
    fc.constant({ Name: names[i], Type: "Callback", Arguments: {} }),
    fc.constant({ Name: names[i], Type: "Fail", Arguments: { ErrorMessage: { Get: "Execution.PipelineExecutionId" } } }),
  );
};

const definitionArb = fc.integer({ min: 1, max: 4 }).chain((n) => {
  const names = Array.from({ length: n }, (_, i) => `S${i}`);
  return fc.tuple(...names.map((_, i) => stepArb(i, names))).map((steps) => definition(steps));
});

/** A SageMaker request, a clock jump (`advance`) or answers to every waiting Callback step (`answer`). */
interface Action {
  readonly op: string;
  readonly input?: Record<string, unknown>;
  readonly seconds?: number;
  readonly success?: boolean;
}

const pipeline = fc.constantFrom(...PIPELINES);
const execution = fc.integer({ min: 0, max: 3 });
const actionArb: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.tuple(pipeline, definitionArb).map(([name, text]) => ({
      op: "CreatePipeline",
      input: { PipelineName: name, RoleArn: ROLE_ARN, PipelineDefinition: text, ClientRequestToken: "t".repeat(32) },
    })),
  },
  fc
    .tuple(pipeline, definitionArb)
    .map(([name, text]) => ({ op: "UpdatePipeline", input: { PipelineName: name, PipelineDefinition: text } })),
  {
    weight: 4,
    arbitrary: fc
      .tuple(pipeline, fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }), fc.integer())
      .map(([name, max, token]) => ({
        op: "StartPipelineExecution",
        input: {
          PipelineName: name,
          ClientRequestToken: `${token}`.padEnd(32, "0"),
          ...(max ? { ParallelismConfiguration: { MaxParallelExecutionSteps: max } } : {}),
        },
      })),
  },
  pipeline.map((name) => ({ op: "DeletePipeline", input: { PipelineName: name, ClientRequestToken: "d".repeat(32) } })),
  fc
    .tuple(
      fc.constantFrom("StopPipelineExecution", "RetryPipelineExecution", "DescribePipelineExecution", "ListPipelineExecutionSteps"),
      execution,
    )
    .map(([op, index]) => ({ op, input: { index } })),
  fc.boolean().map((success) => ({ op: "answer", success })),
  fc.integer({ min: 1, max: 3600 }).map((seconds) => ({ op: "advance", seconds })),
);

function call(emulator: Emulator, op: string, input: Record<string, unknown>): { status: number; body: Record<string, unknown> } {
  const response = emulator.serve({ headers: { "x-amz-target": `SageMaker.${op}` }, body: JSON.stringify(input) });
  return { status: response.statusCode, body: JSON.parse(new TextDecoder().decode(response.body)) as Record<string, unknown> };
}

describe("pipelines under random sequences of realistic requests", () => {
  it("property: every answer is 200 or one of the service's own errors, and every execution ends", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(actionArb, { minLength: 1, maxLength: 25 }), async (actions) => {
        const clock = new VirtualClock({ autoAdvance: false });
        const emulator = createEmulator({ requireInputData: false, clock });
        const executions: string[] = [];
        const check = (op: string, answer: { status: number; body: Record<string, unknown> }) => {
          if (answer.status === 200) return;
          expect(answer.status, `${op}: ${String(answer.body.__type)} ${String(answer.body.message)}`).toBe(400);
          expect(SERVICE_CODES.has(String(answer.body.__type)), `${op}: ${String(answer.body.__type)} ${String(answer.body.message)}`).toBe(
            true,
          );
        };
        for (const action of actions) {
          if (action.op === "advance") {
            await clock.advance(action.seconds! * 1000);
            continue;
          }
          if (action.op === "answer") {
            // Answer every waiting Callback step of every execution.
            const op = (action as { success: boolean }).success ? "SendPipelineExecutionStepSuccess" : "SendPipelineExecutionStepFailure";
            for (const token of waitingCallbacks(emulator, executions)) check(op, call(emulator, op, { CallbackToken: token }));
            continue;
          }
          const { op } = action;
          const input = action.input!;
          const resolved =
            "index" in input
              ? {
                  PipelineExecutionArn:
                    executions[input.index as number] ?? "arn:aws:sagemaker:us-east-1:123456789012:pipeline/p/execution/none",
                  ...(op.endsWith("Execution") && op !== "DescribePipelineExecution" ? { ClientRequestToken: "s".repeat(32) } : {}),
                }
              : input;
          const answer = call(emulator, op, resolved);
          check(op, answer);
          if (op === "StartPipelineExecution" && answer.status === 200) executions.push(answer.body.PipelineExecutionArn as string);
        }
        // Let the clock run, answering what waits (an answer may start the next Callback step): every execution ends.
        for (let round = 0; round < 10; round++) {
          for (const token of waitingCallbacks(emulator, executions)) {
            call(emulator, "SendPipelineExecutionStepSuccess", { CallbackToken: token });
          }
          await clock.advance(86_400_000);
        }
        for (const arn of executions) {
          const { body } = call(emulator, "DescribePipelineExecution", { PipelineExecutionArn: arn });
          expect(["Succeeded", "Failed", "Stopped"]).toContain(body.PipelineExecutionStatus);
        }
        expect(() => JSON.stringify(emulator.state())).not.toThrow();
      }),
      { numRuns: 100 },
    );
  });
});

/** The tokens of every Callback step still waiting for its answer, across `executions`. */
function waitingCallbacks(emulator: Emulator, executions: readonly string[]): string[] {
  type Listed = { StepStatus: string; Metadata?: { Callback?: { CallbackToken: string } } };
  return executions.flatMap((arn) => {
    const { body } = call(emulator, "ListPipelineExecutionSteps", { PipelineExecutionArn: arn });
    return ((body.PipelineExecutionSteps as Listed[] | undefined) ?? []).flatMap((step) => {
      const token = step.Metadata?.Callback?.CallbackToken;
      return token && step.StepStatus === "Executing" ? [token] : [];
    });
  });
}
